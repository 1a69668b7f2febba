"""How the cost of storing an article grows with the articles of its week already stored.

Usage: PYTHONPATH=CHECKOUT python scripts/bench_store_growth.py [N] [DB] > GROWTH.json

Stores N (default 6,000) synthetic articles, all published within one week, into a
fresh SQLite file (or the database URL DB, emptied first), in batches of 100 as
``sitrep ingest`` stores them, through ``Store.save_readings`` with no reading (an
article whose reading failed still gets its duplicate look-ups and its row), so only
storing is timed. Each text is 120 words drawn at random from a vocabulary of 5,000
made-up words (seeded: the same texts on every checkout), so no two are near-copies
and the near-duplicate look-up meets every article of the week. Prints one JSON
line: the commit and, per slice of a tenth of the articles, the CPU milliseconds
per article stored (the SimHash of each text included).
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.core.records import Article
from sitrep.quality.bench.ingest import machine
from sitrep.store import metadata, open_store


def _articles(n: int) -> list[Article]:
    rng = random.Random(2026)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(5000)]
    start = date(2024, 6, 3)
    return [
        Article.make(
            " ".join(rng.choices(vocabulary, k=120)),
            language="en",
            outlet=f"Outlet {i % 7}",
            published_at=start + timedelta(days=rng.randint(0, 6)),
        )
        for i in range(n)
    ]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    items = _articles(n)
    slices: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="sitrep-growth-") as tmp:
        db = sys.argv[2] if len(sys.argv) > 2 else str(Path(tmp) / "growth.db")
        if "://" in db:
            with open_store(db) as store:
                metadata.drop_all(store.engine)
        with open_store(db) as store:
            step = max(1, n // 10)
            for lo in range(0, n, step):
                cpu0, wall0 = time.process_time(), time.perf_counter()
                part = items[lo : lo + step]
                for k in range(0, len(part), 100):
                    store.save_readings([(a, "synthetic") for a in part[k : k + 100]])
                cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
                slices.append(
                    {
                        "stored_before": lo,
                        "articles": len(part),
                        "cpu_ms_per_article": round(1000 * cpu / len(part), 3),
                        "wall_ms_per_article": round(1000 * wall / len(part), 3),
                    }
                )
    out = {
        "commit": machine()["commit"],
        "articles": n,
        "cpu_s": round(sum(s["cpu_ms_per_article"] * s["articles"] for s in slices) / 1000, 2),
        "slices": slices,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
