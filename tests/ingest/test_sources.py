import io
import json

from newsprism.ingest.sources import read_inputs
from newsprism.records import Article, IngestError

GOOD = "Port deal signed\n\nBy Ana Lima\n\nThe two governments signed the port agreement on Friday, officials said."


def test_mixed_directory_keeps_good_and_records_bad(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "also_good.txt").write_text(GOOD.replace("Friday", "Monday"))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes("Accord signé\n\nLe ministre a signé l'accord à Paris lundi.".encode("latin-1"))
    items = list(read_inputs([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert sorted(a.source.rsplit("/", 1)[-1] for a in articles) == ["also_good.txt", "good.txt", "latin1.txt"]
    assert any("signé" in a.text for a in articles)
    assert sorted(e.source.rsplit("/", 1)[-1] for e in errors) == ["binary.txt", "empty.txt"]
    assert all(e.reason for e in errors)


def test_missing_file_is_an_error_record(tmp_path):
    items = list(read_inputs([tmp_path / "nope.txt"]))
    assert len(items) == 1 and isinstance(items[0], IngestError)


def test_jsonl_stdin_keeps_text_exactly():
    text = "  Leading spaces\r\nand CRLF kept  \n"
    lines = [json.dumps({"id": "a1", "text": text, "outlet": "Test Wire", "published": "2024-03-12"}),
             "not json", json.dumps({"id": "a2"}), ""]
    items = list(read_inputs(["-"], stdin=io.StringIO("\n".join(lines))))
    assert isinstance(items[0], Article)
    assert items[0].text == text and items[0].id == "a1"
    assert items[0].outlet == "Test Wire" and items[0].published == "2024-03-12"
    assert [type(i) for i in items[1:]] == [IngestError, IngestError]


def test_html_page_main_text(tmp_path):
    body = " ".join(["The foreign ministers met in the capital and agreed to resume talks next month."] * 6)
    html = (f"<html><head><title>Talks resume</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Talks resume</h1><p>{body}</p></article><footer>(c) Example</footer></body></html>")
    (tmp_path / "page.html").write_text(html)
    [article] = list(read_inputs([tmp_path / "page.html"]))
    assert isinstance(article, Article)
    assert "agreed to resume talks" in article.text
    assert article.extractor in ("trafilatura", "html2txt")


def test_same_text_same_id(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "b.txt").write_text(GOOD + "\n")
    a, b = list(read_inputs([tmp_path]))
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id
