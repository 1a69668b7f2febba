"""The Persian reader against a gold set of Persian reports, and the Persian seed.

Gold: ``gold/persian_events.jsonl`` (sentences and short reports written for
sitrep; annotation rules in ``gold/PERSIAN_RULES.md``). Each report is read on
its own into a fresh in-memory store and merged there, so a report's events
are what the merger makes of its mentions, as in real use. A gold event and a
read event match when the sub-event type, the status and the GeoNames place are
equal and the gold date falls within the read date's window (its precision,
plus a day either side); gold dates left null match any date.

Figures:

- ``event_precision`` / ``event_recall`` / ``event_f1`` over all statuses;
- ``actor_accuracy``: matched events whose actor 1 and actor 2 both equal the
  gold ones (null = no actor);
- ``date_accuracy``: matched events whose date equals the gold date;
- ``seed_same_events``: 1 when the Persian seed (``sitrep/demo/seed_fa.txt``)
  yields the same reported events as the English seed (sub-event type, place,
  date, actor 1, actor 2), else 0;
- ``seed_cross_lingual``: 1 when both seeds ingested together give two
  reported events, each with mentions from both the Persian and the English
  article, else 0.

Control changes from many wars (``fa_world_*``): 358 Persian and Dari
reports written for sitrep in the manner of Iranian and Afghan outlets
(``gold/persian_world_reports.jsonl``, the changes they tell in
``gold/persian_world_changes.jsonl``, rules in ``gold/PERSIAN_WORLD_RULES.md``),
scored exactly as ``sitrep eval world`` scores its English reports
(:func:`sitrep.quality.evaluation.world.score_report`: place, date within two
days and gaining side). Each report's headline is its first line, as on the
outlets' pages. A third (``"split": "test"``) is held out:
``fa_world_test_*`` is reported, never pinned or tuned on;
``fa_world_dev_*`` is the development split. A second batch (fa-119 on, written
after the reader had been tuned on the first, ``"split": "b2_dev"`` or
``"b2_test"``) is scored apart as ``fa_b2_dev_*`` and ``fa_b2_test_*`` so that
neither batch's figures change meaning; ``fa_b2_test_*`` is held out like
``fa_world_test_*`` (``--pin`` skips every ``*_test_*`` figure). A third batch
(fa-150 on, mostly wars beyond Afghanistan, ``"b3_dev"`` / ``"b3_test"``) is
scored the same way as ``fa_b3_dev_*`` and ``fa_b3_test_*``, a fourth
(fa-180 on, ``"b4_dev"`` / ``"b4_test"``) as ``fa_b4_dev_*`` and ``fa_b4_test_*``,
a fifth (fa-210 on, ``"b5_dev"`` / ``"b5_test"``) as ``fa_b5_dev_*`` and
``fa_b5_test_*``, a sixth (fa-240 on, ``"b6_dev"`` / ``"b6_test"``) as
``fa_b6_dev_*`` and ``fa_b6_test_*``, a seventh (fa-270 on, ``"b7_dev"`` /
``"b7_test"``) as ``fa_b7_dev_*`` and ``fa_b7_test_*``, an eighth (fa-300 on,
``"b8_dev"`` / ``"b8_test"``, halved by ``n % 2 == 1``) as ``fa_b8_dev_*`` and
``fa_b8_test_*``, a ninth of long reports (fa-324 on, ``"b9_dev"`` /
``"b9_test"``, halved the same way) as ``fa_b9_dev_*`` and ``fa_b9_test_*``,
and a tenth of long reports (fa-344 on, ``"b10_dev"`` / ``"b10_test"``, halved
the same way) as ``fa_b10_dev_*`` and ``fa_b10_test_*``.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import select

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.core.records import Article
from sitrep.core.resources import load_actors
from sitrep.pipeline import ingest, merge_pending
from sitrep.quality.evaluation import world
from sitrep.quality.evaluation.common import EvalResult, corpus_hash, prf, shared_root
from sitrep.quality.evaluation.seed import SEED
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES
from sitrep.store import articles, open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

GOLD = "quality/evaluation/gold/persian_events.jsonl"
WORLD_REPORTS = "quality/evaluation/gold/persian_world_reports.jsonl"
WORLD_CHANGES = "quality/evaluation/gold/persian_world_changes.jsonl"
SEED_FA = "demo/seed_fa.txt"
PUBLISHED = date(2017, 11, 4)


def _package_file(name: str) -> Path:
    return Path(str(resources.files("sitrep").joinpath(name)))


def load_gold(path: Path | None = None) -> list[dict[str, Any]]:
    """The gold reports, one dict per line (raises DataError naming a bad line)."""
    path = path or _package_file(GOLD)
    items = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError as exc:
            raise DataError(f"{path}:{n} is not valid JSON ({exc}); fix that line") from exc
    return items


def read_report(extractor: Extractor, item: dict[str, Any], db_path: Path) -> list[dict[str, Any]]:
    """One gold report read and merged in a fresh store: its events (all statuses)."""
    article = Article.make(
        item["text"],
        language="fa",
        outlet=item.get("outlet"),
        published_at=date.fromisoformat(item["published"]) if item.get("published") else None,
        origin=item["id"],
    )
    controller_of = load_actors(extractor.config).controller_of
    with open_store(str(db_path)) as store:
        store.save_reading(extractor.read(article), controller_of=controller_of)
        merge_pending(store)
        return list(iter_events(store, EventFilter(statuses=ALL_STATUSES)))


def _window(value: str | None, precision: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    d = date.fromisoformat(value)
    if precision == "week":
        return d, d + timedelta(days=6)
    if precision == "month":
        nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        return d.replace(day=1), nxt - timedelta(days=1)
    if precision == "year":
        return d.replace(month=1, day=1), d.replace(month=12, day=31)
    return d, d


def matches(gold: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether a read event is the gold event (type, status, place, date window)."""
    place = (event.get("place") or {}).get("geonames_id")
    if (
        event["sub_event_type"] != gold["sub_event_type"]
        or event["status"] != gold["status"]
        or place != gold["place"]
    ):
        return False
    if not gold.get("date"):
        return True
    window = _window(event.get("date"), event.get("date_precision"))
    if window is None:
        return False
    g = date.fromisoformat(gold["date"])
    return window[0] - timedelta(days=1) <= g <= window[1] + timedelta(days=1)


def _actor_ids(event: dict[str, Any], names: dict[str, str]) -> tuple[str | None, str | None]:
    return names.get(event.get("actor1") or ""), names.get(event.get("actor2") or "")


def score(
    gold_items: list[dict[str, Any]], read: dict[str, list[dict[str, Any]]], names: dict[str, str]
) -> tuple[dict[str, float], list[list[Any]]]:
    """Figures and a per-report table from gold reports and the events read for each."""
    tp = fp = fn = actor_ok = date_ok = dated = 0
    table: list[list[Any]] = []
    for item in gold_items:
        events = list(read.get(item["id"], []))
        found = 0
        for g in item["events"]:
            hit = next((e for e in events if matches(g, e)), None)
            if hit is None:
                fn += 1
                continue
            events.remove(hit)
            tp += 1
            found += 1
            if _actor_ids(hit, names) == (g.get("actor1"), g.get("actor2")):
                actor_ok += 1
            if g.get("date"):
                dated += 1
                date_ok += hit.get("date") == g["date"]
        fp += len(events)
        table.append([item["id"], len(item["events"]), found, len(events)])
    p, r, f = prf(tp, fp, fn)
    figures = {
        "event_precision": round(p, 4),
        "event_recall": round(r, 4),
        "event_f1": round(f, 4),
        "actor_accuracy": round(actor_ok / tp, 4) if tp else 0.0,
        "date_accuracy": round(date_ok / dated, 4) if dated else 0.0,
    }
    return figures, table


def _seed_events(
    config: Config, paths: list[Path], db_path: Path
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    with open_store(str(db_path)) as store:
        ingest(paths, config=config, store=store, outlet="Tabnak", published=PUBLISHED, workers=1)
        with store.engine.connect() as conn:
            language = {
                r[0]: r[1] for r in conn.execute(select(articles.c.id, articles.c.language))
            }
        return list(iter_events(store, EventFilter())), language


def _signature(events: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {
        (
            e["sub_event_type"],
            (e.get("place") or {}).get("geonames_id"),
            e.get("date"),
            e.get("actor1"),
            e.get("actor2"),
        )
        for e in events
    }


def seed_checks(config: Config, tmp: Path) -> dict[str, Any]:
    """The two seed checks (see the module doc), with the events behind them."""
    english = shared_root() / SEED
    persian = _package_file(SEED_FA)
    fa_events, _ = _seed_events(config, [persian], tmp / "seed_fa.db")
    en_events, _ = _seed_events(config, [english], tmp / "seed_en.db")
    both, language = _seed_events(config, [persian, english], tmp / "seed_both.db")
    cross = len(both) == 2 and all(
        {language[m["article_id"]] for m in e["mentions"]} >= {"fa", "en"} for e in both
    )
    return {
        "same": _signature(fa_events) == _signature(en_events) and len(fa_events) == 2,
        "cross": cross,
        "persian": sorted(map(str, _signature(fa_events))),
        "english": sorted(map(str, _signature(en_events))),
        "together": [
            {
                "place": (e.get("place") or {}).get("name"),
                "sources": e.get("sources"),
                "languages": sorted({language[m["article_id"]] for m in e["mentions"]}),
            }
            for e in both
        ],
    }


def world_changes(
    config: Config, reports: list[world.Report]
) -> dict[str, list[world.SystemChange]]:
    """Each Persian world report read on its own (headline as first line) into a
    fresh store and merged there: its territory events of status occurred or claimed."""
    extractor = Extractor(config)
    catalogue = load_actors(config)
    controller_of = catalogue.controller_of
    holder = {a.name: controller_of(a) for a in catalogue}
    out: dict[str, list[world.SystemChange]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in reports:
            article = Article.make(
                f"{r.title}\n{r.text}" if r.title else r.text,
                language="fa",
                outlet=r.outlet,
                published_at=r.published,
                origin=r.id,
            )
            with open_store(str(Path(tmp) / f"{r.id}.db")) as store:
                store.save_reading(extractor.read(article), controller_of=controller_of)
                merge_pending(store)
                events = list(iter_events(store, EventFilter(statuses=list(world.KEPT_STATUSES))))
            out[r.id] = [
                world.SystemChange(
                    report=r.id,
                    geonames_id=e["place"]["geonames_id"],
                    date=date.fromisoformat(e["date"]) if e["date"] else None,
                    actor=e["actor1"],
                    controller=holder.get(e["actor1"]) if e["actor1"] else None,
                    status=e["status"],
                    place=e["place"]["name"],
                    sub_event_type=e["sub_event_type"],
                    evidence=e["mentions"][0]["evidence"] if e["mentions"] else "",
                )
                for e in events
                if e["sub_event_type"] in TERRITORY_SUB_TYPES and e["place"]
            ]
    return out


def _world_figures(prefix: str, sc: world.Scored, n_gold: int) -> dict[str, float]:
    p, r, f = prf(len(sc.tp), len(sc.fp), len(sc.fn))
    return {
        f"{prefix}_found": round(sc.found / n_gold, 4) if n_gold else 0.0,
        f"{prefix}_precision": round(p, 4),
        f"{prefix}_recall": round(r, 4),
        f"{prefix}_f1": round(f, 4),
    }


def world_prefix(split: str) -> str:
    """The figures' prefix of a split: ``fa_world_dev`` for the first batch's
    splits, ``fa_b2_dev`` for a later batch's ``b2_dev``."""
    return f"fa_world_{split}" if split in ("dev", "test") else f"fa_{split}"


def world_figures(config: Config) -> tuple[dict[str, float], dict[str, Any], list[list[Any]]]:
    """``fa_world_{dev,test}_*`` and the later batches' ``fa_b{2,...,9}_{dev,test}_*``
    figures, their misses and false positives, and a table."""
    reports = world.load_reports(_package_file(WORLD_REPORTS))
    changes = world.load_changes(_package_file(WORLD_CHANGES))
    gazetteer = Extractor(config).gazetteer

    def contains(outer: int, inner: int) -> bool:
        o, i = gazetteer.by_id(outer), gazetteer.by_id(inner)
        return o is not None and i is not None and gazetteer.contains(o, i)

    def known(gid: int) -> bool:
        return gazetteer.by_id(gid) is not None

    by_report = world_changes(config, reports)
    per_split = {s: world.Scored() for s in world.SPLITS}
    n_gold = {s: 0 for s in world.SPLITS}
    for r in reports:
        gold = [c for c in changes if c.report == r.id]
        per_split[r.split].extend(
            world.score_report(
                gold, by_report.get(r.id, []), contains=contains, known=known, report_kind=r.kind
            )
        )
        n_gold[r.split] += len(gold)
    figures: dict[str, float] = {}
    details: dict[str, Any] = {}
    table: list[list[Any]] = []
    # only the splits the Persian set has (the English set's later batches have no
    # Persian part: no empty figures)
    present = {r.split for r in reports}
    for split in (s for s in world.SPLITS if s in present):
        sc = per_split[split]
        figures.update(_world_figures(world_prefix(split), sc, n_gold[split]))
        details[split] = {
            "misses": [{"kind": k, "report": g.report, "place": g.place} for k, g in sc.misses],
            "false_positives": [
                {"kind": k, "report": s.report, "place": s.place, "date": str(s.date)}
                for k, s in sc.false_positives
            ],
        }
        table.append(
            [world_prefix(split), n_gold[split], sc.found, f"TP {len(sc.tp)} FP {len(sc.fp)}"]
        )
    return figures, details, table


def evaluate(config: Config) -> EvalResult:
    """Read the Persian gold set and the Persian seed; see the module doc."""
    gold_path = _package_file(GOLD)
    items = load_gold(gold_path)
    extractor = Extractor(config)
    names = {a.name: a.id for a in load_actors(config)}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        read = {
            item["id"]: read_report(extractor, item, tmp / f"{item['id']}.db") for item in items
        }
        seeds = seed_checks(config, tmp)
    figures, table = score(items, read, names)
    figures["seed_same_events"] = 1.0 if seeds["same"] else 0.0
    figures["seed_cross_lingual"] = 1.0 if seeds["cross"] else 0.0
    table.append(["seed: same two events as English", "", "ok" if seeds["same"] else "FAIL", ""])
    table.append(["seed: fa + en merge", "", "ok" if seeds["cross"] else "FAIL", ""])
    w_figures, w_details, w_table = world_figures(config)
    figures.update(w_figures)
    table.extend(w_table)
    return EvalResult(
        name="persian",
        figures=figures,
        # the pinned hash covers the gold events and the seeds; the world set has its own
        corpus=corpus_hash(gold_path, _package_file(SEED_FA), shared_root() / SEED),
        table=[["report", "gold", "found", "extra"], *table],
        details={
            "seeds": seeds,
            "fa_world": w_details,
            "fa_world_corpus": corpus_hash(
                _package_file(WORLD_REPORTS), _package_file(WORLD_CHANGES)
            ),
            "events": {
                k: [
                    {
                        "sub_event_type": e["sub_event_type"],
                        "status": e["status"],
                        "actor1": e.get("actor1"),
                        "actor2": e.get("actor2"),
                        "place": (e.get("place") or {}).get("geonames_id"),
                        "date": e.get("date"),
                    }
                    for e in v
                ]
                for k, v in read.items()
            },
        },
    )
