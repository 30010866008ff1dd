"""/api/quotes: who said what, in which outlet."""

from __future__ import annotations

from fastapi import APIRouter

from newsprism.serve.deps import StoreDep
from newsprism.serve.routes.common import DateStr, Limit, Offset, Text
from newsprism.serve.schemas import Page, QuoteOut
from newsprism.store import queries

router = APIRouter(prefix="/quotes", tags=["quotes"])


@router.get("", response_model=Page[QuoteOut])
def list_quotes(store: StoreDep, limit: Limit = 50, offset: Offset = 0, speaker: Text = None,
                outlet: Text = None, story: Text = None, date: DateStr = None,
                article: Text = None) -> Page[QuoteOut]:
    """Quotes in article order. ``speaker``: an actor id or part of a name; ``outlet``: exact name
    (any case); ``date``: YYYY[-MM[-DD]] prefix of the quote's date, else the article's."""
    rows, count = queries.list_quotes(store, limit=limit, offset=offset, speaker=speaker, outlet=outlet,
                                      story=story, date=date, article=article)
    return Page(data=[QuoteOut(**r) for r in rows], count=count, limit=limit, offset=offset)
