"""Where the CPU of an in-process ingest goes, stage by stage, without a profiler.

Usage: PYTHONPATH=CHECKOUT python scripts/bench_stages.py [general|guardian|FILE.jsonl] > OUT

cProfile charges its own cost to every Python call it sees, so code made of many
small calls (the gazetteer scan, the trigger finder) looks several times dearer
than it is, and C code (spaCy's parser) cheaper. Here the models are loaded and
warmed first, as ``scripts/bench_inprocess.py`` does, then a handful of coarse
functions are wrapped with a CPU-time counter and ``sitrep.pipeline.ingest`` runs
with one worker into a fresh SQLite file: the wrapped functions are called
hundreds or a few thousand times, so the counters cost little. Prints one JSON
line: the commit, the total CPU seconds, and each stage's CPU seconds, share and
number of calls. Stages nest: ``prepare`` holds ``prepare.*``, ``gazetteer.scan``
and ``gazetteer.resolve`` are inside ``prepare.places``; ``rest`` is what none of
``prepare``, ``parse``, ``store`` and ``merge`` holds (as the first rounds of this
script measured it: the second pass of reading, sources, the ingest loop).

That rest is broken down too. The second pass (``Extractor._finish``) is a
generator, timed step by step (``finish``; what it spends in
``_sentence_mentions``, the classifier and a few helpers is under ``finish.*``);
reading the input file (``read_inputs``, a generator too) is ``sources``; a
chunk's reading (``_safe_read_chunk``) is ``read``, of which ``read.rest`` is
what neither ``prepare``, ``parse`` nor ``finish`` holds (the chunk's own loop,
the parse rounds' bookkeeping); ``known``, ``publish`` and ``counts`` are the
store's look-up of known ids, the publication of event ids and the final count;
``loop`` is what none of ``sources``, ``known``, ``read``, ``store``, ``merge``,
``publish`` and ``counts`` holds (the ingest loop itself).

A name this checkout lacks is skipped (the script runs on older commits too).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import sitrep.pipeline as pipeline
import sitrep.read.en.extract as extract
import sitrep.store.database as database
from sitrep.core.config import default_config
from sitrep.quality.bench.ingest import _warm_up, load_corpus, machine, write_jsonl
from sitrep.read.classify.model import EventClassifier
from sitrep.read.common.context import ArticleContext
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.store import open_store

CPU: Counter[str] = Counter()
CALLS: Counter[str] = Counter()
# the stages that do not nest in one another: their sum and the total give "rest"
TOP = ("prepare", "parse", "store", "merge")
# the same for the whole loop: their sum and the total give "loop"
LOOP = ("sources", "known", "read", "store", "merge", "publish", "counts")
# what a chunk's reading holds: with "read", they give "read.rest"
READ = ("prepare", "parse", "finish")


def _timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper that adds its CPU time to ``label``."""
    if not hasattr(owner, name):
        return
    inner: Callable[..., Any] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            CPU[label] += time.process_time() - t0
            CALLS[label] += 1

    setattr(owner, name, wrapper)


def _timed_generator(owner: Any, name: str, label: str) -> None:
    """Replace the generator function ``owner.name`` by one that adds the CPU time of
    each of its steps (not of what its caller does between them) to ``label``."""
    inner: Callable[..., Generator[Any, Any, Any]] = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
        steps = inner(*args, **kwargs)
        sent: Any = None
        raised: BaseException | None = None
        CALLS[label] += 1
        while True:
            t0 = time.process_time()
            try:
                out = steps.send(sent) if raised is None else steps.throw(raised)
            except StopIteration as stop:
                CPU[label] += time.process_time() - t0
                return stop.value
            CPU[label] += time.process_time() - t0
            try:
                sent, raised = (yield out), None
            except Exception as exc:  # noqa: BLE001 - handed on to the timed generator
                sent, raised = None, exc

    setattr(owner, name, wrapper)


def main() -> None:
    corpus = sys.argv[1] if len(sys.argv) > 1 else "general"
    reader = extract.EnglishReader
    _timed(reader, "_prepare", "prepare")
    _timed(reader, "_article_places", "prepare.places")
    _timed(reader, "_quiet", "prepare.quiet")
    # (also called in the second pass, for the deferred sentences)
    _timed(reader, "_may_yield", "may_yield")
    _timed(reader, "_parse", "parse")
    # the names the reader module imported, so its calls go through the wrappers
    names = ("split_sentences", "attribute", "is_candidate", "find_triggers", "candidate_triggers")
    for name in names:
        _timed(extract, name, f"prepare.{name}")
    _timed(extract.dates_mod, "find_dates", "prepare.find_dates")
    _timed(Gazetteer, "_scan", "gazetteer.scan")
    _timed(Gazetteer, "_resolve", "gazetteer.resolve")
    _timed(database, "simhash", "store.simhash")
    _timed(pipeline, "merge_pending", "merge")
    # the rest: the second pass, the input, the loop
    _timed_generator(reader, "_finish", "finish")
    _timed(reader, "_sentence_mentions", "finish.sentence_mentions")
    _timed(reader, "_trigger_mentions", "finish.trigger_mentions")
    _timed(EventClassifier, "predict", "finish.classify")
    _timed(ArticleContext, "note_sentence", "finish.note_sentence")
    for name in ("denies_takeover", "infer_gaining_sides", "fallback_countries"):
        _timed(extract, name, f"finish.{name}")
    _timed_generator(pipeline, "read_inputs", "sources")
    _timed(pipeline, "_safe_read_chunk", "read")
    _timed(pipeline, "publish", "publish")
    config = default_config()
    _warm_up(extract.Extractor(config))
    CPU.clear()
    CALLS.clear()
    given = corpus.endswith(".jsonl")
    rows = (
        # lines end at "\n" only (str.splitlines would also split at U+2028 in a text)
        [json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").split("\n") if line]
        if given
        else load_corpus(corpus)
    )
    with tempfile.TemporaryDirectory(prefix="sitrep-stages-") as tmp:
        src = Path(corpus) if given else write_jsonl(rows, Path(tmp) / f"{corpus}.jsonl")
        with open_store(str(Path(tmp) / "stages.db")) as store:
            _timed(type(store), "save_readings", "store")
            _timed(type(store), "known_articles", "known")
            _timed(type(store), "counts", "counts")
            t0 = time.process_time()
            pipeline.ingest([src], config=config, store=store, workers=1)
            total = time.process_time() - t0
    CPU["rest"] = total - sum(CPU[k] for k in TOP)
    CPU["loop"] = total - sum(CPU[k] for k in LOOP)
    CPU["read.rest"] = CPU["read"] - sum(CPU[k] for k in READ)
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
