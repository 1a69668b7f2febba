"""Storage: SQLite by default, PostgreSQL by URL, through SQLAlchemy Core.

Tables (see :data:`metadata`):

- ``articles``: one row per article, keyed on its content-derived id, with its
  ``status`` (``ok`` or ``failed``) and, when it failed, the ``error``;
- ``failures``: inputs that produced no article at all (unreadable files, bad
  JSONL lines), keyed on their origin, with the reason;
- ``claims``: who asserts each sentence (source, speaker, verb);
- ``mentions``: one event as one report tells it, with its evidence span;
- ``events``: mentions merged into events; derived, rebuilt per *block*
  (country x event family) whenever a block gains mentions;
- ``places`` and ``actors``: the resolved entities used by mentions;
- ``control_spans``: every place's control timeline, derived from its events and
  rebuilt for the places a merge touched (so ``as_of`` is one indexed read).

A database made by an older sitrep is brought up to date when opened for
writing: missing indexes are created and the timelines built once.

Writes are idempotent: one transaction per article inserts it with all its
claims and mentions, and an article id already present is skipped, so a run
killed at any point leaves only whole articles behind and a second run
resumes where the first stopped. Articles whose mentions are not yet merged
into events carry ``merged = 0``; :meth:`Store.merge_pending` finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from sitrep.core.errors import LookupFailed, StoreError
from sitrep.core.records import Actor, Article, Mention, Place

SCHEMA_VERSION = 1

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
    Column("ingested_at", String(32), nullable=False),
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
    Column("actor1", String(64), index=True),
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
    # event lists are read in date order: the index saves a sort of every row
    Index("ix_events_date_id", "date", "id"),
    # the events of one place come out of this index already in page order
    Index("ix_events_place_date", "place_id", "date", "id"),
    Index("ix_events_actor2", "actor2"),
    Index("ix_events_event_type", "event_type"),
)

# Control timelines, materialised: the spans of every place with control events,
# rebuilt for the places whose events a merge changed (sitrep.control.refresh_control),
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


NEAR_DUPLICATE_DAYS = 3
NEAR_DUPLICATE_BITS = 10
_MIN_WORDS_FOR_SIMHASH = 40


def simhash(text: str) -> int | None:
    """A 64-bit SimHash over word 3-shingles (None for texts too short to judge).

    Near-duplicate articles (one wire story lightly edited by two outlets)
    differ in a few bits; unrelated articles in about half of them.
    """
    words = re.findall(r"\w+", text.casefold())
    if len(words) < _MIN_WORDS_FOR_SIMHASH:
        return None
    import numpy as np  # here: commands that only read the store start without numpy

    digests = b"".join(
        hashlib.blake2b(" ".join(words[i : i + 3]).encode(), digest_size=8).digest()
        for i in range(len(words) - 2)
    )
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    # a bit is set where most shingles set it (bit 0 is the most significant)
    votes = bits.sum(axis=0) * 2 > bits.shape[0]
    unsigned = int("".join("1" if v else "0" for v in votes), 2)
    # stored in a signed 64-bit column
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def display_name(name: str) -> str:
    """A GeoNames name as analysts type it: "Ālbū Kamāl" -> "Albu Kamal", "Al Qā’im" -> "Al Qa'im".

    Only Latin names are folded (diacritics dropped, ʿ ‘ ’ become '); the GeoNames
    id stays the key, and the gazetteer still knows every spelling.
    """
    if not name.isascii() and all(ord(ch) < 0x0250 or ch in "ʿʾ‘’" for ch in name):
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        name = re.sub("[ʿʾ‘’]", "'", name).strip("'")
    return name


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _url(db: str) -> str:
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def block_of(mention: Mention) -> str:
    """The merge block of a mention: country x sub-event family x status class."""
    from sitrep.merge import block_key

    return block_key(mention)


@dataclass(frozen=True)
class StoredArticle:
    """An article row as stored."""

    id: str
    outlet: str | None
    url: str | None
    title: str | None
    published_at: date | None
    language: str
    origin: str | None
    text: str
    status: str
    error: str | None
    n_mentions: int


class Store:
    """A sitrep database. Open with :func:`open_store`; use as a context manager."""

    def __init__(self, engine: Engine, *, readonly: bool = False) -> None:
        self.engine = engine
        self.readonly = readonly
        # Transactions that write take the write lock as they begin (see _sqlite_begin);
        # reads through self.engine do not, so a read may run beside a write.
        self.writer = engine.execution_options(**{_IMMEDIATE: True})

    # -- lifecycle ----------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first()
                is not None
            )

    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        """Those of ``article_ids`` the store already holds (one query per 500 ids)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for batch in chunked(dict.fromkeys(article_ids), 500):
                found.update(
                    conn.execute(select(articles.c.id).where(articles.c.id.in_(batch))).scalars()
                )
        return found

    def save_failure(self, origin: str, reason: str) -> None:
        """Record an input that produced no article (replaces an older reason)."""
        with self.writer.begin() as conn:
            conn.execute(delete(failures).where(failures.c.origin == origin))
            conn.execute(failures.insert().values(origin=origin, reason=reason, at=_now()))

    def save_reading(
        self,
        reading: Any,
        *,
        error: str | None = None,
        controller_of: Callable[[Actor], str] | None = None,
    ) -> bool:
        """Store one article with its claims and mentions in one transaction.

        ``reading`` is an :class:`sitrep.read.en.extract.ArticleReading`, or an
        :class:`Article` when extraction failed (then ``error`` says why).
        Returns False when the article was already stored (nothing written).
        ``controller_of`` names the controller of each actor (from the actor
        dictionary), stored for control timelines.
        """
        article: Article = reading if isinstance(reading, Article) else reading.article
        try:
            with self.writer.begin() as conn:
                if conn.execute(select(articles.c.id).where(articles.c.id == article.id)).first():
                    return False
                found = [] if isinstance(reading, Article) else list(reading.mentions)
                fingerprint = simhash(article.text)
                conn.execute(
                    articles.insert().values(
                        id=article.id,
                        content_hash=article.content_hash,
                        outlet=article.outlet,
                        url=article.url,
                        title=article.title,
                        published_at=article.published_at,
                        language=article.language,
                        origin=article.origin,
                        text=article.text,
                        status="failed" if error else "ok",
                        error=error,
                        n_sentences=0 if isinstance(reading, Article) else len(reading.sentences),
                        n_mentions=len(found),
                        merged=not found,
                        dup_of=self._duplicate_of(conn, article, fingerprint),
                        simhash=fingerprint,
                        ingested_at=_now(),
                    )
                )
                if article.origin:
                    conn.execute(delete(failures).where(failures.c.origin == article.origin))
                if isinstance(reading, Article):
                    return True
                if reading.claims:
                    conn.execute(
                        claims.insert(),
                        [
                            {
                                "article_id": article.id,
                                "sentence_index": c.sentence.index,
                                "paragraph": c.sentence.paragraph,
                                "start": c.sentence.span.start,
                                "end": c.sentence.span.end,
                                "source": c.source,
                                "speaker": c.speaker,
                                "reported_verb": c.reported_verb,
                                "inherited": c.inherited,
                            }
                            for c in reading.claims
                        ],
                    )
                self._save_entities(conn, found, controller_of)
                if found:
                    conn.execute(mentions.insert(), [self._mention_row(m) for m in found])
                return True
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not store article {article.id} ({article.origin}): {exc}"
            ) from exc

    @staticmethod
    def _duplicate_of(conn: Connection, article: Article, fingerprint: int | None) -> str | None:
        """The first stored article this one repeats (same text, or a near-copy nearby in time)."""
        same = conn.execute(
            select(articles.c.id, articles.c.dup_of)
            .where(articles.c.content_hash == article.content_hash)
            .order_by(articles.c.id)
            .limit(1)
        ).first()
        if same is not None:
            return str(same[1] or same[0])
        if fingerprint is None or article.published_at is None:
            return None
        near = conn.execute(
            select(articles.c.id, articles.c.dup_of, articles.c.simhash).where(
                articles.c.published_at.between(
                    article.published_at - timedelta(days=NEAR_DUPLICATE_DAYS),
                    article.published_at + timedelta(days=NEAR_DUPLICATE_DAYS),
                ),
                articles.c.simhash.is_not(None),
            )
        )
        for row in near:
            if hamming(row[2], fingerprint) <= NEAR_DUPLICATE_BITS:
                return str(row[1] or row[0])
        return None

    def _save_entities(
        self,
        conn: Connection,
        found: Sequence[Mention],
        controller_of: Callable[[Actor], str] | None,
    ) -> None:
        place_rows: dict[int, Place] = {}
        actor_rows: dict[str, Actor] = {}
        for m in found:
            if m.place:
                place_rows[m.place.place.id] = m.place.place
            for a in (m.actor1, m.actor2, *m.assoc_actors):
                if a is not None:
                    actor_rows[a.id] = a
        if place_rows:
            known = set(
                conn.execute(select(places.c.id).where(places.c.id.in_(list(place_rows)))).scalars()
            )
            new = [p for pid, p in place_rows.items() if pid not in known]
            if new:
                conn.execute(
                    places.insert(),
                    [
                        {
                            "id": p.id,
                            "name": display_name(p.name),
                            "country": p.country,
                            "admin1": p.admin1,
                            "lat": p.lat,
                            "lon": p.lon,
                            "kind": p.kind.value,
                        }
                        for p in new
                    ],
                )
        if actor_rows:
            known_actors = set(
                conn.execute(select(actors.c.id).where(actors.c.id.in_(list(actor_rows)))).scalars()
            )
            new_actors = [a for aid, a in actor_rows.items() if aid not in known_actors]
            if new_actors:
                conn.execute(
                    actors.insert(),
                    [
                        {
                            "id": a.id,
                            "name": a.name,
                            "kind": a.kind,
                            "country": a.country,
                            "controller": controller_of(a) if controller_of else a.name,
                        }
                        for a in new_actors
                    ],
                )

    @staticmethod
    def _mention_row(m: Mention) -> dict[str, Any]:
        return {
            "id": m.id,
            "article_id": m.claim.article_id,
            "sentence_index": m.claim.sentence.index,
            "source": m.claim.source,
            "speaker": m.claim.speaker,
            "event_type": m.event_type,
            "sub_event_type": m.sub_event_type,
            "status": m.status.value,
            "actor1": m.actor1.id if m.actor1 else None,
            "actor2": m.actor2.id if m.actor2 else None,
            "assoc_actors": json.dumps([a.id for a in m.assoc_actors]),
            "place_id": m.place.place.id if m.place else None,
            "matched_text": m.place.matched_text if m.place else None,
            "place_confidence": m.place.confidence if m.place else None,
            "date": m.time.value if m.time else None,
            "date_precision": m.time.precision.value if m.time else None,
            "date_text": m.time.text if m.time else None,
            "date_inferred": m.time.inferred if m.time else None,
            "evidence_start": m.evidence.start,
            "evidence_end": m.evidence.end,
            "evidence": m.evidence.text,
            "trigger": m.trigger,
            "fatalities": m.fatalities,
            "confidence": m.confidence,
            "reference": m.reference,
            "block": block_of(m),
            "event_id": None,
        }

    # -- merging ------------------------------------------------------------

    def pending_blocks(self) -> set[str]:
        """Blocks holding mentions of articles not yet merged into events."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(mentions.c.block)
                .distinct()
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(articles.c.merged.is_(False))
            )
            return {r[0] for r in rows}

    def merge_pending(self) -> int:
        """Rebuild the events of every block that gained mentions; returns blocks rebuilt."""
        from sitrep.control import places_of_block, refresh_control
        from sitrep.merge import rebuild_block

        # Only the articles waiting now are marked merged at the end: another ingest
        # may store articles meanwhile, and they must stay pending until their blocks
        # are rebuilt (by that ingest, or by this one's next merge).
        with self.engine.connect() as conn:
            waiting = list(
                conn.execute(select(articles.c.id).where(articles.c.merged.is_(False))).scalars()
            )
        blocks = sorted(self.pending_blocks())
        for block in blocks:
            with self.writer.begin() as conn:
                # the timelines of the places whose control events change, before and after
                touched = places_of_block(conn, block)
                rebuild_block(conn, block)
                touched |= places_of_block(conn, block)
                refresh_control(conn, touched)
        for batch in chunked(waiting, 500):
            with self.writer.begin() as conn:
                conn.execute(update(articles).where(articles.c.id.in_(batch)).values(merged=True))
        return len(blocks)

    # -- reading ------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            out = {}
            for name, table in (
                ("articles", articles),
                ("failures", failures),
                ("mentions", mentions),
                ("events", events),
            ):
                out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
            out["failed_articles"] = conn.execute(
                select(func.count()).select_from(articles).where(articles.c.status == "failed")
            ).scalar_one()
            return out

    def article(self, article_id: str) -> StoredArticle:
        """One stored article by id (or unique id prefix)."""
        with self.engine.connect() as conn:
            rows = (
                conn.execute(select(articles).where(articles.c.id.like(f"{article_id}%")).limit(2))
                .mappings()
                .all()
            )
        if not rows:
            raise LookupFailed(
                f"no article with id {article_id!r}; list them with `sitrep articles`"
            )
        if len(rows) > 1:
            raise LookupFailed(f"article id prefix {article_id!r} is ambiguous; give more of it")
        r = rows[0]
        return StoredArticle(
            id=r["id"],
            outlet=r["outlet"],
            url=r["url"],
            title=r["title"],
            published_at=r["published_at"],
            language=r["language"],
            origin=r["origin"],
            text=r["text"],
            status=r["status"],
            error=r["error"],
            n_mentions=r["n_mentions"],
        )

    def iter_failures(self) -> Iterator[tuple[str, str]]:
        with self.engine.connect() as conn:
            for r in conn.execute(
                select(failures.c.origin, failures.c.reason).order_by(failures.c.origin)
            ):
                yield r[0], r[1]

    def failed_articles(self) -> list[tuple[str, str, str]]:
        with self.engine.connect() as conn:
            return [
                (r[0], r[1] or "", r[2] or "")
                for r in conn.execute(
                    select(articles.c.id, articles.c.origin, articles.c.error)
                    .where(articles.c.status == "failed")
                    .order_by(articles.c.id)
                )
            ]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # First, so that even switching the journal mode waits for another process.
    cursor.execute("PRAGMA busy_timeout=30000")
    # WAL: readers (the web page) never block the single writer (ingest).
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # SQLAlchemy, not the driver, starts transactions (see _sqlite_begin).
    dbapi_connection.isolation_level = None


_IMMEDIATE = "sitrep_immediate"


def _sqlite_begin(conn: Any) -> None:
    # A writing transaction (Store.writer) takes the write lock when it begins: a
    # check-then-insert ("is this article stored?") is then atomic across processes,
    # and two ingests wait for each other (busy_timeout) instead of failing to
    # upgrade a read lock. Reads begin deferred, so they never wait on a writer.
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def open_store(db: str, *, readonly: bool = False, create: bool = True) -> Store:
    """Open (and create, unless ``readonly``) the database at a path or URL."""
    url = _url(db)
    try:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[1] if "///" in url else ""
            if path and path != ":memory:":
                parent = Path(path).parent
                if not parent.exists():
                    raise StoreError(
                        f"cannot create database {path}: folder {parent} does not exist"
                    )
                if readonly and not Path(path).exists():
                    raise StoreError(f"database {path} does not exist; run `sitrep ingest` first")
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            if readonly:
                # readers (the web page) cannot write, even by mistake
                event.listen(engine, "connect", _sqlite_query_only)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        if create and not readonly:
            with engine.execution_options(**{_IMMEDIATE: True}).begin() as conn:
                # one transaction (on SQLite, holding the write lock): two processes
                # creating the same new database do not both try to create the tables
                metadata.create_all(conn)
                row = conn.execute(select(meta.c.value).where(meta.c.key == "schema")).first()
                if row is None:
                    conn.execute(meta.insert().values(key="schema", value=str(SCHEMA_VERSION)))
                elif int(row[0]) != SCHEMA_VERSION:
                    raise StoreError(
                        f"database {db} has schema version {row[0]}, this sitrep needs "
                        f"{SCHEMA_VERSION}; re-ingest into a new database"
                    )
            _upgrade(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {db}: {exc}") from exc
    return Store(engine, readonly=readonly)


def _upgrade(engine: Engine) -> None:
    """Bring a database made by an older sitrep up to date, in place.

    ``create_all`` adds missing tables but not the missing indexes of tables that
    exist, so each index is created when absent; control timelines are built
    once when the database predates their table. On SQLite the transaction takes
    the write lock as it begins: a read lock upgraded to write while another
    process writes fails at once ("database is locked"), busy timeout or not.
    """
    with engine.execution_options(**{_IMMEDIATE: True}).begin() as conn:
        for table in metadata.sorted_tables:
            for index in table.indexes:
                index.create(conn, checkfirst=True)
        if conn.execute(select(meta.c.value).where(meta.c.key == CONTROL_KEY)).first() is None:
            from sitrep.control import rebuild_all_control

            rebuild_all_control(conn)


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# The comment tables (reader comments, moderation audit, moderators' tokens) live in
# their own module but on this metadata, so open_store creates them with the rest.
# The follower's tables (sitrep follow: feed state, seen items, alerts) likewise.
from sitrep.live import state as _live_state  # noqa: E402, F401
from sitrep.moderation import comments as _comments  # noqa: E402, F401
