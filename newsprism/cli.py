"""Command line: each command parses arguments, makes one ``api`` call, prints the result."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from newsprism import api
from newsprism.errors import NewsprismError

EXIT_SKIPPED = 3  # the run finished, but some inputs were skipped (each logged)


def _existing_db(value: str) -> str:
    if "://" not in value and not Path(value).is_file():
        raise click.BadParameter(f"{value}: no such database; create it with `newsprism ingest`")
    return value


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group()
@click.version_option(package_name="newsprism")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """newsprism: many outlets' news coverage turned into an evidence-linked record."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="newsprism: %(levelname)s: %(message)s", stream=sys.stderr)


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", "db_path", required=True, help="SQLite database file or postgresql:// URL.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A file of URLs, one per line, to fetch (timeouts, size limits and robots.txt respected).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Annotation processes; the output is identical to one worker.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); without it a LocalCluster starts.")
def ingest(paths: tuple[str, ...], db_path: str, url_lists: tuple[str, ...], workers: int, engine: str,
           scheduler: str | None) -> None:
    """Read, annotate and store articles; already stored articles are recognised and skipped.

    PATHS are files (.txt, .html, .jsonl, RSS/Atom feeds .xml/.rss/.atom, WARC archives .warc/.warc.gz),
    directories (read recursively), http(s):// URLs, or - for JSON Lines on stdin.

    Example:

        newsprism ingest articles/ --db news.db
        newsprism ingest feed.xml crawl.warc.gz --urls links.urls --db news.db
        newsprism ingest big/ --db news.db --workers 2
        newsprism ingest big/ --db news.db --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from newsprism.config import Settings
    from newsprism.ingest.fetch import read_url_list

    all_paths = list(paths)
    for url_file in url_lists:
        all_paths.extend(read_url_list(url_file))
    if not all_paths:
        raise click.UsageError("give PATHS to read or --urls FILE")
    try:
        with api.open_store(db_path) as store:
            settings = Settings(workers=workers, engine=engine, scheduler=scheduler)
            report = api.ingest(all_paths, store, stdin=sys.stdin, settings=settings)
    except NewsprismError as exc:
        raise _fail(exc) from exc
    for err in report.errors:
        click.echo(f"skipped: {err.reason}", err=True)
    click.echo(f"{report.added} added, {report.unchanged} already stored, {len(report.errors)} skipped", err=True)
    if report.errors:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def annotate(paths: tuple[str, ...], fmt: str) -> None:
    """Annotate each article on its own and print one JSON line per article.

    Output follows the annotation contract (entities, quotes, timexes, events with
    character offsets into the article text).

    Example:

        newsprism annotate articles/ --format jsonl > annotations.jsonl
        echo '{"id": "a1", "text": "..."}' | newsprism annotate - --format jsonl
    """
    from newsprism.export.annotation_json import annotation_to_dict
    from newsprism.records import IngestError

    skipped = 0
    try:
        for item in api.annotate(paths, stdin=sys.stdin):
            if isinstance(item, IngestError):
                skipped += 1
                click.echo(f"skipped: {item.reason}", err=True)
                continue
            click.echo(json.dumps(annotation_to_dict(item), ensure_ascii=False))
    except NewsprismError as exc:
        raise _fail(exc) from exc
    if skipped:
        sys.exit(EXIT_SKIPPED)


def _load_dossier(paths: tuple[str, ...], db_path: str | None, story: str | None) -> dict[str, Any]:
    if db_path and paths:
        raise click.UsageError("give PATHS or --db, not both")
    if db_path:
        if "://" not in db_path and not Path(db_path).exists():
            raise click.ClickException(f"{db_path}: no such database; create it with `newsprism ingest`")
        with api.open_store(db_path) as store:
            return api.build_dossier_from_store(store, story=story)
    if not paths:
        raise click.UsageError("give PATHS to read or --db FILE")
    corpus = api.read(paths, stdin=sys.stdin)
    for err in corpus.errors:
        click.echo(f"skipped: {err.reason}", err=True)
    return corpus.dossier()


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--db", "db_path", help="Read from this database (file or postgresql:// URL) instead of PATHS.")
@click.option("--story", help="Only this story (an id from `newsprism stories`).")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
def dossier(paths: tuple[str, ...], db_path: str | None, story: str | None, fmt: str, output: str | None) -> None:
    """The evidence-linked dossier of a set of articles: stories, actors, quotes, timeline, events.

    Example:

        newsprism dossier articles/ --format json
        newsprism dossier --db news.db --format html -o briefing.html
    """
    from newsprism.export.dossier_render import render_html, render_markdown

    try:
        data = _load_dossier(paths, db_path, story)
    except NewsprismError as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        _write(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    elif fmt == "md":
        _write(render_markdown(data), output)
    else:
        _write(render_html(data), output)


@cli.command()
@click.option("--db", "db_path", required=True, callback=lambda _c, _p, v: _existing_db(v),
              help="SQLite file or postgresql:// URL.")
@click.option("--speaker", help="Only quotes of speakers whose name contains this.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def quotes(db_path: str, speaker: str | None, fmt: str) -> None:
    """The quote ledger: who said what, grouped by speaker, with outlet, kind, cue and evidence.

    Example:

        newsprism quotes --db news.db --speaker Duarte --format table
    """
    try:
        with api.open_store(db_path) as store:
            rows = api.quote_ledger(store, speaker=speaker)
    except NewsprismError as exc:
        raise _fail(exc) from exc
    _print_rows(rows, fmt, ["speaker", "outlet", "kind", "cue", "text", "article", "start", "end"])


@cli.command()
@click.option("--db", "db_path", required=True, callback=lambda _c, _p, v: _existing_db(v),
              help="SQLite file or postgresql:// URL.")
@click.option("--story", help="Only this story.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def timeline(db_path: str, story: str | None, fmt: str) -> None:
    """Dated happenings in order, merged across articles, each with its evidence.

    Example:

        newsprism timeline --db news.db
    """
    try:
        with api.open_store(db_path) as store:
            entries = api.build_dossier_from_store(store, story=story)["timeline"]
    except NewsprismError as exc:
        raise _fail(exc) from exc
    rows = [{"date": e["date"], "text": e["text"], "articles": len(e["articles"])} for e in entries]
    _print_rows(rows, fmt, ["date", "articles", "text"])


@cli.command()
@click.option("--db", "db_path", required=True, callback=lambda _c, _p, v: _existing_db(v),
              help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def stories(db_path: str, fmt: str) -> None:
    """The stories in the database: articles grouped by the event they cover.

    Example:

        newsprism stories --db news.db
    """
    with api.open_store(db_path) as store:
        rows = [{"id": s["id"], "articles": len(s["articles"]), "dates": " ".join(s["dates"]),
                 "title": s["title"]} for s in store.stories()]
    _print_rows(rows, fmt, ["id", "articles", "dates", "title"])


@cli.command()
@click.option("--db", "db_path", required=True, callback=lambda _c, _p, v: _existing_db(v),
              help="SQLite file or postgresql:// URL.")
@click.option("--source", help="Source side: country code (FRA), actor id or part of a name.")
@click.option("--target", help="Target side, same forms as --source.")
@click.option("--by", type=click.Choice(["day", "week"]), default="day", show_default=True)
@click.option("--both", is_flag=True, help="Count events in both directions.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def dyads(db_path: str, source: str | None, target: str | None, by: str, both: bool, fmt: str) -> None:
    """Relations between two actors or countries over time: event counts by type, mean Goldstein.

    Example:

        newsprism dyads --db news.db --source PRT --target CAN --by week
    """
    from newsprism.analyze.dyads import dyad_series

    try:
        with api.open_store(db_path) as store:
            events = api.build_dossier_from_store(store)["events"]
    except NewsprismError as exc:
        raise _fail(exc) from exc
    result = dyad_series(events, source, target, by=by, both_directions=both)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    rows = [{"period": r["period"], "events": r["events"], "mean_goldstein": r["mean_goldstein"],
             "types": " ".join(f"{k}:{v}" for k, v in r["types"].items())} for r in result["series"]]
    _print_rows(rows, fmt, ["period", "events", "mean_goldstein", "types"])
    if fmt == "table":
        click.echo(f"total {result['events']} events, mean Goldstein {result['mean_goldstein']}", err=True)


@cli.command("export")
@click.argument("what", type=click.Choice(["events", "quotes", "dossier", "annotations"]))
@click.option("--db", "db_path", required=True, callback=lambda _c, _p, v: _existing_db(v),
              help="SQLite file or postgresql:// URL.")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "json", "jsonl", "md", "html"]),
              default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (required for parquet).")
def export(what: str, db_path: str, fmt: str, output: str | None) -> None:
    """Export events (GDELT-like CSV/Parquet), quotes, the dossier or annotations from a database.

    Example:

        newsprism export events --db news.db --format parquet -o events.parquet
        newsprism export quotes --db news.db --format csv > quotes.csv
    """
    from newsprism.export import events_table
    from newsprism.export.annotation_json import annotation_to_dict
    from newsprism.export.dossier_render import render_html, render_markdown

    try:
        with api.open_store(db_path) as store:
            if what == "annotations":
                if fmt not in ("jsonl", "json"):
                    raise click.UsageError("annotations export as jsonl")
                _write("".join(json.dumps(annotation_to_dict(a), ensure_ascii=False) + "\n"
                               for a in store.iter_annotations()), output)
                return
            if what == "quotes":
                rows = api.quote_ledger(store)
                if fmt == "parquet":
                    raise click.UsageError("quotes export as csv, json or jsonl")
                _write(_format_rows(rows, fmt, ["speaker", "outlet", "kind", "cue", "text", "article", "start",
                                                "end"]), output)
                return
            data = api.build_dossier_from_store(store)
    except NewsprismError as exc:
        raise _fail(exc) from exc
    if what == "dossier":
        rendered = {"json": lambda: json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                    "md": lambda: render_markdown(data), "html": lambda: render_html(data)}
        if fmt not in rendered:
            raise click.UsageError("the dossier exports as json, md or html")
        _write(rendered[fmt](), output)
        return
    rows = events_table.event_rows(data)
    if fmt == "parquet":
        if not output:
            raise click.UsageError("parquet needs -o FILE")
        events_table.to_parquet(rows, output)
    elif fmt == "csv":
        _write(events_table.to_csv(rows), output)
    else:
        _write(_format_rows(rows, fmt, events_table.COLUMNS), output)


def _format_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        for row in rows:
            click.echo("  ".join(_cell(row.get(c)) for c in columns))


def _cell(value: Any) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= 120 else text[:119] + "…"


def _register_optional_commands() -> None:
    """Commands whose modules live with their layer (serve/, watch)."""
    from newsprism.serve.command import serve_command
    from newsprism.watch_cli import watch_command

    cli.add_command(serve_command)
    cli.add_command(watch_command)


_register_optional_commands()
