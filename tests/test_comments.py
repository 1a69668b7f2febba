"""Reader comments and moderation: storage, the HTTP API, limits, tokens, the admin CLI."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.core.config import Config
from sitrep.core.errors import InputError, LookupFailed, StoreError
from sitrep.faces.web.limits import RateLimiter
from sitrep.moderation import comments as cm
from sitrep.store import Store, articles, events, open_store

with warnings.catch_warnings():
    # starlette asks for its httpx fork; the released httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EVENT = "0123456789abcdef"
OTHER_EVENT = "fedcba9876543210"
ARTICLE = "a" * 32
PERSIAN = "گزارش خوبی بود، ممنون از شما"
FINGLISH = "salam, gozaresh kheili khoob bood"
INSULT = "تو احمقی"
UNCERTAIN = "خر"  # a mild word with no one it is aimed at: a moderator decides
HOSTILE = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "</textarea><svg onload=window.__xss=3>",
    "javascript:window.__xss=4",
    "سلام <b>دنیا</b> <img src=x onerror=window.__xss=5>",
]


def _seed(store: Store) -> None:
    """One event and one article, inserted straight into the tables."""
    with store.engine.begin() as conn:
        for eid in (EVENT, OTHER_EVENT):
            conn.execute(
                events.insert().values(
                    id=eid,
                    block="SYR|battles|fact",
                    event_type="Battles",
                    sub_event_type="Armed clash",
                    status="occurred",
                    assoc_actors="[]",
                    confidence=0.9,
                    sources='["Wire One"]',
                    n_sources=1,
                    n_mentions=1,
                    n_independent=1,
                    denied_by="[]",
                )
            )
        conn.execute(
            articles.insert().values(
                id=ARTICLE,
                content_hash="b" * 32,
                language="en",
                text="Fighting was reported near the town.",
                status="ok",
                ingested_at="2017-11-12T00:00:00+00:00",
            )
        )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("comments") / "comments.db"
    with open_store(str(path)) as store:
        _seed(store)
    return str(path)


@pytest.fixture(scope="module")
def tokens(db: str) -> dict[str, str]:
    with open_store(db) as store:
        return {
            "moderator": cm.create_token(store, "mina", "moderator"),
            "admin": cm.create_token(store, "arash", "admin"),
        }


@pytest.fixture(scope="module")
def client(app_config: Config, db: str, tokens: dict[str, str]) -> Iterator[TestClient]:
    from sitrep.faces.web import create_app

    with TestClient(create_app(app_config, db=db, comment_rate=None)) as c:
        yield c


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _post(client: TestClient, text: str, *, target: str = EVENT, status: int = 201) -> Any:
    res = client.post(
        "/api/comments",
        json={"target_type": "event", "target_id": target, "author": "Reader", "text": text},
    )
    assert res.status_code == status, res.text
    return res.json()


def _published(client: TestClient, target: str = EVENT) -> list[dict[str, Any]]:
    res = client.get(f"/api/comments?target_type=event&target_id={target}")
    assert res.status_code == 200, res.text
    items: list[dict[str, Any]] = res.json()["items"]
    return items


# -- the policy decides, with reasons ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "status", "rule"),
    [
        (PERSIAN, "published", None),
        (FINGLISH, "rejected", "finglish"),
        (INSULT, "rejected", "insult"),
        (UNCERTAIN, "review", "insult"),
    ],
)
def test_the_default_policy_decides_with_reasons(
    client: TestClient, text: str, status: str, rule: str | None
) -> None:
    body = _post(client, text)
    assert body["status"] == status
    assert isinstance(body["id"], int)
    assert body["policy_version"] == "tabnak-2017.1"
    if rule:
        # the commenter is told why: the rule, in words, and where in the text
        assert body["reasons"][0]["rule"] == rule
        assert body["reasons"][0]["detail"]
        assert body["reasons"][0]["span"] is not None


def test_only_published_comments_are_listed(client: TestClient) -> None:
    kept = _post(client, PERSIAN + " (2)", target=OTHER_EVENT)
    _post(client, FINGLISH, target=OTHER_EVENT)
    _post(client, UNCERTAIN, target=OTHER_EVENT)
    items = _published(client, OTHER_EVENT)
    assert [c["id"] for c in items] == [kept["id"]]
    assert items[0]["language"] == "fa"
    # readers see the comment, not the moderation record or the client hash
    assert set(items[0]) == {
        "id",
        "target_type",
        "target_id",
        "author",
        "text",
        "created_at",
        "language",
    }


def test_comments_on_an_article(client: TestClient) -> None:
    res = client.post(
        "/api/comments",
        json={"target_type": "article", "target_id": ARTICLE, "author": "R", "text": "Thanks."},
    )
    assert res.status_code == 201 and res.json()["status"] == "published"
    listed = client.get(f"/api/comments?target_type=article&target_id={ARTICLE}").json()
    assert [c["text"] for c in listed["items"]] == ["Thanks."]


def test_unknown_target_is_404(client: TestClient) -> None:
    body = _post(client, PERSIAN, target="00000000deadbeef", status=404)
    assert "no event" in body["message"] and "00000000deadbeef" in body["message"]
    res = client.get("/api/comments?target_type=event&target_id=00000000deadbeef")
    assert res.status_code == 404


def test_hostile_text_is_stored_as_given(client: TestClient, db: str) -> None:
    """The API keeps markup as text; the page shows it as text (test_browser_comments)."""
    ids = [_post(client, text)["id"] for text in HOSTILE]
    with open_store(db, readonly=True) as store:
        stored = [cm.get_comment(store, i).text for i in ids]
    assert stored == HOSTILE


# -- moderators --------------------------------------------------------------------


def test_queue_needs_a_token(client: TestClient, tokens: dict[str, str]) -> None:
    res = client.get("/api/moderation/queue")
    assert res.status_code == 401
    assert res.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Authorization: Bearer" in res.json()["message"]
    assert client.get("/api/moderation/queue", headers=_auth("sitrep_wrong")).status_code == 401
    basic = client.get("/api/moderation/queue", headers={"Authorization": "Basic YTpi"})
    assert basic.status_code == 401
    assert (
        client.get("/api/moderation/queue", headers=_auth(tokens["moderator"])).status_code == 200
    )
    # the audit log is for admins: a moderator is refused, with the role it needs
    denied = client.get("/api/moderation/audit", headers=_auth(tokens["moderator"]))
    assert denied.status_code == 403 and "admin" in denied.json()["message"]
    assert client.get("/api/moderation/audit", headers=_auth(tokens["admin"])).status_code == 200
    # deciding needs a token too
    assert client.post("/api/moderation/comments/1", json={"verdict": "publish"}).status_code == 401


def test_decisions_are_audited(client: TestClient, tokens: dict[str, str]) -> None:
    held = _post(client, UNCERTAIN)
    rejected = _post(client, FINGLISH)
    queue = client.get("/api/moderation/queue", headers=_auth(tokens["moderator"])).json()
    waiting = {c["id"]: c for c in queue["items"]}
    assert held["id"] in waiting and rejected["id"] in waiting
    assert waiting[rejected["id"]]["reasons"][0]["rule"] == "finglish"
    assert queue["moderator"] == {"name": "mina", "role": "moderator"}

    res = client.post(
        f"/api/moderation/comments/{held['id']}",
        json={"verdict": "publish", "note": "a fair word about a donkey"},
        headers=_auth(tokens["moderator"]),
    )
    assert res.status_code == 200, res.text
    assert res.json()["status"] == "published" and res.json()["moderated_by"] == "mina"
    assert held["id"] in [c["id"] for c in _published(client)]
    # a decided comment leaves the queue
    again = client.get("/api/moderation/queue", headers=_auth(tokens["moderator"])).json()
    assert held["id"] not in [c["id"] for c in again["items"]]

    audit = client.get(
        f"/api/moderation/audit?comment_id={held['id']}", headers=_auth(tokens["admin"])
    ).json()["items"]
    assert len(audit) == 1
    entry = audit[0]
    assert (entry["moderator"], entry["from"], entry["to"]) == ("mina", "review", "published")
    assert entry["note"] == "a fair word about a donkey" and entry["at"]

    # and back: an admin rejects it again; both decisions are in the log
    client.post(
        f"/api/moderation/comments/{held['id']}",
        json={"verdict": "reject", "note": "second thoughts"},
        headers=_auth(tokens["admin"]),
    )
    assert held["id"] not in [c["id"] for c in _published(client)]
    audit = client.get(
        f"/api/moderation/audit?comment_id={held['id']}", headers=_auth(tokens["admin"])
    ).json()["items"]
    assert [(a["from"], a["to"]) for a in audit] == [
        ("published", "rejected"),
        ("review", "published"),
    ]


def _queue_page(client: TestClient, token: str, url: str) -> dict[str, Any]:
    res = client.get(url, headers=_auth(token))
    assert res.status_code == 200, res.text
    page: dict[str, Any] = res.json()
    return page


def test_queue_pages_by_keyset_past_any_length(client: TestClient, tokens: dict[str, str]) -> None:
    """The queue is not cut at one page: `next` walks every waiting comment once, oldest
    first, and a decision taken on a page already read skips none of the rest (an
    offset would: every decided comment shifts the later ones forward)."""
    moderator = tokens["moderator"]
    for i in range(7):
        _post(client, f"{UNCERTAIN} {i}")
    everything = [
        c["id"] for c in _queue_page(client, moderator, "/api/moderation/queue?limit=500")["items"]
    ]
    assert len(everything) >= 7 and everything == sorted(everything)

    seen: list[int] = []
    url: str | None = "/api/moderation/queue?limit=3"
    first = True
    while url is not None:
        page = _queue_page(client, moderator, url)
        ids = [c["id"] for c in page["items"]]
        assert 0 < len(ids) <= 3
        seen += ids
        if page["next"] is None:
            assert page["next_after"] is None
        else:
            assert page["next_after"] == ids[-1] and len(ids) == 3
        if first:  # decide the whole first page before reading the second
            for comment_id in ids:
                res = client.post(
                    f"/api/moderation/comments/{comment_id}",
                    json={"verdict": "reject"},
                    headers=_auth(moderator),
                )
                assert res.status_code == 200, res.text
            first = False
        url = page["next"]
    assert seen == everything

    # the same by offset would have skipped as many comments as were decided
    rest = _queue_page(client, moderator, "/api/moderation/queue?limit=3&offset=3")["items"]
    assert rest and rest[0]["id"] != everything[3]
    # decided comments come back with include_decided, and `next` keeps that choice
    decided = _queue_page(client, moderator, "/api/moderation/queue?limit=1&include_decided=1")
    assert decided["next"] == f"/api/moderation/queue?limit=1&after={decided['next_after']}" + (
        "&include_decided=true"
    )
    for bad in ("-1", str(2**63), "x", "1.5"):
        res = client.get(f"/api/moderation/queue?after={bad}", headers=_auth(moderator))
        assert res.status_code == 422 and "after" in res.json()["message"], res.text


@pytest.mark.parametrize(
    ("url", "body", "status"),
    [
        ("/api/moderation/comments/999999", {"verdict": "publish"}, 404),
        ("/api/moderation/comments/1", {"verdict": "maybe"}, 422),
        ("/api/moderation/comments/1", {"verdict": "publish", "extra": 1}, 422),
        ("/api/moderation/comments/1", {"verdict": "publish", "note": "a\x00b"}, 400),
        ("/api/moderation/comments/0", {"verdict": "publish"}, 422),
    ],
)
def test_bad_decisions(
    client: TestClient, tokens: dict[str, str], url: str, body: dict[str, Any], status: int
) -> None:
    _post(client, UNCERTAIN)
    res = client.post(url, json=body, headers=_auth(tokens["moderator"]))
    assert res.status_code == status, res.text
    assert res.json()["message"]


def test_tokens_are_hashed_at_rest(db: str, tokens: dict[str, str]) -> None:
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT * FROM tokens").fetchall()
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert rows
    for token in tokens.values():
        assert token.startswith("sitrep_") and len(token) > 40
        assert token not in dump  # nowhere in the database, in any column
        assert hashlib.sha256(token.encode()).hexdigest() in dump


def test_revoked_tokens_stop_working(client: TestClient, db: str) -> None:
    with open_store(db) as store:
        token = cm.create_token(store, "temp", "moderator")
        user = cm.check_token(store, token)
        assert user is not None and (user.name, user.role) == ("temp", "moderator")
        assert client.get("/api/moderation/queue", headers=_auth(token)).status_code == 200
        assert cm.revoke_tokens(store, "temp") == 1
        assert cm.check_token(store, token) is None
    assert client.get("/api/moderation/queue", headers=_auth(token)).status_code == 401


# -- limits and validation -----------------------------------------------------------


def _raw(client: TestClient, body: bytes, content_type: str = "application/json") -> Any:
    return client.post("/api/comments", content=body, headers={"Content-Type": content_type})


def _json(**fields: Any) -> bytes:
    doc = {"target_type": "event", "target_id": EVENT, "author": "R", "text": "ok"}
    doc.update(fields)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (_json(text="x" * 4001), 422, ["text", "4000"]),
        (_json(author="n" * 81), 422, ["author", "80"]),
        (_json(text=""), 422, ["text"]),
        (_json(text="   "), 400, ["text", "empty"]),
        (_json(colour="red"), 422, ["unknown parameter 'colour'"]),
        (_json(target_type="place"), 422, ["target_type"]),
        (_json(target_id="../etc"), 422, ["target_id"]),
        (_json(text=7), 422, ["text"]),
        (b'{"target_type": "event", "text": "\xff\xfe"}', 400, ["not valid UTF-8", "0xff"]),
        (_json(text="bell \x07 here"), 400, ["control character U+0007"]),
        (_json(author="two\nlines"), 400, ["author", "control character U+000A"]),
        (_json(text="a \u202e reversed"), 400, ["bidirectional control U+202E"]),
        (
            b'{"target_type":"event","target_id":"' + EVENT.encode() + b'","author":"R",'
            b'"text":"half \\ud800 a pair"}',
            400,
            ["unpaired surrogate U+D800"],
        ),
        (b"{not json", 400, ["not JSON"]),
        (b"[]", 422, ["dictionary"]),
        (b"x" * (16 * 1024 + 1), 413, ["16384 bytes"]),
    ],
)
def test_limits_and_validation(
    client: TestClient, body: bytes, status: int, words: list[str]
) -> None:
    res = _raw(client, body)
    assert res.status_code == status, res.text
    message = res.json()["message"]
    for word in words:
        assert word in message, (word, message)


def test_4000_characters_of_persian_fit(client: TestClient) -> None:
    text = ("سلام " * 800)[:4000]
    assert len(text.encode("utf-8")) > 7000  # over 4 KB of bytes: the limit is characters
    assert _post(client, text)["status"] in ("published", "review", "rejected")


def test_line_breaks_and_persian_zwnj_are_allowed(client: TestClient) -> None:
    body = _post(client, "خبر خوبی بود.\nمی\u200cخواهم بیشتر بدانم.")
    assert body["status"] == "published"


def test_form_posts_are_refused(client: TestClient) -> None:
    res = _raw(client, b"text=hi", "application/x-www-form-urlencoded")
    assert res.status_code == 415 and "application/json" in res.json()["message"]


def test_rate_limit_per_client(app_config: Config, db: str) -> None:
    from sitrep.faces.web import create_app

    with TestClient(create_app(app_config, db=db, comment_rate=(3, 60.0))) as c:
        for _ in range(3):
            _post(c, PERSIAN)
        res = c.post(
            "/api/comments",
            json={"target_type": "event", "target_id": EVENT, "author": "R", "text": PERSIAN},
        )
        assert res.status_code == 429
        wait = int(res.headers["Retry-After"])
        assert 1 <= wait <= 20  # one comment's worth of refill: 60 s / 3
        assert "3 comments per 60 seconds" in res.json()["message"]


def test_token_bucket_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(2, 10.0, clock=lambda: now[0])
    assert limiter.take("a") == 0 and limiter.take("a") == 0
    assert limiter.take("a") == pytest.approx(5.0)  # one token every 5 s
    assert limiter.take("b") == 0  # another client has its own bucket
    now[0] = 5.0
    assert limiter.take("a") == 0
    assert limiter.take("a") > 0
    assert limiter.retry_after(0.2) == 1


# -- the library ---------------------------------------------------------------------


def test_library_round_trip(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "lib.db")) as store:
        _seed(store)
        rec = cm.add_comment(store, ("event", EVENT), " Ali ", INSULT, client="203.0.113.9")
        assert (rec.status, rec.verdict, rec.author) == ("rejected", "reject", "Ali")
        assert rec.reasons and all("rule" in r and "field" in r for r in rec.reasons)
        con = sqlite3.connect(tmp_path / "lib.db")
        client_hash = con.execute("SELECT client FROM comments").fetchone()[0]
        con.close()
        assert client_hash and "203.0.113.9" not in client_hash and len(client_hash) == 64
        admin = cm.User(id=0, name="root", role="admin")
        decided = cm.decide(store, rec.id, "publish", moderator=admin, note="quoted speech")
        assert decided.status == "published" and decided.note == "quoted speech"
        assert [c.id for c in cm.published(store, ("event", EVENT))] == [rec.id]
        assert cm.queue(store) == []
        assert len(cm.queue(store, include_decided=False)) == 0
        assert [a.to_status for a in cm.audit_log(store)] == ["published"]
        # an insulting author name is caught too
        named = cm.add_comment(store, ("event", EVENT), "احمق", PERSIAN)
        assert named.status == "rejected"
        assert any(r["field"] == "author" for r in named.reasons)
        with pytest.raises(LookupFailed):
            cm.add_comment(store, ("event", "ffff0000ffff0000"), "A", PERSIAN)
        with pytest.raises(InputError, match="not one of"):
            cm.add_comment(store, ("place", EVENT), "A", PERSIAN)
        with pytest.raises(InputError, match="publish or reject"):
            cm.decide(store, rec.id, "maybe", moderator=admin)
        with pytest.raises(InputError, match="not one of"):
            cm.create_token(store, "x", "superuser")
    with (
        open_store(str(tmp_path / "lib.db"), readonly=True) as ro,
        pytest.raises(StoreError, match="read-only"),
    ):
        cm.add_comment(ro, ("event", EVENT), "A", PERSIAN)


def test_admin_cli_creates_and_revokes_tokens(tmp_path: Path) -> None:
    from sitrep.faces.cli.admin import admin_group

    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    res = runner.invoke(admin_group, ["--db", db, "token", "create", "sara", "--role", "admin"])
    assert res.exit_code == 0, res.output
    token = res.stdout.strip()
    assert token.startswith("sitrep_")
    with open_store(db) as store:
        assert cm.check_token(store, token) == cm.User(id=1, name="sara", role="admin")
    listed = runner.invoke(admin_group, ["--db", db, "users", "--json"])
    assert json.loads(listed.stdout)["tokens"] == 1
    bad = runner.invoke(admin_group, ["--db", db, "token", "create", "x", "--role", "owner"])
    assert bad.exit_code != 0 and "owner" in bad.output
    revoked = runner.invoke(admin_group, ["--db", db, "token", "revoke", "sara"])
    assert revoked.exit_code == 0 and "revoked 1 token" in revoked.stdout
    missing = runner.invoke(admin_group, ["--db", db, "token", "revoke", "nobody"])
    assert missing.exit_code != 0 and "no user called 'nobody'" in missing.output


def test_pages_forbid_inline_script(client: TestClient) -> None:
    for path in ("/", "/moderate"):
        res = client.get(path)
        assert res.status_code == 200
        csp = res.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert "/static/moderate.js" in client.get("/moderate").text
    paths = client.get("/openapi.json").json()["paths"]
    for p in (
        "/api/comments",
        "/api/moderation/queue",
        "/api/moderation/comments/{comment_id}",
        "/api/moderation/audit",
    ):
        assert p in paths


def test_repeated_post_goes_to_review_and_decisions_train(tmp_path: Path) -> None:
    """Issue 17: a repeated post goes to review; moderator decisions are training rows."""
    with open_store(str(tmp_path / "c.db")) as store:
        _seed(store)
        target = ("event", EVENT)
        text = "Thanks for the clear report on the town"
        first = cm.add_comment(store, target, "Reader", text, client="192.0.2.1")
        assert first.status == "published"
        again = cm.add_comment(store, target, "Reader", text + "!", client="192.0.2.1")
        assert again.status == "review"
        assert any(r["rule"] == "spam_repeat" for r in again.reasons)
        admin = cm.check_token(store, cm.create_token(store, "arash", "admin"))
        assert admin is not None
        cm.decide(store, again.id, "reject", moderator=admin, note="posted twice")
        assert cm.decision_examples(store) == [(text + "!", "rejected")]


def test_train_from_decisions(tmp_path: Path) -> None:
    """Issue 17: `sitrep moderate train --from-decisions` learns from moderators' decisions."""
    from sitrep.faces.cli.moderation import moderate_group, train_from_decisions

    db_path = str(tmp_path / "d.db")
    with open_store(db_path) as store:
        _seed(store)
        admin = cm.check_token(store, cm.create_token(store, "arash", "admin"))
        assert admin is not None
        texts = {
            "publish": ["A fair report on the town", "Thank you for the map", "Good sources here"],
            "reject": ["Buy my fake watches", "Cheap watches for sale", "Fake watches sold here"],
        }
        for verdict, items in texts.items():
            for text in items:
                rec = cm.add_comment(store, ("event", EVENT), "Reader", text)
                cm.decide(store, rec.id, verdict, moderator=admin)
    report = train_from_decisions(db_path, out_path=str(tmp_path / "m.joblib"))
    assert (report.positives, report.negatives, report.positive_label) == (3, 3, "rejected")
    result = CliRunner().invoke(moderate_group, ["train", "--from-decisions"])
    assert result.exit_code != 0  # no policy path to save to and no --out


def test_rate_limit_is_shared_by_two_apps_on_one_database(
    app_config: Config, tmp_path: Path
) -> None:
    """Two workers (two app instances) on one database enforce one limit, not one each."""
    from sitrep.faces.web import create_app

    path = str(tmp_path / "shared.db")
    with open_store(path) as store:
        _seed(store)
    body = {"target_type": "event", "target_id": EVENT, "author": "R", "text": "thanks"}
    with (
        TestClient(create_app(app_config, db=path, comment_rate=(3, 60.0))) as one,
        TestClient(create_app(app_config, db=path, comment_rate=(3, 60.0))) as two,
    ):
        codes = [
            (one if i % 2 else two).post("/api/comments", json=body).status_code for i in range(6)
        ]
    assert 429 not in codes[:3] and all(c < 300 for c in codes[:3]), codes
    assert codes[3:] == [429, 429, 429], codes


def test_database_bucket_allows_a_burst_then_refills(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "bucket.db")) as store:
        take = cm.take_rate_token
        assert [take(store, "a", 3, 30.0, 100.0) for _ in range(3)] == [0.0, 0.0, 0.0]
        assert take(store, "a", 3, 30.0, 100.0) == pytest.approx(10.0)  # one every 10 s
        assert take(store, "b", 3, 30.0, 100.0) == 0.0  # another client, another bucket
        assert take(store, "a", 3, 30.0, 110.0) == 0.0
        assert take(store, "a", 3, 30.0, 110.0) > 0.0
        assert take(store, "a", 3, 30.0, 1000.0) == 0.0  # never more than the burst
        assert [take(store, "a", 3, 30.0, 1000.0) for _ in range(2)] == [0.0, 0.0]
        assert take(store, "a", 3, 30.0, 1000.0) > 0.0


def test_a_comment_waits_for_a_writer_that_commits_meanwhile(tmp_path: Path) -> None:
    """A comment stored while another connection writes (the rate limiter's bucket, a
    second server) waits for it and is stored: no "database is locked".

    The other write is started just before the comment's INSERT and given a second to
    commit in between its read and its write: a transaction that only takes the write
    lock at its INSERT cannot wait for that (SQLite refuses a stale read snapshot at
    once), one that takes it as it begins makes the other writer wait instead.
    """
    import threading

    from sqlalchemy import event as sa_event

    path = str(tmp_path / "busy.db")
    with open_store(path) as store, open_store(path) as other:
        _seed(store)
        rival_done = threading.Event()
        rivals: list[threading.Thread] = []

        def rival() -> None:
            cm.take_rate_token(other, "203.0.113.7", 5, 60.0, 1000.0)
            rival_done.set()

        def before_insert(*args: Any) -> None:
            statement = args[2]
            if statement.startswith("INSERT INTO comments") and not rivals:
                rivals.append(threading.Thread(target=rival))
                rivals[0].start()
                rival_done.wait(1.0)  # without the lock taken first, the rival commits here

        sa_event.listen(store.engine, "before_cursor_execute", before_insert)
        record = cm.add_comment(store, ("event", EVENT), "Ali", PERSIAN)
        rivals[0].join(60)
        assert record.id and rival_done.is_set()
        assert [c.id for c in cm.published(store, ("event", EVENT))] == [record.id]
