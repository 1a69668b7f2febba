"""Session 29 rules and places from real reports of control changes in the wars of
2024-2025 (Syria's offensive of Nov-Dec 2024, Ukraine, Sudan, DR Congo, Myanmar); every
sentence here is written for these tests in the style of wire copy."""

from __future__ import annotations

import pytest
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _taken(
    extractor: Extractor, text: str, day: str, *statuses: Status
) -> list[tuple[str, str | None]]:
    return [
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(read(extractor, text, day), *statuses)
        if m.place is not None
    ]


# -- spellings of places the gazetteer has, and a base it lacked -------------------------


@pytest.mark.parametrize(
    ("sentence", "day", "place", "country"),
    [
        (
            "Rebels said they had seized the city of Deir ez-Zur on Tuesday.",
            "2024-12-11",
            "Deir ez-Zor",
            "SYR",
        ),
        ("Turkish-backed factions captured Safireh on Sunday.", "2024-12-02", "As Safīrah", "SYR"),
        ("The RSF said it had seized Babanousa on Monday.", "2025-12-02", "Babanūsah", "SDN"),
        ("Russian troops entered Hulyaipole on Saturday.", "2025-11-23", "Hulyaypole", "UKR"),
        ("The army recaptured Naung Hkio on Wednesday.", "2025-07-17", "Nawnghkio", "MMR"),
        ("Government forces retook Kuweires on Tuesday.", "2015-11-11", "Kuweires Air Base", "SYR"),
    ],
)
def test_a_conflict_place_is_found(
    extractor: Extractor, sentence: str, day: str, place: str, country: str
) -> None:
    (taking,) = changes(read(extractor, sentence, day))
    assert taking.place is not None
    assert (taking.place.place.name, taking.place.place.country) == (place, country)


def test_pro_turkey_fighters_are_the_syrian_national_army(extractor: Extractor) -> None:
    # "pro-Turkey forces" and "Ankara-backed groups" were read as Turkey's army or as
    # no side at all; wires use both for the Turkish-backed Syrian factions
    for text in (
        "Pro-Turkey forces took control of Tal Rifaat on Sunday.",
        "Ankara-backed groups captured Tal Rifaat on Sunday.",
    ):
        assert _taken(extractor, text, "2024-12-02") == [("Tall Rif‘at", "Syrian National Army")]


# -- a claim answered by the other side ------------------------------------------------


def test_a_claim_dismissed_in_a_participle_is_the_claimants_not_the_speakers(
    extractor: Extractor,
) -> None:
    # the speaker who dismissed it became the taker, and the claim a fact
    text = (
        "Ukraine's army said on Thursday that its troops remained in control of the town of "
        "Siversk, dismissing a statement by Russian commanders that their forces had seized it."
    )
    assert _taken(extractor, text, "2025-12-12") == []
    assert _taken(extractor, text, "2025-12-12", Status.CLAIMED) == [
        ("Siversk", "Military Forces of Russia")
    ]


def test_a_claim_by_a_states_commanders_is_that_states(extractor: Extractor) -> None:
    text = (
        "Kyiv on Thursday dismissed a claim by Russian commanders that their troops had "
        "captured Kupiansk."
    )
    assert _taken(extractor, text, "2025-11-21", Status.CLAIMED) == [
        ("Kupyansk", "Military Forces of Russia")
    ]


def test_a_claim_by_rebels_of_a_country_is_not_its_army(extractor: Extractor) -> None:
    # guard: "Sudanese rebels" are no state's word; the army must not become the taker
    text = (
        "The army on Friday rejected a statement by Sudanese rebels that their fighters had "
        "captured Dilling."
    )
    for status in (Status.OCCURRED, Status.CLAIMED):
        assert all(
            a != "Military Forces of Sudan"
            for _, a in _taken(extractor, text, "2025-06-07", status)
        )


# -- where a leaving side went ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Government troops fled to nearby Salamiyah without resistance.",
        "Government troops withdrew to Salamiyah without a fight.",
        "Army units pulled back to the town of Salamiyah on Thursday.",
    ],
)
def test_the_place_a_side_fled_to_changes_no_hands(extractor: Extractor, text: str) -> None:
    assert _taken(extractor, text, "2024-12-06") == []


def test_the_place_a_side_withdrew_from_still_changes_hands(extractor: Extractor) -> None:
    # guard: the town left is given up; only the destination is dropped
    text = "Government troops withdrew from Hama to Salamiyah on Thursday."
    assert [p for p, _ in _taken(extractor, text, "2024-12-06")] == ["Ḩamāh"]


# -- dates told against the week before the report --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The TNLA took complete control of Mogoke last week on Wednesday.",
        "The TNLA took complete control of Mogoke on Wednesday last week.",
    ],
)
def test_a_weekday_of_last_week_is_that_weeks(extractor: Extractor, text: str) -> None:
    # read on Thursday 1 August 2024, "Wednesday" alone is the day before; "last week on
    # Wednesday" is 24 July (the town was dated the day before and merged wrongly)
    (taking,) = changes(read(extractor, text, "2024-08-01"))
    assert taking.time is not None and str(taking.time.value) == "2024-07-24"


def test_the_previous_week_dates_a_taking_a_week_back(extractor: Extractor) -> None:
    text = "Turkish-backed fighters had retaken Tal Rifaat the previous week."
    for m in read(extractor, text, "2024-12-09"):
        if m.place is not None and m.sub_event_type and "territory" in m.sub_event_type:
            assert m.time is not None and str(m.time.value) <= "2024-12-02"


# -- a taking a span of time is counted from ---------------------------------------------


def test_a_taking_after_since_is_recalled(extractor: Extractor) -> None:
    text = (
        "Junta troops have been advancing along the Nawnghkio-Mogoke road since "
        "recapturing Nawnghkio, a resistance source said."
    )
    assert _taken(extractor, text, "2025-08-07") == []


def test_a_taking_told_with_since_when_after_it_is_news(extractor: Extractor) -> None:
    # guard: "since when" counts on from the news, it does not recall it
    text = "The army recaptured Nawnghkio on Wednesday, since when it has pushed north."
    assert _taken(extractor, text, "2025-08-07") == [("Nawnghkio", "Military Forces of Myanmar")]


# -- the side a place fell to ------------------------------------------------------------


def test_a_place_fell_to_the_side_after_to_not_a_monitors_country(extractor: Extractor) -> None:
    # "Syrian" in the monitor's name made Syria's army the taker of both towns
    text = (
        "While Aleppo and Hama, the two other cities taken from government control this week, "
        "fell to an Islamist-led rebel alliance, Daraa was taken by local armed groups, "
        "according to the Syrian Observatory for Human Rights."
    )
    for m in changes(read(extractor, text, "2024-12-07")):
        assert m.actor1 is None or m.actor1.name != "Military Forces of Syria"
        if m.place is not None and m.place.place.name in ("Aleppo", "Ḩamāh"):
            assert m.sub_event_type == "Non-state actor overtakes territory"


def test_a_place_fell_to_a_country_is_that_countrys(extractor: Extractor) -> None:
    # guard: a country after "to" is still the taker
    assert _taken(extractor, "Bakhmut fell to Russia on Saturday.", "2023-05-21") == [
        ("Bakhmut", "Military Forces of Russia")
    ]


# -- an army grouping named by its country ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Russia's Yug (South) battle group has established control over the city of "
            "Kurakhove, the defence ministry said on Monday.",
            "Kurakhove",
        ),
        (
            "Russia's Vostok battle group has captured the village of Velyka Novosilka, the "
            "ministry said on Sunday.",
            "Velyka Novosilka",
        ),
    ],
)
def test_a_countrys_battle_group_is_its_army_and_its_name_no_place(
    extractor: Extractor, text: str, place: str
) -> None:
    # "Yug" and "Vostok" were read as villages in Russia (the Ukrainian town then dropped
    # as a stray) and the taker was unknown
    assert _taken(extractor, text, "2025-01-06") == [(place, "Military Forces of Russia")]
