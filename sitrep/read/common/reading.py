"""What a language reader yields, what it reads with, and the interface it implements."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sitrep.core.records import Article, Claim, Mention, Sentence

if TYPE_CHECKING:
    from sitrep.core.config import Config
    from sitrep.read.classify.model import EventClassifier
    from sitrep.resolve.actors import ActorDictionary
    from sitrep.resolve.gazetteer import Gazetteer


@dataclass(frozen=True)
class ArticleReading:
    """Everything sitrep read in one article: sentences, claims and mentions."""

    article: Article
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...]
    candidates: int = 0  # how many sentences went to the parser


__all__ = ["ArticleReading", "Reader", "ReaderFactory", "ReadingTools"]


class ReadingTools(Protocol):
    """The loaded resources a reader reads with (the :class:`~sitrep.read.extractor.Extractor`
    holds them, loaded on first use, one set per process)."""

    @property
    def config(self) -> Config: ...

    @property
    def gazetteer(self) -> Gazetteer: ...

    @property
    def actors(self) -> ActorDictionary: ...

    @property
    def nlp(self) -> Any: ...

    @property
    def classifier(self) -> EventClassifier | None: ...


class Reader(Protocol):
    """A language reader: articles of its language in, one outcome per article out."""

    def read_chunk(
        self, articles: Sequence[Article], *, batch_size: int
    ) -> list[ArticleReading | Exception]:
        """Read ``articles`` (all of the reader's language); one outcome per article, in
        order: its reading, or the exception that stopped it, so that one bad article
        does not cost the others theirs. ``batch_size`` is for readers that parse."""
        ...


#: Builds a language's reader around the loaded resources (once per extractor, so a
#: reader's caches live as long as the resources they derive from).
ReaderFactory = Callable[[ReadingTools], Reader]
