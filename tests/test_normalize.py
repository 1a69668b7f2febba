"""The one text normalisation module: its tables, its named policies, offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.moderation import classifier, rules
from sitrep.read.fa import text as fa_text
from sitrep.resolve import actors, gazetteer
from sitrep.text import normalize as nz
from sitrep.text.normalize import (
    ACTOR_KEY,
    MODERATION_FEATURES,
    MODERATION_WORDS,
    PERSIAN_READING,
    PLACE_LATIN_KEY,
    PLACE_SCRIPT_KEY,
    ZWJ,
    ZWNJ,
    FoldPolicy,
    fold,
    fold_with_offsets,
)

POLICIES = [
    PERSIAN_READING,
    PLACE_SCRIPT_KEY,
    PLACE_LATIN_KEY,
    ACTOR_KEY,
    MODERATION_WORDS,
    MODERATION_FEATURES,
]

# -- ZWNJ -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (PERSIAN_READING, "نیروهای" + ZWNJ + "عراقی"),  # the reader's patterns know it
        (PLACE_SCRIPT_KEY, "نیروهایعراقی"),  # a key: written with or without it
        (ACTOR_KEY, "نیروهایعراقی"),
        (MODERATION_WORDS, "نیروهایعراقی"),
        (MODERATION_FEATURES, "نیروهای عراقی"),  # the classifier's n-grams see two words
        (PLACE_LATIN_KEY, "نیروهای" + ZWNJ + "عراقی"),  # Latin words: left alone
    ],
    ids=lambda p: getattr(p, "name", ""),
)
def test_zwnj_policy(policy: FoldPolicy, expected: str) -> None:
    assert fold("نیروهای" + ZWNJ + "عراقی", policy) == expected


def test_zero_width_joiner_is_dropped_by_the_lookup_keys_only() -> None:
    word = "ب" + ZWJ + "ت"
    assert fold(word, PLACE_SCRIPT_KEY) == fold(word, ACTOR_KEY) == "بت"
    assert fold(word, PERSIAN_READING) == fold(word, MODERATION_WORDS) == word


# -- digits -----------------------------------------------------------------------


def test_persian_and_arabic_indic_digits_become_ascii() -> None:
    assert nz.to_ascii_digits("۱۳۹۶ و ٢٠١٧") == "1396 و 2017"
    assert nz.to_ascii_digits("٫۳") == "٫3"  # digits only: the separator stays
    assert fold("۳٫۵ و ۱٬۲۰۰", PERSIAN_READING) == "3.5 و 1,200"
    # keys keep digits as written (no name in the data is spelled with digits)
    assert fold("۱۲", ACTOR_KEY) == "۱۲"


# -- letter variants -------------------------------------------------------------


def test_keyboard_variants_fold_under_every_arabic_script_policy() -> None:
    arabic_typed = "".join(nz.ARABIC_SPELLING.get(c, c) for c in "یک")  # "يك"
    assert arabic_typed == "يك"
    for policy in (PERSIAN_READING, PLACE_SCRIPT_KEY, ACTOR_KEY, MODERATION_WORDS):
        assert fold(arabic_typed, policy) == "یک", policy.name
        assert fold("ى", policy) == "ی", policy.name  # alef maksura


@pytest.mark.parametrize(
    ("letter", "folded", "policies"),
    [
        ("ة", "ه", {"place-script-key", "actor-key", "moderation-words", "moderation-features"}),
        ("أ", "ا", {"place-script-key", "actor-key"}),
        ("إ", "ا", {"place-script-key", "actor-key"}),
        ("آ", "ا", {"place-script-key", "actor-key"}),
        ("ٱ", "ا", {"place-script-key", "actor-key"}),
        ("ئ", "ی", {"place-script-key", "actor-key"}),
        ("ۀ", "ه", {"actor-key"}),
        ("ؤ", "و", {"actor-key"}),
    ],
)
def test_letter_variants_by_policy(letter: str, folded: str, policies: set[str]) -> None:
    for policy in POLICIES:
        if policy is PLACE_LATIN_KEY:
            continue  # for Latin words only (its accent stripping splits a hamza off)
        expected = folded if policy.name in policies else letter
        assert fold(letter, policy) == expected, policy.name


def test_marks_and_tatweel() -> None:
    marked = "دیرالزّور"  # with a shadda
    for policy in (PERSIAN_READING, PLACE_SCRIPT_KEY, ACTOR_KEY):
        assert fold(marked, policy) == "دیرالزور", policy.name
    assert fold(marked, MODERATION_WORDS) == marked  # the profanity filter reads marks itself
    stretched = "شــهر"
    assert fold(stretched, MODERATION_FEATURES) == fold(stretched, ACTOR_KEY) == "شهر"
    assert fold(stretched, MODERATION_WORDS) == stretched
    quranic = "ب\u06dbت"  # an annotation sign: only the place key drops it
    assert fold(quranic, PLACE_SCRIPT_KEY) == "بت"
    assert fold(quranic, ACTOR_KEY) == quranic
    assert fold("\u200fسوریه\u200e", PERSIAN_READING) == "سوریه"  # directional marks


# -- case, accents, apostrophes ---------------------------------------------------------


def test_latin_place_key_folds_case_accents_and_special_letters() -> None:
    assert fold("Ḩalab", PLACE_LATIN_KEY) == "halab"
    assert fold("ŁÓDŹ", PLACE_LATIN_KEY) == "lodz"
    assert fold("Ærøskøbing", PLACE_LATIN_KEY) == "aeroskobing"
    assert fold("Straße", PLACE_LATIN_KEY) == "strasse"
    assert fold("Raʾs", PLACE_LATIN_KEY) == fold("Ra's", PLACE_LATIN_KEY) == "ras"


def test_actor_key_folds_case_and_apostrophes_not_accents() -> None:
    assert fold("Sha’abi", ACTOR_KEY) == fold("Sha'abi", ACTOR_KEY) == "shaabi"
    assert fold("Kürt", ACTOR_KEY) == "kürt"
    assert nz.unify_apostrophes("Sha’ab ‘x` ʼy") == "Sha'ab 'x' 'y"


def test_case_is_kept_only_where_offsets_or_script_need_it() -> None:
    for policy in POLICIES:
        expected = "abc" if policy.casefold else "ABC"
        assert fold("ABC", policy) == expected, policy.name


def test_spaces() -> None:
    assert fold("a\u00a0b\u2009c", PERSIAN_READING) == "a b c"
    assert fold("a\u00a0b", ACTOR_KEY) == "a\u00a0b"


@pytest.mark.parametrize("policy", POLICIES, ids=lambda p: p.name)
def test_folding_twice_changes_nothing(policy: FoldPolicy) -> None:
    samples = ["ديرالزّور", "نیروهای‌عراقی", "Ḩalab AL-QAIM", "Sha’abi", "۱۲ آبان", "Ærø", "شــهر"]
    for s in samples:
        once = fold(s, policy)
        assert fold(once, policy) == once


# -- offsets ---------------------------------------------------------------------------


def test_fold_with_offsets_maps_back_to_the_original() -> None:
    text = "ارتش سوريه ــ دیرالزّور"
    folded = fold_with_offsets(text, PERSIAN_READING)
    assert folded.text == fold(text, PERSIAN_READING)
    assert len(folded.origin) == len(folded.text) + 1 and folded.origin[-1] == len(text)
    start = folded.text.index("دیرالزور")
    span = folded.span(start, start + len("دیرالزور"), text, base=10)
    assert span.text == "دیرالزّور" and span.start == 10 + text.index("دیرالزّور")
    plain = fold_with_offsets("سوریه", PERSIAN_READING)  # nothing dropped
    assert plain.origin == tuple(range(len("سوریه") + 1))


def test_only_one_to_one_policies_keep_offsets() -> None:
    assert PERSIAN_READING.keeps_offsets
    for policy in (PLACE_LATIN_KEY, ACTOR_KEY, MODERATION_WORDS, MODERATION_FEATURES):
        assert not policy.keeps_offsets  # they fold case
        with pytest.raises(ValueError, match="offsets"):
            fold_with_offsets("x", policy)
    assert PLACE_SCRIPT_KEY.keeps_offsets  # drops and single letters only


def test_policies_are_checked() -> None:
    with pytest.raises(ValueError, match="letter group"):
        FoldPolicy("bad", letters=("no_such_group",))
    with pytest.raises(ValueError, match="zwnj"):
        FoldPolicy("bad", zwnj="maybe")  # type: ignore[arg-type]
    assert FoldPolicy("x", letters=("yeh_kaf",)) == FoldPolicy("x", letters=("yeh_kaf",))
    assert hash(PERSIAN_READING) == hash(PERSIAN_READING)


# -- the callers use it ----------------------------------------------------------------


def test_every_caller_folds_with_the_module() -> None:
    text = "ارتش سوريه ۱۲ نیروهای‌عراقی"
    assert fa_text.fold(text) == fold_with_offsets(text, PERSIAN_READING)
    assert fa_text.normalize(text) == fold(text, PERSIAN_READING)
    assert classifier.prepare("نیروهای‌عراقی شــهر") == fold(
        "نیروهای‌عراقی شــهر", MODERATION_FEATURES
    )
    assert [w for w, _, _ in rules._words("نیروهای‌عراقی Ali")] == ["نیروهایعراقی", "ali"]
    assert [t.norm for t in actors._tokens("Sha’abi قوات‌ الحشد")] == ["shaabi", "قوات", "الحشد"]
    assert gazetteer.normalize_name("دير الزّور") == "دیرالزور"
    assert gazetteer.normalize_name("Dayr az-Zawr") == gazetteer.normalize_name("DAYR AZ ZAWR")


def test_no_other_module_keeps_a_letter_fold_table() -> None:
    # one table: a module that folds Arabic yeh or kaf itself has forked the rules
    root = Path(nz.__file__).parents[1]
    forks = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "normalize.py"
        and re.search(r"""["']\u064a["']\s*:|["']\u0643["']\s*:""", p.read_text("utf-8"))
    ]
    assert forks == []
