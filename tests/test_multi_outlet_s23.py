"""Wordings from session 23's lead trial: several outlets' reports of one takeover each
(Iraq 2014, Ukraine 2022, Somalia 2012, Mali 2013). Flags raised with no article
before them, a side told retreating or occupying that is not the taker of a town
the sentence names no taker for, and the day of a sentence an outlet is cited for
right after a dated one.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from datetime import date

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor


def days(mentions: list[Mention]) -> set[tuple[str, date | None]]:
    return {
        (m.place.place.name, m.time.value if m.time else None)
        for m in changes(mentions, Status.OCCURRED, Status.CLAIMED)
        if m.place
    }


def test_flags_raised_with_no_article_before_them(extractor: Extractor) -> None:
    text = (
        "Videos of Ukrainian soldiers raising Ukrainian flags in Snihurivka and "
        "Kalynivske, Kherson Oblast, were shared online on Wednesday."
    )
    assert taken(read(extractor, text, "2022-11-09")) == {
        ("Snihurivka", "Military Forces of Ukraine"),
        ("Kalynivske", "Military Forces of Ukraine"),
    }


def test_a_flag_raised_by_protesters_takes_no_town(extractor: Extractor) -> None:
    text = "Protesters waved flags in the main square of Kalynivske on Wednesday."
    assert not changes(read(extractor, text, "2022-11-09"))


def test_a_village_of_the_kherson_front_the_package_lacks(extractor: Extractor) -> None:
    text = "Ukrainian troops recaptured the village of Pravdyne on Wednesday, officials said."
    assert taken(read(extractor, text, "2022-11-09")) == {
        ("Pravdyne", "Military Forces of Ukraine")
    }


def test_the_side_told_retreating_is_not_the_taker(extractor: Extractor) -> None:
    # the taker is "they", the forces the sentence before named; the side the
    # paragraphs name most around it is the one that retreated and had occupied it
    text = (
        "Ukrainian troops moved through the southern city of Kherson on Nov. 11 as "
        "Russian units retreated across the river.\n"
        "They met little resistance as they reclaimed the city after eight months of "
        "Russian occupation.\n"
        "The Russian defence minister had ordered some 30,000 Russian soldiers to "
        "leave the west bank, on the advice of the Russian commander in Ukraine."
    )
    assert taken(read(extractor, text, "2022-11-22")) == {("Kherson", "Military Forces of Ukraine")}


def test_a_side_named_most_and_not_leaving_still_takes(extractor: Extractor) -> None:
    # (the guard: with no side told leaving, the side named most nearby is the taker)
    text = (
        "Somali government forces pushed north on Monday, backed by Kenyan air strikes.\n"
        "They met little resistance as they reclaimed the port town of Kismayo.\n"
        "Somali government forces set up checkpoints on the roads out of the town."
    )
    assert taken(read(extractor, text, "2012-10-02")) == {("Kismayo", "Military Forces of Somalia")}


def test_an_outlet_cited_for_the_next_sentence_keeps_its_day(extractor: Extractor) -> None:
    text = (
        "Ukrainian forces began advancing through the city of Kherson on Nov. 11 as "
        "Russian forces retreated across the river. They met almost no resistance as they "
        "reclaimed the city, according to CNN."
    )
    mentions = read(extractor, text, "2022-11-22")
    assert days(mentions) == {("Kherson", date(2022, 11, 11))}
    assert taken(mentions) == {("Kherson", "Military Forces of Ukraine")}


def test_an_outlet_cited_after_another_paragraph_keeps_the_report_day(
    extractor: Extractor,
) -> None:
    # (the guard: the day of the paragraph before is not carried over)
    text = (
        "Ukrainian forces began advancing through the city of Kherson on Nov. 11.\n"
        "Government troops have captured the village of Snihurivka, according to CNN."
    )
    assert days(read(extractor, text, "2022-11-22")) == {("Snihurivka", date(2022, 11, 22))}


def test_a_town_that_only_places_another_is_not_the_city(extractor: Extractor) -> None:
    # "the city" is Gharyan, the town the report is about, not the capital it is south of
    text = (
        "Forces allied to the UN-recognised government are in full control of Gharyan, "
        "just south of the capital, Tripoli.\n"
        "Soldiers recaptured the city after weeks of fighting with forces loyal to "
        "Khalifa Haftar."
    )
    places = {p for p, _ in taken(read(extractor, text, "2019-06-28"))}
    assert places == {"Gharyan"}


def test_the_un_recognised_government_of_the_country_told(extractor: Extractor) -> None:
    text = (
        "Forces allied to the UN-recognized government have retaken Gharyan, south of "
        "Tripoli, a spokesman said on Wednesday."
    )
    assert taken(read(extractor, text, "2019-06-26")) == {("Gharyan", "Military Forces of Libya")}


def test_the_capture_of_commanders_takes_no_town(extractor: Extractor) -> None:
    # "the capture" told after a takeover points back to it, unless people were captured
    text = (
        "On July 25, the rebel alliance announced it had won a decisive victory and "
        'declared Lashio "fully liberated." This was followed by the capture of several '
        "senior army commanders, including a major general."
    )
    told = changes(read(extractor, text, "2024-08-04"), Status.OCCURRED, Status.CLAIMED)
    assert [m.place.place.name for m in told if m.place] == ["Lashio"]


def test_a_month_ago_in_the_past_perfect_dates_no_later_sentence(
    extractor: Extractor,
) -> None:
    text = (
        "Government forces recaptured the towns of Dessie and Kombolcha, officials said.\n"
        "Rebel fighters had taken control of the two towns just over a month ago.\n"
        '"Kombolcha has been freed by our forces," the government said on Twitter.'
    )
    assert days(read(extractor, text, "2021-12-06")) == {
        ("Dessie", date(2021, 12, 6)),
        ("Kombolcha", date(2021, 12, 6)),
    }


def test_a_town_taken_by_a_month_is_dated_by_it(extractor: Extractor) -> None:
    text = (
        "The rebels mounted a comeback, recapturing most of Tigray by June, including "
        "the regional capital Mekelle, before pushing into Amhara."
    )
    got = {
        (m.place.place.name, m.time.value if m.time else None)
        for m in read(extractor, text, "2021-12-06")
        if m.place
        and m.sub_event_type
        in ("Non-state actor overtakes territory", "Government regains territory")
    }
    assert got == {("Mek'ele", date(2021, 6, 1))}


def test_a_withdrawal_only_begun_hands_nothing_over(extractor: Extractor) -> None:
    text = (
        "French troops on Thursday began to withdraw from Timbuktu after securing the "
        "city, officials said. Malian soldiers would stay behind in the town."
    )
    assert not changes(read(extractor, text, "2013-02-08"), Status.OCCURRED, Status.CLAIMED)


def test_a_withdrawal_done_still_hands_the_town_over(extractor: Extractor) -> None:
    # (the guard: a finished pull-out is still a change)
    text = "Russian troops withdrew from Kherson on Friday and Ukrainian forces entered the city."
    assert ("Kherson", "Military Forces of Ukraine") in taken(read(extractor, text, "2022-11-11"))


def test_an_offshoot_of_a_group_is_not_that_group(extractor: Extractor) -> None:
    # "the Al-Qaeda offshoot" is the group the report is about (here Islamic State),
    # described by the one it came from, not al-Qaeda
    text = (
        "Islamic State insurgents stormed the city of Palmyra on Wednesday, state "
        "television said. The capture of Palmyra is the first time the Al-Qaeda offshoot "
        "has taken control of a city directly from the Syrian army and allied forces."
    )
    takers = {a for _, a in taken(read(extractor, text, "2015-05-20"))}
    assert takers == {"ISIS"}
