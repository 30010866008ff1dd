"""The one bridge out of spaCy: ``Doc`` extension data -> ``records`` dataclasses."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc

from newsprism.annotate.lookup import MentionIndex
from newsprism.records import Actor, Annotation, Article, Entity, Event, Party, Quote, Span, Timex

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"}


def _span(text: str, pair: Any) -> Span | None:
    if not pair:
        return None
    start, end = int(pair[0]), int(pair[1])
    if not 0 <= start <= end <= len(text):
        return None
    return Span(start, end, text[start:end])


def doc_to_annotation(doc: Doc, article: Article) -> Annotation:
    """Convert one annotated Doc (whose text is ``article.text``) into records."""
    text = article.text
    index = MentionIndex(doc)
    actors = [
        Actor(
            id=a["id"], name=a["name"], kind=a.get("kind", "other"), country=a.get("country"),
            role=a.get("role"), aliases=tuple(a.get("aliases", ())),
            mentions=tuple(s for s in (_span(text, m) for m in a.get("mentions", ())) if s),
        )
        for a in (doc._.np_actors or [])
    ]
    entities = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        actor = index.actor_for(ent.start_char, ent.end_char)
        entities.append(Entity(ent.start_char, ent.end_char, ent.text, ent.label_,
                               actor=actor["id"] if actor else None,
                               country=actor.get("country") if actor else None))
    quotes = []
    for q in doc._.np_quotes or []:
        span = _span(text, (q["start"], q["end"]))
        if span is None or not span.text.strip():
            continue
        quotes.append(Quote(
            start=span.start, end=span.end, text=span.text, kind=q["kind"],
            speaker_name=q.get("speaker_name"), speaker_actor=q.get("speaker_actor"),
            speaker=_span(text, q.get("speaker")), cue=_span(text, q.get("cue")),
            sentence=_span(text, q.get("sentence")), date=q.get("date"),
        ))
    timexes = []
    for t in doc._.np_timexes or []:
        span = _span(text, (t["start"], t["end"]))
        if span is not None:
            timexes.append(Timex(span.start, span.end, span.text, t["type"], t["value"], t.get("anchor")))
    quotes = [_dated(q, timexes) for q in quotes]
    events = []
    for e in doc._.np_events or []:
        evidence = _span(text, e.get("evidence"))
        if evidence is None:
            continue
        events.append(Event(
            type=e["type"], source=_party(text, e.get("source")), target=_party(text, e.get("target")),
            cameo=str(e.get("cameo") or ""), goldstein=float(e.get("goldstein") or 0.0), mode=e.get("mode"),
            date=e.get("date"), evidence=evidence, trigger=_span(text, e.get("trigger")),
            claimed_by=e.get("claimed_by"),
        ))
    return Annotation(article=article, entities=entities, actors=actors, quotes=quotes,
                      timexes=timexes, events=events)


def _party(text: str, p: dict[str, Any] | None) -> Party | None:
    if not p:
        return None
    return Party(name=p.get("name") or "", kind=p.get("kind") or "other", country=p.get("country"),
                 role=p.get("role"), actor=p.get("actor"), mention=_span(text, p.get("mention")))


_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")


def _dated(quote: Quote, timexes: list[Timex]) -> Quote:
    """When the statement was made: a calendar time expression in its sentence but outside the quoted
    words ("said on Monday that ..."; a date inside the quote is what was talked about)."""
    if quote.date or quote.sentence is None:
        return quote
    anchor = quote.cue.start if quote.cue else quote.start
    best: Timex | None = None
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not _CALENDAR.match(t.value):
            continue
        if not (quote.sentence.start <= t.start and t.end <= quote.sentence.end):
            continue
        if quote.start <= t.start < quote.end:
            continue
        if best is None or abs(t.start - anchor) < abs(best.start - anchor):
            best = t
    return replace(quote, date=best.value) if best else quote
