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
