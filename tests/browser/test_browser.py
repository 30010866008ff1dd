"""The web UI in a real browser (headless Chromium via Playwright) against a real `newsprism serve`.

What a reader does: story list -> story -> click a citation -> the cited words
are highlighted in the article; the quote ledger and coverage matrix render;
and an article written to attack the page (script tags, event-handler
attributes, javascript: links) shows up as plain, inert text.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

import httpx
import pytest

from tests.browser.conftest import ARTIFACTS, CHROMIUM, HOSTILE_TITLE, Site, Tab

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} is absent: run scripts/install_browser.sh (apt-get install chromium)"),
]

STORY_LINK = "table#stories tbody a[href^='/stories/']"


def _json(site: Site, path: str) -> Any:
    r = httpx.get(site.base + path, timeout=60)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.json()


def _stories(site: Site) -> list[dict[str, Any]]:
    return list(_json(site, "/api/stories")["data"])


def _main_story(site: Site) -> dict[str, Any]:
    """The largest story (the example corpus's event), which the list shows first."""
    stories = _stories(site)
    assert stories and site.hostile_id not in stories[0]["articles"]
    return stories[0]


def _cite_target(href: str) -> tuple[str, int, int]:
    """(article id, start, end) from a citation link /articles/ID?hl=S-E#ev-S-E."""
    url = urlparse(href)
    article = unquote(url.path.rsplit("/", 1)[-1])
    start, end = (int(x) for x in parse_qs(url.query)["hl"][0].split("-"))
    assert url.fragment == f"ev-{start}-{end}"
    return article, start, end


def _assert_inert(tab: Tab) -> None:
    """Nothing from article text became markup: no handlers, no scripts but ours, no javascript: links."""
    page = tab.page
    assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0
    assert page.locator("img, iframe, object, embed").count() == 0
    scripts = page.eval_on_selector_all("script", "els => els.map(e => [e.getAttribute('src'), e.textContent])")
    assert scripts == [["/static/app.js", ""]], scripts
    assert page.locator("a[href^='javascript:' i], [src^='javascript:' i]").count() == 0
    assert tab.dialogs == []
    assert tab.csp_violations == []


def test_story_list_opens_a_story_and_screenshot(site: Site, tab: Tab) -> None:
    page = tab.page
    page.goto(site.base + "/")
    assert page.title().startswith("Stories")
    stories = _stories(site)
    links = page.locator(STORY_LINK)
    assert links.count() == len(stories) >= 2
    # The client-side filter (static/app.js) narrows the list as one types.
    page.fill("input[data-filter='stories']", "harbour pact")
    assert page.locator("table#stories tbody tr:visible").count() == 1
    page.fill("input[data-filter='stories']", "")
    assert page.locator("table#stories tbody tr:visible").count() == len(stories)

    main = _main_story(site)
    links.first.click()
    page.wait_for_url(f"**/stories/{main['id']}")
    assert page.locator("h1").inner_text() == main["title"]
    for section in ("briefing", "articles", "timeline", "ledger", "coverage", "dyads", "actors"):
        assert page.locator(f"section#{section} h2").is_visible(), section
    assert page.locator("section#articles tbody tr").count() == len(main["articles"])
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "story.png"
    shot.unlink(missing_ok=True)
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _assert_inert(tab)


def test_briefing_citation_highlights_the_evidence(site: Site, tab: Tab) -> None:
    page = tab.page
    story = _main_story(site)
    dossier = _json(site, f"/api/stories/{story['id']}/dossier")
    evidence = {(e["article"], e["start"], e["end"]): e["text"] for s in dossier["summary"] for e in s["evidence"]}
    assert evidence, "the briefing has no cited sentences"
    page.goto(f"{site.base}/stories/{story['id']}")
    cite = page.locator("#briefing a.cite").first
    href = cite.get_attribute("href")
    assert href
    article, start, end = _cite_target(href)
    cited = evidence[(article, start, end)]
    assert cite.get_attribute("title") == cited or cited.startswith((cite.get_attribute("title") or "")[:200])

    cite.click()
    page.wait_for_url(re.compile(r"/articles/[^?]+\?hl=\d+-\d+#ev-\d+-\d+$"))
    marks = page.locator("article.text mark")
    assert marks.count() == 1
    mark = marks.first
    assert mark.is_visible()
    assert mark.get_attribute("id") == f"ev-{start}-{end}"
    assert mark.text_content() == cited
    # The evidence offsets index the stored text, and app.js scrolls the cited words into view.
    text = _json(site, f"/api/articles/{article}")["text"]
    assert text[start:end] == cited
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    _assert_inert(tab)


def test_quote_ledger_and_coverage_matrix_render(site: Site, tab: Tab) -> None:
    page = tab.page
    story = _main_story(site)
    dossier = _json(site, f"/api/stories/{story['id']}/dossier")
    page.goto(f"{site.base}/stories/{story['id']}")

    ledger = page.locator("#ledger table.ledger")
    assert ledger.is_visible()
    assert page.locator("#ledger table.ledger tbody tr").count() >= 1
    outlets = page.locator("#ledger table.ledger thead th").count() - 1
    assert outlets == len({a.get("outlet") or a.get("title") or a["id"] for a in dossier["articles"]})
    quote_links = page.locator("#ledger table.ledger a.qt")
    attributed = [q for q in dossier["quotes"] if q["speaker"] or q["speaker_name"]]
    assert quote_links.count() == len(attributed) > 0
    # A ledger quote is a citation too: it opens the article with the quote's words marked.
    href = quote_links.first.get_attribute("href")
    assert href
    article, start, end = _cite_target(href)
    quote_links.first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    text = _json(site, f"/api/articles/{article}")["text"]
    assert page.locator("article.text mark").first.text_content() == text[start:end]

    page.goto(f"{site.base}/stories/{story['id']}#coverage")
    assert page.locator("#coverage h2").inner_text() == "Coverage matrix"
    claims = dossier.get("claims", [])
    if claims:
        assert page.locator("#coverage table.coverage tbody tr").count() == len(claims)
        assert page.locator("#coverage table.coverage tbody tr:not(:has(td.yes))").count() == 0  # each row backed
        columns = page.locator("#coverage table.coverage thead th").count() - 2
        assert columns == len({a.get("outlet") or a["id"] for a in dossier["articles"]})
    else:
        assert page.locator("#coverage p.empty").is_visible()
    if any(e.get("source_name") and e.get("target_name") for e in dossier["events"]):
        assert page.locator("#dyads svg.dyads circle").count() >= 1
    _assert_inert(tab)


def test_hostile_article_renders_inert(site: Site, tab: Tab) -> None:
    page = tab.page
    hostile_story = next(s for s in _stories(site) if site.hostile_id in s["articles"])
    article = _json(site, f"/api/articles/{site.hostile_id}")
    start = article["text"].index('"><img')
    end = article["text"].index("</a>") + len("</a>")
    pages = ["/", f"/stories/{hostile_story['id']}", f"/articles/{site.hostile_id}",
             f"/articles/{site.hostile_id}?hl={start}-{end}#ev-{start}-{end}", "/articles",
             "/search?q=onerror", "/actors"]
    for path in pages:
        page.goto(site.base + path)
        page.wait_for_load_state("load")
        _assert_inert(tab)

    # The markup is shown as the words it is, not run.
    page.goto(f"{site.base}/articles/{site.hostile_id}?hl={start}-{end}")
    body = page.locator("article.text").text_content() or ""
    assert "<script>alert(1)</script>" in body
    assert '"><img src=x onerror=alert(1)>' in body
    assert "[link](javascript:alert(1))" in body and '<a href="javascript:alert(1)">' in body
    assert page.locator("article.text mark").text_content() == article["text"][start:end]
    assert page.locator("h1").text_content() == HOSTILE_TITLE
    page.goto(f"{site.base}/stories/{hostile_story['id']}")
    assert page.locator("h1").text_content() == HOSTILE_TITLE
    assert page.title().startswith(HOSTILE_TITLE)
    page.wait_for_timeout(300)  # time for a broken <img> to fire onerror, were there one
    _assert_inert(tab)
