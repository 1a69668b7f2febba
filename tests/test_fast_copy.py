"""The plain-pickle copy of a model file (``sitrep.core.fast_copy``) gives the
loaded model, is read instead of the file while current, and never hides a change."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from conftest import aged_files

from sitrep.core.fast_copy import KEPT_KEYED, keep_newest, load_keyed, load_with_copy, paused_gc


class Counting:
    """A loader that records how often it read the file."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, path: Path) -> dict[str, str]:
        self.calls += 1
        return {"text": path.read_text()}


def test_copy_is_read_while_the_file_is_unchanged(tmp_path: Path) -> None:
    model = tmp_path / "event-a.joblib"
    model.write_text("one")
    load = Counting()
    assert load_with_copy(model, load) == {"text": "one"}
    assert (tmp_path / "event-a.pickle").is_file()
    assert load_with_copy(model, load) == {"text": "one"}
    assert load.calls == 1


def test_a_rewritten_file_is_loaded_again(tmp_path: Path) -> None:
    model = tmp_path / "event-a.joblib"
    model.write_text("one")
    load = Counting()
    load_with_copy(model, load)
    model.write_text("two!")
    st = model.stat()
    os.utime(model, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert load_with_copy(model, load) == {"text": "two!"}
    assert load.calls == 2


def test_a_broken_copy_falls_back_to_the_file(tmp_path: Path) -> None:
    model = tmp_path / "event-a.joblib"
    model.write_text("one")
    (tmp_path / "event-a.pickle").write_bytes(b"\x80\x05not a pickle")
    load = Counting()
    assert load_with_copy(model, load) == {"text": "one"}
    assert load.calls == 1
    assert load_with_copy(model, load) == {"text": "one"}
    assert load.calls == 1  # the broken copy was replaced


def test_copies_of_removed_files_are_cleaned(tmp_path: Path) -> None:
    kept, gone = tmp_path / "event-a.joblib", tmp_path / "event-b.joblib"
    kept.write_text("a")
    gone.write_text("b")
    load_with_copy(gone, Counting())
    gone.unlink()
    load_with_copy(kept, Counting())
    assert sorted(p.name for p in tmp_path.glob("*.pickle")) == ["event-a.pickle"]
    # a copy in a folder of copies replaces the others there
    folder = tmp_path / "copies"
    load_with_copy(kept, Counting(), copy=folder / "one.pickle")
    load_with_copy(kept, Counting(), copy=folder / "two.pickle")
    assert [p.name for p in folder.glob("*.pickle")] == ["two.pickle"]


def test_a_keyed_copy_is_read_for_its_key_only(tmp_path: Path) -> None:
    built: list[int] = []

    def build() -> dict[str, int]:
        built.append(1)
        return {"builds": len(built)}

    folder = tmp_path / "copies"
    assert load_keyed(folder / "a.pickle", "k1", build) == {"builds": 1}
    assert load_keyed(folder / "a.pickle", "k1", build) == {"builds": 1}
    # another key (one of the files it is built from changed): built again
    assert load_keyed(folder / "a.pickle", "k2", build) == {"builds": 2}
    # new copies replace the older ones of their folder but the KEPT_KEYED newest
    os.utime(folder / "a.pickle", (999_000, 999_000))
    for n, name in enumerate("bcde"):
        load_keyed(folder / f"{name}.pickle", f"k{n + 3}", build)
        os.utime(folder / f"{name}.pickle", (1_000_000 + n, 1_000_000 + n))
    assert sorted(p.name for p in folder.glob("*.pickle")) == sorted(
        f"{name}.pickle" for name in "bcde"[-KEPT_KEYED:]
    )
    # a copy still kept is read again, not rebuilt
    before = len(built)
    assert load_keyed(folder / "c.pickle", "k4", build) == {"builds": 4}
    assert len(built) == before


def test_keep_newest_keeps_the_current_file_and_the_newest_others(tmp_path: Path) -> None:
    files = aged_files(tmp_path, [f"gazetteer-{n}.marshal" for n in range(5)])
    (tmp_path / "other.txt").write_text("not a cache file")
    removed = keep_newest(files[0], "gazetteer-*.marshal", 3)
    assert sorted(removed) == sorted(files[1:3])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["gazetteer-0.marshal", "gazetteer-3.marshal", "gazetteer-4.marshal", "other.txt"]
    )


def test_no_collection_while_a_model_loads_even_if_a_library_enables_it() -> None:
    """``paused_gc``: no automatic pass inside the block, not even after a library's
    ``gc.enable`` (srsly's msgpack loader calls it when done); the thresholds and
    the enabled state are as before after it."""
    passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            passes.append(info["generation"])

    before = gc.get_threshold()
    gc.callbacks.append(count)
    try:
        with paused_gc():
            gc.enable()  # what srsly does at the end of each load
            kept = [[n] for n in range(100_000)]  # many times any threshold
            inside = list(passes)
        assert inside == []
    finally:
        gc.callbacks.remove(count)
    assert gc.get_threshold() == before
    assert gc.isenabled()
    assert len(kept) == 100_000
