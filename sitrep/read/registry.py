"""Language readers by language code: adding a language is adding a package.

A language package ``sitrep.read.<code>`` (``en``, ``fa``; ``ar`` next) calls
:func:`register` when it is imported, with a factory that builds its
:class:`~sitrep.read.common.reading.Reader` around the loaded resources.
:func:`reader_for` imports the package of a code it does not know yet, so no
module names the languages in advance; a code with no package (or one that
registers nothing) is read by the default reader, English.
"""

from __future__ import annotations

import importlib
import importlib.util
import re

from sitrep.read.common.reading import ReaderFactory

__all__ = ["DEFAULT_LANGUAGE", "reader_for", "register", "registered"]

#: The language of articles whose own has no reader (and of articles with none given).
DEFAULT_LANGUAGE = "en"
# Language codes that may name a reader package: ISO 639-1/639-3 (lower case).
_CODE = re.compile(r"[a-z]{2,3}")

# language code -> factory. Filled by the language packages as they are imported.
_READERS: dict[str, ReaderFactory] = {}


def register(language: str, factory: ReaderFactory) -> None:
    """Make ``factory`` build the reader of ``language`` (a later call replaces it)."""
    _READERS[language] = factory


def registered() -> tuple[str, ...]:
    """The language codes with a registered reader, sorted."""
    return tuple(sorted(_READERS))


def reader_for(language: str | None) -> tuple[str, ReaderFactory]:
    """The language whose reader reads an article of ``language``, and its factory.

    ``language`` itself when a reader is registered for it (its package is imported
    on first use), else :data:`DEFAULT_LANGUAGE`.
    """
    for code in (language, DEFAULT_LANGUAGE):
        if code is None:
            continue
        if code not in _READERS and _CODE.fullmatch(code):
            _import_package(code)
        if code in _READERS:
            return code, _READERS[code]
    raise LookupError(f"no reader for {language!r} and none for {DEFAULT_LANGUAGE!r}")


def _import_package(code: str) -> None:
    """Import ``sitrep.read.<code>`` when there is such a package (it registers itself)."""
    name = f"{__package__}.{code}"
    if importlib.util.find_spec(name) is not None:
        importlib.import_module(name)
