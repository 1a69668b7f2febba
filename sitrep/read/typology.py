"""ACLED's event typology and the English trigger lexicon that points at it.

A *trigger* is a word or phrase that signals an event of some family
("recaptured" -> territory taken, "airstrike" -> air strike). The family is
turned into an ACLED event type and sub-event type once the actors are known:
a town retaken by state forces is "Government regains territory", the same
verb with a rebel group as agent is "Non-state actor overtakes territory".

The lexicon doubles as the cheap pre-filter: only sentences that match
:func:`candidate_regex` are sent to the parser.
"""

from __future__ import annotations

import importlib
import re
from collections import OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sitrep.text.patterns import MONTH_NAMES, WEEKDAY_NAMES, starts_pattern

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
    SEXUAL = "sexual"  # sexual violence
    AGREEMENT = "agreement"
    ARRESTS = "arrests"
    BASE = "base"
    LOOTING = "looting"
    DISRUPTED = "disrupted"  # weapons seized, bombs defused, missiles intercepted
    CHANGE = "change"  # a group forms, splits, merges, defects, disbands, relocates
    PROTEST = "protest"
    INTERVENTION = "intervention"  # a protest dispersed: tear gas, arrests of protesters
    FORCE = "force"  # lethal or injuring force against protesters
    RIOT = "riot"  # demonstrators turn violent
    MOB = "mob"  # violence by a crowd with no organised demonstration


@dataclass(frozen=True)
class Trigger:
    """A trigger pattern, its family and how strongly it signals an event."""

    family: Family
    pattern: str
    weight: float = 1.0
    noun: bool = False  # a noun trigger ("the recapture of"), not a verb
    # False for patterns the reader uses but the event classifier's rule features do
    # not (:func:`find_feature_triggers`): the lexicon can grow for the reader without
    # shifting a model trained on features of the lexicon it was built with
    feature: bool = True
    # What must follow the trigger words for them to count, matched but not part of
    # the trigger ("took" only before a name or "the town of"): see :attr:`regex`
    follow: str = ""
    # Lookbehinds the trigger words must come after, not part of them ("have left"
    # only after a force noun): kept out of ``pattern`` so that the words alone, a
    # mention's trigger, still match it (:func:`reader_only`)
    before: str = ""

    @property
    def regex(self) -> str:
        """The pattern a sentence is searched with: what must come before (lookbehinds),
        the words, then what must follow."""
        words = f"{self.before}(?:{self.pattern})" if self.before else self.pattern
        return f"(?:{words})(?={self.follow})" if self.follow else words


# Words that name who took part in a demonstration, and who intervenes in one.
_CROWD = (
    r"(?:protesters|protestors|demonstrators|marchers|protests?|demonstrations?"
    r"|rall(?:y|ies)|crowds?|mourners|strikers)"
)
_POLICE = r"(?:police(?:men)?|officers|security\s+forces|troops|soldiers|riot\s+police|army)"
_ARMS = (
    r"(?:weapons?|arms|ammunition|ammunitions|munitions|explosives?|rifles|guns|firearms"
    r"|pistols|revolvers|cartridges|explosive\s+devices|suicide\s+(?:vests|belts)"
    r"|rounds|grenades|mines|landmines|IEDs?|rockets|missiles|mortars?|bombs?|shells"
    r"|caches?|arsenal|depots?|stockpiles?|bomb-making|detonators)"
)

# what follows a place lost "in a campaign by" the side that took it ("lost Raqqa last
# week in an offensive led by the SDF"), up to "by" (see the trigger below)
LOST_IN_CAMPAIGN_BY = (
    r"[^.;]{0,60}?\b(?:in|during|to|after)\s+(?:an?|the)\s+(?:[\w'’\-]+\s+){0,3}?"
    r"(?:(?:campaign|offensive|counter-?offensive|assault|operation|push|onslaught)"
    r"\s+(?:(?:led|waged|mounted|launched)\s+)?by"
    # "lost Mosul in July after a nine-month battle with Iraqi forces": the side the
    # battle was with
    r"|(?:battle|fight|war)\s+(?:with|against))\s"
)

# What follows a verb whose object is a place: a capitalised name (not a weekday,
# month or news agency) or "the (northern) town of", "the port city of".
_PLACE_OBJECT = (
    r"\s+(?:(?!(?-i:"
    + WEEKDAY_NAMES
    + "|"
    + MONTH_NAMES
    + r"|Reuters|AFP|AP|Christmas|Easter|Ramadan"
    r"|President|Prime|Mr|Mrs|Ms|Dr|General"
    r"|Gen|Col|Colonel)\b)(?-i:[A-Z])"
    # (a kind word in lower case: "the Old City" is a quarter, not "the city of"; "took
    # another provincial capital", one town; "took two more provincial capitals" names
    # none of them, and the names that follow have verbs of their own)
    r"|(?:the|another)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?-i:town|city|village|capital|port|stronghold|district"
    r"|province|region|hub|garrison|enclave)s?\b)"
)

TRIGGERS: tuple[Trigger, ...] = (
    # territory taken
    Trigger(
        Family.TAKE,
        r"re-?(?:captur(?:e|es|ed|ing)|tak(?:e|es|en|ing)|took)"
        r"|took\s+back|tak(?:e|es|ing|en)\s+back",
    ),
    Trigger(Family.TAKE, r"re-?gain(?:s|ed|ing)?(?:\s+full)?\s+control|regain(?:s|ed|ing)?"),
    Trigger(
        Family.TAKE,
        r"restor(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}?control|re-?establish(?:es|ed|ing)?\s+control",
    ),
    Trigger(Family.TAKE, r"liberat(?:e|es|ed|ing)|freed|wrest(?:s|ed|ing)?|reclaim(?:s|ed|ing)?"),
    Trigger(Family.TAKE, r"(?:captur|seiz)(?:e|es|ed|ing)|overr(?:an|un|unning|uns)|storm(?:s|ed)"),
    # "Kandahar is completely conquered", "fighters conquered the last pockets" (the
    # insurgents' own word, quoted by the wires)
    Trigger(Family.TAKE, r"conquer(?:s|ed|ing)?", feature=False),
    Trigger(
        Family.TAKE,
        r"(?:took|take|takes|taken|taking|seized|assumed|gained|won)"
        r"(?:\s+(?:full|total|complete|partial))?\s+control",
    ),
    Trigger(Family.TAKE, r"(?:took|take|takes|taken|taking)\s+over|gain(?:ed|s)?\s+ground"),
    # "the SDF have taken near complete control of Manbij", "seized almost full control
    # of the town": a whole town all but taken, read as "took control" (the reader's,
    # not a classifier feature: the shipped model was trained without it)
    Trigger(
        Family.TAKE,
        r"(?:took|take|takes|taken|taking|seized|gained|won)\s+(?:near|nearly|almost|virtually)"
        r"[\s-]+(?:full|total|complete)\s+control",
        feature=False,
    ),
    Trigger(
        Family.TAKE,
        r"recover(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?(?:territory|territories|areas?|regions?|towns?"
        r"|villages?|city|cities|positions|ground|district)"
        r"|pushed\s+back\s+from|(?:driven|pushed|forced|expelled)\s+(?:\w+\s+)?(?:out|back)\s+(?:of|from)",
    ),
    Trigger(
        Family.TAKE,
        r"(?:drove|driven|drive|drives|driving|pushed|push|forced)\s+(?:\w+\s+){0,3}?out",
    ),
    Trigger(Family.TAKE, r"expel(?:s|led|ling)?|ousted|clear(?:ed|s)?\s+(?:\w+\s+)?of"),
    # "pushing the Iranian backed Houthi rebel fighters out of Aden": the same expulsion
    # with a longer object, or told as a participle (the reader's, not a classifier
    # feature: the shipped model was trained without it)
    Trigger(
        Family.TAKE,
        r"(?:drove|pushed|forced|driving|pushing|forcing)\s+(?:[\w\-]+\s+){1,6}?out\s+of",
        feature=False,
    ),
    Trigger(
        Family.TAKE,
        r"(?:fell|fall|falls|fallen)\s+to|(?:back\s+)?(?:in|under)\s+the\s+control\s+of"
        r"|back\s+in\s+control\s+of|restor(?:ed|es|ing)\s+(?:full\s+)?(?:security|stability|"
        r"control|order)(?:\s+and\s+(?:security|stability|order))?\s+(?:to|in|over)",
    ),
    Trigger(Family.TAKE, r"entered|advanced\s+into|marched\s+into|swept\s+into", weight=0.4),
    # "the rebels advanced on Sunday into the centre of Bukavu": the same entry with its
    # day told between (the reader's, not a classifier feature)
    Trigger(
        Family.TAKE,
        r"(?:advanced|marched|swept)\s+(?:on\s+(?-i:[A-Z])\w+day|overnight|yesterday|today"
        r"|early\s+on\s+(?-i:[A-Z])\w+day)\s+into",
        weight=0.4,
        feature=False,
    ),
    # "the Kokang army secured control of Laukkai", "secured full control over the
    # town": took it (the reader's, not a classifier feature). The past only: "a step
    # to the government securing complete control over the area" is still ahead
    Trigger(
        Family.TAKE,
        r"secured(?:\s+(?:full|total|complete|effective))?\s+control",
        feature=False,
        follow=r"\s+(?:of|over)\b",
    ),
    # "the rebels reassumed control of the city": took it back (the reader's, not a
    # classifier feature: the shipped model was trained without it)
    Trigger(
        Family.TAKE,
        r"re-?assum(?:e|es|ed|ing)(?:\s+(?:full|total|complete))?\s+control",
        feature=False,
    ),
    # "the army surrendered its base, giving the rebels full control of the town": the
    # side given control took the place (the reader reads it as "fell to"; not a
    # classifier feature). Only the participle, the outcome of the change its clause
    # tells: "the capture of the town gives the rebels control of the province" tells
    # none of its own
    Trigger(
        Family.TAKE,
        r"giving",
        feature=False,
        follow=r"\s+(?:[\w'’\-]+\s+){1,5}?(?:(?:full|total|complete|effective|overall)\s+)?"
        r"control\s+(?:of|over)\b",
    ),
    # "the town came under militia control", "came under the militia forces on
    # Wednesday": who it came under, named after, took it (the reader reads it as "fell
    # to"); not "came under fire", "came under attack by rebel forces"
    Trigger(
        Family.TAKE,
        r"c(?:a|o)me\s+under",
        feature=False,
        # ("came under the control of X" is the older trigger's, "under the control of")
        follow=r"(?!\s+(?:the\s+)?(?:(?:full|total|complete|effective)\s+)?control\s+of\b)"
        r"(?!\s+(?:[\w'’\-]+\s+){0,3}?(?:fire|attacks?|shelling|bombardment|assault"
        r"|pressure|siege|strikes?|threat|scrutiny|criticism|review)\b)"
        r"(?=\s+(?:[\w'’\-]+\s+){0,4}?(?:control\b|(?:forces|fighters|troops|militias?"
        r"|rebels)['’]?\s+(?:on|in|at|after|following|since|control)\b))",
    ),
    # "the army was entering Kherson": an entry under way (the reader's; a name must
    # follow, and as for "entered" a known side)
    Trigger(
        Family.TAKE,
        r"entering",
        weight=0.4,
        feature=False,
        follow=_PLACE_OBJECT,
        before=r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s))",
    ),
    # "federal troops re-entered the town": the reader's, not a classifier feature (the
    # shipped model was trained without it)
    Trigger(Family.TAKE, r"re-?entered", weight=0.4, feature=False),
    # "managed to storm the town", "succeeded in storming Palma": the bare verb only as
    # an infinitive or a gerund after "in" (a noun "storm" is weather); the reader's, not
    # a classifier feature. Whether it happened is the governing verb's to say
    # ("managed to" did, "threatened to" did not)
    Trigger(
        Family.TAKE,
        r"storm",
        feature=False,
        follow=_PLACE_OBJECT,
        before=r"(?<=\bto\s)",
    ),
    Trigger(
        Family.TAKE,
        r"storming",
        feature=False,
        follow=_PLACE_OBJECT,
        before=r"(?<=\bin\s)",
    ),
    # "Qala-i-Naw, the capital of Badghis, fell the same day": a place that fell, to
    # whom the article says elsewhere (the reader keeps it only when its subject is a
    # place, as "surrendered"; "prices fell" is no takeover)
    Trigger(Family.TAKE, r"fell|(?:has|have|had)\s+fallen", weight=0.9, feature=False),
    # "walking into Chaghcharan after the police surrendered": entered without a fight
    # (a clause-level takeover for the reader, not a feature of the trained classifier)
    # (a name follows: "walking into the stadium in Raqqa" is no takeover)
    Trigger(Family.TAKE, r"walk(?:ed|ing|s)?\s+into(?=\s+(?-i:[A-Z]))", weight=0.4, feature=False),
    # "the army declared Douma fully under its control": an announced takeover, not a
    # standing control statement (the longer match wins over "under its control")
    Trigger(
        Family.TAKE,
        r"declar(?:ed|es|ing)\s+(?:[\w'’\-]+\s+){1,5}?(?:(?:fully|completely|entirely|now)\s+)?"
        r"(?:under|in)\s+(?:its|their|his|the)\s+(?:(?:full|complete|total)\s+)?control",
        feature=False,
    ),
    # "the last buses left Douma, leaving the town to government forces": whoever the
    # place is left to holds it now (the reader reads "to" as it reads "fell to")
    Trigger(
        Family.HANDOVER,
        r"leaving\s+(?:it|the\s+(?:[\w\-]+\s+)?(?:town|city|village|area|port|enclave"
        r"|district|capital|base|region)|(?-i:[A-Z])[\w'’\-]+)\s+(?:to|in\s+the\s+hands\s+of)",
        feature=False,
    ),
    # "the last rebels left Douma under a deal, handing the town to the regime": the
    # same, told by handing (no "over": "handed over" is the trigger below)
    Trigger(
        Family.HANDOVER,
        r"hand(?:ed|s|ing)\s+(?:it|the\s+(?:[\w\-]+\s+)?(?:town|city|village|area|port|enclave"
        r"|district|capital|base|region)|(?-i:[A-Z])[\w'’\-]+)\s+(?:back\s+)?to",
        feature=False,
    ),
    # "Russian troops have left Bucha": forces leaving a town they held, as "withdrew"
    # (the reader's, not a classifier feature; only a force noun's perfect "have left"
    # before a name: "the strike left Kharkiv without power" is none, nor is "French
    # troops left Gao, leaving Malian soldiers in charge", an ally's departure)
    Trigger(
        Family.HANDOVER,
        r"(?:have|has|had)\s+(?:(?:also|now|finally|fully|completely)\s+)?left",
        weight=0.6,
        feature=False,
        follow=r"\s+(?-i:[A-Z])",
        before=r"(?:(?<=troops\s)|(?<=forces\s)|(?<=fighters\s)|(?<=soldiers\s)|(?<=units\s))"
        # (not "families of fighters have left": the force noun is not the subject)
        r"(?<!of\stroops\s)(?<!of\sforces\s)(?<!of\sfighters\s)(?<!of\ssoldiers\s)",
    ),
    # "Douma surrendered to the army", "the town surrendered": a place that gives itself
    # up changes hands; the reader keeps it a takeover only when the subject is the
    # place (fighters who surrender are a change to their group). Placed before the
    # group-change "surrendered" so that it wins the overlap and the reader decides.
    Trigger(Family.TAKE, r"surrender(?:ed|s)?(?:\s+to)?", weight=0.9, feature=False),
    # Clause-level takeovers for the reader, not features of the event classifier (see
    # Trigger.feature): "the battle for Tal Afar was won by Iraqi forces", "won the
    # battle for Marawi"; "established complete control"; "drove the Kurds from Afrin"
    # (an object between: "drove from Kabul" is a journey)
    Trigger(
        Family.TAKE,
        r"(?:battle|fight|siege)\s+(?:for|of)\s+(?:[\w'’\-]+\s+){1,8}?(?:was|were|been)\s+won\s+by"
        r"|won\s+the\s+(?:\w+\s+)?(?:battle|fight)\s+(?:for|of)",
        feature=False,
    ),
    Trigger(
        Family.TAKE,
        r"(?:established|imposed)(?:\s+(?:full|total|complete|partial))?\s+control",
        feature=False,
    ),
    # "Isis was driven from Hajin last month": the side put out is the subject (a
    # capitalised place, or "the town of", must follow: "driven from power" is none)
    Trigger(
        Family.TAKE,
        r"(?:was|were|been|being)\s+(?:finally\s+|eventually\s+)?(?:driven|routed)\s+from",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    Trigger(
        Family.TAKE,
        r"(?:drove|drives|driving|driven)\s+(?:the\s+|their\s+|its\s+)?(?:[\w'’\-]+\s+){0,2}?"
        r"(?:(?-i:[A-Z])[\w\-]*|militants|fighters|rebels|insurgents|jihadists|forces|troops"
        r"|soldiers|militias?|separatists|extremists|gunmen|group)\s+from",
        feature=False,
    ),
    # "cleared the last Islamic State fighters from Sirte", "cleared remaining
    # militants out of the old city": the side cleared out lost the place
    Trigger(
        Family.TAKE,
        r"clear(?:ed|s|ing)?\s+(?:the\s+|their\s+)?(?:last|remaining|final)?\s*(?:[\w'’\-]+\s+){0,3}?"
        r"(?:militants|fighters|rebels|insurgents|jihadists|remnants|holdouts|extremists"
        r"|gunmen|separatists)\s+(?:out\s+of|from)",
        feature=False,
    ),
    # the plainest wire verb: "the Taliban took Herat", "also took Sar-e-Pul and Taloqan",
    # "Bakhmut was taken by Wagner", "his forces had taken the town of Gharyan"; only
    # before a name or "the town of" ("took part", "took office", "took Reuters
    # reporters" and "taken to hospital" are no takeover)
    Trigger(
        Family.TAKE,
        r"took|takes|take|taking|taken",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    Trigger(
        Family.TAKE,
        r"(?:was|were|been|being|is|are|had|has|have)\s+(?:\w+\s+)?taken",
        feature=False,
        follow=r"\s+(?:by|on|after|last|early|late|overnight|from\s+(?-i:[A-Z]))\b|\s*[,.;]",
    ),
    # a control newly stated: "the Syrian government now controls Douma", "the rebels
    # are now in full control of the city" (without "now" a control statement is a
    # standing fact, not news)
    Trigger(
        Family.TAKE,
        r"now\s+(?:fully\s+)?(?:controls?|holds?)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    Trigger(
        Family.TAKE,
        r"(?:is|are|was|were)\s+now\s+in\s+(?:full\s+|complete\s+|total\s+)?control\s+of",
        feature=False,
    ),
    # "Russian troops are in complete control of the town of Vuhledar, war bloggers
    # said on Wednesday": a whole town's control reported as the news of the day is its
    # taking, on that day, unless the sentence says since when or tells a denial ("the
    # army said it was in full control of the town and had repelled the attack")
    Trigger(
        Family.TAKE,
        r"(?:is|are)\s+in\s+(?:full|complete|total)\s+control\s+of",
        feature=False,
        before=r"(?<!still\s)(?<!remain\s)(?<!remains\s)",
        follow=r"(?=[^.;]*\b(?:said|says|reported|announced|according\s+to)\b)"
        r"(?![^.;]*\b(?:since|still|remain(?:s|ed)?|den(?:y|ies|ied|ying)|reject(?:s|ed)?"
        r"|repel(?:led|s)?|repuls(?:ed|es)|fighting|attack)\b)" + _PLACE_OBJECT,
    ),
    # "Kurdish fighters are in control of the town of Sinjar after taking it from the
    # Islamic State group": the side holds the town it has just taken, that taking is
    # the news (not "are in control of the town after repelling an attack")
    Trigger(
        Family.TAKE,
        r"(?:is|are)\s+(?:now\s+)?in\s+(?:full\s+|complete\s+|total\s+)?control\s+of",
        feature=False,
        before=r"(?<!still\s)(?<!remain\s)(?<!remains\s)",
        follow=r"(?=[^.;]*\bafter\s+(?:re-?)?(?:taking|capturing|seizing|wresting|winning)\s+it\b)"
        + _PLACE_OBJECT,
    ),
    # "rebels claimed control of Lashio", "the army claims full control of the town",
    # "rebels declared full control over Homs": a side's own word on its takeover, read
    # as the reader reads "said it had taken"
    Trigger(
        Family.TAKE,
        r"(?:claim(?:ed|s|ing)?|declar(?:ed|es|ing))\s+(?:(?:full|total|complete)\s+)?"
        r"control\s+(?:of|over)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "the alliance claimed on Thursday to have complete control of the town": the same
    # claim told with an infinitive (a day or two words may stand before it)
    Trigger(
        Family.TAKE,
        r"claim(?:ed|s|ing)?\s+(?:[\w\-]+\s+){0,2}?to\s+(?:have|be\s+in)\s+"
        r"(?:(?:full|total|complete)\s+)?control\s+(?:of|over)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "the Taliban invaded the northern city of Kunduz": a town invaded was taken (only
    # a town named by its kind: "invaded Ukraine" is a war begun, not a change of hands)
    Trigger(
        Family.TAKE,
        r"invad(?:ed|es|ing)",
        feature=False,
        follow=r"\s+(?:the|another)\s+(?:[\w\-]+\s+){0,3}?(?-i:town|city|village|capital)\s+of\b",
    ),
    # "Russia said it had full control of Avdiivka after Ukrainian troops withdrew": a
    # side's word that it holds the whole town the other side has just left
    Trigger(
        Family.TAKE,
        r"ha(?:d|s|ve)\s+(?:full|total|complete)\s+control\s+(?:of|over)",
        feature=False,
        follow=r"(?=[^.;]*\bafter\s+[^.;]*?\b(?:withdr[ae]w|withdrawn|retreated|pulled\s+out|fled)\b)"
        + _PLACE_OBJECT,
    ),
    # "Ethiopian forces have lost control of Lalibela to Tigrayan fighters": the
    # subject lost the town; who took it follows "to" (the reader swaps the roles)
    Trigger(
        Family.TAKE,
        r"los(?:t|es|ing)\s+(?:(?:full|all|total|complete)\s+)?control\s+(?:of|over)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "the army lost Kunduz to the Taliban", "lost the city of Raqqa to the SDF": the
    # same roles, and only with the taker ("lost Mosul" alone may be a loss of men)
    Trigger(
        Family.TAKE,
        r"los(?:t|es|ing)",
        feature=False,
        follow=r"\s+(?:(?:the|its|their)\s+(?:(?:last|main|final|biggest|largest|urban|key"
        r"|de\s+facto)\s+){0,3}(?:town|city|village|port|stronghold|bastion|capital)\s+of\s+)?"
        r"(?-i:[A-Z])[\w'’\-]*(?:\s+(?-i:[A-Z])[\w'’\-]*)?"
        # a date may stand before "to": "lost Mosul in July to Iraqi forces"
        r"(?:\s+(?:in|on|last|earlier|late|early)\s+(?:this\s+|last\s+)?[\w\-]+(?:\s+\d{4})?)?"
        r"\s+to\s",
    ),
    # "the militia is in retreat after losing its last stronghold, Hajin, in an
    # offensive by the SDF": the side whose campaign it was took the place (the
    # reader's roles; a name must come before the campaign: "lost ten men in an
    # assault by" takes no town)
    Trigger(
        Family.TAKE,
        r"los(?:t|es|ing)",
        feature=False,
        follow=r"\s+[^.;]{0,60}?(?-i:[A-Z])" + LOST_IN_CAMPAIGN_BY,
    ),
    # "Hama fell into rebel hands", "passed into the hands of the Taliban": the subject
    # is the place; the side whose hands it fell into took it (the reader's roles)
    Trigger(
        Family.TAKE,
        # (with its auxiliary: "has fallen into the hands of" outruns "has fallen")
        r"(?:(?:has|have|had)\s+)?(?:fell|fallen|falls|passed|came)\s+(?:back\s+)?(?:in|into|under)\s+(?:the\s+)?"
        r"(?:[\w'’\-]+\s+){0,3}?hands",
        feature=False,
    ),
    # "Kirkuk changed hands too": the place is the subject; who took it is told around
    # (not "changed hands several times": a contested place, no one change)
    Trigger(
        Family.TAKE,
        r"chang(?:ed|es)\s+hands(?!\s+(?:\w+\s+)?(?:several|many|multiple|repeatedly|numerous"
        r"|back|more|at\s+least|\d+|two|three|four|five|six|a\s+number|frequently|often)\b)",
        feature=False,
    ),
    # "occupied the town of Sibut", "occupied Kherson" (not "had occupied": a control
    # statement, the longer match); "Kenyan troops moved into the port city of Kismayo"
    Trigger(Family.TAKE, r"occupied", feature=False, follow=_PLACE_OBJECT),
    # "Mali's military asserts control over the rebel stronghold, Kidal", "the army
    # asserted full control of the town": a side's word that it now holds the place
    Trigger(
        Family.TAKE,
        r"assert(?:ed|s|ing)?\s+(?:(?:full|total|complete|its|their)\s+)?control\s+(?:of|over)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "forces have fully secured the town of Gharyan", "completely secured Marawi": a
    # town made safe in full is a town taken (not "secured the release", "secured a
    # deal", nor a bare "secured the area", which may be a cordon)
    Trigger(
        Family.TAKE,
        r"(?:fully|completely|totally|entirely)\s+secured",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "raised their flag over the town of Avdiivka", "hoisted the national flag in Kidal",
    # "raising Ukrainian flags in Kalynivske" (a flag named by its country, no article)
    Trigger(
        Family.TAKE,
        r"(?:raised|raise|raises|raising|hoisted|hoist|hoists|hoisting|planted|plants|planting)"
        r"\s+(?:(?:their|its|his|the|a)\s+(?:[\w\-]+\s+){0,2}?|(?-i:[A-Z])[\w\-]+\s+)flags?"
        r"\s+(?:over|above|in|on|at)",
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "junta troops moved back into the town": a return is a takeover too; so is a
    # move into a town's centre ("rebels moved into the centre of Bukavu")
    Trigger(
        Family.TAKE,
        r"(?:moved|rolled|drove|pushed|walked)\s+(?:back\s+)?into",
        weight=0.4,
        feature=False,
        follow=_PLACE_OBJECT + r"|\s+the\s+(?:city\s+)?cent(?:er|re)\s+of\s+(?-i:[A-Z])",
    ),
    Trigger(
        Family.TAKE,
        r"(?:re)?captur(?:e)|recapture|retaking|liberation|fall\s+of|victory\s+(?:in|at|over)"
        r"|takeover|seizure",
        weight=0.7,
        noun=True,
    ),
    Trigger(Family.TAKE, r"advances?|gains", weight=0.3, noun=True),
    # "the Turkish occupation of Afrin in March": a takeover only when its own phrase
    # dates it (the reader's, see OCCUPATION in the English reader); "the occupation of
    # the West Bank" is a state
    Trigger(Family.TAKE, r"occupation", weight=0.7, noun=True, feature=False, follow=r"\s+of\b"),
    # territory handed over
    Trigger(
        Family.HANDOVER,
        r"hand(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?over|without\s+(?:a\s+)?(?:fight|resistance|a\s+shot)"
        r"|evacuat(?:ed|ion)\s+deal",
        # "gained the upper hand over the defenders": an edge in a fight, nothing handed
        before=r"(?<!\bupper\s)",
    ),
    # "without meeting resistance", "without firing a shot" (for the reader only: the
    # classifier's features keep the lexicon it was trained with)
    Trigger(
        Family.HANDOVER,
        r"without\s+(?:meeting|encountering|facing|firing)\s+(?:any\s+|much\s+|a\s+)?"
        r"(?:fight|resistance|shot)",
        feature=False,
    ),
    # "Azerbaijani troops were deployed in areas formerly controlled by Armenian
    # forces": a deployment into ground another side held until then is the deployer's
    # side taking it over (the reader's, not a classifier feature)
    Trigger(
        Family.HANDOVER,
        r"deployed\s+(?:in|into|to)",
        feature=False,
        follow=r"[^.;]{0,80}?\b(?:formerly|previously|once)\s+(?:controlled|held|occupied)\s+by\b",
    ),
    # a withdrawal alone says one side left, not that another took over
    Trigger(Family.HANDOVER, r"withdr(?:ew|awn|aws|aw)|pull(?:ed|s)?\s+out|withdrawal", 0.6),
    # "Moscow has pulled its troops out of Lyman": the troops told between (the
    # reader's, not a classifier feature)
    Trigger(
        Family.HANDOVER,
        r"pull(?:ed|s)?\s+(?:(?:its|their|the|all|remaining|last)\s+)?(?:\w+\s+)?"
        r"(?:troops|forces|soldiers|units|fighters)\s+out",
        0.6,
        feature=False,
        follow=r"\s+of\b",
    ),
    # "government forces have retreated from Mekelle": a withdrawal told as a retreat
    # (the reader's; a place follows "from")
    Trigger(
        Family.HANDOVER,
        r"retreat(?:ed|s)?\s+from",
        0.6,
        feature=False,
        follow=_PLACE_OBJECT,
    ),
    # "forces are withdrawing from Vuhledar", "said it was pulling out of the town": a
    # withdrawal under way (the reader's, not a feature of the trained classifier)
    # (only after "is", "are", "was", "were": "considering withdrawing" is no withdrawal)
    Trigger(
        Family.HANDOVER,
        r"withdrawing|pulling\s+out",
        0.6,
        feature=False,
        before=r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s))",
    ),
    Trigger(
        Family.HANDOVER,
        r"hand(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?control|handover"
        r"|without\s+(?:\w+\s+){0,4}?(?:fighting|clash(?:es)?|bloodshed|battle)",
    ),
    # control statements (background facts)
    Trigger(
        Family.CONTROL,
        # ("have occupied the city of Gori" is the news of a takeover, read by "occupied";
        # it is a standing control only with a span: "have occupied Crimea since 2014")
        r"(?:had|has|have)\s+(?:been\s+)?(?:held|controlled|ruled)"
        r"|(?:had|has\s+been|have\s+been)\s+occupied"
        r"|(?:has|have)\s+occupied(?=[^.;]*\b(?:since|for)\b)"
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
    Trigger(
        Family.CLASH,
        r"exchang(?:e|ed|es)\s+(?:of\s+)?(?:gun)?fire|repel(?:led|s)?|repuls(?:ed|es)|fended\s+off"
        r"|shoot-?outs?|gunfights?|(?:killed|wounded|injured)\s+(?:and\s+(?:wounded|injured)\s+)?"
        r"(?:\w+\s+){0,3}?(?:terrorists|militants|insurgents|rebels|jihadists|fighters|soldiers)"
        r"|inflicted\s+(?:\w+\s+)?losses",
        0.8,
    ),
    # explosions / remote violence
    Trigger(
        Family.AIR,
        r"air\s?strikes?|air\s?raids?|drone\s+strikes?|(?:war)?planes?\s+(?:\w+\s+){0,2}?"
        r"(?:struck|bombed|hit|pounded)|jets?\s+(?:\w+\s+)?(?:struck|bombed|hit|pounded)"
        r"|aerial\s+bombardment|bombing\s+raids?|helicopter\s+gunships?|barrel\s+bombs?",
    ),
    Trigger(
        Family.AIR,
        r"air\s?-?strikes?|aerial\s+(?:attacks?|strikes?|bombing)|air\s+attacks?"
        r"|drone\s+attacks?|armed\s+drones?|(?:war)?planes|fighter\s+jets|helicopters?"
        r"|air\s+force|bombed\s+from\s+the\s+air|airstrike",
        weight=0.9,
    ),
    Trigger(
        Family.SHELLING,
        r"shell(?:ed|ing|s)|artillery|mortars?|rockets?|missiles?|bombardment"
        r"|howitzers?|katyushas?|ballistic|rocket-propelled\s+grenades?|RPGs?",
    ),
    Trigger(
        Family.SUICIDE,
        r"suicide\s+(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|car\s+bomb|vests?|belts?)"
        r"|blew\s+(?:himself|herself|themselves)\s+up|SVBIEDs?|kamikazes?"
        r"|(?:explosive|suicide)\s+(?:vest|belt)s?|self-?detonat(?:ed|ing|ion)"
        r"|detonated\s+(?:his|her|their)\s+(?:\w+\s+)?(?:vests?|belts?|explosives?)",
    ),
    Trigger(
        Family.IED,
        r"roadside\s+bombs?|IEDs?|improvised\s+explosive|car\s+bombs?|landmines?|mines?"
        r"|booby[-\s]trap(?:s|ped)?|bomb\s+(?:exploded|went\s+off)"
        r"|explosive\s+devices?|(?:sticky|magnetic|motorcycle|parcel|truck)\s+bombs?"
        r"|bomb\s+(?:blast|attack|explosion)s?|VBIEDs?|bombs?\s+(?:planted|placed|hidden)"
        r"|explosives?-(?:laden|packed)|remote(?:ly)?[-\s]control(?:led)?",
    ),
    # a bare blast is evidence of an explosion, not of how it was delivered
    Trigger(Family.IED, r"explosions?|blasts?|bombings?|exploded|detonated", weight=0.5),
    Trigger(Family.GRENADE, r"grenades?"),
    Trigger(
        Family.CHEMICAL,
        r"(?<!prohibition\sof\s)chemical\s+(?:attacks?|weapons?|munitions|agents?|substances?|bombs?)"
        r"(?!\s+(?:facilit|sites?|stockpiles?|programs?|programmes?|watchdog|convention|inspect"
        r"|experts?|investigat|production|research|arsenal))"
        r"|(?:sarin|chlorine|mustard|toxic|poison(?:ous)?|nerve)\s+(?:gas|agents?)"
        r"|gas\s+attacks?|nerve\s+agents?|chlorine|sarin|VX|toxic\s+(?:chemicals?|substances?)",
    ),
    # violence against civilians
    Trigger(
        Family.CIVILIANS,
        r"execut(?:ed|es|ion|ions)|massacre(?:d|s)?|beheaded|slaughtered"
        r"|(?:killed|shot)\s+(?:\w+\s+){0,3}?civilians",
    ),
    Trigger(
        Family.CIVILIANS,
        r"shot\s+dead|gunned\s+down|murder(?:ed|s)?|assassinat(?:ed|ion)|hacked\s+to\s+death"
        r"|stabbed|tortur(?:ed|e)|(?:attacked|killed|shot|beat|beaten)\s+"
        r"(?:\w+\s+){0,3}?(?:villagers|residents|farmers|worshippers|passengers|unarmed)",
        weight=0.9,
    ),
    Trigger(
        Family.CIVILIANS,
        r"(?:gunmen|armed\s+men|assailants|attackers|unknown\s+(?:men|persons))\s+(?:\w+\s+){0,3}?"
        r"(?:attack(?:ed|s)?|stormed|opened\s+fire|killed|shot|raided)|drive-by\s+shooting"
        r"|shooting\s+attack|indiscriminate(?:ly)?\s+(?:shooting|fire|firing)|shooting\s+indiscriminately"
        r"|opened\s+fire\s+(?:on|at)\s+(?:\w+\s+){0,3}?(?:bus|car|vehicle|civilians|villagers"
        r"|worshippers|passengers|market|residents|houses?|homes?)",
        weight=0.9,
    ),
    Trigger(
        Family.ABDUCTION,
        r"abduct(?:ed|s|ion|ions|ing)|kidnap(?:ped|ping|pings|s)?|hostages?"
        r"|(?:forcibly|forced)\s+disappear(?:ed|ances?)|enforced\s+disappearances?"
        r"|went\s+missing|held\s+captive|taken\s+captive",
    ),
    Trigger(
        Family.SEXUAL,
        r"rap(?:e|ed|es|ing|ists?)|gang-?rap(?:e|ed)|sexual(?:ly)?\s+(?:assault(?:ed|s)?|abus(?:e|ed)"
        r"|violence|harass(?:ed|ment)|exploit(?:ed|ation)|slavery|attacks?)"
        r"|molest(?:ed|ation|ing)?|indecent\s+assault",
    ),
    # strategic developments
    Trigger(
        Family.AGREEMENT,
        r"agreements?|ceasefire|cease-fire|truce|peace\s+deal|signed\s+(?:a\s+)?deal"
        r"|(?:reached|struck)\s+(?:a|an)\s+(?:\w+\s+)?deal",
    ),
    Trigger(
        Family.AGREEMENT,
        r"accords?|peace\s+(?:deal|pact|talks|treaty|plan)|(?:prisoner|detainee)s?\s+(?:exchange|swap)"
        r"|exchang(?:e|ed|es|ing)\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:prisoners|detainees|captives|bodies)"
        r"|in\s+exchange\s+for"
        r"|memorandum\s+of\s+understanding|agreed\s+(?:to|on|upon)|signed|armistice|reconcil(?:e|ed|iation)",
        weight=0.9,
    ),
    Trigger(
        Family.ARRESTS,
        r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|rounded\s+up|into\s+custody|apprehend(?:ed|s)?"
        r"|nabbed|in\s+custody|remanded",
    ),
    Trigger(
        Family.BASE,
        r"(?:set\s+up|established|establish|opened)\s+(?:\w+\s+){0,3}?"
        r"(?:base|headquarters|command\s+post)",
    ),
    Trigger(
        Family.BASE,
        r"(?:set\s+up|sets\s+up|setting\s+up|establish(?:ed|es|ing)?|open(?:ed|s)?|buil[dt]"
        r"|builds|building|erect(?:ed|s)?|construct(?:ed|s|ing)?)\s+(?:\w+\s+){0,4}?"
        r"(?:bases?|headquarters|camps?|outposts?|command\s+posts?|checkpoints?|military\s+posts?"
        r"|training\s+(?:camp|centre|center|facility)|offices?|observation\s+posts?|barracks"
        r"|military\s+points?)"
        r"|new\s+(?:military\s+)?(?:base|headquarters|outpost)",
    ),
    Trigger(
        Family.LOOTING, r"loot(?:ed|ing)|torched|razed|demolished|set\s+(?:\w+\s+)?(?:on\s+)?fire"
    ),
    Trigger(
        Family.LOOTING,
        r"vandali[sz](?:ed|ing|m)|ransack(?:ed|ing)|plunder(?:ed|ing)?|pillag(?:ed|ing)"
        r"|stole|stolen|arson|set\s+ablaze|burn(?:ed|t)\s+down|bulldoz(?:ed|ing)"
        r"|destroy(?:ed|ing)?\s+(?:\w+\s+){0,3}?(?:homes?|houses?|property|properties|shops?"
        r"|crops|farms?|schools?|vehicles|cars|buildings?|offices?|mosques?|churches?)"
        r"|damag(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:homes?|houses?|property|properties|shops?|buildings?)",
        weight=0.9,
    ),
    Trigger(
        Family.DISRUPTED,
        r"defus(?:e|ed|es|ing)|dismantl(?:e|ed|ing)\s+(?:\w+\s+){0,3}?"
        r"(?:bombs?|devices?|explosives?|IEDs?|mines?)|controlled\s+explosion|bomb\s+(?:disposal|squad)"
        r"|de-?min(?:ing|ed)|shot\s+down|foil(?:ed|s)?|thwart(?:ed|s)?|unexploded"
        r"|suspicious\s+(?:packages?|devices?|objects?|bags?)"
        r"|intercept(?:ed|s|ing)?\s+(?:\w+\s+){0,3}?(?:missiles?|rockets?|drones?|projectiles?|UAVs?"
        r"|shipments?|weapons|arms|ballistic)|(?:missiles?|rockets?|drones?|projectiles?)\s+"
        r"(?:\w+\s+){0,3}?(?:were|was)\s+intercepted"
        r"|(?:seiz|captur|confiscat)(?:ed|e|es|ing)\s+(?:[\w,'’-]+\s+){0,5}?"
        + _ARMS
        + r"|(?:recover|found|discover|uncover|impound|unearth)(?:ed|s)?\s+(?:[\w,'’-]+\s+){0,5}?"
        + _ARMS
        + r"|(?:clear|remov|destroy|dismantl|burn)(?:ed|ing|s|e)?\s+(?:(?!by\s)\w+\s+){0,5}?"
        + _ARMS
        + r"|"
        + _ARMS
        + r"\s+(?:\w+\s+){0,4}?(?:were|was|have\s+been|had\s+been|being)\s+(?:seized|confiscated"
        r"|recovered|found|discovered|uncovered|impounded|defused|intercepted|destroyed)"
        + r"|(?:weapons?|arms|ammunition|explosives)\s+(?:caches?|depots?|stores?|haul|seizures?)"
        r"|(?:caches?|haul|stockpiles?)\s+of\s+(?:\w+\s+){0,2}?" + _ARMS,
    ),
    Trigger(
        Family.CHANGE,
        r"defect(?:ed|s|ion|ions|ors?)|merg(?:e|ed|er|es|ing)|disband(?:ed|s|ing)?"
        r"|dissolv(?:e|ed|es|ing)|pledg(?:e|ed|es)\s+(?:\w+\s+)?allegiance|renam(?:e|ed|ing)"
        r"|split\s+from|broke\s+away|splinter|join(?:ed|s)?\s+(?:\w+\s+){0,2}?(?:ranks|forces)"
        r"|(?:announc(?:ed|es)|declar(?:ed|es))\s+(?:\w+\s+){0,3}?(?:formation|creation|establishment"
        r"|launch|dissolution)|form(?:ed|s|ing)?\s+(?:a\s+)?new\s+(?:\w+\s+){0,2}?"
        r"(?:group|militia|coalition|alliance|force|party|front|brigade|battalion)"
        r"|recruit(?:ed|ing|ment|s)?|redeploy(?:ed|ment|s)?|relocat(?:ed|ion|es)"
        r"|suspend(?:ed|s)?\s+(?:\w+\s+){0,3}?(?:operations|activities|activity)"
        r"|lay\s+down\s+(?:their\s+)?arms|laid\s+down\s+(?:their\s+)?arms|surrender(?:ed|s)?",
        weight=0.9,
    ),
    Trigger(
        Family.CHANGE,
        r"deploy(?:ed|ment|ments|s)?|reinforcements?|dispatch(?:ed|es)?|mobili[sz](?:ed|ing)"
        r"|(?:mov|send|sent|rush)(?:ed|ing|es|s)?\s+(?:\w+\s+){0,2}?(?:troops|forces|reinforcements)"
        r"|fortif(?:y|ied|ying|ies)|(?:have|has|had|were|was)\s+been\s+formed",
        weight=0.45,  # troop movements are everywhere in war news: only with a named actor
    ),
    # demonstrations
    Trigger(
        Family.PROTEST,
        r"protest(?:ed|s|ers|ors|ing)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)|sit-in",
    ),
    Trigger(Family.PROTEST, r"marched|marching", weight=0.6),
    Trigger(
        Family.PROTEST,
        r"sit-ins|marches|vigils?|pickets?|boycotts?|hunger\s+strikes?|general\s+strike"
        r"|went\s+on\s+strike|took\s+to\s+the\s+streets?",
        weight=0.9,
    ),
    Trigger(
        Family.INTERVENTION,
        r"tear\s?-?gas|water\s+cannons?|rubber\s+bullets|pepper\s+spray|stun\s+grenades?"
        r"|batons?|baton-charg(?:e|ed)|dispers(?:e|ed|es|ing|al)|broke\s+up|break\s+up"
        r"|suppress(?:ed|es|ing)?\s+(?:\w+\s+){0,3}?" + _CROWD + r"|pepper-spray(?:ed)?"
        r"|(?:arrest|detain)(?:ed|ing)?\s+(?:\w+\s+){0,4}?" + _CROWD,
    ),
    Trigger(
        Family.FORCE,
        r"opened\s+fire\s+(?:on|at)\s+(?:\w+\s+){0,3}?"
        + _CROWD
        + r"|live\s+(?:ammunition|rounds|fire|bullets)|(?:shot|killed|killing|beat|beaten|beating"
        r"|injured|wounded|attacked|fired\s+(?:on|at))\s+(?:\w+\s+){0,4}?"
        + _CROWD
        + r"|(?:violent|brutal|bloody|deadly)\s+crackdown|crackdown\s+on\s+(?:\w+\s+){0,2}?"
        + _CROWD
        + r"|(?:protest|demonstration)\s+crackdown|excessive\s+force"
        r"|(?:violently|brutally)\s+(?:dispers|suppress|attack|beat|broke|crush)\w*"
        r"|(?:injur(?:ies|ed)|casualties|deaths?|killed|dead|wounded)\s+(?:among|of)\s+(?:\w+\s+){0,2}?"
        + _CROWD
        + r"|attacks?\s+(?:against|on)\s+(?:\w+\s+){0,2}?"
        + _CROWD,
    ),
    Trigger(
        Family.RIOT,
        r"riot(?:s|ed|ing|ers)?"
        r"|(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:\w+\s+){0,3}?"
        r"(?:stones|rocks|bricks|petrol\s+bombs|molotov|bottles|firebombs)"
        r"|stone-?pelting|molotov\s+cocktails?|petrol\s+bombs?|pelt(?:ed|ing)"
        r"|(?:thrown|hurled)\s+at\s+(?:the\s+)?(?:police|officers|security\s+forces|troops)"
        r"|(?:violent|aggressive|unruly)\s+(?:\w+\s+)?(?:protests?|demonstrations?|crowds?|protesters)"
        r"|turned\s+violent|went\s+on\s+a\s+rampage",
    ),
    Trigger(
        Family.MOB,
        r"mobs?|lynch(?:ed|ing|ings)?|vigilante\s+(?:justice|attacks?)|mob\s+(?:justice|violence"
        r"|attack(?:ed|s)?)|(?:angry|enraged|irate)\s+"
        r"(?:crowds?|villagers|residents|youths?|mob)",
    ),
)

_COMPILED = tuple(
    (t, re.compile(rf"(?<![\w-])(?:{t.regex})(?![\w-])", re.IGNORECASE)) for t in TRIGGERS
)
# The trigger words alone (no ``follow``), to tell which trigger a mention's words are.
_BARE = tuple(re.compile(t.pattern, re.IGNORECASE) for t in TRIGGERS)


@lru_cache(maxsize=1)
def candidate_regex() -> re.Pattern[str]:
    """The whole lexicon as one regular expression (compiled on first use: only the
    reference test and the rare sentence it falls back to need it, and compiling it
    cost every process that imports the reader 0.05 CPU-s at start-up)."""
    return re.compile("|".join(rf"(?:{t.regex})" for t in TRIGGERS), re.IGNORECASE)


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence (offsets relative to the sentence)."""

    trigger: Trigger
    start: int
    end: int
    text: str


def is_candidate(sentence: str) -> bool:
    """Cheap test: can this sentence hold an event at all?

    The same answer as ``candidate_regex().search(sentence) is not None``
    (:func:`is_candidate_regex`), found faster: the one big alternation is tried
    at every character of the sentence, while most sentences contain none of
    the few hundred letter sequences a trigger can start with. So only the
    positions where such a sequence starts are tried, and only with the triggers
    that can start with it (see :func:`_prefix_index`).
    """
    # same length as the sentence: the characters that change it are special
    lowered = folded_lower(sentence)
    if lowered is None:
        return is_candidate_regex(sentence)
    return _first_candidate_position(sentence, lowered) >= 0


def _first_candidate_position(sentence: str, lowered: str) -> int:
    """Where the first match of :func:`candidate_regex` in ``sentence`` starts (-1: none);
    ``lowered`` is its :func:`folded_lower`."""
    index = _prefix_index()
    merged = index.merged
    lengths = index.lengths
    # the finder stops only where some prefix starts (in C, not a Python loop over
    # every position); there, the longest prefix that starts is looked up, and its
    # one pattern tries the triggers of every prefix starting there at once
    for m in index.finder.finditer(lowered):
        i = m.start()
        for length in lengths:
            rx = merged.get(lowered[i : i + length])
            if rx is not None:
                if rx.match(sentence, i) is not None:
                    return i
                break
    return -1


def folded_lower(sentence: str) -> str | None:
    """``sentence`` in lower case, in which a lower-case ASCII word occurs where
    ``re.IGNORECASE`` finds it in the sentence (for the letters the trigger index
    keys on: a quick test that a pattern's words are there at all); None for a
    sentence holding a character that IGNORECASE folds otherwise
    (:data:`_FOLD_SPECIAL`)."""
    if not sentence.isascii() and _FOLD_SPECIAL.search(sentence):
        return None
    return sentence.lower()


def is_candidate_regex(sentence: str) -> bool:
    """The reference candidate test: the whole lexicon as one regular expression."""
    return candidate_regex().search(sentence) is not None


# Characters that IGNORECASE matching treats as equal to an ASCII letter although
# their lower case is not that letter (Turkish dotted and dotless i, long s,
# Kelvin sign), or whose lower case is two characters long. A sentence holding one
# goes to the plain regex; tests check the list against every code point.
_FOLD_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
# How many leading characters of each trigger the index keys on.
_PREFIX_CHARS = 3
# A character class with more members than this ends the known prefix.
_MAX_CLASS = 12
# Past this many partial prefixes, stop extending them (the index stays correct,
# only coarser).
_MAX_PREFIXES = 4000


@dataclass(frozen=True)
class _PrefixIndex:
    """Trigger regexes by the lower-case text a match of theirs must start with."""

    table: dict[str, tuple[re.Pattern[str], ...]]
    lengths: tuple[int, ...]  # the key lengths present, longest first
    finder: re.Pattern[str]  # matches (empty) at each position where a key starts
    # per key, one pattern that matches where any trigger of the key, or of a shorter
    # key it starts with, matches (see :func:`_merged_patterns`)
    merged: dict[str, re.Pattern[str] | _AnyOf]


@lru_cache(maxsize=1)
def _prefix_index() -> _PrefixIndex:
    """Build the prefix index of :data:`TRIGGERS` (once, on first use).

    Each trigger's pattern is parsed (``re._parser``) into the set of
    lower-case strings of up to :data:`_PREFIX_CHARS` characters that every
    match of it begins with. A sentence can match the trigger at position ``i``
    only if one of those strings starts at ``i`` in the lower-cased sentence,
    so trying the trigger there alone gives the same answer as a search.
    """
    table: dict[str, list[re.Pattern[str]]] = {}
    for trigger in TRIGGERS:
        rx = re.compile(trigger.regex, re.IGNORECASE)
        for prefix in pattern_prefixes(trigger.regex):
            bucket = table.setdefault(prefix, [])
            if rx not in bucket:
                bucket.append(rx)
    frozen = {k: tuple(v) for k, v in table.items()}
    return _PrefixIndex(
        frozen,
        tuple(sorted({len(k) for k in table}, reverse=True)),
        re.compile(f"(?={starts_pattern(table)})"),
        _merged_patterns(frozen),
    )


def _merged_patterns(
    table: dict[str, tuple[re.Pattern[str], ...]],
) -> dict[str, re.Pattern[str] | _AnyOf]:
    """Per key of ``table``, one pattern matching at a position where any pattern of
    that key or of a shorter key that the key starts with matches there: the
    longest key starting at a position then answers for all that start there, in
    one call. An alternation matches where one of its branches does; the trigger
    patterns hold no group references and no global flags, which an alternation
    would change (a key whose patterns do not join keeps a pattern of its own
    per tuple, tried as the tuple)."""
    merged: dict[str, re.Pattern[str] | _AnyOf] = {}
    for key in table:
        patterns = list(
            dict.fromkeys(rx for n in range(1, len(key) + 1) for rx in table.get(key[:n], ()))
        )
        merged[key] = _alternation(patterns)
    return merged


def _alternation(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | _AnyOf:
    """One pattern that matches where any of ``patterns`` (all IGNORECASE) matches."""
    if len(patterns) == 1:
        return patterns[0]
    if all(
        rx.flags == patterns[0].flags
        and not rx.groupindex
        and "(?P=" not in rx.pattern
        and not re.search(r"\\[1-9]|\(\?\(", rx.pattern)
        for rx in patterns
    ):
        try:
            return re.compile("|".join(f"(?:{rx.pattern})" for rx in patterns), patterns[0].flags)
        except re.error:
            pass
    return _AnyOf(tuple(patterns))


@dataclass(frozen=True)
class _AnyOf:
    """Patterns tried in turn, with a pattern's ``match`` (the fallback of
    :func:`_alternation`)."""

    patterns: tuple[re.Pattern[str], ...]

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        for rx in self.patterns:
            found = rx.match(text, pos)
            if found is not None:
                return found
        return None


def pattern_prefixes(pattern: str, *, chars: int = _PREFIX_CHARS) -> frozenset[str]:
    """The lower-case strings (at most ``chars`` long) that every match of ``pattern`` starts with.

    For every string ``m`` that ``pattern`` matches case-insensitively, some
    returned ``p`` equals ``m.lower()[: len(p)]``. Parts the prefix cannot
    follow (wide character classes, ``.``, back-references) end it early; an
    empty string in the result means the pattern can start anywhere.
    """
    # the standard library's own regex parser (private, but stable within a Python
    # minor version; the tests compare the index's answers with the regex's)
    sre_c: Any = importlib.import_module("re._constants")
    sre_p: Any = importlib.import_module("re._parser")

    # A state is (prefix so far, closed): closed prefixes are not extended.
    State = tuple[str, bool]

    def close(states: set[State]) -> set[State]:
        return {(p, True) for p, _ in states}

    def chars_of(items: list[tuple[Any, Any]]) -> set[str] | None:
        """The lower-case characters of a class, or None when it is wide or negated."""
        out: set[str] = set()
        for op, av in items:
            if op is sre_c.LITERAL:
                out.add(chr(av).lower())
            elif op is sre_c.RANGE:
                lo, hi = av
                if hi - lo > _MAX_CLASS:
                    return None
                out.update(chr(c).lower() for c in range(lo, hi + 1))
            else:  # NEGATE, CATEGORY (\w, \s, \d)
                return None
        return out if len(out) <= _MAX_CLASS else None

    def extend(states: set[State], members: set[str]) -> set[State]:
        out: set[State] = set()
        for p, closed in states:
            if closed:
                out.add((p, True))
                continue
            for ch in members:
                q = p + ch
                out.add((q, len(q) >= chars))
        return out

    def walk(seq: Any, states: set[State]) -> set[State]:
        for op, av in seq:
            if all(closed for _, closed in states):
                return states
            if op is sre_c.LITERAL:
                states = extend(states, {chr(av).lower()})
            elif op is sre_c.IN:
                members = chars_of(av)
                states = close(states) if members is None else extend(states, members)
            elif op is sre_c.SUBPATTERN:
                states = walk(av[-1], states)
            elif op is sre_c.ATOMIC_GROUP:
                states = walk(av, states)
            elif op is sre_c.BRANCH:
                merged: set[State] = set()
                for alt in av[1]:
                    merged |= walk(alt, states)
                states = merged
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
                lo, hi, body = av
                states = repeat(body, lo, hi, states)
            elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
                continue  # zero-width: consumes nothing
            else:  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...: the prefix ends here
                states = close(states)
            if len(states) > _MAX_PREFIXES:
                states = close(states)
        return states

    def repeat(body: Any, lo: int, hi: int, states: set[State]) -> set[State]:
        # the union of the states after n repetitions, lo <= n <= hi; the states
        # after n + 1 depend only on those after n, so once a set seen at some
        # n >= lo comes back, every later one has been collected already
        result: set[State] = set(states) if lo == 0 else set()
        seen: set[frozenset[State]] = {frozenset(states)} if lo == 0 else set()
        current = states
        n = 0
        while n < hi:
            current = walk(body, current)
            n += 1
            if n < lo:
                continue
            key = frozenset(current)
            if key in seen:
                break
            seen.add(key)
            result |= current
        return result

    final = walk(sre_p.parse(pattern, re.IGNORECASE), {("", False)})
    return frozenset(p for p, _ in final)


@dataclass(frozen=True)
class _TriggerIndex:
    """Which triggers can start with which lower-case text."""

    table: dict[str, tuple[int, ...]]  # prefix -> indices into _COMPILED, in order
    lengths: tuple[int, ...]  # the prefix lengths present
    anywhere: frozenset[int]  # triggers with no known prefix: always run
    finder: re.Pattern[str]  # matches (empty) at each position where a prefix starts


@lru_cache(maxsize=1)
def _trigger_index() -> _TriggerIndex:
    """The prefixes of :func:`_prefix_index`, kept per trigger.

    A trigger can match a sentence only where one of its prefixes starts.
    """
    table: dict[str, set[int]] = {}
    anywhere: set[int] = set()
    for k, trigger in enumerate(TRIGGERS):
        for prefix in pattern_prefixes(trigger.regex):
            if prefix:
                table.setdefault(prefix, set()).add(k)
            else:
                anywhere.add(k)
    lengths = tuple(sorted({len(p) for p in table}))
    return _TriggerIndex(
        {p: tuple(sorted(v)) for p, v in table.items()},
        lengths,
        frozenset(anywhere),
        re.compile(f"(?={starts_pattern(table)})"),
    )


def _trigger_starts(sentence: str) -> dict[int, list[int]] | None:
    """Where each trigger can start in ``sentence``: trigger index -> positions, in
    order (only the triggers that can match somewhere; None: a sentence whose case
    folding the prefixes do not follow, where every trigger is tried everywhere).

    A trigger matches only where one of its prefixes starts (what
    :func:`is_candidate` relies on too), so trying it at those positions finds what
    running it over the whole sentence finds.
    """
    lowered = folded_lower(sentence)
    return None if lowered is None else _starts_from(lowered, 0)


def _starts_from(lowered: str, begin: int) -> dict[int, list[int]]:
    """:func:`_trigger_starts` of a :func:`folded_lower` sentence, from ``begin`` on."""
    index = _trigger_index()
    table = index.table
    found: dict[int, list[int]] = {}
    # the finder stops only where some prefix starts (in C, as in is_candidate),
    # in text order, so each trigger's positions come sorted
    for m in index.finder.finditer(lowered, begin):
        i = m.start()
        for n in index.lengths:
            hit = table.get(lowered[i : i + n])
            if hit is not None:
                for k in hit:
                    positions = found.setdefault(k, [])
                    if not positions or positions[-1] != i:
                        positions.append(i)
    everywhere = list(range(begin, len(lowered)))
    for k in index.anywhere:
        found[k] = everywhere
    return {k: found[k] for k in sorted(found)}


def candidate_triggers(sentence: str) -> tuple[bool, list[TriggerMatch]]:
    """``(is_candidate(sentence), find_triggers(sentence))`` from one search of the
    sentence for trigger prefixes, where calling both searches it twice.

    The candidate test stops at the first position where some trigger's bare
    pattern matches; a trigger between word boundaries is a match of its bare
    pattern too, so none starts before that position, and the search for triggers
    goes on from there. The triggers are remembered as :func:`find_triggers`
    remembers them.
    """
    lowered = folded_lower(sentence)
    if lowered is None:
        return is_candidate_regex(sentence), find_triggers(sentence)
    first = _first_candidate_position(sentence, lowered)
    if first < 0:
        return False, []
    triggers = _cached_triggers.get(sentence)
    if triggers is None:
        starts = _starts_from(lowered, first)
        triggers = tuple(_find_at(sentence, starts, feature_only=False))
        _cached_triggers.put(sentence, triggers)
    return True, list(triggers)


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Every trigger in a sentence, longest first where they overlap, in text order.

    Each trigger is tried only where it can start (:func:`_trigger_starts`): the
    same answer as running every trigger over the whole sentence
    (:func:`find_triggers_regex`), faster. The last few thousand sentences'
    answers are remembered: the extractor, the event classifier's features and
    the demonstration typing all ask about the same candidate sentences.
    """
    found = _cached_triggers.get(sentence)
    if found is None:
        found = tuple(_find_where(sentence, feature_only=False))
        _cached_triggers.put(sentence, found)
    return list(found)


class _Recent:
    """The answers for the last ``size`` sentences (an LRU that two functions fill)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.answers: OrderedDict[str, tuple[TriggerMatch, ...]] = OrderedDict()

    def get(self, sentence: str) -> tuple[TriggerMatch, ...] | None:
        found = self.answers.get(sentence)
        if found is not None:
            self.answers.move_to_end(sentence)
        return found

    def put(self, sentence: str, found: tuple[TriggerMatch, ...]) -> None:
        self.answers[sentence] = found
        if len(self.answers) > self.size:
            self.answers.popitem(last=False)


_cached_triggers = _Recent(4096)


def reader_only(trigger_text: str) -> bool:
    """True when a mention's trigger words are a pattern the classifier's features do
    not see (``Trigger.feature`` false): its sentence label is no informed word on it."""
    return any(
        not t.feature and rx.fullmatch(trigger_text) is not None
        for t, rx in zip(TRIGGERS, _BARE, strict=True)
    )


# The takeover triggers that say the side takes back a place it held before
# ("recaptured", "retook", "regained", "reclaimed", "restored control", "recovered",
# "re-entered"):
# a side's retaking of a town it lost is news, never a recollection of how it first came
# to hold it.
_RETAKING = re.compile(
    r"re-?(?:captur|tak|took|gain|claim|establish|assum|enter|occup)|restor|recover",
    re.IGNORECASE,
)


def is_retaking(trigger_text: str) -> bool:
    """Whether a takeover's trigger words tell a re-taking ("recaptured", "regained
    control", "restored control", "re-entered"), not a first taking."""
    return _RETAKING.match(trigger_text) is not None


def find_feature_triggers(sentence: str) -> list[TriggerMatch]:
    """:func:`find_triggers` over the triggers that are classifier features."""
    return list(_cached_feature_triggers(sentence))


@lru_cache(maxsize=4096)
def _cached_feature_triggers(sentence: str) -> tuple[TriggerMatch, ...]:
    return tuple(_find_where(sentence, feature_only=True))


def _find_where(sentence: str, *, feature_only: bool) -> list[TriggerMatch]:
    """:func:`_find_among` with each trigger tried only where it can start."""
    starts = _trigger_starts(sentence)
    if starts is None:
        return _find_among(sentence, [c for c in _COMPILED if c[0].feature or not feature_only])
    return _find_at(sentence, starts, feature_only=feature_only)


def _find_at(
    sentence: str, starts: dict[int, list[int]], *, feature_only: bool
) -> list[TriggerMatch]:
    """Each trigger tried at the positions ``starts`` gives it (lexicon order)."""
    found: list[TriggerMatch] = []
    for k, positions in starts.items():
        trigger, rx = _COMPILED[k]
        if feature_only and not trigger.feature:
            continue
        # as ``rx.finditer`` goes: the leftmost match, then the next one from its end
        end = 0
        for at in positions:
            if at < end:
                continue
            m = rx.match(sentence, at)
            if m is not None:
                found.append(TriggerMatch(trigger, m.start(), m.end(), m.group(0)))
                end = m.end()
    return _longest_first(found)


def find_triggers_regex(sentence: str) -> list[TriggerMatch]:
    """The reference :func:`find_triggers`: every trigger's regex run over the sentence."""
    return _find_among(sentence, list(_COMPILED))


def _find_among(
    sentence: str, compiled: list[tuple[Trigger, re.Pattern[str]]]
) -> list[TriggerMatch]:
    found: list[TriggerMatch] = []
    for trigger, rx in compiled:
        for m in rx.finditer(sentence):
            found.append(TriggerMatch(trigger, m.start(), m.end(), m.group(0)))
    return _longest_first(found)


def _longest_first(found: list[TriggerMatch]) -> list[TriggerMatch]:
    """Matches in text order, the longest where they overlap (the first trigger of the
    lexicon on a tie); ``found`` in lexicon order."""
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


# Families that tell of a demonstration; its exact sub-type depends on what else
# the text says happened there (see :func:`demonstration_sub_type`).
DEMONSTRATION_FAMILIES = frozenset(
    {Family.PROTEST, Family.INTERVENTION, Family.FORCE, Family.RIOT, Family.MOB}
)
# "protesters clashed with police": a clash at a demonstration makes it a riot.
_CLASH_WORD = re.compile(r"clash(?:ed|es|ing)?|fought|scuffl(?:e|ed|es)", re.IGNORECASE)

# Generic words that tell an actor's kind when the actor dictionary does not know
# the name (ACLED: state forces vs everyone else, for territory).
_GENERIC_STATE = re.compile(
    r"\b(?:army|armies|troops|soldiers|security\s+forces|government\s+forces|regime\s+forces"
    r"|military|armed\s+forces|police|federal\s+(?:forces|troops)|national\s+guard"
    r"|gendarmes?|gendarmerie|marines|state\s+forces|pro-government\s+forces)\b",
    re.IGNORECASE,
)
_GENERIC_NON_STATE = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|terrorists?|fighters|militias?"
    r"|militiamen|armed\s+groups?|gunmen|extremists|islamists|separatists|guerrillas?"
    r"|opposition\s+forces|tribesmen|takfiris?)\b",
    re.IGNORECASE,
)


def generic_actor_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of generic actor words in ``text``, in text order.

    ``kind`` is "state forces" for armies, police and the like, "rebel group"
    for militants, rebels, gunmen and the like.
    """
    cues = [(m.start(), m.end(), "state forces") for m in _GENERIC_STATE.finditer(text)]
    cues += [(m.start(), m.end(), "rebel group") for m in _GENERIC_NON_STATE.finditer(text)]
    return sorted(cues)


def demonstration_sub_type(text: str) -> str:
    """The ACLED sub-type of a demonstration told in ``text``.

    ACLED's order of precedence: demonstrators who use violence make a riot
    (violent demonstration; mob violence when no demonstration is named);
    otherwise lethal or injuring force against them is excessive force; an
    attempt to disperse or arrest them is a protest with intervention; else
    the protest was peaceful.
    """
    found = find_triggers(text)
    families = {t.trigger.family for t in found}
    protest = bool(families & {Family.PROTEST, Family.INTERVENTION, Family.FORCE, Family.RIOT})
    clashed = any(t.trigger.family is Family.CLASH and _CLASH_WORD.fullmatch(t.text) for t in found)
    if Family.RIOT in families or (protest and (clashed or Family.LOOTING in families)):
        return "Violent demonstration"
    if Family.MOB in families:
        return "Violent demonstration" if protest else "Mob violence"
    if Family.FORCE in families:
        return "Excessive force against protesters"
    if Family.INTERVENTION in families or Family.ARRESTS in families:
        return "Protest with intervention"
    return "Peaceful protest"


def sub_type_for(
    family: Family,
    *,
    agent_kind: str | None,
    loser_kind: str | None,
    context: str | None = None,
) -> str:
    """The ACLED sub-event type for a trigger family, given the actors' kinds.

    ``context`` is the text the trigger came from; when given, a demonstration
    is typed by what else happened there (:func:`demonstration_sub_type`).
    Without it a protest is peaceful and a riot a violent demonstration.
    """
    if context is not None and family in DEMONSTRATION_FAMILIES:
        return demonstration_sub_type(context)
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
        Family.SEXUAL: "Sexual violence",
        Family.AGREEMENT: "Agreement",
        Family.ARRESTS: "Arrests",
        Family.BASE: "Headquarters or base established",
        Family.LOOTING: "Looting/property destruction",
        Family.DISRUPTED: "Disrupted weapons use",
        Family.CHANGE: "Change to group/activity",
        Family.PROTEST: "Peaceful protest",
        Family.INTERVENTION: "Protest with intervention",
        Family.FORCE: "Excessive force against protesters",
        Family.RIOT: "Violent demonstration",
        Family.MOB: "Mob violence",
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
