"""Persian and Dari wording a blind trial of real reports (session 32, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

import re
from datetime import date

from conftest import places_taken, read_persian, territory_mentions

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.dates import NUMBER_WORDS, number_words

DAY = date(2021, 6, 8)  # a Tuesday


def _mentions(extractor: Extractor, text: str, day: date = DAY) -> list[Mention]:
    """What the Persian reader reads in a report of ``day`` (Tolo, the default outlet)."""
    return read_persian(extractor, text, day)


def _who_took(extractor: Extractor, text: str, day: date = DAY) -> set[tuple[str, str | None]]:
    """(place, taker) of the takeovers told as done or claimed."""
    return places_taken(read_persian(extractor, text, day))


def _places_of(taken: set[tuple[str, str | None]]) -> set[str]:
    return {place for place, _ in taken}


# --- numbers in words: one list for every pattern ------------------------------------


def test_number_words_spans_the_values_asked_for() -> None:
    alternation = number_words(2, 10)
    words = set(alternation.split("|"))
    assert {"دو", "سه", "نه", "ده"} <= words
    assert "یک" not in words and "یازده" not in words
    assert words == {w for w, n in NUMBER_WORDS.items() if 2 <= n <= 10}


def test_number_words_tries_the_longest_word_first() -> None:
    # "دوازده" must be tried before "دو", or "دو" wins a match that has no end
    order = number_words(1, 20).split("|")
    assert order.index("دوازده") < order.index("دو")
    assert re.fullmatch(rf"(?:{number_words(1, 20)})", "دوازده")


def test_number_words_can_leave_out_a_word_that_is_not_a_number_here() -> None:
    assert "نه" not in number_words(2, 1000, skip=("نه",)).split("|")
    assert "صد" in number_words(2, 1000, skip=("نه",)).split("|")


def test_a_tally_of_districts_in_words_is_no_place(extractor: Extractor) -> None:
    # "twenty-one districts fell": a count, not one of the places
    text = "طالبان در یک ماه گذشته بیست و یک ولسوالی را در شمال کشور تصرف کرده‌اند."
    assert not territory_mentions(_mentions(extractor, text))


# --- an actor's word inside a place's name ------------------------------------------


def test_the_government_word_in_a_districts_name_is_no_side(extractor: Extractor) -> None:
    # "دولت آباد" (Dowlatabad) holds "دولت" (the government): the district, not a side
    text = "طالبان شب گذشته ولسوالی دولت آباد فاریاب را پس از جنگ با نیروهای امنیتی تصرف کردند."
    assert {taker for _, taker in _who_took(extractor, text)} == {"Taliban"}


def test_the_government_named_apart_from_the_district_still_takes_it(
    extractor: Extractor,
) -> None:
    # guard: the state's forces, named by themselves, are still the side that takes it
    text = "نیروهای امنیتی افغانستان دیروز ولسوالی دولت آباد فاریاب را از طالبان پس گرفتند."
    assert {taker for _, taker in _who_took(extractor, text)} == {"Military Forces of Afghanistan"}


# --- the opponents of a state take a town from it -----------------------------------


def test_a_town_falls_to_the_opponents_of_the_government(extractor: Extractor) -> None:
    # "مخالفان مسلح دولت": the state named in the takers' phrase is the side that loses;
    # "معارضان" / "معارضین" (the opposition, an Arabic loan) are the opposition fighters
    for text in (
        "شهر ازرع در جنوب سوریه دیشب به دست مخالفان مسلح دولت افتاد.",
        "بامداد امروز شهر سویدا پس از عقب‌نشینی ارتش به دست معارضین مسلح افتاد.",
    ):
        taken = _who_took(extractor, text, date(2024, 12, 7))
        assert {taker for _, taker in taken} == {"Free Syrian Army"}, text


def test_a_town_falls_to_the_governments_forces_is_still_the_governments(
    extractor: Extractor,
) -> None:
    # guard: "نیروهای دولت" (the government's forces) are the side that takes it
    day = date(2018, 7, 12)
    text = "شهر ازرع پس از دو روز درگیری به دست نیروهای دولت سوریه افتاد."
    assert {taker for _, taker in _who_took(extractor, text, day)} == {"Military Forces of Syria"}


# --- "تحت تصرف خود درآورد": brought under its possession -----------------------------


def test_brought_under_its_possession_is_a_takeover(extractor: Extractor) -> None:
    day = date(2017, 7, 19)
    text = "جنبش احرار الشام امروز پس از درگیری با تحریر الشام شهرک الاتارب را تحت تصرف خود درآورد."
    assert _who_took(extractor, text, day) == {("Al Atārib", "Ahrar al-Sham")}


def test_a_bare_past_stem_is_the_past_in_news_copy(extractor: Extractor) -> None:
    # "درآورد" is written like the subjunctive "(that it) bring in": in news it is done
    day = date(2017, 7, 19)
    text = "ارتش سوریه دیروز شهرک الاتارب را به کنترل کامل خود درآورد."
    assert _who_took(extractor, text, day) == {("Al Atārib", "Military Forces of Syria")}


def test_a_bare_past_stem_after_a_purpose_is_still_to_come(extractor: Extractor) -> None:
    # guard: after "تا" (so that) or "قصد دارد" (means to) it is the subjunctive
    day = date(2017, 7, 19)
    for text in (
        "ارتش سوریه نیروهای تازه‌ای فرستاد تا شهرک الاتارب را به کنترل کامل خود درآورد.",
        "ارتش سوریه قصد دارد شهرک الاتارب را تحت کنترل خود درآورد.",
    ):
        assert _who_took(extractor, text, day) == set(), text


# --- a town the gazetteer does not know is not its country --------------------------


def test_an_unknown_town_taken_is_not_the_country_that_locates_it(extractor: Extractor) -> None:
    # "زمار" is no place the gazetteer knows: nothing is taken that it can name
    text = "نیروهای پیشمرگ کرد در شمال عراق شهر زمار را از داعش پس گرفتند."
    assert _who_took(extractor, text, date(2014, 10, 25)) == set()


def test_a_known_town_in_the_same_wording_is_taken(extractor: Extractor) -> None:
    # guard
    text = "نیروهای پیشمرگ کرد در شمال عراق شهر سنجار را از داعش پس گرفتند."
    assert _places_of(_who_took(extractor, text, date(2015, 11, 13))) == {"Sinjār"}


# --- towns listed ahead of a facility ------------------------------------------------


def test_towns_listed_before_a_dam_are_taken_with_it(extractor: Extractor) -> None:
    text = "نیروهای داعش امروز کنترل شهرهای سنجار و تلعفر، سد موصل را به دست گرفتند."
    places = _places_of(_who_took(extractor, text, date(2014, 8, 3)))
    assert {"Sinjār", "Tall ‘Afar"} <= places and "Mosul" not in places


def test_a_dam_alone_is_no_town_taken(extractor: Extractor) -> None:
    # guard: the dam named after its town is still no taking of the town
    text = "نیروهای داعش امروز کنترل سد موصل، بزرگترین سد عراق را به دست گرفتند."
    assert _who_took(extractor, text, date(2014, 8, 7)) == set()


# --- a town handed over: who receives it holds it ------------------------------------


def test_a_town_handed_to_the_opposition_is_theirs(extractor: Extractor) -> None:
    day = date(2024, 12, 7)
    for text in (
        "فرماندهان ارتش سوریه شهر ازرع را بدون جنگ به معارضان تحویل دادند.",
        "فرماندهان ارتش سوریه شهر ازرع را تحویل معارضان دادند.",
        "مقامات محلی شهر ازرع را به مخالفان مسلح واگذار کردند.",
    ):
        assert {taker for _, taker in _who_took(extractor, text, day)} == {"Free Syrian Army"}, text


def test_weapons_handed_over_are_no_town(extractor: Extractor) -> None:
    # guard: what is handed over is not a place
    text = "نیروهای ارتش سوریه در شهر ازرع سلاح‌های خود را به مخالفان تحویل دادند."
    assert _who_took(extractor, text, date(2024, 12, 7)) == set()


# --- attackers driven back leave no town ---------------------------------------------


def test_attackers_forced_back_after_a_stopped_attack_leave_no_town(
    extractor: Extractor,
) -> None:
    # the defenders stopped the raid and forced the raiders back: nothing changed hands
    text = (
        "رزمندگان حشد الشعبی بامداد امروز در شهرک بیجی جلوی یورش عناصر داعش را گرفتند "
        "و آنان را مجبور به عقب‌نشینی کردند."
    )
    assert not territory_mentions(_mentions(extractor, text, date(2021, 6, 13)))


def test_a_holder_forced_out_of_a_town_still_loses_it(extractor: Extractor) -> None:
    # guard: forced to withdraw from the town itself, with no attack stopped
    text = "نیروهای حشد الشعبی عناصر داعش را وادار به عقب‌نشینی از شهرک بیجی کردند."
    assert _who_took(extractor, text, date(2015, 10, 20)) == {
        ("Bayjī", "Popular Mobilization Forces")
    }
