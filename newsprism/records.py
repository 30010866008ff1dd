"""Plain records that flow between the stages.

Everything here is a frozen, slotted dataclass holding plain data (str, int,
tuples), never spaCy objects: ``annotate/to_records.py`` is the only bridge
from ``Doc`` to these types. Offsets are character offsets into
``Article.text``; ``Span.text`` is always ``Article.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Genre = Literal["news", "opinion", "analysis"]
ActorKind = Literal["person", "organization", "country", "group", "other"]
QuoteKind = Literal["direct", "partial", "indirect"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one article's text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def as_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Article:
    """One article's stored text and metadata, as ingest found them."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 at the precision the text gives
    genre: Genre | None = None
    url: str | None = None
    extractor: str = "text"  # which ingest stage produced the text


@dataclass(frozen=True, slots=True)
class IngestError:
    """A document that could not be read, with a message saying why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None  # article-local actor id
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as one article names it: all its mentions merged."""

    id: str  # article-local id, e.g. "a3"
    name: str
    kind: ActorKind
    country: str | None
    role: str | None
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker_name: str | None
    speaker_actor: str | None  # article-local actor id
    speaker: Span | None
    cue: Span | None
    sentence: Span | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    anchor: str | None = None  # which reference resolved it: "dct" or "last"


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    kind: ActorKind
    country: str | None
    role: str | None
    actor: str | None  # article-local actor id
    mention: Span | None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    source: Party | None
    target: Party | None
    cameo: str
    goldstein: float
    mode: str | None
    date: str | None
    evidence: Span
    trigger: Span | None = None
    claimed_by: str | None = None  # actor id when the event sits inside a quote


@dataclass(slots=True)
class Annotation:
    """Everything found inside one article alone."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def _span(d: dict | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def _party(d: dict | None) -> Party | None:
    if not d:
        return None
    return Party(name=d["name"], kind=d["kind"], country=d.get("country"), role=d.get("role"),
                 actor=d.get("actor"), mention=_span(d.get("mention")))


def annotation_from_dict(d: dict) -> Annotation:
    """Rebuild an ``Annotation`` from ``dataclasses.asdict`` output (as stored)."""
    return Annotation(
        article=Article(**d["article"]),
        entities=[Entity(**e) for e in d.get("entities", [])],
        actors=[
            Actor(id=a["id"], name=a["name"], kind=a["kind"], country=a.get("country"), role=a.get("role"),
                  aliases=tuple(a.get("aliases", ())),
                  mentions=tuple(Span(**m) for m in a.get("mentions", ())))
            for a in d.get("actors", [])
        ],
        quotes=[
            Quote(**{**q, "speaker": _span(q.get("speaker")), "cue": _span(q.get("cue")),
                     "sentence": _span(q.get("sentence"))})
            for q in d.get("quotes", [])
        ],
        timexes=[Timex(**t) for t in d.get("timexes", [])],
        events=[
            Event(**{**e, "source": _party(e.get("source")), "target": _party(e.get("target")),
                     "evidence": _span(e["evidence"]), "trigger": _span(e.get("trigger"))})
            for e in d.get("events", [])
        ],
    )
