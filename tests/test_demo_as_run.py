"""The demo as `make run` reads it (issue 14, "trust and correctness on screen").

The page's first screen is what `make run` ingested: the English and Persian demo
reports and the Persian seed. What a new user saw there were reading errors, each
from a general cause fixed in the reader: a town on another continent beside the
front (Taza, Morocco, beside Kirkuk), a Persian word read as a Czech town (بیرون of
"drove out", then "government forces" made Czechia's), a ZWNJ-joined word read as
Cavan in Ireland, an air strike without the toll both reports give. These tests
read the same files the same way and check the events the page shows by default.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from test_cli_dead_ends import Runner

from sitrep.core.config import Config

DEMO = Path(__file__).resolve().parents[1] / "sitrep" / "demo"
# The story's countries: where the events are, and the states whose forces take part.
THEATRE = {"SYR", "IRQ"}
STATES = {"Syria", "Iraq", "Russia", "Iran", "Turkey", "United States"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, app_config: Config) -> Runner:
    """`sitrep` over a database holding what `make run` ingests, ingested as it does."""
    run = Runner(tmp_path_factory.mktemp("demo"), app_config)
    steps = [
        ["ingest", "--quiet", str(DEMO / "reports.jsonl"), str(DEMO / "reports_fa.jsonl")],
        ["ingest", "--quiet", str(DEMO / "seed_fa.txt"), "--outlet", "Tabnak"]
        + ["--published", "2017-11-04"],
    ]
    for args in steps:
        done = run(*args)
        assert done.exit_code == 0, done.output
    return run


@pytest.fixture(scope="module")
def shown(demo: Runner) -> list[dict[str, Any]]:
    """`events --json`: the statuses the page shows first."""
    listed = demo("events", "--json")
    assert listed.exit_code == 0, listed.output
    events: list[dict[str, Any]] = json.loads(listed.output)
    assert len(events) >= 15
    return events


def _session_examples() -> list[tuple[str, list[str]]]:
    """The commands of the README's "A session" that show their output, with it."""
    readme = (DEMO.parents[1] / "README.md").read_text("utf-8")
    section = readme.split("## A session", 1)[1].split("\n## ", 1)[0]
    examples: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```\n(.*?)```", section, re.S):
        for line in block.splitlines():
            if line.startswith("$ sitrep "):
                examples.append((line[2:], []))
            elif examples and line.strip():
                examples[-1][1].append(line.rstrip())
    return [(cmd, out) for cmd, out in examples if out]


EXAMPLES = _session_examples()


@pytest.mark.parametrize(("command", "printed"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_the_readme_session_is_what_make_run_gives(
    demo: Runner, command: str, printed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(DEMO.parents[1])  # the README's paths are the checkout's
    args = shlex.split(command)[1:]
    got = demo(*args)
    assert got.exit_code == 0, got.output
    lines = [line.rstrip() for line in got.output.splitlines() if line.strip()]
    if args[0] == "ingest":
        # the summary, less the progress bar before it and the speed (this machine's)
        cut = re.compile(r"; [\d.]+ articles/s, \d+ words/s$")
        lines = [cut.sub("", x.split("\r")[-1].strip()) for x in lines[-1:]]
        printed = [cut.sub("", x) for x in printed]
    assert lines == printed


def test_the_readme_session_shows_output(demo: Runner) -> None:
    assert len(EXAMPLES) >= 6  # ingest, events x3, control x2 at least


def test_every_event_on_the_first_screen_is_in_the_theatre(shown: list[dict[str, Any]]) -> None:
    outside = [(e["place"]["name"], e["place"]["country"]) for e in shown]
    assert {c for _, c in outside} <= THEATRE, [p for p in outside if p[1] not in THEATRE]


def test_forces_are_of_the_states_in_the_story(shown: list[dict[str, Any]]) -> None:
    for e in shown:
        for actor in (e["actor1"], e["actor2"]):
            if actor and actor.startswith("Military Forces of "):
                assert actor.removeprefix("Military Forces of ") in STATES, (e["id"], actor)
        assert e["actor1"] != "Civilians", e["id"]  # never the side that acts


def test_a_government_takeover_names_the_government(shown: list[dict[str, Any]]) -> None:
    for e in shown:
        if e["sub_event_type"] == "Government regains territory":
            assert e["actor1"], (e["id"], e["place"]["name"])


def test_the_deir_ez_zor_air_strike_carries_both_tolls(shown: list[dict[str, Any]]) -> None:
    (strike,) = [
        e for e in shown if e["sub_event_type"] == "Air/drone strike" and "AFP" in e["sources"]
    ]
    assert strike["actor1"] == "Military Forces of Russia"
    assert strike["fatalities"] == 34  # the first toll; the later one is a disagreement
    (toll,) = [d for d in strike["disagreements"] if d["field"] == "fatalities"]
    assert sorted(v["value"] for v in toll["values"]) == [34, 53]


def test_reports_of_one_event_agree_on_its_place(shown: list[dict[str, Any]]) -> None:
    # every demo event is told at one place; a town against its own province
    # ("Rawah vs Anbar") was listed as a disagreement
    assert [e["id"] for e in shown if any(d["field"] == "place" for d in e["disagreements"])] == []
