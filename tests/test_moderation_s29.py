"""Issue 17, s29: another word that holds an insult's letters, insults said of oneself and of
an argument, English words of the internet age, and the s28 held-out lines as a figure.

The sentences below were written for these tests; none is a corpus or data-set line.
"""

from __future__ import annotations

import pytest

from sitrep.moderation import corpus, moderate
from sitrep.moderation.language import find_finglish_spans
from sitrep.moderation.rules import find_insults


@pytest.mark.parametrize(
    "text",
    [
        "حشرات محصول گندم را در سه روستا از بین بردند",  # insects, not «حشر» + «-ات»
        "آبله مرغان در مدرسه روستا شایع شده است",  # chickenpox, not «ابله»
    ],
)
def test_another_common_word_is_no_strong_insult(text: str) -> None:
    """Rejected on 897c929: the word was read as a strong listed insult."""
    assert [h for h in find_insults(text) if h.score >= 0.5] == []
    assert moderate(text).verdict == "publish", moderate(text).reasons


def test_thugs_is_its_own_mild_word_not_a_slur_with_a_suffix() -> None:
    """«اوباش» (thugs) was rejected on 897c929 as the slur «اوب» with «-اش»; it is name-calling
    when aimed at people and a police word otherwise, so a mild word of its own."""
    text = "اوباش به مغازه‌های بازار حمله کردند و پلیس دیر رسید"
    hits = find_insults(text)
    assert [h.word for h in hits] == ["اوباش"] and hits[0].score < 0.8
    assert moderate(text).verdict == "review"
    assert moderate("شما اوباش هستید").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "تو اوبی",  # the listed word with a suffix: rare in edited text, still read
        "ا و ب",  # spaced letters are no word of their own
        "تو ابله هیچی نمی‌فهمی",
        "کیرم تو این وضع",
        "یارو حشری شده",
        "جنایات این حیوانات را کسی نمی‌بیند",  # the plural of a longer listed word is itself
    ],
)
def test_the_insult_with_a_suffix_or_aimed_still_counts(text: str) -> None:
    assert moderate(text).verdict != "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I'm such an idiot, I left my passport at the checkpoint.",
        "I am a complete moron sometimes, I misread the map.",
        "من خودم احمق بودم که باور کردم",
    ],
)
def test_a_strong_insult_said_of_oneself_is_held_not_rejected(text: str) -> None:
    """Rejected on 897c929."""
    assert moderate(text).verdict == "review", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I'm telling you, idiot, the bridge was shelled.",
        "I'm an idiot and you are a moron.",
        "You idiot.",
        "I'm a fucking idiot",  # profanity is rejected whoever it is said of
    ],
)
def test_a_strong_insult_at_someone_is_still_rejected(text: str) -> None:
    assert moderate(text).verdict == "reject", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "the governor's defence of the curfew is pathetic",
        "the plan to reopen the crossing in a week is stupid",
        "the ministry gave a pathetic explanation for the blackout",
        "your argument is stupid, the casualty figures come from the hospitals",
        "this excuse is just pathetic",
        "that is a pathetic excuse for a policy",
        "استدلال شما مزخرف است، آمار بیمارستان‌ها چیز دیگری می‌گوید",
        "این بهانه مزخرف را کسی باور نمی‌کند",
        "حرفت مزخرف است، پل هفته پیش خراب شد",
    ],
)
def test_a_mild_word_said_of_an_argument_is_no_insult(text: str) -> None:
    """The rules held these for review on 897c929 (a mild word aimed at a person or alone)."""
    hits = [h for h in find_insults(text) if h.word]
    assert hits and all(h.score < 0.5 for h in hits), hits
    assert all("said of an argument" in h.detail for h in hits)


@pytest.mark.parametrize(
    "text",
    [
        "you are a pathetic excuse for a reporter",
        "what a pathetic loser you are",
        "the spokesman is stupid",
        "you are stupid and your argument is too",
        "what a pathetic excuse for a journalist",  # s28's thing reading took it as a thing
        "تو خیلی مزخرفی",
    ],
)
def test_a_mild_word_said_of_a_person_is_not_an_argument(text: str) -> None:
    assert all("argument" not in h.detail for h in find_insults(text))
    assert moderate(text).verdict != "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "I installed the app yesterday and it works.",
        "The admin deleted my comment about the convoy.",
        "She posted a selfie from the bus station in Kherson.",
        "He watched the vlog about the siege twice.",
    ],
)
def test_english_words_of_the_internet_age_are_not_finglish(text: str) -> None:
    """Each word was reported as a Finglish span on 897c929."""
    assert find_finglish_spans(text) == []


@pytest.mark.parametrize(
    "text",
    ["Great report, merci! kheili mamnoon", "merci", "the app is good, kheili khoobe"],
)
def test_finglish_beside_them_is_still_found(text: str) -> None:
    assert find_finglish_spans(text)


def test_s28_and_s29_held_out_lines_are_read_by_no_build() -> None:
    held = {e.text for e in corpus.s28_heldout_examples() + corpus.s29_heldout_examples()}
    assert held
    trained = {e.text for e in corpus.read_corpus() + corpus.english_examples()}
    assert not held & trained


@pytest.mark.parametrize(
    "text",
    [
        "اگه یه بار دیگه اینجا بیای آتیشت میزنم",
        "آتیش‌شون می‌زنیم اگه برگردن سر کار",
        "#آتیشت_میزنیم اگه پاتو بذاری تو شهر",
    ],
)
def test_threats_to_burn_by_their_grammar(text: str) -> None:
    """Published or held on 897c929: no fixed phrase of the lexicon held them."""
    hits = find_insults(text)
    assert any("threat" in h.detail for h in hits), hits
    assert moderate(text).verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "چرا باید کشت؟ اعدام نکنید",  # asks why, against the killing
        "آتیشت میزنن اگه بفهمن، مواظب باش",  # a third person's verb: a warning
        "کشت گندم را باید افزایش داد",  # cultivation
        "آتش‌بس را باید حفظ کرد",
        "باید همه را آگاه کرد",
    ],
)
def test_no_threat_read_in_near_sentences(text: str) -> None:
    assert not any("threat" in h.detail for h in find_insults(text))
