"""The store: the only place that writes SQL. Methods are named for records, not tables.

SQLite through sqlite-utils, in WAL mode; every batch is written in one
transaction, and article rows are upserted by content-hash id, so a re-run
after a crash neither duplicates nor loses anything.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys
from array import array
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

# --- incremental linking state as rows (both backends) ------------------------------------------------
# ``link_meta`` names; also the names the old one-document ``link_state`` table used.
STORY_STATE, ACTOR_STATE = "story_index", "actor_index"
# table -> (columns, primary key): the story index's stories, df and people (``ActorKeys``), the actor
# index's full names and surnames, and the scalars of both. Everything that grows with the store has rows,
# so one article costs a few row writes; ``link_meta`` last, so its rows say "a state is saved".
LINK_TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "link_story_state": (("seq", "id", "data", "terms"), "seq"),
    "link_df": (("term", "count"), "term"),
    "link_people": (("surname", "keys"), "surname"),
    "link_actor_names": (("ends", "name"), "ends"),
    "link_actor_surnames": (("surname", "keys"), "surname"),
    "link_meta": (("name", "data"), "name"),
}
_STORY_META = ("version", "params", "n_docs", "latest")


def _story_state_row(s: dict[str, Any]) -> tuple[int, str, str, bytes]:
    """One story's state row. Its term weights (most of its size) are little-endian doubles, not JSON
    text: exact, a third smaller, and read twice as fast; their terms go in the JSON as ``term_keys``."""
    data = {k: v for k, v in s.items() if k not in ("seq", "terms")}
    data["term_keys"] = list(s["terms"])
    weights = array("d", s["terms"].values())
    if sys.byteorder == "big":
        weights.byteswap()
    return s["seq"], s["id"], json.dumps(data), weights.tobytes()


def _story_state(seq: int, data: str, terms: bytes) -> dict[str, Any]:
    """A story (``_Story.as_dict`` shape plus ``seq``) from its state row."""
    s = json.loads(data)
    weights = array("d")
    weights.frombytes(terms)
    if sys.byteorder == "big":
        weights.byteswap()
    s["terms"] = dict(zip(s.pop("term_keys"), weights, strict=True))
    s["seq"] = seq
    return s


def link_state_rows(state: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows (tuples in ``LINK_TABLES`` column order) for ``{"story": ..., "actor": ...}`` changes.

    The changes are ``StoryIndex.pop_changes()`` and ``ActorIndex.pop_changes()`` (a full
    ``to_dict`` works too once its stories carry ``seq``): each row is written as given.
    """
    story, actor = state["story"], state["actor"]
    return {
        "link_story_state": [_story_state_row(s) for s in story["stories"]],
        "link_df": list(story["df"].items()),
        "link_people": [(k, json.dumps(v)) for k, v in story["people"].items()],
        "link_actor_names": list(actor["first_last"].items()),
        "link_actor_surnames": [(k, json.dumps(v)) for k, v in actor["surnames"].items()],
        "link_meta": [(STORY_STATE, json.dumps({k: story[k] for k in _STORY_META})),
                      (ACTOR_STATE, json.dumps({"version": actor["version"]}))],
    }


def link_state_from_rows(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any] | None:
    """``{"story": StoryIndex.to_dict shape, "actor": ActorIndex.to_dict shape}`` from all the rows
    (stories in ``seq`` order, each with its ``seq``), or None when no state is saved."""
    meta = dict(rows["link_meta"])
    if STORY_STATE not in meta or ACTOR_STATE not in meta:
        return None
    stories = [_story_state(seq, data, terms) for seq, _sid, data, terms in rows["link_story_state"]]
    story = {**json.loads(meta[STORY_STATE]), "df": dict(rows["link_df"]),
             "people": {k: json.loads(v) for k, v in rows["link_people"]}, "stories": stories}
    actor = {**json.loads(meta[ACTOR_STATE]), "first_last": dict(rows["link_actor_names"]),
             "surnames": {k: json.loads(v) for k, v in rows["link_actor_surnames"]}}
    return {"story": story, "actor": actor}


def legacy_link_state(story: dict[str, Any] | None, actor: dict[str, Any] | None) -> dict[str, Any] | None:
    """The rows-ready state of the old one-document ``link_state`` (migration 3), or None if it had none."""
    if not story or not actor or not isinstance(story.get("stories"), list):
        return None
    if any(k not in story for k in (*_STORY_META, "df")) or any(k not in actor for k in ("first_last", "surnames")):
        return None  # not a state this code wrote: the caller rebuilds
    stories = [{**s, "seq": i} for i, s in enumerate(story["stories"])]
    return {"story": {**story, "people": story.get("people", {}), "stories": stories}, "actor": actor}


def _link_upsert_sql(table: str, mark: str) -> str:
    """``insert ... on conflict (pk) do update``: the same text for SQLite (``?``) and PostgreSQL (``%s``)."""
    cols, pk = LINK_TABLES[table]
    return (f"insert into {table} ({', '.join(cols)}) values ({', '.join([mark] * len(cols))}) "
            f"on conflict ({pk}) do update set " + ", ".join(f"{c} = excluded.{c}" for c in cols if c != pk))


def _link_select_sql(table: str) -> str:
    cols, pk = LINK_TABLES[table]
    return f"select {', '.join(cols)} from {table} order by {pk}"


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
        """Replace the cross-article layer (global actors, stories) in one transaction.

        Any saved linking state no longer matches these tables, so it goes in the same transaction.
        """
        with self.db.atomic():
            self._clear_link_state()
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

    def load_link_indexes(self) -> dict[str, Any] | None:
        """The saved incremental linking state, ``{"story": ..., "actor": ...}`` in the indexes'
        ``to_dict`` shapes (``link_state_from_rows``), or None when there is none.

        A store last written with the one-document ``link_state`` (migration 3) is moved to
        rows here, on its first load, in one transaction.
        """
        state = link_state_from_rows(
            {t: self.db.execute(_link_select_sql(t)).fetchall() for t in LINK_TABLES})
        if state is not None:
            return state
        old = dict(self.db.execute("select name, data from link_state").fetchall())
        legacy = legacy_link_state(*(json.loads(old.get(n) or "null") for n in (STORY_STATE, ACTOR_STATE)))
        if legacy is None:
            return None
        with self.db.atomic():
            self._clear_link_state()
            self._write_link_state(legacy)
        return legacy

    def load_link_state(self, name: str) -> dict[str, Any] | None:
        """One saved index (``STORY_STATE`` or ``ACTOR_STATE``) in its ``to_dict`` shape, or None."""
        state = self.load_link_indexes()
        return state[{STORY_STATE: "story", ACTOR_STATE: "actor"}[name]] if state else None

    def save_link_changes(self, state: dict[str, Any], stories: list[dict[str, Any]],
                          actors: list[dict[str, Any]], links: list[dict[str, str]], *,
                          replace: bool = False) -> None:
        """One linking batch in one transaction: its stories, actors and links, and the state rows it changed.

        ``state`` is ``{"story": StoryIndex.pop_changes(), "actor": ActorIndex.pop_changes()}``;
        ``stories``/``actors``/``links`` are upserted as ``upsert_stories``/``upsert_actors`` do.
        ``replace`` (an index built from scratch) replaces the whole cross-article layer and state.
        """
        with self.db.atomic():
            if replace:
                self.save_links(actors, links, stories)
            else:
                self.upsert_stories(stories)
                self.upsert_actors(actors, links)
            self._write_link_state(state)

    def clear_link_state(self) -> None:
        """Forget the incremental linking state (the next large relink rebuilds it)."""
        with self.db.atomic():
            self._clear_link_state()

    def _clear_link_state(self) -> None:
        for table in (*LINK_TABLES, "link_state"):
            self.db.execute(f"delete from [{table}]")

    def _write_link_state(self, state: dict[str, Any]) -> None:
        for table, rows in link_state_rows(state).items():
            if rows:
                self.db.conn.executemany(_link_upsert_sql(table, "?"), rows)

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
