"""Town names for the map (sitrep/views/labels.py), on towns made up here."""

from __future__ import annotations

import pytest

from sitrep.views.labels import (
    Box,
    LabelQueryError,
    TownIndex,
    choose_labels,
    map_labels,
    min_population,
)


def town(i: int, name: str, lat: float, lon: float, population: int) -> tuple:
    return (i, name, "XXX", lat, lon, population)


TOWNS = [
    (*town(1, "Bigcity", 34.0, 40.0, 3_000_000), False, 1),
    (*town(2, "Capitol", 32.0, 36.0, 900_000), True, 1),
    (*town(3, "Midtown", 35.5, 42.0, 150_000), False, 1),
    (*town(4, "Smallville", 34.45, 40.92, 12_000), False, 1),
    (*town(5, "Hamlet", 34.46, 40.95, 800), False, 1),
    (*town(6, "Nextdoor", 34.0005, 40.0005, 2_000_000), False, 1),  # on top of Bigcity
    (*town(7, "Fiji Town", -17.0, 179.5, 50_000), False, 1),
    (*town(8, "Samoa Town", -14.0, -171.5, 60_000), False, 1),
]
INDEX = TownIndex(TOWNS)
REGION = Box(35.0, 29.0, 49.0, 38.0)


def names(labels: list) -> list[str]:
    return [m.name for m in labels]


def test_zoomed_out_capitals_first_then_the_biggest_towns() -> None:
    assert names(map_labels(INDEX, REGION, 4)) == ["Capitol", "Bigcity"]
    assert names(map_labels(INDEX, REGION, 6)) == ["Capitol", "Bigcity", "Midtown"]


def test_zoomed_in_smaller_towns_appear() -> None:
    near = Box(40.8, 34.4, 41.1, 34.6)
    assert names(map_labels(INDEX, near, 8)) == []  # 12,000 < 15,000
    assert names(map_labels(INDEX, near, 9)) == ["Smallville"]
    assert names(map_labels(INDEX, near, 11)) == ["Smallville", "Hamlet"]
    assert min_population(3) > min_population(6) > min_population(9) > min_population(11)


def test_a_town_under_a_bigger_ones_label_is_left_out_until_they_part() -> None:
    # 0.0005 degrees apart: the same pixel zoomed out, far apart at zoom 18
    assert "Nextdoor" not in names(map_labels(INDEX, REGION, 6))
    close = Box(39.99, 33.99, 40.01, 34.01)
    assert names(map_labels(INDEX, close, 18)) == ["Bigcity", "Nextdoor"]


def test_labels_apart_in_pixels_at_their_zoom() -> None:
    a = town(10, "Alpha", 0.0, 0.0, 10)
    b = town(11, "Beta", 0.0, 0.5, 10)  # 0.5° east: 23 px at zoom 6, 182 px at zoom 9
    c = town(12, "Gamma", 0.05, 0.0, 10)  # 0.05° north: 2 px at zoom 6, 18 px at zoom 9
    index = TownIndex([(*a, False, 1), (*b, False, 1), (*c, False, 1)])
    labels = list(index.candidates(Box(-1, -1, 1, 1), 1))
    assert names(choose_labels(labels, 6)) == ["Alpha"]
    assert names(choose_labels(labels, 9)) == ["Alpha", "Beta", "Gamma"]
    assert names(choose_labels(labels, 9, limit=2)) == ["Alpha", "Beta"]


def test_the_city_known_by_many_names_over_its_bigger_district() -> None:
    district = town(20, "Newtown District", 36.333, 43.106, 2_065_597)
    city = town(21, "Oldcity", 36.335, 43.119, 1_683_000)
    index = TownIndex([(*district, False, 4), (*city, False, 60)])
    assert names(map_labels(index, Box(42, 35, 44, 37), 6)) == ["Oldcity"]
    assert names(map_labels(index, Box(42, 35, 44, 37), 18)) == ["Oldcity", "Newtown District"]


def test_a_box_across_180_degrees() -> None:
    pacific = Box(170.0, -20.0, -165.0, -10.0)
    assert sorted(names(map_labels(INDEX, pacific, 7))) == ["Fiji Town", "Samoa Town"]
    assert not pacific.holds(-15.0, 0.0)


def test_bad_boxes_and_zooms_name_the_parameter() -> None:
    with pytest.raises(LabelQueryError, match="south=5.*swap"):
        Box(0, 5, 1, 4)
    with pytest.raises(LabelQueryError, match="west=200"):
        Box(200, 0, 1, 1)
    with pytest.raises(LabelQueryError, match="zoom=30"):
        map_labels(INDEX, REGION, 30)
    with pytest.raises(LabelQueryError, match="limit=0"):
        map_labels(INDEX, REGION, 6, limit=0)


def test_items_are_the_api_contract() -> None:
    (item,) = [m.to_dict() for m in map_labels(INDEX, Box(39, 33, 41, 35), 4)]
    assert item == {
        "geonames_id": 1,
        "name": "Bigcity",
        "country": "XXX",
        "lat": 34.0,
        "lon": 40.0,
        "population": 3_000_000,
        "capital": False,
    }
