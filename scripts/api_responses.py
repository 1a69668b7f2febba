"""Every API response of a database, as JSON: to compare two versions of the web app.

Usage: PYTHONPATH=SRC python scripts/api_responses.py DB > responses.json

GETs about 180 URLs (every event by id, prefixes and bad ids, roundups, articles,
pages under each filter, cursors, control by day, country and box, place
timelines, the summary and timeline, errors) from ``create_app`` in-process, each
twice (the second may come from the answer cache), and prints ``{"N URL": [status,
body]}``. Run it with the old tree and the new one on PYTHONPATH and compare the
files: the bodies must be identical (``missing_assets`` of /api/summary depends on
whether the tree has ``make web-assets``'s files).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys
from typing import Any

from sitrep.core.config import load_config
from sitrep.faces.web.app import create_app


def urls_of(db: str) -> list[str]:
    c = sqlite3.connect(db)
    ids = [r[0] for r in c.execute("select id from events order by id")]
    arts = [r[0] for r in c.execute("select id from articles order by id limit 5")]
    pids = [
        r[0]
        for r in c.execute(
            "select distinct place_id from events where place_id is not null order by 1 limit 5"
        )
    ]
    days = [
        r[0]
        for r in c.execute("select distinct date from events where date is not null order by 1")
    ]
    c.close()
    urls = [f"/api/events/{i}" for i in ids]
    urls += [f"/api/events/{ids[0][:6]}", "/api/events/ffffffff", "/api/events/XYZ"]
    urls += [f"/api/roundups/{i}" for i in ids[:5]] + [f"/api/articles/{a}" for a in arts]
    urls += [
        "/api/events", "/api/events?limit=5", "/api/events?limit=3&offset=4",
        "/api/events?status=all", "/api/events?country=SYR", "/api/events?country=IRQ&limit=2",
        "/api/events?type=Battles", "/api/events?type=Air/drone%20strike",
        "/api/events?actor=ISIS", "/api/events?source=Reuters", "/api/events?place=Raqqa",
        "/api/events?place=Albu%20Kamal", f"/api/events?since={days[0]}&until={days[-1]}",
        "/api/events?limit=5&cursor=2017-11-01_0", "/api/events?country=XXX",
        "/api/events?type=nothing", "/api/events?bogus=1", "/api/events?limit=0",
    ]  # fmt: skip
    urls += [f"/api/control?as_of={d}" for d in days[::5]]
    urls += [f"/api/control?as_of={d}&country=SYR" for d in days[::7]]
    urls += [
        "/api/control", "/api/control?country=IRQ", "/api/control?bbox=35,30,50,40",
        "/api/control?as_of=bad",
    ]  # fmt: skip
    urls += [f"/api/places/{p}/control" for p in pids]
    urls += ["/api/places?q=Raqqa", "/api/places?q=Deir", "/api/summary", "/api/timeline"]
    urls += ["/api/timeline?country=SYR", f"/api/comments?target_type=event&target_id={ids[0]}"]
    return urls


async def get(app: Any, url: str) -> tuple[int, str]:
    """One GET through the ASGI app: (status, body)."""
    path, _, query = url.partition("?")
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path.replace("%20", " "), "raw_path": path.encode(),
        "query_string": query.encode(), "root_path": "", "headers": [(b"host", b"local")],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    status = 0
    body = b""

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, body
        if message["type"] == "http.response.start":
            status = message["status"]
        else:
            body += message.get("body", b"")

    await app(scope, receive, send)
    return status, body.decode("utf-8")


async def main(db: str) -> None:
    app = create_app(load_config(), db=db)
    urls = urls_of(db)
    out = {}
    for rep in range(2):
        for url in urls:
            out[f"{rep} {url}"] = list(await get(app, url))
    print(json.dumps(out, indent=0, sort_keys=True))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
