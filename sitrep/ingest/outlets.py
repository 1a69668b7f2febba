"""The outlet directory: which names in a text are news outlets.

Reads ``data/outlets.json`` (canonical name + aliases in any script). Used by
attribution ("According to The Washington Post, ...") and to give an article's
outlet one canonical spelling, so that "Washington Post" and "The Washington
Post" count as one source.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.core.errors import DataError


def _key(name: str) -> str:
    name = name.replace("\u200c", " ").casefold()
    name = re.sub(r"^the\s+", "", name)
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


@dataclass(frozen=True)
class OutletDirectory:
    """Canonical outlet names by normalised alias."""

    by_key: dict[str, str]
    pattern: re.Pattern[str]

    def canonical(self, name: str | None) -> str | None:
        """The canonical spelling of a known outlet, else ``name`` tidied (or None)."""
        if not name or not name.strip():
            return None
        return self.by_key.get(_key(name), " ".join(name.split()))

    def is_outlet(self, name: str) -> bool:
        """True when ``name`` is a known outlet (in any listed spelling)."""
        return _key(name) in self.by_key

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Known outlet names in ``text``: (start, end, canonical name), in order."""
        found = []
        for m in self.pattern.finditer(text):
            found.append((m.start(), m.end(), self.by_key[_key(m.group(0))]))
        return found


@lru_cache(maxsize=1)
def outlet_directory() -> OutletDirectory:
    """The bundled outlet directory (loaded once per process)."""
    raw = resources.files("sitrep").joinpath("data/outlets.json").read_text("utf-8")
    try:
        entries = json.loads(raw)["outlets"]
    except (ValueError, KeyError) as exc:
        raise DataError(f"sitrep/data/outlets.json is malformed: {exc}") from exc
    by_key: dict[str, str] = {}
    surface: list[str] = []
    for entry in entries:
        name = entry["name"]
        for alias in [name, *entry.get("aliases", [])]:
            by_key[_key(alias)] = name
            surface.append(alias)
            if alias.lower().startswith("the "):
                surface.append(alias[4:])
    # Longest first so "BBC Persian" wins over "BBC"; Latin names match
    # case-sensitively (AP, AA and RT must not match ordinary words).
    alternatives = sorted(set(surface), key=len, reverse=True)
    body = "|".join(re.escape(a) for a in alternatives)
    pattern = re.compile(rf"(?<![\w\u200c])(?:{body})(?![\w\u200c])")
    return OutletDirectory(by_key=by_key, pattern=pattern)
