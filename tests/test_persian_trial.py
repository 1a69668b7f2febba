"""The Persian reader on constructions met in a trial on real Persian and Dari
reports (issue 12): plural present reporting verbs, denials and "no report of"
within the sentence, an event noun as the time of another, "این ولسوالی", districts
the gazetteer does not know, namesakes abroad after "ولسوالی", Dari spellings.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Precision, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.attribution import attribute_sentence
from sitrep.read.fa.dates import find_dates
from sitrep.read.fa.places import find_places
from sitrep.read.fa.text import fold
from sitrep.read.typology import TERRITORY_SUB_TYPES

KUNDUZ, KHANABAD, TULAK, AB_BAND, KHAK_E_SAFED = 1135689, 7053316, 7053013, 7052950, 7052921


def territory(extractor: Extractor, text: str, published: date) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=published)
    return [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def changes(extractor: Extractor, text: str, published: date) -> list[tuple[int, str | None]]:
    """(place id, gaining actor) of a text's takeovers told as having happened."""
    return [
        (m.place.place.id, m.actor1.name if m.actor1 else None)
        for m in territory(extractor, text, published)
        if m.status is Status.OCCURRED and m.place
    ]


def test_plural_present_reporting_verbs_name_the_speaker() -> None:
    said = attribute_sentence("مقام‌های محلی می‌گویند که طالبان وارد شهر شدند.")
    assert said.speaker == "مقام‌های محلی"
    denied = attribute_sentence("مسئولان ولایت این گزارش را رد می‌کنند.")
    assert denied.verb is not None and "رد" in denied.verb


def test_the_place_of_the_speakers_is_not_the_place_taken(extractor: Extractor) -> None:
    # "officials of Kunduz say the district of Khanabad fell": Khanabad, not Kunduz city
    text = "اعضای شورای ولایتی قندوز می‌گویند ولسوالی خان‌آباد دیروز به دست طالبان افتاد."
    assert changes(extractor, text, date(2016, 8, 21)) == [(KHANABAD, "Taliban")]


def test_a_fall_the_sentence_denies_is_no_change(extractor: Extractor) -> None:
    text = (
        "در حالی که چند رسانه از سقوط ولسوالی آب بند خبر می‌دهند، والی غزنی سقوط این "
        "ولسوالی را رد می‌کند."
    )
    ms = territory(extractor, text, date(2018, 8, 20))
    assert ms and all(m.status is Status.DENIED for m in ms)
    assert (
        changes(extractor, "مقام‌های غزنی سقوط ولسوالی آب بند را تکذیب کردند.", date(2018, 8, 20))
        == []
    )


def test_no_report_of_a_fall_is_no_change(extractor: Extractor) -> None:
    text = "سخنگوی پولیس گفت که تا این لحظه گزارشی از سقوط ولسوالی قلعه زال در دست نیست."
    assert changes(extractor, text, date(2017, 5, 5)) == []


def test_an_event_noun_dating_another_event_is_background(extractor: Extractor) -> None:
    for text in (
        "سرکرده داعش هنگام تصرف موصل به دست این گروه در این مسجد سخنرانی کرد.",
        "این همان ساختمانی است که سرکرده داعش در بدو تصرف موصل به دست این گروه، در آن سخنرانی کرد.",
    ):
        assert changes(extractor, text, date(2017, 6, 29)) == [], text


def test_this_district_is_the_district_named_before(extractor: Extractor) -> None:
    # the district's name in quotes, the attack's target, then "مرکز این ولسوالی":
    # Tulak, never the country
    text = "جنگجویان طالبان پس از حمله به ولسوالی «تولک» کنترل مرکز این ولسوالی را به دست گرفتند."
    assert changes(extractor, text, date(2021, 6, 12)) == [(TULAK, "Taliban")]


def test_a_district_the_gazetteer_lacks_is_not_its_province(extractor: Extractor) -> None:
    # "زرین دره" is no district: the province named after it was not taken
    text = "نیروهای امنیتی کنترل ولسوالی زرین دره ولایت بغلان را دوباره به دست گرفتند."
    assert changes(extractor, text, date(2018, 5, 17)) == []


def test_a_namesake_abroad_is_no_afghan_district(extractor: Extractor) -> None:
    # "آب" is also Yemen's Ibb: after "ولسوالی" the Afghan district Ab Band
    text = "ولسوالی آب بند ولایت غزنی دیشب به دست طالبان سقوط کرد."
    assert changes(extractor, text, date(2018, 8, 20)) == [(AB_BAND, "Taliban")]
    # "مجبور" (forced) is no town of Iran
    folded = fold("سربازان پس از سه روز مجبور به ترک پاسگاه شدند.")
    assert find_places(extractor.gazetteer, folded, folded.text, base=0) == []


def test_dari_spellings_and_names_of_the_taliban(extractor: Extractor) -> None:
    text = "شهر قندوز امروز صبح به کنترل نیروهای دولتی درامد."
    assert [p for p, _ in changes(extractor, text, date(2015, 10, 1))] == [KUNDUZ]
    text = "شورشیان طالب ولسوالی «خاک سفید» ولایت فراه را بدون مقاومت متصرف شدند."
    assert changes(extractor, text, date(2007, 11, 5)) == [(KHAK_E_SAFED, "Taliban")]


def test_a_fall_some_claim_is_a_claim(extractor: Extractor) -> None:
    text = "شماری از منابع محلی مدعی سقوط کامل شهر حلب شدند."
    ms = territory(extractor, text, date(2024, 11, 30))
    assert ms and all(m.status is Status.CLAIMED for m in ms)


# -- a second batch of real reports ----------------------------------------------

MALISTAN, AJRISTAN, TADMUR = 7052962, 7052952, 163808


def test_a_council_names_whose_officials_speak(extractor: Extractor) -> None:
    # "عضو شورای ولایتی غزنی": Ghazni is where the speaker sits, the district fell
    text = (
        "محمد کریمی، عضو شورای ولایتی غزنی به خبرنگاران گفت که کنترل مرکز ولسوالی مالستان "
        "دیروز به دست طالبان افتاده است."
    )
    assert changes(extractor, text, date(2021, 7, 13)) == [(MALISTAN, "Taliban")]


def test_the_district_after_the_event_noun_fell(extractor: Extractor) -> None:
    text = "با سقوط ولسوالی مالستان از ولسوالی های هجده گانه غزنی، نگرانی مردم بیشتر شده است."
    ms = [m for m in territory(extractor, text, date(2021, 7, 13)) if m.status is Status.OCCURRED]
    assert [m.place.place.id for m in ms if m.place] == [MALISTAN]


def test_an_iranian_outlet_calls_an_afghan_district_shahrestan(extractor: Extractor) -> None:
    text = "عضو شورای استانی غزنی گفت شهرستان اجرستان به طور کامل به اشغال طالبان درآمده است."
    assert changes(extractor, text, date(2018, 8, 16)) == [(AJRISTAN, "Taliban")]
    # "شهرستان" and "میان" are common words, no towns of Iran or Switzerland
    folded = fold("درگیری میان دو طرف در این شهرستان ادامه دارد.")
    assert find_places(extractor.gazetteer, folded, folded.text, base=0) == []


def test_palmyra_is_tadmur(extractor: Extractor) -> None:
    text = "ارتش سوریه امروز کنترل کامل شهر پالمیرا را به دست گرفت."
    assert [p for p, _ in changes(extractor, text, date(2016, 3, 27))] == [TADMUR]


def test_times_of_day_and_a_day_told_twice_are_no_ranges() -> None:
    (d,) = find_dates("بعد از ظهر دیروز به دست طالبان افتاد", date(2021, 7, 13))
    assert d.relation == "at" and d.ref.value == date(2021, 7, 12)
    found = find_dates("صبح امروز – یکشنبه – وارد شهر شدند", date(2016, 3, 27))
    assert [x.relation for x in found] == ["at", "at"]
    # a real range keeps its ends
    since, until = find_dates("از سال ۲۰۱۴ تا ۲۰۱۷ در دست داعش بود", date(2021, 7, 13))
    assert (since.relation, until.relation) == ("since", "until")


def test_a_month_of_this_year_is_one_date() -> None:
    (d,) = find_dates("داعش در ماه مه سال جاری این شهر را گرفت", date(2015, 12, 29))
    assert d.ref.value == date(2015, 5, 1) and d.ref.precision is Precision.MONTH
    (e,) = find_dates("در ماه مه سال گذشته", date(2015, 12, 29))
    assert e.ref.value == date(2014, 5, 1)


def test_a_recapture_recalled_by_its_month_is_background(extractor: Extractor) -> None:
    text = "جنگجویان داعش در ماه مه سال جاری به شهر رمادی حمله کردند و این شهر را تصرف کردند."
    assert changes(extractor, text, date(2015, 12, 29)) == []


# -- the second trial (s17-fatrial2): a capture for a few hours, a person's first name
# that names a city, the side a town is cleared of, a date in a condition, a
# withdrawal that names no taker, "N روز پیش از" an event, the side whose defeat is
# sought (every sentence written for the test)

FALLUJAH, RAWAH = 99454, 92004


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
