"""Reading on a Dask cluster gives the same events as reading here, ids included.

Two clusters: a ``LocalCluster`` of two worker processes started by the engine
(``--engine dask`` without ``--scheduler``), and a ``dask scheduler`` with two
``dask worker`` processes on loopback, as a user starts them, reached by
``sitrep ingest --engine dask --scheduler tcp://127.0.0.1:PORT``. Both compare
``events --json`` byte for byte with a local run of the same input. The rest
(usage errors, an unreachable scheduler, an article or a worker failing) needs
no cluster.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.core.records import Article
from sitrep.pipeline import ingest, read_shard
from sitrep.store import open_store

pytest.importorskip("distributed")

from sitrep.engines import DaskEngine, DaskUnavailable  # noqa: E402 - after the skip

ROOT = Path(__file__).resolve().parents[1]
DEMO = [ROOT / "sitrep" / "demo" / "reports.jsonl", ROOT / "sitrep" / "demo" / "reports_fa.jsonl"]


def _cli(args: list[str], env: dict[str, str | None]) -> Result:
    from sitrep.faces.cli.main import cli

    return CliRunner().invoke(cli, args, obj={}, env=env, catch_exceptions=False)


def _env(tmp_path: Path, app_config: Config) -> tuple[list[str], dict[str, str | None]]:
    """A config file naming the session's cache (its gazetteer is built), and the env."""
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\n', "utf-8")
    return ["--config", str(cfg)], {"SITREP_CONFIG": None, "SITREP_DB": None}


def _events_json(db: Path, base: list[str], env: dict[str, str | None]) -> str:
    out = _cli([*base, "--db", str(db), "events", "--json", "--status", "all"], env)
    assert out.exit_code == 0, out.stderr
    return out.stdout


def _inputs(folder: Path) -> list[Path]:
    """The demo reports and a file with a bad line (failed on the client, listed)."""
    bad = folder / "bad.jsonl"
    bad.write_text('{"text": "no closing brace"\n', "utf-8")
    return [*DEMO, bad]


@pytest.fixture(scope="module")
def local_run(
    tmp_path_factory: pytest.TempPathFactory, app_config: Config
) -> tuple[str, dict[str, Any]]:
    """``events --json`` after a local run (one process), and its summary."""
    folder = tmp_path_factory.mktemp("local")
    base, env = _env(folder, app_config)
    db = folder / "local.db"
    with open_store(str(db)) as store:
        summary = ingest(_inputs(folder), config=app_config, store=store, workers=1)
    assert summary.failed == 1 and summary.articles == 32
    return _events_json(db, base, env), summary.as_dict()


def test_a_local_cluster_of_two_workers_gives_the_same_events(
    tmp_path: Path, app_config: Config, local_run: tuple[str, dict[str, Any]]
) -> None:
    expected, local = local_run
    base, env = _env(tmp_path, app_config)
    db = tmp_path / "dask.db"
    with DaskEngine(workers=2) as engine, open_store(str(db)) as store:
        assert engine.worker_count() == 2
        summary = ingest(_inputs(tmp_path), config=app_config, store=store, engine=engine)
        # the models were loaded once in each worker that read, for every shard it read
        assert engine._client is not None
        loaded = engine._client.run(_readers_loaded)
    assert summary.engine == "dask"
    assert (summary.articles, summary.failed, summary.mentions) == (
        local["articles"],
        local["failed"],
        local["mentions"],
    )
    assert set(loaded.values()) <= {0, 1} and sum(loaded.values()) >= 1
    assert _events_json(db, base, env) == expected


def _readers_loaded() -> int:
    from sitrep import pipeline

    return len(pipeline._READERS)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    """End the scheduler and workers this test started (their process groups)."""
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture()
def loopback_cluster(tmp_path: Path) -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes on loopback; the address."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    info = tmp_path / "scheduler.json"
    procs: list[subprocess.Popen[bytes]] = []
    log = (tmp_path / "dask.log").open("wb")
    try:
        procs.append(
            subprocess.Popen(
                [*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
                + ["--scheduler-file", str(info)],
                env=env,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        )
        deadline = time.monotonic() + 30
        while not info.exists() or not info.read_text("utf-8").strip():
            assert procs[0].poll() is None, (tmp_path / "dask.log").read_text("utf-8")
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        time.sleep(0.2)  # the file is written in one go, but give it a moment
        address = json.loads(info.read_text("utf-8"))["address"]
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "distributed.cli.dask_worker", address]
                    + ["--nworkers", "1", "--nthreads", "1", "--no-dashboard"]
                    + ["--host", "127.0.0.1"],
                    env=env,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            )
        yield address
    finally:
        _stop(procs)
        log.close()


def test_dask_scheduler_and_two_workers_on_loopback(
    tmp_path: Path,
    app_config: Config,
    local_run: tuple[str, dict[str, Any]],
    loopback_cluster: str,
) -> None:
    expected, _ = local_run
    base, env = _env(tmp_path, app_config)
    db = tmp_path / "cluster.db"
    cmd = [sys.executable, "-m", "sitrep", *base, "--db", str(db), "ingest", "--quiet"]
    cmd += ["--engine", "dask", "--scheduler", loopback_cluster, "--json"]
    child_env = {k: v for k, v in os.environ.items() if k not in ("SITREP_CONFIG", "SITREP_DB")}
    child_env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *sys.path])
    done = subprocess.run(
        [*cmd, *map(str, _inputs(tmp_path))],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 1, done.stderr  # the bad line, listed
    summary = json.loads(done.stdout)
    assert summary["engine"] == "dask" and summary["failed"] == 1
    assert "bad.jsonl" in summary["failures"][0]["input"]
    assert _events_json(db, base, env) == expected


def test_usage_errors_and_an_unreachable_scheduler(tmp_path: Path, app_config: Config) -> None:
    base, env = _env(tmp_path, app_config)
    args = [*base, "--db", str(tmp_path / "u.db"), "ingest", "--quiet", str(DEMO[0])]
    wrong = _cli([*args, "--scheduler", "tcp://127.0.0.1:8786"], env)
    assert wrong.exit_code == 2 and "--engine dask" in wrong.stderr
    both = _cli([*args, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786"]
                + ["--workers", "2"], env)  # fmt: skip
    assert both.exit_code == 2 and "--workers" in both.stderr
    # a port nothing listens on (bound, then closed): refused at once, named
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    down = _cli([*args, "--engine", "dask", "--scheduler", address], env)
    assert down.exit_code == 3
    assert f"cannot reach the Dask scheduler at {address}" in down.stderr


def test_an_article_that_fails_to_read_fails_alone(
    app_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.read.en.extract import Extractor

    articles = [
        Article.make(f"Report {i} from Raqqa.", language="en", outlet="Test") for i in range(3)
    ]
    real = Extractor.read_chunk

    def flaky(self: Extractor, chunk: list[Article], **kw: Any) -> list[Any]:
        out = real(self, chunk, **kw)
        return [
            ValueError("bad bytes") if a is articles[1] else o
            for a, o in zip(chunk, out, strict=True)
        ]

    monkeypatch.setattr(Extractor, "read_chunk", flaky)
    outcomes = read_shard(articles, app_config)
    assert isinstance(outcomes[1], tuple) and "ValueError: bad bytes" in outcomes[1][1]
    assert not isinstance(outcomes[0], tuple) and not isinstance(outcomes[2], tuple)


class _Dead:
    """A future whose shard killed every worker it ran on."""

    def result(self) -> Any:
        from types import SimpleNamespace

        from distributed import KilledWorker

        raise KilledWorker("read_shard-1", SimpleNamespace(address="tcp://127.0.0.1:1"), 3)


class _Broken:
    def result(self) -> Any:
        raise OSError("the worker has no gazetteer")


def test_a_shard_that_kills_its_workers_fails_its_articles_not_the_run() -> None:
    shard = [Article.make("One.", language="en", outlet="T")]
    engine = DaskEngine("tcp://127.0.0.1:1")
    outcomes = engine._outcomes(shard, _Dead())  # type: ignore[arg-type]
    assert outcomes[0][0] is shard[0] and "KilledWorker" in str(outcomes[0][1])
    # a worker that cannot read at all stops the run, saying what to do
    with pytest.raises(DaskUnavailable, match="run the same ingest again"):
        engine._outcomes(shard, _Broken())  # type: ignore[arg-type]
    assert issubclass(DaskUnavailable, SitrepError)
