"""A short cited briefing: at most ten sentences, each backed by evidence.

Order: the lede of each main story's most central news article, then the
claims the most independent outlets corroborate, statements several outlets
report, key dates backed by several articles, and commitments. Sentences are
either extracted verbatim from an article or templated around extracted words,
and always cite the spans they rest on.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.analyze.evidence import evidence_at
from newsprism.analyze.sentences import sentence_bounds
from newsprism.records import Annotation

MAX_SENTENCES = 10
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|his|her|its|their|this|that|these|those)\b", re.I)
QUOTA = {"lede": 2, "claim": 4, "statement": 2, "key_date": 2, "commitment": 1}


def _lede(ann: Annotation) -> tuple[int, int] | None:
    text = ann.article.text
    for s, e in sentence_bounds(text)[:12]:
        chunk = text[s:e]
        if len(chunk.split()) >= 12 and chunk.strip() != (ann.article.title or "") and not chunk.isupper():
            return s, e
    return None


def _clip(words: str, limit: int = 220) -> str:
    words = " ".join(words.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"


def _sentence(text: str) -> str:
    text = _clip(text, 260).rstrip(" ,;:")
    return text if text.endswith((".", "!", "?", "…", "”", '"')) else text + "."


def summarize(dossier: dict[str, Any], annotations: list[Annotation]) -> list[dict[str, Any]]:
    by_id = {a.article.id: a for a in annotations}
    names = {a["id"]: a["name"] for a in dossier["actors"]}
    quotes = {q["id"]: q for q in dossier["quotes"]}
    picked: dict[str, list[dict[str, Any]]] = {k: [] for k in QUOTA}
    used_text: set[str] = set()

    def add(kind: str, text: str, evidence: list[dict[str, Any]], key: str | None = None, **extra: Any) -> None:
        key = " ".join((key or text).lower().split())[:80]  # the same words never appear twice
        if len(picked[kind]) < QUOTA[kind] and key not in used_text and evidence:
            used_text.add(key)
            picked[kind].append({"text": text, "evidence": evidence, "kind": kind, **extra})

    for story in sorted(dossier["stories"], key=lambda s: -len(s["articles"])):
        members = [by_id[a] for a in story["articles"] if a in by_id]
        news_first = sorted(members, key=lambda a: (a.article.genre != "news", a.article.published or "9999"))
        for ann in news_first:
            span = _lede(ann)
            if span:
                add("lede", _sentence(ann.article.text[span[0]:span[1]]),
                    [evidence_at(ann.article.id, ann.article.text, *span)], story=story["id"])
                break
    # claims that stand on their own first: a sentence opening on a pronoun needs its context
    claims = sorted((c for c in dossier.get("claims", []) if c["status"] == "corroborated"),
                    key=lambda c: (_PRONOUN_START.match(c["text"]) is not None, -len(c["outlets"]),
                                   -len(c["evidence"]), c["text"]))
    for c in claims:
        add("claim", f"{_sentence(c['text'])[:-1]} ({len(c['outlets'])} independent sources).", c["evidence"],
            key=c["text"], status=c["status"])
    for c in dossier.get("claims", []):
        if c["status"] == "contradicted":
            add("claim", f"Outlets disagree: {_sentence(c['text'])}", c["evidence"], status=c["status"])
    for st in sorted(dossier["statements"], key=lambda s: (-len(s["outlets"]), s["id"])):
        reports = [quotes[q] for q in st["quotes"] if q in quotes]
        if not reports:
            continue
        best = max(reports, key=lambda q: (q["kind"] == "direct", len(q["text"])))
        speaker = names.get(st["speaker"], best["speaker_name"] or "A speaker")
        words = _clip(best["text"])
        said = f'{speaker} said: "{words}"' if best["kind"] != "indirect" else f"{speaker} said {words}"
        add("statement", f"{said} (reported by {len(st['outlets'])} outlets).", [q["evidence"] for q in reports])
    # key dates: what several articles date, the most precise and most widely reported first
    for entry in sorted((e for e in dossier["timeline"] if len(e["articles"]) >= 2),
                        key=lambda e: (-len(e["articles"]), -len(e["date"]), e["date"])):
        add("key_date", f"{entry['date']}: {entry['text']}", entry["evidence"], key=entry["text"])
    for c in dossier.get("commitments", []):
        if c.get("kind") not in ("promise", "agree"):
            continue  # announcements and refusals are in the dossier; the briefing keeps firm pledges
        add("commitment", f"{c['actor_name']} committed to {_sentence(c['what'])}", c["evidence"])
    out = [item for kind in QUOTA for item in picked[kind]]
    return out[:MAX_SENTENCES]
