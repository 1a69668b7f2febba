"""Session 33 (en2): real multi-outlet reports of 2011-2021 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import places_read as _taken
from conftest import read_wire, territory_changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# -- "re-captured", "re-took": a hyphenated re- verb is one verb ------------------------


def test_a_hyphenated_recapture_after_a_participle_clause_is_read(extractor: Extractor) -> None:
    # "Iraqi forces, aided by ..., re-captured the city of Tikrit" gave no event: the
    # tokenizer split "re", "-", "captured" and the parse made "re" the verb
    text = (
        "Army units, supported by tribal fighters, re-captured the northern town of Baiji "
        "from the militants, officials said on Thursday."
    )
    assert _taken(extractor, text, "2015-10-23", plain=True) == ["Bayji"]


def test_a_hyphenated_retaking_keeps_its_own_day(extractor: Extractor) -> None:
    # the date hangs on the verb again: "re-took ... on Monday" was dated by publication
    text = "Government troops re-took the town of Baiji on Monday after a week of fighting."
    [m] = territory_changes(read_wire(extractor, text, "2015-10-23"))
    assert m.time is not None and m.time.value.isoformat() == "2015-10-19"


def test_the_unhyphenated_recapture_is_unchanged(extractor: Extractor) -> None:
    # guard: the one-word spelling read as before, with its day
    text = "Government troops retook the town of Baiji on Monday after a week of fighting."
    [m] = territory_changes(read_wire(extractor, text, "2015-10-23"))
    assert m.time is not None and m.time.value.isoformat() == "2015-10-19"


def test_a_hyphenated_non_taking_verb_stays_split(extractor: Extractor) -> None:
    # guard: "re-elected" is no taking, with or without the tokenizer's new words
    text = "The governor of Baiji was re-elected on Monday, officials said."
    assert _taken(extractor, text, "2015-10-23") == []


# -- "woke up on <day> to the news that X fell": the day of the news is the fall's ------


def test_the_news_that_a_city_fell_takes_the_day_above(extractor: Extractor) -> None:
    # an anniversary piece: "On the 10th of June, 2014, Iraqis woke up to the news that
    # Mosul ... fell" was dated by the publication, five years on, and kept as new
    text = (
        "On the 4th of October, 2015, people in the north woke up to the news that Kunduz, "
        "the provincial capital, fell to the Taliban."
    )
    read = read_wire(extractor, text, "2020-10-04")
    assert territory_changes(read) == []
    # kept, if at all, as what happened on the day of the news, five years before
    assert all(m.time is None or m.time.value.year == 2015 for m in read if m.place)


def test_reports_that_rebels_took_a_town_take_the_day_they_came(extractor: Extractor) -> None:
    text = "On Sunday residents heard reports that the rebels had captured Baiji."
    [m] = territory_changes(read_wire(extractor, text, "2015-10-20"))
    assert m.time is not None and m.time.value.isoformat() == "2015-10-18"


def test_a_relative_clause_on_a_dated_noun_still_keeps_its_own_day(
    extractor: Extractor,
) -> None:
    # guard: "that" as the subject of a relative clause is no news's content: "in
    # January" dates the announcement, not the militia's taking
    text = (
        "The army announced the assault in January, after talks with the militia that had "
        "captured Baiji."
    )
    for m in territory_changes(read_wire(extractor, text, "2016-03-01")):
        assert m.time is None or m.time.value.month != 1


# -- "a province just southwest of the capital, Kabul": the capital only places it -----


def test_a_province_placed_off_the_capital_is_not_the_capital(extractor: Extractor) -> None:
    # "gained control of a district headquarters in a central province just southwest of
    # the capital, Kabul" was read as the Taliban taking Kabul
    text = (
        "Officials say the insurgents have seized a district headquarters in an eastern "
        "province just northeast of the capital, Kabul."
    )
    assert "Kabul" not in _taken(extractor, text, "2021-05-20")


def test_a_district_placed_off_a_city_is_not_the_city(extractor: Extractor) -> None:
    text = "The militants overran a district just southeast of the city, Kandahar, on Tuesday."
    assert "Kandahar" not in _taken(extractor, text, "2021-06-02")


def test_the_capital_itself_taken_is_still_read(extractor: Extractor) -> None:
    # guard: the capital named as what was taken
    text = "The Taliban seized control of the capital, Kabul, on Sunday, officials said."
    assert _taken(extractor, text, "2021-08-16") == ["Kabul"]


# -- Jurf al-Sakhar, renamed Jurf al-Nasr: a town of the 2014 war south of Baghdad --------


def test_jurf_al_sakhar_is_a_town_of_babil(extractor: Extractor) -> None:
    # it was read as Al Jurf in the Emirates, taken by the Emirati army
    text = (
        "Iraqi troops and Shiite militias took control of Jurf al-Sakhar on Saturday, "
        "security officials said."
    )
    [m] = territory_changes(read_wire(extractor, text, "2014-10-25"), Status.OCCURRED)
    assert m.place is not None and m.place.place.id == -380
    assert m.place.place.country == "IRQ"


def test_jurf_al_nasr_is_the_same_town(extractor: Extractor) -> None:
    text = "Militiamen patrolled Jurf al-Nasr on Sunday after the army took the town."
    assert all(
        m.place.place.id == -380 for m in read_wire(extractor, text, "2014-10-26") if m.place
    )


# -- the side said to have lost a town answers that it still holds it -------------------


def test_the_other_side_telling_it_is_still_in_control_makes_a_claim(
    extractor: Extractor,
) -> None:
    # "But the rebels have told the BBC they are still in control of the town" left the
    # army's recapture of Malakal a fact
    text = (
        "The army says it has recaptured the river town of Bor from the rebels. But the "
        "rebels have told reporters they are still in control of the town."
    )
    assert _taken(extractor, text, "2014-01-20") == []
    assert _taken(extractor, text, "2014-01-20", Status.CLAIMED) == ["Bor"]


def test_the_losing_side_denying_it_left_makes_a_claim(extractor: Extractor) -> None:
    text = (
        "The army says it has recaptured the river town of Bor from the rebels. A rebel "
        "spokesman denied that they had left Bor."
    )
    assert _taken(extractor, text, "2014-01-20") == []


def test_the_losing_side_telling_of_its_withdrawal_is_no_denial(extractor: Extractor) -> None:
    # guard: the rebels tell reporters they withdrew: the recapture stands
    text = (
        "The army says it has recaptured the river town of Bor from the rebels. The rebels "
        "told reporters they had withdrawn to the south."
    )
    assert _taken(extractor, text, "2014-01-20") == ["Bor"]


# -- "fell into rebel hands": the hands tell the taker's kind ---------------------------


def test_a_fall_into_rebel_hands_is_not_given_to_the_army(extractor: Extractor) -> None:
    # the army that recaptured the town in the lead was made the taker of the earlier
    # "fell into rebel hands"
    text = (
        "Government troops recaptured the oil town of Bentiu from the rebels. Bentiu fell "
        "into rebel hands last month after heavy fighting."
    )
    falls = [m for m in read_wire(extractor, text, "2014-05-05") if m.trigger.startswith("fell")]
    assert falls
    assert all(m.actor1 is None or "Military Forces" not in m.actor1.name for m in falls)


def test_a_fall_into_the_army_s_hands_keeps_the_army(extractor: Extractor) -> None:
    # guard: hands of state forces are the army's
    text = "The rebel town of Bentiu fell into the hands of government troops on Sunday."
    gainers = [
        m.actor1.name if m.actor1 else None
        for m in territory_changes(read_wire(extractor, text, "2014-05-05"))
    ]
    assert gainers == ["Military Forces of South Sudan"]


# -- "came three weeks after they had captured X": the count dates the taking back ---------


def test_a_taking_counted_back_from_the_news_is_recalled(extractor: Extractor) -> None:
    # "The Islamist rebels' gains came three weeks after they had captured the city of
    # Idleb" was read as a capture of Idleb on the day of the report
    text = (
        "The insurgents' advance came three weeks after they had seized the town of "
        "Maarrat al-Numan."
    )
    assert _taken(extractor, text, "2015-06-20") == []
    [m] = [m for m in read_wire(extractor, text, "2015-06-20") if m.place is not None]
    assert m.status is Status.RECALLED
    assert m.time is not None and m.time.value.isoformat() == "2015-05-30"


def test_a_taking_counted_back_from_a_dated_taking_keeps_its_count(extractor: Extractor) -> None:
    # guard: the change a sentence counts back from another change is dated as before
    text = (
        "Separatists regained Zinjibar on Friday, two days after government troops had "
        "pushed them out of the town."
    )
    days = sorted(
        m.time.value.isoformat()
        for m in read_wire(extractor, text, "2015-04-22")
        if m.time is not None and m.place is not None
    )
    assert days == ["2015-04-15", "2015-04-17"]


def test_a_taking_the_news_tells_after_a_count_is_still_news(extractor: Extractor) -> None:
    # guard: the sentence's own taking, before the count, stays the day's news
    text = "The rebels seized Jisr al-Shughour on Saturday, three weeks after they captured Idlib."
    assert [n[:4] for n in _taken(extractor, text, "2015-04-22", plain=True)] == ["Jisr"]
