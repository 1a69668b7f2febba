"""sitrep.Sitrep, the one public API: records, the one place resolver, and every operation."""

from __future__ import annotations

import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import LookupFailed, StoreError
from sitrep.core.records import Event, Report

ABU_KAMAL = 174448
REPORTS = [
    ("Wire One", "2017-11-09", "Syrian government forces captured Abu Kamal from ISIS on "
     "Wednesday, the army said."),
    ("Wire Two", "2017-11-09", "The Syrian army retook Albu Kamal from Islamic State fighters "
     "on Wednesday, state television reported."),
    ("Wire Three", "2017-11-18", "Iraqi forces recaptured the town of Rawa from ISIS on "
     "Friday, the army said."),
]  # fmt: skip
# the keys of an event item, in order: the JSON contract of `sitrep events --json`
EVENT_KEYS = [
    "id", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actors", "place", "date",
    "date_precision", "status", "fatalities", "confidence", "sources", "n_sources",
    "n_independent_sources", "agreements", "disagreements", "mentions",
]  # fmt: skip


@pytest.fixture(scope="module")
def db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    from sitrep import Sitrep

    folder = tmp_path_factory.mktemp("sitrep-api")
    src = folder / "reports.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"outlet": o, "published": p, "language": "en", "text": t})
            for o, p, t in REPORTS
        ),
        "utf-8",
    )
    path = str(folder / "api.db")
    with Sitrep(app_config, db=path) as s:
        summary = s.ingest([src], workers=1)
    assert summary.failed == 0
    return path


@pytest.fixture()
def api(app_config: Config, db: str):  # type: ignore[no-untyped-def]
    from sitrep import Sitrep

    with Sitrep(app_config, db=db, readonly=True) as s:
        yield s


def test_sitrep_is_exported_lazily() -> None:
    import sitrep
    from sitrep.api import Sitrep

    assert sitrep.Sitrep is Sitrep
    assert "Sitrep" in sitrep.__all__


def test_events_are_frozen_records_whose_dicts_are_the_json_items(api) -> None:  # type: ignore[no-untyped-def]
    from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

    records = list(api.events(statuses=ALL_STATUSES))
    assert records and all(isinstance(e, Event) for e in records)
    assert all(isinstance(m, Report) for e in records for m in e.mentions)
    items = list(iter_events(api.store, EventFilter(statuses=ALL_STATUSES)))
    assert [e.to_dict() for e in records] == items
    assert list(items[0]) == EVENT_KEYS
    # built the fast way (fast_record), they are whole: every field set, as __init__ would
    for e in records:
        assert dataclasses.replace(e) == e
        assert all(dataclasses.replace(m) == m for m in e.mentions)
        assert e.place is None or dataclasses.replace(e.place) == e.place
    with pytest.raises(dataclasses.FrozenInstanceError):
        records[0].status = "denied"  # type: ignore[misc]
    # one event, by id or prefix, is the same record
    first = records[0]
    assert api.event(first.id) == first
    assert api.event(first.id[:8].upper()) == first
    with pytest.raises(LookupFailed):
        api.event("0000000000")


def test_one_place_resolver_for_every_operation(api) -> None:  # type: ignore[no-untyped-def]
    for name in ("Abu Kamal", "Albu Kamal", "البوکمال", str(ABU_KAMAL)):
        assert api.resolve_place(name)[0] == ABU_KAMAL, name
        assert api.search_places(name)[0]["geonames_id"] == ABU_KAMAL, name
        events = list(api.events(place=name))
        assert events and {e.place.id for e in events if e.place} == {ABU_KAMAL}, name
        assert api.control(name)[0].place.id == ABU_KAMAL, name
        assert api.place_roundup(name)["events"], name
    assert api.resolve_place("Atlantis of the Sands") == []
    with pytest.raises(LookupFailed, match="no place called"):
        api.control("Atlantis of the Sands")


def test_control_as_of_and_place_control(api) -> None:  # type: ignore[no-untyped-def]
    spans = api.control("Abu Kamal")
    assert spans[-1].controller == "Government of Syria"
    held = api.as_of(date(2017, 11, 10), country="syr")
    assert [h["place"]["geonames_id"] for h in held] == [ABU_KAMAL]
    assert api.latest_date() == date(2017, 11, 17)
    body = api.place_control(ABU_KAMAL)
    assert body["place"]["geonames_id"] == ABU_KAMAL
    assert [s["controller"] for s in body["spans"]] == [s.controller for s in spans]
    with pytest.raises(LookupFailed):
        api.place_control(1)


def test_roundups_export_summary(api) -> None:  # type: ignore[no-untyped-def]
    event = next(api.events(place="Abu Kamal"))
    by_id = api.roundup(event.id)
    assert by_id == api.event_roundup(event.id)
    assert {o["outlet"] for o in by_id["outlets"]} == {"Wire One", "Wire Two"}
    by_place = api.roundup("Abu Kamal")
    assert [r["event"]["id"] for r in by_place["events"]] == [event.id]
    out = io.StringIO()
    n = api.export("jsonl", out, place="Abu Kamal")
    assert n == 1 and json.loads(out.getvalue()) == event.to_dict()
    summary = api.summary()
    assert summary["events"] >= 2 and summary["articles"] == len(REPORTS)
    assert api.counts()["articles"] == len(REPORTS)
    assert api.failures() == ([], [])


def test_comments_and_moderation(app_config: Config, db: str) -> None:
    from sitrep import Sitrep

    with Sitrep(app_config, db=db) as s:
        event = next(s.events())
        record = s.comments.add(("event", event.id), "Reader", "Thank you for the sources.")
        assert record.status == "published"
        assert s.comments.exists(("event", event.id))
        assert not s.comments.exists(("event", "0" * 16))
        assert [c.id for c in s.comments.published(("event", event.id))] == [record.id]
        token = s.comments.create_token("mod", "moderator")
        user = s.comments.check_token(token)
        assert user is not None and user.name == "mod"
        assert s.moderate("A plain, polite comment.").verdict == "publish"


def test_a_readonly_sitrep_needs_the_database(app_config: Config, tmp_path: Path) -> None:
    from sitrep import Sitrep

    s = Sitrep(app_config, db=str(tmp_path / "missing.db"), readonly=True)
    assert s.db.endswith("missing.db")
    with pytest.raises(StoreError):
        list(s.events())
