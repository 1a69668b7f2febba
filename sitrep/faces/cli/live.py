"""``sitrep follow`` and ``sitrep alerts``: the follower's command-line face."""

from __future__ import annotations

import json
import signal
import sys
import time
from typing import Any

import click

from sitrep.core.errors import SitrepError


def _config(ctx: click.Context) -> Any:
    return ctx.obj["config"]


def _fail(exc: SitrepError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(3)


@click.command("follow")
@click.argument("sources", nargs=-1)
@click.option("--once", is_flag=True, help="Poll every source once and exit (for cron).")
@click.option(
    "--interval",
    type=click.IntRange(min=1),
    default=None,
    help="Seconds between polls of a feed (default: follow_interval in the config).",
)
@click.option(
    "--log-format",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="Logs on stderr: JSON lines, or plain text.",
)
@click.option("--json", "as_json", is_flag=True, help="With --once: print the summary as JSON.")
@click.pass_context
def follow_command(
    ctx: click.Context,
    sources: tuple[str, ...],
    once: bool,
    interval: int | None,
    log_format: str,
    as_json: bool,
) -> None:
    """Follow feeds (RSS, Atom, JSON Feed URLs) and drop folders into the database.

    SOURCES are feed URLs or folders; without any, the config's [[feeds]].
    Exit code with --once: 0 when every source was read, 1 when some failed.
    """
    from sitrep.api import Sitrep
    from sitrep.live import logs
    from sitrep.live.follow import Follower
    from sitrep.live.settings import feed_specs

    config = _config(ctx)
    logs.setup(log_format)
    try:
        specs = feed_specs(config, sources)
        if not specs:
            raise SitrepError(
                "nothing to follow: name feed URLs or folders, or list [[feeds]] in the config"
            )
        with Sitrep(config) as api:
            follower = Follower(config, api.store, specs, interval=interval)
            if once:
                summary = follower.poll(once=True)
                if as_json:
                    click.echo(json.dumps(summary.as_dict(), indent=2))
                else:
                    click.echo(
                        f"{summary.polled} sources polled ({summary.not_modified} unchanged, "
                        f"{len(summary.failed)} failed); {summary.items} new items, "
                        f"{summary.articles} articles stored, {summary.alerts} alerts "
                        f"in {summary.seconds:.1f} s"
                    )
                    for source, reason in summary.failed:
                        click.echo(f"  failed: {source}: {reason}", err=True)
                sys.exit(1 if summary.failed else 0)

            def stop(_sig: int, _frame: Any) -> None:
                follower.stop.set()

            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
            follower.run()
    except SitrepError as exc:
        _fail(exc)


@click.command("alerts")
@click.option("--follow", "follow_", is_flag=True, help="Keep printing new alerts as they come.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert and line.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.pass_context
def alerts_command(ctx: click.Context, follow_: bool, as_json: bool, limit: int) -> None:
    """Alerts raised by `sitrep follow` (latest first printed last)."""
    from sitrep.api import Sitrep

    config = _config(ctx)

    def show(alert: dict[str, Any]) -> None:
        if as_json:
            click.echo(json.dumps(alert, ensure_ascii=False))
            return
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(alert["created_at"]))
        place = (alert.get("place") or {}).get("name") or "?"
        event = alert.get("event") or {}
        if alert["kind"] == "contradiction":
            what = f"{place}: held by {alert.get('controller')}, disputed: " + "; ".join(
                alert.get("contradictions") or []
            )
        elif alert["kind"] == "control_change":
            what = f"{place} now held by {alert.get('controller')}"
            if alert.get("previous"):
                what += f" (was {alert['previous']})"
            if alert.get("since"):
                what += f" since {alert['since']}"
        else:
            what = f"{event.get('sub_event_type')} in {place} on {event.get('date')}"
        sources = ", ".join(alert.get("sources") or [])
        click.echo(f"{when}Z [{alert['rule']}] {what}; sources: {sources}; {alert['roundup']}")

    try:
        with Sitrep(config) as api:
            seen: set[str] = set()
            last = None
            for alert in api.alerts(limit=limit):
                seen.add(alert["id"])
                last = alert["created_at"]
                show(alert)
            while follow_:
                time.sleep(2.0)
                for alert in api.alerts(after=(last or 0.0) - 1.0):
                    if alert["id"] not in seen:
                        seen.add(alert["id"])
                        last = max(last or 0.0, alert["created_at"])
                        show(alert)
    except SitrepError as exc:
        _fail(exc)
    except KeyboardInterrupt:
        pass
