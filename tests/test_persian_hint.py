"""A followed feed's default country in the Persian reader: the namesake there wins
unless the text says otherwise (the English side is tests/test_live_hint.py)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.records import Article
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_specs
from sitrep.read.en.extract import Extractor
from sitrep.store import open_store

# Short reports written for these tests. البیضاء is Al Bayda in Yemen to the
# gazetteer, and also the city in eastern Libya.
BAYDA = (
    "افراد مسلح روز یکشنبه به یک ایست بازرسی ارتش در شهر البیضاء حمله کردند و دو سرباز را کشتند."
)
# the same, with Aden named in the next sentence: the text is about Yemen
BAYDA_ADEN = BAYDA + " مقام‌های امنیتی در عدن این حمله را تأیید کردند."
# the same, with the country named
BAYDA_YEMEN = BAYDA.replace("شهر البیضاء", "شهر البیضاء در یمن")
# no place at all
NO_PLACE = "ارتش اعلام کرد که نیروهایش شهر را از داعش پس گرفتند."
PUB = date(2026, 11, 1)


def _places(extractor: Extractor, text: str, hint: str | None) -> list[tuple[str, str]]:
    article = Article.make(text, language="fa", outlet="Desk", published_at=PUB, country_hint=hint)
    reading = extractor.read(article)
    return [(m.place.place.country, m.place.matched_text) for m in reading.mentions if m.place]


def test_the_hint_chooses_the_namesake_in_the_feeds_country(extractor: Extractor) -> None:
    assert _places(extractor, BAYDA, None) == [("YEM", "البیضاء")]
    assert _places(extractor, BAYDA, "LBY") == [("LBY", "البیضاء")]
    assert _places(extractor, BAYDA, "LY") == [("LBY", "البیضاء")]  # ISO2 is read too
    # a hint for the country the plain reading chose changes nothing
    assert _places(extractor, BAYDA, "YE") == _places(extractor, BAYDA, None)
    # a country the gazetteer lacks is no hint
    assert _places(extractor, BAYDA, "ZZ") == _places(extractor, BAYDA, None)


def test_what_the_text_says_outweighs_the_hint(extractor: Extractor) -> None:
    # another place of the first place's country
    assert _places(extractor, BAYDA_ADEN, "LY")[0] == ("YEM", "البیضاء")
    assert _places(extractor, BAYDA_ADEN, "LY") == _places(extractor, BAYDA_ADEN, None)
    # the country named
    assert _places(extractor, BAYDA_YEMEN, "LY") == [("YEM", "البیضاء")]


def test_an_article_naming_no_place_takes_the_hints_country(extractor: Extractor) -> None:
    assert _places(extractor, NO_PLACE, None) == []
    assert [c for c, _ in _places(extractor, NO_PLACE, "LY")] == ["LBY"]
    assert [c for c, _ in _places(extractor, NO_PLACE, "YE")] == ["YEM"]


def _event_countries(db: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select p.country from events e join places p on p.id = e.place_id"
        ).fetchall()
    return {r[0] for r in rows}


@pytest.mark.parametrize(("country", "want"), [(None, "YEM"), ("LY", "LBY")])
def test_a_persian_feeds_country_reaches_the_map(
    app_config: Config, extractor: Extractor, tmp_path: Path, country: str | None, want: str
) -> None:
    """Through the follower, for a Persian drop folder."""
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "bayda.txt").write_text(BAYDA, "utf-8")
    feed: dict[str, str] = {"path": str(drop), "outlet": "Desk", "language": "fa"}
    if country:
        feed["country"] = country
    config = app_config.with_(db=str(tmp_path / "fa.db"), feeds=[feed])
    # a drop folder is read from disk: no HTTP transport is needed
    with open_store(config.db) as store:
        summary = Follower(config, store, feed_specs(config), extractor=extractor).poll(once=True)
    assert summary.articles == 1 and not summary.failed
    assert _event_countries(config.db) == {want}
