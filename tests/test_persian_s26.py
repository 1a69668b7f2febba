"""Persian and Dari wording a fourth blind trial of real reports (session 26, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from conftest import territory_changes
from test_persian_trial5 import changes, taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.text import split_sentences

# changes(extractor, text, *statuses) and taken(extractor, text) read a report of
# 2021-07-04 (the fifth trial's helpers)


def test_a_capital_apposed_without_a_comma_is_its_city(extractor: Extractor) -> None:
    # "کنترل دمشق پایتخت سوریه را": the capital's country describes it; Damascus is taken
    text = "مخالفان مسلح پس از ورود بدون مقاومت، کنترل دمشق پایتخت سوریه را در اختیار گرفتند."
    assert taken(extractor, text) == [("Damascus", "Free Syrian Army")]
    # the seat of a province, too
    seat = "طالبان کنترل شهر فیض‌آباد مرکز ولایت بدخشان را در اختیار گرفتند."
    assert taken(extractor, seat) == [("Fayzabad", "Taliban")]


def test_spellings_of_hama_and_sudzha(extractor: Extractor) -> None:
    # "حما" (without the final ه) as exile outlets write it; "سودژا" of Kursk
    hama = "مخالفان بشار اسد پس از عقب‌نشینی ارتش کنترل شهر حما را به دست گرفتند."
    assert taken(extractor, hama) == [("Ḩamāh", "Free Syrian Army")]
    sudzha = "ارتش روسیه کنترل شهر سودژا را دوباره به دست گرفت."
    assert taken(extractor, sudzha) == [("Sudzha", "Military Forces of Russia")]
    # guard: "حمایت" (support) holds the letters and names no town
    support = "روسیه از حمایت نظامی خود از دولت سوریه خبر داد."
    assert taken(extractor, support) == []


def test_a_taking_announced_as_a_noun_names_the_announcers_forces(extractor: Extractor) -> None:
    # "وزارت دفاع روسیه از تصرف X خبر داد": Russia's forces took it
    text = "وزارت دفاع روسیه امروز در اعلامیه‌ای از تصرف مجدد شهر سودژا خبر داد."
    assert taken(extractor, text) == [("Sudzha", "Military Forces of Russia")]
    # guard: freed "از اشغال داعش" (from the occupier who follows) is no taking by it
    freed = "نخست‌وزیر عراق از آزادسازی قریب‌الوقوع موصل از اشغال گروه تروریستی داعش خبر داد."
    assert ("Mosul", "ISIS") not in taken(extractor, freed)
    # guard: a reporter who announces it is no side
    reporter = "خبرنگار شبکه الجزیره از تصرف شهر سودژا خبر داد."
    assert [a for _, a in taken(extractor, reporter)] == [None]


def test_each_town_of_an_announced_list_is_taken(extractor: Extractor) -> None:
    # "از اشغال دو شهر X و Y خبر دادند": both towns
    text = "هیئت تحریر الشام از اشغال دو شهر حلفایا و صوران در حومه حماه خبر داد."
    assert taken(extractor, text) == [
        ("Ḩalfāyā", "Hayat Tahrir al-Sham"),
        ("Şūrān", "Hayat Tahrir al-Sham"),
    ]


def test_terrorist_groups_written_apart_are_a_rebel_side(extractor: Extractor) -> None:
    # "گروه های تروریستی" (with a space, not a ZWNJ): no state regains the town
    text = "گروه های تروریستی شهر حلفایا در حومه حماه را اشغال کردند."
    found = changes(extractor, text)
    assert [m.sub_event_type for m in found] == ["Non-state actor overtakes territory"]


def test_dari_went_out_of_a_town_is_a_withdrawal(extractor: Extractor) -> None:
    # Dari "بیرون شدند" (went out): the forces that leave lose the town
    text = "نیروهای دولتی از شهر فیض‌آباد، مرکز ولایت بدخشان، بیرون شدند."
    found = changes(extractor, text)
    assert [m.place.place.name for m in found if m.place] == ["Fayzabad"]
    assert found[0].actor2 is not None and found[0].actor2.name == "Military Forces of Afghanistan"
    # guard: a prisoner who goes out of a prison leaves no place to anyone
    prisoner = "این زندانی دیروز از زندان پلچرخی در شهر کابل بیرون شد."
    assert (
        territory_changes(
            changes(extractor, prisoner, Status.OCCURRED, Status.CLAIMED),
            Status.OCCURRED,
            Status.CLAIMED,
        )
        == []
    )


def test_the_largest_town_of_a_place_is_another_town(extractor: Extractor) -> None:
    # "بزرگترین شهر کورسک": a town of the Kursk region, not Kursk itself
    text = "وزارت دفاع روسیه امروز از تصرف بزرگترین شهر کورسک خبر داد."
    assert [p for p, _ in taken(extractor, text)] == []
    # guard: the town named before its description is taken
    named = "ارتش سوریه کنترل حلب، دومین شهر بزرگ سوریه را به دست گرفت."
    assert taken(extractor, named) == [("Aleppo", "Military Forces of Syria")]


def test_a_period_without_its_space_ends_a_sentence() -> None:
    # ".مخالفان": a copied text lost the space after the period
    text = "ارتش واحدهای خود را در خارج شهر مستقر می‌کند.مخالفان زندان شهر را تصرف کرده‌اند."
    assert [text[s.span.start : s.span.end] for s in split_sentences(text)] == [
        "ارتش واحدهای خود را در خارج شهر مستقر می‌کند.",
        "مخالفان زندان شهر را تصرف کرده‌اند.",
    ]
    # guards: abbreviations and decimals keep their sentence
    for whole in ("این رویداد در سال ۱۳۹۸ ه.ش رخ داد", "نرخ تورم به ۳.۵ درصد رسید"):
        assert len(split_sentences(whole)) == 1


def test_not_in_a_position_to_take_a_city_is_no_taking(extractor: Extractor) -> None:
    # "در شرایط تصرف کابل نیستند", "قادر به تصرف": an ability denied, nothing taken
    for text in (
        "وزارت خارجه روسیه: طالبان در شرایط تصرف کابل نیستند",
        "به گفته این مقام، طالبان قادر به تصرف شهر کابل نیستند.",
    ):
        assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    # guard: the taking told plainly
    assert taken(extractor, "طالبان شهر کابل را تصرف کردند.") == [("Kabul", "Taliban")]


def test_an_agent_past_a_that_clause_is_another_verbs(extractor: Extractor) -> None:
    # "سقوط غزنی به دست طالبان ... گفت که والی از سوی نیروهای امنیتی بازداشت شد"
    text = (
        "امروز در پی سقوط شهر غزنی به دست طالبان، وزارت داخله گفت که والی این ولایت "
        "از سوی نیروهای امنیتی بازداشت شده است."
    )
    assert taken(extractor, text) == [("Ghazni", "Taliban")]


def test_a_police_command_listed_with_a_building_is_taken_not_taking(
    extractor: Extractor,
) -> None:
    # "فرماندهی پلیس و مقر استانداری هرات را تصرف کرده‌اند": the police lose
    text = (
        "سخنگوی طالبان مدعی شد که افراد این گروه فرماندهی پلیس و مقر استانداری هرات را "
        "به طور کامل تصرف کرده‌اند."
    )
    found = changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
    assert [m.actor1.name if m.actor1 else None for m in found] == ["Taliban"]


def test_the_country_of_an_army_whose_base_fell_is_not_taken(extractor: Extractor) -> None:
    # "مقر ارتش پامیر افغانستان": the army's country, not the place taken
    text = "یک مقر ارتش پامیر افغانستان در نزدیکی فرودگاه به تصرف طالبان درآمد."
    assert [p for p, _ in taken(extractor, text)] == []
    # guard: the country's town after the base is still read where it is the place
    town = "طالبان شهر قندوز در شمال افغانستان را تصرف کردند."
    assert taken(extractor, town) == [("Kunduz", "Taliban")]


def test_rapid_reaction_forces_outside_sudan_are_not_the_rsf(extractor: Extractor) -> None:
    # Iraq's "نیروهای واکنش سریع" (its rapid reaction forces) are not Sudan's RSF
    text = "ارتش عراق و نیروهای واکنش سریع صبح امروز کنترل کامل شهر تلعفر را به دست گرفتند."
    assert "Rapid Support Forces" not in [a for _, a in taken(extractor, text)]
    # guard: in Sudan the words name the RSF
    sudan = "نیروهای واکنش سریع کنترل کامل شهر الفاشر را به دست گرفتند."
    assert taken(extractor, sudan) == [("El Fasher", "Rapid Support Forces")]


def test_who_is_forced_to_withdraw_loses_the_town(extractor: Extractor) -> None:
    # "X را وادار به عقب‌نشینی از Y کردند": X (the object) leaves Y, the subject gains it
    text = "نیروهای حشد الشعبی عناصر داعش را وادار به عقب‌نشینی از شهر تلعفر کردند."
    found = changes(extractor, text)
    assert [(m.actor1.name if m.actor1 else None) for m in found] == ["Popular Mobilization Forces"]
    assert found[0].actor2 is not None and found[0].actor2.name == "ISIS"
    # an operation's target is not where the withdrawal was
    operation = (
        "پیشروی نیروهای داوطلب مردمی عراق در عملیات آزادسازی موصل عناصر داعش را وادار به "
        "عقب‌نشینی کرده است."
    )
    assert changes(extractor, operation) == []


def test_a_town_in_whose_neighbourhood_a_district_lies_is_not_taken(
    extractor: Extractor,
) -> None:
    # "ولسوالی ناوه در همسایگی شهر لشکرگاه": the district is taken, not Lashkar Gah;
    # and the Nawa of Helmand the sentence names, not Ghazni's
    text = (
        "مقام‌های ولایت هلمند اعلام کردند که کنترل مرکز ولسوالی ناوه در همسایگی شهر لشکرگاه "
        "به دست نیروهای امنیتی افغان افتاده است."
    )
    assert [p for p, _ in taken(extractor, text)] == ["Nāwah-ye Bārakzaī"]
    # guard: without a province named, the gazetteer's district stands
    ghazni = "طالبان ولسوالی ناوه ولایت غزنی را تصرف کردند."
    assert taken(extractor, ghazni) == [("Nāwah", "Taliban")]


def test_an_entry_by_one_front_or_losses_inflicted_take_nothing(extractor: Extractor) -> None:
    # "از محور غربی وارد تلعفر شدند": one front of an assault; "تلفاتی وارد شد": losses
    for text in (
        "نیروهای ارتش عراق صبح امروز از محور غربی وارد شهر تلعفر شدند.",
        "در نتیجه عملیات نیروهای ویژه در لشکرگاه، به طالبان تلفاتی وارد شده است.",
    ):
        assert changes(extractor, text, Status.OCCURRED, Status.CLAIMED) == []
    # guard: an entry told plainly by a known side
    assert taken(extractor, "ارتش عراق امروز وارد شهر تلعفر شد.") == [
        ("Tall ‘Afar", "Military Forces of Iraq")
    ]


def test_the_town_a_count_starts_after_is_not_taken_again(extractor: Extractor) -> None:
    # "بعد از حلب این دومین شهری است که ... تصرف کرده‌اند": Aleppo is counted from
    text = "بعد از حلب این دومین شهر بزرگی است که مخالفان در یک هفته اخیر تصرف کرده‌اند."
    assert ("Aleppo", "Free Syrian Army") not in taken(extractor, text)
    # guard: the town taken after Aleppo is read
    after = "مخالفان بعد از حلب، شهر حماه را تصرف کردند."
    assert taken(extractor, after) == [("Ḩamāh", "Free Syrian Army")]


def test_a_town_handed_over_to_a_side_is_its(extractor: Extractor) -> None:
    # Dari "شهر X را به طالبان تسلیم کردند" (handed the town over to)
    text = "مقامات محلی شهر ایبک را بدون جنگ به طالبان تسلیم کردند."
    assert taken(extractor, text) == [("Aībak", "Taliban")]
    # guard: arms handed over are no town
    arms = "صدها سرباز سلاح‌های خود را در ولسوالی خنجان به طالبان تسلیم کردند."
    assert taken(extractor, arms) == []


def test_hazm_is_a_town_after_its_head_noun(extractor: Extractor) -> None:
    # "شهر حزم": al-Hazm of al-Jawf; "حزم" alone is resolve
    text = "انصارالله کنترل کامل شهر حزم مرکز استان الجوف را به دست گرفت."
    assert taken(extractor, text) == [("Al Ḩazm", "Houthi Movement (Ansar Allah)")]
    assert taken(extractor, "فرمانده با حزم و اراده به کار خود ادامه داد.") == []
