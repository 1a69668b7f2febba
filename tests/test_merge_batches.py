"""A merge reads and writes its blocks a few hundred at a time, with a few statements
for them all: the stored rows are those of rebuilding the blocks one by one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import sitrep.pipeline as pipeline
from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import event_redirects, open_store, save_redirects

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"

# (a block's redirects old -> new, its live ids), in the order the blocks are rebuilt
STEPS: list[tuple[dict[str, str], list[str]]] = [
    ({"a": "b", "c": "d", "x": "y"}, ["b", "d", "y", "e"]),
    # "a" lives again in the second block: it stops redirecting; "e", live in the
    # first, redirects now; "x" is redirected again, elsewhere
    ({"e": "f", "x": "z"}, ["a", "f", "z"]),
    # "c" is redirected again and lives in this step too: no redirect is left for it
    ({"c": "g"}, ["c", "g"]),
]


def _redirects(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute("SELECT old_id, new_id FROM event_redirects"))


def test_redirects_end_as_after_each_block_in_turn(tmp_path: Path) -> None:
    ends = []
    for name, batches in (("one_by_one", [[s] for s in STEPS]), ("together", [STEPS])):
        path = tmp_path / f"{name}.db"
        with open_store(str(path)) as store:
            with store.writer.begin() as conn:
                # redirects from an earlier ingest, one of them live again below
                conn.execute(
                    event_redirects.insert(),
                    [{"old_id": "f", "new_id": "q"}, {"old_id": "k", "new_id": "m"}],
                )
            for steps in batches:
                with store.writer.begin() as conn:
                    save_redirects(conn, steps)
        ends.append(_redirects(path))
    assert ends[0] == [("e", "f"), ("k", "m"), ("x", "z")]
    assert ends[1] == ends[0]


TABLES = {
    "events": "SELECT * FROM events ORDER BY id",
    "event_items": "SELECT * FROM event_items ORDER BY event_id",
    "event_redirects": "SELECT * FROM event_redirects ORDER BY old_id",
    "mentions": "SELECT id, event_id, block FROM mentions ORDER BY id",
    "published_mentions": "SELECT * FROM published_mentions ORDER BY mention_id",
    "control_spans": "SELECT * FROM control_spans ORDER BY place_id, seq",
}


def _tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        return {name: list(db.execute(query)) for name, query in TABLES.items()}


def test_blocks_read_together_store_what_one_at_a_time_does(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = []
    for per_read in (1, pipeline.BLOCKS_PER_READ):
        monkeypatch.setattr(pipeline, "BLOCKS_PER_READ", per_read)
        path = tmp_path / f"per{per_read}.db"
        with open_store(str(path)) as store:
            # a merge every few reports: blocks are rebuilt over events stored before
            ingest([DEMO], config=app_config, store=store, workers=1, merge_every=3)
        stored.append(_tables(path))
    one, together = stored
    assert one["events"] and one["control_spans"], "the demo must give both"
    assert together == one
