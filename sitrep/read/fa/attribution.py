"""Who asserts each Persian sentence: the outlet (source) and the person quoted (speaker).

The same record semantics as the English reader's (carry-over:
:mod:`sitrep.read.common.attribution`):

1. The article's outlet asserts every sentence by default.
2. A sentence names who asserts it in a lead-in (``به گزارش X،``,
   ``به نقل از X``, ``به نوشته X``, ``به گفته X``, ``به ادعای X``,
   ``بنا بر اعلام X``) or as the subject of a reporting verb (``X گزارش داد``,
   ``X اعلام کرد``, ``X مدعی شد``, ``X تکذیب کرد``, ``X افزود``, ``X نوشت``,
   ``X گفت``, ...). A known outlet (``sitrep/data/outlets.json``, Persian
   spellings included, with or without ``خبرگزاری``, ``روزنامه``, ``شبکه``
   ...) becomes the source; anyone else is the speaker. Both at once:
   ``به گزارش واشنگتن پست، دولت سوریه اعلام کرد ...`` gives source The
   Washington Post and speaker دولت سوریه. In ``به گزارش A به نقل از B`` the
   outlet quoted last (B) is the source: A only passes B's report on.
3. A cited outlet stays the source of the following sentences (``inherited``)
   until another outlet is named; ``این رسانه`` / ``این روزنامه`` ("this
   outlet") keeps it. Speakers carry over only to a sentence whose subject is a
   pronoun (``وی افزود``, ``او گفت``).

``Claim.reported_verb`` holds the Persian verb as written (folded), for example
``اعلام کرد`` or ``مدعی شد``; :func:`verb_kind` tells what it does to a claim
(``deny``, ``claim`` or ``say``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sitrep.core.records import Article, Claim, Sentence
from sitrep.ingest.outlets import OutletDirectory, outlet_directory
from sitrep.read.common.attribution import carry_attribution
from sitrep.read.fa.dates import find_dates
from sitrep.read.fa.text import fold

# Reporting verbs (folded, a space or ZWNJ between parts), by what they do to a claim.
# گفت, گفتند, گفته است, گفته‌اند; "اعلام کرده بود": said before (the pluperfect)
_V_END = r"(?:ند|ه(?:[\s\u200c]*(?:است|اند|بود(?:ند)?))?)?"
_PREFIX = r"(?:می[\s\u200c]?)?"
VERBS: dict[str, tuple[str, ...]] = {
    "deny": (
        r"تکذیب\s+(?:کرد|نمود)",
        r"رد\s+(?:کرد|نمود)",
    ),
    "claim": (
        r"مدعی\s+(?:شد|است|شده)",
        r"ادعا\s+(?:کرد|نمود)",
    ),
    "say": (
        r"گزارش\s+(?:داد|کرد)",
        r"اعلام\s+(?:کرد|نمود|داشت)",
        r"خبر\s+داد",
        r"افزود",
        r"اضافه\s+کرد",
        r"نوشت",
        r"گفت",
        r"اظهار\s+(?:داشت|کرد)",
        r"(?:تأکید|تاکید)\s+کرد",
        r"تصریح\s+کرد",
        r"توصیف\s+کرد",
        r"عنوان\s+کرد",
        r"(?:تأیید|تایید)\s+کرد",
        r"ابراز\s+داشت",
        r"تبریک\s+گفت",
        r"هشدار\s+داد",
        r"یادآور\s+شد",
        r"یادآوری\s+کرد",
        r"بیان\s+کرد",
        r"توضیح\s+داد",
        r"مطرح\s+کرد",
    ),
}
# Present-tense forms used in news ("می‌نویسد", "می‌گوید", "گزارش می‌دهد"), singular
# or plural: Dari reports open with "مقام‌های محلی می‌گویند" and "منابع ... خبر
# می‌دهند", and deny with "... را رد می‌کنند".
_PRESENT = {
    "say": (r"می[\s\u200c]?(?:نویس|گوی|افزای)ن?د", r"(?:گزارش|خبر)\s+می[\s\u200c]?دهن?د"),
    "claim": (r"ادعا\s+می[\s\u200c]?کنن?د",),
    "deny": (r"(?:تکذیب|رد)\s+می[\s\u200c]?کنن?د",),
}
# Lead-ins before the one who asserts: (pattern, kind).
_LEAD_INS = (
    (r"به\s+ادعای", "claim"),
    (r"به\s+گزارش", "say"),
    (r"بنا\s*(?:بر|به)\s+(?:گزارش|اعلام|ادعای)", "say"),
    (r"(?:طبق|براساس|بر\s+اساس|بنابر)\s+(?:گزارش|اعلام)", "say"),
    (r"به\s+نقل\s+از", "say"),
    (r"به\s+نوشته", "say"),
    (r"به\s+گفته", "say"),
    (r"به\s+اعلام", "say"),
)
# Words naming the kind of outlet before its name ("خبرگزاری فارس").
_OUTLET_KIND = re.compile(
    r"^(?:خبرگزاری|روزنامه|پایگاه(?:\s+(?:خبری|اینترنتی|تحلیلی|خبری-تحلیلی))?|سایت(?:\s+خبری)?"
    r"|وب[\s\u200c]?سایت|شبکه(?:\s+(?:خبری|تلویزیونی|ماهواره‌ای))?|تلویزیون|رادیو|نشریه"
    r"|هفته[\s\u200c]?نامه|ماهنامه|خبرنگار|سرویس\s+خبری|بخش\s+فارسی)\s+"
)
# "this outlet": the source named before.
_THIS_OUTLET = re.compile(
    r"^(?:این|همین|همان)\s+(?:رسانه|روزنامه|خبرگزاری|شبکه|نشریه|پایگاه(?:\s+خبری)?|سایت|منبع)"
)
_PRONOUNS = ("وی", "او", "ایشان", "آنها", "آن‌ها", "آنان")
_NOT_SPEAKERS = ("این", "آن", "که", "همچنین", "اما", "ولی", "سپس", "هم")
# Where a subject phrase stops: a time expression is cut separately; these words
# open an adverbial that follows the subject ("در بیانیه‌ای", "با انتشار").
_SUBJECT_STOP = re.compile(
    r"\s(?:در|درباره|طی|ضمن|نیز|هم|همچنین|روز|امروز|دیروز|صبح|شب|عصر|بامداد|پیش\s+از|پس\s+از"
    r"|با\s+(?:اعلام|انتشار|اشاره|صدور|تایید|تأیید|حضور)|به)\s"
)
_CONNECTORS = re.compile(
    r"^(?:(?:از\s+سوی\s+دیگر|از\s+طرف\s+دیگر|در\s+همین\s+حال|در\s+همین\s+راستا|همچنین|همزمان"
    r"|در\s+ادامه|در\s+این\s+میان|در\s+عین\s+حال|اما|ولی|سپس|در\s+تحولی\s+دیگر|در\s+خبری\s+دیگر"
    r"|در\s+این\s+باره|در\s+این\s+زمینه)[،,]?\s+)+"
)
_MAX_WHO_WORDS = 8
_NOT_A_SUBJECT = re.compile(
    r"(?:^|\s)(?:سال|ماه|هفته|روز|ساعت|آنکه|اینکه|زمانی|وقتی|هنگامی|\d+)(?:\s|$)"
)
# Words that open the object of a denial or a claim ("ادعای روسیه را تکذیب کرد").
_OBJECT_OPENS = re.compile(r"\s(?:(?:ادعا|گزارش|خبر|شایع)[\w\u200c]*|اخبار|این|آن|هرگونه)\s")


@dataclass(frozen=True)
class Attribution:
    """What one sentence says about who asserts it.

    ``source`` is a canonical outlet name, ``this_outlet`` is true when the
    sentence refers back to the outlet cited before ("به نوشته این رسانه").
    """

    source: str | None = None
    speaker: str | None = None
    verb: str | None = None
    this_outlet: bool = False


@dataclass(frozen=True)
class _Compiled:
    verbs: tuple[tuple[re.Pattern[str], str], ...]
    lead_in: re.Pattern[str]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    verbs: list[tuple[re.Pattern[str], str]] = []
    for kind, patterns in VERBS.items():
        for p in patterns:
            verbs.append(
                (re.compile(rf"(?<![\w\u200c]){_PREFIX}(?:{p}){_V_END}(?![\w\u200c])"), kind)
            )
    for kind, patterns in _PRESENT.items():
        for p in patterns:
            verbs.append((re.compile(rf"(?<![\w\u200c])(?:{p})(?![\w\u200c])"), kind))
    leads = "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(_LEAD_INS))
    lead_in = re.compile(
        rf"(?<![\w\u200c])(?:{leads})\s+(?P<who>[^،,؛:«»\"\n.]{{2,80}}?)\s*(?=[،,؛:]|$)"
    )
    return _Compiled(tuple(verbs), lead_in)


def verb_kind(verb: str | None) -> str | None:
    """What a reporting verb (as in ``Claim.reported_verb``) does: deny, claim, say, or None."""
    if not verb:
        return None
    text = fold(verb).text
    if text.startswith("به ادعای"):
        return "claim"
    for rx, kind in _compiled().verbs:
        if rx.search(text):
            return kind
    return None


def outlet_of(who: str, outlets: OutletDirectory | None = None) -> str | None:
    """The canonical outlet a phrase names ("خبرگزاری فارس" -> Fars), else None."""
    outlets = outlets or outlet_directory()
    who = who.strip(" «»\"'")
    bare = _OUTLET_KIND.sub("", who)
    for name in (who, bare):
        if outlets.is_outlet(name):
            return outlets.canonical(name)
    # "بخش فارسی بی‌بی‌سی", "پرس تی وی به نقل از منابع محلی": a known outlet opening the phrase
    found = outlets.find(bare)
    if found and (found[0][0] == 0 and len(bare.split()) <= 4 or len(bare.split()) <= 6):
        return found[0][2]  # "خبرگزاری رسمی سوریه (سانا)": the outlet named in a short phrase
    return None


def attribute_sentence(text: str, outlets: OutletDirectory | None = None) -> Attribution:
    """The outlet and speaker a single Persian sentence names as asserting it."""
    outlets = outlets or outlet_directory()
    ftext = fold(text).text
    comp = _compiled()
    source: str | None = None
    speaker: str | None = None
    verb: str | None = None
    this_outlet = False
    lead_end = 0
    denial_or_claim: str | None = None
    for m in comp.lead_in.finditer(ftext):
        kind = next(_LEAD_INS[int(k[1:])][1] for k, v in m.groupdict().items() if k != "who" and v)
        lead = next(v for k, v in m.groupdict().items() if k != "who" and v)
        for who in re.split(r"\s+به\s+نقل\s+از\s+", m.group("who")):
            who = who.strip()
            if _THIS_OUTLET.match(who):
                this_outlet = True
                continue
            outlet = outlet_of(who, outlets)
            if outlet:
                source = outlet  # the outlet quoted last is the one asserting
            elif speaker is None and _speaker_ok(who):
                speaker = _clean(who)
                verb = "به ادعای" if kind == "claim" else verb
        verb = verb or " ".join(lead.split())
        lead_end = max(lead_end, m.end())
    # subject + reporting verb: the last such verb decides the speaker
    hits = sorted(
        (
            (m.start(), m.end(), kind, m.group(0))
            for rx, kind in comp.verbs
            for m in rx.finditer(ftext)
        ),
        key=lambda h: h[0],
    )
    for start, _end, kind, written in hits:
        if start < lead_end:
            continue
        if _TOLD_OF.match(written):
            # "روسیه از خروج نیروهایش از ایزیوم خبر داد": who tells ends where "از" opens
            # what is told
            opens = _ABOUT_OPENS.search(ftext, lead_end, start)
            start = opens.start() if opens else start
        who = _subject(ftext, lead_end, start)
        if who is None:
            if kind != "say":
                denial_or_claim = denial_or_claim or written  # still a denial, by someone
            continue
        if _THIS_OUTLET.match(who):
            this_outlet = True
            verb = written
            continue
        outlet = outlet_of(who, outlets)
        if outlet:
            source = source or outlet
            verb = verb if kind == "say" and verb else written
        elif speaker is None or kind != "say":
            speaker = speaker or who
            verb = written
        break
    if verb is None or (denial_or_claim and verb_kind(verb) == "say" and speaker is None):
        verb = denial_or_claim or verb
    return Attribution(source=source, speaker=speaker, verb=verb, this_outlet=this_outlet)


_TOLD_OF = re.compile(r"خبر\s+(?:داد|می[\s\u200c]?دهن?د)")
# the "از" of "از ... خبر داد", not a partitive ("یکی از فرماندهان")
_ABOUT_OPENS = re.compile(
    r"(?<!یکی)(?<!برخی)(?<!بعضی)(?<!شماری)(?<!تعدادی)(?<!بسیاری)(?<!بخشی)(?<!هایی)\sاز\s"
)


def _subject(ftext: str, lead_end: int, verb_start: int) -> str | None:
    """The phrase that reports: the words opening the clause of a reporting verb."""
    region = ftext[lead_end:verb_start]
    # "...را آزاد کردند، فرمانده ارتش اعلام کرد": after the last comma when that is short
    cut = max(region.rfind("،"), region.rfind(","), region.rfind("؛"), region.rfind("»"))
    if cut >= 0:
        tail = region[cut + 1 :].strip()
        who = tail
        if " را " in f" {region[:cut]} ":
            # "X را تصرف کردند، رئیس جمهور این کشور روز یکشنبه گفت": after a clause of
            # its own, the words of the speaker's time do not count
            stop = _SUBJECT_STOP.search(f" {tail} ")
            who = f" {tail} "[: stop.start()].strip() if stop else tail
        if who and len(who.split()) <= 5 and " را " not in f" {tail} ":
            region = tail
    region = _CONNECTORS.sub("", region.strip(" ،,«»"))
    if not region:
        return None
    if " را " in f" {region} ":
        # "X ادعای روسیه را تکذیب کرد": the subject ends where the object opens
        m = _OBJECT_OPENS.search(f" {region}")
        stop = _SUBJECT_STOP.search(f" {region} ")
        if m:
            region = f" {region}"[: m.start()].strip()
        elif stop and " را " not in f" {region} "[: stop.start()] + " ":
            region = f" {region} "[: stop.start()].strip()  # "X در بیانیه‌ای Y را ..."
        elif "،" in region or "," in region:
            region = re.split("[،,]", region)[0]  # a name with an appositive
        else:
            return None
    # an appositive ("سرتیپ علی میهوب، سخنگوی ارتش سوریه،") ends the name
    for sep in ("،", ","):
        if sep in region:
            region = region.split(sep)[0]
    dates = find_dates(region, None)
    if dates:
        region = region[: dates[0].span.start]
    m = _SUBJECT_STOP.search(f" {region} ")
    if m:
        region = f" {region} "[: m.start()]
    region = region.strip(' ،,«»"')
    words = region.split()
    if not words or len(words) > _MAX_WHO_WORDS:
        return None
    if words[0] in _PRONOUNS:
        return words[0]
    if _NOT_A_SUBJECT.search(region):
        return None  # "سه سال پس از آنکه ...": a time clause, not who speaks
    if not _speaker_ok(region):
        return None
    return region


def _speaker_ok(who: str) -> bool:
    words = who.split()
    return bool(words) and words[0] not in _NOT_SPEAKERS


def _clean(who: str) -> str:
    return who.strip(" «»\"'،,.")


def attribute(
    article: Article, sentences: Sequence[Sentence], *, outlets: OutletDirectory | None = None
) -> list[Claim]:
    """One :class:`Claim` per sentence, with the carry-over rules every reader shares."""
    return carry_attribution(
        article, sentences, attribute_sentence, pronouns=_PRONOUNS, outlets=outlets
    )
