"""Persian and Dari wording the sixth and seventh blind trials of real reports
(sessions 27 and 28, issue 12) found read wrong. Every sentence here was written
for the test."""

from __future__ import annotations

from test_persian_trial5 import changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor
from sitrep.resolve.actors import _tokens

# changes(extractor, text, *statuses) reads a report of 2021-07-04


def _told(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """(place, taker) of the takeovers told as having happened or as claimed."""
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
        if m.place
    ]


def _left(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    """(place, loser) of the changes told as having happened."""
    return [
        (m.place.place.name, m.actor2.name if m.actor2 else None)
        for m in changes(extractor, text, Status.OCCURRED, Status.CLAIMED)
        if m.place
    ]


def test_a_plural_suffix_typed_after_a_space_is_one_word_with_its_noun() -> None:
    # "کمیته های" and "کمیته‌های" are the same word to the actor dictionary
    spaced = [t.norm for t in _tokens("نیروهای ارتش و کمیته های مردمی")]
    joined = [t.norm for t in _tokens("نیروهای ارتش و کمیته‌های مردمی")]
    assert spaced == joined
    # guard: "ها" after a Latin word or after punctuation stays a word of its own
    assert len(_tokens("ISIS ها")) == 2


def test_the_houthis_own_name_for_their_forces_with_a_spaced_plural(
    extractor: Extractor,
) -> None:
    # "ارتش و کمیته های مردمی" is the Houthis' name for their forces, however the
    # plural is typed; not Yemen's army
    text = "نیروهای ارتش و کمیته های مردمی امروز شهر زنگبار مرکز استان ابین را آزاد کردند."
    assert _told(extractor, text) == [("Zinjibār", "Houthi Movement (Ansar Allah)")]
    # guard: Yemen's army alone is the state's
    army = "ارتش یمن امروز شهر زنگبار مرکز استان ابین را آزاد کرد."
    assert _told(extractor, army) == [("Zinjibār", "Military Forces of Yemen")]


def test_a_district_after_nahiya_is_the_district_not_its_province(
    extractor: Extractor,
) -> None:
    # "ناحیه X ولایت Y": the area (district) X of province Y
    text = "نیرو های دولتی امروز کنترل ناحیه قلعه ذال ولایت کندوز را از طالبان پس گرفتند."
    assert _told(extractor, text) == [("Qal‘ah-ye Zāl", "Military Forces of Afghanistan")]


def test_a_withdrawal_from_a_tally_of_districts_leaves_no_named_place(
    extractor: Extractor,
) -> None:
    # left fourteen unnamed districts of Kabul, not Kabul
    text = "نیروهای دولتی امروز در کابل از چهارده ولسوالی و چندین حوزه امنیتی خارج شدند."
    assert _left(extractor, text) == []
    posts = "سربازان ارتش امروز از سه پاسگاه در ولسوالی ناوه خارج شدند."
    assert _left(extractor, posts) == []
    # guard: a withdrawal from the town itself
    town = "نیروهای دولتی امروز از شهر غزنی خارج شدند."
    assert _left(extractor, town) == [("Ghazni", "Military Forces of Afghanistan")]


def test_a_light_verb_said_once_for_two_predicates(extractor: Extractor) -> None:
    # "X از کنترل حکومت خارج و ... آزاد شدند": the verb of the first predicate is
    # the second's
    text = (
        "شهرهای میمنه و چاریکار امروز بدون مقاومت از کنترل حکومت افغانستان خارج و "
        "همه زندانیان این شهرها توسط طالبان آزاد شدند."
    )
    assert [p for p, _ in _left(extractor, text)] == ["Maymana", "Charikar"]
    # guards: "from abroad and at home" is no loss of control; the second
    # predicate denied is no light verb shared
    abroad = "مسافران از خارج و داخل کشور امروز به شهر میمنه منتقل شدند."
    assert _left(extractor, abroad) == []
