"""The API's answer cache: kept per database generation, never stale after an ingest.

Every committed write raises the database generation (sitrep.store.database), and
the web app keeps an answer only for the generation it was read under, so a GET
after an ingest sees the new events; ETag / If-None-Match give 304 while nothing
changed, and a kept answer is byte for byte what the endpoint writes.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from conftest import PG_URL, SQL_BACKENDS, ingest_reports
from sqlalchemy import event, select, update

from sitrep.core.config import Config
from sitrep.store import events, open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

FIRST = [
    (
        "Wire One",
        "2017-11-09",
        "Syrian government forces captured Abu Kamal from ISIS on Wednesday, the army said.",
    ),
]
LATER = [
    (
        "Wire Two",
        "2017-11-12",
        "Islamic State militants took back Albu Kamal from the Syrian army on Saturday.",
    ),
    (
        "Wire Three",
        "2017-11-18",
        "Iraqi forces recaptured the town of Rawa from ISIS on Friday, the army said.",
    ),
]
URLS = (
    "/api/events",
    "/api/events?country=SYR&limit=5",
    "/api/control?as_of=2017-11-30",
    "/api/timeline",
)


@pytest.mark.parametrize("backend", SQL_BACKENDS)
def test_generation_moves_with_writes_only(tmp_path: Path, backend: str) -> None:
    db = str(tmp_path / "g.db") if backend == "sqlite" else str(PG_URL)
    with open_store(db) as store, open_store(db, readonly=True) as reader:
        with store.writer.begin() as conn:
            conn.exec_driver_sql("DELETE FROM sitrep_meta WHERE key IN ('probe', 'p2')")
        before = reader.generation()
        with store.engine.begin() as conn:  # a transaction that only reads
            conn.execute(select(events)).all()
        with store.writer.begin() as conn:  # a write that changes no row
            conn.execute(update(events).where(events.c.id == "none").values(fatalities=1))
        assert reader.generation() == before
        with store.writer.begin() as conn:
            conn.exec_driver_sql("INSERT INTO sitrep_meta (key, value) VALUES ('probe', 'x')")
        after = reader.generation()
        assert after != before
        try:
            with store.writer.begin() as conn:
                conn.exec_driver_sql("INSERT INTO sitrep_meta (key, value) VALUES ('p2', 'x')")
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
        assert reader.generation() == after  # a rolled-back write leaves it


def test_cache_is_never_stale_after_an_ingest(app_config: Config, tmp_path: Path) -> None:
    from sitrep.faces.web.app import create_app

    db = tmp_path / "c.db"
    ingest_reports(app_config, FIRST, db)
    with (
        TestClient(create_app(app_config, db=str(db))) as cached,
        TestClient(create_app(app_config, db=str(db), cache_bytes=0)) as plain,
    ):
        first = {u: cached.get(u) for u in URLS}
        for url, r in first.items():
            assert r.status_code == 200, url
            assert r.headers["etag"].startswith('"')
            again = cached.get(url)  # kept: the same bytes, the same tag
            assert again.content == r.content and again.headers["etag"] == r.headers["etag"]
            assert plain.get(url).content == r.content  # what the endpoint itself writes
            unchanged = cached.get(url, headers={"If-None-Match": r.headers["etag"]})
            assert unchanged.status_code == 304 and unchanged.content == b""
        n_before = len(first["/api/events"].json()["items"])
        one = first["/api/events"].json()["items"][0]["id"]
        assert cached.get(f"/api/events/{one}").status_code == 200

        ingest_reports(app_config, [*FIRST, *LATER], tmp_path / "more.db")  # elsewhere: no effect
        assert cached.get("/api/events").content == first["/api/events"].content
        ingest_reports(app_config, LATER, db)  # the served database gains events

        fresh = cached.get(
            "/api/events", headers={"If-None-Match": first["/api/events"].headers["etag"]}
        )
        assert fresh.status_code == 200  # the old tag no longer matches
        assert len(fresh.json()["items"]) > n_before
        assert fresh.headers["etag"] != first["/api/events"].headers["etag"]
        for url in URLS:
            assert cached.get(url).content == plain.get(url).content, url
        assert cached.get("/api/control?as_of=2017-11-30").content != (
            first["/api/control?as_of=2017-11-30"].content
        )
        # an error is sent as it is, never kept
        assert cached.get("/api/events/ffffffff").status_code == 404
        assert "etag" not in cached.get("/api/events/ffffffff").headers


def _response_cache(app: Any) -> Any:
    from sitrep.faces.web.cache import ResponseCache

    layer = app.middleware_stack
    while layer is not None and not isinstance(layer, ResponseCache):
        layer = getattr(layer, "app", None)
    assert layer is not None, "the app has no ResponseCache"
    return layer


def test_a_body_read_while_a_write_commits_is_not_kept(app_config: Config, tmp_path: Path) -> None:
    """A write that commits while an endpoint reads (after its first query, before the
    rest): the body may hold rows from both sides of the commit, so it is sent but not
    kept, under the generation read before it or any other; the next quiet read is."""
    from sitrep.faces.web.app import create_app

    db = tmp_path / "race.db"
    ingest_reports(app_config, FIRST, db)
    app = create_app(app_config, db=str(db))
    engine = app.state.backend.store.engine
    queries = {"n": 0, "armed": False}

    def write_midway(*_args: Any) -> None:
        if not queries["armed"]:
            return
        queries["n"] += 1
        if queries["n"] == 2:  # the endpoint has read once: a write commits now
            queries["armed"] = False
            with open_store(str(db)) as store, store.writer.begin() as conn:
                conn.exec_driver_sql(
                    "INSERT INTO sitrep_meta (key, value) VALUES ('race-probe', 'x')"
                )

    event.listen(engine, "before_cursor_execute", write_midway)
    try:
        with (
            TestClient(app) as cached,
            TestClient(create_app(app_config, db=str(db), cache_bytes=0)) as plain,
        ):
            cached.get("/api/timeline")  # builds the middleware stack
            cache = _response_cache(app)
            cache.clear()
            before = app.state.backend.store.generation()
            queries["armed"] = True
            raced = cached.get("/api/events")
            assert raced.status_code == 200
            assert queries["n"] >= 2 and not queries["armed"], "the write did not happen midway"
            assert app.state.backend.store.generation() != before
            assert cache.raced == 1
            assert not [key for key in cache.entries if key[0] == "/api/events"]
            # the next read is quiet: kept, and what the endpoint writes now
            hits = cache.hits
            quiet = cached.get("/api/events")
            assert quiet.content == plain.get("/api/events").content
            assert cached.get("/api/events").content == quiet.content
            assert cache.hits == hits + 1 and cache.raced == 1
    finally:
        event.remove(engine, "before_cursor_execute", write_midway)


def test_workers_share_their_answers(app_config: Config, tmp_path: Path) -> None:
    """Two workers of one server (two apps on one SharedAnswers file): an answer one
    read is sent by the other without reading it, byte for byte, under the same
    generation only; after a write neither sends the old one."""
    from sitrep.faces.web.app import create_app
    from sitrep.faces.web.cache import SharedAnswers

    db = tmp_path / "w.db"
    ingest_reports(app_config, FIRST, db)
    shared = str(tmp_path / "answers.db")
    SharedAnswers.create(shared)
    one, two = (create_app(app_config, db=str(db), shared_cache=shared) for _ in range(2))
    with (
        TestClient(one) as first,
        TestClient(two) as second,
        TestClient(create_app(app_config, db=str(db), cache_bytes=0)) as plain,
    ):
        first.get("/api/timeline")  # builds both middleware stacks
        second.get("/api/timeline")
        a, b = _response_cache(one), _response_cache(two)
        for url in URLS:
            read = first.get(url)
            misses = b.misses
            kept = second.get(url)
            assert kept.content == read.content == plain.get(url).content, url
            assert kept.headers["etag"] == read.headers["etag"]
            assert kept.headers["content-type"] == read.headers["content-type"]
            assert b.misses == misses, f"{url}: the second worker read it afresh"
        assert b.shared_hits == len(URLS) and a.shared_hits == 0
        ingest_reports(app_config, LATER, db)  # a write: the kept answers are of the old one
        misses = b.misses
        for url in URLS:
            assert second.get(url).content == plain.get(url).content, url
        assert b.misses == misses + len(URLS)
        assert first.get("/api/events").content == plain.get("/api/events").content
        assert a.shared_hits == 1  # the second worker's fresh read


def test_shared_answers_stay_within_their_bound(tmp_path: Path) -> None:
    from sitrep.faces.web.cache import SharedAnswers, _Entry

    path = str(tmp_path / "answers.db")
    SharedAnswers.create(path)
    shared = SharedAnswers(path, max_bytes=100_000)
    body = b"x" * 1000
    for k in range(640):
        shared.put((f"/api/events/{k}", b""), "g1", _Entry([(b"a", b"b")], body, "t"))
    kept = [k for k in range(640) if shared.get((f"/api/events/{k}", b""), "g1") is not None]
    assert 50 <= len(kept) <= 100 and kept == list(range(640 - len(kept), 640))
    assert shared.get(("/api/events/639", b""), "g2") is None
    got = shared.get(("/api/events/639", b""), "g1")
    assert got is not None and got.body == body and got.headers == [(b"a", b"b")]
