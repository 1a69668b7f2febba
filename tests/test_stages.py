"""The merge and control stages on records alone: no database, no spaCy.

Merging takes a block's mentions (frozen ``MentionRow``) and returns frozen
``MergedEvent`` records; control takes a place's changes and returns frozen
spans. The store only loads and saves; these tests never open one.
"""

from __future__ import annotations

import ast
import dataclasses
import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.control import (
    Change,
    ControlSpan,
    PlaceRef,
    TimelineCache,
    all_timelines,
    as_of,
    build_timeline,
    build_timelines,
    feeds_control,
    held_on,
    timeline,
)
from sitrep.core.records import short_hash
from sitrep.merge import MentionRow, MergedEvent, PriorEvent, assign_ids, merge_block

PACKAGE = Path(__file__).resolve().parents[1] / "sitrep"
BLOCK = "SYR|Government regains territory|report"


def row(mention_id: str, **fields: Any) -> MentionRow:
    """A mention of a town in Deir ez-Zor province, reported on 8 November 2017."""
    values: dict[str, Any] = {
        "id": mention_id,
        "article_id": f"a-{mention_id}",
        "source": "Wire One",
        "status": "occurred",
        "actor1": "syria-army",
        "actor2": "isis",
        "assoc": (),
        "place_id": 100,
        "place_kind": "city",
        "place_country": "SYR",
        "place_admin1": "Deir ez-Zor",
        "matched_text": "Abu Kamal",
        "date": date(2017, 11, 8),
        "precision": "day",
        "inferred": False,
        "fatalities": None,
        "confidence": 0.8,
        "reference": False,
        "event_type": "Battles",
        "sub_event_type": "Government regains territory",
        "independence": "",
    }
    values.update(fields)
    return MentionRow(**values)


# -- merge ----------------------------------------------------------------------


def test_two_outlets_on_one_capture_make_one_event() -> None:
    rows = [row("m1"), row("m2", source="Wire Two", confidence=0.5, fatalities=12)]
    (event,) = merge_block(BLOCK, rows)
    assert isinstance(event, MergedEvent)
    assert event.sources == ("Wire One", "Wire Two") and event.n_sources == 2
    assert event.n_mentions == 2 and set(event.mention_ids) == {"m1", "m2"}
    # one minus the chance that both outlets are wrong
    assert event.confidence == round(1 - 0.2 * 0.5, 3)
    assert event.fatalities == 12
    assert event.id == short_hash(BLOCK, "m1")
    assert (event.actor1, event.actor2, event.status) == ("syria-army", "isis", "occurred")


def test_the_result_does_not_depend_on_the_order_of_the_mentions() -> None:
    rows = [
        row("m1"),
        row("m2", source="Wire Two", date=date(2017, 11, 9)),
        row("m3", date=date(2017, 12, 20)),
        row("m4", place_id=200, matched_text="Mayadin"),
        row("m5", place_id=300, place_kind="admin1", matched_text="Deir ez-Zor", date=None),
        row("m6", actor1="sdf", assoc=("us-coalition",), source="Wire Three"),
    ]
    first = merge_block(BLOCK, rows)
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_block(BLOCK, shuffled) == first


def test_a_province_report_joins_the_town_inside_it() -> None:
    town = row("m1")
    province = row(
        "m2",
        source="Wire Two",
        place_id=300,
        place_kind="admin1",
        matched_text="Deir ez-Zor province",
    )
    (event,) = merge_block(BLOCK, [province, town])
    # the most specific report anchors the event: the town, not the province
    assert event.place_id == 100 and event.matched_text == "Abu Kamal"


def test_another_actors_deed_or_another_week_is_another_event() -> None:
    rows = [
        row("m1"),
        row("m2", actor1="sdf", actor2=None),
        row("m3", date=date(2017, 11, 25)),
    ]
    events = merge_block(BLOCK, rows)
    assert len(events) == 3
    assert sorted(e.mention_ids for e in events) == [("m1",), ("m2",), ("m3",)]


def test_an_allied_actor_stays_on_the_same_side() -> None:
    rows = [row("m1", assoc=("hezbollah",)), row("m2", actor1="hezbollah", source="Wire Two")]
    (event,) = merge_block(BLOCK, rows)
    assert event.actor1 == "syria-army" and event.assoc_actors == ("hezbollah",)


def test_denials_and_the_most_conservative_toll() -> None:
    rows = [
        row("m1", status="denied", source="Amaq", fatalities=40),
        row("m2", status="denied", source="Other", fatalities=25),
    ]
    (event,) = merge_block(BLOCK, rows)
    assert event.status == "denied" and event.denied_by == ("Amaq", "Other")
    assert event.fatalities == 25
    rows.append(row("m3", source="Wire One"))
    (event,) = merge_block(BLOCK, rows)
    assert event.status == "occurred" and event.denied_by == ("Amaq", "Other")


def test_near_duplicate_copies_count_once() -> None:
    rows = [
        row("m1", source="Wire One", independence="Wire One"),
        row("m2", source="Daily Copy", independence="Wire One"),
        row("m3", source="Own Reporter", independence="Own Reporter"),
    ]
    (event,) = merge_block(BLOCK, rows)
    assert event.n_sources == 3 and event.n_independent == 2


def test_an_empty_block_has_no_events_and_records_are_frozen() -> None:
    assert merge_block(BLOCK, []) == ()
    (event,) = merge_block(BLOCK, [row("m1")])
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.status = "claimed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        row("m1").date = None  # type: ignore[misc]


# -- stable public ids --------------------------------------------------------


def _prior(event_id: str, *mention_ids: str) -> PriorEvent:
    return PriorEvent(event_id, frozenset(mention_ids))


def test_without_published_ids_events_keep_their_content_ids() -> None:
    merged = merge_block(BLOCK, [row("m1"), row("m3", date=date(2017, 12, 20))])
    assert assign_ids(merged, []) == (merged, {})


def test_an_event_keeps_its_id_when_a_new_report_becomes_its_anchor() -> None:
    old = merge_block(BLOCK, [row("m2", date=date(2017, 11, 9), precision="week")])
    # a day-precise report sorts first: it anchors the event, so the content id changes
    new = merge_block(BLOCK, [row("m1"), row("m2", date=date(2017, 11, 9), precision="week")])
    assert new[0].id != old[0].id
    (event,), moved = assign_ids(new, [_prior(old[0].id, "m2")])
    assert event.id == old[0].id and moved == {}
    assert dataclasses.replace(event, id=new[0].id) == new[0]  # only the id differs


def test_two_events_merged_keep_the_larger_ones_id_and_the_other_redirects() -> None:
    new = merge_block(BLOCK, [row("m1"), row("m2"), row("m3")])
    (event,), moved = assign_ids(new, [_prior("b-small", "m3"), _prior("a-large", "m1", "m2")])
    assert event.id == "a-large" and moved == {"b-small": "a-large"}
    # a tie in size goes to the smaller id, whatever order the prior events come in
    for prior in ([_prior("y", "m1"), _prior("x", "m2")], [_prior("x", "m2"), _prior("y", "m1")]):
        (tied,), moved = assign_ids(merge_block(BLOCK, [row("m1"), row("m2")]), prior)
        assert tied.id == "x" and moved == {"y": "x"}


def test_a_split_event_leaves_its_id_on_the_larger_part() -> None:
    rows = [row("m1"), row("m2"), row("m3", date=date(2017, 12, 20))]
    new = merge_block(BLOCK, rows)
    big = next(e for e in new if len(e.mention_ids) == 2)
    small = next(e for e in new if len(e.mention_ids) == 1)
    out, moved = assign_ids(new, [_prior("old", "m1", "m2", "m3")])
    ids = {e.mention_ids: e.id for e in out}
    assert ids[big.mention_ids] == "old" and ids[small.mention_ids] == small.id
    assert moved == {}
    # the smaller part's content id was taken by a published event: a new id is minted
    out, _ = assign_ids(new, [_prior(small.id, "m1", "m2", "m3")])
    ids = {e.mention_ids: e.id for e in out}
    assert ids[big.mention_ids] == small.id
    assert ids[small.mention_ids] == short_hash(small.id, "1")


def test_id_assignment_does_not_depend_on_order() -> None:
    rows = [row("m1"), row("m2"), row("m3", date=date(2017, 12, 20)), row("m4", place_id=200)]
    prior = [_prior("p1", "m1"), _prior("p2", "m2", "m3"), _prior("p3", "m9")]
    first = assign_ids(merge_block(BLOCK, rows), prior)
    for seed in range(5):
        r, p = rows[:], prior[:]
        random.Random(seed).shuffle(r)
        random.Random(seed).shuffle(p)
        assert assign_ids(merge_block(BLOCK, r), p) == first


# -- control ----------------------------------------------------------------------

TOWN = PlaceRef(100, "Abu Kamal", "SYR", "Deir ez-Zor", 34.45, 40.92, "city")
OTHER = PlaceRef(200, "Mosul", "IRQ", "Nineveh", 36.34, 43.13, "city")


def change(event_id: str, controller: str, day: date | None, **fields: Any) -> Change:
    values: dict[str, Any] = {
        "event_id": event_id,
        "kind": "change",
        "controller": controller,
        "previous": None,
        "date": day,
        "precision": "day",
        "status": "occurred",
        "sources": ("Wire One",),
        "confidence": 0.8,
    }
    values.update(fields)
    return Change(**values)


def town_story() -> list[Change]:
    return [
        change("e0", "ISIS", date(2014, 1, 1), kind="fact", precision="year", status="background"),
        change("e1", "Government of Syria", date(2017, 11, 8), previous="ISIS"),
        change("e2", "ISIS", date(2017, 11, 11), sources=("Wire Two",)),
        change("e3", "Government of Syria", date(2017, 11, 19)),
    ]


def test_a_timeline_from_changes_alone() -> None:
    spans = build_timeline(TOWN, town_story())
    assert isinstance(spans, tuple) and all(isinstance(s, ControlSpan) for s in spans)
    assert [(s.controller, s.start, s.end) for s in spans] == [
        ("ISIS", date(2014, 1, 1), date(2017, 11, 8)),
        ("Government of Syria", date(2017, 11, 8), date(2017, 11, 11)),
        ("ISIS", date(2017, 11, 11), date(2017, 11, 19)),
        ("Government of Syria", date(2017, 11, 19), None),
    ]
    assert spans[1].events == ("e1",) and spans[2].sources == frozenset({"Wire Two"})
    assert build_timeline(TOWN, reversed(town_story())) == spans


def test_spans_are_frozen_and_serialise_as_before() -> None:
    (span, *_) = build_timeline(TOWN, town_story())
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.controller = "SDF"  # type: ignore[misc]
    assert span.as_dict() == {
        "controller": "ISIS",
        "start": "2014-01-01",
        "end": "2017-11-08",
        "start_precision": "year",
        "sources": ["Wire One"],
        "events": ["e0"],
        "confidence": 0.8,
        "disputed": False,
        "notes": [],
    }


def test_who_held_what_on_a_day_from_built_timelines() -> None:
    refs = {100: TOWN, 200: OTHER}
    grouped = {100: town_story(), 200: [change("e9", "Government of Iraq", date(2017, 7, 9))]}
    built = build_timelines(refs, grouped)
    assert sorted(built) == [100, 200]
    pairs = [(refs[pid], spans) for pid, spans in built.items()]
    held = held_on(pairs, date(2017, 11, 12))
    assert [(h["place"]["name"], h["controller"]) for h in held] == [
        ("Abu Kamal", "ISIS"),
        ("Mosul", "Government of Iraq"),
    ]
    assert [h["place"]["name"] for h in held_on(pairs, date(2017, 11, 12), country="irq")] == [
        "Mosul"
    ]
    box = (40.0, 34.0, 41.0, 35.0)  # lon, lat, lon, lat around Abu Kamal
    assert [h["place"]["name"] for h in held_on(pairs, date(2017, 11, 12), bbox=box)] == [
        "Abu Kamal"
    ]
    assert held_on(pairs, date(2010, 1, 1)) == []


def test_which_blocks_feed_control() -> None:
    assert feeds_control(BLOCK)
    assert not feeds_control("SYR|Air/drone strike|report")
    assert not feeds_control("garbage")


def test_the_timeline_cache_is_bounded_and_builds_once_per_version() -> None:
    cache = TimelineCache(size=2)
    builds: list[int] = []

    def builder(version: int) -> Any:
        def build() -> Any:
            builds.append(version)
            return ((TOWN, build_timeline(TOWN, town_story())),)

        return build

    first = cache.get(1, builder(1))
    assert cache.get(1, builder(1)) is first and builds == [1]
    cache.get(2, builder(2))
    cache.get(3, builder(3))  # evicts version 1, the least recently used
    assert len(cache) == 2
    cache.get(1, builder(1))
    assert builds == [1, 2, 3, 1]
    with pytest.raises(ValueError):
        TimelineCache(size=0)


class FakeReader:
    """A store stand-in: control changes in memory, optionally stored timelines."""

    def __init__(self, stored: bool = False) -> None:
        self.timeline_cache = TimelineCache()
        self.stored = stored
        self.version = 1
        self.loads = 0

    def load_changes(
        self, place_ids: Any = None
    ) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
        self.loads += 1
        refs = {100: TOWN, 200: OTHER}
        grouped = {100: town_story(), 200: [change("e9", "Government of Iraq", date(2017, 7, 9))]}
        if place_ids is not None:
            grouped = {p: c for p, c in grouped.items() if p in place_ids}
        return refs, grouped

    def data_version(self) -> tuple[Any, ...]:
        return (self.version,)

    def stored_as_of(self, day: date, country: Any = None, bbox: Any = None) -> Any:
        return [{"stored": True}] if self.stored else None


def test_reading_through_a_store_uses_its_cache() -> None:
    reader = FakeReader()
    assert [s.controller for s in timeline(reader, [100])][-1] == "Government of Syria"
    day = date(2017, 11, 20)
    held = as_of(reader, day)
    assert [h["controller"] for h in held] == ["Government of Syria", "Government of Iraq"]
    loads = reader.loads
    assert as_of(reader, day) == held and reader.loads == loads  # cached
    assert isinstance(all_timelines(reader), tuple)
    reader.version = 2  # the store gained articles: rebuilt
    as_of(reader, day)
    assert reader.loads == loads + 1
    assert as_of(FakeReader(stored=True), day) == [{"stored": True}]


# -- layering ----------------------------------------------------------------------


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_stages_and_the_schema_stay_below_the_store() -> None:
    for stage in ("merge.py", "control.py"):
        imported = _imports(PACKAGE / stage)
        assert not any(m.startswith(("sqlalchemy", "sitrep.store")) for m in imported), stage
    schema = _imports(PACKAGE / "store" / "schema.py")
    assert not any(m.startswith("sitrep") for m in schema), schema
