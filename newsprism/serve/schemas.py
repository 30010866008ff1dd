"""Pydantic models for what the API accepts and returns (they also document /openapi.json)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``count`` is the total matching, not the page length."""

    data: list[T]
    count: int
    limit: int | None = None
    offset: int | None = None


class EvidenceOut(BaseModel):
    article: str
    start: int
    end: int
    text: str


class ArticleSummaryOut(BaseModel):
    id: str
    source: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    genre: str | None = None
    url: str | None = None
    extractor: str | None = None
    chars: int | None = None
    story: str | None = None


class ArticleOut(ArticleSummaryOut):
    text: str
    stories: list[str] = []


class StoryOut(BaseModel):
    id: str
    title: str
    dates: list[str] = []
    articles: list[str]


class ActorOut(BaseModel):
    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    role: str | None = None
    aliases: list[str] = []
    mentions: int = 0


class QuoteOut(BaseModel):
    id: str
    article: str
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    text: str
    kind: str | None = None
    cue: str | None = None
    date: str | None = None
    speaker: str | None = Field(None, description="actor id, when the speaker is linked")
    speaker_name: str | None = None
    evidence: EvidenceOut


class EventOut(BaseModel):
    id: str
    article: str
    outlet: str | None = None
    type: str
    cameo: str | None = None
    goldstein: float | None = None
    mode: str | None = None
    date: str | None = None
    source: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    target: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    claimed_by: str | None = None
    evidence: list[EvidenceOut]


class TimelineEntryOut(BaseModel):
    date: str
    text: str
    evidence: list[EvidenceOut]
    articles: list[str] = []


class SearchHitOut(BaseModel):
    kind: str = Field(description="'article' or 'quote'")
    article: str
    quote: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    start: int | None = Field(None, description="offset of the first match in the article text")
    end: int | None = None
    snippet: str


class ArticleIn(BaseModel):
    """A new article: plain ``text`` (with optional metadata) or a whole ``html`` page."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, min_length=1)
    html: str | None = Field(None, min_length=1)
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = Field(None, description="ISO 8601 date, e.g. 2024-06-04")
    url: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class IngestOut(BaseModel):
    ids: list[str] = Field(description="ids of the posted articles (new or already stored)")
    added: int
    unchanged: int
    errors: list[str]


class ErrorOut(BaseModel):
    detail: Any


class HealthOut(BaseModel):
    status: str
    counts: dict[str, int]
