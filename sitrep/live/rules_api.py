"""``/api/alerts/rules``: admins list, create, change and delete alert rules over HTTP.

Every route needs an admin's token (``Authorization: Bearer TOKEN``, made with
``sitrep admin token create NAME --role admin``), as the moderation API does: 401
without a token or with an unknown or revoked one, 403 for a moderator.

- ``GET /api/alerts/rules``: the config's rules (read-only) and the stored ones;
- ``POST /api/alerts/rules``: a new rule, 201 (409 when the name is taken);
- ``GET|PUT|PATCH|DELETE /api/alerts/rules/{name}``: one stored rule; ``PUT``
  replaces it, ``PATCH`` changes the fields given, ``DELETE`` answers 204.

Bodies are JSON objects (415 otherwise, 413 over :data:`MAX_BODY` bytes, 400 when
not UTF-8 JSON), read only once the token is checked. A rule that does not hold
answers 422 with one ``{"parameter", "message"}`` per problem. Writes go through
the app's one writable store, one at a time (the lock the comment API uses).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.live import rules as rl
from sitrep.live.settings import AlertRule, alert_rules
from sitrep.moderation import comments as cm
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.faces.web.comments_api import CommentBackend

MAX_BODY = 64 * 1024  # bytes: a watch list of a few hundred places
_BEARER = HTTPBearer(
    auto_error=False, description="An admin's token from `sitrep admin token create --role admin`."
)
# a name no rule can have is simply not found (404), like any other
_NAME = PathParam(min_length=1, max_length=200, description="The rule's name.")


def _rule_schema(required: tuple[str, ...] = ("name", "when")) -> dict[str, Any]:
    """RuleIn's JSON schema with the item rules its validators check, so a schema-valid
    rule is one the server takes (but for what the gazetteer and typology know), and
    the fields a body must give (``PUT`` takes the name from the path, ``PATCH``
    changes only the fields given)."""
    schema = rl.RuleIn.model_json_schema()
    if required:
        schema["required"] = list(required)
    else:
        schema.pop("required", None)
    props = schema["properties"]
    props["places"]["items"] = {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "pattern": r"\S",
    }
    props["countries"]["items"] = {"type": "string", "pattern": r"^\s*[A-Za-z]{2,3}\s*$"}
    props["bbox"]["anyOf"][0].update(minItems=4, maxItems=4)
    return schema


def _body_doc(required: tuple[str, ...]) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _rule_schema(required)}},
        }
    }


_BODY_DOC = _body_doc(("name", "when"))  # POST: a whole new rule
_PUT_DOC = _body_doc(("when",))  # the name is the path's when the body leaves it out
_PATCH_DOC = _body_doc(())  # only the fields given change


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": 'Bearer realm="sitrep"'})


def _invalid(problems: list[dict[str, Any]]) -> RequestValidationError:
    # the app's handler turns these into 422 {"error", "message", "problems"}
    return RequestValidationError(
        [
            {"type": "value_error", "loc": ("body", p["field"]), "msg": p["message"]}
            for p in problems
        ]
    )


def _conflict(message: str) -> JSONResponse:
    return JSONResponse({"error": "conflict", "message": message}, status_code=409)


async def _json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object, or 415, 413 or 400 saying what is wrong with it."""
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind.lower() != "application/json":
        raise HTTPException(415, f"send the rule as application/json, not {kind[:80] or 'no type'}")
    declared = request.headers.get("content-length")
    too_big = HTTPException(413, f"the request body is over {MAX_BODY} bytes")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise too_big
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY:
            raise too_big
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise HTTPException(
            400, f"the request body is not valid UTF-8 (at byte {exc.start}); send UTF-8 JSON"
        ) from None
    except RecursionError:
        raise HTTPException(400, "the request body is JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise HTTPException(
            400,
            f"the request body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            'send {"name": ..., "when": ..., ...}',
        ) from None
    if not isinstance(doc, dict):
        raise _invalid(
            [{"field": "rule", "message": "the rule is a JSON object, not a list or value"}]
        )
    return doc


def add_rule_routes(app: FastAPI, reader: Store, config: Config | None) -> None:
    """Mount the alert-rule routes; writes go through ``app.state.comments`` (the
    app's :class:`~sitrep.faces.web.comments_api.CommentBackend`)."""
    backend: CommentBackend | None = getattr(app.state, "comments", None)

    def writer() -> Store:
        if backend is None:
            raise HTTPException(503, "alert rules are off: this app has no writable database")
        return backend.writable_store()

    def config_rules() -> list[AlertRule]:
        try:
            return alert_rules(config) if config is not None else []
        except SitrepError:  # the follower refuses such a config at start: nothing runs
            return []

    def gazetteer() -> Any:
        if config is None:
            return None
        from sitrep.core.resources import load_gazetteer

        return load_gazetteer(config)

    def admin(
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> cm.User:
        writer()  # without the tables there is nobody to check
        if creds is None or not creds.credentials.strip():
            raise _unauthorized(
                "alert rules need an admin's token: send 'Authorization: Bearer TOKEN' "
                "(make one with `sitrep admin token create NAME --role admin`)"
            )
        user = cm.check_token(reader, creds.credentials.strip())
        if user is None:
            raise _unauthorized("the token is unknown or revoked; ask an admin for a new one")
        if not user.may("admin"):
            raise HTTPException(403, f"{user.name} is a {user.role}; alert rules need an admin")
        return user

    as_admin = Depends(admin)

    def checked(doc: dict[str, Any]) -> rl.RuleIn:
        try:
            return rl.check_rule(doc, gazetteer())
        except ValidationError as exc:
            raise _invalid(rl.problems(exc)) from None

    def locked(fn: Any, *args: Any, **kwargs: Any) -> Any:
        assert backend is not None
        with backend.lock:
            return fn(writer(), *args, **kwargs)

    def stored_or_404(name: str) -> rl.StoredRule:
        if any(r.name == name for r in config_rules()):
            raise rl.RuleExists(f"{name!r} is a rule of the config; it is changed in the config")
        return rl.get_rule(reader, name)  # LookupFailed: 404

    @app.exception_handler(rl.RuleExists)
    async def _taken(_request: Request, exc: rl.RuleExists) -> JSONResponse:
        return _conflict(str(exc))

    @app.get("/api/alerts/rules", tags=["alerts"])
    def list_rules(user: cm.User = as_admin) -> dict[str, Any]:
        """Every alert rule: the config's (read-only), then those made here."""
        del user  # the dependency checks the role
        own = config_rules()
        return {
            "items": [rl.config_rule_dict(r) for r in own]
            + [s.as_dict() for s in rl.stored_rules(reader, config_rules=own)]
        }

    @app.post(
        "/api/alerts/rules",
        tags=["alerts"],
        status_code=201,
        openapi_extra=_BODY_DOC,
        responses={409: {"description": "A rule of that name exists (here or in the config)."}},
    )
    async def create_rule(request: Request, user: cm.User = as_admin) -> JSONResponse:
        """Make a rule; the follower checks it from its next poll on."""
        rule = await run_in_threadpool(checked, await _json_object(request))
        made = await run_in_threadpool(
            locked,
            rl.create_rule,
            rule,
            by=user.name,
            gazetteer=gazetteer(),
            config_rules=config_rules(),
        )
        return JSONResponse(
            made.as_dict(),
            status_code=201,
            headers={"Location": f"/api/alerts/rules/{made.rule.name}"},
        )

    @app.get("/api/alerts/rules/{name}", tags=["alerts"])
    def get_rule(name: Annotated[str, _NAME], user: cm.User = as_admin) -> dict[str, Any]:
        """One rule made here."""
        del user
        return stored_or_404(name).as_dict()

    @app.put("/api/alerts/rules/{name}", tags=["alerts"], openapi_extra=_PUT_DOC)
    async def replace_rule(
        request: Request, name: Annotated[str, _NAME], user: cm.User = as_admin
    ) -> dict[str, Any]:
        """Replace a rule: fields left out take their defaults."""
        doc = await _json_object(request)
        await run_in_threadpool(stored_or_404, name)
        return await _write(doc, name, user)

    @app.patch("/api/alerts/rules/{name}", tags=["alerts"], openapi_extra=_PATCH_DOC)
    async def change_rule(
        request: Request, name: Annotated[str, _NAME], user: cm.User = as_admin
    ) -> dict[str, Any]:
        """Change the fields given; the others keep their values (null resets one)."""
        doc = await _json_object(request)
        old = await run_in_threadpool(stored_or_404, name)
        merged = {k: v for k, v in {**old.definition(), **doc}.items() if v is not None}
        return await _write(merged, name, user)

    async def _write(doc: dict[str, Any], name: str, user: cm.User) -> dict[str, Any]:
        if doc.setdefault("name", name) != name:
            raise _invalid(
                [
                    {
                        "field": "name",
                        "message": f"name: the rule is {name!r}; to rename it, make a rule of "
                        "the new name and delete this one",
                    }
                ]
            )
        rule = await run_in_threadpool(checked, doc)
        done = await run_in_threadpool(
            locked, rl.replace_rule, rule, by=user.name, gazetteer=gazetteer()
        )
        return dict(done.as_dict())

    @app.delete("/api/alerts/rules/{name}", tags=["alerts"], status_code=204)
    def delete_rule(name: Annotated[str, _NAME], user: cm.User = as_admin) -> Response:
        """Delete a rule made here; the alerts it raised stay."""
        stored_or_404(name)
        locked(rl.delete_rule, name, by=user.name)
        return Response(status_code=204)
