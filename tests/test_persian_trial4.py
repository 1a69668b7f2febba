"""Persian and Dari wording a fourth blind trial of real reports (issue 12) found
read wrong: a takeover told "تحت کنترل در آوردند" (brought under control), a side
named as fighting "به همراه رزمندگان X" (alongside X's fighters), "دو شب پیش"
(two nights ago), and long lists of Afghan districts after a plural head that run
past names the gazetteer lacks, repeat the head and name each district's province.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import read_persian

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.places import find_places
from sitrep.read.fa.text import fold
from sitrep.read.typology import TERRITORY_SUB_TYPES

DAY = date(2021, 7, 4)


def territory(extractor: Extractor, text: str, day: date = DAY) -> list[Mention]:
    return [
        m
        for m in read_persian(extractor, text, day)
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def taken(extractor: Extractor, text: str, day: date = DAY) -> list[tuple[str, str | None]]:
    """(place, taker) of a text's takeovers told as having happened, in text order."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in territory(extractor, text, day)
        if m.status is Status.OCCURRED and m.place
    ]


def test_brought_under_control(extractor: Extractor) -> None:
    text = "طالبان روز جمعه شهر زرنج را پس از درگیری با نیروهای دولتی تحت کنترل در آوردند."
    assert taken(extractor, text) == [("Zaranj", "Taliban")]
    own = "طالبان شهر زرنج را بدون جنگ تحت کنترول خود گرفتند."
    assert taken(extractor, own) == [("Zaranj", "Taliban")]


def test_alongside_fighters_is_support(extractor: Extractor) -> None:
    text = (
        "ارتش سوریه اعلام کرد نیروهای دولتی این کشور به همراه رزمندگان حزب الله "
        "شهر یبرود را از وجود تروریست‌ها پاکسازی کردند."
    )
    assert taken(extractor, text) == [("Yabrūd", "Military Forces of Syria")]


def test_nights_ago(extractor: Extractor) -> None:
    text = "دو شب پیش طالبان ولسوالی چهاردره در ولایت قندوز را تصرف کردند."
    [m] = territory(extractor, text)
    assert m.time is not None and m.time.value == date(2021, 7, 2)


def test_district_list_past_unknown_names(extractor: Extractor) -> None:
    # "ولسوالی‌های X، (a name the gazetteer lacks)، Y و Z پکتیا، ولسوالی W بغلان":
    # the list goes on past the unknown name, the province and the repeated head
    text = (
        "در شبانه‌روز گذشته ولسوالی‌های احمدآباد، روحانی بابا، جانی‌خیل و دندپتان پکتیا، "
        "ولسوالی خنجان بغلان و ولسوالی خاش بدخشان به دست طالبان افتاده‌اند."
    )
    names = [name for name, _ in taken(extractor, text)]
    assert names == ["Aḩmadābād", "Jānī Khēl", "Ḏanḏ Paṯān", "Khinjān", "Khāsh"]


def test_quoted_district_list_by_province(extractor: Extractor) -> None:
    # two districts are called Tagab (Kapisa's and Badakhshan's): the province named
    # after the list tells which; the list goes on to the districts of Takhar
    text = (
        "شهرستان‌های «درایم، تگاب، کشم و وردوج» در بدخشان و «کلفگان و فرخار» در تخار "
        "به دست طالبان افتاده است."
    )
    found = taken(extractor, text)
    assert [name for name, _ in found] == [
        "Darāyim",
        "Tagāb",
        "Kishim",
        "Wardūj",
        "Kalafgān",
        "Farkhār",
    ]
    assert {who for _, who in found} == {"Taliban"}


def test_the_side_whose_men_died_lost_the_town(extractor: Extractor) -> None:
    text = (
        "شورشیان طوارق روز چهارشنبه شهر کیدال را پس از درگیری‌های منجر به کشته شدن "
        "شماری از اعضای ارتش این کشور تحت کنترل در آوردند."
    )
    [m] = [m for m in territory(extractor, text) if m.status is Status.OCCURRED]
    assert m.place is not None and m.place.place.name == "Kidal"
    assert m.actor1 is not None and m.actor1.name.startswith("MNLA")
    assert m.sub_event_type == "Non-state actor overtakes territory"


def test_provinces_of_a_tally_are_not_taken(extractor: Extractor) -> None:
    # "۱۳ شهرستان در استان‌های X، Y و Z": where districts the sentence does not name lie
    text = (
        "در شبانه‌روز گذشته ۱۳ شهرستان در استان‌های بدخشان، تخار، قندهار و پکتیا به دست طالبان افتاد."
    )
    assert taken(extractor, text) == []


def test_parts_of_a_town_are_not_the_town(extractor: Extractor) -> None:
    after = "طالبان توانسته‌اند بخش‌های مهمی را در شهر فراه تصرف کنند."
    assert taken(extractor, after) == []
    inside = "جنگجویان طالبان برخی از مناطق مهم در مرکز شهر فراه را سقوط داده‌اند."
    assert taken(extractor, inside) == []
    whole = "جنگجویان طالبان شهر فراه را تصرف کردند."
    assert taken(extractor, whole) == [("Farah", "Taliban")]


def test_namesake_district_of_the_province_named_next(extractor: Extractor) -> None:
    # Raghistan (Badakhshan) and Arghistan (Kandahar) share their consonants: the
    # province named right after the list tells which, though Kandahar comes later
    text = (
        "شهرستان‌های «کشم، راغستان و جرم» در بدخشان و «شاهولی کوت» در استان قندهار "
        "به دست طالبان افتاده است."
    )
    names = [name for name, _ in taken(extractor, text)]
    assert names[:3] == ["Kishim", "Rāghistān", "Jurm"]


def test_upper_lower_and_joined_districts(extractor: Extractor) -> None:
    # "بالای این ولایت": the ezafe after "upper"; no Indian Bhilai inside the name
    upper = "ولسوالی دره صوف بالای این ولایت صبح امروز به دست طالبان سقوط کرد."
    assert taken(extractor, upper) == [("Darah-ye Şūf-e Bālā", "Taliban")]
    # "شاهولی کوت": "شاه" joined to the next word is Shah Wali Kot
    shah = "طالبان ولسوالی شاهولی کوت در ولایت قندهار را تصرف کردند."
    assert taken(extractor, shah) == [("Shāh Walī Kōṯ", "Taliban")]
    # "یفتل" alone: the gazetteer has only Yaftal-e Sufla
    bare = "طالبان ولسوالی یفتل در ولایت بدخشان را تصرف کردند."
    assert taken(extractor, bare) == [("Yaftal-e Suflá", "Taliban")]


def test_handed_to_the_receiver(extractor: Extractor) -> None:
    text = "شهر لاچین طبق توافق روز دوشنبه به ارتش آذربایجان تحویل داده شد."
    [m] = [m for m in territory(extractor, text) if m.status is Status.OCCURRED]
    assert m.sub_event_type == "Non-violent transfer of territory"
    assert m.actor1 is not None and m.actor1.name == "Military Forces of Azerbaijan"


def test_countryside_of_a_city_locates_the_town(extractor: Extractor) -> None:
    # "ریف حلب": Aleppo's countryside locates the town, as "حومه" does
    text = "ارتش آزاد سوریه بر تل رفعت در ریف حلب مسلط شد."
    assert [name for name, _ in taken(extractor, text)] == ["Tall Rif‘at"]


def test_common_words_are_no_places(extractor: Extractor) -> None:
    # "شاخه زیتون" (Olive Branch), "نیروهای دولتی", "بخشی از": no villages abroad
    text = "نیروهای عملیات شاخه زیتون و نیروهای دولتی بخشی از مرز را بستند."
    found = find_places(extractor.gazetteer, fold(text), text, base=0)
    assert [f.match.place.name for f in found] == []


def test_afghan_district_over_a_namesake_abroad(extractor: Extractor) -> None:
    # "شهرستان قلعه زال": Iran's village "قلعه" is no match for the Afghan district
    text = "طالبان در حمله به شهرستان قلعه زال در شمال افغانستان این شهرستان را تصرف کردند."
    assert [name for name, _ in taken(extractor, text)] == ["Qal‘ah-ye Zāl"]


def test_whom_they_fought_lost_the_town(extractor: Extractor) -> None:
    # "با عناصر داعش درگیر شدند و شهر X را آزاد کردند": ISIS is who they fought
    text = (
        "نیروهای عراقی با پشتیبانی بسیج مردمی با عناصر داعش درگیر شدند و "
        "شهر الکرمه در شرق فلوجه را آزاد کردند."
    )
    assert taken(extractor, text) == [("Al-Karmah", "Military Forces of Iraq")]


def test_opposition_takes_from_the_state(extractor: Extractor) -> None:
    # "مخالفان" alone in a Syrian report: the armed opposition
    syria = "مخالفان کنترل شهر حماه را به دست گرفتند."
    [m] = territory(extractor, syria)
    assert m.actor1 is not None and m.actor1.name == "Free Syrian Army"
    assert m.sub_event_type == "Non-state actor overtakes territory"
    # "مخالفان دولت افغانستان": the state they oppose is who loses the district
    afghan = "مخالفان دولت افغانستان ولسوالی جلریز را تصرف کردند."
    [m] = territory(extractor, afghan)
    assert m.sub_event_type == "Non-state actor overtakes territory"
    assert m.actor2 is not None and m.actor2.name == "Military Forces of Afghanistan"


def test_militants_unnamed_take_from_the_army(extractor: Extractor) -> None:
    # "پیکارجویان" (militants) with no name: a non-state taker, though the army
    # that withdrew is named before the verb
    text = "پیکارجویان اسلامگرا با عقب‌نشینی ارتش سوریه شهر اریحا را تصرف کردند."
    [m] = territory(extractor, text)
    assert m.sub_event_type == "Non-state actor overtakes territory"
