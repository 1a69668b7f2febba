"""Wordings from session 27's English trial: reports of takeovers from wars in Africa and
Asia (Sudan 2023-2025, eastern Congo 2024-2025, Myanmar 2024-2025, Somalia 2022-2025,
Ethiopia 2020 and 2023, Borno 2021, Cabo Delgado 2021, Marib 2021, central Mali 2025).
A denial told as the rejection of "the claim that" a side took a town, a past
taking dated by a day of "last year", a group named for a day ("the March 23
Movement"), a comparison across years ("the worst escalation since 2012"), control
"secured".

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def test_a_claim_refuted_in_its_own_sentence_is_a_denial(extractor: Extractor) -> None:
    # "refuted the claim that ... had taken": told like "denied that ... had taken"
    text = (
        "The army on Sunday refuted the claim that the paramilitary Rapid Support Forces "
        "had taken control of Singa, the capital of Sennar state."
    )
    mentions = read(extractor, text, "2024-06-30")
    assert not taken(mentions)
    assert territory_changes(mentions, Status.DENIED)


def test_reports_rejected_in_their_own_sentence_are_a_denial(extractor: Extractor) -> None:
    text = "The army rejected reports that the rebels had seized Dinder."
    mentions = read(extractor, text, "2024-07-03")
    assert not taken(mentions)
    assert territory_changes(mentions, Status.DENIED)


def test_a_claim_repeated_is_still_a_claim(extractor: Extractor) -> None:
    # (guard: only a verb of denial before "the claim that" makes it one)
    text = (
        "The paramilitary Rapid Support Forces on Sunday repeated the claim that they had "
        "taken control of Singa."
    )
    mentions = read(extractor, text, "2024-06-30")
    assert taken(mentions)
    assert not territory_changes(mentions, Status.DENIED)


def test_a_taking_on_a_day_of_last_year_is_dated_in_that_year(extractor: Extractor) -> None:
    text = (
        "The army launched an offensive on the town this week. The rebels and their allies "
        "captured Kyaukme on August 5 last year."
    )
    days = {
        m.time.value.isoformat()
        for m in territory_changes(read(extractor, text, "2025-08-21"), *Status)
        if m.time and m.place and m.place.place.name == "Kyaukme"
    }
    assert days == {"2024-08-05"}


def test_a_group_named_for_a_day_does_not_date_its_taking(extractor: Extractor) -> None:
    # "March 23" of "the March 23 movement" dated the taking in March, a recollection
    text = (
        "M23 (March 23 movement) rebels have captured the mining town Rubaya in eastern "
        "Congo, local sources said Wednesday."
    )
    mentions = territory_changes(read(extractor, text, "2024-05-01"))
    assert {
        (m.place.place.name, m.time.value.isoformat()) for m in mentions if m.place and m.time
    } == {("Rubaya", "2024-05-01")}


def test_the_worst_escalation_since_a_year_is_no_standing_state(extractor: Extractor) -> None:
    text = (
        "M23 fighters marched into Goma on Monday in the worst escalation since 2012 of a "
        "conflict rooted in the fallout from the genocide."
    )
    assert ("Goma", "M23: March 23 Movement") in taken(read(extractor, text, "2025-01-29"))


def test_control_secured_is_a_taking(extractor: Extractor) -> None:
    text = "On Thursday, the Kokang army MNDAA secured control of Laukkai."
    assert ("Laukkai", "MNDAA: Myanmar National Democratic Alliance Army") in taken(
        read(extractor, text, "2024-01-06")
    )


def test_a_step_to_securing_control_is_no_taking(extractor: Extractor) -> None:
    # (guard: only the past "secured control" tells a taking)
    text = (
        "State media said a deal to end the fighting in the south was imminent, another "
        "step to the government securing complete control over the area."
    )
    assert not taken(read(extractor, text, "2018-06-20"))
