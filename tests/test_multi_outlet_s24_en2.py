"""Wordings from session 24's second English trial: several outlets' reports of the
same takeovers (Syria 2024, Sudan 2023-2025, Ukraine and Kursk 2022-2025, Ethiopia 2021
and 2023, Myanmar 2024). A taking noun whose "by" names the taker, a retreat told with
where the side went, a push still "close to" done, an unnamed village by a town, a
report that opens with its own date, and the Syrian opposition's "factions".

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def test_the_by_of_a_taking_noun_names_the_taker_not_who_confirmed_it(
    extractor: Extractor,
) -> None:
    # the parser hangs the "by" on "confirmed": the junta confirmed the loss, it did
    # not take the town; the alliance named in the next sentence did
    text = (
        "Myanmar's junta has confirmed the takeover of Hpakant, a jade mining town in "
        "Kachin state, by an alliance of ethnic armed groups.\n"
        "The alliance is led by the Kachin Independence Army."
    )
    assert taken(read(extractor, text, "2024-03-09")) == {
        ("Hpākān", "KIA: Kachin Independence Army")
    }


def test_a_known_side_in_the_by_of_a_taking_noun_is_the_taker(extractor: Extractor) -> None:
    text = "Thai officials confirmed the seizure of Myawaddy by the MNDAA on Thursday."
    assert taken(read(extractor, text, "2024-04-12")) == {
        ("Myawaddy", "MNDAA: Myanmar National Democratic Alliance Army")
    }


def test_a_by_that_dates_the_taking_is_no_taker(extractor: Extractor) -> None:
    text = "Malian troops completed the capture of Kidal by Friday."
    assert taken(read(extractor, text, "2023-11-18")) == {("Kidal", "Military Forces of Mali")}


def test_a_retreat_to_a_place_leaves_no_place_named_after_it(extractor: Extractor) -> None:
    text = (
        "The last soldiers withdrew to a bridge that connects Myawaddy to Thailand's "
        "Mae Sot district after the clashes."
    )
    assert not changes(read(extractor, text, "2024-04-12"), Status.OCCURRED, Status.CLAIMED)


def test_a_retreat_from_a_town_to_another_leaves_the_first(extractor: Extractor) -> None:
    text = "Junta troops withdrew from Myawaddy to Mae Sot on Friday."
    got = {
        m.place.place.name
        for m in changes(read(extractor, text, "2024-04-13"), Status.OCCURRED)
        if m.place
    }
    assert got == {"Myawaddy"}


def test_a_push_that_appears_close_to_done_is_expected(extractor: Extractor) -> None:
    text = (
        "Government troops have mounted a swift counteroffensive and appear close to "
        "completely driving the rebels out of Kidal."
    )
    mentions = read(extractor, text, "2023-11-10")
    assert not changes(mentions, Status.OCCURRED, Status.CLAIMED)
    assert changes(mentions, Status.EXPECTED)


def test_the_last_village_on_the_outskirts_of_a_city_is_not_the_city(
    extractor: Extractor,
) -> None:
    text = (
        "Rebel commanders said their fighters had reached the edge of Homs on Friday.\n"
        '"We have liberated the last village on the outskirts of the city," a rebel '
        "spokesman said."
    )
    assert not taken(read(extractor, text, "2024-12-06"))


def test_the_last_village_near_a_named_city_is_not_the_city(extractor: Extractor) -> None:
    text = "Rebels captured the last village on the outskirts of Homs on Friday."
    assert not taken(read(extractor, text, "2024-12-06"))


def test_a_report_that_opens_with_its_own_date_tells_news(extractor: Extractor) -> None:
    text = "December 7, 2024 – Opposition fighters have taken control of Daraa, residents said."
    assert taken(read(extractor, text, "2024-12-07")) == {("Dar‘ā", "Free Syrian Army")}


def test_a_chronology_entry_of_another_year_stays_a_recollection(
    extractor: Extractor,
) -> None:
    text = "July 2012 – Rebel fighters seize the eastern half of Aleppo."
    assert not taken(read(extractor, text, "2024-12-07"))


def test_the_syrian_opposition_factions_are_the_rebels(extractor: Extractor) -> None:
    text = "Armed opposition factions captured Salamiyah on Friday, residents said."
    assert taken(read(extractor, text, "2024-12-06")) == {("As Salamīyah", "Free Syrian Army")}


def test_control_of_several_unnamed_towns_is_not_the_province(extractor: Extractor) -> None:
    text = (
        "Government forces said on Friday they had regained control of several towns "
        "across Idlib province."
    )
    assert not taken(read(extractor, text, "2024-11-29"))


def test_control_of_a_town_the_report_names_after_is_still_read(extractor: Extractor) -> None:
    text = (
        "Advancing Ukrainian troops have taken control of a sizeable Russian town, the "
        "president said.\nHe said the troops had taken full control of Sudzha."
    )
    assert taken(read(extractor, text, "2024-08-15")) == {("Sudzha", "Military Forces of Ukraine")}


def test_power_seized_in_a_coup_is_no_takeover_of_a_town(extractor: Extractor) -> None:
    text = (
        "The fall of Lashio is the rebels' biggest victory in an offensive that began in "
        "June and has become the gravest threat to Myanmar's military government since "
        "it seized power in a 2021 coup."
    )
    recalled = changes(read(extractor, text, "2024-08-05"), Status.BACKGROUND, Status.OCCURRED)
    assert not [m for m in recalled if m.time and m.time.value.year == 2021]


def test_a_side_that_seized_power_in_a_city_took_it(extractor: Extractor) -> None:
    text = "The Taliban seized power in Kabul on Sunday."
    assert taken(read(extractor, text, "2021-08-16")) == {("Kabul", "Taliban")}
