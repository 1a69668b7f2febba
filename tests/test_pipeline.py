"""Ingest end to end: idempotence, a killed run, bad inputs, merging order, the CLI."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import sitrep.pipeline as pipeline
from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import Store, open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

RAWA = 92004
DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo" / "reports.jsonl"

REPORTS = [
    {
        "outlet": "Wire One",
        "published": "2017-11-18",
        "text": "Iraqi forces recaptured the town of Rawa from ISIS on Friday, the army said.",
    },
    {
        "outlet": "Wire Two",
        "published": "2017-11-18",
        "text": "The Iraqi army retook Rawa on Friday after a short battle with ISIS fighters.",
    },
    {
        "outlet": "Wire Three",
        "published": "2017-11-20",
        "text": "Syrian troops and allied fighters recaptured Abu Kamal from ISIS on Sunday.",
    },
    {
        "outlet": "Wire Four",
        "published": "2017-11-09",
        "text": "The Syrian army seized control of Abu Kamal from ISIS on Wednesday.",
    },
]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def snapshot(db: Path | str) -> dict[str, object]:
    with open_store(str(db), readonly=True) as store:
        evs = list(iter_events(store, EventFilter(statuses=ALL_STATUSES)))
        counts = store.counts()
    return {
        "counts": counts,
        "events": sorted(
            (
                e["id"],
                e["sub_event_type"],
                e["date"],
                tuple(e["sources"]),
                tuple(sorted(m["id"] for m in e["mentions"])),
            )
            for e in evs
        ),
    }


def test_ingest_twice_adds_nothing(app_config: Config, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "r.jsonl", REPORTS)
    db = tmp_path / "a.db"
    with open_store(str(db)) as store:
        first = ingest([src], config=app_config, store=store)
        before = snapshot(db)
        second = ingest([src], config=app_config, store=store)
    assert first.articles == 4 and first.failed == 0
    assert second.articles == 0 and second.duplicates == 4
    assert snapshot(db) == before


def test_same_event_from_two_outlets_is_one_event(app_config: Config, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "r.jsonl", REPORTS)
    with open_store(str(tmp_path / "a.db")) as store:
        ingest([src], config=app_config, store=store)
        evs = list(iter_events(store, EventFilter()))
    rawa = [e for e in evs if e["place"] and e["place"]["geonames_id"] == RAWA]
    assert len(rawa) == 1
    assert rawa[0]["sources"] == ["Wire One", "Wire Two"]
    assert rawa[0]["date"] == "2017-11-17"
    kamal = [e for e in evs if e["place"] and e["place"]["geonames_id"] == 174448]
    assert sorted(e["date"] for e in kamal) == ["2017-11-08", "2017-11-19"]


def test_merging_does_not_depend_on_order(app_config: Config, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines()]
    results = []
    for seed in (1, 2, 3):
        random.Random(seed).shuffle(rows)
        src = write_jsonl(tmp_path / f"shuffled{seed}.jsonl", rows)
        db = tmp_path / f"s{seed}.db"
        with open_store(str(db)) as store:
            for row_src in _one_file_per_row(src, tmp_path / f"rows{seed}"):
                ingest([row_src], config=app_config, store=store)
        # the grouping, not the ids: each of these ingests publishes its events' ids
        # and later ones keep them (stable public ids), so which content id an event
        # first got depends on the order its reports came in; a single ingest gives
        # content ids whatever the order (test_killsafe, test_stable_ids)
        results.append(sorted((e[1:] for e in snapshot(db)["events"]), key=repr))
    assert results[0] == results[1] == results[2]


def _one_file_per_row(src: Path, folder: Path) -> list[Path]:
    folder.mkdir()
    out = []
    for i, line in enumerate(src.read_text("utf-8").splitlines()):
        p = folder / f"{i:03}.jsonl"
        p.write_text(line + "\n", "utf-8")
        out.append(p)
    return out


def test_bad_inputs_are_recorded_and_the_rest_goes_on(app_config: Config, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_jsonl(folder / "good.jsonl", REPORTS[:2])
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (folder / "latin1.txt").write_bytes("Caf\xe9 bombing in Raqqa".encode("latin-1"))
    (folder / "notext.csv").write_text("title,url\nA,http://x\n", "utf-8")
    (folder / "nav.html").write_text("<html><body><ul><li>Home</li></ul></body></html>", "utf-8")
    with open_store(str(tmp_path / "m.db")) as store:
        summary = ingest([folder], config=app_config, store=store)
        failures = dict(store.iter_failures())
    assert summary.articles == 2
    assert summary.failed == 5
    names = {Path(o.split(":")[0]).name for o, _ in summary.failures}
    assert names == {"empty.txt", "binary.txt", "latin1.txt", "notext.csv", "nav.html"}
    assert all(reason for reason in failures.values())
    assert any("text" in r and "column" in r for r in failures.values())


def _cli(args: list[str], env: dict[str, str | None]) -> Result:
    """Run the ``sitrep`` command line in this process, as ``python -m sitrep`` would.

    Loading spaCy and the gazetteer again in a fresh process for every command cost
    most of this file's time; the command line's exit codes, stdout and stderr come
    back alike through click's runner.
    """
    from sitrep.faces.cli.main import cli

    return CliRunner().invoke(cli, args, obj={}, env=env, catch_exceptions=False)


def test_cli_exit_codes_and_json_contract(tmp_path: Path, app_config: Config) -> None:
    src = write_jsonl(tmp_path / "r.jsonl", REPORTS)
    env: dict[str, str | None] = {
        "SITREP_DB": str(tmp_path / "cli.db"),
        "XDG_CACHE_HOME": str(Path(app_config.cache_path).parent),
        "SITREP_CONFIG": None,
    }
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\n', "utf-8")
    base = ["--config", str(cfg)]
    ok = _cli([*base, "ingest", str(src), "--quiet"], env)
    assert ok.exit_code == 0, ok.stderr
    assert "articles/s" in ok.stdout
    bad = _cli([*base, "ingest", str(src), str(tmp_path / "missing.txt"), "--quiet"], env)
    assert bad.exit_code == 1
    assert "missing.txt" in bad.stderr
    out = _cli([*base, "events", "--json"], env)
    assert out.exit_code == 0, out.stderr
    items = json.loads(out.stdout)
    assert len(items) == 3
    for e in items:
        assert set(e) >= {
            "id",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "assoc_actors",
            "place",
            "date",
            "date_precision",
            "status",
            "sources",
            "mentions",
        }
        assert set(e["place"]) >= {
            "name",
            "geonames_id",
            "country",
            "admin1",
            "lat",
            "lon",
            "matched_text",
        }
        assert len(e["place"]["country"]) == 3
        for m in e["mentions"]:
            assert set(m) >= {"article_id", "outlet", "source", "speaker", "evidence"}
    limited = _cli([*base, "events", "--json", "--limit", "1", "--place", "Rawa"], env)
    assert limited.exit_code == 0, limited.stderr
    assert [e["place"]["geonames_id"] for e in json.loads(limited.stdout)] == [RAWA]
    usage = _cli([*base, "events", "--since", "yesterday"], env)
    assert usage.exit_code == 2 and "YYYY-MM-DD" in usage.stderr


def test_killed_run_resumes_to_the_same_database(app_config: Config, tmp_path: Path) -> None:
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines()]
    many = [dict(r, outlet=f"{r['outlet']} {i}") for i in range(6) for r in rows]
    src = write_jsonl(tmp_path / "many.jsonl", many)
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\n', "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_CONFIG")}
    cli_env: dict[str, str | None] = {"SITREP_DB": None, "SITREP_CONFIG": None}

    def args(db: Path) -> list[str]:
        return ["--config", str(cfg), "--db", str(db), "ingest", str(src), "--quiet"]

    clean = tmp_path / "clean.db"
    assert _cli(args(clean), cli_env).exit_code == 0

    # The one real process of this file: what is under test is a run stopped by
    # SIGKILL, with no exception raised, no `finally` and no rollback, which only
    # killing another process gives. The clean run and the resume need no process.
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", *args(killed)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if killed.exists():
            try:
                with sqlite3.connect(killed) as conn:
                    stored = conn.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored >= 10:
                break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.fail("the ingest finished before it could be killed; give it more input")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < stored < len(many)
    assert _cli(args(killed), cli_env).exit_code == 0
    assert snapshot(killed) == snapshot(clean)


def test_hostile_jsonl_lines_are_recorded_and_the_rest_stored(
    tmp_path: Path, app_config: Config
) -> None:
    src = tmp_path / "hostile.jsonl"
    lines = [
        json.dumps(REPORTS[0]),
        '{"text": "\\ud800"}',
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        json.dumps(REPORTS[2]),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open_store(str(tmp_path / "h.db")) as store:
        summary = ingest([src], config=app_config, store=store, workers=1)
        assert summary.articles == 2 and summary.failed == 2
        assert [origin for origin, _ in summary.failures] == [f"{src}:2", f"{src}:3"]
        assert store.counts()["articles"] == 2


def test_merges_come_at_growing_intervals_and_end_the_same(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run merges after ``merge_every`` articles, then after as many as it has
    merged (at most ``MERGE_WAIT_CAP`` times ``merge_every``), and ends with the
    database a run merging once at the end gives."""
    rows = [json.loads(line) for line in DEMO.read_text("utf-8").splitlines()]
    many = [dict(r, outlet=f"{r['outlet']} {i}") for i in range(3) for r in rows]
    src = write_jsonl(tmp_path / "many.jsonl", many)
    waiting: list[int] = []
    real = pipeline.merge_pending

    def counted(store: Store) -> int:
        waiting.append(len(store.unmerged_articles()))
        return real(store)

    monkeypatch.setattr(pipeline, "merge_pending", counted)
    with open_store(str(tmp_path / "grow.db")) as store:
        ingest([src], config=app_config, store=store, merge_every=2, workers=1)
    monkeypatch.setattr(pipeline, "merge_pending", real)
    with open_store(str(tmp_path / "once.db")) as store:
        ingest([src], config=app_config, store=store, merge_every=10_000, workers=1)
    assert snapshot(tmp_path / "grow.db") == snapshot(tmp_path / "once.db")
    # the first call finishes an earlier run (none here), the last merges the rest
    assert waiting[1:-1] == [2, 2, 4, 8, 16, 20]  # 52 of the 63 articles
    assert waiting[-1] == len(many) - 52


def test_next_merge_grows_to_its_cap() -> None:
    waits = []
    merged = 0
    for _ in range(8):
        wait = pipeline._next_merge(200, merged)
        waits.append(wait)
        merged += wait
    assert waits == [200, 200, 400, 800, 1600, 2000, 2000, 2000]


def test_a_merge_on_sqlite_rebuilds_every_block_in_one_transaction(
    app_config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One writing transaction for all the blocks of a merge (one per block cost more
    to begin and commit than most blocks cost to rebuild), with the events a merge of
    each block alone gives."""
    from sqlalchemy import event

    src = write_jsonl(tmp_path / "in.jsonl", REPORTS)
    with open_store(str(tmp_path / "one.db")) as store:
        ingest([src], config=app_config, store=store, merge_every=10_000, workers=1)
    # the same articles stored, not merged: count the merge's transactions alone
    monkeypatch.setattr(pipeline, "merge_pending", lambda store: 0)
    monkeypatch.setattr(pipeline, "publish", lambda store: 0)
    with open_store(str(tmp_path / "count.db")) as store:
        ingest([src], config=app_config, store=store, workers=1)
    monkeypatch.undo()
    with open_store(str(tmp_path / "count.db")) as store:
        blocks = store.pending_blocks()
        commits: list[int] = []
        event.listen(store.engine, "commit", lambda conn: commits.append(1))
        assert pipeline.merge_pending(store) == len(blocks) > 1
        # the blocks' transaction, then the articles marked merged
        assert len(commits) == 2
        pipeline.publish(store)
    assert snapshot(tmp_path / "count.db") == snapshot(tmp_path / "one.db")
