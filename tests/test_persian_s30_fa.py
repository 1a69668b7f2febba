"""Persian and Dari wording a blind trial of real reports (session 30, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import places_taken, read_persian

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor
from sitrep.resolve.actors import sole_invader

DAY = date(2025, 3, 12)  # a Wednesday


def _read(extractor: Extractor, text: str, day: date = DAY) -> list[Mention]:
    return read_persian(extractor, text, day)


def _taken(extractor: Extractor, text: str, day: date = DAY) -> set[tuple[str, str | None]]:
    return places_taken(_read(extractor, text, day))


def test_own_forces_leaving_a_town_leave_it_to_the_sole_invader(extractor: Extractor) -> None:
    # the report names only who left (Ukraine's army, in Ukraine): its one invader takes it
    text = (
        "ستاد کل ارتش اوکراین امروز اعلام کرد که نیروهای این کشور برای پرهیز از محاصره "
        "از شهر سولدار عقب‌نشینی کرده‌اند."
    )
    assert _taken(extractor, text) == {("Soledar", "Military Forces of Russia")}


def test_a_named_taker_still_wins_over_the_invader(extractor: Extractor) -> None:
    # guard: a side the report names as taking the town is its gainer
    text = (
        "واگنر امروز اعلام کرد که کنترل شهر سولدار را به دست گرفته است. "
        "ارتش اوکراین نیز گفت نیروهایش از سولدار عقب‌نشینی کرده‌اند."
    )
    assert {taker for _, taker in _taken(extractor, text)} == {"Wagner Group"}


def test_a_foreign_force_leaving_does_not_hand_the_town_to_itself(extractor: Extractor) -> None:
    # guard: Russia's forces are the invader, not the home army; leaving a Ukrainian
    # town they give it to no one the country table names
    text = "وزارت دفاع روسیه امروز اعلام کرد که نیروهایش از شهر ایزیوم خارج شده‌اند."
    takers = {taker for _, taker in _taken(extractor, text)}
    assert "Military Forces of Russia" not in takers


def test_a_country_with_several_foreign_armies_names_no_gainer(extractor: Extractor) -> None:
    # guard: Syria has had several foreign armies on its soil: the country alone does
    # not tell who took a town the Syrian army left
    assert sole_invader("SYR") is None
    assert sole_invader("UKR") == "RUS"
    text = "ارتش سوریه امروز اعلام کرد که نیروهایش از شهر تدمر عقب‌نشینی کرده‌اند."
    takers = {taker for _, taker in _taken(extractor, text)}
    assert not takers & {"Military Forces of Russia", "Military Forces of Turkey"}


def test_a_fall_early_last_month_is_background(extractor: Extractor) -> None:
    # "early last month": three weeks old at least, whichever calendar the outlet counts
    text = "شهر باخموت دراوایل ماه گذشته به دست نیروهای روسی افتاد و جنگ به غرب آن کشیده شد."
    assert _taken(extractor, text, date(2025, 3, 1)) == set()
    assert _taken(extractor, text, date(2025, 3, 26)) == set()


def test_a_fall_early_this_month_or_late_last_month_stays_news(extractor: Extractor) -> None:
    # guard: early this month may be last week in the Jalali count (a report of 6 March
    # is 16 Esfand); late last month may be days ago
    russia = {("Bakhmut", "Military Forces of Russia")}
    this_month = "شهر باخموت در اوایل ماه جاری به دست نیروهای روسی افتاد."
    assert _taken(extractor, this_month, date(2025, 3, 26)) == russia
    late = "شهر باخموت در اواخر ماه گذشته به دست نیروهای روسی افتاد."
    assert _taken(extractor, late, date(2025, 3, 3)) == russia


def test_claims_spelled_out_after_saying_they_conflict_are_disputed(extractor: Extractor) -> None:
    # the report says the two sides' statements clash, then gives each after a semicolon
    text = (
        "دیروز ادعاهای ضد و نقیضی از دو طرف شنیده شد؛ طالبان از تصرف کامل ولسوالی اندراب "
        "خبر دادند و نیروهای مقاومت از عقب راندن آنان."
    )
    assert _taken(extractor, text) == set()
    colon = "اخبار ضد و نقیض است: طالبان از تصرف کامل ولسوالی اندراب خبر دادند."
    assert _taken(extractor, colon) == set()


def test_a_claim_after_an_unrelated_semicolon_stands(extractor: Extractor) -> None:
    # guard: a semicolon with no clash announced before it
    text = (
        "درگیری‌ها از سه روز پیش آغاز شده بود؛ طالبان امروز کنترل کامل ولسوالی اندراب را "
        "به دست گرفتند."
    )
    assert _taken(extractor, text) == {("Andarāb", "Taliban")}


def test_this_group_as_taker_is_the_group_named_before(extractor: Extractor) -> None:
    # "the fighters of this group" in the next sentence: the Taliban named before, not
    # the army the previous sentence told taking a district
    text = (
        "مقام‌های محلی گفتند نیروهای امنیتی دیروز ولسوالی خان‌آباد را از طالبان پس گرفتند. "
        "جنگجویان این گروه امروز کنترل شهر قندوز را از نیروهای دولتی گرفتند."
    )
    assert ("Kunduz", "Taliban") in _taken(extractor, text)


def test_this_group_as_loser_is_no_taker(extractor: Extractor) -> None:
    # guard: taken "from this group", the group is who lost it
    text = (
        "طالبان هفته گذشته ولسوالی خان‌آباد را تصرف کردند. "
        "نیروهای دولتی امروز شهر قندوز را از این گروه پس گرفتند."
    )
    assert ("Kunduz", "Taliban") not in _taken(extractor, text)


def test_the_place_entered_not_the_town_left(extractor: Extractor) -> None:
    # the town named after "پس از عقب‌نشینی از" is where the troops came from
    text = "سربازان ارتش افغانستان پس از عقب‌نشینی از شهر قندوز وارد ولسوالی خان‌آباد شدند."
    places = {place for place, _ in _taken(extractor, text)}
    assert "Kunduz" not in places
    assert "Khānābād" in places
    # guard: an entry naming one town
    assert _taken(extractor, "طالبان امروز وارد شهر قندوز شدند.") == {("Kunduz", "Taliban")}


def test_there_is_the_place_named_last(extractor: Extractor) -> None:
    # "آنجا را تصرف کردند": the district just entered, not the town left
    text = "نیروهای کماندو پس از ترک شهر قندوز وارد ولسوالی خان‌آباد شدند و آنجا را تصرف کردند."
    places = {place for place, _ in _taken(extractor, text)}
    assert places == {"Khānābād"}
