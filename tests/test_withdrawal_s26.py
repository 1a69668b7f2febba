"""A withdrawal told with the forces between "pulled" and "out": "Moscow has pulled its
troops out of Lyman" (a leftover of session 25's English trial: no event at all). The
sentences are written for these tests."""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_mentions

from sitrep.read.en.extract import Extractor


def test_a_capital_that_pulled_its_troops_out_left_the_town(extractor: Extractor) -> None:
    text = (
        "Moscow has pulled its troops out of Lyman, Russia's defence ministry said on "
        "Saturday, a day after Ukrainian forces surrounded the town."
    )
    [change] = territory_mentions(read(extractor, text, "2022-10-01"))
    assert change.place is not None and change.place.place.name == "Lyman"
    assert change.actor2 is not None and change.actor2.name == "Military Forces of Russia"
    assert taken([change]) == {("Lyman", "Military Forces of Ukraine")}


def test_an_army_that_pulled_all_its_soldiers_out_is_the_leaver(extractor: Extractor) -> None:
    text = (
        "The Ethiopian army has pulled all its soldiers out of Mekelle, a regional official said."
    )
    [change] = territory_mentions(read(extractor, text, "2021-06-29"))
    assert change.actor2 is not None and change.actor2.name == "Military Forces of Ethiopia"


def test_people_pulled_out_of_water_leave_no_town(extractor: Extractor) -> None:
    text = "A fisherman pulled the men out of the water near Mosul on Tuesday."
    assert territory_mentions(read(extractor, text, "2018-03-30")) == []


def test_a_withdrawal_and_the_capture_of_it_are_one_change(extractor: Extractor) -> None:
    # the withdrawal names who left, the capture of "it" who took the town
    text = (
        "Ukraine's army said on Sunday it had withdrawn its troops from Kurakhove, hours "
        "after Moscow announced its forces had captured it."
    )
    [change] = territory_mentions(read(extractor, text, "2025-01-26"))
    assert change.actor1 is not None and change.actor1.name == "Military Forces of Russia"
    assert change.actor2 is not None and change.actor2.name == "Military Forces of Ukraine"
