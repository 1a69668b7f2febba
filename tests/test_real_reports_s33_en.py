"""Session 33 (en): real multi-outlet reports of 2022-2026 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import gainers_read, places_read
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

TOLD = (Status.OCCURRED, Status.CLAIMED)


def _taken(extractor: Extractor, text: str, day: str) -> list[str]:
    return places_read(extractor, text, day, *TOLD)


def _sides(extractor: Extractor, text: str, day: str) -> list[str | None]:
    return gainers_read(extractor, text, day, *TOLD)


def _days(extractor: Extractor, text: str, day: str) -> dict[str, str]:
    return {
        m.place.place.name: m.time.value.isoformat()
        for m in changes(read(extractor, text, day), *TOLD)
        if m.place is not None and m.time is not None
    }


# -- "The Defense Ministry said its forces ...": the state that spoke the sentence before


def test_a_bare_ministry_speaks_for_the_state_that_claimed_just_before(
    extractor: Extractor,
) -> None:
    # the ministry, named by its kind alone, was read as the army of the village's country
    text = (
        "Moscow claimed on Saturday that it had seized another settlement in the east. "
        "The Defense Ministry said in a statement that its troops captured the village "
        "of Podoly near Kupiansk."
    )
    assert _sides(extractor, text, "2026-01-10") == ["Military Forces of Russia"]


def test_a_bare_general_staff_after_a_state_that_said_so(extractor: Extractor) -> None:
    text = (
        "Russia said on Tuesday that its offensive in the north-east was gaining ground. "
        "The general staff said its units had taken control of Podoly."
    )
    assert _sides(extractor, text, "2026-01-13") == ["Military Forces of Russia"]


def test_a_bare_ministry_after_a_non_state_speaker_borrows_nothing(
    extractor: Extractor,
) -> None:
    # guard: the sentence before opens on a person, not a state
    text = (
        "Zelensky said on Tuesday that the front was holding. "
        "The ministry said its troops had retaken Podoly."
    )
    assert _sides(extractor, text, "2026-01-13") == ["Military Forces of Ukraine"]


def test_a_ministry_named_with_its_country_is_unchanged(extractor: Extractor) -> None:
    # guard
    text = "Russia's defence ministry said its forces had captured the village of Podoly."
    assert _sides(extractor, text, "2026-01-13") == ["Military Forces of Russia"]


# -- a clause that counts from an earlier taking, dated loosely, recalls it -------------


def test_since_losing_control_of_a_city_is_background(extractor: Extractor) -> None:
    # "since losing control of Khartoum in spring 2025" was read as a new government gain
    text = (
        "The paramilitaries have mostly fought on the defensive since losing control "
        "of Khartoum in spring 2025, analysts say."
    )
    assert "Khartoum" not in _taken(extractor, text, "2025-12-09")


def test_after_seizing_towns_earlier_this_year_is_background(extractor: Extractor) -> None:
    text = (
        "After seizing the cities of Goma and Bukavu earlier this year, the rebels "
        "pushed south towards the lake on Sunday."
    )
    taken = _taken(extractor, text, "2025-12-15")
    assert "Goma" not in taken
    assert "Bukavu" not in taken


def test_after_a_city_was_lost_in_a_named_month_is_background(extractor: Extractor) -> None:
    text = (
        "After the RSF was driven out of Khartoum in March, the group turned its "
        "campaign west towards Kordofan."
    )
    assert "Khartoum" not in _taken(extractor, text, "2025-04-03")


def test_after_seizing_a_town_on_a_named_day_is_still_news(extractor: Extractor) -> None:
    # guard: a day-dated taking in the clause is the report's news
    text = "After seizing Bukavu on Sunday, the rebels moved north towards Kavumu."
    assert "Bukavu" in _taken(extractor, text, "2025-02-17")


def test_a_main_clause_taking_after_a_loose_date_clause_is_kept(extractor: Extractor) -> None:
    # guard: the main clause stays the news
    text = "After weeks of fighting in March, the army recaptured Bara on Thursday."
    assert "Bārah" in _taken(extractor, text, "2025-09-12") or "Bara" in _taken(
        extractor, text, "2025-09-12"
    )


# -- "last Wednesday": that weekday of the week before the report's ---------------------


def test_last_weekday_in_the_same_week_is_the_week_before(extractor: Extractor) -> None:
    # "last Wednesday" in a Thursday report was read as the day before
    text = "The rebels captured the lakeside town of Uvira last Wednesday, residents said."
    assert _days(extractor, text, "2025-12-18") == {"Uvira": "2025-12-10"}


def test_on_weekday_is_still_the_latest_such_day(extractor: Extractor) -> None:
    # guard
    text = "The rebels captured the lakeside town of Uvira on Wednesday, residents said."
    assert _days(extractor, text, "2025-12-18") == {"Uvira": "2025-12-17"}


def test_last_weekday_already_in_the_week_before_is_unchanged(extractor: Extractor) -> None:
    # guard: on a Monday, "last Friday" is three days back
    text = "The rebels captured the lakeside town of Uvira last Friday, residents said."
    assert _days(extractor, text, "2025-12-15") == {"Uvira": "2025-12-12"}


# -- a claim recalled: "had claimed", "follows last week's declaration of seizing" -------


def test_a_claim_told_in_the_past_perfect_days_ago_is_background(extractor: Extractor) -> None:
    # "Russia had claimed complete control over Pokrovsk on December 2" read on the 12th
    text = "Moscow had claimed full control over Siversk on December 11, a claim Kyiv rejected."
    assert _taken(extractor, text, "2025-12-22") == []


def test_a_past_perfect_claim_without_a_date_is_background(extractor: Extractor) -> None:
    text = "Russian officials had claimed control over Siversk, but fighting went on."
    assert _taken(extractor, text, "2025-12-22") == []


def test_a_claim_of_today_is_still_a_claim(extractor: Extractor) -> None:
    # guard: the simple past of the report's day
    text = "Moscow claimed full control over Siversk on Monday."
    assert _taken(extractor, text, "2025-12-22") == ["Siversk"]


def test_a_past_perfect_taking_under_a_fresh_telling_is_news(extractor: Extractor) -> None:
    # guard: the past perfect is the taking's, the telling is today's
    text = "Russia's defence ministry said on Monday that its troops had captured Siversk."
    assert _taken(extractor, text, "2025-12-23") == ["Siversk"]


def test_a_declaration_the_news_follows_is_background(extractor: Extractor) -> None:
    text = (
        "The statement follows last week's Russian announcement of capturing Siversk, "
        "a town in the north of the Donetsk region."
    )
    assert _taken(extractor, text, "2025-12-29") == []


# -- "still under Kyiv's control": a denial whose holder is named in the possessive ------


def test_still_under_a_possessive_holders_control_denies_the_taking(
    extractor: Extractor,
) -> None:
    text = (
        "Russian troops seized the village of Novomykolaivka on Saturday. Ukrainian "
        "military bloggers said the village was still under Kyiv's control."
    )
    found = changes(read(extractor, text, "2025-09-13"), *TOLD)
    assert [m.status for m in found] == [Status.CLAIMED]


def test_a_next_sentence_that_denies_nothing_leaves_the_taking(extractor: Extractor) -> None:
    # guard
    text = (
        "Russian troops seized the village of Novomykolaivka on Saturday. The village "
        "lies near the regional border."
    )
    found = changes(read(extractor, text, "2025-09-13"), *TOLD)
    assert [m.status for m in found] == [Status.OCCURRED]


# -- "the city of X, which fell to ...": the relative clause tells of the town it hangs on


def test_a_relative_clause_on_a_town_is_about_that_town(extractor: Extractor) -> None:
    # the fall was placed in the capital named at the sentence's end, as a metonym
    text = (
        "The rebels began pulling out on Wednesday from the lakeside city of Uvira, which "
        "fell to the group in an early December push that angered Washington."
    )
    assert _taken(extractor, text, "2025-12-18") == ["Uvira"]


def test_a_relative_clause_with_its_own_subject_keeps_its_town(extractor: Extractor) -> None:
    # guard
    text = "Shelling went on near Bara, which the RSF recaptured on Oct. 25, residents said."
    assert _days(extractor, text, "2025-11-16") == {"Bārah": "2025-10-25"}


def test_a_town_described_as_stormed_in_a_relative_clause_is_not_taken(
    extractor: Extractor,
) -> None:
    # guard: an assault told as the town's description (a locator of another village)
    text = (
        "The village sits about ten kilometres south-west of Kurakhove, which Russian "
        "forces have stormed and are threatening to surround, according to DeepState, a "
        "Ukrainian mapping group."
    )
    assert "Kurakhove" not in _taken(extractor, text, "2024-12-21")
