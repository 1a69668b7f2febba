"""Wordings from session 25's English trial: reports of takeovers from wars the reader
had not been tried on (DR Congo 2022-2025, Somalia 2016-2023, Ethiopia 2021, Ukraine
2022-2023, Iraq 2014-2015, Syria 2017, Libya 2019, Myanmar 2024, Mozambique 2021).
A country that withdraws its troops, a month told for a recalled takeover next to a
side's quoted statement of the day's news, and a dateline that opens a line after a
caption.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.text.sentences import split_sentences


def test_a_country_that_withdraws_its_troops_is_the_side_that_leaves(
    extractor: Extractor,
) -> None:
    text = (
        "Ukrainian troops closed in on the town on Friday.\n"
        "Russia has withdrawn troops from the city of Lyman in Ukraine's Donetsk region "
        "on Saturday."
    )
    got = changes(read(extractor, text, "2022-10-01"), Status.OCCURRED)
    assert {(m.actor1.name if m.actor1 else None) for m in got} == {"Military Forces of Ukraine"}
    assert {(m.actor2.name if m.actor2 else None) for m in got} == {"Military Forces of Russia"}


def test_a_withdrawal_a_country_names_alone_never_makes_it_the_taker(
    extractor: Extractor,
) -> None:
    text = "Russia has withdrawn troops from the city of Lyman on Saturday."
    got = changes(read(extractor, text, "2022-10-01"), Status.OCCURRED)
    assert got
    assert all(m.actor1 is None or "Russia" not in m.actor1.name for m in got)


def _towns_taken(extractor: Extractor, text: str, day: str) -> set[str]:
    """The towns ``text`` tells taken (as news or claims), whoever took them."""
    return {town for town, _ in taken(read(extractor, text, day))}


def _news_months(extractor: Extractor, text: str, day: str, places: set[str]) -> list[int]:
    """The months of the takeovers of ``places`` that ``text`` tells as news."""
    return [
        m.time.value.month if m.time else 0
        for m in changes(read(extractor, text, day), Status.OCCURRED, Status.CLAIMED)
        if m.place and m.place.place.name in places
    ]


def test_a_month_of_a_recalled_takeover_does_not_date_the_news_next_to_it(
    extractor: Extractor,
) -> None:
    text = (
        "Islamic State seized Palmyra in a surprise advance in December, after having "
        "been driven out nine months before.\n"
        '"Backed by the air force, units of our armed forces recaptured the city of '
        'Palmyra," the Syrian military said in a statement.'
    )
    assert _news_months(extractor, text, "2017-03-02", {"Tadmur"}) == [3]


def test_a_month_before_still_dates_an_unquoted_recollection_next_to_it(
    extractor: Extractor,
) -> None:
    # the guard: the narrator's "later" goes on with the recollection, not the news
    text = (
        "Islamic State seized Palmyra in December.\n"
        "The town was later reclaimed by the government with the backing of Russian forces."
    )
    assert _news_months(extractor, text, "2017-10-16", {"Tadmur"}) == []


def test_a_month_of_the_publication_month_still_dates_its_neighbour(
    extractor: Extractor,
) -> None:
    # the guard: a month that is the news month may date the sentence next to it
    text = (
        "Syrian government forces pushed towards the town in early March.\n"
        '"Our forces recaptured Palmyra," the Syrian military said in a statement.'
    )
    assert _news_months(extractor, text, "2017-03-20", {"Tadmur"}) == [3]


def test_a_dateline_that_opens_a_line_after_a_caption_is_no_place_of_the_news() -> None:
    text = (
        "A rebel fighter near a military base in 2015. - Photo: AFP file\n\n"
        "BANGKOK: An armed group said on Saturday that it had captured a regional "
        "military command in Lashio.\n\n"
        "Fighting has rocked the town since early July."
    )
    lead = split_sentences(text)[1].span.text
    assert lead.startswith("An armed group said")


def test_a_dateline_after_a_caption_leaves_the_town_the_lead_names(
    extractor: Extractor,
) -> None:
    text = (
        "A rebel fighter near a military base in 2015. - Photo: AFP file\n\n"
        "BANGKOK: An ethnic armed group said on Saturday that its fighters had captured "
        "the headquarters of the northeast military command in Lashio.\n\n"
        "The MNDAA said its fighters had fully captured the headquarters."
    )
    assert _towns_taken(extractor, text, "2024-08-03") == {"Lashio"}


def test_a_line_that_only_opens_with_a_capitalised_word_keeps_it() -> None:
    # the guard: a line of prose whose first word is a name ("Kabul: ...") is no
    # dateline when it is not the article's first line
    text = "The headline of the story\nKabul: The Taliban captured the city on Friday."
    assert split_sentences(text)[1].span.text.startswith("Kabul:")


def test_the_city_of_an_outlets_credit_line_is_not_the_town_of_the_report(
    extractor: Extractor,
) -> None:
    text = (
        "20 March 2018\n"
        "Radio Kulmiye Network (Mogadishu)\n"
        "Al-Shabaab fighters have pulled out of a district in the Gedo region.\n"
        "Somali government forces retook control of the town shortly after the pullout."
    )
    got = {
        m.place.place.name
        for m in changes(read(extractor, text, "2018-03-20"), Status.OCCURRED, Status.CLAIMED)
        if m.place
    }
    assert "Mogadishu" not in got


def test_a_city_named_in_brackets_within_a_sentence_is_still_a_town() -> None:
    # the guard: only a line that is nothing but a name and a bracketed city
    from sitrep.core.records import Span
    from sitrep.read.en.extract import _credit_line

    line = "Shabelle Media Network (Mogadishu)"
    start = line.index("Mogadishu")
    assert _credit_line(line, Span(start, start + 9, "Mogadishu"))
    prose = "Troops entered the capital (Mogadishu) on Friday."
    start = prose.index("Mogadishu")
    assert not _credit_line(prose, Span(start, start + 9, "Mogadishu"))


def test_a_town_freed_from_terrorists_is_not_taken_by_the_group_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "The president visited the city on Tuesday, months after the Islamist Maute "
        "group launched an attack there.\n"
        '"I hereby declare Marawi City liberated from the terrorist influence," the '
        "president said."
    )
    got = taken(read(extractor, text, "2017-10-17"))
    assert not any(side and "Maute" in side for _, side in got)


def test_a_month_an_offensive_started_does_not_date_the_takings_told_after_it(
    extractor: Extractor,
) -> None:
    text = (
        "Rebel forces entered Damascus in the early hours of Sunday.\n"
        "A coalition of armed groups launched a surprise offensive in late November.\n"
        "Rebel groups seized major cities across the country, including Hama and Homs, "
        "before sweeping into Damascus."
    )
    assert set(_news_months(extractor, text, "2024-12-08", {"Ḩamāh", "Homs"})) <= {12}


def test_a_town_a_retaken_town_lies_near_is_not_retaken(extractor: Extractor) -> None:
    text = (
        "The UN-backed government has recaptured the strategic town of Gharyan, near "
        "Tripoli, a government spokesman said on Thursday."
    )
    assert _towns_taken(extractor, text, "2019-06-27") == {"Gharyan"}


def test_a_town_named_with_near_after_it_is_still_taken(extractor: Extractor) -> None:
    # the guard: without the comma, the town taken is the one named before "near"
    text = "Government forces recaptured Gharyan near Tripoli on Wednesday."
    assert "Gharyan" in _towns_taken(extractor, text, "2019-06-27")


def test_troops_a_sides_spokesman_says_were_withdrawn_are_its_own(
    extractor: Extractor,
) -> None:
    text = (
        '"To avoid encirclement, the allied troops were withdrawn from Lyman to more '
        'advantageous lines," Russian Defence Ministry spokesman Igor Konashenkov said '
        "on Saturday."
    )
    sides = {
        (m.actor1.name if m.actor1 else None, m.actor2.name if m.actor2 else None)
        for m in changes(read(extractor, text, "2022-10-01"), Status.OCCURRED, Status.CLAIMED)
    }
    assert sides
    assert all(loser and "Russia" in loser for _, loser in sides)
    assert not any(taker and "Russia" in taker for taker, _ in sides)


def test_a_town_of_a_caption_dated_years_back_is_not_the_town_of_the_news(
    extractor: Extractor,
) -> None:
    text = (
        "Militant recruits walk down a street in the Somali capital of Mogadishu after "
        "their graduation March 5, 2012.\n"
        "An elder in Halgan town said that heavily armed al-Shabab fighters retook the "
        "town soon after troops left."
    )
    assert "Mogadishu" not in _towns_taken(extractor, text, "2016-10-24")


def test_a_town_named_in_a_sentence_of_this_weeks_news_is_still_the_town(
    extractor: Extractor,
) -> None:
    # the guard: a town told with a recent date is "the town" of the next sentence
    text = (
        "Government troops pulled out of Beledweyne on October 20, 2016.\n"
        "Heavily armed al-Shabab fighters retook the town soon after troops left."
    )
    assert ("Beledweyne", "Al Shabaab") in taken(read(extractor, text, "2016-10-24"))


def test_a_list_of_towns_that_names_the_town_told_before_keeps_it(
    extractor: Extractor,
) -> None:
    text = (
        "M23 rebels entered Bukavu, the capital of South Kivu, on Sunday morning.\n"
        '"Bukavu, Goma and all the other occupied corners are the symbol of our '
        'resistance," the government said.\n'
        "The rebels took full control of the city on Sunday afternoon."
    )
    assert _towns_taken(extractor, text, "2025-02-16") == {"Bukavu"}


def test_a_list_of_other_towns_gives_the_next_sentence_its_last_town(
    extractor: Extractor,
) -> None:
    # the guard: a list that leaves out the town told before moves "the city" on
    text = (
        "M23 rebels entered Bukavu, the capital of South Kivu, on Sunday morning.\n"
        '"Goma and Uvira are the symbol of our resistance," the government said.\n'
        "The rebels took full control of the city on Sunday afternoon."
    )
    assert "Uvira" in _towns_taken(extractor, text, "2025-02-16")
