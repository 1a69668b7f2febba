"""Checks on the bundled demo corpus ``sitrep/demo/reports.jsonl``.

The demo corpus is data, not code, so these tests guard its shape (every line a
well-formed report of the autumn of 2017) and its content: each event the
README promises is told by the stated number of reports, found by keywords
and a window of publication dates.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parents[1] / "sitrep" / "demo"
REPORTS = DEMO_DIR / "reports.jsonl"
README = DEMO_DIR / "README.md"

REQUIRED = ("outlet", "published", "title", "url", "language", "text")
FIRST_DAY = date(2017, 10, 1)
LAST_DAY = date(2017, 11, 30)

# Spelling variants the reports use on purpose; the keyword checks must accept all.
ABU_KAMAL = r"albu ?kamal|abu ?kamal|bukamal|boukamal"
DEIR_EZ_ZOR = r"deir[ -](?:ez|el|al)-?zou?r|deir ezzor"

# name -> (first and last publication day, keyword patterns that must all match, count).
EVENTS: dict[str, tuple[date, date, tuple[str, ...], int]] = {
    "raqqa_sdf": (date(2017, 10, 17), date(2017, 10, 18), (r"raqqa", r"\bsdf\b"), 2),
    "kirkuk_iraq": (date(2017, 10, 16), date(2017, 10, 17), (r"kirkuk", r"peshmerga"), 3),
    "deir_ez_zor_army": (date(2017, 11, 3), date(2017, 11, 4), (DEIR_EZ_ZOR,), 3),
    "al_qaim_iraq": (date(2017, 11, 3), date(2017, 11, 4), (r"\bqaim\b", r"abadi"), 2),
    "rawa_iraq": (date(2017, 11, 17), date(2017, 11, 18), (r"\brawa\b",), 2),
    "abu_kamal_expected": (
        date(2017, 11, 4),
        date(2017, 11, 7),
        (ABU_KAMAL, r"offensive|assault", r"expected|ahead of|massing"),
        1,
    ),
    "abu_kamal_army_1": (date(2017, 11, 8), date(2017, 11, 9), (ABU_KAMAL,), 2),
    "abu_kamal_isis": (date(2017, 11, 11), date(2017, 11, 12), (ABU_KAMAL,), 2),
    "abu_kamal_army_2": (date(2017, 11, 19), date(2017, 11, 20), (ABU_KAMAL,), 2),
    "air_strike_shafah": (
        FIRST_DAY,
        LAST_DAY,
        (r"shafah", r"air ?strikes?|raids", r"civilians", r"\b34\b|\b53\b"),
        2,
    ),
    "coalition_denial": (FIRST_DAY, LAST_DAY, (r"coalition", r"denied|rejected", r"russia"), 1),
}


def _load() -> list[dict[str, str]]:
    with REPORTS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def reports() -> list[dict[str, str]]:
    return _load()


def _tells(report: dict[str, str], event: str) -> bool:
    first, last, patterns, _ = EVENTS[event]
    if not first <= date.fromisoformat(report["published"]) <= last:
        return False
    body = f"{report['title']}\n{report['text']}".lower()
    return all(re.search(p, body) for p in patterns)


def test_every_line_is_a_json_object() -> None:
    for number, line in enumerate(REPORTS.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"blank line {number}"
        assert isinstance(json.loads(line), dict), f"line {number} is not an object"


def test_size(reports: list[dict[str, str]]) -> None:
    assert 15 <= len(reports) <= 25


def test_fields_and_dates(reports: list[dict[str, str]]) -> None:
    for report in reports:
        for key in REQUIRED:
            assert isinstance(report.get(key), str) and report[key].strip(), (report, key)
        assert FIRST_DAY <= date.fromisoformat(report["published"]) <= LAST_DAY
        assert report["url"].startswith("https://example.org/")
        assert report["language"] == "en"
        assert 80 <= len(report["text"].split()) <= 250, report["title"]
        assert "\n" in report["text"], f"{report['title']}: one paragraph only"


def test_texts_and_urls_are_distinct(reports: list[dict[str, str]]) -> None:
    texts = [" ".join(r["text"].split()) for r in reports]
    assert len(set(texts)) == len(texts)
    assert len({r["url"] for r in reports}) == len(reports)


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_event_told_by_stated_number_of_reports(reports: list[dict[str, str]], event: str) -> None:
    telling = [r["outlet"] for r in reports if _tells(r, event)]
    assert len(telling) == EVENTS[event][3], (event, telling)


def test_one_report_tells_two_events(reports: list[dict[str, str]]) -> None:
    both = [r for r in reports if _tells(r, "deir_ez_zor_army") and _tells(r, "al_qaim_iraq")]
    assert len(both) == 1


def test_same_event_reports_come_from_different_outlets(reports: list[dict[str, str]]) -> None:
    for event in EVENTS:
        outlets = [r["outlet"] for r in reports if _tells(r, event)]
        assert len(set(outlets)) == len(outlets), (event, outlets)


def test_readme_lists_every_report(reports: list[dict[str, str]]) -> None:
    readme = README.read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if re.match(r"\|\s*\d+\s*\|", line)]
    assert len(rows) == len(reports)
    for row, report in zip(rows, reports, strict=True):
        assert report["outlet"] in row and report["published"] in row
