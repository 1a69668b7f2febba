"""Issue 17, s24: the rules' gaps of group contempt, damnation, compound and split insults.

Sentences written for these tests (no line from any data set).
"""

from __future__ import annotations

import pytest

from sitrep.moderation import moderate
from sitrep.moderation.rules import find_insults, rule_score


def _insult_score(text: str) -> float:
    return max((r.score for r in moderate(text).reasons if r.rule == "insult"), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "این بهایی های نجس رو راه ندید",  # the plural written apart
        "پاکستانیای بوگندو",  # a people the list lacked, a word of stench
        "همجنسگراهای کثیف",
        "افغانی های بیتمدن برگردید",
        "تازیای وحشی",
        "یهودیا موش های دنیان",  # vermin said of a faith
    ],
)
def test_more_group_contempt_is_rejected(text: str) -> None:
    assert _insult_score(text) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "کردها گاو و گوسفند پرورش می‌دهند",  # livestock is not contempt
        "ترک های دیوار را با گچ پر کردیم",  # ترک: a crack
        "بلوچ های سیستان از بی‌آبی رنج می‌برند",
        "موش ها انبار گندم را خراب کردند",
        "عرب های خوزستان کثیف‌ترین آب شهر را می‌نوشند",  # a superlative, of the water
    ],
)
def test_groups_and_vermin_named_plainly_are_not_contempt(text: str) -> None:
    # «گاو» alone is a mild word (0.55, as before this pass); no group phrase is found.
    assert _insult_score(text) < 0.9


@pytest.mark.parametrize(
    "text", ["خدا لعنتت کنه با این حرفات", "لعنت بر تو و اون رئیست", "برو که خیر نبینی"]
)
def test_damnation_of_the_reader_is_rejected(text: str) -> None:
    assert _insult_score(text) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "خدا لعنت کنه این جنگو",  # of a war, not of a person
        "الهی بمیرم برات که اینقدر سختی کشیدی",  # an endearment
        "لعنت به این گرونی",
        "خیر ببینی که این گزارش رو نوشتی",
    ],
)
def test_curses_on_things_and_endearments_pass(text: str) -> None:
    assert not any(r.rule == "insult" for r in moderate(text).reasons)


@pytest.mark.parametrize("text", ["مغز فندقی حرف نزن", "وزیر بوقلمون صفت", "خیلی اسکلی"])
def test_compound_insults_are_rejected(text: str) -> None:
    assert _insult_score(text) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "مغز فندق و بادام برای سلامتی خوبه",  # a kernel of hazelnut
        "کشتی به اسکله بندرعباس رسید",  # a pier
        "حرام‌خوری مسئولان را باید افشا کرد",  # graft: political criticism, not listed
    ],
)
def test_words_near_the_compound_insults_pass(text: str) -> None:
    assert not any(r.rule == "insult" for r in moderate(text).reasons)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("بیش عور حرف نزن", "بیشعور"),
        ("نف هم برو کتاب بخون", "نفهم"),
        ("اح مق خودتی", "احمق"),
        ("ک ث ا ف ت ی", "کثافت"),  # letters spelt out, with an ending
        ("ا ح م ق ی ه", "احمق"),
    ],
)
def test_a_strong_word_cut_by_spaces_is_found(text: str, word: str) -> None:
    hits = [h for h in find_insults(text) if h.score >= 0.9]
    assert [h.word for h in hits] == [word]
    assert "split" in hits[0].detail
    assert _insult_score(text) >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "این بیش از حد عوض شده",  # two words, no insult between them
        "جن ده تا بچه رو ترسوند",  # two common words that would join to a listed one
        "ب ا ز ی خوبی بود",  # letters spelt out, an innocent word
        "خونه ی من",
    ],
)
def test_common_words_side_by_side_are_not_joined(text: str) -> None:
    assert rule_score(text) < 0.9


def test_the_listed_common_splits_are_those_of_the_frequency_list() -> None:
    # lexicon.SPLIT_COMMON_PAIRS is written out so that no comment waits for the
    # finglish list; it must stay what that list and the strong words give.
    from sitrep.moderation.language import _finglish_module
    from sitrep.moderation.lexicon import SPLIT_COMMON_PAIRS
    from sitrep.moderation.rules import _key, _split_keys

    freq: dict[str, int] = _finglish_module().word_freq
    top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:30_000]
    common = {_key(w) for w, _ in top if len(w) > 1}
    pairs = {
        (w[:i], w[i:])
        for w in _split_keys()
        for i in range(1, len(w))
        if w[:i] in common and w[i:] in common
    }
    assert pairs == SPLIT_COMMON_PAIRS


def test_s24_held_out_lines_are_never_trained_on() -> None:
    from sitrep.moderation import corpus

    held = {e.text for e in corpus.s24_heldout_examples()}
    assert len(held) >= 70
    assert {e.label for e in corpus.s24_heldout_examples()} == {"offensive", "acceptable"}
    for lexicon in (False, True):
        trained = {e.text for e in corpus.training_examples(lexicon=lexicon)}
        assert not held & trained
    lines = corpus.read_corpus(corpus.corpus_dir() / "candidates_s24")
    assert not held & {e.text for e in lines}


def test_s24_candidates_are_read_as_s24_lines_says(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.moderation import corpus

    lines = {e.text for e in corpus.read_corpus(corpus.corpus_dir() / "candidates_s24")}
    assert len(lines) > 200
    for switch in (False, True):
        monkeypatch.setattr(corpus, "S24_LINES", switch)
        trained = {e.text for e in corpus.training_examples(lexicon=False)}
        assert (lines <= trained) is switch
        assert lines & trained if switch else not lines & trained
