"""Property tests (hypothesis): every input reader and the date and place parsers take
whatever they are given without a traceback, and what they return holds together.

Each property runs ``SITREP_PROPERTY_EXAMPLES`` examples (1,000 by default, as CI runs
them) drawn from generators that mix plausible input (report rows, date words in English
and Persian, place names, markup) with arbitrary bytes and text: a reader answers every
input with articles or failures that say why, a parser with matches whose spans point
into the text it was given, never with an exception.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.core.config import Config
from sitrep.core.records import Article, Failure
from sitrep.ingest.sources import read_inputs
from sitrep.read.en.dates import find_dates as find_dates_en
from sitrep.read.fa.dates import find_dates as find_dates_fa
from sitrep.read.fa.dates import parse_date as parse_date_fa

EXAMPLES = int(os.environ.get("SITREP_PROPERTY_EXAMPLES", "1000"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis folder in the tree; a failure prints its example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# -- what the generators draw from --------------------------------------------------------

DATE_WORDS = (
    "on Friday",
    "last week",
    "two days ago",
    "in November",
    "November 3",
    "3 November",
    "2017",
    "1396",
    "Nov.",
    "early",
    "mid-",
    "late",
    "since",
    "until",
    "between",
    "and",
    "the",
    "of",
    "yesterday",
    "today",
    "tomorrow",
    "next month",
    "a year ago",
    "1/2/2017",
    "2017-11-09",
    "31/02/2017",
    "9999-12-31",
    "0001-01-01",
    "Monday night",
    "the 3rd",
    "شنبه",
    "دیروز",
    "۱۳ آبان ۱۳۹۶",
    "۱۳۹۶/۰۸/۱۳",
    "هفته گذشته",
    "آبان",
    "ماه",
    "روز",
    "۲",
    "سه",
    "پیش",
    "1396/08/13",
    "۱۴۰۲",
    "اسفند",
    "29 February",
    "February 30",
)
PLACE_WORDS = (
    "Abu Kamal",
    "Albu Kamal",
    "Raqqa",
    "Deir ez-Zor",
    "Mosul",
    "Iraq",
    "Syria",
    "Kyiv",
    "Bakhmut",
    "the",
    "near",
    "in",
    "north of",
    "km",
    "30",
    "province",
    "Governorate",
    "al-",
    "Al",
    "Ar",
    "تهران",
    "البوکمال",
    "سوریه",
    "Washington",
    "Georgia",
    "Jordan",
    "U.S.",
    "Mr.",
    "St.",
    "New",
    "City",
    "Valley",
    "East",
    "West",
)
PUNCT = (".", ",", ";", ":", "!", "?", "؟", "،", "«", "»", '"', "'", "(", ")", "-", "\n", "\t")
odd_text = st.text(max_size=40)  # any code point hypothesis draws (no lone surrogates)


def _sentences(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    token = st.sampled_from(words) | st.sampled_from(PUNCT) | odd_text
    return st.lists(token, max_size=30).map(" ".join)


date_text = _sentences(DATE_WORDS)
place_text = _sentences(PLACE_WORDS)
any_day = st.none() | st.dates()  # year 1 to 9999: arithmetic near the ends must hold

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
FIELDS = ("text", "title", "url", "published", "outlet", "language", "date", "body", "id")
row = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=8),
    date_text | place_text | json_value | st.sampled_from(DATE_WORDS),
    max_size=6,
)


@st.composite
def jsonl_bytes(draw: Any) -> bytes:
    lines: list[bytes] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(("row", "row", "value", "raw", "nested", "surrogate")))
        if kind == "row":
            lines.append(json.dumps(draw(row), ensure_ascii=draw(st.booleans())).encode())
        elif kind == "value":
            lines.append(json.dumps(draw(json_value)).encode())
        elif kind == "raw":
            lines.append(draw(st.binary(max_size=60)))
        elif kind == "nested":  # deeper than any parser's recursion limit
            depth = draw(st.integers(1, 5000))
            lines.append(b'{"text":' + b"[" * depth + b"]" * depth + b"}")
        else:  # a lone surrogate, escaped as JSON allows
            lines.append(b'{"text": "fighting \\ud800 near Raqqa", "outlet": "\\udfff"}')
    return draw(st.sampled_from((b"\n", b"\r\n"))).join(lines)


@st.composite
def csv_bytes(draw: Any) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return bytes(draw(st.binary(max_size=200)))
    header = draw(st.lists(st.sampled_from(FIELDS) | st.text(max_size=6), max_size=5))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    cell = date_text | place_text | st.text(max_size=20)
    for _ in range(draw(st.integers(0, 5))):
        writer.writerow(draw(st.lists(cell, max_size=len(header) + 2)))
    return out.getvalue().encode(draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16"))), "replace")


TAGS = ("p", "div", "script", "style", "article", "h1", "title", "a", "br", "meta", "li")


@st.composite
def html_bytes(draw: Any) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return bytes(draw(st.binary(max_size=200)))
    parts = ["<html><head>"]
    if draw(st.booleans()):
        parts.append(f'<meta charset="{draw(st.sampled_from(("utf-8", "latin-1", "bogus")))}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 8))):
        tag = draw(st.sampled_from(TAGS))
        parts.append(f"<{tag}>{draw(date_text | place_text | odd_text)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    parts.append(draw(st.sampled_from(("</body></html>", "", "<!--", "<![CDATA["))))
    return "".join(parts).encode("utf-8", "surrogatepass")


text_bytes = (
    st.binary(max_size=300)
    | date_text.map(str.encode)
    | place_text.map(lambda s: s.encode("utf-16"))
    | st.text(max_size=300).map(lambda s: s.encode("utf-8"))
)
max_bytes = st.sampled_from((5_000_000, 64, 200))

# -- the properties --------------------------------------------------------------------------


def _read_holds(path: Path, fmt: str, limit: int, published: date | None = None) -> None:
    skipped: list[tuple[str, str]] = []
    items = list(read_inputs(path, fmt=fmt, max_bytes=limit, published=published, skipped=skipped))
    for item in items:
        assert isinstance(item, Article | Failure), item
        if isinstance(item, Failure):
            assert item.reason.strip(), item
            item.origin.encode("utf-8")  # printable: no lone surrogate from a name or line
            item.reason.encode("utf-8")
        else:
            assert item.text.strip(), item
            item.text.encode("utf-8")  # no lone surrogate reaches the store
            assert item.id and item.content_hash
            for value in (item.title, item.outlet, item.url, item.origin):
                if value is not None:
                    value.encode("utf-8")
    for name, why in skipped:
        assert why.strip() and name


@pytest.fixture(scope="module")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@pytest.mark.parametrize(
    ("fmt", "suffix", "content"),
    [
        ("text", ".txt", text_bytes),
        ("html", ".html", html_bytes()),
        ("jsonl", ".jsonl", jsonl_bytes()),
        ("csv", ".csv", csv_bytes()),
    ],
)
def test_every_reader_answers_every_input(
    work_dir: Path, fmt: str, suffix: str, content: st.SearchStrategy[bytes]
) -> None:
    """A reader, by format and by `auto` (the format guessed from the name and bytes)."""

    @PROPERTY
    @given(data=content, limit=max_bytes, auto=st.booleans(), published=any_day)
    def prop(data: bytes, limit: int, auto: bool, published: date | None) -> None:
        path = work_dir / f"input{suffix}"
        path.write_bytes(data)
        _read_holds(path, "auto" if auto else fmt, limit, published)

    prop()


FOLDER_NAMES = (
    "a.txt",
    "b.jsonl",
    "c.csv",
    "d.html",
    "README.md",
    "LICENSE",
    "e.bin",
    "f.json",
    "sub/g.txt",
    "sub/deeper/h.jsonl",
    ".hidden.txt",
    "x.gz",
    "notes",
    "ü ñ.txt",
)


def test_the_folder_reader_answers_every_tree() -> None:
    """A folder of files of every kind, nested, named oddly: every file read or passed over
    with a reason."""

    @PROPERTY
    @given(
        files=st.dictionaries(
            st.sampled_from(FOLDER_NAMES),
            text_bytes | jsonl_bytes() | csv_bytes() | html_bytes(),
            max_size=5,
        ),
        limit=max_bytes,
    )
    def prop(files: dict[str, bytes], limit: int) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "reports"
            folder.mkdir()
            for name, data in files.items():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                (folder / name).write_bytes(data)
            _read_holds(folder, "auto", limit)

    prop()


def _spans_hold(text: str, matches: list[Any]) -> None:
    for m in matches:
        assert 0 <= m.span.start < m.span.end <= len(text), m
        assert text[m.span.start : m.span.end] == m.span.text, m


@PROPERTY
@given(text=date_text, published=any_day, future=st.integers(0, 400))
def test_english_dates_parse_any_sentence(text: str, published: date | None, future: int) -> None:
    matches = find_dates_en(text, published, future_days=future)
    _spans_hold(text, matches)
    for m in matches:
        assert isinstance(m.ref.value, date) and m.ref.precision, m


@PROPERTY
@given(text=date_text, published=any_day, future=st.integers(0, 400))
def test_persian_dates_parse_any_sentence(text: str, published: date | None, future: int) -> None:
    matches = find_dates_fa(text, published, future_days=future)
    _spans_hold(text, matches)
    for m in matches:
        assert isinstance(m.ref.value, date) and m.ref.precision, m


@pytest.mark.parametrize("published", [date(1, 1, 1), date(622, 3, 20), date(9999, 12, 31)])
@pytest.mark.parametrize(
    "text",
    ["روز ۲۴ اسد", "در ماه آبان", "آبان ماه گذشته", "سال گذشته", "سال آینده", "ماه آینده"],
)
def test_persian_dates_at_the_ends_of_the_calendar(published: date, text: str) -> None:
    # a publication day before the Jalali era (622) has no Jalali year: jdatetime
    # raised ValueError there (hypothesis found it); a Jalali year counted past 9999
    # has no Gregorian year. Both are no date, not an error.
    for m in find_dates_fa(text, published, future_days=0):
        assert isinstance(m.ref.value, date) and m.ref.precision, m


@PROPERTY
@given(value=date_text | st.text(max_size=40) | st.sampled_from(DATE_WORDS))
def test_publication_dates_parse_any_value(value: str) -> None:
    found = parse_date_fa(value)
    assert found is None or isinstance(found, date)


@pytest.fixture(scope="module")
def gazetteer(app_config: Config) -> Any:
    from sitrep.core.resources import load_gazetteer

    return load_gazetteer(app_config)


def test_places_parse_any_sentence(gazetteer: Any) -> None:
    """Place names found in any text (the geoparser's first step), and a user's place
    lookup by any name: spans point into the text, places are the gazetteer's own."""

    @PROPERTY
    @given(text=place_text, countries=st.lists(st.sampled_from(("SYR", "IRQ", "UKR", "XXX"))))
    def prop(text: str, countries: list[str]) -> None:
        for m in gazetteer.find(text, countries=countries):
            if m.span is not None:
                assert 0 <= m.span.start < m.span.end <= len(text), m
                assert text[m.span.start : m.span.end] == m.span.text, m
            assert gazetteer.by_id(m.place.id) is not None, m
        for place in gazetteer.lookup(text.strip()[:60], countries=countries):
            assert gazetteer.by_id(place.id) is not None

    prop()
