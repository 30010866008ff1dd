"""A short cited briefing: at most ten sentences, each backed by evidence.

Order: what most outlets report first (the lede of the story's most central
article, statements carried by several outlets), then key dates backed by
several articles. Sentences are either extracted verbatim from an article or
templated around a quote, and always cite the spans they rest on.
"""

from __future__ import annotations

from typing import Any

from newsprism.analyze.evidence import evidence_at
from newsprism.analyze.sentences import sentence_bounds
from newsprism.records import Annotation

MAX_SENTENCES = 10


def _lede(ann: Annotation) -> tuple[int, int] | None:
    text = ann.article.text
    for s, e in sentence_bounds(text)[:12]:
        chunk = text[s:e]
        if len(chunk.split()) >= 12 and chunk.strip() != (ann.article.title or "") and not chunk.isupper():
            return s, e
    return None


def summarize(dossier: dict[str, Any], annotations: list[Annotation]) -> list[dict[str, Any]]:
    by_id = {a.article.id: a for a in annotations}
    names = {a["id"]: a["name"] for a in dossier["actors"]}
    quotes = {q["id"]: q for q in dossier["quotes"]}
    out: list[dict[str, Any]] = []
    stories = sorted(dossier["stories"], key=lambda s: -len(s["articles"]))
    for story in stories[:3]:
        members = [by_id[a] for a in story["articles"] if a in by_id]
        news_first = sorted(members, key=lambda a: (a.article.genre != "news", a.article.published or "9999"))
        for ann in news_first:
            span = _lede(ann)
            if span:
                text = " ".join(ann.article.text[span[0]:span[1]].split())
                out.append({"text": text, "evidence": [evidence_at(ann.article.id, ann.article.text, *span)],
                            "kind": "lede", "story": story["id"]})
                break
    statements = sorted(dossier["statements"], key=lambda s: (-len(s["outlets"]), s["id"]))
    for st in statements:
        if len(out) >= MAX_SENTENCES - 2:
            break
        reports = [quotes[q] for q in st["quotes"] if q in quotes]
        if not reports:
            continue
        best = max(reports, key=lambda q: (q["kind"] == "direct", len(q["text"])))
        speaker = names.get(st["speaker"], best["speaker_name"] or "A speaker")
        words = " ".join(best["text"].split())
        if len(words) > 220:
            words = words[:219].rsplit(" ", 1)[0] + "…"
        n = len(st["outlets"])
        said = f'{speaker} said: "{words}"' if best["kind"] != "indirect" else f"{speaker} said {words}"
        out.append({
            "text": f"{said} (reported by {n} outlets).",
            "evidence": [q["evidence"] for q in reports],
            "kind": "statement",
        })
    for entry in dossier["timeline"]:
        if len(out) >= MAX_SENTENCES:
            break
        if len(entry["articles"]) >= 2:
            out.append({"text": f"{entry['date']}: {entry['text']}", "evidence": entry["evidence"],
                        "kind": "key_date"})
    return out[:MAX_SENTENCES]
