"""The same store tests against both backends: SQLite (a file) and PostgreSQL (a fresh schema each)."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from newsprism.errors import StoreError
from newsprism.records import (
    Actor,
    Annotation,
    Article,
    Entity,
    Event,
    IngestError,
    Party,
    Quote,
    Span,
    Timex,
)
from newsprism.store.db import Store
from newsprism.store.factory import RecordStore

Opener = Callable[[], RecordStore]
DB_ERRORS = (sqlite3.Error, psycopg.Error, StoreError)


@pytest.fixture(params=["sqlite", "postgresql"])
def open_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Opener]:
    """Opens (and reopens) one empty database of the backend under test."""
    opened: list[RecordStore] = []
    if request.param == "sqlite":
        path = tmp_path / "news.db"

        def make() -> RecordStore:
            opened.append(Store(path))
            return opened[-1]
    else:
        from newsprism.store.pg import PgStore

        url = request.getfixturevalue("pg_url")
        schema = request.getfixturevalue("pg_schema")()

        def make() -> RecordStore:
            opened.append(PgStore(url, schema=schema))
            return opened[-1]
    yield make
    for s in opened:
        s.close()


@pytest.fixture
def db(open_db: Opener) -> RecordStore:
    return open_db()


def _annotation(aid: str = "art1", published: str | None = "2024-03-15", said: str = "said") -> Annotation:
    text = f"Ana Lima {said} the port deal with Norland was signed on Friday. Ünïcode “quotes” stay."
    art = Article(id=aid, source=f"{aid}.txt", text=text, title="Deal", outlet="Test Wire", author="R. Writer",
                  published=published, genre="news", url=f"https://example.org/{aid}", extractor="html")
    lima = Span(0, 8, text[0:8])
    nor = text.index("Norland")
    norland = Span(nor, nor + 7, "Norland")
    actors = [Actor("a0", "Ana Lima", "person", "BRA", "minister", ("Lima",), (lima,)),
              Actor("a1", "Norland", "country", "NRL", None, (), (norland,))]
    cue = Span(9, 9 + len(said), said)
    quote = Quote(start=cue.end + 1, end=text.index(" on Friday"), text=text[cue.end + 1:text.index(" on Friday")],
                  kind="indirect", speaker_name="Ana Lima", speaker_actor="a0", speaker=lima, cue=cue,
                  sentence=Span(0, text.index(".") + 1, text[:text.index(".") + 1]), date="2024-03-15")
    fri = text.index("Friday")
    timex = Timex(fri, fri + 6, "Friday", "DATE", "2024-03-15", anchor="dct")
    event = Event(type="SIGN", source=Party("Ana Lima", "person", "BRA", "minister", "a0", lima),
                  target=Party("Norland", "country", "NRL", None, "a1", norland), cameo="057", goldstein=8.5,
                  mode="asserted", date="2024-03-15", evidence=Span(0, fri + 6, text[:fri + 6]),
                  trigger=Span(text.index("signed"), text.index("signed") + 6, "signed"), claimed_by="a0")
    ents = [Entity(0, 8, "Ana Lima", "PERSON", "a0", "BRA"), Entity(nor, nor + 7, "Norland", "GPE", "a1", "NRL")]
    return Annotation(article=art, entities=ents, actors=actors, quotes=[quote], timexes=[timex], events=[event])


def test_annotations_round_trip_after_reopening(open_db: Opener) -> None:
    anns = [_annotation("b2", "2024-03-16"), _annotation("a1", "2024-03-16"), _annotation("c3", None),
            dataclasses.replace(_annotation("d4"), events=[], quotes=[])]
    with open_db() as s:
        assert s.save_annotations(anns) == 4
    with open_db() as s:
        # published order, NULL first, then id: the same on both backends
        assert s.article_ids() == ["c3", "d4", "a1", "b2"]
        back = list(s.iter_annotations())
        assert [a.article.id for a in back] == ["c3", "d4", "a1", "b2"]
        assert {a.article.id: a for a in back} == {a.article.id: a for a in anns}
        assert list(s.iter_annotations(["b2", "missing", "c3"])) == [anns[0], anns[2]]
        assert s.get_article("a1") == anns[1].article
        assert s.get_article("missing") is None
        assert s.has_annotation("d4") and not s.has_annotation("missing")
        assert s.counts() == {"articles": 4, "actors": 0, "quotes": 3, "timexes": 4, "events": 3,
                              "stories": 0, "ingest_errors": 0}


def test_saving_again_replaces_without_duplicates(db: RecordStore) -> None:
    db.save_annotations([_annotation("a1"), _annotation("a2")])
    assert db.save_annotations([]) == 0
    changed = _annotation("a1", said="stated")
    db.save_annotations([changed, _annotation("a2")])
    db.save_annotations([_annotation("a2")])
    assert db.counts()["articles"] == 2 and db.counts()["quotes"] == 2 and db.counts()["events"] == 2
    assert list(db.iter_annotations(["a1"])) == [changed]
    # the same article twice in one batch: the last version wins
    db.save_annotations([_annotation("a3"), _annotation("a3", said="stated")])
    assert list(db.iter_annotations(["a3"])) == [_annotation("a3", said="stated")]
    assert db.counts()["quotes"] == 3


def test_errors_are_kept_in_order(db: RecordStore) -> None:
    assert db.save_errors([]) == 0
    assert db.errors() == []
    errs = [IngestError("z.bin", "z.bin: binary data"), IngestError("a.html", "a.html: no text")]
    assert db.save_errors(errs) == 2
    db.save_errors([IngestError("z.bin", "z.bin: binary data")])
    assert db.errors() == [errs[1], errs[0]]  # a rerun replaces the earlier error, never duplicates
    assert db.counts()["ingest_errors"] == 2


def _links(n_stories: int = 2) -> tuple[list[dict[str, Any]], list[dict[str, str]], list[dict[str, Any]]]:
    actors: list[dict[str, Any]] = [{"id": "act_1", "name": "Ana Lima", "kind": "person", "country": "BRA", "role": "minister",
               "aliases": ["Lima"], "mentions": 3},
              {"id": "act_2", "name": "Norland", "kind": "country", "country": "NRL", "role": None,
               "aliases": [], "mentions": 2}]
    links: list[dict[str, str]] = [{"article_id": "a1", "local_actor": "a0", "actor_id": "act_1"},
             {"article_id": "a2", "local_actor": "a0", "actor_id": "act_1"}]
    stories: list[dict[str, Any]] = [{"id": "s_zeta", "title": "Port deal", "dates": ["2024-03-15"], "articles": ["a2", "a1"]},
               {"id": "s_alpha", "title": "Other", "articles": ["a3"]}][:n_stories]
    return actors, links, stories


def test_links_and_stories_are_replaced_as_a_whole(db: RecordStore) -> None:
    db.save_annotations([_annotation("a1"), _annotation("a2"), _annotation("a3")])
    db.save_links(*_links())
    # stories in the order given; each one's articles sorted by id
    assert db.stories() == [
        {"id": "s_zeta", "title": "Port deal", "dates": ["2024-03-15"], "articles": ["a1", "a2"]},
        {"id": "s_alpha", "title": "Other", "dates": [], "articles": ["a3"]},
    ]
    assert db.counts()["actors"] == 2 and db.counts()["stories"] == 2
    db.save_links(*_links(n_stories=1))
    assert [s["id"] for s in db.stories()] == ["s_zeta"]
    db.save_links([], [], [])
    assert db.stories() == [] and db.counts()["actors"] == 0


def test_a_failing_batch_writes_nothing(db: RecordStore) -> None:
    good = [_annotation("a1"), _annotation("a2")]
    db.save_annotations(good)
    db.save_links(*_links())
    before = (db.counts(), db.article_ids(), list(db.iter_annotations()), db.stories())

    broken_text = dataclasses.replace(_annotation("a9"), article=Article(id="a9", source="x", text=None))  # type: ignore[arg-type]
    with pytest.raises(DB_ERRORS):
        db.save_annotations([_annotation("a1", said="stated"), _annotation("a5"), broken_text])
    # a value that cannot be serialised, after good rows of the same batch
    unjsonable = dataclasses.replace(_annotation("a8"), timexes=[Timex(0, 3, "Ana", "DATE", {1, 2})])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        db.save_annotations([_annotation("a6"), unjsonable])
    # a duplicate key in the cross-article layer: the old layer stays
    actors, links, stories = _links()
    with pytest.raises(DB_ERRORS):
        db.save_links(actors + actors[:1], links, stories)
    assert (db.counts(), db.article_ids(), list(db.iter_annotations()), db.stories()) == before
    # the connection is still usable after the failures
    assert db.save_annotations([_annotation("a7")]) == 1
    assert db.article_ids() == ["a1", "a2", "a7"]


def test_orderings_are_by_codepoint_whatever_the_locale(db: RecordStore) -> None:
    ids = ["b", "B", "a", "é", "Z", "a-2", "a_1", "10", "9"]
    db.save_annotations(dataclasses.replace(_annotation(i), article=dataclasses.replace(
        _annotation(i).article, published="2024-01-01" if i != "Z" else "2024-01-01T09:00")) for i in ids)
    assert db.article_ids() == [*sorted(set(ids) - {"Z"}), "Z"]
    db.save_links([], [], [{"id": "s", "title": "t", "dates": [], "articles": ids}])
    assert db.stories()[0]["articles"] == sorted(ids)


def test_rerun_errors_replace_earlier_ones(db: RecordStore) -> None:
    from newsprism.records import IngestError

    db.save_errors([IngestError("bad.bin", "bad.bin: binary data")])
    db.save_errors([IngestError("bad.bin", "bad.bin: binary data"), IngestError("x.txt", "x.txt: empty file")])
    assert sorted(e.source for e in db.errors()) == ["bad.bin", "x.txt"]
