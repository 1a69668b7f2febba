"""Scores over labels: precision, recall and F1 per class, macro and weighted.

Shared by the classifier's held-out figures and the CASE 2021 evaluation, so
both count the same way (classes are every label seen in gold or predicted,
as scikit-learn does by default).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

__all__ = ["prf", "score"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    """Accuracy, per-class P/R/F1/support, macro and weighted F1, confusion.

    Classes are every label seen in gold or predicted (as scikit-learn does by
    default); macro F1 averages them all equally, weighted F1 by gold support.
    """
    if len(gold) != len(predicted) or not gold:
        raise ValueError("gold and predicted must be equally long and not empty")
    labels = sorted(set(gold) | set(predicted))
    pairs = Counter(zip(gold, predicted, strict=True))
    support = Counter(gold)
    per_class: dict[str, dict[str, float | int]] = {}
    f1s: dict[str, float] = {}
    for label in labels:
        precision, recall, f1s[label] = prf(*_counts(pairs, label))
        per_class[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1s[label], 4),
            "support": support[label],
        }
    total = len(gold)
    confusion: dict[str, dict[str, int]] = {}
    for (g, p), n in sorted(pairs.items()):
        confusion.setdefault(g, {})[p] = n
    return {
        "accuracy": round(sum(pairs[(label, label)] for label in labels) / total, 4),
        "macro_f1": round(sum(f1s.values()) / len(labels), 4),
        "weighted_f1": round(sum(f1s[lab] * support[lab] for lab in labels) / total, 4),
        "per_class": per_class,
        "confusion": confusion,
    }


def _counts(pairs: Counter[tuple[str, str]], label: str) -> tuple[int, int, int]:
    tp = pairs[(label, label)]
    fp = sum(n for (g, p), n in pairs.items() if p == label and g != label)
    fn = sum(n for (g, p), n in pairs.items() if g == label and p != label)
    return tp, fp, fn
