"""(s28-en2) Session 28 rules from real reports of control changes in Europe, the Middle East, the
Caucasus, Latin America and older wars (sentences written for these tests in the style of
wire copy)."""

from __future__ import annotations

from conftest import read_wire as read
from conftest import territory_changes as changes

from sitrep.core.records import Status
from sitrep.read.en.extract import Extractor


def _names(mentions: list) -> set[str | None]:
    return {m.place.matched_text if m.place else None for m in mentions}


def test_a_days_after_clause_alone_in_its_sentence_tells_the_news(extractor: Extractor) -> None:
    # nothing else happens in the sentence: the taking is the report's news
    text = "Days after the army retook the town of Saraqib, residents returned to their homes."
    assert "Saraqib" in _names(changes(read(extractor, text, "2020-02-10")))
    # guard: another taking told beside it is the news (dated by its own "Sunday"), the
    # clause's is told before it, on no day the sentence gives
    told = {
        m.place.matched_text: m
        for m in changes(
            read(
                extractor,
                "Rebels stormed the town of Saraqib on Sunday, days after the army retook "
                "the nearby town of Maarat al-Numan.",
                "2020-02-10",
            ),
            Status.OCCURRED,
            Status.BACKGROUND,
        )
        if m.place
    }
    assert told["Saraqib"].status is Status.OCCURRED
    before = told["Maarat al-Numan"]
    assert before.status is Status.BACKGROUND and before.time is not None and before.time.inferred


def test_a_town_in_complete_control_of_a_side_reported_as_news_is_taken(
    extractor: Extractor,
) -> None:
    text = (
        "Russian troops are in complete control of the town of Vuhledar in eastern "
        "Ukraine, pro-Russian war bloggers said on Wednesday."
    )
    (taking,) = changes(read(extractor, text, "2024-10-02"), Status.OCCURRED, Status.CLAIMED)
    assert taking.actor1 is not None and taking.actor1.name == "Military Forces of Russia"
    assert taking.time is not None and taking.time.value.isoformat() == "2024-10-02"
    # guards: a control held since an earlier day, a holder repelling an attack, and a
    # state reassuring about a town of its own country tell no taking
    for text in (
        "Russian troops are in complete control of Mariupol since May, officials said.",
        "Ukrainian troops are in full control of Kupiansk and repelled the assault, the "
        "army said on Wednesday.",
        "Government forces are in full control of Damascus, state television said on Wednesday.",
        '"Our forces are in full control of Vuhledar and the enemy has fled," the brigade '
        "said in a statement on Wednesday.",
    ):
        assert not changes(read(extractor, text, "2024-10-02"), Status.OCCURRED, Status.CLAIMED)


def test_a_region_placing_an_unnamed_settlement_is_not_taken(extractor: Extractor) -> None:
    for text in (
        "Insurgents have overrun a strategic district in the southern province of Helmand, "
        "a provincial official said on Monday.",
        "Russia said on Thursday that its troops had driven the Ukrainian army out of the "
        "biggest town in the Kursk region.",
    ):
        assert not changes(read(extractor, text, "2025-03-13"), Status.OCCURRED, Status.CLAIMED)
    # guards: the town named after a comma, and a province taken itself
    for text, name in (
        (
            "Russian troops captured the biggest town in the Kursk region, Sudzha, on Thursday.",
            "Sudzha",
        ),
        (
            "Taliban fighters captured Helmand province on Monday, officials said.",
            "Helmand province",
        ),
    ):
        assert _names(changes(read(extractor, text, "2025-03-13"))) == {name}


def test_a_withdrawal_hands_the_place_to_the_one_other_side_of_the_article(
    extractor: Extractor,
) -> None:
    paragraphs = [
        "KYIV, July 16 - Ukrainian troops have withdrawn from the village of Krynky on the "
        "left bank of the Dnipro river, military sources said.",
        "The marines had held a small foothold in the village since October.",
        "The village lies about 40 km east of the regional capital.",
        "Before the war it was home to about a thousand people.",
        "Since then, Russian forces have shelled the area almost every day, the general "
        "staff said in its daily reports.",
    ]
    told = changes(read(extractor, "\n\n".join(paragraphs), "2024-07-16"))
    (left,) = [m for m in told if m.trigger == "withdrawn"]
    assert left.actor1 is not None and left.actor1.name == "Military Forces of Russia"
    # guard: an article naming two other sides gives the place to neither
    text = (
        "Government troops have withdrawn from the town of Buulo Mareer, military sources "
        "said on Tuesday.\n\n"
        "The town had been a base for the troops for two years.\n\n"
        "Both al Shabaab and a local clan militia have fought in the district, and "
        "ISIS fighters were seen in the hills last month."
    )
    for m in changes(read(extractor, text, "2024-07-16")):
        assert m.actor1 is None


def test_an_advance_near_a_town_takes_no_town(extractor: Extractor) -> None:
    near, into = (
        read(
            extractor,
            f"Ukrainian troops {deed} Robotyne on Tuesday, a spokesman said.",
            "2023-09-09",
        )
        for deed in ("continued to advance near", "advanced into")
    )
    assert not changes(near, Status.OCCURRED, Status.CLAIMED)
    # guard: an advance into the town is its entry
    assert _names(changes(into)) == {"Robotyne"}


def test_today_in_a_statement_is_the_day_the_statement_was_made(extractor: Extractor) -> None:
    # read on Thursday, December 28: the minister's "today" is the Tuesday he spoke
    text = (
        "The defence minister said on Tuesday that assault units had today completely "
        "liberated the town of Marinka."
    )
    (taking,) = changes(read(extractor, text, "2023-12-28"), Status.OCCURRED, Status.CLAIMED)
    assert taking.time is not None and taking.time.value.isoformat() == "2023-12-26"
    # guard: a "today" alone in its sentence is the publication day
    text = "Russian forces today completely liberated the town of Marinka, the ministry said."
    (taking,) = changes(read(extractor, text, "2023-12-28"), Status.OCCURRED, Status.CLAIMED)
    assert taking.time is not None and taking.time.value.isoformat() == "2023-12-28"


def test_a_sides_own_word_deep_in_a_report_is_a_claim_of_its_day(extractor: Extractor) -> None:
    lead = [
        "At least 20 fighters were killed on Sunday as Turkish-backed factions launched an "
        "offensive on Manbij, a monitor said.",
        "The factions had seized the nearby enclave of Tal Rifaat last week.",
        "The Kurdish-led forces said their fighters were dealing heavy blows to the attackers.",
    ]
    for last, wanted in (
        (
            "The factions said they had taken control of the city of Manbij after fierce battles.",
            Status.CLAIMED,
        ),
        # guard: the same taking told without the side's word, deep down: recalled
        (
            "The factions took control of the city of Manbij after fierce battles.",
            Status.BACKGROUND,
        ),
    ):
        told = read(extractor, "\n\n".join([*lead, last]), "2024-12-08")
        manbij = [m for m in changes(told, *Status) if m.place and m.place.matched_text == "Manbij"]
        assert [m.status for m in manbij] == [wanted]


def test_a_day_after_followed_dates_what_the_taking_came_after(extractor: Extractor) -> None:
    # read on Saturday, December 7: Friday is the day of the claims, not of the capture
    (late,), (own,) = (
        changes(read(extractor, text, "2024-12-07"), Status.OCCURRED, Status.CLAIMED)
        for text in (
            "The capture of Daraa followed rebel claims late on Friday that they had "
            "reached the edge of Homs.",
            # guard: the capture's own day, before the verb
            "The capture of Daraa on Saturday followed rebel claims that they had reached "
            "the edge of Homs.",
        )
    )
    assert late.time is not None and late.time.value.isoformat() == "2024-12-07"
    assert own.time is not None and own.time.value.isoformat() == "2024-12-07"
    assert late.time.inferred and not own.time.inferred


def test_a_when_clause_after_since_is_dated_by_the_start(extractor: Extractor) -> None:
    text = (
        "The operation was announced on Friday. The town has been under rebel control "
        "since March, when fighters took over the town of Kafr Nabl from the army."
    )
    (taking,) = [m for m in read(extractor, text, "2024-12-09") if m.trigger == "took over"]
    assert taking.status is Status.BACKGROUND
    assert taking.time is not None and taking.time.value.isoformat() == "2024-03-01"


def test_syrian_moderate_opposition_units_are_rebels(extractor: Extractor) -> None:
    # "Syrian" before a quoted "moderate opposition" is no demonym of the army: the
    # Western name for the Free Syrian Army's groups (the backer is no taker)
    text = (
        "Syrian 'moderate opposition' units backed by Turkish artillery recaptured the "
        "town of Saraqib on Monday, a war monitor said."
    )
    taken = changes(read(extractor, text, "2020-03-02"))
    assert [(m.place.matched_text, m.actor1.name) for m in taken if m.place and m.actor1] == [
        ("Saraqib", "Free Syrian Army")
    ]
