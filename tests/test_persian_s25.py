"""Persian and Dari wording a third blind trial of real reports (session 25, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import read_persian, territory_changes
from test_persian_trial5 import changes, taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# changes(extractor, text, *statuses) and taken(extractor, text) read a report of
# 2021-07-04 (the fifth trial's helpers)


def test_the_side_driven_out_loses_the_place(extractor: Extractor) -> None:
    # "با بیرون راندن X از ...، کنترل آن را به دست گرفت": X is driven out, not the taker
    text = (
        "ارتش سودان اعلام کرد با بیرون راندن نیروهای واکنش سریع از اطراف فرودگاه "
        "در شهر الفاشر، کنترل کامل آن را به دست گرفته است."
    )
    found = changes(extractor, text)
    assert [m.actor1.name if m.actor1 else None for m in found] == ["Military Forces of Sudan"]
    assert found[0].actor2 is not None and found[0].actor2.name == "Rapid Support Forces"
    # guard: the same side named as the subject takes the town
    plain = "نیروهای واکنش سریع کنترل کامل شهر الفاشر را به دست گرفتند."
    assert [a for _, a in taken(extractor, plain)] == ["Rapid Support Forces"]


def test_a_state_named_on_a_flag_is_not_the_place(extractor: Extractor) -> None:
    # "پرچم سودان را برافراشتیم": the flag's state, not a place taken
    text = (
        "سخنگوی ارتش گفت: امروز پرچم سودان را بر فراز ساختمان وزارتخانه برافراشتیم و تا "
        "پیروزی کامل به این عملیات ادامه خواهیم داد."
    )
    assert [
        m.place.place.name
        for m in changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
        if m.place
    ] == []


def test_a_town_described_between_commas_is_the_object(extractor: Extractor) -> None:
    # "شهر X، آخرین پایگاه Y در Z را آزاد کرد": the town is what "را" marks
    text = "ارتش عراق موفق شد شهر القائم، آخرین پایگاه داعش در عراق را آزاد کند."
    assert taken(extractor, text) == [("Al Qā’im", "Military Forces of Iraq")]
    # guard: a base in a district is not the district
    base = "نیروهای ارتش پایگاه طالبان در ولسوالی شهرک را تصرف کردند."
    assert taken(extractor, base) == []


def test_a_participle_joined_to_a_future_verb_is_expected(extractor: Extractor) -> None:
    # "نیروهایش را از X خارج کرده و کنترل را ... واگذار خواهد کرد": all still to come
    text = (
        "فرمانده گروه اعلام کرد که نیروهای خود را از شهر لیمان خارج کرده و کنترل را "
        "به ارتش روسیه واگذار خواهد کرد."
    )
    assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    assert changes(extractor, text, Status.EXPECTED) != []
    # guard: a future told in a clause of its own after "که" leaves the taking done
    done = "طالبان شهر غزنی را تصرف کرده و اعلام کردند که به زودی وارد کابل خواهند شد."
    assert ("Ghazni", "Taliban") in taken(extractor, done)


def test_who_flees_as_a_town_is_freed_lost_it(extractor: Extractor) -> None:
    # "عناصر داعش با آزادسازی شهر X ... فرار کرده‌اند": they fled, they did not free it
    text = "گفته می‌شود عناصر باقیمانده داعش با آزادسازی شهر القائم به سوی بیابان فرار کرده‌اند."
    found = changes(extractor, text)
    assert [m.actor1.name if m.actor1 else None for m in found] != ["ISIS"]
    assert all(m.actor2 is not None and m.actor2.name == "ISIS" for m in found)
    # guard: the army that frees a town and goes on is its taker
    army = "ارتش عراق با آزادسازی شهر القائم به مرز سوریه رسید."
    assert [a for _, a in taken(extractor, army)] == ["Military Forces of Iraq"]


def test_may_spelled_mi_after_the_word_month(extractor: Extractor) -> None:
    # "ماه می": May as Persian writers spell it; a takeover in May told in December
    # is background, not news of the day
    text = "داعش شهر رمادی را در ماه می اشغال کرد."
    found = [m for m in read_persian(extractor, text, date(2015, 12, 24)) if m.place and m.time]
    assert [(m.time.value, m.status) for m in found if m.time] == [
        (date(2015, 5, 1), Status.BACKGROUND)
    ]
    # guard: "می" alone is the verb's prefix, no month
    verb = "داعش شهر رمادی را اشغال کرده است و نیروهای عراقی به آن نزدیک می شوند."
    found = [m for m in read_persian(extractor, verb, date(2015, 12, 24)) if m.time]
    assert all(m.time.value.month != 5 for m in found if m.time)


def test_an_entry_into_a_town_described_between_commas(extractor: Extractor) -> None:
    # "وارد منطقه X، آخرین منطقه تحت سیطره کردها ... شدند": the entry's span holds the
    # description; the town's Persian spelling resolves (Altun Kupri)
    text = (
        "نیروهای ارتش عراق پس از درگیری با پیشمرگه‌ها وارد منطقه آلتون کوپری، آخرین "
        "منطقه تحت سیطره کردها در استان کرکوک شدند."
    )
    assert ("Altun Kupri", "Military Forces of Iraq") in taken(extractor, text)


def test_a_latin_acronym_inside_persian_names_the_actor(extractor: Extractor) -> None:
    # "گروه شورشی «M23»": a Persian sentence with one Latin acronym is no all-capitals
    # headline, where acronyms are read as words
    text = "اعضای گروه شورشی «M23» کنترل کامل شهر گوما را به دست گرفتند."
    assert taken(extractor, text) == [("Goma", "M23: March 23 Movement")]


def test_an_all_capitals_headline_still_reads_acronyms_as_words() -> None:
    # guard: "IS" in an English all-capitals headline is the verb, as before
    from sitrep.resolve.actors import _all_caps

    assert _all_caps("IS THE TOWN SAFE? ARMY SAYS YES")
    assert not _all_caps("اعضای گروه M23 کنترل شهر گوما را به دست گرفتند.")
    assert not _all_caps("Rebels of M23 took Goma")


def test_the_side_that_withdraws_is_no_gainer(extractor: Extractor) -> None:
    # "ناظر گفت: مخالفان ... از محله‌های X و Y عقب‌نشینی کرده‌اند": the opposition named
    # first after the speaker leaves; the army the report names takes the quarters
    text = (
        "ارتش سوریه شهر حلب را به طور کامل آزاد کرد.\n"
        "خبر آزادی حلب در حالی منتشر شد که مردم در خیابان‌ها جشن گرفتند.\n"
        "یک ناظر گفت: مخالفان عصر دوشنبه به شکل کامل از محله‌های الفردوس و الکلاسه "
        "عقب نشینی کرده‌اند.\n"
        "بخش شرقی حلب از سال ۲۰۱۲ در کنترل شورشیان بود؛ هنوز بخش‌هایی از سوریه در "
        "اختیار مخالفان دولت است."
    )
    quarters = [
        m
        for m in territory_changes(read_persian(extractor, text, date(2016, 12, 13)))
        if m.place and m.place.place.name == "Al Firdaws"
    ]
    assert [(m.actor1.name if m.actor1 else None) for m in quarters] == ["Military Forces of Syria"]
    assert [(m.actor2.name if m.actor2 else None) for m in quarters] == ["Free Syrian Army"]
    # guard: a withdrawal whose leaver the speaker's side is stays the speaker's loss
    said = "سخنگوی ارتش افغانستان گفت نیروهایش از ولسوالی شهرک عقب‌نشینی کرده‌اند."
    left = changes(extractor, said)
    assert [(m.actor2.name if m.actor2 else None) for m in left] == [
        "Military Forces of Afghanistan"
    ]


def test_a_town_taken_out_of_a_sides_hands_is_no_withdrawal_of_the_subject(
    extractor: Extractor,
) -> None:
    # guard of the withdrawing side: "X شهر Y را از کنترل Z خارج کردند": X takes Y
    text = (
        "نیروهای دولت وفاق ملی لیبی روز چهارشنبه در حمله‌ای غافلگیرانه شهر غریان را از "
        "کنترل نیروهای خلیفه حفتر خارج کردند.\n"
        "سخنگوی نیروهای دولت وفاق ملی گفت ده‌ها نفر از نیروهای حفتر اسیر شده‌اند."
    )
    found = [m for m in changes(extractor, text) if m.place and m.place.place.name == "Gharyan"]
    assert all(
        m.actor2 is None or "Government of National Accord" not in m.actor2.name for m in found
    )
