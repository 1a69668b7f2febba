"""Issue 17, session 33 (mod): sentences written for these tests, none from a data set."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitrep.moderation import corpus
from sitrep.moderation.engine import PUBLISH, REJECT, REVIEW, moderate
from sitrep.moderation.policy import Policy, default_policy
from sitrep.moderation.rules import (
    MILD_ALONE,
    MILD_TARGETED,
    QUOTED_INSULT,
    SAID_OF,
    STRONG_SCORE,
    find_insults,
    may_insult_or_accuse,
    rule_score,
)

# --- A listed word with the spoken "is" joined to it («احمقه», «روانیه», «دیوونه‌ست») ---


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("همسایه‌مون واقعا احمقه", "احمق"),
        ("از همون اول معلوم بود این مربی بیشعوره!", "بیشعور"),
        ("چرا این داور اینقدر خنگه؟", "خنگ"),
    ],
)
def test_a_strong_word_with_the_spoken_copula_is_rejected(text: str, word: str) -> None:
    hits = [h for h in find_insults(text) if h.word == word]
    assert hits and hits[0].score == STRONG_SCORE
    assert moderate(text).verdict == REJECT


@pytest.mark.parametrize(
    "text",
    ["این یارو روانیه", "به نظرم اون مرتیکه دیوونه‌ست.", "این پسره روانیه 😂"],
)
def test_a_mild_word_with_the_spoken_copula_is_not_published(text: str) -> None:
    assert rule_score(text) >= MILD_ALONE
    assert moderate(text).verdict != PUBLISH
    assert may_insult_or_accuse(text)  # the gate lets it through to the rule


def test_a_mild_word_with_the_copula_aimed_at_you_is_rejected() -> None:
    assert moderate("تو واقعا روانیه هستی؟ نه، اون روانیه").verdict == REJECT


def test_a_mild_word_with_the_copula_and_no_one_named_is_kept_for_the_record() -> None:
    # Said of a programme, a plan or a situation as often as of a person.
    assert rule_score("این برنامه‌ی تلویزیونی مزخرفه") == SAID_OF
    assert moderate("این برنامه‌ی تلویزیونی مزخرفه", policy=_rules_only()).verdict == PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "سگه تمام شب پارس کرد و همسایه‌ها نخوابیدند",  # spoken definite article, not "is"
        "صبحانه نان و کره و مربا خوردیم",  # «کره» (butter) is a word of its own
        "به هیچ‌کس چیزی نگفتم که مادرم نفهمه",  # a negated verb, not «نفهم» + «ه»
        "این کتاب مال منه",
        "خونه‌مون نزدیک ایستگاه مترو هست",
    ],
)
def test_other_words_ending_in_he_are_not_read_as_the_copula(text: str) -> None:
    assert find_insults(text) == []
    assert moderate(text, policy=_rules_only()).verdict == PUBLISH


def test_an_argument_called_rubbish_with_the_copula_stays_below_review() -> None:
    assert 0 < rule_score("این استدلال شما چرنده") < MILD_ALONE


def test_the_model_build_does_not_read_the_copula() -> None:
    # The shipped model's build asks without the grammatical readings: its training set
    # stays as it was (corpus.neutral_twins).
    assert find_insults("همسایه‌مون واقعا احمقه", readings=False) == []
    assert find_insults("همسایه‌مون واقعا احمقه", grammar=False) == []


def test_an_allowed_word_is_not_read_through_the_copula() -> None:
    assert find_insults("این یارو روانیه", allowed=("روانی",)) == []


# --- Links: a t.co link goes to a moderator (the policy's [spam] links = "review") ---


def test_a_shortened_link_goes_to_review_not_reject() -> None:
    text = "گزارش کامل این جلسه را اینجا ببینید https://t.co/AbC123xyZ"
    decision = moderate(text)
    assert decision.verdict == REVIEW
    assert [r.rule for r in decision.reasons] == ["spam_link"]
    # The insult figures of the evaluation count insults and slander only, not links.
    assert rule_score(text) == 0.0


def test_a_publisher_can_allow_the_shortener() -> None:
    text = "گزارش کامل این جلسه را اینجا ببینید https://t.co/AbC123xyZ"
    policy = replace(default_policy(), allowed_domains=("t.co",))
    assert moderate(text, policy=policy).verdict == PUBLISH


def _rules_only() -> Policy:
    return replace(default_policy(), shipped_classifier=False)


# --- A speech word further before the quotes, with «که» / "that" between (COMPLEMENT_REACH) ---


@pytest.mark.parametrize(
    "text",
    [
        "مربی تیم مهمان بعد از بازی در کنفرانس خبری گفت که داور این مسابقه یک «احمق» بود",
        "The coach said after Sunday's match against the leaders that the referee was an «idiot»",
    ],
)
def test_a_far_speech_word_with_a_complementizer_governs_the_quote(text: str) -> None:
    assert 0 < rule_score(text) <= QUOTED_INSULT


@pytest.mark.parametrize(
    "text",
    [
        # Another clause: the far speech word reports nothing about the quotes.
        "The mayor said the bins would be emptied on Monday, but «idiot» drivers never came",
        # The commenter's own speech, however far: the insult is theirs.
        "دیروز در جلسه‌ی شورای شهر با صدای بلند گفتم که این مدیر «احمق» است",
        # A sentence ends between the speech word and the quotes.
        "The coach said nothing after the match. That referee is an «idiot» and everyone knows it",
    ],
)
def test_a_far_speech_word_without_its_clause_does_not(text: str) -> None:
    assert rule_score(text) >= MILD_TARGETED


# --- The s33 corpus block: held-out lines apart, the block measured without moving the rest ---


def test_the_s33_held_out_lines_are_never_trained_on() -> None:
    held = corpus.s33_heldout_examples()
    assert {e.label for e in held} == {corpus.OFFENSIVE, corpus.ACCEPTABLE}
    trained = {e.text for e in corpus.training_examples()}
    drafted = {e.text for e in corpus.read_corpus(corpus.corpus_dir() / "candidates_s33")}
    assert not {e.text for e in held} & (trained | drafted)


def test_the_s33_block_comes_last_and_leaves_every_other_text_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(corpus, "S33_LINES", False)
    texts, targets = corpus.training_set()
    monkeypatch.setattr(corpus, "S33_LINES", True)
    more_texts, more_targets = corpus.training_set()
    lines = corpus.read_corpus(corpus.corpus_dir() / "candidates_s33")
    assert more_texts[: len(texts)] == texts and more_targets[: len(targets)] == targets
    added = more_texts[len(texts) :]
    assert all(e.text in added for e in lines)
    assert len(added) == sum(6 if e.label == corpus.OFFENSIVE else 4 for e in lines)


def test_a_strong_word_as_a_noun_with_the_copula_is_not_rejected() -> None:
    # "Swearing at someone's family over a disagreement is boorishness": said of an act.
    text = "فحش دادن به خانواده‌ی دیگران سر یک اختلاف نظر بی‌شعوریه"
    assert moderate(text, policy=_rules_only()).verdict != REJECT
    assert moderate("این مرد واقعا بیشعوره", policy=_rules_only()).verdict == REJECT
