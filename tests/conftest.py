"""Shared fixtures: one settings object with a private cache, a fresh database per test."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from sitrep.core.config import Config, default_config
from sitrep.read.en.extract import Extractor
from sitrep.store import Store, open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def app_config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """Defaults with the gazetteer cached in a session tmp folder (built once)."""
    return default_config().with_(cache_dir=str(tmp_path_factory.mktemp("sitrep-cache")))


@pytest.fixture(scope="session")
def extractor(app_config: Config) -> Extractor:
    return Extractor(app_config)


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture()
def store(db_path: Path) -> Store:
    with open_store(str(db_path)) as s:
        yield s  # type: ignore[misc]


def needs_shared() -> pytest.MarkDecorator:
    """Mark a test that reads ../shared: `make eval` runs it, `make test` leaves it out,
    and it is skipped, saying why, where the data is absent."""
    return pytest.mark.shared


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if (SHARED / "seeds").is_dir() or (SHARED / "data").is_dir():
        return
    skip = pytest.mark.skip(
        reason="needs ../shared (the evaluation data; CI has it): put it beside the repo"
    )
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@contextmanager
def serve_app(app: Any) -> Iterator[str]:
    """An ASGI app on 127.0.0.1, on a free port, in a background thread; yields its URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
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
