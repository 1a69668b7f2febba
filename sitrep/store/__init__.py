"""Storage: every table on one schema, and a store that loads and saves.

- :mod:`sitrep.store.schema`: the tables (articles, mentions, events, control
  spans, the follower's state, reader comments); imports nothing from sitrep;
- :mod:`sitrep.store.database`: :class:`Store` and :func:`open_store`
  (SQLite by path, PostgreSQL by URL), article writes and reads;
- :mod:`sitrep.store.blocks`: load a merge block's mentions, replace its events;
- :mod:`sitrep.store.timelines`: load control changes, save control timelines;
- :mod:`sitrep.store.items`: each event's JSON item, built and stored with it.

The names below are re-exported so ``from sitrep.store import open_store, Store,
events`` keeps working.
"""

from __future__ import annotations

from sitrep.store.blocks import (
    BLOCKS_PER_READ,
    StoredBlock,
    event_aliases,
    load_blocks,
    lock_block,
    publish_ids,
    replace_blocks,
    resolve_event_id,
    save_redirects,
)
from sitrep.store.database import (
    NEAR_DUPLICATE_BITS,
    NEAR_DUPLICATE_DAYS,
    Store,
    StoredArticle,
    block_of,
    chunked,
    display_name,
    driver_reason,
    hamming,
    open_store,
    simhash,
    store_all_items,
)
from sitrep.store.schema import (
    CONTROL_KEY,
    ITEMS_KEY,
    MAX_AUTHOR,
    SCHEMA_VERSION,
    actors,
    articles,
    claims,
    comments,
    control_spans,
    event_items,
    event_redirects,
    events,
    failures,
    live_alert_rules,
    live_alerts,
    live_deliveries,
    live_feeds,
    live_items,
    mentions,
    meta,
    metadata,
    moderation_audit,
    places,
    published_mentions,
    tokens,
    users,
)
from sitrep.store.timelines import (
    load_changes,
    rebuild_all_control,
    refresh_control,
    save_timelines,
)

__all__ = [
    "BLOCKS_PER_READ",
    "event_aliases",
    "event_items",
    "event_redirects",
    "StoredBlock",
    "publish_ids",
    "published_mentions",
    "resolve_event_id",
    "save_redirects",
    "CONTROL_KEY",
    "ITEMS_KEY",
    "MAX_AUTHOR",
    "NEAR_DUPLICATE_BITS",
    "NEAR_DUPLICATE_DAYS",
    "SCHEMA_VERSION",
    "Store",
    "StoredArticle",
    "actors",
    "articles",
    "block_of",
    "chunked",
    "claims",
    "comments",
    "control_spans",
    "display_name",
    "driver_reason",
    "events",
    "failures",
    "hamming",
    "live_alert_rules",
    "live_alerts",
    "live_deliveries",
    "live_feeds",
    "live_items",
    "load_blocks",
    "load_changes",
    "lock_block",
    "meta",
    "mentions",
    "metadata",
    "moderation_audit",
    "open_store",
    "places",
    "rebuild_all_control",
    "refresh_control",
    "replace_blocks",
    "save_timelines",
    "simhash",
    "store_all_items",
    "tokens",
    "users",
]
