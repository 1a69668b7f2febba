"""Event items: each event as the JSON item ``Event.to_dict()`` gives (the contract of
``sitrep events --json`` and of the web API), stored beside the event.

There is one builder: :func:`event_records` turns ``events`` rows into
:class:`~sitrep.core.records.Event` records (their reports, places and actors read
with them), and an item is the record's ``to_dict()`` as compact JSON
(:func:`item_json`). :func:`save_items` stores it in ``event_items`` when a block's
events are written; :func:`item_texts` reads the stored items of a page of rows and
builds the few that have none (a database from an older sitrep opened read-only), by
the same builder, so a stored item and a record's dict cannot drift apart.

Everything an item holds is fixed once its block is rebuilt: the event's row, its
reports (a mention changes event only in a rebuild of its block), their articles'
outlet, URL and date, and the names of places and actors (rows only ever added,
never changed). So an item is written with its event, and kept until the next
rebuild of its block changes that event.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

import orjson
from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection

from sitrep.core.records import Event, Report, StoredPlace, fast_record
from sitrep.store.schema import actors, articles, event_items, events, mentions, places
from sitrep.views.compare import compare_reports

# The statements every page runs, built once: building a statement per request cost
# more than running it (SQLAlchemy's compiled cache still serves the SQL).
_MENTIONS_OF = (
    select(mentions, articles.c.outlet, articles.c.url, articles.c.published_at)
    .join(articles, articles.c.id == mentions.c.article_id)
    .where(mentions.c.event_id.in_(bindparam("ids", expanding=True)))
    # (the mention's id last: two mentions of one sentence come in the same order
    # from SQLite and PostgreSQL, which returns ties in whatever order it meets them)
    .order_by(
        articles.c.published_at, mentions.c.article_id, mentions.c.sentence_index, mentions.c.id
    )
)
_ACTORS_IN = select(actors.c.id, actors.c.name, actors.c.kind, actors.c.country).where(
    actors.c.id.in_(bindparam("ids", expanding=True))
)
_PLACES_IN = select(places).where(places.c.id.in_(bindparam("ids", expanding=True)))
_ITEMS_IN = select(event_items.c.event_id, event_items.c.item).where(
    event_items.c.event_id.in_(bindparam("ids", expanding=True))
)
_DELETE_ITEMS = event_items.delete().where(
    event_items.c.event_id.in_(bindparam("ids", expanding=True))
)
_EVENTS_IN = select(events).where(events.c.id.in_(bindparam("ids", expanding=True)))
# the events with no stored item, by id after the last one done
_MISSING = (
    select(events)
    .select_from(events.outerjoin(event_items, event_items.c.event_id == events.c.id))
    .where(event_items.c.event_id.is_(None), events.c.id > bindparam("after"))
    .order_by(events.c.id)
    .limit(bindparam("n"))
)


def stored_place(row: Any) -> StoredPlace:
    """A ``places`` row as a record."""
    return fast_record(
        StoredPlace,
        {
            "id": row["id"],
            "name": row["name"],
            "country": row["country"],
            "admin1": row["admin1"],
            "lat": row["lat"],
            "lon": row["lon"],
            "kind": row["kind"],
        },
    )


def json_list(text: str) -> list[Any]:
    """A JSON list column; most hold an empty list, which needs no parser."""
    return [] if text == "[]" else cast(list[Any], json.loads(text))


def _actor_name(actor_names: dict[str, Any], actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    name: str = actor_names.get(actor_id, (actor_id,))[0]
    return name


def _assoc_name(actor_names: dict[str, Any], actor_id: str) -> str:
    return cast(str, actor_names.get(actor_id, (actor_id,))[0])


def _lookups(
    conn: Connection, rows: Sequence[Any], mention_rows: Sequence[Any]
) -> tuple[dict[str, Any], dict[int, Any]]:
    """The actors and places these rows name, and nothing else."""
    actor_ids: set[str] = set()
    place_ids: set[int] = set()
    for r in (*rows, *mention_rows):
        actor_ids.update(a for a in (r["actor1"], r["actor2"]) if a)
        if r["place_id"] is not None:
            place_ids.add(r["place_id"])
    for r in rows:
        actor_ids.update(json_list(r["assoc_actors"]))
    actor_names = (
        {r[0]: (r[1], r[2], r[3]) for r in conn.execute(_ACTORS_IN, {"ids": sorted(actor_ids)})}
        if actor_ids
        else {}
    )
    place_rows = (
        {r["id"]: r for r in conn.execute(_PLACES_IN, {"ids": sorted(place_ids)}).mappings()}
        if place_ids
        else {}
    )
    return actor_names, place_rows


def report_record(
    m: Any, actor_names: dict[str, Any], place_rows: dict[int, Any] | None = None
) -> Report:
    """One report of an event (a ``mentions`` row joined to its article's outlet, url
    and date): who said it, in which sentence, what it said."""
    place = (place_rows or {}).get(m["place_id"])
    return fast_record(
        Report,
        dict(
            id=m["id"],
            article_id=m["article_id"],
            outlet=m["outlet"],
            url=m["url"],
            published=m["published_at"],
            source=m["source"],
            speaker=m["speaker"],
            status=m["status"],
            sub_event_type=m["sub_event_type"],
            actor1=_actor_name(actor_names, m["actor1"]),
            actor2=_actor_name(actor_names, m["actor2"]),
            date=m["date"],
            date_precision=m["date_precision"],
            date_inferred=bool(m["date_inferred"]),
            matched_text=m["matched_text"],
            evidence=m["evidence"],
            evidence_span=(m["evidence_start"], m["evidence_end"]),
            trigger=m["trigger"],
            fatalities=m["fatalities"],
            place_id=m["place_id"],
            place_name=place["name"] if place is not None else None,
            place_kind=place["kind"] if place is not None else None,
            reference=bool(m["reference"]),
            confidence=m["confidence"],
        ),
    )


def event_record(
    r: Any, actor_names: dict[str, Any], place_rows: dict[int, Any], reports: list[Report]
) -> Event:
    """An ``events`` row with its reports, and where its sources agree and differ."""
    agreements, differences = compare_reports(reports)
    place_row = place_rows.get(r["place_id"])
    return fast_record(
        Event,
        dict(
            id=r["id"],
            event_type=r["event_type"],
            sub_event_type=r["sub_event_type"],
            status=r["status"],
            mentions=tuple(reports),
            actor1=_actor_name(actor_names, r["actor1"]),
            actor2=_actor_name(actor_names, r["actor2"]),
            assoc_actors=tuple(_assoc_name(actor_names, a) for a in json_list(r["assoc_actors"])),
            place=stored_place(place_row) if place_row is not None else None,
            matched_text=r["matched_text"],
            date=r["date"],
            date_precision=r["date_precision"],
            fatalities=r["fatalities"],
            confidence=r["confidence"],
            sources=tuple(json_list(r["sources"])),
            n_sources=r["n_sources"],
            n_independent_sources=r["n_independent"],
            agreements=agreements,
            disagreements=differences,
            redirected_from=None,
        ),
    )


def event_records(conn: Connection, rows: Sequence[Any]) -> Iterator[Event]:
    """The records of these ``events`` rows (mappings), in their order: the builder of
    every event item (see the module's docstring)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    mention_rows = conn.execute(_MENTIONS_OF, {"ids": ids}).mappings().all()
    actor_names, place_rows = _lookups(conn, rows, mention_rows)
    by_event: dict[str, list[Report]] = {i: [] for i in ids}
    for m in mention_rows:
        by_event[m["event_id"]].append(report_record(m, actor_names, place_rows))
    for r in rows:
        yield event_record(r, actor_names, place_rows, by_event[r["id"]])


def item_json(event: Event) -> str:
    """An event's item as compact JSON: what the API sends for it (orjson, UTF-8)."""
    return orjson.dumps(event.to_dict()).decode()


def item_texts(conn: Connection, rows: Sequence[Any], *, stored: bool = True) -> list[str]:
    """The JSON items of these ``events`` rows, in their order: the stored ones (one
    primary-key read), and those with none built from their rows (``stored``: False
    when the database has no ``event_items`` table, one from before it opened
    read-only)."""
    if not rows:
        return []
    found: dict[str, str] = {}
    if stored:
        found = dict(conn.execute(_ITEMS_IN, {"ids": [r["id"] for r in rows]}).all())
    missing = [r for r in rows if r["id"] not in found]
    if missing:
        found.update((e.id, item_json(e)) for e in event_records(conn, missing))
    return [found[r["id"]] for r in rows]


def save_items(conn: Connection, rows: Sequence[Any], kept: dict[str, str] | None = None) -> int:
    """Store the items of these ``events`` rows (mappings, just written), in place of any
    stored before; ``kept``: items known to be unchanged, stored as they are. Returns
    how many were built."""
    kept = kept or {}
    built = [r for r in rows if r["id"] not in kept]
    values = [{"event_id": e.id, "item": item_json(e)} for e in event_records(conn, built)]
    values += [{"event_id": r["id"], "item": kept[r["id"]]} for r in rows if r["id"] in kept]
    ids = [v["event_id"] for v in values]
    for start in range(0, len(ids), 500):
        conn.execute(_DELETE_ITEMS, {"ids": ids[start : start + 500]})
    if values:
        conn.execute(event_items.insert(), values)
    return len(built)


def refresh_items(conn: Connection, event_ids: Sequence[str]) -> int:
    """Build and store again the items of these events from their rows: for a change
    to ``events`` rows made other than by rebuilding their block (which stores its
    items itself). Returns how many were stored."""
    ids = sorted(set(event_ids))
    done = 0
    for start in range(0, len(ids), 500):
        rows = conn.execute(_EVENTS_IN, {"ids": ids[start : start + 500]}).mappings().all()
        done += save_items(conn, rows)
    return done


def store_missing_items(
    conn: Connection, *, after: str = "", limit: int = 2000
) -> tuple[int, str | None]:
    """Store the items of up to ``limit`` events that have none, the first by id after
    ``after``; returns how many and the last id done (None when none was left)."""
    rows = conn.execute(_MISSING, {"after": after, "n": limit}).mappings().all()
    for start in range(0, len(rows), 500):
        save_items(conn, rows[start : start + 500])
    return len(rows), (rows[-1]["id"] if rows else None)


def backfill_items(
    begin: Callable[[], Any], *, log: Callable[[int], None] | None = None, batch: int = 2000
) -> int:
    """Store the item of every event that has none, ``batch`` events per transaction
    (``begin()`` opens one on a writing connection), so a long backfill holds the
    write lock a moment at a time and an interrupted one resumes where it stopped.
    ``log`` gets the running count. Returns how many were stored."""
    done, after = 0, ""
    while True:
        with begin() as conn:
            n, last = store_missing_items(conn, after=after, limit=batch)
        if last is None:
            return done
        done, after = done + n, last
        if log:
            log(done)
