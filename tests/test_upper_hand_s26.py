"""An edge in a fight is no handover: "gained the upper hand over" holds the words
"hand ... over" of the handover trigger. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from conftest import read_wire as read
from conftest import territory_mentions

from sitrep.read.en.extract import Extractor


def _territory(extractor: Extractor, text: str) -> list[str]:
    return [m.sub_event_type for m in territory_mentions(read(extractor, text, "2023-03-07"))]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces have gained the upper hand over Ukrainian troops in Bakhmut, a "
        "Ukrainian commander said on Tuesday.",
        "Government troops held the upper hand over the rebels around Macomia on Tuesday.",
    ],
)
def test_the_upper_hand_hands_nothing_over(extractor: Extractor, text: str) -> None:
    assert _territory(extractor, text) == []


def test_a_town_handed_over_still_counts(extractor: Extractor) -> None:
    text = "Al-Shabaab fighters handed over the town of Bulo Burte to government forces on Tuesday."
    assert "Non-violent transfer of territory" in _territory(extractor, text)
