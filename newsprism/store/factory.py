"""Open the right store for a ``--db`` value: a PostgreSQL URL or an SQLite file path.

PostgreSQL support (psycopg) is imported only when a URL asks for it, so the
SQLite path costs nothing extra.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Self

from newsprism.store.db import Store

if TYPE_CHECKING:
    from newsprism.records import Annotation, Article, IngestError
    from newsprism.store.pg import PgStore

PG_PREFIXES = ("postgresql://", "postgres://")


class RecordStore(Protocol):
    """What both backends offer: annotate api/cli code with this to accept either."""

    path: str

    def has_annotation(self, article_id: str) -> bool: ...
    def save_annotations(self, annotations: Iterable[Annotation]) -> int: ...
    def save_errors(self, errors: Iterable[IngestError]) -> int: ...
    def save_links(self, actors: list[dict[str, Any]], links: list[dict[str, str]],
                   stories: list[dict[str, Any]]) -> None: ...
    def load_link_state(self, name: str) -> dict[str, Any] | None: ...
    def save_link_state(self, name: str, data: dict[str, Any]) -> None: ...
    def upsert_stories(self, stories: list[dict[str, Any]]) -> None: ...
    def upsert_actors(self, actors: list[dict[str, Any]], links: list[dict[str, str]]) -> None: ...
    def article_ids(self) -> list[str]: ...
    def iter_annotations(self, article_ids: Iterable[str] | None = None) -> Iterator[Annotation]: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def errors(self) -> list[IngestError]: ...
    def counts(self) -> dict[str, int]: ...
    def stories(self) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...


def is_pg_url(url_or_path: str | Path) -> bool:
    return isinstance(url_or_path, str) and url_or_path.startswith(PG_PREFIXES)


def open_store(url_or_path: str | Path = ":memory:") -> Store | PgStore:
    """``postgresql://user:pass@host:port/db`` opens a ``PgStore``; anything else an SQLite ``Store``."""
    if is_pg_url(url_or_path):
        from newsprism.store.pg import PgStore

        return PgStore(str(url_or_path))
    return Store(url_or_path)
