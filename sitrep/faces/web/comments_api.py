"""Reader comments and the moderation queue in the HTTP API.

``POST /api/comments`` runs the publisher's policy on a comment and answers
with its status and the reasons (so the commenter sees why it was held or
rejected); ``GET /api/comments`` lists published comments only. Moderators
and admins (``Authorization: Bearer TOKEN``, tokens from ``sitrep admin token
create``) read the queue and publish or reject, each decision audited; admins
read the audit log.

Limits on posting: the raw body (:data:`MAX_BODY` bytes), the text and author
lengths, UTF-8 and control characters (400 naming the problem), and a token
bucket per client address (429 with ``Retry-After``). Writes go through the
one writable store, one at a time; reads use the read-only store.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import Field, ValidationError
from starlette.concurrency import run_in_threadpool

from sitrep.core.errors import LookupFailed
from sitrep.faces.web.limits import RateLimiter
from sitrep.faces.web.params import ID_PATTERN, MAX_ID, MAX_OFFSET, _Strict
from sitrep.moderation import comments as cm

if TYPE_CHECKING:
    from sitrep.api import Comments, Sitrep
    from sitrep.moderation import Policy
    from sitrep.store import Store

MAX_BODY = 16 * 1024  # bytes: room for MAX_TEXT Persian characters (two bytes each) and JSON
_ID = ID_PATTERN.pattern


def _text_pattern(*, multiline: bool) -> str:
    """The regular expression of text :func:`sitrep.moderation.comments.clean_text` takes
    (documented in the schema, so a schema-valid body is one the server stores): no
    control character (but tab and line breaks when ``multiline``), no bidirectional
    control, no U+FFFE/U+FFFF, and something besides white space."""
    banned = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f" if multiline else "\\x00-\\x1f"
    banned += "\\x7f-\\x9f\\ufffe\\uffff" + "".join(
        f"\\u{ord(c):04x}" for c in sorted(cm._BIDI_CONTROLS)
    )
    return f"^[^{banned}]*[^{banned}\\s][^{banned}]*$"


_BEARER = HTTPBearer(auto_error=False, description="A token from `sitrep admin token create`.")


class CommentIn(_Strict):
    """A reader's comment on an event or an article."""

    target_type: Literal["event", "article"] = Field(description="What the comment is about.")
    target_id: str = Field(pattern=_ID, description="The full id of the event or article.")
    author: str = Field(
        min_length=1,
        max_length=cm.MAX_AUTHOR,
        description="The name shown with the comment.",
        json_schema_extra={"pattern": _text_pattern(multiline=False)},
    )
    text: str = Field(
        min_length=1,
        max_length=cm.MAX_TEXT,
        description=f"The comment, at most {cm.MAX_TEXT} characters.",
        json_schema_extra={"pattern": _text_pattern(multiline=True)},
    )
    flag: Literal[cm.FLAGS] | None = Field(  # type: ignore[valid-type]
        None,
        description="Flag the event as wrong instead of commenting: what is wrong ("
        + ", ".join(cm.FLAGS)
        + "). A flag always waits for a moderator.",
    )


class CommentQuery(_Strict):
    """Which event's or article's comments."""

    target_type: Literal["event", "article"] = Field(description="event or article.")
    target_id: str = Field(pattern=_ID, description="The full id of the event or article.")
    limit: int = Field(200, ge=1, le=500, description="At most this many comments, 1 to 500.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Comments to skip (0 or more).")


class QueueQuery(_Strict):
    """A page of the moderation queue."""

    include_decided: bool = Field(
        False, description="Also list held or rejected comments a moderator has decided on."
    )
    limit: int = Field(200, ge=1, le=500, description="At most this many comments, 1 to 500.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Comments to skip (0 or more).")
    after: int | None = Field(
        None,
        ge=0,
        le=MAX_ID,
        description="Only comments after this id: the `next_after` of the page before "
        "(keyset paging, unaffected by decisions taken meanwhile).",
    )


class DecisionIn(_Strict):
    """A moderator's decision on one comment."""

    verdict: Literal["publish", "reject"] = Field(description="publish or reject.")
    note: str = Field(
        "",
        max_length=cm.MAX_NOTE,
        description="Why (kept in the audit log).",
        # empty, or text clean_text takes
        json_schema_extra={"pattern": f"^$|{_text_pattern(multiline=True)}"},
    )


class AuditQuery(_Strict):
    """A page of the audit log."""

    comment_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only this comment's decisions."
    )
    limit: int = Field(500, ge=1, le=5000, description="At most this many entries.")


class CommentBackend:
    """The writable library comments go through (one writer at a time), or why there is none.

    ``reader`` is the app's read-only :class:`~sitrep.api.Sitrep`; reads go through it.
    """

    def __init__(self, db: str, reader: Sitrep) -> None:
        from sitrep.api import Sitrep
        from sitrep.core.errors import StoreError

        self.reader: Comments = reader.comments
        self.lock = threading.Lock()
        self.writer: Comments | None = None
        self.error = ""
        self._writer_api = Sitrep(reader.config, db=db)
        try:
            # opening writable creates the comment tables in an older database
            _ = self._writer_api.store
            self.writer = self._writer_api.comments
        except StoreError as exc:
            self.error = str(exc)

    def writable(self) -> Comments:
        """The comments of the writable store (503 when the database cannot be written)."""
        if self.writer is None:
            raise HTTPException(
                503, f"comments are off: the database cannot be written ({self.error})"
            )
        return self.writer

    def writable_store(self) -> Store:
        """The writable store itself, for library code that writes other tables (alert
        rules); 503 when the database cannot be written."""
        self.writable()
        return self._writer_api.store

    def close(self) -> None:
        """Release the writable store."""
        self._writer_api.close()


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": 'Bearer realm="sitrep"'})


def _client(request: Request) -> str:
    # The address the connection comes from: behind a reverse proxy every reader shares
    # the proxy's address (X-Forwarded-For is not trusted, anyone can set it).
    return request.client.host if request.client else "unknown"


def _validation_error(exc: ValidationError) -> RequestValidationError:
    errors = [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors()]
    return RequestValidationError(errors)


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    too_big = HTTPException(
        413,
        f"the request body is over {MAX_BODY} bytes; a comment holds at most "
        f"{cm.MAX_TEXT} characters",
    )
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:  # a body without (or lying about) its length stops here
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(raw: bytes) -> Any:
    """The JSON body, or 400 saying whether it is not UTF-8 or not JSON."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        raise HTTPException(
            400,
            f"the request body is not valid UTF-8 (byte 0x{bad} at offset {exc.start}); "
            "send the comment as UTF-8 JSON",
        ) from None
    try:
        doc = json.loads(text)
    except RecursionError:
        raise HTTPException(
            400, "the request body is JSON nested too deeply; send one flat object"
        ) from None
    except json.JSONDecodeError as exc:
        raise HTTPException(
            400,
            f"the request body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            'send {"target_type": ..., "target_id": ..., "author": ..., "text": ...}',
        ) from None
    lone = _surrogate(doc)
    if lone is not None:
        field, code = lone
        raise HTTPException(
            400,
            f"{field} holds an unpaired surrogate U+{code:04X} (a JSON \\u escape that is half "
            "of a pair), which is not valid Unicode; send the text as UTF-8",
        )
    return doc


def _surrogate(doc: Any, field: str = "body") -> tuple[str, int] | None:
    """The first string in ``doc`` holding a lone surrogate: (field, code point).

    Walked with a stack, not recursion: any nesting json.loads accepted is fine.
    """
    stack: list[tuple[Any, str]] = [(doc, field)]
    while stack:
        item, name = stack.pop()
        if isinstance(item, str):
            for ch in item:
                if 0xD800 <= ord(ch) <= 0xDFFF:
                    return name, ord(ch)
        elif isinstance(item, dict):
            for key, value in reversed(list(item.items())):
                stack.append((value, str(key)))
                stack.append((key, name))
        elif isinstance(item, list):
            stack.extend((value, name) for value in reversed(item))
    return None


def _same_site(request: Request) -> str | None:
    """Why a browser request comes from another site, or None when it does not.

    Comments need no login, so the CSRF risk is other sites posting through their
    visitors' browsers (``fetch`` with ``no-cors``, ``sendBeacon``). Browsers say
    where a request comes from: ``Sec-Fetch-Site`` (anything but same-origin or
    none, which is a typed URL or a tool, is refused) and ``Origin`` (its host must
    be the host this server was reached at). Clients that send neither (curl,
    scripts) are not browsers acting for a visitor and are let through.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None and site.lower() not in ("same-origin", "none"):
        return f"Sec-Fetch-Site is {site[:40]!r}"
    origin = request.headers.get("origin")
    if origin is not None:
        host = request.headers.get("host", "")
        if origin == "null" or origin.split("://", 1)[-1].rstrip("/").lower() != host.lower():
            return f"Origin {origin[:80]!r} is not this site ({host[:80]!r})"
    return None


def add_comment_routes(
    app: FastAPI,
    backend: CommentBackend,
    *,
    policy: Policy | None,
    limiter: RateLimiter | None,
) -> None:
    """Register the comment and moderation endpoints on ``app``."""
    reader = backend.reader

    def user_with(*roles: str) -> Any:
        def dependency(
            creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
        ) -> cm.User:
            backend.writable()  # without the tables there is nobody to check
            if creds is None or not creds.credentials.strip():
                raise _unauthorized(
                    "this needs a moderator's token: send 'Authorization: Bearer TOKEN' "
                    "(an admin makes one with `sitrep admin token create NAME --role moderator`)"
                )
            user = reader.check_token(creds.credentials.strip())
            if user is None:
                raise _unauthorized("the token is unknown or revoked; ask an admin for a new one")
            if not user.may(*roles):
                raise HTTPException(
                    403, f"{user.name} is a {user.role}; this needs the role {' or '.join(roles)}"
                )
            return user

        return dependency

    moderator = Depends(user_with("moderator", "admin"))
    admin = Depends(user_with("admin"))

    @app.post(
        "/api/comments",
        tags=["comments"],
        status_code=201,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": CommentIn.model_json_schema()}},
            }
        },
        responses={
            201: {"description": "Stored: its id, status (published, review or rejected), why."},
            400: {"description": "Not UTF-8, not JSON, or control characters in the text."},
            404: {"description": "No such event or article."},
            413: {"description": "The body is too large."},
            429: {"description": "Too many comments from this client; see Retry-After."},
        },
    )
    async def post_comment(request: Request) -> JSONResponse:
        """Post a comment: the policy publishes it, holds it for a moderator, or rejects it.

        The answer gives the reasons, so the commenter knows why it is not shown.
        """
        # a JSON type cannot be sent cross-site without a CORS preflight, which this
        # server never grants: requiring it closes no-cors fetches and sendBeacon
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind.lower() != "application/json":
            raise HTTPException(
                415, f"send the comment as application/json, not {kind[:80] or 'no type'}"
            )
        foreign = _same_site(request)
        if foreign:
            raise HTTPException(403, f"comments are posted from this site only: {foreign}")
        if limiter is not None:
            wait = limiter.take(_client(request))
            if wait > 0:
                after = limiter.retry_after(wait)
                return JSONResponse(
                    {
                        "error": "too many requests",
                        "message": f"at most {limiter.burst} comments per "
                        f"{limiter.period:g} seconds from one address; try again in {after} s",
                    },
                    status_code=429,
                    headers={"Retry-After": str(after)},
                )
        body = _decode(await _read_body(request))
        try:
            comment = CommentIn.model_validate(body)
        except ValidationError as exc:
            raise _validation_error(exc) from None
        writer = backend.writable()

        def store_it() -> cm.CommentRecord:
            with backend.lock:
                return writer.add(
                    (comment.target_type, comment.target_id),
                    comment.author,
                    comment.text,
                    policy=policy,
                    client=_client(request),
                    flag=comment.flag,
                )

        record = await run_in_threadpool(store_it)
        return JSONResponse(
            {
                "id": record.id,
                "status": record.status,
                "verdict": record.verdict,
                "reasons": list(record.reasons),
                "language": record.language,
                "policy_version": record.policy_version,
            },
            status_code=201,
        )

    @app.get("/api/comments", tags=["comments"])
    def list_comments(q: Annotated[CommentQuery, Query()]) -> dict[str, Any]:
        """The published comments on one event or article, oldest first."""
        backend.writable()
        target = cm.Target(q.target_type, q.target_id)
        if not reader.exists(target):
            raise LookupFailed(f"no {q.target_type} with id {q.target_id!r} in this database")
        items = reader.published(target, limit=q.limit, offset=q.offset)
        return {
            "target": {"type": q.target_type, "id": q.target_id},
            "items": [c.public_dict() for c in items],
        }

    @app.get("/api/moderation/queue", tags=["moderation"])
    def moderation_queue(
        q: Annotated[QueueQuery, Query()], user: cm.User = moderator
    ) -> dict[str, Any]:
        """Comments held for review or rejected by the policy, with the reasons, oldest first.

        A page with more after it names the next one: `next_after` (the last id here;
        pass it as `after`) and `next` (that page's URL); both are null on the last page.
        """
        # one more than asked: whether a next page exists (never a `next` that is empty)
        items = reader.queue(
            include_decided=q.include_decided, limit=q.limit + 1, offset=q.offset, after=q.after
        )
        more = len(items) > q.limit
        items = items[: q.limit]
        next_after = items[-1].id if more else None
        nxt = None
        if next_after is not None:
            params: dict[str, Any] = {"limit": q.limit, "after": next_after}
            if q.include_decided:
                params["include_decided"] = "true"
            nxt = "/api/moderation/queue?" + urlencode(params)
        return {
            "moderator": {"name": user.name, "role": user.role},
            "counts": reader.counts(),
            "items": [c.as_dict() for c in items],
            "next_after": next_after,
            "next": nxt,
        }

    @app.post(
        "/api/moderation/comments/{comment_id}",
        tags=["moderation"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": DecisionIn.model_json_schema()}},
            }
        },
        responses={
            400: {"description": "Not UTF-8 or not JSON."},
            401: {"description": "No token, or an unknown or revoked one."},
            403: {"description": "The token's user may not moderate."},
            404: {"description": "No such comment."},
            413: {"description": "The body is too large."},
            415: {"description": "The body is not application/json."},
        },
    )
    async def moderate_comment(
        request: Request,
        comment_id: Annotated[int, PathParam(ge=1, le=MAX_ID)],
        user: cm.User = moderator,
    ) -> dict[str, Any]:
        """Publish or reject a comment, with a note; the decision goes to the audit log."""
        # The body is read here, after the token was checked (a dependency), and
        # no more than MAX_BODY bytes of it: nobody without a token makes us parse.
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind.lower() != "application/json":
            raise HTTPException(
                415, f"send the decision as application/json, not {kind[:80] or 'no type'}"
            )
        body = _decode(await _read_body(request))
        try:
            decision = DecisionIn.model_validate(body)
        except ValidationError as exc:
            raise _validation_error(exc) from None
        writer = backend.writable()

        def decide() -> cm.CommentRecord:
            with backend.lock:
                return writer.decide(
                    comment_id, decision.verdict, moderator=user, note=decision.note
                )

        record = await run_in_threadpool(decide)
        return record.as_dict()

    @app.get("/api/moderation/audit", tags=["moderation"])
    def moderation_audit(
        q: Annotated[AuditQuery, Query()], user: cm.User = admin
    ) -> dict[str, Any]:
        """Every moderator decision, newest first (admins only)."""
        del user  # the dependency checks the role
        return {
            "items": [a.as_dict() for a in reader.audit(comment_id=q.comment_id, limit=q.limit)]
        }
