"""The follower's state, in the same database as the articles.

Tables (defined in :mod:`sitrep.store.schema` with the rest, so ``open_store`` creates them):

- ``live_feeds``: one row per source (feed URL or folder): its validators
  (ETag, Last-Modified), when it was last polled and is next due, how many
  polls in a row failed and why;
- ``live_items``: each feed item (or folder file) seen, with the article it
  gave and whether reading it worked; a failed item is tried again on later
  polls, a few times;
- ``live_alerts`` and ``live_deliveries``: each alert raised (once: its id
  derives from the rule and the subject) and its delivery to each webhook;
- ``live_alert_rules``: the alert rules an admin defined through the API
  (:mod:`sitrep.live.rules`), checked together with the config's.

Why a kill -9 loses and duplicates nothing: a feed's validators are saved only
after its items are stored and marked, so a restart refetches the feed in full
and skips what ``live_items`` (or the content-derived article ids) already holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError

from sitrep.store import Store, chunked, meta
from sitrep.store.schema import (
    live_alert_rules,
    live_alerts,
    live_deliveries,
    live_feeds,
    live_items,
)

# the follower's tables, importable from here as before
__all__ = ["live_alert_rules", "live_alerts", "live_deliveries", "live_feeds", "live_items"]

# an item that failed this many times is left alone
MAX_ITEM_ATTEMPTS = 3


@dataclass(frozen=True)
class FeedState:
    """A source's row of ``live_feeds``."""

    key: str
    kind: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_poll: float | None = None
    last_ok: float | None = None
    next_poll: float | None = None
    failures: int = 0
    last_error: str | None = None
    items_new: int = 0

    def as_dict(self, now: float) -> dict[str, Any]:
        """For ``/api/status``: times as ISO strings, plus the lag since the last good poll."""
        return {
            "source": self.key,
            "kind": self.kind,
            "title": self.title,
            "last_poll": iso(self.last_poll),
            "last_ok": iso(self.last_ok),
            "next_poll": iso(self.next_poll),
            "lag_seconds": round(now - self.last_ok, 1) if self.last_ok else None,
            "failures": self.failures,
            "last_error": self.last_error,
            "items": self.items_new,
        }


@dataclass(frozen=True)
class ItemMark:
    """What became of one feed item or folder file in a poll."""

    feed: str
    item: str
    url: str | None
    article_id: str | None
    error: str | None
    published: float | None


def iso(ts: float | None) -> str | None:
    """Seconds since the epoch as an ISO date-time in UTC (None stays None)."""
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


def load_feeds(store: Store) -> dict[str, FeedState]:
    """Every source's state, by key (empty for a database the follower never touched)."""
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(select(live_feeds)).mappings().all()
    except SQLAlchemyError:  # a read-only database made before the follower existed
        return {}
    return {r["key"]: FeedState(**dict(r)) for r in rows}


def save_feed(store: Store, state: FeedState) -> None:
    """Insert or replace a source's row."""
    values = {k: getattr(state, k) for k in live_feeds.c.keys()}  # noqa: SIM118 - column names
    with store.engine.begin() as conn:
        done = conn.execute(
            update(live_feeds).where(live_feeds.c.key == state.key).values(**values)
        )
        if done.rowcount == 0:
            conn.execute(live_feeds.insert().values(**values))


def seen_items(store: Store, feed: str, items: Iterable[str]) -> dict[str, tuple[str, int]]:
    """``{item: (status, attempts)}`` of the given items already seen for ``feed``."""
    out: dict[str, tuple[str, int]] = {}
    with store.engine.connect() as conn:
        for batch in chunked(items, 500):
            q = select(live_items.c.item, live_items.c.status, live_items.c.attempts).where(
                live_items.c.feed == feed, live_items.c.item.in_(batch)
            )
            out.update({r[0]: (r[1], r[2]) for r in conn.execute(q)})
    return out


def mark_items(store: Store, marks: Iterable[ItemMark], now: float) -> None:
    """Record what became of items: stored (ok) or failed (attempts + 1)."""
    with store.engine.begin() as conn:
        for m in marks:
            key = (live_items.c.feed == m.feed) & (live_items.c.item == m.item)
            row = conn.execute(select(live_items.c.attempts).where(key)).first()
            values = {
                "url": m.url,
                "article_id": m.article_id,
                "status": "failed" if m.error else "ok",
                "error": m.error,
                "published": m.published,
                "seen_at": now,
            }
            if row is None:
                conn.execute(
                    live_items.insert().values(feed=m.feed, item=m.item, attempts=1, **values)
                )
            else:
                conn.execute(update(live_items).where(key).values(attempts=row[0] + 1, **values))


def failed_items(store: Store, feed: str) -> list[Any]:
    """A feed's items whose page failed fewer than MAX_ITEM_ATTEMPTS times, as feed items."""
    from sitrep.live.feeds import FeedItem

    with store.engine.connect() as conn:
        rows = conn.execute(
            select(live_items.c.item, live_items.c.url, live_items.c.published).where(
                live_items.c.feed == feed,
                live_items.c.status == "failed",
                live_items.c.attempts < MAX_ITEM_ATTEMPTS,
                live_items.c.url.is_not(None),
            )
        ).all()
    return [
        FeedItem(
            key=r[0], url=r[1], title=None, published=r[2], content_html=None, content_text=None
        )
        for r in rows
    ]


def recent_lags(store: Store, limit: int = 200) -> list[float]:
    """Seconds from publication to storage of the latest items that say when they were published."""
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(live_items.c.seen_at - live_items.c.published)
                .where(live_items.c.published.is_not(None), live_items.c.status == "ok")
                .order_by(live_items.c.seen_at.desc())
                .limit(limit)
            ).all()
    except SQLAlchemyError:
        return []
    return [max(0.0, float(r[0])) for r in rows]


def get_meta(store: Store, key: str) -> str | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(meta.c.value).where(meta.c.key == key)).first()
    return row[0] if row else None


def set_meta(store: Store, key: str, value: str) -> None:
    with store.engine.begin() as conn:
        done = conn.execute(update(meta).where(meta.c.key == key).values(value=value))
        if done.rowcount == 0:
            conn.execute(meta.insert().values(key=key, value=value))


def dumps(payload: Any) -> str:
    """JSON as stored and as sent: compact, keys sorted, UTF-8 kept."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
