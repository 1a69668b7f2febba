"""Loading and saving merge blocks: the merge stage's rows in, its events out.

A *block* (country x sub-event type x status class, see :func:`sitrep.merge.block_key`)
is the unit of merging: :func:`load_block` reads every mention of a block as the
merger's :class:`~sitrep.merge.MentionRow` records, and :func:`replace_block`
writes the block's :class:`~sitrep.merge.MergedEvent` records in place of the old
ones. :func:`load_published` and :func:`load_current` give the block's events as
the id assignment (:func:`sitrep.merge.assign_ids`) sees them, :func:`save_redirects`
keeps where retired ids lead, and :func:`publish_ids` marks the ids an ingest
finished with as public. All run on the caller's connection, so the pipeline can load, merge and
save one block in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, delete, or_, select, text, update
from sqlalchemy.engine import Connection

from sitrep.merge import MentionRow, MergedEvent, PriorEvent
from sitrep.store.items import save_items
from sitrep.store.schema import (
    articles,
    event_items,
    event_redirects,
    events,
    mentions,
    places,
    published_mentions,
)

# The statements a merge runs per block, built once with the block as a parameter:
# an ingest merges hundreds of blocks, and building and keying a statement cost
# more than running it on SQLite.
_BLOCK_MENTIONS = (
    select(
        mentions,
        places.c.kind,
        places.c.country,
        places.c.admin1,
        articles.c.outlet,
        articles.c.dup_of,
    )
    .join(places, places.c.id == mentions.c.place_id, isouter=True)
    .join(articles, articles.c.id == mentions.c.article_id)
    .where(mentions.c.block == bindparam("block"))
)
_DELETE_BLOCK_EVENTS = delete(events).where(events.c.block == bindparam("block"))
_DELETE_BLOCK_ITEMS = delete(event_items).where(
    event_items.c.event_id.in_(select(events.c.id).where(events.c.block == bindparam("block")))
)
# the block's events as stored, with their items
_BLOCK_ITEMS = (
    select(events, event_items.c.item)
    .join(event_items, event_items.c.event_id == events.c.id)
    .where(events.c.block == bindparam("block"))
)
# one row per mention: (mention id, its new event id)
_POINT_MENTION = (
    update(mentions)
    .where(mentions.c.id == bindparam("mention_id"))
    .values(event_id=bindparam("new_event_id"))
)
_BLOCK_PLACES = select(events.c.place_id).distinct().where(events.c.block == bindparam("block"))
_PUBLISHED = select(published_mentions.c.mention_id, published_mentions.c.event_id).where(
    published_mentions.c.block == bindparam("block")
)
# the articles of the near-duplicate clusters rooted at the given article ids
_CLUSTERS = select(articles.c.id, articles.c.dup_of, articles.c.outlet).where(
    or_(
        articles.c.id.in_(bindparam("roots", expanding=True)),
        articles.c.dup_of.in_(bindparam("roots", expanding=True)),
    )
)
_UNREDIRECT = delete(event_redirects).where(
    event_redirects.c.old_id.in_(bindparam("ids", expanding=True))
)
_CURRENT = select(mentions.c.id, mentions.c.event_id).where(
    mentions.c.block == bindparam("block"), mentions.c.event_id.is_not(None)
)


def lock_block(conn: Connection, block: str) -> None:
    """Hold this block for the rest of the transaction, on PostgreSQL: two ingests
    rebuilding one block at once take turns (the second then reads what the first
    wrote) instead of both inserting its events. SQLite's writing transactions hold
    the database's one write lock already."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:block))"), {"block": block})


def load_block(conn: Connection, block: str) -> list[MentionRow]:
    """Every mention of a block with its place and its article's duplicate cluster."""
    raw = list(conn.execute(_BLOCK_MENTIONS, {"block": block}).mappings())
    # the outlets of each near-duplicate cluster: the cluster counts once, under
    # its alphabetically first outlet, whichever article arrived first
    roots = {r["dup_of"] or r["article_id"] for r in raw}
    cluster_outlets: dict[str, set[str]] = {root: set() for root in roots}
    if roots:
        for a in conn.execute(_CLUSTERS, {"roots": list(roots)}):
            cluster_outlets.setdefault(a[1] or a[0], set()).add(a[2] or "")
    rows = []
    for r in raw:
        root = r["dup_of"] or r["article_id"]
        cited = r["source"] != (r["outlet"] or "unknown")
        independence = r["source"] if cited else min(cluster_outlets.get(root) or {r["source"]})
        rows.append(
            MentionRow(
                id=r["id"],
                article_id=r["article_id"],
                source=r["source"],
                status=r["status"],
                actor1=r["actor1"],
                actor2=r["actor2"],
                assoc=tuple(json.loads(r["assoc_actors"])),
                place_id=r["place_id"],
                place_kind=r["kind"] or "country",
                place_country=r["country"] or "XXX",
                place_admin1=r["admin1"],
                matched_text=r["matched_text"],
                date=r["date"],
                precision=r["date_precision"],
                inferred=bool(r["date_inferred"]),
                fatalities=r["fatalities"],
                confidence=r["confidence"],
                reference=bool(r["reference"]),
                event_type=r["event_type"],
                sub_event_type=r["sub_event_type"],
                independence=independence,
            )
        )
    return rows


def event_row(e: MergedEvent) -> dict[str, Any]:
    """A merged event as a row of the events table (lists stored as JSON)."""
    return {
        "id": e.id,
        "block": e.block,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "status": e.status,
        "actor1": e.actor1,
        "actor2": e.actor2,
        "assoc_actors": json.dumps(list(e.assoc_actors)),
        "place_id": e.place_id,
        "matched_text": e.matched_text,
        "date": e.date,
        "date_precision": e.date_precision,
        "fatalities": e.fatalities,
        "confidence": e.confidence,
        "sources": json.dumps(list(e.sources)),
        "n_sources": e.n_sources,
        "n_independent": e.n_independent,
        "denied_by": json.dumps(list(e.denied_by)),
        "n_mentions": e.n_mentions,
    }


def replace_block(
    conn: Connection,
    block: str,
    merged: Sequence[MergedEvent],
    current: Sequence[PriorEvent] | None = None,
) -> int:
    """Replace the stored events of one block by ``merged``; point mentions at them.

    ``current`` is the block's events as stored now (:func:`load_current` in this
    transaction: read again when not given). Returns how many events were written.
    """
    kept = _unchanged_items(conn, block, merged, current)
    conn.execute(_DELETE_BLOCK_ITEMS, {"block": block})
    conn.execute(_DELETE_BLOCK_EVENTS, {"block": block})
    if merged:
        rows = [event_row(e) for e in merged]
        conn.execute(events.insert(), rows)
        # one statement for every mention (one event's mentions per IN list was one
        # statement per event, each built and compiled anew)
        pointers = [{"mention_id": m, "new_event_id": e.id} for e in merged for m in e.mention_ids]
        if pointers:
            conn.execute(_POINT_MENTION, pointers)
        # each event's JSON item, once its mentions point at it
        save_items(conn, rows, kept)
    return len(merged)


def _unchanged_items(
    conn: Connection,
    block: str,
    merged: Sequence[MergedEvent],
    current: Sequence[PriorEvent] | None,
) -> dict[str, str]:
    """The stored items of the events a rebuild leaves as they were (same id, same row,
    same mentions), by id: an item depends on nothing else that can change (see
    :mod:`sitrep.store.items`), so a block that gains one event does not rebuild the
    items of all the others."""
    old = {r["id"]: r for r in conn.execute(_BLOCK_ITEMS, {"block": block}).mappings()}
    if not old:
        return {}
    if current is None:
        current = load_current(conn, block)
    reports = {p.id: p.mention_ids for p in current}
    kept: dict[str, str] = {}
    for e in merged:
        r = old.get(e.id)
        if r is None or reports.get(e.id) != set(e.mention_ids):
            continue
        if all(r[k] == v for k, v in event_row(e).items()):
            kept[e.id] = r["item"]
    return kept


def block_places(conn: Connection, block: str) -> set[int]:
    """The places of the events a block holds now."""
    return {
        pid for pid in conn.execute(_BLOCK_PLACES, {"block": block}).scalars() if pid is not None
    }


def _grouped(rows: Any) -> list[PriorEvent]:
    by_event: dict[str, set[str]] = {}
    for mention_id, event_id in rows:
        by_event.setdefault(event_id, set()).add(mention_id)
    return [PriorEvent(eid, frozenset(ms)) for eid, ms in sorted(by_event.items())]


def load_published(conn: Connection, block: str) -> list[PriorEvent]:
    """The block's events as the last finished ingest published them."""
    return _grouped(conn.execute(_PUBLISHED, {"block": block}))


def load_current(conn: Connection, block: str) -> list[PriorEvent]:
    """The block's events as stored now (before it is rebuilt)."""
    return _grouped(conn.execute(_CURRENT, {"block": block}))


def save_redirects(conn: Connection, moved: dict[str, str], live: Sequence[str]) -> None:
    """Record ``old id -> new id`` redirects; an id live again stops redirecting."""
    gone = sorted(set(moved) | set(live))
    for start in range(0, len(gone), 500):
        batch = gone[start : start + 500]
        conn.execute(_UNREDIRECT, {"ids": batch})
    rows = [{"old_id": old, "new_id": new} for old, new in sorted(moved.items()) if old not in live]
    if rows:
        conn.execute(event_redirects.insert(), rows)


def publish_ids(conn: Connection) -> int:
    """Publish every mention's current event id (end of an ingest); returns rows changed."""
    p = published_mentions
    changed = list(
        conn.execute(
            select(mentions.c.id, mentions.c.block, mentions.c.event_id)
            .join(p, p.c.mention_id == mentions.c.id, isouter=True)
            .where(
                mentions.c.event_id.is_not(None),
                or_(p.c.event_id.is_(None), p.c.event_id != mentions.c.event_id),
            )
        )
    )
    for start in range(0, len(changed), 500):
        batch = changed[start : start + 500]
        conn.execute(delete(p).where(p.c.mention_id.in_([r[0] for r in batch])))
        conn.execute(
            p.insert(), [{"mention_id": r[0], "block": r[1], "event_id": r[2]} for r in batch]
        )
    return len(changed)


def resolve_event_id(conn: Connection, event_id: str) -> str | None:
    """The live id an event id leads to through redirects (None: not a known id)."""
    seen: set[str] = set()
    current = event_id
    while current not in seen:
        seen.add(current)
        if conn.execute(select(events.c.id).where(events.c.id == current)).first():
            return current
        nxt = conn.execute(
            select(event_redirects.c.new_id).where(event_redirects.c.old_id == current)
        ).scalar()
        if nxt is None:
            return None
        current = nxt
    return None


def event_aliases(conn: Connection, event_id: str) -> list[str]:
    """Every retired id that leads to ``event_id`` (directly or through a chain)."""
    out: list[str] = []
    frontier = [event_id]
    seen = {event_id}
    while frontier:
        rows = conn.execute(
            select(event_redirects.c.old_id).where(event_redirects.c.new_id.in_(frontier))
        ).scalars()
        frontier = [r for r in rows if r not in seen]
        seen.update(frontier)
        out.extend(frontier)
    return sorted(out)
