"""The moderation corpus keeps its held-out lines out of the build."""

from __future__ import annotations

from sitrep.moderation.corpus import Example, corpus_dir, heldout_examples, read_corpus


def _both_labels_in_both_languages(lines: list[Example]) -> bool:
    labels = {(e.label, e.language) for e in lines}
    return labels >= {(a, b) for a in ("offensive", "acceptable") for b in ("fa", "en")}


def test_held_out_lines_are_not_trained_on() -> None:
    held = read_corpus(corpus_dir() / "heldout")
    assert {e.label for e in held} == {"offensive", "acceptable"}
    trained = {e.text for e in read_corpus()}
    assert len(trained) > 900
    assert not trained & {e.text for e in held}


def test_held_out_slice_has_both_labels_in_both_languages() -> None:
    held = heldout_examples()
    assert held == read_corpus(corpus_dir() / "heldout")
    assert _both_labels_in_both_languages(held)
    assert len(held) >= 60


def test_registers_held_out_lines_are_not_trained_on() -> None:
    from sitrep.moderation.corpus import registers_heldout_examples

    held = registers_heldout_examples()
    assert {e.label for e in held} == {"offensive", "acceptable"}
    assert len(held) >= 40
    trained = {e.text for e in read_corpus()}
    assert not trained & {e.text for e in held}
    assert not {e.text for e in heldout_examples()} & {e.text for e in held}


def test_readers_held_out_lines_are_not_trained_on() -> None:
    from sitrep.moderation.corpus import readers_heldout_examples, registers_heldout_examples

    held = readers_heldout_examples()
    assert _both_labels_in_both_languages(held)
    assert len(held) >= 40
    texts = {e.text for e in held}
    others = [read_corpus(), read_corpus(corpus_dir() / "candidates"), heldout_examples()]
    others += [registers_heldout_examples(), read_corpus(corpus_dir() / "candidates_readers")]
    assert not any(texts & {e.text for e in lines} for lines in others)


def test_the_build_does_not_read_the_sixteenth_pass_candidates() -> None:
    from sitrep.moderation.corpus import training_examples

    lines = read_corpus(corpus_dir() / "candidates_readers")
    assert len(lines) >= 300 and {e.label for e in lines} == {"offensive", "acceptable"}
    texts = {e.text for e in lines}
    for lexicon in (False, True):
        assert not texts & {e.text for e in training_examples(lexicon)}


def _texts_of(*folders: str) -> set[str]:
    return {e.text for name in folders for e in read_corpus(corpus_dir() / name)}


def test_s20_held_out_lines_are_never_trained_on() -> None:
    from sitrep.moderation.corpus import training_examples, tweets_heldout_examples

    held = tweets_heldout_examples()
    assert held == read_corpus(corpus_dir() / "heldout_tweets")
    assert {e.label for e in held} == {"offensive", "acceptable"} and len(held) >= 120
    trained = {e.text for lexicon in (False, True) for e in training_examples(lexicon)}
    others = _texts_of("candidates", "candidates_readers", "heldout", "heldout_readers")
    assert not {e.text for e in held} & (trained | others | _texts_of("heldout_registers"))


def test_the_s20_candidates_are_read_with_the_lexicon_augmentation_only() -> None:
    from sitrep.moderation.corpus import training_examples

    lines = read_corpus(corpus_dir() / "candidates_s20")
    assert len(lines) >= 350 and {e.label for e in lines} == {"offensive", "acceptable"}
    texts = {e.text for e in lines}
    assert not texts & {e.text for e in read_corpus()}  # no line twice in the build
    assert not texts & {e.text for e in training_examples(False)}
    with_lexicon = {e.text for e in training_examples(True)}
    assert texts <= with_lexicon
    assert not _texts_of("candidates_s20/left_out") & with_lexicon


def test_neutral_twins_swap_the_insult_for_a_plain_noun() -> None:
    import random

    from sitrep.moderation.corpus import OFFENSIVE, Example, neutral_twins
    from sitrep.moderation.rules import find_insults

    line = Example("تو یک احمق به تمام معنا هستی", OFFENSIVE, "general", "fa")
    english = Example("you are an idiot", OFFENSIVE, "general", "en")
    twins = neutral_twins([line, english], random.Random(3))
    assert len(twins) == 1  # Persian lines only
    twin = twins[0]
    assert not find_insults(twin)
    assert twin.startswith("تو یک ") and twin.endswith(" به تمام معنا هستی")
    assert "احمق" not in twin
    assert neutral_twins([line], random.Random(3)) == twins


def test_lexicon_pairs_differ_by_the_listed_word_only() -> None:
    import random

    from sitrep.moderation import corpus

    words = set(corpus.lexicon_words())
    assert "احمق" in words and all(corpus._PERSIAN.search(w) for w in words)
    rare = set(corpus.rare_words())
    texts, targets = corpus._lexicon_pairs(random.Random(1))
    assert len(texts) == 2 * corpus.LEXICON_COPIES * len(words)
    for clean, bad, t0, t1 in zip(
        texts[::2], texts[1::2], targets[::2], targets[1::2], strict=True
    ):
        assert (t0, t1) == (0, 1)
        a, b = clean.split(), bad.split()
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
        # Same background; one word differs (a listed word can itself be two words).
        assert a[: diff[0]] == b[: diff[0]] and a[diff[0]] in rare
        assert " ".join(a[diff[0] + 1 :]) in bad
    assert corpus._lexicon_pairs(random.Random(1)) == (texts, targets)


def test_lexicon_augmentation_only_adds_to_the_training_set() -> None:
    from sitrep.moderation import corpus

    examples = corpus.read_corpus()
    sample = examples[:30] + examples[-30:]
    # The later switches (identity balance, acceptable tricks) off: they come after it.
    alone = {"identity": False, "tricks": 0}
    plain = corpus.training_set(sample, seed=2, lexicon=False, **alone)
    more = corpus.training_set(sample, seed=2, lexicon=True, **alone)
    assert more[0][: len(plain[0])] == plain[0] and len(more[0]) > len(plain[0])
    assert corpus.training_set(sample, seed=2, lexicon=True, **alone) == more
    # On since s26: the shipped model's lines are the corpus and the candidate folders.
    assert corpus.LEXICON_AUGMENTATION is True
    assert corpus.training_examples()[: len(examples)] == examples


def test_english_held_out_lines_are_not_trained_on() -> None:
    from sitrep.moderation.corpus import (
        english_examples,
        english_heldout_examples,
        english_training_examples,
        readers_heldout_examples,
        registers_heldout_examples,
        training_examples,
    )

    held = english_heldout_examples()
    assert {(e.label, e.language) for e in held} == {("offensive", "en"), ("acceptable", "en")}
    assert len(held) >= 90
    texts = {e.text for e in held}
    others = [english_training_examples(), read_corpus(), heldout_examples()]
    others += [registers_heldout_examples(), readers_heldout_examples()]
    assert not any(texts & {e.text for e in lines} for lines in others)
    # Several hundred lines a side, read by the English model's build only.
    lines = english_examples()
    assert sum(e.label == "offensive" for e in lines) >= 250
    assert sum(e.label == "acceptable" for e in lines) >= 300
    assert not {e.text for e in lines} & {e.text for e in training_examples(True)}


def test_the_english_model_reads_comments_in_latin_letters_only() -> None:
    from sitrep.moderation.corpus import reads_as_english, shipped_classifier

    for text in ["you are right, thank you", "@maria you idiot", "f u c k you", "lol"]:
        assert reads_as_english(text), text
    # Persian script anywhere, no letters at all, or only handles, links and hashtags.
    for text in ["این مقاله", "سلام you are right", "1234 !!", "@user https://t.co/x1", "#iran"]:
        assert not reads_as_english(text), text
    shipped = shipped_classifier()
    assert shipped.pick("thank you") is shipped.english
    assert shipped.pick("ممنون") is shipped.persian


def test_you_is_not_held_against_a_reader() -> None:
    """Issue 17: with the English model, civil replies to "you" are published, and an
    insult's reason names the insult, not "you"."""
    from sitrep.moderation import moderate

    for text in ["you are right, thank you", "Are you sure about the date?"]:
        assert moderate(text).verdict == "publish", text
    text = "you are a brainless clown and you know it"
    reason = [r for r in moderate(text).reasons if r.rule == "shipped_classifier"][0]
    assert reason.span is not None and text[slice(*reason.span)] in ("brainless", "clown")
    assert "log-odds from: " in reason.evidence


def test_s22_candidates_are_read_with_the_lexicon_augmentation_only() -> None:
    from sitrep.moderation.corpus import training_examples

    lines = read_corpus(corpus_dir() / "candidates_s22")
    assert len(lines) >= 300 and {e.label for e in lines} == {"offensive", "acceptable"}
    texts = {e.text for e in lines}
    assert len(texts) == len(lines)
    assert not texts & {e.text for e in read_corpus()}  # no line twice in the build
    assert not texts & {e.text for e in training_examples(False)}
    assert texts <= {e.text for e in training_examples(True)}


def test_s22_probes_are_never_trained_on() -> None:
    from sitrep.moderation.corpus import probe_examples, training_examples

    probes = probe_examples()
    kinds = {(e.label, e.kind) for e in probes}
    assert ("acceptable", "function_words") in kinds and ("offensive", "obfuscated") in kinds
    assert len(probes) >= 120
    texts = {e.text for e in probes}
    folders = ["candidates", "candidates_readers", "candidates_s22", "heldout", "heldout_readers"]
    folders += ["heldout_registers", "heldout_tweets", "candidates_s20/left_out"]
    trained = {e.text for lexicon in (False, True) for e in training_examples(lexicon)}
    assert not texts & (trained | _texts_of(*folders))


def test_the_shipped_fit_drops_the_commonest_terms_as_max_df_says() -> None:
    from sitrep.moderation import classifier as clf

    texts = ["این خوب است", "این بد است", "این هوا سرد است", "این یک خبر است"] * 3
    targets = [0, 1, 0, 1] * 3
    kept = clf.fit(texts, targets, seed=1).named_steps["features"].transformer_list[1][1]
    assert "این" in kept.vocabulary_
    fitted = clf.fit(texts, targets, seed=1, max_df=(1.0, 0.5))
    words = fitted.named_steps["features"].transformer_list[1][1]
    assert "این" not in words.vocabulary_ and "خوب" in words.vocabulary_
    # The fast scorer reads it as it reads any fitted pipeline of this shape.
    model = clf.TrainedClassifier.from_pipeline("<test>", fitted, "offensive", "x")
    expected = fitted.predict_proba(["این هوا بد است"])[0, 1]
    assert abs(model.probability("این هوا بد است") - expected) < 1e-9


def test_identity_balance_leaves_no_people_more_common_among_insults() -> None:
    # Issue 17, s25: our hateful lines name peoples and faiths more often than our
    # neutral ones, so the model learnt the name («عرب» alone scored 1.0 in the
    # augmented build). The balance adds acceptable comments with each name until it is
    # no more common among offensive texts than among acceptable ones.
    import random

    from sitrep.moderation.corpus import identity_balance

    texts = [
        "عربا همشون کثیفن",
        "عربا وحشی ان برن بیرون",
        "شیعه ها نجسن",
        "یه عرب تو محله ما مغازه داره",
        "این یک خبر عادی است",
    ]
    targets = [1, 1, 1, 0, 0]
    added, labels = identity_balance(texts, targets, random.Random(1))
    assert labels == [0] * len(added)
    # «عربا» twice and «شیعه» once among the insults, none among the acceptable lines
    # («عرب» is another word and already balanced); «ها», «کثیفن» and «نجسن» are no names.
    assert sum("عربا" in t.split() for t in added) == 2
    assert sum("شیعه" in t.split() for t in added) == 1
    assert len(added) == 3
    assert not any({"کثیفن", "نجسن"} & set(t.split()) for t in added)
    # The same generator state gives the same comments.
    assert identity_balance(texts, targets, random.Random(1))[0] == added


def test_identity_words_are_one_word_names_and_not_a_slur() -> None:
    # «عرب های» folds to two words: «های» must not count as a name; «آخوند» is left out
    # because our offensive lines use it as a slur for the clergy.
    from sitrep.moderation.corpus import identity_words

    words = identity_words()
    assert {"عرب", "شیعه", "یهودی", "زن", "افغانیا"} <= words
    assert "های" not in words and "ها" not in words
    assert not any("آخوند" in w for w in words)


def test_identity_balance_only_adds_to_the_training_set() -> None:
    # On since s26 (off when s25 built it); switched on, the build's texts stay as they
    # were, with the balancing comments after them.
    from sitrep.moderation import corpus

    lines = corpus.read_corpus()
    examples = [e for e in lines if e.label == corpus.OFFENSIVE][:30]
    examples += [e for e in lines if e.label == corpus.ACCEPTABLE][:30]
    plain = corpus.training_set(examples, identity=False, tricks=0)
    assert corpus.IDENTITY_BALANCE is True
    assert corpus.training_set(examples, tricks=0) != plain
    texts, targets = corpus.training_set(examples, identity=True, tricks=0)
    assert texts[: len(plain[0])] == plain[0] and targets[: len(plain[1])] == plain[1]
    assert set(targets[len(plain[1]) :]) <= {0}


def test_acceptable_lines_get_the_filter_dodging_tricks_too_when_asked() -> None:
    # Issue 17, s25: only offensive lines were written with dots between letters, held
    # keys and Latin look-alikes, so the shipped model learnt the trick, not the word
    # («...» after a harmless reply raised its log-odds by 0.85, «ههههه» by 1.23). With
    # ``tricks`` each acceptable line gets that many disguised copies as well, labelled
    # acceptable, after every other text; 3 in the shipped build since s26.
    from sitrep.moderation import corpus

    lines = corpus.read_corpus()
    examples = [e for e in lines if e.label == corpus.OFFENSIVE][:20]
    examples += [e for e in lines if e.label == corpus.ACCEPTABLE][:20]
    assert corpus.ACCEPTABLE_TRICKS == 3
    plain = corpus.training_set(examples, tricks=0)
    assert corpus.training_set(examples, tricks=0) == plain
    texts, targets = corpus.training_set(examples, tricks=2)
    assert texts[: len(plain[0])] == plain[0]
    added = texts[len(plain[0]) :]
    assert len(added) == 2 * 20 and set(targets[len(plain[1]) :]) == {0}
    # Disguised copies, not the lines as written (a one-letter word can stay as it is).
    written = {e.text for e in examples}
    assert sum(t not in written for t in added) >= 35
    assert corpus.training_set(examples, tricks=2) == (texts, targets)
