"""Session 24: the context ranker for ambiguous names (issues 11 and 12).

A country or province said right beside a name decides among its namesakes ("the
Syrian desert town of Palmyra", "Lebanon's Tripoli", "Tripoli in northern
Lebanon"); a big town that other names share only as an alias is a sure place of
the article ("Homs"); and the name many languages write for a famous place (an
alias with many spellings: "Palmyra" of Tadmur) is not the stray alias a small
namesake's old name is. Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from sitrep.core.records import PlaceMatch
from sitrep.resolve.gazetteer import Gazetteer

TADMUR, RAMADI, HOMS = 163808, 98717, 169577
TRIPOLI_LIBYA, TRIPOLI_LEBANON, TRIPOLI_GREECE = 2210247, 266826, 252601
KHERSON_OBLAST, OMDURMAN, POKROVSK_UKRAINE = 706442, 365137, 704422
PARIS_TEXAS, PALMYRA_NEW_YORK = 4717560, 5130441


def _found(world: Gazetteer, text: str) -> dict[str, PlaceMatch]:
    return {m.matched_text: m for m in world.find(text)}


def test_a_demonym_before_the_description_keeps_an_alias_town(world: Gazetteer) -> None:
    # "Palmyra" is an alias of Tadmur and the own name of small US towns; the
    # Iraqi place and demonym gave Syria no standing, so the town was dropped.
    found = _found(
        world,
        "Jihadist fighters overran the Syrian desert town of Palmyra on Thursday, a week "
        "after driving the Iraqi army out of the city of Ramadi.",
    )
    assert found["Palmyra"].place.id == TADMUR
    assert found["Ramadi"].place.id == RAMADI


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Gunmen traded fire with soldiers in Lebanon's Tripoli on Monday.",
            "Tripoli",
            TRIPOLI_LEBANON,
        ),
        (
            "Street battles broke out in Tripoli in northern Lebanon overnight.",
            "Tripoli",
            TRIPOLI_LEBANON,
        ),
        (
            "Libyan officials in Benghazi said the recruits came from the Lebanese city of "
            "Tripoli.",
            "Tripoli",
            TRIPOLI_LEBANON,
        ),
        (
            "Floods cut the roads around the Greek town of Tripoli on Sunday.",
            "Tripoli",
            TRIPOLI_GREECE,
        ),
    ],
)
def test_the_country_said_beside_a_name_decides_it(
    world: Gazetteer, text: str, name: str, expected: int
) -> None:
    assert _found(world, text)[name].place.id == expected


def test_a_said_country_places_the_name_where_the_article_repeats_it(world: Gazetteer) -> None:
    found = world.find_all(
        [
            "Floods cut the roads around the Greek town of Tripoli on Sunday.",
            "Rescuers from Tripoli reached the village at noon.",
        ]
    )
    assert [m.place.id for row in found for m in row] == [TRIPOLI_GREECE, TRIPOLI_GREECE]


def test_an_alias_town_in_the_country_of_a_sure_place_is_kept(world: Gazetteer) -> None:
    # "Daraa" is an alias of Dar'a; Homs, now a sure place of the report, lies
    # in Syria too, far from Daraa: the same country supports the alias.
    found = world.find_all(
        [
            "Opposition fighters took the southern city of Daraa on Saturday.",
            "Soldiers were allowed to leave for Damascus.",
            "The rebels pushed on from Hama towards Homs.",
        ]
    )
    names = {m.matched_text: m.place.country for row in found for m in row}
    assert names == {"Daraa": "SYR", "Damascus": "SYR", "Hama": "SYR", "Homs": "SYR"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # guards: what the ranker already read right stays so
        ("Libyan militias shelled the Libyan city of Tripoli again.", "Tripoli", TRIPOLI_LIBYA),
        (
            "Kyiv said its troops advanced in Ukraine's Kherson region.",
            "Kherson region",
            KHERSON_OBLAST,
        ),
        ("The RSF shelled the Sudanese city of Omdurman on Sunday.", "Omdurman", OMDURMAN),
        (
            "Officials in the Texas town of Paris said the storm damaged 40 homes.",
            "Paris",
            PARIS_TEXAS,
        ),
        # a demonym that is the subject of a verb, or whose forces hold the town,
        # says nothing of where the town is
        ("Russian forces shelled the town of Pokrovsk overnight.", "Pokrovsk", POKROVSK_UKRAINE),
        ("Ukrainian troops left the Russian-held town of Pokrovsk.", "Pokrovsk", POKROVSK_UKRAINE),
    ],
)
def test_guards(world: Gazetteer, text: str, name: str, expected: int) -> None:
    assert _found(world, text)[name].place.id == expected


def test_a_us_palmyra_in_local_news_stays_in_the_us(world: Gazetteer) -> None:
    found = _found(
        world,
        "Firefighters from Palmyra and Rochester fought the barn fire on Route 21 for three hours.",
    )
    assert found["Palmyra"].place.country == "USA"
    found = _found(world, "The New York village of Palmyra will vote on the budget on Tuesday.")
    assert found["Palmyra"].place.id == PALMYRA_NEW_YORK


def test_a_big_town_named_like_aliases_elsewhere_is_a_sure_place(world: Gazetteer) -> None:
    # "Homs" is also an alias of its governorate and of Al Khums (Libya); it was no
    # sure place, so nothing near it helped Tadmur against the US towns.
    found = _found(
        world, "Jihadists seized Palmyra at dawn after a week-long push from the outskirts of Homs."
    )
    assert found["Palmyra"].place.id == TADMUR
    assert found["Homs"].place.id == HOMS


def test_the_name_the_world_knows_a_town_by_is_no_stray_alias(world: Gazetteer) -> None:
    # No word says Syria: "Palmyra" is written so by many languages for Tadmur,
    # and only once each for the US towns that had it as an old name.
    found = _found(
        world,
        "Militants overran Palmyra on Wednesday, days after pushing the Iraqi army out of Ramadi.",
    )
    assert found["Palmyra"].place.id == TADMUR


BOR_SOUTH_SUDAN, LAE = 377241, 2092740


def test_a_demonym_of_several_words_is_read_whole(world: Gazetteer) -> None:
    # "South Sudanese" named Sudan (its last word) as the article's country, so Bor,
    # Jonglei, lost to Bor in Russia.
    (m,) = world.find("South Sudanese troops recaptured the town of Bor on Sunday.")
    assert m.place.id == BOR_SOUTH_SUDAN
    (m,) = world.find("Papua New Guinean police arrested twelve men in Lae overnight.")
    assert m.place.id == LAE
