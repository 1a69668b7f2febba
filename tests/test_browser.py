"""The web page in headless Chromium: offline, the control slider, event roundups.

Needs Debian's ``chromium`` (/usr/bin/chromium) and the ``playwright`` Python
package (its own browser download is never used). Without them every test
here skips, saying how to enable it. Screenshots go to
``test-artifacts/screenshots/`` (CI keeps that folder), one file per view that every run
overwrites, whichever browser test module runs first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ingest_reports, serve_app

from sitrep.core.config import Config
from sitrep.pipeline import ingest
from sitrep.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "sitrep" / "demo" / "reports.jsonl"
SHOTS = ROOT / "test-artifacts" / "screenshots"
ABU_KAMAL = 174448
THREE_CHANGES = [
    (
        "Wire One",
        "2017-11-09",
        "Syrian government forces captured Abu Kamal from ISIS on Wednesday, the army said.",
    ),
    (
        "Wire Two",
        "2017-11-09",
        "The Syrian army retook Albu Kamal from Islamic State fighters on Wednesday.",
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
]
HOW = "to enable: apt-get install chromium; pip install playwright==1.65.2"

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason=f"playwright is not installed; {HOW}"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; {HOW}"),
]


@pytest.fixture(scope="module")
def demo_db(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("web") / "demo.db"
    with open_store(str(path)) as store:
        ingest([DEMO], config=app_config, store=store, workers=1)
    return str(path)


@contextmanager
def _serving(config: Config, db: str) -> Iterator[str]:
    """The app on 127.0.0.1, a free port, in a background thread."""
    from sitrep.faces.web import create_app

    with serve_app(create_app(config, db=db)) as url:
        yield url


@pytest.fixture(scope="module")
def server(app_config: Config, demo_db: str) -> Iterator[str]:
    """The demo corpus, served."""
    with _serving(app_config, demo_db) as url:
        yield url


@pytest.fixture(scope="module")
def small_server(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Five short reports in which Abu Kamal changes hands three times, served."""
    db = ingest_reports(
        app_config, THREE_CHANGES, tmp_path_factory.mktemp("web-small") / "small.db"
    )
    with _serving(app_config, db) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield b
        b.close()


@pytest.fixture()
def page(browser: Browser, server: str) -> Iterator[Page]:
    # The page's Content-Security-Policy forbids eval, which wait_for_function needs;
    # these tests check behaviour, test_browser_comments.py checks the policy.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _load(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)


def _move_slider(page: Page, server: str, day: str) -> None:
    summary = json.loads(page.evaluate("fetch('/api/summary').then(r => r.text())"))
    index = (date.fromisoformat(day) - date.fromisoformat(summary["first_date"])).days
    page.evaluate(
        """(i) => { const s = document.getElementById('day');
                    s.value = String(i); s.dispatchEvent(new Event('input')); }""",
        index,
    )
    page.wait_for_selector(f'#control-list[data-as-of="{day}"]', timeout=10_000)


def _controller(page: Page, place_id: int) -> dict[str, Any]:
    """Who holds a place, as the list and the map marker say."""
    row = page.locator(f'#control-list li[data-place-id="{place_id}"]')
    marker = page.locator(f'#map path[data-place-id="{place_id}"]')
    return {
        "list": row.get_attribute("data-controller") if row.count() else None,
        "marker": marker.get_attribute("data-controller") if marker.count() else None,
    }


def test_page_loads_offline(page: Page, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    _load(page, server)
    page.wait_for_selector("#map path.leaflet-interactive")
    _shot(page, "01-page")
    assert requested, "the page made no request at all"
    outside = [u for u in requested if not u.startswith(server + "/")]
    assert not outside, f"requests left localhost: {outside}"
    # the map library, the borders and the data all came from this server
    assert any("/static/vendor/leaflet/leaflet.js" in u for u in requested)
    assert any("/static/vendor/countries-50m.json" in u for u in requested)
    assert page.locator("#events li.event").count() > 0
    assert page.locator("#legend-items li").count() > 0
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("corpus", ["demo", "three-changes"])
def test_slider_shows_abu_kamal_change_hands(
    page: Page, corpus: str, request: pytest.FixtureRequest
) -> None:
    server = request.getfixturevalue("server" if corpus == "demo" else "small_server")
    _load(page, server)
    _move_slider(page, server, "2017-11-09")
    assert _controller(page, ABU_KAMAL)["list"] == "Government of Syria"
    _move_slider(page, server, "2017-11-12")
    _shot(page, f"02-{corpus}-abu-kamal-2017-11-12")
    assert _controller(page, ABU_KAMAL) == {"list": "ISIS", "marker": "ISIS"}
    # the slider ends at the latest event: the demo's is 2017-11-26, the short store's 11-19
    last = "2017-11-20" if corpus == "demo" else "2017-11-19"
    _move_slider(page, server, last)
    _shot(page, f"03-{corpus}-abu-kamal-{last}")
    held = "Government of Syria"
    assert _controller(page, ABU_KAMAL) == {"list": held, "marker": held}
    # and the legend names the controller with its colour
    assert page.locator(f'#legend-items li[data-controller="{held}"]').count() == 1


def test_clicking_an_event_opens_its_roundup(page: Page, server: str) -> None:
    _load(page, server)
    # the first event in the list told by two outlets or more
    items = json.loads(page.evaluate("fetch('/api/events?limit=1000').then(r => r.text())"))
    told = [e for e in items["items"] if len({m["source"] for m in e["mentions"]}) >= 2]
    assert told, "the demo corpus should yield events told by two outlets"
    at_abu_kamal = [e for e in told if e["place"] and e["place"]["geonames_id"] == ABU_KAMAL]
    event = (at_abu_kamal or told)[0]
    card = page.locator(f'#events li.event[data-event-id="{event["id"]}"]')
    assert card.locator(".ev-sources a").count() >= 2  # each source links to its article
    card.click()
    page.wait_for_selector(f'#event-detail[data-event-id="{event["id"]}"]')
    outlets = page.locator("#event-detail .outlet")
    assert outlets.count() >= 2
    assert page.locator("#event-detail .outlet blockquote.quote").count() >= 2
    links = page.locator("#event-detail .outlet a[href^='https://']")
    assert links.count() >= 2
    _shot(page, "04-roundup")
    page.click("#back")
    assert page.locator("#events-view").is_visible()


def test_filters_narrow_the_event_list(page: Page, server: str) -> None:
    _load(page, server)
    before = page.locator("#events li.event").count()
    page.fill("#f-actor", "ISIS")
    page.fill("#f-since", "2017-11-01")
    page.wait_for_function(
        f"document.querySelectorAll('#events li.event').length < {before}", timeout=5_000
    )
    dates = page.locator("#events li.event time").all_inner_texts()
    assert dates and all(d >= "2017-11-01" for d in dates)
    _shot(page, "05-filtered")


def test_page_without_map_assets_still_works(page: Page, server: str) -> None:
    # as if `make web-assets` had not run: the vendor files answer 404
    page.route("**/static/vendor/**", lambda route: route.fulfill(status=404, body="missing"))
    _load(page, server)
    assert "make web-assets" in page.locator("#notice").inner_text()
    assert page.locator("#control-list li").count() > 0
    assert page.locator("#events li.event").count() > 0
    _shot(page, "06-no-map")


def test_data_text_is_never_markup(page: Page, server: str) -> None:
    """A roundup carrying markup and a javascript: URL is shown as text, not run."""
    _load(page, server)
    hostile = {
        "event": {
            "id": "feedface",
            "sub_event_type": "<img src=x onerror=window.pwned=1>",
            "event_type": "Battles",
            "place": {"name": "<b>Bold</b>", "lat": 34.4, "lon": 40.9},
            "date": None,
            "status": "occurred",
            "actor1": "<script>window.pwned=2</script>",
            "actor2": None,
            "assoc_actors": [],
            "fatalities": None,
        },
        "outlets": [
            {
                "outlet": "Outlet <i>one</i>",
                "cites": [],
                "reports": [
                    {
                        "url": "javascript:window.pwned=3",
                        "title": "t",
                        "published": "2017-11-12",
                        "language": "fa",
                        "quotes": [{"text": "داعش کنترل البوکمال را پس گرفت", "speaker": None}],
                    }
                ],
            }
        ],
        "agreements": [],
        "differences": [],
    }
    page.route(
        "**/api/roundups/feedface",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(hostile)
        ),
    )
    page.evaluate("location.hash = 'event=feedface'")  # a deep link to the event
    page.wait_for_selector('#event-detail[data-event-id="feedface"]')
    assert page.evaluate("window.pwned") is None
    detail = page.locator("#event-detail")
    assert "<img src=x" in detail.inner_text()
    assert detail.locator("img, b, i, script").count() == 0
    assert detail.locator("a[href^='javascript']").count() == 0
    persian = detail.locator('blockquote p[lang="fa"]')
    assert persian.get_attribute("dir") == "rtl"
    _shot(page, "07-markup-as-text-and-rtl")
