"""Session 27: the world's seas, straits, rivers, ranges, deserts, islands and
regions (``data/features.json``, issue 11).

A sea named beside a town of its name is the sea ("the Sea of Azov" is not Azov,
"the Gulf of Oman" not Oman); a river after "the" is the river and a town of
the same name without it stays the town ("crossed the Dnipro" against "shelling
hit Dnipro"); a feature is no settlement, so crossing a river is no control
change. Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import read_wire, territory_mentions

from sitrep.core.records import PlaceMatch, PlacePrecision
from sitrep.read.extractor import Extractor
from sitrep.resolve.gazetteer import FEATURE_FIRST_ID, Gazetteer, _features_path

DNIPRO_CITY = 709930


def _found(world: Gazetteer, text: str) -> dict[str, PlaceMatch]:
    return {m.matched_text: m for m in world.find(text)}


def _feature(world: Gazetteer, name: str) -> int:
    """The id the catalogue gives the feature called ``name``."""
    ids = [p.id for p in world.lookup(name) if p.kind is PlacePrecision.REGION]
    assert ids, name
    return ids[0]


def test_the_catalogue_is_well_formed() -> None:
    entries = json.loads(_features_path().read_text("utf-8"))["features"]
    assert len(entries) >= 300
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    for e in entries:
        assert e["feature"] and e["source"], e
        assert -90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180, e
        assert "geonames_id" not in e or e["geonames_id"] > 0, e


def test_each_feature_carries_its_own_id(world: Gazetteer) -> None:
    # the ids are written in the file (not counted in its order), so adding or
    # removing an entry moves no other: stored events keep their places
    entries = json.loads(_features_path().read_text("utf-8"))["features"]
    own = [e["id"] for e in entries if not e.get("geonames_id")]
    assert len(own) == len(set(own)) and all(i <= FEATURE_FIRST_ID for i in own)
    first = entries[0]
    place = world.by_id(first["id"])
    assert first["id"] == FEATURE_FIRST_ID and place is not None and place.name == first["name"]


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([{"name": "Sea A", "lat": 1.0, "lon": 1.0}], "'Sea A' has no geonames_id and no own id"),
        ([{"id": -5, "name": "Sea A", "lat": 1.0, "lon": 1.0}], "no own id at or below"),
        (
            [
                {"id": -100001, "name": "Sea A", "lat": 1.0, "lon": 1.0},
                {"id": -100001, "name": "Sea B", "lat": 2.0, "lon": 2.0},
            ],
            "-100001 is given twice",
        ),
    ],
)
def test_a_feature_without_a_usable_id_is_a_data_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entries: list[dict[str, Any]], problem: str
) -> None:
    from sitrep.core.errors import DataError
    from sitrep.resolve import gazetteer as gz

    bad = tmp_path / "features.json"
    bad.write_text(json.dumps({"features": entries}), "utf-8")
    monkeypatch.setattr(gz, "_features_path", lambda: bad)
    with pytest.raises(DataError, match=re.escape(problem)):
        gz._add_features([], {})


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        (
            "Two tankers were struck in the Gulf of Oman, days after a seizure in the "
            "Strait of Hormuz.",
            "Gulf of Oman",
            "Gulf of Oman",
        ),
        (
            "Two tankers were struck in the Gulf of Oman, days after a seizure in the "
            "Strait of Hormuz.",
            "Strait of Hormuz",
            "Strait of Hormuz",
        ),
        ("Grain ships leave Mariupol through the Sea of Azov again.", "Sea of Azov", "Sea of Azov"),
        (
            "The drones were launched from boats on the Caspian Sea, the ministry said.",
            "Caspian Sea",
            "Caspian Sea",
        ),
        (
            "The convoy drove north into the Sahara after leaving Agadez.",
            "Sahara",
            "Sahara",
        ),
        (
            "Militants withdrew across the Euphrates toward Al-Bukamal on Friday.",
            "Euphrates",
            "Euphrates",
        ),
    ],
)
def test_a_sea_strait_desert_or_river_is_found(
    world: Gazetteer, text: str, name: str, feature: str
) -> None:
    found = _found(world, text)
    assert found[name].place.id == _feature(world, feature)


def test_a_river_after_the_is_the_river_and_the_town_stays_the_town(world: Gazetteer) -> None:
    river = _feature(world, "Dnieper River")
    crossed = _found(world, "Ukrainian marines crossed the Dnipro near Kherson at night.")
    assert crossed["Dnipro"].place.id == river
    shelled = _found(world, "Missiles hit Dnipro and Zaporizhzhia overnight, officials said.")
    assert shelled["Dnipro"].place.id == DNIPRO_CITY


def test_crossing_a_river_is_no_control_change(extractor: Extractor) -> None:
    mentions = read_wire(
        extractor,
        "KHERSON, Ukraine (Wire) - Ukrainian marines crossed the Dnipro near Kherson and "
        "dug in on the eastern bank on Tuesday, the General Staff said.",
        "2023-11-14",
    )
    assert not territory_mentions(mentions)


def test_an_island_taken_back_is_the_island(extractor: Extractor, world: Gazetteer) -> None:
    mentions = read_wire(
        extractor,
        "KYIV (Wire) - Ukrainian forces retook Snake Island in the Black Sea on Thursday "
        "after Russian troops abandoned it, the military said.",
        "2022-06-30",
    )
    taken = territory_mentions(mentions)
    assert taken and taken[0].place is not None
    assert taken[0].place.place.id == _feature(world, "Snake Island")


RED_SEA, RED_SEA_STATE = 350155, 408646


def test_a_sea_after_the_is_the_sea_not_the_province_named_after_it(world: Gazetteer) -> None:
    # Sudan's Red Sea state and Egypt's Red Sea governorate are larger namesakes
    found = _found(world, "Rebels fired two drones at a tanker in the Red Sea on Sunday.")
    assert found["Red Sea"].place.id == RED_SEA


@pytest.mark.parametrize(
    "text",
    [
        "Fighting reached the Red Sea state on Monday, near Port Sudan.",
        "Aid convoys left Port Sudan for villages across the Red Sea region.",
    ],
)
def test_the_province_word_after_the_name_keeps_the_province(world: Gazetteer, text: str) -> None:
    found = {m.place.id for m in world.find(text)}
    assert RED_SEA_STATE in found and RED_SEA not in found
