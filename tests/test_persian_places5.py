"""Persian and Arabic-script names of places a Persian trial (issue 11/12) met
that the gazetteer lacked: Al-Lataminah, As-Sarkha, Al-Karmah (Iraq's, not
Maharda in Syria, which GeoNames also calls "الكرمة"), the Afghan districts of
Obe and Sayyad, and Yemen's Dhale without its article; and a village placed in a
region of another country ("روستای سور در قره باغ") is not France's Sèvres.
Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from sitrep.core.records import Article, Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES

DAY = date(2024, 12, 7)


def territory(extractor: Extractor, text: str) -> list[Mention]:
    article = Article.make(text, language="fa", outlet="Tolo", published_at=DAY)
    return [
        m
        for m in extractor.read(article).mentions
        if m.sub_event_type in TERRITORY_SUB_TYPES and not m.reference
    ]


def places(extractor: Extractor, text: str) -> list[tuple[str, str]]:
    """(place name, ISO3) of a text's takeovers told as having happened."""
    return [
        (m.place.place.name, m.place.place.country)
        for m in territory(extractor, text)
        if m.status is Status.OCCURRED and m.place
    ]


def test_syrian_towns_in_persian(extractor: Extractor) -> None:
    latamneh = "ارتش سوریه روز سه‌شنبه شهر لطامنه در شمال استان حماه را تصرف کرد."
    assert places(extractor, latamneh) == [("Al-Lataminah", "SYR")]
    with_article = "ارتش سوریه روز سه‌شنبه شهر اللطامنه در شمال حماه را تصرف کرد."
    assert places(extractor, with_article) == [("Al-Lataminah", "SYR")]
    sarkha = "ارتش سوریه روستای صرخه در منطقه قلمون را تصرف کرد."
    assert places(extractor, sarkha) == [("As-Sarkha", "SYR")]
    quoted = "ارتش سوریه شهر «الصرخه» در منطقه قلمون را از شورشیان پس گرفت."
    assert places(extractor, quoted) == [("As-Sarkha", "SYR")]


def test_karmah_is_the_iraqi_town(extractor: Extractor) -> None:
    text = "نیروهای عراقی شهر الکرمه در شرق فلوجه را از داعش پس گرفتند."
    assert places(extractor, text) == [("Al-Karmah", "IRQ")]


def test_afghan_districts_in_dari(extractor: Extractor) -> None:
    obe = "طالبان روز یکشنبه ولسوالی اوبه در ولایت هرات را تصرف کردند."
    assert places(extractor, obe) == [("Ōbêh", "AFG")]
    for spelling in ("سیاد", "صیاد"):
        sayyad = f"طالبان ولسوالی {spelling} در ولایت سرپل را تصرف کردند."
        assert places(extractor, sayyad) == [("Şayād", "AFG")]


def test_dhale_without_its_article(extractor: Extractor) -> None:
    # after "شهر" the town was found by its consonants before; bare, only by its name
    text = "انصارالله روز دوشنبه ضالع را تصرف کرد."
    assert places(extractor, text) == [("Aḑ Ḑāli‘", "YEM")]


def test_a_town_placed_in_another_country_is_not_the_namesake_abroad(
    extractor: Extractor,
) -> None:
    # GeoNames calls Sèvres "سور"; Karabakh's Sur is not in the gazetteer
    text = "ارتش آذربایجان روز جمعه روستای سور در منطقه قره باغ را تصرف کرد."
    assert ("Sèvres", "FRA") not in places(extractor, text)
    assert all(country == "AZE" for _, country in places(extractor, text))
    # a town placed in its own country keeps its place
    kherson = "ارتش اوکراین شهر خرسون در جنوب اوکراین را پس گرفت."
    assert places(extractor, kherson) == [("Kherson", "UKR")]


def test_during_the_occupation_is_background(extractor: Extractor) -> None:
    text = "داعش در مدت اشغال شهر الکرمه مردم را به زور به کار گرفته بود."
    assert [m for m in territory(extractor, text) if m.status is Status.OCCURRED] == []
