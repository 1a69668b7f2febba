"""Wordings from session 23's blind trial of English reports of takeovers in many wars
(Iraq 2015, Syria 2018 and 2020, Ethiopia 2020 and 2021, Mali 2023, DR Congo 2025,
Sudan 2025, Ukraine 2022 and 2024): "rebel troops" are no state's troops, a place that
"fell completely to" a side was taken by it, "a year has passed since" a takeover
recalls it, a year back; a country's own name does not keep its forces' town abroad
out of the gazetteer, nor do an army's initials in brackets read as a village; a side's
word that it withdrew its forces from a town is a change; "several villages,
including A and B" took A and B; "some months ago" and a superlative's "this year"
date no neighbour; a stalled advance took nothing; troops raising their country's
flags in a village took it.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from datetime import date

from conftest import places_taken as taken
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.dates import find_dates
from sitrep.read.en.extract import Extractor


def test_rebel_troops_are_not_the_states_troops(extractor: Extractor) -> None:
    text = "Rebel troops took control of Mekelle, the regional capital, on Monday evening."
    assert taken(read(extractor, text, "2021-06-28")) == {("Mek'ele", None)}
    text = "Opposition forces seized the town of Bor on Tuesday, a local official said."
    got = taken(read(extractor, text, "2013-12-19"))
    assert got and all(a is None for _, a in got)


def test_rebel_troops_of_a_named_group_are_that_groups(extractor: Extractor) -> None:
    # the singular "Defence Force" of the group's name
    text = (
        "Rebel troops of the Tigray Defence Force on Monday took control of Mekelle, "
        "residents said."
    )
    assert taken(read(extractor, text, "2021-06-28")) == {
        ("Mek'ele", "TPLF: Tigray People's Liberation Front")
    }


def test_government_troops_are_still_the_states(extractor: Extractor) -> None:
    # guard: only a word saying whose forces they are not keeps the generic words out
    text = "Government troops took control of Mekelle, the regional capital, on Saturday."
    assert taken(read(extractor, text, "2020-11-28")) == {
        ("Mek'ele", "Military Forces of Ethiopia")
    }


def test_a_city_fell_completely_to_the_militants_of_a_group(extractor: Extractor) -> None:
    for text in (
        "The city of Ramadi fell completely to the militants of the Islamic State on Sunday.",
        "The city of Ramadi fell quickly to the fighters of the Islamic State on Sunday.",
    ):
        assert taken(read(extractor, text, "2015-05-17")) == {("Ramadi", "ISIS")}, text


def test_a_city_that_fell_completely_silent_was_not_taken(extractor: Extractor) -> None:
    text = "The city of Ramadi fell completely silent on Sunday after the shelling stopped."
    assert not changes(read(extractor, text, "2015-05-17"))


def test_a_year_has_passed_since_a_takeover_recalls_it(extractor: Extractor) -> None:
    text = "A year has passed since Ukrainian forces reclaimed Kherson from Russian control."
    mentions = read(extractor, text, "2023-11-12")
    assert not changes(mentions, Status.OCCURRED, Status.CLAIMED)
    kherson = [m for m in mentions if m.place and m.place.place.name == "Kherson" and m.time]
    assert kherson and all(m.time and m.time.value.year == 2022 for m in kherson)


def test_years_have_passed_since_is_counted_back() -> None:
    day = date(2023, 11, 12)
    got = find_dates("Two years have passed since the army retook the town.", day)
    assert [d.ref.value for d in got] == [date(2021, 11, 1)]
    # guard: a count from an anchor the text does not date is no date
    assert not find_dates("The army retook the town two years after it was lost.", day)


def test_a_ministry_of_a_named_country_telling_its_forces_left_a_town(
    extractor: Extractor,
) -> None:
    # the country's own name is no place of it: its forces' town abroad is still found
    text = "Russia's Defence Ministry said Russian forces had withdrawn from Lyman on Saturday."
    got = changes(read(extractor, text, "2022-10-03"))
    assert [(m.place.place.name, m.actor2.name if m.actor2 else None) for m in got if m.place] == [
        ("Lyman", "Military Forces of Russia")
    ]
    assert all(m.time and m.time.value == date(2022, 10, 1) for m in got)


def test_a_side_saying_it_withdrew_its_forces_from_a_town_tells_a_change(
    extractor: Extractor,
) -> None:
    # the classifier reads the announcement as no event; the leaver, the town and the
    # day are told whole
    text = (
        "Lyman, a rail hub in Donetsk province, lies 160 km south-east of Kharkiv. "
        "Russia's Defence Ministry said it had withdrawn its forces from Lyman on Saturday "
        "to prevent them from being encircled."
    )
    got = changes(read(extractor, text, "2022-10-03"))
    assert {m.place.place.name for m in got if m.place} == {"Lyman"}


def test_a_withdrawal_told_without_its_day_or_town_stays_the_models_call(
    extractor: Extractor,
) -> None:
    # guard: no town named right after the withdrawal
    text = (
        "Lyman, a rail hub in Donetsk province, lies 160 km south-east of Kharkiv. "
        "The ministry said it had withdrawn some of its forces to new lines on Saturday."
    )
    got = changes(read(extractor, text, "2022-10-03"))
    assert not [m for m in got if m.claim.sentence.index == 1]


def test_an_armys_initials_in_brackets_are_no_town(extractor: Extractor) -> None:
    # "SAA" is also a village in Cameroon: read as a place, it left the town's other
    # spelling without the article's support
    text = "The Syrian Arab Army (SAA) captured the city of Ma'arat Al-Nu'man on Tuesday afternoon."
    assert taken(read(extractor, text, "2020-01-28")) == {
        ("Ma‘arrat an Nu‘mān", "Military Forces of Syria")
    }


def test_a_countrys_own_acronym_in_brackets_stays_a_place(extractor: Extractor) -> None:
    # guard: the acronym of a place names that place
    found = extractor.gazetteer.find_all(
        ["Troops of the Democratic Republic of Congo (DRC) entered Goma."]
    )[0]
    assert "Democratic Republic of the Congo" in {p.place.name for p in found}


def test_settlements_including_named_towns_took_those_towns(extractor: Extractor) -> None:
    for text in (
        "Ukrainian troops retook several villages south of Bakhmut on Sunday, including "
        "Klishchiivka and Andriivka.",
        "Ukrainian forces entered several settlements on the way to Kherson on Sunday, "
        "including the town of Snihurivka.",
    ):
        got = {n for n, _ in taken(read(extractor, text, "2023-09-17"))}
        assert got and got <= {"Klishchiivka", "Andriyivka", "Snihurivka"}, text


def test_a_town_that_only_locates_an_included_village_was_not_taken(
    extractor: Extractor,
) -> None:
    # guard: "near Bakhmut" places the village the phrase names
    text = (
        "Ukrainian troops retook several villages on Sunday, including Klishchiivka, near Bakhmut."
    )
    assert taken(read(extractor, text, "2023-09-17")) == {
        ("Klishchiivka", "Military Forces of Ukraine")
    }
    # guard: unnamed settlements still take no town
    text = "Ukrainian troops retook several villages south of Bakhmut on Sunday."
    assert not changes(read(extractor, text, "2023-09-17"))


def test_settlements_named_after_a_colon_were_each_taken(extractor: Extractor) -> None:
    for text in (
        "The army said it had liberated four villages near Lyman on Friday: Yampil, "
        "Novoselivka, Drobysheve and Stavky.",
        "The general staff confirmed the liberation of four settlements near Lyman on "
        "Friday: they are Yampil, Novoselivka, Drobysheve and Stavky.",
    ):
        got = {n for n, _ in taken(read(extractor, text, "2022-10-01"))}
        assert {"Novoselivka", "Drobysheve", "Stavky"} <= got and "Lyman" not in got, text


def test_a_retaking_some_months_ago_is_recalled_and_dates_no_neighbour(
    extractor: Extractor,
) -> None:
    text = (
        "Rebel fighters of the Tigray Defence Force took control of Mekelle. They "
        "dissolved the interim administration the government set up after federal troops "
        "retook the city from the rebels some months ago."
    )
    mentions = read(extractor, text, "2021-06-29")
    assert taken(mentions) == {("Mek'ele", "TPLF: Tigray People's Liberation Front")}
    retaken = [m for m in mentions if m.trigger == "retook"]
    assert retaken and all(m.time and m.time.value < date(2021, 6, 1) for m in retaken)
    told = changes(mentions)
    assert told and all(m.time and m.time.value == date(2021, 6, 29) for m in told)


def test_a_loose_count_back_in_months_is_a_month_in_the_past() -> None:
    got = find_dates("The army retook the town several months ago.", date(2021, 6, 28))
    assert [(d.ref.value, d.ref.precision.value) for d in got] == [(date(2021, 3, 1), "month")]
    # guard: "a few days ago" keeps its week
    got = find_dates("The army retook the town a few days ago.", date(2021, 6, 28))
    assert [d.ref.precision.value for d in got] == ["week"]


def test_an_advance_that_stalled_near_a_town_took_nothing(extractor: Extractor) -> None:
    # seen writing the Lyman tests: a stopped advance read as the town's capture
    for text in (
        "The Russian advance stalled near Lyman in the east of Ukraine last week.",
        "Ukrainian troops halted the Russian advance near Lyman on Saturday.",
    ):
        assert not changes(read(extractor, text, "2022-10-03")), text
    # guard: what the advances took is still taken
    text = "The Russian advances near Lyman on Saturday took the village of Torske."
    assert {n for n, _ in taken(read(extractor, text, "2022-10-03"))} == {"Torske"}


def test_a_superlatives_this_year_is_no_date() -> None:
    day = date(2015, 5, 17)
    for text in (
        "The fall of Ramadi is the biggest success for the group this year.",
        "It was the biggest victory so far this year for the extremists.",
    ):
        assert not find_dates(text, day), text
    # guard: a plain "this year" still dates what it says
    got = find_dates("The rebels took the town this year.", day)
    assert [d.ref.value for d in got] == [date(2015, 1, 1)]


def test_a_takeover_is_not_dated_by_a_neighbours_ranked_year(extractor: Extractor) -> None:
    text = (
        "Islamic State fighters seized Ramadi on Sunday. The fall of the city is the "
        "group's biggest success this year.\n\nThe offensive sent hundreds of policemen "
        "fleeing from Ramadi, leaving their weapons for the militants."
    )
    mentions = read(extractor, text, "2015-05-17")
    assert changes(mentions)
    # (the offensive of the next paragraph took the ranked year as its date)
    assert all(m.time and m.time.precision.value != "year" for m in mentions)


def test_troops_raising_their_countrys_flags_in_a_village_took_it(extractor: Extractor) -> None:
    for text in (
        "Ukrainian troops raised Ukrainian flags in Kalynivske on Wednesday.",
        "Videos of Ukrainian troops raising Ukrainian flags in Kalynivske have been "
        "published online.",
    ):
        got = taken(read(extractor, text, "2022-11-09"))
        assert got == {("Kalynivske", "Military Forces of Ukraine")}, text
    # guard: a crowd's flags are a protest, not a takeover
    text = "Protesters raised Palestinian flags in Ramallah on Wednesday."
    assert not changes(read(extractor, text, "2022-11-09"))
