"""Plain data for the web templates: highlight segments, the quote ledger, coverage matrix, dyad chart.

Nothing here builds HTML: the templates do, with autoescaping, so article
text (which is untrusted) is only ever emitted as escaped segments.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

QUOTE, EVENT = "quote", "event"
_PRIORITY = (QUOTE, EVENT)


@dataclass
class Segment:
    text: str
    kind: str | None = None  # the highest-priority span kind covering it (quote, event)
    anchors: list[str] = field(default_factory=list)  # element ids starting here
    title: str | None = None


@dataclass
class Run:
    """A stretch of text either inside a cited highlight (rendered as one <mark>) or outside."""

    marked: bool
    anchors: list[str]
    pieces: list[Segment]


def anchor(start: int, end: int) -> str:
    return f"ev-{start}-{end}"


def cite_url(article_id: str, start: int, end: int) -> str:
    """Where a citation points: the article with the span highlighted and scrolled to."""
    return f"/articles/{quote(article_id, safe='')}?hl={start}-{end}#{anchor(start, end)}"


def parse_highlights(values: list[str], text_len: int, max_spans: int = 20) -> list[tuple[int, int]]:
    """``hl=START-END`` query values, clipped to the text; malformed ones are ignored."""
    out: list[tuple[int, int]] = []
    for v in values[:max_spans]:
        a, _, b = v.partition("-")
        if a.isdigit() and b.isdigit():
            s, e = min(int(a), text_len), min(int(b), text_len)
            if s < e:
                out.append((s, e))
    return out


def segments(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[Segment]:
    """Split ``text`` at every span boundary; each piece knows which span kind covers it.

    ``spans`` are (start, end, kind, title). Overlaps are fine: a piece shows the
    highest-priority kind over it, and each distinct span's anchor id sits on its first piece."""
    n = len(text)
    spans = [(max(0, min(s, n)), max(0, min(e, n)), k, t) for s, e, k, t in spans]
    cuts = {0, n}
    for s, e, _k, _t in spans:
        cuts.update((s, e))
    bounds = sorted(cuts)
    starts: dict[int, list[str]] = defaultdict(list)
    seen: set[str] = set()
    for s, e, _k, _t in sorted(spans, key=lambda sp: (sp[0], _PRIORITY.index(sp[2]))):
        a = anchor(s, e)
        if a not in seen:
            seen.add(a)
            starts[s].append(a)
    out: list[Segment] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        covering = [sp for sp in spans if sp[0] <= lo and hi <= sp[1]]
        kind, title = None, None
        if covering:
            best = min(covering, key=lambda sp: _PRIORITY.index(sp[2]))
            kind, title = best[2], best[3]
        out.append(Segment(text[lo:hi], kind, starts.get(lo, []), title))
    return out


def highlight_runs(text: str, marks: list[tuple[int, int]],
                   spans: list[tuple[int, int, str, str | None]]) -> list[Run]:
    """The article as runs: each cited highlight (overlapping ones merged) is one run, so it renders
    as a single <mark> carrying the citation's anchor; quote and event spans are pieces inside runs."""
    merged: list[list[int]] = []
    for s, e in sorted(marks):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    runs: list[Run] = []
    pos = 0
    for s, e in [*merged, [len(text), len(text)]]:
        if pos < s:
            runs.append(_run(text, pos, s, False, marks, spans))
        if s < e:
            runs.append(_run(text, s, e, True, marks, spans))
        pos = max(pos, e)
    return runs


def _run(text: str, lo: int, hi: int, marked: bool, marks: list[tuple[int, int]],
         spans: list[tuple[int, int, str, str | None]]) -> Run:
    mark_ids = [anchor(s, e) for s, e in sorted(set(marks)) if lo <= s < hi] if marked else []
    inner = [(max(s, lo) - lo, min(e, hi) - lo, k, t) for s, e, k, t in spans if s < hi and e > lo]
    pieces = segments(text[lo:hi], inner)
    # Anchor ids use the spans' real offsets, on the piece where each span starts.
    starting: dict[int, list[str]] = defaultdict(list)
    for s, e, _k, _t in sorted(spans, key=lambda sp: (sp[0], _PRIORITY.index(sp[2]))):
        a = anchor(s, e)
        if lo <= s < hi and a not in mark_ids and a not in starting[s]:
            starting[s].append(a)
    pos = lo
    for piece in pieces:
        piece.anchors = starting.get(pos, [])
        pos += len(piece.text)
    return Run(marked, mark_ids, pieces)


def outlet_label(article: dict[str, Any]) -> str:
    return str(article.get("outlet") or article.get("title") or display_title(article))


def display_title(article: Any) -> str:
    """The title, else the opening words of the text, so untitled articles stay recognisable.

    Takes an article dict (dossier, list rows) or an ``Article`` record.
    """
    def get(key: str) -> Any:
        return article.get(key) if isinstance(article, dict) else getattr(article, key, None)

    if get("title"):
        return str(get("title"))
    words = str(get("text") or "").split()[:8]
    if words:
        return " ".join(words) + "…"
    return str(get("source") or get("id")).rsplit("/", 1)[-1]


def quote_ledger(dossier: dict[str, Any]) -> dict[str, Any]:
    """Speaker × outlet: which outlet quotes whom, and each statement's wordings side by side."""
    articles = {a["id"]: a for a in dossier["articles"]}
    names = {a["id"]: a["name"] for a in dossier["actors"]}
    outlets = sorted({outlet_label(a) for a in dossier["articles"]})
    cells: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    speaker_name: dict[str, str] = {}
    for q in dossier["quotes"]:
        key = q["speaker"] or (q["speaker_name"] and "name:" + q["speaker_name"])
        if not key:
            continue
        speaker_name[key] = names.get(q["speaker"], q["speaker_name"] or "?")
        cells[key][outlet_label(articles[q["article"]])].append(q)
    rows = sorted(cells, key=lambda k: (-sum(len(v) for v in cells[k].values()), speaker_name[k]))
    quotes = {q["id"]: q for q in dossier["quotes"]}
    statements = []
    for st in dossier["statements"]:
        by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for qid in st["quotes"]:
            if qid in quotes:
                by_outlet[outlet_label(articles[quotes[qid]["article"]])].append(quotes[qid])
        statements.append({"speaker": st["speaker"], "name": names.get(st["speaker"], "Unknown speaker"),
                           "outlets": sorted(by_outlet.items())})
    statements.sort(key=lambda s: -len(s["outlets"]))
    return {"outlets": outlets,
            "rows": [{"key": k, "actor": k if not k.startswith("name:") else None, "name": speaker_name[k],
                      "cells": [cells[k].get(o, []) for o in outlets]} for k in rows],
            "statements": statements}


def coverage_matrix(dossier: dict[str, Any]) -> dict[str, Any]:
    """Claims × outlets: which outlets back each claim, and the claim's status."""
    # Claims name their sources as "outlet name, else article id" (the dossier contract).
    labels = {str(a.get("outlet") or a["id"]): outlet_label(a) for a in dossier["articles"]}
    keys = sorted(labels, key=lambda k: labels[k].lower())
    key_of = {a["id"]: str(a.get("outlet") or a["id"]) for a in dossier["articles"]}
    rows = []
    for c in dossier.get("claims", []):
        # "outlets" are the independent sources, which may be a wire agency the articles relay; the
        # outlets whose articles carry the claim back it too, so no row is left without a mark.
        backing = set(c.get("outlets", [])) | {key_of[a] for a in c.get("articles", []) if a in key_of}
        rows.append({"text": c["text"], "status": c["status"], "evidence": c.get("evidence", []),
                     "cells": [k in backing for k in keys]})
    return {"outlets": [labels[k] for k in keys], "rows": rows}


def _party(e: dict[str, Any], side: str, names: dict[str, str]) -> str:
    return names.get(e[side] or "", e.get(f"{side}_name") or e.get(f"{side}_country") or "?")


def dyad_chart(dossier: dict[str, Any], max_dyads: int = 12) -> dict[str, Any] | None:
    """Events per (source → target) pair over time, laid out for an inline SVG.

    One row per pair (the busiest ``max_dyads``), one column per event day
    (plus "undated"); a dot's area is the number of events, its colour the
    mean Goldstein score (red conflict, green cooperation)."""
    names = {a["id"]: a["name"] for a in dossier["actors"]}
    events = [e for e in dossier["events"]  # a dyad needs both sides
              if (e.get("source") or e.get("source_name")) and (e.get("target") or e.get("target_name"))]
    if not events:
        return None
    pairs: Counter[tuple[str, str]] = Counter()
    cells: dict[tuple[tuple[str, str], str], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        pair = (_party(e, "source", names), _party(e, "target", names))
        pairs[pair] += 1
        cells[(pair, (e.get("date") or "")[:10] or "undated")].append(e)
    dyads = [p for p, _ in pairs.most_common(max_dyads)]
    dates = sorted({d for (p, d) in cells if p in dyads and d != "undated"})
    if any(d == "undated" for (p, d) in cells if p in dyads):
        dates.append("undated")
    label_w, col_w, row_h, top = 260, max(34, min(80, 640 // max(1, len(dates)))), 30, 70
    width, height = label_w + col_w * len(dates) + 20, top + row_h * len(dyads) + 10
    biggest = max(len(v) for v in cells.values())
    dots = []
    for (pair, date), evs in cells.items():
        if pair not in dyads:
            continue
        scores = [float(e["goldstein"]) for e in evs if e.get("goldstein") is not None]
        mean = sum(scores) / len(scores) if scores else 0.0
        types = Counter(e["type"] for e in evs)
        dots.append({
            "cx": label_w + col_w * dates.index(date) + col_w // 2,
            "cy": top + row_h * dyads.index(pair) + row_h // 2,
            "r": round(4 + 9 * math.sqrt(len(evs) / biggest), 1),
            "fill": _goldstein_colour(mean),
            "title": f"{pair[0]} → {pair[1]}, {date}: {len(evs)} event(s) "
                     + ", ".join(f"{t}×{n}" for t, n in types.most_common()) + f"; mean Goldstein {mean:+.1f}",
            "href": cite_url(evs[0]["article"], evs[0]["evidence"][0]["start"], evs[0]["evidence"][0]["end"]),
        })
    return {
        "width": width, "height": height, "label_w": label_w, "top": top, "row_h": row_h,
        "rows": [{"y": top + row_h * i + row_h // 2, "label": f"{s} → {t}"} for i, (s, t) in enumerate(dyads)],
        "cols": [{"x": label_w + col_w * i + col_w // 2, "label": d} for i, d in enumerate(dates)],
        "dots": dots,
    }


def _goldstein_colour(score: float) -> str:
    """-10 (red) … 0 (grey) … +10 (green), as a hex colour."""
    t = max(-1.0, min(1.0, score / 10))
    grey, red, green = (150, 150, 150), (200, 40, 40), (40, 150, 70)
    end = green if t > 0 else red
    rgb = [round(g + (c - g) * abs(t)) for g, c in zip(grey, end, strict=True)]
    return "#" + "".join(f"{v:02x}" for v in rgb)
