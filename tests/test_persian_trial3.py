"""The Persian reader on constructions met in a third trial on real Persian and Dari
reports (issue 12): "بدست" written joined, "در اختیار گرفتند" and the Dari "در
کنترول گرفتند", opponents of a government named by it, a town named only as a
facility's or as the whole some areas of which were taken, tallies as the object,
occupied areas as a state, "لحظاتی پیش از ... خبر دادند".

And in a fourth: a head noun after another ("روستای شهرستان X"),
"سال روان" and the Dari month names,
"سال گذشته در تاریخ X", two-word subjunctives,
an advance that takes nothing, "موفق به پاکسازی X",
a district of "این ولایت", "داعشی ها",
the opponents of a regime and the holder of a post.

And in a fifth: a town "واقع در حومه" of another (where it lies, not a part of it
taken), villages taken "به نزدیکی‌های" or "در حومه جنوب شرقی" of a town, a tally in
words ("صد و هشتاد ولسوالی"), a self-styled republic's name, an agency's dateline
("از کابل،"), and the Iranian "شهرستان‌های «X» در استان Y، «Z» در W" with "این
شهرستان‌ها" after it.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.dates import find_dates
from sitrep.read.fa.places import find_places
from sitrep.read.fa.text import fold
from sitrep.read.typology import TERRITORY_SUB_TYPES

DAY = date(2024, 12, 7)
NOV_9 = date(2022, 11, 9)
JUN_13 = date(2021, 6, 13)


def territory(extractor: Extractor, text: str, published: date = DAY) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=published)
    return [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def changes(extractor: Extractor, text: str, published: date = DAY) -> list[tuple[str, str | None]]:
    """(place name, gaining actor) of a text's takeovers told as having happened."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in territory(extractor, text, published)
        if m.status is Status.OCCURRED and m.place
    ]


def test_the_joined_preposition_of_bedast(extractor: Extractor) -> None:
    # "بدست" for "به دست": after "کنترل", and as the agent of a fall
    took = changes(extractor, "ارتش عراق پس از سه روز نبرد کنترل شهر تکریت را بدست گرفت.")
    assert [a for _, a in took] == ["Military Forces of Iraq"]
    fell = changes(extractor, "شهر قندوز روز دوشنبه بدست طالبان افتاد.")
    assert [a for _, a in fell] == ["Taliban"]


def test_taken_into_their_hands(extractor: Extractor) -> None:
    # "در اختیار گرفتند" (Iranian) and "در کنترول شان گرفته اند" (Dari)
    said = "نیروهای دولتی سوریه صبح امروز کنترل شهر درعا را در اختیار گرفتند."
    assert [a for _, a in changes(extractor, said)] == ["Military Forces of Syria"]
    dari = "طالبان ولسوالی درزاب را بدون جنگ در کنترول شان گرفته اند."
    assert [a for _, a in changes(extractor, dari, date(2019, 12, 31))] == ["Taliban"]
    # documents or a building taken in hand are no place taken
    assert not territory(extractor, "مقام‌ها اسناد را در اختیار گرفتند.")
    building = "سربازان وارد شهر موصل شدند و ساختمان استانداری را در اختیار گرفتند."
    assert not any("اختیار" in m.trigger for m in territory(extractor, building))


def test_opponents_of_a_government_are_not_its_forces(extractor: Extractor) -> None:
    text = "گروه‌های مسلح مخالف حکومت سوریه دیشب شهر تلبیسه را تصرف کردند."
    assert [a for _, a in changes(extractor, text)] == ["Free Syrian Army"]
    deterrence = "نیروهای ردع العدوان شهر حماه را به کنترل خود درآوردند."
    assert [a for _, a in changes(extractor, deterrence)] == ["Hayat Tahrir al-Sham"]


def test_iraqi_joint_forces(extractor: Extractor) -> None:
    text = "نیروهای مشترک عراق کنترل شهر کرکوک را به دست گرفتند."
    assert [a for _, a in changes(extractor, text, date(2017, 10, 16))] == [
        "Military Forces of Iraq"
    ]


def test_a_first_name_is_no_town(extractor: Extractor) -> None:
    # "بشار" is Béchar in Algeria only as "شهر بشار"
    text = "شورشیان کنترل شهر درعا، خاستگاه اعتراض‌ها به بشار اسد، را به دست گرفتند."
    names = [n for n, _ in changes(extractor, text)]
    assert names and not any("char" in n for n in names)


def test_some_areas_of_a_town_are_not_the_town(extractor: Extractor) -> None:
    text = "شورشیان سوری شهرک الرستن و برخی مناطق شمالی حمص را تصرف کردند."
    names = [n for n, _ in changes(extractor, text)]
    assert names and "Homs" not in names


def test_a_town_named_only_by_its_facility(extractor: Extractor) -> None:
    refinery = "نیروهای عراقی روستاهای الحجاج و پالایشگاه بیجی را به کنترل خود درآوردند."
    assert not any(
        n.startswith("Bayj") for n, _ in changes(extractor, refinery, date(2015, 10, 20))
    )
    posts = "افراد مسلح القاعده پاسگاه‌های پلیس زنجبار در ابین را در اختیار گرفتند."
    assert not changes(extractor, posts, date(2015, 12, 2))


def test_a_tally_is_not_the_town_of_the_operation(extractor: Extractor) -> None:
    # the operation to free Tal Afar began; since then dozens of villages were freed
    text = (
        "عملیات آزادسازی تلعفر روز یکشنبه آغاز شد و نیروهای عراقی از آن زمان تاکنون "
        "ده‌ها روستا و منطقه را آزاد کردند."
    )
    assert not changes(extractor, text, date(2017, 8, 24))
    area = "نیروهای عراقی بیش از دو هزار کیلومتر مربع از اطراف شهر بیجی را آزاد کردند."
    assert not changes(extractor, area, date(2015, 10, 20))


def test_occupied_areas_are_a_state(extractor: Extractor) -> None:
    text = "ارتش عراق آماده پیشروی به سوی مناطق اشغال شده توسط داعش در غرب موصل است."
    assert not changes(extractor, text, date(2017, 8, 1))


def test_moments_ago_they_announced_the_freeing(extractor: Extractor) -> None:
    # "لحظاتی پیش": moments ago, not "before" the freeing
    text = "فرماندهان حشد الشعبی لحظاتی پیش از آزادی کامل شهر بیجی خبر دادند."
    ms = territory(extractor, text, date(2015, 10, 20))
    assert [m.status for m in ms] == [Status.OCCURRED]
    assert ms[0].place is not None and ms[0].place.place.name.startswith("Bayj")
    # "ساعاتی پیش از سقوط شهر" with no announcement is still a time before the fall
    before = "فرماندار ساعاتی پیش از سقوط شهر قندوز آن را ترک کرده بود."
    assert Status.OCCURRED not in [m.status for m in territory(extractor, before)]


def test_a_town_in_a_later_clause_is_not_taken(extractor: Extractor) -> None:
    # the province before the verb fell; Kunduz is where fighting grew (after "حال آنکه")
    text = (
        "مرکز ولایت جوزجان به تصرف طالبان درآمده حال آنکه جنگ در ولایت‌های تخار و "
        "قندوز شدت گرفته است."
    )
    names = [n for n, _ in changes(extractor, text, date(2021, 8, 7))]
    assert names and "Kunduz" not in names


def test_a_withdrawal_leaves_the_town_to_the_state_that_advances(extractor: Extractor) -> None:
    text = (
        "ارتش اوکراین اعلام کرد که نیروهایش از شهر آودیییفکا عقب نشینی کردند. "
        "کارشناسان این عقب نشینی را نتیجه پیشروی روسیه در ماه‌های گذشته می‌دانند."
    )
    ms = [m for m in territory(extractor, text, date(2024, 2, 17)) if m.status is Status.OCCURRED]
    assert ms and all(m.actor1 and m.actor1.name == "Military Forces of Russia" for m in ms)


def test_the_year_of_another_event_does_not_date_the_takeover(extractor: Extractor) -> None:
    # "the 2011 uprising" names the uprising's year; the town fell on the day of the news
    text = "شورشیان کنترل شهر درعا، خاستگاه انقلاب سال ۲۰۱۱، را به دست گرفتند."
    ms = [m for m in territory(extractor, text) if m.status is Status.OCCURRED]
    assert ms and all(m.time and m.time.value == DAY for m in ms)


def test_the_dari_passive_gardid_is_past(extractor: Extractor) -> None:
    text = "ولسوالی سنگین ولایت هلمند به صورت کامل از وجود مخالفان پاکسازی گردید."
    ms = territory(extractor, text, date(2017, 3, 1))
    assert [m.status for m in ms] == [Status.OCCURRED]


def test_a_groups_spokesman_tells_its_own_clearing(extractor: Extractor) -> None:
    # the Taliban's word "تصفیه" (cleared), passive, told by their spokesman
    text = "سخنگوی طالبان در پیامی نوشت که ولسوالی اندراب بغلان به طور کامل تصفیه گردید."
    assert [a for _, a in changes(extractor, text, date(2021, 8, 30))] == ["Taliban"]


def test_the_second_word_of_a_listed_district_is_no_town_abroad(extractor: Extractor) -> None:
    # "پل حصار" in a list after "ولسوالی‌های": not India's Hisar
    text = "طالبان ولسوالی‌های بنو، پل حصار و ده صلاح را دوباره تصرف کردند."
    names = [m.place.place.name for m in territory(extractor, text, date(2021, 8, 23)) if m.place]
    assert "Hisar" not in names


def test_came_under_control_with_dar(extractor: Extractor) -> None:
    # "در کنترل X درآمد" as "تحت کنترل X درآمد": X took the place
    text = "ولسوالی خنجان پس از دو روز جنگ در کنترل امارت اسلامی درآمد."
    assert [a for _, a in changes(extractor, text, date(2021, 8, 20))] == ["Taliban"]


def test_a_district_of_this_province_is_the_object(extractor: Extractor) -> None:
    # "ولسوالی درزاب این ولایت را ترک کردند": Darzab of the province told before
    text = "سربازان ارتش ملی ولسوالی درزاب این ولایت را ترک کرده اند."
    ms = territory(extractor, text, date(2019, 12, 31))
    assert [m.place.place.name for m in ms if m.place] == ["Darzāb"]


def test_the_name_after_a_list_of_districts_is_their_province(extractor: Extractor) -> None:
    # "بغلان" after the list is the province, not Baghlan town
    text = (
        "به گزارش یک خبرگزاری، سخنگوی طالبان در پیامی نوشت: ولسوالی‌های بنو، پل حصار و "
        "ده صلاح بغلان به گونه کامل تصفیه گردید."
    )
    names = [m.place.place.name for m in territory(extractor, text, date(2021, 8, 23)) if m.place]
    assert not any(n.startswith("Baghl") for n in names)


def test_the_dari_going_out_is_a_leaving(extractor: Extractor) -> None:
    # "با بیرون شدن نیروهای امنیتی ...، طالبان ...": the forces leaving lose the district
    text = "با بیرون شدن نیروهای امنیتی از این ولسوالی، طالبان ولسوالی درزاب را تصرف کردند."
    assert [a for _, a in changes(extractor, text, date(2019, 12, 31))] == ["Taliban"]


def test_a_head_noun_after_another_names_no_place(extractor: Extractor) -> None:
    text = "ارتش آذربایجان گفت سه روستای شهرستان «فضولی» از اشغال نیروهای ارمنی آزاد شده است."
    names = [m.place.place.name for m in territory(extractor, text) if m.place]
    assert names and not any(n.startswith("Shahrest") for n in names)


def test_the_current_year_and_dari_months(extractor: Extractor) -> None:
    text = "شهر خرسون به تاریخ ۲۶ فبروری سال روان به تصرف نیروهای روسی در آمد."
    found = [
        (m.place.place.name, m.time.value) for m in territory(extractor, text, NOV_9) if m.place
    ]
    assert found and all(n == "Kherson" for n, _ in found)
    assert {t for _, t in found} == {date(2022, 2, 26)}
    for month, number in (("جنوری", 1), ("اپریل", 4), ("سپتمبر", 9), ("دسمبر", 12)):
        matches = find_dates(fold(f"روز ۳ {month} ۲۰۱۹").text, NOV_9)
        assert [m.ref.value for m in matches] == [date(2019, number, 3)]


def test_last_year_before_a_day(extractor: Extractor) -> None:
    matches = find_dates(fold("سال گذشته در تاریخ ۱۵ آگوست").text, date(2022, 8, 14))
    assert [m.ref.value for m in matches][-1:] == [date(2021, 8, 15)]
    # without it the day is this year's
    matches = find_dates(fold("در تاریخ ۱۰ آگوست").text, date(2022, 8, 14))
    assert [m.ref.value for m in matches] == [date(2022, 8, 10)]


def test_a_two_word_subjunctive_is_no_taking(extractor: Extractor) -> None:
    text = "شبه‌نظامیان تلاش کردند شهرک الرستن را به تصرف خود در آورند."
    assert not changes(extractor, text)


def test_an_advance_in_a_town_takes_nothing(extractor: Extractor) -> None:
    assert not changes(extractor, "نیروهای ارتش یمن دیروز در شهر مأرب پیشروی کردند.")


def test_succeeded_in_clearing_a_town(extractor: Extractor) -> None:
    text = "نیروهای ارتش سوریه موفق به پاکسازی کامل تدمر از داعش شدند."
    assert changes(extractor, text) == [("Tadmur", "Military Forces of Syria")]


def test_the_district_of_this_province(extractor: Extractor) -> None:
    text = "ولسوالی سنگین این ولایت هلمند شام دیروز توسط طالبان سقوط کرد."
    assert [n for n, _ in changes(extractor, text)] == ["Sangīn"]


def test_isis_men_lose_the_town(extractor: Extractor) -> None:
    text = "شهر فلوجه دیروز از کنترول داعشی ها آزاد گردید."
    took = territory(extractor, text)
    assert took and all(m.actor1 is None or m.actor1.name != "ISIS" for m in took)
    assert any(m.actor2 is not None and m.actor2.name == "ISIS" for m in took)


def test_opponents_of_a_regime_and_a_police_post(extractor: Extractor) -> None:
    text = "مخالفان مسلح رژیم سوریه پس از تصرف پاسگاه مرکزی پلیس، شهر حماه را تصرف کردند."
    assert [a for _, a in changes(extractor, text)] == ["Free Syrian Army"]


def test_a_spelling_without_its_zwnj(extractor: Extractor) -> None:
    # "قرهباغ" for "قره‌باغ" (the ZWNJ lost in a copy) is Karabakh, not an Afghan town
    text = "درگیری‌ها در قرهباغ ادامه دارد."
    found = find_places(extractor.gazetteer, fold(text), text, base=0)
    assert [p.match.place.name for p in found] == ["Nagorno-Karabakh"]


def test_a_president_speaks_for_his_forces(extractor: Extractor) -> None:
    text = "الهام علی‌اف رئیس‌جمهوری آذربایجان امروز اعلام کرد که شهر شوشا آزاد شده است."
    assert changes(extractor, text, date(2020, 11, 8)) == [
        ("Shusha", "Military Forces of Azerbaijan")
    ]


def test_a_district_of_a_province(extractor: Extractor) -> None:
    text = "طالبان دیروز کنترل ولسوالی اشکمش از توابع ولایت تخار را به دست گرفتند."
    assert [n for n, _ in changes(extractor, text, date(2021, 6, 12))] == ["Ishkamish"]


def test_persian_names_of_karabakh_and_afghan_places(extractor: Extractor) -> None:
    hadrut = "نیروهای آذربایجان شهر هادروت را تصرف کردند."
    assert [n for n, _ in changes(extractor, hadrut, date(2020, 10, 9))] == ["Hadrut"]
    waygal = "نیروهای امنیتی ولسوالی وانت وایگل را از طالبان پس گرفتند."
    assert [n for n, _ in changes(extractor, waygal, date(2020, 8, 4))] == ["Wāygal"]


def test_an_unknown_county_after_an_event_noun(extractor: Extractor) -> None:
    # "شهرستان «X»" the gazetteer does not know: not its country instead
    text = (
        "وزیر دفاع جمهوری آذربایجان روز جمعه در باکو سخن گفت.\n"
        "علی اف همچنین چند روز پیش درباره آزاد سازی مرکز شهرستان « قره‌خانلی» این کشور "
        "و چند روستای این شهرستان خبر داد."
    )
    took = territory(extractor, text, date(2020, 10, 9))
    assert not [m for m in took if m.place and m.place.place.name == "Azerbaijan"]


def test_a_tally_after_an_event_noun(extractor: Extractor) -> None:
    # the areas freed lie in Karabakh: the region was not freed whole
    text = (
        "ارتش آذربایجان وارد عملیات تازه‌ای شد. رئیس‌جمهوری آذربایجان از آزادسازی چند "
        "منطقه دیگر از اشغال نیروهای ارمنی در منطقه قره‌باغ خبر داد."
    )
    assert not changes(extractor, text, date(2020, 10, 9))
    assert changes(extractor, "ارتش سوریه از آزادسازی شهر تدمر خبر داد.", date(2017, 3, 2))


def test_no_sign_of_a_withdrawal_seen(extractor: Extractor) -> None:
    text = (
        "فرماندهان اوکراینی می‌گویند نشانه‌ای از عقب نشینی نیروهای روسی از شهر خرسون را "
        "مشاهده نکرده اند."
    )
    assert not changes(extractor, text, NOV_9)


def test_a_place_with_the_conjunction_joined(extractor: Extractor) -> None:
    # "مورک وکفرزیتا": the last of a list written with its "و" joined to the name
    text = "روستاهای مورک وکفرزیتا در شمال حماه روز شنبه به دست ارتش سوریه آزاد شد."
    took = changes(extractor, text)
    assert sorted(p for p, _ in took) == ["Kafr Zaytā", "Mūrak"]
    assert {a for _, a in took} == {"Military Forces of Syria"}
    # a word beginning with "و" after a place is no place: "حلب وزیر" keeps Aleppo only
    alone = "شهر حلب وزیر دفاع را پذیرفت."
    assert [
        f.match.place.name for f in find_places(extractor.gazetteer, fold(alone), alone, base=0)
    ] == ["Aleppo"]
    # and a name that is no list's last stays unread: "وکفرزیتا" with nothing before
    lone = "وکفرزیتا آرام است."
    assert find_places(extractor.gazetteer, fold(lone), lone, base=0) == []


def test_the_list_after_a_plural_head_ends_the_cities(extractor: Extractor) -> None:
    # a town of an earlier event before the list: each of the list is a place
    text = (
        "پس از سقوط شهر خان شیخون در جنوب استان ادلب، دیگر شهرک‌های اللطامنه، لطمین،"
        " مورک و کفرزیتا هم به دست ارتش سوریه آزاد شد."
    )
    assert {"Kafr Zaytā", "Mūrak"} <= {p for p, _ in changes(extractor, text)}


def test_taken_into_hand_with_the_region_between(extractor: Extractor) -> None:
    # "X را در منطقه قره باغ در اختیار گرفت": the region named between object and verb
    text = "ارتش جمهوری آذربایجان روز جمعه شهرک هادروت را در منطقه قره باغ در اختیار گرفت."
    assert changes(extractor, text) == [("Hadrut", "Military Forces of Azerbaijan")]


def test_a_head_of_government_stands_for_the_state(extractor: Extractor) -> None:
    # "صدراعظم عراق" / "نخست وزیر عراق" before the change: Iraq's forces gain it
    dari = (
        "صدراعظم عراق امروز بیرق را در شهر فلوجه بلند کرد که هفته گذشته از کنترول داعش آزاد گردید."
    )
    assert [a for _, a in changes(extractor, dari)] == ["Military Forces of Iraq"]
    said = "نخست وزیر عراق در شهر رمادی حضور یافت که دیروز از تسلط داعش آزاد شد."
    assert [a for _, a in changes(extractor, said)] == ["Military Forces of Iraq"]


def test_a_town_lying_in_the_outskirts_of_another(extractor: Extractor) -> None:
    # "واقع در حومه شرقی ادلب" says where the town lies: it was entered, not a part
    text = (
        "یگان‌های ارتش سوریه موفق شدند پس از درگیری‌های سنگین، به شهر سراقب واقع در"
        " حومه شرقی ادلب وارد شوند."
    )
    assert [a for _, a in changes(extractor, text)] == ["Military Forces of Syria"]
    # into the outskirts of a town is still only part of it
    outskirts = "یگان‌های ارتش سوریه وارد حومه شرقی شهر سراقب شدند."
    assert changes(extractor, outskirts) == []


def test_villages_near_or_in_the_outskirts_of_a_town(extractor: Extractor) -> None:
    # the villages (unknown to the gazetteer) are taken, not the town they are near
    near = "ارتش سوریه روستاهای الفلان و البهمان را آزاد کرد و به نزدیکی‌های شهر سراقب رسید."
    assert changes(extractor, near) == []
    around = "ارتش سوریه روستاهای الفلان و البهمان در حومه جنوب شرقی حلب را آزاد کرد."
    assert changes(extractor, around) == []
    # a town named in its own outskirts' province is still taken
    own = "ارتش سوریه شهر سراقب در حومه ادلب را آزاد کرد."
    assert [a for _, a in changes(extractor, own)] == ["Military Forces of Syria"]


def test_a_tally_in_words_is_no_takeover(extractor: Extractor) -> None:
    text = "طالبان مدعی است بیش از صد و هشتاد ولسوالی افغانستان را به کنترل خود درآورده است."
    assert territory(extractor, text, JUN_13) == []
    five = "پنج شهرستان در استان‌های شمالی افغانستان دیشب به دست طالبان سقوط کرد."
    assert changes(extractor, five, JUN_13) == []


def test_a_town_in_a_self_styled_republics_name(extractor: Extractor) -> None:
    # the town taken is the one the report told of, not the republic's namesake
    text = (
        "جدایی طلبان هوادار روسیه از جمهوری خودخوانده مردم دونتسک روز شنبه گفته بودند که شهر را"
        " که گره راه آهن در شمال باخموت است، به طور کامل تصرف کرده اند."
    )
    assert not any(p == "Donetsk" for p, _ in changes(extractor, text, date(2022, 7, 2)))


def test_an_agencys_dateline_is_not_the_place(extractor: Extractor) -> None:
    text = "به گزارش خبرگزاری ایرنا، از کابل، ولسوالی تولک دیشب به دست طالبان سقوط کرد."
    assert changes(extractor, text, JUN_13) == [("Tūlak", "Taliban")]


def test_iranian_county_list_with_where_each_lies(extractor: Extractor) -> None:
    # "شهرستان‌های «X» در استان Y، «Z» در W و «V»": each quoted district (one unknown to
    # the gazetteer between), the provinces only locate them; "این شهرستان‌ها" after
    text = (
        "مقام‌های محلی گفتند نیروهای دولتی از شهرستان‌های «تولک» در استان غور، «ناشناس» در"
        " هرات و «لاش جوین» در استان فراه عقب‌نشینی کرده‌اند و مراکز این شهرستان‌ها به دست"
        " طالبان افتاده است."
    )
    took = changes(extractor, text, JUN_13)
    assert sorted(p for p, _ in took) == ["Lāsh-e Juwayn", "Tūlak"]
    assert {a for _, a in took} == {"Taliban"}


def test_a_done_takeover_is_not_dated_after_the_report(extractor: Extractor) -> None:
    # a day and month with no year that would fall after publication, told as done,
    # is last year's: an anniversary piece published the day before
    text = "طالبان در ۱۵ اگوست وارد کابل شدند و کنترل شهر را به دست گرفتند."
    assert changes(extractor, text, date(2022, 8, 14)) == []
    dated = [m.time.value for m in territory(extractor, text, date(2022, 8, 14)) if m.time]
    assert dated and all(d.year == 2021 for d in dated)
    # the same day published the same day stays this year's news
    same = "طالبان روز ۸ اگست کنترل شهر قندوز را به دست گرفتند."
    assert changes(extractor, same, date(2021, 8, 8)) == [("Kunduz", "Taliban")]


def test_taken_into_hand_a_long_list_of_quoted_names(extractor: Extractor) -> None:
    # "قصبه «X» و نیز روستاهای «Y» ، «Z» ... را در اختیار گرفت": the quoted list is the
    # object however long it runs
    text = (
        "ارتش جمهوری آذربایجان روز جمعه قصبه « هادروت » و نیز روستاهای «الفلان» ، « البهمان»،"
        " « الفلانی » ، «البهمانی» و «الفلانیه» را در منطقه قره باغ در اختیار گرفت."
    )
    assert changes(extractor, text, date(2020, 10, 9)) == [
        ("Hadrut", "Military Forces of Azerbaijan")
    ]
    # quoted buildings are no town taken
    building = "سربازان ساختمان‌های «الفلان» و «البهمان» در هادروت را در اختیار گرفتند."
    assert changes(extractor, building, date(2020, 10, 9)) == []


def test_a_district_named_with_and_inside(extractor: Extractor) -> None:
    # "ولسوالی تاله و برفک": one district whose name holds "و"
    text = "وزارت دفاع افغانستان گفت ارتش ملی ولسوالی تاله و برفک بغلان را از طالبان پس گرفت."
    assert changes(extractor, text, date(2018, 5, 17)) == [
        ("Tālah wa Barfak", "Military Forces of Afghanistan")
    ]


def test_lower_district_and_its_province(extractor: Extractor) -> None:
    # "یفتل پایین" is the gazetteer's Yaftal-e Suflá ("سفلی"); "در ولایت بدخشان" after
    # a district only locates it
    text = "ولسوالی یفتل پایین در ولایت بدخشان دیروز به کنترل نیروهای دولتی افغانستان درآمد."
    assert changes(extractor, text, date(2021, 7, 10)) == [
        ("Yaftal-e Suflá", "Military Forces of Afghanistan")
    ]
