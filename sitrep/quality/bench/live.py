"""Benchmark of the follower on 127.0.0.1: throughput, and publication-to-storage latency.

``python -m sitrep.quality.bench.live --feeds 50 --items 4`` serves ``feeds`` RSS feeds of
``items`` items each (the demo reports, one outlet per feed, pages fetched and read
with trafilatura) from a local server, then:

1. times one ``poll(once=True)`` of every feed from an empty database: items/s;
2. polls again: every feed answers 304 (conditional GET), nothing is stored;
3. runs the follower loop (``--interval`` seconds) while a publisher adds an item
   to a random feed every second for ``--seconds``, and measures the time from
   the item appearing in its feed to its article being in the database (p50/p99).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.core.config import load_config
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_from_arg
from sitrep.store import open_store


class LocalServer(ThreadingHTTPServer):
    """A threaded server whose listen queue holds many feeds fetched at once.

    With the default backlog of 5, connections beyond it are dropped and the
    client retries a second later, which looks like a slow server.
    """

    request_queue_size = 128
    daemon_threads = True


class _Site:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.feeds: dict[int, list[tuple[str, str]]] = {}  # feed -> [(guid, text)]
        self.pages: dict[str, str] = {}
        self.version: dict[int, int] = {}

    def feed_xml(self, f: int, base: str) -> bytes:
        items = "".join(
            f"<item><guid>{g}</guid><title>Report {g}</title><link>{base}/a/{g}</link>"
            "<pubDate>Fri, 17 Nov 2017 10:00:00 GMT</pubDate></item>"
            for g, _ in reversed(self.feeds[f])
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Bench Outlet {f}</title><link>{base}/</link><description>d</description>"
            f"{items}</channel></rss>"
        ).encode()


def _serve(site: _Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            base = f"http://{self.headers['Host']}"
            with site.lock:
                if self.path.startswith("/feed"):
                    f = int(self.path[5:].split(".")[0])
                    etag = f'"{site.version[f]}"'
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    body, ctype = site.feed_xml(f, base), "application/rss+xml"
                elif self.path.startswith("/a/") and self.path[3:] in site.pages:
                    text = site.pages[self.path[3:]]
                    paras = "".join(f"<p>{p}</p>" for p in text.split("\n"))
                    body = (
                        f"<!doctype html><html><head><title>t</title></head><body>"
                        f"<article>{paras}</article></body></html>"
                    ).encode()
                    ctype, etag = "text/html; charset=utf-8", ""
                else:
                    self.send_error(404)
                    return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    server = LocalServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmark; print and return its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=4)
    ap.add_argument("--interval", type=int, default=10)
    ap.add_argument("--seconds", type=int, default=60)
    args = ap.parse_args(argv)
    demo = resources.files("sitrep").joinpath("demo/reports.jsonl").read_text("utf-8")
    texts = [json.loads(line)["text"] for line in demo.splitlines()]
    site = _Site()
    for f in range(args.feeds):
        site.feeds[f] = []
        site.version[f] = 1
        for i in range(args.items):
            guid = f"{f}-{i}"
            site.feeds[f].append((guid, texts[(f + i) % len(texts)]))
            site.pages[guid] = texts[(f + i) % len(texts)]
    server, base = _serve(site)
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        config = load_config(
            db=db, follow_host_delay_ms=0, follow_host_concurrency=8, follow_interval=args.interval
        )
        specs = [feed_from_arg(f"{base}/feed{f}.xml") for f in range(args.feeds)]
        out: dict[str, Any] = {"feeds": args.feeds, "items_per_feed": args.items}
        with open_store(db) as store:
            follower = Follower(config, store, specs)
            follower._reader()  # spaCy loads before the clock starts
            first = follower.poll(once=True)
            out["first_poll"] = {
                "items": first.items,
                "articles": first.articles,
                "seconds": round(first.seconds, 2),
                "read_seconds": round(first.read_seconds, 2),
                "items_per_second": round(first.items_per_second, 2),
                "failed": len(first.failed),
            }
            second = follower.poll(once=True)
            out["second_poll"] = {
                "not_modified": second.not_modified,
                "articles": second.articles,
                "seconds": round(second.seconds, 2),
            }
            published: dict[str, float] = {}
            stop = threading.Event()

            def publish() -> None:
                n = 0
                while not stop.is_set():
                    f = random.randrange(args.feeds)
                    guid = f"{f}-live{n}"
                    text = random.choice(texts) + f"\nThis is update number {n} of the day."
                    with site.lock:
                        site.pages[guid] = text
                        site.feeds[f].append((guid, text))
                        site.version[f] += 1
                        published[f"{base}/a/{guid}"] = time.time()
                    n += 1
                    stop.wait(1.0)

            runner = threading.Thread(target=follower.run, daemon=True)
            runner.start()
            publisher = threading.Thread(target=publish, daemon=True)
            publisher.start()
            time.sleep(args.seconds)
            stop.set()
            publisher.join()
            # let the last items through: one interval and a poll
            deadline = time.time() + args.interval + 30
            stored: dict[str, float] = {}
            while time.time() < deadline:
                with sqlite3.connect(db) as conn:
                    rows = conn.execute(
                        "select url, min(seen_at) from live_items where status = 'ok' group by url"
                    ).fetchall()
                stored = {r[0]: r[1] for r in rows if r[0] in published}
                if len(stored) == len(published):
                    break
                time.sleep(0.5)
            follower.stop.set()
            runner.join(timeout=120)
        server.shutdown()
    lat = sorted(stored[u] - published[u] for u in stored)
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
    out["latency"] = {
        "interval": args.interval,
        "published": len(published),
        "stored": len(stored),
        "p50_seconds": round(q[49], 2) if lat else None,
        "p99_seconds": round(q[98], 2) if lat else None,
    }
    print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
