"""CASE 2021 task 2 evaluation: label mapping, scoring, snippet classification."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.core.config import Config
from sitrep.core.errors import InputError
from sitrep.quality.evaluation import case2021
from sitrep.quality.evaluation.runner import EVALUATIONS
from sitrep.read.en.extract import Extractor
from sitrep.read.typology import SUB_EVENT_TYPES, demonstration_sub_type, generic_actor_cues

# Measured on the dev file (340 snippets, 63 of them of the five non-ACLED types
# sitrep never predicts): accuracy 0.6853. The floor leaves a small margin.
DEV_ACCURACY_FLOOR = 0.66


def test_mapping_covers_every_acled_sub_type() -> None:
    assert case2021.mapping_gaps() == []
    assert set(case2021.CASE_LABELS) == set(SUB_EVENT_TYPES)
    assert len(set(case2021.CASE_LABELS.values())) == len(SUB_EVENT_TYPES)
    assert set(case2021.MAIN_EVENT_RANK) == set(SUB_EVENT_TYPES)
    assert case2021.case_label("Government regains territory") == "GOV_REGAINS_TERIT"
    assert case2021.case_label("not a sub-type") == "OTHER"


def test_registered_in_the_runner() -> None:
    assert EVALUATIONS["case2021"] == "sitrep.quality.evaluation.case2021"


def test_score_by_hand() -> None:
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    d = case2021.score(gold, pred)
    # A: tp 1, fp 1, fn 1 -> P .5 R .5 F .5; B: tp 1, fp 1 -> P .5 R 1 F 2/3; C: F 0
    assert d["accuracy"] == 0.5
    assert d["per_class"]["A"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert d["per_class"]["B"]["f1"] == pytest.approx(0.6667)
    assert d["per_class"]["C"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert d["macro_f1"] == pytest.approx((0.5 + 2 / 3) / 3, abs=1e-4)
    assert d["weighted_f1"] == pytest.approx((0.5 * 2 + 2 / 3) / 4, abs=1e-4)
    assert d["confusion"]["A"] == {"A": 1, "B": 1}


def _write_tsv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["id\tEventSnippet\tSubType"]
    lines += [f"{i}\t{text}\t{label}" for i, (text, label) in enumerate(rows, start=1)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_evaluate_on_a_tiny_tsv(app_config: Config, extractor: Extractor, tmp_path: Path) -> None:
    tsv = _write_tsv(
        tmp_path / "tiny.tsv",
        [
            ("Warplanes carried out an airstrike on a village on Monday.", "AIR_STRIKE"),
            ("Hundreds of protesters rallied peacefully in the capital.", "PEACE_PROTEST"),
            ("Police arrested three men suspected of smuggling on Sunday.", "ARREST"),
            ("Heavy rains flooded the valley and washed away two bridges.", "NATURAL_DISASTER"),
            ("Rebels and the army clashed near the border overnight.", "AIR_STRIKE"),
        ],
    )
    # the trigger lexicon alone (the learned classifier is tested in test_classify.py)
    result = case2021.evaluate(app_config, path=tsv, extractor=extractor, classifier=None)
    # predicted: AIR_STRIKE, PEACE_PROTEST, ARREST, OTHER, ARMED_CLASH -> 3 of 5 right.
    # Classes (gold or predicted): AIR_STRIKE F1 2/3 (P 1, R .5), ARMED_CLASH 0,
    # ARREST 1, NATURAL_DISASTER 0, OTHER 0, PEACE_PROTEST 1.
    assert result.figures["accuracy"] == 0.6
    assert result.figures["macro_f1"] == pytest.approx((2 / 3 + 1 + 1) / 6, abs=1e-4)
    assert result.figures["weighted_f1"] == pytest.approx((2 / 3 * 2 + 1 + 1) / 5, abs=1e-4)
    assert result.figures["territory_macro_f1"] == 0.0
    assert result.details["per_class"]["AIR_STRIKE"]["support"] == 2
    assert result.details["confusion"]["NATURAL_DISASTER"] == {"OTHER": 1}
    contract = case2021.contract_json(result)
    assert set(contract) == {"accuracy", "macro_f1", "weighted_f1", "per_class"}
    assert set(contract["per_class"]["ARREST"]) == {"precision", "recall", "f1", "support"}
    labels = [row[0] for row in result.table]
    assert "PEACE_PROTEST" in labels and "weighted F1" in labels


def test_territory_macro_f1_averages_the_three_classes() -> None:
    d = case2021.score(
        ["GOV_REGAINS_TERIT", "NON_VIOL_TERRIT_TRANSFER"],
        ["GOV_REGAINS_TERIT", "GOV_REGAINS_TERIT"],
    )
    # GOV: P .5 R 1 F 2/3; NON_VIOL: 0; NON_STATE absent: 0
    assert case2021.territory_macro_f1(d) == pytest.approx((2 / 3) / 3, abs=1e-4)


def test_bad_header_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\tlabel\n1\tx\tOTHER\n", "utf-8")
    with pytest.raises(InputError, match="EventSnippet"):
        case2021.read_tsv(bad)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Warplanes carried out an airstrike on the village on Monday, killing four.",
            "AIR_STRIKE",
        ),
        (
            "Hundreds of protesters rallied peacefully outside the ministry on Friday.",
            "PEACE_PROTEST",
        ),
        ("Police arrested three men suspected of smuggling in the city on Sunday.", "ARREST"),
        (
            "Army troops recaptured the village of Zorbinsk from the insurgents after a week "
            "of fighting.",
            "GOV_REGAINS_TERIT",
        ),
        (
            "Militants seized control of the town of Valdoria after a night of heavy fighting.",
            "NON_STATE_ACTOR_OVERTAKES_TER",
        ),
        ("A suicide bomber blew himself up at a checkpoint, killing six soldiers.", "SUIC_BOMB"),
        (
            "Police fired tear gas and water cannon to disperse hundreds of demonstrators.",
            "PROTEST_WITH_INTER",
        ),
        (
            "Security forces opened fire on protesters, killing three of them.",
            "FORCE_AGAINST_PROTEST",
        ),
        ("Soldiers defused a roadside bomb planted near the market.", "DISR_WEAP"),
        ("Heavy rains flooded the valley and washed away two bridges.", "OTHER"),
    ],
)
def test_classify_snippet(extractor: Extractor, text: str, label: str) -> None:
    assert case2021.classify_snippet(extractor, text) == label


def test_an_aim_is_not_the_event(extractor: Extractor) -> None:
    # the capture is only planned; the shelling happened
    text = "Rebels shelled the outskirts of Varnok in a bid to capture the town."
    assert case2021.classify_snippet(extractor, text) == "ART_MISS_ATTACK"


def test_withdrawal_without_a_taker_is_a_change_of_activity(extractor: Extractor) -> None:
    text = "The foreign troops have withdrawn from the base in the north of Varnok."
    assert case2021.classify_snippet(extractor, text) == "CHANGE_TO_GROUP_ACT"


def test_demonstration_sub_types() -> None:
    assert demonstration_sub_type("Thousands marched in a peaceful protest.") == "Peaceful protest"
    assert (
        demonstration_sub_type("Police arrested dozens of protesters at the rally.")
        == "Protest with intervention"
    )
    assert (
        demonstration_sub_type("Protesters hurled rocks at the police and were tear-gassed.")
        == "Violent demonstration"
    )
    assert demonstration_sub_type("An angry mob lynched the suspect.") == "Mob violence"


def test_generic_actor_cues() -> None:
    cues = generic_actor_cues("The army drove the militants out of the town.")
    assert [kind for _, _, kind in cues] == ["state forces", "rebel group"]


@pytest.mark.shared
def test_dev_accuracy_floor(app_config: Config, extractor: Extractor) -> None:
    result = case2021.evaluate(app_config, extractor=extractor)
    assert result.figures["accuracy"] >= DEV_ACCURACY_FLOOR
    assert len(result.details["per_class"]) >= 25


def test_classifier_overrules_a_lexicon_takeover_only_outside_fighting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A confident DIPLO ("Russia expels diplomats") beats the lexicon's territory
    reading; a confident ARMED_CLASH or a less confident DIPLO does not."""
    from sitrep.read.classify.model import Thresholds

    monkeypatch.setattr(
        case2021, "classify_snippet", lambda _ex, _text, fallback="": "GOV_REGAINS_TERIT"
    )

    class Fake:
        thresholds = Thresholds(event=0.5)

        def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
            table = {
                "a": {"DIPLO": 0.8, "GOV_REGAINS_TERIT": 0.1, "NONE": 0.1},
                "b": {"ARMED_CLASH": 0.9, "GOV_REGAINS_TERIT": 0.1},
                "c": {"DIPLO": 0.4, "GOV_REGAINS_TERIT": 0.3, "NONE": 0.3},
            }
            return [table[t] for t in texts]

    got = case2021.classify_snippets(None, ["a", "b", "c"], Fake())  # type: ignore[arg-type]
    assert got == ["DIPLO", "GOV_REGAINS_TERIT", "GOV_REGAINS_TERIT"]
