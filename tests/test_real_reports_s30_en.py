"""Session 30 (en): real multi-outlet reports of 2022-2026 wars, read for the right
side. Every sentence here is written for these tests in the style of wire copy."""

from __future__ import annotations

from conftest import gainers_read as _gainers

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor

# -- who a place fell to: not the side the fall's circumstances name ----------------------


def test_the_hands_a_town_fell_into_are_not_the_armys_it_clashed_with(
    extractor: Extractor,
) -> None:
    # the army named after "following heavy clashes with" was read as a second taker,
    # and as state forces it won: "Government regains territory"
    text = (
        "Sake fell into the hands of M23 fighters on Friday following heavy clashes "
        "with government troops, a rebel spokesman said."
    )
    assert _gainers(extractor, text, "2025-01-25") == ["M23: March 23 Movement"]


def test_a_town_that_fell_to_rebels_amid_clashes_is_no_clash(extractor: Extractor) -> None:
    # the sentence classifier's "armed clash" (from "clashes") retyped the fall itself
    text = "Sake fell to M23 fighters on Friday following heavy clashes with government troops."
    assert _gainers(extractor, text, "2025-01-25") == ["M23: March 23 Movement"]


def test_who_a_town_fell_to_still_spans_a_longer_name(extractor: Extractor) -> None:
    # guard: a taker named with its description is still the taker
    text = "Sake fell into the hands of fighters from the M23 rebel group on Friday."
    assert _gainers(extractor, text, "2025-01-25") == ["M23: March 23 Movement"]


# -- an entry into part of a town, or unnamed areas of a region: no change of control ----


def test_a_partial_entry_into_a_town_is_no_taking(extractor: Extractor) -> None:
    # read as a Russian capture of the town while its fighting went on
    text = "Russian troops have partially entered Vovchansk, a local commander said on Monday."
    assert _gainers(extractor, text, "2024-05-20") == []


def test_an_entry_into_a_town_is_still_a_taking(extractor: Extractor) -> None:
    # guard: without "partially" the entry stays the change it was
    text = "Russian troops have entered Vovchansk, a local commander said on Monday."
    assert _gainers(extractor, text, "2024-05-20") == ["Military Forces of Russia"]


def test_unnamed_areas_a_side_was_driven_out_of_are_no_province(extractor: Extractor) -> None:
    # read as a change of the whole state named after the areas
    text = "Junta troops have been driven out of large areas along the border in Kachin State."
    assert _gainers(extractor, text, "2024-05-20") == []


# -- who left: the owner of "withdrawal" even when the actor's words hold the "'s" --------


def test_the_armys_withdrawal_hands_the_town_to_the_other_side(extractor: Extractor) -> None:
    # "the army's withdrawal" made the army the gainer (and the RSF the loser)
    text = (
        "The governor confirmed the army's withdrawal from Babanusa on Sunday after "
        "the Rapid Support Forces declared control of the town."
    )
    assert _gainers(extractor, text, "2025-12-01") == ["Rapid Support Forces"]


# -- the taker of a taking noun, after an apposition of its place -------------------------


def test_the_by_of_a_capture_after_the_places_apposition_is_its_taker(
    extractor: Extractor,
) -> None:
    # the "by" hung on "situated" and the RSF became the side that lost the town
    text = (
        "Witnesses described the capture of Hasaheisa, a town situated north of Wad "
        "Madani, by the Rapid Support Forces."
    )
    found = _gainers(extractor, text, "2023-12-21", Status.OCCURRED, Status.BACKGROUND)
    assert found == ["Rapid Support Forces"]


def test_a_side_holding_the_place_in_its_apposition_is_no_taker(extractor: Extractor) -> None:
    # guard: "held by" inside the apposition (no comma before "by") names the holder
    text = "The army announced the capture of Singa, a town held by the Rapid Support Forces."
    assert _gainers(extractor, text, "2024-11-23") == ["Military Forces of Sudan"]


# -- a side's declaration of control over a town is its word on a takeover ----------------


def test_rebels_declaring_full_control_over_a_city_took_it(extractor: Extractor) -> None:
    # no trigger read "declared full control over": the takeover was missed
    text = "Crowds gathered in Daraa after rebels declared full control over the city of Daraa."
    assert _gainers(extractor, text, "2024-12-07") != []


def test_a_declared_curfew_is_no_takeover(extractor: Extractor) -> None:
    # guard: "declared" without "control of" takes nothing
    text = "The governor of Daraa declared a curfew over the city on Saturday."
    assert _gainers(extractor, text, "2024-12-07") == []
