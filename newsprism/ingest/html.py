"""HTML page -> main text and metadata, through a cascade of extractors.

Stages, each logged, the first that yields enough text wins:
1. ``trafilatura.bare_extraction(with_metadata=True)``: main text plus title,
   author, site name and date (it runs readability/jusText fallbacks itself);
2. ``trafilatura.html2txt``: every visible text of the page, when stage 1 finds
   too little (short pages, odd templates);
3. a skip: the caller records an ingest error with the reason.
The stage that produced the text is kept on the article (``extractor``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsprism.errors import IngestError

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
        raise IngestError(f"{source}: no readable text in the HTML page")

    def _str(key: str) -> str | None:
        value = meta.get(key)
        return str(value).strip() if value else None

    return HtmlResult(
        text=text,
        title=_str("title"),
        author=_str("author"),
        outlet=_str("sitename"),
        published=_str("date"),
        url=_str("url") or url,
        extractor=extractor,
    )
