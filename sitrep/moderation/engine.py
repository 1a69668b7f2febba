"""``moderate(text, policy=...)``: one comment in, a decision with its reasons out.

Rules run in order: the language rule (Finglish, or any language the policy
does not allow), insults, slander, then the trained classifier when the policy
points at one. Every rule that fires adds a :class:`Reason` with a score in
[0, 1]; the verdict is ``reject`` when any reason reaches its reject threshold,
``review`` when any reaches its review threshold (uncertain cases go to a
moderator rather than being rejected silently), ``publish`` otherwise. Reasons
below the review threshold are kept for the record.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from . import classifier as clf
from .language import ENGLISH, FINGLISH, OTHER, PERSIAN, UNKNOWN, LanguageGuess, detect_language
from .policy import Policy, default_policy
from .rules import find_insults, find_slander

PUBLISH, REVIEW, REJECT = "publish", "review", "reject"

_LANGUAGE_NAMES = {
    PERSIAN: "Persian script",
    ENGLISH: "English",
    FINGLISH: "Finglish (Persian written in Latin letters)",
    OTHER: "a Latin-script language other than English",
    UNKNOWN: "text without letters",
}


@dataclass(frozen=True)
class Reason:
    """Why a rule fired: its name, a sentence, the matched span (start, end) and a score."""

    rule: str
    detail: str
    span: tuple[int, int] | None
    score: float

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "rule": self.rule,
            "detail": self.detail,
            "span": list(self.span) if self.span else None,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Decision:
    """The verdict (publish, review or reject), its reasons, the language, the policy version."""

    verdict: str
    reasons: tuple[Reason, ...]
    language: str
    policy_version: str

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: verdict, reasons, language, policy_version."""
        return {
            "verdict": self.verdict,
            "reasons": [r.as_dict() for r in self.reasons],
            "language": self.language,
            "policy_version": self.policy_version,
        }


def _language_reason(guess: LanguageGuess, policy: Policy) -> Reason | None:
    if policy.allows(guess.language):
        return None
    name = _LANGUAGE_NAMES[guess.language]
    if guess.language == FINGLISH:
        # The detector's own confidence: near 0.5 it is unsure and the comment goes
        # to review; a clear Finglish comment is rejected.
        score = guess.finglish_score
    elif guess.language == ENGLISH:
        score = 1.0 - guess.finglish_score
    elif guess.language == OTHER:
        score = (policy.review_threshold + policy.reject_threshold) / 2  # review
    else:
        score = 1.0
    return Reason(
        "finglish" if guess.language == FINGLISH else "language",
        f"written in {name}, which this policy does not publish",
        guess.latin_span if guess.language in (FINGLISH, ENGLISH, OTHER) else None,
        round(score, 4),
    )


def _verdict(reasons: list[Reason], policy: Policy) -> str:
    verdict = PUBLISH
    for r in reasons:
        reject, review = (
            (policy.classifier_reject, policy.classifier_review)
            if r.rule == "classifier"
            else (policy.reject_threshold, policy.review_threshold)
        )
        if r.score >= reject:
            return REJECT
        if r.score >= review:
            verdict = REVIEW
    return verdict


def moderate(text: str, *, policy: Policy | None = None) -> Decision:
    """Judge one comment under ``policy`` (the bundled default when None).

    Raises InputError when the comment is empty. Spans index ``text`` as given.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("comment", "the comment is empty: there is nothing to moderate")
    policy = policy or default_policy()
    # NFC keeps offsets for almost all text and joins decomposed letters; the rules
    # fold look-alike letters and zero-width characters themselves.
    text = unicodedata.normalize("NFC", text)
    guess = detect_language(text)
    reasons: list[Reason] = []
    language_reason = _language_reason(guess, policy)
    if language_reason:
        reasons.append(language_reason)
    if policy.insults:
        reasons += [
            Reason(h.rule, h.detail, h.span, h.score)
            for h in find_insults(
                text,
                language=guess.language,
                extra=policy.extra_insults,
                allowed=policy.allowed_words,
            )
        ]
    if policy.slander:
        reasons += [
            Reason(h.rule, h.detail, h.span, h.score)
            for h in find_slander(text, language=guess.language)
        ]
    model_file = policy.classifier_file
    if model_file is not None and model_file.exists():
        model = clf.load(model_file)
        p = model.probability(text)
        if p >= policy.classifier_review:
            reasons.append(
                Reason(
                    "classifier",
                    f"the trained classifier ({model_file.name}) gives probability {p:.2f} "
                    f"of {model.positive_label!r}",
                    None,
                    round(p, 4),
                )
            )
    reasons.sort(key=lambda r: -r.score)
    return Decision(_verdict(reasons, policy), tuple(reasons), guess.language, policy.version)
