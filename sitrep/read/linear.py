"""The event model's arithmetic with NumPy alone, for reading articles.

The trained model (:func:`sitrep.read.classify.model.build_pipeline`) is
TF-IDF over word 1-2-grams and over character 2-5-grams within words, the
rule features, then a multinomial logistic regression. Predicting through
scikit-learn costs its import at every start (about a CPU-second, and the
memory of SciPy and scikit-learn in every process) and its input checks,
sparse matrices and feature union at every call. :class:`LinearModel` holds
what prediction needs (the two vocabularies with their idf, the weights, the
intercepts) and computes the same probabilities: the same n-grams, counts,
sublinear tf, idf and L2 norm per block, the same soft-max. Only the order in
which floating-point sums are taken differs, by the last bits
(``tests/test_classify.py`` compares the two on many sentences).

:func:`LinearModel.from_pipeline` reads a fitted pipeline and returns None for
any pipeline that is not the one ``build_pipeline`` makes (a different
analyser, weighting or model), which then predicts through scikit-learn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from sitrep.read.classify.features import N_FEATURES, normalize_digits, rule_vector

# scikit-learn's word pattern and white-space folding for the two vectorisers
# (``token_pattern`` as build_pipeline sets it; ``char_wb`` folds runs of white space)
WORD_PATTERN = r"(?u)\b\w+\b"
_WORD = re.compile(WORD_PATTERN)
_WHITE_RUNS = re.compile(r"\s\s+")
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
# words whose in-vocabulary character n-grams are remembered (cleared when full)
_WORD_CACHE = 200_000
# texts scored together (bounds the temporary arrays: ~700 terms x classes per text)
_BATCH = 128


class LinearModel:
    """What predicting with the fitted pipeline needs, as dictionaries and arrays."""

    def __init__(
        self,
        words: dict[str, int],
        word_idf: np.ndarray,
        chars: dict[str, int],
        char_idf: np.ndarray,
        coef_t: np.ndarray,
        intercept: np.ndarray,
    ) -> None:
        self.words = words
        self.chars = chars
        # the idf of every term column, words then characters
        self.idf = np.concatenate([word_idf, char_idf]).astype(np.float64)
        # (features x classes), C order: a row per feature, gathered per sentence
        self.coef_t = np.ascontiguousarray(coef_t, dtype=np.float64)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self._char_offset = len(words)
        self._rule_offset = len(words) + len(chars)
        self._char_terms: dict[str, tuple[int, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        # the n-gram cache is rebuilt as sentences come: not worth pickling
        return {**self.__dict__, "_char_terms": {}}

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> LinearModel | None:
        """The model of a pipeline ``build_pipeline`` made and fitted, else None."""
        try:
            union = pipeline.named_steps["features"]
            model = pipeline.named_steps["model"]
            parts = dict(union.transformer_list)
            words, chars, rules = parts["words"], parts["chars"], parts["rules"]
            if [n for n, _ in union.transformer_list] != ["words", "chars", "rules"]:
                return None
            if union.transformer_weights is not None or type(rules).__name__ != "RuleFeatures":
                return None
            for vec, analyzer, ngrams in (
                (words, "word", WORD_NGRAMS),
                (chars, "char_wb", CHAR_NGRAMS),
            ):
                if not (
                    vec.analyzer == analyzer
                    and tuple(vec.ngram_range) == ngrams
                    and vec.preprocessor is normalize_digits
                    and vec.input == "content"
                    and vec.sublinear_tf
                    and vec.use_idf
                    and vec.norm == "l2"
                    and not vec.binary
                    and vec.stop_words is None
                    and vec.tokenizer is None
                ):
                    return None
            if words.token_pattern != WORD_PATTERN:
                return None
            coef = np.asarray(model.coef_, dtype=np.float64)
            n_features = len(words.vocabulary_) + len(chars.vocabulary_) + N_FEATURES
            if coef.ndim != 2 or coef.shape[0] < 3 or coef.shape[1] != n_features:
                return None  # a binary model has one row of weights: not this arithmetic
            return cls(
                dict(words.vocabulary_),
                words.idf_,
                dict(chars.vocabulary_),
                chars.idf_,
                coef.T,
                model.intercept_,
            )
        except (AttributeError, KeyError, TypeError, ValueError):
            return None

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """(texts x classes) probabilities, in the order of the model's classes."""
        scores = np.empty((len(texts), len(self.intercept)), dtype=np.float64)
        for start in range(0, len(texts), _BATCH):
            scores[start : start + _BATCH] = self._scores(texts[start : start + _BATCH])
        # the soft-max as scikit-learn takes it
        scores -= scores.max(axis=1).reshape(-1, 1)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1).reshape(-1, 1)
        return scores

    def _scores(self, texts: Sequence[str]) -> np.ndarray:
        """The linear scores of a few texts: TF-IDF blocks and rule features times weights."""
        n = len(texts)
        n_terms = self._rule_offset
        # every in-vocabulary term of every text, as row * n_terms + column: one sort
        # (np.unique) then gives each row's columns in order with their counts, as
        # scikit-learn's count matrix holds them
        keys: list[int] = []
        rules = np.empty((n, N_FEATURES), dtype=np.float64)
        for row, text in enumerate(texts):
            base = row * n_terms
            # (the first text's keys are its columns: most calls score one text)
            keys.extend(self._terms(text) if base == 0 else [base + j for j in self._terms(text)])
            rules[row] = rule_vector(text)
        scores = rules @ self.coef_t[n_terms:] + self.intercept
        if not keys:
            return scores
        found, counts = np.unique(np.asarray(keys, dtype=np.int64), return_counts=True)
        rows, cols = np.divmod(found, n_terms)
        data = np.log(counts.astype(np.float64)) + 1.0
        data *= self.idf[cols]
        # L2 norm per text and block (words, characters)
        group = rows * 2 + (cols >= self._char_offset)
        norms = np.sqrt(np.bincount(group, weights=data * data, minlength=2 * n))
        data /= norms[group]
        firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        scores[rows[firsts]] += np.add.reduceat(data[:, None] * self.coef_t[cols], firsts, axis=0)
        return scores

    def _terms(self, text: str) -> list[int]:
        """The columns of the text's in-vocabulary word and character n-grams, repeated
        as often as they occur (character columns after the word ones)."""
        prepared = normalize_digits(text)
        tokens = _WORD.findall(prepared)
        words = self.words
        out = [j for t in tokens if (j := words.get(t)) is not None]
        out += [
            j
            for i in range(len(tokens) - 1)
            if (j := words.get(tokens[i] + " " + tokens[i + 1])) is not None
        ]
        cache = self._char_terms
        if len(cache) > _WORD_CACHE:
            cache.clear()
        for word in _WHITE_RUNS.sub(" ", prepared).split():
            terms = cache.get(word)
            if terms is None:
                terms = cache[word] = self._word_char_terms(word)
            out += terms
        return out

    def _word_char_terms(self, word: str) -> tuple[int, ...]:
        """The columns of one word's character n-grams (padded by a space each side,
        as ``char_wb`` pads it; a word shorter than n gives one n-gram, itself)."""
        vocabulary = self.chars
        offset = self._char_offset
        padded = f" {word} "
        size = len(padded)
        out: list[int] = []
        low, high = CHAR_NGRAMS
        for n in range(low, high + 1):
            last = max(size - n, 0)
            for start in range(last + 1):
                j = vocabulary.get(padded[start : start + n])
                if j is not None:
                    out.append(offset + j)
            if last == 0:
                break
        return tuple(out)


__all__ = ["LinearModel"]
