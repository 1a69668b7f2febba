"""Recollections with a date of their own (issue 12, points 3 and 5).

A takeover a report recalls on a date its own clause states ("Wad Madani, which the
RSF seized in December") is kept as ``recalled``: a dated change of the past that
timelines place at its date, and that gives the holder before today's news. A recall
whose date, place or side the sentence does not give itself stays ``background``.
The sentences are written for these tests.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.control import timeline
from sitrep.core.config import Config
from sitrep.core.records import Article, Status
from sitrep.merge import MentionRow, merge_block
from sitrep.pipeline import ingest
from sitrep.quality.evaluation.guardian import _recalled_within
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES
from sitrep.store import open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events


def takeovers(extractor: Extractor, text: str, day: str) -> dict[str, Any]:
    article = Article.make(
        text, language="en", outlet="Test Wire", published_at=date.fromisoformat(day)
    )
    return {
        m.place.matched_text: m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and m.place and not m.reference
    }


def test_a_takeover_dated_by_its_own_clause_is_recalled(extractor: Extractor) -> None:
    got = takeovers(
        extractor, "Aid reached Wad Madani, which the RSF seized in December.", "2025-02-20"
    )
    m = got["Wad Madani"]
    assert m.status is Status.RECALLED
    assert m.time is not None and m.time.value == date(2024, 12, 1)
    assert m.actor1 is not None and m.actor1.name == "Rapid Support Forces"


def test_a_recollection_beside_the_news_gives_the_earlier_holder(extractor: Extractor) -> None:
    text = (
        "Palmyra, which Islamic State seized in December 2016, was retaken by Syrian "
        "troops on Sunday."
    )
    article = Article.make(text, language="en", outlet="Test Wire", published_at=date(2017, 11, 20))
    statuses = {
        (m.status, m.actor1.name if m.actor1 else None)
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES
    }
    assert statuses == {
        (Status.RECALLED, "ISIS"),
        (Status.OCCURRED, "Military Forces of Syria"),
    }


def test_a_when_clause_takes_the_date_of_the_clause_it_hangs_on(extractor: Extractor) -> None:
    text = (
        "These developments come five months after the regime made its most "
        "consequential gain since the insurgency erupted, when it took control of Deraa."
    )
    m = takeovers(extractor, text, "2018-12-30")["Deraa"]
    assert m.status is Status.RECALLED
    assert m.time is not None and m.time.value == date(2018, 7, 1)


def test_a_date_of_the_telling_is_not_the_takeovers(extractor: Extractor) -> None:
    # the date hangs on "confirmed": when the ministry spoke, not when the RSF took it
    text = "The ministry confirmed in December that the RSF had seized Wad Madani."
    assert takeovers(extractor, text, "2025-02-20")["Wad Madani"].status is Status.BACKGROUND


def test_a_recollection_with_no_side_stays_background(extractor: Extractor) -> None:
    text = "Iraqi forces retook Tal Afar on Sunday, weeks after Mosul fell in July."
    got = takeovers(extractor, text, "2017-09-01")
    assert got["Tal Afar"].status is Status.OCCURRED
    assert got["Mosul"].status is Status.BACKGROUND


RECALLED_WITH_TAKER = {
    # the YPG is named outside the noun's phrase: "Turkish" says who took the town
    "a demonym on a taking noun": (
        "2018-12-30",
        "The YPG fears a repeat of the Turkish capture of the Kurdish region of Afrin in March.",
        "Afrin",
        "Military Forces of Turkey",
        date(2018, 3, 1),
    ),
    "an occupation its own phrase dates": (
        "2018-12-30",
        "Many families still blame the Turkish occupation of Afrin in March for their exile.",
        "Afrin",
        "Military Forces of Turkey",
        date(2018, 3, 1),
    ),
    # those who surrender where the town is named give it up to whom they surrender to
    "a surrender in a where clause": (
        "2018-06-07",
        "Many of the newcomers came from the town of Douma, where the rebels surrendered "
        "to Russian and Syrian forces in April, and were bused north.",
        "Douma",
        "Military Forces of Syria",
        date(2018, 4, 1),
    ),
}


@pytest.mark.parametrize("case", sorted(RECALLED_WITH_TAKER))
def test_a_recollection_names_its_taker(extractor: Extractor, case: str) -> None:
    day, text, place, taker, when = RECALLED_WITH_TAKER[case]
    m = takeovers(extractor, text, day)[place]
    assert m.status is Status.RECALLED
    assert m.actor1 is not None and m.actor1.name == taker
    assert m.time is not None and m.time.value == when


@pytest.mark.parametrize(
    "text",
    [
        "The Russian occupation of Kherson has brought misery to its farmers.",
        "The Russian occupation of Kherson ended in November.",
        "Farmers in Kherson suffered under the Russian occupation of the city in March.",
    ],
)
def test_an_occupation_lived_under_is_no_takeover(extractor: Extractor, text: str) -> None:
    got = takeovers(extractor, text, "2022-12-30")
    assert all(m.trigger != "occupation" for m in got.values())


def test_a_surrender_of_weapons_where_a_place_is_named_is_no_takeover(
    extractor: Extractor,
) -> None:
    text = "Elders met in Douma, where the rebels surrendered their weapons on Sunday."
    assert not takeovers(extractor, text, "2018-06-07")


NOT_RECALLED = {
    # the two cities only locate "the town" (itself named in another sentence)
    "a town that only locates the town taken": (
        "2024-11-30",
        "The town straddles the M5 highway between Aleppo and Damascus and had been "
        "retaken by the army in January 2020.",
    ),
    # the only side named is the army that left: no gainer to place on a timeline
    "a withdrawal without its leaver": (
        "2025-02-20",
        "The army's withdrawal from Wad Madani in December sent people fleeing.",
    ),
    # "it" is the MNDAA, the subject before; the side given was a neighbour's (China)
    "a pronoun taker whose side is no subject before it": (
        "2025-02-20",
        "The MNDAA agreed in January to a ceasefire with the regime brokered in Kunming, "
        "and has said it will withdraw from Lashio, which it captured last August.",
    ),
}


@pytest.mark.parametrize("case", sorted(NOT_RECALLED))
def test_a_recollection_not_told_in_its_own_words_stays_background(
    extractor: Extractor, case: str
) -> None:
    day, text = NOT_RECALLED[case]
    got = takeovers(extractor, text, day)
    assert got
    assert all(m.status is not Status.RECALLED for m in got.values())


def _row(mention_id: str, status: str, day: date | None) -> MentionRow:
    return MentionRow(
        id=mention_id,
        article_id=f"a-{mention_id}",
        source=f"Wire {mention_id}",
        status=status,
        actor1="isis",
        actor2=None,
        assoc=(),
        place_id=100,
        place_kind="city",
        place_country="SYR",
        place_admin1="Homs",
        matched_text="Palmyra",
        date=day,
        precision="month",
        inferred=False,
        fatalities=None,
        confidence=0.6,
        reference=False,
        event_type="Strategic developments",
        sub_event_type="Non-state actor overtakes territory",
    )


def test_a_recalled_and_a_background_telling_merge_into_a_recalled_event() -> None:
    rows = [_row("1", "background", date(2016, 12, 1)), _row("2", "recalled", date(2016, 12, 1))]
    (event,) = merge_block("SYR|Non-state actor overtakes territory|background", rows)
    assert event.status == "recalled"
    assert event.n_mentions == 2


def test_the_guardian_score_counts_only_an_articles_own_recent_recollection(
    app_config: Config,
) -> None:
    texts = {1: (date(2018, 12, 30), ""), 2: (date(2018, 12, 30), "")}
    ids = {"a1": 1, "a2": 2}
    event = {"status": "recalled", "date": "2018-07-01"}
    own = {"article_id": "a1", "status": "recalled"}
    merged = {"article_id": "a2", "status": "background"}
    assert _recalled_within(own, event, app_config, texts, ids)
    # an undated telling merged with another article's dated one: not this article's
    assert not _recalled_within(merged, event, app_config, texts, ids)
    # older than history_days: history under the gold's rules
    old = {"status": "recalled", "date": "2016-12-01"}
    assert not _recalled_within(own, old, app_config, texts, ids)


def test_a_recollection_opens_the_span_before_the_news(app_config: Config, tmp_path: Path) -> None:
    src = tmp_path / "r.jsonl"
    row = {
        "outlet": "Test Wire",
        "published": "2017-11-20",
        "language": "en",
        "text": "Palmyra, which Islamic State seized in December 2016, was retaken by "
        "Syrian troops on Sunday.",
    }
    src.write_text(json.dumps(row) + "\n", "utf-8")
    with open_store(str(tmp_path / "r.db")) as store:
        ingest([src], config=app_config, store=store)
        events = [
            e
            for e in iter_events(store, EventFilter(statuses=ALL_STATUSES))
            if e["sub_event_type"] in TERRITORY_SUB_TYPES
        ]
        assert sorted(e["status"] for e in events) == ["occurred", "recalled"]
        place = events[0]["place"]["geonames_id"]
        spans = timeline(store, [place])
        got = [(s.controller, s.start, s.start_precision) for s in spans]
        assert got == [
            ("ISIS", date(2016, 12, 1), "month"),
            ("Government of Syria", date(2017, 11, 19), "day"),
        ]
