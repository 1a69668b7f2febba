"""The learned event classifier: training, prediction, storage, labels, errors, CLI."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.core.config import Config, default_config
from sitrep.core.errors import ConfigError, DataError, InputError
from sitrep.faces.cli.main import cli
from sitrep.read.classify import LABELS, load_event_model, normalize_label
from sitrep.read.classify.features import N_FEATURES, feature_names, rule_vector
from sitrep.read.classify.labels import CASE_CODES, HYPOTHETICAL, NONE, acled_sub_type
from sitrep.read.classify.model import (
    NEVER,
    EventClassifier,
    Example,
    Prediction,
    Thresholds,
    is_held_out,
    read_csv,
    read_jsonl_dir,
    split,
    train,
)
from sitrep.read.en.extract import apply_prediction
from sitrep.read.typology import find_triggers, find_triggers_regex, reader_only

# A tiny corpus: three labels, a handful of sentences each (our own wording).
TINY: dict[str, list[str]] = {
    "AIR_STRIKE": [
        "Warplanes bombed a market in the north on Monday.",
        "An air strike hit a fuel depot near the airport.",
        "Drone strikes killed four fighters in the valley.",
        "Jets pounded rebel positions overnight, residents said.",
        "A helicopter gunship struck a convoy on the highway.",
        "Airstrikes destroyed a bridge east of the city.",
    ],
    "PEACE_PROTEST": [
        "Thousands marched peacefully through the capital on Sunday.",
        "Students held a sit-in outside the ministry of education.",
        "Teachers rallied in the main square to demand back pay.",
        "Farmers staged a peaceful demonstration against the new tax.",
        "Hundreds of women protested quietly outside parliament.",
        "Nurses went on strike and gathered in front of the hospital.",
    ],
    "NONE": [
        "The war began in 2014 and has displaced millions.",
        "A drone captured footage of the ruined bridge.",
        "Analysts say the economy is unlikely to recover soon.",
        "The city is famous for its old bazaar and mosques.",
        "The striker scored twice as the home side attacked all game.",
        "Aid agencies warn that food prices keep rising.",
    ],
}


def _write_csv(path: Path, rows: list[tuple[str, str]], header: tuple[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def _tiny_rows() -> list[tuple[str, str]]:
    return [(t, label) for label, texts in TINY.items() for t in texts]


def _tiny_examples() -> list[Example]:
    return [Example(t, label) for t, label in _tiny_rows()]


def test_labels_and_mapping() -> None:
    assert len(LABELS) == 32 and len(CASE_CODES) == 30
    assert {NONE, HYPOTHETICAL} <= set(LABELS)
    assert normalize_label("Air/drone strike") == "AIR_STRIKE"
    assert normalize_label("air / drone strike") == "AIR_STRIKE"
    assert normalize_label("AIR_STRIKE") == "AIR_STRIKE"
    assert normalize_label("Government regains territory") == "GOV_REGAINS_TERIT"
    assert normalize_label("Shelling/artillery/missile attack") == "ART_MISS_ATTACK"
    assert normalize_label("Natural disaster") == "NATURAL_DISASTER"
    assert normalize_label("none") == NONE
    assert acled_sub_type("ARREST") == "Arrests"
    assert acled_sub_type("DIPLO") is None
    with pytest.raises(InputError, match="unknown label 'Bombing'.*AIR_STRIKE"):
        normalize_label("Bombing")


def test_rule_features_have_a_fixed_width() -> None:
    row = rule_vector("Government forces recaptured the town from the militants.")
    assert len(row) == N_FEATURES == len(feature_names())
    named = dict(zip(feature_names(), row, strict=True))
    assert named["fires:take"] == 1.0
    assert named["lexicon:Government regains territory"] == 1.0
    assert rule_vector("Nothing happened here.")[-1] == 1.0  # no trigger


def test_fast_trigger_search_matches_the_reference() -> None:
    texts = [t for texts in TINY.values() for t in texts] + [
        "Rebels seized the town; the army vowed to retake it after clashes and shelling.",
        "Protesters threw stones at police, who fired tear gas and arrested 20 people.",
        "İstanbul police detained KURDISH activists.",
    ]
    for text in texts:
        assert find_triggers(text) == find_triggers_regex(text)


def test_split_is_a_stable_third() -> None:
    texts = [f"Sentence number {i} about an event in a town." for i in range(600)]
    held = [t for t in texts if is_held_out(t)]
    assert 150 < len(held) < 250
    assert is_held_out("  Sentence number 7 about an EVENT in a town. ") == is_held_out(texts[7])
    train_set, test_set = split([Example(t, "NONE") for t in texts])
    assert len(train_set) + len(test_set) == 600 and len(test_set) == len(held)


def test_train_predict_save_load_round_trip(tmp_path: Path) -> None:
    model = train(_tiny_examples(), seed=3)
    preds = model.predict(["Fighter jets struck a weapons depot.", "Crowds marched peacefully."])
    assert [p.label for p in preds] == ["AIR_STRIKE", "PEACE_PROTEST"]
    assert all(0.0 < p.probability <= 1.0 for p in preds)
    assert preds[0].case_label == "AIR_STRIKE"
    # NONE is not a CASE label: the best CASE label stands in for it
    none = model.predict_one("The war began in 2014, analysts say.")
    assert none.case_label in CASE_CODES
    path = model.save(tmp_path / "m.joblib")
    again = EventClassifier.load(path)
    assert again.predict(["Fighter jets struck a weapons depot."]) == preds[:1]
    assert again.info.train_counts == {"AIR_STRIKE": 6, "NONE": 6, "PEACE_PROTEST": 6}
    assert model.predict([]) == []


def test_the_lean_model_predicts_as_the_pipeline(tmp_path: Path) -> None:
    """NumPy's arithmetic (sitrep.read.linear) gives scikit-learn's probabilities."""
    import pickle

    model = train(_tiny_examples(), seed=3)
    path = model.save(tmp_path / "m.joblib")
    lean = EventClassifier.load(path).lean(path)
    assert lean.linear is not None and lean._pipeline is None
    texts = [
        *(t for t, _ in _tiny_rows()),
        "Warplanes  bombed\tthe   market; 12 killed, 3 wounded on 4 May 2021.",
        "Jets jets jets struck struck a depot depot near Idlib's airport.",
        "A b c d e f",  # words shorter than the n-grams
        "",
        "!!! ??? ...",
        "Des manifestants ont défilé à Téhéran — «pacifiquement».",
        "Marchers marched peacefully; teachers rallied; students held a sit-in.",
    ]
    want = model.pipeline.predict_proba(texts)
    got = lean.linear.predict_proba(texts)
    assert got == pytest.approx(want, abs=1e-12)
    # one text per call, as the reader asks
    for text, row in zip(texts, want, strict=True):
        assert lean.linear.predict_proba([text])[0] == pytest.approx(row, abs=1e-12)
    assert lean.predict(texts) == [
        Prediction(
            p.label,
            pytest.approx(p.probability, abs=1e-12),
            p.case_label,
            pytest.approx(p.case_probability, abs=1e-12),
        )  # type: ignore[arg-type]
        for p in model.predict(texts)
    ]
    # the copy the cache keeps: no scikit-learn object in it, the pipeline read on demand
    copy = pickle.loads(pickle.dumps(lean))
    assert copy._pipeline is None
    assert copy.linear.predict_proba(texts) == pytest.approx(want, abs=1e-12)
    assert copy.pipeline.predict_proba(texts) == pytest.approx(want, abs=1e-12)
    # a binary model is not this arithmetic: it stays on scikit-learn
    binary = train([e for e in _tiny_examples() if e.label != "NONE"], seed=3)
    assert binary.lean(path) is binary


def test_training_is_deterministic() -> None:
    examples = _tiny_examples()
    a = train(examples, seed=7)
    b = train(list(reversed(examples)), seed=7)
    probe = ["Jets bombed the town.", "People gathered in the square.", "Prices rose again."]
    assert a.predict(probe) == b.predict(probe)
    assert a.info.corpus == b.info.corpus


def test_thresholds_are_tuned_on_the_held_out_part() -> None:
    examples = _tiny_examples()
    model = train(examples[::2], held_out=examples[1::2], seed=1)
    assert model.info.heldout["n"] == len(examples[1::2])
    assert 0.0 <= model.info.heldout["accuracy"] <= 1.0
    # too few held-out sentences (under 10 per decision) to trust any threshold
    assert model.thresholds.none == NEVER


def test_needs_two_labels() -> None:
    with pytest.raises(InputError, match="at least two different labels"):
        train([Example("Jets bombed the town.", "AIR_STRIKE")])


def test_read_csv_errors(tmp_path: Path) -> None:
    good = _write_csv(tmp_path / "ok.csv", _tiny_rows(), ("notes", "sub_event_type"))
    assert len(read_csv(good, "notes", "sub_event_type")) == 18
    with pytest.raises(InputError, match="no column 'text'.*'notes'"):
        read_csv(good, "text", "sub_event_type")
    empty = tmp_path / "empty.csv"
    empty.write_text("", "utf-8")
    with pytest.raises(InputError, match="empty"):
        read_csv(empty, "notes", "sub_event_type")
    only_header = tmp_path / "header.csv"
    only_header.write_text("notes,sub_event_type\n", "utf-8")
    with pytest.raises(InputError, match="no labelled rows"):
        read_csv(only_header, "notes", "sub_event_type")
    bad = _write_csv(tmp_path / "bad.csv", [("Jets bombed it.", "Bombing")], ("n", "l"))
    with pytest.raises(InputError, match=r"bad.csv:2: unknown label 'Bombing'; valid labels"):
        read_csv(bad, "n", "l")


def test_read_jsonl_dir(tmp_path: Path) -> None:
    lines = [{"text": t, "label": label, "lang": "en"} for t, label in _tiny_rows()]
    lines.append(lines[0])  # a duplicate text is kept once
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    assert len(read_jsonl_dir(tmp_path)) == 18
    (tmp_path / "b.jsonl").write_text('{"text": "x", "label": "NOPE"}\n', "utf-8")
    with pytest.raises(DataError, match="b.jsonl:1"):
        read_jsonl_dir(tmp_path)


def test_config_selects_the_model(tmp_path: Path) -> None:
    config = default_config().with_(cache_dir=str(tmp_path))
    assert load_event_model(config.with_(event_model="lexicon")) is None
    path = train(_tiny_examples(), seed=2).save(tmp_path / "user.joblib")
    loaded = load_event_model(config.with_(event_model=str(path)))
    assert loaded is not None and loaded.info.seed == 2
    with pytest.raises(ConfigError, match="does not exist"):
        load_event_model(config.with_(event_model=str(tmp_path / "missing.joblib")))


def test_cli_train(tmp_path: Path) -> None:
    data = _write_csv(tmp_path / "mine.csv", _tiny_rows(), ("notes", "sub_event_type"))
    out = tmp_path / "mine.joblib"
    runner = CliRunner()
    args = ["train", "--csv", str(data), "--text-column", "notes"]
    result = runner.invoke(
        cli, [*args, "--label-column", "sub_event_type", "--out", str(out), "--json"], obj={}
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["trained_on"] == 18 and Path(summary["model"]) == out
    classify = runner.invoke(
        cli, ["model", "classify", "--model", str(out), "Jets bombed a depot."], obj={}
    )
    assert classify.exit_code == 0 and classify.output.startswith("AIR_STRIKE\t")
    held = runner.invoke(
        cli,
        [*args, "--label-column", "sub_event_type", "--out", str(out), "--holdout", "--json"],
        obj={},
    )
    assert held.exit_code == 0, held.output
    kept_out = json.loads(held.output)
    assert kept_out["trained_on"] + kept_out["held_out"] == 18 and kept_out["held_out"] > 0
    missing = runner.invoke(cli, [*args, "--label-column", "label"], obj={})
    assert missing.exit_code == 3 and "no column 'label'" in missing.output


def test_apply_prediction(app_config: Config) -> None:
    from sitrep.core.records import Article, Status
    from sitrep.read.en.extract import Extractor

    extractor = Extractor(app_config, classifier=None)
    text = "Syrian government forces recaptured Palmyra from Islamic State on Sunday."
    reading = extractor.read(Article.make(text, language="en", published_at=date(2017, 3, 5)))
    mentions = list(reading.mentions)
    assert mentions and mentions[0].sub_event_type == "Government regains territory"
    strict = Thresholds(event=0.6, none=0.6, hypothetical=0.6)

    def pred(label: str, p: float) -> Prediction:
        return Prediction(label, p, label if label in CASE_CODES else "ARMED_CLASH", p)

    assert apply_prediction(mentions, pred(NONE, 0.9), strict) == []
    assert apply_prediction(mentions, pred(NONE, 0.5), strict) == mentions
    assert apply_prediction(mentions, pred("DIPLO", 0.9), strict) == []
    # a change of control keeps the parse's status
    assert apply_prediction(mentions, pred(HYPOTHETICAL, 0.9), strict) == mentions
    strike = "Warplanes struck Raqqa on Sunday, killing five people."
    air = list(extractor.read(Article.make(strike, language="en")).mentions)
    assert air and air[0].sub_event_type == "Air/drone strike"
    hyp = apply_prediction(air, pred(HYPOTHETICAL, 0.9), strict)
    assert [m.status for m in hyp] == [Status.EXPECTED] * len(air)
    clash = apply_prediction(mentions, pred("ARMED_CLASH", 0.9), strict)
    assert clash[0].sub_event_type == "Armed clash" and clash[0].event_type == "Battles"
    assert clash[0].actor1 == mentions[0].actor1 and clash[0].place == mentions[0].place
    # a change of control (and its side) is the parse's call, never the classifier's
    other = apply_prediction(mentions, pred("NON_STATE_ACTOR_OVERTAKES_TER", 0.9), strict)
    assert other == mentions
    # ... and a takeover becomes at most the fighting it was, never another type
    assert apply_prediction(mentions, pred("DISR_WEAP", 0.9), strict) == mentions


def test_case2021_with_a_classifier(app_config: Config, tmp_path: Path) -> None:
    from sitrep.quality.evaluation import case2021
    from sitrep.read.en.extract import Extractor

    tsv = tmp_path / "tiny.tsv"
    rows = [
        ("Fighter jets bombed a fuel depot near the port.", "AIR_STRIKE"),
        ("Teachers marched peacefully through the capital.", "PEACE_PROTEST"),
    ]
    tsv.write_text(
        "id\tEventSnippet\tSubType\n"
        + "".join(f"{i}\t{t}\t{g}\n" for i, (t, g) in enumerate(rows)),
        "utf-8",
    )
    model = train(_tiny_examples(), held_out=_tiny_examples()[::3], seed=5)
    result = case2021.evaluate(
        app_config, path=tsv, extractor=Extractor(app_config, classifier=None), classifier=model
    )
    assert result.figures["accuracy"] == 1.0
    assert result.figures["heldout_accuracy"] == model.info.heldout["accuracy"]
    assert ["classifier", "", "", "learned model", ""] in result.table


def test_bench_table_shows_the_classifier() -> None:
    from sitrep.quality.bench.ingest import format_table

    clf = {
        "model": "default",
        "sentences": 540,
        "sentences_per_s": 591.0,
        "sentences_per_cpu_s": 1491.0,
        "sentences_per_s_one_batch": 571.0,
        "target_sentences_per_s": 1000.0,
        "met": True,
    }
    table = format_table({"corpora": {}, "classifier": clf})
    assert "event classifier (default), 1 process: 591 sentences/s (1,491 per CPU-s)" in table
    assert "goal 1,000 per CPU-s: met" in table
    assert "lexicon alone" in format_table({"corpora": {}, "classifier": {"model": None}})


def test_the_cache_keeps_the_most_recent_models_of_other_code(tmp_path: Path) -> None:
    import os

    from sitrep.read.classify import KEPT_MODELS, prune_models

    models = tmp_path / "models"
    models.mkdir()
    paths = []
    for n in range(5):
        p = models / f"event-{n:012d}-x-s13.joblib"
        p.write_bytes(b"m")
        p.with_suffix(".pickle").write_bytes(b"c")
        os.utime(p, (1_000_000 + n, 1_000_000 + n))
        paths.append(p)
    current = paths[0]  # the oldest on disk, but the one in use
    prune_models(current)
    left = sorted(p.name for p in models.glob("*.joblib"))
    # the current model, and the KEPT_MODELS - 1 newest of the others
    assert left == sorted([current.name, *(p.name for p in paths[-(KEPT_MODELS - 1) :])])
    assert sorted(p.name for p in models.glob("*.pickle")) == sorted(
        n.replace(".joblib", ".pickle") for n in left
    )


def test_a_reader_only_trigger_is_known_by_its_words_alone() -> None:
    # a mention keeps only its trigger's words: "have left" must be known as the
    # reader's (outside the model's features) though its pattern needs a force noun
    # before it, or a classifier's "armed clash" would retype the withdrawal
    (match,) = find_triggers("Russian troops have left Bucha, the mayor said.")
    assert not match.trigger.feature and reader_only(match.text)
    assert find_triggers("Families of fighters have left Baghuz.") == []
    assert not reader_only("entered")  # a classifier feature
