"""Align quotes of the same speaker that report one utterance in different articles.

Two quotes are the same statement when the speaker is the same corpus-wide
actor, they come from different articles, and they say the same thing:
- their sentence embeddings (MiniLM) are close, which catches rewording and
  translation ("we will not discuss it publicly" ~ "we are not going to talk
  about it in public"); short fragments are compared through the sentence
  that carries them;
- or their words overlap enough (rapidfuzz token-set ratio), a cheap check
  that also works when the embedding model is missing.
Groups are built by single-link over those pairs. Each group records, per
quote, the words the other reports carry and this one omits.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from newsprism.link.disjoint import DisjointSets

LOGGER = logging.getLogger(__name__)
MIN_RATIO = 62.0
MIN_COSINE = 0.6
SHORT_WORDS = 4
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class QuoteRef:
    id: str
    article: str
    speaker: str | None
    text: str
    context: str = ""  # the sentence around the quote, for short fragments
    kind: str = "direct"


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=\S)")


def _units(q: QuoteRef) -> list[str]:
    """What to embed: a fragment's sentence, or each sentence of a longer quote."""
    if len(q.text.split()) < SHORT_WORDS:
        return [q.context or q.text]
    parts = [p for p in _SENTENCE.split(q.text) if len(p.split()) >= SHORT_WORDS]
    return parts or [q.text]


def _cosines(qs: list[QuoteRef]) -> list[list[float]] | None:
    """Pairwise similarity of quotes: the best match between their sentence units."""
    units = [_units(q) for q in qs]
    flat = [u for us in units for u in us]
    try:
        from newsprism.embed import get_encoder

        vecs = get_encoder().encode(flat)
    except Exception as exc:  # model missing or broken: fall back to word overlap
        LOGGER.warning("sentence embeddings unavailable (%s); aligning statements by wording only", exc)
        return None
    sims = vecs @ vecs.T
    owner = [i for i, us in enumerate(units) for _ in us]
    out = [[0.0] * len(qs) for _ in qs]
    for a, i in enumerate(owner):
        row = sims[a]
        for b, j in enumerate(owner):
            if row[b] > out[i][j]:
                out[i][j] = float(row[b])
    return out


def _same(a: QuoteRef, b: QuoteRef, cos: float | None) -> bool:
    ta, tb = a.text.lower(), b.text.lower()
    if fuzz.partial_ratio(ta, tb) >= 85:  # one report quotes a fragment of the other
        return True
    short_a, short_b = len(ta.split()) < SHORT_WORDS, len(tb.split()) < SHORT_WORDS
    if short_a and short_b:
        return False  # two different fragments: their shared sentence proves nothing
    if short_a or short_b:
        # a fragment against a full report: compare the fragment's sentence with the report
        return cos is not None and cos >= MIN_COSINE
    if fuzz.token_set_ratio(ta, tb) >= MIN_RATIO:
        return True
    return cos is not None and cos >= MIN_COSINE


def omitted_words(quote: str, others: list[str]) -> list[str]:
    """Content words the other reports carry that this quote leaves out."""
    have = {w.lower() for w in _WORD.findall(quote)}
    seen: list[str] = []
    for other in others:
        for w in _WORD.findall(other):
            lw = w.lower()
            if len(lw) > 3 and lw not in have and lw not in seen:
                seen.append(lw)
    return seen[:20]


def align_statements(quotes: list[QuoteRef]) -> list[dict[str, object]]:
    by_speaker: dict[str, list[QuoteRef]] = defaultdict(list)
    for q in quotes:
        if q.speaker and q.text.strip():
            by_speaker[q.speaker].append(q)
    groups: list[dict[str, object]] = []
    for speaker, qs in by_speaker.items():
        if len({q.article for q in qs}) < 2:
            continue
        cos = _cosines(qs)
        sets = DisjointSets(len(qs))
        for i in range(len(qs)):
            for j in range(i + 1, len(qs)):
                if qs[i].article != qs[j].article and _same(qs[i], qs[j], cos[i][j] if cos else None):
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
                "wordings": [
                    {"quote": q.id, "article": q.article, "kind": q.kind,
                     "omits": omitted_words(q.text, [o.text for o in group if o.article != q.article])}
                    for q in sorted(group, key=lambda q: q.id)
                ],
            })
    return groups
