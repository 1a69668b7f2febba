"""Reading input files into :class:`~sitrep.core.records.Article` records.

:func:`read_inputs` is the entry point. It streams: one article (or one
:class:`~sitrep.core.records.Failure`) at a time, so memory stays flat however many
files, lines or rows there are. An input that cannot be read becomes a
``Failure(origin, reason)`` and the batch goes on; only a wrong call (an
unknown ``fmt``, a non-positive ``max_bytes``) raises.

Formats
    ``text``   UTF-8 plain text (``.txt .text .md``), BOM or not. The whole
               file is one article; its title is not guessed.
    ``html``   A web page (``.html .htm .xhtml``); main text and metadata come
               from trafilatura.
    ``jsonl``  One JSON object per line (``.jsonl .ndjson``, and ``.json``
               files written as JSON Lines).
    ``csv``    Comma-separated, header row first (``.csv``).

Fields of JSONL objects and CSV columns (names are matched case-insensitively
for CSV): ``text`` (required), ``title``, ``url``, ``outlet`` (alias
``source``), ``published`` (aliases ``published_at`` and ``date``; YYYY-MM-DD
or an ISO date-time, of which the calendar date as written is kept) and
``language`` (ISO 639-1). When a field and its alias are both set, the field
wins. Other fields are ignored.

Metadata precedence: what the input says wins; the ``outlet`` and
``published`` arguments fill what it does not say. For plain text the
arguments are the only metadata. For HTML the outlet is the page's declared
site name, else the ``outlet`` argument, else the page's host name.

Size limit: ``max_bytes`` (the ``max_article_bytes`` setting) applies to one
article. A text or HTML file over it is refused from its size alone, without
being read. A JSONL or CSV file may be of any size: it is read line by line
and the limit applies to each row's text.

Folders are walked recursively in name order; hidden files and folders (name
starting with ``.``) are skipped, and so are files whose extension is not one
of the above, documentation (README, LICENSE, COPYING, CHANGELOG, NOTICE,
AUTHORS, whatever their extension) and Markdown/reST notes (``.md``,
``.markdown``, ``.rst``): those are not failures, since folders often hold
unrelated files, but each is listed with why in the ingest summary
(``skipped``) and unsupported types are also logged at INFO (logger
``sitrep.ingest.sources``). A file named directly is always read: with an unknown
extension its first bytes are sniffed (``<html``/``<!doctype`` means HTML,
``{`` JSONL; a file without any extension falls back to plain text), and if
that fails it is a Failure. A forced ``fmt`` decides how each file is parsed;
it does not widen which files a folder walk picks up.

Every article's text has its line ends normalized to ``\\n``, each line
stripped of surrounding white space and blank lines dropped, so paragraphs are
separated by exactly one ``\\n``. Characters are otherwise kept as they are
(zero-width non-joiners inside Persian words included).
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
import os
import re
import shlex
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from sitrep.core.errors import ConfigError, UnsupportedFormat
from sitrep.core.records import Article, Failure

logger = logging.getLogger(__name__)

FORMATS = ("auto", "text", "html", "jsonl", "csv")

EXTENSIONS: Mapping[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
}
_SUPPORTED = " ".join(EXTENSIONS)

# Field names of JSONL objects / CSV columns, with their aliases, canonical first.
_FIELDS: Mapping[str, tuple[str, ...]] = {
    "title": ("title",),
    "url": ("url",),
    "outlet": ("outlet", "source"),
    "published": ("published", "published_at", "date"),
    "language": ("language",),
}
_KNOWN_COLUMNS = frozenset({"text"} | {name for names in _FIELDS.values() for name in names})

_SNIFF_BYTES = 8192
_BOM = codecs.BOM_UTF8
_ZWNJ, _ZWJ = "\u200c", "\u200d"
# Printable, NFC-stable symbols that stand in for ZWNJ/ZWJ while trafilatura
# works: it drops every non-printable character, and those two are part of
# Persian spelling (می‌گویند), not formatting noise.
_PLACEHOLDERS = ("\u2a6e", "\u2a6f", "\u2a74", "\u2a75", "\u2a76", "\u2a77")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_PERSIAN_ONLY = frozenset("پچژگیک")  # letters Arabic spelling does not use
_ARABIC_ONLY = frozenset("يكةى")  # Arabic forms Persian replaces with ی / ک
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_SENTENCE_END = re.compile(r"[.!?؟。۔…](?:[\"'”’»)\]]*)(?:\s|$)")


@dataclass(frozen=True)
class _Options:
    """The per-call settings every reader needs."""

    fmt: str
    outlet: str | None
    published: date | None
    max_bytes: int


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    fmt: str = "auto",
    outlet: str | None = None,
    published: date | None = None,
    max_bytes: int = 5_000_000,
    skipped: list[tuple[str, str]] | None = None,
) -> Iterator[Article | Failure]:
    """Stream the articles in ``paths`` (files or folders), in order.

    Yields an :class:`Article` for each article read and a :class:`Failure`
    for each input (file, JSONL line, CSV row, path) that gives none, with a
    reason saying what to do. ``fmt`` is one of :data:`FORMATS`; ``auto``
    decides per file from its extension, then its first bytes. ``outlet`` and
    ``published`` fill what an input does not say itself. ``max_bytes`` caps
    one article's size (see the module docstring). A single ``str`` or
    ``Path`` is taken as one path, not as an iterable of characters.
    ``skipped``, when given, receives ``(path, why)`` for each file a folder walk
    passed over (a README, a licence, Markdown notes, an unsupported type).

    Raises :class:`~sitrep.core.errors.UnsupportedFormat` for an unknown ``fmt``
    and :class:`~sitrep.core.errors.ConfigError` for a non-positive ``max_bytes``,
    at call time rather than on first iteration.
    """
    if fmt not in FORMATS:
        raise UnsupportedFormat(
            "format", f"unknown format {fmt!r}; valid formats are: {', '.join(FORMATS)}"
        )
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ConfigError(f"max_article_bytes must be a positive integer, got {max_bytes!r}")
    if isinstance(paths, str | Path):
        paths = [paths]
    options = _Options(fmt=fmt, outlet=outlet or None, published=published, max_bytes=max_bytes)
    return _printable_origins(_read_paths(paths, options, skipped))


def _printable_origins(items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Items whose origin is valid Unicode text.

    A file name that is not UTF-8 reaches Python with its bytes as lone
    surrogates, which neither the database nor a terminal accept: such bytes
    are written as ``\\xff`` instead.
    """
    for item in items:
        origin = item.origin
        if origin is not None and _SURROGATE.search(origin):
            try:
                raw = origin.encode("utf-8", "surrogateescape")
                shown = raw.decode("utf-8", "backslashreplace")
            except UnicodeEncodeError:  # a surrogate that stands for no file-name byte
                shown = _SURROGATE.sub("\ufffd", origin)
            item = replace(item, origin=shown)
        yield item


def _read_paths(
    paths: Iterable[str | Path],
    options: _Options,
    skipped: list[tuple[str, str]] | None = None,
) -> Iterator[Article | Failure]:
    for raw in paths:
        if isinstance(raw, str) and _URL.match(raw):
            yield Failure(
                raw,
                "URLs are not fetched (sitrep reads files, offline); save the page first, "
                "e.g. curl -o page.html URL, and pass the file",
            )
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield Failure(str(path), "path does not exist; check the spelling and the folder")
            continue
        except PermissionError:
            yield Failure(str(path), _PERMISSION)
            continue
        except OSError as exc:
            yield Failure(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            for item in _walk(path, skipped):
                if isinstance(item, Failure):
                    yield item
                else:
                    yield from _read_file(item, options)
        else:
            yield from _read_file(path, options)


_PERMISSION = "permission denied; make it readable (chmod) or run as a user who may read it"


# Files a folder of reports holds beside them that are not reports: documentation
# (README, LICENSE, ...) and Markdown notes. A file named directly is still read.
_DOC_STEMS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors"}
)
_NOTE_EXTENSIONS = frozenset({".md", ".markdown", ".rst"})


def _not_a_report(name: str) -> str | None:
    """Why a folder walk passes over a file of a readable type, or None to read it."""
    path = Path(name)
    if path.stem.lower() in _DOC_STEMS or path.name.lower() in _DOC_STEMS:
        return "documentation, not a report (name the file to read it anyway)"
    if path.suffix.lower() in _NOTE_EXTENSIONS:
        return "notes (Markdown), not a report (name the file to read it anyway)"
    return None


def _walk(folder: Path, listed: list[tuple[str, str]] | None = None) -> Iterator[Path | Failure]:
    """Files under ``folder`` with a known extension, depth first, in name order;
    the files passed over go to ``listed`` as ``(path, why)``."""
    skipped: Counter[str] = Counter()
    seen: set[tuple[int, int]] = set()  # (device, inode): symlinked folders may loop

    def visit(current: Path) -> Iterator[Path | Failure]:
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in seen:
                return
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except PermissionError:
            yield Failure(str(current), f"folder {_PERMISSION}")
            return
        except OSError as exc:
            yield Failure(str(current), f"folder cannot be listed ({exc.strerror or exc})")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                yield from visit(Path(entry.path))
                continue
            suffix = Path(entry.name).suffix.lower()
            why = _not_a_report(entry.name)
            if why is None and suffix in EXTENSIONS:
                yield Path(entry.path)
                continue
            if why is None:
                why = f"unsupported file type {suffix or '(no extension)'}; supported: {_SUPPORTED}"
                skipped[suffix or "(no extension)"] += 1
            if listed is not None:
                listed.append((entry.path, why))

    yield from visit(folder)
    if skipped:
        logger.info(
            "%s: skipped %d file(s) of unsupported type (%s); supported: %s",
            folder,
            sum(skipped.values()),
            ", ".join(f"{ext} x{n}" for ext, n in sorted(skipped.items())),
            _SUPPORTED,
        )


def _read_file(path: Path, options: _Options) -> Iterator[Article | Failure]:
    origin = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield Failure(origin, "not a regular file (a device, pipe or socket); name a file")
            return
        if info.st_size == 0:
            yield Failure(origin, "file is empty")
            return
        with _open(path) as fh:
            head = fh.read(_SNIFF_BYTES)
            fh.seek(0)
            fmt = options.fmt
            if fmt == "auto":
                fmt_or_failure = _guess_format(path, head)
                if isinstance(fmt_or_failure, Failure):
                    yield fmt_or_failure
                    return
                fmt = fmt_or_failure
            if fmt in ("text", "html") and info.st_size > options.max_bytes:
                # Refused from its size alone: the file is never read whole.
                yield Failure(origin, _too_big(info.st_size, options.max_bytes, "file"))
                return
            binary = _binary_reason(head, path)
            if binary:
                yield Failure(origin, binary)
                return
            if fmt == "jsonl":
                yield from _read_jsonl(fh, path, options)
                return
            if fmt == "csv":
                yield from _read_csv(fh, path, options)
                return
            # Read one byte past the limit in case the file grew since stat().
            data = fh.read(options.max_bytes + 1)
    except PermissionError:
        yield Failure(origin, _PERMISSION)
        return
    except OSError as exc:
        yield Failure(origin, f"cannot be read ({exc.strerror or exc})")
        return
    if len(data) > options.max_bytes:
        yield Failure(origin, _too_big(len(data), options.max_bytes, "file"))
    elif fmt == "html":
        yield _read_html(data, path, options)
    else:
        yield _read_text(data, path, options)


def _open(path: Path) -> IO[bytes]:
    """Open a file for binary reading (one place, so tests can fail it)."""
    return path.open("rb")


def _guess_format(path: Path, head: bytes) -> str | Failure:
    """The format of ``path`` from its extension, else from its first bytes."""
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    start = head.removeprefix(_BOM).lstrip()[:64].lower()
    if start.startswith((b"<!doctype", b"<html")) or (
        start.startswith(b"<?xml") and b"<html" in head[:1024].lower()
    ):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    if not suffix:
        return "text"
    return Failure(
        str(path),
        f"unsupported file type {suffix}; supported: {_SUPPORTED} "
        "(or force one with the format option)",
    )


def _binary_reason(head: bytes, path: Path) -> str | None:
    """Why the first bytes of a file say it is not text, or None."""
    quoted = shlex.quote(str(path))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (
            "is UTF-16 text, not UTF-8; re-encode it: "
            f"iconv -f UTF-16 -t UTF-8 {quoted} > {quoted}.utf8"
        )
    if b"\x00" in head:
        return "looks like a binary file, not text/HTML/JSONL/CSV (it holds NUL bytes)"
    # Control bytes other than tab, newlines, form feed and escape are rare in text.
    controls = sum(1 for b in head if (b < 32 and b not in b"\t\n\r\x0b\x0c\x1b") or b == 127)
    if controls > max(8, len(head) // 20):
        return "looks like a binary file, not text/HTML/JSONL/CSV (mostly control bytes)"
    return None


def _too_big(size: int, limit: int, what: str) -> str:
    return (
        f"{what} is {size:,} bytes, over the limit of {limit:,} bytes per article; "
        "raise the setting max_article_bytes if it really is one article"
    )


def _decode(data: bytes, path: Path | str, *, base_offset: int = 0) -> str | Failure:
    """UTF-8 text of ``data`` (BOM dropped), or a Failure saying where it broke."""
    bom = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = base_offset + bom + exc.start
        return Failure(str(path), _bad_utf8(data[bom + exc.start], offset, path))


def _bad_utf8(byte: int, offset: int, path: Path | str) -> str:
    quoted = shlex.quote(str(path))
    return (
        f"is not valid UTF-8 (byte 0x{byte:02x} at byte offset {offset}); re-encode it "
        f"from its real encoding, e.g. iconv -f WINDOWS-1256 -t UTF-8 {quoted} > {quoted}.utf8"
    )


def _c1_as_windows_1252() -> dict[int, str]:
    table = {}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # five codes Windows-1252 leaves undefined
            continue
    return table


# The C1 control characters (U+0080-U+009F) in a text are almost always Windows-1252
# punctuation a feed decoded as Latin-1 (a dash U+0097, quotes U+0093/U+0094): read as
# controls, "The men \x97 49-year-old ... \x97 were captured in Alliance" loses the
# dashes that set the names apart and the town reads as taken. Browsers read the
# Latin-1 label as Windows-1252 for the same reason. One character for one: spans
# still point where the source put them.
C1_AS_WINDOWS_1252 = _c1_as_windows_1252()


def clean_text(text: str) -> str:
    """Normalize line ends; one ``\\n`` between non-blank, stripped lines; C1
    control characters read as the Windows-1252 punctuation they stand for.

    Nothing else changes: no Unicode normalization, no folding, so spans
    computed on the result point into what the source said.
    """
    text = text.translate(C1_AS_WINDOWS_1252)
    return "\n".join(s for line in text.splitlines() if (s := line.strip()))


# -- plain text -----------------------------------------------------------------


def _read_text(data: bytes, path: Path, options: _Options) -> Article | Failure:
    decoded = _decode(data, path)
    if isinstance(decoded, Failure):
        return decoded
    return _make(
        decoded,
        origin=str(path),
        empty="file has no text (only white space)",
        outlet=options.outlet,
        published=options.published,
    )


def _make(
    raw_text: str,
    *,
    origin: str,
    empty: str,
    language: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: date | None = None,
) -> Article | Failure:
    """Clean the text, detect its language if not given, build the Article."""
    text = clean_text(raw_text)
    if not text:
        return Failure(origin, empty)
    if not any(ch.isalpha() for ch in text):
        return Failure(origin, "the text has no words (only digits, punctuation or symbols)")
    return Article.make(
        text,
        language=language or detect_language(text),
        outlet=outlet,
        url=url,
        title=title,
        published_at=published,
        origin=origin,
    )


# -- HTML -----------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_JOINER_ENTITIES = {
    _ZWNJ: re.compile(r"\u200c|&zwnj;|&#0*8204;|&#x0*200c;", re.I),
    _ZWJ: re.compile(r"\u200d|&zwj;|&#0*8205;|&#x0*200d;", re.I),
}


def _read_html(data: bytes, path: Path | str, options: _Options) -> Article | Failure:
    origin = str(path)
    html = _decode_html(data, path)
    if isinstance(html, Failure):
        return html
    html, restore = _protect_joiners(html)
    try:
        doc = _extract_html(html)
    except Exception as exc:  # a third-party parser: record and go on with the batch
        return Failure(origin, f"the HTML could not be parsed ({type(exc).__name__}: {exc})")
    text = restore(doc.text) if doc is not None and doc.text else ""
    if not _has_prose(clean_text(text)):
        return Failure(
            origin, "no article text found in the HTML page (is it an index or a login page?)"
        )
    assert doc is not None
    return _make(
        text,
        origin=origin,
        empty="no article text found in the HTML page (is it an index or a login page?)",
        outlet=_html_outlet(doc.sitename, doc.hostname, doc.url, options.outlet),
        url=doc.url or None,
        title=(restore(doc.title).strip() or None) if doc.title else None,
        published=(_parse_date(doc.date) if doc.date else None) or options.published,
    )


def read_html_page(
    data: bytes,
    origin: str,
    *,
    outlet: str | None = None,
    published: date | None = None,
    max_bytes: int = 5_000_000,
) -> Article | Failure:
    """One web page fetched from ``origin`` (a URL), read as an ``.html`` file is.

    For the feed follower: the same decoding, trafilatura extraction and
    metadata precedence as :func:`read_inputs` gives a saved page.
    """
    if len(data) > max_bytes:
        return Failure(origin, _too_big(len(data), max_bytes, "page"))
    options = _Options(fmt="html", outlet=outlet or None, published=published, max_bytes=max_bytes)
    return _read_html(data, origin, options)


def _extract_html(html: str) -> Any:
    import trafilatura  # lazy: costly import, only needed for HTML

    return trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)


def _decode_html(data: bytes, path: Path | str) -> str | Failure:
    """UTF-8 first; else the charset the page declares in its first bytes."""
    decoded = _decode(data, path)
    if not isinstance(decoded, Failure):
        return decoded
    declared = _META_CHARSET.search(data[:4096])
    if not declared:
        return decoded
    name = declared.group(1).decode("ascii")
    try:
        return data.decode(name)
    except LookupError:
        return Failure(
            str(path),
            f"declares an unknown charset {name!r} and {decoded.reason.removeprefix('is ')}",
        )
    except UnicodeDecodeError as exc:
        return Failure(
            str(path),
            f"declares charset {name!r} but is not valid {name} at byte offset {exc.start}; "
            "re-encode it as UTF-8 with iconv",
        )


def _protect_joiners(html: str) -> tuple[str, Callable[[str], str]]:
    """Swap ZWNJ/ZWJ for printable stand-ins; return the page and the undo."""
    free = [p for p in _PLACEHOLDERS if p not in html]
    swaps: list[tuple[str, str]] = []
    for joiner, pattern in _JOINER_ENTITIES.items():
        if not free or not pattern.search(html):
            continue
        stand_in = free.pop(0)
        html = pattern.sub(stand_in, html)
        swaps.append((stand_in, joiner))

    def restore(text: str) -> str:
        for stand_in, joiner in swaps:
            text = text.replace(stand_in, joiner)
        return text

    return html, restore


def _has_prose(text: str) -> bool:
    """Whether extracted text holds at least one sentence-like paragraph.

    trafilatura falls back to whatever text a page has, so a navigation list
    or a login form comes back as "text"; a paragraph of eight words or more
    with a sentence end is what sets an article apart from such a page.
    """
    return any(len(line.split()) >= 8 and _SENTENCE_END.search(line) for line in text.splitlines())


def _html_outlet(
    sitename: str | None, hostname: str | None, url: str | None, default: str | None
) -> str | None:
    """The page's declared site name, else ``default``, else its host name."""
    # trafilatura fills sitename from the URL when the page declares none;
    # a name found inside the URL is such a stand-in, weaker than --outlet.
    declared = sitename and not (url and sitename.lower() in url.lower())
    if declared:
        return sitename
    return default or hostname or sitename or None


# -- JSONL ----------------------------------------------------------------------


def _read_jsonl(fh: IO[bytes], path: Path, options: _Options) -> Iterator[Article | Failure]:
    origin = str(path)
    head = fh.read(_SNIFF_BYTES).removeprefix(_BOM).lstrip()
    fh.seek(0)
    if head.startswith(b"["):
        quoted = shlex.quote(origin)
        yield Failure(
            origin,
            "holds a JSON array, but JSON Lines (one object per line) is needed; "
            f"convert it: jq -c '.[]' {quoted} > {quoted}l",
        )
        return
    if head.startswith(b"<"):
        yield Failure(origin, "looks like HTML or XML, not JSON Lines; read it as html")
        return
    # JSON escapes can make a line up to 6x the text it carries (\u0000).
    line_limit = 6 * options.max_bytes + 65536
    offset = line_no = 0
    while True:
        raw = fh.readline(line_limit)
        if not raw:
            return
        line_no += 1
        start = offset
        offset += len(raw)
        here = f"{origin}:{line_no}"
        if len(raw) == line_limit and not raw.endswith(b"\n"):
            offset += _skip_line(fh)
            yield Failure(here, _too_big(offset - start, options.max_bytes, "line"))
            continue
        if line_no == 1 and raw.startswith(_BOM):
            raw, start = raw[len(_BOM) :], start + len(_BOM)
        if not raw.strip():
            continue  # blank lines separate nothing in JSONL; tolerate them
        decoded = _decode(raw, path, base_offset=start)
        if isinstance(decoded, Failure):
            yield Failure(here, decoded.reason)
            continue
        try:
            obj = json.loads(decoded)
        except RecursionError:
            # json's C decoder recurses per nesting level; no article nests that deep.
            yield Failure(here, "JSON nested too deeply; each line must be one flat object")
            continue
        except json.JSONDecodeError as exc:
            if line_no == 1 and path.suffix.lower() == ".json":
                quoted = shlex.quote(origin)
                yield Failure(
                    origin,
                    "is not JSON Lines: its first line is not a whole JSON object "
                    "(pretty-printed JSON?); write one object per line, e.g. "
                    f"jq -c . {quoted} > {quoted}l",
                )
                return
            yield Failure(
                here,
                f"invalid JSON ({exc.msg} at column {exc.colno}); each line must be one object",
            )
            continue
        if not isinstance(obj, dict):
            yield Failure(
                here,
                f"line is a JSON {_json_kind(obj)}, not an object; "
                'each line must be one object with a "text" field',
            )
            continue
        try:
            yield _row_to_article(obj, here, options)
        except Exception as exc:  # one odd line must not end the batch
            logger.warning("%s: unexpected error reading the line", here, exc_info=True)
            yield Failure(here, f"could not be read ({type(exc).__name__}: {_clip(str(exc))})")


def _clip(value: str, limit: int = 200) -> str:
    """``value`` cut to ``limit`` characters, saying how much was cut."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}... ({len(value) - limit:,} more characters)"


def _surrogate_at(value: str) -> int | None:
    """Index of the first lone UTF-16 surrogate in ``value`` (JSON allows ``\\ud800``)."""
    match = _SURROGATE.search(value)
    return match.start() if match else None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _skip_line(fh: IO[bytes]) -> int:
    """Read past the rest of an over-long line in chunks; return bytes skipped."""
    skipped = 0
    while chunk := fh.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _json_kind(value: object) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)


def _row_to_article(
    fields: Mapping[str, object], origin: str, options: _Options
) -> Article | Failure:
    """One JSONL object or CSV row as an Article, or why it is not one."""
    text = fields.get("text")
    if text is None or text == "":
        return Failure(origin, 'no "text" field, or it is empty; every row needs its text')
    if not isinstance(text, str):
        return Failure(origin, f'"text" must be a string, got a JSON {_json_kind(text)}')
    for name, value in fields.items():
        if name not in _KNOWN_COLUMNS:
            continue
        # A lone surrogate cannot be written as UTF-8 (not to the database, not to
        # a terminal): refuse the row, not the batch.
        if isinstance(value, str) and (at := _surrogate_at(value)) is not None:
            return Failure(
                origin,
                f'"{name}" holds a lone UTF-16 surrogate '
                f"(U+{ord(value[at]):04X} at character {at}), which is not valid Unicode text; "
                "fix the escape sequence where the file was written",
            )
    size = len(text.encode("utf-8"))
    if size > options.max_bytes:
        return Failure(origin, _too_big(size, options.max_bytes, "article text"))
    values: dict[str, str | None] = {}
    for name, aliases in _FIELDS.items():
        values[name] = None
        for alias in aliases:
            value = fields.get(alias)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if not isinstance(value, str):
                return Failure(
                    origin, f'"{alias}" must be a string, got a JSON {_json_kind(value)}'
                )
            values[name] = value.strip()
            break
    published = options.published
    if values["published"]:
        published = _parse_date(values["published"])
        if published is None:
            return Failure(
                origin,
                f"published date {values['published']!r} is not YYYY-MM-DD or an ISO date-time",
            )
    language = None
    if values["language"]:
        language = _language_code(values["language"])
        if language is None:
            return Failure(
                origin,
                f"language {values['language']!r} is not an ISO 639-1 code such as en, fa or ar",
            )
    return _make(
        text,
        origin=origin,
        empty='"text" holds only white space',
        language=language,
        outlet=values["outlet"] or options.outlet,
        url=values["url"],
        title=values["title"],
        published=published,
    )


def _parse_date(value: str) -> date | None:
    """A calendar date from YYYY-MM-DD or an ISO date-time (its date as written)."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _language_code(value: str) -> str | None:
    """``en``, ``EN``, ``fa-IR``, ``ar_SY`` -> the ISO 639-1 code, else None."""
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return primary if len(primary) == 2 and primary.isascii() and primary.isalpha() else None


# -- CSV ------------------------------------------------------------------------


def _read_csv(fh: IO[bytes], path: Path, options: _Options) -> Iterator[Article | Failure]:
    origin = str(path)
    # csv's limit counts characters, which never outnumber UTF-8 bytes, so a
    # field over max_bytes characters is over the article limit anyway. The
    # limit is process-wide: only ever raise it, never lower it.
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes + 1))
    state = _LineState()
    reader = csv.reader(_decoded_lines(fh, options.max_bytes, state))
    row_no = 0
    header: dict[str, int] = {}
    while True:
        state.bad_utf8 = None
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LineTooLong as exc:
            yield Failure(
                f"{origin}:{row_no + 1}",
                _too_big(exc.size, options.max_bytes, "line") + "; the rows after it were not read",
            )
            return
        except csv.Error as exc:
            row_no += 1
            if "field larger than field limit" in str(exc):
                reason = (
                    f"a field is over the limit of {options.max_bytes:,} bytes per article; "
                    "raise the setting max_article_bytes if it really is one article"
                )
            else:
                reason = f"malformed CSV row ({exc}); check its quotes"
            yield Failure(f"{origin}:{row_no}", reason)
            continue
        except OSError as exc:
            yield Failure(origin, f"reading stopped after row {row_no} ({exc.strerror or exc})")
            return
        row_no += 1
        if not header:
            if not any(cell.strip() for cell in row):
                continue  # blank lines before the header
            for i, cell in enumerate(row):
                header.setdefault(cell.strip().lower(), i)
            if "text" not in header:
                yield Failure(origin, _no_text_column(row))
                return
            continue
        if not row:
            continue  # a blank line
        here = f"{origin}:{row_no}"
        if state.bad_utf8 is not None:
            byte, offset = state.bad_utf8
            yield Failure(here, _bad_utf8(byte, offset, path))
            continue
        fields = {
            name: row[i] for name, i in header.items() if name in _KNOWN_COLUMNS and i < len(row)
        }
        yield _row_to_article(fields, here, options)


class _LineTooLong(Exception):
    """A CSV line too long to hold; raised through csv.reader to stop the file."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


@dataclass
class _LineState:
    """What the line source saw while csv pulled the current row through it."""

    bad_utf8: tuple[int, int] | None = None  # (byte, offset) of the first bad byte


def _decoded_lines(fh: IO[bytes], max_bytes: int, state: _LineState) -> Iterator[str]:
    """The file's lines as text, flagging bad UTF-8 instead of stopping on it."""
    # Quotes are doubled in CSV, so a line is at most twice the text it carries.
    line_limit = 2 * max_bytes + 65536
    offset = 0
    first = True
    while raw := fh.readline(line_limit):
        if len(raw) == line_limit and not raw.endswith(b"\n"):
            # csv needs whole lines: give up on the file rather than hold this one.
            raise _LineTooLong(len(raw) + _skip_line(fh))
        start = offset
        offset += len(raw)
        if first and raw.startswith(_BOM):
            raw, start = raw[len(_BOM) :], start + len(_BOM)
        first = False
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if state.bad_utf8 is None:
                state.bad_utf8 = (raw[exc.start], start + exc.start)
            yield raw.decode("utf-8", errors="replace")


def _no_text_column(header: list[str]) -> str:
    found = ", ".join(repr(c.strip()) for c in header) or "none"
    hint = ""
    if len(header) == 1 and any(sep in header[0] for sep in ";\t|"):
        hint = " (the separator must be a comma; this file seems to use another one)"
    return (
        f'has no "text" column, which is required; columns found: {found}{hint}. '
        "Optional columns: title, url, outlet, published, language"
    )


# -- language -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _identifier() -> Any:
    import hashlib

    from py3langid import langid  # lazy: loads a model

    from sitrep.core.config import default_config
    from sitrep.core.fast_copy import load_with_copy

    # read through a plain-pickle copy in the cache (the model file is LZMA-compressed:
    # a tenth of the start-up cost); the process has no settings here, so the copy
    # goes to the default cache folder, and a folder it cannot write is passed over
    path = langid.MODEL_DIR / langid.MODEL_FILE
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    copy = default_config().cache_path / "langid" / f"model-{key}.pickle"
    return load_with_copy(
        path,
        lambda p: langid.LanguageIdentifier.from_model_file(p, norm_probs=True),
        copy=copy,
    )


# py3langid's cost grows with the text: a confident answer on this many leading
# characters is taken without classifying the whole sample.
QUICK_SAMPLE = 2_000
QUICK_CONFIDENCE = 0.999


# Words that are common in any English text and are not words of the other
# languages written in Latin letters that news comes in (no "in", "is", "was",
# "of", "die", "will": German, Dutch or Scandinavian words too).
_ENGLISH_MARKERS = frozenset(
    "the and that with from were which this they their been has are said but who "
    "would there its after about when into than them also have what been".split()
)
_ASCII_WORD = re.compile(r"[A-Za-z]+")
# A sample is plainly English when it has this many words, this share of them
# are markers, and (nearly) every letter is a plain ASCII one: py3langid, which
# costs about a millisecond per article, then has nothing to decide.
PLAIN_MIN_WORDS = 40
PLAIN_MARKER_SHARE = 0.12
PLAIN_ASCII_SHARE = 0.98


def _plainly_english(head: str) -> bool:
    """True when ``head`` is English beyond doubt."""
    words = _ASCII_WORD.findall(head)
    if len(words) < PLAIN_MIN_WORDS:
        return False
    if sum(map(len, words)) < PLAIN_ASCII_SHARE * sum(map(str.isalpha, head)):
        return False
    marked = sum(1 for w in words if w.lower() in _ENGLISH_MARKERS)
    return marked >= PLAIN_MARKER_SHARE * len(words)


def detect_language(text: str, *, sample: int = 20_000) -> str:
    """The ISO 639-1 code of ``text``'s language ("en", "fa", "ar", ...).

    A plainly English text (:func:`_plainly_english` on the first
    :data:`QUICK_SAMPLE` characters: enough words, nearly all letters ASCII,
    English-only function words common among them) is English without asking
    py3langid. Otherwise py3langid decides, on the first ``sample`` characters; when its answer on
    the first :data:`QUICK_SAMPLE` characters is already near-certain (at least
    :data:`QUICK_CONFIDENCE`) and the text is not mostly Arabic-script, that
    answer stands and the longer sample is not classified. When most letters
    are Arabic-script and py3langid is unsure (probability under 0.9, or a
    language other than Persian or Arabic), Persian-only letters (پ چ ژ گ
    and Persian ی ک) against Arabic-only forms (ي ك ة ى) settle it. Labels
    py3langid has no two-letter code for are returned as it gives them.
    """
    head = text[:sample]
    # every Arabic-script character, kept when it is a letter (C-speed scan)
    arabic_letters = [ch for ch in _ARABIC_SCRIPT.findall(head) if ch.isalpha()]
    # the letters are counted only when some are Arabic: with none the text is not
    # mostly Arabic whatever their number (counting 20,000 characters one by one in
    # Python was most of reading a JSONL line)
    mostly_arabic = bool(arabic_letters) and len(arabic_letters) / sum(map(str.isalpha, head)) > 0.5
    if not mostly_arabic and _plainly_english(head[:QUICK_SAMPLE]):
        return "en"
    if len(head) > QUICK_SAMPLE and not mostly_arabic:
        label, prob = _identifier().classify(head[:QUICK_SAMPLE])
        if prob >= QUICK_CONFIDENCE:
            return str(label)
    label, prob = _identifier().classify(head)
    if mostly_arabic:
        confident = label in ("fa", "ar") and prob >= 0.9
        if not confident:
            persian = sum(1 for ch in arabic_letters if ch in _PERSIAN_ONLY)
            arabic = sum(1 for ch in arabic_letters if ch in _ARABIC_ONLY)
            return "fa" if persian > arabic else "ar"
    return str(label)


__all__ = ["EXTENSIONS", "FORMATS", "clean_text", "detect_language", "read_inputs"]
