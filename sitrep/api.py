"""sitrep's public API: one object that the command line, the web app and scripts share.

::

    from sitrep import Sitrep

    with Sitrep(db="sitrep.db") as s:
        s.ingest(["reports/"])
        for event in s.events(place="Deir ez-Zor", since=date(2017, 11, 1)):
            print(event.date, event.sub_event_type, event.sources)
        print(s.control("Albu Kamal"))          # the place's control timeline
        print(s.roundup("Albu Kamal"))          # what each outlet said, side by side

A :class:`Sitrep` owns what has a lifetime: the store (opened on first use),
and the gazetteer and actor catalogue (loaded on first use, once per instance).
Events come back as frozen :class:`~sitrep.core.records.Event` records;
``Event.to_dict()`` is the JSON item of ``sitrep events --json`` and
``/api/events``. Place names go through one resolver
(:mod:`sitrep.views.places`), so a name means the same place to every method.

Importing this module is cheap: the reader (spaCy), the gazetteer and the web
stack load only when a method needs them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sitrep.core.config import Config, load_config
from sitrep.core.errors import LookupFailed
from sitrep.core.records import Event, StoredPlace
from sitrep.views.queries import ALL_STATUSES, EventFilter, EventJSON

if TYPE_CHECKING:
    from sitrep.control import ControlSpan
    from sitrep.moderation import Decision, Policy
    from sitrep.moderation.comments import AuditRecord, CommentRecord, Target, User
    from sitrep.pipeline import IngestSummary
    from sitrep.store import Store

__all__ = ["Comments", "EventFilter", "Sitrep"]


def _no_place_message(name: str, near: Sequence[str] = ()) -> str:
    message = f"no place called {name!r} in the gazetteer"
    if near:
        message += "; places with events spelt like it: " + ", ".join(near)
    return message + "; try another spelling, a GeoNames id, or `sitrep gazetteer lookup NAME`"


# How alike (difflib's ratio, 0 to 1) a stored place's name must be to a name that
# found nothing to be offered instead: "Raqa" ~ "Raqqa" 0.89, "Albu Kamel" ~ "Albu Kamal"
# 0.9; "Atlantis" ~ "Ar Raqqah" 0.35 is not offered.
_NEAR_PLACE = 0.7


def _likeness(a: str, b: str) -> float:
    """difflib's ratio of two names, 0 when its cheap upper bounds are below
    :data:`_NEAR_PLACE` already (most names of a large store)."""
    import difflib

    m = difflib.SequenceMatcher(None, a, b)
    if m.real_quick_ratio() < _NEAR_PLACE or m.quick_ratio() < _NEAR_PLACE:
        return 0.0
    return m.ratio()


class Sitrep:
    """sitrep over one database: ingest reports, then read events, control and roundups.

    ``config`` defaults to :func:`~sitrep.core.config.load_config` (the defaults,
    ``$SITREP_CONFIG``, ``$SITREP_DB``); ``db`` (a SQLite path or SQLAlchemy URL)
    overrides its database. ``readonly`` opens the store for reading only (it
    must exist then): what the read commands and the web app use.

    Use it as a context manager, or call :meth:`close`, to release the store.
    Methods raise :class:`~sitrep.core.errors.SitrepError` subclasses:
    ``LookupFailed`` for an unknown event or place, ``StoreError`` for the
    database.
    """

    def __init__(
        self, config: Config | None = None, db: str | None = None, *, readonly: bool = False
    ) -> None:
        if config is None:
            config = load_config(None, db=db)
        elif db is not None and db != config.db:
            config = config.with_(db=db)
        self.config: Config = config
        self.readonly = readonly
        self._store: Store | None = None
        self._gazetteer: Any = None
        self._actors: Any = None
        self._comments: Comments | None = None
        self._towns: Any = None
        self._towns_lock = threading.Lock()
        # one loader at a time: the web app asks from many threads at once
        self._lock = threading.Lock()

    # -- lifetime -------------------------------------------------------------

    @property
    def db(self) -> str:
        """The database this instance reads and writes (path or URL)."""
        return self.config.db

    @property
    def store(self) -> Store:
        """The store, opened on first use (``StoreError`` if it cannot be)."""
        if self._store is None:
            from sitrep.store import open_store

            with self._lock:
                if self._store is None:
                    self._store = open_store(self.config.db, readonly=self.readonly)
        return self._store

    @property
    def gazetteer(self) -> Any:
        """The gazetteer of ``config``, loaded on first use (seconds the first time)."""
        if self._gazetteer is None:
            from sitrep.core.resources import load_gazetteer

            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = load_gazetteer(self.config)
        return self._gazetteer

    @property
    def actors(self) -> Any:
        """The actor catalogue (bundled plus ``config.actor_files``), loaded on first use."""
        if self._actors is None:
            from sitrep.core.resources import load_actors

            with self._lock:
                if self._actors is None:
                    self._actors = load_actors(self.config)
        return self._actors

    @property
    def gazetteer_loaded(self) -> bool:
        """Whether :attr:`gazetteer` is loaded already (reading it then loads nothing)."""
        return self._gazetteer is not None

    @property
    def actors_loaded(self) -> bool:
        """Whether :attr:`actors` is loaded already (reading it then loads nothing)."""
        return self._actors is not None

    def close(self) -> None:
        """Release the store (the instance can open it again on next use)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Sitrep:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        fmt: str = "auto",
        outlet: str | None = None,
        published: date | None = None,
        workers: int | None = None,
        progress: Callable[[int], None] | None = None,
        engine: str = "local",
        scheduler: str | None = None,
    ) -> IngestSummary:
        """Read files, folders or URLs (text, HTML, JSONL, CSV) into the store.

        ``outlet`` and ``published`` fill in inputs that do not say; ``workers``
        is the number of reader processes (default from config); ``progress`` is
        called with 1 after each input. Inputs that fail are listed in the summary.

        ``engine="dask"`` reads the articles on a Dask cluster: the scheduler at
        ``scheduler`` (``tcp://HOST:PORT``) or, without one, ``workers`` worker
        processes started here; this process stores what they read, so the
        events are the same as with the local engine.
        """
        from sitrep.pipeline import ingest

        if engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {engine!r}: use 'local' or 'dask'")
        if scheduler is not None and engine != "dask":
            raise ValueError("a scheduler is for engine='dask'")

        def run(shard_engine: Any = None) -> IngestSummary:
            return ingest(
                paths,
                config=self.config,
                store=self.store,
                fmt=fmt,
                outlet=outlet,
                published=published,
                workers=workers,
                progress=progress,
                engine=shard_engine,
            )

        if engine == "local":
            return run()
        from sitrep.engines import DaskEngine

        n = workers if workers is not None else self.config.workers
        with DaskEngine(scheduler, workers=n or None) as dask:
            return run(dask)

    # -- events ---------------------------------------------------------------

    def _filter(self, f: EventFilter | None, filters: dict[str, Any]) -> EventFilter:
        if f is None:
            return EventFilter(**filters)
        if filters:
            import dataclasses

            return dataclasses.replace(f, **filters)
        return f

    def events(self, f: EventFilter | None = None, /, **filters: Any) -> Iterator[Event]:
        """Events matching a filter, oldest first, as frozen records (streaming).

        Pass an :class:`~sitrep.views.queries.EventFilter`, or its fields as keywords
        (``place``, ``actor``, ``type``, ``since``, ``until``, ``source``,
        ``statuses``, ``limit``, ``country``, ...; keywords override the filter's).
        A place is any spelling the gazetteer knows or a GeoNames id, and covers
        the places inside a province or country; an actor is any alias.
        """
        from sitrep.views.queries import iter_event_records

        f = self._filter(f, filters)
        return iter_event_records(self.store, f, **self._readers(f))

    def event_items(
        self, f: EventFilter | None = None, /, **filters: Any
    ) -> Iterator[dict[str, Any]]:
        """:meth:`events` as their JSON items (``Event.to_dict()``), for the faces
        (the items stored with the events, parsed: the same items, cheaper)."""
        from sitrep.views.queries import iter_events

        f = self._filter(f, filters)
        return iter_events(self.store, f, **self._readers(f))

    def event_json(self, f: EventFilter | None = None, /, **filters: Any) -> Iterator[EventJSON]:
        """:meth:`event_items` as JSON text, each with its event's id and date (a
        :class:`~sitrep.views.queries.EventJSON`): the web API joins a page of them
        into its body without parsing or encoding any."""
        from sitrep.views.queries import iter_event_json

        f = self._filter(f, filters)
        return iter_event_json(self.store, f, **self._readers(f))

    def day_counts(self, f: EventFilter | None = None, /, **filters: Any) -> list[dict[str, Any]]:
        """Events matching a filter per day and event type, ``[{date, event_type, n}]``
        by date then type (undated events left out): the page's timeline."""
        from sitrep.views.queries import day_counts

        f = self._filter(f, filters)
        return day_counts(self.store, f, **self._readers(f))

    def _readers(self, f: EventFilter) -> dict[str, Any]:
        # the gazetteer and the catalogue load only for a filter that needs them
        return {
            "gazetteer": self.gazetteer if f.place else None,
            "actors": self.actors if f.actor else None,
        }

    def event_types(self) -> dict[str, str]:
        """Every ACLED sub-event type sitrep reads, mapped to its event type."""
        from sitrep.read.typology import SUB_EVENT_TYPES

        return dict(SUB_EVENT_TYPES)

    def filter_problems(self, f: EventFilter) -> list[tuple[str, str]]:
        """Why a filter cannot match anything, as ``(parameter, message)`` pairs ([] if none).

        An unknown place, a type no event type or sub-event type contains, a country
        the gazetteer does not hold, an inverted date range: each would silently give
        an empty result, which a user reads as "nothing happened". The faces report
        these as errors naming the parameter (``place``, ``type``, ``country``,
        ``since``).
        """
        problems: list[tuple[str, str]] = []
        if f.place and not f.place_ids and not self.resolve_place(f.place):
            problems.append(("place", _no_place_message(f.place, self.near_places(f.place))))
        if f.type:
            wanted = f.type.strip().casefold()
            types = self.event_types()
            names = sorted(set(types) | set(types.values()))
            if not any(wanted in n.casefold() for n in names):
                problems.append(
                    (
                        "type",
                        f"no event type or sub-event type contains {f.type!r}; valid: "
                        + "; ".join(sorted(set(types.values())))
                        + " (or a sub-event type such as 'Air/drone strike')",
                    )
                )
        if f.country:
            known = {p.country for p in self.gazetteer.countries()}
            if f.country.upper() not in known:
                problems.append(
                    (
                        "country",
                        f"no country with ISO3 code {f.country!r}; use three letters, e.g. SYR",
                    )
                )
        if f.since and f.until and f.since > f.until:
            problems.append(("since", f"since {f.since} is after until {f.until}; swap them"))
        return problems

    def event(self, event_id: str) -> Event:
        """One event by id or unique id prefix, whatever its status (LookupFailed if none)."""
        from sitrep.views.queries import get_event_record

        return get_event_record(self.store, event_id)

    def event_item(self, event_id: str) -> dict[str, Any]:
        """:meth:`event` as its JSON item (``Event.to_dict()``), for the faces."""
        from sitrep.views.queries import get_event

        return get_event(self.store, event_id)

    def actor_aliases(self, items: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The actors these event items name, each ``{id, aliases: [{lang, name}]}`` by
        display name, from the actor catalogue (an actor it does not know: no aliases)."""
        names = {
            n
            for e in items
            for n in (e.get("actor1"), e.get("actor2"), *e.get("assoc_actors", ()))
            if n
        }
        out: dict[str, dict[str, Any]] = {}
        for name in sorted(names):
            actor = self.actors.resolve(name)
            out[name] = {
                "id": actor.id if actor else None,
                "aliases": [{"lang": lang, "name": alias} for lang, alias in actor.aliases]
                if actor
                else [],
            }
        return out

    def actor_hint(self, name: str) -> str | None:
        """Why an actor filter on ``name`` found nothing, when no actor goes by it; else None."""
        from sitrep.views.queries import actor_hint

        return actor_hint(name, actors=self.actors)

    def summary(self) -> dict[str, Any]:
        """First and last event dates, counts of events and articles, the event types present."""
        from sitrep.views.queries import summary

        return summary(self.store)

    def countries(self) -> list[dict[str, Any]]:
        """The countries whose places have events, ``[{country, events}]``, most events first."""
        from collections import Counter

        from sitrep.views.places import places_with_events

        n: Counter[str] = Counter()
        for place, count in places_with_events(self.store):
            n[place.country] += count
        return [{"country": c, "events": k} for c, k in sorted(n.items(), key=lambda x: -x[1])]

    def latest_date(self) -> date | None:
        """The date of the latest reported event (None in an empty store)."""
        from sitrep.views.queries import latest_event_date

        return latest_event_date(self.store)

    def article(self, article_id: str) -> dict[str, Any]:
        """One stored article: each sentence with who asserts it and what was read in it."""
        from sitrep.views.show import article_report

        return article_report(self.store, article_id)

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored articles, newest first, as ``{id, outlet, published, title, ...}``:
        ``outlet`` a substring of its name, ``since``/``until`` publication dates."""
        from sitrep.views.show import list_articles

        return list_articles(self.store, outlet=outlet, since=since, until=until, limit=limit)

    def counts(self) -> dict[str, int]:
        """How many articles, events, mentions, ... the store holds."""
        return self.store.counts()

    def failures(self) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
        """What failed: (inputs as (origin, reason), articles as (id, origin, error))."""
        return list(self.store.iter_failures()), self.store.failed_articles()

    # -- places ---------------------------------------------------------------

    def resolve_place(self, text: str) -> list[int]:
        """The places a name (any spelling) or GeoNames id means, best first; [] for none.

        The one resolver every face uses: see :mod:`sitrep.views.places`.
        """
        from sitrep.views.places import resolve_place

        gazetteer = None if text.strip().isdigit() else self.gazetteer
        return resolve_place(self.store, text, gazetteer=gazetteer)

    def near_places(self, text: str, *, limit: int = 5) -> list[str]:
        """Names of places with events that are spelt like ``text`` (in any spelling the
        gazetteer knows of them), closest first: what to offer when ``text`` finds nothing."""
        from sitrep.resolve.gazetteer import normalize_name
        from sitrep.views.places import places_with_events

        key = normalize_name(text)
        if not key:
            return []
        scored: dict[str, tuple[float, int]] = {}
        for place, n in places_with_events(self.store):
            known = self.gazetteer.by_id(place.id)
            names = [place.name, *(self.gazetteer.names_of(known) if known else [])]
            best = max(_likeness(key, normalize_name(name)) for name in names)
            if best >= _NEAR_PLACE and best > scored.get(place.name, (0.0, 0))[0]:
                scored[place.name] = (best, n)
        ranked = sorted(scored, key=lambda name: (-scored[name][0], -scored[name][1], name))
        return ranked[:limit]

    def empty_place_hint(self, text: str) -> str | None:
        """Why a place filter on ``text`` finds no event at all, or None when it does:
        the place is unknown (with near matches), or the store holds none of its events."""
        if not self.resolve_place(text):
            return _no_place_message(text, self.near_places(text))
        if next(self.events(EventFilter(place=text, statuses=ALL_STATUSES, limit=1)), None):
            return None
        return (
            f"no events at {text!r} in this database (the gazetteer knows the place); "
            "find places with events with /api/places?q=NAME or `sitrep events`"
        )

    def search_places(self, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Stored places whose name matches ``text``, best first, each with ``n_events``."""
        from sitrep.views.places import search_places

        return search_places(self.store, text, gazetteer=self.gazetteer, limit=limit)

    def map_labels(
        self, west: float, south: float, east: float, north: float, zoom: int, *, limit: int = 150
    ) -> list[dict[str, Any]]:
        """The towns to name on a map of this box at this zoom level (Web Mercator, as the
        page's map): capitals and big cities first, smaller towns as the zoom grows, none
        whose label would overlap a bigger town's. Items of ``/api/labels``.

        Raises :class:`~sitrep.views.labels.LabelQueryError` (a ``SitrepError``) naming a
        coordinate or zoom out of range."""
        from sitrep.views.labels import Box, TownIndex, map_labels

        box = Box(west, south, east, north)
        if self._towns is None:
            gazetteer = self.gazetteer  # before the lock: loading it takes ``_lock``
            # one build at a time: the page asks for labels several times as its map
            # settles, and parallel builds would only compete for the GIL
            with self._towns_lock:
                if self._towns is None:
                    self._towns = TownIndex(gazetteer.towns())
        return [m.to_dict() for m in map_labels(self._towns, box, zoom, limit=limit)]

    def place(self, place_id: int) -> StoredPlace | None:
        """The stored place with this GeoNames id, or None."""
        from sitrep.views.places import get_place

        return get_place(self.store, place_id)

    # -- control --------------------------------------------------------------

    def timeline(self, place_ids: Sequence[int]) -> list[ControlSpan]:
        """The control spans of these places, in date order."""
        from sitrep.control import timeline

        return timeline(self.store, list(place_ids))

    def control(self, place: str) -> list[ControlSpan]:
        """A place's control timeline: who held it, from when to when, on whose word.

        ``place`` is a name or GeoNames id; of the places it means, the first with a
        timeline is shown (empty when none has one). LookupFailed when it means none.
        """
        ids = self.resolve_place(place)
        if not ids:
            raise LookupFailed(_no_place_message(place, self.near_places(place)))
        for pid in ids:
            spans = self.timeline([pid])
            if spans:
                return spans
        return []

    def place_control(self, place_id: int) -> dict[str, Any]:
        """``{place, spans}``: the timeline of a stored place and the places inside it
        (a province, a country); LookupFailed when the store does not hold the place."""
        from sitrep.views.places import place_ids_for

        found = self.place(place_id)
        if found is None:
            raise LookupFailed(
                f"no place with GeoNames id {place_id} in this database; "
                "find ids with /api/places?q=NAME"
            )
        spans = self.timeline(place_ids_for(self.store, str(place_id)))
        return {
            "place": found.to_dict(),
            "spans": [{"place": s.place.to_dict(), **s.as_dict()} for s in spans],
        }

    def as_of(
        self,
        day: date,
        *,
        country: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[dict[str, Any]]:
        """Who held what on ``day``: one ``{place, controller, since, ...}`` per place held,
        within a country (ISO3) or a (west, south, east, north) box when given."""
        from sitrep.control import as_of

        return as_of(self.store, day, country=country, bbox=bbox)

    # -- roundups -------------------------------------------------------------

    def event_roundup(self, event_id: str) -> dict[str, Any]:
        """What each outlet said about one event, quoted, with links; agreements, differences."""
        from sitrep.views.roundup import build_roundup

        return build_roundup(self.store, event_id)

    def place_roundup(self, place: str, *, since: date | None = None) -> dict[str, Any]:
        """``{events: [roundup, ...]}`` for the events at a place (name or id), since a day."""
        from sitrep.views.roundup import place_roundup

        ids = self.resolve_place(place)
        if not ids:
            raise LookupFailed(_no_place_message(place, self.near_places(place)))
        return place_roundup(self.store, ids, since=since)

    def roundup(self, target: str, *, since: date | None = None) -> dict[str, Any]:
        """The roundup of an event (id or prefix), or else of a place (see the two above);
        LookupFailed naming both when ``target`` is neither."""
        try:
            return self.event_roundup(target)
        except LookupFailed:
            pass
        if not self.resolve_place(target):
            near = self.near_places(target)
            like = f" (places with events spelt like it: {', '.join(near)})" if near else ""
            raise LookupFailed(
                f"no event with id {target!r} and no place called {target!r}{like}; list event "
                "ids with `sitrep events`, find places with `sitrep gazetteer lookup NAME`"
            )
        return self.place_roundup(target, since=since)

    # -- export ---------------------------------------------------------------

    def export(self, fmt: str, out: TextIO, f: EventFilter | None = None, /, **filters: Any) -> int:
        """Write the matching events to ``out`` as ``jsonl``, ``acled-csv`` or ``geojson``;
        returns how many. Filters as for :meth:`events`."""
        from sitrep.views.export import write_export

        f = self._filter(f, filters)
        return write_export(self.store, f, fmt, out, **self._readers(f))

    # -- live ----------------------------------------------------------------

    def alerts(self, *, after: float | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Alerts ``sitrep follow`` raised, oldest first: the last ``limit``, or every one
        created after ``after`` (seconds since the epoch) when given."""
        from sitrep.live.alerts import list_alerts

        return list_alerts(self.store, after=after, limit=limit)

    # -- comments and moderation ----------------------------------------------

    @property
    def comments(self) -> Comments:
        """Reader comments, the moderation queue and moderators' tokens on this store."""
        if self._comments is None:
            self._comments = Comments(self)
        return self._comments

    def moderate(self, text: str, *, policy: Policy | None = None) -> Decision:
        """Judge one comment under ``policy`` (the bundled default when None)."""
        from sitrep.moderation import moderate

        return moderate(text, policy=policy)


class Comments:
    """Reader comments on events and articles, and their moderation (``Sitrep.comments``).

    Writes need a writable :class:`Sitrep`; the store serialises them.
    """

    def __init__(self, sitrep: Sitrep) -> None:
        self._sitrep = sitrep

    @property
    def _store(self) -> Store:
        return self._sitrep.store

    def add(
        self,
        target: Target | tuple[str, str],
        author: str,
        text: str,
        *,
        policy: Policy | None = None,
        client: str | None = None,
        flag: str | None = None,
    ) -> CommentRecord:
        """Moderate a comment on ``(target_type, target_id)`` and store it; the record says
        whether it was published, held for review or rejected, and why. A ``flag`` (what
        is wrong with the event, see ``comments.FLAGS``) is always held for a moderator."""
        from sitrep.moderation import comments as cm

        return cm.add_comment(
            self._store, target, author, text, policy=policy, client=client, flag=flag
        )

    def take_rate_token(self, key: str, burst: int, period: float, now: float) -> float:
        """Spend one of ``key``'s ``burst`` posts per ``period`` s, kept in the database so
        every worker shares the limit: 0.0 when allowed, else the seconds to wait."""
        from sitrep.moderation import comments as cm

        return cm.take_rate_token(self._store, key, burst, period, now)

    def exists(self, target: Target | tuple[str, str]) -> bool:
        """Whether the event or article a comment would be about is in the store."""
        from sitrep.moderation import comments as cm

        with self._store.engine.connect() as conn:
            return cm.target_exists(conn, cm.Target(*target))

    def published(
        self, target: Target | tuple[str, str], *, limit: int = 200, offset: int = 0
    ) -> list[CommentRecord]:
        """The published comments on one event or article, oldest first."""
        from sitrep.moderation import comments as cm

        return cm.published(self._store, target, limit=limit, offset=offset)

    def published_counts(self, event_ids: Sequence[str]) -> dict[str, int]:
        """How many published comments each of these events has (0 for none)."""
        from sitrep.moderation import comments as cm

        return cm.published_counts(self._store, event_ids)

    def queue(
        self,
        *,
        include_decided: bool = False,
        limit: int = 200,
        offset: int = 0,
        after: int | None = None,
    ) -> list[CommentRecord]:
        """Comments held for review or rejected by the policy, oldest first; ``after``
        a comment id: only those after it (keyset paging)."""
        from sitrep.moderation import comments as cm

        return cm.queue(
            self._store, include_decided=include_decided, limit=limit, offset=offset, after=after
        )

    def decide(
        self, comment_id: int, verdict: str, *, moderator: User, note: str = ""
    ) -> CommentRecord:
        """A moderator publishes or rejects a comment; the decision goes to the audit log."""
        from sitrep.moderation import comments as cm

        return cm.decide(self._store, comment_id, verdict, moderator=moderator, note=note)

    def audit(self, *, comment_id: int | None = None, limit: int = 500) -> list[AuditRecord]:
        """Moderator decisions, newest first (of one comment when ``comment_id``)."""
        from sitrep.moderation import comments as cm

        return cm.audit_log(self._store, comment_id=comment_id, limit=limit)

    def counts(self) -> dict[str, int]:
        """Comments by status."""
        from sitrep.moderation import comments as cm

        return cm.counts(self._store)

    def decision_examples(self) -> list[tuple[str, str]]:
        """(text, published or rejected) of every comment a moderator decided on."""
        from sitrep.moderation import comments as cm

        return cm.decision_examples(self._store)

    def create_token(self, name: str, role: str) -> str:
        """A new bearer token for ``name`` (created, or given ``role``); only its hash is kept."""
        from sitrep.moderation import comments as cm

        return cm.create_token(self._store, name, role)

    def revoke_tokens(self, name: str) -> int:
        """Revoke every token of ``name``; returns how many."""
        from sitrep.moderation import comments as cm

        return cm.revoke_tokens(self._store, name)

    def check_token(self, token: str) -> User | None:
        """The user a live token belongs to, or None."""
        from sitrep.moderation import comments as cm

        return cm.check_token(self._store, token)

    def users(self) -> list[dict[str, Any]]:
        """Moderators and admins with their number of live tokens."""
        from sitrep.moderation import comments as cm

        return cm.list_users(self._store)
