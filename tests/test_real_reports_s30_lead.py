"""Session 30 (lead): an armed group's home country as context for the places of a
report that names no country. Every sentence here is written for these tests in the
style of wire copy."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.read.en.extract import Extractor

GHORMACH = 7052787  # the district (GeoNames admin2)


def _places(extractor: Extractor, text: str, day: str) -> list[tuple[int | None, str | None]]:
    return [
        (m.place.place.id if m.place else None, m.actor1.name if m.actor1 else None)
        for m in changes(read(extractor, text, day))
    ]


def test_a_far_namesake_in_a_mans_name_does_not_hide_the_groups_town(
    extractor: Extractor,
) -> None:
    # "Khair" (a town in India) in the official's name and the Afghan district lay far
    # from each other in a report naming no country: both were dropped as strays
    text = (
        "Taliban fighters overran Ghormach district on Sunday after days of fighting. "
        '"The district is lost," Khair Khah told reporters.'
    )
    assert _places(extractor, text, "2017-08-13") == [(GHORMACH, "Taliban")]


def test_the_somali_group_keeps_its_somali_town(extractor: Extractor) -> None:
    text = (
        "Al-Shabaab fighters seized Bulo Burde on Sunday, residents said. "
        "A council member in Khair said nothing."
    )
    assert [p for p, _ in _places(extractor, text, "2017-08-13")] == [63689]  # Buulobarde


def test_a_group_away_from_home_leaves_the_places_named(extractor: Extractor) -> None:
    # guard: Hezbollah's home is Lebanon, but the report places its town in Syria
    text = "Hezbollah fighters and Syrian troops captured Qusayr in Syria on Wednesday."
    found = [m.place.place.country for m in changes(read(extractor, text, "2013-06-05")) if m.place]
    assert found and set(found) == {"SYR"}


def test_generic_words_name_no_home_country(extractor: Extractor) -> None:
    # guard: "insurgents" names no group by itself, so no country: the lone far town
    # stays as the plain reading has it
    text = "Insurgents overran Ghormach district on Sunday, Khair Khah said."
    assert GHORMACH not in [p for p, _ in _places(extractor, text, "2017-08-13")]
