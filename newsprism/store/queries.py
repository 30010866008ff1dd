"""Read queries for the web app and API: filtered, paginated lists over a ``Store``.

Functions (not ``Store`` methods) so the serve layer can grow them without
touching ``db.py``. Every value from a request reaches SQLite as a bound
parameter; only fixed SQL fragments chosen here are ever concatenated.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from newsprism.store.db import Store

ARTICLE_COLUMNS = "a.id, a.source, a.title, a.outlet, a.author, a.published, a.genre, a.url, a.extractor"


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its own % and _ taken literally (ESCAPE '\\')."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _count(store: Store, sql: str, params: list[Any]) -> int:
    return int(store.db.execute(f"select count(*) from ({sql})", params).fetchone()[0])


def data_version(store: Store) -> tuple[int, str, int]:
    """Changes whenever articles are added or the links are rebuilt: the cache key for dossiers."""
    n, latest = store.db.execute("select count(*), coalesce(max(ingested_at), '') from articles").fetchone()
    stories = store.db.execute("select count(*) from story_articles").fetchone()[0]
    return int(n), str(latest), int(stories)


def article_count(store: Store) -> int:
    return int(store.db.execute("select count(*) from articles").fetchone()[0])


def list_articles(store: Store, limit: int = 50, offset: int = 0, outlet: str | None = None,
                  story: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Article metadata (no text) newest first, with the text length and story id."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if story:
        where.append("a.id in (select article_id from story_articles where story_id = ?)")
        params.append(story)
    base = (f"select {ARTICLE_COLUMNS}, length(a.text) as chars, "
            "(select story_id from story_articles s where s.article_id = a.id limit 1) as story "
            f"from articles a where {' and '.join(where)}")
    rows = _rows(store, base + " order by a.published desc, a.id limit ? offset ?", [*params, limit, offset])
    return rows, _count(store, base, params)


def article_stories(store: Store, article_id: str) -> list[str]:
    return [r[0] for r in store.db.execute(
        "select story_id from story_articles where article_id = ? order by story_id", [article_id])]


def list_actors(store: Store, limit: int = 50, offset: int = 0, name: str | None = None,
                kind: str | None = None) -> tuple[list[dict[str, Any]], int]:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if name:
        where.append("(name like ? escape '\\' or aliases like ? escape '\\')")
        params += [_like(name), _like(name)]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    base = f"select id, name, kind, country, role, aliases, mentions from actors where {' and '.join(where)}"
    rows = _rows(store, base + " order by mentions desc, name limit ? offset ?", [*params, limit, offset])
    for r in rows:
        r["aliases"] = json.loads(r["aliases"] or "[]")
    return rows, _count(store, base, params)


def get_actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    rows = _rows(store, "select id, name, kind, country, role, aliases, mentions from actors where id = ?",
                 [actor_id])
    if not rows:
        return None
    rows[0]["aliases"] = json.loads(rows[0]["aliases"] or "[]")
    return rows[0]


def actor_stories(store: Store, actor_id: str) -> list[str]:
    return [r[0] for r in store.db.execute(
        "select distinct s.story_id from actor_links l join story_articles s on s.article_id = l.article_id "
        "where l.actor_id = ? order by s.story_id", [actor_id])]


_QUOTES = """
select q.id, q.article_id as article, a.outlet, a.published, a.title, q.text, q.kind, q.cue, q.date,
       l.actor_id as speaker, coalesce(ac.name, q.speaker_name) as speaker_name, q.start, q.end
from quotes q
join articles a on a.id = q.article_id
left join actor_links l on l.article_id = q.article_id and l.local_actor = q.local_actor
left join actors ac on ac.id = l.actor_id
"""


def list_quotes(store: Store, limit: int = 50, offset: int = 0, speaker: str | None = None,
                outlet: str | None = None, story: str | None = None, date: str | None = None,
                article: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Quotes with their canonical speaker. ``speaker`` is an actor id or part of a name;
    ``date`` a (partial) ISO date matched against the quote's date, else the article's."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if speaker:
        where.append("(l.actor_id = ? or coalesce(ac.name, q.speaker_name) like ? escape '\\')")
        params += [speaker, _like(speaker)]
    if outlet:
        where.append("lower(a.outlet) = lower(?)")
        params.append(outlet)
    if story:
        where.append("q.article_id in (select article_id from story_articles where story_id = ?)")
        params.append(story)
    if date:
        where.append("substr(coalesce(q.date, a.published), 1, length(?)) = ?")
        params += [date, date]
    if article:
        where.append("q.article_id = ?")
        params.append(article)
    base = _QUOTES + " where " + " and ".join(where)
    rows = _rows(store, base + " order by a.published, q.article_id, q.start limit ? offset ?",
                 [*params, limit, offset])
    for r in rows:
        r["evidence"] = {"article": r["article"], "start": r.pop("start"), "end": r.pop("end"), "text": r["text"]}
    return rows, _count(store, base, params)


_EVENTS = """
select e.id, e.article_id as article, a.outlet, e.type, e.cameo, e.goldstein, e.mode, e.date,
       ls.actor_id as source, e.source_name, e.source_country,
       lt.actor_id as target, e.target_name, e.target_country, e.claimed_by, e.start, e.end, e.text
from events e
join articles a on a.id = e.article_id
left join actor_links ls on ls.article_id = e.article_id and ls.local_actor = e.source_actor
left join actor_links lt on lt.article_id = e.article_id and lt.local_actor = e.target_actor
"""


def _party_clause(prefix: str, value: str, params: list[Any]) -> str:
    """Match an actor id, an ISO country code, or part of the party's name."""
    params += [value, value, _like(value)]
    alias = "ls" if prefix == "source" else "lt"
    return (f"({alias}.actor_id = ? or upper(e.{prefix}_country) = upper(?) "
            f"or e.{prefix}_name like ? escape '\\')")


def list_events(store: Store, limit: int = 50, offset: int = 0, source: str | None = None,
                target: str | None = None, type: str | None = None, date_from: str | None = None,
                date_to: str | None = None, story: str | None = None,
                article: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """Events; a date range keeps events whose (partial) date overlaps it, dropping undated ones."""
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if source:
        where.append(_party_clause("source", source, params))
    if target:
        where.append(_party_clause("target", target, params))
    if type:
        where.append("upper(e.type) = upper(?)")
        params.append(type)
    # Compare at the coarser of the two precisions, so 2024-06 overlaps 2024-06-07 and vice versa.
    if date_from:
        where.append("substr(e.date, 1, min(length(e.date), length(?))) >= "
                     "substr(?, 1, min(length(e.date), length(?)))")
        params += [date_from, date_from, date_from]
    if date_to:
        where.append("substr(e.date, 1, min(length(e.date), length(?))) <= "
                     "substr(?, 1, min(length(e.date), length(?)))")
        params += [date_to, date_to, date_to]
    if story:
        where.append("e.article_id in (select article_id from story_articles where story_id = ?)")
        params.append(story)
    if article:
        where.append("e.article_id = ?")
        params.append(article)
    base = _EVENTS + " where " + " and ".join(where)
    rows = _rows(store, base + " order by e.date, e.article_id, e.start limit ? offset ?",
                 [*params, limit, offset])
    for r in rows:
        r["evidence"] = [{"article": r["article"], "start": r.pop("start"), "end": r.pop("end"),
                          "text": r.pop("text")}]
    return rows, _count(store, base, params)


def _snippet(text: str, pos: int, length: int, width: int = 80) -> str:
    start, end = max(0, pos - width), min(len(text), pos + length + width)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def fts_query(q: str) -> str | None:
    """A safe FTS5 query: every word quoted as a phrase token, the last one as a prefix."""
    words = re.findall(r"\w+", q)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


def search(store: Store, q: str, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Full-text search (SQLite FTS5) over article titles and text, and quote text and speakers.

    Words match whole words (the last also as a prefix), accents ignored; a query with no
    word characters falls back to a substring search. Each hit points at the first match
    (character offsets into the article text).
    """
    match = fts_query(q)
    if match is not None and _has_fts(store):
        sql = (
            "select 'article' as kind, a.id as article, null as quote, a.title, a.outlet, a.published, a.text "
            "from articles a where a.rowid in (select rowid from articles_fts where articles_fts match ?) "
            "union all "
            "select 'quote', q.article_id, q.id, a.title, a.outlet, a.published, q.text "
            "from quotes q join articles a on a.id = q.article_id "
            "where q.rowid in (select rowid from quotes_fts where quotes_fts match ?)"
        )
        params: list[Any] = [match, match]
    else:
        pattern = _like(q)
        sql = (
            "select 'article' as kind, a.id as article, null as quote, a.title, a.outlet, a.published, a.text "
            "from articles a where a.text like ? escape '\\' or a.title like ? escape '\\' "
            "union all "
            "select 'quote', q.article_id, q.id, a.title, a.outlet, a.published, q.text "
            "from quotes q join articles a on a.id = q.article_id where q.text like ? escape '\\'"
        )
        params = [pattern, pattern, pattern]
    rows = _rows(store, sql + " order by kind, published desc, article, quote limit ? offset ?",
                 [*params, limit, offset])
    words = re.findall(r"\w+", q.lower())
    for r in rows:
        text = r.pop("text")
        base = 0
        if r["kind"] == "quote":
            qrow = store.db.execute("select start from quotes where id = ?", [r["quote"]]).fetchone()
            base = int(qrow[0]) if qrow else 0
        pos, length = _first_hit(text, q, words)
        r["start"] = r["end"] = None
        if pos >= 0:
            r["start"], r["end"] = base + pos, base + pos + length
        r["snippet"] = _snippet(text, max(pos, 0), length if pos >= 0 else 0)
    return rows, _count(store, sql, params)


def _has_fts(store: Store) -> bool:
    return bool(store.db.execute(
        "select count(*) from sqlite_master where name in ('articles_fts', 'quotes_fts')").fetchone()[0] == 2)


def _fold(text: str) -> str:
    """Lower-case, accents removed, one character for one character (offsets stay valid)."""
    return "".join((unicodedata.normalize("NFKD", ch.lower())[:1] or ch) for ch in text)


def _first_hit(text: str, q: str, words: list[str]) -> tuple[int, int]:
    low = _fold(text)
    words = [_fold(w) for w in words]
    pos = low.find(_fold(q))
    if pos >= 0:
        return pos, len(q)
    for w in words:
        m = re.search(rf"\b{re.escape(w)}", low)
        if m:
            return m.start(), len(w)
    return -1, 0


def outlets(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute(
        "select distinct outlet from articles where outlet is not null order by outlet")]
