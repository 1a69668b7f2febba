"""Session 31 (branch s31-geo): names the world gazetteer misread or lacked
(issue 11). Every sentence here was written for these tests.

- Dotted initials are no state abbreviation spelt as a word: "L.A." was read as
  "La." (Louisiana); a dotted short form now names a state only when the state's
  abbreviation is itself written with those dots ("N.C."), and "L.A." and
  "N.Y.C." are the initials of their cities (`town_initials` in places.json).
- "Los Angeles City" is the city of Los Angeles: a name ending in "City" that
  begins inside a town's name ending right before that word yields to the town
  (it was Angeles City, Philippines, the longer string).
- A name inside an unknown province's name is not found either: "San Diego
  State" is no province, and "San" (a town in Mali) was then found in it.
- Pashtun "-khel" place names answer to the press's spellings (Khel, Khail,
  Kheyl, Kheil, apart or joined): "Janikhail" is Jani Khel district.
- "X in Ituri province": a province the data spells with its word ("Ituri
  Province") still places the name before it, as "X in Ituri" did.
- "X territory" (the DR Congo's territoires) and "X township" (Myanmar's) are the
  district X where the data has one, as "X district" is.
- Data: Yakutia (the Sakha Republic); Seiyun, Yaroun, Assamaka and Khan al-Assal
  as new places (ids -200 to -203).
"""

from __future__ import annotations

import pytest
from conftest import place_ids

from sitrep.core.records import PlacePrecision
from sitrep.resolve.gazetteer import Gazetteer

LOS_ANGELES, LOUISIANA, NORTH_CAROLINA, NEW_YORK_CITY = 5368361, 4331987, 4482348, 5128581
ANGELES_CITY, JERSEY_CITY, KANSAS_CITY, SAN_MALI = 1730737, 5099836, 4393217, 2451778
SAKHA, JANI_KHEL_PAKTIKA = 2013162, 7053778
SEIYUN, YAROUN, ASSAMAKA, KHAN_AL_ASSAL = -200, -201, -202, -203


@pytest.mark.parametrize(
    "text",
    [
        "The L.A. harbor signed up for forty electric trucks this spring.",
        "Police in L.A. said the driver had been released on bail.",
        "Tour guides retrace L.A.'s old churches every Sunday.",
    ],
)
def test_dotted_initials_are_los_angeles_not_louisiana(world: Gazetteer, text: str) -> None:
    ids = set(place_ids(world, text).values())
    assert LOS_ANGELES in ids
    assert LOUISIANA not in ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SHREVEPORT, La. - A man was arrested after a car chase downtown.", LOUISIANA),
        ("RALEIGH, N.C. - Lawmakers met late into the night on the budget.", NORTH_CAROLINA),
        ("The firm moved its offices from N.Y.C. to a suburb last year.", NEW_YORK_CITY),
    ],
)
def test_state_abbreviations_stay(world: Gazetteer, text: str, expected: int) -> None:
    assert expected in place_ids(world, text).values()


def test_los_angeles_city_is_the_city_of_los_angeles(world: Gazetteer) -> None:
    ids = place_ids(world, "Donors may not give money to any Los Angeles City council campaign.")
    assert LOS_ANGELES in ids.values()
    assert ANGELES_CITY not in ids.values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She teaches history at New Jersey City University.", JERSEY_CITY),
        ("The family moved to Kansas City after the flood.", KANSAS_CITY),
    ],
)
def test_city_names_of_their_own_stay(world: Gazetteer, text: str, expected: int) -> None:
    assert expected in place_ids(world, text).values()


def test_a_name_inside_an_unknown_province_name_is_not_found(world: Gazetteer) -> None:
    ids = place_ids(world, "Fans flew out to watch the team play San Diego State on Friday night.")
    assert SAN_MALI not in ids.values()


def test_a_known_state_word_still_names_the_province(world: Gazetteer) -> None:
    found = world.find("Gunmen attacked a village in Borno State on Tuesday.")
    assert [m.place.kind for m in found] == [PlacePrecision.ADMIN1]


@pytest.mark.parametrize(
    "text",
    [
        "Taliban fighters overran Janikhail district in Paktika province.",
        "The insurgents seized the Jani Khail district centre in Paktika on Monday.",
        "Government forces pulled out of Jani Kheyl district in Paktika overnight.",
        "Fighting went on in Jani Khel district of Paktika province.",
    ],
)
def test_khel_spellings(world: Gazetteer, text: str) -> None:
    assert JANI_KHEL_PAKTIKA in place_ids(world, text).values()


def test_yakutia_is_the_sakha_republic(world: Gazetteer) -> None:
    assert place_ids(world, "Forest fires spread across Yakutia this week.").get("Yakutia") == SAKHA


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Separatist forces took control of Seiyun in Hadramout on Wednesday.", "Seiyun", SEIYUN),
        ("The army said it still held Say'un airport in Hadhramaut.", "Say'un", SEIYUN),
        ("Israeli troops entered the border village of Yaroun in south Lebanon.", "Yaroun", YAROUN),
        ("Gunmen attacked the police post at Assamaka in northern Niger.", "Assamaka", ASSAMAKA),
        (
            "Rebels captured Khan al-Assal on the western edge of Aleppo.",
            "Khan al-Assal",
            KHAN_AL_ASSAL,
        ),
        ("Syrian troops retook Khan al-Asal, west of Aleppo.", "Khan al-Asal", KHAN_AL_ASSAL),
    ],
)
def test_new_places(world: Gazetteer, text: str, name: str, expected: int) -> None:
    assert place_ids(world, text).get(name) == expected


MAMBASA_ITURI, MOMBASA = 12278025, 186301


@pytest.mark.parametrize(
    "text",
    [
        "ADF rebels raided Mambasa in Ituri province overnight.",
        "ADF rebels raided Mambasa in Ituri Province overnight.",
        "ADF rebels raided Mambasa in Ituri overnight.",
    ],
)
def test_in_a_province_written_with_its_word(world: Gazetteer, text: str) -> None:
    # "Ituri province" is a name of the data (no province-word reading), and
    # still says where the name before it lies
    assert place_ids(world, text).get("Mambasa") == MAMBASA_ITURI


def test_a_city_alone_keeps_its_own_namesake(world: Gazetteer) -> None:
    assert (
        place_ids(world, "Dockworkers in Mombasa went on strike on Monday.").get("Mombasa")
        == MOMBASA
    )


WALIKALE_TERRITORY, NORTHERN_TERRITORY = 12278075, 2064513


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Rebels raided Mambasa territory in Ituri Province.", "Mambasa territory", MAMBASA_ITURI),
        ("M23 rebels took Walikale territory last week.", "Walikale territory", WALIKALE_TERRITORY),
    ],
)
def test_a_territory_is_the_congolese_district(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


def test_a_territory_of_its_own_name_stays(world: Gazetteer) -> None:
    ids = place_ids(world, "The Northern Territory police said the road was shut.")
    assert ids.get("Northern Territory") == NORTHERN_TERRITORY
