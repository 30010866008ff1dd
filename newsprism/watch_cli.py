"""The ``watch`` command (registered on the main ``cli`` group in ``newsprism.cli``)."""

from __future__ import annotations

import sys

import click

from newsprism.errors import NewsprismError

EXIT_SKIPPED = 3  # as for `ingest`: finished, but some inputs were skipped


@click.command("watch")
@click.argument("target")
@click.option("--db", "db_path", required=True, help="SQLite database file or postgresql:// URL.")
@click.option("--interval", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron jobs and tests).")
def watch_command(target: str, db_path: str, interval: float, once: bool) -> None:
    """Keep a database up to date: poll a directory, a feed file or a feed URL and ingest what is new.

    TARGET is a directory (new or changed files are ingested), a feed or other
    file (re-read when it changes) or an http(s) feed URL (fetched every poll;
    entries already stored are skipped). Stop with Ctrl-C: what was stored is kept.

    Example:

        newsprism watch incoming/ --db news.db --interval 30
        newsprism watch https://example.org/world.rss --db news.db --interval 600
    """
    from newsprism import api
    from newsprism.api import IngestReport
    from newsprism.ingest.watch import watch

    def show(report: IngestReport) -> None:
        for err in report.errors:
            click.echo(f"skipped: {err.reason}", err=True)
        click.echo(f"{report.added} added, {report.unchanged} already stored, {len(report.errors)} skipped",
                   err=True)

    try:
        with api.open_store(db_path) as store:
            totals = watch(target, store, interval=interval, once=once, on_poll=show)
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc
    if not once:
        click.echo(f"watch stopped after {totals.polls} polls: {totals.added} added, {totals.errors} skipped",
                   err=True)
    if once and totals.errors:
        sys.exit(EXIT_SKIPPED)
