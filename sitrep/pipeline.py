"""The ingest orchestrator: inputs in, stored and merged events out.

:func:`ingest` runs, for each input:

1. read it into an :class:`Article` (``ingest.read_inputs``), or record a
   :class:`Failure` naming the input and why, and go on;
2. skip it if the store already holds it (ids derive from content);
3. read it (``extract.Extractor.read``): sentences, claims, mentions; an
   exception here marks the article ``failed`` with the reason, and the run
   goes on;
4. store the article with its claims and mentions in one transaction;
5. every ``merge_every`` articles and at the end, merge the new mentions into
   events (``Store.merge_pending``), so a killed run resumes cleanly.

With ``workers > 1`` step 3 runs in a process pool; storing stays in this
process (one writer).
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .config import Config
from .errors import SitrepError
from .extract import ArticleReading, Extractor
from .ingest import read_inputs
from .records import Article, Failure
from .resources import load_actors
from .store import Store

log = logging.getLogger(__name__)


@dataclass
class IngestSummary:
    """What one ingest run did."""

    articles: int = 0  # new articles stored (ok or failed)
    duplicates: int = 0  # already in the store
    failed: int = 0  # inputs or articles that produced nothing, with reasons below
    mentions: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    events_total: int = 0

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles,
            "duplicates": self.duplicates,
            "failed": self.failed,
            "mentions": self.mentions,
            "events_total": self.events_total,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 2),
            "words_per_second": round(self.words_per_second, 1),
            "failures": [{"input": o, "reason": r} for o, r in self.failures],
        }


# -- worker side: one Extractor per process, kept in this importable module ---

_WORKER: Extractor | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Extractor(config)


def _read_one(article: Article) -> ArticleReading | tuple[Article, str]:
    assert _WORKER is not None
    return _safe_read(_WORKER, article)


def _safe_read(extractor: Extractor, article: Article) -> ArticleReading | tuple[Article, str]:
    try:
        return extractor.read(article)
    except SitrepError as exc:
        return article, str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
        log.exception("extraction failed for article %s (%s)", article.id, article.origin)
        return article, f"extraction failed: {type(exc).__name__}: {exc}"


def ingest(
    paths: Iterable[str | Path],
    *,
    config: Config,
    store: Store,
    fmt: str = "auto",
    outlet: str | None = None,
    published: date | None = None,
    workers: int | None = None,
    merge_every: int = 200,
    progress: Callable[[int], None] | None = None,
    strict: bool = False,
) -> IngestSummary:
    """Ingest files, folders or URLs into ``store``; see the module docstring.

    ``strict`` raises on the first failure instead of recording it (for tests).
    ``progress`` is called with 1 after each input.
    """
    summary = IngestSummary()
    started = time.perf_counter()
    # a run killed after storing articles but before merging them: finish that first
    store.merge_pending()

    def new_articles() -> Iterator[Article]:
        for item in read_inputs(
            paths, fmt=fmt, outlet=outlet, published=published, max_bytes=config.max_article_bytes
        ):
            if isinstance(item, Failure):
                if strict:
                    raise SitrepError(f"{item.origin}: {item.reason}")
                summary.failed += 1
                summary.failures.append((item.origin, item.reason))
                store.save_failure(item.origin, item.reason)
                if progress:
                    progress(1)
                continue
            if store.has_article(item.id):
                summary.duplicates += 1
                if progress:
                    progress(1)
                continue
            yield item

    controller_of = load_actors(config).controller_of
    n_workers = workers if workers is not None else config.workers
    if n_workers == 0:
        n_workers = multiprocessing.cpu_count()
    pending = 0
    pool = None
    try:
        if n_workers > 1:
            ctx = multiprocessing.get_context("fork")
            pool = ctx.Pool(n_workers, initializer=_init_worker, initargs=(config,))
            results: Iterable[ArticleReading | tuple[Article, str]] = pool.imap(
                _read_one, new_articles(), chunksize=4
            )
        else:
            extractor = Extractor(config)
            results = (_safe_read(extractor, a) for a in new_articles())
        for result in results:
            if isinstance(result, tuple):
                article, error = result
                if strict:
                    raise SitrepError(f"{article.origin}: {error}")
                stored = store.save_reading(article, error=error, controller_of=controller_of)
                if stored:
                    summary.articles += 1
                    summary.failed += 1
                    summary.failures.append((article.origin or article.id, error))
            elif store.save_reading(result, controller_of=controller_of):
                summary.articles += 1
                summary.mentions += len(result.mentions)
                summary.words += len(result.article.text.split())
                pending += 1
            if progress:
                progress(1)
            if pending >= merge_every:
                store.merge_pending()
                pending = 0
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    store.merge_pending()
    summary.seconds = time.perf_counter() - started
    summary.events_total = store.counts()["events"]
    return summary
