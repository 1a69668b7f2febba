"""The review threshold chosen on folds of our own corpus (sitrep/moderation/calibrate.py)."""

from __future__ import annotations

from typing import Any

import numpy as np

from sitrep.moderation import calibrate
from sitrep.moderation.corpus import ACCEPTABLE, OFFENSIVE, Example


class _Remembering:
    """A stand-in model: the share of offensive targets among the texts it was fit on."""

    def __init__(self, texts: list[str], targets: list[int]) -> None:
        self.texts = set(texts)
        self.rate = sum(targets) / len(targets)

    def predict_proba(self, texts: list[str]) -> Any:
        seen = [1.0 if t in self.texts else self.rate for t in texts]
        return np.array([[1 - p, p] for p in seen])


def _examples(n: int) -> list[Example]:
    return [
        Example(f"line {i}", OFFENSIVE if i % 3 == 0 else ACCEPTABLE, "general", "en")
        for i in range(n)
    ]


def _plain_training_set(
    train: list[Example], *, seed: int, lexicon: bool, identity: bool | None = None
) -> tuple[list[str], list[int]]:
    del seed, lexicon, identity  # the build's augmentation is corpus.py's to test
    return [e.text for e in train], [int(e.label == OFFENSIVE) for e in train]


def test_each_line_is_scored_by_a_model_that_did_not_train_on_it(monkeypatch: Any) -> None:
    monkeypatch.setattr(calibrate, "training_set", _plain_training_set)
    examples = _examples(12)
    held = [Example("a held-out line", ACCEPTABLE, "general", "en")]
    fitted: list[_Remembering] = []

    def fit(texts: list[str], targets: list[int]) -> _Remembering:
        fitted.append(_Remembering(texts, targets))
        return fitted[-1]

    scores = calibrate.fold_probabilities(examples, held, folds=3, fit=fit)
    assert len(fitted) == 3 and len(scores) == 13
    # A model that had seen a line would give it 1.0: none did.
    assert all(s < 1.0 for s in scores[:12])
    # Each fold trained on the other two folds' eight lines.
    assert all(len(m.texts) == 8 for m in fitted)
    # The held-out line: the mean of the three models' scores.
    assert abs(scores[12] - sum(m.rate for m in fitted) / 3) < 1e-9


def test_threshold_table_picks_the_best_macro_f1_lowest_on_a_tie() -> None:
    gold = [1, 1, 0, 0]
    probabilities = [0.9, 0.7, 0.6, 0.1]
    table, best = calibrate.threshold_table(
        probabilities, gold, [False] * 4, thresholds=(0.5, 0.65, 0.68, 0.8)
    )
    assert table[0.65] == table[0.68] == 1.0
    assert best == 0.65
    assert table[0.5] < 1.0 and table[0.8] < 1.0
    # A comment the rules flag is flagged whatever the model says.
    table, _ = calibrate.threshold_table(probabilities, gold, [False, True, False, False], (0.8,))
    assert table[0.8] == 1.0


def test_own_split_is_seeded_and_holds_out_a_fifth() -> None:
    examples = _examples(50)
    train, held = calibrate.own_split(examples, seed=3)
    assert len(held) == 10 and len(train) == 40
    assert not {e.text for e in train} & {e.text for e in held}
    assert calibrate.own_split(examples, seed=3) == (train, held)
    assert calibrate.own_split(examples, seed=4)[1] != held


def test_split_report_scores_every_own_set(monkeypatch: Any) -> None:
    monkeypatch.setattr(calibrate, "training_set", _plain_training_set)
    persian = [
        Example(f"سطر {i}", OFFENSIVE if i % 2 else ACCEPTABLE, "general", "fa") for i in range(20)
    ]
    # The build's lines with the augmentation off are the first ten.
    monkeypatch.setattr(calibrate, "training_examples", lambda on: persian if on else persian[:10])
    fitted: list[_Remembering] = []

    def fit(texts: list[str], targets: list[int]) -> _Remembering:
        fitted.append(_Remembering(texts, targets))
        return fitted[-1]

    on = calibrate.split_report(lexicon=True, fit=fit)
    assert {"split", "folders", "probes", "probes:function_words"} <= set(on)
    assert on["split"]["lines"] == 4 and len(fitted[0].texts) == 16
    assert 0.0 <= on["probes"]["macro_f1"] <= 1.0
    off = calibrate.split_report(lexicon=False, fit=fit)
    # The same held-out lines; off trains only on its own lines among the rest.
    assert off["split"]["lines"] == 4
    assert fitted[1].texts < fitted[0].texts
    assert fitted[1].texts <= {e.text for e in persian[:10]}


def test_identity_balance_is_passed_to_the_build(monkeypatch: Any) -> None:
    # Issue 17, s25: ``--identity on`` scores the build with the names of peoples
    # balanced (corpus.identity_balance); without the option the build's own setting.
    seen: list[bool | None] = []

    def training_set(
        train: list[Example], *, seed: int, lexicon: bool, identity: bool | None = None
    ) -> tuple[list[str], list[int]]:
        seen.append(identity)
        return _plain_training_set(train, seed=seed, lexicon=lexicon)

    monkeypatch.setattr(calibrate, "training_set", training_set)
    examples = _examples(12)
    calibrate.fold_probabilities(examples, [], folds=3, fit=_Remembering, identity=True)
    calibrate.fold_probabilities(examples, [], folds=3, fit=_Remembering)
    assert seen == [True] * 3 + [None] * 3
