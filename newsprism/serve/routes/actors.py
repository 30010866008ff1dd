"""/api/actors: people, organisations and countries, merged across articles."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from newsprism.serve.deps import StoreDep
from newsprism.serve.routes.common import NOT_FOUND, Limit, Offset, Text
from newsprism.serve.schemas import ActorOut, Page
from newsprism.store import queries

router = APIRouter(prefix="/actors", tags=["actors"])


@router.get("", response_model=Page[ActorOut])
def list_actors(store: StoreDep, limit: Limit = 50, offset: Offset = 0, name: Text = None,
                kind: Text = None) -> Page[ActorOut]:
    """Actors, most mentioned first; ``name`` matches part of the name or an alias."""
    rows, count = queries.list_actors(store, limit=limit, offset=offset, name=name, kind=kind)
    return Page(data=[ActorOut(**r) for r in rows], count=count, limit=limit, offset=offset)


@router.get("/{actor_id}", response_model=ActorOut, responses=NOT_FOUND)
def get_actor(actor_id: str, store: StoreDep) -> ActorOut:
    actor = queries.get_actor(store, actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return ActorOut(**actor)
