"""The install step that cuts npm's rivers and lakes down for the page (basemap.py)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from sitrep.faces.web import basemap
from sitrep.faces.web.basemap import (
    CELL,
    DETAIL,
    WORLD,
    BasemapError,
    Cut,
    cell_of,
    cut_ring,
    decode,
    encode,
    ring_km2,
    simplify,
    water_layers,
)


def square(lon: float, lat: float, side_km: float, points_per_side: int = 1) -> list:
    """A closed square ring of about side_km x side_km with its south-west corner at
    (lon, lat), with extra points along each side (collinear: simplification drops them)."""
    dlat = side_km / basemap._KM_PER_DEGREE
    dlon = dlat / math.cos(math.radians(lat))
    corners = [(lon, lat), (lon + dlon, lat), (lon + dlon, lat + dlat), (lon, lat + dlat)]
    ring = []
    for (x1, y1), (x2, y2) in zip(corners, [*corners[1:], corners[0]], strict=True):
        for k in range(points_per_side):
            t = k / points_per_side
            ring.append((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t))
    return [*ring, ring[0]]


def geojson(*rings: list) -> dict:
    return {
        "type": "GeometryCollection",
        "geometries": [{"type": "MultiPolygon", "coordinates": [[r] for r in rings]}],
    }


def test_ring_area_in_square_km() -> None:
    assert ring_km2(square(40.0, 34.0, 10.0)) == pytest.approx(100.0, rel=0.02)
    assert ring_km2(square(40.0, 34.0, 10.0)[::-1]) == pytest.approx(100.0, rel=0.02)
    assert ring_km2([(0.0, 0.0), (1.0, 0.0), (0.0, 0.0)]) == 0.0  # not a ring


def test_simplify_keeps_corners_and_drops_what_lies_on_the_line() -> None:
    ring = square(40.0, 34.0, 10.0, points_per_side=25)
    kept = simplify(ring, 0.001)
    assert len(ring) == 101
    assert len(kept) == 5  # four corners and the closing point
    assert kept[0] == ring[0] and kept[-1] == ring[-1]
    # a bump bigger than the tolerance stays, a smaller one goes
    line = [(0.0, 0.0), (0.5, 0.02), (1.0, 0.0)]
    assert simplify(line, 0.01) == line
    assert simplify(line, 0.05) == [(0.0, 0.0), (1.0, 0.0)]


def test_encode_steps_and_decode_back() -> None:
    ring = [(40.123, 34.5), (40.2, 34.25), (39.9, 34.0), (40.123, 34.5)]
    flat = encode(ring)
    assert flat[:4] == [40123, 34500, 77, -250]
    assert decode(flat) == ring


def test_small_rings_go_and_big_ones_are_rounded() -> None:
    cut = Cut(min_km2=5.0, tolerance=0.001)
    assert cut_ring(square(40.0, 34.0, 1.0), cut) is None  # 1 km²
    kept = cut_ring(square(40.00012, 34.00049, 5.0, points_per_side=10), cut)
    assert kept is not None and len(kept) == 5
    assert all(round(x, 3) == x and round(y, 3) == y for x, y in kept)


def test_big_water_is_in_the_world_tier_small_water_in_its_cell() -> None:
    big_lake = square(38.0, 35.8, 20.0)  # 400 km²: Lake Assad's size
    river_bit = square(40.9, 34.4, 2.0)  # 4 km², at Albu Kamal
    pond = square(41.0, 34.0, 0.5)  # 0.25 km²
    assert DETAIL["river"].min_km2 <= 4.0 < WORLD["river"].min_km2
    layers = water_layers({"river": geojson(river_bit, pond), "lake": geojson(big_lake)})
    assert len(layers.world["lake"]) == 1 and layers.world["river"] == []
    key = f"{math.floor(40.9 / CELL)}_{math.floor(34.4 / CELL)}"
    assert layers.world["cells"] == [key] == list(layers.cells)
    assert len(layers.cells[key]["river"]) == 1  # the pond is gone
    ring = decode(layers.cells[key]["river"][0][0])
    assert ring[0] == pytest.approx(river_bit[0], abs=0.001)
    assert layers.world["scale"] == basemap.SCALE and layers.world["detail_zoom"] >= 3


def test_holes_are_kept_with_their_lake() -> None:
    lake = square(30.0, 0.0, 30.0)
    island = square(30.01, 0.01, 11.0)[::-1]  # 121 km²: kept with a world-tier lake
    islet = square(30.2, 0.2, 1.0)[::-1]  # 1 km²: too small to show at that tier
    source = {"type": "Polygon", "coordinates": [lake, island, islet]}
    layers = water_layers({"river": geojson(), "lake": source})
    (polygon,) = layers.world["lake"]
    assert len(polygon) == 2


def test_cells_are_named_by_the_middle_of_the_ring() -> None:
    assert cell_of(square(-0.5, -0.5, 1.0)) == "-1_-1"
    assert cell_of(square(41.0, 34.0, 1.0)) == "8_6"


def test_main_writes_the_files_the_page_loads(tmp_path: Path) -> None:
    rivers = tmp_path / "rivers.json"
    lakes = tmp_path / "lakes.json"
    rivers.write_text(json.dumps(geojson(square(40.9, 34.4, 2.0), square(20.0, 10.0, 30.0))))
    lakes.write_text(json.dumps(geojson(square(38.0, 35.8, 20.0))))
    out = tmp_path / "vendor"
    (out / "water").mkdir(parents=True)
    (out / "water" / "99_99.json").write_text("{}")  # from an older build
    assert basemap.main([str(rivers), str(lakes), str(out)]) == 0
    world = json.loads((out / "water.json").read_text())
    assert len(world["river"]) == 1 and len(world["lake"]) == 1
    assert sorted(p.name for p in (out / "water").iterdir()) == [
        f"{c}.json" for c in world["cells"]
    ]


def test_a_file_that_is_not_polygons_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"type": "Topology", "objects": {}}))
    with pytest.raises(BasemapError, match="not GeoJSON polygons"):
        water_layers({"river": json.loads(bad.read_text())})
    missing = tmp_path / "missing.json"
    assert basemap.main([str(missing), str(bad), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "missing.json" in err and "make web-assets" in err
