"""`sitrep eval all` runs its evaluations on every core, one process each
(``runner.run_many``): the same results, in the same order, the same errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import InputError, SitrepError
from sitrep.quality.evaluation import runner
from sitrep.quality.evaluation.runner import run_many


def test_one_worker_runs_them_here_in_order(
    app_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def fake(name: str, config: Config, **kwargs: object) -> str:
        seen.append(name)
        return name.upper()

    monkeypatch.setattr(runner, "run", fake)
    assert run_many(["wcep", "seed"], app_config, workers=1) == ["WCEP", "SEED"]
    assert seen == ["wcep", "seed"]


def test_a_child_gives_back_the_message_of_an_error_that_would_not_cross(
    monkeypatch: pytest.MonkeyPatch, app_config: Config
) -> None:
    # InputError takes two arguments: pickled back from a child as it is, it could not
    # be rebuilt; its message comes back instead
    def fails(name: str, config: Config, **kwargs: object) -> None:
        raise InputError("data/x.jsonl", "line 3 is not JSON")

    monkeypatch.setattr(runner, "run", fails)
    assert runner._run_reporting("seed", app_config) == "data/x.jsonl: line 3 is not JSON"


def test_on_two_workers_a_failing_evaluation_raises_its_message(
    app_config: Config, tmp_path: Path
) -> None:
    # the world evaluation reads sitrep's own gold (no ../shared needed): a missing actor
    # file fails it the same way on every machine, in a spawned child
    missing = tmp_path / "actors.toml"
    config = app_config.with_(actor_files=[str(missing)])
    with pytest.raises(SitrepError) as raised:
        run_many(["world", "world"], config, workers=2)
    assert str(raised.value).startswith(f"actor file {missing} cannot be read")
