"""Persian and Dari wording a fifth blind trial of real reports (issue 12) found
read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import read_persian, territory_changes

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor

DAY = date(2021, 7, 4)


def changes(extractor: Extractor, text: str, *statuses: Status) -> list[Mention]:
    return territory_changes(read_persian(extractor, text, DAY), *statuses)


def taken(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """(place, taker) of a text's takeovers told as having happened, in text order."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(extractor, text)
        if m.place
    ]


def test_district_list_with_bare_provinces(extractor: Extractor) -> None:
    # Dari "X ولایت Y" (X of province Y) between the names of a list: the list goes
    # on; Kohistan is Badakhshan's district (Faryab has one too), not Herat's Kuhsan
    text = (
        "دیشب ولسوالی‌های کوهستان و بهارک ولایت بدخشان، پنجوایی ولایت کندهار و ورسج ولایت تخار "
        "به دست طالبان افتادند."
    )
    found = taken(extractor, text)
    assert [name for name, _ in found] == ["Kōhistān", "Bahārak", "Panjwā’ī", "Warsaj"]
    kohistan = next(
        m.place.place
        for m in changes(extractor, text)
        if m.place and m.place.place.name == "Kōhistān"
    )
    assert kohistan.admin1 == "Badakhshān"


def test_districts_of_few_consonants(extractor: Extractor) -> None:
    # "یاوان" and "ارگو" have one or two consonants: known by their Dari names
    text = "طالبان دیروز ولسوالی‌های یاوان و ارگو در ولایت بدخشان را تصرف کردند."
    assert [name for name, _ in taken(extractor, text)] == ["Yāwān", "Argō"]
    kapisa = "ولسوالی آلاسای ولایت کاپیسا شب گذشته به دست طالبان افتاد."
    assert [name for name, _ in taken(extractor, kapisa)] == ["Alah Sāy"]


def test_centre_of_a_province_is_its_seat(extractor: Extractor) -> None:
    # "مرکز ولایات بغلان و بدخشان": the seats (Pul-e Khumri, Fayzabad), not the old
    # town of Baghlan or the province; the bare name of a province is known too
    text = "دیروز مرکز ولایات بغلان در شمال و بدخشان در شمال شرق به دست طالبان افتاد."
    assert taken(extractor, text) == [("Pul-e Khumrī", "Taliban"), ("Fayzabad", "Taliban")]
    # "X، مرکز ولایت Y": Y is the town's province, the town is what fell
    apposed = "طالبان شهر میمنه، مرکز ولایت فاریاب را تصرف کردند."
    assert taken(extractor, apposed) == [("Maymana", "Taliban")]


def test_districts_listed_after_including(extractor: Extractor) -> None:
    # "سه ولسوالی ... که شامل X در Y، ...": each district, not the provinces locating
    # them; "از شب گذشته تا امروز" dates the fall, no state recalled; an item said to
    # lie in another province than the district its consonants name is none of it
    text = (
        "از شب گذشته تا امروز سه ولسوالی به دست طالبان افتاده که شامل گیلان در غزنی، "
        "کلدار در ولایت بلخ و فیروز در سمنگان هستند."
    )
    assert taken(extractor, text) == [("Gēlān", "Taliban"), ("Kaldār", "Taliban")]
    # "از توابع استان‌های X و Y": the provinces the districts are of
    of = "طالبان کنترل دو ولسوالی از توابع ولایات سمنگان و بلخ را به دست گرفتند."
    assert taken(extractor, of) == []


def test_tally_of_a_provinces_districts(extractor: Extractor) -> None:
    # "۱۲ ولسوالی بدخشان", "شمار ولسوالی‌های سقوط کرده بدخشان": where the districts
    # the sentence does not name lie
    text = "در سه روز گذشته ۱۲ ولسوالی بدخشان به دست طالبان سقوط کرده است."
    assert taken(extractor, text) == []
    count = "با سقوط ولسوالی جرم، شمار ولسوالی‌های سقوط کرده بدخشان در این ماه به نه رسید."
    assert [name for name, _ in taken(extractor, count)] == ["Jurm"]


def test_iranian_wording_of_an_afghan_district(extractor: Extractor) -> None:
    # "استان فاریاب": Afghanistan's province (Iran has only a town Faryab), which makes
    # "شهرستان بلچراغ" the Afghan district; "شهرستان شمالی": an adjective, no name
    text = (
        "مسئولان محلی استان فاریاب سقوط شهرستان بلچراغ به دست طالبان را تایید کردند. "
        "نیروهای امنیتی مستقر در این شهرستان مجبور به عقب نشینی شدند."
    )
    assert taken(extractor, text) == [("Bal Chirāgh", "Taliban")]
    northern = "سومین شهرستان شمالی افغانستان دیروز به دست طالبان افتاد."
    assert [name for name, _ in taken(extractor, northern) if name != "Afghanistan"] == []


def test_the_town_not_where_it_lies(extractor: Extractor) -> None:
    # "X واقع در Y", "منطقه X در Y" (Y a bigger town or its region): Y locates X
    situated = "نیروهای روسیه شهر «لیسیچانسک» واقع در لوهانسک را تصرف کردند."
    assert taken(extractor, situated) == [("Lysychansk", "Military Forces of Russia")]
    region = "ارتش روسیه منطقه «نووگورودسکویه» در دونتسک را آزاد کرد."
    assert taken(extractor, region) == [("Niu-York", "Military Forces of Russia")]


def test_said_before_is_background(extractor: Extractor) -> None:
    # "اعلام کرده بود": a statement made before the report's news
    text = "وزارت دفاع روسیه اعلام کرده بود که نیروهایش شهر سولدار را تصرف کرده‌اند."
    assert changes(extractor, text) == []
    assert [m.place.place.name for m in changes(extractor, text, Status.BACKGROUND) if m.place] == [
        "Soledar"
    ]


def test_moderate_syrian_opposition(extractor: Extractor) -> None:
    # "مخالفان میانه‌رو سوری" took the town; the villages "را در جنوب ادلب" taken by
    # the other side are unnamed, Idlib only where they lie
    text = (
        "مخالفان میانه‌رو سوری بامداد امروز شهر سراقب را بازپس گرفتند. نیروهای دولتی نیز "
        "حدود ۱۵ روستا و مزرعه را در جنوب ادلب به تصرف خود درآوردند."
    )
    assert taken(extractor, text) == [("Saraqib", "Free Syrian Army")]


def test_precincts_of_a_town_are_not_the_town(extractor: Extractor) -> None:
    # Dari "حوزه اول و دوم شهر": numbered police districts, part of the town only
    text = (
        "طالبان از سه سو به شهر قلعه نو حمله کردند. در اثر این حمله حوزه اول و دوم شهر "
        "همراه با ساختمان زندان اشغال شده است."
    )
    assert taken(extractor, text) == []


def test_after_the_news_of_a_fall(extractor: Extractor) -> None:
    # "چند روز پس از اعلام سقوط ۱۳ شهرستان": the earlier falls, as the time of another
    text = "این حمله چند روز پس از اعلام سقوط ۱۳ شهرستان در سراسر این کشور به دست طالبان است."
    assert changes(extractor, text) == []


def test_krak_des_chevaliers(extractor: Extractor) -> None:
    # «قلعه الحصن»: the town of al-Husn around the Krak des Chevaliers
    text = "ارتش سوریه با پشتیبانی حزب الله کنترل قلعه الحصن در غرب حمص را به دست گرفت."
    assert taken(extractor, text) == [("Al-Husn", "Military Forces of Syria")]


def test_a_date_of_what_came_before_dates_nothing_else(extractor: Extractor) -> None:
    # "پس از آن ... که ... اوایل هفته جاری": the earlier event's date, not the news'
    day = date(2014, 3, 20)
    text = (
        "ارتش سوریه بر قلعه الحصن مسلط شد. این پیشروی پس از آن انجام شد که ارتش "
        "اوایل هفته جاری شهر یبرود را آزاد کرد."
    )
    husn = [
        m
        for m in territory_changes(read_persian(extractor, text, day))
        if m.place and m.place.place.name == "Al-Husn"
    ]
    assert husn and husn[0].time is not None and husn[0].time.value == day


def test_a_fall_then_who_holds_the_place_in_the_same_sentence(extractor: Extractor) -> None:
    # "with the fall of Taloqan ..., the count of provincial seats under Taliban control
    # reached five": the holder the sentence names after the fall took the town, and is
    # no loser of it
    text = "با سقوط شهر تالقان، مرکز ولایت تخار، شمار مراکز ولایات تحت کنترل طالبان به پنج رسید."
    found = changes(extractor, text)
    assert [
        (m.place.place.name, m.actor1.name if m.actor1 else None) for m in found if m.place
    ] == [("Taloqan", "Taliban")]
    assert all(m.actor2 is None for m in found)
