"""Changes of control told inside clauses of longer sentences, as analysis pieces
and comment columns tell them (issue 12: right event, right day, right side).

Every sentence here is written for these tests in the style of such pieces.
"""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES


def territory(extractor: Extractor, text: str, day: str) -> list[Mention]:
    article = Article.make(
        text, language="en", outlet="Test Weekly", published_at=date.fromisoformat(day)
    )
    return [m for m in extractor.read(article).mentions if m.sub_event_type in TERRITORY_SUB_TYPES]


def side(m: Mention) -> str | None:
    return m.actor1.name if m.actor1 else None


def test_drove_fighters_out_is_a_takeover_with_the_fighters_as_losers(
    extractor: Extractor,
) -> None:
    (m,) = territory(
        extractor,
        "On 9 November, the Syrian army drove Isis militants out of Abu Kamal, a town near "
        "the Iraqi border.",
        "2017-11-30",
    )
    assert side(m) == "Military Forces of Syria"
    assert m.actor2 and m.actor2.name == "ISIS"
    assert m.time and m.time.value == date(2017, 11, 9)
    assert m.status is Status.OCCURRED


def test_a_journey_or_an_election_is_no_takeover(extractor: Extractor) -> None:
    assert (
        territory(extractor, "The minister drove his car from Kabul to Jalalabad.", "2018-04-04")
        == []
    )
    assert (
        territory(extractor, "The election in Kabul was won by the incumbent.", "2018-04-04") == []
    )


def test_the_relative_pronoun_stands_for_the_force_it_follows(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "He commands a unit of the 10,000-strong rebel force that, with Turkish backing, "
        "took control of Afrin on Sunday after a two-month battle.",
        "2018-03-22",
    )
    assert m.place and "Afr" in m.place.place.name
    assert m.actor1 is not None and m.actor1.kind != "state forces"
    assert m.time and m.time.value == date(2018, 3, 18)


def test_a_dated_change_in_a_clause_survives_a_sentence_about_something_else(
    extractor: Extractor,
) -> None:
    # the sentence is about the Kurdish leaders' doubts (no event); its clause is one
    (m,) = territory(
        extractor,
        "Kurdish leaders, already troubled by a Turkish assault that last month drove the "
        "Kurds from Afrin, an enclave in the north-west of the country, are now privately "
        "questioning the viability of the alliance.",
        "2018-04-04",
    )
    assert side(m) == "Military Forces of Turkey"
    assert m.time and (m.time.value, m.time.precision.value) == (date(2018, 3, 1), "month")


def test_the_city_of_the_previous_sentence(extractor: Extractor) -> None:
    found = territory(
        extractor,
        "Hundreds of fighters fled to villages along the river after abandoning Deir ez-Zor. "
        "The city was retaken earlier in the week by forces fighting for the Assad regime.",
        "2017-09-08",
    )
    assert [(m.place.place.name, side(m)) for m in found if m.place] == [
        ("Deir ez-Zor", "Military Forces of Syria")
    ]


def test_a_battle_won_by_a_side(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "The battle for the northern Iraqi town of Tal Afar was won by Iraqi forces earlier "
        "this month after a short fight.",
        "2017-09-08",
    )
    assert side(m) == "Military Forces of Iraq"
    assert m.place and m.place.place.country == "IRQ"
    assert m.time and (m.time.value, m.time.precision.value) == (date(2017, 9, 1), "month")


def test_news_that_comes_months_after_a_takeover_dates_it(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "The talks come five months after the regime made its biggest gain of the year, when "
        "it took control of Deraa in the south-west.",
        "2018-12-30",
    )
    assert side(m) == "Military Forces of Syria"
    assert m.time and (m.time.value, m.time.precision.value) == (date(2018, 7, 1), "month")


def test_since_in_a_relative_clause_dates_the_holding_not_the_push(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "Kurdish peshmerga forces, who had held Kirkuk and nearby oil fields since 2014, were "
        "pushed out by the Iraqi army on Monday.",
        "2017-10-18",
    )
    assert side(m) == "Military Forces of Iraq"
    assert m.status is Status.OCCURRED
    assert m.time and m.time.value == date(2017, 10, 16)


def test_a_past_perfect_in_a_relative_clause_is_background(extractor: Extractor) -> None:
    found = territory(
        extractor,
        "Washington said it would raise a border force from Kurdish militias that had fought "
        "Isis and liberated Raqqa.",
        "2018-03-22",
    )
    assert found and all(m.status is Status.BACKGROUND for m in found)


def test_a_takeover_that_says_who_a_plea_is_aimed_at_is_background(
    extractor: Extractor,
) -> None:
    # the deed names the addressees of the plea; the plea is the news
    for text in (
        "Relatives of the missing have urged the militias that drove the rebels from Idlib "
        "to open their prisons.",
        "Aid groups appealed to the rebels who captured Idlib for safe passage.",
    ):
        found = territory(extractor, text, "2018-01-06")
        assert found and all(m.status is Status.BACKGROUND for m in found)
    # the takers as the subject: their deed is told as news
    (m,) = territory(
        extractor, "The rebels who captured Idlib thanked the residents.", "2018-01-06"
    )
    assert m.status is Status.OCCURRED


def test_a_place_told_as_liberated_names_no_liberator_outside_its_phrase(
    extractor: Extractor,
) -> None:
    # the group fought in the town is not who freed it
    (m,) = territory(
        extractor,
        "She spent a year fighting the Taliban in the now liberated northern town of Kunduz.",
        "2021-12-01",
    )
    assert m.status is Status.BACKGROUND and side(m) is None


def test_a_takeover_that_dates_another_deed_takes_none_of_its_sides(
    extractor: Extractor,
) -> None:
    # who left the mine did not free the town
    (m,) = territory(
        extractor,
        "He died from a mine left by the Taliban after the liberation of Kunduz.",
        "2021-12-01",
    )
    assert side(m) is None


def test_a_withdrawal_noun_is_not_placed_in_a_clause_joined_after_it(
    extractor: Extractor,
) -> None:
    # the town is where the troops arrived, not where anyone withdrew from
    found = territory(
        extractor,
        "Last week, local militias appealed to the government for help in the face of the "
        "US withdrawal, and by Friday Afghan troops had arrived in Kunduz.",
        "2021-12-01",
    )
    assert not [m for m in found if m.place and m.place.matched_text == "Kunduz"]


def test_a_fall_that_dates_another_deed_takes_no_side_from_its_teller(
    extractor: Extractor,
) -> None:
    # the defender who tells of the shelling before the fall did not take the town
    text = (
        "In March, Taliban fighters attacked the northern town of Kunduz. "
        "Afghan soldiers who held a post there spoke to us. "
        "\u201cThe shelling was worst just before the town fell,\u201d one Afghan soldier said."
    )
    fell = [m for m in territory(extractor, text, "2021-04-10") if m.trigger == "fell"]
    assert fell and all(side(m) != "Military Forces of Afghanistan" for m in fell)


def test_forces_loyal_to_a_head_of_state_are_his_states(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "Forces loyal to Yemen's exiled President Abd-Rabbu Mansour Hadi drove Houthi fighters "
        "out of Aden on Friday.",
        "2015-07-18",
    )
    assert side(m) == "Military Forces of Yemen"
    assert m.actor2 and m.actor2.name.startswith("Houthi")


# -- the plain wire verbs (second batch of the world set) ---------------------------


def test_took_a_named_town_is_a_takeover_and_each_town_of_a_list_is_one(
    extractor: Extractor,
) -> None:
    found = territory(
        extractor, "The insurgents also took Sar-e-Pul and Taloqan on Sunday.", "2021-08-08"
    )
    assert sorted(m.place.place.name for m in found if m.place) == ["Sar-e Pul", "Taloqan"]
    assert all(m.time and m.time.value == date(2021, 8, 8) for m in found)
    (m,) = territory(extractor, "Bakhmut was taken by Wagner fighters on Saturday.", "2023-05-21")
    assert side(m) == "Wagner Group"
    assert m.time and m.time.value == date(2023, 5, 20)


def test_took_part_office_or_hours_and_taken_to_hospital_are_no_takeover(
    extractor: Extractor,
) -> None:
    for text in (
        "Fighters from Idlib took part in the talks in Astana on Monday.",
        "The new governor of Kandahar took office on Monday.",
        "It took Reuters reporters three hours to reach Kherson on Monday.",
        "Two wounded soldiers were taken to hospital in Kramatorsk on Monday.",
    ):
        assert territory(extractor, text, "2022-11-15") == [], text


def test_occupied_moved_into_and_have_driven_from_are_takeovers(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "Seleka rebels occupied the town of Sibut on Saturday after government soldiers "
        "withdrew, residents said.",
        "2012-12-30",
    )
    assert m.place and m.place.place.name == "Sibut" and side(m) == "Seleka Militia"
    (m,) = territory(
        extractor, "Kenyan troops moved into the port city of Kismayo on Saturday.", "2012-09-29"
    )
    assert m.place and m.place.place.name == "Kismayo" and side(m) == "Military Forces of Kenya"
    (m,) = territory(
        extractor,
        "Iraqi forces have driven the Islamic State group from Tikrit, the prime minister "
        "said on Tuesday.",
        "2015-04-01",
    )
    assert side(m) == "Military Forces of Iraq" and m.actor2 and m.actor2.name == "ISIS"
    # a control statement stays one: "had occupied" is who held the place
    assert all(
        m.status is not Status.OCCURRED or m.sub_event_type not in TERRITORY_SUB_TYPES
        for m in territory(
            extractor, "Russian forces had occupied Kherson since March.", "2022-11-12"
        )
    )


def test_a_claim_the_other_side_calls_false_in_the_same_sentence_is_a_claim(
    extractor: Extractor,
) -> None:
    for text, day in (
        (
            "The rebels said on Monday they had taken complete control of the town of "
            "Bazarak, but government troops denied they had been defeated.",
            "2021-09-06",
        ),
        (
            "The minister said on Thursday that his forces had taken control of the town of "
            "Zangilan, but Armenia said the claim was false.",
            "2020-10-23",
        ),
    ):
        (m,) = territory(extractor, text, day)
        assert m.status is Status.CLAIMED, text


# -- the sixth batch of the world set (b6_dev) --------------------------------------


def test_forces_loyal_to_a_countrys_former_officer_are_his_not_the_countrys(
    extractor: Extractor,
) -> None:
    text = "Fighters loyal to South Sudan's sacked vice president Riek Machar overran Malakal."
    assert [(side(m) or "")[:9] for m in territory(extractor, text, "2014-02-20")] == ["SPLM/A-IO"]


def test_the_loser_speaking_of_a_lost_town_hints_no_kind_of_taker(extractor: Extractor) -> None:
    found = territory(
        extractor,
        "Forces loyal to Riek Machar seized Bor on Wednesday. Army spokesman Philip Aguer "
        "said the military had lost control of the town.",
        "2014-02-20",
    )
    assert len(found) == 2
    assert all(m.actor1 and m.actor1.name.startswith("SPLM/A-IO") for m in found)


def test_moved_back_into_a_town_is_a_takeover(extractor: Extractor) -> None:
    (m,) = territory(
        extractor,
        "Government troops moved back into Kidal on Friday after the rebels left.",
        "2014-02-20",
    )
    assert side(m) == "Military Forces of Mali"
    assert m.time and m.time.value == date(2014, 2, 14)


def test_a_clause_on_a_boat_or_on_people_taken_is_no_takeover(extractor: Extractor) -> None:
    assert (
        territory(
            extractor,
            "Pirates released the fishing boat they seized near Eyl on Tuesday.",
            "2014-02-20",
        )
        == []
    )
    assert (
        territory(
            extractor,
            "Police officers who surrendered or were captured in Goma on Monday were paraded.",
            "2014-02-20",
        )
        == []
    )


def test_a_date_does_not_date_a_taking_told_before_or_after_it(extractor: Extractor) -> None:
    found = territory(
        extractor,
        "The militants overran Damboa on Friday, two days after taking Gwoza.",
        "2014-02-20",
    )
    dates = {m.place.place.name: m.time.value for m in found if m.place and m.time}
    assert dates["Damboa"] == date(2014, 2, 14)
    assert dates["Gwoza"] != date(2014, 2, 14)


# -- the seventh batch of the world set (b7_dev) ------------------------------------


def test_things_a_speaker_says_were_seized_in_a_town_are_no_takeover(
    extractor: Extractor,
) -> None:
    # a relative clause without "that", told through "said": the small parser makes
    # "said" a second verb of the sentence
    assert (
        territory(
            extractor,
            "The rebels displayed rifles and several trucks they said they had seized in Goma.",
            "2025-02-17",
        )
        == []
    )
    assert territory(extractor, "The rebels captured tanks in Goma.", "2025-02-17") == []
    # the speaker's own taking of the town is still one
    (m,) = territory(extractor, "The rebels said they had seized Goma on Monday.", "2025-02-17")
    assert m.place and m.place.place.name == "Goma"


def test_the_subject_of_the_leaving_verb_is_the_loser_not_the_speaker(
    extractor: Extractor,
) -> None:
    (m,) = territory(
        extractor,
        "An SDF spokesman said the last Islamic State fighters in Tabqa had surrendered or "
        "pulled out under a deal.",
        "2017-05-10",
    )
    loser = m.actor2.name if m.actor2 else None
    assert (side(m), loser) == ("Syrian Democratic Forces", "ISIS")


def test_the_other_side_saying_its_army_is_in_full_control_denies_the_claim(
    extractor: Extractor,
) -> None:
    (m,) = territory(
        extractor,
        "Militiamen said on Monday they had seized the town of Debre Tabor, but the "
        "government said the army was in full control of the town.",
        "2023-08-07",
    )
    assert m.status is not Status.OCCURRED


def test_a_takeover_of_the_city_keeps_the_city_it_stands_for(extractor: Extractor) -> None:
    found = territory(
        extractor,
        "Syria's army has retaken the ancient city of Palmyra from Islamic State. The army "
        "said its units had restored full control of the city after operations in the desert "
        "east of Homs. Monitors said government troops had moved into the city centre.",
        "2017-03-03",
    )
    assert found
    assert {m.place.place.name for m in found if m.place} == {"Tadmur"}


def test_takeovers_counted_back_from_the_last_one_told_are_news_of_those_days(
    extractor: Extractor,
) -> None:
    found = territory(
        extractor,
        "The Taliban captured Gardez on Friday, officials said. Its fall came a day after "
        "the insurgents seized Ghazni.",
        "2021-08-14",
    )
    dates = {m.place.place.name: (m.time.value, m.status) for m in found if m.place and m.time}
    assert dates["Gardez"] == (date(2021, 8, 13), Status.OCCURRED)
    assert dates["Ghazni"] == (date(2021, 8, 12), Status.OCCURRED)


def test_a_taking_an_offensive_is_aimed_at_is_not_yet_done(extractor: Extractor) -> None:
    for text in (
        "The army pressed an offensive aimed at recapturing Kobo and Woldia on Tuesday.",
        "Government troops moved north on Sunday with the goal of retaking Tal Afar.",
    ):
        found = territory(extractor, text, "2021-12-14")
        assert found, text
        assert all(m.status is Status.EXPECTED for m in found), text


def test_a_side_glossed_in_brackets_is_one_name_with_its_gloss(extractor: Extractor) -> None:
    # the gloss belongs to the "by" phrase of the deed the takeover dates, so it takes
    # no part in the takeover
    (m,) = territory(
        extractor,
        "Tom Reed died on 10 June from a mine left by Daesh [Isis] after the liberation of Manbij.",
        "2018-06-14",
    )
    assert side(m) != "ISIS"
    # a side of its own in brackets glosses no name before it
    found = territory(
        extractor,
        "Forces loyal to the regime established complete control of Albu Kamal on "
        "Thursday after the withdrawal of the remaining [Isis] fighters, the monitor said.",
        "2018-06-14",
    )
    assert found
    assert {side(m) for m in found} == {"Military Forces of Syria"}


def test_the_side_a_town_is_named_for_takes_no_other_town(extractor: Extractor) -> None:
    # "the Isis city of Raqqa" says who held Raqqa; "the city" of the second takeover
    # repeats the town the first one took, not the town of the sentence before
    found = territory(
        extractor,
        "She had spent the summer in the eastern city of Deir ez-Zor. A friend said: "
        "\u201cAnna, who went to Syria in June to help in the liberation of the Isis city of "
        "Raqqa with the SDF, died on 2 December from a mine left by Daesh after the "
        "liberation of the city.\u201d",
        "2017-12-05",
    )
    assert found
    assert {m.place.place.name for m in found if m.place} == {"Ar Raqqah"}
    assert "ISIS" not in {side(m) for m in found}


def test_a_sides_final_redoubt_is_the_town_named_before(extractor: Extractor) -> None:
    for text in (
        "Isis fighters had been holed up in Baghuz for weeks. Their final redoubt fell to "
        "Kurdish-led forces on Saturday.",
        "Isis fighters had been holed up in Baghuz for weeks. Kurdish-led forces captured "
        "the group's last bastion on Saturday.",
    ):
        (m,) = territory(extractor, text, "2019-03-25")
        assert m.place and m.place.place.name == "Baghuz", text
        assert side(m) == "Syrian Democratic Forces", text
        assert m.time and m.time.value == date(2019, 3, 23), text
    # where a side went is not the town it left
    assert not territory(
        extractor,
        "Isis fighters left Raqqa in October. Their families withdrew to their final "
        "redoubt, which fell on Saturday.",
        "2019-03-25",
    )


def test_a_takeover_naming_no_side_is_the_one_pressing_in_the_sentence_before(
    extractor: Extractor,
) -> None:
    for text in (
        "Government forces pushed into the outskirts of Nawa on Friday. The town fell on "
        "Saturday after a week of fighting.",
        "Syrian troops besieged Nawa for a month. The town surrendered on Saturday.",
    ):
        (m,) = territory(extractor, text, "2018-07-09")
        assert side(m) == "Military Forces of Syria", text
    # not a side that only held out, nor one of two pressing sides
    for text in (
        "Rebels fought off attacks on Nawa for weeks. The town fell on Saturday.",
        "Syrian troops and Russian jets pounded Nawa for weeks. The town fell on Saturday.",
    ):
        assert {side(m) for m in territory(extractor, text, "2018-07-09")} <= {None}, text
