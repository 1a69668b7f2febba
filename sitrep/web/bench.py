"""The API under load: p50/p99 latency and requests/s at many concurrent clients.

:func:`run_api_bench` builds a store of synthetic events (bulk inserts straight
into the tables: real towns of Syria and Iraq from the gazetteer, real actor
names, dates from 2014 to 2019, one to three reports per event), serves it
on 127.0.0.1 in a child process, and fires a bounded number of requests (a
fixed count and a time cap, whichever comes first) from ``clients``
concurrent httpx clients at ``/api/events`` (pages, filters) and at
``/api/control?as_of=...``. Nothing leaves the loopback interface.

It also times the two halves of ``control.as_of`` in-process (loading the
control events, building the timelines) to show where a slow answer spends
its time.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import random
import socket
import statistics
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table

from ..config import Config
from ..errors import SitrepError
from ..records import short_hash
from ..store import Store, actors, articles, events, mentions, open_store, places

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
    """The ``n`` most populous towns of Syria and Iraq in the gazetteer."""
    from ..resources import load_gazetteer

    seen: dict[int, Any] = {}
    for _name, place in load_gazetteer(config).patterns():
        if place.kind.value == "city" and place.country in HOLDERS:
            seen[place.id] = place
    towns = sorted(seen.values(), key=lambda p: -p.population)[:n]
    if len(towns) < 10:
        raise SitrepError("the gazetteer holds too few towns of Syria and Iraq to bench with")
    return towns


def _pick(rng: random.Random, weighted: Iterable[tuple[Any, float]]) -> Any:
    items = list(weighted)
    return rng.choices([i[0] for i in items], weights=[i[1] for i in items])[0]


def build_synthetic_store(
    config: Config, db: str, *, events_n: int = 100_000, n_places: int = 400, seed: int = 7
) -> dict[str, int]:
    """Fill a new database at ``db`` with synthetic events; returns row counts."""
    rng = random.Random(seed)
    towns = _towns(config, n_places)
    span_days = (LAST_DAY - FIRST_DAY).days
    store = open_store(db)
    try:
        insert_rows(
            store,
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
        insert_rows(
            store,
            actors,
            [
                {"id": a[0], "name": a[1], "kind": a[2], "country": a[3], "controller": a[4]}
                for a in ACTORS
            ],
        )
        # bigger towns are reported more often
        weights = [max(p.population, 1000) ** 0.5 for p in towns]
        article_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        mention_rows: list[dict[str, Any]] = []
        for i in range(events_n):
            town = rng.choices(towns, weights=weights)[0]
            etype, sub, _share = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
            status = _pick(rng, STATUSES)
            day = FIRST_DAY + timedelta(days=rng.randrange(span_days))
            a1, a2 = rng.sample(HOLDERS[town.country], 2)
            if sub == "Non-state actor overtakes territory":
                a1 = "isis" if a1.endswith("military") else a1
            elif sub == "Government regains territory":
                a1 = f"{'syria' if town.country == 'SYR' else 'iraq'}-military"
                a2 = "isis"
            elif sub == "Air/drone strike":
                a1 = rng.choice(("russia-military", "coalition", "syria-military"))
                a2 = rng.choice(("isis", "civilians", "hts"))
            outlets = rng.sample(OUTLETS, rng.choice((1, 1, 2, 2, 3)))
            eid = short_hash("bench-event", str(i))
            event_rows.append(
                {
                    "id": eid,
                    "block": f"{town.country}|{etype}|{status}",
                    "event_type": etype,
                    "sub_event_type": sub,
                    "status": status,
                    "actor1": a1,
                    "actor2": a2,
                    "assoc_actors": "[]",
                    "place_id": town.id,
                    "matched_text": town.name,
                    "date": day,
                    "date_precision": "day",
                    "fatalities": rng.choice((None, 0, 1, 2, 5, 12)),
                    "confidence": round(rng.uniform(0.5, 1.0), 2),
                    "sources": json.dumps(outlets),
                    "n_sources": len(outlets),
                    "n_mentions": len(outlets),
                    "n_independent": len(outlets),
                }
            )
            for j, outlet in enumerate(outlets):
                aid = short_hash("bench-article", str(i), outlet)
                text = f"{outlet} reported fighting in {town.name} on {day.isoformat()}."
                published = day + timedelta(days=rng.choice((0, 0, 1, 2)))
                article_rows.append(
                    {
                        "id": aid,
                        "content_hash": aid,
                        "outlet": outlet,
                        "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{aid}",
                        "title": f"Fighting in {town.name}",
                        "published_at": published,
                        "language": "en",
                        "origin": f"bench:{i}:{j}",
                        "text": text,
                        "status": "ok",
                        "n_sentences": 1,
                        "n_mentions": 1,
                        "merged": True,
                        "ingested_at": "2020-01-01T00:00:00+00:00",
                    }
                )
                mention_rows.append(
                    {
                        "id": short_hash("bench-mention", str(i), outlet),
                        "article_id": aid,
                        "sentence_index": 0,
                        "source": outlet,
                        "event_type": etype,
                        "sub_event_type": sub,
                        "status": status,
                        "actor1": a1,
                        "actor2": a2,
                        "assoc_actors": "[]",
                        "place_id": town.id,
                        "matched_text": town.name,
                        "place_confidence": 0.9,
                        "date": day,
                        "date_precision": "day",
                        "date_inferred": False,
                        "evidence_start": 0,
                        "evidence_end": len(text),
                        "evidence": text,
                        "trigger": "fighting",
                        "confidence": 0.8,
                        "reference": status == "background",
                        "block": f"{town.country}|{etype}|{status}",
                        "event_id": eid,
                    }
                )
        insert_rows(store, articles, article_rows)
        insert_rows(store, events, event_rows)
        insert_rows(store, mentions, mention_rows)
        return {
            "events": len(event_rows),
            "mentions": len(mention_rows),
            "articles": len(article_rows),
            "places": len(towns),
        }
    finally:
        store.close()


def _serve_child(config: Config, db: str, port: int) -> None:  # runs in the child process
    from .app import serve

    serve(config, "127.0.0.1", port, db=db, log_level="warning")


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


async def _fire(
    base: str, urls: Sequence[str], *, clients: int, requests: int, seconds: float
) -> dict[str, Any]:
    """``requests`` GETs (at most ``seconds``) from ``clients`` concurrent clients."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    deadline = started + seconds

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120.0) as client:

        async def worker(k: int) -> None:
            nonlocal sent
            while sent < requests and time.perf_counter() < deadline:
                url = urls[(sent * 7919 + k) % len(urls)]
                sent += 1
                t0 = time.perf_counter()
                try:
                    res = await client.get(url)
                    if res.status_code != 200:
                        errors.append(f"{res.status_code} {url}")
                    await res.aread()
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {url}")
                    continue
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker(k) for k in range(clients)))
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:3],
        "seconds": round(elapsed, 2),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": round(1000 * _percentile(latencies, 0.5), 1),
        "p99_ms": round(1000 * _percentile(latencies, 0.99), 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
    }


def _event_urls(rng: random.Random) -> list[str]:
    urls = []
    for _ in range(200):
        kind = rng.random()
        if kind < 0.4:
            urls.append(f"/api/events?limit=100&offset={rng.randrange(0, 5000, 100)}")
        elif kind < 0.6:
            since = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 30))
            until = since + timedelta(days=30)
            urls.append(f"/api/events?since={since}&until={until}&limit=100")
        elif kind < 0.8:
            urls.append("/api/events?type=Air/drone%20strike&limit=100")
        else:
            urls.append("/api/events?actor=ISIS&limit=50")
    return urls


def _control_urls(rng: random.Random) -> list[str]:
    days = [
        FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days)) for _ in range(200)
    ]
    return [f"/api/control?as_of={d}" for d in days]


def profile_control(db: str, day: date) -> dict[str, Any]:
    """Where ``control.as_of`` spends its time on this store (seconds, in-process)."""
    from ..control import as_of, build_timeline, load_changes

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


def run_api_bench(
    config: Config,
    *,
    events: int = 100_000,
    clients: int = 50,
    requests: int = 2000,
    seconds: float = 30.0,
    db: str | None = None,
) -> dict[str, Any]:
    """Build (or reuse, when ``db`` exists) a synthetic store and load the API on loopback.

    Each endpoint gets ``requests`` requests or ``seconds`` seconds, whichever
    ends first. Returns the figures per endpoint and where ``as_of`` spends
    its time.
    """
    with tempfile.TemporaryDirectory(prefix="sitrep-api-bench-") as tmp:
        path = db or str(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        if Path(path).exists():
            counts: dict[str, int] = {"reused": 1}
        else:
            counts = build_synthetic_store(config, path, events_n=events)
        build_s = time.perf_counter() - t0
        rng = random.Random(11)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        # a child process, so the load generator does not share the server's GIL
        proc = multiprocessing.get_context("spawn").Process(
            target=_serve_child, args=(config, path, port), daemon=True
        )
        proc.start()
        try:
            _wait_ready(base, proc)
            result: dict[str, Any] = {
                "store": {**counts, "build_seconds": round(build_s, 1)},
                "clients": clients,
                "requests_per_endpoint": requests,
                "seconds_cap": seconds,
                "cpus": multiprocessing.cpu_count(),
            }
            for name, urls in (
                ("/api/events", _event_urls(rng)),
                ("/api/control", _control_urls(rng)),
            ):
                result[name] = asyncio.run(
                    _fire(base, urls, clients=clients, requests=requests, seconds=seconds)
                )
        finally:
            proc.terminate()
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
                proc.join(timeout=5)
        result["control_profile"] = profile_control(path, date(2017, 11, 12))
        return result


def _wait_ready(base: str, proc: Any, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not proc.is_alive():
            raise SitrepError(f"the API server for the benchmark exited ({proc.exitcode})")
        try:
            if httpx.get(base + "/api/summary", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SitrepError(f"the API server at {base} did not answer within {timeout:.0f} s")


def format_api_bench(result: dict[str, Any]) -> str:
    """The figures as a small table (for the README's Performance section)."""
    lines = [
        f"store: {result['store']}; {result['clients']} concurrent clients; {result['cpus']} CPUs",
        f"{'endpoint':<14} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}",
    ]
    for name in ("/api/events", "/api/control"):
        r = result[name]
        lines.append(
            f"{name:<14} {r['requests']:>8} {r['errors']:>6} {r['requests_per_s']:>8} "
            f"{r['p50_ms']:>8} {r['p99_ms']:>8}"
        )
    lines.append(f"control.as_of profile: {result['control_profile']}")
    return "\n".join(lines)
