"""Persian and Dari wording a blind trial of real reports (session 23, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from test_persian_trial5 import changes, taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# changes(extractor, text, *statuses) and taken(extractor, text) read a report of
# 2021-07-04 (the fifth trial's helpers)


def test_parts_of_the_town_told_before(extractor: Extractor) -> None:
    # "بخش‌هایی از این شهر را", "چند محله در این شهر را": parts of the town the
    # sentence named before, not the town
    parts = (
        "جنگجویان طالبان دیروز از دو سو به شهر فراه یورش بردند و بخش‌هایی از این شهر را "
        "به تصرف خود درآوردند."
    )
    assert taken(extractor, parts) == []
    quarters = (
        "شورشیان صبح امروز به شهر تلعفر حمله کردند و چند محله در این شهر را تحت کنترل گرفتند."
    )
    assert taken(extractor, quarters) == []
    # guard: the whole town told before is taken
    whole = "جنگجویان طالبان دیروز به شهر فراه یورش بردند و کنترل کامل شهر فراه را به دست گرفتند."
    assert taken(extractor, whole) == [("Farah", "Taliban")]


def test_likelihood_of_a_fall_is_no_fall(extractor: Extractor) -> None:
    text = "یک مقام محلی می‌گوید احتمال سقوط شهر فراه به دست طالبان وجود دارد."
    assert taken(extractor, text) == []
    assert [m.status for m in changes(extractor, text, Status.EXPECTED)] == [Status.EXPECTED]
    risk = "خطر سقوط ولسوالی گرشک به دست طالبان افزایش یافته است."
    assert taken(extractor, risk) == []
    # guard: the fall itself
    fell = "شهر فراه دیروز به دست طالبان سقوط کرد."
    assert taken(extractor, fell) == [("Farah", "Taliban")]


def test_the_battle_for_a_town_begun(extractor: Extractor) -> None:
    # "نبرد آزادسازی X را آغاز کرده بودند": the battle began, the town not yet freed
    text = "نیروهای عراقی حدود دو هفته قبل نبرد آزادسازی شهر بیجی را آغاز کرده بودند."
    assert taken(extractor, text) == []
    # guard: the freeing told
    freed = "نیروهای عراقی دیروز شهر بیجی را به طور کامل آزاد کردند."
    assert taken(extractor, freed) == [("Bayjī", "Military Forces of Iraq")]


def test_years_of_rule_before_an_entry(extractor: Extractor) -> None:
    # "پس از سه سال از تسلط داعش بر X": the rule the entry ends, not a takeover now
    text = "نیروهای ارتش عراق پس از سه سال از تسلط داعش بر شهر بیجی وارد این شهر شدند."
    assert taken(extractor, text) == [("Bayjī", "Military Forces of Iraq")]


def test_posts_that_fell_are_not_the_district(extractor: Extractor) -> None:
    text = "در درگیری‌های دیشب در ولسوالی گرشک شماری از پاسگاه‌های پولیس سقوط کردند."
    assert taken(extractor, text) == []
    posts = "مقام‌های محلی می‌گویند که بیش از ده پوسته امنیتی در ولسوالی گرشک سقوط کرده‌اند."
    assert taken(extractor, posts) == []
    # guard: the district itself
    district = "ولسوالی گرشک دیشب به دست طالبان سقوط کرد."
    assert taken(extractor, district) == [("Gereshk", "Taliban")]


def test_losses_inflicted_are_no_entry(extractor: Extractor) -> None:
    # "تلفاتی به هر دو جانب وارد گردید": "وارد" of losses inflicted, not of forces
    text = (
        "نیروهای پولیس شام دیروز در بازار ولسوالی گرشک با طالبان درگیر شدند و تلفاتی "
        "به هر دو جانب وارد گردید."
    )
    assert taken(extractor, text) == []
    # guard: forces that entered the district
    entered = "نیروهای پولیس شام دیروز پس از عقب‌نشینی طالبان وارد مرکز ولسوالی گرشک شدند."
    assert [place for place, _ in taken(extractor, entered)] == ["Gereshk"]


def test_some_fighters_pulled_back(extractor: Extractor) -> None:
    # "موجب عقب‌نشینی شماری از جنگجویان شد": some of a side pulled back, no place
    # changed hands
    text = "حملات نیروهای پیشمرگه در محور سنجار موجب عقب‌نشینی شماری از جنگجویان داعش شد."
    assert taken(extractor, text) == []


def test_emptied_of_foes_is_the_speakers_gain(extractor: Extractor) -> None:
    # the army says the town was emptied of terrorists: the army's side gains it, it
    # is not the side that left
    text = (
        "ارتش عراق با صدور بیانیه‌ای اعلام کرد که شهر بیجی به طور کامل از تروریست‌ها تخلیه شده است."
    )
    found = changes(extractor, text)
    assert [(m.place.place.name if m.place else None) for m in found] == ["Bayjī"]
    assert found[0].actor1 is not None and found[0].actor1.name == "Military Forces of Iraq"
    assert found[0].actor2 is None or found[0].actor2.name != "Military Forces of Iraq"
    headline = "ارتش عراق: شهر بیجی به طور کامل از تروریست‌ها تخلیه شد"
    found = changes(extractor, headline)
    assert [m.actor1.name if m.actor1 else None for m in found] == ["Military Forces of Iraq"]
    # guard: a side that leaves the town loses it
    left = "ارتش عراق اعلام کرد که نیروهایش شهر بیجی را تخلیه کرده‌اند."
    assert all(
        m.actor1 is None or m.actor1.name != "Military Forces of Iraq"
        for m in changes(extractor, left)
    )


def test_the_capture_of_this_town_refers_back(extractor: Extractor) -> None:
    # "تصرف این شهر موجب نگرانی شده است": the capture told before, not a new change
    text = (
        "جنگجویان الشباب صبح امروز شهر بلدوین را تصرف کردند. دولت سومالی گفت تصرف این شهر "
        "موجب نگرانی ساکنان آن شده است."
    )
    found = changes(extractor, text)
    assert len(found) == 1
    assert found[0].place is not None and found[0].place.place.name == "Beledweyne"


def test_char_chino_is_shahidi_hassas(extractor: Extractor) -> None:
    # Uruzgan's district of Shahid-e Hasas under its old Dari name, چهارچینه
    text = "نیروهای امنیتی دیروز بدون درگیری از ولسوالی چهارچینه ولایت ارزگان عقب‌نشینی کردند."
    found = changes(extractor, text)
    assert [(m.place.place.name if m.place else None) for m in found] == ["Shahīd-e Ḩasās"]


def test_dari_words_for_forces(extractor: Extractor) -> None:
    # Dari "قوای روسی" (Russian forces) names Russia's forces, as "نیروهای روسی" does:
    # the possessor of the withdrawal is the side that leaves
    text = "مقام‌های اوکراینی روز شنبه از عقب‌نشینی قوای روسی از شهر ایزیوم خبر دادند."
    found = changes(extractor, text)
    assert [(m.place.place.name if m.place else None) for m in found] == ["Izyum"]
    assert found[0].actor2 is not None and found[0].actor2.name == "Military Forces of Russia"


def test_a_town_of_a_region_is_not_the_region(extractor: Extractor) -> None:
    # "شهر مهم قره باغ", "یک شهر راهبردی استان ادلب": an unnamed town of the region or
    # province, not the region or the province taken
    assert taken(extractor, "ارتش آذربایجان روز یکشنبه شهر مهم قره باغ را تصرف کرد.") == []
    assert taken(extractor, "ارتش سوریه روز یکشنبه یک شهر راهبردی استان ادلب را تصرف کرد.") == []
    # guard: a town named after its adjective is the town
    assert taken(extractor, "ارتش سوریه روز یکشنبه شهر مهم معره النعمان را تصرف کرد.") == [
        ("Ma‘arrat an Nu‘mān", "Military Forces of Syria")
    ]


def test_who_presses_a_withdrawal_gains_the_town(extractor: Extractor) -> None:
    # "در برابر ضد حمله نیروهای اوکراینی": the side whose attack drives the withdrawal
    # gains the town; the side that withdraws (the subject) loses it
    for text in (
        "نیروهای روسی در برابر ضد حمله نیروهای اوکراینی از شهر ایزیوم عقب‌نشینی کردند.",
        "نیروهای روسی در مقابل حملات ارتش اوکراین از شهر ایزیوم عقب‌نشینی کردند.",
    ):
        found = changes(extractor, text)
        assert [(m.actor1.name if m.actor1 else None) for m in found] == [
            "Military Forces of Ukraine"
        ], text
        assert found[0].actor2 is not None and found[0].actor2.name == "Military Forces of Russia"
    # guard: a withdrawal with no driver named keeps the subject as the side that leaves
    plain = changes(extractor, "نیروهای روسی از شهر ایزیوم عقب‌نشینی کردند.")
    assert [(m.actor2.name if m.actor2 else None) for m in plain] == ["Military Forces of Russia"]


def test_a_referendums_month_dates_nothing_after_it(extractor: Extractor) -> None:
    # "پس از همه‌پرسی در ماه سپتامبر": the month of a referendum, not a date for the
    # withdrawal the next sentence tells as news
    text = (
        "روسیه پس از برگزاری همه‌پرسی در ماه سپتامبر، چهار منطقه اوکراین را ضمیمه خاک خود کرد.\n"
        "مسکو می‌گوید روند خروج نیروهایش از شهر ایزیوم تکمیل شده است."
    )
    found = changes(extractor, text)
    assert [(m.place.place.name if m.place else None) for m in found] == ["Izyum"]
    assert found[0].time is not None and found[0].time.value == date(2021, 7, 4)
