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
    told = [m for m in mentions if not m.reference]
    if len(told) < 2:
        return (), ()  # one report agrees with no one and differs from no one
    by_field: dict[str, dict[Any, set[str]]] = {f: {} for f in FIELDS}
    for m in told:
        # the values of FIELDS, in order, as _value reads them (inlined: every page
        # of events compares the reports of each of its events)
        for f, v in zip(
            FIELDS,
            (
                m.status,
                m.date.isoformat() if m.date and not m.date_inferred else None,
                m.actor1,
                m.actor2,
                m.fatalities,
                m.place_name if m.place_kind in ("city", "admin1") else None,
            ),
            strict=True,
        ):
            if v is not None:
                by_field[f].setdefault(v, set()).add(m.source)
    agreements: list[Agreement] = []
    differences: list[Difference] = []
    for f in FIELDS:
        values = by_field[f]
        if len(values) > 1:
            ranked = sorted(values.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
            differences.append(Difference(f, tuple((v, tuple(sorted(s))) for v, s in ranked)))
        for v, sources in values.items():
            if len(sources) > 1:
                agreements.append(Agreement(f, v, tuple(sorted(sources))))
    return tuple(agreements), tuple(differences)
