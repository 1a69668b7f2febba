"""The test session's private cache starts from the builds `make install` left in the
user's cache, when they are of this checkout (tests/conftest.py: ``seed_cache``)."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import seed_cache

from sitrep.core.config import Config, default_config
from sitrep.read.classify import default_model_path
from sitrep.resolve.gazetteer import cache_file


def _configs(tmp_path: Path) -> tuple[Config, Config]:
    user = default_config().with_(cache_dir=str(tmp_path / "user"))
    private = default_config().with_(cache_dir=str(tmp_path / "private"))
    return user, private


def _built(path: Path, content: bytes, mtime: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    os.utime(path, (mtime, mtime))
    return path


def test_builds_of_this_checkout_are_copied_with_their_times(tmp_path: Path) -> None:
    user, private = _configs(tmp_path)
    model = default_model_path(user)
    assert model is not None
    _built(cache_file(user), b"gazetteer", 1_700_000_000)
    _built(model, b"model", 1_700_000_100)
    _built(model.with_suffix(".pickle"), b"fast copy", 1_700_000_200)

    copied = seed_cache(user, private)

    private_model = default_model_path(private)
    assert private_model is not None
    expected = [cache_file(private), private_model, private_model.with_suffix(".pickle")]
    assert copied == expected
    assert [p.read_bytes() for p in expected] == [b"gazetteer", b"model", b"fast copy"]
    # the fast copy is checked against the model file's time: both keep theirs
    assert int(private_model.stat().st_mtime) == 1_700_000_100
    assert all(p.parent.is_relative_to(tmp_path / "private") for p in expected)


def test_nothing_is_copied_when_the_user_cache_has_no_build_of_this_checkout(
    tmp_path: Path,
) -> None:
    user, private = _configs(tmp_path)
    # a gazetteer of other data or code has another name: it is not this build
    _built(cache_file(user).with_name("gazetteer-0000000000000000.marshal"), b"old", 1)
    assert seed_cache(user, private) == []
    assert not cache_file(private).exists()


def test_a_file_already_in_the_private_cache_is_kept(tmp_path: Path) -> None:
    user, private = _configs(tmp_path)
    _built(cache_file(user), b"user's", 1)
    _built(cache_file(private), b"own", 2)
    assert cache_file(private) not in seed_cache(user, private)
    assert cache_file(private).read_bytes() == b"own"
