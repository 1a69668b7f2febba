"""Session 23's reader rules, each on sentences written for these tests in the
constructions of long weekly pieces and wire copy (never an evaluation article's text):
who gains a town whose control is handed to a side; a region's takeover that only sums
up the takeover of one of its towns; a taking done through a verb of using ("used Syrian
rebels to drive the YPG out of Afrin") or managing, and the date that verb carries.
"""

from __future__ import annotations

import pytest
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention, Place, PlacePrecision, Status
from sitrep.read.common.mentions import lies_in
from sitrep.read.en.extract import Extractor

OUTLET = "Test Weekly"


def taken(mentions: list[Mention], *statuses: Status) -> set[tuple[str, str | None, str | None]]:
    """(place, gaining side, date) of the takeovers told with ``statuses`` (default: as
    having happened)."""
    return {
        (
            m.place.place.name,
            m.actor1.name if m.actor1 else None,
            str(m.time.value) if m.time else None,
        )
        for m in changes(mentions, *statuses)
        if m.place
    }


# -- "handed control of X to Y": Y gains X; a region's takeover that sums up one of its
# towns' is the town's change ---------------------------------------------------------

SYRIAN_ARMY = "Military Forces of Syria"

NEWS = [
    # control handed to a side: that side gains the town
    (
        "The rebels handed control of Yabrud to government forces on Thursday.",
        {("Yabrūd", SYRIAN_ARMY, "2018-04-12")},
    ),
    (
        "The Kurdish militia on Thursday handed control of Manbij to the Syrian army, "
        "a spokesman said.",
        {("Manbij", SYRIAN_ARMY, "2018-04-12")},
    ),
    # a town left "handing it to" a side: that side gains it
    (
        "The rebels left Douma on Thursday, handing the town to the army.",
        {("Dūmā", SYRIAN_ARMY, "2018-04-12")},
    ),
    # the same passive, as news
    (
        "The city of Raqqa was declared fully liberated by the SDF on Tuesday.",
        {("Ar Raqqah", "Syrian Democratic Forces", "2018-04-10")},
    ),
    # guard: the wording that already named the recipient still does
    (
        "The army handed over Yabrud to the rebels on Thursday.",
        {("Yabrūd", "Free Syrian Army", "2018-04-12")},
    ),
    # a region retaken with its last town, the same day: the town's change
    (
        "Russia said on Thursday that Syrian government forces had retaken Eastern "
        "Ghouta. The defence ministry said the army had taken control of Douma on "
        "Thursday, the last town of the enclave.",
        {("Dūmā", SYRIAN_ARMY, "2018-04-12")},
    ),
    # guard: the town fell in March, the whole region in April: two changes
    (
        "Government forces took full control of Eastern Ghouta on Thursday. "
        "The army captured Douma in March.",
        {("Eastern Ghouta", SYRIAN_ARMY, "2018-04-12"), ("Dūmā", SYRIAN_ARMY, "2018-03-01")},
    ),
]


def test_a_region_lies_around_the_towns_of_its_province_near_its_centre() -> None:
    region = Place(-9, "Ghouta", "SYR", 33.55, 36.42, PlacePrecision.REGION, "Rif Dimashq")
    near = Place(1, "Douma", "SYR", 33.57, 36.40, PlacePrecision.CITY, "Rif Dimashq")
    far = Place(2, "Yabrud", "SYR", 33.97, 36.66, PlacePrecision.CITY, "Rif Dimashq")
    other = Place(3, "Daraa", "SYR", 33.6, 36.4, PlacePrecision.CITY, "Daraa")

    def never(outer: Place, inner: Place) -> bool:
        return False

    assert lies_in(region, near, never)
    assert not lies_in(region, far, never)  # 50 km away
    assert not lies_in(region, other, never)  # another province
    province = Place(4, "Rif Dimashq", "SYR", 33.5, 36.5, PlacePrecision.ADMIN1, None)
    assert not lies_in(province, far, never)  # a province: the gazetteer's word only


# -- "used X to take Y": the deed done, dated by the using -----------------------------


def test_a_side_used_to_take_a_town_took_it(extractor: Extractor) -> None:
    text = "On Sunday Turkey used Syrian rebels to drive the YPG out of Afrin."
    assert taken(read(extractor, text, "2018-03-20", outlet=OUTLET)) == {
        ("‘Afrīn", "Free Syrian Army", "2018-03-18")
    }


def test_a_using_still_ahead_takes_nothing(extractor: Extractor) -> None:
    # guards: a using told as to come, or as what might have been
    for text in (
        "Turkey plans to use Syrian rebels to drive the YPG out of Manbij.",
        "Turkey would have used Syrian rebels to drive the YPG out of Manbij.",
    ):
        assert taken(read(extractor, text, "2018-03-20", outlet=OUTLET)) == set(), text


def recalled(mentions: list[Mention]) -> set[tuple[str, str | None, str | None]]:
    return taken(mentions, Status.RECALLED)


def test_a_date_on_managing_or_using_dates_the_recalled_taking(extractor: Extractor) -> None:
    # months old, the date on the verb the taking is done through is the taking's own
    assert recalled(
        read(extractor, "In March the army managed to retake Manbij.", "2018-09-08")
    ) == {("Manbij", "Military Forces of Syria", "2018-03-01")}
    assert recalled(
        read(
            extractor,
            "In March Turkey used Syrian rebels to drive the YPG out of Afrin.",
            "2018-09-08",
        )
    ) == {("‘Afrīn", "Free Syrian Army", "2018-03-01")}


def test_a_date_on_a_telling_or_a_beginning_dates_no_recalled_taking(
    extractor: Extractor,
) -> None:
    # guards: the date of saying, or of a start, is not the taking's
    for text in (
        "In March the minister said that the army had retaken Manbij.",
        "In March the army began to retake Manbij.",
    ):
        assert recalled(read(extractor, text, "2018-09-08")) == set(), text


# -- recollections told in the wordings of weekly pieces ----------------------------------

IRAQI_ARMY = "Military Forces of Iraq"

MOSUL = {("Mosul", IRAQI_ARMY, "2017-07-01")}
RECALLS = [
    # a date between the town lost and "to" its taker
    ("2018-03-01", "Isis lost Mosul in July to Iraqi forces.", MOSUL),
    # lost "after a battle with" a side: that side took it
    ("2018-03-01", "Isis lost Mosul in July after a nine-month battle with Iraqi forces.", MOSUL),
    # "its last urban stronghold of" a town
    (
        "2018-02-01",
        "The group lost its last urban stronghold of Abu Kamal to Syrian troops in November.",
        {("Ālbū Kamāl", SYRIAN_ARMY, "2017-11-01")},
    ),
    # a passive "declared liberated": the place is the subject, dated by the declaring
    (
        "2018-01-10",
        "Raqqa was declared liberated by the SDF in October.",
        {("Ar Raqqah", "Syrian Democratic Forces", "2017-10-01")},
    ),
    # a past participle after the town's name is its own dated clause
    (
        "2017-12-01",
        "The town of Tal Afar, retaken by Iraqi forces in August, is coming back to life.",
        {("Tall ‘Afar", IRAQI_ARMY, "2017-08-01")},
    ),
]


def test_people_handed_to_someone_are_no_town_handed_over(extractor: Extractor) -> None:
    for text in (
        "The army handed the prisoners to the Red Cross on Thursday.",
        "The army handed Ahmed to the police on Thursday.",
    ):
        assert taken(read(extractor, text, "2018-04-12", outlet=OUTLET)) == set(), text


def test_a_side_driven_from_a_town_lost_it_but_civilians_driven_out_take_nothing(
    extractor: Extractor,
) -> None:
    for text in (
        "Isis was driven from Hajin last month by the SDF.",
        "Isis was routed from Hajin last month by the SDF.",
    ):
        assert taken(read(extractor, text, "2019-01-20", outlet=OUTLET)) == {
            ("Hajīn", "Syrian Democratic Forces", "2018-12-01")
        }, text
    # guards: people put to flight, whichever wording; men lost in a battle near a town
    for guard in (
        "Thousands of families were driven from Hajin by the fighting last month.",
        "Thousands of families were driven out of Hajin by the fighting last month.",
        "Kurdish forces lost 20 fighters in Raqqa in a battle with Isis last month.",
        "The commander was declared dead last month.",
    ):
        assert taken(read(extractor, guard, "2019-01-20", outlet=OUTLET)) == set(), guard


CASES = [("2018-04-12", text, Status.OCCURRED, expected) for text, expected in NEWS] + [
    (day, text, Status.RECALLED, expected) for day, text, expected in RECALLS
]


@pytest.mark.parametrize(("day", "text", "status", "expected"), CASES)
def test_who_took_what_and_when(
    extractor: Extractor, day: str, text: str, status: Status, expected: set[tuple[str, str, str]]
) -> None:
    # handovers and summed-up regions (news), and recollections of weekly pieces
    assert taken(read(extractor, text, day, outlet=OUTLET), status) == expected
