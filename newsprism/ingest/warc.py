"""WARC web archives (.warc, .warc.gz): every archived HTML page becomes an article.

The archive is streamed record by record (archives are often gigabytes), so the
size limit applies to each page, not to the file. Only successful ``response``
records (and ``resource`` records) with an HTML payload are read; images,
scripts, redirects and request/metadata records are passed over silently.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from newsprism.errors import IngestError as IngestFailure
from newsprism.records import Article, IngestError

LOGGER = logging.getLogger(__name__)

WARC_NAMES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")

Item = Article | IngestError


def is_warc(path: Path, head: bytes = b"") -> bool:
    """By name (.warc, .warc.gz, .arc[.gz]) or by the ``WARC/`` magic of an uncompressed file."""
    return path.name.lower().endswith(WARC_NAMES) or head.startswith(b"WARC/")


def charset_of(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def decode_payload(data: bytes, source: str, charset: str | None) -> str:
    """Bytes to text: the declared charset first, else the usual sniffing."""
    from newsprism.ingest.normalize import decode

    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            LOGGER.info("%s: declared charset %r does not fit; sniffing", source, charset)
        else:
            if text.strip():
                return text
    return decode(data, source)[0]


def read_warc(path: Path, max_bytes: int) -> Iterator[Item]:
    """Articles from the HTML pages of a WARC file; a broken archive ends with one error record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from newsprism.ingest.sources import article_from_html

    pages = 0
    try:
        with path.open("rb") as stream:
            for n, record in enumerate(ArchiveIterator(stream, arc2warc=True), 1):
                item = _record_item(record, f"{path}#{n}", max_bytes, article_from_html)
                if item is not None:
                    pages += 1
                    yield item
    except OSError as exc:
        raise IngestFailure(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        raise IngestFailure(f"{path}: broken WARC archive after {pages} pages ({exc})") from exc
    except Exception as exc:  # warcio fails in many ways (AttributeError...) on truncated or hostile files
        LOGGER.debug("warcio failure", exc_info=True)
        raise IngestFailure(f"{path}: broken WARC archive after {pages} pages "
                            f"({type(exc).__name__}: {exc})") from exc
    if pages == 0:
        raise IngestFailure(f"{path}: the WARC archive holds no HTML pages")


def _record_item(record, where: str, max_bytes: int, article_from_html) -> Item | None:  # type: ignore[no-untyped-def]
    """One record as an article or error record; None for records that are not pages."""
    uri = record.rec_headers.get_header("WARC-Target-URI")
    source = f"{where} {uri}" if uri else where
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode()
        if not status or not str(status).startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if not content_type or content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    try:
        data = record.content_stream().read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestFailure(f"{source}: page larger than the {max_bytes}-byte limit")
        if getattr(record.raw_stream, "limit", 0):  # bytes the WARC header promised but the file lacks
            raise IngestFailure(f"{source}: record truncated (the archive ends inside it)")
        html = decode_payload(data, source, charset_of(content_type))
        return article_from_html(html, source, url=uri)  # type: ignore[no-any-return]
    except IngestFailure as exc:
        LOGGER.warning("skipped %s", exc)
        return IngestError(source=source, reason=str(exc))
    except (OSError, ValueError, EOFError) as exc:  # corrupt gzip/chunked payload
        LOGGER.warning("skipped %s: unreadable payload (%s)", source, exc)
        return IngestError(source=source, reason=f"{source}: unreadable payload ({exc})")
