"""Session 32 (issue 17): the fast paths of a cold comment answer as the plain ones do.

Each fast path is compared with the code it stands in for, on comments written here
(plain words, mentions, hashtags, symbols inside words, repeated letters, numbers).
"""

from __future__ import annotations

import pytest

from sitrep.moderation import rules, scan
from sitrep.moderation.corpus import shipped_classifier
from sitrep.moderation.policy import default_policy
from sitrep.moderation.scan import _CHUNK, _PLAIN, ChunkedFilter

# Our own comments: civil ones, rude ones, and the tricks readers use.
COMMENTS = [
    "این گزارش خیلی دقیق بود، ممنون از خبرنگار",
    "دولت باید درباره قیمت نان توضیح بدهد!",
    "آقای وزیر لطفا جواب بدهید؟! مردم منتظرند",
    "@USER حق با شماست، ولی آمار را دوباره ببینید",
    "#قیمت_نان بالا رفت و هیچکس پاسخگو نیست",
    "خیلیییییی خوب بود واقعااا",
    "تو احمقی، برو گمشو",
    "احمققققق",
    "این یارو خره",
    "ک ث ا ف ت",
    "بی ناموس ها",
    "حرومزاده!",
    "ا.ح.م.ق",
    "the minister lied again, resign now",
    "you are an idiot",
    "what a moron!!",
    "f**k this government",
    "sh1t report",
    "a$$hole",
    "great report, thanks",
    "۲۵۰۰ تومان گران شد",
    "قیمت 1500 تومان شد",
    "مدرسه\u200cها بسته شد",
    "\u200c سلام \u200c",
    "«خبر» خوبی بود",
    "(نقل قول) از خبرگزاری",
    "سلام\u00a0دوستان",
    "ممنونم... خیلی ممنون",
    "رای بدید؟؟؟ نه!!!",
    "kheili mamnoon az shoma",
]


def _filters() -> list[ChunkedFilter]:
    policy = default_policy()
    extra, allowed = tuple(policy.extra_insults), tuple(policy.allowed_words)
    joined = rules._either_filter(extra, allowed)
    return [
        ChunkedFilter(joined),
        ChunkedFilter(rules.insult_filter(extra, allowed, True, rule_only=True)),
        ChunkedFilter(rules.accusation_filter()),
    ]


@pytest.mark.parametrize("comment", COMMENTS)
def test_plain_chunks_batched_as_one_by_one(comment: str) -> None:
    """``_plain_all`` gives each plain chunk the record ``_plain`` gives it."""
    plain = [c for c in _CHUNK.findall(comment) if _PLAIN.fullmatch(c)]
    if not plain:
        pytest.skip("no plain chunk")
    for f in _filters():
        assert f._plain_all(plain) == [f._plain(c) for c in plain]


def test_plain_chunks_batched_across_comments() -> None:
    """All the plain chunks of every comment at once (one with an entry in it too)."""
    plain = [c for t in COMMENTS for c in _CHUNK.findall(t) if _PLAIN.fullmatch(c)]
    for f in _filters():
        assert f._plain_all(plain) == [f._plain(c) for c in plain]


def test_plain_batch_is_on() -> None:
    """The batch is used (no unit of a plain chunk normalises to white space)."""
    assert scan._PLAIN_BATCH


@pytest.mark.parametrize("comment", COMMENTS)
def test_gate_same_with_and_without_batch(comment: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The joined list's gate answers the same with the plain chunks batched or not,
    and False only where the filter itself finds nothing."""
    joined = rules._either_filter(*_lists())
    fast = ChunkedFilter(joined).may_match(comment)
    monkeypatch.setattr(scan, "_PLAIN_BATCH", False)
    assert ChunkedFilter(joined).may_match(comment) == fast
    if not fast:
        assert not joined.contains_profanity(comment)


def _lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    policy = default_policy()
    return tuple(policy.extra_insults), tuple(policy.allowed_words)


def _broken_exact(f: ChunkedFilter, normalized: str) -> bool:
    """``ChunkedFilter._broken`` as it was: every key tried, no regular expression first."""
    state = f._state
    for piece in normalized.split(" "):
        masked = scan._masked_pattern(piece)
        if masked is None or not masked.masks or not masked.letters:
            continue
        pattern = masked.pattern
        if state.join_spaced_letters:
            stripped = pattern.replace(scan._MASK, "")
            if len(stripped) >= 3 and stripped in f._forms:
                return True
        if not state.fold_lookalike_characters:
            continue
        for key in f._maskable_whole.get(len(pattern), ()):
            if scan._fits_mask(pattern, 0, key):
                return True
        for key in f._maskable_inside:
            if scan._fits_mask_anywhere(pattern, key):
                return True
    return False


MASKED = [
    "ک*ر",
    "ج.نده",
    "f*ck",
    "sh!t",
    "b!tch",
    "a$$hole",
    "@USER",
    "#خبر_فوری",
    "w@ter",
    "ک@ر",
    "1500تومان",
    "ا#مق",
    "k#s",
    "پ*ف*و*س",
    "x_y_z",
    "ح*ر*و*م*ز*ا*د*ه",
]


@pytest.mark.parametrize("piece", MASKED + COMMENTS)
def test_broken_word_test_as_before(piece: str) -> None:
    """The broken-word test with its regular expression first answers as the loop did."""
    for f in _filters():
        for reading in f._reading_texts(piece):
            assert f._broken(reading) == _broken_exact(f, reading)


def test_masked_words_still_found() -> None:
    """Guards: a key with one letter masked is still found by the fast test."""
    f = _filters()[0]
    assert f._broken(f._reading_texts("ج*نده")[0])
    assert f._broken(f._reading_texts("f*ck")[0])
    assert not f._broken(f._reading_texts("w@ter")[0])


@pytest.mark.parametrize("comment", COMMENTS + MASKED)
def test_readings_reuse_tokens(comment: str) -> None:
    """Each reading's tokens are the tokenizer's, when a reading repeats an earlier one."""
    for f in _filters():
        expected = tuple(
            tuple(t.text for t in scan.tokenize_with_offsets(r)) for r in f._reading_texts(comment)
        )
        assert f._readings(comment) == expected


@pytest.mark.parametrize("comment", COMMENTS)
def test_word_block_heads_change_no_logit(comment: str) -> None:
    """The word block joins only runs that start with a term's first word: same logit,
    to the bit, as joining every run."""
    for model in (shipped_classifier().persian, shipped_classifier().english):
        scorer = model.scorer
        assert scorer is not None
        fast = scorer.logit(comment)
        saved = list(scorer.word_blocks)
        try:
            scorer.word_blocks[:] = [
                (kind, tokenize, ngrams, None if kind == "words" else cache)
                for kind, tokenize, ngrams, cache in saved
            ]
            assert scorer.logit(comment) == fast
        finally:
            scorer.word_blocks[:] = saved


def test_word_ngrams_heads_drop_only_non_terms() -> None:
    """Runs whose first word starts no term are left out; the rest are as before."""
    from sitrep.moderation.classifier import _word_ngrams

    tokens = ["دولت", "باید", "پاسخ", "بدهد"]
    every = _word_ngrams(tokens, 1, 2)
    assert every == ["دولت", "باید", "پاسخ", "بدهد", "دولت باید", "باید پاسخ", "پاسخ بدهد"]
    assert _word_ngrams(tokens, 1, 2, heads=frozenset({"باید"})) == [*tokens, "باید پاسخ"]
