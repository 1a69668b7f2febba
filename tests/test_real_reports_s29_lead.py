"""Session 29 (lead): a taking told through a verb of helping, enabling or using ("air
strikes helped the army to retake Palmyra"). Every sentence here is written for these
tests in the style of wire copy."""

from __future__ import annotations

from conftest import gainers_read as _gainers
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# -- who took it: the side helped, not the helper ---------------------------------------


def test_the_side_helped_to_retake_a_town_took_it(extractor: Extractor) -> None:
    # the helper was the gainer (Russia's forces): the object of "helped" is who retook it
    text = "Russian air strikes helped the Syrian army to retake Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


def test_the_side_enabled_to_recapture_a_town_took_it(extractor: Extractor) -> None:
    # "enabled" was read as a purpose ("expected"), and its subject as the taker
    text = "Russian jets enabled the Syrian army to recapture Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


def test_a_helper_with_no_object_is_still_the_taker(extractor: Extractor) -> None:
    # guard: with nothing helped named, the subject's side stays the taker
    text = "Syrian troops helped to retake Palmyra on Sunday."
    assert _gainers(extractor, text, "2016-03-29") == ["Military Forces of Syria"]


# -- whether it happened: the helping must itself be done ---------------------------------


def test_a_hope_that_weapons_will_help_retake_a_town_is_no_taking(extractor: Extractor) -> None:
    # read as a taking that occurred: "will help" was taken for "helped"
    text = "Washington hopes the new weapons will help Ukrainian forces to retake Kherson."
    assert _gainers(extractor, text, "2022-09-01") == []
    assert _gainers(extractor, text, "2022-09-01", Status.EXPECTED) == [
        "Military Forces of Ukraine"
    ]


def test_what_a_truce_would_allow_is_no_taking(extractor: Extractor) -> None:
    # guard: a modal keeps an allowing ahead
    text = "The truce would allow the Syrian army to retake Palmyra."
    assert _gainers(extractor, text, "2016-03-01") == []


# -- a raid's end is no handover, and the raid no taking ----------------------------------


def test_troops_who_raid_a_town_and_withdraw_take_and_hand_over_nothing(
    extractor: Extractor,
) -> None:
    # the withdrawal was a non-violent transfer of Jenin
    text = "Israeli troops raided Jenin on Wednesday and withdrew hours later."
    assert changes(read(extractor, text, "2024-06-10")) == []


def test_troops_who_storm_a_town_and_pull_out_take_nothing(extractor: Extractor) -> None:
    # the storming was a taking, and the pulling out a transfer
    text = "Israeli troops stormed the town of Tubas and pulled out in the afternoon."
    assert changes(read(extractor, text, "2024-06-10")) == []


def test_militants_who_enter_a_town_and_leave_it_later_take_nothing(extractor: Extractor) -> None:
    text = "Militants stormed Macomia on Monday and left the town two days later."
    assert changes(read(extractor, text, "2024-06-10")) == []


def test_a_taking_and_a_withdrawal_from_elsewhere_is_still_a_taking(extractor: Extractor) -> None:
    # guard: the side left another place, not the one it took
    text = "Russian forces captured Kherson on Wednesday and withdrew from Kyiv region."
    assert _gainers(extractor, text, "2022-03-04") == ["Military Forces of Russia"]


# -- the day of an entry the parser detached from its verb --------------------------------


def test_the_day_after_an_entry_dates_it_when_another_side_withdraws(
    extractor: Extractor,
) -> None:
    # "Friday and Ukrainian" was parsed as words of the second clause's subject, and the
    # entry was dated by the publication day
    text = "Russian troops entered Lyman on Friday and Ukrainian forces withdrew."
    (taking,) = changes(read(extractor, text, "2024-06-10"))
    assert (taking.time.value.isoformat(), taking.time.text) == ("2024-06-07", "Friday")


# -- a year a "when" clause hangs on -------------------------------------------------------


def test_a_taking_in_a_when_clause_on_a_bare_year_is_that_years(extractor: Extractor) -> None:
    # "a repeat of 2014, when ..." was a taking of the publication day
    text = "Residents fear a repeat of 2014, when militants seized the town of Sinjar."
    assert changes(read(extractor, text, "2024-06-10")) == []


def test_a_year_with_no_when_clause_after_of_is_still_no_date() -> None:
    # guard: "a total of 2000" stays a count
    from datetime import date

    from sitrep.read.en.dates import find_dates

    assert (
        find_dates("A total of 2000 people fled, when asked, they said.", date(2024, 6, 10)) == []
    )
    (found,) = find_dates("They fear a repeat of 2014, when the town fell.", date(2024, 6, 10))
    assert found.ref.value == date(2014, 1, 1)


# -- the side that claims a taking ---------------------------------------------------------


def test_a_country_that_claims_to_have_captured_a_town_is_the_claimed_taker(
    extractor: Extractor,
) -> None:
    # "Russia claims to have captured" gave no side, and with a "but" clause the side it
    # named (Ukraine's troops, who still hold part of the city)
    text = (
        "Russia claims to have captured Bakhmut, but Ukrainian troops still hold a small "
        "part of the city."
    )
    assert _gainers(extractor, text, "2023-05-21", Status.CLAIMED) == ["Military Forces of Russia"]


def test_a_capital_that_claimed_to_have_taken_a_town_is_its_states_forces(
    extractor: Extractor,
) -> None:
    text = "Moscow claimed to have taken Chasiv Yar."
    assert _gainers(extractor, text, "2024-07-01", Status.CLAIMED) == ["Military Forces of Russia"]


# -- a short plain sentence of a taking is an event ----------------------------------------


def test_a_named_group_capturing_a_town_in_a_short_sentence_is_a_taking(
    extractor: Extractor,
) -> None:
    # the classifier read "The Wagner group captured Soledar." as no event (0.56) and
    # dropped the lexicon's taking: a sentence of a few words tells nothing else
    assert _gainers(extractor, "The Wagner group captured Soledar.", "2023-01-16") == [
        "Wagner Group"
    ]


# -- unnamed towns located by their province -----------------------------------------------


def test_unnamed_cities_in_a_governorate_are_no_taking_of_the_governorate(
    extractor: Extractor,
) -> None:
    # the governorate changed hands once places.json spelled "Hadramout" for it
    text = "The Yemeni army has taken control over two cities in Hadramout governorate."
    assert changes(read(extractor, text, "2016-04-25")) == []


def test_several_villages_in_a_state_are_no_taking_of_the_state(extractor: Extractor) -> None:
    text = "The army seized several villages in Sennar state on Monday."
    assert changes(read(extractor, text, "2024-11-25")) == []


def test_a_governorate_taken_whole_is_still_taken(extractor: Extractor) -> None:
    # guard: the area is the object itself
    text = "The Houthis seized Hadramout governorate on Monday."
    assert _gainers(extractor, text, "2016-04-25") == ["Houthi Movement (Ansar Allah)"]
