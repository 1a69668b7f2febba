"""Text normalisation for matching: one set of character tables, a few named policies.

Every matcher in sitrep compares a folded copy of text with a folded copy of
its word lists: the gazetteer and the actor dictionary build lookup keys, the
Persian reader folds a sentence while keeping the offset of every character,
moderation folds comments before its word lists and its classifier see them.
They all fold with :func:`fold` (or :func:`fold_with_offsets`) under a
:class:`FoldPolicy`, built from the character tables defined here.

What varies between writers of the same word:

- **Letter variants.** Persian text typed on an Arabic keyboard has Arabic
  yeh and alef maksura (ي ى) for Persian yeh (ی), Arabic kaf (ك) for Persian
  kaf (ک) (:data:`YEH_KAF`); teh marbuta (ة) for heh (:data:`TEH_MARBUTA`);
  hamza and madda seats that are often left off (أ إ آ ٱ ئ, :data:`HAMZA`),
  heh with yeh above (ۀ, :data:`HEH_YEH`) and waw with hamza (ؤ,
  :data:`WAW_HAMZA`); in Latin script, letters without a decomposition
  (ø, ł, ß, ı, ..., :data:`LATIN_LETTERS`).
- **Marks.** Arabic diacritics (:data:`HARAKAT`), Quranic annotation signs
  (:data:`QURANIC_MARKS`), tatweel (ـ), directional marks; Latin accents
  (``accents``: NFKD, then combining marks dropped).
- **Digits.** Persian (۰-۹) and Arabic-Indic (٠-٩) digits (:data:`DIGITS`),
  the Arabic decimal and thousands separators (٫ ٬).
- **The zero-width non-joiner** (ZWNJ, U+200C) splits a Persian word into
  parts that stay one word (نیروهای‌عراقی, بازپس‌گیری); it is typed, omitted or
  replaced by a space at will. A policy keeps it (the Persian reader's patterns
  know it), drops it (a lookup key: بی‌شعور = بیشعور) or makes it a space (the
  moderation classifier's n-grams then see the parts as words).
- **Apostrophes and spaces.** ' ’ ‘ ` ʼ (:data:`APOSTROPHES`), the ayn and
  hamza signs of transliterations ʿ ʾ ´ ʻ (:data:`TRANSLITERATION_MARKS`), and
  no-break or thin spaces (:data:`SPACES`).

The named policies (each caller's needs, kept exactly as they were when the
five tables were merged here; differences are deliberate unless listed under
"Known differences"):

=====================  ====  =====  ======  =====  ======  ==========================
policy                 case  ZWNJ   digits  marks  offset  letter groups
=====================  ====  =====  ======  =====  ======  ==========================
PERSIAN_READING        kept  kept   ASCII   drop   yes     yeh_kaf
PLACE_SCRIPT_KEY       kept  drop   kept    drop+  no      yeh_kaf teh_marbuta hamza
PLACE_LATIN_KEY        fold  kept   kept    accent no      latin
ACTOR_KEY              fold  drop   kept    drop   no      all Arabic-script groups
MODERATION_WORDS       fold  drop   kept    kept   no      yeh_kaf teh_marbuta
MODERATION_FEATURES    fold  space  kept    kept   no      yeh_kaf teh_marbuta
=====================  ====  =====  ======  =====  ======  ==========================

Known differences between the policies that are inherited, not designed (a
change to any of them changes matches, so each needs its own measured change):
the place key does not fold ۀ and ؤ where the actor key does; the actor key
keeps ʿ ʾ ʻ (letters to Python) inside a word where the place key drops them;
the moderation word key keeps tatweel.

The order of the steps is fixed: case folding, then the character table, then
accent stripping. Case folding first makes keys stable under case (an upper-case
letter and its lower case fold alike).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from sitrep.core.records import Span

__all__ = [
    "ACTOR_KEY",
    "APOSTROPHES",
    "ARABIC_SEPARATORS",
    "ARABIC_SPELLING",
    "DIGITS",
    "DIRECTIONAL_MARKS",
    "HAMZA",
    "HARAKAT",
    "HEH_YEH",
    "LATIN_LETTERS",
    "LETTER_GROUPS",
    "MODERATION_FEATURES",
    "MODERATION_WORDS",
    "PERSIAN_READING",
    "PLACE_LATIN_KEY",
    "PLACE_SCRIPT_KEY",
    "QURANIC_MARKS",
    "SPACES",
    "TATWEEL",
    "TEH_MARBUTA",
    "TRANSLITERATION_MARKS",
    "WAW_HAMZA",
    "YEH_KAF",
    "ZWJ",
    "ZWNJ",
    "FoldPolicy",
    "Folded",
    "fold",
    "latin_skeleton",
    "fold_with_offsets",
    "strip_accents",
    "to_ascii_digits",
    "unify_apostrophes",
]

# -- characters ------------------------------------------------------------------

#: Zero-width non-joiner: joins the parts of a Persian word without joining the letters.
ZWNJ = "\u200c"
#: Zero-width joiner.
ZWJ = "\u200d"
#: Tatweel (kashida), the stretching stroke of Arabic script.
TATWEEL = "\u0640"
#: Arabic diacritics: Quranic signs above letters (U+0610-061A), harakat
#: (fatha, kasra, damma, tanwin, shadda, sukun, ...: U+064B-065F) and superscript alef.
HARAKAT = "".join(chr(c) for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670))
#: Quranic annotation signs (U+06D6-06ED): rare in news, but a name may carry one.
QURANIC_MARKS = "".join(chr(c) for c in range(0x06D6, 0x06EE))
#: Directional marks and embeddings (LRM, RLM, LRE, RLE, PDF, LRO, RLO).
DIRECTIONAL_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
#: Spaces that read as one space: no-break, en, em, thin, narrow no-break.
SPACES = "\u00a0\u2002\u2003\u2009\u202f"
#: Apostrophes as typed, the ASCII one first: ' ’ ‘ ` ʼ.
APOSTROPHES = "'’‘`ʼ"
#: Signs transliterations write for ayn and hamza: ʿ ʾ ´ ʻ.
TRANSLITERATION_MARKS = "ʿʾ´ʻ"

#: Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits -> ASCII digits.
DIGITS: dict[str, str] = {
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
}
#: The Arabic decimal and thousands separators -> "." and ",".
ARABIC_SEPARATORS: dict[str, str] = {"٫": ".", "٬": ","}

# -- letter variants, by group -----------------------------------------------------

#: Arabic yeh, alef maksura and Arabic kaf -> the Persian letters (Arabic keyboards).
YEH_KAF: dict[str, str] = {"ي": "ی", "ى": "ی", "ك": "ک"}
#: Teh marbuta -> heh (Arabic names written the Persian way).
TEH_MARBUTA: dict[str, str] = {"ة": "ه"}
#: Letters on a hamza or madda seat, and alef wasla -> the bare letter.
HAMZA: dict[str, str] = {"ئ": "ی", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
#: Heh with yeh above (the ezafe of a word ending in heh) -> heh.
HEH_YEH: dict[str, str] = {"ۀ": "ه"}
#: Waw with hamza -> waw.
WAW_HAMZA: dict[str, str] = {"ؤ": "و"}
#: Latin letters that NFKD does not decompose, as their plain spelling.
LATIN_LETTERS: dict[str, str] = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "ß": "ss",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ə": "e",
    "þ": "th",
}
#: The letter groups a policy can fold, by name.
LETTER_GROUPS: dict[str, dict[str, str]] = {
    "yeh_kaf": YEH_KAF,
    "teh_marbuta": TEH_MARBUTA,
    "hamza": HAMZA,
    "heh_yeh": HEH_YEH,
    "waw_hamza": WAW_HAMZA,
    "latin": LATIN_LETTERS,
}
#: The other way round: Persian letters as an Arabic keyboard types them (ی -> ي,
#: ک -> ك, ه -> ة), to make the variants a fold must undo (tests, training data).
ARABIC_SPELLING: dict[str, str] = {"ی": "ي", "ک": "ك", "ه": "ة"}

ZwnjPolicy = Literal["keep", "drop", "space"]


@dataclass(frozen=True)
class FoldPolicy:
    """How :func:`fold` treats each kind of variation (see the module docstring).

    ``letters`` names groups of :data:`LETTER_GROUPS`; ``drop`` lists characters
    removed; ``zwnj`` keeps, drops or spaces the zero-width non-joiner;
    ``digits`` and ``separators`` make Persian and Arabic numbers ASCII;
    ``spaces`` makes :data:`SPACES` plain spaces; ``casefold`` folds case
    (``str.casefold``); ``accents`` strips Latin accents (NFKD, combining
    marks dropped). A policy without case folding or accent stripping whose
    replacements are single characters keeps offsets
    (:attr:`keeps_offsets`, needed by :func:`fold_with_offsets`).
    """

    name: str
    letters: tuple[str, ...] = ()
    drop: str = ""
    zwnj: ZwnjPolicy = "keep"
    digits: bool = False
    separators: bool = False
    spaces: bool = False
    casefold: bool = False
    accents: bool = False
    # the translation table the fields above make (built once, with the policy)
    table: dict[int, str | None] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        unknown = [g for g in self.letters if g not in LETTER_GROUPS]
        if unknown:
            raise ValueError(f"unknown letter group(s) {unknown}; known: {sorted(LETTER_GROUPS)}")
        if self.zwnj not in ("keep", "drop", "space"):
            raise ValueError(f"zwnj must be keep, drop or space, not {self.zwnj!r}")
        mapping: dict[str, str | None] = {}
        for group in self.letters:
            mapping.update(LETTER_GROUPS[group])
        if self.digits:
            mapping.update(DIGITS)
        if self.separators:
            mapping.update(ARABIC_SEPARATORS)
        if self.spaces:
            mapping.update(dict.fromkeys(SPACES, " "))
        mapping.update(dict.fromkeys(self.drop))
        if self.zwnj != "keep":
            mapping[ZWNJ] = None if self.zwnj == "drop" else " "
        object.__setattr__(self, "table", str.maketrans(mapping))

    @property
    def keeps_offsets(self) -> bool:
        """Whether each character folds to at most one character (offsets can be kept)."""
        return (
            not self.casefold
            and not self.accents
            and all(v is None or len(v) == 1 for v in self.table.values())
        )


#: The Persian reader: letters and digits unified, marks dropped, ZWNJ kept (its
#: patterns match ``[\s\u200c]`` between words), no case folding, offsets kept.
PERSIAN_READING = FoldPolicy(
    "persian-reading",
    letters=("yeh_kaf",),
    drop=TATWEEL + HARAKAT + DIRECTIONAL_MARKS,
    digits=True,
    separators=True,
    spaces=True,
)
#: A gazetteer key for a word in Arabic script: letter variants and all marks
#: folded away, ZWNJ and ZWJ dropped (دیرالزور = دير الزور once spaces go too).
PLACE_SCRIPT_KEY = FoldPolicy(
    "place-script-key",
    letters=("yeh_kaf", "teh_marbuta", "hamza"),
    drop=TATWEEL + ZWJ + HARAKAT + QURANIC_MARKS,
    zwnj="drop",
)
#: A gazetteer key for a Latin-script word: case, accents and apostrophes folded
#: (Dayr az-Zawr, Dayr az Zawr, DAYR AZ-ZAWR; Raʾs, Ra's, Ras).
PLACE_LATIN_KEY = FoldPolicy(
    "place-latin-key",
    letters=("latin",),
    drop=APOSTROPHES + TRANSLITERATION_MARKS,
    casefold=True,
    accents=True,
)
#: An actor dictionary key for a word: case, every Arabic-script letter variant,
#: diacritics, tatweel, apostrophes, ZWNJ and ZWJ folded (Sha'abi = Shaabi).
ACTOR_KEY = FoldPolicy(
    "actor-key",
    letters=("yeh_kaf", "teh_marbuta", "hamza", "heh_yeh", "waw_hamza"),
    drop=TATWEEL + ZWJ + APOSTROPHES + HARAKAT,
    zwnj="drop",
    casefold=True,
)
#: Moderation's word lists (targets, allowed words): case and the keyboard
#: variants folded, ZWNJ dropped (بی‌شعور = بیشعور).
MODERATION_WORDS = FoldPolicy(
    "moderation-words",
    letters=("yeh_kaf", "teh_marbuta"),
    zwnj="drop",
    casefold=True,
)
#: A listed word as written, to tell another word from a strong one (moderation's
#: readings, issue 17 s29): only the keyboard letter forms, tatweel and ZWNJ folded, so
#: «آبله» (smallpox) stays apart from «ابله» (idiot).
MODERATION_WRITTEN = FoldPolicy(
    "moderation-written",
    letters=("yeh_kaf",),
    drop=TATWEEL,
    zwnj="drop",
)
#: The moderation classifier's features: as the word lists, but tatweel dropped and
#: ZWNJ made a space, so its character n-grams treat a word's parts as words. The
#: shipped model was trained on this exact output: any change needs a retrained model.
MODERATION_FEATURES = FoldPolicy(
    "moderation-features",
    letters=("yeh_kaf", "teh_marbuta"),
    drop=TATWEEL,
    zwnj="space",
    casefold=True,
)


# -- folding ---------------------------------------------------------------------


def fold(text: str, policy: FoldPolicy) -> str:
    """``text`` folded under ``policy``: case, then the character table, then accents."""
    if policy.casefold:
        text = text.casefold()
    text = text.translate(policy.table)
    if policy.accents:
        text = strip_accents(text)
    return text


def strip_accents(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: "Ḩalab" -> "Halab"."""
    if text.isascii():
        return text  # (NFKD decomposes no ASCII character, and none combines)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Folded:
    """A folded text and, per folded character, the offset of its original character.

    ``origin`` has one entry more than ``text``: the offset just past the end,
    so that an end offset maps as well as a start offset.
    """

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int, original: str, *, base: int = 0) -> Span:
        """The :class:`Span` of folded ``[start, end)`` in ``original`` (shifted by ``base``).

        ``original`` is the string that was folded; ``base`` is its offset in the
        article, so that the span points into the article's text.
        """
        a = self.origin[start]
        b = self.origin[end - 1] + 1 if end > start else a
        return Span(base + a, base + b, original[a:b])

    def to_original(self, pos: int) -> int:
        """The original offset of folded position ``pos`` (``len(text)`` maps to the end)."""
        return self.origin[pos]


def fold_with_offsets(text: str, policy: FoldPolicy) -> Folded:
    """``text`` folded under ``policy`` with the original offset of every folded character.

    The policy must keep offsets (:attr:`FoldPolicy.keeps_offsets`): each character
    folds to one character or to none.
    """
    if not policy.keeps_offsets:
        raise ValueError(f"fold policy {policy.name} does not keep offsets")
    table = policy.table
    folded = text.translate(table)
    if len(folded) == len(text):  # nothing dropped: offsets are the identity
        return Folded(folded, tuple(range(len(text) + 1)))
    origin = [i for i, ch in enumerate(text) if table.get(ord(ch), ch) is not None]
    origin.append(len(text))
    return Folded(folded, tuple(origin))


_DIGITS_ONLY = str.maketrans(DIGITS)
_APOSTROPHE_VARIANTS = str.maketrans(dict.fromkeys(APOSTROPHES[1:], "'"))


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits -> ASCII digits, nothing else changed (same length)."""
    return text.translate(_DIGITS_ONLY)


def unify_apostrophes(text: str) -> str:
    """Every apostrophe of :data:`APOSTROPHES` -> ``'`` (same length: offsets hold)."""
    return text.translate(_APOSTROPHE_VARIANTS)


# A transliterated name reduced to its consonants, which every transliteration
# keeps: vowels, w and y (which one writer puts where another leaves them out) and
# a word's final h are dropped, kh/sh/ch/gh/zh are one letter each. The Persian
# reader compares these with the consonants Persian writes ("ولسوالی تولک" is
# Tūlak); the English one compares towns' spellings ("Um Rawaba" is Umm Ruwaba).
_LATIN_DIGRAPHS = (("kh", "x"), ("sh", "S"), ("ch", "C"), ("gh", "G"), ("zh", "Z"))
_LATIN_DROP = frozenset("aeiouyw")
# "Ed Dinder Locality", "Nad Ali district": a trailing district word is no part of the name.
_DISTRICT_SUFFIX = re.compile(r"\s+(?:district|locality)$", re.IGNORECASE)


def latin_skeleton(name: str) -> str:
    """The consonants of a transliterated name, less a trailing district word:
    "Mūsá Qal‘ah" -> "msql", "Ed Dinder Locality" -> "ddndr"."""
    plain = unicodedata.normalize("NFKD", _DISTRICT_SUFFIX.sub("", name.strip()))
    out = []
    for word in re.findall(r"[a-z]+", "".join(c for c in plain if c.isascii()).lower()):
        for pair, one in _LATIN_DIGRAPHS:
            word = word.replace(pair, one)
        word = word[:-1] if len(word) > 1 and word.endswith("h") else word
        out.append("".join(c for c in word if c not in _LATIN_DROP))
    return "".join(out)
