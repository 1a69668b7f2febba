"""spaCy's attribute ruler applied without its Matcher: the same rules, looked up.

The small English pipeline's ``attribute_ruler`` maps fine tags to parts of
speech and morphology and fixes a few words ("ai n't", "gon na"); run through
spaCy's general token Matcher it took about as long as the parser on the
candidate sentences (0.50 of 1.36 CPU-s for 546 sentences of general news).
Its 179 rules only test a token's lower-cased text, fine tag, dependency label
and whether it is a space, by equality, set membership or a regular
expression, over one or two tokens: :class:`CompiledAttributeRuler` indexes
them by the exact lower-cased text or tag they require and tests only those a
token can match.

It gives the component's result, not an approximation: every match of every
rule is found on the tokens as the parser left them, then applied in the order
of the rules (a later rule wins), on the token the rule names, through
spaCy's own ``set_token_attrs``, as ``AttributeRuler.set_annotations`` does.
:func:`compile_attribute_ruler` returns None for a ruler using anything else
(other attributes, operators, quantifiers), which then runs as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# what a rule may test, as columns of Doc.to_array (hashes of the strings, IS_SPACE 0/1)
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_COL = {name: k for k, name in enumerate(_COLUMNS)}
# the attributes a rule is indexed by, in order of preference (the most selective first)
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")
# the tests, on one token's column value: equal, one of, none of, the pattern found in its string
_EQ, _IN, _NOT_IN, _REGEX = range(4)

Test = tuple[int, int, Any]


@dataclass(frozen=True)
class _Rule:
    """One pattern of one rule: the tests of each token, and where it sets its attributes."""

    attr_id: int
    tests: tuple[tuple[Test, ...], ...]
    index: int


class _Search:
    """A REGEX test, remembered per string (a text's words repeat)."""

    def __init__(self, pattern: str) -> None:
        self._search = re.compile(pattern).search
        self._seen: dict[int, bool] = {}

    def __call__(self, value: int, strings: Any) -> bool:
        hit = self._seen.get(value)
        if hit is None:
            if len(self._seen) > 100_000:
                self._seen.clear()  # bounded: a long-running process reads many words
            hit = self._seen[value] = self._search(strings[value]) is not None
        return hit


def _test(attr: str, value: object, key: Callable[[str], int]) -> Test | None:
    """One ``attr: value`` of a Matcher token pattern as a test (None: not implemented)."""
    col = _COL.get(attr)
    if col is None:
        return None
    if attr == "IS_SPACE":
        return (col, _EQ, int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return col, _EQ, key(value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        return col, _IN if op == "IN" else _NOT_IN, frozenset(key(a) for a in arg)
    if op == "REGEX" and isinstance(arg, str):
        # the Matcher searches the attribute's string anywhere (re.search)
        return col, _REGEX, _Search(arg)
    return None


def _all_pass(
    tests: tuple[tuple[Test, ...], ...], rows: list[list[int]], start: int, strings: Any
) -> bool:
    """Whether the tokens from ``start`` on pass a pattern's tests, token by token."""
    for k, token_tests in enumerate(tests):
        row = rows[start + k]
        for col, op, arg in token_tests:
            value = row[col]
            if op == _EQ:
                if value != arg:
                    return False
            elif op == _IN:
                if value not in arg:
                    return False
            elif op == _NOT_IN:
                if value in arg:
                    return False
            elif not arg(value, strings):
                return False
    return True


def _keys(first: dict[str, object], key: Callable[[str], int]) -> tuple[str, list[int]] | None:
    """The attribute and exact values a token must have to match ``first`` (None: any)."""
    for attr in _INDEXED:
        value = first.get(attr)
        if isinstance(value, bool):
            return attr, [int(value)]
        if isinstance(value, str):
            return attr, [key(value)]
        if isinstance(value, dict) and list(value) == ["IN"]:
            return attr, [key(str(v)) for v in value["IN"]]
    return None


def _hasher(vocab: Any) -> Callable[[str], int]:
    """The hash a Doc's columns hold for a string (looked up, the store left as it is)."""
    strings = vocab.strings
    return lambda text: int(strings[text])


class CompiledAttributeRuler:
    """The rules of a spaCy ``AttributeRuler``, indexed; call it on a parsed Doc."""

    def __init__(
        self, vocab: Any, attrs: list[Any], rules: list[tuple[_Rule, dict[str, object]]]
    ) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self._strings = vocab.strings
        self._attrs = attrs
        self._set = set_token_attrs
        # where in its match each rule sets its attributes (may count from the end)
        self._rule_index = {rule.attr_id: rule.index for rule, _ in rules}
        # rules by the first token's exact lower-cased text / tag; the rest tried on every token
        self._by: dict[str, dict[int, list[_Rule]]] = {attr: {} for attr in _INDEXED}
        self._anywhere: list[_Rule] = []
        # per token row (its LOWER, TAG, DEP, IS_SPACE): the one-token rules it passes
        # and the longer rules whose first token it passes (words and tags repeat)
        self._by_row: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}
        for rule, first in rules:
            keyed = _keys(first, _hasher(vocab))
            if keyed is None:
                self._anywhere.append(rule)
                continue
            attr, values = keyed
            for value in dict.fromkeys(values):
                self._by[attr].setdefault(value, []).append(rule)

    def matches(self, doc: Any) -> list[tuple[int, int, int]]:
        """Every (rule, start, end) the component's Matcher finds in ``doc``, in its order."""
        # one row per token (several columns: always two-dimensional)
        rows: list[list[int]] = doc.to_array(list(_COLUMNS)).tolist() if len(doc) else []
        strings = self._strings
        by_row = self._by_row
        if len(by_row) > 100_000:
            by_row.clear()  # bounded: a long-running process reads many words
        found: list[tuple[int, int, int]] = []
        n = len(rows)
        for start, row in enumerate(rows):
            key = tuple(row)
            known = by_row.get(key)
            if known is None:
                known = by_row[key] = self._row_rules(row)
            singles, longer = known
            for attr_id in singles:
                found.append((attr_id, start, start + 1))
            for rule in longer:
                end = start + len(rule.tests)
                if end <= n and _all_pass(rule.tests, rows, start, strings):
                    found.append((rule.attr_id, start, end))
        # as AttributeRuler.match sorts them: a later rule is applied later, so it wins
        found.sort()
        return found

    def _row_rules(self, row: list[int]) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        """The rules a token of ``row`` may start: the one-token rules it matches (a
        one-token rule tests the token alone), and the longer rules whose first
        token's tests it passes (the rest is tested where it stands)."""
        candidates = [rule for attr in _INDEXED for rule in self._by[attr].get(row[_COL[attr]], ())]
        singles: list[int] = []
        longer: list[_Rule] = []
        for rule in (*candidates, *self._anywhere):
            if not _all_pass(rule.tests[:1], [row], 0, self._strings):
                continue
            if len(rule.tests) == 1:
                singles.append(rule.attr_id)
            else:
                longer.append(rule)
        return tuple(singles), tuple(longer)

    def __call__(self, doc: Any) -> Any:
        for attr_id, start, end in self.matches(doc):
            index = self._rule_index[attr_id]
            self._set(doc[start + index] if index >= 0 else doc[end + index], self._attrs[attr_id])
        return doc


def compile_attribute_ruler(component: Any) -> CompiledAttributeRuler | None:
    """``component``'s rules compiled, or None when it uses what this does not implement."""
    from spacy.pipeline import AttributeRuler

    if type(component) is not AttributeRuler:
        return None  # a subclass may match or apply otherwise
    try:
        patterns: list[dict[str, Any]] = list(component.patterns)
        indices: list[int] = list(component.indices)
    except AttributeError:
        return None
    key = _hasher(component.vocab)
    rules: list[tuple[_Rule, dict[str, object]]] = []
    for attr_id, entry in enumerate(patterns):
        index = indices[attr_id]
        for pattern in entry["patterns"]:
            if not pattern or not isinstance(pattern, list):
                return None
            tests: list[tuple[Test, ...]] = []
            for spec in pattern:
                if not isinstance(spec, dict) or not spec:
                    return None
                token_tests = [_test(attr, value, key) for attr, value in spec.items()]
                if any(t is None for t in token_tests):
                    return None  # an operator, quantifier or attribute not implemented
                tests.append(tuple(t for t in token_tests if t is not None))
            if not -len(pattern) <= index < len(pattern):
                return None
            rules.append((_Rule(attr_id, tuple(tests), index), pattern[0]))
    return CompiledAttributeRuler(component.vocab, list(component.attrs), rules)
