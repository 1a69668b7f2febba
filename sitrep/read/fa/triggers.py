"""The Persian trigger lexicon: event wording -> :class:`sitrep.read.typology.Family`.

Persian states most events with a compound verb, a noun or adjective and a
light verb (``آزاد کرد``, ``بازپس گرفت``, ``تسلط یافت``, ``سقوط کرد``), and
puts the verb last (SOV). A trigger is a pattern over the *folded* sentence
(:func:`sitrep.read.fa.text.fold`) whose finite verb, when it has one, is the
named group ``v``: its form tells tense, mood and negation (:func:`verb_form`),
which the reader turns into a status. Light verbs are written out in every
form news uses (:func:`conjugate`): past (کردند), past progressive (می‌کردند),
perfect and pluperfect (کرده است, کرده بود), present (می‌کنند), subjunctive
(کنند, بگیرند), future (خواهند کرد), each with the negative prefix ن.

Trigger kinds beyond the English ones:

- ``passive``: the grammatical subject is the place, the agent comes with
  ``توسط`` / ``به دست`` / ``از سوی`` (``دیرالزور توسط ارتش سوریه آزاد شد``);
- ``controller``: the holder is named inside the trigger, in the group ``who``
  (``تحت کنترل ارتش عراق درآمد``, ``به دست داعش افتاد``, ``در اختیار داعش بود``);
- ``before``: a pattern that must occur in the 80 characters before the
  trigger (``به دست گرفتند`` counts only after ``کنترل``);
- ``reference``: a noun that can refer back to an event already told
  (``این پیروزی``, ``پیشروی‌ها``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.read.typology import Family

_S = r"[\s\u200c]+"  # between words: spaces or a ZWNJ
_Z = r"[\s\u200c]?"  # inside a compound: a space, a ZWNJ or nothing
_B = r"(?<![\w\u200c])"
_E = r"(?![\w\u200c])"
# a name in quotes ("« هادروت »") and the head nouns a list of them may restart with
_QUOTED = r"[\s\u200c]*[«\"][^«»\"]{1,30}[»\"]"
_QUOTED_HEAD = r"(?:قصبه|شهر|شهرک|روستای|روستاهای|شهرهای)"
_WHO = r"(?P<who>[^،,.؛:\n]{2,70}?)"  # a short phrase naming the holder

# (past stem, present stem) of the light verbs the triggers use.
LIGHT_VERBS: dict[str, tuple[str, str]] = {
    "kardan": ("کرد", "کن"),
    "shodan": ("شد", "شو"),
    "gereftan": ("گرفت", "گیر"),
    "yaftan": ("یافت", "یاب"),
    "daramadan": ("درآمد", "درآی"),
    "dadan": ("داد", "ده"),
    "zadan": ("زد", "زن"),
    "avardan": ("آورد", "آور"),
    "daravardan": ("درآورد", "درآور"),
    "oftadan": ("افتاد", "افت"),
    "keshidan": ("کشید", "کش"),
    "bazgashtan": ("بازگشت", "بازگرد"),
    "neshastan": ("نشست", "نشین"),
    "rasandan": ("رساند", "رسان"),
    "raftan": ("رفت", "رو"),
    "bordan": ("برد", "بر"),
    "dashtan": ("داشت", "دار"),
    "randan": ("راند", "ران"),
    # Dari (and formal Persian) writes "نمودن" where Iranian news writes "کردن"
    "nemudan": ("نمود", "نما"),
    # "در آمد", "در آورد": the same verbs written in two words
    "dar_amadan": ("در آمد", "در آی"),
    # "به کنترل نیروهای امنیتی درامد": Dari and hurried copy drop the madda
    "daramadan_bare": ("درامد", "درای"),
    "dar_avardan": ("در آورد", "در آور"),
    "gharar_gereftan": ("قرار گرفت", "قرار گیر"),
    "vagozar": ("واگذار شد", "واگذار شو"),
    # Dari and formal Persian write "گردید" where news writes the passive "شد"
    "gardidan": ("گردید", "گرد"),
    # Dari "آزاد ساختند" (set free), as formal Persian also writes it
    "sakhtan": ("ساخت", "ساز"),
    # "پرچم را بر فراز شهر X برافراشتند": raised (a flag)
    "barafrashtan": ("برافراشت", "برافراز"),
}
_PAST_END = r"(?:ند|م|یم|ید)?"  # no 2sg "ی": it would read nouns in ‌ی as verbs
_PRES_END = r"(?:ند|د|م|یم|ید)"
_AUX = rf"(?:{_Z}(?:است|اند|ام|ایم|اید|ای|بود(?:ند|م|یم|ید)?|باشد|باشند|شد|شدند|شده))?"


def conjugate(*verbs: str) -> str:
    """A regex for the finite forms of light verbs (names from :data:`LIGHT_VERBS`)."""
    forms = []
    for written, other in (
        ("kardan", "nemudan"),
        ("daramadan", "dar_amadan"),
        ("daramadan", "daramadan_bare"),
        ("daravardan", "dar_avardan"),
        ("shodan", "gardidan"),
    ):
        if written in verbs and other not in verbs:
            verbs = (*verbs, other)
    for name in verbs:
        past, present = LIGHT_VERBS[name]
        neg_past = "نی" + past[1:] if past.startswith(("ا", "آ")) else "ن" + past
        forms += [
            rf"(?:ن?می{_Z})?{past}{_PAST_END}",  # کرد، کردند، می‌کردند
            rf"{neg_past}{_PAST_END}",  # نکردند
            rf"n?{past}ه{_AUX}".replace("n?", "(?:ن)?"),  # کرده است، کرده بود، نکرده‌اند
            rf"(?:ن?می{_Z}|ب|ن)?{present}{_PRES_END}",  # می‌کنند، کنند، بگیرند، نکنند
            rf"ن?خواه{_PRES_END}{_S}{past}",  # خواهند کرد
        ]
    return "|".join(forms)


@dataclass(frozen=True)
class FaTrigger:
    """A Persian trigger pattern, its family, its weight and how its roles are marked."""

    family: Family
    pattern: str
    weight: float = 1.0
    noun: bool = False
    passive: bool = False
    controller: bool = False
    before: str | None = None
    reference: bool = False
    withdrawal: bool = False  # the subject leaves the place: it is the side that loses it
    # how far before the trigger ``before`` may match (a long object between "کنترل"
    # and its verb: "کنترل شهر X در شمال Y را از Z گرفته است")
    before_chars: int = 80
    # the place taken must be the object right before "را" ("منبج را از کردها
    # گرفتند"): a bare "گرفتند" takes many things, a town only as its object
    place_object: bool = False
    # "وزارت دفاع روسیه از تصرف X خبر داد": the event is a noun the subject announces;
    # a state's body (or the state) that announces its own gain stands for its forces
    announced: bool = False


@dataclass(frozen=True)
class FaTriggerMatch:
    """A trigger found in a folded sentence (offsets into the folded sentence).

    ``verb`` is the finite verb as written, ``who`` the offsets of the holder
    phrase of a ``controller`` trigger.
    """

    trigger: FaTrigger
    start: int
    end: int
    text: str
    verb: str | None = None
    who: tuple[int, int] | None = None

    @property
    def noun(self) -> bool:
        """A trigger without a finite verb names the event as a noun ("نبرد", "آزادسازی")."""
        return self.trigger.noun or self.verb is None


def _t(family: Family, pattern: str, weight: float = 1.0, **kw: object) -> FaTrigger:
    return FaTrigger(family, pattern, weight, **kw)  # type: ignore[arg-type]


def _v(*verbs: str) -> str:
    return rf"(?P<v>{conjugate(*verbs)})"


T, H, C = Family.TAKE, Family.HANDOVER, Family.CONTROL
_HOLD = r"کنترل|کنترول|اختیار|اشغال|سیطره|تصرف|دست|تسلط"
# who leaves a place when a withdrawal verb says so: forces, units, soldiers, fighters
# (Dari "قطعات", "اردو"); said once for every withdrawal trigger that needs them before it
# (a whole word: "غیرنظامیان" are civilians)
_TROOPS = rf"{_B}(?:نیروها|نیروهای|یگان|سربازان|نظامیان|قطعات|اردو|رزمندگان|جنگجویان)"

# forces or an armed group, then their flag: who raises it over a town took it
# (pupils raising the flag at school took nothing)
_FLAG_RAISERS = (
    rf"(?:{_TROOPS}|{_B}(?:ارتش|طالبان|داعش|شورشیان|مخالفان|تروریست[\s\u200c]?ها|گروه))"
    r"[^.؛]{0,100}(?:پرچم|بیرق)"
)

TRIGGERS: tuple[FaTrigger, ...] = (
    # --- territory taken -------------------------------------------------
    _t(T, rf"آزاد{_S}{_v('kardan')}"),
    _t(T, rf"آزاد{_S}{_v('shodan')}", passive=True),
    # Dari: "قطعات اردوی ملی ولسوالی X را آزاد ساختند"
    _t(T, rf"آزاد{_S}{_v('sakhtan')}", before=rf"{_B}را{_S}$", place_object=True),
    # Dari: "ولسوالی X را از وجود طالبان پاک کردند" (cleared of)
    _t(
        T,
        rf"پاک{_S}{_v('kardan')}",
        before=rf"{_B}را{_S}از(?:{_S}[^\s،,.؛]+){{1,6}}?{_S}$",
        place_object=True,
    ),
    _t(T, rf"آزاد{_Z}سازی{_S}{_v('kardan')}"),
    _t(T, rf"آزاد{_Z}سازی{_S}{_v('shodan')}", passive=True),
    _t(T, rf"آزاد{_Z}سازی(?:{_Z}(?:های|ها))?", 0.7, noun=True),
    # "از آزادی کامل شهر بیجی خبر دادند", "پاکسازی کامل ولسوالی X": the freeing of a
    # place named by its head noun (not "آزادی" alone: freedom of many things)
    _t(
        T,
        rf"(?:آزادی|پاک{_Z}سازی)(?:{_S}کامل)?(?={_S}(?:شهر|شهرک|ولسوالی|روستای|منطقه){_S})",
        0.7,
        noun=True,
    ),
    # "ارتش موفق به پاکسازی کامل تدمر از داعش شد": succeeded in freeing (the place
    # after the noun, the verb "شد" at the end)
    _t(
        T,
        rf"موفق{_S}به{_S}(?:پاک{_Z}سازی|آزاد{_Z}سازی|(?:باز{_Z})?پس{_Z}گیری|تصرف|تسخیر|فتح)",
        0.9,
        noun=True,
    ),
    _t(T, rf"(?:باز{_Z})?پس{_S}گرفته{_S}{_v('shodan')}", passive=True),
    _t(T, rf"(?:باز{_Z}پس|بازپس|پس){_S}{_v('gereftan')}"),
    _t(T, rf"(?:باز{_Z})?پس{_Z}گیری{_S}{_v('shodan')}", passive=True),
    _t(T, rf"(?:باز{_Z})?پس{_Z}گیری", 0.7, noun=True),
    _t(T, rf"(?:تسلط|سیطره)(?:{_S}(?:کامل|کل|دوباره|مجدد))?{_S}{_v('yaftan')}"),
    _t(T, rf"(?:تسلط|سیطره)(?:{_S}(?:کامل|کل|دوباره|مجدد))?{_S}پیدا{_S}{_v('kardan')}"),
    # "بدست گرفتند": the preposition often written joined to "دست"
    _t(T, rf"(?:به{_S}|ب)?دست{_S}{_v('gereftan')}", before=r"کنترل|کنترول|سیطره|مهار|اختیار"),
    # "نیروهای ارتش پرچم کشور را بر فراز شهر X برافراشتند", "... به اهتزاز درآوردند":
    # forces raising their flag over a town have taken it (active voice only: "پرچم
    # ... به اهتزاز درآمد" is also a ceremony's)
    _t(T, _v("barafrashtan"), 0.8, before=_FLAG_RAISERS, before_chars=160),
    _t(T, rf"به{_S}اهتزاز{_S}{_v('daravardan')}", 0.8, before=_FLAG_RAISERS, before_chars=160),
    # Dari: "کنترول ولسوالی X را به دست آوردند" (gained control of)
    _t(T, rf"(?:به{_S}|ب)?دست{_S}{_v('avardan')}", before=r"کنترل|کنترول|سیطره"),
    # "کنترل شهر X را در اختیار گرفتند", "X را در کنترول شان گرفته اند": took into
    # their hands (the object, a place, right before "را")
    _t(
        T,
        rf"در{_S}(?:اختیار|کنترل|کنترول)(?:{_S}(?:خود|خویش|شان|خودشان))?{_S}{_v('gereftan')}",
        # a town, district or control as the object, not a building ("ساختمان
        # استانداری را در اختیار گرفتند" takes no place)
        before=rf"(?:(?:کنترل|کنترول|شهر|شهرک|ولسوالی|روستای|منطقه|ولایت|استان)"
        rf"(?:{_S}(?!و{_E})[^\s،,.؛]+){{0,6}}?"
        # "قصبه « هادروت » و نیز روستاهای «چایلی» , « یوخاری گوزلک»، ... و «سور» را":
        # a list of quoted names after a head, however long
        rf"|(?:قصبه|شهر|شهرک|روستای|روستاهای|شهرهای|شهرک{_Z}های|ولسوالی|ولسوالی{_Z}های)"
        rf"{_QUOTED}(?:[\s\u200c]*(?:[،,]|و(?:{_S}نیز)?(?:{_S}{_QUOTED_HEAD})?)"
        rf"{_QUOTED}){{0,20}}){_S}را{_S}"
        # "X را در منطقه قره باغ در اختیار گرفت": the region between object and verb
        rf"(?:در{_S}منطقه(?:{_S}(?!در{_E})[^\s،,.؛]+){{1,2}}{_S})?$",
        before_chars=400,
        place_object=True,
    ),
    # "کنترل شهر منبج ... را از نیروهای کرد گرفته است": took control of, the light
    # verb alone after its object
    _t(
        T,
        _v("gereftan"),
        before=rf"(?:کنترل|کنترول)(?:{_S}(?:کامل|کل))?(?:{_S}[^\s،,.؛]+){{1,10}}?{_S}را"
        rf"(?:{_S}از(?:{_S}[^\s،,.؛]+){{1,8}}?)?{_S}$",
        before_chars=160,
    ),
    # "منبج را از نیروهای کرد گرفتند": took the town from
    _t(
        T,
        _v("gereftan"),
        before=rf"{_B}را{_S}از(?:{_S}[^\s،,.؛]+){{1,8}}?{_S}$",
        place_object=True,
    ),
    # "نیروهایش شهرهای الرستن و تلبیسه را گرفته‌اند": took the towns, the light verb
    # right after "را" (only a place as that object: "تصمیم را گرفتند" takes nothing)
    _t(T, _v("gereftan"), before=rf"{_B}را{_S}$", place_object=True),
    # "روسیه از تسلط بر شهر کوراخوه خبر داد": announced its control of
    _t(
        T,
        rf"(?:تسلط|سیطره|کنترل)(?:{_S}(?:کامل|کل))?{_S}بر(?={_S}(?:[^\s،,.؛]+{_S}){{1,6}}?خبر{_S}داد)",
        0.7,
        noun=True,
    ),
    # "روسیه از تصرف مجدد شهر سودژا خبر داد", "از اشغال دو شهر X و Y خبر دادند":
    # announced the taking of (not "از اشغال داعش آزاد شد": freed from occupation)
    _t(
        T,
        rf"(?<=از\s)(?:تصرف|اشغال|تسخیر)(?:{_S}(?:مجدد|دوباره|کامل))?"
        # ("از اشغال گروه تروریستی داعش خبر داد": freed from the occupier, who follows)
        rf"(?!{_S}(?:گروه|داعش|تروریست|تکفیری|طالبان|ارتش|نیروهای|شبه|عناصر|اشغالگر))"
        rf"(?={_S}(?:(?!آزاد)[^\s،,.؛]+{_S}){{1,8}}?خبر{_S}(?:ن?می{_Z})?(?:داد|ده))",
        0.7,
        noun=True,
        announced=True,
    ),
    _t(T, rf"مسلط{_S}{_v('shodan')}"),  # "بر تدمر مسلط شد"
    _t(T, rf"تسخیر{_S}{_v('kardan')}"),
    # "طالبان ولسوالی X را متصرف شدند": came to possess (Dari)
    _t(T, rf"متصرف{_S}{_v('shodan')}", before=rf"{_B}را{_S}(?:[^\s،,.؛]+{_S}){{0,8}}$"),
    # "مجاهدین امارت اسلامی شهر گردیز را فتح کردند": conquered (the Taliban's word)
    _t(T, rf"فتح{_S}{_v('kardan')}"),
    _t(T, rf"فتح{_S}{_v('shodan')}", passive=True),
    _t(T, rf"تسخیر{_S}{_v('shodan')}", passive=True),
    _t(T, rf"(?:تحت|به){_S}(?:{_HOLD}){_S}{_WHO}{_S}{_v('oftadan')}", controller=True),
    # "تحت کنترل طالبان قرار گرفت": came under the control of
    # "در اختیار دولت قرار گرفت": came into the hands of
    _t(T, rf"(?:تحت|در){_S}(?:{_HOLD}){_S}{_WHO}{_S}{_v('gharar_gereftan')}", controller=True),
    # Dari: "ولسوالی X زیر کنترول طالبان رفت" (went under the control of)
    _t(T, rf"(?:تحت|زیر){_S}(?:{_HOLD}){_S}{_WHO}{_S}{_v('raftan')}", controller=True),
    # "از تسلط کامل نیروهای ارتش سوریه بر شهر التل خبر داد"
    _t(
        T,
        rf"(?:تسلط|سیطره)(?:{_S}(?:کامل|کل))?{_S}{_WHO}{_S}بر",
        0.7,
        noun=True,
        controller=True,
    ),
    # "به طالبان واگذار شده است": handed to
    _t(
        H,
        rf"به{_S}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}"
        rf"{_v('vagozar')}",
        controller=True,
        passive=True,
    ),
    # Dari: "شهر لشکرگاه ... به طالبان سپرده شد" (handed to)
    _t(
        H,
        rf"به{_S}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}"
        rf"سپرده{_S}{_v('shodan')}",
        controller=True,
        passive=True,
    ),
    # Dari: "ولسوالی X بدون جنگ به طالبان تسلیم داده شد" (was handed over to)
    _t(
        H,
        rf"به{_S}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}"
        rf"تسلیم{_S}داده{_S}{_v('shodan')}",
        controller=True,
        passive=True,
    ),
    # "مقامات محلی شهر ایبک را به طالبان تسلیم کردند": handed the town over to (who
    # receives it holds it; the town is the object of "را")
    _t(
        H,
        rf"به{_S}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}"
        rf"تسلیم{_S}{_v('kardan')}",
        controller=True,
        before=rf"{_B}را(?:{_S}(?:بدون|بی){_S}(?:جنگ|درگیری|مقاومت))?{_S}$",
        before_chars=30,
        place_object=True,
    ),
    # "ارتش شهر X را به مخالفان تحویل داد", "... را به طالبان واگذار کردند", and with
    # "به" dropped, "شهر X را تحویل مخالفان داد": handed the town to (who receives it
    # holds it; the town is the object of "را")
    *(
        _t(
            H,
            rf"{head}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}{verb}",
            controller=True,
            before=rf"{_B}را(?:{_S}(?:بدون|بی){_S}(?:جنگ|درگیری|مقاومت))?{_S}$",
            before_chars=30,
            place_object=True,
        )
        for head, verb in (
            (rf"به{_S}", rf"تحویل{_S}{_v('dadan')}"),
            (rf"به{_S}", rf"واگذار{_S}{_v('kardan')}"),
            (rf"تحویل{_S}", _v("dadan")),
        )
    ),
    # "در کنترل امارت اسلامی درآمده است" as well: came under the control of
    _t(T, rf"(?:تحت|به|در){_S}(?:{_HOLD}){_S}{_WHO}{_S}{_v('daramadan')}", controller=True),
    _t(T, rf"(?:تحت|به){_S}(?:{_HOLD}){_S}{_WHO}{_S}{_v('bazgashtan')}", controller=True),
    _t(T, rf"(?:به{_S}|ب)دست{_S}{_WHO}{_S}{_v('oftadan')}", controller=True),
    # "به کنترل کامل خود درآورد": brought under its (full) control
    _t(
        T,
        rf"به{_S}(?:تصرف|کنترل|کنترول|اشغال)(?:{_S}(?:کامل|خود|خویش))*{_S}"
        rf"{_v('daravardan', 'avardan')}",
    ),
    # "شورشیان شهر کیدال را تحت کنترل در آوردند", "X را تحت کنترول خود گرفتند",
    # "X را تحت تصرف خود درآورد": brought under their control (the subject takes; no
    # holder between noun and verb)
    _t(
        T,
        rf"تحت{_S}(?:کنترل|کنترول|تسلط|سیطره|تصرف|اشغال)(?:{_S}(?:کامل|خود|خویش|شان))*"
        rf"{_S}{_v('daravardan', 'gereftan')}",
    ),
    _t(T, rf"(?:تصرف|اشغال){_S}{_v('kardan')}"),
    _t(T, rf"(?:تصرف|اشغال){_S}{_v('shodan')}", passive=True),
    # "از اشغال داعش", "تحت اشغال": the state a place is freed from, not a taking;
    # "در مدت اشغال", "در دوران اشغال": a span of time, the occupation told as background
    _t(T, r"(?<!از\s)(?<!تحت\s)(?<!در\s)(?<!مدت\s)(?<!دوران\s)(?:تصرف|اشغال)", 0.7, noun=True),
    _t(T, rf"سقوط{_S}{_v('kardan')}", passive=True),
    _t(T, r"سقوط", 0.7, noun=True),
    _t(T, rf"پاک{_Z}سازی{_S}{_v('kardan')}", 0.9),
    _t(T, rf"پاک{_Z}سازی{_S}{_v('shodan')}", 0.9, passive=True),
    # "ولسوالی X به گونه کامل تصفیه گردید": cleared (the Taliban's word)
    _t(T, rf"تصفیه{_S}{_v('kardan')}", 0.9),
    _t(T, rf"تصفیه{_S}{_v('shodan')}", 0.9, passive=True),
    _t(T, rf"بیرون{_S}{_v('randan')}", 0.9),
    _t(T, rf"(?:اخراج|بیرون){_S}{_v('kardan')}", 0.9),
    _t(T, r"پیروزی", 0.7, noun=True, reference=True),
    # a town's description between commas may stand in the span: "وارد منطقه التون
    # کوبری، آخرین منطقه تحت سیطره کردها در استان کرکوک شدند"
    _t(
        T,
        rf"وارد{_S}(?:[^\s،.؛]+(?:{_S}|[\s\u200c]*،{_S}(?=(?:آخرین|مرکز|پایتخت|دومین|سومین){_S}))){{0,16}}?"
        rf"{_v('shodan')}",
        0.4,
    ),
    # the noun refers back to a taking ("این پیشروی‌ها"); "در شهر مأرب پیشروی کردند"
    # (advanced in a town, the noun with its light verb) takes nothing
    _t(
        T,
        rf"پیش{_Z}روی(?:{_Z}(?:های|ها))?(?!{_S}(?:ن?می{_Z})?(?:کرد|کن|نمود|نما|داشت|دار))",
        0.3,
        noun=True,
        reference=True,
    ),
    # --- territory handed over -------------------------------------------
    _t(H, rf"عقب{_Z}نشینی(?:{_S}{_v('kardan')})?", 0.6, withdrawal=True),
    _t(H, rf"عقب{_S}{_v('neshastan', 'keshidan')}", 0.6, withdrawal=True),
    _t(H, rf"(?:خارج|تخلیه){_S}{_v('shodan', 'kardan')}", 0.5, withdrawal=True),
    # the light verb said once for two predicates: "X از کنترل حکومت خارج و زندانیان
    # آزاد شدند" (X went out of the government's control and ... were freed)
    _t(
        H,
        rf"خارج(?={_S}و{_S}[^.؛:\n]{{2,120}}?{_S}{_v('shodan', 'gardidan')}{_E})",
        0.5,
        withdrawal=True,
        before=rf"{_B}از{_S}(?:{_HOLD}){_S}(?:[^\s،,.؛]+{_S}){{1,4}}$",
    ),
    # Dari: "نیروهای دولتی از شهر فیض‌آباد بیرون شدند" (went out of: withdrew)
    _t(
        H,
        rf"بیرون{_S}{_v('shodan')}",
        0.5,
        withdrawal=True,
        before=_TROOPS,
        before_chars=120,
    ),
    # "به ارتش آذربایجان تحویل داده شد": handed to (who receives it holds it)
    _t(
        H,
        rf"به{_S}(?P<who>[^،,.؛:\n\s]{{2,30}}(?:{_S}[^،,.؛:\n\s]{{2,30}}){{0,2}}?){_S}"
        rf"تحویل{_S}داده{_S}{_v('shodan')}",
        controller=True,
        passive=True,
    ),
    _t(H, rf"تحویل{_S}{_v('dadan', 'shodan')}"),
    # "از خروج نیروهایش از خرسون خبر داد", "نیروهایش را از لیمان ... منتقل کرده است"
    _t(
        H,
        rf"خروج{_S}(?:آخرین{_S})?(?:نیروها|نیروهای|نیروهایش|سربازان|یگان{_Z}های|یگان{_Z}هایش)",
        0.5,
        noun=True,
        withdrawal=True,
    ),
    _t(H, rf"منتقل{_S}{_v('kardan')}", 0.5, withdrawal=True, before=_TROOPS),
    # "نیروهای اوکراینی روبیژنه را ترک کردند": forces leaving a town (its object) leave
    # it to the other side; residents leaving a town ("ساکنان ... شهر را ترک کردند")
    # name no forces before the verb
    _t(
        H,
        rf"ترک{_S}{_v('kardan')}",
        0.5,
        withdrawal=True,
        before=_TROOPS,
        place_object=True,
    ),
    _t(H, rf"بدون{_S}(?:هیچ{_S})?(?:درگیری|مقاومت|جنگ|خونریزی|شلیک)"),
    # --- who holds a place (background) ----------------------------------
    _t(
        C,
        # "در دست گرفته است" takes a place: "گرفته" is a participle, not a holder
        rf"(?:تحت|در){_S}(?:{_HOLD}){_S}(?!گرفت){_WHO}{_S}(?P<v>بود(?:ند|ه(?:{_Z}(?:است|اند))?)?"
        rf"|(?:قرار{_S})?(?:داشت|دارد)(?:ند)?|است|هستند|باقی{_S}ماند(?:ه|ند)?(?:{_S}بود)?)",
        controller=True,
    ),
    _t(
        C,
        rf"را{_S}(?:در{_S}(?:{_HOLD})|تحت{_S}(?:کنترل|سیطره)){_S}"
        rf"(?P<v>داشت(?:ند|ه(?:{_Z}(?:است|اند))?)?|دارد|دارند)",
    ),
    _t(C, rf"(?:تسلط|سیطره|کنترل){_S}(?P<v>داشت(?:ند|ه(?:{_Z}(?:است|اند))?)?|دارد|دارند)"),
    _t(C, rf"تحت{_S}(?:کنترل|سیطره|اشغال){_S}{_WHO}(?=[،,.؛]|$)", controller=True),
    # --- battles -----------------------------------------------------------
    _t(Family.CLASH, rf"درگیر{_S}{_v('shodan')}", 0.8),
    _t(Family.CLASH, rf"درگیری(?:{_Z}(?:های|ها))?", 0.8),
    _t(Family.CLASH, rf"نبرد(?:{_Z}(?:های|ها|ی))?|جنگ{_Z}(?:های|ها)?(?:{_S}سنگین)?", 0.8),
    _t(
        Family.CLASH,
        rf"(?:حمله|حملات|یورش|تهاجم|هجوم)(?:{_Z}(?:ای|ی))?(?:{_S}{_v('kardan')})?",
        0.8,
    ),
    _t(Family.CLASH, rf"کمین|ضد{_Z}حمله|دفع{_S}(?:حمله|حملات|یورش)", 0.8),
    _t(Family.CLASH, rf"به{_S}هلاکت{_S}{_v('rasandan')}", 0.8),
    _t(Family.CLASH, r"هلاکت", 0.8),
    # --- explosions / remote violence ---------------------------------------
    _t(
        Family.AIR,
        rf"(?:حمله|حملات)(?:{_Z}(?:های|ها))?{_S}(?:هوایی|پهپادی|جنگنده{_Z}(?:های|ها))"
        rf"|بمباران(?:{_S}{_v('kardan', 'shodan')})?|بمب{_S}های{_S}بشکه{_Z}ای",
    ),
    _t(
        Family.AIR,
        rf"جنگنده{_Z}(?:های|ها)?|هواپیماهای{_S}(?:جنگی|روسی|ائتلاف)|پهپاد(?:{_Z}(?:های|ها))?"
        rf"|بالگرد(?:{_Z}(?:های|ها))?|بمب{_Z}افکن(?:{_Z}(?:های|ها))?",
        0.9,
    ),
    _t(
        Family.SHELLING,
        rf"گلوله{_Z}باران|توپخانه|خمپاره(?:{_Z}(?:های|ها))?|راکت(?:{_Z}(?:های|ها))?"
        rf"|موشک(?:{_Z}(?:های|ها))?|حمله{_S}موشکی|حملات{_S}موشکی",
    ),
    _t(
        Family.SUICIDE,
        rf"انتحاری|عملیات{_S}استشهادی|کمربند{_S}انفجاری|جلیقه{_S}انفجاری"
        rf"|خود{_S}را{_S}منفجر{_S}{_v('kardan')}",
    ),
    _t(
        Family.IED,
        rf"بمب{_Z}گذاری(?:{_S}شده)?|بمب{_S}کنار{_S}جاده{_Z}ای|(?:بمب|ادوات|وسایل){_S}(?:دست{_Z}ساز|انفجاری)"
        rf"|خودروی{_S}بمب{_Z}گذاری{_Z}شده|مین(?:{_Z}(?:های|ها))?{_S}(?:زمینی|کنار)|انفجار{_S}بمب",
    ),
    _t(Family.IED, rf"انفجار(?:{_Z}(?:های|ها|ی))?", 0.5),
    _t(Family.IED, rf"منفجر{_S}{_v('shodan', 'kardan')}", 0.5),
    _t(Family.GRENADE, rf"نارنجک(?:{_Z}(?:های|ها))?"),
    _t(
        Family.CHEMICAL,
        rf"(?:حمله|حملات|سلاح(?:{_Z}های)?){_S}شیمیایی|گاز{_S}(?:سارین|کلر|خردل|سمی)",
    ),
    # --- violence against civilians --------------------------------------
    _t(
        Family.CIVILIANS,
        rf"اعدام(?:{_S}{_v('kardan', 'shodan')})?|قتل{_Z}عام|کشتار|سر{_S}(?:بریدند|برید)"
        rf"|گردن{_S}زدند",
    ),
    _t(Family.CIVILIANS, rf"به{_S}قتل{_S}{_v('rasandan')}"),
    _t(Family.CIVILIANS, rf"ترور(?:{_S}{_v('kardan', 'shodan')})?", 0.9),
    _t(Family.ABDUCTION, rf"ربود(?:ند|ه{_S}شد(?:ند)?)?|آدم{_Z}ربایی|گروگان(?:{_Z}(?:گیری|ها))?"),
    # --- strategic developments ----------------------------------------------
    _t(
        Family.AGREEMENT,
        rf"توافق(?:{_Z}نامه)?|آتش{_Z}بس|معاهده|تفاهم{_Z}نامه|مبادله{_S}(?:اسرا|زندانیان)",
    ),
    _t(Family.AGREEMENT, r"قرارداد", 0.9),
    _t(Family.ARRESTS, rf"بازداشت(?:{_S}{_v('kardan', 'shodan')})?"),
    _t(Family.ARRESTS, rf"دستگیر{_S}{_v('kardan', 'shodan')}"),
    _t(Family.LOOTING, rf"غارت(?:{_S}{_v('kardan', 'shodan')})?"),
    _t(Family.LOOTING, rf"به{_S}آتش{_S}{_v('keshidan')}"),
    _t(
        Family.DISRUPTED,
        rf"خنثی(?:{_Z}سازی|{_S}{_v('kardan', 'shodan')})",
    ),
    _t(Family.DISRUPTED, rf"رهگیری(?:{_S}{_v('kardan', 'shodan')})?"),
    _t(Family.DISRUPTED, rf"سرنگون{_S}{_v('kardan', 'shodan')}"),
    _t(Family.CHANGE, rf"اعزام{_S}(?:نیرو|نیروهای)|نیروهای{_S}کمکی|بیعت{_S}{_v('kardan')}", 0.45),
    # --- demonstrations -------------------------------------------------------
    _t(Family.PROTEST, rf"تظاهرات|راهپیمایی|تجمع{_S}اعتراضی|اعتراض{_Z}(?:ات|ها)"),
    _t(Family.RIOT, rf"آشوب|اغتشاش(?:{_Z}(?:ات|ها))?"),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[FaTrigger, re.Pattern[str], re.Pattern[str] | None], ...]:
    return tuple(
        (t, re.compile(rf"{_B}(?:{t.pattern}){_E}"), re.compile(t.before) if t.before else None)
        for t in TRIGGERS
    )


_QUOTES_AS_SPACE = str.maketrans({"«": " ", "»": " ", "“": " ", "”": " ", '"': " "})


def find_triggers(folded: str) -> list[FaTriggerMatch]:
    """Every trigger in a folded sentence, longest first where they overlap, in text order."""
    found: list[FaTriggerMatch] = []
    # quotation marks around a word of the predicate are the writer's distance,
    # not a break: "شهر کوپیانسک را «آزاد» کرده‌اند" (one character for one: the
    # offsets stay those of the folded sentence)
    scan = folded.translate(_QUOTES_AS_SPACE)
    for trigger, rx, before in _compiled():
        for m in rx.finditer(scan):
            if before is not None and not before.search(
                folded, max(0, m.start() - trigger.before_chars), m.start()
            ):
                continue
            groups = m.groupdict()
            verb = groups.get("v")
            who = (m.start("who"), m.end("who")) if groups.get("who") else None
            found.append(FaTriggerMatch(trigger, m.start(), m.end(), m.group(0), verb, who))
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[FaTriggerMatch] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


@dataclass(frozen=True)
class VerbForm:
    """What a finite verb's form says: negated, future, present (imperfective), subjunctive."""

    negated: bool = False
    future: bool = False
    present: bool = False
    subjunctive: bool = False
    # a bare past stem that is also its present stem + "د" ("درآورد", "آورد", "راند"):
    # the past in news copy, a subjunctive only after a word that asks for one
    bare_past: bool = False


# the preverb "در" written apart as a verb is compared ("در آور" -> "در‌آور": see
# :func:`verb_form`), so "به تصرف خود در آورند" is a subjunctive; a noun and its light
# verb ("واگذار شود", "قرار گیرد") keep their reading
_PRESENT_STEMS = tuple(
    sorted(
        {p.replace("در ", "در\u200c", 1) for _, p in LIGHT_VERBS.values()}, key=len, reverse=True
    )
)
_SUBJ = re.compile(rf"^(?:ب|ن)?(?:{'|'.join(_PRESENT_STEMS)}){_PRES_END}$")
# past stems written as their present stem + "د": "درآورد" is "brought in" or "(that
# it) bring in"
_BARE_PASTS = frozenset(
    past.replace(" ", "\u200c")
    for past, present in LIGHT_VERBS.values()
    if past.replace(" ", "\u200c") == present.replace(" ", "\u200c") + "د"
)


def verb_form(verb: str | None) -> VerbForm:
    """Read tense, mood and negation off a light verb as written ("نکردند", "خواهند کرد")."""
    if not verb:
        return VerbForm()
    v = verb.replace(" ", "\u200c")
    head = v.split("\u200c")[0]
    # "نمود", "نمودند", "نماید": the formal (and Dari) light verb, not a negation of
    # "مودن"; "ننمودند" is its negation
    negated = (
        head.startswith("ن") and not head.startswith(("نشست", "نشین", "نمود", "نما"))
    ) or head.startswith(("ننمود", "ننما"))
    future = head.lstrip("ن").startswith("خواه")
    present = head.lstrip("ن").startswith("می")
    subjunctive = not present and not future and bool(_SUBJ.match(v)) and not v.endswith("دارد")
    if v.endswith(("دارند", "دارد")) or v in ("گردید", "نگردید", "افتید", "نیفتید"):
        # "گردید": the past of the Dari passive, not "you turn"; "افتید": the Dari
        # past of "افتادن" ("به دست طالبان افتید"), not "you fall"
        subjunctive = False
    bare_past = v in _BARE_PASTS
    if bare_past:
        subjunctive = False  # "شهر را تحت کنترل خود درآورد": brought it under control
    return VerbForm(
        negated=negated,
        future=future,
        present=present,
        subjunctive=subjunctive,
        bare_past=bare_past,
    )
