"""Fetch articles by URL, politely and defensively.

Every request has a timeout (per socket operation and for the whole body), a
size limit (read in chunks, never more than the limit plus one chunk), an
allowed content type, our own User-Agent, and obeys the site's robots.txt.
Redirects are followed only to http(s) URLs (never ``file:`` or ``ftp:``), at
most ``MAX_REDIRECTS`` times. Nothing here runs at import time.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from newsprism.errors import IngestError as IngestFailure
from newsprism.records import Article, IngestError

LOGGER = logging.getLogger(__name__)

USER_AGENT = "newsprism/0.1 (+https://pypi.org/project/newsprism/; news-analysis bot)"
ROBOTS_AGENT = "newsprism"
MAX_REDIRECTS = 5
URL_SCHEMES = ("http", "https")
URL_LIST_SUFFIXES = {".urls"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json"}
TEXT_TYPES = {"text/plain"}
CHUNK = 65536

Item = Article | IngestError


def is_url(value: object) -> bool:
    """An http(s) URL given where a path is expected."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def parse_url_list(text: str) -> list[str]:
    """URLs from a list: one per line, blank lines and ``#`` comments ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def looks_like_url_list(text: str) -> bool:
    """A text file whose every line is an http(s) URL is a URL list, not an article."""
    lines = parse_url_list(text[:200_000])
    return bool(lines) and all(is_url(line) and " " not in line for line in lines)


def read_url_list(path: str | Path) -> list[str]:
    """The URLs of a ``--urls`` file (for the CLI: append them to the paths)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        raise IngestFailure(f"{path}: cannot read the URL list ({exc.strerror})") from exc
    return parse_url_list(text)


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    content_type: str  # media type, lower case, no parameters
    charset: str | None
    data: bytes


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s), and only a few times."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, newurl)).scheme.lower()
        if scheme not in URL_SCHEMES:
            raise urllib.error.HTTPError(req.full_url, code, f"redirect to a {scheme}: URL is not allowed",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


@dataclass
class Fetcher:
    """An HTTP client with limits; caches each site's robots.txt for the run."""

    timeout: float = 15.0  # seconds, per socket operation and for the whole body
    max_bytes: int = 20_000_000
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    proxies: dict[str, str] | None = None  # None: the environment's; {} for none
    _robots: dict[str, urllib.robotparser.RobotFileParser | IngestFailure | None] = field(
        default_factory=dict, repr=False)
    _opener: urllib.request.OpenerDirector | None = field(default=None, repr=False)

    def opener(self) -> urllib.request.OpenerDirector:
        if self._opener is None:
            handlers: list[urllib.request.BaseHandler] = [_SafeRedirects()]
            if self.proxies is not None:
                handlers.append(urllib.request.ProxyHandler(self.proxies))
            self._opener = urllib.request.build_opener(*handlers)
        return self._opener

    def get(self, url: str, accept: Iterable[str] | None = None) -> Response:
        """The body of ``url``; IngestError for any network, status, type or size problem."""
        if urllib.parse.urlsplit(url).scheme.lower() not in URL_SCHEMES:
            raise IngestFailure(f"{url}: only http and https URLs can be fetched")
        if self.respect_robots and not self.allowed(url):
            raise IngestFailure(f"{url}: disallowed by the site's robots.txt for {ROBOTS_AGENT}")
        return self._get(url, set(accept) if accept is not None else HTML_TYPES | FEED_TYPES | TEXT_TYPES)

    def _get(self, url: str, accept: set[str]) -> Response:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,text/plain;q=0.8",
            "Accept-Encoding": "identity",
        })
        deadline = time.monotonic() + self.timeout
        try:
            with self.opener().open(request, timeout=self.timeout) as reply:
                headers: Message = reply.headers
                final = reply.geturl()
                media = (headers.get_content_type() or "").lower()
                if media not in accept:
                    raise IngestFailure(f"{url}: content type {media or 'unknown'} is not an article page "
                                        f"(accepted: {', '.join(sorted(accept))})")
                length = headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise IngestFailure(f"{url}: {length} bytes is larger than the {self.max_bytes}-byte limit")
                body = self._read(reply, url, deadline)
                return Response(final, media, headers.get_content_charset(), body)
        except IngestFailure:
            raise
        except urllib.error.HTTPError as exc:
            raise IngestFailure(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise IngestFailure(f"{url}: cannot fetch ({exc.reason})") from exc
        except TimeoutError as exc:
            raise IngestFailure(f"{url}: timed out after {self.timeout:g} s") from exc
        except (OSError, ValueError) as exc:  # reset connections, bad URLs, broken HTTP
            raise IngestFailure(f"{url}: cannot fetch ({exc})") from exc

    def _read(self, reply, url: str, deadline: float) -> bytes:  # type: ignore[no-untyped-def]
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() > deadline:
                raise IngestFailure(f"{url}: body not received within {self.timeout:g} s")
            chunk = reply.read(CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise IngestFailure(f"{url}: larger than the {self.max_bytes}-byte limit")
            chunks.append(chunk)

    def allowed(self, url: str) -> bool:
        """What the site's robots.txt says for our agent (fetched once per site).

        Raises IngestError when robots.txt cannot be fetched at all (host down,
        timeout): the page would fail the same way, and the reason is clearer.
        """
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if site not in self._robots:
            try:
                self._robots[site] = self._load_robots(site)
            except IngestFailure as exc:
                self._robots[site] = exc
        robots = self._robots[site]
        if isinstance(robots, IngestFailure):
            raise IngestFailure(f"{url}: {robots}")
        return True if robots is None else robots.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        """None (everything allowed) when the site has no robots.txt; 401/403/5xx forbid everything."""
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            reply = self._get(site + "/robots.txt", TEXT_TYPES | {"text/html", "application/octet-stream", ""})
        except IngestFailure as exc:
            cause = exc.__cause__
            if not isinstance(cause, urllib.error.HTTPError):
                raise IngestFailure(f"cannot fetch the site's robots.txt: {exc}") from exc
            if 400 <= cause.code < 500 and cause.code not in (401, 403):
                return None
            LOGGER.warning("%s/robots.txt: %s; not fetching from this site", site, exc)
            parser.disallow_all = True  # type: ignore[attr-defined]
            return parser
        parser.parse(reply.data.decode("utf-8", "replace").splitlines())
        return parser


def read_url(url: str, fetcher: Fetcher) -> Iterator[Item]:
    """The article (or feed entries) at ``url``; raises IngestError when it cannot be fetched."""
    from newsprism.ingest.feeds import looks_like_feed, read_feed
    from newsprism.ingest.sources import article_from_html, article_from_text
    from newsprism.ingest.warc import decode_payload

    reply = fetcher.get(url)
    text = decode_payload(reply.data, url, reply.charset)
    if reply.content_type in FEED_TYPES or looks_like_feed(text):
        yield from read_feed(reply.data, url, text)
    elif reply.content_type in HTML_TYPES:
        yield article_from_html(text, url, url=reply.url)
    else:
        yield article_from_text(text, url, url=reply.url)


def read_urls(urls: Iterable[str], fetcher: Fetcher) -> Iterator[Item]:
    """Each URL's articles; a URL that fails is one error record and the rest go on."""
    for url in urls:
        if not is_url(url):
            yield IngestError(source=url, reason=f"{url}: not an http(s) URL")
            continue
        try:
            yield from read_url(url, fetcher)
        except IngestFailure as exc:
            LOGGER.warning("skipped %s", exc)
            yield IngestError(source=url, reason=str(exc))
