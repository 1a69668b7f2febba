"""Session 31 (en2): real multi-outlet reports of 2011-2021 wars, read for the right
place, day and side. Every sentence here is written for these tests in the style of wire
copy."""

from __future__ import annotations

from functools import partial

from conftest import places_read

from sitrep.read.en.extract import Extractor
from sitrep.text.sentences import dateline_end

# the gazetteer's names without their marks ("Herāt" is "Herat")
_places = partial(places_read, plain=True)


# -- a dateline whose city is written as a name, with the day or the agency ---------------


def test_a_dateline_with_the_day_and_agency_is_no_place_of_the_lead() -> None:
    # "Herat, March 3, (dpa) - " was read as part of the first sentence
    assert dateline_end("Herat, March 3, (dpa) - Troops left two bases.") == len(
        "Herat, March 3, (dpa) - "
    )
    assert dateline_end("Goma (AFP) - The rebels entered Sake.") == len("Goma (AFP) - ")
    assert dateline_end("Aden, Jan. 3 (Xinhua) -- The army took Zinjibar.") == len(
        "Aden, Jan. 3 (Xinhua) -- "
    )


def test_prose_that_opens_with_a_town_is_no_dateline() -> None:
    # guards: a town, its apposition, a bracket in small letters, a dash in prose
    assert dateline_end("Herat, the western city, fell - as officials feared.") == 0
    assert dateline_end("Herat (the western city) - fell on Friday.") == 0
    assert dateline_end("Sirte - the last loyalist town - has fallen.") == 0


def test_a_named_dateline_city_is_not_what_government_troops_left(
    extractor: Extractor,
) -> None:
    # the dateline's capital was taken as the place of a "Government regains territory"
    text = (
        "Herat, March 3, (dpa) - Government troops pulled out of four district centres "
        "across western Afghanistan overnight as the Taliban advanced, officials said."
    )
    assert "Herat" not in _places(extractor, text, "2021-03-03")


def test_a_town_taken_after_its_own_name_is_still_taken(extractor: Extractor) -> None:
    # guard: a lead that opens with the town it tells of keeps it
    text = "Herat fell to the Taliban on Friday after government troops pulled out."
    assert _places(extractor, text, "2021-08-13") == ["Herat"]


# -- "the district" of the next sentences: the district taken, not a town placing a base --


def test_the_district_retold_is_the_district_taken_not_the_town_near_a_base(
    extractor: Extractor,
) -> None:
    # "the district headquarters" became the capital named only as where a base lies
    text = (
        "The Taliban captured Nawa district in Helmand province on Sunday after hours "
        "of fighting, officials said.\n"
        "The fall of Nawa district came a day after foreign troops left Camp Bastion "
        "near Kabul.\n"
        '"The Taliban have captured the district headquarters," a local official said.'
    )
    assert "Kabul" not in _places(extractor, text, "2021-07-05")


def test_a_town_named_for_itself_is_still_the_town_retold(extractor: Extractor) -> None:
    # guard: a town the sentence tells of (no site before it) is "the town" after it
    text = (
        "The Taliban captured Nawa district in Helmand province on Sunday.\n"
        "Fighting also raged in Lashkar Gah, residents said.\n"
        '"The Taliban have captured the town," a local official said on Monday.'
    )
    assert "Lashkar Gah" in _places(extractor, text, "2021-07-05")


# -- an unnamed port or town that a sea, a river or a province only describes ----------


def test_a_sea_port_unnamed_is_not_the_sea(extractor: Extractor) -> None:
    # the sea that named the kind of port was read as the place taken
    text = (
        "Pro-government forces seized control of a strategic Red Sea port on Monday "
        "after days of fighting with the rebels, a commander said."
    )
    assert "Red Sea" not in _places(extractor, text, "2017-01-24")


def test_a_port_in_a_province_unnamed_is_not_the_province(extractor: Extractor) -> None:
    # the province the port lies in was read as the place taken
    text = (
        "Insurgents have captured a strategic port in the northern province of Cabo "
        "Delgado, military sources said on Wednesday."
    )
    assert _places(extractor, text, "2020-08-13") == []


def test_a_port_named_after_its_kind_is_still_taken(extractor: Extractor) -> None:
    # guards: "the Red Sea port of Mocha" and "a port, Mocha," name the port taken
    text = "Pro-government forces seized the Red Sea port of Mocha on Monday, a commander said."
    assert _places(extractor, text, "2017-01-24") == ["Mocha"]
    text = "Pro-government forces seized control of Mocha, a Red Sea port, on Monday."
    assert _places(extractor, text, "2017-01-24") == ["Mocha"]
