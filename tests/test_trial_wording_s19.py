"""Wordings of wire copy on changes of control, from a fifth trial of sitrep on real
reports of many wars (session 19): a speaker's "his country's forces", a denial that a
town "changed hands" or that a leader's claims are "a total lie", Turkish-backed
factions named by their backer's capital, an advance whose day stands between verb and
place, and a step back into last week that dates no later sentence; and a name two
groups share one after the other ("Tuareg rebels": the MNLA in 2012-13, the CMA after
2014, CSP-PSD after 2023).

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.errors import DataError
from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES as TERRITORY
from sitrep.resolve.actors import ActorDictionary


def taken(found: list[Mention]) -> list[tuple[str, str]]:
    """Each change's place and taker."""
    return [(m.place.place.name, m.actor1.name) for m in found if m.place and m.actor1]


def test_his_countrys_forces_are_the_speakers_state(extractor: Extractor) -> None:
    # the president speaks for his state: "his country's forces" are its army, not a
    # side the article names elsewhere
    text = (
        "Armenia's defence ministry said fighting went on near Stepanakert. The Azerbaijani "
        "president told reporters on Monday that his country's forces had captured Fuzuli."
    )
    found = changes(read(extractor, text, "2020-10-19"))
    assert {m.place.place.name for m in found if m.place} == {"Fuzuli"}
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Azerbaijan"}


def test_a_denial_that_the_town_changed_hands_answers_the_claim(extractor: Extractor) -> None:
    text = (
        "Moscow's army chief said on Tuesday that his troops had taken control of Kupiansk, "
        "but Kyiv's general staff denied that the town had changed hands."
    )
    mentions = read(extractor, text, "2025-11-19")
    assert not changes(mentions)
    assert changes(mentions, Status.CLAIMED)


def test_a_leaders_claims_called_a_total_lie_are_denied(extractor: Extractor) -> None:
    text = (
        "The Azerbaijani president announced on Friday the capture of Hadrut. A spokesman "
        "for the Karabakh authorities said Aliyev's claims of taking Hadrut were a total lie."
    )
    mentions = read(extractor, text, "2020-10-09")
    assert not changes(mentions)


def test_factions_named_by_their_backers_capital(extractor: Extractor) -> None:
    for taker in ("Ankara-backed factions", "Pro-Turkish fighters"):
        text = f"{taker} captured the town of Tal Rifaat on Sunday after the SDF withdrew."
        found = changes(read(extractor, text, "2024-12-02"))
        assert {m.actor1.name for m in found if m.actor1} == {"Syrian National Army"}, taker


def test_an_advance_into_a_town_with_its_day_between(extractor: Extractor) -> None:
    text = "Rebel fighters of the M23 advanced on Saturday into the centre of Uvira."
    found = changes(read(extractor, text, "2025-12-14"))
    assert {m.place.place.name for m in found if m.place} == {"Uvira"}
    assert {str(m.time.value) for m in found if m.time} == {"2025-12-13"}


def test_a_step_back_to_last_week_dates_no_later_sentence(extractor: Extractor) -> None:
    # "had already taken ... last week" tells an earlier change; the next sentence's
    # capture is of the report's own days
    text = (
        "Clashes killed 12 fighters on Sunday near Manbij, a monitor said. Turkish-backed "
        "fighters had already taken the town of Tal Rifaat last week. The factions said "
        "they had taken control of Manbij."
    )
    found = [
        m
        for m in changes(read(extractor, text, "2024-12-08"), Status.OCCURRED, Status.BACKGROUND)
        if m.place and m.place.place.name == "Manbij"
    ]
    assert found
    assert all(str(m.time.value) != "2024-12-01" for m in found if m.time)


def test_the_other_sides_first_fall_of_a_town_retaken_is_recalled(extractor: Extractor) -> None:
    # the news is the town's return; its fall to the other side, ranked first and
    # undated, is the state the news undid
    text = (
        "Ukrainian troops entered Melitopol on Tuesday, the defence ministry said. "
        "Melitopol was the second big city to fall to Russian forces after the invasion "
        "began, and it was the only port they seized."
    )
    found = changes(read(extractor, text, "2025-03-05"))
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Ukraine"}


def test_a_capture_last_month_recalled_after_following_is_no_news(extractor: Extractor) -> None:
    text = (
        "On Saturday M23 rebels entered the town of Walikale, following the group's "
        "capture of Masisi last month."
    )
    found = changes(read(extractor, text, "2025-03-16"))
    assert {m.place.place.name for m in found if m.place} == {"Walikale"}


def test_fell_without_a_fight_to_names_the_taker(extractor: Extractor) -> None:
    text = (
        "Boko Haram fighters attacked Damasak on Monday. Residents said the town fell "
        "without a fight to the militants of Boko Haram."
    )
    found = changes(read(extractor, text, "2015-01-06"))
    takers = {
        m.actor1.name for m in found if m.actor1 and m.place and m.place.place.name == "Damasak"
    }
    assert takers and all("Boko Haram" in t for t in takers)
    assert all(m.actor2 is None or "Boko Haram" not in m.actor2.name for m in found)


def test_a_date_inside_a_since_clause_dates_no_later_sentence(extractor: Extractor) -> None:
    # "since it took Bakhmut in May 2023" measures the gain from then; the next
    # sentence's capture is news of the report's day, not a recollection of 2023
    text = (
        "Russia's capture of Vuhledar is its biggest gain since it took Bakhmut in May 2023. "
        "Russian troops also captured the town of Kurakhove, the ministry said."
    )
    found = changes(read(extractor, text, "2024-10-03"))
    kurakhove = [m for m in found if m.place and m.place.place.name == "Kurakhove"]
    assert kurakhove
    assert all(m.time is not None and m.time.value.year == 2024 for m in kurakhove)


def test_a_capital_a_town_fell_to_is_its_state_not_a_place(extractor: Extractor) -> None:
    # "fell to Moscow": the Russian state took the town; Moscow changed no hands
    text = "The Ukrainian town of Siversk fell to Moscow on Thursday after weeks of fighting."
    found = changes(read(extractor, text, "2025-12-13"))
    assert {m.place.place.name for m in found if m.place} == {"Siversk"}
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Russia"}


def test_a_day_earlier_counts_back_from_the_day_told(extractor: Extractor) -> None:
    text = (
        "The army entered Kidal on Tuesday. A day earlier, CSP rebels had seized the town "
        "of Tessalit."
    )
    found = changes(read(extractor, text, "2022-10-03"))
    tessalit = [m for m in found if m.place and m.place.place.name == "Tessalit"]
    assert [str(m.time.value) for m in tessalit if m.time] == ["2022-09-26"]


def test_days_before_after_the_trigger_count_back_too(extractor: Extractor) -> None:
    text = (
        "Zelensky said on October 2 that Lyman was fully cleared. Russian forces withdrew "
        "from Lyman a day earlier, the ministry said."
    )
    mentions = read(extractor, text, "2022-10-03")
    left = [
        m
        for m in mentions
        if m.sub_event_type in TERRITORY and m.place and m.trigger.startswith("withdrew")
    ]
    assert left and all(m.time is not None and str(m.time.value) == "2022-10-01" for m in left)


def test_a_speakers_title_demonym_beats_the_country_of_the_place(extractor: Extractor) -> None:
    # the town lies in Russia, but the Ukrainian president's forces took it
    text = (
        "Ukrainian President Volodymyr Zelensky said on Monday that his country's forces had "
        "taken the Russian town of Korenevo."
    )
    found = changes(read(extractor, text, "2024-08-20"))
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Ukraine"}


def test_as_did_tells_the_same_change_of_another_place(extractor: Extractor) -> None:
    text = (
        "Kunduz fell to the Taliban on Sunday, as did the capital of Paktika province, "
        "officials said."
    )
    found = changes(read(extractor, text, "2021-08-09"))
    assert {m.place.place.name for m in found if m.place} == {"Kunduz", "Sharan"}
    assert {m.actor1.name for m in found if m.actor1} == {"Taliban"}


def test_a_speaker_told_by_its_kind_mid_sentence_is_the_taker(extractor: Extractor) -> None:
    # "the militia" that says "it had seized" is the militia the report told of, not
    # the residents the sentence opens with
    text = (
        "Fano militiamen attacked Gondar on Friday. Residents fled Gondar on Saturday as "
        "the militia said it had seized Debre Tabor."
    )
    found = changes(read(extractor, text, "2023-08-05"))
    taken = [m for m in found if m.place and m.place.place.name == "Debre Tabor"]
    assert taken and {m.actor1.name for m in taken if m.actor1} == {"Fano Militia"}


def test_a_town_where_fighting_goes_on_has_not_changed_hands(extractor: Extractor) -> None:
    text = (
        "The Taliban said their fighters had entered Bazarak on Sunday. A Taliban spokesman "
        "said they held every district of the valley except Bazarak, where fighting is under "
        "way."
    )
    mentions = read(extractor, text, "2021-09-05")
    assert not [m for m in changes(mentions) if m.place and m.place.place.name == "Bāzārak"]


@pytest.mark.parametrize(
    ("day", "group"),
    [
        ("2013-01-29", "MNLA: National Movement for the Liberation of Azawad"),
        ("2016-07-25", "CMA: Coordination of Azawad Movements"),
        ("2024-08-02", "CSP-PSD: Permanent Strategic Framework"),
    ],
)
def test_a_shared_name_stands_for_the_group_of_its_day(
    extractor: Extractor, day: str, group: str
) -> None:
    text = "Tuareg rebels said on Monday they had seized the town of Kidal from the army."
    found = changes(read(extractor, text, day), Status.OCCURRED, Status.CLAIMED)
    assert [m.actor1.name for m in found if m.actor1] == [group]


def test_a_group_follows_another_only_from_its_day() -> None:
    actors = ActorDictionary.from_files_cached()
    csp = actors.by_id("csp")
    assert csp is not None
    assert actors.in_its_day(csp, None) is csp
    assert actors.in_its_day(csp, date(2023, 9, 1)) is csp
    assert actors.in_its_day(csp, date(2012, 4, 1)).id == "mnla"


def test_follows_must_name_a_group_and_a_day(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"version": 1, "actors": [{"id": "x", "name": "X", "kind": "rebel group",'
        ' "country": null, "follows": {"id": "y"}}]}'
    )
    with pytest.raises(DataError, match="follows must be"):
        ActorDictionary.from_files([bad])


def test_islamists_who_storm_the_port_take_the_port_town(extractor: Extractor) -> None:
    # in Mozambique "Islamists" are the insurgency of Cabo Delgado; the port of the one
    # town the sentence names is that town, even in a clause of its own
    text = (
        "Officials say soldiers who had been holding the coastal town of Mocimboa da Praia "
        "escaped, some of them by sea, after Islamists stormed the port."
    )
    found = changes(read(extractor, text, "2020-08-13"))
    assert taken(found) == [("Mocímboa da Praia", "Islamic State Mozambique Province")]


def test_the_port_of_one_of_two_towns_is_neither(extractor: Extractor) -> None:
    text = (
        "Soldiers fled from Mocimboa da Praia to Pemba after Islamists stormed the port on Tuesday."
    )
    assert not changes(read(extractor, text, "2020-08-13"))


def test_the_town_is_the_one_its_sentence_named_before_it(extractor: Extractor) -> None:
    # "the town" of the reported clause is the town the speakers were named by, not the
    # city of the sentence before
    text = (
        "Rebel fighters retook the regional capital Mekelle in June. "
        "Several people living in Lalibela told reporters on Thursday that the town "
        "fell to the rebels without a shot."
    )
    found = changes(read(extractor, text, "2021-08-06"))
    assert {m.place.place.name for m in found if m.place} == {"Lalibela"}


def test_the_town_of_a_remembrance_is_no_news(extractor: Extractor) -> None:
    # a town named before "the town" stands for it only when it names the speakers:
    # here the town marks a pull-out a year old
    text = (
        "Bells rang in Bucha on Friday as the town near Kyiv marked a year since Russian "
        "forces pulled out."
    )
    assert not changes(read(extractor, text, "2023-03-31"))


def test_a_town_invaded_is_taken(extractor: Extractor) -> None:
    text = "Taliban fighters invaded the provincial capital of Kunduz on Sunday, officials said."
    found = changes(read(extractor, text, "2021-08-09"))
    assert taken(found) == [("Kunduz", "Taliban")]


def test_a_country_invaded_is_no_change_of_hands(extractor: Extractor) -> None:
    text = "The fighting in Kherson began after Russia invaded Ukraine in February."
    assert not changes(read(extractor, text, "2022-11-12"))


def test_full_control_after_the_other_side_withdrew_is_a_takeover(extractor: Extractor) -> None:
    # the speaker ("KYIV/MOSCOW (Reuters) - Russia on Saturday said"): the subject nearest the
    # speech verb, without the day the parse hangs on it
    text = (
        "KYIV/MOSCOW (Reuters) - Russia on Saturday said it had complete control of the town of "
        "Vuhledar after the Ukrainian garrison pulled out."
    )
    found = changes(read(extractor, text, "2024-10-05"))
    assert taken(found) == [("Vuhledar", "Military Forces of Russia")]


def test_full_control_alone_is_a_standing_fact(extractor: Extractor) -> None:
    text = "The army says it has full control of Vuhledar and the roads around it."
    assert not changes(read(extractor, text, "2024-10-05"))


def test_a_flag_raised_at_a_ceremony_is_no_takeover(extractor: Extractor) -> None:
    text = (
        "The prime minister gave a speech on Monday and raised the flag over the town, "
        "which is called Kidal by the government."
    )
    assert not changes(read(extractor, text, "2023-12-11"), Status.OCCURRED, Status.CLAIMED)
    text = "Soldiers raised their flag over the town of Kidal on Monday."
    assert [m.place.place.name for m in changes(read(extractor, text, "2023-11-14")) if m.place]


def test_a_group_told_by_its_kind_is_the_one_non_state_side(extractor: Extractor) -> None:
    text = (
        "On Sunday, clashes erupted between the Sudanese army and the Rapid Support Forces in "
        "Babanusa, as the paramilitary group said it had captured the town of Bara."
    )
    found = changes(read(extractor, text, "2025-10-26"), Status.OCCURRED, Status.CLAIMED)
    assert taken(found) == [("Bārah", "Rapid Support Forces")]


def test_a_base_taken_in_a_state_is_in_the_town_the_next_sentence_names(
    extractor: Extractor,
) -> None:
    text = (
        "Jihadists have overrun an army base in Nigeria's Borno state after a night of "
        "fighting, residents said on Saturday.\n"
        "The fighters stormed the base in the town of Marte late on Friday, a soldier said."
    )
    found = changes(read(extractor, text, "2021-01-16"), Status.OCCURRED, Status.CLAIMED)
    assert {m.place.place.name for m in found if m.place} == {"Marte"}
