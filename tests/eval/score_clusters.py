"""Metadata accuracy, and B-cubed F1 for stories and statement groups, on the sample corpus gold."""

from __future__ import annotations

from typing import Any

from tests.eval.common import load_gold, run_system


def bcubed(gold: list[set[str]], predicted: list[set[str]]) -> dict[str, float]:
    """B³ precision/recall/F1 over the items that appear in the gold clusters."""
    gold_of = {x: g for g in gold for x in g}
    pred_of = {x: p for p in predicted for x in p}
    items = list(gold_of)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = r = 0.0
    for x in items:
        pc = pred_of.get(x, {x}) & set(gold_of)
        gc = gold_of[x]
        overlap = len(pc & gc)
        p += overlap / len(pc)
        r += overlap / len(gc)
    p, r = p / len(items), r / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def score_metadata(gold: dict[str, dict[str, Any]], predicted: dict[str, dict[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for field in ("title", "outlet", "author", "published", "genre"):
        ok = sum(1 for f, g in gold.items() if f in predicted and _norm(predicted[f].get(field)) == _norm(g.get(field)))
        out[f"{field}_accuracy"] = round(ok / len(gold), 4) if gold else 0.0
    return out


def _norm(value: Any) -> Any:
    return " ".join(str(value).lower().split()) if isinstance(value, str) else value


def score_stories(dossier: dict[str, Any]) -> dict[str, float]:
    gold = load_gold("stories")
    source_of = {a["id"]: a["source"].rsplit("/", 1)[-1] for a in dossier["articles"]}
    predicted = [{source_of[a] for a in s["articles"]} for s in dossier["stories"]]
    return bcubed([set(v) for v in gold.values()], predicted)


def score_statements(dossier: dict[str, Any]) -> dict[str, float]:
    """Quotes are matched to gold snippets by overlap; B³ over the matched gold quotes."""
    gold_groups = load_gold("statements")
    source_of = {a["id"]: a["source"].rsplit("/", 1)[-1] for a in dossier["articles"]}
    quotes = [(source_of[q["article"]], q["text"], q["id"]) for q in dossier["quotes"]]
    group_of_quote = {}
    for st in dossier["statements"]:
        for qid in st["quotes"]:
            group_of_quote[qid] = st["id"]
    gold: list[set[str]] = []
    pred: dict[str, set[str]] = {}
    for gi, group in enumerate(gold_groups):
        members = set()
        for n, ref in enumerate(group):
            key = f"g{gi}.{n}"
            members.add(key)
            match = _match_quote(quotes, ref["article"], ref["text"])
            pred.setdefault(group_of_quote.get(match, key) if match else key, set()).add(key)
        gold.append(members)
    return bcubed(gold, list(pred.values()))


def _match_quote(quotes: list[tuple[str, str, str]], article: str, snippet: str) -> str | None:
    want = set(snippet.lower().split())
    best, best_score = None, 0.3
    for src, text, qid in quotes:
        if src != article:
            continue
        have = set(text.lower().split())
        score = len(want & have) / max(len(want), len(have), 1)
        if score > best_score:
            best, best_score = qid, score
    return best


def score_claims(dossier: dict[str, Any]) -> dict[str, float]:
    """Status accuracy: each gold claim is matched to the dossier claim sharing most words."""
    gold = load_gold("claims")
    claims = dossier.get("claims", [])
    ok = 0
    for g in gold:
        want = set(g["text"].lower().split())
        best = max(claims, key=lambda c: len(want & set(c["text"].lower().split())), default=None)
        if best is not None and len(want & set(best["text"].lower().split())) >= max(2, len(want) // 3):
            ok += best["status"] == g["status"]
    return {"claim_status_accuracy": round(ok / len(gold), 4) if gold else 0.0}


def main() -> None:
    import json

    by_file, dossier = run_system()
    meta_pred = {a["source"]: a for a in dossier["articles"]}
    _, dossier_own = run_system(gold_published=False)
    own = {a["source"]: a for a in dossier_own["articles"]}
    print(json.dumps({
        "metadata": score_metadata(load_gold("metadata"), own),
        "stories": score_stories(dossier),
        "statements": score_statements(dossier),
        "claims": score_claims(dossier),
        "_articles": len(meta_pred),
        "_files": len(by_file),
    }, indent=2))


if __name__ == "__main__":
    main()
