"""Who holds which place, since when: control timelines from control-change events.

A timeline is built per place from:

- *changes*: reported events of the territory sub-types (government regains
  territory, non-state actor overtakes territory, non-violent transfer of
  territory) with status occurred or claimed; the new controller is the
  controller of actor 1 (``actors.controller``: the army's is "Government of
  Syria"), the previous one that of actor 2 when the report names it;
- *facts*: background events ("ISIS had held it since 2014"), which say who
  held the place from a date (or from an unknown date) onwards.

Changes are read in date order. A change to the controller already in place
confirms the current span (its evidence joins it); a change to another
controller closes the current span and opens a new one. Before the first
change, the previous controller named by that change (or by a background
fact) holds the place from the fact's date, or from an unknown start. Two
changes to different controllers whose date windows overlap, or a change that
some source denies, make the span *disputed*: both are kept, with their
sources, and the span's confidence drops.

Timelines are stored (``control_spans``): a merge that changes a place's
control events rebuilds that place's timeline in the same transaction
(:func:`refresh_control`), so :func:`as_of` is one indexed read. A database
from an older sitrep opened read-only falls back to building them here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.engine import Connection

from sitrep.read.typology import TERRITORY_SUB_TYPES
from sitrep.store import CONTROL_KEY, Store, actors, articles, control_spans, events, meta, places

_PRECISION_DAYS = {"day": 0, "week": 6, "month": 30, "year": 364}


@dataclass(frozen=True)
class PlaceRef:
    """A place as timelines show it."""

    id: int
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    kind: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "geonames_id": self.id,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Change:
    """One control-relevant event at a place."""

    event_id: str
    kind: str  # "change" | "fact"
    controller: str | None
    previous: str | None
    date: date | None
    precision: str | None
    status: str
    sources: tuple[str, ...]
    confidence: float
    denied_by: tuple[str, ...] = ()


@dataclass
class ControlSpan:
    """A place held by one controller over ``[start, end)`` (``end`` None: still held)."""

    place: PlaceRef
    controller: str
    start: date | None
    end: date | None = None
    start_precision: str | None = None
    sources: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    confidence: float = 0.5
    disputed: bool = False
    notes: list[str] = field(default_factory=list)
    status: str = "occurred"  # of the report that opened the span

    def holds_on(self, day: date) -> bool:
        """True when this span covers ``day`` (an unknown start covers the past)."""
        starts = self.start is None or self.start <= day
        return starts and (self.end is None or day < self.end)

    def as_dict(self) -> dict[str, Any]:
        return {
            "controller": self.controller,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "start_precision": self.start_precision,
            "sources": sorted(self.sources),
            "events": list(self.events),
            "confidence": round(self.confidence, 3),
            "disputed": self.disputed,
            "notes": list(self.notes),
        }


def _controller_for(sub_type: str, controller: str | None, country: str) -> str | None:
    """Who holds the place after the event; None when no report names the actor.

    An unknown actor is not guessed: "the town was retaken" says that control
    changed, not to whom, and a wrong guess would be worse on a map than a gap.
    """
    return controller or None


def load_changes(
    store: Store, place_ids: Sequence[int] | None = None
) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
    """Control-relevant events grouped by place (all places when ``place_ids`` is None)."""
    with store.engine.connect() as conn:
        return _load_changes(conn, place_ids)


def _load_changes(
    conn: Connection, place_ids: Sequence[int] | None = None
) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
    a1 = actors.alias("a1")
    a2 = actors.alias("a2")
    q = (
        select(
            events,
            a1.c.controller.label("c1"),
            a2.c.controller.label("c2"),
            places.c.name.label("p_name"),
            places.c.country.label("p_country"),
            places.c.admin1.label("p_admin1"),
            places.c.lat.label("p_lat"),
            places.c.lon.label("p_lon"),
            places.c.kind.label("p_kind"),
        )
        .join(places, places.c.id == events.c.place_id)
        .join(a1, a1.c.id == events.c.actor1, isouter=True)
        .join(a2, a2.c.id == events.c.actor2, isouter=True)
        .where(
            and_(
                events.c.sub_event_type.in_(sorted(TERRITORY_SUB_TYPES)),
                events.c.status.in_(["occurred", "claimed", "denied", "background"]),
            )
        )
        .order_by(events.c.place_id, events.c.date, events.c.id)
    )
    if place_ids is not None:
        q = q.where(events.c.place_id.in_(list(place_ids)))
    refs: dict[int, PlaceRef] = {}
    grouped: dict[int, list[Change]] = defaultdict(list)
    for r in conn.execute(q).mappings():
        pid = r["place_id"]
        if r["p_kind"] == "country":
            continue  # a whole country changes hands only through its places
        refs.setdefault(
            pid,
            PlaceRef(
                pid,
                r["p_name"],
                r["p_country"],
                r["p_admin1"],
                r["p_lat"],
                r["p_lon"],
                r["p_kind"],
            ),
        )
        controller = _controller_for(r["sub_event_type"], r["c1"], r["p_country"])
        grouped[pid].append(
            Change(
                event_id=r["id"],
                kind="fact" if r["status"] == "background" else "change",
                controller=controller,
                previous=r["c2"],
                date=r["date"],
                precision=r["date_precision"],
                status=r["status"],
                sources=tuple(json.loads(r["sources"])),
                confidence=r["confidence"],
                denied_by=tuple(json.loads(r["denied_by"])),
            )
        )
    return refs, grouped


def _window_end(c: Change) -> date | None:
    if c.date is None:
        return None
    return c.date + timedelta(days=_PRECISION_DAYS.get(c.precision or "day", 0))


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _stronger(c: Change, span: ControlSpan, status_rank: dict[str, int]) -> bool:
    """Does report ``c`` outweigh the span it contradicts?

    What a source reports as fact beats a party's claim; then a day beats a
    month; then more sources beat fewer.
    """
    return (
        status_rank.get(c.status, 3),
        _PRECISION_RANK.get(c.precision or "year", 3),
        -len(c.sources),
    ) < (
        status_rank.get(span.status, 3),
        _PRECISION_RANK.get(span.start_precision or "year", 3),
        -len(span.sources),
    )


def build_timeline(place: PlaceRef, changes: Iterable[Change]) -> list[ControlSpan]:
    """The ordered control spans of one place (see the module docstring)."""
    items = [c for c in changes if c.controller]
    facts = sorted(
        (c for c in items if c.kind == "fact"),
        key=lambda c: (c.date is not None, c.date or date.min, c.event_id),
    )
    # on one day, what a source reports as fact goes before what a party claims
    status_rank = {"occurred": 0, "claimed": 1, "denied": 2}
    reported = sorted(
        (c for c in items if c.kind == "change"),
        key=lambda c: (c.date or date.max, status_rank.get(c.status, 3), c.event_id),
    )
    denied = [c for c in reported if c.status == "denied"]
    moves = [c for c in reported if c.status != "denied"]
    spans: list[ControlSpan] = []

    def open_span(
        controller: str, c: Change | None, start: date | None, precision: str | None
    ) -> ControlSpan:
        span = ControlSpan(place, controller, start, start_precision=precision)
        if c is not None:
            span.status = c.status
            span.sources.update(c.sources)
            span.events.append(c.event_id)
            span.confidence = c.confidence
            if c.denied_by and c.kind == "change":
                # some reports of this very change deny it
                span.disputed = True
                span.confidence *= 0.5
                span.notes.append(f"denied by {', '.join(c.denied_by)}")
        spans.append(span)
        return span

    # before the first change: who held it, from background facts or the loser named
    first_move = moves[0] if moves else None
    for f in facts:
        if first_move and f.date and first_move.date and f.date > first_move.date:
            continue  # a fact about a later period: handled with the changes below
        if first_move and f.date is None and f.controller == first_move.controller:
            continue  # an undated "held by X" beside X's takeover says nothing of before
        if spans and spans[-1].controller == f.controller:
            span = spans[-1]
            if f.date and (span.start is None or f.date < span.start):
                span.start, span.start_precision = f.date, f.precision
            span.sources.update(f.sources)
            span.events.append(f.event_id)
        elif spans and f.date is None:
            # two undated "held by" facts cannot be put in order: keep the first
            # and say that another holder was reported
            spans[-1].disputed = True
            spans[-1].notes.append(
                f"also reported held by {f.controller} ({', '.join(f.sources)}), undated"
            )
        else:
            if spans:
                spans[-1].end = f.date
            open_span(f.controller or "", f, f.date, f.precision if f.date else None)
    if first_move and first_move.previous and not spans:
        span = open_span(first_move.previous, None, None, None)
        span.sources.update(first_move.sources)
        span.notes.append(f"held before {first_move.date}, according to the report of its loss")

    for c in moves:
        current = spans[-1] if spans else None
        if current is not None and current.controller == c.controller:
            current.sources.update(c.sources)
            current.events.append(c.event_id)
            current.confidence = max(current.confidence, c.confidence)
            continue
        if current is not None and current.start is not None and c.date is not None:
            # two different controllers in overlapping windows: the reports disagree
            current_end = current.start + timedelta(
                days=_PRECISION_DAYS.get(current.start_precision or "day", 0)
            )
            if c.date <= current_end:
                current.disputed = True
                if _stronger(c, current, status_rank):
                    # a more precise (or better supported) report replaces the span's
                    # holder; the weaker account stays as a note
                    current.notes.append(
                        f"{current.controller} also reported holding it from "
                        f"{current.start} ({', '.join(sorted(current.sources))})"
                    )
                    current.controller = c.controller or ""
                    current.start, current.start_precision = c.date, c.precision
                    current.sources = set(c.sources)
                    current.events = [c.event_id]
                    current.status = c.status
                else:
                    current.notes.append(
                        f"{c.controller} also reported holding it from {c.date} "
                        f"({', '.join(c.sources)})"
                    )
                current.confidence *= 0.5
                continue
        if current is not None:
            current.end = c.date
        open_span(c.controller or "", c, c.date, c.precision)

    for d in denied:
        for span in spans:
            if (
                span.controller == d.controller
                and d.date
                and span.start
                and (abs((span.start - d.date).days) <= 7)
            ):
                span.disputed = True
                span.confidence *= 0.5
                span.notes.append(f"denied by {', '.join(d.sources)}")
    return spans


def timeline(store: Store, place_ids: Sequence[int]) -> list[ControlSpan]:
    """The control timeline of the given place ids (spans of all of them, ordered)."""
    refs, grouped = load_changes(store, place_ids)
    out: list[ControlSpan] = []
    for pid in sorted(grouped):
        out.extend(build_timeline(refs[pid], grouped[pid]))
    out.sort(key=lambda s: (s.start or date.min, s.place.id))
    return out


# Timelines of every place, per database, rebuilt only when the data changed: used
# by as_of only on a database from before stored timelines, opened read-only.
_SNAPSHOTS: dict[str, tuple[tuple[Any, ...], list[tuple[PlaceRef, list[ControlSpan]]]]] = {}


def _data_version(store: Store) -> tuple[Any, ...]:
    with store.engine.connect() as conn:
        arts = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    return (arts[0], arts[1], n_events)


def all_timelines(store: Store) -> list[tuple[PlaceRef, list[ControlSpan]]]:
    """Every place's timeline, cached until the database gains articles or events."""
    key = str(store.engine.url)
    version = _data_version(store)
    cached = _SNAPSHOTS.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    refs, grouped = load_changes(store)
    built = [
        (refs[pid], build_timeline(refs[pid], grouped[pid]))
        for pid in sorted(grouped, key=lambda p: (refs[p].name, p))
    ]
    _SNAPSHOTS[key] = (version, built)
    return built


def places_of_block(conn: Connection, block: str) -> set[int]:
    """The places whose timelines the events of a merge block feed (none for most blocks)."""
    parts = block.split("|")
    if len(parts) < 2 or parts[1] not in TERRITORY_SUB_TYPES:
        return set()
    return {
        pid
        for pid in conn.execute(
            select(events.c.place_id).distinct().where(events.c.block == block)
        ).scalars()
        if pid is not None
    }


def _span_row(place_id: int, seq: int, span: ControlSpan) -> dict[str, Any]:
    return {
        "place_id": place_id,
        "seq": seq,
        "controller": span.controller,
        "start": span.start,
        "end": span.end,
        "start_precision": span.start_precision,
        "status": span.status,
        "confidence": span.confidence,
        "disputed": span.disputed,
        "sources": json.dumps(sorted(span.sources)),
        "events": json.dumps(span.events),
        "notes": json.dumps(span.notes),
    }


def refresh_control(conn: Connection, place_ids: Iterable[int]) -> int:
    """Rebuild the stored timelines of these places (in the caller's transaction).

    Called after a merge replaces the events of a block; returns the spans written.
    """
    ids = sorted(set(place_ids))
    written = 0
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        refs, grouped = _load_changes(conn, batch)
        conn.execute(delete(control_spans).where(control_spans.c.place_id.in_(batch)))
        rows = [
            _span_row(pid, seq, span)
            for pid in sorted(grouped)
            for seq, span in enumerate(build_timeline(refs[pid], grouped[pid]))
        ]
        if rows:
            conn.execute(control_spans.insert(), rows)
        written += len(rows)
    return written


def rebuild_all_control(conn: Connection) -> int:
    """Rebuild every stored timeline and mark the table complete; returns spans written."""
    conn.execute(delete(control_spans))
    ids = conn.execute(
        select(events.c.place_id)
        .distinct()
        .where(events.c.sub_event_type.in_(sorted(TERRITORY_SUB_TYPES)))
    ).scalars()
    written = refresh_control(conn, [pid for pid in ids if pid is not None])
    conn.execute(delete(meta).where(meta.c.key == CONTROL_KEY))
    conn.execute(meta.insert().values(key=CONTROL_KEY, value="1"))
    return written


def _materialised(conn: Connection) -> bool:
    return conn.execute(select(meta.c.value).where(meta.c.key == CONTROL_KEY)).first() is not None


def as_of(
    store: Store,
    day: date,
    *,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[dict[str, Any]]:
    """Who held what on ``day``: ``{place, controller, since, ...}`` per place."""
    with store.engine.connect() as conn:
        if _materialised(conn):
            return _stored_as_of(conn, day, country, bbox)
    # a database from an older sitrep, opened read-only: build the timelines here
    out = []
    for ref, spans in all_timelines(store):
        if country and ref.country != country.upper():
            continue
        if bbox and not (bbox[0] <= ref.lon <= bbox[2] and bbox[1] <= ref.lat <= bbox[3]):
            continue
        for span in spans:
            if span.holds_on(day):
                out.append(_held(ref.as_dict(), span.as_dict()))
    return out


def _held(place: dict[str, Any], span: dict[str, Any]) -> dict[str, Any]:
    return {
        "place": place,
        "controller": span["controller"],
        "since": span["start"],
        "since_precision": span["start_precision"],
        "disputed": span["disputed"],
        "confidence": span["confidence"],
        "sources": span["sources"],
    }


def _stored_as_of(
    conn: Connection,
    day: date,
    country: str | None,
    bbox: tuple[float, float, float, float] | None,
) -> list[dict[str, Any]]:
    s = control_spans
    q = (
        select(s, places.c.name, places.c.country, places.c.admin1, places.c.lat, places.c.lon)
        .add_columns(places.c.kind)
        .join(places, places.c.id == s.c.place_id)
        .where(
            or_(s.c.start.is_(None), s.c.start <= day),
            or_(s.c.end.is_(None), s.c.end > day),
        )
    )
    if country:
        q = q.where(places.c.country == country.upper())
    if bbox:
        q = q.where(places.c.lon.between(bbox[0], bbox[2]), places.c.lat.between(bbox[1], bbox[3]))
    rows = sorted(conn.execute(q).mappings(), key=lambda r: (r["name"], r["place_id"], r["seq"]))
    return [
        _held(
            {
                "name": r["name"],
                "geonames_id": r["place_id"],
                "country": r["country"],
                "admin1": r["admin1"],
                "lat": r["lat"],
                "lon": r["lon"],
                "kind": r["kind"],
            },
            {
                "controller": r["controller"],
                "start": r["start"].isoformat() if r["start"] else None,
                "start_precision": r["start_precision"],
                "disputed": bool(r["disputed"]),
                "confidence": round(r["confidence"], 3),
                "sources": json.loads(r["sources"]),
            },
        )
        for r in rows
    ]
