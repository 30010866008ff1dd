"""Ingest into a store above ``full_relink_limit``: only the new articles are linked, into the saved indexes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import newsprism
from newsprism.api import ingest
from newsprism.config import Settings
from newsprism.store.factory import RecordStore
from tests.eval.common import load_gold
from tests.eval.score_clusters import bcubed

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
INCREMENTAL = Settings(full_relink_limit=0)


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """The sample corpus split in two folders, by file name, so each ingest adds articles of both stories."""
    files = sorted(SAMPLE.glob("*.txt"))
    dirs = (tmp_path / "one", tmp_path / "two")
    for d in dirs:
        d.mkdir()
    for i, f in enumerate(files):
        shutil.copy(f, dirs[i % 2] / f.name)
    return dirs


def _files(store: RecordStore, stories: list[dict]) -> list[set[str]]:
    name = {aid: str(store.get_article(aid).source).rsplit("/", 1)[-1] for aid in store.article_ids()}  # type: ignore[union-attr]
    return [{name[a] for a in s["articles"]} for s in stories]


def _links(store: RecordStore) -> dict[tuple[str, str], str]:
    from newsprism.link.actors import link_actors

    actors = link_actors(list(store.iter_annotations()))
    return actors.links


def _check(store: RecordStore, tmp_path: Path) -> None:
    one, two = _halves(tmp_path)
    first = ingest([one], store, settings=INCREMENTAL)
    assert first.added > 0 and store.load_link_state("story_index")
    second = ingest([two], store, settings=INCREMENTAL)
    assert second.added > 0
    ids = store.article_ids()
    stories = store.stories()
    members = [a for s in stories for a in s["articles"]]
    assert sorted(members) == sorted(ids)  # every article in exactly one story
    inc = _files(store, stories)
    gold = [set(v) for v in load_gold("stories").values()]
    assert bcubed(gold, inc)["f1"] == 1.0
    batch = newsprism.read([SAMPLE])
    from newsprism.link.corpus import link_corpus

    linked = link_corpus(batch.annotations, statements=False)
    source = {a.article.id: a.article.source.rsplit("/", 1)[-1] for a in batch.annotations}
    assert sorted(map(sorted, inc)) == sorted(sorted(source[a] for a in list(s["articles"])) for s in linked.stories)  # type: ignore[call-overload]

    # actor ids: what link_actors gives over the whole store, for every link of both ingests
    stored = _actor_links(store)
    assert stored == _links(store)
    assert {a["id"] for a in linked.actors.actors} == set(stored.values())

    before = (store.counts(), store.stories(), store.load_link_state("story_index"))
    third = ingest([one, two], store, settings=INCREMENTAL)
    assert third.added == 0 and third.unchanged == len(ids)
    assert (store.counts(), store.stories(), store.load_link_state("story_index")) == before


def _actor_links(store: RecordStore) -> dict[tuple[str, str], str]:
    db = getattr(store, "db", None)
    rows = (db.execute("select article_id, local_actor, actor_id from actor_links").fetchall() if db is not None
            else store.conn.execute("select article_id, local_actor, actor_id from actor_links").fetchall())  # type: ignore[attr-defined]
    return {(a, loc): g for a, loc, g in rows}


def test_incremental_ingest_sqlite(tmp_path: Path) -> None:
    with newsprism.open_store(tmp_path / "news.db") as store:
        _check(store, tmp_path)
    with newsprism.open_store(tmp_path / "news.db") as store:  # the state survives reopening
        assert store.load_link_state("actor_index")


def test_small_store_relinks_everything_and_drops_the_index(tmp_path: Path) -> None:
    one, two = _halves(tmp_path)
    with newsprism.open_store(tmp_path / "news.db") as store:
        ingest([one], store, settings=INCREMENTAL)
        ingest([two], store)  # default limit: the exact batch path
        assert store.load_link_state("story_index") is None
        assert sorted(a for s in store.stories() for a in s["articles"]) == sorted(store.article_ids())


def test_incremental_ingest_postgres(pg_url: str, pg_schema: Callable[[], str], tmp_path: Path) -> None:
    from newsprism.store.pg import PgStore

    with PgStore(pg_url, schema=pg_schema()) as store:
        _check(store, tmp_path)


def test_upsert_actors_merges_counts(tmp_path: Path) -> None:
    with newsprism.open_store(tmp_path / "a.db") as store:
        row = {"id": "act_1", "name": "Ann Lee", "kind": "person", "country": None, "role": None,
               "aliases": ["Lee"], "mentions": 2}
        store.upsert_actors([row], [{"article_id": "a", "local_actor": "x", "actor_id": "act_1"}])
        store.upsert_actors([{**row, "name": "Ann B. Lee", "role": "minister", "aliases": [], "mentions": 3}],
                            [{"article_id": "b", "local_actor": "x", "actor_id": "act_1"}])
        got = store.db.execute("select name, role, aliases, mentions from actors").fetchall()  # type: ignore[attr-defined]
        assert got == [("Ann B. Lee", "minister", '["Ann Lee", "Lee"]', 5)]
        assert store.counts()["actors"] == 1
