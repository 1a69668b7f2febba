"""Reading events back out of the store: frozen :class:`~sitrep.core.records.Event`
records, and their dicts (the CLI's JSON contract, ``Event.to_dict()``).

An event item has: ``id, event_type, sub_event_type, actor1, actor2,
assoc_actors, place {name, geonames_id, country (ISO3), admin1, lat, lon,
matched_text}, date (YYYY-MM-DD), date_precision, status, sources (outlet
names), mentions [{article_id, outlet, source, speaker, evidence, ...}]``,
plus ``fatalities, confidence, n_sources``. Fields are only ever added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import orjson
from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.engine import Connection

from sitrep.core.errors import LookupFailed
from sitrep.core.records import Event
from sitrep.store import (
    Store,
    actors,
    articles,
    event_items,
    events,
    mentions,
    meta,
    resolve_event_id,
)
from sitrep.store.database import GENERATION_KEY
from sitrep.store.items import event_records, item_texts
from sitrep.views.places import place_ids_for, place_ids_in_country

DEFAULT_STATUSES = ("occurred", "claimed", "denied")
ALL_STATUSES = ("occurred", "claimed", "denied", "expected", "background", "recalled")


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
    country: str | None = None  # ISO3: events at places of this country
    # keyset pagination: only events after this (date, id), from :func:`encode_cursor`
    after: tuple[date | None, str] | None = None
    # words some report's evidence sentence holds (substring, any case)
    text: str | None = None
    # order by date then id, the latest first ("after" then means "before")
    newest_first: bool = False


# A place filter (a country, a province: many places) is read through the place index
# when its places hold under this share of the events, and otherwise by walking the
# date index and skipping other places: a walk reads about page / share rows, the
# index path every matching row plus a sort. The share is estimated on the first
# rows of the date index, a read of fixed cost whatever the size of the store.
_PLACE_INDEX_SHARE = 0.01
_SAMPLE_ROWS = 2000
# Rows read per query when streaming events without a limit.
_BATCH = 500
_CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})?_([0-9a-f]{1,64})$")


def encode_cursor(item: dict[str, Any]) -> str:
    """The keyset cursor after an event item: ``DATE_ID`` (DATE empty when unknown)."""
    return f"{item['date'] or ''}_{item['id']}"


def decode_cursor(text: str) -> tuple[date | None, str]:
    """The (date, id) a cursor from :func:`encode_cursor` stands for (ValueError if bad)."""
    m = _CURSOR.match(text.strip())
    if not m:
        raise ValueError(
            f"cursor={text!r} is not valid; pass back the next_cursor of the previous page"
        )
    try:
        day = date.fromisoformat(m.group(1)) if m.group(1) else None
    except ValueError:
        raise ValueError(f"cursor={text!r} holds an impossible date") from None
    return day, m.group(2)


def _like(value: str) -> str:
    # "_" and "%" in a filter are the characters themselves, not LIKE wildcards
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_ESC = "\\"  # the escape character of _like's patterns


def _unindexed(sqlite: bool, col: Any) -> Any:
    """The column as an expression no SQLite index serves (``col || ''``, ``col + 0``).

    A filter that matches most rows (three statuses of five, a common outlet) must
    not lead SQLite's planner, which has no statistics: walking the (date, id) index
    and skipping the odd row returns the first page at once, while looking the rows
    up by that filter first sorts them all. PostgreSQL gets the column itself: its
    planner weighs the column's statistics, and an expression hides them (it then
    guesses a rare match and sorts every row it finds).
    """
    if not sqlite:
        return col
    if col.type.python_type is int:
        return col + literal_column("0")
    return col.concat(literal_column("''"))


def _places_indexed(conn: Connection, ids: list[int]) -> bool:
    """Whether ``place_id IN ids`` goes through the place index: only when few rows
    match (see above)."""
    if len(ids) <= 1:
        # one place: the (place_id, date, id) index returns its rows in page order
        return True
    key = (id(conn.engine), _PLACE_INDEX_SHARE, tuple(ids))
    rare = _PLACE_SHARE_SEEN.get(key)
    if rare is None:
        rare = _few_rows(conn, ids)
        if len(_PLACE_SHARE_SEEN) >= 4096:
            _PLACE_SHARE_SEEN.clear()
        _PLACE_SHARE_SEEN[key] = rare
    return rare


# Which way a set of places is read, once per store and set: the estimate walks
# 2,000 rows (milliseconds, more than the page itself), and either way returns
# the same rows, so an estimate made before later ingests is only ever slower.
_PLACE_SHARE_SEEN: dict[tuple[int, float, tuple[int, ...]], bool] = {}


def _few_rows(conn: Connection, ids: list[int]) -> bool:
    """Whether these places hold under :data:`_PLACE_INDEX_SHARE` of the events."""
    first = (
        select(events.c.place_id)
        .order_by(events.c.date, events.c.id)
        .limit(_SAMPLE_ROWS)
        .subquery()
    )
    hits = conn.execute(
        select(func.count()).select_from(first).where(first.c.place_id.in_(ids))
    ).scalar_one()
    return bool(hits < _PLACE_INDEX_SHARE * _SAMPLE_ROWS)


def _place_set(conn: Connection, f: EventFilter, place_ids: list[int] | None) -> list[int] | None:
    """The places a filter allows (a place, ids, a country: all of them), None for any."""
    wanted: list[list[int]] = []
    if place_ids is not None:
        wanted.append(place_ids)
    if f.place_ids is not None:
        wanted.append(list(f.place_ids))
    if f.country:
        wanted.append(place_ids_in_country(conn, f.country))
    if not wanted:
        return None
    return sorted(set(wanted[0]).intersection(*wanted[1:]))


# Up to this many arms, a page is merged from one index range per arm (see
# _merged_page); SQLite allows 500 terms in a compound SELECT.
_MERGE_ARMS = 400
_NO_ASSOC: Any = literal_column("'[]'")  # a literal: a partial index matches it, not a bound value


@dataclass(frozen=True)
class _Shape:
    """What the statement of a filter is made of, without its values.

    Every value of a filter (statuses, places, days, patterns, the cursor, the page
    size) is a bound parameter of the statement, so filters of one shape share one
    statement object, built once (see :func:`_page_statement`): building a Core
    statement (a merged page, its subquery and column proxies) cost more CPU than
    SQLite took to run it.
    """

    sqlite: bool
    newest_first: bool
    one_status: bool  # one status: the status index may serve it
    place: str | None  # "index" (few rows), "walk" (the date index), None: no condition
    event_ids: bool
    type: bool
    since: bool
    until: bool
    actor: int | None  # actor ids of the plain actor condition (None: no condition)
    source: bool
    text: bool
    arms: str | None  # "place" or "actor": merged from one index range per arm
    n_arms: int  # places merged, or actor ids whose roles are merged


def _plan(
    conn: Connection,
    f: EventFilter,
    place_ids: list[int] | None,
    actor_ids: list[str],
    *,
    merge: bool = True,
) -> tuple[_Shape, dict[str, Any]]:
    """The shape of ``f``'s statement and its values (bound parameters by name).

    With ``merge``, a filter on 2 to :data:`_MERGE_ARMS` places (a country) is read as
    one index range per place, merged, and else an actor filter as one per role of
    each of its ids (see :func:`_arm_conditions`); the plain condition then stands
    aside for the arms.
    """
    sqlite = conn.dialect.name == "sqlite"
    statuses = list(dict.fromkeys(f.statuses))
    params: dict[str, Any] = {"statuses": statuses}
    places = _place_set(conn, f, place_ids)
    arms: str | None = None
    n_arms = 0
    if merge and places is not None:
        if 1 < len(places) <= _MERGE_ARMS:
            arms, n_arms = "place", len(places)
            params.update({f"arm_{i}": p for i, p in enumerate(places)})
    elif merge and f.actor and actor_ids and 2 * len(actor_ids) + 1 <= _MERGE_ARMS:
        arms, n_arms = "actor", len(actor_ids)
        params["arm_ids"] = actor_ids
        params.update({f"arm_{i}": a for i, a in enumerate(actor_ids)})
        params.update({f"arm_like_{i}": f'%"{a}"%' for i, a in enumerate(actor_ids)})
    place = None
    if places is not None and arms != "place":
        place = "index" if _places_indexed(conn, places) else "walk"
        params["place_ids"] = places
    if f.event_ids is not None:
        params["event_ids"] = list(f.event_ids)
    if f.type:
        params["subs"], params["kinds"] = _type_values(conn, f.type)
    if f.since:
        params["since"] = f.since
    if f.until:
        params["until"] = f.until
    actor = None
    if f.actor and arms != "actor":
        actor = len(actor_ids)
        params["actor_ids"] = actor_ids
        params.update({f"actor_like_{i}": f'%"{a}"%' for i, a in enumerate(actor_ids)})
    if f.source:
        params["source"] = _like(f.source)
    if f.text:
        params["text"] = _like(f.text)
    shape = _Shape(
        sqlite=sqlite,
        newest_first=f.newest_first,
        one_status=len(statuses) == 1,
        place=place,
        event_ids=f.event_ids is not None,
        type=bool(f.type),
        since=bool(f.since),
        until=bool(f.until),
        actor=actor,
        source=bool(f.source),
        text=bool(f.text),
        arms=arms,
        n_arms=n_arms,
    )
    return shape, params


def _many(name: str) -> Any:
    """A bound list of values (``col IN (...)``, however many)."""
    return bindparam(name, expanding=True)


def _base(s: _Shape) -> Select[Any]:
    """The events of shape ``s`` in page order, but for the condition its arms stand for."""
    if s.newest_first:
        q = select(events).order_by(events.c.date.desc(), events.c.id.desc())
    else:
        q = select(events).order_by(events.c.date, events.c.id)
    status_col = events.c.status if s.one_status else _unindexed(s.sqlite, events.c.status)
    conds: list[ColumnElement[bool]] = [status_col.in_(_many("statuses"))]
    if s.place is not None:
        place_col = events.c.place_id
        conds.append(
            (place_col if s.place == "index" else _unindexed(s.sqlite, place_col)).in_(
                _many("place_ids")
            )
        )
    if s.event_ids:
        conds.append(events.c.id.in_(_many("event_ids")))
    if s.type:
        conds.append(
            or_(
                _unindexed(s.sqlite, events.c.sub_event_type).in_(_many("subs")),
                _unindexed(s.sqlite, events.c.event_type).in_(_many("kinds")),
            )
        )
    if s.since:
        conds.append(events.c.date >= bindparam("since"))
    if s.until:
        conds.append(events.c.date <= bindparam("until"))
    if s.actor is not None:
        ids = _many("actor_ids")
        conds.append(
            or_(
                _unindexed(s.sqlite, events.c.actor1).in_(ids),
                _unindexed(s.sqlite, events.c.actor2).in_(ids),
                *[events.c.assoc_actors.like(bindparam(f"actor_like_{i}")) for i in range(s.actor)],
            )
        )
    if s.source:
        conds.append(func.lower(events.c.sources).like(bindparam("source"), escape=_ESC))
    if s.text:
        # a scan of the evidence sentences: fine for a filter a person types
        said = select(mentions.c.event_id).where(
            func.lower(mentions.c.evidence).like(bindparam("text"), escape=_ESC)
        )
        conds.append(events.c.id.in_(said))
    return q.where(and_(*conds))


def _arm_conditions(s: _Shape) -> list[ColumnElement[bool]]:
    """Disjoint conditions whose union is the filter's places (or else its actors), each
    one range of an index in page order.

    An actor: actor 1 is one of its ids (the (actor1, date, id) index), else actor 2 is
    (the (actor2, date, id) index), else an associated actor is (the partial (date, id)
    index of events with any).
    """
    arm: list[Any] = [bindparam(f"arm_{i}") for i in range(s.n_arms)]
    if s.arms == "place":
        return [events.c.place_id == p for p in arm]
    a1, a2 = events.c.actor1, events.c.actor2
    ids = _many("arm_ids")
    not_a1 = or_(a1.is_(None), a1.not_in(ids))
    not_a2 = or_(a2.is_(None), a2.not_in(ids))
    assoc = and_(
        events.c.assoc_actors != _NO_ASSOC,
        or_(*[events.c.assoc_actors.like(bindparam(f"arm_like_{i}")) for i in range(s.n_arms)]),
        not_a1,
        not_a2,
    )
    return [*(a1 == a for a in arm), *(and_(a2 == a, not_a1) for a in arm), assoc]


def _merged_page(s: _Shape, base: Select[Any], arms: list[ColumnElement[bool]], skip: bool) -> Any:
    """A page of the union of disjoint ``arms`` (the places of a country, the roles of
    an actor), merged from one index range per arm; ``want`` rows after ``skip``.

    ``place_id IN (...) ORDER BY date, id`` reads every event of those places and
    sorts them (a country's thousands), or walks the date index past every other
    country's events (a small country's: most of a million); neither planner merges
    the ranges of an IN list, nor of an OR. As a UNION ALL of one SELECT per arm
    ordered as a whole, SQLite merges the arms (each a co-routine in index order) and
    stops after ``want`` rows, about one row per arm plus the page. PostgreSQL merges
    them (Merge Append) only when each arm is ordered and cut itself, to the rows a
    page can use (``arm_limit``: want + skip); uncut, it read and sorted every row of
    the country (40-500 ms at a million events, against under 1 ms).
    """
    # a compound SELECT is ordered by its output columns, by name
    order: list[Any] = [literal_column("date"), literal_column("id")]
    if s.newest_first:
        order = [o.desc() for o in order]
    if s.sqlite:
        selects = [base.where(arm).order_by(None) for arm in arms]
    else:
        selects = [base.where(arm).limit(bindparam("arm_limit", type_=Integer())) for arm in arms]
    merged = union_all(*selects).order_by(*order).limit(bindparam("want", type_=Integer()))
    return merged.offset(bindparam("skip", type_=Integer())) if skip else merged


def _segments(
    s: _Shape, after: tuple[date | None, str] | None, params: dict[str, Any]
) -> list[str]:
    """The rows after a cursor (all rows when None) as ranges of the (date, id) index, in
    page order (see :func:`_segment`), their values put in ``params``: undated events
    first in an ascending SQLite order and a descending PostgreSQL one, last otherwise,
    as each sorts NULLs (``newest_first``: ``ORDER BY date DESC, id DESC``, where
    "after" means older).

    One condition per range, never an OR of two: PostgreSQL walks an index from a
    row-value bound only when the bound stands alone, and scanned from the first row
    (seconds at a million events) when ``OR date IS NULL`` came with it.
    """
    nulls_first = s.sqlite != s.newest_first
    if after is None:
        return ["undated", "dated"] if nulls_first else ["dated", "undated"]
    day, last_id = after
    params["last_id"] = last_id
    if day is None:
        # within the undated events; when they come first the dated ones follow them
        return ["undated_after", "dated"] if nulls_first else ["undated_after"]
    params["last_day"] = day
    return ["later"] if nulls_first else ["later", "undated"]


def _segment(s: _Shape, kind: str) -> ColumnElement[bool]:
    """One range of :func:`_segments`: "undated" or "dated" events, the undated ones
    after ``last_id``, or the rows after (``last_day``, ``last_id``)."""
    if kind == "undated":
        return events.c.date.is_(None)
    if kind == "dated":
        return events.c.date.is_not(None)
    last_id = bindparam("last_id", type_=String())
    if kind == "undated_after":
        next_id = events.c.id < last_id if s.newest_first else events.c.id > last_id
        return and_(events.c.date.is_(None), next_id)
    row = tuple_(events.c.date, events.c.id)
    cut = tuple_(bindparam("last_day", type_=Date()), last_id)
    return row < cut if s.newest_first else row > cut


# Page statements by shape (see _Shape): SQLAlchemy keeps each one's compiled form
# and its cache key on the object, so a page of a known shape builds nothing.
_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def _page_statement(s: _Shape, kind: str | None, skip: bool, items: bool, deferred: bool) -> Any:
    """The statement of one batch of a page: shape ``s``, after range ``kind`` (None:
    from the first row), ``skip`` rows skipped or not, with the stored items or not,
    the rows found on the indexes first (``deferred``) or not; built once per key."""
    key = (s, kind, skip, items, deferred)
    q = _STATEMENTS.get(key)
    if q is None:
        q = _base(s)
        if deferred:
            q = q.with_only_columns(events.c.id, events.c.date)
        if kind is not None:
            q = q.where(_segment(s, kind))
        if s.arms is not None:
            q = _merged_page(s, q, _arm_conditions(s), skip)
        else:
            q = q.limit(bindparam("want", type_=Integer()))
            if skip:
                q = q.offset(bindparam("skip", type_=Integer()))
        if items or deferred:
            q = _page_rows(q, s.newest_first, items=items, deferred=deferred)
        if len(_STATEMENTS) >= 2048:
            _STATEMENTS.clear()
        _STATEMENTS[key] = q
    return q


def _type_values(conn: Connection, text: str) -> tuple[list[str], list[str]]:
    """The stored sub-event types and event types that contain ``text`` (any case): a
    type filter matches the events with one of them.

    The stored values that contain it are found first (a few distinct values, read
    by :func:`_distinct`), and the events matched by equality: a planner cannot
    estimate ``lower(col) LIKE '%..%'``, and PostgreSQL took it for rare, read every
    match and sorted them (1.5 s for a type a tenth of a million events have).
    """
    wanted = text.lower()
    subs = [v for v in _distinct(conn, events.c.sub_event_type) if wanted in v.lower()]
    kinds = [v for v in _distinct(conn, events.c.event_type) if wanted in v.lower()]
    return subs, kinds


# The distinct values of an indexed column, per store and database generation.
_DISTINCT_SEEN: dict[tuple[int, str, str], list[str]] = {}


def _distinct(conn: Connection, col: Any) -> list[str]:
    """The distinct values of an indexed column: one index seek per value (``min(col)
    WHERE col > last``), not a read of every row; kept until the next write."""
    # the generation as this connection sees it, so the values kept are of that generation
    generation = conn.execute(select(meta.c.value).where(meta.c.key == GENERATION_KEY)).scalar()
    key = (id(conn.engine), col.name, str(generation))
    seen = _DISTINCT_SEEN.get(key)
    if seen is None:
        seen = []
        step = select(func.min(col)).where(col > bindparam("last"))
        value = conn.execute(select(func.min(col))).scalar()
        while value is not None and len(seen) < 10_000:
            seen.append(value)
            value = conn.execute(step, {"last": value}).scalar()
        if len(_DISTINCT_SEEN) >= 64:
            _DISTINCT_SEEN.clear()
        _DISTINCT_SEEN[key] = seen
    return seen


def _actor_ids(conn: Connection, text: str, catalogue: Any = None) -> list[str]:
    """Actor ids a user's words stand for: any alias the actor catalogue knows, or a substring.

    "Daesh", "Syrian army" or "داعش" resolve through ``catalogue`` (an
    :class:`~sitrep.resolve.actors.ActorDictionary`; the bundled catalogue when None) to
    ISIS or Military Forces of Syria, and an adjective finds its actors ("Wagner",
    "Ukrainian"); besides, every stored actor whose name or id contains the words
    matches, as before ("isis" also finds "isis-k").
    """
    from sitrep.resolve.actors import ActorDictionary

    if catalogue is None:
        catalogue = ActorDictionary.from_files_cached()
    meant = [a.id for a in catalogue.search(text)]
    ids = conn.execute(
        select(actors.c.id).where(
            or_(
                func.lower(actors.c.name).like(_like(text), escape=_ESC),
                func.lower(actors.c.id).like(_like(text), escape=_ESC),
            )
        )
    ).scalars()
    return [*meant, *(i for i in ids if i not in meant)]


def actor_ids_for(store: Store, name: str, *, actors: Any = None) -> list[str]:
    """Actor ids a user's words stand for (see :func:`_actor_ids`); ``actors`` is the
    actor catalogue, the bundled one when None."""
    with store.engine.connect() as conn:
        return _actor_ids(conn, name, actors)


def actor_hint(name: str, *, actors: Any = None) -> str | None:
    """Why an actor filter found nothing, when the words name no known actor; else None."""
    from sitrep.resolve.actors import ActorDictionary

    catalogue = actors if actors is not None else ActorDictionary.from_files_cached()
    if catalogue.search(name):
        return None
    return (
        f"no actor called {name!r} in the actor catalogue or this database; try another "
        "name or alias (ISIS, Daesh, Syrian army, Taliban, RSF), or an actor id"
    )


def iter_events(
    store: Store, f: EventFilter, *, gazetteer: Any = None, actors: Any = None
) -> Iterator[dict[str, Any]]:
    """Events matching ``f`` as JSON-ready dicts (``Event.to_dict()``), ordered by date
    then id, streaming; see :func:`iter_event_records`.

    The dicts are the events' stored JSON items (:func:`iter_event_json`), parsed.
    """
    for item in iter_event_json(store, f, gazetteer=gazetteer, actors=actors):
        yield orjson.loads(item.json)


@dataclass(frozen=True)
class EventJSON:
    """One event item as JSON text (``Event.to_dict()``, compact, as the API sends it),
    with the event's id and date (what a keyset cursor after it is made of)."""

    id: str
    date: date | None
    json: str

    def cursor(self) -> str:
        """The keyset cursor after this event (see :func:`encode_cursor`)."""
        return f"{self.date.isoformat() if self.date else ''}_{self.id}"


def iter_event_json(
    store: Store, f: EventFilter, *, gazetteer: Any = None, actors: Any = None
) -> Iterator[EventJSON]:
    """Events matching ``f`` as their JSON items, in the order of :func:`iter_events`.

    Each item is stored with its event when its block is merged
    (:mod:`sitrep.store.items`): a page of the web API is its keyset read of the
    events and one primary-key read of their items, joined as text.
    """
    stored = store.stored_items
    for conn, rows in _matching_rows(
        store, f, gazetteer=gazetteer, actors=actors, with_items=stored
    ):
        # the stored items came with the rows; an event without one (or every event of a
        # database from before stored items, read-only) is built from its rows
        items = [r["item"] for r in rows] if stored else [None] * len(rows)
        built = iter(
            item_texts(
                conn, [r for r, i in zip(rows, items, strict=True) if i is None], stored=False
            )
        )
        for r, item in zip(rows, items, strict=True):
            yield EventJSON(r["id"], r["date"], item if item is not None else next(built))


def iter_event_records(
    store: Store, f: EventFilter, *, gazetteer: Any = None, actors: Any = None
) -> Iterator[Event]:
    """Events matching ``f`` as frozen records, ordered by date then id (streaming).

    ``gazetteer`` reads ``f.place`` (see :mod:`sitrep.views.places`); without it only
    stored names and GeoNames ids match.

    ``actors`` is the actor catalogue that reads ``f.actor`` (aliases in any
    language); the bundled one when None.

    Rows are read a page at a time by keyset (after the last (date, id) seen), with
    the places and actors of that page only, so the first items come at once and
    memory stays flat however many events match.
    """
    for conn, rows in _matching_rows(store, f, gazetteer=gazetteer, actors=actors):
        yield from event_records(conn, rows)


def _matching_rows(
    store: Store,
    f: EventFilter,
    *,
    gazetteer: Any = None,
    actors: Any = None,
    with_items: bool = False,
) -> Iterator[tuple[Connection, Sequence[Any]]]:
    """The ``events`` rows matching ``f`` in page order, a batch at a time, each with
    the open connection that read it (see :func:`iter_event_records`); ``with_items``:
    each row also has its stored JSON ``item`` (None when it has none), read in the
    same statement (one round trip less per page on PostgreSQL)."""
    place_ids = place_ids_for(store, f.place, gazetteer=gazetteer) if f.place else None
    with store.engine.connect() as conn:
        actor_ids = _actor_ids(conn, f.actor, actors) if f.actor else []
        shape, params = _plan(conn, f, place_ids, actor_ids)
        # PostgreSQL reads the table row of every index entry an index scan passes
        # (SQLite defers that to the rows it returns): the page is found on the
        # indexes alone, (date, id) of each row, and its 50 rows read by key after
        deferred = not shape.sqlite
        left = f.limit
        skip = f.offset
        pos = f.after  # the (date, id) the next rows come after; None: from the first
        while left is None or left > 0:
            want = _BATCH if left is None else min(left, _BATCH)
            # from the first row the page order is one walk of an index; after a row, the
            # rest is one or two index ranges (dated and undated events), in page order
            kinds: list[str | None] = [None] if pos is None else [*_segments(shape, pos, params)]
            for kind in kinds:
                q = _page_statement(shape, kind, bool(skip), with_items, deferred)
                params.update(want=want, skip=skip, arm_limit=want + skip)
                rows = conn.execute(q, params).mappings().all()
                if skip:
                    # the offset runs on into the next range by as many rows as this one held
                    skip = _skipped_past(conn, shape, kind, params) if not rows else 0
                if rows:
                    break
            else:
                return  # every range after pos is read
            yield conn, rows
            if left is not None:
                left -= len(rows)
            if len(rows) < want and kind == kinds[-1]:
                return
            pos = (rows[-1]["date"], rows[-1]["id"])


def _page_rows(q: Any, newest_first: bool, *, items: bool, deferred: bool) -> Select[Any]:
    """The rows of a page (``q``, ordered and cut), in the same order: with ``deferred``
    ``q`` gives only each row's (id, date) and the ``events`` rows are read by key;
    with ``items`` each row also has its stored JSON ``item`` (None when it has none).

    The page is a subquery with its own LIMIT, so neither planner merges it into the
    join (the index walk that finds the page stays as it was); the rows and items are
    primary-key reads, and the page is ordered again (the same columns, directions
    and NULL placement as inside). On PostgreSQL a page at ``offset=1350`` read
    1,400 table rows for 51 (about 22 ms at load 8) and reads none of the skipped
    ones this way (under 1 ms: an index-only scan of (date, id, status)).
    """
    page = q.subquery("page")
    order = [page.c.date, page.c.id]
    if newest_first:
        order = [o.desc() for o in order]
    joined: Any = page.join(events, events.c.id == page.c.id) if deferred else page
    if items:
        joined = joined.outerjoin(event_items, event_items.c.event_id == page.c.id)
    cols: list[Any] = [events if deferred else page]
    if items:
        cols.append(event_items.c.item)
    return select(*cols).select_from(joined).order_by(*order)


def _skipped_past(conn: Connection, s: _Shape, kind: str | None, params: dict[str, Any]) -> int:
    """What is left of an offset of ``params["skip"]`` rows after a range it went past
    (range ``kind`` of shape ``s``: it holds fewer rows than that, so counting them
    reads fewer)."""
    q = _base(s)
    if kind is not None:
        q = q.where(_segment(s, kind))
    if s.arms is not None:
        q = q.where(or_(*_arm_conditions(s)))
    counted = select(func.count()).select_from(q.order_by(None).subquery())
    n = conn.execute(counted, params).scalar_one()
    return max(0, int(params["skip"]) - int(n))


# one event by its whole id, built once (what the API and the page send)
_EVENT_BY_ID = select(events).where(events.c.id == bindparam("event_id"))
# its stored item, with the event: one statement (a round trip on PostgreSQL) for both
_ITEM_BY_ID = (
    select(event_items.c.item)
    .join(events, events.c.id == event_items.c.event_id)
    .where(events.c.id == bindparam("event_id"))
)


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One event by id (or unique prefix), whatever its status, as its JSON item."""
    wanted = event_id.strip().lower()
    with store.engine.connect() as conn:
        if store.stored_items:
            text = conn.execute(_ITEM_BY_ID, {"event_id": wanted}).scalar()
            if text is not None:
                found: dict[str, Any] = orjson.loads(text)
                return found
        # a whole id without a stored item: built from its rows
        rows = conn.execute(_EVENT_BY_ID, {"event_id": wanted}).mappings().all()
        if rows:
            item: dict[str, Any] = orjson.loads(
                item_texts(conn, rows, stored=store.stored_items)[0]
            )
            return item
    return get_event_record(store, event_id).to_dict()


def get_event_record(store: Store, event_id: str) -> Event:
    """One event by id (or unique prefix), whatever its status (LookupFailed if none)."""
    event_id = event_id.strip().lower()
    # a whole id (what the API and the page send) is one primary-key read
    with store.engine.connect() as conn:
        rows = conn.execute(_EVENT_BY_ID, {"event_id": event_id}).mappings().all()
        if rows:
            return next(event_records(conn, rows))
    with store.engine.connect() as conn:
        # a retired id (its event merged into another since): the event holding it now
        current = resolve_event_id(conn, event_id)
    if current is not None:
        for item in iter_event_records(
            store, EventFilter(statuses=ALL_STATUSES, event_ids=[current])
        ):
            return replace(item, redirected_from=event_id)
    with store.engine.connect() as conn:
        # ids are lowercase hex: a prefix is the key range [prefix, prefix + "g"),
        # which the primary key index serves (LIKE would scan every row in SQLite)
        ids = list(
            conn.execute(
                select(events.c.id)
                .where(events.c.id >= event_id, events.c.id < event_id + "g")
                .limit(2)
            ).scalars()
        )
    if not ids:
        raise LookupFailed(f"no event with id {event_id!r}; list them with `sitrep events`")
    if len(ids) > 1:
        raise LookupFailed(f"event id prefix {event_id!r} is ambiguous; give more of it")
    for item in iter_event_records(store, EventFilter(statuses=ALL_STATUSES, event_ids=ids)):
        return item
    raise LookupFailed(f"no event with id {event_id!r}")


def summary(store: Store) -> dict[str, Any]:
    """What the store holds in brief: first and last event dates (of the default
    statuses), counts of events and articles, the event types present, and when
    the newest article was stored (``ingested_until``)."""
    with store.engine.connect() as conn:
        first, last = conn.execute(
            select(func.min(events.c.date), func.max(events.c.date)).where(
                events.c.status.in_(DEFAULT_STATUSES)
            )
        ).one()
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        n_articles, ingested_until = conn.execute(
            select(func.count(), func.max(articles.c.ingested_at))
        ).one()
        types = conn.execute(
            select(events.c.event_type, events.c.sub_event_type)
            .distinct()
            .order_by(events.c.event_type, events.c.sub_event_type)
        ).all()
    return {
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "events": n_events,
        "articles": n_articles,
        "event_types": [{"event_type": t[0], "sub_event_type": t[1]} for t in types],
        # the newest article's storage stamp: the live stream's `since` for this view
        "ingested_until": ingested_until,
    }


def latest_event_date(store: Store) -> date | None:
    """The date of the latest event of the default statuses, None in an empty store."""
    with store.engine.connect() as conn:
        latest: date | None = conn.execute(
            select(func.max(events.c.date)).where(events.c.status.in_(DEFAULT_STATUSES))
        ).scalar_one()
    return latest


def actor_kinds(store: Store) -> dict[str, str]:
    """Each stored actor's kind, by its display name (the ACLED export's interaction codes)."""
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(actors.c.name, actors.c.kind))}


def day_counts(
    store: Store, f: EventFilter, *, gazetteer: Any = None, actors: Any = None
) -> list[dict[str, Any]]:
    """How many events match ``f`` on each day, by event type (the page's timeline).

    ``[{date, event_type, n}]`` ordered by date then type; undated events are left
    out. One grouped query, so it costs the same however many events match.
    """
    place_ids = place_ids_for(store, f.place, gazetteer=gazetteer) if f.place else None
    with store.engine.connect() as conn:
        actor_ids = _actor_ids(conn, f.actor, actors) if f.actor else []
        shape, params = _plan(conn, f, place_ids, actor_ids, merge=False)
        base = _base(shape)
        if f.after is not None:
            base = base.where(or_(*[_segment(shape, k) for k in _segments(shape, f.after, params)]))
        q = (
            base.with_only_columns(events.c.date, events.c.event_type, func.count())
            .where(events.c.date.is_not(None))
            .group_by(events.c.date, events.c.event_type)
            .order_by(None)
            .order_by(events.c.date, events.c.event_type)
        )
        return [
            {"date": d.isoformat(), "event_type": t, "n": n}
            for d, t, n in conn.execute(q, params).all()
        ]
