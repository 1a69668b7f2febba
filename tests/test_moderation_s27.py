"""Issue 17, s27: ``candidates_s27/``, written for the shipped build and left out of it
(contempt in replies in colloquial Tehran Persian, vulgarity as typed, hidden insults, Dari
insults, threats and hate toward groups, with strong civil criticism and colloquial and Dari
talk as hard negatives), its held-out folder ``heldout_s27/`` and the lines written and set
aside before any build (``candidates_s27_left/``).

The sentences below were written for these tests; none is a corpus line.
"""

from __future__ import annotations

import pytest

from sitrep.moderation import corpus, moderate


@pytest.mark.parametrize(("folder", "least"), [("heldout_s26", 30), ("heldout_s27", 40)])
def test_held_out_lines_are_never_trained_on(
    monkeypatch: pytest.MonkeyPatch, folder: str, least: int
) -> None:
    """Every fifth line of a pass's draft, both labels, in no build's lines (every pass's
    candidate lines switched on)."""
    monkeypatch.setattr(corpus, "S24_LINES", True)
    monkeypatch.setattr(corpus, "S27_LINES", True)
    held = corpus.read_corpus(corpus.corpus_dir() / folder)
    texts = {e.text for e in held}
    assert len(texts) >= least and {e.label for e in held} == {"offensive", "acceptable"}
    builds = [corpus.training_examples(lexicon=on) for on in (False, True)]
    assert all(not texts & {e.text for e in lines} for lines in builds)


def test_lines_left_out_are_not_read() -> None:
    left = corpus.read_corpus(corpus.corpus_dir() / "candidates_s27_left")
    assert len(left) > 50
    trained = {e.text for e in corpus.training_examples()}
    assert not trained & {e.text for e in left}


@pytest.mark.parametrize("switch", [False, True])
@pytest.mark.parametrize(
    ("name", "folder", "least"),
    [("S26_LINES", "candidates_s26", 150), ("S27_LINES", "candidates_s27", 90)],
)
def test_candidates_are_read_as_their_switch_says(
    monkeypatch: pytest.MonkeyPatch, switch: bool, name: str, folder: str, least: int
) -> None:
    monkeypatch.setattr(corpus, name, switch)
    lines = corpus.read_corpus(corpus.corpus_dir() / folder)
    trained = corpus.training_examples(lexicon=False)
    assert len(lines) > least
    assert all((e in trained) is switch for e in lines)


def test_the_shipped_build_leaves_the_s27_lines_out() -> None:
    """Measured once on the data sets, the s27 build lowered shipped precision on each."""
    assert corpus.S26_LINES and not corpus.S27_LINES


@pytest.mark.parametrize(
    "text",
    [
        "وزیر راه باید درباره تأخیر دوساله این پروژه به مجلس گزارش بدهد",
        "@parsa_n به نظرم این تحلیل اشتباه است، آمار صادرات چیز دیگری می‌گوید",
        "سیاست ارزی دولت شکست خورده و مردم عادی تاوانش را می‌دهند",
        "والا این قیمت گوجه دیگه شوخیه، هفته پیش نصف این بود",
        "خدا خیر تان بته، گزارش شما از وضع مکتب‌ها در هرات خیلی خوب بود",
    ],
)
def test_civil_criticism_and_everyday_talk_are_published(text: str) -> None:
    decision = moderate(text)
    assert decision.verdict == "publish", decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "در گزارش آمده که تماشاگران به داور «بی‌شرف» گفتند و باشگاه جریمه شد",
        "گوینده به خاطر به کار بردن کلمه «احمق» درباره یک نماینده عذرخواهی کرد",
        "دادستان نوشت که متهم شاکی را «هرزه» خطاب کرده است",
        'The mayor apologised after he called the striking drivers "idiots" on the radio.',
    ],
)
def test_an_insult_quoted_in_a_report_is_kept_for_the_record(text: str) -> None:
    """Rejected on main as the comment's own insult; the quoted word stays as a reason below
    review, naming the word of speech."""
    decision = moderate(text)
    assert decision.verdict == "publish", decision.reasons
    quoted = [r for r in decision.reasons if r.rule == "insult"]
    assert quoted and all("quoted in a report" in r.detail for r in quoted)


@pytest.mark.parametrize(
    "text",
    [
        "به تو باید گفت «احمق»",  # the quote aimed at the reader
        "«بی‌شرف» خودتی، همه گفتند",
        "این نماینده احمق گفت «ما مشکلی نداریم»",  # the insult outside the quote
        "«احمق» بی‌شعور",  # quoted, no word of speech
        "این «احمق» دیروز گفت همه چیز خوب است",  # scare quotes on someone
        'Everyone said it: you are an "idiot"',
    ],
)
def test_an_insult_in_quotes_said_to_the_reader_is_still_held(text: str) -> None:
    assert moderate(text).verdict in {"review", "reject"}
