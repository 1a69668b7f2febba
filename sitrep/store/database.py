"""The store: SQLite by default, PostgreSQL by URL, through SQLAlchemy Core.

The tables are in :mod:`sitrep.store.schema`. A database made by an older
sitrep is brought up to date when opened for writing: missing tables and
indexes are created, the control timelines built once and each event's JSON
item stored once.

Writes are idempotent: one transaction per article inserts it with all its
claims and mentions, and an article id already present is skipped, so a run
killed at any point leaves only whole articles behind and a second run
resumes where the first stopped. Articles whose mentions are not yet merged
into events carry ``merged = 0``; ``sitrep.pipeline.merge_pending`` finishes
the job, through the block functions of :mod:`sitrep.store.blocks`.

The store loads and saves; it does not merge. The one thing it builds is what a
database from an older sitrep lacks (every place's control timeline), through
the pure control stage, when such a database is first opened for writing.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import logging
import operator
import os
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    bindparam,
    create_engine,
    delete,
    event,
    func,
    inspect,
    literal_column,
    select,
    union_all,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from sitrep.control import Change, PlaceRef, TimelineCache
from sitrep.core.errors import LookupFailed, StoreError
from sitrep.core.records import Actor, Article, Mention, Place
from sitrep.merge import block_key
from sitrep.store import timelines
from sitrep.store.items import backfill_items
from sitrep.store.schema import (
    CONTROL_KEY,
    ITEMS_KEY,
    SCHEMA_VERSION,
    SIMHASH_BAND_BITS,
    actors,
    articles,
    claims,
    event_items,
    events,
    failures,
    mentions,
    meta,
    metadata,
    places,
)

NEAR_DUPLICATE_DAYS = 3
NEAR_DUPLICATE_BITS = 10
_MIN_WORDS_FOR_SIMHASH = 40


_WORD = re.compile(r"\w+")
_SHINGLE_HASH = functools.partial(hashlib.blake2b, digest_size=8)
_DIGEST = operator.methodcaller("digest")


def simhash(text: str) -> int | None:
    """A 64-bit SimHash over word 3-shingles (None for texts too short to judge).

    Near-duplicate articles (one wire story lightly edited by two outlets)
    differ in a few bits; unrelated articles in about half of them.
    """
    words = _WORD.findall(text.casefold())
    if len(words) < _MIN_WORDS_FOR_SIMHASH:
        return None
    import numpy as np  # here: commands that only read the store start without numpy

    # each shingle's UTF-8 is its words' joined by b" " (a word holds no space), so the
    # words are encoded in one call and every step of the loop below runs in C
    encoded = " ".join(words).encode().split(b" ")
    shingles = map(b" ".join, zip(encoded, encoded[1:], encoded[2:], strict=False))
    digests = b"".join(map(_DIGEST, map(_SHINGLE_HASH, shingles)))
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(-1, 64)
    # a bit is set where most shingles set it (bit 0 is the most significant)
    votes = bits.sum(axis=0) * 2 > bits.shape[0]
    unsigned = int("".join("1" if v else "0" for v in votes), 2)
    # stored in a signed 64-bit column
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def simhash_bands(fingerprint: int) -> tuple[int, ...]:
    """The fingerprint cut into the bands of ``SIMHASH_BAND_BITS``, most significant first
    (the values of the ``simhash_band`` columns; signed or unsigned, the same bands)."""
    bands = []
    shift = 64
    for width in SIMHASH_BAND_BITS:
        shift -= width
        bands.append((fingerprint >> shift) & ((1 << width) - 1))
    return tuple(bands)


# A near-copy differs from the article in at most this many bits of some band (pigeonhole).
_BAND_RADIUS = NEAR_DUPLICATE_BITS // len(SIMHASH_BAND_BITS)


def _band_probes(value: int, width: int) -> list[int]:
    """Every band value within ``_BAND_RADIUS`` bits of ``value``, itself first."""
    probes = [value]
    for k in range(1, _BAND_RADIUS + 1):
        for bits in itertools.combinations(range(width), k):
            flipped = value
            for b in bits:
                flipped ^= 1 << b
            probes.append(flipped)
    return probes


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


# The duplicate look-ups of a batch of articles, built once with their values as
# parameters (building and keying a statement per batch cost more than running it):
# the stored articles with the batch's texts, and those sharing a SimHash band value
# with one of the batch's probes in the batch's time window.
_SAME_TEXTS = select(articles.c.id, articles.c.dup_of, articles.c.content_hash).where(
    articles.c.content_hash.in_(bindparam("content_hashes", expanding=True))
)
_BAND_COLUMNS = [articles.c[f"simhash_band{i}"] for i in range(len(SIMHASH_BAND_BITS))]


def _near_in_time(first_stored: Any) -> Any:
    """The articles published in a time window that share a band value with the probes
    (``b{band}``, a list per band): one indexed look-up per band, a row once per band
    it shares. ``first_stored`` orders the articles of one day: SQLite's rowid, the
    order in which a scan of the date index (as before the bands) met them."""
    return union_all(
        *(
            select(
                first_stored.label("stored"),
                articles.c.id,
                articles.c.dup_of,
                articles.c.simhash,
                articles.c.published_at,
            ).where(
                column.in_(bindparam(f"b{i}", expanding=True)),
                articles.c.published_at.between(bindparam("since"), bindparam("until")),
            )
            for i, column in enumerate(_BAND_COLUMNS)
        )
    )


# PostgreSQL has no stable row order of insertion (an update moves a row), so there
# the id decides among near-copies published the same day
_NEAR_IN_TIME = {
    "sqlite": _near_in_time(literal_column("articles.rowid")),
    "other": _near_in_time(articles.c.id),
}
# Articles per near-copy look-up: some 70 probes each, well under every driver's
# limit on a statement's parameters; and the most days apart their publications may
# be (the look-up's window is then 2 x NEAR_DUPLICATE_DAYS + this wide, where an
# article's own is 2 x NEAR_DUPLICATE_DAYS: the rows read stay about those of one
# look-up per article, in fewer statements).
_NEAR_LOOKUP_ARTICLES = 64
_NEAR_LOOKUP_SPAN = timedelta(days=NEAR_DUPLICATE_DAYS)


@dataclass(frozen=True)
class _Copy:
    """A stored article, or one of the batch stored before, as the duplicate test
    sees it: ``stored`` orders the articles of one day as storing did."""

    stored: Any
    id: str
    dup_of: str | None
    simhash: int
    published_at: date

    def root(self) -> str:
        return self.dup_of or self.id


def _first_met(copy: _Copy) -> tuple[Any, ...]:
    """Orders near-copies as a scan of the articles of a week in order of publication,
    then of storing, meets them (ids are unique)."""
    return (copy.published_at, copy.stored, copy.id)


def _band_values(fingerprint: int | None) -> dict[str, int | None]:
    """The ``simhash_band`` columns of an article row."""
    if fingerprint is None:
        return {column.name: None for column in _BAND_COLUMNS}
    return {
        column.name: band
        for column, band in zip(_BAND_COLUMNS, simhash_bands(fingerprint), strict=True)
    }


def _window(published: date) -> tuple[date, date]:
    """The days a near-copy of an article published on ``published`` may be from."""
    return (
        published - timedelta(days=NEAR_DUPLICATE_DAYS),
        published + timedelta(days=NEAR_DUPLICATE_DAYS),
    )


def _probe_sets(fingerprint: int) -> list[set[int]]:
    """Per band, the band values a near-copy of ``fingerprint`` may hold there."""
    return [
        set(_band_probes(band, width))
        for band, width in zip(simhash_bands(fingerprint), SIMHASH_BAND_BITS, strict=True)
    ]


def _near(other: int, fingerprint: int, probes: Sequence[set[int]]) -> bool:
    """Whether ``other`` is a near-copy of ``fingerprint`` (of band ``probes``): a band
    value among the probes (as the indexed look-up finds it), few bits apart."""
    return hamming(other, fingerprint) <= NEAR_DUPLICATE_BITS and any(
        band in probe for band, probe in zip(simhash_bands(other), probes, strict=True)
    )


def _stored_near_copies(
    conn: Connection, batch: Sequence[tuple[Article, int | None]], lookups: Sequence[int]
) -> dict[int, list[_Copy]]:
    """The stored near-copies of the articles ``lookups`` (indexes into ``batch``, each
    with a SimHash and a date), by index: one look-up per group of articles published
    close together (:data:`_NEAR_LOOKUP_ARTICLES`, :data:`_NEAR_LOOKUP_SPAN`), of every
    probe of theirs over their days, each row then kept for the articles whose own
    window and probes it meets."""
    statement = _NEAR_IN_TIME.get(conn.dialect.name, _NEAR_IN_TIME["other"])
    out: dict[int, list[_Copy]] = {}
    groups: list[list[int]] = []
    first: Any = None
    for k in sorted(lookups, key=lambda k: (batch[k][0].published_at, k)):
        published = batch[k][0].published_at
        if (
            not groups
            or len(groups[-1]) >= _NEAR_LOOKUP_ARTICLES
            or published - first > _NEAR_LOOKUP_SPAN
        ):
            groups.append([])
            first = published
        groups[-1].append(k)
    for group in groups:
        asked = []
        values: list[set[int]] = [set() for _ in SIMHASH_BAND_BITS]
        for k in group:
            article, fingerprint = batch[k]
            assert fingerprint is not None and article.published_at is not None
            probes = _probe_sets(fingerprint)
            for band, probe in zip(values, probes, strict=True):
                band |= probe
            asked.append((k, fingerprint, probes, _window(article.published_at)))
        params: dict[str, Any] = {
            "since": min(w[0] for *_, w in asked),
            "until": max(w[1] for *_, w in asked),
        }
        for i, band in enumerate(values):
            params[f"b{i}"] = sorted(band)
        # (a row once per band it shares: the same copy, which min() takes once)
        rows = [_Copy((0, row[0]), *row[1:]) for row in conn.execute(statement, params)]
        for k, fingerprint, probes, (since, until) in asked:
            out[k] = [
                c
                for c in rows
                if since <= c.published_at <= until and _near(c.simhash, fingerprint, probes)
            ]
    return out


_SHOWN_COLUMNS = [
    articles.c[name]
    for name in (
        "id",
        "outlet",
        "url",
        "title",
        "published_at",
        "language",
        "origin",
        "text",
        "status",
        "error",
        "n_mentions",
    )
]


def _article_of(reading: Any) -> Article:
    """The article of a reading, or the article itself (one whose reading failed)."""
    return reading if isinstance(reading, Article) else reading.article


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stamp() -> str:
    # Microseconds (32 characters, the column's width): the live stream's `since`
    # tells apart two articles stored within one second. Older second-resolution
    # stamps still sort before any later one ("+" sorts before ".").
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _url(db: str) -> str:
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


def block_of(mention: Mention) -> str:
    """The merge block of a mention: country x sub-event family x status class."""
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
        # every place's timeline, built on a database from before stored timelines
        # (read-only): lives as long as this store, bounded, hands out frozen spans
        self.timeline_cache = TimelineCache()
        self._stored_items: bool | None = None
        self._generation = _GenerationReader(engine)

    @property
    def stored_items(self) -> bool:
        """Whether the database has the ``event_items`` table (any writable store
        does; a database from before it, opened read-only, does not, and its event
        items are built as they are read)."""
        if self._stored_items is None:
            self._stored_items = bool(inspect(self.engine).has_table(event_items.name))
        return self._stored_items

    # -- lifecycle ----------------------------------------------------------

    def close(self) -> None:
        self._generation.close()
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
        return self.save_readings([(reading, error)], controller_of=controller_of)[0]

    def save_readings(
        self,
        items: Sequence[tuple[Any, str | None]],
        *,
        controller_of: Callable[[Actor], str] | None = None,
    ) -> list[bool]:
        """Store several articles (``(reading, error)`` pairs, as :meth:`save_reading`
        takes them) in one transaction; one flag per item, False when already stored.

        The same rows as one :meth:`save_reading` per item, in the same order,
        with a fraction of the statements: the claims, places, actors and
        mentions of all the items go in one statement each. Only what needs the
        articles before it stays per article: the article row, as the
        duplicate look-up of the next one reads it. When a write fails, the
        items are stored one by one, so the error names the article.
        """
        if not items:
            return []
        try:
            with self.writer.begin() as conn:
                return self._write_readings(conn, items, controller_of)
        except SQLAlchemyError as exc:
            if len(items) > 1 and not isinstance(exc, OperationalError):
                # an article's own rows failed: one by one finds which
                return [
                    self.save_readings([item], controller_of=controller_of)[0] for item in items
                ]
            # the database itself failed (disk I/O, disk full, locked): stop with it,
            # never let a retry that happens to pass hide it
            article = _article_of(items[0][0])
            what = (
                f"article {article.id} ({article.origin})"
                if len(items) == 1
                else f"{len(items)} articles from {article.id} ({article.origin}) on"
            )
            raise StoreError(f"could not store {what}: {exc}") from exc

    def _write_readings(
        self,
        conn: Connection,
        items: Sequence[tuple[Any, str | None]],
        controller_of: Callable[[Actor], str] | None,
    ) -> list[bool]:
        ids = [_article_of(reading).id for reading, _ in items]
        known: set[str] = set()
        for batch in chunked(dict.fromkeys(ids), 500):
            known.update(
                conn.execute(select(articles.c.id).where(articles.c.id.in_(batch))).scalars()
            )
        stored: list[bool] = []
        new: list[tuple[Any, str | None, Article, int | None]] = []
        for reading, error in items:
            article = _article_of(reading)
            stored.append(article.id not in known)
            if article.id in known:
                continue
            known.add(article.id)
            new.append((reading, error, article, simhash(article.text)))
        copies = self._duplicates_of(conn, [(a, f) for _, _, a, f in new])
        article_rows: list[dict[str, Any]] = []
        origins: list[str] = []
        claim_rows: list[dict[str, Any]] = []
        found: list[Mention] = []
        for (reading, error, article, fingerprint), dup_of in zip(new, copies, strict=True):
            failed = isinstance(reading, Article)
            told = [] if failed else list(reading.mentions)
            article_rows.append(
                dict(
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
                    n_sentences=0 if failed else len(reading.sentences),
                    n_mentions=len(told),
                    merged=not told,
                    dup_of=dup_of,
                    simhash=fingerprint,
                    **_band_values(fingerprint),
                    ingested_at=_stamp(),
                )
            )
            if article.origin:
                origins.append(article.origin)
            if failed:
                continue
            claim_rows.extend(
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
            )
            found.extend(told)
        if article_rows:
            # one statement for the batch's articles (in order: SQLite's rowids follow it)
            conn.execute(articles.insert(), article_rows)
        for batch in chunked(dict.fromkeys(origins), 500):
            conn.execute(delete(failures).where(failures.c.origin.in_(batch)))
        if claim_rows:
            conn.execute(claims.insert(), claim_rows)
        self._save_entities(conn, found, controller_of)
        if found:
            conn.execute(mentions.insert(), [self._mention_row(m) for m in found])
        return stored

    @staticmethod
    def _duplicates_of(
        conn: Connection, batch: Sequence[tuple[Article, int | None]]
    ) -> list[str | None]:
        """The first stored article each of ``batch`` (article, SimHash) repeats: the
        same text, or a near-copy nearby in time; None when it repeats none.

        The answers of one look-up per article, each made once the articles before
        it in the batch were stored (they count, stored after every other article),
        from two statements per batch: the stored articles with the batch's texts,
        and those sharing a band value with a probe of the batch's other articles
        (per :data:`_NEAR_LOOKUP_ARTICLES`). The rest is decided here.
        """
        same: dict[str, list[tuple[str, str | None]]] = {}
        for hashes in chunked(dict.fromkeys(a.content_hash for a, _ in batch), 500):
            for row in conn.execute(_SAME_TEXTS, {"content_hashes": hashes}):
                same.setdefault(row[2], []).append((row[0], row[1]))
        # the articles that may be near-copies: no stored text is theirs, nor one of
        # the batch before them
        seen = set(same)
        lookups: list[int] = []
        for k, (article, fingerprint) in enumerate(batch):
            if article.content_hash not in seen:
                seen.add(article.content_hash)
                if fingerprint is not None and article.published_at is not None:
                    lookups.append(k)
        sqlite = conn.dialect.name == "sqlite"
        stored_near = _stored_near_copies(conn, batch, lookups)
        done: list[_Copy] = []  # the batch's articles before, as near-copies
        out: list[str | None] = []
        for k, (article, fingerprint) in enumerate(batch):
            repeats = same.get(article.content_hash)
            dup_of: str | None = None
            if repeats:
                first_id, first_dup = min(repeats)
                dup_of = first_dup or first_id
            elif k in stored_near:
                assert fingerprint is not None and article.published_at is not None
                probes = _probe_sets(fingerprint)
                since, until = _window(article.published_at)
                near = [
                    c
                    for c in done
                    if since <= c.published_at <= until and _near(c.simhash, fingerprint, probes)
                ]
                # the first near-copy in order of publication, then of storing: the one a
                # scan of every article of the week in date order meets first
                first = min(stored_near[k] + near, key=_first_met, default=None)
                dup_of = None if first is None else first.root()
            same.setdefault(article.content_hash, []).append((article.id, dup_of))
            if fingerprint is not None and article.published_at is not None:
                stored = (1, k) if sqlite else (0, article.id)
                done.append(_Copy(stored, article.id, dup_of, fingerprint, article.published_at))
            out.append(dup_of)
        return out

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

    def unmerged_articles(self) -> list[str]:
        """Ids of the articles whose mentions are not merged into events yet."""
        with self.engine.connect() as conn:
            return list(
                conn.execute(select(articles.c.id).where(articles.c.merged.is_(False))).scalars()
            )

    def mark_merged(self, article_ids: Iterable[str]) -> None:
        """Mark articles merged (their blocks' events were rebuilt), 500 per transaction."""
        for batch in chunked(article_ids, 500):
            with self.writer.begin() as conn:
                conn.execute(update(articles).where(articles.c.id.in_(batch)).values(merged=True))

    # -- control timelines ----------------------------------------------------

    def load_changes(
        self, place_ids: Sequence[int] | None = None
    ) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
        """Control-relevant events grouped by place (all places when ``place_ids`` is None)."""
        with self.engine.connect() as conn:
            return timelines.load_changes(conn, place_ids)

    def stored_as_of(
        self,
        day: date,
        country: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[dict[str, Any]] | None:
        """Who held what on ``day`` from the stored timelines; None when they are not stored."""
        with self.engine.connect() as conn:
            if not timelines.materialised(conn):
                return None
            return timelines.stored_as_of(conn, day, country, bbox)

    def generation(self) -> str:
        """The database generation: it changes with every committed write (any process).

        Cheap (one primary-key read): a reader may ask before every answer it keeps.
        """
        return self._generation.read()

    def data_version(self) -> tuple[Any, ...]:
        """Changes whenever the store gains articles or events (keys the timeline cache)."""
        with self.engine.connect() as conn:
            arts = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
            n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
        return (arts[0], arts[1], n_events)

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
                conn.execute(
                    # the columns it shows, not the whole row: a database of an older
                    # schema opened read-only may lack the newer ones
                    select(*_SHOWN_COLUMNS).where(articles.c.id.like(f"{article_id}%")).limit(2)
                )
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


# How long a SQLite connection waits for another process's lock before it fails.
_BUSY_SECONDS = 30


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # First, so that every later statement waits for another process's lock (the
    # switch to WAL, for which SQLite calls no busy handler, waits in _set_wal).
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_SECONDS * 1000}")
    # WAL: readers (the web page) never block the single writer (ingest).
    _set_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # SQLAlchemy, not the driver, starts transactions (see _sqlite_begin).
    dbapi_connection.isolation_level = None


def _set_wal(cursor: Any) -> None:
    """Switch the database to WAL, waiting for another process that holds it.

    Switching takes an exclusive lock and SQLite does not call the busy handler for
    it: two processes opening one new database at once (two ingests) had the second
    fail at once with "database is locked". It waits up to the busy timeout instead.
    """
    deadline = time.monotonic() + _BUSY_SECONDS
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


_IMMEDIATE = "sitrep_immediate"


def _sqlite_begin(conn: Any) -> None:
    # A writing transaction (Store.writer) takes the write lock when it begins: a
    # check-then-insert ("is this article stored?") is then atomic across processes,
    # and two ingests wait for each other (busy_timeout) instead of failing to
    # upgrade a read lock. Reads begin deferred, so they never wait on a writer.
    immediate = conn.get_execution_options().get(_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# sitrep_meta key of the database generation: a number every transaction that writes
# raises as it commits (see _bump_generation). A reader that keeps answers (the web
# app's response cache) keys them by it, so it never serves one from before a write.
GENERATION_KEY = "generation"
_GENERATION_READ = f"SELECT value FROM sitrep_meta WHERE key = '{GENERATION_KEY}'"
_BUMP_SQLITE = (
    f"INSERT INTO sitrep_meta (key, value) VALUES ('{GENERATION_KEY}', '1') "
    "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)"
)
# PostgreSQL: only when this transaction wrote (it has a transaction id then), in the
# one round trip
_BUMP_POSTGRES = (
    f"INSERT INTO sitrep_meta (key, value) SELECT '{GENERATION_KEY}', '1' "
    "WHERE txid_current_if_assigned() IS NOT NULL "
    "ON CONFLICT (key) DO UPDATE SET value = (CAST(sitrep_meta.value AS BIGINT) + 1)::text"
)
_META_PRESENT_SQLITE = (
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sitrep_meta'"
)
_META_PRESENT_POSTGRES = "SELECT to_regclass('sitrep_meta') IS NOT NULL"
_CHANGES_AT_BEGIN = "sitrep_changes_at_begin"


def _sqlite_note_changes(conn: Any) -> None:
    # how many rows this connection had changed when the transaction began
    conn.info[_CHANGES_AT_BEGIN] = conn.connection.dbapi_connection.total_changes


def _bump_generation(conn: Any) -> None:
    """Raise the database generation in the transaction about to commit, if it wrote.

    On the driver's connection, inside the transaction: the new generation becomes
    visible with the rows it stands for, never before them, so a reader that sees
    the old generation cannot have seen the new rows, and one that sees the new
    generation sees them all. Every write of every sitrep process goes through an
    engine of :func:`open_store`, which carries this hook.
    """
    dbapi = conn.connection.dbapi_connection
    if conn.dialect.name == "sqlite":
        if dbapi.total_changes == conn.info.get(_CHANGES_AT_BEGIN, -1):
            return  # a transaction that read only
        bump, present = _BUMP_SQLITE, _META_PRESENT_SQLITE
    elif conn.dialect.name == "postgresql":
        bump, present = _BUMP_POSTGRES, _META_PRESENT_POSTGRES
    else:
        return
    cursor = dbapi.cursor()
    try:
        # a transaction that dropped the tables (a test starting afresh) has none to raise
        cursor.execute(present)
        if cursor.fetchone()[0]:
            cursor.execute(bump)
    finally:
        cursor.close()


def read_generation(engine: Engine) -> str:
    """The database generation (see :func:`_bump_generation`): one indexed read on a
    pooled driver connection; "0" in a database no sitrep write has reached yet."""
    raw = engine.raw_connection()
    try:
        return _generation_on(raw)
    finally:
        raw.close()


def _generation_on(dbapi_connection: Any) -> str:
    """The generation read on a driver connection ("0" when no write raised it yet)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(_GENERATION_READ)
        row = cursor.fetchone()
    finally:
        cursor.close()
    return str(row[0]) if row else "0"


class _GenerationReader:
    """Reads the database generation for a :class:`Store`, as cheaply as the database allows.

    On PostgreSQL a pooled connection costs four round trips per read (the pool's
    ping, BEGIN, the read, the ROLLBACK that returns it), 0.7 ms and 0.25 ms of
    client CPU on loopback; the web app reads the generation before every answer,
    kept or not, and again after reading one. So the store keeps one driver
    connection of its own in autocommit for it: one round trip (0.15 ms, 0.04 ms of
    CPU). A read in autocommit sees the latest committed generation, as a fresh
    pooled transaction did. A connection that dropped (a server restart) is opened
    again once; a process forked from this one opens its own. SQLite reads the
    file in-process and keeps :func:`read_generation`.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._own = engine.dialect.name == "postgresql"
        self._lock = threading.Lock()
        self._conn: Any = None
        self._pid = 0

    def read(self) -> str:
        """The current generation ("0" when no write has raised it yet)."""
        if not self._own:
            return read_generation(self.engine)
        dbapi = self.engine.dialect.loaded_dbapi
        with self._lock:
            for attempt in range(2):
                try:
                    return _generation_on(self._connection())
                except (dbapi.OperationalError, dbapi.InterfaceError):
                    self._drop()  # the connection is gone: a new one, once
                    if attempt:
                        raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _connection(self) -> Any:
        if self._conn is not None and self._pid != os.getpid():
            self._conn = None  # the parent's socket: never used (nor closed) here
        if self._conn is None:
            raw = self.engine.raw_connection()
            conn: Any = raw.driver_connection
            raw.detach()  # the store's own: never handed to a reader of the pool
            conn.rollback()  # whatever the pool's ping began
            conn.autocommit = True
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and self._pid == os.getpid():
            with contextlib.suppress(Exception):
                conn.close()

    def close(self) -> None:
        """Close the connection it keeps (if any)."""
        with self._lock:
            self._drop()


# The PostgreSQL advisory lock key of schema creation (any fixed 64-bit number: "sitrep").
_SCHEMA_LOCK = int.from_bytes(b"sitrep", "big")


def _schema_lock(conn: Any) -> None:
    """On PostgreSQL, hold the schema lock to the end of this transaction.

    SQLite's BEGIN IMMEDIATE already makes two processes creating or upgrading one
    database take turns; PostgreSQL takes no lock that would, so the second CREATE
    TABLE fails on the catalog's unique index ("sitrep_meta already exists") and both
    would rebuild the control timelines. With this lock the other process waits, then
    finds the tables made.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK})")


def _postgres_reader_session(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET plan_cache_mode = force_custom_plan")
    # A reader cannot write, even by mistake, as on SQLite (PRAGMA query_only):
    # every transaction of the session, implicit ones in autocommit too, is read-only
    # and PostgreSQL refuses an INSERT, UPDATE, DELETE or DDL in it.
    cursor.execute("SET default_transaction_read_only = on")
    cursor.close()
    dbapi_connection.commit()  # the SETs stay for the session


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
            if not readonly:
                event.listen(engine, "begin", _sqlite_note_changes)
            if readonly:
                # readers (the web page) cannot write, even by mistake
                event.listen(engine, "connect", _sqlite_query_only)
        elif readonly:
            # Reads in autocommit: a connection taken from the pool and given back
            # costs no BEGIN and no ROLLBACK round trip, and psycopg keeps the
            # statements it prepared (a ROLLBACK makes it forget them all). Under
            # READ COMMITTED each statement saw its own snapshot in a transaction too.
            # A prepared statement is still planned for its values each time (a plan
            # made for any value would lose what the statistics say of this outlet or
            # that country, see _upgrade), so what it saves is the parsing.
            engine = create_engine(url, pool_pre_ping=True, isolation_level="AUTOCOMMIT")
            event.listen(engine, "connect", _postgres_reader_session)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        if not readonly:
            event.listen(engine, "commit", _bump_generation)
        if create and not readonly:
            with engine.execution_options(**{_IMMEDIATE: True}).begin() as conn:
                # one transaction (on SQLite, holding the write lock): two processes
                # creating the same new database do not both try to create the tables
                _schema_lock(conn)
                metadata.create_all(conn)
                row = conn.execute(select(meta.c.value).where(meta.c.key == "schema")).first()
                if row is None:
                    conn.execute(meta.insert().values(key="schema", value=str(SCHEMA_VERSION)))
                elif int(row[0]) in _MIGRATIONS:
                    _MIGRATIONS[int(row[0])](conn)
                    conn.execute(
                        update(meta).where(meta.c.key == "schema").values(value=str(SCHEMA_VERSION))
                    )
                elif int(row[0]) != SCHEMA_VERSION:
                    raise StoreError(
                        f"database {db} has schema version {row[0]}, this sitrep needs "
                        f"{SCHEMA_VERSION}; re-ingest into a new database"
                    )
            _upgrade(engine)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {db}: {driver_reason(exc)}") from exc
    return Store(engine, readonly=readonly)


def _add_simhash_bands(conn: Connection) -> None:
    """Schema 1 to 2: the ``simhash_band`` columns, filled from each stored SimHash.

    The bands are bit fields of the signed 64-bit column, cut in SQL (both SQLite and
    PostgreSQL shift a negative number arithmetically, so the low bits after the
    shift are the fingerprint's own); :func:`_upgrade` then creates their indexes.
    """
    present = {c["name"] for c in inspect(conn).get_columns("articles")}
    for column in _BAND_COLUMNS:
        if column.name not in present:
            conn.exec_driver_sql(f"ALTER TABLE articles ADD COLUMN {column.name} INTEGER")
    values = {}
    shift = 64
    for column, width in zip(_BAND_COLUMNS, SIMHASH_BAND_BITS, strict=True):
        shift -= width
        # the constants in the SQL, not as parameters: PostgreSQL shifts a bigint by
        # an integer only, and would take a parameter for another bigint
        values[column.name] = articles.c.simhash.op(">>")(literal_column(str(shift))).op("&")(
            literal_column(str((1 << width) - 1))
        )
    conn.execute(update(articles).where(articles.c.simhash.is_not(None)).values(values))


# How a database of an older schema version is brought to this one, by its version
# (run in the transaction that creates the tables, under the schema lock)
_MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _add_simhash_bands}


def driver_reason(exc: Exception) -> str:
    """A database error's own words, without the statement and its parameters (which
    may hold a whole article)."""
    return re.split(r"\n\[SQL: |\n\(Background on this error", str(exc), maxsplit=1)[0]


def _upgrade(engine: Engine) -> None:
    """Bring a database made by an older sitrep up to date, in place.

    ``create_all`` adds missing tables but not the missing indexes of tables that
    exist, so each index is created when absent; control timelines are built
    once when the database predates their table, and each event's JSON item
    (:func:`store_all_items`) once when it predates theirs. On SQLite the transaction takes
    the write lock as it begins: a read lock upgraded to write while another
    process writes fails at once ("database is locked"), busy timeout or not.
    """
    with engine.execution_options(**{_IMMEDIATE: True}).begin() as conn:
        _schema_lock(conn)
        for table in metadata.sorted_tables:
            for index in table.indexes:
                index.create(conn, checkfirst=True)
        _postgres_statistics(conn)
        if conn.execute(select(meta.c.value).where(meta.c.key == CONTROL_KEY)).first() is None:
            timelines.rebuild_all_control(conn)
        items_done = conn.execute(select(meta.c.value).where(meta.c.key == ITEMS_KEY)).first()
    if items_done is None:
        store_all_items(engine)


# Statistics PostgreSQL keeps on expressions that filters compare (PostgreSQL 14+):
# ``sitrep events --source`` is ``lower(sources) LIKE '%outlet%'``, and without
# statistics on that expression the planner guessed a handful of matches, read
# every event of the three default statuses and sorted them (0.6 s a page at a
# million events), where a common outlet is in a fifth of them and walking the
# (date, id) index finds a page in a few hundred rows (2-11 ms).
_PG_STATISTICS = {"events_lower_sources": "(lower(sources)) FROM events"}


def _postgres_statistics(conn: Connection) -> None:
    """Create the expression statistics PostgreSQL lacks, and gather them once."""
    if conn.dialect.name != "postgresql":
        return
    if int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) < 140000:
        return  # statistics on expressions came with PostgreSQL 14
    # the statistics of this events table (the one the search path finds, where
    # CREATE STATISTICS puts them), not of a table of that name in another schema
    have = set(
        conn.exec_driver_sql(
            "SELECT stxname FROM pg_statistic_ext WHERE stxrelid = 'events'::regclass"
        ).scalars()
    )
    missing = [name for name in _PG_STATISTICS if name not in have]
    if not missing:
        return
    try:
        with conn.begin_nested():
            for name in missing:
                conn.exec_driver_sql(f"CREATE STATISTICS {name} ON {_PG_STATISTICS[name]}")
            # a new statistics object is empty until the table is analysed (about a
            # second for a million events: ANALYZE reads a sample)
            conn.exec_driver_sql("ANALYZE events")
    except SQLAlchemyError as exc:
        # a role that does not own the table cannot: the filters still answer, slower
        _log.warning("cannot create planner statistics: %s", driver_reason(exc))


_log = logging.getLogger(__name__)


def store_all_items(engine: Engine) -> int:
    """Store the JSON item of every event that has none (a database from before stored
    items, or events loaded in bulk), then mark the database as holding them all.

    A transaction per few thousand events, each taking the write lock a moment, so
    readers and other writers carry on; a run cut short resumes where it stopped.
    Says so on the log when there are many (a million events take minutes).
    """
    writer = engine.execution_options(**{_IMMEDIATE: True})
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(events)).scalar_one()
        have = conn.execute(select(func.count()).select_from(event_items)).scalar_one()
    if total - have > 20_000:
        _log.warning(
            "storing the JSON item of each of %s events once (a database from an older "
            "sitrep, or loaded in bulk); this takes a few minutes per million events",
            f"{total - have:,}",
        )

    def progress(done: int) -> None:
        if done % 100_000 < 2000 and total - have > 20_000:
            _log.warning("event items stored: %s of %s", f"{done:,}", f"{total - have:,}")

    @contextlib.contextmanager
    def batch() -> Iterator[Connection]:
        # on PostgreSQL two processes opening the database at once take turns, as
        # with the schema, instead of both storing the same items
        with writer.begin() as conn:
            _schema_lock(conn)
            yield conn

    done = backfill_items(batch, log=progress)
    with writer.begin() as conn:
        _schema_lock(conn)
        if conn.execute(select(meta.c.value).where(meta.c.key == ITEMS_KEY)).first() is None:
            conn.execute(meta.insert().values(key=ITEMS_KEY, value="1"))
    return done


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
