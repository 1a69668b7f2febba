"""The trainable comment classifier: TF-IDF character n-grams + logistic regression.

A publisher trains it on its own labelled comments (``train``); the policy's
``[classifier] path`` points at the saved file and ``moderate`` uses it when the
file exists. The file is a joblib pickle of a dict holding the scikit-learn
pipeline with its format version, the scikit-learn version and the labels.
Loading a pickle runs code: load only classifier files you made yourself.
"""

from __future__ import annotations

import csv
import math
import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.core.errors import DataError, InputError
from sitrep.text.normalize import MODERATION_FEATURES, fold

FORMAT = "sitrep-moderation-classifier"
FORMAT_VERSION = 1

# Label values read as "unacceptable" when the user names no positive label.
_POSITIVE_WORDS = (
    "1 off offensive reject rejected toxic abusive abuse insult hate bad true yes spam"
)
KNOWN_POSITIVE = frozenset([*_POSITIVE_WORDS.split(), "unacceptable"])


def prepare(text: str) -> str:
    """Fold look-alike letters and case so the model sees one spelling (picklable).

    The fold is :data:`~sitrep.text.normalize.MODERATION_FEATURES`. Saved pipelines
    refer to this function by its name: it stays here, under this name.
    """
    return fold(text, MODERATION_FEATURES)


def build_pipeline(*, seed: int = 0) -> Any:
    """An unfitted pipeline: char n-grams (1-5, within words) and word uni/bigrams, then LR."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(1, 5),
                    preprocessor=prepare,
                    sublinear_tf=True,
                    min_df=2,
                    max_features=300_000,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    preprocessor=prepare,
                    token_pattern=r"(?u)\b\w+\b",
                    sublinear_tf=True,
                    min_df=1,
                ),
            ),
        ]
    )
    model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000, random_state=seed)
    return Pipeline([("features", features), ("model", model)])


@dataclass(frozen=True)
class TrainReport:
    """What ``train`` did: rows used, the label read as positive, a cross-validated score."""

    out_path: str
    rows: int
    skipped: int
    positives: int
    negatives: int
    positive_label: str
    labels: tuple[str, ...]
    cv_macro_f1: float | None
    sklearn_version: str
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return dict(self.__dict__, labels=list(self.labels))


def _read_csv(path: Path, text_col: str, label_col: str) -> tuple[list[str], list[str], int]:
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot open the CSV file ({exc.strerror})") from exc
    texts: list[str] = []
    labels: list[str] = []
    skipped = 0
    # csv's default field limit (131,072 characters) would stop on one long comment
    csv.field_size_limit(max(csv.field_size_limit(), 10_000_000))
    with fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        for col in (text_col, label_col):
            if col not in columns:
                raise InputError(
                    str(path),
                    f"no column {col!r}; the columns are {', '.join(columns) or '(none)'}: "
                    "pass --text-col and --label-col",
                )
        try:
            for row in reader:
                text, label = row.get(text_col), row.get(label_col)
                if not text or not text.strip() or label is None or not label.strip():
                    skipped += 1
                    continue
                texts.append(text)
                labels.append(label.strip())
        except UnicodeDecodeError as exc:
            raise InputError(str(path), "is not UTF-8 text: save it as UTF-8") from exc
        except csv.Error as exc:
            raise InputError(
                str(path), f"line {reader.line_num} cannot be read as CSV ({exc})"
            ) from exc
    return texts, labels, skipped


def _positive_label(labels: Sequence[str], positive: str | None, source: str) -> str:
    distinct = sorted(set(labels))
    if positive is not None:
        if positive not in distinct:
            raise InputError(
                source, f"label {positive!r} never occurs; the labels are {', '.join(distinct)}"
            )
        return positive
    known = [v for v in distinct if v.casefold() in KNOWN_POSITIVE]
    if len(distinct) == 2 and len(known) == 1:
        return known[0]
    raise InputError(
        source,
        f"cannot tell which label means 'unacceptable' among {', '.join(distinct)}: "
        "name it with positive=... (--positive)",
    )


def fit(texts: Sequence[str], targets: Sequence[int], *, seed: int = 0) -> Any:
    """Fit the pipeline on texts with 0/1 targets (1 = unacceptable)."""
    pipeline = build_pipeline(seed=seed)
    pipeline.fit(list(texts), list(targets))
    return pipeline


def _cv_macro_f1(texts: list[str], targets: list[int], seed: int) -> float | None:
    smallest = min(Counter(targets).values())
    if len(texts) < 20 or smallest < 3:
        return None
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    folds = StratifiedKFold(n_splits=min(5, smallest), shuffle=True, random_state=seed)
    scores = cross_val_score(
        build_pipeline(seed=seed), texts, targets, cv=folds, scoring="f1_macro"
    )
    return round(float(scores.mean()), 4)


def save(pipeline: Any, out_path: Path, *, positive_label: str, labels: Sequence[str]) -> None:
    """Write the fitted pipeline with its versions (creating the folder)."""
    import joblib
    import sklearn

    out_path.parent.mkdir(parents=True, exist_ok=True)
    # A vectorizer keeps the terms max_features cut in ``stop_words_`` (a set, pickled in
    # the order of the process's string hashing) and the id() of its stop-word list (a
    # check it caches): both dropped, so the same corpus and seed give the same bytes.
    for _name, vec in getattr(pipeline.named_steps.get("features"), "transformer_list", []):
        for attr in ("stop_words_", "_stop_words_id"):
            if hasattr(vec, attr):
                delattr(vec, attr)
    payload = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "sklearn": sklearn.__version__,
        "positive_label": positive_label,
        "labels": list(labels),
        "pipeline": pipeline,
    }
    joblib.dump(payload, out_path, compress=3)
    _load.cache_clear()


def train(
    csv_path: str | Path,
    *,
    text_col: str = "text",
    label_col: str = "label",
    out_path: str | Path,
    positive: str | None = None,
    seed: int = 0,
    cross_validate: bool = True,
) -> TrainReport:
    """Fit the classifier on a CSV of labelled comments and save it to ``out_path``.

    ``positive`` is the label value meaning "unacceptable"; by default a
    two-valued label column with one value like OFF/1/reject/toxic is read
    without it. Raises InputError naming the file when it cannot be used.
    """
    texts, labels, skipped = _read_csv(Path(csv_path), text_col, label_col)
    return train_labelled(
        texts,
        labels,
        source=str(csv_path),
        out_path=out_path,
        positive=positive,
        seed=seed,
        cross_validate=cross_validate,
        skipped=skipped,
    )


def train_labelled(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    source: str,
    out_path: str | Path,
    positive: str | None = None,
    seed: int = 0,
    cross_validate: bool = True,
    skipped: int = 0,
) -> TrainReport:
    """Fit and save the classifier on texts with their label values (see ``train``).

    ``source`` names where the rows came from in error messages.
    """
    import sklearn

    started = time.perf_counter()
    texts, labels = list(texts), list(labels)
    if not texts:
        raise InputError(source, "has no rows with both a text and a label")
    pos = _positive_label(labels, positive, source)
    targets = [int(label == pos) for label in labels]
    n_pos = sum(targets)
    if n_pos < 2 or len(targets) - n_pos < 2:
        raise InputError(
            source, "needs at least two comments of each kind (acceptable and unacceptable)"
        )
    cv = _cv_macro_f1(texts, targets, seed) if cross_validate else None
    pipeline = fit(texts, targets, seed=seed)
    out = Path(out_path).expanduser()
    save(pipeline, out, positive_label=pos, labels=sorted(set(labels)))
    return TrainReport(
        out_path=str(out),
        rows=len(texts),
        skipped=skipped,
        positives=n_pos,
        negatives=len(texts) - n_pos,
        positive_label=pos,
        labels=tuple(sorted(set(labels))),
        cv_macro_f1=cv,
        sklearn_version=sklearn.__version__,
        seconds=round(time.perf_counter() - started, 3),
    )


class _FastScorer:
    """The fitted pipeline's arithmetic for one comment at a time, with small arrays.

    scikit-learn spends tens of milliseconds checking its input on every
    ``predict_proba`` call; one comment needs its terms' weights. This computes the
    same number (TF-IDF with sublinear tf and L2 norm per feature block, then the
    logistic model) from the fitted vocabularies and weights: each word's
    in-vocabulary term ids are kept, a comment's ids are counted in one sort, and
    the weights are read as arrays (a comment has hundreds of character n-grams, too
    many for a Python loop over them to be cheap).
    """

    def __init__(self, pipeline: Any) -> None:
        import numpy as np

        union = pipeline.named_steps["features"]
        model = pipeline.named_steps["model"]
        coef = np.asarray(model.coef_[0], dtype=np.float64)
        self.intercept = float(model.intercept_[0])
        # Per block: its analyzer, its vocabulary and, by term id, idf and idf·weight.
        self.blocks: list[tuple[Any, dict[str, int], Any, Any]] = []
        # Per char_wb block: its n-gram lengths and a cache of each word's in-vocabulary
        # term ids. char_wb n-grams never cross a space, so a comment's are the union of
        # its words' and most words recur from comment to comment. Per word block: its
        # tokenizer and n-gram function. Both read the text as ``prepare`` folds it,
        # folded once.
        self.word_blocks: list[tuple[str, Any, Any, dict[str, Any]] | None] = []
        offset = 0
        for _name, vec in union.transformer_list:
            idf = np.asarray(vec.idf_, dtype=np.float64)
            vocabulary = {str(term): int(i) for term, i in vec.vocabulary_.items()}
            weights = idf * coef[offset : offset + len(idf)]
            self.blocks.append((vec.build_analyzer(), vocabulary, idf, weights))
            shared = vec.input == "content" and vec.preprocessor is prepare
            if shared and vec.analyzer == "char_wb" and vec.ngram_range[0] == 1:
                self.word_blocks.append(("chars", None, tuple(vec.ngram_range), {}))
            elif shared and vec.analyzer == "word" and vec.get_stop_words() is None:
                self.word_blocks.append(("words", vec.build_tokenizer(), vec._word_ngrams, {}))
            else:
                self.word_blocks.append(None)
            offset += len(idf)
        if offset != len(coef):
            raise ValueError("the pipeline's features do not line up with its model")
        self._empty = np.zeros(0, dtype=np.int64)
        self._alone: dict[str, float] = {}

    def _ids(self, block: int, text: str, prepared: str) -> Any:
        """The block's in-vocabulary term ids of ``text`` (repeats kept), as an array."""
        import numpy as np

        analyzer, vocabulary, _, _ = self.blocks[block]
        how = self.word_blocks[block]
        if how is None:
            found = [vocabulary[t] for t in analyzer(text) if t in vocabulary]
            return np.array(found, dtype=np.int64) if found else self._empty
        kind, tokenize, ngrams, cache = how
        if kind == "words":
            found = [vocabulary[t] for t in ngrams(tokenize(prepared)) if t in vocabulary]
            return np.array(found, dtype=np.int64) if found else self._empty
        if len(cache) > _WORD_CACHE:
            cache.clear()
        low, high = ngrams
        parts = []
        for word in prepared.split():
            ids = cache.get(word)
            if ids is None:
                # char_wb's n-grams of one word (as scikit-learn makes them, n from 1):
                # the word padded with a space each side, every n up to its length.
                padded = f" {word} "
                size = len(padded)
                grams = [
                    padded[i : i + n]
                    for n in range(low, min(high, size) + 1)
                    for i in range(size - n + 1)
                ]
                # Membership then item in one comprehension: no method call per n-gram.
                found = [vocabulary[g] for g in grams if g in vocabulary]
                ids = cache[word] = np.array(found, dtype=np.int64)
            parts.append(ids)
        return np.concatenate(parts) if parts else self._empty

    def probabilities_alone(self, words: Sequence[str]) -> list[float]:
        """``probability`` of each word on its own, computed together for a comment's words.

        ``explain`` scores every word of a flagged comment; one pass over all their terms
        (each word's ids offset by its place) costs about what one word alone would.
        """
        import numpy as np

        known = self._alone
        todo = [w for w in dict.fromkeys(words) if w not in known]
        if todo:
            if len(known) > _WORD_CACHE:
                known.clear()
            z = np.full(len(todo), self.intercept)
            for block, (_, vocabulary, idf, weights) in enumerate(self.blocks):
                parts = [self._ids(block, w, prepare(w)) for w in todo]
                sizes = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
                if not sizes.sum():
                    continue
                owner = np.repeat(np.arange(len(todo)), sizes)
                keys = np.sort(owner * len(vocabulary) + np.concatenate(parts))
                distinct, tf = _distinct(keys)
                rows, terms = np.divmod(distinct, len(vocabulary))
                values = tf * idf[terms]
                norm = np.bincount(rows, values * values, minlength=len(todo))
                total = np.bincount(rows, tf * weights[terms], minlength=len(todo))
                filled = norm > 0
                z[filled] += total[filled] / np.sqrt(norm[filled])
            for word, value in zip(todo, (1.0 / (1.0 + np.exp(-z))).tolist(), strict=True):
                known[word] = value
        return [known[w] if w in known else self.probability(w) for w in words]

    def probability(self, text: str) -> float:
        import numpy as np

        # A single word (``explain`` asks about each word of a flagged comment) recurs.
        alone = len(text) <= _ALONE_LENGTH and " " not in text
        if alone and text in self._alone:
            return self._alone[text]
        prepared = prepare(text)
        z = self.intercept
        for block, (_, _, idf, weights) in enumerate(self.blocks):
            ids = self._ids(block, text, prepared)
            if not len(ids):
                continue
            terms, tf = _distinct(np.sort(ids))
            values = tf * idf[terms]
            norm = float(values @ values)
            if norm:
                z += float(tf @ weights[terms]) / math.sqrt(norm)
        p = 1.0 / (1.0 + math.exp(-z))
        if alone:
            if len(self._alone) > _WORD_CACHE:
                self._alone.clear()
            self._alone[text] = p
        return p


def _distinct(ids: Any) -> tuple[Any, Any]:
    """Sorted term ids as each distinct id and its sublinear tf, ``1 + log(count)``.

    ``numpy.unique`` does the same with checks that cost more than the sum itself on a
    comment's few hundred ids; most ids occur once, so the log is taken only for repeats.
    """
    import numpy as np

    size = len(ids)
    starts = np.empty(size, dtype=bool)
    starts[0] = True
    np.not_equal(ids[1:], ids[:-1], out=starts[1:])
    first = starts.nonzero()[0]
    if len(first) == size:
        return ids, np.ones(size)
    # np.diff(first, append=size) without its argument handling (most of its cost here).
    counts = np.empty(len(first), dtype=first.dtype)
    np.subtract(first[1:], first[:-1], out=counts[:-1])
    counts[-1] = size - first[-1]
    return ids[first], 1.0 + np.log(counts)


#: Longest text a fast scorer remembers the probability of (one word, for ``explain``).
_ALONE_LENGTH = 40
#: Words whose n-grams a fast scorer keeps (cleared when full; a word costs ~1 KB).
_WORD_CACHE = 100_000


def _fast_scorer(pipeline: Any) -> _FastScorer | None:
    """A fast scorer when the pipeline is the one ``build_pipeline`` makes, else None."""
    try:
        vectors = pipeline.named_steps["features"].transformer_list
        if not all(v.sublinear_tf and v.norm == "l2" and v.use_idf for _, v in vectors):
            return None
        return _FastScorer(pipeline)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class TrainedClassifier:
    """A loaded classifier: ``probability(text)`` that a comment is unacceptable."""

    path: str
    pipeline: Any
    positive_label: str
    sklearn_version: str

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """Probability of "unacceptable" for each text."""
        return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]

    def probability(self, text: str) -> float:
        """Probability of "unacceptable" for one text (without scikit-learn's per-call cost)."""
        scorer = _scorer_for(self.pipeline)
        if scorer is None:
            return self.probabilities([text])[0]
        return scorer.probability(text)

    def explain(self, text: str, *, top: int = 3) -> list[tuple[tuple[int, int], str, float]]:
        """The words the model finds most unacceptable: ``(span, word, probability)``.

        Each word is scored on its own (a word list costs about as much as scoring
        the comment once, so the engine can explain every comment it flags); words
        the model gives at least even odds are listed, highest first, the first
        occurrence of each.
        """
        seen: dict[str, tuple[int, int]] = {}
        for m in _WORD.finditer(text):
            seen.setdefault(m.group(), (m.start(), m.end()))
            if len(seen) >= MAX_EXPLAINED_WORDS:
                break
        scorer = _scorer_for(self.pipeline)
        words = list(seen)
        if scorer is None:
            alone = [self.probability(word) for word in words]
        else:
            alone = scorer.probabilities_alone(words)
        scored = [(seen[word], word, round(p, 4)) for word, p in zip(words, alone, strict=True)]
        scored = [item for item in scored if item[2] >= 0.5]
        scored.sort(key=lambda item: (-item[2], item[0]))
        return scored[:top]


_WORD = re.compile(r"\w+(?:[\u200c\-]\w+)*")
#: Words of a comment :meth:`TrainedClassifier.explain` weighs (a long comment's first ones).
MAX_EXPLAINED_WORDS = 200

_SCORERS: dict[int, tuple[Any, _FastScorer | None]] = {}


def _scorer_for(pipeline: Any) -> _FastScorer | None:
    # Keyed by identity; the pipeline is kept alive in the value so the id stays unique.
    key = id(pipeline)
    if key not in _SCORERS:
        if len(_SCORERS) > 8:
            _SCORERS.clear()
        _SCORERS[key] = (pipeline, _fast_scorer(pipeline))
    return _SCORERS[key][1]


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> TrainedClassifier:
    import joblib

    try:
        payload = joblib.load(path)
    except Exception as exc:  # a damaged or foreign file can fail in many ways
        raise DataError(
            f"classifier file {path} cannot be read ({exc}): retrain it with sitrep moderate train"
        ) from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise DataError(f"{path} is not a sitrep moderation classifier: retrain it")
    if payload.get("version") != FORMAT_VERSION:
        raise DataError(
            f"classifier file {path} has format version {payload.get('version')}, "
            f"this sitrep reads {FORMAT_VERSION}: retrain it with sitrep moderate train"
        )
    return TrainedClassifier(
        path, payload["pipeline"], str(payload["positive_label"]), str(payload["sklearn"])
    )


def load(path: str | Path) -> TrainedClassifier:
    """Load a saved classifier (cached until the file changes)."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError as exc:
        raise DataError(f"classifier file {p} cannot be read: {exc.strerror}") from exc
    return _load(str(p), mtime)
