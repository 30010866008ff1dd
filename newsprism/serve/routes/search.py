"""/api/search: substring search over article text and quotes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsprism.serve.deps import StoreDep
from newsprism.serve.routes.common import Limit, Offset
from newsprism.serve.schemas import Page, SearchHitOut
from newsprism.store import queries

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=Page[SearchHitOut])
def search(store: StoreDep, q: Annotated[str, Query(min_length=2, max_length=200)], limit: Limit = 50,
           offset: Offset = 0) -> Page[SearchHitOut]:
    """Articles (title or text) and quotes containing ``q`` (case-insensitive for ASCII letters)."""
    rows, count = queries.search(store, q, limit=limit, offset=offset)
    return Page(data=[SearchHitOut(**r) for r in rows], count=count, limit=limit, offset=offset)
