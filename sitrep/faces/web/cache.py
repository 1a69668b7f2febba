"""Answers kept in memory, keyed by the database generation, with ETag and 304.

The read endpoints answer the same URL with the same body until the database
changes, and every committed write changes its generation (see
:func:`sitrep.store.database.read_generation`: one primary-key read). So
:class:`ResponseCache` keeps the body of each successful ``GET`` of a public read
endpoint under its URL, for as long as the generation it was read under is the
current one: a request first reads the generation, and a kept body from any other
generation is never sent. The generation is read again once the body is complete,
and a body is kept only when it did not move: a body read while a write committed
(part of it before the commit, part after) is sent, never kept. It is a plain ASGI
middleware, in front of routing and parameter checks, so a kept answer costs about
what reading the generation costs.

Every answer of those endpoints carries an ``ETag`` (a digest of the body);
a request whose ``If-None-Match`` names it gets ``304 Not Modified`` and no body,
whether or not the body was kept. The bodies themselves are sent byte for byte
as the endpoint wrote them.

The workers of ``sitrep serve --workers N`` are processes, each with its own
:class:`ResponseCache`; alone, each would read every answer afresh once (N reads
of each URL before all of them answer it from memory). :class:`SharedAnswers` is a
second layer they share: a SQLite file of the server's own (in its temporary
directory, gone when it stops), where a worker keeps what it read and looks before
reading, under the same generation rule. It is best-effort: a worker that finds it
busy reads for itself, and keeps nothing there.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import orjson

# Paths whose GET answers depend on the URL and the database only: never on a
# header (the moderation endpoints read Authorization), never streamed.
CACHED_PREFIXES = (
    "/api/events",  # and /api/events/{id}
    "/api/control",
    "/api/timeline",
    "/api/places",  # and /api/places/{id}/control
    "/api/roundups/",
    "/api/articles/",
)
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
# A body larger than this is sent, not kept (a 1000-event page is ~1 MB).
MAX_ENTRY_BYTES = 4 * 1024 * 1024


def cacheable(path: str) -> bool:
    """Whether GETs of ``path`` may be kept (public reads that depend on the URL only)."""
    return path.startswith(CACHED_PREFIXES)


def etag_of(body: bytes) -> str:
    """A strong ETag for a body: the same body gives the same tag, in every worker."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    tags = [t.strip() for t in if_none_match.split(",")]
    return "*" in tags or etag in tags or f"W/{etag}" in tags


class _Entry:
    __slots__ = ("body", "etag", "headers")

    def __init__(self, headers: list[tuple[bytes, bytes]], body: bytes, etag: str) -> None:
        self.headers = headers
        self.body = body
        self.etag = etag


class SharedAnswers:
    """Answers kept in a SQLite file that every worker process of one server shares.

    A row per URL (path and query) holds the generation it was read under, the
    headers, the body and its ETag; a row of another generation than the current one
    is never sent (and is deleted by the first worker to see the generation move).
    ``max_bytes`` bounds the bodies kept: the oldest rows go first. Every call is
    best-effort: when the file is busy (another worker writing), nothing is read or
    kept and the caller reads for itself.
    """

    def __init__(self, path: str, max_bytes: int = DEFAULT_CACHE_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._puts = 0

    @staticmethod
    def create(path: str) -> None:
        """Make the file (once, before the workers start)."""
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS answers (n INTEGER PRIMARY KEY, key BLOB NOT NULL "
                "UNIQUE, generation TEXT NOT NULL, etag TEXT NOT NULL, headers BLOB NOT NULL, "
                "body BLOB NOT NULL, size INTEGER NOT NULL)"
            )
            conn.commit()
        finally:
            conn.close()

    def _db(self) -> sqlite3.Connection:
        # one connection per process, used by its event loop's thread
        if self._conn is None or self._pid != os.getpid():
            conn = sqlite3.connect(
                self.path, timeout=0.0, isolation_level=None, check_same_thread=False
            )
            # the file lives as long as the server: a crash may lose it, never corrupt
            # an answer (each row is written whole, in one statement)
            conn.execute("PRAGMA synchronous=OFF")
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    @staticmethod
    def _key(key: tuple[str, bytes]) -> bytes:
        return key[0].encode("utf-8") + b"?" + key[1]

    def get(self, key: tuple[str, bytes], generation: str) -> _Entry | None:
        """The answer kept for ``key`` under ``generation``, if any."""
        try:
            row = (
                self._db()
                .execute(
                    "SELECT headers, body, etag FROM answers WHERE key = ? AND generation = ?",
                    (self._key(key), generation),
                )
                .fetchone()
            )
        except sqlite3.Error:
            return None
        if row is None:
            return None
        headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in orjson.loads(row[0])]
        return _Entry(headers, row[1], row[2])

    def put(self, key: tuple[str, bytes], generation: str, entry: _Entry) -> None:
        """Keep ``entry`` for ``key`` under ``generation`` (unless the file is busy)."""
        if len(entry.body) > min(MAX_ENTRY_BYTES, self.max_bytes):
            return
        headers = orjson.dumps(
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in entry.headers]
        )
        try:
            db = self._db()
            db.execute(
                "INSERT OR REPLACE INTO answers (key, generation, etag, headers, body, size) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (self._key(key), generation, entry.etag, headers, entry.body, len(entry.body)),
            )
            self._puts += 1
            if self._puts % 64 == 0:
                self._trim(db)
        except sqlite3.Error:
            return

    def _trim(self, db: sqlite3.Connection) -> None:
        total = db.execute("SELECT total(size) FROM answers").fetchone()[0]
        if total > self.max_bytes:
            # the oldest rows, until half the bound is left
            db.execute(
                "DELETE FROM answers WHERE n <= (SELECT n FROM (SELECT n, sum(size) OVER "
                "(ORDER BY n DESC) AS newer FROM answers) WHERE newer > ? ORDER BY n DESC "
                "LIMIT 1)",
                (self.max_bytes // 2,),
            )

    def forget_others(self, generation: str) -> None:
        """Delete the answers of every generation but ``generation`` (a write happened)."""
        try:
            self._db().execute("DELETE FROM answers WHERE generation != ?", (generation,))
        except sqlite3.Error:
            return


class ResponseCache:
    """An ASGI middleware keeping GET answers of read endpoints per database generation.

    ``generation`` reads the current generation (it must change with every write
    the answers depend on); ``max_bytes`` bounds the bodies kept (least recently
    used go first; 0 keeps none, but ETags and 304 still work). ``shared``, when
    given, is looked up before reading an answer, and keeps what this one reads.
    """

    def __init__(
        self,
        app: Any,
        *,
        generation: Callable[[], str],
        max_bytes: int = DEFAULT_CACHE_BYTES,
        shared: SharedAnswers | None = None,
    ) -> None:
        self.app = app
        self.generation = generation
        self.max_bytes = max_bytes
        self.shared = shared if max_bytes > 0 else None
        self.shared_hits = 0
        self.entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self.size = 0
        self.current: str | None = None
        self.hits = 0
        self.misses = 0
        self.raced = 0  # bodies sent but not kept: a write committed while they were read

    def clear(self) -> None:
        """Forget every kept answer."""
        self.entries.clear()
        self.size = 0

    def _keep(self, key: tuple[str, bytes], entry: _Entry) -> None:
        if self.max_bytes <= 0 or len(entry.body) > min(MAX_ENTRY_BYTES, self.max_bytes):
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _key, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)

    def _unchanged(self, generation: str) -> bool:
        """Whether no write committed while a body was read under ``generation``.

        The generation read before the endpoint ran is not the one its reads saw if a
        write committed while they ran: the body may then hold rows of both (a page
        read before the commit, its counts after). Only a body whose generation is
        the same after the read as before is kept, so every kept body is what one
        generation of the database gives (as the type-value cache in
        sitrep.views.queries reads the generation with the values it keeps).
        """
        try:
            after = self.generation()
        except Exception:  # unreachable now: keep nothing, the next request asks again
            return False
        if after != generation:
            self.raced += 1
            return False
        return True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not cacheable(scope["path"]):
            await self.app(scope, receive, send)
            return
        try:
            generation = self.generation()
        except Exception:  # the database is unreachable: the endpoint says so (503)
            await self.app(scope, receive, send)
            return
        if generation != self.current:
            # a write happened: nothing kept before it may be sent again
            self.clear()
            if self.shared is not None and self.current is not None:
                self.shared.forget_others(generation)
            self.current = generation
        key = (scope["path"], scope["query_string"])
        if_none_match = next(
            (v.decode("latin-1") for k, v in scope["headers"] if k == b"if-none-match"), None
        )
        entry = self.entries.get(key)
        if entry is not None:
            self.hits += 1
            self.entries.move_to_end(key)
            await self._send(send, entry, if_none_match)
            return
        if self.shared is not None:
            entry = self.shared.get(key, generation)
            if entry is not None:
                self.shared_hits += 1
                self._keep(key, entry)
                await self._send(send, entry, if_none_match)
                return
        self.misses += 1
        start: dict[str, Any] = {}
        chunks: list[bytes] = []
        passthrough = False

        async def capture(message: Any) -> None:
            nonlocal passthrough
            if passthrough:
                await send(message)
            elif message["type"] == "http.response.start":
                start.update(message)
                if message["status"] != 200:
                    passthrough = True  # errors are sent as they are, not kept
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    body = b"".join(chunks)
                    headers = [
                        (k, v)
                        for k, v in start.get("headers", [])
                        if k.lower() not in (b"content-length", b"etag")
                    ]
                    fresh = _Entry(headers, body, etag_of(body))
                    if generation == self.current and self._unchanged(generation):
                        self._keep(key, fresh)
                        if self.shared is not None:
                            self.shared.put(key, generation, fresh)
                    await self._send(send, fresh, if_none_match)
            else:
                await send(message)

        await self.app(scope, receive, capture)

    @staticmethod
    async def _send(send: Any, entry: _Entry, if_none_match: str | None) -> None:
        etag = entry.etag.encode("ascii")
        if if_none_match is not None and _matches(if_none_match, entry.etag):
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]})
            await send({"type": "http.response.body", "body": b""})
            return
        headers = [
            *entry.headers,
            (b"content-length", str(len(entry.body)).encode("ascii")),
            (b"etag", etag),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": entry.body})
