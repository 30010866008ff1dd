"""The store: the only place that writes SQL. Methods are named for records, not tables.

SQLite through sqlite-utils, in WAL mode; every batch is written in one
transaction, and article rows are upserted by content-hash id, so a re-run
after a crash neither duplicates nor loses anything.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from newsprism.errors import StoreError
from newsprism.records import Annotation, Article, IngestError, annotation_from_dict
from newsprism.store.migrations import MIGRATIONS
from newsprism.store.rows import PER_ARTICLE_TABLES, detail_rows

ANNOTATION_VERSION = "1"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def merge_actor(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """A stored actor row updated with one batch's counts of it (``upsert_actors``; both backends).

    Mentions add up and aliases unite; the name becomes the new one only if it has more
    words; kind, country and role keep the first non-empty value (the batch's majority
    vote is not re-run over the whole store).
    """
    row = {**new, "aliases": json.dumps(sorted(new.get("aliases", [])))}
    if old is None:
        return row
    name = new["name"] if len(str(new["name"]).split()) > len(str(old["name"]).split()) else old["name"]
    aliases = {*json.loads(old["aliases"] or "[]"), old["name"], *new.get("aliases", []), new["name"]} - {name}
    return {"id": old["id"], "name": name, "kind": old["kind"] or new.get("kind"),
            "country": old["country"] or new.get("country"), "role": old["role"] or new.get("role"),
            "aliases": json.dumps(sorted(a for a in aliases if a)),
            "mentions": int(old["mentions"] or 0) + int(new.get("mentions") or 0)}


class Store:
    """A newsprism database (SQLite file or ``":memory:"``)."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        try:
            if self.path == ":memory:":
                self.db = Database(memory=True)
            else:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.db = Database(self.path)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            MIGRATIONS.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsprism database or unreadable ({exc})") from exc

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------------
    def has_annotation(self, article_id: str) -> bool:
        row = self.db.execute(
            "select 1 from annotations where article_id = ? and version = ?", [article_id, ANNOTATION_VERSION]
        ).fetchone()
        return row is not None

    def save_annotations(self, annotations: Iterable[Annotation]) -> int:
        """Write a batch of annotated articles in one transaction; returns how many."""
        batch = list(annotations)
        if not batch:
            return 0
        with self.db.atomic():
            for ann in batch:
                self._write_annotation(ann)
        return len(batch)

    def _write_annotation(self, ann: Annotation) -> None:
        a = ann.article
        aid = a.id
        row = dataclasses.asdict(a) | {"ingested_at": _now()}
        self.db.table("articles").upsert(row, pk="id")
        for table in PER_ARTICLE_TABLES:
            self.db.execute(f"delete from [{table}] where article_id = ?", [aid])
        self.db.table("annotations").upsert(
            {"article_id": aid, "version": ANNOTATION_VERSION, "data": json.dumps(dataclasses.asdict(ann))},
            pk="article_id",
        )
        for table, table_rows in detail_rows([ann]).items():
            self.db.table(table).insert_all(table_rows)

    def save_errors(self, errors: Iterable[IngestError]) -> int:
        """One row per failing source: a rerun replaces its earlier error instead of adding another."""
        rows = [{"source": e.source.replace("\x00", "\\x00"), "reason": e.reason.replace("\x00", "\\x00"), "at": _now()}
                for e in errors]
        if rows:
            with self.db.atomic():
                for row in rows:
                    self.db.execute("delete from ingest_errors where source = ?", [row["source"]])
                self.db.table("ingest_errors").insert_all(rows)
        return len(rows)

    def save_links(self, actors: list[dict[str, Any]], links: list[dict[str, str]],
                   stories: list[dict[str, Any]]) -> None:
        """Replace the cross-article layer (global actors, stories) in one transaction."""
        with self.db.atomic():
            for table in ("actors", "actor_links", "stories", "story_articles"):
                self.db.execute(f"delete from [{table}]")
            self.db.table("actors").insert_all(
                {**a, "aliases": json.dumps(a.get("aliases", []))} for a in actors
            )
            self.db.table("actor_links").insert_all(links)
            self.db.table("stories").insert_all(
                {"id": s["id"], "title": s["title"], "dates": json.dumps(s.get("dates", []))} for s in stories
            )
            self.db.table("story_articles").insert_all(
                {"story_id": s["id"], "article_id": a} for s in stories for a in s["articles"]
            )

    def load_link_state(self, name: str) -> dict[str, Any] | None:
        """A saved linking state (see ``api.relink``), or None if never saved (or saved empty)."""
        row = self.db.execute("select data from link_state where name = ?", [name]).fetchone()
        return (json.loads(row[0]) or None) if row and row[0] else None  # {} was saved to clear it

    def save_link_state(self, name: str, data: dict[str, Any]) -> None:
        with self.db.atomic():
            self.db.table("link_state").upsert({"name": name, "data": json.dumps(data)}, pk="name")

    def upsert_stories(self, stories: list[dict[str, Any]]) -> None:
        """Insert or replace these stories and their members (an article leaves any other story)."""
        with self.db.atomic():
            for s in stories:
                self.db.table("stories").upsert(
                    {"id": s["id"], "title": s["title"], "dates": json.dumps(s.get("dates", []))}, pk="id")
                self.db.execute("delete from story_articles where story_id = ?", [s["id"]])
                for aid in s["articles"]:
                    self.db.execute("delete from story_articles where article_id = ?", [aid])
                self.db.table("story_articles").insert_all(
                    {"story_id": s["id"], "article_id": a} for a in s["articles"])

    def upsert_actors(self, actors: list[dict[str, Any]], links: list[dict[str, str]]) -> None:
        """Merge one batch's actor counts into the stored actors (``merge_actor``) and upsert its links."""
        with self.db.atomic():
            cols = ("id", "name", "kind", "country", "role", "aliases", "mentions")
            for a in actors:
                got = self.db.execute(f"select {', '.join(cols)} from actors where id = ?", [a["id"]]).fetchone()
                old = dict(zip(cols, got, strict=True)) if got else None
                self.db.table("actors").upsert(merge_actor(old, a), pk="id")
            self.db.table("actor_links").upsert_all(links, pk=("article_id", "local_actor"))

    # --- reading -----------------------------------------------------------------------------
    def article_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("select id from articles order by published, id").fetchall()]

    def iter_annotations(self, article_ids: Iterable[str] | None = None) -> Iterator[Annotation]:
        if article_ids is None:
            rows = self.db.execute(
                "select n.data from annotations n join articles a on a.id = n.article_id "
                "order by a.published, a.id"
            )
            for (data,) in rows.fetchall():
                yield annotation_from_dict(json.loads(data))
            return
        for aid in article_ids:
            row = self.db.execute("select data from annotations where article_id = ?", [aid]).fetchone()
            if row:
                yield annotation_from_dict(json.loads(row[0]))

    def get_article(self, article_id: str) -> Article | None:
        rows = list(self.db.table("articles").rows_where("id = ?", [article_id]))
        if not rows:
            return None
        row = rows[0]
        row.pop("ingested_at", None)
        return Article(**row)

    def errors(self) -> list[IngestError]:
        return [IngestError(r["source"], r["reason"]) for r in self.db.table("ingest_errors").rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "actors", "quotes", "timexes", "events", "stories", "ingest_errors")
        return {t: self.db[t].count for t in tables}

    def stories(self) -> list[dict[str, Any]]:
        out = []
        for s in self.db.table("stories").rows:
            ids = [r[0] for r in self.db.execute(
                "select article_id from story_articles where story_id = ? order by article_id", [s["id"]])]
            out.append({"id": s["id"], "title": s["title"], "dates": json.loads(s["dates"] or "[]"),
                        "articles": ids})
        return out
