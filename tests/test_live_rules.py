"""Alert rules an admin defines over HTTP (and with `sitrep alerts rules`), used by the follower."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.core.config import Config
from sitrep.live.alerts import list_alerts
from sitrep.live.follow import Follower
from sitrep.live.settings import feed_specs
from sitrep.moderation import comments as cm
from sitrep.read.en.extract import Extractor
from sitrep.store import open_store

with warnings.catch_warnings():
    # Starlette asks for httpx2 instead of httpx; the TestClient works the same with both.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Short reports written for these tests.
ANAH = (
    "Iraqi forces recaptured the town of Anah from ISIS on Thursday after a two-day battle, "
    "the army said. Families began returning to the town on Friday."
)
RUTBA = (
    "Iraqi troops retook the desert town of Rutba from ISIS on Saturday, a military "
    "spokesman said, after clearing the roads around it."
)
CONFIG_RULES = [{"name": "from-config", "when": "new_event", "event_type": "Battles"}]


@pytest.fixture()
def api(app_config: Config, tmp_path: Path) -> Iterator[tuple[TestClient, Config, dict[str, str]]]:
    from sitrep.faces.web.app import create_app

    config = app_config.with_(db=str(tmp_path / "rules.db"), alerts=CONFIG_RULES)
    with open_store(config.db) as store:
        tokens = {
            "admin": cm.create_token(store, "ada", "admin"),
            "moderator": cm.create_token(store, "mo", "moderator"),
        }
    client = TestClient(create_app(config, comment_rate=None))
    yield client, config, {k: f"Bearer {v}" for k, v in tokens.items()}
    client.close()


def test_only_admins_reach_the_rules(api: tuple[TestClient, Config, dict[str, str]]) -> None:
    client, _, tokens = api
    res = client.get("/api/alerts/rules")
    assert res.status_code == 401 and res.headers["WWW-Authenticate"].startswith("Bearer")
    assert "--role admin" in res.json()["message"]
    res = client.get("/api/alerts/rules", headers={"Authorization": "Bearer sr_nothing"})
    assert res.status_code == 401 and "unknown or revoked" in res.json()["message"]
    res = client.post(
        "/api/alerts/rules",
        headers={"Authorization": tokens["moderator"]},
        json={"name": "x", "when": "control_change"},
    )
    assert res.status_code == 403 and res.json()["message"] == (
        "mo is a moderator; alert rules need an admin"
    )
    for method in ("put", "patch"):
        res = client.request(method, "/api/alerts/rules/x", json={"when": "contradiction"})
        assert res.status_code == 401
    assert client.delete("/api/alerts/rules/x").status_code == 401
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths["/api/alerts/rules"]) == {"get", "post"}
    assert set(paths["/api/alerts/rules/{name}"]) == {"get", "put", "patch", "delete"}

    # the bodies documented as the server takes them: PUT names the rule by its path,
    # PATCH gives only the fields it changes (a fuzzer's schema-breaking body was taken)
    def required(path: str, method: str) -> list[str]:
        body = paths[path][method]["requestBody"]["content"]["application/json"]["schema"]
        return list(body.get("required", []))

    assert required("/api/alerts/rules", "post") == ["name", "when"]
    assert required("/api/alerts/rules/{name}", "put") == ["when"]
    assert required("/api/alerts/rules/{name}", "patch") == []
    listed = client.get("/api/alerts/rules", headers={"Authorization": tokens["admin"]})
    assert listed.status_code == 200
    assert listed.json()["items"] == [
        {
            "name": "from-config",
            "when": "new_event",
            "countries": [],
            "bbox": None,
            "places": [],
            "event_type": "Battles",
            "min_sources": 1,
            "source": "config",
        }
    ]


def test_create_read_update_delete(api: tuple[TestClient, Config, dict[str, str]]) -> None:
    client, _, tokens = api
    h = {"Authorization": tokens["admin"]}
    rule = {
        "name": "euphrates",
        "when": "control_change",
        "countries": ["iq", "SYR"],
        # a spelling that is not the gazetteer's name, and a GeoNames id as a number
        "places": ["Al Qaim", 174448],
    }
    res = client.post("/api/alerts/rules", headers=h, json=rule)
    assert res.status_code == 201, res.text
    assert res.headers["Location"] == "/api/alerts/rules/euphrates"
    made = res.json()
    assert made["countries"] == ["IRQ", "SYR"] and made["places"] == ["Al Qaim", "174448"]
    assert made["place_ids"] == [92138, 174448]  # Al Qā'im, Albu Kamal
    assert (made["source"], made["created_by"], made["updated_by"]) == ("database", "ada", "ada")

    again = client.post(
        "/api/alerts/rules", headers=h, json={"name": "euphrates", "when": "new_event"}
    )
    assert again.status_code == 409 and again.json()["error"] == "conflict"
    taken = client.post(
        "/api/alerts/rules", headers=h, json={"name": "from-config", "when": "new_event"}
    )
    assert taken.status_code == 409 and "config" in taken.json()["message"]

    assert client.get("/api/alerts/rules/euphrates", headers=h).json() == made
    # PATCH changes the fields given; null resets one
    res = client.patch(
        "/api/alerts/rules/euphrates",
        headers=h,
        json={"when": "new_event", "event_type": "Armed clash", "min_sources": 2, "places": None},
    )
    assert res.status_code == 200, res.text
    changed = res.json()
    assert (changed["when"], changed["event_type"], changed["min_sources"]) == (
        "new_event",
        "Armed clash",
        2,
    )
    assert changed["places"] == [] and changed["countries"] == ["IRQ", "SYR"]
    # PUT replaces the whole rule: what it leaves out takes the default
    res = client.put(
        "/api/alerts/rules/euphrates",
        headers=h,
        json={"when": "contradiction", "bbox": [38, 33, 42, 36]},
    )
    assert res.status_code == 200, res.text
    assert res.json()["countries"] == [] and res.json()["bbox"] == [38.0, 33.0, 42.0, 36.0]
    renamed = client.patch("/api/alerts/rules/euphrates", headers=h, json={"name": "other"})
    assert renamed.status_code == 422 and "to rename it" in renamed.json()["message"]

    names = [r["name"] for r in client.get("/api/alerts/rules", headers=h).json()["items"]]
    assert names == ["from-config", "euphrates"]
    # the config's rules are read-only here
    for method in ("put", "patch"):
        res = client.request(method, "/api/alerts/rules/from-config", headers=h, json={})
        assert res.status_code == 409
    assert client.delete("/api/alerts/rules/from-config", headers=h).status_code == 409

    assert client.delete("/api/alerts/rules/euphrates", headers=h).status_code == 204
    gone = client.get("/api/alerts/rules/euphrates", headers=h)
    assert gone.status_code == 404 and "euphrates" in gone.json()["message"]
    assert client.delete("/api/alerts/rules/euphrates", headers=h).status_code == 404
    assert (
        client.put("/api/alerts/rules/nope", headers=h, json={"when": "new_event"}).status_code
        == 404
    )


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"when": "new_event"}, "name", "name is required"),
        ({"name": "a b", "when": "new_event"}, "name", "letters, digits"),
        ({"name": "r", "when": "sometimes"}, "when", "'control_change', 'new_event'"),
        ({"name": "r", "when": "new_event", "colour": "red"}, "colour", "unknown field 'colour'"),
        (
            {"name": "r", "when": "new_event", "countries": ["SY", "XX"]},
            "countries",
            "countries[1]",
        ),
        ({"name": "r", "when": "new_event", "bbox": [1, 2, 3]}, "bbox", "four numbers, not 3"),
        ({"name": "r", "when": "new_event", "bbox": [42, 33, 38, 36]}, "bbox", "west (42)"),
        ({"name": "r", "when": "new_event", "bbox": [0, -95, 1, 1]}, "bbox", "latitudes"),
        ({"name": "r", "when": "new_event", "places": ["Qqzzyx"]}, "places", "'Qqzzyx'"),
        ({"name": "r", "when": "new_event", "places": [999999999]}, "places", "'999999999'"),
        ({"name": "r", "when": "new_event", "event_type": "Fights"}, "event_type", "ACLED"),
        ({"name": "r", "when": "new_event", "min_sources": 0}, "min_sources", "greater than"),
        ({"name": "r", "when": "new_event", "min_sources": "2"}, "min_sources", "integer"),
        ({"name": "r", "when": "new_event", "min_sources": True}, "min_sources", "integer"),
        (
            {"name": "r", "when": "control_change", "event_type": "Battles"},
            "event_type",
            "new_event rules only",
        ),
        ({"name": "r", "when": "contradiction", "min_sources": 3}, "min_sources", "new_event"),
        ([{"name": "r"}], "rule", "a JSON object"),
    ],
)
def test_a_bad_rule_is_refused_with_its_reason(
    api: tuple[TestClient, Config, dict[str, str]], body: Any, field: str, words: str
) -> None:
    client, _, tokens = api
    res = client.post("/api/alerts/rules", headers={"Authorization": tokens["admin"]}, json=body)
    assert res.status_code == 422, res.text
    problems = res.json()["problems"]
    assert [p["parameter"] for p in problems] == [field]
    assert words in problems[0]["message"], problems


def test_bodies_that_are_not_json_objects(api: tuple[TestClient, Config, dict[str, str]]) -> None:
    client, _, tokens = api
    h = {"Authorization": tokens["admin"]}
    res = client.post(
        "/api/alerts/rules", headers={**h, "Content-Type": "text/plain"}, content=b"{}"
    )
    assert res.status_code == 415
    res = client.post(
        "/api/alerts/rules", headers={**h, "Content-Type": "application/json"}, content=b"{nope"
    )
    assert res.status_code == 400 and "not JSON" in res.json()["message"]
    res = client.post(
        "/api/alerts/rules", headers={**h, "Content-Type": "application/json"}, content=b"\xff{}"
    )
    assert res.status_code == 400 and "UTF-8" in res.json()["message"]
    big = json.dumps({"name": "r", "when": "new_event", "places": ["x" * 100] * 1000}).encode()
    res = client.post(
        "/api/alerts/rules", headers={**h, "Content-Type": "application/json"}, content=big
    )
    assert res.status_code == 413


def test_the_follower_checks_the_stored_rules_with_the_configs(
    api: tuple[TestClient, Config, dict[str, str]], extractor: Extractor, tmp_path: Path
) -> None:
    client, config, tokens = api
    h = {"Authorization": tokens["admin"]}
    drop = tmp_path / "drop"
    drop.mkdir()
    config = config.with_(feeds=[{"path": str(drop), "outlet": "Desk"}])
    with open_store(config.db) as store:
        follower = Follower(config, store, feed_specs(config), extractor=extractor)
        # made while the follower runs: it needs no restart
        res = client.post(
            "/api/alerts/rules",
            headers=h,
            json={"name": "iraq-changes", "when": "control_change", "countries": ["IQ"]},
        )
        assert res.status_code == 201
        status = client.get("/api/status").json()
        assert status["alert_rules"] == {"config": 1, "database": 1}
        (drop / "anah.txt").write_text(ANAH, "utf-8")
        follower.poll(once=True)
        rules = sorted(a["rule"] for a in list_alerts(store))
        assert rules == ["from-config", "iraq-changes"]
        (change,) = [a for a in list_alerts(store) if a["rule"] == "iraq-changes"]
        assert change["kind"] == "control_change" and change["place"]["name"] == "Anah"
        # deleted: no more alerts from it, and its old ones stay
        assert client.delete("/api/alerts/rules/iraq-changes", headers=h).status_code == 204
        (drop / "rutba.txt").write_text(RUTBA, "utf-8")
        follower.poll(once=True)
        rules = sorted(a["rule"] for a in list_alerts(store))
    assert rules == ["from-config", "from-config", "iraq-changes"]


def test_the_command_line_face(app_config: Config, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitrep.faces.cli.main import _attach_subgroups, cli

    _attach_subgroups()
    db = str(tmp_path / "cli.db")
    settings = tmp_path / "sitrep.toml"  # the session's gazetteer cache, built once
    settings.write_text(f"cache_dir = {json.dumps(app_config.cache_dir)}\n", "utf-8")
    run = CliRunner()

    def sitrep(*args: str) -> Any:
        return run.invoke(
            cli, ["--db", db, "--config", str(settings), *args], obj={}, catch_exceptions=False
        )

    made = sitrep(
        "alerts", "rules", "add", "watch", "--when", "control_change", "--place", "Al Qaim",
        "--by", "ops",
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert json.loads(made.output)["place_ids"] == [92138]
    assert sitrep("alerts", "rules", "add", "watch", "--when", "new_event").exit_code == 3
    bad = sitrep("alerts", "rules", "add", "x", "--when", "new_event", "--country", "XX")
    assert bad.exit_code == 2 and "'XX' is not an ISO country code" in bad.output
    changed = sitrep(
        "alerts", "rules", "add", "watch", "--when", "new_event", "--min-sources", "2", "--replace"
    )
    assert changed.exit_code == 0 and json.loads(changed.output)["min_sources"] == 2
    listed = sitrep("alerts", "rules", "list", "--json")
    assert [json.loads(line)["name"] for line in listed.output.splitlines()] == ["watch"]
    assert "watch" in sitrep("alerts", "rules", "list").output
    assert sitrep("alerts", "rules", "remove", "watch").exit_code == 0
    assert sitrep("alerts", "rules", "remove", "watch").exit_code == 3
    # `sitrep alerts` alone still lists the alerts
    assert sitrep("alerts", "--json").exit_code == 0
