"""Timings that unit tests used to assert, measured and printed instead.

A bound on wall time in a unit test fails on a busy machine and passes on a fast
one whatever the code does, so the unit tests keep only what they check about the
answers, and the times are here: each figure is measured (the median of a few runs
where a run is short), printed next to the bound the test used to assert, and
marked when it is over it. ``sitrep bench timings`` runs them all.

The figures:

- ``actors.find`` on a text of about 4,000 words, Iraq and the world catalogue (1 s);
- the regional gazetteer (14 countries, towns of 5,000 or more): building it in a
  fresh cache folder (15 s), loading it from the cache (1 s), and ``find`` on one
  sentence once its token cache is warm (1 ms);
- the default (world) gazetteer loaded from the cache (3 s; under 1 s when idle);
- refusing a 50 MB file without reading it (2 s, printed in ms);
- two API reads while a writer holds the database's write lock (5 s).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.quality.bench.startup import ensure_demo_db, load_average, machine_load, text_table

REGION = ("SY", "IQ", "TR", "JO", "LB", "IL", "PS", "IR", "SA", "KW", "YE", "EG", "LY", "AF")

# Sentences written for this benchmark, in the manner of wire copy on the Euphrates.
IRAQ_SENTENCE = (
    "Iraqi troops and the Popular Mobilization Forces, with coalition aircraft overhead, "
    "drove ISIS fighters out of al-Qaim on Friday, a military spokesman said. "
)
WORLD_SENTENCE = (
    "Ukrainian troops and Azov Regiment units held off Russian forces and Wagner fighters "
    "outside Bakhmut, officials said, while the Rapid Support Forces shelled El Fasher. "
)
PLACE_SENTENCES = [
    "Government troops entered Deir ez-Zor on Friday as Iraqi forces pushed into al-Qaim.",
    "The road from Baghdad to Damascus runs through Anbar Province and the Syrian desert.",
    "Fighters fell back from Abu Kamal towards the villages along the Euphrates.",
    "A spokesman in Damascus said the army held the crossing near Bukamal.",
    "Residents of Raqqa told reporters that the shelling stopped on Sunday night.",
]


@dataclass(frozen=True)
class Timing:
    """One figure: what was timed, its value (in ``unit``), and the bound a unit test
    used to assert (in the same unit)."""

    name: str
    value: float
    bound: float
    unit: str = "s"
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.bound


def _median(work: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def time_actors() -> list[Timing]:
    """``actors.find`` on about 4,000 words, in Iraq and with the world's state forces."""
    from sitrep.resolve.actors import ActorDictionary

    actors = ActorDictionary.from_files([])
    iraq, world = IRAQ_SENTENCE * 200, WORLD_SENTENCE * 200
    return [
        Timing(
            "actors.find, 4,000 words (IRQ)", _median(lambda: actors.find(iraq, country="IRQ")), 1.0
        ),
        Timing(
            "actors.find, 4,000 words, world catalogue (UKR)",
            _median(lambda: actors.find(world, country="UKR")),
            1.0,
        ),
    ]


def time_regional_gazetteer(config: Config) -> list[Timing]:
    """Build the regional gazetteer in a fresh folder, load it again, find places with it."""
    from sitrep.resolve.gazetteer import Gazetteer

    out = []
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        regional = config.with_(
            cache_dir=folder, gazetteer_countries=REGION, gazetteer_min_population=5000
        )
        started = time.perf_counter()
        g = Gazetteer.load(regional)
        out.append(
            Timing(
                "gazetteer build, regional (14 countries, 5,000+)",
                time.perf_counter() - started,
                15.0,
            )
        )
        out.append(
            Timing(
                "gazetteer load from cache, regional",
                _median(lambda: Gazetteer.load(regional)),
                1.0,
            )
        )
        sentences = PLACE_SENTENCES * 40
        g.find(sentences[0])  # the token cache warm, as in a long-running reader

        def find_all() -> None:
            for s in sentences:
                g.find(s)

        per_sentence = _median(find_all) / len(sentences)
        out.append(Timing("gazetteer.find, one sentence", per_sentence * 1000, 1.0, unit="ms"))
    return out


def time_world_gazetteer(config: Config) -> list[Timing]:
    """Load the default (world) gazetteer from the cache (built first when absent)."""
    from sitrep.resolve.gazetteer import Gazetteer, cache_file

    world = config.with_(gazetteer_countries=("*",), gazetteer_min_population=500)
    note = "" if cache_file(world).is_file() else "the cache was built first"
    Gazetteer.load(world)
    seconds = _median(lambda: Gazetteer.load(world))
    return [Timing("gazetteer load from cache, world", seconds, 3.0, note=note)]


def time_refusing_a_big_file() -> list[Timing]:
    """Reading a 50 MB file that is over the size limit: refused on its size, unread."""
    from sitrep.ingest.sources import read_inputs

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        path = Path(folder) / "huge.html"
        with path.open("wb") as fh:  # sparse: 50 MB on paper, next to nothing on disk
            fh.write(b"<html>")
            fh.truncate(50_000_000)
        seconds = _median(lambda: list(read_inputs([path])))
    return [Timing("refusing a 50 MB file", seconds * 1000, 2000.0, unit="ms")]


def time_reads_under_a_writer(config: Config, db: Path) -> list[Timing]:
    """Two API reads while another connection holds the write lock of a SQLite database."""
    with warnings.catch_warnings():
        # starlette's note that its test client will move to another HTTP library
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient

    from sitrep.faces.web import create_app

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        copy = Path(folder) / "demo.db"
        with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)
        with TestClient(create_app(config, db=str(copy))) as client:
            writer = sqlite3.connect(copy, timeout=1)
            try:
                writer.execute("BEGIN IMMEDIATE")  # as an ingest storing an article does
                writer.execute("UPDATE articles SET title = title || ' (edited)'")

                def reads() -> None:
                    for url in ("/api/events?limit=5", "/api/control?as_of=2017-11-12"):
                        res = client.get(url)
                        if res.status_code != 200:
                            raise RuntimeError(f"{url}: HTTP {res.status_code}")

                seconds = _median(reads)
            finally:
                writer.rollback()
                writer.close()
    return [Timing("two API reads while a writer holds the lock", seconds, 5.0)]


def run_timings(
    config: Config, *, demo_db: Path, log: Callable[[str], None] = print
) -> dict[str, Any]:
    """Every timing of this module; the figures as a JSON-ready dict."""
    groups: list[tuple[str, Callable[[], list[Timing]]]] = [
        ("actors", time_actors),
        ("regional gazetteer", lambda: time_regional_gazetteer(config)),
        ("world gazetteer", lambda: time_world_gazetteer(config)),
        ("a 50 MB file", time_refusing_a_big_file),
        (
            "reads under a writer",
            lambda: time_reads_under_a_writer(config, ensure_demo_db(config, demo_db, log=log)),
        ),
    ]
    load_before = load_average()
    timings: list[Timing] = []
    for name, work in groups:
        log(f"timing {name}")
        timings.extend(work())
    return {
        "timings": [
            {
                "name": t.name,
                "value": round(t.value, 4),
                "unit": t.unit,
                "bound": t.bound,
                "met": t.met,
                "note": t.note,
            }
            for t in timings
        ],
        "cores": os.cpu_count() or 1,
        "load_average": {"before": load_before, "after": load_average()},
    }


def format_timings(result: dict[str, Any]) -> str:
    """The figures as a table, each beside the bound its unit test used to assert."""
    rows = [("timing", "measured", "former bound", "", "note")]
    for t in result["timings"]:
        unit = t["unit"]
        rows.append(
            (
                t["name"],
                f"{t['value']:.3f} {unit}",
                f"{t['bound']:g} {unit}",
                "ok" if t["met"] else "OVER",
                t["note"],
            )
        )
    return text_table(rows, machine_load(result))
