"""Where the CPU of an in-process ingest goes, stage by stage, without a profiler.

Usage: PYTHONPATH=CHECKOUT python scripts/bench_stages.py [general|guardian] > STAGES.json

cProfile charges its own cost to every Python call it sees, so code made of many
small calls (the gazetteer scan, the trigger finder) looks several times dearer
than it is, and C code (spaCy's parser) cheaper. Here the models are loaded and
warmed first, as ``scripts/bench_inprocess.py`` does, then a handful of coarse
functions are wrapped with a CPU-time counter and ``sitrep.pipeline.ingest`` runs
with one worker into a fresh SQLite file: the wrapped functions are called
hundreds or a few thousand times, so the counters cost little. Prints one JSON
line: the commit, the total CPU seconds, and each stage's CPU seconds, share and
number of calls. Stages nest: ``prepare`` holds ``prepare.*``, ``gazetteer.scan``
and ``gazetteer.resolve`` are inside ``prepare.places``; ``rest`` is what no
top-level stage holds (the second pass of reading, sources, the ingest loop).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sitrep.pipeline as pipeline
import sitrep.read.en.extract as extract
import sitrep.store.database as database
from sitrep.core.config import default_config
from sitrep.quality.bench.ingest import _warm_up, load_corpus, machine, write_jsonl
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.store import open_store

CPU: Counter[str] = Counter()
CALLS: Counter[str] = Counter()
# the stages that do not nest in one another: their sum and the total give "rest"
TOP = ("prepare", "parse", "store", "merge")


def _timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper that adds its CPU time to ``label``."""
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            CPU[label] += time.process_time() - t0
            CALLS[label] += 1

    setattr(owner, name, wrapper)


def main() -> None:
    corpus = sys.argv[1] if len(sys.argv) > 1 else "general"
    reader = extract.EnglishReader
    _timed(reader, "_prepare", "prepare")
    _timed(reader, "_article_places", "prepare.places")
    _timed(reader, "_quiet", "prepare.quiet")
    _timed(reader, "_parse", "parse")
    # the names the reader module imported, so its calls go through the wrappers
    for name in ("split_sentences", "attribute", "is_candidate", "find_triggers"):
        _timed(extract, name, f"prepare.{name}")
    _timed(extract.dates_mod, "find_dates", "prepare.find_dates")
    _timed(Gazetteer, "_scan", "gazetteer.scan")
    _timed(Gazetteer, "_resolve", "gazetteer.resolve")
    _timed(database, "simhash", "store.simhash")
    _timed(pipeline, "merge_pending", "merge")
    config = default_config()
    _warm_up(extract.Extractor(config))
    CPU.clear()
    CALLS.clear()
    rows = load_corpus(corpus)
    with tempfile.TemporaryDirectory(prefix="sitrep-stages-") as tmp:
        src = write_jsonl(rows, Path(tmp) / f"{corpus}.jsonl")
        with open_store(str(Path(tmp) / f"{corpus}.db")) as store:
            _timed(type(store), "save_readings", "store")
            t0 = time.process_time()
            pipeline.ingest([src], config=config, store=store, workers=1)
            total = time.process_time() - t0
    CPU["rest"] = total - sum(CPU[k] for k in TOP)
    out = {
        "commit": machine()["commit"],
        "corpus": corpus,
        "articles": len(rows),
        "cpu_s": round(total, 3),
        "articles_per_cpu_s": round(len(rows) / total, 2),
        "stages": {
            k: {"cpu_s": round(CPU[k], 3), "share": round(CPU[k] / total, 3), "calls": CALLS[k]}
            for k in sorted(CPU)
        },
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
