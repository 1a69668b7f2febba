"""A place a side "lost to" another: the side after "to" took it (issue 12).

The sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.core.records import Article, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES


def takers(extractor: Extractor, text: str, day: str) -> dict[str, tuple[str | None, Status]]:
    article = Article.make(
        text, language="en", outlet="Test Wire", published_at=date.fromisoformat(day)
    )
    return {
        m.place.matched_text: (m.actor1.name if m.actor1 else None, m.status)
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.place and not m.reference
    }


@pytest.mark.parametrize(
    ("text", "place", "taker"),
    [
        ("The government lost Kunduz to the Taliban on Sunday.", "Kunduz", "Taliban"),
        (
            "The Taliban lost the city of Kunduz to the army on Sunday, officials said.",
            "Kunduz",
            "Military Forces of Afghanistan",
        ),
    ],
)
def test_the_side_a_place_was_lost_to_took_it(
    extractor: Extractor, text: str, place: str, taker: str
) -> None:
    assert takers(extractor, text, "2021-08-16")[place] == (taker, Status.OCCURRED)


def test_a_loss_with_no_taker_is_no_takeover(extractor: Extractor) -> None:
    # "lost" alone: the men the army lost near the town, not the town
    text = "The army lost Kunduz's best commanders in an ambush on Sunday."
    assert not takers(extractor, text, "2021-08-16")
