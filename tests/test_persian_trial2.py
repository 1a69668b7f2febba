"""The Persian reader on constructions met in a second trial on real Persian and
Dari reports (issue 12): a capture for a few hours, a person's first name that
names a city, the side a town is cleared of, a date in a condition, a withdrawal
that names no taker, "N روز پیش از" an event, the side whose defeat is sought.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.dates import find_dates
from tests.test_persian_trial import changes, territory

KUNDUZ, KHANABAD, FALLUJAH, RAWAH = 1135689, 7053316, 99454, 92004


def test_a_capture_for_a_few_hours_is_no_change(extractor: Extractor) -> None:
    for text in (
        "طالبان روز دوشنبه میدان مرکزی شهر قندوز را برای ساعاتی تصرف کردند.",
        "جنگجویان طالب چند ساعت میدان‌های شهر قندوز را تصرف کردند.",
        "طالبان شهر قندوز را به طور موقت تصرف کردند.",
    ):
        assert changes(extractor, text, date(2016, 10, 5)) == [], text
    # "after a few hours of fighting": when, not how long
    text = "طالبان پس از چند ساعت درگیری شهر قندوز را تصرف کردند."
    assert changes(extractor, text, date(2016, 10, 5)) == [(KUNDUZ, "Taliban")]


def test_a_first_name_before_a_surname_and_title_is_no_city(extractor: Extractor) -> None:
    # Riyadh ("ریاض") is here a commander's first name
    text = (
        "حیدر العبادی به همراه ریاض جلال، فرمانده نیروی زمینی و شماری از فرماندهان "
        "ارتش وارد شهر فلوجه شد."
    )
    assert changes(extractor, text, date(2016, 6, 27)) == [(FALLUJAH, "Military Forces of Iraq")]


def test_the_side_a_town_is_cleared_of_loses_it(extractor: Extractor) -> None:
    text = "نیروهای عراقی پس از پاکسازی فلوجه از نفرات داعش، کنترل کامل شهر را به دست گرفتند."
    ms = [m for m in territory(extractor, text, date(2016, 6, 27)) if m.status is Status.OCCURRED]
    assert ms and all(m.actor1 and m.actor1.name == "Military Forces of Iraq" for m in ms)
    assert all(m.actor2 and m.actor2.name == "ISIS" for m in ms)


def test_a_date_in_a_condition_dates_no_takeover(extractor: Extractor) -> None:
    text = (
        "نخست وزیر عراق در پیامی به مناسبت پاکسازی فلوجه از نفرات داعش گفت: «اگر سال "
        "۲۰۱۵ سال آزادسازی بوده، سال ۲۰۱۶ سال پیروزی خواهد بود». نیروهای عراقی وارد "
        "شهر فلوجه شدند."
    )
    ms = territory(extractor, text, date(2016, 6, 27))
    assert ms and all(m.time and m.time.value.year == 2016 and m.time.value.month == 6 for m in ms)


def test_a_withdrawal_naming_no_taker_leaves_it_to_the_state(extractor: Extractor) -> None:
    text = (
        "مقام‌های محلی در قندوز می‌گویند که نیروهای امنیتی طالبان را تا ۵ کیلومتری مرکز "
        "ولسوالی خان‌آباد عقب رانده‌اند. گروه طالبان دو هفته کنترل این ولسوالی را در "
        "دست داشت، اما مجبور به عقب‌نشینی شد."
    )
    ms = [m for m in territory(extractor, text, date(2016, 8, 21)) if m.status is Status.OCCURRED]
    assert [(m.place.place.id if m.place else None, m.actor1 and m.actor1.name) for m in ms] == [
        (KHANABAD, "Military Forces of Afghanistan")
    ]
    assert ms[0].actor2 is not None and ms[0].actor2.name == "Taliban"


def test_the_possessor_of_a_withdrawal_noun_leaves(extractor: Extractor) -> None:
    ms = territory(extractor, "عقب‌نشینی طالبان از مرکز ولسوالی خان‌آباد", date(2016, 8, 21))
    assert ms and all(m.actor1 is None or m.actor1.name != "Taliban" for m in ms)
    assert all(m.actor2 and m.actor2.name == "Taliban" for m in ms)


def test_days_before_an_event_are_not_days_ago() -> None:
    text = "طالبان در اسد ۱۴۰۰، چند روز پیش از سقوط کابل، کنترول این ولسوالی را گرفتند."
    assert [d.span.text for d in find_dates(text, date(2024, 3, 20))] == ["اسد ۱۴۰۰"]
    # "۱۸ ماه پیش از خرسون": eighteen months ago, from Kherson
    text = "نیروهای روسیه ۱۸ ماه پیش از خرسون عقب‌نشینی کردند."
    assert [d.span.text for d in find_dates(text, date(2024, 5, 11))] == ["۱۸ ماه پیش"]


def test_the_side_whose_defeat_is_sought_is_no_taker(extractor: Extractor) -> None:
    text = (
        "ارتش عراق برای شکست کامل داعش عملیاتی گسترده را آغاز کرد و طی چند ساعت موفق شد "
        "کل شهر راوه را آزاد کند."
    )
    assert changes(extractor, text, date(2017, 11, 17)) == [(RAWAH, "Military Forces of Iraq")]
