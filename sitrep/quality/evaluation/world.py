"""Control changes from many wars since 2014, scored against our own gold.

The reports are short wire-style pieces written for sitrep about real control
changes (and non-changes) in Ukraine, Sudan, Ethiopia, Nagorno-Karabakh,
Afghanistan, Libya, the Philippines, Mali, Yemen, Syria, Iraq, Myanmar, DR
Congo, Mozambique, Somalia, Nigeria, Burkina Faso, the Central African
Republic, South Sudan, Haiti, Colombia, Lebanon, Gaza, Niger and Cameroon
(``gold/world_reports.jsonl``); the changes they tell are in
``gold/world_changes.jsonl``; the rules are in ``gold/WORLD_RULES.md``. A
third of the reports (``"split": "test"``) is held out: its figures are
reported (``test_*``) but never pinned or tuned on.

All reports are ingested through the normal pipeline into a scratch SQLite
database. Every territory event (the three territory sub-event types, status
``occurred`` or ``claimed``) is a *system change* of each report that has a
non-reference mention of it. Per report:

- **found** (figure ``*_found``): a gold change counts as found when a system
  change has its GeoNames place and a date within ``SLACK_DAYS`` of its date;
  ``*_found_partial`` also accepts a system place that contains the gold place
  or lies inside it (an admin area for a town, or the reverse);
- **strict** (``*_precision``, ``*_recall``, ``*_f1``): place and date as for
  *found* (exact place only) and the gaining side: the event's actor 1 or its
  controller equals, case-insensitively, one of the gold change's acceptable
  names. Matching is one-to-one; an unmatched system change of status
  ``occurred`` is a false positive unless it would match an already matched
  gold change (the same change told twice: a duplicate, not counted).

``details["errors"]`` breaks the misses and false positives down by kind (see
:func:`miss_kind` and :func:`false_positive_kind`), per split.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.quality.evaluation.common import EvalResult, asserting_reports, corpus_hash, prf
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES

GOLD_DIR = Path(__file__).with_name("gold")
REPORTS = GOLD_DIR / "world_reports.jsonl"
CHANGES = GOLD_DIR / "world_changes.jsonl"
SLACK_DAYS = 2
# "b2_*" to "b13_*": the second to thirteenth batches (2026-12-04/05), each scored
# apart so that the earlier batches' figures keep their meaning; every
# "b*_test" is held out like "test" (``--pin`` skips every "*_test_*" figure).
SPLITS = (
    "dev",
    "test",
    "b2_dev",
    "b2_test",
    "b3_dev",
    "b3_test",
    "b4_dev",
    "b4_test",
    "b5_dev",
    "b5_test",
    "b6_dev",
    "b6_test",
    "b7_dev",
    "b7_test",
    "b8_dev",
    "b8_test",
    "b9_dev",
    "b9_test",
    "b10_dev",
    "b10_test",
    "b11_dev",
    "b11_test",
    "b12_dev",
    "b12_test",
    "b13_dev",
    "b13_test",
)
KEPT_STATUSES = ("occurred", "claimed")
URL_PREFIX = "world:"

# (outer place id, inner place id) -> whether inner lies in outer
Contains = Callable[[int, int], bool]


@dataclass(frozen=True)
class Report:
    """One gold report: the text sitrep reads and what kind of report it is."""

    id: str
    outlet: str
    published: date
    title: str
    text: str
    war: str
    split: str
    kind: str
    language: str = "en"


@dataclass(frozen=True)
class GoldChange:
    """One control change a report tells, as annotated."""

    report: str
    place: str
    geonames_id: int
    country: str
    new_controller: str
    acceptable: tuple[str, ...]
    date: date
    loser: str | None = None
    note: str = ""


@dataclass(frozen=True)
class SystemChange:
    """A territory event sitrep produced, as seen from one report."""

    report: str
    geonames_id: int | None
    date: date | None
    actor: str | None = None
    controller: str | None = None
    status: str = "occurred"
    place: str = ""
    sub_event_type: str = ""
    evidence: str = ""


@dataclass
class Scored:
    """Matching outcome of one split (or one report)."""

    tp: list[tuple[GoldChange, SystemChange]] = field(default_factory=list)
    fp: list[SystemChange] = field(default_factory=list)
    fn: list[GoldChange] = field(default_factory=list)
    duplicates: list[SystemChange] = field(default_factory=list)
    found: int = 0
    found_partial: int = 0
    misses: list[tuple[str, GoldChange]] = field(default_factory=list)
    false_positives: list[tuple[str, SystemChange]] = field(default_factory=list)

    def extend(self, other: Scored) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.duplicates += other.duplicates
        self.found += other.found
        self.found_partial += other.found_partial
        self.misses += other.misses
        self.false_positives += other.false_positives


# -- gold ----------------------------------------------------------------------


def _lines(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    if not path.exists():
        raise DataError(f"gold file {path} is missing; it ships with sitrep")
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise DataError(f"{path}:{n}: not valid JSON ({exc}); fix that line") from exc
        if not isinstance(rec, dict):
            raise DataError(f"{path}:{n}: each line must be a JSON object")
        yield n, rec


def load_reports(path: Path = REPORTS) -> list[Report]:
    """The gold reports (raises DataError naming a malformed line)."""
    out: list[Report] = []
    for n, rec in _lines(path):
        try:
            out.append(
                Report(
                    id=str(rec["id"]),
                    outlet=str(rec["outlet"]),
                    published=date.fromisoformat(rec["published"]),
                    title=str(rec.get("title", "")),
                    text=str(rec["text"]),
                    war=str(rec["war"]),
                    split=str(rec["split"]),
                    kind=str(rec.get("kind", "")),
                    language=str(rec.get("language") or "en"),
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(
                f"{path}:{n}: a report needs id, outlet, published (YYYY-MM-DD), text, "
                f"war and split: {exc}"
            ) from exc
    return out


def load_changes(path: Path = CHANGES) -> list[GoldChange]:
    """The gold changes (raises DataError naming a malformed line)."""
    out: list[GoldChange] = []
    for n, rec in _lines(path):
        try:
            out.append(
                GoldChange(
                    report=str(rec["report"]),
                    place=str(rec["place"]),
                    geonames_id=int(rec["geonames_id"]),
                    country=str(rec["country"]),
                    new_controller=str(rec["new_controller"]),
                    acceptable=tuple(str(a) for a in rec.get("acceptable") or ()),
                    date=date.fromisoformat(rec["date"]),
                    loser=rec.get("loser"),
                    note=str(rec.get("note", "")),
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(
                f"{path}:{n}: a change needs report, place, geonames_id, country, "
                f"new_controller and date (YYYY-MM-DD): {exc}"
            ) from exc
    return out


# -- matching --------------------------------------------------------------------

_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")


def normalize_side(name: str) -> str:
    """A side's name for comparison: case-folded, without ACLED's year ranges
    ("Military Forces of Ukraine (2019-)") or a leading "the"."""
    s = _YEARS.sub(" ", name).casefold().strip()
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s)


def side_matches(gold: GoldChange, sys_change: SystemChange) -> bool:
    """Whether the system's gainer (actor 1 or its controller) is one the gold accepts."""
    names = {normalize_side(n) for n in (gold.new_controller, *gold.acceptable)}
    return any(
        s is not None and normalize_side(s) in names
        for s in (sys_change.actor, sys_change.controller)
    )


def _in_window(gold: GoldChange, s: SystemChange, slack_days: int) -> bool:
    return s.date is not None and abs((s.date - gold.date).days) <= slack_days


def _partial_place(gold: GoldChange, s: SystemChange, contains: Contains) -> bool:
    if s.geonames_id is None or s.geonames_id == gold.geonames_id:
        return False
    return contains(s.geonames_id, gold.geonames_id) or contains(gold.geonames_id, s.geonames_id)


def score_report(
    gold: Sequence[GoldChange],
    system: Sequence[SystemChange],
    *,
    contains: Contains,
    known: Callable[[int], bool],
    report_kind: str = "",
    slack_days: int = SLACK_DAYS,
) -> Scored:
    """Score one report's system changes against its gold changes."""
    out = Scored()

    def place_date(g: GoldChange, s: SystemChange) -> bool:
        return s.geonames_id == g.geonames_id and _in_window(g, s, slack_days)

    def strict(g: GoldChange, s: SystemChange) -> bool:
        return place_date(g, s) and side_matches(g, s)

    for g in gold:
        if any(place_date(g, s) for s in system):
            out.found += 1
            out.found_partial += 1
        elif any(_partial_place(g, s, contains) and _in_window(g, s, slack_days) for s in system):
            out.found_partial += 1
    used: set[int] = set()
    for g in gold:
        cands = [(i, s) for i, s in enumerate(system) if i not in used and strict(g, s)]
        if not cands:
            out.fn.append(g)
            out.misses.append((miss_kind(g, system, contains, known, slack_days), g))
            continue
        i, s = min(cands, key=lambda c: abs((c[1].date or g.date) - g.date).days)
        used.add(i)
        out.tp.append((g, s))
    for i, s in enumerate(system):
        if i in used:
            continue
        if any(strict(g, s) for g in gold):
            out.duplicates.append(s)
        elif s.status == "occurred":
            out.fp.append(s)
            out.false_positives.append(
                (false_positive_kind(s, gold, contains, report_kind, slack_days), s)
            )
    return out


def miss_kind(
    g: GoldChange,
    system: Sequence[SystemChange],
    contains: Contains,
    known: Callable[[int], bool],
    slack_days: int = SLACK_DAYS,
) -> str:
    """Why a gold change was not matched, the most telling reason first."""
    if not known(g.geonames_id):
        return "place_missing_from_gazetteer"
    if not system:
        return "no_territory_event"
    here = [s for s in system if s.geonames_id == g.geonames_id]
    dated = [s for s in here if _in_window(g, s, slack_days)]
    if dated:
        if all(s.actor is None and s.controller is None for s in dated):
            return "missing_side"
        return "wrong_side"
    if here:
        return "wrong_date"
    if any(_partial_place(g, s, contains) for s in system):
        return "partial_place"
    return "wrong_place"


def false_positive_kind(
    s: SystemChange,
    gold: Sequence[GoldChange],
    contains: Contains,
    report_kind: str,
    slack_days: int = SLACK_DAYS,
) -> str:
    """What a false positive is: a change read in a report that tells none (by
    the report's kind), or in a change report a wrong side, date or place."""
    if not gold:
        return f"non_change_report:{report_kind or 'unknown'}"
    same = [g for g in gold if g.geonames_id == s.geonames_id]
    if any(_in_window(g, s, slack_days) for g in same):
        return "missing_side" if s.actor is None and s.controller is None else "wrong_side"
    if same:
        return "wrong_date"
    if any(_partial_place(g, s, contains) for g in gold):
        return "partial_place"
    return "extra_place"


# -- reading -------------------------------------------------------------------


def system_changes(
    config: Config, reports: Sequence[Report]
) -> tuple[dict[str, list[SystemChange]], dict[str, str]]:
    """Ingest the reports into a scratch database: each report's territory events,
    and the reports that failed with their reason."""
    from sqlalchemy import select

    from sitrep.pipeline import ingest
    from sitrep.store import actors, articles, open_store
    from sitrep.views.queries import EventFilter, iter_events

    out: dict[str, list[SystemChange]] = {r.id: [] for r in reports}
    failed: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "world.jsonl"
        rows = [
            {
                "text": r.text,
                "title": r.title,
                "outlet": r.outlet,
                "published": r.published.isoformat(),
                "url": URL_PREFIX + r.id,
                "language": r.language,
            }
            for r in reports
        ]
        src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows), "utf-8")
        with open_store(str(Path(tmp) / "world.db")) as store:
            ingest([src], config=config, store=store, workers=1)
            with store.engine.connect() as conn:
                report_of = {
                    row[0]: str(row[1])[len(URL_PREFIX) :]
                    for row in conn.execute(select(articles.c.id, articles.c.url))
                    if row[1] and str(row[1]).startswith(URL_PREFIX)
                }
                for row in conn.execute(
                    select(articles.c.url, articles.c.error).where(articles.c.status == "failed")
                ):
                    failed[str(row[0])[len(URL_PREFIX) :]] = row[1] or "failed"
                controller = {
                    row[0]: row[1]
                    for row in conn.execute(select(actors.c.name, actors.c.controller))
                }
            for e in iter_events(store, EventFilter(statuses=list(KEPT_STATUSES))):
                if e["sub_event_type"] not in TERRITORY_SUB_TYPES or not e["place"]:
                    continue
                own = [m for m in e["mentions"] if not m["reference"]]
                for rid in asserting_reports(own, report_of, KEPT_STATUSES):
                    if rid not in out:
                        continue
                    evidence = next(m["evidence"] for m in own if report_of[m["article_id"]] == rid)
                    out[rid].append(
                        SystemChange(
                            report=rid,
                            geonames_id=e["place"]["geonames_id"],
                            date=date.fromisoformat(e["date"]) if e["date"] else None,
                            actor=e["actor1"],
                            controller=controller.get(e["actor1"]) if e["actor1"] else None,
                            status=e["status"],
                            place=e["place"]["name"],
                            sub_event_type=e["sub_event_type"],
                            evidence=evidence,
                        )
                    )
    return out, failed


# -- the evaluation --------------------------------------------------------------


def _gold_dict(g: GoldChange) -> dict[str, Any]:
    return {
        "report": g.report,
        "place": g.place,
        "geonames_id": g.geonames_id,
        "new_controller": g.new_controller,
        "date": g.date.isoformat(),
    }


def _sys_dict(s: SystemChange) -> dict[str, Any]:
    return {
        "report": s.report,
        "place": s.place,
        "geonames_id": s.geonames_id,
        "date": s.date.isoformat() if s.date else None,
        "actor1": s.actor,
        "controller": s.controller,
        "status": s.status,
        "sub_event_type": s.sub_event_type,
        "sentence": s.evidence,
    }


def _figures(prefix: str, sc: Scored, n_gold: int) -> dict[str, float]:
    p, r, f = prf(len(sc.tp), len(sc.fp), len(sc.fn))
    return {
        f"{prefix}_found": round(sc.found / n_gold, 4) if n_gold else 0.0,
        f"{prefix}_found_partial": round(sc.found_partial / n_gold, 4) if n_gold else 0.0,
        f"{prefix}_precision": round(p, 4),
        f"{prefix}_recall": round(r, 4),
        f"{prefix}_f1": round(f, 4),
    }


def changes_path(reports_path: Path) -> Path:
    """The gold changes file that goes with a reports file: the same folder and
    name with "reports" replaced by "changes" (``world_reports.jsonl`` ->
    ``world_changes.jsonl``, ``reports.jsonl`` -> ``changes.jsonl``)."""
    name = reports_path.name
    if "reports" not in name:
        raise DataError(
            f"{reports_path}: name the reports file *reports*.jsonl and put its gold "
            "changes beside it as *changes*.jsonl (the same name, 'reports' -> 'changes')"
        )
    return reports_path.with_name(name.replace("reports", "changes", 1))


def evaluate(
    config: Config,
    *,
    extractor: Extractor | None = None,
    report_ids: Iterable[str] | None = None,
    path: Path | None = None,
) -> EvalResult:
    """Read the gold reports with sitrep and score its control changes, dev and
    test apart. ``report_ids`` limits the run to some reports (for tests).

    ``path`` scores a set of the user's own instead of the shipped one: a reports
    file in the shipped format (see ``gold/WORLD_RULES.md``; an optional
    ``"language": "fa"`` per report) with its changes file beside it (see
    :func:`changes_path`); its figures are named by the splits it has
    (``dev_f1`` for reports of split "dev")."""
    reports_file = path or REPORTS
    changes_file = changes_path(path) if path is not None else CHANGES
    if path is not None and not changes_file.exists():
        raise DataError(
            f"{changes_file} is missing: the reports file {path} needs its gold "
            "changes beside it (one JSON object a line: report, place, geonames_id, "
            "country, new_controller, date; an empty file if it tells none)"
        )
    reports = load_reports(reports_file)
    changes = load_changes(changes_file)
    known_ids = {r.id for r in reports}
    orphans = sorted({c.report for c in changes} - known_ids)
    if path is not None and orphans:
        raise DataError(
            f"{changes_file}: changes of reports {', '.join(orphans[:5])} that "
            f"{reports_file} does not have; fix their report ids"
        )
    # the shipped set's splits are fixed (their figures are pinned); a user's set
    # has the splits it names, in the order they first appear
    splits = SPLITS if path is None else tuple(dict.fromkeys(r.split for r in reports))
    if report_ids is not None:
        wanted = set(report_ids)
        reports = [r for r in reports if r.id in wanted]
    ex = extractor or Extractor(config)
    gazetteer = ex.gazetteer

    def contains(outer: int, inner: int) -> bool:
        o, i = gazetteer.by_id(outer), gazetteer.by_id(inner)
        return o is not None and i is not None and gazetteer.contains(o, i)

    def known(gid: int) -> bool:
        return gazetteer.by_id(gid) is not None

    by_report, failed = system_changes(config, reports)
    per_split = {s: Scored() for s in splits}
    n_gold = Counter[str]()
    table: list[list[Any]] = [["split", "war", "reports", "gold", "found", "TP", "FP", "FN"]]
    per_war: dict[tuple[str, str], list[int]] = {}
    for r in reports:
        gold = [c for c in changes if c.report == r.id]
        sc = score_report(
            gold, by_report.get(r.id, []), contains=contains, known=known, report_kind=r.kind
        )
        per_split.setdefault(r.split, Scored()).extend(sc)
        n_gold[r.split] += len(gold)
        row = per_war.setdefault((r.split, r.war), [0, 0, 0, 0, 0, 0])
        for k, v in enumerate((1, len(gold), sc.found, len(sc.tp), len(sc.fp), len(sc.fn))):
            row[k] += v
    for (split, war), row in sorted(per_war.items()):
        table.append([split, war, *row])
    figures: dict[str, float] = {}
    errors: dict[str, Any] = {}
    for split in splits:
        sc = per_split[split]
        figures.update(_figures(split, sc, n_gold[split]))
        errors[split] = {
            "misses": dict(Counter(k for k, _ in sc.misses).most_common()),
            "false_positives": dict(Counter(k for k, _ in sc.false_positives).most_common()),
        }
        table.append(
            [
                split,
                "all",
                sum(1 for r in reports if r.split == split),
                n_gold[split],
                sc.found,
                len(sc.tp),
                len(sc.fp),
                len(sc.fn),
            ]
        )
    return EvalResult(
        name="world",
        figures=figures,
        corpus=corpus_hash(reports_file, changes_file),
        table=table,
        details={
            "errors": errors,
            "misses": {
                split: [{"kind": k, **_gold_dict(g)} for k, g in per_split[split].misses]
                for split in splits
            },
            "false_positives": {
                split: [{"kind": k, **_sys_dict(s)} for k, s in per_split[split].false_positives]
                for split in splits
            },
            "true_positives": {
                split: [
                    {"gold": _gold_dict(g), "system": _sys_dict(s)} for g, s in per_split[split].tp
                ]
                for split in splits
            },
            "duplicates": {
                split: [_sys_dict(s) for s in per_split[split].duplicates] for split in splits
            },
            "failures": failed,
            "counts": {
                split: {
                    "reports": sum(1 for r in reports if r.split == split),
                    "gold_changes": n_gold[split],
                }
                for split in splits
            },
        },
    )
