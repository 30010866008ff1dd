"""Security tests for `newsprism serve`: write auth, body limit, SQL injection, path traversal, CSP, XSS.

Most run in-process through ``TestClient(create_app(...))``; the path-traversal
tests send raw request lines to a real uvicorn, because HTTP clients normalise
``..`` out of URLs before they leave.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from newsprism.serve.app import create_app
from tests.reliability.test_load import running_server
from tests.serve.conftest import Served, build_store

TOKEN = "test-token-5f1c"
ARTICLE = ("Port authorities in two coastal states signed a customs accord on Monday, officials said. "
           '"The accord cuts waiting times at the border," the transport minister told reporters.')

SQL_PAYLOADS = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '" OR ""="',
    "'; DROP TABLE articles; --",
    "x'); DELETE FROM quotes; --",
    "1 UNION SELECT name, sql, 1, 1, 1, 1, 1, 1 FROM sqlite_master --",
    "%' OR '%'='",
    "%",
    "_",
    "\\",
    "') OR 1=1; UPDATE articles SET text='pwned'; --",
]
# (path, parameters) for every filter and query parameter of the API and the pages.
FILTERS: list[tuple[str, list[str]]] = [
    ("/api/articles", ["outlet", "story"]),
    ("/api/actors", ["name", "kind"]),
    ("/api/quotes", ["speaker", "outlet", "story", "article", "date"]),
    ("/api/events", ["source", "target", "type", "story", "article", "date_from", "date_to"]),
    ("/api/timeline", ["story", "date_from", "date_to"]),
    ("/api/search", ["q"]),
    ("/search", ["q"]),
]
ID_ROUTES = ["/api/stories/{}", "/api/stories/{}/dossier", "/api/articles/{}", "/api/actors/{}",
             "/stories/{}", "/articles/{}", "/actors/{}"]
XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
]
TRAVERSALS = [
    "/static/../../etc/passwd",
    "/static/../../../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "/static/..%5c..%5c..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/static/....//....//....//....//etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/%2F%2Fetc/passwd",
    "/static/app.js/../../../../../../etc/passwd",
    "/static/../app.py",  # the package source sits one level above static/
    "/static/%2e%2e/app.py",
    "/static/..%2fapp.py",
    "/static/../templates/base.html.j2",
    "/static/%2e%2e/templates/base.html.j2",
    "/static/%00../../etc/passwd",
    "/static/" + "%2e%2e%2f" * 12 + "proc/self/environ",
    "/etc/passwd",
    "/../../etc/passwd",
    "/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
]
LEAKS = [b"root:", b"/bin/", b"def create_app", b"{% block", b"PATH=", b"NEWSPRISM"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Served:
    return build_store(tmp_path_factory.mktemp("security"))


@pytest.fixture
def client(store: Served) -> Iterator[TestClient]:
    with TestClient(create_app(str(store.path), token=TOKEN)) as c:
        yield c


def _snapshot(db: Path) -> dict[str, object]:
    """Every table with its row count, and the schema text: what an injection would change."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        out: dict[str, object] = {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
        out["schema"] = conn.execute("select group_concat(sql, ';') from sqlite_master").fetchone()[0]
        out["texts"] = conn.execute("select group_concat(id || length(text)) from articles").fetchone()[0]
        out["integrity"] = conn.execute("pragma integrity_check").fetchone()[0]
    conn.close()
    return out


def test_security_post_article_needs_the_token(store: Served, tmp_path: Path) -> None:
    db = tmp_path / "write.db"
    shutil.copy(store.path, db)
    body = {"text": ARTICLE, "title": "Customs accord", "outlet": "Coast Courier", "published": "2024-03-04"}
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        before = c.get("/api/articles").json()["count"]
        r = c.post("/api/articles", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        for header in (f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN.upper()}", f"Basic {TOKEN}",
                       f"Token {TOKEN}", "Bearer ", f"Bearer {TOKEN} {TOKEN}", "Bearer ' OR 1=1 --"):
            r = c.post("/api/articles", json=body, headers={"Authorization": header})
            assert r.status_code in (401, 403), (header, r.status_code)
        assert c.get("/api/articles").json()["count"] == before

        r = c.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        assert r.json()["added"] == 1
        (new_id,) = r.json()["ids"]
        assert c.get(f"/api/articles/{new_id}").json()["text"].startswith("Port authorities")
        assert c.get("/api/articles").json()["count"] == before + 1

    # Without a configured token the server is read-only, whatever the client sends.
    with TestClient(create_app(str(db), token=None)) as c:
        for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": "Bearer "}):
            assert c.post("/api/articles", json=body, headers=headers).status_code == 403


def test_security_request_body_over_the_limit_is_refused(store: Served, tmp_path: Path) -> None:
    db = tmp_path / "limit.db"
    shutil.copy(store.path, db)
    before = _snapshot(db)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"text": ARTICLE + " More words." * 500}
    with TestClient(create_app(str(db), token=TOKEN, max_body=4_000)) as c:
        r = c.post("/api/articles", json=big, headers=auth)
        assert r.status_code == 413 and "limit" in r.json()["detail"]
        assert c.post("/api/articles", json=big).status_code == 413  # refused before any auth or parsing

        def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds while streaming too
            yield b'{"text": "'
            for _ in range(100):
                yield b"x" * 100
            yield b'"}'

        r = c.post("/api/articles", content=chunks(), headers=auth | {"Content-Type": "application/json"})
        assert r.status_code == 413
        r = c.post("/api/articles", content=b"{}", headers=auth | {"Content-Length": "nope"})
        assert r.status_code == 400
        assert c.get("/api/stories").status_code == 200  # the server carries on
    assert _snapshot(db) == before


def test_security_sql_injection_in_every_parameter(client: TestClient, store: Served) -> None:
    before = _snapshot(store.path)
    date_params = {"date", "date_from", "date_to"}
    for path, params in FILTERS:
        for param in params:
            for payload in SQL_PAYLOADS:
                r = client.get(path, params={param: payload})
                assert r.status_code in (200, 404, 422), (path, param, payload, r.status_code, r.text[:200])
                if param in date_params:
                    assert r.status_code == 422, (path, param, payload)  # not a date: refused by validation
                elif r.status_code == 200 and path.startswith("/api") and path != "/api/timeline":
                    # Taken as a literal value, matching nothing; never widening the result to "everything".
                    assert r.json()["count"] == 0, (path, param, payload, r.json()["count"])
                elif path == "/search":
                    assert r.status_code == 200 and 'class="hits"' not in r.text, (param, payload)
    for route in ID_ROUTES:
        for payload in SQL_PAYLOADS:
            r = client.get(route.format(quote(payload, safe="")))
            assert r.status_code in (404, 422), (route, payload, r.status_code, r.text[:200])
    wire = store.ids["wire"]
    for payload in SQL_PAYLOADS:
        r = client.get(f"/articles/{wire}", params={"hl": payload})
        assert r.status_code == 200 and "<mark" not in r.text.split("<article", 1)[1]
        assert client.get("/articles", params={"offset": payload}).status_code == 422
    after = _snapshot(store.path)
    assert after == before
    assert after["integrity"] == "ok" and after["articles"] == 4


def _raw_get(base: str, target: str) -> tuple[int, bytes]:
    """GET with the request target sent byte for byte (no client-side normalisation of .. or %2e)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def test_security_path_traversal_returns_404_never_files(store: Served, tmp_path: Path) -> None:
    with running_server(store.path, tmp_path / "server.log") as base:
        status, body = _raw_get(base, "/static/app.js")
        assert status == 200 and b"use strict" in body  # the static route itself works
        # ".." really reaches the server un-normalised: inside static/ it resolves, so this is a fair test.
        status, body = _raw_get(base, "/static/%2e%2e/static/app.js")
        assert status == 200 and b"use strict" in body
        for target in TRAVERSALS:
            status, body = _raw_get(base, target)
            assert status == 404, (target, status, body[:200])
            assert not any(leak in body for leak in LEAKS), (target, body[:300])
    # In-process too (the decoded path, as the ASGI server hands it over).
    with TestClient(create_app(str(store.path))) as c:
        for target in ("/static/%2e%2e/app.py", "/static/..%2f..%2fetc%2fpasswd", "/static/%2fetc%2fpasswd"):
            r = c.get(target)
            assert r.status_code == 404 and not any(leak in r.content for leak in LEAKS), target


def test_security_csp_header_on_html_pages(client: TestClient, store: Served) -> None:
    actor = client.get("/api/actors").json()["data"][0]["id"]
    story = client.get("/api/stories").json()["data"][0]["id"]
    pages = ["/", "/articles", f"/articles/{store.ids['hostile']}", "/actors", f"/actors/{actor}",
             f"/stories/{story}", "/search?q=research", "/docs", "/stories/no-such-story", "/articles?offset=x"]
    for path in pages:
        r = client.get(path, headers={"Accept": "text/html"})
        assert r.headers["content-type"].startswith("text/html"), (path, r.headers["content-type"])
        csp = r.headers.get("content-security-policy", "")
        directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
        assert directives.get("script-src") == ["'self'"], (path, csp)
        assert directives.get("default-src") == ["'self'"] and directives.get("object-src") == ["'none'"]
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["x-frame-options"] == "DENY", path
    for path in ("/static/app.js", "/api/stories", "/api/stories/nope"):
        assert "content-security-policy" in client.get(path).headers, path


def _raw_markup(payload: str, text: str) -> bool:
    """True if the payload's markup reached the page unescaped (a payload with no markup is inert anyway)."""
    return str(escape(payload)) != payload and payload in text


def test_security_xss_in_query_parameters_is_escaped(client: TestClient, store: Served) -> None:
    html = {"Accept": "text/html"}
    for payload in XSS_PAYLOADS:
        escaped = str(escape(payload))
        r = client.get("/search", params={"q": payload}, headers=html)
        assert r.status_code == 200 and not _raw_markup(payload, r.text)
        assert f'value="{escaped}"' in r.text  # echoed in the search box, escaped
        for route in ("/stories/{}", "/articles/{}", "/actors/{}"):
            r = client.get(route.format(quote(payload, safe="")), headers=html)
            assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
            assert not _raw_markup(payload, r.text), (route, payload)
            for bad in ("<script>alert", "<img", "<svg", '<a href="javascript', 'href="javascript'):
                assert bad not in r.text, (route, payload, bad)
        for path, params in [(f"/articles/{store.ids['wire']}", {"hl": payload}), ("/articles", {"offset": payload}),
                             ("/actors", {"offset": payload})]:
            r = client.get(path, params=params, headers=html)
            assert r.status_code in (200, 422) and not _raw_markup(payload, r.text), (path, payload)
            assert 'href="javascript' not in r.text
        # The JSON API may echo input, but only as JSON that browsers will not sniff into HTML.
        r = client.get(f"/api/stories/{quote(payload, safe='')}")
        assert r.status_code == 404 and r.headers["content-type"] == "application/json"
        assert r.headers["x-content-type-options"] == "nosniff"
