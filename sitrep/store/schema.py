"""The database schema: every table sitrep stores, on one :data:`metadata`.

Core tables (filled by ingest and merging):

- ``articles``: one row per article, keyed on its content-derived id, with its
  ``status`` (``ok`` or ``failed``) and, when it failed, the ``error``;
- ``failures``: inputs that produced no article at all (unreadable files, bad
  JSONL lines), keyed on their origin, with the reason;
- ``claims``: who asserts each sentence (source, speaker, verb);
- ``mentions``: one event as one report tells it, with its evidence span;
- ``events``: mentions merged into events; derived, rebuilt per *block*
  (country x event family) whenever a block gains mentions;
- ``published_mentions`` and ``event_redirects``: stable public event ids. At
  the end of each ingest every mention's event id is *published*; a later
  rebuild of a block hands each published id on to the new event holding most
  of its mentions (:func:`sitrep.merge.assign_ids`), and a retired id (two
  events merged into one) redirects to the event that took its mentions;
- ``places`` and ``actors``: the resolved entities used by mentions;
- ``event_items``: each event's JSON item, stored with the event;
- ``control_spans``: every place's control timeline, derived from its events and
  rebuilt for the places a merge touched (so ``as_of`` is one indexed read).

The follower's tables (``sitrep follow``, see :mod:`sitrep.live.state`):

- ``live_feeds``: one row per source (feed URL or folder): its validators
  (ETag, Last-Modified), when it was last polled and is next due, how many
  polls in a row failed and why;
- ``live_items``: each feed item (or folder file) seen, with the article it
  gave and whether reading it worked;
- ``live_alerts`` and ``live_deliveries``: each alert raised and its delivery
  to each webhook.

The comment tables (see :mod:`sitrep.moderation.comments`):

- ``comments``: one row per reader comment with the policy's verdict, its
  reasons, and its status (published, rejected, review);
- ``moderation_audit``: every moderator decision;
- ``users`` and ``tokens``: moderators and admins, and the SHA-256 of their
  bearer tokens.

This module defines tables only: it imports nothing from sitrep, so every
stage may depend on it and it on none.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

#: 2: the SimHash bands of each article (``simhash_band0`` ...), so near-duplicates are
#: looked up by index; a version 1 database gains them when opened for writing.
SCHEMA_VERSION = 2

#: The widths of the bands a 64-bit SimHash is cut into, most significant bits first.
#: Each band is a column, indexed with the publication date: two fingerprints within
#: ``k`` bits of each other differ in at most ``k // 6`` bits of at least one of the six
#: bands (pigeonhole), so the store finds every near-duplicate by looking up, per band,
#: the article's own band value and the values one bit away from it (70 index probes)
#: instead of comparing every article of the week.
SIMHASH_BAND_BITS = (11, 11, 11, 11, 10, 10)

metadata = MetaData()

meta = Table(
    "sitrep_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("content_hash", String(32), nullable=False, index=True),
    Column("outlet", String(200)),
    Column("url", Text),
    Column("title", Text),
    Column("published_at", Date, index=True),
    Column("language", String(16), nullable=False),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("status", String(16), nullable=False),  # ok | failed
    Column("error", Text),
    Column("n_sentences", Integer, nullable=False, default=0),
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("merged", Boolean, nullable=False, default=False, index=True),
    # near-duplicates (the same wire story in two outlets) point at the first one
    Column("dup_of", String(32), index=True),
    Column("simhash", BigInteger),
    # indexed: the live stream asks for the articles stored after a stamp
    Column("ingested_at", String(32), nullable=False, index=True),
    *(Column(f"simhash_band{i}", Integer) for i in range(len(SIMHASH_BAND_BITS))),
    *(
        Index(f"ix_articles_simhash_band{i}", f"simhash_band{i}", "published_at")
        for i in range(len(SIMHASH_BAND_BITS))
    ),
)

failures = Table(
    "failures",
    metadata,
    Column("origin", String(1000), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("sentence_index", Integer, primary_key=True),
    Column("paragraph", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("source", String(200), nullable=False),
    Column("speaker", Text),
    Column("reported_verb", String(64)),
    Column("inherited", Boolean, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("country", String(3), nullable=False),
    Column("admin1", String(200)),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("kind", String(16), nullable=False),
    # events of a country, and who held what in it, are read through its places
    Index("ix_places_country", "country"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("country", String(3)),
    # the name under which the actor holds territory ("Government of Syria")
    Column("controller", String(200)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("article_id", String(32), nullable=False, index=True),
    Column("sentence_index", Integer, nullable=False),
    Column("source", String(200), nullable=False),
    Column("speaker", Text),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("actor1", String(64)),
    Column("actor2", String(64)),
    Column("assoc_actors", Text, nullable=False),  # JSON list of actor ids
    Column("place_id", Integer, index=True),
    Column("matched_text", Text),
    Column("place_confidence", Float),
    Column("date", Date),
    Column("date_precision", String(8)),
    Column("date_text", Text),
    Column("date_inferred", Boolean),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("trigger", String(200), nullable=False),
    Column("fatalities", Integer),
    Column("confidence", Float, nullable=False),
    Column("reference", Boolean, nullable=False),
    Column("block", String(64), nullable=False, index=True),
    Column("event_id", String(32), index=True),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("block", String(64), nullable=False, index=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False, index=True),
    Column("status", String(16), nullable=False, index=True),
    Column("actor1", String(64)),
    Column("actor2", String(64)),
    Column("assoc_actors", Text, nullable=False),
    Column("place_id", Integer, index=True),
    Column("matched_text", Text),
    Column("date", Date, index=True),
    Column("date_precision", String(8)),
    Column("fatalities", Integer),
    Column("confidence", Float, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of outlet names
    Column("n_sources", Integer, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    # outlets that reported it independently (near-duplicate articles count once)
    Column("n_independent", Integer, nullable=False),
    Column("denied_by", Text, nullable=False),  # JSON list of sources that deny it
    # event lists are read in date order: the index saves a sort of every row; with
    # the status in it, the rows an offset skips are judged on the index alone (an
    # offset of 1,350 read a table row each: 6.8 -> 2.0 ms a page at 1 M events)
    Index("ix_events_date_id_status", "date", "id", "status"),
    # the events of one place come out of this index already in page order
    Index("ix_events_place_date", "place_id", "date", "id"),
    # an actor's events in page order, by role; the few with associated actors apart
    Index("ix_events_actor1_date", "actor1", "date", "id"),
    Index("ix_events_actor2_date", "actor2", "date", "id"),
    Index(
        "ix_events_assoc_date",
        "date",
        "id",
        sqlite_where=text("assoc_actors != '[]'"),
        postgresql_where=text("assoc_actors != '[]'"),
    ),
    Index("ix_events_event_type", "event_type"),
)

# Each event's JSON item (``Event.to_dict()`` as compact JSON, the bytes the API sends
# for it), written with the event whenever its block is rebuilt (sitrep.store.items):
# a page of events is one keyset read of ``events`` and one primary-key read here,
# instead of reading, building and comparing every report of every event per request.
# A table, not a column of ``events``: the filters walk the events' rows, which stay
# small. An event without a row here (a database from before, read-only) is built
# from its rows as it is read.
event_items = Table(
    "event_items",
    metadata,
    Column("event_id", String(32), primary_key=True),
    Column("item", Text, nullable=False),
)

# sitrep_meta key set once event_items holds the item of every event (a database made
# by an older sitrep gets them stored when first opened for writing)
ITEMS_KEY = "event_items"

# Stable public ids: the event each mention belonged to when its ingest finished
# (what links and comments may point at), and where retired ids lead now.
published_mentions = Table(
    "published_mentions",
    metadata,
    Column("mention_id", String(32), primary_key=True),
    Column("block", String(64), nullable=False, index=True),
    Column("event_id", String(32), nullable=False),
)

event_redirects = Table(
    "event_redirects",
    metadata,
    Column("old_id", String(32), primary_key=True),
    Column("new_id", String(32), nullable=False, index=True),
)

# Control timelines, materialised: the spans of every place with control events,
# rebuilt for the places whose events a merge changed (sitrep.pipeline.merge_pending),
# so "who held what on day D" is one indexed read instead of a rebuild per request.
control_spans = Table(
    "control_spans",
    metadata,
    Column("place_id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("controller", String(200), nullable=False),
    Column("start", Date),
    Column("end", Date),
    Column("start_precision", String(8)),
    Column("status", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("disputed", Boolean, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list, sorted
    Column("events", Text, nullable=False),  # JSON list of event ids
    Column("notes", Text, nullable=False),  # JSON list
    Index("ix_control_spans_start", "start"),
)

# sitrep_meta key set once control_spans holds every place's timeline (a database
# made by an older sitrep gets it built when first opened for writing)
CONTROL_KEY = "control_spans"


# -- the follower's state (sitrep follow) ----------------------------------------

live_feeds = Table(
    "live_feeds",
    metadata,
    Column("key", String(1000), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll", Float),  # seconds since the epoch
    Column("last_ok", Float),
    Column("next_poll", Float),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("items_new", Integer, nullable=False, default=0),  # items stored, all polls
)

live_items = Table(
    "live_items",
    metadata,
    Column("feed", String(1000), primary_key=True),
    Column("item", String(64), primary_key=True),
    Column("url", Text),
    Column("article_id", String(32)),
    Column("status", String(16), nullable=False),  # ok | failed
    Column("attempts", Integer, nullable=False, default=1),
    Column("error", Text),
    Column("published", Float),  # the item's publication time, when the feed says
    Column("seen_at", Float, nullable=False),
    # 1 once the alert rules have looked at the item's article
    Column("alerted", Integer, nullable=False, default=0, index=True),
)

live_alerts = Table(
    "live_alerts",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("rule", String(200), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("payload", Text, nullable=False),  # JSON, as webhooks receive it
    Column("created_at", Float, nullable=False, index=True),
)

live_deliveries = Table(
    "live_deliveries",
    metadata,
    Column("alert_id", String(32), primary_key=True),
    Column("url", String(1000), primary_key=True),
    Column("status", String(16), nullable=False),  # pending | sent | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_try", Float, nullable=False),
    Column("last_error", Text),
    Column("sent_at", Float),
)


# -- reader comments and moderation -------------------------------------------

# lengths the comment API enforces (in characters); the columns are sized to them
MAX_AUTHOR = 80

# Alert rules an admin made through the API or `sitrep alerts rules` (the config's
# [[alerts]] stay in the config). Self-contained: lists are JSON text, times are
# seconds since the epoch, and nothing refers to another table.
live_alert_rules = Table(
    "live_alert_rules",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("kind", String(32), nullable=False),  # control_change | new_event | contradiction
    Column("countries", Text, nullable=False),  # ISO3 codes, JSON
    Column("bbox", Text),  # [west, south, east, north], JSON
    Column("places", Text, nullable=False),  # as the admin wrote them: names or GeoNames ids
    Column("place_ids", Text, nullable=False),  # GeoNames ids the gazetteer read them as
    Column("event_type", String(64)),
    Column("min_sources", Integer, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_by", String(200), nullable=False),
    Column("updated_at", Float, nullable=False),
)


comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_type", String(16), nullable=False),  # event | article
    Column("target_id", String(32), nullable=False),
    Column("author", String(MAX_AUTHOR), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("client", String(64)),  # HMAC of the client address, never the address
    Column("verdict", String(16), nullable=False),  # the policy's: publish | reject | review
    Column("reasons", Text, nullable=False),  # JSON list of {rule, detail, span, score, field}
    Column("policy_version", String(64), nullable=False),
    Column("language", String(16), nullable=False),
    Column("status", String(16), nullable=False),  # published | rejected | review
    Column("moderated_by", String(MAX_AUTHOR)),
    Column("moderated_at", String(32)),
    Column("note", Text),
    # the page lists one target's published comments; the queue lists by status
    Index("ix_comments_target", "target_type", "target_id", "status", "id"),
    Index("ix_comments_status", "status", "id"),
)

moderation_audit = Table(
    "moderation_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("comment_id", Integer, ForeignKey("comments.id"), nullable=False, index=True),
    Column("moderator", String(MAX_AUTHOR), nullable=False),
    Column("role", String(16), nullable=False),
    Column("at", String(32), nullable=False),
    Column("from_status", String(16), nullable=False),
    Column("to_status", String(16), nullable=False),
    Column("note", Text, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(MAX_AUTHOR), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # moderator | admin
    Column("created_at", String(32), nullable=False),
)

# The role a token was made with. A separate table (not a column of ``tokens``) so an
# older database gains it on open; a token without a row has its user's role.
token_roles = Table(
    "token_roles",
    metadata,
    Column("token_id", Integer, ForeignKey("tokens.id"), primary_key=True),
    Column("role", String(16), nullable=False),
)

# One token bucket per client key (the HMAC of an address), shared by every worker and
# process on this database, so a limit holds however many servers answer.
rate_buckets = Table(
    "rate_buckets",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("tokens", Float, nullable=False),
    Column("updated_at", Float, nullable=False),  # seconds since the epoch
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 hex of the token
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)
