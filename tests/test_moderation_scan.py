"""The chunked scan (sitrep/moderation/scan.py) answers exactly as persian-text-guard does."""

from __future__ import annotations

import random

import pytest

from sitrep.moderation import classifier as clf
from sitrep.moderation import rules
from sitrep.moderation.corpus import read_corpus, training_set
from sitrep.moderation.scan import ChunkedFilter

# Comments written to cross chunk boundaries the ways the filter joins words.
TRICKY = [
    "f u c k you",
    "fu ck off",
    "ک ی ر",
    "کی ر خر",
    "بی ناموس",
    "بی   ناموس ها",
    "a s s h o l e and more",
    "\u200c",
    "son of a bitch",
    "s.h.i.t happens",
    "shit\u00a0head",
    "b i t c h",
    "تو ا ح م ق ی",
    "kos kesh",
    "madar sag",
    "خوب بود، ممنون! (عالی)",
    "\0kir",
    "«کیر»",
    "p o r n o",
    "یه ک س خل",
    # Single letters joined inside one chunk and a phrase going on in the next; a lone
    # one-letter word beside them.
    "k.o.s kesh",
    "m.a.d.a.r sag",
    "م.ا.د.ر سگ و خر",
    "و ب ی ناموس",
    "a b",
    # One token in every reading but not plain: mentions, hashtags, "!" (read as "i" once
    # look-alikes are folded) and symbols inside words.
    "@kir salam",
    "#kos",
    "sh!t",
    "f!ck you",
    "@ss",
    "#کیر",
    "@جنده",
    "kir!",
    "!!!",
    "b!tch",
    "#خبر_فوری",
    "a$$hole",
    "@madarsag",
    "fuck!",
    "ج.نده!",
    "@@",
    "c0ck!",
    "#fuck #kos!",
    "!shit",
    "@ahmagh",
    "sh1t!",
    "$hit",
    "@_kos_",
    "#کیرخر",
    "کسکش!",
    # A symbol in place of a letter (the filter's broken-word test), alone and joined.
    "s.it",
    "b*tch please",
    "f_ck-off",
    "sh#t.",
    "کس.کش",
    "a-s.s-hole",
    "madar.s-ag",
]


def _filters() -> list[object]:
    return [rules._either_filter((), ()), rules.insult_filter(), rules.accusation_filter()]


def _texts() -> list[str]:
    texts = list(TRICKY) + [e.text for e in read_corpus()]
    chunks = [c for t in texts for c in t.split()]
    rng = random.Random(5)
    letters = "abcdefghijklmnopqrstuvwxyzکیرخسگاوجن"
    marks = ["@", "#", "!", "!!", "$", "|", "_", "\u064e", "*"]
    for _ in range(400):
        texts.append(" ".join(rng.choice(chunks) for _ in range(rng.randint(1, 5))))
        # A symbol before, after or inside a chunk: the one-token path of ChunkedFilter.
        chunk, mark = rng.choice(chunks), rng.choice(marks)
        at = rng.choice([0, len(chunk), rng.randint(0, len(chunk))])
        texts.append(f"{chunk[:at]}{mark}{chunk[at:]} {rng.choice(chunks)}")
        texts.append(
            " ".join(
                rng.choice([rng.choice(letters), rng.choice(chunks), rng.choice(letters) * 2])
                for _ in range(rng.randint(2, 7))
            )
        )
    return texts


@pytest.mark.parametrize("index", range(3))
def test_chunked_filter_answers_as_the_filter(index: int) -> None:
    plain = _filters()[index]
    chunked = ChunkedFilter(plain)  # type: ignore[arg-type]
    wider = ChunkedFilter(plain, ChunkedFilter(rules._either_filter((), ())))  # type: ignore[arg-type]
    for text in _texts():
        want = plain.find_matches(text)  # type: ignore[attr-defined]
        assert chunked.find_matches(text) == want, text
        assert wider.find_matches(text) == want, text
        assert chunked.contains_profanity(text) == bool(want), text


def test_chunks_are_remembered() -> None:
    chunked = ChunkedFilter(rules.insult_filter())
    chunked.contains_profanity("این یک جمله ساده است")
    assert "ساده" in chunked._memory


def test_fast_scorer_matches_scikit_learn() -> None:
    texts, targets = training_set()
    pipeline = clf.fit(texts[::5], targets[::5], seed=2)
    scorer = clf._fast_scorer(pipeline)
    assert scorer is not None
    texts = texts[:300:7] + ["احمق", "احمق", "idiot idiot idiot"]
    want = [float(p) for p in pipeline.predict_proba(texts)[:, 1]]
    for text, p in zip(texts, want, strict=True):
        assert scorer.probability(text) == pytest.approx(p, abs=1e-9), text
