"""What the page needs beyond the JSON contract: its timeline, town labels, and ReDoc.

Kept apart from :mod:`sitrep.faces.web.app` (one ``add_page_routes`` call there):
``/api/timeline`` counts events per day and type for the page's histogram under
the date slider; ``/api/labels`` names the towns of the map's view; ``/redoc`` is
the API reference rendered by the ReDoc bundle that ``make web-assets`` copies from
npm, so it works without the network.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from sitrep.faces.web.params import EventQuery, LabelQuery

# Where `make web-assets` puts the documentation pages' scripts (see the Makefile).
SWAGGER_JS = "/static/vendor/swagger-ui/swagger-ui-bundle.js"
SWAGGER_CSS = "/static/vendor/swagger-ui/swagger-ui.css"
DOCS_FAVICON = "/static/vendor/swagger-ui/favicon-32x32.png"
REDOC_JS = "/static/vendor/redoc/redoc.standalone.js"


def add_page_routes(app: FastAPI, backend: Any, headers: Any) -> None:
    """Add ``/api/timeline``, ``/api/labels`` and ``/redoc`` to ``app``.

    ``backend``: the app's :class:`~sitrep.api.Sitrep` and lookups; ``headers``: the
    Content-Security-Policy function of documentation pages.
    """
    api = backend.api

    @app.get("/api/timeline", tags=["events"])
    async def timeline(q: Annotated[EventQuery, Query()]) -> dict[str, Any]:
        """Events per day and event type for the filters of `sitrep events` (undated left
        out): `items` of {date, event_type, n}, by date."""
        f = q.event_filter()

        def read() -> list[dict[str, Any]]:
            # the gazetteer and catalogue load outside the gate (seconds the first time)
            _ = backend.gazetteer if f.place else None
            _ = backend.actors if f.actor else None
            with backend.gate:
                return api.day_counts(f)

        items = await run_in_threadpool(read)
        return {"items": items, "total": sum(i["n"] for i in items)}

    @app.get("/api/labels", tags=["places"])
    async def labels(q: Annotated[LabelQuery, Query()]) -> dict[str, Any]:
        """Towns to name on the map of this box at this zoom: capitals and big cities
        zoomed out, smaller towns zoomed in, no two labels overlapping on screen; `items`
        of {geonames_id, name, country, lat, lon, population, capital}, the most
        important first. From the gazetteer (GeoNames), not the database."""

        def read() -> list[dict[str, Any]]:
            # no store read: the gazetteer is read-only and shared, so no gate either
            return api.map_labels(q.west, q.south, q.east, q.north, q.zoom, limit=q.limit)

        return {"items": await run_in_threadpool(read)}

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        page = get_redoc_html(
            openapi_url=app.openapi_url or "",
            title=f"{app.title} API",
            redoc_js_url=REDOC_JS,
            redoc_favicon_url=DOCS_FAVICON,
            with_google_fonts=False,
        )
        html = bytes(page.body).decode("utf-8")
        return HTMLResponse(html, headers=headers(html))
