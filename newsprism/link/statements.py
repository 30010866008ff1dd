"""Align quotes of the same speaker that report one utterance in different articles.

Two quotes are the same statement when the speaker is the same corpus-wide
actor, they come from different articles, and their wording overlaps enough
(rapidfuzz token-set ratio on lower-cased words, or one containing most of the
other). Groups are built by single-link over those pairs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsprism.link.disjoint import DisjointSets

MIN_RATIO = 62.0


@dataclass(frozen=True)
class QuoteRef:
    id: str
    article: str
    speaker: str | None
    text: str


def align_statements(quotes: list[QuoteRef]) -> list[dict[str, object]]:
    by_speaker: dict[str, list[QuoteRef]] = defaultdict(list)
    for q in quotes:
        if q.speaker and len(q.text.split()) >= 3:
            by_speaker[q.speaker].append(q)
    groups: list[dict[str, object]] = []
    for speaker, qs in by_speaker.items():
        sets = DisjointSets(len(qs))
        for i in range(len(qs)):
            for j in range(i + 1, len(qs)):
                if qs[i].article == qs[j].article:
                    continue
                a, b = qs[i].text.lower(), qs[j].text.lower()
                if fuzz.token_set_ratio(a, b) >= MIN_RATIO or fuzz.partial_ratio(a, b) >= 85:
                    sets.union(i, j)
        members: dict[int, list[QuoteRef]] = defaultdict(list)
        for i, q in enumerate(qs):
            members[sets.find(i)].append(q)
        for group in members.values():
            if len({q.article for q in group}) < 2:
                continue
            ids = sorted(q.id for q in group)
            groups.append({
                "id": "st_" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:10],
                "speaker": speaker,
                "quotes": ids,
                "articles": sorted({q.article for q in group}),
            })
    return groups
