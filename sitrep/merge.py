"""Merging mentions into events: one event, many reports.

Mentions are grouped into *blocks* that can never merge with each other
(different country, sub-event type, or status class: reports of what happened,
expectations, background facts). Within a block, mentions are sorted by how
specific they are (a city before its province before its country; an explicit
date before an inferred one) and each joins the first event whose *anchor*
(its most specific mention) is compatible:

- the same place, or one inside the other (a town in its province);
- dates whose windows overlap (a day, a week, a month, a year by precision;
  an undated report covers the week before its publication), choosing the
  closest event in time when several fit;
- compatible actors (the same actor 1, or one unknown, or one among the
  other's associated actors).

The result depends only on the set of mentions, never on the order they
arrived in, and a new article only rebuilds the blocks it touches.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Connection

from sitrep.core.records import Mention, Status, short_hash

STATUS_CLASS = {
    Status.OCCURRED.value: "report",
    Status.CLAIMED.value: "report",
    Status.DENIED.value: "report",
    Status.EXPECTED.value: "expected",
    Status.BACKGROUND.value: "background",
}
_KIND_RANK = {"city": 0, "admin1": 1, "country": 2}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
SLACK_DAYS = 1


def block_key(mention: Mention) -> str:
    """The block a mention belongs to: country, sub-event type and status class."""
    country = mention.place.place.country if mention.place else "XXX"
    return f"{country}|{mention.sub_event_type}|{STATUS_CLASS[mention.status.value]}"


@dataclass
class _Row:
    """A mention as the merger sees it (a row of the mentions table, with its place)."""

    id: str
    article_id: str
    source: str
    status: str
    actor1: str | None
    actor2: str | None
    assoc: list[str]
    place_id: int | None
    place_kind: str
    place_country: str
    place_admin1: str | None
    matched_text: str | None
    date: dt.date | None
    precision: str | None
    inferred: bool
    fatalities: int | None
    confidence: float
    reference: bool
    event_type: str
    sub_event_type: str
    # who says it independently: a cited outlet by name, else the article's
    # outlet, near-duplicate articles sharing one key
    independence: str = ""

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.reference,
            _KIND_RANK.get(self.place_kind, 3),
            self.date is None,
            bool(self.inferred),
            _PRECISION_RANK.get(self.precision or "year", 3),
            self.date or dt.date.max,
            self.id,
        )

    def window(self) -> tuple[dt.date, dt.date] | None:
        if self.date is None:
            return None
        d = self.date
        if self.inferred:
            return d - timedelta(days=7), d
        if self.precision == "week":
            return d, d + timedelta(days=6)
        if self.precision == "month":
            nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
            return d.replace(day=1), nxt - timedelta(days=1)
        if self.precision == "year":
            return d.replace(month=1, day=1), d.replace(month=12, day=31)
        return d, d


@dataclass
class _Cluster:
    anchor: _Row
    members: list[_Row] = field(default_factory=list)

    def actor1(self) -> str | None:
        return self.anchor.actor1 or next((m.actor1 for m in self.members if m.actor1), None)

    def side(self) -> set[str]:
        out: set[str] = set()
        for m in self.members:
            if m.actor1:
                out.add(m.actor1)
            out.update(m.assoc)
        return out


def _contains(outer: _Row, inner: _Row) -> bool:
    if outer.place_id == inner.place_id:
        return True
    if outer.place_country != inner.place_country:
        return False
    if outer.place_kind == "country":
        return True
    return (
        outer.place_kind == "admin1"
        and inner.place_kind == "city"
        and outer.place_admin1 is not None
        and outer.place_admin1 == inner.place_admin1
    )


def _dates_overlap(a: _Row, b: _Row) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        return True
    # an undated report already covers the week before it: no extra slack
    slack = timedelta(days=0 if a.inferred or b.inferred else SLACK_DAYS)
    return wa[0] - slack <= wb[1] and wb[0] - slack <= wa[1]


def _distance(cluster: _Cluster, row: _Row) -> tuple[int, int]:
    a, r = cluster.anchor.date, row.date
    days = abs((a - r).days) if a and r else 10**6
    return (days, 0 if cluster.anchor.place_id == row.place_id else 1)


def compatible(cluster: _Cluster, row: _Row) -> bool:
    """Can ``row`` be one more report of the cluster's event?"""
    anchor = cluster.anchor
    if not (_contains(anchor, row) or _contains(row, anchor)):
        return False
    if not _dates_overlap(anchor, row):
        return False
    # a known actor 1 must be on the event's side: otherwise it is another actor's deed
    side = cluster.side()
    return not (row.actor1 and side and row.actor1 not in side and not side & set(row.assoc))


def cluster_rows(rows: list[_Row]) -> list[_Cluster]:
    """Group a block's mentions into events (deterministic, order-independent)."""
    clusters: list[_Cluster] = []
    for row in sorted(rows, key=_Row.sort_key):
        fits = [c for c in clusters if compatible(c, row)]
        if fits:
            # the closest in time (then the same place) when several could take it;
            # ties go to the earlier cluster, so the result stays deterministic
            min(fits, key=lambda c: _distance(c, row)).members.append(row)
        else:
            clusters.append(_Cluster(anchor=row, members=[row]))
    return clusters


def _most_common(values: list[str | None], prefer: str | None) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    best = max(counts.values())
    if prefer and counts.get(prefer) == best:
        return prefer
    return sorted(v for v, n in counts.items() if n == best)[0]


def _event_row(block: str, c: _Cluster) -> dict[str, Any]:
    members = c.members
    real = [m for m in members if not m.reference] or members
    actor1 = _most_common([m.actor1 for m in real], c.anchor.actor1)
    actor2 = _most_common([m.actor2 for m in real if m.actor2 != actor1], c.anchor.actor2)
    side = {a for m in real for a in m.assoc} | {m.actor1 for m in real if m.actor1}
    assoc = sorted(a for a in side if a not in (actor1, actor2))
    dated = [m for m in real if m.date is not None and not m.inferred]
    best = min(dated, key=_Row.sort_key) if dated else c.anchor
    statuses = {m.status for m in real}
    if "occurred" in statuses:
        status = "occurred"
    elif statuses == {"denied"}:
        status = "denied"
    elif "claimed" in statuses:
        status = "claimed"
    else:
        status = sorted(statuses)[0]
    sources = sorted({m.source for m in members})
    miss = 1.0
    for source in sources:
        miss *= 1.0 - max(m.confidence for m in members if m.source == source)
    fatalities = [m.fatalities for m in real if m.fatalities is not None]
    return {
        "id": short_hash(block, c.anchor.id),
        "block": block,
        "event_type": c.anchor.event_type,
        "sub_event_type": c.anchor.sub_event_type,
        "status": status,
        "actor1": actor1,
        "actor2": actor2,
        "assoc_actors": json.dumps(assoc),
        "place_id": c.anchor.place_id,
        "matched_text": c.anchor.matched_text,
        "date": best.date,
        "date_precision": best.precision,
        # ACLED's rule: the most conservative figure reported
        "fatalities": min(fatalities) if fatalities else None,
        "confidence": round(1.0 - miss, 3),
        "sources": json.dumps(sources),
        "n_sources": len(sources),
        "n_independent": len({m.independence or m.source for m in members}),
        "denied_by": json.dumps(sorted({m.source for m in real if m.status == "denied"})),
        "n_mentions": len(members),
    }


def load_block(conn: Connection, block: str) -> list[_Row]:
    """Every mention of a block with its place and its article's duplicate cluster."""
    from sitrep.store import articles, mentions, places

    q = (
        select(
            mentions,
            places.c.kind,
            places.c.country,
            places.c.admin1,
            articles.c.outlet,
            articles.c.dup_of,
        )
        .join(places, places.c.id == mentions.c.place_id, isouter=True)
        .join(articles, articles.c.id == mentions.c.article_id)
        .where(mentions.c.block == block)
    )
    raw = list(conn.execute(q).mappings())
    # the outlets of each near-duplicate cluster: the cluster counts once, under
    # its alphabetically first outlet, whichever article arrived first
    roots = {r["dup_of"] or r["article_id"] for r in raw}
    cluster_outlets: dict[str, set[str]] = {root: set() for root in roots}
    if roots:
        for a in conn.execute(
            select(articles.c.id, articles.c.dup_of, articles.c.outlet).where(
                or_(articles.c.id.in_(list(roots)), articles.c.dup_of.in_(list(roots)))
            )
        ):
            cluster_outlets.setdefault(a[1] or a[0], set()).add(a[2] or "")
    rows = []
    for r in raw:
        root = r["dup_of"] or r["article_id"]
        cited = r["source"] != (r["outlet"] or "unknown")
        independence = r["source"] if cited else min(cluster_outlets.get(root) or {r["source"]})
        rows.append(
            _Row(
                id=r["id"],
                article_id=r["article_id"],
                source=r["source"],
                status=r["status"],
                actor1=r["actor1"],
                actor2=r["actor2"],
                assoc=json.loads(r["assoc_actors"]),
                place_id=r["place_id"],
                place_kind=r["kind"] or "country",
                place_country=r["country"] or "XXX",
                place_admin1=r["admin1"],
                matched_text=r["matched_text"],
                date=r["date"],
                precision=r["date_precision"],
                inferred=bool(r["date_inferred"]),
                fatalities=r["fatalities"],
                confidence=r["confidence"],
                reference=bool(r["reference"]),
                event_type=r["event_type"],
                sub_event_type=r["sub_event_type"],
                independence=independence,
            )
        )
    return rows


def rebuild_block(conn: Connection, block: str) -> int:
    """Replace the events of one block by a fresh clustering; returns how many."""
    from sitrep.store import events, mentions

    clusters = cluster_rows(load_block(conn, block))
    conn.execute(delete(events).where(events.c.block == block))
    rows = [_event_row(block, c) for c in clusters]
    if rows:
        conn.execute(events.insert(), rows)
    for c, row in zip(clusters, rows, strict=True):
        conn.execute(
            update(mentions)
            .where(mentions.c.id.in_([m.id for m in c.members]))
            .values(event_id=row["id"])
        )
    return len(rows)
