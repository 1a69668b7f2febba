"""The Persian reader on real-report wording (issue 12): Dari, headlines, recalls,
ongoing battles, withdrawals; and the ``fa_world`` split of ``sitrep eval persian``."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Precision, Status
from sitrep.quality.evaluation import persian, world
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.dates import find_dates
from sitrep.read.fa.text import fold
from sitrep.read.fa.triggers import find_triggers
from sitrep.read.typology import TERRITORY_SUB_TYPES

KUNDUZ, ZARANJ, SANGIN_DISTRICT, KANDAHAR_CITY, HERAT_AFG = (
    1135689,
    1120985,
    7053034,
    1138336,
    1140026,
)
ALEPPO, RAMADI, WAD_MEDANI, KHERSON = 170063, 98717, 364103, 706448
SPIN_BOLDAK_DISTRICT, ZANGILAN, IZIUM, FAYZABAD = 7053310, 146901, 707292, 1142170
SINGA, TIKRIT, KABUL = 366847, 90150, 1138958


def territory(extractor: Extractor, text: str, published: date) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=published)
    return [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def occurred(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.status is Status.OCCURRED]


def places_taken(extractor: Extractor, text: str, published: date) -> list[int]:
    """GeoNames ids of the places of a text's occurred takeovers, in order."""
    return [m.place.place.id for m in occurred(territory(extractor, text, published)) if m.place]


# -- dates ----------------------------------------------------------------------


def test_afghan_month_names_with_a_day_or_year() -> None:
    (d,) = find_dates("روز جمعه ۱۵ اسد ۱۴۰۰ سقوط کرد", date(2021, 8, 7))
    assert d.ref.value == date(2021, 8, 6) and d.ref.precision is Precision.DAY
    (m,) = find_dates("روز سه‌شنبه ۱ سرطان کنترول", date(2021, 6, 23))
    assert m.ref.value == date(2021, 6, 22)
    # "اسد" alone is Assad, not the month
    assert find_dates("بشار اسد گفت", date(2021, 8, 7)) == []


def test_seasons_are_dates() -> None:
    def read(text: str, published: date) -> tuple[date, Precision]:
        (d,) = find_dates(text, published)
        return d.ref.value, d.ref.precision

    # the Iranian seasons, dated as their middle month (or first / last one)
    assert read("بازار تابستان گذشته بسته شد", date(2022, 8, 8)) == (
        date(2021, 8, 1),
        Precision.MONTH,
    )
    assert read("تابستان گذشته", date(2022, 12, 20)) == (date(2022, 8, 1), Precision.MONTH)
    assert read("زمستان سال گذشته", date(2024, 10, 15))[0] == date(2024, 2, 1)
    assert read("بهار امسال", date(2025, 5, 2))[0] == date(2025, 5, 1)
    assert read("اواخر پاییز سال گذشته", date(2025, 12, 8))[0] == date(2024, 12, 1)
    assert read("اوایل زمستان پارسال", date(2019, 6, 1))[0] == date(2019, 1, 1)  # دی ۱۳۹۷
    assert read("تابستان ۲۰۱۵", date(2019, 10, 13))[0] == date(2015, 8, 1)
    assert read("پاییز ۱۴۰۲", date(2025, 1, 1))[0] == date(2023, 11, 1)
    # a season with no word saying which is no date
    assert find_dates("گرمای تابستان و سرمای زمستان", date(2022, 8, 8)) == []


def test_a_takeover_recalled_by_season_is_background(extractor: Extractor) -> None:
    text = (
        "بازار بلخ یک سال پس از تغییر نظام\n"
        "طالبان تابستان گذشته پس از دو روز جنگ کنترول شهر شبرغان را به دست گرفتند.\n"
        "دکانداران شهر می‌گویند فروش شان کم شده است."
    )
    assert places_taken(extractor, text, date(2022, 8, 20)) == []


# -- Dari wording ------------------------------------------------------------------


def test_dari_verbs_and_spelling() -> None:
    kinds = {
        "کنترول شهر قندوز را به دست گرفتند": "TAKE",
        "مناطق را تسخیر نمودند": "TAKE",
        "داعش بر شهر تدمر مسلط شد": "TAKE",
        "شهر لشکرگاه به طالبان سپرده شد": "HANDOVER",
    }
    for text, family in kinds.items():
        found = [t.trigger.family.name for t in find_triggers(fold(text).text)]
        assert family in found, text


def test_dari_takeover_of_a_provincial_capital(extractor: Extractor) -> None:
    text = (
        "زرنج، مرکز ولایت نیمروز به دست طالبان سقوط کرد\n"
        "زرنج روز جمعه ۱۵ اسد ۱۴۰۰ به دست طالبان سقوط کرد."
    )
    ms = occurred(territory(extractor, text, date(2021, 8, 6)))
    assert ms and all(m.place is not None and m.place.place.id == ZARANJ for m in ms)
    assert all(m.actor1 is not None and m.actor1.name == "Taliban" for m in ms)
    assert all(m.time is not None and m.time.value == date(2021, 8, 6) for m in ms)


def test_district_and_provincial_seat(extractor: Extractor) -> None:
    (m,) = occurred(
        territory(
            extractor,
            "طالبان امروز کنترول ولسوالی سنگین را به دست گرفتند.",
            date(2017, 3, 23),
        )
    )
    assert m.place is not None and m.place.place.id == SANGIN_DISTRICT  # سنگین: also "heavy"
    (k,) = occurred(
        territory(extractor, "طالبان صبح جمعه وارد مقام ولایت قندهار شدند.", date(2021, 8, 13))
    )
    assert k.place is not None and k.place.place.id == KANDAHAR_CITY


def test_herat_is_the_afghan_city(extractor: Extractor) -> None:
    (m,) = occurred(territory(extractor, "شهر هرات به دست طالبان سقوط کرد.", date(2021, 8, 13)))
    assert m.place is not None and m.place.place.id == HERAT_AFG


# -- statuses ------------------------------------------------------------------------


def test_present_tense_headline_tells_what_happened(extractor: Extractor) -> None:
    text = "ارتش سوریه کنترل کامل حلب را به دست می‌گیرد\nامنیت به شهر بازگشته است."
    (m,) = territory(extractor, text, date(2016, 12, 22))
    assert m.status is Status.OCCURRED and m.actor1 is not None
    # the same words inside the body stay an expectation
    body = "گزارش‌ها حاکی است. ارتش سوریه کنترل کامل حلب را به دست می‌گیرد."
    assert all(
        x.status is not Status.OCCURRED for x in territory(extractor, body, date(2016, 12, 22))
    )


def test_recalled_takeovers_are_background(extractor: Extractor) -> None:
    for text, published in (
        ("طالبان پارسال شهر قندوز را برای حدود دو هفته تصرف کردند.", date(2016, 10, 4)),
        ("حدود ۱۸ ماه پیش طالبان شهر قندوز را تصرف کردند.", date(2016, 10, 4)),
        ("رمادی در اردیبهشت امسال به دست داعش افتاده بود.", date(2015, 12, 28)),
        ("داعش حدود دو سال و نیم پیش شهر رمادی را تصرف کرده بود.", date(2016, 6, 26)),
    ):
        assert occurred(territory(extractor, text, published)) == [], text


def test_battles_under_way_are_no_capture(extractor: Extractor) -> None:
    text = (
        "جنگ میان نیروهای امنیتی و طالبان در شهر قندوز ادامه دارد و طالبان وارد چند ناحیه شهر قندوز"
        " شده‌اند."
    )
    assert occurred(territory(extractor, text, date(2016, 10, 4))) == []


def test_withdrawal_leaves_the_town_to_the_other_side(extractor: Extractor) -> None:
    text = (
        "نیروهای واکنش سریع روز دوشنبه کنترل شهر ود مدنی را به دست گرفتند.\n"
        "ارتش سودان تأیید کرد که یگان‌هایش از ود مدنی عقب‌نشینی کرده‌اند."
    )
    ms = occurred(territory(extractor, text, date(2023, 12, 19)))
    assert ms and all(m.place is not None and m.place.place.id == WAD_MEDANI for m in ms)
    assert all(m.actor1 is not None and m.actor1.name == "Rapid Support Forces" for m in ms)
    only = "ارتش روسیه از شهر خرسون عقب‌نشینی کرد.\nنیروهای اوکراینی در میدان مرکزی شهر جشن گرفتند."
    (w,) = occurred(territory(extractor, only, date(2022, 11, 11)))
    assert w.place is not None and w.place.place.id == KHERSON
    assert w.actor1 is not None and w.actor1.country == "UKR"
    assert w.actor2 is not None and w.actor2.country == "RUS"


def test_a_claim_the_other_side_denies_is_no_takeover(extractor: Extractor) -> None:
    claim = "علی‌اف روز یکشنبه اعلام کرد که ارتش آذربایجان شهر جبرائیل را آزاد کرده است."
    text = claim + "\nوزارت دفاع ارمنستان این ادعا را تکذیب کرد."
    kept = (Status.OCCURRED, Status.CLAIMED)
    assert [m for m in territory(extractor, claim, date(2020, 10, 4)) if m.status in kept]
    assert not [m for m in territory(extractor, text, date(2020, 10, 4)) if m.status in kept]


def test_an_anniversary_is_background(extractor: Extractor) -> None:
    text = "سالروز آزادسازی موصل\nساکنان موصل امروز یاد قربانیان جنگ را گرامی داشتند."
    assert occurred(territory(extractor, text, date(2018, 7, 10))) == []


def test_where_the_sources_are_is_not_the_place_taken(extractor: Extractor) -> None:
    text = (
        "منابع امنیتی در قندهار تأیید می‌کنند که گذرگاه مرزی و مرکز ولسوالی سپین‌بولدک"
        " صبح امروز به تصرف طالبان درآمده است."
    )
    ms = occurred(territory(extractor, text, date(2021, 7, 14)))
    assert ms and {m.place.place.id for m in ms if m.place} == {SPIN_BOLDAK_DISTRICT}


def test_dari_and_adjective_names_of_state_forces(extractor: Extractor) -> None:
    text = "نیروهای آذربایجانی روز پنجشنبه شهر زنگیلان را از کنترل نیروهای ارمنی خارج کردند."
    (m,) = occurred(territory(extractor, text, date(2020, 10, 22)))
    assert m.actor1 is not None and m.actor1.country == "AZE"
    assert m.place is not None and m.place.place.id == ZANGILAN
    dari = "قوای امنیتی و اردوی ملی شام امروز از شهر شبرغان عقب‌نشینی کردند و طالبان وارد شهر شدند."
    ms = occurred(territory(extractor, dari, date(2021, 8, 7)))
    assert ms and all(m.actor1 is not None and m.actor1.name == "Taliban" for m in ms)
    assert any(m.actor2 is not None and m.actor2.country == "AFG" for m in ms)


def test_a_common_word_is_a_town_only_where_the_text_says_so(extractor: Extractor) -> None:
    taken = "ارتش سودان مدنی را پس گرفت"
    (m,) = occurred(territory(extractor, taken, date(2025, 1, 11)))
    assert m.place is not None and m.place.place.id == WAD_MEDANI
    civil = "نیروهای امنیتی نهادهای مدنی را در کابل تصرف کردند."
    assert all(
        m.place is None or m.place.place.id != WAD_MEDANI
        for m in territory(extractor, civil, date(2021, 8, 20))
    )


def test_a_side_announcing_a_liberation_took_the_town(extractor: Extractor) -> None:
    for text in (
        "مسکو: مارینکا به طور کامل آزاد شد",
        "وزیر دفاع روسیه روز دوشنبه به پوتین گزارش داد که شهر مارینکا آزاد شده است.",
    ):
        (m,) = occurred(territory(extractor, text, date(2023, 12, 26)))
        assert m.actor1 is not None and m.actor1.country == "RUS", text


def test_who_tells_of_a_withdrawal_is_who_leaves(extractor: Extractor) -> None:
    text = "روسیه از خروج نیروهایش از ایزیوم خبر داد\nسربازان اوکراینی وارد ایزیوم شدند."
    ms = occurred(territory(extractor, text, date(2022, 9, 10)))
    assert ms and all(m.place is not None and m.place.place.id == IZIUM for m in ms)
    assert all(m.actor1 is not None and m.actor1.country == "UKR" for m in ms)


def test_conquered_around_and_seat(extractor: Extractor) -> None:
    (m,) = occurred(
        territory(extractor, "مجاهدین امارت اسلامی شهر گردیز را فتح کردند.", date(2021, 8, 14))
    )
    assert m.actor1 is not None and m.actor1.name == "Taliban"
    around = "چند روستای اطراف زنگیلان و جبرائیل به کنترل ارتش آذربایجان درآمد."
    assert occurred(territory(extractor, around, date(2020, 10, 25))) == []
    seat = "طالبان به فیض‌آباد حمله کردند.\nمقام ولایت بدخشان امروز سقوط کرد."
    ms = occurred(territory(extractor, seat, date(2021, 8, 11)))
    assert ms and {m.place.place.id for m in ms if m.place} == {FAYZABAD}


def test_this_country_weapons_and_the_province_of_a_town(extractor: Extractor) -> None:
    afrin = (
        "رجب طیب اردوغان، رئیس‌جمهور ترکیه، روز یکشنبه اعلام کرد که ارتش این کشور"
        " کنترل کامل شهر عفرین را در دست گرفته است."
    )
    (m,) = occurred(territory(extractor, afrin, date(2018, 3, 18)))
    assert m.actor1 is not None and m.actor1.country == "TUR"
    weapons = "قوای دولتی در سمنگان سلاح‌های خود را به طالبان تحویل داده‌اند."
    assert occurred(territory(extractor, weapons, date(2021, 8, 9))) == []
    singa = "ارتش سودان شهر سنجه، مرکز ایالت سنار، را از نیروهای واکنش سریع پس گرفت."
    (m,) = occurred(territory(extractor, singa, date(2024, 11, 23)))
    assert m.place is not None and m.place.place.id == SINGA
    mukalla = "نیروهای وفادار به منصور هادی وارد المکلا شدند و القاعده از شهر عقب‌نشینی کرد."
    ms = occurred(territory(extractor, mukalla, date(2016, 4, 24)))
    assert ms and all(m.actor1 is not None and m.actor1.country == "YEM" for m in ms)


def test_unnamed_takers_and_an_earlier_fall(extractor: Extractor) -> None:
    text = (
        "تکریت به دست تروریست‌ها افتاد\n"
        "گروه‌های تروریستی یک روز پس از تصرف موصل، شهر تکریت را نیز تصرف کردند.\n"
        "شماری از نیروهای ارتش عراق و پلیس شهر را ترک کرده بودند.\n"
        "گروه تروریستی داعش مسئولیت این حملات را بر عهده گرفته است."
    )
    ms = occurred(territory(extractor, text, date(2014, 6, 12)))
    assert ms and {m.place.place.id for m in ms if m.place} == {TIKRIT}
    assert all(m.actor1 is not None and m.actor1.name == "ISIS" for m in ms)


# -- the evaluation --------------------------------------------------------------------


LAST_SPLIT_BY_NUMBER = 66
FIRST_OF_BATCH_2 = 119
FIRST_OF_BATCH_3 = 150
FIRST_OF_BATCH_4 = 180
FIRST_OF_BATCH_5 = 210
FIRST_OF_BATCH_6 = 240
FIRST_OF_BATCH_7 = 270
FIRST_OF_BATCH_8 = 300
FIRST_OF_BATCH_9 = 324
FIRST_OF_BATCH_10 = 344


def test_fa_world_gold_is_well_formed() -> None:
    reports = world.load_reports(persian._package_file(persian.WORLD_REPORTS))
    changes = world.load_changes(persian._package_file(persian.WORLD_CHANGES))
    assert len(reports) >= 40
    ids = {r.id for r in reports}
    assert all(c.report in ids for c in changes)
    assert {r.split for r in reports} == {
        "dev",
        "test",
        "b2_dev",
        "b2_test",
        "b3_dev",
        "b3_test",
        "b4_dev",
        "b4_test",
        "b5_dev",
        "b5_test",
        "b6_dev",
        "b6_test",
        "b7_dev",
        "b7_test",
        "b8_dev",
        "b8_test",
        "b9_dev",
        "b9_test",
        "b10_dev",
        "b10_test",
    }
    # fa-01 .. fa-66: every third report is held out; the reports written after the
    # held-out split was first measured (fa-67 .. fa-118) all widen the dev split;
    # the second batch (fa-119 .. fa-149), the third (fa-150 .. fa-179), the
    # fourth (fa-180 .. fa-209), the fifth (fa-210 .. fa-239), the sixth
    # (fa-240 .. fa-269) and the seventh (fa-270 .. fa-299) each have their own
    # splits by the same n % 3 == 2 rule; the eighth (fa-300 .. fa-323, 24
    # reports), the ninth (fa-324 .. fa-343, 20 long reports) and the tenth
    # (fa-344 on, 16 long reports) are each halved by
    # n % 2 == 1
    numbers = {r.id: int(r.id.split("-")[1]) for r in reports}
    first = [r for r in reports if numbers[r.id] < FIRST_OF_BATCH_2]
    assert all(
        (r.split == "test") == (numbers[r.id] <= LAST_SPLIT_BY_NUMBER and numbers[r.id] % 3 == 2)
        for r in first
    )
    for batch, first_n, last_n in (
        ("b2", FIRST_OF_BATCH_2, FIRST_OF_BATCH_3 - 1),
        ("b3", FIRST_OF_BATCH_3, FIRST_OF_BATCH_4 - 1),
        ("b4", FIRST_OF_BATCH_4, FIRST_OF_BATCH_5 - 1),
        ("b5", FIRST_OF_BATCH_5, FIRST_OF_BATCH_6 - 1),
        ("b6", FIRST_OF_BATCH_6, FIRST_OF_BATCH_7 - 1),
        ("b7", FIRST_OF_BATCH_7, FIRST_OF_BATCH_8 - 1),
    ):
        assert all(
            r.split == (f"{batch}_test" if numbers[r.id] % 3 == 2 else f"{batch}_dev")
            for r in reports
            if first_n <= numbers[r.id] <= last_n
        )
    for batch, first_n, last_n in (
        ("b8", FIRST_OF_BATCH_8, FIRST_OF_BATCH_9 - 1),
        ("b9", FIRST_OF_BATCH_9, FIRST_OF_BATCH_10 - 1),
        ("b10", FIRST_OF_BATCH_10, 10**6),
    ):
        assert all(
            r.split == (f"{batch}_test" if numbers[r.id] % 2 == 1 else f"{batch}_dev")
            for r in reports
            if first_n <= numbers[r.id] <= last_n
        )
    kinds = {r.kind for r in reports}
    assert {"capture", "withdrawal", "ongoing", "denied", "anniversary", "offensive"} <= kinds


def test_held_out_figures_are_never_pinned() -> None:
    from sitrep.quality.evaluation.runner import HELD_OUT_INFIX

    assert HELD_OUT_INFIX in "fa_world_test_f1" and HELD_OUT_INFIX not in "fa_world_dev_f1"
    b2_test, b2_dev = persian.world_prefix("b2_test"), persian.world_prefix("b2_dev")
    assert (b2_test, b2_dev) == ("fa_b2_test", "fa_b2_dev")
    assert HELD_OUT_INFIX in f"{b2_test}_f1" and HELD_OUT_INFIX not in f"{b2_dev}_f1"
    assert persian.world_prefix("b3_test") == "fa_b3_test"
    assert persian.world_prefix("b4_test") == "fa_b4_test"
    assert persian.world_prefix("b5_test") == "fa_b5_test"
    assert persian.world_prefix("b6_test") == "fa_b6_test"
    assert persian.world_prefix("b7_test") == "fa_b7_test"
    assert persian.world_prefix("b8_test") == "fa_b8_test"
    assert persian.world_prefix("b9_test") == "fa_b9_test"
    assert persian.world_prefix("b10_test") == "fa_b10_test"


def test_two_word_light_verbs_and_came_under_control() -> None:
    for text in (
        "این شهر به کنترل کامل نیروهای ارتش این کشور در آمد",
        "آن را به طور کامل به کنترل خود در آورد",
        "دیروز مرکز فراه تحت کنترل طالبان قرار گرفت.",
        "پلخمری بدون درگیری به طالبان واگذار شده است",
    ):
        found = [t.trigger.family.name for t in find_triggers(fold(text).text)]
        assert {"TAKE", "HANDOVER"} & set(found), text


def test_out_of_the_holders_hands(extractor: Extractor) -> None:
    published = date(2016, 12, 5)
    (t,) = occurred(
        territory(
            extractor,
            "ارتش سوریه شهر التل در حومه دمشق را به طور کامل از تسلط گروه‌های تروریستی خارج کرد.",
            published,
        )
    )
    assert t.actor1 is not None and t.actor1.name == "Military Forces of Syria"  # the taker
    (a,) = occurred(territory(extractor, "فرودگاه و بندر عدن از دست انصارالله خارج شد.", published))
    assert a.actor2 is not None and a.actor2.name.startswith("Houthi")  # the loser


def test_a_state_announcing_its_own_gain(extractor: Extractor) -> None:
    text = (
        "وزارت دفاع روسیه شامگاه جمعه اعلام کرد که با تسلیم آخرین گروه از نیروهای اوکراینی"
        " در کارخانه آزوفستال، شهر ماریوپل به طور کامل آزاد شده است."
    )
    ms = occurred(territory(extractor, text, date(2022, 5, 21)))
    assert ms and all(m.actor1 is not None and m.actor1.country == "RUS" for m in ms)


def test_entry_into_some_districts_is_no_capture(extractor: Extractor) -> None:
    text = "جنگجویان هیئت تحریر الشام روز جمعه وارد محله‌های غربی حلب شدند."
    assert occurred(territory(extractor, text, date(2024, 11, 29))) == []


def test_quantified_districts_are_no_takeover(extractor: Extractor) -> None:
    text = "طالبان در دو ماه گذشته دهها ولسوالی را در افغانستان تصرف کرده‌اند."
    assert occurred(territory(extractor, text, date(2021, 6, 22))) == []


def test_day_first_numeric_jalali_date() -> None:
    (d,) = find_dates("انتشار: ۰۹:۱۰ - ۱۸-۰۵-۱۴۰۰", date(2021, 8, 9))
    assert d.ref.value == date(2021, 8, 9)


def test_what_came_earlier_is_background(extractor: Extractor) -> None:
    text = "طالبان پیش‌تر شهر قندوز را تصرف کردند."
    assert occurred(territory(extractor, text, date(2021, 8, 9))) == []


# -- second batch (fa-119 on): general rules its dev split showed ---------------------

ISLAM_QALA = 1142404
TULAK_DISTRICT, ANDARAB_DISTRICT, KHARTOUM, LYSYCHANSK, KUPIANSK = (
    7053013,
    7052857,
    379252,
    702972,
    703656,
)


def test_consonant_skeletons_of_dari_and_latin_names() -> None:
    from sitrep.read.fa.places import latin_skeleton, persian_skeleton

    for latin, persian_name in (
        ("Tūlak", "تولک"),
        ("Mūsá Qal‘ah", "موسی قلعه"),
        ("Nirkh", "نرخ"),
        ("Spīn Bōldak District", "سپین بولدک"),
    ):
        assert latin_skeleton(latin) == persian_skeleton(persian_name), latin


def test_a_district_the_gazetteer_lacks_in_persian(extractor: Extractor) -> None:
    # "تولک" is only "Tūlak" in the gazetteer; after "ولسوالی" its consonants find it,
    # and the province after it ("ولایت غور") qualifies it, not the place taken
    text = "مرکز ولسوالی تولک ولایت غور پس از سه ساعت درگیری به تصرف طالبان درآمد."
    assert places_taken(extractor, text, date(2021, 6, 12)) == [TULAK_DISTRICT]
    # a town after "بندر مرزی" in a Dari sentence: Eslam Qaleh, not its district
    town = "طالبان کنترول بندر مرزی اسلام قلعه در ولسوالی کهسان را به دست گرفتند."
    assert places_taken(extractor, town, date(2021, 7, 8)) == [ISLAM_QALA]


def test_a_district_over_its_namesake_abroad_in_the_whole_report(extractor: Extractor) -> None:
    # Iran has a village Andarab; "ولسوالی اندراب" is the Afghan district, and so is
    # the headline's bare "اندراب"
    text = (
        "نیروهای خیزش مردمی اندراب را از طالبان پس گرفتند\n"
        "منابع محلی می‌گویند که نیروهای خیزش مردمی امروز جمعه مرکز ولسوالی اندراب را "
        "از کنترول طالبان بیرون کردند."
    )
    ms = occurred(territory(extractor, text, date(2021, 8, 20)))
    assert ms and {m.place.place.id for m in ms if m.place} == {ANDARAB_DISTRICT}
    # "از کنترول طالبان" (Dari spelling): the Taliban lose it, they do not take it
    assert all(m.actor1 is None or m.actor1.name != "Taliban" for m in ms)


def test_manner_of_a_recalled_entry_is_background(extractor: Extractor) -> None:
    text = "طالبان یک هفته پیش بدون جنگ وارد اندراب شده بودند."
    assert occurred(territory(extractor, text, date(2021, 8, 20))) == []


def test_quotation_marks_around_the_predicate() -> None:
    found = [
        t.trigger.family.name
        for t in find_triggers(fold("نیروهای روس شهر کوپیانسک را «آزاد» کرده‌اند").text)
    ]
    assert "TAKE" in found


def test_a_bare_denial_after_a_claim(extractor: Extractor) -> None:
    text = (
        "مسکو مدعی تصرف کوپیانسک شد؛ کی‌یف تکذیب کرد\n"
        "رئیس ستاد کل ارتش روسیه گفت نیروهای روس شهر کوپیانسک را «آزاد» کرده‌اند.\n"
        "اما ستاد کل ارتش اوکراین ساعاتی بعد این ادعا را تکذیب کرد."
    )
    ms = territory(extractor, text, date(2025, 11, 20))
    assert any(m.place and m.place.place.id == KUPIANSK for m in ms)
    assert occurred(ms) == [] and not [m for m in ms if m.status is Status.CLAIMED]


def test_persian_country_names_are_the_countries() -> None:
    from sitrep.core.config import default_config
    from sitrep.read.fa.places import find_places
    from sitrep.resolve.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(default_config())
    for name, iso3 in (("سودان", "SDN"), ("ارمنستان", "ARM")):
        (p,) = find_places(gazetteer, fold(name), name, base=0)
        assert p.match.place.country == iso3 and p.kind.name == "COUNTRY", name


def test_the_capital_retaken_with_the_countrys_name_in_the_report(extractor: Extractor) -> None:
    # "سودان" was a town in Texas, which left Khartoum a stray of its country
    text = (
        "عنوان\n"
        "فرمانده ارتش سودان روز چهارشنبه در فرودگاه بین‌المللی خارطوم اعلام کرد که "
        "پایتخت از نیروهای واکنش سریع پس گرفته شده است.\n"
        "خارطوم از آوریل ۲۰۲۳ صحنه جنگ میان دو طرف بوده است."
    )
    assert places_taken(extractor, text, date(2025, 3, 26)) == [KHARTOUM]


def test_no_country_for_a_takeover_that_names_no_place(extractor: Extractor) -> None:
    # "آخرین شهر عراق": the country of an unnamed town; "ساختمان ولسوالی": no place
    # named, in a report about a named district (a report naming no place at all
    # keeps its country: tests/test_persian_hint.py)
    for text in (
        "آخرین شهر عراق از اشغال داعش آزاد شد.",
        "مرکز ولسوالی تولک سقوط کرد.\nساختمان ولسوالی و فرماندهی پولیس به دست طالبان افتاده است.",
    ):
        ms = occurred(territory(extractor, text, date(2021, 6, 12)))
        assert all(m.place is None or m.place.place.kind.name != "COUNTRY" for m in ms), text


def test_this_town_as_the_object_over_a_name_in_passing(extractor: Extractor) -> None:
    # "ولادیمیر" (Putin's first name) is also a Russian town; "جدایی‌طلبان لوهانسک" is an
    # actor, not Luhansk taken; "این شهر را" is the town told before
    text = (
        "عنوان\n"
        "ستاد کل ارتش اوکراین تأیید کرد که نیروهای این کشور از شهر لیسیچانسک عقب‌نشینی کرده‌اند.\n"
        "وزیر دفاع روسیه به ولادیمیر پوتین گزارش داد که نیروهای روس و جدایی‌طلبان لوهانسک "
        "کنترل کامل این شهر را به دست گرفته‌اند."
    )
    taken = places_taken(extractor, text, date(2022, 7, 3))
    assert taken and set(taken) == {LYSYCHANSK}


# -- third batch: rules its dev split led to ---------------------------------------------

ZINJIBAR, MYRNOHRAD, KAKHOVKA, HIT = 69426, 710035, 707244, 95788
HAWIJA, TAL_ABYAD, MOSUL, DIGORA = 390188, 163750, 99072, 566243
FIROZKOH, FIRUZKUH_IRAN = 1145904, 134462


def takers(extractor: Extractor, text: str, published: date) -> list[tuple[int, str | None]]:
    """(place id, actor 1) of a text's occurred takeovers."""
    return [
        (m.place.place.id, m.actor1.name if m.actor1 else None)
        for m in occurred(territory(extractor, text, published))
        if m.place
    ]


def test_a_namesake_in_the_reports_country_wins(extractor: Extractor) -> None:
    # "زنجبار" is also Zanzibar (the bigger town): in a report on Abyan and Yemen it
    # is the Yemeni town
    text = (
        "ارتش یمن زنجبار را پس گرفت\n"
        "نیروهای دولت یمن روز دوشنبه شهر زنجبار را از القاعده پس گرفتند.\n"
        "زنجبار مرکز استان ابین در جنوب یمن است."
    )
    taken = places_taken(extractor, text, date(2016, 8, 15))
    assert taken and set(taken) == {ZINJIBAR}
    # the country of the forces named is the report's too
    assert places_taken(extractor, "ارتش یمن زنجبار را پس گرفت.", date(2016, 8, 15)) == [ZINJIBAR]


def test_words_that_are_villages_abroad_make_no_home_country(extractor: Extractor) -> None:
    # "فیروزکوه" is a town of Iran (the bigger) and of Ghor, Afghanistan. In a report on
    # Afghanistan, "دولتی" (state, adj.) and "صحنه" (scene), also Iranian villages, make
    # no report on Iran: they are dropped as lone words, so they count for no country
    text = (
        "طالبان سه شهر دیگر را گرفتند\n"
        "شهرهای قلات، ترینکوت و فیروزکوه روز جمعه بدون جنگ به طالبان واگذار شد و "
        "نیروهای دولتی از این شهرها بیرون رفتند.\n"
        "این شهرها پیش‌تر صحنه جنگ میان نیروهای دولتی و طالبان بود."
    )
    taken = places_taken(extractor, text, date(2021, 8, 14))
    assert FIROZKOH in taken and all(p != FIRUZKUH_IRAN for p in taken)


def test_a_withdrawals_gainer_is_the_side_of_the_changes_other_tellings(
    extractor: Extractor,
) -> None:
    # the headline's "UAE-backed forces" is no known actor, and the sides named around
    # it fought each other; the withdrawal's gainer (the side the report names that is
    # not the army's) is the taker of the headline's telling of the same change too
    text = (
        "نیروهای وابسته به امارات کنترل زنجبار را در دست گرفتند\n"
        "به گفته منابع محلی، «تیپ‌های العمالقه» پس از دو روز نبرد با یگان‌های ارتش و "
        "نیروهای ویژه وابسته به حزب الاصلاح، روز دوشنبه وارد ساختمان استانداری شدند و "
        "یگان‌های مخالف آنان از زنجبار عقب‌نشینی کردند.\n"
        "استاندار ابین از ساکنان خواست به خانه‌هایشان بازگردند.\n"
        "منابع پزشکی از کشته شدن دست‌کم ۲۰ نفر خبر دادند.\n"
        "مدارس و بازار شهر همچنان بسته است.\n"
        "شورای انتقالی جنوب از سال ۲۰۱۹ در عدن مستقر است."
    )
    found = takers(extractor, text, date(2022, 8, 22))
    assert len(found) == 2 and {side for _, side in found} == {"STC: Southern Transitional Council"}


def test_a_town_known_in_latin_letters_only(extractor: Extractor) -> None:
    # the gazetteer has Myrnohrad in Latin letters only: its consonants, among the
    # towns of the countries the report names; an adjective after "شهر" is no town
    text = "نیروهای روس شهر میرنوهراد در استان دونتسک را تصرف کردند.\nاین شهر در اوکراین است."
    assert places_taken(extractor, text, date(2025, 11, 1)) == [MYRNOHRAD]
    small = "نیروهای روس شهر کوچک را در اوکراین تصرف کردند."
    assert all(p != KAKHOVKA for p in places_taken(extractor, small, date(2025, 11, 1)))
    # "شهر دیگری" (another town) has the consonants of Digora, in Russia
    other = "نیروهای روس شهر دیگری را در اوکراین و روسیه تصرف کردند."
    assert DIGORA not in places_taken(extractor, other, date(2025, 11, 1))


def test_the_side_a_takeover_is_from_and_its_bracketed_name(extractor: Extractor) -> None:
    # "از گروه موسوم به دولت اسلامی (داعش)": the loser, the bracket too; "با نیروهای
    # طرفدار دولت" after a fight: the other side, not the taker
    for text, who in (
        (
            "ارتش عراق اعلام کرد که شهر هیت را از گروه موسوم به دولت اسلامی (داعش) پس گرفته است.",
            "Military Forces of Iraq",
        ),
        (
            "شبه‌نظامیان القاعده پس از درگیری با نیروهای طرفدار دولت یمن شهر زنجبار را تصرف کردند.",
            "Al Qaeda",
        ),
    ):
        found = takers(extractor, text, date(2016, 4, 14))
        assert found and all(actor == who for _, actor in found), (text, found)


def test_army_and_popular_committees_are_ansar_allahs_forces(extractor: Extractor) -> None:
    text = "نیروهای ارتش و کمیته‌های مردمی یمن شهر صعده را آزاد کردند."
    found = takers(extractor, text, date(2021, 3, 1))
    assert found and all(actor == "Houthi Movement (Ansar Allah)" for _, actor in found)


def test_the_holder_closing_a_long_stronghold_name_loses_it(extractor: Extractor) -> None:
    text = "نیروهای واکنش سریع مقر تیپ ۱۶ پیاده ارتش در شهر نیالا را تصرف کردند."
    found = takers(extractor, text, date(2023, 10, 26))
    assert found and all(actor == "Rapid Support Forces" for _, actor in found)


def test_forces_of_this_country_after_a_named_state(extractor: Extractor) -> None:
    text = "وزارت دفاع اوکراین اعلام کرد که نیروهای این کشور شهر ایزیوم را آزاد کرده‌اند."
    found = takers(extractor, text, date(2022, 9, 11))
    assert found == [(IZIUM, "Military Forces of Ukraine")]


def test_a_month_and_year_after_a_preposition_are_one_date() -> None:
    # "از مرداد ۱۴۰۳" is August 2024 (since), not a month and a separate year
    found = find_dates("شهر از مرداد ۱۴۰۳ در دست آنها بود", date(2025, 3, 13))
    assert [(d.ref.value, d.ref.precision, d.relation) for d in found] == [
        (date(2024, 8, 1), Precision.MONTH, "since")
    ]


def test_a_since_in_a_relative_clause_dates_the_clause(extractor: Extractor) -> None:
    # "، که از سال ۲۰۱۴ در اشغال داعش بود،": the state of the town before the news,
    # not the date of its retaking
    text = "نیروهای عراقی شهر حویجه را، که از سال ۲۰۱۴ در اشغال داعش بود، آزاد کردند."
    assert places_taken(extractor, text, date(2017, 10, 5)) == [HAWIJA]


def test_control_taken_with_the_light_verb_alone(extractor: Extractor) -> None:
    # "کنترل ... را ... گرفت", "X را از Y گرفتند", "از تسلط بر X خبر داد"
    for text in (
        "نیروهای دموکراتیک سوریه کنترل شهر تل ابیض در شمال سوریه را از داعش گرفتند.",
        "ارتش ترکیه و گروه‌های همسو تل ابیض را از نیروهای کرد گرفتند.",
        "ترکیه از تسلط بر شهر تل ابیض در شمال سوریه خبر داد.",
    ):
        assert places_taken(extractor, text, date(2019, 10, 13)) == [TAL_ABYAD], text
    # a bare "گرفتند" whose object is no town takes none
    text = "نیروهای کرد در تل ابیض اجازه عبور را از ارتش سوریه گرفتند."
    assert places_taken(extractor, text, date(2019, 10, 13)) == []


def test_the_second_of_two_nationalities_is_forces_too(extractor: Extractor) -> None:
    # a withdrawal leaves the town to the other side, named as "نیروهای سوری و روس"
    text = (
        "نیروهای کرد از شهر منبج عقب‌نشینی کردند.\n"
        "یک فرمانده محلی گفت نیروهای سوری و روس در حومه شهر مستقر شده‌اند."
    )
    ms = occurred(territory(extractor, text, date(2019, 10, 15)))
    assert ms and all(m.actor1 is not None for m in ms)
    assert {m.actor1.name for m in ms if m.actor1} <= {
        "Military Forces of Syria",
        "Military Forces of Russia",
    }


def test_a_crossing_or_an_airport_taken_is_not_the_town(extractor: Extractor) -> None:
    for text in (
        "نیروهای ترکیه گذرگاه جرابلس را تصرف کردند.",
        "ارتش کنترل فرودگاه موصل در جنوب شهر را به دست گرفت.",
    ):
        assert places_taken(extractor, text, date(2017, 2, 23)) == [], text
    # the town and its airport together: the town
    for text in (
        "ارتش عراق کنترل شهر و فرودگاه موصل را به دست گرفت.",
        "ارتش عراق کنترل فرودگاه و شهر موصل را به دست گرفت.",
    ):
        assert places_taken(extractor, text, date(2017, 2, 23)) == [MOSUL], text


def test_an_attack_beaten_back_is_no_town_retaken(extractor: Extractor) -> None:
    # the side driven out had only attacked and entered part of the town
    text = (
        "داعش به کرکوک حمله کرد\n"
        "شبه‌نظامیان داعش بامداد امروز به شهر کرکوک حمله کردند و وارد چند محله شهر شدند.\n"
        "نیروهای امنیتی عراق پس از ساعت‌ها درگیری داعش را از شهر بیرون راندند."
    )
    assert places_taken(extractor, text, date(2016, 10, 21)) == []
    # after a takeover the report tells, driving them out retakes the town
    text = "داعش شهر هیت را تصرف کرد.\nدو روز بعد نیروهای عراقی داعش را از شهر هیت بیرون راندند."
    assert HIT in places_taken(extractor, text, date(2016, 4, 14))


# -- rules from the fourth batch's dev split (sentences of our own) ---------------------

NAD_ALI_DISTRICT, GARMSER_DISTRICT, SUDZHA, TALL_ABYAD, KUTUM = (
    7053029,
    7732352,
    486816,
    163750,
    371745,
)


def test_each_district_of_a_plural_list(extractor: Extractor) -> None:
    text = "طالبان روز جمعه ولسوالی‌های نادعلی و گرمسیر ولایت هلمند را تصرف کردند."
    assert sorted(places_taken(extractor, text, date(2016, 8, 12))) == sorted(
        [NAD_ALI_DISTRICT, GARMSER_DISTRICT]
    )


def test_another_name_in_brackets_and_a_locator_before_the_object(extractor: Extractor) -> None:
    # "(سوجا)" opens another name of the town; "در غرب کورسک" only locates it
    text = "نیروهای روسیه شهر سودژا (سوجا) در غرب کورسک را پس گرفتند."
    assert places_taken(extractor, text, date(2025, 3, 13)) == [SUDZHA]
    # the object of "را ... گرفت" may be followed by its other name and a locator
    text = "ارتش ملی سوریه شهر تل ابیض (گری سپی) در شمال رقه را از نیروهای کرد گرفت."
    assert places_taken(extractor, text, date(2019, 10, 13)) == [TALL_ABYAD]


def test_a_province_that_locates_a_town_is_not_taken(extractor: Extractor) -> None:
    # a town the gazetteer does not know: no province taken in its place
    text = "ارتش سودان شهر فلانستان در ایالت دارفور شمالی را پس گرفت."
    assert places_taken(extractor, text, date(2024, 5, 2)) == []
    # after "استان" the name is the province, even where a namesake city is read
    text = "نیروهای روسیه شهر ایزیوم در استان خارکیف را از ارتش اوکراین گرفتند."
    assert places_taken(extractor, text, date(2022, 4, 1)) == [IZIUM]


def test_a_short_town_name_among_its_provinces_towns(extractor: Extractor) -> None:
    # "دارفور شمالی" is North Darfur; "کتم" (Kutum; also a town abroad) is the one
    # town of that province with its consonants
    text = "ارتش سودان شهر کتم در دارفور شمالی را پس گرفت."
    assert places_taken(extractor, text, date(2024, 5, 2)) == [KUTUM]


def test_an_adjective_between_town_noun_and_name(extractor: Extractor) -> None:
    text = "نیروهای دولت یمن کنترل شهر ساحلی المخا در غرب استان تعز را به دست گرفتند."
    assert places_taken(extractor, text, date(2017, 2, 10)) == [78751]  # Mocha, not Taizz


def test_an_incursion_is_no_takeover(extractor: Extractor) -> None:
    for text in (
        "نیروهای اوکراینی بامداد سه‌شنبه از مرز گذشتند و وارد خاک روسیه در منطقه بلگورود شدند.",
        "ارتش سودان روز شنبه وارد دارفور جنوبی شد.",
    ):
        assert places_taken(extractor, text, date(2024, 8, 6)) == [], text
    # an entry into a named town still is one
    assert places_taken(extractor, "طالبان وارد شهر غزنی شدند.", date(2021, 8, 12))


# -- fifth batch (fa-210 on): rules its dev split and fa_b4_dev led to -------------------


def mentions_of(extractor: Extractor, text: str, published: date) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=published)
    return list(extractor.read(article).mentions)


def test_the_war_as_a_span_of_time_is_no_clash(extractor: Extractor) -> None:
    for text in (
        "شهر تورتسک پیش از جنگ حدود ۳۰ هزار نفر جمعیت داشت.",
        "جمعیت ماریوپل از آغاز جنگ نصف شده است.",
    ):
        assert not any(m.trigger == "جنگ" for m in mentions_of(extractor, text, date(2025, 2, 11)))
    # the war itself, somewhere, is still a clash
    (m,) = mentions_of(extractor, "جنگ در باخموت ادامه دارد.", date(2023, 3, 1))
    assert m.trigger == "جنگ" and m.place is not None


KURSK_CITY, KHARKIV_CITY, KHARKIV_OBLAST = 538560, 706483, 706482


def test_a_province_noun_names_the_province_not_its_namesake_city(extractor: Extractor) -> None:
    # the gazetteer has no Kursk oblast: no place rather than the city of Kursk
    text = "صدها سرباز اوکراینی به منطقه سودژا در استان کورسک حمله کرده‌اند."
    ms = mentions_of(extractor, text, date(2024, 8, 7))
    assert all(m.place is None or m.place.place.id != KURSK_CITY for m in ms)
    # Kharkiv oblast, not the city (a Persian spelling the reader maps to the city)
    text = "نیروهای روسیه روستاهای شمال استان خارکیف را گلوله‌باران کردند."
    ms = mentions_of(extractor, text, date(2024, 5, 12))
    assert ms and all(m.place is not None and m.place.place.id == KHARKIV_OBLAST for m in ms)
    # the city itself stays the city
    assert places_taken(extractor, "نیروهای روسیه شهر خارکیف را تصرف کردند.", date(2022, 3, 1)) == [
        KHARKIV_CITY
    ]


BERDYANSK, KUPIANSK = 712451, 703656


def test_a_mayors_town_is_a_town(extractor: Extractor) -> None:
    # "شهردار X": X is a town, found by its consonants like a town after "شهر", and
    # the province after it only locates it
    text = (
        "شهردار بردیانسک: نیروهای روسیه کنترل شهر را در دست گرفتند\n"
        "نیروهای اوکراینی پیش از ورود روس‌ها شهر را ترک کرده بودند."
    )
    assert BERDYANSK in places_taken(extractor, text, date(2022, 2, 28))
    text = (
        "شهردار کوپیانسک در استان خارکیف روز یکشنبه پذیرفت که کنترل شهر به نیروهای روسیه "
        "واگذار شود."
    )
    assert places_taken(extractor, text, date(2022, 2, 28)) == [KUPIANSK]


def test_a_sea_named_after_a_town_is_no_town_nor_actor(extractor: Extractor) -> None:
    text = (
        "شهردار بردیانسک: نیروهای روسیه وارد شهر شدند\n"
        "شهردار بردیانسک، بندری در ساحل دریای آزوف، می‌گوید نیروهای روسیه وارد این شهر "
        "شدند و کنترل آن را در دست گرفتند.\nنیروهای اوکراینی پیش‌تر شهر را ترک کرده بودند."
    )
    taken = {
        (m.place.place.id if m.place else None, m.actor1.name if m.actor1 else None)
        for m in occurred(territory(extractor, text, date(2022, 2, 28)))
    }
    # not the town of Azov in Russia, nor the Azov brigade
    assert taken == {(BERDYANSK, "Military Forces of Russia")}


SARAQIB = 164816


def test_places_joined_by_a_dash_are_a_route(extractor: Extractor) -> None:
    text = (
        "تروریست‌ها شهر سراقب را اشغال کردند\n"
        "ارتش سوریه از این شهر که بر تقاطع بزرگراه‌های حلب-دمشق و حلب-لاذقیه قرار دارد، "
        "عقب‌نشینی کرد."
    )
    assert set(places_taken(extractor, text, date(2024, 11, 30))) == {SARAQIB}


ARDAMATA = 13132452


def test_what_a_town_is_near_is_a_reference_point(extractor: Extractor) -> None:
    text = (
        "نیروهای پشتیبانی سریع می‌گویند روز شنبه مقر لشکر پانزدهم پیاده ارتش در شهر اردمته، "
        "نزدیک الجنینه در ایالت دارفور غربی، را تصرف کرده‌اند."
    )
    (m,) = occurred(territory(extractor, text, date(2023, 11, 5)))
    assert m.place is not None and m.place.place.id == ARDAMATA
    assert m.actor1 is not None and m.actor1.name == "Rapid Support Forces"
    text = (
        "تروریست‌ها روز شنبه پس از حمله به حومه جنوبی ادلب، شهر راهبردی سراقب را به اشغال "
        "خود درآوردند."
    )
    assert places_taken(extractor, text, date(2024, 11, 30)) == [SARAQIB]
    # what is near is often a list: no town of it is taken
    text = "چند روستای اطراف زنگیلان، قبادلی و جبرائیل به کنترل ارتش آذربایجان درآمده است."
    assert places_taken(extractor, text, date(2020, 10, 25)) == []


def test_a_garrison_named_after_a_town_is_not_the_town(extractor: Extractor) -> None:
    text = "نیروهای پشتیبانی سریع پادگان اردمته در دارفور را تصرف کردند"
    assert places_taken(extractor, text, date(2023, 11, 5)) == []


def test_an_entry_the_report_tells_as_under_way_is_no_takeover(extractor: Extractor) -> None:
    headline = "طالبان از چند سو وارد شهر قندوز شدند\n"
    for body in (
        "جنگجویان طالبان بامداد امروز به شهر قندوز حمله کردند و وارد برخی ناحیه‌های شهر شدند.",
        "نیروهای امنیتی با مهاجمان درگیر اند.\nدرگیری‌ها تا لحظه نشر این گزارش ادامه دارد.",
    ):
        assert places_taken(extractor, headline + body, date(2016, 10, 3)) == [], body
    # a clearing that goes on after the town is entered is no fighting for it
    body = "نیروهای امنیتی شهر را ترک کردند و پاکسازی شهر ادامه دارد."
    assert KUNDUZ in places_taken(extractor, headline + body, date(2021, 8, 8))


def test_towns_taken_as_the_object_of_ra(extractor: Extractor) -> None:
    # the light verb right after "را", a list of towns and a locator as its object
    text = "نیروهای ارتش سوریه روز جمعه شهرهای مورک و کفرزیتا در شمال حماه را گرفتند."
    ms = occurred(territory(extractor, text, date(2019, 8, 23)))
    assert len({m.place.place.id for m in ms if m.place}) == 2
    assert all(m.actor1 is not None and m.actor1.name == "Military Forces of Syria" for m in ms)
    # "را گرفتند" with no place as its object takes nothing
    assert (
        territory(extractor, "فرمانده ارتش سوریه گفت این تصمیم را گرفته‌اند.", date(2019, 8, 23))
        == []
    )


def test_coordinated_towns_leaving_a_side_do_not_make_it_the_taker(extractor: Extractor) -> None:
    text = "شهرهای سراقب و معره النعمان از کنترل ارتش سوریه خارج شد"
    ms = occurred(territory(extractor, text, date(2019, 8, 23)))
    assert len(ms) == 2
    assert all(m.actor1 is None or m.actor1.name != "Military Forces of Syria" for m in ms)
    assert all(m.actor2 is not None and m.actor2.name == "Military Forces of Syria" for m in ms)


def test_an_occupation_for_a_span_before_a_withdrawal_is_background(extractor: Extractor) -> None:
    text = "نیروهای روسیه روز شنبه پس از پنج ماه اشغال از شهر ایزیوم عقب‌نشینی کردند."
    ms = occurred(territory(extractor, text, date(2022, 9, 11)))
    assert ms and all(m.place is not None and m.place.place.id == IZIUM for m in ms)
    # the occupation is not a Russian takeover of the day; the withdrawal is Russia's loss
    assert all(m.actor1 is None or m.actor1.name != "Military Forces of Russia" for m in ms)


def test_an_entry_with_fighting_that_runs_on_is_no_takeover(extractor: Extractor) -> None:
    text = (
        "نیروهای عراقی روز دوشنبه وارد شهر تلعفر شدند.\n"
        "به گفته منابع محلی نبرد سنگینی در مرکز شهر جریان دارد."
    )
    assert places_taken(extractor, text, date(2017, 8, 21)) == []


def test_an_advance_under_way_takes_nothing(extractor: Extractor) -> None:
    text = "ارتش سودان ماه گذشته خارطوم را پس گرفته بود و در کردفان در حال پیشروی بود."
    assert places_taken(extractor, text, date(2025, 5, 2)) == []
    text = "ارتش سودان در کردفان در حال پیشروی است و به شهر الابیض نزدیک می‌شود."
    assert places_taken(extractor, text, date(2025, 5, 2)) == []


def test_a_recalled_takeover_told_again_undated_stays_background(extractor: Extractor) -> None:
    text = (
        "بازگشت آوارگان به قندوز\n"
        "خانواده‌هایی که پس از سقوط شهر قندوز به دست طالبان در تابستان گذشته گریخته"
        " بودند، به خانه برمی‌گردند.\n"
        "طالبان قندوز را پس از سه روز جنگ تصرف کردند و بازار شهر آسیب دید.\n"
        "مسئولان محلی می‌گویند مکاتب دوباره باز شده است."
    )
    assert places_taken(extractor, text, date(2022, 6, 1)) == []
    # a takeover the report dates itself is news of its own
    text = (
        "طالبان دوباره وارد قندوز شدند\n"
        "طالبان که پس از سقوط قندوز در سال ۲۰۱۵ از شهر رانده شده بودند، کمی بعد عقب نشستند.\n"
        "طالبان امروز قندوز را تصرف کردند."
    )
    assert KUNDUZ in places_taken(extractor, text, date(2016, 10, 3))


# -- seventh batch (fa-270 on): rules its dev split led to -------------------------

RUBIZHNE, OCHERETYNE, AD_DALI, HADISHAHR, SAUDI_ARABIA = 695274, 698759, 80384, 35017, 102358
KHULM_DISTRICT, NAHRIN_DISTRICT, SHINDAND = 7053799, 7052908, 1125155


def test_a_province_named_puts_its_country_among_the_reports(extractor: Extractor) -> None:
    # only Russia is named, but Donetsk province is Ukraine's: the Ukrainian town
    # of those consonants, not a Russian village
    text = (
        "وزارت دفاع روسیه گفت نیروهایش شهرک اوچرتینو را تصرف کرده‌اند.\n"
        "مقام‌های محلی در استان دونتسک درباره این خبر چیزی نگفته‌اند."
    )
    assert places_taken(extractor, text, date(2024, 5, 5)) == [OCHERETYNE]


def test_a_span_elapsed_since_a_fall_remembers_it(extractor: Extractor) -> None:
    for text in (
        "دو سال از سقوط قندوز به دست طالبان گذشت",
        "سه سال از آزادسازی موصل می‌گذرد و شهر هنوز ویران است.",
    ):
        assert places_taken(extractor, text, date(2019, 9, 1)) == [], text


def test_forces_leaving_a_town_leave_it_to_the_other_side(extractor: Extractor) -> None:
    text = "نیروهای اوکراینی شهر روبیژنه را ترک کردند."
    assert places_taken(extractor, text, date(2022, 5, 13)) == [RUBIZHNE]
    # "were forced to leave": they left
    text = "فرماندار لوهانسک گفت نیروهای اوکراینی مجبور شده‌اند شهر روبیژنه را ترک کنند."
    assert places_taken(extractor, text, date(2022, 5, 13)) == [RUBIZHNE]
    # residents leaving a town hand it to no one
    text = "بسیاری از ساکنان شهر روبیژنه را ترک کرده‌اند."
    assert places_taken(extractor, text, date(2022, 5, 13)) == []


def test_an_arab_town_written_without_its_article(extractor: Extractor) -> None:
    text = "نیروهای دولت یمن روز دوشنبه شهر ضالع را از حوثی‌ها پس گرفتند."
    assert places_taken(extractor, text, date(2015, 5, 26)) == [AD_DALI]


def test_a_name_ending_in_shahr_before_a_town_name_is_the_town_noun(
    extractor: Extractor,
) -> None:
    # "هادی شهر" is Iran's Hadishahr as one name, but here "شهر" heads "ضالع"
    text = "نیروهای هوادار هادی شهر ضالع را از حوثی‌ها پس گرفتند"
    taken = places_taken(extractor, text, date(2015, 5, 26))
    assert HADISHAHR not in taken and AD_DALI in taken
    # and Hadi's supporters are the Yemeni government's forces
    (m,) = occurred(territory(extractor, text, date(2015, 5, 26)))
    assert m.actor1 is not None and m.actor1.name == "Military Forces of Yemen"


def test_the_leader_of_a_coalition_is_no_place(extractor: Extractor) -> None:
    text = "حوثی‌ها پس از حملات هوایی ائتلاف به رهبری عربستان از مواضع خود عقب‌نشینی کردند."
    assert SAUDI_ARABIA not in places_taken(extractor, text, date(2015, 5, 26))


def test_an_iranian_agencys_shahrestan_is_the_afghan_district(extractor: Extractor) -> None:
    text = "شهرستان خلم از توابع ولایت بلخ روز پنجشنبه به تصرف طالبان درآمد."
    assert places_taken(extractor, text, date(2021, 8, 12)) == [KHULM_DISTRICT]
    # a town named right after a district is its province, a locator
    text = "سقوط شهرستان نهرین بغلان به دست طالبان"
    assert places_taken(extractor, text, date(2021, 7, 2)) == [NAHRIN_DISTRICT]


def test_parts_outskirts_and_a_withdrawals_destination_are_not_taken(
    extractor: Extractor,
) -> None:
    text = "طالبان در هفته‌های اخیر کنترل بیشتر شهرستان‌های هرات را در دست گرفته‌اند."
    assert HERAT_AFG not in places_taken(extractor, text, date(2021, 7, 30))
    text = "طالبان در حاشیه شهر هرات چند پاسگاه امنیتی را تصرف کردند."
    assert HERAT_AFG not in places_taken(extractor, text, date(2021, 7, 30))
    text = "ارتش افغانستان به پایگاه هوایی شیندند عقب‌نشینی کرد."
    taken = places_taken(extractor, text, date(2021, 7, 30))
    assert SHINDAND not in taken and 7053049 not in taken


# -- eighth batch (fa-300 on): rules its dev split led to --------------------------------

MAKARIV, KYIV, YABROUD, HARASTA, MYAWADDY = 702337, 703448, 162627, 169897, 1308052


def test_a_slavic_v_written_as_f_at_a_towns_end(extractor: Extractor) -> None:
    # Persian writes the "-iv" of Ukrainian towns "یف" (کی‌یف, خارکیف): "ماکاریف"
    # is Makariv; the town it lies west of is a locator
    text = "نیروهای اوکراین کنترل شهرک ماکاریف در غرب کی‌یف را از نیروهای روسیه پس گرفتند."
    assert places_taken(extractor, text, date(2022, 3, 22)) == [MAKARIV]


def test_a_town_taken_out_of_control_in_the_pluperfect_is_background(
    extractor: Extractor,
) -> None:
    # "X را از کنترل Y خارج کرده بود": the subject had taken X (a capture, not a
    # withdrawal), before the news of the report
    text = "ارتش سوریه ماه گذشته نیز شهر یبرود را از کنترل تروریست‌ها خارج کرده بود."
    assert places_taken(extractor, text, date(2014, 4, 14)) == []
    # told as news, it is a takeover
    text = "ارتش سوریه امروز شهر یبرود را از کنترل تروریست‌ها خارج کرد."
    assert places_taken(extractor, text, date(2014, 3, 16)) == [YABROUD]


def test_the_side_leaving_before_an_entry_loses_the_town(extractor: Extractor) -> None:
    text = (
        "یگان‌های ارتش سوریه روز جمعه پس از خروج آخرین دسته از افراد مسلح گروه «احرار الشام» "
        "به سمت ادلب، وارد شهر حرستا شدند."
    )
    taken = occurred(territory(extractor, text, date(2018, 3, 23)))
    assert taken and all(m.place and m.place.place.id == HARASTA for m in taken)
    assert all(m.actor1 is not None and m.actor1.name == "Military Forces of Syria" for m in taken)


def test_a_burmese_border_towns_persian_spelling(extractor: Extractor) -> None:
    text = "ارتش میانمار دوباره کنترل میاوادی را در دست گرفت."
    assert places_taken(extractor, text, date(2024, 4, 24)) == [MYAWADDY]


def test_a_town_placed_by_another_is_sought_in_its_country(extractor: Extractor) -> None:
    # the report names Ukraine only as a ministry's ("وزارت دفاع اوکراین") and its
    # forces as "این کشور": Kyiv, which Makariv lies west of, gives the country
    text = (
        "وزارت دفاع اوکراین می‌گوید نیروهای این کشور کنترل شهرک ماکاریف در غرب کی‌یف را "
        "از نیروهای روسیه پس گرفته‌اند."
    )
    assert places_taken(extractor, text, date(2022, 3, 22)) == [MAKARIV]


# -- ninth batch (fa-324 on, long reports): rules its dev split led to ----------------

HAMA, KANDAHAR_CITY, KHAN_SHAYKHUN, MAARAT = 170017, 1138336, 168325, 167611


def test_each_town_of_a_withdrawals_destination_list_is_a_destination(
    extractor: Extractor,
) -> None:
    # "به سوی X و ریف شمالی Y": where the army went, both of them, whether the
    # sentence names the town left or ("از شهر") does not
    text = "نیروهای ارتش سوریه از شهر خارج شده و به سوی خان‌شیخون و ریف شمالی حماه عقب‌نشینی کرده‌اند."
    taken = places_taken(extractor, text, date(2024, 11, 30))
    assert HAMA not in taken and KHAN_SHAYKHUN not in taken


def test_where_a_single_source_sits_is_no_place_taken(extractor: Extractor) -> None:
    # "یک منبع در قوماندانی امنیه X گفت": the police command the source speaks from
    text = (
        "یک منبع در قوماندانی امنیه قندهار گفت که طالبان از شام پنجشنبه بر مرکز ولسوالی "
        "حمله کردند و نیروهای امنیتی مرکز ولسوالی را تخلیه کرده و به سوی شهر قندهار "
        "عقب‌نشینی کردند."
    )
    assert KANDAHAR_CITY not in places_taken(extractor, text, date(2021, 7, 3))


def test_a_day_of_last_year_in_dari_and_a_span_counted_on() -> None:
    # "سال پار" is the Dari "پارسال": "۶ میزان سال پار" is last year's 6 Mizan
    text = (
        "طالبان در ۶ میزان سال پار شهر قندوز را تصرف کرده بودند و نیروهای دولتی دو هفته "
        "بعد آن را پس گرفتند."
    )
    first, later = find_dates(text, date(2016, 10, 11))
    assert first.ref.value == date(2015, 9, 28) and first.ref.precision is Precision.DAY
    # "دو هفته بعد" is two weeks after the date told before it, not next week
    assert later.ref.value == date(2015, 10, 12)
    (year,) = find_dates("سال پار", date(2016, 10, 11))
    assert year.ref.value.year == 2015
    # with no date before it to count from, it is none
    assert find_dates("نیروهای دولتی دو هفته بعد آن را پس گرفتند.", date(2016, 10, 11)) == []


def test_a_withdrawal_a_deadline_is_set_for_has_not_happened(extractor: Extractor) -> None:
    # "مهلت خروج ... تمدید شد": the deadline of a withdrawal moved, the town not left
    text = (
        "جمهوری آذربایجان اعلام کرد که مهلت خروج نیروها و ساکنان ارمنی از منطقه کلبجر تا "
        "۵ آذر تمدید شده است."
    )
    assert places_taken(extractor, text, date(2020, 11, 15)) == []


def test_the_kokang_armys_persian_names(extractor: Extractor) -> None:
    for name in ("ارتش اتحاد دموکراتیک ملی میانمار", "ام‌ان‌دی‌ای‌ای", "شورشیان کوکانگ"):
        (hit,) = extractor.actors.find(fold(f"{name} اعلام کرد").text)
        assert extractor.actors.controller_of(hit.actor) == "MNDAA"


def test_whom_a_speaker_addresses_takes_no_town(extractor: Extractor) -> None:
    # "خطاب به ساکنان ...": the residents a commander speaks to are not the takers
    text = (
        "مخالفان مسلح سوری شهر معره‌النعمان را تصرف کردند.\n"
        "یکی از فرماندهان این گروه‌ها در پیامی خطاب به ساکنان آواره این شهر گفت: «به مردم "
        "معره‌النعمان اعلام می‌کنیم که نیروهای ما شهرشان را بازپس گرفتند»."
    )
    taken = occurred(territory(extractor, text, date(2024, 11, 30)))
    assert taken and all(m.place and m.place.place.id == MAARAT for m in taken)
    assert all(m.actor1 is not None and m.actor1.name != "Civilians" for m in taken)


def test_a_date_after_the_verb_and_and_dates_the_next_clause(extractor: Extractor) -> None:
    # "... را تصرف کرد و هفته بعد ...": the second clause's date is not the first's
    text = (
        "گروه داعش ۲۰ خرداد ۱۳۹۳ شهر موصل را تصرف کرد و هفته بعد جنگجویانش به سوی سامرا حرکت کردند."
    )
    assert places_taken(extractor, text, date(2016, 10, 17)) == []
    text = "نیروهای عراقی تیرماه امسال شهر فلوجه را پس گرفتند و در مهر به سوی موصل رفتند."
    (m,) = [m for m in territory(extractor, text, date(2016, 10, 17)) if m.place]
    assert m.time is not None and m.time.value.month == 7 and m.status is not Status.OCCURRED


def test_the_hour_of_victory_is_no_victory(extractor: Extractor) -> None:
    text = (
        "وی گفت: «ساعت پیروزی فرا رسیده است» و افزود که فقط ارتش و پلیس ملی عراق وارد "
        "شهر خواهند شد."
    )
    assert occurred(territory(extractor, text, date(2016, 10, 17))) == []


def test_where_a_press_conference_is_held_is_no_place_taken(extractor: Extractor) -> None:
    text = (
        "سخنگوی طالبان امروز در یک نشست خبری در کابل اعلام کرد که نیروهای این گروه "
        "ولایت بادغیس را به طور کامل تصرف کرده‌اند."
    )
    assert KABUL not in places_taken(extractor, text, date(2021, 8, 20))


def test_hours_later_is_the_day_told_before(extractor: Extractor) -> None:
    # "چند ساعت بعد، ...": deep in a report, still news of the day the lead told
    text = (
        "وزارت دفاع روسیه امروز یکشنبه ۱۲ تیر از نبردهای سنگین در استان لوهانسک خبر داد.\n"
        "به گفته این وزارتخانه، صدها سرباز اوکراینی در این نبردها کشته شده‌اند.\n"
        "مقام‌های اوکراینی این رقم را اغراق‌آمیز خواندند.\n"
        "چند ساعت بعد، سرگئی شویگو به ولادیمیر پوتین گزارش داد که نیروهای روسیه شهر "
        "لیسیچانسک را به طور کامل آزاد کرده‌اند."
    )
    (m,) = occurred(territory(extractor, text, date(2022, 7, 3)))
    assert m.time is not None and m.time.value == date(2022, 7, 3)


def test_a_denial_three_sentences_on(extractor: Extractor) -> None:
    # a long report puts two sentences of the claimant's between the claim and the denial
    text = (
        "سخنگوی طالبان امروز در یک نشست خبری اعلام کرد که نیروهای این گروه شهر شبرغان را "
        "به طور کامل تصرف کرده‌اند.\n"
        "او گفت که جنگ در شمال کشور پایان یافته است. به گفته او، صدها سرباز به این گروه "
        "تسلیم شده‌اند.\n"
        "اما سخنگوی وزارت دفاع ملی این ادعا را تکذیب کرد."
    )
    (m,) = territory(extractor, text, date(2021, 8, 6))
    assert m.status is Status.DENIED
