"""``sitrep bench dask``: the scaling curve of the Dask engine, and PostgreSQL beside SQLite.

:func:`run_scale_bench` ingests one corpus (the general-news mix by default,
read from ``shared/data`` through :func:`~sitrep.quality.bench.ingest.load_corpus`)
into fresh databases, in one run so that the figures share the machine's load:

- the local engine (:func:`sitrep.pipeline.ingest` with ``workers`` = 1, 2, ...)
  and the Dask engine (:class:`sitrep.engines.DaskEngine`, a local cluster of
  1, 2, ... worker processes), each in articles/s of wall-clock time and per
  CPU-second (this process and its workers: robust to other work on the
  machine; for Dask, the client's share and the workers' apart); Dask's
  cluster start-up and model loading are timed apart, the ingest itself with
  the models loaded, as the local engine has them (its pool's workers fork
  from this warm process);
- the figure per added worker: articles/s gained and the ratio to one worker;
- whether each run gave the same events as the local single process (counts,
  and the sorted event ids);
- with ``db_url`` (a PostgreSQL URL), the local single-process ingest into that
  database next to the same into SQLite.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import DataError

DEFAULT_LIMIT = 200


def _own_cpu() -> float:
    """CPU seconds (user + system) of the calling process and its finished children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _event_ids(db: str) -> list[str]:
    from sitrep.store import open_store
    from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

    with open_store(db, readonly=True) as store:
        return sorted(str(e["id"]) for e in iter_events(store, EventFilter(statuses=ALL_STATUSES)))


def _clean(db: str) -> None:
    """An empty database at ``db`` (a SQLite file removed, a server's tables dropped)."""
    from sitrep.store import metadata, open_store

    if "://" in db:
        with open_store(db) as store:
            metadata.drop_all(store.engine)
    else:
        for f in Path(db).parent.glob(Path(db).name + "*"):
            f.unlink()


def _timed_ingest(
    config: Config,
    src: Path,
    db: str,
    *,
    workers: int = 1,
    engine: Any = None,
    worker_cpu: Callable[[], float] | None = None,
) -> dict[str, Any]:
    from sitrep.pipeline import ingest
    from sitrep.store import open_store

    _clean(db)
    with open_store(db) as store:
        w0 = worker_cpu() if worker_cpu else 0.0
        t0, c0 = time.perf_counter(), _own_cpu()
        summary = ingest([src], config=config, store=store, workers=workers, engine=engine)
        seconds = time.perf_counter() - t0
        own = _own_cpu() - c0
        workers_cpu = (worker_cpu() - w0) if worker_cpu else 0.0
        cpu = own + workers_cpu
        counts = store.counts()
    n = summary.articles
    split = {"client_cpu_s": round(own, 3), "workers_cpu_s": round(workers_cpu, 3)}
    return {
        **(split if worker_cpu else {}),
        "articles": n,
        "failed": summary.failed,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds else 0.0,
        "cpu_s": round(cpu, 3),
        "articles_per_cpu_s": round(n / cpu, 2) if cpu else 0.0,
        "mentions": counts["mentions"],
        "events": counts["events"],
    }


def _process_cpu() -> float:
    """On a Dask worker: its process's CPU seconds (run by ``client.run``)."""
    import psutil

    t = psutil.Process().cpu_times()
    return float(t.user + t.system)


def _per_added_worker(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Articles/s gained per worker over the first run, and each run's ratio to it."""
    first = runs[0]
    out: dict[str, Any] = {"ratio_to_first": {}, "articles_per_s_per_added_worker": None}
    for run in runs:
        base = first["articles_per_s"]
        out["ratio_to_first"][str(run["workers"])] = (
            round(run["articles_per_s"] / base, 2) if base else None
        )
    if len(runs) > 1:
        last = runs[-1]
        added = last["workers"] - first["workers"]
        out["articles_per_s_per_added_worker"] = round(
            (last["articles_per_s"] - first["articles_per_s"]) / added, 2
        )
    return out


def run_scale_bench(
    config: Config,
    *,
    corpus: str = "general",
    limit: int | None = DEFAULT_LIMIT,
    workers: Sequence[int] = (1, 2),
    db_url: str | None = None,
    log: Callable[[str], None] = lambda _m: None,
) -> dict[str, Any]:
    """Measure the local and the Dask engine on 1, 2, ... workers; see the module docstring."""
    from sitrep.engines import DaskEngine
    from sitrep.quality.bench.ingest import _loadavg, load_corpus, machine, write_jsonl

    rows = load_corpus(corpus, limit=limit)
    if not rows:
        raise DataError(f"benchmark corpus {corpus!r} has no articles")
    result: dict[str, Any] = {
        "machine": machine(),
        "load_before": _loadavg(),
        "corpus": corpus,
        "articles": len(rows),
        "local": [],
        "dask": [],
    }
    with tempfile.TemporaryDirectory(prefix="sitrep-scale-") as tmp:
        work = Path(tmp)
        src = write_jsonl(rows, work / f"{corpus}.jsonl")
        # warm this process's models (and build the gazetteer) before any clock starts
        log(f"[scale] {len(rows)} {corpus} articles: warming up")
        _timed_ingest(config, src, str(work / "warm.db"))
        reference: list[str] | None = None
        for n in workers:
            log(f"[scale] local engine, {n} worker(s)")
            db = str(work / f"local-{n}.db")
            run = {"workers": n, **_timed_ingest(config, src, db, workers=n)}
            ids = _event_ids(db)
            reference = ids if reference is None else reference
            run["same_events"] = ids == reference
            result["local"].append(run)
        for n in workers:
            log(f"[scale] dask engine, local cluster of {n} worker(s)")
            t0 = time.perf_counter()
            with DaskEngine(workers=n) as engine:
                started = time.perf_counter() - t0
                engine.warm(config)
                ready = time.perf_counter() - t0
                client = engine._client
                assert client is not None

                def worker_cpu() -> float:
                    return sum(client.run(_process_cpu).values())  # noqa: B023 - used at once

                db = str(work / f"dask-{n}.db")
                run = {
                    "workers": n,
                    "cluster_start_s": round(started, 2),
                    "models_loaded_s": round(ready - started, 2),
                    **_timed_ingest(config, src, db, engine=engine, worker_cpu=worker_cpu),
                }
            run["same_events"] = _event_ids(db) == reference
            result["dask"].append(run)
        result["local_scaling"] = _per_added_worker(result["local"])
        result["dask_scaling"] = _per_added_worker(result["dask"])
        # Dask over local at each worker count, side by side in one run
        result["dask_over_local"] = {
            str(d["workers"]): round(d["articles_per_s"] / loc["articles_per_s"], 2)
            if loc["articles_per_s"]
            else None
            for d, loc in zip(result["dask"], result["local"], strict=True)
        }
        if db_url:
            log("[scale] PostgreSQL: local engine, 1 worker, then SQLite again")
            pg = _timed_ingest(config, src, db_url)
            lite = _timed_ingest(config, src, str(work / "sqlite-again.db"))
            pg["same_events"] = _event_ids(db_url) == reference
            _clean(db_url)
            result["postgresql"] = {
                "url": _hide_password(db_url),
                "postgresql": pg,
                "sqlite": lite,
                "postgresql_over_sqlite": round(pg["articles_per_s"] / lite["articles_per_s"], 2)
                if lite["articles_per_s"]
                else None,
            }
    result["load_after"] = _loadavg()
    return result


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def format_scale(result: dict[str, Any]) -> str:
    """The figures as a small text table."""
    m = result["machine"]
    lines = [
        f"sitrep bench dask: {result['articles']} {result['corpus']} articles; "
        f"commit {m.get('commit') or '?'}; {m.get('cores', '?')} cores; load average "
        f"{result.get('load_before')} before, {result.get('load_after')} after",
        f"{'engine':<8}{'workers':>8}{'art/s':>9}{'art/cpu-s':>11}{'events':>8}{'same':>6}"
        f"{'start s':>9}{'models s':>10}{'cpu client/workers':>20}",
    ]
    for name in ("local", "dask"):
        for run in result[name]:
            lines.append(
                f"{name:<8}{run['workers']:>8}{run['articles_per_s']:>9.2f}"
                f"{run['articles_per_cpu_s']:>11.2f}{run['events']:>8}"
                f"{'yes' if run['same_events'] else 'NO':>6}"
                f"{run.get('cluster_start_s', ''):>9}{run.get('models_loaded_s', ''):>10}"
                + (
                    f"{run['client_cpu_s']:>11.2f} / {run['workers_cpu_s']:<6.2f}"
                    if "client_cpu_s" in run
                    else ""
                )
            )
    for name in ("local", "dask"):
        s = result[f"{name}_scaling"]
        ratios = ", ".join(f"{k}: {v}x" for k, v in s["ratio_to_first"].items())
        lines.append(
            f"{name}: per added worker {s['articles_per_s_per_added_worker']} articles/s; "
            f"ratio to one worker {ratios}"
        )
    ratios = ", ".join(f"{k} workers: {v}x" for k, v in result["dask_over_local"].items())
    lines.append(f"dask over local: {ratios}")
    pg = result.get("postgresql")
    if pg:
        lines.append(
            f"PostgreSQL ({pg['url']}): {pg['postgresql']['articles_per_s']} articles/s, "
            f"{pg['postgresql']['articles_per_cpu_s']} per CPU-s; SQLite "
            f"{pg['sqlite']['articles_per_s']} articles/s, "
            f"{pg['sqlite']['articles_per_cpu_s']} per CPU-s; PostgreSQL / SQLite "
            f"{pg['postgresql_over_sqlite']}x; same events: "
            f"{'yes' if pg['postgresql']['same_events'] else 'NO'}"
        )
    return "\n".join(lines)
