"""Sources and speakers from sentence to sentence: the carry-over every reader applies.

A reader knows how one sentence of its language names who asserts it (its own
``attribute_sentence``); what carries from one sentence to the next is the same
in every language:

1. the article's outlet asserts every sentence by default;
2. a sentence that names an outlet makes it the source; it stays the source
   of the following sentences (``Claim.inherited``) until another outlet (or
   the article's own) is named;
3. a speaker carries over only to a sentence whose subject is a pronoun ("He
   said ...", "وی افزود").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Protocol

from sitrep.core.records import Article, Claim, Sentence
from sitrep.ingest.outlets import OutletDirectory, outlet_directory

__all__ = ["SentenceAttribution", "SentenceReader", "carry_attribution"]


class SentenceAttribution(Protocol):
    """What a reader's per-sentence attribution returns."""

    @property
    def source(self) -> str | None: ...

    @property
    def speaker(self) -> str | None: ...

    @property
    def verb(self) -> str | None: ...


#: A reader's per-sentence attribution: (sentence text, outlets) -> who asserts it.
SentenceReader = Callable[[str, OutletDirectory], SentenceAttribution]


def carry_attribution(
    article: Article,
    sentences: Sequence[Sentence],
    read_sentence: SentenceReader,
    *,
    pronouns: Collection[str],
    outlets: OutletDirectory | None = None,
) -> list[Claim]:
    """One :class:`Claim` per sentence, in order: ``read_sentence`` reads each sentence,
    the module's rules carry sources and speakers over. ``pronouns`` (lower case) are the
    first words of a speaker that stand for the last speaker named."""
    outlets = outlets or outlet_directory()
    own = outlets.canonical(article.outlet) or "unknown"
    current = own
    last_speaker: str | None = None
    claims: list[Claim] = []
    for sentence in sentences:
        found = read_sentence(sentence.span.text, outlets)
        speaker = found.speaker
        if speaker and speaker.split()[0].lower() in pronouns:
            speaker = last_speaker
        if found.source and found.source != own:
            current = found.source
        elif found.source == own:
            current = own
        inherited = current != own and not found.source
        claims.append(Claim(article.id, sentence, current, speaker, found.verb, inherited))
        if speaker:
            last_speaker = speaker
    return claims
