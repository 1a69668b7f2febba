"""Per-client rate limiting for posted comments: a token bucket per client address.

Each client holds up to ``burst`` tokens, refilled at ``burst / period``
tokens a second; a post takes one. With no token left the client is told how
long to wait (the HTTP API answers 429 with ``Retry-After``). Buckets live in
memory, per process, unless ``shared`` is given: then the buckets live in the
database (``rate_buckets``), so every worker and process on it enforces one limit.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

# Past this many clients, full buckets (clients quiet for a whole period) are dropped.
MAX_CLIENTS = 10_000


class RateLimiter:
    """``burst`` actions per ``period`` seconds per key, with bursts up to ``burst``."""

    def __init__(
        self,
        burst: int,
        period: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        shared: Callable[[str, int, float, float], float] | None = None,
    ) -> None:
        if burst < 1 or period <= 0:
            raise ValueError(f"a rate limit needs burst >= 1 and period > 0, not {burst}/{period}")
        self.burst = burst
        self.period = period
        self.rate = burst / period  # tokens per second
        self.clock = clock
        # (key, burst, period, now) -> wait; wall-clock time, which processes share
        self.shared = shared
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, when)
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Take one token for ``key``: 0.0 when allowed, else the seconds to wait."""
        if self.shared is not None:
            return self.shared(key, self.burst, self.period, time.time())
        now = self.clock()
        with self._lock:
            tokens, when = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - when) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > MAX_CLIENTS:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def retry_after(self, wait: float) -> int:
        """A wait in whole seconds for the Retry-After header (at least 1)."""
        return max(1, math.ceil(wait))

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, (tokens, when) in self._buckets.items()
            if tokens + (now - when) * self.rate >= self.burst
        ]
        for k in full:
            del self._buckets[k]
