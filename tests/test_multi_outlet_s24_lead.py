"""Wordings from session 24's lead work on the trials' leftovers: an attack turned
back from a town is no change of its hands.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

import pytest
from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.read.en.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters were pushed back from Palmyra on Thursday after "
        "holding the town's northern edge for a day, a monitoring group said.",
        "The militants were driven back from Palmyra on Thursday, state media said.",
    ],
)
def test_an_attack_pushed_back_from_a_town_changes_no_hands(
    extractor: Extractor, text: str
) -> None:
    assert not changes(read(extractor, text, "2015-05-15"))


def test_pushed_out_of_a_town_is_still_a_change_of_hands(extractor: Extractor) -> None:
    # the guard: driven out of the town, not back from it
    text = "Syrian troops pushed Islamic State fighters out of Palmyra on Thursday."
    ((place, taker),) = taken(read(extractor, text, "2015-05-15"))
    assert place in ("Palmyra", "Tadmur") and taker == "Military Forces of Syria"
