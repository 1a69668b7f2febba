"""Persian and Dari wording a blind trial of real reports (session 31, issue 12)
found read wrong. Every sentence here was written for the test."""

from __future__ import annotations

from datetime import date

from conftest import places_taken, read_persian

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor

DAY = date(2021, 7, 6)  # a Tuesday


def _read(extractor: Extractor, text: str, day: date = DAY) -> list[Mention]:
    return read_persian(extractor, text, day)


def _taken(extractor: Extractor, text: str, day: date = DAY) -> set[tuple[str, str | None]]:
    return places_taken(_read(extractor, text, day))


def _places(extractor: Extractor, text: str, day: date = DAY) -> set[str]:
    return {place for place, _ in _taken(extractor, text, day)}


# --- a town that ends an outlet's name is no place of the report ---------------------


def test_a_town_in_a_newspapers_name_is_not_the_place_taken(extractor: Extractor) -> None:
    # the official speaks "to the Kabul Morning daily": the district is what fell
    text = (
        "یک عضو شورای ولایتی هلمند به روزنامه‌ی صبح کابل گفت که دیشب ساختمان "
        "ولسوالی ناوه به دست جنگجویان طالب افتاد."
    )
    assert _places(extractor, text) == {"Nāwah-ye Bārakzaī"}


def test_a_town_in_a_stations_name_is_not_the_place_taken(extractor: Extractor) -> None:
    text = (
        "والی بغلان به رادیو کابل گفت که نیروهای امنیتی دیروز ولسوالی دهنه غوری را "
        "از طالبان پس گرفتند."
    )
    assert "Kabul" not in _places(extractor, text)


def test_a_town_after_a_preposition_following_an_outlet_is_still_a_place(
    extractor: Extractor,
) -> None:
    # guard: "خبرگزاری ... از کابل" is where the agency reports from, "در کابل" where
    # something happened; a town the report says fell stays a place
    text = "به گزارش خبرگزاری ایسنا، طالبان امروز کنترل شهر کابل را به دست گرفتند."
    assert _places(extractor, text) == {"Kabul"}


# --- a district read in the province the report names elsewhere ---------------------


def test_a_district_takes_the_province_the_report_names_in_another_sentence(
    extractor: Extractor,
) -> None:
    # Nawah is a district of Ghazni and (Nawah-ye Barakzai) of Helmand: the report is
    # on Helmand, though the sentence of the fall does not say so
    text = (
        "مقام‌های محلی در ولایت هلمند از وخامت اوضاع امنیتی خبر می‌دهند. "
        "به گفته‌ی آنان، ساختمان ولسوالی ناوه دیشب بدون درگیری به دست طالبان سقوط کرد."
    )
    assert _places(extractor, text) == {"Nāwah-ye Bārakzaī"}


def test_a_report_naming_two_provinces_leaves_the_district_alone(extractor: Extractor) -> None:
    # guard: with Helmand and Ghazni both named, the report does not settle the namesake
    # by a province of another sentence
    text = (
        "درگیری‌ها در ولایت‌های هلمند و غزنی ادامه دارد. "
        "ساختمان ولسوالی ناوه دیشب به دست طالبان سقوط کرد."
    )
    assert _places(extractor, text) != {"Nāwah-ye Bārakzaī"}


# --- a tally of settlements taken is no taking of the region -------------------------


def test_a_tally_of_settlements_of_a_region_is_no_taking_of_it(extractor: Extractor) -> None:
    # the general counts settlements retaken in the Kherson region since the first of
    # the month; another clause names the region: neither it nor its city was taken
    text = (
        "سخنگوی ارتش اوکراین با اشاره به حملات روسیه در منطقه خرسون گفت: از اول ماه "
        "تاکنون کنترل 17 منطقه مسکونی خرسون توسط نیروهای اوکراینی دوباره تصرف شده است."
    )
    day = date(2022, 10, 9)
    assert _places(extractor, text, day) == set()


def test_a_tally_of_villages_taken_names_no_place_before_it(extractor: Extractor) -> None:
    text = "ارتش روسیه در ادامه عملیات خود در منطقه دونتسک، 12 روستای دیگر را تحت کنترل خود درآورد."
    assert _places(extractor, text, date(2024, 8, 7)) == set()


def test_a_town_listed_with_a_tally_is_still_taken(extractor: Extractor) -> None:
    # guard: "the town of X and twelve villages": the town is named and was taken
    text = "ارتش روسیه کنترل شهر آودیوکا و ۱۲ روستا را به دست گرفت."
    assert _taken(extractor, text, date(2024, 2, 18)) == {
        ("Avdiyivka", "Military Forces of Russia")
    }


def test_a_town_taken_without_a_tally_is_unchanged(extractor: Extractor) -> None:
    # guard: the same sentence without a tally
    text = "ارتش روسیه کنترل شهر آودیوکا را به دست گرفت."
    assert _taken(extractor, text, date(2024, 2, 18)) == {
        ("Avdiyivka", "Military Forces of Russia")
    }


# --- "this town" right after a town of its own clause --------------------------------


def test_the_surroundings_of_this_town_are_those_of_the_town_just_named(
    extractor: Extractor,
) -> None:
    # "Yabrud and the hills around this town": this town is Yabrud, not the town of
    # the sentence before
    text = (
        "ارتش سوریه روز دوشنبه شهر معلولا را آزاد کرد. نیروهای ارتش همچنین شهر «یبرود» "
        "و تپه‌های اطراف این شهر را از شورشیان پس گرفتند."
    )
    assert _places(extractor, text, date(2014, 4, 14)) == {"Ma‘lūlā", "Yabrūd"}


def test_this_town_alone_as_the_object_is_the_town_told_before(extractor: Extractor) -> None:
    # guard: "took full control of this town", with no town in the clause, is the town
    # of the sentence before
    text = (
        "ارتش سوریه روز دوشنبه وارد شهر معلولا شد. نیروهای ارتش پس از درگیری با شورشیان "
        "در نزدیکی دمشق کنترل کامل این شهر را به دست گرفتند."
    )
    assert _places(extractor, text, date(2014, 4, 14)) == {"Ma‘lūlā"}


# --- forces raising their flag over a town took it -----------------------------------


def test_forces_raising_their_flag_over_a_town_took_it(extractor: Extractor) -> None:
    text = (
        "نیروهای ارتش سوریه روز پنجشنبه پرچم این کشور را بر فراز شهر «جاسم» در شمال "
        "درعا برافراشتند و در این شهر مستقر شدند."
    )
    assert _taken(extractor, text, date(2018, 7, 20)) == {("Jāsim", "Military Forces of Syria")}


def test_a_flag_raised_at_school_takes_nothing(extractor: Extractor) -> None:
    # guard: pupils raising the flag for a national day are no armed side
    text = "دانش‌آموزان شهر درعا روز پنجشنبه به مناسبت روز ملی پرچم کشور را در مدارس برافراشتند."
    assert _taken(extractor, text, date(2018, 7, 20)) == set()


def test_a_flag_flying_again_in_a_town_is_no_taking_of_it(extractor: Extractor) -> None:
    # guard: the passive ("the flag flew") is also a ceremony's; no agent, no change
    text = "پرچم سوریه روز پنجشنبه به مناسبت سالروز استقلال در شهر درعا به اهتزاز درآمد."
    assert _taken(extractor, text, date(2018, 7, 20)) == set()


# --- a takeover the same sentence says is not done -----------------------------------


def test_a_retaking_said_in_the_same_breath_to_be_incomplete_is_in_dispute(
    extractor: Extractor,
) -> None:
    # the prime minister announces the town retaken, "but" foreign officers say much of
    # this town is still held: no change told as done
    text = (
        "نخست وزیر عراق امروز اعلام کرد که ارتش شهر رمادی را از داعش پس گرفته است اما "
        "فرماندهان ائتلاف می‌گویند بخش بزرگی از این شهر هنوز در کنترل داعش است."
    )
    assert _taken(extractor, text, date(2015, 12, 28)) == set()


def test_a_facility_still_held_leaves_the_town_taken(extractor: Extractor) -> None:
    # guard: the town's airport still held by the army does not undo the town's fall
    text = (
        "طالبان امروز شهر قندوز را تصرف کردند اما فرودگاه این شهر هنوز در کنترل نیروهای دولتی است."
    )
    assert _taken(extractor, text, date(2016, 6, 17)) == {("Kunduz", "Taliban")}


def test_a_retaking_with_fighting_nearby_stays_a_retaking(extractor: Extractor) -> None:
    # guard: a contrast about something else than the town being held
    text = (
        "ارتش عراق امروز شهر رمادی را از داعش پس گرفت اما درگیری‌ها در روستاهای "
        "شرق استان انبار هنوز ادامه دارد."
    )
    assert _taken(extractor, text, date(2015, 12, 28)) == {("Ramadi", "Military Forces of Iraq")}


# --- losses "in the retaking of" a district told before -------------------------------


def test_losses_in_a_retaking_told_before_are_no_second_change(extractor: Extractor) -> None:
    # the retaking is told with its side; the next sentence gives its cost, naming the
    # government's dead, and must not add a change of hands with no gainer
    text = (
        "نیروهای امنیتی افغانستان دیروز کنترل ولسوالی شیرزاد ولایت ننگرهار را از طالبان "
        "پس گرفتند. مقام‌های محلی گفته‌اند در پس‌گیری ولسوالی شیرزاد، ۱۲ تن از نیروهای "
        "دولتی و ۲۰ تن از مخالفان مسلح دولت کشته شده‌اند."
    )
    assert _taken(extractor, text, date(2020, 8, 4)) == {
        ("Shērzād", "Military Forces of Afghanistan")
    }


def test_losses_in_a_retaking_told_alone_keep_the_retaking(extractor: Extractor) -> None:
    # guard: with no takeover told before, the sentence is the report's only word on it
    text = (
        "مقام‌های محلی گفته‌اند در پس‌گیری ولسوالی شیرزاد، ۱۲ تن از نیروهای دولتی و "
        "۲۰ تن از مخالفان مسلح دولت کشته شده‌اند."
    )
    assert _places(extractor, text, date(2020, 8, 4)) == {"Shērzād"}
