"""The map's basemap in headless Chromium, offline: rivers, lakes and town names (issue 14).

Rivers and lakes come from ``make web-assets`` (sitrep/faces/web/basemap.py over the
pinned @geo-maps packages), town names from ``/api/labels`` (the gazetteer). The
checks look at what is drawn: water-coloured pixels on the water canvas where the
Euphrates runs, label elements whose boxes do not overlap, capitals zoomed out and
small towns zoomed in. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from test_browser import SHOTS, _load, browser, demo_db, server
from test_browser_page import _context

with contextlib.suppress(ImportError):  # without it, pytestmark skips every test
    from playwright.sync_api import Browser, Page

from test_browser import pytestmark  # noqa: E402,F401  (skip without Chromium or playwright)

from sitrep.faces.web.app import STATIC_DIR

__all__ = ["browser", "demo_db", "server"]

# Albu Kamal, on the Euphrates: at zoom 10 the river crosses the middle of the map.
RIVER_VIEW = "map=34.45,40.92,10"
# Syria and Iraq from the Mediterranean to the Gulf
WIDE_VIEW = "map=34.0,41.0,6"
# app.js WATER (#9cc3e0)
WATER_RGB = (0x9C, 0xC3, 0xE0)

# Pixels of the water colour in the middle (side x side px) of the water canvas.
_WATER_PIXELS = """([r, g, b, side]) => {
  const canvas = document.querySelector('.leaflet-water-pane canvas');
  if (!canvas) return -1;
  const ctx = canvas.getContext('2d');
  const x = Math.round(canvas.width / 2 - side / 2), y = Math.round(canvas.height / 2 - side / 2);
  const data = ctx.getImageData(x, y, side, side).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 &&
        Math.abs(data[i + 2] - b) < 8) n++;
  }
  return n;
}"""

_LABELS = """() => [...document.querySelectorAll('.town-label')].map((e) => {
  const r = e.getBoundingClientRect();
  return {name: e.textContent, capital: e.classList.contains('capital'),
          population: Number(e.dataset.population),
          box: [r.left, r.top, r.right, r.bottom]};
})"""


@pytest.fixture()
def page(browser: Browser, server: str) -> Iterator[Page]:
    if not (STATIC_DIR / "vendor" / "water.json").is_file():
        pytest.skip("no static/vendor/water.json: run `make web-assets`")
    yield from _context(browser, server, viewport={"width": 1400, "height": 900})


def _labels(page: Page) -> list[dict]:
    page.wait_for_function("document.querySelectorAll('.town-label').length > 0")
    page.wait_for_timeout(300)  # the last answer of a move replaces the ones before
    return page.evaluate(_LABELS)


def _overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = a["box"], b["box"]
            if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
                pairs.append((a["name"], b["name"]))
    return pairs


def test_rivers_and_lakes_are_drawn_where_the_euphrates_runs(page: Page, server: str) -> None:
    _load(page, server)
    page.wait_for_function("(document.getElementById('map').dataset.water || '') !== ''")
    page.goto(server + "/#" + RIVER_VIEW)
    page.reload()
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    # zoom 10 >= detail_zoom: the detail cell of Albu Kamal (lon 40-45, lat 30-35) loads
    page.wait_for_function("(document.getElementById('map').dataset.water || '').includes('8_6')")
    page.wait_for_timeout(300)
    river = page.evaluate(_WATER_PIXELS, [*WATER_RGB, 300])
    assert river > 150, f"only {river} water pixels around Albu Kamal"
    # and nothing is water-coloured in the Syrian desert south of Palmyra
    page.goto(server + "/#map=33.2,38.6,10")
    page.wait_for_timeout(800)
    desert = page.evaluate(_WATER_PIXELS, [*WATER_RGB, 300])
    assert 0 <= desert < river / 10, (desert, river)
    assert not page.errors  # type: ignore[attr-defined]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(server + "/#" + RIVER_VIEW)
    page.wait_for_timeout(800)
    page.screenshot(path=str(SHOTS / "60-basemap-river-labels.png"))


def test_town_names_by_zoom_without_overlap(page: Page, server: str) -> None:
    _load(page, server)
    page.goto(server + "/#" + WIDE_VIEW)
    page.wait_for_timeout(800)
    wide = _labels(page)
    names = {label["name"] for label in wide}
    assert {"Damascus", "Baghdad"} <= names, sorted(names)
    assert all(label["capital"] or label["population"] >= 100_000 for label in wide)
    assert not _overlapping(wide), _overlapping(wide)
    # the README's map (docs/screenshots/map-timeline.png): once the Euphrates' cell is in
    page.wait_for_function("(document.getElementById('map').dataset.water || '').includes('8_6')")
    page.wait_for_timeout(300)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "61-basemap-wide.png"))
    # zoomed in on Albu Kamal: the small towns of the valley, still apart
    page.goto(server + "/#" + RIVER_VIEW)
    page.wait_for_function(
        "[...document.querySelectorAll('.town-label')]"
        ".some(e => Number(e.dataset.population) < 15000)"
    )
    close = _labels(page)
    assert min(label["population"] for label in close) < 15_000
    assert not _overlapping(close), _overlapping(close)
    # Albu Kamal has a control dot with its name: no second label from the gazetteer
    assert not any("Kam" in label["name"] for label in close), close
    assert not page.errors  # type: ignore[attr-defined]
