"""Alert rules an admin defines at run time, beside the config's ``[[alerts]]``.

A rule made through the API (``/api/alerts/rules``, admins only) or with
``sitrep alerts rules`` is checked by :class:`RuleIn` (each problem named, so the
API answers 422 with one message per field), its places are read with the
gazetteer (an unknown name is refused; a spelling such as "Al Qaim" also matches
the place the gazetteer gives for it, whatever its canonical name), and it is kept
in ``live_alert_rules``. The follower reads the stored rules at every poll, so a
new rule applies to the reports stored from then on without a restart; deleting a
rule keeps the alerts it raised.

The config's rules cannot be changed here (they are changed in the config); a
stored rule may not take a config rule's name, and if the config later gains a
rule of a stored rule's name, the config's wins and the stored one is shown as
shadowed.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from sitrep.core.errors import LookupFailed, SitrepError
from sitrep.live.settings import EVENT_TYPES, AlertRule, iso3, iso_countries
from sitrep.live.state import live_alert_rules
from sitrep.store import Store

log = logging.getLogger("sitrep.live")

#: A rule's name: it goes into URLs (``/api/alerts/rules/NAME``) and webhook filters.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
MAX_LIST = 500  # countries or places in one rule
FIELDS = ("name", "when", "countries", "bbox", "places", "event_type", "min_sources")


class RuleExists(SitrepError):
    """A rule of that name exists already (stored, or in the config)."""


class RuleIn(BaseModel):
    """An alert rule as an admin writes it (the fields of an ``[[alerts]]`` table)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(
        pattern=NAME_PATTERN,
        description="Letters, digits, '.', '_' or '-' (at most 64), starting with a letter "
        "or digit; webhooks name rules by it.",
    )
    when: Literal["control_change", "new_event", "contradiction"] = Field(
        description="control_change: a place changes hands; new_event: an event of "
        "event_type with at least min_sources independent outlets; contradiction: a report "
        "disputes a place's current holder."
    )
    countries: list[str] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="Only places in these countries (ISO2 or ISO3 codes).",
    )
    bbox: list[float] | None = Field(
        None, description="Only places inside [west, south, east, north], in degrees."
    )
    places: list[str] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="A watch list: place names (any spelling the gazetteer knows) or GeoNames ids.",
    )
    event_type: str | None = Field(
        None, description="new_event only: an ACLED event type or sub-event type."
    )
    min_sources: int = Field(
        1,
        ge=1,
        le=1000,
        strict=True,
        description="new_event only: at least this many independent outlets.",
    )

    @field_validator("min_sources", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        # 3.0 is an integer to JSON Schema (and so to clients): taken as 3; "3" and 3.5 are not
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        known = iso_countries()
        out: list[str] = []
        for i, code in enumerate(value):
            c = code.strip().upper()
            if c not in known:
                raise ValueError(
                    f"countries[{i}]: {code!r} is not an ISO country code "
                    "(SY or SYR for Syria, SD or SDN for Sudan)"
                )
            out.append(iso3(c) or c)
        return list(dict.fromkeys(out))

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: list[float] | None) -> list[float] | None:
        if value is None:
            return None
        if len(value) != 4:
            raise ValueError(f"bbox is [west, south, east, north]: four numbers, not {len(value)}")
        w, s, e, n = value
        if not (-180 <= w <= 180 and -180 <= e <= 180):
            raise ValueError("bbox: west and east are longitudes, from -180 to 180")
        if not (-90 <= s <= 90 and -90 <= n <= 90):
            raise ValueError("bbox: south and north are latitudes, from -90 to 90")
        if w >= e or s >= n:
            raise ValueError(
                f"bbox: west ({w:g}) must be less than east ({e:g}) and south ({s:g}) less "
                f"than north ({n:g})"
            )
        return [float(v) for v in value]

    @field_validator("places", mode="before")
    @classmethod
    def _place_ids_as_text(cls, value: Any) -> Any:
        # a GeoNames id may come as a JSON number
        if isinstance(value, list):
            return [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
        return value

    @field_validator("places")
    @classmethod
    def _places(cls, value: list[str], info: ValidationInfo) -> list[str]:
        out: list[str] = []
        for i, raw in enumerate(value):
            name = " ".join(raw.split())
            if not name or len(name) > 200:
                raise ValueError(f"places[{i}]: a place name or GeoNames id of 1 to 200 characters")
            out.append(name)
        out = list(dict.fromkeys(out))
        gazetteer = (info.context or {}).get("gazetteer")
        if gazetteer is not None:
            unknown = [p for p in out if not resolve_place(gazetteer, p)]
            if unknown:
                raise ValueError(
                    "places: the gazetteer knows no place "
                    + ", ".join(repr(p) for p in unknown)
                    + " (give another spelling or the GeoNames id)"
                )
        return out

    @field_validator("event_type")
    @classmethod
    def _event_type(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        if value not in EVENT_TYPES:
            raise ValueError(
                f"event_type: {value!r} is not an ACLED event type or sub-event type "
                "(such as 'Battles', 'Armed clash' or 'Non-state actor overtakes territory')"
            )
        _new_event_only("event_type", info)
        return value

    @field_validator("min_sources")
    @classmethod
    def _min_sources(cls, value: int, info: ValidationInfo) -> int:
        if value != 1:
            _new_event_only("min_sources", info)
        return value

    def rule(self) -> AlertRule:
        """As the evaluator takes it."""
        return AlertRule(
            name=self.name,
            when=self.when,
            countries=tuple(self.countries),
            bbox=(self.bbox[0], self.bbox[1], self.bbox[2], self.bbox[3]) if self.bbox else None,
            places=tuple(self.places),
            event_type=self.event_type,
            min_sources=self.min_sources,
        )


def _new_event_only(field: str, info: ValidationInfo) -> None:
    when = info.data.get("when")  # absent when it was invalid: that error is enough
    if when is not None and when != "new_event":
        raise ValueError(f"{field} applies to new_event rules only, not {when}")


def resolve_place(gazetteer: Any, entry: str) -> str | None:
    """The GeoNames id (as text) a watch-list entry names, or None when none does.

    Digits are an id the gazetteer must know; a name is read as the gazetteer reads
    it everywhere else (its first candidate).
    """
    if entry.isdigit():
        return entry if gazetteer.by_id(int(entry)) is not None else None
    found = gazetteer.lookup(entry)
    return str(found[0].id) if found else None


def problems(exc: ValidationError) -> list[dict[str, Any]]:
    """A validation error as ``{"field", "message"}`` pairs, in words a person can act on."""
    out = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        path = loc[0] if loc else "body"
        for part in loc[1:]:
            path += f"[{part}]" if part.isdigit() else f".{part}"
        kind = err.get("type", "")
        msg = str(err.get("msg", "invalid"))
        if kind == "value_error":
            message = msg.removeprefix("Value error, ")
        elif kind == "missing":
            message = f"{path} is required"
        elif kind == "string_pattern_mismatch" and path == "name":
            message = (
                "name: letters, digits, '.', '_' or '-', at most 64, starting with a letter or "
                f"digit (got {err.get('input')!r})"
            )
        elif kind == "extra_forbidden":
            message = f"unknown field {path!r}; a rule has {', '.join(FIELDS)}"
        else:
            shown = repr(err.get("input"))
            shown = shown if len(shown) <= 80 else shown[:77] + "..."
            message = f"{path}: {msg} (got {shown})"
        out.append({"field": path if loc else "body", "message": message})
    return out


def check_rule(doc: Any, gazetteer: Any = None) -> RuleIn:
    """``doc`` (a JSON object) as a rule; :class:`pydantic.ValidationError` when it is not one.

    With ``gazetteer``, every place of the watch list must be one it knows.
    """
    return RuleIn.model_validate(doc, context={"gazetteer": gazetteer})


@dataclass(frozen=True)
class StoredRule:
    """A rule of ``live_alert_rules`` and who made and last changed it."""

    rule: AlertRule
    place_ids: tuple[str, ...]
    created_by: str
    created_at: float
    updated_by: str
    updated_at: float
    shadowed: bool = False  # the config has a rule of this name, which wins

    def for_evaluation(self) -> AlertRule:
        """The rule with the watch list's places also matched by the ids they were read as."""
        if not self.place_ids:
            return self.rule
        return replace(self.rule, places=tuple(dict.fromkeys(self.rule.places + self.place_ids)))

    def as_dict(self) -> dict[str, Any]:
        """As the API shows it."""
        r = self.rule
        return {
            "name": r.name,
            "when": r.when,
            "countries": list(r.countries),
            "bbox": list(r.bbox) if r.bbox else None,
            "places": list(r.places),
            "place_ids": [int(p) for p in self.place_ids],
            "event_type": r.event_type,
            "min_sources": r.min_sources,
            "source": "database",
            "shadowed": self.shadowed,
            "created_by": self.created_by,
            "created_at": _iso(self.created_at),
            "updated_by": self.updated_by,
            "updated_at": _iso(self.updated_at),
        }

    def definition(self) -> dict[str, Any]:
        """The fields an admin sets (what ``PATCH`` starts from)."""
        r = self.rule
        out: dict[str, Any] = {"name": r.name, "when": r.when}
        if r.countries:
            out["countries"] = list(r.countries)
        if r.bbox:
            out["bbox"] = list(r.bbox)
        if r.places:
            out["places"] = list(r.places)
        if r.event_type is not None:
            out["event_type"] = r.event_type
        if r.min_sources != 1:
            out["min_sources"] = r.min_sources
        return out


def config_rule_dict(rule: AlertRule) -> dict[str, Any]:
    """A config rule as the API lists it (read-only: it is changed in the config)."""
    return {
        "name": rule.name,
        "when": rule.when,
        "countries": list(rule.countries),
        "bbox": list(rule.bbox) if rule.bbox else None,
        "places": list(rule.places),
        "event_type": rule.event_type,
        "min_sources": rule.min_sources,
        "source": "config",
    }


def _iso(ts: float) -> str:
    from sitrep.live.state import iso

    return iso(ts) or ""


def _row(r: Any) -> StoredRule:
    bbox = json.loads(r["bbox"]) if r["bbox"] else None
    return StoredRule(
        rule=AlertRule(
            name=r["name"],
            when=r["kind"],
            countries=tuple(json.loads(r["countries"])),
            bbox=tuple(bbox) if bbox else None,
            places=tuple(json.loads(r["places"])),
            event_type=r["event_type"],
            min_sources=r["min_sources"],
        ),
        place_ids=tuple(json.loads(r["place_ids"])),
        created_by=r["created_by"],
        created_at=r["created_at"],
        updated_by=r["updated_by"],
        updated_at=r["updated_at"],
    )


def stored_rules(store: Store, *, config_rules: Sequence[AlertRule] = ()) -> list[StoredRule]:
    """Every stored rule, by name (none for a database made before the table existed)."""
    taken = {r.name for r in config_rules}
    try:
        with store.engine.connect() as conn:
            rows = (
                conn.execute(select(live_alert_rules).order_by(live_alert_rules.c.name))
                .mappings()
                .all()
            )
    except SQLAlchemyError:  # a read-only database from before the table
        return []
    return [replace(s, shadowed=s.rule.name in taken) for s in map(_row, rows)]


def get_rule(store: Store, name: str) -> StoredRule:
    """The stored rule ``name``; :class:`LookupFailed` when there is none."""
    with store.engine.connect() as conn:
        row = (
            conn.execute(select(live_alert_rules).where(live_alert_rules.c.name == name))
            .mappings()
            .first()
        )
    if row is None:
        raise LookupFailed(f"no stored alert rule named {name!r}")
    return _row(row)


def active_rules(config_rules: Sequence[AlertRule], store: Store) -> list[AlertRule]:
    """The rules the follower checks: the config's, then the stored ones it does not shadow."""
    stored = [
        s.for_evaluation() for s in stored_rules(store, config_rules=config_rules) if not s.shadowed
    ]
    return [*config_rules, *stored]


def _values(rule: RuleIn, place_ids: list[str]) -> dict[str, Any]:
    return {
        "kind": rule.when,
        "countries": json.dumps(rule.countries),
        "bbox": json.dumps(rule.bbox) if rule.bbox else None,
        "places": json.dumps(rule.places, ensure_ascii=False),
        "place_ids": json.dumps(place_ids),
        "event_type": rule.event_type,
        "min_sources": rule.min_sources,
    }


def _place_ids(rule: RuleIn, gazetteer: Any) -> list[str]:
    if gazetteer is None:
        return [p for p in rule.places if p.isdigit()]
    ids = (resolve_place(gazetteer, p) for p in rule.places)
    return list(dict.fromkeys(i for i in ids if i))


def create_rule(
    store: Store,
    rule: RuleIn,
    *,
    by: str,
    gazetteer: Any = None,
    config_rules: list[AlertRule] = (),  # type: ignore[assignment]
    now: float | None = None,
) -> StoredRule:
    """Store a new rule; :class:`RuleExists` when its name is taken."""
    if any(r.name == rule.name for r in config_rules):
        raise RuleExists(
            f"the config defines a rule named {rule.name!r}; config rules are changed in the "
            "config, and a rule made here needs another name"
        )
    now = time.time() if now is None else now
    values = {
        "name": rule.name,
        **_values(rule, _place_ids(rule, gazetteer)),
        "created_by": by,
        "created_at": now,
        "updated_by": by,
        "updated_at": now,
    }
    try:
        with store.engine.begin() as conn:
            conn.execute(live_alert_rules.insert().values(**values))
    except IntegrityError:
        raise RuleExists(
            f"a rule named {rule.name!r} exists already; change it with PUT or PATCH "
            f"/api/alerts/rules/{rule.name}"
        ) from None
    log.info("alert rule created", extra={"fields": {"rule": rule.name, "by": by}})
    return get_rule(store, rule.name)


def replace_rule(
    store: Store,
    rule: RuleIn,
    *,
    by: str,
    gazetteer: Any = None,
    now: float | None = None,
) -> StoredRule:
    """Replace the stored rule of ``rule.name``; :class:`LookupFailed` when there is none."""
    now = time.time() if now is None else now
    values = {**_values(rule, _place_ids(rule, gazetteer)), "updated_by": by, "updated_at": now}
    with store.engine.begin() as conn:
        done = conn.execute(
            update(live_alert_rules).where(live_alert_rules.c.name == rule.name).values(**values)
        )
    if done.rowcount == 0:
        raise LookupFailed(f"no stored alert rule named {rule.name!r}")
    log.info("alert rule changed", extra={"fields": {"rule": rule.name, "by": by}})
    return get_rule(store, rule.name)


def delete_rule(store: Store, name: str, *, by: str) -> None:
    """Delete a stored rule (its alerts stay); :class:`LookupFailed` when there is none."""
    with store.engine.begin() as conn:
        done = conn.execute(delete(live_alert_rules).where(live_alert_rules.c.name == name))
    if done.rowcount == 0:
        raise LookupFailed(f"no stored alert rule named {name!r}")
    log.info("alert rule deleted", extra={"fields": {"rule": name, "by": by}})


def valid_name(name: str) -> bool:
    """Whether ``name`` can name a stored rule."""
    return re.fullmatch(NAME_PATTERN, name) is not None
