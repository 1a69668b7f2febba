"""The classifier's label set: CASE 2021 codes, ACLED names, and the two non-events.

The model predicts one of :data:`LABELS`: the 25 ACLED sub-event types under
their CASE 2021 codes, the five CASE labels outside ACLED, ``NONE`` (a
conflict-news sentence that reports no event) and ``HYPOTHETICAL`` (an event
expected, planned, threatened or denied). A user's training file may name a
class by its CASE code or by its ACLED sub-event type name; :func:`normalize_label`
maps both to the code.
"""

from __future__ import annotations

import re

from sitrep.core.errors import InputError
from sitrep.read.typology import SUB_EVENT_TYPES

# ACLED sub-event type -> CASE 2021 code.
ACLED_TO_CASE: dict[str, str] = {
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Air/drone strike": "AIR_STRIKE",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Suicide bomb": "SUIC_BOMB",
    "Peaceful protest": "PEACE_PROTEST",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Mob violence": "MOB_VIOL",
    "Attack": "ATTACK",
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Sexual violence": "SEX_VIOL",
    "Arrests": "ARREST",
    "Agreement": "AGREEMENT",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Disrupted weapons use": "DISR_WEAP",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Grenade": "GRENADE",
    "Armed clash": "ARMED_CLASH",
    "Other": "OTHER",
}
CASE_TO_ACLED: dict[str, str] = {v: k for k, v in ACLED_TO_CASE.items()}

# The five CASE 2021 labels that are not ACLED sub-event types, with readable names.
CASE_EXTRAS: dict[str, str] = {
    "MAN_MADE_DISASTER": "Man-made disaster",
    "NATURAL_DISASTER": "Natural disaster",
    "DIPLO": "Diplomatic event",
    "ATTRIB": "Attribution of responsibility",
    "ORG_CRIME": "Organized crime",
}
NONE = "NONE"
HYPOTHETICAL = "HYPOTHETICAL"
NON_EVENTS: dict[str, str] = {NONE: "Not an event", HYPOTHETICAL: "Hypothetical or expected"}

CASE_CODES: tuple[str, ...] = (*ACLED_TO_CASE.values(), *CASE_EXTRAS)
LABELS: tuple[str, ...] = (*CASE_CODES, *NON_EVENTS)

assert set(ACLED_TO_CASE) == set(SUB_EVENT_TYPES), "every ACLED sub-event type needs a code"

_ALIASES: dict[str, str] = {}


def _key(name: str) -> str:
    # case, spaces, slashes and punctuation do not matter: "air/drone strike" ==
    # "Air / drone strike" == "AIR_DRONE_STRIKE"
    return re.sub(r"[^a-z0-9]+", "", name.lower())


for _code in LABELS:
    _ALIASES[_key(_code)] = _code
for _name, _code in ACLED_TO_CASE.items():
    _ALIASES[_key(_name)] = _code
for _code, _name in {**CASE_EXTRAS, **NON_EVENTS}.items():
    _ALIASES[_key(_name)] = _code
_ALIASES.update(
    {
        _key("Organised crime"): "ORG_CRIME",
        _key("Diplomatic"): "DIPLO",
        _key("Arrest"): "ARREST",
        _key("Hypothetical / expected"): HYPOTHETICAL,
        _key("Expected"): HYPOTHETICAL,
        _key("No event"): NONE,
        _key("Not event"): NONE,
    }
)


def normalize_label(raw: str, *, source: str = "labels") -> str:
    """The classifier code for a CASE code or an ACLED sub-event type name.

    Raises InputError naming ``source`` and listing the valid labels when
    ``raw`` is neither.
    """
    code = _ALIASES.get(_key(raw))
    if code is None:
        raise InputError(
            source,
            f"unknown label {raw!r}; valid labels are the CASE 2021 codes "
            f"({', '.join(LABELS)}) or the ACLED sub-event type names "
            f"({'; '.join(ACLED_TO_CASE)})",
        )
    return code


def acled_sub_type(code: str) -> str | None:
    """The ACLED sub-event type of a code (None for the CASE extras and non-events)."""
    return CASE_TO_ACLED.get(code)
