"""The Persian reader: from a Persian article to attributed, resolved mentions.

It yields the records the English reader yields, with the same actor ids, GeoNames
places, sub-event types and statuses, so that the merger puts a Persian and an
English report of one event together: what follows from a trigger's reading
(mention building, references back, denials, context links, undated sentences)
is the shared code of :mod:`sitrep.read.common`. Stages:

1. split into sentences (:func:`sitrep.read.fa.text.split_sentences`) and attribute
   each to its source and speaker (:mod:`sitrep.read.fa.attribution`);
2. fold each sentence (letters, digits; ZWNJ kept) and find its places
   (:mod:`sitrep.read.fa.places`) and dates (:mod:`sitrep.read.fa.dates`, Jalali and
   Gregorian);
3. find triggers (:mod:`sitrep.read.fa.triggers`), then for each: status, actors
   and roles, place, date (no fatality count yet); as in English, territory statements
   win over the fighting around them in one sentence, and one mention is kept
   per sentence, place and status.

Without a parser, roles come from Persian word order and its markers (SOV):
the agent stands before the verb (``ارتش سوریه دیرالزور را از داعش بازپس
گرفت``), the side that loses follows ``از`` (``از داعش``, ``از چنگ داعش``,
``از لوث تروریست‌ها``) or a stronghold noun (``پایگاه‌های داعش``), supporters
follow ``با حمایت`` / ``با همراهی``, a passive verb's agent follows ``توسط`` /
``به دست`` / ``از سوی``, and the holder of a place is inside ``تحت کنترل X``
/ ``در اختیار X``. A dropped subject (Persian omits pronouns) is the agent
of the last event told, as the English reader does for "it" and "they".

Dates follow the shared rules: the sentence's own, else another sentence of
the paragraph from the same source, else the source's last date, else the
publication date (inferred); a date more than ``history_days`` before
publication is history (no event), except for control facts, which become
background with their "since" date. A "تاریخ انتشار: ..." line gives the
publication date when the article came without one, and dates nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sitrep.core.errors import LookupFailed
from sitrep.core.records import PlaceMatch, PlacePrecision, Precision, Span, Status
from sitrep.read import common
from sitrep.read.fa.attribution import attribute, verb_kind
from sitrep.read.fa.dates import find_dates, number_words, publication_date
from sitrep.read.fa.places import (
    NATURAL_FEATURE,
    THIS_COUNTRY,
    FoundPlace,
    anaphor,
    coordinated,
    coordinated_tail,
    districts_of_report_province,
    drop_lone_towns,
    find_places,
    is_reference_point,
    iso3_codes,
    located_towns,
    not_place_words,
    prefer_hint_country,
    prefer_home_namesakes,
    same_district,
    seat_cities,
    unnamed_towns,
)
from sitrep.read.fa.text import Folded, fold, split_sentences
from sitrep.read.fa.triggers import FaTriggerMatch, find_triggers, verb_form
from sitrep.read.typology import TERRITORY_SUB_TYPES, Family
from sitrep.resolve.actors import ActorDictionary, ActorMatch, sole_invader
from sitrep.resolve.country_hint import fallback_countries

if TYPE_CHECKING:  # annotations only
    from sitrep.core.records import Actor, Article, Claim, Mention, Sentence, TimeRef

# -- cues (on folded text) --------------------------------------------------------

# Head nouns that stand between a cue and the name of a side, said once for every cue:
# a side's fighters ("عناصر داعش", "بقایای تروریست‌های", "شبه نظامیان طالبان") ...
_FIGHTERS = (
    r"گروه(?:[\s\u200c]+تروریستی)?|تروریست‌های|تروریستهای|عناصر|شبه[\s\u200c]*نظامیان"
    r"|جنگجویان|باقی[\s\u200c]*مانده|نیروهای|نفرات|افراد|بقایای|مسلحان|مسلحین"
)
# ... a side named by its forces or group ("نیروهای", "رزمندگان حزب الله", "گروه طالبان")
_SIDE_HEAD = r"رزمندگان|نیروهای|نیروی|جنگجویان|شبه[\s\u200c]*نظامیان|گروه"
# ... and losses or blows ("تلفاتی سنگین", "ضربه‌ای", "خسارات جانی و مالی")
_LOSS = (
    r"(?<![\w\u200c])(?:تلفات|خسارت|خسارات|ضربه|ضربات|آسیب|زیان|صدمه|صدمات)(?:ی|[\s\u200c]?ای)?"
    r"(?:[\s\u200c]+(?:سنگین|سنگینی|جانی|مالی|زیادی|جدی|جدیی|جدی[\s\u200c]?ای|بسیاری))?"
)

# The side that loses a place or is attacked: "از داعش", "از چنگ داعش", "علیه داعش".
_LOSER_BEFORE = re.compile(
    r"(?:^|[\s\u200c])(?P<prep>از|علیه|بر[\s\u200c]+ضد|ضد|به|با|بر)"
    # "کنترول" is the Dari spelling: "از کنترول طالبان بیرون کردند"
    r"(?:[\s\u200c]+(?:لوث|چنگ|چنگال|دست|اشغال|سیطره|کنترل|کنترول|تسلط|تصرف|وجود|حضور|مواضع|مقر|مقرهای"
    r"|پایگاه|پایگاه‌های|پایگاههای|سنگرهای|تجمع|تجمعات))?"
    # "پاکسازی رمادی از نفرات داعش": the men cleared out of a town lose it
    rf"(?:[\s\u200c]+(?:{_FIGHTERS}))?"
    # "با نیروهای طرفدار دولت", "از گروه موسوم به دولت اسلامی": who the side is
    r"(?:[\s\u200c]+(?:طرفدار|هوادار|حامی|وفادار[\s\u200c]+به|وابسته[\s\u200c]+به"
    r"|موسوم[\s\u200c]+به|معروف[\s\u200c]+به))?[\s\u200c]*$"
)
# "پایگاه‌های باقی‌مانده داعش", "مواضع داعش": the holder of a stronghold loses it.
_STRONGHOLD_BEFORE = re.compile(
    r"(?:پایگاه|پایگاه‌های|پایگاههای|مواضع|مقر|مقرهای|سنگر|سنگرهای|قلمرو|دژ|مناطق|مراکز|خطوط"
    # "پاسگاه مرکزی پلیس": a post is its holder's
    r"|پاسگاه|پاسگاه‌های|پاسگاههای)"
    # "مقر لشکر ششم پیاده ارتش": the holder closes the stronghold's name
    r"(?:[\s\u200c]+[^\s،,.؛]+){0,4}?[\s\u200c]+$"
)
# "شکست کامل داعش", "نابودی گروه داعش": the possessor of a defeat is its loser
_DEFEAT_OF = re.compile(
    r"(?<![\w\u200c])(?:شکست|نابودی|سرکوب|هزیمت"
    # "پیروزی بر داعش", "غلبه بر تروریست‌ها": the side a victory is over
    r"|(?:پیروزی|پیروز[\s\u200c]+شدن|غلبه|چیرگی)[\s\u200c]+(?:نهایی[\s\u200c]+|کامل[\s\u200c]+)?بر)"
    r"(?:[\s\u200c]+کامل)?"
    r"(?:[\s\u200c]+(?:گروه(?:[\s\u200c]+تروریستی)?|تروریست‌های|تروریستهای))?[\s\u200c]+$"
)
# "یگان‌هایی از ارتش عراق", "یکی از ...": a part of a whole, not a source of loss.
_PARTITIVE = re.compile(
    r"(?:یکی|بخشی|برخی|تعدادی|شماری|گروهی|عده‌ای|هیچ‌یک|هیچ[\s\u200c]یک|بسیاری|بعضی"
    r"|[^\s]+هایی|[^\s]+هائی)[\s\u200c]+از[\s\u200c]*$"
)
_SUPPORT_BEFORE = re.compile(
    r"(?:با|به|از)[\s\u200c]+(?:حمایت|پشتیبانی|کمک|همراهی|مشارکت|پوشش[\s\u200c]+هوایی|یاری|همکاری)"
    r"(?:[\s\u200c]+[^\s،,.؛]+){0,2}?[\s\u200c]+$|(?:به[\s\u200c]+همراه|همراه[\s\u200c]+با|در[\s\u200c]+کنار"
    # "به همراه رزمندگان حزب الله": the fighters' head noun before the name
    rf"|و[\s\u200c]+متحدان(?:ش)?)(?:[\s\u200c]+(?:{_SIDE_HEAD}))?[\s\u200c]+$"
)
# The agent of a passive verb or of an event noun: "توسط ارتش سوریه", "به دست داعش".
_AGENT_BEFORE = re.compile(
    r"(?:توسط|(?:به[\s\u200c]+|ب)دست|از[\s\u200c]+سوی|از[\s\u200c]+طرف|به[\s\u200c]+وسیله|به[\s\u200c]+همت)"
    r"(?:[\s\u200c]+[^\s،,.؛]+){0,1}?[\s\u200c]+$"
)
# whose opponents: "مخالفان دولت", "مخالفان مسلح حکومت"
_OPPONENTS_OF = re.compile(
    r"(?<![\w\u200c])(?:مخالفان|مخالفین|مخالف)(?:[\s\u200c]+مسلح)?[\s\u200c]+"
    r"(?:(?:دولت|حکومت|رژیم)[\s\u200c]+)?$"
)
# the dead of a fight: "کشته شدن شماری از اعضای ارتش", "کشته شدن ده‌ها سرباز"
_KILLED_OF = re.compile(
    r"کشته[\s\u200c]+شدن(?:[\s\u200c]+(?:شماری|تعدادی|ده‌ها|دهها|چند|\d+|از|اعضای|تن|نفر|عضو))*"
    r"[\s\u200c]+$"
)
# "پس از وارد آوردن تلفات سنگین به داعش", "با وارد کردن خسارات به گروه تروریستی":
# the side that suffered the losses
_LOSSES_TO = re.compile(
    r"(?:تلفات|خسارات|خسارت|ضربات|ضربه)(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}?[\s\u200c]+به"
    r"(?:[\s\u200c]+(?:گروه|گروهک|عناصر|نیروهای|شبه[\s\u200c]*نظامیان|تروریست[\s\u200c]*های))?"
    r"(?:[\s\u200c]+(?:تروریستی|تکفیری|مسلح))?[\s\u200c]+$"
)
_TEMPORAL_BEFORE = re.compile(
    r"(?:پیش|قبل|پس|بعد)[\s\u200c]+از[\s\u200c]+(?:[^\s،,.؛]+[\s\u200c]+){0,2}$|هنگام[\s\u200c]+(?:[^\s]+[\s\u200c]+)?$"
)
# a side leaving ("خروج", "عقب‌نشینی", "فرار" and up to seven words, in one phrase)
_LEAVING_BEFORE = re.compile(
    # "با بیرون شدن نیروهای امنیتی": the Dari "going out" is a leaving too
    r"(?:^|[\s\u200c])(?:خروج|عقب[\s\u200c]*نشینی|فرار|بیرون[\s\u200c]+(?:شدن|رفتن))"
    r"(?:[\s\u200c]+[^\s،,.؛]+){0,7}?[\s\u200c«]*$"
)
# a side driven out: "با بیرون راندن نیروهای X", "پس از اخراج عناصر X", "عقب راندن X"
_EXPELLED_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:بیرون[\s\u200c]+(?:راندن|کردن|رانده[\s\u200c]+شدن)|اخراج|عقب[\s\u200c]*راندن"
    r"|طرد|راندن)"
    rf"(?:[\s\u200c]+(?:کامل|آخرین|{_FIGHTERS}))*[\s\u200c]*$"
)
# between a side and "با" + an event noun: "عناصر باقیمانده داعش با آزادسازی"
_WITH_NOUN_GAP = re.compile(r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,3}?[\s\u200c]+با[\s\u200c]+")
# the clause's verb is a flight: "... از طریق رود فرات ... فرار کرده‌اند", "گریختند"
_FLED_AFTER = re.compile(
    r"[^.؛:]{0,120}?(?<![\w\u200c])(?:فرار[\s\u200c]+(?:کرد|کردند|کرده|نمود|نمودند)|گریخت|گریختند"
    r"|گریخته|متواری[\s\u200c]+(?:شد|شدند|شده))"
)
_FIGHT = re.compile(r"(?:درگیری|نبرد|جنگ|مقابله|رویارویی)[^،.؛]*$")
# "با داعش درگیر شدند", "با طالبان جنگیدند": the verb of a fight right after whom
_FOUGHT_AFTER = re.compile(
    r"[\s\u200c]+(?:درگیر|وارد[\s\u200c]+(?:درگیری|نبرد)|جنگیدند|جنگیده|نبرد[\s\u200c]+کردند)"
    r"(?![\w\u200c])"
)
# an actor followed by "را" (within two words) is the object of the verb
_OBJECT_AFTER = re.compile(
    r"(?:\s+و\s+[^\s،,.؛«»]+"
    # "فرماندهی پلیس و مقر استانداری هرات را تصرف کردند": listed with a building
    r"|\s+و\s+(?:مقر|ساختمان|دفتر|قرارگاه|پایگاه|فرودگاه|زندان)(?:\s+[^\s،,.؛«»]+){1,3}?)?"
    r"\s+را(?![\w\u200c])"
)
_PLACE_NOUN_BEFORE = re.compile(
    r"(?:شهر|شهرک|روستای|شهرستان|بندر)[\s\u200c]+(?:(?:مرزی|راهبردی|تاریخی|استراتژیک)[\s\u200c]+)?$"
)
# "ولسوالی سنگین ولایت هلمند", "ولسوالی سنگین این ولایت هلمند", "ولسوالی اشکمش از
# توابع ولایت تخار": the province after the place names where it lies
_IN_PROVINCE_GAP = re.compile(
    r"[\s\u200c،,»\"]*(?:از[\s\u200c]+(?:توابع|مربوطات)[\s\u200c]+)?(?:این[\s\u200c]+)?"
    r"(?:(?:ولایت|استان|ایالت)[\s\u200c]*)?"
)
_PLURAL_HEAD = re.compile(r"(?<![\w\u200c])(?:شهر|شهرک|روستا)[\s\u200c]*های(?![\w\u200c])")
_LISTED = r"(?!(?:را|که|از|به|در|با|تا|بر|و)[\s\u200c])[^\s\u200c،,.؛]+"
_AFTER_DISTRICT_LIST = re.compile(
    rf"(?<![\w\u200c])ولسوالی[\s\u200c]*های[\s\u200c]+"
    rf"(?:{_LISTED}(?:[\s\u200c]+{_LISTED}){{0,2}}(?:[\s\u200c]+و|[\s\u200c]*[،,])[\s\u200c]+)+"
    rf"{_LISTED}(?:[\s\u200c]+{_LISTED}){{0,2}}[\s\u200c]+(?:(?:ولایت|استان)[\s\u200c]+)?$"
)
_LOCATES_QUOTED = re.compile(r"[»\"][\s\u200c]*در[\s\u200c]+(?:(?:استان|ولایت)[\s\u200c]+)?$")
_IN_ITS_PROVINCE = re.compile(
    r"[\s\u200c]*[»\"]?[\s\u200c]*(?:در|از[\s\u200c]+توابع)[\s\u200c]+"
    r"(?:(?:ولایت|استان)[\s\u200c]+)?"
)
_LOCATED_IN = re.compile(r"(?<![\w\u200c])در[\s\u200c]+(?:(?:ولایت|استان)[\s\u200c]+)?$")
_CLAUSE_OPEN = re.compile(r"(?:^|[\s\u200c])که[\s\u200c]|؛")
# Words that tell the agent's kind when no actor is named (the first kind found wins).
_KIND_WORDS = (
    (
        "rebel group",
        re.compile(
            r"(?:تروریست‌ها|تروریستها|تروریست‌های|گروه[\s\u200c]*(?:های|ها)[\s\u200c]+تروریستی|شورشیان|ستیزه‌جویان|جنگجویان|تکفیری‌ها|تکفیریها"
            r"|مسلحان|افراد[\s\u200c]+مسلح|گروه‌های[\s\u200c]+مسلح|شبه‌نظامیان|شبه[\s\u200c]+نظامیان"
            # "گروه‌های شورشی با صدور بیانیه مدعی شدند": rebel groups
            r"|گروه[\s\u200c]*(?:های|ها)?[\s\u200c]+شورشی|شورشی[\s\u200c]*ها"
            # "پیکارجویان اسلامگرا" (Islamist militants)
            r"|پیکارجویان|پیکار[\s\u200c]جویان|اسلام[\s\u200c]?گرایان)"
        ),
    ),
    (
        "state forces",
        re.compile(r"(?:ارتش|نظامیان|نیروهای[\s\u200c]+(?:دولتی|امنیتی|مسلح|ارتش|نظامی)|سربازان)"),
    ),
)
_STATE_PLURAL = re.compile(
    r"(?:دولت|ارتش|حکومت)[\s\u200c]*(?:های|ها)|نیروهای[\s\u200c]+(?:دولتی|مسلح)"
)
# Status cues.
_DENY_CUES = re.compile(r"تکذیب|صحت[\s\u200c]+ندارد|کذب|بی‌اساس|بی[\s\u200c]اساس|شایعه")
# A denial of what another sentence told: "وزارت دفاع ارمنستان این ادعا را تکذیب کرد".
_DENY_VERB = re.compile(
    _DENY_CUES.pattern
    + r"|رد[\s\u200c]+(?:کرد|کرده|می[\s\u200c]?کن)|نادرست[\s\u200c]+(?:است|خواند)"
)
_DENY_BACK = re.compile(
    r"(?:این|آن)[\s\u200c]+(?:ادعا|ادعاها|خبر|اخبار|گزارش|گزارش‌ها)(?![\w\u200c])"
)
# A bare denial, its object left to the claim just told: "مسکو مدعی تصرف کوپیانسک
# شد؛ کی‌یف تکذیب کرد" (a subject of up to three words and the verb, nothing else).
_BARE_DENIAL = re.compile(
    r"^[\s\u200c]*(?:[^\s،,.؛]+[\s\u200c]+){1,3}(?:آن[\s\u200c]+را[\s\u200c]+)?"
    r"(?:تکذیب|رد)[\s\u200c]+(?:کرد|کردند|کرده[\s\u200c]+است|نمود)[\s\u200c]*[.؛]?[\s\u200c]*$"
)
# "آخرین شهر عراق", "شهرهای سوریه": a country as the genitive of a town noun
# An office or body a place names the seat of: "شورای ولایتی غزنی", "والی قندوز",
# "فرمانده پولیس هلمند", "مقام‌های محلی بدخشان", "نماینده مردم غور": the place
# tells whose officials speak, not where the event is
_AFFILIATION_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:شورای[\s\u200c]+(?:ولایتی|استانی|ولسوالی)|والی|استاندار|فرماندار|ولسوال"
    r"|(?:فرمانده|قوماندان|رئیس|رییس|سخنگوی)[\s\u200c]+(?:پولیس|پلیس|امنیه|انتظامی)"
    r"|قومندانی[\s\u200c]+امنیه|فرماندهی[\s\u200c]+(?:پولیس|پلیس|انتظامی)"
    # (not "مقام ولایت X": the provincial seat, where the event is)
    r"|(?:مقام‌های|مقامهای|مقامات|مسئولان|مسوولان|مسئولین)(?:[\s\u200c]+(?:محلی|امنیتی|ولایتی))?"
    r"|نماینده[\s\u200c]+مردم|نمایندگان[\s\u200c]+مردم"
    # "یک منبع امنیتی عراق اعلام کرد": whose source speaks
    r"|(?:منبع|منابع)(?:[\s\u200c]+(?:امنیتی|نظامی|محلی|آگاه|دولتی|رسمی|دیپلماتیک))?"
    # "تلویزیون رسمی سودان", "خبرگزاری رسمی سوریه": a state's media speak for it
    r"|(?:تلویزیون|تلوزیون|رادیو|خبرگزاری|رسانه‌های|رسانههای|رسانه)(?:[\s\u200c]+(?:رسمی|دولتی|ملی))?)[\s\u200c]+$"
)
# a dispute or crisis named by its place: "مناقشه قره‌باغ", "بحران سوریه", "پرونده X"
_DISPUTE_OF = re.compile(
    r"(?<![\w\u200c])(?:مناقشه|منازعه|بحران|مسئله|مسأله|مساله|پرونده|قضیه|مذاکرات|گفتگوهای"
    r"|گفت‌وگوهای|روند[\s\u200c]+صلح)(?:[\s\u200c]+(?:بر[\s\u200c]+سر|منطقه))?[\s\u200c]+$"
)
_TOWN_OF = re.compile(
    r"(?<![\w\u200c])(?:شهر|شهرهای|شهرک|شهرکهای|شهرک‌های"
    # "دهمین ولایت افغانستان", "استان‌های سوریه", "پایتخت عراق": an unnamed unit of it
    r"|ولایت|ولایات|ولایت‌های|ولایتهای|استان|استان‌های|استانهای|ولسوالی|ولسوالی‌های"
    r"|ولسوالیهای|شهرستان|شهرستان‌های|شهرستانهای|پایتخت|مرکز[\s\u200c]+ولایت)[\s\u200c]+$"
)
# "سقوط پایتخت داعش در سوریه", "زندان قندهار درجنوب افغانستان": the country where a
# place the sentence names (or names by a noun) lies, not the place taken
_NOUN_IN_COUNTRY = re.compile(
    r"(?<![\w\u200c])(?:پایتخت|مرکز|زندان|ساختمان|مقر|پایگاه|فرودگاه|شهر|شهرک|ولایت|استان"
    r"|ولسوالی|شهرستان)(?:[\s\u200c]+[^\s\u200c،,.؛:]+){1,3}?[\s\u200c]+در[\s\u200c]*"
    r"(?:(?:جنوب|شمال|شرق|غرب|مرکز)(?:[\s\u200c]*(?:شرق|غرب|شرقی|غربی))?[\s\u200c]*)?$"
)
# a pluperfect verb later in the clause ("... وارد اندراب شده بودند")
_PLUPERFECT_AFTER = re.compile(r"[^،.؛]*?ه[\s\u200c]*بود(?:ند|م|یم|ید)?(?![\w\u200c])")
# "پس از تصرف موصل", "یک روز پس از سقوط": an event noun that dates another event
# ... also after a span of time: "پس از یک ماه اشغال", "پس از ماه‌ها محاصره"
_AFTER_EVENT = re.compile(
    r"(?:پس|بعد|پیش|قبل)[\s\u200c]+از"
    rf"(?:[\s\u200c]+(?:\d+|{number_words(1, 10)}|چند)[\s\u200c]+(?:روز|هفته|ماه|سال)"
    r"|[\s\u200c]+(?:روزها|هفته‌ها|ماه‌ها|ماهها|سال‌ها|سالها))?"
    # "پس از ۶ سال از تسلط X بر شهر": after years of a rule, which the span dates
    r"(?:(?<=روز|فته|ماه|سال|‌ها|هها|لها)[\s\u200c]+از)?"
    # "چند روز پس از اعلام سقوط ۱۳ شهرستان": after the news of the event
    r"(?:[\s\u200c]+(?:اعلام|گزارش|خبر|تایید|تأیید))?[\s\u200c]*$"
)
# "زادگاه قیام سال ۲۰۱۱", "پس از همه‌پرسی در ماه سپتامبر": a year or a month that
# names another event (an uprising, a revolution, an accord, a referendum), which it
# dates, not the sentence's event
_OTHER_EVENT_YEAR = re.compile(
    r"(?<![\w\u200c])(?:قیام|انقلاب|اعتراضات|انتخابات|توافق|توافقنامه|قرارداد|پیمان|کودتا|زلزله"
    r"|همه[\s\u200c]?پرسی|رفراندوم)(?:[\s\u200c]+در)?(?:[\s\u200c]+(?:سال|ماه))?[\s\u200c]*$"
)
# "لحظاتی پیش از آزادی شهر X خبر دادند": "پیش" after a short span is "ago", and
# "از" opens the object of "خبر دادند" (moments ago they announced the freeing)
_AGO_FROM = re.compile(
    r"(?<![\w\u200c])(?:لحظاتی|دقایقی|ساعاتی|ساعتی|لحظه‌ای|لحظه[\s\u200c]+ای)[\s\u200c]+پیش"
    r"[\s\u200c]+از[\s\u200c]*$"
)
_NEWS_OF = re.compile(
    r"[^،,.؛:]{0,80}?(?<![\w\u200c])خبر[\s\u200c]+(?:داد|دادند|دادند|می[\s\u200c]?ده)"
)
# "در بدو تصرف موصل", "در آغاز سقوط کابل", "هنگام عقب‌نشینی": the moment of an
# event noun as the time of something else the sentence tells (the event itself
# came before the news)
_AT_EVENT = re.compile(
    # "درجریان": outlets often write the preposition joined to the noun
    r"(?<![\w\u200c])(?:در[\s\u200c]*جریان"
    r"|در[\s\u200c]+(?:بدو|آغاز|ابتدای|زمان|روزهای[\s\u200c]+(?:نخست|اول))"
    r"|هنگام|به[\s\u200c]+هنگام|زمان)[\s\u200c]*$"
)
# "ولسوالی X", "ولسوالی‌های « X »": where a district's name begins (not "این ولسوالی",
# "ولسوالی را", "ولسوالی‌ها در ...")
_DISTRICT_NAME_HEAD = re.compile(
    r"(?<![\w\u200c])(?<!این[\s\u200c])(?<!آن[\s\u200c])(?<!همین[\s\u200c])(?<!همان[\s\u200c])"
    # Iranian outlets call a district "شهرستان": "مرکز شهرستان «جبرایل»"
    r"(?:ولسوالی|شهرستان)(?:[\s\u200c]*های)?[\s\u200c]+(?:[«\"][\s\u200c]*)?"
    r"(?!(?:را|که|از|به|در|با|تا|بر|و|این|آن|را|نیز|هم|مرکز|ها|های|سقوط|است)(?![\w\u200c]))(?=[^\s\u200c\d،,.؛:])"
)


def _unknown_district(
    text: str, places: list[FoundPlace], before: int, *, right_before: bool = False
) -> bool:
    """Whether the sentence names, before ``before``, a district ("ولسوالی X") whose
    name is no place found; with ``right_before``, one whose name of up to three
    words is followed by ``before`` (its province: "ولسوالی X ولایت Y")."""
    return any(
        not any(p.start == h.end() for p in places)
        and (not right_before or bool(_NAME_THEN_PROVINCE.fullmatch(text, h.end(), before)))
        for h in _DISTRICT_NAME_HEAD.finditer(text, 0, before)
    )


# a town or village by its head noun and a name: "شهر اودییفکا", "قریه‌های X"
_TOWN_NAME_HEAD = re.compile(
    r"(?<![\w\u200c])(?<!این[\s\u200c])(?<!آن[\s\u200c])(?<!همین[\s\u200c])(?<!همان[\s\u200c])"
    r"(?:شهر|شهرک|قریه|روستای|قصبه)(?:[\s\u200c]*های)?[\s\u200c]+(?:[«\"][\s\u200c]*)?"
    r"(?!(?:را|که|از|به|در|با|تا|بر|و|این|آن|نیز|هم|مرکز|ها|های|سقوط|است|مهم|بزرگ|راهبردی"
    r"|استراتژیک|کوچک|مرزی|دیگر|یک)(?![\w\u200c]))(?=[^\s\u200c\d،,.؛:])"
)


def _unnamed_unit(text: str, places: list[FoundPlace]) -> bool:
    """Whether the sentence names a unit of a country only by its noun ("دهمین ولایت
    افغانستان") or a town or district whose name is no place found ("شهر اودییفکا")."""
    if any(p.kind is PlacePrecision.COUNTRY and _TOWN_OF.search(text, 0, p.start) for p in places):
        return True
    if _unknown_district(text, places, len(text)):
        return True
    if _PLURAL_UNITS.search(text):
        return True  # "سقوط ولسوالی‌ها": districts the sentence does not name
    return any(not any(p.start == h.end() for p in places) for h in _TOWN_NAME_HEAD.finditer(text))


# a building or a facility of a town: "ساختمان دولتی آن شهر", "مقر پلیس این شهر"
_FACILITY_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:ساختمان|مقر|کاخ|زندان|فرودگاه|پاسگاه|پادگان|دفتر|اداره|پایگاه)"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}?[\s\u200c]+$"
)
# units of a country in the plural: "ولسوالی‌ها", "شهرستان های", "ولایت‌ها"
_PLURAL_UNITS = re.compile(
    r"(?<![\w\u200c])(?:ولسوالی|شهرستان|ولایت|استان|شهر|شهرک|منطقه)[\s\u200c]?(?:ها|های|هایی)(?![\w\u200c])"
)


_NAME_THEN_PROVINCE = re.compile(
    r"[^\s\u200c،,.؛]+(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}[\s\u200c»\"]*(?:(?:ولایت|استان)[\s\u200c]+)?"
)


# the subjunctive of "take place" closing an event noun's clause: "... صورت گیرد",
# "انجام شود", "صورت بگیرد"
_TO_TAKE_PLACE_AFTER = re.compile(
    r"[^،,.؛]{0,40}?(?<![\w\u200c])(?:صورت|انجام)[\s\u200c]+(?:گیرد|بگیرد|پذیرد|بپذیرد|شود|بشود)"
    r"(?![\w\u200c])"
)
# "گزارشات ضد و نقیض درباره سقوط X", "اخبار متناقض از تصرف X": reports at odds
_CONFLICTING_ABOUT = re.compile(
    r"(?<![\w\u200c])(?:ضد[\s\u200c]+و[\s\u200c]+نقیض|متناقض|متضاد|ضد[\s\u200c]?ونقیض)"
    r"[\s\u200c]+(?:درباره|در[\s\u200c]+مورد|در[\s\u200c]+باره|از|پیرامون)[\s\u200c]+$"
)
# An event noun claimed: "مدعی سقوط ... شدند", "ادعای تصرف", "به ادعای ... تسلط"
_CLAIM_OF = re.compile(r"(?<![\w\u200c])(?:مدعی|ادعای)(?:[\s\u200c]+(?:کامل|بر|به))?[\s\u200c]+$")
# "این ولسوالی", "مرکز همین شهرستان": a district told before
_DISTRICT_ANAPHOR = re.compile(
    r"(?<![\w\u200c])(?:این|آن|همین|همان)[\s\u200c]+(?:ولسوالی|شهرستان)(?![\w\u200c])"
)
# The event noun as the object of a denial: "سقوط ولسوالی X را رد می‌کنند",
# "خبر تصرف X را تکذیب کرد" (within the clause, whoever the sentence's speaker is)
_DENIED_OBJECT = re.compile(
    r"[^،.؛:]{0,80}?(?<![\w\u200c])را[\s\u200c]+(?:(?:رد|تکذیب)[\s\u200c]+"
    r"(?:کرد|کردند|کرده|نمود|نمودند|می[\s\u200c]?کن)"
    # "نشانه‌ای از عقب‌نشینی ... را مشاهده نکرده‌اند": not seen, not confirmed
    r"|(?:مشاهده|تأیید|تایید)[\s\u200c]+(?:نکرد|نکرده|نمی[\s\u200c]?کن))"
)
# No report of the event: "گزارشی در پیوند به سقوط X در دست نیست", "خبری از
# سقوط X نرسیده است"
_NO_REPORT_BEFORE = re.compile(r"(?<![\w\u200c])(?:گزارشی|خبری|اطلاعی)(?![\w\u200c])[^،.؛:]{0,30}$")
_NO_REPORT_AFTER = re.compile(
    r"[^،.؛:]{0,60}?(?:(?<![\w\u200c])در[\s\u200c]+دست[\s\u200c]+نیست|وجود[\s\u200c]+ندارد"
    r"|نرسیده|(?<![\w\u200c])نیست(?![\w\u200c]))"
)
# "چهار سال از سقوط پنجشیر گذشت": a span of time elapsed since an event noun
# (before the noun; "گذشت" or "می‌گذرد" after it) remembers the event
_SPAN_SINCE = re.compile(
    rf"(?:\d+|{number_words(1, 10)}|چند|[۰-۹]+)[\s\u200c]+(?:روز|هفته|ماه|سال)"
    r"[\s\u200c]+از[\s\u200c]+$"
)
_ELAPSED_AFTER = re.compile(
    r"[^،.؛]*?(?<![\w\u200c])(?:گذشت|گذشته[\s\u200c]+است|می[\s\u200c]?گذرد|سپری[\s\u200c]+(?:شد|می))"
)
# Anniversaries and retrospectives: "سالروز", "سالگرد", "در چنین روزی".
_ANNIVERSARY = re.compile(
    r"سالروز|سالگرد|در[\s\u200c]+چنین[\s\u200c]+روزی|(?<![\w\u200c])یادبود(?![\w\u200c])"
    # "روز یک سالگی اشغال افغانستان", "دومین سالگی": a year-count of an event
    rf"|(?:{number_words(1, 5)}|{number_words(10, 10)}|\d+|[۰-۹]+|دومین|سومین|چهارمین|پنجمین)"
    r"[\s\u200c]*سالگی(?![\w\u200c])"
)
_EXPECT_STRONG = re.compile(
    r"قرار[\s\u200c]+است|قرار[\s\u200c]+بود|در[\s\u200c]+آستانه|درصدد|در[\s\u200c]+صدد|قصد[\s\u200c]+(?:دارد|دارند)"
    r"|می[\s\u200c]?(?:تواند|توانند)|ممکن[\s\u200c]+است|احتمال[\s\u200c]+دارد|باید|خواهد|خواهند"
    r"|(?:در[\s\u200c]+)?تلاش[\s\u200c]+(?:برای|می)|آماده[\s\u200c]+(?:می|شده|هستند|است)|زمینه"
    r"|تهدید[\s\u200c]+(?:کرد|کرده)|هدف[\s\u200c]+بعدی|راه[\s\u200c]+را[\s\u200c]+(?:برای|هموار)|هموار"
    # "معلوم نیست آیا ... عقب‌نشینی کرده‌اند یا خیر": whether it happened is open
    r"|(?:معلوم|مشخص|روشن)[\s\u200c]+نیست[\s\u200c]+(?:که[\s\u200c]+)?آیا(?![\w\u200c])"
)
_PURPOSE_BEFORE = re.compile(
    r"(?:برای|به[\s\u200c]+منظور|با[\s\u200c]+هدف|جهت|عملیات|نبرد[\s\u200c]+برای|تلاش|طرح|نقشه"
    r"|آماده|آمادگی|تدارک|زمینه|آغاز|شروع|هدف)(?:[\s\u200c]+[^\s،,.؛]+){0,2}?[\s\u200c]+$"
    # right before the noun: "نبرد آزادسازی X" (the battle for it), "احتمال سقوط X",
    # "خطر سقوط" (its likelihood, its risk): none is the event itself
    r"|(?<![\w\u200c])(?:نبرد|احتمال|خطر)[\s\u200c]+$"
    # "هفت درصد از شهر تا آزادسازی کامل باقی مانده است": until the event, not it
    r"|(?<![\w\u200c])تا[\s\u200c]+$"
    # "طالبان در شرایط تصرف کابل نیستند", "قادر به تصرف": able (or not) to take it
    r"|(?<![\w\u200c])(?:در[\s\u200c]+(?:شرایط|موقعیت|وضعیت)|قادر[\s\u200c]+به|توان|توانایی|امکان)[\s\u200c]+$"
)
# "چند ساعت بعد، ..." opening a sentence: hours after what the text told before
_HOURS_LATER = re.compile(
    r"^[\s\u200c]*(?:چند[\s\u200c]+ساعت|ساعاتی|ساعتی|دقایقی|لحظاتی|چند[\s\u200c]+دقیقه)[\s\u200c]+"
    r"(?:بعد|پس[\s\u200c]+از[\s\u200c]+آن|پس[\s\u200c]+از[\s\u200c]+این)(?![\w\u200c])"
)
# "ساعت پیروزی فرا رسیده است", "لحظه آزادی": the hour of a victory is no victory
_HOUR_OF = re.compile(r"(?<![\w\u200c])(?:ساعت|لحظه)[\s\u200c]+$")
# "با اشاره به", "در واکنش به", "با استناد به": what a speaker refers to
_REFERRING_TO = re.compile(
    r"(?<![\w\u200c])(?:با[\s\u200c]+اشاره|در[\s\u200c]+واکنش|با[\s\u200c]+استناد)[\s\u200c]+به[\s\u200c]+$"
)
_EXPECT_AFTER = re.compile(
    r"^(?:[\s\u200c]+[^\s،,.؛]+){0,1}?[\s\u200c]+(?:آینده|قریب[\s\u200c]?الوقوع|احتمالی|پیش[\s\u200c]?رو"
    r"|بعدی|نهایی|قریب)(?![\w\u200c])"
    r"|^[^،.؛]{0,60}?(?:به[\s\u200c]?زودی|آغاز[\s\u200c]+خواهد|خواهد|خواهند|آماده[\s\u200c]+می|قرار[\s\u200c]+است)"
)
# "به‌زودی", "طی چند روز آینده": soon, in the days to come
_SOON_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:به[\s\u200c]?زودی|بزودی|(?:طی|در)[\s\u200c]+(?:چند[\s\u200c]+)?"
    r"(?:روز|روزهای|روزها|هفته|هفته‌های|هفتههای|ساعات|ساعت‌های)[\s\u200c]+(?:آینده|آتی))(?![\w\u200c])"
)
# an event noun the speaker says "we" will announce: "... را اعلام می‌کنیم"
_WE_ANNOUNCE_AFTER = re.compile(
    r"[^،.؛:]{0,50}?(?<![\w\u200c])را[\s\u200c]+(?:اعلام|اعلان)[\s\u200c]+(?:می[\s\u200c]?کنیم|خواهیم)"
)
# "... خارج کرده و ... واگذار خواهد کرد": a coordinated future verb in the same clause
_SHARED_FUTURE_AFTER = re.compile(
    # (not past a "که" or a verb of its own: "... تصرف کرده و اعلام کردند که ... خواهند")
    r"[\s\u200c]+و[\s\u200c]+(?:(?!(?<![\w\u200c])(?:که|کرد|کردند|گفت|گفتند|شد|شدند)(?![\w\u200c]))[^،.؛:]){0,80}?"
    r"(?<![\w\u200c])(?:خواهد|خواهند|خواهیم)(?![\w\u200c])"
)
# "موفق شدند", "توانستند": the action happens
# verbs whose subjunctive complement happened: "توانستند ... بگیرند", and "were
# forced to": "مجبور شده‌اند شهر روبیژنه را ترک کنند" (they left it)
_IMPLICATIVE = re.compile(
    r"موفق[\s\u200c]+(?:شد|شدند|به)|توانست(?:ند)?|(?:ادامه|شروع)[\s\u200c]+"
    r"|(?:مجبور|ناچار|ناگزیر)[\s\u200c]+(?:شد|شدند|شده)"
)
# words after which a verb is a subjunctive: a purpose ("تا", "برای اینکه"), a need or a
# will ("باید", "بتواند", "می‌خواهد", "قصد دارد", "تلاش می‌کند")
_ASKS_SUBJUNCTIVE = re.compile(
    r"(?<![\w\u200c])(?:تا|باید|بتوان[\w\u200c]*|نتوان[\w\u200c]*|بخواه[\w\u200c]*"
    r"|می[\s\u200c]?خواه[\w\u200c]*|قصد|تلاش|کوشش|برای[\s\u200c]+(?:اینکه|آنکه|این[\s\u200c]+که))"
    r"(?![\w\u200c])"
)
_DEMONSTRATIVE_BEFORE = re.compile(r"(?:این|آن|همین|همان)[\s\u200c]+$")
_PLURAL = re.compile(r"(?:های|ها)$")
_APPOSITION = re.compile(r"[\s\u200c]*[(\[][\s\u200c]*")
_SUPPORT_FAMILIES = frozenset({Family.AIR, Family.SHELLING, Family.CLASH})
# "پیش از جنگ", "از آغاز جنگ", "در دوران جنگ": the war as a span of time that dates
# something else ("تورتسک که پیش از جنگ ۳۰ هزار نفر جمعیت داشت"), not a clash
_WAR_AS_TIME = re.compile(
    r"(?:(?:پیش|قبل|پس|بعد)[\s‌]+از|(?:از[\s‌]+)?(?:آغاز|شروع|پایان|زمان|طول|دوران|دوره"
    r"|سال‌های|سالهای|روزهای|ماه‌های|ماههای))[\s‌]+$"
)
# a capture for a few hours or for a while: "برای ساعاتی", "چند ساعت", "به طور موقت"
# (not "پس از چند ساعت", "طی چند ساعت", "چند ساعت پیش": when, not how long)
_BRIEFLY = re.compile(
    r"(?<![\w\u200c])(?:(?:برای|به[\s\u200c]+مدت)[\s\u200c]+(?:ساعاتی|لحظاتی|مدتی[\s\u200c]+کوتاه"
    r"|مدت[\s\u200c]+کوتاهی|چند(?:ین)?[\s\u200c]+ساعت)"
    r"|(?<!از[\s\u200c])(?<!طی[\s\u200c])(?<!ظرف[\s\u200c])(?<!گذشت[\s\u200c])(?<!در[\s\u200c])"
    r"چند(?:ین)?[\s\u200c]+ساعت(?![\w\u200c])(?![\s\u200c]+(?:پس|بعد|قبل|پیش|از|گذشت|درگیری|نبرد|جنگ))"
    # "به طور موقت", "موقتاً"; not "دولت موقت" (the interim government)
    r"|به[\s\u200c]*طور[\s\u200c]+موقت|موقتاً|موقتا)(?![\w\u200c])"
)
_WITHDRAWAL_WORDS = re.compile(r"عقب|خارج|تخلیه|خروج|منتقل")
_STATE_SPEAKER = re.compile(
    r"(?:(?:وزارت[\s\u200c]+دفاع|وزیر[\s\u200c]+دفاع|ستاد[\s\u200c]+کل(?:[\s\u200c]+نیروهای[\s\u200c]+مسلح"
    # "رئیس‌جمهور", "رئیس‌جمهوری", "رییس جمهوری" (the president speaks for the state)
    r"|[\s\u200c]+ارتش)?|دولت|ر[ئی]یس[\s\u200c]?جمهور(?:ی)?|فرماندهی[\s\u200c]+ارتش)[\s\u200c]+|^)"
    r"(?!وزارت|وزیر|ستاد|دولت|سخنگوی|ارتش|رئیس|فرماندهی)(?P<c>[^\s\u200c:،,.؛]{3,})"
    r"(?=[\s\u200c]*:|[،,]?[\s\u200c]+(?:[^\s]+[\s\u200c]+){0,6}?(?:اعلام|گفت|مدعی|خبر|گزارش|تأیید|تایید))"
)
_HEAD_OF_STATE = re.compile(
    r"(?<![\w\u200c])(?:نخست[\s\u200c]*وزیر|صدر[\s\u200c]*اعظم|ر[ئی]یس[\s\u200c]?جمهور(?:ی)?)"
    r"[\s\u200c]+(?P<c>[^\s\u200c:،,.؛]{3,})"
)
# A capital speaks for its state in headlines ("مسکو: مارینکا آزاد شد").
_CAPITALS = {
    "مسکو": "روسیه",
    "کی‌یف": "اوکراین",
    "کییف": "اوکراین",
    "کیف": "اوکراین",
    "باکو": "آذربایجان",
    "ایروان": "ارمنستان",
    "دمشق": "سوریه",
    "بغداد": "عراق",
    "خارطوم": "سودان",
    "بیروت": "لبنان",
    "کابل": "افغانستان",
}
# ... and holds what its forces took: "تسلط مسکو بر شهر X" (Moscow's hold on X)
_CAPITAL_HOLDER = re.compile(
    r"[\s\u200c]+(?P<c>" + "|".join(map(re.escape, _CAPITALS)) + r")[\s\u200c]+بر(?![\w\u200c])"
)
_TRANSITIVE = re.compile(r"خارج[\s\u200c]+(?:کرد|نمود|ساخت)")
_FROM_HOLDER = re.compile(
    r"(?:^|[\s\u200c])از[\s\u200c]+(?:دست|کنترل|کنترول|چنگ|تصرف|اشغال|سیطره|تسلط)(?![\w\u200c])"
)
# "از دست X", "از کنترل X": X held the place and loses it
_HELD_BY = re.compile(
    r"از[\s\u200c]+(?:دست|کنترل|کنترول|چنگ|تصرف|اشغال|سیطره|تسلط)"
    rf"(?:[\s\u200c]+(?:{_SIDE_HEAD}))?[\s\u200c]+$"
)
# A tally as the object of the verb: "ده‌ها روستا و منطقه را", "۳۱ منطقه را"
_QUANTIFIED_OBJECT = re.compile(
    r"(?<![\w\u200c])(?:دهها|ده‌ها|صدها|چندین|[\d۰-۹]+"
    # "نه شهرک و روستا را", "دو منطقه را": a tally in words
    rf"|چند|{number_words(2, 50)})[\s\u200c]+(?:روستا|منطقه|مناطق|روستاها|نقطه"
    # "۲۵ ساختمان را در شهر X": buildings of a town fought over, not the town
    r"|شهرک|قریه|ساختمان|بنا|خانه|موضع|مواضع|سنگر|پاسگاه"
    # "سه ولسوالی را در ولایت X": districts the sentence does not name
    r"|ولسوالی|شهرستان|شهر)"
    r"(?:[\s\u200c]+و[\s\u200c]+(?:روستا|منطقه|شهرک|مناطق|مزرعه|مزارع|تپه|ارتفاعات))?[\s\u200c]+را[\s\u200c]"
)
# "کوه‌های اطراف این شهر", "روستاهای حومه این شهر": the surroundings of "this town"
_SURROUNDINGS_OF = re.compile(
    r"(?<![\w\u200c])(?:اطراف|حومه|پیرامون|نزدیکی|ارتفاعات|کوه[\s\u200c]*های|تپه[\s\u200c]*های"
    r"|روستا[\s\u200c]*های)[\s\u200c]+$"
)
# A tally of settlements as the object of a taking, a place of the region after it
# or none: "کنترل 29 منطقه مسکونی خرسون ... تصرف کرده است", "۱۲ روستای دیگر را
# آزاد کردند" (not "دو روستای X و Y را": a named list)
_TALLY_OF_SETTLEMENTS = re.compile(
    r"(?<![\w\u200c])(?:دهها|ده‌ها|صدها|چندین|[\d۰-۹]+|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده"
    r"|دوازده|پانزده|بیست|سی|چهل|پنجاه)[\s\u200c]*(?:منطقه[\s\u200c]+مسکونی|منطقه"
    r"|(?:روستا|شهرک|قریه)(?:[\s\u200c]?(?:های|ها)|ی)?|آبادی|نقطه[\s\u200c]+مسکونی"
    r"|شهرک[\s\u200c]+و[\s\u200c]+روستا)"
    r"(?:[\s\u200c]+(?:دیگر|جدید|مسکونی))?(?![\w\u200c])"
)
_OWN_CLAUSE_OPEN = re.compile(r"[:«»\"]")
# a name of a list: "X و Y", "X، Y" (the tally names its places)
_LISTED_AFTER = re.compile(r"[\s\u200c]*(?:[،,]|و[\s\u200c])")
# a town joined to a tally by "و" ("شهر X و ۱۲ روستا"); a comma may close an
# adverbial instead ("در منطقه دونتسک، ۱۲ روستای دیگر را")
_LISTED_WITH = re.compile(r"[\s\u200c]*و[\s\u200c]*")
# parts right after an event noun: "آزادسازی بخش‌های وسیعی از", "تصرف قسمت‌هایی از"
_NOUN_PARTS = re.compile(
    r"[\s\u200c]+(?:کامل[\s\u200c]+)?(?:بخش|قسمت)[\s\u200c]*(?:های|هایی|هائی)"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+)?[\s\u200c]+از(?![\w\u200c])"
    # "از تسلط این نیروها بر ۷۰ درصد از شهر X خبر دادند": a share of the town
    # (the trigger may end on its "بر")
    r"|(?:(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,3}?[\s\u200c]+بر)?[\s\u200c]+(?<![\d۰-۹])[\d۰-۹]{1,2}"
    r"[\s\u200c]*درصد"
)
# an event noun in the plural: "پیروزی‌های", "پیروزی های", "آزادسازی‌ها"
_PLURAL_AFTER = re.compile(r"[\s\u200c]?(?:های|ها)(?![\w\u200c])")
# "بقیه شهرستان‌های آن", "سایر ولسوالی‌ها", "باقی مناطق": the rest of a set of places
_REST_OF = re.compile(
    r"(?<![\w\u200c])(?:بقیه|باقی(?:[\s\u200c]*مانده)?|سایر)[\s\u200c]+"
    r"(?:شهرستان|ولسوالی|ولایت|استان|شهر|شهرک|روستا|منطقه|مناطق|نقاط|بخش)"
)
# "بخش‌هایی از دو ولایت را", "قسمت‌هایی از آن را": parts as the object of a taking
_UNNAMED_PARTS_OBJECT = re.compile(
    r"(?<![\w\u200c])(?:بخش[\s\u200c]*(?:های|هایی|هائی)|قسمت[\s\u200c]*(?:های|هایی|هائی))[\s\u200c]+از"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){1,3}?[\s\u200c]+را[\s\u200c]+$"
)
# "نزدیک به ۲۰ روستا و مزرعه را در جنوب ادلب": where the unnamed villages lie
_TALLY_OBJECT_IN = re.compile(_QUANTIFIED_OBJECT.pattern + r"[\s\u200c]*در(?=[\s\u200c])")
# a tally of districts or villages with the provinces they lie in after it
_TALLY_IN_PROVINCES = re.compile(
    rf"(?<![\w\u200c])(?:دهها|ده‌ها|چندین|چند|[\d۰-۹]+|{number_words(2, 50)})[\s\u200c]+"
    r"(?:شهرستان|ولسوالی|روستا|شهرک|منطقه)"
    r"(?:[\s\u200c]+دیگر)?[\s\u200c]+در[\s\u200c]+(?:استان|ولایت|ایالت)(?:[\s\u200c]*(?:های|ها))?"
    r"(?=[\s\u200c])"
)
# a tally of a province's districts: "۹ شهرستان بدخشان", "۱۷ولسوالی بدخشان" (the
# province is where the unnamed districts lie)
_TALLY_OF_PROVINCE = re.compile(
    r"(?:(?:دهها|ده‌ها|چندین|چند|\d+)[\s\u200c]*(?:شهرستان|ولسوالی)(?:[\s\u200c]*(?:های|ها))?"
    r"(?:[\s\u200c]+دیگر)?"
    # "شمار ولسوالی‌های سقوط کرده تخار": the count of a province's fallen districts
    r"|(?:شمار|تعداد)[\s\u200c]+(?:شهرستان|ولسوالی)[\s\u200c]*(?:های|ها)"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2})"
    r"[\s\u200c]+(?:(?:استان|ولایت)[\s\u200c]+)?$"
)
# parts of a town as the object, the town after it: "بخش‌های مهمی را در شهر X"
_PARTS_IN = re.compile(
    r"(?<![\w\u200c])(?:بخش[\s\u200c]*(?:های|هایی)|برخی[\s\u200c]+(?:از[\s\u200c]+)?(?:مناطق|نواحی|محلات)"
    r"|چند[\s\u200c]+(?:ناحیه|محله|منطقه))(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}?[\s\u200c]+را"
    r"[\s\u200c]+در(?=[\s\u200c])"
)
_PART_HEAD = re.compile(
    r"(?<![\w\u200c])(?:بخش[\s\u200c]*(?:های|هایی|هائی|ها)|بخشی|برخی[\s\u200c]+(?:از[\s\u200c]+)?"
    r"(?:مناطق|نواحی|محلات)|چند[\s\u200c]+(?:ناحیه|محله|منطقه)"
    # a tally of quarters: "۱۴ محله در غرب و مرکز شهر X را", "سه ناحیه شهر X را"
    rf"|(?:\d+|{number_words(2, 10)}|چندین|دهها|ده‌ها)[\s\u200c]+(?:محله|ناحیه|کوی|حوزه)"
    # "بر ۷۰ درصد از شهر X مسلط شدند": a share of the town (below a hundred)
    r"|(?<![\d۰-۹])[\d۰-۹]{1,2}[\s\u200c]*درصد"
    # "تپه‌های شرقی ... شهرک X", "ارتفاعات اطراف X": the heights of a town, not the town
    r"|تپه(?:[\s\u200c]*(?:های|هایی|ها))?|ارتفاعات"
    # "مناطق اشغالی شرق دمشق را آزاد کرد": areas of a town, not the town
    r"|(?:(?:تمامی|تمام|همه)[\s\u200c]+)?مناطق)"
    r"(?![\w\u200c])"
)
# "بر تپه‌های ... سیطره یافت": the object of a verb of control after "بر"
_ON_OBJECT = re.compile(r"(?<![\w\u200c])بر[\s\u200c]+$")
_RA = re.compile(r"(?<![\w\u200c])را(?![\w\u200c])")


def _in_parts_object(text: str, place: FoundPlace, trigger_start: int) -> bool:
    """Whether a place lies inside an object of "را" that names parts of a town
    ("بخش‌هایی از شهر X را", "برخی از مناطق ... شهر X را"), before the trigger."""
    if place.end > trigger_start:
        return False
    clause = _clause_start(text, place.start)
    heads = list(_PART_HEAD.finditer(text, clause, place.start))
    if not heads or _RA.search(text, heads[-1].end(), place.start):
        return False
    if _RA.search(text, place.end, trigger_start) is not None:
        return True
    # "بر تپه‌های شرقی یک مقر در شهرک X سیطره یافت": parts governed by "بر"
    return _ON_OBJECT.search(text, clause, heads[-1].start()) is not None


# A settlement named before the province it lies in, "در" between: "منطقه ام سیاله در
# کردفان شمالی", "شهرک‌های «X»، «Y» و منطقه «Z» را در جنوب غرب استان «حلب»"
_SETTLEMENT_NAMED_IN = re.compile(
    r"(?<![\w\u200c])(?:منطقه|شهرک|روستا|روستای|قریه|شهر|ولسوالی|شهرستان|بخش|ناحیه"
    # the outskirts of a place the gazetteer does not know: no town named is left
    r"|(?P<near>حومه|اطراف))"
    r"(?:[\s\u200c]*(?:های|ها))?[\s\u200c]*[«\"]?[^\s\u200c«»\"،,.؛:]{2,}[^.؛:]{0,80}?"
    r"[\s\u200c]در[\s\u200c]+(?:(?:جنوب|شمال|شرق|غرب|مرکز)[^\s\u200c]*"
    r"(?:[\s\u200c]+(?:غرب|شرق|غربی|شرقی))?[\s\u200c]+)?(?P<province>استان|ایالت|ولایت)?[\s\u200c]*[«\"]?$"
)
# A share of a country's land: "یک‌سوم خاک", "نیمی از خاک", "۷۰ درصد خاک", "بخش عمده خاک"
_SHARE_OF_LAND = re.compile(
    r"(?:(?:یک|دو)[\s\u200c]*(?:سوم|چهارم|پنجم)|نیمی|نصف|درصد|بخش[\s\u200c]+(?:عمده|بزرگی|اعظم))"
    r"(?:[\s\u200c]+از)?[\s\u200c]+خاک[\s\u200c]+(?:(?:این|آن)[\s\u200c]+کشور[\s\u200c]*)?$"
)
# A tally right after an event noun: "آزادسازی چند منطقه دیگر", "تصرف ده‌ها روستا"
_NOUN_TALLY = re.compile(
    rf"[\s\u200c]+(?:کامل[\s\u200c]+)?(?:چند|چندین|دهها|ده‌ها|صدها|[\d۰-۹]+|{number_words(2, 50)})"
    r"[\s\u200c]+(?:منطقه|مناطق|روستا|روستای|روستاهای|شهرک|ناحیه|قریه|ساختمان)(?![\w\u200c])"
)
_IN_BEFORE = re.compile(r"(?<![\w\u200c])در(?![\w\u200c])")
_ADVANCE = re.compile(r"پیش[\s\u200c]?روی")
# An area as the object of the verb: "بیش از هزار کیلومتر مربع از ... را"
_AREA_OBJECT = re.compile(r"کیلومتر[\s\u200c]*مربع[^،.؛]*?[\s\u200c]را[\s\u200c]")
# A facility named by its town: "پالایشگاه بیجی", "فرودگاه نظامی شبرغان"
_FACILITY_OF = re.compile(
    r"(?<![\w\u200c])(?:گذرگاه|فرودگاه|پالایشگاه|نیروگاه|سد|زندان|پادگان|پاسگاه(?:[\s\u200c]*های)?)"
    r"(?:[\s\u200c]+(?:مرزی|نظامی|بین[\s\u200c]*المللی|هوایی|نفت|نفتی|پلیس|امنیتی))?(?:[\s\u200c]+شهر)?[\s\u200c]+[«\"]?$"
)
# The nouns a bare participle describes: "مناطق اشغال شده", "شهرهای تصرف شده"
_ATTRIBUTIVE_HEAD = re.compile(
    r"(?<![\w\u200c])(?:مناطق|مراکز|نقاط|اراضی|سرزمین[\s\u200c]*های|شهرهای|روستاهای"
    r"|ولسوالی[\s\u200c]*های|بخش[\s\u200c]*های)[\s\u200c]+$"
)
# "جمهوری خلق دونتسک", "جمهوری خودخوانده مردم لوهانسک": a self-styled state's name
# "پرچم سودان را برافراشتیم": a state named as a flag's owner is not the place raised on
_FLAG_OF = re.compile(r"(?<![\w\u200c])(?:پرچم|بیرق)(?:[\s\u200c]+(?:ملی|رسمی|کشور))?[\s\u200c]+$")
_REPUBLIC_OF = re.compile(
    r"(?<![\w\u200c])جمهوری(?:[\s\u200c]+(?:خودخوانده|خود[\s\u200c]?خوانده|خودمختار))?"
    r"[\s\u200c]+(?:خلق|مردم|مردمی)[\s\u200c]+$"
)
# "به گزارش خبرگزاری صدا و سیما، از کابل، پنج شهرستان ... سقوط کرد": where the
# agency writes from
_DATELINE_BEFORE = re.compile(
    r"(?:خبرگزاری|به[\s\u200c]+گزارش)[^.؛]{0,50}?[،,][\s\u200c]*از[\s\u200c]+$"
)
_DATELINE_AFTER = re.compile(r"[\s\u200c]*[،,]")
_LABEL_AFTER = re.compile(r"[\s\u200c]*[»\"]?[\s\u200c]*[:/]")


def _dateline(text: str, p: FoundPlace) -> bool:
    """Whether a place is the dateline ("به گزارش خبرگزاری X، از کابل،") or a label
    opening the sentence: the speaker ("مسکو: «ایوانوکا» به تصرف روسیه درآمد") or
    the section ("افغانستان/سقوط «میدان وردک»")."""
    if not text[: p.start].strip(' \u200c«"') and _LABEL_AFTER.match(text, p.end):
        return True
    return bool(
        _DATELINE_BEFORE.search(text, max(0, p.start - 80), p.start)
        and _DATELINE_AFTER.match(text, p.end)
    )


# "مراکز این شهرستان‌ها", "این ولسوالی‌ها": the districts the sentence listed
# a plural head of districts, a list of them following ("شهرستان‌های «تیشکان، ...")
_DISTRICTS_HEAD = re.compile(
    r"(?<![\w\u200c])(?:ولسوالی|شهرستان)[\s\u200c]*های[\s\u200c]+(?:[«\"][\s\u200c]*)?$"
    # "چهار شهرستان ... سقوط کرده که شامل X در ولایت Y، Z در W ... هستند"
    r"|(?<![\w\u200c])که[\s\u200c]+شامل[\s\u200c]+$"
)
# the words between two districts of such a list: separators, quotes, the province
# locating the one before ("در بدخشان"), the head said again, names left unfound
_DISTRICT_LIST_GAP = re.compile(
    r"(?:[\s\u200c،,«»\"]|(?<![\w\u200c])(?:و|در|استان|ولایت|ولسوالی|شهرستان)(?![\w\u200c]))+"
)
_DISTRICT_LIST_STOP = re.compile(
    r"(?<![\w\u200c])(?:را|که|از|به|با|تا|بر|است|اند|شد|شدند|کرد|کردند)(?![\w\u200c])|[.؛:]"
)


def _district_list(text: str, places: list[FoundPlace]) -> list[FoundPlace]:
    """The Afghan districts and towns listed after a plural head, in text order: the
    first right after the head, each next one with no more than five other words
    and a list separator between (see :data:`_DISTRICT_LIST_GAP`)."""
    afghan = sorted((p for p in places if p.match.place.country == "AFG"), key=lambda p: p.start)
    chain: list[FoundPlace] = []
    for p in afghan:
        if not chain:
            if _DISTRICTS_HEAD.search(text, max(0, p.start - 30), p.start):
                chain.append(p)
            continue
        gap = text[chain[-1].end : p.start]
        free = [w for w in _DISTRICT_LIST_GAP.sub(" ", gap).split() if w]
        if (
            len(free) > 5
            or _DISTRICT_LIST_STOP.search(gap)
            or not re.search(r"[،,]|(?:^|\s)و\s", gap)
        ):
            break
        chain.append(p)
    return chain


_THESE_DISTRICTS = re.compile(
    r"(?<![\w\u200c])(?:این|همین)[\s\u200c]+(?:شهرستان|ولسوالی)[\s\u200c]*(?:ها|های)"
    r"(?![\w\u200c])[^،.؛]{0,25}$"
)
# "دهها ولسوالی را تصرف کرده‌اند": a count of places, no place of its own
_QUANTIFIED_PLACES = re.compile(
    r"(?:دهها|ده‌ها|صدها|چندین|چند|شماری|تعدادی|برخی|بسیاری|\d+"
    # a number in words: "صد و هشتاد ولسوالی", "بیست شهرستان"
    # ("نه" is also "not", so it counts only inside a compound)
    rf"|(?<![\w\u200c])(?:{number_words(2, 1000, skip=('نه', 'هیجده'))})"
    # "بیست و یک ولایت", "سی و چهار ولایت": a compound number in words
    rf"(?:[\s\u200c]+و[\s\u200c]+(?:{number_words(1, 9)}))?)[\s\u200c]+(?:از[\s\u200c]+)?"
    r"(?:ولسوالی|ولسوالی‌ها|شهر|شهرها|روستا|روستاها|منطقه|مناطق|شهرستان|ولایت)"
)


@dataclass(frozen=True)
class _Sentence:
    """One sentence as the reader sees it: claim, folded text, places, dates."""

    claim: Claim
    folded: Folded
    places: list[FoundPlace]
    dates: list[common.DateMatch]
    metadata: bool = False
    headline: bool = False  # the article's first line, without a full stop: its title

    @property
    def text(self) -> str:
        return self.folded.text

    def original_offset(self, pos: int) -> int:
        """The article offset of folded position ``pos``."""
        return self.claim.sentence.span.start + self.folded.to_original(pos)


def read_persian(extractor: common.ReadingTools, article: Article) -> common.ArticleReading:
    """Read a Persian article into sentences, claims and mentions (see the module doc)."""
    published = article.published_at
    meta = publication_date(article.text)
    meta_line = None
    if meta is not None:
        meta_line = meta[1]
        published = published or meta[0]
    sentences = split_sentences(article.text)
    claims = attribute(article, sentences)
    line_starts = _line_starts(article.text)
    read: list[_Sentence] = []
    for claim in claims:
        s = claim.sentence
        folded = fold(s.span.text)
        metadata = meta_line is not None and _line_of(line_starts, s.span.start) == meta_line
        headline = not read and _is_headline(article.text, s.span.start, s.span.end)
        read.append(
            _Sentence(
                claim=claim,
                folded=folded,
                places=find_places(extractor.gazetteer, folded, s.span.text, base=s.span.start),
                dates=[] if metadata else _asserted_dates(folded, s, published),
                metadata=metadata,
                headline=headline,
            )
        )
    triggers_of = [[] if r.metadata else find_triggers(r.text) for r in read]
    # a word of a trigger says what happened, not where, even after a head noun:
    # "از شهر بیرون راندند" (drove out of the city) names no town بیرون (Beroun)
    read = [
        replace(r, places=[p for p in r.places if not _in_trigger(p, t)])
        for r, t in zip(read, triggers_of, strict=True)
    ]
    read = [replace(r, places=not_place_words(r.text, r.places)) for r in read]
    # "ولسوالی ناوه" in a report on Helmand: Helmand's district, before one name is
    # made one place across the report
    by_province = districts_of_report_province(
        extractor.gazetteer, [r.text for r in read], [r.places for r in read]
    )
    read = [replace(r, places=p) for r, p in zip(read, same_district(by_province), strict=True)]
    # a followed feed's default country settles namesakes the text leaves open
    hinted = prefer_hint_country(
        extractor.gazetteer,
        [(r.folded, r.claim.sentence.span.text, r.claim.sentence.span.start) for r in read],
        [r.places for r in read],
        article.country_hint,
    )
    # a town is not a lone word in a country whose forces the report names
    # ("نیروهای اوکراینی ... خرسون"): Persian country names are no gazetteer entries
    forces = {
        m.actor.country
        for m in extractor.actors.find(fold(article.text).text)
        if m.actor.country and not extractor.actors.is_generic(m.actor)
    }
    # "زنجبار" in a report on Yemen: the Yemeni town, before strays are dropped
    focus = iso3_codes(tuple(extractor.config.gazetteer_focus_countries))
    hinted = prefer_home_namesakes(extractor.gazetteer, hinted, forces, focus=focus)
    # "شهر سودژا": a town the gazetteer knows in Latin letters only, in a country
    # the report names, whose forces it names or one of whose provinces it names
    # ("شهرک اوچرتینو در استان دونتسک": Ukraine, though only Russia is named)
    hinted = unnamed_towns(
        extractor.gazetteer,
        [(r.folded, r.claim.sentence.span.text, r.claim.sentence.span.start) for r in read],
        hinted,
        forces
        | {
            p.match.place.country
            for ps in hinted
            for p in ps
            if p.kind in (PlacePrecision.COUNTRY, PlacePrecision.ADMIN1)
        },
    )
    # "شهر شرنه مرکز ولایت پکتیکا": a town the gazetteer knows in Latin letters
    # only, among the towns of the province the sentence puts it in
    hinted = located_towns(
        extractor.gazetteer,
        [(r.folded, r.claim.sentence.span.text, r.claim.sentence.span.start) for r in read],
        hinted,
    )
    kept = drop_lone_towns(
        common.drop_strays(hinted, lambda p: p.match.place),
        focus=focus,
        forces=forces,
    )
    kept = seat_cities(extractor.gazetteer, kept)
    read = [replace(r, places=p) for r, p in zip(read, kept, strict=True)]
    ctx = common.ArticleContext(
        published=published,
        countries=common.dominant_countries([[p.match for p in r.places] for r in read])
        or fallback_countries(extractor.gazetteer, [r.text for r in read], article.country_hint),
    )
    # a sentence in the pluperfect ("تصرف کرده بود") dates an earlier event: its
    # date is no date for the rest of the paragraph, nor the source's latest
    context_dates = [
        [] if _pluperfect(t) or _AFTER_THAT.search(r.text) else r.dates
        for r, t in zip(read, triggers_of, strict=True)
    ]
    paragraphs = common.paragraph_dates(claims, context_dates)
    reader = _Reader(
        extractor,
        ctx,
        names_towns=any(p.kind is not PlacePrecision.COUNTRY for r in read for p in r.places),
    )
    mentions: list[Mention] = []
    candidates = 0
    told_before: TimeRef | None = None  # the latest date the text stated so far
    for r, triggers, dated in zip(read, triggers_of, context_dates, strict=True):
        if triggers:
            candidates += 1
            paragraph = common.other_sentence_date(paragraphs, r.claim)
            if paragraph is None and _HOURS_LATER.match(r.text):
                paragraph = told_before  # "چند ساعت بعد، ...": the day told before
            mentions.extend(reader.sentence_mentions(r, triggers, paragraph))
        stated = common.explicit_dates(dated)
        told_before = stated[-1] if stated else told_before
        cities = [
            p
            for p in r.places
            if p.kind is PlacePrecision.CITY and not is_reference_point(r.text, p, r.places)
        ]
        reader.last_district = _last_district(r, reader.last_district)
        ctx.note_sentence(
            r.claim,
            dated,
            history_days=extractor.config.history_days,
            city=cities[-1].match if cities else None,
        )
    mentions = _withdrawal_gainers(
        extractor, read, mentions, ctx.countries[0] if ctx.countries else None
    )
    mentions = _references_follow(mentions, extractor.actors.controller_of)
    mentions = _denied_back(read, mentions)
    mentions = _denied_alongside(mentions)
    mentions = _claim_denied_later(mentions)
    mentions = _entries_under_way(read, mentions)
    mentions = _retold_recalls(read, mentions)
    mentions = _claims_at_odds(read, mentions)
    mentions = _losses_of_a_told_takeover(read, mentions)
    mentions = _repelled(mentions, extractor.actors.controller_of)
    mentions = common.in_their_day(mentions, published, extractor.actors.in_its_day)
    mentions = common.one_type_per_change(mentions, side_of=extractor.actors.controller_of)
    mentions = common.settle_denials(mentions)
    mentions.extend(common.context_links(mentions))
    return common.ArticleReading(
        article, tuple(sentences), tuple(claims), tuple(mentions), candidates=candidates
    )


def _asserted_dates(folded: Folded, s: Sentence, published: date | None) -> list[common.DateMatch]:
    """The dates a sentence tells, less those of a condition or its consequent
    ("«اگر سال ۲۰۱۵ سال آزادسازی بوده، سال ۲۰۱۶ ... خواهد بود»"): they date nothing
    that happened, neither in this sentence nor for the sentences after it."""
    ifs = [
        (s.span.start + folded.to_original(m.start()), s.span.start + folded.to_original(m.end()))
        for m in _CONDITION.finditer(folded.text)
    ]
    return [
        d
        for d in find_dates(s.span.text, published, offset=s.span.start)
        if not any(a <= d.span.start < b for a, b in ifs)
        and not (
            d.ref.precision in (Precision.YEAR, Precision.MONTH)
            and _OTHER_EVENT_YEAR.search(s.span.text, 0, d.span.start - s.span.start)
        )
    ]


def _last_district(s: _Sentence, before: PlaceMatch | None) -> PlaceMatch | None:
    """The district "این ولسوالی" means after sentence ``s``: the last it names
    ("ولسوالی X"), None when the gazetteer lacks that one, else the one before."""
    heads = list(_DISTRICT_NAME_HEAD.finditer(s.text))
    if not heads:
        return before
    at = heads[-1].end()
    return next((p.match for p in s.places if p.district and p.start == at), None)


def _manner_only(t: FaTriggerMatch) -> bool:
    """A handover told only by its manner ("بدون درگیری", "بدون مقاومت")."""
    return t.trigger.family is Family.HANDOVER and t.verb is None and not t.trigger.withdrawal


def _territory_verb(t: FaTriggerMatch) -> bool:
    """A takeover told by a verb strong enough to carry it ("سقوط کرد", not "وارد شدند")."""
    return (
        t.trigger.family in (Family.TAKE, Family.HANDOVER)
        and t.verb is not None
        and t.trigger.weight >= 0.5
    )


# a holding told in the imperfect past ends the control statement: who held the
# place before the change the sentence tells
_HELD_BEFORE_VERB = re.compile(r"(?<![\w\u200c])(?:بود|بودند|داشت|داشتند)$")


def _held_after_the_fall(
    m: Mention, mentions: list[Mention], catalogue: ActorDictionary
) -> Mention:
    """«با سقوط شهر فیض آباد، ... تعداد مراکز ولایات تحت کنترل طالبان ۹ مرکز شد»: a
    takeover told with no taker, whose own sentence then says who holds the place
    (an undated control statement after the takeover's word, not the side that lost
    it), was taken by that holder. (Only after the word: in "the IS-held town fell"
    the holder named before is the one that lost it.)"""
    if (
        m.actor1 is not None
        or m.sub_event_type not in TERRITORY_SUB_TYPES
        or m.status not in (Status.OCCURRED, Status.CLAIMED)
        or m.place is None
    ):
        return m
    text = fold(m.evidence.text).text  # the triggers are of the folded text
    at = text.find(m.trigger)
    for o in mentions:
        if (
            o is not m
            and o.claim.sentence.index == m.claim.sentence.index
            and o.status is Status.BACKGROUND
            and o.actor1 is not None
            and o.time is None
            and o.place is not None
            and o.place.place.id == m.place.place.id
            and 0 <= at < text.find(o.trigger)
            # "... که در اختیار دولت افغانستان قرار داشت", "که تحت کنترل داعش بود": a
            # holding told in the past is the state before the fall, its loser's
            and not _HELD_BEFORE_VERB.search(o.trigger)
        ):
            # (the only side the sentence names is then no loser of the place: the
            # fall's word reads the actors of its sentence as those who lost it)
            lost = m.actor2
            if lost is not None and catalogue.controller_of(lost) == catalogue.controller_of(
                o.actor1
            ):
                lost = None
            return common.with_gainer(replace(m, actor2=lost), o.actor1)
    return m


def _withdrawal_gainers(
    tools: common.ReadingTools,
    read: list[_Sentence],
    mentions: list[Mention],
    country: str | None,
) -> list[Mention]:
    """Give takeovers told without a taker their gaining side, withdrawals included.

    The shared rules come first (:func:`sitrep.read.common.infer_gaining_sides`:
    the taker of the same place elsewhere in the report, else the one side named
    most around the sentence). What stays open is a withdrawal that names only who
    leaves ("ارتش سودان از مدنی عقب‌نشینی کرد": one side leaving a town leaves it
    to the other): its gainer is the side that takes a place elsewhere in the
    report, else the nearest actor named whose controller differs from the
    loser's. When even the loser is unnamed ("نیروهایش را ... خارج کرد") it is the
    speaker's side, settled before the shared rules run so that they never hand
    the town to the side that left it.
    """
    catalogue = tools.actors
    named: list[tuple[int, Actor]] = []
    # "نیروهای دولتی", "نیروهای امنیتی": the state's forces named by common words
    state_words: list[tuple[int, Actor]] = []
    advancing: list[tuple[int, Actor]] = []
    for r in read:
        found = [a for a in catalogue.find(r.text, country=country) if not _paramilitary(r.text, a)]
        hits = sorted(found + more_forces(catalogue, r.text, found), key=lambda a: a.span.start)
        named += [
            (r.claim.sentence.index, hit.actor)
            for hit in hits
            # as the English reader: "the army" names a side only through the context
            if not hit.generic and not catalogue.is_generic(hit.actor)
        ]
        state_words += [
            (r.claim.sentence.index, hit.actor)
            for hit in hits
            if hit.generic and hit.actor.kind == "state forces"
        ]
        # "پیشروی روسیه", "حملات روسیه": a state named as who advances or attacks
        # stands for its forces (a gainer of last resort, as state words are)
        for adv in _STATE_ADVANCE.finditer(r.text):
            said = f"ارتش {adv.group('c')}"
            forces = catalogue.find(said)
            if (
                len(forces) == 1
                and not forces[0].generic
                and forces[0].span.end == len(said)
                and forces[0].actor.kind == "state forces"
            ):
                advancing.append((r.claim.sentence.index, forces[0].actor))

    def open_withdrawal(m: Mention) -> bool:
        return (
            m.actor1 is None
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and m.status in (Status.OCCURRED, Status.CLAIMED)
            and bool(_WITHDRAWAL_WORDS.search(m.trigger))
        )

    def speaker_side(m: Mention) -> Mention:
        if m.actor2 is not None or not m.claim.speaker or not open_withdrawal(m):
            return m
        said = catalogue.find(fold(m.claim.speaker).text, country=country)
        return replace(m, actor2=said[0].actor) if said else m

    def withdrawing_side(m: Mention) -> Mention:
        # "مخالفان ... از شش محله ... عقب‌نشینی کرده‌اند": the first side named before
        # the verb (past a speaker's colon) is who leaves; the shared rules below must
        # not hand the place to it as the side the sentence names most
        if m.actor2 is not None or not open_withdrawal(m) or _TRANSITIVE.search(m.trigger):
            return m  # "X شهر را از کنترل Y خارج کردند": X takes it out of Y's hands
        text = fold(m.evidence.text).text
        at = text.find(m.trigger)
        if at <= 0 or _RA.search(text, 0, at):
            return m
        start = text.rfind(":", 0, at) + 1
        found = [
            a
            for a in catalogue.find(text[start:at], country=country)
            if not _paramilitary(text[start:at], a)
        ]
        hits = sorted(
            found + more_forces(catalogue, text[start:at], found), key=lambda a: a.span.start
        )
        return replace(m, actor2=hits[0].actor) if hits else m

    mentions = [withdrawing_side(speaker_side(m)) for m in mentions]
    mentions = [_this_group(m, named, catalogue) for m in mentions]
    mentions = [_held_after_the_fall(m, mentions, catalogue) for m in mentions]
    # twice: a side the first pass finds for one telling of a change ("طالبان ...
    # حمله کرده بودند. مقام ولایت ... سقوط کرد") is the side of its other tellings
    for _ in range(2):
        mentions = common.infer_gaining_sides(
            mentions, named, side_of=catalogue.controller_of, kind_hint=_taker_kind
        )
    takers = [
        m.actor1
        for m in mentions
        if m.actor1 is not None
        and m.status in (Status.OCCURRED, Status.CLAIMED)
        and m.sub_event_type in TERRITORY_SUB_TYPES
    ]
    out: list[Mention] = []
    for m in mentions:
        if not open_withdrawal(m):
            out.append(m)
            continue
        loser = m.actor2
        side = catalogue.controller_of(loser) if loser is not None else None
        gainer = next((a for a in takers if catalogue.controller_of(a) != side), None)
        if gainer is None and loser is not None:
            here = m.claim.sentence.index
            others = [
                (abs(n - here) + (0.5 if n < here else 0), a)
                for n, a in named
                if catalogue.controller_of(a) != side
            ]
            if not others and loser.kind != "state forces":
                # "طالبان ... مجبور به عقب‌نشینی شد ... پیشروی نیروهای دولتی": a group
                # leaving no side named takes leaves it to the state forces the report
                # names by common words
                others = [
                    (abs(n - here) + (0.5 if n < here else 0), a)
                    for n, a in state_words
                    if catalogue.controller_of(a) != side
                ]
            if not others:
                # "نیروهای اوکراینی از X عقب نشستند ... پیشروی روسیه": the state whose
                # advance the report tells
                others = [
                    (abs(n - here) + (0.5 if n < here else 0), a)
                    for n, a in advancing
                    if catalogue.controller_of(a) != side
                ]
            gainer = min(others, key=lambda x: x[0])[1] if others else None
        if gainer is None and loser is not None:
            gainer = _invader_taking(catalogue, m, loser)
        out.append(replace(m, actor1=gainer) if gainer else m)
    if any(o is not m and o.actor1 is not None for o, m in zip(out, mentions, strict=True)):
        # a withdrawal's gainer is the side of the change's other tellings too: "UAE-
        # backed forces took control of Ataq" (a headline naming no known actor), then
        # "... the units opposing them withdrew from Ataq" (whose gainer is the STC)
        out = common.infer_gaining_sides(
            out, named, side_of=catalogue.controller_of, kind_hint=_taker_kind
        )
    return out


# "افراد این گروه", "جنگجویان همین گروه": a group named before, as the subject (not
# "مواضع این گروه", "از این گروه": its positions, from it)
_THIS_GROUP_SUBJECT = re.compile(
    r"(?<![\w\u200c])(?<!از[\s\u200c])(?<!با[\s\u200c])(?<!بر[\s\u200c])(?<!علیه[\s\u200c])"
    r"(?<!مواضع[\s\u200c])(?<!مقر[\s\u200c])(?:این|همین)[\s\u200c]+گروه(?![\w\u200c])"
    r"(?![\s\u200c]*را(?![\w\u200c]))"
)


def _this_group(m: Mention, named: list[tuple[int, Actor]], catalogue: ActorDictionary) -> Mention:
    """A takeover whose subject is "this group" goes to the group the report named last.

    "نیروهای افغان ورسج را از طالبان پس گرفتند. افراد این گروه دیروز کنترل شهر
    تالقان را از نیروهای افغان گرفتند": Persian news refers back to the Taliban, IS
    or a rebel front as "این گروه"; the taker is the last armed group (not state
    forces, not the side that lost the place) named in the sentences before.
    """
    if (
        m.actor1 is not None
        or m.sub_event_type not in TERRITORY_SUB_TYPES
        or m.status not in (Status.OCCURRED, Status.CLAIMED)
        or _WITHDRAWAL_WORDS.search(m.trigger)
    ):
        return m
    text = fold(m.evidence.text).text
    at = text.find(m.trigger)
    if at <= 0 or not _THIS_GROUP_SUBJECT.search(text, _clause_start(text, at), at):
        return m
    lost = catalogue.controller_of(m.actor2) if m.actor2 is not None else None
    here = m.claim.sentence.index
    groups = [
        a
        for n, a in named
        if n < here and a.kind != "state forces" and catalogue.controller_of(a) != lost
    ]
    return replace(m, actor1=groups[-1]) if groups else m


def _invader_taking(catalogue: ActorDictionary, m: Mention, loser: Actor) -> Actor | None:
    """The gainer of a town a state's own forces left when the report names no other side.

    "نیروهای اوکراینی از شهر پوکروفسک عقب‌نشینی کردند" names only who left; a
    country's own army leaving one of its towns leaves it to the country's one
    invader, when it has one (:func:`sitrep.resolve.actors.sole_invader`: Russia's
    forces in Ukraine). A country with no invader, or several, gives none: who took
    a town the Syrian or Afghan army left is not told by the country.
    """
    if loser.kind != "state forces" or m.place is None:
        return None
    home = m.place.place.country
    invader = sole_invader(home) if loser.country == home else None
    if invader is None:
        return None
    # the invader's army, as ACLED names a state's military ("Military Forces of Russia")
    return next(
        (
            a
            for a in catalogue
            if a.country == invader
            and a.kind == "state forces"
            and a.name.startswith("Military Forces of")
        ),
        None,
    )


def _references_follow(mentions: list[Mention], side_of: Callable[[Actor], str]) -> list[Mention]:
    """A reference back ("با ادامه پیشروی‌های خود") copies the changes told before as
    they stood when it was read; one whose taker the article gave only afterwards
    (a headline's "سقوط غزنی", taken by the Taliban in a later sentence) takes the
    one side the article's own tellings of that change give."""
    told: dict[int, set[str]] = {}
    first: dict[int, Actor] = {}
    for m in mentions:
        if (
            not m.reference
            and m.actor1 is not None
            and m.place is not None
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and m.status in (Status.OCCURRED, Status.CLAIMED)
        ):
            told.setdefault(m.place.place.id, set()).add(side_of(m.actor1))
            first.setdefault(m.place.place.id, m.actor1)
    out: list[Mention] = []
    for m in mentions:
        place = m.place.place.id if m.place is not None else None
        if (
            m.reference
            and m.actor1 is None
            and place is not None
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and len(told.get(place, set())) == 1
        ):
            m = common.with_gainer(m, first[place])
        out.append(m)
    return out


def _taker_kind(m: Mention) -> str | None:
    """The kind of taker a takeover's words tell when they name none: "تکریت به دست
    تروریست‌ها افتاد" (a rebel group), "به کنترل ارتش درآمد" (state forces)."""
    # the trigger's own words, else the first words of its clause (the subject):
    # the rest of the sentence also names who loses ("با خروج آخرین گروه از افراد
    # مسلح ... آزاد شد")
    kind = _subject_kind(fold(m.trigger).text)
    if kind is None:
        text = fold(m.claim.sentence.span.text).text
        at = text.find(fold(m.trigger).text)
        clause = _clause_start(text, at) if at > 0 else 0
        # "الجزیره نوشته است: گروه‌های شورشی ... مدعی شدند": the quote's subject
        colon = text.rfind(":", clause, at) if at > 0 else -1
        clause = colon + 1 if colon >= 0 else clause
        kind = _subject_kind(" ".join(text[clause:].split()[:3]))
    return kind


def _denied_back(read: list[_Sentence], mentions: list[Mention]) -> list[Mention]:
    """Takeovers that a later sentence of the report denies ("این ادعا را تکذیب کرد").

    "علی‌اف اعلام کرد که ارتش شهر جبرائیل را آزاد کرده است. وزارت دفاع ارمنستان
    این ادعا را تکذیب کرد": the report tells a claim and the other side's denial of
    it, so the town has not changed hands by this report: the takeovers of the two
    sentences before the denial, told by another source, become denied; in a long
    report, three ("اعلام کرد که ... تصرف کرده‌اند. او گفت ... به گفته او ... اما
    جبهه مقاومت این ادعا را تکذیب کرد").
    """
    denials = [
        r.claim
        for r in read
        if _DENY_VERB.search(r.text) and _DENY_BACK.search(r.text) and not r.headline
    ]
    # a bare denial names its own subject, so it is another side's word: it denies
    # the claim of the sentence right before it
    bare = [r.claim for r in read if _BARE_DENIAL.match(r.text) and not r.headline]
    if not denials and not bare:
        return mentions

    def denied(m: Mention) -> bool:
        return (
            m.sub_event_type in TERRITORY_SUB_TYPES
            and m.status in (Status.OCCURRED, Status.CLAIMED)
            and (
                any(
                    0 < d.sentence.index - m.claim.sentence.index <= 3
                    and d.speaker != m.claim.speaker
                    for d in denials
                )
                or any(d.sentence.index - m.claim.sentence.index == 1 for d in bare)
            )
        )

    return [replace(m, status=Status.DENIED) if denied(m) else m for m in mentions]


def _denied_alongside(mentions: list[Mention]) -> list[Mention]:
    """A takeover that the same sentence also denies is denied.

    "در حالی که برخی منابع از سقوط ولسوالی X خبر می‌دهند، مقامات محلی سقوط آن را
    رد می‌کنند": the sentence tells a report and its denial, so the place has not
    changed hands by it (the report alone would be a claim of a change).
    """
    denied = {
        (m.claim.sentence.index, m.place.place.id)
        for m in mentions
        if m.status is Status.DENIED and m.place and m.sub_event_type in TERRITORY_SUB_TYPES
    }
    if not denied:
        return mentions
    return [
        replace(m, status=Status.DENIED)
        if m.status in (Status.OCCURRED, Status.CLAIMED)
        and m.sub_event_type in TERRITORY_SUB_TYPES
        and m.place
        and (m.claim.sentence.index, m.place.place.id) in denied
        else m
        for m in mentions
    ]


def _claim_denied_later(mentions: list[Mention]) -> list[Mention]:
    """A side's claim of a takeover that a later sentence denies for the same place.

    "گروه‌های مسلح مدعی شدند که وارد شهر حلب شده‌اند ... منابع میدانی اعلام کردند
    که هنوز حلب سقوط نکرده است": the report tells a claim and its denial by other
    sources, so the place has not changed hands by it (a takeover told as fact is
    left to the rules above).
    """
    denials = [
        m
        for m in mentions
        if m.status is Status.DENIED and m.place and m.sub_event_type in TERRITORY_SUB_TYPES
    ]
    if not denials:
        return mentions

    def denied(m: Mention) -> bool:
        return (
            m.status is Status.CLAIMED
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and m.place is not None
            and any(
                d.place is not None
                and d.place.place.id == m.place.place.id
                and 0 < d.claim.sentence.index - m.claim.sentence.index <= 3
                # (a speaker the attribution did not name is another's word)
                and (d.claim.speaker is None or d.claim.speaker != m.claim.speaker)
                for d in denials
            )
        )

    return [replace(m, status=Status.DENIED) if denied(m) else m for m in mentions]


_ENTRY = re.compile(r"^وارد[\s\u200c]")
# "آنجا را" right before a verb: "there" as its object
_THERE_OBJECT = re.compile(r"(?<![\w\u200c])آن[\s\u200c]*جا[\s\u200c]+را[\s\u200c]*$")
_FIGHTING = re.compile(r"درگیری|نبرد|جنگ|مقابله|رویارویی")


def _entries_under_way(read: list[_Sentence], mentions: list[Mention]) -> list[Mention]:
    """An entry into a town ("طالبان از چند سو وارد شهر قندوز شدند") is no takeover
    where the report tells the entry as into part of the town ("وارد برخی
    ناحیه‌های شهر شدند") or the fighting as going on ("درگیری‌ها ادامه دارد" in a
    sentence naming no other place), unless it tells the town taken in other words."""

    def territory(m: Mention) -> bool:
        return m.sub_event_type in TERRITORY_SUB_TYPES and m.place is not None

    def entry(m: Mention) -> bool:
        return territory(m) and bool(_ENTRY.match(m.trigger))

    taken = {
        m.place.place.id
        for m in mentions
        if territory(m) and m.place and m.status is Status.OCCURRED and not entry(m)
    }
    partial = {
        m.place.place.id for m in mentions if entry(m) and m.place and m.status is Status.EXPECTED
    }
    fighting_in = [
        {p.match.place.id for p in r.places if p.kind is not PlacePrecision.COUNTRY}
        for r in read
        if _ONGOING.search(r.text) and _FIGHTING.search(r.text)
    ]
    out = []
    for m in mentions:
        if entry(m) and m.place and m.status is Status.OCCURRED:
            at = m.place.place.id
            if at not in taken and (at in partial or any(ids <= {at} for ids in fighting_in)):
                m = replace(m, status=Status.EXPECTED)
        out.append(m)
    return out


# claims said to be at odds, then spelled out after a semicolon or colon:
# "اظهارات متناقضی ... مطرح شد؛ جبهه مقاومت از ... خبر می‌داد و طالبان از تصرف کامل"
_AT_ODDS_LEAD = re.compile(
    r"(?<![\w\u200c])(?:ضد[\s\u200c]*و[\s\u200c]*نقیض|متناقض|متضاد)[^.!?؟]*[؛:][\s\u200c]*"
)


# "در پس‌گیری ولسوالی X، ۱۸ تن ... کشته شده‌اند": an event noun as the occasion of losses
_IN_THE_COURSE_OF = re.compile(
    r"(?<![\w\u200c])(?:در|طی|حین|هنگام|در[\s\u200c]+جریان|در[\s\u200c]+نتیجه)"
    r"(?:[\s\u200c]+(?:عملیات|نبرد|جنگ))?[\s\u200c]+$"
)
_LOSSES = re.compile(r"کشته|زخمی|جان[\s\u200c]*باخت|تلفات|شهید|مجروح")


def _losses_of_a_told_takeover(read: list[_Sentence], mentions: list[Mention]) -> list[Mention]:
    """``mentions`` less a takeover named as the occasion of losses, with no side of
    its own, where the report told that place's takeover before with its side.

    "نیروهای امنیتی ... کنترل ولسوالی X را دوباره به اختیار گرفتند" then "در پس‌گیری
    ولسوالی X، ۱۸ تن ... کشته شده‌اند": the second tells the cost of the first, not a
    second change of hands with no gainer."""
    by_index = {r.claim.sentence.index: r for r in read}
    sided: dict[int | None, int] = {}
    for m in mentions:
        if (
            m.sub_event_type in TERRITORY_SUB_TYPES
            and m.actor1 is not None
            and m.status in (Status.OCCURRED, Status.CLAIMED)
            and not m.reference
        ):
            key = common.place_id(m)
            sided[key] = min(sided.get(key, m.claim.sentence.index), m.claim.sentence.index)
    out = []
    for m in mentions:
        here = by_index.get(m.claim.sentence.index)
        key = common.place_id(m)
        if (
            here is not None
            and m.sub_event_type in TERRITORY_SUB_TYPES
            and m.actor1 is None
            and not m.reference
            and key is not None
            and sided.get(key, m.claim.sentence.index) < m.claim.sentence.index
        ):
            at = here.text.find(m.trigger)
            if (
                at > 0
                and _IN_THE_COURSE_OF.search(here.text, 0, at)
                and _LOSSES.search(here.text, at)
            ):
                continue
        out.append(m)
    return out


def _claims_at_odds(read: list[_Sentence], mentions: list[Mention]) -> list[Mention]:
    """A takeover told as one of the claims a report calls at odds is in dispute.

    "هفته گذشته اظهارات متناقضی از سوی دو طرف مطرح شد؛ جبهه مقاومت از تسلط خود
    بر پنجشیر خبر می‌داد و طالبان از تصرف کامل": the report spells out what each
    side said after announcing that the two disagree (in the sentence before, ended
    by the semicolon, or earlier in the same sentence before a colon); neither claim
    is told as what happened.
    """
    by_index = {r.claim.sentence.index: r for r in read}
    out = []
    for m in mentions:
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.status in (
            Status.OCCURRED,
            Status.CLAIMED,
        ):
            here = by_index.get(m.claim.sentence.index)
            before = by_index.get(m.claim.sentence.index - 1)
            at = here.text.find(m.trigger) if here is not None else -1
            led = (
                before is not None
                and (odds := _AT_ODDS_LEAD.search(before.text)) is not None
                and odds.end() == len(before.text)
            ) or (
                here is not None and at > 0 and _AT_ODDS_LEAD.search(here.text, 0, at) is not None
            )
            if led:
                m = replace(m, status=Status.EXPECTED)
        out.append(m)
    return out


def _retold_recalls(read: list[_Sentence], mentions: list[Mention]) -> list[Mention]:
    """A takeover told again with no time of its own is still the recalled one.

    "ساکنان الفاشر که پس از سقوط شهر به دست نیروهای پشتیبانی سریع در پاییز امسال
    گریختند ... نیروهای پشتیبانی سریع الفاشر را پس از ۱۸ ماه محاصره تصرف کردند":
    the second sentence retells the fall the first recalls as background (same
    place, same taker), and borrows its date; it is no new takeover. A sentence
    that dates the takeover itself tells news of its own and is left alone."""

    own_dates = {r.claim.sentence.index for r in read if any(d.relation == "at" for d in r.dates)}

    def territory(m: Mention) -> bool:
        return (
            m.sub_event_type in TERRITORY_SUB_TYPES and m.place is not None and m.actor1 is not None
        )

    # only a recall the report dates ("در تابستان گذشته") is one the report looks back
    # on: "شادی مردم بعد از آزادسازی شهر" names the takeover as the time of something
    # else, and the sentence that then tells the takeover tells the news itself
    recalled = [
        m
        for m in mentions
        if territory(m)
        and m.status is Status.BACKGROUND
        and m.time is not None
        and not m.time.inferred
    ]
    out = []
    for m in mentions:
        if (
            territory(m)
            and m.status in (Status.OCCURRED, Status.CLAIMED)
            and m.claim.sentence.index not in own_dates
            and any(
                b.claim.sentence.index < m.claim.sentence.index
                and b.place is not None
                and m.place is not None
                and b.place.place.id == m.place.place.id
                and b.actor1 == m.actor1
                for b in recalled
            )
        ):
            m = replace(m, status=Status.BACKGROUND)
        out.append(m)
    return out


def _repelled(mentions: list[Mention], side_of: Callable[[Actor], str]) -> list[Mention]:
    """Expulsions that end an attack: "طالبان ... وارد بخش‌هایی از شهر شدند ...
    نیروهای امنیتی طالبان را از شهر بیرون راندند" is an attack beaten back, not
    a town retaken: the side driven out never held it, by this report (it only
    attacked it or entered part of it). Such an expulsion is a clash at the town."""

    def by(side: Actor, place: int, n: Mention) -> bool:
        return (
            n.actor1 is not None
            and side_of(n.actor1) == side_of(side)
            and n.place is not None
            and n.place.place.id == place
        )

    out: list[Mention] = []
    for m in mentions:
        expelled = m.actor2
        if (
            m.sub_event_type in TERRITORY_SUB_TYPES
            and m.status in (Status.OCCURRED, Status.CLAIMED)
            and expelled is not None
            and m.place is not None
            and _EXPULSION.search(fold(m.trigger).text)
        ):
            place = m.place.place.id
            theirs = [n for n in mentions if n is not m and by(expelled, place, n)]
            attacked = any(
                (n.sub_event_type in TERRITORY_SUB_TYPES and n.status is Status.EXPECTED)
                or n.sub_event_type == "Armed clash"
                for n in theirs
            )
            held = any(
                n.sub_event_type in TERRITORY_SUB_TYPES
                and n.status in (Status.OCCURRED, Status.CLAIMED, Status.BACKGROUND)
                for n in theirs
            )
            if attacked and not held:
                m = replace(m, event_type="Battles", sub_event_type="Armed clash")
        out.append(m)
    return out


def _is_headline(text: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` is the article's title line: the first
    line, short, ending without a full stop where the line ends."""
    line_end = text.find("\n")
    if line_end < 0 or text[:start].strip() or end - start > 160:
        return False
    head = text[start:line_end].strip()
    return bool(head) and text[start:end].strip() == head and not head.endswith((".", "؟", "!"))


def _pluperfect(triggers: list[FaTriggerMatch]) -> bool:
    """Whether every verb trigger of a sentence is pluperfect ("کرده بود", "گرفته بودند")."""
    verbs = [t.verb for t in triggers if t.verb]
    return bool(verbs) and all(re.search(r"ه[\s\u200c]*بود", v) for v in verbs)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    line = 0
    for n, s in enumerate(starts):
        if s > offset:
            break
        line = n
    return line


class _Reader:
    """Per-article reading state around the extractor's resources."""

    def __init__(
        self, extractor: common.ReadingTools, ctx: common.ArticleContext, *, names_towns: bool
    ) -> None:
        self.extractor = extractor
        self.ctx = ctx
        # whether the article names a place below a country anywhere (see _targets)
        self.names_towns = names_towns
        # the district named as one last, in an earlier sentence: "این ولسوالی"
        self.last_district: PlaceMatch | None = None

    # -- per sentence -------------------------------------------------------

    def sentence_mentions(
        self, s: _Sentence, triggers: list[FaTriggerMatch], paragraph_date: TimeRef | None
    ) -> list[Mention]:
        places = [p.match for p in s.places]
        country = common.sentence_country(places, self.ctx)
        actors = [
            self._this_country(s.text, a)
            for a in self.extractor.actors.find(s.text, country=country)
            # "دریای آزوف": a sea's name, not the Azov brigade
            if not NATURAL_FEATURE.search(s.text, 0, a.span.start)
            # "خطاب به ساکنان": whom a speaker addresses takes no part in the event
            and not _ADDRESSED.search(s.text, max(0, a.span.start - 12), a.span.start)
            and not _paramilitary(s.text, a)
        ]
        actors = sorted(
            actors + more_forces(self.extractor.actors, s.text, actors), key=lambda a: a.span.start
        )
        # an actor's word inside a longer place name is the place's ("دولت آباد" is
        # Dowlatabad, not "the government")
        actors = [
            a
            for a in actors
            if not any(
                p.start <= a.span.start
                and a.span.end <= p.end
                and p.end - p.start > a.span.end - a.span.start
                for p in s.places
            )
        ]
        # a place inside an actor's name is the actor's ("دولت سوریه", "دولت دمشق")
        kept_places = [
            p
            for p in s.places
            if not any(a.span.start <= p.start and p.end <= a.span.end for a in actors)
        ]
        speaker = _speaker_span(s)
        targets = [
            p
            for p in kept_places
            if not is_reference_point(s.text, p, s.places)
            and not (speaker and speaker[0] <= p.start < speaker[1])
            # "آخرین شهر عراق": the country of an unnamed town, not the town
            and not (
                p.kind is PlacePrecision.COUNTRY
                and (
                    _TOWN_OF.search(s.text, 0, p.start)
                    or _NOUN_IN_COUNTRY.search(s.text, max(0, p.start - 70), p.start)
                )
            )
            # "عضو شورای ولایتی غزنی", "فرمانده پولیس قندوز": whose officials speak
            and not _AFFILIATION_BEFORE.search(s.text, max(0, p.start - 40), p.start)
            # "درباره مناقشه قره باغ", "بحران سوریه": the dispute talked of, not a place
            and not _DISPUTE_OF.search(s.text, max(0, p.start - 30), p.start)
        ]
        # who holds a place ("تحت اشغال داعش بود") loses it to another trigger's agent;
        # who a place passes to ("به کنترل ارتش سوریه در آمد") does not
        holders = [
            t.who for t in triggers if t.who is not None and t.trigger.family is Family.CONTROL
        ]
        families = {t.trigger.family for t in triggers}
        triggers = [
            t
            for t in triggers
            # "با پشتیبانی جنگنده‌های روسی": support of the event the sentence tells
            if not (
                t.trigger.family in _SUPPORT_FAMILIES and _SUPPORT_BEFORE.search(s.text, 0, t.start)
            )
            # "خودروی بمب‌گذاری‌شده انتحاری": a suicide bombing, not a second explosion
            and not (t.trigger.family is Family.IED and Family.SUICIDE in families)
            # "پیش از جنگ": the war as a time that dates something else
            and not (t.text == "جنگ" and _WAR_AS_TIME.search(s.text, 0, t.start))
            # "بدون درگیری به دست طالبان افتاد": the manner of a takeover another verb tells
            and not (_manner_only(t) and any(_territory_verb(o) for o in triggers if o is not t))
        ]
        order = sorted(
            triggers, key=lambda t: (common.FAMILY_PRIORITY[t.trigger.family], -t.trigger.weight)
        )
        out = common.strongest_per_place(
            (
                trig.trigger.family,
                self._trigger_mentions(s, trig, actors, targets, paragraph_date, holders),
            )
            for trig in order
        )
        self.ctx.remember(out)
        return out

    def _trigger_mentions(
        self,
        s: _Sentence,
        trig: FaTriggerMatch,
        actors: list[ActorMatch],
        places: list[FoundPlace],
        paragraph_date: TimeRef | None,
        holders: list[tuple[int, int]],
    ) -> list[Mention]:
        family = trig.trigger.family
        text = s.text
        claim = s.claim
        status = _status(family, trig, claim, text)
        named_here = places  # every place the sentence names, before any is set aside
        if family is Family.TAKE:
            # "از آخرین مواضع خود در استان حماه بیرون راندند": where the positions lay;
            # "پالایشگاه نفت لیسیچانسک، معدن X و روستای Y را": a facility's town
            places = [
                p
                for p in places
                if not _POSITIONS_IN.search(text, max(0, p.start - 60), p.start)
                and not (
                    # in the object of this verb only ("پس از فرود در فرودگاه خارطوم
                    # اعلام کرد که پایتخت ... پس گرفته شد" still names the town)
                    _clause_start(text, trig.start) <= p.start < trig.start
                    and _FACILITY_NAMED_BY.search(text, max(0, p.start - 40), p.start)
                )
            ]
        if (
            trig.trigger.withdrawal
            and _FORCED_TO.search(text, _clause_start(text, trig.start), trig.start)
            and _ATTACK_STOPPED.search(text, 0, trig.start)
        ):
            # "جلوی حمله داعش را گرفتند و آنها را مجبور به عقب‌نشینی کردند": the
            # attackers driven back leave no town; the defenders hold what they held
            return []
        capital = _capital_holder(text, trig)
        if capital is not None:
            # "از تسلط مسکو بر شهر X": the capital is its state, the holder
            places = [p for p in places if not capital[0] <= p.start < capital[1]]

        time = _pick_date(s, trig, family)
        ctx = self.ctx
        if family in (Family.TAKE, Family.HANDOVER) and status is Status.OCCURRED:
            time = _past_year(time, ctx.published)
        history = time is not None and common.is_history(
            time, ctx.published, days=self.extractor.config.history_days
        )
        if history and family is not Family.CONTROL:
            return []  # ۱۹۱۶ is history, not news of this report
        if family is Family.CONTROL:
            status = Status.BACKGROUND
        elif time is None:
            time, status = common.context_time(ctx, claim, paragraph_date, status)
        if status is Status.OCCURRED and _since_only(s, trig, ctx.published, family):
            # "از سال ۲۰۱۴ ... را تصرف کرده بود", "نبرد از خرداد آغاز شده بود": a past
            # state of affairs the report recalls
            status = Status.BACKGROUND
        if family in (Family.TAKE, Family.HANDOVER):
            status = _territory_status(s, trig, status, time, ctx.published)

        if _is_reference(trig, text, places) or (
            status is Status.OCCURRED
            and trig.noun
            and not trig.trigger.withdrawal
            and _OF_THIS_TOWN.match(text, trig.end)
        ):
            # "تصرف این شهر موجب نگرانی شد": the capture of the town told before, as
            # having happened, whatever place "این شهر" resolves to (an operation to
            # take it, "عملیات آزادسازی این شهر ... آغاز خواهد شد", stays its own)
            return self._references(s, trig, status)

        agent, loser, assoc = self._roles(s, trig, actors, family, holders)
        if capital is not None and agent is None:
            state = self.extractor.actors.find(f"ارتش {_CAPITALS[text[capital[0] : capital[1]]]}")
            agent = next((f.actor for f in state if f.actor.kind == "state forces"), None)
        if family is Family.CONTROL and _ATTRIBUTIVE_HEAD.search(text, 0, trig.start):
            # "مناطق تحت کنترل دولت را به مرکز محدود می‌کند": the areas a side holds,
            # unnamed; not a holding of a town the sentence names elsewhere
            return []
        if family is Family.CONTROL:
            held_by = {a.actor.id for a in actors if not a.generic and _in_who(a, trig)}
            if not trig.who:
                held_by = {a.actor.id for a in actors if not a.generic}
            if len(held_by) > 1:
                return []  # divided between two holders: contested, no controller
            if agent is None:
                return []

        if family is Family.HANDOVER and _THING_OBJECT.search(
            text, _clause_start(text, trig.start), trig.start
        ):
            return []  # weapons, bodies or prisoners handed over: no place changes hands
        facility = (
            _FACILITY_OBJECT.search(text, _clause_start(text, trig.start), trig.start)
            if family in (Family.TAKE, Family.HANDOVER)
            else None
        )
        if facility is not None and not _TOWNS_LISTED_BEFORE.search(
            text, _clause_start(text, trig.start), facility.start()
        ):
            # "گذرگاه رفح را تصرف کرد": a crossing or an airport, not the town ("کنترل
            # شهرهای X و Y، سد Z ... را": the towns listed before the dam are taken too)
            return []
        if family is Family.TAKE and (
            (trig.noun and _ROAD_AFTER_NOUN.match(text, trig.end))
            or (
                not trig.noun
                and _ROAD_OBJECT.search(text, _clause_start(text, trig.start), trig.start)
            )
        ):
            # "جاده مرج السلطان ـ حوش النوله را آزاد کرد", "از آزادسازی جاده ... خبر
            # داد": a road cleared, not the towns it joins
            return []
        if family is Family.TAKE and _aircraft_down(text, trig, places):
            return []  # "هواپیمای ... در شمال مسکو سقوط کرد": a crash, not a fall
        if family is Family.TAKE and trig.trigger.passive and not trig.noun:
            # "زندانیان از این زندان آزاد شدند": people set free, no place freed (a
            # place the sentence names after them would be the subject)
            freed = list(_FREED_PEOPLE.finditer(text, _clause_start(text, trig.start), trig.start))
            if freed and not any(freed[-1].end() <= p.start < trig.start for p in places):
                return []
        posts = (
            _POSTS_SUBJECT.search(text, _clause_start(text, trig.start), trig.start)
            if family is Family.TAKE and not trig.noun
            else None
        )
        if posts is not None and not (
            _RA.search(text, posts.start(), trig.start)
            and any(
                re.fullmatch(
                    r"[\s\u200c]*[،,][\s\u200c]*(?:آخرین|مهم‌ترین|مهمترین)?[\s\u200c]*",
                    text[p.end : posts.start()],
                )
                for p in places
                if p.end <= posts.start()
            )
        ):
            # "شماری از پوسته‌های پولیس سقوط کردند": posts fell, not the district (a
            # base marked by "را" is an object: "شهر راوه، آخرین پایگاه داعش را آزاد کرد")
            return []
        if (
            family is Family.TAKE
            and _ENTRY.match(trig.text)
            and _INFLICTED_BEFORE.search(text, _clause_start(text, trig.start), trig.start)
        ):
            return []  # "تلفاتی به هر دو جانب وارد شد": losses inflicted, nothing entered
        if family in (Family.TAKE, Family.HANDOVER) and _PART_OF_THIS_TOWN.search(
            text, _clause_start(text, trig.start), trig.start
        ):
            # "بخش‌هایی از این شهر را تصرف کردند", "چند محله در این شهر را": parts of
            # the town told before, not the town
            return []
        if (
            trig.trigger.withdrawal
            and trig.noun
            and _SOME_OF.match(text, trig.end)
            and not _WHOLLY.search(text, trig.end, trig.end + 80)
        ):
            return []  # "موجب عقب‌نشینی شماری از جنگجویان شد": some fighters pulled back
        if family is Family.TAKE and _BRIEFLY.search(
            text, _clause_start(text, trig.start), trig.start
        ):
            # "میدان‌های شهر را برای ساعاتی تصرف کردند": held for a while, then lost
            # or left; no change of hands
            return []
        if (
            family in (Family.TAKE, Family.HANDOVER)
            and not trig.noun
            and _AREA_OBJECT.search(text, _clause_start(text, trig.start), trig.start)
        ):
            return []  # "هزار کیلومتر مربع از شمال استان X را ... درآوردند": an area gained
        if family in (Family.TAKE, Family.HANDOVER) and trig.noun:
            # "تسلط گروه X بر میدان اصلی حلب": a square or quarter of the town, not the town
            part = _PART_AFTER_NOUN.match(text, trig.end)
            if part and not any(trig.end <= p.start < part.end() for p in places):
                places = [p for p in places if p.start < trig.start]
                if not places:
                    return []
        if family in (Family.TAKE, Family.HANDOVER) and trig.noun:
            # "آزادسازی چند منطقه دیگر ... در منطقه قره باغ": a tally after the noun
            # is what was freed; a place "در" locates it and was not freed whole
            tally = _NOUN_TALLY.match(text, trig.end)
            if tally:
                places = [
                    p
                    for p in places
                    if p.start < trig.start or not _IN_BEFORE.search(text, tally.end(), p.start)
                ]
                if not places:
                    return []
        if family is Family.TAKE:
            # "برخی از مناطق مهم در مرکز شهر فراه را سقوط داده‌اند": parts of the
            # town, the object of "را", were taken, not the town
            whole = [p for p in places if not _in_parts_object(text, p, trig.start)]
            if places and not whole:
                return []
            places = whole
        if family is Family.TAKE and trig.noun and _NOUN_PARTS.match(text, trig.end):
            # "با آزادسازی بخش‌های وسیعی از شرق شهر حلب": parts of the town were freed
            return []
        if family is Family.TAKE and trig.noun and _PLURAL_AFTER.match(text, trig.end):
            # "پیروزی‌های پی در پی ارتش سوریه ... در جنوب استان حلب": victories in the
            # plural are many unnamed gains where the place lies, no takeover of it
            return []
        if family in (Family.TAKE, Family.HANDOVER):
            # "تنها شهرستان‌های X و Y در کنترل دولت است و بقیه شهرستان‌های آن توسط
            # طالبان سقوط کرده": the rest, which the sentence does not name, fell; the
            # places named before "بقیه" are the ones that did not
            rest = _REST_OF.search(text, max(0, trig.start - 60), trig.start)
            if rest:
                places = [
                    p
                    for p in places
                    if p.start >= rest.end()
                    and p.kind not in (PlacePrecision.ADMIN1, PlacePrecision.COUNTRY)
                ]
                if not places:
                    return []
            # "توانسته‌اند بخش‌هایی از دو ولایت را تصرف کنند": parts of places the object
            # does not name (the provinces told before) were taken, none whole
            parts = _UNNAMED_PARTS_OBJECT.search(text, _clause_start(text, trig.start), trig.start)
            if parts and not any(parts.start() <= p.start < parts.end() for p in places):
                return []
        if family in (Family.TAKE, Family.HANDOVER) and not trig.noun:
            # "کنترل 29 منطقه مسکونی خرسون ... تصرف کرده است": the places taken are a
            # tally the sentence does not name; a place after it is their region,
            # one before it (another clause's "منطقه خرسون") no place taken
            opened = max(
                _clause_start(text, trig.start),
                max((m.end() for m in _OWN_CLAUSE_OPEN.finditer(text, 0, trig.start)), default=0),
            )
            counted = _TALLY_OF_SETTLEMENTS.search(text, opened, trig.start)
            if counted and not any(
                counted.end() <= p.start < trig.start and _LISTED_AFTER.match(text, p.end)
                for p in places
            ):
                # a town listed with the tally ("شهر X و ۱۲ روستا را") was taken too
                places = [
                    p
                    for p in places
                    if p.start >= trig.start or _LISTED_WITH.fullmatch(text, p.end, counted.start())
                ]
                if not places:
                    return []
        if family in (Family.TAKE, Family.HANDOVER) and not trig.noun:
            # "ده‌ها روستا و منطقه را آزاد کردند": a tally of places the sentence does
            # not name is the object; a town named before it in the clause (the
            # operation's) is not what was taken
            tally = _QUANTIFIED_OBJECT.search(text, _clause_start(text, trig.start), trig.start)
            if tally:
                # "چند شهرک و روستا را از نیروهای ارمنستان در قره باغ پس گرفتند": a
                # place "در" locates after the tally is where the places taken lie
                places = [
                    p
                    for p in places
                    if (
                        p.start >= tally.start()
                        # "شهر X و ۱۲ روستا را": a town listed with the tally
                        or _LISTED_WITH.fullmatch(text, p.end, tally.start())
                    )
                    and not (
                        p.start >= tally.end() and _IN_BEFORE.search(text, tally.end(), p.start)
                    )
                ]
                if not places:
                    return []
            # "۱۳ شهرستان در استان‌های بدخشان، تخار و قندهار ... افتاد": the provinces
            # where unnamed districts lie; "بخش‌های مهمی را در شهر فراه تصرف کنند":
            # the town where parts were taken. Neither is the place taken.
            for located in (
                _TALLY_IN_PROVINCES.search(text, _clause_start(text, trig.start), trig.start),
                _TALLY_OBJECT_IN.search(text, _clause_start(text, trig.start), trig.start),
                _PARTS_IN.search(text, _clause_start(text, trig.start), trig.start),
            ):
                if located:
                    places = [p for p in places if not located.end() <= p.start < trig.start]
                    if not places:
                        return []

        if family in (Family.TAKE, Family.HANDOVER):
            # "کمتر از یک‌سوم خاک این کشور را در دست دارد": a share of a country's land
            # someone holds, not the country taken
            held = [
                p
                for p in places
                if not (
                    p.kind is PlacePrecision.COUNTRY
                    and _SHARE_OF_LAND.search(text, max(0, p.start - 50), p.start)
                )
            ]
            if places and not held:
                return []
            places = held
        if family in (Family.TAKE, Family.HANDOVER):
            # "بر منطقه X در کردفان شمالی مسلط شدند", "شهرک‌های «X»، «Y» را در استان حلب",
            # "عقب‌نشینی از حومه «X» ... در دونتسک": a settlement named by a name the
            # gazetteer does not know, in a province; the province only says where it
            # lies and was not taken whole (the settlement follows an event noun, or
            # stands before the verb)
            kept = [
                p
                for p in places
                if not (
                    (
                        unknown := _SETTLEMENT_NAMED_IN.search(
                            text,
                            max(_clause_start(text, p.start), trig.end if trig.noun else 0),
                            p.start,
                        )
                    )
                    is not None
                    and (trig.noun or p.start < trig.start)
                    # a province by its kind, or by the word before it ("استان حلب")
                    and (
                        p.kind in (PlacePrecision.ADMIN1, PlacePrecision.COUNTRY)
                        or unknown.group("province") is not None
                        or unknown.group("near") is not None
                    )
                    and not any(unknown.start() <= q.start < p.start for q in named_here)
                )
            ]
            if places and not kept:
                return []
            places = kept
        if family in (Family.TAKE, Family.HANDOVER):
            # "۹ شهرستان بدخشان ... سقوط کرده", "شمار ولسوالی‌های سقوط کرده تخار": the
            # province where districts the sentence does not name lie
            of_province = [
                p
                for p in places
                if p.kind is PlacePrecision.ADMIN1
                and _TALLY_OF_PROVINCE.search(text, max(0, p.start - 40), p.start)
            ]
            if places and len(of_province) == len(places):
                return []
            places = [p for p in places if p not in of_province]
        if family in (Family.TAKE, Family.HANDOVER):
            # "جدایی‌طلبان جمهوری خودخوانده مردم دونتسک ... شهر را تصرف کرده‌اند": a
            # town named in a state's name is not the town taken
            named = [
                p
                for p in places
                if not _REPUBLIC_OF.search(text, 0, p.start)
                and not _dateline(text, p)
                and not (p.kind is PlacePrecision.COUNTRY and _FLAG_OF.search(text, 0, p.start))
            ]
            if places and not named:
                return []
            places = named
            # "یک مقر ارتش پامیر افغانستان به تصرف طالبان درآمد": the country whose
            # army (or corps) a base belongs to is not the place taken
            named = [
                p
                for p in places
                if not (
                    p.kind is PlacePrecision.COUNTRY
                    and (
                        _ARMY_OF.search(text, 0, p.start)
                        or _FORCES_OF.search(text, 0, p.start)
                        # "کاخ ریاست جمهوری یمن", "وزارت امور داخله افغانستان": the state
                        # a palace, a building or a ministry belongs to
                        or _STATE_BODY_OF.search(text, 0, p.start)
                    )
                )
            ]
            if places and not named:
                return []
            places = named
            # "از تصرف بزرگترین شهر کورسک خبر داد": the largest town of a place is
            # another town in it, whatever the place's kind (Kursk the region, not its city)
            named = [p for p in places if not _RANKED_TOWN_OF.search(text, 0, p.start)]
            if places and not named:
                return []
            places = named
        if family in (Family.TAKE, Family.HANDOVER):
            # "شهر مهم قره باغ", "یک شهر راهبردی استان ادلب": an unnamed town of the
            # region or province named, which was not taken whole
            named = [
                p
                for p in places
                if not (p.kind in _NO_ENTRY_KINDS and _TOWN_OF_REGION.search(text, 0, p.start))
            ]
            if places and not named:
                return []
            places = named
        if family in (Family.TAKE, Family.HANDOVER):
            # "پالایشگاه بیجی", "فرودگاه شبرغان": a town named only as a facility's
            # is not the place taken (nor told taken)
            towns = [p for p in places if not _facility_taken(text, p, trig)]
            if places and not towns:
                return []
            places = towns
        if (
            trig.trigger.passive
            and trig.verb is not None
            and re.fullmatch(r"شده", trig.verb)
            and _ATTRIBUTIVE_HEAD.search(text, 0, trig.start)
        ):
            # "مناطق اشغال شده توسط داعش": the occupied areas, a state, not a taking
            return []
        if trig.trigger.place_object:
            # "منبج را از نیروهای کرد گرفتند": only the object of "را" is taken
            places = [p for p in places if p.end <= trig.start and _object_of_ra(text, p, places)]
            if not places:
                return []
        if family in (Family.TAKE, Family.HANDOVER) and places:
            # "چند روستای اطراف زنگیلان و جبرائیل": villages around towns, not the towns
            places = _not_surroundings(text, places)
            if not places:
                return []
        if trig.noun and trig.trigger.reference and _ADVANCE.match(trig.text):
            # "موفق به پیشروی در عدن شدند", "به پیشروی‌های خود ... در شرق تلعفر ادامه
            # دادند": an advance within a place (or towards it) takes no place
            places = [
                p
                for p in places
                if not (p.start > trig.end and _IN_BEFORE.search(text, trig.end, p.start))
            ]
            if not places:
                return []
        if trig.trigger.withdrawal:
            # "به پایگاه هوایی شیندند عقب‌نشینی کرده‌اند": where they withdrew to is
            # not the place they left; nor is an operation's target ("در عملیات
            # آزادسازی موصل ... وادار به عقب‌نشینی کرده است")
            left = [
                p
                for p in _not_destinations(text, places)
                if not _OPERATION_FOR.search(text, 0, p.start)
            ]
            if places and not left:
                return []
            places = left
            # "نیروهای دولتی در کابل از چهارده ولسوالی ... خارج شدند": a tally of
            # unnamed districts or posts was left, not the town or province named
            if _FROM_TALLY.search(text, _clause_start(text, trig.start), trig.start):
                return []
        if family in (Family.TAKE, Family.HANDOVER) and not trig.noun:
            # "شهر فراه هم سقوط کرد، شهر هرات در محاصره طالبان": the verb's subject or
            # object comes before it; a town past a comma after it is another clause's
            ahead = [p for p in places if p.end <= trig.start]
            later = [
                p
                for p in places
                if p.start >= trig.end and _CLAUSE_BREAK.search(text, trig.end, p.start)
            ]
            if ahead and later:
                places = [p for p in places if p not in later]
        targets = self._targets(s, trig, places, agent, family)
        if not targets:
            return []
        if (
            family in (Family.TAKE, Family.HANDOVER)
            and all(t.place.kind is PlacePrecision.COUNTRY for t in targets)
            and _QUANTIFIED_PLACES.search(text, 0, trig.start)
        ):
            return []  # "طالبان دهها ولسوالی را تصرف کرده‌اند": a tally, not one takeover
        if trig.trigger.weight < 0.5 and not (agent and targets[0].matched_text):
            return []  # "وارد ... شدند", "پیشروی": only with a known actor and a named place
        if trig.trigger.weight < 0.5 and _LOSSES_RIGHT_BEFORE.search(text, 0, trig.start):
            # "به طالبان تلفاتی وارد شده است": losses inflicted, nobody entered
            return []
        if _IN_NOUN_BEFORE.search(text, max(0, trig.start - 40), trig.start) and "شده" in trig.text:
            # "در حال مین‌روبی در این منطقه تصرف‌شده است": a participle describing the
            # noun governed by "در" (the captured area), not a passive verb
            return []
        if (
            trig.trigger.weight < 0.5
            and "وارد" in trig.text
            and _OFFICIALS.search(text, _clause_start(text, trig.start), trig.start)
            and not _FORCE_WORDS.search(text, _clause_start(text, trig.start), trig.start)
        ):
            # "نخست‌وزیر عراق همراه با شماری از وزیران وارد شهر موصل شد": officials
            # visiting a town, no forces taking it
            return []
        if (
            trig.trigger.weight < 0.5
            and "وارد" in trig.text
            and _REINFORCEMENTS.search(text, _clause_start(text, trig.start), trig.start)
        ):
            # "نیروها و تجهیزات جدیدی برای کمک به ارتش وارد عدن شدند": reinforcements
            # arriving in a town their side holds or fights for, not a town taken
            return []
        if (
            trig.noun
            and not trig.trigger.withdrawal
            and _ORDERED.search(text, max(0, trig.start - 30), trig.start)
        ):
            # "فرمان آزادسازی تلعفر را صادر کرد": an order for an operation, no event yet
            # (an order to withdraw is told as the withdrawal: "دستور خروج یگان‌هایش")
            return []
        if trig.trigger.weight < 0.5 and _FROM_AXIS.search(text, max(0, trig.start - 30), trig.end):
            # "صبح امروز از محور غربی وارد تلعفر شدند": forces entering by one front of
            # an assault, not a town taken
            return []
        if (
            family is Family.TAKE
            and trig.trigger.weight < 0.5
            and (
                _INTO_SOIL.match(trig.text) or all(t.place.kind in _NO_ENTRY_KINDS for t in targets)
            )
        ):
            # "وارد خاک روسیه در استان کورسک شدند": an incursion across a border or
            # into a province, not a town taken
            return []
        if (
            family not in (Family.TAKE, Family.HANDOVER, Family.CONTROL)
            and all(t.place.kind is PlacePrecision.COUNTRY for t in targets)
            and agent is None
        ):
            return []  # a fight somewhere in a country, by no one named: too vague to code

        return common.place_mentions(
            claim,
            targets,
            agent=agent,
            loser=loser,
            assoc=assoc,
            # each country's forces, when coordinated places split the event; never
            # the side losing them ("الرستن و تلبیسه از کنترل ارتش خارج شد")
            country_agent=lambda iso3: self._actor_for_country(actors, iso3, text, not_=loser),
            trigger_start=s.original_offset(trig.start),
            trigger_text=trig.text,
            weight=trig.trigger.weight,
            family=family,
            status=status,
            time=time,
            subject_kind=_subject_kind(text[: trig.start]),
        )

    # -- references back to events told earlier -----------------------------------

    def _references(self, s: _Sentence, trig: FaTriggerMatch, status: Status) -> list[Mention]:
        if status is not Status.OCCURRED:
            return []
        return common.reference_mentions(
            s.claim,
            s.original_offset(trig.start),
            trig.text,
            self.ctx.occurred,
            plural=bool(_PLURAL.search(trig.text)),
        )

    # -- roles ----------------------------------------------------------------------

    def _roles(
        self,
        s: _Sentence,
        trig: FaTriggerMatch,
        matches: list[ActorMatch],
        family: Family,
        holders: list[tuple[int, int]],
    ) -> tuple[Actor | None, Actor | None, list[Actor]]:
        """(agent, other side, associated actors) for a trigger, from Persian markers."""
        text = s.text
        if trig.noun and s.claim.speaker:
            # "حزب‌الله ... پیروزی در البوکمال را تبریک گفت": who speaks of an event
            # named by a noun is not thereby its agent
            speaker = fold(s.claim.speaker).text
            matches = [m for m in matches if m.span.text not in speaker]
        agent_side: list[ActorMatch] = []
        if trig.who is not None:
            lo, hi = trig.who
            agent_side = [m for m in matches if lo <= m.span.start < hi]
        elif trig.noun:
            # "جنگنده‌های روسی": the actor's name holds the trigger word
            agent_side = [m for m in matches if m.span.start < trig.end and trig.start < m.span.end]
        marks = {id(m): _mark(text, m, trig, family, holders) for m in matches}
        # "به دست مخالفان دولت افتاد": the state the takers oppose is in their phrase,
        # but it is the side that loses
        opposed = [
            m
            for m in agent_side
            if _OPPONENTS_OF.search(text, max(0, m.span.start - 45), m.span.start)
        ]
        if opposed and len(opposed) < len(agent_side):
            agent_side = [m for m in agent_side if m not in opposed]
        for prev, m in zip(matches, matches[1:], strict=False):
            if _APPOSITION.fullmatch(text, prev.span.end, m.span.start):
                # "دولت اسلامی (داعش)": a name in brackets is the actor just named
                marks[id(m)] = marks[id(prev)]
        loser_side = [m for m in matches if marks[id(m)] == "loser" and m not in agent_side]
        support = [m for m in matches if marks[id(m)] == "support" and m not in agent_side]
        if trig.who is None:
            agent_side += [m for m in matches if marks[id(m)] == "agent" and m not in agent_side]
        if not agent_side and trig.who is None and not trig.trigger.passive:
            clause = _clause_start(text, trig.start)
            free = [m for m in matches if m.span.end <= trig.start and marks[id(m)] is None]
            agent_side = _nearest_group(text, [m for m in free if m.span.start >= clause] or free)
            if trig.noun and not agent_side:
                # "حملات هوایی ائتلاف": the possessor right after an event noun acts
                after = [
                    m
                    for m in matches
                    if m.span.start >= trig.end
                    and marks[id(m)] is None
                    and family not in (Family.TAKE, Family.HANDOVER)
                    and len(text[trig.end : m.span.start].split()) <= 2
                    and not re.search(r"[،,.؛]", text[trig.end : m.span.start])
                ]
                agent_side = after[:1]
        if not agent_side and trig.trigger.passive and s.claim.speaker:
            # "ارتش سوریه اعلام کرد دیرالزور آزاد شد": the speaker did it
            found = self.extractor.actors.find(s.claim.speaker)
            # "ذبیح‌الله مجاهد، سخنگوی طالبان: ولسوالی X تصفیه گردید": a group's too
            agent_side = [f for f in found if f.actor.kind in ("state forces", "rebel group")][:1]
        if (
            not agent_side
            and (trig.trigger.passive or trig.trigger.announced)
            and family is Family.TAKE
        ):
            # "وزارت دفاع روسیه اعلام کرد ... ماریوپل آزاد شده است", "روسیه: ماریوپل
            # آزاد شد": a state's ministry or the state announcing its own forces' gain
            # "الهام علی‌اف، رئیس‌جمهوری آذربایجان، اعلام کرد": the first word that
            # names a state (not the speaker's first name)
            # (an announcement's "خبر داد" follows its noun: "روسیه از تصرف X خبر داد")
            agent_side = self._named_state_forces(
                _STATE_SPEAKER,
                text,
                trig.start if not trig.trigger.announced else len(text),
                before=trig.start,
            )
        if not agent_side and family is Family.TAKE:
            # "العبادی صدراعظم عراق بیرق کشور را در فلوجه برافراشت که ... آزاد گردید":
            # a state's head of government or state before the change stands for its forces
            agent_side = self._named_state_forces(_HEAD_OF_STATE, text, trig.start)
        if trig.trigger.withdrawal:
            held = [m for m in loser_side if _HELD_BY.search(text, 0, m.span.start)]
            marked = [m for m in matches if marks[id(m)] == "agent"]
            from_holder = bool(
                _FROM_HOLDER.search(text, _clause_start(text, trig.start), trig.start)
            )
            if _takes_out(text, trig):
                # "ارتش سوریه التل را از تسلط تروریست‌ها خارج کرد": the subject takes it
                loser_side, agent_side = held, agent_side or marked
            elif _EMPTIED_OF_FOES.search(text, _clause_start(text, trig.start), trig.end):
                # "ارتش سوریه: شهر X از تروریست‌ها تخلیه شد": emptied of the foes of
                # the side that says so (the speaker's side, found above, gains it)
                loser_side = held
            elif _FORCED_TO.search(text, _clause_start(text, trig.start), trig.start):
                # "حشد الشعبی عناصر داعش را وادار به عقب‌نشینی کرد": the object forced
                # out loses the place, the subject that forces it gains it
                forced = [m for m in loser_side if _OBJECT_AFTER.match(text, m.span.end)]
                loser_side = forced or loser_side
                agent_side = [m for m in agent_side if m not in loser_side]
            else:
                # "عدن از دست انصارالله خارج شد": the place leaves the holder's hands
                # (the subject is the place); "پیشمرگه از کرکوک عقب‌نشینی کردند": who
                # withdraws is the side that loses
                loser_side = held if from_holder else agent_side + loser_side
                agent_side = marked
                if marked and not [m for m in loser_side if m not in marked]:
                    # the side pressed out (its driver marked as the agent): the actors
                    # named before the verb that nothing marks
                    free = [m for m in matches if m.span.end <= trig.start and marks[id(m)] is None]
                    loser_side = _nearest_group(text, free)
                if trig.noun and not loser_side:
                    # "عقب‌نشینی طالبان از قلعه زال": the noun's possessor withdraws
                    loser_side = [
                        m
                        for m in matches
                        if m.span.start >= trig.end
                        and marks[id(m)] is None
                        and _POSSESSOR_GAP.fullmatch(text, trig.end, m.span.start)
                    ][:1]
        agents = common.unique([m.actor for m in agent_side])
        losers = common.unique([m.actor for m in loser_side if m.actor not in agents])
        supporters = common.unique([m.actor for m in support if m.actor not in agents])
        agent = common.primary(agents)
        if (
            agent is None
            and family in (Family.TAKE, Family.HANDOVER)
            and not (trig.trigger.passive or trig.noun or trig.trigger.withdrawal)
            and not _subject_kind(text[: trig.start])
            # "افراد این گروه ... گرفتند": no dropped subject, a group named before
            # (see _this_group)
            and not _THIS_GROUP_SUBJECT.search(text, 0, trig.start)
        ):
            agent = self.ctx.last_agent  # a dropped subject: the last agent told
        loser = common.primary(losers)
        if family is Family.CLASH and loser is None and len(agents) > 1:
            loser = agents[-1]  # "درگیری نیروهای عراقی و پیشمرگه": two sides
            agents = agents[:-1]
            agent = common.primary(agents)
        assoc = [a for a in agents if a != agent] + [a for a in supporters if a != agent]
        return agent, loser, assoc

    def _named_state_forces(
        self, pattern: re.Pattern[str], text: str, end: int, before: int | None = None
    ) -> list[ActorMatch]:
        """The forces of the first state ``pattern`` names (its group ``c``, a country or
        its capital) before ``end`` (the name itself before ``before``, when given):
        ``[match]``, or ``[]`` when none is a state."""
        for named in pattern.finditer(text, 0, end):
            if before is not None and named.start("c") >= before:
                break
            country = _CAPITALS.get(named.group("c"), named.group("c"))
            found = self.extractor.actors.find(f"ارتش {country}")
            forces = [f for f in found if f.actor.kind == "state forces"][:1]
            if forces:
                return forces
        return []

    def _this_country(self, text: str, m: ActorMatch) -> ActorMatch:
        """ "اردوغان، رئیس‌جمهور ترکیه، ... ارتش این کشور": the forces of the country the
        sentence named before, not of the country the report is about."""
        if not (
            m.generic
            and m.actor.kind == "state forces"
            and _THIS_COUNTRY_AFTER.match(text, m.span.end)
        ):
            return m
        for word in reversed(text[: m.span.start].split()):
            found = self.extractor.actors.find(f"ارتش {word.strip('،,:')}")
            if found and found[0].actor.kind == "state forces" and found[0].actor.country:
                return replace(m, actor=found[0].actor, generic=False)
        return m

    def _actor_for_country(
        self, matches: list[ActorMatch], iso3: str, text: str, *, not_: Actor | None = None
    ) -> Actor | None:
        for m in matches:
            if m.actor.country == iso3 and m.actor.kind == "state forces" and m.actor != not_:
                return m.actor
        # "دولت‌های سوریه و عراق": each country's state forces
        if _STATE_PLURAL.search(text):
            found = self.extractor.actors.find("نیروهای دولتی", country=iso3)
            if found:
                return found[0].actor
        return None

    # -- places ---------------------------------------------------------------------

    def _targets(
        self,
        s: _Sentence,
        trig: FaTriggerMatch,
        places: list[FoundPlace],
        agent: Actor | None,
        family: Family,
    ) -> list[PlaceMatch]:
        """The place(s) an event happened at: coordinated cities split into one each."""
        text = s.text
        ctx = self.ctx
        # "«اوبه» در هرات و «لاش جوین» در استان فراه": where each quoted district lies;
        # "ولسوالی یفتل پایین در ولایت بدخشان": a district's province locates it
        locators = [
            p
            for p in places
            if _LOCATES_QUOTED.search(text, max(0, p.start - 20), p.start)
            or (
                p.kind is PlacePrecision.ADMIN1
                and any(
                    d.district and _IN_ITS_PROVINCE.fullmatch(text, d.end, p.start) for d in places
                )
            )
        ]
        if locators and len(locators) < len(places):
            places = [p for p in places if p not in locators]
        # "ولسوالی‌های سید کرم، احمدآباد، روحانی بابا، جانی‌خیل و دندپتان پکتیا، ولسوالی
        # خنجان بغلان ...": each district (or town) of a list after a plural head, past
        # names left unfound, the provinces that locate them and the head said again
        in_list = _district_list(
            text,
            [
                p
                for p in places
                if p.district
                or p.kind is PlacePrecision.ADMIN2
                or (
                    p.kind is PlacePrecision.CITY
                    and not any(
                        d.district
                        and d.end <= p.start
                        # "خنجان بغلان", "گیلان در غزنی": the town names the province
                        and (
                            _IN_PROVINCE_GAP.fullmatch(text[d.end : p.start])
                            or _IN_ITS_PROVINCE.fullmatch(text, d.end, p.start)
                        )
                        for d in places
                    )
                    # "... و فیروز در سمنگان": where an item of the list lies
                    and not _LOCATED_IN.search(text, 0, p.start)
                )
            ],
        )
        if len(in_list) > 1 and not trig.noun:
            return [p.match for p in in_list]
        # "ولسوالی‌های بنو، پل حصار و ده صلاح بغلان": after a list of districts the
        # name locates them (their province), even when the districts go unfound
        listed = [p for p in places if _AFTER_DISTRICT_LIST.search(text, 0, p.start)]
        if listed:
            places = [p for p in places if p not in listed and p.district]
            if not places:
                return []
        # "شهرستان شیندند هرات", "ولسوالی خلم بلخ": a town named right after a
        # district is its province (by its seat's name), which locates the district
        cities = [
            p
            for p in places
            if p.kind is PlacePrecision.CITY
            and not any(
                d.district
                and d.end <= p.start
                and _IN_PROVINCE_GAP.fullmatch(text[d.end : p.start])
                for d in places
            )
        ]
        specific = [
            p
            for p in places
            if p.kind is not PlacePrecision.COUNTRY
            and (p.kind is not PlacePrecision.CITY or p in cities)
        ]
        if (
            len(cities) > 1
            and coordinated(text, cities)
            # "از اشغال دو شهر X و Y خبر دادند": an announced taking of each town listed
            and (not trig.noun or trig.trigger.announced)
        ):
            return [p.match for p in cities]
        # "پس از آزادسازی X ...، شهرک‌های Y، Z و W": the list after a plural head
        # ends the cities, and each of it is a place of the event
        ending = coordinated_tail(text, cities)
        if 1 < len(ending) < len(cities) and not trig.noun:
            earlier = cities[len(cities) - len(ending) - 1]
            if _PLURAL_HEAD.search(text, earlier.end, ending[0].start):
                return [p.match for p in ending]
        # "ولسوالی‌های دشت ارچی و خان‌آباد کندز": each district of the list, not the
        # province or town named after them
        districts = [p for p in places if p.district]
        if len(districts) > 1 and coordinated(text, districts) and not trig.noun:
            return [p.match for p in districts]
        if len(districts) > 1 and _THESE_DISTRICTS.search(text, 0, trig.start):
            # "از شهرستان‌های «تولک» در استان غور و «لاش جوین» ... عقب‌نشینی کرده‌اند و
            # مراکز این شهرستان‌ها به دست طالبان افتاده است": each district listed
            return [p.match for p in districts]
        ana = anaphor(text)
        if ana is not None and _FACILITY_BEFORE.search(text, max(0, ana.start - 40), ana.start):
            # "یک ساختمان دولتی آن شهر را تصرف کرده‌اند": a building of the town told
            # before, not the town
            ana = None
            if not cities:
                return []
        if (
            ana is not None
            and _SURROUNDINGS_OF.search(text, 0, ana.start)
            and any(_clause_start(text, ana.start) <= c.start < ana.start for c in cities)
        ):
            # "شهر «X» و کوه‌های اطراف این شهر را ... بازپس گیرند": "this town" is the
            # town the clause named just before, whose surroundings were taken with it
            ana = None
        if (
            cities
            and ana is not None
            and ctx.last_city is not None
            and ana.end <= trig.start
            and _OBJECT_AFTER.match(text, ana.end)
            and not any(_OBJECT_AFTER.match(text, c.end) for c in cities)
        ):
            # "به ولادیمیر پوتین گزارش داد که ... کنترل کامل این شهر را به دست
            # گرفته‌اند": the object is the town told before, not a town the
            # sentence names in passing
            last = ctx.last_city
            return [PlaceMatch(last.place, last.matched_text, None, 0.6)]
        if trig.noun and family in (Family.TAKE, Family.HANDOVER):
            # "با سقوط ولسوالی مالستان از ولسوالی‌های غزنی": the district right after
            # the event noun is what fell, not the town named as where it lies
            after = [p for p in places if p.start >= trig.end and p.start - trig.end <= 40]
            if after and after[0].district:
                return [after[0].match]
        there = None if trig.noun else _THERE_OBJECT.search(text, 0, trig.start)
        if there is not None:
            # "وارد ولسوالی ورسج شدند و آنجا را تصرف کردند": "there" is the place
            # named last before it, not a town told earlier in the sentence
            named_before = [p for p in specific if p.end <= there.start()]
            if named_before:
                return [_qualified(text, named_before[-1], specific).match]
        if not trig.noun and _ENTRY.match(trig.text):
            # "پس از عقب‌نشینی از شهر تالقان وارد ولسوالی ورسج شدند": the place inside
            # an entry is the one entered, not a town named before as where they left
            entered = [p for p in specific if trig.start <= p.start and p.end <= trig.end]
            if entered:
                return [_qualified(text, entered[0], specific).match]
        if cities and not trig.noun and family in (Family.TAKE, Family.HANDOVER):
            ahead = [p for p in specific if p.end <= trig.start]
            if ahead and all(c.start >= trig.end for c in cities):
                # "مرکز ولایت جوزجان ... به تصرف طالبان درآمده حال آنکه ... قندوز": the
                # verb's object comes before it; a town in a later clause is not taken
                return [_choose(text, trig, ahead).match]
        if cities:
            return [_choose(text, trig, cities).match]
        if ana is not None and ctx.last_city is not None:
            last = ctx.last_city
            return [PlaceMatch(last.place, last.matched_text, None, 0.6)]
        if (
            family in (Family.TAKE, Family.HANDOVER)
            and not any(p.kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2) for p in specific)
            # an event noun names its place after it: "آزادسازی مرکز شهرستان «X»"
            and _unknown_district(
                text, s.places, min(len(text), trig.end + 40) if trig.noun else trig.start
            )
        ):
            # "کنترل ولسوالی تاله و برفک ولایت بغلان را": a district the gazetteer does
            # not know was taken, not its province or its country
            return []
        if specific:
            chosen = _choose(text, trig, specific)
            if (
                family in (Family.TAKE, Family.HANDOVER)
                and chosen.kind is PlacePrecision.ADMIN1
                and _unknown_district(text, s.places, chosen.start, right_before=True)
            ):
                # "از ولسوالی چهارچینه ولایت ارزگان عقب‌نشینی کردند": the unknown
                # district the province locates, not the province
                return []
            return [chosen.match]
        this_district = _DISTRICT_ANAPHOR.search(text, 0, trig.start)
        if this_district is not None:
            # "با حمله به ولسوالی تولک کنترل مرکز این ولسوالی را به دست گرفتند": the
            # district the sentence named (as where the attack went), never its country
            at = this_district.start()
            named = [p for p in s.places if p.district and p.end <= at]
            if named:
                return [named[-1].match]
            # "طالبان ... کنترل این ولسوالی را به دست داشت، اما مجبور به عقب‌نشینی
            # شد": the district an earlier sentence named, for a change told by a
            # word strong enough to carry it (not "سر راه پیشروی نیروها")
            before = self.last_district
            if before is None or trig.trigger.weight < 0.5 or _unknown_district(text, s.places, at):
                return []
            return [PlaceMatch(before.place, before.matched_text, None, 0.6)]
        country_word = THIS_COUNTRY.search(text)
        if country_word and (
            _TOWN_OF.search(text, 0, country_word.start())
            or _NOUN_IN_COUNTRY.search(
                text, max(0, country_word.start() - 70), country_word.start()
            )
        ):
            # "از یک شهر کلیدی در شرق این کشور خارج شدند": an unnamed town of the
            # country, not the country
            return []
        if country_word:
            # "its strongholds in this country": the agent's country, else the context's
            iso3 = agent.country if agent and agent.country else None
            iso3 = iso3 or common.sentence_country([], ctx)
            fallback = self._country_match(iso3, country_word.group()) if iso3 else None
            return [fallback] if fallback else []
        if (
            family in (Family.TAKE, Family.HANDOVER)
            and places
            and all(p.kind in (PlacePrecision.COUNTRY, PlacePrecision.ADMIN1) for p in places)
            and any(
                not any(p.start == h.end() for p in s.places)
                for h in _TOWN_NAME_HEAD.finditer(
                    text,
                    _clause_start(text, trig.start),
                    min(len(text), trig.end + 40) if trig.noun else trig.start,
                )
            )
        ):
            # "در شمال عراق شهر زمار را ... پس گرفتند": a town the gazetteer does not
            # know was taken, not the country or the province that locates it
            return []
        if places:
            return [p.match for p in places]
        if (
            agent is not None
            and trig.trigger.weight >= 0.7
            and family in common.ACTING_FAMILIES
            # a takeover in a report about named towns is of one of them, which the
            # sentence leaves open ("ساختمان ولسوالی ... به دست طالبان افتاده"): no
            # country-level takeover; a report naming no place has its country only
            and not (family in (Family.TAKE, Family.HANDOVER) and self.names_towns)
            # "دهمین ولایت افغانستان را", "شهر اودییفکا ... افتاد": an unnamed unit of
            # the country, or a town the gazetteer does not know, was taken
            and not (family in (Family.TAKE, Family.HANDOVER) and _unnamed_unit(text, s.places))
            # "بر بخش‌هایی از استان دیاله مسلط شدند": parts of a place the sentence
            # names, not a takeover of the country
            and not (
                family is Family.TAKE
                and _PART_HEAD.search(text, _clause_start(text, trig.start), trig.start)
            )
        ):
            iso3 = common.sentence_country([], ctx) or agent.country
            fallback = self._country_match(iso3, "") if iso3 else None
            return [fallback] if fallback else []
        return []

    def _country_match(self, iso3: str, text: str) -> PlaceMatch | None:
        try:
            return PlaceMatch(self.extractor.gazetteer.country(iso3), text, None, 0.5)
        except LookupFailed:
            return None


# -- helpers (pure functions over one folded sentence) --------------------------------


def _speaker_span(s: _Sentence) -> tuple[int, int] | None:
    """Where the claim's speaker is named in the folded sentence ("فرمانده عملیات غرب الانبار")."""
    if not s.claim.speaker:
        return None
    at = s.text.find(fold(s.claim.speaker).text)
    return (at, at + len(fold(s.claim.speaker).text)) if at >= 0 else None


# a state as who advances or attacks: "پیشروی روسیه", "حملات گسترده روسیه"
_STATE_ADVANCE = re.compile(
    r"(?<![\w\u200c])(?:پیشروی|پیش[\s\u200c]*روی|حمله|حملات|تهاجم|هجوم)(?:[\s\u200c]*(?:های|ها|ی))?"
    r"(?:[\s\u200c]+(?:گسترده|سنگین|تازه|جدید|بزرگ))?[\s\u200c]+(?P<c>[^\s\u200c،,.؛:«»()]{3,20})"
)
_FORCES_OF_THIS_COUNTRY = re.compile(
    r"(?<![\w\u200c])(?:نیروهای|نیروها|یگان‌های|سربازان)(?:[\s\u200c]+(?:مسلح|نظامی))?"
    r"[\s\u200c]+(?:این|همین)[\s\u200c]+کشور(?![\w\u200c])"
)
# A facility named after a town as the object of a takeover: "گذرگاه رفح را",
# "کنترل فرودگاه خارطوم را", "پادگان اردمته در دارفور را" (a garrison) (no town
# joins it: "شهر و فرودگاه X را", "فرودگاه و شهر X را" are the town too). Not
# "پل" (bridge): it begins town names ("پل خمری").
_FACILITY_OBJECT = re.compile(
    r"(?<![\w\u200c])(?<!و[\s\u200c])(?:گذرگاه|فرودگاه|پالایشگاه|نیروگاه|سد|زندان|بیمارستان|دانشگاه|پادگان"
    r"|میدان[\s\u200c]+(?:نفتی|گازی|هوایی))(?:[\s\u200c]+(?!و[\s\u200c]+(?:شهر|شهرک))[^\s،,.؛]+){1,8}?"
    r"[\s\u200c]+را(?![\w\u200c])[^،.؛]*$"
)
# towns listed ahead of a facility in one object: "کنترل شهرهای سنجار و زمار، سد موصل و
# دو میدان نفتی را"
_TOWNS_LISTED_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:شهرهای|شهرهایی|شهرها|شهرک[\s\u200c]*های|شهر|شهرک)[\s\u200c]+"
    r"(?!(?:را|و|که|از|به|در|این|آن)(?![\w\u200c]))[^،,.؛]+[،,]"
)
# a town's description between commas before "را": "شهر راوه، آخرین پایگاه داعش در
# عراق را", "ابوکمال، مهم‌ترین شهر مرزی را"
_APPOSED_TO_RA = re.compile(
    r"(?:[\s\u200c]*[،,][\s\u200c]*(?:(?:آخرین|مهم‌ترین|مهمترین|بزرگ‌ترین|بزرگترین|دومین|سومین)[\s\u200c]+)?"
    r"(?:پایگاه|سنگر|دژ|معقل|شهر|پایتخت|قلعه|مرکز|گذرگاه)"
    # "کنترل دمشق پایتخت سوریه را": a capital or seat apposed without a comma
    r"|[\s\u200c]+(?:پایتخت|مرکز))(?![\w\u200c])"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛()]+){1,6}?[\s\u200c]*[،,]?[\s\u200c]*را(?![\w\u200c])"
)
# "X را", and X with what only names or locates it before "را": "شهر ایزیوم در
# استان خارکیف را", "الحمدانیه (قره‌قوش) در جنوب شرق موصل را"
_LOCATED_OBJECT = re.compile(
    r"[\s\u200c]*(?:\([^()]{1,40}\)[\s\u200c]*)?"
    r"(?:[،,]?[\s\u200c]*(?:در|مرکز)[\s\u200c]+[^،,.؛()]{1,60}?[\s\u200c]*[،,]?)?"
    # "ولسوالی درزاب این ولایت را": the district of the province told before
    r"(?:[\s\u200c]+(?:این|همین)[\s\u200c]+(?:ولایت|استان|ایالت))?"
    r"[\s\u200c]*را(?![\w\u200c])"
)


# the rest of a list of quoted names up to the "را" that marks them all
_QUOTED_CHAIN_TO_RA = re.compile(
    r"[\s\u200c]*[»\"](?:[\s\u200c]*(?:[،,]|و(?:[\s\u200c]+نیز)?(?:[\s\u200c]+(?:قصبه|شهر|شهرک"
    r"|روستای|روستاهای|شهرهای))?)[\s\u200c]*[«\"][^«»\"]{1,30}[»\"])*[\s\u200c]+را[\s\u200c]"
)


def _object_of_ra(text: str, place: FoundPlace, places: list[FoundPlace]) -> bool:
    """Whether a place is the object that "را" marks: right before it, or followed
    only by another name of it in brackets or a locator whose places are no targets,
    or listed with such a place ("شهرهای الرستن و تلبیسه در شمال حمص را")."""
    m = _LOCATED_OBJECT.match(text, place.end)
    if m is not None and not any(place.end <= p.start < m.end() for p in places):
        return True
    if _QUOTED_CHAIN_TO_RA.match(text, place.end):
        return True  # "قصبه « هادروت » و نیز روستاهای «چایلی» ... و «سور» را"
    m = _APPOSED_TO_RA.match(text, place.end)
    if m is not None and all(
        p.kind in (PlacePrecision.COUNTRY, PlacePrecision.ADMIN1)
        for p in places
        if place.end <= p.start < m.end()
    ):
        return True  # "کل شهر راوه، آخرین پایگاه داعش در عراق را": what the town is
    following = [p for p in places if p.start >= place.end]
    return bool(
        following
        and _LIST_GAP.fullmatch(text, place.end, following[0].start)
        and _object_of_ra(text, following[0], places)
    )


# an entry into a country's soil or a province is no takeover of a place
# the subject of a fall that is a post or a base, not the district it lies in:
# "شماری از پوسته‌های پولیس سقوط کردند", "ده پوسته امنیتی سقوط کرده‌اند"
_POSTS_SUBJECT = re.compile(
    r"(?<![\w\u200c])(?:پوسته|پاسگاه|پایگاه|ایست[\s\u200c]+بازرسی|قرارگاه|سنگر|چک[\s\u200c]?پوینت)"
    r"(?:[\s\u200c]*(?:های|هایی|ها))?(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}?"
    # where the posts lie: "ده پوسته امنیتی در ولسوالی X سقوط کرده‌اند"
    r"(?:[\s\u200c]+در[\s\u200c]+[^،,.؛]{2,40}?)?[\s\u200c]+$"
)
# the object of "را" is something in or of the town told before: "بخش‌هایی از این
# شهر را", "چند محله در این شهر را" (the verb follows within a few words)
_PART_OF_THIS_TOWN = re.compile(
    r"(?<![\w\u200c])(?:از|در)[\s\u200c]+(?:این|آن|همین|همان)[\s\u200c]+(?:شهر|شهرک|ولسوالی|شهرستان)"
    r"[\s\u200c]+را(?![\w\u200c])[^،,.؛]{0,30}$"
)
# who withdrew is some of a side: "عقب‌نشینی شماری از تروریست‌ها"
_SOME_OF = re.compile(
    r"[\s\u200c]+(?:شماری|تعدادی|برخی|بخشی|گروهی|عده[\s\u200c]?ای)[\s\u200c]+از(?![\w\u200c])"
)
_WHOLLY = re.compile(r"کامل|همه|تمام")
# a town emptied of a side's foes: "از تروریست‌ها تخلیه شد", "از وجود افراد مسلح پاکسازی"
_EMPTIED_OF_FOES = re.compile(
    r"(?<![\w\u200c])از[\s\u200c]+(?:وجود[\s\u200c]+)?(?:تروریست|تکفیری|شورشی|مسلحین|افراد[\s\u200c]+مسلح"
    r"|عناصر|دشمن)[^،.؛]{0,40}?(?:تخلیه|پاکسازی|پاک[\s\u200c]+سازی)"
)
# losses or blows inflicted on someone ("... به X وارد شد"): "وارد" is not an entry
_INFLICTED_BEFORE = re.compile(rf"{_LOSS}[\s\u200c]+به[\s\u200c]+[^،.؛]{{0,40}}$")
# a town described, then the region or province it lies in: "شهر مهم قره باغ",
# "یک شهر راهبردی استان ادلب" (an adjective after the head: "شهر غزنی" is the town)
_TOWN_OF_REGION = re.compile(
    r"(?<![\w\u200c])(?:شهر|شهرک|ولسوالی|شهرستان)(?:[\s\u200c]+(?:مهم|راهبردی|استراتژیک|کلیدی|بزرگ"
    r"|مرزی|دیگر|دیگری))+[\s\u200c]+(?:(?:استان|ولایت|منطقه|ایالت)[\s\u200c]+)?$"
)
# the losses right before "وارد شد" (no receiver between: "تلفاتی سنگین وارد شد")
_LOSSES_RIGHT_BEFORE = re.compile(rf"{_LOSS}[\s\u200c]+$")
# a noun governed by "در" right before a participle: "در این منطقه تصرف‌شده"
_IN_NOUN_BEFORE = re.compile(
    r"(?<![\w\u200c])در[\s\u200c]+(?:(?:این|آن|همین|همان)[\s\u200c]+)?"
    r"(?:منطقه|مناطق|شهر|شهرها|شهرک|روستا|روستاهای|محله|محلات|اراضی|سرزمین|سرزمین[\s\u200c]*های)"
    r"[\s\u200c]*$"
)
# forces sent to help or new ones: "نیروهای جدید", "نیروها و تجهیزات جدیدی برای کمک به"
_REINFORCEMENTS = re.compile(
    r"(?<![\w\u200c])(?:(?:نیروها|نیروهای|تجهیزات)(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,3}?[\s\u200c]+"
    r"(?:جدید|جدیدی|کمکی|تازه[\s\u200c]*نفس|تقویتی)|نیروهای[\s\u200c]+کمکی"
    r"|برای[\s\u200c]+(?:کمک|تقویت|یاری)[\s\u200c]+به|تجهیزات[\s\u200c]+و[\s\u200c]+نیروهای)(?![\w\u200c])"
)
# an aircraft that comes down: "هواپیمای ... در شمال مسکو سقوط کرد", "سقوط یک بالگرد"
_AIRCRAFT = re.compile(
    r"(?<![\w\u200c])(?:هواپیما|هواپیمای|هواپیماهای|بالگرد|بالگردهای|هلیکوپتر|هلی[\s\u200c]?کوپتر"
    r"|پهپاد|پهپادهای|جنگنده|جنگنده[\s\u200c]*های|جت)(?:ی|[\s\u200c]?ای)?(?![\w\u200c])"
)
_AIRCRAFT_AFTER = re.compile(
    r"[\s\u200c]+(?:(?:یک|دو|سه|چند)[\s\u200c]+)?(?:فروند[\s\u200c]+)?" + _AIRCRAFT.pattern
)
# where the aircraft came down: "در شمال مسکو", "در نزدیکی شهر قندهار"
_LOCATIVE_BEFORE = re.compile(
    r"(?<![\w\u200c])در(?:[\s\u200c]+(?:شمال|جنوب|شرق|غرب|نزدیکی|حوالی|اطراف|حومه|آسمان)"
    r"(?:[\s\u200c]*(?:شرقی|غربی|شرق|غرب))?)?(?:[\s\u200c]+(?:شهر|شهرک|روستای|منطقه|استان|ولایت))?"
    r"[\s\u200c]*[«\"]?[\s\u200c]*$"
)
# positions a side held in a place: "از آخرین مواضع خود در استان غربی «حماه»"
_POSITIONS_IN = re.compile(
    r"(?<![\w\u200c])(?:مواضع|موضع|سنگرها|سنگرهای|مقرها|مقرهای|پایگاه[\s\u200c]*ها|پایگاه[\s\u200c]*های)"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,3}?[\s\u200c]+در"
    r"(?:[\s\u200c]+(?:استان|ولایت|شهر|شهرک|منطقه|شهرستان|ولسوالی))?"
    r"(?:[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی|غرب|شرق|شمال|جنوب))*[\s\u200c]*[«\"]?[\s\u200c]*$"
)
# a facility named by its town: "پالایشگاه نفت لیسیچانسک", "فرودگاه بین‌المللی X"
_FACILITY_NAMED_BY = re.compile(
    # (not "کنترل شهر و فرودگاه موصل را": the town and its airport, the town)
    r"(?<![\w\u200c])(?<!شهر\sو\s)(?<!شهرک\sو\s)(?:پالایشگاه|نیروگاه|معدن|کارخانه|فرودگاه|پادگان|زندان|بیمارستان|دانشگاه)"
    r"(?:[\s\u200c]+(?:نفت|گاز|برق|بین[\s\u200c]*المللی|نظامی|هوایی|مرکزی|اتمی|هسته[\s\u200c]*ای))?"
    r"[\s\u200c]+[«\"]?[\s\u200c]*$"
)
# a road as the object freed: "جاده مرج السلطان ـ حوش النوله ... را آزاد کرد"
_ROAD = r"(?:جاده|بزرگراه|آزادراه|اتوبان|شاهراه)"
_ROAD_OBJECT = re.compile(
    rf"(?<![\w\u200c]){_ROAD}(?![\w\u200c])"
    r"(?:[\s\u200c]+(?!(?:شهر|شهرک|روستای|قریه|ولسوالی|مرکز)(?![\w\u200c]))[^\s،,.؛]+){0,16}?"
    r"[\s\u200c]+را(?![\w\u200c])[^،.؛]*$"
)
_ROAD_AFTER_NOUN = re.compile(rf"[\s\u200c]+(?:کامل[\s\u200c]+)?{_ROAD}(?![\w\u200c])")
# officials who arrive in a town: "نخست‌وزیر عراق ... وارد موصل شد", "به همراه شماری از
# مقامات عراقی وارد این شهر شدند" (no forces with them)
_OFFICIALS = re.compile(
    r"(?<![\w\u200c])(?:نخست[\s\u200c]*وزیر|ر[ئی]یس[\s\u200c]?جمهور(?:ی)?|صدر[\s\u200c]*اعظم|وزیر|وزیران"
    r"|مقامات|مقام[\s\u200c]*های|مقام[\s\u200c]*ها|هیئت|هیأت|نمایندگان|خبرنگاران|امدادگران|بازرسان)"
    r"(?![\w\u200c])"
)
_FORCE_WORDS = re.compile(
    r"(?<![\w\u200c])(?:نیرو|نیروها|نیروهای|ارتش|جنگجویان|شبه[\s\u200c]*نظامیان|سربازان|رزمندگان"
    r"|عناصر|افراد[\s\u200c]+مسلح|یگان|یگان[\s\u200c]*های|ستون|کاروان)(?![\w\u200c])"
)
# an order for an operation: "فرمان آزادسازی", "دستور آغاز عملیات بازپس‌گیری"
_ORDERED = re.compile(
    r"(?<![\w\u200c])(?:فرمان|دستور)(?:[\s\u200c]+(?:آغاز|شروع))?(?:[\s\u200c]+عملیات)?[\s\u200c]+$"
)
_FROM_AXIS = re.compile(r"(?<![\w\u200c])از[\s\u200c]+(?:(?:چند|دو|سه)[\s\u200c]+)?محور")
# "X را وادار به عقب‌نشینی کردند", "مجبور به ترک": forced to withdraw
# an attack stopped or repelled: "جلوی حمله X را گرفتند", "حمله X را دفع کردند",
# "دفع حمله"
_ATTACK_STOPPED = re.compile(
    r"(?<![\w\u200c])(?:جلوی?[\s\u200c]+(?:حمله|حملات|یورش|پیشروی)[^،.؛]{0,80}?گرفت"
    r"|(?:حمله|حملات|یورش)[^،.؛]{0,60}?را[\s\u200c]+(?:دفع|خنثی|ناکام|عقب[\s\u200c]+زد)"
    r"|دفع[\s\u200c]+(?:حمله|حملات|یورش))"
)
_FORCED_TO = re.compile(r"(?<![\w\u200c])را[\s\u200c]+(?:وادار|مجبور)[\s\u200c]+به[\s\u200c]+$")
# "در عملیات آزادسازی موصل": the target of an operation, not where a withdrawal was
_OPERATION_FOR = re.compile(
    r"(?<![\w\u200c])عملیات[\s\u200c]+(?:آزاد[\s\u200c]?سازی|پاک[\s\u200c]?سازی|(?:باز[\s\u200c]?)?پس[\s\u200c]?گیری)"
    r"(?:[\s\u200c]+(?:شهر|شهرک|منطقه|غرب|شرق|شمال|جنوب))?[\s\u200c]+$"
)
_ARMY_OF = re.compile(
    r"(?<![\w\u200c])(?:مقر|پایگاه|قرارگاه|پادگان)[\s\u200c]+(?:[^\s\u200c،,.؛]+[\s\u200c]+){0,2}?"
    r"(?:ارتش|لشکر|قول[\s\u200c]?اردوی|اردوی|نیروهای)(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,2}?[\s\u200c]+$"
)
# "کاخ ریاست جمهوری یمن", "ساختمان پارلمان X", "وزارت امور داخله افغانستان",
# "سفارت آمریکا": a state named as the owner of a seat of power or a ministry
_STATE_BODY_OF = re.compile(
    r"(?<![\w\u200c])(?:کاخ|ساختمان|وزارت|سفارت|کنسولگری|پارلمان|مجلس)"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,3}?[\s\u200c]+$"
)
# "نیروهای داوطلب مردمی عراق": the country of forces described by it
_FORCES_OF = re.compile(
    r"(?<![\w\u200c])(?:نیروهای|نیروی|پلیس|بسیج)(?:[\s\u200c]+[^\s\u200c،,.؛]+){1,3}?[\s\u200c]+$"
)
_RANKED_TOWN_OF = re.compile(
    r"(?<![\w\u200c])(?:بزرگ[\s\u200c]?ترین|مهم[\s\u200c]?ترین|دومین|سومین)[\s\u200c]+"
    r"(?:شهر|شهرک)(?:[\s\u200c]+(?:بزرگ|مهم))?[\s\u200c]+(?:(?:استان|ولایت|منطقه|ایالت)[\s\u200c]+)?[«\"]?$"
)
# what presses a side out: "در برابر ضد حمله بزرگ نیروهای", "زیر فشار حملات ارتش"
_PRESSED_BY = re.compile(
    r"(?<![\w\u200c])(?:در[\s\u200c]+برابر|در[\s\u200c]+مقابل|زیر[\s\u200c]+فشار|تحت[\s\u200c]+فشار)"
    r"(?:[\s\u200c]+(?:یک[\s\u200c]+)?(?:ضد[\s\u200c]?حمله|حمله|حملات|پیشروی|فشار|هجوم)"
    r"(?:[\s\u200c]*(?:های|ها|ی))?)?(?:[\s\u200c]+(?:بزرگ|سنگین|گسترده|شدید|تازه|جدید))?"
    r"(?:[\s\u200c]+(?:نیروهای|ارتش|قوای))?[\s\u200c]*$"
)
_INTO_SOIL = re.compile(r"وارد[\s\u200c]+(?:خاک|قلمرو|مرز|مرزهای)(?![\w\u200c])")
_NO_ENTRY_KINDS = (PlacePrecision.COUNTRY, PlacePrecision.ADMIN1, PlacePrecision.REGION)
# driving a side out of a place: "بیرون راندند", "اخراج کردند", "عقب راندند"
_EXPULSION = re.compile(r"بیرون|اخراج|عقب[\s\u200c]+(?:راند|زد)")
_COORDINATED_FORCES = re.compile(
    r"(?<![\w\u200c])(?P<head>نیروهای|ارتش|ارتش‌های|سربازان)[\s\u200c]+[^\s،,.؛]+"
    r"[\s\u200c]+و[\s\u200c]+(?P<adj>[^\s،,.؛]+)"
)
# "این گروه", "همین گروه تروریستی", "این جنبش": a group told of before
_THIS_GROUP = re.compile(
    r"(?<![\w\u200c])(?:این|همین)[\s\u200c]+(?:گروه|جنبش)(?:[\s\u200c]+(?:تروریستی|شورشی|مسلح))?(?![\w\u200c])"
)
_THIS_COUNTRY_AFTER = re.compile(r"[\s\u200c]+(?:این|آن|همین)[\s\u200c]+کشور(?![\w\u200c])")
# what is handed over when it is no place: "سلاح‌های خود را به طالبان تحویل دادند"
_THING_OBJECT = re.compile(
    r"(?:سلاح|جنگ‌افزار|مهمات|تجهیزات|جسد|اجساد|جنازه|اسرا|اسیران|زندانیان|گروگان|پرونده|کلید)"
    r"[^\s]*(?:[\s\u200c]+[^\s]+){0,2}[\s\u200c]+را[\s\u200c]+(?:[^\s]+[\s\u200c]+){0,3}$"
)
# the destination of a withdrawal: "به پایگاه هوایی X", "به سوی X", "تا شهر X"
_DESTINATION = re.compile(
    r"(?<![\w\u200c])(?:به|تا)[\s\u200c]+(?:سوی[\s\u200c]+|سمت[\s\u200c]+)?"
    r"(?:(?:پایگاه|قرارگاه|مقر|پادگان|فرودگاه)(?:[\s\u200c]+(?:هوایی|نظامی))?[\s\u200c]+"
    r"|شهر[\s\u200c]+|شهرک[\s\u200c]+)?$"
)
# after a destination, a town joined to it is one too: "به سوی خان‌شیخون و ریف شمالی
# حماه" (the first town may be one the sentence's places no longer hold; a
# countryside word and a compass word may stand before the second name)
_DESTINATION_ALSO = re.compile(
    r"(?<![\w\u200c])(?:به|تا)[\s\u200c]+(?:سوی|سمت)[\s\u200c]+[^\s،,.؛]+(?:[\s\u200c]+[^\s،,.؛و]+)?"
    r"[\s\u200c]*(?:،|,|و)[\s\u200c]*(?:(?:ریف|حومه|اطراف|مناطق|منطقه)"
    r"(?:[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی))?[\s\u200c]+|شهر[\s\u200c]+)?$"
)


# the source of a withdrawal is a tally: "از چهارده ولسوالی", "از چندین پاسگاه"
_FROM_TALLY = re.compile(
    r"(?<![\w\u200c])از[\s\u200c]+(?:\d+|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده"
    r"|چهارده|پانزده|شانزده|هفده|هجده|نوزده|بیست|سی|چند|چندین|دهها|ده‌ها|صدها)"
    r"[\s\u200c]+(?:ولسوالی|شهرستان|منطقه|روستا|قریه|حوزه|پاسگاه|پوسته|پایگاه|مقر|ایست)"
    r"(?![\w\u200c])"
)


def _not_destinations(text: str, places: list[FoundPlace]) -> list[FoundPlace]:
    """A withdrawal's places less where the side withdrew to ("به پایگاه هوایی X",
    "به سوی X و ریف شمالی Y": each town of the list), before its verb or after it
    ("از شهر خارج شده و به سوی X ... عقب‌نشینی کرده‌اند": X is no town left)."""
    return [
        p
        for p in places
        if not (
            _DESTINATION.search(text, 0, p.start)
            or _DESTINATION_ALSO.search(text, max(0, p.start - 60), p.start)
        )
    ]


_AROUND = re.compile(
    r"(?:اطراف|حومه|نزدیکی|پیرامون|حوالی|حاشیه)(?:[\s\u200c]*(?:های|ها))?"
    # "در حومه جنوب شرقی ادلب", "به نزدیکی های شهر القصیر"
    r"(?:[\s\u200c]+(?:شمال|جنوب|شرق|غرب)(?:ی|[\s\u200c]+(?:شرقی|غربی))?)?"
    r"[\s\u200c]+(?:شهر[\s\u200c]+)?$"
    # "کنترل بیشتر شهرستان‌های هرات": most of the province's districts, not the city
    r"|(?:بیشتر|اکثر|برخی|چند|چندین|تعدادی[\s\u200c]+از|شماری[\s\u200c]+از|همه|تمام|تمامی)"
    r"[\s\u200c]+(?:شهرستان|ولسوالی|روستا|منطقه|بخش|محله)[\s\u200c]*(?:های|ها)[\s\u200c]+$"
    # "برخی مناطق شمالی حمص", "محلات شرقی حلب": some areas of the town, not the town
    r"|(?<![\w\u200c])(?:مناطق|محلات|نقاط|اراضی)(?:[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی|مرکزی))?"
    r"[\s\u200c]+$"
    # "محله‌های شهر دیرالزور", "محله‌های شرقی شهر X": some quarters of the town (all of
    # them are the town: "همه محله‌های شهر المیادین"; "محله‌های الفردوس" names the quarters)
    r"|(?<![\w\u200c])(?<!همه[\s\u200c])(?<!تمام[\s\u200c])(?<!تمامی[\s\u200c])(?<!کلیه[\s\u200c])"
    r"محله[\s\u200c]*(?:های|ها)(?:[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی|مرکزی))?[\s\u200c]+شهر[\s\u200c]+$"
    r"|(?<![\w\u200c])(?<!همه[\s\u200c])(?<!تمام[\s\u200c])(?<!تمامی[\s\u200c])(?<!کلیه[\s\u200c])"
    r"محله[\s\u200c]*(?:های|ها)[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی|مرکزی)[\s\u200c]+$"
)
_LIST_GAP = re.compile(r"[\s\u200c]*(?:،|,|و)[\s\u200c]*")


def _facility_taken(text: str, p: FoundPlace, trig: FaTriggerMatch) -> bool:
    """Whether a place is named only as the facility a verb takes ("پالایشگاه بیجی را
    ... درآوردند", "گذرگاه رفح تصرف شد"), not as where else the sentence goes
    ("پس از فرود در فرودگاه خارطوم اعلام کرد که پایتخت ... پس گرفته شده است")."""
    facility = _FACILITY_OF.search(text, 0, p.start)
    if p.end > trig.start or facility is None:
        return False
    if re.search(r"(?:شهر|شهرک)[\s\u200c]+و[\s\u200c]+$", text[: facility.start()]):
        return False  # "کنترل شهر و فرودگاه موصل": the town and its airport
    gap = text[p.end : trig.start]
    # "زندان قندهار درجنوب افغانستان به تصرف طالبان درآمد": where the facility lies
    # may stand between its name and the verb
    located = _LOCATOR_GAP.match(gap)
    limit = 20 + (located.end() if located else 0)
    return bool(_LOCATED_OBJECT.match(text, p.end)) or (
        len(gap) <= limit and not re.search(r"[،,.؛]", gap)
    )


_LOCATOR_GAP = re.compile(
    r"[\s\u200c]*در[\s\u200c]*(?:(?:جنوب|شمال|شرق|غرب|مرکز)(?:[\s\u200c]*(?:شرق|غرب|شرقی|غربی))?"
    r"[\s\u200c]*)?[^\s\u200c،,.؛]+"
)


def _not_surroundings(text: str, places: list[FoundPlace]) -> list[FoundPlace]:
    """Places less those named only as what surrounds the place taken ("اطراف X و Y")
    or as the whole some of whose parts were taken ("بیشتر شهرستان‌های X")."""
    kept: list[FoundPlace] = []
    dropped: FoundPlace | None = None
    for p in places:
        around = _AROUND.search(text, 0, p.start) or (
            dropped is not None and _LIST_GAP.fullmatch(text, dropped.end, p.start)
        )
        if around:
            dropped = p
        else:
            kept.append(p)
    return kept


def _in_who(a: ActorMatch, trig: FaTriggerMatch) -> bool:
    return trig.who is not None and trig.who[0] <= a.span.start < trig.who[1]


def _takes_out(text: str, trig: FaTriggerMatch) -> bool:
    """Whether a withdrawal verb is transitive after the holder ("ارتش سوریه التل را
    از تسلط تروریست‌ها خارج کرد"): the subject takes the place, nobody withdraws."""
    return bool(
        trig.trigger.withdrawal
        and _TRANSITIVE.search(trig.text)
        and _FROM_HOLDER.search(text, _clause_start(text, trig.start), trig.start)
    )


def _mark(
    text: str,
    m: ActorMatch,
    trig: FaTriggerMatch,
    family: Family,
    holders: list[tuple[int, int]],
) -> str | None:
    """What the words around an actor make of it: loser, support, agent, other or None."""
    before = text[max(0, m.span.start - 45) : m.span.start]
    if trig.who is None and any(lo <= m.span.start < hi for lo, hi in holders):
        # "شهر راوه را که تحت اشغال داعش بود ... آزاد کردند": the holder loses it
        return "loser" if family is Family.TAKE else "other"
    if m.span.end <= trig.start and _OBJECT_AFTER.match(text, m.span.end):
        return "loser"  # "نیروهای دولتی را از شهر بیرون راندند": the object
    if _SUPPORT_BEFORE.search(before):
        return "support"
    if _OPPONENTS_OF.search(before):
        # "مخالفان دولت افغانستان ... تصرف کردند": the opponents take it from the state
        return "loser" if family is Family.TAKE else "other"
    if family is Family.TAKE and m.span.end <= trig.start and _LOSSES_TO.search(before):
        # "شهر تدمر را پس از وارد آوردن تلفات سنگین به داعش آزاد کردند": the side
        # that suffered the losses lost the town
        return "loser"
    if family is Family.TAKE and _KILLED_OF.search(before):
        # "پس از درگیری‌های منجر به کشته شدن شماری از اعضای ارتش ... تحت کنترل در
        # آوردند": whose men were killed on the way is the side that lost the town
        return "loser"
    if _AGENT_BEFORE.search(before):
        if m.span.start >= trig.end and _CLAUSE_OPEN.search(text, trig.end, m.span.start):
            # "در پی سقوط غزنی به دست طالبان ... گفت که والی از سوی نیروهای امنیتی
            # بازداشت شده است": an agent past "که" is another verb's
            return "other"
        return "agent"
    if family is Family.TAKE and m.span.end <= trig.start and _EXPELLED_BEFORE.search(before):
        # "ارتش اعلام کرد با بیرون راندن نیروهای واکنش سریع از اطراف کاخ ... کنترل آن را
        # به دست گرفته است": the side driven out loses the place
        return "loser"
    if (
        family is Family.TAKE
        and trig.noun
        and m.span.end <= trig.start
        and _WITH_NOUN_GAP.fullmatch(text, m.span.end, trig.start)
        and _FLED_AFTER.match(text, trig.end)
    ):
        # "عناصر داعش با آزادسازی شهر ابوکمال ... فرار کرده‌اند": who flees as the
        # town is freed lost it
        return "loser"
    if trig.trigger.withdrawal and m.span.end <= trig.start and _PRESSED_BY.search(before):
        # "نیروهای روسی در برابر ضد حمله نیروهای اوکراینی از X عقب‌نشینی کردند": who
        # drives the withdrawal is the side that gains the town
        return "agent"
    lm = _LOSER_BEFORE.search(before)
    if lm and not _PARTITIVE.search(before):
        prep = lm.group("prep")
        # "به" and "با" mark the target of an attack, not who loses a town, unless
        # they follow a fight ("پس از درگیری با داعش ... وارد شهر شدند")
        if family is not Family.TAKE or prep not in ("به", "با", "بر") or _FIGHT.search(before):
            return "loser"
        if prep == "با" and _FOUGHT_AFTER.match(text, m.span.end):
            # "با عناصر داعش درگیر شدند و شهر الگرمه را آزاد کردند": who they fought
            return "loser"
    if (
        family is Family.TAKE
        and m.span.end <= trig.start
        and _LEAVING_BEFORE.search(text, _clause_start(text, m.span.start), m.span.start)
    ):
        # "پس از خروج آخرین دسته از افراد مسلح گروه «احرار الشام» ... وارد حرستا شدند":
        # the side leaving before an entry loses the town
        return "loser"
    if family is Family.TAKE and _DEFENDS_AFTER.match(text, m.span.end):
        # "سقوط شهر X، که نیروهای امنیتی متعهد به دفاع از آن شده بودند": who was to
        # defend the town lost it
        return "loser"
    if _TEMPORAL_BEFORE.search(before):
        return "other"  # "پیش از ورود نیروهای دولت": a time, not a participant
    if _STRONGHOLD_BEFORE.search(before):
        return "loser"
    if _DEFEAT_OF.search(before):
        return "loser"  # "برای شکست کامل داعش": the side defeated
    return None


# an actor told as the town's defender: "... متعهد به دفاع از آن شده بودند", "که از
# این شهر دفاع می‌کردند"
_DEFENDS_AFTER = re.compile(
    r"[\s\u200c]+(?:(?:متعهد|موظف|مسئول|مسوول)[\s\u200c]+(?:به[\s\u200c]+|ب)?)?(?:دفاع[\s\u200c]+از"
    r"|از[\s\u200c]+(?:آن|این[\s\u200c]+شهر|شهر|این[\s\u200c]+ولسوالی)[\s\u200c]+دفاع)(?![\w\u200c])"
)


_CLAUSE_BREAK = re.compile(r"[،,؛]")
_SEMI_BEFORE = re.compile(r"(?<![\w\u200c])شبه[\s\u200c]*$")


def _paramilitary(text: str, a: ActorMatch) -> bool:
    """ "شبه نظامیان" written with a space: militiamen, not the state's "نظامیان"."""
    return bool(_SEMI_BEFORE.search(text, max(0, a.span.start - 6), a.span.start))


# the part of a town an event noun takes, its taker perhaps between: "تسلط گروه X بر
# میدان سعدالله الجابری", "تصرف محله‌های شرقی"
_PART_AFTER_NOUN = re.compile(
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,4}?[\s\u200c]+(?:بر[\s\u200c]+)?(?:میدان|میادین|محله|محله‌های"
    r"|محلههای|محلات|خیابان|خیابان‌های|خیابانهای|کوی|ناحیه|نواحی)(?![\w\u200c])"
)
# people a passive "آزاد شدند" sets free: prisoners, captives, hostages
_FREED_PEOPLE = re.compile(
    r"(?<![\w\u200c])(?:زندانیان|زندانی‌ها|زندانیها|محبوسین|محبوسان|اسیران|اسرا|اسیر|گروگان‌ها"
    r"|گروگانها|گروگان|بازداشت[\s\u200c]?شدگان|بازداشتیان)(?![\w\u200c])"
)


def _nearest_group(text: str, before: list[ActorMatch]) -> list[ActorMatch]:
    """The actors listed together nearest before a verb: "ارتش عراق، حشد الشعبی و عشایر".

    An actor earlier in the sentence, separated by more than a short list gap,
    belongs to another clause ("در حالی که داعش ...، نیروهای دولتی ... بازپس گرفتند").
    """
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m.span.end : group[0].span.start]
        words = gap.split()
        listed = re.fullmatch(r"[\s\u200c،,]*(?:و[\s\u200c]+)?", gap) or (
            len(words) <= 3 and "را" not in words and re.search(r"،|,|(?:^|\s)و(?:\s|$)", gap)
        )
        if not listed:
            break
        group.insert(0, m)
    return group


def _capital_holder(text: str, trig: FaTriggerMatch) -> tuple[int, int] | None:
    """Where a capital holds what an event noun tells ("تسلط مسکو بر شهر X", the
    capital as the holder of the trigger or right after it), or None."""
    if not trig.noun:
        return None
    if trig.who is not None:
        lo, hi = trig.who
        name = text[lo:hi].strip()
        if name in _CAPITALS:
            start = text.index(name, lo)
            return start, start + len(name)
        return None
    m = _CAPITAL_HOLDER.match(text, trig.end)
    return (m.start("c"), m.end("c")) if m else None


def _aircraft_down(text: str, trig: FaTriggerMatch, places: list[FoundPlace]) -> bool:
    """Whether "سقوط" tells an aircraft coming down: "سقوط یک بالگرد", or an aircraft
    as the clause's subject with only where it fell between ("هواپیمای باری ... در
    شمال مسکو سقوط کرد"); not "پس از حملات جنگنده‌ها، شهر X سقوط کرد"."""
    if "سقوط" not in trig.text:
        return False
    if trig.noun:
        return bool(_AIRCRAFT_AFTER.match(text, trig.end))
    clause = _clause_start(text, trig.start)
    if text[:clause].rstrip().endswith("که"):
        # "هواپیمای شخصی است که ... سقوط کرد": the aircraft "که" opens a clause on
        clause = max(0, clause - 50)
    craft = _AIRCRAFT.search(text, clause, trig.start)
    if craft is None:
        return False
    return all(
        p.start - craft.end() <= 2
        or _LOCATIVE_BEFORE.search(text, max(0, p.start - 40), p.start) is not None
        for p in places
        if craft.end() <= p.start < trig.start
    )


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` opens: after the last "که" or "؛" before it."""
    start = 0
    for m in _CLAUSE_OPEN.finditer(text, 0, pos):
        start = m.end()
    return start


def _choose(text: str, trig: FaTriggerMatch, places: list[FoundPlace]) -> FoundPlace:
    """The place a trigger is about: Persian puts the object (را) before the verb."""
    if trig.noun:
        # "آزادسازی دیرالزور", "سقوط البوکمال": the place follows the noun
        after = [p for p in places if p.start >= trig.end and p.start - trig.end <= 40]
        if after:
            return after[0]
    if trig.who is not None:
        inside = [p for p in places if trig.start <= p.start < trig.end]
        outside = [p for p in places if p not in inside]
        places = outside or places
    # "شهر تلعفر در غرب موصل را": the place after "شهر" heads the phrase
    headed = [
        p for p in places if p.end <= trig.start and _PLACE_NOUN_BEFORE.search(text, 0, p.start)
    ]
    if headed:
        # "ولسوالی سنگین ولایت هلمند ... سقوط کرد": both headed, the district told
        return _qualified(text, headed[-1], places)
    objects = [
        p
        for p in places
        if p.end <= trig.start and re.match(r"^[\s\u200c]*را(?![\w\u200c])", text[p.end :])
    ]
    if objects:
        return _qualified(text, objects[-1], places)
    before = [p for p in places if p.end <= trig.start]
    if before:
        # "مرکز ولسوالی تولک ولایت غور ... به تصرف طالبان درآمد" as well
        return _qualified(text, before[-1], places)
    return min(places, key=lambda p: abs(p.start - trig.end))


def _qualified(text: str, last: FoundPlace, places: list[FoundPlace]) -> FoundPlace:
    """The place a province right after it qualifies: "ولسوالی امام صاحب ولایت قندوز
    را" is about the district, not the province."""
    if last.kind is not PlacePrecision.ADMIN1:
        return last
    inner = [
        p
        for p in places
        if p.end <= last.start
        and p.kind is not PlacePrecision.COUNTRY
        and _IN_PROVINCE_GAP.fullmatch(text[p.end : last.start])
    ]
    return inner[-1] if inner else last


def _is_reference(trig: FaTriggerMatch, text: str, places: list[FoundPlace]) -> bool:
    """A demonstrative or plural event noun with no place of its own refers back."""
    if not trig.noun:
        return False
    if any(p.kind is not PlacePrecision.COUNTRY for p in places):
        return False
    demonstrative = bool(_DEMONSTRATIVE_BEFORE.search(text[max(0, trig.start - 8) : trig.start]))
    return demonstrative or (trig.trigger.reference and bool(_PLURAL.search(trig.text)))


# "تصرف این شهر موجب نگرانی شد": the noun's object is the town told before
_OF_THIS_TOWN = re.compile(
    r"[\s\u200c]+(?:کامل[\s\u200c]+)?(?:این|آن|همین|همان)[\s\u200c]+(?:شهر|شهرک|ولسوالی|شهرستان)(?![\w\u200c])"
)


def _status(family: Family, trig: FaTriggerMatch, claim: Claim, text: str) -> Status:
    if family is Family.CONTROL:
        return Status.BACKGROUND
    kind = verb_kind(claim.reported_verb)
    form = verb_form(trig.verb)
    before = text[_clause_start(text, trig.start) : trig.start]
    if form.negated or kind == "deny":
        return Status.DENIED
    if form.future:
        return Status.EXPECTED
    if (
        trig.verb is not None
        and trig.verb.endswith("ه")
        and _SHARED_FUTURE_AFTER.match(text, trig.end)
    ):
        # "نیروهایش را از باخموت خارج کرده و کنترل را ... واگذار خواهد کرد": a bare
        # participle shares the tense of the verb its "و" joins it to
        return Status.EXPECTED
    if form.subjunctive or (form.bare_past and _ASKS_SUBJUNCTIVE.search(before)):
        # "تا شهر را تحت کنترل خود درآورد": a bare past stem after a purpose or a
        # need is the subjunctive it is also written as
        if not _IMPLICATIVE.search(before):
            return Status.EXPECTED
    elif form.present and family in (Family.TAKE, Family.HANDOVER):
        return Status.EXPECTED  # "آزاد می‌کنند": under way, not done
    if _EXPECT_STRONG.search(text[: trig.start]) and not _IMPLICATIVE.search(before):
        return Status.EXPECTED
    if trig.noun:
        if _REFERRING_TO.search(text, max(0, trig.start - 30), trig.start):
            # "با اشاره به تسلط مسکو بر X گفت": an event the speaker refers to, told
            # (and dated) elsewhere, not the news of the day
            return Status.BACKGROUND
        if _PURPOSE_BEFORE.search(text[max(0, trig.start - 40) : trig.start]):
            return Status.EXPECTED  # "عملیات بازپس‌گیری", "برای حمله به"
        if _TO_TAKE_PLACE_AFTER.match(text, trig.end):
            # "تا بدون درگیری انتقال قدرت صورت گیرد": an event noun whose verb is in
            # the subjunctive ("may take place", "so that it takes place")
            return Status.EXPECTED
        if _CONFLICTING_ABOUT.search(text, max(0, trig.start - 60), trig.start):
            # "گزارشات ضد و نقیض درباره سقوط X": whether it fell is in dispute
            return Status.EXPECTED
        if _HOUR_OF.search(text[max(0, trig.start - 12) : trig.start]):
            return Status.EXPECTED  # "ساعت پیروزی فرا رسیده است"
        if _EXPECT_AFTER.search(text[trig.end :]):
            return Status.EXPECTED  # "نبرد آینده", "حمله ... به زودی آغاز خواهد شد"
        if _SOON_BEFORE.search(before) or _WE_ANNOUNCE_AFTER.match(text, trig.end):
            # "به‌زودی آزادسازی کامل X را اعلام می‌کنیم": an announcement to come
            return Status.EXPECTED
    if kind == "claim" or (trig.noun and _CLAIM_OF.search(text, 0, trig.start)):
        # "برخی منابع مدعی سقوط کامل شهر X شده‌اند", "ادعای تصرف X": a claim
        # whatever the sentence's reporting verb
        return Status.CLAIMED
    if _DENY_CUES.search(text[: trig.start]) and kind is None:
        return Status.DENIED
    return Status.OCCURRED


# Fighting still going on: a town entered or fought over is not yet taken.
_ONGOING = re.compile(
    r"ادامه[\s\u200c]+(?:دارد|دارند|داشت|یافته|می[\s\u200c]?یابد)|همچنان[\s\u200c]+(?:در|ادامه|مقاومت|درگیر)"
    # "نبرد ... جریان دارد": runs on
    r"|در[\s\u200c]+جریان[\s\u200c]+است|(?<![\w\u200c])جریان[\s\u200c]+(?:دارد|داشت)(?![\w\u200c])|مقاومت[\s\u200c]+می[\s\u200c]?کن|شدت[\s\u200c]+گرفت"
)
# "در حال پیشروی", "در حال تصرف": an action under way (the progressive)
_UNDER_WAY_BEFORE = re.compile(r"(?<![\w\u200c])در[\s\u200c]+حال[\s\u200c]+$")
# "پیش‌تر", "پیش از این", "قبلاً": what the clause tells came before the news
_EARLIER = re.compile(
    r"(?<![\w\u200c])(?:پیش[\s\u200c]?تر|پیش[\s\u200c]+از[\s\u200c]+این(?![\s\u200c]+که)|قبلاً|قبلا"
    r"|سابقاً|سابقا)(?![\w\u200c])"
)
# Only part of a town: "چند ناحیه شهر", "بخش‌هایی از", "حومه".
_PARTIAL = re.compile(
    r"(?:بخش[\s\u200c]*(?:های|هایی)|برخی[\s\u200c]+(?:مناطق|نواحی|محله)|چند[\s\u200c]+(?:ناحیه|محله|منطقه)"
    r"|حومه|اطراف|نزدیکی|محله[\s\u200c]*(?:های|هایی))[^،.؛]{0,30}$"
)
_ORDINAL = r"(?:اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|[۰-۹\d]+)"
# a town's numbered police districts (Dari "حوزه"): "حوزه اول و دوم شهر"
_PRECINCTS = re.compile(
    rf"(?<![\w\u200c])حوزه(?:[\s\u200c]*های)?[\s\u200c]+{_ORDINAL}"
    rf"(?:[\s\u200c]*(?:[،,]|و)[\s\u200c]*{_ORDINAL})*(?![\w\u200c])[^،.؛]{{0,60}}$"
)
# "شهرک X واقع در حومه جنوبی ادلب": where X lies, not a part of it taken
_LIES_IN = re.compile(r"(?<![\w\u200c])واقع[\s\u200c]+در[\s\u200c]+$")


def _partial_before(text: str, pos: int) -> bool:
    """Whether only part of a town is named just before ``pos`` ("بخش‌هایی از X")."""
    m = _PARTIAL.search(text, 0, pos)
    return m is not None and not _LIES_IN.search(text, 0, m.start())


_PARTIAL_INSIDE = re.compile(
    r"(?:محله|بخش|نواحی|ناحیه|حومه|اطراف|مناطقی)[\s\u200c]*(?:های|هایی)?[\s\u200c]"
)
# A take that "will not happen": "سقوط نمی‌کند" is read as negated already; these
# stay expectations in a headline too.
_HEADLINE_EXPECT = re.compile(
    r"قرار[\s\u200c]+است|در[\s\u200c]+آستانه|خواهد|خواهند|نزدیک[\s\u200c]+(?:به|است)"
)
# whom a message is addressed to: "خطاب به ساکنان", "در پیامی به مردم"
_ADDRESSED = re.compile(r"(?:خطاب|پیامی|پیام)[\s\u200c]+به[\s\u200c]+$")
# an event noun a deadline or a timetable is set for: "مهلت خروج", "ضرب‌الاجل تحویل"
_DEADLINE_OF = re.compile(
    r"(?<![\w\u200c])(?:مهلت|ضرب[\s\u200c]?الاجل|زمان[\s\u200c]?بندی|جدول[\s\u200c]+زمانی"
    r"|موعد)(?:[\s\u200c]+(?:نهایی|تعیین[\s\u200c]?شده))?[\s\u200c]+(?:برای[\s\u200c]+)?$"
)
# "سقوط الفاشر یکی از خونین‌ترین فصل‌های جنگ را رقم زده است", "تصرف شهر نقطه عطفی
# ... بود", "سقوط قندوز نگرانی‌ها را افزایش داده است": the takeover noun is the
# subject of a sentence about what it brought about or meant, a takeover the
# reader already knows, not the news of the day. Where the subject opens: the
# start of the sentence, after a connective or "گفتنی است که".
_SUBJECT_OPENING = re.compile(
    r"^[\s\u200c]*(?:(?:گفتنی|شایان[\s\u200c]+ذکر|لازم[\s\u200c]+به[\s\u200c]+ذکر)"
    r"[\s\u200c]+است[\s\u200c]*(?:که)?|همچنین|اما|ولی|و|به[\s\u200c]+گفته[^،,]{0,40}[،,])?"
    r"[\s\u200c]*$"
)
# what the subject brought about or meant (the sentence's own verb)
_CONSEQUENCE = re.compile(
    r"(?<![\w\u200c])(?:رقم[\s\u200c]*(?:زد|زده|می[\s\u200c]?زند)"
    r"|نقطه[\s\u200c]*(?:ی[\s\u200c]*)?عطف"
    r"|(?:منجر|منتهی)[\s\u200c]+(?:به|شد|شده)"
    r"|(?:باعث|موجب|سبب)[\s\u200c]+[^.؛]{0,60}?(?:شد|شده|می[\s\u200c]?شود|گردید)"
    r"|به[\s\u200c]+دنبال[\s\u200c]+(?:داشت|داشته)"
    # worries raised (a tally raised, "شمار ... را به ۹ افزایش داد", is news)
    r"|نگرانی[^.؛]{0,40}?(?:افزایش|برانگیخت|ایجاد)"
    r"|(?:ضربه|شکست)(?:ای)?[\s\u200c]+(?:سنگین|بزرگ|دیگر)?[\s\u200c]*(?:برای|به)"
    r")"
)
# How long before publication a dated takeover is still the news of the report.
RECALL_DAYS = 20


# "پیشروی اخیر ... پس از آن به دست می‌آید که ... اوایل هفته جاری یبرود را ...": the
# sentence dates an earlier event than the one the paragraph tells
_AFTER_THAT = re.compile(
    r"(?<![\w\u200c])(?:پس|بعد)[\s\u200c]+از[\s\u200c]+آن(?:[\s\u200c]+[^\s\u200c،,.؛]+){0,4}?"
    r"[\s\u200c]+که(?![\w\u200c])"
)
_PLUPERFECT_END = re.compile(r"ه[\s\u200c]*بود(?:ند)?$")


# a statement made before the report's news: "اعلام کرده بود که", "گزارش داده بودند که"
_SAID_EARLIER = re.compile(
    r"(?<![\w\u200c])(?:اعلام|گزارش|خبر|اظهار|عنوان)[\s\u200c]+(?:کرده|داده)[\s\u200c]*"
    r"بود(?:ند)?[\s\u200c]+که(?![\w\u200c])"
)


def _territory_status(
    s: _Sentence,
    trig: FaTriggerMatch,
    status: Status,
    time: TimeRef | None,
    published: date | None,
) -> Status:
    """A takeover's status from what the sentence says about its time.

    - a headline in the present ("کنترل حلب را به دست می‌گیرد", "قندهار به دست
      طالبان می‌افتد") tells what happened: news headlines use the present;
    - a takeover dated by the sentence itself more than :data:`RECALL_DAYS` before
      publication ("پارسال", "۱۸ ماه پیش", "اردیبهشت امسال"), or told in the
      pluperfect ("تصرف کرده بود"), is recalled background;
    - fighting said to go on, or only part of a town, is no takeover yet.
    """
    text = s.text
    form = verb_form(trig.verb)
    if (
        s.headline
        and status is Status.EXPECTED
        and form.present
        and not form.negated
        and not _HEADLINE_EXPECT.search(text)
    ):
        status = Status.OCCURRED
    if status not in (Status.OCCURRED, Status.CLAIMED):
        return status
    if (
        time is not None
        and not time.inferred
        and time.text is not None
        and published is not None
        and common.window(time)[1] < published - timedelta(days=RECALL_DAYS)
    ):
        return Status.BACKGROUND  # dated by its own words well before publication
    if _early_last_month(text, time):
        return Status.BACKGROUND  # "اوایل ماه گذشته": three weeks old at least
    if (
        (s.claim.reported_verb and _PLUPERFECT_END.search(s.claim.reported_verb))
        # "مسکو هفته های پیش هم گزارش داده بود که ...": the speech verb the attribution
        # did not take as the claim's
        or _SAID_EARLIER.search(text, 0, trig.start)
    ) and not trig.trigger.withdrawal:
        # "وزارت دفاع ... اعلام کرده بود که ... را تحت کنترل درآورده‌اند": a statement
        # made before the news the report tells (a withdrawal said so is the other half
        # of the report's news, as in the pluperfect below)
        return Status.BACKGROUND
    if (
        trig.verb
        and (not trig.trigger.withdrawal or _takes_out(text, trig))
        and re.search(r"ه[\s\u200c]*بود(?:ند|م|یم|ید)?$", trig.verb)
    ):
        # a withdrawal in the pluperfect ("پیش‌تر عقب‌نشینی کرده بودند") is the
        # other half of an entry the report tells: the same handover; a town taken
        # out of a side's control ("را از کنترل آن‌ها خارج کرده بود") is a capture
        return Status.BACKGROUND  # "تصرف کرده بودند": before the news of the report
    if _manner_only(trig) and _PLUPERFECT_AFTER.match(text, trig.end):
        # "طالبان یک هفته پیش بدون جنگ وارد اندراب شده بودند": the manner of a
        # takeover the pluperfect recalls
        return Status.BACKGROUND
    if trig.noun and _DEADLINE_OF.search(text, 0, trig.start):
        return Status.EXPECTED  # "مهلت خروج نیروها ... تمدید شد": a withdrawal yet to be
    if trig.noun and _DENIED_OBJECT.match(text, trig.end):
        return Status.DENIED  # "سقوط ولسوالی X را رد می‌کنند"
    if (
        trig.noun
        and _NO_REPORT_BEFORE.search(text, 0, trig.start)
        and _NO_REPORT_AFTER.match(text, trig.end)
    ):
        return Status.DENIED  # "گزارشی در پیوند به سقوط X در دست نیست"
    if (
        trig.noun
        and _AFTER_EVENT.search(text, 0, trig.start)
        and not (_AGO_FROM.search(text, 0, trig.start) and _NEWS_OF.match(text, trig.end))
    ):
        return Status.BACKGROUND  # "یک روز پس از تصرف موصل": the event before the news
    if trig.noun and _AT_EVENT.search(text, 0, trig.start):
        return Status.BACKGROUND  # "در بدو تصرف موصل": the event as the time of another
    if (
        trig.noun
        and _SUBJECT_OPENING.match(text[: trig.start])
        and _CONSEQUENCE.search(text, trig.end)
    ):
        return Status.BACKGROUND  # "سقوط الفاشر ... را رقم زده است": what it brought about
    if (
        trig.noun
        and _SPAN_SINCE.search(text, 0, trig.start)
        and _ELAPSED_AFTER.match(text, trig.end)
    ):
        return Status.BACKGROUND  # "چهار سال از سقوط پنجشیر گذشت": an event remembered
    if _ANNIVERSARY.search(text):
        return Status.BACKGROUND  # "سالروز آزادسازی موصل": a takeover remembered
    if not trig.trigger.withdrawal and _EARLIER.search(
        text, _clause_start(text, trig.start), trig.start
    ):
        return Status.BACKGROUND  # "پیش‌تر ... را تصرف کردند": earlier than the news
    if _ONGOING.search(text) and (trig.noun or trig.trigger.weight < 0.5):
        return Status.EXPECTED
    if trig.noun and _UNDER_WAY_BEFORE.search(text, 0, trig.start):
        return Status.EXPECTED  # "در حال پیشروی بود": an advance under way, nothing taken
    if _partial_before(text, trig.start) and trig.trigger.weight < 0.5:
        return Status.EXPECTED
    if _PRECINCTS.search(text, _clause_start(text, trig.start), trig.start):
        # "حوزه اول و دوم شهر ... اشغال شده است": police districts of a town, not the town
        return Status.EXPECTED
    if trig.trigger.weight < 0.5 and _PARTIAL_INSIDE.search(trig.text):
        # "وارد محله‌های غربی حلب شدند": into some districts, not the town
        return Status.EXPECTED
    held = None if trig.trigger.withdrawal else _STILL_HELD_AFTER.search(text, trig.end)
    if held and not _FACILITY_BEFORE.search(text, held.start(), held.start("town")):
        # "... فلوجه را بازپس گرفته است اما مقامات آمریکا می‌گویند بخش مهمی از این شهر
        # همچنان در تصرف داعش است": the same sentence says the town (or much of it)
        # is still held: a takeover in dispute, not told as done
        return Status.EXPECTED
    return status


# a contrast, then the town (or a part of it) still held: "اما ... بخش مهمی از این شهر
# همچنان در تصرف X است", "ولی این ولسوالی هنوز در کنترل نیروهای دولتی است"
_STILL_HELD_AFTER = re.compile(
    r"(?<![\w\u200c])(?:اما|ولی|لیکن|با[\s\u200c]+این[\s\u200c]+حال)(?![\w\u200c])[^.؛]{0,100}?"
    r"(?:(?:بخش|قسمت|بخشی|قسمتی|مناطقی)[^.؛]{0,40}?)?(?P<town>(?:این|آن|همین))[\s\u200c]+"
    r"(?:شهر|ولسوالی|شهرستان|شهرک|منطقه)(?![\w\u200c])[^.؛]{0,30}?(?:همچنان|هنوز)[\s\u200c]+"
    r"(?:در[\s\u200c]+(?:تصرف|کنترل|کنترول|اختیار|دست|اشغال)|تحت[\s\u200c]+(?:کنترل|کنترول|تصرف|سیطره))"
)


# "اوایل ماه گذشته", "دراوایل ماه قبل" (glued as outlets type it): the first days
# of the month before publication's
_EARLY_PART = re.compile(r"اوایل[\s\u200c]*$")
_LAST_MONTH = re.compile(r"^ماه[\s\u200c]+(?:گذشته|پیش|قبل)$")


def _early_last_month(text: str, time: TimeRef | None) -> bool:
    """Whether a takeover is dated to the early days of last month.

    "شهر X اوایل ماه گذشته به دست Y افتاد" tells a change at least twenty days old
    in any calendar (the first ten days of the month before, Jalali or Gregorian):
    as old as :data:`RECALL_DAYS` asks, though its month-level date spans days too
    close to publication for that rule to tell. The running month's early days are
    not: in a report of 25 February they are last week in the Jalali count.
    """
    if time is None or time.inferred or not time.text or not _LAST_MONTH.match(time.text):
        return False
    at = text.find(time.text)
    return at > 0 and _EARLY_PART.search(text, 0, at) is not None


# A relative clause set off by commas: "شهر سودژا را، که از مرداد ... بود، بازپس گرفتند"
_RELATIVE_CLAUSE = re.compile(r"[،,][\s\u200c]*که[\s\u200c][^،,.؛]*[،,]")


def _since_only(s: _Sentence, trig: FaTriggerMatch, published: date | None, family: Family) -> bool:
    """Whether a sentence dates its event only by a "since" well before publication.

    A "since" inside a relative clause that does not hold the trigger dates the
    clause's own state ("، که از مرداد ۱۴۰۳ در دست ارتش اوکراین بود،"), not the event.
    """
    if family is Family.CONTROL or any(d.relation == "at" and not d.ref.inferred for d in s.dates):
        return False
    asides = [
        (s.original_offset(m.start()), s.original_offset(m.end()))
        for m in _RELATIVE_CLAUSE.finditer(s.text)
        if not m.start() <= trig.start < m.end()
    ]
    since = [
        d
        for d in s.dates
        if d.relation == "since" and not any(a <= d.span.start < b for a, b in asides)
    ]
    if not since:
        return False
    if published is None:
        return True
    # "از شب گذشته تا امروز چهار شهرستان سقوط کرده": a takeover since a day or two
    # ago is news of the span, not a state recalled
    recent = 2 if family is Family.TAKE else 7
    return common.window(since[0].ref)[1] < published - timedelta(days=recent)


def _past_year(time: TimeRef | None, published: date | None) -> TimeRef | None:
    """A takeover told as done cannot come after the report: "در ۱۵ اگوست سرانجام وارد
    کابل شدند" published on 14 August is last year's 15 August (a day and month with
    no year are read as this year's up to a week ahead, which suits an announcement)."""
    if (
        time is None
        or published is None
        or time.inferred
        or time.text is None
        or time.precision is not Precision.DAY
        or time.value <= published
        or re.search(r"\d{4}|[۰-۹]{4}", time.text)
    ):
        return time
    try:
        return replace(time, value=time.value.replace(year=time.value.year - 1))
    except ValueError:  # 29 February
        return replace(time, value=time.value - timedelta(days=365))


def _pick_date(s: _Sentence, trig: FaTriggerMatch, family: Family) -> TimeRef | None:
    """The sentence's own date for this trigger, or None to take one from the context."""
    if family is Family.CONTROL:
        since = [d for d in s.dates if d.relation == "since"]
        return since[0].ref if since else None
    at = [d for d in s.dates if d.relation == "at" and not d.ref.inferred]
    if not at:
        return None
    where = s.original_offset(trig.start)
    if not trig.noun:
        # a date after the verb and a coordinating "و" dates the next clause:
        # "تیرماه امسال فلوجه را پس گرفتند و در شهریور قیاره را ..."
        own = [d for d in at if not _NEXT_CLAUSE.search(_between(s, trig.end, d.span.start))]
        at = own or at
    return min(at, key=lambda d: abs(d.span.start - where)).ref


# between an event noun and its possessor: a space, or "گروه" ("عقب‌نشینی گروه طالبان")
_POSSESSOR_GAP = re.compile(rf"[\s\u200c]+(?:(?:{_SIDE_HEAD})[\s\u200c]+)?")
# a conditional sentence, "اگر" with its consequent, to the end of the sentence or quote
_CONDITION = re.compile(r"(?<![\w\u200c])اگر(?![\w\u200c])[^.؛»]*")
# a coordinating "و" between a verb and what follows: a new clause begins
_NEXT_CLAUSE = re.compile(r"(?<![\w\u200c])و(?![\w\u200c])")


def _between(s: _Sentence, folded_end: int, original_start: int) -> str:
    """The sentence's original text from folded position ``folded_end`` to article
    offset ``original_start`` (empty when that offset comes first)."""
    base = s.claim.sentence.span.start
    text = s.claim.sentence.span.text
    return text[s.original_offset(folded_end) - base : max(0, original_start - base)]


def _subject_kind(before: str) -> str | None:
    """An ACLED actor kind read off generic words before a trigger, when no actor is known."""
    for kind, words in _KIND_WORDS:
        if words.search(before):
            return kind
    return None


def more_forces(catalogue: ActorDictionary, text: str, found: list[ActorMatch]) -> list[ActorMatch]:
    """Forces a folded sentence names without an actor's name, beyond ``found``:

    - "وزارت دفاع روسیه اعلام کرد که نیروهای این کشور ...": the forces of the
      country named before in the sentence ("نیروهای" alone names no actor);
    - "نیروهای چچنی و روس": the second of two coordinated nationalities is forces
      too, the head noun said once ("نیروهای روس");
    - "این گروه", "این جنبش": the armed group named before in the sentence.
    """
    out: list[ActorMatch] = []

    def free(start: int, end: int) -> bool:
        return not any(a.span.start < end and start < a.span.end for a in (*found, *out))

    for m in _FORCES_OF_THIS_COUNTRY.finditer(text):
        if not free(m.start(), m.end()):
            continue
        for word in reversed(text[: m.start()].split()):
            hit = catalogue.find(f"ارتش {word.strip('،,:')}")
            if hit and hit[0].actor.kind == "state forces" and hit[0].actor.country:
                out.append(ActorMatch(hit[0].actor, Span(m.start(), m.end(), m.group()), False))
                break
    for m in _THIS_GROUP.finditer(text):
        if not free(m.start(), m.end()):
            continue
        before = [
            a
            for a in found
            if a.span.end <= m.start() and not a.generic and a.actor.kind != "state forces"
        ]
        if before:
            # "طالبان ... وارد شهر شدند و اکنون تمام شهر به تصرف این گروه در آمده است":
            # the group named before in the sentence
            out.append(ActorMatch(before[-1].actor, Span(m.start(), m.end(), m.group()), False))
    for m in _COORDINATED_FORCES.finditer(text):
        start, end = m.span("adj")
        if not free(start, end):
            continue
        hit = catalogue.find(f"{m.group('head')} {m.group('adj')}")
        if hit and not hit[0].generic:
            out.append(ActorMatch(hit[0].actor, Span(start, end, m.group("adj")), False))
    return out


__all__ = ["read_persian"]


def _in_trigger(place: FoundPlace, triggers: list[FaTriggerMatch]) -> bool:
    """Whether ``place`` is one of a trigger's own words ("بیرون" of "بیرون راندند",
    "آورد" of "در آورد"), not a name in one of its gaps ("وارد ایزیوم شدند")."""
    word = fold(place.match.matched_text).text
    own = re.compile(rf"(?<![\w\u200c]){re.escape(word)}(?![\w\u200c])")
    return any(
        t.start < place.end and place.start < t.end and own.search(t.trigger.pattern)
        for t in triggers
    )
