"""The records that flow through sitrep, as frozen dataclasses.

Article -> Sentence -> Claim -> Mention on the way in (see DESIGN.md); Event (with
its Reports) on the way out, as the store holds it. Records are
immutable and carry plain values only, so they pickle cheaply across a process
pool and compare by value in tests. Optional fields are keyword-only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

_R = TypeVar("_R")


def short_hash(*parts: str, length: int = 16) -> str:
    """A stable hex id from text parts (sha256, truncated)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def fast_record(cls: type[_R], values: dict[str, Any]) -> _R:
    """``cls(**values)`` for a frozen dataclass given every one of its fields, ten times faster.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    the read side builds a record per event and per report on every page it serves,
    where that cost showed. ``values`` must name every field (no defaults are
    applied): the tests compare such records with ``dataclasses.replace`` copies.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


class Status(StrEnum):
    """How a report presents an event."""

    OCCURRED = "occurred"  # told as fact by the source
    CLAIMED = "claimed"  # attributed to a party to the conflict, not confirmed by the source
    DENIED = "denied"  # someone says it did not happen
    EXPECTED = "expected"  # coming, planned, possible: not an event (yet)
    BACKGROUND = "background"  # a past fact the report recalls ("held since 2014")
    #: a past takeover the report recalls with a date of its own clause ("the town,
    #: which rebels seized in March 2013"): a dated change for timelines, not news
    RECALLED = "recalled"


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
class StoredPlace:
    """A place as the store holds it (what event items and timelines show)."""

    id: int  # the GeoNames id (negative for sitrep's own places)
    name: str
    country: str  # ISO3
    admin1: str | None
    lat: float
    lon: float
    kind: str | None  # city, admin1, admin2, country, region

    def to_dict(self) -> dict[str, Any]:
        """The place item of the JSON contract (``geonames_id``, not ``id``)."""
        return {
            "name": self.name,
            "geonames_id": self.id,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Report:
    """One mention of an event as read back from the store: who told it, where, in what words.

    Actors are display names (the actor's id when the store does not know it);
    ``place_name`` and ``place_kind`` describe the place this report names, which
    may be coarser than the event's.
    """

    id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: date | None
    source: str
    speaker: str | None
    status: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    date: date | None
    date_precision: str | None
    date_inferred: bool
    matched_text: str | None
    evidence: str
    evidence_span: tuple[int, int]
    trigger: str
    fatalities: int | None
    place_id: int | None
    place_name: str | None
    place_kind: str | None
    reference: bool
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """The mention item of the JSON contract (``sitrep events --json``)."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "speaker": self.speaker,
            "status": self.status,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_inferred": self.date_inferred,
            "matched_text": self.matched_text,
            "evidence": self.evidence,
            "evidence_span": list(self.evidence_span),
            "trigger": self.trigger,
            "fatalities": self.fatalities,
            "place_id": self.place_id,
            "place_name": self.place_name,
            "place_kind": self.place_kind,
            "reference": self.reference,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Agreement:
    """Two or more sources state the same ``value`` of a ``field`` (status, date, ...)."""

    field: str
    value: Any
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """As the JSON contract has it: ``{field, value, sources}``."""
        return {"field": self.field, "value": self.value, "sources": list(self.sources)}


@dataclass(frozen=True)
class Difference:
    """Sources state different values of a ``field``: (value, its sources), most sources first."""

    field: str
    values: tuple[tuple[Any, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        """As the JSON contract has it: ``{field, values: [{value, sources}]}``."""
        return {
            "field": self.field,
            "values": [{"value": v, "sources": list(s)} for v, s in self.values],
        }


@dataclass(frozen=True)
class Event:
    """A real-world event as the store holds it: merged from the reports (mentions) behind it.

    :meth:`to_dict` is the event item of the JSON contract (``sitrep events
    --json``, ``/api/events``); fields are only ever added. Actors are display
    names; ``place`` is where the event happened and ``matched_text`` the words
    that named it.
    """

    id: str
    event_type: str
    sub_event_type: str
    status: str  # a Status value
    mentions: tuple[Report, ...] = ()
    actor1: str | None = None
    actor2: str | None = None
    assoc_actors: tuple[str, ...] = ()
    place: StoredPlace | None = None
    matched_text: str | None = None
    date: date | None = None
    date_precision: str | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    sources: tuple[str, ...] = field(default=())
    n_sources: int = 0
    n_independent_sources: int = 0
    agreements: tuple[Agreement, ...] = ()
    disagreements: tuple[Difference, ...] = ()
    # the retired id this event was asked for by (its id then), when it was
    redirected_from: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The event item of the JSON contract, its mentions included (and
        ``redirected_from`` when the event was looked up by a retired id)."""
        place = None
        if self.place is not None:
            place = {**self.place.to_dict(), "matched_text": self.matched_text}
        out = {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "assoc_actors": list(self.assoc_actors),
            "place": place,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "status": self.status,
            "fatalities": self.fatalities,
            "confidence": self.confidence,
            "sources": list(self.sources),
            "n_sources": self.n_sources,
            "n_independent_sources": self.n_independent_sources,
            "agreements": [a.to_dict() for a in self.agreements],
            "disagreements": [d.to_dict() for d in self.disagreements],
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.redirected_from is not None:
            out["redirected_from"] = self.redirected_from
        return out


@dataclass(frozen=True)
class Failure:
    """An input that produced no article, and why."""

    origin: str
    reason: str
