"""Issue 17, s30: «اشغال» (occupation) apart from «آشغال» (trash) typed without its madda.

The sentences below were written for these tests; none is a corpus or data-set line.
"""

from __future__ import annotations

import pytest

from sitrep.moderation import moderate
from sitrep.moderation.rules import find_insults


def _insult_scores(text: str) -> list[float]:
    return [h.score for h in find_insults(text) if h.rule == "insult"]


@pytest.mark.parametrize(
    "text",
    [
        "ارتش روسیه شبه‌جزیره را در سال ۲۰۱۴ اشغال کرد",  # a verb of doing after it
        "نیروهای ترکیه سه روستای مرزی را اشغال کرده‌اند",
        "این پل دو سال پیش اشغال شد و هنوز باز نشده",  # a verb of undergoing
        "شهر بندری تا پایان جنگ تحت اشغال بود",  # a preposition of rule before it
        "جزیره در سال ۱۹۴۱ به اشغال ارتش ژاپن درآمد",
        "اشغال شهر توسط شبه‌نظامیان سه ماه طول کشید",  # «توسط» after it
        "ارتش اسرائیل اشغال نوار مرزی را ادامه می‌دهد",  # armed forces as its subject
        "خبرنگاران از زندگی مردم در سرزمین‌های اشغالی گزارش دادند",  # «occupied» land
        "مردم مناطق اشغالی از کمبود آب شکایت دارند",
        "گزارش تازه درباره سرزمین های اشغالی منتشر شد",  # the plural typed apart
    ],
)
def test_occupation_is_no_insult(text: str) -> None:
    """Held for review, or rejected where a person word stood near, before s30: «اشغال» was
    read as «آشغال» (trash) whatever its grammar."""
    assert [s for s in _insult_scores(text) if s >= 0.5] == []
    assert moderate(text).verdict == "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "تو یه اشغال به تمام معنایی",  # trash without the madda, said of "you"
        "تو اشغالی",
        "خفه شو اشغال",
        "اون مجری اشغال دوباره دروغ گفت",
        "شما اشغال شدید، نه ما",  # "you became trash": no occupation verb in the 2nd person
        "تو یک آشغال هستی",  # with the madda it is always trash
        "ارتش آشغال‌ها رو جمع نکرده و تو هم آشغالی",
    ],
)
def test_trash_without_the_madda_still_insults(text: str) -> None:
    """Guards: the same letters as an insult still count."""
    assert any(s >= 0.5 for s in _insult_scores(text)), find_insults(text)
    assert moderate(text).verdict != "publish", moderate(text).reasons


def test_trash_with_no_target_is_still_held_for_review() -> None:
    """Guard: «آشغال» with no person near is a possible insult, as before."""
    assert moderate("مرتیکه اشغال").verdict != "publish"
    assert moderate("آشغال بهتر که بره").verdict == "review"


@pytest.mark.parametrize(
    "text",
    [
        "مرگ بر تو که هر روز دروغ می‌نویسی",
        "مرگ بر شما و همه هم‌فکرانتان",
        "مرگ بر این مجری بی‌خاصیت",
        "#مرگ_بر_تو",  # a hashtag separates words with underscores
    ],
)
def test_death_to_a_person_is_a_threat(text: str) -> None:
    """Published before s30 (no rule read «مرگ بر»): a call for the reader's or a person's death."""
    assert moderate(text).verdict == "reject", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "مرگ بر دیکتاتور",
        "مرگ بر گرانی و مرگ بر دولت بی‌کفایت",
        "#مرگ_بر_ستمگر",
    ],
)
def test_death_to_a_camp_goes_to_a_moderator(text: str) -> None:
    """Published before s30: the slogan of a rally is still a call for a death, held for review."""
    decision = moderate(text)
    assert decision.verdict == "review", decision.reasons
    assert any("مرگ" in r.evidence and "call for a death" in r.detail for r in decision.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "معترضان در میدان شهر شعار مرگ بر دیکتاتور سر دادند",  # a slogan chanted, reported
        "جمعیت مرگ بر گرانی گویان به سمت مجلس رفت",
        "خبرنگار پرسید چرا هنوز مرگ بر آمریکا میگن",
        "مرگ برای همه ما روزی می‌آید و باید آماده بود",  # «مرگ برای», death for
        "مرگ بری در کار نیست",
    ],
)
def test_death_reported_or_another_word_is_published(text: str) -> None:
    """Guards: the chant reported by a third party, and other words, are published."""
    decision = moderate(text)
    assert decision.verdict == "publish", decision.reasons


def test_the_commenters_own_speech_is_their_cry() -> None:
    """Guard: «من میگم» is the commenter's own word, so the call is theirs."""
    assert moderate("من میگم مرگ بر تو").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "این دزدها رو باید کشت",  # the impersonal «باید ... کشت»
        "همه‌شان را باید اعدام کرد",
        "اون مدیر رو باید دار زد",
        "این مجری باید کشته بشه",  # the passive
        "#باید_کشته_شوند",
    ],
)
def test_a_call_to_kill_by_its_grammar_is_rejected(text: str) -> None:
    """Published or sent to review before s30: only fixed phrases were listed."""
    assert moderate(text).verdict == "reject", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    [
        "برای آزمایش فردا باید کشت بدم و نتیجه را ببینم",  # «کشت» the noun (a culture)
        "باید کشت گندم را زودتر شروع کنیم",
        "چرا باید یک نفر را به خاطر یک توییت کشت؟",  # a question, not a call
    ],
)
def test_the_noun_and_the_question_are_no_call(text: str) -> None:
    """Guards: «کشت» as a noun, and a question about killing, are no call to kill."""
    assert [h for h in find_insults(text) if h.score >= 0.5] == []


@pytest.mark.parametrize(
    "text",
    [
        "دادگاه حکم داد که او باید اعدام شود",  # a ruling reported
        "سخنگوی گروه گفت این زندانیان باید کشته شوند",  # a third party's speech
        "کارشناس تلویزیون عقیده داشت که معتادان را باید اعدام کرد و خیلی‌ها اعتراض کردند",
    ],
)
def test_a_call_reported_is_kept_for_the_record(text: str) -> None:
    """Rejected before s30 (the fixed phrase) or not read: the call reported is no call of the
    comment's own, so the rules keep it below review (the model may still ask a moderator)."""
    calls = [h for h in find_insults(text) if "اعدام" in h.word or "کشت" in h.word]
    assert calls and all(h.score < 0.5 for h in calls), calls
    assert moderate(text).verdict != "reject"


def test_the_commenters_own_saying_stays_a_call() -> None:
    """Guard: «من گفتم ...» is the commenter speaking: the call is theirs."""
    assert moderate("من همیشه گفتم اینا رو باید کشت").verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "تورم و بیکاری جوانان این شهر را بدبخت کرد",  # made miserable: a verb
        "با این قیمت‌ها همه‌مان بدبخت شدیم",
        "این صدای ساخت‌وساز هر شب دیوانه‌ام می‌کند",
        "از دست این ترافیک دیوونه میشم",
    ],
)
def test_a_state_with_a_light_verb_is_no_name_calling(text: str) -> None:
    """Held for review before s30: «بدبخت», «دیوانه» read as name-calling inside a verb."""
    assert [s for s in _insult_scores(text) if s >= 0.5] == []
    assert moderate(text).verdict == "publish", moderate(text).reasons


@pytest.mark.parametrize(
    "text",
    ["تو بدبخت شدی و هنوز نفهمیدی", "بدبخت بیچاره برو خونه‌ات", "تو دیوونه‌ای"],
)
def test_a_state_word_said_of_the_reader_still_counts(text: str) -> None:
    """Guards: the second person of becoming and the bare word aimed at "you"."""
    assert any(s >= 0.5 for s in _insult_scores(text)), find_insults(text)
