"""Session 31 (en): real multi-outlet reports of 2022-2026 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import gainers_read as _gainers
from conftest import places_read as _taken

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

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


# -- a country's non-state group that speaks is not the country's state ----------------


def test_a_countrys_paramilitary_group_is_not_its_state(extractor: Extractor) -> None:
    # "Sudan's ... paramilitary group ... saying it took" was read as the Sudanese army
    text = (
        "Sudan's Rapid Support Forces paramilitary says it has seized a western town. "
        "Sudan's feared paramilitary group declared victory on Friday, saying it had taken "
        "control of the town of Al Nahud in West Kordofan after a day of fighting."
    )
    gainers = _gainers(extractor, text, "2025-05-02", Status.OCCURRED, Status.CLAIMED)
    assert gainers and "Military Forces of Sudan" not in gainers
    assert "Rapid Support Forces" in gainers


def test_a_countrys_paramilitary_group_alone_is_not_its_state(extractor: Extractor) -> None:
    text = (
        "Sudan's feared paramilitary group declared victory on Friday, saying it had taken "
        "control of the town of Al Nahud in West Kordofan."
    )
    gainers = _gainers(extractor, text, "2025-05-02", Status.OCCURRED, Status.CLAIMED)
    assert "Military Forces of Sudan" not in gainers


def test_a_countrys_army_that_speaks_is_still_its_state(extractor: Extractor) -> None:
    # guard: the country's army speaking of what "it" took is the state's forces
    text = "Sudan's army said on Friday it had taken control of the town of Al Nahud."
    assert _gainers(extractor, text, "2025-05-02") == ["Military Forces of Sudan"]


# -- an anniversary piece's bare day of the month is the day it marks, years back --------


def test_the_day_an_anniversary_marks_is_no_new_taking(extractor: Extractor) -> None:
    # "December 8" with no year, in a piece marking the anniversary, was read as a
    # capture of Damascus on the day of publication
    text = (
        "Crowds filled the squares on Monday to mark the anniversary of the fall of the "
        "old regime. Opposition fighters captured Damascus on December 8 as the president "
        "flew into exile."
    )
    assert _taken(extractor, text, "2025-12-08") == []


def test_a_new_taking_told_in_an_anniversary_piece_stays_news(extractor: Extractor) -> None:
    # guard: a weekday dates news even in a piece that marks an anniversary
    text = (
        "Crowds filled the squares on Monday to mark the anniversary of the fall of the "
        "old regime. Meanwhile government troops took control of Sweida on Sunday."
    )
    assert _taken(extractor, text, "2025-12-08") == ["As-Suwayda"]


def test_a_bare_day_outside_an_anniversary_piece_stays_news(extractor: Extractor) -> None:
    # guard: without an anniversary lead the same date is the news
    text = "Government troops took control of Sweida on December 7, officials said."
    assert _taken(extractor, text, "2025-12-08") == ["As-Suwayda"]


# -- "they" after a side that speaks with its allies: the side that heads them -----------


def test_they_after_a_side_and_its_allies_is_the_heading_side(extractor: Extractor) -> None:
    # "they" was read as the last ally listed (the PDFs), not the union heading the list
    text = (
        "The Karen National Union (KNU), along with the Karen National Liberation Army "
        "(KNLA) and the People's Defense Forces (PDFs), announced today that they took "
        "control of the border town of Myawaddy."
    )
    gainers = _gainers(extractor, text, "2024-04-11")
    assert gainers and "PDF: People's Defense Force" not in gainers


def test_they_after_plural_speakers_fighting_a_foe_stays_the_speakers(
    extractor: Extractor,
) -> None:
    # guard: a plural speaker fighting a foe is still the taker, not the foe
    text = "Karen rebels fighting the Myanmar army said they had taken control of Myawaddy."
    gainers = _gainers(extractor, text, "2024-04-11")
    assert gainers and "Military Forces of Myanmar" not in gainers
