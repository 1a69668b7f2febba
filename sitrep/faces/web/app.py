"""The HTTP API (FastAPI) and the web page it serves, over a read-only store.

Every endpoint reads through connections that SQLite holds read-only
(``PRAGMA query_only``) on a WAL database, so a running ingest never blocks
the page and the page can never write. Endpoints are plain functions: FastAPI
runs them in its thread pool, one SQLite connection each. Reader comments and
moderation (:mod:`sitrep.faces.web.comments_api`) are the one exception: they write
through a single writable store, one write at a time.

A thin face: every read goes through one read-only :class:`sitrep.api.Sitrep`
(no SQL here), and the bodies are the library's JSON items (the CLI's
contract): ``Event.to_dict()`` items, control spans, roundups, article reports.
"""

from __future__ import annotations

import base64
import dataclasses
import errno
import hashlib
import logging
import os
import queue
import re
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar
from urllib.parse import urlencode

import orjson
from fastapi import FastAPI, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.core.config import Config
from sitrep.core.errors import ConfigError, LookupFailed, SitrepError, StoreError
from sitrep.faces.web.cache import DEFAULT_CACHE_BYTES, ResponseCache, SharedAnswers
from sitrep.faces.web.comments_api import CommentBackend, add_comment_routes
from sitrep.faces.web.limits import RateLimiter
from sitrep.faces.web.openapi_errors import document_errors
from sitrep.faces.web.page_api import DOCS_FAVICON, SWAGGER_CSS, SWAGGER_JS, add_page_routes
from sitrep.faces.web.params import (
    ID_PATTERN,
    MAX_ID,
    ControlQuery,
    EventPage,
    ExportQuery,
    PlaceQuery,
    check_id,
)
from sitrep.views.queries import ALL_STATUSES, DEFAULT_STATUSES, EventJSON

if TYPE_CHECKING:
    from sitrep.api import Sitrep
    from sitrep.moderation import Policy
    from sitrep.views.queries import EventFilter

log = logging.getLogger(__name__)
_T = TypeVar("_T")

STATIC_DIR = Path(__file__).resolve().parent / "static"
# What `make web-assets` copies from node_modules; the page needs all of them for the map.
VENDOR_FILES = (
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/topojson-client.min.js",
    "vendor/countries-50m.json",
)
# The pages load scripts from this server only, and no inline script: even markup that
# got into the page by mistake could not run. (/docs has its own: see docs_headers.)
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# Comments one client address may post: (burst, per seconds).
COMMENT_RATE = (5, 60.0)
EXPORT_TYPES = {
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json; charset=utf-8", "geojson"),
}


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
# Swagger UI and ReDoc come from this server (npm packages copied by `make web-assets`);
# the page's own inline script (the UI's settings) is allowed by its hash.


def docs_headers(html: str) -> dict[str, str]:
    """The Content-Security-Policy (and friends) of an API documentation page."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.findall(html)
    )
    return {
        "Content-Security-Policy": f"default-src 'self'; script-src 'self' {hashes}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "worker-src 'self' blob:; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }


def vendor_assets_missing() -> list[str]:
    """The map assets `make web-assets` should have installed but did not."""
    return [name for name in VENDOR_FILES if not (STATIC_DIR / name).is_file()]


class _Backend:
    """The read-only library (:class:`sitrep.api.Sitrep`) one app reads from, and the
    gates that keep its connection pool from running dry."""

    def __init__(self, config: Config, db: str) -> None:
        from sitrep.api import Sitrep

        self.config = config
        self.db = db
        # read-only: SQLite also refuses any write on these connections (query_only)
        self.api: Sitrep = Sitrep(config, db=db, readonly=True)
        store = self.api.store  # opened now: a missing database fails here, not per request
        # iter_events holds two pooled connections at once (the event rows, then their
        # mentions); with more requests in flight than half the pool, every thread holds
        # one and waits for a second until the pool times out. Gate them to fit.
        pool = store.engine.pool
        size = pool.size() if hasattr(pool, "size") else 5
        capacity = size + max(getattr(pool, "_max_overflow", 0), 0)
        self.gate = threading.BoundedSemaphore(max(1, capacity // 2 - 2))
        self.export_gate = threading.BoundedSemaphore(2)

    @property
    def store(self) -> Any:
        """The read-only store (for tests and the live routes)."""
        return self.api.store

    @property
    def gazetteer(self) -> Any:
        # Only place lookups need it; loading (or first building) it takes seconds.
        return self.api.gazetteer

    @property
    def actors(self) -> Any:
        # The catalogue that reads the actor filter's aliases (bundled + actor_files).
        return self.api.actors


# Event and article ids in a path: the pattern documented (so a schema-valid id is one
# the server takes), checked by check_id with a message naming the parameter.
ID_PARAM = PathParam(max_length=64, json_schema_extra={"pattern": ID_PATTERN.pattern})


def _error(status: int, error: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, **extra}, status_code=status)


def _inline(read: Callable[[], _T]) -> _T:
    """Run an indexed read on the event loop's own thread.

    The hot reads (a page of events, one event, who held what in a country) take a
    few milliseconds through the indexes; handing each to the thread pool and back
    costs two thread switches, which on a loaded two-core machine take longer than
    the read, and the GIL lets only one of them run at a time anyway. Each uses one
    pooled connection at a time, so they need no gate.
    """
    return read()


def _body(content: dict[str, Any]) -> Response:
    """A body that is JSON-ready already (the library's items): sent as it is.

    Returning the dict would have FastAPI walk and re-encode every nested value,
    which takes longer than the query for a page of events. orjson writes the same
    compact JSON as ``JSONResponse`` (UTF-8, no spaces) in a tenth of the time: 0.1
    against 1.2-1.6 ms for a 50-row page of 120-160 kB.
    """
    return Response(orjson.dumps(content), media_type="application/json")


def _page_body(
    items: list[EventJSON], n_comments: dict[str, int], rest: dict[str, Any]
) -> Response:
    """A page of events, ``{"items": [...], **rest}``, joined from the items' stored JSON.

    Byte for byte what :func:`_body` would write for the items parsed, each with its
    ``comments`` count added as the last key: an item is a JSON object, so the count
    goes in before its closing brace. Parsing and encoding the 50 items of a page cost
    more than reading them.
    """
    joined = ",".join(f'{e.json[:-1]},"comments":{int(n_comments[e.id])}}}' for e in items)
    tail = orjson.dumps(rest)[1:]  # the other keys, after the items: '"limit":50,...}'
    return Response(b'{"items":[' + joined.encode() + b"]," + tail, media_type="application/json")


def _problem(err: dict[str, Any]) -> dict[str, Any]:
    """One Pydantic error as {parameter, message}, in words a person can act on."""
    loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
    param = loc[-1] if loc else "request"
    kind = err.get("type", "")
    msg = str(err.get("msg", "invalid"))
    if kind == "extra_forbidden":
        msg = f"unknown parameter {param!r}"
    elif kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    elif kind == "missing":
        msg = f"{param} is required"
    else:
        given = err.get("input")
        shown = repr(given)
        if len(shown) > 80:  # a 5000-character comment is not echoed back whole
            shown = shown[:77] + "..."
        msg = f"{param}: {msg}" + (f" (got {shown})" if given is not None else "")
    return {"parameter": param, "message": msg}


def create_app(
    config: Config,
    *,
    db: str | None = None,
    policy: Policy | None = None,
    comment_rate: tuple[int, float] | None = COMMENT_RATE,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    shared_cache: str | None = None,
    preload: bool = False,
) -> Any:
    """The FastAPI app serving the API under ``/api`` and the page at ``/``.

    ``db`` (a SQLite path or URL) defaults to ``config.db``; it must exist
    (:class:`sitrep.core.errors.StoreError` otherwise: run ``sitrep ingest`` first).
    Comments are moderated under ``policy`` (the bundled default when None);
    ``comment_rate`` is (comments, per seconds) from one client address, None
    for no limit. Answers of the read endpoints are kept per database generation, up
    to ``cache_bytes`` of them (0: none; see :mod:`sitrep.faces.web.cache`);
    ``shared_cache`` names the file of answers the workers of one server share (made by
    :meth:`SharedAnswers.create`, as :func:`serve_workers` does). With ``preload``
    (``sitrep serve``), what some requests load on first use (the gazetteer, the actor
    catalogue: seconds) is loaded now, in a thread, so no request of a running server
    waits for it.
    """
    backend = _Backend(config, db or config.db)
    comment_backend = CommentBackend(db or config.db, backend.api)
    app = FastAPI(
        title="sitrep",
        summary="Sourced, geocoded conflict events from news reports.",
        description="Events (ACLED typology) with the reports behind them, control timelines "
        "and roundups. Every body is the same JSON item as `sitrep events --json`.",
        version="0.1.0",
        docs_url=None,  # served below, with a Content-Security-Policy
        redoc_url=None,
    )
    app.state.backend = backend
    # outermost but for the error handler: a kept answer skips routing and checks
    shared = SharedAnswers(shared_cache, cache_bytes) if shared_cache and cache_bytes else None
    app.add_middleware(
        ResponseCache, generation=backend.store.generation, max_bytes=cache_bytes, shared=shared
    )
    app.state.comments = comment_backend
    api = backend.api
    if preload:
        threading.Thread(
            target=_preload, args=(backend,), name="sitrep-preload", daemon=True
        ).start()

    @app.get("/docs", include_in_schema=False)
    def _docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url=app.openapi_url or "",
            title=f"{app.title} API",
            swagger_js_url=SWAGGER_JS,
            swagger_css_url=SWAGGER_CSS,
            swagger_favicon_url=DOCS_FAVICON,
        )
        html = bytes(page.body).decode("utf-8")
        return HTMLResponse(html, headers=docs_headers(html))

    # -- errors -------------------------------------------------------------

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [_problem(dict(e)) for e in exc.errors()]
        extra = [p["parameter"] for p in problems if p["message"].startswith("unknown parameter")]
        message = "; ".join(p["message"] for p in problems)
        if extra:
            message += "; see /docs for the parameters of each endpoint"
        return _error(422, "invalid request", message, problems=problems)

    @app.exception_handler(LookupFailed)
    async def _not_found(_request: Request, exc: LookupFailed) -> JSONResponse:
        return _error(404, "not found", str(exc))

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "database unavailable", str(exc))

    @app.exception_handler(SitrepError)
    async def _sitrep_error(_request: Request, exc: SitrepError) -> JSONResponse:
        return _error(400, "bad request", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}; the API is listed at /docs"
        response = _error(exc.status_code, ERROR_NAMES.get(exc.status_code, "error"), message)
        response.headers.update(exc.headers or {})  # WWW-Authenticate on 401
        return response

    # -- the pages ----------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers=PAGE_HEADERS)

    @app.get("/moderate", include_in_schema=False)
    def moderate_page() -> FileResponse:
        return FileResponse(
            STATIC_DIR / "moderate.html", media_type="text/html", headers=PAGE_HEADERS
        )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    # -- the API ------------------------------------------------------------

    # the store's summary, by database generation (missing_assets is read every time)
    summaries: dict[str, dict[str, Any]] = {}

    @app.get("/api/summary", tags=["meta"])
    def summary() -> dict[str, Any]:
        """What the page needs first: date range, counts, event types, the countries with
        events, missing map assets."""
        generation = backend.store.generation()
        counts = summaries.get(generation)
        if counts is None:
            with backend.gate:
                # counts every event: kept until the next write
                counts = {**api.summary(), "countries": api.countries()}
            summaries.clear()
            summaries[generation] = counts
        return {
            **counts,
            "statuses": list(ALL_STATUSES),
            "default_statuses": list(DEFAULT_STATUSES),
            "missing_assets": vendor_assets_missing(),
        }

    @app.get("/api/events", tags=["events"], response_model=dict[str, Any])
    async def list_events(request: Request, q: Annotated[EventPage, Query()]) -> Response:
        """Events matching the filters of `sitrep events`, oldest first, one page at a time.

        `next` is the URL of the following page, or null on the last one; it pages by
        keyset (`cursor`, also given alone as `next_cursor`), so a deep page costs what the
        first one does. `offset` still skips events after the cursor.
        """
        f = q.page_filter(limit=q.limit + 1)
        if f.actor and not api.actors_loaded:
            # loaded before the read, in a thread: it takes seconds the first time
            await run_in_threadpool(lambda: backend.actors)
        if f.place and not api.gazetteer_loaded:
            # a place name needs the gazetteer (seconds to load the first time): a thread;
            # once it is loaded, the read is as quick as any other page's (inline)
            def read() -> list[EventJSON]:
                _ = backend.gazetteer  # loaded outside the gate
                with backend.gate:
                    return list(api.event_json(f))

            items = await run_in_threadpool(read)
        else:
            items = _inline(lambda: list(api.event_json(f)))
        more = len(items) > q.limit
        items = items[: q.limit]
        # each item says how many published comments it has (an added field)
        n_comments = api.comments.published_counts([e.id for e in items]) if items else {}
        nxt = cursor = None
        if more:
            # the next page continues after the last item (keyset), whatever this one used
            cursor = items[-1].cursor()
            params = dict(request.query_params)
            params.pop("offset", None)
            params["cursor"] = cursor
            params["limit"] = str(q.limit)
            nxt = f"{request.url.path}?{urlencode(params)}"
        page: dict[str, Any] = {
            "limit": q.limit,
            "offset": q.offset,
            "next": nxt,
            "next_cursor": cursor,
        }
        if f.actor and not items:
            # an empty page for words that name no actor says so (added field)
            hint = api.actor_hint(f.actor)
            if hint:
                page["hint"] = hint
        if not items and (f.place or f.type or f.country):
            # an empty result from a filter that cannot match: a type or country that
            # names nothing is a 422 naming the parameter; an unknown place, or one
            # without events, keeps its empty page (the contract) and says why in `hint`
            def check() -> tuple[list[tuple[str, str]], str | None]:
                _ = backend.gazetteer if (f.place or f.country) else None
                with backend.gate:
                    problems = api.filter_problems(dataclasses.replace(f, place=None))
                    return problems, api.empty_place_hint(f.place) if f.place else None

            problems, place_hint = await run_in_threadpool(check)
            if problems:
                return _invalid_filter(problems)
            if place_hint:
                page.setdefault("hint", place_hint)
        return _page_body(items, n_comments, page)

    @app.get("/api/events/{event_id}", tags=["events"], response_model=dict[str, Any])
    async def one_event(event_id: Annotated[str, ID_PARAM]) -> Response:
        """One event (id or unique prefix) with its mentions, sources, evidence, disagreements."""
        checked = _checked_id(event_id, "event")
        item = _inline(lambda: api.event_item(checked))
        # the aliases of its actors (an added field): the catalogue loads on first use, in
        # a thread; once loaded, reading it takes microseconds, less than a thread switch
        if api.actors_loaded:
            actors = api.actor_aliases([item])
        else:
            actors = await run_in_threadpool(api.actor_aliases, [item])
        return _body({**item, "actors": actors})

    @app.get("/api/roundups/{event_id}", tags=["events"])
    def roundup(event_id: Annotated[str, ID_PARAM]) -> dict[str, Any]:
        """What each outlet said about one event, quoted, with links; agreements, differences."""
        checked = _checked_id(event_id, "event")
        with backend.gate:
            return api.event_roundup(checked)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: Annotated[str, ID_PARAM]) -> dict[str, Any]:
        """One stored article: each sentence with who asserts it and the events read in it."""
        checked = _checked_id(article_id, "article")
        with backend.gate:
            return api.article(checked)

    @app.get("/api/places", tags=["places"])
    def find_places(q: Annotated[PlaceQuery, Query()]) -> dict[str, Any]:
        """Places in the store whose name matches (any spelling the gazetteer knows)."""
        _ = backend.gazetteer  # loaded outside the gate: the first load takes seconds
        with backend.gate:
            return {"items": api.search_places(q.q, limit=q.limit)}

    @app.get("/api/places/{place_id}/control", tags=["control"])
    def place_control(place_id: Annotated[int, PathParam(ge=1, le=MAX_ID)]) -> dict[str, Any]:
        """A place's control timeline (a province or country: the places inside it)."""
        with backend.gate:
            return api.place_control(place_id)

    @app.get("/api/control", tags=["control"], response_model=dict[str, Any])
    async def control(q: Annotated[ControlQuery, Query()]) -> Response:
        """Who held what on a day (default: the latest event date), by place."""

        def read() -> tuple[date, list[dict[str, Any]]]:
            day = q.as_of or api.latest_date() or date.today()
            return day, api.as_of(day, country=q.country, bbox=q.box())

        day, items = _inline(read)
        return _body(
            {"as_of": day.isoformat(), "country": q.country, "bbox": q.box(), "items": items}
        )

    from sitrep.live.web import add_live_routes  # /api/health, /api/status, /api/stream

    add_live_routes(app, api.store, config)

    add_page_routes(app, backend, docs_headers)  # /api/timeline, /redoc
    limiter = None
    if comment_rate:
        writer = comment_backend.writer
        # in the database when it can be written, so all workers share one limit
        limiter = RateLimiter(
            *comment_rate, shared=writer.take_rate_token if writer is not None else None
        )
    add_comment_routes(app, comment_backend, policy=policy, limiter=limiter)

    @app.get("/api/export", tags=["events"], response_class=StreamingResponse)
    def export(q: Annotated[ExportQuery, Query()]) -> Any:
        """Every matching event as JSONL, ACLED-column CSV or GeoJSON, streamed.

        A filter that names nothing (an unknown place, type or country) is a 422 naming
        the parameter, not an empty file."""
        f = q.event_filter()
        if f.place or f.country:
            _ = backend.gazetteer  # loaded before the body starts streaming
        if f.actor:
            _ = backend.actors
        if f.place or f.type or f.country:
            with backend.gate:
                problems = api.filter_problems(f)
            if problems:
                return _invalid_filter(problems)
        media, ext = EXPORT_TYPES[q.format]
        return StreamingResponse(
            _stream_export(api, f, q.format, backend.export_gate),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="sitrep-events.{ext}"'},
        )

    document_errors(app)
    return app


ERROR_NAMES = {
    400: "bad request",
    401: "unauthorized",
    403: "forbidden",
    404: "not found",
    413: "payload too large",
    415: "unsupported media type",
    503: "unavailable",
}


def _invalid_filter(problems: list[tuple[str, str]]) -> JSONResponse:
    """The 422 of a filter that names nothing (a type, a country), naming the parameter."""
    return _error(
        422,
        "invalid request",
        "; ".join(m for _, m in problems),
        problems=[{"parameter": n, "message": m} for n, m in problems],
    )


def _preload(backend: _Backend) -> None:
    try:
        _ = backend.gazetteer
        _ = backend.actors
    except Exception:  # the request that needs it loads it again and says what failed
        log.exception("preloading the gazetteer and actors failed")


def _checked_id(value: str, what: str) -> str:
    # An id that cannot be one names no event either: 404, as a client asking for
    # /api/events/{id} expects, with the message saying what ids look like.
    try:
        return check_id(value, what)
    except ValueError as exc:
        raise LookupFailed(str(exc)) from None


class _QueueWriter:
    """A text sink that hands chunks to a bounded queue (the response reads them)."""

    CHUNK = 64 * 1024

    def __init__(self, q: queue.Queue[str | None], stop: threading.Event) -> None:
        self.q = q
        self.stop = stop
        self.buf: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.buf.append(text)
        self.size += len(text)
        if self.size >= self.CHUNK:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if not self.buf:
            return
        chunk, self.buf, self.size = "".join(self.buf), [], 0
        while True:
            if self.stop.is_set():
                # the client went away: end the export instead of filling memory
                raise _ExportCancelled
            try:
                self.q.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue


class _ExportCancelled(Exception):
    pass


def _stream_export(
    api: Sitrep, f: EventFilter, fmt: str, gate: threading.BoundedSemaphore
) -> Iterator[bytes]:
    """Run the export in a thread and yield what it writes, chunk by chunk."""
    chunks: queue.Queue[str | None] = queue.Queue(maxsize=16)
    stop = threading.Event()

    def produce() -> None:
        writer = _QueueWriter(chunks, stop)
        try:
            with gate:
                api.export(fmt, writer, f)  # type: ignore[arg-type]
                writer.flush()
        except _ExportCancelled:
            return
        except Exception:  # the status line is sent already: log, and end the body short
            log.exception("export %s failed", fmt)
        finally:
            chunks.put(None)

    thread = threading.Thread(target=produce, name="sitrep-export", daemon=True)
    thread.start()
    try:
        while True:
            chunk = chunks.get()
            if chunk is None:
                return
            yield chunk.encode("utf-8")
    finally:
        stop.set()
        # unblock a producer waiting on a full queue
        while not chunks.empty():
            chunks.get_nowait()


def serve(
    config: Config,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    db: str | None = None,
    log_level: str = "info",
    policy: Policy | None = None,
    trusted_proxies: str | None = None,
    workers: int = 1,
) -> None:
    """Serve the API and the page until interrupted (``sitrep serve``).

    Reader comments are moderated under ``policy`` (the bundled default when None).
    ``X-Forwarded-For`` is believed only from ``trusted_proxies`` (comma-separated
    addresses); by default from nobody, so no client picks its own rate-limit bucket.
    ``workers`` processes share the listening socket and the database (each its own
    connections and answer cache; the database generation keeps every cache current).
    """
    import uvicorn

    if workers > 1:
        from sitrep.store import open_store

        open_store(db or config.db, readonly=True).close()  # a missing database fails here
    app = create_app(config, db=db, policy=policy, preload=True) if workers <= 1 else None
    # bind before saying "serving": a busy port fails here, with nothing claimed first
    sock = listen_socket(host, port)
    missing = vendor_assets_missing()
    shown = f"[{host}]" if ":" in host else host
    print(f"sitrep: serving {db or config.db} at http://{shown}:{port}/ (API: /docs; Ctrl-C stops)")
    if missing:
        print(
            "sitrep: the map library is not installed (missing "
            f"{', '.join(missing)}); run `make web-assets`. The page works without the map."
        )
    # uvicorn believes X-Forwarded-For from 127.0.0.1 unless told otherwise
    proxies: dict[str, Any] = {
        "proxy_headers": bool(trusted_proxies),
        "forwarded_allow_ips": trusted_proxies or "",
    }
    if app is not None:
        server = uvicorn.Server(
            uvicorn.Config(app, host=host, port=port, log_level=log_level, **proxies)
        )
        server.run(sockets=[sock])
        return
    serve_workers(
        {"config": config, "db": db, "policy": policy, "preload": True},
        sock,
        workers=workers,
        log_level=log_level,
        uvicorn_options=proxies,
    )


# The environment variable naming the file that holds a worker's create_app arguments.
WORKER_ARGS = "SITREP_WEB_WORKER_ARGS"


def worker_app() -> Any:
    """The app of one worker of ``sitrep serve --workers N`` (uvicorn calls it in each).

    Its arguments come from the file :func:`serve_workers` wrote (a pickle this
    process's parent made), named by :data:`WORKER_ARGS`.
    """
    import pickle

    with open(os.environ[WORKER_ARGS], "rb") as fh:
        args = pickle.load(fh)
    return create_app(args.pop("config"), **args)


def serve_workers(
    args: dict[str, Any],
    sock: socket.socket,
    *,
    workers: int,
    log_level: str = "info",
    uvicorn_options: dict[str, Any] | None = None,
) -> None:
    """Serve ``create_app(args["config"], **other args)`` from ``workers`` processes
    on one bound socket.

    uvicorn's supervisor starts the workers (fresh interpreters) and restarts one
    that dies; each builds its app through :func:`worker_app`. With the answer cache on
    (``args["cache_bytes"]``, by default), the workers share the answers any of them
    read (:class:`SharedAnswers`, a file in this server's temporary directory).
    Ends when interrupted.
    """
    import pickle
    import tempfile

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    with tempfile.TemporaryDirectory(prefix="sitrep-serve-") as tmp:
        path = Path(tmp) / "worker-args.pickle"
        if workers > 1 and args.get("cache_bytes", DEFAULT_CACHE_BYTES) > 0:
            shared = Path(tmp) / "answers.db"
            SharedAnswers.create(str(shared))
            args = {**args, "shared_cache": str(shared)}
        path.write_bytes(pickle.dumps(args))
        os.environ[WORKER_ARGS] = str(path)  # the workers inherit the environment
        cfg = uvicorn.Config(
            "sitrep.faces.web.app:worker_app",
            factory=True,
            workers=workers,
            log_level=log_level,
            **(uvicorn_options or {}),
        )
        Multiprocess(cfg, sockets=[sock]).run()


def listen_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; ConfigError saying what to do when it is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # as uvicorn does: a restarted server may take the port while old connections linger
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                f"cannot serve on {host}:{port}: the port is in use by another program; "
                "stop it or choose another with --port"
            ) from None
        raise ConfigError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
