"""Feed documents into items: RSS 2.0 and Atom through feedparser, JSON Feed through json."""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from typing import Any

from sitrep.core.records import short_hash


class FeedError(Exception):
    """A feed document that gives no items: broken XML, not a feed at all."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    key: str  # derived from the entry's id, else its link, else title and date
    url: str | None
    title: str | None
    published: float | None  # seconds since the epoch, UTC
    content_html: str | None  # full text carried by the feed (content:encoded, content_html)
    content_text: str | None  # full text as plain text (JSON Feed content_text)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and items, in the feed's order."""

    title: str | None
    items: tuple[FeedItem, ...]


def parse_feed(body: bytes, content_type: str = "") -> ParsedFeed:
    """Items of an RSS 2.0, Atom or JSON Feed document; :class:`FeedError` if none can be read."""
    head = body[:64].lstrip()
    if "json" in content_type.lower() or head.startswith((b"{", b"\xef\xbb\xbf{")):
        return _json_feed(body)
    return _xml_feed(body)


def _item_key(*parts: Any) -> str:
    return short_hash(*(str(p) for p in parts if p))


def _xml_feed(body: bytes) -> ParsedFeed:
    import feedparser  # lazy: only the follower needs it

    parsed = feedparser.parse(body)
    if not parsed.entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            raise FeedError(f"not a readable feed (broken XML: {exc})")
        if not parsed.get("version"):
            raise FeedError("not an RSS, Atom or JSON feed")
    items = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        content = None
        # content:encoded (RSS) and <content> (Atom) carry the article itself;
        # <description>/<summary> is a teaser, so the page is fetched instead
        for c in e.get("content") or ():
            if c.get("value") and "html" in c.get("type", "html"):
                content = c["value"]
                break
            if c.get("value"):
                content = f"<p>{_escape(c['value'])}</p>"
                break
        link = e.get("link")
        items.append(
            FeedItem(
                key=_item_key(e.get("id") or link or (e.get("title"), e.get("published"))),
                url=link,
                title=e.get("title"),
                published=float(calendar.timegm(when)) if when else None,
                content_html=content,
                content_text=None,
            )
        )
    return ParsedFeed(title=parsed.feed.get("title"), items=tuple(items))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _json_feed(body: bytes) -> ParsedFeed:
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a readable JSON Feed ({exc})") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
        "https://jsonfeed.org/version/"
    ):
        raise FeedError("a JSON document without a JSON Feed version; not a feed")
    items = []
    for e in doc.get("items") or ():
        if not isinstance(e, dict):
            continue
        link = e.get("url") or e.get("external_url")
        items.append(
            FeedItem(
                key=_item_key(e.get("id") or link or (e.get("title"), e.get("date_published"))),
                url=link,
                title=e.get("title"),
                published=_rfc3339(e.get("date_published") or e.get("date_modified")),
                content_html=e.get("content_html") or None,
                content_text=e.get("content_text") or None,
            )
        )
    return ParsedFeed(title=doc.get("title"), items=tuple(items))


def _rfc3339(value: Any) -> float | None:
    from datetime import UTC, datetime

    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed's content), one line per block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter("p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"):
        el.tail = "\n" + (el.tail or "")
    return str(root.text_content())
