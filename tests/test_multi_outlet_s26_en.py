"""Wordings from session 26's English trial: reports of takeovers from wars and events
the earlier trials had not covered (Afghanistan's first provincial capitals of August
2021, Ukraine 2024-2025, Deir ez-Zor 2024, Ras al-Ain 2019, Libya 2020, Yemen 2015,
Kirkuk 2017, Maungdaw 2024, Mocimboa da Praia 2021, Fuzuli 2020, Anefis 2023, al-Nahud
2025). A taking told with what it made of the place ("making it the first provincial
capital to fall since ..."), a since-clause that tells when a campaign began, an
advance told with its span of days before where it heads, a change dated only by a past
year, troops told by the bare word under a side's ministry, and a side that claims or
announces "the capture of" a place.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read

from sitrep.read.en.extract import Extractor


def test_a_taking_told_with_the_rank_it_gave_the_place_stays_a_taking(
    extractor: Extractor,
) -> None:
    # the classifier read the words after the taking as the sentence's news
    text = (
        "The Taliban captured the city of Zaranj, making it the first provincial capital "
        "to fall since May."
    )
    assert ("Zaranj", "Taliban") in taken(read(extractor, text, "2021-08-07"))


def test_a_since_clause_telling_when_the_campaign_began_is_not_the_news(
    extractor: Extractor,
) -> None:
    text = (
        "The Taliban on Sunday took control of Kunduz, the first big city to fall since "
        "the insurgents launched their summer offensive, officials said."
    )
    assert ("Kunduz", "Taliban") in taken(read(extractor, text, "2021-08-08"))


def test_the_rank_of_a_place_guard_an_apposition_keeps_the_taking_it_follows(
    extractor: Extractor,
) -> None:
    # the cut only shortens what the classifier reads: the taking before it stays
    text = (
        "Taliban fighters captured Sheberghan, the second provincial capital to fall in two days."
    )
    assert ("Shibirghān", "Taliban") in taken(read(extractor, text, "2021-08-07"))


def test_an_advance_told_with_its_days_before_where_it_heads_takes_nothing(
    extractor: Extractor,
) -> None:
    text = (
        "Russia's defence ministry on Tuesday claimed the capture of two more villages "
        "in eastern Ukraine following its troops' advance in recent days towards the "
        "mining town of Kurakhove."
    )
    assert not {p for p, _ in taken(read(extractor, text, "2024-10-29")) if p == "Kurakhove"}


def test_an_advance_that_heads_nowhere_past_its_days_guard(extractor: Extractor) -> None:
    # a plain taking next to a span of days is still a taking
    text = "Russian troops captured Kurakhove in recent days, the defence ministry said."
    assert ("Kurakhove", "Military Forces of Russia") in taken(read(extractor, text, "2025-01-06"))


def test_a_change_dated_only_by_a_past_year_is_recalled_not_news(extractor: Extractor) -> None:
    text = (
        "The capture of the town follows Russia's seizure of Avdiivka and Vuhledar in "
        "2024, both of which were heavily damaged."
    )
    got = taken(read(extractor, text, "2025-01-27"))
    assert not {p for p, _ in got if p in ("Avdiyivka", "Vuhledar")}


def test_a_change_dated_by_this_year_stays_news_guard(extractor: Extractor) -> None:
    text = "Russian forces captured Vuhledar in October 2024, the defence ministry said."
    got = taken(read(extractor, text, "2024-10-03"))
    assert ("Vuhledar", "Military Forces of Russia") in got


def test_troops_a_ministry_tells_of_by_the_bare_word_are_its_own(
    extractor: Extractor,
) -> None:
    # "troops" alone used to name the army of the village's country (Ukraine)
    text = "Russia's defence ministry said troops had taken the village of Hirnyk near Kurakhove."
    assert ("Hirnyk", "Military Forces of Russia") in taken(read(extractor, text, "2024-10-29"))


def test_the_ministry_named_in_full_a_sentence_before_speaks_again(
    extractor: Extractor,
) -> None:
    text = (
        "Russia's defence ministry on Tuesday announced new gains in eastern Ukraine. "
        "The ministry said troops had taken the village of Girnyk in the Donetsk region."
    )
    assert ("Hirnyk", "Military Forces of Russia") in taken(read(extractor, text, "2024-10-29"))


def test_troops_witnesses_speak_of_are_not_theirs_guard(extractor: Extractor) -> None:
    text = "Witnesses said Ukrainian troops had retaken the village of Hirnyk on Monday."
    got = taken(read(extractor, text, "2024-10-29"))
    assert ("Hirnyk", "Military Forces of Ukraine") in got


def test_a_side_that_claims_the_capture_of_a_place_took_it(extractor: Extractor) -> None:
    text = "Moscow on Tuesday claimed the capture of the village of Katerynivka near Kurakhove."
    got = taken(read(extractor, text, "2024-10-29"))
    assert ("Katerynivka", "Military Forces of Russia") in got


def test_a_side_that_announces_the_liberation_of_a_place_took_it(extractor: Extractor) -> None:
    text = "Russia announced the liberation of Selydove on Tuesday."
    got = taken(read(extractor, text, "2024-10-29"))
    assert ("Selydove", "Military Forces of Russia") in got


def test_a_side_that_confirms_the_fall_of_a_place_did_not_take_it_guard(
    extractor: Extractor,
) -> None:
    text = "Kyiv on Tuesday confirmed the fall of Selydove after weeks of fighting."
    got = taken(read(extractor, text, "2024-10-29"))
    assert ("Selydove", "Military Forces of Ukraine") not in got


def test_the_libyan_air_base_of_al_watiya_is_a_place(extractor: Extractor) -> None:
    text = (
        "Forces of the Government of National Accord seized the Al-Watiya air base "
        "from Haftar's fighters on Monday."
    )
    got = taken(read(extractor, text, "2020-05-18"))
    assert {p for p, _ in got} == {"Al-Watiya"}


def test_hadi_loyalists_are_yemen_s_government_forces(extractor: Extractor) -> None:
    text = "Aden was retaken by Hadi loyalists on Wednesday after weeks of street fighting."
    got = taken(read(extractor, text, "2015-07-22"))
    assert ("Aden", "Military Forces of Yemen") in got


def test_a_change_dated_only_by_a_past_month_is_recalled_not_news(
    extractor: Extractor,
) -> None:
    text = (
        "In June, government forces captured the town of Gharyan, the eastern army's "
        "main foothold in the west."
    )
    assert not taken(read(extractor, text, "2019-07-21"))


def test_a_change_dated_by_the_month_of_publication_stays_news_guard(
    extractor: Extractor,
) -> None:
    text = "Government forces captured the Al-Watiya air base on May 18, officials said."
    got = taken(read(extractor, text, "2020-05-19"))
    assert {p for p, _ in got} == {"Al-Watiya"}


def test_a_change_of_last_month_stays_a_change_guard(extractor: Extractor) -> None:
    # "last month" dates a change the report still tells (gold files code it)
    text = "The rebels overran the capital, Sanaa, last month."
    got = taken(read(extractor, text, "2014-10-15"))
    assert {p for p, _ in got} == {"Sanaa"}
