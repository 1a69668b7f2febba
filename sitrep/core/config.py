"""One immutable options object, read from the bundled defaults and a user file.

The bundled ``data/defaults.toml`` documents every setting. A user's TOML file
(``--config FILE`` or ``$SITREP_CONFIG``) overrides keys one by one; unknown
keys are an error so a typo never goes unnoticed.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.core.errors import ConfigError

# A TOML table frozen as sorted (key, value) pairs, lists as tuples.
Table = tuple[tuple[str, Any], ...]


def _freeze(value: Any) -> Any:
    """Dicts and lists of a TOML value made hashable (tables become sorted pairs)."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


@dataclass(frozen=True)
class Config:
    """All of sitrep's settings. Build with :func:`load_config`."""

    db: str
    spacy_model: str
    cache_dir: str
    gazetteer_countries: tuple[str, ...]
    gazetteer_min_population: int
    gazetteer_focus_countries: tuple[str, ...]
    actor_files: tuple[str, ...]
    history_days: int
    background_days: int
    recall_days: int
    # `sitrep follow` (sitrep.live): tables kept as sorted (key, value) pairs so
    # that the Config stays hashable; sitrep.live.settings reads and checks them
    feeds: tuple[Table, ...]
    follow_interval: int
    follow_timeout: int
    follow_host_delay_ms: int
    follow_host_concurrency: int
    follow_max_backoff: int
    follow_user_agent: str
    alerts: tuple[Table, ...]
    webhooks: tuple[Table, ...]
    max_article_bytes: int
    workers: int
    event_model: str

    @property
    def cache_path(self) -> Path:
        """The folder where built resources are cached."""
        if self.cache_dir:
            return Path(self.cache_dir).expanduser()
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "sitrep"

    def with_(self, **changes: Any) -> Config:
        """A copy with some settings changed (values are validated)."""
        return _build({**_as_dict(self), **changes}, origin="arguments")


def _as_dict(cfg: Config) -> dict[str, Any]:
    return {f.name: getattr(cfg, f.name) for f in fields(cfg)}


def _build(values: dict[str, Any], *, origin: str) -> Config:
    known = {f.name: f for f in fields(Config)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(
            f"{origin}: unknown setting(s) {', '.join(unknown)}; "
            f"valid settings are: {', '.join(sorted(known))}"
        )
    clean: dict[str, Any] = {}
    for name, value in values.items():
        default_type = str(known[name].type)
        if default_type.startswith("tuple"):
            if not isinstance(value, list | tuple):
                raise ConfigError(f"{origin}: setting {name!r} must be a list, got {value!r}")
            if default_type.startswith("tuple[Table"):
                if not all(isinstance(v, dict | tuple) for v in value):
                    raise ConfigError(
                        f"{origin}: setting {name!r} must be a list of tables ([[{name}]])"
                    )
                value = tuple(_freeze(v) for v in value)
            else:
                value = tuple(value)
        elif default_type == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ConfigError(f"{origin}: setting {name!r} must be an integer, got {value!r}")
        elif default_type == "str" and not isinstance(value, str):
            raise ConfigError(f"{origin}: setting {name!r} must be a string, got {value!r}")
        clean[name] = value
    missing = sorted(set(known) - set(clean))
    if missing:
        raise ConfigError(f"{origin}: missing setting(s) {', '.join(missing)}")
    return Config(**clean)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {path} does not exist") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Read the defaults, then ``path`` (or ``$SITREP_CONFIG``), then ``overrides``.

    ``$SITREP_DB`` overrides the ``db`` setting; an explicit ``db=`` override
    wins over everything.
    """
    text = resources.files("sitrep").joinpath("data/defaults.toml").read_bytes()
    values: dict[str, Any] = tomllib.loads(text.decode("utf-8"))
    user = path or os.environ.get("SITREP_CONFIG")
    if user:
        user_values = _read_toml(Path(user))
        values.update(user_values)
        _build(values, origin=str(user))
    if os.environ.get("SITREP_DB"):
        values["db"] = os.environ["SITREP_DB"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    return _build(values, origin="settings")


def default_config() -> Config:
    """The bundled defaults, ignoring the environment (for tests and libraries)."""
    text = resources.files("sitrep").joinpath("data/defaults.toml").read_bytes()
    return _build(tomllib.loads(text.decode("utf-8")), origin="defaults.toml")


__all__ = ["Config", "load_config", "default_config", "replace"]
