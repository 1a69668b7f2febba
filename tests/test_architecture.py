"""Guards on the shape of the package: no import cycles, faces that do not reach into the
store's tables, and a command line that starts without the heavy libraries.

The imports are read from the source with ``ast`` (nothing is imported): every
``import`` and ``from ... import`` of a module, at module level or inside a function,
relative ones resolved, except those under ``if TYPE_CHECKING:``, which never run.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sitrep"


@dataclass(frozen=True)
class Import:
    """One imported module (and the names taken from it), where it is imported."""

    module: str
    names: tuple[str, ...]
    line: int


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (packages by their ``__init__``)."""
    return {
        module_name(p): p
        for p in sorted(PACKAGE.rglob("*.py"))
        if "node_modules" not in p.parts and "static" not in p.parts
    }


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree``, leaving out the bodies of ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.If) and _type_checking(node.test):
            stack.extend(node.orelse)
            continue
        stack.extend(ast.iter_child_nodes(node))


def imports(name: str, path: Path) -> list[Import]:
    """The modules ``name`` (at ``path``) imports, relative imports resolved."""
    is_package = path.name == "__init__.py"
    out = []
    for node in _nodes(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            out.extend(Import(a.name, (), node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # `from . import x` in a package's __init__ is relative to the package
                # itself; in a plain module, to the package holding it
                base = name.split(".")
                keep = len(base) - node.level + (1 if is_package else 0)
                if keep < 1:
                    raise AssertionError(f"{path}:{node.lineno}: relative import above the top")
                target = ".".join(base[:keep] + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append(Import(target, tuple(a.name for a in node.names), node.lineno))
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports.

    ``from pkg import sub`` counts as importing ``pkg.sub`` when that is a module,
    and as importing ``pkg`` (its ``__init__``) when it is a name defined there.
    """
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        edges = graph.setdefault(name, set())
        for imp in imports(name, path):
            subs = {f"{imp.module}.{n}" for n in imp.names} & known.keys()
            if subs:
                edges |= subs
            if imp.module in known and (not imp.names or len(subs) < len(imp.names)):
                edges.add(imp.module)
        edges.discard(name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """Per knot of modules that import one another (a strongly connected component,
    Tarjan's algorithm): one cycle through it (a list of modules, the first repeated
    at the end) and every module of the knot."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    knots: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            knot = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                knot.add(w)
                if w == v:
                    break
            if len(knot) > 1:
                knots.append(knot)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return [(_one_cycle(graph, knot), sorted(knot)) for knot in knots]


def _one_cycle(graph: dict[str, set[str]], knot: set[str]) -> list[str]:
    """The shortest way round from the knot's first module back to itself."""
    start = min(knot)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for v in frontier:
            for w in sorted(graph[v] & knot):
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if w not in came_from:
                    came_from[w] = v
                    following.append(w)
        frontier = following
    raise AssertionError(f"no way round {sorted(knot)}")  # a knot always has one


def where(importer: str, imported: str) -> str:
    """The lines of ``importer`` that import ``imported`` (for the failure message)."""
    path = modules()[importer]
    lines = [
        str(i.line)
        for i in imports(importer, path)
        if i.module == imported or imported in {f"{i.module}.{n}" for n in i.names}
    ]
    return f"{importer} imports {imported} at {path.relative_to(ROOT)}:{','.join(lines)}"


# -- the checker itself, on small made-up graphs -------------------------------------------


def test_cycles_are_found_and_printed_round() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [(["a", "b", "c", "a"], ["a", "b", "c"])]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_are_read_at_every_level_but_type_checking(tmp_path: Path) -> None:
    path = tmp_path / "mod.py"
    path.write_text(
        "from typing import TYPE_CHECKING\n"
        "import sitrep.store\n"
        "from . import sibling\n"
        "from ..core.config import Config\n"
        "if TYPE_CHECKING:\n"
        "    from sitrep.faces.web import app\n"
        "else:\n"
        "    import sitrep.views\n"
        "def f():\n"
        "    from sitrep.read import typology\n",
        "utf-8",
    )
    found = sorted((i.module, i.names) for i in imports("sitrep.read.mod", path))
    assert found == [
        ("sitrep.core.config", ("Config",)),
        ("sitrep.read", ("sibling",)),
        ("sitrep.read", ("typology",)),
        ("sitrep.store", ()),
        ("sitrep.views", ()),
        ("typing", ("TYPE_CHECKING",)),
    ]
    init = tmp_path / "__init__.py"
    init.write_text("from .a import b\n", "utf-8")
    assert [i.module for i in imports("sitrep.read", init)] == ["sitrep.read.a"]


def test_the_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "sitrep.faces.cli.main" in graph and "sitrep.store" in graph
    assert "sitrep.core.config" in graph["sitrep.faces.cli.main"]


# -- the guards -------------------------------------------------------------------------------


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    report = [
        " -> ".join(cycle)
        + "\n    "
        + "\n    ".join(where(a, b) for a, b in zip(cycle, cycle[1:], strict=False))
        + f"\n    (the knot: {', '.join(knot)})"
        for cycle, knot in found
    ]
    assert not found, "import cycles in sitrep/:\n" + "\n".join(report)


def _table_modules() -> tuple[set[str], set[str]]:
    """The store's modules that define tables, and the names of those tables."""
    defining, names = set(), set()
    for name, path in modules().items():
        if name != "sitrep.store" and not name.startswith("sitrep.store."):
            continue
        for node in ast.parse(path.read_text("utf-8")).body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", getattr(node.value.func, "attr", "")) == "Table"
            ):
                defining.add(name)
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return defining, names


def test_the_store_tables_are_found() -> None:
    defining, names = _table_modules()
    assert defining and {"events", "articles"} <= names


def test_faces_reach_the_store_only_through_the_library() -> None:
    defining, tables = _table_modules()
    bad = []
    for name, path in modules().items():
        if not name.startswith("sitrep.faces"):
            continue
        for imp in imports(name, path):
            rel = f"{path.relative_to(ROOT)}:{imp.line}"
            if imp.module == "sqlalchemy" or imp.module.startswith("sqlalchemy."):
                bad.append(f"{rel}: imports {imp.module}")
            elif imp.module in defining and set(imp.names) & tables:
                bad.append(f"{rel}: takes the tables {sorted(set(imp.names) & tables)}")
            elif imp.module in defining and not imp.names and imp.module != "sitrep.store":
                bad.append(f"{rel}: imports the schema module {imp.module}")
            elif {f"{imp.module}.{n}" for n in imp.names} & defining - {"sitrep.store"}:
                bad.append(f"{rel}: imports the schema module from {imp.module}")
    assert not bad, "faces/ must go through the library, not the schema:\n" + "\n".join(bad)


HEAVY = ("spacy", "fastapi", "starlette", "uvicorn", "sitrep.resolve.gazetteer")


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    # A fresh interpreter: this one has loaded everything already.
    probe = (
        "import json, sys\n"
        "from click.testing import CliRunner\n"
        "import sitrep.faces.cli.main as m\n"
        f"heavy = {HEAVY!r}\n"
        "at_import = [h for h in heavy if h in sys.modules]\n"
        "result = CliRunner().invoke(m.cli, ['--help'], obj={})\n"
        "assert result.exit_code == 0, result.output\n"
        "at_help = [h for h in heavy if h in sys.modules]\n"
        "print(json.dumps({'import': at_import, 'help': at_help}))\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"import": [], "help": []}, (
        "importing sitrep.faces.cli.main (or `sitrep --help`) loads "
        f"{loaded}; import them inside the commands that need them"
    )
