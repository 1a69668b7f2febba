"""The README documents every command, and every setting is documented in defaults.toml."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from click.testing import CliRunner

from sitrep.core.config import Config
from sitrep.faces.cli.main import _attach_subgroups, cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_every_command_is_in_the_readme() -> None:
    _attach_subgroups()
    for name in cli.commands:
        assert f"`{name}" in README, f"README does not document `sitrep {name}`"


def test_every_command_has_help() -> None:
    _attach_subgroups()
    runner = CliRunner()
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"], obj={})
        assert result.exit_code == 0, (name, result.output)
        assert "Usage:" in result.output


def test_every_setting_is_documented_in_defaults() -> None:
    text = resources.files("sitrep").joinpath("data/defaults.toml").read_text("utf-8")
    values = tomllib.loads(text)
    assert set(values) == set(Config.__dataclass_fields__)
    for key in values:
        before = text.split(f"\n{key} =")[0]
        assert before.rstrip().splitlines()[-1].startswith("#"), f"{key} has no comment"
