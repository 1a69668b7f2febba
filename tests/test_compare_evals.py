"""scripts/compare_evals.py: the figures that moved between two evaluation reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_evals.py"


def _run(tmp_path: Path, old: object, new: object) -> subprocess.CompletedProcess[str]:
    a, b = tmp_path / "old.json", tmp_path / "new.json"
    a.write_text(json.dumps(old), "utf-8")
    b.write_text(json.dumps(new), "utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(a), str(b)], capture_output=True, text=True, check=False
    )


def _result(name: str, f1: float, misses: int = 1) -> dict[str, object]:
    return {
        "name": name,
        "figures": {"dev_f1": f1, "dev_seconds": 3.0},
        "details": {"counts": {"misses": misses}},
    }


def test_identical_reports(tmp_path: Path) -> None:
    out = _run(tmp_path, [_result("world", 0.9)], [_result("world", 0.9)])
    assert out.returncode == 0
    assert out.stdout.strip() == "world: identical"


def test_a_drop_is_named_and_fails(tmp_path: Path) -> None:
    old = [_result("world", 0.9), _result("guardian", 0.8)]
    new = [_result("world", 0.85), _result("guardian", 0.8)]
    out = _run(tmp_path, old, new)
    assert out.returncode == 1
    assert "dev_f1: 0.9 -> 0.85" in out.stdout
    assert "guardian: identical" in out.stdout


def test_timings_are_ignored_but_details_are_not(tmp_path: Path) -> None:
    faster = _result("world", 0.9)
    faster["figures"] = {"dev_f1": 0.9, "dev_seconds": 1.0}
    out = _run(tmp_path, _result("world", 0.9), faster)
    assert out.stdout.strip() == "world: identical"
    out = _run(tmp_path, _result("world", 0.9, misses=1), _result("world", 0.9, misses=2))
    assert out.returncode == 0
    assert "details differ" in out.stdout


def test_a_rise_passes_and_case2021_contract_is_read(tmp_path: Path) -> None:
    out = _run(
        tmp_path, {"accuracy": 0.8, "weighted_f1": 0.84}, {"accuracy": 0.81, "weighted_f1": 0.85}
    )
    assert out.returncode == 0
    assert "case2021: 2 figures differ" in out.stdout
