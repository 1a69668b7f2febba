"""The ``sitrep moderate`` commands: plain functions, and a click group wiring them.

Design: ``moderate_group`` has two subcommands, ``check`` and ``train``.
``sitrep moderate check TEXT``, ``sitrep moderate check --file comments.csv`` and
``sitrep moderate train --csv FILE --text-col C --label-col L`` are the explicit
forms. ``sitrep moderate TEXT`` and ``sitrep moderate --file FILE`` also work:
when the first argument is not a subcommand name, the group inserts ``check``
(a comment that is literally "check" or "train" needs
``sitrep moderate check -- train``).

Attach with ``cli.add_command(moderate_group, "moderate")``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from sitrep.core.errors import InputError, SitrepError
from sitrep.moderation.classifier import TrainReport, train, train_labelled
from sitrep.moderation.engine import Decision, moderate
from sitrep.moderation.policy import Policy, load_policy

MAX_CSV_FIELD = 10_000_000
"""The longest CSV field (characters) ``moderate --file`` reads."""


def check_text(text: str, *, policy_path: str | None = None) -> dict[str, Any]:
    """Moderate one comment; the decision as a JSON-ready dict."""
    return moderate(text, policy=load_policy(policy_path)).as_dict()


def iter_csv_decisions(
    path: str | Path, *, policy: Policy, text_col: str = "text"
) -> Iterator[dict[str, Any]]:
    """One dict per data row of a CSV, in order: the decision plus ``row`` (1-based).

    A row that cannot be read (not UTF-8, missing its text, empty) yields
    ``{"row": n, "error": "..."}`` and the rest go on. Raises InputError when the
    file cannot be opened or has no ``text_col`` column.
    """
    source = str(path)
    try:
        # surrogateescape keeps undecodable bytes so one bad row spoils only itself.
        fh = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115
    except OSError as exc:
        raise InputError(source, f"cannot open the CSV file ({exc.strerror})") from exc
    # csv refuses fields over 131,072 characters by default; a pasted essay is still a
    # comment to judge, so allow up to MAX_CSV_FIELD and say so past that
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_FIELD))
    with fh:
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise InputError(source, f"the header cannot be read as CSV ({exc})") from exc
        if not header or text_col not in header:
            raise InputError(
                source,
                f"no {text_col!r} column in the header "
                f"({', '.join(header or []) or 'empty file'}): add one or pass --text-col",
            )
        col = header.index(text_col)
        n = 0
        while True:
            n += 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                # past a broken row the parser's place in the file is unknown: stop here
                yield {
                    "row": n,
                    "error": f"{source}: row {n} cannot be read as CSV ({exc}; a field may "
                    f"hold at most {MAX_CSV_FIELD:,} characters); rows after it were not read",
                }
                return
            if not row:
                yield {"row": n, "error": f"{source}: row {n} is blank"}
                continue
            if col >= len(row):
                yield {"row": n, "error": f"{source}: row {n} has no {text_col!r} field"}
                continue
            text = row[col]
            if any("\udc80" <= ch <= "\udcff" for ch in text):
                yield {"row": n, "error": f"{source}: row {n} is not valid UTF-8"}
                continue
            try:
                decision: Decision = moderate(text, policy=policy)
            except SitrepError as exc:
                yield {"row": n, "error": f"{source}: row {n}: {exc}"}
                continue
            yield {"row": n, **decision.as_dict()}


def check_file(
    path: str | Path,
    *,
    out: TextIO,
    policy_path: str | None = None,
    text_col: str = "text",
    as_json: bool = True,
) -> int:
    """Moderate every row of a CSV, writing one line per row to ``out``.

    Returns the exit code: 0 when every row was read, 1 when some rows had errors.
    """
    policy = load_policy(policy_path)
    errors = 0
    for item in iter_csv_decisions(path, policy=policy, text_col=text_col):
        errors += "error" in item
        if as_json:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        elif "error" in item:
            out.write(f"{item['row']}\terror\t{item['error']}\n")
        else:
            rules = ",".join(sorted({r["rule"] for r in item["reasons"]}))
            out.write(f"{item['row']}\t{item['verdict']}\t{item['language']}\t{rules}\n")
        out.flush()
    return 1 if errors else 0


def train_classifier(
    csv_path: str,
    *,
    text_col: str,
    label_col: str,
    out_path: str | None = None,
    positive: str | None = None,
    policy_path: str | None = None,
) -> TrainReport:
    """Train the classifier; saved to ``out_path`` or where the policy points.

    Raises InputError when neither names a place to save it.
    """
    if out_path is None:
        target = load_policy(policy_path).classifier_file
        if target is None:
            raise InputError(
                csv_path,
                "no place to save the classifier: pass --out PATH, or set [classifier] path "
                "in the policy file",
            )
        out_path = str(target)
    return train(
        csv_path, text_col=text_col, label_col=label_col, out_path=out_path, positive=positive
    )


def train_from_decisions(
    db: str, *, out_path: str | None = None, policy_path: str | None = None
) -> TrainReport:
    """Train the classifier on the comments moderators decided in the store at ``db``.

    A moderator's "rejected" is the positive label. Raises InputError when there is
    no place to save the model or too few decisions of each kind.
    """
    from sitrep.api import Sitrep

    if out_path is None:
        target = load_policy(policy_path).classifier_file
        if target is None:
            raise InputError(
                db, "no place to save the classifier: pass --out PATH or set [classifier] path"
            )
        out_path = str(target)
    with Sitrep(db=db, readonly=True) as api:
        rows = api.comments.decision_examples()
    return train_labelled(
        [t for t, _ in rows],
        [label for _, label in rows],
        source=f"{db} (moderator decisions)",
        out_path=out_path,
        positive="rejected",
    )


def format_decision(decision: dict[str, Any]) -> str:
    """A short human-readable rendering of a decision dict."""
    lines = [
        f"{decision['verdict']}  (language {decision['language']}, "
        f"policy {decision['policy_version']})"
    ]
    for r in decision["reasons"]:
        span = f" [{r['span'][0]}:{r['span'][1]}]" if r["span"] else ""
        lines.append(f"  - {r['rule']} {r['score']:.2f}{span}: {r['detail']}")
    return "\n".join(lines)


class _DefaultCheckGroup(click.Group):
    """A group that reads ``moderate TEXT`` / ``moderate --file F`` as ``moderate check ...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


_POLICY = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Policy TOML file (default: the bundled seed policy).",
)


@click.group("moderate", cls=_DefaultCheckGroup)
def moderate_group() -> None:
    """Judge reader comments under the publisher's policy (no insults, slander, Finglish).

    `sitrep moderate TEXT` and `sitrep moderate --file comments.csv` are short for
    `sitrep moderate check TEXT` and `sitrep moderate check --file comments.csv`.
    """


@moderate_group.command("check")
@click.argument("text", required=False)
@click.option("--file", "file_", type=click.Path(dir_okay=False), help="CSV with a text column.")
@click.option("--text-col", default="text", show_default=True, help="Text column of --file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per line).")
@_POLICY
def check_cmd(
    text: str | None, file_: str | None, text_col: str, as_json: bool, policy_path: str | None
) -> None:
    """Moderate TEXT, or every row of --file."""
    if (text is None) == (file_ is None):
        raise click.UsageError("give either TEXT or --file FILE")
    try:
        if file_ is not None:
            code = check_file(
                file_, out=sys.stdout, policy_path=policy_path, text_col=text_col, as_json=as_json
            )
            click.get_current_context().exit(code)
        decision = check_text(text or "", policy_path=policy_path)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(decision, ensure_ascii=False) if as_json else format_decision(decision))


@moderate_group.command("train")
@click.option("--csv", "csv_path", default=None, type=click.Path(dir_okay=False))
@click.option(
    "--from-decisions",
    is_flag=True,
    help="Train on the comments moderators published or rejected (the --db store).",
)
@click.option("--text-col", default=None, help="Column holding the comment text.")
@click.option("--label-col", default=None, help="Column holding the label.")
@click.option("--out", "out_path", default=None, help="Where to save (default: the policy's).")
@click.option("--positive", default=None, help="The label value meaning 'unacceptable'.")
@_POLICY
def train_cmd(
    csv_path: str | None,
    from_decisions: bool,
    text_col: str | None,
    label_col: str | None,
    out_path: str | None,
    positive: str | None,
    policy_path: str | None,
) -> None:
    """Fit the comment classifier on your own labelled comments (a CSV or moderator decisions)."""
    if from_decisions == (csv_path is not None):
        raise click.UsageError(
            "give either --csv FILE (with --text-col, --label-col) or --from-decisions"
        )
    try:
        if from_decisions:
            root = click.get_current_context().find_root()
            config = (root.obj or {}).get("config")
            if config is None:
                from sitrep.core.config import load_config

                config = load_config(None)
            report = train_from_decisions(
                str(config.db), out_path=out_path, policy_path=policy_path
            )
            click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
            return
        if not text_col or not label_col:
            raise click.UsageError("--csv needs --text-col and --label-col")
        report = train_classifier(
            str(csv_path),
            text_col=text_col,
            label_col=label_col,
            out_path=out_path,
            positive=positive,
            policy_path=policy_path,
        )
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
