"""``moderate(text, policy=...)``: one comment in, a decision with its reasons out.

Rules run in order: a flood check (one character held down is not a comment;
nothing else reads it), the language rule (Finglish, or any language the policy
does not allow), Finglish words inside an English or Persian comment, spam
(links, phone numbers, solicitation, repeated posts), insults, slander, then
the classifier: the publisher's own when the policy points at an existing file,
else the one sitrep ships (``corpus.py``). Every rule that fires adds a
:class:`Reason` with a score in [0, 1]; the verdict is ``reject`` when any
reason reaches its reject threshold, ``review`` when any reaches its review
threshold (uncertain cases go to a moderator rather than being rejected
silently), ``publish`` otherwise. Reasons
below the review threshold are kept for the record.

Each reason carries its rule, the span, the evidence (the text it read) and a
score; the decision carries a confidence in its verdict: how far the deciding
score stands from the threshold that would change the verdict.

English and Persian insults are treated alike: both go through the same rule
and scores; a *strong* word (profanity, slur, a word only ever said of a person:
احمق, idiot) is rejected in either language, a *mild* one (خر, stupid: also
said of animals or things) only when aimed at someone (a pronoun or a group
noun nearby), else it goes to review.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sitrep.core.errors import InputError
from sitrep.moderation import classifier as clf
from sitrep.moderation.language import (
    ENGLISH,
    FINGLISH,
    OTHER,
    PERSIAN,
    UNKNOWN,
    LanguageGuess,
    detect_language,
    find_finglish_spans,
    transliterate,
)
from sitrep.moderation.policy import Policy, default_policy
from sitrep.moderation.rules import find_insults, find_slander, may_insult_or_accuse
from sitrep.moderation.spam import (
    FLOOD,
    LINK,
    PHONE,
    REPEAT,
    SOLICITATION,
    find_flood,
    find_repeat,
    find_spam,
)

if TYPE_CHECKING:
    from sitrep.core.config import Config

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
    """Why a rule fired: its name, a sentence, the matched span (start, end), a score.

    ``evidence`` is the text the rule read (the span's text, a link, a count);
    ``suggestion`` what the reader could post instead (the Persian spelling of
    Finglish words), empty when there is none.
    """

    rule: str
    detail: str
    span: tuple[int, int] | None
    score: float
    evidence: str = ""
    suggestion: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "detail": self.detail,
            "span": list(self.span) if self.span else None,
            "score": round(self.score, 4),
            "evidence": self.evidence,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        return out


@dataclass(frozen=True)
class Decision:
    """The verdict (publish, review or reject), its reasons, the language, the policy version.

    ``confidence`` in [0.5, 1]: 1 when the deciding score is far from any
    threshold, near 0.5 when a small change of score would change the verdict.
    """

    verdict: str
    reasons: tuple[Reason, ...]
    language: str
    policy_version: str
    confidence: float = 1.0

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: verdict, reasons, language, policy_version, confidence."""
        return {
            "verdict": self.verdict,
            "reasons": [r.as_dict() for r in self.reasons],
            "language": self.language,
            "policy_version": self.policy_version,
            "confidence": round(self.confidence, 4),
        }


def _language_reason(guess: LanguageGuess, policy: Policy, text: str) -> Reason | None:
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
    span = guess.latin_span if guess.language in (FINGLISH, ENGLISH, OTHER) else None
    suggestion = ""
    if guess.language == FINGLISH and span:
        suggestion = transliterate(text[span[0] : span[1]])
    detail = f"written in {name}, which this policy does not publish"
    if suggestion:
        detail += f"; in Persian script: «{suggestion}»"
    return Reason(
        "finglish" if guess.language == FINGLISH else "language",
        detail,
        span,
        round(score, 4),
        text[span[0] : span[1]] if span else "",
        suggestion,
    )


def _action_score(action: str, policy: Policy) -> float | None:
    """The score that makes a finding do what the policy says (None: ignore it)."""
    if action == "reject":
        return 1.0
    if action == "review":
        return (policy.review_threshold + policy.reject_threshold) / 2
    return None


def _inline_finglish(text: str, policy: Policy, config: Config | None) -> list[Reason]:
    score = _action_score(policy.finglish_inline, policy)
    if score is None:
        return []
    out: list[Reason] = []
    for f in find_finglish_spans(text, config=config):
        words = " ".join(f.words)
        detail = f"Finglish (Persian in Latin letters) «{words}»"
        if f.transliteration:
            detail += f": write it in Persian script, «{f.transliteration}»"
        out.append(Reason("finglish_inline", detail, f.span, score, words, f.transliteration))
    return out


def _spam_reasons(text: str, policy: Policy, recent: tuple[str, ...]) -> list[Reason]:
    actions = {
        LINK: policy.spam_links,
        PHONE: policy.spam_phones,
        SOLICITATION: policy.spam_solicitation,
        REPEAT: policy.spam_repeats,
    }
    hits = find_spam(text, allowed_domains=policy.allowed_domains)
    repeat = find_repeat(text, recent)
    if repeat:
        hits.append(repeat)
    out: list[Reason] = []
    for h in hits:
        score = _action_score(actions[h.kind], policy)
        if score is not None:
            out.append(Reason(f"spam_{h.kind}", h.detail, h.span, score, h.evidence))
    return out


def _thresholds(rule: str, policy: Policy) -> tuple[float, float]:
    if rule == "classifier":
        return policy.classifier_reject, policy.classifier_review
    if rule == "shipped_classifier":
        return policy.shipped_reject, policy.shipped_review
    return policy.reject_threshold, policy.review_threshold


def _verdict(reasons: list[Reason], policy: Policy) -> tuple[str, float]:
    """The verdict and its confidence (see :class:`Decision`)."""
    verdict = PUBLISH
    # Distance of the strongest evidence from the threshold that would flip the verdict.
    margin = 1.0
    for r in reasons:
        reject, review = _thresholds(r.rule, policy)
        # A threshold of 1.0 never rejects (the shipped classifier's default): a model's
        # probability, rounded to four places, reaches 1.0 long before it is certain.
        if r.score >= reject and reject < 1.0:
            return REJECT, 0.5 + 0.5 * min(1.0, (r.score - reject) / max(1 - reject, 0.05) + 0.5)
    for r in reasons:
        reject, review = _thresholds(r.rule, policy)
        if r.score >= review:
            verdict = REVIEW
    if verdict == REVIEW:
        return verdict, 0.75
    for r in reasons:
        _, review = _thresholds(r.rule, policy)
        margin = min(margin, (review - r.score) / max(review, 0.05))
    return PUBLISH, 0.5 + 0.5 * max(0.0, margin)


def moderate(
    text: str,
    *,
    policy: Policy | None = None,
    recent: tuple[str, ...] = (),
    config: Config | None = None,
) -> Decision:
    """Judge one comment under ``policy`` (the bundled default when None).

    ``recent`` holds earlier comments (the same poster's, or the page's) for the
    repeated-post rule. ``config`` names the spaCy model whose English words the
    language rules know (the bundled default settings when None). Raises
    InputError when the comment is empty. Spans index ``text`` as given.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("comment", "the comment is empty: there is nothing to moderate")
    policy = policy or default_policy()
    # NFC keeps offsets for almost all text and joins decomposed letters; the rules
    # fold look-alike letters and zero-width characters themselves.
    text = unicodedata.normalize("NFC", text)
    guess = detect_language(text, config=config)
    flood = find_flood(text)
    if flood:
        reason = Reason(FLOOD, flood.detail, flood.span, 1.0, flood.evidence)
        return Decision(REJECT, (reason,), guess.language, policy.version, 1.0)
    reasons: list[Reason] = []
    language_reason = _language_reason(guess, policy, text)
    if language_reason:
        reasons.append(language_reason)
    # A whole comment clearly in Finglish is the language rule's; a mixed one (English
    # with a Finglish thank-you) is judged word by word, with spans and the Persian spelling.
    if language_reason is None or language_reason.score < policy.reject_threshold:
        reasons += _inline_finglish(text, policy, config)
    if policy.spam:
        reasons += _spam_reasons(text, policy, recent)
    # One joined scan first: a comment with no listed word skips both rules' own scans.
    listed = (policy.insults or policy.slander) and may_insult_or_accuse(
        text, extra=policy.extra_insults, allowed=policy.allowed_words
    )
    if policy.insults and listed:
        reasons += [
            Reason(h.rule, h.detail, h.span, h.score, text[h.span[0] : h.span[1]])
            for h in find_insults(
                text,
                language=guess.language,
                extra=policy.extra_insults,
                allowed=policy.allowed_words,
            )
        ]
    if policy.slander and listed:
        reasons += [
            Reason(h.rule, h.detail, h.span, h.score, text[h.span[0] : h.span[1]])
            for h in find_slander(text, language=guess.language)
        ]
    classifier_reason = _classifier_reason(text, policy)
    if classifier_reason:
        reasons.append(classifier_reason)
    # The rules' reasons first (they name a span), strongest first; a model's score last.
    reasons.sort(key=lambda r: (r.rule.endswith("classifier"), -r.score))
    verdict, confidence = _verdict(reasons, policy)
    return Decision(verdict, tuple(reasons), guess.language, policy.version, confidence)


def _classifier_reason(text: str, policy: Policy) -> Reason | None:
    """The publisher's classifier when the policy names an existing file, else the shipped one."""
    from sitrep.moderation.corpus import shipped_classifier

    model_file = policy.classifier_file
    if model_file is not None and model_file.exists():
        model, rule, review = clf.load(model_file), "classifier", policy.classifier_review
        name = f"the trained classifier ({model_file.name})"
    elif policy.shipped_classifier:
        # The English model for a comment in Latin letters, the other for the rest.
        model = shipped_classifier().pick(text)
        rule, review = "shipped_classifier", policy.shipped_review
        name = "the shipped classifier"
    else:
        return None
    p = model.probability(text)
    if p < review:
        return None
    # What a moderator can check: the words that raised the model's log-odds most in
    # this comment (each word's share of the logit), the largest as the span.
    leaned = model.explain(text)
    words = ", ".join(f"«{word}»" for _, word, _ in leaned)
    detail = f"{name} gives probability {p:.2f} of {model.positive_label!r}"
    shares = "; ".join(f"{word} {share:+.2f}" for _, word, share in leaned)
    return Reason(
        rule,
        f"{detail}, mostly for {words}" if words else detail,
        leaned[0][0] if leaned else None,
        round(p, 4),
        f"p={p:.2f}; log-odds from: {shares}" if leaned else f"p={p:.2f}",
    )
