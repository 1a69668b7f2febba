"""People told by their apposition are people, not a place taken (session 25's reading
of long-form reports on foreign fighters held in Syria).

"Kotey, a father of two from west London, ... were seized last month" seizes two men;
the town in their description is where they come from, not ground that changed hands.
The sentences are written for these tests, in the constructions such reports use.
"""

from __future__ import annotations

import pytest
from conftest import places_taken as taken
from conftest import read_wire as read

from sitrep.read.en.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Kotey, a father of two from west London, and Elsheikh, a former fairground "
        "mechanic, also from Leeds, were seized last month.",
        "Anwar Miah, a pharmacist from Birmingham, was captured in Deir ez-Zor a month ago.",
        "Jack Letts, a 23-year-old Briton, was captured in Raqqa last year.",
        "Hoda Muthana, an American student from Alabama, was detained and later captured "
        "near Baghuz.",
    ],
)
def test_a_person_named_with_an_apposition_is_no_place_taken(
    extractor: Extractor, text: str
) -> None:
    assert taken(read(extractor, text, "2018-02-11")) == set()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hajin, the last town held by the group, was captured by the SDF on Friday.", "Hajīn"),
        ("Manbij, a city of 100,000 people, was captured by the SDF on Friday.", "Manbij"),
    ],
)
def test_a_town_named_with_an_apposition_is_still_taken(
    extractor: Extractor, text: str, place: str
) -> None:
    assert taken(read(extractor, text, "2018-02-11")) == {(place, "Syrian Democratic Forces")}
