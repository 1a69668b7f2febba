"""The learned event classifier: which event type (if any) a sentence reports.

The trigger lexicon (:mod:`sitrep.read.typology`) finds the candidate sentences and
feeds the model features; the model (:mod:`sitrep.read.classify.model`) decides
among the 30 CASE 2021 labels, ``NONE`` and ``HYPOTHETICAL`` with a
probability. The shipped default model is trained on the corpus in
``sitrep/data/training/*.jsonl`` (sentences the project wrote itself) with a
fixed seed, less the held-out third, and cached under the cache directory,
keyed by a hash of the corpus and of this package's code, so that a changed
corpus or code rebuilds it (``make model`` does so at install time; otherwise
the first use builds it: a few CPU-minutes for the 11,800 sentences).

The ``event_model`` setting chooses: ``""`` the default model, ``"lexicon"``
no model (the lexicon alone decides), or the path of a model written by
``sitrep train``.
"""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from sitrep.core.config import Config
from sitrep.core.fast_copy import keep_newest
from sitrep.read.classify.labels import HYPOTHETICAL, LABELS, NONE, acled_sub_type, normalize_label
from sitrep.read.classify.model import (
    DEFAULT_SEED,
    EventClassifier,
    Example,
    Prediction,
    Thresholds,
    read_csv,
    read_jsonl_dir,
    split,
    train,
)

LEXICON_ONLY = "lexicon"


def training_dir() -> Path:
    """The folder of the shipped training corpus (``sitrep/data/training``)."""
    return Path(str(resources.files("sitrep").joinpath("data/training")))


def _code_digest() -> str:
    # the model's features are this package's and the lexicon's code: a change rebuilds it
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in [*sorted(package.glob("*.py")), package.parent / "typology.py"]:
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def default_model_path(config: Config, folder: Path | None = None) -> Path | None:
    """Where the default model for the shipped corpus is cached (None: no corpus)."""
    folder = folder or training_dir()
    files = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not files:
        return None
    h = hashlib.sha256()
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    key = f"{h.hexdigest()[:12]}-{_code_digest()}-s{DEFAULT_SEED}"
    return config.cache_path / "models" / f"event-{key}.joblib"


#: How many default models (the current one included) the cache keeps.
KEPT_MODELS = 3


def build_default_model(
    config: Config, *, force: bool = False, folder: Path | None = None
) -> Path | None:
    """Train the default model from the shipped corpus (unless cached); its path.

    None when there is no training corpus. ``force`` retrains even when cached.
    """
    folder = folder or training_dir()
    path = default_model_path(config, folder)
    if path is None:
        return None
    if path.exists() and not force:
        return path
    train_set, held_out = split(read_jsonl_dir(folder))
    model = train(train_set, held_out=held_out, seed=DEFAULT_SEED, source=str(folder))
    model.save(path)
    prune_models(path)
    return path


def prune_models(current: Path) -> None:
    """Remove cached default models of other corpora or code but the few most recent.

    Two checkouts of different code sharing one cache would otherwise delete each
    other's model and retrain on every run; their fast copies go with them."""
    for stale in keep_newest(current, "event-*.joblib", KEPT_MODELS):
        stale.with_suffix(".pickle").unlink(missing_ok=True)


def load_event_model(config: Config) -> EventClassifier | None:
    """The model ``config.event_model`` selects (None: the lexicon alone decides)."""
    choice = config.event_model.strip()
    if choice == LEXICON_ONLY:
        return None
    if choice:
        return EventClassifier.load(Path(choice).expanduser())
    path = build_default_model(config)
    return EventClassifier.load(path) if path is not None else None


__all__ = [
    "HYPOTHETICAL",
    "LABELS",
    "LEXICON_ONLY",
    "NONE",
    "EventClassifier",
    "Example",
    "Prediction",
    "Thresholds",
    "acled_sub_type",
    "build_default_model",
    "default_model_path",
    "load_event_model",
    "normalize_label",
    "read_csv",
    "read_jsonl_dir",
    "split",
    "train",
    "training_dir",
]
