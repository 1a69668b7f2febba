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

This stage is pure: :func:`merge_block` takes a block's mentions as frozen
:class:`MentionRow` records and returns frozen :class:`MergedEvent` records.
The store loads the rows (``sitrep.store.load_block``) and saves the events
(``sitrep.store.replace_block``); the pipeline runs the three in one
transaction (``sitrep.pipeline.merge_pending``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

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


@dataclass(frozen=True)
class MentionRow:
    """A mention as the merger sees it (a row of the mentions table, with its place)."""

    id: str
    article_id: str
    source: str
    status: str
    actor1: str | None
    actor2: str | None
    assoc: tuple[str, ...]
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
        """Most specific first: a real report, a smaller place, an explicit and precise date."""
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
        """The days the report may mean, by its date's precision (None: undated)."""
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
    """An event being assembled (working state of :func:`cluster_rows`, never handed out)."""

    anchor: MentionRow
    members: list[MentionRow] = field(default_factory=list)

    def actor1(self) -> str | None:
        return self.anchor.actor1 or next((m.actor1 for m in self.members if m.actor1), None)

    def side(self) -> set[str]:
        out: set[str] = set()
        for m in self.members:
            if m.actor1:
                out.add(m.actor1)
            out.update(m.assoc)
        return out


def _contains(outer: MentionRow, inner: MentionRow) -> bool:
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


def _dates_overlap(a: MentionRow, b: MentionRow) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        return True
    # an undated report already covers the week before it: no extra slack
    slack = timedelta(days=0 if a.inferred or b.inferred else SLACK_DAYS)
    return wa[0] - slack <= wb[1] and wb[0] - slack <= wa[1]


def _distance(cluster: _Cluster, row: MentionRow) -> tuple[int, int]:
    a, r = cluster.anchor.date, row.date
    days = abs((a - r).days) if a and r else 10**6
    return (days, 0 if cluster.anchor.place_id == row.place_id else 1)


def compatible(cluster: _Cluster, row: MentionRow) -> bool:
    """Can ``row`` be one more report of the cluster's event?"""
    anchor = cluster.anchor
    if not (_contains(anchor, row) or _contains(row, anchor)):
        return False
    if not _dates_overlap(anchor, row):
        return False
    # a known actor 1 must be on the event's side: otherwise it is another actor's deed
    side = cluster.side()
    return not (row.actor1 and side and row.actor1 not in side and not side & set(row.assoc))


def cluster_rows(rows: list[MentionRow]) -> list[_Cluster]:
    """Group a block's mentions into events (deterministic, order-independent)."""
    clusters: list[_Cluster] = []
    for row in sorted(rows, key=MentionRow.sort_key):
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


@dataclass(frozen=True)
class MergedEvent:
    """One event merged from a block's mentions: a row of the events table.

    ``mention_ids`` are the mentions it was merged from (their ``event_id``).
    """

    id: str
    block: str
    event_type: str
    sub_event_type: str
    status: str
    actor1: str | None
    actor2: str | None
    assoc_actors: tuple[str, ...]
    place_id: int | None
    matched_text: str | None
    date: dt.date | None
    date_precision: str | None
    fatalities: int | None
    confidence: float
    sources: tuple[str, ...]
    n_sources: int
    n_independent: int
    denied_by: tuple[str, ...]
    n_mentions: int
    mention_ids: tuple[str, ...]


def _event(block: str, c: _Cluster) -> MergedEvent:
    members = c.members
    real = [m for m in members if not m.reference] or members
    actor1 = _most_common([m.actor1 for m in real], c.anchor.actor1)
    actor2 = _most_common([m.actor2 for m in real if m.actor2 != actor1], c.anchor.actor2)
    side = {a for m in real for a in m.assoc} | {m.actor1 for m in real if m.actor1}
    assoc = sorted(a for a in side if a not in (actor1, actor2))
    dated = [m for m in real if m.date is not None and not m.inferred]
    best = min(dated, key=MentionRow.sort_key) if dated else c.anchor
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
    return MergedEvent(
        id=short_hash(block, c.anchor.id),
        block=block,
        event_type=c.anchor.event_type,
        sub_event_type=c.anchor.sub_event_type,
        status=status,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(assoc),
        place_id=c.anchor.place_id,
        matched_text=c.anchor.matched_text,
        date=best.date,
        date_precision=best.precision,
        # ACLED's rule: the most conservative figure reported
        fatalities=min(fatalities) if fatalities else None,
        confidence=round(1.0 - miss, 3),
        sources=tuple(sources),
        n_sources=len(sources),
        n_independent=len({m.independence or m.source for m in members}),
        denied_by=tuple(sorted({m.source for m in real if m.status == "denied"})),
        n_mentions=len(members),
        mention_ids=tuple(m.id for m in members),
    )


def merge_block(block: str, rows: Iterable[MentionRow]) -> tuple[MergedEvent, ...]:
    """The events of one block, from all of its mentions (pure; order-independent)."""
    return tuple(_event(block, c) for c in cluster_rows(list(rows)))
