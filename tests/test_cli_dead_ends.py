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


def test_ingest_of_nothing_that_exists_stops_before_loading(sitrep: Runner, tmp_path: Path) -> None:
    gone = tmp_path / "no-such-folder" / "reports.jsonl"
    bad = sitrep("ingest", str(gone), "--quiet")
    assert bad.exit_code == 3
    assert str(gone) in bad.stderr and "no such file or folder" in bad.stderr
    # with one real input the batch goes on and the missing one is a failed input
    real = tmp_path / "one.txt"
    real.write_text("Iraqi forces recaptured the town of Rawa from ISIS on Friday.", "utf-8")
    mixed = sitrep("ingest", str(gone), str(real), "--quiet", "--published", "2017-11-18")
    assert mixed.exit_code == 1
    assert "1 new articles" in mixed.output and str(gone) in mixed.stderr


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


def test_a_folder_ingest_skips_docs_and_lists_what_it_skipped(
    sitrep: Runner, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "README.md").write_text("# Reports\n\nIraqi forces recaptured Rawa.\n", "utf-8")
    (folder / "LICENSE").write_text("Permission is granted to anyone.\n", "utf-8")
    (folder / "notes.md").write_text("Check Rawa again tomorrow.\n", "utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    (folder / "report.txt").write_text(
        "Syrian troops recaptured Abu Kamal from ISIS on Sunday.\n", "utf-8"
    )
    done = sitrep("ingest", str(folder), "--quiet", "--published", "2017-11-19", "--json")
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout)
    skipped = {Path(s["input"]).name: s["reason"] for s in summary["skipped"]}
    assert set(skipped) == {"README.md", "LICENSE", "notes.md", "notes.bin"}
    assert "unsupported file type .bin" in skipped["notes.bin"]
    assert "documentation" in skipped["README.md"]
    assert summary["articles"] == 1
    stored = json.loads(sitrep("articles", "--json").stdout)
    assert not any("README" in (a["title"] or "") for a in stored)
    text = sitrep("ingest", str(folder), "--quiet")
    assert "4 files skipped" in text.stdout and "notes.bin" in text.stdout


def test_the_demo_folder_reads_reports_not_its_readme() -> None:
    from sitrep.ingest.sources import read_inputs

    demo = Path(__file__).resolve().parents[1] / "sitrep" / "demo"
    skipped: list[tuple[str, str]] = []
    origins = {Path(a.origin.split(":")[0]).name for a in read_inputs([demo], skipped=skipped)}
    assert "README.md" not in origins
    assert [Path(p).name for p, _ in skipped] == ["README.md"]


def test_serve_on_a_busy_port_fails_before_saying_serving(tmp_path: Path) -> None:
    import socket

    from sitrep.faces.cli.main import cli
    from sitrep.store import open_store

    with open_store(str(tmp_path / "s.db")):
        pass
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    port = busy.getsockname()[1]
    try:
        res = CliRunner().invoke(
            cli,
            ["--db", str(tmp_path / "s.db"), "serve", "--port", str(port)],
            obj={},
            env={"SITREP_CONFIG": None},
        )
    finally:
        busy.close()
    assert res.exit_code == 3, res.output
    assert "serving" not in res.output
    assert f"{port}" in res.stderr and "in use" in res.stderr and "--port" in res.stderr


def test_moderate_file_with_a_huge_field_is_judged_not_a_traceback(tmp_path: Path) -> None:
    from sitrep.faces.cli.main import cli

    big = tmp_path / "comments.csv"
    long_comment = "A long but civil comment about the news. " * 4000  # ~168,000 characters
    big.write_text(f'text\n"{long_comment}"\nShort and polite.\n', "utf-8")
    res = CliRunner().invoke(cli, ["moderate", "--file", str(big), "--json"], obj={})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["row"] for r in rows] == [1, 2]
    assert all("verdict" in r for r in rows)


def test_moderate_train_as_the_readme_documents_it(tmp_path: Path) -> None:
    from sitrep.faces.cli.main import cli

    labelled = tmp_path / "labelled.csv"
    rows = ["comment,label"]
    for i in range(30):
        rows.append(f'"a fair point about the report number {i}",ok')
        rows.append(f'"you are a stupid idiot and a liar number {i}",bad')
    labelled.write_text("\n".join(rows) + "\n", "utf-8")
    out = tmp_path / "clf.json"
    res = CliRunner().invoke(
        cli,
        [
            "moderate",
            "train",
            "--csv",
            str(labelled),
            "--text-col",
            "comment",
            "--label-col",
            "label",
            "--positive",
            "bad",
            "--out",
            str(out),
        ],
        obj={},
    )
    assert res.exit_code == 0, res.output
    assert out.exists()
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "moderate train --csv FILE --text-col COLUMN --label-col COLUMN" in readme
    assert "moderate check TEXT" in readme
    missing = CliRunner().invoke(cli, ["moderate", "train", "--csv", str(labelled)], obj={})
    assert missing.exit_code == 2 and "--text-col" in missing.output


def test_place_search_counts_the_events_the_list_shows(sitrep: Runner, app_config: Config) -> None:
    from sitrep import Sitrep
    from sitrep.views.places import LISTED_STATUSES
    from sitrep.views.queries import DEFAULT_STATUSES

    assert LISTED_STATUSES == DEFAULT_STATUSES
    with Sitrep(app_config, db=str(sitrep.env["SITREP_DB"])) as api:
        hits = api.search_places("Rawa")
        assert hits
        for hit in hits:
            listed = list(api.events(place_ids=[hit["geonames_id"]]))
            assert hit["n_events"] == len(listed)


def test_events_country_text_and_newest_as_on_the_page(sitrep: Runner) -> None:
    def ids(*args: str) -> list[str]:
        res = sitrep("events", "--json", "--status", "all", *args)
        assert res.exit_code == 0, res.output
        return [e["id"] for e in json.loads(res.stdout)]

    every = ids()
    assert len(every) >= 2
    assert ids("--newest") == every[::-1]
    in_iraq = ids("--country", "irq")
    assert in_iraq and set(in_iraq) < set(every)
    said = ids("--text", "allied fighters")
    assert said and set(said).isdisjoint(in_iraq)  # the Abu Kamal report, in Syria
    bad = sitrep("events", "--country", "Iraq")
    assert bad.exit_code == 2 and "--country" in bad.stderr
    unknown = sitrep("events", "--country", "XXX")
    assert unknown.exit_code == 2 and "XXX" in unknown.stderr


def test_moderate_help_names_the_short_form_the_readme_documents() -> None:
    from sitrep.faces.cli.main import cli

    shown = CliRunner().invoke(cli, ["moderate", "--help"], obj={})
    assert shown.exit_code == 0
    assert "sitrep moderate TEXT" in shown.output and "moderate check TEXT" in shown.output
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert "`moderate TEXT` and `moderate --file F` are short for these" in readme
    short = CliRunner().invoke(cli, ["moderate", "Thank you for the report.", "--json"], obj={})
    assert short.exit_code == 0, short.output
    assert "verdict" in json.loads(short.output.splitlines()[0])


def test_make_run_says_how_to_run_sitrep() -> None:
    # bare `sitrep` is not on PATH after `make run`: the Makefile and README say how
    root = Path(__file__).resolve().parents[1]
    recipe = (root / "Makefile").read_text("utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/sitrep" in recipe and "source $(BIN)/activate" in recipe
    readme = (root / "README.md").read_text("utf-8")
    assert "`.venv/bin/sitrep`" in readme and "source .venv/bin/activate" in readme
