"""The ingest orchestrator: inputs in, stored and merged events out.

:func:`ingest` runs, for each input:

1. read it into an :class:`Article` (``ingest.read_inputs``), or record a
   :class:`Failure` naming the input and why, and go on;
2. skip it if the store already holds it (ids derive from content);
3. read it (``extract.Extractor.read_chunk``, a chunk of articles at a time
   so that spaCy parses their candidate sentences in one call): sentences,
   claims, mentions; an exception here marks the article ``failed`` with the
   reason, and the run goes on;
4. store the article with its claims and mentions in one transaction;
5. every ``merge_every`` articles at first, then at growing intervals (see
   :func:`_next_merge`), and at the end, merge the new mentions into events
   (:func:`merge_pending`); a killed run merges what it left at its next start.

Merging is three steps, in one transaction per block (on SQLite, one for every
block of a merge, the blocks read and written a few hundred at a time): the
store loads the blocks' mentions, the merge stage (pure) turns each block's into
events, the store saves them; the control timelines of the places whose control
events changed are rebuilt the same way (load changes, build timelines, save).

With ``workers > 1`` step 3 runs in a process pool, one chunk of articles per
task; storing stays in this process (one writer), article by article in input
order. With an ``engine`` (:class:`ShardEngine`, e.g. the Dask one in
:mod:`sitrep.engines`) step 3 runs wherever that engine sends the chunks: each
runs :func:`read_shard`, a plain function with no engine in it, and the results
come back in input order to be stored here as with the pool, so every engine
gives the same events, ids included.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from sitrep.control import feeds_control
from sitrep.core.config import Config
from sitrep.core.errors import SitrepError, StoreError
from sitrep.core.fast_copy import paused_gc
from sitrep.core.records import Article, Failure
from sitrep.core.resources import load_actors
from sitrep.ingest.sources import read_inputs
from sitrep.merge import MergedEvent, assign_ids, merge_block, redirects
from sitrep.read.en.extract import DEFAULT_BATCH, ArticleReading, Extractor
from sitrep.store import (
    BLOCKS_PER_READ,
    Store,
    driver_reason,
    load_blocks,
    lock_block,
    publish_ids,
    refresh_control,
    replace_blocks,
    save_redirects,
)

log = logging.getLogger(__name__)

# What reading one article gives: its reading, or the article with why it failed.
Outcome = ArticleReading | tuple[Article, str]


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
    # files a folder walk passed over (README, notes, unsupported types), with why
    skipped: list[tuple[str, str]] = field(default_factory=list)
    engine: str = "local"  # where the articles were read: "local" or "dask"

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
            "skipped": [{"input": o, "reason": r} for o, r in self.skipped],
            "engine": self.engine,
        }


def merge_pending(store: Store) -> int:
    """Rebuild the events of every block that gained mentions; returns blocks rebuilt.

    Blocks are rebuilt some at a time (:func:`_rebuild_blocks`): load their mentions,
    merge each block (pure), replace their events; then rebuild the timelines of
    the places whose control events changed, before and after (load their changes,
    build, save). On SQLite every block of the merge is rebuilt in one transaction,
    :data:`BLOCKS_PER_READ` blocks per step: a writing transaction holds the
    database's one write lock whatever it writes, and the statements of a step serve
    all its blocks (per block, hundreds per merge, they cost more to build and run
    than most blocks cost to merge). Elsewhere (PostgreSQL) each block has its own
    transaction, so that two ingests merging at once only wait for each other on
    the blocks and places they share.
    """
    # Only the articles waiting now are marked merged at the end: another ingest
    # may store articles meanwhile, and they must stay pending until their blocks
    # are rebuilt (by that ingest, or by this one's next merge).
    waiting = store.unmerged_articles()
    blocks = sorted(store.pending_blocks())
    if blocks and store.engine.dialect.name == "sqlite":
        with store.writer.begin() as conn:
            for start in range(0, len(blocks), BLOCKS_PER_READ):
                _rebuild_blocks(conn, blocks[start : start + BLOCKS_PER_READ])
    else:
        for block in blocks:
            with store.writer.begin() as conn:
                _rebuild_blocks(conn, [block])
    store.mark_merged(waiting)
    return len(blocks)


def _rebuild_blocks(conn: Connection, blocks: Sequence[str]) -> None:
    """Rebuild these blocks' events (and the timelines they change) on ``conn``.

    The same rows as rebuilding them one after the other: no block's mentions,
    events or published ids are another's, so each block's reads are what they
    would be after the others' writes; the redirects end as they would; and a
    timeline depends only on its place's events, so rebuilding it once, after
    every block, gives what its last rebuild would.
    """
    for block in blocks:
        lock_block(conn, block)
    control = {b for b in blocks if feeds_control(b)}
    stored = load_blocks(conn, blocks, control=control)
    # the timelines of the places whose control events change, before and after
    touched: set[int] = set()
    rebuilt: list[tuple[str, Sequence[MergedEvent]]] = []
    moves: list[tuple[dict[str, str], list[str]]] = []
    for block in blocks:
        own = stored[block]
        # ids: the published ones carry over (stable public ids); an id shown
        # since but never published redirects too, so nothing pointing at it orphans
        merged, moved = assign_ids(merge_block(block, own.rows), own.published)
        moves.append(({**redirects(own.current, merged), **moved}, [e.id for e in merged]))
        rebuilt.append((block, merged))
        if block in control:
            touched |= own.places | {e.place_id for e in merged if e.place_id is not None}
    save_redirects(conn, moves)
    replace_blocks(conn, rebuilt, stored)
    if touched:
        # each place's timeline locked before it is read: another ingest
        # merging another block of the same places commits first
        refresh_control(conn, touched)


def publish(store: Store) -> int:
    """Publish the events' ids as they stand (the end of an ingest): from now on a
    rebuild hands them on (:func:`sitrep.merge.assign_ids`). Ids shown during an ingest
    are not published until it finishes, so a killed and resumed run, or a run with
    more workers, gives the same ids as one uninterrupted run."""
    with store.writer.begin() as conn:
        return publish_ids(conn)


# -- worker side: one Extractor per process, kept in this importable module ---

_WORKER: Extractor | None = None


def _init_worker(config: Config, extractor: Extractor | None = None) -> None:
    """Start a pool worker: it reads with ``extractor``, the ingest process's own,
    models loaded and reader warmed before the fork (:func:`_warm_reader`), or
    with a new one of ``config``."""
    global _WORKER
    _exit_with_parent()
    _WORKER = extractor if extractor is not None else Extractor(config)


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _exit_with_parent(every: float = 0.1) -> None:
    """End this pool worker soon after the ingest process dies.

    A SIGKILLed ingest cannot stop its pool, and a worker blocked on the task
    queue never sees it close (every worker holds a copy of its write end). On
    Linux the kernel kills the worker when its parent dies (PR_SET_PDEATHSIG,
    whatever the worker is doing); elsewhere, and should the parent have died
    before that was set, a thread sees the worker handed to another parent.
    """
    # the pid recorded before the fork: the parent may be gone already
    creator = multiprocessing.parent_process()
    parent = creator.pid if creator is not None and creator.pid else os.getppid()
    with contextlib.suppress(OSError, AttributeError):  # not Linux
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="sitrep-parent-watch", daemon=True).start()


# The longest wait between two merges of one run, in multiples of ``merge_every``.
MERGE_WAIT_CAP = 10


def _next_merge(merge_every: int, merged: int) -> int:
    """How many stored articles wait before the next merge, once ``merged``
    articles of this run have been merged: ``merge_every`` at first, then as many
    as were merged so far (200, 200, 400, 800, ...), at most ``MERGE_WAIT_CAP``
    times ``merge_every``.

    Each merge rebuilds every block that gained mentions from all of its
    mentions, so a block that keeps gaining them is rebuilt once per merge: a
    fixed interval made merging a tenth of an ingest of a few thousand
    articles (13 merges for 2,364), most of it rebuilding the same blocks
    again. With the interval growing, events still appear early in a long run,
    and the rebuilding grows with the logarithm of its length until the cap.
    The events and ids at the end are the same whatever the schedule (ids are
    published only when the run ends).
    """
    return min(max(merge_every, merged), merge_every * MERGE_WAIT_CAP)


# Articles per extraction chunk: one spaCy call (and, with a pool, one task) each.
# Large enough for spaCy's batches to fill, small enough that the pool's workers
# share a short corpus and memory stays flat.
CHUNK_ARTICLES = 32
POOL_CHUNK_ARTICLES = 16
# A pool's chunks double from POOL_CHUNK_ARTICLES up to this: a short corpus is still
# shared by the workers, and a long one pays fewer spaCy calls (a chunk's sentences
# that wait on their context are parsed a few at a time, round after round, and a
# call of one sentence costs two and a half times its share of a call of a hundred),
# fewer tasks and fewer transactions: 6 % less CPU for 2,364 articles on 2 workers
POOL_CHUNK_MAX = 64


def _load_models(extractor: Extractor) -> None:
    """Load every model ``extractor`` reads with (each is cached per process)."""
    _ = extractor.gazetteer, extractor.actors, extractor.nlp, extractor.classifier


# An article of the warm-up read (the words are the project's own): a trigger, a
# place and an actor, so that every index the English reader builds on first use is built.
_WARM_UP_TEXT = (
    "Government forces shelled the town of Douma on Monday, a monitoring group said. "
    "Rebels later retook two villages near Aleppo."
)


def _warm_reader(extractor: Extractor) -> None:
    """Read one short English article with ``extractor`` and forget its reading.

    The English reader builds some indexes on its first article, each kept by
    the reader or its module for the rest of the process: the trigger index and
    its merged patterns (some 250 regular expressions compiled), the names of
    armed groups that are places abroad (38,000 gazetteer look-ups), the compiled
    attribute ruler. About 1.3 CPU-s in all, that every pool worker paid again on
    its first chunk; built once before the fork, the workers share them. Only
    caches of the answers to the same questions are filled: no reading changes.
    """
    extractor.read_chunk(
        [
            Article.make(
                _WARM_UP_TEXT, language="en", outlet="sitrep warm-up", published_at=date(2000, 1, 3)
            )
        ]
    )


def _freeze_heap(frozen: bool) -> bool:
    """Leave every object alive now (the loaded models, most of the heap: a
    quarter of a million objects) out of garbage collection until the ingest
    ends (``gc.unfreeze``); True from then on.

    The cyclic collector's full passes walk every object that can hold others,
    so with the models loaded each cost about 0.15 CPU-s and found nothing: the
    models live as long as the process. Frozen before the fork, the workers'
    passes also leave the pages they share with the parent unwritten (no
    copy-on-write). Nothing read or written changes.
    """
    if not frozen:
        gc.freeze()
    return True


# The collector's young-generation threshold while an ingest runs (Python's is 700
# new objects). Reading and storing make objects by the hundred thousand, nearly all
# freed by reference counting within the article; at 700 a young pass ran every few
# sentences and found next to nothing. In one process, 2,364 general-news articles:
# 590 young passes, 54 middle and 4 full, 0.24 CPU-s; at 10,000: 9 young passes,
# 0.04 CPU-s, the same peak memory. Forked workers inherit it.
INGEST_YOUNG_GC = 10_000


def _read_chunk(articles: list[Article]) -> list[Outcome]:
    assert _WORKER is not None
    return _safe_read_chunk(_WORKER, articles)


def _safe_read_chunk(extractor: Extractor, articles: list[Article]) -> list[Outcome]:
    """Read a chunk; an article that failed becomes (article, reason)."""
    try:
        outcomes = extractor.read_chunk(articles, batch_size=DEFAULT_BATCH)
    except Exception as exc:  # noqa: BLE001 - the chunk as a whole failed: say so per article
        outcomes = [exc for _ in articles]
    out: list[Outcome] = []
    for article, outcome in zip(articles, outcomes, strict=True):
        if isinstance(outcome, SitrepError):
            out.append((article, str(outcome)))
        elif isinstance(outcome, Exception):
            log.error(
                "extraction failed for article %s (%s)",
                article.id,
                article.origin,
                exc_info=outcome,
            )
            out.append((article, f"extraction failed: {type(outcome).__name__}: {outcome}"))
        else:
            out.append(outcome)
    return out


# -- the per-shard function: engine-free, so any engine runs it -------------

_READERS: dict[Config, Extractor] = {}
_READERS_LOCK = threading.Lock()


def read_shard(articles: list[Article], config: Config) -> list[Outcome]:
    """Read a shard of articles in this process, loading the models once per process.

    The unit of work an engine hands out (a Dask task, a Ray task, a Spark
    partition): a plain, importable function of picklable arguments. The
    :class:`Extractor` for ``config`` is built on the first call and kept for the
    next ones, so a worker process loads spaCy and the gazetteer once. An
    article that fails comes back as ``(article, reason)``, never as an
    exception that would fail the shard; the one exception that escapes is an
    Extractor that cannot be built (a worker without the models), which no
    article could be read without.
    """
    # One reader at a time per process: spaCy's pipeline is not thread-safe, and a
    # worker with several threads then reads one shard after the other.
    with _READERS_LOCK:
        reader = _READERS.get(config)
        if reader is None:
            _READERS.clear()  # one set of models per process, the latest config's
            reader = _READERS[config] = Extractor(config)
        return _safe_read_chunk(reader, articles)


class ShardEngine(Protocol):
    """Where articles are read: runs :func:`read_shard` over shards, elsewhere.

    ``map_shards`` returns each shard's outcomes in the order the shards came
    (the order they are stored in, which makes the ids); it may read ahead.
    """

    name: str

    def map_shards(
        self, shards: Iterable[list[Article]], config: Config
    ) -> Iterator[list[Outcome]]:
        """Each shard's :func:`read_shard` outcomes, in input order."""
        ...


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
    engine: ShardEngine | None = None,
) -> IngestSummary:
    """Ingest files, folders or URLs into ``store``; see the module docstring.

    ``strict`` raises on the first failure instead of recording it (for tests).
    ``progress`` is called with 1 after each input. ``engine`` reads the articles
    elsewhere (a Dask cluster: :mod:`sitrep.engines`); ``workers`` is then unused.
    """
    skipped: list[tuple[str, str]] = []
    items = read_inputs(
        paths,
        fmt=fmt,
        outlet=outlet,
        published=published,
        max_bytes=config.max_article_bytes,
        skipped=skipped,
    )
    try:
        summary = ingest_items(
            items,
            config=config,
            store=store,
            workers=workers,
            merge_every=merge_every,
            progress=progress,
            strict=strict,
            engine=engine,
        )
        # the walk is over once every item was read, so the list is complete
        summary.skipped = skipped
        return summary
    except (StoreError, SQLAlchemyError) as exc:
        failure = _write_failed(store, exc)
        if failure is exc:
            raise
        raise failure from exc


def _write_failed(store: Store, exc: Exception) -> StoreError:
    """A failed write (disk full, I/O error) said with the database and what to do."""
    text = driver_reason(exc)
    low = text.lower()  # SQLite's and PostgreSQL's words (not an input's path, also in text)
    if "database or disk is full" in low or "no space left on device" in low:
        advice = "free space on the disk that holds it"
    elif any(w in low for w in ("disk i/o error", "readonly database", "unable to open database")):
        advice = "check that disk and the file's permissions"
    else:
        return exc if isinstance(exc, StoreError) else StoreError(text)
    db = store.engine.url.render_as_string(hide_password=True).removeprefix("sqlite:///")
    return StoreError(
        f"{text}\ncannot write to database {db}: {advice}, then run the same ingest again "
        "(what it stored so far is intact and is skipped)"
    )


def ingest_items(
    items: Iterable[Article | Failure],
    *,
    config: Config,
    store: Store,
    workers: int | None = None,
    merge_every: int = 200,
    progress: Callable[[int], None] | None = None,
    strict: bool = False,
    extractor: Extractor | None = None,
    engine: ShardEngine | None = None,
) -> IngestSummary:
    """Ingest articles already read (by :func:`ingest` or the feed follower).

    The same steps as :func:`ingest` from step 2 on. ``extractor`` lets a
    long-running caller (``sitrep follow``) load spaCy once, not per call;
    ``engine`` reads the articles elsewhere (see :class:`ShardEngine`).
    """
    summary = IngestSummary(engine=engine.name if engine is not None else "local")
    started = time.perf_counter()
    # a run killed after storing articles but before merging them: finish that first
    merge_pending(store)

    def new_chunks(size: int, most: int | None = None) -> Iterator[list[Article]]:
        """The new articles, ``size`` at a time (one look-up in the store per chunk),
        or, given ``most``, ``size`` then twice as many each time up to ``most``."""
        grown = size
        pending_items: list[Article] = []

        def flush() -> list[Article]:
            known = store.known_articles([a.id for a in pending_items])
            fresh: list[Article] = []
            ids: set[str] = set()
            for a in pending_items:
                # a repeat inside the chunk is a duplicate too, as it would be
                # had the first copy been stored before the second was looked up
                if a.id in known or a.id in ids:
                    summary.duplicates += 1
                    if progress:
                        progress(1)
                    continue
                ids.add(a.id)
                fresh.append(a)
            pending_items.clear()
            return fresh

        for item in items:
            if isinstance(item, Failure):
                if strict:
                    raise SitrepError(f"{item.origin}: {item.reason}")
                summary.failed += 1
                summary.failures.append((item.origin, item.reason))
                store.save_failure(item.origin, item.reason)
                if progress:
                    progress(1)
                continue
            pending_items.append(item)
            if len(pending_items) >= grown:
                grown = min(grown * 2, most) if most is not None else size
                fresh = flush()
                if fresh:
                    yield fresh
        if pending_items:
            fresh = flush()
            if fresh:
                yield fresh

    controller_of = load_actors(config).controller_of
    n_workers = workers if workers is not None else config.workers
    if n_workers == 0:
        n_workers = multiprocessing.cpu_count()
    pending = 0
    merged = 0  # articles of this run merged so far
    due = _next_merge(merge_every, merged)
    pool = None
    frozen = False
    thresholds = gc.get_threshold()
    try:
        gc.set_threshold(INGEST_YOUNG_GC, *thresholds[1:])
        chunks: Iterable[list[Outcome]]
        if engine is not None:
            chunks = engine.map_shards(new_chunks(POOL_CHUNK_ARTICLES), config)
        elif n_workers > 1:
            # load the models here, once, before the fork: every worker then
            # starts with them (shared copy-on-write) instead of spending a
            # core's start-up on its own copy while the first chunks wait; frozen
            # before the collector runs again, which would walk them all for nothing
            # and the reader warmed, its lazily built indexes then shared too (the
            # workers read with this very extractor: "fork" passes it unpickled)
            with paused_gc():
                preloaded = Extractor(config)
                _load_models(preloaded)
                _warm_reader(preloaded)
                frozen = _freeze_heap(frozen)
            ctx = multiprocessing.get_context("fork")
            pool = ctx.Pool(n_workers, initializer=_init_worker, initargs=(config, preloaded))
            chunks = pool.imap(
                _read_chunk, new_chunks(POOL_CHUNK_ARTICLES, POOL_CHUNK_MAX), chunksize=1
            )
        else:
            reader = extractor or Extractor(config)
            chunks = (_safe_read_chunk(reader, c) for c in new_chunks(CHUNK_ARTICLES))
        batch: list[Outcome] = []
        to_merge = 0  # articles of the batch to be merged, were they all new

        def store_batch() -> None:
            """Store the batch in one transaction, count it, and merge when due."""
            nonlocal pending, to_merge, merged, due
            stored = store.save_readings(
                [r if isinstance(r, tuple) else (r, None) for r in batch],
                controller_of=controller_of,
            )
            for result, new in zip(batch, stored, strict=True):
                if isinstance(result, tuple):
                    if new:
                        summary.articles += 1
                        summary.failed += 1
                        summary.failures.append((result[0].origin or result[0].id, result[1]))
                elif new:
                    summary.articles += 1
                    summary.mentions += len(result.mentions)
                    summary.words += len(result.article.text.split())
                    pending += 1
                if progress:
                    progress(1)
            batch.clear()
            to_merge = 0
            if pending >= due:
                merge_pending(store)
                merged += pending
                pending = 0
                due = _next_merge(merge_every, merged)

        for chunk in chunks:
            # the models are loaded once the first chunk is read
            frozen = _freeze_heap(frozen)
            for result in chunk:
                if isinstance(result, tuple) and strict:
                    store_batch()
                    raise SitrepError(f"{result[0].origin}: {result[1]}")
                batch.append(result)
                if not isinstance(result, tuple):
                    to_merge += 1
                # merged after the same article as one at a time: the batch ends there
                if pending + to_merge >= due:
                    store_batch()
            store_batch()
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if frozen:
            gc.unfreeze()
        gc.set_threshold(*thresholds)
    merge_pending(store)
    publish(store)
    summary.seconds = time.perf_counter() - started
    summary.events_total = store.counts()["events"]
    return summary
