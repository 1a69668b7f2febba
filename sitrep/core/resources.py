"""Loaded resources (spaCy model, gazetteer, actor dictionary), cached per process.

They live in this importable module, not in ``__main__``, so that worker
processes of a pool (or Dask tasks) load each model once, not once per task.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sitrep.core.config import Config
from sitrep.core.errors import ConfigError

if TYPE_CHECKING:
    from sitrep.read.classify import EventClassifier
    from sitrep.resolve.actors import ActorDictionary
    from sitrep.resolve.gazetteer import Gazetteer


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Any:
    """The spaCy pipeline used to parse candidate sentences (NER is not needed).

    Its layers multiply matrices with NumPy's BLAS instead of thinc's default,
    BLIS: on these machines NumPy's (OpenBLAS) does the same products about
    three times as fast, and the tok2vec layer's products are most of a parse
    (parse them in :func:`one_blas_thread`, or OpenBLAS spends a thread per core).
    """
    from sitrep.core.fast_copy import paused_gc

    try:
        # spaCy's import and the model's load make some 80,000 objects, all
        # kept: the collector's passes over them found nothing
        with paused_gc():
            import spacy
            from thinc.api import NumpyOps

            nlp = spacy.load(model, exclude=["ner"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed; install the pinned package "
            f"(make install) or set spacy_model in your config to an installed model"
        ) from exc
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model_of = getattr(component, "model", None)
        if model_of is not None and hasattr(model_of, "walk"):
            for layer in model_of.walk():
                if type(layer.ops) is NumpyOps:
                    layer.ops = ops
    return nlp


@lru_cache(maxsize=1)
def _blas_threads() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which NumPy's BLAS uses one thread: a parse's products are
    small, and the reading already runs a process per core, so more threads only
    wait on one another (a parse took twice the CPU time with two). It limits the
    BLAS libraries loaded at its first use, NumPy's among them (loaded with NumPy)."""
    return _blas_threads().limit(limits=1, user_api="blas")


@lru_cache(maxsize=4)
def load_gazetteer(config: Config) -> Gazetteer:
    """The gazetteer for ``config`` (built and cached on first use)."""
    from sitrep.resolve.gazetteer import Gazetteer

    return Gazetteer.load(config)


@lru_cache(maxsize=4)
def load_actors(config: Config) -> ActorDictionary:
    """The actor dictionary: the bundled one plus ``config.actor_files``."""
    from sitrep.resolve.actors import ActorDictionary

    return ActorDictionary.load(config)


@lru_cache(maxsize=4)
def load_classifier(config: Config) -> EventClassifier | None:
    """The event classifier ``config.event_model`` selects (built on first use), or None.

    The default model (trained into the cache folder from the shipped corpus) is
    read through its plain-pickle copy (:mod:`sitrep.core.fast_copy`): the same
    model, loaded in a tenth of the time at every start, and lean (it predicts
    with NumPy alone: :meth:`EventClassifier.lean`), so that reading never imports
    scikit-learn.
    """
    from sitrep.core.fast_copy import load_with_copy
    from sitrep.read.classify import EventClassifier, build_default_model, load_event_model

    if config.event_model.strip():
        return load_event_model(config)  # a user's model, or "lexicon" (none)
    path = build_default_model(config)
    if path is None:
        return None
    # the copy holds the lean model (NumPy arithmetic, no scikit-learn to import)
    return load_with_copy(path, lambda p: EventClassifier.load(p).lean(p))
