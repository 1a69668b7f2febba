"""The in-process ingest figures of one checkout, for a side-by-side comparison.

Usage: PYTHONPATH=CHECKOUT python scripts/bench_inprocess.py > FIGURES.json

In one process, models loaded before the clock: ``sitrep.pipeline.ingest`` with
one worker into a fresh SQLite file, over the general-news corpus (GeoWebNews +
LGL, 788 articles) and the Guardian one (249), as ``sitrep bench`` measures its
one-process row (``measure_pipeline``); then spaCy's whole pipeline over every
sentence of the general-news articles (``measure_baseline``). Prints one JSON
line with the checkout's commit. Start two checkouts' runs together, each with
its own ``XDG_CACHE_HOME`` (a checkout whose classifier code differs trains its
own model first), and compare their CPU times: the load of a shared machine
changes wall clocks more than CPU times.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sitrep.core.config import default_config
from sitrep.quality.bench.ingest import (
    _warm_up,
    count_words,
    load_corpus,
    machine,
    measure_baseline,
    measure_pipeline,
    write_jsonl,
)
from sitrep.read.en.extract import Extractor


def main() -> None:
    config = default_config()
    _warm_up(Extractor(config))
    out: dict[str, object] = {"commit": machine()["commit"]}
    with tempfile.TemporaryDirectory(prefix="sitrep-side-") as tmp:
        for name in ("general", "guardian"):
            rows = load_corpus(name)
            src = write_jsonl(rows, Path(tmp) / f"{name}.jsonl")
            out[name] = measure_pipeline(
                config, src, Path(tmp) / f"{name}.db", workers=1, words=count_words(rows)
            )
    rows = load_corpus("general")
    out["baseline_general"] = measure_baseline(
        config, [r["text"] for r in rows], words=count_words(rows)
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
