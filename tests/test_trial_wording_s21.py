"""Wordings of wire copy from session 21's blind trial on real reports (Sudan and South
Sudan, Afghanistan, Karabakh, Libya, Mali, Ukraine 2014): a side's quoted word that it
lost a town, the forces "of" a named leader, a town that only locates the one taken
("a provincial capital near Kabul", "the province that links the capital Kabul to the
south"), a possessive date after "after" ("after Sunday's coup attempt"), which
dates an earlier event and no neighbouring sentence; "the country's armed forces",
"the French" as a taker, a holding "since" a date in an aside, a leader's titles after
"loyal to", a town's exact spelling against a namesake's apostrophe spelling, and an
entry counted "three days after" an assault, which the model reads as the assault.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor


def taken(mentions: list[Mention]) -> set[tuple[str, str]]:
    return {(m.place.place.name, m.actor1.name) for m in changes(mentions) if m.place and m.actor1}


def places(mentions: list[Mention]) -> set[str]:
    return {m.place.place.name for m in changes(mentions) if m.place}


SPLM_IO = "SPLM/A-IO: Sudan People's Liberation Movement/Army-in-Opposition"


def test_a_sides_quoted_word_that_it_lost_a_town_is_the_change(extractor: Extractor) -> None:
    # the model reads the quote marks as no event; the loss is told whole all the same
    text = (
        '"We have lost control of Malakal to forces loyal to Riek Machar," an army '
        "spokesman told reporters in Juba."
    )
    assert taken(read(extractor, text, "2014-01-15")) == {("Malakal", SPLM_IO)}


def test_the_forces_of_a_named_leader_are_his_side(extractor: Extractor) -> None:
    text = "Government troops lost control of Malakal to the forces of Riek Machar on Tuesday."
    assert taken(read(extractor, text, "2014-01-15")) == {("Malakal", SPLM_IO)}


def test_a_town_near_which_an_unnamed_capital_was_taken_is_not_taken(
    extractor: Extractor,
) -> None:
    for text in (
        "The Taliban captured a strategic provincial capital near Kandahar on Friday.",
        "Insurgents seized two small district capitals near Kandahar overnight, police said.",
    ):
        assert not changes(read(extractor, text, "2021-08-13")), text


def test_a_town_a_taken_province_links_to_is_not_taken(extractor: Extractor) -> None:
    text = (
        "Taliban fighters captured the strategic Logar province that links the capital "
        "Kabul to the eastern provinces on Saturday, officials said."
    )
    assert "Kabul" not in places(read(extractor, text, "2021-08-14"))


def test_a_possessive_date_after_after_dates_no_neighbour(extractor: Extractor) -> None:
    text = (
        "Fighting spread across the north, the army said, as clashes continued after "
        "Sunday's failed coup attempt.\n\n"
        "Rebels loyal to Riek Machar captured the town of Malakal, a military spokesman said."
    )
    dates = {
        m.time.value.isoformat() for m in changes(read(extractor, text, "2013-12-19")) if m.time
    }
    assert dates == {"2013-12-19"}


def test_an_apposition_that_describes_the_town_taken_leaves_the_change(
    extractor: Extractor,
) -> None:
    # the words after the dash describe the town; read with them, the model calls the
    # sentence no event
    text = (
        "Fighters of the interim government say they have taken the oasis town of Sabha "
        "- one of the last bastions of the old regime."
    )
    assert places(read(extractor, text, "2011-09-21")) == {"Sabha"}


def test_a_fight_an_infinitive_asks_to_end_is_no_clash(extractor: Extractor) -> None:
    text = "The governor urged the militants in Kunduz to end their fight."
    assert not [m for m in read(extractor, text, "2015-10-01") if m.status.value == "occurred"]


def test_a_capture_announced_before_a_call_to_give_up_the_fight_stays_a_capture(
    extractor: Extractor,
) -> None:
    text = (
        "The president announced the capture of Mullaitivu in a nationally televised "
        "speech, and called on the rebels to give up their fight."
    )
    assert taken(read(extractor, text, "2009-05-16")) == {
        ("Mullaittivu", "Military Forces of Sri Lanka")
    }


def test_the_countrys_armed_forces_are_the_military_of_the_country_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Azerbaijani President Ilham Aliyev said the country's armed forces had taken "
        "the town of Hadrut on Friday."
    )
    assert taken(read(extractor, text, "2020-10-10")) == {
        ("Hadrut", "Military Forces of Azerbaijan")
    }


def test_the_french_who_seized_a_town_are_the_french_forces(extractor: Extractor) -> None:
    text = "On Saturday the French seized back Timbuktu after a short battle."
    assert taken(read(extractor, text, "2013-01-28")) == {("Timbuktu", "Military Forces of France")}


def test_a_holding_dated_since_in_a_dashed_aside_leaves_the_seizure_news(
    extractor: Extractor,
) -> None:
    text = (
        "On Sunday Iraqi troops recaptured Rutba - under militant control since last June "
        "- and raised the national flag."
    )
    told = [m for m in changes(read(extractor, text, "2015-05-18")) if m.place]
    assert {(m.place.place.name, m.time.value.isoformat()) for m in told if m.time} == {
        ("Ar Ruţbah", "2015-05-17")
    }


def test_forces_loyal_to_a_leader_told_with_demonym_and_titles_are_his(
    extractor: Extractor,
) -> None:
    text = (
        "Rebel forces loyal to South Sudanese former Vice president Dr. Riek Machar "
        "seized the town of Malakal on Tuesday."
    )
    assert taken(read(extractor, text, "2014-01-15")) == {("Malakal", SPLM_IO)}


def test_a_towns_exact_spelling_beats_a_namesakes_apostrophe_spelling(
    extractor: Extractor,
) -> None:
    # GeoNames lists "Sloviansk" for Slovyansk and "Slov'iansk" for Nikopol, two Ukrainian
    # towns of one size: the spelling the text uses letter for letter decides
    text = (
        "Ukrainian government troops retook Sloviansk from pro-Russian separatists on "
        "Saturday, the president said."
    )
    assert places(read(extractor, text, "2014-07-06")) == {"Slovyansk"}


def test_an_entry_counted_days_after_an_assault_stays_the_entry(extractor: Extractor) -> None:
    # the model reads the assault the entry is counted from as the sentence's event
    text = (
        "French troops entered the desert town of Kidal for the first time on Tuesday, "
        "officials said, three days after launching a heavy air assault on rebel positions."
    )
    assert taken(read(extractor, text, "2013-01-30")) == {("Kidal", "Military Forces of France")}
