"""A plain-pickle copy of a loaded model, beside its file in the cache, to start faster.

The event classifier is cached as a compressed joblib file; joblib's own
unpickler reads it in about 0.8-1.9 CPU-s, while the standard library's
``pickle`` reads the same objects, uncompressed, in about 0.1 s (and leaves
less memory behind it). Every ``sitrep ingest`` pays the load once, before its
workers fork, so the copy is read instead when it is there and still the copy
of that file: it records the file's size and modification time, and a file
rewritten since (a retrained model) is loaded the slow way and copied again.

The language identifier's model (py3langid's, LZMA-compressed: about 0.75
CPU-s to read, 0.07 from a copy) is copied the same way, into a folder of
sitrep's cache. Only files in that cache get a copy beside them (the default
event model, trained there from the shipped corpus); a user's own model file is
read as it is, with nothing written beside it. A copy that cannot be read or
written is passed over: the model is loaded from its file, as without a copy.

An object built from several files (the actor dictionary: its data files and the
code that reads them) is copied under a key instead (:func:`load_keyed`): a hash
of everything it is built from, so any change to one of them builds it again.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# bumped when what a copy holds changes, so older copies are not read
_FORMAT = 1
SUFFIX = ".pickle"


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Garbage collection paused for the block (as it was after it), for loading a
    model: tens of thousands of new objects, none of them garbage and all of them
    kept as long as the process, over which the growing heap set off full passes
    again and again (the actor dictionary's copy alone three, 0.18 CPU-s of a
    2-second start). A caller that keeps them out of collection for good freezes
    them before the block ends (``gc.freeze``, as the ingest does before its
    workers fork); otherwise the first pass after the block walks them once.

    Paused by a threshold of zero rather than ``gc.disable``: spaCy's loader
    (srsly's msgpack) calls ``gc.enable`` when it is done, whatever it found."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _stamp(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return (_FORMAT, st.st_size, st.st_mtime_ns)


def load_with_copy(path: Path, load: Callable[[Path], T], *, copy: Path | None = None) -> T:
    """``load(path)``, read from the plain-pickle copy of ``path`` when it is current.

    The copy is ``copy``, or beside ``path`` with another suffix. Without a
    current copy, loads ``path`` with ``load`` and writes the copy (atomically;
    a failure to write it is not an error). Older copies are removed then, so
    the folder does not fill with them: beside their files, those whose file is
    gone; in a folder of copies (``copy`` given), every other copy there.
    """
    beside = copy is None
    copy = path.with_suffix(SUFFIX) if copy is None else copy

    def tidy() -> None:
        for other in copy.parent.glob(f"*{SUFFIX}"):
            # a copy of a file removed since (a model of an older corpus or code)
            if other != copy and not (beside and other.with_suffix(path.suffix).exists()):
                other.unlink(missing_ok=True)

    return _load_or_build(copy, _stamp(path), lambda: load(path), tidy)


def load_keyed(copy: Path, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from the plain-pickle copy ``copy`` when it was written for ``key``.

    ``key`` stands for everything the object is built from (a hash of its files);
    without a copy for it, builds the object and writes the copy (atomically; a
    failure to write it is not an error), removing the older copies of its folder
    but the :data:`KEPT_KEYED` most recent.
    """
    return _load_or_build(
        copy, (_FORMAT, key), build, lambda: keep_newest(copy, f"*{SUFFIX}", KEPT_KEYED)
    )


#: How many keyed copies (the current one included) a folder keeps: two checkouts
#: of different code sharing one cache would otherwise rebuild each other's in turn.
KEPT_KEYED = 3


def keep_newest(current: Path, pattern: str, keep: int) -> list[Path]:
    """Remove the files of ``current``'s folder that match ``pattern`` but
    ``current`` and the ``keep - 1`` most recently written others; the removed ones.

    Caches keyed by what they were built from (code, data, package versions) gain
    a file at every upgrade; without this they grow without end (the gazetteer's
    are 40 MB each)."""
    try:
        others = sorted(
            (p for p in current.parent.glob(pattern) if p != current),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return []  # a folder that cannot be listed: nothing to tidy
    removed = others[max(keep - 1, 0) :]
    for stale in removed:
        stale.unlink(missing_ok=True)
    return removed


def _load_or_build(
    copy: Path, stamp: object, build: Callable[[], T], tidy: Callable[[], object]
) -> T:
    """The object in ``copy`` when its stamp is ``stamp``; else ``build()``, copied
    there, and ``tidy()`` called to remove the folder's stale copies."""
    try:
        with copy.open("rb") as fh, paused_gc():
            saved_stamp, obj = pickle.load(fh)
        if saved_stamp == stamp:
            return obj
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a truncated or outdated copy: build it instead
        pass
    obj = build()
    _write(copy, (stamp, obj))
    tidy()
    return obj


def _write(copy: Path, payload: object) -> None:
    """Write ``payload`` to ``copy`` atomically; a failure leaves no file behind."""
    tmp = None
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=copy.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, copy)
        tmp = None
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # no copy: the next start loads the file again
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
