"""Persian and Dari wording a fifth blind trial of real reports (issue 12) found
read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import read_persian, territory_changes

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor

DAY = date(2021, 7, 4)


def changes(extractor: Extractor, text: str, *statuses: Status) -> list[Mention]:
    return territory_changes(read_persian(extractor, text, DAY), *statuses)


def taken(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """(place, taker) of a text's takeovers told as having happened, in text order."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(extractor, text)
        if m.place
    ]


def test_district_list_with_bare_provinces(extractor: Extractor) -> None:
    # Dari "X ولایت Y" (X of province Y) between the names of a list: the list goes
    # on; Kohistan is Badakhshan's district (Faryab has one too), not Herat's Kuhsan
    text = (
        "دیشب ولسوالی‌های کوهستان و بهارک ولایت بدخشان، پنجوایی ولایت کندهار و ورسج ولایت تخار "
        "به دست طالبان افتادند."
    )
    found = taken(extractor, text)
    assert [name for name, _ in found] == ["Kōhistān", "Bahārak", "Panjwā’ī", "Warsaj"]
    kohistan = next(
        m.place.place
        for m in changes(extractor, text)
        if m.place and m.place.place.name == "Kōhistān"
    )
    assert kohistan.admin1 == "Badakhshān"


def test_districts_of_few_consonants(extractor: Extractor) -> None:
    # "یاوان" and "ارگو" have one or two consonants: known by their Dari names
    text = "طالبان دیروز ولسوالی‌های یاوان و ارگو در ولایت بدخشان را تصرف کردند."
    assert [name for name, _ in taken(extractor, text)] == ["Yāwān", "Argō"]
    kapisa = "ولسوالی آلاسای ولایت کاپیسا شب گذشته به دست طالبان افتاد."
    assert [name for name, _ in taken(extractor, kapisa)] == ["Alah Sāy"]


def test_centre_of_a_province_is_its_seat(extractor: Extractor) -> None:
    # "مرکز ولایات بغلان و بدخشان": the seats (Pul-e Khumri, Fayzabad), not the old
    # town of Baghlan or the province; the bare name of a province is known too
    text = "دیروز مرکز ولایات بغلان در شمال و بدخشان در شمال شرق به دست طالبان افتاد."
    assert taken(extractor, text) == [("Pul-e Khumrī", "Taliban"), ("Fayzabad", "Taliban")]
    # "X، مرکز ولایت Y": Y is the town's province, the town is what fell
    apposed = "طالبان شهر میمنه، مرکز ولایت فاریاب را تصرف کردند."
    assert taken(extractor, apposed) == [("Maymana", "Taliban")]


def test_districts_listed_after_including(extractor: Extractor) -> None:
    # "سه ولسوالی ... که شامل X در Y، ...": each district, not the provinces locating
    # them; "از شب گذشته تا امروز" dates the fall, no state recalled; an item said to
    # lie in another province than the district its consonants name is none of it
    text = (
        "از شب گذشته تا امروز سه ولسوالی به دست طالبان افتاده که شامل گیلان در غزنی، "
        "کلدار در ولایت بلخ و فیروز در سمنگان هستند."
    )
    assert taken(extractor, text) == [("Gēlān", "Taliban"), ("Kaldār", "Taliban")]
    # "از توابع استان‌های X و Y": the provinces the districts are of
    of = "طالبان کنترل دو ولسوالی از توابع ولایات سمنگان و بلخ را به دست گرفتند."
    assert taken(extractor, of) == []


def test_tally_of_a_provinces_districts(extractor: Extractor) -> None:
    # "۱۲ ولسوالی بدخشان": where the districts the sentence does not name lie
    text = "در سه روز گذشته ۱۲ ولسوالی بدخشان به دست طالبان سقوط کرده است."
    assert taken(extractor, text) == []
