"""Wordings from session 24's lead trial (Libya 2020, Yemen 2019, Mozambique 2021,
South Sudan 2013): a town lost to rebels, forces named by their leader, a town's
surroundings, a word of a group's name that is also a town's.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.read.en.extract import Extractor


def test_a_town_lost_to_rebels_was_not_taken_by_the_army_that_lost_it(
    extractor: Extractor,
) -> None:
    # the speaker's army lost the town: the words after "to" say a rebel took it, so
    # the army named beside the loss is not its taker
    text = (
        "The army has lost Bor to the rebels after heavy fighting, the South Sudanese "
        "army spokesman said on Tuesday."
    )
    assert all(
        m.actor1 is None or m.actor1.kind != "state forces"
        for m in changes(read(extractor, text, "2013-12-31"))
    )


def test_forces_named_by_their_leader_are_his_group(extractor: Extractor) -> None:
    text = "Machar forces recaptured the town of Bor on Tuesday, an aide said."
    assert taken(read(extractor, text, "2013-12-31")) == {
        ("Bor", "SPLM/A-IO: Sudan People's Liberation Movement/Army-in-Opposition")
    }


def test_a_towns_surroundings_and_a_groups_name_are_not_a_town_taken(
    extractor: Extractor,
) -> None:
    # "Bor area" is the country around Bor; "White" in "the White army" names no town
    text = (
        "Armed youth, popularly known as the White army, entered Bor area on Tuesday, "
        "witnesses said."
    )
    assert not changes(read(extractor, text, "2013-12-31"))
    # the guard: the town itself entered
    assert taken(read(extractor, "The White Army entered Bor on Tuesday.", "2013-12-31")) == {
        ("Bor", "White Army (Nuer)")
    }
