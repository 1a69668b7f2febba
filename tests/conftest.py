"""Shared fixtures: one settings object with a private cache, a fresh database per test."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.core.config import Config, default_config
from sitrep.core.errors import ConfigError
from sitrep.core.records import Article, Mention, Status
from sitrep.quality.evaluation import common as evaluation_common
from sitrep.read.en.extract import Extractor
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.store import Store, open_store


@pytest.fixture(scope="session")
def app_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """Defaults with the gazetteer cached in a session tmp folder (built once), on one
    process (ingest's default is every core; tests that want a pool ask for one)."""
    private = tmp_path_factory.mktemp("sitrep-cache")
    config = default_config().with_(cache_dir=str(private), workers=1)
    seed_cache(default_config(), config)
    return config


def seed_cache(source: Config, target: Config) -> list[Path]:
    """Copy the built gazetteer and default event model from ``source``'s cache into
    ``target``'s when they are built from this checkout's code and data; the copies made.

    `make test` runs after `make install`, which builds both into the user's cache.
    Each test worker (and each session) otherwise built its own again in its private
    cache: about 2 CPU-minutes per worker, most of a worker's first reading test. The
    file names are keys of everything the files are built from (data, code, package
    versions, settings), so a file of the same name is the same build; a missing or
    stale one is simply not copied, and the tests build it as before. Copies keep
    the modification time, which the model's plain-pickle copy is checked against.
    """
    from sitrep.read.classify import default_model_path
    from sitrep.resolve.gazetteer import cache_file

    pairs = [(cache_file(source), cache_file(target))]
    model, model_copy = default_model_path(source), default_model_path(target)
    if model is not None and model_copy is not None:
        pairs.append((model, model_copy))
        pairs.append((model.with_suffix(".pickle"), model_copy.with_suffix(".pickle")))
    copied = []
    for built, copy in pairs:
        if copy.exists() or not built.is_file() or built.resolve() == copy.resolve():
            continue
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copy2(built, copy)
        except OSError:  # a copy that fails leaves the build to the test, as before
            copy.unlink(missing_ok=True)
            continue
        copied.append(copy)
    return copied


@pytest.fixture(scope="session")
def extractor(app_config: Config) -> Extractor:
    return Extractor(app_config)


@pytest.fixture(scope="session")
def world(app_config: Config) -> Gazetteer:
    """The application's world gazetteer, loaded once per test process (nine place-test
    files each loaded their own, a 41 MB file read again per module)."""
    return Gazetteer.load(app_config)


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture()
def store(db_path: Path) -> Store:
    with open_store(str(db_path)) as s:
        yield s  # type: ignore[misc]


# -- the `shared` marker: the one way a test says it reads ../shared ---------------------
#
# A test that reads the evaluation data in ../shared carries `@pytest.mark.shared`;
# nothing else (no skipif, no helper). `make test` runs `-m "not shared"`, `make eval`
# runs `-m shared`; where the data is absent the marked tests are skipped, saying why.
# An unmarked test that reaches ../shared through the evaluation helpers fails on
# every machine (see `_shared_needs_the_marker`), not only on one without the data.


def _shared_present() -> bool:
    """Whether the evaluation data is where the evaluations look for it."""
    try:
        _SHARED_ROOT()
    except ConfigError:
        return False
    return True


# -- running on several processes (`make test`: pytest-xdist, `-n N --dist loadfile`) -----
#
# Each test file runs whole on one worker, in its order, with its module fixtures built
# once; the files that reach the one PostgreSQL test database (each drops its tables for a
# clean run) count as one file, so two of them never run at the same time; so do the
# browser tests (`worker_scope`). xdist's `loadgroup` marks would say this per test, but
# xdist 3.8 renames node ids in a way pytest 9 ignores: the scheduler decides by path.


def _reaches_postgres(path: Path) -> bool:
    """Whether the test file at ``path`` uses the PostgreSQL test server."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return False
    return "SITREP_TEST_POSTGRES_URL" in source or "PG_URL" in source


def worker_scope(root: Path, path: str) -> str:
    """The scope a test file runs in on pytest-xdist workers: scopes run one at a time
    each, on one worker. The test files using PostgreSQL share "postgres"; the browser
    tests share "browser" (one Chromium at a time, as in one process: they wait for the
    page with timeouts that two pages rendering at once on two cores could pass)."""
    if _reaches_postgres(root / path):
        return "postgres"
    return "browser" if Path(path).name.startswith("test_browser") else path


@pytest.hookimpl(optionalhook=True)  # a pytest-xdist hook: unknown without it
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    scopes: dict[str, str] = {}

    class FileOrShared(LoadFileScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if path not in scopes:
                scopes[path] = worker_scope(config.rootpath, path)
            return scopes[path]

    return FileOrShared(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _skip_shared_without_data(items)


def _skip_shared_without_data(items: list[pytest.Item]) -> None:
    if not any(item.get_closest_marker("shared") for item in items) or _shared_present():
        return
    skip = pytest.mark.skip(
        reason="needs ../shared (the evaluation data; CI has it): put it beside the repo "
        "or set SITREP_SHARED"
    )
    for item in items:
        if item.get_closest_marker("shared"):
            item.add_marker(skip)


_SHARED_ROOT = evaluation_common.shared_root


def _refuse_shared(nodeid: str) -> Callable[[], Path]:
    def refuse() -> Path:
        raise ConfigError(
            f"{nodeid} reads ../shared: mark it `@pytest.mark.shared` "
            "(make test leaves it out, make eval runs it)"
        )

    refuse.refuses_shared = True  # type: ignore[attr-defined]
    return refuse


@pytest.fixture(autouse=True)
def _shared_needs_the_marker(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a test not marked `shared`, finding ../shared is an error naming the marker."""
    marked = request.node.get_closest_marker("shared") is not None
    wanted = _SHARED_ROOT if marked else _refuse_shared(request.node.nodeid)
    # Each evaluation that imported the name holds its own reference to it, and one
    # imported during an unmarked test holds the refusal: set every one, each test.
    for name, module in list(sys.modules.items()):
        found = getattr(module, "shared_root", None) if name.startswith("sitrep.") else None
        if found is _SHARED_ROOT or getattr(found, "refuses_shared", False):
            monkeypatch.setattr(module, "shared_root", wanted)


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """An ASGI app on 127.0.0.1, on a free port, in a background thread; yields its URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # A keep-alive longer than any stall of a loaded test machine: with uvicorn's 5 s, a
    # server starved of CPU (the load test's 50 clients beside other jobs) closed a
    # connection whose next request it had not read yet, and the client saw a ReadError
    # that says nothing about the API's answers.
    srv = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", timeout_keep_alive=60)
    )
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
        sock.close()


def write_reports(
    path: Path,
    rows: list[tuple[str, str, str]],
    *,
    start: int = 0,
    extra: tuple[dict[str, str], ...] = (),
) -> Path:
    """Write (outlet, published, text) rows as a JSONL file of English articles, each
    with a title and its own URL (numbered from ``start``), then the ``extra`` items."""
    import json

    items = [
        {
            "outlet": o,
            "published": p,
            "title": f"{o} {p}",
            "language": "en",
            "text": t,
            "url": f"https://example.org/{o.replace(' ', '-').lower()}/{start + i}",
        }
        for i, (o, p, t) in enumerate(rows)
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [*items, *extra]), "utf-8")
    return path


def aged_files(folder: Path, names: list[str], *, since: int = 1_000_000) -> list[Path]:
    """Files ``names`` in ``folder``, each written one second after the one before it
    (from ``since``, seconds since the epoch), for tests of which cache files are kept."""
    out = []
    for n, name in enumerate(names):
        f = folder / name
        f.write_bytes(b"an older build")
        os.utime(f, (since + n, since + n))
        out.append(f)
    return out


def ingest_reports(config: Config, rows: list[tuple[str, str, str]], db: Path) -> str:
    """Store (outlet, published, text) rows as articles in the database ``db``; its path."""
    import json

    from sitrep.pipeline import ingest

    src = db.with_suffix(".jsonl")
    src.write_text(
        "\n".join(
            json.dumps({"outlet": o, "published": p, "text": t, "url": f"https://example.org/{i}"})
            for i, (o, p, t) in enumerate(rows)
        ),
        "utf-8",
    )
    with open_store(str(db)) as store:
        ingest([src], config=config, store=store, workers=1)
    return str(db)


# A PostgreSQL server for the tests that run on both databases (`.ci/run` starts one).
PG_URL = os.environ.get("SITREP_TEST_POSTGRES_URL")
# @pytest.mark.parametrize("backend", SQL_BACKENDS): SQLite, and PostgreSQL when a server is set
SQL_BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL, reason="no PostgreSQL server: set SITREP_TEST_POSTGRES_URL"
        ),
    ),
]


def place_ids(world: Gazetteer, text: str) -> dict[str, int]:
    """The place id of each name ``world`` finds in ``text``, by the words matched (the
    place-name tests' one summary of a reading; a name found twice keeps its last place)."""
    return {m.matched_text: m.place.id for m in world.find(text)}


def read_wire(
    extractor: Extractor, text: str, day: str = "2017-11-20", *, outlet: str = "Test Wire"
) -> list[Mention]:
    """What ``extractor`` reads in ``text``, an English report of ``outlet`` published on
    ``day`` (the reader tests' one way to read a sentence)."""
    article = Article.make(text, language="en", outlet=outlet, published_at=date.fromisoformat(day))
    return list(extractor.read(article).mentions)


def read_persian(
    extractor: Extractor, text: str, day: date, *, outlet: str = "Tolo"
) -> list[Mention]:
    """What ``extractor`` reads in ``text``, a Persian report of ``outlet`` published on
    ``day`` (``read_wire`` for the Persian reader's tests)."""
    article = Article.make(text, language="fa", outlet=outlet, published_at=day)
    return list(extractor.read(article).mentions)


def places_taken(mentions: list[Mention]) -> set[tuple[str, str | None]]:
    """(place name, taker name) of the takeovers among ``mentions`` told as having
    happened or as claimed (the multi-outlet trials' one summary of a reading)."""
    return {
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in territory_changes(mentions, Status.OCCURRED, Status.CLAIMED)
        if m.place
    }


def territory_mentions(mentions: list[Mention]) -> list[Mention]:
    """Every takeover, handover or withdrawal among ``mentions``, whatever its status (the
    tests that a wording gives no territory event at all)."""
    from sitrep.read.typology import TERRITORY_SUB_TYPES

    return [m for m in mentions if m.sub_event_type in TERRITORY_SUB_TYPES]


def gainers_read(extractor: Extractor, text: str, day: str, *statuses: Status) -> list[str | None]:
    """The gaining side of each takeover read in ``text`` (an English report of ``day``),
    told with one of ``statuses`` (default: as having happened); None where no side."""
    return [
        m.actor1.name if m.actor1 else None
        for m in territory_changes(read_wire(extractor, text, day), *statuses)
    ]


def places_read(
    extractor: Extractor, text: str, day: str, *statuses: Status, plain: bool = False
) -> list[str]:
    """The place of each takeover read in ``text``, as :func:`gainers_read` finds them
    ("" for one read without a place); ``plain``: the gazetteer's names without their
    marks ("Herāt" is "Herat")."""
    import unicodedata

    names = [
        m.place.place.name if m.place is not None else ""
        for m in territory_changes(read_wire(extractor, text, day), *statuses)
    ]
    if plain:
        return [unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode() for n in names]
    return names


def territory_changes(mentions: list[Mention], *statuses: Status) -> list[Mention]:
    """The takeovers among ``mentions`` told with one of ``statuses`` (default: as
    having happened), references left out (the trial-wording tests' one filter)."""
    from sitrep.read.typology import TERRITORY_SUB_TYPES

    wanted = statuses or (Status.OCCURRED,)
    return [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.status in wanted and not m.reference
    ]
