"""The page in headless Chromium gets new events pushed while it is open (/api/stream)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve_app
from test_browser import CHROMIUM, HOW, sync_playwright

from sitrep.core.config import Config
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_from_arg
from sitrep.read.en.extract import Extractor
from sitrep.store import open_store

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason=f"playwright is not installed; {HOW}"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; {HOW}"),
]

FIRST = "Iraqi forces recaptured the town of Rawa from ISIS on Friday, the army said."
LATER = (
    "Syrian government forces seized control of Mayadin from ISIS on Saturday, state media said."
)


def test_a_followed_report_reaches_the_open_page(
    app_config: Config, extractor: Extractor, tmp_path: Path
) -> None:
    from sitrep.faces.web import create_app

    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "rawa.txt").write_text(FIRST, "utf-8")
    config = app_config.with_(db=str(tmp_path / "live.db"))
    with open_store(config.db) as store:
        follower = Follower(config, store, [feed_from_arg(str(drop))], extractor=extractor)
        follower.poll(once=True)
        with (
            serve_app(create_app(config, comment_rate=None)) as url,
            sync_playwright() as p,
        ):
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_context(bypass_csp=True).new_page()
            page.goto(url + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=20_000)
            assert page.locator("#events li").count() == 1
            assert page.locator("#live").is_hidden()
            (drop / "mayadin.txt").write_text(LATER, "utf-8")
            follower.poll(once=True)
            # pushed, not reloaded: the marker and the new event appear within 60 s
            page.wait_for_selector("#live:not([hidden])", timeout=60_000)
            assert "1 new since you opened the page" in page.locator("#live").inner_text()
            page.wait_for_function(
                "document.querySelectorAll('#events li').length === 2", timeout=60_000
            )
            browser.close()
