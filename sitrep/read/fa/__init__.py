"""Reading Persian news reports into the same records as English ones.

Importing the package registers the Persian reader for ``fa``
(:mod:`sitrep.read.registry`): the :class:`~sitrep.read.extractor.Extractor`
sends every article whose ``language`` is ``"fa"`` to :func:`read_persian`. The
package's modules: ``text`` (folding with offsets, sentences, tokens), ``dates``
(Jalali and Gregorian dates, weekdays, relative dates), ``attribution`` (outlets
and speakers), ``triggers`` (Persian event wording -> ACLED families), ``places``
(Persian spellings, reference points, anaphora) and ``extract`` (the reader).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sitrep.read.registry import register

if TYPE_CHECKING:
    from sitrep.core.records import Article
    from sitrep.read.common.reading import ArticleReading, ReadingTools


def read_persian(tools: ReadingTools, article: Article) -> ArticleReading:
    """Sentences, claims and mentions of a Persian article (see :mod:`sitrep.read.fa.extract`)."""
    from sitrep.read.fa.extract import read_persian as read

    return read(tools, article)


class PersianReader:
    """The Persian reader: one article at a time (it parses nothing, so a chunk gains
    nothing from reading its articles together)."""

    def __init__(self, tools: ReadingTools) -> None:
        self.tools = tools

    def read_chunk(
        self, articles: Sequence[Article], *, batch_size: int = 0
    ) -> list[ArticleReading | Exception]:
        """One outcome per article, in order: its reading or the exception that stopped it."""
        outcomes: list[ArticleReading | Exception] = []
        for article in articles:
            try:
                # looked up in the module at each call, so a test may stand in for it
                outcomes.append(read_persian(self.tools, article))
            except Exception as exc:  # noqa: BLE001 - reported per article by the caller
                outcomes.append(exc)
        return outcomes


register("fa", PersianReader)
