"""Session 33 (branch s33-geo): places of control changes the world gazetteer lacked,
and names it misread (issue 11). Every sentence here was written for these tests.

- Data: Heglig (the Sudanese oil-field town), Pauk (Magway), Hpasawng (Kayah), Mais
  al-Jabal and Markaba (south Lebanon), ids -320 to -324, each with its `source`.
"""

from __future__ import annotations

import pytest
from conftest import place_ids

from sitrep.resolve.gazetteer import Gazetteer

HEGLIG, PAUK, HPASAWNG, MAIS_AL_JABAL, MARKABA = -320, -321, -322, -323, -324
YAROUN, KADUGLI, LOIKAW, PAKOKKU = -201, 373141, 1313479, 1302439


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
