"""Persian and Dari wording the eighth blind trial of real reports (session 29,
issue 12) found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import places_taken, read_persian, territory_mentions

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.places import find_places
from sitrep.read.fa.text import fold

DAY = date(2024, 10, 9)  # a Wednesday


def _read(extractor: Extractor, text: str, day: date = DAY) -> list[Mention]:
    return read_persian(extractor, text, day)


def _taken(extractor: Extractor, text: str, day: date = DAY) -> set[tuple[str, str | None]]:
    return places_taken(_read(extractor, text, day))


def test_an_unnamed_town_of_this_country_is_not_the_country(extractor: Extractor) -> None:
    # a headline's "a key town in the east of this country": the country only locates
    # the town the body names
    text = (
        "نیروهای اوکراین از یک شهر مهم در شرق این کشور خارج شدند\n"
        "فرمانده ارتش اوکراین اعلام کرد نیروهایش از شهر آودیوکا در شرق این کشور خارج شده‌اند."
    )
    places = {m.place.place.name for m in territory_mentions(_read(extractor, text)) if m.place}
    assert places == {"Avdiyivka"}


def test_toward_typed_without_its_space_and_a_quoted_name(extractor: Extractor) -> None:
    # "بهسمت" (ZWNJ dropped by the outlet) and a name in quotes: where the advance goes
    text = "ارتش سوریه امروز شهر مورک را آزاد کرد و به پیشروی خود بهسمت شهر «حلفایا» ادامه داد."
    assert _taken(extractor, text) == {("Mūrak", "Military Forces of Syria")}


def test_an_aircraft_that_comes_down_is_no_fall(extractor: Extractor) -> None:
    crash = "یک هواپیمای نظامی روز سه‌شنبه در نزدیکی شهر قندهار سقوط کرد و خدمه آن کشته شدند."
    assert territory_mentions(_read(extractor, crash)) == []
    # the aircraft before "که", the verb in the clause it opens
    relative = (
        "مقام‌ها گفتند فرمانده این گروه در میان مسافران بالگردی بود که امروز در شمال مسکو سقوط کرد."
    )
    assert territory_mentions(_read(extractor, relative)) == []
    noun = "سقوط یک فروند بالگرد ارتش در نزدیکی شهر کندز هفت کشته بر جای گذاشت."
    assert territory_mentions(_read(extractor, noun)) == []
    # guard: jets that struck before a town fell
    fell = "پس از حملات سنگین جنگنده‌ها، شهر قندهار امروز به دست طالبان سقوط کرد."
    assert _taken(extractor, fell) == {("Kandahār", "Taliban")}


def test_a_road_freed_is_not_the_towns_it_joins(extractor: Extractor) -> None:
    verb = "ارتش سوریه امروز جاده میان شهرهای حمص و تدمر را از وجود تروریست‌ها آزاد کرد."
    assert _taken(extractor, verb) == set()
    noun = "خبرنگار العالم از آزادسازی جاده حمص به تدمر به دست ارتش سوریه خبر داد."
    assert _taken(extractor, noun) == set()
    # guard: a road crossed on the way to a town taken
    town = "ارتش سوریه پس از عبور از جاده، شهر تدمر را آزاد کرد."
    assert _taken(extractor, town) == {("Tadmur", "Military Forces of Syria")}


def test_officials_who_arrive_in_a_town_take_no_town(extractor: Extractor) -> None:
    visit = "نخست‌وزیر عراق امروز همراه با شماری از وزیران وارد شهر موصل شد."
    assert _taken(extractor, visit) == set()
    # guard: forces who arrive with a minister
    forces = "نیروهای ارتش عراق امروز همراه با وزیر دفاع وارد شهر موصل شدند."
    assert _taken(extractor, forces) == {("Mosul", "Military Forces of Iraq")}


def test_a_share_of_a_town_in_percent_is_a_part(extractor: Extractor) -> None:
    verb = "نیروهای دموکراتیک سوریه اعلام کردند که بر ۷۰ درصد از شهر منبج مسلط شده‌اند."
    assert _taken(extractor, verb) == set()
    noun = "منابع کرد از تسلط نیروهای دموکراتیک سوریه بر 60 درصد از شهر منبج خبر دادند."
    assert _taken(extractor, noun) == set()
    # guard: the whole town
    whole = "نیروهای دموکراتیک سوریه اعلام کردند که بر تمام شهر منبج مسلط شده‌اند."
    assert _taken(extractor, whole) == {("Manbij", "Syrian Democratic Forces")}


def test_the_side_that_suffered_losses_lost_the_town(extractor: Extractor) -> None:
    text = "ارتش سوریه امروز توانست شهر تدمر را پس از وارد آوردن تلفات سنگین به داعش آزاد کند."
    assert _taken(extractor, text) == {("Tadmur", "Military Forces of Syria")}


def test_a_capital_that_holds_a_town_is_its_state(extractor: Extractor) -> None:
    # "تسلط مسکو بر شهر X": Moscow's hold, Russia's forces took X; Moscow is no place taken
    text = "دیروز سفیر روسیه از تسلط مسکو بر شهر باخموت سخن گفت."
    assert _taken(extractor, text, DAY) == {("Bakhmut", "Military Forces of Russia")}


def test_a_weekday_of_last_week_is_that_day(extractor: Extractor) -> None:
    # "چهارشنبه هفته گذشته" in a report of Wednesday 9 October 2024: 2 October (the
    # Saturday that opens last week was the 28th of September)
    text = "چهارشنبه هفته گذشته ارتش روسیه به طور کامل بر شهر باخموت مسلط شد."
    days = {
        m.time.value
        for m in _read(extractor, text)
        if m.time
        and m.status is Status.OCCURRED
        and m.sub_event_type
        and "territory" in m.sub_event_type
    }
    assert days == {date(2024, 10, 2)}


def test_what_a_speaker_refers_to_is_background(extractor: Extractor) -> None:
    # "با اشاره به سقوط X گفت": the fall is told (and dated) elsewhere
    text = "وزیر خارجه روسیه امروز با اشاره به سقوط باخموت گفت که غرب باید شکست را بپذیرد."
    assert _taken(extractor, text) == set()


def test_common_words_that_name_far_places(extractor: Extractor) -> None:
    # "بر اساس" (according to) names Yemen's Owsa, "هواپیمای باری" (a cargo plane) Bari
    for text in ("بر اساس این گزارش، گردان تسلیم شد.", "یک هواپیمای باری در فرودگاه نشست."):
        folded = fold(text)
        assert (
            find_places(extractor.gazetteer, folded, text, base=0, countries=("YEM", "ITA")) == []
        )


def test_parts_of_a_province_are_no_takeover_of_the_country(extractor: Extractor) -> None:
    # "بر بخش‌هایی از استان دیاله مسلط شدند": no place taken, not the country either
    text = "یک منبع امنیتی عراق اعلام کرد شبه‌نظامیان داعش بر بخشهایی از استان دیاله مسلط شده اند."
    assert _taken(extractor, text) == set()


def test_the_country_of_a_source_is_not_the_place_taken(extractor: Extractor) -> None:
    # "یک منبع امنیتی عراق": whose source speaks, not where a town was taken
    text = (
        "به گزارش یک خبرگزاری عربی به نقل از رسانه‌های محلی، یک منبع امنیتی عراق اعلام کرد "
        "شبه‌نظامیان داعش بر بخشهایی از استان دیاله مسلط شده اند."
    )
    assert _taken(extractor, text, date(2014, 6, 10)) == set()


def test_positions_in_a_province_are_no_takeover_of_it(extractor: Extractor) -> None:
    text = "ارتش سوریه امروز شبه‌نظامیان را از آخرین مواضع آنها در استان غربی «حماه» بیرون راند."
    assert [m for m in territory_mentions(_read(extractor, text)) if m.place] == []
    # guard: driven out of the town itself
    town = "ارتش سوریه امروز شبه‌نظامیان را از شهر حماه بیرون راند و کنترل کامل آن را به دست گرفت."
    assert _taken(extractor, town) == {("Ḩamāh", "Military Forces of Syria")}


def test_a_claim_a_later_sentence_denies_is_denied(extractor: Extractor) -> None:
    claim = "هیئت تحریر الشام مدعی شد که کنترل شهر حلب را به دست گرفته است."
    text = (
        f"{claim}\nاین گروه گفت که با ارتش درگیر شده است.\n"
        "منابع میدانی اعلام کردند که هنوز حلب سقوط نکرده است."
    )
    assert _taken(extractor, text, date(2024, 11, 29)) == set()
    # guard: a claim no sentence denies stays a claim
    assert _taken(extractor, claim, date(2024, 11, 29)) == {("Aleppo", "Hayat Tahrir al-Sham")}


def test_vuhledar_as_persian_outlets_spell_it(extractor: Extractor) -> None:
    text = "ارتش روسیه امروز بر وولهدار در شرق اوکراین مسلط شد."
    assert _taken(extractor, text) == {("Vuhledar", "Military Forces of Russia")}


def test_a_facility_named_by_its_town_is_not_the_town(extractor: Extractor) -> None:
    # "پالایشگاه نفت لیسیچانسک" in a list of sites freed: the refinery, not the town
    text = (
        "طی سه روز گذشته، ارتش روسیه پالایشگاه نفت لیسیچانسک، معدن ماتروسکایا و روستای "
        "توپولوکا را آزاد کرد."
    )
    assert not any(name == "Lysychansk" for name, _ in _taken(extractor, text, date(2022, 7, 2)))
    # guard: an airport named by its town in another clause leaves the town the place
    landed = (
        "وزیر دفاع سودان پس از فرود در فرودگاه بین‌المللی خارطوم گفت که ارتش کنترل پایتخت را "
        "دوباره به دست گرفته است."
    )
    assert _taken(extractor, landed, date(2025, 3, 26)) == {
        ("Khartoum", "Military Forces of Sudan")
    }
