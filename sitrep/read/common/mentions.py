"""Mentions as every reader builds them: typing, confidence, references, denials, links.

A reader decides, in its language, a trigger's family, status, actors, place and
date; the record that follows (:func:`build_mention`), the choice among a
sentence's triggers (:func:`strongest_per_place`), references back to events told
earlier (:func:`reference_mentions`), the settling of denied takeovers
(:func:`settle_denials`) and the links of background facts to the change an
article reports (:func:`context_links`) are the same in every language, so a
Persian and an English report of one event merge.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

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
    short_hash,
)
from sitrep.read.common.dates import window
from sitrep.read.typology import TERRITORY_SUB_TYPES, Family, event_type_of, sub_type_for
from sitrep.resolve.gazetteer import distance_km

__all__ = [
    "ACTING_FAMILIES",
    "FAMILY_PRIORITY",
    "build_mention",
    "context_links",
    "family_group",
    "in_their_day",
    "infer_gaining_sides",
    "one_type_per_change",
    "place_id",
    "place_mentions",
    "primary",
    "reference_mentions",
    "retold_as_news",
    "settle_denials",
    "strongest_per_place",
    "unique",
    "with_gainer",
]

# Territory statements hold priority over the fighting around them in one sentence.
FAMILY_PRIORITY = {
    Family.TAKE: 0,
    Family.HANDOVER: 0,
    Family.CONTROL: 1,
    Family.SUICIDE: 2,
    Family.CHEMICAL: 3,
    Family.AIR: 4,
    Family.SHELLING: 5,
    Family.IED: 6,
    Family.GRENADE: 7,
    Family.CIVILIANS: 8,
    Family.ABDUCTION: 9,
    Family.SEXUAL: 9,
    Family.CLASH: 10,
    Family.DISRUPTED: 11,
    Family.ARRESTS: 11,
    Family.AGREEMENT: 12,
    Family.BASE: 13,
    Family.CHANGE: 13,
    Family.LOOTING: 14,
    Family.PROTEST: 15,
    Family.INTERVENTION: 15,
    Family.FORCE: 15,
    Family.RIOT: 15,
    Family.MOB: 15,
}

# Families whose reports say who acts and where: territory, fighting, strikes, arrests,
# attacks on civilians. Readers take the actors named before such a trigger as its
# agent, and place such an event in a country when it names no place of its own.
ACTING_FAMILIES = frozenset(
    {
        Family.TAKE,
        Family.HANDOVER,
        Family.CONTROL,
        Family.CLASH,
        Family.AIR,
        Family.SHELLING,
        Family.ARRESTS,
        Family.CIVILIANS,
    }
)

# the sub-event type of a place handed over or left to the other side, no fight told
TRANSFER = "Non-violent transfer of territory"
# a telling of a change that says it was fought for ("after fierce street battles",
# "stormed"), not "without a fight" or "without resistance"
FOUGHT_FOR = re.compile(
    r"\b(?<!without\s)(?<!without\sa\s)(?<!without\sany\s)(?<!no\s)(?:fight(?:ing|s)?|fought|battles?"
    r"|clash(?:es|ed)?|assaults?|storm(?:ed|ing)|offensive|counter-?offensive"
    r"|resistance|shelling|airstrikes?|air\s+strikes?)\b",
    re.IGNORECASE,
)


def family_group(family: Family) -> str:
    """Families that one sentence and place cannot tell twice: a taking, a handover and
    a clash at one place are one event, the strongest of them."""
    if family in (Family.TAKE, Family.HANDOVER, Family.CLASH):
        return "territory-or-battle"
    return family.value


def place_id(m: Mention) -> int | None:
    """The GeoNames id of a mention's place (None: no place)."""
    return m.place.place.id if m.place else None


def unique(actors: list[Actor]) -> list[Actor]:
    """Actors without repeats (by id), in order of first appearance."""
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.id, a)
    return list(seen.values())


def primary(actors: list[Actor]) -> Actor | None:
    """State forces lead a coalition of the same side, as ACLED codes it."""
    if not actors:
        return None
    for a in actors:
        if a.kind == "state forces":
            return a
    return actors[0]


def strongest_per_place(found: Iterable[tuple[Family, list[Mention]]]) -> list[Mention]:
    """A sentence's mentions from its triggers, strongest first (``found``: each
    trigger's family and mentions, in order of priority): one mention per sentence,
    place and status, the first found."""
    out: list[Mention] = []
    seen: dict[tuple[str, int | None, Status], int] = {}
    for family, mentions in found:
        for mention in mentions:
            key = (family_group(family), place_id(mention), mention.status)
            if key not in seen:
                seen[key] = len(out)
                out.append(mention)
            elif _takes_over_from(mention, out[seen[key]]):
                out[seen[key]] = replace(mention, actor2=out[seen[key]].actor2)
    return out


def _takes_over_from(taking: Mention, leaving: Mention) -> bool:
    """Whether ``taking``, a later trigger's takeover of the same place, names the side
    that gains what ``leaving``, a withdrawal with no gaining side, gave up: "Ukraine's
    army said it had pulled its troops out of Kurakhove, hours after Moscow announced
    its forces had captured it" is one change, Russia's, from Ukraine."""
    return (
        leaving.actor1 is None
        and leaving.actor2 is not None
        and leaving.sub_event_type == "Non-violent transfer of territory"
        and taking.actor1 is not None
        and taking.actor1.id != leaving.actor2.id
        and taking.actor2 is None
        and taking.sub_event_type in TERRITORY_SUB_TYPES
    )


def build_mention(
    claim: Claim,
    *,
    trigger_start: int,
    trigger_text: str,
    weight: float,
    family: Family,
    status: Status,
    target: PlaceMatch,
    time: TimeRef | None,
    a1: Actor | None,
    a2: Actor | None,
    assoc: Sequence[Actor],
    agent_kind: str | None,
    handover: bool = False,
    fatalities: int | None = None,
) -> Mention:
    """One mention of a trigger at a place, as every reader builds it.

    The sub-event type follows from the trigger's family and who acts
    (``agent_kind`` when actor 1 is unknown); ``handover`` (the reader found
    "without a fight" or the like) makes a taking a non-violent transfer.
    ``fatalities`` is the reader's count of the dead in the sentence (kept off
    control facts). Confidence: the trigger's weight, less when the place is not
    named in the sentence (an anaphor or a fallback) and when no actor is known.
    """
    sub = sub_type_for(
        family, agent_kind=a1.kind if a1 else agent_kind, loser_kind=a2.kind if a2 else None
    )
    if family is Family.TAKE and handover:
        sub = TRANSFER
    confidence = weight * (1.0 if target.span else 0.7) * (1.0 if a1 else 0.8)
    return Mention(
        id=short_hash(
            claim.article_id, str(claim.sentence.index), str(trigger_start), str(target.place.id)
        ),
        claim=claim,
        event_type=event_type_of(sub),
        sub_event_type=sub,
        status=status,
        evidence=claim.sentence.span,
        trigger=trigger_text,
        actor1=a1,
        actor2=a2 if (a2 is None or a1 is None or a2.id != a1.id) else None,
        assoc_actors=tuple(a for a in assoc if a != a1 and a != a2),
        place=target,
        time=time,
        fatalities=fatalities if family is not Family.CONTROL else None,
        confidence=round(min(confidence, 1.0), 2),
    )


def place_mentions(
    claim: Claim,
    targets: Sequence[PlaceMatch],
    *,
    agent: Actor | None,
    country_agent: Callable[[str], Actor | None],
    trigger_start: int,
    trigger_text: str,
    weight: float,
    family: Family,
    status: Status,
    time: TimeRef | None,
    loser: Actor | None,
    assoc: Sequence[Actor],
    subject_kind: str | None,
    handover: bool = False,
    fatalities: int | None = None,
) -> list[Mention]:
    """One mention per target place (:func:`build_mention`). Coordinated places split
    one event into one each ("retook Deir al-Zour in Syria and al-Qaim in Iraq"); when
    they lie in several countries or no agent is known, each place's agent is
    ``country_agent(its country)`` when that knows one and it is not the loser (each
    country's own forces), else ``agent``. ``subject_kind`` types the agent when no
    actor is known."""
    # places of several countries: each its own country's forces ("retook Deir al-Zour
    # in Syria and al-Qaim in Iraq"); of one country, a named agent took them all, and
    # the country's forces named as the side that lost them ("entered al-Hasaheisa and
    # Rufaa without resistance from the army") took neither
    split = len(targets) > 1 and (agent is None or len({t.place.country for t in targets}) > 1)
    mentions = []
    for target in targets:
        a1 = agent
        if split:
            own = country_agent(target.place.country)
            if own is not None and not (loser is not None and own.id == loser.id):
                a1 = own
        here = list(assoc)
        local = _local_ally(a1, here, target, family)
        if local is not None and a1 is not None:
            # "French and Malian troops retook Gao": allied forces fold into the side
            # they fight for; the country's own forces hold its town
            here = [a1, *(a for a in here if a != local)]
            a1 = local
        mentions.append(
            build_mention(
                claim,
                trigger_start=trigger_start,
                trigger_text=trigger_text,
                weight=weight,
                family=family,
                status=status,
                target=target,
                time=time,
                a1=a1,
                a2=loser,
                assoc=here,
                agent_kind=None if a1 else subject_kind,
                handover=handover,
                fatalities=fatalities,
            )
        )
    return mentions


def _local_ally(
    agent: Actor | None, assoc: Sequence[Actor], target: PlaceMatch, family: Family
) -> Actor | None:
    """The place's own state forces among a foreign state's allies in a takeover."""
    if family not in (Family.TAKE, Family.HANDOVER) or agent is None:
        return None
    country = target.place.country
    if agent.kind != "state forces" or not country or agent.country == country:
        return None
    return next((a for a in assoc if a.kind == "state forces" and a.country == country), None)


def reference_mentions(
    claim: Claim,
    trigger_start: int,
    trigger_text: str,
    occurred: Sequence[Mention],
    *,
    plural: bool,
) -> list[Mention]:
    """Mentions for a sentence that refers back to events already told.

    "The advance ..." refers to the last event of the article; "the military
    advances ..." (plural) to each distinct event told so far. The reference
    copies its antecedent's typing, so merging joins them.
    """
    if not occurred:
        return []
    if plural:
        antecedents: dict[tuple[str, int | None], Mention] = {}
        for m in occurred:
            antecedents.setdefault((m.sub_event_type, place_id(m)), m)
        targets = list(antecedents.values())
    else:
        targets = [occurred[-1]]
    return [
        Mention(
            id=short_hash(claim.article_id, str(claim.sentence.index), str(trigger_start), t.id),
            claim=claim,
            event_type=t.event_type,
            sub_event_type=t.sub_event_type,
            status=Status.OCCURRED,
            evidence=claim.sentence.span,
            trigger=trigger_text,
            actor1=t.actor1,
            actor2=t.actor2,
            place=PlaceMatch(t.place.place, t.place.matched_text, None, 0.5) if t.place else None,
            time=t.time,
            confidence=0.4,
            reference=True,
        )
        for t in targets
    ]


def settle_denials(mentions: list[Mention], denied_places: Iterable[int] = ()) -> list[Mention]:
    """A takeover that the same report also says was denied is a claim, not a fact.

    "Boko Haram has seized Bama, residents said. The military denied the town had
    fallen": the report tells both sides, so neither flips control on its own.
    ``denied_places`` are places named in a sentence that denies a takeover but
    yields no mention of its own. Every reader calls this once per article.
    """
    denied: set[int | None] = {
        place_id(m)
        for m in mentions
        if m.status is Status.DENIED and m.sub_event_type in TERRITORY_SUB_TYPES
    }
    denied.update(denied_places)
    denied.discard(None)
    if not denied:
        return mentions
    # A takeover told as fact becomes a claim; one told as a side's claim stays that
    # side's claim ("the RSF said it seized Babanusa, though the army disputed the
    # claim"): the tests of sessions 24 and 29 read a denied claim so, with its taker.
    return [
        replace(m, status=Status.CLAIMED)
        if m.status is Status.OCCURRED
        and m.sub_event_type in TERRITORY_SUB_TYPES
        and place_id(m) in denied
        else m
        for m in mentions
    ]


def context_links(mentions: Sequence[Mention]) -> list[Mention]:
    """Background facts about a place whose change the same article reports.

    "BBC notes that ISIS had held most of Deir al-Zour since 2014" is BBC's word
    on the recapture the article is about: besides the background fact (which
    control timelines use), the sentence becomes a reference mention of that
    event, so the event counts BBC among its sources.
    """
    changes = {
        m.place.place.id: m
        for m in mentions
        if m.place
        and m.status is Status.OCCURRED
        and not m.reference
        and m.sub_event_type in TERRITORY_SUB_TYPES
    }
    links = []
    for m in mentions:
        if m.status is not Status.BACKGROUND or not m.place:
            continue
        target = changes.get(m.place.place.id)
        if target is None or target.claim.source == m.claim.source:
            continue
        links.append(
            Mention(
                id=short_hash(m.id, target.id),
                claim=m.claim,
                event_type=target.event_type,
                sub_event_type=target.sub_event_type,
                status=Status.OCCURRED,
                evidence=m.evidence,
                trigger=m.trigger,
                actor1=target.actor1,
                actor2=target.actor2,
                place=PlaceMatch(target.place.place, m.place.matched_text, m.place.span, 0.5)
                if target.place
                else None,
                time=target.time,
                confidence=0.3,
                reference=True,
            )
        )
    return links


# Statuses whose takeovers say who gained a place (an expected or denied one does not).
_GAINED = (Status.OCCURRED, Status.CLAIMED, Status.BACKGROUND)
# Actors who never hold a place, whatever the article says of them.
_NEVER_HOLDERS = frozenset({"civilians", "protesters", "rioters"})


def in_their_day(
    mentions: Sequence[Mention],
    published: date | None,
    in_its_day: Callable[[Actor, date | None], Actor],
) -> list[Mention]:
    """Each mention's sides as they were on its day (else the report's day).

    "Tuareg rebels seized Kidal", told in 2013, is the MNLA's doing, not that of
    the CSP-PSD that goes by the same words ten years on (``in_its_day``:
    :meth:`sitrep.resolve.actors.ActorDictionary.in_its_day`).
    """
    out = []
    for m in mentions:
        day = m.time.value if m.time is not None else published
        a1 = in_its_day(m.actor1, day) if m.actor1 is not None else None
        a2 = in_its_day(m.actor2, day) if m.actor2 is not None else None
        out.append(m if (a1, a2) == (m.actor1, m.actor2) else replace(m, actor1=a1, actor2=a2))
    return out


def prefer_named_sides(
    mentions: Sequence[Mention],
    generic: Callable[[Mention], bool],
    *,
    side_of: Callable[[Actor], str],
    slack_days: int = 2,
) -> list[Mention]:
    """One change told twice takes the side its sentence names over a generic word.

    "Forces loyal to Khalifa Haftar entered Gharyan on Thursday" and, in the
    mayor's words, "the army came in and took control": "the army" names the
    country's army only because nothing better is at hand; the report's named
    taker of the same place, within ``slack_days``, is who took it. ``generic``
    tells whether a mention's actor 1 came from a generic word alone. Only when
    the named tellings agree on one side; a recollection neither gives nor takes.
    """
    news = (Status.OCCURRED, Status.CLAIMED)
    territory = [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES
        and m.status in news
        and not m.reference
        and m.actor1 is not None
        and place_id(m) is not None
    ]
    named: dict[int | None, list[Mention]] = {}
    for m in territory:
        if not generic(m):
            named.setdefault(place_id(m), []).append(m)

    def named_for(m: Mention) -> Actor | None:
        assert m.actor1 is not None
        close = [
            n
            for n in named.get(place_id(m), [])
            if n.time is None
            or m.time is None
            or abs((n.time.value - m.time.value).days) <= slack_days
        ]
        sides = {side_of(n.actor1) for n in close if n.actor1 is not None}
        if len(sides) != 1 or side_of(m.actor1) in sides:
            return None
        if m.actor2 is not None and side_of(m.actor2) in sides:
            return None  # taken from the named side: the change the other way
        return close[0].actor1

    out: list[Mention] = []
    for m in mentions:
        found = named_for(m) if m in territory and generic(m) else None
        out.append(m if found is None else with_gainer(m, found))
    return out


def windows_meet(a: TimeRef, b: TimeRef, slack_days: int = 0) -> bool:
    """Whether two dates' windows (:func:`window`) overlap, within ``slack_days``."""
    (a0, a1), (b0, b1) = window(a), window(b)
    slack = timedelta(days=slack_days)
    return a0 <= b1 + slack and b0 <= a1 + slack


def told_change(m: Mention) -> bool:
    """Whether ``m`` tells a change of control as news: happened or claimed, not a
    reference back to a change told elsewhere (its sides and place may be missing)."""
    return (
        m.sub_event_type in TERRITORY_SUB_TYPES
        and m.status in (Status.OCCURRED, Status.CLAIMED)
        and not m.reference
    )


def news_of_a_change(m: Mention) -> bool:
    """Whether ``m`` tells a change of control as news (:func:`told_change`), with its
    gaining side and its place."""
    return told_change(m) and m.actor1 is not None and place_id(m) is not None


# places that a town lies in, whose change a report may sum up after the town's
WIDER_UNITS = frozenset({PlacePrecision.ADMIN1, PlacePrecision.ADMIN2, PlacePrecision.REGION})
# how far from a district's or region's centre a town of its province may lie to count
# as one of its towns (the gazetteer has no outline of either: Douma lies 3 km from the
# centre of Eastern Ghouta)
NEAR_CENTRE_KM = 30.0


def lies_in(outer: Place, inner: Place, contains: Callable[[Place, Place], bool]) -> bool:
    """Whether the town ``inner`` lies in the wider unit ``outer``: the gazetteer's
    containment (a province holds its towns), or, for a district or a region, which
    the gazetteer knows only by a centre, a town of the same province near it."""
    if contains(outer, inner):
        return True
    if outer.kind not in (PlacePrecision.ADMIN2, PlacePrecision.REGION):
        return False
    if inner.kind is not PlacePrecision.CITY or inner.country != outer.country:
        return False
    if outer.admin1 is None or inner.admin1 != outer.admin1:
        return False
    return distance_km(outer, inner) <= NEAR_CENTRE_KM


def summed_up_in_a_town(
    mentions: Sequence[Mention],
    *,
    side_of: Callable[[Actor], str],
    contains: Callable[[Place, Place], bool],
    slack_days: int = 1,
) -> list[Mention]:
    """A province's or region's takeover that only sums up a town's, left out.

    "Government forces have retaken Eastern Ghouta ... the flag over Douma signified
    control over this town and consequently over Eastern Ghouta as a whole": the report
    tells one change, the town's, and then what it means for the wider unit the town
    lies in. Told as news by the same side on the same days (within ``slack_days``) as
    the takeover of a town inside it, the wider unit's takeover is that town's change
    summed up, not a second change (the Guardian gold's rule: the summary is folded into
    the town's record). A wider unit taken by another side, on other days, or with no
    town of it taken in the report stays.
    """

    def told(m: Mention) -> bool:
        return news_of_a_change(m) and m.time is not None

    towns = [
        m for m in mentions if told(m) and m.place and m.place.place.kind is PlacePrecision.CITY
    ]
    if not towns:
        return list(mentions)

    def summed_up(m: Mention) -> bool:
        if not told(m) or m.place is None or m.place.place.kind not in WIDER_UNITS:
            return False
        assert m.actor1 is not None and m.time is not None
        for t in towns:
            assert t.actor1 is not None and t.time is not None and t.place is not None
            if (
                side_of(t.actor1) == side_of(m.actor1)
                and windows_meet(m.time, t.time, slack_days)
                and lies_in(m.place.place, t.place.place, contains)
            ):
                return True
        return False

    return [m for m in mentions if not summed_up(m)]


def one_type_per_change(
    mentions: Sequence[Mention], *, side_of: Callable[[Actor], str], slack_days: int = 2
) -> list[Mention]:
    """One change told both as a withdrawal and as a takeover is one kind of event.

    "Al Shabaab seizes town after AU troops' pullout ... Ethiopian troops pulled out
    of Elbur ... the town fell to Al Shabaab": one change, told by a transfer word and
    by taking words; typed apart, the merger would make a battle and a transfer of
    it. The tellings of a change (news at one place, by one side, within
    ``slack_days`` of each other) take one type: the taking type most of them
    have, unless most tell a non-violent transfer (a place left to the other side,
    "seized control without resistance") and none tells a fight for it ("after
    fierce street battles"). A takeover by another side, or on other days, is
    another change and keeps its type.
    """
    told = news_of_a_change

    if not any(told(m) and m.sub_event_type == TRANSFER for m in mentions):
        return list(mentions)

    def same_change(m: Mention, t: Mention) -> bool:
        assert m.actor1 is not None and t.actor1 is not None
        if place_id(m) != place_id(t) or side_of(m.actor1) != side_of(t.actor1):
            return False
        return m.time is None or t.time is None or windows_meet(m.time, t.time, slack_days)

    tellings = [m for m in mentions if told(m)]
    typed: dict[int, str] = {}
    for m in tellings:
        if id(m) in typed:
            continue
        # the change's tellings: all joined to this one through one another
        group, todo = [m], [m]
        while todo:
            a = todo.pop()
            for b in tellings:
                if id(b) not in typed and all(b is not g for g in group) and same_change(a, b):
                    group.append(b)
                    todo.append(b)
        kinds = Counter(g.sub_event_type for g in group)
        if len(kinds) > 1 and TRANSFER in kinds:
            fought = any(FOUGHT_FOR.search(g.evidence.text) for g in group)
            battles = [(n, k) for k, n in kinds.items() if k != TRANSFER]
            most, taking = max(battles)
            sub = TRANSFER if not fought and kinds[TRANSFER] > most else taking
        else:
            sub = group[0].sub_event_type
        typed.update((id(g), sub) for g in group)
    return [
        replace(m, sub_event_type=sub, event_type=event_type_of(sub))
        if (sub := typed.get(id(m), m.sub_event_type)) != m.sub_event_type
        else m
        for m in mentions
    ]


def retold_as_news(
    mentions: Sequence[Mention], *, side_of: Callable[[Actor], str]
) -> list[Mention]:
    """A takeover the sentence talks about that the article reports as news.

    "Russia said its troops had withdrawn from Lyman on Saturday ... Ukraine's capture
    of Lyman marked a major defeat for Moscow": the noun is read as a thing talked
    about (background) when its sentence is taken alone, but the report tells that
    very change as news, in the same days (a day or a week, not a month or a year),
    by the same side or as a place its holder left untold to whom: it is the news
    told again, with its status, so the merger makes one event of both. A
    recollection of another time ("IS overran Raqqa in 2014"), by another side, or
    with no side stays background.
    """
    news = [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES
        and m.status in (Status.OCCURRED, Status.CLAIMED)
        and not m.reference
        and place_id(m) is not None
    ]

    def same_side(n: Mention, side: str) -> bool:
        if n.actor1 is not None:
            return side_of(n.actor1) == side
        # "its troops had withdrawn": left, to whom untold, by the other side
        return n.actor2 is not None and side_of(n.actor2) != side

    def told_as(m: Mention) -> Mention | None:
        if (
            m.status is not Status.BACKGROUND
            or m.sub_event_type not in TERRITORY_SUB_TYPES
            or m.actor1 is None
            or (m.time is not None and m.time.precision in (Precision.MONTH, Precision.YEAR))
        ):
            return None
        side = side_of(m.actor1)
        for n in news:
            if place_id(n) != place_id(m) or not same_side(n, side):
                continue
            if m.time is None or n.time is None or windows_meet(m.time, n.time):
                return n
        return None

    out: list[Mention] = []
    for m in mentions:
        n = told_as(m)
        out.append(m if n is None else replace(m, status=n.status))
    return out


def infer_gaining_sides(
    mentions: Sequence[Mention],
    named: Sequence[tuple[int, Actor]],
    *,
    side_of: Callable[[Actor], str],
    reach: int = 2,
    kind_hint: Callable[[Mention], str | None] = lambda m: None,
    nearby: Callable[[Mention], bool] = lambda m: True,
    whole_article: bool = False,
    leavers: Collection[str] = (),
    paragraphs: Mapping[int, int] | None = None,
) -> list[Mention]:
    """Takeovers whose sentence names no gaining side, given one from the article.

    A report often names the taker once and then tells the same change without it:
    "the army said its troops had pulled out of the city" after "the RSF took Wad
    Madani"; "an ethnic armed group said it had taken Laukkai" before "the MNDAA
    said ..."; "the city had been liberated, the rebel spokesman said". The side,
    in order:

    1. the actor 1 of another takeover of the same place in the article (the same
       change told again), the most told, not the side that lost it;
    2. else, for a takeover told as news (not a recollection), the one side the
       report names most around the sentence (``named``:
       (sentence index, actor) for the actors its sentences name; within ``reach``
       sentences either side), when it names it more than any other and it is
       neither the loser of this takeover nor a side that loses a place in the
       article. A long article names many sides: only the nearby ones tell.

    ``side_of`` maps an actor to the side it holds territory for (its controller),
    so an army and its government are one side. A takeover with no such side stays
    unattributed: an unattributed report, never a guess of "actors unknown".
    ``kind_hint`` tells, when the sentence does ("the rebel spokesman said"), whether
    the taker is "state forces" or a "rebel group"; step 2 then keeps that kind, and
    with ``whole_article``, when no rebel side is named nearby, the one non-state
    side the whole article names (and that loses nothing in it) takes a place ("the
    rebels" far down a report on M23; not a withdrawal, which names its leaver only).
    ``nearby`` false for a mention skips step 2 for it (a reader's takeover whose
    taker only its own clause may name). ``leavers`` are sides the article tells
    leaving or occupying a place in its news ("as Russian forces retreated", "months
    of Russian occupation"): step 2 passes over them as it does over the losers, since
    the side a report names most beside an untold taker is often the one that left.
    ``paragraphs`` (sentence index -> paragraph) settles a tie in step 2: in a roundup
    of several fronts ("Government forces withdrew from al-Hazm" after a paragraph on
    the south), the one side named in the sentence's own paragraph. The sub-event type
    follows the new actor 1 ("Non-violent transfer" stays).
    """
    territory = [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.status in _GAINED and not m.reference
    ]
    if not any(m.actor1 is None for m in territory):
        return _references_told_by_whom(list(mentions), side_of)
    # (a side that lost a place in a recollection may take one today: Russia lost
    # Kherson in 2022 and took Avdiivka in 2024)
    losers = {
        side_of(m.actor2)
        for m in territory
        if m.actor2 is not None and m.status is not Status.BACKGROUND
    } | set(leavers)
    by_place: dict[int | None, Counter[str]] = {}
    actors: dict[str, Actor] = {}
    for m in territory:
        # (a recollection's taker, "Raqqa was held by the Islamic State group until
        # 2017", is not who takes the place today)
        if m.actor1 is not None and m.status is not Status.BACKGROUND:
            by_place.setdefault(place_id(m), Counter())[m.actor1.id] += 1
            actors.setdefault(m.actor1.id, m.actor1)
    first: dict[str, Actor] = {}
    for _, a in named:
        first.setdefault(side_of(a), a)
    for m in territory:
        if m.actor1 is not None:
            first.setdefault(side_of(m.actor1), m.actor1)

    def near(index: int, *, own_paragraph: bool = False) -> Counter[str]:
        """The sides named within ``reach`` sentences of sentence ``index`` (only in
        its paragraph, with ``own_paragraph``)."""

        def counts(i: int) -> bool:
            if abs(i - index) > reach:
                return False
            return (
                not own_paragraph
                or paragraphs is None
                or paragraphs.get(i) == paragraphs.get(index)
            )

        sides: Counter[str] = Counter()
        for i, a in named:
            if counts(i) and a.kind not in _NEVER_HOLDERS:
                sides[side_of(a)] += 1
        for m in territory:
            if m.actor1 is not None and counts(m.claim.sentence.index):
                # the actors of the takeovers themselves speak loudest
                sides[side_of(m.actor1)] += 1
        return sides

    def gainer(m: Mention) -> Actor | None:
        lost = side_of(m.actor2) if m.actor2 is not None else None
        hint = kind_hint(m)

        def fits(a: Actor) -> bool:
            return hint is None or (a.kind == "state forces") == (hint == "state forces")

        same_place = [
            actors[i]
            for i, _ in by_place.get(place_id(m), Counter()).most_common()
            if side_of(actors[i]) != lost and fits(actors[i])
        ]
        held = _held_until_lost(m, territory, side_of)
        if held is not None and fits(held):
            return held
        if m.status is Status.BACKGROUND and not _told_again(m, territory):
            # "IS overran Raqqa in 2014" beside today's capture of Raqqa: a recall of
            # another time is another change, whoever took the place today
            same_place = []
        if same_place:
            return same_place[0]
        if m.status is Status.BACKGROUND or not nearby(m):
            # "after the fall of Mosul in July": a recollection names its sides, if at
            # all, far from the sentence; the actor nearby is as often the loser
            return None
        ranked = [
            (s, n)
            for s, n in near(m.claim.sentence.index).most_common()
            if s != lost and s not in losers and fits(first[s])
        ]
        if not ranked and whole_article and hint == "rebel group" and m.sub_event_type != TRANSFER:
            # "the rebels captured Walikale", far down a report whose one named
            # non-state side is M23: the kind the sentence tells, when the whole
            # article names one side of that kind that lost nothing
            whole = {
                side_of(a)
                for _, a in named
                if a.kind not in _NEVER_HOLDERS
                and side_of(a) != lost
                and side_of(a) not in losers
                and fits(a)
            }
            return first[whole.pop()] if len(whole) == 1 else None
        if (
            not ranked
            and whole_article
            and m.sub_event_type == TRANSFER
            and m.actor2 is not None
            and m.status is not Status.BACKGROUND
        ):
            # "Ukrainian troops have withdrawn from Krynky", far from "the Russian forces
            # have tried to drive the Ukrainian forces out": a side's withdrawal hands
            # the place to the one other side the whole article names (none when it
            # names several, or only the leaver)
            whole = {
                side_of(a)
                for _, a in named
                if a.kind not in _NEVER_HOLDERS and side_of(a) != lost and side_of(a) not in losers
            }
            return first[whole.pop()] if len(whole) == 1 else None
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and paragraphs is not None:
            tied = {s for s, n in ranked if n == ranked[0][1]}
            own = [s for s in near(m.claim.sentence.index, own_paragraph=True) if s in tied]
            if len(own) == 1:
                return first[own[0]]
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return first[ranked[0][0]]

    open_ones = {id(m) for m in territory if m.actor1 is None}
    out: list[Mention] = []
    for m in mentions:
        found = gainer(m) if id(m) in open_ones else None
        out.append(m if found is None else with_gainer(m, found))
    return _references_told_by_whom(out, side_of)


def _references_told_by_whom(
    mentions: list[Mention], side_of: Callable[[Actor], str]
) -> list[Mention]:
    """A reference back to a takeover told with no taker ("the government has not yet
    confirmed the fall of the city" after "the rebels said the city was captured")
    copied its antecedent before the article gave that one its side: it takes the
    side the article's news of the same place names (the most told, not its loser),
    so it joins that change rather than stand as a change with no side."""
    open_refs = [
        m
        for m in mentions
        if m.reference
        and m.actor1 is None
        and m.sub_event_type in TERRITORY_SUB_TYPES
        and m.status in _GAINED
    ]
    if not open_refs:
        return mentions
    open_ids = {id(m) for m in open_refs}
    sides: dict[int | None, Counter[str]] = {}
    actors: dict[str, Actor] = {}
    for m in mentions:
        if (
            not m.reference
            and m.actor1 is not None
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and m.status in (Status.OCCURRED, Status.CLAIMED)
        ):
            sides.setdefault(place_id(m), Counter())[side_of(m.actor1)] += 1
            actors.setdefault(side_of(m.actor1), m.actor1)
    out = []
    for m in mentions:
        told = sides.get(place_id(m)) if id(m) in open_ids else None
        lost = side_of(m.actor2) if m.actor2 is not None else None
        ranked = [(s, n) for s, n in (told or Counter()).most_common() if s != lost]
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            out.append(m)
            continue
        out.append(with_gainer(m, actors[ranked[0][0]]))
    return out


def _held_until_lost(
    m: Mention,
    territory: Sequence[Mention],
    side_of: Callable[[Actor], str],
    slack_days: int = 2,
) -> Actor | None:
    """The side that lost ``m``'s place in a later change the article tells, when
    ``m`` comes before it: "the army recaptured Malakal from the rebels on Monday
    ... the rebels had seized the town last Tuesday". Who lost a place held it, so
    a takeover of it told as coming before the loss is that side's (when one side
    only lost it later in the article). "Before" means more than ``slack_days``
    before: a change told twice is often dated a day apart ("the town fell on
    Monday"; "the army said on Tuesday it had taken the town from the rebels"), and
    then the side is the taker's, not the loser's."""
    if m.time is None:
        return None
    until = window(m.time)[1] + timedelta(days=slack_days)
    losers = {
        side_of(o.actor2): o.actor2
        for o in territory
        if o is not m
        and o.actor2 is not None
        and o.status is not Status.BACKGROUND
        and place_id(o) == place_id(m)
        and o.time is not None
        and window(o.time)[0] > until
        and (m.actor2 is None or side_of(m.actor2) != side_of(o.actor2))
    }
    return next(iter(losers.values())) if len(losers) == 1 else None


def _told_again(recall: Mention, territory: Sequence[Mention]) -> bool:
    """Whether a recalled takeover is, by its date, one the article also tells as news
    at the same place (their date windows meet)."""
    if recall.time is None:
        return True  # undated: nothing says it is another change
    for m in territory:
        if m.status is Status.BACKGROUND or m.actor1 is None or place_id(m) != place_id(recall):
            continue
        if m.time is None or windows_meet(recall.time, m.time):
            return True
    return False


def with_gainer(m: Mention, found: Actor) -> Mention:
    """A takeover given its gaining side from the article: the sub-event type follows
    the new actor 1 ("Non-violent transfer" stays); told by the article, not by the
    sentence, so a little less sure."""
    sub = m.sub_event_type
    if sub != TRANSFER:
        sub = sub_type_for(
            Family.TAKE,
            agent_kind=found.kind,
            loser_kind=m.actor2.kind if m.actor2 else None,
        )
    return replace(
        m,
        actor1=found,
        sub_event_type=sub,
        event_type=event_type_of(sub),
        assoc_actors=tuple(a for a in m.assoc_actors if a.id != found.id),
        confidence=round(m.confidence * 0.9, 2),
    )
