"""Training, storing and running the event classifier.

The model is a scikit-learn pipeline: TF-IDF over word 1-2-grams and character
2-5-grams (within words), the lexicon's rule features
(:mod:`sitrep.read.classify.features`), then a multinomial logistic regression
with class weights balanced over the labels. It
is trained with a fixed seed on a labelled corpus and stored with joblib
(compressed) together with the facts needed to trust it: the corpus hash, the
label counts, the held-out figures and the confidence thresholds the extractor
uses (tuned on the held-out split, see :func:`tune_thresholds`).

Held-out split: a text belongs to the test split when a hash of its
normalised form falls in the first third (:func:`is_held_out`). The split of a
sentence never changes when others are added, so figures stay comparable as
the corpus grows, and the shipped default model never sees the test split.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from sitrep.core.errors import ConfigError, DataError, InputError
from sitrep.read.classify.labels import CASE_CODES, LABELS, normalize_label

if TYPE_CHECKING:
    from sitrep.read.linear import LinearModel

MODEL_FORMAT = 1
DEFAULT_SEED = 13
# the precision a confident decision must reach on the held-out split
TARGET_PRECISION = 0.9
THRESHOLD_GRID = tuple(round(0.30 + 0.05 * i, 2) for i in range(14))  # 0.30 .. 0.95
NEVER = 1.01  # a threshold no probability reaches


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    text: str
    label: str
    lang: str = "en"


@dataclass(frozen=True)
class Prediction:
    """The classifier's reading of one sentence.

    ``label``/``probability``: the best of all labels (NONE and HYPOTHETICAL
    included); ``case_label``/``case_probability``: the best of the 30 CASE 2021
    labels (for the benchmark, which has no "not an event").
    """

    label: str
    probability: float
    case_label: str
    case_probability: float


@dataclass(frozen=True)
class Thresholds:
    """Probabilities above which the extractor follows the classifier."""

    event: float = NEVER  # retype a sentence's main mention
    none: float = NEVER  # drop a sentence's mentions as not an event
    hypothetical: float = NEVER  # mark a sentence's occurred mentions as expected

    def as_dict(self) -> dict[str, float]:
        return {"event": self.event, "none": self.none, "hypothetical": self.hypothetical}


@dataclass(frozen=True)
class ModelInfo:
    """What a stored model was trained on and how well it did on held-out data."""

    seed: int
    corpus: str  # sha256 prefix of the training examples
    train_counts: dict[str, int]
    heldout_counts: dict[str, int]
    heldout: dict[str, Any] = field(default_factory=dict)  # figures on the held-out split
    thresholds: Thresholds = Thresholds()
    source: str = ""


def is_held_out(text: str) -> bool:
    """True for the third of texts in the held-out test split (a hash of the text)."""
    digest = hashlib.sha256(" ".join(text.split()).lower().encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 3 == 0


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """(train, held-out) by :func:`is_held_out`."""
    train = [e for e in examples if not is_held_out(e.text)]
    test = [e for e in examples if is_held_out(e.text)]
    return train, test


def corpus_digest(examples: Iterable[Example]) -> str:
    """sha256 prefix of the examples (text and label), order-independent."""
    h = hashlib.sha256()
    for line in sorted(f"{e.label}\t{e.text}" for e in examples):
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()[:16]


# -- reading labelled data ------------------------------------------------------


def read_jsonl_dir(folder: Path) -> list[Example]:
    """Every ``*.jsonl`` file of ``folder`` (lines ``{"text", "label", "lang", ...}``).

    Texts seen twice are kept once (the first, in file-name order). Raises
    DataError on a malformed line or an unknown label, naming file and line.
    """
    examples: list[Example] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                where = f"{path}:{n}"
                try:
                    row = json.loads(line)
                    text, raw = str(row["text"]).strip(), str(row["label"])
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    raise DataError(f"{where}: not a {{text, label}} JSON line ({exc})") from exc
                try:
                    label = normalize_label(raw, source=where)
                except InputError as exc:
                    raise DataError(str(exc)) from exc
                if text and text not in seen:
                    seen.add(text)
                    examples.append(Example(text, label, str(row.get("lang") or "en")))
    return examples


def read_csv(path: Path, text_column: str, label_column: str) -> list[Example]:
    """Labelled sentences from a user's CSV (labels: CASE codes or ACLED sub-event names).

    Raises InputError naming the file for a missing column, an empty file or
    an unknown label (with the valid ones).
    """
    csv.field_size_limit(max(csv.field_size_limit(), 10_000_000))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            columns = reader.fieldnames or []
            if not columns:
                raise InputError(str(path), "the file is empty: it needs a header row and rows")
            missing = [c for c in (text_column, label_column) if c not in columns]
            if missing:
                raise InputError(
                    str(path),
                    f"no column {', '.join(repr(c) for c in missing)}; "
                    f"the columns are {', '.join(repr(c) for c in columns)}",
                )
            examples: list[Example] = []
            seen: set[str] = set()
            for n, row in enumerate(reader, 2):
                text = (row.get(text_column) or "").strip()
                raw = (row.get(label_column) or "").strip()
                if not text:
                    continue
                if not raw:
                    raise InputError(f"{path}:{n}", f"the {label_column!r} cell is empty")
                label = normalize_label(raw, source=f"{path}:{n}")
                if text not in seen:
                    seen.add(text)
                    examples.append(Example(text, label))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read it ({exc}): pass a UTF-8 CSV file") from exc
    if not examples:
        raise InputError(str(path), f"no labelled rows (column {text_column!r} is empty)")
    return examples


# -- the model --------------------------------------------------------------------


def build_pipeline(seed: int = DEFAULT_SEED) -> Any:
    """The untrained scikit-learn pipeline (fixed hyper-parameters, fixed seed)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from sitrep.read.classify.features import normalize_digits
    from sitrep.read.classify.transformer import RuleFeatures

    features = FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    preprocessor=normalize_digits,
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    min_df=1,
                    token_pattern=r"(?u)\b\w+\b",
                    dtype=np.float64,
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    preprocessor=normalize_digits,
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    sublinear_tf=True,
                    min_df=2,
                    max_features=150_000,
                    dtype=np.float64,
                ),
            ),
            ("rules", RuleFeatures()),
        ]
    )
    # balanced: NONE and HYPOTHETICAL (the commonest labels of the corpus) must
    # not win a sentence by their share of it (CASE dev weighted F1 0.839 -> 0.845)
    classifier = LogisticRegression(
        C=20.0, max_iter=3000, random_state=seed, class_weight="balanced"
    )
    return Pipeline([("features", features), ("model", classifier)])


class EventClassifier:
    """A trained sentence classifier over :data:`~sitrep.read.classify.labels.LABELS`.

    It predicts through :class:`~sitrep.read.linear.LinearModel` when it
    has one (:meth:`lean` makes it: the same probabilities without scikit-learn),
    else through the scikit-learn pipeline.
    """

    def __init__(self, pipeline: Any, info: ModelInfo) -> None:
        self._pipeline = pipeline
        self.info = info
        self.classes: tuple[str, ...] = tuple(str(c) for c in pipeline.classes_)
        self._case_columns = [i for i, c in enumerate(self.classes) if c in CASE_CODES]
        self.linear: LinearModel | None = None
        self._source: Path | None = None  # where a lean copy reloads its pipeline from

    @property
    def pipeline(self) -> Any:
        """The fitted scikit-learn pipeline (a lean copy reads it from its file on demand)."""
        if self._pipeline is None:
            if self._source is None:
                raise ConfigError("this event model was copied without its pipeline or file")
            self._pipeline = EventClassifier.load(self._source).pipeline
        return self._pipeline

    def lean(self, source: Path) -> EventClassifier:
        """This model predicting through NumPy alone, its pipeline left in ``source``
        (the file it was loaded from) until asked for; itself when the pipeline is not
        one :class:`LinearModel` computes."""
        from sitrep.read.linear import LinearModel  # lazy: it imports this package

        linear = LinearModel.from_pipeline(self.pipeline)
        if linear is None:
            return self
        out = copy.copy(self)
        out._pipeline = None
        out.linear = linear
        out._source = source
        return out

    @property
    def thresholds(self) -> Thresholds:
        return self.info.thresholds

    def _probs(self, texts: Sequence[str]) -> np.ndarray:
        if self.linear is not None:
            return self.linear.predict_proba(texts)
        return np.asarray(self.pipeline.predict_proba(list(texts)))

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """One prediction per text, in order."""
        if not texts:
            return []
        probs = self._probs(texts)
        best = probs.argmax(axis=1)
        out: list[Prediction] = []
        case_cols = self._case_columns
        for row, b in zip(probs, best, strict=True):
            c = case_cols[int(row[case_cols].argmax())] if case_cols else int(b)
            out.append(
                Prediction(self.classes[int(b)], float(row[b]), self.classes[c], float(row[c]))
            )
        return out

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Every label's probability for each text, in order."""
        if not texts:
            return []
        probs = self._probs(texts)
        return [{c: float(p) for c, p in zip(self.classes, row, strict=True)} for row in probs]

    def predict_one(self, text: str) -> Prediction:
        """The prediction for one text."""
        return self.predict([text])[0]

    def save(self, path: Path) -> Path:
        """Write the model (joblib, compressed) atomically; returns ``path``."""
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        try:
            joblib.dump(
                {"format": MODEL_FORMAT, "pipeline": self.pipeline, "info": self.info},
                tmp,
                compress=3,
            )
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return path

    @classmethod
    def load(cls, path: Path) -> EventClassifier:
        """Read a model written by :meth:`save` (only load files you trust: joblib unpickles)."""
        import joblib

        from sitrep.read.classify import features, transformer

        # models pickled before the transformer left the features module name it there
        features.RuleFeatures = transformer.RuleFeatures  # type: ignore[attr-defined]
        if not path.is_file():
            raise ConfigError(f"event model {path} does not exist; train one with `sitrep train`")
        try:
            data = joblib.load(path)
        except Exception as exc:  # noqa: BLE001 - any unpickling failure means a bad file
            raise ConfigError(f"event model {path} cannot be read ({exc}); retrain it") from exc
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ConfigError(
                f"event model {path} is not a sitrep model of format {MODEL_FORMAT}; retrain it"
            )
        return cls(data["pipeline"], data["info"])


def train(
    examples: Sequence[Example],
    *,
    seed: int = DEFAULT_SEED,
    held_out: Sequence[Example] = (),
    source: str = "",
) -> EventClassifier:
    """Fit a classifier on ``examples``; score it and tune thresholds on ``held_out``.

    Deterministic: the same examples (in any order) and seed give the same model.
    Raises InputError when fewer than two labels are present.
    """
    ordered = sorted(examples, key=lambda e: (e.label, e.text))
    labels = {e.label for e in ordered}
    if len(labels) < 2:
        raise InputError(
            source or "training data",
            f"needs at least two different labels to learn from, got {sorted(labels)}",
        )
    pipeline = build_pipeline(seed)
    pipeline.fit([e.text for e in ordered], [e.label for e in ordered])
    for _, vectorizer in pipeline.named_steps["features"].transformer_list:
        # the terms cut by min_df / max_features: only kept for introspection, and
        # most of the stored model's size
        if hasattr(vectorizer, "stop_words_"):
            del vectorizer.stop_words_
    info = ModelInfo(
        seed=seed,
        corpus=corpus_digest([*examples, *held_out]),
        train_counts=dict(sorted(Counter(e.label for e in ordered).items())),
        heldout_counts=dict(sorted(Counter(e.label for e in held_out).items())),
        source=source,
    )
    model = EventClassifier(pipeline, info)
    if held_out:
        predictions = model.predict([e.text for e in held_out])
        gold = [e.label for e in held_out]
        figures = heldout_figures(gold, predictions)
        thresholds = tune_thresholds(gold, predictions)
        model.info = replace(info, heldout=figures, thresholds=thresholds)
    return model


def train_and_measure(
    examples: Sequence[Example],
    *,
    seed: int = DEFAULT_SEED,
    refit: bool = True,
    source: str = "",
) -> EventClassifier:
    """Measure on the held-out third and tune thresholds there, then (``refit``) refit on all.

    The refit model keeps the held-out figures and thresholds of the first fit
    (a slight underestimate: it saw more data). Without ``refit`` the returned
    model never saw the held-out third.
    """
    train_set, held_out = split(examples)
    if not held_out or len({e.label for e in train_set}) < 2:
        return train(examples, seed=seed, source=source)
    measured = train(train_set, held_out=held_out, seed=seed, source=source)
    if not refit:
        return measured
    final = train(examples, seed=seed, source=source)
    final.info = replace(
        final.info, heldout=measured.info.heldout, thresholds=measured.info.thresholds
    )
    return final


def heldout_figures(gold: Sequence[str], predictions: Sequence[Prediction]) -> dict[str, Any]:
    """Accuracy, macro and weighted F1 (all labels), and per-class F1 on held-out data."""
    from sitrep.read.classify.metrics import score

    details = score(list(gold), [p.label for p in predictions])
    return {
        "n": len(gold),
        "accuracy": details["accuracy"],
        "macro_f1": details["macro_f1"],
        "weighted_f1": details["weighted_f1"],
        "per_class_f1": {k: v["f1"] for k, v in details["per_class"].items()},
    }


def tune_thresholds(gold: Sequence[str], predictions: Sequence[Prediction]) -> Thresholds:
    """The lowest probability at which each kind of decision is right often enough.

    For each decision (retype an event, drop as NONE, mark HYPOTHETICAL), the
    threshold is the lowest of :data:`THRESHOLD_GRID` at which the held-out
    predictions of that kind with at least that probability are right at
    least :data:`TARGET_PRECISION` of the time (and there are at least 10 of
    them); :data:`NEVER` when no threshold gets there.
    """

    def lowest(kind: set[str] | None, exclude: set[str]) -> float:
        for t in THRESHOLD_GRID:
            picked = [
                (g, p)
                for g, p in zip(gold, predictions, strict=True)
                if p.probability >= t
                and (p.label in kind if kind is not None else p.label not in exclude)
            ]
            if len(picked) >= 10 and sum(g == p.label for g, p in picked) / len(picked) >= (
                TARGET_PRECISION
            ):
                return t
        return NEVER

    specials = {"NONE", "HYPOTHETICAL"}
    return Thresholds(
        event=lowest(None, specials),
        none=lowest({"NONE"}, set()),
        hypothetical=lowest({"HYPOTHETICAL"}, set()),
    )


__all__ = [
    "LABELS",
    "EventClassifier",
    "Example",
    "ModelInfo",
    "Prediction",
    "Thresholds",
    "is_held_out",
    "read_csv",
    "read_jsonl_dir",
    "split",
    "train",
    "train_and_measure",
]
