"""The timeline: dated happenings, merged across articles, each with its evidence.

Every DATE/TIME expression with a calendar value (YYYY, YYYY-MM, YYYY-MM-DD,
YYYY-MM-DDThh:mm) yields a candidate: its sentence. Bare date lines (a
byline date, a live-blog time stamp alone on its line) carry no happening and
are dropped, except that a time stamp lends its time to the next sentence.
Candidates with the same value whose sentences say the same thing (fuzzy
token overlap) merge into one entry carrying every article's evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from newsprism.analyze.evidence import evidence_at
from newsprism.analyze.sentences import SentenceIndex, is_caption
from newsprism.records import Annotation

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")
MERGE_RATIO = 55.0
MAX_TEXT = 300


def _header_end(text: str, sents: SentenceIndex) -> int:
    """Where the body starts: the first sentence of 20+ words (dates above it are metadata)."""
    for s, e in sents.bounds:
        if len(text[s:e].split()) >= 20:
            return s
    return 0


def timeline_entries(annotations: list[Annotation]) -> list[dict[str, object]]:
    candidates: dict[str, list[tuple[str, int, int, str, tuple[int, int] | None]]] = defaultdict(list)
    for ann in annotations:
        text = ann.article.text
        sents = SentenceIndex(text)
        body = _header_end(text, sents)
        date_lines = {sents.around(t.start)[0] for t in ann.timexes
                      if len(re.findall(r"[A-Za-z]{2,}", _without(text, sents.around(t.start), t))) < 4}
        for t in ann.timexes:
            if t.type not in ("DATE", "TIME"):
                continue
            value = t.value[:16]
            if not PARTIAL_DATE.match(value):
                continue
            s, e = sents.around(t.start)
            rest = (text[s:t.start] + text[t.end:e]).strip()
            stamp: tuple[int, int] | None = None
            if len(re.findall(r"[A-Za-z]{2,}", rest)) < 4:
                # a bare date line or time stamp: it dates the line that follows it (live blogs,
                # "Key dates" lists), except date lines in the header, which date the article
                if t.start < body and t.type != "TIME":
                    continue
                nxt = _next_sentence(sents, e)
                if nxt is None or nxt[0] in date_lines or len(text[nxt[0]:nxt[1]].split()) < 3:
                    continue  # followed by another date, or by a section heading
                stamp = (t.start, t.end)
                s, e = nxt
            if is_caption(text[s:e]):
                continue  # photo captions repeat the lede with a credit line
            candidates[value].append((ann.article.id, s, e, text, stamp))
    entries: list[dict[str, object]] = []
    for value, items in candidates.items():
        groups: list[list[tuple[str, int, int, str, tuple[int, int] | None]]] = []
        for item in items:
            sentence = item[3][item[1]:item[2]]
            for group in groups:
                first = group[0][3][group[0][1]:group[0][2]]
                if fuzz.token_set_ratio(sentence.lower(), first.lower()) >= MERGE_RATIO:
                    if not any(g[0] == item[0] and g[1] == item[1] for g in group):
                        group.append(item)
                    break
            else:
                groups.append([item])
        for group in groups:
            aid, s, e, text, _stamp = group[0]
            sentence = " ".join(text[s:e].split())
            entries.append({
                "date": value,
                "text": sentence if len(sentence) <= MAX_TEXT else sentence[: MAX_TEXT - 1] + "…",
                "evidence": [ev for g in group for ev in _evidence(g)],
                "articles": sorted({g[0] for g in group}),
            })
    entries.sort(key=lambda x: (str(x["date"]), -len(x["articles"])))  # type: ignore[arg-type]
    return entries


def _next_sentence(sents: SentenceIndex, end: int) -> tuple[int, int] | None:
    for s, e in sents.bounds:
        if s >= end:
            return s, e
    return None


def _evidence(item: tuple[str, int, int, str, tuple[int, int] | None]) -> list[dict[str, object]]:
    aid, s, e, text, stamp = item
    out = [evidence_at(aid, text, *stamp)] if stamp else []
    return [*out, evidence_at(aid, text, s, e)]


def _without(text: str, sentence: tuple[int, int], t: object) -> str:
    s, e = sentence
    start, end = t.start, t.end  # type: ignore[attr-defined]
    return text[s:start] + text[end:e]
