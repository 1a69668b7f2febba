"""Roundups: what each outlet said about an event, side by side, with citations.

The seed article, made on demand: for an event, every outlet that reported it
(directly, or cited by another outlet: "According to The Washington Post ..."),
with the sentences it wrote quoted as they stand, its URL and date, who it
cites, and where the accounts agree and differ. Extractive only: every quoted
sentence is one a source wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from sitrep.store import Store, articles
from sitrep.views.queries import ALL_STATUSES, EventFilter, get_event, iter_events


def build_roundup(store: Store, event_id: str) -> dict[str, Any]:
    """The roundup of one event: ``{event, outlets, agreements, differences}``."""
    event = get_event(store, event_id)
    return _roundup(store, event)


def _roundup(store: Store, event: dict[str, Any]) -> dict[str, Any]:
    mentions = event["mentions"]
    article_ids = sorted({m["article_id"] for m in mentions})
    with store.engine.connect() as conn:
        meta = {
            r[0]: {"outlet": r[1], "url": r[2], "language": r[3], "title": r[4]}
            for r in conn.execute(
                select(
                    articles.c.id,
                    articles.c.outlet,
                    articles.c.url,
                    articles.c.language,
                    articles.c.title,
                ).where(articles.c.id.in_(article_ids))
            )
        }
    outlets: dict[str, dict[str, Any]] = {}
    for m in mentions:
        art = meta.get(m["article_id"], {})
        via = art.get("outlet") if art.get("outlet") != m["source"] else None
        entry = outlets.setdefault(
            m["source"],
            {
                "outlet": m["source"],
                "reports": [],
                "cites": set(),
                "statuses": set(),
            },
        )
        report = next((r for r in entry["reports"] if r["article_id"] == m["article_id"]), None)
        if report is None:
            report = {
                "article_id": m["article_id"],
                "via": via,
                "url": art.get("url"),
                "title": art.get("title"),
                "published": m["published"],
                "language": art.get("language"),
                "quotes": [],
            }
            entry["reports"].append(report)
        if m["speaker"]:
            entry["cites"].add(m["speaker"])
        if not m["reference"]:
            entry["statuses"].add(m["status"])
        if all(q["text"] != m["evidence"] for q in report["quotes"]):
            report["quotes"].append(
                {
                    "text": m["evidence"],
                    "speaker": m["speaker"],
                    "status": m["status"],
                    "date": m["date"] if not m["date_inferred"] else None,
                    "reference": m["reference"],
                    "span": m["evidence_span"],
                }
            )
    ordered = sorted(
        outlets.values(),
        key=lambda o: (min(r["published"] or "9999" for r in o["reports"]), o["outlet"]),
    )
    for o in ordered:
        o["cites"] = sorted(o["cites"])
        o["statuses"] = sorted(o["statuses"])
        for r in o["reports"]:
            r["quotes"].sort(key=lambda q: q["span"][0])
    return {
        "event": {k: v for k, v in event.items() if k != "mentions"},
        "outlets": ordered,
        "agreements": event["agreements"],
        "differences": event["disagreements"],
    }


def place_roundup(
    store: Store,
    place_ids: Sequence[int],
    *,
    since: date | None = None,
    statuses: Sequence[str] = ALL_STATUSES[:3],
) -> dict[str, Any]:
    """Roundups of every event at these places (since a date), oldest first."""
    f = EventFilter(since=since, statuses=statuses, place_ids=list(place_ids))
    return {"events": [_roundup(store, e) for e in iter_events(store, f)]}


def format_markdown(roundup: dict[str, Any]) -> str:
    """A roundup as Markdown: the event, then each outlet's words, then the comparison."""
    if "events" in roundup:
        parts = [format_markdown(r) for r in roundup["events"]]
        return "\n\n---\n\n".join(parts) if parts else "_No events here._"
    e = roundup["event"]
    place = e["place"]["name"] if e["place"] else "unknown place"
    actors = " vs ".join(a for a in (e["actor1"], e["actor2"]) if a) or "unknown actors"
    lines = [
        f"## {place}, {e['date'] or 'date unknown'}: {e['sub_event_type']}",
        "",
        f"{e['event_type']}; {actors}; status {e['status']}; "
        f"{e['n_sources']} sources ({e.get('n_independent_sources', e['n_sources'])} "
        f"independent). Event `{e['id']}`.",
    ]
    for o in roundup["outlets"]:
        lines += ["", f"### {o['outlet']}"]
        if o["cites"]:
            lines.append(f"Cites: {', '.join(o['cites'])}.")
        for r in o["reports"]:
            label = r["title"] or f"article {r['article_id']}"
            where = f"[{label}]({r['url']})" if r["url"] else label
            via = f", as reported by {r['via']}" if r["via"] else ""
            lines.append(f"- {where}, {r['published'] or 'undated'}{via}:")
            for q in r["quotes"]:
                who = f" ({q['speaker']})" if q["speaker"] else ""
                lines.append(f"  > {q['text']}{who}")
    if roundup["agreements"]:
        lines += ["", "### Where they agree"]
        for a in roundup["agreements"]:
            lines.append(f"- {a['field']}: {a['value']} ({', '.join(a['sources'])})")
    if roundup["differences"]:
        lines += ["", "### Where they differ"]
        for d in roundup["differences"]:
            vals = "; ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in d["values"])
            lines.append(f"- {d['field']}: {vals}")
    return "\n".join(lines)
