"""Regular expressions built from word lists, for quick tests before slow patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable

# English month and weekday names, written once: the readers' patterns join them into
# their alternations (a weekday or month after a verb is a date, not a place or a name).
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: "January|February|...|December" and "Monday|...|Sunday": alternations without a group
MONTH_NAMES = "|".join(MONTHS)
WEEKDAY_NAMES = "|".join(WEEKDAYS)


def starts_pattern(words: Iterable[str]) -> str:
    """A regex that matches where one of ``words`` starts, as a trie.

    Where a word ends, what follows it is left out (a longer word that starts
    with it adds no place to match), so the pattern may match a longer string
    than the word. Each character is tried once per position, not once per word
    as in a plain alternation: ``re.compile(starts_pattern(words)).search(text)``
    tells whether ``text`` holds one of ``words`` at C speed.
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:
            return ""  # a word ends here: what follows cannot add a match
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return pattern(root)
