"""Sentences that name a town and a taking word but tell no takeover (issue 12).

The sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.core.records import Article, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES


def takeovers(extractor: Extractor, text: str) -> dict[str, Status]:
    article = Article.make(text, language="en", outlet="Test Wire", published_at=date(2019, 3, 12))
    return {
        m.place.matched_text: m.status
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.place and not m.reference
    }


def test_people_captured_are_no_town_taken(extractor: Extractor) -> None:
    # the participle qualifies the remnants, whatever verb the parser hangs it on
    text = (
        "Baghdad and Washington are discussing a plan to try suspected Isis fighters "
        "held in Syria, with Iraqi officials asking a fee to take remnants of the terror "
        "group captured over four years of war."
    )
    assert not takeovers(extractor, text)


def test_fighters_who_captured_a_town_took_it(extractor: Extractor) -> None:
    text = "Kurdish fighters captured Baghuz on Sunday."
    assert takeovers(extractor, text) == {"Baghuz": Status.OCCURRED}


@pytest.mark.parametrize(
    "text",
    [
        "Commanders said the exodus brought them closer to a long delayed victory in Baghuz.",
        "Commanders said their men were close to victory in Baghuz on Tuesday.",
    ],
)
def test_a_victory_one_is_closer_to_is_still_ahead(extractor: Extractor, text: str) -> None:
    assert all(s is not Status.OCCURRED for s in takeovers(extractor, text).values())
