"""SIGKILL at random points of an ingest: a sound database that resumes to the same events.

The harness forks ingest processes from this one (spaCy and the gazetteer are
loaded once, here, and shared copy-on-write), kills them with SIGKILL and checks
the database after every kill:

- ``PRAGMA integrity_check`` is ``ok``;
- no half-stored article: an ``ok`` article has one claim per sentence and all
  its mentions; no mention, claim, place or actor reference points at nothing;
  a merged article's mentions all belong to stored events; control spans name
  stored events;
- every article whose transaction committed before the kill is there (the
  child logs each commit once SQLite has returned from it);
- after a simulated power cut (the write-ahead log cut at a random byte, as
  ``synchronous=NORMAL`` allows: WAL frames are not synced at commit) the same
  holds, and the articles left are exactly a prefix of the committed ones;
- a round of kills ends with an uninterrupted rerun whose ``events --json``
  equals that of a clean run, and whose write-ahead log has been checkpointed.

Kill points are drawn two ways: at the k-th SQL statement or commit of the run
(k uniform over a clean run's count: mid-transaction, between an article and
its claims, mid-merge, between merging and marking articles merged), and at a
uniform random time (startup, reading, the process pool). With ``--workers 2``
the pool's workers, orphaned by the kill, must be gone within 2 s.

``SITREP_KILLS`` sets the number of kills per scenario (default 50, three
scenarios: one process, ``--workers 2``, two concurrent ingests);
``SITREP_KILL_SEED`` replays a run (the seed is printed on failure).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sitrep.core.config import Config
from sitrep.core.resources import load_actors, load_classifier, load_gazetteer, load_nlp
from sitrep.faces.cli.main import cli
from sitrep.pipeline import ingest
from sitrep.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo"
KILLS = int(os.environ.get("SITREP_KILLS", "50"))
SEED = int(os.environ.get("SITREP_KILL_SEED", str(random.SystemRandom().randrange(1 << 30))))
ORPHAN_SECONDS = 2.0
# after this many kills in one round the next run is let finish (each resumed run
# must make progress, and a round must end with a rerun to compare)
KILLS_PER_ROUND = 6

# --- the checks, as SQL against the schema -----------------------------------

ORPHAN_QUERIES = {
    "ok article whose claims are not one per sentence": """
        select a.id from articles a where a.status = 'ok'
        and a.n_sentences != (select count(*) from claims c where c.article_id = a.id)""",
    "article whose mentions are not all stored": """
        select a.id from articles a
        where a.n_mentions != (select count(*) from mentions m where m.article_id = a.id)""",
    "failed article with claims or mentions": """
        select a.id from articles a where a.status = 'failed' and (
            exists (select 1 from claims c where c.article_id = a.id)
            or exists (select 1 from mentions m where m.article_id = a.id))""",
    "claim without its article": """
        select c.article_id from claims c
        where not exists (select 1 from articles a where a.id = c.article_id)""",
    "mention without its article": """
        select m.id from mentions m
        where not exists (select 1 from articles a where a.id = m.article_id)""",
    "mention without its claim": """
        select m.id from mentions m where not exists (select 1 from claims c
            where c.article_id = m.article_id and c.sentence_index = m.sentence_index)""",
    "mention of an unknown place": """
        select m.id from mentions m where m.place_id is not null
        and not exists (select 1 from places p where p.id = m.place_id)""",
    "mention of an unknown actor": """
        select m.id from mentions m, (select m2.id as mid, m2.actor1 as actor from mentions m2
            union all select m3.id, m3.actor2 from mentions m3
            union all select m4.id, j.value from mentions m4, json_each(m4.assoc_actors) j) x
        where x.mid = m.id and x.actor is not null
        and not exists (select 1 from actors t where t.id = x.actor)""",
    "mention pointing at a missing event": """
        select m.id from mentions m where m.event_id is not null
        and not exists (select 1 from events e where e.id = m.event_id)""",
    "merged article with a mention in no event": """
        select m.id from mentions m join articles a on a.id = m.article_id
        where a.merged and m.event_id is null""",
    "event without mentions": """
        select e.id from events e
        where not exists (select 1 from mentions m where m.event_id = e.id)""",
    "control span naming a missing event": """
        select s.place_id from control_spans s, json_each(s.events) j
        where not exists (select 1 from events e where e.id = j.value)""",
}


def database_problems(db: Path) -> list[str]:
    """What is wrong with the database at ``db`` (empty when it is sound)."""
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        conn.execute("PRAGMA busy_timeout=30000")
        check = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            return [f"integrity_check: {check[:5]}"]
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        if "articles" not in tables:  # killed before the schema was committed
            return []
        out = []
        for name, sql in ORPHAN_QUERIES.items():
            rows = conn.execute(sql).fetchall()
            if rows:
                out.append(f"{name}: {len(rows)} (e.g. {rows[0][0]})")
        return out


def stored_article_ids(db: Path) -> set[str]:
    with closing(sqlite3.connect(db, timeout=30)) as conn:
        try:
            return {r[0] for r in conn.execute("select id from articles")}
        except sqlite3.OperationalError:  # no schema yet
            return set()


def power_cut_copy(db: Path, dest: Path, rng: random.Random) -> Path:
    """``db`` as a power cut could leave it under WAL with synchronous=NORMAL.

    At commit SQLite appends frames to the write-ahead log without syncing it; the
    log is synced only before a checkpoint copies it into the database file (which
    is synced after). So a power cut keeps the database file as of the last
    checkpoint and any part of the log: here the log is cut at a random byte, or
    its tail overwritten with zeros (pages written out of order); the shared-memory
    index is rebuilt on open, as after a reboot.
    """
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, dest)
    wal = Path(f"{db}-wal")
    if wal.exists():
        data = wal.read_bytes()
        cut = rng.randrange(len(data) + 1)
        kept = data[:cut] if rng.random() < 0.5 else data[:cut] + bytes(len(data) - cut)
        Path(f"{dest}-wal").write_bytes(kept)
    return dest


# --- the ingest process and its kill points -----------------------------------


class _Commits:
    """SQLAlchemy hooks in the child: count statements, log commits, die at the k-th."""

    def __init__(self, kill_at: int, log: Path, count: Path) -> None:
        self.kill_at = kill_at
        self.n = 0
        self.in_tx: list[str] = []
        self.committing: list[str] = []
        self.log = log
        self.log_fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        self.count = count

    def _tick(self) -> None:
        self.flush()
        self.n += 1
        if self.n == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def flush(self) -> None:
        # the commit event fires before COMMIT runs: its articles are logged at the
        # next event, once COMMIT has returned
        if self.committing:
            os.write(self.log_fd, "".join(f"{a}\n" for a in self.committing).encode())
            self.committing = []

    def before_execute(self, conn: Any, cursor: Any, statement: str, *rest: Any) -> None:
        self._tick()
        context = rest[-2]
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLES"):
            self.in_tx.extend(str(p["id"]) for p in context.compiled_parameters)

    def commit(self, conn: Any) -> None:
        self._tick()
        self.committing, self.in_tx = self.in_tx, []
        # what COMMIT is about to store, for a kill between its return and the log
        # (a transaction holds a batch of articles)
        if self.committing:
            Path(f"{self.log}.committing").write_text(
                "".join(f"{a}\n" for a in self.committing), "utf-8"
            )

    def begin(self, conn: Any) -> None:
        self.flush()

    def rollback(self, conn: Any) -> None:
        self.in_tx = []

    def done(self) -> None:
        self.flush()
        self.count.write_text(str(self.n), "utf-8")


def _child(config: Config, db: Path, src: Path, workers: int, kill_at: int, log: Path) -> None:
    """One ingest run (in a forked process): exits 0, 1 with the traceback, or is killed."""
    os.setpgrp()  # its pool workers share its process group: found after its death
    hooks = _Commits(kill_at, log, Path(f"{log}.count"))
    event.listen(Engine, "before_cursor_execute", hooks.before_execute)
    event.listen(Engine, "commit", hooks.commit)
    event.listen(Engine, "begin", hooks.begin)
    event.listen(Engine, "rollback", hooks.rollback)
    try:
        with open_store(str(db)) as store:
            ingest([src], config=config, store=store, workers=workers)
        hooks.done()
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        Path(f"{log}.error").write_text(traceback.format_exc(), "utf-8")
        os._exit(1)
    os._exit(0)


def _group(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] not in "ZX":
            out.append(int(stat.parent.name))
    return out


@dataclass
class Run:
    """A started child, how it is to be killed, and how it ended."""

    proc: Any
    log: Path
    mode: str  # "statement", "timer" or "none"
    kill_time: float | None
    started: float = field(default_factory=time.monotonic)
    killed: bool = False
    orphan_seconds: float = 0.0


@dataclass
class Harness:
    config: Config
    tmp: Path
    rng: random.Random
    statements: int = 0  # SQL statements and commits of a clean run
    seconds: float = 0.0  # duration of a clean run
    kills: int = 0
    kills_by_mode: dict[str, int] = field(default_factory=dict)
    worst_orphan: float = 0.0
    power_cuts: int = 0
    rounds: int = 0

    def start(self, db: Path, src: Path, workers: int, log: Path, *, kill: bool) -> Run:
        mode = self.rng.choice(["statement", "timer"]) if kill else "none"
        kill_at = self.rng.randint(1, self.statements) if mode == "statement" else 0
        kill_time = self.rng.uniform(0, self.seconds) if mode == "timer" else None
        for leftover in (Path(f"{log}.count"), Path(f"{log}.error")):
            leftover.unlink(missing_ok=True)
        ctx = multiprocessing.get_context("fork")
        proc = ctx.Process(target=_child, args=(self.config, db, src, workers, kill_at, log))
        proc.start()
        return Run(proc, log, mode, kill_time)

    def finish(self, runs: list[Run], timeout: float = 240) -> None:
        """Wait for ``runs``, sending the timed kills; check that orphans exit in time."""
        deadline = time.monotonic() + timeout
        waiting = list(runs)
        while waiting:
            now = time.monotonic()
            assert now < deadline, "an ingest run did not end in time"
            for run in list(waiting):
                if run.kill_time is not None and now - run.started >= run.kill_time:
                    os.kill(run.proc.pid, signal.SIGKILL)
                    run.kill_time = None
                if not run.proc.is_alive():
                    run.proc.join()
                    if run.proc.exitcode == -signal.SIGKILL:
                        self._orphans(run)
                    waiting.remove(run)
            time.sleep(0.005)
        for run in runs:
            if run.proc.exitcode == -signal.SIGKILL:
                run.killed = True
                self.kills += 1
                self.kills_by_mode[run.mode] = self.kills_by_mode.get(run.mode, 0) + 1
            else:
                error = Path(f"{run.log}.error")
                assert run.proc.exitcode == 0, error.read_text() if error.exists() else run
        self.worst_orphan = max([self.worst_orphan, *(r.orphan_seconds for r in runs)])

    def _orphans(self, run: Run) -> None:
        """The killed run's pool workers (its process group, led by it) must end soon."""
        died = time.monotonic()
        group = alive = _group(run.proc.pid)
        while alive and time.monotonic() - died < 10:
            time.sleep(0.02)
            alive = _group(run.proc.pid)
        run.orphan_seconds = time.monotonic() - died
        for pid in alive:  # only if the assertion below is about to fail
            os.kill(pid, signal.SIGKILL)
        assert run.orphan_seconds <= ORPHAN_SECONDS, (
            f"pool workers {group} outlived the killed ingest by {run.orphan_seconds:.1f} s"
        )

    def calibrate(self, db: Path, src: Path) -> None:
        log = self.tmp / "calibrate.log"
        run = self.start(db, src, 1, log, kill=False)
        self.finish([run])
        self.seconds = time.monotonic() - run.started
        self.statements = int(Path(f"{log}.count").read_text())


def committed(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


def events_json(config_file: Path, db: Path) -> list[dict[str, Any]]:
    res = CliRunner().invoke(
        cli,
        ["--config", str(config_file), "--db", str(db), "events", "--json", "--status", "all"],
        obj={},
    )
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)  # type: ignore[no-any-return]


# --- fixtures ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few dozen demo-like reports (English twice under other outlet names, Persian once,
    one unusable line), as one JSONL file."""
    rows = [json.loads(line) for line in (DEMO / "reports.jsonl").read_text("utf-8").splitlines()]
    lines = [json.dumps(dict(r, outlet=f"{r['outlet']} {i}")) for i in range(2) for r in rows]
    lines += (DEMO / "reports_fa.jsonl").read_text("utf-8").splitlines()
    lines.insert(len(lines) // 2, '{"text": ""}')
    out = tmp_path_factory.mktemp("killsafe") / "corpus.jsonl"
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return out


@pytest.fixture(scope="module")
def loaded(app_config: Config) -> Config:
    """The config with every model loaded in this process, so forked children start warm."""
    load_nlp(app_config.spacy_model)
    load_gazetteer(app_config)
    load_actors(app_config)
    load_classifier(app_config)
    return app_config


@pytest.fixture(scope="module")
def reference(
    loaded: Config, corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, list[dict[str, Any]]]:
    """An uninterrupted ingest of the corpus: its config file and ``events --json``."""
    tmp = tmp_path_factory.mktemp("reference")
    config_file = tmp / "c.toml"
    config_file.write_text(f'cache_dir = "{loaded.cache_dir}"\n', "utf-8")
    db = tmp / "clean.db"
    with open_store(str(db)) as store:
        ingest([corpus], config=loaded, store=store, workers=1)
    return config_file, events_json(config_file, db)


def _new_db(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def _report(h: Harness, label: str) -> str:
    return (
        f"{label}: {h.kills} kills ({h.kills_by_mode}) in {h.rounds} rounds, "
        f"{h.power_cuts} power cuts, worst orphan exit {h.worst_orphan:.2f} s, "
        f"clean run {h.seconds:.1f} s / {h.statements} statements, seed {SEED}"
    )


# --- the scenarios ---------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "two-workers"])
def test_sigkill_during_ingest(
    workers: int,
    loaded: Config,
    corpus: Path,
    reference: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
) -> None:
    config_file, expected = reference
    h = Harness(loaded, tmp_path, random.Random(SEED + workers))
    h.calibrate(_new_db(tmp_path / "calibrate.db"), corpus)

    def note(msg: str) -> str:
        return f"{msg}\n{_report(h, f'workers={workers}')}"

    while h.kills < KILLS:
        h.rounds += 1
        db = _new_db(tmp_path / f"round{h.rounds}.db")
        log = tmp_path / f"round{h.rounds}.log"
        for attempt in range(KILLS_PER_ROUND + 1):
            run = h.start(db, corpus, workers, log, kill=attempt < KILLS_PER_ROUND)
            h.finish([run])
            if not run.killed:
                break
            done = committed(log)
            # a power cut is simulated where SQLite was between calls (not mid-checkpoint)
            cut = None
            if db.exists() and run.mode == "statement":
                cut = power_cut_copy(db, tmp_path / "cut.db", h.rng)
            if db.exists():
                problems = database_problems(db)
                assert not problems, note(f"after kill {h.kills} ({run.mode}): {problems}")
                stored = stored_article_ids(db)
                lost = set(done) - stored
                assert not lost, note(f"committed articles lost to a kill: {sorted(lost)[:3]}")
                extra = stored - set(done)
                # a timed kill may land after COMMIT returned but before it was logged:
                # then the extra articles are those of that one transaction
                last_tx = Path(f"{log}.committing")
                allowed = set(committed(last_tx)) if last_tx.exists() else set()
                if run.mode == "statement":
                    allowed = set()
                assert extra <= allowed, note(f"uncommitted articles stored: {extra}")
                last_tx.unlink(missing_ok=True)  # the next attempt logs its own
                if extra:  # committed last, by the killed run
                    done += sorted(extra)
                    log.write_text("".join(f"{a}\n" for a in done), "utf-8")
            if cut is not None:
                problems = database_problems(cut)
                assert not problems, note(f"after a power cut: {problems}")
                kept = stored_article_ids(cut)
                prefix = done[: len(kept)]
                assert set(prefix) == kept, note(
                    "a power cut kept articles that are not a prefix of the committed ones"
                )
                if h.rng.random() < 0.5:
                    # go on from the power-cut state: the rerun must repair it all
                    h.power_cuts += 1
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{db}{suffix}").unlink(missing_ok=True)
                        if Path(f"{cut}{suffix}").exists():
                            shutil.copyfile(f"{cut}{suffix}", f"{db}{suffix}")
                    log.write_text("".join(f"{a}\n" for a in prefix), "utf-8")
        assert not run.killed
        assert not database_problems(db), note("after the rerun")
        wal = Path(f"{db}-wal")
        assert not wal.exists() or wal.stat().st_size == 0, note("WAL not checkpointed at exit")
        assert events_json(config_file, db) == expected, note("the rerun's events differ")
    print(_report(h, f"workers={workers}"))


def test_sigkill_during_two_concurrent_ingests(
    loaded: Config,
    corpus: Path,
    reference: tuple[Path, list[dict[str, Any]]],
    tmp_path: Path,
) -> None:
    config_file, expected = reference
    lines = corpus.read_text("utf-8").splitlines(keepends=True)
    # overlapping parts: the middle third is stored by whichever process gets there first
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(lines[: 2 * len(lines) // 3]), "utf-8")
    second.write_text("".join(lines[len(lines) // 3 :][::-1]), "utf-8")
    h = Harness(loaded, tmp_path, random.Random(SEED + 3))
    h.calibrate(_new_db(tmp_path / "calibrate.db"), first)

    def note(msg: str) -> str:
        return f"{msg}\n{_report(h, 'concurrent')}"

    while h.kills < KILLS:
        h.rounds += 1
        db = _new_db(tmp_path / f"round{h.rounds}.db")
        logs = [tmp_path / f"round{h.rounds}.{i}.log" for i in (1, 2)]
        for attempt in range(KILLS_PER_ROUND + 1):
            kill = attempt < KILLS_PER_ROUND
            runs = [
                h.start(db, src, 1, log, kill=kill and h.rng.random() < 0.75)
                for src, log in zip((first, second), logs, strict=True)
            ]
            h.finish(runs)
            if not any(r.killed for r in runs):
                break
            if db.exists():
                problems = database_problems(db)
                assert not problems, note(f"after kill {h.kills}: {problems}")
                lost = {a for log in logs for a in committed(log)} - stored_article_ids(db)
                assert not lost, note(f"committed articles lost to a kill: {sorted(lost)[:3]}")
        assert not database_problems(db), note("after the rerun")
        # the events, not their ids: whichever ingest finishes first publishes its
        # ids and the other one's re-merges keep them (stable public ids, README),
        # so two ingests into one database give the single run's grouping, and ids
        # that depend on which one finished first
        assert _without_ids(events_json(config_file, db)) == _without_ids(expected), note(
            "the rerun's events differ"
        )
    print(_report(h, "concurrent"))


def _without_ids(evs: list[dict[str, Any]]) -> list[str]:
    return sorted(
        json.dumps({k: v for k, v in e.items() if k != "id"}, sort_keys=True) for e in evs
    )


def test_orphaned_cli_pool_workers_exit(
    loaded: Config, corpus: Path, reference: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    """`sitrep ingest --workers 2` as a user runs it, SIGKILLed while its workers read:
    they end within 2 s (before the fix they read on, then waited for tasks, 40-60 s)."""
    config_file, _ = reference
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_CONFIG")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    cmd = [sys.executable, "-m", "sitrep", "--config", str(config_file)]
    cmd += ["--db", str(tmp_path / "cli.db"), "ingest", str(corpus), "--workers", "2", "--quiet"]
    err = tmp_path / "stderr.txt"
    with err.open("wb") as sink:
        proc = subprocess.Popen(
            cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=sink
        )
    try:
        deadline = time.monotonic() + 180
        while len(_group(proc.pid)) < 3:  # the ingest and its two workers
            assert proc.poll() is None, err.read_text("utf-8", "replace")[-2000:]
            assert time.monotonic() < deadline, "the pool did not start"
            time.sleep(0.05)
        time.sleep(random.Random(SEED).uniform(0, 1))  # loading their models, or reading
        workers = [p for p in _group(proc.pid) if p != proc.pid]
    finally:
        proc.kill()
        proc.wait()
    died = time.monotonic()
    while _group(proc.pid) and time.monotonic() - died < 10:
        time.sleep(0.02)
    waited = time.monotonic() - died
    left = _group(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left and waited <= ORPHAN_SECONDS, f"workers {workers} lived {waited:.1f} s on"
