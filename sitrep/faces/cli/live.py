"""``sitrep follow`` and ``sitrep alerts``: the follower's command-line face."""

from __future__ import annotations

import json
import signal
import sys
import time
from typing import Any, NoReturn

import click

from sitrep.core.errors import SitrepError


def _config(ctx: click.Context) -> Any:
    return ctx.obj["config"]


def _fail(exc: SitrepError) -> NoReturn:
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


@click.group("alerts", invoke_without_command=True)
@click.option("--follow", "follow_", is_flag=True, help="Keep printing new alerts as they come.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per alert and line.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.pass_context
def alerts_command(ctx: click.Context, follow_: bool, as_json: bool, limit: int) -> None:
    """Alerts raised by `sitrep follow` (latest printed last).

    `sitrep alerts rules` lists, adds and removes the rules kept in the database.
    """
    if ctx.invoked_subcommand is not None:
        return
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


@alerts_command.group("rules")
def rules_group() -> None:
    """Alert rules kept in the database, beside the config's [[alerts]].

    The same rules admins manage over HTTP (/api/alerts/rules); `sitrep follow`
    reads them at every poll. Whoever can write the database may change them.
    """


def _rule_store(ctx: click.Context) -> Any:
    from sitrep.store import open_store

    return open_store(_config(ctx).db)


@rules_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per rule and line.")
@click.pass_context
def rules_list(ctx: click.Context, as_json: bool) -> None:
    """The config's rules, then the stored ones."""
    from sitrep.live import rules as rl
    from sitrep.live.settings import alert_rules

    try:
        own = alert_rules(_config(ctx))
        with _rule_store(ctx) as store:
            items = [rl.config_rule_dict(r) for r in own] + [
                s.as_dict() for s in rl.stored_rules(store, config_rules=own)
            ]
    except SitrepError as exc:
        _fail(exc)
    for item in items:
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
            continue
        scope = [
            f"{k}={','.join(map(str, item[k]))}" for k in ("countries", "bbox", "places") if item[k]
        ]
        if item["event_type"]:
            scope.append(f"event_type={item['event_type']}")
        if item["min_sources"] != 1:
            scope.append(f"min_sources={item['min_sources']}")
        origin = item["source"]
        if origin == "database":
            origin = f"stored, by {item['updated_by']} {item['updated_at']}"
            if item["shadowed"]:
                origin += ", shadowed by the config's rule of that name"
        click.echo(
            f"{item['name']:<24} {item['when']:<15} {' '.join(scope) or 'anywhere'}  ({origin})"
        )
    if not items and not as_json:
        click.echo("no alert rules: add one with `sitrep alerts rules add NAME --when KIND`")


@rules_group.command("add")
@click.argument("name")
@click.option(
    "--when",
    "when",
    type=click.Choice(["control_change", "new_event", "contradiction"]),
    required=True,
    help="What raises the alert.",
)
@click.option("--country", "countries", multiple=True, help="ISO2 or ISO3 code; repeatable.")
@click.option("--bbox", help="WEST,SOUTH,EAST,NORTH in degrees.")
@click.option("--place", "places", multiple=True, help="Place name or GeoNames id; repeatable.")
@click.option("--event-type", help="new_event: an ACLED event type or sub-event type.")
@click.option("--min-sources", type=int, default=None, help="new_event: independent outlets.")
@click.option("--replace", is_flag=True, help="Replace the stored rule of that name.")
@click.option("--by", default=None, help="Who makes the change (default: cli:USER).")
@click.pass_context
def rules_add(
    ctx: click.Context,
    name: str,
    when: str,
    countries: tuple[str, ...],
    bbox: str | None,
    places: tuple[str, ...],
    event_type: str | None,
    min_sources: int | None,
    replace: bool,
    by: str | None,
) -> None:
    """Store the rule NAME (checked as the API checks it)."""
    import getpass

    from pydantic import ValidationError

    from sitrep.core.resources import load_gazetteer
    from sitrep.live import rules as rl
    from sitrep.live.settings import alert_rules

    doc: dict[str, Any] = {"name": name, "when": when}
    if countries:
        doc["countries"] = list(countries)
    if places:
        doc["places"] = list(places)
    if event_type:
        doc["event_type"] = event_type
    if min_sources is not None:
        doc["min_sources"] = min_sources
    if bbox:
        try:
            doc["bbox"] = [float(v) for v in bbox.split(",")]
        except ValueError:
            raise click.BadParameter(
                "WEST,SOUTH,EAST,NORTH: four numbers", param_hint="--bbox"
            ) from None
    config = _config(ctx)
    try:
        gazetteer = load_gazetteer(config) if places else None
        rule = rl.check_rule(doc, gazetteer)
    except ValidationError as exc:
        for problem in rl.problems(exc):
            click.echo(f"error: {problem['message']}", err=True)
        sys.exit(2)
    except SitrepError as exc:
        _fail(exc)
    who = by or f"cli:{getpass.getuser()}"
    try:
        with _rule_store(ctx) as store:
            if replace:
                rl.get_rule(store, name)
                made = rl.replace_rule(store, rule, by=who, gazetteer=gazetteer)
            else:
                made = rl.create_rule(
                    store, rule, by=who, gazetteer=gazetteer, config_rules=alert_rules(config)
                )
    except SitrepError as exc:
        _fail(exc)
    click.echo(json.dumps(made.as_dict(), ensure_ascii=False))


@rules_group.command("remove")
@click.argument("name")
@click.option("--by", default=None, help="Who makes the change (default: cli:USER).")
@click.pass_context
def rules_remove(ctx: click.Context, name: str, by: str | None) -> None:
    """Delete the stored rule NAME (the alerts it raised stay)."""
    import getpass

    from sitrep.live import rules as rl

    try:
        with _rule_store(ctx) as store:
            rl.delete_rule(store, name, by=by or f"cli:{getpass.getuser()}")
    except SitrepError as exc:
        _fail(exc)
    click.echo(f"deleted the alert rule {name}")
