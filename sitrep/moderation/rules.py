"""The insult and slander rules: word lists read through the tricks people use.

Both rules run on persian-text-guard's ``ProfanityFilter``, which normalises
Arabic look-alike letters (ي/ی, ك/ک), zero-width characters and tatweel, and
reads through spaced or dotted letters, held keys and digits or symbols for
letters, while matching whole words only (so کسب, خرید, class and Scunthorpe
pass). The insult rule uses the package's whole bundled list plus our own
``lexicon.EXTRA_INSULTS``; the slander rule uses ``lexicon.ACCUSATIONS``.

Scores (the policy turns them into verdicts; defaults reject at 0.8, review at 0.5):

* insult, strong word (profanity, sexual, insult, slur, harassment): 0.95;
* insult, mild word (also an ordinary word: خر, idiot, آشغال): 0.85 aimed at a
  person (a pronoun, vocative or group noun within three words), else 0.55;
* insult quoted in a report (inside quotation marks, a word of speech outside them,
  no "you" in the comment, no scare quotes on someone): 0.3, below review;
* slander, an accusation aimed at a person or group within three words: 0.85;
  after a copula or demonstrative only ("X is a thief", «این دزد است»): 0.65;
  the word alone, with no target: 0.3, below review. An accusation that names
  no one defames no one ("thieves robbed a bank"), so it is published, with the
  reason kept for the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from sitrep.moderation.lexicon import (
    ACCUSATIONS,
    ARGUMENT_NOUNS,
    ARGUMENT_SUFFIXES,
    COPULAS,
    ENGLISH_WORDS,
    EXTRA_INSULTS,
    HATE_PHRASES,
    OWN_MILD_WORDS,
    PERSON_NOUNS,
    PERSON_TARGETS,
    RULE_ONLY_INSULTS,
    SELF_COPULAS,
    SELF_FILLERS,
    SELF_SUBJECTS,
    SPLIT_COMMON_PAIRS,
    STAND_FOR_PEOPLE,
    THING_DETERMINERS,
    VIOLENCE_PHRASES,
)
from sitrep.moderation.scan import ChunkedFilter
from sitrep.text.normalize import MODERATION_WORDS, MODERATION_WRITTEN, YEH_KAF, ZWNJ, fold

if TYPE_CHECKING:
    from persian_text_guard import BannedWord, ProfanityFilter

STRONG_SCORE = 0.95
MILD_TARGETED = 0.85
MILD_ALONE = 0.55
SLANDER_TARGETED = 0.85
SLANDER_COPULA = 0.65
SLANDER_ALONE = 0.3
WINDOW = 3  # words between a target and the word it aims

_WORD = re.compile(r"[\w\u200c']+")
STRONG_CATEGORIES = frozenset({"profanity", "sexual", "insult", "slur", "harassment"})


def _key(word: str) -> str:
    """A word as the rules compare it (:data:`~sitrep.text.normalize.MODERATION_WORDS`)."""
    return fold(word, MODERATION_WORDS)


@dataclass(frozen=True)
class Hit:
    """One rule match: ``rule`` is ``insult`` or ``slander``."""

    rule: str
    word: str
    span: tuple[int, int]
    score: float
    detail: str


@lru_cache(maxsize=8)
def insult_filter(
    extra: tuple[str, ...] = (),
    allowed: tuple[str, ...] = (),
    readings: bool = False,
    rule_only: bool | None = None,
) -> ProfanityFilter:
    """The insult filter: the bundled list, our additions, ``extra`` minus ``allowed``;
    with ``readings``, lexicon.OWN_MILD_WORDS too, and lexicon.RULE_ONLY_INSULTS unless
    ``rule_only`` is False (the verdicts' lists, see find_insults)."""
    from persian_text_guard import ProfanityFilter

    return ProfanityFilter(_insult_words(extra, allowed, readings, rule_only))


def _insult_words(
    extra: tuple[str, ...],
    allowed: tuple[str, ...],
    readings: bool = True,
    rule_only: bool | None = None,
) -> list[BannedWord]:
    from persian_text_guard import BannedWord, WordCategory, WordList

    skip = {_key(w) for w in allowed}
    # Our entries come first: where an entry is in both lists, the first one listed
    # wins, and ours carry the strength we chose (the package files بیشعور as mild).
    words = [BannedWord(w, category=WordCategory.INSULT) for w in _with_suffixes(extra)]
    if readings:
        words += [BannedWord(w, category=WordCategory.MILD) for w in OWN_MILD_WORDS]
    if readings and rule_only is not False:
        for strength, entries in RULE_ONLY_INSULTS.items():
            category = WordCategory.INSULT if strength == "strong" else WordCategory.MILD
            words += [BannedWord(w, category=category) for w in _with_suffixes(entries)]
    for strength, entries in EXTRA_INSULTS.items():
        category = WordCategory.INSULT if strength == "strong" else WordCategory.MILD
        words += [BannedWord(w, category=category) for w in _with_suffixes(entries)]
    words += WordList.all()
    return [w for w in words if _key(w.text) not in skip]


@lru_cache(maxsize=8)
def _either_filter(extra: tuple[str, ...], allowed: tuple[str, ...]) -> ProfanityFilter:
    from persian_text_guard import BannedWord, ProfanityFilter

    return ProfanityFilter(_insult_words(extra, allowed) + [BannedWord(w) for w in ACCUSATIONS])


@lru_cache(maxsize=16)
def _chunked(
    profanity_filter: ProfanityFilter, wider: ProfanityFilter | None = None
) -> ChunkedFilter:
    """The filter's answers assembled from remembered chunks (``scan.py``): same, faster.

    ``wider`` is a filter holding all of this one's words (the joined list): the chunks
    it found clean are not scanned again.
    """
    return ChunkedFilter(profanity_filter, _chunked(wider) if wider is not None else None)


def may_insult_or_accuse(
    text: str, *, extra: tuple[str, ...] = (), allowed: tuple[str, ...] = ()
) -> bool:
    """False only when neither :func:`find_insults` nor :func:`find_slander` can find anything.

    One scan against both word lists together, stopping at its first hit: a word of
    either list is found by the joined list through the same readings, so "nothing"
    here is exactly "nothing" from each. Most comments have none, and skipping the
    two full scans is most of the time ``moderate`` spends on them. A chunk that may
    hold a word answers True without its scan: the two rules scan it with their own
    lists (``ChunkedFilter.may_match``).
    """
    if _chunked(_either_filter(tuple(extra), tuple(allowed))).may_match(text):
        return True
    return (
        bool(_split_insults(text, tuple(allowed)))
        or bool(_threats(text))
        or bool(_copula_insults(text, tuple(allowed)))
    )


def _with_suffixes(words: tuple[str, ...]) -> list[str]:
    """Each word plus its predicative form: «تو احمقی» (you are an idiot), "to ahmaghi".

    persian-text-guard attaches plural and possessive suffixes itself, not this one.
    """
    out: list[str] = []
    for w in words:
        out.append(w)
        if re.fullmatch(r"[\u0600-\u06FF\u200c]+", w) and w[-1] not in "هیاو":
            out.append(w + "ی")
        elif re.fullmatch(r"[a-z]+", w) and w[-1] not in "aeiouy":
            out.append(w + "i")
    return out


@lru_cache(maxsize=1)
def accusation_filter() -> ProfanityFilter:
    """A filter that finds accusation words (slander), with the same evasion handling."""
    from persian_text_guard import BannedWord, ProfanityFilter

    return ProfanityFilter([BannedWord(w) for w in ACCUSATIONS])


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def _aim(
    words: list[tuple[str, int, int]], span: tuple[int, int], persons: frozenset[str]
) -> str | None:
    """``person`` or ``copula`` when such a word stands within WINDOW words of ``span``."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if not inside:
        return None
    lo, hi = max(0, inside[0] - WINDOW), min(len(words), inside[-1] + WINDOW + 1)
    near = [w for i, (w, _, _) in enumerate(words[lo:hi], start=lo) if i not in inside]
    if any(w in persons for w in near):
        return "person"
    if any(w in COPULAS for w in near):
        return "copula"
    return None


# Issue 17, s28: a mild word said of a thing ("this damn printer", "my crappy laptop") or of
# the commenter ("I'm such a loser", «من خودم خر بودم») insults no one: kept for the record
# (SAID_OF, below review) instead of going to review as a word with no clear target.
# A thing: a determiner before the mild word and, after it, a word that names no person nor
# anything that stands for people (a country, a team, a flag). Oneself: a first-person
# subject before the word with only copulas, articles and intensifiers between, or a
# first-person copula right after it; this reading wins over a person word further off
# ("I'm such a loser at these quizzes"). The Persian reading of a thing (a demonstrative and
# a noun before the adjective: «این برنامه مزخرف») was measured and left out: with only a
# list to tell a person's noun from a thing's it cost one offensive comment on ParsOffensive
# and on PHATE each, so such comments still go to review.
SAID_OF = 0.3
# Issue 17, s29: a strong insult said of oneself ("I'm such an idiot", «من خیلی احمقم»)
# insults no one either, but the words are strong and the reading is a list's, so it is
# held for review (at most), not rejected; profanity, sexual words and slurs are rejected
# whoever they are said of.
SELF_INSULT = 0.55


def _names_a_person(word: str) -> bool:
    return (
        word in PERSON_TARGETS
        or word in PERSON_NOUNS
        or word in STAND_FOR_PEOPLE
        or word.endswith(("ist", "ists", "ian", "ians"))
    )


# Issue 17, s29: a mild word said of an argument, an excuse, a plan or a claim (lexicon.
# ARGUMENT_NOUNS) criticises what was said or done, not the person: "a pathetic excuse", "the
# governor's defence of the curfew is pathetic", «این استدلال مزخرف است», «حرفت چرنده». The noun
# qualified by the word: right after it in English (unless "excuse for a/an X" names something
# that is not an argument: "a pathetic excuse for a human"); in English before a copula
# ("is", "was", "sounds"), within the clause; in Persian right before it, with a suffix and a
# pronoun or demonstrative allowed («استدلال شما مزخرف است»). This reading wins over a person
# word near by ("your argument is stupid" is about the argument).
_CLAUSE_BREAK = re.compile(r"[,;:.!?؟،؛\n]")
_ENGLISH_COPULAS = frozenset("is was are were sounds sounded seems seemed looks looked 's".split())
_DEGREE = frozenset(
    "so really just utterly quite very totally completely frankly simply pretty rather most "
    "a an the this that such".split()
)
_PERSIAN_BETWEEN = frozenset("شما تو او اونا آنها ایشان این اون آن خیلی واقعا کاملا".split())


def _argument_noun(word: str) -> bool:
    if word in ARGUMENT_NOUNS:
        return True
    return any(
        word.endswith(sfx) and word[: -len(sfx)] in ARGUMENT_NOUNS
        for sfx in ARGUMENT_SUFFIXES
        if len(word) > len(sfx) + 1 and not word.isascii()
    )


def _said_of_an_argument(
    text: str, words: list[tuple[str, int, int]], first: int, last: int
) -> bool:
    """Whether the mild word ``words[first:last + 1]`` qualifies an argument (see above)."""

    def same_clause(a: int, b: int) -> bool:
        return not _CLAUSE_BREAK.search(text, words[a][2], words[b][1])

    word = words[first][0]
    if word.isascii():
        i = last + 1
        if i < len(words) and same_clause(last, i) and words[i][0] in ARGUMENT_NOUNS:
            tail = [w for w, _, _ in words[i + 1 : i + 4]]
            if tail[:1] == ["for"] and tail[1:2] in (["a"], ["an"]):
                return tail[2:3] != [] and tail[2] in ARGUMENT_NOUNS
            return True
        j = first - 1
        while j >= 0 and words[j][0] in _DEGREE and same_clause(j, first):
            j -= 1
        if j < 1 or words[j][0] not in _ENGLISH_COPULAS or not same_clause(j, first):
            return False
        subject = j - 1
        if _names_a_person(words[subject][0]):
            return False
        k = subject
        while k >= 0 and j - k <= 8 and same_clause(k, j):
            if words[k][0] in ARGUMENT_NOUNS:
                return True
            k -= 1
        return False
    j = first - 1
    while j >= 0 and first - j <= 3 and same_clause(j, first):
        if _argument_noun(words[j][0]):
            return True
        if words[j][0] not in _PERSIAN_BETWEEN:
            return False
        j -= 1
    return False


def _excuse_for_someone(words: list[tuple[str, int, int]], last: int) -> bool:
    """ "(a pathetic) excuse for a/an X" with X no argument: said of X, no thing."""
    tail = [w for w, _, _ in words[last + 1 : last + 5]]
    return (
        len(tail) == 4
        and tail[0] in ARGUMENT_NOUNS
        and tail[1] == "for"
        and tail[2] in ("a", "an")
        and tail[3] not in ARGUMENT_NOUNS
    )


def _said_of(
    words: list[tuple[str, int, int]], span: tuple[int, int], text: str = ""
) -> str | None:
    """``oneself``, ``an argument`` or ``a thing`` when a mild word at ``span`` is said of one."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    if text and _said_of_an_argument(text, words, first, last):
        return "an argument"
    if text and _excuse_for_someone(words, last):
        return None  # "a pathetic excuse for a journalist" is said of the journalist
    i = first - 1
    while i >= 0 and first - i <= 4 and words[i][0] in SELF_FILLERS:
        i -= 1
    if i >= 0 and words[i][0] in SELF_SUBJECTS:
        return "oneself"
    after = [w for w, _, _ in words[last + 1 : last + 3]]
    if after and (after[0] in SELF_COPULAS or after[:1] == ["ی"] and after[1:] == ["بودم"]):
        return "oneself"
    before = words[first - 1][0] if first >= 1 else ""
    nxt = after[0] if after else ""
    if (
        before in THING_DETERMINERS
        and nxt.isalpha()
        and nxt.isascii()
        and not _names_a_person(nxt)
        and nxt not in COPULAS
    ):
        return "a thing"
    return None


# Issue 17, s29: a strong listed word can match another, common word: through a suffix
# reading of a short word (SHORT_STEM letters or fewer: «حشرات», insects, is not «حشر» with
# «-ات»; «اوباش», thugs, is not the slur «اوب» with «-اش» but a mild word listed on its own;
# a longer word with a suffix is its own inflection) or through the letters the rules fold
# together («آبله», smallpox, is not «ابله», idiot). When the word as written (Arabic letter
# forms and joiners aside) differs from the strong word, and is another listed word or common
# in the Persian frequency list the ``finglish`` package ships (COMMON_WORD uses or more), it
# is that other word, not the strong one. Insults with a suffix («کونش», «کیرم») are rare in
# that list of edited text, and the ordinary words built on an insult's letters are not.
# Typographic evasions (spaced or dotted letters) are not single words, so they stay read.
# The same reading for mild words (which «اشغال», occupation, would pass instead of «آشغال»,
# trash) was measured and left out: it lowered recall floors on all three data sets.
COMMON_WORD = 50
SHORT_STEM = 3


def _written(word: str) -> str:
    return fold(word, MODERATION_WRITTEN)


def _another_word(surface: str, listed: str) -> bool:
    """Whether ``surface``, matched as the listed word ``listed``, is another, common word."""
    if not _WORD.fullmatch(surface) or not re.search("[\u0600-\u06ff]", surface):
        return False
    word, stem = _written(surface), _written(listed)
    if word == stem:
        return False
    if word in _listed_written():
        return True  # another listed word («اوباش» for «اوب»): its own entry reads it
    if word.startswith(stem) and len(stem) > SHORT_STEM:
        return False  # an inflection of a longer listed word: «حیوانات», «زباله‌های»
    from sitrep.moderation.language import persian_word_frequency

    frequency = max(persian_word_frequency(surface), persian_word_frequency(word))
    return frequency >= COMMON_WORD


@lru_cache(maxsize=1)
def _listed_written() -> frozenset[str]:
    return frozenset(_written(w.text) for w in _insult_words((), ()))


# Issue 17, s30: «اشغال» without its madda is two words: «آشغال» (trash, a mild insult) typed
# without the madda, as readers often type it, and the ordinary word for a military occupation
# («ارتش اشغال غزه را ادامه داد», «کریمه را اشغال کردند», «سرزمین‌های اشغالی»). The spelling
# alone cannot tell them apart (reading every «اشغال» as occupation was measured in s29 and
# cost recall on all three data sets), so the occupation is read from its grammar only: a
# verb of doing or undergoing right after it (an occupation is made or suffered: «اشغال
# کردند», «اشغال شده»; not «شدی», "you became trash"), a preposition of rule before it («تحت
# اشغال», «به اشغال درآمد»), «توسط» (by) close after it, armed
# forces as its subject a few words before it («ارتش ... اشغال»), or the adjective «اشغالی»
# (occupied) after a word for land («سرزمین‌های اشغالی»). The word as written with its madda
# is always trash.
OCCUPATION = "اشغال"
_OCCUPATION_DOING = re.compile(r"(?:ن?می|ب|ن)?(?:کرد|کن|نمود|نما)\w*")
_OCCUPATION_UNDERGOING = re.compile(r"(?:ن?می|ب|ن)?(?:شد|شو|ش)(?:ه|ند|ن|ن?د|هاند|هاست|ست|ن?ده)?")
_OCCUPATION_BEFORE = frozenset("تحت ضد علیه پایان دوران دوره خاتمه".split())
_OCCUPATION_BY = frozenset(("توسط",))
# Armed forces as the subject a few words before: «ارتش اسرائیل اشغال غزه را ادامه داد».
_OCCUPYING = frozenset("ارتش ارتشهای نیروهای نیروها نظامیان سربازان".split())
# Words for land that the adjective «اشغالی» (occupied) qualifies. Folded as the rules fold
# words (no ZWNJ).
_LAND = frozenset(
    "سرزمین سرزمینهای سرزمینها مناطق منطقه مناطقی اراضی خاک شهرهای شهر روستاهای نوار کرانه "
    "بلندیهای بخشهای قلمرو کشور کشورهای جزایر جزیره".split()
)

# s31: words of opposing something, before «با» («مخالفت با», «مبارزه با») or as the verb
# after its object («با اشغال ... مخالفیم»). Folded as the rules fold words.
_OPPOSING = ("مخالف", "مبارزه", "مقابله", "مقاومت", "ستیز")


def _occupation(words: list[tuple[str, int, int]], span: tuple[int, int], text: str) -> bool:
    """Whether the mild word at ``span`` is «اشغال», occupation, by its grammar (see above)."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if len(inside) != 1 or not _written(text[span[0] : span[1]]).startswith(OCCUPATION):
        return False
    i = inside[0]
    word = words[i][0]
    if not word.startswith(OCCUPATION):
        return False

    def at(j: int) -> str:
        same = 0 <= j < len(words) and not _CLAUSE_BREAK.search(
            text, min(words[i][2], words[j][2]), max(words[i][1], words[j][1])
        )
        return words[j][0] if same else ""

    before, after = at(i - 1), at(i + 1)
    if word in (OCCUPATION, OCCUPATION + "ش", OCCUPATION + "شون", OCCUPATION + "شان"):
        if _OCCUPATION_DOING.fullmatch(after) or _OCCUPATION_UNDERGOING.fullmatch(after):
            return True
        if before in _OCCUPATION_BEFORE:
            return True
        later = [at(j) for j in range(i + 1, i + 5)]
        if (
            before == "به"
            and any(  # «به اشغال (ارتش) درآمد/درآوردند»
                w.startswith("درآ") or (w == "در" and n.startswith(("آمد", "آورد")))
                for w, n in zip(later, [*later[1:], ""], strict=True)
            )
        ):
            return True
        if any(at(j) in _OCCUPATION_BY for j in range(i + 1, i + 4)):
            return True
        if any(at(j) in _OCCUPYING for j in range(i - 3, i)):
            return True
        # s31: land as the thing occupied («اشغال سرزمین‌های ...», «اشغال خاک ...»), and
        # opposing an occupation («مخالفت با اشغال ...», «ما با اشغال ... مخالفیم»).
        if word == OCCUPATION and after in _LAND:
            return True
        if before == "با" and any(
            at(j).startswith(_OPPOSING) for j in (*range(i - 3, i - 1), *range(i + 1, i + 6))
        ):
            return True
    if before in ("ها", "های"):  # the plural typed apart: «سرزمین های اشغالی»
        before = at(i - 2) + before
    return word == OCCUPATION + "ی" and before in _LAND


# Issue 17, s30: a word for a wretched or mad state followed by a light verb is a verb of
# its own, saying what someone or something was made or became, not what anyone is called:
# «جوانان را بدبخت کردند» (they ruined the young), «تورم مردم را بدبخت کرد», «دیوانه‌ام کرد»
# (it drove me mad), «چقدر بدبخت شدیم». The second person of becoming is still said of the
# reader («تو بدبخت شدی», "you became a wretch"), and the words that name a person
# («خر», «احمق») are left as they are: only the states in STATE_WORDS.
STATE_WORDS = frozenset("بدبخت بیچاره دیوانه دیوونه".split())
_STATE_DOING = re.compile(r"(?:ن?می|ب|ن)?(?:کرد|کن)(?:ه|د|ن|ند|ید|یم|م|ی|ین|ش|شون|شان|مون|تون)?")
_STATE_BECOMING = re.compile(r"(?:ن?می|ب|ن)?(?:شد|شو|ش)(?:ه|ند|ن|ن?د|یم|م|هایم|هاند|ست)?")
_STATE_OBJECTS = ("امون", "اتون", "اشون", "ام", "ات", "اش", "م", "ت", "ش", "مون", "تون", "شون")
_SECOND_PERSON_BECOMING = frozenset("شدی شدید شدین میشی میشید میشین بشی بشید بشین".split())


def _made_so(words: list[tuple[str, int, int]], span: tuple[int, int], text: str) -> bool:
    """Whether the state word at ``span`` is part of a verb (see STATE_WORDS)."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if len(inside) != 1:
        return False
    i = inside[0]
    word = words[i][0]
    # The victim as an object suffix needs a verb of making: «دیوانه‌ام کرد» (it drove me mad).
    bare = word
    if word not in STATE_WORDS:
        bare = next((word[: -len(x)] for x in _STATE_OBJECTS if word.endswith(x)), word)
    if bare not in STATE_WORDS:
        return False
    if i + 1 >= len(words) or _CLAUSE_BREAK.search(text, words[i][2], words[i + 1][1]):
        return False
    after = words[i + 1][0]
    if bare != word:
        return bool(_STATE_DOING.fullmatch(after))
    if after in _SECOND_PERSON_BECOMING:
        return False
    return bool(_STATE_DOING.fullmatch(after) or _STATE_BECOMING.fullmatch(after))


# Issue 17, s31: two mild words are also the plain adjective or noun of a noun phrase, and
# the noun beside them says which. «روانی» (a psycho) is the adjective "mental,
# psychological" after a noun of health, illness, pressure or care («بیماری روانی», «فشار
# روانی», «سلامت روانی», «جنگ روانی») or beside its fellow adjectives («روحی و روانی»); «بیمار
# روانی» (a mental patient) is left out: it is said of people as an insult, and so is a
# state someone "has" («مشکل روانی داره», he has a mental problem). «زباله» and
# «آشغال» (trash) are refuse after a word for what holds, gathers or treats it («سطل
# زباله», «کیسه آشغال», «جمع‌آوری زباله») or before a word for its kind («زباله‌های شهری»).
# Folded as the rules fold words (no ZWNJ); a plural or the indefinite «ی» on the noun too.
_MENTAL = frozenset(("روانی",))
_MENTAL_HEADS = frozenset(
    """
    بیماری بیماریهای بیماریها فشار فشارهای فشارها سلامت سلامتی بهداشت جنگ عملیات آسیب
    آسیبهای آسیبها مشکل مشکلات مشکلاتی اختلال اختلالات اختلالهای درمان درمانهای مشاوره
    مشاور مشاوران حمایت حمایتهای شوک ضربه ضربات تعادل آرامش امنیت وضعیت وضع حالت شکنجه
    آزار آزارهای تاثیر تاثیرات اثر اثرات پیامد پیامدهای عوارض نیاز نیازهای ناراحتی
    ناراحتیهای بحران بحرانهای بیمارستان بیمارستانهای آسایشگاه مرکز مراکز خدمات پزشکی
    روانشناسی ارزیابی معاینه سنجش پرونده سابقه تنش تنشهای استرس فرسودگی رنج رنجهای
    """.split()
)
# A verb of having in the present, said of a third person or of the reader («داره», «دارن»,
# «داری», «دارند»), after an illness or a problem: «مشکل روانی داره» (he has a mental
# problem) says what someone is; «به حمایت روانی نیاز دارند» (they need support) does not.
_HAVING = re.compile(r"(?:دار|داشت)(?:ه|ن|ند|د|ی|ید|ین)")
_MENTAL_ILLS = frozenset("بیماری بیماریهای مشکل مشکلات مشکلاتی اختلال اختلالات ناراحتی".split())
_MENTAL_FELLOWS = frozenset("روحی جسمی جسمانی عصبی عاطفی اجتماعی ذهنی فیزیکی".split())
_TRASH = frozenset("زباله آشغال اشغال زبالهها آشغالها زبالههای آشغالهای".split())
_TRASH_HOLDERS = frozenset(
    """
    سطل سطلهای سطلها کیسه کیسههای کیسهها ظرف مخزن مخزنهای کامیون کامیونهای ماشین
    جمعآوری آوری تفکیک دفع بازیافت انباشت انبار دپو دپوی محل محلهای کوه کوههای تل تپه
    سوزاندن سوزان زبالهسوز پسماند مدیریت مسئله معضل بحران کارخانه کارگران رفتگران گاری
    کانتینر کانتینرهای
    """.split()
)
_TRASH_KINDS = frozenset(
    """
    شهری خانگی پلاستیکی بیمارستانی صنعتی الکترونیکی هستهای عفونی ساختمانی شیمیایی
    خطرناک سمی فضایی کشاورزی دریایی پزشکی
    """.split()
)


# Issue 17, s31: short rude words that also begin set phrases of the written language: «عن
# قریب» (soon, Arabic "about"), «گه گاه», «گه گداری» (now and then). The next word decides.
_SET_PHRASES = {
    "عن": frozenset("قریب قریبا طریق قصد عمد".split()),
    "گه": frozenset("گاه گاهی گداری گدار".split()),
}


def _plain_noun_phrase(words: list[tuple[str, int, int]], span: tuple[int, int], text: str) -> bool:
    """Whether «روانی» or a trash word at ``span`` is the plain word of a noun phrase, or
    a short rude word the first of a set phrase (``_SET_PHRASES``)."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if len(inside) != 1:
        return False
    i = inside[0]
    word = words[i][0]

    def at(j: int) -> str:
        same = 0 <= j < len(words) and not _CLAUSE_BREAK.search(
            text, min(words[i][2], words[j][2]), max(words[i][1], words[j][1])
        )
        return words[j][0] if same else ""

    before, after = at(i - 1), at(i + 1)
    bare = before[:-1] if before.endswith("ی") and before[:-1] in _MENTAL_HEADS else before
    if word in _MENTAL:
        # "has a mental problem" ascribes the state to someone: name-calling, as before.
        if bare in _MENTAL_ILLS and any(_HAVING.fullmatch(at(j)) for j in range(i + 1, i + 6)):
            return False
        if bare in _MENTAL_HEADS:
            return True
        fellows = (at(i - 2) if before == "و" else "", at(i + 2) if after == "و" else "")
        return any(f in _MENTAL_FELLOWS for f in fellows)
    if word in _TRASH:
        return before in _TRASH_HOLDERS or after in _TRASH_KINDS
    return after in _SET_PHRASES.get(word, ())


def _persons(language: str) -> frozenset[str]:
    # "to" (you) and "in" (this) are only pronouns in Finglish; in English they are not.
    return PERSON_TARGETS | {"to", "in"} if language == "finglish" else PERSON_TARGETS


def find_insults(
    text: str,
    *,
    language: str = "fa",
    extra: tuple[str, ...] = (),
    allowed: tuple[str, ...] = (),
    readings: bool = True,
    grammar: bool = True,
) -> list[Hit]:
    """Insults in ``text`` with their spans and scores.

    ``readings=False`` leaves out session 29's readings of what a listed word is (another,
    common word; a strong word said of oneself; a mild word said of an argument): the
    shipped model's build swaps every listed word its offensive lines hold as the lists
    match them (``corpus.neutral_twins``), so the readings decide verdicts, not training.
    ``grammar=False`` (or ``readings=False``) leaves out session 30's grammatical readings
    («اشغال» as an occupation, a state word inside a verb, calls to kill and for a death) and
    session 31's (plain uses of «روانی», trash and set phrases; the words of
    lexicon.RULE_ONLY_INSULTS): the shipped model's build asks without them, so its training
    set and model stay as they were.
    """
    extra, allowed = tuple(extra), tuple(allowed)
    joined = _either_filter(extra, allowed)
    listed = insult_filter(extra, allowed, readings, rule_only=grammar and readings)
    matches = _chunked(listed, joined).find_matches(text)
    grammar = grammar and readings
    split = _split_insults(text, allowed) + _threats(text, grammar)
    if grammar:
        split += _copula_insults(text, allowed, language)
    if not matches:
        return split
    words = _words(text)
    persons = _persons(language)
    hits: list[Hit] = []
    for m in matches:
        span = (m.index, m.index + m.length)
        if m.word.text in _HATE_KEYS and _COMPARATIVE.match(text, span[1]):
            continue
        category = str(m.word.category)
        tricks = f" (read through: {', '.join(str(e) for e in m.evasion)})" if m.evasion else ""
        if category in STRONG_CATEGORIES or category == "uncategorized":
            if readings and _another_word(text[span[0] : span[1]], m.word.text):
                continue
            score, why = STRONG_SCORE, f"{category} word «{m.word.text}»"
            if grammar and m.word.text in _VIOLENCE_KEYS:
                said = _third_party_speech(text, words, *_word_range(words, span))
                if said is not None:
                    score, why = QUOTED_INSULT, f"call «{m.word.text}» reported («{said}»)"
            if readings and category == "insult" and _said_of(words, span) == "oneself":
                score, why = SELF_INSULT, f"insult «{m.word.text}» said of oneself"
        else:
            if grammar and (
                _occupation(words, span, text)
                or _made_so(words, span, text)
                or _plain_noun_phrase(words, span, text)
            ):
                continue
            said_of = _said_of(words, span, text if readings else "")
            aim = _aim(words, span, persons)
            if said_of in ("oneself", "an argument") or (said_of and aim != "person"):
                score, why = SAID_OF, f"mild word «{m.word.text}» said of {said_of}"
            elif aim == "person":
                score, why = MILD_TARGETED, f"insult «{m.word.text}» aimed at someone"
            else:
                score, why = MILD_ALONE, f"possibly insulting word «{m.word.text}», no clear target"
        hits.append(Hit("insult", m.word.text, span, score, why + tricks))
    covered = [h.span for h in hits]
    hits += [h for h in split if not any(s < h.span[1] and h.span[0] < e for s, e in covered)]
    return _quoted_in_a_report(text, hits)


# Issue 17, s27: an insult quoted in a report is the record of what someone said, not the
# comment's own insult («هواداران به بازیکن حریف «بی‌شرف» گفتند», "the minister called
# them «thugs»"): inside quotation marks governed by a word of speech, with no "you" in the
# comment, an insult is kept for the record only (QUOTED_INSULT, below review). Not when a
# demonstrative or a person word stands right before the quotes: «این «احمق» گفت…» puts the
# insult in scare quotes on someone ("this «idiot» said…").
#
# Issue 17, s28: the word of speech must govern the quote, and be a third party's. It stands
# within SPEECH_REACH words before the quotes or after them, in the same sentence ("called
# the drivers «idiots»", «به داور «بی‌شرف» گفتند», «کلمه «احمق»»); a speech word elsewhere
# in the comment reports nothing about the quote. Speech in the first person is the
# commenter's own ("«thief», I said", «علی «احمق» است، من می‌گویم», «بهش گفتم «احمق»»): the
# quote is then the commenter's word, and scored as if unquoted. The same holds for an
# accusation in quotes (find_slander).
QUOTED_INSULT = 0.3
SPEECH_REACH = 4
# Issue 17, s33: a speech word further before the quotes governs them when a complementizer
# stands between (the quotes are inside what was said: «مربی بعد از بازی در کنفرانس خبری گفت
# که داور یک «...» بود», "the coach said after Sunday's match against the leaders that the
# referee was «...»"), up to COMPLEMENT_REACH words, in the same sentence. Without «که» or
# "that" a far speech word says nothing about the quotes (another clause: "the mayor said the
# bins would be emptied on Monday, but «...» drivers never came").
COMPLEMENT_REACH = 12
_COMPLEMENTIZERS = frozenset(("که", "that"))
_SPEECH = re.compile(
    r"(?i)\b(?:said|say|says|saying|called|call|calls|calling|shouted|chanted|wrote|written|"
    r"writes|word|slur|insult(?:ed|s)?|described|labell?ed|branded|dubbed|tweeted|posted)\b|"
    r"گفت|خواند|نامید|خطاب|کلمه|واژه|لفظ|شعار|نوشت|فریاد|ناسزا|دشنام|توهین|لقب"
)
# Persian speech in the first person, present tense too («می‌گویم», «میگم», «بگویم»): the
# commenter's own words. (A third party's present-tense «میگن» is not read as a report.)
_PERSIAN_OWN_SPEECH = re.compile(
    r"(?:ن?می|ب|ن)?(?:گفت|گوی|گ|نامید|خواند|نوشت|نویس)(?:ه|ها)?(?:م|یم)"
)
# The commenter speaking: "I", "we" before an English speech verb; a Persian verb (or the
# light verb after «خطاب», «فریاد», «لقب») in the first person, or «من»/«ما» before it.
_FIRST_PERSON = frozenset("i i'd i'll i've i'm im we we'd we'll we've me let's من ما".split())
_PERSIAN_FIRST_PERSON_VERB = re.compile(
    r"(?:ن?می|ب|ن)?(?:گفت|گوی|گ|نامید|خواند|خوان|نوشت|نویس|کرد|کن|زد|زن|داد|ده)(?:ه|ها)?(?:م|یم)"
)
# «گفت؛ «...»»: the Persian semicolon introduces a quote as a colon does, ends no sentence.
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_SECOND_PERSON = frozenset(
    "تو شما تویی توئه خودتی خودت خودتون خودتان you your you're youre u ur yourself".split()
)
_SCARE_QUOTED = PERSON_TARGETS | frozenset("این اون آن همین همون همان this that the".split())


def _scare_quoted(text: str, start: int) -> bool:
    """Whether the word before the quotes opening at ``start`` points at someone."""
    before = _words(text[:start])
    return bool(before) and before[-1][0].lower() in _SCARE_QUOTED


def _first_person(words: list[tuple[str, int, int]], i: int) -> bool:
    """Whether the speech word ``words[i]`` is the commenter's own (see _FIRST_PERSON)."""
    near = [w for w, _, _ in words[max(0, i - 3) : i]]
    verbs = [w for w, _, _ in words[i : i + 2]]
    after = words[i + 1][0] if i + 1 < len(words) else ""
    return (
        bool(_FIRST_PERSON & set(near))
        or after in ("i", "we")  # "said I"
        or any(_PERSIAN_FIRST_PERSON_VERB.fullmatch(v) for v in verbs)
    )


def reported_speech(text: str, start: int, end: int) -> str | None:
    """The third party's word of speech governing the quotes at ``start:end``, else None."""
    found = governing_speech(text, start, end)
    return found[0] if found and not found[1] else None


def governing_speech(text: str, start: int, end: int) -> tuple[str, bool] | None:
    """The word of speech governing the quotes at ``start:end`` and whether it is the
    commenter's own (first person), else None.

    A speech word within SPEECH_REACH words before ``start`` or after ``end``, with no
    sentence end between (see the comment above QUOTED_INSULT), else one up to
    COMPLEMENT_REACH words before with a «که» / "that" nearer the quotes. Words inside
    quotation marks are someone's quoted text, not the comment's speech: they are not counted.
    """
    words = _words(text)
    quoted = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text)]
    outside = [
        i for i, (_, s, e) in enumerate(words) if not any(a <= s and e <= b for a, b in quoted)
    ]
    before = [i for i in outside if words[i][2] <= start]
    after = [i for i in outside if words[i][1] >= end][:SPEECH_REACH]
    # The near words first, on both sides; then, further before the quotes, only a speech
    # word whose «که» / "that" clause holds them ("said after the match that ... «...»").
    near = before[-SPEECH_REACH:][::-1]
    far = before[-COMPLEMENT_REACH:-SPEECH_REACH][::-1] if len(before) > SPEECH_REACH else []
    complement = any(words[i][0].lower() in _COMPLEMENTIZERS for i in near)
    for side, ids in (("before", near), ("after", after), ("far", far)):
        for i in ids:
            _, s, e = words[i]
            gap = text[end:s] if side == "after" else text[e:start]
            if _SENTENCE_END.search(gap):
                break
            if side == "far" and not complement:
                complement = words[i][0].lower() in _COMPLEMENTIZERS
                continue
            if _PERSIAN_OWN_SPEECH.fullmatch(words[i][0]):
                return text[s:e], True
            found = _SPEECH.search(text, s, e)
            if found is not None:
                return found.group(), _first_person(words, i)
    return None


def _quoted_in_a_report(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with each insult quoted in a report lowered to QUOTED_INSULT."""
    quoted = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text)] if hits else []
    if not quoted or _SECOND_PERSON & {w.lower() for w, _, _ in _words(text)}:
        return hits
    out: list[Hit] = []
    for h in hits:
        where = [(a, b) for a, b in quoted if a <= h.span[0] and h.span[1] <= b]
        speech = (
            reported_speech(text, *where[0])
            if where and h.score > QUOTED_INSULT and not _scare_quoted(text, where[0][0])
            else None
        )
        if speech is not None:
            h = replace(
                h,
                score=QUOTED_INSULT,
                detail=f"insult «{h.word}» quoted in a report («{speech}»), not said",
            )
        out.append(h)
    return out


# Issue 17, s24: a strong word cut by a space where readers dodge a filter («بیش عور»,
# «نف هم», «اح مق»), or spelt out letter by letter with an ending («ک ث ا ف ت ی»).
# The filter reads letters spaced one by one, not a word cut in two. Two pieces that
# are both common words are two words («بی شعور» is left to the listed phrases:
# measured in issue 17's sixth pass, compound insults typed apart cost precision).
_PERSIAN_PIECE = re.compile(r"[\u0600-\u06FF\u200c\u200d]+")  # a ZWNJ joins, as the key folds it
_ENDINGS = ("یه", "ها", "ی", "ه")
_SPLIT_CATEGORIES = STRONG_CATEGORIES


@lru_cache(maxsize=1)
def _split_keys() -> dict[str, str]:
    """Strong Persian-script words of one piece (4 letters or more), by their folded key."""
    from persian_text_guard import WordList

    listed = [w.text for w in WordList.all() if str(w.category) in _SPLIT_CATEGORIES]
    out: dict[str, str] = {}
    for w in [*EXTRA_INSULTS["strong"], *listed]:
        key = _key(w)
        if len(key) >= 4 and re.fullmatch(r"[\u0600-\u06FF]+", key):
            out.setdefault(key, w)
    return out


@lru_cache(maxsize=1)
def _split_firsts() -> frozenset[str]:
    """Every first piece a listed strong word can be cut into (its proper prefixes)."""
    return frozenset(w[:i] for w in _split_keys() for i in range(1, len(w)))


# Issue 17, s29: threats by their grammar rather than as fixed phrases (lexicon.
# VIOLENCE_PHRASES): a first-person verb of burning with the victim as an object suffix
# («آتیشت میزنم», «آتیش‌شون می‌زنیم»: I/we will set you/them on fire). A third person's verb
# («آتیشت میزنن», they will burn you) reports or warns, and is not read. Spaces, ZWNJ and the
# underscores of hashtags separate words alike. Calls to kill read the same way («آخوندها را
# باید کشت», «باید همه را اعدام کرد») were measured and left out: with them ParsOffensive's
# rules precision fell below its floor (0.9371 -> 0.9366).
THREAT_SCORE = STRONG_SCORE
_THREAT = re.compile(
    r"(?<![\w])(?:آتیش|آتش|اتیش) ?(?:ت|تون|تان|ش|شون|شان) ?(?:می ?زنم|می ?زنیم|بزنم|بزنیم)(?![\w])"
)
_THREAT_SPACES = str.maketrans({ZWNJ: " ", "_": " ", **YEH_KAF})


# Issue 17, s30: «مرگ بر ...» (death to ...) written as the commenter's own cry is a call for
# someone's death (the policy's threats and incitement). Aimed at a person («مرگ بر تو»,
# «مرگ بر این مجری»: "you", or a demonstrative before a word for a person) it is a threat and
# rejected (THREAT_SCORE); aimed at a country, a government or a camp it is the slogan of a
# rally, still a call for a death, and held for a moderator (DEATH_CALL, review). Reported, it is
# the record of what a crowd chanted, not the comment's cry: a word of speech or of a slogan by a
# third party in the same sentence, within DEATH_CALL_REACH words before «مرگ» or after it
# («معترضان شعار مرگ بر ... سر دادند», «... گویان», «داره مرگ بر ... میگه»), keeps it for the
# record only (QUOTED_INSULT). The commenter's own speech («من میگم مرگ بر ...») is their cry.
# «مرگ برای» (death for) and «مرگ بری» are other words.
DEATH_CALL = 0.65
DEATH_CALL_REACH = 6
_DEATH_CALL = re.compile(r"(?<![\w])مرگ +بر +(?=\w)")
# Spoken "say" («میگه», «بگیم», «گویان») and the light verb of «شعار دادن» / «سر دادن» (chant).
_SLOGAN_SPEECH = re.compile(r"(?:ن?می|ب)?(?:گ|گوی)(?:ه|ن|یم|ید|ی|ند|ان)|گویان")
_SLOGAN_GIVING = frozenset(
    "میدن میدادن میدادند میدهند میدیم میدادیم دادند دادن میداد سردادند سردادن".split()
)
_DEMONSTRATIVES = frozenset("این اون آن همین همون".split())


def _death_calls(text: str) -> list[Hit]:
    """«مرگ بر ...» as the commenter's own call (see DEATH_CALL), offsets those of ``text``."""
    if "مرگ" not in text:
        return []
    spaced = text.translate(_THREAT_SPACES)
    if not _DEATH_CALL.search(spaced):
        return []
    words = _words(spaced)
    hits: list[Hit] = []
    for m in _DEATH_CALL.finditer(spaced):
        at = next(i for i, (_, s, _e) in enumerate(words) if s == m.start())
        target = [w for w, _, _ in words[at + 2 : at + 4]]
        span = (m.start(), words[at + 2][2])
        said = _third_party_speech(spaced, words, at, at + 2)
        if said is not None:
            score, why = QUOTED_INSULT, f"«مرگ بر» reported («{said}»), not called for"
        elif target[0] in _SECOND_PERSON or (
            target[0] in _DEMONSTRATIVES
            and target[1:]
            and (target[1] in PERSON_TARGETS or target[1] in PERSON_NOUNS)
        ):
            if target[0] in _DEMONSTRATIVES:
                span = (span[0], words[at + 3][2])
            score, why = THREAT_SCORE, f"a call for the death of someone: «{text[slice(*span)]}»"
        else:
            score, why = DEATH_CALL, f"a call for a death: «{text[slice(*span)]}»"
        hits.append(Hit("insult", text[slice(*span)], span, score, why))
    return hits


def _third_party_speech(
    text: str, words: list[tuple[str, int, int]], first: int, last: int
) -> str | None:
    """A third party's word of speech, slogan or ruling within DEATH_CALL_REACH words before
    ``words[first]`` or after ``words[last]`` in the same sentence, else None (also when the
    commenter speaks there: their own call)."""
    near = [*range(first - 1, -1, -1)]
    near += [*range(last + 1, min(len(words), last + 1 + DEATH_CALL_REACH))]
    complement = False  # a «که» between: "said that ...", "the opinion that ..."
    for i in near:
        word, s, e = words[i]
        gap = text[e : words[first][1]] if i < first else text[words[last][2] : s]
        if _SENTENCE_END.search(gap) or (i < first - DEATH_CALL_REACH and not complement):
            continue
        complement = complement or (i < first and word == "که")
        if _PERSIAN_OWN_SPEECH.fullmatch(word) or word in _FIRST_PERSON:
            return None
        if (
            _SPEECH.search(word)
            or _SLOGAN_SPEECH.fullmatch(word)
            or word in _SLOGAN_GIVING
            or word in _RULING
        ):
            return text[s:e]
    return None


def _word_range(words: list[tuple[str, int, int]], span: tuple[int, int]) -> tuple[int, int]:
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    return (inside[0], inside[-1]) if inside else (0, -1)


# Issue 17, s30: a call to kill by its grammar: «باید» (must), up to three words (the victims),
# then a verb of killing or executing in the impersonal or the passive («اینا رو باید کشت»,
# «باید همه رو اعدام کرد», «باید دار زد», «باید کشته بشه»): THREAT_SCORE. «کشت» followed by a
# light verb is the noun (a crop, a culture: «باید کشت بدم»). Reported by a third party (a
# word of speech or a ruling near it: «دادگاه حکم داد که باید اعدام شود», «گفته باید کشت»),
# it is the record of what was said or decided: QUOTED_INSULT. The same reading lowers the
# lexicon's fixed calls (VIOLENCE_PHRASES) when reported.
_KILL_CALL = re.compile(
    r"(?<![\w])باید ?(?:[\w]+ ){0,3}?"
    r"(?:کشت(?:ش|شون|شان|تون|تان)?(?! ?(?:ب?ده|ب?دم|ب?دیم|ب?دن|داد|کرد|کن|می))"
    r"|(?:اعدام|دار)(?:ش|شون|شان|تون|تان)? ?(?:کرد|زد)"
    r"|کشته ?(?:شود|شوند|بشه|بشن|شه|شن|گردد|گردند))(?![\w])"
)
# Rulings and opinions a third party holds («حکم داد که», «خواستار شد که», «نظر کارشناس که»).
_RULING = frozenset("حکم خواستار نظر عقیده معتقد معتقدند مدعی ادعا".split())
# A question about killing («چرا باید یک نفر رو کشت؟») asks, it does not call.
_QUESTION_WORDS = frozenset("چرا آیا مگه مگر چطور چگونه".split())
# After «کشت» a word that starts a new clause; any other word makes «کشت» a noun (a crop, a
# culture: «باید کشت بردارم»).
_AFTER_KILLING = frozenset("و نه چون چرا تا که اما ولی یا حالا بعد هم".split())
_VIOLENCE_KEYS = frozenset(VIOLENCE_PHRASES)


def _kill_calls(text: str) -> list[Hit]:
    """Calls to kill by their grammar (see _KILL_CALL), offsets those of ``text``."""
    if "باید" not in text:
        return []
    spaced = text.translate(_THREAT_SPACES)
    if not _KILL_CALL.search(spaced):
        return []
    words = _words(spaced)
    hits: list[Hit] = []
    for m in _KILL_CALL.finditer(spaced):
        span = m.span()
        first, last = _word_range(words, span)
        nxt = words[last + 1] if last + 1 < len(words) else None
        if (
            m.group().endswith("کشت")
            and nxt is not None
            and not _CLAUSE_BREAK.search(spaced, span[1], nxt[1])
            and re.match(r"[\u0600-\u06ff]", nxt[0])
            and nxt[0] not in _AFTER_KILLING
        ):
            continue
        clause = [w for w, s, e in words[:first] if not _CLAUSE_BREAK.search(spaced, e, span[0])]
        if _QUESTION_WORDS & set(clause) or re.match(r"\s*[?؟]", spaced[span[1] :]):
            continue
        said = _third_party_speech(spaced, words, first, last)
        if said is not None:
            score, why = QUOTED_INSULT, f"call to kill «{m.group()}» reported («{said}»)"
        else:
            score, why = THREAT_SCORE, f"a call to kill: «{m.group()}»"
        hits.append(Hit("insult", text[slice(*span)], span, score, why))
    return hits


def _threats(text: str, calls: bool = True) -> list[Hit]:
    """Threats to burn someone (see THREAT_SCORE) and, with ``calls``, calls for a death
    (DEATH_CALL) or to kill (_KILL_CALL), offsets those of ``text``. The calls are readings of
    session 30: the shipped model's build (``find_insults(readings=False)``) does not read them."""
    found = (_death_calls(text) + _kill_calls(text)) if calls else []
    if "تش" not in text and "تیش" not in text:  # «آتش», «آتیش», «اتیش»
        return found
    return found + [
        Hit("insult", m.group(), m.span(), THREAT_SCORE, f"threat «{m.group()}»")
        for m in _THREAT.finditer(text.translate(_THREAT_SPACES))
    ]


def _split_insults(text: str, allowed: tuple[str, ...] = ()) -> list[Hit]:
    """Strong words cut by spaces: two adjacent pieces, or a run of single letters."""
    keys, firsts = _split_keys(), _split_firsts()
    # Most comments hold no candidate: look for one on the folded pieces alone first
    # (three single letters in a row, or a piece that begins a listed word).
    run, previous = 0, ""
    for piece in _PERSIAN_PIECE.findall(_key(text)):
        run = run + 1 if len(piece) == 1 else 0
        if run == 3 or (previous in firsts and previous + piece in keys):
            break
        previous = piece
    else:
        return []
    pieces = [(_key(m.group()), m.start(), m.end()) for m in _PERSIAN_PIECE.finditer(text)]
    skip = {_key(w) for w in allowed}
    hits: list[Hit] = []
    i = 0
    while i < len(pieces) - 1:
        # A run of single letters, with an ending: «ک ث ا ف ت ی», «ا ح م ق ی ه».
        j = i
        while j < len(pieces) and len(pieces[j][0]) == 1:
            j += 1
        if j - i >= 3:
            letters = "".join(p[0] for p in pieces[i:j])
            for end in ("", *_ENDINGS):
                stem = letters[: len(letters) - len(end)] if end else letters
                if letters.endswith(end) and stem in keys and stem not in skip:
                    hits.append(_split_hit(keys[stem], (pieces[i][1], pieces[j - 1][2])))
                    break
            i = j
            continue
        (a, s, _), (b, _, e) = pieces[i], pieces[i + 1]
        word = keys.get(a + b)
        gap = text[pieces[i][2] : pieces[i + 1][1]]
        if word and a + b not in skip and gap.isspace() and (a, b) not in SPLIT_COMMON_PAIRS:
            hits.append(_split_hit(word, (s, e)))
            i += 2
            continue
        i += 1
    return hits


# Issue 17, s33: a listed word with the colloquial "is" joined to it, at the end of a clause:
# «این یارو روانیه» (this guy is a psycho), «طرف احمقه», «دیوونه‌ست». The filter reads «ه» after
# a word as a suffix it does not know, so the word was not seen at all. Only at the end of a
# clause (then the «ه» is the verb; before another word it is mostly the spoken definite
# article: «سگه پارس کرد», the dog barked), and not when the joined form is a common word of
# its own («کره», butter, is not «کر» + «ه»: ``_another_word``), nor after a word made of a
# negated verb («نفهم», dense: «که بابام نفهمه» is "so that my father doesn't find out"). A
# strong word scores as it would standing alone; a mild one by what it is said of
# (``_said_of``) and whether someone is named near it (``_aim``), as find_insults scores a
# mild word. A grammatical reading like session 30's: the shipped model's build
# (``find_insults(readings=False)``) does not read it.
_COPULA_FORM = re.compile(
    r"(?<![\w\u200c])([\u0600-\u06FF\u200c]{2,}?)\u200c?(ه|ست)(?=[ \t]*(?:$|\n|[^\w\s\u200c]))"
)
# Spoken words for "that guy / that woman" that name the person a mild word is said of.
_SPOKEN_PERSONS = frozenset("یارو مرتیکه زنیکه پسره دختره".split())
# «ست» joins a word that ends in a vowel («دیوونه‌ست», «روانیست»); «ه» one that does not.
_VOWEL_ENDS = ("ه", "ی", "و", "ا")


@lru_cache(maxsize=1)
def _copula_keys() -> dict[str, tuple[str, bool]]:
    """Listed Persian-script words of one piece by their folded key: (entry, strong?)."""
    out: dict[str, tuple[str, bool]] = {}
    for w in _insult_words((), ()):
        key = _key(w.text)
        if re.fullmatch(r"[\u0600-\u06FF]{2,}", key):
            strong = str(w.category) in STRONG_CATEGORIES or str(w.category) == "uncategorized"
            out.setdefault(key, (w.text, strong))
    return out


def _copula_insults(text: str, allowed: tuple[str, ...] = (), language: str = "fa") -> list[Hit]:
    """Listed words with the spoken «ه» / «ست» ("is") joined, ending a clause (see above)."""
    if "ه" not in text and "ست" not in text:
        return []
    keys = _copula_keys()
    skip = {_key(w) for w in allowed}
    hits: list[Hit] = []
    words: list[tuple[str, int, int]] | None = None
    for m in _COPULA_FORM.finditer(text):
        stem, ending = _key(m.group(1)), m.group(2)
        if ending == "ست" and not stem.endswith(_VOWEL_ENDS):
            continue
        if ending == "ه" and stem.endswith("ه"):
            continue  # «دیوونهه» is no spelling; a word ending in «ه» takes «ست»
        entry = keys.get(stem)
        if entry is None or stem in skip:
            continue
        listed, strong = entry
        if ending == "ه" and stem.startswith("ن"):
            continue  # «نفهم» + «ه» is the verb «نفهمه» ("so he doesn't find out")
        surface = m.group()
        if _another_word(surface.replace("\u200c", ""), listed):
            continue
        span = m.span(1)
        if words is None:
            words = _words(text)
        # «بیشعوری» + «ه»: a listed word with «ی» may be the noun or the indefinite ("it is
        # boorishness", «فحاشی به خانواده‌ها بیشعوریه», said of an act): read as a mild word.
        if strong and stem.endswith("ی") and stem[:-1] in keys:
            strong = False
        if strong:
            score, why = STRONG_SCORE, f"strong word «{listed}» said of someone («{surface}»)"
            if _said_of(words, span) == "oneself":
                score, why = SELF_INSULT, f"insult «{listed}» said of oneself"
        else:
            said_of = _said_of(words, span, text)
            aim = _aim(words, span, _persons(language) | _SPOKEN_PERSONS)
            if said_of in ("oneself", "an argument", "a thing"):
                score, why = SAID_OF, f"mild word «{listed}» said of {said_of}"
            elif aim == "person":
                score, why = MILD_TARGETED, f"insult «{listed}» aimed at someone («{surface}»)"
            else:
                # Said of a plan, a film, a situation as often as of a person: kept for the
                # record only (with it, each set's rules precision fell below its floor).
                why = f"mild word «{listed}» («{surface}»), no one named"
                score = SAID_OF
        hits.append(Hit("insult", listed, span, score, why))
    return hits


def _split_hit(word: str, span: tuple[int, int]) -> Hit:
    return Hit("insult", word, span, STRONG_SCORE, f"strong word «{word}» (read through: split)")


_HATE_KEYS = frozenset(HATE_PHRASES)
# «ترین» after a phrase's last word: a superlative («کثیف‌ترین کارها», the dirtiest
# jobs) describes the noun after it, not the group before it.
_COMPARATIVE = re.compile(r"[\s\u200c]*ترین(?!\w)")


# Reporting an accusation is not making it: "was charged with", «به اتهام», "allegedly".
_REPORTING = re.compile(
    r"(?i)\b(?:charged|accused|convicted|indicted|sentenced|suspected|alleged(?:ly)?|"
    r"arrested|tried|on trial|denied|denies|court|prosecutors?|according to)\b|"
    r"متهم|به\s*اتهام|اتهام|دادگاه|دادستان|محکوم|بازداشت|دستگیر|به\s*گفته|ادعا|تکذیب"
)
_QUOTED_SPAN = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")


def _reporting_near(
    text: str, words: list[tuple[str, int, int]], span: tuple[int, int]
) -> re.Match[str] | None:
    """A reporting verb within two windows of words around the accusation, else None."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if not inside:
        return None
    lo = max(0, inside[0] - 2 * WINDOW)
    hi = min(len(words) - 1, inside[-1] + 2 * WINDOW)
    return _REPORTING.search(text, words[lo][1], words[hi][2])


def _target_word(
    text: str, words: list[tuple[str, int, int]], span: tuple[int, int], persons: frozenset[str]
) -> str:
    """The person or group word (or capitalised name) nearest the accusation, or ''."""
    before = text[: span[0]].split()[-WINDOW:]
    for w in reversed(before):
        w = w.strip(",:;\"'")
        if _CAPITALISED.fullmatch(w) and w.lower() not in ENGLISH_WORDS:
            return w
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if not inside:
        return ""
    lo, hi = max(0, inside[0] - WINDOW), min(len(words), inside[-1] + WINDOW + 1)
    near = [(abs(i - inside[0]), w) for i, (w, _, _) in enumerate(words[lo:hi], start=lo)]
    found = sorted((d, w) for d, w in near if w in persons)
    return found[0][1] if found else ""


def find_slander(text: str, *, language: str = "fa") -> list[Hit]:
    """Accusations of a crime or dishonesty, scored by whether they are aimed at someone.

    An accusation stated as fact against a target is slander; the same words in a
    report of an accusation ("X was charged with fraud", «به اتهام جاسوسی») or in
    quotation marks are kept for the record only (SLANDER_ALONE).
    """
    matches = _chunked(accusation_filter(), _either_filter((), ())).find_matches(text)
    if not matches:
        return []
    words = _words(text)
    persons = _persons(language)
    quoted = [(m.start(), m.end()) for m in _QUOTED_SPAN.finditer(text)]
    hits: list[Hit] = []
    for m in matches:
        span = (m.index, m.index + m.length)
        # A capitalised Latin word just before the accusation is most likely a name.
        aim = "person" if _named_before(text, span) else _aim(words, span, persons)
        if _referred_to(words, span):
            aim = None
        target = _target_word(text, words, span, persons)
        reporting = _reporting_near(text, words, span)
        against = f" against «{target}»" if target else ""
        # Quotes around an accusation mark a term, a title or someone's words, unless the
        # commenter's own speech governs them («"thief", I said»: issue 17, s28).
        within = [(s, e) for s, e in quoted if s <= span[0] < e]
        speech = governing_speech(text, *within[0]) if within else None
        if within and not (speech and speech[1]):
            score, why = SLANDER_ALONE, f"accusation «{m.word.text}» quoted, not made"
        elif aim and reporting:
            score, why = (
                SLANDER_ALONE,
                f"accusation «{m.word.text}»{against} reported («{reporting.group()}»), "
                "not stated as fact",
            )
        elif aim == "person":
            score, why = (
                SLANDER_TARGETED,
                f"accusation «{m.word.text}» stated as fact"
                + (against or " against a person or group"),
            )
        elif aim == "copula":
            score, why = SLANDER_COPULA, f"accusation «{m.word.text}» stated of someone{against}"
        else:
            score, why = SLANDER_ALONE, f"accusation word «{m.word.text}» with no target"
        hits.append(Hit("slander", m.word.text, span, score, why))
    return hits


def _referred_to(words: list[tuple[str, int, int]], span: tuple[int, int]) -> bool:
    """Whether the accusation names someone already known rather than accusing anyone.

    «پلیس قاتل را دستگیر کرد» (the object marker را follows), "arrested the killer"
    ("the" before it, with no copula before "the"): a report about a criminal, not an
    accusation against a person.
    """
    inside = [i for i, (_, s, e) in enumerate(words) if s < span[1] and e > span[0]]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    after = words[last + 1][0] if last + 1 < len(words) else ""
    before = words[first - 1][0] if first >= 1 else ""
    before2 = words[first - 2][0] if first >= 2 else ""
    if after in ("را", "ro", "ra"):
        return True
    # "a film about a spy", «فیلمی درباره یک جاسوس»: the subject of a story, not an accusation.
    if before in _ABOUT or (before in ("یک", "a", "an") and before2 in _ABOUT):
        return True
    return before == "the" and before2 not in COPULAS


_ABOUT = frozenset({"درباره", "دربارهٔ", "دربارهی", "about"})  # ZWNJ folded away
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


def _named_before(text: str, span: tuple[int, int]) -> bool:
    """Whether a capitalised word that is not a common English word precedes ``span`` closely."""
    before = text[: span[0]].split()[-WINDOW:]
    return any(
        _CAPITALISED.fullmatch(w.strip(",:;\"'")) and w.strip(",:;\"'").lower() not in ENGLISH_WORDS
        for w in before
    )


def rule_score(text: str) -> float:
    """The strongest insult or slander score in ``text`` (0 when neither rule finds anything).

    What the evaluation and the threshold calibration count as "the rules flag it" when
    compared with the policy's review threshold.
    """
    return max((h.score for h in find_insults(text) + find_slander(text)), default=0.0)
