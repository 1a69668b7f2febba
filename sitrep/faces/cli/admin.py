"""``sitrep admin``: moderators, admins and their tokens for the comment API.

``sitrep admin token create NAME --role moderator|admin`` prints a new token
once (only its hash is stored); ``token revoke NAME`` ends all of a user's
tokens; ``users`` lists who may moderate. The database is ``--db`` on this
group, else the ``sitrep --db`` the group is attached under, else the
configured one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from sitrep.core.errors import SitrepError
from sitrep.moderation.comments import ROLES

if TYPE_CHECKING:
    from sitrep.api import Sitrep

_DB_KEY = "sitrep.admin.db"


def _db(ctx: click.Context) -> str:
    own = ctx.meta.get(_DB_KEY)  # meta is shared by every context of one invocation
    if own:
        return str(own)
    root = ctx.find_root().obj
    if isinstance(root, dict) and root.get("config") is not None:
        return str(root["config"].db)
    from sitrep.core.config import load_config

    return load_config().db


def _sitrep(ctx: click.Context) -> Sitrep:
    from sitrep.api import Sitrep

    root = ctx.find_root().obj
    config = root.get("config") if isinstance(root, dict) else None
    return Sitrep(config, db=_db(ctx))


@click.group("admin")
@click.option("--db", "db", metavar="PATH_OR_URL", default=None, help="Database (see above).")
@click.pass_context
def admin_group(ctx: click.Context, db: str | None) -> None:
    """Moderators and admins of reader comments, and their API tokens."""
    ctx.meta[_DB_KEY] = db


@admin_group.group("token")
def token_group() -> None:
    """Create and revoke bearer tokens."""


@token_group.command("create")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="moderator",
    show_default=True,
    help="moderator: read the queue, publish or reject; admin: also the audit log.",
)
@click.pass_context
def token_create(ctx: click.Context, name: str, role: str) -> None:
    """Make a token for NAME (the user is created, or given ROLE). Shown once: keep it."""
    try:
        with _sitrep(ctx) as api:
            token = api.comments.create_token(name, role)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(token)
    click.echo(
        f"token for {name} ({role}; the user's older tokens keep their own role); it is "
        "shown only this once and stored as a hash. "
        "Send it as 'Authorization: Bearer TOKEN' or paste it into /moderate.",
        err=True,
    )


@token_group.command("revoke")
@click.argument("name")
@click.pass_context
def token_revoke(ctx: click.Context, name: str) -> None:
    """Revoke every token of NAME."""
    try:
        with _sitrep(ctx) as api:
            n = api.comments.revoke_tokens(name)
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"revoked {n} token{'s' if n != 1 else ''} of {name}")


@admin_group.command("users")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.pass_context
def users_cmd(ctx: click.Context, as_json: bool) -> None:
    """List moderators and admins with their number of live tokens."""
    try:
        with _sitrep(ctx) as api:
            rows = api.comments.users()
    except SitrepError as exc:
        raise click.ClickException(str(exc)) from exc
    for r in rows:
        if as_json:
            click.echo(json.dumps(r, ensure_ascii=False))
        else:
            click.echo(f"{r['name']:<24} {r['role']:<10} {r['tokens']} live token(s)")
    if not rows and not as_json:
        click.echo("no moderators yet: sitrep admin token create NAME --role moderator")
