"""Walk the inputs (files, directories, JSON Lines on stdin) and yield articles.

Each input becomes either an ``Article`` or an ``IngestError`` record: one
bad file never stops the batch. Nothing here imports spaCy.
"""

from __future__ import annotations

import json
import logging
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from newsprism.errors import IngestError as IngestFailure
from newsprism.ingest.feeds import FEED_SUFFIXES, check_xml_safety, looks_like_feed, looks_like_xml, read_feed
from newsprism.ingest.fetch import (
    URL_LIST_SUFFIXES,
    Fetcher,
    is_url,
    looks_like_url_list,
    parse_url_list,
    read_urls,
)
from newsprism.ingest.html import extract_html
from newsprism.ingest.normalize import clean_text, content_id, decode, has_words
from newsprism.ingest.textmeta import extract_text_meta, parse_date
from newsprism.ingest.warc import is_warc, read_warc
from newsprism.records import Article, IngestError

LOGGER = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 20_000_000

Item = Article | IngestError


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_inputs(paths: Iterable[str | Path], stdin: IO[str] | None = None,
                max_bytes: int = MAX_BYTES, *, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """Articles (or error records) from paths; ``-`` reads JSON Lines from stdin.

    A path may also be an http(s) URL (fetched with ``fetcher``, a polite default
    one when not given), an RSS/Atom feed, a WARC archive or a ``.urls`` list.
    """
    for raw in paths:
        if is_url(raw):
            fetcher = fetcher or Fetcher(max_bytes=max_bytes)
            yield from read_urls([str(raw)], fetcher)
            continue
        for path in iter_paths([raw]):
            if str(path) == "-":
                yield from read_jsonl(_bounded_lines(stdin or sys.stdin, max_bytes), "<stdin>")
                continue
            try:
                yield from read_file(path, max_bytes=max_bytes, fetcher=fetcher)
            except IngestFailure as exc:
                LOGGER.warning("skipped %s", exc)
                yield IngestError(source=str(path), reason=str(exc))


def _bounded_lines(stream: IO[str], limit: int) -> Iterator[str]:
    """Lines of a text stream, none longer than ``limit`` characters (a longer one is cut and marked).

    A stream that is not valid text ends with a marker line that ``read_jsonl``
    reports as one error; nothing is ever read whole into memory.
    """
    try:
        while line := stream.readline(limit + 1):
            if len(line) > limit and not line.endswith("\n"):
                while (rest := stream.readline(limit + 1)) and not rest.endswith("\n"):
                    pass
                yield _TOO_LONG
            else:
                yield line
    except (UnicodeDecodeError, ValueError) as exc:
        LOGGER.warning("stdin: %s", exc)
        yield _UNREADABLE


_TOO_LONG = "\x00too-long"
_UNREADABLE = "\x00unreadable"


def read_file(path: Path, max_bytes: int = MAX_BYTES, *, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """One file: plain text, HTML, JSON Lines, a feed, a WARC archive or a URL list."""
    try:
        info = path.stat()
    except OSError as exc:
        raise IngestFailure(f"{path}: cannot read ({exc.strerror})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise IngestFailure(f"{path}: not a regular file (device, pipe or socket); not read")
    try:
        with path.open("rb") as stream:
            head = stream.read(8)
            if is_warc(path, head):
                stream.close()
                yield from read_warc(path, max_bytes=max_bytes)
                return
            if info.st_size > max_bytes:
                raise IngestFailure(f"{path}: {info.st_size} bytes is larger than the {max_bytes}-byte limit")
            data = head + _read_bounded(stream, max_bytes + 1 - len(head))  # even if the file grew
    except OSError as exc:
        raise IngestFailure(f"{path}: cannot read ({exc.strerror})") from exc
    if len(data) > max_bytes:
        raise IngestFailure(f"{path}: larger than the {max_bytes}-byte limit")
    suffix = path.suffix.lower()
    text, _encoding = decode(data, str(path))
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(text.split("\n"), str(path))  # not splitlines(): U+2028 may sit inside a JSON string
    elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and (looks_like_feed(text) or looks_like_xml(text))):
        check_xml_safety(text, str(path))
        if looks_like_feed(text):
            yield from read_feed(data, str(path), text)
        elif _looks_like_html(text):  # XHTML
            yield article_from_html(text, str(path))
        else:
            raise IngestFailure(f"{path}: XML but not an RSS/Atom feed")
    elif suffix in URL_LIST_SUFFIXES or (suffix in TEXT_SUFFIXES and looks_like_url_list(text)):
        yield from read_urls(parse_url_list(text), fetcher or Fetcher(max_bytes=max_bytes))
    elif suffix in HTML_SUFFIXES or _looks_like_html(text):
        yield article_from_html(text, str(path))
    else:
        yield article_from_text(text, str(path))


def _read_bounded(stream: IO[bytes], limit: int, chunk: int = 1 << 20) -> bytes:
    """At most ``limit`` bytes, in chunks (``read(limit)`` would allocate the whole limit up front)."""
    parts: list[bytes] = []
    while limit > 0 and (part := stream.read(min(chunk, limit))):
        parts.append(part)
        limit -= len(part)
    return b"".join(parts)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return (head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
            or (head.startswith("<?xml") and "<html" in head))


def article_from_text(raw: str, source: str, **given: str | None) -> Article:
    """A plain-text article; metadata read from its header lines unless given."""
    text = clean_text(raw)
    if not has_words(text):
        raise IngestFailure(f"{source}: no text (no letters or digits)")
    meta = extract_text_meta(text)
    return Article(
        id=content_id(text),
        source=source,
        text=text,
        title=given.get("title") or meta.title,
        outlet=given.get("outlet") or meta.outlet,
        author=given.get("author") or meta.author,
        published=_iso(given.get("published")) or meta.published,
        url=given.get("url"),
        extractor="text",
    )


def article_from_html(html: str, source: str, url: str | None = None) -> Article:
    result = extract_html(html, source, url=url)
    text = clean_text(result.text)
    if not has_words(text):
        raise IngestFailure(f"{source}: no readable text in the HTML page (no letters or digits)")
    meta = extract_text_meta(text)
    return Article(
        id=content_id(text),
        source=source,
        text=text,
        title=result.title or meta.title,
        outlet=result.outlet or meta.outlet,
        author=result.author or meta.author,
        published=_iso(result.published) or meta.published,
        url=result.url,
        extractor=result.extractor,
    )


def _iso(value: str | None) -> str | None:
    """A given date as ISO 8601 at its own precision (keeps YYYY, YYYY-MM...)."""
    if not value:
        return None
    value = str(value).strip()
    if m := re.match(r"^(\d{4})(-\d{2})?(-\d{2})?(?:[T ](\d{2}:\d{2}))?", value):
        out = m.group(1) + (m.group(2) or "") + (m.group(3) or "")
        if m.group(3) and m.group(4):
            out += "T" + m.group(4)
        return out
    return parse_date(value)


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Item]:
    """JSON Lines ``{id, text, title?, outlet?, author?, published?, url?}``; ``text`` kept exactly."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        if line in (_TOO_LONG, _UNREADABLE):
            why = "line longer than the size limit" if line == _TOO_LONG else "input is not valid UTF-8 text"
            LOGGER.warning("skipped %s: %s", where, why)
            yield IngestError(source=where, reason=f"{where}: {why}")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            LOGGER.warning("skipped %s: not JSON (%s)", where, exc.msg)
            yield IngestError(source=where, reason=f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not has_words(row["text"]):
            LOGGER.warning("skipped %s: no text field", where)
            yield IngestError(source=where, reason=f"{where}: each line needs a non-empty \"text\" string")
            continue
        text: str = row["text"]
        meta = extract_text_meta(text)

        def field(key: str, row: dict = row) -> str | None:
            value = row.get(key)
            return str(value) if value not in (None, "") else None

        yield Article(
            id=field("id") or content_id(text),
            source=field("id") or where,
            text=text,
            title=field("title") or meta.title,
            outlet=field("outlet") or meta.outlet,
            author=field("author") or meta.author,
            published=_iso(field("published")) or meta.published,
            url=field("url"),
            extractor="jsonl",
        )
