"""``sitrep bench``: throughput, speed-up over parse-everything, memory, database size.

:func:`run_benchmarks` measures, for each corpus read from ``shared/data``
(through :func:`sitrep.quality.evaluation.common.data_path`, never copied):

- the full pipeline (read -> extract -> store -> merge, :func:`sitrep.pipeline.ingest`
  over a JSONL file written to a tmp folder, into a fresh SQLite database), on
  one process and on all cores, in articles/s and words/s, with the models
  loaded before the clock starts (start-up is measured on its own, in a fresh
  child process);
- the baseline that runs spaCy's whole small pipeline (tagger, parser, NER,
  everything) over every sentence of the same articles, on one process, and
  the ratio sitrep / baseline;
- peak resident memory of a child process ingesting the corpus once and the
  corpus repeated ``repeat_memory`` times (copies made distinct by their
  outlet), which must stay flat because ingest streams;
- database size per 1,000 articles and row counts.

Corpora: ``guardian`` (Guardian articles about Syria, 2017-2019, mostly about
the war) and ``general`` (the GeoWebNews and LGL geoparsing corpora: general
news, most of it with no conflict event at all).

:func:`format_table` renders a result as text; :func:`profile_pipeline` runs
cProfile over the single-process pipeline and returns the top costs.
"""

from __future__ import annotations

import contextlib
import cProfile
import csv
import dataclasses
import io
import json
import os
import platform
import pstats
import sqlite3
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sitrep.core.config import Config, default_config
from sitrep.core.errors import ConfigError, DataError, SitrepError

CORPORA = ("guardian", "general")
DEFAULT_OUT = Path("bench-reports/bench.json")
QUICK_LIMIT = 40

# Goals the numbers are read against (not tests): issue 13's ingest targets.
TARGETS = {
    # `sitrep ingest FILE` as a user runs it (fresh process, start-up counted,
    # no option: the default workers), on general news repeated to 2,000+ articles
    "general_cli_articles_per_s": 200.0,
    # the pipeline in this process on all cores, models loaded before the clock
    "general_articles_per_s_all_cores": 200.0,
    # sitrep on one process against spaCy's whole pipeline on every sentence, in CPU time
    "general_speedup_vs_baseline": 20.0,
    "guardian_articles_per_s": 40.0,
    "peak_rss_mb": 600.0,
    # peak RSS of the repeated corpus over the single one; above this it is not flat
    "rss_flat_ratio": 1.25,
}
# how many copies of the general corpus `sitrep ingest FILE` reads (788 x 3 = 2,364)
CLI_REPEAT = 3
# what the targets say, for the printed verdicts
TARGET_LABELS = {
    "general_cli_articles_per_s": "general news, `sitrep ingest FILE` (start-up counted), "
    "articles/s",
    "general_articles_per_s_all_cores": "general news, in process, all cores, articles/s",
    "general_speedup_vs_baseline": "general news, x spaCy parse-everything in CPU time",
    "guardian_articles_per_s": "Guardian, in process, all cores, articles/s",
    "peak_rss_mb": "peak RSS, streaming input (MB, below)",
    "rss_flat_ratio": "peak RSS ratio, corpus x10 / x1 (at most)",
}
# the event classifier's own goal (reported beside its figure, not among the corpus targets)
CLASSIFIER_TARGET_SENTENCES_PER_S = 1000.0


# -- corpora ------------------------------------------------------------------


def load_corpus(name: str, *, limit: int | None = None) -> list[dict[str, str]]:
    """The articles of corpus ``name`` as JSONL rows (text, title, url, outlet, published).

    Raises ConfigError naming the corpus when it is unknown, or the data file
    when it is missing.
    """
    if name == "guardian":
        rows = list(_guardian_rows())
    elif name == "general":
        rows = list(_geoparsing_rows())
    else:
        raise ConfigError(f"unknown benchmark corpus {name!r}; choose from {', '.join(CORPORA)}")
    return rows[:limit] if limit is not None else rows


def _guardian_rows() -> Iterator[dict[str, str]]:
    from sitrep.quality.evaluation.common import data_path

    path = data_path("events", "guardian", "guardian_syria_2017_2019.csv")
    # the articles are whole texts, longer than csv's default field limit
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            text = (row.get("text") or "").strip()
            if not text:
                continue
            out = {"text": text, "outlet": "The Guardian"}
            if row.get("date"):
                out["published"] = row["date"][:10]
            yield out


def _geoparsing_rows() -> Iterator[dict[str, str]]:
    from sitrep.quality.evaluation.common import data_path

    for fname in ("GWN.xml", "lgl.xml"):
        path = data_path("events", "geoparsing", fname)
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise DataError(f"{path} is not well-formed XML: {exc}") from exc
        for art in root.iter("article"):
            text = (art.findtext("text") or "").strip()
            if not text:
                continue
            url = (art.findtext("url") or art.findtext("link") or "").strip()
            outlet = (art.findtext("domain") or "").strip() or urlparse(url).netloc or fname
            out = {"text": text, "outlet": outlet}
            title = (art.findtext("title") or "").strip()
            if title:
                out["title"] = title
            if url:
                out["url"] = url
            dltime = (art.findtext("dltime") or "").strip()
            if dltime[:10].count("-") == 2:
                out["published"] = dltime[:10]
            yield out


def write_jsonl(rows: Iterable[dict[str, str]], path: Path, *, repeat: int = 1) -> Path:
    """Write ``rows`` as JSON Lines, ``repeat`` times over.

    Copy ``k > 0`` gets the outlet ``"<outlet> #k"``, so the store sees a new
    article (ids cover the outlet) instead of a duplicate it would skip.
    """
    rows = list(rows)
    with path.open("w", encoding="utf-8") as fh:
        for k in range(repeat):
            for row in rows:
                r = row if k == 0 else {**row, "outlet": f"{row.get('outlet', '')} #{k}"}
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def count_words(rows: Iterable[dict[str, str]]) -> int:
    """White-space separated words in the rows' texts (the words/s unit)."""
    return sum(len(r["text"].split()) for r in rows)


# -- child processes and their memory -------------------------------------------


@dataclass(frozen=True)
class ChildRun:
    """A finished child process: exit code, output, peak resident memory."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss: int  # bytes: the child's own high-water mark (VmHWM), last seen
    polled_rss: int  # bytes: the largest RSS of the child plus its children seen by polling
    seconds: float


def vm_hwm(pid: int | str = "self") -> int:
    """Peak resident memory of one process in bytes (``VmHWM`` of /proc/PID/status).

    Unlike ``getrusage``'s ``ru_maxrss``, which Linux carries over from the
    parent across fork and exec (so a child started by a big process reports
    the parent's peak), VmHWM belongs to the process image alone. Returns 0
    where /proc is not available.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def run_measured(
    cmd: Sequence[str],
    *,
    interval: float = 0.02,
    timeout: float | None = None,
    env: dict[str, str] | None = None,
) -> ChildRun:
    """Run ``cmd`` and measure its peak resident memory.

    Polls, every ``interval`` seconds, the child's high-water mark (VmHWM: the
    peak since its start, so a spike between two polls is not missed, only
    growth in the child's last ``interval``) and the summed RSS of the child
    and its children (catches worker pools). Output goes to temporary files
    so a chatty child cannot block on a full pipe.
    """
    import psutil

    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env)
        ps = psutil.Process(proc.pid)
        polled = hwm = 0
        while proc.poll() is None:
            hwm = max(hwm, vm_hwm(proc.pid))
            try:
                total = ps.memory_info().rss
                for child in ps.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_info().rss
                polled = max(polled, total)
            except psutil.Error:
                pass
            if timeout is not None and time.perf_counter() - started > timeout:
                proc.kill()
                proc.wait()
                raise SitrepError(
                    f"benchmark child {' '.join(cmd[:3])}... ran over {timeout} s and was stopped"
                )
            time.sleep(interval)
        out.seek(0)
        err.seek(0)
        return ChildRun(
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            peak_rss=hwm,
            polled_rss=polled,
            seconds=time.perf_counter() - started,
        )


def _config_json(config: Config) -> str:
    return json.dumps(dataclasses.asdict(config))


def child_main(argv: Sequence[str]) -> int:
    """Entry point of the measured child: ``CONFIG_JSON INPUT.jsonl DB``.

    Loads the models (start-up: from the process's start to models loaded),
    ingests the input on one process into DB, and prints one JSON line with
    its timings, counts and resident memory after start-up and at its peak.
    """
    import psutil

    from sitrep.pipeline import ingest
    from sitrep.read.en.extract import Extractor
    from sitrep.store import open_store

    config_json, src, db = argv
    config = default_config().with_(**json.loads(config_json))
    _warm_up(Extractor(config))
    me = psutil.Process()
    # from the process's birth: interpreter, imports and models
    startup = time.time() - me.create_time()
    rss_ready = me.memory_info().rss
    with open_store(db) as store:
        summary = ingest([src], config=config, store=store, workers=1)
    print(
        json.dumps(
            {
                "startup_s": startup,
                "seconds": summary.seconds,
                "articles": summary.articles,
                "failed": summary.failed,
                "rss_ready": rss_ready,
                "rss_end": me.memory_info().rss,
                "vm_hwm": vm_hwm(),
            }
        )
    )
    return 0


def _child_cmd(config: Config, src: Path, db: Path) -> list[str]:
    code = (
        "import sys; from sitrep.quality.bench.ingest import child_main; "
        "sys.exit(child_main(sys.argv[1:]))"
    )
    return [sys.executable, "-c", code, _config_json(config), str(src), str(db)]


def measure_ingest_child(config: Config, src: Path, db: Path) -> dict[str, Any]:
    """Ingest ``src`` into ``db`` in a fresh child process; its timings and memory."""
    run = run_measured(_child_cmd(config, src, db))
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-5:]
        raise SitrepError(
            f"benchmark child ingesting {src} failed (exit {run.returncode}): " + " | ".join(tail)
        )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    report["peak_rss"] = max(run.peak_rss, report["vm_hwm"], run.polled_rss)
    report["polled_rss"] = run.polled_rss
    report["wall_s"] = run.seconds
    return report


# -- measurements -----------------------------------------------------------------


def _warm_up(extractor: Any) -> None:
    """Load every model and cache (the cost the first article would otherwise pay)."""
    from sitrep.core.records import Article
    from sitrep.ingest.sources import detect_language

    detect_language("Warm-up text: the language identifier loads its model on first use.")
    _ = extractor.gazetteer, extractor.actors, extractor.nlp, extractor.classifier
    extractor.read(
        Article.make(
            "Syrian government forces shelled Douma on Monday, killing 5 civilians, "
            "activists said. Iraqi troops retook Rawa from ISIS.",
            language="en",
            outlet="warm-up",
            published_at=date(2017, 11, 20),
        )
    )


def _db_size(db: Path) -> int:
    """Bytes of the SQLite database once its write-ahead log is folded in."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def measure_pipeline(config: Config, src: Path, db: Path, *, workers: int, words: int) -> dict:
    """Time :func:`sitrep.pipeline.ingest` of ``src`` into a fresh ``db`` (models warm)."""
    from sitrep.pipeline import ingest
    from sitrep.store import open_store

    with open_store(str(db)) as store:
        t0, c0 = time.perf_counter(), _cpu_seconds()
        summary = ingest([src], config=config, store=store, workers=workers)
        seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
        counts = store.counts()
    n = summary.articles
    return {
        "workers": workers if workers else os.cpu_count() or 1,
        "articles": n,
        "duplicates": summary.duplicates,
        "failed": summary.failed,
        "words": words,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 2) if seconds else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds else 0.0,
        "cpu_s": round(cpu, 3),
        "articles_per_cpu_s": round(n / cpu, 2) if cpu else 0.0,
        "mentions": counts["mentions"],
        "events": counts["events"],
    }


def measure_baseline(config: Config, texts: Sequence[str], *, words: int) -> dict:
    """spaCy's whole pipeline over every sentence of ``texts`` (one process)."""
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(config.spacy_model)
    load_s = time.perf_counter() - t0
    list(nlp.pipe(["Warm-up sentence about Raqqa."]))
    t0, c0 = time.perf_counter(), _cpu_seconds()
    sentences = 0
    for doc in nlp.pipe(texts):
        sentences += sum(1 for _ in doc.sents)
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - c0
    return {
        "pipeline": list(nlp.pipe_names),
        "articles": len(texts),
        "sentences": sentences,
        "words": words,
        "load_s": round(load_s, 3),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(texts) / seconds, 2) if seconds else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds else 0.0,
        "cpu_s": round(cpu, 3),
        "articles_per_cpu_s": round(len(texts) / cpu, 2) if cpu else 0.0,
    }


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children.

    Unlike wall-clock time it does not count waiting for a core that other
    work holds, so it stays meaningful on a busy machine; worker processes
    count once they are joined.
    """
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def machine() -> dict[str, Any]:
    """CPU model, cores, RAM, Python and library versions, date, sitrep commit."""
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import spacy

        spacy_version = spacy.__version__
    except ImportError:  # pragma: no cover - spaCy is a dependency
        spacy_version = ""
    commit = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            check=False,
            timeout=5,
        ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count() or 1,
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": spacy_version,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
    }


def _loadavg() -> float | None:
    """The one-minute load average (None where the system does not tell)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def _mb(n: float) -> float:
    return round(n / 2**20, 1)


def bench_corpus(
    config: Config,
    name: str,
    *,
    limit: int | None,
    repeat_memory: int,
    workdir: Path,
    log: Callable[[str], None],
) -> dict[str, Any]:
    """Every measure for one corpus (see the module docstring)."""
    rows = load_corpus(name, limit=limit)
    if not rows:
        raise DataError(f"benchmark corpus {name!r} has no articles")
    words = count_words(rows)
    src = write_jsonl(rows, workdir / f"{name}.jsonl")
    result: dict[str, Any] = {
        "articles": len(rows),
        "words": words,
        "chars_per_article": round(sum(len(r["text"]) for r in rows) / len(rows)),
    }
    log(f"[{name}] {len(rows)} articles, {words} words: pipeline on 1 process")
    one = measure_pipeline(config, src, workdir / f"{name}-w1.db", workers=1, words=words)
    size = _db_size(workdir / f"{name}-w1.db")
    log(f"[{name}] pipeline on all cores")
    allc = measure_pipeline(config, src, workdir / f"{name}-w0.db", workers=0, words=words)
    log(f"[{name}] baseline: spaCy full pipeline over every sentence")
    base = measure_baseline(config, [r["text"] for r in rows], words=words)
    result["sitrep_1"] = one
    result["sitrep_all"] = allc
    result["baseline"] = base
    bps = base["articles_per_s"]
    result["speedup_1"] = round(one["articles_per_s"] / bps, 2) if bps else None
    result["speedup_all"] = round(allc["articles_per_s"] / bps, 2) if bps else None
    bcpu = base["articles_per_cpu_s"]
    # the same ratio in CPU time: robust to other work sharing the machine
    result["speedup_cpu"] = round(one["articles_per_cpu_s"] / bcpu, 2) if bcpu else None
    n = one["articles"] or 1
    result["db"] = {
        "bytes": size,
        "mb_per_1000_articles": round(size / n * 1000 / 2**20, 2),
        "mentions": one["mentions"],
        "events": one["events"],
        "mentions_per_1000_articles": round(one["mentions"] / n * 1000, 1),
        "events_per_1000_articles": round(one["events"] / n * 1000, 1),
    }
    log(f"[{name}] memory: corpus once, in a child process")
    single = measure_ingest_child(config, src, workdir / f"{name}-mem1.db")
    memory: dict[str, Any] = {
        "startup_s": round(single["startup_s"], 2),
        "rss_ready_mb": _mb(single["rss_ready"]),
        "peak_rss_mb_x1": _mb(single["peak_rss"]),
        "end_rss_mb_x1": _mb(single["rss_end"]),
        "articles_x1": single["articles"],
    }
    if repeat_memory > 1:
        log(f"[{name}] memory: corpus x{repeat_memory}, in a child process")
        big = write_jsonl(rows, workdir / f"{name}-x{repeat_memory}.jsonl", repeat=repeat_memory)
        many = measure_ingest_child(config, big, workdir / f"{name}-mem{repeat_memory}.db")
        big.unlink()
        memory.update(
            {
                "repeat": repeat_memory,
                "articles_xn": many["articles"],
                "peak_rss_mb_xn": _mb(many["peak_rss"]),
                "end_rss_mb_xn": _mb(many["rss_end"]),
                "rss_ratio": round(many["peak_rss"] / single["peak_rss"], 3),
                "articles_per_s_xn": round(many["articles"] / many["seconds"], 2)
                if many["seconds"]
                else 0.0,
            }
        )
    result["memory"] = memory
    for f in workdir.glob(f"{name}-*.db*"):
        f.unlink()
    return result


def target_verdicts(
    corpora: dict[str, dict[str, Any]], cli: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Each target with the measured value and whether it is met (None: not measured).

    ``cli`` is :func:`measure_cli` of the general corpus (the figure a user sees).
    """
    out: dict[str, Any] = {}

    def put(key: str, value: float | None, ok: bool | None) -> None:
        out[key] = {"target": TARGETS[key], "value": value, "met": ok}

    if cli:
        v = cli["articles_per_s"]
        put("general_cli_articles_per_s", v, v >= TARGETS["general_cli_articles_per_s"])
    gen = corpora.get("general")
    if gen:
        v = gen["sitrep_all"]["articles_per_s"]
        put("general_articles_per_s_all_cores", v, v >= TARGETS["general_articles_per_s_all_cores"])
        # in CPU time: the ratio other work on a shared machine does not distort
        s = gen.get("speedup_cpu")
        put(
            "general_speedup_vs_baseline",
            s,
            None if s is None else s >= TARGETS["general_speedup_vs_baseline"],
        )
    gua = corpora.get("guardian")
    if gua:
        v = gua["sitrep_all"]["articles_per_s"]
        put("guardian_articles_per_s", v, v >= TARGETS["guardian_articles_per_s"])
    peaks = [
        c["memory"].get(k) for c in corpora.values() for k in ("peak_rss_mb_x1", "peak_rss_mb_xn")
    ]
    peaks = [p for p in peaks if p is not None]
    if peaks:
        put("peak_rss_mb", max(peaks), max(peaks) < TARGETS["peak_rss_mb"])
    ratios = [c["memory"]["rss_ratio"] for c in corpora.values() if "rss_ratio" in c["memory"]]
    if ratios:
        put("rss_flat_ratio", max(ratios), max(ratios) <= TARGETS["rss_flat_ratio"])
    return out


def _config_toml(config: Config) -> str:
    """The settings of ``config`` that differ from the defaults, as TOML (scalars only)."""
    base = default_config()
    lines = []
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if value == getattr(base, f.name) or not isinstance(value, str | int | float):
            continue
        lines.append(f"{f.name} = {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def measure_cli(
    config: Config, rows: Sequence[dict[str, str]], workdir: Path, *, repeat: int = CLI_REPEAT
) -> dict[str, Any]:
    """``sitrep ingest FILE`` as a user runs it: a fresh process, no option, start-up counted.

    ``rows`` repeated ``repeat`` times (copies made distinct by their outlet)
    go to a new SQLite database; the clock runs from starting the command to
    its exit (interpreter, imports, models, reading, storing, merging), and the
    CPU time is the command's and its workers'. The command uses the default
    workers of ``config`` (``workers`` in the settings; 0 is every core).
    """
    src = write_jsonl(rows, workdir / "cli.jsonl", repeat=repeat)
    db = workdir / "cli.db"
    settings = workdir / "cli.toml"
    settings.write_text(_config_toml(config), "utf-8")
    cmd = [sys.executable, "-m", "sitrep", "--db", str(db), "--config", str(settings)]
    cmd += ["ingest", "--json", str(src)]
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_DB", "SITREP_CONFIG")}
    before = _children_cpu()
    run = run_measured(cmd, env=env)
    cpu = _children_cpu() - before
    src.unlink()
    settings.unlink()
    for f in workdir.glob("cli.db*"):
        f.unlink()
    if run.returncode != 0:
        tail = run.stderr.strip().splitlines()[-5:]
        raise SitrepError(f"`sitrep ingest` failed (exit {run.returncode}): " + " | ".join(tail))
    summary = json.loads(run.stdout)
    n = int(summary["articles"])
    workers = config.workers or os.cpu_count() or 1
    return {
        "command": "sitrep ingest FILE",
        "articles": n,
        "repeat": repeat,
        "workers": workers,
        "seconds": round(run.seconds, 2),
        "articles_per_s": round(n / run.seconds, 2) if run.seconds else 0.0,
        "cpu_s": round(cpu, 2),
        "articles_per_cpu_s": round(n / cpu, 2) if cpu else 0.0,
        # the command's and its workers' RSS summed (pages the workers share with
        # it counted in each): not the memory target, which one process measures
        "summed_rss_mb": _mb(run.polled_rss),
    }


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def run_benchmarks(
    config: Config,
    *,
    corpora: Sequence[str] = CORPORA,
    repeat_memory: int = 10,
    limit: int | None = None,
    out: Path | None = DEFAULT_OUT,
    log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run every benchmark on ``corpora`` and return (and write to ``out``) the result.

    ``limit`` keeps the first N articles of each corpus (``--quick`` uses
    :data:`QUICK_LIMIT`); ``repeat_memory`` is how many copies of the corpus the
    flat-memory check ingests (1 skips it); ``out=None`` writes no file;
    ``log`` receives one line per step (progress).
    """
    unknown = [c for c in corpora if c not in CORPORA]
    if unknown:
        raise ConfigError(
            f"unknown benchmark corpus {', '.join(unknown)}; choose from {', '.join(CORPORA)}"
        )
    if limit is not None and limit < 1:
        raise ConfigError(f"benchmark limit must be a positive number of articles, got {limit}")
    say = log or (lambda _msg: None)
    from sitrep.read.en.extract import Extractor

    load_before = _loadavg()
    say("loading models (start-up, timed in this process)")
    t0 = time.perf_counter()
    _warm_up(Extractor(config))
    warm_s = time.perf_counter() - t0
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        for name in corpora:
            results[name] = bench_corpus(
                config,
                name,
                limit=limit,
                repeat_memory=repeat_memory,
                workdir=Path(tmp),
                log=say,
            )
        cli = None
        if "general" in corpora:
            rows = load_corpus("general", limit=limit)
            say(f"[general] `sitrep ingest FILE`: {len(rows) * CLI_REPEAT} articles, fresh process")
            cli = measure_cli(config, rows, Path(tmp))
    say("event classifier throughput")
    classifier = bench_classifier(config, load_corpus(corpora[0], limit=limit) if corpora else [])
    result: dict[str, Any] = {
        "machine": machine(),
        "settings": {
            "spacy_model": config.spacy_model,
            "limit": limit,
            "repeat_memory": repeat_memory,
            "corpora": list(corpora),
        },
        # other work on the machine slows every figure: a load near the core
        # count before or after the run means the timings are not clean
        "load_average": {"before": load_before, "after": _loadavg()},
        "startup_in_process_s": round(warm_s, 2),
        "corpora": results,
        "classifier": classifier,
        "cli": cli,
        "targets": target_verdicts(results, cli),
    }
    if out is not None:
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
        result["out"] = str(out)
    return result


def bench_classifier(
    config: Config, rows: Sequence[dict[str, str]], *, max_sentences: int = 20_000
) -> dict[str, Any]:
    """Sentences/s of the event classifier on one process, as the extractor calls it.

    The sentences are the candidate sentences (a trigger word, as the extractor
    picks them) of ``rows``, classified one call per chunk of articles (as
    :meth:`Extractor.read_many` does), model loaded before the clock; also in
    one call for them all. Per wall-clock second and per CPU second (the
    latter is what the process itself spent, so other work on a busy machine
    does not lower it). ``{"model": None}`` when the lexicon alone decides.
    """
    from sitrep.core.resources import load_classifier
    from sitrep.read.en.extract import DEFAULT_CHUNK
    from sitrep.read.typology import is_candidate
    from sitrep.text.sentences import split_sentences

    clf = load_classifier(config)
    if clf is None:
        return {"model": None}
    chunks: list[list[str]] = []
    total = 0
    for k in range(0, len(rows), DEFAULT_CHUNK):
        found = [
            s.span.text
            for row in rows[k : k + DEFAULT_CHUNK]
            for s in split_sentences(row["text"])
            if is_candidate(s.span.text)
        ][: max_sentences - total]
        if found:
            chunks.append(found)
            total += len(found)
        if total >= max_sentences:
            break
    if not total:
        return {"model": config.event_model or "default", "sentences": 0}
    clf.predict(chunks[0][:4])  # warm the vectorisers' first-call costs
    wall, cpu = time.perf_counter(), time.process_time()
    for sentences in chunks:
        clf.predict(sentences)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    flat = [s for batch in chunks for s in batch]
    batch_wall = time.perf_counter()
    clf.predict(flat)
    batch_wall = time.perf_counter() - batch_wall
    speed = round(total / wall, 1) if wall else None
    per_cpu = round(total / cpu, 1) if cpu else None
    return {
        "model": config.event_model or "default",
        "sentences": total,
        "sentences_per_s": speed,
        "sentences_per_cpu_s": per_cpu,
        "sentences_per_s_one_batch": round(total / batch_wall, 1) if batch_wall else None,
        "target_sentences_per_s": CLASSIFIER_TARGET_SENTENCES_PER_S,
        # judged per CPU second: the process's own cost, which other work on a
        # shared machine does not change (the wall-clock figure is beside it)
        "met": None if per_cpu is None else per_cpu >= CLASSIFIER_TARGET_SENTENCES_PER_S,
    }


# -- presentation ------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def format_table(result: dict[str, Any]) -> str:
    """The benchmark result as a plain-text report: machine, one column per corpus, targets."""
    m = result.get("machine", {})
    lines = [
        f"machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, "
        f"{m.get('ram_gb', '?')} GB RAM, Python {m.get('python', '?')}, "
        f"spaCy {m.get('spacy', '?')}, {m.get('date', '?')}"
        + (f", commit {m['commit']}" if m.get("commit") else ""),
    ]
    load = result.get("load_average") or {}
    cores = m.get("cores") or 1
    # "after" counts the benchmark's own last child (about one core) too
    busy = [
        v
        for v, own in ((load.get("before"), 0.0), (load.get("after"), 1.0))
        if v is not None and v - own > cores / 2
    ]
    if busy:
        lines.append(
            f"WARNING: load average {max(busy):.1f} on {cores} cores during the run: other "
            "work shared the CPU, timings are low; run again on a quiet machine"
        )
    corpora: dict[str, dict[str, Any]] = result.get("corpora", {})
    names = list(corpora)
    rows: list[tuple[str, Callable[[dict[str, Any]], Any]]] = [
        ("articles", lambda c: c.get("articles")),
        ("words", lambda c: c.get("words")),
        ("chars / article", lambda c: c.get("chars_per_article")),
        ("sitrep 1 process: articles/s", lambda c: c["sitrep_1"]["articles_per_s"]),
        ("sitrep 1 process: words/s", lambda c: c["sitrep_1"]["words_per_s"]),
        ("sitrep all cores: articles/s", lambda c: c["sitrep_all"]["articles_per_s"]),
        ("sitrep all cores: words/s", lambda c: c["sitrep_all"]["words_per_s"]),
        ("baseline spaCy full: articles/s", lambda c: c["baseline"]["articles_per_s"]),
        ("baseline spaCy full: words/s", lambda c: c["baseline"]["words_per_s"]),
        ("speed-up 1 process / baseline", lambda c: c.get("speedup_1")),
        ("speed-up all cores / baseline", lambda c: c.get("speedup_all")),
        ("sitrep 1 process: articles/CPU-s", lambda c: c["sitrep_1"]["articles_per_cpu_s"]),
        ("baseline: articles/CPU-s", lambda c: c["baseline"]["articles_per_cpu_s"]),
        ("speed-up in CPU time", lambda c: c.get("speedup_cpu")),
        ("start-up, fresh process (s)", lambda c: c["memory"].get("startup_s")),
        ("RSS after start-up (MB)", lambda c: c["memory"].get("rss_ready_mb")),
        ("peak RSS, corpus x1 (MB)", lambda c: c["memory"].get("peak_rss_mb_x1")),
        ("peak RSS, corpus xN (MB)", lambda c: c["memory"].get("peak_rss_mb_xn")),
        ("  N / articles ingested", lambda c: _repeat_label(c["memory"])),
        ("RSS at the end, corpus x1 (MB)", lambda c: c["memory"].get("end_rss_mb_x1")),
        ("RSS at the end, corpus xN (MB)", lambda c: c["memory"].get("end_rss_mb_xn")),
        ("peak RSS ratio xN / x1", lambda c: c["memory"].get("rss_ratio")),
        ("DB MB / 1,000 articles", lambda c: c["db"]["mb_per_1000_articles"]),
        ("mentions stored", lambda c: c["db"]["mentions"]),
        ("events stored", lambda c: c["db"]["events"]),
    ]
    table = [["", *names]]
    for label, get in rows:
        cells = []
        for n in names:
            try:
                cells.append(_fmt(get(corpora[n])))
            except (KeyError, TypeError):
                cells.append("-")
        table.append([label, *cells])
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for i, r in enumerate(table):
        lines.append(
            "  ".join(
                cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                for j, cell in enumerate(r)
            ).rstrip()
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    clf = result.get("classifier") or {}
    if clf.get("sentences_per_s"):
        lines.append(
            f"event classifier ({clf['model']}), 1 process: {_fmt(clf['sentences_per_s'])} "
            f"sentences/s ({_fmt(clf.get('sentences_per_cpu_s'))} per CPU-s) in chunks of "
            f"articles, {_fmt(clf['sentences_per_s_one_batch'])} in one batch "
            f"({clf['sentences']:,} candidate sentences); goal "
            f"{_fmt(clf['target_sentences_per_s'])} per CPU-s: {'met' if clf['met'] else 'NOT met'}"
        )
    elif "classifier" in result:
        lines.append("event classifier: none (the trigger lexicon alone decides)")
    cli = result.get("cli")
    if cli:
        lines.append(
            f"`{cli['command']}` (fresh process, start-up counted, {cli['workers']} workers), "
            f"general news x{cli['repeat']}: {cli['articles']:,} articles in "
            f"{_fmt(cli['seconds'])} s = {_fmt(cli['articles_per_s'])} articles/s, "
            f"{_fmt(cli['articles_per_cpu_s'])} per CPU-s"
        )
    targets = result.get("targets", {})
    if targets:
        lines.append("issue 13 targets:")
        for key, t in targets.items():
            mark = {True: "met", False: "NOT met", None: "n/a"}[t.get("met")]
            label = TARGET_LABELS.get(key, key)
            lines.append(
                f"  {key}: {_fmt(t.get('value'))} (goal {_fmt(t.get('target'))}) {mark}  [{label}]"
            )
    if result.get("out"):
        lines.append(f"written to {result['out']}")
    return "\n".join(lines)


def _repeat_label(memory: dict[str, Any]) -> str | None:
    if "repeat" not in memory:
        return None
    return f"{memory['repeat']} / {memory['articles_xn']:,}"


# -- profiling ---------------------------------------------------------------------


def profile_pipeline(
    config: Config,
    *,
    corpus: str = "general",
    limit: int | None = None,
    top: int = 30,
    stats_out: Path | None = None,
) -> str:
    """cProfile of the single-process pipeline over ``corpus`` (models warm).

    Returns two listings: the functions with the most cumulative time, and
    the most internal (own) time. ``stats_out`` also saves the raw profile
    (for ``python -m pstats`` or snakeviz).
    """
    from sitrep.pipeline import ingest
    from sitrep.read.en.extract import Extractor
    from sitrep.store import open_store

    rows = load_corpus(corpus, limit=limit)
    _warm_up(Extractor(config))
    with tempfile.TemporaryDirectory(prefix="sitrep-prof-") as tmp:
        src = write_jsonl(rows, Path(tmp) / "in.jsonl")
        prof = cProfile.Profile()
        with open_store(str(Path(tmp) / "p.db")) as store:
            prof.enable()
            ingest([src], config=config, store=store, workers=1)
            prof.disable()
    if stats_out is not None:
        prof.dump_stats(str(stats_out))
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return buf.getvalue()
