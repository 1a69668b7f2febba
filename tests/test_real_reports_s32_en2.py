"""Session 32 (en2): real multi-outlet reports of 2011-2021 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import gainers_read as _gainers
from conftest import places_read as _taken

from sitrep.read.en.extract import Extractor

# -- a junta's or mutineers' seizure of power is a coup, not a town taken --------------


def test_a_junta_that_seized_power_in_the_capital_took_no_town(extractor: Extractor) -> None:
    # the junta "that seized power in Bamako" was read as rebels taking Bamako
    text = (
        "Kidal fell on Friday after the leader of the junta that seized power in Bamako "
        "on March 22 told troops to give up the fight."
    )
    assert "Bamako" not in _taken(extractor, text, "2012-03-31")


def test_mutineers_who_seized_power_took_no_town(extractor: Extractor) -> None:
    text = "Mutinous soldiers who seized power in Niamey last week promised a quick election."
    assert "Niamey" not in _taken(extractor, text, "2010-02-25")


def test_a_group_that_seized_power_in_a_city_still_took_it(extractor: Extractor) -> None:
    # guard: an armed group seizing power in a city took the city with the state
    text = "The Taliban seized power in Kabul on Sunday as the president fled the country."
    assert _taken(extractor, text, "2021-08-16") == ["Kabul"]


# -- "near complete control": a town all but taken -------------------------------------


def test_near_complete_control_of_a_town_is_its_taking(extractor: Extractor) -> None:
    # "have taken near complete control of Manbij" gave nothing
    text = (
        "Kurdish-led fighters of the Syrian Democratic Forces have taken near complete "
        "control of Tabqa, the alliance said on Wednesday."
    )
    assert _taken(extractor, text, "2017-05-10") == ["Al-Tabqa"]


def test_almost_full_control_of_a_town_is_its_taking(extractor: Extractor) -> None:
    text = "Government troops seized almost full control of Tal Afar on Sunday, the army said."
    assert [name[:4] for name in _taken(extractor, text, "2017-08-27")] == ["Tall"]


def test_near_a_town_is_still_no_taking(extractor: Extractor) -> None:
    # guard: "near" the town is where the fighting is, no control taken
    text = "Government troops took up positions near Tal Afar on Sunday, the army said."
    assert _taken(extractor, text, "2017-08-27") == []


# -- "are in control of X after taking it": the taking is the news ---------------------


def test_in_control_of_a_town_after_taking_it(extractor: Extractor) -> None:
    # "are in control of the town of Sinjar after taking it from" gave nothing
    text = (
        "Peshmerga fighters are in control of the northern town of Rabia after taking it "
        "from Islamic State militants, witnesses said."
    )
    assert [name[:3] for name in _taken(extractor, text, "2014-10-26")] == ["Rab"]
    assert _gainers(extractor, text, "2014-10-26") == ["Peshmerga (Kurdistan Regional Government)"]


def test_in_control_of_a_town_after_repelling_an_attack(extractor: Extractor) -> None:
    # guard: holding a town after beating off an attack is no change of hands
    text = (
        "Peshmerga fighters are in control of the northern town of Rabia after repelling "
        "an attack by Islamic State militants, witnesses said."
    )
    assert _taken(extractor, text, "2014-10-26") == []


def test_still_in_control_of_a_town_taken_long_ago(extractor: Extractor) -> None:
    # guard: "still in control" is a standing fact
    text = (
        "Peshmerga fighters are still in control of the northern town of Rabia after "
        "taking it from Islamic State militants two years ago."
    )
    assert _taken(extractor, text, "2016-10-26") == []


# -- a backer named "with air support from" does not take the town ---------------------


def test_air_support_from_a_coalition_is_no_taker(extractor: Extractor) -> None:
    # "Syria Democratic Forces, with air support from the US-led coalition, have taken"
    # gave the coalition as the side that took Manbij
    text = (
        "Syria Democratic Forces, with air support from the US-led coalition, have taken "
        "control of Tabqa, the alliance said on Wednesday."
    )
    gainers = _gainers(extractor, text, "2017-05-10")
    assert gainers == ["Syrian Democratic Forces"]


def test_a_coalition_that_takes_a_town_itself_still_takes_it(extractor: Extractor) -> None:
    # guard: the coalition named as the subject is still the taker
    text = "The US-led coalition took control of the airbase on Wednesday, officials said."
    assert "Syrian Democratic Forces" not in _gainers(extractor, text, "2017-05-10")
