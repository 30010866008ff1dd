"""One article's annotation as ``../shared/contracts/annotation.schema.json`` (one JSON line)."""

from __future__ import annotations

from typing import Any

from newsprism.records import Annotation, Party, Span

SCHEMA = "newsprism/annotation/v1"


def _span(span: Span | None) -> dict[str, Any] | None:
    return span.as_dict() if span else None


def _party(p: Party | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name": p.name, "kind": p.kind, "country": p.country, "role": p.role, "mention": _span(p.mention)}


def annotation_to_dict(ann: Annotation) -> dict[str, Any]:
    a = ann.article
    actor_names = {act.id: act.name for act in ann.actors}
    return {
        "schema": SCHEMA,
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "outlet": a.outlet,
        "author": a.author,
        "published": a.published,
        "genre": a.genre,
        "url": a.url,
        "text": a.text,
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "label": e.label,
             "actor": actor_names.get(e.actor) if e.actor else None, "country": e.country}
            for e in ann.entities
        ],
        "actors": [
            {"id": act.id, "name": act.name, "kind": act.kind, "country": act.country, "role": act.role,
             "aliases": list(act.aliases), "mentions": [m.as_dict() for m in act.mentions]}
            for act in ann.actors
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker_name": q.speaker_name,
             "speaker": _span(q.speaker), "cue": _span(q.cue), "date": q.date}
            for q in ann.quotes
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
            for t in ann.timexes
        ],
        "events": [
            {"source": _party(e.source), "target": _party(e.target), "type": e.type, "mode": e.mode,
             "cameo": e.cameo, "goldstein": e.goldstein, "date": e.date, "evidence": e.evidence.as_dict(),
             "trigger": _span(e.trigger),
             "claimed_by": actor_names.get(e.claimed_by) if e.claimed_by else None}
            for e in ann.events
        ],
    }
