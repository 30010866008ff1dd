"""RSS and Atom feeds: one article per entry, each bad entry its own error record.

The feed bytes go to feedparser as a stream (a ``str`` would be taken for a URL
or a file name). Entity declarations are refused before parsing: news feeds do
not need them, and they are how "billion laughs" and quadratic-blowup documents
make a parser expand a few kilobytes into gigabytes.
"""

from __future__ import annotations

import io
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

from newsprism.errors import IngestError as IngestFailure
from newsprism.ingest.html import html_to_text
from newsprism.ingest.normalize import clean_text, content_id, has_words
from newsprism.ingest.textmeta import extract_text_meta
from newsprism.records import Article, IngestError

LOGGER = logging.getLogger(__name__)

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf"}
_PROLOG_END = re.compile(r"<[A-Za-z_]")
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b[^>]*>", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")

Item = Article | IngestError


def looks_like_feed(text: str) -> bool:
    """True when the first element is an RSS, Atom or RDF (RSS 1.0) root."""
    start = _PROLOG_END.search(text)  # past the XML declaration, comments and any DOCTYPE, however long
    if start is None:
        return False
    root = _FEED_ROOT.match(text, start.start(), start.start() + 2000)
    if root is None:
        return False
    name = root.group(1).lower()
    return name != "feed" or "atom" in root.group(0).lower() or "xmlns" not in root.group(0)


def looks_like_xml(text: str) -> bool:
    """An XML declaration or a non-HTML DOCTYPE at the top."""
    head = text[:200].lstrip("\ufeff \t\r\n").lower()
    return head.startswith("<?xml") or (head.startswith("<!doctype") and not head.startswith("<!doctype html"))


def check_xml_safety(text: str, source: str) -> None:
    """Refuse documents whose prolog declares entities (entity-expansion attacks)."""
    start = _PROLOG_END.search(text)
    prolog = text[: start.start()] if start else text
    if _ENTITY_DECL.search(prolog):
        raise IngestFailure(f"{source}: XML declares entities in its DOCTYPE; refused as unsafe "
                            "(entity expansion). Remove the <!ENTITY ...> declarations.")


def read_feed(data: bytes, source: str, text: str | None = None) -> Iterator[Item]:
    """Articles from an RSS/Atom document; ``text`` is the decoded document when known (for checks)."""
    import feedparser

    check_xml_safety(text if text is not None else data[:65536].decode("utf-8", "replace"), source)
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=True, sanitize_html=True)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise IngestFailure(f"{source}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        raise IngestFailure(f"{source}: the feed has no entries")
    channel = parsed.get("feed") or {}
    outlet = _plain(channel.get("title"))
    for n, entry in enumerate(entries, 1):
        where = f"{source}#{n}"
        try:
            yield entry_article(entry, where, outlet)
        except IngestFailure as exc:
            LOGGER.warning("skipped %s", exc)
            yield IngestError(source=where, reason=str(exc))


def entry_article(entry: Any, source: str, outlet: str | None = None) -> Article:
    """One feed entry as an article: its longest body (content, else summary) as text."""
    body, html = _entry_body(entry)
    text = clean_text(html_to_text(body) if html else body)
    title = _plain(entry.get("title"))
    link = entry.get("link") or None
    if not has_words(text):
        label = title or link or "untitled"
        raise IngestFailure(f"{source}: feed entry {label!r} has no text (no content or summary)")
    meta = extract_text_meta(text)
    return Article(
        id=content_id(text),
        source=source,
        text=text,
        title=title or meta.title,
        outlet=outlet or meta.outlet,
        author=_plain(entry.get("author")) or meta.author,
        published=_published(entry) or meta.published,
        url=str(link) if link else None,
        extractor="feed",
    )


def _entry_body(entry: Any) -> tuple[str, bool]:
    """(body, is_html): the longest of the entry's content blocks and its summary."""
    candidates: list[tuple[str, bool]] = []
    for block in entry.get("content") or []:
        value = block.get("value") or ""
        candidates.append((value, _is_html(block.get("type"))))
    summary = entry.get("summary") or ""
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, _is_html(detail.get("type", "text/html"))))
    if not candidates:
        return "", False
    return max(candidates, key=lambda c: len(c[0]))


def _is_html(kind: str | None) -> bool:
    return not kind or any(t in kind.lower() for t in _HTML_TYPES)


def _plain(value: object) -> str | None:
    """Feed titles and names may carry markup; keep their text only."""
    if not value:
        return None
    text = " ".join(html_to_text(str(value)).split()) if "<" in str(value) else " ".join(str(value).split())
    return text or None


def _published(entry: Any) -> str | None:
    """ISO 8601 (UTC, to the minute) from the entry's published or updated date."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M", value)
    return None
