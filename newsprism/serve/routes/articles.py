"""/api/articles: list, read, and (with a bearer token) add articles."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException

from newsprism import api
from newsprism.records import Article, IngestError
from newsprism.serve.deps import StateDep, StoreDep, require_token
from newsprism.serve.routes.common import NOT_FOUND, Limit, Offset, Text
from newsprism.serve.schemas import ArticleIn, ArticleOut, ArticleSummaryOut, IngestOut, Page
from newsprism.store import queries

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get("", response_model=Page[ArticleSummaryOut])
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0, outlet: Text = None,
                  story: Text = None) -> Page[ArticleSummaryOut]:
    """Article metadata (no text), newest first."""
    rows, count = queries.list_articles(store, limit=limit, offset=offset, outlet=outlet, story=story)
    return Page(data=[ArticleSummaryOut(**r) for r in rows], count=count, limit=limit, offset=offset)


@router.get("/{article_id}", response_model=ArticleOut, responses=NOT_FOUND)
def get_article(article_id: str, store: StoreDep) -> ArticleOut:
    """One article with its full stored text (the text every evidence offset indexes)."""
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return ArticleOut(id=article.id, source=article.source, title=article.title, outlet=article.outlet,
                      author=article.author, published=article.published, genre=article.genre, url=article.url,
                      extractor=article.extractor, chars=len(article.text), text=article.text,
                      stories=queries.article_stories(store, article.id))


def _parse(body: ArticleIn) -> Article:
    """The article as ingest will see it (for its id), or 422 saying why it cannot be read."""
    if body.html is not None:
        with tempfile.TemporaryDirectory(prefix="newsprism-post-") as tmp:
            page = Path(tmp) / "posted.html"
            page.write_text(body.html, encoding="utf-8")
            items = list(api.read_articles([page]))
    else:
        items = list(api.read_articles(["-"], stdin=io.StringIO(json.dumps({"text": body.text}))))
    if len(items) != 1 or isinstance(items[0], IngestError):
        reason = items[0].reason if items and isinstance(items[0], IngestError) else "no article found"
        raise HTTPException(422, f"cannot read the article: {reason}")
    return items[0]


@router.post("", status_code=201, response_model=IngestOut, dependencies=[Depends(require_token)],
             responses={401: {"description": "missing or wrong bearer token"},
                        413: {"description": "request body too large"}})
def post_article(body: ArticleIn, state: StateDep) -> IngestOut:
    """Add one article: JSON {text, title?, outlet?, author?, published?, url?} or {html}.

    It is annotated and linked before the response (seconds, not milliseconds);
    posting the same text again changes nothing and returns the same id."""
    parsed = _parse(body)
    row = {"id": parsed.id, "text": parsed.text, "title": body.title or parsed.title,
           "outlet": body.outlet or parsed.outlet, "author": body.author or parsed.author,
           "published": body.published or parsed.published, "url": body.url or parsed.url}
    line = json.dumps({k: v for k, v in row.items() if v is not None})
    with state.write_lock:
        report = api.ingest(["-"], state.writer(), stdin=io.StringIO(line))
    if report.errors and not report.added and not report.unchanged:
        raise HTTPException(422, "; ".join(e.reason for e in report.errors))
    return IngestOut(ids=[parsed.id], added=report.added, unchanged=report.unchanged,
                     errors=[e.reason for e in report.errors])
