"""Reader comments on the page, in headless Chromium: shown as text, never run.

Needs Debian's ``chromium`` (/usr/bin/chromium) and the ``playwright`` Python
package; without them every test here skips, saying how to enable it. Hostile
comments are forced to published and the event page and the moderator's page
are loaded with the Content-Security-Policy bypassed, so what is tested is the
page's own escaping (textContent), not the policy that would also stop them;
one test checks the policy on its own. Screenshots go to
``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import ingest_reports, serve_app
from sqlalchemy import select

from sitrep.core.config import Config
from sitrep.moderation import comments as cm
from sitrep.store import events, open_store

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
HOW = "to enable: apt-get install chromium; pip install playwright==1.65.2"
REPORTS = [
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
]
PERSIAN = "ارتش سوریه البوکمال را پس گرفت؛ خبر مهمی بود."
FINGLISH = "salam, gozaresh kheili khoob bood"
# Each would set window.__xss (or open a dialog, or fetch from elsewhere) if it ran as markup.
HOSTILE = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "</textarea><svg onload=window.__xss=3>",
    '"><iframe srcdoc="<script>parent.__xss=4</script>"></iframe>',
    '<a id="xss-link" href="javascript:window.__xss=5">click</a>',
    "<details open ontoggle=window.__xss=6>",
    "<style>body{display:none}</style><b>bold?</b>",
    "سلام <b>دنیا</b> <img src=x onerror=window.__xss=7>",
    "<img src=http://203.0.113.7/beacon.png>",
    "{{constructor.constructor('window.__xss=8')()}}",
    "<body onload=alert(9)>",
    "&lt;script&gt;window.__xss=10&lt;/script&gt; and &amp; stays &amp;",
]
# Installed before any page script: a payload that ran would leave a trace here.
TRAPS = """
window.__xss = 0;
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function () { window.__xss += 1000; };
}
"""

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason=f"playwright is not installed; {HOW}"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing; {HOW}"),
]


@dataclass
class Site:
    url: str
    db: str
    event_id: str
    admin: str
    moderator: str


@contextmanager
def _serving(config: Config, db: str) -> Iterator[str]:
    """The app on 127.0.0.1, a free port, in a background thread, with no rate limit."""
    from sitrep.faces.web import create_app

    with serve_app(create_app(config, db=db, comment_rate=None)) as url:
        yield url


@pytest.fixture(scope="module")
def site(app_config: Config, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder = tmp_path_factory.mktemp("web-comments")
    db = ingest_reports(app_config, REPORTS, folder / "comments.db")
    with open_store(db) as store:
        with store.engine.connect() as conn:
            event_id = conn.execute(select(events.c.id).limit(1)).scalar_one()
        admin = cm.create_token(store, "arash", "admin")
        moderator = cm.create_token(store, "mina", "moderator")
    with _serving(app_config, db) as url:
        yield Site(url, db, event_id, admin, moderator)


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


@dataclass
class Watch:
    """What a page did that it should not: dialogs, errors, requests to other hosts."""

    dialogs: list[str]
    errors: list[str]
    outside: list[str]
    console: list[str]


def _open(browser: Browser, site: Site, *, csp: bool = False) -> tuple[Page, Watch]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=not csp)
    context.add_init_script(TRAPS)
    page = context.new_page()
    watch = Watch([], [], [], [])

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    page.on("console", lambda msg: watch.console.append(msg.text))
    page.on(
        "request",
        lambda req: None if req.url.startswith(site.url + "/") else watch.outside.append(req.url),
    )
    return page, watch


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _post(site: Site, text: str, *, author: str = "Reader") -> httpx.Response:
    return httpx.post(
        site.url + "/api/comments",
        json={"target_type": "event", "target_id": site.event_id, "author": author, "text": text},
        timeout=30,
    )


def _force_published(site: Site, comment_id: int) -> None:
    res = httpx.post(
        f"{site.url}/api/moderation/comments/{comment_id}",
        json={"verdict": "publish", "note": "test: shown to check escaping"},
        headers={"Authorization": f"Bearer {site.admin}"},
        timeout=30,
    )
    assert res.status_code == 200, res.text


def _open_event(page: Page, site: Site) -> None:
    page.goto(f"{site.url}/#event={site.event_id}")
    page.wait_for_selector(f'#event-detail[data-event-id="{site.event_id}"]', timeout=20_000)
    page.wait_for_selector('#comment-list[data-loaded="true"]', timeout=20_000)


def _assert_nothing_ran(page: Page, watch: Watch) -> None:
    assert page.evaluate("window.__xss") == 0
    assert watch.dialogs == []
    assert watch.outside == [], "markup in a comment made the page fetch from elsewhere"
    assert watch.errors == []


def _rendered(page: Page, selector: str) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """(sel) => ({
                texts: Array.from(document.querySelectorAll(sel + ' .comment-text'))
                    .map((n) => n.textContent),
                authors: Array.from(document.querySelectorAll(sel + ' .comment-author'))
                    .map((n) => n.textContent),
                // any element inside a comment's text or name came from markup in it
                inner: document.querySelectorAll(
                    sel + ' .comment-text *, ' + sel + ' .comment-author *').length,
                foreign: document.querySelectorAll(
                    sel + ' script, ' + sel + ' img, ' + sel + ' iframe, ' + sel + ' svg, ' +
                    sel + ' style, ' + sel + ' details, ' + sel + ' b, ' + sel + ' a#xss-link'
                ).length,
            })""",
            selector,
        )
    )


def test_comments_show_as_text_and_persian_right_to_left(browser: Browser, site: Site) -> None:
    persian = _post(site, PERSIAN).json()
    assert persian["status"] == "published"
    for text in HOSTILE:
        res = _post(site, text, author=text[:80])
        assert res.status_code == 201, res.text
        if res.json()["status"] != "published":
            _force_published(site, res.json()["id"])
    stored = httpx.get(
        f"{site.url}/api/comments?target_type=event&target_id={site.event_id}&limit=500"
    ).json()["items"]
    assert {c["text"] for c in stored} >= set(HOSTILE)

    page, watch = _open(browser, site)
    _open_event(page, site)
    page.wait_for_timeout(300)  # time for an onerror or onload to fire, were it markup
    shown = _rendered(page, "#comment-list")
    assert shown["texts"] == [c["text"] for c in stored]
    assert shown["authors"] == [c["author"] for c in stored]
    assert shown["inner"] == 0 and shown["foreign"] == 0
    _assert_nothing_ran(page, watch)
    fa = page.locator(f'#comment-list li[data-comment-id="{persian["id"]}"] .comment-text')
    assert (fa.get_attribute("dir"), fa.get_attribute("lang")) == ("rtl", "fa")
    latin = page.locator("#comment-list .comment-text", has_text="window.__xss=1").first
    assert latin.get_attribute("dir") == "auto"
    page.locator("#comments").scroll_into_view_if_needed()
    _shot(page, "20-comments-as-text")
    page.context.close()


def test_posting_shows_the_verdict_and_reasons(browser: Browser, site: Site) -> None:
    page, watch = _open(browser, site)
    _open_event(page, site)
    before = int(page.get_attribute("#comment-list", "data-count") or 0)

    page.fill("#comment-author", "سارا")
    page.fill("#comment-text", "گزارش دقیقی بود، سپاس")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector('#comment-result[data-status="published"]')
    page.wait_for_selector(f'#comment-list[data-count="{before + 1}"]')
    assert page.locator("#comment-list .comment-text", has_text="گزارش دقیقی بود").count() == 1

    page.fill("#comment-text", FINGLISH)
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector('#comment-result[data-status="rejected"]')
    reasons = page.locator("#comment-result .reasons li").all_inner_texts()
    assert reasons and reasons[0].startswith("finglish:") and "Finglish" in reasons[0]

    # a held comment: its reason quotes the comment, markup included, as text
    page.fill("#comment-text", "خر <img src=x onerror=window.__xss=11>")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector('#comment-result[data-status="review"]')
    assert "moderator" in page.inner_text("#comment-result")
    assert page.locator("#comment-result img").count() == 0
    _shot(page, "21-comment-verdict")

    # a refused post says why (the form's own limit is bypassed here on purpose)
    page.fill("#comment-text", "x" * 4001)
    page.evaluate("document.querySelector('#comment-form button[type=submit]').disabled = false")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector('#comment-result[data-status="error"]')
    assert "4000" in page.inner_text("#comment-result")
    assert int(page.get_attribute("#comment-list", "data-count") or 0) == before + 1
    _assert_nothing_ran(page, watch)
    page.context.close()


def _login(page: Page, site: Site, token: str) -> None:
    page.goto(site.url + "/moderate")
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#token", token)
    page.click("#login button[type=submit]")


def test_moderator_page_lists_and_decides(browser: Browser, site: Site) -> None:
    held = [
        _post(site, f"خر {text}", author=f"<i>{i}</i>").json() for i, text in enumerate(HOSTILE[:4])
    ]
    assert all(h["status"] in ("review", "rejected") for h in held)

    page, watch = _open(browser, site)
    _login(page, site, "sitrep_not-a-token")
    page.wait_for_selector("#notice:not([hidden])")
    assert "unknown or revoked" in page.inner_text("#notice")

    _login(page, site, site.admin)
    page.wait_for_selector('#queue[data-loaded="true"]')
    assert "arash (admin)" in page.inner_text("#who")
    shown = _rendered(page, "#queue")
    for h, text in zip(held, HOSTILE[:4], strict=True):
        item = page.locator(f'#queue li[data-comment-id="{h["id"]}"]')
        assert item.locator(".comment-text").text_content() == f"خر {text}"
        assert item.locator(".reasons li").count() >= 1
    assert shown["inner"] == 0 and shown["foreign"] == 0
    _shot(page, "22-moderation-queue")

    first = page.locator(f'#queue li[data-comment-id="{held[0]["id"]}"]')
    first.locator("input").fill("allowed: quoted for the record")
    first.locator("button.publish").click()
    page.wait_for_selector(f'#queue li[data-comment-id="{held[0]["id"]}"]', state="detached")
    # the audit log reloads with the decision and its note
    page.locator("#audit td", has_text="allowed: quoted for the record").wait_for()
    second = page.locator(f'#queue li[data-comment-id="{held[1]["id"]}"]')
    second.locator("button.reject").click()
    page.wait_for_selector(f'#queue li[data-comment-id="{held[1]["id"]}"]', state="detached")
    _assert_nothing_ran(page, watch)
    published = httpx.get(
        f"{site.url}/api/comments?target_type=event&target_id={site.event_id}&limit=500"
    ).json()["items"]
    ids = {c["id"] for c in published}
    assert held[0]["id"] in ids and held[1]["id"] not in ids

    # a moderator sees the queue but not the audit log
    page.click("#logout")
    _login(page, site, site.moderator)
    page.wait_for_selector('#queue[data-loaded="true"]')
    assert page.locator("#audit-box").is_hidden()
    page.context.close()


def test_content_security_policy_blocks_inline_script(browser: Browser, site: Site) -> None:
    page, watch = _open(browser, site, csp=True)
    page.goto(site.url + "/")
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)
    assert page.locator("#events li.event").count() > 0
    assert not [m for m in watch.console if "Content Security Policy" in m]
    ran = page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__inline = 1';
                   document.body.appendChild(s);
                   return window.__inline === 1; }"""
    )
    assert ran is False
    assert watch.errors == []
    page.context.close()


# -- the shared payload lists ----------------------------------------------------------------

# The event page lists at most this many of an event's comments (app.js asks for 500).
EVENT_PAGE_COMMENTS = 500


def _payloads() -> list[str]:
    """Every distinct line of every list in ../shared/data/security/xss, polyglots first."""
    from sitrep.quality.evaluation.common import data_path

    folder = data_path("security", "xss")
    polyglots = [
        line
        for line in (folder / "XSS_Polyglots.txt").read_text("utf-8").splitlines()
        if line.strip()
    ]
    others: set[str] = set()
    for path in sorted(folder.glob("*.txt")):
        others.update(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return list(dict.fromkeys(polyglots)) + sorted(others - set(polyglots))


def _audit_notes(page: Page) -> list[str]:
    return list(
        page.eval_on_selector_all(
            "#audit tr", "(rows) => rows.map((r) => r.children[5].textContent)"
        )
    )


@pytest.mark.shared
def test_shared_xss_payloads_never_run(browser: Browser, site: Site) -> None:
    """Every payload of the shared lists, posted as a comment (text and name), shown on
    every page that shows readers' text: the moderator's queue (all its pages), the
    audit log (each payload is also a moderator's note) and the event page (in turns of
    500, as many as it lists): shown as text, and nothing runs."""
    payloads = _payloads()
    posted: list[tuple[int, str]] = []
    refused: list[str] = []
    # `make eval` runs this beside the other shared tests (the benchmark's own processes
    # among them): a post may wait for the CPU; a timeout is no figure of speed here
    with httpx.Client(base_url=site.url, timeout=180) as http:
        for text in payloads:
            res = http.post(
                "/api/comments",
                json={
                    "target_type": "event",
                    "target_id": site.event_id,
                    "author": text[:80],
                    "text": text,
                },
            )
            if res.status_code == 400:  # control characters: refused, and it says so
                assert "character" in res.json()["message"], res.text
                refused.append(text)
                continue
            assert res.status_code == 201, (text, res.text)
            posted.append((res.json()["id"], text))
    assert len(refused) <= len(payloads) // 20
    held = _api_queue(site)
    assert len(held) > 500  # more than one page, and more than the old single page

    # the moderator's queue shows the held and rejected payloads, every page, as text
    page, watch = _open(browser, site)
    _login(page, site, site.admin)
    pages = _show_whole_queue(page)
    shown = _rendered(page, "#queue")
    assert pages > 1 and shown["texts"] == [c["text"] for c in held]
    assert shown["authors"] == [c["author"] for c in held]
    assert shown["inner"] == 0 and shown["foreign"] == 0
    _assert_nothing_ran(page, watch)
    page.context.close()

    # published through the library (one HTTP round trip each would double the run
    # time), each with the payload as the moderator's note; the event page lists 500 of
    # an event's comments, so all are taken out first (the policy published many), then
    # published 500 at a time and rejected again after
    admin = cm.User(id=0, name="xss-test", role="admin")
    with open_store(site.db) as store:  # those the policy published: out, to come in turns
        for comment_id, _ in posted:
            cm.decide(store, comment_id, "reject", moderator=admin)
    already = len(
        httpx.get(
            f"{site.url}/api/comments?target_type=event&target_id={site.event_id}&limit=500",
            timeout=30,
        ).json()["items"]
    )
    turn_size = EVENT_PAGE_COMMENTS - already
    assert turn_size >= 100, f"{already} other comments published on the test event"
    for turn in range(0, len(posted), turn_size):
        chunk = posted[turn : turn + turn_size]
        with open_store(site.db) as store:
            for comment_id, text in chunk:
                note = text[: cm.MAX_NOTE]
                cm.decide(store, comment_id, "publish", moderator=admin, note=note)
        stored = httpx.get(
            f"{site.url}/api/comments?target_type=event&target_id={site.event_id}&limit=500",
            timeout=30,
        ).json()["items"]
        by_id = {c["id"]: c["text"] for c in stored}
        for comment_id, text in chunk:
            # kept as given (NFC, trimmed), not escaped or stripped by the server
            assert by_id[comment_id] == unicodedata.normalize("NFC", text).strip()
        page, watch = _open(browser, site)
        _open_event(page, site)
        page.wait_for_function(
            "(n) => document.querySelectorAll('#comment-list .comment-text').length === n",
            arg=len(stored),
            timeout=30_000,
        )
        shown = _rendered(page, "#comment-list")
        assert shown["texts"] == [c["text"] for c in stored]
        assert shown["authors"] == [c["author"] for c in stored]
        assert shown["inner"] == 0 and shown["foreign"] == 0
        _assert_nothing_ran(page, watch)
        if turn == 0:
            _shot(page, "23-shared-xss-payloads")
        page.context.close()
        with open_store(site.db) as store:
            for comment_id, text in chunk:
                cm.decide(store, comment_id, "reject", moderator=admin, note=text[: cm.MAX_NOTE])

    # the audit log (admins): the newest 200 decisions, the payload notes among them
    page, watch = _open(browser, site)
    _login(page, site, site.admin)
    page.wait_for_selector("#audit tr", timeout=20_000)
    audit = httpx.get(
        site.url + "/api/moderation/audit?limit=200",
        headers={"Authorization": f"Bearer {site.admin}"},
        timeout=30,
    ).json()["items"]
    notes = _audit_notes(page)
    assert notes == [a["note"] for a in audit]
    assert page.locator("#audit td *").count() == 0
    _assert_nothing_ran(page, watch)
    page.context.close()
    print(
        f"xss: {len(payloads)} payloads, {len(posted)} shown as text on the event page "
        f"and as notes in the audit log, {len(held)} in the moderation queue "
        f"({pages} pages), {len(refused)} refused at the door"
    )


def test_comment_limit_is_said_not_cut(browser: Browser, site: Site) -> None:
    page, watch = _open(browser, site)
    _open_event(page, site)
    # a pasted text over the limit is kept whole; the box says by how much it is over
    page.fill("#comment-text", "x" * 4100)
    page.wait_for_selector('#comment-count[data-over="true"]')
    said = page.inner_text("#comment-count")
    assert "4100" in said and "4000" in said and "100" in said
    assert page.input_value("#comment-text") == "x" * 4100
    assert page.is_disabled("#comment-form button[type=submit]")
    _shot(page, "24-comment-over-the-limit")
    page.fill("#comment-text", "x" * 4000)
    page.wait_for_selector('#comment-count[data-over="false"]')
    assert not page.is_disabled("#comment-form button[type=submit]")
    _assert_nothing_ran(page, watch)
    page.context.close()


def test_comment_count_on_the_card_and_near_the_top(browser: Browser, site: Site) -> None:
    page, watch = _open(browser, site)
    _open_event(page, site)
    before = int(page.get_attribute("#comment-list", "data-count") or 0)
    assert page.get_attribute("#comments-jump", "data-comments") == str(before)
    page.fill("#comment-author", "Nima")
    page.fill("#comment-text", "A careful report, thank you.")
    page.click("#comment-form button[type=submit]")
    page.wait_for_selector('#comment-result[data-status="published"]')
    page.wait_for_selector(f'#comments-jump[data-comments="{before + 1}"]')
    page.click("#comments-jump")
    # back to the list: the event's card counts the comment
    page.click("#back")
    card = page.locator(f'#events li.event[data-event-id="{site.event_id}"] .ev-comments')
    page.wait_for_function(
        "([id, n]) => document.querySelector(`#events li.event[data-event-id='${id}'] "
        ".ev-comments`)?.dataset.comments === n",
        arg=[site.event_id, str(before + 1)],
    )
    assert str(before + 1) in card.inner_text()
    _assert_nothing_ran(page, watch)
    page.context.close()


def test_flag_this_event_goes_to_the_moderators(browser: Browser, site: Site) -> None:
    page, watch = _open(browser, site)
    _open_event(page, site)
    page.click("#flag-open")
    page.select_option("#flag-what", "date")
    page.fill("#flag-author", "Editor")
    page.fill("#flag-note", "The capture was on Wednesday 8 November, not the 9th.")
    _shot(page, "25-flag-this-event")
    page.click("#flag-form button[type=submit]")
    page.wait_for_selector('#flag-result[data-status="review"]')
    assert page.is_hidden("#flag-form")
    queue = httpx.get(
        site.url + "/api/moderation/queue",
        headers={"Authorization": f"Bearer {site.moderator}"},
        timeout=30,
    ).json()["items"]
    flagged = [c for c in queue if c["text"].startswith("The capture was on Wednesday")]
    assert len(flagged) == 1 and flagged[0]["target_id"] == site.event_id
    assert flagged[0]["reasons"][0]["rule"] == "reader flag"
    assert "date" in flagged[0]["reasons"][0]["detail"]
    # never shown among the readers' comments
    assert page.locator("#comment-list .comment-text", has_text="capture was on").count() == 0
    _assert_nothing_ran(page, watch)
    page.context.close()


def _api_queue(site: Site) -> list[dict[str, Any]]:
    """Every comment waiting for a decision, page by page through the API's `next`."""
    items: list[dict[str, Any]] = []
    url: str | None = "/api/moderation/queue?limit=500"
    with httpx.Client(base_url=site.url, timeout=30) as http:
        while url is not None:
            page = http.get(url, headers={"Authorization": f"Bearer {site.admin}"}).json()
            items += page["items"]
            url = page["next"]
    return items


def _show_whole_queue(page: Page) -> int:
    """Click "Show more comments" until the moderator's page lists the whole queue;
    how many pages that took."""
    pages = 1
    page.wait_for_selector('#queue[data-loaded="true"]', timeout=20_000)
    while page.locator("#queue-more").is_visible():
        shown = page.locator("#queue li.mod-item").count()
        page.click("#queue-more")
        page.wait_for_function(
            "(n) => document.querySelector('#queue').dataset.loaded === 'true' && "
            "document.querySelectorAll('#queue li.mod-item').length > n",
            arg=shown,
            timeout=20_000,
        )
        pages += 1
    return pages


def test_moderator_page_shows_more_than_one_page(browser: Browser, site: Site) -> None:
    """More comments wait than one page holds (200): "Show more comments" brings the rest,
    continuing after the last one shown even when some on the first page were decided."""
    with httpx.Client(base_url=site.url, timeout=30) as http:
        for i in range(230):
            res = http.post(
                "/api/comments",
                json={
                    "target_type": "event",
                    "target_id": site.event_id,
                    "author": f"Reader {i}",
                    "text": f"خر {i}",
                },
            )
            assert res.status_code == 201 and res.json()["status"] != "published", res.text
    waiting = _api_queue(site)
    assert len(waiting) > 230

    page, watch = _open(browser, site)
    _login(page, site, site.moderator)
    page.wait_for_selector('#queue[data-loaded="true"]', timeout=20_000)
    assert page.locator("#queue li.mod-item").count() == 200
    assert page.locator("#queue-more").is_visible()
    assert "200" in page.inner_text("#shown")
    # a decision on the first page: the next pages still start after the last one shown
    first = page.locator(f'#queue li[data-comment-id="{waiting[0]["id"]}"]')
    first.locator("button.reject").click()
    page.wait_for_selector(f'#queue li[data-comment-id="{waiting[0]["id"]}"]', state="detached")
    pages = _show_whole_queue(page)
    shown = [
        int(i)
        for i in page.eval_on_selector_all(
            "#queue li.mod-item", "(nodes) => nodes.map((n) => n.dataset.commentId)"
        )
    ]
    assert shown == [c["id"] for c in waiting[1:]]
    assert pages == -(-len(waiting) // 200) and page.locator("#queue-more").is_hidden()
    assert f"Showing all {len(shown)} waiting" in page.inner_text("#shown")
    _shot(page, "26-moderation-queue-pages")
    _assert_nothing_ran(page, watch)
    page.context.close()
    # leave the queue as the other tests found it
    admin = cm.User(id=0, name="paging-test", role="admin")
    with open_store(site.db) as store:
        for c in waiting[1:]:
            cm.decide(store, c["id"], "reject", moderator=admin, note="test: paging")
