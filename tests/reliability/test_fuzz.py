"""Fuzz suite: hostile and broken inputs through ``read_inputs``, the CLI and the pipeline.

The contract checked everywhere: nothing raises, each bad document is exactly one
clear error record naming its source, every good document of the same batch is
kept (and stored, at CLI level), and annotation offsets always slice the text.
The bulk (> 1,000 cases) runs through ``read_inputs``; the CLI and pipeline cases
are few because annotation is slow.
"""

from __future__ import annotations

import io
import json
import os
import random
import sqlite3
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import IngestError as IngestFailure
from newsprism.ingest.fetch import Fetcher
from newsprism.ingest.normalize import content_id
from newsprism.ingest.sources import read_inputs
from newsprism.records import Article, IngestError

FUZZ = settings(database=None, deadline=None, derandomize=True, print_blob=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example])


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)
SINGLE = [".txt", ".html", ".htm", ".md", ""]  # one file, one item
MULTI = [".jsonl", ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".urls"]
WEIRD = ("\u200b\u200c\u200d\u2060\ufeff"  # zero-width
         "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi controls
         "\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u201e"  # quote marks
         "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\u0085\u2028\u2029\r\t\n"  # control and separators
         "\u0301\u0308e\u0065\u0301\u00e9\ufb01\u2163"  # combining marks and compatibility forms
         "\U0001f600\U00010348\u0627\u05d0\u4e2d")  # astral, RTL scripts, CJK
SENTENCES = [
    "The foreign minister met her counterpart in the capital on Tuesday.",
    "\u201cWe will not accept these terms,\u201d the spokesman said.",
    "Officials said talks would resume next month.",
    'The president told reporters: "The deal is done."',
    "Negotiators from both sides agreed on March 3, 2024 to extend the truce.",
    "Protesters gathered outside the embassy on Friday evening.",
]
CASES: dict[str, int] = {}  # name -> generated cases tried, summed in the last test


class OfflineFetcher(Fetcher):
    """No network in the fuzz suite: any URL a generated file names fails cleanly."""

    def get(self, url: str, accept: object = None) -> object:  # type: ignore[override]
        raise IngestFailure(f"{url}: offline in tests")


OFFLINE = OfflineFetcher()


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="np-fuzz-") as tmp:
        yield Path(tmp)


def _count(name: str) -> None:
    CASES[name] = CASES.get(name, 0) + 1


def _read(path: Path, max_bytes: int = 20_000_000) -> list[Article | IngestError]:
    return list(read_inputs([path], max_bytes=max_bytes, fetcher=OFFLINE))


def _check_items(path: Path, items: list[Article | IngestError], single: bool) -> None:
    """The contract: one item for one-article files; articles have words; errors say why and where."""
    if single:
        assert len(items) == 1, (path, items)
    else:
        assert len(items) >= 1, (path, items)
    for item in items:
        if isinstance(item, IngestError):
            assert item.reason, item
            if path.suffix != ".urls" and not item.source.startswith(("http", "<")):  # URL lists: per URL
                assert str(path) in item.source, item
                assert str(path) in item.reason or item.source in item.reason, item
        else:
            assert isinstance(item, Article)
            assert any(ch.isalnum() for ch in item.text), item
            if item.extractor != "jsonl":
                assert item.id == content_id(item.text)
                assert item.text == unicodedata.normalize("NFC", item.text)
                assert not any(ord(c) < 32 and c not in "\t\n\f" for c in item.text), repr(item.text[:200])


def _write(workdir: Path, suffix: str, data: bytes) -> Path:
    path = Path(tempfile.mkstemp(suffix=suffix, dir=workdir)[1])
    path.write_bytes(data)
    return path


# --- hypothesis: bytes, text, HTML, JSON Lines through read_inputs ------------------------------------------

@fuzz(300)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SINGLE + MULTI))
def test_fuzz_random_bytes(workdir: Path, data: bytes, suffix: str) -> None:
    path = _write(workdir, suffix, data)
    _check_items(path, _read(path), single=suffix in SINGLE)
    _count("random bytes")


fuzz_text = st.text(alphabet=st.one_of(st.sampled_from(WEIRD), st.characters(codec="utf-8")), max_size=800)


@fuzz(300)
@given(parts=st.lists(st.one_of(fuzz_text, st.sampled_from(SENTENCES)), min_size=0, max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "mixed"]),
       suffix=st.sampled_from(SINGLE))
def test_fuzz_text_encodings(workdir: Path, parts: list[str], encoding: str, suffix: str) -> None:
    text = " ".join(parts)
    if encoding == "mixed":  # half UTF-8, half Latin-1: no single encoding is right
        data = text[: len(text) // 2].encode("utf-8") + text[len(text) // 2:].encode("latin-1", "replace")
    else:
        data = text.encode(encoding, "replace")
    path = _write(workdir, suffix, data)
    items = _read(path)
    _check_items(path, items, single=True)
    if encoding in ("utf-8", "utf-8-sig") and suffix in (".txt", ".md") and any(s in text for s in SENTENCES):
        [item] = items
        if isinstance(item, Article):  # good sentences survive, whatever noise surrounds them
            assert any(s.split()[1] in item.text for s in SENTENCES if s in text)
    _count("text and encodings")


TAGS = ["p", "div", "span", "article", "b", "i", "a", "script", "style", "table", "tr", "td", "li", "ul",
        "h1", "br", "html", "body", "head", "title", "svg", "iframe", "noscript", "template", "math"]
html_token = st.one_of(
    st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    st.tuples(st.sampled_from(TAGS), st.text(alphabet="\"'<>=& x", max_size=10)).map(lambda t: f"<{t[0]} a={t[1]}>"),
    st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "<",
                     ">", "<!DOCTYPE html>", "<?xml version='1.0'?>", "&#1114112;", "<meta charset='utf-16'>"]),
    st.sampled_from(SENTENCES),
    fuzz_text,
)


@fuzz(250)
@given(tokens=st.lists(html_token, max_size=60), suffix=st.sampled_from([".html", ".htm", ".txt", ".xml"]))
def test_fuzz_malformed_html(workdir: Path, tokens: list[str], suffix: str) -> None:
    data = "".join(tokens).encode("utf-8", "surrogatepass")
    path = _write(workdir, suffix, data)
    _check_items(path, _read(path), single=suffix != ".xml")
    _count("malformed html")


json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | fuzz_text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(fuzz_text, inner, max_size=3),
                          max_leaves=8)
jsonl_line = st.one_of(
    st.fixed_dictionaries({"text": st.one_of(fuzz_text, st.sampled_from(SENTENCES))},
                          optional={"id": json_value, "title": json_value, "published": st.one_of(fuzz_text, json_value),
                                    "outlet": json_value, "url": json_value}).flatmap(
        lambda row: st.sampled_from([json.dumps(row), json.dumps(row, ensure_ascii=False)])),
    json_value.map(json.dumps),
    fuzz_text.map(lambda t: t.replace("\n", " ").replace("\r", " ")),
)


@fuzz(200)
@given(lines=st.lists(jsonl_line, min_size=1, max_size=8))
def test_fuzz_jsonl(workdir: Path, lines: list[str]) -> None:
    body = "\n".join(lines)
    path = _write(workdir, ".jsonl", body.encode("utf-8", "surrogatepass"))
    items = _read(path)
    _check_items(path, items, single=False)
    rows = [line for line in body.split("\n") if line.strip()]
    if items and all(isinstance(i, Article) or ":" in i.source.rsplit("/", 1)[-1] for i in items):
        assert len(items) == len(rows)  # one item per non-blank line when the file decodes
    texts = [_text_of(r) for r in rows]
    for item in items:  # a good line keeps its text exactly
        if isinstance(item, Article):
            assert item.text in texts
    _count("json lines")


def _text_of(line: str) -> object:
    try:
        row = json.loads(line)
    except ValueError:
        return None
    return row.get("text") if isinstance(row, dict) else None


# --- seeded generator: one mixed batch, good and bad together ---------------------------------------------

def _generated_batch(rng: random.Random, n: int) -> Iterator[tuple[str, bytes, str]]:
    """(file name, bytes, expectation) with expectation 'good', 'bad' or 'any' (one item either way)."""
    def sentences(k: int) -> str:
        return " ".join(rng.choice(SENTENCES) for _ in range(k)) + f" Ref {rng.randrange(10**9)}."

    kinds = ["text", "html", "empty", "blank", "binary", "nul", "invalid_utf8", "latin1", "utf16", "mixed",
             "controls", "zerowidth", "quotes", "soup", "only_marks", "bom"]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        body = sentences(rng.randint(1, 6))
        if kind == "text":
            yield f"{i}.txt", body.encode(), "good"
        elif kind == "html":
            yield f"{i}.html", f"<html><body><article><p>{body}</p></article></body></html>".encode(), "good"
        elif kind == "empty":
            yield f"{i}.txt", b"", "bad"
        elif kind == "blank":
            yield f"{i}.md", rng.choice([b"   \n\t\n", b"\r\n\r\n", b"\xef\xbb\xbf  "]), "bad"
        elif kind == "binary":
            yield f"{i}.txt", bytes(rng.randrange(256) for _ in range(rng.randint(64, 4000))), "any"
        elif kind == "nul":
            yield f"{i}.html", b"\x00" * rng.randint(1, 100) + body.encode(), "bad"
        elif kind == "invalid_utf8":
            raw = bytearray(body.encode())
            for _ in range(rng.randint(1, 5)):
                raw.insert(rng.randrange(len(raw)), rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xED]))
            yield f"{i}.txt", bytes(raw), "good"
        elif kind == "latin1":
            yield f"{i}.txt", (body + " Caf\u00e9 na\u00efve d\u00e9j\u00e0.").encode("latin-1", "replace"), "good"
        elif kind == "utf16":
            yield f"{i}.txt", body.encode("utf-16"), "good"
        elif kind == "mixed":
            yield f"{i}.txt", body.encode() + " r\u00e9sum\u00e9 ".encode("latin-1") + body.encode("cp1252"), "good"
        elif kind == "controls":
            body = sentences(6)  # a few stray controls in a long text are noise; many would mean binary
            ctrl = "".join(rng.choice("\x01\x02\x07\x1b\x7f") for _ in range(rng.randint(1, 3)))
            yield f"{i}.txt", (body[:20] + ctrl + body[20:]).encode(), "good"
        elif kind == "zerowidth":
            mangled = "".join(ch + (rng.choice("\u200b\u200f\u202e\u2066\u2069") if rng.random() < 0.2 else "")
                              for ch in body)
            yield f"{i}.txt", mangled.encode(), "good"
        elif kind == "quotes":
            noise = "".join(rng.choice("\u201c\"\u201d'") + rng.choice(["", " ", "said "]) for _ in range(300))
            yield f"{i}.txt", (body + noise).encode(), "good"
        elif kind == "soup":
            tags = "".join(rng.choice(["<div>", "</p>", "<b", "<<", "<i>", "</div></div>", "<p class='x>"])
                           for _ in range(50))
            yield f"{i}.html", (tags + body + tags).encode(), "any"
        elif kind == "only_marks":
            yield f"{i}.txt", "".join(rng.choice("\u200b\u200f\u202e.,;\u201c\u201d") for _ in range(50)).encode(), "bad"
        else:
            yield f"{i}.txt", b"\xef\xbb\xbf" + body.encode(), "good"


def test_fuzz_seeded_mixed_batch(tmp_path: Path) -> None:
    expect: dict[str, str] = {}
    for name, data, expectation in _generated_batch(random.Random(20240312), 480):
        (tmp_path / name).write_bytes(data)
        expect[str(tmp_path / name)] = expectation
    items = list(read_inputs([tmp_path], fetcher=OFFLINE))
    by_source: dict[str, list[Article | IngestError]] = {}
    for item in items:
        by_source.setdefault(item.source, []).append(item)
    assert set(by_source) == set(expect)
    for source, got in by_source.items():
        _check_items(Path(source), got, single=True)
        if expect[source] == "good":
            assert isinstance(got[0], Article), got
        elif expect[source] == "bad":
            assert isinstance(got[0], IngestError), got
    CASES["seeded batch"] = len(expect)


# --- the named hostile inputs --------------------------------------------------------------------------------

def test_fuzz_huge_file_is_refused_fast_without_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:  # 50 MB, sparse: costs nothing to make
        out.truncate(50_000_000)
    (tmp_path / "good.txt").write_text(SENTENCES[0])
    tracemalloc.start()
    start = time.perf_counter()
    items = list(read_inputs([tmp_path], fetcher=OFFLINE))
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.source for e in errors] == [str(huge)]
    assert "50000000 bytes is larger than the 20000000-byte limit" in errors[0].reason
    assert sum(isinstance(i, Article) for i in items) == 1
    assert elapsed < 2.0 and peak < 5_000_000
    _count("named")


def test_fuzz_device_and_pipe_are_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    start = time.perf_counter()
    [err] = list(read_inputs([fifo], fetcher=OFFLINE))
    assert isinstance(err, IngestError) and "not a regular file" in err.reason
    if Path("/dev/zero").exists():  # size 0 on stat, endless when read
        [zero] = list(read_inputs(["/dev/zero"], fetcher=OFFLINE))
        assert isinstance(zero, IngestError) and "not a regular file" in zero.reason
    assert time.perf_counter() - start < 2.0
    _count("named")
    _count("named")


def test_fuzz_deeply_nested_html(tmp_path: Path) -> None:
    deep = "<html><body>" + "<div>" * 10_000 + f"<p>{SENTENCES[0]} {SENTENCES[2]}</p>" + "</div>" * 10_000
    unclosed = "<html><body>" + "<div><span><b>" * 10_000 + SENTENCES[5]
    for name, html in (("deep.html", deep), ("unclosed.html", unclosed)):
        (tmp_path / name).write_text(html)
        start = time.perf_counter()
        [item] = list(read_inputs([tmp_path / name], fetcher=OFFLINE))
        assert isinstance(item, Article), item  # the text is recovered, not lost
        assert "foreign minister" in item.text or "Protesters" in item.text
        assert time.perf_counter() - start < 15
        _count("named")


LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">\n' for i in range(9))
          + ']>\n<{root}><channel><item><title>&lol9;</title><description>&lol9;</description></item>'
          '</channel></{root}>')
QUADRATIC = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "' + "x" * 100_000 + '">]>\n'
             '<{root}><channel><item><description>' + "&a;" * 50_000 + '</description></item></channel></{root}>')
EXTERNAL = ('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            '<{root}><channel><item><description>&xxe;</description></item></channel></{root}>')


@pytest.mark.parametrize("doc", [LAUGHS, QUADRATIC, EXTERNAL], ids=["laughs", "quadratic", "external"])
@pytest.mark.parametrize("suffix", [".xml", ".rss", ".txt", ".html", ""])
def test_fuzz_hostile_xml(tmp_path: Path, doc: str, suffix: str) -> None:
    path = tmp_path / f"hostile{suffix}"
    path.write_text(doc.replace("{root}", "html" if suffix == ".html" else "rss"))
    tracemalloc.start()
    start = time.perf_counter()
    items = list(read_inputs([path], fetcher=OFFLINE))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.perf_counter() - start < 10
    assert peak < 200_000_000
    assert len(items) == 1, items
    [item] = items
    if isinstance(item, Article):  # only the HTML reader may keep text; it never expands entities
        assert "lollollol" not in item.text and "root:" not in item.text and "x" * 200_000 not in item.text
    else:
        assert item.reason
    if suffix in (".xml", ".rss", ".txt", ""):
        assert isinstance(item, IngestError) and "entit" in item.reason
    _count("named")


def test_fuzz_megabyte_lines_and_quote_storms(tmp_path: Path) -> None:
    rng = random.Random(7)
    words = [w.strip(".,\u201c\u201d\"") for w in " ".join(SENTENCES).split()]
    line = " ".join(rng.choice(words) for _ in range(180_000))[:1_000_000]  # one 1 MB line, no newline
    (tmp_path / "line.txt").write_text(line)
    storm = " ".join(rng.choice(["\u201c", '"']) + rng.choice(words) for _ in range(10_000))
    (tmp_path / "quotes.txt").write_text(storm)
    (tmp_path / "quotes.html").write_text(f"<html><body><p>{storm}</p></body></html>")
    start = time.perf_counter()
    items = list(read_inputs([tmp_path], fetcher=OFFLINE))
    assert time.perf_counter() - start < 30
    assert all(isinstance(i, Article) for i in items) and len(items) == 3
    by_name = {Path(i.source).name: i for i in items if isinstance(i, Article)}
    assert by_name["line.txt"].text == line
    assert by_name["quotes.txt"].text.count("\u201c") + by_name["quotes.txt"].text.count('"') == 10_000
    CASES["named"] = CASES.get("named", 0) + 3


def test_fuzz_stdin_jsonl_limits() -> None:
    good = json.dumps({"id": "s1", "text": SENTENCES[1]})
    long_line = json.dumps({"text": "x " * 5000})
    stream = io.StringIO("\n".join([good, long_line, "{", good.replace("s1", "s2"), "\ufeff\u200b"]))
    items = list(read_inputs(["-"], stdin=stream, max_bytes=2000))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "IngestError", "Article", "IngestError"]
    assert "longer than the size limit" in items[1].reason  # type: ignore[union-attr]
    bad = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\xfa not utf-8\n"), encoding="utf-8")
    [err] = list(read_inputs(["-"], stdin=bad))
    assert isinstance(err, IngestError) and "not valid UTF-8" in err.reason
    CASES["named"] = CASES.get("named", 0) + 6


# --- the CLI over a mixed batch: good stored, bad recorded once, no traceback --------------------------------

def test_fuzz_cli_mixed_batch_stores_good_and_records_bad(tmp_path: Path) -> None:
    from newsprism.cli import cli

    docs = tmp_path / "docs"
    docs.mkdir()
    rng = random.Random(99)
    good = {}
    for i in range(8):
        text = " ".join(rng.choice(SENTENCES) for _ in range(4)) + f" Reference {i}."
        good[f"good{i}.txt"] = text
    good["zerowidth.txt"] = "The minister\u200b said\u200f on \u202eMonday\u202c that \u201ctalks\u200d would resume.\u201d"
    good["quotes.txt"] = " ".join(rng.choice(["\u201c", '"']) + rng.choice(["talks", "said", "deal"])
                                  for _ in range(10_000)) + " The minister left."
    good["controls.txt"] = "Officials\x07 said the deal was signed.\x1b " + " ".join(SENTENCES)  # < 1% controls
    good["latin1.txt"] = "Le ministre a sign\u00e9 l'accord \u00e0 Bruxelles lundi."
    for name, text in good.items():
        path = docs / name
        path.write_bytes(text.encode("latin-1") if name == "latin1.txt" else text.encode())
    bad = {"empty.txt": b"", "binary.txt": bytes(range(256)) * 20, "laughs.xml": LAUGHS.replace("{root}", "rss").encode(),
           "marks.txt": "\u200b\u200f\u201c\u201d".encode(), "line.txt": ("word " * 200_001).encode(),
           "deep.html": ("<div>" * 10_000 + "<script>x</script>" + "</div>" * 10_000).encode()}
    for name, data in bad.items():
        (docs / name).write_bytes(data)
    with (docs / "huge.txt").open("wb") as out:
        out.truncate(50_000_000)
    bad["huge.txt"] = b""
    db = tmp_path / "fuzz.db"
    result = CliRunner().invoke(cli, ["ingest", str(docs), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"{len(good)} added, 0 already stored, {len(bad)} skipped" in result.output
    with sqlite3.connect(db) as conn:
        stored = {Path(r[0]).name for r in conn.execute("select source from articles")}
        errors = [Path(r[0]).name for r in conn.execute("select source from ingest_errors")]
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert stored == set(good)
    assert sorted(errors) == sorted(bad)  # each bad document exactly once
    again = CliRunner().invoke(cli, ["ingest", str(docs), "--db", str(db)])
    assert f"0 added, {len(good)} already stored" in again.output
    CASES["cli"] = len(good) + len(bad)


# --- property: annotation offsets always slice the stored text ---------------------------------------------

@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


def _spans(d: dict) -> Iterator[dict]:
    yield from d["entities"]
    for a in d["actors"]:
        yield from a["mentions"]
    for q in d["quotes"]:
        yield q
        yield from (s for s in (q["speaker"], q["cue"]) if s)
    yield from d["timexes"]
    for ev in d["events"]:
        yield ev["evidence"]
        if ev["trigger"]:
            yield ev["trigger"]
        for party in (ev["source"], ev["target"]):
            if party and party["mention"]:
                yield party["mention"]


pipeline_text = st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES).map(
    lambda s: s.replace(" ", "\u200b ").replace("said", "\u202esaid\u202c")), st.text(alphabet=WEIRD, max_size=12),
    st.sampled_from(["\n\n", "\u201c", '"', "\u201d", " \u2014 ", "On 4 May 2023, ", "Dr. Ana Lima said: "])),
    min_size=1, max_size=12).map("".join)


@fuzz(25)
@given(text=pipeline_text)
def test_fuzz_offsets_slice_the_stored_text(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from newsprism.annotate.runner import annotate_articles
    from newsprism.export.annotation_json import annotation_to_dict

    article = Article(id=content_id(text), source="gen", text=text)
    [ann] = list(annotate_articles([article], nlp))
    assert not isinstance(ann, IngestError), ann
    d = annotation_to_dict(ann)
    assert d["text"] == text
    for span in _spans(d):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    _count("pipeline offsets")


def test_fuzz_zz_total_cases() -> None:
    """Runs last in the file: the suite tried at least 1,000 generated cases (when run whole)."""
    total = sum(CASES.values())
    print(f"fuzz cases tried: {total} {CASES}")
    if len(CASES) >= 8:
        assert total >= 1000, CASES
