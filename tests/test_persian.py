"""The Persian reader: folding, Jalali dates, attribution, actors, places, statuses, merging."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import SitrepError
from sitrep.core.records import Article, Mention, Precision, Status
from sitrep.ingest.sources import read_inputs
from sitrep.pipeline import ingest
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.attribution import attribute, attribute_sentence, verb_kind
from sitrep.read.fa.dates import find_dates, jalali_to_gregorian, parse_date, publication_date
from sitrep.read.fa.text import fold, normalize, split_sentences, tokenize
from sitrep.read.typology import SUB_EVENT_TYPES
from sitrep.store import open_store
from sitrep.views.queries import ALL_STATUSES, EventFilter, iter_events

PUB = date(2017, 11, 4)  # Saturday, 13 Aban 1396
DEIR_EZ_ZOR, AL_QAIM, ABU_KAMAL, FALLUJAH = 170794, 92138, 174448, 99454
GOV = "Government regains territory"


def read(extractor: Extractor, text: str, *, outlet: str = "Tabnak") -> list[Mention]:
    article = Article.make(text, language="fa", outlet=outlet, published_at=PUB)
    return list(extractor.read(article).mentions)


def reported(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not m.reference]


# -- text -------------------------------------------------------------------------


def test_fold_letters_digits_and_tatweel_keeping_offsets() -> None:
    text = "ارتش سوريه در ۱۲ آبان شهر ديرالزور را آزاد كرد، نیروهای‌عراقی ـ ٣ روز"
    folded = fold(text)
    assert "سوریه" in folded.text and "دیرالزور" in folded.text and "کرد" in folded.text
    assert "12" in folded.text and "3 روز" in folded.text
    assert "\u0640" not in folded.text  # tatweel dropped
    assert "\u200c" in folded.text  # ZWNJ kept
    start = folded.text.index("دیرالزور")
    span = folded.span(start, start + len("دیرالزور"), text, base=100)
    assert span.text == "ديرالزور" and span.start == 100 + text.index("ديرالزور")
    assert normalize("كرد") == "کرد"


def test_fold_drops_diacritics_with_offsets() -> None:
    text = "دیرالزّور را"
    folded = fold(text)
    assert folded.text == "دیرالزور را"
    span = folded.span(0, len("دیرالزور"), text)
    assert span.text == "دیرالزّور"


def test_sentences_split_on_persian_punctuation_and_lines() -> None:
    text = "ارتش سوریه دیرالزور را آزاد کرد. آیا داعش عقب نشست؟ نبرد ادامه دارد؛ پایان\nخط دوم"
    sentences = split_sentences(text)
    assert [s.span.text for s in sentences] == [
        "ارتش سوریه دیرالزور را آزاد کرد.",
        "آیا داعش عقب نشست؟",
        "نبرد ادامه دارد؛",
        "پایان",
        "خط دوم",
    ]
    assert all(text[s.span.start : s.span.end] == s.span.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 0, 0, 1]
    assert len(split_sentences("رشد ۳.۵ درصد بود.")) == 1


def test_tokens_keep_zwnj_words_whole() -> None:
    assert [t.text for t in tokenize("بازپس‌گیری شهر، سریع")] == ["بازپس‌گیری", "شهر", "سریع"]


# -- dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("13 آبان 1396", date(2017, 11, 4), Precision.DAY),
        ("۱۳ آبان ۱۳۹۶", date(2017, 11, 4), Precision.DAY),
        ("13 آبان 96", date(2017, 11, 4), Precision.DAY),
        ("۱۳۹۶/۸/۱۳", date(2017, 11, 4), Precision.DAY),
        ("روز جمعه ۱۲ آبان", date(2017, 11, 3), Precision.DAY),
        ("۳ نوامبر ۲۰۱۷", date(2017, 11, 3), Precision.DAY),
        ("جمعه", date(2017, 11, 3), Precision.DAY),
        ("پنج‌شنبه", date(2017, 11, 2), Precision.DAY),
        ("شنبه", date(2017, 11, 4), Precision.DAY),
        ("دیروز", date(2017, 11, 3), Precision.DAY),
        ("روز گذشته", date(2017, 11, 3), Precision.DAY),
        ("امروز", date(2017, 11, 4), Precision.DAY),
        ("هفته گذشته", date(2017, 10, 28), Precision.WEEK),  # Saturday to Friday
        ("آبان ۱۳۹۶", date(2017, 11, 1), Precision.MONTH),
        ("سه روز پیش", date(2017, 11, 1), Precision.DAY),
    ],
)
def test_jalali_and_relative_dates(text: str, value: date, precision: Precision) -> None:
    found = find_dates(text, PUB)
    assert len(found) == 1
    assert (found[0].ref.value, found[0].ref.precision) == (value, precision)


def test_last_week_is_the_iranian_calendar_week() -> None:
    (found,) = find_dates("داعش هفته گذشته شهر را گرفته بود", date(2017, 11, 20))  # a Monday
    assert (found.ref.value, found.ref.precision) == (date(2017, 11, 11), Precision.WEEK)


def test_since_year_in_both_calendars() -> None:
    for text in ("داعش از سال ۲۰۱۴ دیرالزور را در اختیار داشت", "از سال ۱۳۹۳ در اختیار داشت"):
        (found,) = find_dates(text, PUB)
        assert found.relation == "since"
        assert (found.ref.value, found.ref.precision) == (date(2014, 1, 1), Precision.YEAR)


def test_date_spans_point_into_the_original_text() -> None:
    text = "العبادی روز جمعه ۱۲ آبان اعلام کرد"
    (found,) = find_dates(text, PUB, offset=50)
    assert found.span.text == "روز جمعه ۱۲ آبان"
    assert found.span.start == 50 + text.index("روز")


def test_names_and_outlets_are_not_dates() -> None:
    assert find_dates("او در نماز جمعه سخن گفت", PUB) == []
    assert find_dates("به گزارش مهر", PUB) == []  # the news agency, not the month
    assert find_dates("۲۰۰۰ نفر کشته شدند", PUB) == []
    assert find_dates("۲۵ مهر", PUB)[0].ref.value == date(2017, 10, 17)


def test_dates_in_metadata() -> None:
    assert jalali_to_gregorian(1396, 8, 13) == date(2017, 11, 4)
    assert jalali_to_gregorian(1396, 12, 31) is None  # 1396 is not a leap year
    assert parse_date("۱۳۹۶/۰۸/۱۳") == date(2017, 11, 4)
    assert parse_date("۱۳ آبان ۱۳۹۶") == date(2017, 11, 4)
    assert parse_date("2017-11-04T08:00:00") == date(2017, 11, 4)
    assert parse_date("آبان") is None
    assert publication_date("تابناک\nتاریخ انتشار: ۱۳ آبان ۱۳۹۶ - ۱۰:۳۰\nمتن") == (PUB, 1)


# -- attribution ----------------------------------------------------------------------


def test_outlet_and_speaker_nest() -> None:
    found = attribute_sentence(
        "به گزارش واشنگتن پست، دولت سوریه روز جمعه اعلام کرد که دیرالزور را بازپس گرفته است."
    )
    assert (found.source, found.speaker) == ("The Washington Post", "دولت سوریه")
    assert attribute_sentence("پرس تی وی گزارش داد که نیروهای عراقی القائم را گرفتند.").source == (
        "Press TV"
    )
    assert attribute_sentence("به گزارش تسنیم به نقل از المیادین، ارتش پیش رفت.").source == (
        "Al Mayadeen"
    )
    assert attribute_sentence("خبرگزاری فارس نوشت که نبرد ادامه دارد.").source == "Fars"


def test_verbs_that_deny_and_claim() -> None:
    denial = attribute_sentence("ائتلاف آمریکایی ادعای روسیه را تکذیب کرد.")
    assert denial.speaker == "ائتلاف آمریکایی" and verb_kind(denial.verb) == "deny"
    claim = attribute_sentence("وزارت دفاع روسیه در بیانیه‌ای مدعی شد که مواضع داعش را زده است.")
    assert claim.speaker == "وزارت دفاع روسیه" and verb_kind(claim.verb) == "claim"
    assert verb_kind("به ادعای") == "claim"


def test_source_carries_over_until_another_outlet() -> None:
    text = (
        "تابناک – نبرد در سوریه ادامه دارد.\n"
        "بی‌بی‌سی نوشت که داعش عقب نشست. به نوشته این رسانه، شهر آرام است.\n"
        "این شهر بزرگ است.\n"
        "نیویورک تایمز نیز نوشت که جنگ به پایان رسید. وی افزود که مردم بازگشتند."
    )
    article = Article.make(text, language="fa", outlet="Tabnak", published_at=PUB)
    claims = attribute(article, split_sentences(text))
    assert [c.source for c in claims] == [
        "Tabnak",
        "BBC",
        "BBC",
        "BBC",
        "The New York Times",
        "The New York Times",
    ]
    assert [c.inherited for c in claims] == [False, False, True, True, False, True]


# -- actors, places, statuses -----------------------------------------------------------


def test_sov_roles_resolve_to_the_english_ids(extractor: Extractor) -> None:
    (m,) = reported(read(extractor, "ارتش سوریه روز جمعه دیرالزور را از داعش بازپس گرفت."))
    assert (m.sub_event_type, m.event_type, m.status) == (GOV, "Battles", Status.OCCURRED)
    assert (m.actor1.id if m.actor1 else None, m.actor2.id if m.actor2 else None) == (
        "syria-military",
        "isis",
    )
    assert m.place is not None and m.place.place.id == DEIR_EZ_ZOR
    assert m.time is not None and m.time.value == date(2017, 11, 3) and not m.time.inferred
    assert m.place.span is not None and m.place.span.text == "دیرالزور"


def test_coalition_and_passive_agent(extractor: Extractor) -> None:
    (m,) = reported(
        read(
            extractor,
            "نیروهای عراقی، حشد الشعبی و عشایر سنی شهر القائم را از تروریست‌های داعش آزاد کردند.",
        )
    )
    assert m.actor1 is not None and m.actor1.id == "iraq-military"
    assert {a.id for a in m.assoc_actors} == {"pmf", "iraq-tribal"}
    assert m.actor2 is not None and m.actor2.id == "isis"
    (p,) = reported(read(extractor, "شهر البوکمال روز جمعه توسط ارتش سوریه آزاد شد."))
    assert p.actor1 is not None and p.actor1.id == "syria-military"
    assert p.place is not None and p.place.place.id == ABU_KAMAL


def test_non_state_takeover_and_undated_report(extractor: Extractor) -> None:
    (m,) = reported(read(extractor, "داعش کنترل شهر بوکمال را دوباره به دست گرفت."))
    assert m.sub_event_type == "Non-state actor overtakes territory"
    assert m.place is not None and m.place.place.id == ABU_KAMAL  # a Persian spelling
    assert m.time is not None and m.time.inferred and m.time.value == PUB


def test_places_persian_spellings_reference_points_and_common_words(extractor: Extractor) -> None:
    (m,) = reported(read(extractor, "نیروهای امنیتی عراق ۱۲ عنصر داعش را در فلوجه بازداشت کردند."))
    assert (m.sub_event_type, m.place.place.id if m.place else None) == ("Arrests", FALLUJAH)
    mentions = read(
        extractor,
        "دیرالزور نزدیک به سه سال محاصره بود. ارتش برای نبرد بر سر شهر مرزی البوکمال در "
        "بزرگراه بغداد به دمشق آماده می‌شود.",
    )
    places = {m.place.place.id for m in mentions if m.place}
    assert places == {ABU_KAMAL}  # not Baghdad, not Damascus, not the village "Sāl"


def test_trigger_words_and_joined_words_are_no_towns_abroad(extractor: Extractor) -> None:
    # "بیرون" of "بیرون راندند" (drove out) is also an alternate name of Beroun (Czechia),
    # and after "شهر" it looked like one; "کی‌وان" (a base, one word joined by a ZWNJ)
    # is one of Cavan (Ireland)
    mentions = read(
        extractor,
        "داعش با یک ضدحمله نیروهای دولتی را از شهر بیرون راندند و دوباره کنترل "
        "البوکمال را به دست گرفت. پایگاه نظامی کی‌وان در شمال کرکوک نیز تحت کنترل "
        "نیروهای عراقی درآمد.",
    )
    assert mentions
    assert {m.place.place.country for m in mentions if m.place} <= {"SYR", "IRQ"}
    for m in mentions:
        for actor in (m.actor1, m.actor2):
            assert actor is None or actor.country in (None, "SYR", "IRQ"), actor


def test_anaphora_takes_the_last_city(extractor: Extractor) -> None:
    mentions = read(
        extractor,
        "ارتش سوریه به دیرالزور رسید. نیروهای ارتش سوریه این شهر را روز جمعه آزاد کردند.",
    )
    (m,) = reported(mentions)
    assert m.place is not None and m.place.place.id == DEIR_EZ_ZOR and m.place.span is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ارتش سوریه البوکمال را آزاد خواهد کرد.", Status.EXPECTED),
        ("قرار است ارتش سوریه البوکمال را آزاد کند.", Status.EXPECTED),
        ("نیروها برای حمله به البوکمال آماده می‌شوند.", Status.EXPECTED),
        ("عملیات بازپس‌گیری البوکمال آغاز شد.", Status.EXPECTED),
        ("نبرد آینده در البوکمال سرنوشت‌ساز است.", Status.EXPECTED),
        ("ارتش سوریه البوکمال را آزاد نکرد.", Status.DENIED),
        ("ارتش سوریه سقوط البوکمال را تکذیب کرد.", Status.DENIED),
        ("داعش مدعی شد که البوکمال را پس گرفته است.", Status.CLAIMED),
        ("به ادعای داعش، جنگجویانش البوکمال را تصرف کردند.", Status.CLAIMED),
        ("داعش از سال ۲۰۱۴ البوکمال را در اختیار داشت.", Status.BACKGROUND),
        ("ارتش سوریه موفق شد البوکمال را بازپس بگیرد.", Status.OCCURRED),
    ],
)
def test_statuses(extractor: Extractor, text: str, status: Status) -> None:
    mentions = [m for m in reported(read(extractor, text)) if m.place]
    assert mentions and {m.status for m in mentions} == {status}
    assert all(m.place and m.place.place.id == ABU_KAMAL for m in mentions)


def test_background_control_is_dated_since(extractor: Extractor) -> None:
    (m,) = read(extractor, "داعش از سال ۲۰۱۴ بخش عمده دیرالزور را در اختیار داشت.")
    assert m.status is Status.BACKGROUND and m.actor1 and m.actor1.id == "isis"
    assert m.time is not None and (m.time.value, m.time.precision) == (
        date(2014, 1, 1),
        Precision.YEAR,
    )


def test_history_is_not_news(extractor: Extractor) -> None:
    assert read(extractor, "داعش در سال ۲۰۱۴ شهر موصل را تصرف کرد.") == []
    assert read(extractor, "قرارداد ۱۹۱۶ سایکس-پیکو منطقه را تقسیم کرد.") == []


def test_outlet_name_that_is_also_a_city(extractor: Extractor) -> None:
    (m,) = reported(read(extractor, "جنگنده‌های روسی مواضع داعش در المیادین را بمباران کردند."))
    assert m.sub_event_type == "Air/drone strike" and m.place is not None
    assert m.actor1 is not None and m.actor1.id == "russia-military"
    assert read(extractor, "به گزارش المیادین، نشست برگزار شد.") == []


# -- ingest, store, merging ------------------------------------------------------------


def test_zwnj_survives_ingest_and_store(tmp_path: Path, app_config: Config) -> None:
    text = "نیروهای‌ عراقی شهر القائم را بازپس‌گرفتند."
    src = tmp_path / "fa.jsonl"
    row = {"outlet": "IRNA", "published": "2017-11-04", "language": "fa", "text": text}
    src.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    (article,) = list(read_inputs([src]))
    assert isinstance(article, Article) and article.text == text and "\u200c" in article.text
    with open_store(str(tmp_path / "z.db")) as store:
        ingest([src], config=app_config, store=store, workers=1, strict=True)
        stored = store.article(article.id)
        assert stored.text == text and stored.language == "fa"
        (event,) = list(iter_events(store, EventFilter()))
        assert event["place"]["geonames_id"] == AL_QAIM
        assert event["actor1"] == "Military Forces of Iraq"


def test_persian_seed_gives_the_two_events(tmp_path: Path, app_config: Config) -> None:
    seed = Path(str(resources.files("sitrep").joinpath("demo/seed_fa.txt")))
    with open_store(str(tmp_path / "seed.db")) as store:
        ingest([seed], config=app_config, store=store, outlet="Tabnak", published=PUB, workers=1)
        events = list(iter_events(store, EventFilter()))
        everything = list(iter_events(store, EventFilter(statuses=ALL_STATUSES)))
    got = {
        (e["place"]["geonames_id"], e["sub_event_type"], e["actor1"], e["actor2"], e["date"])
        for e in events
    }
    assert got == {
        (DEIR_EZ_ZOR, GOV, "Military Forces of Syria", "ISIS", "2017-11-03"),
        (AL_QAIM, GOV, "Military Forces of Iraq", "ISIS", "2017-11-03"),
    }
    by_place = {e["place"]["geonames_id"]: e for e in events}
    assert "The Washington Post" in by_place[DEIR_EZ_ZOR]["sources"]
    assert "Press TV" in by_place[AL_QAIM]["sources"]
    bukamal = [e for e in everything if e["place"] and e["place"]["geonames_id"] == ABU_KAMAL]
    assert bukamal and all(e["status"] == "expected" for e in bukamal)
    assert not any((e["date"] or "9999") < "2017" for e in events)


def test_persian_and_english_reports_of_one_event_merge(tmp_path: Path, app_config: Config) -> None:
    rows = [
        {
            "outlet": "Reuters",
            "published": "2017-11-09",
            "language": "en",
            "text": "Syrian government forces captured the town of Albu Kamal from Islamic State "
            "on Wednesday, the army said.",
        },
        {
            "outlet": "Fars",
            "published": "2017-11-09",
            "language": "fa",
            "text": "به گزارش فارس، ارتش سوریه دیروز شهر البوکمال را از داعش آزاد کرد.",
        },
    ]
    src = tmp_path / "both.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    with open_store(str(tmp_path / "m.db")) as store:
        ingest([src], config=app_config, store=store, workers=1, strict=True)
        (event,) = list(iter_events(store, EventFilter()))
        languages = {store.article(m["article_id"]).language for m in event["mentions"]}
    assert languages == {"en", "fa"}
    assert event["place"]["geonames_id"] == ABU_KAMAL and event["date"] == "2017-11-08"
    assert set(event["sources"]) == {"Reuters", "Fars"}


# -- the bundled Persian files ---------------------------------------------------------------


def test_demo_reports_fa_shape() -> None:
    path = Path(str(resources.files("sitrep").joinpath("demo/reports_fa.jsonl")))
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 10
    for row in rows:
        assert set(row) >= {"outlet", "published", "title", "url", "language", "text"}
        assert row["language"] == "fa" and date.fromisoformat(row["published"])


def test_gold_set_shape() -> None:
    from sitrep.quality.evaluation.persian import load_gold

    items = load_gold()
    assert 20 <= len(items) <= 40
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        for ev in item["events"]:
            assert ev["sub_event_type"] in SUB_EVENT_TYPES
            assert ev["status"] in {s.value for s in Status}
            assert isinstance(ev["place"], int)


def test_bad_gold_line_names_the_line(tmp_path: Path) -> None:
    from sitrep.quality.evaluation.persian import load_gold

    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "x"}\nnot json\n', "utf-8")
    with pytest.raises(SitrepError, match="gold.jsonl:2"):
        load_gold(bad)
