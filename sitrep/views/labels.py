"""Town names for the page's map: the gazetteer's populated places in a box, by zoom.

The page asks for the box it shows and its zoom level (``/api/labels``); the answer
is the places worth a label there, capitals and big cities first, smaller towns as
the zoom grows (:data:`MIN_POPULATION`), thinned so that no two labels overlap on
screen (:func:`choose_labels` places them in Web Mercator pixels at that zoom, as
the map draws them). A grid of one-degree cells, each most populous first, means a
box reads only the cells it covers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sitrep.core.errors import SitrepError

# The smallest town labelled at each zoom level (zoom 11, the page's deepest, and
# beyond: every town with a population). Capitals are labelled at every zoom.
MIN_POPULATION = {3: 2_000_000, 4: 1_000_000, 5: 300_000, 6: 100_000, 7: 40_000, 8: 15_000}
_MIN_POPULATION_DEEP = {9: 5_000, 10: 1_500}
MIN_ZOOM, MAX_ZOOM = 0, 18
MAX_LABELS = 150
# A label's box on screen, in pixels: as wide as its name at the page's label font
# (about 6.5 px a character, plus the dot), and one line high with some air.
_CHAR_PX = 6.5
_LABEL_PAD_PX = 14
_LABEL_HEIGHT_PX = 16


class LabelQueryError(SitrepError):
    """A box or zoom level that cannot be labelled (names the parameter)."""


@dataclass(frozen=True)
class MapLabel:
    """A town to name on the map."""

    geonames_id: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int
    capital: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON item of ``/api/labels``."""
        return {
            "geonames_id": self.geonames_id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "population": self.population,
            "capital": self.capital,
        }


@dataclass(frozen=True)
class Box:
    """A map view: west, south, east, north in degrees (west > east crosses 180°)."""

    west: float
    south: float
    east: float
    north: float

    def __post_init__(self) -> None:
        for name, value, limit in (
            ("west", self.west, 180.0),
            ("east", self.east, 180.0),
            ("south", self.south, 90.0),
            ("north", self.north, 90.0),
        ):
            if not -limit <= value <= limit:
                raise LabelQueryError(f"{name}={value} is outside -{limit:g}..{limit:g} degrees")
        if self.south > self.north:
            raise LabelQueryError(f"south={self.south} is north of north={self.north}; swap them")

    def holds(self, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies in the box."""
        if not self.south <= lat <= self.north:
            return False
        if self.west <= self.east:
            return self.west <= lon <= self.east
        return lon >= self.west or lon <= self.east

    def cells(self) -> Iterator[tuple[int, int]]:
        """The one-degree cells (floor of lon, floor of lat) the box covers."""
        lats = range(math.floor(self.south), min(math.floor(self.north), 89) + 1)
        if self.west <= self.east:
            lons: Iterable[int] = range(math.floor(self.west), min(math.floor(self.east), 179) + 1)
        else:
            lons = [*range(math.floor(self.west), 180), *range(-180, math.floor(self.east) + 1)]
        for x in lons:
            for y in lats:
                yield x, y


def min_population(zoom: int) -> int:
    """The smallest town labelled at ``zoom`` (capitals aside)."""
    if zoom <= min(MIN_POPULATION):
        return MIN_POPULATION[min(MIN_POPULATION)]
    return {**MIN_POPULATION, **_MIN_POPULATION_DEEP}.get(zoom, 1)


def _pixel(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel of (lat, lon) at ``zoom`` (256-pixel tiles, as Leaflet)."""
    size = 256 * 2**zoom
    lat = max(-85.0, min(85.0, lat))
    s = math.sin(math.radians(lat))
    return (lon + 180) / 360 * size, (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size


def prominence(population: int, names: int) -> float:
    """How much a town deserves its label over a neighbour: its population, raised by a
    quarter for each name the gazetteer has for it (spellings, languages: how widely it
    is known). A district that GeoNames counts more people in than its city gives way
    to the city: "Al Mawşil al Jadīdah" (2.07 million, 3 names) to Mosul (1.68 million,
    33 names), "Al Başrah al Qadīmah" (2.02 million, 5) to Basrah (1.33 million, 21)."""
    return population * (1.0 + names / 4)


# A town as Gazetteer.towns gives it: id, name, ISO3, lat, lon, population, capital, names.
Town = tuple[int, str, str, float, float, int, bool, int]


class TownIndex:
    """The gazetteer's towns by one-degree cell, most prominent first in each (kept as
    the gazetteer's tuples: labels are made only for the towns a view shows)."""

    def __init__(self, towns: Iterable[Town]) -> None:
        capitals: list[tuple[float, Town]] = []
        cells: dict[tuple[int, int], list[tuple[float, Town]]] = {}
        for town in towns:
            item = (prominence(town[5], town[7]), town)
            if town[6]:
                capitals.append(item)
            else:
                cells.setdefault((math.floor(town[4]), math.floor(town[3])), []).append(item)
        for items in (capitals, *cells.values()):
            items.sort(key=lambda t: -t[0])
        self._capitals = [town for _, town in capitals]
        self._cells = cells

    def candidates(self, box: Box, floor: int) -> Iterator[MapLabel]:
        """Capitals in the box, then its towns of ``floor`` people or more, most
        prominent first."""
        for town in self._capitals:
            if box.holds(town[3], town[4]):
                yield MapLabel(*town[:7])
        runs = [self._cells[c] for c in box.cells() if c in self._cells]
        for weight, town in heapq.merge(*runs, key=lambda t: -t[0]):
            if weight < floor:
                return  # prominence >= population: no town after this one is big enough
            if town[5] >= floor and box.holds(town[3], town[4]):
                yield MapLabel(*town[:7])


def choose_labels(
    candidates: Iterable[MapLabel], zoom: int, *, limit: int = MAX_LABELS
) -> list[MapLabel]:
    """The first ``limit`` candidates whose label boxes (centred on the place, at
    ``zoom``) overlap no label chosen before them: the more important town keeps its name."""
    chosen: list[tuple[MapLabel, float, float, float]] = []
    for label in candidates:
        x, y = _pixel(label.lat, label.lon, zoom)
        half = (len(label.name) * _CHAR_PX + _LABEL_PAD_PX) / 2
        if any(
            abs(x - cx) < half + chalf and abs(y - cy) < _LABEL_HEIGHT_PX
            for _, cx, cy, chalf in chosen
        ):
            continue
        chosen.append((label, x, y, half))
        if len(chosen) >= limit:
            break
    return [c[0] for c in chosen]


def map_labels(index: TownIndex, box: Box, zoom: int, *, limit: int = MAX_LABELS) -> list[MapLabel]:
    """The towns to name in ``box`` at ``zoom``: see the module's docstring."""
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise LabelQueryError(f"zoom={zoom} is outside {MIN_ZOOM}..{MAX_ZOOM}")
    if limit < 1:
        raise LabelQueryError(f"limit={limit} must be at least 1")
    return choose_labels(index.candidates(box, min_population(zoom)), zoom, limit=limit)
