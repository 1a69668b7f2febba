"""The extractor: loaded resources plus the dispatch of articles to their language's reader.

:class:`Extractor` holds what every reader reads with (config, gazetteer, actor
dictionary, spaCy pipeline, event classifier), each loaded on first use, and
hands every article to the reader the registry (:mod:`sitrep.read.registry`)
gives its language: English, Persian, and whatever language package registers
itself. The readers yield the same records
(:class:`~sitrep.read.common.reading.ArticleReading`), resolved to the same actors
and places, so the stages after reading do not know the language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sitrep.core.config import Config
from sitrep.core.records import Article
from sitrep.core.resources import load_actors, load_classifier, load_gazetteer, load_nlp
from sitrep.read.classify.model import EventClassifier
from sitrep.read.common.reading import ArticleReading, Reader
from sitrep.read.registry import reader_for
from sitrep.resolve.actors import ActorDictionary
from sitrep.resolve.gazetteer import Gazetteer

__all__ = ["DEFAULT_BATCH", "DEFAULT_CHUNK", "Extractor"]

# Articles read per spaCy call, and spaCy's own batch size within that call.
DEFAULT_CHUNK = 32
DEFAULT_BATCH = 128


class Extractor:
    """Reads articles into mentions. Holds the loaded resources; reuse one per process."""

    def __init__(
        self,
        config: Config,
        *,
        gazetteer: Gazetteer | None = None,
        actors: ActorDictionary | None = None,
        nlp: Any = None,
        classifier: EventClassifier | None | str = "config",
    ) -> None:
        self.config = config
        self._gazetteer = gazetteer
        self._actors = actors
        self._nlp = nlp
        # "config": the model config.event_model selects, loaded on first use
        self._classifier = classifier
        # language -> its reader, built on first use around these resources
        self._readers: dict[str, Reader] = {}

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.config)
        return self._gazetteer

    @property
    def actors(self) -> ActorDictionary:
        if self._actors is None:
            self._actors = load_actors(self.config)
        return self._actors

    @property
    def classifier(self) -> EventClassifier | None:
        """The event classifier (None: the trigger lexicon alone types events)."""
        if isinstance(self._classifier, str):
            self._classifier = load_classifier(self.config)
        return self._classifier

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_nlp(self.config.spacy_model)
        return self._nlp

    def reader(self, language: str | None) -> Reader:
        """The reader of articles in ``language`` (English for a language without one)."""
        code, factory = reader_for(language)
        if code not in self._readers:
            self._readers[code] = factory(self)
        return self._readers[code]

    # -- reading ------------------------------------------------------------

    def read(self, article: Article) -> ArticleReading:
        """Read one article with its language's reader (``sitrep.read.<language>``)."""
        outcome = self.read_chunk([article])[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def read_many(
        self,
        articles: Iterable[Article],
        *,
        chunk_size: int = DEFAULT_CHUNK,
        batch_size: int = DEFAULT_BATCH,
    ) -> Iterator[ArticleReading]:
        """Read articles in order, ``chunk_size`` at a time (streaming).

        Each chunk's candidate sentences go to spaCy together, in batches of
        ``batch_size`` (see :meth:`read_chunk`). The first article that fails
        raises its error.
        """
        chunk: list[Article] = []
        for article in articles:
            chunk.append(article)
            if len(chunk) >= chunk_size:
                yield from self._raise_failures(self.read_chunk(chunk, batch_size=batch_size))
                chunk = []
        if chunk:
            yield from self._raise_failures(self.read_chunk(chunk, batch_size=batch_size))

    @staticmethod
    def _raise_failures(
        outcomes: list[ArticleReading | Exception],
    ) -> Iterator[ArticleReading]:
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
            yield outcome

    def read_chunk(
        self, articles: Sequence[Article], *, batch_size: int = DEFAULT_BATCH
    ) -> list[ArticleReading | Exception]:
        """Read several articles; one outcome per article, in order.

        The articles of each language go to that language's reader together (the
        English reader parses all of a chunk's candidate sentences with one spaCy
        call, see :meth:`sitrep.read.en.extract.EnglishReader.read_chunk`). An
        article that fails yields its exception in its place, so one bad article
        does not cost the others their reading.
        """
        by_reader: dict[int, tuple[Reader, list[int]]] = {}
        for n, article in enumerate(articles):
            reader = self.reader(article.language)
            by_reader.setdefault(id(reader), (reader, []))[1].append(n)
        outcomes: list[ArticleReading | Exception | None] = [None] * len(articles)
        for reader, positions in by_reader.values():
            read = reader.read_chunk([articles[n] for n in positions], batch_size=batch_size)
            for n, outcome in zip(positions, read, strict=True):
                outcomes[n] = outcome
        done: list[ArticleReading | Exception] = []
        for got in outcomes:
            assert got is not None  # every position belongs to one reader
            done.append(got)
        return done
