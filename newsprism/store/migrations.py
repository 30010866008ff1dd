"""The schema, one migration function per step; applied in order, recorded in _sqlite_migrations."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("newsprism")


@MIGRATIONS()
def m001_core(db: Database) -> None:
    db.table("articles").create(
        {"id": str, "source": str, "title": str, "outlet": str, "author": str, "published": str,
         "genre": str, "url": str, "extractor": str, "text": str, "ingested_at": str},
        pk="id", not_null={"text"}, if_not_exists=True,
    )
    db.table("annotations").create(
        {"article_id": str, "version": str, "data": str}, pk="article_id",
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("ingest_errors").create(
        {"id": int, "source": str, "reason": str, "at": str}, pk="id", if_not_exists=True,
    )
    db.table("entities").create(
        {"article_id": str, "start": int, "end": int, "text": str, "label": str, "actor": str, "country": str},
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("mentions").create(
        {"article_id": str, "local_actor": str, "start": int, "end": int, "text": str},
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("quotes").create(
        {"id": str, "article_id": str, "start": int, "end": int, "text": str, "kind": str,
         "speaker_name": str, "local_actor": str, "speaker_start": int, "speaker_end": int,
         "cue": str, "cue_start": int, "cue_end": int, "date": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("timexes").create(
        {"article_id": str, "start": int, "end": int, "text": str, "type": str, "value": str},
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("events").create(
        {"id": str, "article_id": str, "type": str, "cameo": str, "goldstein": float, "mode": str,
         "date": str, "source_name": str, "source_country": str, "source_actor": str,
         "target_name": str, "target_country": str, "target_actor": str,
         "start": int, "end": int, "text": str, "claimed_by": str},
        pk="id", foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )
    db.table("actors").create(
        {"id": str, "name": str, "kind": str, "country": str, "role": str, "aliases": str, "mentions": int},
        pk="id", if_not_exists=True,
    )
    db.table("actor_links").create(
        {"article_id": str, "local_actor": str, "actor_id": str}, pk=("article_id", "local_actor"),
        if_not_exists=True,
    )
    db.table("stories").create({"id": str, "title": str, "dates": str}, pk="id", if_not_exists=True)
    db.table("story_articles").create({"story_id": str, "article_id": str}, pk=("story_id", "article_id"),
                                if_not_exists=True)
    for table in ("entities", "mentions", "quotes", "timexes", "events"):
        db.table(table).create_index(["article_id"], if_not_exists=True)
    db.table("articles").create_index(["published"], if_not_exists=True)


@MIGRATIONS()
def m002_full_text_search(db: Database) -> None:
    """FTS5 indexes over article titles and texts and over quotes, kept in sync by triggers."""
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, replace=True,
                                    tokenize="unicode61 remove_diacritics 2")
    db.table("quotes").enable_fts(["text", "speaker_name"], create_triggers=True, replace=True,
                                  tokenize="unicode61 remove_diacritics 2")


@MIGRATIONS()
def m003_link_state(db: Database) -> None:
    """Named JSON blobs: the incremental linking state (story index, actor keys) of a large store."""
    db.table("link_state").create({"name": str, "data": str}, pk="name", if_not_exists=True)


@MIGRATIONS()
def m004_link_state_rows(db: Database) -> None:
    """The linking state as rows (see ``db.LINK_TABLES``), so one new article writes a few rows, not the
    whole state. The one-document ``link_state`` of m003 stays: ``Store.load_link_indexes`` moves an old
    store's state from it to these rows on first load."""
    db.table("link_story_state").create({"seq": int, "id": str, "data": str, "terms": bytes}, pk="seq",
                                        if_not_exists=True)
    db.table("link_df").create({"term": str, "count": int}, pk="term", if_not_exists=True)
    db.table("link_people").create({"surname": str, "keys": str}, pk="surname", if_not_exists=True)
    db.table("link_actor_names").create({"ends": str, "name": str}, pk="ends", if_not_exists=True)
    db.table("link_actor_surnames").create({"surname": str, "keys": str}, pk="surname", if_not_exists=True)
    db.table("link_meta").create({"name": str, "data": str}, pk="name", if_not_exists=True)
    # an incremental batch moves its articles between stories by article id: no full scan for each
    db.table("story_articles").create_index(["article_id"], if_not_exists=True)
