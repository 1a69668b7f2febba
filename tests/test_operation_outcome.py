"""A change told as the outcome of an operation whose start the sentence dates.

"In late 2016, Kurdish and Iraqi forces started an offensive on Mosul that succeeded
... in pushing the extremists out" (a Guardian piece of March 2019): "late 2016" is
the day the offensive began, not the day Mosul was retaken (July 2017); dated by it,
the Mosul timeline gave the government the city from 2016-01-01. An outcome of an
operation begun more than a year back is history; one begun more than
``background_days`` back is a past change told again, with no day of its own; one
begun days ago stays news, dated as before.

The sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def test_the_outcome_of_an_offensive_begun_years_back_is_not_dated_by_its_start(
    extractor: Extractor,
) -> None:
    text = (
        "Kurdish-led forces said on Saturday they had taken Baghuz. "
        "In late 2016, Kurdish and Iraqi forces started an offensive on Mosul that "
        "succeeded, at great cost to the city and its residents, in pushing the "
        "extremists out of the city and into western Iraq."
    )
    mentions = read(extractor, text, "2019-03-23")
    told = changes(mentions, Status.OCCURRED, Status.CLAIMED, Status.BACKGROUND, Status.RECALLED)
    assert not [m for m in told if m.time and m.time.value.year == 2016], told


def test_the_outcome_of_an_offensive_begun_months_back_is_background_without_its_day(
    extractor: Extractor,
) -> None:
    text = "In 2016, Iraqi forces began an offensive that recaptured Hawija from the militants."
    mentions = read(extractor, text, "2017-05-02")
    assert not changes(mentions), "an outcome told again is not news of this report"
    told = changes(mentions, Status.BACKGROUND, Status.RECALLED)
    assert told and all(m.time is not None and m.time.value != dt.date(2016, 1, 1) for m in told), (
        told
    )


def test_the_outcome_of_an_offensive_begun_days_ago_is_still_news(extractor: Extractor) -> None:
    text = "Iraqi forces began an offensive on Friday that recaptured Hawija from the militants."
    mentions = changes(read(extractor, text, "2017-10-09"))
    assert [m.place.place.name for m in mentions if m.place] == ["Al Ḩawījah"]
    assert all(m.time is not None and m.time.value == dt.date(2017, 10, 6) for m in mentions)


def test_an_offensive_launched_is_no_outcome_of_itself(extractor: Extractor) -> None:
    # the launch is the clash the sentence tells, dated by its own words
    text = "Turkey launched a military offensive against the YPG in Afrin two months ago."
    mentions = read(extractor, text, "2018-03-20")
    assert not changes(mentions, Status.OCCURRED, Status.BACKGROUND, Status.RECALLED)


def test_the_city_after_a_takeover_is_the_town_the_sentence_attacked_before_it(
    extractor: Extractor,
) -> None:
    # not Baghuz, the town the sentence before took
    text = (
        "Kurdish-led forces said on Saturday they had taken Baghuz. Iraqi forces "
        "advanced on Mosul on Monday and drove the militants out of the city."
    )
    taken = {
        (m.place.place.name, m.time.value.isoformat())
        for m in changes(read(extractor, text, "2019-03-23"))
        if m.place and m.time
    }
    assert ("Mosul", "2019-03-18") in taken, taken
    assert ("Baghuz", "2019-03-18") not in taken, taken


def test_the_town_after_a_takeover_with_no_attack_before_it_is_the_town_told_before(
    extractor: Extractor,
) -> None:
    # a town the sentence names only as where the speaker is does not stand for it
    text = (
        "Kurdish-led forces said on Saturday they had taken Baghuz. Speaking in "
        "Damascus, the minister welcomed the liberation of the town."
    )
    places = {m.place.place.name for m in read(extractor, text, "2019-03-23") if m.place}
    assert "Damascus" not in places


def test_an_outcome_with_a_day_of_its_own_keeps_it(extractor: Extractor) -> None:
    # the start is dated long before; the recapture's own clause gives its day
    text = (
        "In 2014, Iraqi forces launched an offensive that finally recaptured Hawija "
        "on March 3, 2016."
    )
    mentions = changes(read(extractor, text, "2016-03-20"))
    assert [(m.place.place.name, m.time.value) for m in mentions if m.place and m.time] == [
        ("Al Ḩawījah", dt.date(2016, 3, 3))
    ]
