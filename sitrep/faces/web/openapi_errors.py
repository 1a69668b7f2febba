"""The error answers of every operation, written into the OpenAPI schema.

Each route documents its success; the errors come from handlers every route shares
(:func:`sitrep.faces.web.app.create_app`): a bad parameter or body is a 422, an
unknown id a 404, a missing or weak token a 401 or 403, the database out of reach a
503. Listing them by hand on 25 routes drifts; :func:`document_errors` adds them
from what each operation has (path parameters, a body, a bearer token), all with
the one error body :data:`ERROR_SCHEMA`, so a client (and schemathesis) knows
every status it can get.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

# The body of every error answer (see app._error).
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "What kind of error, e.g. 'not found'."},
        "message": {"type": "string", "description": "What was wrong and what to do."},
        "problems": {
            "type": "array",
            "description": "One entry per bad parameter (422).",
            "items": {
                "type": "object",
                "properties": {"parameter": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}

_WHY = {
    "400": "The body is not UTF-8 or not JSON, or the library refused the value.",
    "401": "No token, or an unknown or revoked one.",
    "403": "The token's user may not do this.",
    "404": "No such item (id, name or target).",
    "413": "The body is too large.",
    "415": "The body is not application/json.",
    "422": "A parameter or body field is not valid; `problems` names each. Besides the "
    "schema's own rules: a filter that names nothing (an event type no type contains, a "
    "country the gazetteer does not hold; for an export, a place it does not know), since "
    "after until, a box whose minimum is above "
    "its maximum, a map view whose south edge is north of its north edge.",
    "503": "The database cannot be read or written now.",
}


def _codes(path: str, method: str, op: dict[str, Any]) -> list[str]:
    params = op.get("parameters", [])
    codes = ["503"]
    if params or "requestBody" in op:
        codes.append("422")
    if any(p.get("in") == "path" for p in params):
        codes.append("404")
    if op.get("security"):
        codes += ["401", "403"]
    if "requestBody" in op:
        codes += ["400", "413", "415"]
    if path == "/api/comments" and method == "get":
        codes.append("404")  # comments of an event or article that does not exist
    return codes


def document_errors(app: FastAPI) -> None:
    """Make ``app.openapi()`` list the error answers of every ``/api`` operation."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error_body = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for path, ops in schema.get("paths", {}).items():
            if not path.startswith("/api/"):
                continue
            for method, op in ops.items():
                responses = op.setdefault("responses", {})
                for code in _codes(path, method, op):
                    documented = responses.setdefault(code, {"description": _WHY[code]})
                    # FastAPI's own 422 body ({detail}) is not what the handler sends
                    documented["content"] = error_body
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
