"""Who holds which place, since when: control timelines from control-change events.

A timeline is built per place from:

- *changes*: reported events of the territory sub-types (government regains
  territory, non-state actor overtakes territory, non-violent transfer of
  territory) with status occurred or claimed; the new controller is the
  controller of actor 1 (``actors.controller``: the army's is "Government of
  Syria"), the previous one that of actor 2 when the report names it;
- *facts*: background events ("ISIS had held it since 2014") and recalled
  takeovers ("the town, which ISIS seized in 2014"), which say who held the
  place from a date (or from an unknown date) onwards.

Changes are read in date order. A change to the controller already in place
confirms the current span (its evidence joins it); a change to another
controller closes the current span and opens a new one. A change that names only
the side leaving ("government troops withdrew from Bara") closes that side's
span when it holds the place, and opens none: who holds it next is left unknown
until a report names them. Before the first
change, the previous controller named by that change (or by a background
fact) holds the place from the fact's date, or from an unknown start.

A dated fact after the first change is a *recall* ("the SDF, which retook the
town in March"): it changes the holder only when no dated report of a change
falls in its window, and only when a report gives it a date of its own (a fact
dated by its report's day alone, "the militants who took the town", recalls a
change of some earlier, unknown time: it moves no timeline). A report in the
window wins: one of the same controller takes the recall's sources as more
evidence, one of another keeps the recall as a note. Otherwise the recall
opens a span at its own date and precision, marked in its notes as known from
recall and with half its confidence, until a later report says more. An undated
fact never follows a holder already placed either. Two changes to different
controllers whose date windows overlap, or a change that
some source denies, make the span *disputed*: both are kept, with their
sources, and the span's confidence drops.

The stage is pure: :func:`build_timeline` takes a place and its changes
(frozen records) and returns its spans (frozen :class:`ControlSpan` records);
nothing here touches a database. Timelines are stored (``control_spans``): a
merge that changes a place's control events rebuilds that place's timeline in
the same transaction (``sitrep.pipeline.merge_pending``), so :func:`as_of` is
one indexed read. A database from an older sitrep opened read-only falls back
to building them, once per data version, in the store's :class:`TimelineCache`.

The functions at the bottom (:func:`timeline`, :func:`as_of`,
:func:`all_timelines`) read through any object with the store's loading
methods (:class:`ControlReader`; :class:`sitrep.store.Store` is one).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Protocol

from sitrep.core.records import StoredPlace
from sitrep.read.typology import TERRITORY_SUB_TYPES

_PRECISION_DAYS = {"day": 0, "week": 6, "month": 30, "year": 364}


# A place as timelines show it: the store's place record (one definition of a place).
PlaceRef = StoredPlace


@dataclass(frozen=True)
class Change:
    """One control-relevant event at a place."""

    event_id: str
    kind: str  # "change" | "fact"
    controller: str | None
    previous: str | None
    date: date | None
    precision: str | None
    status: str
    sources: tuple[str, ...]
    confidence: float
    denied_by: tuple[str, ...] = ()
    # whether some report gives the event a date of its own; a fact told undated has
    # only its report's date ("before they took the town", read on the day of the
    # report), which says nothing of when the change was
    own_date: bool = True


@dataclass(frozen=True)
class ControlSpan:
    """A place held by one controller over ``[start, end)`` (``end`` None: still held)."""

    place: PlaceRef
    controller: str
    start: date | None
    end: date | None = None
    start_precision: str | None = None
    sources: frozenset[str] = frozenset()
    events: tuple[str, ...] = ()
    confidence: float = 0.5
    disputed: bool = False
    notes: tuple[str, ...] = ()
    status: str = "occurred"  # of the report that opened the span

    def holds_on(self, day: date) -> bool:
        """True when this span covers ``day`` (an unknown start covers the past)."""
        starts = self.start is None or self.start <= day
        return starts and (self.end is None or day < self.end)

    def as_dict(self) -> dict[str, Any]:
        """The span as the JSON contract shows it (``control --json``, ``/api/places``)."""
        return {
            "controller": self.controller,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "start_precision": self.start_precision,
            "sources": sorted(self.sources),
            "events": list(self.events),
            "confidence": round(self.confidence, 3),
            "disputed": self.disputed,
            "notes": list(self.notes),
        }


# A place's timeline, and every place's: immutable, so a cache may hand them out.
Timeline = tuple[ControlSpan, ...]
Timelines = tuple[tuple[PlaceRef, Timeline], ...]


@dataclass
class _Draft:
    """A span while :func:`build_timeline` assembles it (mutable; frozen on the way out)."""

    place: PlaceRef
    controller: str
    start: date | None
    end: date | None = None
    start_precision: str | None = None
    sources: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    confidence: float = 0.5
    disputed: bool = False
    notes: list[str] = field(default_factory=list)
    status: str = "occurred"

    def freeze(self) -> ControlSpan:
        return ControlSpan(
            place=self.place,
            controller=self.controller,
            start=self.start,
            end=self.end,
            start_precision=self.start_precision,
            sources=frozenset(self.sources),
            events=tuple(self.events),
            confidence=self.confidence,
            disputed=self.disputed,
            notes=tuple(self.notes),
            status=self.status,
        )


def controller_for(sub_type: str, controller: str | None, country: str) -> str | None:
    """Who holds the place after the event; None when no report names the actor.

    An unknown actor is not guessed: "the town was retaken" says that control
    changed, not to whom, and a wrong guess would be worse on a map than a gap.
    """
    return controller or None


def feeds_control(block: str) -> bool:
    """Whether the events of a merge block can change control timelines (territory sub-types)."""
    parts = block.split("|")
    return len(parts) >= 2 and parts[1] in TERRITORY_SUB_TYPES


def _window_end(c: Change) -> date | None:
    if c.date is None:
        return None
    return c.date + timedelta(days=_PRECISION_DAYS.get(c.precision or "day", 0))


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _stronger(c: Change, span: _Draft, status_rank: dict[str, int]) -> bool:
    """Does report ``c`` outweigh the span it contradicts?

    What a source reports as fact beats a party's claim; then a day beats a
    month; then more sources beat fewer.
    """
    return (
        status_rank.get(c.status, 3),
        _PRECISION_RANK.get(c.precision or "year", 3),
        -len(c.sources),
    ) < (
        status_rank.get(span.status, 3),
        _PRECISION_RANK.get(span.start_precision or "year", 3),
        -len(span.sources),
    )


def _windows_meet(a: Change, b: Change) -> bool:
    """Whether two dated changes' date windows (by precision) share a day."""
    a_end, b_end = _window_end(a), _window_end(b)
    if a.date is None or b.date is None or a_end is None or b_end is None:
        return False
    return a.date <= b_end and b.date <= a_end


def _recall_note(c: Change) -> str:
    return (
        f"{c.controller} recalled as holding it from {c.date} ({', '.join(c.sources)}); "
        "a dated report of that time says otherwise"
    )


def build_timeline(place: PlaceRef, changes: Iterable[Change]) -> Timeline:
    """The ordered control spans of one place (see the module docstring); pure."""
    changes = list(changes)
    items = [c for c in changes if c.controller]
    # a side told leaving with no one named taking over ("government troops withdrew
    # from Bara"): its span ends there, and no holder is guessed after it
    leaves = [
        c
        for c in changes
        if not c.controller
        and c.previous
        and c.kind == "change"
        and c.status != "denied"
        and c.date is not None
    ]
    facts = sorted(
        (c for c in items if c.kind == "fact"),
        key=lambda c: (c.date is not None, c.date or date.min, c.event_id),
    )
    # on one day, what a source reports as fact goes before what a party claims,
    # and both before what a later report recalls
    status_rank = {"occurred": 0, "claimed": 1, "denied": 2}
    reported = sorted(
        (c for c in items if c.kind == "change"),
        key=lambda c: (c.date or date.max, status_rank.get(c.status, 3), c.event_id),
    )
    denied = [c for c in reported if c.status == "denied"]
    moves = [c for c in reported if c.status != "denied"]
    # recalls: dated facts after the first reported change (see the module docstring)
    first_date = moves[0].date if moves else None
    recalls = [f for f in facts if first_date and f.date and f.date > first_date]
    facts = [f for f in facts if f not in recalls]
    joins: dict[str, list[Change]] = {}  # a report's event id -> recalls of it
    overruled: dict[str, list[Change]] = {}  # a report's event id -> recalls it overrules
    for f in recalls:
        told = [m for m in moves if _windows_meet(f, m)]
        same = [m for m in told if m.controller == f.controller]
        if same:
            joins.setdefault(same[0].event_id, []).append(f)
        elif told:
            overruled.setdefault(told[0].event_id, []).append(f)
        elif f.own_date:
            moves.append(f)
        # (an undated recollection, "the militants who took the town", opens no span
        # at its report's date: the change it recalls happened at some earlier time)
    moves += leaves
    moves.sort(key=lambda c: (c.date or date.max, status_rank.get(c.status, 3), c.event_id))
    spans: list[_Draft] = []

    def open_span(
        controller: str, c: Change | None, start: date | None, precision: str | None
    ) -> _Draft:
        span = _Draft(place, controller, start, start_precision=precision)
        if c is not None:
            span.status = c.status
            span.sources.update(c.sources)
            span.events.append(c.event_id)
            span.confidence = c.confidence
            if c.denied_by and c.kind == "change":
                # some reports of this very change deny it
                span.disputed = True
                span.confidence *= 0.5
                span.notes.append(f"denied by {', '.join(c.denied_by)}")
        spans.append(span)
        return span

    # before the first change: who held it, from background facts or the loser named
    first_move = moves[0] if moves else None
    if first_move is not None and not first_move.controller:
        # a departure first: the side leaving held the place before it
        first_move = replace(first_move, controller=first_move.previous)
    for f in facts:
        if first_move and f.date is None and f.controller == first_move.controller:
            continue  # an undated "held by X" beside X's takeover says nothing of before
        if spans and spans[-1].controller == f.controller:
            span = spans[-1]
            if f.date and (span.start is None or f.date < span.start):
                span.start, span.start_precision = f.date, f.precision
            span.sources.update(f.sources)
            span.events.append(f.event_id)
        elif spans and f.date is None:
            # two undated "held by" facts cannot be put in order: keep the first
            # and say that another holder was reported
            spans[-1].disputed = True
            spans[-1].notes.append(
                f"also reported held by {f.controller} ({', '.join(f.sources)}), undated"
            )
        elif spans and not f.own_date:
            # "before they took the town", read on a later day: a change of some
            # earlier, unknown time, which cannot follow the holder already placed
            continue
        else:
            if spans:
                spans[-1].end = f.date
            open_span(f.controller or "", f, f.date, f.precision if f.date else None)
    if first_move and first_move.previous and not spans:
        span = open_span(first_move.previous, None, None, None)
        span.sources.update(first_move.sources)
        span.notes.append(f"held before {first_move.date}, according to the report of its loss")

    for c in moves:
        current = spans[-1] if spans else None
        if not c.controller:
            if (
                current is not None
                and current.end is None
                and current.controller == c.previous
                and c.date is not None
                and (current.start is None or current.start < c.date)
            ):
                # the holder left and no report names who took over: its span ends,
                # the place's holder is unknown until a report says more
                current.end = c.date
                current.notes.append(
                    f"left by {c.previous} on {c.date}, no new holder reported "
                    f"({', '.join(c.sources)})"
                )
            continue
        if current is not None and current.end is not None:
            # after a departure with no one named taking over, any report opens a span
            open_span(c.controller or "", c, c.date, c.precision)
            continue
        if current is not None and current.controller == c.controller:
            current.sources.update(c.sources)
            current.events.append(c.event_id)
            if c.kind == "change":
                current.confidence = max(current.confidence, c.confidence)
            continue
        if current is not None and current.start is not None and c.date is not None:
            # two different controllers in overlapping windows: the reports disagree
            current_end = current.start + timedelta(
                days=_PRECISION_DAYS.get(current.start_precision or "day", 0)
            )
            if c.date <= current_end:
                current.disputed = True
                if _stronger(c, current, status_rank):
                    # a more precise (or better supported) report replaces the span's
                    # holder; the weaker account stays as a note
                    current.notes.append(
                        f"{current.controller} also reported holding it from "
                        f"{current.start} ({', '.join(sorted(current.sources))})"
                    )
                    current.controller = c.controller or ""
                    current.start, current.start_precision = c.date, c.precision
                    current.sources = set(c.sources)
                    current.events = [c.event_id]
                    current.status = c.status
                else:
                    current.notes.append(
                        f"{c.controller} also reported holding it from {c.date} "
                        f"({', '.join(c.sources)})"
                    )
                current.confidence *= 0.5
                continue
        if current is not None:
            current.end = c.date
        span = open_span(c.controller or "", c, c.date, c.precision)
        if c.kind == "fact":
            # told only in passing by later pieces: less sure than a dated report
            span.confidence *= 0.5
            span.notes.append(f"known from recall: no dated report of the change ({c.date})")

    # the recalls a dated report outweighs: more evidence for its span, or a note on it
    for span in spans:
        for event_id in list(span.events):
            span.notes += [_recall_note(f) for f in overruled.get(event_id, [])]
            for f in joins.get(event_id, []):
                span.sources.update(f.sources)
                span.events.append(f.event_id)

    for d in denied:
        for span in spans:
            if (
                span.controller == d.controller
                and d.date
                and span.start
                and (abs((span.start - d.date).days) <= 7)
            ):
                span.disputed = True
                span.confidence *= 0.5
                span.notes.append(f"denied by {', '.join(d.sources)}")
    return tuple(span.freeze() for span in spans)


def build_timelines(
    refs: Mapping[int, PlaceRef], grouped: Mapping[int, Sequence[Change]]
) -> dict[int, Timeline]:
    """The timeline of every place in ``grouped``, by place id (pure)."""
    return {pid: build_timeline(refs[pid], grouped[pid]) for pid in sorted(grouped)}


def held_item(place: dict[str, Any], span: dict[str, Any]) -> dict[str, Any]:
    """One item of an ``as_of`` answer: a place, its holder on the day, and how sure."""
    return {
        "place": place,
        "controller": span["controller"],
        "since": span["start"],
        "since_precision": span["start_precision"],
        "disputed": span["disputed"],
        "confidence": span["confidence"],
        "sources": span["sources"],
    }


def held_on(
    timelines: Iterable[tuple[PlaceRef, Sequence[ControlSpan]]],
    day: date,
    *,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[dict[str, Any]]:
    """Who held what on ``day``, from built timelines (as :func:`as_of` answers; pure)."""
    out = []
    for ref, spans in timelines:
        if country and ref.country != country.upper():
            continue
        if bbox and not (bbox[0] <= ref.lon <= bbox[2] and bbox[1] <= ref.lat <= bbox[3]):
            continue
        for span in spans:
            if span.holds_on(day):
                out.append(held_item(ref.to_dict(), span.as_dict()))
    return out


class TimelineCache:
    """Every place's timeline, kept while the data it was built from is unchanged.

    Owned by whoever reads timelines over time (a :class:`sitrep.store.Store`
    instance holds one), so it lives and dies with it. Bounded: it keeps the
    timelines of at most ``size`` data versions, the most recently used. It
    hands out immutable data (tuples of frozen spans), so callers share it safely.
    """

    def __init__(self, size: int = 2) -> None:
        if size < 1:
            raise ValueError("a TimelineCache holds at least one version")
        self.size = size
        self._entries: OrderedDict[Hashable, Timelines] = OrderedDict()
        # the web app reads from several threads: the dict is not changed by two at once
        self._lock = threading.Lock()

    def get(self, version: Hashable, build: Callable[[], Timelines]) -> Timelines:
        """The timelines of data ``version``, built by ``build()`` when not held."""
        with self._lock:
            found = self._entries.get(version)
            if found is not None:
                self._entries.move_to_end(version)
                return found
        built = build()  # outside the lock: a slow build does not block readers of others
        with self._lock:
            self._entries[version] = built
            self._entries.move_to_end(version)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return built

    def __len__(self) -> int:
        return len(self._entries)


# -- reading through a store -------------------------------------------------------


class ControlReader(Protocol):
    """What the reading functions below need of a store (:class:`sitrep.store.Store` has it)."""

    timeline_cache: TimelineCache

    def load_changes(
        self, place_ids: Sequence[int] | None = None
    ) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
        """Control-relevant events grouped by place (all places when None)."""
        ...

    def data_version(self) -> tuple[Any, ...]:
        """A value that changes whenever the store gains articles or events."""
        ...

    def stored_as_of(
        self,
        day: date,
        country: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[dict[str, Any]] | None:
        """``as_of`` read from the stored timelines; None when they are not stored."""
        ...


def load_changes(
    store: ControlReader, place_ids: Sequence[int] | None = None
) -> tuple[dict[int, PlaceRef], dict[int, list[Change]]]:
    """Control-relevant events grouped by place (all places when ``place_ids`` is None)."""
    return store.load_changes(place_ids)


def timeline(store: ControlReader, place_ids: Sequence[int]) -> list[ControlSpan]:
    """The control timeline of the given place ids (spans of all of them, ordered)."""
    refs, grouped = store.load_changes(place_ids)
    out: list[ControlSpan] = []
    for pid in sorted(grouped):
        out.extend(build_timeline(refs[pid], grouped[pid]))
    out.sort(key=lambda s: (s.start or date.min, s.place.id))
    return out


def all_timelines(store: ControlReader) -> Timelines:
    """Every place's timeline, by place name, cached until the store gains articles or events."""

    def build() -> Timelines:
        refs, grouped = store.load_changes()
        return tuple(
            (refs[pid], build_timeline(refs[pid], grouped[pid]))
            for pid in sorted(grouped, key=lambda p: (refs[p].name, p))
        )

    return store.timeline_cache.get(store.data_version(), build)


def as_of(
    store: ControlReader,
    day: date,
    *,
    country: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
) -> list[dict[str, Any]]:
    """Who held what on ``day``: ``{place, controller, since, ...}`` per place."""
    stored = store.stored_as_of(day, country, bbox)
    if stored is not None:
        return stored
    # a database from an older sitrep, opened read-only: build the timelines here
    return held_on(all_timelines(store), day, country=country, bbox=bbox)
