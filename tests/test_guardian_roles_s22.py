"""Sides, dates and places of takeovers in long, paragraph-less weekly pieces (the
Guardian's Syria and Iraq coverage, 2017-2019): a place lost "in a campaign by" a
side; a fall the sentence tells with no side, whose side the article gives
elsewhere; a fall dated only by how long ago it was; "the city" after an attack
on a named town.

The sentences are written for these tests, in the constructions of such pieces.
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor

OUTLET = "Test Weekly"


def taken(mentions: list[Mention], *statuses: Status) -> set[tuple[str, str | None]]:
    return {
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(mentions, *statuses)
        if m.place
    }


# -- "lost X in a campaign by Y": Y took X ---------------------------------------------


def test_a_town_lost_in_a_campaign_by_a_side_was_taken_by_that_side(
    extractor: Extractor,
) -> None:
    text = (
        "The militants are falling back along the Euphrates after losing their main "
        "base, Tabqa, on Thursday in an offensive by Kurdish forces backed by the "
        "US-led coalition."
    )
    got = [m for m in changes(read(extractor, text, "2017-05-14", outlet=OUTLET)) if m.place]
    assert {(m.place.place.name, m.actor1.name if m.actor1 else None) for m in got} == {
        ("Al-Tabqa", "YPG: People's Protection Units")
    }
    assert {str(m.time.value) for m in got if m.time} == {"2017-05-11"}
    # the backer named after the taker is not the taker
    assert {a.id for m in got for a in m.assoc_actors} == set()


def test_men_lost_in_an_assault_are_no_town_lost(extractor: Extractor) -> None:
    # a loss of men near a town, in an attack by a side, takes no town
    text = "The militia lost twenty men in an assault by Kurdish forces near Hasakah."
    assert taken(read(extractor, text, "2017-05-14", outlet=OUTLET)) == set()


# -- a fall told with no side: the side of the place's country the article says took
# the group's land ---------------------------------------------------------------------


def recalled(mentions: list[Mention]) -> set[tuple[str, str | None, str]]:
    return {
        (m.place.place.name, m.actor1.name if m.actor1 else None, str(m.time.value))
        for m in changes(mentions, Status.RECALLED)
        if m.place and m.time
    }


def test_a_fall_set_off_in_its_subject_is_the_side_of_its_country_who_took_the_land(
    extractor: Extractor,
) -> None:
    # the fall's sentence names no side; the sentence before names three attackers, one
    # of them of the town's country
    text = (
        "The militants have lost most of their land to an assault by Iraqi troops, "
        "forces allied to the Syrian government and American jets. One of their two "
        "last strongholds – Tal Afar in Iraq – fell in August, and the other is under "
        "siege."
    )
    assert recalled(read(extractor, text, "2018-03-02", outlet=OUTLET)) == {
        ("Tall ‘Afar", "Military Forces of Iraq", "2017-08-01")
    }


def test_two_attackers_of_the_towns_country_leave_the_fall_unattributed(
    extractor: Extractor,
) -> None:
    text = (
        "The militants have lost most of their land to an assault by Iraqi troops and "
        "Kurdish peshmerga fighters. One of their two last strongholds – Tal Afar in "
        "Iraq – fell in August, and the other is under siege."
    )
    mentions = read(extractor, text, "2018-03-02", outlet=OUTLET)
    assert recalled(mentions) == set()
    assert {
        (m.place.place.name, m.actor1) for m in changes(mentions, Status.BACKGROUND) if m.place
    } == {("Tall ‘Afar", None)}


def test_the_owner_named_in_a_fallen_places_subject_lost_it(extractor: Extractor) -> None:
    # "Isis's ... – Mosul – fell": the group the subject names lost the town, it did
    # not take it
    text = "One of Isis's two main bases – Mosul in Iraq – fell in February."
    got = changes(read(extractor, text, "2017-09-12", outlet=OUTLET), Status.BACKGROUND)
    assert {
        (m.place.place.name, m.actor1, m.actor2.name if m.actor2 else None) for m in got if m.place
    } == {("Mosul", None, "ISIS")}


# -- a fall dated by how long ago it was ----------------------------------------------


def test_almost_exactly_a_year_after_a_fall_dates_the_fall_a_year_back(
    extractor: Extractor,
) -> None:
    # the count opens the sentence with two qualifiers: the fall is a year before the
    # piece, to the month, not news of the piece's week; "almost" a year since a piece
    # of late May is a fall of June
    text = (
        "Almost exactly a year after the fall of Homs, talks between the sides are to "
        "resume in Geneva."
    )
    got = [
        (m.place.place.name, str(m.time.value), str(m.time.precision))
        for m in read(extractor, text, "2015-05-28", outlet=OUTLET)
        if m.place and m.time and m.trigger.lower().startswith("fall")
    ]
    assert got == [("Homs", "2014-06-01", "month")]
    # a year to the day: the month a year back
    plain = "A year after the fall of Homs, talks between the sides are to resume."
    assert [
        str(m.time.value)
        for m in read(extractor, plain, "2015-05-28", outlet=OUTLET)
        if m.place and m.time and m.trigger.lower().startswith("fall")
    ] == ["2014-05-01"]


# -- "the town" after an attack on a named town, in a clause the parse sets apart -------


def test_the_town_an_offensive_succeeded_in_driving_the_militants_out_of(
    extractor: Extractor,
) -> None:
    # the relative clause hangs on the town in the parse; "the town" is still the one
    # the offensive was on, in the article's first sentence (no town told before)
    text = (
        "In September, Iraqi troops launched an offensive on Hawija that succeeded in "
        "driving the militants out of the town within two weeks."
    )
    got = read(extractor, text, "2017-12-20", outlet=OUTLET)
    assert taken(got, *Status) == {("Al Ḩawījah", "Military Forces of Iraq")}
