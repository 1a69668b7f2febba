"""Time expressions in English news sentences, resolved against the publication date.

:func:`find_dates` finds every time expression in a sentence ("announced
Friday", "last week", "on 19 November", "since 2014", "two days ago") and
resolves it to a :class:`~sitrep.core.records.TimeRef` with a precision. It is
regular expressions only, so it is cheap enough to run on every candidate
sentence; ``dateparser`` is not needed for the forms covered here.

Conventions (they matter to code that compares dates, see :func:`window`):

* ``DAY``: ``value`` is that day.
* ``WEEK``: ``value`` is the first of the seven days meant. "This week" is
  the calendar week (Monday to Sunday, as ACLED dates a week by its first day);
  "last week" is the seven days before publication, as reporters use it;
  "two weeks ago" is the seven days centred on publication minus 14 days;
  "the past week" is the seven days ending on publication.
* ``MONTH`` / ``YEAR``: ``value`` is the first day of the month / year.
* ``inferred=True`` means "on or shortly before ``value``": the publication
  date used when a report names no date, or an expression anchored to another
  event rather than to the calendar ("hours after", "hours earlier").

Weekday names and day-month dates without a year look backwards: "Friday" is
the most recent Friday on or before publication, and "19 November" takes the
publication year unless that lands more than ``future_days`` after
publication, in which case it is the previous year. News mostly reports what
happened; a sentence about a coming date is resolved a year early, which the
tense of the sentence (not this module) has to catch.

Durations ("for nearly three years", "three years after") and "now" are not
time expressions here. Without a publication date, expressions relative to it
("Friday", "last week", "in November") resolve to nothing, while dates that
carry their year ("3 November 2017", "in 2014") still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from sitrep.core.records import Precision, Span, TimeRef
from sitrep.read.common.dates import (
    RELATIONS,
    DateMatch,
    is_history,
    leftmost_longest,
    month_start,
    overlaps,
    publication_fallback,
    safe_date,
    settled_candidates,
    window,
)
from sitrep.text.patterns import MONTH_NAMES, WEEKDAY_NAMES

__all__ = [
    "NUMBER_WORDS",
    "RELATIONS",
    "DateMatch",
    "find_dates",
    "is_history",
    "leftmost_longest",
    "overlaps",
    "publication_fallback",
    "window",
]

# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
#: Number words as reports write small counts ("a day", "three weeks").
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}

# Capitalised on purpose: lower-case "may" and "march" are a verb, not a month.
# (not a day a group is named for: "the March 23 Movement", "the M23 (March 23
# movement)", "the 14 March Alliance", "the April 6 Youth Movement")
_NAMED_FOR = r"(?!\s+(?:[0-3]?\d\s+)?(?:[A-Z]\w+\s+)?(?i:movement|alliance)\b)"
_MON = (
    r"(?P<mon>(?:"
    + MONTH_NAMES
    + r")\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
    + _NAMED_FOR
)
_WD = "(?:" + WEEKDAY_NAMES + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b" + _NAMED_FOR
_TOD = r"(?:\s+(?:morning|afternoon|evening|night)\b)?"

# Words after which a bare month name is a month ("in May", "the end of March").
_MONTH_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "from",
        "during",
        "by",
        "through",
        "throughout",
        "before",
        "after",
        "of",
        "between",
        "and",
        "to",
        "around",
    ]
)
# "May" is also a surname; after these words it is still a month.
_MAY_CONTEXT = frozenset(["in", "since", "until", "till", "during", "throughout", "between"])
# Words after which a four-digit number is a year ("in 2014", "the 1916 agreement").
# "of", "and" and "to" are not among them ("a total of 2000", "rose to 2000"):
# they count only in "the end of 2014" and "from 2014 to 2017", see _year().
_YEAR_CONTEXT = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "from",
        "during",
        "by",
        "through",
        "throughout",
        "before",
        "after",
        "between",
        "the",
        "a",
        "an",
        "around",
        "circa",
        "early",
        "mid",
        "late",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
    ]
)
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_RELATIVE_DAY_WORDS = ("day", "night", "morning", "afternoon", "evening")
_NAMED_DAYS = frozenset(["good", "black", "bloody", "holy", "palm", "easter", "ash"])
_SINCE_WORDS = frozenset(["since", "from", "after", "between"])
_UNTIL_WORDS = frozenset(["until", "till", "through", "before", "by"])
# the start of a state that still lasts, dated after "in": "since the start of the
# invasion in February", "since war broke out in April 2023" (the date is the war's,
# not the news'; not "since Russia took Bakhmut in May", a change told again)
_SINCE_START = re.compile(
    r"\bsince\s+(?:the\s+)?(?:(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?"
    r"(?:[\w\-]+\s+){1,3}?|(?:[\w\-]+\s+){1,2}?(?:began|erupted|broke\s+out|started)\s+)"
    r"in\s+\Z",
    re.IGNORECASE,
)


# ------------------------------------------------------------------------------ helpers


def _word_before(text: str, start: int) -> str:
    """The word just before ``start`` (lower case), or "" when there is none."""
    m = _patterns().word_before.search(text, max(0, start - 24), start)
    return m.group(1).lower() if m else ""


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _day_without_year(
    month: int, day: int, published: date | None, future_days: int
) -> date | None:
    """Give a day-month date the publication year, or the previous one if it would be future."""
    if published is None:
        return None
    value = safe_date(published.year, month, day)
    if value is None or (value - published).days > future_days:
        value = safe_date(published.year - 1, month, day)
    return value


def _month_without_year(
    month: int, modifier: str, published: date | None, future_days: int
) -> date | None:
    """Resolve a month named without its year ("in November", "last March")."""
    if published is None:
        return None
    this_year = date(published.year, month, 1)
    if modifier == "this":
        return this_year
    if modifier == "last":
        return this_year if month < published.month else date(published.year - 1, month, 1)
    if modifier == "next":
        return this_year if month > published.month else date(published.year + 1, month, 1)
    if (this_year - published).days > future_days:
        return date(published.year - 1, month, 1)
    return this_year


# ----------------------------------------------------------------------------- handlers
# Each handler turns one regex match into a TimeRef, or None when the match is
# not a date after all (wrong context, impossible day, no publication date).

_Handler = Callable[[re.Match[str], str, date | None, int], TimeRef | None]


def _ref(value: date | None, precision: Precision, m: re.Match[str]) -> TimeRef | None:
    return None if value is None else TimeRef(value, precision, m.group(0))


def _iso(m: re.Match[str], text: str, published: date | None, future_days: int) -> TimeRef | None:
    value = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _ref(value, Precision.DAY, m)


def _day_month(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    day = int(m["day"])
    if m["year"]:
        value = safe_date(int(m["year"]), month, day)
    elif m["which"] and published is not None:
        step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
        value = safe_date(published.year + step, month, day)
    else:
        value = _day_without_year(month, day, published, future_days)
    return _ref(value, Precision.DAY, m)


def _month_year(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    return _ref(date(int(m["year"]), _MONTHS[m["mon"].rstrip(".").lower()], 1), Precision.MONTH, m)


def _month_of_year(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["which"].lower()]
    month = _MONTHS[m["mon"].rstrip(".").lower()]
    return _ref(date(published.year + step, month, 1), Precision.MONTH, m)


# a season's middle month and its last month (winter: December to February, its
# middle month January of the year it ends in), as northern-hemisphere wires use them
_SEASONS = {"spring": (4, 5), "summer": (7, 8), "autumn": (10, 11), "fall": (10, 11)}
_WINTER = (1, 2)


def _season(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    """ "last summer": the latest summer over before publication (read in January 2013,
    July 2012); "this spring": the one of the publication's year."""
    if published is None:
        return None
    middle, last = _SEASONS.get(m["season"].lower(), _WINTER)
    if m["which"].lower() == "this":
        return _ref(date(published.year, middle, 1), Precision.MONTH, m)
    year = published.year
    while (year, last) >= (published.year, published.month):
        year -= 1  # that season of this year is not over yet
    return _ref(date(year, middle, 1), Precision.MONTH, m)


def _month_alone(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    name = m["mon"].rstrip(".")
    modifier = (m["mod"] or "").lower()
    if not modifier:
        allowed = _MAY_CONTEXT if name == "May" else _MONTH_CONTEXT
        if _word_before(text, m.start()) not in allowed:
            return None
        if name == "May" and text.startswith(("'s", "\u2019s"), m.end()):
            return None
    value = _month_without_year(_MONTHS[name.lower()], modifier, published, future_days)
    return _ref(value, Precision.MONTH, m)


_WHEN_AFTER = re.compile(r"\s*,\s*when\b", re.IGNORECASE)


def _year(m: re.Match[str], text: str, published: date | None, future_days: int) -> TimeRef | None:
    pats = _patterns()
    if not m["mod"]:
        before = text[max(0, m.start() - 30) : m.start()]
        if (
            _word_before(text, m.start()) not in _YEAR_CONTEXT
            and not pats.year_joined.search(before)
            and not pats.part_of.search(before)
            and not pats.dash_year.match(text, m.end())
            # "a repeat of 2014, when militants seized Sinjar": a year a "when"
            # clause hangs on is a time, whatever word stands before it
            and not _WHEN_AFTER.match(text, m.end())
        ):
            return None
    if pats.count_noun.match(text, m.end()):
        return None
    return _ref(date(int(m["year"]), 1, 1), Precision.YEAR, m)


def _weekday(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    if not m["mod"] and _word_before(text, m.start()) in _NAMED_DAYS:
        return None  # "Good Friday", "Bloody Sunday": names, not dates
    wanted = _WEEKDAYS[m["wd"].lower()]
    modifier = (m["mod"] or "").lower()
    if modifier == "next":
        ahead = (wanted - published.weekday()) % 7 or 7
        return _ref(published + timedelta(days=ahead), Precision.DAY, m)
    back = (published.weekday() - wanted) % 7
    if modifier == "last" and back <= published.weekday():
        # "last Wednesday" in a Thursday's report: wires write "on Wednesday" for the
        # day before, "last" names that day of the week before the report's (on a
        # Monday, "last Friday" is three days back, already of the week before)
        back += 7
    return _ref(published - timedelta(days=back), Precision.DAY, m)


def _weekday_last_week(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    wanted = _WEEKDAYS[(m["wd"] or m["wd2"]).lower()]
    return _ref(_monday(published) - timedelta(weeks=1) + timedelta(days=wanted), Precision.DAY, m)


def _relative_day(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    word = " ".join(m["w"].lower().split())
    if word == "the day before yesterday":
        back = 2
    elif word in ("yesterday", "last night"):
        back = 1
    else:  # today, tonight, this morning/afternoon/evening
        back = 0
    return _ref(published - timedelta(days=back), Precision.DAY, m)


# a superlative a few words before "this year": "biggest victory so far this year"
RANKED_BEFORE = re.compile(
    r"\b(?:biggest|largest|greatest|worst|deadliest|bloodiest|heaviest|fiercest|highest"
    r"|lowest|strongest|most|first|best)\b(?:\s+[\w\-'’]+){0,4}?\s+(?:so\s+far\s+)?$",
    re.IGNORECASE,
)


def _period(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    which = " ".join(m["which"].lower().split())
    unit = m["unit"].lower()
    if which == "the previous":
        # "had retaken Tal Rifaat the previous week": the week before the report, as
        # "last week" (a month or a year so told is too loose to date a change)
        if unit != "week":
            return None
        which = "last"
    if which == "the":
        # "earlier in the week" is this week; "the week" alone dates nothing
        if not (m["pre"] or "").lower().startswith(("earlier", "later")):
            return None
        which = "this"
    if which == "past":
        if unit == "week":  # "over the past week": the seven days ending on publication
            return _ref(published - timedelta(days=6), Precision.WEEK, m)
        return None  # "the past month/year" is a duration, not a date
    if which == "this" and unit == "year" and RANKED_BEFORE.search(text, 0, m.start()):
        # "the group's biggest success this year", "the deadliest attack so far this
        # year": the year a superlative ranks over, not the day of the event
        return None
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "week" and which == "last":
        # reporters write "last week" for the seven days before the report: on a
        # Sunday, last Tuesday is "last week" too, though in the same calendar week
        return _ref(published - timedelta(days=7), Precision.WEEK, m)
    if unit == "week":
        return _ref(_monday(published) + timedelta(weeks=step), Precision.WEEK, m)
    if unit == "month":
        return _ref(month_start(published.year, published.month, step), Precision.MONTH, m)
    return _ref(date(published.year + step, 1, 1), Precision.YEAR, m)


def _weekend(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    if published is None:
        return None
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if m["which"].lower() == "last" and published.weekday() >= 5:
        saturday -= timedelta(weeks=1)  # said on a weekend, "last weekend" is the one before
    # the weekend's first day: a week from the Monday before it would put the change
    # five days before the two it can have happened on ("took the town over the
    # weekend", said on a Monday)
    return _ref(saturday, Precision.DAY, m)


def _ago(m: re.Match[str], text: str, published: date | None, future_days: int) -> TimeRef | None:
    if published is None:
        return None
    unit = m["unit"].lower().rstrip("s")
    direction = m["dir"].lower()
    raw = " ".join((m["n"] or "").lower().split())
    if not raw and not m["unit"].lower().endswith("s"):
        return None  # "the day after": relative to some other event
    n: int | None = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    if raw.endswith("couple of"):
        n = 2
    if unit in ("minute", "hour"):
        back = (n or 0) // 24 if unit == "hour" else 0
        value = published - timedelta(days=back)
        if direction == "ago":
            return _ref(value, Precision.DAY, m)
        # "hours after/earlier" is anchored to another event told in the text:
        # on or shortly before publication.
        return TimeRef(value, Precision.DAY, m.group(0), inferred=True)
    if direction != "ago":
        return None  # "three days later", "two years after": durations
    if unit == "day":
        if n is None:  # "a few days ago": some day in the week before
            return _ref(published - timedelta(days=7), Precision.WEEK, m)
        return _ref(published - timedelta(days=n), Precision.DAY, m)
    if n is None:
        if unit in ("month", "year") and raw in ("some", "several", "a few", "few"):
            # "retook the city some months ago": a loose count back, the past (a quarter
            # or two years back, to the month or year); it dates no neighbour (see
            # sitrep.read.common.context.LOOSE_AGO)
            if unit == "month":
                return _ref(month_start(published.year, published.month, -3), Precision.MONTH, m)
            return _ref(date(published.year - 2, 1, 1), Precision.YEAR, m)
        return None
    if unit == "week":
        return _ref(published - timedelta(days=7 * n + 3), Precision.WEEK, m)
    if unit == "month":
        return _ref(month_start(published.year, published.month, -n), Precision.MONTH, m)
    return _ref(date(published.year - n, 1, 1), Precision.YEAR, m)


def _comes_after(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    """ "(the news) comes N units after (the event)": N units before publication,
    as precise as the unit ("four days" a day, "five months" a month)."""
    if published is None:
        return None
    raw = " ".join(m["n"].lower().split())
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    if n is None or raw in ("a", "an"):
        n = 1 if raw in ("a", "an") else None
    if n is None:
        return None  # "a few weeks after": too loose to date
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return _ref(published - timedelta(days=n), Precision.DAY, m)
    if unit == "week":
        return _ref(_monday(published - timedelta(days=7 * n)), Precision.WEEK, m)
    if unit == "month":
        return _ref(month_start(published.year, published.month, -n), Precision.MONTH, m)
    return _ref(date(published.year - n, 1, 1), Precision.YEAR, m)


def _counted_from(
    m: re.Match[str], text: str, published: date | None, future_days: int
) -> TimeRef | None:
    """ "A year after rebels captured the town, ...": the event was that many months or
    years before publication, to the month (an anniversary falls in its month; a year's
    precision would reach into the last weeks and read as news). "Almost a year after"
    is a little less than a year since: the event was a little later than a year back,
    counted from half a month after publication ("almost exactly a year after the fall
    of the town", published on 28 November, dates a fall of December)."""
    if published is not None and ALMOST.search(m.group(0)):
        published += timedelta(days=15)
    ref = _comes_after(m, text, published, future_days)
    if ref is None or published is None or ref.precision is not Precision.YEAR:
        return ref
    years = published.year - ref.value.year
    return _ref(month_start(published.year, published.month, -12 * years), Precision.MONTH, m)


ALMOST = re.compile(r"\b(?:almost|nearly)\b", re.IGNORECASE)


# ----------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[tuple[re.Pattern[str], _Handler, str], ...]
    digit: re.Pattern[str]
    word_before: re.Pattern[str]
    year_joined: re.Pattern[str]
    part_of: re.Pattern[str]
    dash_year: re.Pattern[str]
    count_noun: re.Pattern[str]
    range_gap: re.Pattern[str]
    relation_word: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """Compile the patterns once, on first use."""
    year = r"(?P<year>\d{4})\b"
    of_year = r",?\s+(?:of\s+)?(?P<which>(?i:last|this|next))\s+year\b"
    counted = (
        r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"(?:a\s+)?couple\s+of|(?:a\s+)?few|several|some)"
    )
    # Each rule: pattern, handler, and the gate (see _gates) that must be open
    # for the pattern to be worth running on a text.
    rules: list[tuple[str, _Handler, str]] = [
        (r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b", _iso, "digit"),
        # "Friday, November 3", "Nov. 3, 2017", "November 3rd"
        # "August 5 last year", "the 3rd of November of last year": that day of the year named
        (
            rf"(?:\b{_WD},?\s+)?\b{_MON}\s+{_DAY}(?:,?\s+{year}|{of_year})?",
            _day_month,
            "digit_month",
        ),
        # "3 November 2017", "Friday 3 November", "the 3rd of November"
        (
            rf"(?:\b{_WD},?\s+)?\b(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{year}|{of_year})?",
            _day_month,
            "digit_month",
        ),
        # "November 2017", "mid-November 2017", "June of 2014"
        (
            rf"(?:\b(?P<mod>(?i:early|mid|late))(?:-|\s+))?\b{_MON},?(?:\s+of)?\s+{year}",
            _month_year,
            "digit_month",
        ),
        # "March last year", "in June of last year": the month of the year named
        (
            rf"(?:\b(?P<mod>(?i:early|mid|late))(?:-|\s+))?\b{_MON},?\s+(?:of\s+)?"
            r"(?P<which>(?i:last|this|next))\s+year\b",
            _month_of_year,
            "month",
        ),
        # "in November", "early November", "last March"
        (
            rf"(?:\b(?P<mod>(?i:early|mid|late|last|this|next))(?:-|\s+))?\b{_MON}",
            _month_alone,
            "month",
        ),
        # "in 2014", "mid-2014", "the 1916 agreement"; not "1,916", "$2014", "1990s"
        (
            r"(?<![\w$£€.,/])(?:(?P<mod>(?i:early|mid|late))(?:-|\s+))?"
            r"(?P<year>(?:1[89]|20)\d\d)(?![\w%]|[.,/:]\d)",
            _year,
            "digit",
        ),
        # "last week on Wednesday", "on Wednesday last week": that weekday of the week
        # before the report's (not the last Wednesday, which may be this week's)
        (
            rf"(?:\b(?i:last\s+week)\s+on\s+(?P<wd>{_WD})\b"
            rf"|\b(?P<wd2>{_WD})\s+(?:(?i:of)\s+)?(?i:last\s+week)\b)",
            _weekday_last_week,
            "weekday",
        ),
        (rf"\b(?:(?P<mod>(?i:last|next))\s+)?(?P<wd>{_WD})\b{_TOD}", _weekday, "weekday"),
        (
            r"(?i:\b(?:(?:earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|yesterday|"
            r"today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"
            r"(?:\s+(?:morning|afternoon|evening|night)\b)?)",
            _relative_day,
            "relative_day",
        ),
        (
            r"(?i:\b(?P<pre>(?:early|late|earlier|later)\s+(?:in\s+)?)?"
            r"(?P<which>this|last|next|past|the|the\s+previous)\s+(?P<unit>week|month|year)\b)",
            _period,
            "period",
        ),
        (r"(?i:\b(?P<which>last|this|the|past)\s+weekend\b)", _weekend, "weekend"),
        # "last summer", "this spring": a season, as its middle month
        (
            # (not "its last fall to the Taliban", "the last fall of the city")
            r"(?i:\b(?P<which>last|this|past)\s+"
            r"(?P<season>spring|summer|autumn|fall(?!\s+(?:of|to|into|under)\b)|winter)\b)",
            _season,
            "season",
        ),
        # "These developments come five months after the regime took Deraa": the news
        # is now, so the event after "after" was that long before publication (not
        # "the victory came three years after": a past anchor the text does not date)
        (
            rf"(?i:\b(?:comes?)\s+(?:just\s+|only\s+|barely\s+|nearly\s+|almost\s+)?"
            rf"(?P<n>{counted})\s+(?P<unit>days?|weeks?|months?|years?)\s+after\b)",
            _comes_after,
            "ago",
        ),
        # "A year after Russian forces captured Sievierodonetsk, residents ...", "Six
        # months since the fall of Bakhmut, ...", "A year has passed since ...": a
        # sentence that opens by counting from an event tells of now, so the event was
        # that long before publication
        # (months and years only: "Two days after rebels took the town, the army
        # struck back" is a narrative, not a count from now)
        (
            rf"(?i:^\W*(?:(?:now|nearly|almost|exactly|precisely|more\s+than|over|about|some"
            rf"|just|barely)\s+){{0,2}}"
            rf"(?P<n>{counted})\s+(?P<unit>months?|years?)\s+(?:(?:has|have)\s+(?:passed|gone\s+by"
            rf"|elapsed)\s+)?(?:after|since)\b)",
            _counted_from,
            "ago",
        ),
        (
            rf"(?i:\b(?:(?P<n>{counted})\s+)?(?P<unit>minutes?|hours?|days?|weeks?|months?|years?)"
            r"\s+(?P<dir>ago|earlier|before|after|later)\b)",
            _ago,
            "ago",
        ),
    ]
    count_noun = (
        r"(?i:\s+(?:people|persons|civilians|fighters|troops|soldiers|militants|militiamen|"
        r"men|women|children|families|residents|refugees|members|casualties|dead|deaths|"
        r"bodies|killed|wounded|injured|km|kilomet(?:er|re)s|miles|met(?:er|re)s|tons|"
        r"tonnes|dollars|euros|pounds|times|others|more|strong|percent|per\s+cent)\b)"
    )
    return _Patterns(
        rules=tuple((re.compile(p), h, g) for p, h, g in rules),
        digit=re.compile(r"\d"),
        word_before=re.compile(r"([A-Za-z]+)[\s-]+\Z"),
        # The second year of "2014-2017", "2014 and 2015", "from 2014 to 2017".
        year_joined=re.compile(
            r"\b(?:1[89]|20)\d\d\s*(?:[-\u2013\u2014]|(?:and|or|to|until|till|through)\s)\s*\Z"
        ),
        # "the end of 2014", "the summer of 2014".
        part_of=re.compile(
            r"(?i:\b(?:end|beginning|start|middle|half|quarter|part|spring|summer|autumn|fall|"
            r"winter|months?)\s+of\s+\Z)"
        ),
        dash_year=re.compile(r"\s*[-\u2013\u2014]\s*(?:1[89]|20)\d\d\b"),
        count_noun=re.compile(count_noun),
        range_gap=re.compile(r"\s*(?:[-\u2013\u2014]|and|to|until|till|through)\s*", re.I),
        # The word before a date, skipping "the": "since the 1990 war".
        relation_word=re.compile(r"\b([A-Za-z]+)\s+(?:the\s+)?\Z"),
    )


# --------------------------------------------------------------------------- public API


def find_dates(
    text: str, published: date | None, *, offset: int = 0, future_days: int = 7
) -> list[DateMatch]:
    """Find and resolve every time expression in ``text`` (one sentence), in order.

    ``published`` is the article's publication date; relative expressions
    ("Friday", "last week", "two days ago", "in November") need it and are left
    out without it. ``offset`` is added to every span so that spans can point
    into the whole article when ``text`` is one sentence of it. A day or month
    named without a year is put in the previous year when it would fall more
    than ``future_days`` after publication. Overlapping candidates are settled
    in favour of the one starting first, then the longest ("Friday, November 3"
    is one date, not two).
    """
    pats = _patterns()
    gates = _gates(text, pats)
    rules = [(pattern, handler) for pattern, handler, gate in pats.rules if gates[gate]]
    matches: list[DateMatch] = []
    for start, end, ref in settled_candidates(rules, text, published, future_days):
        relation, opens = _relation(text, start, matches[-1] if matches else None, offset, pats)
        if text.startswith(("'s ", "\u2019s "), end):
            # "after Thursday's capture of Hama": a possessive date dates the noun
            # after it, so the "after" before it is the sentence's, not the date's
            relation = "at"
        if opens:
            matches[-1] = replace(matches[-1], relation="since")
        span = Span(start + offset, end + offset, text[start:end])
        matches.append(DateMatch(span, ref, relation))
    return matches


def _gates(text: str, pats: _Patterns) -> dict[str, bool]:
    """Cheap substring tests that tell which patterns can match at all.

    Most sentences hold no date; skipping the patterns whose key words are
    absent keeps :func:`find_dates` in the tens of microseconds.
    """
    lower = text.lower()
    digit = pats.digit.search(text) is not None
    month = any(stem in text for stem in _MONTH_STEMS)
    return {
        "digit": digit,
        "month": month,
        "digit_month": digit and month,
        "weekday": "day" in text,
        "relative_day": any(word in lower for word in _RELATIVE_DAY_WORDS),
        "period": any(word in lower for word in ("week", "month", "year")),
        "weekend": "weekend" in lower,
        "season": any(word in lower for word in _SEASONS) or "winter" in lower,
        "ago": any(
            word in lower for word in (" ago", "earlier", "before", "after", "later", " since")
        )
        and any(word in lower for word in ("minute", "hour", "day", "week", "month", "year")),
    }


def _relation(
    text: str, start: int, previous: DateMatch | None, offset: int, pats: _Patterns
) -> tuple[str, bool]:
    """How the sentence relates to the date at ``start``, from the words before it.

    The second value is true when the date closes a range opened by
    ``previous`` with a dash ("2014-2017"), so that ``previous`` is its start.
    """
    if previous is not None:
        gap = text[previous.span.end - offset : start]
        if pats.range_gap.fullmatch(gap):
            # The far end of a range: "from 2014 to 2017", "between May and June", "2014-2017".
            dash = gap.strip() in ("-", "\u2013", "\u2014")
            if dash or previous.relation == "since":
                return "until", dash
    m = pats.relation_word.search(text, max(0, start - 40), start)
    word = m.group(1).lower() if m else ""
    if word in _SINCE_WORDS or _SINCE_START.search(text, max(0, start - 60), start):
        return "since", False
    if word in _UNTIL_WORDS:
        return "until", False
    return "at", False
