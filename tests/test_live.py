"""sitrep follow: feeds and pages served from 127.0.0.1, state, back-off, alerts."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import ConfigError
from sitrep.live.alerts import SIGNATURE_HEADER, list_alerts
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_from_arg, feed_specs
from sitrep.live.state import load_feeds
from sitrep.read.en.extract import Extractor
from sitrep.store import open_store

# Short reports written for these tests.
RAWA = (
    "Iraqi forces recaptured the town of Rawa from ISIS on Friday after a short battle, "
    "the army said. Engineers were clearing explosives from the main road into the town."
)
QAIM = (
    "The Iraqi army said on Thursday that its troops had retaken Al Qaim from ISIS fighters. "
    "Residents who fled in the summer began to return to the western districts."
)
MAYADIN = (
    "Syrian government forces seized control of Mayadin from ISIS on Saturday, state media "
    "reported. The town on the Euphrates had been held by the group for three years."
)
HIT = (
    "Iraqi troops retook the town of Hit from ISIS on Wednesday, a military spokesman said, "
    "after a week of fighting along the river."
)


def page(title: str, text: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Page Site Name"></head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1><p>{text}</p></article>"
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()


def rss(title: str, items: list[tuple[str, str, str]], *, full: bool = False) -> bytes:
    """RSS 2.0; items are (guid, link, text); ``full`` puts the text in content:encoded."""
    body = "".join(
        f"<item><guid>{g}</guid><title>Report {g}</title><link>{link}</link>"
        "<pubDate>Fri, 17 Nov 2017 10:00:00 GMT</pubDate>"
        "<description>A short teaser.</description>"
        + (f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>" if full else "")
        + "</item>"
        for g, link, text in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{title}</title><link>http://127.0.0.1/</link>"
        f"<description>News</description>{body}</channel></rss>"
    ).encode()


def atom(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<entry><id>{g}</id><title>Report {g}</title><link href='{link}'/>"
        "<updated>2017-11-16T08:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{text}&lt;/p&gt;</content></entry>"
        for g, link, text in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test</id><updated>2017-11-16T08:00:00Z</updated>"
        f"{entries}</feed>"
    ).encode()


def json_feed(title: str, items: list[tuple[str, str, str]]) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "items": [
                {
                    "id": g,
                    "url": link,
                    "content_text": text,
                    "date_published": "2017-11-19T09:00:00Z",
                }
                for g, link, text in items
            ],
        }
    ).encode()


class LocalServer(ThreadingHTTPServer):
    """A threaded server whose listen queue holds many feeds fetched at once.

    With the default backlog of 5, connections beyond it are dropped and the
    client retries a second later, which looks like a slow server.
    """

    request_queue_size = 128
    daemon_threads = True


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0


@dataclass
class Site:
    """A tiny web site on 127.0.0.1 whose pages the test sets; it logs every request."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str, dict[str, str], bytes]] = field(default_factory=list)
    url: str = ""

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for m, p, h, _ in self.requests if p == path and m == "GET"]


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _record(self, body: bytes = b"") -> None:
            state.requests.append((self.command, self.path, dict(self.headers), body))

        def do_GET(self) -> None:  # noqa: N802
            self._record()
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            if route.etag:
                self.send_header("ETag", route.etag)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            self._record(body)
            route = state.routes.get(self.path)
            self.send_response(route.status if route else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = LocalServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def live_config(app_config: Config, tmp_path: Path, **changes: Any) -> Config:
    settings: dict[str, Any] = {
        "db": str(tmp_path / "live.db"),
        "follow_host_delay_ms": 0,
        "follow_host_concurrency": 4,
        "follow_timeout": 2,
    }
    return app_config.with_(**{**settings, **changes})


def articles_by_url(db: str) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("select url, count(*) from articles group by url").fetchall()
    return {r[0]: r[1] for r in rows}


def test_rss_atom_and_json_feeds_are_followed_once(
    app_config: Config, extractor: Extractor, tmp_path: Path, site: Site
) -> None:
    u = site.url
    site.routes["/rss.xml"] = Route(
        rss("Wire One", [("r1", f"{u}/a/rawa", ""), ("r2", f"{u}/a/qaim", "")]),
        content_type="application/rss+xml",
        etag='"v1"',
    )
    site.routes["/a/rawa"] = Route(page("Rawa retaken", RAWA))
    site.routes["/a/qaim"] = Route(page("Qaim retaken", QAIM))
    site.routes["/atom.xml"] = Route(
        atom("Atom Daily", [("urn:m1", f"{u}/a/mayadin", MAYADIN)]),
        content_type="application/atom+xml",
    )
    site.routes["/feed.json"] = Route(
        json_feed("Json Times", [("j1", f"{u}/a/hit", HIT)]), content_type="application/json"
    )
    config = live_config(app_config, tmp_path)
    specs = [feed_from_arg(f"{u}/rss.xml"), feed_from_arg(f"{u}/atom.xml")]
    specs.append(feed_from_arg(f"{u}/feed.json"))
    with open_store(config.db) as store:
        follower = Follower(config, store, specs, extractor=extractor)
        first = follower.poll(once=True)
        assert first.failed == []
        assert (first.items, first.articles) == (4, 4)
        # full text in the feed (Atom content, JSON content_text): no page fetched
        assert site.hits("/a/mayadin") == [] and site.hits("/a/hit") == []
        assert len(site.hits("/a/rawa")) == 1
        stored = articles_by_url(config.db)
        assert set(stored) == {f"{u}/a/rawa", f"{u}/a/qaim", f"{u}/a/mayadin", f"{u}/a/hit"}
        assert all(n == 1 for n in stored.values())
        with store.engine.connect() as conn:
            outlets = {r[0] for r in conn.exec_driver_sql("select outlet from articles")}
        # no outlet configured: the feed's title names it (not the page's site name)
        assert outlets == {"Wire One", "Atom Daily", "Json Times"}
        assert store.counts()["events"] >= 3

        second = follower.poll(once=True)
        assert (second.items, second.articles) == (0, 0)
        assert second.not_modified == 1  # the RSS feed, by its ETag
        assert site.hits("/rss.xml")[-1].get("If-None-Match") == '"v1"'
        assert len(site.hits("/a/rawa")) == 1

        # a new item: only it is fetched and stored
        site.routes["/rss.xml"] = Route(
            rss(
                "Wire One",
                [("r3", f"{u}/a/rawa2", ""), ("r1", f"{u}/a/rawa", ""), ("r2", f"{u}/a/qaim", "")],
            ),
            content_type="application/rss+xml",
            etag='"v2"',
        )
        site.routes["/a/rawa2"] = Route(page("Rawa: more", RAWA.replace("Friday", "Saturday")))
        third = follower.poll(once=True)
        assert (third.items, third.articles) == (1, 1)
        assert len(site.hits("/a/rawa")) == 1
        ua = site.hits("/rss.xml")[0].get("User-Agent", "")
        assert ua.startswith("sitrep/")


def test_failing_feeds_are_reported_and_backed_off(
    app_config: Config, extractor: Extractor, tmp_path: Path, site: Site
) -> None:
    u = site.url
    site.routes["/good.xml"] = Route(rss("Good", [("g1", f"{u}/a/rawa", RAWA)], full=True))
    site.routes["/500.xml"] = Route(b"oops", status=500)
    site.routes["/broken.xml"] = Route(b"<?xml version='1.0'?><rss><channel><title>x</ti")
    site.routes["/slow.xml"] = Route(rss("Slow", []), delay=6.0)
    site.routes["/huge.xml"] = Route(
        rss("Huge", [("h1", f"{u}/a/huge", ""), ("p1", f"{u}/private/p1", "")])
    )
    site.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    site.routes["/private/p1"] = Route(page("Private", QAIM))
    site.routes["/a/huge"] = Route(page("Huge", RAWA + " word" * 100_000))
    config = live_config(app_config, tmp_path, follow_timeout=2, max_article_bytes=200_000)
    # a feed over the size limit (as a 20 MB one is over the default 5 MB)
    site.routes["/big.xml"] = Route(rss("Big", [("b1", f"{u}/a/b1", "word " * 60_000)], full=True))
    names = ["good", "500", "broken", "slow", "huge", "big"]
    specs = [feed_from_arg(f"{u}/{n}.xml") for n in names]
    with open_store(config.db) as store:
        follower = Follower(config, store, specs, extractor=extractor)
        # the slow feed must fail as "timed out" (asserted below), not hold the poll
        first = follower.poll(once=True)
        failed = dict(first.failed)
        assert set(failed) == {f"{u}/{n}.xml" for n in ("500", "broken", "slow", "big")}
        assert "over the limit" in failed[f"{u}/big.xml"]
        assert "HTTP 500" in failed[f"{u}/500.xml"]
        assert "broken XML" in failed[f"{u}/broken.xml"]
        assert "timed out" in failed[f"{u}/slow.xml"]
        # the good feed went on; the over-size page is an item failure, reported
        assert first.articles == 1
        assert any("over the limit" in r for _, r in first.item_failures), first.item_failures
        assert any("robots.txt" in r for _, r in first.item_failures)
        assert site.hits("/private/p1") == []
        states = load_feeds(store)
        bad = states[f"{u}/500.xml"]
        assert bad.failures == 1 and bad.next_poll is not None
        assert bad.next_poll - bad.last_poll == pytest.approx(60, abs=1)
        # polled again at once: the failing feeds wait out their back-off
        before = len(site.hits("/500.xml"))
        second = follower.poll(once=True)
        assert second.polled == 2 and len(site.hits("/500.xml")) == before
        # once the back-off has passed, it is polled again (and fails again: 120 s next)
        later = Follower(config, store, specs, extractor=extractor, clock=lambda: time.time() + 61)
        third = later.poll()
        assert f"{u}/500.xml" in dict(third.failed)
        bad = load_feeds(store)[f"{u}/500.xml"]
        assert bad.failures == 2 and bad.next_poll - bad.last_poll == pytest.approx(120, abs=1)


def test_drop_folder_reads_new_files_once(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "rawa.txt").write_text(RAWA, "utf-8")
    (drop / ".partial.txt").write_text(QAIM, "utf-8")  # being written: hidden
    config = live_config(app_config, tmp_path, feeds=[{"path": str(drop), "outlet": "Desk"}])
    specs = feed_specs(config)
    assert specs[0].outlet == "Desk"
    with open_store(config.db) as store:
        follower = Follower(config, store, specs, extractor=extractor)
        assert follower.poll(once=True).articles == 1
        assert follower.poll(once=True).items == 0
        (drop / ".partial.txt").rename(drop / "qaim.txt")
        assert follower.poll(once=True).articles == 1


def test_webhook_receives_each_alert_once_signed(
    app_config: Config,
    extractor: Extractor,
    tmp_path: Path,
    site: Site,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    u = site.url
    monkeypatch.setenv("TEST_HOOK_SECRET", "s3cret")
    site.routes["/rss.xml"] = Route(rss("Wire One", [("r1", f"{u}/a/rawa", RAWA)], full=True))
    config = live_config(
        app_config,
        tmp_path,
        alerts=[
            {"name": "iraq-towns", "when": "control_change", "countries": ["IQ"]},
            {"name": "syria", "when": "control_change", "countries": ["SYR"]},
        ],
        webhooks=[{"url": f"{u}/hook", "secret_env": "TEST_HOOK_SECRET"}],
    )
    with open_store(config.db) as store:
        monkeypatch.delenv("TEST_HOOK_SECRET")
        with pytest.raises(ConfigError, match="TEST_HOOK_SECRET"):
            Follower(config, store, [], extractor=extractor)  # fails at start, not mid-poll
        monkeypatch.setenv("TEST_HOOK_SECRET", "s3cret")
        follower = Follower(config, store, [feed_from_arg(f"{u}/rss.xml")], extractor=extractor)
        assert follower.poll(once=True).alerts == 1
        follower.poll(once=True)
        posts = [(h, b) for m, p, h, b in site.requests if m == "POST" and p == "/hook"]
        assert len(posts) == 1
        headers, body = posts[0]
        expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
        assert headers[SIGNATURE_HEADER] == expected
        alert = json.loads(body)
        assert alert["rule"] == "iraq-towns" and alert["place"]["geonames_id"] == 92004
        assert alert["sources"] == ["Wire One"]
        assert alert["roundup"].startswith("/api/roundups/")
        assert [a["id"] for a in list_alerts(store)] == [alert["id"]]

    from click.testing import CliRunner

    from sitrep.faces.cli.main import _attach_subgroups, cli

    _attach_subgroups()
    shown = CliRunner().invoke(cli, ["--db", config.db, "alerts", "--json"], obj={})
    assert shown.exit_code == 0 and json.loads(shown.output)["id"] == alert["id"]


def test_a_failing_webhook_is_retried_with_back_off(
    app_config: Config,
    extractor: Extractor,
    tmp_path: Path,
    site: Site,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sitrep.live.alerts import deliver
    from sitrep.live.settings import webhooks
    from sitrep.live.state import live_deliveries

    u = site.url
    monkeypatch.setenv("TEST_HOOK_SECRET", "s3cret")
    site.routes["/rss.xml"] = Route(rss("Wire One", [("r1", f"{u}/a/rawa", RAWA)], full=True))
    site.routes["/hook"] = Route(b"", status=503)
    config = live_config(
        app_config,
        tmp_path,
        alerts=[{"name": "battles", "when": "new_event", "event_type": "Battles"}],
        webhooks=[{"url": f"{u}/hook", "secret_env": "TEST_HOOK_SECRET"}],
    )
    clock = [1_000_000.0]
    with open_store(config.db) as store:
        follower = Follower(
            config,
            store,
            [feed_from_arg(f"{u}/rss.xml")],
            extractor=extractor,
            clock=lambda: clock[0],
        )
        assert follower.poll(once=True).alerts == 1
        with store.engine.connect() as conn:
            row = conn.execute(live_deliveries.select()).mappings().one()
        assert (row["status"], row["attempts"], row["next_try"]) == ("pending", 1, clock[0] + 10)
        # not due yet: nothing sent
        assert deliver(store, webhooks(config), now=clock[0] + 5) == (0, 0)
        site.routes["/hook"] = Route(b"", status=200)
        assert deliver(store, webhooks(config), now=clock[0] + 10) == (1, 0)
        assert deliver(store, webhooks(config), now=clock[0] + 100) == (0, 0)
    posts = [p for m, p, _, _ in site.requests if m == "POST"]
    assert len(posts) == 2  # one refused, one accepted


@contextlib.contextmanager
def _followed_rawa(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> Iterator[tuple[Any, Follower, Path]]:
    """A web app's test client over a store the follower filled from a folder that holds
    the Rawa report; yields the client, the follower and the folder."""
    import warnings

    with warnings.catch_warnings():
        # Starlette asks for httpx2 instead of httpx; the TestClient works the same with both.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from sitrep.faces.web.app import create_app

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "rawa.txt").write_text(RAWA, "utf-8")
    config = live_config(
        app_config, tmp_path, feeds=[{"path": str(drop), "outlet": "Desk", "country": "iq"}]
    )
    with open_store(config.db) as store:
        follower = Follower(config, store, feed_specs(config), extractor=extractor)
        follower.poll(once=True)
        yield TestClient(create_app(config, comment_rate=None)), follower, drop


def test_health_status_and_stream(app_config: Config, extractor: Extractor, tmp_path: Path) -> None:
    with _followed_rawa(app_config, extractor, tmp_path) as (client, follower, drop):
        assert client.get("/api/health").json() == {"status": "ok", "database": "ok"}
        status = client.get("/api/status").json()
        assert status["articles"] == 1 and status["failing"] == 0
        (feed,) = status["feeds"]
        assert feed["kind"] == "folder" and feed["items"] == 1 and feed["lag_seconds"] >= 0
        assert (feed["outlet"], feed["country"]) == ("Desk", "IQ")
        assert client.get("/api/alerts").json() == {"items": []}
        assert client.get("/api/alerts?limit=0").status_code == 422

        def later() -> None:
            time.sleep(1.5)
            (drop / "qaim.txt").write_text(QAIM, "utf-8")
            follower.poll(once=True)

        writer = threading.Thread(target=later)
        writer.start()
        res = client.get("/api/stream?timeout=6")
        writer.join()
    assert res.headers["content-type"].startswith("text/event-stream")
    kinds = [line.split(": ", 1)[1] for line in res.text.splitlines() if line.startswith("event:")]
    assert kinds[0] == "hello" and "update" in kinds
    updates = _updates(res.text)
    assert updates[-1]["articles"] == 2 and updates[-1]["new_events"]


def _updates(stream: str) -> list[dict[str, Any]]:
    """The data of each ``update`` in a server-sent events stream's text."""
    return [
        json.loads(line[6:])
        for line in stream.splitlines()
        if line.startswith("data:") and "new_events" in line
    ]


def test_stream_since_reports_events_stored_before_it_opened(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> None:
    """A page drew its summary, then an event was stored before its stream connected
    (a loaded server, a reconnect): with ``since`` it still hears of that event, and
    only of it; without ``since`` nothing changed while the stream was open."""
    with _followed_rawa(app_config, extractor, tmp_path) as (client, follower, drop):
        seen = client.get("/api/summary").json()
        assert seen["ingested_until"] and seen["events"] >= 1
        first = {e["id"] for e in client.get("/api/events?limit=500").json()["items"]}
        (drop / "qaim.txt").write_text(QAIM, "utf-8")
        follower.poll(once=True)
        since = urlencode({"since": seen["ingested_until"]})  # "+00:00" in a URL
        (update,) = _updates(client.get("/api/stream?timeout=1&" + since).text)
        assert update["new_events"] and not set(update["new_events"]) & first
        latest = client.get("/api/events?limit=500").json()["items"]
        assert set(update["new_events"]) == {e["id"] for e in latest} - first
        assert _updates(client.get("/api/stream?timeout=1").text) == []


def test_stream_names_events_merged_an_update_after_their_article(
    app_config: Config, extractor: Extractor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article is stored before the merge gives its mentions an event: the stream
    sees the new article in one update and its events in a later one, and still names
    them as new then (each once), without reading every event id per update."""
    import asyncio

    from sqlalchemy import delete, insert, select, update

    from sitrep.live import web
    from sitrep.store.schema import events, mentions

    monkeypatch.setattr(web, "STREAM_POLL", 0.01)
    with _followed_rawa(app_config, extractor, tmp_path) as (client, follower, drop):
        store = follower.store
        before = {e["id"] for e in client.get("/api/events?limit=500").json()["items"]}

        async def run() -> list[dict[str, Any]]:
            stream = web._stream(store, timeout=30)
            assert "retry" in await stream.__anext__()
            assert "hello" in await stream.__anext__()
            (drop / "qaim.txt").write_text(QAIM, "utf-8")
            follower.poll(once=True)
            # undo the merge of the new article's mentions: the article without events
            with store.engine.begin() as conn:
                rows = conn.execute(events.select().where(events.c.id.not_in(before))).all()
                links = conn.execute(
                    select(mentions.c.id, mentions.c.event_id).where(
                        mentions.c.event_id.not_in(before)
                    )
                ).all()
                conn.execute(
                    update(mentions).where(mentions.c.event_id.not_in(before)).values(event_id=None)
                )
                conn.execute(delete(events).where(events.c.id.not_in(before)))
            first = json.loads((await stream.__anext__()).split("data: ", 1)[1])
            with store.engine.begin() as conn:  # the merge, an update later
                conn.execute(insert(events), [r._asdict() for r in rows])
                for mention_id, event_id in links:
                    conn.execute(
                        update(mentions)
                        .where(mentions.c.id == mention_id)
                        .values(event_id=event_id)
                    )
            second = json.loads((await stream.__anext__()).split("data: ", 1)[1])
            await stream.aclose()
            return [first, second, {"new": sorted({r.id for r in rows})}]

        first, second, merged = asyncio.run(run())
    assert merged["new"] and first["new_events"] == []
    assert sorted(second["new_events"]) == merged["new"]


DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"


def _demo_feeds(site: Site, n_feeds: int) -> list[str]:
    """``n_feeds`` RSS feeds carrying the demo reports in full (content:encoded)."""
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines()]
    urls = []
    for f in range(n_feeds):
        items = [
            (f"f{f}-{i}", f"{site.url}/a/{f}/{i}", r["text"].replace("\n", "</p><p>"))
            for i, r in enumerate(rows)
        ]
        site.routes[f"/feed{f}.xml"] = Route(rss(f"Outlet {f}", items, full=True))
        urls.append(f"{site.url}/feed{f}.xml")
    return urls


def _snapshot(db: Path) -> dict[str, Any]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return {
            "articles": sorted(conn.execute("select id, outlet from articles").fetchall()),
            "events": sorted(conn.execute("select id, n_mentions, sources from events").fetchall()),
            "items": sorted(conn.execute("select feed, item, article_id from live_items")),
            "feeds": sorted(conn.execute("select key, failures, items_new from live_feeds")),
        }


def test_kill_9_mid_poll_then_restart_gives_the_same_database(
    app_config: Config, tmp_path: Path, site: Site
) -> None:
    import os
    import signal
    import sqlite3
    import subprocess
    import sys

    urls = _demo_feeds(site, 2)
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'cache_dir = "{app_config.cache_dir}"\nfollow_host_delay_ms = 0\n'
        "follow_host_concurrency = 4\n",
        "utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_CONFIG")}

    def cmd(db: Path) -> list[str]:
        return [sys.executable, "-m", "sitrep", "--config", str(cfg), "--db", str(db)] + [
            "follow",
            "--once",
            *urls,
        ]

    clean = tmp_path / "clean.db"
    subprocess.run(cmd(clean), env=env, check=True, capture_output=True, timeout=300)

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(
        cmd(killed), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(killed) as conn:
                if conn.execute("select count(*) from articles").fetchone()[0] >= 5:
                    break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the follower finished before it could be killed; give it more items")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    subprocess.run(cmd(killed), env=env, check=True, capture_output=True, timeout=300)
    assert _snapshot(killed) == _snapshot(clean)
    assert len(_snapshot(clean)["articles"]) == 2 * 21


def test_a_failed_page_is_retried_though_its_feed_is_unchanged(
    app_config: Config, extractor: Extractor, tmp_path: Path, site: Site
) -> None:
    u = site.url
    site.routes["/rss.xml"] = Route(rss("Wire One", [("r1", f"{u}/a/rawa", "")]), etag='"v1"')
    site.routes["/a/rawa"] = Route(b"busy", status=503)
    config = live_config(app_config, tmp_path)
    with open_store(config.db) as store:
        follower = Follower(config, store, [feed_from_arg(f"{u}/rss.xml")], extractor=extractor)
        first = follower.poll(once=True)
        assert first.articles == 0 and "HTTP 503" in first.item_failures[0][1]
        assert first.failed == []  # the feed itself is fine
        site.routes["/a/rawa"] = Route(page("Rawa retaken", RAWA))
        second = follower.poll(once=True)
        assert second.not_modified == 1 and second.articles == 1
        third = follower.poll(once=True)
        assert (third.items, third.articles) == (0, 0)
    assert len(site.hits("/a/rawa")) == 2


def test_follow_command_exit_codes_and_json_logs(
    app_config: Config, tmp_path: Path, site: Site
) -> None:
    import logging

    from click.testing import CliRunner

    from sitrep.faces.cli.main import _attach_subgroups, cli
    from sitrep.live.logs import JsonLines

    site.routes["/500.xml"] = Route(b"oops", status=500)
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\nfollow_host_delay_ms = 0\n', "utf-8")
    _attach_subgroups()
    base = ["--config", str(cfg), "--db", str(tmp_path / "f.db"), "follow", "--once"]
    runner = CliRunner()
    logger = logging.getLogger("sitrep")
    saved = (logger.handlers[:], logger.level)
    try:
        failed = runner.invoke(cli, [*base, "--json", f"{site.url}/500.xml"], obj={})
        missing = runner.invoke(cli, [*base, str(tmp_path / "no-such-folder")], obj={})
        nothing = runner.invoke(cli, base, obj={})
    finally:  # `follow` sets up JSON logs on stderr; other tests keep theirs
        logger.handlers[:], logger.level = saved[0], saved[1]
    assert failed.exit_code == 1, failed.output
    summary = json.loads(failed.stdout)
    assert "HTTP 500" in summary["failed_sources"][0]["reason"]
    assert missing.exit_code == 3 and "neither an http(s) feed URL" in missing.output
    assert nothing.exit_code == 3 and "nothing to follow" in nothing.output

    record = logging.LogRecord("sitrep.live", logging.WARNING, "f", 1, "source failed", (), None)
    record.fields = {"source": "http://x/feed", "failures": 2}
    line = json.loads(JsonLines().format(record))
    assert line["msg"] == "source failed" and line["failures"] == 2 and line["level"] == "warning"


def test_a_report_that_disputes_the_holder_raises_a_contradiction(
    app_config: Config, extractor: Extractor, tmp_path: Path, site: Site
) -> None:
    u = site.url
    taken = "Syrian government forces captured Abu Kamal from ISIS on Wednesday, the army said."
    disputed = "ISIS fighters recaptured Abu Kamal from Syrian government forces on Wednesday."
    site.routes["/one.xml"] = Route(rss("Wire One", [("a1", f"{u}/a/1", taken)], full=True))
    config = live_config(
        app_config,
        tmp_path,
        alerts=[
            {"name": "changes", "when": "control_change", "places": ["174448"]},
            {"name": "disputes", "when": "contradiction", "countries": ["SY"]},
        ],
    )
    with open_store(config.db) as store:
        specs = [feed_from_arg(f"{u}/one.xml"), feed_from_arg(f"{u}/two.xml")]
        follower = Follower(config, store, specs[:1], extractor=extractor)
        assert follower.poll(once=True).alerts == 1
        site.routes["/two.xml"] = Route(rss("Wire Two", [("b1", f"{u}/a/2", disputed)], full=True))
        follower = Follower(config, store, specs, extractor=extractor)
        follower.poll(once=True)
        assert follower.poll(once=True).alerts == 0
        alerts = list_alerts(store)
    kinds = [(a["rule"], a["kind"]) for a in alerts]
    # the later report is the stronger one: the map shows ISIS, and says it is disputed
    assert kinds == [
        ("changes", "control_change"),
        ("changes", "control_change"),
        ("disputes", "contradiction"),
    ]
    assert [a["controller"] for a in alerts] == ["Government of Syria", "ISIS", "ISIS"]
    (dispute,) = [a for a in alerts if a["kind"] == "contradiction"]
    assert dispute["contradictions"] and dispute["disputed"]


def test_stream_counts_rows_only_when_the_database_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An idle stream reads the generation each poll, never count(*) of the tables:
    the counts run once when it opens and again only after a committed write."""
    import asyncio

    from sqlalchemy import insert

    from sitrep.live import web
    from sitrep.store.schema import meta

    monkeypatch.setattr(web, "STREAM_POLL", 0.01)
    monkeypatch.setattr(web, "KEEPALIVE", 0.005)
    counted = []
    real_version = web._version

    def version(store: Any) -> tuple[int, str | None, int]:
        counted.append(1)
        return real_version(store)

    monkeypatch.setattr(web, "_version", version)
    with open_store(str(tmp_path / "idle.db")) as store:

        async def run() -> tuple[int, int]:
            stream = web._stream(store, timeout=30)
            assert "retry" in await stream.__anext__()
            assert "hello" in await stream.__anext__()
            for _ in range(5):  # idle polls: keep-alives only
                assert "keep-alive" in await stream.__anext__()
            idle = len(counted)
            with store.engine.begin() as conn:  # any committed write
                conn.execute(insert(meta).values(key="test", value="1"))
            for _ in range(3):
                await stream.__anext__()
            await stream.aclose()
            return idle, len(counted)

        idle, after = asyncio.run(run())
    assert idle == 1
    assert after == 2
