"""Disk full and write errors during ingest: a clear error, an intact database, a clean rerun.

- disk full as SQLite meets it (``PRAGMA max_page_count``: SQLITE_FULL at a chosen
  size of the database), at several points of the run;
- a real full disk (a small tmpfs; where this process may mount one, as root in CI);
- write errors: a fault-injecting layer at the driver (the k-th statement fails
  with ``disk I/O error``, as SQLITE_IOERR would).

Each time ``sitrep ingest`` must exit 3 saying which database, why and what to do,
the database must pass ``PRAGMA integrity_check`` and the orphan queries of the
kill harness, and once the fault is gone the same ingest must end with the events
of an uninterrupted run.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from sqlalchemy.engine import Engine
from test_killsafe import (  # noqa: F401 - fixtures shared with the kill harness
    SEED,
    corpus,
    database_problems,
    events_json,
    loaded,
    reference,
)

from sitrep.core.config import Config
from sitrep.faces.cli.main import cli


def _ingest(config_file: Path, db: Path, src: Path) -> Any:
    return CliRunner().invoke(
        cli,
        ["--config", str(config_file), "--db", str(db), "ingest", str(src), "--quiet"],
        obj={},
    )


@contextmanager
def _listening(target: Any, name: str, fn: Any) -> Iterator[None]:
    event.listen(target, name, fn)
    try:
        yield
    finally:
        event.remove(target, name, fn)


def _assert_clear_failure(res: Any, db: Path, words: tuple[str, ...]) -> None:
    assert res.exit_code == 3, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    message = res.output.lower()
    assert str(db).lower() in message, res.output
    assert any(w in message for w in words), res.output
    assert "[parameters:" not in message, res.output  # no article text in the error
    if "cannot open database" not in message:  # full before the tables were made: no advice
        assert "run the same ingest again" in message, res.output


def _rerun_equals(config_file: Path, db: Path, src: Path, expected: list[Any]) -> None:
    assert not database_problems(db)
    res = _ingest(config_file, db, src)
    assert res.exit_code in (0, 1), res.output  # 1: the corpus has one unusable line
    assert not database_problems(db)
    assert events_json(config_file, db) == expected


def test_disk_full_at_several_sizes(
    loaded: Config,  # noqa: F811 - the fixtures imported above
    corpus: Path,  # noqa: F811
    reference: tuple[Path, list[Any]],  # noqa: F811
    tmp_path: Path,
) -> None:
    config_file, expected = reference
    clean = tmp_path / "clean.db"
    _ingest(config_file, clean, corpus)
    with sqlite3.connect(clean) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    rng = random.Random(SEED)
    # at schema creation, while storing articles, near the end (merging, timelines)
    for fraction in (0.05, rng.uniform(0.2, 0.6), rng.uniform(0.6, 0.95)):
        limit = max(2, int(pages * fraction))
        db = tmp_path / f"full{limit}.db"

        def cap(dbapi_connection: Any, _record: Any, limit: int = limit) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count={limit}")

        with _listening(Engine, "connect", cap):
            res = _ingest(config_file, db, corpus)
        _assert_clear_failure(res, db, ("full",))
        _rerun_equals(config_file, db, corpus, expected)


def test_write_errors(
    loaded: Config,  # noqa: F811 - the fixtures imported above
    corpus: Path,  # noqa: F811
    reference: tuple[Path, list[Any]],  # noqa: F811
    tmp_path: Path,
) -> None:
    config_file, expected = reference
    counted: list[int] = []

    def count(*_args: Any) -> None:
        counted.append(1)

    with _listening(Engine, "before_cursor_execute", count):
        _ingest(config_file, tmp_path / "count.db", corpus)
    rng = random.Random(SEED + 1)
    faults = 0
    for trial in range(4):
        fail_at = rng.randint(1, len(counted))
        seen = [0]

        def failing(*_args: Any, seen: list[int] = seen, fail_at: int = fail_at) -> bool:
            seen[0] += 1
            if seen[0] == fail_at:
                raise sqlite3.OperationalError("disk I/O error")
            return False  # not handled here: the driver runs it

        db = tmp_path / f"ioerr{trial}.db"
        with (
            _listening(Engine, "do_execute", failing),
            _listening(Engine, "do_executemany", failing),
        ):
            res = _ingest(config_file, db, corpus)
        if seen[0] < fail_at:  # the statement count of this run was lower
            continue
        faults += 1
        _assert_clear_failure(res, db, ("i/o",))
        _rerun_equals(config_file, db, corpus, expected)
    assert faults >= 3


def _can_mount(where: Path) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        return False
    subprocess.run(["umount", str(where)], check=True)
    return True


def test_a_really_full_disk(
    loaded: Config,  # noqa: F811 - the fixtures imported above
    corpus: Path,  # noqa: F811
    reference: tuple[Path, list[Any]],  # noqa: F811
    tmp_path: Path,
) -> None:
    config_file, expected = reference
    small = tmp_path / "small"
    small.mkdir()
    if not _can_mount(small):
        pytest.skip("mounting a small tmpfs needs root on Linux (CI runs as root)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(small)], check=True)
    db = small / "sitrep.db"
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_CONFIG")}
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
        run = subprocess.run(
            [sys.executable, "-m", "sitrep", "--config", str(config_file), "--db", str(db)]
            + ["ingest", str(corpus), "--quiet"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert run.returncode == 3, run.stderr[-3000:]
        assert "Traceback" not in run.stderr
        assert str(db) in run.stderr and "free space" in run.stderr, run.stderr
        assert not database_problems(db)
        moved = tmp_path / "moved.db"  # the user frees space: here, moves the database
        for suffix in ("", "-wal"):
            if Path(f"{db}{suffix}").exists():
                shutil.copyfile(f"{db}{suffix}", f"{moved}{suffix}")
    finally:
        subprocess.run(["umount", str(small)], check=False)
    _rerun_equals(config_file, moved, corpus, expected)


def test_a_database_error_is_said_without_its_statement_and_parameters() -> None:
    from sqlalchemy.exc import OperationalError

    from sitrep.store import driver_reason

    exc = OperationalError(
        "INSERT INTO articles (text) VALUES (?)", ("a whole article",), Exception("disk I/O error")
    )
    reason = driver_reason(exc)
    assert "disk I/O error" in reason
    assert "[SQL:" not in reason and "a whole article" not in reason
