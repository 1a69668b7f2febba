"""The evaluations on ../shared that the issues name as "done when" (run by `make eval`)."""

from __future__ import annotations

import pytest

from sitrep.core.config import Config
from sitrep.quality.evaluation import seed, wcep


@pytest.mark.shared
def test_seed_reads_as_design_says(app_config: Config) -> None:
    result = seed.evaluate(app_config)
    failed = [name for name, ok in result.details["checks"].items() if not ok]
    assert failed == []


@pytest.mark.shared
def test_wcep_abu_kamal_changes_hands_three_times(app_config: Config) -> None:
    result = wcep.evaluate(app_config)
    assert result.details["abu_kamal"] == [
        {"controller": "ISIS", "start": None},
        {"controller": "Government of Syria", "start": "2017-11-08"},
        {"controller": "ISIS", "start": "2017-11-11"},
        {"controller": "Government of Syria", "start": "2017-11-19"},
    ]
    assert result.figures["items_merged"] == 1.0
