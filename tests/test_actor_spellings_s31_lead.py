"""Session 31 (lead): a side named with a spelling outlets print by mistake still names
the side. Every sentence here is written for these tests in the style of wire copy."""

from __future__ import annotations

from conftest import gainers_read as _gainers
from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.read.en.extract import Extractor


def test_a_misspelt_demonym_still_names_the_state_forces(extractor: Extractor) -> None:
    # "Ukranian" (one i short) is common in wire copy; it gave a taking with no side
    text = "Ukranian forces retook the rebel stronghold of Sloviansk on Saturday, officials said."
    assert _gainers(extractor, text, "2014-07-06") == ["Military Forces of Ukraine"]


def test_the_right_spelling_reads_as_before(extractor: Extractor) -> None:
    text = "Ukrainian forces retook the rebel stronghold of Sloviansk on Saturday, officials said."
    assert _gainers(extractor, text, "2014-07-06") == ["Military Forces of Ukraine"]


def _taken(extractor: Extractor, text: str, day: str) -> list[tuple[str, str | None]]:
    return [
        (m.place.place.name if m.place else "", m.actor1.name if m.actor1 else None)
        for m in changes(read(extractor, text, day))
    ]


def test_a_groups_capitals_acronym_is_no_place_abroad(extractor: Extractor) -> None:
    # "KIA" (the Kachin Independence Army only when written in capitals) is also Kia in
    # the Solomon Islands: read as that place, it hid the Burmese town as a stray
    text = "The KIA captured the jade-mining town of Hpakant on Tuesday, a spokesman said."
    assert _taken(extractor, text, "2024-08-08") == [("Hpākān", "KIA: Kachin Independence Army")]


def test_the_groups_full_name_reads_as_before(extractor: Extractor) -> None:
    text = "The Kachin Independence Army captured the town of Hpakant on Tuesday."
    assert _taken(extractor, text, "2024-08-08") == [("Hpākān", "KIA: Kachin Independence Army")]
