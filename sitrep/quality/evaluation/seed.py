"""The seed article, read as DESIGN.md says sitrep must read it.

Checks, each worth one point: exactly two reported events; for each, the
sub-event type, actors, place (GeoNames id and coordinates), date and the
outlet that reported it; no event at Bukamal; nothing dated 1916 or 2014
among reported events. The figure is the share of checks passed.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.quality.evaluation.common import EvalResult, corpus_hash, shared_root
from sitrep.store import open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

SEED = "seeds/000_cd10de37335e1fc1.txt"
DEIR_EZ_ZOR = 170794
AL_QAIM = 92138
BUKAMAL = 174448


def read_seed(config: Config, db_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Ingest the seed into a fresh database; (reported events, all events)."""
    seed = shared_root() / SEED
    with open_store(str(db_path)) as store:
        ingest(
            [seed],
            config=config,
            store=store,
            outlet="Tabnak",
            published=date(2017, 11, 4),
            workers=1,
        )
        reported = list(iter_events(store, EventFilter()))
        everything = list(iter_events(store, EventFilter(statuses=ALL_STATUSES)))
    return reported, everything


def _find(events: list[dict[str, Any]], predicate: Any) -> dict[str, Any] | None:
    return next((e for e in events if predicate(e)), None)


def evaluate(config: Config) -> EvalResult:
    """Run the seed checks."""
    seed = shared_root() / SEED
    with tempfile.TemporaryDirectory() as tmp:
        reported, everything = read_seed(config, Path(tmp) / "seed.db")
    checks: list[tuple[str, bool]] = [("exactly two reported events", len(reported) == 2)]

    syria = _find(reported, lambda e: e["place"] and e["place"]["geonames_id"] == DEIR_EZ_ZOR)
    iraq = _find(reported, lambda e: e["place"] and e["place"]["geonames_id"] == AL_QAIM)
    for label, ev, actor1, outlet in (
        ("Deir ez-Zor", syria, "Military Forces of Syria", "The Washington Post"),
        ("al-Qaim", iraq, "Military Forces of Iraq", "Press TV"),
    ):
        checks.append((f"{label}: event found", ev is not None))
        ev = ev or {}
        place = ev.get("place") or {}
        checks += [
            (
                f"{label}: Battles / Government regains territory",
                ev.get("event_type") == "Battles"
                and ev.get("sub_event_type") == "Government regains territory",
            ),
            (f"{label}: actor1 {actor1}", ev.get("actor1") == actor1),
            (f"{label}: actor2 ISIS", ev.get("actor2") == "ISIS"),
            (
                f"{label}: coordinates",
                place.get("lat") is not None and place.get("lon") is not None,
            ),
            (
                f"{label}: date 2017-11-03 (day)",
                ev.get("date") == "2017-11-03" and ev.get("date_precision") == "day",
            ),
            (f"{label}: reported by {outlet}", outlet in ev.get("sources", [])),
        ]
    if iraq:
        assoc = " ".join(a or "" for a in iraq["assoc_actors"]).lower()
        checks.append(
            (
                "al-Qaim: associated Popular Mobilization Forces and CTS",
                "popular mobilization" in assoc and "counter" in assoc,
            )
        )
    checks.append(
        (
            "no reported event at Bukamal",
            not any((e["place"] or {}).get("geonames_id") == BUKAMAL for e in reported),
        )
    )
    checks.append(
        ("no reported event before 2017", all((e["date"] or "9999") >= "2017" for e in reported))
    )
    bukamal = [e for e in everything if (e["place"] or {}).get("geonames_id") == BUKAMAL]
    checks.append(
        (
            "Bukamal battle read as expected",
            bool(bukamal) and all(e["status"] == "expected" for e in bukamal),
        )
    )
    background = [
        e
        for e in everything
        if e["status"] == "background" and e["place"] and e["place"]["geonames_id"] == DEIR_EZ_ZOR
    ]
    checks.append(
        (
            "ISIS held Deir ez-Zor since 2014 (background, year)",
            any(
                e["actor1"] == "ISIS"
                and (e["date"] or "").startswith("2014")
                and e["date_precision"] == "year"
                for e in background
            ),
        )
    )
    passed = sum(ok for _, ok in checks)
    return EvalResult(
        name="seed",
        figures={"checks_passed": round(passed / len(checks), 4)},
        corpus=corpus_hash(seed),
        table=[[name, "ok" if ok else "FAIL"] for name, ok in checks],
        details={"checks": dict(checks), "events": reported},
    )
