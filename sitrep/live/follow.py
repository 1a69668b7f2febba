"""The follower: poll due sources, read their new items, ingest them, check alerts.

One poll (:meth:`Follower.poll`) goes:

1. pick the sources that are due (never polled, or ``next_poll`` passed; with
   ``once`` every source except those backing off after failures);
2. fetch the due feeds concurrently (conditional GET), parse them, and for each
   item not yet seen (or failed fewer than three times) take its full text from
   the feed, else fetch its page and extract the text as ``ingest`` does for an
   ``.html`` file; list each drop folder's new or changed files;
3. ingest every article through :func:`sitrep.pipeline.ingest_items` (one writer,
   ids from content, so a repeat is a duplicate, never a second copy);
4. mark the items, then save each feed's validators and next poll time: in this
   order, so a kill -9 anywhere makes the next poll redo the work, not skip it;
5. check the alert rules (the config's, and those admins stored through the API)
   against what the poll stored, and deliver webhooks.

A failing source (HTTP error, timeout, broken XML, a page over the size limit)
is recorded with its reason and retried after 60 s, 120 s, 240 s... up to
``follow_max_backoff``; the other sources go on.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from sitrep.core.config import Config
from sitrep.core.records import Article, Failure, short_hash
from sitrep.ingest.sources import (
    EXTENSIONS,
    clean_text,
    detect_language,
    read_html_page,
    read_inputs,
)
from sitrep.live.feeds import FeedError, FeedItem, html_to_text, parse_feed
from sitrep.live.fetch import Fetcher
from sitrep.live.settings import (
    FeedSpec,
    FollowSettings,
    alert_rules,
    follow_settings,
    iso3,
    webhooks,
)
from sitrep.live.state import (
    MAX_ITEM_ATTEMPTS,
    FeedState,
    ItemMark,
    failed_items,
    load_feeds,
    mark_items,
    save_feed,
    seen_items,
)
from sitrep.store import Store

log = logging.getLogger("sitrep.live")

FIRST_BACKOFF = 60.0


@dataclass
class _Entry:
    """One feed item or folder file and what reading it gave."""

    item: str
    url: str | None
    published: float | None
    results: list[Article | Failure]


@dataclass
class _SourceResult:
    spec: FeedSpec
    error: str | None = None
    not_modified: bool = False
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    entries: list[_Entry] = field(default_factory=list)


@dataclass
class PollSummary:
    """What one poll did."""

    sources: int = 0  # sources followed
    polled: int = 0  # sources polled (due ones)
    not_modified: int = 0  # feeds that answered 304
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    items: int = 0  # new items read (feed entries or folder files)
    articles: int = 0  # articles new to the database
    duplicates: int = 0
    item_failures: list[tuple[str, str]] = field(default_factory=list)
    alerts: int = 0
    seconds: float = 0.0
    read_seconds: float = 0.0  # fetching and extracting pages, listing folders

    @property
    def items_per_second(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "polled": self.polled,
            "not_modified": self.not_modified,
            "failed_sources": [{"source": s, "reason": r} for s, r in self.failed],
            "items": self.items,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "item_failures": [{"item": s, "reason": r} for s, r in self.item_failures],
            "alerts": self.alerts,
            "seconds": round(self.seconds, 3),
            "read_seconds": round(self.read_seconds, 3),
            "items_per_second": round(self.items_per_second, 2),
        }


def backoff(failures: int, cap: int) -> float:
    """Seconds before retrying a source that failed ``failures`` polls in a row."""
    return float(min(cap, FIRST_BACKOFF * 2 ** max(0, failures - 1)))


class Follower:
    """Follows feeds and drop folders into one store; see the module docstring."""

    def __init__(
        self,
        config: Config,
        store: Store,
        specs: Iterable[FeedSpec],
        *,
        settings: FollowSettings | None = None,
        interval: int | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        extractor: Any = None,
    ) -> None:
        """``extractor``: an :class:`~sitrep.read.en.extract.Extractor`, built when first needed."""
        self.config = config
        self.store = store
        self.specs = list(specs)
        self.settings = settings or follow_settings(config)
        if interval is not None:
            self.settings = replace(self.settings, interval=interval)
        self.transport = transport
        self.clock = clock
        self._extractor: Any = extractor
        # a bad rule or a webhook without its secret stops the start, not a poll
        self.rules = alert_rules(config)
        self.hooks = webhooks(config)
        self.stop = threading.Event()

    # -- one poll -----------------------------------------------------------

    def due(self, state: FeedState | None, now: float, *, once: bool) -> bool:
        """Whether a source is polled now (a failing one waits out its back-off)."""
        if state is None or state.next_poll is None:
            return True
        if state.failures:
            return state.next_poll <= now
        return once or state.next_poll <= now

    def poll(self, *, once: bool = False) -> PollSummary:
        """Poll every due source once; store what is new; return what happened."""
        from sitrep.live.alerts import check_and_deliver
        from sitrep.live.rules import active_rules

        started = time.perf_counter()
        now = self.clock()
        states = load_feeds(self.store)
        due = [s for s in self.specs if self.due(states.get(s.key), now, once=once)]
        summary = PollSummary(sources=len(self.specs), polled=len(due))
        feeds = [s for s in due if not s.is_folder]
        results = asyncio.run(self._fetch_feeds(feeds, states)) if feeds else []
        results += [self._scan_folder(s) for s in due if s.is_folder]
        summary.read_seconds = time.perf_counter() - started
        self._store(results, states, summary)
        # the rules admins keep in the database are read anew: a new one needs no restart
        rules = active_rules(self.rules, self.store)
        summary.alerts = check_and_deliver(self.store, rules, self.hooks, now=self.clock())
        summary.seconds = time.perf_counter() - started
        log.info("poll", extra={"fields": summary.as_dict()})
        return summary

    def _store(
        self,
        results: list[_SourceResult],
        states: dict[str, FeedState],
        summary: PollSummary,
    ) -> None:
        from sitrep.pipeline import ingest_items

        items: list[Article | Failure] = [
            r for res in results for e in res.entries for r in e.results
        ]
        if items:
            ingested = ingest_items(
                items, config=self.config, store=self.store, workers=1, extractor=self._reader()
            )
            summary.articles += ingested.articles
            summary.duplicates += ingested.duplicates
        now = self.clock()
        for res in results:
            spec = res.spec
            old = states.get(spec.key) or FeedState(key=spec.key, kind=spec.kind)
            interval = spec.interval or self.settings.interval
            if res.error is not None:
                failures = old.failures + 1
                wait = backoff(failures, self.settings.max_backoff)
                save_feed(
                    self.store,
                    replace(
                        old,
                        last_poll=now,
                        next_poll=now + wait,
                        failures=failures,
                        last_error=res.error,
                    ),
                )
                summary.failed.append((spec.key, res.error))
                log.warning(
                    "source failed",
                    extra={
                        "fields": {
                            "source": spec.key,
                            "reason": res.error,
                            "failures": failures,
                            "retry_in": wait,
                        }
                    },
                )
                continue
            marks = []
            fresh = 0
            for e in res.entries:
                arts = [a for a in e.results if isinstance(a, Article)]
                errors = [f.reason for f in e.results if isinstance(f, Failure)]
                # items read into articles, stored now or before (a restart after a
                # kill -9 counts the same as an uninterrupted run)
                fresh += bool(arts)
                error = None if arts else (errors[0] if errors else "no article")
                if error:
                    summary.item_failures.append((e.url or e.item, error))
                marks.append(
                    ItemMark(
                        feed=spec.key,
                        item=e.item,
                        url=e.url,
                        article_id=arts[0].id if arts else None,
                        error=error,
                        published=e.published,
                    )
                )
            summary.items += len(res.entries)
            summary.not_modified += res.not_modified
            if marks:
                mark_items(self.store, marks, now)
            # validators last: a kill before this line refetches the feed in full
            save_feed(
                self.store,
                replace(
                    old,
                    title=res.title or old.title,
                    etag=res.etag if not res.not_modified else old.etag,
                    last_modified=(
                        res.last_modified if not res.not_modified else old.last_modified
                    ),
                    last_poll=now,
                    last_ok=now,
                    next_poll=now + interval,
                    failures=0,
                    last_error=None,
                    items_new=old.items_new + fresh,
                ),
            )
            if res.entries or res.not_modified:
                log.info(
                    "source polled",
                    extra={
                        "fields": {
                            "source": spec.key,
                            "not_modified": res.not_modified,
                            "items": len(res.entries),
                            "read": fresh,
                        }
                    },
                )

    def _reader(self) -> Any:
        """One extractor for the follower's life: spaCy loads once."""
        if self._extractor is None:
            from sitrep.read.en.extract import Extractor

            self._extractor = Extractor(self.config)
        return self._extractor

    # -- feeds --------------------------------------------------------------

    async def _fetch_feeds(
        self, specs: list[FeedSpec], states: dict[str, FeedState]
    ) -> list[_SourceResult]:
        fetcher = Fetcher(self.settings, transport=self.transport)
        try:
            return list(
                await asyncio.gather(
                    *(self._poll_feed(s, states.get(s.key), fetcher) for s in specs)
                )
            )
        finally:
            await fetcher.close()

    async def _poll_feed(
        self, spec: FeedSpec, state: FeedState | None, fetcher: Fetcher
    ) -> _SourceResult:
        got = await fetcher.get(
            spec.key,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
        )
        if got.error is not None:
            return _SourceResult(spec, error=got.error)
        if got.not_modified:
            # the feed is unchanged, but pages that failed last time are tried again
            retry = failed_items(self.store, spec.key)
            outlet = spec.outlet or (state.title if state else None) or urlsplit(spec.key).hostname
            entries = await asyncio.gather(
                *(self._read_item(spec, outlet, i, fetcher) for i in retry)
            )
            return _SourceResult(spec, not_modified=True, entries=list(entries))
        try:
            parsed = await asyncio.to_thread(parse_feed, got.body, got.content_type)
        except FeedError as exc:
            return _SourceResult(spec, error=str(exc))
        seen = seen_items(self.store, spec.key, [i.key for i in parsed.items])
        todo: list[FeedItem] = []
        listed: set[str] = set()
        for i in parsed.items:
            if i.key in listed:
                continue  # a feed may list one entry twice: read it once
            listed.add(i.key)
            status, attempts = seen.get(i.key, ("new", 0))
            if status == "new" or (status == "failed" and attempts < MAX_ITEM_ATTEMPTS):
                todo.append(i)
        outlet = spec.outlet or (parsed.title or "").strip() or urlsplit(spec.key).hostname
        entries = await asyncio.gather(*(self._read_item(spec, outlet, i, fetcher) for i in todo))
        return _SourceResult(
            spec,
            title=parsed.title,
            etag=got.etag,
            last_modified=got.last_modified,
            entries=list(entries),
        )

    async def _read_item(
        self, spec: FeedSpec, outlet: str | None, item: FeedItem, fetcher: Fetcher
    ) -> _Entry:
        published = (
            datetime.fromtimestamp(item.published, UTC).date()
            if item.published is not None
            else None
        )
        origin = item.url or f"{spec.key}#{item.key}"

        def entry(result: Article | Failure) -> _Entry:
            if isinstance(result, Article):
                result = self._as_feed_article(result, spec, outlet, item, published)
            return _Entry(item.key, item.url, item.published, [result])

        carried = None
        if item.content_html:
            carried = html_to_text(item.content_html)
        elif item.content_text:
            carried = item.content_text
        if carried and _has_prose(carried):
            text = clean_text(carried)
            language = spec.language or detect_language(text)
            return entry(
                Article.make(
                    text,
                    language=language,
                    outlet=outlet,
                    url=item.url,
                    origin=origin,
                    country_hint=iso3(spec.country),
                )
            )
        if not item.url:
            return entry(Failure(origin, "the item has neither full text nor a link to a page"))
        got = await fetcher.get(item.url)
        if got.error is not None:
            return entry(Failure(item.url, got.error))
        page = await asyncio.to_thread(
            read_html_page,
            got.body,
            item.url,
            outlet=outlet,
            published=published,
            max_bytes=self.settings.max_bytes,
        )
        return entry(page)

    @staticmethod
    def _as_feed_article(
        article: Article,
        spec: FeedSpec,
        outlet: str | None,
        item: FeedItem,
        published: date | None,
    ) -> Article:
        """The article as the feed names it: the feed's outlet and date win over the page's."""
        return Article.make(
            article.text,
            language=spec.language or article.language,
            outlet=outlet,
            url=item.url or article.url,
            title=item.title or article.title,
            published_at=published or article.published_at,
            origin=item.url or article.origin,
            country_hint=iso3(spec.country),
        )

    # -- drop folders -------------------------------------------------------

    def _scan_folder(self, spec: FeedSpec) -> _SourceResult:
        """New or changed files of a drop folder (hidden ones, being written, are skipped)."""
        root = Path(spec.key)
        if not root.is_dir():
            return _SourceResult(spec, error="the folder does not exist (or is not a folder)")
        files: dict[str, tuple[Path, float]] = {}
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath, name)
                if name.startswith(".") or path.suffix.lower() not in EXTENSIONS:
                    continue
                try:
                    info = path.stat()
                except OSError:
                    continue
                rel = str(path.relative_to(root))
                files[short_hash(rel, str(info.st_size), str(info.st_mtime_ns))] = (
                    path,
                    info.st_mtime,
                )
        seen = seen_items(self.store, spec.key, files)
        entries = []
        for key, (path, mtime) in files.items():
            if key in seen and (seen[key][0] == "ok" or seen[key][1] >= MAX_ITEM_ATTEMPTS):
                continue
            results: list[Article | Failure] = []
            for r in read_inputs([path], outlet=spec.outlet, max_bytes=self.settings.max_bytes):
                if isinstance(r, Article) and spec.language and r.language != spec.language:
                    r = replace(r, language=spec.language)
                if isinstance(r, Article) and spec.country:
                    r = replace(r, country_hint=iso3(spec.country))
                results.append(r)
            entries.append(_Entry(key, str(path), mtime, results))
        return _SourceResult(spec, title=root.name, entries=entries)

    # -- the loop -----------------------------------------------------------

    def run(self, *, max_polls: int | None = None) -> None:
        """Poll until :attr:`stop` is set (SIGTERM/SIGINT in ``sitrep follow``)."""
        polls = 0
        while not self.stop.is_set():
            self.poll()
            polls += 1
            if max_polls is not None and polls >= max_polls:
                return
            self.stop.wait(self.sleep_seconds())

    def sleep_seconds(self) -> float:
        """Until the next source is due: at least 1 s, at most the poll interval."""
        states = load_feeds(self.store)
        now = self.clock()
        nexts = [
            s.next_poll
            for k in (sp.key for sp in self.specs)
            if (s := states.get(k)) and s.next_poll
        ]
        soonest = min(nexts) - now if nexts else float(self.settings.interval)
        return max(1.0, min(float(self.settings.interval), soonest))


def _has_prose(text: str) -> bool:
    from sitrep.ingest.sources import _has_prose as has_prose

    return has_prose(clean_text(text))
