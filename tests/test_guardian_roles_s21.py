"""Document-level sides of a takeover told with no side near it, in the long,
paragraph-less pieces of a weekly paper: the gaining side of "the town finally fell"
is the one side the article shows attacking that same town, before or after the
fall; with no such side (or two), the takeover stays an unattributed report.

The sentences are written for these tests, in the constructions of the Guardian's
Syria pieces (2017-2019).
"""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Mention
from sitrep.read.en.extract import Extractor

OUTLET = "Test Weekly"


def taken(mentions: list[Mention]) -> set[tuple[str, str | None]]:
    return {
        (m.place.place.name, m.actor1.name if m.actor1 else None)
        for m in changes(mentions)
        if m.place
    }


def test_the_side_shown_readying_an_assault_on_the_last_holdout_took_it(
    extractor: Extractor,
) -> None:
    # the attack's object is "the last holdout", the town named just before; the fall
    # is told three sentences on, by a sentence naming no side
    text = (
        "Above the small town of Hajin, coalition drones circled for weeks. Several "
        "villages away, fighters of the Syrian Democratic Forces were readying for a "
        "final assault on the last holdout. Residents who fled described hunger and "
        "fear. Aid groups said the camps were overwhelmed. The town finally fell on "
        "Friday, after weeks of fighting."
    )
    assert taken(read(extractor, text, "2018-12-15", outlet=OUTLET)) == {
        ("Hajīn", "Syrian Democratic Forces")
    }


def test_an_attack_told_after_the_fall_names_its_side(extractor: Extractor) -> None:
    text = (
        "The town of Hajin fell on Friday after weeks of street fighting. Residents who "
        "fled described hunger and fear. Syrian government troops had pressed an "
        "offensive against Hajin for weeks, backed by Russian jets."
    )
    assert taken(read(extractor, text, "2018-12-15", outlet=OUTLET)) == {
        ("Hajīn", "Military Forces of Syria")
    }


def test_two_sides_attacking_the_town_leave_its_fall_unattributed(
    extractor: Extractor,
) -> None:
    text = (
        "Kurdish fighters pressed an assault on Hajin. Government troops launched an "
        "offensive against Hajin from the west. The town fell on Sunday."
    )
    assert taken(read(extractor, text, "2018-12-15", outlet=OUTLET)) == {("Hajīn", None)}


def test_an_attack_of_another_year_names_no_side_of_today(extractor: Extractor) -> None:
    # the assault of 2014 is history: its side is not the side of this week's fall
    text = (
        "In 2014, Isis fighters launched an assault on Hajin. The town fell on Friday "
        "after weeks of fighting."
    )
    assert taken(read(extractor, text, "2018-12-15", outlet=OUTLET)) == {("Hajīn", None)}


def test_an_attack_on_another_town_names_no_side(extractor: Extractor) -> None:
    text = (
        "Kurdish fighters pressed an assault on Raqqa. Hajin, far to the south, was "
        "quiet for a month. The town fell on Friday after weeks of fighting."
    )
    assert ("Hajīn", "YPG: People's Protection Units") not in taken(
        read(extractor, text, "2018-12-15", outlet=OUTLET)
    )


def test_the_enclave_a_leader_left_behind_is_the_town_told_before(
    extractor: Extractor,
) -> None:
    # "The enclave Baghdadi left behind finally fell": a contact relative clause the
    # parser takes for the main clause, with a name after "The enclave" that is not
    # the enclave's name
    for clause in ("Baghdadi left behind", "the militants held", "its leader abandoned"):
        text = (
            "Abu Bakr al-Baghdadi fled from Hajin to the desert in January. Kurdish "
            "forces pressed their assault on the town for six weeks. "
            f"The enclave {clause} finally fell over the weekend."
        )
        assert {p for p, _ in taken(read(extractor, text, "2018-12-15", outlet=OUTLET))} == {
            "Hajīn"
        }, clause


# four sentences between the attack and the fall: no side is named near the fall
FILLER = (
    "Aid groups said the camps were overwhelmed. Residents described hunger. Doctors "
    "said medicine had run out."
)


def test_a_siege_of_the_town_of_x_names_its_side(extractor: Extractor) -> None:
    text = (
        f"Iraqi troops besieged the town of Tal Afar for weeks. {FILLER} The town fell on Sunday."
    )
    assert taken(read(extractor, text, "2017-08-30", outlet=OUTLET)) == {
        ("Tall ‘Afar", "Military Forces of Iraq")
    }


def test_a_state_named_by_its_demonym_before_the_offensive_took_the_town(
    extractor: Extractor,
) -> None:
    text = (
        "Thousands of families fled as the Turkish offensive against Afrin entered its "
        f"eighth week. {FILLER} The town fell on Sunday, after weeks of shelling."
    )
    assert taken(read(extractor, text, "2018-03-20", outlet=OUTLET)) == {
        ("‘Afrīn", "Military Forces of Turkey")
    }


def test_an_offensive_begun_weeks_before_the_fall_names_its_side(extractor: Extractor) -> None:
    # the attack is dated two months back: the campaign that ends in the fall, not
    # another war's (more than a year back, see the 2014 test above)
    text = (
        f"On 20 January, Turkish-backed rebels attacked the Kurdish city of Afrin. {FILLER} "
        "The city fell on Sunday."
    )
    assert taken(read(extractor, text, "2018-03-20", outlet=OUTLET)) == {
        ("‘Afrīn", "Syrian National Army")
    }


def test_the_besieged_city_names_no_besieger(extractor: Extractor) -> None:
    # "the besieged city of Afrin" describes the city; the soldiers named before it
    # are not its attackers
    text = (
        "Her position was struck as she and five other soldiers helped to evacuate "
        f"civilians from the besieged city of Afrin. {FILLER} The city fell on Sunday."
    )
    assert taken(read(extractor, text, "2018-03-20", outlet=OUTLET)) == {("‘Afrīn", None)}


def test_a_side_holding_out_against_attacks_on_the_town_is_not_its_taker(
    extractor: Extractor,
) -> None:
    for held in ("fought off attacks on", "repelled an assault on", "braced for an assault on"):
        text = f"Rebels {held} Hajin for weeks. {FILLER} The town fell on Saturday."
        assert taken(read(extractor, text, "2018-12-15", outlet=OUTLET)) == {("Hajīn", None)}, held


def test_the_side_named_by_after_the_attacked_town_took_it(extractor: Extractor) -> None:
    for text, side in (
        (
            "The final assault on Hajin by the Syrian Democratic Forces began in November.",
            "Syrian Democratic Forces",
        ),
        (
            "The campaign to retake Hajin, led by Kurdish fighters, began in November.",
            "YPG: People's Protection Units",
        ),
    ):
        mentions = read(extractor, f"{text} {FILLER} The town fell on Friday.", "2018-12-15")
        assert taken(mentions) == {("Hajīn", side)}, text


def test_the_leads_assault_on_the_last_enclave_is_on_the_one_town_taken(
    extractor: Extractor,
) -> None:
    # the lead names no town; the article tells one town taken with no side
    lead = (
        "Kurdish-led forces have pressed a final assault on the last Isis enclave in "
        f"eastern Syria. {FILLER} Baghuz, a village on the Euphrates, was once a quiet "
        "farming town. The town fell on Saturday."
    )
    assert taken(read(extractor, lead, "2019-03-23", outlet=OUTLET)) == {
        ("Baghuz", "Syrian Democratic Forces")
    }
    # two towns taken with no side: which one the lead's enclave is, it does not say
    both = f"{lead} Hajin fell on Friday."
    assert taken(read(extractor, both, "2019-03-23", outlet=OUTLET)) == {
        ("Baghuz", None),
        ("Hajīn", None),
    }
