"""Session 29 (lead): a taking told through a verb of helping, enabling or using ("air
strikes helped the army to retake Palmyra"). Every sentence here is written for these
tests in the style of wire copy."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _gainers(extractor: Extractor, text: str, day: str, *statuses: Status) -> list[str | None]:
    return [
        m.actor1.name if m.actor1 else None for m in changes(read(extractor, text, day), *statuses)
    ]


# -- who took it: the side helped, not the helper ---------------------------------------


def test_the_side_helped_to_retake_a_town_took_it(extractor: Extractor) -> None:
    # the helper was the gainer (Russia's forces): the object of "helped" is who retook it
    text = "Russian air strikes helped the Syrian army to retake Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


def test_the_side_enabled_to_recapture_a_town_took_it(extractor: Extractor) -> None:
    # "enabled" was read as a purpose ("expected"), and its subject as the taker
    text = "Russian jets enabled the Syrian army to recapture Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


def test_a_helper_with_no_object_is_still_the_taker(extractor: Extractor) -> None:
    # guard: with nothing helped named, the subject's side stays the taker
    text = "Syrian troops helped to retake Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


# -- whether it happened: the helping must itself be done ---------------------------------


def test_a_hope_that_weapons_will_help_retake_a_town_is_no_taking(extractor: Extractor) -> None:
    # read as a taking that occurred: "will help" was taken for "helped"
    text = "Washington hopes the new weapons will help Ukrainian forces to retake Kherson."
    assert _gainers(extractor, text, "2022-09-01") == []
    assert _gainers(extractor, text, "2022-09-01", Status.EXPECTED) == [
        "Military Forces of Ukraine"
    ]


def test_what_a_truce_would_allow_is_no_taking(extractor: Extractor) -> None:
    # guard: a modal keeps an allowing ahead
    text = "The truce would allow the Syrian army to retake Palmyra."
    assert _gainers(extractor, text, "2016-03-01") == []
