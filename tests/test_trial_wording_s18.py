"""Wordings of wire copy on changes of control, from a third trial of sitrep on real
reports of several wars (session 18): a capital or a leader as the side that took a
town, a place's description naming both sides, towns the gazetteer lacked; and from a
fourth trial weighted to reports that tell no change: help still being given to a
taking, a pullback of some of a force.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES as TERRITORY


def test_a_capital_that_seizes_is_the_state_not_the_place(extractor: Extractor) -> None:
    # "Moscow seized": the Russian state took the town; Moscow changed no hands
    text = "Moscow seized the village of Robotyne on Tuesday, its defence ministry said."
    found = changes(read(extractor, text, "2024-05-01"))
    assert {m.place.place.name for m in found if m.place} == {"Robotyne"}
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Russia"}


def test_a_capital_in_a_ranked_relative_clause_is_no_place(extractor: Extractor) -> None:
    # the town the sentence ranks is described; neither it nor the capital is news
    text = (
        "Kupiansk was the largest city Kyiv seized after it launched its counteroffensive "
        "in the autumn."
    )
    mentions = read(extractor, text, "2023-03-01")
    assert not changes(mentions)
    assert all(
        m.place is None or m.place.place.name != "Kyiv"
        for m in changes(mentions, Status.OCCURRED, Status.BACKGROUND)
    )


def test_a_leader_who_seizes_stands_for_his_forces(extractor: Extractor) -> None:
    # the catalogue names the LNA "Haftar's forces": "Haftar seized" is the LNA
    text = "Khalifa Haftar seized the oil port of Sirte on Monday without a fight."
    found = changes(read(extractor, text, "2020-01-08"))
    assert {m.actor1.name for m in found if m.actor1} == {"LNA: Libyan National Army"}


def test_sides_that_describe_the_place_did_not_take_it(extractor: Extractor) -> None:
    # the apposition names who fought over the town, not who took it
    text = (
        "The Russian defence ministry said that Kupiansk, the scene of months of fighting "
        "between Russian and Ukrainian troops, was captured on Wednesday."
    )
    found = changes(read(extractor, text, "2025-11-21"))
    assert found
    assert all(m.actor1 is None or "Ukraine" not in m.actor1.name for m in found)


def test_towns_the_gazetteer_lacked(extractor: Extractor) -> None:
    # Baga (Borno, on Lake Chad) and El Dher (GeoNames' Ceeldheer, Galgaduud)
    text = "Jihadist fighters overran the town of Baga in Borno state on Saturday."
    found = changes(read(extractor, text, "2019-01-01"))
    assert [(m.place.place.name, m.place.place.country) for m in found if m.place] == [
        ("Baga", "NGA")
    ]
    text = "Somali troops and clan militias captured El Dher from al-Shabaab on Monday."
    found = changes(read(extractor, text, "2023-01-18"))
    assert [m.place.place.name for m in found if m.place] == ["Ceeldheer"]


def test_a_quoted_place_that_has_been_liberated(extractor: Extractor) -> None:
    # the whole change is in the quotation: the model's "no event" on quoted speech
    # does not drop a place told as having been liberated
    text = (
        "BAGHDAD, July 10 - Iraq's prime minister declared victory on Monday. "
        '"The city of Mosul has been liberated," a military spokesman said on state '
        "television."
    )
    found = changes(read(extractor, text, "2017-07-10"))
    assert "Mosul" in {m.place.place.name for m in found if m.place}


def test_a_relative_clause_on_a_town_s_apposition_is_about_the_town(
    extractor: Extractor,
) -> None:
    # "Izium, a city that Russian forces pulled out of": the clause's noun is the town
    text = (
        "Ukrainian soldiers now hold Izium, a city in the Kharkiv region that Russian "
        "forces withdrew from on Saturday."
    )
    found = changes(read(extractor, text, "2022-09-12"))
    assert {m.place.place.name for m in found if m.place} == {"Izyum"}
    assert {m.actor2.name for m in found if m.actor2} == {"Military Forces of Russia"}


def test_a_seat_of_government_is_not_the_town_and_its_soldiers_are_the_speaker_s(
    extractor: Extractor,
) -> None:
    # "the regime in Naypyidaw" is no town "the town" points back to; "soldiers from
    # its armed wing" are the forces of the group that "earlier said" so
    text = (
        "Hundreds of troops have surrendered in the border town of Myawaddy, a trade hub "
        "on the frontier with Thailand. The regime in Naypyidaw asked Thailand for leave "
        "to fly the men home. The Karen National Union earlier said that soldiers from "
        "its armed wing had taken control of the last army base in the town."
    )
    found = changes(read(extractor, text, "2024-04-08"))
    assert {m.place.place.name for m in found if m.place} == {"Myawaddy"}
    assert {m.actor1.name for m in found if m.actor1} == {"KNLA: Karen National Liberation Army"}


def test_a_speaker_who_earlier_said() -> None:
    from sitrep.read.en.attribution import attribute_sentence

    said = attribute_sentence("The rebel alliance earlier said its fighters held the town.")
    assert (said.speaker, said.verb) == ("The rebel alliance", "said")


def test_a_town_of_a_joined_verb_with_its_own_object_is_not_the_one_taken(
    extractor: Extractor,
) -> None:
    # the capital the fighters were nearing is the second verb's; the first verb's
    # object is an unnamed city
    text = (
        "The rebels on Sunday overran a well defended city in the south of the country, "
        "and were closing in on the capital of Sanaa."
    )
    found = changes(read(extractor, text, "2015-03-22"))
    assert "Sanaa" not in {m.place.place.name for m in found if m.place}
    # a verb without an object of its own shares the next verb's
    text = "The militants captured and looted the town of Ghazni on Friday."
    found = changes(read(extractor, text, "2021-08-14"))
    assert {m.place.place.name for m in found if m.place} == {"Ghazni"}


def test_a_village_near_a_town_is_not_the_town(extractor: Extractor) -> None:
    # an unnamed village taken "near" a town: the town only places it
    text = "Russian troops captured a village near the embattled city of Kupiansk on Friday."
    found = changes(read(extractor, text, "2024-11-29"))
    assert "Kupyansk" not in {m.place.place.name for m in found if m.place}


def test_the_region_of_the_towns_told_before_is_not_what_was_taken(
    extractor: Extractor,
) -> None:
    # "the towns, in the Amhara region": the region only locates the towns
    text = (
        "Government troops retook the towns of Dessie and Kombolcha on Monday. Rebel "
        "forces had seized the towns, in the Amhara region, five weeks earlier."
    )
    found = changes(read(extractor, text, "2021-12-06"), Status.OCCURRED, Status.BACKGROUND)
    assert all(m.place is None or m.place.place.kind.name == "CITY" for m in found)


def test_the_target_of_an_attack_in_the_object_s_description_was_not_taken(
    extractor: Extractor,
) -> None:
    # the object is an unnamed stronghold; the capital was only the aim of an attack
    text = (
        "Government troops on Friday overran the militia's last stronghold, the staging "
        "post of its failed assault on Tripoli."
    )
    found = changes(read(extractor, text, "2020-06-05"))
    assert "Tripoli" not in {m.place.place.name for m in found if m.place}


def test_the_owner_of_a_denied_claim_is_the_would_be_taker(extractor: Extractor) -> None:
    # "denied Russia's claim to have captured": Russia claims the town, Ukraine denies
    text = (
        "Ukraine's military on Friday rejected Russia's claim to have captured the town of Siversk."
    )
    found = [
        m
        for m in read(extractor, text, "2025-12-12")
        if m.sub_event_type in TERRITORY and not m.reference
    ]
    assert found
    assert {m.actor1.name for m in found if m.actor1} == {"Military Forces of Russia"}


# -- the fourth trial


def test_help_still_being_given_is_no_taking(extractor: Extractor) -> None:
    # the advisers are helping: the city is not yet retaken
    for text in (
        "Foreign advisers are helping Syrian troops retake Aleppo, officials say.",
        "Foreign advisers have been helping Syrian troops to recapture Aleppo.",
    ):
        found = read(extractor, text, "2016-12-01")
        assert changes(found) == [], text
        assert [m.status for m in changes(found, Status.EXPECTED)] == [Status.EXPECTED], text


def test_help_given_is_a_taking(extractor: Extractor) -> None:
    # the help is told as done: the city was retaken
    for text in (
        "Foreign advisers helped Syrian troops recapture Aleppo on Sunday.",
        "Russian air strikes helped Syrian troops to recapture Aleppo on Sunday.",
    ):
        found = changes(read(extractor, text, "2016-12-22"))
        assert [m.place.place.name for m in found if m.place] == ["Aleppo"], text


def test_a_pullback_of_some_of_a_force_hands_over_nothing(extractor: Extractor) -> None:
    # others of the force stay: the town does not change hands
    for text in (
        "The army said it had withdrawn some of its ground forces from Khan Younis.",
        "The army withdrew some troops from Khan Younis on Sunday.",
        "The army has pulled part of its forces out of Khan Younis.",
    ):
        assert changes(read(extractor, text, "2024-04-07")) == [], text


def test_a_pullback_of_the_force_still_leaves_the_town(extractor: Extractor) -> None:
    text = "The army withdrew its troops from Khan Younis on Sunday."
    found = changes(read(extractor, text, "2024-04-07"))
    assert [m.sub_event_type for m in found] == ["Non-violent transfer of territory"]


def test_nasir_a_town_the_gazetteer_lacked(extractor: Extractor) -> None:
    # Nasir (Upper Nile, South Sudan), on the Sobat near the Ethiopian border
    text = "Nuer militiamen seized the town of Nasir from government troops on Tuesday."
    found = changes(read(extractor, text, "2025-03-04"))
    assert [(m.place.place.name, m.place.place.country) for m in found if m.place] == [
        ("Nasir", "SSD")
    ]


def test_an_unnamed_district_bordering_a_region_is_not_the_region(extractor: Extractor) -> None:
    # the region only says where the district lies; a named district is still taken
    text = "Azerbaijani troops entered a district bordering Nagorno-Karabakh on Friday."
    assert changes(read(extractor, text, "2020-11-20")) == []
    text = "Azerbaijani troops entered Aghdam, a district bordering Nagorno-Karabakh, on Friday."
    found = changes(read(extractor, text, "2020-11-20"))
    assert [m.place.place.name for m in found if m.place] == ["Aghdam"]


def test_a_town_that_fell_to_a_country_was_taken_by_its_forces(extractor: Extractor) -> None:
    # the country the town fell to is its state's forces (it names no place taken)
    text = "Khankendi fell to Azerbaijan on Wednesday after a one-day offensive."
    found = changes(read(extractor, text, "2023-09-21"))
    assert [
        (m.place.place.name, m.actor1.name if m.actor1 else None) for m in found if m.place
    ] == [("Khankendi", "Military Forces of Azerbaijan")]
