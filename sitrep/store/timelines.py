"""Loading control changes and saving control timelines (the ``control_spans`` table).

The control stage (:mod:`sitrep.control`) is pure; this module feeds it and keeps
what it built: :func:`load_changes` reads the control-relevant events of some
places as :class:`~sitrep.control.Change` records, :func:`save_timelines`
replaces the stored spans of those places, :func:`stored_as_of` answers "who held
what on day D" from the stored spans. All run on the caller's connection.

:func:`rebuild_all_control` (re)builds every place's timeline: opening a database
made before timelines were stored runs it once (see ``sitrep.store.database``).
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, and_, bindparam, delete, exists, or_, select, text
from sqlalchemy.engine import Connection

from sitrep.control import (
    Change,
    ControlSpan,
    PlaceRef,
    build_timelines,
    controller_for,
    held_item,
)
from sitrep.read.typology import TERRITORY_SUB_TYPES
from sitrep.store.schema import CONTROL_KEY, actors, control_spans, events, mentions, meta, places

# place ids per query: well under every database's limit on bound parameters
BATCH = 500


def load_changes(
    conn: Connection, place_ids: Sequence[int] | None = None
) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
    """Control-relevant events grouped by place (all places when ``place_ids`` is None)."""
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
            # a report that dates the event itself, not by its own day
            exists()
            .where(mentions.c.event_id == events.c.id, mentions.c.date_inferred.is_(False))
            .label("own_date"),
        )
        .join(places, places.c.id == events.c.place_id)
        .join(a1, a1.c.id == events.c.actor1, isouter=True)
        .join(a2, a2.c.id == events.c.actor2, isouter=True)
        .where(
            and_(
                events.c.sub_event_type.in_(sorted(TERRITORY_SUB_TYPES)),
                events.c.status.in_(["occurred", "claimed", "denied", "background", "recalled"]),
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
        grouped[pid].append(
            Change(
                event_id=r["id"],
                kind="fact" if r["status"] in ("background", "recalled") else "change",
                controller=controller_for(r["sub_event_type"], r["c1"], r["p_country"]),
                previous=r["c2"],
                date=r["date"],
                precision=r["date_precision"],
                status=r["status"],
                sources=tuple(json.loads(r["sources"])),
                confidence=r["confidence"],
                denied_by=tuple(json.loads(r["denied_by"])),
                own_date=bool(r["own_date"]),
            )
        )
    return refs, grouped


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
        "events": json.dumps(list(span.events)),
        "notes": json.dumps(list(span.notes)),
    }


def save_timelines(
    conn: Connection,
    place_ids: Iterable[int],
    timelines: Mapping[int, Sequence[ControlSpan]],
) -> int:
    """Replace the stored timelines of ``place_ids`` by ``timelines``; returns spans written.

    A place of ``place_ids`` absent from ``timelines`` keeps no spans (its control
    events are gone).
    """
    ids = sorted(set(place_ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        conn.execute(delete(control_spans).where(control_spans.c.place_id.in_(batch)))
    rows = [
        _span_row(pid, seq, span)
        for pid in sorted(timelines)
        for seq, span in enumerate(timelines[pid])
    ]
    if rows:
        conn.execute(control_spans.insert(), rows)
    return len(rows)


# The first key of the PostgreSQL advisory locks of places' timelines (the second is
# the place id): the two-key lock space, apart from the one-key locks of merge blocks
# and of the schema ("tl" as a number).
_TIMELINE_LOCK = int.from_bytes(b"tl", "big")
_LOCK_PLACES = text(
    "SELECT pg_advisory_xact_lock(:kind, p) FROM unnest(CAST(:ids AS integer[])) AS p"
)


def lock_places(conn: Connection, place_ids: Sequence[int]) -> None:
    """Hold these places' timelines for the rest of the transaction, on PostgreSQL.

    A place's timeline is read from the events of every block, so two ingests
    merging two blocks with events of one place (a town taken in one block and
    retaken in another) both rewrote it at once: the second's insert of its first
    span failed on the first's (a unique violation on ``control_spans``), or, read
    before the first committed, it would have kept a timeline without the first's
    events. With the lock the second waits, then reads the events the first
    committed. Called in ascending order of place id (two transactions waiting on
    each other's places cannot happen). SQLite's writing transactions hold the
    database's one write lock already.
    """
    if conn.dialect.name == "postgresql" and place_ids:
        conn.execute(_LOCK_PLACES, {"kind": _TIMELINE_LOCK, "ids": list(place_ids)})


def refresh_control(conn: Connection, place_ids: Iterable[int]) -> int:
    """Rebuild the stored timelines of these places (in the caller's transaction).

    Lock (:func:`lock_places`), load, build (the pure control stage), save,
    :data:`BATCH` places at a time; returns the spans written.
    """
    ids = sorted(set(place_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        lock_places(conn, batch)
        refs, grouped = load_changes(conn, batch)
        written += save_timelines(conn, batch, build_timelines(refs, grouped))
    return written


def control_place_ids(conn: Connection) -> list[int]:
    """Every place with events of a territory sub-type."""
    ids = conn.execute(
        select(events.c.place_id)
        .distinct()
        .where(events.c.sub_event_type.in_(sorted(TERRITORY_SUB_TYPES)))
    ).scalars()
    return [pid for pid in ids if pid is not None]


def rebuild_all_control(conn: Connection) -> int:
    """Rebuild every stored timeline and mark the table complete; returns spans written."""
    conn.execute(delete(control_spans))
    written = refresh_control(conn, control_place_ids(conn))
    conn.execute(delete(meta).where(meta.c.key == CONTROL_KEY))
    conn.execute(meta.insert().values(key=CONTROL_KEY, value="1"))
    return written


_MATERIALISED = select(meta.c.value).where(meta.c.key == CONTROL_KEY)


def materialised(conn: Connection) -> bool:
    """Whether ``control_spans`` holds every place's timeline."""
    return conn.execute(_MATERIALISED).first() is not None


@functools.cache
def _as_of_statement(by_country: bool, by_box: bool) -> Select[Any]:
    """The read of :func:`stored_as_of`, built once per kind (a day, a country, a box
    are its parameters): building it took longer than running it."""
    s = control_spans
    day = bindparam("day", type_=Date())
    q = (
        select(s, places.c.name, places.c.country, places.c.admin1, places.c.lat, places.c.lon)
        .add_columns(places.c.kind)
        .join(places, places.c.id == s.c.place_id)
        .where(
            or_(s.c.start.is_(None), s.c.start <= day),
            or_(s.c.end.is_(None), s.c.end > day),
        )
    )
    if by_country:
        q = q.where(places.c.country == bindparam("country"))
    if by_box:
        q = q.where(
            places.c.lon.between(bindparam("west"), bindparam("east")),
            places.c.lat.between(bindparam("south"), bindparam("north")),
        )
    return q


def stored_as_of(
    conn: Connection,
    day: date,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[dict[str, Any]]:
    """Who held what on ``day``, from the stored timelines (see :func:`sitrep.control.as_of`)."""
    params: dict[str, Any] = {"day": day}
    if country:
        params["country"] = country.upper()
    if bbox:
        params.update(zip(("west", "south", "east", "north"), bbox, strict=True))
    q = _as_of_statement(bool(country), bool(bbox))
    rows = sorted(
        conn.execute(q, params).mappings(), key=lambda r: (r["name"], r["place_id"], r["seq"])
    )
    return [
        held_item(
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
