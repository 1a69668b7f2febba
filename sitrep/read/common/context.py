"""What earlier sentences of an article established, and the date of an undated sentence.

Every reader walks an article's sentences in order and keeps an
:class:`ArticleContext`: the countries the article is about, the last city
named ("the town" refers back to it), the last news date each source gave, the
events told so far (for references back, "the advance") and the last agent (for
a dropped or pronoun subject). The date rules are the same in every language: a
sentence's own date, else a close neighbour's from the same source and
paragraph, else the source's last, else the publication day (:func:`context_time`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from sitrep.core.records import (
    Actor,
    Claim,
    Mention,
    Place,
    PlaceMatch,
    PlacePrecision,
    Precision,
    Status,
    TimeRef,
)
from sitrep.read.common.dates import DateMatch, is_history, publication_fallback
from sitrep.resolve.gazetteer import FAR_KM, distance_km

__all__ = [
    "DATE_REACH",
    "LEAD_SENTENCES",
    "ArticleContext",
    "context_time",
    "dominant_countries",
    "drop_strays",
    "explicit_dates",
    "other_sentence_date",
    "paragraph_dates",
    "sentence_country",
]

#: Sentences at the head of an article (headline and lead) whose undated events
#: are dated by the publication: the news a report breaks is told there.
LEAD_SENTENCES = 3

#: How far (in sentences of one paragraph and source) a date carries to an undated
#: sentence. A date belongs to the sentence that states it and its close neighbours
#: ("... on Friday. The army then entered the town."), never to a whole article: the
#: Guardian prints an article as one unbroken paragraph, and its first date is not
#: the date of every takeover the article recalls.
DATE_REACH = 2
# a date inside a relative clause ("the assault, which began in early January")
# dates that clause's noun, not what its sentence tells: it carries to no other
# sentence (a quote before it keeps the paragraph's news date)
IN_RELATIVE_CLAUSE = re.compile(
    # (nor one inside a "since" clause: "the biggest gain since it captured Bakhmut in
    # May 2023" dates the gain it measures from, not the news)
    # ("since Iraqi Kurds overwhelmingly voted": a name of two words, an adverb)
    r"(?:\bwhich|,\s*(?:who|whose)|\bsince\s+(?:it|they|he|she|we|the\s+[\w-]+"
    r"|(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?)"
    r"\s+(?:had\s+)?(?:\w+ly\s+)?(?-i:[a-z])\w+"
    r")\b[^,;:()\"“”]*$",
    re.IGNORECASE,
)
# a sentence that steps back before the news ("the rebels had already taken Tal Rifaat
# last week"): its date is the earlier event's, not the day of the sentences around it
FLASHBACK = re.compile(r"\b(?:had|'d)\s+already\b", re.IGNORECASE)
# "Forces aligned with the TPLF had taken control of the towns just more than a month
# ago": a step back in the past perfect; its vague date (a month, a year) is the
# recalled deed's, not the news the next sentences tell
PLUPERFECT = re.compile(
    r"\b(?:had|'d)\s+(?:(?:not|never|already|also|first)\s+)?(?:been\s+)?\w+(?:ed|en|t)\b",
    re.IGNORECASE,
)
# "as fighting continues after Sunday's coup attempt": a possessive date after "after"
# dates the event it names, which came before the news; it dates no neighbour
AFTER_POSSESSIVE = re.compile(r"\b(?:after|since|following)\s+$", re.IGNORECASE)


# "a September 25 referendum", "the June 2014 offensive": a date between an article and
# the noun it describes
ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|last\s+year's)\s+$", re.IGNORECASE
)
ATTRIBUTIVE_AFTER = re.compile(r"\s+(?-i:[a-z])[a-z-]+\b")

# "some months ago", "several years ago": a loose count back dates its own clause only
LOOSE_AGO = re.compile(r"^(?:some|several|a\s+few|few)\s+(?:months|years)\s+ago$", re.IGNORECASE)


def _dates_the_news(text: str, d: DateMatch) -> bool:
    """Whether the date ``d`` of the sentence ``text`` may date its neighbours: not one
    inside a relative clause, nor a possessive after "after" ("after Sunday's coup"),
    nor a loose count back ("retook the city some months ago")."""
    if IN_RELATIVE_CLAUSE.search(text[: d.span.start]) or LOOSE_AGO.match(d.span.text):
        return False
    if ATTRIBUTIVE_BEFORE.search(text[: d.span.start]) and ATTRIBUTIVE_AFTER.match(
        text, d.span.end
    ):
        # "voted in a September 25 referendum": a date that names a thing (between
        # its article and its noun) dates that thing, not the news of the sentences
        return False
    return not (
        AFTER_POSSESSIVE.search(text[: d.span.start])
        and text.startswith(("'s ", "\u2019s "), d.span.end)
    )


@dataclass
class ArticleContext:
    """What earlier sentences of the article established (mutable, per article)."""

    published: date | None
    countries: list[str]
    last_city: PlaceMatch | None = None
    #: source -> (sentence index, date) of the last explicit news date it gave
    source_dates: dict[str, tuple[int, TimeRef]] = field(default_factory=dict)
    occurred: list[Mention] = field(default_factory=list)
    last_agent: Actor | None = None
    #: the texts of the (up to two) sentences before the one being read: where a
    #: "his forces" finds the leader it belongs to
    previous: tuple[str, ...] = ()
    #: mention id -> (date, gaining side's id) of each takeover a sentence recalls with a
    #: date of the takeover's own clause; the article's last pass makes those still
    #: background, on the same date and side, recalled (``Status.RECALLED``)
    recollections: dict[str, tuple[date, str]] = field(default_factory=dict)
    #: acronyms the article defines ("the Somali National Army (SNA)") -> the actor
    acronyms: dict[str, Actor] = field(default_factory=dict)
    #: the dates of sentences that tell an operation's start ("launched a surprise
    #: offensive in late November"): they bound a later taking from below, not date it
    operation_starts: list[TimeRef] = field(default_factory=list)

    def note_date(self, source: str, index: int, ref: TimeRef) -> None:
        """Remember that sentence ``index`` of ``source`` gave the date ``ref``."""
        self.source_dates[source] = (index, ref)

    def source_date(self, source: str, index: int) -> TimeRef | None:
        """The last date ``source`` gave, if it was given close enough to sentence
        ``index`` (:data:`DATE_REACH` sentences) to date it."""
        given = self.source_dates.get(source)
        if given is None or index - given[0] > DATE_REACH:
            return None
        return given[1]

    def note_sentence(
        self,
        claim: Claim,
        dates: Sequence[DateMatch],
        *,
        history_days: int,
        city: PlaceMatch | None,
    ) -> None:
        """After a sentence is read: its first explicit news date (not history) dates
        the next sentences of its source, and its last city is "the town" from now on.
        A date inside a relative clause dates what that clause tells of its noun ("the
        TDF, which fled when the city was invaded seven months ago"), not the news the
        next sentences go on with (as in :func:`paragraph_dates`); nor does the date of
        a sentence that steps back ("had already taken Tal Rifaat last week", "had
        taken the towns a month ago")."""
        text = claim.sentence.span.text
        explicit = explicit_dates(d for d in dates if _dates_the_news(text, d))
        if (
            explicit
            and not FLASHBACK.search(text)
            and not (PLUPERFECT.search(text) and explicit[0].precision is not Precision.DAY)
            and not is_history(explicit[0], self.published, days=history_days)
        ):
            self.note_date(claim.source, claim.sentence.index, explicit[0])
        if city is not None:
            self.last_city = city

    def remember(self, mentions: Iterable[Mention]) -> None:
        """Note the events a sentence told as having happened (not references back):
        later references point to them, and their agent is the next dropped subject's."""
        for m in mentions:
            if m.status is Status.OCCURRED and not m.reference:
                self.occurred.append(m)
                if m.actor1:
                    self.last_agent = m.actor1


def explicit_dates(found: Iterable[DateMatch]) -> list[TimeRef]:
    """The dates a sentence states for its event ("at", not inferred), in order."""
    return [d.ref for d in found if d.relation == "at" and not d.ref.inferred]


def dominant_countries(places: list[list[PlaceMatch]]) -> list[str]:
    """The countries of an article's places (per sentence), most named first."""
    counts = Counter(p.place.country for ps in places for p in ps)
    return [c for c, _ in counts.most_common()]


def sentence_country(places: list[PlaceMatch], ctx: ArticleContext) -> str | None:
    """The country a sentence is about: its first specific place's, else its first
    place's, else the last city's, else the article's most named. A place of no
    country (a continent, a sea, a river between countries: "falling back along the
    Euphrates") tells none."""
    placed = [p for p in places if p.place.country]
    cities = [p for p in placed if p.place.kind is not PlacePrecision.COUNTRY]
    if cities:
        return cities[0].place.country
    if placed:
        return placed[0].place.country
    if ctx.last_city is not None:
        return ctx.last_city.place.country
    return ctx.countries[0] if ctx.countries else None


def context_time(
    ctx: ArticleContext,
    claim: Claim,
    paragraph_date: TimeRef | None,
    status: Status,
    *,
    past_deed: bool = False,
) -> tuple[TimeRef | None, Status]:
    """The date of an event whose sentence gives none, and its status then.

    A close neighbour's date (``paragraph_date``, or the date the same source gave a
    sentence or two before), else the publication day. An undated event told deep in
    an article is recalled, not reported: wire copy dates its news in the lead, and
    analysis pieces mention past takeovers in passing ("now Raqqa is liberated"); such
    an event is kept as background (timelines still see it). Every reader uses this.
    A ``past_deed`` (told in the past tense) takes no neighbour's date that lies after
    the publication day ("... will leave next month"): that date is of what is to come.
    """
    time = paragraph_date or ctx.source_date(claim.source, claim.sentence.index)
    if past_deed and time is not None and ctx.published is not None and time.value > ctx.published:
        time = None
    if time is None and ctx.published is not None:
        time = publication_fallback(ctx.published)
        if status is Status.OCCURRED and claim.sentence.index >= LEAD_SENTENCES:
            status = Status.BACKGROUND
    return time, status


def vague_past(ref: TimeRef, published: date | None) -> bool:
    """Whether ``ref`` is a month or a year before the publication month ("seized
    Palmyra in December", "in late November"): the date of a step back."""
    return (
        published is not None
        and ref.precision is not Precision.DAY
        and (ref.value.year, ref.value.month) < (published.year, published.month)
    )


def paragraph_dates(
    claims: Sequence[Claim], found: Sequence[Sequence[DateMatch]]
) -> dict[tuple[int, str], list[tuple[int, TimeRef]]]:
    """Explicit dates of each (paragraph, source), by sentence: "on Friday" one sentence on."""
    out: dict[tuple[int, str], list[tuple[int, TimeRef]]] = {}
    for claim, matches in zip(claims, found, strict=True):
        text = claim.sentence.span.text
        if FLASHBACK.search(text):
            continue
        for d in matches:
            if not _dates_the_news(text, d):
                continue
            if d.relation == "at" and not d.ref.inferred:
                key = (claim.sentence.paragraph, claim.source)
                out.setdefault(key, []).append((claim.sentence.index, d.ref))
                break
    return out


# a day a sentence names by pointing back at the one told before it
SAME_DAY = re.compile(r"\b(?:the\s+same|that\s+same|that)\s+day\b", re.IGNORECASE)


def other_sentence_date(
    dated: dict[tuple[int, str], list[tuple[int, TimeRef]]], claim: Claim
) -> TimeRef | None:
    """The date of the nearest other sentence of the claim's paragraph and source
    (within :data:`DATE_REACH` sentences; an earlier one wins a tie), from
    :func:`paragraph_dates`; with none, for a sentence an outlet is cited for (no
    speaker), the date of the sentence right before it in the paragraph, whoever
    told that one."""
    index = claim.sentence.index
    # "Qala-i-Naw fell the same day": the day of a sentence before, never after
    before_only = SAME_DAY.search(claim.sentence.span.text) is not None
    near = [
        (abs(i - index), i > index, ref)
        for i, ref in dated.get((claim.sentence.paragraph, claim.source)) or []
        if i != index and abs(i - index) <= DATE_REACH and not (before_only and i > index)
    ]
    if near:
        return min(near, key=lambda t: (t[0], t[1]))[2]
    if claim.speaker is None and not claim.inherited:
        # "Ukrainian forces began advancing through Kherson on Nov. 11 ... They met little
        # resistance as they reclaimed the city, according to CNN": an outlet cited for
        # the next sentence of the same telling, quoting no one, goes on with its day
        for (paragraph, _), refs in dated.items():
            if paragraph == claim.sentence.paragraph:
                for i, ref in refs:
                    if i == index - 1:
                        return ref
    return None


_P = TypeVar("_P")


def drop_strays(places: list[list[_P]], place_of: Callable[[_P], Place]) -> list[list[_P]]:
    """Drop a town that is the only place an article names in its country, when
    its sentence also names places of countries the article names more of and it
    lies more than :data:`~sitrep.resolve.gazetteer.FAR_KM` from every one of them.

    ``places`` holds the places found in each sentence of one article, ``place_of``
    the gazetteer place of one. "Near Maktab Khalid and Taza on the southern
    approaches to Kirkuk" in a report on Kirkuk and Hawija is no clash in Taza,
    Morocco: a name that only a town on another continent has is a village the
    gazetteer does not know, or a word ("بخت بشار اسد", Assad's luck, is not
    Béchar in Algeria).
    """
    held: dict[str, set[int]] = {}
    for ps in places:
        for p in ps:
            place = place_of(p)
            # a country named by its name counts as a second place of its own
            held.setdefault(place.country, set()).add(
                -1 if place.kind is PlacePrecision.COUNTRY else place.id
            )
    backed = {c for c, ids in held.items() if len(ids) > 1}
    out = []
    for ps in places:
        home = [place_of(p) for p in ps if place_of(p).country in backed]
        home = [h for h in home if h.kind is not PlacePrecision.COUNTRY] or home
        out.append(
            [
                p
                for p in ps
                if not (
                    home
                    and place_of(p).kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
                    and place_of(p).country not in backed
                    and all(distance_km(place_of(p), h) > FAR_KM for h in home)
                )
            ]
        )
    return out
