"""Control timelines, roundups, disagreements and near-duplicates, on reports of our own."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.control import Change, PlaceRef, as_of, build_timeline, timeline
from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import hamming, open_store, simhash
from sitrep.views.queries import EventFilter, iter_events
from sitrep.views.roundup import build_roundup, format_markdown, place_roundup

ABU_KAMAL = 174448
MAYADIN = 173480

TOWN_STORY = [
    {
        "outlet": "Wire One",
        "published": "2017-11-09",
        "url": "https://example.org/1",
        "text": "ISIS had held Abu Kamal since 2014.\n"
        "The Syrian army seized control of Abu Kamal from ISIS on Wednesday, "
        "a military source said.",
    },
    {
        "outlet": "Wire Two",
        "published": "2017-11-09",
        "url": "https://example.org/2",
        "text": "Syrian troops captured Abu Kamal from ISIS on Wednesday after days of fighting.",
    },
    {
        "outlet": "Wire Three",
        "published": "2017-11-12",
        "text": "ISIS fighters recaptured most of Abu Kamal from the Syrian army on Saturday.",
    },
    {
        "outlet": "Wire One",
        "published": "2017-11-20",
        "text": "Syrian troops and allied fighters retook Abu Kamal from ISIS on Sunday.",
    },
]


def load(app_config: Config, tmp_path: Path, rows: list[dict[str, str]], name: str = "t"):
    src = tmp_path / f"{name}.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    store = open_store(str(tmp_path / f"{name}.db"))
    ingest([src], config=app_config, store=store)
    return store


def test_town_changes_hands_three_times(app_config: Config, tmp_path: Path) -> None:
    with load(app_config, tmp_path, TOWN_STORY) as store:
        spans = timeline(store, [ABU_KAMAL])
        got = [
            (s.controller, s.start.isoformat() if s.start else None, s.start_precision)
            for s in spans
        ]
        assert got == [
            ("ISIS", "2014-01-01", "year"),
            ("Government of Syria", "2017-11-08", "day"),
            ("ISIS", "2017-11-11", "day"),
            ("Government of Syria", "2017-11-19", "day"),
        ]
        assert [s.end for s in spans] == [
            date(2017, 11, 8),
            date(2017, 11, 11),
            date(2017, 11, 19),
            None,
        ]
        assert spans[1].sources == {"Wire One", "Wire Two"}
        held = {
            d: [i["controller"] for i in as_of(store, date.fromisoformat(d))]
            for d in ("2017-11-01", "2017-11-09", "2017-11-12", "2017-11-20")
        }
        assert held == {
            "2017-11-01": ["ISIS"],
            "2017-11-09": ["Government of Syria"],
            "2017-11-12": ["ISIS"],
            "2017-11-20": ["Government of Syria"],
        }
        assert as_of(store, date(2017, 11, 20), country="IRQ") == []


def test_roundup_quotes_each_outlet(app_config: Config, tmp_path: Path) -> None:
    with load(app_config, tmp_path, TOWN_STORY) as store:
        (first,) = [
            e
            for e in iter_events(store, EventFilter(place_ids=[ABU_KAMAL]))
            if e["date"] == "2017-11-08"
        ]
        r = build_roundup(store, first["id"][:8])
        outlets = [o["outlet"] for o in r["outlets"]]
        assert outlets == ["Wire One", "Wire Two"]
        quotes = [q["text"] for o in r["outlets"] for rep in o["reports"] for q in rep["quotes"]]
        texts = " ".join(row["text"] for row in TOWN_STORY)
        assert all(q in texts for q in quotes)  # extractive: every quote was written by a source
        assert r["outlets"][0]["reports"][0]["url"] == "https://example.org/1"
        md = format_markdown(r)
        assert "### Wire One" in md and "### Wire Two" in md and "> Syrian troops captured" in md
        whole = place_roundup(store, [ABU_KAMAL], since=date(2017, 11, 10))
        assert [e["event"]["date"] for e in whole["events"]] == ["2017-11-11", "2017-11-19"]


def test_denial_is_a_disagreement(app_config: Config, tmp_path: Path) -> None:
    rows = [
        {
            "outlet": "Wire One",
            "published": "2017-10-15",
            "text": "Syrian troops recaptured Mayadin from ISIS on Saturday, state media said.",
        },
        {
            "outlet": "Wire Two",
            "published": "2017-10-15",
            "text": "ISIS denied that Syrian troops recaptured Mayadin on Saturday.",
        },
    ]
    with load(app_config, tmp_path, rows) as store:
        (e,) = [e for e in iter_events(store, EventFilter(place_ids=[MAYADIN]))]
        assert e["sources"] == ["Wire One", "Wire Two"]
        fields = {d["field"]: d for d in e["disagreements"]}
        assert "status" in fields
        values = {v["value"]: v["sources"] for v in fields["status"]["values"]}
        assert values == {"occurred": ["Wire One"], "denied": ["Wire Two"]}
        (span,) = [s for s in timeline(store, [MAYADIN]) if s.controller == "Government of Syria"]
        assert span.disputed and any("denied" in n for n in span.notes)


def test_near_duplicate_wire_copy_is_not_independent(app_config: Config, tmp_path: Path) -> None:
    body = (
        "Syrian troops recaptured the town of Mayadin from ISIS on Saturday after a two-week "
        "offensive backed by Russian air strikes, a military source told the state news agency. "
        "The town had been one of the group's last strongholds in the Euphrates valley, and "
        "its fall leaves the militants squeezed between government forces to the west and "
        "Kurdish-led fighters to the east. Engineers were clearing mines from the main roads, "
        "the source added."
    )
    copy = body.replace("the state news agency", "a state news agency").replace(
        "the source added", "he added"
    )
    assert hamming(simhash(body) or 0, simhash(copy) or 0) <= 10
    rows = [
        {"outlet": "Wire One", "published": "2017-10-15", "text": body},
        {"outlet": "Daily Copy", "published": "2017-10-16", "text": copy},
        {
            "outlet": "Own Reporter",
            "published": "2017-10-15",
            "text": "Syrian troops captured Mayadin on Saturday, our correspondent saw.",
        },
    ]
    with load(app_config, tmp_path, rows) as store:
        (e,) = [
            e
            for e in iter_events(store, EventFilter(place_ids=[MAYADIN]))
            if e["sub_event_type"] == "Government regains territory"
        ]
        assert e["sources"] == ["Daily Copy", "Own Reporter", "Wire One"]
        assert e["n_sources"] == 3
        assert e["n_independent_sources"] == 2


def test_two_undated_holders_are_one_disputed_span() -> None:
    from sitrep.control import Change, PlaceRef, build_timeline

    town = PlaceRef(1, "Town", "SYR", None, 35.0, 40.0, "city")

    def fact(event_id: str, controller: str) -> Change:
        return Change(event_id, "fact", controller, None, None, None, "background", ("Wire",), 0.8)

    take = Change(
        "e3",
        "change",
        "Government of Syria",
        "ISIS",
        date(2018, 3, 18),
        "day",
        "occurred",
        ("Wire",),
        0.9,
    )
    spans = build_timeline(town, [fact("e1", "SDF"), fact("e2", "HTS"), take])
    assert [(s.controller, s.start, s.end) for s in spans] == [
        ("SDF", None, date(2018, 3, 18)),
        ("Government of Syria", date(2018, 3, 18), None),
    ]
    assert spans[0].disputed and "HTS" in spans[0].notes[0]


def test_display_names_are_folded_for_analysts() -> None:
    from sitrep.store import display_name

    assert display_name("Ālbū Kamāl") == "Albu Kamal"
    assert display_name("Al Qā’im") == "Al Qa'im"
    assert display_name("‘Afrīn") == "Afrin"
    assert display_name("دیرالزور") == "دیرالزور"  # other scripts are left alone


def test_a_precise_report_outweighs_a_vague_contradicting_one() -> None:
    from sitrep.control import Change, PlaceRef, build_timeline

    town = PlaceRef(1, "Town", "SYR", None, 35.0, 40.0, "city")
    vague = Change(
        "e1",
        "change",
        "US-led Coalition",
        "ISIS",
        date(2017, 10, 1),
        "month",
        "occurred",
        ("Weekly",),
        0.9,
    )
    precise = Change(
        "e2",
        "change",
        "SDF",
        "ISIS",
        date(2017, 10, 17),
        "day",
        "occurred",
        ("Wire One", "Wire Two"),
        0.9,
    )
    (span,) = [s for s in build_timeline(town, [vague, precise]) if s.start]
    assert (span.controller, span.start, span.start_precision) == ("SDF", date(2017, 10, 17), "day")
    assert span.disputed and "US-led Coalition" in span.notes[0]
    # the other way round, a claim does not displace a reported fact of the same day
    claim = Change(
        "e3", "change", "ISIS", None, date(2017, 10, 17), "day", "claimed", ("Amaq", "Other"), 0.9
    )
    (kept,) = [s for s in build_timeline(town, [precise, claim]) if s.start]
    assert kept.controller == "SDF"


def _change(event_id: str, controller: str, day: date, precision: str = "day") -> Change:
    return Change(event_id, "change", controller, None, day, precision, "occurred", ("Wire",), 0.9)


def _recall(event_id: str, controller: str, day: date, *sources: str) -> Change:
    return Change(
        event_id, "fact", controller, None, day, "month", "background", sources or ("Weekly",), 0.6
    )


def test_a_recall_carries_a_change_no_dated_report_tells() -> None:
    town = PlaceRef(1, "Town", "SYR", None, 35.0, 40.0, "city")
    # a report of the army's capture in March; in October two pieces recall that the
    # SDF took the town in June, which no dated report in the store tells
    changes = [
        _change("e1", "Government of Syria", date(2017, 3, 2)),
        _recall("e2", "SDF", date(2017, 6, 1), "Weekly", "Monthly"),
        _change("e3", "Government of Syria", date(2017, 11, 20)),
    ]
    spans = build_timeline(town, changes)
    got = [(s.controller, s.start, s.end, s.start_precision) for s in spans]
    assert got == [
        ("Government of Syria", date(2017, 3, 2), date(2017, 6, 1), "day"),
        ("SDF", date(2017, 6, 1), date(2017, 11, 20), "month"),
        ("Government of Syria", date(2017, 11, 20), None, "day"),
    ]
    assert any("known from recall" in n for n in spans[1].notes)
    assert spans[1].confidence < spans[0].confidence
    assert spans[1].sources == {"Weekly", "Monthly"}


def test_a_dated_report_wins_over_a_recall_of_its_month() -> None:
    town = PlaceRef(1, "Town", "IRQ", None, 35.0, 43.0, "city")
    report = _change("e2", "Government of Iraq", date(2017, 7, 9))
    changes = [
        _change("e1", "ISIS", date(2014, 6, 10)),
        report,
        _recall("e3", "Kurdistan Regional Government", date(2017, 7, 1), "Weekly"),
        _recall("e4", "Government of Iraq", date(2017, 7, 1), "Monthly"),
    ]
    spans = build_timeline(town, changes)
    assert [(s.controller, s.start) for s in spans] == [
        ("ISIS", date(2014, 6, 10)),
        ("Government of Iraq", date(2017, 7, 9)),
    ]
    held = spans[1]
    # the recall of the same change is more evidence; the other one a note
    assert held.sources == {"Wire", "Monthly"} and "e4" in held.events
    assert any("Kurdistan Regional Government recalled" in n for n in held.notes)
    assert not held.disputed


def _undated_recall(event_id: str, controller: str, day: date) -> Change:
    # a takeover told in passing with no date of its own: its date is its report's day
    return Change(
        event_id,
        "fact",
        controller,
        None,
        day,
        "day",
        "background",
        ("Weekly",),
        0.6,
        own_date=False,
    )


@pytest.mark.parametrize(
    "first",
    [
        # the army's recapture in July, reported then or recalled with its month
        _change("e1", "Government of Iraq", date(2017, 7, 9)),
        _recall("e1", "Government of Iraq", date(2017, 7, 9)),
    ],
)
def test_an_undated_recollection_moves_no_timeline(first: Change) -> None:
    town = PlaceRef(1, "Town", "IRQ", None, 35.0, 43.0, "city")
    # a September piece recalls, undated, the militants "who took the town" years
    # before: no change on the day of that piece
    spans = build_timeline(town, [first, _undated_recall("e2", "ISIS", date(2017, 9, 8))])
    assert [(s.controller, s.start, s.end) for s in spans] == [
        ("Government of Iraq", date(2017, 7, 9), None)
    ]
    # a recollection with a date of its own still moves it
    dated = [first, _recall("e2", "ISIS", date(2017, 9, 1))]
    assert [s.controller for s in build_timeline(town, dated)] == ["Government of Iraq", "ISIS"]


def _move(event_id: str, gainer: str | None, loser: str | None, day: date) -> Change:
    return Change(event_id, "change", gainer, loser, day, "day", "occurred", ("Wire",), 0.9)


def test_a_holder_leaving_with_no_taker_named_ends_its_span() -> None:
    # "the army took Bara" ... "government troops withdrew from Bara" (nobody named
    # moving in): the army's span ends at the withdrawal; no holder is guessed after it
    town = PlaceRef(1, "Bara", "SDN", None, 13.7, 30.4, "city")
    spans = build_timeline(
        town,
        [
            _move("e1", "Government of Sudan", "RSF", date(2025, 9, 10)),
            _move("e2", None, "Government of Sudan", date(2025, 10, 25)),
        ],
    )
    assert [(s.controller, s.start, s.end) for s in spans] == [
        ("RSF", None, date(2025, 9, 10)),
        ("Government of Sudan", date(2025, 9, 10), date(2025, 10, 25)),
    ]
    assert "left by Government of Sudan" in spans[1].notes[0]
    assert not spans[1].holds_on(date(2025, 10, 26))
    # a later report of who moved in opens the next span, even the leaver's return
    later = build_timeline(
        town,
        [
            _move("e1", "Government of Sudan", "RSF", date(2025, 9, 10)),
            _move("e2", None, "Government of Sudan", date(2025, 10, 25)),
            _move("e3", "Government of Sudan", None, date(2025, 11, 3)),
        ],
    )
    assert [(s.controller, s.start, s.end) for s in later] == [
        ("RSF", None, date(2025, 9, 10)),
        ("Government of Sudan", date(2025, 9, 10), date(2025, 10, 25)),
        ("Government of Sudan", date(2025, 11, 3), None),
    ]


def test_a_departure_first_says_who_held_before_and_other_sides_leaving_move_nothing() -> None:
    town = PlaceRef(1, "Bara", "SDN", None, 13.7, 30.4, "city")
    (span,) = build_timeline(town, [_move("e1", None, "RSF", date(2025, 9, 10))])
    assert (span.controller, span.start, span.end) == ("RSF", None, date(2025, 9, 10))
    # the side told leaving is not the one holding the place: the report moves nothing
    (_, held) = build_timeline(
        town,
        [
            _move("e1", "Government of Sudan", "RSF", date(2025, 9, 10)),
            _move("e2", None, "RSF", date(2025, 9, 12)),
        ],
    )
    assert (held.controller, held.end) == ("Government of Sudan", None)
