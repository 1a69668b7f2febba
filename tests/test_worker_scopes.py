"""`make test` runs test files on several pytest-xdist workers: the files that share an
outside resource (the PostgreSQL test database, Chromium) must share one scope."""

from __future__ import annotations

from pathlib import Path

from conftest import worker_scope

ROOT = Path(__file__).resolve().parent.parent


def test_files_using_postgres_share_one_scope() -> None:
    for name in ("test_postgres.py", "test_api_scale.py", "test_store_near_duplicates.py"):
        assert worker_scope(ROOT, f"tests/{name}") == "postgres"


def test_browser_files_share_one_scope_and_others_keep_their_own() -> None:
    assert worker_scope(ROOT, "tests/test_browser_page.py") == "browser"
    assert worker_scope(ROOT, "tests/test_browser.py") == "browser"
    assert worker_scope(ROOT, "tests/test_normalize.py") == "tests/test_normalize.py"
