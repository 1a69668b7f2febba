"""Spam and non-comments: links, phone numbers, solicitation, repeated posts, floods.

Each finder returns :class:`SpamHit` records with the span and the evidence; the
engine turns them into reasons and the policy's ``[spam]`` section decides what
each kind does (reject, review or ignore).

A flood (one character, or one short group, held for most of the comment:
"xxxxxxxx…", «!!!!!!!!») is not a comment at all: it is reported as such, and the
insult rules do not read it (4,000 × "x" is not the sexual word «xxx»).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

LINK, PHONE, SOLICITATION, REPEAT, FLOOD = "link", "phone", "solicitation", "repeat", "flood"

_TLDS = "com|net|org|ir|info|biz|xyz|io|co|me|shop|site|top|online|store|club|app|ly|tk|ru|de|uk"
_LINK = re.compile(
    rf"(?i)\b(?:https?://|www\.)\S+|\bt\.me/\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})"
    r"\b(?:/\S*)?"
)
# Digits in any script; a phone number is 9 to 15 of them (E.164 allows 15, and an
# international number typed with a 00 prefix reaches that) with spaces, dots or dashes.
_DIGIT = r"[0-9\u06F0-\u06F9\u0660-\u0669]"
_PHONE = re.compile(rf"(?<![\w.])\+?{_DIGIT}(?:[\s.\-()]{{0,2}}{_DIGIT}){{8,14}}(?![\w.])")
# English solicitation: each pattern starts at a word boundary with one of the letters
# of _SOLICIT_EN_FIRST (checked in tests/test_moderation_spam.py).
_SOLICIT_EN = (
    r"\bbuy now\b",
    r"\border now\b",
    r"\bclick here\b",
    r"\bfree shipping\b",
    r"\b(?:huge|big|special) discount",
    r"\bcheap (?:price|pills|viagra)",
    r"\bmake money\b",
    r"\bearn \$?\d+",
    r"\bwork from home\b",
    r"\bdm (?:me|us) for\b",
    r"\bfollow (?:my|our) (?:page|channel)\b",
    r"\bvisit (?:my|our) (?:site|website|shop|store|page)\b",
    r"\b(?:whatsapp|telegram)\s*[:：]",
)
_SOLICIT_FA = (
    r"تخفیف\s*(?:ویژه|استثنایی|باورنکردنی)",
    r"(?:برای|جهت)\s+(?:خرید|سفارش|ثبت[\s\u200c]*نام)\s+(?:با|به|از)",
    r"کسب\s+درآمد\s+(?:میلیونی|دلاری|از\s+خانه|در\s+خانه|آسان)",
    r"درآمد\s+میلیونی",
    r"(?:کانال|پیج|صفحه)\s+(?:ما|من)\s+(?:را|رو)\s+(?:دنبال|فالو)",
    r"(?:عضو|جوین)\s+(?:کانال|گروه)\s+(?:ما|تلگرام)",
    r"فالو\s+(?:کنید|کن|فالو)",
    r"ارسال\s+رایگان",
    r"وام\s+(?:فوری|بدون\s+ضامن)",
    r"(?:فروش|خرید)\s+(?:فالوور|لایک|ویو)",
    r"(?:تماس|واتساپ|تلگرام)\s*[:：]",
)
_SOLICIT = tuple(re.compile(p, re.IGNORECASE) for p in (*_SOLICIT_EN, *_SOLICIT_FA))
_SOLICIT_FA_ONLY = _SOLICIT[len(_SOLICIT_EN) :]
_SOLICIT_EN_FIRST = "bcdefhmostvw"
# All the English patterns in one search, which the letter class lets the regex engine
# skip through quickly: thirteen searches of their own cost more than the rest of the
# spam rules together on a comment with none of them.
_SOLICIT_EN_ANY = re.compile(
    rf"(?=[{_SOLICIT_EN_FIRST}])\b(?:"
    + "|".join("(?:" + p.removeprefix(r"\b") + ")" for p in _SOLICIT_EN)
    + ")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SpamHit:
    """One spam finding: its kind (link, phone, ...), span, evidence and a sentence."""

    kind: str
    span: tuple[int, int] | None
    evidence: str
    detail: str


_HELD = re.compile(r"(.{1,3}?)\1{4,}", re.DOTALL)


def find_flood(text: str) -> SpamHit | None:
    """A comment made mostly of one character (or a short group) held down, else None."""
    # The characters that are not white space (str.split splits at the same ones).
    chars = "".join(text.split())
    if len(chars) < 8:
        return None
    # The longest run of one character, and of a repeated 2- or 3-character group.
    best: tuple[int, int, str] = (0, 0, "")
    for m in _HELD.finditer(text):
        if m.end() - m.start() > best[1] - best[0]:
            best = (m.start(), m.end(), m.group(1))
    start, end, unit = best
    if not unit or (end - start) < 0.8 * len(chars):
        return None
    shown = unit if unit.isprintable() and not unit.isspace() else repr(unit)
    return SpamHit(
        FLOOD,
        (start, end),
        f"«{shown}» × {(end - start) // len(unit)}",
        f"not a comment: «{shown}» repeated {(end - start) // len(unit)} times",
    )


def find_spam(text: str, *, allowed_domains: Sequence[str] = ()) -> list[SpamHit]:
    """Links, phone numbers and commercial solicitation in ``text``."""
    hits: list[SpamHit] = []
    link_spans: list[tuple[int, int]] = []
    for m in _LINK.finditer(text):
        url = m.group().rstrip(".,;:!?)»\"'")
        host = re.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url).split("/")[0].casefold()
        if any(host == d or host.endswith("." + d) for d in allowed_domains):
            continue
        span = (m.start(), m.start() + len(url))
        link_spans.append(span)
        hits.append(SpamHit(LINK, span, url, f"link to {host}"))
    folded = unicodedata.normalize("NFKC", text)
    for m in _PHONE.finditer(folded):
        if any(s <= m.start() < e for s, e in link_spans):
            continue
        digits = re.sub(r"\D", "", m.group())
        if len(digits) < 9 or len(set(digits)) < 3:  # "000000000" is not a number anyone dials
            continue
        hits.append(SpamHit(PHONE, (m.start(), m.end()), m.group(), "phone number"))
    # The first pattern in list order that matches, as before; the English ones are
    # only tried when one of them can match.
    for pattern in _SOLICIT if _SOLICIT_EN_ANY.search(text) else _SOLICIT_FA_ONLY:
        found = pattern.search(text)
        if found:
            hits.append(
                SpamHit(
                    SOLICITATION,
                    (found.start(), found.end()),
                    found.group(),
                    f"commercial solicitation «{found.group()}»",
                )
            )
            break
    return hits


def normalise_for_repeats(text: str) -> str:
    """The comparison key for repeated posts: letters and digits only, folded."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def find_repeat(text: str, recent: Sequence[str]) -> SpamHit | None:
    """Whether ``text`` repeats one of ``recent`` (the poster's or the page's latest comments)."""
    if not recent:
        return None
    key = normalise_for_repeats(text)
    if len(key) < 4:  # "ok", "+1": short replies repeat innocently
        return None
    count = sum(1 for r in recent if normalise_for_repeats(r) == key)
    if not count:
        return None
    return SpamHit(
        REPEAT, None, f"{count} earlier identical post(s)", f"posted before ({count} time(s))"
    )
