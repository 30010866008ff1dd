"""Find which actor a stretch of text refers to, from ``doc._.np_mentions``.

Shared by the quote and event components so both map spans to actors the
same way.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Span


class MentionIndex:
    """Sorted mentions of one doc, searchable by character offsets."""

    def __init__(self, doc: Doc) -> None:
        mentions = sorted(doc._.np_mentions or [], key=lambda m: (m["start"], m["end"]))
        self.mentions: list[dict[str, Any]] = mentions
        self.starts = [m["start"] for m in mentions]
        self.actors: dict[str, dict[str, Any]] = {a["id"]: a for a in (doc._.np_actors or [])}

    def covering(self, start: int, end: int) -> dict[str, Any] | None:
        """The longest mention overlapping [start, end), or None."""
        best: dict[str, Any] | None = None
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and i >= bisect_right(self.starts, start) - 50:
            m = self.mentions[i]
            if m["start"] < end and m["end"] > start:
                if best is None or (m["end"] - m["start"]) > (best["end"] - best["start"]):
                    best = m
            i -= 1
        return best

    def actor_for(self, start: int, end: int) -> dict[str, Any] | None:
        """The actor record whose mention overlaps [start, end), or None."""
        m = self.covering(start, end)
        return self.actors.get(m["actor"]) if m else None

    def actor_for_span(self, span: Span) -> dict[str, Any] | None:
        return self.actor_for(span.start_char, span.end_char)
