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
The store loads the rows (``sitrep.store.load_blocks``) and saves the events
(``sitrep.store.replace_blocks``); the pipeline runs the three in one
transaction (``sitrep.pipeline.merge_pending``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sitrep.core.records import Mention, Status, short_hash

STATUS_CLASS = {
    Status.OCCURRED.value: "report",
    Status.CLAIMED.value: "report",
    Status.DENIED.value: "report",
    Status.EXPECTED.value: "expected",
    Status.BACKGROUND.value: "background",
    # a dated recollection and an undated one of the same past change are one event
    Status.RECALLED.value: "background",
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


def _finer_day(best: MentionRow, real: list[MentionRow]) -> MentionRow:
    """The mention whose date the event takes: ``best`` (the most specific explicit
    date), unless that is only a month or a year and a report of the same event dated
    by its own day falls inside it. "Government forces liberated Saraqib in February"
    (read in March) and "regime forces entered Saraqib" (published February 5, dated by
    that day) are one event of February 5, not of February 1 (the month's first day
    that stands for the whole month)."""
    if best.date is None or best.precision not in ("month", "year"):
        return best
    window = best.window()
    days = [
        m
        for m in real
        if m.inferred
        and m.date is not None
        and (m.precision or "day") == "day"
        and window is not None
        and window[0] <= m.date <= window[1]
    ]
    return min(days, key=lambda m: (m.date, m.id)) if days else best


def _event(block: str, c: _Cluster) -> MergedEvent:
    members = c.members
    real = [m for m in members if not m.reference] or members
    actor1 = _most_common([m.actor1 for m in real], c.anchor.actor1)
    actor2 = _most_common([m.actor2 for m in real if m.actor2 != actor1], c.anchor.actor2)
    side = {a for m in real for a in m.assoc} | {m.actor1 for m in real if m.actor1}
    assoc = sorted(a for a in side if a not in (actor1, actor2))
    dated = [m for m in real if m.date is not None and not m.inferred]
    best = min(dated, key=MentionRow.sort_key) if dated else c.anchor
    best = _finer_day(best, real)
    statuses = {m.status for m in real}
    if "occurred" in statuses:
        status = "occurred"
    elif statuses == {"denied"}:
        status = "denied"
    elif "claimed" in statuses:
        status = "claimed"
    elif "recalled" in statuses:
        status = "recalled"  # one telling dates the past change itself
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


# -- stable public ids ---------------------------------------------------------
#
# An event's first id is its content id (the block and its anchor mention), so a
# fresh ingest gives the same ids whatever the order or the number of workers.
# Once an ingest has finished, its ids are *published*: a later rebuild of the
# block hands each published id on to the new event that holds most of its
# mentions, so links, comments and saved references keep working after more
# reports arrive. Ids that lose out (two events merged into one) redirect.


@dataclass(frozen=True)
class PriorEvent:
    """A published event of a block as the id assignment sees it: its id and mentions."""

    id: str
    mention_ids: frozenset[str]


def _overlaps(
    new: tuple[MergedEvent, ...], prior: Iterable[PriorEvent]
) -> list[tuple[int, str, str, int]]:
    """Every (overlap, prior id, new content id, new index) with a shared mention."""
    owner = {m: i for i, e in enumerate(new) for m in e.mention_ids}
    pairs: list[tuple[int, str, str, int]] = []
    for p in prior:
        counts = Counter(owner[m] for m in p.mention_ids if m in owner)
        pairs.extend((n, p.id, new[i].id, i) for i, n in counts.items())
    return pairs


def redirects(prior: Iterable[PriorEvent], events: Sequence[MergedEvent]) -> dict[str, str]:
    """Where each prior id no longer among ``events`` now points: the event holding most
    of its mentions (ties to the smallest id); ids whose mentions are all gone are left out."""
    live = {e.id for e in events}
    best: dict[str, tuple[int, str]] = {}
    for n, pid, _content, i in _overlaps(tuple(events), prior):
        if pid in live:
            continue
        cand = (-n, events[i].id)
        if pid not in best or cand < best[pid]:
            best[pid] = cand
    return {pid: target for pid, (_n, target) in best.items()}


def assign_ids(
    merged: Iterable[MergedEvent], prior: Iterable[PriorEvent]
) -> tuple[tuple[MergedEvent, ...], dict[str, str]]:
    """Give a block's freshly merged events their public ids (pure, deterministic).

    Each prior (published) id goes to the new event sharing most of its mentions,
    greedily by overlap (ties: the smaller prior id, then the smaller content id),
    one id per event: a split event keeps its id on its larger part, and of two
    events merged into one the survivor is the one contributing most mentions. An
    event inheriting nothing keeps its content id (minted afresh if a prior event
    used it). Returns the events with their ids and the redirects (retired prior
    id -> the id of the event that now holds most of its mentions).
    """
    new = tuple(merged)
    prior = tuple(prior)
    ids: list[str | None] = [None] * len(new)
    taken: set[str] = set()
    for _n, pid, _content, i in sorted(
        _overlaps(new, prior), key=lambda t: (-t[0], t[1], t[2], t[3])
    ):
        if ids[i] is None and pid not in taken:
            ids[i] = pid
            taken.add(pid)
    used = taken | {p.id for p in prior}
    for i in sorted(range(len(new)), key=lambda k: new[k].id):
        if ids[i] is not None:
            continue
        candidate, k = new[i].id, 0
        while candidate in used:
            # the content id is a prior event's: mint a new one from it, deterministically
            k += 1
            candidate = short_hash(new[i].id, str(k))
        ids[i] = candidate
        used.add(candidate)
    out = tuple(e if e.id == ids[i] else replace(e, id=str(ids[i])) for i, e in enumerate(new))
    return out, redirects(prior, out)
