"""The incremental linking state as rows (migration 4): round trip, incremental writes, the old document, clearing.

Real temporary SQLite databases, and a fresh PostgreSQL schema per test (``pg_url``/``pg_schema``
from tests/store/conftest.py). Articles are made up here (no spaCy): made-up topic words and people.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from newsprism.api import _relink_all, relink
from newsprism.config import Settings
from newsprism.link.incremental import ActorIndex, StoryIndex, story_row
from newsprism.records import Actor, Annotation, Article, Span
from newsprism.store.db import LINK_TABLES, Store
from newsprism.store.factory import RecordStore

START = date(2024, 3, 4)


def _letters(n: int) -> str:
    """A number as letters only, so every made-up word is a token to the story tokenizer."""
    out = ""
    while True:
        out += chr(97 + n % 26)
        n //= 26
        if not n:
            return out


def _ann(i: int, topic: int) -> Annotation:
    """Article ``i`` about ``topic``: its topic words, some words of its own, the topic's people and a country."""
    words = [f"zq{_letters(topic)}x{_letters(k)}" for k in range(18)] * 2 + [f"uniq{_letters(i)}y{_letters(k)}"
                                                                         for k in range(12)]
    day = START + timedelta(days=3 * topic + i % 2)
    full = f"Mira Q{_letters(topic)}son"
    text = f"{full} said. " + " ".join(words) + f" Q{_letters(topic)}son added."
    names = [full, f"Q{_letters(topic)}son"] if i % 3 else [full]
    acts = [Actor(f"a{k}", n, "person", None, None, (), (Span(0, len(full), full),) * (k + 1))
            for k, n in enumerate(names)]
    acts.append(Actor("c1", "Ruritania", "country", "RU" if topic % 2 else "FR", None, (), (Span(0, 1, "x"),)))
    return Annotation(article=Article(id=f"art{i:03d}", source=f"mem/{i}.txt", text=text, title=f"Title {i}",
                                      published=day.isoformat()), actors=acts)


ANNS = [_ann(i, i % 6) for i in range(48)]  # six stories, eight articles each, two days apart


def _sql(store: RecordStore, query: str) -> list[tuple[Any, ...]]:
    if isinstance(store, Store):
        return [tuple(r) for r in store.db.execute(query).fetchall()]
    return [tuple(r) for r in store.conn.execute(query).fetchall()]  # type: ignore[attr-defined]


def _link(index: StoryIndex, actors: ActorIndex, anns: list[Annotation]) -> tuple[list[str], Any]:
    assigned = [index.add_annotation(a) for a in anns]
    return assigned, actors.link(anns)


def _save_all(store: RecordStore, anns: list[Annotation]) -> tuple[StoryIndex, ActorIndex]:
    index, actors = StoryIndex(7), ActorIndex()
    _, (actor_rows, links) = _link(index, actors, anns)
    store.save_link_changes({"story": index.pop_changes(), "actor": actors.pop_changes()},
                            index.stories_out(), actor_rows, links, replace=True)
    return index, actors


def _load(store: RecordStore) -> tuple[StoryIndex, ActorIndex]:
    state = store.load_link_indexes()
    assert state is not None
    return StoryIndex.from_dict(state["story"]), ActorIndex.from_dict(state["actor"])


def _save_changes(store: RecordStore, index: StoryIndex, actors: ActorIndex, rows: Any) -> dict[str, Any]:
    changes = {"story": index.pop_changes(), "actor": actors.pop_changes()}
    store.save_link_changes(changes, [story_row(s) for s in changes["story"]["stories"]], *rows)
    return changes


@pytest.fixture(params=["sqlite", "pg"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RecordStore]:
    if request.param == "sqlite":
        with Store(tmp_path / "news.db") as st:
            yield st
    else:
        from newsprism.store.pg import PgStore

        pg_url: str = request.getfixturevalue("pg_url")
        pg_schema: Callable[[], str] = request.getfixturevalue("pg_schema")
        with PgStore(pg_url, schema=pg_schema()) as st:
            yield st


def test_round_trip_equals_the_index_that_stayed_in_memory(store: RecordStore) -> None:
    first, rest = ANNS[:30], ANNS[30:]
    mem, mem_actors = _save_all(store, first)
    index, actors = _load(store)
    assert index.stories_out() == mem.stories_out()
    assert index.to_dict() == mem.to_dict() and actors.to_dict() == mem_actors.to_dict()
    assert {s["id"] for s in store.stories()} == {s["id"] for s in mem.stories_out()}
    for ann in rest:  # the next articles land where they land in the index that never left memory
        got, rows = _link(index, actors, [ann])
        want, mem_rows = _link(mem, mem_actors, [ann])
        assert got == want and rows == mem_rows
        _save_changes(store, index, actors, rows)
    assert len(mem.stories) == 6
    again, again_actors = _load(store)  # incremental saves add up to the whole state
    assert again.to_dict() == mem.to_dict() and again_actors.to_dict() == mem_actors.to_dict()
    assert sorted((s["id"], sorted(s["articles"])) for s in store.stories()) == \
        sorted((s["id"], s["articles"]) for s in mem.stories_out())
    assert store.load_link_state("story_index") == again.to_dict() | {  # the old one-index view still reads
        "stories": [s | {"seq": i} for i, s in enumerate(again.to_dict()["stories"])]}


def test_incremental_save_writes_only_changed_rows(store: RecordStore) -> None:
    index, actors = _save_all(store, ANNS[:40])
    # mark every state row; a row the next save rewrites loses its mark
    _sql_write(store, "update link_story_state set id = 'MARK'")
    for table in ("link_people", "link_actor_surnames"):
        _sql_write(store, f"update {table} set keys = 'MARK'")
    _sql_write(store, "update link_df set count = -1")
    _sql_write(store, "update link_actor_names set name = 'MARK'")
    ann = _ann(900, 2)  # a topic-2 article: joins that story; one new surname form, no new person
    _, rows = _link(index, actors, [ann])
    changes = _save_changes(store, index, actors, rows)
    touched = index.story_of[ann.article.id]
    assert [s["seq"] for s in changes["story"]["stories"]] == [touched]
    assert _sql(store, "select seq from link_story_state where id <> 'MARK' order by seq") == [(touched,)]
    rewritten = {t for (t,) in _sql(store, "select term from link_df where count <> -1")}
    assert rewritten == set(changes["story"]["df"]) and 0 < len(rewritten) < len(index.df)
    assert {w for w in rewritten if w.startswith("uniq")} == {w for w in index.df if w.startswith(f"uniq{_letters(900)}y")} != set()
    for table, col in (("link_actor_names", "name"), ("link_people", "keys"), ("link_actor_surnames", "keys")):
        assert _sql(store, f"select count(*) from {table} where {col} <> 'MARK'") == [(0,)]  # no new person
    assert _sql(store, "select count(*) from link_story_state") == [(len(index.stories),)]


def _sql_write(store: RecordStore, query: str) -> None:
    if isinstance(store, Store):
        with store.db.atomic():
            store.db.execute(query)
    else:
        store.conn.execute(query)  # type: ignore[attr-defined]


def test_a_failing_batch_leaves_state_and_tables_as_they_were(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        index, actors = _save_all(store, ANNS[:40])
        before = (store.load_link_indexes(), store.stories(), _sql(store, "select * from actor_links"))

        def boom(*_: object) -> None:
            raise RuntimeError("disk full")

        _, rows = _link(index, actors, ANNS[40:])
        store.upsert_actors = boom  # type: ignore[method-assign,assignment]  # fails after the stories were written
        with pytest.raises(RuntimeError):
            _save_changes(store, index, actors, rows)
        assert (store.load_link_indexes(), store.stories(), _sql(store, "select * from actor_links")) == before


def test_legacy_single_document_moves_to_rows_on_first_load(store: RecordStore) -> None:
    mem, mem_actors = _save_all(store, ANNS[:30])
    store.clear_link_state()
    assert store.load_link_indexes() is None
    docs = [("story_index", json.dumps(mem.to_dict())), ("actor_index", json.dumps(mem_actors.to_dict()))]
    mark = "?" if isinstance(store, Store) else "%s"
    for name, data in docs:  # what migration 3 stores held
        if isinstance(store, Store):
            with store.db.atomic():
                store.db.execute(f"insert into link_state (name, data) values ({mark}, {mark})", [name, data])
        else:
            store.conn.execute(f"insert into link_state (name, data) values ({mark}, {mark})", [name, data])  # type: ignore[attr-defined]
    index, actors = _load(store)
    assert index.to_dict() == mem.to_dict() and actors.to_dict() == mem_actors.to_dict()
    assert _sql(store, "select count(*) from link_state") == [(0,)]
    assert _sql(store, "select count(*) from link_story_state") == [(len(mem.stories),)]
    again, _ = _load(store)  # now from the rows
    assert again.to_dict() == mem.to_dict()
    ann = ANNS[31]
    assert again.add_annotation(ann) == mem.add_annotation(ann)


def test_unusable_legacy_document_is_ignored(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        with store.db.atomic():
            store.db.execute("insert into link_state (name, data) values ('story_index', '{\"version\": 1}')")
            store.db.execute("insert into link_state (name, data) values ('actor_index', '{}')")
        assert store.load_link_indexes() is None  # the caller rebuilds; that rebuild clears link_state


def test_relink_builds_rows_then_relink_all_clears_them(tmp_path: Path) -> None:
    with Store(tmp_path / "news.db") as store:
        store.save_annotations(ANNS[:30])
        relink(store, Settings(full_relink_limit=0))  # no state yet: the rebuild path saves it whole
        index, _ = _load(store)
        assert len(index.story_of) == 30
        store.save_annotations(ANNS[30:])
        relink(store, Settings(full_relink_limit=0))  # the incremental path: only the new articles
        index, _ = _load(store)
        assert len(index.story_of) == len(ANNS) and len(index.stories) == 6
        assert sorted(sorted(s["articles"]) for s in store.stories()) == \
            sorted(s["articles"] for s in index.stories_out())
        _relink_all(store, Settings())
        assert store.load_link_indexes() is None and store.load_link_state("story_index") is None
        for table in (*LINK_TABLES, "link_state"):
            assert _sql(store, f"select count(*) from {table}") == [(0,)]
        assert sorted(a for s in store.stories() for a in s["articles"]) == sorted(store.article_ids())
