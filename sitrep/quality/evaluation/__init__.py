"""Evaluations against real data nobody on the project wrote (``../shared/data``).

Each evaluation is a function returning an :class:`~sitrep.quality.evaluation.common.EvalResult`
(figures, a table to print, details); ``sitrep eval NAME`` runs one, ``sitrep
eval all --gate`` runs them all and compares the figures with the floors
pinned in ``sitrep/quality/evaluation/baseline.json``.
"""
