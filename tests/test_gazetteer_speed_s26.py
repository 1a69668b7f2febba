"""Session 26 (issue 13, speed): the gazetteer's faster paths give what the slower
ones gave. Every sentence here was written for these tests."""

from __future__ import annotations

import unicodedata

import pytest

from sitrep.resolve import gazetteer as gz
from sitrep.resolve.gazetteer import Gazetteer, _Evidence
from sitrep.text.normalize import PLACE_LATIN_KEY, fold, strip_accents


def _tokens_one_by_one(text: str) -> list[tuple[int, int, str]]:
    """The tokens as the scan made them before session 26: one character per regex
    step, possessives cut in a loop."""
    import re

    token = re.compile(
        r"[^\W_](?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
        r"\u0640\u200c\u200d]|['’‘ʼ`](?=[^\W_]))*"
    )
    toks = []
    for m in token.finditer(text):
        start, end = m.span()
        word = m.group()
        if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
            end -= 2
            word = word[:-2]
        toks.append((start, end, word))
    return toks


@pytest.mark.parametrize(
    "text",
    [
        "Syria's army retook Deir ez-Zor's airport on Monday.",
        "Forces entered Ra's al-Ayn and Raʾs al-ʿAyn, officials said.",
        "The Democratic People’s Republic of Korea fired a missile.",
        "Troops reached St. Cloud, Mt. Vernon and Ft. Worth.",
        "قوات دخلت دیر‌الزور و الرقة",
        "Ḩalab, Mosul_2 and 'quoted' words, it's done; X's and ab's.",
        "",
    ],
)
def test_tokens_as_before(text: str) -> None:
    assert gz._tokens(text) == _tokens_one_by_one(text)


@pytest.mark.parametrize(
    "word", ["Deir", "ez", "ABU", "Ra's", "Ra`s", "O'Neill", "x_y", "Gómez", "Ḩalab", "Straße"]
)
def test_latin_fold_as_before(word: str) -> None:
    # strip_accents returns ASCII text as it is: the same as decomposing it
    assert fold(word, PLACE_LATIN_KEY) == _folded_the_long_way(word)


def test_latin_fold_of_every_ascii_character() -> None:
    for code in range(32, 127):
        word = f"A{chr(code)}b"
        assert fold(word, PLACE_LATIN_KEY) == _folded_the_long_way(word)
    assert strip_accents("Ḩalab") == "Halab"


def _folded_the_long_way(word: str) -> str:
    text = word.casefold().translate(PLACE_LATIN_KEY.table)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_places_index_as_a_list(world: Gazetteer) -> None:
    places = world._places
    n = len(places)
    assert n > 100_000
    assert places[-1] == places[n - 1]
    assert places[0].id == places._cols[0][0]
    assert places[5] is places[5]  # made once
    with pytest.raises(IndexError):
        places[n]
    with pytest.raises(IndexError):
        places[-n - 1]


def test_plain_rank_is_the_ranking_without_evidence(world: Gazetteer) -> None:
    scan = world._scan("Rebels shelled Tripoli and Palmyra near Homs.")
    assert scan.chosen
    for i, j, rows, prov in scan.chosen:
        key = None if prov else gz._join(scan.folded[i : j + 1])
        for ctx in ((), ("SYR",), ("LBN", "USA")):
            expected = world._rank_world(
                rows, ctx, province=prov, name_key=key, evidence=_Evidence()
            )
            assert list(world._plain_rank(rows, ctx, prov, key)) == expected
            # the second time from what was kept
            assert list(world._plain_rank(rows, ctx, prov, key)) == expected
