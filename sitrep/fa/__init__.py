"""Reading Persian reports (placeholder until the Persian reader lands)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..extract import ArticleReading, Extractor
    from ..records import Article


def read_persian(extractor: Extractor, article: Article) -> ArticleReading:
    """Sentences and claims of a Persian article; no events until the reader lands."""
    from ..attribution import attribute
    from ..extract import ArticleReading
    from ..text import split_sentences

    sentences = split_sentences(article.text)
    claims = attribute(article, sentences)
    return ArticleReading(article, tuple(sentences), tuple(claims), ())
