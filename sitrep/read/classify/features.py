"""Rule features for the event classifier, read off the trigger lexicon and cheap cues.

No parser here: the classifier must read well over a thousand sentences a
second. What the lexicon knows enters the model as features, so the model
learns how far to trust each trigger family instead of obeying it:

- which trigger families fire, and how strongly (the strongest weight);
- which ACLED sub-type the lexicon's family -> sub-type rule gives for each
  trigger, with the acting side guessed from generic words ("militants",
  "the army") before the trigger;
- cues that an event did not (yet) happen: negation, modal verbs, "to" + verb
  before the trigger, expectation words ("vowed to", "poised to"), denials;
- cues of background: past perfect, "since", "ago", years, anniversaries.

scikit-learn is not imported here: the reader predicts through
:mod:`sitrep.read.linear`, and only training needs the transformer
(:class:`sitrep.read.classify.transformer.RuleFeatures`).
"""

from __future__ import annotations

import re

from sitrep.read.typology import (
    DEMONSTRATION_FAMILIES,
    SUB_EVENT_TYPES,
    Family,
    demonstration_sub_type,
    find_feature_triggers,
    generic_actor_cues,
    sub_type_for,
)

_FAMILIES = tuple(Family)
_SUB_TYPES = tuple(SUB_EVENT_TYPES)
_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.IGNORECASE))
    for name, rx in (
        ("negation", r"\b(?:no|not|never|nor|without|none)\b|n['’]t\b"),
        ("denial", r"\b(?:den(?:y|ied|ies|ial)|reject(?:ed|s)?|refut(?:ed|es)|dismiss(?:ed|es))\b"),
        ("modal", r"\b(?:will|would|could|can|may|might|shall|should|must)\b"),
        (
            "expect",
            r"\b(?:expected|poised|prepar(?:e|es|ed|ing)|plan(?:s|ned|ning)?|vow(?:s|ed)?"
            r"|threaten(?:s|ed)?|pledg(?:e|es|ed)|warn(?:s|ed)?|intend(?:s|ed)?|aim(?:s|ed)?"
            r"|imminent|looming|feared|fears?|likely|possible|ready|readying|gearing"
            r"|ahead\s+of|about\s+to|set\s+to|unless|whether|if)\b",
        ),
        ("claim", r"\b(?:claim(?:s|ed)?|alleg(?:e|es|ed)|purport(?:s|ed)?)\b"),
        ("responsibility", r"\bresponsib(?:le|ility)\b|\bblam(?:e|es|ed)\b|\bbehind\s+the\b"),
        ("past_perfect", r"\bhad\s+(?:been\s+)?\w+(?:ed|en)\b"),
        ("since", r"\b(?:since|ago|anniversary|years?\s+after|marks?|commemorat\w*)\b"),
        ("year", r"\b(?:19|20)\d\d\b"),
        ("weekday", r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
        ("quote", r"[\"“”]"),
        ("number", r"\d"),
        ("killed", r"\b(?:killed|dead|died|wounded|injured|casualties)\b"),
        ("question", r"\?"),
    )
)
_TO_VERB = re.compile(r"\bto\s+(?:\w+\s+)?$", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|never|without|nor|failed\s+to)\s+(?:\w+\s+)?$", re.I)

N_FEATURES = 2 * len(_FAMILIES) + len(_SUB_TYPES) + len(_CUES) + 3


def rule_vector(text: str) -> list[float]:
    """The rule features of one sentence, in a fixed order (see :func:`feature_names`)."""
    fired = [0.0] * len(_FAMILIES)
    strength = [0.0] * len(_FAMILIES)
    subs = [0.0] * len(_SUB_TYPES)
    triggers = find_feature_triggers(text)
    cues = generic_actor_cues(text) if triggers else []
    to_verb = negated = 0.0
    for trig in triggers:
        fam = trig.trigger.family
        k = _FAMILIES.index(fam)
        fired[k] = 1.0
        strength[k] = max(strength[k], trig.trigger.weight)
        if fam is Family.CONTROL:
            continue
        if fam in DEMONSTRATION_FAMILIES:
            sub = demonstration_sub_type(text)
        else:
            before = [kind for _, end, kind in cues if end <= trig.start]
            sub = sub_type_for(fam, agent_kind=before[-1] if before else None, loser_kind=None)
        subs[_SUB_TYPES.index(sub)] = 1.0
        head = text[: trig.start]
        if _TO_VERB.search(head):
            to_verb = 1.0
        if _NEGATED_BEFORE.search(head):
            negated = 1.0
    cue_values = [1.0 if rx.search(text) else 0.0 for _, rx in _CUES]
    return [*fired, *strength, *subs, *cue_values, to_verb, negated, 0.0 if triggers else 1.0]


def feature_names() -> list[str]:
    """Names of :func:`rule_vector`'s columns."""
    return [
        *(f"fires:{f.value}" for f in _FAMILIES),
        *(f"weight:{f.value}" for f in _FAMILIES),
        *(f"lexicon:{s}" for s in _SUB_TYPES),
        *(f"cue:{name}" for name, _ in _CUES),
        "to_verb_before_trigger",
        "negated_trigger",
        "no_trigger",
    ]


def normalize_digits(text: str) -> str:
    """Lower case, every digit as 0: "12 May 2021" and "3 June 2019" share n-grams."""
    return re.sub(r"\d", "0", text.lower())
