"""Where reports of one event agree and where they differ.

Works on the mention items of an event (``queries.mention_item``), one value
per source for each field a report can state: status (happened, denied,
claimed), date (only dates a report gives, not inferred ones), actor 1,
actor 2, fatalities and the exact place. A field is a *difference* when two
sources state different values, an *agreement* when at least two state the
same one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

FIELDS = ("status", "date", "actor1", "actor2", "fatalities", "place")


def _value(m: dict[str, Any], field: str) -> Any:
    if field == "date":
        return m["date"] if m["date"] and not m["date_inferred"] else None
    if field == "place":
        # a country-level report does not contradict a town inside it
        return m.get("place_name") if m.get("place_kind") in ("city", "admin1") else None
    return m.get(field)


def compare_reports(
    mentions: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(agreements, differences) between the sources of an event's mentions."""
    by_field: dict[str, dict[Any, set[str]]] = {f: defaultdict(set) for f in FIELDS}
    for m in mentions:
        if m.get("reference"):
            continue
        for f in FIELDS:
            v = _value(m, f)
            if v is not None:
                by_field[f][v].add(m["source"])
    agreements, differences = [], []
    for f in FIELDS:
        values = by_field[f]
        if len(values) > 1:
            differences.append(
                {
                    "field": f,
                    "values": [
                        {"value": v, "sources": sorted(s)}
                        for v, s in sorted(values.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
                    ],
                }
            )
        for v, sources in values.items():
            if len(sources) > 1:
                agreements.append({"field": f, "value": v, "sources": sorted(sources)})
    return agreements, differences
