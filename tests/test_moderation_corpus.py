"""The moderation corpus keeps its held-out lines out of the build."""

from __future__ import annotations

from sitrep.moderation.corpus import corpus_dir, read_corpus


def test_held_out_lines_are_not_trained_on() -> None:
    held = read_corpus(corpus_dir() / "heldout")
    assert {e.label for e in held} == {"offensive", "acceptable"}
    trained = {e.text for e in read_corpus()}
    assert len(trained) > 900
    assert not trained & {e.text for e in held}
