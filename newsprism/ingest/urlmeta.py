"""Article metadata from a page's URL and its HTML head (meta tags, JSON-LD).

- ``date_from_url``: news sites put the publication day in the path
  (``/2017/05/29/``, ``/2017-05-29/``, ``/20170529/``, ``/2017/05/``); read at the
  precision the path gives.
- ``is_host_name``: a "site name" that is only the host ("example-news.com") says
  nothing the URL did not; the outlet stays None rather than a guess from it.
- ``head_meta``: og:site_name, article:published_time, and schema.org
  NewsArticle/Article/BlogPosting ``datePublished``/``author``/``publisher`` from
  JSON-LD, for what the main-text extractor misses or gives only to the day.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from html import unescape
from typing import Any

_URL_DATE = [
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|$|[-_])"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:/|$|[-_.])"),
]
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(?![0-9])")
_HOST = re.compile(r"^(?:https?://)?(?:www\d?\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[:/]|$)", re.I)
_META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([\w:-]{1,40})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_JSONLD = re.compile(r"<script\b[^>]{0,300}?type\s*=\s*[\"']?application/ld\+json[\"']?[^>]{0,300}>", re.I)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
                 "socialmediaposting", "webpage"}
HEAD_LIMIT = 400_000  # meta tags and JSON-LD live in the head; never scan a huge body


def date_from_url(url: str | None) -> str | None:
    """The date in a URL path as ISO 8601 (YYYY-MM-DD, or YYYY-MM for /2017/05/), else None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.I)
    for pattern in _URL_DATE:
        if m := pattern.search(path):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            try:
                datetime(y, mo, d)
            except ValueError:
                continue
            return f"{y:04d}-{mo:02d}-{d:02d}"
    if (m := _URL_MONTH.search(path)) and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return None


def host_of(url: str | None) -> str | None:
    """The host name without "www." ("example-news.com"), else None."""
    m = _HOST.match(url.strip()) if url else None
    return m.group(1).lower() if m else None


def is_host_name(name: str | None, url: str | None = None) -> bool:
    """True when a "site name" is only a host name ("example-news.com", or the URL's host)."""
    if not name:
        return False
    value = name.strip().lower()
    if re.fullmatch(r"(?:www\d?\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+", value):
        return True
    return value == host_of(url)


def iso_datetime(value: str | None) -> str | None:
    """ "2017-05-29T14:05:00+02:00" -> "2017-05-29T14:05" (the clock as printed); a bare day stays a day."""
    m = _ISO.match(value.strip()) if value else None
    if not m:
        return None
    try:
        datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    out = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    if m.group(4) and (m.group(4), m.group(5)) != ("00", "00"):  # midnight stands for "no time given"
        out += f"T{m.group(4)}:{m.group(5)}"
    return out


def head_meta(html: str) -> dict[str, str]:
    """published / outlet / author / title from meta tags and JSON-LD; only keys found."""
    head = html[:HEAD_LIMIT]
    found: dict[str, str] = {}
    tags: dict[str, str] = {}
    for tag in _META_TAG.findall(head):
        attrs = {k.lower(): unescape(a or b or c).strip() for k, a, b, c in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and attrs.get("content") and key not in tags:
            tags[key] = attrs["content"]
    for key in ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                "publish-date", "dc.date.issued"):
        if key in tags and (value := iso_datetime(tags[key])):
            found["published"] = value
            break
    if tags.get("og:site_name"):
        found["outlet"] = tags["og:site_name"]
    for key in ("author", "article:author"):
        if tags.get(key) and not tags[key].startswith("http"):
            found["author"] = tags[key]
            break
    if tags.get("og:title"):
        found["title"] = tags["og:title"]
    for block in _jsonld_blocks(head):
        try:
            data = json.loads(unescape(block.strip()))
        except ValueError:
            continue
        for node in _nodes(data):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds):
                continue
            if "published" not in found and (value := iso_datetime(str(node.get("datePublished") or ""))):
                found["published"] = value
            if "author" not in found and (name := _names(node.get("author"))):
                found["author"] = name
            if "outlet" not in found and (name := _names(node.get("publisher"))):
                found["outlet"] = name
            if "title" not in found and isinstance(node.get("headline"), str):
                found["title"] = node["headline"].strip()
    return found


def _jsonld_blocks(head: str) -> list[str]:
    """The bodies of JSON-LD script elements (str.find for the end tag: linear time on broken pages)."""
    blocks: list[str] = []
    lower = head.lower()
    last_end = 0
    for m in _JSONLD.finditer(head):
        if m.start() < last_end:  # an opener inside the previous block's text
            continue
        end = lower.find("</script", m.end())
        if end < 0:
            break
        blocks.append(head[m.end():end])
        last_end = end
    return blocks


def _nodes(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object, through lists and ``@graph``."""
    if isinstance(data, list):
        return [n for item in data for n in _nodes(item)]
    if isinstance(data, dict):
        return [data, *_nodes(data.get("@graph", []))]
    return []


def _names(value: Any) -> str | None:
    """A person/organization name, or several joined with " and "."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(name.strip())
    return " and ".join(names) if names else None
