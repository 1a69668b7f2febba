"""Running evaluations, printing their tables, and the CI gate.

The gate compares each figure with the floor pinned in ``baseline.json``
(beside this module) and fails when a figure falls below its floor or when a
corpus changed (its hash differs). Raising a floor is an ordinary commit;
lowering one needs ``sitrep eval --lower-floors`` (which rewrites the file)
and a reason in the commit message.
"""

from __future__ import annotations

import importlib
import json
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.quality.evaluation.common import EvalResult

BASELINE = Path(__file__).with_name("baseline.json")

# name -> module holding `evaluate(config) -> EvalResult`
EVALUATIONS: dict[str, str] = {
    "seed": "sitrep.quality.evaluation.seed",
    "moderation": "sitrep.quality.evaluation.moderation",
    "geoparse": "sitrep.quality.evaluation.geoparse",
    "case2021": "sitrep.quality.evaluation.case2021",
    "guardian": "sitrep.quality.evaluation.guardian",
    "wcep": "sitrep.quality.evaluation.wcep",
    "persian": "sitrep.quality.evaluation.persian",
    "world": "sitrep.quality.evaluation.world",
}

# Figures of held-out splits: reported, never pinned (tuning against them would
# spoil them), so ``--pin`` leaves them out.
HELD_OUT_PREFIX = "test_"
# ... or a held-out split of a second set inside one evaluation ("fa_world_test_f1")
HELD_OUT_INFIX = "_test_"


def run(name: str, config: Config, **kwargs: Any) -> EvalResult:
    """Run one evaluation by name."""
    module = importlib.import_module(EVALUATIONS[name])
    fn: Callable[..., EvalResult] = module.evaluate
    return fn(config, **kwargs)


def run_many(names: Sequence[str], config: Config, workers: int = 1) -> list[EvalResult]:
    """Run the evaluations ``names``, ``workers`` at a time, each in a process of its own
    (1: one after the other, here); the results in the order of ``names``.

    The evaluations share nothing but the files they read, and each result depends on
    its evaluation's data and code alone, so the figures are the same either way; the
    CI gate (`sitrep eval all --gate`) takes about half the time on two cores. The first
    failing evaluation (in the order of ``names``) raises its error, as it would alone.
    """
    if workers <= 1 or len(names) <= 1:
        return [run(n, config) for n in names]
    # spawn: a child starts clean, loading its own models (nothing forked from a parent
    # that may hold open files, threads or half-built caches)
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=min(workers, len(names)), mp_context=context)
    try:
        outcomes = [pool.submit(_run_reporting, n, config) for n in names]
        results = []
        for outcome in outcomes:
            result = outcome.result()
            if isinstance(result, str):
                raise SitrepError(result)
            results.append(result)
    finally:
        # after a failure the evaluations not started yet are not started, as one after
        # the other they would not be (those running are let finish)
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _run_reporting(name: str, config: Config) -> EvalResult | str:
    """:func:`run` in a child process: sitrep's error comes back as its message (some of
    them, InputError's two arguments, would not survive the pickling back)."""
    try:
        return run(name, config)
    except SitrepError as exc:
        return str(exc)


@dataclass(frozen=True)
class GateLine:
    evaluation: str
    figure: str
    value: float | None
    floor: float
    ok: bool
    note: str = ""


def load_baseline(path: Path = BASELINE) -> dict[str, Any]:
    if not path.exists():
        return {"floors": {}, "corpora": {}}
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def gate(results: list[EvalResult], baseline: dict[str, Any]) -> list[GateLine]:
    """Compare results with the pinned floors."""
    lines: list[GateLine] = []
    for r in results:
        floors = baseline.get("floors", {}).get(r.name, {})
        pinned_corpus = baseline.get("corpora", {}).get(r.name)
        if pinned_corpus and pinned_corpus != r.corpus:
            lines.append(
                GateLine(
                    r.name,
                    "corpus",
                    None,
                    0.0,
                    False,
                    f"corpus hash {r.corpus} differs from pinned {pinned_corpus}",
                )
            )
        for figure, floor in floors.items():
            value = r.figures.get(figure)
            ok = value is not None and value + 1e-9 >= floor
            lines.append(
                GateLine(r.name, figure, value, floor, ok, "" if ok else "below its floor")
            )
    return lines


def write_baseline(
    results: list[EvalResult], *, path: Path = BASELINE, allow_lower: bool = False
) -> dict[str, Any]:
    """Pin the current figures as floors (rounded down to 3 decimals).

    A floor only moves up unless ``allow_lower`` is set.
    """
    baseline = load_baseline(path)
    floors = baseline.setdefault("floors", {})
    corpora = baseline.setdefault("corpora", {})
    for r in results:
        pinned = floors.setdefault(r.name, {})
        for figure, value in r.figures.items():
            if figure.startswith(HELD_OUT_PREFIX) or HELD_OUT_INFIX in figure:
                continue
            new = int(value * 1000) / 1000
            old = pinned.get(figure)
            if old is None or new > old or allow_lower:
                pinned[figure] = new
        corpora[r.name] = r.corpus
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", "utf-8")
    return baseline
