"""Issue 17, s28: a quoted insult is a report only when a third party's word of speech
governs the quote, and mild words said of things or of oneself.

The sentences below were written for these tests; none is a corpus or data-set line.
"""

from __future__ import annotations

import pytest

from sitrep.moderation import corpus, moderate
from sitrep.moderation.rules import find_insults, find_slander, reported_speech


def _quote(text: str) -> tuple[int, int]:
    for a, b in ("«»", '""', "“”"):
        if a in text:
            start = text.index(a)
            return start, text.index(b, start + 1) + 1
    raise AssertionError(text)


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ('The minister called the striking drivers "idiots" on Monday.', "called"),
        ('"Idiots," the coach said of his own players after the defeat.', "said"),
        ("هواداران به داور «بی‌شرف» گفتند و باشگاه جریمه شد", "گفت"),
        ("نماینده مخالفان را «اوباش» نامید", "نامید"),
        ("دادستان نوشت که متهم شاکی را «هرزه» خطاب کرده است", "خطاب"),
        ("مجری بابت کلمه «احمق» عذرخواهی کرد", "کلمه"),
    ],
)
def test_a_third_partys_speech_governs_the_quote(text: str, speech: str) -> None:
    assert reported_speech(text, *_quote(text)) == speech
    assert moderate(text).verdict == "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        '"Idiot", I said to Reza Karimi at the meeting',
        'Reza Karimi is an "idiot", I say it again',
        'I called Reza Karimi an "idiot" and I stand by it',
        'Reza Karimi is an "idiot". The minister said as much on Monday.',  # another sentence
        'Reza Karimi is an "idiot" and the mayor is late with the buses, as everyone said',
        "رضا کریمی «احمق» است، من می‌گویم",
        "به رضا کریمی گفتم «بی‌شرف»",
        "رضا کریمی «بی‌شرف» است، این را گفتیم و باز هم می‌گوییم",
        "رضا کریمی «احمق» است. وزیر هم دیروز چیزی گفت",  # speech in another sentence
    ],
)
def test_first_person_or_distant_speech_is_no_report(text: str) -> None:
    """Published on main: a speech word anywhere outside the quotes lowered the insult."""
    hits = find_insults(text)
    assert hits and all("quoted in a report" not in h.detail for h in hits)
    assert moderate(text).verdict == "reject", moderate(text).reasons


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ('"Thief", I said of Reza Karimi, and I say it again', False),
        ("«دزد»، این را من گفتم به رضا کریمی", False),
        ('The protesters wrote "the mayor is a thief" on a banner', True),
        ("معترضان روی پلاکارد نوشتند «شهردار دزد است»", True),
        ('A new film, "The Thief of Baghdad", opens on Friday', True),  # a title
    ],
)
def test_a_quoted_accusation_is_reported_only_when_speech_governs_it(
    text: str, reported: bool
) -> None:
    """Quotes around an accusation mark a term or someone's words (kept for the record),
    unless the commenter's own speech governs them (on main, every quote did)."""
    hits = find_slander(text)
    assert hits
    assert all(("quoted, not made" in h.detail) is reported for h in hits)


@pytest.mark.parametrize(
    ("text", "said_of"),
    [
        ("This damn printer jammed again before the deadline", "a thing"),
        ("My crappy laptop died in the middle of the live blog", "a thing"),
        ("I am so stupid, I forgot the password again", "oneself"),
        ("من خودم خر بودم که این وعده را باور کردم", "oneself"),
        ("عجب خری بودم من که بلیت را زودتر نخریدم", "oneself"),
    ],
)
def test_a_mild_word_said_of_a_thing_or_of_oneself_insults_no_one(text: str, said_of: str) -> None:
    """Held for review on main as a mild word with no clear target."""
    hits = find_insults(text)
    assert hits and all(h.score < 0.5 and h.detail.endswith(said_of) for h in hits)
    assert [r for r in moderate(text).reasons if r.rule == "insult" and r.score >= 0.5] == []


@pytest.mark.parametrize(
    "text",
    [
        "This stupid referee ruined the whole match",  # a person noun after the word
        "That stupid columnist is wrong again",  # -ist names a person
        "I think you are a loser",  # "you" is the target, not the speaker
        "این داور خر بازی را خراب کرد",
        "این وزیر خر باید برود",
        "تو خری",
        "این آشغال رو ببین",  # no noun: the word may stand for a person
        "این برنامه مزخرف همش وسط خبر قطع میشه",  # no Persian reading of a thing (measured)
        "This stupid country never learns",  # a country stands for its people
        "این مملکت آشغال جای زندگی نیست",
        "این پرچم آشغال رو از دیوار بکشید پایین",  # a flag too
        "از همین غذاهای مزخرف شون مریض شدیم",  # «شون»: the owners are the target
    ],
)
def test_a_mild_word_said_of_a_person_is_still_held(text: str) -> None:
    hits = find_insults(text)
    assert hits and max(h.score for h in hits) >= 0.5
    assert moderate(text).verdict in {"review", "reject"}


def test_the_s28_lines_are_read_as_their_switch_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """``candidates_s28/`` (register twins and paired contempt) is read only with S28_LINES;
    ``heldout_s28/`` by no build, whatever the switches."""
    lines = corpus.read_corpus(corpus.corpus_dir() / "candidates_s28")
    held = {e.text for e in corpus.s28_heldout_examples()}
    assert len(lines) > 80 and len(held) > 20
    assert {e.label for e in corpus.s28_heldout_examples()} == {"offensive", "acceptable"}
    assert not corpus.S28_LINES
    assert all(e not in corpus.training_examples() for e in lines)
    for name in ("S24_LINES", "S27_LINES", "S28_LINES"):
        monkeypatch.setattr(corpus, name, True)
    trained = corpus.training_examples(lexicon=True)
    assert all(e in trained for e in lines)
    assert not held & {e.text for e in trained}
