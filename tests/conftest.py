"""Shared fixtures: one settings object with a private cache, a fresh database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Config, default_config
from sitrep.extract import Extractor
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
