"""The Persian reader on constructions met in a trial on real Persian and Dari
reports (issue 12): plural present reporting verbs, denials and "no report of"
within the sentence, an event noun as the time of another, "این ولسوالی", districts
the gazetteer does not know, namesakes abroad after "ولسوالی", Dari spellings.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.fa.attribution import attribute_sentence
from sitrep.read.fa.places import find_places
from sitrep.read.fa.text import fold
from sitrep.read.typology import TERRITORY_SUB_TYPES

KUNDUZ, KHANABAD, TULAK, AB_BAND, KHAK_E_SAFED = 1135689, 7053316, 7053013, 7052950, 7052921


def territory(extractor: Extractor, text: str, published: date) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=published)
    return [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def changes(extractor: Extractor, text: str, published: date) -> list[tuple[int, str | None]]:
    """(place id, gaining actor) of a text's takeovers told as having happened."""
    return [
        (m.place.place.id, m.actor1.name if m.actor1 else None)
        for m in territory(extractor, text, published)
        if m.status is Status.OCCURRED and m.place
    ]


def test_plural_present_reporting_verbs_name_the_speaker() -> None:
    said = attribute_sentence("مقام‌های محلی می‌گویند که طالبان وارد شهر شدند.")
    assert said.speaker == "مقام‌های محلی"
    denied = attribute_sentence("مسئولان ولایت این گزارش را رد می‌کنند.")
    assert denied.verb is not None and "رد" in denied.verb


def test_the_place_of_the_speakers_is_not_the_place_taken(extractor: Extractor) -> None:
    # "officials of Kunduz say the district of Khanabad fell": Khanabad, not Kunduz city
    text = "اعضای شورای ولایتی قندوز می‌گویند ولسوالی خان‌آباد دیروز به دست طالبان افتاد."
    assert changes(extractor, text, date(2016, 8, 21)) == [(KHANABAD, "Taliban")]


def test_a_fall_the_sentence_denies_is_no_change(extractor: Extractor) -> None:
    text = (
        "در حالی که چند رسانه از سقوط ولسوالی آب بند خبر می‌دهند، والی غزنی سقوط این "
        "ولسوالی را رد می‌کند."
    )
    ms = territory(extractor, text, date(2018, 8, 20))
    assert ms and all(m.status is Status.DENIED for m in ms)
    assert (
        changes(extractor, "مقام‌های غزنی سقوط ولسوالی آب بند را تکذیب کردند.", date(2018, 8, 20))
        == []
    )


def test_no_report_of_a_fall_is_no_change(extractor: Extractor) -> None:
    text = "سخنگوی پولیس گفت که تا این لحظه گزارشی از سقوط ولسوالی قلعه زال در دست نیست."
    assert changes(extractor, text, date(2017, 5, 5)) == []


def test_an_event_noun_dating_another_event_is_background(extractor: Extractor) -> None:
    for text in (
        "سرکرده داعش هنگام تصرف موصل به دست این گروه در این مسجد سخنرانی کرد.",
        "این همان ساختمانی است که سرکرده داعش در بدو تصرف موصل به دست این گروه، در آن سخنرانی کرد.",
    ):
        assert changes(extractor, text, date(2017, 6, 29)) == [], text


def test_this_district_is_the_district_named_before(extractor: Extractor) -> None:
    # the district's name in quotes, the attack's target, then "مرکز این ولسوالی":
    # Tulak, never the country
    text = "جنگجویان طالبان پس از حمله به ولسوالی «تولک» کنترل مرکز این ولسوالی را به دست گرفتند."
    assert changes(extractor, text, date(2021, 6, 12)) == [(TULAK, "Taliban")]


def test_a_district_the_gazetteer_lacks_is_not_its_province(extractor: Extractor) -> None:
    # "زرین دره" is no district: the province named after it was not taken
    text = "نیروهای امنیتی کنترل ولسوالی زرین دره ولایت بغلان را دوباره به دست گرفتند."
    assert changes(extractor, text, date(2018, 5, 17)) == []


def test_a_namesake_abroad_is_no_afghan_district(extractor: Extractor) -> None:
    # "آب" is also Yemen's Ibb: after "ولسوالی" the Afghan district Ab Band
    text = "ولسوالی آب بند ولایت غزنی دیشب به دست طالبان سقوط کرد."
    assert changes(extractor, text, date(2018, 8, 20)) == [(AB_BAND, "Taliban")]
    # "مجبور" (forced) is no town of Iran
    folded = fold("سربازان پس از سه روز مجبور به ترک پاسگاه شدند.")
    assert find_places(extractor.gazetteer, folded, folded.text, base=0) == []


def test_dari_spellings_and_names_of_the_taliban(extractor: Extractor) -> None:
    text = "شهر قندوز امروز صبح به کنترل نیروهای دولتی درامد."
    assert [p for p, _ in changes(extractor, text, date(2015, 10, 1))] == [KUNDUZ]
    text = "شورشیان طالب ولسوالی «خاک سفید» ولایت فراه را بدون مقاومت متصرف شدند."
    assert changes(extractor, text, date(2007, 11, 5)) == [(KHAK_E_SAFED, "Taliban")]


def test_a_fall_some_claim_is_a_claim(extractor: Extractor) -> None:
    text = "شماری از منابع محلی مدعی سقوط کامل شهر حلب شدند."
    ms = territory(extractor, text, date(2024, 11, 30))
    assert ms and all(m.status is Status.CLAIMED for m in ms)
