"""The follower's face on the web app: ``/api/health``, ``/api/status``, ``/api/alerts``,
``/api/stream``, and the admins' ``/api/alerts/rules`` (:mod:`sitrep.live.rules_api`).

The app only reads: the follower (``sitrep follow``) writes the state these show.
``/api/stream`` is a server-sent events stream: ``update`` when the database
gains articles or events (counts, and the ids of the newest events), ``alert``
for each alert raised while it is open. It closes after ``timeout`` seconds;
the browser's EventSource reconnects by itself. A page passes ``since`` (the
summary's ``ingested_until`` it was drawn from): events first stored after it
are sent at once, so one stored while the connection was still opening, or
while it was down, is not missed.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi.responses import JSONResponse, StreamingResponse
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.live.settings import feed_specs
from sitrep.live.state import live_alerts, live_deliveries, load_feeds, recent_lags
from sitrep.store import Store, articles, events, mentions

# How often the stream looks at the database, and sends a keep-alive comment.
STREAM_POLL = 1.0
KEEPALIVE = 15.0


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1)


def live_status(
    store: Store, *, config: Config | None = None, now: float | None = None
) -> dict[str, Any]:
    """Feeds, their last poll, lag and failures; alerts, deliveries and alert rules; article
    counts.

    With ``config``, the feeds it lists come first with their outlet, language and
    country (``never polled`` until the follower reaches them).
    """
    now = time.time() if now is None else now
    states = load_feeds(store)
    feeds = sorted(states.values(), key=lambda f: f.key)
    listed: list[dict[str, Any]] = []
    configured: dict[str, Any] = {}
    if config is not None:
        try:
            configured = {s.key: s for s in feed_specs(config)}
        except SitrepError:
            configured = {}
    for key, spec in configured.items():
        row = states[key].as_dict(now) if key in states else {"source": key, "kind": spec.kind}
        row.update(outlet=spec.outlet, language=spec.language, country=spec.country)
        listed.append(row)
    listed += [f.as_dict(now) for f in feeds if f.key not in configured]
    lags = recent_lags(store)
    out: dict[str, Any] = {
        "now": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(now)),
        "feeds": listed,
        "failing": sum(1 for f in feeds if f.failures),
        "last_poll": max((f.as_dict(now)["last_poll"] for f in feeds if f.last_poll), default=None),
        # seconds from an item's publication (as its feed says) to its storage
        "publication_lag": {
            "n": len(lags),
            "p50": _percentile(lags, 50),
            "p99": _percentile(lags, 99),
        },
    }
    try:
        with store.engine.connect() as conn:
            out["articles"] = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            out["events"] = conn.execute(select(func.count()).select_from(events)).scalar_one()
            out["alerts"] = conn.execute(select(func.count()).select_from(live_alerts)).scalar_one()
            deliveries = conn.execute(
                select(live_deliveries.c.status, func.count()).group_by(live_deliveries.c.status)
            ).all()
        out["deliveries"] = {r[0]: r[1] for r in deliveries}
    except SQLAlchemyError:  # a database from before the follower: no live tables
        out.setdefault("alerts", 0)
        out["deliveries"] = {}
    out["alert_rules"] = _rule_counts(store, config)
    return out


def _rule_counts(store: Store, config: Config | None) -> dict[str, int]:
    """How many alert rules the config and the database hold (shadowed ones left out)."""
    from sitrep.live.rules import stored_rules
    from sitrep.live.settings import alert_rules

    try:
        own = alert_rules(config) if config is not None else []
    except SitrepError:
        own = []
    stored = [s for s in stored_rules(store, config_rules=own) if not s.shadowed]
    return {"config": len(own), "database": len(stored)}


def _version(store: Store) -> tuple[int, str | None, int]:
    with store.engine.connect() as conn:
        n, latest = conn.execute(select(func.count(), func.max(articles.c.ingested_at))).one()
        n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    return int(n), latest, int(n_events)


def _first_stored_after(store: Store, since: str) -> list[str]:
    """Events whose every mention comes from an article stored after ``since`` (an
    ``ingested_at`` stamp): new since then, not older events that gained a source."""
    later = select(articles.c.id).where(articles.c.ingested_at > since)
    with store.engine.connect() as conn:
        touched = set(
            conn.execute(
                select(mentions.c.event_id)
                .where(mentions.c.article_id.in_(later), mentions.c.event_id.is_not(None))
                .distinct()
            ).scalars()
        )
        if not touched:
            return []
        older = set(
            conn.execute(
                select(mentions.c.event_id)
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.event_id.in_(touched), articles.c.ingested_at <= since)
                .distinct()
            ).scalars()
        )
    return sorted(touched - older)


def _alerts_after(store: Store, after: float) -> list[dict[str, Any]]:
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(
                select(live_alerts.c.payload, live_alerts.c.created_at)
                .where(live_alerts.c.created_at > after)
                .order_by(live_alerts.c.created_at)
            ).all()
    except SQLAlchemyError:
        return []
    return [json.loads(r[0]) for r in rows]


def _sse(kind: str, data: Any) -> str:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


async def _stream(store: Store, timeout: float, since: str | None = None) -> AsyncIterator[str]:
    started = time.monotonic()
    # Each poll reads the database generation (one primary-key read, raised by every
    # committed write) and counts rows only when it moved: two count(*) per client per
    # second read the whole articles and events tables on a big store. Read before the
    # counts, so a write between the two reads is counted again at the next poll.
    generation = await asyncio.to_thread(store.generation)
    version = await asyncio.to_thread(_version, store)
    # The new events of every update are those whose every mention comes from an
    # article stored after this mark (the page's ``since``, else the newest article
    # when the stream opened), less those already sent. A fixed mark rather than
    # the last update's: an article is stored before the merge gives its mentions
    # an event, so its events appear an update later than the article itself. It
    # reads the articles stored while the page is open, never every event id (a
    # million of them per update on a big store).
    mark = since if since is not None else (version[1] or "")
    sent: set[str] = set()
    alerts_after = time.time()
    yield "retry: 3000\n\n"
    yield _sse("hello", {"articles": version[0], "events": version[2]})
    if since is not None:
        # what the page has not seen: stored between its summary and this connection
        missed = await asyncio.to_thread(_first_stored_after, store, since)
        if missed:
            sent.update(missed)
            yield _sse(
                "update", {"articles": version[0], "events": version[2], "new_events": missed}
            )
    last_sent = time.monotonic()
    while time.monotonic() - started < timeout:
        await asyncio.sleep(STREAM_POLL)
        now_generation = await asyncio.to_thread(store.generation)
        if now_generation == generation:
            now_version = version
        else:
            generation = now_generation
            now_version = await asyncio.to_thread(_version, store)
        if now_version != version:
            version = now_version
            new = [
                e
                for e in await asyncio.to_thread(_first_stored_after, store, mark)
                if e not in sent
            ]
            sent.update(new)
            yield _sse("update", {"articles": version[0], "events": version[2], "new_events": new})
            last_sent = time.monotonic()
        for alert in await asyncio.to_thread(_alerts_after, store, alerts_after):
            alerts_after = max(alerts_after, float(alert.get("created_at", 0)))
            yield _sse("alert", alert)
            last_sent = time.monotonic()
        if time.monotonic() - last_sent > KEEPALIVE:
            yield ": keep-alive\n\n"
            last_sent = time.monotonic()


def add_live_routes(app: FastAPI, store: Store, config: Config | None = None) -> None:
    """Mount the health, status and stream endpoints on ``app``."""

    @app.get("/api/health", tags=["meta"])
    def health() -> JSONResponse:
        """200 when the database answers, 503 when it does not."""
        try:
            with store.engine.connect() as conn:
                conn.execute(select(1)).scalar_one()
        except SQLAlchemyError as exc:
            return JSONResponse(
                {"status": "unavailable", "database": str(exc).splitlines()[0]}, status_code=503
            )
        return JSONResponse({"status": "ok", "database": "ok"})

    @app.get("/api/status", tags=["meta"])
    def status() -> dict[str, Any]:
        """The follower: each feed's last poll, lag and failures; alerts; publication lag."""
        return live_status(store, config=config)

    @app.get("/api/alerts", tags=["meta"])
    def alerts(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        """The latest alerts `sitrep follow` raised, oldest first, each as webhooks got it."""
        from sitrep.live.alerts import list_alerts

        try:
            return {"items": list_alerts(store, limit=limit)}
        except SQLAlchemyError:  # a database from before the follower
            return {"items": []}

    from sitrep.live.rules_api import add_rule_routes

    add_rule_routes(app, store, config)  # /api/alerts/rules, for admins

    @app.get("/api/stream", tags=["meta"], response_class=StreamingResponse)
    def stream(
        timeout: Annotated[float, Query(gt=0, le=3600)] = 300.0,
        since: Annotated[str | None, Query(max_length=40)] = None,
    ) -> StreamingResponse:
        """Server-sent events: `update` when events arrive, `alert` for each new alert;
        with ``since`` (the summary's ``ingested_until``), first an `update` naming the
        events stored after it."""
        return StreamingResponse(
            _stream(store, timeout, since),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
