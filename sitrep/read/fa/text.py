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

Sentences end at ``.``, ``!``, ``?``, ``؟`` and ``؛`` followed by white space,
and always at a line break (a paragraph). A period between digits
("۳.۵") or not followed by space does not end a sentence. Hazm is not used:
it pins an old numpy (see DEPENDENCIES.md) and this is all the reader needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.core.records import Sentence, Span
from sitrep.text.sentences import split_lines

ZWNJ = "\u200c"

# one-to-one replacements
_REPLACE = {
    "ي": "ی",
    "ى": "ی",
    "ك": "ک",
    "٫": ".",
    "٬": ",",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u202f": " ",
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
}
# characters dropped: tatweel, harakat and Quranic marks, directional marks
_DROP = frozenset(
    ["\u0640", "\u0670", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + [chr(c) for c in range(0x0610, 0x061B)]
)


@dataclass(frozen=True)
class Folded:
    """A folded text and, per folded character, the offset of its original character.

    ``origin`` has one entry more than ``text``: the offset just past the end,
    so that an end offset maps as well as a start offset.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int, original: str, *, base: int = 0) -> Span:
        """The :class:`Span` of folded ``[start, end)`` in ``original`` (shifted by ``base``).

        ``original`` is the string that was folded; ``base`` is its offset in the
        article, so that the span points into the article's text.
        """
        a = self.origin[start]
        b = self.origin[end - 1] + 1 if end > start else a
        return Span(base + a, base + b, original[a:b])

    def to_original(self, pos: int) -> int:
        """The original offset of folded position ``pos`` (``len(text)`` maps to the end)."""
        return self.origin[pos]


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping the offset of every character (see module doc)."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(_REPLACE.get(ch, ch))
        origin.append(i)
    origin.append(len(text))
    return Folded("".join(out), tuple(origin))


def normalize(text: str) -> str:
    """The folded form of ``text`` alone (letters, digits, marks; ZWNJ kept)."""
    return fold(text).text


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits -> ASCII digits, nothing else changed (same length)."""
    return text.translate(_DIGITS)


_DIGITS = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)

# A boundary: terminal punctuation (with closing quotes or brackets) then space.
_BOUNDARY = re.compile(r"""(?<![.!?؟؛])([.!?؟؛]++["'”’»)\]]*+)\s+""")


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
