"""Shared pieces of the evaluations: where the data is, results, corpus hashes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.core.errors import ConfigError
from sitrep.read.classify.metrics import (
    prf as prf,  # re-exported: the evaluations import it from here
)


def shared_root() -> Path:
    """The ``shared`` folder holding ``data/`` and ``seeds/``.

    ``$SITREP_SHARED`` wins; otherwise ``../shared`` next to the current folder
    or next to the repository.
    """
    env = os.environ.get("SITREP_SHARED")
    candidates = [Path(env)] if env else []
    repo = Path(__file__).resolve().parents[3]
    candidates += [Path.cwd().parent / "shared", repo.parent / "shared"]
    for c in candidates:
        if (c / "data").is_dir() or (c / "seeds").is_dir():
            return c
    raise ConfigError(
        "the evaluation data folder was not found: set SITREP_SHARED to the folder that "
        "holds data/ and seeds/ (in this project it is ../shared)"
    )


def data_path(*parts: str) -> Path:
    """A file under ``shared/data`` (raises ConfigError naming it when missing)."""
    path = shared_root().joinpath("data", *parts)
    if not path.exists():
        raise ConfigError(f"evaluation data {path} is missing")
    return path


def corpus_hash(*paths: Path) -> str:
    """sha256 of the files an evaluation read (so a changed corpus is noticed)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class EvalResult:
    """One evaluation's outcome: headline figures (all in [0, 1]) and details."""

    name: str
    figures: dict[str, float]
    corpus: str
    table: list[list[Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "figures": self.figures,
            "corpus": self.corpus,
            "details": self.details,
        }


def asserting_reports(
    mentions: Iterable[Mapping[str, Any]], report_of: Mapping[str, Any], kept: Collection[str]
) -> list[Any]:
    """The reports that tell an event as one of the ``kept`` statuses, sorted.

    ``mentions`` are an event item's own mentions (not references back) and
    ``report_of`` maps an article id to the evaluation's report key. An event merges
    every report's telling, so an event told as fact by one outlet can hold another
    outlet's denial of it: the denying report did not assert the change, and scoring
    it as that report's change would count the denial as a false positive (or, for a
    change it denies, as found). A report counts when any of its tellings is kept.
    """
    reports: set[Any] = set()
    for m in mentions:
        if m["status"] in kept:
            reports.add(report_of[m["article_id"]])
    return sorted(reports)
