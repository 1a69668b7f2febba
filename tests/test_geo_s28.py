"""Session 28: the world ranker's smaller leftovers (issue 11) and the
evaluation's breakdown of wrong answers. Every sentence here was written for
these tests.

- A lower-case "the" opens a name the data writes with "the" whose rest is no
  place ("a tanker seized in the Gulf" is the Persian Gulf);
- a governor's word after a name ending in a feature's word keeps the province
  ("the Red Sea governor" is Egypt's governorate, not the sea);
- "the X governorate of Egypt" lies in the country after "of".
"""

from __future__ import annotations

import pytest

from sitrep.core.records import Place, PlacePrecision
from sitrep.quality.evaluation.geoparse import GoldToponym, wrong_kind
from sitrep.resolve.gazetteer import Gazetteer

RED_SEA, RED_SEA_STATE, RED_SEA_GOVERNORATE = 350155, 408646, 361468
PUNJAB_PAKISTAN = 1167710


def _ids(world: Gazetteer, text: str, name: str = "") -> list[int]:
    """The places ``find`` gives in ``text`` (only those of names starting ``name``)."""
    return [m.place.id for m in world.find(text) if m.matched_text.startswith(name)]


def _persian_gulf(world: Gazetteer) -> int:
    return next(p.id for p in world.lookup("Persian Gulf") if p.kind is PlacePrecision.REGION)


GULF_STORIES = (
    "Iran seized a tanker in the Gulf on Thursday, the Revolutionary Guards said.",
    "Iranian speedboats shadowed a US destroyer in the Gulf, the Pentagon said.",
)


@pytest.mark.parametrize("text", GULF_STORIES)
def test_a_lower_case_the_opens_the_gulf(world: Gazetteer, text: str) -> None:
    assert _persian_gulf(world) in _ids(world, text)


def test_a_lower_case_the_names_no_town_called_the_valley(world: Gazetteer) -> None:
    # Anguilla's "The Valley" is no reading of "the Valley" in a sentence
    found = {m.place.country for m in world.find("He drove through the Valley to the Bronx.")}
    assert "AIA" not in found


def test_a_lower_case_the_before_a_known_name_changes_nothing(world: Gazetteer) -> None:
    text = "Tankers crossing the Strait of Hormuz were tracked by the navy."
    assert [m.matched_text for m in world.find(text)] == ["Strait of Hormuz"]


def test_a_governor_after_a_sea_named_province_keeps_the_province(world: Gazetteer) -> None:
    text = "A shark attacked a swimmer off Hurghada, the Red Sea governor said on Monday."
    assert _ids(world, text, "Red Sea") == [RED_SEA_GOVERNORATE]


def test_the_sea_without_a_governor_stays_the_sea(world: Gazetteer) -> None:
    text = "Rebels fired two drones at a tanker in the Red Sea on Sunday."
    assert _ids(world, text, "Red Sea") == [RED_SEA]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thousands fled Khartoum for the Red Sea governorate of Egypt, while others "
            "went on to Kassala.",
            RED_SEA_GOVERNORATE,
        ),
        (
            "Fighting reached the Red Sea state of Sudan as the paramilitaries pushed on "
            "from Kassala.",
            RED_SEA_STATE,
        ),
    ],
)
def test_a_province_of_a_country_lies_in_that_country(
    world: Gazetteer, text: str, expected: int
) -> None:
    assert _ids(world, text, "Red Sea")[:1] == [expected]


def test_of_without_a_province_word_is_no_cue(world: Gazetteer) -> None:
    # "Punjab of India" is no province-word name: Pakistan's context still decides
    text = "Lahore and Multan flooded; Punjab of India was spared, Pakistani officials said."
    assert _ids(world, text, "Punjab") == [PUNJAB_PAKISTAN]


def _gold(world: Gazetteer, place: Place) -> GoldToponym:
    return GoldToponym(place.name, 0, len(place.name), place.id, place.lat, place.lon)


def test_wrong_answers_are_told_apart_by_kind(world: Gazetteer) -> None:
    paris = world.by_id(2988507)
    paris_texas = world.by_id(4717560)
    france = world.country("FRA")
    punjab_pk = world.by_id(PUNJAB_PAKISTAN)
    lahore = world.by_id(1172451)
    assert paris and paris_texas and punjab_pk and lahore
    assert wrong_kind(world, _gold(world, paris), france) == "coarser"
    assert wrong_kind(world, _gold(world, punjab_pk), lahore) == "finer"
    assert wrong_kind(world, _gold(world, paris), paris_texas) == "other_country"
    karachi = world.by_id(1174872)
    assert karachi
    assert wrong_kind(world, _gold(world, lahore), karachi) == "same_country"


COX_S_BAZAR = 1336134


def test_a_name_written_with_a_possessive_is_one_name(world: Gazetteer) -> None:
    # the data spells it "Cox's Bazar": not the Spanish town Cox and a word
    text = "Rohingya refugees crowded the camps of Cox's Bazar after the fire."
    assert _ids(world, text) == [COX_S_BAZAR]


def test_a_possessive_between_two_names_still_parts_them(world: Gazetteer) -> None:
    text = "Nigeria's Lagos and Kano were calm on Sunday."
    assert [m.matched_text for m in world.find(text)] == ["Nigeria", "Lagos", "Kano"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Protests spread across Chile on Friday, the interior ministry said.", "CHL"),
        ("Peruvian police cleared protesters from central Lima on Sunday.", "PER"),
        ("Police in Philadelphia arrested a suspect after the shooting.", "USA"),
        ("Police in Victoria, the capital of British Columbia, made no arrests.", "CAN"),
    ],
)
def test_a_big_place_is_no_common_word_in_the_world(
    world: Gazetteer, text: str, country: str
) -> None:
    assert country in {m.place.country for m in world.find(text)}


def test_an_everyday_word_naming_a_big_province_stays_a_word(world: Gazetteer) -> None:
    # a province named "Central" is no reading of the word
    assert world.find("Officials said Central banks would meet in Frankfurt.")[0].place.country == (
        "DEU"
    )


def test_a_given_name_before_a_surname_stays_a_person(world: Gazetteer) -> None:
    found = [m.matched_text for m in world.find("Victoria Beckham opened a shop in London.")]
    assert found == ["London"]


def test_the_dev_set_scores_its_floor(world: Gazetteer) -> None:
    # sitrep's own news-style sentences (gold/geodev.jsonl): no rule may cost
    # more than one of its places
    from sitrep.quality.evaluation.geoparse import _score_corpus, read_dev

    t = _score_corpus(world, read_dev(world))
    assert t.total >= 290
    assert t.share(t.exact) >= 0.98
