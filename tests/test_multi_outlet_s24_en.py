"""Wordings from session 24's blind trial of English reports of takeovers in wars not
tried before (Afghanistan 2021, Nagorno-Karabakh 2020, Mali 2023, the Philippines 2017,
Libya 2016): "the capital of Balkh province" is the seat the data gives, not the old
town named like the province; a valley or province placed "north of Kabul" is what
was taken, not Kabul; "liberated another town ... in Upper Karabakh" took a town the
sentence does not name, not the region; "refutes the claims" and a statement "as far
from reality as" deny a takeover; a side that "has not yet confirmed the fall of the
city" is not its taker, and the reference to that fall joins the side the article
names; a place that "has fallen into the hands of" a side in a quotation was taken by
that side, whatever town the speaker fled to.

The sentences are written for these tests, in the constructions the real reports used.
"""

from __future__ import annotations

from conftest import places_taken as taken
from conftest import read_wire as read

from sitrep.core.records import Mention, Status
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import TERRITORY_SUB_TYPES


def _where(extractor: Extractor, text: str, day: str) -> set[str]:
    """The places ``text`` tells taken (or claimed taken), whoever took them."""
    return {place for place, _ in taken(read(extractor, text, day))}


def _changes(extractor: Extractor, text: str, day: str) -> list[Mention]:
    """The territory mentions ``text`` yields, with any status."""
    return [m for m in read(extractor, text, day) if m.sub_event_type in TERRITORY_SUB_TYPES]


def test_the_capital_of_a_province_is_its_seat_not_a_town_of_its_name(
    extractor: Extractor,
) -> None:
    # Balkh province has an old town called Balkh; its seat is Mazar-i-Sharif
    text = "The capital of Balkh province was taken by the Taliban on Saturday."
    assert taken(read(extractor, text, "2021-08-14")) == {("Mazār-e Sharīf", "Taliban")}
    text = (
        "The Taliban seized Mazar-i-Sharif on Saturday. The capital of the Balkh province, "
        "it was taken without a fight, officials said."
    )
    assert taken(read(extractor, text, "2021-08-14")) == {("Mazār-e Sharīf", "Taliban")}


def test_a_province_with_no_seat_listed_is_still_its_town_of_that_name(
    extractor: Extractor,
) -> None:
    # guard: Kunduz province's seat is the town of Kunduz, which the data does not list
    text = "The capital of Kunduz province was taken by the Taliban on Sunday."
    assert taken(read(extractor, text, "2021-08-08")) == {("Kunduz", "Taliban")}


def test_a_valley_north_of_a_city_is_what_was_taken(extractor: Extractor) -> None:
    text = (
        "Taliban commanders said on Friday that they had captured the Panjshir valley "
        "north of Kabul, the last area holding out."
    )
    assert _where(extractor, text, "2021-09-03") == {"Panjshayr"}
    text = "Rebels said on Friday that they had captured Kunar province, east of Jalalabad."
    assert _where(extractor, text, "2021-08-16") == {"Kunaṟ"}


def test_another_town_in_a_region_takes_no_region(extractor: Extractor) -> None:
    text = (
        "Government troops have recaptured another town from the separatists amid heavy "
        "fighting in Upper Karabakh, the president said on Sunday."
    )
    assert taken(read(extractor, text, "2020-10-04")) == set()
    # guard: the town told beside it is taken
    text = "Azerbaijani troops recaptured another town, Jabrayil, on Sunday."
    assert _where(extractor, text, "2020-10-04") == {"Jabrayil"}


def test_refuting_the_claims_denies_the_takeover(extractor: Extractor) -> None:
    text = (
        "Azerbaijani troops captured Hadrut on Friday, the president said. "
        "The separatists' spokesman refutes the claims as nonsense."
    )
    got = _changes(extractor, text, "2020-10-09")
    assert got and all(m.status is Status.CLAIMED for m in got)


def test_a_statement_far_from_reality_denies_the_takeover(extractor: Extractor) -> None:
    text = (
        "Azerbaijani troops captured Hadrut on Friday, the president said. The separatist "
        "spokesman said the general's statement that troops had taken Hadrut was as far "
        "from reality as their army was from the town."
    )
    got = _changes(extractor, text, "2020-10-09")
    assert got and all(m.status is Status.CLAIMED for m in got)
    # guard: a claim found true is no denial
    text = (
        "Azerbaijani troops captured Hadrut on Friday, the president said. Observers said "
        "the statement was close to reality."
    )
    got = _changes(extractor, text, "2020-10-09")
    assert any(m.status is Status.OCCURRED for m in got)


def test_a_side_that_has_not_confirmed_the_fall_did_not_take_the_town(
    extractor: Extractor,
) -> None:
    text = (
        "The northern city of Kunduz has fallen to the Taliban, officials said. The "
        "insurgents said the city was seized on Thursday night. The government has not "
        "yet confirmed the fall of the city."
    )
    got = _changes(extractor, text, "2021-08-12")
    told = [m for m in got if m.status is Status.OCCURRED]
    assert told and {m.actor1.name if m.actor1 else None for m in told} == {"Taliban"}
    assert all(m.sub_event_type != "Government regains territory" for m in told)


def test_fallen_into_the_hands_of_a_side_in_a_quotation(extractor: Extractor) -> None:
    text = (
        '"Tessalit has fallen into the hands of Daesh," a local official from the town, '
        "who has fled to Gao, told reporters on Wednesday."
    )
    assert taken(read(extractor, text, "2023-04-12")) == {("Tessalit", "ISIS")}
    text = "Tessalit has fallen into the hands of the jihadists of Daesh, a mayor said on Tuesday."
    assert taken(read(extractor, text, "2023-04-11")) == {("Tessalit", "ISIS")}
    # guard: a town taken ("captured") is still the one after the verb
    text = "Jihadists captured Tessalit on Tuesday, an official who fled to Gao said."
    assert _where(extractor, text, "2023-04-11") == {"Tessalit"}


def test_a_mali_village_the_gazetteer_knows(extractor: Extractor) -> None:
    text = "Islamic State fighters took Tidermene on Monday night, officials said."
    assert _where(extractor, text, "2023-04-12") == {"Tidermène"}


def test_a_towns_own_change_told_in_the_possessive(extractor: Extractor) -> None:
    text = "Kabul's fall to the Taliban on Sunday stunned the world."
    assert taken(read(extractor, text, "2021-08-16")) == {("Kabul", "Taliban")}
    # guard: a capital's deed, told with its object, is still the state's
    text = "Baghdad's forces recaptured Tikrit on Tuesday, officials said."
    assert _where(extractor, text, "2015-04-01") == {"Tikrīt"}


def test_a_claim_of_control_now_is_dated_on_its_day(extractor: Extractor) -> None:
    text = (
        "The rebels claim they are now in complete control of the Afghan province of "
        "Panjshir, the last pocket of resistance."
    )
    got = [m for m in _changes(extractor, text, "2021-09-06") if m.status is Status.CLAIMED]
    assert got and all(m.time is not None and not m.time.inferred for m in got)
    # guard: an undated capture told as done stays "on or shortly before" the report
    text = "The rebels claim they have captured the Afghan province of Panjshir."
    got = [m for m in _changes(extractor, text, "2021-09-06") if m.status is Status.CLAIMED]
    assert got and all(m.time is not None and m.time.inferred for m in got)


def test_a_states_claim_told_by_its_demonym_names_the_taker(extractor: Extractor) -> None:
    text = (
        "The separatist spokesman refutes the Azerbaijani claims on capturing the town of "
        "Hadrut as nonsense."
    )
    assert taken(read(extractor, text, "2020-10-09")) == {
        ("Hadrut", "Military Forces of Azerbaijan")
    }
    text = "Kyiv rejected Russian claims of having taken the village of Robotyne on Tuesday."
    assert taken(read(extractor, text, "2023-08-29")) == {("Robotyne", "Military Forces of Russia")}


def test_a_place_conquered(extractor: Extractor) -> None:
    text = "The Taliban said Kunduz was completely conquered on Friday."
    assert taken(read(extractor, text, "2021-08-13")) == {("Kunduz", "Taliban")}
    # in the spokesman's own quoted words, which the classifier reads as no event
    text = (
        '"Kunduz is completely conquered. The fighters reached the main square in the '
        'city," a Taliban spokesman tweeted.'
    )
    assert taken(read(extractor, text, "2021-08-13")) == {("Kunduz", "Taliban")}
    # guard: conquering hearts takes no place
    text = "The party hopes to conquer the hearts of voters in Kabul."
    assert taken(read(extractor, text, "2021-08-13")) == set()
