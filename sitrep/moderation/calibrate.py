"""The shipped model's review threshold, chosen on folds of our own corpus.

The evaluation data sets (``../shared/data/moderation``) are for measuring only, so
a threshold picked on them would be tuned on the test. Here the corpus the build
reads is split into folds (seeded); each fold's lines are scored by a model built
the way ``make moderation-model`` builds it from the other folds (augmentation
included), and the held-out folders (``heldout/``, ``heldout_registers/``,
``heldout_readers/``, ``heldout_tweets/``, ``heldout_s24/``) by the mean of the fold
models. The shipped path flags a comment when the rules score it at the policy's review
threshold or the model gives it at least the threshold; the table is that path's macro
F1 over the out-of-fold scores at each threshold.

``python -m sitrep.moderation.calibrate [--lexicon on|off] [--seed N]`` prints the
table (about half a minute per fold).

``--split`` instead holds out a seeded share of the lines (:data:`SPLIT_SEED`,
:data:`SPLIT_SHARE`; of the build's lines with the lexicon augmentation on, whichever
``--lexicon`` says, so both are scored on the same lines), fits one model as the build
would on the rest and reports the
shipped path on three own sets: that held-out share, the held-out folders and the
probes (``probes_s22/``, read by no build: neutral comments full of the words insults
use, political criticism, insults quoted in reporting, peoples and faiths named
neutrally; insults hidden by spacing, held letters, swaps and Latin letters, insults
in those common words), each probe kind apart. Persian-script lines only (the English
model has its own held-out folder). Choices about the Persian model are made on these.

``--identity on|off`` builds with or without the names of peoples and faiths balanced
across the labels (``corpus.identity_balance``; default: ``corpus.IDENTITY_BALANCE``).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.moderation.corpus import (
    OFFENSIVE,
    SEED,
    Example,
    fit_shipped,
    heldout_examples,
    probe_examples,
    readers_heldout_examples,
    registers_heldout_examples,
    s24_heldout_examples,
    s26_heldout_examples,
    s27_heldout_examples,
    training_examples,
    training_set,
    tweets_heldout_examples,
)
from sitrep.moderation.policy import Policy, default_policy
from sitrep.moderation.rules import rule_score

FOLDS = 5
SPLIT_SEED = 2022
SPLIT_SHARE = 0.2
THRESHOLDS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True)
class Calibration:
    """Out-of-fold scores of the corpus and held-out lines, and the threshold table.

    ``table`` maps each threshold to the shipped path's macro F1; ``best`` is the
    threshold with the highest (the lower one on a tie).
    """

    probabilities: tuple[float, ...]
    gold: tuple[int, ...]
    by_rules: tuple[bool, ...]
    table: dict[float, float]
    best: float


def fold_probabilities(
    examples: Sequence[Example],
    held: Sequence[Example],
    *,
    folds: int = FOLDS,
    seed: int = SEED,
    lexicon: bool = False,
    fit: Callable[[list[str], list[int]], Any] | None = None,
    identity: bool | None = None,
) -> list[float]:
    """Each example's probability from the model not trained on its fold, then ``held``'s.

    ``fit`` makes a model with ``predict_proba`` from texts and targets (default: the
    shipped pipeline with the build's seed).
    """
    fit = fit or fit_shipped
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    out = [0.0] * len(examples)
    held_mean = [0.0] * len(held)
    for k in range(folds):
        test = set(order[k::folds])
        train = [e for i, e in enumerate(examples) if i not in test]
        texts, targets = training_set(train, seed=SEED, lexicon=lexicon, identity=identity)
        model = fit(texts, targets)
        picked = sorted(test)
        scores = model.predict_proba([examples[i].text for i in picked])[:, 1]
        for i, p in zip(picked, scores, strict=True):
            out[i] = float(p)
        if held:
            for j, p in enumerate(model.predict_proba([e.text for e in held])[:, 1]):
                held_mean[j] += float(p) / folds
    return out + held_mean


def macro_f1(gold: Sequence[int], flagged: Sequence[bool]) -> float:
    """Macro F1 over the two classes (scikit-learn's, with 0 for an empty class)."""
    from sklearn.metrics import f1_score

    return float(f1_score(list(gold), [int(f) for f in flagged], average="macro", zero_division=0))


def threshold_table(
    probabilities: Sequence[float],
    gold: Sequence[int],
    by_rules: Sequence[bool],
    thresholds: Sequence[float] = THRESHOLDS,
) -> tuple[dict[float, float], float]:
    """The shipped path's macro F1 at each threshold, and the best threshold."""
    table = {
        t: round(
            macro_f1(gold, [r or p >= t for r, p in zip(by_rules, probabilities, strict=True)]), 4
        )
        for t in thresholds
    }
    best = max(table, key=lambda t: (table[t], -t))
    return table, best


def calibrate(
    *,
    lexicon: bool = False,
    folds: int = FOLDS,
    seed: int = SEED,
    policy: Policy | None = None,
    fit: Callable[[list[str], list[int]], Any] | None = None,
    identity: bool | None = None,
) -> Calibration:
    """Cross-validate the build on our corpus and tabulate the review threshold."""
    policy = policy or default_policy()
    examples = training_examples(lexicon)
    held = [
        *heldout_examples(),
        *registers_heldout_examples(),
        *readers_heldout_examples(),
        *tweets_heldout_examples(),
        *s24_heldout_examples(),
        *s26_heldout_examples(),
        *s27_heldout_examples(),
    ]
    probabilities = fold_probabilities(
        examples, held, folds=folds, seed=seed, lexicon=lexicon, fit=fit, identity=identity
    )
    lines = [*examples, *held]
    gold = [int(e.label == OFFENSIVE) for e in lines]
    by_rules = [rule_score(e.text) >= policy.review_threshold for e in lines]
    table, best = threshold_table(probabilities, gold, by_rules)
    return Calibration(tuple(probabilities), tuple(gold), tuple(by_rules), table, best)


def own_split(
    examples: Sequence[Example], seed: int = SPLIT_SEED
) -> tuple[list[Example], list[Example]]:
    """``examples`` as (train, held out): a seeded shuffle, :data:`SPLIT_SHARE` held out."""
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    held = set(order[: int(len(examples) * SPLIT_SHARE)])
    train = [e for i, e in enumerate(examples) if i not in held]
    return train, [e for i, e in enumerate(examples) if i in held]


def own_sets(held: Sequence[Example]) -> dict[str, list[Example]]:
    """The named own sets ``--split`` reports (Persian-script lines)."""
    folders = [
        *heldout_examples(),
        *registers_heldout_examples(),
        *readers_heldout_examples(),
        *tweets_heldout_examples(),
        *s24_heldout_examples(),
        *s26_heldout_examples(),
        *s27_heldout_examples(),
    ]
    probes = probe_examples()
    named = {"split": list(held), "folders": folders, "probes": probes}
    for e in probes:
        named.setdefault(f"probes:{e.kind}", []).append(e)
    return {k: [e for e in v if e.language == "fa"] for k, v in named.items()}


def split_report(
    *,
    lexicon: bool = False,
    seed: int = SPLIT_SEED,
    threshold: float | None = None,
    policy: Policy | None = None,
    fit: Callable[[list[str], list[int]], Any] | None = None,
    identity: bool | None = None,
) -> dict[str, dict[str, float]]:
    """Per own set: lines, false positives and negatives of the shipped path, its macro F1
    and the model's ROC AUC (both when the set has both labels)."""
    from sklearn.metrics import roc_auc_score

    policy = policy or default_policy()
    threshold = policy.shipped_review if threshold is None else threshold
    # One pool for both settings (every line of the build with the augmentation on), so
    # that on and off are scored on the same held-out lines; off trains on its own lines.
    train, held = own_split(training_examples(True), seed)
    if not lexicon:
        plain = {e.text for e in training_examples(False)}
        train = [e for e in train if e.text in plain]
    texts, targets = training_set(train, seed=SEED, lexicon=lexicon, identity=identity)
    model = (fit or fit_shipped)(texts, targets)
    out: dict[str, dict[str, float]] = {}
    for name, lines in own_sets(held).items():
        probs = [float(p) for p in model.predict_proba([e.text for e in lines])[:, 1]]
        gold = [int(e.label == OFFENSIVE) for e in lines]
        rules = [rule_score(e.text) >= policy.review_threshold for e in lines]
        flagged = [r or p >= threshold for r, p in zip(rules, probs, strict=True)]
        row: dict[str, float] = {
            "lines": len(lines),
            "false_positives": sum(f and not g for f, g in zip(flagged, gold, strict=True)),
            "false_negatives": sum(g and not f for f, g in zip(flagged, gold, strict=True)),
        }
        if len(set(gold)) == 2:
            row["macro_f1"] = round(macro_f1(gold, flagged), 4)
            row["auc"] = round(float(roc_auc_score(gold, probs)), 4)
        out[name] = row
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Print the threshold table (or, with ``--split``, the own held-out report) as JSON."""
    parser = argparse.ArgumentParser(prog="python -m sitrep.moderation.calibrate")
    parser.add_argument("--lexicon", choices=("on", "off"), default="off")
    parser.add_argument(
        "--identity",
        choices=("on", "off"),
        default=None,
        help="names of peoples balanced across the labels (default: the build's setting)",
    )
    parser.add_argument("--folds", type=int, default=FOLDS)
    parser.add_argument("--seed", type=int, default=None, help="shuffles the lines into folds")
    parser.add_argument("--split", action="store_true", help="the own held-out report")
    args = parser.parse_args(argv)
    identity = None if args.identity is None else args.identity == "on"
    if args.split:
        seed = SPLIT_SEED if args.seed is None else args.seed
        report = split_report(lexicon=args.lexicon == "on", seed=seed, identity=identity)
        print(json.dumps({"lexicon": args.lexicon, "seed": seed, "sets": report}, indent=2))
        return
    seed = SEED if args.seed is None else args.seed
    result = calibrate(lexicon=args.lexicon == "on", folds=args.folds, seed=seed, identity=identity)
    table = {str(t): f for t, f in result.table.items()}
    print(json.dumps({"lexicon": args.lexicon, "best": result.best, "macro_f1": table}, indent=2))


if __name__ == "__main__":
    main()
