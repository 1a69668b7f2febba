"""Loading and saving merge blocks: the merge stage's rows in, its events out.

A *block* (country x sub-event type x status class, see :func:`sitrep.merge.block_key`)
is the unit of merging: :func:`load_blocks` reads, for some blocks at once, every
mention of each as the merger's :class:`~sitrep.merge.MentionRow` records and its
events as stored and as published (what the id assignment,
:func:`sitrep.merge.assign_ids`, sees), and :func:`replace_blocks` writes each block's
:class:`~sitrep.merge.MergedEvent` records in place of the old ones;
:func:`save_redirects` keeps where retired ids lead, and :func:`publish_ids` marks
the ids an ingest finished with as public. All run on the caller's connection, so
the pipeline can load, merge and save blocks in one transaction, with a few
statements for all of them rather than a dozen per block.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
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

# The blocks one read of a merge names: well under every database's limit on bound
# parameters, and few enough that their mentions are a small part of memory.
BLOCKS_PER_READ = 200

# The statements a merge runs, built once with the blocks as a parameter: an ingest
# merges hundreds of blocks, and building and keying a statement cost more than
# running it on SQLite.
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
    .where(mentions.c.block.in_(bindparam("blocks", expanding=True)))
)
_DELETE_BLOCK_EVENTS = delete(events).where(events.c.block.in_(bindparam("blocks", expanding=True)))
_DELETE_BLOCK_ITEMS = delete(event_items).where(
    event_items.c.event_id.in_(
        select(events.c.id).where(events.c.block.in_(bindparam("blocks", expanding=True)))
    )
)
# the blocks' events as stored, with their items
_BLOCK_ITEMS = (
    select(events, event_items.c.item)
    .join(event_items, event_items.c.event_id == events.c.id)
    .where(events.c.block.in_(bindparam("blocks", expanding=True)))
)
# one row per mention: (mention id, its new event id)
_POINT_MENTION = (
    update(mentions)
    .where(mentions.c.id == bindparam("mention_id"))
    .values(event_id=bindparam("new_event_id"))
)
_BLOCK_PLACES = (
    select(events.c.block, events.c.place_id)
    .distinct()
    .where(events.c.block.in_(bindparam("blocks", expanding=True)))
)
_PUBLISHED = select(
    published_mentions.c.block, published_mentions.c.mention_id, published_mentions.c.event_id
).where(published_mentions.c.block.in_(bindparam("blocks", expanding=True)))
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
_CURRENT = select(mentions.c.block, mentions.c.id, mentions.c.event_id).where(
    mentions.c.block.in_(bindparam("blocks", expanding=True)), mentions.c.event_id.is_not(None)
)


def lock_block(conn: Connection, block: str) -> None:
    """Hold this block for the rest of the transaction, on PostgreSQL: two ingests
    rebuilding one block at once take turns (the second then reads what the first
    wrote) instead of both inserting its events. SQLite's writing transactions hold
    the database's one write lock already."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:block))"), {"block": block})


@dataclass(frozen=True)
class StoredBlock:
    """What rebuilding one block reads: its mentions as the merger's rows, its events
    as stored now (``current``) and as last published, the stored events' rows with
    their items by id, and the places of its events (read for a block that feeds
    control timelines only)."""

    rows: list[MentionRow]
    current: list[PriorEvent]
    published: list[PriorEvent]
    stored: dict[str, Any]
    places: set[int]


def _parts(items: Sequence[Any], size: int = BLOCKS_PER_READ) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def load_blocks(
    conn: Connection, blocks: Sequence[str], *, control: Collection[str] = ()
) -> dict[str, StoredBlock]:
    """What rebuilding each of ``blocks`` reads (:class:`StoredBlock`), in a few
    statements for them all; the places of their events only for those in ``control``.

    Each block's rows are those reading it alone gives: no block's mentions,
    events or published ids are another's.
    """
    names = sorted(set(blocks))
    raw: dict[str, list[Any]] = {b: [] for b in names}
    current: dict[str, list[tuple[str, str]]] = {b: [] for b in names}
    published: dict[str, list[tuple[str, str]]] = {b: [] for b in names}
    stored: dict[str, dict[str, Any]] = {b: {} for b in names}
    block_places: dict[str, set[int]] = {b: set() for b in names}
    for part in _parts(names):
        for r in conn.execute(_BLOCK_MENTIONS, {"blocks": part}).mappings():
            raw[r["block"]].append(r)
        for block, mention_id, event_id in conn.execute(_CURRENT, {"blocks": part}):
            current[block].append((mention_id, event_id))
        for block, mention_id, event_id in conn.execute(_PUBLISHED, {"blocks": part}):
            published[block].append((mention_id, event_id))
        for r in conn.execute(_BLOCK_ITEMS, {"blocks": part}).mappings():
            stored[r["block"]][r["id"]] = r
    for part in _parts(sorted(set(names) & set(control))):
        for block, place_id in conn.execute(_BLOCK_PLACES, {"blocks": part}):
            if place_id is not None:
                block_places[block].add(place_id)
    outlets = _cluster_outlets(
        conn, {r["dup_of"] or r["article_id"] for b in names for r in raw[b]}
    )
    return {
        b: StoredBlock(
            rows=[_mention_row(r, outlets) for r in raw[b]],
            current=_grouped(current[b]),
            published=_grouped(published[b]),
            stored=stored[b],
            places=block_places[b],
        )
        for b in names
    }


def _cluster_outlets(conn: Connection, roots: set[str]) -> dict[str, set[str]]:
    """The outlets of each near-duplicate cluster rooted at ``roots`` (article ids)."""
    outlets: dict[str, set[str]] = {root: set() for root in roots}
    for part in _parts(sorted(roots), 500):
        for a in conn.execute(_CLUSTERS, {"roots": part}):
            outlets.setdefault(a[1] or a[0], set()).add(a[2] or "")
    return outlets


def _mention_row(r: Any, cluster_outlets: dict[str, set[str]]) -> MentionRow:
    """A stored mention (with its place and article) as the merger reads it."""
    # a near-duplicate cluster counts once, under its alphabetically first outlet,
    # whichever article arrived first
    root = r["dup_of"] or r["article_id"]
    cited = r["source"] != (r["outlet"] or "unknown")
    independence = r["source"] if cited else min(cluster_outlets.get(root) or {r["source"]})
    return MentionRow(
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


def replace_blocks(
    conn: Connection,
    rebuilt: Sequence[tuple[str, Sequence[MergedEvent]]],
    stored: Mapping[str, StoredBlock],
) -> int:
    """Replace the stored events of each block by its merged ones; point mentions at
    them. ``stored`` is what :func:`load_blocks` read in this transaction. Returns how
    many events were written."""
    kept: dict[str, str] = {}
    for block, merged in rebuilt:
        kept.update(_unchanged_items(merged, stored[block]))
    for part in _parts([block for block, _ in rebuilt]):
        conn.execute(_DELETE_BLOCK_ITEMS, {"blocks": part})
        conn.execute(_DELETE_BLOCK_EVENTS, {"blocks": part})
    rows = [event_row(e) for _, merged in rebuilt for e in merged]
    if rows:
        conn.execute(events.insert(), rows)
        # one statement for every mention (one event's mentions per IN list was one
        # statement per event, each built and compiled anew)
        pointers = [
            {"mention_id": m, "new_event_id": e.id}
            for _, merged in rebuilt
            for e in merged
            for m in e.mention_ids
        ]
        if pointers:
            conn.execute(_POINT_MENTION, pointers)
        # each event's JSON item, once its mentions point at it
        for part in _parts(rows, 500):
            save_items(conn, part, kept)
    return len(rows)


def _unchanged_items(merged: Sequence[MergedEvent], stored: StoredBlock) -> dict[str, str]:
    """The stored items of the events a rebuild leaves as they were (same id, same row,
    same mentions), by id: an item depends on nothing else that can change (see
    :mod:`sitrep.store.items`), so a block that gains one event does not rebuild the
    items of all the others."""
    old = stored.stored
    if not old:
        return {}
    reports = {p.id: p.mention_ids for p in stored.current}
    kept: dict[str, str] = {}
    for e in merged:
        r = old.get(e.id)
        if r is None or reports.get(e.id) != set(e.mention_ids):
            continue
        if all(r[k] == v for k, v in event_row(e).items()):
            kept[e.id] = r["item"]
    return kept


def _grouped(rows: Iterable[tuple[str, str]]) -> list[PriorEvent]:
    by_event: dict[str, set[str]] = {}
    for mention_id, event_id in rows:
        by_event.setdefault(event_id, set()).add(mention_id)
    return [PriorEvent(eid, frozenset(ms)) for eid, ms in sorted(by_event.items())]


def save_redirects(
    conn: Connection, steps: Sequence[tuple[Mapping[str, str], Sequence[str]]]
) -> None:
    """Record the redirects of blocks rebuilt one after the other: each step is a
    block's ``old id -> new id`` redirects and its live ids, and an id live again
    stops redirecting. The table ends as after each step's deletion and insertion
    in turn, in one deletion and one insertion for them all."""
    gone: set[str] = set()
    final: dict[str, str] = {}
    for moved, live in steps:
        alive = set(live)
        ended = set(moved) | alive
        for old in ended:
            final.pop(old, None)
        gone |= ended
        final.update((old, new) for old, new in moved.items() if old not in alive)
    for part in _parts(sorted(gone), 500):
        conn.execute(_UNREDIRECT, {"ids": part})
    rows = [{"old_id": old, "new_id": new} for old, new in sorted(final.items())]
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
