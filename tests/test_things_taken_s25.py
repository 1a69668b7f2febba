"""A taking verb whose object is a thing, not ground, is no change of control
(session 25's reading of general news for false changes: local crime and courts,
culture, business).

"They seized bank statements" or "the SWAT team stormed an apartment where the
gunman hid" take no town, though a town is named in the sentence; "carbon capture
plant" names a kind of plant. The sentences are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import places_taken as taken
from conftest import read_wire as read

from sitrep.core.records import Article
from sitrep.ingest.sources import read_inputs
from sitrep.read.en.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Agents seized bank statements and credit reports showing that his Godfrey "
        "funeral business was struggling.",
        "Two officers died when the SWAT team stormed an apartment in Concord where the "
        "gunman was hiding.",
        "Three escaped inmates captured in Alliance have been taken back to jail.",
        "Militants seized a convoy near Kidal on Monday.",
        "South Charleston is to get a carbon capture pilot plant.",
        "The new musical captures all the energy of a concert in Woodbridge.",
        # a name the parser makes the object, though a common noun ends its phrase
        "The standard poodle posed for photographers after capturing the Best in Show "
        "award at the Western Pennsylvania Kennel Association show.",
    ],
)
def test_a_thing_taken_is_no_place_taken(extractor: Extractor, text: str) -> None:
    assert taken(read(extractor, text, "2009-03-21")) == set()


@pytest.mark.parametrize(
    ("text", "place", "taker"),
    [
        ("SPLM-IO rebels stormed the town of Bor on Tuesday.", "Bor", "SPLM/A-IO"),
        (
            "Ukrainian troops recaptured the village of Robotyne on Monday.",
            "Robotyne",
            "Military Forces of Ukraine",
        ),
        (
            "Russian forces seized control of Avdiivka on Saturday.",
            "Avdiyivka",
            "Military Forces of Russia",
        ),
        ("Wagner fighters seized most of Bakhmut on Saturday.", "Bakhmut", "Wagner Group"),
        # a headline's present tense, which the parser reads as a noun before the name
        (
            "Syrian government troops and allied militia retake Abu Kamal, the group's last "
            "urban stronghold in Syria.",
            "Ālbū Kamāl",
            "Military Forces of Syria",
        ),
    ],
)
def test_ground_taken_still_counts(extractor: Extractor, text: str, place: str, taker: str) -> None:
    found = taken(read(extractor, text, "2022-11-09"))
    assert len(found) == 1
    ((got, by),) = found
    assert got == place and by is not None and by.startswith(taker)


@pytest.mark.parametrize(
    "text",
    [
        "Boys basketball: Winchester ousted from state tournament.",
        "The president was ousted from power in a coup in Niamey.",
    ],
)
def test_ousted_from_an_office_or_a_contest_is_no_place_lost(
    extractor: Extractor, text: str
) -> None:
    assert taken(read(extractor, text, "2009-03-21")) == set()


def test_ousted_from_a_town_still_counts(extractor: Extractor) -> None:
    found = read(extractor, "Kurdish fighters were ousted from Afrin in March.", "2018-04-02")
    assert {p for p, _ in taken(found)} == {"‘Afrīn"}


@pytest.mark.parametrize(
    ("text", "place", "taker"),
    [
        (
            "The capture of Raqqa was announced by the SDF on Friday.",
            "Ar Raqqah",
            "Syrian Democratic Forces",
        ),
        (
            "The seizure of Bakhmut was announced by the Wagner Group on Saturday.",
            "Bakhmut",
            "Wagner Group",
        ),
        # the guard: a taker the noun names itself stays the taker
        (
            "The capture of Lyman by Ukrainian troops was confirmed by the Russian defence "
            "ministry on Saturday.",
            "Lyman",
            "Military Forces of Ukraine",
        ),
    ],
)
def test_who_announces_a_taking_told_as_a_noun_made_it(
    extractor: Extractor, text: str, place: str, taker: str
) -> None:
    assert taken(read(extractor, text, "2022-10-01")) == {(place, taker)}


@pytest.mark.parametrize(
    "text",
    [
        "The chances of Haftar's side taking back control of Gharyan were highly unlikely, "
        "analysts said.",
        "The odds of the rebels seizing Goma are slim, a UN official said.",
        "Kyiv's hopes of retaking Bakhmut faded on Sunday.",
    ],
)
def test_chances_and_hopes_of_a_taking_are_no_taking(extractor: Extractor, text: str) -> None:
    assert taken(read(extractor, text, "2019-06-26")) == set()


def test_people_set_apart_by_a_latin1_dash_are_no_place_taken(
    extractor: Extractor, tmp_path: Path
) -> None:
    # a feed's Windows-1252 dashes decoded as Latin-1 controls (U+0097): read as dashes
    # at ingest, the names stand apart and the men, not the town, were captured
    text = (
        "The men \x97 49-year-old Carl Mason, 59-year-old Jerry Hill and 31-year-old "
        "Bobby Dean \x97 were captured Thursday evening in Alliance and taken to the "
        "county jail."
    )
    path = tmp_path / "c1.jsonl"
    path.write_text(json.dumps({"text": text, "published": "2009-03-26"}) + "\n")
    [article] = read_inputs(path)
    assert isinstance(article, Article)
    assert taken(list(extractor.read(article).mentions)) == set()
