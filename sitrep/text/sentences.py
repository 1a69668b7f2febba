"""Text normalisation and sentence splitting.

A small rule-based splitter rather than a model: it is deterministic, keeps
exact character offsets into the article, respects paragraphs (a line break
always ends a sentence) and knows the abbreviations of news prose ("Brig.
Gen. Ali Mayhoub", "U.S.", "Nov. 3") that spaCy's rule sentencizer breaks on.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable

from sitrep.core.records import Sentence, Span

logger = logging.getLogger(__name__)

# Reading a sentence costs more than its length (every trigger looks at every
# date, actor and place of its sentence, and the parser's trees grow with it), so
# a "sentence" without full stops (a table, a list, a missing-punctuation feed)
# would make the cost of an article quadratic. Longer ones are read in pieces
# of at most this many characters, cut at a comma or semicolon, else at a
# space; nothing is dropped, and each cut is logged as a warning.
MAX_SENTENCE_CHARS = 1_500
# How much of the text before a period decides whether it ends the sentence:
# an abbreviation or initial is a short word, and looking no further keeps
# splitting linear ("Mr. Mr. Mr. ..." would otherwise rescan the whole line).
_LOOK_BEHIND = 64
_SOFT_CUT = re.compile(r"[,;:،؛]\s")

# Titles, ranks and month abbreviations that end with a period inside a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "brig",
        "col",
        "lt",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cmdr",
        "adm",
        "pres",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "jr",
        "sr",
        "co",
        "corp",
        "inc",
        "ltd",
        "dept",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)

# A sentence ends at . ! ? (or Persian/Arabic ؟ ۔) followed by space and an
# upper-case letter, a quote, a digit or a non-Latin letter.
_BOUNDARY = re.compile(r"""([.!?؟।]["'”’)\]]*+)\s++(?=["'“‘(\[]?[A-Z0-9\u0600-\u06FF])""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def normalize(text: str) -> str:
    """NFC-normalise, unify line endings and drop control characters.

    Zero-width non-joiners (U+200C) are kept: they are part of Persian words.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def _is_abbreviation(chunk: str) -> bool:
    m = _WORD_BEFORE.search(chunk)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if len(word) == 1 and word.isupper():  # an initial: "George W. Bush"
        return True
    if "." in word:  # "U.S", "U.N"
        return True
    return word.lower() in _ABBREVIATIONS


# A wire dateline opening an article: "KABUL, Aug 12 (Reuters) - ", "BEIRUT (AP) — ",
# "KYIV, Ukraine — ", "BANGKOK: " (AFP's and Asian papers' form). The city is in
# capitals; what follows the dash or colon is the lead. The city may be followed by
# its country and the date, or by the date and the year ("LVIV, Ukraine, April 1
# (Reuters) - ", "BAGHDAD, April 14, 2016 (AFP) - "): two comma-led parts. South
# Asian papers write the city as a name and a colon: "Kabul: The Taliban captured ...".
# A report filed from two cities names both with a slash: "BEIRUT/ISTANBUL (Reuters) - ".
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATELINE = re.compile(
    r"\A\s*(?:[A-Z][A-Z'’.\-]{2,}(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
    r"(?:\s*/\s*[A-Z][A-Z'’.\-]{2,}(?:\s+[A-Z][A-Z'’.\-]+){0,3})?"
    r"(?:,\s*[A-Z0-9][\w.]*(?:\s+[\w.]+){0,2}){0,2}(?:\s*\([^()\n]{1,40}\))?"
    r"\s*(?:--|[-–—]|(?<=[\w.)]):)"
    r"|[A-Z][a-z]{2,}(?:[\s-][A-Z][a-z]+)?:"
    # a city written as a name, then the day or the agency in brackets, then a dash:
    # "Kabul, June 14, (dpa) - ", "Aden, Jan. 3 (Xinhua) -- ", "Goma (AFP) - " (prose
    # does not set a month's day, nor a capitalised name in brackets, between a town and
    # a dash)
    r"|[A-Z][a-z]{2,}(?:[\s-][A-Z][a-z]+)?(?:,\s*[A-Z][a-z]+)?"
    r"(?:,\s*" + _MONTH + r"\.?\s+\d{1,2}(?:,\s*\d{4})?,?(?:\s*\([^()\n]{1,40}\))?"
    r"|\s*\([A-Z][^()\n]{0,39}\))\s*(?:--|[-–—]|:))\s+"
)


# The same in capitals only ("BANGKOK: ", "MOSUL, Iraq (Reuters) - "), for a dateline that
# opens a line after a headline or a photo caption: a line's first words in that form are
# the dateline of the lead that follows (not "Kabul: ", which a line of prose may open).
_CAPS_DATELINE = re.compile(_DATELINE.pattern.split("|[A-Z][a-z]")[0] + r")\s+")
# how many lines may come before a dateline's line (a headline, a caption, a credit)
DATELINE_LINES = 4


def dateline_end(text: str) -> int:
    """Where the lead starts after a wire dateline ("KABUL, Aug 12 - "), else 0.

    The dateline says where the report was filed, not where its events happened,
    and the parser reads "KABUL, Aug 12 - The Taliban captured Herat" as one noun
    phrase: it is left out of the first sentence.
    """
    m = _DATELINE.match(text)
    return m.end() if m else 0


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets, paragraph numbers and indexes
    (a wire dateline at the start is not part of the first sentence)."""
    sentences = split_lines(
        text, _BOUNDARY, keeps_sentence=lambda before, _m: _is_abbreviation(before + ".")
    )
    cut = dateline_end(text)
    if cut and sentences and sentences[0].span.start < cut < sentences[0].span.end:
        first = sentences[0]
        sentences[0] = Sentence(
            index=first.index,
            paragraph=first.paragraph,
            span=Span(cut, first.span.end, text[cut : first.span.end]),
        )
    elif not cut:
        # "A fighter near a base in 2015. - Photo: AFP file" then "BANGKOK: A Myanmar
        # armed group said ...": the dateline of a lead that opens a later line
        for k, s in enumerate(sentences):
            if s.paragraph >= DATELINE_LINES:
                break
            if s.span.start and text[s.span.start - 1] != "\n":
                continue
            m = _CAPS_DATELINE.match(s.span.text)
            if m is not None and m.end() < len(s.span.text):
                lo = s.span.start + m.end()
                sentences[k] = Sentence(
                    s.index, s.paragraph, Span(lo, s.span.end, text[lo : s.span.end])
                )
                break
    return sentences


def split_lines(
    text: str,
    boundary: re.Pattern[str],
    *,
    keeps_sentence: Callable[[str, re.Match[str]], bool],
) -> list[Sentence]:
    """Sentences of ``text``: every line break ends one, and so does each ``boundary``
    match (group 1 is the end punctuation) unless ``keeps_sentence(text before the
    punctuation, match)`` says the period belongs to the sentence ("Gen.", "U.S.").

    Shared by the English and Persian splitters; offsets are into ``text``.
    """
    sentences: list[Sentence] = []
    paragraph = -1
    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        start = 0
        for m in boundary.finditer(line):
            if keeps_sentence(line[max(start, m.start(1) - _LOOK_BEHIND) : m.start(1)], m):
                continue
            _add(sentences, line, line_start, start, m.end(1), paragraph)
            start = m.end()
        _add(sentences, line, line_start, start, len(line), paragraph)
    return sentences


def _add(out: list[Sentence], line: str, base: int, start: int, end: int, paragraph: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = base + start + lead
    pieces = _pieces(stripped, MAX_SENTENCE_CHARS)
    if len(pieces) > 1:
        logger.warning(
            "a sentence of %s characters (characters %s-%s of the article, starting %r) is "
            "over %s characters: read in %d pieces cut at commas or spaces; an event told "
            "across a cut may be missed",
            f"{len(stripped):,}",
            f"{s:,}",
            f"{s + len(stripped):,}",
            stripped[:60],
            f"{MAX_SENTENCE_CHARS:,}",
            len(pieces),
        )
    for lo, hi in pieces:
        out.append(
            Sentence(
                index=len(out),
                paragraph=paragraph,
                span=Span(s + lo, s + hi, stripped[lo:hi]),
            )
        )


def _pieces(sentence: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` of pieces of ``sentence`` of at most ``limit`` characters,
    stripped, cut after the last comma or semicolon in reach, else at the last
    space, else hard; one piece when the sentence is short enough."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(sentence)
    while start < n:
        while start < n and sentence[start].isspace():
            start += 1
        if start >= n:
            break
        if n - start <= limit:
            out.append((start, n))
            break
        window = sentence[start : start + limit]
        # cut in the second half of the window, so pieces never get tiny
        soft = [m.end(0) - 1 for m in _SOFT_CUT.finditer(window, limit // 2)]
        cut = soft[-1] if soft else window.rfind(" ", limit // 2) + 1
        if cut <= 0:
            cut = limit
        end = start + cut
        while end > start and sentence[end - 1].isspace():
            end -= 1
        out.append((start, end))
        start = start + cut
    return out
