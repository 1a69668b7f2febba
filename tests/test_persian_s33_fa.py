"""Persian and Dari wording a blind trial of real reports (session 33, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import places_taken, read_persian, territory_mentions

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

DAY = date(2022, 11, 11)  # a Friday


def _taken(extractor: Extractor, text: str, day: date = DAY) -> set[str]:
    """The places of the takeovers a Persian report of ``day`` tells as done or claimed."""
    return {place for place, _ in places_taken(read_persian(extractor, text, day))}


# --- an event noun as the time of something else does not make the news a recall ---


def test_a_takeover_named_as_the_time_of_joy_leaves_the_takeover_news(
    extractor: Extractor,
) -> None:
    # "people celebrate after the liberation of X. With the pull-out, this city was freed"
    text = (
        "جشن ساکنان پس از آزادسازی شهر خرسون به دست ارتش اوکراین.\n"
        "با خروج نیروهای روسی از خرسون، این شهر آزاد شد و به دست ارتش اوکراین افتاد."
    )
    assert "Kherson" in _taken(extractor, text)


def test_a_takeover_recalled_with_its_own_date_still_makes_the_retelling_a_recall(
    extractor: Extractor,
) -> None:
    # guard: the recall dates the fall ("تابستان گذشته"), so the retelling is that fall
    text = (
        "بازگشت بیجاشدگان به قندوز\n"
        "کسانی که پس از سقوط شهر قندوز به دست طالبان در تابستان گذشته خانه را ترک کرده"
        " بودند، برمی‌گردند.\n"
        "طالبان قندوز را پس از چهار روز نبرد تصرف کردند."
    )
    assert _taken(extractor, text, date(2022, 6, 1)) == set()


# --- a takeover noun as the subject of what it brought about ------------------------


def test_a_fall_that_marked_a_chapter_of_the_war_is_no_news(extractor: Extractor) -> None:
    text = "گفتنی است که سقوط الفاشر تلخ‌ترین فصل جنگ سودان را رقم زده است."
    assert _taken(extractor, text, date(2025, 11, 8)) == set()
    text = "تصرف الفاشر به دست نیروهای پشتیبانی سریع، نقطه عطفی در این جنگ بود."
    assert _taken(extractor, text, date(2025, 11, 8)) == set()
    text = "سقوط ولسوالی خان‌آباد نگرانی مردم قندوز را افزایش داده است."
    assert _taken(extractor, text, date(2021, 6, 22)) == set()


def test_a_fall_confirmed_today_is_still_news(extractor: Extractor) -> None:
    # guard: the noun is the subject of the news verb itself ("was confirmed today")
    text = "سقوط الفاشر به دست نیروهای پشتیبانی سریع امروز از سوی ارتش تایید شد."
    assert "El Fasher" in _taken(extractor, text, date(2025, 10, 27))


def test_a_killing_during_a_fall_written_joined_is_no_new_fall(extractor: Extractor) -> None:
    # "درجریان" written as one word: the fall is the time of the killings
    text = (
        "گزارش‌ها از کشتار غیرنظامیان درجریان سقوط شهر الفاشر به دست نیروهای"
        " پشتیبانی سریع حکایت دارد."
    )
    statuses = {
        m.status for m in territory_mentions(read_persian(extractor, text, date(2025, 11, 3)))
    }
    assert Status.OCCURRED not in statuses and Status.CLAIMED not in statuses


# --- a count of unnamed places or buildings, or an unknown name, in a province or town


_NOTHING_TAKEN = [
    # two unnamed areas, three unnamed villages, four unnamed districts in a province
    (
        "ارتش سودان دو منطقه را در ایالت کردفان شمالی از نیروهای پشتیبانی سریع پس گرفت.",
        "2025-11-15",
    ),
    ("منابع محلی می‌گویند ارتش موفق شده سه روستا در ایالت کردفان شمالی را تصرف کند.", "2025-11-15"),
    ("نیروهای امنیتی چهار ولسوالی را در ولایت فاریاب از طالبان پس گرفتند.", "2021-07-20"),
    # buildings fought over in a town
    ("نیروهای روسیه در کوپیانسک طی شبانه‌روز گذشته ۳۰ ساختمان را تصرف کردند.", "2025-11-06"),
    ("این واحدها در یک روز موفق به آزادسازی ۳۰ ساختمان در شهر کوپیانسک شده‌اند.", "2025-11-06"),
    # a settlement the gazetteer does not know, named in a province
    ("ارتش سودان بر منطقه ام دغیبه در کردفان شمالی مسلط شده است.", "2025-11-17"),
    (
        "ارتش سوریه شهرک‌های «کفرداعل» و «خربه سمره» را در جنوب غرب استان «حلب»"
        " پس از نبرد با شورشیان آزاد کرد.",
        "2020-02-16",
    ),
    # a pull-back from the outskirts of a town the gazetteer does not know
    (
        "ارتش اوکراین از عقب‌نشینی سربازانش از حومه «ایوانیوسکه» در دونتسک شرقی خبر داد.",
        "2024-07-04",
    ),
    # a share of a country's land held, not the country taken
    ("طالبان اکنون بیش از نیمی از خاک افغانستان را تصرف کرده‌اند.", "2021-07-20"),
]


@pytest.mark.parametrize(("text", "day"), _NOTHING_TAKEN)
def test_unnamed_or_unknown_places_in_a_province_or_town_take_neither(
    extractor: Extractor, text: str, day: str
) -> None:
    assert _taken(extractor, text, date.fromisoformat(day)) == set()


def test_a_named_town_in_a_province_is_still_taken(extractor: Extractor) -> None:
    # guards: the town itself is the object, the province where it lies
    text = "ارتش سودان شهر الابیض را در ایالت کردفان شمالی از نیروهای پشتیبانی سریع پس گرفت."
    assert _taken(extractor, text, date(2025, 11, 15)) == {"El Obeid"}
    text = "نیروهای روسیه شهر کوپیانسک در استان خارکف را تصرف کردند."
    assert _taken(extractor, text, date(2025, 11, 15)) == {"Kupyansk"}


def test_a_province_taken_whole_is_still_the_province(extractor: Extractor) -> None:
    # guard: the province is the object itself
    text = "ارتش سوریه کنترل کامل استان حلب را به دست گرفت."
    assert _taken(extractor, text, date(2020, 2, 16)) == {"Ḩalab"}


def test_a_pull_back_from_a_named_town_still_hands_it_over(extractor: Extractor) -> None:
    # guard: the town itself is left
    text = "نیروهای اوکراینی از شهر باخموت عقب نشینی کردند."
    assert _taken(extractor, text, date(2023, 5, 20)) == {"Bakhmut"}
