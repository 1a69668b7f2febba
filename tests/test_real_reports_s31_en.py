"""Session 31 (en): real multi-outlet reports of 2022-2026 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _taken(extractor: Extractor, text: str, day: str, *statuses: Status) -> list[str]:
    return [
        m.place.place.name
        for m in changes(read(extractor, text, day), *statuses)
        if m.place is not None
    ]


# -- a place that only tells where the thing taken lies: no taking of the place ----------


def test_a_base_in_the_area_of_a_town_is_not_the_town(extractor: Extractor) -> None:
    # the headquarters "in the same area of" the town was read as the town's capture
    text = (
        "Rebel fighters also overran the command post of Infantry Battalion 212 in the "
        "same area of Minbya on March 3, the group said."
    )
    assert "Minbya" not in _taken(extractor, text, "2024-03-10")


def test_positions_in_the_vicinity_of_a_town_are_not_the_town(extractor: Extractor) -> None:
    text = "Russian troops captured several positions in the vicinity of Toretsk on Tuesday."
    assert "Toretsk" not in _taken(extractor, text, "2024-07-10")


def test_a_base_on_the_route_to_a_hub_is_not_the_hub(extractor: Extractor) -> None:
    # the hub named after "route to the ... of" is where the road goes
    text = (
        "Kachin fighters seized a junta outpost guarding the main route to the jade "
        "trading hub of Hpakant on Thursday."
    )
    assert "Hpakant" not in [p[:7] for p in _taken(extractor, text, "2024-04-11")]


def test_a_town_north_of_a_capital_leaves_the_capital(extractor: Extractor) -> None:
    # the state capital that only placed the town by a bearing was read as a second taking
    text = (
        "The Arakan Army took Rathedaung on Sunday, and the last junta troops fled the "
        "river town north of the state capital Sittwe by boat."
    )
    taken = _taken(extractor, text, "2024-03-18")
    assert "Sittwe" not in taken


def test_a_town_in_its_own_area_words_is_still_taken(extractor: Extractor) -> None:
    # guard: a town named as what was taken stays the taking
    text = "Rebel fighters overran the town of Minbya on March 3, the group said."
    assert _taken(extractor, text, "2024-03-10") == ["Minbya"]


def test_a_base_in_a_town_is_still_the_town(extractor: Extractor) -> None:
    # guard: a garrison's base in the town is the town's taking, as wires code it
    text = "Boko Haram fighters seized a military base in the town of Baga on Saturday."
    assert _taken(extractor, text, "2015-01-05") == ["Baga"]


def test_a_town_taken_on_the_route_to_a_city_is_still_taken(extractor: Extractor) -> None:
    # guard: the town taken is still read when the road's end is named after it
    text = "Russian forces captured Selydove, a town on the route to Pokrovsk, on Tuesday."
    assert _taken(extractor, text, "2024-10-29") == ["Selydove"]
