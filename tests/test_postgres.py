"""The same ingest on PostgreSQL gives the same events as on SQLite.

Needs a server: set SITREP_TEST_POSTGRES_URL (for example
postgresql+psycopg://sitrep:sitrep@127.0.0.1:5432/sitrep_test); `.ci/run`
installs and starts one. Elsewhere the test is skipped, saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import metadata, open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"

pytestmark = pytest.mark.skipif(
    not URL,
    reason="no PostgreSQL server: set SITREP_TEST_POSTGRES_URL (`.ci/run` starts one)",
)


def _events(db: str) -> list[tuple[object, ...]]:
    with open_store(db, readonly=True) as store:
        return sorted(
            (
                e["id"],
                e["date"],
                e["status"],
                e["actor1"],
                tuple(e["sources"]),
                (e["place"] or {}).get("geonames_id"),
                len(e["mentions"]),
            )
            for e in iter_events(store, EventFilter(statuses=ALL_STATUSES))
        )


def test_postgres_matches_sqlite(app_config: Config, tmp_path: Path) -> None:
    assert URL is not None
    with open_store(URL) as store:
        metadata.drop_all(store.engine)  # a clean database for this run
    with open_store(URL) as store:
        first = ingest([DEMO], config=app_config, store=store)
        again = ingest([DEMO], config=app_config, store=store)
    assert first.failed == 0 and again.articles == 0 and again.duplicates == first.articles
    sqlite = str(tmp_path / "same.db")
    with open_store(sqlite) as store:
        ingest([DEMO], config=app_config, store=store)
    assert _events(URL) == _events(sqlite)
