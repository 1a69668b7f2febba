"""People a state expels by decision are no side put out of ground: diplomats,
journalists, aid workers (issue 12's "expels diplomats becomes a territory event").
The sentences are written for these tests."""

from __future__ import annotations

import pytest
from conftest import read_wire as read
from conftest import territory_mentions

from sitrep.read.en.extract import Extractor


def _territory(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    return [
        (m.place.place.name if m.place else "", m.sub_event_type)
        for m in territory_mentions(read(extractor, text, "2018-03-30"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The decision answers the US move to expel the same number of Russian diplomats and "
        "close the Russian consulate in Seattle.",
        "Moscow will shut the British consulate in Yekaterinburg and expel foreign diplomats "
        "on the same scale, the foreign minister said on Thursday.",
        "Aid workers were expelled from Mekelle on Thursday by the Ethiopian government.",
        "Niger expelled two French journalists from Niamey on Thursday.",
    ],
)
def test_people_sent_away_take_no_place(extractor: Extractor, text: str) -> None:
    assert _territory(extractor, text) == []


def test_fighters_expelled_still_lose_the_town(extractor: Extractor) -> None:
    text = "The army expelled al-Shabaab militants from Bulo Burte on Thursday."
    assert _territory(extractor, text) == [("Buulobarde", "Government regains territory")]
