"""Wordings of wire copy from session 20's blind trial on real reports: a town named
in the possessive before a part of it ("Kherson's centre", "Mosul's eastern
districts", "Bakhmut's outskirts") is that town, as "the centre of Kherson" is; the
possessive of a state's capital, a person or a group before its forces is no place.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor


def taken(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.place.place.name, m.actor1.name) for m in changes(mentions) if m.place and m.actor1}


def places(mentions: list[Mention]) -> set[str]:
    return {m.place.place.name for m in mentions if m.place}


def test_the_centre_of_a_town_told_in_its_possessive_is_the_town(extractor: Extractor) -> None:
    for apostrophe in ("'", "\u2019"):
        text = f"Russian troops entered Kherson{apostrophe}s centre on Wednesday evening."
        assert taken(read(extractor, text, "2022-03-02")) == {
            ("Kherson", "Military Forces of Russia")
        }


def test_the_old_city_told_in_its_possessive_is_the_town(extractor: Extractor) -> None:
    text = "Iraqi forces retook Mosul's old city from the militants on Monday."
    assert taken(read(extractor, text, "2017-07-10")) == {("Mosul", "Military Forces of Iraq")}


def test_fighting_in_a_part_of_a_town_told_in_its_possessive_is_there(
    extractor: Extractor,
) -> None:
    text = "Heavy fighting raged in Bakhmut's outskirts on Tuesday, a Ukrainian commander said."
    assert places(read(extractor, text, "2023-05-09")) == {"Bakhmut"}
    text = "Russian shelling hit Kharkiv's centre on Friday, killing five civilians."
    assert places(read(extractor, text, "2022-03-04")) == {"Kharkiv"}


def test_districts_taken_in_a_possessive_town_are_a_part_of_it(extractor: Extractor) -> None:
    # as "captured the eastern districts of Mosul": a part changes hands, not the town
    for text in (
        "Iraqi troops captured Mosul's eastern districts on Tuesday.",
        "Government troops cleared Fallujah's last neighbourhoods on Sunday.",
        "Ukrainian forces reached Bakhmut's outskirts on Tuesday.",
    ):
        assert not changes(read(extractor, text, "2016-11-01")), text


def test_a_capital_person_or_group_in_the_possessive_is_no_place(extractor: Extractor) -> None:
    text = "Moscow's forces captured Kherson on Wednesday."
    assert taken(read(extractor, text, "2022-03-02")) == {("Kherson", "Military Forces of Russia")}
    text = "Hezbollah's fighters captured the town of Qusair on Wednesday."
    assert taken(read(extractor, text, "2013-06-05")) == {("Al Quşayr", "Hezbollah")}
    text = "Assad's forces captured the town of Qusair on Wednesday."
    assert taken(read(extractor, text, "2013-06-05")) == {("Al Quşayr", "Military Forces of Syria")}
