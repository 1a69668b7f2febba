"""Tests for sitrep.read.en.dates: finding and resolving time expressions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.core.records import Precision, Span, TimeRef
from sitrep.read.en.dates import (
    RELATIONS,
    DateMatch,
    find_dates,
    is_history,
    overlaps,
    publication_fallback,
    window,
)

SAT = date(2017, 11, 4)  # a Saturday
MON = date(2017, 11, 20)  # a Monday
FRI = date(2017, 11, 3)  # a Friday
DAY1 = timedelta(days=1)

D, W, M, Y = Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR


def one(text: str, published: date | None) -> DateMatch:
    """The single date found in ``text``."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "published", "words", "value", "precision"),
    [
        # weekdays: the most recent such day on or before publication
        ("The government announced Friday that it had won.", SAT, "Friday", FRI, D),
        ("Abadi issued a statement on Friday.", SAT, "Friday", FRI, D),
        ("Fighting resumed on Saturday.", SAT, "Saturday", SAT, D),
        ("Shelling began on Sunday night.", SAT, "Sunday night", date(2017, 10, 29), D),
        ("The town fell late on Tuesday.", SAT, "Tuesday", date(2017, 10, 31), D),
        ("Jets struck on Wednesday evening.", SAT, "Wednesday evening", date(2017, 11, 1), D),
        ("Troops entered on Friday.", MON, "Friday", date(2017, 11, 17), D),
        ("Talks were held on Monday.", MON, "Monday", MON, D),
        ("Talks were held last Monday.", MON, "last Monday", date(2017, 11, 13), D),
        ("Talks resume next Friday.", SAT, "next Friday", date(2017, 11, 10), D),
        # days relative to publication
        ("Five soldiers died yesterday.", SAT, "yesterday", FRI, D),
        ("Five soldiers died yesterday.", MON, "yesterday", date(2017, 11, 19), D),
        ("Today the army holds the city.", SAT, "Today", SAT, D),
        ("Strikes are expected tonight.", SAT, "tonight", SAT, D),
        ("Rockets hit the base this morning.", SAT, "this morning", SAT, D),
        ("Rockets hit the base last night.", SAT, "last night", FRI, D),
        (
            "It fell the day before yesterday.",
            SAT,
            "the day before yesterday",
            date(2017, 11, 2),
            D,
        ),
        # weeks (value = first day of a Monday-to-Sunday week)
        ("The operation was launched last week.", SAT, "last week", date(2017, 10, 28), W),
        ("The operation was launched last week.", MON, "last week", date(2017, 11, 13), W),
        ("It was launched earlier this week.", SAT, "earlier this week", date(2017, 10, 30), W),
        ("Clashes this week killed ten.", MON, "this week", MON, W),
        ("Clashes over the past week killed ten.", SAT, "past week", date(2017, 10, 29), W),
        ("Three weeks ago the road was cut.", SAT, "Three weeks ago", date(2017, 10, 11), W),
        # months and years relative to publication
        ("The siege began last month.", SAT, "last month", date(2017, 10, 1), M),
        ("The siege began earlier this month.", MON, "earlier this month", date(2017, 11, 1), M),
        ("The siege began three months ago.", SAT, "three months ago", date(2017, 8, 1), M),
        ("The siege began last year.", SAT, "last year", date(2016, 1, 1), Y),
        ("The siege began two years ago.", SAT, "two years ago", date(2015, 1, 1), Y),
        # "ago"
        ("The town fell two days ago.", SAT, "two days ago", date(2017, 11, 2), D),
        ("The town fell 3 days ago.", MON, "3 days ago", date(2017, 11, 17), D),
        ("The town fell hours ago.", SAT, "hours ago", SAT, D),
        # explicit dates
        ("Troops arrived on November 3.", SAT, "November 3", FRI, D),
        ("Troops arrived on 3 November 2017.", SAT, "3 November 2017", FRI, D),
        ("Troops arrived on Nov. 3.", SAT, "Nov. 3", FRI, D),
        ("Troops arrived on Nov 3, 2017, officials said.", SAT, "Nov 3, 2017", FRI, D),
        ("Troops arrived on 2017-11-03.", SAT, "2017-11-03", FRI, D),
        ("Troops arrived on the 3rd of November.", SAT, "the 3rd of November", FRI, D),
        ("Troops arrived on Friday, November 3.", SAT, "Friday, November 3", FRI, D),
        ("Troops arrived on 19 November.", MON, "19 November", date(2017, 11, 19), D),
        # more than a few days after publication: the previous year
        ("Troops arrived on 19 November.", SAT, "19 November", date(2016, 11, 19), D),
        ("Troops arrived on December 30.", date(2018, 1, 2), "December 30", date(2017, 12, 30), D),
        ("They met on 5 March 2015.", None, "5 March 2015", date(2015, 3, 5), D),
        # months
        ("The offensive began in November.", SAT, "November", date(2017, 11, 1), M),
        ("The offensive began in December.", SAT, "December", date(2016, 12, 1), M),
        ("The offensive began in early October.", SAT, "early October", date(2017, 10, 1), M),
        ("The offensive began in November 2016.", SAT, "November 2016", date(2016, 11, 1), M),
        ("The offensive began in mid-June 2014.", None, "mid-June 2014", date(2014, 6, 1), M),
        ("The offensive began in June of 2014.", None, "June of 2014", date(2014, 6, 1), M),
        ("The town was taken in May.", SAT, "May", date(2017, 5, 1), M),
        # years
        ("ISIS took the city in 2014.", SAT, "2014", date(2014, 1, 1), Y),
        ("ISIS took the city in mid-2014.", SAT, "mid-2014", date(2014, 1, 1), Y),
        ("ISIS took the city at the end of 2014.", None, "2014", date(2014, 1, 1), Y),
        ("It undid the 1916 Sykes-Picot agreement.", SAT, "1916", date(1916, 1, 1), Y),
    ],
)
def test_forms(
    text: str, published: date | None, words: str, value: date, precision: Precision
) -> None:
    match = one(text, published)
    assert match.span.text == words
    assert text[match.span.start : match.span.end] == words
    assert match.ref == TimeRef(value, precision, words)
    assert match.relation == "at"


def test_friday_against_a_friday_publication() -> None:
    assert one("The army said on Friday it had entered.", FRI).ref.value == FRI
    assert one("The army said last Friday it had entered.", FRI).ref.value == date(2017, 10, 27)


@pytest.mark.parametrize(
    "text",
    [
        "Deir al-Zour and al-Qaim are now back in the control of the governments.",
        "The city had been divided for nearly three years.",
        "The victory came three years after the group declared a caliphate.",
        "The advance came three days later.",
        "Over the past year the front barely moved.",
        "Theresa May said the strikes were justified.",
        "A total of 2000 fighters surrendered, and the toll rose to 2015.",
        "Militants of the 1990s returned.",
        "Officials counted 1,916 displaced families.",
        "Crowds marched on the square.",
        "Pilgrims marked Good Friday.",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, SAT) == []


def test_hours_after_is_inferred() -> None:
    match = one("The advance comes hours after the units entered the town.", SAT)
    assert match.span.text == "hours after"
    assert match.ref == TimeRef(SAT, D, "hours after", inferred=True)
    assert one("It happened hours earlier.", MON).ref.inferred


def test_a_sentence_counting_from_an_event_dates_the_event_before_publication() -> None:
    match = one("Six months after the army retook the town, shops have reopened.", SAT)
    assert match.ref.value == date(2017, 5, 1) and match.ref.precision is M
    assert one("A year after the fall of Mosul, the city lies in ruins.", SAT).ref == TimeRef(
        date(2016, 11, 1), M, "A year after"
    )
    # a narrative told in days counts from another event, not from publication
    assert find_dates("Two days after rebels took the town, the army struck back.", SAT) == []
    # and in mid-sentence "six months after" counts from another event too
    assert find_dates("The army returned six months after the rebels took the town.", SAT) == []


def test_since_and_ranges() -> None:
    match = one("ISIS had held most of Deir al-Zour since 2014.", SAT)
    assert match.ref == TimeRef(date(2014, 1, 1), Y, "2014")
    assert match.relation == "since"
    assert one("Fighting has gone on since Friday.", SAT).relation == "since"
    assert one("They must leave by December 2017.", SAT).relation == "until"

    def rel(text: str) -> list[tuple[str, str]]:
        return [(m.span.text, m.relation) for m in find_dates(text, SAT)]

    assert rel("It ruled from 2014 to 2017.") == [("2014", "since"), ("2017", "until")]
    assert rel("The 2014-2017 war.") == [("2014", "since"), ("2017", "until")]
    assert rel("Between May and June it held.") == [("May", "since"), ("June", "until")]
    assert rel("Elections in 2014 and 2018.") == [("2014", "at"), ("2018", "at")]
    assert all(m.relation in RELATIONS for m in find_dates("since 2014 until last week", SAT))


def test_several_dates_in_order_with_offset() -> None:
    text = "On Friday, a day after clashes on November 2, troops entered; ISIS held it since 2014."
    found = find_dates(text, SAT, offset=100)
    assert [m.span.text for m in found] == ["Friday", "November 2", "2014"]
    assert [m.ref.value for m in found] == [FRI, date(2017, 11, 2), date(2014, 1, 1)]
    first = found[0]
    assert first.span == Span(103, 109, "Friday")


def test_without_publication_date() -> None:
    text = "Last week, on Friday, two days ago, in November (3 November 2017), since 2014."
    found = find_dates(text, None)
    assert [m.span.text for m in found] == ["3 November 2017", "2014"]


def test_future_days_keyword() -> None:
    match = find_dates("Elections are due on 26 November.", SAT, future_days=60)[0]
    assert match.ref.value == date(2017, 11, 26)


def test_is_history() -> None:
    agreement = one("It undid the 1916 Sykes-Picot agreement.", SAT).ref
    assert is_history(agreement, SAT, days=365)
    assert is_history(TimeRef(date(2014, 1, 1), Y), SAT, days=365)
    assert not is_history(TimeRef(date(2016, 1, 1), Y), SAT, days=365)  # ends 2016-12-31
    assert not is_history(TimeRef(FRI, D), SAT, days=365)
    assert is_history(TimeRef(date(2017, 10, 1), D), SAT, days=30)
    assert not is_history(agreement, None, days=365)


def test_publication_fallback() -> None:
    ref = publication_fallback(SAT)
    assert ref == TimeRef(SAT, D, None, inferred=True)
    assert window(ref) == (date(2017, 10, 29), SAT)


def test_window() -> None:
    assert window(TimeRef(FRI, D)) == (FRI, FRI)
    assert window(TimeRef(date(2017, 10, 23), W)) == (date(2017, 10, 23), date(2017, 10, 29))
    assert window(TimeRef(date(2017, 2, 1), M)) == (date(2017, 2, 1), date(2017, 2, 28))
    assert window(TimeRef(date(2017, 12, 1), M)) == (date(2017, 12, 1), date(2017, 12, 31))
    assert window(TimeRef(date(2014, 1, 1), Y)) == (date(2014, 1, 1), date(2014, 12, 31))


def test_overlaps() -> None:
    friday = TimeRef(FRI, D)
    assert overlaps(friday, TimeRef(SAT, D))  # one day apart: within the default slack
    assert not overlaps(friday, TimeRef(SAT, D), slack_days=0)
    assert not overlaps(friday, TimeRef(date(2017, 11, 6), D))
    assert overlaps(friday, publication_fallback(SAT))
    assert overlaps(friday, TimeRef(date(2017, 11, 1), M))
    assert not overlaps(friday, TimeRef(date(2017, 10, 23), W))  # last week ended 10-29
    assert overlaps(TimeRef(date(2017, 10, 30), W), friday)
    assert not overlaps(friday, TimeRef(date(2014, 1, 1), Y))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Troops entered the town on the last day of March last year.", date(2016, 3, 1)),
        ("The militants have held Gao since June of last year.", date(2016, 6, 1)),
        ("Elections are due in May next year.", date(2018, 5, 1)),
    ],
)
def test_a_month_of_last_or_next_year(text: str, value: date) -> None:
    found = one(text, SAT)
    assert (found.ref.value, found.ref.precision) == (value, M)


def test_over_the_weekend_is_its_saturday() -> None:
    # said on a Monday: the weekend just gone, not the Monday before it
    found = one("Troops took the town over the weekend.", date(2020, 2, 10))
    assert (found.ref.value, found.ref.precision) == (date(2020, 2, 8), D)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a day of the year named: not the latest such day before publication
        ("The rebels captured the town on August 5 last year.", date(2016, 8, 5)),
        ("Fighters took the garrison on the 3rd of November of last year.", date(2016, 11, 3)),
        ("The army entered Gao on 12 March this year.", date(2017, 3, 12)),
        ("Talks resume on January 9 next year.", date(2018, 1, 9)),
    ],
)
def test_a_day_of_last_this_or_next_year(text: str, value: date) -> None:
    found = one(text, SAT)
    assert (found.ref.value, found.ref.precision) == (value, D)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of the March 23 Movement entered the town.",
        "M23 (March 23 movement) rebels have captured the mining town.",
        "The April 6 Youth Movement called a strike.",
        "Leaders of the 14 March Alliance met in Beirut.",
    ],
)
def test_a_day_a_group_is_named_for_is_no_date(text: str) -> None:
    assert find_dates(text, SAT) == []


def test_a_day_before_other_words_is_still_a_date() -> None:
    found = one("The rebels entered the town on March 23 and moved on.", SAT)
    assert found.ref.value == date(2017, 3, 23)


def test_a_day_before_coalition_forces_is_still_a_date() -> None:
    found = one("On March 23 coalition forces entered the town.", SAT)
    assert found.ref.value == date(2017, 3, 23)
