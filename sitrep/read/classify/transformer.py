"""The rule features as a scikit-learn transformer, for training the event model.

Kept apart from :mod:`sitrep.read.classify.features` so that reading articles
(which predicts through :mod:`sitrep.read.linear`) never imports
scikit-learn or SciPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from sitrep.read.classify.features import N_FEATURES, feature_names, rule_vector


class RuleFeatures(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: texts -> sparse matrix of :func:`rule_vector` rows."""

    def fit(self, texts: Any, y: Any = None) -> RuleFeatures:
        """Nothing to learn: the rules are fixed."""
        return self

    def transform(self, texts: Any) -> sparse.csr_matrix:
        """One row per text."""
        rows = [rule_vector(t) for t in texts]
        return sparse.csr_matrix(np.asarray(rows, dtype=np.float64).reshape(len(rows), N_FEATURES))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Column names, for inspecting the model's weights."""
        return np.asarray(feature_names(), dtype=object)
