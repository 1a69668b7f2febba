"""The moderation corpus keeps its held-out lines out of the build."""

from __future__ import annotations

from sitrep.moderation.corpus import corpus_dir, heldout_examples, read_corpus


def test_held_out_lines_are_not_trained_on() -> None:
    held = read_corpus(corpus_dir() / "heldout")
    assert {e.label for e in held} == {"offensive", "acceptable"}
    trained = {e.text for e in read_corpus()}
    assert len(trained) > 900
    assert not trained & {e.text for e in held}


def test_held_out_slice_has_both_labels_in_both_languages() -> None:
    held = heldout_examples()
    assert held == read_corpus(corpus_dir() / "heldout")
    assert {(e.label, e.language) for e in held} >= {
        ("offensive", "fa"),
        ("acceptable", "fa"),
        ("offensive", "en"),
        ("acceptable", "en"),
    }
    assert len(held) >= 60


def test_registers_held_out_lines_are_not_trained_on() -> None:
    from sitrep.moderation.corpus import registers_heldout_examples

    held = registers_heldout_examples()
    assert {e.label for e in held} == {"offensive", "acceptable"}
    assert len(held) >= 40
    trained = {e.text for e in read_corpus()}
    assert not trained & {e.text for e in held}
    assert not {e.text for e in heldout_examples()} & {e.text for e in held}
