"""PostgreSQL-only behaviour: choosing the backend, migrations, connection errors, and a whole
ingest → relink → dossier run giving the same result as SQLite."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from newsprism.errors import StoreError
from newsprism.records import Article, IngestError
from newsprism.store.db import Store
from newsprism.store.factory import is_pg_url, open_store
from newsprism.store.pg import MIGRATIONS, PgStore, redact

from .test_backends import _annotation


def test_factory_chooses_by_url(tmp_path: Path, pg_url: str) -> None:
    assert is_pg_url("postgresql://u@h/db") and is_pg_url("postgres://h/db")
    assert not is_pg_url("news.db") and not is_pg_url(Path("postgresql:/x"))
    with open_store(tmp_path / "a.db") as s:
        assert isinstance(s, Store)
    with open_store(":memory:") as s:
        assert isinstance(s, Store)
    with open_store(pg_url) as s:
        assert isinstance(s, PgStore)
        assert "***" in s.path or "@" not in s.path


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError) as err:
        PgStore("postgresql://someone:s3cret@127.0.0.1:1/nowhere")
    assert "cannot connect" in str(err.value) and "s3cret" not in str(err.value)
    assert redact("postgresql://u:p@h:5/d") == "postgresql://u:***@h:5/d"
    assert redact("postgresql://h/d") == "postgresql://h/d"


def test_bad_schema_name_is_refused(pg_url: str) -> None:
    with pytest.raises(StoreError):
        PgStore(pg_url, schema='x"; drop table articles; --')


def test_migrations_are_recorded_once_and_openers_may_race(pg_url: str, pg_schema: Callable[[], str]) -> None:
    schema = pg_schema()
    errors: list[BaseException] = []

    def open_close() -> None:
        try:
            PgStore(pg_url, schema=schema).close()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with PgStore(pg_url, schema=schema) as s:
        names = [r[0] for r in s.conn.execute("select name from _migrations order by name")]
    assert names == [name for name, _ in MIGRATIONS]


def test_a_value_postgresql_cannot_hold_is_a_store_error(pg_url: str, pg_schema: Callable[[], str]) -> None:
    with PgStore(pg_url, schema=pg_schema()) as s:
        bad = dataclasses.replace(_annotation("n1"), article=Article(id="n1", source="x", text="a\x00b"))
        with pytest.raises(StoreError, match="refused"):
            s.save_annotations([_annotation("ok"), bad])
        s.save_errors([IngestError("x\x00", "nul")])  # error records are escaped, never refused
        assert s.counts()["articles"] == 0 and [e.source for e in s.errors()] == ["x\\x00"]


def test_whole_run_matches_sqlite(tmp_path: Path, sample_dir: Path, pg_url: str,
                                  pg_schema: Callable[[], str]) -> None:
    from newsprism import api

    with Store(tmp_path / "news.db") as lite, PgStore(pg_url, schema=pg_schema()) as pg:
        lite_report = api.ingest([sample_dir], lite)
        assert lite_report.added > 0
        # annotating is the backends' common part: copy the annotations, then let api do the rest on PG
        assert pg.save_annotations(lite.iter_annotations()) == lite_report.added
        again = api.ingest([sample_dir], pg)  # type: ignore[arg-type]  # api takes Store until the switch
        assert again.added == 0 and again.unchanged == lite_report.added
        assert pg.counts() == lite.counts()
        assert pg.article_ids() == lite.article_ids()
        assert list(pg.iter_annotations()) == list(lite.iter_annotations())
        assert pg.stories() == lite.stories() and pg.stories()
        assert pg.errors() == lite.errors()
        assert (api.build_dossier_from_store(pg) ==  # type: ignore[arg-type]
                api.build_dossier_from_store(lite))

def test_readers_see_no_half_batch(pg_url: str, pg_schema: Callable[[], str]) -> None:
    """Another connection sees a batch all at once: nothing while it is being written."""
    schema = pg_schema()
    with PgStore(pg_url, schema=schema) as writer, psycopg.connect(pg_url, autocommit=True) as reader:
        reader.execute(f"set search_path to {schema}")
        with writer.conn.transaction():
            writer.conn.execute("insert into ingest_errors (source, reason, at) values ('a', 'b', 'c')")
            row = reader.execute("select count(*) from ingest_errors").fetchone()
            assert row is not None and row[0] == 0
        row = reader.execute("select count(*) from ingest_errors").fetchone()
        assert row is not None and row[0] == 1
