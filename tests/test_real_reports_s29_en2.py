"""(s29-en2) Session 29 rules from real reports of control changes in older and less covered
wars (sentences written for these tests in the style of wire copy)."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _gainers(mentions: list) -> set[str | None]:
    return {m.actor1.name if m.actor1 else None for m in mentions}


def test_an_armed_civilian_group_is_the_side_that_takes_a_town(extractor: Extractor) -> None:
    # Mexico's self-defense groups ("vigilantes", "autodefensas") are an actor of their own,
    # not the cartel they expel
    text = (
        "Armed vigilantes took control of the town of Apatzingan in Michoacan state, Mexico, "
        "on Saturday after a gunfight with Knights Templar cartel gunmen."
    )
    taken = changes(read(extractor, text, "2014-02-09"), Status.OCCURRED, Status.CLAIMED)
    assert _gainers(taken) == {"Autodefensas: Self-Defense Groups (Mexico)"}
    text = (
        "Self-defense forces in the Mexican state of Michoacan have seized the town of "
        "Paracuaro, a local leader said on Sunday."
    )
    taken = changes(read(extractor, text, "2014-01-05"), Status.OCCURRED, Status.CLAIMED)
    assert _gainers(taken) == {"Autodefensas: Self-Defense Groups (Mexico)"}


def _days(mentions: list) -> set[str | None]:
    return {m.time.value.isoformat() if m.time else None for m in mentions}


def test_a_date_that_names_a_thing_or_sits_in_a_since_clause_dates_no_neighbour(
    extractor: Extractor,
) -> None:
    text = (
        "Iraqi troops have entered the city of Kirkuk, seizing the governor's office, "
        "Monday. Tensions have risen since Kurdish voters backed independence in a "
        "September 25 referendum."
    )
    taken = changes(read(extractor, text, "2017-10-16"), Status.OCCURRED, Status.CLAIMED)
    assert _days(taken) == {"2017-10-16"}
    text = (
        "Iraqi troops have entered the city of Kirkuk, seizing the governor's office, "
        "Monday. Tensions have risen since Iraqi Kurds overwhelmingly voted for "
        "independence on September 25."
    )
    taken = changes(read(extractor, text, "2017-10-16"), Status.OCCURRED, Status.CLAIMED)
    assert _days(taken) == {"2017-10-16"}


def test_a_present_progressive_takes_no_past_day_of_another_sentence(
    extractor: Extractor,
) -> None:
    text = (
        "Russian troops are pulling out of the town of Gori, officials said. Moscow sent "
        "its army into Georgia on August 8."
    )
    told = [
        m for m in read(extractor, text, "2008-08-19") if m.place and "Gori" in m.place.matched_text
    ]
    assert told and _days(told) == {"2008-08-19"}
    # guard: the past progressive is told on the day the other sentence gives
    text = (
        "Russian troops were pulling out of the town of Gori. The withdrawal began on "
        "August 17, officials said."
    )
    told = [
        m for m in read(extractor, text, "2008-08-19") if m.place and "Gori" in m.place.matched_text
    ]
    assert _days(told) <= {"2008-08-17", None}


def test_a_side_asserting_control_over_a_town_took_it(extractor: Extractor) -> None:
    text = "Mali's army asserted full control over the rebel stronghold of Kidal on Tuesday."
    taken = changes(read(extractor, text, "2023-11-15"), Status.OCCURRED, Status.CLAIMED)
    assert _gainers(taken) == {"Military Forces of Mali"}
    assert _days(taken) == {"2023-11-14"}
    # a present tense is the news of the report's day, not of a month another sentence
    # names
    text = (
        "Mali's army asserts control over the rebel stronghold of Kidal. Tuareg rebels "
        "seized a vacated United Nations base in the town last month."
    )
    taken = [
        m
        for m in changes(read(extractor, text, "2023-11-14"), Status.OCCURRED, Status.CLAIMED)
        if m.actor1 is not None and m.actor1.name == "Military Forces of Mali"
    ]
    assert taken and _days(taken) == {"2023-11-14"}


def test_forces_that_have_occupied_a_town_took_it_unless_a_span_is_told(
    extractor: Extractor,
) -> None:
    text = "Russian forces have occupied the city of Gori, a Georgian official said on Monday."
    taken = changes(read(extractor, text, "2008-08-12"), Status.OCCURRED, Status.CLAIMED)
    assert _gainers(taken) == {"Military Forces of Russia"}
    # guard: a control held over a span is a standing control, not news of a taking
    text = "Russian forces have occupied the city of Gori since August, a Georgian official said."
    assert not changes(read(extractor, text, "2008-10-01"), Status.OCCURRED, Status.CLAIMED)


def test_the_town_a_sentence_points_back_to_is_not_a_town_that_only_gives_a_bearing(
    extractor: Extractor,
) -> None:
    text = (
        "Haftar's forces had held Gharyan, a town south of Tripoli, since April. On Wednesday "
        "government troops retook this strategic town."
    )
    taken = changes(read(extractor, text, "2019-06-27"), Status.OCCURRED, Status.CLAIMED)
    assert {m.place.place.name for m in taken if m.place} == {"Gharyan"}
