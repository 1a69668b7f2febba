"""Which evaluation figures moved between two trees: the check before a commit.

Usage:
    sitrep eval all --report old.json        # on the old tree (or eval NAME --json > old.json)
    sitrep eval all --report new.json        # on the new tree
    python scripts/compare_evals.py old.json new.json [NAME ...]

Each file is what ``sitrep eval all --report`` writes (a list of results) or what
``sitrep eval NAME --json`` prints (one result). For each evaluation (or only the
NAMEs given) it prints "identical" or each figure that differs, old -> new, and
the numbers of ``details`` that differ (misses, false positives, counts), so a
change that moves no headline figure but swaps one error for another still shows.
Timings (keys with seconds, rate, per_s, elapsed) are left out: they move with
the machine's load. Exit status 1 when a figure dropped, so a script can stop on it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

SKIP = ("seconds", "per_s", "elapsed", "rate", "time")


def flat(x: Any, prefix: str = "") -> Iterator[tuple[str, float]]:
    """Every number in a JSON value, keyed by its path ("figures.dev_f1")."""
    if isinstance(x, dict):
        for k, v in x.items():
            yield from flat(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from flat(v, f"{prefix}[{i}]")
    elif isinstance(x, (int, float)) and not isinstance(x, bool):
        yield prefix, float(x)


def by_name(path: str) -> dict[str, dict[str, Any]]:
    """The results of one file by evaluation name."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    results = data if isinstance(data, list) else [data]
    out: dict[str, dict[str, Any]] = {}
    for r in results:
        if "figures" not in r:
            # `sitrep eval case2021 --json` prints its contract (accuracy, F1s,
            # per_class): all of it is figures
            r = {"name": "case2021", "figures": r, "details": {}}
        out[str(r.get("name", "result"))] = r
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    old, new = by_name(argv[0]), by_name(argv[1])
    names = argv[2:] or sorted(set(old) | set(new))
    dropped = False
    for name in names:
        if name not in old or name not in new:
            print(f"{name}: only in {'the new' if name in new else 'the old'} file")
            continue
        a = {k: v for k, v in flat(old[name].get("figures", {})) if not any(s in k for s in SKIP)}
        b = {k: v for k, v in flat(new[name].get("figures", {})) if not any(s in k for s in SKIP)}
        moved = [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        da = dict(flat(old[name].get("details", {})))
        db = dict(flat(new[name].get("details", {})))
        detail_moves = sum(1 for k in set(da) | set(db) if da.get(k) != db.get(k))
        if not moved and not detail_moves and old[name].get("details") == new[name].get("details"):
            print(f"{name}: identical")
            continue
        print(f"{name}: {len(moved)} figures differ" + (", details differ" if not moved else ""))
        for k, x, y in moved:
            print(f"   {k}: {x} -> {y}")
            if x is not None and y is not None and y < x:
                dropped = True
    return 1 if dropped else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
