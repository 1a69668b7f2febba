"""A report that denies an event another report tells as fact is not scored as
asserting it (the world and Guardian scorers: `asserting_reports`)."""

from __future__ import annotations

from datetime import date

from sitrep.core.config import Config
from sitrep.quality.evaluation import world
from sitrep.quality.evaluation.common import asserting_reports

KEPT = ("occurred", "claimed")


def _m(article: str, status: str) -> dict[str, str]:
    return {"article_id": article, "status": status}


def test_a_report_whose_every_telling_is_kept_out_does_not_assert() -> None:
    report_of = {"x1": "told", "x2": "denier", "x3": "mixed"}
    mentions = [
        _m("x1", "occurred"),
        _m("x2", "denied"),
        _m("x2", "expected"),
        _m("x3", "denied"),
        _m("x3", "claimed"),
    ]
    assert asserting_reports(mentions, report_of, KEPT) == ["mixed", "told"]


def test_no_kept_telling_no_report() -> None:
    assert asserting_reports([_m("x1", "background")], {"x1": "r"}, KEPT) == []


def _report(rid: str, outlet: str, text: str) -> world.Report:
    return world.Report(
        id=rid,
        outlet=outlet,
        published=date(2024, 2, 17),
        title="",
        text=text,
        war="test",
        split="dev",
        kind="change",
    )


def test_the_denying_outlet_is_not_scored_with_the_event_it_merged_into(
    app_config: Config,
) -> None:
    reports = [
        _report(
            "told",
            "Wire A",
            "Russian forces took full control of the town of Avdiivka on Saturday, "
            "the defence ministry in Moscow said.",
        ),
        _report(
            "denied",
            "Wire B",
            "Ukraine's army denied on Saturday that Russian forces had taken Avdiivka, "
            "saying its troops still held the town.",
        ),
    ]
    out, failed = world.system_changes(app_config, reports)
    assert not failed
    assert [(c.date, c.status) for c in out["told"]] == [(date(2024, 2, 17), "occurred")]
    assert out["denied"] == []
