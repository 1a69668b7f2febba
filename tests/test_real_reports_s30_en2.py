"""(s30-en2) Session 30 rules from real multi-outlet reports of control changes in the
wars of 2011-2021 (every sentence written for these tests in the style of wire copy)."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _days(mentions: list) -> set[str | None]:
    return {m.time.value.isoformat() if m.time else None for m in mentions}


def _places(mentions: list) -> set[str]:
    return {m.place.place.name for m in mentions if m.place}


def test_a_bare_weekday_after_a_town_is_its_date_not_a_surname(extractor: Extractor) -> None:
    # American wire copy drops the "on": the town followed by a capitalised day was read
    # as a person's name ("Rami Abdel Rahman") and the takeover lost its place
    for text, day in (
        ("Government troops seized the rebel-held town of Bor Tuesday.", "2014-01-14"),
        (
            "Militants overran the provincial capital of Ramadi Sunday, officials said.",
            "2015-05-17",
        ),
        (
            "Afghan soldiers retook Kunduz Thursday after three days of street fighting.",
            "2015-10-01",
        ),
    ):
        taken = changes(read(extractor, text, day), Status.OCCURRED, Status.CLAIMED)
        assert taken, text
        assert _days(taken) == {day}, text


def test_a_month_after_a_town_is_a_date_too(extractor: Extractor) -> None:
    text = "Government forces recaptured the city of Kirkuk October 16, officials said."
    taken = changes(read(extractor, text, "2017-10-18"), Status.OCCURRED, Status.CLAIMED)
    assert _places(taken) == {"Kirkuk"}


def test_a_capitalised_surname_after_a_one_word_name_is_still_a_person(
    extractor: Extractor,
) -> None:
    # guard: the person reading stays for a name that is no day or month
    text = "Fighters loyal to Hama Sabri captured the village on Monday."
    taken = changes(read(extractor, text, "2016-03-07"), Status.OCCURRED, Status.CLAIMED)
    assert "Hama" not in _places(taken)
