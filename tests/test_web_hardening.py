"""The HTTP API against hostile requests: no 500s, no cross-site posts, bounded work."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from test_comments import EVENT, _auth, _seed

from sitrep.core.config import Config
from sitrep.moderation import comments as cm
from sitrep.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BIG = str(2**63)
COMMENT = {"target_type": "event", "target_id": EVENT, "author": "R", "text": "thanks"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("hardening") / "web.db"
    with open_store(str(path)) as store:
        _seed(store)
    return str(path)


@pytest.fixture(scope="module")
def token(db: str) -> str:
    with open_store(db) as store:
        return cm.create_token(store, "mina", "moderator")


@pytest.fixture(scope="module")
def client(app_config: Config, db: str, token: str) -> Iterator[TestClient]:
    from sitrep.faces.web import create_app

    with TestClient(create_app(app_config, db=db, comment_rate=None)) as c:
        yield c


def _post(client: TestClient, headers: dict[str, str], body: bytes | None = None) -> Any:
    data = json.dumps(COMMENT).encode() if body is None else body
    return client.post("/api/comments", content=data, headers=headers)


# -- cross-site posts (CSRF) ----------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},  # sendBeacon / no-cors fetch with a body the server would take as JSON
        {"Content-Type": "text/plain"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {"Content-Type": "multipart/form-data; boundary=x"},
    ],
)
def test_comments_need_the_json_type(client: TestClient, headers: dict[str, str]) -> None:
    res = _post(client, headers)
    assert res.status_code == 415, res.text
    assert "application/json" in res.json()["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://testserver.evil.example"},
    ],
)
def test_cross_site_posts_are_refused(client: TestClient, headers: dict[str, str]) -> None:
    res = _post(client, {"Content-Type": "application/json", **headers})
    assert res.status_code == 403, res.text
    assert "this site only" in res.json()["message"]


@pytest.mark.parametrize(
    "headers",
    [
        {},  # curl, scripts: no browser, no visitor to abuse
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"},
        {"Sec-Fetch-Site": "none"},
    ],
)
def test_same_site_posts_go_through(client: TestClient, headers: dict[str, str]) -> None:
    res = _post(client, {"Content-Type": "application/json; charset=utf-8", **headers})
    assert res.status_code == 201, res.text


# -- no 500s --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"/api/events?offset={BIG}",
        "/api/events?offset=-1",
        f"/api/places/{BIG}/control",
        f"/api/comments?target_type=event&target_id={EVENT}&offset={BIG}",
        f"/api/moderation/audit?comment_id={BIG}",
        "/api/events?place=%C2%B2",  # "²": a digit to str.isdigit, no number to int()
        "/api/events?place=" + "9" * 40,
        "/api/export?place=%C2%B2",
        "/api/export?offset=" + BIG,
        "/api/places?q=%C2%B2%C2%B2",
    ],
)
def test_odd_numbers_never_give_a_server_error(client: TestClient, url: str) -> None:
    res = client.get(url, headers=_auth("x"))
    assert res.status_code < 500, (url, res.status_code, res.text[:300])
    if url.startswith("/api/export"):  # once a 200 with an empty body: now refused, saying why
        assert res.status_code == 422 and res.json()["message"], (url, res.text[:300])


def test_deeply_nested_json_is_a_400(client: TestClient, token: str) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    res = _post(client, {"Content-Type": "application/json"}, deep[:16_000])
    assert res.status_code == 400, res.text
    shallow_enough = b'{"a":' * 900 + b"1" + b"}" * 900  # parses; walked without recursion
    res = _post(client, {"Content-Type": "application/json"}, shallow_enough)
    assert res.status_code in (400, 422), res.text
    nested = b"[" * 5_000 + b"]" * 5_000
    res = _post(client, {"Content-Type": "application/json"}, nested)
    assert res.status_code == 400 and "nested too deeply" in res.json()["message"]
    res = client.post(
        "/api/moderation/comments/1",
        content=nested,
        headers={"Content-Type": "application/json", **_auth(token)},
    )
    assert res.status_code == 400, res.text


def test_like_wildcards_in_filters_are_literal(client: TestClient) -> None:
    everything = client.get("/api/events?status=all&limit=1000").json()["items"]
    assert everything  # the seeded events
    for name in ("actor", "type", "source"):
        for wildcard in ("_", "%", "__%"):
            res = client.get(f"/api/events?status=all&{name}={wildcard.replace('%', '%25')}")
            if name == "type" and res.status_code == 422:
                # a type that names no event type is refused, naming the parameter
                # (issue 14): the wildcard was read literally, it matched nothing
                assert [p["parameter"] for p in res.json()["problems"]] == ["type"]
                continue
            assert res.status_code == 200, res.text
            assert res.json()["items"] == [], (name, wildcard)
    # a real substring still matches
    assert client.get("/api/events?status=all&source=wire").json()["items"]


def test_validation_messages_do_not_echo_long_values(client: TestClient) -> None:
    res = client.get("/api/control?bbox=" + "1," * 30_000)
    assert res.status_code == 422
    assert len(res.content) < 2_000


# -- moderation: the token before the body, and a bounded body --------------------------


def test_moderation_checks_the_token_before_reading_the_body(client: TestClient) -> None:
    huge = b'{"verdict": "publish", "note": "' + b"x" * 2_000_000 + b'"}'
    res = client.post(
        "/api/moderation/comments/1", content=huge, headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 401


def test_moderation_body_is_limited(client: TestClient, token: str) -> None:
    huge = b'{"verdict": "publish", "note": "' + b"x" * 2_000_000 + b'"}'
    res = client.post(
        "/api/moderation/comments/1",
        content=huge,
        headers={"Content-Type": "application/json", **_auth(token)},
    )
    assert res.status_code == 413
    res = client.post(
        f"/api/moderation/comments/{BIG}",
        json={"verdict": "publish"},
        headers=_auth(token),
    )
    assert res.status_code == 422


# -- the CLI ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--limit", "-5"], ["--limit", "0"], ["--limit", BIG]],
)
def test_cli_refuses_bad_limits(db: str, args: list[str]) -> None:
    from sitrep.faces.cli.main import cli

    res = CliRunner().invoke(cli, ["--db", db, "events", *args], obj={})
    assert res.exit_code == 2, res.output
    assert "--limit" in res.output


@pytest.mark.parametrize("place", ["²", "9" * 40, "_"])
def test_cli_odd_places_give_no_traceback(db: str, place: str) -> None:
    from sitrep.faces.cli.main import cli

    res = CliRunner().invoke(cli, ["--db", db, "events", "--place", place], obj={})
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output


def test_docs_page_has_a_content_security_policy(client: TestClient) -> None:
    res = client.get("/docs")
    assert res.status_code == 200 and "swagger" in res.text.lower()
    policy = res.headers["content-security-policy"]
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "'sha256-" in policy  # the page's own inline settings script, by hash


# -- proxy headers ------------------------------------------------------------------------


@pytest.mark.parametrize(("trusted", "proxy_headers"), [(None, False), ("10.0.0.5,10.0.0.6", True)])
def test_forwarded_for_is_believed_only_from_configured_proxies(
    app_config: Config,
    db: str,
    monkeypatch: pytest.MonkeyPatch,
    trusted: str | None,
    proxy_headers: bool,
) -> None:
    import uvicorn

    from sitrep.faces.web import serve

    seen: dict[str, Any] = {}

    def run(server: Any, sockets: Any = None) -> None:
        seen["proxy_headers"] = server.config.proxy_headers
        seen["forwarded_allow_ips"] = server.config.forwarded_allow_ips
        for sock in sockets or []:
            sock.close()

    # serve() binds its socket first (a busy port fails before "serving"), then runs
    monkeypatch.setattr(uvicorn.Server, "run", run)
    serve(app_config, port=0, db=db, trusted_proxies=trusted)
    assert seen["proxy_headers"] is proxy_headers
    assert seen["forwarded_allow_ips"] == (trusted or "")
