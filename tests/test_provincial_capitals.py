"""The seats of provinces (``sitrep/data/provincial_capitals.json``): "the capital of
Helmand province" is Lashkar Gah, a town not named like its province.

The sentences are written for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.core.records import Article, PlacePrecision
from sitrep.read.en.extract import Extractor

SEATS = Path(__file__).resolve().parents[1] / "sitrep" / "data" / "provincial_capitals.json"


def test_every_seat_of_the_file_is_found_inside_its_province(extractor: Extractor) -> None:
    g = extractor.gazetteer
    data = json.loads(SEATS.read_text("utf-8"))
    missing = []
    for iso3, provinces in data.items():
        if iso3.startswith("_"):
            continue
        for name, seat in provinces.items():
            province = next(
                (p for p in g.lookup(name, countries=[iso3]) if p.kind is PlacePrecision.ADMIN1),
                None,
            )
            found = g.seat_of(province) if province is not None else None
            if found is None or found.admin1 != province.admin1 or found.country != iso3:
                missing.append((iso3, name, seat))
    assert not missing


@pytest.mark.parametrize(
    ("text", "day", "town", "taker"),
    [
        (
            "Taliban fighters on Friday captured the capital of Helmand province after "
            "weeks of fighting.",
            "2021-08-13",
            "Lashkar",
            "Taliban",
        ),
        (
            "The insurgents took the capital of the southern Helmand province on Friday.",
            "2021-08-13",
            "Lashkar",
            None,
        ),
        (
            "The militants seized the capital of Jowzjan province on Saturday, officials said.",
            "2021-08-09",
            "Shibirgh",
            None,
        ),
        (
            "Al-Shabaab militants overran the capital of Middle Shabelle region on Tuesday.",
            "2021-08-12",
            "Ja",  # GeoNames' Jawhar (Jowhar)
            "Shabaab",
        ),
    ],
)
def test_the_capital_of_a_province_is_its_seat(
    extractor: Extractor, text: str, day: str, town: str, taker: str | None
) -> None:
    article = Article.make(
        text, language="en", outlet="Test Wire", published_at=date.fromisoformat(day)
    )
    found = [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type.endswith("territory") and m.place is not None
    ]
    assert [m.place.place.name[: len(town)] for m in found] == [town]
    if taker:
        assert found[0].actor1 is not None and taker in found[0].actor1.name


def test_a_seat_named_like_its_province_is_left_to_its_name(extractor: Extractor) -> None:
    # Kunduz is the town of Kunduz province: the file leaves it out, the reader finds it
    g = extractor.gazetteer
    province = next(p for p in g.lookup("Kunduz") if p.kind is PlacePrecision.ADMIN1)
    assert g.seat_of(province) is None
