"""Event extraction on short articles written for these tests."""

from __future__ import annotations

from datetime import date

from conftest import read_wire as read

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def test_government_regains_with_actors_place_and_weekday(extractor: Extractor) -> None:
    (m,) = read(extractor, "Iraqi forces recaptured the town of Rawa from ISIS on Friday.")
    assert m.sub_event_type == "Government regains territory"
    assert m.event_type == "Battles"
    assert m.actor1 and m.actor1.name == "Military Forces of Iraq"
    assert m.actor2 and m.actor2.name == "ISIS"
    assert m.place and m.place.place.country == "IRQ" and "Rawa" in m.place.matched_text
    assert m.time and m.time.value == date(2017, 11, 17) and not m.time.inferred
    assert m.status is Status.OCCURRED
    assert m.evidence.text.startswith("Iraqi forces recaptured")


def test_non_state_actor_overtakes(extractor: Extractor) -> None:
    (m,) = read(
        extractor, "ISIS militants seized the town of Abu Kamal from the Syrian army on Saturday."
    )
    assert m.sub_event_type == "Non-state actor overtakes territory"
    assert m.actor1 and m.actor1.name == "ISIS"
    assert m.actor2 and m.actor2.name == "Military Forces of Syria"


def test_expected_modal_and_cue(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "Syrian troops are massing for an offensive on Abu Kamal. "
        "The army will retake Mayadin within days, a commander said.",
    )
    assert mentions and all(m.status is Status.EXPECTED for m in mentions)


def test_denied(extractor: Extractor) -> None:
    mentions = read(
        extractor, "The SDF denied that ISIS fighters captured the village of Hajin on Tuesday."
    )
    assert mentions and mentions[0].status is Status.DENIED


def test_negation_is_denied(extractor: Extractor) -> None:
    (m,) = read(extractor, "Turkish forces did not capture Afrin, the ministry said.")
    assert m.status is Status.DENIED


def test_claimed(extractor: Extractor) -> None:
    (m,) = read(extractor, "ISIS claimed that its fighters recaptured Abu Kamal on Saturday.")
    assert m.status is Status.CLAIMED


def test_history_is_not_news_and_since_is_background(extractor: Extractor) -> None:
    mentions = read(
        extractor, "The 1916 agreement divided the region. ISIS had held Raqqa since 2014."
    )
    assert [m.status for m in mentions] == [Status.BACKGROUND]
    (m,) = mentions
    assert m.actor1 and m.actor1.name == "ISIS"
    assert m.time and m.time.value.year == 2014 and m.time.precision.value == "year"


def test_air_strike_with_fatalities(extractor: Extractor) -> None:
    (m,) = read(
        extractor,
        "Russian warplanes struck the town of Mayadin on Sunday, killing "
        "at least 12 civilians, a monitor said.",
    )
    assert m.sub_event_type == "Air/drone strike"
    assert m.event_type == "Explosions/Remote violence"
    assert m.actor1 and m.actor1.name == "Military Forces of Russia"
    assert m.fatalities == 12
    assert m.time and m.time.value == date(2017, 11, 19)


def test_handover_without_a_fight(extractor: Extractor) -> None:
    (m,) = read(
        extractor,
        "Peshmerga fighters withdrew from Kirkuk without a fight and Iraqi "
        "forces took control of the city on Monday.",
        day="2017-10-17",
    )
    assert m.sub_event_type == "Non-violent transfer of territory"


def test_reference_attaches_to_previous_event(extractor: Extractor) -> None:
    mentions = read(
        extractor, "Iraqi forces retook Rawa on Friday.\nThe advance was welcomed by residents."
    )
    assert [m.reference for m in mentions] == [False, True]
    assert mentions[1].place == mentions[0].place or (
        mentions[1].place
        and mentions[0].place
        and mentions[1].place.place.id == mentions[0].place.place.id
    )


def test_date_from_paragraph_and_source(extractor: Extractor) -> None:
    text = (
        "Reuters reports that the Syrian army retook Mayadin. "
        "The army announced the capture on Saturday."
    )
    mentions = read(extractor, text)
    first = mentions[0]
    assert first.claim.source == "Reuters"
    assert first.time and first.time.value == date(2017, 11, 18)


def test_undated_report_falls_back_to_publication(extractor: Extractor) -> None:
    (m,) = read(extractor, "Syrian troops recaptured Mayadin.", day="2017-10-15")
    assert m.time and m.time.inferred and m.time.value == date(2017, 10, 15)


def test_non_conflict_text_gives_nothing(extractor: Extractor) -> None:
    text = (
        "The central bank raised interest rates on Tuesday. Shares fell in Istanbul and "
        "the lira weakened. Analysts expect growth to slow next year."
    )
    assert read(extractor, text) == []


def test_withdrawal_names_the_leaver_as_loser(extractor: Extractor) -> None:
    ms = read(
        extractor,
        "Syrian troops established complete control of Abu Kamal after the withdrawal of "
        "the remaining ISIS fighters, state media said.",
    )
    # "established complete control" is the takeover; the withdrawal noun, told beside
    # it, names the same sides, and is the same change of the same type (one event)
    assert [m.status for m in ms if m.sub_event_type == "Government regains territory"] == [
        Status.OCCURRED,
        Status.OCCURRED,
    ]
    for m in ms:
        assert m.actor1 and m.actor1.name == "Military Forces of Syria"
        assert m.actor2 and m.actor2.name == "ISIS"


def test_a_town_on_another_continent_beside_the_front_is_not_the_place(
    extractor: Extractor,
) -> None:
    # the gazetteer knows only Taza in Morocco; beside Kirkuk the name is a village there
    ms = read(
        extractor,
        "Peshmerga fighters clashed with Iraqi troops near Taza on the southern approaches "
        "to Kirkuk on Monday, Kurdish officials said. Iraqi forces retook Hawija this month.",
    )
    assert ms, "the clash is still read"
    assert {m.place.place.country for m in ms if m.place} == {"IRQ"}


def test_fatalities_told_with_an_aside_or_a_rising_toll(extractor: Extractor) -> None:
    (m,) = read(
        extractor,
        "At least 20 civilians, including six children, were killed in Russian air strikes "
        "on Mayadin on Sunday, a monitor said.",
    )
    assert m.sub_event_type == "Air/drone strike" and m.fatalities == 20
    ms = read(
        extractor,
        "The number of civilians killed in Russian air strikes on Mayadin on Sunday has "
        "risen to 41, a monitor said.",
    )
    assert [m.fatalities for m in ms] == [41]


def test_a_foreign_force_retakes_a_town_known_by_its_english_name(extractor: Extractor) -> None:
    # issue 11: Palmyra is Tadmur's English name and the own name of US towns;
    # Russian troops fight in Syria, so the event is placed there.
    (m,) = read(extractor, "Russian troops recaptured Palmyra from ISIS fighters on Sunday.")
    assert m.actor1 and m.actor1.name == "Military Forces of Russia"
    assert m.place and m.place.place.country == "SYR" and m.place.matched_text == "Palmyra"


def test_a_claim_made_months_before_the_report_is_background(extractor: Extractor) -> None:
    # issue 12 (long articles recall old claims): "Moscow said in April that its troops
    # had taken ..." in a November report retells a claim; it makes none
    text = (
        "Russian forces have pushed west since they captured Bakhmut last year. They went "
        "on to take Krasnohorivka in March, and Moscow said in April that its troops had "
        "taken Ocheretyne, a claim Kyiv disputed for weeks."
    )
    takeovers = {
        m.place.matched_text: m for m in read(extractor, text, day="2024-11-20") if m.place
    }
    assert takeovers["Ocheretyne"].status is Status.BACKGROUND
    # (Krasnohorivka's taker is "They" of the sentence before: no side of its own)
    assert takeovers["Krasnohorivka"].status is Status.BACKGROUND
    # a takeover told as fact on a date of its own clause is a dated recollection
    assert takeovers["Bakhmut"].status is Status.RECALLED


def test_a_place_that_ends_a_groups_bracketed_name_is_the_groups(extractor: Extractor) -> None:
    # issue 12: "... Jihad in West Africa (MUJAO) had pulled out" placed a withdrawal
    # in West Africa; a dateline's "Mali (AFP)" is still a place
    text = (
        "Residents said fighters of the Movement for Oneness and Jihad in West Africa "
        "(MUJAO) had pulled out towards the north over the weekend."
    )
    assert not [m for m in read(extractor, text, day="2013-01-21") if m.place]
    (m,) = read(extractor, "GAO, Mali (AFP) - Malian troops recaptured Ansongo on Tuesday.")
    assert m.place and m.place.matched_text == "Ansongo"


def test_units_loyal_to_a_former_leader_are_not_the_states(extractor: Extractor) -> None:
    # issue 12: "army units loyal to former president ..." had made the state's army
    # the taker, over the named group that leads the sentence
    (m,) = read(
        extractor,
        "Houthi fighters and army units loyal to former president Ali Abdullah Saleh "
        "took control of the city of Taiz on Sunday, residents said.",
        day="2015-03-22",
    )
    assert m.actor1 and m.actor1.name.startswith("Houthi")


def test_words_in_short_quotes_are_read_as_the_sentence_says_them(extractor: Extractor) -> None:
    # issue 12: 'had taken "full control" of Bentiu' was no trigger; the quotes mark
    # the outlet's distance from the words, not quoted speech
    (m,) = read(
        extractor,
        'A rebel spokesman said forces loyal to Riek Machar had taken "full control" of '
        "Bentiu on Tuesday.",
        day="2014-04-16",
    )
    assert m.status is Status.OCCURRED and m.place and m.place.matched_text == "Bentiu"
    assert m.actor1 and "Army-in-Opposition" in m.actor1.name


def test_another_name_of_the_town_is_not_another_place(extractor: Extractor) -> None:
    # issue 12: "by its Soviet-era name, Dzerzhinsk" placed Toretsk's fall a second time,
    # in the Russian city of that name
    ms = read(
        extractor,
        "Russia's defence ministry said on Friday its forces had taken full control of "
        "Toretsk. The ministry called the town by its Soviet-era name, Dzerzhinsk, and said "
        "units of its Southern group of forces had liberated it.",
        day="2025-02-07",
    )
    assert ms and {m.place.place.country for m in ms if m.place} == {"UKR"}


def test_takers_who_left_again_made_a_raid(extractor: Extractor) -> None:
    # issue 12: "insurgents who entered Macomia on Thursday have left the town": the
    # entering, told of the subject of a verb of leaving, is no takeover
    text = (
        "Armed insurgents who entered the district headquarters of Macomia on Thursday have "
        "left the town after occupying parts of it for three days, residents said on Monday."
    )
    assert not [
        m
        for m in read(extractor, text, day="2020-06-01")
        if "territory" in m.sub_event_type and m.status is Status.OCCURRED
    ]


def test_a_city_the_takers_come_closer_to_is_not_taken(extractor: Extractor) -> None:
    # issue 12: "seizing its airport ... in a move that brings the militia closer to the
    # southern city of Aden" had Aden seized too
    ms = read(
        extractor,
        "Houthi fighters took control of Yemen's third-largest city Taiz on Sunday, seizing "
        "its airport and key government buildings in a move that brings the militia closer "
        "to the southern city of Aden, where the president has taken refuge.",
        day="2015-03-22",
    )
    assert [m.place.matched_text for m in ms if m.place] == ["Taiz"]


def test_a_camp_of_the_displaced_taken_is_not_its_town(extractor: Extractor) -> None:
    # issue 12: "overran the Zamzam displacement camp near El Fasher" had El Fasher taken;
    # an army camp is still a garrison whose taking is the town's
    for text in (
        "The RSF overran the Zamzam displacement camp near El Fasher on Sunday.",
        "Rebels seized a refugee camp outside Goma on Tuesday.",
    ):
        assert not [
            m
            for m in read(extractor, text, day="2025-04-15")
            if "territory" in m.sub_event_type and m.status is Status.OCCURRED
        ], text
    ms = read(extractor, "Rebels seized an army camp outside Goma on Tuesday.", day="2025-01-22")
    assert [m.place.matched_text for m in ms if m.place and "territory" in m.sub_event_type] == [
        "Goma"
    ]


def test_a_small_town_of_a_recent_war_is_the_place_taken(extractor: Extractor) -> None:
    # issue 11: Tessalit (a GeoNames town with no population, named in places.json)
    # and Robotyne (in neither extract) were unknown, so the change had no place
    (m,) = read(
        extractor, "Malian troops captured Tessalit on Monday, the army said.", day="2023-11-20"
    )
    assert "territory" in m.sub_event_type and m.status is Status.OCCURRED
    assert m.place and m.place.matched_text == "Tessalit"
    assert (m.place.place.country, m.place.place.id) == ("MLI", 2449893)
    assert m.time and m.time.value == date(2023, 11, 20)
    (m,) = read(
        extractor,
        "Ukrainian forces recaptured the village of Robotyne in Zaporizhzhia on Monday.",
        day="2023-08-29",
    )
    assert m.place and m.place.place.country == "UKR"
    assert abs(m.place.place.lat - 47.443) < 0.05 and abs(m.place.place.lon - 35.826) < 0.05
