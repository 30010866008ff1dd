"""One APIRouter per resource, all mounted under /api."""

from fastapi import APIRouter

from newsprism.serve.routes import actors, articles, events, exports, quotes, search, stories, timeline

api_router = APIRouter(prefix="/api")
for _module in (articles, stories, actors, quotes, events, timeline, search, exports):
    api_router.include_router(_module.router)

__all__ = ["api_router"]
