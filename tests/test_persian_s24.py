"""Persian and Dari wording a second blind trial of real reports (session 24, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from conftest import read_persian
from test_persian_trial5 import DAY, changes, taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# changes(extractor, text, *statuses) and taken(extractor, text) read a report of
# 2021-07-04 (the fifth trial's helpers)


def test_a_tally_of_quarters_is_part_of_the_town(extractor: Extractor) -> None:
    # "۱۴ محله در غرب و مرکز شهر X را": quarters of the town, not the town
    text = "شورشیان مدعی شدند ۱۴ محله در غرب و مرکز شهر ادلب را به تصرف خود در آورده‌اند."
    assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    words = "جنگجویان طالبان سه ناحیه شهر فراه را تصرف کردند."
    assert taken(extractor, words) == []
    # guard: the town itself
    whole = "جنگجویان طالبان شهر فراه را تصرف کردند."
    assert taken(extractor, whole) == [("Farah", "Taliban")]


def test_the_holder_before_the_fall_does_not_take_it(extractor: Extractor) -> None:
    # "... که در اختیار دولت قرار داشت": who held the town before it fell lost it
    text = (
        "مقام‌ها سقوط شهر فراه را تأیید کردند که از آخرین شهرهایی بود که در اختیار "
        "دولت افغانستان قرار داشت."
    )
    assert taken(extractor, text) == [("Farah", None)]
    held = "شهر هرات که تحت کنترل دولت افغانستان بود، دیروز سقوط کرد."
    assert taken(extractor, held) == [("Herāt", None)]
    # guard: a holding told after the fall's word, as its outcome, names the taker
    after = "با سقوط شهر فیض آباد، شمار مراکز ولایات تحت کنترل طالبان به نه رسید."
    assert taken(extractor, after) == [("Fayzabad", "Taliban")]


def test_the_defender_of_a_fallen_town_lost_it(extractor: Extractor) -> None:
    text = (
        "سقوط شهر فراه، که نیروهای امنیتی افغان متعهد به دفاع از آن شده بودند، "
        "ضربه سختی به دولت است."
    )
    found = changes(extractor, text)
    assert [(m.place.place.name if m.place else None) for m in found] == ["Farah"]
    assert found[0].actor1 is None
    assert found[0].actor2 is not None and found[0].actor2.name == "Military Forces of Afghanistan"


def test_a_town_past_a_comma_after_the_verb_is_another_clause(extractor: Extractor) -> None:
    # "X هم سقوط کرد، شهر Y در محاصره": Y is besieged, not fallen
    text = "شهر فراه نیز سقوط کرد، شهر هرات در محاصره طالبان است."
    assert [p for p, _ in taken(extractor, text)] == ["Farah"]
    # guard: two towns before the verb both fell
    both = "شهرهای فراه و هرات به دست طالبان سقوط کرد."
    assert [p for p, _ in taken(extractor, both)] == ["Farah", "Herāt"]


def test_a_country_that_locates_or_owns_the_place_is_not_taken(extractor: Extractor) -> None:
    # "پایتخت داعش در سوریه": the country where the unnamed capital lies
    assert taken(extractor, "سقوط پایتخت خودخوانده داعش در سوریه") == []
    # "یازدهمین ولایت افغانستان": an unnamed province of the country
    ordinal = "طالبان امروز یازدهمین ولایت افغانستان را تصرف کردند."
    assert taken(extractor, ordinal) == []
    # the town taken stays, its country does not
    located = "شهر قندهار در جنوب افغانستان دیشب به تصرف طالبان درآمد."
    assert taken(extractor, located) == [("Kandahār", "Taliban")]
    # guard: the country as the object itself
    country = "طالبان کنترل افغانستان را به دست گرفتند."
    assert taken(extractor, country) == [("Afghanistan", "Taliban")]


def test_an_unknown_town_gives_no_country_level_takeover(extractor: Extractor) -> None:
    # a town the gazetteer does not know, by its head noun: not its country
    text = "شهر زرغونکلا هفته گذشته به دست نیروهای روسی افتاد."
    assert taken(extractor, text) == []


def test_a_prison_in_a_town_and_its_freed_inmates(extractor: Extractor) -> None:
    # the facility's town, with where it lies between, and prisoners set free
    text = (
        "دیشب ساختمان زندان قندهار درجنوب کشور به تصرف طالبان درآمد و زندانیان از این "
        "زندان آزاد شدند."
    )
    assert taken(extractor, text) == []
    # guard: the town freed
    freed = "شهر قندهار دیروز آزاد شد."
    assert [p for p, _ in taken(extractor, freed)] == ["Kandahār"]


def test_soon_announcing_a_freeing_is_expected(extractor: Extractor) -> None:
    text = "نخست‌وزیر عراق گفت: به‌زودی آزادسازی کامل تلعفر را اعلام می‌کنیم."
    assert taken(extractor, text) == []
    assert [m.status for m in changes(extractor, text, Status.EXPECTED)] == [Status.EXPECTED]
    days = "وزیر دفاع گفت ما طی چند روز آینده آزادسازی تلعفر را اعلام می‌کنیم."
    assert taken(extractor, days) == []
    # guard: the announcement made
    made = "نخست‌وزیر عراق آزادسازی کامل تلعفر را اعلام کرد."
    assert [p for p, _ in taken(extractor, made)] == ["Tall ‘Afar"]


def test_a_dispute_named_by_its_region_is_no_place_taken(extractor: Extractor) -> None:
    # "درباره مناقشه قره‌باغ": the dispute talked of; "نه شهرک و روستا": a tally
    text = (
        "رئیس‌جمهوری آذربایجان درباره مناقشه قره باغ گفت که ارتش این کشور نه شهرک و "
        "روستا را آزاد کرده است."
    )
    assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    # guard: a town of the region freed
    town = "ارتش آذربایجان اعلام کرد شهر جبرائیل در منطقه قره باغ را آزاد کرده است."
    assert taken(extractor, town) == [("Jabrayil", "Military Forces of Azerbaijan")]


def test_the_areas_a_side_holds_are_no_holding_of_the_town(extractor: Extractor) -> None:
    text = "سقوط شهر فراه مناطق تحت کنترل دولت افغانستان را به شرق کشور محدود کرد."
    assert [
        m
        for m in changes(extractor, text, Status.BACKGROUND)
        if m.actor1 is not None and m.actor1.name == "Military Forces of Afghanistan"
    ] == []
    # guard: a town held
    held = "شهر فراه که تحت کنترل دولت افغانستان است، دیروز هدف حمله قرار گرفت."
    assert [m.place.place.name for m in changes(extractor, held, Status.BACKGROUND) if m.place] == [
        "Farah"
    ]


def test_a_victory_over_a_group_is_its_loss(extractor: Extractor) -> None:
    # "پیروزی بر داعش و آزادسازی X": the group the victory is over loses X
    text = "وزیر دفاع عراق: پیروزی بر داعش و آزادسازی تلعفر"
    found = changes(extractor, text)
    assert [(m.actor1, m.actor2.name if m.actor2 else None) for m in found] == [(None, "ISIS")]


def test_avdiivka_as_dari_outlets_spell_it(extractor: Extractor) -> None:
    for name in ("اودییفکا", "آودیییفکا"):
        text = f"نیروهای روسی دیروز کنترل کامل شهر {name} را به دست گرفتند."
        assert [p for p, _ in taken(extractor, text)] == ["Avdiyivka"]


def test_the_running_month_is_not_the_next_one(extractor: Extractor) -> None:
    from datetime import date

    from sitrep.read.fa.dates import find_dates
    from sitrep.read.fa.text import fold

    # 8 Esfand 1402 (27 February 2024): Esfand is dated by its 15th (in March)
    found = find_dates(fold("اوایل ماه جاری").text, date(2024, 2, 27))
    assert [d.ref.value for d in found] == [date(2024, 2, 1)]
    # guard: later in the month the running month is the Jalali month's
    later = find_dates(fold("در ماه جاری").text, date(2024, 3, 10))
    assert [d.ref.value for d in later] == [date(2024, 3, 1)]


def test_villages_west_of_a_town_do_not_make_it_the_place(extractor: Extractor) -> None:
    # "از قریه‌های X و Y درغرب Z خارج شدند": Z only locates the villages left
    for west in ("درغرب", "در غرب"):
        text = (
            "سخنگوی اردوی اوکراین گفت سربازان اوکراینی از قریه‌های کالینوفکا و زرغونکلا "
            f"{west} آودیوکا خارج شدند."
        )
        assert changes(extractor, text) == []
    # guard: the town left
    town = "سخنگوی اردوی اوکراین گفت سربازان اوکراینی از شهر آودیوکا خارج شدند."
    assert [m.place.place.name for m in changes(extractor, town) if m.place] == ["Avdiyivka"]


def test_a_tally_taken_in_a_region_is_not_the_region(extractor: Extractor) -> None:
    text = (
        "رئیس‌جمهور آذربایجان گفت ارتش این کشور چند شهرک و روستا را از نیروهای ارمنستان "
        "در قره باغ کوهستانی پس گرفته است."
    )
    assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    # guard: a named town taken from the same side
    town = "ارتش آذربایجان شهر هادروت را از نیروهای ارمنستان پس گرفت."
    assert taken(extractor, town) == [("Hadrut", "Military Forces of Azerbaijan")]


def test_a_square_of_the_town_an_event_noun_takes(extractor: Extractor) -> None:
    text = "شبکه الجزیره از تسلط گروه تحریر الشام بر میدان اصلی شهر ادلب خبر داد."
    assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    # guard: the town
    town = "شبکه الجزیره از تسلط گروه تحریر الشام بر شهر ادلب خبر داد."
    assert taken(extractor, town) == [("Idlib", "Hayat Tahrir al-Sham")]


def test_a_reference_back_takes_the_side_told_later(extractor: Extractor) -> None:
    # the headline's fall names no taker; a later sentence does; "پیشروی‌های خود"
    # refers back to the fall
    text = (
        "سقوط فراه؛ ولایت دیگری به تصرف طالبان درآمد\n"
        "رئیس شورای ولایتی فراه گفت شهر فراه صبح امروز به دست جنگجویان طالبان افتاد.\n"
        "گروه طالبان با ادامه پیشروی‌های خود ولایت دیگری را به اشغال خود درآوردند."
    )
    refs = [m for m in read_persian(extractor, text, DAY) if m.reference and m.place]
    assert refs and all(m.actor1 is not None and m.actor1.name == "Taliban" for m in refs)


def test_rebel_groups_quoted_after_a_colon(extractor: Extractor) -> None:
    # "... نوشته است: گروه‌های شورشی ... مدعی شدند": the takers are rebels; the
    # state's army named nearby is not the taker
    text = (
        "ارتش سوریه شهر ادلب را بمباران کرد.\n"
        "الجزیره نوشته است: گروه‌های شورشی با صدور بیانیه مدعی شدند شهر سراقب را به "
        "اشغال کامل خود درآورده‌اند.\n"
        "ارتش سوریه با پشتیبانی هوایی مواضع آنها را هدف قرار داد."
    )
    found = changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
    assert [m.place.place.name for m in found if m.place] == ["Saraqib"]
    assert all(m.actor1 is None or m.actor1.kind != "state forces" for m in found)


def test_militiamen_written_with_a_space_are_no_army(extractor: Extractor) -> None:
    # "شبه نظامیان" (with a space, not a joiner): militiamen, not the state's forces
    text = "شبه نظامیان مخالف دولت از دیروز وارد شهر ادلب شده‌اند و کنترل آن را به دست گرفتند."
    found = changes(extractor, text, Status.OCCURRED, Status.CLAIMED, Status.BACKGROUND)
    assert all(m.actor1 is None or m.actor1.kind != "state forces" for m in found)


def test_m23_written_joined_or_with_a_joiner(extractor: Extractor) -> None:
    for name in ("ام‌۲۳", "ام۲۳", "جنبش ۲۳ مارس"):
        text = f"شورشیان {name} دیروز شهر گوما را تصرف کردند."
        assert taken(extractor, text) == [("Goma", "M23: March 23 Movement")], name
    # guard: a word that merely begins like it
    assert taken(extractor, "امام جمعه دیروز در شهر گوما سخنرانی کرد.") == []


def test_the_formal_light_verb_is_no_negation(extractor: Extractor) -> None:
    # "نمودند" (Dari and formal Persian "did"), not a negated "مودند"
    text = "طالبان دیروز بالای ولسوالی نرخ حمله کردند و آن را تصرف نمودند."
    assert taken(extractor, text) == [("Nirkh", "Taliban")]
    # guard: "ننمودند" is the negation
    denied = "طالبان دیروز ولسوالی نرخ را تصرف ننمودند."
    assert taken(extractor, denied) == []
    assert [m.status for m in changes(extractor, denied, Status.DENIED)] == [Status.DENIED]


def test_dari_wording_of_a_takeover(extractor: Extractor) -> None:
    cases = {
        # the Dari past of "افتادن"
        "ولسوالی نرخ دیروز به دست طالبان افتید.": ("Nirkh", "Taliban"),
        # gained control of
        "طالبان دیروز کنترول ولسوالی نرخ را به دست آوردند.": ("Nirkh", "Taliban"),
        # went under the control of
        "ولسوالی نرخ دیروز زیر کنترول طالبان رفت.": ("Nirkh", "Taliban"),
        # came into the hands of
        "شهر تالقان دیروز دوباره در اختیار دولت افغانستان قرار گرفت.": (
            "Taloqan",
            "Military Forces of Afghanistan",
        ),
        # set free, cleared of
        "قطعات اردوی ملی دیروز ولسوالی نرخ را آزاد ساختند.": (
            "Nirkh",
            "Military Forces of Afghanistan",
        ),
        "قوای امنیتی دیروز ولسوالی نرخ را از وجود طالبان پاک کردند.": (
            "Nirkh",
            "Military Forces of Afghanistan",
        ),
        # handed over to
        "ولسوالی نرخ دیروز بدون جنگ به طالبان تسلیم داده شد.": ("Nirkh", "Taliban"),
    }
    for text, want in cases.items():
        assert taken(extractor, text) == [want], text
    # guards: the same words of no place
    for text in (
        "سلاح‌های زیادی دیروز در اختیار نیروهای امنیتی قرار گرفت.",
        "مردم دیروز خیابان‌های شهر تالقان را پاک کردند.",
        "والی دیروز به شهر تالقان رفت.",
        "سربازان دیروز به طالبان تسلیم شدند.",
    ):
        assert taken(extractor, text) == [], text
