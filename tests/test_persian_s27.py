"""Persian and Dari wording a sixth blind trial of real reports (session 27, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from conftest import read_persian, territory_mentions
from test_persian_trial5 import DAY, changes, taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# changes(extractor, text, *statuses) and taken(extractor, text) read a report of
# 2021-07-04 (the fifth trial's helpers)


def _told(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """(place, taker) of the takeovers told as having happened or as claimed."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
        if m.place
    ]


def test_a_state_named_as_the_owner_of_a_palace_or_ministry_is_not_taken(
    extractor: Extractor,
) -> None:
    # "کاخ ریاست جمهوری یمن": the palace was taken, not Yemen
    palace = "شورشیان حوثی پس از درگیری کوتاهی کنترل کاخ ریاست جمهوری یمن را در دست گرفتند."
    assert [p for p, _ in _told(extractor, palace)] == []
    # "وزارت امور داخله افغانستان گفت ...": the ministry's state, not a place retaken
    ministry = (
        "نیروهای دولتی کنترل ولسوالی قلعه زال ولایت کندز را پس گرفتند. در بیانیه‌ای وزارت "
        "امور داخله افغانستان گفت که نیروهای امنیتی عملیاتی را دیروز آغاز کرده و مناطق امن "
        "و دفتر ولسوالی را تسخیر نمودند."
    )
    assert [p for p, _ in _told(extractor, ministry)] == ["Qal‘ah-ye Zāl"]
    # guard: the country itself as the object is still taken
    whole = "طالبان کنترل کامل افغانستان را در دست گرفتند."
    assert [p for p, _ in _told(extractor, whole)] == ["Afghanistan"]


def test_a_tally_in_compound_words_names_no_country(extractor: Extractor) -> None:
    # "بیست و یک ولایت": unnamed provinces, not a takeover of the whole country
    text = "تا امروز عصر بیست و یک ولایت به دست طالبان افتاد."
    assert _told(extractor, text) == []
    # guard: a named town of the same wording
    town = "امروز عصر شهر فیض‌آباد به دست طالبان افتاد."
    assert [p for p, _ in _told(extractor, town)] == ["Fayzabad"]


def test_a_year_count_of_an_occupation_is_remembered(extractor: Extractor) -> None:
    # "در روز دو سالگی اشغال ...": the day counts the years since the takeover
    text = (
        "جنگجویان جبهه مقاومت در روز دو سالگی اشغال پنجشیر به دست طالبان به چند پاسگاه حمله کردند."
    )
    assert _told(extractor, text) == []


def test_whether_a_withdrawal_happened_is_left_open(extractor: Extractor) -> None:
    # "معلوم نیست آیا ... یا خیر": nobody is said to have left
    text = "هنوز معلوم نیست آیا نیروهای دولتی از شهر تدمر عقب‌نشینی کرده‌اند یا خیر."
    assert _told(extractor, text) == []
    # guard: the withdrawal told as a fact
    fact = "نیروهای دولتی دیروز از شهر تدمر عقب‌نشینی کردند."
    assert [p for p, _ in _told(extractor, fact)] == ["Tadmur"]


def test_the_rest_of_the_districts_fell_not_those_named(extractor: Extractor) -> None:
    # "تنها ولسوالی‌های X و Y در کنترل دولت است و بقیه ... به دست طالبان افتاده": the
    # districts named are the ones the government still holds
    text = (
        "اکنون تنها ولسوالی‌های جاغوری و مالستان در کنترل دولت است و بقیه ولسوالی‌های "
        "این ولایت به دست طالبان افتاده است."
    )
    assert [(p, a) for p, a in _told(extractor, text) if a == "Taliban"] == []


def test_parts_of_provinces_taken_are_no_takeover_of_them(extractor: Extractor) -> None:
    # "بخش‌هایی از این دو ولایت را تصرف کنند": parts, and of provinces told before
    text = (
        "طالبان به ولایت‌های قندوز و تخار حمله کردند و توانستند بخش‌هایی از این دو ولایت "
        "را تصرف کنند."
    )
    assert _told(extractor, text) == []
    # guard: the town itself as the object
    town = "طالبان توانستند شهر قندوز را تصرف کنند."
    assert [p for p, _ in _told(extractor, town)] == ["Kunduz"]


def test_the_hills_of_a_town_are_not_the_town(extractor: Extractor) -> None:
    # "بر تپه‌های غربی شهرک X سیطره یافت": heights over the town, not the town
    text = "ارتش سوریه امروز بر تپه‌های غربی شهرک مورک سیطره یافت."
    assert _told(extractor, text) == []
    # guard: the town itself
    town = "ارتش سوریه امروز بر شهرک مورک سیطره یافت."
    assert [p for p, _ in _told(extractor, town)] == ["Mūrak"]


def test_the_dari_interior_ministry_is_no_place(extractor: Extractor) -> None:
    # "وزارت داخله": the interior ministry, not Dakhla in Western Sahara
    text = (
        "به گزارش خبرنگار حوزه افغانستان، مسئولان وزارت داخله افغانستان اعلام کردند که "
        "نیروهای امنیتی کنترل ولسوالی انار دره ولایت فراه را دوباره به دست گرفته اند."
    )
    mentions = read_persian(extractor, text, DAY)
    names = {m.place.place.name for m in territory_mentions(mentions) if m.place}
    assert "Dakhla" not in names
    assert taken(extractor, text) == [("Anār Darah", "Military Forces of Afghanistan")]


def test_zinjibar_written_with_gaf_in_a_report_on_yemen(extractor: Extractor) -> None:
    # "زنگبار مرکز استان ابین": the Yemeni town, not Zanzibar
    text = "نیروهای انصارالله شهر زنگبار مرکز استان ابین در جنوب یمن را به کنترل خود درآوردند."
    assert [p for p, _ in _told(extractor, text)] == ["Zinjibār"]


def test_conflicting_reports_about_a_fall_tell_no_fall(extractor: Extractor) -> None:
    # "گزارش‌های ضد و نقیض درباره سقوط X": whether it fell is in dispute
    text = "گزارش‌های ضد و نقیض درباره سقوط ولسوالی آب بند غزنی منتشر شده است."
    assert _told(extractor, text) == []
    # guard: the fall told as a fact
    fell = "ولسوالی آب بند غزنی به دست طالبان سقوط کرد."
    assert _told(extractor, fell) == [("Āb Band", "Taliban")]


def test_areas_of_a_town_freed_are_not_the_town(extractor: Extractor) -> None:
    # "مناطق اشغالی شرق دمشق را": areas in the east of the city, not the city
    text = "ارتش سوریه مناطق اشغالی شرق دمشق را آزاد کرد."
    assert _told(extractor, text) == []
    # guard: the city as the object
    city = "ارتش سوریه شهر دمشق را آزاد کرد."
    assert [p for p, _ in _told(extractor, city)] == ["Damascus"]


def test_victories_in_the_plural_take_no_province(extractor: Extractor) -> None:
    # "پیروزی های پی در پی ... در جنوب استان حلب": many gains where it lies
    text = (
        "پیروزی های پی در پی ارتش سوریه با کمک نیروهای مقاومت در جنوب استان حلب موجب "
        "شده مردم روستاها به خانه‌هایشان برگردند."
    )
    assert _told(extractor, text) == []
    # guard: one victory that took the city
    one = "ارتش سوریه با پیروزی در نبرد حلب کنترل شهر را به دست گرفت."
    assert [p for p, _ in _told(extractor, one)] == ["Aleppo"]


def test_districts_in_the_plural_are_no_country_taken(extractor: Extractor) -> None:
    # "سقوط ولسوالی‌ها": unnamed districts, not the country the report is about
    denied = "به گفته سخنگوی وزارت دفاع افغانستان، ادعای طالبان مبنی بر سقوط ولسوالی‌ها نادرست است."
    assert _told(extractor, denied) == []
    claimed = "طالبان امروز مدعی تصرف ولسوالی‌ها شدند."
    assert _told(extractor, claimed) == []


def test_a_building_of_the_town_told_before_is_not_the_town(extractor: Extractor) -> None:
    # "یک ساختمان دولتی آن شهر را تصرف کرده‌اند": a building, not Palmyra
    text = (
        "ارتش سوریه در نبرد با داعش در اطراف شهر پالمیرا تلفات سنگینی به آن گروه وارد کرده "
        "است. عوامل داعش مدعی شده‌اند یک ساختمان دولتی آن شهر را تصرف کرده‌اند."
    )
    assert _told(extractor, text) == []
    # guard: the town told before, taken whole
    whole = (
        "ارتش سوریه در نبرد با داعش در اطراف شهر پالمیرا تلفات سنگینی به آن گروه وارد کرده "
        "است. عوامل داعش مدعی شده‌اند کنترل کامل آن شهر را به دست گرفته‌اند."
    )
    assert _told(extractor, whole) == [("Tadmur", "ISIS")]


def test_a_handover_that_is_to_take_place_is_expected(extractor: Extractor) -> None:
    # "تا بدون درگیری انتقال قدرت صورت گیرد": talks so that it may happen
    text = (
        "نمایندگان طالبان در کابل در حال مذاکره با مقام‌های حکومت هستند تا بدون درگیری "
        "انتقال قدرت صورت گیرد."
    )
    assert _told(extractor, text) == []
    # guard: an entry without a fight, told as done
    done = "طالبان بدون درگیری وارد شهر کابل شدند."
    assert _told(extractor, done) == [("Kabul", "Taliban")]


def test_the_freeing_of_parts_of_a_town_frees_no_town(extractor: Extractor) -> None:
    # "با آزادسازی بخش های وسیعی از شرق شهر حلب": parts of the town
    text = "ارتش سوریه با آزادسازی بخش های وسیعی از شرق شهر حلب به مرکز شهر رسید."
    assert _told(extractor, text) == []
    # guard: the freeing of the town
    town = "ارتش سوریه با آزادسازی شهر حلب به مرز ترکیه نزدیک شد."
    assert [p for p, _ in _told(extractor, town)] == ["Aleppo"]


def test_what_remains_until_the_freeing_is_not_freed(extractor: Extractor) -> None:
    # "تا آزادسازی کامل باقی مانده است": until the event, which has not come
    text = "هفت درصد از شهر حلب تا آزادسازی کامل باقی مانده است."
    assert _told(extractor, text) == []
