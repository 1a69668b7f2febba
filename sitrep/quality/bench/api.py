"""The API under load: p50/p99 latency and requests/s at many concurrent clients.

:func:`run_api_bench` (``sitrep bench api``) builds a store of synthetic events
(bulk inserts straight into the tables, indexes built once at the end: towns of
every country in the gazetteer, each country's forces and armed groups, dates
from 2014 to 2019, one to five reports per event) or reuses one, serves it on
127.0.0.1 in a child process, and fires a bounded number of requests (a fixed
count and a time cap, whichever comes first) from ``clients`` concurrent httpx
clients at ``/api/events/{id}``, at filtered 50-row pages of ``/api/events``
and at ``/api/control?as_of=...&country=...``, one endpoint after the other.
Nothing leaves the loopback interface. Each endpoint's p99 is set against its
target (:data:`TARGET_P99_MS`).

It also times the two halves of building control timelines in-process (loading
the control events, building the timelines) beside a stored ``as_of`` read.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import multiprocessing
import os
import random
import socket
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.core.records import short_hash
from sitrep.store import (
    Store,
    actors,
    articles,
    control_spans,
    event_items,
    events,
    mentions,
    open_store,
    places,
    store_all_items,
)

FIRST_DAY = date(2014, 1, 1)
LAST_DAY = date(2019, 12, 31)
OUTLETS = (
    "Reuters",
    "AFP",
    "Associated Press",
    "Al Jazeera",
    "BBC",
    "SANA",
    "Anadolu Agency",
    "Kurdistan24",
    "Rudaw",
    "Tasnim",
    "The Guardian",
    "The Washington Post",
)
# id, name, kind, country, controller (the name under which it holds ground)
ACTORS = (
    ("isis", "ISIS", "rebel group", None, "ISIS"),
    ("syria-military", "Military Forces of Syria", "state forces", "SYR", "Government of Syria"),
    ("iraq-military", "Military Forces of Iraq", "state forces", "IRQ", "Government of Iraq"),
    ("sdf", "Syrian Democratic Forces", "rebel group", "SYR", "SDF"),
    (
        "peshmerga",
        "Peshmerga (Kurdistan Regional Government)",
        "state forces",
        "IRQ",
        "Kurdistan Regional Government",
    ),
    ("pmf", "Popular Mobilization Forces", "political militia", "IRQ", "Government of Iraq"),
    ("hezbollah", "Hezbollah", "political militia", "LBN", "Hezbollah"),
    ("hts", "Hayat Tahrir al-Sham", "rebel group", "SYR", "Hayat Tahrir al-Sham"),
    (
        "russia-military",
        "Military Forces of Russia",
        "external/other forces",
        "RUS",
        "Government of Russia",
    ),
    ("coalition", "US-led Coalition", "external/other forces", None, "US-led Coalition"),
    ("civilians", "Civilians", "civilians", None, "Civilians"),
)
HOLDERS = {
    "SYR": ("syria-military", "isis", "sdf", "hts"),
    "IRQ": ("iraq-military", "isis", "peshmerga", "pmf"),
}
# (event type, sub-event type, share): about a fifth of the events change control
KINDS = (
    ("Battles", "Armed clash", 0.45),
    ("Battles", "Government regains territory", 0.12),
    ("Battles", "Non-state actor overtakes territory", 0.08),
    ("Explosions/Remote violence", "Air/drone strike", 0.2),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.15),
)
STATUSES = (("occurred", 0.85), ("claimed", 0.08), ("denied", 0.02), ("background", 0.05))
# JSON list columns: an empty list, not an empty string, when a row leaves them out
_JSON_LISTS = {"assoc_actors", "sources", "denied_by"}


def insert_rows(store: Store, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Bulk-insert rows, giving required columns they leave out a neutral value."""
    if not rows:
        return 0
    defaults: dict[str, Any] = {}
    for col in table.columns:
        if col.nullable or col.default is not None or col.name in rows[0]:
            continue
        if col.name in _JSON_LISTS:
            defaults[col.name] = "[]"
        elif col.type.python_type in (int, float, bool):
            defaults[col.name] = col.type.python_type(0)
        else:
            defaults[col.name] = ""
    with store.engine.begin() as conn:
        for start in range(0, len(rows), 20_000):
            conn.execute(table.insert(), [{**defaults, **r} for r in rows[start : start + 20_000]])
    return len(rows)


def _towns(config: Config, n: int) -> list[Any]:
    """The ``n`` most populous towns of the gazetteer, from every country it holds."""
    from sitrep.core.resources import load_gazetteer

    seen: dict[int, Any] = {}
    for _name, place in load_gazetteer(config).patterns():
        if place.kind.value == "city":
            seen[place.id] = place
    # the biggest towns of each country first, so small countries are not crowded out
    by_country: dict[str, list[Any]] = {}
    for p in sorted(seen.values(), key=lambda p: (-p.population, p.id)):
        by_country.setdefault(p.country, []).append(p)
    towns: list[Any] = []
    rank = 0
    while len(towns) < n and any(rank < len(v) for v in by_country.values()):
        towns += [v[rank] for _c, v in sorted(by_country.items()) if rank < len(v)]
        rank += 1
    towns = towns[:n]
    if len(towns) < 10:
        raise SitrepError("the gazetteer holds too few towns to bench with")
    return towns


# How many outlets report one event (1 to 5; most events are reported once or twice).
REPORTS = ((1, 0.35), (2, 0.25), (3, 0.2), (4, 0.12), (5, 0.08))


def _actor_rows(countries: Sequence[str]) -> list[dict[str, Any]]:
    """The fixed actors plus, per country, its state forces and a local armed group."""
    rows = [
        {"id": a[0], "name": a[1], "kind": a[2], "country": a[3], "controller": a[4]}
        for a in ACTORS
    ]
    known = {r["id"] for r in rows}
    for c in countries:
        for aid, name, kind, controller in (
            (
                f"{c.lower()}-military",
                f"Military Forces of {c}",
                "state forces",
                f"Government of {c}",
            ),
            (f"{c.lower()}-rebels", f"Armed Opposition ({c})", "rebel group", f"Opposition ({c})"),
        ):
            if aid not in known:
                rows.append(
                    {"id": aid, "name": name, "kind": kind, "country": c, "controller": controller}
                )
    return rows


def _holders(country: str) -> tuple[str, ...]:
    """Who fights over (and holds) towns of a country."""
    own = (f"{country.lower()}-military", f"{country.lower()}-rebels", "isis")
    return HOLDERS.get(country, ()) + own


def _fast_writes(conn: Any) -> Any:
    """The connection, with SQLite told not to wait for the disk (a throwaway store).

    The pragma cannot change inside a transaction, and the store begins its
    transactions itself, so it goes to the driver's connection before one begins.
    """
    if conn.dialect.name == "sqlite":
        conn.connection.driver_connection.execute("PRAGMA synchronous=OFF")
    return conn


def _bulk_insert(conn: Any, table: Table, rows: list[tuple[Any, ...]], cols: Sequence[str]) -> None:
    """Insert row tuples fast: the driver's executemany on SQLite, ``COPY`` on PostgreSQL.

    Row-by-row inserts through the driver ran at a few hundred events/s on
    PostgreSQL (a round trip per row); ``COPY ... FROM STDIN`` streams a batch in
    one statement, inside the connection's open transaction.
    """
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in cols)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in cols)
        conn.connection.driver_connection.executemany(
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
            [tuple(v.isoformat() if isinstance(v, date) else v for v in r) for r in rows],
        )
    elif conn.dialect.driver == "psycopg":
        with (
            conn.connection.driver_connection.cursor() as cur,
            cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy,
        ):
            for r in rows:
                copy.write_row(r)
    else:
        conn.execute(table.insert(), [dict(zip(cols, r, strict=True)) for r in rows])


_EVENT_COLS = (
    "id block event_type sub_event_type status actor1 actor2 assoc_actors place_id "
    "matched_text date date_precision fatalities confidence sources n_sources n_mentions "
    "n_independent denied_by"
).split()
_ARTICLE_COLS = (
    "id content_hash outlet url title published_at language origin text status n_sentences "
    "n_mentions merged ingested_at"
).split()
_MENTION_COLS = (
    "id article_id sentence_index source event_type sub_event_type status actor1 actor2 "
    "assoc_actors place_id matched_text place_confidence date date_precision date_inferred "
    "evidence_start evidence_end evidence trigger confidence reference block event_id"
).split()


def build_synthetic_store(
    config: Config,
    db: str,
    *,
    events_n: int = 100_000,
    n_places: int = 3000,
    seed: int = 7,
    log: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Fill a new database at ``db`` with synthetic events; returns row counts.

    Towns of every country in the gazetteer (bigger towns reported more often),
    each country's own forces and armed group, dates 2014-2019, one to five
    reports per event, two events per article. Rows go in by bulk insert with the
    secondary indexes dropped and rebuilt once at the end, so a million events
    take minutes.
    """
    rng = random.Random(seed)
    towns = _towns(config, n_places)
    countries = sorted({t.country for t in towns})
    span_days = (LAST_DAY - FIRST_DAY).days
    cum_town = list(itertools.accumulate(max(p.population, 1000) ** 0.5 for p in towns))
    cum_kind = list(itertools.accumulate(k[2] for k in KINDS))
    cum_status = list(itertools.accumulate(w for _s, w in STATUSES))
    cum_reports = list(itertools.accumulate(w for _n, w in REPORTS))
    holders = {c: _holders(c) for c in countries}
    store = open_store(db)
    filled = (events, mentions, articles)
    try:
        with store.engine.connect() as conn, _fast_writes(conn).begin():
            for table in filled:
                for index in table.indexes:
                    index.drop(conn, checkfirst=True)
            insert_rows_conn(
                conn,
                places,
                [
                    {
                        "id": p.id,
                        "name": p.name,
                        "country": p.country,
                        "admin1": p.admin1,
                        "lat": p.lat,
                        "lon": p.lon,
                        "kind": p.kind.value,
                    }
                    for p in towns
                ],
            )
            insert_rows_conn(conn, actors, _actor_rows(countries))
        counts = {"events": 0, "mentions": 0, "articles": 0, "places": len(towns)}
        batch = 20_000
        for start in range(0, events_n, batch):
            ev_rows: list[tuple[Any, ...]] = []
            art_rows: list[tuple[Any, ...]] = []
            men_rows: list[tuple[Any, ...]] = []
            open_article: dict[str, tuple[str, int]] = {}  # outlet -> (article id, used)
            for i in range(start, min(events_n, start + batch)):
                town = rng.choices(towns, cum_weights=cum_town)[0]
                etype, sub, _share = rng.choices(KINDS, cum_weights=cum_kind)[0]
                status = rng.choices(STATUSES, cum_weights=cum_status)[0][0]
                day = FIRST_DAY + timedelta(days=rng.randrange(span_days))
                a1, a2 = rng.sample(holders[town.country], 2)
                if sub == "Non-state actor overtakes territory" and a1.endswith("military"):
                    a1, a2 = a2, a1
                elif sub == "Government regains territory":
                    a1 = f"{town.country.lower()}-military"
                    a2 = rng.choice((f"{town.country.lower()}-rebels", "isis"))
                elif sub == "Air/drone strike":
                    a1 = rng.choice(("russia-military", "coalition", a1))
                    a2 = rng.choice(("isis", "civilians", a2))
                n_reports = rng.choices(REPORTS, cum_weights=cum_reports)[0][0]
                outlets = sorted(rng.sample(OUTLETS, n_reports))
                eid = short_hash("bench-event", str(i))
                block = f"{town.country}|{sub}|{status}"
                ev_rows.append(
                    (eid, block, etype, sub, status, a1, a2, "[]", town.id, town.name, day, "day",
                     rng.choice((None, 0, 1, 2, 5, 12)), round(rng.uniform(0.5, 1.0), 2),
                     json.dumps(outlets), n_reports, n_reports, n_reports, "[]")
                )  # fmt: skip
                for outlet in outlets:
                    # an article reports two events (its outlet's next one joins it)
                    aid, used = open_article.get(outlet, ("", 2))
                    if used >= 2:
                        aid = short_hash("bench-article", str(i), outlet)
                        published = day + timedelta(days=rng.choice((0, 0, 1, 2)))
                        art_rows.append(
                            (aid, aid, outlet,
                             f"https://example.org/{outlet.lower().replace(' ', '-')}/{aid}",
                             f"Fighting in {town.name}", published, "en", f"bench:{i}:{outlet}",
                             f"{outlet} reported fighting in {town.name}.", "ok", 2, 2, True,
                             "2020-01-01T00:00:00+00:00")
                        )  # fmt: skip
                        used = 0
                    open_article[outlet] = (aid, used + 1)
                    text = f"{outlet} reported {sub.lower()} in {town.name} on {day.isoformat()}."
                    men_rows.append(
                        (short_hash("bench-mention", str(i), outlet), aid, used, outlet, etype,
                         sub, status, a1, a2, "[]", town.id, town.name, 0.9, day, "day", False, 0,
                         len(text), text, "fighting", 0.8, status == "background", block, eid)
                    )  # fmt: skip
            with store.engine.connect() as conn, _fast_writes(conn).begin():
                _bulk_insert(conn, events, ev_rows, _EVENT_COLS)
                _bulk_insert(conn, articles, art_rows, _ARTICLE_COLS)
                _bulk_insert(conn, mentions, men_rows, _MENTION_COLS)
            counts["events"] += len(ev_rows)
            counts["articles"] += len(art_rows)
            counts["mentions"] += len(men_rows)
            if log and (start // batch) % 10 == 9:
                log(f"bench api: {counts['events']:,} of {events_n:,} events stored")
        if log:
            log("bench api: indexing and building control timelines")
        with store.engine.begin() as conn:
            for table in filled:
                for index in table.indexes:
                    index.create(conn, checkfirst=True)
            from sitrep.store import rebuild_all_control

            rebuild_all_control(conn)
        if log:
            log("bench api: storing each event's JSON item")
        store_all_items(store.engine)
        if store.engine.dialect.name == "postgresql":
            # statistics for the planner (and the visibility map for index-only
            # reads) now, as autovacuum would give them some time after the load
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for table in (*filled, places, actors, control_spans, event_items):
                    conn.exec_driver_sql(f'VACUUM ANALYZE "{table.name}"')
        return counts
    finally:
        store.close()


def insert_rows_conn(conn: Any, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert dict rows on an open connection (small tables)."""
    if rows:
        conn.execute(table.insert(), list(rows))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[k]


class _Conn:
    """One keep-alive HTTP/1.1 connection to the server under test.

    A load generator must cost less than the server it loads: a full HTTP client
    spends more CPU per request than an indexed read takes, and would measure
    itself. This speaks just enough HTTP/1.1 for GETs answered with a
    Content-Length (every API response).
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes) of one GET; reconnects when the server closed."""
        if self.writer is None or self.reader is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii")
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        close = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        body = await self.reader.readexactly(length)
        if close:
            self.close()
        return status, len(body)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _run_load(coro: Any) -> Any:
    """Run the load generator's coroutine, on uvloop when it is installed.

    The generator shares the machine's cores with the server it loads; libuv's loop
    spends less CPU per request than asyncio's own, so less is taken from the server.
    """
    try:
        import uvloop
    except ImportError:  # pragma: no cover - pinned in pyproject
        return asyncio.run(coro)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(coro)


def server_stack() -> dict[str, str]:
    """The HTTP parser and event loop uvicorn picks here (``auto``: the C ones when installed)."""
    import importlib.util

    return {
        "http": "httptools" if importlib.util.find_spec("httptools") else "h11",
        "loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
    }


async def _fire(
    base: str, urls: Sequence[str], *, clients: int, requests: int, seconds: float
) -> dict[str, Any]:
    """``requests`` GETs (at most ``seconds``) from ``clients`` concurrent clients.

    Besides the percentiles of all of them: of the first request of each URL in the
    run (the ones a server with an answer cache reads afresh) and of the rest, and
    the share of first requests among the slowest 1 %: where the tail comes from.
    """
    host, port = base.removeprefix("http://").rsplit(":", 1)
    latencies: list[float] = []
    firsts: list[bool] = []  # per latency: the first request of its URL in this run
    asked: set[str] = set()
    errors: list[str] = []
    sent = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def worker(k: int) -> None:
        nonlocal sent
        conn = _Conn(host, int(port))
        try:
            while sent < requests and time.perf_counter() < deadline:
                url = urls[(sent * 7919 + k) % len(urls)]
                sent += 1
                first = url not in asked
                asked.add(url)
                t0 = time.perf_counter()
                try:
                    status, _size = await asyncio.wait_for(conn.get(url), timeout=120.0)
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                    errors.append(f"{type(exc).__name__} {url}")
                    conn.close()
                    continue
                if status != 200:
                    errors.append(f"{status} {url}")
                latencies.append(time.perf_counter() - t0)
                firsts.append(first)
        finally:
            conn.close()

    await asyncio.gather(*(worker(k) for k in range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:3],
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "rps": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(1000 * _percentile(latencies, 0.5), 1),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        **_tail_split(latencies, firsts),
    }


def _tail_split(latencies: list[float], firsts: list[bool]) -> dict[str, Any]:
    """p99 of first requests of a URL and of repeats, and the first ones' share of the
    slowest 1 % (those above the p99 of all)."""
    first = [t for t, f in zip(latencies, firsts, strict=True) if f]
    repeat = [t for t, f in zip(latencies, firsts, strict=True) if not f]
    slowest = sorted(zip(latencies, firsts, strict=True), reverse=True)
    top = slowest[: max(1, len(slowest) // 100)] if slowest else []
    return {
        "first_requests": len(first),
        "first_p99_ms": round(1000 * _percentile(first, 0.99), 1) if first else None,
        "repeat_p99_ms": round(1000 * _percentile(repeat, 0.99), 1) if repeat else None,
        "slowest_1pct_first_share": round(sum(f for _t, f in top) / len(top), 2) if top else None,
    }


# p99 latency each endpoint must stay under (issue 13: 50 concurrent clients, 1 M events)
TARGET_P99_MS = {"/api/events/{id}": 50.0, "/api/events": 250.0, "/api/control": 250.0}


def _sample(db: str, rng: random.Random, n: int = 400) -> dict[str, Any]:
    """Event ids (with their cursors), places and countries to aim requests at.

    Ids come from index seeks at random hex prefixes, so sampling costs no scan; in
    id order, so PostgreSQL samples what SQLite does (unordered, it answered in
    whichever order its plan of the day read).
    """
    out: dict[str, Any] = {"events": [], "places": [], "countries": []}
    with open_store(db, readonly=True) as store, store.engine.connect() as conn:
        for _ in range(n):
            prefix = f"{rng.getrandbits(32):08x}"
            row = conn.execute(
                select(events.c.id, events.c.date)
                .where(events.c.id >= prefix)
                .order_by(events.c.id)
                .limit(1)
            ).first()
            if row is not None:
                out["events"].append((row[0], row[1]))
        out["places"] = list(
            conn.execute(
                select(events.c.place_id)
                .where(events.c.id >= f"{rng.getrandbits(32):08x}")
                .order_by(events.c.id)
                .limit(200)
            ).scalars()
        )
        out["countries"] = sorted(conn.execute(select(places.c.country).distinct()).scalars())
    if not out["events"]:
        raise SitrepError(f"the database {db} holds no events to bench with")
    return out


def _warm_urls(sample: dict[str, Any]) -> list[str]:
    """Requests that make a server load what it loads once (not among the measured URLs)."""
    return [
        f"/api/events?limit=1&place={sample['places'][0]}",
        "/api/events?limit=1&actor=ISIS",
        f"/api/events?limit=1&country={sample['countries'][0]}&type=territory",
        "/api/events?limit=1&source=Reuters",
        f"/api/events/{sample['events'][0][0][:8]}",
        "/api/control?bbox=-180,-90,180,90&as_of=2014-01-02",
    ]


def _id_urls(sample: dict[str, Any]) -> list[str]:
    return [f"/api/events/{eid}" for eid, _day in sample["events"]]


def _event_urls(rng: random.Random, sample: dict[str, Any]) -> list[str]:
    """50-row pages under the filters people use, and deep pages by cursor."""
    urls = []
    countries = sample["countries"]
    for k in range(400):
        since = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 30))
        eid, day = rng.choice(sample["events"])
        kind = k % 9
        if kind == 0:
            urls.append(f"/api/events?limit=50&country={rng.choice(countries)}")
        elif kind == 1:
            urls.append(f"/api/events?limit=50&place={rng.choice(sample['places'])}")
        elif kind == 2:
            urls.append("/api/events?limit=50&type=Air/drone%20strike")
        elif kind == 3:
            urls.append(f"/api/events?limit=50&since={since}&until={since + timedelta(days=30)}")
        elif kind == 4:
            urls.append("/api/events?limit=50&actor=ISIS")
        elif kind == 5:
            urls.append(f"/api/events?limit=50&source={rng.choice(OUTLETS).replace(' ', '%20')}")
        elif kind == 6:
            urls.append(f"/api/events?limit=50&cursor={day or ''}_{eid}")
        elif kind == 7:
            urls.append(
                f"/api/events?limit=50&country={rng.choice(countries)}&type=territory&since={since}"
            )
        else:
            urls.append(f"/api/events?limit=50&offset={rng.randrange(0, 2000, 50)}")
    return urls


def _control_urls(rng: random.Random, sample: dict[str, Any]) -> list[str]:
    days = [
        FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days)) for _ in range(400)
    ]
    return [f"/api/control?as_of={d}&country={rng.choice(sample['countries'])}" for d in days]


def profile_control(db: str, day: date) -> dict[str, Any]:
    """Where ``control.as_of`` spends its time on this store (seconds, in-process)."""
    from sitrep.control import as_of, build_timeline, load_changes

    with open_store(db, readonly=True) as store:
        t0 = time.perf_counter()
        refs, grouped = load_changes(store)
        t1 = time.perf_counter()
        for pid, changes in grouped.items():
            build_timeline(refs[pid], changes)
        t2 = time.perf_counter()
        items = as_of(store, day)
        t3 = time.perf_counter()
    return {
        "control_events": sum(len(v) for v in grouped.values()),
        "places": len(grouped),
        "load_changes_s": round(t1 - t0, 3),
        "build_timelines_s": round(t2 - t1, 3),
        "as_of_total_s": round(t3 - t2, 3),
        "places_held": len(items),
        "response_bytes": len(json.dumps(items)),
    }


def _stored_events(db: str) -> int | None:
    """Events in the database at ``db`` (None when there is no database there yet)."""
    if "://" not in db and not Path(db).exists():
        return None
    try:
        with open_store(db) as store:  # writable once: brings an older database up to date
            return store.counts()["events"]
    except SitrepError:
        return None


def run_api_bench(
    config: Config,
    *,
    events: int = 100_000,
    clients: int = 50,
    requests: int = 2000,
    seconds: float = 30.0,
    db: str | None = None,
    keep_db: str | None = None,
    workers: int = 1,
    cache: bool = True,
    baseline: str | None = None,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Build (or reuse) a synthetic store and load the API on loopback.

    The store is ``db`` (a path or URL) or ``keep_db`` (a path kept afterwards),
    reused when it holds events already, else built with ``events`` events; with
    neither, a temporary SQLite file. The server runs ``workers`` processes with
    its answer cache (``cache``) as ``sitrep serve`` would; with ``cache`` the same
    server is also measured with no cache (every answer read afresh), and with
    ``baseline`` (a source tree, e.g. an older checkout) that tree's server too:
    all of them answer side by side, endpoint after endpoint in turn, so machine
    load weighs on each alike. Each endpoint gets ``requests`` requests or
    ``seconds`` seconds, whichever ends first, from ``clients`` concurrent clients.
    Returns the figures per endpoint (``endpoints``: the server as configured),
    each against its target (``targets``), every server's figures (``servers``),
    the server's and the load generator's CPU time per request, and where
    ``as_of`` spends its time.
    """
    if db and keep_db:
        raise SitrepError("give --db or --keep-db, not both")
    with tempfile.TemporaryDirectory(prefix="sitrep-api-bench-") as tmp:
        path = db or keep_db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        found = _stored_events(path)
        if found:
            counts: dict[str, int] = {"events": found, "reused": 1}
        else:
            counts = build_synthetic_store(config, path, events_n=events, log=log)
        build_s = time.perf_counter() - t0
        rng = random.Random(11)
        sample = _sample(path, rng)
        local_pg = path.startswith("postgresql") and any(
            h in path for h in ("@127.0.0.1", "@localhost", "@[::1]")
        )
        main_name = f"sitrep serve --workers {workers}" + ("" if cache else " (no cache)")
        wanted: list[tuple[str, Callable[[int], Any]]] = [
            (main_name, lambda port: _start_server(config, path, port, workers, cache))
        ]
        if cache:
            wanted.append(
                (
                    f"sitrep serve --workers {workers} (no cache)",
                    lambda port: _start_server(config, path, port, workers, False),
                )
            )
        if baseline:
            old = baseline
            wanted.append(
                (
                    f"baseline {old} (1 process, no cache)",
                    lambda port: _start_baseline(old, path, port),
                )
            )
        servers: list[tuple[str, str, Any]] = []
        try:
            for name, start in wanted:
                port = _free_port()
                servers.append((name, f"http://127.0.0.1:{port}", start(port)))
            for _name, base, proc in servers:
                _wait_ready(base, proc)
                # what each worker loads once (the gazetteer, the actor catalogue) is
                # loaded before the clock starts, by URLs the measured ones never repeat
                # (as many connections as the run, so every worker gets some of each URL)
                warm = _warm_urls(sample)
                _run_load(
                    _fire(base, warm, clients=clients, requests=clients * len(warm), seconds=120)
                )
            result: dict[str, Any] = {
                "store": {**counts, "build_seconds": round(build_s, 1)},
                "db": path if (db or keep_db) else None,
                "clients": clients,
                "requests_per_endpoint": requests,
                "seconds_cap": seconds,
                "cpus": multiprocessing.cpu_count(),
                "loadavg_before": _loadavg(),
                "server": f"{main_name}, on 127.0.0.1",
                "server_stack": server_stack(),
                "servers": {name: {} for name, _b, _p in servers},
                "endpoints": {},
            }
            for endpoint, urls in (
                ("/api/events/{id}", _id_urls(sample)),
                ("/api/events", _event_urls(rng, sample)),
                ("/api/control", _control_urls(rng, sample)),
            ):
                for name, base, proc in servers:
                    if log:
                        log(f"bench api: {endpoint}, {clients} clients, {name}")
                    figures = _measure(
                        base, proc, urls, clients, requests, seconds, postgres=local_pg
                    )
                    result["servers"][name][endpoint] = figures
                    if name == main_name:
                        result["endpoints"][endpoint] = figures
                        result[endpoint] = figures  # the keys of earlier versions
            result["loadavg_after"] = _loadavg()
        finally:
            for _name, _base, proc in servers:
                _stop(proc)
        result["targets"] = {
            name: {
                "p99_ms_max": limit,
                "p99_ms": result["endpoints"][name]["p99_ms"],
                "clients": clients,
                "met": result["endpoints"][name]["errors"] == 0
                and result["endpoints"][name]["p99_ms"] < limit,
            }
            for name, limit in TARGET_P99_MS.items()
        }
        result["all_met"] = all(t["met"] for t in result["targets"].values())
        result["control_profile"] = profile_control(path, date(2017, 11, 12))
        return result


def _measure(
    base: str,
    proc: Any,
    urls: Sequence[str],
    clients: int,
    requests: int,
    seconds: float,
    *,
    postgres: bool = False,
) -> dict[str, Any]:
    """One endpoint's load on one server, with the CPU it cost the server and the
    generator, and (``postgres``: a server on this machine) PostgreSQL's processes."""
    pid = proc.pid
    cpu0 = _tree_cpu(pid)
    db0 = _postgres_cpu() if postgres else None
    gen0 = time.process_time()
    figures = _run_load(_fire(base, urls, clients=clients, requests=requests, seconds=seconds))
    gen1 = time.process_time()
    cpu1 = _tree_cpu(pid)
    db1 = _postgres_cpu() if postgres else None
    wall = figures["seconds"] or 1.0
    if figures["requests"] and db0 is not None and db1 is not None:
        # what the requests cost PostgreSQL's own processes (a server on this machine;
        # any other client of it counts too)
        figures["db_cpu_ms_per_request"] = round(1000 * (db1 - db0) / figures["requests"], 2)
        figures["db_cores"] = round((db1 - db0) / wall, 2)
    if figures["requests"]:
        if cpu0 is not None and cpu1 is not None:
            # what a request costs the server, whatever else the machine runs
            figures["server_cpu_ms_per_request"] = round(
                1000 * (cpu1 - cpu0) / figures["requests"], 2
            )
            # and how many cores it got meanwhile (of the machine's, shared with the rest)
            figures["server_cores"] = round((cpu1 - cpu0) / wall, 2)
        # what sending it and reading the answer cost this process (the load), and the
        # cores the load took from the server's machine
        figures["generator_cpu_ms_per_request"] = round(
            1000 * (gen1 - gen0) / figures["requests"], 2
        )
        figures["generator_cores"] = round((gen1 - gen0) / wall, 2)
    return figures


def _serve_child(config: Config, db: str, port: int, workers: int, cache: bool) -> None:
    # runs in the child process: as `sitrep serve --workers N` serves (no banner: the
    # bench may print --json)
    import uvicorn

    from sitrep.faces.web.app import DEFAULT_CACHE_BYTES, create_app, listen_socket, serve_workers

    cache_bytes = DEFAULT_CACHE_BYTES if cache else 0
    sock = listen_socket("127.0.0.1", port)
    if workers <= 1:
        app = create_app(config, db=db, cache_bytes=cache_bytes, preload=True)
        uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    else:
        import sys

        # multiprocessing gave this process a stdin of its own that its children
        # cannot inherit; uvicorn hands the workers stdin only when there is one
        sys.stdin = None
        serve_workers(
            {"config": config, "db": db, "cache_bytes": cache_bytes, "preload": True},
            sock,
            workers=workers,
            log_level="warning",
        )


def _start_server(config: Config, db: str, port: int, workers: int, cache: bool) -> Any:
    # not a daemon: with workers it starts processes of its own
    proc = multiprocessing.get_context("spawn").Process(
        target=_serve_child, args=(config, db, port, workers, cache)
    )
    proc.start()
    return proc


# The other tree's server, one process, with no answer cache when it has one: the
# figures are then its reads, beside this tree's server with no cache.
_BASELINE_SERVER = """
import inspect, sys, uvicorn
from sitrep.core.config import load_config
from sitrep.faces.web.app import create_app
kw = {"cache_bytes": 0} if "cache_bytes" in inspect.signature(create_app).parameters else {}
uvicorn.run(create_app(load_config(), db=sys.argv[1], **kw), host="127.0.0.1",
            port=int(sys.argv[2]), log_level="warning")
"""


def _start_baseline(source: str, db: str, port: int) -> Any:
    """The server of another source tree (its default: one uvicorn process) on ``db``."""
    import subprocess
    import sys

    root = Path(source).expanduser().resolve()
    if not (root / "sitrep" / "faces" / "web" / "app.py").is_file():
        raise SitrepError(f"--baseline {source}: no sitrep source tree there (sitrep/faces/web)")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.Popen(
        [sys.executable, "-c", _BASELINE_SERVER, db, str(port)],
        env=env,
        cwd=str(root),
        stdout=subprocess.DEVNULL,
    )


def _alive(proc: Any) -> bool:
    return bool(proc.is_alive()) if hasattr(proc, "is_alive") else proc.poll() is None


def _stop(proc: Any) -> None:
    proc.terminate()  # uvicorn's supervisor stops its workers on SIGTERM
    try:
        if hasattr(proc, "join"):
            proc.join(timeout=15)
        else:
            proc.wait(timeout=15)
    except Exception:  # noqa: S110 - killed below
        pass
    if _alive(proc):
        proc.kill()


def _tree_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) of a process and its descendants, from /proc."""
    if pid is None:
        return None
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0.0, [pid]
    seen = False
    while todo:
        p = todo.pop()
        cpu = _cpu_of(p)
        if cpu is not None:
            total += cpu
            seen = True
        todo.extend(children.get(p, []))
    return total if seen else None


def _postgres_cpu() -> float | None:
    """CPU seconds (user + system) of every PostgreSQL process on this machine, from
    /proc (None when there is none to read)."""
    total, seen = 0.0, False
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if "(postgres)" in stat:
            fields = stat.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            seen = True
    return total if seen else None


def _cpu_of(pid: int | None) -> float | None:
    """CPU seconds (user + system) a process has used, from /proc (None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _loadavg() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _wait_ready(base: str, proc: Any, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(proc):
            raise SitrepError("the API server for the benchmark exited before answering")
        try:
            # the schema: answered without touching the database, however big
            if httpx.get(base + "/openapi.json", timeout=5.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SitrepError(f"the API server at {base} did not answer within {timeout:.0f} s")


def format_api_bench(result: dict[str, Any]) -> str:
    """The figures as a small table: every server side by side, each endpoint of the
    server as configured against its p99 target (met / NOT MET)."""
    lines = [
        f"store: {result['store']}; {result['clients']} concurrent clients; "
        f"{result['cpus']} CPUs; load average {result.get('loadavg_before')} before, "
        f"{result.get('loadavg_after')} after",
        f"{'endpoint':<18} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'cpu ms':>7} {'db ms':>6} {'gen ms':>7} {'cores':>5} {'gen':>5}  target",
    ]
    servers = result.get("servers") or {result.get("server", "server"): result["endpoints"]}
    for server, endpoints in servers.items():
        lines.append(f"-- {server}")
        for name, r in endpoints.items():
            target = result.get("targets", {}).get(name)
            verdict = ""
            if target and r is result["endpoints"].get(name):  # the server as configured
                met = r["errors"] == 0 and r["p99_ms"] < target["p99_ms_max"]
                verdict = f"p99 < {target['p99_ms_max']:.0f} ms: {'met' if met else 'NOT MET'}"
            lines.append(
                f"{name:<18} {r['requests']:>8} {r['errors']:>6} {r['rps']:>8} "
                f"{r['p50_ms']:>8} {r['p99_ms']:>8} "
                f"{r.get('server_cpu_ms_per_request', '-'):>7} "
                f"{r.get('db_cpu_ms_per_request', '-'):>6} "
                f"{r.get('generator_cpu_ms_per_request', '-'):>7} "
                f"{r.get('server_cores', '-'):>5} {r.get('generator_cores', '-'):>5}  {verdict}"
            )
    lines.append(
        "cpu ms: server CPU time per request (all its processes; independent of other load "
        "on the machine); db ms: PostgreSQL's processes' CPU time per request (a server on "
        "this machine); gen ms: the load generator's own CPU time per request; cores, gen: "
        "the cores the server and the generator got meanwhile (the machine's, shared)"
    )
    lines.append(f"all targets met: {'yes' if result.get('all_met') else 'no'}")
    lines.append(f"control.as_of profile: {result['control_profile']}")
    return "\n".join(lines)
