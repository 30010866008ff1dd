"""Evidence objects: a span of one article, checked to slice the stored text exactly."""

from __future__ import annotations

from newsprism.records import Span


def evidence(article_id: str, span: Span) -> dict[str, object]:
    return {"article": article_id, "start": span.start, "end": span.end, "text": span.text}


def evidence_at(article_id: str, text: str, start: int, end: int) -> dict[str, object]:
    return {"article": article_id, "start": start, "end": end, "text": text[start:end]}
