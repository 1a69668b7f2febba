"""Who asserts each sentence: the outlet (source) and the person quoted (speaker).

Rules, applied sentence by sentence in reading order:

1. The article's outlet asserts every sentence by default.
2. "According to X, ...", "as reported by X", "X reports/notes/writes/said
   that ...", "..., X has announced": when X is a known outlet it becomes the
   source; otherwise X is the speaker, and the source stays the outlet that
   reports the speaker's words. Both can hold at once: "According to The
   Washington Post, the Syrian government announced ..." gives source The
   Washington Post, speaker the Syrian government.
3. A cited outlet stays the source of the following sentences (marked
   ``inherited``) until another outlet is named: roundups such as the seed
   summarise one outlet over several paragraphs. Speakers do not carry over,
   except to a sentence whose subject is a pronoun ("He said ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.core.records import Article, Claim, Sentence
from sitrep.ingest.outlets import OutletDirectory, outlet_directory
from sitrep.read.common.attribution import carry_attribution
from sitrep.text.patterns import starts_pattern

REPORTING_VERBS = (
    "said|says|say|announced|announces|announce|reported|reports|report|noted|notes|"
    "wrote|writes|claimed|claims|claim|denied|denies|deny|stated|states|told|added|"
    "confirmed|confirms|declared|declares|described|describes|hailed|insisted|alleged|"
    "alleges|acknowledged|admitted|quoted|cited|warned|explained|tweeted|posted"
)
# ("the KNU earlier said": a word of time between speaker and verb is no word of the name)
_VERB = (
    r"(?:has\s+|had\s+|have\s+|also\s+|later\s+|earlier\s+|previously\s+|on\s+\w+\s+)?"
    rf"(?P<verb>{REPORTING_VERBS})\b"
)
# A speaker phrase: up to eight words, no commas, opening with a capital or a
# determiner-like word ("the Syrian government", "state media", "a monitor").
_OPENERS = (
    "the|a|an|state|local|military|security|government|officials|sources|residents|"
    "witnesses|activists|monitors|medics|doctors|rebels|militants|commanders|police|he|she|they"
)
_WHO = rf"(?P<who>(?:[A-Z][\w.'’\-]*|(?:{_OPENERS}))(?:\s+[\w.'’\-]+){{0,7}}?)"
_APPOSITIVE = r"(?:,\s+[^,]{2,70},)?"
# the speaker's short name in brackets after the full one ("The Arakan Army (AA)
# said"): not a word of the name, and no end of it
_ACRONYM = r"(?:\s+\([A-Z][A-Za-z0-9.&/\-]{0,11}\))?"
_SUBJECT_VERB = re.compile(
    rf"(?:^|(?<=,\s)|(?<=;\s)|(?<=\bthat\s)){_WHO}{_ACRONYM}{_APPOSITIVE}\s+{_VERB}"
)
_ACCORDING = re.compile(
    r"\b(?:[Aa]ccording\s+to|as\s+reported\s+by|reported\s+by|cited\s+by|quoted\s+by|"
    r"in\s+a\s+report\s+by|told)\s+(?P<who>[^,;:]{2,80}?)(?=[,;:.]|\s+(?:that|on|in)\b|$)"
)
_STATEMENT = re.compile(
    rf"(?:^|(?<=,\s)){_WHO}\s+(?:issued|released|published)\s+(?:a|an)\s+[\w\s-]{{0,30}}?"
    r"(?P<verb>statement|communiqué|report)"
)
# What a match of _SUBJECT_VERB and of _STATEMENT must hold (both patterns are
# case-sensitive): a sentence with neither is not searched, as most are not
# (the patterns' look-behinds and lazy spans are tried at every position).
_HAS_VERB = re.compile(starts_pattern(REPORTING_VERBS.split("|")))
_STATEMENT_VERBS = ("issued", "released", "published")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
_NOT_SPEAKERS = frozenset({"this", "that", "which", "who", "there", "these", "those", "it"})


@dataclass(frozen=True)
class Attribution:
    """What one sentence says about who asserts it."""

    source: str | None = None
    speaker: str | None = None
    verb: str | None = None


def _clean_who(who: str) -> str:
    return who.strip(" \"'“”‘’").rstrip(".")


def attribute_sentence(text: str, outlets: OutletDirectory | None = None) -> Attribution:
    """The outlet and speaker a single sentence names as asserting it."""
    outlets = outlets or outlet_directory()
    source = speaker = verb = speaker_verb = None
    for m in _ACCORDING.finditer(text):
        who = _clean_who(m.group("who"))
        if outlets.is_outlet(who) or _outlet_in(who, outlets):
            source = source or _outlet_in(who, outlets)
        elif speaker is None:
            speaker = who
        verb = verb or "according to"
    patterns = []
    if _HAS_VERB.search(text):
        patterns.append(_SUBJECT_VERB)
    if any(v in text for v in _STATEMENT_VERBS):
        patterns.append(_STATEMENT)
    for pattern in patterns:
        for m in pattern.finditer(text):
            who = _clean_who(m.group("who"))
            first = who.split()[0].lower() if who else ""
            if not who or first in _NOT_SPEAKERS:
                continue
            outlet = _outlet_in(who, outlets)
            if outlet and (outlets.is_outlet(who) or len(who.split()) <= 4):
                source = source or outlet
            elif speaker is None:
                speaker = who
                speaker_verb = m.group("verb")
            verb = verb or m.group("verb")
    return Attribution(source=source, speaker=speaker, verb=speaker_verb or verb)


def _outlet_in(who: str, outlets: OutletDirectory) -> str | None:
    found = outlets.find(who)
    return found[0][2] if found else None


def attribute(
    article: Article, sentences: Sequence[Sentence], *, outlets: OutletDirectory | None = None
) -> list[Claim]:
    """One :class:`Claim` per sentence, in order, following the module's rules (the
    carry-over is :func:`sitrep.read.common.attribution.carry_attribution`)."""
    return carry_attribution(
        article, sentences, attribute_sentence, pronouns=_PRONOUNS, outlets=outlets
    )
