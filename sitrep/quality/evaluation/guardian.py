"""Territorial control changes read from Guardian articles, scored against our own gold.

The articles are full Guardian pieces about Syria, ISIS and the SDF, 2017-2019
(``shared/data/events/guardian/guardian_syria_2017_2019.csv``; Guardian
copyright, read at run time only). The gold is hand-annotated in
``gold/guardian_control.jsonl`` under the rules of ``gold/GUARDIAN_RULES.md``:
one record per control change an article reports as having happened, and one
``{"idx": N, "none": true}`` record per article that reports none, so the set
of articles is explicit.

Every gold article is read by :class:`~sitrep.read.en.extract.Extractor` (published on
the CSV date, outlet "The Guardian"). Its territory mentions (the three
territory sub-event types, status occurred or claimed, not references back)
become system changes ``(place id, new controller, date)``, deduplicated per
article; so do its recalled takeovers (status recalled: a takeover the article
dates in its own clause) when the article's own telling is recalled and the
change is at most ``history_days`` old (the gold's rule: older is history). A
system change matches a gold change when

- the places agree: the same GeoNames id, or the system place lies inside the
  gold place (the gold names a province only when the article names no town
  in the gazetteer, so any town of that province is a finer, not a wrong,
  reading; a system province for a gold town is not a match: it loses the
  place the article gave);
- the new controllers are equal (``ActorDictionary.controller_of(actor1)``);
- the system date lies within the gold date's window (day, Monday-based week,
  calendar month, calendar year) widened by ``SLACK_DAYS`` on both sides.

Matching is one-to-one per article. A system change that would match a gold
change already matched is a *duplicate* (the same change told twice with two
dates, which the merge stage fuses): it is listed in the details but counted
neither as a true nor as a false positive.

Figures: ``precision``, ``recall``, ``f1`` under that rule, and ``place_f1``,
the F1 of the same matching ignoring the controller (place and date only), to
show how many misses are controller errors rather than missed places; and
``clean_articles``, the share of articles with no false change (the measure that
still moves on a batch with almost no changes, where the other three stay 0).

The gold holds batches. The first batch (22 articles, records without a
``split`` field) gives those four figures, as it always did. A second batch of
30 articles carries ``"split": "g2_dev"`` or ``"g2_test"`` (alternating in idx
order) and gives ``g2_dev_*`` and ``g2_test_*`` figures of the same names. Each
batch is ingested into its own scratch database, so adding a batch never moves
another batch's figures through cross-article merging. A third batch of 48
articles (annotated blind, before sitrep read them) carries ``"split": "g3_dev"``
or ``"g3_test"`` (every third article in idx order is ``g3_test``) and gives
``g3_dev_*`` and ``g3_test_*``. A fourth batch of 30 articles (annotated blind in
session 23) carries ``"split": "g4_dev"`` or ``"g4_test"`` (alternating in idx order,
as the second) and gives ``g4_dev_*`` and ``g4_test_*``. ``g2_test``, ``g3_test`` and
``g4_test`` are held out: their
figures are reported (never pinned, see ``runner.HELD_OUT_INFIX``) and their
matches and misses are not listed, only counted.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.core.records import Precision, Status
from sitrep.quality.evaluation.common import (
    EvalResult,
    asserting_reports,
    corpus_hash,
    data_path,
    prf,
)
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES

GOLD = Path(__file__).with_name("gold") / "guardian_control.jsonl"
CSV_PARTS = ("events", "guardian", "guardian_syria_2017_2019.csv")
OUTLET = "The Guardian"
SLACK_DAYS = 2
KEPT_STATUSES = frozenset({Status.OCCURRED, Status.CLAIMED, Status.RECALLED})
# The first batch has no split field; the second, third and fourth are split into dev
# and held-out test.
FIRST_BATCH = ""
SPLITS = ("g2_dev", "g2_test", "g3_dev", "g3_test", "g4_dev", "g4_test")
HELD_OUT = frozenset({"g2_test", "g3_test", "g4_test"})

# (outer place id, inner place id) -> whether inner lies in outer
Contains = Callable[[int, int], bool]


@dataclass(frozen=True)
class GoldChange:
    """One hand-annotated control change."""

    idx: int
    place: str
    geonames_id: int
    new_controller: str
    date: date
    precision: Precision
    previous_controller: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Gold:
    """The gold: the article set and its changes."""

    articles: tuple[int, ...]
    changes: tuple[GoldChange, ...]
    # idx -> its batch split (FIRST_BATCH or one of SPLITS); absent means FIRST_BATCH
    splits: Mapping[int, str] = field(default_factory=dict)

    def for_article(self, idx: int) -> list[GoldChange]:
        return [c for c in self.changes if c.idx == idx]

    def split_of(self, idx: int) -> str:
        return self.splits.get(idx, FIRST_BATCH)

    def subset(self, split: str) -> Gold:
        """The articles (and their changes) of one split."""
        articles = tuple(i for i in self.articles if self.split_of(i) == split)
        keep = set(articles)
        return Gold(
            articles,
            tuple(c for c in self.changes if c.idx in keep),
            {i: split for i in articles},
        )


@dataclass(frozen=True)
class SystemChange:
    """A control change as sitrep read it from one article."""

    idx: int
    geonames_id: int | None
    controller: str | None
    date: date | None
    precision: Precision | None = None
    place: str = ""
    sub_event_type: str = ""
    status: str = ""
    evidence: str = ""


@dataclass
class MatchResult:
    """One article's (or several articles') matching outcome."""

    tp: list[tuple[GoldChange, SystemChange]] = field(default_factory=list)
    fp: list[SystemChange] = field(default_factory=list)
    fn: list[GoldChange] = field(default_factory=list)
    duplicates: list[SystemChange] = field(default_factory=list)

    def extend(self, other: MatchResult) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.duplicates += other.duplicates


# -- gold --------------------------------------------------------------------


def _month_end(d: date) -> date:
    nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def gold_window(change: GoldChange, *, slack_days: int = SLACK_DAYS) -> tuple[date, date]:
    """First and last day a system date may fall on to match ``change``."""
    d = change.date
    if change.precision is Precision.DAY:
        first, last = d, d
    elif change.precision is Precision.WEEK:
        first, last = d, d + timedelta(days=6)
    elif change.precision is Precision.MONTH:
        first, last = d.replace(day=1), _month_end(d)
    else:
        first, last = date(d.year, 1, 1), date(d.year, 12, 31)
    slack = timedelta(days=slack_days)
    return first - slack, last + slack


def _parse_line(line: str, lineno: int, path: Path) -> dict[str, Any]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{lineno}: not valid JSON ({exc.msg}); fix the line") from exc
    if not isinstance(rec, dict) or not isinstance(rec.get("idx"), int):
        raise DataError(f"{path}:{lineno}: each line needs an integer 'idx'")
    return rec


def load_gold(path: Path = GOLD) -> Gold:
    """Read the gold file (raises DataError naming the line that is malformed)."""
    if not path.exists():
        raise DataError(f"gold file {path} is missing; it ships with sitrep")
    articles: list[int] = []
    changes: list[GoldChange] = []
    splits: dict[int, str] = {}
    for lineno, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        rec = _parse_line(line, lineno, path)
        idx = rec["idx"]
        split = rec.get("split", FIRST_BATCH)
        if split != FIRST_BATCH and split not in SPLITS:
            raise DataError(f"{path}:{lineno}: unknown split {split!r}; one of {SPLITS}")
        if splits.setdefault(idx, split) != split:
            raise DataError(f"{path}:{lineno}: article {idx} is in two splits; keep one")
        if idx not in articles:
            articles.append(idx)
        if rec.get("none"):
            continue
        try:
            changes.append(
                GoldChange(
                    idx=idx,
                    place=str(rec["place"]),
                    geonames_id=int(rec["geonames_id"]),
                    new_controller=str(rec["new_controller"]),
                    date=date.fromisoformat(rec["date"]),
                    precision=Precision(rec["date_precision"]),
                    previous_controller=rec.get("previous_controller"),
                    note=str(rec.get("note", "")),
                )
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(
                f"{path}:{lineno}: a change needs place, geonames_id, new_controller, "
                f"date (YYYY-MM-DD) and date_precision (day/week/month/year): {exc}"
            ) from exc
    return Gold(tuple(articles), tuple(changes), splits)


# -- matching ----------------------------------------------------------------


def _same_place(gold: GoldChange, sys_change: SystemChange, contains: Contains) -> bool:
    if sys_change.geonames_id is None:
        return False
    if sys_change.geonames_id == gold.geonames_id:
        return True
    return contains(gold.geonames_id, sys_change.geonames_id)


def matches(
    gold: GoldChange,
    sys_change: SystemChange,
    *,
    contains: Contains,
    use_controller: bool = True,
    slack_days: int = SLACK_DAYS,
) -> bool:
    """Whether a system change counts as the gold change (see the module docstring)."""
    if sys_change.date is None or not _same_place(gold, sys_change, contains):
        return False
    if use_controller and sys_change.controller != gold.new_controller:
        return False
    first, last = gold_window(gold, slack_days=slack_days)
    return first <= sys_change.date <= last


def _quality(gold: GoldChange, sys_change: SystemChange) -> tuple[int, int]:
    """Lower is better: exact place first, then the closest date."""
    exact = 0 if sys_change.geonames_id == gold.geonames_id else 1
    days = abs((sys_change.date - gold.date).days) if sys_change.date else 10**6
    return exact, days


def match_article(
    gold: Sequence[GoldChange],
    system: Sequence[SystemChange],
    *,
    contains: Contains,
    use_controller: bool = True,
    slack_days: int = SLACK_DAYS,
) -> MatchResult:
    """One-to-one matching of one article's gold and system changes."""

    def ok(g: GoldChange, s: SystemChange) -> bool:
        return matches(
            g, s, contains=contains, use_controller=use_controller, slack_days=slack_days
        )

    result = MatchResult()
    used: set[int] = set()
    for g in gold:
        candidates = [(i, s) for i, s in enumerate(system) if i not in used and ok(g, s)]
        if not candidates:
            result.fn.append(g)
            continue
        i, s = min(candidates, key=lambda c: _quality(g, c[1]))
        used.add(i)
        result.tp.append((g, s))
    for i, s in enumerate(system):
        if i in used:
            continue
        if any(ok(g, s) for g in gold):
            result.duplicates.append(s)
        else:
            result.fp.append(s)
    return result


# -- reading -----------------------------------------------------------------


def read_articles(path: Path, wanted: Iterable[int]) -> dict[int, tuple[date, str]]:
    """``idx -> (published, text)`` for the wanted rows of the Guardian CSV."""
    wanted_set = set(wanted)
    csv.field_size_limit(sys.maxsize)
    found: dict[int, tuple[date, str]] = {}
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if not header or len(header) < 3:
            raise DataError(f"{path}: expected columns idx, date, text, source")
        for row in reader:
            try:
                idx = int(row[0])
            except (ValueError, IndexError):
                continue
            if idx in wanted_set:
                found[idx] = (date.fromisoformat(row[1]), row[2])
    missing = wanted_set - set(found)
    if missing:
        raise DataError(
            f"{path}: gold articles {sorted(missing)} are not in the CSV; "
            "the corpus changed, re-check the gold"
        )
    return found


def _events_by_article(
    config: Config, wanted: Iterable[int], texts: dict[int, tuple[date, str]]
) -> dict[int, list[SystemChange] | str]:
    """Ingest the articles into a scratch database; each article's territory events.

    A value is the list of the article's system changes, or the reason the
    article could not be read.
    """
    import json as _json
    import tempfile

    from sqlalchemy import select

    from sitrep.pipeline import ingest
    from sitrep.store import actors, articles, open_store
    from sitrep.views.queries import EventFilter, iter_events

    out: dict[int, list[SystemChange] | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "guardian.jsonl"
        rows = [
            {
                "text": texts[i][1],
                "outlet": OUTLET,
                "published": texts[i][0].isoformat(),
                "url": f"guardian:{i}",
            }
            for i in wanted
        ]
        src.write_text("".join(_json.dumps(r) + "\n" for r in rows), "utf-8")
        with open_store(str(Path(tmp) / "guardian.db")) as store:
            ingest([src], config=config, store=store, workers=1)
            with store.engine.connect() as conn:
                article_idx = {
                    r[0]: int(str(r[1]).split(":")[1])
                    for r in conn.execute(select(articles.c.id, articles.c.url))
                }
                failed = {
                    int(str(r[1]).split(":")[1]): r[2] or "failed"
                    for r in conn.execute(
                        select(articles.c.id, articles.c.url, articles.c.error).where(
                            articles.c.status == "failed"
                        )
                    )
                }
                controller = {
                    r[0]: r[1] for r in conn.execute(select(actors.c.name, actors.c.controller))
                }
            f = EventFilter(statuses=sorted(s.value for s in KEPT_STATUSES))
            for e in iter_events(store, f):
                if e["sub_event_type"] not in TERRITORY_SUB_TYPES or not e["place"]:
                    continue
                own = [m for m in e["mentions"] if not m["reference"]]
                if e["status"] == Status.RECALLED:
                    own = [m for m in own if _recalled_within(m, e, config, texts, article_idx)]
                for idx in asserting_reports(own, article_idx, KEPT_STATUSES):
                    evidence = next(
                        m["evidence"] for m in own if article_idx[m["article_id"]] == idx
                    )
                    changes = out.setdefault(idx, [])
                    assert isinstance(changes, list)
                    changes.append(
                        SystemChange(
                            idx=idx,
                            geonames_id=e["place"]["geonames_id"],
                            controller=controller.get(e["actor1"]) if e["actor1"] else None,
                            date=date.fromisoformat(e["date"]) if e["date"] else None,
                            precision=Precision(e["date_precision"])
                            if e["date_precision"]
                            else None,
                            place=e["place"]["name"],
                            sub_event_type=e["sub_event_type"],
                            status=e["status"],
                            evidence=evidence,
                        )
                    )
    for idx, reason in failed.items():
        out[idx] = reason
    return out


def _recalled_within(
    mention: Mapping[str, Any],
    event: Mapping[str, Any],
    config: Config,
    texts: Mapping[int, tuple[date, str]],
    article_idx: Mapping[str, int],
) -> bool:
    """Whether an article's telling of a recalled event counts as its change: the
    article itself dates the recollection (its mention is recalled, not an undated
    background telling merged with another's), and the change is not history under
    the gold's rules (at most ``history_days`` before the article)."""
    if mention["status"] != Status.RECALLED or not event["date"]:
        return False
    published = texts[article_idx[mention["article_id"]]][0]
    age = (published - date.fromisoformat(event["date"])).days
    return age <= config.history_days


def _gold_dict(g: GoldChange) -> dict[str, Any]:
    return {
        "idx": g.idx,
        "place": g.place,
        "geonames_id": g.geonames_id,
        "new_controller": g.new_controller,
        "date": g.date.isoformat(),
        "date_precision": str(g.precision),
        "note": g.note,
    }


def _sys_dict(s: SystemChange) -> dict[str, Any]:
    return {
        "idx": s.idx,
        "place": s.place,
        "geonames_id": s.geonames_id,
        "new_controller": s.controller,
        "date": s.date.isoformat() if s.date else None,
        "date_precision": str(s.precision) if s.precision else None,
        "sub_event_type": s.sub_event_type,
        "status": s.status,
        "sentence": s.evidence,
    }


@dataclass
class SplitScore:
    """One split's matching over its articles, with the per-article table rows."""

    strict: MatchResult = field(default_factory=MatchResult)
    loose: MatchResult = field(default_factory=MatchResult)
    failures: dict[int, str] = field(default_factory=dict)
    rows: list[list[Any]] = field(default_factory=list)
    # false changes per article, in the order of ``rows``
    false_per_article: list[int] = field(default_factory=list)

    def figures(self, prefix: str = "") -> dict[str, float]:
        precision, recall, f1 = prf(len(self.strict.tp), len(self.strict.fp), len(self.strict.fn))
        _, _, place_f1 = prf(len(self.loose.tp), len(self.loose.fp), len(self.loose.fn))
        # A split with few or no changes (g3) scores 0 whatever the reader does; the
        # share of its articles with no false change still measures precision there.
        n = len(self.false_per_article)
        clean = sum(1 for k in self.false_per_article if k == 0) / n if n else 0.0
        return {
            f"{prefix}precision": round(precision, 4),
            f"{prefix}recall": round(recall, 4),
            f"{prefix}f1": round(f1, 4),
            f"{prefix}place_f1": round(place_f1, 4),
            f"{prefix}clean_articles": round(clean, 4),
        }

    def total_row(self, label: str, n_gold: int) -> list[Any]:
        return [
            label,
            "",
            n_gold,
            "",
            len(self.strict.tp),
            len(self.strict.fp),
            len(self.strict.fn),
            len(self.strict.duplicates),
            len(self.loose.tp),
        ]

    def details(self) -> dict[str, Any]:
        return {
            "true_positives": [
                {"gold": _gold_dict(g), "system": _sys_dict(s)} for g, s in self.strict.tp
            ],
            "false_positives": [_sys_dict(s) for s in self.strict.fp],
            "false_negatives": [_gold_dict(g) for g in self.strict.fn],
            "duplicates": [_sys_dict(s) for s in self.strict.duplicates],
            "place_only": self.place_counts(),
            "failures": self.failures,
        }

    def place_counts(self) -> dict[str, int]:
        return {"tp": len(self.loose.tp), "fp": len(self.loose.fp), "fn": len(self.loose.fn)}

    def counts(self) -> dict[str, Any]:
        """Only the numbers (a held-out split lists no matches or misses)."""
        return {
            "tp": len(self.strict.tp),
            "fp": len(self.strict.fp),
            "fn": len(self.strict.fn),
            "duplicates": len(self.strict.duplicates),
            "place_only": self.place_counts(),
            "failures": len(self.failures),
        }


def score_split(
    config: Config, gold: Gold, texts: dict[int, tuple[date, str]], contains: Contains
) -> SplitScore:
    """Ingest one split's articles together (nothing else) and match them to its gold."""
    out = SplitScore()
    by_article = _events_by_article(config, gold.articles, texts)
    for idx in gold.articles:
        published, _text = texts[idx]
        found = by_article.get(idx)
        system: list[SystemChange] = []
        if isinstance(found, str):
            out.failures[idx] = found
        elif found:
            system = list(found)
        gold_here = gold.for_article(idx)
        s = match_article(gold_here, system, contains=contains)
        p = match_article(gold_here, system, contains=contains, use_controller=False)
        out.strict.extend(s)
        out.loose.extend(p)
        out.false_per_article.append(len(s.fp))
        out.rows.append(
            [
                idx,
                published.isoformat(),
                len(gold_here),
                len(system),
                len(s.tp),
                len(s.fp),
                len(s.fn),
                len(s.duplicates),
                len(p.tp),
            ]
        )
    return out


def evaluate(config: Config, *, extractor: Extractor | None = None) -> EvalResult:
    """Read the gold articles with sitrep and score its control changes, per batch split."""
    gold = load_gold()
    csv_path = data_path(*CSV_PARTS)
    texts = read_articles(csv_path, gold.articles)
    ex = extractor or Extractor(config)
    gazetteer = ex.gazetteer

    def contains(outer: int, inner: int) -> bool:
        o, i = gazetteer.by_id(outer), gazetteer.by_id(inner)
        return o is not None and i is not None and gazetteer.contains(o, i)

    table: list[list[Any]] = [["idx", "date", "gold", "sys", "TP", "FP", "FN", "dup", "place_TP"]]
    # The product is events, not mentions: ingest each split's articles through the
    # real pipeline (merging included) and score, per article, the events it reports.
    first = gold.subset(FIRST_BATCH)
    score = score_split(config, first, texts, contains)
    figures = score.figures()
    table += score.rows
    table += [[idx, "extractor failed:", reason] for idx, reason in score.failures.items()]
    table.append(score.total_row("all", len(first.changes)))
    details: dict[str, Any] = score.details()
    for split in SPLITS:
        part = gold.subset(split)
        if not part.articles:
            continue
        split_score = score_split(config, part, texts, contains)
        figures.update(split_score.figures(f"{split}_"))
        if split in HELD_OUT:
            details[split] = split_score.counts()
        else:
            table += split_score.rows
            details[split] = split_score.details()
        table.append(split_score.total_row(f"{split} all", len(part.changes)))
    return EvalResult(
        name="guardian",
        figures=figures,
        corpus=corpus_hash(csv_path, GOLD),
        table=table,
        details=details,
    )
