"""Start-up benchmark: how long a fresh ``sitrep`` process takes for the light commands.

Every command pays Python's start-up and its imports before it does any work, so
``sitrep --help`` and ``sitrep events --limit 5`` are the floor a user feels on each
call. Each command runs ``runs`` times, each time in a new process (after one
untimed run that warms the disk cache), and the median wall time is reported
against its target (issue 10: ``--help`` under 0.5 s, ``events --limit 5`` on the
demo database under 1.5 s). This is a benchmark, not a test: the figures depend on
the machine and on what else runs on it, so the load average is reported with them.

The demo database is the one ``make run`` builds (the demo reports in English and
Persian, and the Persian seed article), built once at ``demo_db`` when it is absent.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.core.config import Config

DEFAULT_DEMO_DB = Path("bench-reports/demo.db")
DEFAULT_RUNS = 5
DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
#: The comment ``sitrep moderate check`` reads (Persian, flagged by the rules and the model).
MODERATED_COMMENT = "شما یه مشت گوسفند نفهم هستید"


@dataclass(frozen=True)
class Command:
    """One command line timed by the benchmark (the words after ``sitrep``)."""

    name: str
    args: tuple[str, ...]
    target_seconds: float | None
    needs_db: bool = True


def commands(db: Path) -> list[Command]:
    """The commands timed: the help, the read-only commands on the demo database, moderation."""
    base = ("--db", str(db))
    return [
        Command("sitrep --help", ("--help",), 0.5, needs_db=False),
        Command("sitrep events --limit 5", (*base, "events", "--limit", "5"), 1.5),
        Command(
            "sitrep events --json --limit 5", (*base, "events", "--json", "--limit", "5"), None
        ),
        Command(
            "sitrep control --as-of 2017-11-20",
            (*base, "control", "--as-of", "2017-11-20"),
            None,
        ),
        # One comment through the default policy: the shipped model is read from its
        # arrays, without scikit-learn (issue 17).
        Command(
            "sitrep moderate check (one comment)",
            ("moderate", "check", MODERATED_COMMENT),
            None,
            needs_db=False,
        ),
    ]


def ensure_demo_db(config: Config, path: Path, log: Callable[[str], None] = print) -> Path:
    """The demo database at ``path``, ingested from the demo corpus when it holds no events."""
    from sitrep.pipeline import ingest
    from sitrep.store import open_store

    if path.exists():
        with open_store(str(path), readonly=True) as store:
            if store.counts()["events"]:
                return path
    path.parent.mkdir(parents=True, exist_ok=True)
    log(f"building the demo database {path} (once)")
    with open_store(str(path)) as store:
        ingest(sorted(DEMO_DIR.glob("reports*.jsonl")), config=config, store=store)
        ingest(
            [DEMO_DIR / "seed_fa.txt"],
            config=config,
            store=store,
            outlet="Tabnak",
            published=date(2017, 11, 4),
        )
    return path


def time_command(args: Sequence[str], runs: int, *, env: dict[str, str] | None = None) -> dict:
    """Wall seconds of ``runs`` fresh ``python -m sitrep ARGS`` processes (after a warm-up)."""
    cmd = [sys.executable, "-m", "sitrep", *args]

    def once() -> tuple[float, float]:
        cpu_before = _children_cpu()
        started = time.perf_counter()
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr[-500:]}")
        return seconds, _children_cpu() - cpu_before

    warm_up, _ = once()
    measured = [once() for _ in range(runs)]
    times = [wall for wall, _ in measured]
    return {
        "runs": runs,
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "max_s": round(max(times), 3),
        # CPU seconds of the process (user + system): what the command costs, which a
        # busy machine does not inflate as it does the wall time
        "cpu_median_s": round(statistics.median(cpu for _, cpu in measured), 3),
        "warm_up_s": round(warm_up, 3),
        "times_s": [round(t, 3) for t in times],
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def heavy_modules(args: Sequence[str], *, env: dict[str, str] | None = None) -> list[str]:
    """Which of the slow-to-import libraries a command loads (spaCy, the web stack, ...)."""
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['sitrep', *{list(args)!r}]\n"
        "try:\n"
        "    runpy.run_module('sitrep', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = {sorted(HEAVY)!r}\n"
        "sys.__stderr__.write('\\n'.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    return [line for line in done.stderr.splitlines() if line in HEAVY]


# Libraries whose import costs a large part of a second or more on these machines.
HEAVY = frozenset(
    {
        "spacy",
        "fastapi",
        "starlette",
        "uvicorn",
        "sklearn",
        "sitrep.resolve.gazetteer",
        "sitrep.read.en.extract",
        "dateparser",
        "trafilatura",
        "sqlalchemy",
    }
)


def run_startup_bench(
    config: Config,
    *,
    runs: int = DEFAULT_RUNS,
    demo_db: Path = DEFAULT_DEMO_DB,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Time every command of :func:`commands`; the figures as a JSON-ready dict."""
    db = ensure_demo_db(config, demo_db, log=log)
    env = dict(os.environ)
    env.pop("SITREP_DB", None)  # every command names its database
    load_before = load_average()
    results = []
    for command in commands(db):
        log(f"timing {command.name} ({runs} runs)")
        figures = time_command(command.args, runs, env=env)
        target = command.target_seconds
        results.append(
            {
                "command": command.name,
                "args": list(command.args),
                **figures,
                "target_s": target,
                "met": None if target is None else figures["median_s"] <= target,
                "heavy_modules": heavy_modules(command.args, env=env),
            }
        )
    return {
        "commands": results,
        "demo_db": str(db),
        "cores": os.cpu_count() or 1,
        "load_average": {"before": load_before, "after": load_average()},
    }


def format_startup(result: dict[str, Any]) -> str:
    """The figures as a table: median, min, max, the target and the heavy imports."""
    rows = [("command", "median", "min", "max", "CPU", "target", "", "heavy imports")]
    for c in result["commands"]:
        target = "-" if c["target_s"] is None else f"{c['target_s']:.1f} s"
        verdict = "" if c["met"] is None else ("ok" if c["met"] else "MISSED")
        rows.append(
            (
                c["command"],
                f"{c['median_s']:.2f} s",
                f"{c['min_s']:.2f} s",
                f"{c['max_s']:.2f} s",
                f"{c['cpu_median_s']:.2f} s",
                target,
                verdict,
                ", ".join(c["heavy_modules"]) or "none",
            )
        )
    runs = result["commands"][0]["runs"]
    return text_table(
        rows,
        f"median of {runs} fresh processes each (wall time; CPU: user + system of the "
        f"process); {machine_load(result)}",
    )


def text_table(rows: Sequence[Sequence[str]], footer: str) -> str:
    """``rows`` (the first one the header) in aligned columns, then ``footer``."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join([*lines, footer])


def machine_load(result: dict[str, Any]) -> str:
    """The cores and the load average a benchmark's ``result`` records."""
    load = result["load_average"]
    return f"{result['cores']} cores, load average {load['before']} before, {load['after']} after"


def load_average() -> float | None:
    """The one-minute load average (None where the system does not tell)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None
