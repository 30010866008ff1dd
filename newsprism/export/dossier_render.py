"""The dossier as Markdown or as a self-contained HTML briefing (Jinja2, autoescaped)."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _env() -> Environment:
    env = Environment(loader=PackageLoader("newsprism", "export/templates"),
                      autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                      trim_blocks=True, lstrip_blocks=True)
    return env


def _context(dossier: dict[str, Any]) -> dict[str, Any]:
    articles = {a["id"]: a for a in dossier["articles"]}
    actors = {a["id"]: a for a in dossier["actors"]}

    def label(article_id: str) -> str:
        a = articles.get(article_id, {})
        if a.get("outlet") or a.get("title"):
            return str(a.get("outlet") or a.get("title"))
        words = str(a.get("text") or "").split()[:6]
        return " ".join(words) + "…" if words else article_id

    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for q in dossier["quotes"]:
        if q["speaker_name"]:
            key = actors[q["speaker"]]["name"] if q["speaker"] in actors else q["speaker_name"]
            by_speaker.setdefault(key, []).append(q)
    ledger = sorted(by_speaker.items(), key=lambda kv: -len(kv[1]))
    return {"d": dossier, "articles": articles, "actors": actors, "label": label, "ledger": ledger}


def render_html(dossier: dict[str, Any]) -> str:
    return _env().get_template("dossier.html.j2").render(**_context(dossier))


def render_markdown(dossier: dict[str, Any]) -> str:
    ctx = _context(dossier)
    label = ctx["label"]
    lines = ["# newsprism dossier", ""]
    lines += ["## Briefing", ""]
    for s in dossier["summary"]:
        cites = ", ".join(sorted({label(e["article"]) for e in s["evidence"]}))
        lines.append(f"- {s['text']} [{cites}]")
    lines += ["", "## Stories", ""]
    for st in dossier["stories"]:
        lines.append(f"- **{st['title']}** ({', '.join(st.get('dates', []))}): "
                     + ", ".join(label(a) for a in st["articles"]))
    lines += ["", "## Articles", "", "| outlet | title | author | published | genre |", "|---|---|---|---|---|"]
    for a in dossier["articles"]:
        lines.append(f"| {a['outlet'] or ''} | {a['title'] or ''} | {a['author'] or ''} | "
                     f"{a['published'] or ''} | {a['genre'] or ''} |")
    lines += ["", "## Timeline", ""]
    for t in dossier["timeline"]:
        lines.append(f"- **{t['date']}** {t['text']} [{', '.join(label(e['article']) for e in t['evidence'])}]")
    lines += ["", "## Who said what", ""]
    for speaker, qs in ctx["ledger"]:
        lines.append(f"### {speaker}")
        for q in qs:
            lines.append(f"- ({q['kind']}, {q['cue'] or 'no cue'}) \"{q['text']}\" [{label(q['article'])}]")
        lines.append("")
    lines += ["## Same statement, several outlets", ""]
    quotes = {q["id"]: q for q in dossier["quotes"]}
    for st in dossier["statements"]:
        who = ctx["actors"].get(st["speaker"], {}).get("name", "?")
        lines.append(f"- **{who}**, {len(st['outlets'])} outlets:")
        for qid in st["quotes"]:
            q = quotes[qid]
            lines.append(f"  - {label(q['article'])}: \"{q['text']}\"")
    lines += ["", "## Events", ""]
    for e in dossier["events"]:
        reported = e.get("articles") or [e["article"]]
        more = f" ({e['mentions']} mentions in {len(reported)} articles)" if e.get("mentions", 1) > 1 else ""
        lines.append(f"- {e['date'] or '?'} {e['type']} ({e['cameo']}): {e['source_name'] or '?'} → "
                     f"{e['target_name'] or '?'} — \"{e['evidence'][0]['text'][:160]}\"{more} "
                     f"[{'; '.join(label(a) for a in reported)}]")
    return "\n".join(lines) + "\n"
