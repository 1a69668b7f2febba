"""Document-level reading: datelines, how far a date carries, recalled and partial takeovers.

The reports are written for these tests in the style of wire copy and of long
analysis pieces (one unbroken paragraph, as the Guardian prints them).
"""

from __future__ import annotations

from datetime import date

from conftest import read_wire as read

from sitrep.core.records import PlacePrecision, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES as TERRITORY
from sitrep.text.sentences import dateline_end, split_sentences


def takeovers(mentions, status: Status = Status.OCCURRED):
    return [m for m in mentions if m.sub_event_type in TERRITORY and m.status is status]


def test_dateline_is_not_part_of_the_lead() -> None:
    text = "KABUL, Aug 12 (Reuters) - Insurgents seized the town. More followed."
    cut = dateline_end(text)
    assert text[cut:].startswith("Insurgents seized")
    assert split_sentences(text)[0].span.text == "Insurgents seized the town."
    assert dateline_end("BEIRUT — Syrian troops entered the town.") == len("BEIRUT — ")
    # capitals inside a sentence are no dateline
    assert dateline_end("ISIS captured the town - a heavy blow.") == 0
    assert dateline_end("Raqqa fell on Tuesday.") == 0
    # AFP's form, a colon after the city in capitals; a short or lower-case word before
    # a colon is no dateline ("Note: " is cut like a city: harmless, it names nothing)
    assert dateline_end("BANGKOK: Rebels took the base.") == len("BANGKOK: ")
    assert dateline_end("BEIRUT, Lebanon: Troops entered.") == len("BEIRUT, Lebanon: ")
    assert dateline_end("UN: the town fell.") == 0
    assert dateline_end("the town: it fell.") == 0
    # South Asian papers' form: the city's name and a colon
    assert dateline_end("Kabul: The Taliban captured Kunduz.") == len("Kabul: ")
    # the city, its country and the day, or the day and the year
    lead = "LIMA, Peru, May 3 (Reuters) - "
    assert dateline_end(lead + "Rebels took the town.") == len(lead)
    lead = "QUITO, June 9, 2019 (AFP) - "
    assert dateline_end(lead + "Rebels took the town.") == len(lead)


def test_a_dateline_country_is_not_the_side_the_speaker_owns(extractor: Extractor) -> None:
    # with its country and its date, the dateline is still no part of the lead: the
    # ministry's "its troops" are the speaker's, not the filing country's
    mentions = read(
        extractor,
        "ODESA, Ukraine, May 3 (Reuters) - Russia's defence ministry said on Tuesday that "
        "its troops had taken full control of Kupiansk, a town in Ukraine's Kharkiv region.",
        day="2022-05-03",
    )
    assert {m.actor1.name if m.actor1 else None for m in takeovers(mentions)} == {
        "Military Forces of Russia"
    }


def test_dateline_city_is_not_where_the_event_happened(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "DAMASCUS, Nov 20 - Syrian troops recaptured the town of Rawa from ISIS on Friday, "
        "the army said.",
    )
    places = {m.place.place.name for m in takeovers(mentions) if m.place}
    assert "Damascus" not in places
    assert places

    # nor, with a colon, a capital abroad for a takeover the lead places nowhere
    mentions = read(
        extractor,
        "BANGKOK: A Myanmar ethnic minority armed group said on Saturday that it had "
        "captured a regional military command after weeks of clashes.",
        day="2024-08-03",
    )
    assert "Bangkok" not in {m.place.place.name for m in mentions if m.place}


def test_a_date_does_not_carry_across_a_long_unbroken_article(extractor: Extractor) -> None:
    text = (
        "On Friday, government forces entered the eastern town of Mayadeen after heavy "
        "fighting. The town had been a stronghold of the group for years. Residents fled "
        "across the river. Aid groups warned of shortages. Diplomats met in Geneva. "
        "Meanwhile Iraqi forces recaptured Rawa from ISIS."
    )
    rawa = [m for m in read(extractor, text) if m.place and "Rawa" in m.place.matched_text]
    assert rawa
    # Friday was given five sentences earlier: it does not date the Rawa takeover
    assert all(m.time is None or m.time.value != date(2017, 11, 17) for m in rawa)


def test_undated_takeover_deep_in_an_article_is_background(extractor: Extractor) -> None:
    text = (
        "Kurdish fighters are clearing mines in the city. Thousands of families remain in "
        "camps. The winter will be hard, aid groups said. A commander recalled how the "
        "Syrian army recaptured Mayadeen from ISIS after a long siege."
    )
    mentions = read(extractor, text)
    assert not takeovers(mentions)
    assert takeovers(mentions, Status.BACKGROUND)


def test_undated_takeover_in_the_lead_is_news(extractor: Extractor) -> None:
    (m,) = takeovers(read(extractor, "Iraqi forces recaptured Rawa from ISIS, officials said."))
    assert m.time and m.time.inferred


def test_nominalised_takeover_talked_about_is_recalled(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "The recapture of Rawa after three years of ISIS rule is a symbolic loss for the group.",
    )
    assert not takeovers(mentions)


def test_announced_nominalised_takeover_is_news(extractor: Extractor) -> None:
    mentions = read(
        extractor, "The Iraqi government on Friday announced the liberation of Rawa from ISIS."
    )
    assert takeovers(mentions)


def test_present_passive_is_a_state(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "He planned to come home for Christmas now that Rawa is liberated, his mother said.",
    )
    assert not takeovers(mentions)


def test_verge_and_fell_short_are_not_takeovers(extractor: Extractor) -> None:
    assert not takeovers(
        read(extractor, "Rawa is on the verge of being captured by Iraqi forces, officials said.")
    )
    assert not takeovers(
        read(
            extractor,
            "Iraqi commanders fell short of announcing the liberation of Rawa on Friday.",
        )
    )


def test_part_of_a_place_taken_changes_no_place(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "Iran-backed forces captured large swaths of territory between Mayadeen and "
        "Abu Kamal on Friday.",
    )
    assert not takeovers(mentions)


def test_place_of_another_clause_is_not_the_takeover_place(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "Fighters have moved into the area from Mosul and Rawa, and into the desert, where "
        "a push by Iraqi forces has ousted the group from its last hideouts on Friday.",
    )
    names = {m.place.place.name for m in takeovers(mentions) if m.place}
    assert "Mosul" not in names


def test_misparsed_finite_verb_is_still_a_takeover(extractor: Extractor) -> None:
    # the small parser reads "ISIS captured Rawa" as "the ISIS-captured Rawa"
    mentions = read(extractor, "ISIS captured Rawa, the strategic desert town, on Friday.")
    assert takeovers(mentions)


def test_earlier_in_the_week() -> None:
    from sitrep.read.en.dates import find_dates

    (d,) = find_dates("Forces retook the city earlier in the week.", date(2017, 9, 8))
    assert d.ref.value == date(2017, 9, 4)
    assert find_dates("Fighting went on during the week.", date(2017, 9, 8)) == []


def test_speaker_is_the_agent_of_its_own_pronoun(extractor: Extractor) -> None:
    (m,) = takeovers(
        read(extractor, "Iraq's defence ministry said its forces had taken full control of Rawa.")
    )
    assert m.actor1 and m.actor1.name == "Military Forces of Iraq"
    (m,) = takeovers(read(extractor, "Iraq said on Friday it had taken full control of Rawa."))
    assert m.actor1 and m.actor1.name == "Military Forces of Iraq"
    (m,) = takeovers(read(extractor, "ISIS said on Friday it had captured Rawa."))
    assert m.actor1 and m.actor1.name == "ISIS"


def test_a_takeover_denied_in_the_same_report_is_a_claim(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "ISIS fighters have seized Mayadeen after overrunning an army post on Monday, "
        "residents said. The army said troops were still fighting on the outskirts and "
        "denied that Mayadeen had fallen.",
    )
    assert not takeovers(mentions)
    assert takeovers(mentions, Status.CLAIMED)


def test_the_start_of_an_operation_to_retake_is_not_a_takeover(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "Iraq's prime minister announced on Monday the start of the operation to retake "
        "Rawa from ISIS.",
    )
    assert not takeovers(mentions)


def test_a_date_on_a_bare_participle_dates_its_verb(extractor: Extractor) -> None:
    (m,) = takeovers(
        read(extractor, "Haftar's forces entered the town of Gharyan unopposed on Thursday.")
    )
    assert m.time is not None and m.time.value == date(2017, 11, 16)


def test_villages_located_by_named_districts_take_no_town(extractor: Extractor) -> None:
    text = (
        "Aliyev listed villages captured in the Zangilan, Jabrayil and Qubadli districts on Sunday."
    )
    assert not takeovers(read(extractor, text))
    mentions = read(
        extractor, "Azerbaijani troops captured 15 villages and the town of Fuzuli on Sunday."
    )
    assert {m.place.place.name for m in takeovers(mentions) if m.place} == {"Fuzuli"}


def test_a_building_in_a_city_is_not_the_city(extractor: Extractor) -> None:
    text = (
        "Sudan's army said on Friday it had recaptured the Republican Palace in Khartoum from "
        "the Rapid Support Forces, two years after the group overran it."
    )
    assert not takeovers(read(extractor, text))
    # a garrison's base is how wires tell a town's fall
    assert takeovers(read(extractor, "The RSF seized the army base in Nyala on Friday."))


def test_a_claim_answered_in_the_same_sentence_is_a_claim(extractor: Extractor) -> None:
    text = (
        "The Taliban said on Friday they had seized Ghazni, but the government said its "
        "forces had beaten back the attack and remained in control."
    )
    told = read(extractor, text)
    assert [m.status for m in told if m.sub_event_type in TERRITORY] == [Status.CLAIMED]


# -- the fifth world batch's lessons (general rules, texts written for the tests) ----


def test_a_city_that_only_places_the_front_lines_is_not_handed_over(
    extractor: Extractor,
) -> None:
    text = (
        "ADEN, June 9 - Houthi fighters took control of the town of Zabid on Friday after "
        "government forces withdrew from front lines north of the port city of Mocha."
    )
    places = {m.place.place.name for m in takeovers(read(extractor, text, day="2018-06-09"))}
    assert places == {"Zabīd"}


def test_a_date_in_a_relative_clause_does_not_date_the_paragraph(extractor: Extractor) -> None:
    text = (
        "ADEN, March 10 - Government forces said on Friday they had taken full control of the "
        "southern town of Zinjibar after two weeks of fighting.\n"
        '"The town of Zinjibar has been completely liberated," an army spokesman said. '
        "Coalition jets supported the assault, which began in early February."
    )
    told = [m for m in takeovers(read(extractor, text, day="2017-03-10")) if not m.reference]
    assert told and {m.time.value for m in told if m.time} == {date(2017, 3, 10)}


def test_a_raid_that_leaves_again_takes_no_town(extractor: Extractor) -> None:
    text = (
        "MOGADISHU, March 4 - Al Shabaab fighters stormed the town of Cadale on Monday, "
        "overrunning a police post before withdrawing in the evening."
    )
    assert not takeovers(read(extractor, text, day="2025-03-04"))
    text = (
        "MOGADISHU, March 4 - Somali troops recaptured the town of Cadale on Monday after "
        "Al Shabaab fighters pulled out."
    )
    assert takeovers(read(extractor, text, day="2025-03-04"))


def test_a_retaking_answered_in_its_own_sentence_is_a_claim(extractor: Extractor) -> None:
    text = (
        "PORT-AU-PRINCE, March 4 - Gang members attacked the town of Kenscoff on Monday.\n"
        "A police spokesman said on Tuesday that officers had retaken the town, but residents "
        "said armed men were still roaming its outskirts."
    )
    told = read(extractor, text, day="2025-03-04")
    territory = [(m.status, m.place.place.name) for m in told if m.sub_event_type in TERRITORY]
    assert territory == [(Status.CLAIMED, "Kenscoff")]


def test_a_side_or_the_control_of_a_crossing_is_no_town(extractor: Extractor) -> None:
    for text in (
        "Israeli troops took over the Gaza side of the Rafah border crossing on Tuesday.",
        "The brigade seized operational control of the Rafah crossing on Tuesday morning, "
        "the army said.",
    ):
        assert not takeovers(read(extractor, text, day="2024-05-07")), text


def test_a_named_village_the_gazetteer_lacks_is_not_the_town_named_after_it(
    extractor: Extractor,
) -> None:
    text = (
        "The rebels said they had taken the village of Kibati and were within a few "
        "kilometres of the city of Goma."
    )
    assert not takeovers(read(extractor, text, day="2012-11-18"))
    # a village the gazetteer has (Kibumba, since session 28) is the one taken, not Goma
    known = text.replace("Kibati", "Kibumba")
    assert {
        m.place.place.name for m in takeovers(read(extractor, known, day="2012-11-18")) if m.place
    } == {"Kibumba"}


def test_the_end_of_a_raid_is_no_takeover(extractor: Extractor) -> None:
    for text in (
        "KABUL, Aug 13 - The insurgents had briefly stormed the city of Qala-i-Naw in July "
        "before being driven out by commandos.",
        "MOGADISHU, Feb 6 - Al-Shabaab fighters entered the port town of Merca on Friday "
        "hours after African Union troops pulled out of their base there, then left the "
        "town again before nightfall.",
    ):
        assert not takeovers(read(extractor, text, day="2021-08-13")), text


def test_some_buildings_of_a_town_are_no_town(extractor: Extractor) -> None:
    text = (
        "Resistance fighters seized a police station and an administrative office in the "
        "west of Kawkareik on Saturday, but the army's battalions held their bases."
    )
    assert not takeovers(read(extractor, text, day="2023-10-30"))
    # the last holdouts of a city, its stadium and its hospital, are how its fall is told
    text = (
        "The SDF said on Tuesday that they had captured the stadium and the hospital in "
        "Raqqa, the last holdouts of the militants in the city."
    )
    assert takeovers(read(extractor, text, day="2017-10-17"))


def test_both_claims_rejected_answer_every_takeover_told(extractor: Extractor) -> None:
    text = (
        "Russia's defence ministry said on Saturday that its troops had captured Huliaipole "
        "in Zaporizhzhia Oblast.\n"
        "Ukraine's military rejected both claims the same day."
    )
    assert not takeovers(read(extractor, text, day="2025-12-28"))


def test_a_river_is_not_the_town_named_like_it(extractor: Extractor) -> None:
    # "the Juba river" is the water, not the capital of South Sudan
    text = (
        "MOGADISHU, July 22 - Somali troops captured Baardheere on Wednesday.\n"
        "Kenyan soldiers entered the town on the Juba river without meeting resistance."
    )
    places = {m.place.place.name for m in takeovers(read(extractor, text, day="2015-07-22"))}
    assert places == {"Baardheere"}


def test_a_place_that_fell_the_same_day_fell_on_the_day_told_before(
    extractor: Extractor,
) -> None:
    # a bare "fell" with a place as its subject is a takeover (a pattern the event
    # classifier's features do not see, so its "not an event" does not drop it), and
    # "the same day" is the day of the sentence before, not of the one after it
    text = (
        "KABUL, Aug 13 - The Taliban took Chaghcharan on Friday.\n"
        "Qala-i-Naw, the capital of Badghis, fell the same day. The insurgents had briefly "
        "stormed the city in July before being driven out by commandos."
    )
    fell = [m for m in takeovers(read(extractor, text, day="2021-08-13")) if m.trigger == "fell"]
    assert [(m.place.place.name, m.time.value) for m in fell] == [("Qala i Naw", date(2021, 8, 13))]
    for text in ("Oil prices fell on Friday in Kabul.", "Kunduz fell silent on Friday."):
        assert not takeovers(read(extractor, text, day="2021-08-13")), text


def test_walking_into_a_named_town_takes_it(extractor: Extractor) -> None:
    text = (
        "KABUL, Aug 13 - The Taliban took two more provincial capitals on Friday, walking "
        "into Chaghcharan, the capital of central Ghor province, after the police surrendered."
    )
    assert [m.place.place.kind for m in takeovers(read(extractor, text, day="2021-08-13"))] == [
        PlacePrecision.CITY
    ]
    text = "On Sunday he posted: walking into the stadium in Raqqa for the first time."
    assert not takeovers(read(extractor, text, day="2017-10-22"))


def test_the_capital_of_a_province_is_its_town_not_the_province(extractor: Extractor) -> None:
    text = "KABUL, Aug 8 - The Taliban captured the capital of Kunduz province on Sunday."
    found = takeovers(read(extractor, text, day="2021-08-08"))
    assert [(m.place.place.name, m.place.place.kind) for m in found] == [
        ("Kunduz", PlacePrecision.CITY)
    ]
    # a capital not named like its province: the seat data/provincial_capitals.json
    # gives (Sharana), not the other town the article names
    text = (
        "KABUL, Aug 14 - The Taliban captured the capital of Paktika province on Saturday.\n"
        "Later in the day Asadabad also came under the control of the Taliban."
    )
    found = takeovers(read(extractor, text, day="2021-08-14"))
    assert [(m.trigger, m.place.place.name) for m in found] == [
        ("captured", "Sharan"),
        ("under the control of", "Asadābād"),
    ]
    # each province of a list after "capitals of": its town of its name, or its seat
    text = "The Taliban seized the capitals of Kunduz, Takhar and Sar-e-Pol provinces on Sunday."
    found = takeovers(read(extractor, text, day="2021-08-09"))
    assert sorted((m.place.place.name, m.place.place.kind) for m in found) == [
        ("Kunduz", PlacePrecision.CITY),
        ("Sar-e Pul", PlacePrecision.CITY),
        ("Taloqan", PlacePrecision.CITY),
    ]
    # a town named with its province as an apposition stays that town
    text = "Sudan's army said on Saturday it had recaptured Sinja, the capital of Sennar state."
    found = takeovers(read(extractor, text, day="2024-11-23"))
    assert [m.place.place.name for m in found] == ["Singa"]


def test_an_unknown_town_is_not_the_region_that_locates_it(extractor: Extractor) -> None:
    # the object names its own town, one the gazetteer lacks: not the province after it
    # (a made-up name: "Qoryoley" became a known spelling of Qoryooley in session 30)
    for text in (
        # (the relative clause only locates the town)
        "Government troops retook the market town of Warbaale-Dheere which lies in the "
        "Bay region, officials said on Friday.",
        # (through "control of")
        "Government troops retook control of the market town of Warbaale-Dheere which lies "
        "in the Bay region, officials said on Friday.",
        # (the name before "district")
        "Government troops took control of Warbaale-Dheere district in the Bay region on Friday.",
        # a town told as any town, unnamed
        "Government troops recaptured a town in the southern region of Gedo on Friday.",
    ):
        assert not takeovers(read(extractor, text, day="2020-03-06")), text
    # a known town keeps its takeover, however it is told
    for text in (
        "Government troops took control of the town of Baidoa in the Bay region on Friday.",
        "Government troops recaptured a town called Baidoa in the Bay region on Friday.",
        "Government troops took control of the town of Bayt al-Faqih on Friday.",
    ):
        told = takeovers(read(extractor, text, day="2020-03-06"))
        assert [m.place.place.kind for m in told] == [PlacePrecision.CITY], text


def test_a_holder_told_by_a_bare_copula_is_a_state(extractor: Extractor) -> None:
    text = "Residents said Baidoa was under the control of al-Shabab fighters."
    assert not takeovers(read(extractor, text, day="2020-03-06"))
    # "now" makes it news
    text = "Residents said Baidoa is now under the control of al-Shabab fighters."
    assert [m.place.place.name for m in takeovers(read(extractor, text, day="2020-03-06"))] == [
        "Baidoa"
    ]


def test_cities_each_placed_by_a_compass_point_fell_together(extractor: Extractor) -> None:
    text = (
        "Within two days the two biggest cities of the region - Herat in the west and "
        "Kandahar in the south - have fallen to the Taliban, officials said."
    )
    told = takeovers(read(extractor, text, day="2021-08-13"))
    assert sorted(m.place.place.country for m in told) == ["AFG", "AFG"]
    assert len({m.place.place.id for m in told}) == 2


def test_districts_listed_by_name_are_each_taken(extractor: Extractor) -> None:
    # "were now in control of": reported speech of a new control; the districts the
    # object names, not the province or the town of the province's name after them
    text = (
        "Tribal sources said on Wednesday that the rebels were now in control of the Harib "
        "and Abdiya districts of Marib province."
    )
    told = takeovers(read(extractor, text, day="2021-09-22"))
    assert {m.place.place.kind for m in told} == {PlacePrecision.ADMIN2}
    assert sorted(m.place.place.admin1 for m in told) == ["Ma’rib", "Ma’rib"]


def test_a_date_in_a_relative_clause_does_not_date_the_next_sentences(
    extractor: Extractor,
) -> None:
    # "six months ago" tells when the city was captured, of the forces the clause is
    # about; the entry told next is of this week's news, not of six months back
    text = (
        "Tigrayan forces retook the regional capital on Monday.\n"
        "Crowds cheered in the streets of Mekelle as the Tigray Defence Forces, which left "
        "the city when it was captured six months ago, came back.\n"
        "Federal troops had gone by the time the TDF entered the city in the evening."
    )
    told = takeovers(read(extractor, text, day="2021-06-29"))
    assert told and all(m.time.value == date(2021, 6, 28) for m in told)


def test_a_place_fell_under_the_control_of_its_taker(extractor: Extractor) -> None:
    for text in (
        "Baidoa fell under the control of al-Shabab fighters on Monday.",
        "Baidoa fell under the full control of al-Shabab fighters on Monday.",
    ):
        told = takeovers(read(extractor, text, day="2020-03-06"))
        assert [(m.place.place.name, m.actor1 and m.actor1.id) for m in told] == [
            ("Baidoa", "al-shabaab")
        ], text
    # "fell under siege" tells no change of hands
    assert not takeovers(read(extractor, "Baidoa fell under siege on Monday.", day="2020-03-06"))


def test_the_place_that_fell_to_a_side_is_its_subject(extractor: Extractor) -> None:
    # not the town a later phrase names ("near Soledar")
    text = "Bakhmut fell to Russian forces on Saturday after months of fighting near Soledar."
    told = takeovers(read(extractor, text, day="2023-05-21"))
    assert [m.place.place.name for m in told] == ["Bakhmut"]
