"""Tests of the English lexicon read from the pinned spaCy model package."""

from __future__ import annotations

import pytest

from sitrep.core.config import default_config
from sitrep.text.lexicon import EnglishLexicon, english_lexicon


@pytest.fixture(scope="module")
def lexicon() -> EnglishLexicon:
    return english_lexicon(default_config().spacy_model)


@pytest.mark.parametrize(
    "word", ["Farmers", "Voters", "Human", "Orange", "Soul", "Checkpoint", "Lion", "Rise"]
)
def test_everyday_words_are_common(lexicon: EnglishLexicon, word: str) -> None:
    assert lexicon.common_word(word)


@pytest.mark.parametrize(
    "word", ["Kiev", "Constantinople", "Leningrad", "Saigon", "Aleppo", "Rubaya", "al-Bab", "Київ"]
)
def test_names_are_not_common_words(lexicon: EnglishLexicon, word: str) -> None:
    assert not lexicon.common_word(word)


def test_a_missing_model_gives_an_empty_lexicon() -> None:
    empty = english_lexicon("no_such_spacy_model_package")
    assert not empty and not empty.common_word("Farmers")


def test_rules_by_hand() -> None:
    lex = EnglishLexicon(
        nouns=frozenset({"farmer", "soul", "kiev", "voter"}),
        others=frozenset({"human"}),
        seen=frozenset({"souls", "farmers"}),
        noun_rules=(("s", ""),),
    )
    assert lex.common_word("farmers") and lex.common_word("Human") and lex.common_word("Soul")
    # a noun no plural of which was seen; a plural never seen
    assert not lex.common_word("Kiev") and not lex.common_word("Voters")
