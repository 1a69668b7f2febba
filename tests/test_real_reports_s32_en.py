"""Session 32 (en): real multi-outlet reports of 2022-2026 wars, read for the right
event, day and side. Every sentence here is written for these tests in the style of
wire copy."""

from __future__ import annotations

from conftest import places_read
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor, denies_takeover

TOLD = (Status.OCCURRED, Status.CLAIMED)


def _taken(extractor: Extractor, text: str, day: str, *statuses: Status) -> list[str]:
    return places_read(extractor, text, day, *(statuses or TOLD))


def _days(extractor: Extractor, text: str, day: str) -> dict[str, str]:
    return {
        m.place.place.name: m.time.value.isoformat()
        for m in changes(read(extractor, text, day), *TOLD)
        if m.place is not None and m.time is not None
    }


# -- a list of towns: every town of it is taken, each on its own day ---------------------


def test_a_town_added_with_as_well_as_is_taken_too(extractor: Extractor) -> None:
    # the second town, joined by "as well as", was dropped
    text = "Moscow said its troops had seized Siversk as well as Vovchansk on Thursday."
    taken = _taken(extractor, text, "2025-12-12")
    assert "Siversk" in taken
    assert "Vovchansk" in taken


def test_a_town_added_after_an_aside_on_the_first_is_taken_too(extractor: Extractor) -> None:
    # "X, a rail hub, as well as Y": the aside on the first town hid the list
    text = (
        "The defence ministry said on Friday that its forces had captured Kupiansk, "
        "a key railway hub, as well as Siversk in the Donetsk region."
    )
    taken = _taken(extractor, text, "2025-11-21")
    assert "Siversk" in taken
    assert any(name.startswith("Kup") for name in taken)


def test_each_town_of_a_list_keeps_its_own_day(extractor: Extractor) -> None:
    # "X on D1 and Y on D2": the second town was dropped, then dated by the first day
    text = "Junta troops retook Kyaukme on September 28 and Nawnghkio on July 15, state media said."
    days = _days(extractor, text, "2025-10-03")
    assert days.get("Kyaukme") == "2025-09-28"
    assert days.get("Nawnghkio") == "2025-07-15"


def test_a_list_with_weekdays_dates_each_town_by_its_weekday(extractor: Extractor) -> None:
    text = "The army said it retook Bara on Monday and Rahad on Wednesday."
    days = _days(extractor, text, "2025-09-12")
    assert [d for n, d in days.items() if n.startswith("B")] == ["2025-09-08"]
    assert days.get("Ar Rahad") == "2025-09-10"


def test_one_day_after_a_list_dates_every_town(extractor: Extractor) -> None:
    # guard: a single day after the list is the whole list's day
    text = "Russian forces captured Pokrovsk and Vovchansk on Monday, the ministry said."
    days = _days(extractor, text, "2025-12-03")
    assert days == {"Pokrovsk": "2025-12-01", "Vovchansk": "2025-12-01"}


def test_an_aside_without_a_second_town_adds_nothing(extractor: Extractor) -> None:
    # guard: "X, the capital of Y" is an aside, no list
    text = "Rebels took Kyaukme, the biggest town on the highway, on Tuesday."
    assert _taken(extractor, text, "2024-08-08") == ["Kyaukme"]


# -- a claim the other side disputes in the same report -------------------------------


def test_disputing_the_claim_is_a_denial() -> None:
    assert denies_takeover(
        "The paramilitary said it had seized the town, though the army disputed the claim."
    )
    assert denies_takeover(
        "The militants say they overran the base, but the military disputes the battle outcome."
    )
    assert denies_takeover("However, the report was disputed by the army.")


def test_a_takeover_told_as_fact_and_denied_stays_a_claim(extractor: Extractor) -> None:
    # guard: the reporter's own telling, answered by a denial, stays a claim
    text = (
        "Russian forces captured the town of Kupiansk on Thursday. Ukraine's military "
        "denied the claim."
    )
    assert any(n.startswith("Kup") for n in _taken(extractor, text, "2025-11-21", Status.CLAIMED))


def test_an_undisputed_claim_is_kept(extractor: Extractor) -> None:
    # guard: a side's claim nobody answers is still a claim
    text = "The group claimed on Wednesday to have seized control of Adan Yabaal."
    assert "Adan Yabaal" in _taken(extractor, text, "2025-04-16")


# -- an unnamed district capital in a named state: not the state ------------------------


def test_an_unnamed_district_capital_in_a_state_is_not_the_state(extractor: Extractor) -> None:
    # "took back control of a major district capital in Shan State" was Shan State's taking
    text = (
        "Myanmar's army has taken back control of a major district capital in Shan State "
        "more than a year after losing it to ethnic rebels, state media said on Thursday."
    )
    assert not any(n.startswith("Shan") for n in _taken(extractor, text, "2025-10-02"))


def test_a_named_town_in_a_state_is_still_taken(extractor: Extractor) -> None:
    # guard: the town named before the state is the one taken
    text = "Myanmar's army has taken back control of Kyaukme in Shan State, state media said."
    assert "Kyaukme" in _taken(extractor, text, "2025-10-02")
