"""persian-text-guard's scan, word by word with a memory: the same answers, less work.

Most of the time ``moderate`` spends on a comment goes into ``ProfanityFilter``
reading the comment four ways (as written, held keys squeezed, look-alikes
folded, both) character by character. Readers reuse words, so
:class:`ChunkedFilter` scans each whitespace-separated chunk of a comment once
and keeps what it found, with the chunk's tokens in each reading.

Why the answers are the same: every reading the filter makes is bounded by
whitespace (normalisation, folding and squeezing never look across a space, and
no entry of ours holds a space), so a match that lies inside one chunk is found
by scanning that chunk alone, at the same place. Only three things join
chunks: a phrase entry whose words fall in different chunks, a run of single
letters across chunks ("f u c k"), and a word split once across a space
("fu ck", «کی ر»). Before using the chunks' answers, the chunks' tokens are
checked for each of these with the filter's own lookups; when any could apply
(or the comment holds a NUL, which the filter strips at the start of a reading
only), the whole comment is scanned as before.

Inside a chunk, the full scan runs only when it could find something: a plain
chunk (letters or digits with punctuation around them) is looked up as one
token, and any other chunk is asked each of the scan's tests with the filter's
own lookups (its tokens, anywhere entries, runs of single letters, two tokens
joined, the broken-word mask), the scan answering whenever one could match.

The chunk memory is bounded and cleared when full. This relies on
persian-text-guard's internals (pinned to 1.5.0 in pyproject.toml);
``tests/test_moderation_scan.py`` compares both ways on tricky comments.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from persian_text_guard._fold import (
    _BOUNDARY_CATEGORIES,
    _SYMBOL_LETTERS,
    fold_character,
    is_filler,
)
from persian_text_guard._fold import fold as _pg_fold
from persian_text_guard._fold import squeeze as _pg_squeeze
from persian_text_guard._normalizer import (
    COMPARISON_STEPS,
    Token,
    normalize_with_map,
    tokenize_with_offsets,
)
from persian_text_guard._scan import (
    _HA,
    _HEH,
    _MASK,
    PERSIAN_SUFFIXES,
    _fits_mask,
    _fits_mask_anywhere,
    _is_persian_letter,
    _masked_pattern,
    _phrase_starts_at,
    try_join_single_letters,
)
from persian_text_guard._unicode import (
    WHITE_SPACE,
    category_of_unit,
    is_letter,
    is_letter_or_digit,
)
from persian_text_guard._utf16 import to_view

if TYPE_CHECKING:
    from persian_text_guard import ProfanityFilter, ProfanityMatch
    from persian_text_guard._scan import ScanState

#: Chunks a filter remembers before it starts afresh (a chunk costs well under 1 KB).
CHUNK_MEMORY = 100_000

_CHUNK = re.compile("[^" + "".join(re.escape(c) for c in sorted(WHITE_SPACE)) + "]+")


def _kept(candidates: str, letter: bool) -> str:
    """The candidates the filter reads as themselves, as a regex class body.

    Letters its folding leaves alone (``letter``), or punctuation that ends a word and
    stands for no letter; both unchanged by NFKC.
    """
    kept = [
        c
        for c in candidates
        if not is_filler(c)
        and unicodedata.normalize("NFKC", c) == c
        and (
            (is_letter(c) and fold_character(c, True) == c)
            if letter
            else (
                not is_letter_or_digit(c)
                and c not in _SYMBOL_LETTERS
                and category_of_unit(c) in _BOUNDARY_CATEGORIES
            )
        )
    ]
    return "".join(re.escape(c) for c in kept)


_PERSIAN = (
    "".join(map(chr, range(0x0621, 0x063B)))
    + "".join(map(chr, range(0x0641, 0x064B)))
    + "\u067e\u0686\u0698\u06a9\u06af\u06cc"
)
_PUNCTUATION = _kept(".,;:?\"'()[]-_/\u060c\u061b\u061f\u00ab\u00bb", letter=False)
# A plain chunk: one run of A-Z letters, of Persian letters (with the ZWNJ) or of digits,
# with punctuation around it. It is at most one token in every reading and cannot hold a
# disguised word (no symbol, digit or filler inside letters): it only matches an entry as
# the whole token or an "anywhere" entry inside it, which is checked without the full scan.
_LATIN_LETTERS = _kept(string.ascii_letters, letter=True)
_PERSIAN_LETTERS = _kept(_PERSIAN, letter=True)
_DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
_PLAIN = re.compile(
    f"[{_PUNCTUATION}]*"
    f"(?:[{_LATIN_LETTERS}]+|[{_PERSIAN_LETTERS}\u200c]+|[{_DIGITS}]+)?"
    f"[{_PUNCTUATION}]*"
)


_PUNCTUATION_CHARS = re.sub(r"\\(.)", r"\1", _PUNCTUATION)


def _plain_batch_safe() -> bool:
    """Whether no unit of a plain chunk normalises to or with white space (then plain
    chunks joined by spaces normalise piece by piece: ``ChunkedFilter._plain_all``)."""
    digits = (range(0x30, 0x3A), range(0x06F0, 0x06FA), range(0x0660, 0x066A))
    units = (
        _PUNCTUATION_CHARS
        + re.sub(r"\\(.)", r"\1", _LATIN_LETTERS + _PERSIAN_LETTERS)
        + "\u200c"
        + "".join(chr(c) for r in digits for c in r)
    )
    return not any(
        _CHUNK.fullmatch(normalize_with_map(u, COMPARISON_STEPS, None) or "x") is None
        for u in units
    )


_PLAIN_BATCH = _plain_batch_safe()


@lru_cache(maxsize=CHUNK_MEMORY)
def _plain_readings(text: str, squeeze: bool) -> tuple[tuple[str, str], ...]:
    """A plain chunk as the filter normalises it, and squeezed (shared by every filter).

    Each reading with its token (the reading without the punctuation around it).
    """
    normalized = normalize_with_map(to_view(text), COMPARISON_STEPS, None)
    readings = (normalized, _pg_squeeze(normalized)) if squeeze else (normalized,)
    return tuple((r, r.strip(_PUNCTUATION_CHARS)) for r in readings)


@dataclass(frozen=True, slots=True)
class _Chunk:
    """What one chunk holds: its matches (offsets within it), its tokens in each reading.

    Slotted: a remembered chunk is then one object the garbage collector tracks, not
    two (an instance and its ``__dict__``), so a full collection comes less often.
    """

    matches: tuple[ProfanityMatch, ...]
    readings: tuple[tuple[str, ...], ...]
    #: Whether a token of a reading is a phrase's first word (for the filter that made
    #: the record: one with more phrases only shares records of clean chunks with it).
    phrase_start: bool
    #: Whether a reading has two one-character tokens side by side.
    singles: bool


def _two_singles(tokens: tuple[str, ...]) -> bool:
    """Whether two one-character tokens stand side by side (a run the filter may join)."""
    return len(tokens) > 1 and any(
        len(a) == 1 and len(b) == 1 for a, b in zip(tokens, tokens[1:], strict=False)
    )


def _word_forms(words: Mapping[str, object]) -> frozenset[str]:
    """Every token the filter's word look-up finds: the entries and their suffixed forms.

    ``token in forms`` is ``_try_find_word(state, token) is not None`` (persian-text-guard's
    own test: an entry, or a Persian entry with one of its suffixes, a one-letter suffix
    after four letters and a longer one after three, «جنده» losing its final heh before
    «ها»), as one set look-up instead of a try per suffix for each new token.
    """
    forms = set(words)
    for word in words:
        if not word or not _is_persian_letter(word[0]):
            continue
        for suffix in PERSIAN_SUFFIXES:
            stem_length = 4 if len(suffix) == 1 else 3
            if len(word) >= stem_length:
                forms.add(word + suffix)
            if suffix.startswith(_HA) and word.endswith(_HEH) and len(word) - 1 >= stem_length:
                forms.add(word[:-1] + suffix)
    return frozenset(forms)


def _fit_any(keys: list[str]) -> re.Pattern[str]:
    """A pattern where some key fits, each letter written or masked, masks not counted.

    ``_fits_mask`` also asks for at least one mask and at most half the key masked: a
    key this finds nowhere fits nowhere (a key it finds is checked by ``_fits_mask``).
    Empty when there is no key (it then never matches).
    """
    if not keys:
        return re.compile("(?!)")
    mask = re.escape(_MASK)
    return re.compile("|".join("".join(f"[{re.escape(c)}{mask}]" for c in key) for key in keys))


class ChunkedFilter:
    """A ``ProfanityFilter`` whose answers are assembled from remembered chunks."""

    def __init__(
        self, profanity_filter: ProfanityFilter, wider: ChunkedFilter | None = None
    ) -> None:
        self.filter = profanity_filter
        self._state: ScanState = profanity_filter._state
        # A filter whose words include all of this one's, read the same ways: a chunk it
        # found clean is clean here too, with the same tokens.
        same_readings = wider is not None and (
            (wider._state.squeeze_repeated_letters, wider._state.fold_lookalike_characters)
            == (self._state.squeeze_repeated_letters, self._state.fold_lookalike_characters)
        )
        self._wider = wider if same_readings else None
        self._memory: dict[str, _Chunk] = {}
        self._anywhere = frozenset(key.text for key in self._state.anywhere)
        anywhere = "|".join(re.escape(k) for k in sorted(self._anywhere, key=len, reverse=True))
        self._anywhere_in = re.compile(anywhere).search if anywhere else lambda _: None
        # The entries the broken-word test tries: whole-word ones by length (a piece's
        # mask fits only those of its own length), the others on every piece.
        self._maskable_whole: dict[int, list[str]] = {}
        for key in self._state.maskable:
            if key.whole_word:
                self._maskable_whole.setdefault(len(key.text), []).append(key.text)
        self._maskable_inside = [k.text for k in self._state.maskable if not k.whole_word]
        # The same tests with the mask's count left out, as one regular expression each:
        # where none fits, no entry can (most pieces), and the exact loop is skipped.
        self._whole_fits = {
            size: _fit_any(keys).fullmatch for size, keys in self._maskable_whole.items()
        }
        self._inside_fits = _fit_any(self._maskable_inside).search
        self._forms = _word_forms(self._state.words)

    def _chunk(self, text: str) -> _Chunk:
        known = self._memory.get(text)
        if known is not None:
            return known
        known = self._clean(text)
        if known is None:
            known = self._record(self.filter.find_matches(text), self._readings(text))
        self._remember(text, known)
        return known

    def _remember(self, text: str, known: _Chunk) -> None:
        if len(self._memory) >= CHUNK_MEMORY:
            self._memory.clear()
        self._memory[text] = known

    def _clean(self, text: str) -> _Chunk | None:
        """A clean chunk's record without the full scan; None when it may match.

        The wider filter's record when it has found the chunk clean (one look-up
        answers for both), else this filter's own tests.
        """
        if self._wider is not None:
            wider = self._wider._memory.get(text)
            if wider is not None and not wider.matches:
                return wider
        return self._plain(text) if _PLAIN.fullmatch(text) else self._unscanned(text)

    def may_match(self, text: str) -> bool:
        """True whenever ``contains_profanity`` is, without scanning a chunk that may match.

        It answers True when a chunk's tests cannot clear it (where the full scan would
        decide): a gate in front of narrower filters that scan such chunks
        themselves, so the chunk is not scanned twice. False is exact: every chunk is
        clean and no match can cross a space.
        """
        if "\0" in text:
            return True
        found: list[_Chunk | str] = []
        may = False
        new_plain: dict[str, _Chunk | None] = {}
        for chunk_text in _CHUNK.findall(text):
            known = self._memory.get(chunk_text)
            if known is None:
                if chunk_text in new_plain or (
                    self._wider is None and _PLAIN.fullmatch(chunk_text)
                ):
                    # Tested below, all of the comment's new plain chunks at once.
                    new_plain[chunk_text] = None
                    found.append(chunk_text)
                    continue
                # Every chunk is tested (and a clean one remembered) even after one that
                # may match: the narrower filters then find the clean ones here.
                known = self._clean(chunk_text)
                if known is None:
                    may = True
                    continue
                self._remember(chunk_text, known)
            may = may or bool(known.matches)
            found.append(known)
        if new_plain:
            for chunk_text, known in zip(new_plain, self._plain_all(list(new_plain)), strict=True):
                if known is None:
                    may = True
                else:
                    self._remember(chunk_text, known)
                new_plain[chunk_text] = known
        # In the comment's order, without the chunks that may match (as before).
        chunks = [
            k for k in (new_plain[k] if isinstance(k, str) else k for k in found) if k is not None
        ]
        return may or (len(chunks) > 1 and self._joined_records(chunks))

    def _record(
        self, matches: tuple[ProfanityMatch, ...], readings: tuple[tuple[str, ...], ...]
    ) -> _Chunk:
        phrases = self._state.phrases
        return _Chunk(
            matches,
            readings,
            any(token in phrases for tokens in readings for token in tokens),
            any(_two_singles(tokens) for tokens in readings),
        )

    def _plain(self, text: str) -> _Chunk | None:
        """A clean plain chunk's record without the full scan; None when it may match."""
        state = self._state
        readings = _plain_readings(text, state.squeeze_repeated_letters)
        checked = None
        for reading, token in readings:
            if reading == checked:  # squeezing often leaves the chunk as it was
                continue
            checked = reading
            if token and token in self._forms:
                return None
            if self._anywhere_in(reading):
                return None
        tokens = [(token,) if token else () for _, token in readings]
        if state.fold_lookalike_characters:  # folding leaves plain chunks as they are
            tokens += tokens
        return self._record((), tuple(tokens))

    def _plain_all(self, texts: list[str]) -> list[_Chunk | None]:
        """``[self._plain(t) for t in texts]`` for plain chunks, normalised in one call.

        The filter's normalisation and squeezing read each unit and runs of one unit, so
        plain chunks joined by single spaces normalise to their own normal forms joined
        by single spaces (plain units never become or lose a space; a chunk that
        normalises to nothing, which would merge two spaces, is caught by the count).
        An "anywhere" entry anywhere in the joined readings sends every chunk to
        ``_plain`` (such an entry holds no space, so it lies inside one chunk).
        """
        state = self._state
        squeeze = state.squeeze_repeated_letters
        joined = normalize_with_map(to_view(" ".join(texts)), COMPARISON_STEPS, None)
        normal = joined.split(" ")
        squeezed_joined = _pg_squeeze(joined) if squeeze else joined
        squeezed = squeezed_joined.split(" ") if squeeze else normal
        if (
            not _PLAIN_BATCH
            or len(normal) != len(texts)
            or len(squeezed) != len(texts)
            or self._anywhere_in(joined)
            or (squeeze and self._anywhere_in(squeezed_joined))
        ):
            return [self._plain(t) for t in texts]
        forms, phrases = self._forms, state.phrases
        fold = state.fold_lookalike_characters
        out: list[_Chunk | None] = []
        for reading, squeezed_reading in zip(normal, squeezed, strict=True):
            token = reading.strip(_PUNCTUATION_CHARS)
            squeezed_token = (
                squeezed_reading.strip(_PUNCTUATION_CHARS) if squeezed_reading != reading else token
            )
            if (token and token in forms) or (squeezed_token and squeezed_token in forms):
                out.append(None)
                continue
            tokens: tuple[tuple[str, ...], ...] = ((token,) if token else (),)
            if squeeze:
                tokens += ((squeezed_token,) if squeezed_token else (),)
            if fold:  # folding leaves plain chunks as they are
                tokens += tokens
            out.append(_Chunk((), tokens, token in phrases or squeezed_token in phrases, False))
        return out

    def _unscanned(self, text: str) -> _Chunk | None:
        """A clean chunk's record without the full scan; None when it may match.

        For chunks that are not plain: mentions, hashtags, "!" (which the filter reads
        as a letter once it folds look-alikes), words joined by punctuation ("a-b",
        "a.b"). The full scan finds something in a chunk only through one of its
        tokens (an entry, with a Persian suffix, or a phrase's first word), an
        "anywhere" entry inside a reading, a run of single letters, two tokens that
        join into an entry, or a word broken by symbols (the filter's mask of each
        space-separated piece); each is asked here with the filter's own lookups, and
        wherever one could match (the phrase and join tests are wider than the scan's)
        the chunk goes to the full scan for the exact answer.
        """
        state = self._state
        words, anywhere, forms = state.words, self._anywhere, self._forms
        readings = self._reading_texts(text)
        checked: dict[str, tuple[str, ...]] = {}
        tokens: list[tuple[str, ...]] = []
        for reading in readings:
            known = checked.get(reading)
            if known is not None:  # the same reading as one before: same tokens, checked
                tokens.append(known)
                continue
            found = tokenize_with_offsets(reading)
            texts = tuple(t.text for t in found)
            tokens.append(texts)
            checked[reading] = texts
            if self._anywhere_in(reading):
                return None
            for token in texts:
                if token in state.phrases or token in forms:
                    return None
            if len(texts) > 1 and state.join_spaced_letters:
                if try_join_single_letters(found) is not None:
                    return None
                for a, b in zip(texts, texts[1:], strict=False):
                    if a + b in words or a + b in anywhere:
                        return None
        if (state.join_spaced_letters or state.fold_lookalike_characters) and self._broken(
            readings[0]
        ):
            return None
        return self._record((), tuple(tokens))

    def _broken(self, normalized: str) -> bool:
        """Whether the scan's broken-word test could match a piece of ``normalized``.

        The same test (persian-text-guard's mask and fit), asked only of the entries
        of the piece's length among whole-word entries, and of every other one.
        """
        state = self._state
        for piece in normalized.split(" "):
            masked = _masked_pattern(piece)
            if masked is None or not masked.masks or not masked.letters:
                continue
            pattern = masked.pattern
            if state.join_spaced_letters:
                stripped = pattern.replace(_MASK, "")
                if len(stripped) >= 3 and stripped in self._forms:
                    return True
            if not state.fold_lookalike_characters:
                continue
            fits = self._whole_fits.get(len(pattern))
            if fits is not None and fits(pattern):
                for key in self._maskable_whole[len(pattern)]:
                    if _fits_mask(pattern, 0, key):
                        return True
            if self._inside_fits(pattern):
                for key in self._maskable_inside:
                    if _fits_mask_anywhere(pattern, key):
                        return True
        return False

    @property
    def _reading_count(self) -> int:
        state = self._state
        return (1 + state.squeeze_repeated_letters) * (1 + state.fold_lookalike_characters)

    def _reading_texts(self, text: str) -> list[str]:
        """The readings the filter makes of a chunk, in ``scan``'s order (normalised first)."""
        state = self._state
        normalized = normalize_with_map(to_view(text), COMPARISON_STEPS, None)
        readings = [normalized]
        if state.squeeze_repeated_letters:
            readings.append(_pg_squeeze(normalized))
        if state.fold_lookalike_characters:
            folded = _pg_fold(normalized)
            readings.append(folded)
            if state.squeeze_repeated_letters:
                readings.append(_pg_squeeze(folded))
        return readings

    def _readings(self, text: str) -> tuple[tuple[str, ...], ...]:
        """The chunk's tokens in each reading the filter makes (as ``scan`` builds them)."""
        readings = self._reading_texts(text)
        tokens: dict[str, tuple[str, ...]] = {}
        for r in readings:
            if r not in tokens:  # readings often repeat (folding leaves Persian as it is)
                tokens[r] = tuple(t.text for t in tokenize_with_offsets(r))
        return tuple(tokens[r] for r in readings)

    def _chunks(self, text: str) -> list[tuple[int, _Chunk]] | None:
        """Each chunk's start and record, or None when a match could span chunks."""
        if "\0" in text:
            return None
        found = [(m.start(), self._chunk(m.group())) for m in _CHUNK.finditer(text)]
        if len(found) > 1 and self._joined(found):
            return None
        return found

    def _joined(self, found: list[tuple[int, _Chunk]]) -> bool:
        """:meth:`_joined_records` of the chunks' records."""
        return self._joined_records([chunk for _, chunk in found])

    def _joined_records(self, chunks: list[_Chunk]) -> bool:
        """Whether a phrase, a run of single letters or a split word could cross a space.

        Checked on each distinct reading; a split word conservatively (the two tokens
        joined are an entry: the filter also asks about their scripts and lengths).
        Phrases are looked for only when a chunk holds a phrase's first word, and runs
        of single letters inside chunks only when a chunk has two in a row.
        """
        state = self._state
        words, anywhere = state.words, self._anywhere
        phrases = any(chunk.phrase_start for chunk in chunks)
        singles = any(chunk.singles for chunk in chunks)
        seen: list[list[tuple[str, ...]]] = []
        for k in range(self._reading_count):
            per_chunk = [chunk.readings[k] for chunk in chunks]
            if per_chunk in seen:
                continue
            seen.append(per_chunk)
            last = None
            for chunk_tokens in per_chunk:
                if not chunk_tokens:
                    continue
                if last is not None:
                    b = chunk_tokens[0]
                    if len(last) == 1 and len(b) == 1 and is_letter(last) and is_letter(b):
                        return True
                    if last + b in words or last + b in anywhere:
                        return True
                last = chunk_tokens[-1]
            if phrases:
                tokens: list[str] = []
                owner: list[int] = []
                for n, chunk_tokens in enumerate(per_chunk):
                    tokens += chunk_tokens
                    owner += [n] * len(chunk_tokens)
                if self._phrase_across(tokens, owner):
                    return True
            # Single-letter runs inside a chunk are joined too, and their words can start
            # or end a phrase: the same check on the joined tokens. A chunk without two
            # one-character tokens in a row has no run to join (its joined tokens are its
            # tokens, checked just above), so a lone «و» does not send every comment there.
            if (
                singles
                and any(_two_singles(t) for t in per_chunk)
                and self._phrase_across_joined(tuple(per_chunk))
            ):
                return True
        return False

    def _phrase_across(self, tokens: list[str], owner: list[int]) -> bool:
        phrases = self._state.phrases
        for i, token in enumerate(tokens):
            for phrase in phrases.get(token, ()):
                words = phrase.tokens
                last = i + len(words) - 1
                if last >= len(tokens) or owner[last] == owner[i]:
                    continue
                # The phrase's second word as _phrase_starts_at asks for it (equal, or
                # as the last word, with a suffix after it): most candidates stop here.
                second = tokens[i + 1]
                if len(words) > 2 and second != words[1]:
                    continue
                if len(words) == 2 and not second.startswith(words[1]):
                    continue
                window = [Token(t, 0, len(t)) for t in tokens[i : last + 1]]
                if _phrase_starts_at(window, 0, words):
                    return True
        return False

    def _phrase_across_joined(self, per_chunk: tuple[tuple[str, ...], ...]) -> bool:
        tokens: list[str] = []
        owner: list[int] = []
        for n, chunk_tokens in enumerate(per_chunk):
            words = [Token(t, 0, len(t)) for t in chunk_tokens]
            joined = try_join_single_letters(words)
            for t in joined.tokens if joined is not None else words:
                tokens.append(t.text)
                owner.append(n)
        return self._phrase_across(tokens, owner)

    def contains_profanity(self, text: str) -> bool:
        """``ProfanityFilter.contains_profanity``, chunk by chunk."""
        found = self._chunks(text)
        if found is None:
            return self.filter.contains_profanity(text)
        return any(chunk.matches for _, chunk in found)

    def find_matches(self, text: str) -> tuple[ProfanityMatch, ...]:
        """``ProfanityFilter.find_matches``, chunk by chunk, offsets into ``text``."""
        found = self._chunks(text)
        if found is None:
            return self.filter.find_matches(text)
        return tuple(
            replace(m, index=m.index + start) if start else m
            for start, chunk in found
            for m in chunk.matches
        )
