"""The README documents every command, and every setting is documented in defaults.toml."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from sitrep.core.config import Config
from sitrep.faces.cli.main import _attach_subgroups, cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_is_in_the_readme() -> None:
    _attach_subgroups()
    for name in cli.commands:
        assert f"`{name}" in README, f"README does not document `sitrep {name}`"


def test_every_command_has_help() -> None:
    _attach_subgroups()
    runner = CliRunner()
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"], obj={})
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_every_setting_is_documented_in_defaults() -> None:
    text = resources.files("sitrep").joinpath("data/defaults.toml").read_text("utf-8")
    values = tomllib.loads(text)
    assert set(values) == set(Config.__dataclass_fields__)
    for key in values:
        before = text.split(f"\n{key} =")[0]
        assert before.rstrip().splitlines()[-1].startswith("#"), f"{key} has no comment"


ROOT = Path(__file__).resolve().parent.parent
SECURITY = (ROOT / "SECURITY.md").read_text("utf-8")
# `test_file.py`, `test_file.py::test_name`, or `::test_name` (of the last file named)
_TEST_REF = re.compile(r"`(?:tests/)?(test_\w+\.py)?(?:::(\w+))?`")


def test_security_md_names_tests_that_exist() -> None:
    """Every test SECURITY.md gives as evidence (the ASVS table and the rest) is a test
    function in that file: a renamed or deleted test cannot leave a claim unbacked."""
    current: str | None = None
    named = 0
    missing = []
    for match in _TEST_REF.finditer(SECURITY):
        file, name = match.groups()
        if file:
            current = file
            assert (ROOT / "tests" / file).is_file(), f"SECURITY.md names {file}: no such file"
        if name:
            assert current, f"SECURITY.md names ::{name} before any test file"
            source = (ROOT / "tests" / current).read_text("utf-8")
            if not re.search(rf"^(async )?def {name}\(", source, re.M):
                missing.append(f"{current}::{name}")
            named += 1
    assert not missing, f"SECURITY.md names tests that do not exist: {missing}"
    assert named >= 30  # the table is there, not parsed away


def test_readme_durability_is_what_the_store_sets_and_the_harness_tests(tmp_path: Path) -> None:
    """The README's durability statement names the SQLite settings a store opens with,
    and the numbers of the kill harness that tests it (kills per scenario, 2 s for
    orphaned workers) are the harness's own."""
    import sqlite3

    from sitrep.store import open_store

    durability = README.split("### Durability", 1)[1].split("\n## ", 1)[0]
    db = tmp_path / "d.db"
    with open_store(str(db)) as store, store.engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert (journal, synchronous) == ("wal", 1)  # 1: NORMAL
    assert "`journal_mode=WAL`" in durability and "`synchronous=NORMAL`" in durability
    with sqlite3.connect(db) as raw:  # WAL is kept in the file: every later opener has it
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    harness = (ROOT / "tests" / "test_killsafe.py").read_text("utf-8")
    kills = re.search(r'SITREP_KILLS", "(\d+)"', harness)
    orphan = re.search(r"ORPHAN_SECONDS = ([\d.]+)", harness)
    assert kills and orphan
    assert f"{kills.group(1)} times per scenario" in durability
    assert f"within {float(orphan.group(1)):g} s" in durability
