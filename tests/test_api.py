"""The HTTP API in-process (FastAPI's TestClient): every endpoint, every kind of bad input."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import write_reports

from sitrep.core.config import Config
from sitrep.core.errors import StoreError
from sitrep.pipeline import ingest

with warnings.catch_warnings():
    # Starlette asks for httpx2 instead of httpx; the TestClient works the same with both.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ABU_KAMAL = 174448
REPORTS = [
    (
        "Wire One",
        "2017-11-09",
        "Syrian government forces captured Abu Kamal from ISIS on Wednesday, the army said.",
    ),
    (
        "Wire Two",
        "2017-11-09",
        "The Syrian army retook Albu Kamal from Islamic State fighters "
        "on Wednesday, state television reported.",
    ),
    (
        "Wire One",
        "2017-11-12",
        "ISIS fighters recaptured Abu Kamal from Syrian government "
        "forces on Saturday, a monitor said.",
    ),
    (
        "Wire Two",
        "2017-11-12",
        "Islamic State militants took back Albu Kamal from the Syrian army on Saturday.",
    ),
    (
        "Wire One",
        "2017-11-20",
        "Syrian troops recaptured Abu Kamal from ISIS on Sunday, state media said.",
    ),
    (
        "Wire Three",
        "2017-11-18",
        "Iraqi forces recaptured the town of Rawa from ISIS on Friday, the army said.",
    ),
]
PERSIAN = "نیروهای ارتش سوریه شهر البوکمال را از داعش پس گرفتند."


@pytest.fixture(scope="module")
def db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    from sitrep.store import open_store

    folder = tmp_path_factory.mktemp("api")
    tasnim = {
        "outlet": "Tasnim",
        "published": "2017-11-20",
        "title": "البوکمال",
        "language": "fa",
        "text": PERSIAN,
        "url": "https://example.org/tasnim/1",
    }
    src = write_reports(folder / "reports.jsonl", REPORTS, extra=(tasnim,))
    path = folder / "api.db"
    with open_store(str(path)) as store:
        ingest([src], config=app_config, store=store, workers=1)
    return str(path)


@pytest.fixture(scope="module")
def client(app_config: Config, db: str) -> Iterator[TestClient]:
    from sitrep.faces.web import create_app

    with TestClient(create_app(app_config, db=db)) as c:
        yield c


def _get(client: TestClient, url: str, status: int = 200) -> Any:
    res = client.get(url)
    assert res.status_code == status, (url, res.text)
    return res.json()


def _events(client: TestClient, query: str = "") -> list[dict[str, Any]]:
    return _get(client, "/api/events?limit=1000&" + query)["items"]


def _event_at(client: TestClient, place: int, sub_type: str, day: str) -> dict[str, Any]:
    for e in _events(client):
        where = e["place"]["geonames_id"] if e["place"] else None
        if (where, e["date"], e["sub_event_type"]) == (place, day, sub_type):
            return e
    raise AssertionError(f"no {sub_type} at {place} on {day}")


# -- endpoints -----------------------------------------------------------------


def test_summary_gives_the_slider_range(client: TestClient) -> None:
    s = _get(client, "/api/summary")
    assert s["first_date"] == "2017-11-08"
    assert s["last_date"] == "2017-11-19"
    assert s["events"] >= 4 and s["articles"] == len(REPORTS) + 1
    assert {"event_type": "Battles", "sub_event_type": "Government regains territory"} in s[
        "event_types"
    ]


def test_events_are_paginated_with_a_next_link(client: TestClient) -> None:
    everything = _events(client)
    assert len(everything) >= 4
    seen: list[str] = []
    url: str | None = "/api/events?limit=2&type=territory"
    while url:
        page = _get(client, url)
        assert page["limit"] == 2 and len(page["items"]) <= 2
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
        if url:
            assert "type=territory" in url  # the filters follow the pages
    territory = [e["id"] for e in everything if "territory" in e["sub_event_type"].lower()]
    assert seen == territory
    assert [e["date"] for e in everything] == sorted(e["date"] for e in everything)


def test_event_filters(client: TestClient) -> None:
    at_abu_kamal = _events(client, "place=Albu%20Kamal")
    assert at_abu_kamal and all(e["place"]["geonames_id"] == ABU_KAMAL for e in at_abu_kamal)
    assert all("ISIS" in (e["actor1"], e["actor2"]) for e in _events(client, "actor=isis"))
    window = _events(client, "since=2017-11-10&until=2017-11-12")
    assert window and all("2017-11-10" <= e["date"] <= "2017-11-12" for e in window)
    assert all("Wire Three" in e["sources"] for e in _events(client, "source=three"))
    assert len(_events(client, "status=all")) >= len(_events(client))
    assert _events(client, "place=Nowhereville") == []


def test_one_event_has_mentions_sources_and_evidence(client: TestClient) -> None:
    e = _event_at(client, ABU_KAMAL, "Government regains territory", "2017-11-08")
    got = _get(client, f"/api/events/{e['id'][:8]}")  # a unique prefix is enough
    assert got["id"] == e["id"]
    assert set(got["sources"]) == {"Wire One", "Wire Two"}
    assert len(got["mentions"]) == 2
    assert all(m["evidence"] and m["url"].startswith("https://") for m in got["mentions"])
    assert "disagreements" in got


def test_roundup_quotes_each_outlet_with_links(client: TestClient) -> None:
    e = _event_at(client, ABU_KAMAL, "Government regains territory", "2017-11-08")
    r = _get(client, f"/api/roundups/{e['id']}")
    assert r["event"]["id"] == e["id"]
    assert {o["outlet"] for o in r["outlets"]} == {"Wire One", "Wire Two"}
    texts = {q["text"] for o in r["outlets"] for rep in o["reports"] for q in rep["quotes"]}
    assert any("Abu Kamal" in t for t in texts) and any("Albu Kamal" in t for t in texts)
    assert all(rep["url"] for o in r["outlets"] for rep in o["reports"])


def test_place_control_timeline_and_as_of(client: TestClient) -> None:
    t = _get(client, f"/api/places/{ABU_KAMAL}/control")
    assert t["place"]["geonames_id"] == ABU_KAMAL
    starts = [(s["controller"], s["start"]) for s in t["spans"] if s["start"]]
    assert ("Government of Syria", "2017-11-08") in starts
    assert ("ISIS", "2017-11-11") in starts
    assert ("Government of Syria", "2017-11-19") in starts

    def holder(query: str) -> str | None:
        items = _get(client, "/api/control?" + query)["items"]
        return next(
            (i["controller"] for i in items if i["place"]["geonames_id"] == ABU_KAMAL), None
        )

    assert holder("as_of=2017-11-12") == "ISIS"
    assert holder("as_of=2017-11-20") == "Government of Syria"
    assert holder("as_of=2017-11-20&country=syr") == "Government of Syria"
    assert holder("as_of=2017-11-20&country=IRQ") is None
    assert holder("as_of=2017-11-20&bbox=40,34,41.5,35") == "Government of Syria"
    assert holder("as_of=2017-11-20&bbox=42,30,48,33") is None
    # without as_of: the latest event date
    assert _get(client, "/api/control")["as_of"] == "2017-11-19"


def test_article_report_keeps_persian_text(client: TestClient) -> None:
    ids = {m["article_id"] for e in _events(client, "status=all") for m in e["mentions"]}
    some = _get(client, f"/api/articles/{sorted(ids)[0]}")
    assert some["sentences"] and some["url"].startswith("https://")
    # the Persian report may yield no event: find it among the articles
    with sqlite3.connect(client.app.state.backend.db) as conn:  # type: ignore[attr-defined]
        (fa_id,) = conn.execute("SELECT id FROM articles WHERE language = 'fa'").fetchone()
    fa = _get(client, f"/api/articles/{fa_id}")
    assert fa["language"] == "fa"
    assert [s["text"] for s in fa["sentences"]] == [PERSIAN]


def test_place_lookup_for_the_search_box(client: TestClient) -> None:
    hits = _get(client, "/api/places?q=Albu%20Kamal")["items"]
    assert hits and hits[0]["geonames_id"] == ABU_KAMAL and hits[0]["n_events"] >= 3
    assert _get(client, "/api/places?q=Kam")["items"][0]["geonames_id"] == ABU_KAMAL
    assert _get(client, "/api/places?q=Atlantis")["items"] == []


@pytest.mark.parametrize("fmt", ["jsonl", "acled-csv", "geojson"])
def test_export_streams_every_format(client: TestClient, fmt: str) -> None:
    n = len(_events(client, "since=2017-11-10"))
    res = client.get(f"/api/export?format={fmt}&since=2017-11-10")
    assert res.status_code == 200
    assert "attachment" in res.headers["content-disposition"]
    if fmt == "jsonl":
        items = [json.loads(line) for line in res.text.splitlines()]
        assert len(items) == n and all(i["date"] >= "2017-11-10" for i in items)
    elif fmt == "acled-csv":
        rows = list(csv.DictReader(io.StringIO(res.text)))
        assert len(rows) == n and rows[0]["event_date"] >= "2017-11-10"
    else:
        doc = json.loads(res.text)
        assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n


def test_page_docs_and_assets(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text and "https://" not in page.text
    assert client.get("/static/app.js").status_code == 200
    paths = _get(client, "/openapi.json")["paths"]
    for p in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/control",
        "/api/export",
        "/api/places",
        "/api/places/{place_id}/control",
        "/api/roundups/{event_id}",
        "/api/articles/{article_id}",
    ):
        assert p in paths
    assert client.get("/docs").status_code == 200
    # without `make web-assets` the app still starts and says what is missing
    import sitrep.faces.web.app as web_app

    monkeypatch.setattr(web_app, "VENDOR_FILES", ("vendor/not-installed.js",))
    assert _get(client, "/api/summary")["missing_assets"] == ["vendor/not-installed.js"]
    assert client.get("/").status_code == 200


# -- bad input -----------------------------------------------------------------

BAD = [
    # (url, status, words the message must hold)
    ("/api/events?since=2017-13-01", 422, ["since", "YYYY-MM-DD"]),
    ("/api/events?until=yesterday", 422, ["until", "YYYY-MM-DD"]),
    ("/api/events?since=2017-11-20&until=2017-11-01", 422, ["after", "swap"]),
    ("/api/events?limit=0", 422, ["limit", "greater than or equal to 1"]),
    ("/api/events?limit=1001", 422, ["limit", "1000"]),
    ("/api/events?limit=ten", 422, ["limit", "integer"]),
    ("/api/events?offset=-1", 422, ["offset"]),
    ("/api/events?status=happened", 422, ["happened", "occurred", "all"]),
    ("/api/events?colour=red", 422, ["unknown parameter 'colour'", "/docs"]),
    ("/api/export?format=xlsx", 422, ["format", "jsonl"]),
    ("/api/export?limit=3", 422, ["unknown parameter 'limit'"]),
    ("/api/control?as_of=2017-02-30", 422, ["as_of", "YYYY-MM-DD"]),
    ("/api/control?bbox=1,2,3", 422, ["bbox", "4", "minlon,minlat,maxlon,maxlat"]),
    ("/api/control?bbox=a,b,c,d", 422, ["not a number"]),
    ("/api/control?bbox=200,0,210,10", 422, ["out of range"]),
    ("/api/control?bbox=45,30,40,35", 422, ["minimum above its maximum"]),
    ("/api/control?country=Syria", 422, ["ISO3", "SYR"]),
    ("/api/places", 422, ["q is required"]),
    ("/api/labels?west=40&south=34&east=42&north=35", 422, ["zoom is required"]),
    ("/api/labels?west=40&south=36&east=42&north=35&zoom=6", 422, ["south=36", "swap"]),
    ("/api/labels?west=190&south=34&east=42&north=35&zoom=6", 422, ["west", "180"]),
    ("/api/labels?west=40&south=34&east=42&north=35&zoom=19", 422, ["zoom", "18"]),
    ("/api/places?q=a", 422, ["q"]),
    ("/api/places/abc/control", 422, ["place_id", "integer"]),
    ("/api/places/1/control", 404, ["GeoNames id 1", "/api/places?q="]),
    ("/api/events/zz%25", 404, ["hex digits"]),
    ("/api/events/0000000000", 404, ["no event", "0000000000"]),
    ("/api/roundups/0000000000", 404, ["no event"]),
    ("/api/roundups/xyz", 404, ["hex digits"]),
    ("/api/articles/0000000000", 404, ["no article"]),
    ("/api/articles/ab_c", 404, ["hex digits"]),
    ("/api/nothing-here", 404, ["/docs"]),
]


@pytest.mark.parametrize(("url", "status", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_says_what_was_wrong(
    client: TestClient, url: str, status: int, words: list[str]
) -> None:
    body = _get(client, url, status)
    assert body["error"] and body["message"]
    for word in words:
        assert word in body["message"], (word, body["message"])


def test_labels_name_the_towns_of_the_view_by_zoom(client: TestClient) -> None:
    wide = _get(client, "/api/labels?west=35&south=29&east=49&north=38&zoom=6", 200)["items"]
    names = [i["name"] for i in wide]
    assert {"Baghdad", "Damascus"} <= set(names)
    assert [i for i in wide if i["capital"]] == wide[: sum(i["capital"] for i in wide)]
    assert all(i["capital"] or i["population"] >= 100_000 for i in wide)
    box = "west=40.7&south=34.3&east=41.2&north=34.6"
    close = _get(client, f"/api/labels?{box}&zoom=10", 200)["items"]
    assert ABU_KAMAL in {i["geonames_id"] for i in close}
    assert all(40.7 <= i["lon"] <= 41.2 and 34.3 <= i["lat"] <= 34.6 for i in close)
    assert _get(client, f"/api/labels?{box}&zoom=10&limit=1", 200)["items"] == close[:1]


def test_several_problems_are_all_named(client: TestClient) -> None:
    body = _get(client, "/api/events?since=x&limit=5000&status=nope", 422)
    assert {p["parameter"] for p in body["problems"]} == {"since", "limit", "status"}


# -- read-only, never blocked -------------------------------------------------------


def test_the_app_cannot_write(client: TestClient) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    store = client.app.state.backend.store  # type: ignore[attr-defined]
    with pytest.raises(OperationalError), store.engine.connect() as conn:
        conn.execute(text("DELETE FROM events"))
    assert _events(client)


def test_reads_go_on_while_a_writer_holds_the_lock(client: TestClient, db: str) -> None:
    writer = sqlite3.connect(db, timeout=1)
    try:
        writer.execute("BEGIN IMMEDIATE")  # what an ingest holds while it stores an article
        writer.execute("UPDATE articles SET title = title || ' (edited)'")
        # a blocked read would fail (the writer never lets go here), not come late;
        # how long these reads take is a figure of `sitrep bench timings`
        assert _get(client, "/api/events?limit=5")["items"]
        assert _get(client, "/api/control?as_of=2017-11-12")["items"]
    finally:
        writer.rollback()
        writer.close()


def test_a_missing_database_is_a_clear_error(app_config: Config, tmp_path: Path) -> None:
    from sitrep.faces.web import create_app

    with pytest.raises(StoreError, match="sitrep ingest"):
        create_app(app_config, db=str(tmp_path / "absent.db"))


def test_api_bench_runs_small_and_bounded(app_config: Config) -> None:
    from sitrep.quality.bench.api import format_api_bench, run_api_bench

    r = run_api_bench(app_config, events=2000, clients=5, requests=40, seconds=20)
    assert r["store"]["events"] == 2000
    for name in ("/api/events", "/api/control"):
        assert r[name]["errors"] == 0, r[name]["error_examples"]
        assert r[name]["requests"] == 40
        assert 0 < r[name]["p50_ms"] <= r[name]["p99_ms"]
    assert r["control_profile"]["control_events"] > 0
    assert "/api/control" in format_api_bench(r)


def test_actor_filter_reads_any_alias(client: TestClient, db: str) -> None:
    from urllib.parse import quote

    isis = {e["id"] for e in _events(client, "actor=isis")}
    syria = {e["id"] for e in _events(client, "actor=Military%20Forces%20of%20Syria")}
    assert isis and syria
    # Aliases in English, Arabic script and adjective x noun forms, not only name substrings.
    for words, expected in (
        ("Daesh", isis),
        ("Islamic State", isis),
        ("داعش", isis),
        ("Syrian army", syria),
        ("the Syrian regime", syria),
        ("ارتش سوریه", syria),
    ):
        assert {e["id"] for e in _events(client, "actor=" + quote(words))} == expected, words
    # Words that name no actor: an empty page that says why (the field is added, not required).
    page = _get(client, "/api/events?actor=" + quote("Narnian army"))
    assert page["items"] == [] and "no actor called 'Narnian army'" in page["hint"]
    # A known actor with no events here: empty, and no hint (the words were understood).
    page = _get(client, "/api/events?actor=Taliban")
    assert page["items"] == [] and "hint" not in page


def test_cli_events_actor_alias(app_config: Config, db: str) -> None:
    from click.testing import CliRunner

    from sitrep.faces.cli.main import cli

    runner = CliRunner()

    def ids(*args: str) -> set[str]:
        res = runner.invoke(cli, ["--db", db, "events", "--json", *args])
        assert res.exit_code == 0, res.output
        return {e["id"] for e in json.loads(res.stdout)}

    isis = ids("--actor", "isis")
    assert isis and ids("--actor", "Daesh") == isis == ids("--actor", "داعش")
    assert ids("--actor", "Syrian army") == ids("--actor", "Military Forces of Syria")
    res = runner.invoke(cli, ["--db", db, "events", "--actor", "Narnian rebels"])
    assert res.exit_code == 0
    assert "no actor called 'Narnian rebels'" in res.stderr


def test_filters_that_cannot_match_are_4xx_naming_the_parameter(client: TestClient) -> None:
    bogus = _get(client, "/api/events?type=bogus", 422)
    assert bogus["problems"][0]["parameter"] == "type" and "Battles" in bogus["message"]
    country = _get(client, "/api/events?country=XXX", 422)
    assert country["problems"][0]["parameter"] == "country"
    inverted = _get(client, "/api/events?since=2017-12-01&until=2017-11-01", 422)
    assert "since" in inverted["message"]
    assert "limit" in _get(client, "/api/events?limit=0", 422)["message"]
    # an unknown place keeps its empty page, and says why
    nowhere = _get(client, "/api/events?place=Nowhereville")
    assert nowhere["items"] == [] and "Nowhereville" in nowhere["hint"]
    # valid filters with nothing in range are no error
    assert _get(client, "/api/events?type=battles&since=2030-01-01")["items"] == []


def test_unknown_or_malformed_event_id_is_404(client: TestClient) -> None:
    assert _get(client, "/api/events/deadbeefdeadbeef", 404)["error"] == "not found"
    # an id that cannot be one names no event either (issue 14: a client expects 404),
    # and the message says what ids look like
    malformed = _get(client, "/api/events/no-such-event", 404)
    assert malformed["error"] == "not found" and "hex digits" in malformed["message"]


# -- what the page needs besides the contract (issue 14) -----------------------------


def test_unknown_place_hint_names_near_matches(client: TestClient) -> None:
    misspelt = _get(client, "/api/events?place=Albu%20Kamel")
    assert misspelt["items"] == []
    assert "no place called 'Albu Kamel'" in misspelt["hint"]
    assert "spelt like it: Albu Kamal" in misspelt["hint"]
    # a place the gazetteer knows but the store holds no event at: said so, not silence
    known = _get(client, "/api/events?place=Damascus")
    assert known["items"] == [] and "no events at 'Damascus'" in known["hint"]
    # no near match offered when nothing is alike
    assert "spelt like it" not in _get(client, "/api/events?place=Xqzvlandia")["hint"]


def test_cli_unknown_place_suggests_near_matches(app_config: Config, db: str) -> None:
    from click.testing import CliRunner

    from sitrep.faces.cli.main import cli

    for args in (["events", "--place", "Albu Kamel"], ["control", "Albu Kamel"]):
        res = CliRunner().invoke(cli, ["--db", db, *args], obj={})
        assert res.exit_code == 2, res.output
        assert "spelt like it: Albu Kamal" in res.stderr


def test_export_refuses_filters_that_name_nothing(client: TestClient) -> None:
    for query, param in (("type=bogus", "type"), ("country=XXX", "country")):
        res = client.get(f"/api/export?format=jsonl&{query}")
        assert res.status_code == 422, res.text
        assert res.json()["problems"][0]["parameter"] == param
    nowhere = client.get("/api/export?place=Nowhereville")
    assert nowhere.status_code == 422 and "Nowhereville" in nowhere.json()["message"]
    # every filter the event list takes, the export takes too
    query = "type=territory&status=all&country=syr&sort=newest&text=recaptured&source=wire"
    res = client.get(f"/api/export?format=jsonl&{query}")
    assert res.status_code == 200, res.text
    exported = [json.loads(line)["id"] for line in res.text.splitlines()]
    assert exported and exported == [e["id"] for e in _events(client, query)]


def test_newest_first_pages_back_in_time(client: TestClient) -> None:
    oldest = [e["id"] for e in _events(client, "status=all")]
    newest = _events(client, "status=all&sort=newest")
    assert [e["id"] for e in newest] == oldest[::-1]
    dated = [e["date"] for e in newest if e["date"]]
    assert dated == sorted(dated, reverse=True)
    seen: list[str] = []
    url: str | None = "/api/events?status=all&sort=newest&limit=2"
    while url:
        page = _get(client, url)
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
    assert seen == oldest[::-1]


def test_text_searches_the_evidence_of_every_report(client: TestClient) -> None:
    found = _events(client, "text=took%20back")
    assert found and all(any("took back" in m["evidence"] for m in e["mentions"]) for e in found)
    assert len(found) < len(_events(client))
    # Persian words find the Persian report's event; LIKE wildcards are only characters
    persian = _events(client, "text=" + "پس گرفتند")
    assert any(m["outlet"] == "Tasnim" for e in persian for m in e["mentions"])
    assert _events(client, "text=%25") == [] and _events(client, "text=_") == []


def test_events_carry_comment_counts_and_actor_aliases(client: TestClient) -> None:
    page = _get(client, "/api/events?actor=isis")
    first = page["items"][0]
    assert first["comments"] == 0
    posted = client.post(
        "/api/comments",
        json={"target_type": "event", "target_id": first["id"], "author": "R", "text": "Thanks"},
    )
    assert posted.status_code == 201 and posted.json()["status"] == "published", posted.text
    again = _get(client, "/api/events?actor=isis")
    assert next(e for e in again["items"] if e["id"] == first["id"])["comments"] == 1
    one = _get(client, f"/api/events/{first['id']}")
    isis = one["actors"]["ISIS"]
    assert isis["id"] == "isis"
    assert {"Daesh", "داعش"} <= {a["name"] for a in isis["aliases"]}


def test_flagging_an_event_waits_for_a_moderator(client: TestClient) -> None:
    event = _events(client)[0]
    res = client.post(
        "/api/comments",
        json={
            "target_type": "event",
            "target_id": event["id"],
            "author": "Analyst",
            "text": "Rawa is in Anbar: these are the same place.",
            "flag": "place",
        },
    )
    assert res.status_code == 201, res.text
    body = res.json()
    # a polite note the policy would publish is held: an editor reads every flag
    assert body["status"] == "review"
    assert body["reasons"][0]["rule"] == "reader flag" and "place" in body["reasons"][0]["detail"]
    bad = client.post(
        "/api/comments",
        json={
            "target_type": "event",
            "target_id": event["id"],
            "author": "A",
            "text": "x",
            "flag": "colour",
        },
    )
    assert bad.status_code == 422 and "flag" in bad.text


def test_summary_lists_countries_with_events(client: TestClient) -> None:
    countries = {c["country"]: c["events"] for c in _get(client, "/api/summary")["countries"]}
    assert countries.get("SYR", 0) >= 1
    assert countries["SYR"] == len(_events(client, "country=SYR"))


def test_items_of_ingested_events_are_the_records_items(db: str) -> None:
    """Stored items (pages, one event) equal ``Event.to_dict()``
    of the records, in key order too, on events read from real text (references,
    inferred dates, places coarser than the event's)."""
    from sitrep.store import open_store
    from sitrep.views.queries import (
        ALL_STATUSES,
        EventFilter,
        get_event,
        get_event_record,
        iter_event_records,
        iter_events,
    )

    with open_store(db, readonly=True) as store:
        f = EventFilter(statuses=ALL_STATUSES)
        items = list(iter_events(store, f))
        assert items
        assert json.dumps(items) == json.dumps([e.to_dict() for e in iter_event_records(store, f)])
        for e in items:
            assert json.dumps(get_event(store, e["id"])) == json.dumps(
                get_event_record(store, e["id"]).to_dict()
            )


def test_api_bench_says_where_its_tail_comes_from() -> None:
    from sitrep.quality.bench.api import _tail_split

    # 200 requests: the 10 first requests of their URL are slow, the repeats quick
    latencies = [0.5] * 10 + [0.01] * 190
    split = _tail_split(latencies, [True] * 10 + [False] * 190)
    assert split["first_requests"] == 10
    assert split["first_p99_ms"] == 500.0 and split["repeat_p99_ms"] == 10.0
    assert split["slowest_1pct_first_share"] == 1.0
    split = _tail_split([0.01] * 10 + [0.5] * 190, [True] * 10 + [False] * 190)
    assert split["slowest_1pct_first_share"] == 0.0


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The functions the web app hands to its thread pool (they still run there)."""
    import sitrep.faces.web.app as web

    calls: list[Any] = []
    real = web.run_in_threadpool

    async def counting(fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(fn)
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(web, "run_in_threadpool", counting)
    return calls


def test_a_place_page_reads_on_the_loop_once_the_gazetteer_is_loaded(
    app_config: Config, db: str, handed: list[Any]
) -> None:
    """The first place page may load the gazetteer (seconds): in a thread. Once it is
    loaded, a place page is read inline like any other page (no thread hand-off), with
    the same body."""
    import sitrep.faces.web.app as web

    app = web.create_app(app_config, db=db, cache_bytes=0)
    with TestClient(app) as c:
        first = c.get("/api/events?place=Albu%20Kamal")
        assert first.status_code == 200 and first.json()["items"]
        assert app.state.backend.api.gazetteer_loaded
        handed.clear()
        again = c.get("/api/events?place=Albu%20Kamal")
        assert again.content == first.content
        assert handed == []


def test_a_served_app_loads_the_gazetteer_and_actors_before_any_request(
    app_config: Config, db: str
) -> None:
    """sitrep serve's app (preload) loads what some requests load on first use in a
    thread of its own, so no request of a running server waits seconds for it; the
    tests' apps load them on first use as before."""
    import time

    from sitrep.faces.web import create_app

    lazy = create_app(app_config, db=db)
    served = create_app(app_config, db=db, preload=True)
    api = served.state.backend.api
    deadline = time.monotonic() + 120
    while not (api.gazetteer_loaded and api.actors_loaded) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert api.gazetteer_loaded and api.actors_loaded
    assert not lazy.state.backend.api.actors_loaded


def test_the_first_actor_page_loads_the_catalogue_off_the_loop(
    app_config: Config, db: str, handed: list[Any]
) -> None:
    import sitrep.faces.web.app as web

    app = web.create_app(app_config, db=db, cache_bytes=0)
    with TestClient(app) as c:
        first = c.get("/api/events?actor=ISIS")
        assert first.status_code == 200 and first.json()["items"]
        assert len(handed) == 1 and app.state.backend.api.actors_loaded
        assert c.get("/api/events?actor=ISIS").content == first.content
        assert len(handed) == 1  # loaded: read inline
