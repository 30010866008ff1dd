"""More input sources: RSS/Atom feeds, WARC archives, URLs (local server only), watch."""

from __future__ import annotations

import gzip
import io
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.ingest.feeds import looks_like_feed
from newsprism.ingest.fetch import Fetcher, read_url_list
from newsprism.ingest.sources import read_inputs
from newsprism.records import Article, IngestError

BODY = ("The two delegations met in the capital on Tuesday and agreed to reopen the border crossing. "
        "\u201cWe have made real progress,\u201d the deputy minister told reporters after the talks. ")
PAGE = (f"<html><head><title>Border talks</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Border crossing to reopen</h1><p>{BODY * 4}</p></article></body></html>")

RSS = """<?xml version="1.0" encoding="{enc}"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://news.example/</link>
<item><title>Ports deal signed</title><link>https://news.example/a1</link>
<author>desk@news.example (Ana Lima)</author><pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The ministers signed the ports deal on Tuesday, officials said.&lt;/p&gt;
&lt;p&gt;Caf\u00e9 owners welcomed it.&lt;/p&gt;</description></item>
<item><title>Empty one</title><link>https://news.example/a2</link><description></description></item>
<item><title>Talks resume</title><link>https://news.example/a3</link>
<description>Negotiators resumed talks on Wednesday after a two-week pause.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Times</title>
<entry><title type="html">Summit &lt;em&gt;ends&lt;/em&gt;</title><link href="https://times.example/s1"/>
<id>urn:s1</id><updated>2024-05-02T18:00:00Z</updated><author><name>Ben Okafor</name></author>
<content type="html">&lt;p&gt;The summit ended on Thursday with a joint statement on trade.&lt;/p&gt;</content>
</entry></feed>
"""

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{i + 1} "{("&lol" + (str(i) if i else "") + ";") * 10}">\n' for i in range(9))
          + ']>\n<rss version="2.0"><channel><item><description>&lol9;</description></item></channel></rss>')


def _split(items: list) -> tuple[list[Article], list[IngestError]]:
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)])


# --- feeds -----------------------------------------------------------------------------------------

def test_rss_feed_one_article_per_entry_and_empty_entry_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_bytes(RSS.format(enc="iso-8859-1").encode("latin-1"))
    articles, errors = _split(list(read_inputs([tmp_path / "wire.rss"])))
    assert [a.title for a in articles] == ["Ports deal signed", "Talks resume"]
    first = articles[0]
    assert first.text.startswith("The ministers signed the ports deal on Tuesday")
    assert "Caf\u00e9 owners" in first.text and "<p>" not in first.text
    assert first.url == "https://news.example/a1" and first.outlet == "Example Wire"
    assert first.published == "2024-03-12T09:30" and first.extractor == "feed"
    assert first.author and "Ana Lima" in first.author
    [err] = errors
    assert err.source.endswith("wire.rss#2") and "no text" in err.reason and "Empty one" in err.reason


def test_atom_feed_sniffed_without_suffix(tmp_path: Path) -> None:
    (tmp_path / "latest").write_text(ATOM)
    assert looks_like_feed(ATOM) and not looks_like_feed(PAGE)
    [article] = list(read_inputs([tmp_path / "latest"]))
    assert isinstance(article, Article)
    assert article.title == "Summit ends" and article.author == "Ben Okafor"
    assert article.published == "2024-05-02T18:00" and article.url == "https://times.example/s1"


@pytest.mark.parametrize("name", ["laughs.xml", "laughs.rss", "laughs.txt", "laughs"])
def test_entity_expansion_refused_cheaply(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(LAUGHS)
    start = time.perf_counter()
    [err] = list(read_inputs([tmp_path / name]))
    assert isinstance(err, IngestError) and "entit" in err.reason
    assert time.perf_counter() - start < 1.0


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    [err] = list(read_inputs([tmp_path / "sitemap.xml"]))
    assert isinstance(err, IngestError) and "not an RSS/Atom feed" in err.reason


# --- WARC ------------------------------------------------------------------------------------------

def _warc(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for uri, status, ctype, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            writer.write_record(rec)
        writer.write_record(writer.create_warc_record("https://site.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(path, [
        ("https://site.example/news/1", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://site.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ("https://site.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
        ("https://site.example/latin", "200 OK", "text/html; charset=windows-1252",
         PAGE.replace("deputy", "d\u00e9put\u00e9").encode("cp1252")),
        ("https://site.example/blank", "200 OK", "text/html", b"<html><body><script>x()</script></body></html>"),
    ], gz)
    articles, errors = _split(list(read_inputs([path])))
    assert [a.url for a in articles] == ["https://site.example/news/1", "https://site.example/latin"]
    assert "reopen the border crossing" in articles[0].text
    assert "d\u00e9put\u00e9" in articles[1].text
    [err] = errors
    assert "https://site.example/blank" in err.source and "no readable text" in err.reason


def test_warc_page_over_limit_and_truncated_archive(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://site.example/big", "200 OK", "text/html", PAGE.encode() * 50),
                 ("https://site.example/ok", "200 OK", "text/html", PAGE.encode())], gz=False)
    articles, errors = _split(list(read_inputs([path], max_bytes=len(PAGE.encode()) * 2)))
    assert [a.url for a in articles] == ["https://site.example/ok"]
    assert len(errors) == 1 and "limit" in errors[0].reason
    broken = tmp_path / "broken.warc.gz"
    _warc(broken, [("https://site.example/ok", "200 OK", "text/html", PAGE.encode())], gz=True)
    [whole] = list(read_inputs([broken]))
    assert isinstance(whole, Article)
    data = broken.read_bytes()
    for cut in range(10, len(data), 37):  # never a silently shortened page: the whole page or one error
        broken.write_bytes(data[:cut])
        _check_cut(list(read_inputs([broken])), whole, cut)
    plain = tmp_path / "plain.warc"
    _warc(plain, [("https://site.example/ok", "200 OK", "text/html", PAGE.encode())], gz=False)
    data = plain.read_bytes()
    for cut in range(10, len(data), 53):
        plain.write_bytes(data[:cut])
        _check_cut(list(read_inputs([plain])), whole, cut)


def _check_cut(items: list, whole: Article, cut: int) -> None:
    """A cut archive gives the whole page, or an error, or both (when the cut is after the page)."""
    articles, errors = _split(items)
    assert 1 <= len(items) <= 2 and len(articles) <= 1 and len(errors) <= 1, (cut, items)
    assert all(a.text == whole.text for a in articles), (cut, items)


def test_gz_that_is_not_warc_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "notes.warc.gz").write_bytes(gzip.compress(b"hello there, not an archive"))
    [err] = list(read_inputs([tmp_path / "notes.warc.gz"]))
    assert isinstance(err, IngestError) and "WARC" in err.reason


# --- URLs against a local server ---------------------------------------------------------------------

class _Handler(BaseHTTPRequestHandler):
    agents: list[str] = []
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow.html":
            time.sleep(1.5)
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"nope"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    html = {"Content-Type": "text/html; charset=utf-8"}
    _Handler.routes = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/article.html": (200, html, PAGE.encode()),
        "/private/secret.html": (200, html, PAGE.encode()),
        "/feed": (200, {"Content-Type": "application/rss+xml"}, RSS.format(enc="utf-8").encode()),
        "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG" + bytes(64)),
        "/big.html": (200, html, b"<p>" + b"x" * 200_000 + b"</p>"),
        "/liar.html": (200, {**html, "Content-Length": "999999999"}, b"<p>short</p>"),
        "/slow.html": (200, html, PAGE.encode()),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/to-ftp": (301, {"Location": "ftp://127.0.0.1/x"}, b""),
        "/to-article": (302, {"Location": "/article.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/note.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, BODY.encode()),
    }
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def fetcher() -> Fetcher:
    return Fetcher(timeout=0.8, max_bytes=100_000, proxies={})


def _one(url: str, fetcher: Fetcher) -> Article | IngestError:
    items = list(read_inputs([url], fetcher=fetcher))
    assert len(items) == 1, items
    return items[0]


def test_fetch_article_feed_and_text(server: str, fetcher: Fetcher) -> None:
    page = _one(f"{server}/article.html", fetcher)
    assert isinstance(page, Article) and "reopen the border crossing" in page.text
    assert page.url == f"{server}/article.html"
    moved = _one(f"{server}/to-article", fetcher)
    assert isinstance(moved, Article) and moved.url == f"{server}/article.html"
    note = _one(f"{server}/note.txt", fetcher)
    assert isinstance(note, Article) and note.text.startswith("The two delegations")
    feed = list(read_inputs([f"{server}/feed"], fetcher=fetcher))
    assert [type(i).__name__ for i in feed] == ["Article", "IngestError", "Article"]
    assert _Handler.agents and all(a.startswith("newsprism/") for a in _Handler.agents)


@pytest.mark.parametrize(("path", "needle"), [
    ("/private/secret.html", "robots.txt"),
    ("/logo.png", "content type image/png"),
    ("/big.html", "limit"),
    ("/liar.html", "limit"),
    ("/slow.html", "timed out"),
    ("/to-file", "file:///etc/passwd' is not allowed"),
    ("/to-ftp", "ftp: URL is not allowed"),
    ("/loop", "HTTP 30"),
    ("/missing.html", "HTTP 404"),
])
def test_fetch_refusals_are_one_clear_error(server: str, fetcher: Fetcher, path: str, needle: str) -> None:
    start = time.perf_counter()
    err = _one(server + path, fetcher)
    assert isinstance(err, IngestError) and needle in err.reason, err
    assert err.source == server + path
    assert time.perf_counter() - start < 5


def test_url_list_files(server: str, fetcher: Fetcher, tmp_path: Path) -> None:
    (tmp_path / "batch.urls").write_text(f"# today\n{server}/article.html\n\n{server}/logo.png\nnot-a-url\n")
    (tmp_path / "more.txt").write_text(f"{server}/note.txt\n{server}/private/secret.html\n")
    articles, errors = _split(list(read_inputs([tmp_path], fetcher=fetcher)))
    assert sorted(a.source for a in articles) == [f"{server}/article.html", f"{server}/note.txt"]
    assert sorted(e.source for e in errors) == [f"{server}/logo.png", f"{server}/private/secret.html",
                                                "not-a-url"]
    assert read_url_list(tmp_path / "more.txt") == [f"{server}/note.txt", f"{server}/private/secret.html"]


def test_no_robots_txt_means_allowed_and_unreachable_host_is_an_error(server: str) -> None:
    robots = _Handler.routes.pop("/robots.txt")
    try:
        page = _one(f"{server}/private/secret.html", Fetcher(timeout=0.8, proxies={}))
    finally:
        _Handler.routes["/robots.txt"] = robots
    assert isinstance(page, Article)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = srv.server_address[1]
    srv.server_close()  # nothing listens on this port now
    fetcher = Fetcher(timeout=0.5, proxies={})
    for name in ("a.html", "b.html"):
        err = _one(f"http://127.0.0.1:{port}/{name}", fetcher)
        assert isinstance(err, IngestError)
        assert "cannot fetch the site's robots.txt" in err.reason and "refused" in err.reason.lower()


# --- watch ---------------------------------------------------------------------------------------

def test_watch_directory_ingests_only_new_and_changed_files(tmp_path: Path) -> None:
    from newsprism import api
    from newsprism.ingest.watch import Watcher

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Port deal signed\n\n" + BODY)
    with api.open_store(tmp_path / "w.db") as store:
        watcher = Watcher(inbox, store, settle=0.0)
        first = watcher.poll()
        assert first is not None and first.added == 1
        assert watcher.poll() is None  # nothing new
        (inbox / "b.txt").write_text("Talks resume\n\nNegotiators resumed talks on Wednesday in the capital.")
        (inbox / "bad.txt").write_bytes(b"")
        second = watcher.poll()
        assert second is not None and second.added == 1 and len(second.errors) == 1
        assert store.counts()["articles"] == 2


def test_watch_waits_for_files_still_being_written(tmp_path: Path) -> None:
    from newsprism import api
    from newsprism.ingest.watch import Watcher

    (tmp_path / "fresh.txt").write_text(BODY)
    with api.open_store(":memory:") as store:
        assert Watcher(tmp_path, store, settle=60.0).poll() is None


def test_watch_cli_once_and_clean_stop(tmp_path: Path) -> None:
    from newsprism import api
    from newsprism.ingest import watch as watch_mod
    from newsprism.watch_cli import watch_command

    feed = tmp_path / "wire.rss"
    feed.write_text(RSS.format(enc="utf-8"))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(watch_command, [str(feed), "--db", str(db), "--once"])
    assert result.exit_code == 3, result.output  # one empty entry skipped
    assert "2 added" in result.output
    again = CliRunner().invoke(watch_command, [str(feed), "--db", str(db), "--once"])
    assert "0 added, 2 already stored" in again.output
    missing = CliRunner().invoke(watch_command, [str(tmp_path / "nope"), "--db", str(db), "--once"])
    assert missing.exit_code == 1 and "no such file" in missing.output

    calls = []

    def interrupted(self: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return None

    with api.open_store(db) as store:
        original = watch_mod.Watcher.poll
        watch_mod.Watcher.poll = interrupted  # type: ignore[assignment,method-assign]
        try:
            totals = watch_mod.watch(tmp_path, store, interval=0.01)
        finally:
            watch_mod.Watcher.poll = original  # type: ignore[method-assign]
        assert totals.polls == 1 and len(calls) == 2
        stop = threading.Event()
        stop.set()
        assert watch_mod.watch(tmp_path, store, interval=30, stop=stop).polls == 1


def test_watch_feed_url_skips_entries_already_stored(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import api
    from newsprism.ingest.watch import Watcher

    for var in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    with api.open_store(":memory:") as store:
        watcher = Watcher(f"{server}/feed", store)
        first, second = watcher.poll(), watcher.poll()
        assert first is not None and first.added == 2 and len(first.errors) == 1
        assert second is not None and second.added == 0 and second.unchanged == 2
