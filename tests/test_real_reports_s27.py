"""Session 27 rules from real reports of control changes in Europe, the Middle East, the
Caucasus and older wars (sentences written for these tests in the style of wire copy)."""

from __future__ import annotations

from datetime import date

from conftest import read_wire as read
from conftest import territory_changes as changes
from test_stages import BLOCK, row

from sitrep.core.records import Status
from sitrep.merge import merge_block
from sitrep.read.en.extract import Extractor


def test_a_month_told_later_takes_the_day_of_a_report_inside_it() -> None:
    # "Government forces liberated Saraqib in February" (read on March 2) and "Regime
    # forces have entered Saraqib" (published February 5, undated): one event of Feb 5
    month = row("m1", date=date(2020, 2, 1), precision="month", source="Wire One")
    day = row("m2", date=date(2020, 2, 5), precision="day", inferred=True, source="Wire Two")
    (event,) = merge_block(BLOCK, [month, day])
    assert event.date == date(2020, 2, 5) and event.date_precision == "day"


def test_an_explicit_day_is_kept_and_a_day_outside_the_month_is_not_taken() -> None:
    month = row("m1", date=date(2020, 2, 1), precision="month")
    explicit = row("m2", date=date(2020, 2, 9), precision="day")
    (event,) = merge_block(BLOCK, [month, explicit])
    assert event.date == date(2020, 2, 9)
    alone = merge_block(BLOCK, [month])
    assert alone[0].date == date(2020, 2, 1) and alone[0].date_precision == "month"


def test_a_present_perfect_takes_no_month_named_in_the_sentence_before(
    extractor: Extractor,
) -> None:
    text = (
        "The loss of Kupiansk was the worst setback for Moscow since its troops left "
        "Kherson in November. Russian units had used the town as a supply hub.\n\n"
        "Ukrainian soldiers have retaken Kupiansk from the Russian army, the regional "
        "governor says."
    )
    (taking,) = [m for m in changes(read(extractor, text, "2023-02-14")) if m.trigger == "retaken"]
    assert taking.place is not None and taking.place.matched_text == "Kupiansk"
    assert taking.time is not None and taking.time.value == date(2023, 2, 14)
    assert taking.status is Status.OCCURRED


def test_a_past_perfect_still_goes_back_with_the_month_before(extractor: Extractor) -> None:
    # guard: "had retaken" steps back and keeps the month the sentence before named
    text = (
        "The loss of Kupiansk was the worst setback for Moscow since its troops left "
        "Kherson in November. Ukrainian soldiers had retaken Kupiansk from the Russian "
        "army, the regional governor said."
    )
    told = [
        m
        for m in changes(read(extractor, text, "2023-02-14"), Status.OCCURRED, Status.BACKGROUND)
        if m.trigger == "retaken"
    ]
    assert all(m.time is None or m.time.value != date(2023, 2, 14) for m in told)


def _names(mentions: list) -> set[str | None]:
    return {m.place.matched_text if m.place else None for m in mentions}


def test_a_taking_in_a_days_after_clause_is_told_before_the_news(extractor: Extractor) -> None:
    text = (
        "Rebel fighters seized the city of Idlib on Friday, only days after capturing "
        "Jisr al-Shughur in a swift advance."
    )
    told = read(extractor, text, "2015-03-28")
    assert "Idlib" in _names(changes(told))
    assert "Jisr al-Shughur" not in _names(changes(told, Status.OCCURRED, Status.CLAIMED))
    assert "Jisr al-Shughur" in _names(changes(told, Status.BACKGROUND))


def test_a_stronghold_near_a_city_is_not_the_city(extractor: Extractor) -> None:
    text = "Government troops captured the last stronghold of the militia near Sirte on Tuesday."
    assert "Sirte" not in _names(changes(read(extractor, text, "2016-08-10")))
    # guard: the city itself taken
    text = "Government troops captured Sirte on Tuesday."
    assert "Sirte" in _names(changes(read(extractor, text, "2016-08-10")))


def test_eastern_libyan_forces_are_the_lna(extractor: Extractor) -> None:
    text = "Eastern Libyan forces have taken control of the town of Sabha, a spokesman said."
    (taking,) = changes(read(extractor, text, "2019-01-20"))
    assert taking.actor1 is not None and taking.actor1.name == "LNA: Libyan National Army"


def test_a_town_fully_secured_is_taken_and_a_release_secured_is_not(
    extractor: Extractor,
) -> None:
    text = "Government troops have fully secured the town of Marawi, the army said on Monday."
    assert "Marawi" in _names(changes(read(extractor, text, "2017-10-23")))
    text = "Negotiators secured the release of the mayor of Marawi on Monday."
    assert not changes(read(extractor, text, "2017-10-23"))


def test_a_country_acting_in_the_sentence_is_the_side_that_moves_in(
    extractor: Extractor,
) -> None:
    text = (
        "Russian forces have pulled out of Kupiansk after Ukraine broke through their "
        "lines, the defence ministry in Moscow said."
    )
    told = changes(read(extractor, text, "2023-02-14"))
    takers = {m.actor1.name if m.actor1 else None for m in told}
    assert "Military Forces of Ukraine" in takers


def test_a_town_a_city_is_said_to_lie_off_only_places_it(extractor: Extractor) -> None:
    text = (
        "Sirte, a port city located to the east of the capital, Tripoli, was retaken by "
        "government forces on Monday."
    )
    assert _names(changes(read(extractor, text, "2016-12-06"))) == {"Sirte"}


def test_the_towns_that_name_a_road_are_not_the_town_taken(extractor: Extractor) -> None:
    text = (
        "Maarat al-Numan, at the junction of the Aleppo-Damascus and the Aleppo-Latakia "
        "highways, was captured by government forces on Tuesday."
    )
    assert _names(changes(read(extractor, text, "2020-01-29"))) == {"Maarat al-Numan"}


def test_reports_said_to_be_out_of_sync_with_reality_tell_no_capture(
    extractor: Extractor,
) -> None:
    text = (
        "Reports by some outlets asserting that rebel units had captured the town of "
        "Kafr Nabl are out of sync with reality, a military source said on Thursday."
    )
    assert not changes(read(extractor, text, "2020-02-27"))


def test_an_entry_the_holder_is_said_to_have_held_off_is_no_takeover(
    extractor: Extractor,
) -> None:
    text = (
        "Officials said security forces were in control of the eastern city of Ghazni on "
        "Saturday, a day after the Taliban launched an assault on the provincial capital."
        "\n\nA police spokesman said the city is not going to fall.\n\n"
        "Insurgents entered Ghazni from several directions late on Thursday night, "
        "burning police posts."
    )
    assert "Ghazni" not in _names(changes(read(extractor, text, "2018-08-11")))


def test_an_entry_its_own_side_says_it_holds_is_still_a_takeover(extractor: Extractor) -> None:
    # guard: the sentence of control names the entrant itself
    text = (
        "Insurgents entered Ghazni from several directions late on Thursday night, "
        "burning police posts.\n\n"
        "The Taliban are now in full control of the city of Ghazni, their spokesman said."
    )
    assert "Ghazni" in _names(changes(read(extractor, text, "2018-08-11")))
