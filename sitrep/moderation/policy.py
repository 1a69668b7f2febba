"""The comment policy: which languages are allowed, which rules run, the thresholds.

A policy is a TOML file (the bundled ``default_policy.toml`` is the seed
publisher's: no insults, no slander, no Finglish). A user's file overrides the
defaults key by key; unknown keys are an error so a typo never goes unnoticed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.core.errors import ConfigError
from sitrep.moderation.language import ENGLISH, FINGLISH, OTHER, PERSIAN, UNKNOWN

LANGUAGES = (PERSIAN, ENGLISH, FINGLISH, OTHER, UNKNOWN)

_SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "": {"version": str, "name": str},
    "language": {"allowed": list},
    "insults": {"enabled": bool, "extra_words": list, "allowed_words": list},
    "slander": {"enabled": bool},
    "verdicts": {"reject": (int, float), "review": (int, float)},
    "classifier": {
        "path": str,
        "reject": (int, float),
        "review": (int, float),
        "shipped": bool,
        "shipped_reject": (int, float),
        "shipped_review": (int, float),
    },
    "spam": {
        "enabled": bool,
        "links": str,
        "phones": str,
        "solicitation": str,
        "repeats": str,
        "allowed_domains": list,
    },
    "finglish": {"inline": str},
}

# What a spam or Finglish finding does to the comment: "reject", "review" or "ignore".
ACTIONS = ("reject", "review", "ignore")


@dataclass(frozen=True)
class Policy:
    """A loaded policy. Build with :func:`load_policy` or :func:`default_policy`."""

    version: str
    name: str
    allowed_languages: tuple[str, ...]
    insults: bool
    extra_insults: tuple[str, ...]
    allowed_words: tuple[str, ...]
    slander: bool
    reject_threshold: float
    review_threshold: float
    classifier_path: str
    classifier_reject: float
    classifier_review: float
    shipped_classifier: bool
    shipped_reject: float
    shipped_review: float
    spam: bool
    spam_links: str
    spam_phones: str
    spam_solicitation: str
    spam_repeats: str
    allowed_domains: tuple[str, ...]
    finglish_inline: str
    source: str  # the file it was read from ("<default>" for the bundled one)
    # folder relative classifier paths are read from: the policy file's; "" (the
    # bundled policy) reads them from the working directory at the time of use
    base_dir: str

    @property
    def classifier_file(self) -> Path | None:
        """Where the trained classifier lives, or None when the policy names none."""
        if not self.classifier_path:
            return None
        path = Path(self.classifier_path).expanduser()
        if path.is_absolute():
            return path
        return (Path(self.base_dir) if self.base_dir else Path.cwd()) / path

    def allows(self, language: str) -> bool:
        """Whether comments in ``language`` may be published."""
        return language in self.allowed_languages


def _default_values() -> dict[str, Any]:
    text = resources.files("sitrep.moderation").joinpath("default_policy.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(values: dict[str, Any], user: dict[str, Any], origin: str) -> dict[str, Any]:
    merged = {k: dict(v) if isinstance(v, dict) else v for k, v in values.items()}
    for key, value in user.items():
        if isinstance(value, dict):
            if key not in _SCHEMA or key == "":
                raise ConfigError(
                    f"policy {origin}: unknown section [{key}]; known: "
                    f"{', '.join(k for k in _SCHEMA if k)}"
                )
            for sub, subvalue in value.items():
                if sub not in _SCHEMA[key]:
                    raise ConfigError(
                        f"policy {origin}: unknown key {sub!r} in [{key}]; "
                        f"known: {', '.join(_SCHEMA[key])}"
                    )
                merged[key][sub] = subvalue
        elif key in _SCHEMA[""]:
            merged[key] = value
        else:
            raise ConfigError(f"policy {origin}: unknown key {key!r}")
    return merged


def _check(values: dict[str, Any], origin: str) -> None:
    for section, keys in _SCHEMA.items():
        table = values if section == "" else values.get(section, {})
        for key, kind in keys.items():
            value = table.get(key)
            if isinstance(value, bool) and kind is not bool:
                value = None  # a bool is an int to isinstance; refuse it for numbers
            if value is None or not isinstance(value, kind):
                where = f"[{section}] {key}" if section else key
                raise ConfigError(f"policy {origin}: {where} is missing or has the wrong type")
    unknown = sorted(set(values["language"]["allowed"]) - set(LANGUAGES))
    if unknown:
        raise ConfigError(
            f"policy {origin}: unknown language(s) {', '.join(unknown)} in [language] allowed; "
            f"use some of {', '.join(LANGUAGES)}"
        )
    for section, prefix in (("verdicts", ""), ("classifier", ""), ("classifier", "shipped_")):
        review, reject = values[section][prefix + "review"], values[section][prefix + "reject"]
        if not 0.0 <= review <= reject <= 1.0:
            raise ConfigError(
                f"policy {origin}: [{section}] needs 0 <= {prefix}review <= {prefix}reject <= 1, "
                f"got {prefix}review={review}, {prefix}reject={reject}"
            )
    for section, key in [("spam", k) for k in ("links", "phones", "solicitation", "repeats")] + [
        ("finglish", "inline")
    ]:
        if values[section][key] not in ACTIONS:
            raise ConfigError(
                f"policy {origin}: [{section}] {key} must be one of {', '.join(ACTIONS)}, "
                f"got {values[section][key]!r}"
            )


def _build(values: dict[str, Any], *, source: str, base_dir: str) -> Policy:
    _check(values, source)
    return Policy(
        version=values["version"],
        name=values["name"],
        allowed_languages=tuple(values["language"]["allowed"]),
        insults=values["insults"]["enabled"],
        extra_insults=tuple(str(w) for w in values["insults"]["extra_words"]),
        allowed_words=tuple(str(w) for w in values["insults"]["allowed_words"]),
        slander=values["slander"]["enabled"],
        reject_threshold=float(values["verdicts"]["reject"]),
        review_threshold=float(values["verdicts"]["review"]),
        classifier_path=values["classifier"]["path"],
        classifier_reject=float(values["classifier"]["reject"]),
        classifier_review=float(values["classifier"]["review"]),
        shipped_classifier=values["classifier"]["shipped"],
        shipped_reject=float(values["classifier"]["shipped_reject"]),
        shipped_review=float(values["classifier"]["shipped_review"]),
        spam=values["spam"]["enabled"],
        spam_links=values["spam"]["links"],
        spam_phones=values["spam"]["phones"],
        spam_solicitation=values["spam"]["solicitation"],
        spam_repeats=values["spam"]["repeats"],
        allowed_domains=tuple(str(d).casefold() for d in values["spam"]["allowed_domains"]),
        finglish_inline=values["finglish"]["inline"],
        source=source,
        base_dir=base_dir,
    )


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The bundled policy (the seed publisher's).

    It depends on nothing but the bundled file (relative classifier paths are
    read from the working directory when used), so one copy serves every caller.
    """
    return _build(_default_values(), source="<default>", base_dir="")


def load_policy(path: str | Path | None = None) -> Policy:
    """Read a policy file layered on the defaults; ``None`` gives the default policy."""
    if path is None:
        return default_policy()
    path = Path(path)
    try:
        with path.open("rb") as fh:
            user = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"policy file {path} does not exist: check the path") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"policy file {path} is not valid TOML: {exc}") from exc
    values = _merge(_default_values(), user, str(path))
    return _build(values, source=str(path), base_dir=str(path.resolve().parent))
