"""Exports: JSONL (the JSON contract), ACLED-column CSV, GeoJSON.

The ACLED CSV uses ACLED's column names and codes, so analysts can load sitrep
output wherever they load ACLED today (pandas, R, QGIS):
``time_precision`` 1 = day, 2 = week, 3 = month or coarser; ``geo_precision``
1 = the town itself, 2 = its province, 3 = only the country; ``inter1`` and
``inter2`` use ACLED's actor-category codes.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.read.typology import DISORDER_TYPE
from sitrep.views.queries import EventFilter, actor_kinds, iter_events

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
INTER_CODES = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION = {"city": 1, "admin1": 2, "country": 3}
ISO_NUMERIC = {
    "SYR": 760,
    "IRQ": 368,
    "TUR": 792,
    "JOR": 400,
    "LBN": 422,
    "ISR": 376,
    "PSE": 275,
    "IRN": 364,
    "SAU": 682,
    "KWT": 414,
    "YEM": 887,
    "EGY": 818,
    "LBY": 434,
    "AFG": 4,
}
COUNTRY_NAMES = {
    "SYR": "Syria",
    "IRQ": "Iraq",
    "TUR": "Turkey",
    "JOR": "Jordan",
    "LBN": "Lebanon",
    "ISR": "Israel",
    "PSE": "Palestine",
    "IRN": "Iran",
    "SAU": "Saudi Arabia",
    "KWT": "Kuwait",
    "YEM": "Yemen",
    "EGY": "Egypt",
    "LBY": "Libya",
    "AFG": "Afghanistan",
}


def acled_row(e: dict[str, Any], actor_kinds: dict[str, str]) -> dict[str, Any]:
    """One event as an ACLED-column row."""
    place = e["place"] or {}
    iso3 = place.get("country") or ""
    inter1 = INTER_CODES.get(actor_kinds.get(e["actor1"] or "", ""), 0) if e["actor1"] else 0
    inter2 = INTER_CODES.get(actor_kinds.get(e["actor2"] or "", ""), 0) if e["actor2"] else 0
    pair = sorted(x for x in (inter1, inter2) if x) or [0]
    real = [m for m in e["mentions"] if not m["reference"]] or e["mentions"]
    note = real[0]["evidence"] if real else ""
    return {
        "event_id_cnty": f"{iso3}{e['id'][:10].upper()}",
        "event_date": e["date"] or "",
        "year": (e["date"] or "")[:4],
        "time_precision": TIME_PRECISION.get(e["date_precision"] or "", 3),
        "disorder_type": DISORDER_TYPE.get(e["event_type"], ""),
        "event_type": e["event_type"],
        "sub_event_type": e["sub_event_type"],
        "actor1": e["actor1"] or "",
        "assoc_actor_1": "; ".join(a for a in e["assoc_actors"] if a),
        "inter1": inter1 or "",
        "actor2": e["actor2"] or "",
        "assoc_actor_2": "",
        "inter2": inter2 or "",
        "interaction": int("".join(str(x) for x in pair)) if pair != [0] else "",
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        "iso": ISO_NUMERIC.get(iso3, ""),
        "region": "Middle East",
        "country": COUNTRY_NAMES.get(iso3, iso3),
        "admin1": place.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": place.get("name") or "",
        "latitude": place.get("lat", ""),
        "longitude": place.get("lon", ""),
        "geo_precision": GEO_PRECISION.get(place.get("kind") or "", 3),
        "source": "; ".join(e["sources"]),
        "source_scale": "National-International" if e["n_sources"] > 1 else "",
        "notes": f"{note} [status: {e['status']}; sitrep event {e['id']}]",
        "fatalities": e["fatalities"] if e["fatalities"] is not None else 0,
        "tags": "" if e["status"] == "occurred" else e["status"],
        "timestamp": "",
    }


def geojson_feature(e: dict[str, Any]) -> dict[str, Any] | None:
    place = e["place"]
    if not place:
        return None
    props = {k: v for k, v in e.items() if k not in ("place", "mentions")}
    props["place"] = place["name"]
    props["geonames_id"] = place["geonames_id"]
    props["n_mentions"] = len(e["mentions"])
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
        "properties": props,
    }


def write_export(
    store: Any,
    f: EventFilter,
    fmt: str,
    out: TextIO,
    *,
    gazetteer: Any = None,
    actors: Any = None,
) -> int:
    """Write the events matching ``f`` to ``out`` in ``fmt``; returns how many.

    ``gazetteer`` and ``actors`` read the place and actor filters (bundled actors when None).
    """
    items: Iterable[dict[str, Any]] = iter_events(store, f, gazetteer=gazetteer, actors=actors)
    n = 0
    if fmt == "jsonl":
        for e in items:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "acled-csv":
        kinds = actor_kinds(store)
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for e in items:
            writer.writerow(acled_row(e, kinds))
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [\n')
        for e in items:
            feature = geojson_feature(e)
            if feature is None:
                continue
            out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}; use jsonl, acled-csv or geojson")
    return n
