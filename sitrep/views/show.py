"""``sitrep show``: an article's sentences with their claims and mentions."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from sitrep.store import Store, claims, mentions


def article_report(store: Store, article_id: str) -> dict[str, Any]:
    """The article, each sentence with who asserts it and what was read in it."""
    art = store.article(article_id)
    with store.engine.connect() as conn:
        claim_rows = (
            conn.execute(
                select(claims)
                .where(claims.c.article_id == art.id)
                .order_by(claims.c.sentence_index)
            )
            .mappings()
            .all()
        )
        mention_rows = (
            conn.execute(
                select(mentions)
                .where(mentions.c.article_id == art.id)
                .order_by(mentions.c.sentence_index, mentions.c.id)
            )
            .mappings()
            .all()
        )
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for m in mention_rows:
        by_sentence.setdefault(m["sentence_index"], []).append(
            {
                "id": m["id"],
                "event_id": m["event_id"],
                "sub_event_type": m["sub_event_type"],
                "status": m["status"],
                "trigger": m["trigger"],
                "actor1": m["actor1"],
                "actor2": m["actor2"],
                "assoc_actors": json.loads(m["assoc_actors"]),
                "place_id": m["place_id"],
                "matched_text": m["matched_text"],
                "date": m["date"].isoformat() if m["date"] else None,
                "date_precision": m["date_precision"],
                "date_inferred": m["date_inferred"],
                "reference": m["reference"],
                "confidence": m["confidence"],
            }
        )
    sentences = [
        {
            "index": c["sentence_index"],
            "paragraph": c["paragraph"],
            "text": art.text[c["start"] : c["end"]],
            "source": c["source"],
            "speaker": c["speaker"],
            "reported_verb": c["reported_verb"],
            "inherited": c["inherited"],
            "mentions": by_sentence.get(c["sentence_index"], []),
        }
        for c in claim_rows
    ]
    return {
        "id": art.id,
        "outlet": art.outlet,
        "title": art.title,
        "url": art.url,
        "published": art.published_at.isoformat() if art.published_at else None,
        "language": art.language,
        "origin": art.origin,
        "status": art.status,
        "error": art.error,
        "sentences": sentences,
    }


def format_report(report: dict[str, Any]) -> str:
    """The report as readable text."""
    lines = [
        f"article {report['id']}  {report['outlet'] or '?'}  {report['published'] or '?'}  "
        f"[{report['language']}] {report['status']}",
    ]
    if report["title"]:
        lines.append(f"title: {report['title']}")
    if report["error"]:
        lines.append(f"error: {report['error']}")
    for s in report["sentences"]:
        who = s["source"] + (f" / {s['speaker']}" if s["speaker"] else "")
        mark = "~" if s["inherited"] else " "
        lines.append(f"\n[{s['index']}] {mark}{who}: {s['text']}")
        for m in s["mentions"]:
            lines.append(
                f"    -> {m['status']:<10} {m['sub_event_type']} | {m['actor1'] or '-'} vs "
                f"{m['actor2'] or '-'} | {m['matched_text'] or '-'} ({m['place_id']}) | "
                f"{m['date'] or '-'} {m['date_precision'] or ''}"
                f"{' inferred' if m['date_inferred'] else ''}"
                f"{' [reference]' if m['reference'] else ''} | event {m['event_id']}"
            )
    return "\n".join(lines)


def list_articles(
    store: Store,
    *,
    outlet: str | None = None,
    since: Any = None,
    until: Any = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored articles, newest first: ``{id, outlet, published, title, language, status,
    n_mentions, url}``. ``outlet`` is a case-insensitive substring; ``since``/``until``
    bound the publication date (inclusive; undated articles are left out by either)."""
    from sitrep.store import articles

    query = select(
        articles.c.id,
        articles.c.outlet,
        articles.c.published_at,
        articles.c.title,
        articles.c.language,
        articles.c.status,
        articles.c.n_mentions,
        articles.c.url,
    )
    if outlet:
        query = query.where(articles.c.outlet.ilike(f"%{outlet}%"))
    if since is not None:
        query = query.where(articles.c.published_at >= since)
    if until is not None:
        query = query.where(articles.c.published_at <= until)
    # newest first; undated last; the id breaks ties so the order is stable
    query = query.order_by(
        articles.c.published_at.is_(None), articles.c.published_at.desc(), articles.c.id
    )
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        {
            "id": r["id"],
            "outlet": r["outlet"],
            "published": r["published_at"].isoformat() if r["published_at"] else None,
            "title": r["title"],
            "language": r["language"],
            "status": r["status"],
            "n_mentions": r["n_mentions"],
            "url": r["url"],
        }
        for r in rows
    ]
