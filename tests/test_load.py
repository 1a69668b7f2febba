"""The API under 16 and then 50 concurrent clients, 20 s each: no error, no 5xx.

The app (the rate limit on, the answer cache on) is served by uvicorn on 127.0.0.1
over the bundled demo corpus. Every client sends, one after the other, requests from a
fixed mix: pages of events with and without filters, one event, its roundup, an
article, control and timelines, place search, comments, the moderation queue with a
token, the export, parameters the API refuses, and posted comments (the rate limit
answers most of them with 429). Each request must get the status its kind gets when
sent alone (200, 201, 422, 429...); a transport error, a timeout, a 5xx or any other
status fails the test. Latency is measured and printed but not judged here (targets
and measurements: `sitrep bench api`, issue 13). ``SITREP_LOAD_SECONDS`` changes the
20 s.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import serve_app

from sitrep.core.config import Config
from sitrep.moderation import comments as cm
from sitrep.pipeline import ingest
from sitrep.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"
SECONDS = float(os.environ.get("SITREP_LOAD_SECONDS", "20"))


@pytest.fixture(scope="module")
def served(
    app_config: Config, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The served URL and a moderator's token."""
    from sitrep.faces.web import create_app

    path = tmp_path_factory.mktemp("load") / "demo.db"
    with open_store(str(path)) as store:
        ingest([DEMO], config=app_config, store=store, workers=1)
        token = cm.create_token(store, "load", "moderator")
    with serve_app(create_app(app_config, db=str(path))) as url:
        yield url, token


def _mix(url: str, token: str) -> list[tuple[str, str, dict[str, Any] | None, set[int]]]:
    """(method, path, JSON body, the statuses it may get) for every kind of request."""
    with httpx.Client(base_url=url, timeout=60) as http:
        page = http.get("/api/events?limit=20").json()["items"]
        place = http.get("/api/places?q=Raqqa").json()["items"]
    assert page, "the demo corpus gave no events"
    event = page[0]["id"]
    article = next(
        (m["article_id"] for e in page for m in e.get("mentions", []) if m.get("article_id")),
        None,
    )
    ok = {200}
    mix: list[tuple[str, str, dict[str, Any] | None, set[int]]] = [
        ("GET", "/api/summary", None, ok),
        ("GET", "/api/events", None, ok),
        ("GET", "/api/events?limit=50&country=SYR", None, ok),
        ("GET", "/api/events?type=battles&since=2017-01-01", None, ok),
        ("GET", "/api/events?actor=_&offset=9223372036854775808", None, {422}),
        ("GET", "/api/events?place=%C2%B2", None, {200, 422}),
        ("GET", f"/api/events/{event}", None, ok),
        ("GET", f"/api/roundups/{event}", None, ok),
        ("GET", "/api/events/ffffffffffffffff", None, {404}),
        ("GET", "/api/control?as_of=2017-11-30", None, ok),
        ("GET", "/api/timeline", None, ok),
        ("GET", "/api/places?q=Deir", None, ok),
        ("GET", f"/api/comments?target_type=event&target_id={event}", None, ok),
        ("GET", "/api/export?format=geojson&country=SYR", None, ok),
        ("GET", "/api/moderation/queue?limit=50", None, ok),
        ("GET", "/api/moderation/queue", None, {401}),  # sent without the token
        (
            "POST",
            "/api/comments",
            {"target_type": "event", "target_id": event, "author": "Load", "text": "Thanks."},
            {201, 429},
        ),
        ("POST", "/api/comments", {"target_type": "event"}, {422, 429}),
    ]
    if article:
        mix.append(("GET", f"/api/articles/{article}", None, ok))
    if place:
        place_id = place[0].get("geonames_id", place[0].get("id"))
        mix.append(("GET", f"/api/places/{place_id}/control", None, ok))
    return mix


async def _load(url: str, token: str, clients: int, seconds: float) -> dict[str, Any]:
    mix = _mix(url, token)
    statuses: Counter[int] = Counter()
    wrong: list[str] = []
    retried: list[str] = []
    latencies: list[float] = []
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    auth = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as http:

        async def client(k: int) -> None:
            i = k
            while time.monotonic() < deadline:
                method, path, body, allowed = mix[i % len(mix)]
                i += 1
                headers = auth if path.startswith("/api/moderation/queue?") else {}
                t0 = time.monotonic()
                try:
                    try:
                        res = await http.request(method, path, json=body, headers=headers)
                        await res.aread()
                    except (httpx.ReadError, httpx.RemoteProtocolError):
                        if method != "GET":
                            raise
                        # a kept-alive connection the starved server closed as the
                        # request went out (seen once in CI at p99 9 s, with keep-alive
                        # at 60 s): a reader's client asks again; a second failure counts
                        retried.append(path)
                        res = await http.request(method, path, json=body, headers=headers)
                        await res.aread()
                except httpx.HTTPError as exc:
                    wrong.append(f"{method} {path}: {type(exc).__name__} {exc}")
                    continue
                latencies.append(time.monotonic() - t0)
                statuses[res.status_code] += 1
                if res.status_code not in allowed:
                    wrong.append(f"{method} {path}: {res.status_code} {res.text[:120]}")

        await asyncio.gather(*(client(k) for k in range(clients)))
    latencies.sort()
    return {
        "requests": sum(statuses.values()),
        "statuses": dict(statuses),
        "wrong": wrong,
        "retried": retried,
        "p50_ms": round(1000 * latencies[len(latencies) // 2]) if latencies else None,
        "p99_ms": round(1000 * latencies[int(len(latencies) * 0.99)]) if latencies else None,
    }


@pytest.mark.parametrize("clients", [16, 50])
def test_api_under_concurrent_clients(served: tuple[str, str], clients: int) -> None:
    url, token = served
    result = asyncio.run(_load(url, token, clients, SECONDS))
    print(f"load: {clients} clients, {SECONDS:g} s: {result}")
    assert result["requests"] >= clients, result
    assert not [s for s in result["statuses"] if s >= 500], result
    assert not result["wrong"], f"{len(result['wrong'])} wrong answers: {result['wrong'][:5]}"
    # a closed connection asked again now and then under a starved CPU, not as a rule
    assert len(result["retried"]) <= max(2, result["requests"] // 100), result
