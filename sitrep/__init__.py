"""sitrep: news reports in, sourced and geocoded conflict events out.

The public surface::

    from sitrep import Sitrep

    with Sitrep(db="sitrep.db") as s:
        s.ingest(["reports/"])
        events = list(s.events(place="Albu Kamal"))

:class:`Sitrep` (``sitrep/api.py``) is the API the command line and the web app
use; the stages underneath (``load_config``, ``open_store``, ``ingest``,
``Extractor``) stay importable for scripts that need only part of it.

Names are imported on first use, so ``import sitrep`` stays cheap (no spaCy,
no database driver) for scripts that need only part of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "Article": "core.records",
    "Claim": "core.records",
    "Event": "core.records",
    "Mention": "core.records",
    "Place": "core.records",
    "Status": "core.records",
    "Config": "core.config",
    "load_config": "core.config",
    "SitrepError": "core.errors",
    "ArticleReading": "read.en.extract",
    "Extractor": "read.en.extract",
    "IngestSummary": "pipeline",
    "ingest": "pipeline",
    "Store": "store",
    "Sitrep": "api",
    "Comments": "api",
    "EventFilter": "views.queries",
    "Report": "core.records",
    "StoredPlace": "core.records",
    "open_store": "store",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
