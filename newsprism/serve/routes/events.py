"""/api/events: who did what to whom, when (PLOVER event types)."""

from __future__ import annotations

from fastapi import APIRouter

from newsprism.serve.deps import StoreDep
from newsprism.serve.routes.common import DateStr, Limit, Offset, Text
from newsprism.serve.schemas import EventOut, Page
from newsprism.store import queries

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=Page[EventOut])
def list_events(store: StoreDep, limit: Limit = 50, offset: Offset = 0, source: Text = None,
                target: Text = None, type: Text = None, date_from: DateStr = None, date_to: DateStr = None,
                story: Text = None, article: Text = None) -> Page[EventOut]:
    """Events by date. ``source``/``target``: actor id, ISO 3166 alpha-3 country code, or part of a name;
    ``type``: a PLOVER type (AGREE, ACCUSE...); the date range keeps events whose date overlaps it."""
    rows, count = queries.list_events(store, limit=limit, offset=offset, source=source, target=target,
                                      type=type, date_from=date_from, date_to=date_to, story=story,
                                      article=article)
    return Page(data=[EventOut(**r) for r in rows], count=count, limit=limit, offset=offset)
