"""Polite HTTP for the follower: one client, per-host limits, robots.txt.

Every request carries the configured User-Agent; requests to one host (host
and port) start at least ``host_delay`` seconds apart and at most
``host_concurrency`` are in flight at once; a URL that the host's robots.txt
disallows for our agent is not fetched. Bodies are read as a stream and cut
off past ``max_bytes``, so a 20 MB page costs 5 MB of memory at most, not 20.
"""

from __future__ import annotations

import asyncio
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from sitrep.live.settings import FollowSettings


@dataclass(frozen=True)
class Fetched:
    """The outcome of one GET: a body, a 304 (``not_modified``), or an ``error``."""

    url: str
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """An async HTTP client that keeps to each host's limits and robots.txt."""

    def __init__(
        self, settings: FollowSettings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self.client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=True,
            transport=transport,
        )
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._turns: dict[str, asyncio.Lock] = {}
        self._next_start: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self.requests = 0

    async def close(self) -> None:
        await self.client.aclose()

    async def _wait_turn(self, host: str) -> None:
        """Sleep until this host may be sent another request."""
        lock = self._turns.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._next_start.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._next_start[host] = time.monotonic() + self.settings.host_delay

    async def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets our agent fetch ``url`` (fetched once per host).

        As RFC 9309 says: a robots.txt that does not exist (4xx) allows everything;
        one that cannot be reached (5xx, network error) allows nothing for now.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                got = await self._get(origin + "/robots.txt", {}, check_robots=False)
                parser: urllib.robotparser.RobotFileParser | None = None
                if got.error is None and got.status == 200:
                    parser = urllib.robotparser.RobotFileParser()
                    parser.parse(got.body.decode("utf-8", "replace").splitlines())
                elif 400 <= got.status < 500:
                    parser = None  # no rules: allowed
                else:
                    # unreachable: disallow this run, ask again next run
                    return False
                self._robots[origin] = parser
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    async def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """GET ``url`` politely; conditional when validators are given."""
        if not await self.allowed(url):
            return Fetched(url, error="disallowed by the site's robots.txt (or it is unreachable)")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return await self._get(url, headers, check_robots=True)

    async def _get(self, url: str, headers: dict[str, str], *, check_robots: bool) -> Fetched:
        host = urlsplit(url).netloc.lower()
        slot = self._slots.setdefault(host, asyncio.Semaphore(self.settings.host_concurrency))
        async with slot:
            await self._wait_turn(host)
            self.requests += 1
            try:
                # the client's timeout bounds each read; this bounds a server that trickles
                return await asyncio.wait_for(
                    self._read(url, headers), timeout=self.settings.timeout * 2
                )
            except TimeoutError:
                return Fetched(url, error=f"timed out after {self.settings.timeout * 2:g} s")
            except httpx.TimeoutException:
                return Fetched(url, error=f"timed out after {self.settings.timeout:g} s")
            except httpx.HTTPError as exc:
                return Fetched(url, error=f"request failed: {type(exc).__name__}: {exc}")

    async def _read(self, url: str, headers: dict[str, str]) -> Fetched:
        limit = self.settings.max_bytes
        async with self.client.stream("GET", url, headers=headers) as resp:
            common = {
                "url": str(resp.url),
                "status": resp.status_code,
                "content_type": resp.headers.get("content-type", ""),
                "etag": resp.headers.get("etag"),
                "last_modified": resp.headers.get("last-modified"),
            }
            if resp.status_code == 304:
                return Fetched(**common)
            if resp.status_code >= 400:
                return Fetched(**common, error=f"HTTP {resp.status_code} {resp.reason_phrase}")
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                return Fetched(**common, error=_too_big(int(declared), limit))
            chunks: list[bytes] = []
            size = 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    return Fetched(**common, error=_too_big(size, limit, more=True))
                chunks.append(chunk)
            return Fetched(**common, body=b"".join(chunks))


def _too_big(size: int, limit: int, *, more: bool = False) -> str:
    return (
        f"the response is {'over ' if more else ''}{size:,} bytes, over the limit of "
        f"{limit:,} (max_article_bytes); not read"
    )
