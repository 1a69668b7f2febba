"""The read side at scale: keyset pages, indexed lookups, stored control timelines.

Functional checks on a small synthetic store (the figures come from
``sitrep bench api``, never from a timed test).
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from sitrep.control import all_timelines, as_of
from sitrep.core.config import Config
from sitrep.store import CONTROL_KEY, control_spans, events, meta, open_store
from sitrep.store.items import refresh_items
from sitrep.views.queries import EventFilter, get_event, iter_events

with warnings.catch_warnings():
    # starlette's test client warns about httpx: not ours to fix
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def bench_db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    from sitrep.quality.bench.api import build_synthetic_store

    path = str(tmp_path_factory.mktemp("scale") / "scale.db")
    counts = build_synthetic_store(app_config, path, events_n=1500, n_places=300)
    assert counts["events"] == 1500 and counts["mentions"] >= 1500
    return path


@pytest.fixture(scope="module")
def client(app_config: Config, bench_db: str) -> Iterator[TestClient]:
    from sitrep.faces.web import create_app

    with TestClient(create_app(app_config, db=bench_db)) as c:
        yield c


def _walk(client: TestClient, url: str) -> list[str]:
    seen: list[str] = []
    next_url: str | None = url
    while next_url:
        page = client.get(next_url).json()
        seen += [e["id"] for e in page["items"]]
        next_url = page["next"]
        if next_url:
            assert "cursor=" in next_url and page["next_cursor"] in next_url
    return seen


@pytest.mark.parametrize(
    "query, f",
    [
        ("", EventFilter()),
        ("country=SYR", EventFilter(country="SYR")),
        ("type=territory&since=2016-01-01", EventFilter(type="territory", since=date(2016, 1, 1))),
        (
            "source=Reuters&status=all",
            EventFilter(
                source="Reuters",
                statuses=("occurred", "claimed", "denied", "expected", "background"),
            ),
        ),  # fmt: skip
        ("actor=isis&until=2015-06-30", EventFilter(actor="isis", until=date(2015, 6, 30))),
    ],
)
def test_cursor_pages_cover_every_event_once_in_order(
    client: TestClient, bench_db: str, query: str, f: EventFilter
) -> None:
    with open_store(bench_db, readonly=True) as store:
        expected = [e["id"] for e in iter_events(store, f)]
    assert expected
    assert _walk(client, f"/api/events?limit=97&{query}") == expected
    # the offset form still works, and gives the same slice
    page = client.get(f"/api/events?limit=20&offset=40&{query}").json()
    assert [e["id"] for e in page["items"]] == expected[40:60]


def _merged_reads(store: Any) -> list[list[list[str]]]:
    """Pages of a country's (and an actor's) events read three ways: merged from one
    index range per place (per actor role), and by ``place_id IN (...)`` (by an OR of
    the roles) through the date walk and through the place index."""
    from sqlalchemy import func

    import sitrep.views.queries as q
    from sitrep.store import places

    with store.engine.connect() as conn:  # the country of several places with most events
        country = (
            conn.execute(
                select(places.c.country)
                .join(events, events.c.place_id == places.c.id)
                .group_by(places.c.country)
                .having(func.count(places.c.id.distinct()) > 1)
                .order_by(func.count().desc())
            )
            .scalars()
            .first()
        )
    assert country is not None
    filters = (
        EventFilter(country=country),
        EventFilter(country=country, type="territory", offset=2, limit=3),
        EventFilter(country=country, after=(date(2016, 1, 1), "0"), offset=1, limit=4),
        EventFilter(country=country, actor="isis", since=date(2015, 1, 1)),
        EventFilter(actor="sdf"),
        EventFilter(actor="isis"),
        EventFilter(actor="isis", since=date(2016, 1, 1), offset=5, limit=30),
        EventFilter(actor=f"{country.lower()}-military", after=(date(2016, 1, 1), "0")),
        # newest first: the same merge, ranges and cursors read the other way
        EventFilter(country=country, newest_first=True, offset=2, limit=5),
        EventFilter(country=country, newest_first=True, after=(date(2016, 6, 1), "z"), limit=4),
        EventFilter(actor="isis", newest_first=True, since=date(2015, 1, 1), limit=7),
    )
    saved = q._MERGE_ARMS, q._PLACE_INDEX_SHARE
    got = []
    try:
        for merge, share in ((400, 0.01), (0, 0.0), (0, 2.0)):
            q._MERGE_ARMS, q._PLACE_INDEX_SHARE = merge, share
            q._PLACE_SHARE_SEEN.clear()
            got.append([[e["id"] for e in iter_events(store, f)] for f in filters])
    finally:
        q._MERGE_ARMS, q._PLACE_INDEX_SHARE = saved
        q._PLACE_SHARE_SEEN.clear()
    return got


def test_merged_pages_read_as_plain_conditions_do(bench_db: str) -> None:
    """A country's events merged per place, an actor's per role, or read by an IN list
    (either index) and an OR: the same events in the same order, offsets and cursors
    included."""
    with open_store(bench_db, readonly=True) as store:
        merged, by_date_walk, by_index = _merged_reads(store)
    assert len(merged[0]) > 5 and merged == by_date_walk == by_index


def test_pages_of_one_shape_share_one_statement(bench_db: str) -> None:
    """Pages whose filters differ only in their values (days, a cursor, an offset) run
    one statement built once, with the values bound: each is the plain list's slice."""
    from sitrep.views import queries as q

    with open_store(bench_db, readonly=True) as store:
        f = EventFilter(since=date(2015, 1, 1), until=date(2016, 1, 1))
        everything = [e["id"] for e in iter_events(store, f)]
        assert len(everything) > 40
        q._STATEMENTS.clear()
        pages = []
        for day in (date(2015, 1, 1), date(2015, 3, 1), date(2015, 6, 1)):
            g = replace(f, since=day, limit=10, offset=3)
            pages.append([e["id"] for e in iter_events(store, g)])
        assert len(q._STATEMENTS) == 1
        later = [e["id"] for e in iter_events(store, replace(f, since=date(2015, 6, 1)))]
        assert pages[2] == later[3:13]
        assert pages[0] == everything[3:13]


def _undated_reads(store: Any, nulls_first: bool) -> None:
    """Offsets and cursors across the undated events (first in SQLite, last in
    PostgreSQL) give the slices of the whole list, in the order the database sorts."""
    from sitrep.views.queries import ALL_STATUSES

    with store.engine.begin() as conn:
        ids = list(conn.execute(select(events.c.id).order_by(events.c.id).limit(5)).scalars())
        conn.execute(events.update().where(events.c.id.in_(ids)).values(date=None))
        # associated actors on a few events (the synthetic ones have none), one undated
        assoc = list(conn.execute(select(events.c.id).order_by(events.c.id).limit(40)).scalars())
        conn.execute(
            events.update().where(events.c.id.in_(assoc[4:40:3])).values(assoc_actors='["sdf"]')
        )
        # rows changed outside a merge: their stored items follow, as a merge's would
        refresh_items(conn, [*ids, *assoc[4:40:3]])
    merged, by_date_walk, by_index = _merged_reads(store)
    assert merged[0] and merged[4] and merged == by_date_walk == by_index
    f = EventFilter(statuses=ALL_STATUSES)
    everything = [e["id"] for e in iter_events(store, f)]
    undated = sorted(ids)
    assert (everything[:5] if nulls_first else everything[-5:]) == undated
    n = len(everything)
    for offset in (0, 3, 5, 7, n - 7, n - 5, n - 3, n + 2):
        page = [e["id"] for e in iter_events(store, replace(f, offset=offset, limit=10))]
        assert page == everything[offset : offset + 10], offset
    for k in (1, 4, n - 6, n - 4):  # a cursor at a dated and an undated event
        item = next(iter_events(store, replace(f, event_ids=[everything[k]])))
        after = (date.fromisoformat(item["date"]) if item["date"] else None, item["id"])
        page = [e["id"] for e in iter_events(store, replace(f, after=after, offset=2, limit=9))]
        assert page == everything[k + 3 : k + 12], k
    # newest first is the same list backwards (undated events at the other end), by
    # offset and by cursor
    newest = [e["id"] for e in iter_events(store, replace(f, newest_first=True))]
    assert newest == everything[::-1]
    g = replace(f, newest_first=True)
    for k in (1, 4, n - 6, n - 4):
        item = next(iter_events(store, replace(f, event_ids=[newest[k]])))
        after = (date.fromisoformat(item["date"]) if item["date"] else None, item["id"])
        page = [e["id"] for e in iter_events(store, replace(g, after=after, offset=2, limit=9))]
        assert page == newest[k + 3 : k + 12], k


def test_undated_events_page_by_offset_and_cursor(app_config: Config, tmp_path: Path) -> None:
    from sitrep.quality.bench.api import build_synthetic_store

    path = str(tmp_path / "undated.db")
    build_synthetic_store(app_config, path, events_n=400, n_places=600)
    with open_store(path) as store:
        _undated_reads(store, nulls_first=True)
        _event_without_stored_item(store)


def test_a_bad_cursor_is_a_clear_422(client: TestClient) -> None:
    r = client.get("/api/events?cursor=yesterday")
    assert r.status_code == 422 and "cursor" in r.json()["message"]


def test_one_event_by_id_and_by_prefix(client: TestClient, bench_db: str) -> None:
    with open_store(bench_db, readonly=True) as store:
        first = next(iter_events(store, EventFilter(limit=1)))
        assert get_event(store, first["id"][:12].upper())["id"] == first["id"]
    got = client.get(f"/api/events/{first['id']}").json()
    # one event's answer also names its actors' aliases (the list pages do not)
    assert set(got.pop("actors")) >= {first["actor1"]} - {None}
    assert got == first


def _fresh_as_of(store: Any, day: date, country: str | None = None) -> list[dict[str, Any]]:
    """as_of computed from the events, as before timelines were stored."""
    out = []
    for ref, spans in all_timelines(store):
        if country and ref.country != country:
            continue
        for span in spans:
            if span.holds_on(day):
                d = span.as_dict()
                out.append(
                    {
                        "place": ref.to_dict(),
                        "controller": d["controller"],
                        "since": d["start"],
                        "since_precision": d["start_precision"],
                        "disputed": d["disputed"],
                        "confidence": d["confidence"],
                        "sources": d["sources"],
                    }
                )
    return out


def test_stored_timelines_answer_as_the_events_do(bench_db: str) -> None:
    with open_store(bench_db, readonly=True) as store:
        for day, country in ((date(2015, 3, 1), None), (date(2018, 7, 9), "SYR")):
            stored = as_of(store, day, country=country)
            assert stored and stored == _fresh_as_of(store, day, country)


def test_an_older_database_is_brought_up_to_date(app_config: Config, tmp_path: Path) -> None:
    """A database from before the stored timelines and the new indexes: opening it
    for writing adds both, and as_of answers the same before and after."""
    from sitrep.quality.bench.api import build_synthetic_store

    path = str(tmp_path / "old.db")
    build_synthetic_store(app_config, path, events_n=300, n_places=60)
    with open_store(path) as store, store.engine.begin() as conn:
        conn.execute(delete(control_spans))
        conn.execute(delete(meta).where(meta.c.key == CONTROL_KEY))
        conn.execute(text("DROP INDEX ix_events_place_date"))
    with open_store(path, readonly=True) as store:
        day = date(2017, 1, 1)
        before = as_of(store, day)  # computed: the table is not trusted yet
        assert before == _fresh_as_of(store, day)
    with open_store(path) as store:
        names = {i["name"] for i in inspect(store.engine).get_indexes("events")}
        assert "ix_events_place_date" in names
        with store.engine.connect() as conn:
            assert conn.execute(select(meta.c.value).where(meta.c.key == CONTROL_KEY)).first()
            assert conn.execute(select(control_spans.c.place_id)).first() is not None
        assert as_of(store, day) == before


def test_ingest_keeps_stored_timelines_current(app_config: Config, tmp_path: Path) -> None:
    from sitrep.pipeline import ingest

    src = tmp_path / "r.jsonl"
    rows = [
        ("Wire One", "2017-11-09", "Syrian troops captured Abu Kamal from ISIS on Wednesday."),
        ("Wire Two", "2017-11-12", "ISIS fighters recaptured Abu Kamal from the Syrian army."),
        ("Wire One", "2017-11-20", "Syrian troops retook Abu Kamal from ISIS on Sunday."),
    ]
    with open_store(str(tmp_path / "t.db")) as store:
        for i, (outlet, day, body) in enumerate(rows):
            src.write_text(
                json.dumps({"outlet": outlet, "published": day, "text": body, "url": f"u{i}"})
            )
            ingest([src], config=app_config, store=store, workers=1)
            for probe in (date(2017, 11, 10), date(2017, 11, 14), date(2017, 11, 25)):
                assert as_of(store, probe) == _fresh_as_of(store, probe)
        with store.engine.connect() as conn:
            assert conn.execute(select(events.c.id)).first() is not None
        assert as_of(store, date(2017, 11, 25)), "the timeline is stored"


def test_bench_api_command_runs_tiny_and_keeps_its_database(tmp_path: Path) -> None:
    from sitrep.faces.cli.main import cli

    kept = tmp_path / "kept.db"
    args = ["bench", "api", "--events", "400", "--clients", "3", "--seconds", "10"]
    args += ["--requests", "15", "--keep-db", str(kept), "--json"]
    runner = CliRunner()
    result = runner.invoke(cli, args, obj={})
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["endpoints"]) == {"/api/events/{id}", "/api/events", "/api/control"}
    for name, figures in out["endpoints"].items():
        assert figures["errors"] == 0, (name, figures["error_examples"])
        assert figures["requests"] == 15
        assert {"rps", "p50_ms", "p99_ms", "errors"} <= set(figures)
        assert isinstance(out["targets"][name]["met"], bool)
    assert kept.exists() and out["store"]["events"] == 400
    again = json.loads(runner.invoke(cli, [*args[:-1], "--json"], obj={}).stdout)
    assert again["store"].get("reused") == 1


PG_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")


@pytest.mark.skipif(
    not PG_URL, reason="no PostgreSQL server: set SITREP_TEST_POSTGRES_URL (`.ci/run` starts one)"
)
def test_postgres_pages_by_cursor_and_stores_timelines(app_config: Config) -> None:
    """On PostgreSQL (NULL dates sort last there): cursor pages, the place index path
    and stored timelines give what the plain reads give."""
    from sitrep.quality.bench.api import build_synthetic_store
    from sitrep.store import metadata

    assert PG_URL is not None
    with open_store(PG_URL) as store:
        metadata.drop_all(store.engine)
    build_synthetic_store(app_config, PG_URL, events_n=600, n_places=600)
    with open_store(PG_URL) as store:
        with store.engine.begin() as conn:  # a few undated events, as real data has
            ids = list(conn.execute(select(events.c.id).order_by(events.c.id).limit(5)).scalars())
            conn.execute(events.update().where(events.c.id.in_(ids)).values(date=None))
            # events changed outside a merge: their places' stored timelines are
            # refreshed as a merge would (the synthetic towns are now world-wide, so
            # one of them can be a place whose control changes)
            from sitrep.store import refresh_control

            touched = conn.execute(select(events.c.place_id).where(events.c.id.in_(ids)))
            refresh_control(conn, [p for (p,) in touched if p is not None])
            refresh_items(conn, ids)
        everything = [e["id"] for e in iter_events(store, EventFilter())]
        walked: list[str] = []
        after = None
        while True:
            page = list(iter_events(store, EventFilter(limit=37, after=after)))
            walked += [e["id"] for e in page]
            if len(page) < 37:
                break
            after = (
                date.fromisoformat(page[-1]["date"]) if page[-1]["date"] else None,
                page[-1]["id"],
            )
        assert walked == everything and len(set(walked)) == len(walked)
        _undated_reads(store, nulls_first=False)
        day = date(2017, 1, 1)
        assert as_of(store, day) == _fresh_as_of(store, day)
        _postgres_source_pages(store)
        _postgres_generation_reads(store)
        _event_without_stored_item(store)
        _postgres_comment_counts(store)
        _postgres_timelines_in_turn(store)
    _postgres_read_connections()


def _postgres_read_connections() -> None:
    """A read-only store reads in autocommit, so a pooled connection goes back to the
    pool without a ROLLBACK and psycopg keeps the statements it prepared (a ROLLBACK
    made it forget them: none was ever used); each statement is still planned for its
    values."""
    assert PG_URL is not None
    with open_store(PG_URL, readonly=True) as store:
        for _ in range(8):  # psycopg prepares a statement on its fifth run
            with store.engine.connect() as conn:
                assert conn.connection.dbapi_connection.autocommit
                conn.execute(select(events.c.id).where(events.c.id == "0")).all()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW plan_cache_mode").scalar() == "force_custom_plan"
            prepared = conn.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements")
            assert prepared.scalar_one() > 0
        # and it cannot write, even by mistake (SQLite readers have PRAGMA query_only)
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW default_transaction_read_only").scalar() == "on"
        with (
            pytest.raises(DBAPIError, match="read-only transaction"),
            store.engine.connect() as conn,
        ):
            conn.execute(events.update().where(events.c.id == "0").values(date=None))


def _postgres_timelines_in_turn(store: Any) -> None:
    """Two transactions rebuilding one place's timeline (two ingests merging two blocks
    with events of the place) take turns: the second waits for the first to commit,
    then writes what it reads. Both used to rewrite it at once, and the second failed
    on the first's spans (a unique violation on control_spans; test_concurrency, now
    and then)."""
    import threading

    from sitrep.store import refresh_control

    def spans(conn: Any, place: int) -> list[Any]:
        s = control_spans
        return list(conn.execute(select(s).where(s.c.place_id == place).order_by(s.c.seq)))

    with store.engine.connect() as conn:
        place = conn.execute(select(func.min(control_spans.c.place_id))).scalar_one()
        before = spans(conn, place)
    assert before
    errors: list[Exception] = []
    second_pid: list[int] = []
    with open_store(str(PG_URL)) as other:

        def second() -> None:
            try:
                with other.engine.begin() as conn:
                    second_pid.append(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
                    refresh_control(conn, [place])
            except Exception as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)

        thread = threading.Thread(target=second)
        with store.engine.begin() as conn:
            refresh_control(conn, [place])
            thread.start()
            # the first commits only once the second waits on it (a lock not granted)
            with store.engine.connect() as probe:
                waits = text("SELECT count(*) FROM pg_locks WHERE pid = :pid AND NOT granted")
                for _ in range(1200):
                    if second_pid and probe.execute(waits, {"pid": second_pid[0]}).scalar():
                        break
                    thread.join(0.05)
                else:
                    raise AssertionError("the second rebuild never waited for the first")
        thread.join()
    assert errors == []
    with store.engine.connect() as conn:
        assert spans(conn, place) == before


def _postgres_comment_counts(store: Any) -> None:
    """A page's comment counts: zero while the generation at which none was published
    is current, and a published comment is counted as soon as it is committed."""
    from sitrep.moderation.comments import published_counts
    from sitrep.store.schema import comments

    first = next(iter_events(store, EventFilter(limit=1)))["id"]
    assert published_counts(store, [first]) == {first: 0}
    assert published_counts(store, [first]) == {first: 0}  # the generation says so
    row = {
        "target_type": "event",
        "target_id": first,
        "author": "a reader",
        "text": "a sourced report",
        "created_at": "2026-01-01T00:00:00+00:00",
        "verdict": "publish",
        "reasons": "[]",
        "policy_version": "test",
        "language": "en",
        "status": "published",
    }
    with store.engine.begin() as conn:
        conn.execute(comments.insert().values(**row))
    assert published_counts(store, [first]) == {first: 1}
    with store.engine.begin() as conn:
        conn.execute(delete(comments))
    assert published_counts(store, [first]) == {first: 0}


def _postgres_source_pages(store: Any) -> None:
    """The outlet filter has planner statistics on PostgreSQL, and its pages (from the
    first row, by cursor, by offset) are the plain list's slices."""
    with store.engine.connect() as conn:
        names = set(conn.exec_driver_sql("SELECT stxname FROM pg_statistic_ext").scalars())
    assert "events_lower_sources" in names
    everything = list(iter_events(store, EventFilter()))
    for outlet in ("reuters", "Associated Press", "al "):
        meant = [
            e["id"] for e in everything if any(outlet.lower() in s.lower() for s in e["sources"])
        ]
        f = EventFilter(source=outlet, limit=25)
        first = list(iter_events(store, f))
        assert [e["id"] for e in first] == meant[:25]
        cut = (date.fromisoformat(first[-1]["date"]), first[-1]["id"])
        assert [e["id"] for e in iter_events(store, replace(f, after=cut))] == meant[25:50]
        assert [e["id"] for e in iter_events(store, replace(f, offset=30))] == meant[30:55]


def _postgres_generation_reads(store: Any) -> None:
    """The generation is read on the store's own connection: it sees a write that
    another connection commits, and a connection the server dropped is opened again."""
    before = store.generation()
    with store.engine.begin() as conn:
        conn.execute(meta.update().where(meta.c.key == "schema").values(value=meta.c.value))
    after = store.generation()
    assert int(after) == int(before) + 1
    pid = store._generation._conn.info.backend_pid
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
    assert store.generation() == after
    assert store._generation._conn.info.backend_pid != pid


def _event_without_stored_item(store: Any) -> None:
    """One event by id is its stored item, read with the event in one statement; an
    event without one (not stored yet) is built from its rows, the same item."""
    from sitrep.store import event_items

    first = next(iter_events(store, EventFilter(limit=1)))
    assert get_event(store, first["id"]) == first
    with store.engine.begin() as conn:
        conn.execute(delete(event_items).where(event_items.c.event_id == first["id"]))
    assert get_event(store, first["id"]) == first
    with store.engine.begin() as conn:
        refresh_items(conn, [first["id"]])


def test_items_built_from_rows_are_the_records_items(bench_db: str) -> None:
    """The event items of pages and of one event (the stored ones) are
    ``Event.to_dict()`` of the records, field for field and in the same key order."""
    from sitrep.views.queries import get_event_record, iter_event_records

    with open_store(bench_db, readonly=True) as store:
        compared = 0
        for f in (
            EventFilter(limit=300),
            EventFilter(limit=120, country="SYR", statuses=("occurred", "claimed", "background")),
            EventFilter(limit=80, actor="ISIS", offset=7),
            EventFilter(limit=60, type="territory", newest_first=True),
        ):
            items = list(iter_events(store, f))
            records = [e.to_dict() for e in iter_event_records(store, f)]
            assert items and json.dumps(items) == json.dumps(records)
            compared += sum(bool(e["agreements"] or e["disagreements"]) for e in items)
            for e in items[:20]:
                one = get_event(store, e["id"])
                assert json.dumps(one) == json.dumps(get_event_record(store, e["id"]).to_dict())
        assert compared > 0  # some events had reports to compare
