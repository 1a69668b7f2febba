"""Issue 17, s31: plain uses of mild words, rude words the lists lacked, set phrases.

The sentences below were written for these tests; none is a corpus or data-set line.
"""

from __future__ import annotations

import random

import pytest

from sitrep.moderation import moderate
from sitrep.moderation.corpus import OFFENSIVE, Example, neutral_twins
from sitrep.moderation.lexicon import RULE_ONLY_INSULTS
from sitrep.moderation.rules import find_insults, insult_filter


def _insult_scores(text: str) -> list[float]:
    return [h.score for h in find_insults(text) if h.rule == "insult"]


def _flagged_by_rules(text: str) -> bool:
    return any(s >= 0.5 for s in _insult_scores(text))


@pytest.mark.parametrize(
    "text",
    [
        "پزشکان درباره بیماری روانی سربازان بازگشته هشدار دادند",  # mental illness
        "فشار روانی امتحانات بر دانش‌آموزان زیاد است",  # psychological pressure
        "وزارت بهداشت برنامه سلامت روانی کودکان را اعلام کرد",
        "دو طرف جنگ روانی تازه‌ای در رسانه‌ها راه انداخته‌اند",  # psychological warfare
        "این سیل آسیب‌های روحی و روانی زیادی به مردم زد",  # beside its fellow adjective
        "آن‌ها به حمایت روانی و مالی نیاز دارند",
        "او سه ماه در بیمارستان روانی بستری بود",
    ],
)
def test_mental_as_an_adjective_is_no_insult(text: str) -> None:
    """Held for review (or rejected with «او» near) before s31: «روانی» was read as "a psycho"."""
    assert not _flagged_by_rules(text), find_insults(text)


@pytest.mark.parametrize(
    "text",
    [
        "تو روانی هستی",
        "برو پی کارت روانی",
        "این یارو روانی دوباره پیام داده",
        "تو یه بیمار روانی هستی",  # a mental patient, said of "you"
        "این آقا حتما مشکل روانی داره",  # a state someone "has": what they are
        "شماها همه اختلال روانی دارین",
    ],
)
def test_a_psycho_said_of_someone_still_counts(text: str) -> None:
    """Guards: «روانی» as name-calling, and «بیمار روانی» said of the reader."""
    assert _flagged_by_rules(text), find_insults(text)


@pytest.mark.parametrize(
    "text",
    [
        "سطل زباله جلوی در را شهرداری برده است",  # a trash can
        "کیسه آشغال را دم در گذاشتم",
        "جمع‌آوری زباله در این محله هفته‌ای دو بار است",
        "زباله‌های بیمارستانی را کنار رودخانه ریخته بودند",  # the kind of refuse
    ],
)
def test_refuse_is_no_insult(text: str) -> None:
    """Held for review before s31: a trash can, a bin bag, refuse collection."""
    assert not _flagged_by_rules(text), find_insults(text)


@pytest.mark.parametrize("text", ["تو یه آشغالی", "این آدم زباله است", "با این آشغال‌ها بحث نکن"])
def test_trash_said_of_people_still_counts(text: str) -> None:
    """Guards: trash said of a person or of people."""
    assert _flagged_by_rules(text), find_insults(text)


@pytest.mark.parametrize(
    "text",
    [
        "دانشجویان برای مخالفت با اشغال کرانه باختری تجمع کردند",  # opposing an occupation
        "ما با اشغال خاک همسایه مخالفیم",
        "مبارزه با اشغال سال‌ها طول کشید",
        "اشغال سرزمین‌های مرزی را محکوم کردند",  # land as the thing occupied
    ],
)
def test_opposing_an_occupation_is_no_insult(text: str) -> None:
    """Held for review before s31: «اشغال» after «با» or before land was read as trash."""
    assert not _flagged_by_rules(text), find_insults(text)
    assert moderate(text).verdict == "publish", moderate(text).reasons


def test_with_trash_and_no_opposing_still_counts() -> None:
    """Guard: «با این اشغالا» (with this trash) has no word of opposing: still read."""
    assert _flagged_by_rules("با این اشغالا حرف نزن")


@pytest.mark.parametrize(
    "text",
    [
        "خفشو دیگه، کسی نظر تو رو نخواست",  # the brush-off run together
        "لال شو و دیگه اینجا ننویس",
        "این پوفیوز باز اومده",
        "چه زد پدسگ",
        "تو یه گوهی هستی",
        "مجری صیغه زاده باز دروغ گفت",
        "این خایمال‌ها همیشه طرف قدرتند",
    ],
)
def test_strong_words_the_lists_lacked_are_rejected(text: str) -> None:
    """Published before s31 (the model at most sent some to review)."""
    assert any(s >= 0.9 for s in _insult_scores(text)), find_insults(text)
    assert moderate(text).verdict == "reject", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "این مردک باز هم آمد و حرف زد",
        "بازیگر دوزاری دوباره مصاحبه کرده",
        "اینجا چه غلطی می‌کنی؟",
        "وزیر دیروز در تلویزیون زر میزد",
        "بیا زر زر کن",
        "این نخاله‌ها را از ورزشگاه بیرون کنید",
        "عن فکر کردی کسی حرفتو باور میکنه",
        "فلانی گه خورد و رفت",
        "به درک که استعفا داد",
        "فرمانده‌شان دیروز به درک واصل شد",
        "این حرفت یه گوزی بیش نیست",
        "بیلاخ",
    ],
)
def test_rude_words_the_lists_lacked_go_to_a_moderator(text: str) -> None:
    """Published before s31: spoken rude words and phrases, at least held for review."""
    assert _flagged_by_rules(text), find_insults(text)
    assert moderate(text).verdict != "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "عن قریب نتیجه انتخابات اعلام می‌شود",  # «عن قریب», soon
        "گه گاه به روستای پدری سر می‌زند",  # now and then (the rules; see below)
        "او در دیکته یک غلط املایی داشت",  # «غلط» alone is "a mistake"
        "بانک مرکزی سکه‌های زر را به بازار فرستاد",  # «زر» alone is gold
        "درک این موضوع برای همه سخت است",  # «درک», understanding
        "مرد کوچک کنار در ایستاده بود",
        "معلم گفت هیچ غلطی در برگه‌ات نیست",  # no mistake
        "این تمرین به درک مطلب کمک می‌کند",  # to the understanding of the text
        "کودک از ترس لال شده بود",  # struck dumb, said of a child
        "وزارت کشور نتیجه را اعلام کرد",
    ],
)
def test_set_phrases_and_plain_words_are_no_insult(text: str) -> None:
    """Guards: the set phrases that begin with a short rude word, and the plain words."""
    assert not _flagged_by_rules(text), find_insults(text)


def test_rule_only_words_stay_out_of_the_models_build() -> None:
    """The build reads the lists without RULE_ONLY_INSULTS (its twins and guard): the model
    stays as it was. A twin holding «مردک» is kept, as before s31."""
    guard = insult_filter()
    for word in RULE_ONLY_INSULTS["mild"][:4]:
        assert not guard.find_matches(word), word
    line = Example("مردک احمق برو پی کارت", OFFENSIVE, "insult", "fa")
    twins = neutral_twins([line], random.Random(1), nouns=("معلم",))
    assert twins == ["مردک معلم برو پی کارت"]
    assert [h.word for h in find_insults(twins[0], grammar=False)] == []
    assert [h.word for h in find_insults(twins[0])] == ["مردک"]
