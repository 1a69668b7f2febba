"""Time the actor dictionary: loading it, and find() over many sentences.

Usage: python scripts/bench_actors.py [TEXT_FILE ...]

Without files it reads the bundled demo corpus (English and Persian); a .xml
file is read as LGL / GeoWebNews (general news, its <text> elements). Each
sentence is matched with a context country (as the extractor does), the whole
set repeated until at least 20,000 sentences have been matched; the best of
five runs (CPU time of this process, so other load on the machine counts less)
is printed.
"""

from __future__ import annotations

import json
import re
import sys
import time
from importlib import resources
from pathlib import Path

from sitrep.actors import ActorDictionary, _load_cached


def _sentences(paths: list[str]) -> list[str]:
    texts: list[str] = []
    if paths:
        for p in paths:
            raw = Path(p).read_text(encoding="utf-8")
            if p.endswith(".xml"):  # LGL / GeoWebNews: the articles' <text> elements
                raw = "\n".join(
                    re.findall(r"<text>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</text>", raw, re.S)
                )
            texts.append(raw)
    else:
        demo = resources.files("sitrep").joinpath("demo")
        for name in ("reports.jsonl", "reports_fa.jsonl"):
            for line in demo.joinpath(name).read_text("utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
    out = []
    for t in texts:
        out += [s for s in re.split(r"(?<=[.!?؟])\s+|\n+", t) if len(s) > 20]
    return out


def main() -> None:
    sentences = _sentences(sys.argv[1:])
    _load_cached.cache_clear()
    t0 = time.process_time()
    actors = ActorDictionary.from_files([])
    load = time.process_time() - t0
    reps = max(1, 20_000 // len(sentences))
    best = float("inf")
    n_found = 0
    for _ in range(5):
        t0 = time.process_time()
        n_found = 0
        for _ in range(reps):
            for s in sentences:
                n_found += len(actors.find(s, country="SYR"))
        best = min(best, time.process_time() - t0)
    n = reps * len(sentences)
    print(
        f"actors={len(actors)} load={load:.3f}s sentences={n} "
        f"find={best / n * 1e6:.1f}us/sentence matches={n_found // reps} per pass"
    )


if __name__ == "__main__":
    main()
