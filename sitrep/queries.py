"""Reading events back out of the store, as plain dicts (the CLI's JSON contract).

An event item has: ``id, event_type, sub_event_type, actor1, actor2,
assoc_actors, place {name, geonames_id, country (ISO3), admin1, lat, lon,
matched_text}, date (YYYY-MM-DD), date_precision, status, sources (outlet
names), mentions [{article_id, outlet, source, speaker, evidence, ...}]``,
plus ``fatalities, confidence, n_sources``. Fields are only ever added.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select

from .compare import compare_reports
from .errors import LookupFailed
from .store import Store, actors, articles, events, mentions, places

DEFAULT_STATUSES = ("occurred", "claimed", "denied")
ALL_STATUSES = ("occurred", "claimed", "denied", "expected", "background")


@dataclass(frozen=True)
class EventFilter:
    """What ``sitrep events`` asks for. Empty fields do not filter."""

    place: str | None = None
    actor: str | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None
    statuses: Sequence[str] = DEFAULT_STATUSES
    limit: int | None = None
    offset: int = 0
    place_ids: Sequence[int] | None = None  # exact GeoNames ids (no containment)
    event_ids: Sequence[str] | None = None


def _like(value: str) -> str:
    # "_" and "%" in a filter are the characters themselves, not LIKE wildcards
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_ESC = "\\"  # the escape character of _like's patterns


def _select(store: Store, f: EventFilter, place_ids: list[int] | None) -> Select[Any]:
    q = select(events).order_by(events.c.date, events.c.id)
    conds: list[ColumnElement[bool]] = [events.c.status.in_(list(f.statuses))]
    if place_ids is not None:
        conds.append(events.c.place_id.in_(place_ids))
    if f.place_ids is not None:
        conds.append(events.c.place_id.in_(list(f.place_ids)))
    if f.event_ids is not None:
        conds.append(events.c.id.in_(list(f.event_ids)))
    if f.type:
        t = _like(f.type)
        from sqlalchemy import func

        conds.append(
            or_(
                func.lower(events.c.event_type).like(t, escape=_ESC),
                func.lower(events.c.sub_event_type).like(t, escape=_ESC),
            )
        )
    if f.since:
        conds.append(events.c.date >= f.since)
    if f.until:
        conds.append(events.c.date <= f.until)
    if f.actor:
        from sqlalchemy import func

        ids = select(actors.c.id).where(
            or_(
                func.lower(actors.c.name).like(_like(f.actor), escape=_ESC),
                func.lower(actors.c.id).like(_like(f.actor), escape=_ESC),
            )
        )
        conds.append(
            or_(
                events.c.actor1.in_(ids),
                events.c.actor2.in_(ids),
                *[events.c.assoc_actors.like(f'%"{a}"%') for a in _actor_ids(store, f.actor)],
            )
        )
    if f.source:
        from sqlalchemy import func

        conds.append(func.lower(events.c.sources).like(_like(f.source), escape=_ESC))
    q = q.where(and_(*conds))
    if f.limit is not None:
        q = q.limit(f.limit)
    if f.offset:
        q = q.offset(f.offset)
    return q


def _actor_ids(store: Store, text: str) -> list[str]:
    from sqlalchemy import func

    with store.engine.connect() as conn:
        return list(
            conn.execute(
                select(actors.c.id).where(
                    or_(
                        func.lower(actors.c.name).like(_like(text), escape=_ESC),
                        func.lower(actors.c.id).like(_like(text), escape=_ESC),
                    )
                )
            ).scalars()
        )


def place_ids_for(store: Store, name: str, *, gazetteer: Any = None) -> list[int]:
    """Place ids matching a name in any spelling the gazetteer knows, or a GeoNames id.

    A province or country also matches the places inside it.
    """
    from sqlalchemy import func

    with store.engine.connect() as conn:
        if name.isascii() and name.isdigit() and len(name) <= 18:  # a GeoNames id
            base = [int(name)]
        else:
            base = []
            if gazetteer is not None:
                # the best reading of the name only: "Deir ez-Zor" is the city, and
                # "Deir ez-Zor province" the governorate with its towns
                base = [p.id for p in gazetteer.lookup(name)][:1]
            base += list(
                conn.execute(
                    select(places.c.id).where(func.lower(places.c.name) == name.lower())
                ).scalars()
            )
        if not base:
            return []
        rows = conn.execute(select(places).where(places.c.id.in_(base))).mappings().all()
        ids = set(base)
        for r in rows:
            if r["kind"] == "country":
                ids |= set(
                    conn.execute(
                        select(places.c.id).where(places.c.country == r["country"])
                    ).scalars()
                )
            elif r["kind"] == "admin1":
                ids |= set(
                    conn.execute(
                        select(places.c.id).where(
                            and_(places.c.country == r["country"], places.c.admin1 == r["admin1"])
                        )
                    ).scalars()
                )
        return sorted(ids)


def iter_events(store: Store, f: EventFilter, *, gazetteer: Any = None) -> Iterator[dict[str, Any]]:
    """Events matching ``f`` as JSON-ready dicts, ordered by date then id (streaming)."""
    place_ids = place_ids_for(store, f.place, gazetteer=gazetteer) if f.place else None
    with store.engine.connect() as conn:
        actor_names = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute(
                select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country)
            )
        }
        place_rows = {r["id"]: r for r in conn.execute(select(places)).mappings()}
        # one connection for the whole read: the rows, then their mentions by batch
        rows = conn.execute(_select(store, f, place_ids)).mappings().all()
        for start in range(0, len(rows), 500):
            yield from _items(conn, rows[start : start + 500], actor_names, place_rows)


def _items(
    conn: Any, rows: Sequence[Any], actor_names: dict[str, Any], place_rows: dict[int, Any]
) -> Iterator[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    by_event: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    q = (
        select(mentions, articles.c.outlet, articles.c.url, articles.c.published_at)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.event_id.in_(ids))
        .order_by(articles.c.published_at, mentions.c.article_id, mentions.c.sentence_index)
    )
    for m in conn.execute(q).mappings():
        by_event[m["event_id"]].append(mention_item(m, actor_names, place_rows))
    for r in rows:
        yield event_item(r, actor_names, place_rows, by_event[r["id"]])


def _actor_name(actor_names: dict[str, Any], actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    return actor_names.get(actor_id, (actor_id,))[0]


def place_item(place_row: Any, matched_text: str | None) -> dict[str, Any] | None:
    if place_row is None:
        return None
    return {
        "name": place_row["name"],
        "geonames_id": place_row["id"],
        "country": place_row["country"],
        "admin1": place_row["admin1"],
        "lat": place_row["lat"],
        "lon": place_row["lon"],
        "kind": place_row["kind"],
        "matched_text": matched_text,
    }


def mention_item(
    m: Any, actor_names: dict[str, Any], place_rows: dict[int, Any] | None = None
) -> dict[str, Any]:
    """One report of an event: who said it, in which sentence, what it said."""
    place = (place_rows or {}).get(m["place_id"])
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "outlet": m["outlet"],
        "url": m["url"],
        "published": m["published_at"].isoformat() if m["published_at"] else None,
        "source": m["source"],
        "speaker": m["speaker"],
        "status": m["status"],
        "sub_event_type": m["sub_event_type"],
        "actor1": _actor_name(actor_names, m["actor1"]),
        "actor2": _actor_name(actor_names, m["actor2"]),
        "date": m["date"].isoformat() if m["date"] else None,
        "date_precision": m["date_precision"],
        "date_inferred": bool(m["date_inferred"]),
        "matched_text": m["matched_text"],
        "evidence": m["evidence"],
        "evidence_span": [m["evidence_start"], m["evidence_end"]],
        "trigger": m["trigger"],
        "fatalities": m["fatalities"],
        "place_id": m["place_id"],
        "place_name": place["name"] if place is not None else None,
        "place_kind": place["kind"] if place is not None else None,
        "reference": bool(m["reference"]),
        "confidence": m["confidence"],
    }


def event_item(
    r: Any, actor_names: dict[str, Any], place_rows: dict[int, Any], items: list[dict[str, Any]]
) -> dict[str, Any]:
    """An event with its mentions, and where its sources agree and differ."""
    agreements, differences = compare_reports(items)
    return {
        "id": r["id"],
        "event_type": r["event_type"],
        "sub_event_type": r["sub_event_type"],
        "actor1": _actor_name(actor_names, r["actor1"]),
        "actor2": _actor_name(actor_names, r["actor2"]),
        "assoc_actors": [_actor_name(actor_names, a) for a in json.loads(r["assoc_actors"])],
        "place": place_item(place_rows.get(r["place_id"]), r["matched_text"]),
        "date": r["date"].isoformat() if r["date"] else None,
        "date_precision": r["date_precision"],
        "status": r["status"],
        "fatalities": r["fatalities"],
        "confidence": r["confidence"],
        "sources": json.loads(r["sources"]),
        "n_sources": r["n_sources"],
        "n_independent_sources": r["n_independent"],
        "agreements": agreements,
        "disagreements": differences,
        "mentions": items,
    }


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event by id (or unique prefix), whatever its status."""
    with store.engine.connect() as conn:
        ids = list(
            conn.execute(
                select(events.c.id).where(events.c.id.like(f"{event_id}%")).limit(2)
            ).scalars()
        )
    if not ids:
        raise LookupFailed(f"no event with id {event_id!r}; list them with `sitrep events`")
    if len(ids) > 1:
        raise LookupFailed(f"event id prefix {event_id!r} is ambiguous; give more of it")
    for item in iter_events(store, EventFilter(statuses=ALL_STATUSES, event_ids=ids)):
        return item
    raise LookupFailed(f"no event with id {event_id!r}")
