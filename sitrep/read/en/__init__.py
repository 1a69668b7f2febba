"""Reading English news reports (and, by default, reports in a language without a
reader of its own).

The package's modules: ``attribution`` (outlets and speakers), ``dates`` (time
expressions) and ``extract`` (the reader, :class:`~sitrep.read.en.extract.EnglishReader`).
Importing the package registers the reader for ``en``
(:mod:`sitrep.read.registry`); its modules load when the first English article
is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.read.registry import register

if TYPE_CHECKING:
    from sitrep.read.common.reading import Reader, ReadingTools


def english_reader(tools: ReadingTools) -> Reader:
    """The English reader around loaded resources (see :mod:`sitrep.read.en.extract`)."""
    from sitrep.read.en.extract import EnglishReader

    return EnglishReader(tools)


register("en", english_reader)
