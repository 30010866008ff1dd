import sqlite3

from newsprism.records import Actor, Annotation, Article, Quote, Span, Timex
from newsprism.store.db import Store


def _annotation(text: str = "Ana Lima said the port deal was signed on Friday.") -> Annotation:
    art = Article(id="art1", source="mem", text=text, title="Deal", outlet="Test Wire", published="2024-03-15")
    actor = Actor("a0", "Ana Lima", "person", "BRA", "minister", ("Lima",), (Span(0, 8, text[0:8]),))
    quote = Quote(start=14, end=36, text=text[14:36], kind="indirect", speaker_name="Ana Lima",
                  speaker_actor="a0", speaker=Span(0, 8, text[0:8]), cue=Span(9, 13, text[9:13]))
    start = text.index("Friday")
    timex = Timex(start, start + 6, "Friday", "DATE", "2024-03-15")
    return Annotation(article=art, actors=[actor], quotes=[quote], timexes=[timex])


def test_roundtrip_through_a_file_database(db_path):
    with Store(db_path) as store:
        store.save_annotations([_annotation()])
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 1
    assert conn.execute("select speaker_name, cue from quotes").fetchone() == ("Ana Lima", "said")
    assert conn.execute("select count(*) from _sqlite_migrations").fetchone()[0] >= 1
    conn.close()
    with Store(db_path) as store:
        [back] = list(store.iter_annotations())
    assert back.quotes[0].speaker == Span(0, 8, "Ana Lima")
    assert back.article.text[back.timexes[0].start:back.timexes[0].end] == "Friday"
    assert back == _annotation()


def test_saving_twice_does_not_duplicate(store):
    store.save_annotations([_annotation()])
    store.save_annotations([_annotation()])
    counts = store.counts()
    assert counts["articles"] == 1 and counts["quotes"] == 1 and counts["timexes"] == 1
    assert store.has_annotation("art1")


def test_errors_are_recorded(store):
    from newsprism.records import IngestError

    store.save_errors([IngestError("bad.bin", "bad.bin: binary data")])
    assert store.errors() == [IngestError("bad.bin", "bad.bin: binary data")]


def test_not_a_database(tmp_path):
    import pytest

    from newsprism.errors import StoreError

    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(path)


def test_full_text_search_finds_words_without_accents(db_path):
    from newsprism.store import queries

    text = "Talks in Brasília ended. Ana Lima said the port deal was signed on Friday."
    ann = _annotation(text)
    with Store(db_path) as store:
        store.save_annotations([ann])
        hits, count = queries.search(store, "brasilia")
        assert count == 1 and hits[0]["kind"] == "article"
        assert text[hits[0]["start"]:hits[0]["end"]].lower().startswith("bras")
        hits, _ = queries.search(store, "port de")  # the last word is a prefix
        assert any(h["kind"] == "article" for h in hits)
        assert queries.search(store, "' OR 1=1 --")[1] == 0  # parameterised and escaped
        names = {r[0] for r in store.db.execute("select name from sqlite_master where name like '%_fts'")}
        assert {"articles_fts", "quotes_fts"} <= names
