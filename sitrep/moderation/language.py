"""Which script and language a comment is written in, Finglish included.

Off-the-shelf identifiers have no Finglish class (py3langid calls it English or
Swahili), so Latin-script text is judged token by token here:

* our word lists (``lexicon.FINGLISH_WORDS``, ``lexicon.ENGLISH_WORDS``) give
  strong votes;
* the English word index shipped inside the spaCy model package (its
  lemmatizer tables) votes English for words it knows;
* the ``finglish`` package transliterates a token to Persian script, and the
  Persian word-frequency list it ships says whether that is a real Persian word;
* character n-gram cues (``kh``, ``gh``, ``zh``, ``aa``, a bare ``q`` for Persian;
  ``th``, ``wh``, ``tion``, ``-ing``, ``ck``, ``w``, ``x`` for English) decide the rest.

The votes are summed over the Latin part and turned into a smoothed share, the
probability-like ``finglish_score``. Mixed text is judged by its main part: the
script with more letters wins.
"""

from __future__ import annotations

import bisect
import contextlib
import importlib
import importlib.util
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.moderation.lexicon import AMBIGUOUS, ENGLISH_WORDS, FINGLISH_WORDS, MODERN_ENGLISH

if TYPE_CHECKING:
    from sitrep.core.config import Config

PERSIAN = "fa"  # Persian (or other Arabic-script) text
ENGLISH = "en"
FINGLISH = "finglish"  # Persian typed in Latin letters
OTHER = "other"  # another Latin-script language
UNKNOWN = "unknown"  # no letters at all

_LATIN_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_HELD_KEY = re.compile(r"(.)\1{2,}")
_SPOKEN_VERB = re.compile(r"^(?:ne)?mi[a-z]{2,}(?:am|i|e|eh|im|id|in|an|and|ad)$")

#: How common (in the ``finglish`` word list) a stem must be to vote for an inflected word.
STEM_FREQ = 200

# Character cues, (pattern, weight): positive leans Finglish, negative English.
_CUES: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"kh"), 1.0),
    (re.compile(r"(?<![iuo])gh"), 0.75),
    (re.compile(r"zh"), 0.5),
    (re.compile(r"aa"), 0.5),
    (re.compile(r"q(?!u)"), 0.5),
    (re.compile(r"[^e]eh$"), 0.5),
    (re.compile(r"^(?:ne|na|be|mi)[bcdfghjklmnpqrstvxz]"), 0.25),
    (re.compile(r"(?:oon|oun|ooni|eshoon|etoon|emoon|ha|haa)$"), 0.25),
    (re.compile(r"th"), -1.0),
    (re.compile(r"wh"), -1.0),
    (re.compile(r"[ts]ion"), -1.0),
    (re.compile(r"ing$"), -0.75),
    (re.compile(r"[^e]ed$"), -0.5),
    (re.compile(r"ck"), -0.75),
    (re.compile(r"ph"), -0.5),
    (re.compile(r"w"), -0.5),
    (re.compile(r"x"), -0.5),
    (re.compile(r"c(?!h)"), -0.5),
    (re.compile(r"(?:ll|ss|tt|pp|ff|nn|rr)"), -0.3),
    (re.compile(r"[bcdfgklmnprstvz]y$"), -0.3),
    (re.compile(r"ly$"), -0.5),
    (re.compile(r"ou(?!sh|gh)"), -0.25),
)


@dataclass(frozen=True)
class LanguageGuess:
    """What a comment is written in.

    ``language`` is one of ``fa``, ``en``, ``finglish``, ``other``, ``unknown``;
    ``finglish_score`` is in [0, 1] (0.5 when there is no Latin text);
    ``latin_span`` covers the Latin part (first to last Latin word) or is None.
    """

    language: str
    finglish_score: float
    latin_share: float
    latin_span: tuple[int, int] | None
    finglish_votes: float
    english_votes: float


def english_index(spacy_model: str) -> frozenset[str]:
    """English words from the lemmatizer tables inside the spaCy model package ``spacy_model``.

    Empty when the model package is not installed (the detector then leans on
    its own lists and the character cues). Read afresh on each call: a
    :class:`LanguageDetector` keeps the index it needs.
    """
    spec = importlib.util.find_spec(spacy_model)
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    words: set[str] = set()
    for root in spec.submodule_search_locations:
        for path in Path(root).glob("*/lemmatizer/lookups/lookups.bin"):
            import srsly  # ships with spaCy

            tables: dict[str, Any] = srsly.msgpack_loads(path.read_bytes())
            for listing in tables.get("lemma_index", {}).values():
                words.update(w for w in listing if isinstance(w, str) and w.isalpha())
            for mapping in tables.get("lemma_exc", {}).values():
                words.update(w for w in mapping if isinstance(w, str) and w.isalpha())
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _finglish_module() -> Any:
    """The ``finglish.f2p`` module (it prints while loading: keep that off stdout)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return importlib.import_module("finglish.f2p")


def _english_forms(token: str) -> tuple[str, ...]:
    """The token and its likely lemmas (plural, past, -ing, -ly stripped)."""
    forms = [token]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("est", ""),
        ("'s", ""),
    ):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            forms.append(token[: -len(suffix)] + repl)
    return tuple(forms)


def persian_word_frequency(word: str) -> int:
    """How often the Persian-script ``word`` occurs in the word list ``finglish`` ships."""
    freq: dict[str, int] = _finglish_module().word_freq
    return freq.get(word, 0)


@lru_cache(maxsize=50_000)
def persian_frequency(token: str) -> int:
    """Frequency, in the Persian word list ``finglish`` ships, of the best transliteration.

    The frequency of the best of the three transliterations ``f2p.f2p_word`` returns,
    computed without listing every spelling (see :func:`_listed_spellings`).
    """
    f2p = _finglish_module()
    freq: dict[str, int] = f2p.word_freq
    word = token.lower()
    known = f2p.dictionary.get(word)
    if known:
        return freq.get(known, 0)
    if not word:
        return 0
    if len(word) > 15 or freq.get(token, 0):
        # f2p_word keeps these as written, as a candidate that could count: ask it.
        return _f2p_frequency(token)
    try:
        splits = f2p.variations(word)
    except (KeyError, ValueError, IndexError):  # odd spellings the package cannot read
        return 0
    # f2p_word scores each spelling against the most frequent of its split, sorts all
    # splits' spellings by that score (stably) and keeps three. Spellings not in the
    # list score 0 and add 0, so only the listed ones (in f2p_word's order) matter.
    listed: list[tuple[int, float]] = []
    for split in splits:
        found = _listed_spellings(f2p, split)
        if found is None:
            return _f2p_frequency(token)
        top = max(found, default=0)
        listed += [(n, float(n / top)) for n in found]
    listed.sort(key=lambda item: item[1], reverse=True)
    return max((n for n, _ in listed[:3]), default=0)


def _f2p_frequency(token: str) -> int:
    f2p = _finglish_module()
    try:
        candidates = f2p.f2p_word(token)
    except (KeyError, ValueError, IndexError):  # odd spellings the package cannot read
        return 0
    freq: dict[str, int] = f2p.word_freq
    return max((freq.get(word, 0) for word, _ in candidates), default=0)


def _listed_spellings(f2p: Any, letters: list[str]) -> list[int] | None:
    """Frequencies of the Persian spellings of ``letters`` that the word list holds.

    In ``itertools.product`` order, as ``f2p_word_internal`` lists them, but grown
    letter by letter and cut where no listed word starts with the spelling so far
    (a word of ten letters has thousands of spellings, a few dozen prefixes of
    listed words). None when a letter has no conversion (``f2p_word`` keeps such a
    word as written).
    """
    last = len(letters) - 1
    choices: list[list[str]] = []
    for i, letter in enumerate(letters):
        table = f2p.beginning if i == 0 else f2p.ending if i == last else f2p.middle
        conversions = table.get(letter)
        if conversions is None:
            return None
        choices.append(["" if c == "nothing" else c for c in conversions])
    freq: dict[str, int] = f2p.word_freq
    starts = _word_starts()
    out: list[int] = []

    def grow(i: int, spelled: str) -> None:
        for piece in choices[i]:
            spelling = spelled + piece
            if i == last:
                n = freq.get(spelling, 0)
                if n:
                    out.append(n)
            elif starts(spelling):
                grow(i + 1, spelling)

    grow(0, "")
    return out


@lru_cache(maxsize=1)
def _word_starts() -> Callable[[str], bool]:
    """Whether some word of the ``finglish`` Persian list starts with a string."""
    # A tuple of strings, not a list: the garbage collector stops tracking it, so it adds
    # nothing to a full collection (a list of 400,000 words added ~25 ms to each).
    words = tuple(sorted(_finglish_module().word_freq))

    def starts(prefix: str) -> bool:
        i = bisect.bisect_left(words, prefix)
        return i < len(words) and words[i].startswith(prefix)

    return starts


# Persian inflection typed in Latin letters: possessive and plural endings, verb
# prefixes. A word the Persian list lacks whole ("ketabeshoon", "nagoftan") is often
# a listed stem with these around it.
_SUFFIXES = tuple(
    sorted(
        (
            "am em at et ash esh emoon emun amoon etoon etun eshoon eshun ashoon atoon ye ie iye"
            " ei i e ha haa hay haye hash ro ra an im id in and yam yat yash man tan shan"
        ).split(),
        key=len,
        reverse=True,
    )
)
_PREFIXES = ("nemi", "mi", "ne", "na", "be", "bi")


def _persian_stems(token: str) -> set[str]:
    """Stems of ``token`` with one Persian prefix and/or suffix taken off (three letters left)."""
    out: set[str] = set()
    for prefix in ("", *_PREFIXES):
        if not token.startswith(prefix):
            continue
        rest = token[len(prefix) :]
        for suffix in ("", *_SUFFIXES):
            if (prefix or suffix) and rest.endswith(suffix):
                stem = rest[: len(rest) - len(suffix)]
                if len(stem) >= 3:
                    out.add(stem)
                # Two endings stacked: a plural or an object before a possessive
                # ("harf-esh-am", "bord-am-esh").
                for inner in _SUFFIXES if suffix else ():
                    if stem.endswith(inner) and len(stem) - len(inner) >= 3:
                        out.add(stem[: len(stem) - len(inner)])
    return out


@lru_cache(maxsize=50_000)
def persian_stem_frequency(token: str) -> int:
    """The best :func:`persian_frequency` among the Persian stems of ``token``."""
    return max((persian_frequency(stem) for stem in _persian_stems(token)), default=0)


def _english_compound(token: str, is_english_word: Callable[[str], bool]) -> bool:
    """Whether ``token`` is two English words run together ("hotline", "airbase")."""
    return any(
        is_english_word(token[:i]) and is_english_word(token[i:]) for i in range(3, len(token) - 2)
    )


def _token_votes(token: str, is_english_word: Callable[[str], bool]) -> tuple[float, float]:
    """(Finglish votes, English votes) for one lower-case Latin token."""
    token = _HELD_KEY.sub(r"\1\1", token)
    if len(token) < 2 or token in AMBIGUOUS:
        return 0.0, 0.0
    fin_listed = token in FINGLISH_WORDS
    en_listed = token in ENGLISH_WORDS or token in MODERN_ENGLISH
    if fin_listed != en_listed:
        return (2.0, 0.0) if fin_listed else (0.0, 2.0)
    if fin_listed:
        return 0.0, 0.0
    fin = en = 0.0
    english = is_english_word(token)
    if english:
        en += 1.0 if len(token) >= 4 else 0.5
    # A known English word of four letters or more is not looked up in Persian: its
    # transliteration often lands on some Persian word and only adds noise (and time).
    freq = 0 if (english and len(token) >= 4) or len(token) > 14 else persian_frequency(token)
    if freq >= 50:
        fin += 1.0
    elif freq >= 3:
        fin += 0.5
    elif (
        not english
        and 5 <= len(token) <= 14
        and persian_stem_frequency(token) >= STEM_FREQ
        and not _english_compound(token, is_english_word)
    ):
        # An inflected Persian word; the stem must be common, since short English
        # pieces ("side" in "beside") transliterate to some Persian word too.
        fin += 0.75
    if not english and _SPOKEN_VERB.match(token):
        fin += 1.0
    for pattern, weight in _CUES:
        if pattern.search(token):
            if weight > 0:
                fin += weight
            else:
                en -= weight
    return fin, en


# @mentions, links and e-mail addresses: names of accounts and pages, no language's words
# («@neda_k» is a handle, not the Finglish name «ندا»). A #hashtag is the writer's words.
_NOT_WORDS = re.compile(r"(?<![\w@])@[\w.]+|(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")


def _words_only(text: str) -> str:
    """``text`` with :data:`_NOT_WORDS` blanked out, offsets kept."""
    if "@" not in text and "http" not in text and "www." not in text:
        return text
    return _NOT_WORDS.sub(lambda m: " " * len(m.group()), text)


def latin_tokens(text: str) -> list[tuple[str, int, int]]:
    """Lower-case Latin tokens with their character offsets (not those of handles and links)."""
    words = _words_only(text)
    return [(m.group().lower(), m.start(), m.end()) for m in _LATIN_TOKEN.finditer(words)]


@lru_cache(maxsize=1)
def _langid() -> Any:
    return importlib.import_module("py3langid")


def _detect(text: str, token_votes: Callable[[str], tuple[float, float]]) -> LanguageGuess:
    """:func:`detect_language` with the votes of ``token_votes``."""
    words = _words_only(text)
    arabic = len(_ARABIC_LETTER.findall(words))
    latin = len(_LATIN_LETTER.findall(words))
    if arabic + latin == 0:
        return LanguageGuess(UNKNOWN, 0.5, 0.0, None, 0.0, 0.0)
    share = latin / (arabic + latin)
    tokens = latin_tokens(text)
    span = (tokens[0][1], tokens[-1][2]) if tokens else None
    fin = en = 0.0
    for token, _, _ in tokens:
        f, e = token_votes(token)
        fin += f
        en += e
    # Laplace-style smoothing: one word of evidence cannot reach certainty.
    score = (fin + 0.5) / (fin + en + 1.0)
    if arabic >= latin:
        return LanguageGuess(PERSIAN, round(score, 4), share, span, fin, en)
    if score > 0.5:
        language = FINGLISH
    else:
        language = ENGLISH
        # English votes that are thin may hide French, Turkish, ...: ask py3langid.
        if en < 2.0 * max(1, len(tokens) // 3) and len(tokens) >= 3:
            code, _ = _langid().classify(text)
            if code != "en":
                language = OTHER
    return LanguageGuess(language, round(score, 4), share, span, fin, en)


# Finglish inside an English or Persian comment ------------------------------------

#: Latin words a quotation may hold and still be a mention whose words are left alone.
QUOTED_MENTION_WORDS = 3
INLINE_MARGIN = 0.5  # Finglish votes minus English votes a single word needs (half a vote)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")
_SENTENCE_START = re.compile(r"(?:^|[.!?؟\n:]\s*|[\"“«(]\s*)$")


@dataclass(frozen=True)
class FinglishSpan:
    """A run of Finglish words inside a comment: offsets, the words, the Persian spelling."""

    span: tuple[int, int]
    words: tuple[str, ...]
    transliteration: str


def transliterate(text: str) -> str:
    """Persian-script spelling of Finglish ``text`` (the ``finglish`` package's best guess)."""
    try:
        return str(_finglish_module().f2p(text))
    except (KeyError, ValueError, IndexError):  # spellings the package cannot read
        return ""


def _is_name(text: str, start: int, token: str) -> bool:
    """A capitalised word: a name or a brand (Ali, Samsung, Talabani).

    Only a listed Finglish word opening a sentence ("Kheili mamnoon") escapes.
    """
    original = text[start : start + len(token)]
    if not original[:1].isupper():
        return False
    return not (_SENTENCE_START.search(text[:start]) and token in FINGLISH_WORDS)


def _finglish_spans(text: str, lang: LanguageDetector) -> list[FinglishSpan]:
    """:func:`find_finglish_spans` with the votes of ``lang``."""
    # A short quote mentions a word («salam», "inshallah"); a long one is reported
    # speech whose words are used like any others, and a quote that never closes
    # (news sentences cut from a longer quote) is no mention either.
    quoted = [
        (m.start(), m.end())
        for m in _QUOTED.finditer(text)
        if len(_LATIN_TOKEN.findall(m.group())) <= QUOTED_MENTION_WORDS
    ]
    tokens = latin_tokens(text)
    marks: list[bool | None] = []  # True Finglish, None ambiguous, False not
    for token, start, end in tokens:
        # didn’t, vis-a-vis: pieces of English words the tokeniser split.
        glued = text[end : end + 1] in ("’", "-") or text[start - 1 : start] in ("’", "-")
        if glued or any(s <= start < e for s, e in quoted) or _is_name(text, start, token):
            marks.append(False)
            continue
        fin, en = lang.token_votes(token)
        # A word English also has ("dust", "bud") is English inside an English sentence.
        # Finglish is typed with its vowels (svg, xss are acronyms) unless it is a listed word.
        voweled = bool(re.search(r"[aeiouy]", token)) or token in FINGLISH_WORDS
        if (
            fin - en >= INLINE_MARGIN
            and len(token) >= 3
            and voweled
            and not lang.is_english_word(token)
        ):
            marks.append(True)
        elif fin == en == 0.0 and _HELD_KEY.sub(r"\1\1", token) in AMBIGUOUS:
            marks.append(None)
        else:
            marks.append(False)
    runs: list[list[int]] = []
    for i, mark in enumerate(marks):
        if mark is True:
            joinable = (
                runs
                and all(marks[j] is None for j in range(runs[-1][-1] + 1, i))
                and i - runs[-1][-1] <= 2
                and not re.search(r"[^\sA-Za-z']", text[tokens[runs[-1][-1]][2] : tokens[i][1]])
            )
            if joinable:
                runs[-1].append(i)
            else:
                runs.append([i])
    out: list[FinglishSpan] = []
    for run in runs:
        start, end = tokens[run[0]][1], tokens[run[-1]][2]
        words = tuple(t for t, _, _ in tokens[run[0] : run[-1] + 1])
        out.append(FinglishSpan((start, end), words, transliterate(text[start:end])))
    return out


# The detector and its caches ------------------------------------------------------


class LanguageDetector:
    """The language detector for one spaCy model's English word index.

    It owns what it learns while it runs: the index (read on first use) and the
    votes of the tokens it has seen (at most :data:`TOKEN_CACHE` of them).
    """

    def __init__(self, spacy_model: str) -> None:
        self.spacy_model = spacy_model
        self._index: frozenset[str] | None = None
        self.token_votes: Callable[[str], tuple[float, float]] = lru_cache(maxsize=TOKEN_CACHE)(
            partial(_token_votes, is_english_word=self.is_english_word)
        )

    def english_words(self) -> frozenset[str]:
        """The English word index of the spaCy model (read once, on first use)."""
        if self._index is None:
            self._index = english_index(self.spacy_model)
        return self._index

    def is_english_word(self, token: str) -> bool:
        """Whether the lower-case ``token`` or one of its likely lemmas is an English word."""
        index = self.english_words()
        return any(f in index for f in _english_forms(token))

    def detect(self, text: str) -> LanguageGuess:
        """Guess the language of ``text`` (see the module docstring)."""
        return _detect(text, self.token_votes)

    def finglish_spans(self, text: str) -> list[FinglishSpan]:
        """Finglish words inside ``text``, grouped into runs (see :func:`find_finglish_spans`)."""
        return _finglish_spans(text, self)


#: Token votes a detector remembers.
TOKEN_CACHE = 50_000
#: Detectors kept, one per spaCy model name (a process normally uses one).
DETECTORS = 4


@lru_cache(maxsize=DETECTORS)
def detector(spacy_model: str) -> LanguageDetector:
    """The detector for ``spacy_model`` (kept for the most recently used few models)."""
    return LanguageDetector(spacy_model)


@lru_cache(maxsize=1)
def _default_spacy_model() -> str:
    from sitrep.core.config import default_config

    return default_config().spacy_model


def _detector(config: Config | None) -> LanguageDetector:
    return detector(config.spacy_model if config is not None else _default_spacy_model())


def detect_language(text: str, *, config: Config | None = None) -> LanguageGuess:
    """Guess the language of ``text``; see the module docstring for how.

    English words are looked up in the index of ``config.spacy_model`` (the
    bundled default settings when ``config`` is None).
    """
    return _detector(config).detect(text)


def find_finglish_spans(text: str, *, config: Config | None = None) -> list[FinglishSpan]:
    """Finglish words inside ``text`` (whatever its main language), grouped into runs.

    A word counts when its Finglish votes beat its English votes by INLINE_MARGIN
    (a listed Finglish word, a Persian word by the ``finglish`` transliteration, or
    a strong spelling cue) and it is not an English word.
    Words in quotation marks (a reader quoting «salam») and capitalised words that
    do not open a sentence (names and brands: Ali, Samsung) are left alone. An
    ambiguous word ("to", "man") between two Finglish words joins their run.
    ``config`` chooses the English word index, as for :func:`detect_language`.
    """
    return _detector(config).finglish_spans(text)


def token_votes(token: str, *, config: Config | None = None) -> tuple[float, float]:
    """(Finglish votes, English votes) for one lower-case Latin token."""
    return _detector(config).token_votes(token)


def _is_english_word(token: str, *, config: Config | None = None) -> bool:
    return _detector(config).is_english_word(token)
