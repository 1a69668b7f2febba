"""Wordings of wire copy on changes of control, from a sixth trial of sitrep on real
reports of wars it had not been tuned on (session 20: Iraq and Syria 2014-17, Libya
2020, Somalia 2022-23, Lake Chad 2014-15, Haiti 2025): a dateline filed from two
cities, a town placed from "the capital", by a bearing ("west of Tripoli") or as the
owner of the neighbourhood entered, and districts taken around a town.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor
from sitrep.text.sentences import dateline_end


def places(found: list[Mention]) -> set[str]:
    return {m.place.place.name for m in found if m.place}


def test_a_dateline_filed_from_two_cities_is_no_part_of_the_lead(extractor: Extractor) -> None:
    lead = (
        "Kurdish fighters took control of the Syrian town of Tal Abyad on Tuesday, a monitor said."
    )
    text = f"BEIRUT/ANKARA (Reuters) - {lead}"
    assert dateline_end(text) == len(text) - len(lead)
    found = changes(read(extractor, text, "2015-06-16"))
    assert {m.actor1.name for m in found if m.actor1} == {"YPG: People's Protection Units"}


def test_the_capital_a_distance_is_counted_from_is_no_town_taken(extractor: Extractor) -> None:
    text = (
        "Soldiers reached the village of Qoryoley Bari, some 90km west of the capital "
        "Mogadishu, on Sunday. A local elder said the army took control of the town."
    )
    assert "Mogadishu" not in places(changes(read(extractor, text, "2023-01-16")))


def test_a_bearing_from_a_town_only_places_the_towns_taken(extractor: Extractor) -> None:
    text = (
        "Government forces said they took control of Zawiya and Surman, west of Tripoli, on Monday."
    )
    found = changes(read(extractor, text, "2020-04-14"))
    assert "Tripoli" not in places(found)
    assert "Şurmān" in places(found)


def test_the_city_after_a_neighbourhood_of_a_named_town_is_that_town(
    extractor: Extractor,
) -> None:
    # the neighbourhood's town, named in the possessive, is "the city" of the clause;
    # the town the report named a sentence before is not what was entered
    text = (
        "Commanders now look to Hawija. Iraqi troops entered Mosul's eastern neighbourhood "
        "of Gogjali, the first part of the city under IS control, on Tuesday."
    )
    assert not changes(read(extractor, text, "2016-11-01"))


def test_districts_retaken_around_a_town_are_no_taking_of_it(extractor: Extractor) -> None:
    text = (
        "Army units say they have retaken several districts around Baiji in their push "
        "to recapture the town from the militants."
    )
    assert not changes(read(extractor, text, "2015-10-20"))
    # named districts are still taken whole
    named = "Houthi fighters captured the Bayhan and Harib districts on Monday."
    assert len(changes(read(extractor, named, "2015-03-03"))) == 2


def test_units_told_by_their_kind_are_the_speakers(extractor: Extractor) -> None:
    # no side named: the president speaks for the units of his state
    text = "Ukraine's president said on Friday that special military units have entered Kherson."
    found = changes(read(extractor, text, "2022-11-11"))
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Ukraine"}


def test_troops_from_a_country_are_that_countrys(extractor: Extractor) -> None:
    # the country the troops come from, not the country of the town they took
    text = (
        "An offensive by troops from Chad and Niger has retaken the Nigerian town of Malam Fatori."
    )
    found = changes(read(extractor, text, "2015-03-09"))
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Chad"}


def test_a_when_clause_on_a_day_is_dated_by_it(extractor: Extractor) -> None:
    text = (
        "The militants have lost much ground lately, including on Saturday, when rebels "
        "backed by Turkey drove the militants from the town of Dabiq."
    )
    found = changes(read(extractor, text, "2016-10-18"))
    assert {(m.place.place.name, str(m.time.value)) for m in found if m.place and m.time} == {
        ("Dabiq", "2016-10-15")
    }


def test_a_country_that_backs_a_force_is_not_where_it_fights(extractor: Extractor) -> None:
    text = "Iran-backed militias clashed with Peshmerga fighters on Monday, officials said."
    found = read(extractor, text, "2017-10-16")
    assert all(m.place.place.country != "IRN" for m in found if m.place)


def test_a_bearing_alone_still_places_the_fighting(extractor: Extractor) -> None:
    # with no town named before it, the town a bearing is taken from is the nearest
    # place the report gives
    text = "Peshmerga fighters clashed with Iraqi troops south of Kirkuk on Monday."
    found = read(extractor, text, "2017-10-16")
    assert {m.place.place.name for m in found if m.place} == {"Kirkuk"}


def test_fighters_supporting_a_president_pushing_the_rebels_out(extractor: Extractor) -> None:
    # a participle of expulsion with a long object, by fighters told by the head of
    # state they support (his epithet before his country's demonym)
    text = (
        "Fighters supporting exiled Yemeni President Abd Rabbuh Mansour Hadi fought on "
        "Wednesday in the north of Aden, pushing the Iranian backed Houthi rebel fighters "
        "out of the port city of Aden."
    )
    found = changes(read(extractor, text, "2015-07-23"))
    assert {(m.place.place.name, m.actor1.name) for m in found if m.place and m.actor1} == {
        ("Aden", "Military Forces of Yemen")
    }
