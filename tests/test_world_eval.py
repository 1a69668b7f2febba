"""Tests of the world control-change evaluation: the gold set, the matcher and a small run.

The gold ships in the repository, so everything here runs offline.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.quality.evaluation import world
from sitrep.quality.evaluation.common import EvalResult
from sitrep.quality.evaluation.runner import EVALUATIONS, write_baseline
from sitrep.quality.evaluation.world import (
    SPLITS,
    GoldChange,
    Report,
    SystemChange,
    load_changes,
    load_reports,
    normalize_side,
    score_report,
    side_matches,
)
from sitrep.read.en.extract import Extractor

KHERSON = 706448
KHERSON_OBLAST = 706442


def ukraine_gains(when: date = date(2022, 11, 11)) -> GoldChange:
    return GoldChange(
        report="r",
        place="Kherson",
        geonames_id=KHERSON,
        country="UKR",
        new_controller="Government of Ukraine",
        acceptable=("Government of Ukraine", "Military Forces of Ukraine", "Ukraine"),
        date=when,
    )


def sys_change(
    *,
    place: int | None = KHERSON,
    when: date | None = date(2022, 11, 11),
    actor: str | None = "Military Forces of Ukraine (2019-)",
    controller: str | None = None,
    status: str = "occurred",
) -> SystemChange:
    return SystemChange("r", place, when, actor=actor, controller=controller, status=status)


def no_contains(outer: int, inner: int) -> bool:
    return False


def oblast_contains(outer: int, inner: int) -> bool:
    return (outer, inner) == (KHERSON_OBLAST, KHERSON)


def everything_known(gid: int) -> bool:
    return True


# -- the gold ----------------------------------------------------------------------


def test_gold_set_size_wars_and_splits() -> None:
    reports = load_reports()
    changes = load_changes()
    assert len(reports) >= 72
    assert len({r.war for r in reports}) >= 12
    ids = [r.id for r in reports]
    assert len(ids) == len(set(ids))
    with_change = {c.report for c in changes}
    assert with_change <= set(ids)
    non_changes = [r for r in reports if r.id not in with_change]
    assert 0.25 <= len(non_changes) / len(reports) <= 0.40
    splits = Counter(r.split for r in reports)
    assert set(splits) == set(SPLITS)
    assert set(SPLITS) == {"dev", "test"} | {
        f"b{n}_{part}" for n in range(2, 14) for part in ("dev", "test")
    }
    held_out = sum(n for split, n in splits.items() if split.endswith("test"))
    assert 0.27 <= held_out / len(reports) <= 0.36
    # the fixed rule: the 2nd, 5th, 8th ... report of each file is held out,
    # in either batch
    for r in reports:
        assert r.split.endswith("test") == (int(r.id.split("-")[1]) % 3 == 2), r.id

    # each batch continues the numbering of the batches before it
    def batch(r: Report) -> int:
        return int(r.split.split("_")[0][1:]) if "_" in r.split else 1

    for r in reports:
        prefix, number = r.id.split("-")
        before = [e for e in reports if batch(e) < batch(r) and e.id.startswith(prefix + "-")]
        assert all(int(e.id.split("-")[1]) < int(number) for e in before), r.id


def test_gold_reports_are_wire_copy_of_their_batch_length() -> None:
    # batches 1-10 are short wire items; the eleventh is long articles (a lead,
    # quotes, background, captions), as real outlets print them, and so is the twelfth;
    # the thirteenth is short again, 100-250 words
    for r in load_reports():
        low, high = (400, 900) if r.split.startswith(("b11_", "b12_")) else (60, 220)
        if r.split.startswith("b13_"):
            low, high = (100, 250)
        assert low <= len(r.text.split()) <= high, r.id
    for c in load_changes():
        assert len(c.note) <= 220 and c.acceptable and c.new_controller in c.acceptable, c


def test_malformed_gold_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "changes.jsonl"
    good = json.dumps(
        {
            "report": "x",
            "place": "P",
            "geonames_id": 1,
            "country": "UKR",
            "new_controller": "A",
            "date": "2022-01-01",
        }
    )
    bad.write_text(good + '\n{"report": "y", "place": "Q"}\n', "utf-8")
    with pytest.raises(DataError, match=r"changes.jsonl:2"):
        load_changes(bad)


# -- the matcher -------------------------------------------------------------------


def test_side_names_match_across_spellings() -> None:
    g = ukraine_gains()
    assert normalize_side("Military Forces of Ukraine (2019-)") == "military forces of ukraine"
    assert side_matches(g, sys_change())
    assert side_matches(g, sys_change(actor="Some unit", controller="government of ukraine"))
    assert not side_matches(g, sys_change(actor="Military Forces of Russia"))


def test_place_date_and_side_is_tp_within_two_days() -> None:
    sc = score_report(
        [ukraine_gains()],
        [sys_change(when=date(2022, 11, 13))],
        contains=no_contains,
        known=everything_known,
    )
    assert (len(sc.tp), len(sc.fp), len(sc.fn), sc.found) == (1, 0, 0, 1)
    late = score_report(
        [ukraine_gains()],
        [sys_change(when=date(2022, 11, 14))],
        contains=no_contains,
        known=everything_known,
    )
    assert (len(late.tp), len(late.fp), late.found) == (0, 1, 0)
    assert late.misses[0][0] == "wrong_date"


def test_missing_and_wrong_side_are_found_but_not_matched() -> None:
    sc = score_report(
        [ukraine_gains()], [sys_change(actor=None)], contains=no_contains, known=everything_known
    )
    assert sc.found == 1 and not sc.tp and sc.misses[0][0] == "missing_side"
    assert sc.false_positives[0][0] == "missing_side"
    wrong = score_report(
        [ukraine_gains()],
        [sys_change(actor="Military Forces of Russia")],
        contains=no_contains,
        known=everything_known,
    )
    assert wrong.misses[0][0] == "wrong_side"


def test_admin_area_is_a_partial_match_only() -> None:
    sc = score_report(
        [ukraine_gains()],
        [sys_change(place=KHERSON_OBLAST)],
        contains=oblast_contains,
        known=everything_known,
    )
    assert (sc.found, sc.found_partial, len(sc.tp)) == (0, 1, 0)
    assert sc.misses[0][0] == "partial_place"


def test_non_change_report_and_claims() -> None:
    sc = score_report(
        [], [sys_change()], contains=no_contains, known=everything_known, report_kind="anniversary"
    )
    assert sc.false_positives[0][0] == "non_change_report:anniversary"
    claimed = score_report(
        [], [sys_change(status="claimed")], contains=no_contains, known=everything_known
    )
    assert not claimed.fp  # only occurred events count against precision


def test_repeat_is_a_duplicate_and_missing_place_is_named() -> None:
    sc = score_report(
        [ukraine_gains()],
        [sys_change(), sys_change(when=date(2022, 11, 12))],
        contains=no_contains,
        known=everything_known,
    )
    assert len(sc.tp) == 1 and len(sc.duplicates) == 1 and not sc.fp
    gone = score_report([ukraine_gains()], [], contains=no_contains, known=lambda gid: False)
    assert gone.misses[0][0] == "place_missing_from_gazetteer"


def test_registered_and_held_out_figures_are_never_pinned(tmp_path: Path) -> None:
    assert EVALUATIONS["world"] == "sitrep.quality.evaluation.world"
    path = tmp_path / "baseline.json"
    figures = {"dev_f1": 0.5, "test_f1": 0.4, "b2_dev_f1": 0.6, "b2_test_f1": 0.3}
    figures |= {"b3_dev_f1": 0.7, "b3_test_f1": 0.2, "b4_dev_f1": 0.8, "b4_test_f1": 0.1}
    figures |= {"b5_dev_f1": 0.9, "b5_test_f1": 0.05, "b6_dev_f1": 0.85, "b6_test_f1": 0.02}
    figures |= {"b7_dev_f1": 0.75, "b7_test_f1": 0.01, "b8_dev_f1": 0.65, "b8_test_f1": 0.03}
    figures |= {"b9_dev_f1": 0.55, "b9_test_f1": 0.04}
    r = EvalResult("world", figures, "abc")
    pinned = write_baseline([r], path=path)
    assert pinned["floors"]["world"] == {
        "dev_f1": 0.5,
        "b2_dev_f1": 0.6,
        "b3_dev_f1": 0.7,
        "b4_dev_f1": 0.8,
        "b5_dev_f1": 0.9,
        "b6_dev_f1": 0.85,
        "b7_dev_f1": 0.75,
        "b8_dev_f1": 0.65,
        "b9_dev_f1": 0.55,
    }


# -- a small real run (offline: the gold ships with sitrep) -------------------------


def test_world_eval_on_a_few_reports(app_config: Config, extractor: Extractor) -> None:
    # Mosul (a change the regional gazetteer knows), the anniversary of its fall,
    # and Kherson (a place the regional gazetteer lacks)
    result = world.evaluate(
        app_config, extractor=extractor, report_ids=["irq-04", "irq-07", "ukr-01"]
    )
    assert result.name == "world"
    assert {"dev_found", "dev_precision", "dev_recall", "dev_f1", "test_found"} <= set(
        result.figures
    )
    assert result.details["counts"]["dev"] == {"reports": 3, "gold_changes": 2}
    assert result.figures["dev_found"] >= 0.5  # Mosul, 2017-07-10
    kinds = result.details["errors"]["dev"]["misses"]
    assert sum(kinds.values()) == len(result.details["misses"]["dev"])
    assert [row[:2] for row in result.table[-26:]] == [
        ["dev", "all"],
        ["test", "all"],
        ["b2_dev", "all"],
        ["b2_test", "all"],
        ["b3_dev", "all"],
        ["b3_test", "all"],
        ["b4_dev", "all"],
        ["b4_test", "all"],
        ["b5_dev", "all"],
        ["b5_test", "all"],
        ["b6_dev", "all"],
        ["b6_test", "all"],
        ["b7_dev", "all"],
        ["b7_test", "all"],
        ["b8_dev", "all"],
        ["b8_test", "all"],
        ["b9_dev", "all"],
        ["b9_test", "all"],
        ["b10_dev", "all"],
        ["b10_test", "all"],
        ["b11_dev", "all"],
        ["b11_test", "all"],
        ["b12_dev", "all"],
        ["b12_test", "all"],
        ["b13_dev", "all"],
        ["b13_test", "all"],
    ]


# -- a set of the user's own (`sitrep eval world FILE`) ------------------------------


def _write_own_set(folder: Path, changes: list[dict[str, object]] | None) -> Path:
    reports = [
        {
            "id": "own-1",
            "outlet": "Desk",
            "published": "2017-07-10",
            "title": "Iraqi forces retake Mosul",
            "text": "Iraqi forces retook the city of Mosul from Islamic State on Monday, "
            "the prime minister said.",
            "war": "Iraq",
            "split": "mine",
            "kind": "change",
        },
        {
            "id": "own-2",
            "outlet": "Desk",
            "published": "2017-07-11",
            "title": "Talks go on",
            "text": "Talks between the two delegations went on in Geneva on Tuesday.",
            "war": "none",
            "split": "mine",
            "kind": "non_change",
        },
    ]
    path = folder / "my_reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), "utf-8")
    if changes is not None:
        (folder / "my_changes.jsonl").write_text(
            "".join(json.dumps(c) + "\n" for c in changes), "utf-8"
        )
    return path


def test_world_eval_scores_a_users_own_set(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> None:
    mosul = {
        "report": "own-1",
        "place": "Mosul",
        "geonames_id": 99072,
        "country": "IQ",
        "new_controller": "Military Forces of Iraq (2014-)",
        "acceptable": ["Iraq"],
        "date": "2017-07-10",
    }
    path = _write_own_set(tmp_path, [mosul])
    result = world.evaluate(app_config, extractor=extractor, path=path)
    # figures named by the set's own split, none of the shipped set's
    assert set(result.figures) == {
        "mine_found",
        "mine_found_partial",
        "mine_precision",
        "mine_recall",
        "mine_f1",
    }
    assert result.details["counts"] == {"mine": {"reports": 2, "gold_changes": 1}}
    assert result.figures["mine_found"] == 1.0


def test_world_eval_own_set_errors_name_the_file(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> None:
    path = _write_own_set(tmp_path, None)
    with pytest.raises(DataError, match="my_changes.jsonl is missing"):
        world.evaluate(app_config, extractor=extractor, path=path)
    orphan = {
        "report": "own-9",
        "place": "Mosul",
        "geonames_id": 99072,
        "country": "IQ",
        "new_controller": "Iraq",
        "date": "2017-07-10",
    }
    path = _write_own_set(tmp_path, [orphan])
    with pytest.raises(DataError, match="own-9"):
        world.evaluate(app_config, extractor=extractor, path=path)
    odd = tmp_path / "mine.jsonl"
    odd.write_text("", "utf-8")
    with pytest.raises(DataError, match="reports"):
        world.evaluate(app_config, extractor=extractor, path=odd)
