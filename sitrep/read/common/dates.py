"""Date records and date arithmetic every reader shares.

A reader's ``find_dates`` (``sitrep.read.en.dates``, ``sitrep.read.fa.dates``)
returns :class:`DateMatch` records; the rest of sitrep compares them with
:func:`window`, :func:`overlaps` and :func:`is_history`. Conventions: a DAY
``TimeRef`` is that day, WEEK the seven days from its value, MONTH and YEAR the
calendar month and year, and ``inferred=True`` "on or shortly before" its value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.core.records import Precision, Span, TimeRef

__all__ = [
    "RELATIONS",
    "DateMatch",
    "DateRule",
    "is_history",
    "leftmost_longest",
    "month_start",
    "overlaps",
    "publication_fallback",
    "safe_date",
    "settled_candidates",
    "window",
]

#: What a date means for the sentence: the event is on/at it, started at it and
#: goes on ("since", "from", "after"), or lasted up to it ("until", "by", "before").
RELATIONS = ("at", "since", "until")


@dataclass(frozen=True)
class DateMatch:
    """A time expression found in a text: where, what it resolves to, and how it relates.

    ``relation`` is one of :data:`RELATIONS`.
    """

    span: Span
    ref: TimeRef
    relation: str


#: A date rule's handler: (match, text, publication date, future days) -> a date or None
#: when the match is no date after all (wrong context, impossible day, no publication).
DateHandler = Callable[[re.Match[str], str, date | None, int], TimeRef | None]
#: A date pattern and the handler that resolves its matches.
DateRule = tuple[re.Pattern[str], DateHandler]


def settled_candidates(
    rules: Iterable[DateRule],
    text: str,
    published: date | None,
    future_days: int,
    *,
    keep: Callable[[re.Match[str], DateHandler], bool] | None = None,
) -> Iterator[tuple[int, int, TimeRef]]:
    """Every date the rules find in ``text`` as (start, end, ref), overlaps settled by
    :func:`leftmost_longest`. ``keep`` may pass over a match before its handler runs."""
    found: list[tuple[int, int, TimeRef]] = []
    for pattern, handler in rules:
        for m in pattern.finditer(text):
            if keep is not None and not keep(m, handler):
                continue
            ref = handler(m, text, published, future_days)
            if ref is not None:
                found.append((m.start(), m.end(), ref))
    return leftmost_longest(found)


def leftmost_longest(
    found: list[tuple[int, int, TimeRef]],
) -> Iterator[tuple[int, int, TimeRef]]:
    """Candidate dates (start, end, ref) without overlaps: the first, then the longest wins
    ("Friday, November 3" is one date, not two)."""
    last_end = -1
    for start, end, ref in sorted(found, key=lambda f: (f[0], -f[1])):
        if start >= last_end:
            last_end = end
            yield start, end, ref


def month_start(year: int, month: int, shift: int = 0) -> date:
    """The first day of ``month`` in ``year``, moved by ``shift`` months."""
    index = year * 12 + (month - 1) + shift
    return date(index // 12, index % 12 + 1, 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_history(ref: TimeRef, published: date | None, *, days: int) -> bool:
    """Whether ``ref`` lies wholly more than ``days`` days before publication.

    The end of the date's window is what counts, so "last year" in a November
    article is not history at ``days=365`` while "2014" is. Without a
    publication date nothing is history.
    """
    if published is None:
        return False
    return window(ref)[1] < published - timedelta(days=days)


def publication_fallback(published: date) -> TimeRef:
    """The date to give an event its report does not date: the publication day, inferred.

    ``inferred=True`` means "on or shortly before": :func:`window` turns it
    into the seven days ending on the publication date.
    """
    return TimeRef(published, Precision.DAY, None, inferred=True)


def window(ref: TimeRef) -> tuple[date, date]:
    """The first and last day (inclusive) that ``ref`` may stand for.

    DAY: that day; WEEK: seven days from ``value``; MONTH: the calendar month;
    YEAR: the calendar year; an inferred date: the seven days ending on it.
    """
    value = ref.value
    if ref.inferred:
        return value - timedelta(days=6), value
    if ref.precision is Precision.DAY:
        return value, value
    if ref.precision is Precision.WEEK:
        return value, value + timedelta(days=6)
    if ref.precision is Precision.MONTH:
        first = value.replace(day=1)
        return first, month_start(value.year, value.month, 1) - timedelta(days=1)
    return date(value.year, 1, 1), date(value.year, 12, 31)


def overlaps(a: TimeRef, b: TimeRef, *, slack_days: int = 1) -> bool:
    """Whether two dates can be the same event: their windows meet within ``slack_days``."""
    a_first, a_last = window(a)
    b_first, b_last = window(b)
    slack = timedelta(days=slack_days)
    return a_first - slack <= b_last and b_first - slack <= a_last
