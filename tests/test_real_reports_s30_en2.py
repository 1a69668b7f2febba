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


def test_a_takeover_the_report_could_not_verify_is_a_claim(extractor: Extractor) -> None:
    # the next sentence says the report could not check it
    text = (
        "Tuareg rebels said on Monday that they had seized the desert town of Kidal. "
        "There has been no independent confirmation of the claim."
    )
    told = read(extractor, text, "2013-01-28")
    assert not changes(told, Status.OCCURRED)
    assert _places(changes(told, Status.CLAIMED)) == {"Kidal"}
    text = (
        "Islamist fighters said they had overrun the town of Palma on Sunday. "
        "Reuters could not independently verify the report."
    )
    told = read(extractor, text, "2021-03-29")
    assert not changes(told, Status.OCCURRED)
    assert changes(told, Status.CLAIMED)
    # ... or the sentence itself does
    text = (
        "The rebels said they had captured the town of Bor on Tuesday, a claim that "
        "could not be independently verified."
    )
    told = read(extractor, text, "2013-12-31")
    assert not changes(told, Status.OCCURRED)
    assert changes(told, Status.CLAIMED)


def test_a_figure_that_could_not_be_verified_leaves_the_takeover_told(
    extractor: Extractor,
) -> None:
    # guard: what the report could not check is the toll, not the takeover
    text = (
        "Government troops retook the town of Bor on Tuesday. The death toll could not "
        "be independently verified."
    )
    told = read(extractor, text, "2013-12-25")
    assert changes(told, Status.OCCURRED)
    # guard: no disclaimer at all
    text = "Tuareg rebels seized the desert town of Kidal on Monday."
    assert changes(read(extractor, text, "2013-01-28"), Status.OCCURRED)
