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
    """Skip, saying how to enable it, when the evaluation data is absent."""
    return pytest.mark.skipif(
        not (SHARED / "seeds").is_dir(),
        reason="needs ../shared (the evaluation data; CI has it): set it up beside the repo",
    )
