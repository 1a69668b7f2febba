"""Where reports of one event agree and where they differ.

Works on the reports of an event (:class:`~sitrep.core.records.Report`), one value
per source for each field a report can state: status (happened, denied,
claimed), date (only dates a report gives, not inferred ones), actor 1,
actor 2, fatalities and the exact place. A field is a *difference* when two
sources state different values, an *agreement* when at least two state the
same one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sitrep.core.records import Agreement, Difference, Report

FIELDS = ("status", "date", "actor1", "actor2", "fatalities", "place")


def _value(m: Report, field: str) -> Any:
    if field == "date":
        return m.date.isoformat() if m.date and not m.date_inferred else None
    if field == "place":
        # a country-level report does not contradict a town inside it
        return m.place_name if m.place_kind in ("city", "admin1") else None
    return getattr(m, field)


def compare_reports(
    mentions: Sequence[Report],
) -> tuple[tuple[Agreement, ...], tuple[Difference, ...]]:
    """(agreements, differences) between the sources of an event's reports."""
    told = [
        (
            m.source,
            (
                m.status,
                m.date.isoformat() if m.date and not m.date_inferred else None,
                m.actor1,
                m.actor2,
                m.fatalities,
                m.place_name if m.place_kind in ("city", "admin1") else None,
            ),
        )
        for m in mentions
        if not m.reference
    ]
    agreements, differences = _compared(told)
    return (
        tuple(Agreement(f, v, sources) for f, v, sources in agreements),
        tuple(Difference(f, values) for f, values in differences),
    )


_Agreed = tuple[str, Any, tuple[str, ...]]
_Differing = tuple[str, tuple[tuple[Any, tuple[str, ...]], ...]]


def _compared(
    told: Sequence[tuple[str, tuple[Any, ...]]],
) -> tuple[list[_Agreed], list[_Differing]]:
    """Agreements ``(field, value, sources)`` and differences ``(field, ((value,
    sources), ...))`` between reports given as (source, the values of FIELDS)."""
    if len(told) < 2:
        return [], []  # one report agrees with no one and differs from no one
    by_field: dict[str, dict[Any, set[str]]] = {f: {} for f in FIELDS}
    for source, values in told:
        for f, v in zip(FIELDS, values, strict=True):
            if v is not None:
                by_field[f].setdefault(v, set()).add(source)
    agreements: list[_Agreed] = []
    differences: list[_Differing] = []
    for f in FIELDS:
        by_value = by_field[f]
        if len(by_value) > 1:
            ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
            differences.append((f, tuple((v, tuple(sorted(s))) for v, s in ranked)))
        for v, sources in by_value.items():
            if len(sources) > 1:
                agreements.append((f, v, tuple(sorted(sources))))
    return agreements, differences
