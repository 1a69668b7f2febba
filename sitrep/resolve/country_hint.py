"""A report's default country as the weakest context for choosing among namesakes.

A followed feed can say which country its reports are about (``country`` in a
``[[feeds]]`` table, carried as :attr:`sitrep.core.records.Article.country_hint`).
A Lebanese outlet's "Tripoli" is the Lebanese port, a South Sudanese one's "Leer"
the town in Unity state, not the larger German town the bare name goes to.

The hint is weaker than anything the text says: :func:`find_places` reads the
article as it would without a hint, then reads it again with the hint's country
as context, and a name whose place changes to one in that country takes the new
place only when the text gives the first place's country no support of its own:

- the first place is a country (a country named is the text's own context);
- another place the text names lies in the first place's country ("Tripoli and
  Beirut", "Tripoli, Lebanon");
- a demonym of that country is in the text ("Lebanese troops entered Tripoli").

Nothing the plain reading found is lost (with a context country, the world
gazetteer turns down some small places abroad a text names on their own, such as
Adré in Chad in a report from a Sudanese feed), and nothing is added (a word that
is also the alias of a village in the hint's country stays a word). Without a
hint, or with a country the gazetteer lacks, the result is exactly the plain one.

Readers that find places their own way (the Persian reader) make the two readings
themselves and call :func:`prefer_hint`. Demonyms are read from capitalized words
only: Persian and Arabic ones (لبنانی) do not count yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.core.errors import LookupFailed
from sitrep.core.records import PlaceMatch, PlacePrecision
from sitrep.resolve.gazetteer import Gazetteer

# Capitalized words: the demonyms ("Lebanese", "Libyan") a text may use.
_WORD = re.compile(r"[^\W\d_]+")


def hint_code(gazetteer: Gazetteer, hint: str | None) -> str | None:
    """The hint as the gazetteer's ISO3 code, or None (no hint, or a country it lacks)."""
    if not hint or not hint.strip():
        return None
    try:
        return gazetteer.country(hint).country
    except LookupFailed:
        return None


def find_places(
    gazetteer: Gazetteer,
    texts: Sequence[str],
    hint: str | None = None,
    *,
    countries: Sequence[str] = (),
) -> list[list[PlaceMatch]]:
    """:meth:`Gazetteer.find_all` for one article's sentences, preferring the
    hint's country among namesakes where the text does not decide (module docstring).

    ``countries`` (ISO3) are context the text gives by other means than place names
    (the home country of an armed group it names), passed to both readings."""
    plain = gazetteer.find_all(texts, countries=countries)
    code = hint_code(gazetteer, hint)
    if code is None:
        return plain
    hinted = gazetteer.find_all(texts, countries=(*countries, code))
    return prefer_hint(gazetteer, texts, plain, hinted, code)


def prefer_hint(
    gazetteer: Gazetteer,
    texts: Sequence[str],
    plain: Sequence[Sequence[PlaceMatch]],
    hinted: Sequence[Sequence[PlaceMatch]],
    code: str,
) -> list[list[PlaceMatch]]:
    """The plain reading of ``texts`` with a match swapped for the hinted reading's
    match at the same span when that one lies in ``code`` (the hint's ISO3, see
    :func:`hint_code`) and the text does not back the plain one (module docstring).

    For readers that find places their own way (the Persian reader folds and
    filters each sentence): ``plain`` and ``hinted`` are their two readings of one
    article, without and with ``code`` as context; one row per text, in order.
    """
    supported = _supported_countries(gazetteer, texts, plain)
    out: list[list[PlaceMatch]] = []
    for found, alternatives in zip(plain, hinted, strict=True):
        by_span = {(m.span.start, m.span.end): m for m in alternatives if m.span is not None}
        row: list[PlaceMatch] = []
        for m in found:
            alt = by_span.get((m.span.start, m.span.end)) if m.span is not None else None
            if (
                alt is not None
                and alt.place.country == code
                and m.place.country != code
                and m.place.kind is not PlacePrecision.COUNTRY
                and not _backed(m, supported)
            ):
                m = alt
            row.append(m)
        out.append(row)
    return out


def _supported_countries(
    gazetteer: Gazetteer, texts: Sequence[str], plain: Sequence[Sequence[PlaceMatch]]
) -> dict[str, set[int | None]]:
    """Country -> the places (ids) the text names there; a demonym counts as a place
    of its own (id None), which backs every place of that country."""
    out: dict[str, set[int | None]] = {}
    for found in plain:
        for m in found:
            if m.place.country:
                out.setdefault(m.place.country, set()).add(m.place.id)
    for text in texts:
        for word in _WORD.findall(text):
            if word[0].isupper():
                country = gazetteer.country_of_adjective(word)
                if country:
                    out.setdefault(country, set()).add(None)
    return out


def _backed(match: PlaceMatch, supported: dict[str, set[int | None]]) -> bool:
    """Whether the text supports ``match``'s country by something besides ``match`` itself."""
    return bool(supported.get(match.place.country or "", set()) - {match.place.id})


def fallback_countries(gazetteer: Gazetteer, texts: Sequence[str], hint: str | None) -> list[str]:
    """The hint's country as an article's context when it names no place at all: ``[ISO3]``,
    or nothing when there is no hint or the text's demonyms name only other countries
    ("Russian forces took a village", in a report from a Sudanese feed)."""
    code = hint_code(gazetteer, hint)
    if code is None:
        return []
    named = {c for c, ids in _supported_countries(gazetteer, texts, ()).items() if ids}
    return [code] if not named or code in named else []
