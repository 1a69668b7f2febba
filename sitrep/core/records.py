"""The records that flow through sitrep, as frozen dataclasses.

Article -> Sentence -> Claim -> Mention -> Event (see DESIGN.md). Records are
immutable and carry plain values only, so they pickle cheaply across a process
pool and compare by value in tests. Optional fields are keyword-only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


def short_hash(*parts: str, length: int = 16) -> str:
    """A stable hex id from text parts (sha256, truncated)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


class Status(StrEnum):
    """How a report presents an event."""

    OCCURRED = "occurred"  # told as fact by the source
    CLAIMED = "claimed"  # attributed to a party to the conflict, not confirmed by the source
    DENIED = "denied"  # someone says it did not happen
    EXPECTED = "expected"  # coming, planned, possible: not an event (yet)
    BACKGROUND = "background"  # a past fact the report recalls ("held since 2014")


class Precision(StrEnum):
    """Precision of a date, coarsest last. Names follow ACLED's time_precision idea."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class PlacePrecision(StrEnum):
    """What kind of place a location was resolved to."""

    CITY = "city"  # a populated place: city, town, village
    ADMIN1 = "admin1"  # a province / governorate
    COUNTRY = "country"
    ADMIN2 = "admin2"  # a district / county
    REGION = "region"  # a continent, sea or named region (Donbas, Darfur, the Sahel)


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` into an article's text, with the text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """One news report. ``id`` is derived from its content and outlet."""

    id: str
    text: str
    content_hash: str
    language: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: date | None = None
    origin: str | None = None  # where it was read from: path, path:line, URL
    #: The country the report is presumably about when it does not say (ISO3), such as a
    #: followed feed's default country: among namesakes the reader then prefers places
    #: there, unless the text itself points elsewhere. Not part of the id.
    country_hint: str | None = None

    @staticmethod
    def make(
        text: str,
        *,
        language: str,
        outlet: str | None = None,
        url: str | None = None,
        title: str | None = None,
        published_at: date | None = None,
        origin: str | None = None,
        country_hint: str | None = None,
    ) -> Article:
        """Build an article, deriving ``content_hash`` and ``id``.

        The id covers the text, outlet and publication date, so the same file
        ingested twice is one article, while the same wire story published by
        two outlets is two articles sharing a ``content_hash``.
        """
        content_hash = short_hash(" ".join(text.split()))
        pub = published_at.isoformat() if published_at else ""
        article_id = short_hash(content_hash, outlet or "", pub)
        return Article(
            id=article_id,
            text=text,
            content_hash=content_hash,
            language=language,
            outlet=outlet,
            url=url,
            title=title,
            published_at=published_at,
            origin=origin,
            country_hint=country_hint,
        )


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its index, paragraph and span."""

    index: int
    paragraph: int
    span: Span


@dataclass(frozen=True)
class Claim:
    """A sentence and who asserts it.

    ``source`` is the outlet that asserts it ("The Washington Post"); ``speaker``
    the person or body it quotes ("Brig. Gen. Ali Mayhoub"). ``inherited`` is
    true when the source was carried over from an earlier sentence rather than
    named in this one.
    """

    article_id: str
    sentence: Sentence
    source: str
    speaker: str | None = None
    reported_verb: str | None = None
    inherited: bool = False


@dataclass(frozen=True)
class Actor:
    """A conflict actor from the actor dictionary (ACLED-like ``kind``)."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO3
    aliases: tuple[tuple[str, str], ...] = ()  # (language, alias)


@dataclass(frozen=True)
class Place:
    """A gazetteer place. ``id`` is the GeoNames id where there is one."""

    id: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    kind: PlacePrecision
    admin1: str | None = None
    population: int = 0


@dataclass(frozen=True)
class PlaceMatch:
    """A place as a text names it: the resolved place and the words matched."""

    place: Place
    matched_text: str
    span: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class TimeRef:
    """A resolved date with its precision and the words it came from."""

    value: date
    precision: Precision
    text: str | None = None  # None when inferred (publication date, context)
    inferred: bool = False


@dataclass(frozen=True)
class Mention:
    """One event as one report tells it, with the evidence it rests on."""

    id: str
    claim: Claim
    event_type: str
    sub_event_type: str
    status: Status
    evidence: Span
    trigger: str
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    place: PlaceMatch | None = None
    time: TimeRef | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    reference: bool = False  # refers back to an event told earlier ("the advance")


@dataclass(frozen=True)
class Event:
    """A real-world event, merged from one or more mentions."""

    id: str
    event_type: str
    sub_event_type: str
    status: Status
    mentions: tuple[Mention, ...]
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    place: PlaceMatch | None = None
    time: TimeRef | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    sources: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Failure:
    """An input that produced no article, and why."""

    origin: str
    reason: str
