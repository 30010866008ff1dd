"""/api/stories: articles grouped by the real-world story they cover, and each story's dossier."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from newsprism.serve.deps import StateDep, StoreDep
from newsprism.serve.routes.common import NOT_FOUND
from newsprism.serve.schemas import Page, StoryOut

router = APIRouter(prefix="/stories", tags=["stories"])


@router.get("", response_model=Page[StoryOut])
def list_stories(store: StoreDep) -> Page[StoryOut]:
    """Every story, largest first."""
    stories = sorted(store.stories(), key=lambda s: (-len(s["articles"]), s["title"]))
    return Page(data=[StoryOut(**s) for s in stories], count=len(stories))


@router.get("/{story_id}", response_model=StoryOut, responses=NOT_FOUND)
def get_story(story_id: str, store: StoreDep) -> StoryOut:
    for s in store.stories():
        if s["id"] == story_id:
            return StoryOut(**s)
    raise HTTPException(404, f"no story {story_id!r}")


@router.get("/{story_id}/dossier", responses=NOT_FOUND)
def story_dossier(story_id: str, state: StateDep) -> dict[str, Any]:
    """The evidence-linked dossier of one story (schema ``newsprism/dossier/v1``), cached until the store changes."""
    if not any(s["id"] == story_id for s in state.reader.stories()):
        raise HTTPException(404, f"no story {story_id!r}")
    return state.dossier(story_id)
