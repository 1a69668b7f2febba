"""Alerts: rules checked against what the follower stored, delivered to webhooks.

After each poll, the articles the follower stored and no rule has looked at yet
(``live_items.alerted = 0``) are checked:

- ``control_change``: a place those articles report on is now held by a
  controller whose span a change in them opened (who took it, since when);
- ``new_event``: an event those articles report on, of the rule's type, with at
  least ``min_sources`` independent outlets;
- ``contradiction``: a place those articles report on whose current holder is
  now disputed (a source denies the change, or reports another holder).

Each alert's id derives from the rule and its subject (the place, controller and
start; the event), so an alert is raised once however often its subject is
reported again. Each webhook then receives it as a JSON POST signed with
HMAC-SHA256 (header ``X-Sitrep-Signature: sha256=HEX`` over the raw body), retried
with back-off (10 s, 20 s, 40 s... for up to 8 attempts) while it fails.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterable
from typing import Any

import httpx
from sqlalchemy import select, update

from sitrep.core.records import short_hash
from sitrep.live.settings import AlertRule, Webhook, iso3
from sitrep.live.state import dumps, live_alerts, live_deliveries, live_items
from sitrep.read.typology import TERRITORY_SUB_TYPES
from sitrep.store import Store, events, mentions, places

log = logging.getLogger("sitrep.live")

SIGNATURE_HEADER = "X-Sitrep-Signature"
MAX_DELIVERY_ATTEMPTS = 8
FIRST_RETRY = 10.0


def sign(secret: str, body: bytes) -> str:
    """The signature header's value for ``body``: ``sha256=`` and the hex HMAC."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def check_and_deliver(
    store: Store, rules: list[AlertRule], hooks: list[Webhook], *, now: float | None = None
) -> int:
    """Check the rules against unchecked articles, then deliver due webhooks; new alerts."""
    now = time.time() if now is None else now
    raised = check(store, rules, hooks, now=now)
    if hooks:
        deliver(store, hooks, now=now)
    return raised


def _place_ok(rule: AlertRule, place: Any) -> bool:
    if place is None:
        return not (rule.countries or rule.bbox or rule.places)
    if rule.countries and place["country"] not in {iso3(c) for c in rule.countries}:
        return False
    if rule.bbox:
        w, s, e, n = rule.bbox
        if not (w <= place["lon"] <= e and s <= place["lat"] <= n):
            return False
    if rule.places:
        wanted = {p.casefold() for p in rule.places}
        return place["name"].casefold() in wanted or str(place["id"]) in wanted
    return True


def check(store: Store, rules: list[AlertRule], hooks: list[Webhook], *, now: float) -> int:
    """Raise the alerts the unchecked articles call for; returns how many are new."""
    with store.engine.connect() as conn:
        article_ids = sorted(
            {
                r[0]
                for r in conn.execute(
                    select(live_items.c.article_id).where(
                        live_items.c.alerted == 0, live_items.c.article_id.is_not(None)
                    )
                )
            }
        )
    if not article_ids:
        return 0
    raised = 0
    if rules:
        with store.engine.connect() as conn:
            event_ids = sorted(
                {
                    r[0]
                    for r in conn.execute(
                        select(mentions.c.event_id).where(
                            mentions.c.article_id.in_(article_ids), mentions.c.event_id.is_not(None)
                        )
                    )
                }
            )
            rows = (
                conn.execute(
                    select(events, places.c.name, places.c.country, places.c.lat, places.c.lon)
                    .join(places, places.c.id == events.c.place_id, isouter=True)
                    .where(events.c.id.in_(event_ids))
                )
                .mappings()
                .all()
            )
        for rule in rules:
            if rule.when == "new_event":
                raised += _new_events(store, rule, rows, hooks, now)
            elif rule.when == "contradiction":
                raised += _contradictions(store, rule, rows, hooks, now)
            else:
                raised += _control_changes(store, rule, rows, hooks, now)
    with store.engine.begin() as conn:
        conn.execute(
            update(live_items).where(live_items.c.article_id.in_(article_ids)).values(alerted=1)
        )
    return raised


def _place(r: Any) -> dict[str, Any] | None:
    if r["place_id"] is None or r["name"] is None:
        return None
    return {
        "id": r["place_id"],
        "name": r["name"],
        "country": r["country"],
        "lat": r["lat"],
        "lon": r["lon"],
    }


def _new_events(
    store: Store, rule: AlertRule, rows: Iterable[Any], hooks: list[Webhook], now: float
) -> int:
    raised = 0
    for r in rows:
        if rule.event_type and rule.event_type not in (r["event_type"], r["sub_event_type"]):
            continue
        if r["n_independent"] < rule.min_sources or r["status"] in ("background", "recalled"):
            continue
        if not _place_ok(rule, _place(r)):
            continue
        raised += _raise(
            store,
            rule,
            subject=r["id"],
            event_id=r["id"],
            extra={"place": _place(r)},
            hooks=hooks,
            now=now,
        )
    return raised


def _control_changes(
    store: Store, rule: AlertRule, rows: Iterable[Any], hooks: list[Webhook], now: float
) -> int:
    from sitrep.control import timeline

    touched = {
        r["id"]: r
        for r in rows
        if r["sub_event_type"] in TERRITORY_SUB_TYPES
        and r["status"] in ("occurred", "claimed")
        and _place_ok(rule, _place(r))
    }
    place_ids = sorted({r["place_id"] for r in touched.values()})
    if not place_ids:
        return 0
    raised = 0
    spans = timeline(store, place_ids)
    by_place: dict[int, list[Any]] = {}
    for span in spans:
        by_place.setdefault(span.place.id, []).append(span)
    for pid, place_spans in by_place.items():
        current = [s for s in place_spans if s.end is None]
        if not current:
            continue
        span = current[-1]
        opening = [e for e in span.events if e in touched]
        if not opening:
            continue  # the new reports confirm or precede the holder: no change
        earlier = [s for s in place_spans if s is not span and s.controller != span.controller]
        since = span.start.isoformat() if span.start else None
        raised += _raise(
            store,
            rule,
            subject=f"{pid}|{span.controller}|{since}",
            event_id=opening[0],
            extra={
                "place": span.place.to_dict(),
                "controller": span.controller,
                "previous": earlier[-1].controller if earlier else None,
                "since": since,
                "disputed": span.disputed,
            },
            hooks=hooks,
            now=now,
        )
    return raised


def _contradictions(
    store: Store, rule: AlertRule, rows: Iterable[Any], hooks: list[Webhook], now: float
) -> int:
    """Places whose current holder the new reports dispute (a denial, another holder)."""
    from sitrep.control import timeline

    touched = {
        r["id"]: r
        for r in rows
        if r["sub_event_type"] in TERRITORY_SUB_TYPES
        and r["status"] in ("occurred", "claimed", "denied")
        and _place_ok(rule, _place(r))
    }
    place_ids = sorted({r["place_id"] for r in touched.values()})
    raised = 0
    for span in timeline(store, place_ids) if place_ids else []:
        if span.end is not None or not span.disputed or not span.notes:
            continue
        since = span.start.isoformat() if span.start else None
        event_id = next((e for e in span.events if e in touched), None) or next(
            r["id"] for r in touched.values() if r["place_id"] == span.place.id
        )
        raised += _raise(
            store,
            rule,
            # a new contradiction (a new note) is a new alert; the same one is not
            subject=f"{span.place.id}|{span.controller}|{since}|{'|'.join(sorted(span.notes))}",
            event_id=event_id,
            extra={
                "place": span.place.to_dict(),
                "controller": span.controller,
                "since": since,
                "disputed": True,
                "contradictions": list(span.notes),
            },
            hooks=hooks,
            now=now,
        )
    return raised


def _raise(
    store: Store,
    rule: AlertRule,
    *,
    subject: str,
    event_id: str,
    extra: dict[str, Any],
    hooks: list[Webhook],
    now: float,
) -> int:
    """Record one alert (and its deliveries) unless it was raised before; 1 if new."""
    from sitrep.views.queries import get_event

    alert_id = short_hash(rule.name, rule.when, subject)
    with store.engine.connect() as conn:
        if conn.execute(select(live_alerts.c.id).where(live_alerts.c.id == alert_id)).first():
            return 0
    event = get_event(store, event_id)
    payload = {
        "id": alert_id,
        "rule": rule.name,
        "kind": rule.when,
        "created_at": now,
        **extra,
        "event": event,
        "sources": sorted({m["source"] for m in event.get("mentions", []) if m.get("source")}),
        "roundup": f"/api/roundups/{event_id}",
    }
    with store.engine.begin() as conn:
        conn.execute(
            live_alerts.insert().values(
                id=alert_id, rule=rule.name, kind=rule.when, payload=dumps(payload), created_at=now
            )
        )
        for hook in hooks:
            if hook.wants(rule.name):
                conn.execute(
                    live_deliveries.insert().values(
                        alert_id=alert_id, url=hook.url, status="pending", attempts=0, next_try=now
                    )
                )
    log.info("alert", extra={"fields": {"alert": alert_id, "rule": rule.name, "event": event_id}})
    return 1


def deliver(
    store: Store, hooks: list[Webhook], *, now: float, timeout: float = 10.0
) -> tuple[int, int]:
    """POST every due pending delivery once; returns (sent, failed this round)."""
    secrets = {h.url: h.secret for h in hooks}
    with store.engine.connect() as conn:
        due = (
            conn.execute(
                select(live_deliveries, live_alerts.c.payload)
                .join(live_alerts, live_alerts.c.id == live_deliveries.c.alert_id)
                .where(live_deliveries.c.status == "pending", live_deliveries.c.next_try <= now)
                .order_by(live_alerts.c.created_at)
            )
            .mappings()
            .all()
        )
    sent = failed = 0
    with httpx.Client(timeout=timeout) as client:
        for d in due:
            secret = secrets.get(d["url"])
            if secret is None:
                continue  # the webhook left the config: leave the delivery alone
            body = d["payload"].encode("utf-8")
            headers = {
                "Content-Type": "application/json",
                SIGNATURE_HEADER: sign(secret, body),
                "X-Sitrep-Alert": d["alert_id"],
            }
            error = None
            try:
                resp = client.post(d["url"], content=body, headers=headers)
                if resp.status_code >= 300:
                    error = f"HTTP {resp.status_code}"
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            attempts = d["attempts"] + 1
            key = (live_deliveries.c.alert_id == d["alert_id"]) & (
                live_deliveries.c.url == d["url"]
            )
            if error is None:
                values: dict[str, Any] = {"status": "sent", "attempts": attempts, "sent_at": now}
                sent += 1
            else:
                failed += 1
                values = {
                    "status": "failed" if attempts >= MAX_DELIVERY_ATTEMPTS else "pending",
                    "attempts": attempts,
                    "next_try": now + FIRST_RETRY * 2 ** (attempts - 1),
                    "last_error": error,
                }
                log.warning(
                    "webhook failed",
                    extra={"fields": {"url": d["url"], "alert": d["alert_id"], "error": error}},
                )
            with store.engine.begin() as conn:
                conn.execute(update(live_deliveries).where(key).values(**values))
    return sent, failed


def list_alerts(
    store: Store, *, after: float | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Stored alerts, oldest first (those created after ``after`` when given)."""
    q = select(live_alerts.c.payload, live_alerts.c.created_at).order_by(
        live_alerts.c.created_at, live_alerts.c.id
    )
    if after is not None:
        q = q.where(live_alerts.c.created_at > after)
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    out = [json.loads(r[0]) for r in rows]
    return out[-limit:] if after is None else out
