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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
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
