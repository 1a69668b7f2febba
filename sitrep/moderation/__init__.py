"""Reader-comment moderation under a publisher's policy (issue 6).

The default policy is the seed publisher's: no insults, no slander, no
Finglish. ``moderate(text, policy=...)`` returns a :class:`Decision`;
``train(csv, ...)`` fits a classifier on a publisher's own labels; without one,
the classifier sitrep ships (``corpus.py``, trained on our own corpus) is used.
Nothing is loaded at import time.
"""

from __future__ import annotations

from sitrep.moderation.classifier import TrainReport, train
from sitrep.moderation.engine import PUBLISH, REJECT, REVIEW, Decision, Reason, moderate
from sitrep.moderation.language import LanguageGuess, detect_language
from sitrep.moderation.policy import Policy, default_policy, load_policy

__all__ = [
    "PUBLISH",
    "REJECT",
    "REVIEW",
    "Decision",
    "LanguageGuess",
    "Policy",
    "Reason",
    "TrainReport",
    "default_policy",
    "detect_language",
    "load_policy",
    "moderate",
    "train",
]
