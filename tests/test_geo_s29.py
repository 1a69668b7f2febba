"""Session 29: the world gazetteer's own data and its ranker (issue 11). Every
sentence here was written for these tests.

- Each place of ``data/places.json`` without a GeoNames id carries its own id in
  the file (as ``data/features.json`` does), so inserting an entry moves no other.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.resolve import gazetteer as gz
from sitrep.resolve.gazetteer import FEATURE_FIRST_ID, OWN_LAST_ID, Gazetteer

KIBUMBA = -109  # the world gold cites it


@pytest.fixture(scope="module")
def world(app_config: Config) -> Gazetteer:
    return Gazetteer.load(app_config)


def _places() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(gz._own_data_path().read_text("utf-8"))["places"]
    return entries


def test_each_own_place_carries_its_own_id() -> None:
    # every entry that can become a place of its own (it has a position) and has
    # no GeoNames id has an id written in the file, unique, above the features'
    own = [e for e in _places() if "lat" in e and not e.get("geonames_id")]
    assert own
    missing = [e["name"] for e in own if not isinstance(e.get("id"), int)]
    assert not missing, missing
    ids = [e["id"] for e in own]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(OWN_LAST_ID <= i <= -1 for i in ids)
    assert OWN_LAST_ID > FEATURE_FIRST_ID
    # an entry with a GeoNames id needs none, and an id is only for entries with a position
    assert all("id" not in e for e in _places() if e.get("geonames_id") or "lat" not in e)


def test_the_cited_ids_stay(world: Gazetteer) -> None:
    kibumba = world.by_id(KIBUMBA)
    assert kibumba is not None and kibumba.name == "Kibumba"
    first = world.by_id(-1)
    assert first is not None and first.name == "Eastern Ghouta"


def test_inserting_an_entry_moves_no_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = json.loads(gz._own_data_path().read_text("utf-8"))
    town = {"name": "Testville", "kind": "city", "country": "CD", "lat": -1.0, "lon": 29.0}
    data["places"].insert(0, {"id": OWN_LAST_ID, **town})
    changed = tmp_path / "places.json"
    changed.write_text(json.dumps(data), "utf-8")
    features = gz._features_path()
    monkeypatch.setattr(gz, "_own_data_path", lambda: changed)
    monkeypatch.setattr(gz, "_features_path", lambda: features)
    rows: list[gz._Row] = []
    gz._add_own_data(rows, {"CD": "COD", "SY": "SYR"})
    ids = {r.name: r.id for r in rows}
    assert ids["Testville"] == OWN_LAST_ID and ids["Kibumba"] == KIBUMBA
    assert ids["Eastern Ghouta"] == -1


def _town(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "kind": "city", "country": "CD", "lat": 1.0, "lon": 1.0, **extra}


BAD_IDS = (
    ([_town("Town A")], "'Town A' has a position but no geonames_id and no own id"),
    ([_town("Town A", id=-100001)], "no own id from -1 to"),
    ([_town("Town A", id=-7), _town("Town B", id=-7)], "-7 is given twice"),
)


@pytest.mark.parametrize(("entries", "problem"), BAD_IDS)
def test_a_place_without_a_usable_id_is_a_data_error(
    monkeypatch: pytest.MonkeyPatch, entries: list[dict[str, Any]], problem: str
) -> None:
    monkeypatch.setattr(gz, "_own_data", lambda: {"places": entries})
    with pytest.raises(DataError, match=re.escape(problem)):
        gz._add_own_data([], {"CD": "COD"})


HADRAMAWT, BALOCHISTAN, KAYIN = 75411, 1183606, 1320233


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        (
            "Forces loyal to the government retook Mukalla, the capital of Hadramout, on Sunday.",
            "Hadramout",
            HADRAMAWT,
        ),
        (
            "Tribal fighters closed the oil fields of Hadhramaut to protest power cuts.",
            "Hadhramaut",
            HADRAMAWT,
        ),
        (
            "Militants attacked a convoy in Baluchistan, Pakistani police said.",
            "Baluchistan",
            BALOCHISTAN,
        ),
        (
            "Fighting in Karen State drove thousands across the border, the Thai army said.",
            "Karen State",
            KAYIN,
        ),
    ],
)
def test_a_spelling_of_the_own_data_reaches_a_province(
    world: Gazetteer, text: str, name: str, place: int
) -> None:
    # aliases_by_name named towns only: a province's spelling was dropped
    assert [m.place.id for m in world.find(text) if m.matched_text == name] == [place]


def _row(name: str, kind: Any, rid: int) -> gz._Row:
    return gz._Row(
        id=rid,
        name=name,
        iso3="YEM",
        lat=0.0,
        lon=0.0,
        kind=kind,
        admin1=None,
        population=10,
        admin1_id=0,
        names=[name],
    )


def test_a_spelling_key_names_the_town_first_else_the_area_or_its_kind() -> None:
    from sitrep.core.records import PlacePrecision as K

    town, province = _row("Al Hudaydah", K.CITY, 1), _row("Al Hudaydah", K.ADMIN1, 2)
    desert = _row("Ramlat al-Sabatayn", K.REGION, 3)
    cities = {("YEM", gz.normalize_name(town.name)): town}
    areas = {("YEM", r.kind, gz.normalize_name(r.name)): r for r in (province, desert)}
    iso3 = {"YE": "YEM"}
    assert gz._spelled_place("YE|Al Hudaydah", iso3, cities, areas) is town
    assert gz._spelled_place("YE|Al Hudaydah|admin1", iso3, cities, areas) is province
    assert gz._spelled_place("YE|Ramlat al-Sabatayn", iso3, cities, areas) is desert
    assert gz._spelled_place("YE|Sanaa", iso3, cities, areas) is None
