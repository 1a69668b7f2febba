"""What the page reads beyond the JSON contract: /api/timeline, and /docs and /redoc offline."""

from __future__ import annotations

import re
from collections import Counter

from test_api import TestClient, _get, client, db

from sitrep.faces.web.page_api import REDOC_JS, SWAGGER_CSS, SWAGGER_JS

__all__ = ["client", "db"]  # fixtures shared with test_api.py


def test_timeline_counts_what_the_event_list_holds(client: TestClient) -> None:
    for query in ("", "actor=Daesh", "type=territory", "since=2017-11-12"):
        counts = _get(client, f"/api/timeline?{query}")
        events = _get(client, f"/api/events?limit=1000&{query}")["items"]
        want = Counter((e["date"], e["event_type"]) for e in events if e["date"])
        got = {(i["date"], i["event_type"]): i["n"] for i in counts["items"]}
        assert got == dict(want), query
        assert counts["total"] == sum(want.values())
        assert [i["date"] for i in counts["items"]] == sorted(i["date"] for i in counts["items"])
    assert _get(client, "/api/timeline?actor=Daesh")["total"] > 0  # an alias of ISIS


def test_timeline_refuses_what_the_event_list_refuses(client: TestClient) -> None:
    body = _get(client, "/api/timeline?since=2017-11-20&until=2017-11-01", 422)
    assert "swap them" in body["message"]
    assert "unknown parameter" in _get(client, "/api/timeline?colour=red", 422)["message"]


def test_docs_and_redoc_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path, assets in (("/docs", (SWAGGER_JS, SWAGGER_CSS)), ("/redoc", (REDOC_JS,))):
        res = client.get(path)
        assert res.status_code == 200, path
        for asset in assets:
            assert asset in res.text
        # every script, style sheet and image comes from this server
        sources = re.findall(r'(?:src|href)="([^"]+)"', res.text)
        assert sources and all(s.startswith("/") for s in sources), sources
        policy = res.headers["content-security-policy"]
        assert "https:" not in policy and "object-src 'none'" in policy
