"""The comment policy engine: Finglish, insults, slander, policy files, CLI, classifier."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.core.errors import ConfigError, InputError
from sitrep.faces.cli.moderation import check_file, check_text, moderate_group, train_classifier
from sitrep.moderation import detect_language, load_policy, moderate, train

PERSIAN_OK = [
    "سلام، گزارش خوبی بود. ممنون از تابناک",
    "به نظرم ارتش سوریه دیرالزور را پس گرفت و این خبر مهمی است",
    "من از این مغازه خرید کردم و کسب و کارشان خوب است",
]
FINGLISH = [
    "salam, gozaresh kheili khoob bood",
    "man nemidoonam chera inkaro kardan",
    "be nazaram artesh dare jelo mire",
    "merci az tabnak",
    "kheili mamnoon",
]
ENGLISH_OK = [
    "Great article, thanks for the update.",
    "The army retook the city on Friday, according to the report.",
    "Is there any news about Bukamal?",
]


@pytest.mark.parametrize("text", PERSIAN_OK + ENGLISH_OK)
def test_clean_comments_are_published(text: str) -> None:
    decision = moderate(text)
    assert decision.verdict == "publish", decision
    assert decision.policy_version == load_policy().version


@pytest.mark.parametrize("text", FINGLISH)
def test_finglish_is_not_published(text: str) -> None:
    decision = moderate(text)
    assert decision.language == "finglish"
    assert decision.verdict in ("reject", "review")
    assert decision.reasons[0].rule == "finglish"
    assert decision.reasons[0].span is not None


def test_mixed_text_is_judged_by_its_main_part() -> None:
    assert detect_language("این خبر درباره Deir ez-Zor بسیار مهم است").language == "fa"
    assert detect_language("salam, in khabar kheili mohem bood :) عالی").language == "finglish"
    assert detect_language("This report about the battle was good, مرسی").language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "تو احمقی",
        "ا ح م ق",  # spaced letters
        "ا.ح.م.ق",  # dotted letters
        "احمممممق",  # held key
        "بي‌شعور",  # Arabic yeh + ZWNJ
        "بی\u200bشعور",  # zero-width space
        "کثافت",
        "ك.ث.ا.ف.ت",  # Arabic kaf, dotted
        "you idiot",
        "you m0ron",  # digit for a letter
        "i d i o t, that is what you are",
        "to ahmaghi",
        "to khari",
        "bisharaf",
    ],
)
def test_insults_are_caught_through_tricks(text: str) -> None:
    decision = moderate(text)
    assert any(r.rule == "insult" for r in decision.reasons), decision
    assert decision.verdict in ("reject", "review")


@pytest.mark.parametrize(
    "text",
    [
        "زنیکه پتیاره",
        "برو گمشو لکاته",
        "خارتو",
        "مرتیکه گوه‌خور",
        "ننه‌جنده",
        "you haromzade",
        "عربای ملخ‌خور",
        "تو یه خرمغزی",
    ],
)
def test_strong_insults_the_bundled_list_lacks_are_rejected(text: str) -> None:
    # Words of lexicon.EXTRA_INSULTS["strong"] that persian-text-guard's list does not hold.
    decision = moderate(text)
    reason = next(r for r in decision.reasons if r.rule == "insult")
    assert reason.score >= 0.9
    assert decision.verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "یه چرت بعد از ناهار زدم",
        "خارج از شهر رفتیم",
        "تخم مرغ گرون شد",
        "عنبر نسارا",
        "ننتو از طرف من سلام برسون",  # "your mother": a curse's first word, and a greeting's
        "خواهرتو دیروز تو بازار دیدم",
    ],
)
def test_words_near_the_added_insults_pass(text: str) -> None:
    assert not any(r.rule == "insult" for r in moderate(text).reasons)


@pytest.mark.parametrize(
    "text",
    [
        "مسئول بیشرم استعفا بده",
        "خاک تو سرت با این نظرت",
        "برو گور بابات",
        "این آخوندا رو باید اعدامشون کنید",
        "خونش حلاله",
        "افغانیای کثیف از اینجا برید",
        "بهاییهای نجس",
    ],
)
def test_sixth_pass_insults_curses_threats_and_group_contempt_are_rejected(text: str) -> None:
    # lexicon._MORE_STRONG and its phrase tuples: words, curses, calls to kill, slurs.
    reason = next(r for r in moderate(text).reasons if r.rule == "insult")
    assert reason.score >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "سر گور پدر بزرگم گل گذاشتیم",  # a grave, not the curse «گور بابات»
        "کارگرای افغانی کثیف‌ترین کارها رو با کمترین حقوق انجام میدن",  # the dirtiest jobs
        "ترک کثیف کاری رو کنار بذار",  # ترک: quitting, not Turks
        "مهاجرای افغان سال هاست اینجا کار میکنن",
    ],
)
def test_sixth_pass_phrases_leave_their_innocent_neighbours(text: str) -> None:
    assert not any(r.rule == "insult" for r in moderate(text).reasons)


def test_mild_added_insult_aimed_at_someone_is_rejected() -> None:
    # A mild word (lexicon.EXTRA_INSULTS["mild"]) aimed at "you" reaches the reject score.
    reason = next(r for r in moderate("تو آدم رذلی هستی، رذل").reasons if r.rule == "insult")
    assert reason.score >= 0.8


def test_insult_reason_has_span_and_score() -> None:
    text = "این نویسنده احمق است"
    reason = next(r for r in moderate(text).reasons if r.rule == "insult")
    assert reason.span is not None
    assert text[reason.span[0] : reason.span[1]] == "احمق"
    assert reason.score >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "کسب",
        "خرید",
        "کسب و کار",
        "عکس",
        "گروه",
        "احمد",
        "class",
        "assassin",
        "Scunthorpe",
        "cocktail",
        "Essex",
        "therapist",
        "She took a class in Scunthorpe.",
    ],
)
def test_scunthorpe_words_pass(text: str) -> None:
    decision = moderate(text)
    assert not [r for r in decision.reasons if r.rule in ("insult", "slander")], decision


def test_mild_word_needs_a_target() -> None:
    alone = moderate("خر")
    aimed = moderate("تو خری")
    assert alone.verdict == "review"
    assert aimed.verdict == "reject"


@pytest.mark.parametrize(
    "text",
    [
        "او خائن است",
        "وزیر دزد است",
        "شما جاسوس هستید",
        "He is a liar",
        "Ali is a thief",
        "ina hame dozdan",
        "خ.ا.ئ.ن است او",
    ],
)
def test_slander_with_a_target_is_flagged(text: str) -> None:
    decision = moderate(text)
    assert any(r.rule == "slander" for r in decision.reasons), decision
    assert decision.verdict in ("reject", "review")


@pytest.mark.parametrize("text", ["دزدها به بانک زدند", "Thieves stole a car last night"])
def test_accusation_without_target_is_published_with_a_note(text: str) -> None:
    decision = moderate(text)
    assert decision.verdict == "publish"
    slander = [r for r in decision.reasons if r.rule == "slander"]
    assert slander and slander[0].score < 0.5


def test_policy_file_override(tmp_path: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text(
        'version = "strict-1"\n[language]\nallowed = ["fa"]\n'
        '[insults]\nextra_words = ["بادمجان"]\nallowed_words = ["idiot"]\n',
        "utf-8",
    )
    policy = load_policy(strict)
    english = moderate("Great article, thanks for the update.", policy=policy)
    assert english.verdict == "reject" and english.reasons[0].rule == "language"
    assert english.policy_version == "strict-1"
    assert moderate("تو بادمجانی", policy=policy).verdict != "publish"
    assert not [r for r in moderate("idiot", policy=policy).reasons if r.rule == "insult"]


def test_policy_errors_name_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[language]\nallowed = ["klingon"]\n', "utf-8")
    with pytest.raises(ConfigError, match="klingon"):
        load_policy(bad)
    bad.write_text("[verdicts]\nreject = 0.3\nreview = 0.6\n", "utf-8")
    with pytest.raises(ConfigError, match="review <= reject"):
        load_policy(bad)
    bad.write_text("[verdict]\nreject = 0.9\n", "utf-8")
    with pytest.raises(ConfigError, match="unknown section"):
        load_policy(bad)
    with pytest.raises(ConfigError, match="does not exist"):
        load_policy(tmp_path / "missing.toml")


def test_empty_comment_is_an_input_error() -> None:
    with pytest.raises(InputError):
        moderate("   ")


def test_check_text_is_json_ready() -> None:
    out = check_text("تو احمقی")
    assert out["verdict"] == "reject"
    assert out["reasons"][0]["rule"] == "insult"
    assert out["reasons"][0]["span"] == [3, 8]
    json.dumps(out)


def test_csv_batch_with_a_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "comments.csv"
    path.write_bytes(
        "id,text\n1,سلام خبر خوبی بود\n2,to khari\n".encode()
        + b"3,bad \xff\xfe bytes\n"
        + b"4\n"
        + b"5,Great article\n"
    )
    import io

    out = io.StringIO()
    code = check_file(path, out=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert code == 1
    assert [r["row"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["verdict"] == "publish"
    assert rows[1]["verdict"] == "reject"
    assert "UTF-8" in rows[2]["error"]
    assert "error" in rows[3]
    assert rows[4]["verdict"] == "publish"


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("comment\nhello\n", "utf-8")
    import io

    with pytest.raises(InputError, match="text"):
        check_file(path, out=io.StringIO())


def test_click_group_default_and_subcommands(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(moderate_group, ["تو احمقی", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["verdict"] == "reject"
    res = runner.invoke(moderate_group, ["check", "Great article"])
    assert res.exit_code == 0 and res.output.startswith("publish")
    path = tmp_path / "c.csv"
    path.write_text("text\nkheili khoob bood\nGood report\n", "utf-8")
    res = runner.invoke(moderate_group, ["--file", str(path), "--json"])
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["verdict"] for x in res.output.splitlines()] == ["reject", "publish"]
    res = runner.invoke(moderate_group, ["check"])
    assert res.exit_code == 2


def _tiny_training_csv(path: Path) -> None:
    good = [
        "thanks for the report",
        "good article",
        "very useful news",
        "clear and helpful",
        "I learned a lot",
        "great coverage today",
        "nice summary",
        "well written piece",
    ]
    bad = [
        "bananahead you are",
        "total bananahead",
        "what a bananahead",
        "bananahead writer",
        "go away bananahead",
        "bananahead again",
        "only a bananahead",
        "bananahead news",
    ]
    rows = ["comment,label"] + [f"{t},ok" for t in good] + [f"{t},bad" for t in bad] + [",ok"]
    path.write_text("\n".join(rows) + "\n", "utf-8")


def test_train_and_use_classifier(tmp_path: Path) -> None:
    data = tmp_path / "labelled.csv"
    _tiny_training_csv(data)
    model = tmp_path / "models" / "clf.joblib"
    report = train(data, text_col="comment", label_col="label", out_path=model)
    assert report.rows == 16 and report.skipped == 1
    assert report.positive_label == "bad" and model.exists()
    # The file holds arrays, no pickle; the same rows give the same bytes.
    import zipfile

    with zipfile.ZipFile(model) as archive:
        assert sorted(archive.namelist()) == [
            "chars.coef.npy",
            "chars.idf.npy",
            "chars.known.txt",
            "chars.known_ids.npy",
            "chars.known_offsets.npy",
            "chars.terms.txt",
            "meta.json",
            "words.coef.npy",
            "words.idf.npy",
            "words.terms.txt",
        ]
    again = tmp_path / "again.joblib"
    train(data, text_col="comment", label_col="label", out_path=again)
    assert again.read_bytes() == model.read_bytes()
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('[classifier]\npath = "models/clf.joblib"\n', "utf-8")
    policy = load_policy(policy_file)
    flagged = moderate("such a bananahead", policy=policy)
    assert flagged.verdict in ("reject", "review")
    assert any(r.rule == "classifier" for r in flagged.reasons)
    assert moderate("thanks, good article", policy=policy).verdict == "publish"
    # train_classifier saves where the policy points when --out is not given
    model.unlink()
    train_classifier(str(data), text_col="comment", label_col="label", policy_path=str(policy_file))
    assert model.exists()


def _fitted_on_corpus_sample() -> object:
    """A pipeline like the shipped one, fitted on a slice of its training set (quick)."""
    from sitrep.moderation import classifier as clf
    from sitrep.moderation.corpus import training_set

    texts, targets = training_set()
    return clf.fit(texts[::6], targets[::6], seed=1)


def test_fast_scorer_matches_scikit_learn_with_its_word_cache(tmp_path: Path) -> None:
    from sitrep.moderation import classifier as clf

    pipeline = _fitted_on_corpus_sample()
    clf.save(pipeline, tmp_path / "m.npz", positive_label="offensive", labels=["a", "offensive"])
    model = clf.load(tmp_path / "m.npz")
    assert model.pipeline is None
    texts = [
        "خفه شو احمق",
        "ممنون از گزارش خوبتان",
        "احمق احمق  احمق\u200cها و   گزارش",  # a repeated word, a run of spaces, a ZWNJ
        "you are an idiot, thanks for the report",
        "ID10T!!",
        "x",
    ]
    want = [float(p) for p in pipeline.predict_proba(texts)[:, 1]]  # type: ignore[attr-defined]
    # Twice: the second pass reads every word from the cache the first pass filled.
    for _ in range(2):
        fast = [model.probability(t) for t in texts]
        assert fast == pytest.approx(want, abs=1e-9)
    scorer = model.scorer
    # The character block's word cache holds the words read (term ids per word).
    assert scorer is not None and any(b[0] == "chars" and b[3] for b in scorer.word_blocks)
    # Each word's share of the logit (``explain``): the shares add up to scikit-learn's
    # decision value less the intercept, whatever the spacing, repeats and ZWNJs.
    decision = pipeline.decision_function(texts)  # type: ignore[attr-defined]
    intercept = float(pipeline.named_steps["model"].intercept_[0])  # type: ignore[attr-defined]
    for text, z in zip(texts, decision, strict=True):
        spans, shares = scorer.contributions(text)
        assert len(spans) == len(text.split())
        assert float(shares.sum()) == pytest.approx(float(z) - intercept, abs=1e-9)
        assert scorer.logit(text) == pytest.approx(float(z), abs=1e-9)


_PIECES = [
    "you", "are", "right", "idiot", "the", "you,", "a", "b", "!!", "I.D.I.O.T", "f*ck",
    "این", "مقاله", "احمق", "احمق\u200cها", "ـ", "\u200c", "گزارش", "123", "@sshole",
    "Straße", "ﬁne", "ي", "ة",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(st.sampled_from(_PIECES), max_size=12),
    gaps=st.lists(st.sampled_from([" ", "  ", "\t", "\n", " \u200c "]), min_size=12, max_size=12),
)
def test_word_contributions_add_up_to_the_logit_less_the_intercept(
    words: list[str], gaps: list[str]
) -> None:
    """Issue 17: ``explain`` divides the shipped model's logit among the comment's words
    exactly (char n-grams stay in their word, word bigrams split, repeats share)."""
    from sitrep.moderation.classifier import _folded_tokens, prepare
    from sitrep.moderation.corpus import shipped_classifier

    shipped = shipped_classifier()
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    # Each token's words as the model's features see them (folded once when they line up).
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert _folded_tokens(text, spans) == [prepare(text[a:b]).split() for a, b in spans]
    for model in (shipped.persian, shipped.english):
        scorer = model.scorer
        assert scorer is not None
        spans, shares = scorer.contributions(text)
        assert [text[a:b] for a, b in spans] == text.split()
        logit = scorer.logit(text)
        assert float(shares.sum()) == pytest.approx(logit - scorer.intercept, abs=1e-9)


def test_a_word_bigram_splits_between_its_words_and_repeats_share() -> None:
    import numpy as np

    from sitrep.moderation.classifier import _Block, _FastScorer

    terms = ["a", "a b", "b"]
    block = _Block("w", "word", (1, 2), r"(?u)\b\w+\b", terms, np.ones(3), np.array([0, 2.0, 0]))
    scorer = _FastScorer([block], -1.0)
    # "a b": three terms of tf 1 (norm √3); the bigram's 2/√3 goes half to each word.
    spans, shares = scorer.contributions("a b")
    assert spans == [(0, 1), (2, 3)]
    assert shares.tolist() == pytest.approx([1 / 3**0.5, 1 / 3**0.5])
    # "a b a b": the bigram twice (tf 1 + ln 2), each occurrence's half to its words.
    spans, shares = scorer.contributions("a b a b")
    tf = 1 + np.log(2)
    value = 2 * tf / (tf * 3**0.5) / 2 / 2  # its part, per occurrence, per word
    assert shares.tolist() == pytest.approx([value, value + 0, value, value])
    assert float(shares.sum()) == pytest.approx(scorer.logit("a b a b") + 1.0)


def test_saved_word_table_holds_the_ids_the_scorer_finds(tmp_path: Path) -> None:
    import numpy as np

    from sitrep.moderation import classifier as clf

    pipeline = _fitted_on_corpus_sample()
    clf.save(pipeline, tmp_path / "m.npz", positive_label="offensive", labels=["a", "offensive"])
    scorer = clf.load(tmp_path / "m.npz").scorer
    fresh = clf._fast_scorer(pipeline)  # no table: every word's n-grams looked up
    assert scorer is not None and fresh is not None and fresh.known == [None, None]
    table = scorer.known[0]
    assert table is not None and len(table[0]) > 1000
    for word in list(table[0])[::37]:
        want = np.sort(fresh._ids(0, word))
        assert np.array_equal(np.sort(scorer._ids(0, word)), want), word
    texts = ["خفه شو احمق", "ممنون از گزارش خوبتان", "you are an idiot"]
    assert [scorer.probability(t) for t in texts] == pytest.approx(
        [float(p) for p in pipeline.predict_proba(texts)[:, 1]],  # type: ignore[attr-defined]
        abs=1e-9,
    )


def test_a_model_without_a_fast_scorer_explains_by_leaving_each_word_out() -> None:
    import math

    from sitrep.moderation import classifier as clf

    pipeline = _fitted_on_corpus_sample()
    model = clf.TrainedClassifier("x", "offensive", "", None, pipeline)
    text = "you idiot thanks for nothing"
    explained = model.explain(text, top=5)
    assert explained
    decision = pipeline.decision_function  # type: ignore[attr-defined]
    whole = float(decision([text])[0])
    for (a, b), word, share in explained:
        assert text[a:b] == word and share > 0
        left_out = float(decision([text.replace(text[a:b], "", 1)])[0])
        assert share == pytest.approx(whole - left_out, abs=1e-3)
    assert all(not math.isnan(share) for _, _, share in explained)


def test_saved_model_scores_as_the_pipeline_and_old_files_still_load(tmp_path: Path) -> None:
    import joblib
    import sklearn

    from sitrep.core.errors import DataError
    from sitrep.moderation import classifier as clf

    pipeline = _fitted_on_corpus_sample()
    clf.save(pipeline, tmp_path / "new.npz", positive_label="offensive", labels=["a", "offensive"])
    # A file of the first format (a joblib pickle of the pipeline) is read as before.
    legacy = {
        "format": clf.FORMAT,
        "version": clf.LEGACY_VERSION,
        "sklearn": sklearn.__version__,
        "positive_label": "offensive",
        "labels": ["a", "offensive"],
        "pipeline": pipeline,
    }
    joblib.dump(legacy, tmp_path / "old.joblib", compress=3)
    new, old = clf.load(tmp_path / "new.npz"), clf.load(tmp_path / "old.joblib")
    assert old.pipeline is not None and new.pipeline is None
    texts = ["خفه شو احمق", "ممنون از گزارش", "you idiot", "ID10T!!", "x y z"]
    # Both score from the same arrays: the same numbers to the bit.
    assert [new.probability(t) for t in texts] == [old.probability(t) for t in texts]
    assert new.positive_label == old.positive_label == "offensive"
    # A file that is neither names itself and what to run.
    broken = tmp_path / "broken.npz"
    broken.write_bytes((tmp_path / "new.npz").read_bytes()[:200])
    with pytest.raises(DataError, match="broken.npz.*sitrep moderate train"):
        clf.load(broken)
    newer = dict(legacy, version=9)
    joblib.dump(newer, tmp_path / "newer.joblib")
    with pytest.raises(DataError, match="newer.joblib has format version 9"):
        clf.load(tmp_path / "newer.joblib")


def test_moderation_does_not_import_scikit_learn(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = tmp_path / "labelled.csv"
    _tiny_training_csv(data)
    train(data, text_col="comment", label_col="label", out_path=tmp_path / "mine.npz")
    code = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from sitrep.moderation import moderate\n"
        "from sitrep.moderation.policy import default_policy\n"
        "mine = replace(default_policy(), classifier_path=sys.argv[1])\n"
        "for policy in (default_policy(), mine):\n"
        "    moderate('شما یه مشت گوسفند نفهم هستید', policy=policy)\n"
        "    moderate('what a bananahead', policy=policy)\n"
        "print(sorted(m for m in ('sklearn', 'scipy', 'joblib') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "mine.npz")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_train_errors(tmp_path: Path) -> None:
    data = tmp_path / "l.csv"
    data.write_text("text,label\na,x\nb,y\nc,x\nd,y\n", "utf-8")
    with pytest.raises(InputError, match="positive"):
        train(data, text_col="text", label_col="label", out_path=tmp_path / "m.joblib")
    with pytest.raises(InputError, match="no column"):
        train(data, text_col="body", label_col="label", out_path=tmp_path / "m.joblib")
    with pytest.raises(InputError, match="no place"):
        train_classifier(str(data), text_col="text", label_col="label")


@pytest.mark.shared
def test_moderation_evaluation_floors(app_config) -> None:  # type: ignore[no-untyped-def]
    from sitrep.quality.evaluation.moderation import evaluate

    result = evaluate(app_config, limit=300)
    f = result.figures
    # Floors from the measurement on this sample (0.992, 0.989, 0.854, 0.858, 1.0, 0.95).
    assert f["finglish_f1"] >= 0.97
    assert f["finglish_short_f1"] >= 0.95
    assert f["parsoff_rules_macro_f1"] >= 0.82
    assert f["parsoff_engine_macro_f1"] >= 0.82
    assert f["innocent_pass_rate"] == 1.0
    assert f["slander_accuracy"] >= 0.9
    # Each held-out folder of our own corpus is reported (the sixteenth and s20 passes
    # added one each).
    for folder in ("corpus", "corpus_registers", "corpus_readers", "corpus_tweets"):
        assert f[f"{folder}_heldout_shipped_macro_f1"] > 0.5
    assert result.details["corpus_readers_heldout"]["comments"] >= 40
    assert result.details["corpus_tweets_heldout"]["comments"] >= 120
    # PHATE's classes, each with the share the rules and the shipped path flag.
    by_class = result.details["phate_class_recall"]["shipped"]
    assert set(by_class) == {"violence", "hate", "vulgar"}
    assert all(0 <= c["recall"] <= 1 and c["rows"] > 0 for c in by_class.values())
    # The cold benchmark: each path's first pass over its own unseen comments.
    d = result.details
    assert d["benchmark_cold_comments"] == {"rules": 300, "shipped (default policy)": 300}
    for key in ("benchmark_cold_comments_per_s", "benchmark_cold_comments_per_cpu_s"):
        assert set(d[key]) == {"rules", "shipped (default policy)"}
        assert all(rate > 0 for rate in d[key].values())


# -- issue 17: shipped classifier, Finglish inside comments, spam, floods, slander ---


def test_shipped_classifier_is_used_by_default() -> None:
    from sitrep.moderation.corpus import read_corpus, training_set

    examples = read_corpus()
    labels = {e.label for e in examples}
    assert labels == {"offensive", "acceptable"}
    texts, targets = training_set(examples[:40] + examples[-40:], seed=1)
    assert training_set(examples[:40] + examples[-40:], seed=1) == (texts, targets)
    decision = moderate("شما یه مشت گوسفند نفهم هستید")
    assert decision.verdict == "reject"
    # The shipped model only reviews on its own: a clean comment is published.
    assert moderate("ممنون از گزارش خوبتان").verdict == "publish"


def test_finglish_inside_english_is_flagged_with_span_and_transliteration() -> None:
    text = "Great report, merci! kheili mamnoon"
    decision = moderate(text)
    assert decision.verdict == "reject"
    inline = [r for r in decision.reasons if r.rule == "finglish_inline"]
    assert inline and inline[-1].span is not None
    start, end = inline[-1].span
    assert text[start:end] == "kheili mamnoon"
    assert inline[-1].suggestion == "خیلی ممنون"
    assert moderate("merci").verdict != "publish"


@pytest.mark.parametrize(
    "text",
    [
        'He greeted them with "salam" at the Samsung store',
        "I met Ali in Tehran last week",
        "The Raqqa offensive began in June",
    ],
)
def test_names_brands_and_quotes_are_not_finglish(text: str) -> None:
    assert not [r for r in moderate(text).reasons if r.rule.startswith("finglish")]


def test_inline_finglish_policy_can_ask_for_review(tmp_path: Path) -> None:
    policy_file = tmp_path / "p.toml"
    policy_file.write_text('[finglish]\ninline = "review"\n', "utf-8")
    decision = moderate(
        "ممنون از گزارش خوبتان، واقعا عالی بود، kheili khoob", policy=load_policy(policy_file)
    )
    assert decision.verdict == "review"
    policy_file.write_text('[finglish]\ninline = "maybe"\n', "utf-8")
    with pytest.raises(ConfigError):
        load_policy(policy_file)


def test_spam_links_phones_and_solicitation() -> None:
    link = moderate("Check http://spam.example/buy-now for the best deals")
    assert link.verdict == "review"
    assert link.reasons[0].rule == "spam_link"
    assert link.reasons[0].evidence == "http://spam.example/buy-now"
    assert moderate("برای سفارش با شماره ۰۹۱۲۳۴۵۶۷۸۹ تماس بگیرید").verdict == "reject"
    assert moderate("تخفیف ویژه فقط امروز").verdict == "reject"
    repeat = moderate(
        "Same opinion as before, nothing changed",
        recent=("same opinion as before nothing changed!",),
    )
    assert any(r.rule == "spam_repeat" for r in repeat.reasons)


def test_flood_is_not_a_comment_not_a_sexual_word() -> None:
    decision = moderate("x" * 4000)
    assert decision.verdict == "reject"
    assert [r.rule for r in decision.reasons] == ["flood"]
    assert "not a comment" in decision.reasons[0].detail
    assert moderate("!!!!!!!!!!!!!!!!!!!!").reasons[0].rule == "flood"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The minister is a thief", True),
        ("The minister was charged with being a thief", False),
        ('He wrote "the minister is a thief" on the wall', False),
        ("وزیر نفت به اتهام دزدی بازداشت شد", False),
        ("وزیر نفت دزد است", True),
    ],
)
def test_slander_stated_as_fact_versus_reported_or_quoted(text: str, flagged: bool) -> None:
    decision = moderate(text)
    assert (decision.verdict != "publish") == flagged
    if flagged:
        slander = [r for r in decision.reasons if r.rule == "slander"][0]
        assert "against" in slander.detail and "«" in slander.detail


def test_reasons_carry_evidence_and_decision_confidence() -> None:
    out = check_text("تو احمقی")
    assert 0.5 <= out["confidence"] <= 1.0
    assert out["reasons"][0]["evidence"] == "احمقی"


@pytest.mark.parametrize(("english", "persian"), [("idiot", "احمق"), ("stupid", "خر")])
def test_english_and_persian_insults_of_one_strength_get_one_verdict(
    english: str, persian: str
) -> None:
    assert moderate(english).verdict == moderate(persian).verdict


def test_the_shipped_classifier_alone_never_rejects() -> None:
    """Its policy threshold is 1.0, "never on its own"; a probability of 0.99996 is shown
    as 1.0 and rejected «تو» ("you") before. Since s26 «تو» alone scores 0.90 (the lexicon
    augmentation's words MAX_DF), so the comment is contempt no rule lists, scored 1.0."""
    decision = moderate("حیف نونی که میخوری، شماها یه مشت گوسفندید")
    assert [r.rule for r in decision.reasons] == ["shipped_classifier"]
    assert decision.reasons[0].score == 1.0
    assert decision.verdict == "review"


def test_classifier_reason_names_the_words_it_leaned_on() -> None:
    """Issue 17 item 5: a model's reason has a span and evidence too, not just a probability."""
    text = "شما یه مشت گوسفند نفهم هستید"
    reason = [r for r in moderate(text).reasons if r.rule == "shipped_classifier"][0]
    assert reason.span is not None
    start, end = reason.span
    assert text[start:end] in reason.detail and text[start:end] in reason.evidence
    assert reason.evidence.startswith(f"p={reason.score:.2f}")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The commander said the talks went well, vali kheili tool keshid", "kheili"),
        ("We read the report, ketabeshoon was better", "ketabeshoon"),
        ("“The convoy arrived late,” he said, “dastet dard nakone for the help”", "dastet"),
    ],
)
def test_inflected_finglish_and_finglish_inside_long_quotes(text: str, word: str) -> None:
    from sitrep.moderation.language import find_finglish_spans

    assert any(word in f.words for f in find_finglish_spans(text))


@pytest.mark.parametrize(
    "text",
    ["The hotline stayed open", "What else could they do, albeit late", 'They said "salam" twice'],
)
def test_english_compounds_function_words_and_short_quotes_are_not_finglish(text: str) -> None:
    from sitrep.moderation.language import find_finglish_spans

    assert find_finglish_spans(text) == []


def test_international_phone_numbers_are_found_whole() -> None:
    decision = moderate("WhatsApp 0044 7700 900123 for cheap watches")
    phone = [r for r in decision.reasons if r.rule == "spam_phone"][0]
    assert phone.evidence == "0044 7700 900123"
    assert decision.verdict == "reject"
    years = moderate("Casualties rose in 2017 and 2018")
    assert not [r for r in years.reasons if "phone" in r.rule]


def test_joined_scan_skips_only_comments_neither_rule_would_flag() -> None:
    from sitrep.moderation.rules import find_insults, find_slander, may_insult_or_accuse

    texts = [
        "ممنون از گزارش خوبتان",
        "خفه شو احمق",
        "ا ح م ق",
        "او یک دزد است",
        "He is a thief and a liar",
        "police arrested the killer",
        "thanks for the report, very clear",
        "کسب و کار در شهر رونق گرفته",
        "you are a bananahead",
    ]
    for text in texts:
        found = bool(find_insults(text) or find_slander(text))
        assert may_insult_or_accuse(text) or not found, text
    assert not may_insult_or_accuse("ممنون از گزارش خوبتان")
    assert may_insult_or_accuse("او یک دزد است") and may_insult_or_accuse("ا ح م ق")
    # A policy's own words count: added ones are scanned for, allowed ones may still be.
    assert not may_insult_or_accuse("you are a bananahead")
    assert may_insult_or_accuse("you are a bananahead", extra=("bananahead",))
    from dataclasses import replace

    from sitrep.moderation.policy import default_policy

    policy = replace(default_policy(), extra_insults=("bananahead",))
    assert any(r.rule == "insult" for r in moderate("you are a bananahead", policy=policy).reasons)


def test_persian_frequency_is_f2p_words_best_frequency() -> None:
    """The pruned search gives what ``f2p_word``'s three candidates give, token by token."""
    from sitrep.moderation.language import _f2p_frequency, persian_frequency

    tokens = [
        "salam",
        "merci",
        "khoobi",
        "ketabeshoon",
        "nagoftan",
        "dozdan",
        "jasoos",
        "khaene",
        "mamnoon",
        "kheili",
        "bache",
        "aghaye",
        "sh",
        "a",
        "ee",
        "qwrtp",
        "hello",
        "thanks",
        "zzz",
        "x",
        "babaam",
        "gheyre",
        "ajab",
        "doostet",
        "a'zam",
        "",
        "Salam",
    ]
    for token in tokens:
        assert persian_frequency.__wrapped__(token) == _f2p_frequency(token), token
