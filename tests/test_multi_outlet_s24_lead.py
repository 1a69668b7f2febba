"""Wordings from session 24's lead trial (Libya 2020, Yemen 2019, Mozambique 2021,
South Sudan 2013): a town lost to rebels, forces named by their leader, a town's
surroundings, a word of a group's name that is also a town's.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import is_retaking


def test_a_town_lost_to_rebels_was_not_taken_by_the_army_that_lost_it(
    extractor: Extractor,
) -> None:
    # the speaker's army lost the town: the words after "to" say a rebel took it, so
    # the army named beside the loss is not its taker
    text = (
        "The army has lost Bor to the rebels after heavy fighting, the South Sudanese "
        "army spokesman said on Tuesday."
    )
    found = changes(read(extractor, text, "2013-12-31"))
    # the loss is read (a rebel takeover of Bor), and the army is its loser, not its taker
    assert [m.place.place.name for m in found if m.place] == ["Bor"]
    assert all(m.actor1 is None or m.actor1.kind != "state forces" for m in found)
    assert all(m.actor2 is not None and m.actor2.kind == "state forces" for m in found)


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


MOCIMBOA = (
    "Rwandan and Mozambican troops have recaptured the port town of Mocimboa da Praia "
    "from the insurgents, the Rwandan army said on Sunday.\n"
    "The unrest grew as insurgents tied to Islamic State seized entire towns, including "
    "the key port of Mocimboa da Praia.\n"
    "Last month, Rwanda sent 1,000 soldiers to help the Mozambican army retake the "
    "province of Cabo Delgado.\n"
    "The Rwandan army gave the news that the town was recaptured in a short post online."
)


def test_the_losers_undated_takeover_and_a_retelling_after_another_deeds_date(
    extractor: Extractor,
) -> None:
    found = changes(read(extractor, MOCIMBOA, "2021-08-08"), Status.OCCURRED, Status.CLAIMED)
    # the insurgents' taking is how they came to hold it (background, undated); the
    # retelling is the lead's change on the lead's day, not "last month"; sending
    # troops to help retake a province takes nothing yet
    assert {
        (m.place.place.name, m.actor1.name if m.actor1 else None, m.time.value if m.time else None)
        for m in found
        if m.place
    } == {("Mocímboa da Praia", "Military Forces of Mozambique", date(2021, 8, 8))}
    (recalled,) = [m for m in changes(read(extractor, MOCIMBOA, "2021-08-08"), Status.BACKGROUND)]
    assert recalled.actor1 is not None and recalled.actor1.kind == "rebel group"
    assert recalled.time is None


def test_the_losers_later_retaking_is_still_news(extractor: Extractor) -> None:
    # the guard: "later" puts the loser's taking after the change told first
    text = (
        "South Sudanese troops captured the town of Bor from SPLM-IO rebels on Monday, "
        "the army said.\n"
        "The SPLM-IO later seized the town after heavy fighting."
    )
    assert taken(read(extractor, text, "2013-12-25")) == {
        ("Bor", "Military Forces of South Sudan"),
        ("Bor", "SPLM/A-IO: Sudan People's Liberation Movement/Army-in-Opposition"),
    }


@pytest.mark.parametrize("retaking", ["recaptured", "retook", "regained control of"])
def test_the_losers_retaking_told_after_its_loss_is_news(
    extractor: Extractor, retaking: str
) -> None:
    # the guard on the recollection pass: a re-taking by the side that lost the town
    # cannot be how it first came to hold it, even with no date and no "later"
    text = (
        "South Sudanese troops captured the town of Bor from SPLM-IO rebels on Monday, "
        "the army said.\n"
        f"The SPLM-IO {retaking} the town after heavy fighting."
    )
    assert taken(read(extractor, text, "2013-12-25")) == {
        ("Bor", "Military Forces of South Sudan"),
        ("Bor", "SPLM/A-IO: Sudan People's Liberation Movement/Army-in-Opposition"),
    }


@pytest.mark.parametrize(
    ("words", "retaking"),
    [
        ("recaptured", True),
        ("re-took", True),
        ("regained control", True),
        ("restored full control", True),
        ("reclaimed", True),
        ("re-entered", True),
        ("recovered", True),
        ("captured", False),
        ("seized", False),
        ("entered", False),
        ("took control", False),
    ],
)
def test_retaking_triggers_are_named(words: str, retaking: bool) -> None:
    assert is_retaking(words) is retaking
