"""The trainable comment classifier: TF-IDF character n-grams + logistic regression.

A publisher trains it on its own labelled comments (``train``); the policy's
``[classifier] path`` points at the saved file and ``moderate`` uses it when the
file exists. scikit-learn fits the model; the saved file holds only what scoring
needs, so reading it and scoring comments never imports scikit-learn (its import
costs about two CPU-seconds at start-up, and its tens of thousands of objects
make every full garbage collection of a server several times slower).

The file is a zip archive (numpy can open it as an ``.npz``): ``meta.json`` (format
and version, the labels, the scikit-learn version that fitted it, the intercept
and each feature block's analyzer and n-gram range), and per block its terms in
term-id order, one per line (``NAME.terms.txt``), their idf and the model's
weights (``NAME.idf.npy``, ``NAME.coef.npy``, float64); a character block also holds
the n-gram ids of the model's own words (``NAME.known.txt``, one word a line, with
``NAME.known_offsets.npy`` and ``NAME.known_ids.npy``, integers), which spare the
scorer working them out the first time it meets each (files without them are read
as before). Nothing in it is unpickled. Files saved before this format (a joblib
pickle of the pipeline) still load, through scikit-learn; ``sitrep moderate train``
rewrites them.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.core.errors import DataError, InputError
from sitrep.text.normalize import MODERATION_FEATURES, fold

FORMAT = "sitrep-moderation-classifier"
#: Version 1 was a joblib pickle of the scikit-learn pipeline (still read);
#: version 2 the zip of arrays described above.
FORMAT_VERSION = 2
LEGACY_VERSION = 1

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


def build_pipeline(*, seed: int = 0, max_df: tuple[float, float] = (1.0, 1.0)) -> Any:
    """An unfitted pipeline: char n-grams (1-5, within words) and word uni/bigrams, then LR.

    ``max_df`` (chars, words) drops the terms found in more than that share of the
    training texts from each block (1.0: none); the shipped build sets it
    (``corpus.MAX_DF``), a publisher's ``moderate train`` keeps every term. The saved
    model is the same format either way: the dropped terms are just not in it.
    """
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
                    max_df=max_df[0],
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
                    max_df=max_df[1],
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


def fit(
    texts: Sequence[str],
    targets: Sequence[int],
    *,
    seed: int = 0,
    max_df: tuple[float, float] = (1.0, 1.0),
) -> Any:
    """Fit the pipeline on texts with 0/1 targets (1 = unacceptable)."""
    pipeline = build_pipeline(seed=seed, max_df=max_df)
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
    """Write what scoring needs of the fitted pipeline (creating the folder).

    The same pipeline gives the same bytes: the archive's entries carry a fixed date
    and are written in one order, and the arrays are plain float64.
    """
    import sklearn

    blocks, intercept = _blocks_of(pipeline)
    blocks = _known_words(blocks, intercept)
    meta = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "sklearn": sklearn.__version__,
        "positive_label": positive_label,
        "labels": list(labels),
        "intercept": intercept,
        "blocks": [
            {
                "name": b.name,
                "analyzer": b.analyzer,
                "ngram_range": list(b.ngram_range),
                "token_pattern": b.token_pattern,
                "terms": len(b.terms),
            }
            for b in blocks
        ],
    }
    entries = [("meta.json", json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))]
    for b in blocks:
        entries.append((f"{b.name}.terms.txt", "\n".join(b.terms).encode("utf-8")))
        entries.append((f"{b.name}.idf.npy", _npy(b.idf)))
        entries.append((f"{b.name}.coef.npy", _npy(b.coef)))
        if b.known is not None:
            words, offsets, ids = b.known
            entries.append((f"{b.name}.known.txt", "\n".join(words).encode("utf-8")))
            entries.append((f"{b.name}.known_offsets.npy", _npy(offsets, "<i8")))
            entries.append((f"{b.name}.known_ids.npy", _npy(ids, "<i4")))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name, data in entries:
            # A fixed date (zip's earliest) and mode: the bytes depend on the model only.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    os.replace(partial, out_path)
    _load.cache_clear()


def _npy(values: Any, dtype: str = "<f8") -> bytes:
    import numpy as np

    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(values, dtype=dtype), allow_pickle=False)
    return buffer.getvalue()


def _known_words(blocks: list[_Block], intercept: float) -> list[_Block]:
    """The blocks, each char_wb block with the n-gram ids of the word blocks' single words.

    A word's character n-grams are most of what scoring a comment costs the first time
    the scorer meets the word (its ids are remembered after); the model's own words
    (its word blocks' one-word terms: the words it was trained on) are the ones
    comments use most, so their ids are worked out here, once, and the file holds them.
    They are the ids the scorer would find (``_FastScorer._ids``), in its order.
    """
    import numpy as np

    words = sorted(
        {
            t
            for b in blocks
            if b.analyzer == "word" and b.ngram_range[0] == 1
            for t in b.terms
            if t and not any(c.isspace() for c in t)
        }
    )
    scorer = _FastScorer(blocks, intercept)
    out: list[_Block] = []
    for index, b in enumerate(blocks):
        if b.analyzer != "char_wb" or not words:
            out.append(b)
            continue
        found = [scorer._ids(index, word) for word in words]
        offsets = np.zeros(len(found) + 1, dtype=np.int64)
        np.cumsum([len(ids) for ids in found], out=offsets[1:])
        ids = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
        out.append(replace(b, known=(words, offsets, ids)))
    return out


@dataclass(frozen=True)
class _Block:
    """One feature block of a fitted pipeline, as the fast scorer and the file hold it.

    ``analyzer`` is ``char_wb`` (character n-grams inside words, from 1 to
    ``ngram_range[1]``) or ``word`` (tokens of ``token_pattern``, then word n-grams);
    ``terms`` are in term-id order; ``coef`` is the model's weight of each term.
    """

    name: str
    analyzer: str
    ngram_range: tuple[int, int]
    token_pattern: str | None
    terms: Sequence[str]
    idf: Any
    coef: Any
    #: A char_wb block's n-gram ids of words known in advance (see ``_known_words``):
    #: the words, and the ids of word ``k`` at ``ids[offsets[k]:offsets[k + 1]]``.
    known: tuple[Sequence[str], Any, Any] | None = None


def _blocks_of(pipeline: Any) -> tuple[list[_Block], float]:
    """The feature blocks and intercept of a pipeline ``build_pipeline`` made, fitted.

    Raises ValueError for any other shape (the fast scorer computes only this one).
    """
    import numpy as np

    try:
        union = pipeline.named_steps["features"]
        model = pipeline.named_steps["model"]
        vectors = union.transformer_list
    except (AttributeError, KeyError, TypeError) as exc:
        raise ValueError("not a fitted moderation pipeline") from exc
    coef = np.asarray(model.coef_[0], dtype=np.float64)
    blocks: list[_Block] = []
    offset = 0
    for name, vec in vectors:
        plain = (
            vec.sublinear_tf
            and vec.norm == "l2"
            and vec.use_idf
            and not vec.binary
            and vec.input == "content"
            and vec.preprocessor is prepare
        )
        low, high = (int(n) for n in vec.ngram_range)
        if plain and vec.analyzer == "char_wb" and low == 1:
            pattern = None
        elif plain and vec.analyzer == "word" and vec.tokenizer is None and vec.stop_words is None:
            pattern = str(vec.token_pattern)
            if re.compile(pattern).groups > 1:
                raise ValueError(f"block {name!r}: a token pattern with more than one group")
        else:
            raise ValueError(f"block {name!r} is not one the fast scorer computes")
        idf = np.asarray(vec.idf_, dtype=np.float64)
        terms = [""] * len(idf)
        for term, i in vec.vocabulary_.items():
            terms[int(i)] = str(term)
        # Terms never hold a line break (char_wb n-grams and word tokens stop at white
        # space), so one term a line is safe; a missing id would be an empty line.
        if any(not t or "\n" in t for t in terms) or len(vec.vocabulary_) != len(idf):
            raise ValueError(f"block {name!r}: its vocabulary does not number its terms")
        blocks.append(
            _Block(
                name,
                str(vec.analyzer),
                (low, high),
                pattern,
                terms,
                idf,
                coef[offset : offset + len(idf)],
            )
        )
        offset += len(idf)
    if offset != len(coef):
        raise ValueError("the pipeline's features do not line up with its model")
    return blocks, float(model.intercept_[0])


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

    def __init__(self, blocks: Sequence[_Block], intercept: float) -> None:
        import numpy as np

        self.intercept = intercept
        # Per block: its vocabulary and, by term id, idf and idf·weight.
        self.blocks: list[tuple[dict[str, int], Any, Any]] = []
        # Per char_wb block: its n-gram lengths and a cache of each word's in-vocabulary
        # term ids. char_wb n-grams never cross a space, so a comment's are the union of
        # its words' and most words recur from comment to comment. Per word block: its
        # tokenizer, n-gram lengths and the first words of its terms of two or more
        # words. Both read the text as ``prepare`` folds it, folded once.
        self.word_blocks: list[tuple[str, Any, tuple[int, int], Any]] = []
        # Per char_wb block: each term's prefix's id, when the vocabulary has them all.
        self.parents: list[list[int] | None] = []
        # Per char_wb block: the file's known words (their row), offsets and ids.
        self.known: list[tuple[dict[str, int], list[int], Any] | None] = []
        for b in blocks:
            vocabulary = dict(zip(b.terms, range(len(b.terms)), strict=True))
            self.blocks.append((vocabulary, b.idf, b.idf * b.coef))
            closed = b.analyzer == "char_wb" and b.ngram_range[0] == 1
            self.parents.append(_parents(b.terms, vocabulary) if closed else None)
            if b.known is None:
                self.known.append(None)
            else:
                words, offsets, ids = b.known
                rows = dict(zip(words, range(len(words)), strict=True))
                self.known.append((rows, offsets.tolist(), ids))
            if b.analyzer == "char_wb":
                self.word_blocks.append(("chars", None, b.ngram_range, {}))
            else:
                findall = re.compile(b.token_pattern or "").findall
                # The first words of the block's terms of two or more words: a run of
                # words that starts with another word is no term, and is not joined.
                heads = frozenset(t.split(" ", 1)[0] for t in b.terms if " " in t)
                self.word_blocks.append(("words", findall, b.ngram_range, heads))
        self._empty = np.zeros(0, dtype=np.int64)

    def _ids(self, block: int, prepared: str) -> Any:
        """The block's in-vocabulary term ids of a folded text (repeats kept), as an array."""
        import numpy as np

        vocabulary = self.blocks[block][0]
        kind, tokenize, ngrams, cache = self.word_blocks[block]
        if kind == "words":
            grams = _word_ngrams(tokenize(prepared), *ngrams, heads=cache)
            get = vocabulary.get
            # One look-up per term (most of a comment's bigrams are not terms).
            found = [i for t in grams if (i := get(t)) is not None]
            return np.array(found, dtype=np.int64) if found else self._empty
        if len(cache) > _WORD_CACHE:
            cache.clear()
        low, high = ngrams
        parents, known = self.parents[block], self.known[block]
        parts = []
        for word in prepared.split():
            ids = cache.get(word)
            if ids is None and known is not None:
                row = known[0].get(word)
                if row is not None:
                    offsets = known[1]
                    ids = cache[word] = known[2][offsets[row] : offsets[row + 1]]
            if ids is None:
                # char_wb's n-grams of one word (as scikit-learn makes them, n from 1):
                # the word padded with a space each side, every n up to its length.
                padded = f" {word} "
                size = len(padded)
                if parents is not None:
                    found = _prefix_ids(padded, high, vocabulary, parents)
                else:
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

    def contributions(self, text: str) -> tuple[list[tuple[int, int]], Any]:
        """Each white-space-separated token of ``text``: its span and its share of the logit.

        The logit is the intercept plus, per block, ``sum(tf * idf * coef) / norm`` over
        the comment's terms, so each term's part is exact. A term's part goes to the
        tokens it comes from: a char_wb n-gram never crosses white space, so it lies in
        one token; a word n-gram of n words gives ``1/n`` to each word's token; a term
        that occurs several times is shared equally by its occurrences. The shares add
        up to the logit less the intercept (``logit(text) - intercept``).
        """
        import numpy as np

        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        pieces = _folded_tokens(text, spans)
        shares = np.zeros(len(spans))
        for block, (vocabulary, idf, weights) in enumerate(self.blocks):
            kind, findall, ngrams, cache = self.word_blocks[block]
            # Entries (term, token, part): occurrence parts of a term add up to its count.
            part = None
            if kind == "chars":
                found, homes = [], []
                for k, words in enumerate(pieces):
                    for word in words:
                        ids = cache.get(word)
                        found.append(self._ids(block, word) if ids is None else ids)
                        homes.append(k)
                if not found:
                    continue
                ids = np.concatenate(found)
                owner = np.repeat(homes, [len(f) for f in found])
            else:
                tokens = [findall(" ".join(words)) for words in pieces]
                ids, owner, part = _word_block_entries(tokens, vocabulary, ngrams)
            if not len(ids):
                continue
            order = np.argsort(ids, kind="stable")
            ranked = ids[order]
            starts = np.empty(len(ranked), dtype=bool)
            starts[0] = True
            np.not_equal(ranked[1:], ranked[:-1], out=starts[1:])
            group = np.empty(len(ranked), dtype=np.int64)
            group[order] = np.cumsum(starts) - 1
            terms = ranked[starts]
            if part is None:
                counts = np.bincount(group).astype(float)
            else:
                counts = np.rint(np.bincount(group, part))
            tf = 1.0 + np.log(counts)
            values = tf * idf[terms]
            norm = math.sqrt(float(values @ values))
            if not norm:
                continue
            each = (tf * weights[terms] / (norm * counts))[group]
            shares += np.bincount(owner, each if part is None else each * part, len(spans))
        return spans, shares

    def probability(self, text: str) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit(text)))

    def logit(self, text: str) -> float:
        """The model's log-odds of "unacceptable" for one text (the intercept included)."""
        import numpy as np

        prepared = prepare(text)
        z = self.intercept
        for block, (_, idf, weights) in enumerate(self.blocks):
            ids = self._ids(block, prepared)
            if not len(ids):
                continue
            terms, tf = _distinct(np.sort(ids))
            values = tf * idf[terms]
            norm = float(values @ values)
            if norm:
                z += float(tf @ weights[terms]) / math.sqrt(norm)
        return z


def _parents(terms: Sequence[str], vocabulary: dict[str, int]) -> list[int] | None:
    """Each term's prefix's id (its first n-1 characters; -1 for one character), or None
    when a term's prefix is not a term.

    A fitted char_wb vocabulary has the prefix of every term when no ``max_features``
    cut it: a prefix occurs in every text its n-gram occurs in, so its document
    frequency passes ``min_df`` too.
    """
    parents = [vocabulary.get(term[:-1], -1) if len(term) > 1 else -1 for term in terms]
    if any(p < 0 and len(t) > 1 for t, p in zip(terms, parents, strict=True)):
        return None
    return parents


def _prefix_ids(
    padded: str, high: int, vocabulary: dict[str, int], parents: list[int]
) -> list[int]:
    """The ids of a padded word's n-grams (1 to ``high``), given ``_parents``'s list.

    At each start the longest n-gram that is a term is looked up, and its prefixes'
    ids are followed from it: every shorter n-gram there is a term, and no longer one
    is. A word needs about one look-up per character instead of one per n-gram (most
    of a new word's time); the ids are the same, in another order (they are sorted).
    """
    get = vocabulary.get
    found: list[int] = []
    for i in range(len(padded)):
        gram = padded[i : i + high]
        term = get(gram, -1)
        while term < 0 and len(gram) > 1:
            gram = gram[:-1]
            term = get(gram, -1)
        while term >= 0:
            found.append(term)
            term = parents[term]
    return found


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


#: Words whose n-grams a fast scorer keeps (cleared when full; a word costs ~1 KB).
_WORD_CACHE = 100_000


def _folded_tokens(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """The folded words of each token ``text[a:b]``: ``prepare(text[a:b]).split()``.

    ``prepare`` folds character by character (a ZWNJ becomes a space, so a token can
    hold more than one folded word); when no character was dropped or became two, the
    folded text lines up with ``text`` and is folded once.
    """
    prepared = prepare(text)
    if len(prepared) == len(text) and not _DROPPED.search(text):
        return [prepared[a:b].split() for a, b in spans]
    return [prepare(text[a:b]).split() for a, b in spans]


def _word_block_entries(
    tokens: Sequence[Sequence[str]], vocabulary: dict[str, int], ngrams: tuple[int, int]
) -> tuple[Any, Any, Any]:
    """A word block's terms in a comment whose token ``k`` holds the words ``tokens[k]``.

    The terms ``_word_ngrams`` makes of all the words in order, those in the vocabulary,
    as entries (term id, token, part): an n-gram of n words is n entries of part ``1/n``,
    one for the token of each of its words.
    """
    import numpy as np

    words = [w for ws in tokens for w in ws]
    home = [k for k, ws in enumerate(tokens) for _ in ws]
    low, high = ngrams
    ids: list[int] = []
    owner: list[int] = []
    part: list[float] = []
    get = vocabulary.get
    for n in range(max(low, 1), min(high, len(words)) + 1):
        share = 1.0 / n
        for i in range(len(words) - n + 1):
            term = get(words[i] if n == 1 else " ".join(words[i : i + n]))
            if term is not None:
                ids += [term] * n
                owner += home[i : i + n]
                part += [share] * n
    return np.array(ids, dtype=np.int64), np.array(owner, dtype=np.int64), np.array(part)


def _word_ngrams(tokens: list[str], low: int, high: int, heads: Any = None) -> list[str]:
    """A word block's terms of a token list: runs of ``low`` to ``high`` tokens, space-joined.

    The terms scikit-learn's word analyzer makes (the order differs; ids are sorted).
    With ``heads`` (the first words of a vocabulary's terms of two or more words), only
    the runs of two or more that start with one of them, the others being no term.
    """
    grams = list(tokens) if low == 1 else []
    count = len(tokens)
    for n in range(max(low, 2), min(high, count) + 1):
        if heads is None:
            grams.extend(" ".join(tokens[i : i + n]) for i in range(count - n + 1))
        else:
            grams.extend(
                " ".join(tokens[i : i + n]) for i in range(count - n + 1) if tokens[i] in heads
            )
    return grams


def _fast_scorer(pipeline: Any) -> _FastScorer | None:
    """A fast scorer when the pipeline is the one ``build_pipeline`` makes, else None."""
    try:
        return _FastScorer(*_blocks_of(pipeline))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class TrainedClassifier:
    """A loaded classifier: ``probability(text)`` that a comment is unacceptable.

    ``scorer`` computes the model's probability from its arrays; ``pipeline`` is the
    scikit-learn pipeline when there is one in memory (a model fitted in this process
    or read from a file of the old format), else None.
    """

    path: str
    positive_label: str
    sklearn_version: str
    scorer: _FastScorer | None
    pipeline: Any = field(default=None, repr=False)

    @classmethod
    def from_pipeline(
        cls, path: str, pipeline: Any, positive_label: str, sklearn_version: str
    ) -> TrainedClassifier:
        """A classifier scoring with a fitted pipeline (its fast scorer when it has one)."""
        return cls(path, positive_label, sklearn_version, _fast_scorer(pipeline), pipeline)

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        """Probability of "unacceptable" for each text."""
        if self.pipeline is not None:
            return [float(p) for p in self.pipeline.predict_proba(list(texts))[:, 1]]
        return [self.probability(text) for text in texts]

    def probability(self, text: str) -> float:
        """Probability of "unacceptable" for one text (without scikit-learn's per-call cost)."""
        if self.scorer is None:
            return self.probabilities([text])[0]
        return self.scorer.probability(text)

    def explain(self, text: str, *, top: int = 3) -> list[tuple[tuple[int, int], str, float]]:
        """The words that raise the model's log-odds most: ``(span, word, contribution)``.

        A word's contribution is its share of the comment's logit (``contributions``:
        the terms it holds, in this comment, as the model weighs them), so the shares
        of all words add up to the logit less the intercept, and a word counts as much
        as it weighs here, not as it would alone. A word written several times adds
        its occurrences (the span is the first). Words with a positive contribution,
        largest first, at most ``top``. A model of another shape (a legacy pipeline)
        gets how far the log-odds fall without each word instead.
        """
        if self.scorer is not None:
            spans, values = self.scorer.contributions(text)
            shares = [float(v) for v in values]
        else:  # one text per word left out: a long comment's first words only
            spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)][:_LEFT_OUT_WORDS]
            texts = [text] + [text[:a] + text[b:] for a, b in spans]
            logits = [_logit(p) for p in self.probabilities(texts)]
            shares = [logits[0] - z for z in logits[1:]]
        total: dict[str, float] = {}
        first: dict[str, tuple[tuple[int, int], str]] = {}
        for (a, b), share in zip(spans, shares, strict=True):
            token = text[a:b]
            word = token.strip(_EDGE_PUNCTUATION) or token
            a += token.index(word)
            key = word.casefold()
            first.setdefault(key, ((a, a + len(word)), word))
            total[key] = total.get(key, 0.0) + share
        scored = [(*first[key], round(v, 4)) for key, v in total.items() if v > 0]
        scored.sort(key=lambda item: (-item[2], item[0]))
        return scored[:top]


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


#: Characters ``prepare`` drops (a character class; one that matches nothing if none).
_DROPPED = re.compile(
    "[{}]".format(
        re.escape("".join(chr(k) for k, v in MODERATION_FEATURES.table.items() if v is None))
        or "^\\s\\S"
    )
)
#: Words of a comment a legacy model's ``explain`` leaves out one at a time.
_LEFT_OUT_WORDS = 200
#: A comment's tokens, as char_wb n-grams see words: runs without white space.
_TOKEN = re.compile(r"\S+")
#: Punctuation a reason leaves off a token's ends ("idiot!!" is named «idiot»); the
#: signs readers put inside an insult ("f*ck", "@sshole") are kept.
_EDGE_PUNCTUATION = ".,!?;:\"'()[]{}«»“”‘’…،؛؟"


_RETRAIN = "retrain it with sitrep moderate train (the shipped model: make moderation-model)"


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> TrainedClassifier:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise DataError(f"classifier file {path} cannot be read: {exc.strerror}") from exc
    if head != b"PK\x03\x04":
        return _load_legacy(path)
    try:
        with zipfile.ZipFile(path) as archive:
            meta = _checked(json.loads(archive.read("meta.json")), path, FORMAT_VERSION)
            blocks = [_read_block(archive, spec) for spec in meta["blocks"]]
            intercept = float(meta["intercept"])
            positive, version = str(meta["positive_label"]), str(meta.get("sklearn", ""))
    except DataError:
        raise
    except Exception as exc:  # a damaged or foreign file can fail in many ways
        raise DataError(f"classifier file {path} cannot be read ({exc}): {_RETRAIN}") from exc
    return TrainedClassifier(path, positive, version, _FastScorer(blocks, intercept))


def _checked(header: Any, path: str, version: int) -> dict[str, Any]:
    """The file's header when it is a classifier of ``version``, else a DataError saying so."""
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DataError(f"{path} is not a sitrep moderation classifier: {_RETRAIN}")
    if header.get("version") != version:
        raise DataError(
            f"classifier file {path} has format version {header.get('version')}, "
            f"this sitrep reads {FORMAT_VERSION} (and {LEGACY_VERSION}, a joblib file): {_RETRAIN}"
        )
    return header


def _read_block(archive: zipfile.ZipFile, spec: dict[str, Any]) -> _Block:
    import numpy as np

    name = str(spec["name"])
    text = archive.read(f"{name}.terms.txt").decode("utf-8")
    terms = text.split("\n") if text else []
    arrays = []
    for part in ("idf", "coef"):
        with archive.open(f"{name}.{part}.npy") as fh:
            arrays.append(np.lib.format.read_array(fh, allow_pickle=False))
    idf, coef = arrays
    if not len(terms) == len(idf) == len(coef) == int(spec["terms"]):
        raise ValueError(f"block {name!r} has {len(terms)} terms but {len(idf)} weights")
    analyzer = str(spec["analyzer"])
    if analyzer not in ("char_wb", "word"):
        raise ValueError(f"block {name!r} has an analyzer this sitrep does not compute")
    low, high = (int(n) for n in spec["ngram_range"])
    pattern = spec.get("token_pattern")
    known = None
    if f"{name}.known.txt" in archive.namelist():  # files written before it have none
        text = archive.read(f"{name}.known.txt").decode("utf-8")
        words = text.split("\n") if text else []
        tables = []
        for part in ("known_offsets", "known_ids"):
            with archive.open(f"{name}.{part}.npy") as fh:
                tables.append(np.lib.format.read_array(fh, allow_pickle=False).astype(np.int64))
        offsets, ids = tables
        if len(offsets) != len(words) + 1 or (
            len(ids) and (ids.min() < 0 or ids.max() >= len(idf))
        ):
            raise ValueError(f"block {name!r} has a word table that does not fit its terms")
        known = (words, offsets, ids)
    return _Block(name, analyzer, (low, high), pattern, terms, idf, coef, known)


def _load_legacy(path: str) -> TrainedClassifier:
    """A classifier file of format version 1 (a joblib pickle; imports scikit-learn)."""
    import joblib

    try:
        payload = joblib.load(path)
    except Exception as exc:  # a damaged or foreign file can fail in many ways
        raise DataError(f"classifier file {path} cannot be read ({exc}): {_RETRAIN}") from exc
    payload = _checked(payload, path, LEGACY_VERSION)
    return TrainedClassifier.from_pipeline(
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
