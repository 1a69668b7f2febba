"""Which place a user's words mean: the one place resolver of the CLI, the API and the page.

Every face that takes a place name (``sitrep events --place``, ``sitrep control
PLACE``, ``sitrep roundup PLACE``, ``/api/events?place=``, ``/api/places?q=``)
reads it through :func:`resolve_place`, so a name means the same place
everywhere:

- a GeoNames id (ASCII digits) means that place;
- otherwise the gazetteer's best reading of the name comes first (only the
  best: "Deir ez-Zor" is the city, "Deir ez-Zor province" the governorate),
  then the places the store holds under exactly that name (any case), which
  covers places the gazetteer does not know.

What a face does with the candidates is the face's question: an event filter
takes them all with the places inside them (:func:`place_ids_for`: a province
or country covers its towns), a timeline the first that has one, a search
(:func:`search_places`) adds the stored places whose name contains the words.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from sitrep.core.records import StoredPlace
from sitrep.store import Store, events, places
from sitrep.store.items import stored_place

# GeoNames ids have at most 18 digits: longer numbers overflow the database's integers
_MAX_ID_DIGITS = 18


def _as_id(text: str) -> int | None:
    """The GeoNames id ``text`` spells, or None ("²" is a digit to isdigit, not to int)."""
    number = text.strip()
    if number.isascii() and number.isdigit() and len(number) <= _MAX_ID_DIGITS:
        return int(number)
    return None


def _resolve(conn: Connection, text: str, gazetteer: Any) -> list[int]:
    pid = _as_id(text)
    if pid is not None:
        return [pid]
    found: list[int] = []
    if gazetteer is not None:
        found = [p.id for p in gazetteer.lookup(text)][:1]
    stored = conn.execute(
        select(places.c.id).where(func.lower(places.c.name) == text.lower())
    ).scalars()
    found += [i for i in stored if i not in found]
    return found


def resolve_place(store: Store, text: str, *, gazetteer: Any = None) -> list[int]:
    """The places ``text`` (a name in any spelling the gazetteer knows, or a GeoNames id)
    means, best first; empty when it names none. See the module docstring.

    ``gazetteer`` reads the name (without it, only stored names and ids match).
    """
    with store.engine.connect() as conn:
        return _resolve(conn, text, gazetteer)


def place_ids_in_country(conn: Connection, country: str) -> list[int]:
    """Ids of the stored places of a country (ISO3)."""
    return list(
        conn.execute(select(places.c.id).where(places.c.country == country.upper())).scalars()
    )


def place_ids_for(store: Store, name: str, *, gazetteer: Any = None) -> list[int]:
    """The place ids an event filter on ``name`` covers: the places it means
    (:func:`resolve_place`) and, for a province or country, the places inside it."""
    with store.engine.connect() as conn:
        base = _resolve(conn, name, gazetteer)
        if not base:
            return []
        rows = conn.execute(select(places).where(places.c.id.in_(base))).mappings().all()
        ids = set(base)
        for r in rows:
            if r["kind"] == "country":
                ids |= set(place_ids_in_country(conn, r["country"]))
            elif r["kind"] == "admin1":
                ids |= set(
                    conn.execute(
                        select(places.c.id).where(
                            and_(places.c.country == r["country"], places.c.admin1 == r["admin1"])
                        )
                    ).scalars()
                )
        return sorted(ids)


def get_place(store: Store, place_id: int) -> StoredPlace | None:
    """The stored place with this GeoNames id, or None."""
    with store.engine.connect() as conn:
        row = conn.execute(select(places).where(places.c.id == place_id)).mappings().first()
    return None if row is None else stored_place(row)


# The statuses an event list shows by default (views.queries.DEFAULT_STATUSES, which
# imports this module): a place's n_events counts only these, so it matches the list.
LISTED_STATUSES = ("occurred", "claimed", "denied")


def _listed_counts(conn: Any) -> dict[int, int]:
    """Events of the listed statuses per stored place id (places with none left out)."""
    return dict(
        conn.execute(
            select(events.c.place_id, func.count())
            .where(events.c.status.in_(LISTED_STATUSES))
            .group_by(events.c.place_id)
        ).all()
    )


def search_places(
    store: Store, text: str, *, gazetteer: Any = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Stored places matching ``text``, best first, each ``{place item, n_events}``
    (``n_events``: its events of the statuses listed by default, :data:`LISTED_STATUSES`).

    First what :func:`resolve_place` makes of the words (so the top hit is the
    place ``--place TEXT`` filters on), then the gazetteer's other readings, then
    stored places whose name contains the words (folded), most events first.
    """
    from sitrep.resolve.gazetteer import normalize_name

    with store.engine.connect() as conn:
        rows = {r["id"]: r for r in conn.execute(select(places)).mappings()}
        counts = _listed_counts(conn)
        if text.strip().isdigit():
            # a number is an id or nothing: no name contains it
            hits = [pid for pid in [_as_id(text)] if pid is not None and pid in rows]
        else:
            hits = [pid for pid in _resolve(conn, text, gazetteer) if pid in rows]
    if not text.strip().isdigit():
        if gazetteer is not None:
            hits += [p.id for p in gazetteer.lookup(text) if p.id in rows]
        key = normalize_name(text)
        if key:
            hits += sorted(
                (pid for pid, r in rows.items() if key in normalize_name(r["name"])),
                key=lambda pid: (-counts.get(pid, 0), rows[pid]["name"]),
            )
    out: list[dict[str, Any]] = []
    for pid in dict.fromkeys(hits):
        out.append({**stored_place(rows[pid]).to_dict(), "n_events": counts.get(pid, 0)})
    return out[:limit]


def places_with_events(store: Store) -> list[tuple[StoredPlace, int]]:
    """Every stored place that has events of the listed statuses, with how many."""
    with store.engine.connect() as conn:
        counts = _listed_counts(conn)
        rows = conn.execute(select(places).where(places.c.id.in_(list(counts)))).mappings()
        return [(stored_place(r), counts[r["id"]]) for r in rows]
