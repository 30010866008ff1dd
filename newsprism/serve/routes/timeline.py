"""/api/timeline: dated happenings merged across articles."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from newsprism.serve.deps import StateDep
from newsprism.serve.routes.common import DateStr, Text
from newsprism.serve.schemas import Page, TimelineEntryOut

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=Page[TimelineEntryOut])
def timeline(state: StateDep, story: Text = None, date_from: DateStr = None,
             date_to: DateStr = None) -> Page[TimelineEntryOut]:
    """The timeline of the whole store, or of one ``story``; each entry cites its evidence."""
    if story and not any(s["id"] == story for s in state.reader.stories()):
        raise HTTPException(404, f"no story {story!r}")
    entries = state.dossier(story)["timeline"]
    if date_from:  # compared at the coarser precision: 2024-06 overlaps 2024-06-07
        entries = [t for t in entries if t["date"][: len(date_from)] >= date_from[: len(t["date"])]]
    if date_to:
        entries = [t for t in entries if t["date"][: len(date_to)] <= date_to[: len(t["date"])]]
    return Page(data=[TimelineEntryOut(**t) for t in entries], count=len(entries))
