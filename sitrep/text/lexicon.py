"""Everyday English words, judged with the tables inside the pinned spaCy model package.

The English model ships its lemmatizer's tables (WordNet's lemmas by part of
speech and the rules that make a plural's lemma) and the strings its
vocabulary has seen. Together they tell a common word from a proper noun well
enough to keep a place's alternate name "Farmers" or "Soul" from matching the
first word of a sentence, while "Constantinople" or "Leningrad" (WordNet lists
them as nouns too) still count as names.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["EnglishLexicon", "english_lexicon"]


@dataclass(frozen=True)
class EnglishLexicon:
    """Words of English by kind (lower case), read from a spaCy model package.

    ``nouns`` are WordNet's noun lemmas (proper nouns among them: "kiev",
    "saigon"); ``others`` the verb, adjective and adverb lemmas, which have no
    proper nouns; ``seen`` the strings of the model's vocabulary; ``noun_rules``
    the suffix rules that make a plural noun's lemma ("farmers" -> "farmer").
    """

    nouns: frozenset[str]
    others: frozenset[str]
    seen: frozenset[str]
    noun_rules: tuple[tuple[str, str], ...]

    def __bool__(self) -> bool:
        return bool(self.nouns)

    def common_word(self, word: str) -> bool:
        """Whether ``word`` (one word, any case) is an everyday English word
        rather than only a name: a plural of a noun the model has seen
        ("Farmers", "Voters"), a
        verb, adjective or adverb ("Human", "Orange", "Rise"), or a noun whose
        plural the model has seen in running text ("Soul": "souls"; no
        "constantinoples" is ever written)."""
        w = word.casefold()
        if not w.isascii() or not w.isalpha():
            return False
        if w in self.others:
            return True
        if w in self.nouns:
            return _plural(w) in self.seen
        # a plural the model has seen, of a noun ("farmers"); not a name made
        # plural ("Londons", an alias of London)
        return w in self.seen and any(
            w.endswith(old) and w[: len(w) - len(old)] + new in self.nouns
            for old, new in self.noun_rules
            if len(w) > len(old)
        )


def _plural(noun: str) -> str:
    """The regular English plural of a noun (enough for the words it is asked about)."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


def _model_dirs(spacy_model: str) -> list[Path]:
    """The data folders (``<name>-<version>``) of the installed model package."""
    try:
        spec = importlib.util.find_spec(spacy_model)
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    return [
        p.parent
        for root in spec.submodule_search_locations
        for p in sorted(Path(root).glob("*/config.cfg"))
    ]


def english_lexicon(spacy_model: str) -> EnglishLexicon:
    """The lexicon of the installed spaCy model package ``spacy_model``.

    Empty (false) when the package is not installed or has no rule lemmatizer
    tables: callers then judge no word common.
    """
    nouns: set[str] = set()
    others: set[str] = set()
    seen: set[str] = set()
    rules: list[tuple[str, str]] = []
    for folder in _model_dirs(spacy_model):
        lookups = folder / "lemmatizer" / "lookups"
        if not (lookups / "lookups.bin").is_file():
            continue
        from spacy.lookups import Lookups  # heavy: only when a gazetteer is built

        tables = Lookups().from_disk(lookups)
        if not (tables.has_table("lemma_index") and tables.has_table("lemma_rules")):
            continue
        index, noun_rules = tables.get_table("lemma_index"), tables.get_table("lemma_rules")
        nouns.update(_lower(index.get("noun", ())))
        for pos in ("verb", "adj", "adv"):
            others.update(_lower(index.get(pos, ())))
        rules += [(old, new) for old, new in noun_rules.get("noun", ())]
        strings = folder / "vocab" / "strings.json"
        if strings.is_file():
            import srsly  # ships with spaCy

            seen.update(_lower(srsly.read_json(strings)))
    return EnglishLexicon(
        nouns=frozenset(nouns),
        others=frozenset(others),
        seen=frozenset(seen),
        noun_rules=tuple(dict.fromkeys(rules)),
    )


def _lower(words: Iterable[object]) -> Iterable[str]:
    return (w.casefold() for w in words if isinstance(w, str))
