"""Tests of sitrep.ingest.sources: every format, metadata precedence and bad inputs."""

from __future__ import annotations

import importlib
import json
import logging
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from sitrep.core.errors import ConfigError, UnsupportedFormat
from sitrep.core.records import Article, Failure
from sitrep.ingest.sources import FORMATS, detect_language, read_inputs

# The module itself (the package namespace may bind "ingest" to a function).
ingest = importlib.import_module("sitrep.ingest.sources")

ZWNJ = "\u200c"
EN = (
    "Syrian government forces recaptured the eastern city of Deir al-Zour from "
    "Islamic State fighters on Friday, a military spokesman said."
)
EN2 = "The army described the victory as the last phase of its campaign against the group."
FA = f"نیروهای ارتش سوریه روز جمعه شهر دیرالزور را از گروه داعش پس گرفتند و سخنگوی ارتش می{ZWNJ}گوید این آخرین مرحله است."  # noqa: E501
AR = "استعادت القوات الحكومية السورية يوم الجمعة مدينة دير الزور من مقاتلي تنظيم الدولة الإسلامية، وفق متحدث عسكري."  # noqa: E501

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Army retakes Deir al-Zour | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta property="article:published_time" content="2017-11-03T18:00:00Z">
<link rel="canonical" href="https://herald.example.com/world/deir-al-zour">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Army retakes Deir al-Zour</h1>
<p>{EN}</p>
<p>{EN2}</p>
</article>
<footer>Copyright Example Herald</footer>
</body></html>
"""

BARE_PAGE = f"""<html><body><article><p>{EN}</p><p>{EN2}</p></article></body></html>"""

NAV_PAGE = """<!doctype html><html><head><title>Index</title></head><body>
<nav><ul><li><a href="/a">World</a></li><li><a href="/b">Politics</a></li>
<li><a href="/c">Sports</a></li><li><a href="/d">Weather</a></li></ul></nav>
</body></html>"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write a fixture file (str as UTF-8) and return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read(*paths: Path | str, **kwargs: object) -> list[Article | Failure]:
    return list(read_inputs(list(paths), **kwargs))  # type: ignore[arg-type]


def one_article(*paths: Path | str, **kwargs: object) -> Article:
    [item] = read(*paths, **kwargs)
    assert isinstance(item, Article), item
    return item


def one_failure(*paths: Path | str, **kwargs: object) -> Failure:
    [item] = read(*paths, **kwargs)
    assert isinstance(item, Failure), item
    return item


# -- the call itself ------------------------------------------------------------


def test_unknown_format_raises_at_call_time_listing_valid_ones() -> None:
    with pytest.raises(UnsupportedFormat) as err:
        read_inputs(["x.txt"], fmt="pdf")  # not iterated: must raise anyway
    for name in FORMATS:
        assert name in str(err.value)


def test_non_positive_max_bytes_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="max_article_bytes"):
        read_inputs(["x.txt"], max_bytes=0)


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", EN)
    [item] = read_inputs(str(path))
    assert isinstance(item, Article)


# -- plain text -----------------------------------------------------------------


def test_plain_text_keeps_paragraphs_and_takes_metadata_from_arguments(tmp_path: Path) -> None:
    raw = "\ufeff" + f"  {EN}\r\n\r\n\r\n{EN2}\r\nThird line.\n"
    path = write(tmp_path, "report.txt", raw)
    art = one_article(path, outlet="Tabnak", published=date(2017, 11, 4))
    assert art.text == f"{EN}\n{EN2}\nThird line."
    assert art.title is None
    assert art.outlet == "Tabnak"
    assert art.published_at == date(2017, 11, 4)
    assert art.language == "en"
    assert art.origin == str(path)


def test_plain_text_without_arguments_has_no_metadata(tmp_path: Path) -> None:
    art = one_article(write(tmp_path, "report.md", EN))
    assert (art.outlet, art.published_at, art.url, art.title) == (None, None, None, None)


def test_zwnj_survives_plain_text(tmp_path: Path) -> None:
    art = one_article(write(tmp_path, "fa.txt", FA))
    assert f"می{ZWNJ}گوید" in art.text
    assert art.language == "fa"


def test_same_input_twice_gives_same_ids(tmp_path: Path) -> None:
    text = write(tmp_path, "a.txt", EN)
    rows = write(tmp_path, "a.jsonl", json.dumps({"text": EN2, "outlet": "BBC"}) + "\n")
    first = read(text, rows, outlet="Tabnak", published=date(2017, 11, 4))
    second = read(text, rows, outlet="Tabnak", published=date(2017, 11, 4))
    ids = [a.id for a in first if isinstance(a, Article)]
    assert len(ids) == 2
    assert ids == [a.id for a in second if isinstance(a, Article)]
    other = one_article(text, outlet="Press TV", published=date(2017, 11, 4))
    assert other.id != ids[0]
    assert other.content_hash == first[0].content_hash  # type: ignore[union-attr]


# -- HTML -----------------------------------------------------------------------


def test_html_page_metadata_wins_over_arguments(tmp_path: Path) -> None:
    art = one_article(
        write(tmp_path, "page.html", PAGE), outlet="Given", published=date(2000, 1, 1)
    )
    assert EN in art.text and EN2 in art.text
    assert f"{EN}\n{EN2}" in art.text  # paragraphs kept as "\n"
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.title == "Army retakes Deir al-Zour"
    assert art.outlet == "Example Herald"
    assert art.published_at == date(2017, 11, 3)
    assert art.url == "https://herald.example.com/world/deir-al-zour"
    assert art.language == "en"


def test_html_without_metadata_takes_arguments(tmp_path: Path) -> None:
    path = write(tmp_path, "bare.htm", BARE_PAGE)
    art = one_article(path, outlet="Given", published=date(2017, 11, 4))
    assert (art.outlet, art.published_at) == ("Given", date(2017, 11, 4))
    assert one_article(path).outlet is None


def test_html_host_name_is_the_last_resort_for_the_outlet(tmp_path: Path) -> None:
    page = BARE_PAGE.replace(
        "<html>", '<html><head><link rel="canonical" href="https://www.tabnak.example/a/1"></head>'
    )
    path = write(tmp_path, "hosted.html", page)
    assert one_article(path, outlet="Tabnak").outlet == "Tabnak"
    assert one_article(path).outlet == "tabnak.example"


def test_html_page_without_article_is_a_failure(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "index.html", NAV_PAGE))
    assert fail.reason == (
        "no article text found in the HTML page (is it an index or a login page?)"
    )


def test_zwnj_survives_html_as_character_and_entity(tmp_path: Path) -> None:
    page = (
        '<html><head><meta property="og:site_name" content="Tabnak"></head><body><article>'
        f"<p>{FA}</p><p>{FA.replace(ZWNJ, '&zwnj;').replace('دیرالزور', 'البوکمال')}</p>"
        "</article></body></html>"
    )
    art = one_article(write(tmp_path, "fa.html", page))
    assert art.text.count(f"می{ZWNJ}گوید") == 2
    assert "\u2a6e" not in art.text  # the stand-in is gone again
    assert art.language == "fa"
    assert art.outlet == "Tabnak"


def test_html_in_a_declared_legacy_charset_is_decoded(tmp_path: Path) -> None:
    page = BARE_PAGE.replace("<html>", '<html><head><meta charset="windows-1252"></head>')
    page = page.replace("Friday", "Friday \u2013 caf\u00e9")
    art = one_article(write(tmp_path, "legacy.html", page.encode("windows-1252")))
    assert "Friday \u2013 caf\u00e9" in art.text


# -- JSONL ----------------------------------------------------------------------


def test_jsonl_bad_lines_fail_one_by_one_and_good_lines_go_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": EN, "title": "T1", "url": "https://x.example/1"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": EN2, "published": "03/11/2017"}),
        json.dumps({"text": EN2, "outlet": 7}),
        json.dumps({"text": FA, "date": "2017-11-03T22:10:00+03:30", "source": "Tabnak"}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    out = read(path, outlet="Default", published=date(2017, 11, 4))
    origins = [item.origin for item in out]
    assert origins == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9)]
    good = [item for item in out if isinstance(item, Article)]
    bad = [item for item in out if isinstance(item, Failure)]
    assert len(good) == 2 and len(bad) == 6
    assert "invalid JSON" in bad[0].reason
    assert "JSON array, not an object" in bad[1].reason
    assert '"text"' in bad[2].reason and '"text"' in bad[3].reason
    assert "03/11/2017" in bad[4].reason and "YYYY-MM-DD" in bad[4].reason
    assert '"outlet" must be a string' in bad[5].reason
    first, persian = good
    # Arguments fill what the line does not say ...
    assert (first.title, first.url, first.outlet) == ("T1", "https://x.example/1", "Default")
    assert first.published_at == date(2017, 11, 4)
    # ... and the line's own values (here through the aliases) win.
    assert persian.outlet == "Tabnak"
    assert persian.published_at == date(2017, 11, 3)  # the date as written, not UTC
    assert persian.language == "fa"


def test_jsonl_zwnj_survives_raw_and_escaped(tmp_path: Path) -> None:
    raw = json.dumps({"text": FA}, ensure_ascii=False)
    escaped = json.dumps({"text": FA.replace("دیرالزور", "رقه")}, ensure_ascii=True)
    assert "\\u200c" in escaped
    out = read(write(tmp_path, "fa.jsonl", f"{raw}\n{escaped}\n"))
    assert all(isinstance(a, Article) and f"می{ZWNJ}گوید" in a.text for a in out)
    assert len(out) == 2


def test_jsonl_c1_controls_read_as_windows_1252(tmp_path: Path) -> None:
    # a feed decoded as Latin-1: U+0097 is the dash, U+0093/U+0094 the quotes, U+0085
    # the ellipsis (not a line break); one character each, so spans keep their place
    text = "The men \x97 three of them \x97 were held. He said \x93no\x94\x85 and left."
    [article] = read(write(tmp_path, "c1.jsonl", json.dumps({"text": text}) + "\n"))
    assert isinstance(article, Article)
    assert (
        article.text
        == "The men \u2014 three of them \u2014 were held. He said \u201cno\u201d\u2026 and left."
    )


def test_jsonl_language_field_wins_and_is_checked(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": EN, "language": "EN-gb"}),
        json.dumps({"text": EN, "language": "English"}),
    ]
    out = read(write(tmp_path, "lang.ndjson", "\n".join(lines)))
    assert isinstance(out[0], Article) and out[0].language == "en"
    assert isinstance(out[1], Failure) and "ISO 639-1" in out[1].reason


def test_json_array_file_is_one_failure_with_a_fix(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "dump.json", json.dumps([{"text": EN}])))
    assert "JSON array" in fail.reason and "jq -c" in fail.reason


def test_pretty_printed_json_is_one_failure(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "one.json", json.dumps({"text": EN}, indent=2)))
    assert "not JSON Lines" in fail.reason


def test_jsonl_line_with_invalid_utf8_fails_alone(tmp_path: Path) -> None:
    good = json.dumps({"text": EN}).encode()
    bad = b'{"text": "caf\xe9"}'
    path = write(tmp_path, "mixed.jsonl", good + b"\n" + bad + b"\n" + good + b"\n")
    out = read(path)
    assert [type(x) for x in out] == [Article, Failure, Article]
    assert out[1].origin == f"{path}:2"
    offset = len(good) + 1 + bad.index(b"\xe9")
    assert f"byte offset {offset}" in out[1].reason  # type: ignore[union-attr]


def test_jsonl_limit_applies_per_article_not_per_file(tmp_path: Path) -> None:
    lines = [json.dumps({"text": EN}) for _ in range(30)]
    lines.insert(3, json.dumps({"text": "word " * 100}))
    path = write(tmp_path, "many.jsonl", "\n".join(lines))
    assert path.stat().st_size > 3000
    out = read(path, max_bytes=400)
    assert sum(isinstance(x, Article) for x in out) == 30
    [fail] = [x for x in out if isinstance(x, Failure)]
    assert fail.origin == f"{path}:4" and "max_article_bytes" in fail.reason


def test_jsonl_overlong_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    huge = json.dumps({"text": "x" * 100_000})  # over 6 x max_bytes + 64 KiB
    path = write(tmp_path, "long.jsonl", huge + "\n" + json.dumps({"text": EN}) + "\n")
    out = read(path, max_bytes=1000)
    assert isinstance(out[0], Failure) and out[0].origin == f"{path}:1"
    assert isinstance(out[1], Article) and out[1].origin == f"{path}:2"


# -- CSV ------------------------------------------------------------------------


def test_csv_rows_with_metadata_and_empty_text(tmp_path: Path) -> None:
    content = (
        "\ufeffTitle, Text ,outlet,Published,extra\r\n"
        f'"First","{EN}\r\n\r\n{EN2}",BBC,2017-11-03,zzz\r\n'
        '"Empty","",,,\r\n'
        "\r\n"
        f'"Third","{EN2}",,,\r\n'
    )
    path = write(tmp_path, "rows.csv", content)
    out = read(path, outlet="Default", published=date(2017, 11, 4))
    # Rows are numbered as a spreadsheet shows them: header 1, blank lines count.
    assert [x.origin for x in out] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    first, empty, third = out
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.text == f"{EN}\n{EN2}"
    assert (first.title, first.outlet, first.published_at) == (
        "First",
        "BBC",
        date(2017, 11, 3),
    )
    assert (third.outlet, third.published_at) == ("Default", date(2017, 11, 4))
    assert isinstance(empty, Failure) and '"text"' in empty.reason


def test_csv_without_text_column_is_one_failure_naming_columns(tmp_path: Path) -> None:
    path = write(tmp_path, "notext.csv", "title,body\nA,some body\nB,more body\n")
    fail = one_failure(path)
    assert fail.origin == str(path)
    assert "'title'" in fail.reason and "'body'" in fail.reason and '"text"' in fail.reason


def test_csv_with_semicolons_gets_a_hint(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "semi.csv", f"title;text\nA;{EN}\n"))
    assert "separator must be a comma" in fail.reason


def test_csv_long_text_and_bad_utf8_fail_per_row(tmp_path: Path) -> None:
    content = (
        b"text\n"
        + f'"{"word " * 100}"\n'.encode()
        + b'"caf\xe9 au lait, said the spokesman on Friday."\n'
        + f'"{EN}"\n'.encode()
    )
    path = write(tmp_path, "long.csv", content)
    out = read(path, max_bytes=400)
    assert [type(x) for x in out] == [Failure, Failure, Article]
    assert "max_article_bytes" in out[0].reason  # type: ignore[union-attr]
    assert "UTF-8" in out[1].reason and out[1].origin == f"{path}:3"  # type: ignore[union-attr]


# -- bad files ------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    assert one_failure(path) == Failure(str(path), "file is empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    assert "no text" in one_failure(write(tmp_path, "blank.txt", " \n\r\n\t\n")).reason


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    fail = one_failure(write(tmp_path, "photo.txt", png))
    assert "looks like a binary file, not text/HTML/JSONL/CSV" in fail.reason


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    noise = bytes(b for b in range(1, 32) if b not in b"\t\n\r\x0b\x0c\x1b") * 40
    assert "binary" in one_failure(write(tmp_path, "noise.csv", noise)).reason


def test_utf16_file_gets_an_iconv_hint(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "wide.txt", EN.encode("utf-16")))
    assert "UTF-16" in fail.reason and "iconv" in fail.reason


def test_invalid_utf8_names_the_offset_and_iconv(tmp_path: Path) -> None:
    data = b"Hello " + "دير".encode("cp1256")
    fail = one_failure(write(tmp_path, "legacy.txt", data))
    assert "not valid UTF-8" in fail.reason
    assert "byte offset 6" in fail.reason and "iconv" in fail.reason


def test_text_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", EN * 10)
    fail = one_failure(path, max_bytes=100)
    assert "max_article_bytes" in fail.reason and "100 bytes" in fail.reason
    assert isinstance(read(path, max_bytes=10_000)[0], Article)


def test_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, next to nothing on disk
        fh.write(b"<html>")
        fh.truncate(50_000_000)
    tracemalloc.start()
    try:
        fail = one_failure(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the peak says the file was not read; how long the refusal takes is a figure
    # of `sitrep bench timings`
    assert peak < 1_000_000, f"peak allocation {peak} bytes: the file was read"
    assert "50,000,000 bytes" in fail.reason and "max_article_bytes" in fail.reason


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    fail = one_failure(path)
    assert fail.origin == str(path) and "does not exist" in fail.reason


def test_url_is_not_fetched() -> None:
    fail = one_failure("https://www.tabnak.ir/fa/news/1")
    assert fail.origin == "https://www.tabnak.ir/fa/news/1" and "save the page" in fail.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", EN)

    def refuse(p: Path) -> object:
        raise PermissionError(13, "Permission denied", str(p))

    monkeypatch.setattr(ingest, "_open", refuse)
    fail = one_failure(path)
    assert fail.origin == str(path) and "permission denied" in fail.reason


def test_text_without_words_is_a_failure(tmp_path: Path) -> None:
    assert "no words" in one_failure(write(tmp_path, "nums.txt", "123 456\n-- 789 --")).reason


# -- formats: detection and forcing ---------------------------------------------


def test_named_file_with_unknown_extension(tmp_path: Path) -> None:
    fail = one_failure(write(tmp_path, "report.xyz", EN))
    assert fail.reason.startswith("unsupported file type .xyz; supported:")
    assert ".jsonl" in fail.reason


def test_sniffing_by_first_bytes(tmp_path: Path) -> None:
    html = one_article(write(tmp_path, "page.php", PAGE))
    assert html.title == "Army retakes Deir al-Zour"
    rows = read(write(tmp_path, "dump.data", json.dumps({"text": EN}) + "\n"))
    assert isinstance(rows[0], Article) and rows[0].origin.endswith("dump.data:1")
    assert one_article(write(tmp_path, "README", EN)).text == EN


def test_forced_format_overrides_the_extension(tmp_path: Path) -> None:
    path = write(tmp_path, "page.html", PAGE)
    art = one_article(path, fmt="text")
    assert art.text.startswith("<!DOCTYPE html>")
    fail = read(write(tmp_path, "notes.txt", "just words\n"), fmt="jsonl")
    assert isinstance(fail[0], Failure) and "invalid JSON" in fail[0].reason


# -- folders --------------------------------------------------------------------


def test_folder_mix_of_good_and_bad_files(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = tmp_path / "in"
    write(root, "a.txt", EN)
    write(root, "b_empty.txt", b"")
    write(root, "c.html", NAV_PAGE)
    write(root, "d.pdf", b"%PDF-1.4 \x00\x01")
    write(root, "sub/e.jsonl", json.dumps({"text": AR}) + "\nnot json\n")
    write(root, "sub/f.bin.txt", b"\x00\x01\x02")
    write(root, ".hidden/g.txt", EN)
    write(root, ".DS_Store", b"\x00\x00")
    write(root, "z.csv", f"text\n{EN2}\n")
    with caplog.at_level(logging.INFO, logger="sitrep.ingest.sources"):
        out = read(root)
    assert [(type(x).__name__, Path(x.origin or "").name) for x in out] == [
        ("Article", "a.txt"),
        ("Failure", "b_empty.txt"),
        ("Failure", "c.html"),
        ("Article", "e.jsonl:1"),
        ("Failure", "e.jsonl:2"),
        ("Failure", "f.bin.txt"),
        ("Article", "z.csv:2"),
    ]
    assert out[3].language == "ar"  # type: ignore[union-attr]
    assert "skipped 1 file(s)" in caplog.text and ".pdf" in caplog.text


# -- language -------------------------------------------------------------------


@pytest.mark.parametrize(("text", "lang"), [(EN, "en"), (FA, "fa"), (AR, "ar")])
def test_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_persian_letters_settle_short_arabic_script_text() -> None:
    # Too short for the statistical model to be sure: the letters decide.
    assert detect_language("دیرالزور") == "fa"
    assert detect_language("دير الزور") == "ar"


def test_html_stand_ins_are_printable_and_nfc_stable() -> None:
    import unicodedata

    for ch in ingest._PLACEHOLDERS:
        assert ch.isprintable() and unicodedata.normalize("NFC", ch) == ch


# -- hostile lines (one bad line never ends the batch) ---------------------------


def test_jsonl_lone_surrogate_and_deep_nesting_fail_alone(tmp_path: Path) -> None:
    deep = '{"text": "x", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [
        json.dumps({"text": EN}),
        '{"text": "\\ud800 broken"}',  # a lone surrogate, valid JSON but not Unicode text
        '{"text": "fine", "title": "\\udfff"}',
        deep,
        '{"text": "ok", "ignored": "\\ud800"}',  # fields not read are not checked
        json.dumps({"text": EN2}),
    ]
    path = write(tmp_path, "hostile.jsonl", "\n".join(lines) + "\n")
    out = read(path)
    kinds = [(type(item).__name__, item.origin) for item in out]
    assert kinds == [
        ("Article", f"{path}:1"),
        ("Failure", f"{path}:2"),
        ("Failure", f"{path}:3"),
        ("Failure", f"{path}:4"),
        ("Article", f"{path}:5"),
        ("Article", f"{path}:6"),
    ]
    assert "surrogate" in out[1].reason and "U+D800" in out[1].reason  # type: ignore[union-attr]
    assert '"title"' in out[2].reason  # type: ignore[union-attr]
    assert "nested too deeply" in out[3].reason  # type: ignore[union-attr]
    # every reason can be written out as UTF-8 (to the database, to a terminal)
    for item in out:
        if isinstance(item, Failure):
            item.reason.encode("utf-8")


def test_jsonl_unexpected_error_on_a_line_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ingest._row_to_article

    def flaky(fields: dict[str, object], origin: str, options: object) -> object:
        if fields.get("text") == "boom":
            raise ValueError("x" * 10_000)
        return real(fields, origin, options)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "_row_to_article", flaky)
    rows = [json.dumps({"text": EN}), json.dumps({"text": "boom"}), json.dumps({"text": EN2})]
    out = read(write(tmp_path, "f.jsonl", "\n".join(rows)))
    assert [type(item).__name__ for item in out] == ["Article", "Failure", "Article"]
    assert "ValueError" in out[1].reason and len(out[1].reason) < 400  # type: ignore[union-attr]


def test_file_name_that_is_not_utf8_gives_a_printable_origin(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    raw_name = bytes(folder) + b"/report\xff.txt"
    with open(raw_name, "wb") as fh:
        fh.write(EN.encode("utf-8"))
    [item] = read(folder)
    assert isinstance(item, Article)
    assert item.origin is not None and item.origin.endswith("report\\xff.txt")
    item.origin.encode("utf-8")
