"""The command line's dead ends (issue 14): each gives a clear message and the
documented exit code (README, "Exit codes and bad input"), never a silent empty
result or a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from sitrep.core.config import Config

REPORTS = [
    {
        "outlet": "Wire One",
        "published": "2017-11-18",
        "title": "Rawa retaken",
        "text": "Iraqi forces recaptured the town of Rawa from ISIS on Friday, the army said.",
    },
    {
        "outlet": "Wire Two",
        "published": "2017-11-20",
        "title": "Abu Kamal",
        "text": "Syrian troops and allied fighters recaptured Abu Kamal from ISIS on Sunday.",
    },
]


class Runner:
    """``sitrep`` in this process over one private database and config."""

    def __init__(self, tmp: Path, app_config: Config) -> None:
        cfg = tmp / "c.toml"
        cfg.write_text(f'cache_dir = "{app_config.cache_dir}"\n', "utf-8")
        self.base = ["--config", str(cfg)]
        self.env: dict[str, str | None] = {
            "SITREP_DB": str(tmp / "cli.db"),
            "SITREP_CONFIG": None,
        }

    def __call__(self, *args: str) -> Result:
        from sitrep.faces.cli.main import cli

        return CliRunner().invoke(cli, [*self.base, *args], obj={}, env=self.env)


@pytest.fixture(scope="module")
def sitrep(tmp_path_factory: pytest.TempPathFactory, app_config: Config) -> Runner:
    tmp = tmp_path_factory.mktemp("cli")
    src = tmp / "r.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), "utf-8")
    run = Runner(tmp, app_config)
    done = run("ingest", str(src), "--quiet")
    assert done.exit_code == 0, done.output
    return run


def test_articles_lists_ids_outlets_dates_titles(sitrep: Runner) -> None:
    table = sitrep("articles")
    assert table.exit_code == 0, table.output
    assert "Wire One" in table.stdout and "Rawa retaken" in table.stdout
    assert "2017-11-20" in table.stdout
    rows = json.loads(sitrep("articles", "--json").stdout)
    assert [r["outlet"] for r in rows] == ["Wire Two", "Wire One"]  # newest first
    assert set(rows[0]) >= {"id", "outlet", "published", "title"}
    assert [
        r["outlet"] for r in json.loads(sitrep("articles", "--json", "--outlet", "one").stdout)
    ] == ["Wire One"]
    since = json.loads(sitrep("articles", "--json", "--since", "2017-11-19").stdout)
    assert [r["outlet"] for r in since] == ["Wire Two"]
    until = json.loads(sitrep("articles", "--json", "--until", "2017-11-19").stdout)
    assert [r["outlet"] for r in until] == ["Wire One"]
    assert len(json.loads(sitrep("articles", "--json", "--limit", "1").stdout)) == 1
    assert sitrep("articles", "--limit", "0").exit_code == 2
    inverted = sitrep("articles", "--since", "2017-12-01", "--until", "2017-11-01")
    assert inverted.exit_code == 2 and "--since" in inverted.stderr
    # the id `sitrep articles` prints is one `sitrep show` takes
    shown = sitrep("show", rows[0]["id"][:12])
    assert shown.exit_code == 0, shown.output


def test_show_bad_id_points_at_a_command_that_exists(sitrep: Runner) -> None:
    bad = sitrep("show", "zzzz")
    assert bad.exit_code == 3
    assert "sitrep articles" in bad.stderr
    assert sitrep("articles", "--help").exit_code == 0


def test_roundup_of_nothing_names_both_readings(sitrep: Runner) -> None:
    bad = sitrep("roundup", "deadbeef")
    assert bad.exit_code == 3
    assert "no event with id 'deadbeef'" in bad.stderr
    assert "no place called 'deadbeef'" in bad.stderr


def test_unknown_place_is_one_usage_error_in_events_and_control(sitrep: Runner) -> None:
    events = sitrep("events", "--place", "Xqzvlandia")
    control = sitrep("control", "Xqzvlandia")
    assert events.exit_code == control.exit_code == 2
    assert "--place" in events.stderr and "Xqzvlandia" in events.stderr
    assert "PLACE" in control.stderr and "Xqzvlandia" in control.stderr
    assert sitrep("export", "--format", "jsonl", "--place", "Xqzvlandia").exit_code == 2


def test_a_real_place_without_events_is_not_an_error_in_either(sitrep: Runner) -> None:
    # Atlantis is a town in South Africa: known, with nothing stored about it
    events = sitrep("events", "--place", "Atlantis")
    control = sitrep("control", "Atlantis")
    assert events.exit_code == control.exit_code == 0
    assert "no events match" in events.stderr
    assert "no control changes known" in control.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--type", "bogus"], "--type"),
        (["--since", "2017-12-01", "--until", "2017-11-01"], "--since"),
        (["--limit", "0"], "--limit"),
        (["--status", "nope"], "--status"),
    ],
)
def test_filters_that_cannot_match_are_usage_errors(
    sitrep: Runner, args: list[str], named: str
) -> None:
    res = sitrep("events", *args)
    assert res.exit_code == 2, res.output
    assert named in res.stderr


def test_bogus_type_lists_the_valid_types(sitrep: Runner) -> None:
    res = sitrep("events", "--type", "bogus")
    assert "Battles" in res.stderr and "Explosions/Remote violence" in res.stderr


def test_unknown_country_is_a_usage_error(sitrep: Runner) -> None:
    res = sitrep("control", "--as-of", "2017-11-30", "--country", "XXX")
    assert res.exit_code == 2 and "--country" in res.stderr and "XXX" in res.stderr
    ok = sitrep("control", "--as-of", "2017-11-30", "--country", "SYR", "--json")
    assert ok.exit_code == 0, ok.output


def test_valid_filters_keep_the_json_contract(sitrep: Runner) -> None:
    res = sitrep("events", "--json", "--type", "territory", "--place", "Rawa")
    assert res.exit_code == 0, res.output
    items = json.loads(res.stdout)
    assert items and all("Rawa" in e["place"]["name"] for e in items)
    empty = sitrep("events", "--json", "--since", "2030-01-01")
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
