"""Each event's JSON item, stored with it (sitrep.store.items): the same bytes as its
record's ``to_dict()``, kept right through later merges, built for a database from
before stored items, and joined into the web API's pages byte for byte."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import orjson
import pytest
from conftest import write_reports
from sqlalchemy import delete, select, text

from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import ITEMS_KEY, event_items, meta, open_store
from sitrep.views.queries import (
    ALL_STATUSES,
    EventFilter,
    get_event,
    get_event_record,
    iter_event_records,
    iter_events,
)

# Two reports of one takeover and one of a strike, then more reports of each (a
# second ingest rebuilds their blocks: events gain reports, sources, agreements).
FIRST = [
    ("SANA", "2017-11-09", "Syrian army forces took control of Albu Kamal on Thursday."),
    ("Reuters", "2017-11-09", "The Syrian army captured the town of Albu Kamal from ISIS."),
    ("AFP", "2017-11-10", "An air strike hit Raqqa on Thursday, killing 4 civilians."),
]
SECOND = [
    ("BBC", "2017-11-10", "Syrian government forces recaptured Albu Kamal from ISIS."),
    ("Al Jazeera", "2017-11-11", "An air strike struck Raqqa on Thursday, killing 6 people."),
    ("SOHR", "2017-11-12", "ISIS fighters seized Mayadin from the Syrian army on Saturday."),
]


def _stored(db: str) -> dict[str, str]:
    with open_store(db, readonly=True) as store, store.engine.connect() as conn:
        return dict(conn.execute(select(event_items.c.event_id, event_items.c.item)).all())


def _records(db: str) -> dict[str, str]:
    """Each event's item as its record gives it, built afresh from the rows."""
    with open_store(db, readonly=True) as store:
        f = EventFilter(statuses=ALL_STATUSES)
        return {e.id: orjson.dumps(e.to_dict()).decode() for e in iter_event_records(store, f)}


@pytest.fixture(scope="module")
def db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("items")
    path = str(folder / "items.db")
    with open_store(path) as store:
        ingest(
            [write_reports(folder / "a.jsonl", FIRST)], config=app_config, store=store, workers=1
        )
    first = _stored(path)
    assert first and first == _records(path)
    with open_store(path) as store:
        ingest(
            [write_reports(folder / "b.jsonl", SECOND, start=10)],
            config=app_config,
            store=store,
            workers=1,
        )
    assert _stored(path) != first  # the second ingest changed some events
    return path


def test_stored_items_are_the_records_items_after_each_merge(db: str) -> None:
    """One item per event, no item of a retired event left, each what the record
    built from the rows gives, byte for byte (the first ingest is checked in the
    fixture)."""
    stored = _stored(db)
    assert stored == _records(db)
    with open_store(db, readonly=True) as store:
        f = EventFilter(statuses=ALL_STATUSES)
        items = list(iter_events(store, f))
        assert [e["id"] for e in items] == [e.id for e in iter_event_records(store, f)]
        for e in items:
            assert orjson.dumps(e).decode() == stored[e["id"]]
            assert get_event(store, e["id"]) == get_event_record(store, e["id"]).to_dict()
    assert any(len(json.loads(s)["mentions"]) > 1 for s in stored.values())


def test_a_database_from_before_stored_items(db: str, tmp_path: Path) -> None:
    """Read-only, its items are built from the rows; opened writable, they are stored
    once (and the database marked), the same bytes either way."""
    old = str(tmp_path / "old.db")
    shutil.copy(db, old)
    with open_store(old) as store, store.engine.begin() as conn:
        conn.execute(text("DROP TABLE event_items"))
        conn.execute(delete(meta).where(meta.c.key == ITEMS_KEY))
    want = [orjson.dumps(e).decode() for e in _items(db)]
    with open_store(old, readonly=True) as store:
        assert not store.stored_items
        assert [orjson.dumps(e).decode() for e in _items(old)] == want
    with open_store(old) as store, store.engine.connect() as conn:
        assert conn.execute(select(meta.c.value).where(meta.c.key == ITEMS_KEY)).scalar()
    assert _stored(old) == _stored(db)
    # events loaded by other means (in bulk) get their items when a writer stores them
    with open_store(old) as store:
        with store.engine.begin() as conn:
            conn.execute(delete(event_items))
        assert [orjson.dumps(e).decode() for e in _items(old)] == want  # built as read
        from sitrep.store import store_all_items

        assert store_all_items(store.engine) == len(want)
    assert _stored(old) == _stored(db)


def _items(db: str) -> list[dict[str, Any]]:
    with open_store(db, readonly=True) as store:
        return list(iter_events(store, EventFilter(statuses=ALL_STATUSES)))


def test_a_page_is_the_items_joined(app_config: Config, db: str) -> None:
    """``/api/events`` joins the stored JSON: byte for byte what encoding the page's
    dict, each item with its comment count, gives (first, middle and last pages)."""
    from sitrep.faces.web import create_app

    with warnings.catch_warnings():
        # Starlette asks for httpx2 instead of httpx; the TestClient works the same with both.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    with TestClient(create_app(app_config, db=db, cache_bytes=0)) as client:
        url = "/api/events?status=all&limit=2"
        pages = 0
        while url:
            res = client.get(url)
            assert res.status_code == 200
            body = res.json()
            with open_store(db, readonly=True) as store:
                ids = [e["id"] for e in body["items"]]
                records = {
                    e.id: e.to_dict()
                    for e in iter_event_records(
                        store, EventFilter(statuses=ALL_STATUSES, event_ids=ids)
                    )
                }
            want = {
                **body,
                "items": [{**records[i], "comments": 0} for i in ids],
            }
            assert res.content == orjson.dumps(want)
            pages += 1
            url = body["next"]
        assert pages >= 2
        empty = client.get("/api/events?since=2030-01-01")
        assert empty.content == orjson.dumps(
            {"items": [], **{k: v for k, v in empty.json().items() if k != "items"}}
        )
        one = next(iter(records))
        assert client.get(f"/api/events/{one}").json()["id"] == one


def test_mentions_of_one_sentence_come_in_id_order(db: str, tmp_path: Path) -> None:
    """Two mentions of one sentence in one event are listed by their ids, whatever
    order the database stored them in (PostgreSQL returns ties of the date, article
    and sentence in whatever order it meets them; SQLite in the order inserted)."""
    from sitrep.store import events, mentions
    from sitrep.store.items import event_records

    def reports_after(inserted: list[str]) -> list[str]:
        path = str(tmp_path / f"{inserted[0]}.db")
        shutil.copy(db, path)
        with open_store(path) as store, store.engine.begin() as conn:
            row = dict(
                conn.execute(select(mentions).where(mentions.c.event_id.is_not(None)).limit(1))
                .mappings()
                .one()
            )
            conn.execute(delete(mentions).where(mentions.c.id == row["id"]))
            conn.execute(mentions.insert(), [{**row, "id": i} for i in inserted])
            event = conn.execute(select(events).where(events.c.id == row["event_id"]))
            (record,) = event_records(conn, list(event.mappings()))
        return [r.id for r in record.mentions if r.id in inserted]

    assert reports_after(["zz-second", "aa-first"]) == ["aa-first", "zz-second"]
    assert reports_after(["aa-first", "zz-second"]) == ["aa-first", "zz-second"]
