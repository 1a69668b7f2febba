"""Time expressions in Persian news, Jalali and Gregorian, resolved against the publication date.

:func:`find_dates` returns the same :class:`sitrep.read.common.dates.DateMatch` records as
the English reader's ``find_dates`` (span into the text, a
:class:`~sitrep.core.records.TimeRef` with a precision, a relation ``at`` /
``since`` / ``until``), so the reader can use the shared helpers on them.

Forms read (on the folded text, so Persian, Arabic and ASCII digits alike):

- Jalali dates: ``۱۳ آبان ۱۳۹۶``, ``13 آبان 96``, ``جمعه ۱۲ آبان``,
  ``۱۳۹۶/۸/۱۳`` (a four-digit first number from 1300 to 1499 is a Jalali
  year; from 1800 on, a Gregorian one), ``آبان ۱۳۹۶`` and ``آبان‌ماه``;
- Gregorian dates written in Persian: ``۳ نوامبر ۲۰۱۷``, ``نوامبر ۲۰۱۷``;
- weekdays (شنبه ... جمعه, ``جمعه گذشته``, ``جمعه آینده``): the most recent
  such day on or before publication, as in English; ``نماز جمعه`` is no date;
- ``امروز``, ``امشب``, ``دیروز``, ``دیشب``, ``روز گذشته`` and ``شب گذشته``
  (news Persian for yesterday), ``پریروز``;
- ``هفته گذشته`` / ``این هفته`` / ``هفته آینده``, the same for ``ماه`` and
  ``سال``, ``امسال``, ``پارسال``; ``طی هفته گذشته`` (the past week);
- ``سه روز پیش``, ``دو شب پیش``, ``دو هفته قبل``, ``چند روز پیش``, ``ساعاتی پیش``;
- years: ``سال ۲۰۱۴``, ``سال ۱۳۹۳``, ``سال ۹۳``, ``۱۹۱۶ میلادی``;
- seasons with a year or a word saying which: ``تابستان گذشته``, ``زمستان سال
  گذشته``, ``بهار امسال``, ``اواخر پاییز سال گذشته``, ``تابستان ۲۰۱۵``,
  ``پاییز ۱۴۰۲`` (a bare "تابستان" is no date: "تابستان داغ").

Conventions, beyond those of :mod:`sitrep.read.common.dates`:

- A Jalali year is dated as the Gregorian year it mostly falls in (1393 ->
  2014: it runs from 21 March 2014 to 20 March 2015).
- A Jalali month is dated as the Gregorian month holding its 15th day (آبان
  1396, 23 October - 21 November 2017, -> November 2017): MONTH precision
  cannot say "23 October to 21 November", and the Gregorian month holding its
  middle loses the fewest days.
- A season is the Iranian one, three Jalali months (بهار = فروردین to خرداد,
  تابستان = تیر to شهریور, پاییز = مهر to آذر, زمستان = دی to اسفند), dated as
  its middle month (its first or last after ``اوایل`` / ``اواخر``) by the
  month rule above. ``X گذشته`` is the last such season before the one the
  report is written in (``تابستان گذشته`` in August 2022 is summer 2021, in
  December 2022 summer 2022); ``X سال گذشته`` / ``X پارسال`` that of the
  Jalali year before, ``X امسال`` that of this Jalali year. With a Gregorian
  year, the season whose middle month falls in that year.
- Weeks are Iranian calendar weeks, Saturday to Friday: ``هفته گذشته`` in a
  report of Monday 20 November 2017 is 11-17 November, the week before the one
  the report is written in (the English reader reads "last week" as the seven
  days before publication; on a Saturday the two agree).
- ``از`` before a date makes it ``since`` ("از سال ۲۰۱۴"), as do ``پس از``
  and ``بعد از``; ``تا``, ``پیش از`` and ``قبل از`` make it ``until``; in
  ``از X تا Y`` the first is ``since`` and the second ``until``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

import jdatetime

from sitrep.core.records import Precision, TimeRef
from sitrep.read.common.dates import DateMatch, month_start, safe_date, settled_candidates
from sitrep.read.fa.text import fold

__all__ = [
    "GREGORIAN_MONTHS",
    "JALALI_MONTHS",
    "WEEKDAYS",
    "find_dates",
    "jalali_to_gregorian",
    "parse_date",
    "publication_date",
]

JALALI_MONTHS: dict[str, int] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}
# The same solar months as Afghanistan names them (Dari outlets: "۱۵ اسد ۱۴۰۰").
AFGHAN_MONTHS: dict[str, int] = {
    "حمل": 1,
    "ثور": 2,
    "جوزا": 3,
    "سرطان": 4,
    "اسد": 5,
    "سنبله": 6,
    "میزان": 7,
    "عقرب": 8,
    "قوس": 9,
    "جدی": 10,
    "دلو": 11,
    "حوت": 12,
}
JALALI_MONTHS.update(AFGHAN_MONTHS)
# Month names that are also ordinary words (bullet, seal, the news agency Mehr;
# every Afghan name: Assad, cancer, scale, serious ...): only with a day, a
# year or "ماه" beside them.
_AMBIGUOUS_MONTHS = frozenset({"تیر", "مهر", "دی", "آذر", *AFGHAN_MONTHS})
GREGORIAN_MONTHS: dict[str, int] = {
    "ژانویه": 1,
    "ژانویهٔ": 1,
    "فوریه": 2,
    "مارس": 3,
    "آوریل": 4,
    "مه": 5,
    "ژوئن": 6,
    "ژوئیه": 7,
    "جولای": 7,
    "اوت": 8,
    "آگوست": 8,
    "سپتامبر": 9,
    "اکتبر": 10,
    "نوامبر": 11,
    "دسامبر": 12,
    # Dari writes the English names: "۲۴ فبروری", "۱۵ اگست", "۹ نومبر" (a month of
    # these is read only with a day, a year or "ماه" beside it, as the others)
    "جنوری": 1,
    "فبروری": 2,
    "مارچ": 3,
    "اپریل": 4,
    "جون": 6,
    "اگست": 8,
    "اگوست": 8,
    "آگست": 8,
    "سپتمبر": 9,
    "اکتوبر": 10,
    "نومبر": 11,
    "دسمبر": 12,
}
# Monday = 0, as datetime counts.
WEEKDAYS: dict[str, int] = {
    "دوشنبه": 0,
    "سهشنبه": 1,
    "چهارشنبه": 2,
    "پنجشنبه": 3,
    "جمعه": 4,
    "شنبه": 5,
    "یکشنبه": 6,
}
# Persian numbers in words, the one list the reader's patterns are built from
# (dates here; spans, tallies and anniversaries in extract.py).
NUMBER_WORDS: dict[str, int] = {
    "یک": 1,
    "دو": 2,
    "سه": 3,
    "چهار": 4,
    "پنج": 5,
    "شش": 6,
    "هفت": 7,
    "هشت": 8,
    "نه": 9,
    "ده": 10,
    "یازده": 11,
    "دوازده": 12,
    "سیزده": 13,
    "چهارده": 14,
    "پانزده": 15,
    "شانزده": 16,
    "هفده": 17,
    "هجده": 18,
    "هیجده": 18,
    "نوزده": 19,
    "بیست": 20,
    "سی": 30,
    "چهل": 40,
    "پنجاه": 50,
    "شصت": 60,
    "هفتاد": 70,
    "هشتاد": 80,
    "نود": 90,
    "صد": 100,
    "دویست": 200,
    "سیصد": 300,
    "چهارصد": 400,
    "پانصد": 500,
    "هزار": 1000,
}


def number_words(low: int, high: int, *, skip: tuple[str, ...] = ()) -> str:
    """A regex alternation of the numbers in words from *low* to *high*.

    Longest first, so that "دوازده" is tried before "دو"; *skip* leaves out
    words a pattern must not read as a number (for example "نه", which is
    also "not").
    """
    words = [w for w, n in NUMBER_WORDS.items() if low <= n <= high and w not in skip]
    return "|".join(sorted(words, key=len, reverse=True))


# Counts a date expression reads ("سه روز پیش", "بیست سال"): up to thirty.
_NUMBER_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n <= 30}
_COUNT_WORDS = number_words(1, 30)
# Words after a weekday that make it a name, not a date ("نماز جمعه").
_WEEKDAY_NAMES_BEFORE = ("نماز", "امام", "خطبه", "خطبه‌های", "نمازهای", "بازار")
_SINCE_WORDS = ("پس از", "بعد از", "از")
_UNTIL_WORDS = ("تا پیش از", "پیش از", "قبل از", "تا")
# A number followed by these is a count, not a year ("2000 نفر").
_COUNT_NOUNS = (
    "نفر|تن|کیلومتر|کیلومتری|متر|متری|دلار|یورو|ریال|تومان|خانواده|کشته|زخمی|نیرو|سرباز"
    "|عنصر|تروریست|غیرنظامی|درصد|بار|مورد|قبضه|دستگاه|خودرو|هکتار|روستا|جنگجو"
)

# "last year" after a date: "پارسال", the Dari "سال پار", "سال گذشته", "سال قبل"
_LAST_YEAR = r"پارسال|سال[\s\u200c]+(?:پار|گذشته|قبل|پیش)"
# ... and before it: "سال گذشته در تاریخ ۱۵ آگوست", "پارسال در ۲۴ اسد"
_LAST_YEAR_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:{_LAST_YEAR})[\s\u200c]+(?:در[\s\u200c]+)?(?:تاریخ[\s\u200c]+)?$"
)
_B = r"(?<![\w\u200c])"  # no letter, digit or ZWNJ before
_E = r"(?![\w\u200c])"  # ... or after
_S = r"[\s\u200c]+"  # a space or a ZWNJ between words
# an event that "N روز پیش از" counts back from
_EVENT_NOUN = (
    r"(?:سقوط|تصرف|آغاز|شروع|ورود|خروج|حمله|آزادسازی|بازپس[\s\u200c]*گیری|پایان|انتخابات"
    r"|کودتا|امضای|توافق|اعلام|سفر|مرگ|قتل|عملیات|عقب[\s\u200c]*نشینی|این|آن)"
)
_Z = r"[\s\u200c]?"  # one optional separator inside a compound


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Jalali date, or None when there is no such day."""
    try:
        g = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return date(g.year, g.month, g.day)


def _gregorian_to_jalali(day: date) -> tuple[int, int, int] | None:
    """The Jalali date of a Gregorian day, or None before the Jalali era (622)."""
    try:
        j = jdatetime.date.fromgregorian(date=day)
    except ValueError:
        return None
    return j.year, j.month, j.day


def _jalali_year(raw: str) -> int | None:
    """A written Jalali year: four digits 1300-1499, or two digits (96 -> 1396)."""
    n = int(raw)
    if len(raw) == 2:
        return 1300 + n
    return n if 1300 <= n <= 1499 else None


def _jalali_month_date(year: int, month: int) -> date | None:
    """The first day of the Gregorian month holding the 15th of a Jalali month."""
    mid = jalali_to_gregorian(year, month, 15)
    return mid.replace(day=1) if mid else None


def _saturday(day: date) -> date:
    """The Saturday that opens the Iranian week holding ``day``."""
    return day - timedelta(days=(day.weekday() - 5) % 7)


# ----------------------------------------------------------------------------- handlers
# Each turns a match on the folded text into a TimeRef (text filled in later from
# the original), or None when the match is no date after all.

_Handler = Callable[[re.Match[str], str, date | None, int], TimeRef | None]


def _ref(value: date | None, precision: Precision) -> TimeRef | None:
    return None if value is None else TimeRef(value, precision, "")


def _numeric(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if 1300 <= y <= 1499:
        return _ref(jalali_to_gregorian(y, mo, d), Precision.DAY)
    if 1800 <= y <= 2099:
        return _ref(safe_date(y, mo, d), Precision.DAY)
    return None


def _day_month(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    name, day = m["mon"], int(m["day"])
    year = m["year"]
    last = bool(m["last"]) or bool(
        _LAST_YEAR_BEFORE.search(text, max(0, m.start() - 30), m.start())
    )
    if name in JALALI_MONTHS:
        month = JALALI_MONTHS[name]
        if year:
            jy = _jalali_year(year)
            if jy is None:
                return None
            return _ref(jalali_to_gregorian(jy, month, day), Precision.DAY)
        if published is None:
            return None
        today = _gregorian_to_jalali(published)
        if today is None:
            return None
        jy = today[0]
        if last:  # "۶ میزان سال پار": that day of last year
            return _ref(jalali_to_gregorian(jy - 1, month, day), Precision.DAY)
        value = jalali_to_gregorian(jy, month, day)
        if value is None or (value - published).days > future:
            value = jalali_to_gregorian(jy - 1, month, day)
        return _ref(value, Precision.DAY)
    month = GREGORIAN_MONTHS[name]
    if year:
        if len(year) != 4:
            return None
        return _ref(safe_date(int(year), month, day), Precision.DAY)
    if published is None:
        return None
    if last:
        return _ref(safe_date(published.year - 1, month, day), Precision.DAY)
    value = safe_date(published.year, month, day)
    if value is None or (value - published).days > future:
        value = safe_date(published.year - 1, month, day)
    return _ref(value, Precision.DAY)


def _month_year(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    name, year = m["mon"], m["year"]
    if name in JALALI_MONTHS:
        jy = _jalali_year(year)
        return None if jy is None else _ref(_jalali_month_date(jy, JALALI_MONTHS[name]), _MONTH)
    if len(year) != 4:
        return None
    return _ref(date(int(year), GREGORIAN_MONTHS[name], 1), _MONTH)


_MONTH = Precision.MONTH


def _month_alone(
    m: re.Match[str], text: str, published: date | None, future: int
) -> TimeRef | None:
    name = m["mon"]
    if name in _AMBIGUOUS_MONTHS and not (m["maah"] or m["which"]):
        return None
    if m.group(0) == name and not m["which"] and not _MONTH_CONTEXT.search(text, 0, m.start()):
        return None  # a bare "آبان" is a name as often as a month
    today = None if published is None else _gregorian_to_jalali(published)
    if today is None:
        return None
    jy, jm, _ = today
    month = JALALI_MONTHS[name]
    year = jy if month <= jm else jy - 1  # a month named alone is this one or a past one
    if (m["which"] or "").startswith(("پارسال", "سال")) or (m["which"] == "گذشته" and month >= jm):
        year = jy - 1
    return _ref(_jalali_month_date(year, month), _MONTH)


_MAY_AFTER_MAAH = 5


def _greg_month_alone(
    m: re.Match[str], text: str, published: date | None, future: int
) -> TimeRef | None:
    if published is None:
        return None
    month = _MAY_AFTER_MAAH if m["gmon"] == "می" else GREGORIAN_MONTHS[m["gmon"]]
    year = published.year if month <= published.month else published.year - 1
    return _ref(date(year, month, 1), _MONTH)


SEASONS: dict[str, int] = {"بهار": 0, "تابستان": 1, "پاییز": 2, "پائیز": 2, "زمستان": 3}
# which month of a season "اوایل" / "اواسط" / "اواخر" name (none: the middle one)
_SEASON_PART = {"اوایل": 1, "اواسط": 2, "اواخر": 3}


def _season(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    if not (m["which"] or m["ago"] or m["year"] or m["this"]):
        return None  # a bare "تابستان" is as often no date ("تابستان داغ")
    index = SEASONS[m["season"]]
    month = 3 * index + _SEASON_PART.get(m["part"] or "", 2)
    raw = m["year"]
    if raw:
        n = int(raw)
        if 1300 <= n <= 1499:
            year = n
        elif 1800 <= n <= 2099:
            # the Jalali year whose season has its middle month in Gregorian year n:
            # winter's (بهمن) falls in the Gregorian year after its Jalali year's start
            year = n - 622 if index == 3 else n - 621
        else:
            return None
        return _ref(_jalali_month_date(year, month), _MONTH)
    today = None if published is None else _gregorian_to_jalali(published)
    if today is None:
        return None
    jy, jm, _ = today
    which = m["which"] or ""
    if which in ("امسال", "جاری") or m["this"]:
        year = jy
    elif which == "گذشته":  # the last one before the season the report is written in
        year = jy if index < (jm - 1) // 3 else jy - 1
    else:  # "پارسال", "سال گذشته", "سال قبل", "سال پیش"
        year = jy - 1
    return _ref(_jalali_month_date(year, month), _MONTH)


def _weekday(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    if published is None:
        return None
    before = text[max(0, m.start() - 12) : m.start()].rstrip()
    if before.endswith(_WEEKDAY_NAMES_BEFORE):
        return None
    wanted = WEEKDAYS[m["wd"].replace("\u200c", "").replace(" ", "")]
    modifier = m["mod"] or ""
    if modifier.startswith("هفته"):
        # the named day of the Iranian week (Saturday to Friday) before or after this one
        step = 1 if modifier.endswith(("آینده", "بعد")) else -1
        day = _saturday(published) + timedelta(weeks=step, days=(wanted - 5) % 7)
        return _ref(day, Precision.DAY)
    if modifier in ("آینده", "بعد", "دیگر"):
        ahead = (wanted - published.weekday()) % 7 or 7
        return _ref(published + timedelta(days=ahead), Precision.DAY)
    back = (published.weekday() - wanted) % 7
    if modifier in ("گذشته", "پیش", "قبل") and back == 0:
        back = 7
    return _ref(published - timedelta(days=back), Precision.DAY)


_RELATIVE_DAYS = {
    "امروز": 0,
    "امشب": 0,
    "امروزه": None,  # "nowadays": no date
    "دیروز": 1,
    "دیشب": 1,
    "پریروز": 2,
    "پریشب": 2,
}


def _relative_day(
    m: re.Match[str], text: str, published: date | None, future: int
) -> TimeRef | None:
    if published is None:
        return None
    word = m["w"]
    if word in _RELATIVE_DAYS:
        back = _RELATIVE_DAYS[word]
        if back is None:
            return None
    else:  # "روز گذشته", "شب گذشته": yesterday in news Persian
        back = 1
    return _ref(published - timedelta(days=back), Precision.DAY)


def _period(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    if published is None:
        return None
    unit = m["unit"] or m["unit0"]
    which = m["which"] or m["which2"] or ""
    if which == "امسال":
        unit, step = "سال", 0
    elif which in ("پارسال", "پار"):  # "سال پار": Dari for last year
        unit, step = "سال", -1
    elif which in ("گذشته", "پیش", "قبل"):
        step = -1
    elif which in ("آینده", "بعد"):
        step = 1
    else:  # "این هفته", "هفته جاری"
        step = 0
    before = text[max(0, m.start() - 16) : m.start()]
    counted = _COUNTED.search(before)
    if step == -1 and (counted or re.search(r"(?:طی|در\s+طول|ظرف)\s*$", before)):
        # "طی هفته گذشته": the seven days ending on publication; "سه ماه گذشته": a span
        if unit == "هفته" and not counted:
            return _ref(published - timedelta(days=6), Precision.WEEK)
        return None
    if unit == "هفته":
        return _ref(_saturday(published) + timedelta(weeks=step), Precision.WEEK)
    today = _gregorian_to_jalali(published)
    if today is None:
        return None
    jy, jm, _ = today
    if unit == "ماه":
        index = jy * 12 + (jm - 1) + step
        month = _jalali_month_date(index // 12, index % 12 + 1)
        if step == 0 and month is not None and month > published:
            # "اوایل ماه جاری" in a report of 8 Esfand (27 February): the running
            # month is not one that has not begun (Esfand is dated by its 15th, in
            # March); Afghan outlets count Gregorian months too
            month = published.replace(day=1)
        return _ref(month, _MONTH)
    # a Jalali year is dated as the Gregorian year it mostly falls in
    return _ref(safe_date(jy + step + 621, 1, 1), Precision.YEAR)


def _ago(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    if published is None:
        return None
    raw = m["n"] or ""
    unit = m["unit"]
    n: int | None = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
    if unit in ("ساعت", "ساعاتی", "دقیقه", "دقایقی"):
        return _ref(published, Precision.DAY)
    if unit == "شب":  # "دو شب پیش": two nights ago; "شب پیش": last night
        return _ref(published - timedelta(days=1 if n is None else n), Precision.DAY)
    if unit == "روز":
        if n is None:  # "چند روز پیش": some day in the week before
            return _ref(published - timedelta(days=7), Precision.WEEK)
        return _ref(published - timedelta(days=n), Precision.DAY)
    if n is None:
        return None
    if unit == "هفته":
        return _ref(published - timedelta(days=7 * n + 3), Precision.WEEK)
    if unit == "ماه":
        return _ref(month_start(published.year, published.month, -n), _MONTH)
    return _ref(date(published.year - n, 1, 1), Precision.YEAR)


def _hours_after(
    m: re.Match[str], text: str, published: date | None, future: int
) -> TimeRef | None:
    # "ساعاتی پس از": anchored to another event told in the text
    if published is None:
        return None
    return TimeRef(published, Precision.DAY, "", inferred=True)


# "دو هفته بعد", "سه روز پس از آن": a span counted on from the date told before it
_LATER = re.compile(
    r"(?<![\w\u200c])(?P<n>\d{1,3}|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده)[\s\u200c]+"
    r"(?P<unit>روز|هفته|ماه)[\s\u200c]+(?:بعد|پس[\s\u200c]+از[\s\u200c]+آن)(?![\w\u200c])"
)


def _later(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    # a placeholder: find_dates counts it on from the date before it, or drops it
    if published is None:
        return None
    return TimeRef(published, Precision.DAY, "", inferred=True)


def _counted_on(m: re.Match[str], previous: TimeRef) -> TimeRef:
    """The date a span after ``previous`` falls on ("دو هفته بعد")."""
    raw = m["n"]
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    days = {"روز": 1, "هفته": 7, "ماه": 30}[m["unit"]] * n
    precision = (
        Precision.DAY
        if m["unit"] == "روز" and previous.precision is Precision.DAY
        else (Precision.WEEK if m["unit"] != "ماه" else _MONTH)
    )
    return TimeRef(previous.value + timedelta(days=days), precision)


def _year(m: re.Match[str], text: str, published: date | None, future: int) -> TimeRef | None:
    raw, era = m["year"], m["era"] or ""
    if _COUNT.match(text, m.end()):
        return None
    n = int(raw)
    if len(raw) == 2:
        if not m["sal"]:
            return None
        n += 1300
    jalali = "شمسی" in era or "خورشیدی" in era or (1300 <= n <= 1499 and "میلادی" not in era)
    if jalali:
        if not 1300 <= n <= 1499:
            return None
        return _ref(date(n + 621, 1, 1), Precision.YEAR)
    if not 1800 <= n <= 2099:
        return None
    if not (m["sal"] or era) and not _YEAR_CONTEXT.search(text[max(0, m.start() - 14) : m.start()]):
        return None
    return _ref(date(n, 1, 1), Precision.YEAR)


_LEAD_PREP = re.compile(r"(?:در|از|تا|طی)[\s\u200c]+")
_MONTH_CONTEXT = re.compile(r"(?:اوایل|اواسط|اواخر|ماه)[\s\u200c]*$")
_COUNTED = re.compile(r"(?:\d|(?<![\w\u200c])(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|چند))\s*$")
_COUNT = re.compile(rf"\s*(?:{_COUNT_NOUNS}){_E}")
# words after which a bare four-digit number is a year ("قرارداد ۱۹۱۶", "از 2014")
_YEAR_CONTEXT = re.compile(
    r"(?:از|تا|در|قرارداد|پیمان|توافق|جنگ|انتخابات|اوایل|اواسط|اواخر|ژوئن|نوامبر|پاییز|تابستان"
    r"|زمستان|بهار)\s*$"
)


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[tuple[re.Pattern[str], _Handler], ...]
    relation_since: re.Pattern[str]
    relation_until: re.Pattern[str]
    range_gap: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    jalali = "|".join(sorted(JALALI_MONTHS, key=len, reverse=True))
    greg = "|".join(sorted(GREGORIAN_MONTHS, key=len, reverse=True))
    months = f"{jalali}|{greg}"
    wd = r"(?:یک|دو|سه|چهار|پنج)" + _Z + r"شنبه|شنبه|جمعه"
    year = r"(?P<year>\d{4}|\d{2})"
    rules: list[tuple[str, _Handler]] = [
        (
            rf"{_B}(?P<y>\d{{4}})\s*[/\-.]\s*(?P<m>\d{{1,2}})\s*[/\-.]\s*(?P<d>\d{{1,2}}){_E}",
            _numeric,
        ),
        # "۱۸-۰۵-۱۴۰۰" (day first, as Iranian sites print a publication time)
        (
            rf"{_B}(?P<d>\d{{1,2}})\s*[/\-.]\s*(?P<m>\d{{1,2}})\s*[/\-.]\s*(?P<y>\d{{4}}){_E}",
            _numeric,
        ),
        # "جمعه ۱۲ آبان ۱۳۹۶", "۱۳ آبان‌ماه 96", "۳ نوامبر ۲۰۱۷"
        (
            rf"{_B}(?:(?:روز{_S})?(?:{wd}){_S}(?:گذشته{_S})?)?(?P<day>[0-3]?\d){_S}"
            rf"(?P<mon>{months})(?:{_Z}ماه)?(?:{_S}(?:سال{_S})?{year}|{_S}(?P<last>{_LAST_YEAR}))?{_E}",
            _day_month,
        ),
        # "در ماه مه", "ماه نوامبر": a Gregorian month named with "ماه"
        # "ماه می": May as Persian writers often spell it, only after "ماه" (alone "می"
        # is the verb prefix)
        (rf"{_B}ماه{_S}(?P<gmon>{greg}|می){_E}", _greg_month_alone),
        # "آبان ۱۳۹۶", "نوامبر ۲۰۱۷"; with its preposition ("از مرداد ۱۴۰۳"), so that
        # it starts where the month alone would and wins as the longer match
        (
            rf"(?:{_B}(?:در|از|تا|اوایل|اواسط|اواخر|طی){_S})?{_B}(?P<mon>{months})"
            rf"(?:{_Z}ماه)?(?:{_S}سال)?{_S}{year}{_E}",
            _month_year,
        ),
        # "آبان‌ماه", "در آبان", "اوایل آبان", "خرداد امسال"
        (
            rf"(?:{_B}(?:در|از|تا|اوایل|اواسط|اواخر|طی){_S})?{_B}(?P<mon>{jalali})"
            rf"(?P<maah>{_Z}ماه)?(?:{_S}(?P<which>امسال|پارسال|سال{_S}پار|گذشته))?{_E}",
            _month_alone,
        ),
        (
            # "چهارشنبه هفته گذشته": the Wednesday of last week (not its Saturday)
            rf"{_B}(?:روز{_S})?(?P<wd>{wd})(?:{_S}(?P<mod>هفته{_S}(?:گذشته|پیش|قبل|آینده|بعد)"
            rf"|گذشته|پیش|قبل|آینده|بعد))?{_E}",
            _weekday,
        ),
        # "تابستان گذشته", "زمستان سال گذشته", "اواخر پاییز امسال", "تابستان ۲۰۱۵"; it
        # starts before "سال گذشته" or the year inside it and wins as the earlier match
        (
            rf"{_B}(?:(?P<part>اوایل|اواسط|اواخر){_S})?(?:(?P<this>این|همین){_S})?"
            rf"(?P<season>بهار|تابستان|پاییز|پائیز|زمستان)(?:{_S}(?:(?P<which>امسال|پارسال"
            rf"|گذشته|جاری)|(?P<ago>سال{_S}(?:گذشته|قبل|پیش))|(?:سال{_S})?(?P<year>\d{{4}})))?{_E}",
            _season,
        ),
        (
            # "بعد از ظهر دیروز" (yesterday afternoon): a time of day, not "after"
            rf"{_B}(?:(?:(?:بعد|قبل|پیش){_Z}از{_Z}ظهر|صبح|ظهر|عصر|شب|بامداد|اوایل|اواخر"
            rf"|اوایل\s+صبح){_S})?"
            rf"(?P<w>امروزه|امروز|امشب|دیروز|دیشب|پریروز|پریشب|روز{_S}گذشته|شب{_S}گذشته){_E}",
            _relative_day,
        ),
        (
            rf"{_B}(?:(?:(?:اوایل|اواسط|اواخر){_S})?(?:این|همین){_S}(?P<unit0>هفته|ماه|سال)"
            rf"|(?P<unit>هفته|ماه|سال)(?:{_S}(?P<which>گذشته|پیش|قبل|آینده|بعد"
            rf"|جاری|پار))?|(?P<which2>امسال|پارسال)){_E}",
            _period,
        ),
        (
            # "هجده ماه پیش": the counts in words up to thirty
            rf"{_B}(?:(?P<n>\d{{1,3}}|{_COUNT_WORDS}|چند){_S})?"
            # not "چند روز پیش از سقوط کابل": before an event, not before now (but
            # "۱۸ ماه پیش از خرسون عقب‌نشینی کردند": ago, then where from)
            rf"(?P<unit>روز|شب|هفته|ماه|سال|ساعت|ساعاتی|دقیقه|دقایقی){_S}(?:پیش|قبل){_E}"
            rf"(?!{_S}از{_S}{_EVENT_NOUN}{_E})",
            _ago,
        ),
        (rf"{_B}(?:ساعاتی|چند{_S}ساعت|ساعتی){_S}(?:پس|بعد){_S}از{_E}", _hours_after),
        # "دو هفته بعد": counted on from the date the sentence told before it
        (_LATER.pattern, _later),
        (
            rf"{_B}(?P<sal>سال{_S})?(?P<year>\d{{4}}|(?<=سال\s)\d{{2}})"
            rf"(?:{_S}(?P<era>میلادی|شمسی|هجری{_S}شمسی|خورشیدی))?{_E}",
            _year,
        ),
    ]
    return _Patterns(
        rules=tuple((re.compile(p), h) for p, h in rules),
        relation_since=re.compile(r"(?:^|[\s\u200c])(?:پس\s+از|بعد\s+از|از)\s*$"),
        relation_until=re.compile(r"(?:^|[\s\u200c])(?:پیش\s+از|قبل\s+از|تا)\s*$"),
        range_gap=re.compile(r"\s*(?:تا|[-\u2013\u2014])\s*"),
    )


def _only_period_unit(m: re.Match[str], handler: _Handler) -> bool:
    """A bare "سال" / "ماه" / "هفته" with no modifier is no date."""
    if handler is not _period:
        return False
    return not (m["which"] or m["which2"] or m["unit0"])


def find_dates(
    text: str, published: date | None, *, offset: int = 0, future_days: int = 7
) -> list[DateMatch]:
    """Find and resolve every time expression in ``text`` (one sentence), in order.

    ``text`` is the original text (any digits, any yeh and kaf); spans point
    into it, plus ``offset``. The rest is as in the English reader:
    relative expressions need ``published``; a day-month date without a year
    is put a year back when it would fall more than ``future_days`` after
    publication; overlapping candidates go to the earliest, then longest.
    """
    pats = _patterns()
    folded = fold(text)
    ftext = folded.text
    matches: list[DateMatch] = []
    for start, end, ref in settled_candidates(
        pats.rules,
        ftext,
        published,
        future_days,
        keep=lambda m, handler: not _only_period_unit(m, handler),
    ):
        lead = _LEAD_PREP.match(ftext, start, end)
        if lead:  # "از خرداد": the preposition tells the relation, the span is the date
            start = lead.end()
        later = _LATER.fullmatch(ftext, start, end)
        if later:
            earlier = [d.ref for d in matches if not d.ref.inferred]
            if not earlier:
                continue  # "دو هفته بعد" with no date before it to count from
            ref = _counted_on(later, earlier[-1])
        relation = _relation(ftext, start, matches[-1] if matches else None, folded, offset)
        span = folded.span(start, end, text, base=offset)
        ref = replace(ref, text=span.text)
        if (
            relation == "until"
            and matches
            and matches[-1].relation == "at"
            and matches[-1].ref.value == ref.value
            and matches[-1].ref.precision == ref.precision
            and not pats.relation_until.search(ftext[max(0, start - 16) : start])
        ):
            relation = "at"  # "صبح امروز – یکشنبه –": the same day told twice, no range
        if relation == "until" and matches and matches[-1].relation == "at":
            gap_start = matches[-1].span.end - offset
            gap = text[gap_start : folded.to_original(start)]
            if pats.range_gap.fullmatch(gap) and gap.strip() not in ("تا",):
                matches[-1] = replace(matches[-1], relation="since")  # "۲۰۱۴-۲۰۱۷"
        matches.append(DateMatch(span, ref, relation))
    return _month_of_year(matches, text, offset)


# "امسال", "سال جاری", "سال گذشته", "پارسال" right after a month: the year of that month
_YEAR_OF_MONTH_GAP = re.compile(r"[\s\u200c]*")


def _month_of_year(matches: list[DateMatch], text: str, offset: int) -> list[DateMatch]:
    """ "ماه مه سال‌جاری" is one date, May of this year: a month followed by a
    relative year ("امسال", "سال گذشته") takes that year and the year is no date of its
    own (it would date the sentence by the coarser year)."""
    out: list[DateMatch] = []
    for m in matches:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.ref.precision is Precision.MONTH
            and m.ref.precision is Precision.YEAR
            and not any(c.isdigit() for c in m.span.text)
            and _YEAR_OF_MONTH_GAP.fullmatch(text, prev.span.end - offset, m.span.start - offset)
        ):
            month = prev.ref.value.replace(year=m.ref.value.year)
            span = replace(
                prev.span, end=m.span.end, text=text[prev.span.start - offset : m.span.end - offset]
            )
            out[-1] = replace(prev, span=span, ref=replace(prev.ref, value=month, text=span.text))
            continue
        out.append(m)
    return out


def _relation(
    ftext: str, start: int, previous: DateMatch | None, folded: object, offset: int
) -> str:
    """How the sentence relates to the date at ``start``, from the words just before it."""
    pats = _patterns()
    before = ftext[max(0, start - 16) : start]
    if pats.relation_until.search(before):
        return "until"
    if pats.relation_since.search(before):
        return "since"
    if re.search(r"[-\u2013\u2014]\s*$", before) and previous is not None:
        return "until"
    return "at"


# --------------------------------------------------------------------------- metadata

_META_LINE = re.compile(
    r"(?:تاریخ(?:\s+انتشار|\s+خبر)?|زمان\s+انتشار|منتشر\s+شده(?:\s+در)?)\s*[:：]\s*(?P<value>.+)"
)


def parse_date(value: str) -> date | None:
    """A publication date from metadata: ISO, ``1396/08/13``, ``۱۳ آبان ۱۳۹۶``, else None.

    For ingest: a feed or a Persian page may give its date in the Jalali
    calendar, with Persian digits. Only a full date (day, month, year) counts.
    """
    text = fold(value.strip()).text
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso and int(iso.group(1)) >= 1800:
        return safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for m in find_dates(text, None):
        if m.ref.precision is Precision.DAY and not m.ref.inferred:
            return m.ref.value
    return None


def publication_date(text: str) -> tuple[date, int] | None:
    """The date of a "تاریخ انتشار: ..." line in an article, and the line's number.

    Persian news pages put their date in such a line; when an article comes
    without a ``published`` field the reader takes its date from there, and
    the line itself dates no event.
    """
    for n, line in enumerate(text.split("\n")[:12]):
        m = _META_LINE.search(fold(line).text)
        if m:
            value = parse_date(m.group("value"))
            if value is not None:
                return value, n
    return None
