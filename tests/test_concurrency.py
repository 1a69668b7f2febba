"""Two ingests into one database (SQLite, or PostgreSQL when a server is given) at once
give what one ingest gives."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import PG_URL, SQL_BACKENDS
from test_pipeline import DEMO, snapshot

from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import metadata, open_store


def _start(
    base: list[str], db: Path | str, src: Path, env: dict[str, str]
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*base, "--db", str(db), "ingest", str(src), "--quiet"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _all_succeed(procs: list[subprocess.Popen[str]], *, timeout: float) -> None:
    try:
        for proc in procs:
            _, err = proc.communicate(timeout=timeout)
            assert proc.returncode == 0, err[-2000:]
    finally:
        # a failed assertion leaves the other process running with open pipes, which
        # would surface as a ResourceWarning in whichever test runs next
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()


_OPEN = """
import sys, time
from sitrep.store import open_store
start = float(sys.argv[2])
while time.time() < start:  # spin, not sleep: all start within a microsecond or so
    pass
open_store(sys.argv[1]).close()
"""


def test_processes_opening_one_new_database_at_once_all_open_it(tmp_path: Path) -> None:
    # switching a new database to WAL takes an exclusive lock for which SQLite calls no
    # busy handler: the second of two ingests starting together on a new database
    # failed at once with "database is locked" (one CI run in a few)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for trial in range(10):
        db = tmp_path / f"new{trial}.db"
        start = time.time() + 2.0  # after every process has imported sitrep
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN, str(db), str(start)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        _all_succeed(procs, timeout=120)


@pytest.mark.parametrize("backend", SQL_BACKENDS)
def test_two_concurrent_ingests_equal_one(tmp_path: Path, app_config: Config, backend: str) -> None:
    lines = DEMO.read_text("utf-8").splitlines(keepends=True)
    # overlapping halves: both processes store the shared middle, both new databases
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[: 2 * len(lines) // 3]), "utf-8")
    second.write_text("".join(lines[len(lines) // 3 :]), "utf-8")
    alone = tmp_path / "alone.db"
    with open_store(str(alone)) as store:
        ingest([first, second], config=app_config, store=store, workers=1)
    expected = snapshot(alone)
    assert expected["counts"]["articles"] == len(lines)  # type: ignore[index]

    cfg = tmp_path / "c.toml"
    cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\nworkers = 1\n', "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_CONFIG", "SITREP_DB")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    base = [sys.executable, "-m", "sitrep", "--config", str(cfg)]
    for trial in range(2):  # each time on a new database: the schema is created in a race
        db: Path | str = tmp_path / f"both{trial}.db"
        if backend == "postgresql":
            db = str(PG_URL)
            with open_store(db) as store:
                metadata.drop_all(store.engine)  # no tables: both create them at once
        procs = [_start(base, db, first, env), _start(base, db, second, env)]
        _all_succeed(procs, timeout=240)
        got = snapshot(db)
        assert got["counts"] == expected["counts"]

        # the events, not their ids: whichever ingest finishes first publishes its
        # events' ids and the other's re-merges keep them (stable public ids, README);
        # one ingest alone publishes the content ids of the whole set
        def grouping(snap: dict[str, Any]) -> list[Any]:
            return sorted((e[1:] for e in snap["events"]), key=repr)

        assert grouping(got) == grouping(expected)
        if backend == "sqlite":
            with open_store(str(db), readonly=True) as store, store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
