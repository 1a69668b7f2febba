"""Integration mend of session 33: the relative-clause rule of s33-en ("Uvira, which
fell to the militia") leaves an agentless passive alone ("al-Qaim, which was retaken
earlier this month" only describes a town the sentence locates by). Sentences written
for these tests."""

from __future__ import annotations

from conftest import gainers_read, places_read

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

TOLD = (Status.OCCURRED, Status.CLAIMED)


def test_an_agentless_passive_on_a_locating_town_is_no_taking(extractor: Extractor) -> None:
    text = (
        "Iraqi troops drove the militants out of Rawa on Friday, the military said. "
        "Rawa sits on the Euphrates, upstream from the border town of al-Qaim, "
        "which was retaken earlier this month. The militants still hide in the desert."
    )
    # was ["Rāwah", "Al Qā’im"]: al-Qaim taken by the Iraqi army on November 1
    assert places_read(extractor, text, "2017-11-18", *TOLD, plain=True) == ["Rawah"]
    alone = (
        "Rawa lies on the Euphrates, upstream from the border town of al-Qaim, "
        "which was retaken earlier this month."
    )
    assert places_read(extractor, alone, "2017-11-18", *TOLD) == []


def test_a_relative_clause_with_its_taker_still_takes_its_town(extractor: Extractor) -> None:
    # guards: the side is named in the clause (a "to" or a "by")
    by = "Residents returned to Bara, which was retaken by the army on Monday."
    assert gainers_read(extractor, by, "2025-12-10", *TOLD) == ["Military Forces of Sudan"]
    to = "The M23 withdrew from Uvira, which fell to the Wazalendo militia last week."
    assert "Uvira" in places_read(extractor, to, "2025-12-10", *TOLD)
