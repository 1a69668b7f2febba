"""Issue 17, s26: the shipped build with the lexicon augmentation, the identity balance, the
acceptable lines' tricks and ``candidates_s26/`` (replies under a tweet and insult-adjacent
words said of things), and its held-out folder ``heldout_s26/``.

The sentences below were written for these tests; none is a corpus line.
"""

from __future__ import annotations

import pytest

from sitrep.moderation import corpus, moderate


def test_the_shipped_build_is_the_augmented_one() -> None:
    """The switches the s26 pass turned on (each measured in the corpus README)."""
    assert corpus.LEXICON_AUGMENTATION and corpus.IDENTITY_BALANCE and corpus.S26_LINES
    assert corpus.MAX_DF == (1.0, 0.05)
    assert corpus.ACCEPTABLE_TRICKS == 3


@pytest.mark.parametrize(
    "text",
    [
        "آشپزخونه بعد از مهمونی خیلی کثیف شده، فردا تمیزش می‌کنم",
        "از بس خندیدم داشتم می‌مردم 😂",
        "تا بوق سگ تو ترافیک موندیم امروز",
        "ملخ‌ها امسال نصف گندم روستا رو خوردن",
        "@neda_k مرسی که خبر دادی، الان میبینمش",
        "#قطعی_آب سه روزه آب محله ما قطعه و کسی جواب نمیده",
        "عید همه مسیحیان و یهودیان و مسلمانان مبارک",
    ],
)
def test_insult_adjacent_words_of_things_pass(text: str) -> None:
    """Dirt, dying, dogs and locusts in everyday talk, a reply, hashtag news: published.

    Under the s25 build («کثیف» of a room, «میمیرم» of laughter) the model leaned on the
    words themselves."""
    decision = moderate(text)
    assert decision.verdict == "publish", decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "@babak_s تو اصلا شعور نداری که بخوای نظر بدی، ساکت شو",
        "این مزدورای جیره‌خوار فقط بلدن دروغ ببافن، بی‌شرفا",
    ],
)
def test_contempt_in_replies_is_held(text: str) -> None:
    assert moderate(text).verdict in {"review", "reject"}


@pytest.mark.parametrize(
    "text",
    [
        "@neda_k مرسی، خیلی کمکم کرد",
        "@maryam_a دقیقا همینو میخواستم بگم",
        "گزارش کاملش اینجاست https://example.org/gozaresh-kamel",
    ],
)
def test_handles_and_links_are_no_finglish(text: str) -> None:
    """An @mention or a link is an account's or a page's name: its Latin letters are not
    Persian written in Latin letters (a reply to @neda_k was rejected as Finglish «ندا»)."""
    from sitrep.moderation.language import detect_language, find_finglish_spans

    assert not find_finglish_spans(text)
    assert detect_language(text).language == "fa"
    assert not [r for r in moderate(text).reasons if r.rule.startswith("finglish")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("@neda_k merci, kheili mamnoon", "kheili"),
        ("write to sara.ahmadi@example.com, merci", "merci"),
        ("#khamenei_bemir", None),
    ],
)
def test_finglish_beside_a_handle_is_still_found(text: str, word: str | None) -> None:
    """Guards: the writer's own Latin words around a handle, and a hashtag, are still read."""
    from sitrep.moderation.language import detect_language, find_finglish_spans

    words = [w for f in find_finglish_spans(text) for w in f.words]
    if word is None:
        assert detect_language(text).language == "finglish"
    else:
        assert word in words
        assert "neda" not in words and "ahmadi" not in words
