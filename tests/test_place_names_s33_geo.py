"""Session 33 (branch s33-geo): places of control changes the world gazetteer lacked,
and names it misread (issue 11). Every sentence here was written for these tests.

- A province named with its word ("Kayah State", "Sagaing Region", "Ituri Province"),
  which the data lists as an alias, names the province as plainly as its bare name:
  the article's towns in it are supported ("Mese, a town in Kayah State" was the
  Italian Mese).
- "the X coast" (shore, coastline, basin, ...), where the data writes a sea "the X"
  and X alone is a town's name, is the sea: "the Caspian coast" was Caspian,
  Michigan (and a town far from it, Bandar Anzali, was then dropped).
- A name followed by a hyphen and a French particle ("-d'", "-de-", "-des-", ...), or
  by a space and a particle leading to a capitalized word ("Saut d'Eau",
  "Petite-Rivière de l'Artibonite"), is the head of a longer French place name the
  gazetteer lacks, not a place of its own: "Saut-d'Eau" was a district of Saint Lucia
  called Saut.
- Data: Heglig (the Sudanese oil-field town), Pauk (Magway), Hpasawng (Kayah), Mais
  al-Jabal, Markaba and Odaisseh (south Lebanon), El Plateado (Cauca), ids -320 to
  -326, each with its `source`.
"""

from __future__ import annotations

import pytest
from conftest import place_ids

from sitrep.resolve.gazetteer import Gazetteer

HEGLIG, PAUK, HPASAWNG, MAIS_AL_JABAL, MARKABA = -320, -321, -322, -323, -324
ODAISSEH, EL_PLATEADO = -325, -326
YAROUN, KADUGLI, LOIKAW, PAKOKKU = -201, 373141, 1313479, 1302439
MESE_MM, MESE_IT, KANI_MM = -314, 3173534, -313
CASPIAN_SEA, CASPIAN_MI, BANDAR_ANZALI = -100011, 4988212, 141679
SAUT_LC, PETITE_RIVIERE_MU, MIREBALAIS = 11351534, 934195, 3720811
CROIX_DES_BOUQUETS, IDLIB, ALEPPO, SAINT_MARC = 3727135, 169389, 170063, 3717588
SANTIAGO_DE_CUBA, RIO_DE_JANEIRO, PARIS = 3536729, 3451190, 2988507


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The paramilitary force said it had overrun Heglig on Monday.", "Heglig", HEGLIG),
        ("Army units pulled out of the Heglig oil field in West Kordofan.", "Heglig", HEGLIG),
        ("Troops from Juba were deployed to Heglieg under the deal.", "Heglieg", HEGLIG),
        ("Resistance fighters seized Pauk after a week of clashes.", "Pauk", PAUK),
        ("Junta troops shelled Pauk township in Magway Region.", "Pauk", PAUK),
        ("Karenni forces said they had captured Hpasawng on Sunday.", "Hpasawng", HPASAWNG),
        ("The army retook Hpasaung in Kayah State after air strikes.", "Hpasaung", HPASAWNG),
        ("Tanks pushed into Mais al-Jabal near the border.", "Mais al-Jabal", MAIS_AL_JABAL),
        ("Residents fled Meiss El Jabal as the shelling went on.", "Meiss El Jabal", MAIS_AL_JABAL),
        ("Bulldozers razed houses in Markaba in south Lebanon.", "Markaba", MARKABA),
        ("Israeli forces blew up houses in Odaisseh on the border.", "Odaisseh", ODAISSEH),
        ("Shelling hit Adaisseh and the hills east of it.", "Adaisseh", ODAISSEH),
        ("Dissidents took control of El Plateado in Cauca.", "El Plateado", EL_PLATEADO),
        ("Soldiers retook El Plateado, the Colombian army said.", "El Plateado", EL_PLATEADO),
    ],
)
def test_new_places_of_control_changes(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Israeli troops blew up houses in Yaroun on the border.", "Yaroun", YAROUN),
        ("The army said Kadugli was still under its control.", "Kadugli", KADUGLI),
        ("Fighting reached the outskirts of Loikaw on Friday.", "Loikaw", LOIKAW),
        ("Drones struck a market in Pakokku before dawn.", "Pakokku", PAKOKKU),
    ],
)
def test_neighbours_of_the_new_places_stay(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Resistance fighters captured Mese, a town in Kayah State.",
        "Mese near the Thai border in Kayah State fell to the resistance.",
        "The KNDF said it had taken Mese. Kayah State has seen heavy fighting.",
    ],
)
def test_a_province_named_with_its_word_supports_its_town(world: Gazetteer, text: str) -> None:
    assert place_ids(world, text).get("Mese") == MESE_MM


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Mese is a village in Lombardy, north of Milan.", "Mese", MESE_IT),
        ("Residents of Mese said the road was closed.", "Mese", MESE_IT),
        ("Kani fell to the PDF. Sagaing Region has seen heavy fighting.", "Kani", KANI_MM),
    ],
)
def test_towns_without_the_province_word_stay(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert place_ids(world, text).get(name) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ferries sailed from the Caspian coast at dawn.",
        "Fishermen along the Caspian shore said the catch fell.",
        "Officials named Bandar Anzali for the Caspian coast.",
    ],
)
def test_the_x_coast_is_the_sea(world: Gazetteer, text: str) -> None:
    ids = set(place_ids(world, text).values())
    assert CASPIAN_SEA in ids and CASPIAN_MI not in ids


def test_a_town_beside_the_coast_is_kept(world: Gazetteer) -> None:
    text = "Iranian forces moved to the Caspian shore near Bandar Anzali."
    assert place_ids(world, text).get("Bandar Anzali") == BANDAR_ANZALI


@pytest.mark.parametrize(
    "text",
    [
        "The town council of Caspian, Michigan, voted on Monday.",
        "They drove to the Caspian city hall after the game.",
    ],
)
def test_the_town_called_caspian_stays(world: Gazetteer, text: str) -> None:
    assert place_ids(world, text).get("Caspian") == CASPIAN_MI


@pytest.mark.parametrize(
    ("text", "abroad"),
    [
        ("Gunmen seized Saut-d'Eau after Mirebalais fell.", SAUT_LC),
        ("Gangs overran Petite-Riviere-de-l'Artibonite overnight.", PETITE_RIVIERE_MU),
        ("Gangs overran Petite-Rivière de l'Artibonite overnight.", PETITE_RIVIERE_MU),
        ("Gunmen seized Saut d'Eau after Mirebalais fell.", SAUT_LC),
    ],
)
def test_the_head_of_a_french_compound_is_no_place_abroad(
    world: Gazetteer, text: str, abroad: int
) -> None:
    assert abroad not in place_ids(world, text).values()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen seized Saut-d'Eau after Mirebalais fell.", {MIREBALAIS}),
        ("Police returned to Croix-des-Bouquets on Friday.", {CROIX_DES_BOUQUETS}),
        ("Rebels cut the Idlib-Aleppo highway at dawn.", {IDLIB, ALEPPO}),
        ("Gangs struck Saint-Marc in the Artibonite.", {SAINT_MARC}),
        ("Fighting reached Santiago de Cuba on Sunday.", {SANTIAGO_DE_CUBA}),
        ("Flights to Rio de Janeiro resumed.", {RIO_DE_JANEIRO}),
        ("Crowds gathered in Paris de nuit, the guide said.", {PARIS}),
    ],
)
def test_hyphened_names_and_pairs_stay(world: Gazetteer, text: str, expected: set[int]) -> None:
    assert expected <= set(place_ids(world, text).values())
