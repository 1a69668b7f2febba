"""Rivers and lakes for the page's map, cut down at install time from npm's GeoJSON.

``make web-assets`` runs this file (``python sitrep/faces/web/basemap.py``) on the
pinned ``@geo-maps/earth-rivers-10m`` and ``@geo-maps/earth-lakes-10m`` packages
(OpenStreetMap water polygons, about 100 MB of GeoJSON together) and writes one
small GeoJSON file next to the page, ``static/vendor/water.json``. The page then
loads that file from this server, so the map works offline and stays fast.

Three cuts, each cheap enough for a plain Python install step:

- a polygon whose outer ring covers less than ``min_km2`` is dropped (ponds and
  river-bank slivers too small to see at the page's zoom levels), and so is a hole
  of that size;
- every kept ring is simplified (Douglas-Peucker, ``tolerance`` degrees);
- coordinates are rounded to ``digits`` decimals (3: about 100 m).

Stdlib only and importable without the web stack: the Makefile runs it by path,
before the Python package is installed.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Point = tuple[float, float]
Ring = list[Point]

# A degree of latitude in km (a degree of longitude: this times cos(latitude)).
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True)
class Cut:
    """How much of a water layer to keep."""

    min_km2: float
    tolerance: float  # degrees
    digits: int = 3


# Two tiers. The world tier (loaded with the page) keeps what shows at zoom 3-4:
# big lakes and river stretches, coarsely. The detail tier keeps smaller water
# (the Euphrates and Tigris are mostly river polygons of a few km²) at about 200 m,
# in CELL-degree cells that the page loads for the box it shows from zoom
# DETAIL_ZOOM on. Chosen by looking at the page over Syria and Iraq and Ukraine.
WORLD = {"river": Cut(min_km2=50.0, tolerance=0.02), "lake": Cut(min_km2=100.0, tolerance=0.02)}
DETAIL = {"river": Cut(min_km2=0.5, tolerance=0.002), "lake": Cut(min_km2=2.0, tolerance=0.002)}
CELL = 5
DETAIL_ZOOM = 5
# Coordinates are stored as integers in these units of a degree (see `encode`).
SCALE = 1000


class BasemapError(Exception):
    """A source file that is not the GeoJSON this step expects."""


def ring_km2(ring: Sequence[Point]) -> float:
    """The area a closed ring of (lon, lat) points encloses, in km² (shoelace on
    degrees scaled at the ring's mean latitude: close enough to choose what to keep)."""
    if len(ring) < 4:
        return 0.0
    twice = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        twice += x1 * y2 - x2 * y1
    lat = sum(p[1] for p in ring) / len(ring)
    return abs(twice) / 2 * _KM_PER_DEGREE**2 * math.cos(math.radians(lat))


def simplify(ring: Sequence[Point], tolerance: float) -> Ring:
    """Douglas-Peucker over ``ring`` (ends kept): points nearer than ``tolerance``
    degrees to the line between the kept ones are dropped."""
    n = len(ring)
    if n < 3:
        return list(ring)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        ax, ay = ring[first]
        bx, by = ring[last]
        dx, dy = bx - ax, by - ay
        seg2 = dx * dx + dy * dy
        worst, at = -1.0, -1
        for i in range(first + 1, last):
            px, py = ring[i]
            if seg2 == 0.0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / seg2
                t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
                d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d2 > worst:
                worst, at = d2, i
        if worst > tol2:
            keep[at] = True
            stack.append((first, at))
            stack.append((at, last))
    return [p for p, k in zip(ring, keep, strict=True) if k]


def _rounded(ring: Iterable[Point], digits: int) -> Ring:
    out: Ring = []
    for x, y in ring:
        p = (round(x, digits), round(y, digits))
        if not out or out[-1] != p:
            out.append(p)
    return out


def cut_ring(ring: Sequence[Point], cut: Cut) -> Ring | None:
    """``ring`` simplified and rounded, or None when it is smaller than the cut keeps
    (or collapses to fewer than the four points of a closed triangle)."""
    if ring_km2(ring) < cut.min_km2:
        return None
    out = _rounded(simplify(ring, cut.tolerance), cut.digits)
    if len(out) < 4 or out[0] != out[-1]:
        return None
    return out


def _polygons(geojson: Any) -> Iterator[list[Sequence[Point]]]:
    """Every polygon (outer ring, then holes) of a GeoJSON object."""
    kind = geojson.get("type") if isinstance(geojson, dict) else None
    if kind == "FeatureCollection":
        for feature in geojson.get("features") or ():
            yield from _polygons(feature.get("geometry") or {})
    elif kind == "Feature":
        yield from _polygons(geojson.get("geometry") or {})
    elif kind == "GeometryCollection":
        for geometry in geojson.get("geometries") or ():
            yield from _polygons(geometry)
    elif kind == "Polygon":
        yield geojson["coordinates"]
    elif kind == "MultiPolygon":
        yield from geojson["coordinates"]
    elif kind not in ("Point", "MultiPoint", "LineString", "MultiLineString"):
        raise BasemapError(f"not GeoJSON polygons: found type {kind!r}")


def encode(ring: Sequence[Point]) -> list[int]:
    """A ring as flat integers in 1/SCALE degrees: the first point, then each step
    from the point before (a third of the bytes of rounded floats)."""
    flat: list[int] = []
    px = py = 0
    for x, y in ring:
        ix, iy = round(x * SCALE), round(y * SCALE)
        flat += (ix - px, iy - py)
        px, py = ix, iy
    return flat


def decode(flat: Sequence[int]) -> Ring:
    """The ring :func:`encode` made (as the page decodes it)."""
    ring: Ring = []
    x = y = 0
    for i in range(0, len(flat), 2):
        x += flat[i]
        y += flat[i + 1]
        ring.append((x / SCALE, y / SCALE))
    return ring


def cell_of(ring: Sequence[Point]) -> str:
    """The detail cell ("x_y", CELL-degree steps) holding the middle of a ring's box."""
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    mx, my = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return f"{math.floor(mx / CELL)}_{math.floor(my / CELL)}"


@dataclass(frozen=True)
class Layers:
    """The water layer: the world tier, and the detail tier by cell."""

    world: dict[str, Any]
    cells: dict[str, dict[str, list[list[list[int]]]]]


def water_layers(sources: dict[str, Any]) -> Layers:
    """Cut ``{"river": geojson, "lake": geojson}`` into the two tiers.

    A polygon goes to the world tier when its outer ring is big enough for it, else to
    the detail cell of its outer ring when big enough for that, else nowhere."""
    world: dict[str, Any] = {
        "scale": SCALE,
        "cell": CELL,
        "detail_zoom": DETAIL_ZOOM,
        **{kind: [] for kind in sources},
    }
    cells: dict[str, dict[str, list[list[list[int]]]]] = {}
    for kind, source in sources.items():
        for polygon in _polygons(source):
            if not polygon:
                continue
            tier = WORLD[kind] if ring_km2(polygon[0]) >= WORLD[kind].min_km2 else DETAIL[kind]
            outer = cut_ring(polygon[0], tier)
            if outer is None:
                continue
            holes = [h for h in (cut_ring(r, tier) for r in polygon[1:]) if h is not None]
            encoded = [encode(r) for r in (outer, *holes)]
            if tier is WORLD[kind]:
                world[kind].append(encoded)
            else:
                cell = cells.setdefault(cell_of(outer), {k: [] for k in sources})
                cell[kind].append(encoded)
    world["cells"] = sorted(cells)
    return Layers(world, cells)


def _load(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise BasemapError(
            f"cannot read {path}: {exc}; run `make web-assets` (npm ci) to install it"
        ) from exc


def _write(path: Path, payload: Any) -> int:
    text = json.dumps(payload, separators=(",", ":"))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # never a half-written file for the page
    return len(text)


def write_layers(layers: Layers, out: Path) -> int:
    """Write ``out/water.json`` (world tier, list of cells) and ``out/water/X_Y.json``
    (one per cell, old cells removed). Returns the bytes written."""
    folder = out / "water"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    size = sum(_write(folder / f"{key}.json", cell) for key, cell in layers.cells.items())
    return size + _write(out / "water.json", layers.world)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("rivers", type=Path, help="earth-rivers GeoJSON (map.geo.json)")
    parser.add_argument("lakes", type=Path, help="earth-lakes GeoJSON (map.geo.json)")
    parser.add_argument("out", type=Path, help="folder for water.json and water/")
    args = parser.parse_args(argv)
    try:
        layers = water_layers({"river": _load(args.rivers), "lake": _load(args.lakes)})
    except BasemapError as exc:
        print(f"basemap: {exc}", file=sys.stderr)
        return 1
    size = write_layers(layers, args.out)
    world = sum(len(layers.world[k]) for k in ("river", "lake"))
    print(
        f"basemap: wrote {args.out}/water.json and {len(layers.cells)} cells in "
        f"{args.out}/water/ ({size // 1024} KiB, {world} polygons in the world tier)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
