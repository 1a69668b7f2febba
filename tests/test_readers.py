"""Language readers behind one interface: the registry, the dispatch, the walls between readers."""

from __future__ import annotations

import ast
from collections.abc import Collection, Sequence
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.records import Article
from sitrep.read import common, registry
from sitrep.read.common.reading import ArticleReading, ReadingTools
from sitrep.read.extractor import Extractor

READ = Path(__file__).resolve().parents[1] / "sitrep" / "read"


def _language_packages() -> list[str]:
    """The reader packages under sitrep/read/ (a folder named by a language code)."""
    return sorted(p.name for p in READ.iterdir() if p.is_dir() and registry._CODE.fullmatch(p.name))


def _imports(path: Path, modules: Collection[str] = ()) -> set[str]:
    """Every module a file imports (absolute imports; the code base uses no other).

    With ``modules`` (the module names there are), "from package import module"
    is the module only, as Python loads it; otherwise the package too.
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            names.update(subs)
            if not modules or any(n not in modules for n in subs):
                names.add(node.module)
    return names


def test_english_and_persian_are_reader_packages() -> None:
    assert {"en", "fa"} <= set(_language_packages())


def test_reader_for_knows_english_and_persian_and_falls_back_to_english() -> None:
    assert registry.reader_for("en")[0] == "en"
    assert registry.reader_for("fa")[0] == "fa"
    # no reader of their own: English reads them, as it always has
    for other in ("de", "FA", None, "", "classify", "common"):
        assert registry.reader_for(other)[0] == "en"
    assert {"en", "fa"} <= set(registry.registered())


def test_no_reader_imports_another_readers_names() -> None:
    languages = _language_packages()
    for lang in languages:
        others = [f"sitrep.read.{o}" for o in languages if o != lang]
        for path in (READ / lang).rglob("*.py"):
            bad = sorted(
                name
                for name in _imports(path)
                if any(name == o or name.startswith(o + ".") for o in others)
            )
            assert not bad, f"{path.relative_to(READ)} imports {bad}: use sitrep.read.common"


def test_shared_blocks_import_no_reader() -> None:
    for path in [*(READ / "common").rglob("*.py"), READ / "registry.py", READ / "extractor.py"]:
        bad = sorted(
            name
            for name in _imports(path)
            if any(name.startswith(f"sitrep.read.{lang}") for lang in _language_packages())
        )
        assert not bad, f"{path.relative_to(READ)} imports {bad}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(READ.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_import_cycle_inside_read() -> None:
    files = {_module_name(p): p for p in READ.rglob("*.py")}

    def inside(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph = {
        m: {t for n in _imports(p, files) if (t := inside(n)) and t != m} for m, p in files.items()
    }
    done: set[str] = set()

    def visit(m: str, path: list[str]) -> None:
        if m in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(m) :], m]))
        if m in done:
            return
        for t in sorted(graph[m]):
            visit(t, [*path, m])
        done.add(m)

    for m in sorted(graph):
        visit(m, [])


def test_the_common_package_names_every_block() -> None:
    for name in ("ArticleContext", "build_mention", "settle_denials", "DateMatch", "window"):
        assert name in common.__all__
        assert getattr(common, name) is not None


class _Echo:
    """A reader for a made-up language: one empty reading per article."""

    def __init__(self, tools: ReadingTools) -> None:
        self.tools = tools
        self.seen: list[str] = []

    def read_chunk(
        self, articles: Sequence[Article], *, batch_size: int
    ) -> list[ArticleReading | Exception]:
        self.seen.extend(a.id for a in articles)
        out: list[ArticleReading | Exception] = []
        for a in articles:
            if "broken" in a.text:
                out.append(ValueError("broken on purpose"))
            else:
                out.append(ArticleReading(a, (), (), ()))
        return out


def test_a_registered_language_gets_its_articles_in_order(
    app_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[_Echo] = []

    def factory(tools: ReadingTools) -> _Echo:
        made.append(_Echo(tools))
        return made[-1]

    monkeypatch.setitem(registry._READERS, "xx", factory)
    extractor = Extractor(app_config)
    articles = [
        Article.make("Eins.", language="xx"),
        Article.make("Zwei, broken.", language="xx"),
        Article.make("Drei.", language="xx"),
    ]
    out = extractor.read_chunk(articles)
    assert len(made) == 1 and made[0].tools is extractor  # one reader per extractor
    assert made[0].seen == [a.id for a in articles]
    assert isinstance(out[1], ValueError)
    assert [o.article.id for o in out if isinstance(o, ArticleReading)] == [
        articles[0].id,
        articles[2].id,
    ]
    extractor.read_chunk(articles[:1])
    assert len(made) == 1  # the reader lives as long as the extractor
    with pytest.raises(ValueError, match="broken on purpose"):
        list(extractor.read_many(articles))
