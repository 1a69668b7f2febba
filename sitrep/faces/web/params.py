"""Query parameters of the HTTP API, checked at the edge (Pydantic, unknown names refused).

Each model turns strings from the URL into the values the library takes
(:class:`sitrep.views.queries.EventFilter`, a day, a bounding box); a value that
does not fit raises ``ValueError`` with a message naming what is valid, which
the app returns as a 422 response.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from sitrep.views.queries import ALL_STATUSES, DEFAULT_STATUSES, EventFilter, decode_cursor

MAX_PAGE = 1000
# Ids and offsets are SQLite integers (signed 64-bit); a larger number is refused
# with a 422 at the edge instead of overflowing in the database driver.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**12
# A value echoed in an error message is cut to this many characters.
MAX_ECHO = 80


def shown(value: object) -> str:
    """``repr(value)`` cut to :data:`MAX_ECHO` characters for an error message."""
    text = repr(value)
    if len(text) <= MAX_ECHO:
        return text
    return f"{text[:MAX_ECHO]}... ({len(text) - MAX_ECHO:,} more characters)"


DEFAULT_PAGE = 100
EXPORT_FORMATS = ("jsonl", "acled-csv", "geojson")

# Event and article ids are hex digests; ids reach a LIKE 'prefix%' query, so
# nothing else (no % or _) may get through.
ID_PATTERN = re.compile(r"^[0-9a-f]{4,32}$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What the status and country parameters take, documented in the schema (the checks
# below give the messages): a schema-valid value is one the server takes.
_ONE_STATUS = "(" + "|".join(ALL_STATUSES) + ")"
_SEP = r"\s*,[\s,]*"
STATUS_PATTERN = rf"^\s*all\s*$|^[\s,]*({_ONE_STATUS}({_SEP}{_ONE_STATUS})*)?[\s,]*$"
COUNTRY_PATTERN = "^([A-Za-z]{3})?$"
# A day parameter: YYYY-MM-DD, or empty for none (a form's empty field).
DAY_OR_EMPTY: dict[str, Any] = {
    "anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0}]
}
# a longitude (-180..180) and a latitude (-90..90) in decimal degrees
_LON = r"\s*[-+]?(180(\.0*)?|(1[0-7]\d|\d{1,2})(\.\d*)?|\.\d+)\s*"
_LAT = r"\s*[-+]?(90(\.0*)?|[0-8]?\d(\.\d*)?|\.\d+)\s*"
BBOX_PATTERN = rf"^\s*$|^{_LON},{_LAT},{_LON},{_LAT}$"


def parse_day(value: object, name: str) -> date | None:
    """A YYYY-MM-DD string as a date (None stays None)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO_DAY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"{name}={shown(text)} is not a date; use YYYY-MM-DD, e.g. 2017-11-12")


def parse_statuses(value: str | None) -> tuple[str, ...]:
    """A comma-separated status list ('all' for every status) as a tuple."""
    if value is None or not value.strip():
        return DEFAULT_STATUSES
    if value.strip() == "all":
        return ALL_STATUSES
    wanted = tuple(s.strip() for s in value.split(",") if s.strip())
    bad = [s for s in wanted if s not in ALL_STATUSES]
    if bad:
        raise ValueError(
            f"unknown status {shown(', '.join(bad))}; valid: "
            f"{', '.join(ALL_STATUSES)} (comma-separated), or all"
        )
    return wanted


def check_id(value: str, what: str) -> str:
    """An event or article id (or unique prefix): 4 to 32 lowercase hex digits."""
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"{what} id {shown(value)} is not valid; ids are 4 to 32 hex digits (0-9, a-f), "
            f"as listed by /api/events"
        )
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EventQuery(_Strict):
    """The filters of ``sitrep events``, as URL parameters."""

    place: str | None = Field(
        None, max_length=200, description="Place name in any spelling, or GeoNames id."
    )
    actor: str | None = Field(None, max_length=200, description="Actor name or id (substring).")
    type: str | None = Field(
        None, max_length=200, description="Event or sub-event type (substring)."
    )
    since: date | None = Field(
        None,
        description="Events on or after this day (YYYY-MM-DD).",
        json_schema_extra=DAY_OR_EMPTY,
    )
    until: date | None = Field(
        None,
        description="Events on or before this day (YYYY-MM-DD).",
        json_schema_extra=DAY_OR_EMPTY,
    )
    source: str | None = Field(
        None, max_length=200, description="Outlet that reported it (substring)."
    )
    status: str | None = Field(
        None,
        description="Comma-separated statuses: occurred, claimed, denied, expected, background, "
        "recalled, or 'all' (default: occurred,claimed,denied).",
        json_schema_extra={"pattern": STATUS_PATTERN},
    )
    country: str | None = Field(
        None,
        description="Events at places of this country (ISO 3166 alpha-3, e.g. SYR).",
        json_schema_extra={"pattern": COUNTRY_PATTERN},
    )
    text: str | None = Field(
        None,
        max_length=200,
        description="Words a report's evidence sentence holds (substring, any case).",
    )
    sort: Literal["oldest", "newest"] = Field(
        "oldest", description="oldest (date then id, the default) or newest first."
    )

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return parse_country(value)

    @field_validator("since", "until", mode="before")
    @classmethod
    def _day(cls, value: object, info: object) -> date | None:
        return parse_day(value, getattr(info, "field_name", "date"))

    @field_validator("status")
    @classmethod
    def _status(cls, value: str | None) -> str | None:
        parse_statuses(value)
        return value

    @model_validator(mode="after")
    def _order(self) -> EventQuery:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since={self.since} is after until={self.until}; swap them")
        return self

    def event_filter(self, *, limit: int | None = None, offset: int = 0) -> EventFilter:
        """The library filter these parameters ask for."""
        return EventFilter(
            place=self.place or None,
            actor=self.actor or None,
            type=self.type or None,
            since=self.since,
            until=self.until,
            source=self.source or None,
            statuses=parse_statuses(self.status),
            limit=limit,
            offset=offset,
            country=self.country,
            text=self.text.strip() or None if self.text else None,
            newest_first=self.sort == "newest",
        )


class EventPage(EventQuery):
    """Event filters plus a page."""

    limit: int = Field(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"Page size, 1 to {MAX_PAGE}.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"Events to skip (0 to {MAX_OFFSET}).")
    cursor: str | None = Field(
        None,
        max_length=120,
        # documented so a schema-valid cursor is one the server takes (schemathesis ST202)
        pattern=r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?_[0-9a-f]{1,64}$",
        description="Start after this point: the next_cursor of the previous page (keyset "
        "paging, as fast on page 1000 as on page 1).",
    )

    @field_validator("cursor")
    @classmethod
    def _cursor(cls, value: str | None) -> str | None:
        if value:
            decode_cursor(value)
        return value or None

    def page_filter(self, *, limit: int) -> EventFilter:
        """The filter of one page: after the cursor (if any), then ``offset`` skipped."""
        f = self.event_filter(limit=limit, offset=self.offset)
        if self.cursor:
            return dataclasses.replace(f, after=decode_cursor(self.cursor))
        return f


class ExportQuery(EventQuery):
    """Event filters plus an export format."""

    format: Literal["jsonl", "acled-csv", "geojson"] = Field(
        "jsonl", description="jsonl (the JSON contract), acled-csv or geojson."
    )


class ControlQuery(_Strict):
    """Who held what on a day, within a box or a country."""

    as_of: date | None = Field(
        None,
        description="The day (YYYY-MM-DD); default (also when empty): the latest event date "
        "in the store.",
        json_schema_extra=DAY_OR_EMPTY,
    )
    bbox: str | None = Field(
        None,
        description="minlon,minlat,maxlon,maxlat in degrees, e.g. 35.5,32,48.6,37.4",
        json_schema_extra={"pattern": BBOX_PATTERN},
    )
    country: str | None = Field(
        None,
        description="ISO 3166 alpha-3 code, e.g. SYR.",
        json_schema_extra={"pattern": COUNTRY_PATTERN},
    )

    @field_validator("as_of", mode="before")
    @classmethod
    def _day(cls, value: object) -> date | None:
        return parse_day(value, "as_of")

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: str | None) -> str | None:
        parse_bbox(value)
        return value

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return parse_country(value)

    def box(self) -> tuple[float, float, float, float] | None:
        """The bounding box as numbers."""
        return parse_bbox(self.bbox)


def parse_country(value: str | None) -> str | None:
    """An ISO3 country code, upper-cased (None or empty: no country)."""
    if value is None or value == "":
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise ValueError(f"country={value!r} is not an ISO3 code; use three letters, e.g. SYR")
    return value.upper()


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``minlon,minlat,maxlon,maxlat`` as four floats, checked."""
    if value is None or not value.strip():
        return None
    how = "use minlon,minlat,maxlon,maxlat in degrees, e.g. 35.5,32,48.6,37.4"
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError(f"bbox={shown(value)} has {len(parts)} numbers, not 4; {how}")
    if not re.match(BBOX_PATTERN, value):
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            raise ValueError(
                f"bbox={shown(value)} holds something that is not a number; {how}"
            ) from None
        if all(-180 <= x <= 180 for x in numbers[::2]) and all(
            -90 <= y <= 90 for y in numbers[1::2]
        ):  # numbers in range, but spelt as the pattern does not take (1e1, nan, 1_0)
            raise ValueError(f"bbox={shown(value)} holds a number not in decimal notation; {how}")
        raise ValueError(
            f"bbox={shown(value)} is out of range: longitudes -180..180, latitudes -90..90; {how}"
        )
    minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    if minlon > maxlon or minlat > maxlat:
        raise ValueError(f"bbox={shown(value)} has a minimum above its maximum; {how}")
    return minlon, minlat, maxlon, maxlat


class PlaceQuery(_Strict):
    """A place name to look up."""

    q: str = Field(..., min_length=2, max_length=100, description="Place name, any spelling.")
    limit: int = Field(20, ge=1, le=100, description="At most this many places, 1 to 100.")


class LabelQuery(_Strict):
    """The map view whose towns to name (what Leaflet's ``getBounds`` and ``getZoom`` give)."""

    west: float = Field(..., ge=-180, le=180, description="West edge, degrees of longitude.")
    south: float = Field(..., ge=-90, le=90, description="South edge, degrees of latitude.")
    east: float = Field(..., ge=-180, le=180, description="East edge (< west: across 180°).")
    north: float = Field(..., ge=-90, le=90, description="North edge, degrees of latitude.")
    zoom: int = Field(..., ge=0, le=18, description="The map's zoom level, 0 to 18.")
    limit: int = Field(150, ge=1, le=500, description="At most this many labels, 1 to 500.")

    @model_validator(mode="after")
    def _order(self) -> LabelQuery:
        if self.south > self.north:
            raise ValueError(f"south={self.south} is north of north={self.north}; swap them")
        return self
