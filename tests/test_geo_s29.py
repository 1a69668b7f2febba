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

from sitrep.core.errors import DataError
from sitrep.resolve import gazetteer as gz
from sitrep.resolve.gazetteer import FEATURE_FIRST_ID, OWN_LAST_ID, Gazetteer

KIBUMBA = -109  # the world gold cites it


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


def _places_in(world: Gazetteer, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.matched_text: (m.place.country, m.place.admin1) for m in world.find(text)}


@pytest.mark.parametrize(
    ("text", "county", "town", "state"),
    [
        (
            "Madison County deputies and Jackson police searched a field on Friday.",
            "Madison County",
            "Jackson",
            "Tennessee",
        ),
        (
            "Clark County deputies said the Springfield woman was released.",
            "Clark County",
            "Springfield",
            "Ohio",
        ),
        (
            "Montgomery County officials met in Clarksville on Monday.",
            "Montgomery County",
            "Clarksville",
            "Tennessee",
        ),
    ],
)
def test_a_county_and_a_town_in_it_are_read_together(
    world: Gazetteer, text: str, county: str, town: str, state: str
) -> None:
    # many states have a Madison County and a Jackson; only one Jackson lies in
    # a Madison County (the bigger Jackson, Mississippi, lies in Hinds County)
    found = _places_in(world, text)
    assert found[county] == ("USA", state) and found[town] == ("USA", state)


def test_a_town_beside_a_county_of_its_name_elsewhere_gains_nothing(world: Gazetteer) -> None:
    # guard: Greene County and Springfield both lie in Missouri; Springfield,
    # Ohio, lies near Greene County, Ohio, but in Clark County
    found = _places_in(world, "Greene County deputies arrested a Springfield man on Wednesday.")
    assert found["Springfield"] == ("USA", "Missouri")


def test_towns_near_each_other_support_each_other(world: Gazetteer) -> None:
    # a place named without doubt far away (Tucson) made the three Ohio towns,
    # each a small one-word name, "unsupported": all three were dropped
    found = _places_in(
        world,
        "A driver from Tucson was arrested after a chase through Dublin, Hilliard and "
        "Worthington on Friday.",
    )
    assert found["Dublin"] == found["Hilliard"] == found["Worthington"] == ("USA", "Ohio")


STREETS = (
    (
        "A water main break closed two lanes of Sawmill Road in Dublin, and police in "
        "Hilliard and Worthington reported long delays.",
        "Sawmill",
        "Dublin",
    ),
    ("A car bomb exploded on Haifa Street in central Baghdad, police said.", "Haifa", "Baghdad"),
    ("Traffic backed up on Baltimore Pike near Philadelphia on Monday.", "Pike", "Philadelphia"),
)


@pytest.mark.parametrize(("text", "street", "kept"), STREETS)
def test_a_name_opening_a_street_name_is_no_place(
    world: Gazetteer, text: str, street: str, kept: str
) -> None:
    found = _places_in(world, text)
    assert street not in found and "Baltimore" not in found and kept in found


def test_a_road_in_lower_case_still_leads_to_the_town(world: Gazetteer) -> None:
    # guard: "the Damascus road" is the road to Damascus
    found = _places_in(world, "Rebels cut the Damascus road north of Daraa on Sunday.")
    assert found["Damascus"][0] == "SYR"


def test_a_country_possessive_after_in_places_a_country_name_in_it(world: Gazetteer) -> None:
    # no country lies in another: "Armenia, in Colombia's ..." is Colombia's town
    found = _places_in(world, "An earthquake struck Armenia, in Colombia's coffee region.")
    assert found["Armenia"] == ("COL", "Quindío")
    found = _places_in(world, "Gunmen attacked a hotel in Tripoli, in Libya's west, on Sunday.")
    assert found["Tripoli"][0] == "LBY"


def test_on_a_country_possessive_places_nothing(world: Gazetteer) -> None:
    # guard: rockets fired on Israel's south came from Gaza, which is not in Israel
    found = _places_in(world, "Rockets fired from Gaza on Israel's south set fires near Sderot.")
    assert found["Gaza"][0] == "PSE"
