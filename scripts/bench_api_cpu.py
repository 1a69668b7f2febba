"""CPU per request of the API's three benched endpoints, in one process, uncached.

Usage: PYTHONPATH=SRC python scripts/bench_api_cpu.py DB [--n 200] [--dump FILE]

DB is a store of ``sitrep bench api`` (a SQLite path or a PostgreSQL URL). The app of
the source tree on ``PYTHONPATH`` (answer cache off) is driven through its ASGI
callable on one event loop in this thread, so a profiler (cProfile, py-spy) sees
all of a request; the requests are the bench's own URL mix (``/api/events/{id}``,
filtered 50-row pages, ``/api/control?as_of=&country=``), one after another. Prints
the CPU time of this process and the wall time per request, per endpoint, and the
CPU time of every PostgreSQL process on this machine (its backends; 0 on SQLite;
the source tree's bench module must have ``_postgres_cpu``: for an older tree, copy
this tree's ``sitrep/quality/bench/api.py`` into it). ``--dump FILE`` writes
``{url: body}``: run it with two trees on the same store and compare the files to
check that the bodies are the same.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from typing import Any
from urllib.parse import urlsplit

from sitrep.core.config import load_config
from sitrep.faces.web.app import create_app
from sitrep.quality.bench import api as bench


def _get(loop: asyncio.AbstractEventLoop, app: Any, url: str) -> tuple[int, bytes]:
    """One GET through the ASGI callable: (status, body)."""
    parts = urlsplit(url)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path,
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    out: dict[str, Any] = {"status": 0, "body": b""}

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            out["status"] = message["status"]
        elif message["type"] == "http.response.body":
            out["body"] += message.get("body", b"")

    loop.run_until_complete(app(scope, receive, send))
    return out["status"], out["body"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--n", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--dump", help="write {url: body} of every request here")
    args = ap.parse_args()
    rng = random.Random(3)
    sample = bench._sample(args.db, rng)
    groups = {
        "/api/events/{id}": bench._id_urls(sample)[: args.n],
        "/api/events": bench._event_urls(rng, sample)[: args.n],
        "/api/control": bench._control_urls(rng, sample)[: args.n],
    }
    app = create_app(load_config(db=args.db), db=args.db, cache_bytes=0)
    loop = asyncio.new_event_loop()
    bodies: dict[str, str] = {}
    for url in bench._warm_urls(sample):
        _get(loop, app, url)
    for name, urls in groups.items():
        for url in urls[:5]:
            _get(loop, app, url)
        db0 = bench._postgres_cpu() or 0.0  # a PostgreSQL server on this machine (else 0)
        cpu, wall = time.process_time(), time.perf_counter()
        for url in urls:
            status, body = _get(loop, app, url)
            if status != 200:
                raise SystemExit(f"{url}: {status} {body[:300]!r}")
            if args.dump:
                bodies[url] = body.decode()
        cpu = (time.process_time() - cpu) / len(urls) * 1000
        wall = (time.perf_counter() - wall) / len(urls) * 1000
        db = ((bench._postgres_cpu() or 0.0) - db0) / len(urls) * 1000
        print(
            f"{name}: {cpu:.2f} ms CPU per request, {wall:.2f} ms wall, PostgreSQL's "
            f"processes {db:.2f} ms CPU ({len(urls)} requests)"
        )
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            json.dump(bodies, fh)


if __name__ == "__main__":
    main()
