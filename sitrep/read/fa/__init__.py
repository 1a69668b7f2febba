"""Reading Persian news reports into the same records as English ones.

:func:`read_persian` is what :meth:`sitrep.read.en.extract.Extractor.read` calls for an
article whose ``language`` is ``"fa"``. The package's modules: ``text``
(folding with offsets, sentences, tokens), ``dates`` (Jalali and Gregorian
dates, weekdays, relative dates), ``attribution`` (outlets and speakers),
``triggers`` (Persian event wording -> ACLED families), ``places`` (Persian
spellings, reference points, anaphora) and ``extract`` (the reader).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.core.records import Article
    from sitrep.read.en.extract import ArticleReading, Extractor


def read_persian(extractor: Extractor, article: Article) -> ArticleReading:
    """Sentences, claims and mentions of a Persian article (see :mod:`sitrep.read.fa.extract`)."""
    from sitrep.read.fa.extract import read_persian as read

    return read(extractor, article)
