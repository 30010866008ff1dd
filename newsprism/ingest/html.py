"""HTML page -> main text and metadata, through a cascade of extractors.

Stages, each logged, the first that yields enough text wins:
1. ``trafilatura.bare_extraction(with_metadata=True)``: main text plus title,
   author, site name and date (it runs readability/jusText fallbacks itself);
2. ``trafilatura.html2txt``: every visible text of the page, when stage 1 finds
   too little (short pages, odd templates);
3. ``html_to_text``: a streaming stdlib parser, when lxml gives up (it stops at
   256 levels of nesting, so hostile or broken pages come out empty);
4. a skip: the caller records an ingest error with the reason.
The stage that produced the text is kept on the article (``extractor``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from newsprism.errors import IngestError
from newsprism.ingest.urlmeta import date_from_url, head_meta, is_host_name

LOGGER = logging.getLogger(__name__)
MIN_TEXT_CHARS = 200


@dataclass(frozen=True, slots=True)
class HtmlResult:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    url: str | None
    extractor: str


def extract_html(html: str, source: str, url: str | None = None) -> HtmlResult:
    """Main text and metadata of an HTML page; IngestError when nothing readable is left."""
    import trafilatura

    meta: dict[str, object] = {}
    text = ""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          favor_precision=True)
        if doc is not None:
            meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
            text = str(meta.get("text") or "")
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        LOGGER.warning("%s: trafilatura extraction failed (%s); trying html2txt", source, exc)
    extractor = "trafilatura"
    if len(text) < MIN_TEXT_CHARS:
        try:
            fallback = trafilatura.html2txt(html) or ""
        except Exception as exc:
            LOGGER.warning("%s: html2txt failed (%s)", source, exc)
            fallback = ""
        if len(fallback) > len(text):
            LOGGER.info("%s: main-text extraction found %d chars; using html2txt", source, len(text))
            text, extractor = fallback, "html2txt"
    if not text.strip():
        text, extractor = html_to_text(html), "htmlparser"
        if text:
            LOGGER.info("%s: lxml found no text; using the streaming parser", source)
    if not text.strip():
        raise IngestError(f"{source}: no readable text in the HTML page")

    def _str(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() if value else None

    page_url = _str("url") or url
    head = head_meta(html)
    outlet = _str("sitename")
    if is_host_name(outlet, page_url):  # trafilatura falls back to the host name: not a known site name
        outlet = None
    published = _str("date")
    # meta/JSON-LD keep the clock time htmldate drops; the URL path is the last resort
    if head.get("published") and (not published or head["published"].startswith(published[:10])):
        published = head["published"]
    return HtmlResult(
        text=text,
        title=_str("title") or head.get("title"),
        author=_str("author") or head.get("author"),
        outlet=outlet or head.get("outlet"),
        published=published or date_from_url(page_url),
        url=page_url,
        extractor=extractor,
    )


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                         "table", "article", "section", "blockquote", "header", "footer", "pre", "dd",
                         "dt", "figcaption", "main", "aside", "hr"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextCollector(HTMLParser):
    """Visible text, one paragraph per block element; no tree, so any depth is fine."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        block = _SPACES.sub(" ", "".join(self.current)).strip()
        if block:
            self.blocks.append(block)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page or fragment, paragraphs separated by blank lines.

    Used for feed entry bodies (already the main text, no boilerplate to remove)
    and as the last resort for pages lxml cannot parse.
    """
    collector = _TextCollector()
    try:
        collector.feed(html)
        collector.close()
    except Exception as exc:  # HTMLParser is lenient, but be safe on hostile input
        LOGGER.warning("HTML parser stopped early (%s)", exc)
    collector._flush()
    return "\n\n".join(collector.blocks)
