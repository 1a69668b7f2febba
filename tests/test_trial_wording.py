"""Wordings of wire copy on changes of control, from a trial of sitrep on real reports
of several wars (session 17): who gained, who lost, which place, which day.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import read_wire as read

from sitrep.core.config import Config
from sitrep.core.records import Mention, Status
from sitrep.read.en.dates import find_dates
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES as TERRITORY


@pytest.fixture(scope="module")
def gazetteer(app_config: Config) -> Any:
    from sitrep.core.resources import load_gazetteer

    return load_gazetteer(app_config)


def takeovers(mentions: list[Mention]) -> list[Mention]:
    return [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY and m.status is Status.OCCURRED and not m.reference
    ]


def gainers(extractor: Extractor, text: str, day: str) -> set[str]:
    """The gaining sides named of the changes a report tells."""
    found = takeovers(read(extractor, text, day))
    assert found
    return {m.actor1.name for m in found if m.actor1}


def sides(mentions: list[Mention]) -> set[tuple[str | None, str | None]]:
    return {
        (m.actor1.name if m.actor1 else None, m.actor2.name if m.actor2 else None)
        for m in takeovers(mentions)
    }


def test_a_town_that_has_fallen_to_a_side_is_that_sides(extractor: Extractor) -> None:
    # the longer "has fallen" wins the trigger overlap over "fallen to"; the side
    # after "to" took the town all the same
    # (the army's inquiry into its withdrawal tells the same change again)
    text = (
        "The central city of Kosti has fallen to the Rapid Support Forces, the paramilitary "
        "announced on Tuesday. The army said it had opened an inquiry into the withdrawal "
        "of its garrison from the city."
    )
    found = read(extractor, text, "2023-12-19")
    told = [m for m in found if m.sub_event_type in TERRITORY and m.status is Status.OCCURRED]
    assert told
    assert {m.actor1.name if m.actor1 else None for m in told} == {"Rapid Support Forces"}
    assert {m.sub_event_type for m in told} == {"Non-state actor overtakes territory"}


def test_the_army_that_says_it_lost_a_town_did_not_take_it(extractor: Extractor) -> None:
    text = (
        "Insurgents of Hayat Tahrir al-Sham stormed Homs on Saturday. Syria's army "
        "acknowledged it had lost control of the city after a night of fighting."
    )
    assert "Military Forces of Syria" not in gainers(extractor, text, "2024-12-07")


def test_an_acronym_the_article_defines_is_what_it_defines(extractor: Extractor) -> None:
    # the catalogue knows "SNA" as the Syrian National Army; this report defines it
    text = (
        "The Somali National Army (SNA) said on Tuesday it had recaptured the town of "
        "Jowhar from al-Shabaab. The SNA took control of Jowhar at dawn, a commander said."
    )
    assert gainers(extractor, text, "2023-03-07") == {"Military Forces of Somalia"}


def test_demonym_loyalist_forces_are_the_state_forces(extractor: Extractor) -> None:
    text = "Yemeni loyalist forces recaptured the port of Mokha from the Houthis on Tuesday."
    assert gainers(extractor, text, "2017-02-07") == {"Military Forces of Yemen"}


def test_an_alternate_spelling_abroad_is_not_the_town_of_the_report(
    extractor: Extractor, gazetteer: Any
) -> None:
    # "Boni" is one of Bonn's alternate names; a report on Mali means a Malian town
    assert any(p.name == "Bonn" for p in gazetteer.lookup("Boni"))
    text = (
        "The Malian army said on Saturday it had regained control of Boni, a town held "
        "for a day by jihadists."
    )
    found = read(extractor, text, "2016-09-03")
    assert not any(m.place and m.place.place.name == "Bonn" for m in found)


def test_troops_withdrawing_is_a_withdrawal_under_way(extractor: Extractor) -> None:
    text = (
        "Russian troops have pushed into Pokrovsk for weeks. Ukraine's army commander said "
        "on Monday he was withdrawing troops from the town of Pokrovsk to save lives."
    )
    found = [m for m in takeovers(read(extractor, text, "2025-11-03")) if m.place]
    assert found
    assert all(m.place.place.name.startswith("Pokrovs") for m in found)  # type: ignore[union-attr]
    assert ("Military Forces of Russia", "Military Forces of Ukraine") in sides(found)


def test_considering_a_withdrawal_is_none(extractor: Extractor) -> None:
    text = "Ukraine's army is considering withdrawing from Pokrovsk, officials said on Monday."
    assert not takeovers(read(extractor, text, "2025-11-03"))


def test_a_move_into_a_towns_centre_takes_the_town(extractor: Extractor) -> None:
    text = "M23 fighters moved into the centre of Uvira on Wednesday, residents said."
    found = takeovers(read(extractor, text, "2025-12-10"))
    assert {m.actor1.name for m in found if m.actor1} == {"M23: March 23 Movement"}
    assert {m.place.place.name for m in found if m.place} == {"Uvira"}


def test_an_army_entering_a_town_takes_it(extractor: Extractor) -> None:
    text = "Ukraine's defence ministry said on Friday that the army was entering Kupiansk."
    assert gainers(extractor, text, "2022-09-09") == {"Military Forces of Ukraine"}


def test_the_start_of_a_war_dates_no_news() -> None:
    # "since the start of the invasion in February": the war's date, not the news'
    text = "It is the worst defeat since the start of the invasion in February."
    found = find_dates(text, date(2022, 11, 11))
    assert found and all(d.relation == "since" for d in found)
    told_again = find_dates("the biggest gain since it took Bakhmut in May", date(2024, 2, 18))
    assert told_again and all(d.relation == "at" for d in told_again)


def test_a_town_that_places_another_is_the_place_of_its_own_clause(
    extractor: Extractor,
) -> None:
    # "110 km south of Aleppo" places Hama, but the clause on Aleppo tells its capture
    text = (
        "Rebels took control of Hama on Thursday. Hama lies 130 km south of Aleppo, which "
        "the rebels captured last week."
    )
    found = takeovers(read(extractor, text, "2024-12-06"))
    dates = {m.place.place.name: m.time.value for m in found if m.place and m.time}
    assert dates.get("Aleppo") == date(2024, 11, 29)
    assert all(day == date(2024, 12, 5) for name, day in dates.items() if name != "Aleppo")


def test_forces_that_retreated_from_a_town_left_it(extractor: Extractor) -> None:
    text = (
        "The TPLF said on Monday that federal forces had retreated from the regional "
        "capital of Mekelle."
    )
    found = takeovers(read(extractor, text, "2021-06-28"))
    assert {m.actor2.name for m in found if m.actor2} == {"Military Forces of Ethiopia"}


def test_a_town_named_as_a_distance_mark_is_not_the_town_of_the_next_sentence(
    extractor: Extractor,
) -> None:
    text = (
        "Azerbaijani forces captured the town of Shusha on Sunday, the president said. The "
        "fortress town lies 15 km from Stepanakert. Aliyev said the town had been captured "
        "after heavy fighting."
    )
    found = takeovers(read(extractor, text, "2020-11-08"))
    assert {m.place.place.name for m in found if m.place} == {"Shusha"}


def test_a_town_described_as_a_distance_mark_is_not_the_town_of_the_next_sentence(
    extractor: Extractor,
) -> None:
    # the mark described by its rank in the region ("the region's largest city X")
    text = (
        "BAKU, Nov 8 - Azerbaijani troops captured the hilltop town of Shusha on Sunday. "
        "The town lies about 15 kilometres from Nagorno-Karabakh's largest city "
        "Stepanakert. In a speech on Sunday, the Azerbaijani president said the city had "
        "been liberated."
    )
    found = takeovers(read(extractor, text, "2020-11-08"))
    assert {m.place.place.name for m in found if m.place} == {"Shusha"}


def test_the_latest_town_to_fall_has_fallen(extractor: Extractor) -> None:
    # "is the latest ... to fall": one that has fallen, not one expected to
    text = "KYIV, Oct 2 - Pokrovsk is the latest town to fall to the Russians."
    assert gainers(extractor, text, "2024-10-02") == {"Military Forces of Russia"}


def test_bare_forces_said_to_withdraw_are_the_speakers(extractor: Extractor) -> None:
    # "forces" owned by no one: those of the officials who say they are leaving
    text = (
        "Ukraine's army officials say forces are withdrawing from the town of Kurakhove "
        "after weeks of fighting."
    )
    found = takeovers(read(extractor, text, "2025-01-06"))
    assert sides(found) == {(None, "Military Forces of Ukraine")}


def test_a_gerund_after_after_has_the_subject_of_its_clause(extractor: Extractor) -> None:
    # the forces routed are the object of "routing", not who took Hama
    text = (
        "Rebel fighters seized Homs on Saturday, routing forces loyal to President Bashar "
        "al-Assad a day after taking over Hama."
    )
    found = [m for m in takeovers(read(extractor, text, "2024-12-07")) if m.place]
    hama = [m for m in found if m.place and m.place.place.name != "Homs"]
    assert hama
    assert all(m.actor1 and m.actor1.name != "Military Forces of Syria" for m in hama)
