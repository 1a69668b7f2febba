"""Session 32 (branch s32-geo): names the world gazetteer misplaced or lacked
(issue 11). Every sentence here was written for these tests.

- A province said right after a name ("X in Y province", "X township in Y
  Region", "X in the Y region of Z") places it: a namesake there is taken, and a
  town or district with no namesake in that province's country is not found at
  all, rather than abroad ("Kani township in Sagaing Region" was Kani, Japan;
  "Lere in the Timbuktu region" Lere, Nigeria).
- "X district in Y province" (or "of Y province"), where "X District" is the own
  name of a district elsewhere: the district X of that province ("Musa Khel district in Khost
  province" was Pakistan's Musa Khel District); "X district of Y" says where X
  lies as "in" does ("Al-Wadi'a district of Hadramawt" is no Saudi town).
- Persian names with and without the ezafe ("Dand-e Patan" / "Dand Patan",
  "Bandar Anzali" / "Bandar-e Anzali"), and Somali districts in the press's
  spelling of their Somali names ("Sablale" for Sablaale), as towns had.
- Data: township seats of Rakhine, Chin, Kachin, Sagaing and Kayah (ids -310 to
  -314).
"""

from __future__ import annotations

import pytest
from conftest import place_ids

from sitrep.resolve.gazetteer import Gazetteer

KANI_MM, KANI_JP, LERE_NG, HODEIDAH, KAFR_LAHA = -313, 6822216, 2332079, 79415, 168668
AL_WADIAH_SA, HARIB_YE = 108753, 75132
NAREK = 7647812
MUSA_KHEL_AF, MUSA_KHEL_PK = 7054014, 6641955
PARIS_TX, TRIPOLI_LB, ALEPPO = 4717560, 266826, 170063
DAND_PATAN, BANDAR_ANZALI, PUL_E_KHUMRI, SABLAALE = 7053977, 141679, 1130490, 9179633
PONNAGYUN, MATUPI, MOMAUK, MESE = -310, -311, -312, -314


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Resistance fighters said they held Kani township in Sagaing Region.", "Kani", KANI_MM),
        ("Fighters of the PDF entered Kani in Sagaing Region at dawn.", "Kani", KANI_MM),
        ("Clashes hit Musa Khel district of Khost province.", "Musa Khel district", MUSA_KHEL_AF),
        (
            "The Houthis pushed into Harib district of Marib governorate.",
            "Harib district",
            HARIB_YE,
        ),
        (
            "The Taliban overran Musa Khel district in Khost province.",
            "Musa Khel district",
            MUSA_KHEL_AF,
        ),
    ],
)
def test_a_province_said_after_a_name_places_it(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


@pytest.mark.parametrize(
    ("text", "name", "abroad"),
    [
        ("Jihadists seized Lere in the Timbuktu region of Mali.", "Lere", LERE_NG),
        ("Rebels overran Lere district in the Timbuktu region.", "Lere", LERE_NG),
        ("Israeli troops entered Houla in south Lebanon.", "Houla", KAFR_LAHA),
        ("Fighting was reported in Al-Wadi'a district of Hadramawt.", "Al-Wadi'a", AL_WADIAH_SA),
    ],
)
def test_no_namesake_in_the_province_said_is_no_town_abroad(
    world: Gazetteer, text: str, name: str, abroad: int
) -> None:
    ids = place_ids(world, text)
    assert abroad not in ids.values()
    assert name not in ids


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # guards: the namesake the province or country holds, as before
        ("The band played in Paris in Texas on its way west.", "Paris", PARIS_TX),
        ("Clashes broke out in Tripoli in northern Lebanon overnight.", "Tripoli", TRIPOLI_LB),
        ("Shelling hit Aleppo in Syria's north again.", "Aleppo", ALEPPO),
        (
            "Police said Musa Khel District in Balochistan was calm.",
            "Musa Khel District",
            MUSA_KHEL_PK,
        ),
        ("The mayor of Kani in Gifu opened a new bridge.", "Kani", KANI_JP),
        # a name used as a modifier is no province of the town it describes
        ("Rebels took over the Red Sea port city of Hodeida on Tuesday.", "Hodeida", HODEIDAH),
        ("Shelling hit the Syrian town of Houla overnight.", "Houla", KAFR_LAHA),
        # a name in a person's epithet: what stands in the country is no town of it
        ("Pilgrims saw a new statue of St. Gregory of Narek in Vatican City.", "Narek", NAREK),
    ],
)
def test_places_said_beside_their_province_stay(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taliban fighters overran Dand-e Patan district in Paktia.", DAND_PATAN),
        ("Iranian ferries left Bandar Anzali early on Monday.", BANDAR_ANZALI),
        ("Floods cut the road north of Pul Khumri on Friday.", PUL_E_KHUMRI),
        ("Somali troops retook Sablale district from the militants.", SABLAALE),
    ],
)
def test_ezafe_and_somali_district_spellings(world: Gazetteer, text: str, expected: int) -> None:
    assert expected in place_ids(world, text).values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Arakan Army said it had taken Ponnagyun after a long siege.", PONNAGYUN),
        ("Chin resistance forces claimed Matupi on Saturday.", MATUPI),
        ("The KIA captured Momauk, east of Bhamo, in Kachin State.", MOMAUK),
        ("Karenni fighters overran Mese in Kayah State, near the Thai border.", MESE),
    ],
)
def test_township_seats_of_myanmar(world: Gazetteer, text: str, expected: int) -> None:
    assert expected in place_ids(world, text).values()
