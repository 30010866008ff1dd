"""The server-rendered web UI: pages, citations that highlight their evidence, and escaping."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from newsprism.serve import create_app

PAGE = {"accept": "text/html,application/xhtml+xml"}  # what a browser sends
CITE = re.compile(r'href="/articles/([^"?#]+)\?hl=(\d+)-(\d+)#ev-(\d+)-(\d+)"')


@pytest.fixture(scope="module")
def client(served):
    with TestClient(create_app(str(served.path))) as c:
        yield c


def _story_of(client, article_id: str) -> str:
    return client.get(f"/api/articles/{article_id}").json()["stories"][0]


def test_index_lists_stories_with_links(client, served):
    r = client.get("/", headers=PAGE)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    story = _story_of(client, served.ids["wire"])
    assert f'href="/stories/{story}"' in r.text
    assert "Chile and Norway agree to expand Antarctic research cooperation" in r.text
    assert "Northwind Wire" in r.text and "Southern Daily" in r.text


def test_story_page_has_cited_briefing_that_highlights_evidence(client, served):
    page = client.get(f"/stories/{_story_of(client, served.ids['wire'])}", headers=PAGE).text
    assert "Briefing" in page
    briefing = page[page.index('id="briefing"'):page.index('id="articles"')]
    cites = CITE.findall(briefing)
    assert cites, "the briefing cites nothing"
    article_id, start, end, a_start, a_end = cites[0]
    assert (start, end) == (a_start, a_end)
    text = client.get(f"/api/articles/{article_id}").json()["text"]
    target = client.get(f"/articles/{article_id}?hl={start}-{end}", headers=PAGE).text
    marked = re.search(rf'<mark id="ev-{start}-{end}">(.*?)</mark>', target, re.S)
    assert marked, "the cited span is not highlighted"
    inner = html.unescape(re.sub(r"<[^>]+>", "", marked.group(1)))  # quote spans may sit inside
    assert inner == text[int(start):int(end)]


def test_story_page_sections(client, served):
    page = client.get(f"/stories/{_story_of(client, served.ids['wire'])}", headers=PAGE).text
    for heading in ("Timeline", "Who said what", "Coverage matrix", "Who did what to whom", "Actors"):
        assert f"<h2>{heading}</h2>" in page
    ledger = page[page.index('id="ledger"'):page.index('id="coverage"')]
    assert ">Northwind Wire</th>" in ledger and ">Southern Daily</th>" in ledger
    assert "Ingrid Solheim" in ledger
    assert "Same statement, different wording" in ledger
    assert 'class="side-by-side"' in ledger  # one statement carried by both outlets
    coverage = page[page.index('id="coverage"'):]
    assert "No claims yet" in coverage or "corroborated" in coverage or "single" in coverage


def test_story_page_draws_dyad_chart_as_inline_svg(client, served):
    page = client.get(f"/stories/{_story_of(client, served.ids['events'])}", headers=PAGE).text
    chart = page[page.index("<svg"):page.index("</svg>")]
    assert "Chile → Argentina" in chart and "Argentina → Chile" in chart
    assert chart.count("<circle") >= 2
    assert "2024-06-07" in chart and "2024-06-08" in chart


def test_article_page_underlines_quotes_without_highlight(client, served):
    page = client.get(f"/articles/{served.ids['wire']}", headers=PAGE).text
    assert '<span class="quote" id="ev-' in page
    assert "<mark" not in page.split('<article class="text">')[1]


def test_actor_page(client):
    actor = client.get("/api/actors", params={"name": "Ingrid Solheim"}).json()["data"][0]
    page = client.get(f"/actors/{actor['id']}", headers=PAGE).text
    assert "<h1>Ingrid Solheim</h1>" in page
    assert "Northwind Wire" in page and "long-term commitment" in page
    assert CITE.search(page)
    chile = client.get("/api/actors", params={"name": "Chile", "kind": "country"}).json()["data"][0]
    events = client.get(f"/actors/{chile['id']}", headers=PAGE).text
    assert "ACCUSE" in events and "REJECT" in events


def test_lists_search_and_docs_pages(client):
    assert "Ingrid Solheim" in client.get("/actors", headers=PAGE).text
    assert "Northwind Wire" in client.get("/articles", headers=PAGE).text
    hits = client.get("/search", params={"q": "research vessels"}, headers=PAGE).text
    assert "research vessels" in hits and CITE.search(hits)
    assert "at least two characters" in client.get("/search", headers=PAGE).text
    assert "/api/articles" in client.get("/docs", headers=PAGE).text


def test_missing_pages_are_404(client):
    r = client.get("/stories/story_nope", headers=PAGE)
    assert r.status_code == 404 and "no story" in r.text and r.headers["content-type"].startswith("text/html")
    assert client.get("/articles/nope", headers=PAGE).status_code == 404
    assert client.get("/actors/nope", headers=PAGE).status_code == 404
    assert client.get("/articles/nope").json() == {"detail": "no article 'nope'"}  # non-browser: JSON


def _assert_inert(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "onerror=alert(1)>" not in page
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.I)
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert all(s == '<script src="/static/app.js" defer>' for s in scripts), scripts


def test_security_hostile_article_renders_escaped(client, served):
    aid = served.ids["hostile"]
    text = client.get(f"/api/articles/{aid}").json()["text"]
    start = text.index("<script>")
    page = client.get(f"/articles/{aid}?hl={start}-{start + 30}", headers=PAGE).text
    _assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;a href=" in page and "javascript:alert(2)" in page  # visible as text
    assert "javascript:alert(3)" in page  # the stored URL is shown as text, never linked


def test_security_hostile_metadata_escaped_on_every_page(client, served):
    story = _story_of(client, served.ids["hostile"])
    for url in ["/", f"/stories/{story}", "/articles", "/search?q=script", "/search?q=%3Cscript%3Ealert(1)",
                "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/actors"]:
        r = client.get(url, headers=PAGE)
        assert r.status_code in (200, 404), url
        _assert_inert(r.text)


def test_security_headers_on_pages(client, served):
    for url in ["/", f"/articles/{served.ids['wire']}", "/static/style.css", "/nope"]:
        r = client.get(url, headers=PAGE)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
        assert "base-uri 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_security_static_files_only_from_package(client):
    assert client.get("/static/app.js").status_code == 200
    for url in ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2f%2e%2e%2fapi.py",
                "/static//etc/passwd", "/static/templates/../../app.py"]:
        r = client.get(url)
        assert r.status_code == 404, url
        assert "create_app" not in r.text


def test_security_garbage_highlight_parameters(client, served):
    aid = served.ids["wire"]
    for hl in ["abc", "5-", "-5", "99999-999999", "10-5", "1-2-3", "<script>"]:
        r = client.get(f"/articles/{aid}", params={"hl": hl}, headers=PAGE)
        assert r.status_code == 200, hl
        _assert_inert(r.text)


def test_highlight_runs_nest_quotes_inside_one_mark():
    from newsprism.serve.views import QUOTE, highlight_runs

    text = "He said they would come back soon, she added."
    quote = (8, 33, QUOTE, "direct quote")  # "they would come back soon"
    runs = highlight_runs(text, [(3, 20), (15, 40)], [quote])
    assert "".join(p.text for r in runs for p in r.pieces) == text
    marked = [r for r in runs if r.marked]
    assert len(marked) == 1 and marked[0].anchors == ["ev-3-20", "ev-15-40"]
    assert "".join(p.text for p in marked[0].pieces) == text[3:40]
    quote_pieces = [p for r in runs for p in r.pieces if p.kind == QUOTE]
    assert "".join(p.text for p in quote_pieces) == text[8:33]
    assert quote_pieces[0].anchors == ["ev-8-33"]  # the quote's real offsets, not the run's
    plain = highlight_runs(text, [], [quote])
    assert [r.marked for r in plain] == [False]


def test_coverage_matrix_marks_each_outlet_backing_a_claim(client, served, monkeypatch):
    story = _story_of(client, served.ids["wire"])
    state = client.app.state.newsprism
    real = state.dossier(story)
    evidence = real["summary"][0]["evidence"]
    claim = {"text": "Norway will fund two research vessels.", "status": "single_source",
             "outlets": ["Southern Daily"], "evidence": evidence}
    monkeypatch.setattr(state, "dossier", lambda story=None: {**real, "claims": [claim]})
    page = client.get(f"/stories/{story}", headers=PAGE).text
    matrix = page[page.index('id="coverage"'):page.index('id="dyads"')]
    assert "No claims yet" not in matrix
    assert "Norway will fund two research vessels." in matrix and "single source" in matrix
    row = matrix[matrix.index("Norway will fund"):]
    row = row[:row.index("</tr>")]
    header = re.findall(r'<th title="([^"]*)"', matrix)
    cells = re.findall(r'<td class="(yes|no)">', row)
    assert dict(zip(header, cells, strict=True))["Southern Daily"] == "yes"
    assert cells.count("yes") == 1
