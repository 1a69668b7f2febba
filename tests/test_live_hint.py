"""A followed feed's default country: the namesake there wins unless the text says otherwise."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
import pytest

from sitrep.core.config import Config
from sitrep.core.records import Article
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_specs, iso3
from sitrep.read.en.extract import Extractor
from sitrep.resolve.country_hint import fallback_countries, find_places
from sitrep.store import open_store

# Short reports written for these tests.
TRIPOLI = (
    "Gunmen attacked an army checkpoint in Tripoli on Sunday, killing two soldiers, "
    "a security source said."
)
TRIPOLI_LIBYA = (
    "Libyan government forces clashed with gunmen in Tripoli on Sunday, killing two "
    "soldiers, a security source said."
)


def _places(extractor: Extractor, text: str, hint: str | None) -> list[tuple[str, str]]:
    reading = extractor.read(Article.make(text, language="en", outlet="Desk", country_hint=hint))
    return [(m.place.place.name, m.place.place.country) for m in reading.mentions if m.place]


def _countries(extractor: Extractor, text: str, hint: str | None) -> list[str]:
    return [m.place.country for m in find_places(extractor.gazetteer, [text], hint)[0]]


def test_the_hint_chooses_the_namesake_in_the_feeds_country(extractor: Extractor) -> None:
    # the bare name goes to the larger Libyan capital; from a Lebanese feed, to the port
    assert _places(extractor, TRIPOLI, None) == [("Tripoli", "LBY")]
    assert _places(extractor, TRIPOLI, "LBN") == [("Tripoli", "LBN")]
    assert _places(extractor, TRIPOLI, "LB") == [("Tripoli", "LBN")]  # ISO2 is read too
    # Leer is a town in Germany and a smaller one in South Sudan; a South Sudanese
    # feed means its own
    assert _countries(extractor, "Fighting hit Leer on Sunday.", None) == ["DEU"]
    assert _countries(extractor, "Fighting hit Leer on Sunday.", "SS") == ["SSD"]
    # a Romanian village has Derna as its own name, but "Derna" is the name the
    # world knows Darnah by (many languages spell it so): Libya with or without a
    # Libyan feed (session 24; before, the bare name was the village)
    assert _countries(extractor, "Floods hit Derna on Sunday.", None) == ["LBY"]
    assert _countries(extractor, "Floods hit Derna on Sunday.", "LY") == ["LBY"]
    # a Sudanese feed's places were right already and stay so
    sudan = "Shelling hit Omdurman and Al-Fashir."
    assert (
        _countries(extractor, sudan, "SD")
        == _countries(extractor, sudan, None)
        == [
            "SDN",
            "SDN",
        ]
    )


def test_what_the_text_says_outweighs_the_hint(extractor: Extractor) -> None:
    # a demonym of the other country
    assert _places(extractor, TRIPOLI_LIBYA, "LBN") == [("Tripoli", "LBY")]
    assert _countries(extractor, "Lebanese troops deployed in Tripoli overnight.", "LY") == ["LBN"]
    # another place in the other country
    assert _countries(extractor, "Fighting in Tripoli and Misrata killed five.", "LB") == [
        "LBY",
        "LBY",
    ]
    # a country named is never swapped for a namesake (the US state) in the feed's country
    assert _countries(extractor, "Russian troops entered Georgia.", "US") == ["GEO"]
    # nothing the plain reading found is dropped: Adre is in Chad, next to Sudan
    assert _countries(extractor, "Refugees crossed into Adre.", "SD") == ["TCD"]


def test_without_a_hint_the_reading_is_the_plain_one(extractor: Extractor) -> None:
    gaz = extractor.gazetteer
    texts = ["Clashes erupted in Tripoli overnight.", "Floods hit Derna on Sunday."]
    assert find_places(gaz, texts, None) == gaz.find_all(texts)
    assert find_places(gaz, texts, "") == gaz.find_all(texts)
    assert find_places(gaz, texts, "ZZ") == gaz.find_all(texts)  # no such country: ignored
    # an article that names no place: the hint's country is its country, unless its
    # demonyms point only elsewhere
    assert fallback_countries(gaz, ["The army said it retook the town."], "SD") == ["SDN"]
    assert fallback_countries(gaz, ["Russian forces took a village."], "SD") == []
    assert fallback_countries(gaz, ["Sudanese and Russian officers met."], "SD") == ["SDN"]
    assert fallback_countries(gaz, ["The army said it retook the town."], None) == []


def _event_places(db: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "select p.name, p.country from events e join places p on p.id = e.place_id"
        ).fetchall()
    return sorted((r[0], r[1]) for r in rows)


def _rss(text: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Beirut Desk</title><link>http://news.test/</link>"
        "<item><guid>t1</guid><link>http://news.test/a/1</link><title>Checkpoint</title>"
        "<pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize("country", [None, "LB"])
def test_a_feeds_country_reaches_the_map(
    app_config: Config, extractor: Extractor, tmp_path: Path, country: str | None
) -> None:
    """Through the follower, for a feed (full text in the feed) and a drop folder."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/rss.xml":
            return httpx.Response(200, content=_rss(TRIPOLI), headers={"Content-Type": "text/xml"})
        return httpx.Response(404)

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "tripoli.txt").write_text(TRIPOLI.replace("Sunday", "Monday"), "utf-8")
    feeds: list[dict[str, Any]] = [
        {"url": "http://news.test/rss.xml", "outlet": "Beirut Desk"},
        {"path": str(drop), "outlet": "Beirut Drop"},
    ]
    if country:
        feeds = [{**f, "country": country} for f in feeds]
    config = app_config.with_(
        db=str(tmp_path / "hint.db"), feeds=feeds, follow_host_delay_ms=0, follow_timeout=2
    )
    with open_store(config.db) as store:
        follower = Follower(
            config,
            store,
            feed_specs(config),
            extractor=extractor,
            transport=httpx.MockTransport(answer),
        )
        summary = follower.poll(once=True)
        assert summary.articles == 2 and not summary.failed
    want = iso3(country) if country else "LBY"
    assert {c for _, c in _event_places(config.db)} == {want}
