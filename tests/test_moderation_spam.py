"""The spam rules' shortcuts give the answers of the plain rules (issue 17, speed)."""

from __future__ import annotations

import re

import pytest

from sitrep.moderation import spam

SAMPLES = (
    "Buy now and save",
    "please ORDER NOW",
    "click here: http://x.example",
    "Free shipping on every order",
    "a HUGE discount today",
    "cheap pills online",
    "make money fast, earn $500 a day",
    "work from home with us",
    "DM me for prices",
    "follow my page and visit our shop",
    "whatsapp: 0912",
    "telegram : @deals",
    "ſpecial discount for you",
    "تخفیف ویژه برای شما",
    "برای خرید با ما تماس بگیرید",
    "کسب درآمد میلیونی از خانه",
    "کانال ما را دنبال کنید",
    "ارسال رایگان",
    "واتساپ: ۰۹۱۲",
    "a report on the discount rate and home work",
    "@USER خیلی خوب بود ممنون",
    "nothing to see here",
)


def _first_letters(pattern: str) -> set[str]:
    body = pattern.removeprefix(r"\b")
    if body.startswith("(?:"):
        inner = body[3 : body.index(")")]
        return {alt[0] for alt in inner.split("|")}
    return {body[0]}


def test_each_english_pattern_starts_with_a_listed_letter() -> None:
    for pattern in spam._SOLICIT_EN:
        assert pattern.startswith(r"\b"), pattern
        assert _first_letters(pattern) <= set(spam._SOLICIT_EN_FIRST), pattern


@pytest.mark.parametrize("text", SAMPLES)
def test_solicitation_is_the_first_pattern_in_list_order(text: str) -> None:
    expected = next((m for p in spam._SOLICIT if (m := p.search(text))), None)
    found = [h for h in spam.find_spam(text) if h.kind == spam.SOLICITATION]
    if expected is None:
        assert not found
    else:
        assert [h.span for h in found] == [(expected.start(), expected.end())]
    english = any(re.compile(p, re.IGNORECASE).search(text) for p in spam._SOLICIT_EN)
    assert bool(spam._SOLICIT_EN_ANY.search(text)) == english


@pytest.mark.parametrize(
    ("text", "flood"),
    [
        ("x" * 4000, True),
        ("!!!!!!!!!!", True),
        ("ok ok ok ok ok ok", True),
        ("a\u2003b\u00a0" * 10, False),
        ("hello there, a comment", False),
    ],
)
def test_flood_counts_the_characters_that_are_not_white_space(text: str, flood: bool) -> None:
    assert "".join(text.split()) == "".join(c for c in text if not c.isspace())
    assert (spam.find_flood(text) is not None) == flood


def test_no_recent_posts_no_repeat() -> None:
    assert spam.find_repeat("the same words again", ()) is None
    assert spam.find_repeat("the same words again", ("The same words, again!",)) is not None
