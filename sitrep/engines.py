"""Ingest engines beyond one process pool: read the articles on a Dask cluster.

The pipeline (:mod:`sitrep.pipeline`) reads articles in shards through a
:class:`~sitrep.pipeline.ShardEngine`; the one here sends each shard to a Dask
worker as a task running :func:`sitrep.pipeline.read_shard` (a plain function:
a Ray or Spark engine is the same few lines around another ``submit``). This
process (the client) still walks and parses the inputs, skips what the store
holds already, and stores the readings in input order, so the cluster needs no
database access nor shared disk, and a Dask run gives the same events, ids
included, as a local one.

Each worker needs sitrep installed with its models built (``make install``, or
``pip install sitrep[dask]`` then ``sitrep gazetteer build`` and
``sitrep model build``) and the same settings files where the config names
them. Dask is imported only here, when this engine is used.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.core.records import Article
from sitrep.pipeline import Outcome, read_shard

if TYPE_CHECKING:
    from distributed import Client, Future

log = logging.getLogger(__name__)

# Seconds to wait for the scheduler to answer, then for a first worker to join it.
CONNECT_TIMEOUT = 10.0
WORKER_TIMEOUT = 60.0
# Shards in flight per worker: enough that no worker waits for its next shard,
# few enough that the client's memory stays flat on an input of any size.
SHARDS_PER_WORKER = 4


class DaskUnavailable(SitrepError):
    """The Dask cluster could not be reached or used."""


DEFAULT_PORT = 8786  # Dask's, when an address names none


def _unreachable(address: str, exc: BaseException) -> DaskUnavailable:
    return DaskUnavailable(
        f"cannot reach the Dask scheduler at {address}: {exc}\n"
        "start one (`dask scheduler`, then `dask worker ADDRESS` on each machine) "
        "or check the address (tcp://HOST:PORT)"
    )


def _probe(address: str, timeout: float) -> None:
    """Fail at once on a TCP scheduler that nothing listens at (Dask itself would
    retry until its timeout); other protocols (tls://, ucx://) are left to Dask."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp":
        return
    try:
        host, port = parts.hostname, parts.port or DEFAULT_PORT
    except ValueError as exc:  # a port that is no number
        raise _unreachable(address, exc) from exc
    if not host:
        raise _unreachable(address, ValueError("no host in the address"))
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        raise _unreachable(address, exc) from exc


def _remote(config: Config) -> Config:
    """The config the workers get: they never open the database, so its URL (and any
    password in it) stays here; the same value each time, so each worker's models
    (:func:`read_shard`, keyed by config) are loaded once."""
    return dataclasses.replace(config, db="")


class DaskEngine:
    """Read shards on a Dask cluster: the scheduler at ``scheduler`` or, without
    one, a cluster of ``workers`` processes started on this machine.

    Use as a context manager: entering connects (or starts the local cluster),
    leaving disconnects (or stops it). A worker that dies while reading a shard
    has its shard retried by Dask on another worker (``distributed.scheduler.
    allowed-failures`` times); a shard that kills every worker it lands on is
    recorded as failed, article by article, with that reason, and the run goes on.
    """

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
        worker_timeout: float = WORKER_TIMEOUT,
    ) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.connect_timeout = connect_timeout
        self.worker_timeout = worker_timeout
        self._client: Client | None = None
        self._cluster: Any = None

    @property
    def address(self) -> str:
        """The scheduler's address (of the local cluster once started)."""
        if self._client is not None:
            return str(self._client.scheduler.address)
        return self.scheduler or "(local cluster)"

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - installed by `make`
            raise DaskUnavailable(
                "--engine dask needs Dask: pip install 'dask[distributed]' (or sitrep[dask])"
            ) from exc
        if self.scheduler is None:
            import os

            n = self.workers or os.cpu_count() or 1
            # processes, one thread each: spaCy holds the GIL, and each worker keeps
            # its own models; no dashboard, so nothing else listens on a port
            self._cluster = LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                host="127.0.0.1",
                # a worker slow to stop on a busy machine is killed: not worth a warning
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster)
            return self
        _probe(self.scheduler, self.connect_timeout)
        try:
            self._client = Client(self.scheduler, timeout=self.connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise _unreachable(self.scheduler, exc) from exc
        try:
            self._client.wait_for_workers(1, timeout=self.worker_timeout)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            raise DaskUnavailable(
                f"the Dask scheduler at {self.scheduler} has no workers "
                f"(none joined in {self.worker_timeout:.0f} s): start `dask worker "
                f"{self.scheduler}` on the machines that should read"
            ) from exc
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def worker_count(self) -> int:
        """Workers the scheduler knows now."""
        assert self._client is not None, "use DaskEngine as a context manager"
        return len(self._client.scheduler_info(n_workers=-1)["workers"])

    def warm(self, config: Config) -> None:
        """Load the models on every worker now, rather than on each one's first shard
        (for benchmarks that time the reading apart from the loading)."""
        assert self._client is not None, "use DaskEngine as a context manager"
        # the reader loads its models lazily: one short report that uses each of them
        report = Article.make(
            "Syrian government forces shelled Douma on Monday, killing 5 civilians, "
            "activists said. Iraqi troops retook Rawa from ISIS.",
            language="en",
            outlet="warm-up",
        )
        self._client.run(read_shard, [report], _remote(config))

    def map_shards(
        self, shards: Iterable[list[Article]], config: Config
    ) -> Iterator[list[Outcome]]:
        """Each shard read by :func:`read_shard` on a worker, in input order.

        At most ``SHARDS_PER_WORKER`` shards per worker are in flight, so the
        input streams through.
        """
        client = self._client
        assert client is not None, "use DaskEngine as a context manager"
        # the settings travel with each shard (half a kilobyte), not scattered once:
        # a shard re-run after its worker died needs nothing that died with it
        remote = _remote(config)
        window: deque[tuple[list[Article], Future]] = deque()
        try:
            limit = 0
            for i, shard in enumerate(shards):
                if i % 64 == 0:  # a cluster that grows (adapt, new jobs) gets more in flight
                    limit = SHARDS_PER_WORKER * max(1, self.worker_count())
                future = client.submit(read_shard, shard, remote, pure=False)
                window.append((shard, future))
                if len(window) >= limit:
                    yield self._outcomes(*window.popleft())
            while window:
                yield self._outcomes(*window.popleft())
        finally:
            # a run stopped early (a store error, Ctrl-C): drop what is still queued
            for _, future in window:
                future.cancel()

    def _outcomes(self, shard: list[Article], future: Future) -> list[Outcome]:
        from distributed import KilledWorker

        try:
            outcomes: list[Outcome] = future.result()
            return outcomes
        except KilledWorker as exc:
            # Dask retried it on other workers and each died: the shard itself is
            # the likely cause (an article that exhausts memory); fail its articles
            reason = (
                "the Dask worker reading it died, on every retry "
                f"(KilledWorker: {exc}); the rest of the run went on"
            )
            log.error("shard of %d articles failed: %s", len(shard), reason)
            return [(article, reason) for article in shard]
        except SitrepError:
            raise
        except Exception as exc:  # noqa: BLE001 - a worker that cannot read at all
            # read_shard never raises for an article; what escapes is a worker that
            # cannot build its reader or a lost scheduler: stop, what is stored stays
            raise DaskUnavailable(
                f"Dask ({self.address}) could not read a shard: {type(exc).__name__}: {exc}\n"
                "what was stored so far is intact: run the same ingest again to resume"
            ) from exc
