"""Persian text: letter folding with offsets, sentence splitting, tokenization.

Everything the Persian reader matches (triggers, actors, places, dates) runs on
a *folded* copy of a sentence, while every :class:`~sitrep.core.records.Span` it
records points into the article's original text. :func:`fold` therefore
returns the folded text together with, for each folded character, the offset
of the original character it came from.

Folding (what Persian and Arabic typing varies in):

- Arabic yeh and alef maksura (ي ى) -> Persian yeh (ی); Arabic kaf (ك) -> ک;
- Persian (۰-۹) and Arabic-Indic (٠-٩) digits -> ASCII digits, Arabic
  decimal and thousands separators -> "." and ",";
- tatweel (ـ), Arabic diacritics (harakat, superscript alef) and directional
  marks (LRM, RLM, embeddings) are dropped;
- no-break and other spaces -> " ";
- the zero-width non-joiner (U+200C) is kept: it is part of Persian words
  (نیروهای‌ عراقی, بازپس‌گیری) and the actor and place matchers know it.

The tables and the policy (``PERSIAN_READING``) live in :mod:`sitrep.text.normalize`,
with the folds of the gazetteer, the actor dictionary and moderation.

Sentences end at ``.``, ``!``, ``?``, ``؟`` and ``؛`` followed by white space,
and always at a line break (a paragraph). A period between digits
("۳.۵") or not followed by space does not end a sentence. Hazm is not used:
it pins an old numpy (see DEPENDENCIES.md) and this is all the reader needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.core.records import Sentence
from sitrep.text import normalize as _norm
from sitrep.text.normalize import ZWNJ, Folded
from sitrep.text.sentences import split_lines


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the offset of every character (see module doc).

    The folding is :data:`sitrep.text.normalize.PERSIAN_READING`.
    """
    return _norm.fold_with_offsets(text, _norm.PERSIAN_READING)


def normalize(text: str) -> str:
    """The folded form of ``text`` alone (letters, digits, marks; ZWNJ kept)."""
    return _norm.fold(text, _norm.PERSIAN_READING)


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits -> ASCII digits, nothing else changed (same length)."""
    return _norm.to_ascii_digits(text)


# A boundary: terminal punctuation (with closing quotes or brackets) then space, or a
# period copied without its space between two Persian words ("... مستقر می‌کند.مخالفان
# اعلام کرده‌اند"): two letters on each side, so "ه.ش" and "3.5" stay whole.
_BOUNDARY = re.compile(
    r"""(?<![.!?؟؛])([.!?؟؛]++["'”’»)\]]*+)"""
    r"""(?:\s+|(?<=[\u0621-\u064a\u067e-\u06cc]{2}[.!?؟؛])(?=[\u0621-\u064a\u067e-\u06cc]{2}))"""
)


def split_sentences(text: str) -> list[Sentence]:
    """Split a Persian article into sentences with offsets into ``text``.

    A line break always ends a sentence (paragraphs are numbered from 0 over
    non-blank lines); within a line, ``. ! ? ؟ ؛`` followed by white space end
    one. A single Latin capital before a period ("U.S.", an initial) does not.
    """
    return split_lines(text, _BOUNDARY, keeps_sentence=_latin_initial)


def _latin_initial(before: str, m: re.Match[str]) -> bool:
    # an initial or "U.S." inside a Latin name
    return m.group(1) == "." and re.search(r"(?:^|[\s.])[A-Z]$", before) is not None


@dataclass(frozen=True)
class Token:
    """A word of a text: its offsets and its text (ZWNJ-joined parts stay one word)."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _word() -> re.Pattern[str]:
    return re.compile(r"[\w\u200c\u200d]+(?:[-'’][\w\u200c]+)*")


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` in order (punctuation left out); a ZWNJ joins a word's parts."""
    return [Token(m.start(), m.end(), m.group()) for m in _word().finditer(text)]


def parts(word: str) -> list[str]:
    """The ZWNJ-separated parts of a word: "بازپس‌گیری" -> ["بازپس", "گیری"]."""
    return [p for p in word.split(ZWNJ) if p]
