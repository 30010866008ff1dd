"""The ``newsprism serve`` command (registered in ``newsprism/cli.py``)."""

from __future__ import annotations

import os

import click


@click.command("serve")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="SQLite database file (made by `newsprism ingest`).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; 0.0.0.0 exposes it to the network (no TLS: put a proxy in front).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
def serve_command(db_path: str, host: str, port: int) -> None:
    """Serve the web UI and the JSON API over a store.

    Open http://HOST:PORT/ for stories, briefings with clickable citations, quote
    ledgers and actor pages; the API is under /api and documented at /docs.
    Adding articles (POST /api/articles) needs a bearer token: set NEWSPRISM_TOKEN
    before starting; without it the server is read-only.

    Example:

        newsprism ingest articles/ --db news.db
        NEWSPRISM_TOKEN=s3cret newsprism serve --db news.db --port 8000
    """
    import uvicorn

    from newsprism.errors import NewsprismError
    from newsprism.serve.app import create_app

    try:
        app = create_app(db_path)
    except NewsprismError as exc:
        raise click.ClickException(str(exc)) from exc
    mode = "read-write (token set)" if os.environ.get("NEWSPRISM_TOKEN") else "read-only (NEWSPRISM_TOKEN unset)"
    click.echo(f"newsprism: serving {db_path} on http://{host}:{port}/ ({mode}); Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
