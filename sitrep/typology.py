"""ACLED's event typology and the English trigger lexicon that points at it.

A *trigger* is a word or phrase that signals an event of some family
("recaptured" -> territory taken, "airstrike" -> air strike). The family is
turned into an ACLED event type and sub-event type once the actors are known:
a town retaken by state forces is "Government regains territory", the same
verb with a rebel group as agent is "Non-state actor overtakes territory".

The lexicon doubles as the cheap pre-filter: only sentences that match
:data:`CANDIDATE` are sent to the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# sub-event type -> event type (ACLED's names, so exports load where ACLED loads).
SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Air/drone strike": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Chemical weapon": EXPLOSIONS,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Sexual violence": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}

TERRITORY_SUB_TYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)

# ACLED's disorder_type column, by event type.
DISORDER_TYPE = {
    BATTLES: "Political violence",
    EXPLOSIONS: "Political violence",
    VAC: "Political violence",
    PROTESTS: "Demonstrations",
    RIOTS: "Political violence; Demonstrations",
    STRATEGIC: "Strategic developments",
}


class Family(StrEnum):
    """What a trigger signals, before actors decide the exact sub-type."""

    TAKE = "take"  # territory taken by force
    HANDOVER = "handover"  # territory changes hands without fighting
    CONTROL = "control"  # a statement of who holds a place ("held since 2014")
    CLASH = "clash"
    AIR = "air"
    SHELLING = "shelling"
    SUICIDE = "suicide"
    IED = "ied"
    GRENADE = "grenade"
    CHEMICAL = "chemical"
    CIVILIANS = "civilians"
    ABDUCTION = "abduction"
    AGREEMENT = "agreement"
    ARRESTS = "arrests"
    BASE = "base"
    LOOTING = "looting"
    PROTEST = "protest"
    RIOT = "riot"


@dataclass(frozen=True)
class Trigger:
    """A trigger pattern, its family and how strongly it signals an event."""

    family: Family
    pattern: str
    weight: float = 1.0
    noun: bool = False  # a noun trigger ("the recapture of"), not a verb


TRIGGERS: tuple[Trigger, ...] = (
    # territory taken
    Trigger(
        Family.TAKE,
        r"re-?(?:captur(?:e|es|ed|ing)|tak(?:e|es|en|ing)|took)"
        r"|took\s+back|tak(?:e|es|ing|en)\s+back",
    ),
    Trigger(Family.TAKE, r"re-?gain(?:s|ed|ing)?(?:\s+full)?\s+control|regain(?:s|ed|ing)?"),
    Trigger(Family.TAKE, r"liberat(?:e|es|ed|ing)|freed|wrest(?:s|ed|ing)?|reclaim(?:s|ed|ing)?"),
    Trigger(Family.TAKE, r"(?:captur|seiz)(?:e|es|ed|ing)|overr(?:an|un|unning|uns)|storm(?:s|ed)"),
    Trigger(
        Family.TAKE,
        r"(?:took|take|takes|taken|taking|seized|assumed|gained|won)"
        r"(?:\s+(?:full|total|complete|partial))?\s+control",
    ),
    Trigger(
        Family.TAKE,
        r"(?:drove|driven|drive|drives|driving|pushed|push|forced)\s+(?:\w+\s+){0,3}?out",
    ),
    Trigger(Family.TAKE, r"expel(?:s|led|ling)?|ousted|clear(?:ed|s)?\s+(?:\w+\s+)?of"),
    Trigger(
        Family.TAKE,
        r"(?:fell|fall|falls|fallen)\s+to|(?:back\s+)?(?:in|under)\s+the\s+control\s+of",
    ),
    Trigger(Family.TAKE, r"entered|advanced\s+into|marched\s+into|swept\s+into", weight=0.4),
    Trigger(
        Family.TAKE,
        r"(?:re)?captur(?:e)|recapture|retaking|liberation|fall\s+of|victory\s+(?:in|at|over)"
        r"|takeover|seizure",
        weight=0.7,
        noun=True,
    ),
    Trigger(Family.TAKE, r"advances?|gains", weight=0.3, noun=True),
    # territory handed over
    Trigger(
        Family.HANDOVER,
        r"hand(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?over|withdr(?:ew|awn|aws|aw)|pull(?:ed)?\s+out"
        r"|without\s+(?:a\s+)?(?:fight|resistance|a\s+shot)|evacuat(?:ed|ion)\s+deal",
    ),
    # control statements (background facts)
    Trigger(
        Family.CONTROL,
        r"(?:had|has|have)\s+(?:been\s+)?(?:held|controlled|occupied|ruled)"
        r"|(?:held|controlled|occupied|ruled)\s+by|under\s+(?:\w+\s+)?(?:control|rule)",
    ),
    # battles
    Trigger(
        Family.CLASH,
        r"clash(?:ed|es|ing)?|fought|fight(?:ing|s)?|battl(?:e|es|ed|ing)|firefight"
        r"|gun\s?battle|ambush(?:ed|es)?|skirmish(?:es)?|offensive|counter-?attack(?:ed|s)?"
        r"|assault(?:ed|s)?|attack(?:ed|s|ing)?",
        weight=0.8,
    ),
    # explosions / remote violence
    Trigger(
        Family.AIR,
        r"air\s?strikes?|air\s?raids?|drone\s+strikes?|(?:war)?planes?\s+(?:\w+\s+){0,2}?"
        r"(?:struck|bombed|hit|pounded)|jets?\s+(?:\w+\s+)?(?:struck|bombed|hit|pounded)"
        r"|aerial\s+bombardment|bombing\s+raids?|helicopter\s+gunships?|barrel\s+bombs?",
    ),
    Trigger(
        Family.SHELLING, r"shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|bombardment"
    ),
    Trigger(
        Family.SUICIDE,
        r"suicide\s+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|car\s+bomb)"
        r"|blew\s+(?:himself|herself|themselves)\s+up|SVBIEDs?",
    ),
    Trigger(
        Family.IED,
        r"roadside\s+bombs?|IEDs?|improvised\s+explosive|car\s+bombs?|landmines?|mines?"
        r"|booby[-\s]trap(?:s|ped)?|explosions?|blasts?|bomb\s+(?:exploded|went\s+off)",
    ),
    Trigger(Family.GRENADE, r"grenades?"),
    Trigger(Family.CHEMICAL, r"chemical\s+(?:attack|weapons?)|(?:sarin|chlorine|mustard)\s+gas"),
    # violence against civilians
    Trigger(
        Family.CIVILIANS,
        r"execut(?:ed|es|ion|ions)|massacre(?:d|s)?|beheaded|slaughtered"
        r"|(?:killed|shot)\s+(?:\w+\s+){0,3}?civilians",
    ),
    Trigger(Family.ABDUCTION, r"abduct(?:ed|s|ion)|kidnap(?:ped|ping|s)?|hostages?"),
    # strategic developments
    Trigger(
        Family.AGREEMENT,
        r"agreements?|ceasefire|cease-fire|truce|peace\s+deal|signed\s+(?:a\s+)?deal"
        r"|(?:reached|struck)\s+(?:a|an)\s+(?:\w+\s+)?deal",
    ),
    Trigger(Family.ARRESTS, r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|rounded\s+up"),
    Trigger(
        Family.BASE,
        r"(?:set\s+up|established|establish|opened)\s+(?:\w+\s+){0,3}?"
        r"(?:base|headquarters|command\s+post)",
    ),
    Trigger(
        Family.LOOTING, r"loot(?:ed|ing)|torched|razed|demolished|set\s+(?:\w+\s+)?(?:on\s+)?fire"
    ),
    # demonstrations
    Trigger(
        Family.PROTEST,
        r"protest(?:ed|s|ers|ing)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)"
        r"|marched|sit-in",
    ),
    Trigger(Family.RIOT, r"riot(?:s|ed|ing|ers)?|mob\s+(?:attacked|violence)"),
)

_COMPILED = tuple(
    (t, re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w-])", re.IGNORECASE)) for t in TRIGGERS
)

CANDIDATE = re.compile("|".join(rf"(?:{t.pattern})" for t in TRIGGERS), re.IGNORECASE)


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence (offsets relative to the sentence)."""

    trigger: Trigger
    start: int
    end: int
    text: str


def is_candidate(sentence: str) -> bool:
    """Cheap test: can this sentence hold an event at all?"""
    return CANDIDATE.search(sentence) is not None


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Every trigger in a sentence, longest first where they overlap, in text order."""
    found: list[TriggerMatch] = []
    for trigger, rx in _COMPILED:
        for m in rx.finditer(sentence):
            found.append(TriggerMatch(trigger, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[TriggerMatch] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


def event_type_of(sub_event_type: str) -> str:
    """ACLED's event type for a sub-event type."""
    return SUB_EVENT_TYPES[sub_event_type]


def sub_type_for(family: Family, *, agent_kind: str | None, loser_kind: str | None) -> str:
    """The ACLED sub-event type for a trigger family, given the actors' kinds."""
    simple = {
        Family.HANDOVER: "Non-violent transfer of territory",
        Family.CLASH: "Armed clash",
        Family.AIR: "Air/drone strike",
        Family.SHELLING: "Shelling/artillery/missile attack",
        Family.SUICIDE: "Suicide bomb",
        Family.IED: "Remote explosive/landmine/IED",
        Family.GRENADE: "Grenade",
        Family.CHEMICAL: "Chemical weapon",
        Family.CIVILIANS: "Attack",
        Family.ABDUCTION: "Abduction/forced disappearance",
        Family.AGREEMENT: "Agreement",
        Family.ARRESTS: "Arrests",
        Family.BASE: "Headquarters or base established",
        Family.LOOTING: "Looting/property destruction",
        Family.PROTEST: "Peaceful protest",
        Family.RIOT: "Violent demonstration",
    }
    if family in simple:
        return simple[family]
    # TAKE and CONTROL: who ends up holding the place decides.
    if agent_kind == "state forces":
        return "Government regains territory"
    if agent_kind is not None:
        return "Non-state actor overtakes territory"
    if loser_kind == "state forces":
        return "Non-state actor overtakes territory"
    return "Government regains territory"
