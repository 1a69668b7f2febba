"""The faces (command line, web app) go through the library, never around it.

They build no SQL and do not read the store's tables: that is what
``sitrep.api.Sitrep`` and ``sitrep.views`` are for, so the schema can change
without touching a face. Checked on the source, imports inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

FACES = Path(__file__).resolve().parents[1] / "sitrep" / "faces"
# What a face may name from the store: the handle, for type hints (no table, no schema).
STORE_NAMES_ALLOWED = {"Store", "open_store"}


def _imports(path: Path, package: str) -> list[tuple[int, str, str | None]]:
    """(line, module, name) for each import in a file of ``package`` (name None for
    ``import module``); relative imports are made absolute."""
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, module]).strip(".")
            found += [(node.lineno, module, alias.name) for alias in node.names]
    return found


def _package(path: Path) -> str:
    return ".".join(path.parent.relative_to(FACES.parent.parent).parts)


def _violations(path: Path, package: str) -> list[str]:
    bad = []
    for line, module, name in _imports(path, package):
        where = f"{path.name}:{line} ({package})"
        if module == "sqlalchemy" or module.startswith("sqlalchemy."):
            bad.append(f"{where} imports {module} (a face builds no SQL: use sitrep.api)")
        elif module == "sitrep" and name == "store":
            bad.append(f"{where} imports the store module (use sitrep.api)")
        elif (module == "sitrep.store" or module.startswith("sitrep.store.")) and (
            name is None or name not in STORE_NAMES_ALLOWED
        ):
            bad.append(f"{where} imports {name or module} from the store (use sitrep.api)")
    return bad


def test_faces_import_neither_store_tables_nor_sqlalchemy() -> None:
    files = sorted(FACES.rglob("*.py"))
    assert len(files) >= 8, "the faces package moved: point FACES at it"
    bad = [v for f in files for v in _violations(f, _package(f))]
    assert not bad, "\n".join(bad)


def test_the_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from sitrep.store import events, open_store\n"
        "from sqlalchemy import select\n"
        "from ...store import places\n"
        "from ... import store\n"
        "def f():\n    import sqlalchemy.orm\n    from sitrep.store.schema import actors\n",
        "utf-8",
    )
    found = _violations(sample, "sitrep.faces.cli")
    assert len(found) == 6, found
    assert not any("open_store" in v for v in found)
