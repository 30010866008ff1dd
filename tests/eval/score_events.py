"""Score ``newsprism_events`` against the gold sentences in ``tests/gold/events.*.jsonl``.

Run: ``python -m tests.eval.score_events`` (or ``python tests/eval/score_events.py``).

Matching, per sentence (type-agnostic, so a wrong type still counts as a found event):

* A gold and a predicted party *agree* when both are empty, when both carry the
  same ISO3 country, or when their names overlap (one contains the other, or
  they share a content word of 3+ letters), case-insensitively.
* A gold/predicted event pair is *compatible* when its source parties or its
  target parties agree (for symmetric gold types CONSULT, COOPERATE and AGREE,
  also with source and target swapped). A gold event with neither a source nor
  a target is compatible with any predicted event.
* Pairs are taken greedily, best first: same type, then number of agreeing
  sides. Unpaired predictions are extra events; unpaired gold events are misses.

Figures: event recall and precision (paired / gold, paired / predicted), type
accuracy on paired events, source and target accuracy on paired events (party
agreement as above), source and target *country* accuracy on paired events
whose gold side has a country, extra events per sentence, events predicted on
no-event sentences, and strict F1 (type, source and target all right).

Gold conventions: a negated act is REJECT; a threatened, planned or possible
hostile act is THREATEN; a promised or planned cooperative act is AGREE; an act
inside "urged X to ..." or "accused X of ..." is not coded; symmetric events
("X and Y met") have the first-named party as source; protesters take the
country they protest in.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
STOP = frozenset({"the", "and", "of", "for", "new", "former", "its", "his", "her", "their", "two", "three"})


def load_rows(path: Path | None = None) -> list[dict[str, Any]]:
    """Every gold row from ``tests/gold/events.*.jsonl`` (or one file)."""
    paths = [path] if path else sorted(GOLD_DIR.glob("events.*.jsonl"))
    rows: list[dict[str, Any]] = []
    for p in paths:
        rows.extend(json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    return rows


def _words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", (name or "").lower()) if w not in STOP}


def party_agrees(g_name: str | None, g_country: str | None, p: dict[str, Any] | None) -> bool:
    """Same country code, or overlapping names; both empty also agree."""
    if p is None:
        return g_name is None and g_country is None
    if g_name is None and g_country is None:
        return False
    if g_country and p.get("country") == g_country:
        return True
    a, b = (g_name or "").lower(), (p.get("name") or "").lower()
    if a and b and (a in b or b in a):
        return True
    return bool(_words(g_name) & _words(p.get("name")))


def _sides(g: dict[str, Any], p: dict[str, Any], swap: bool) -> tuple[bool, bool]:
    src, tgt = (p.get("target"), p.get("source")) if swap else (p.get("source"), p.get("target"))
    return (party_agrees(g.get("source"), g.get("source_country"), src),
            party_agrees(g.get("target"), g.get("target_country"), tgt))


def _pair_score(g: dict[str, Any], p: dict[str, Any]) -> tuple[int, int, bool] | None:
    """(same type, sides agreeing, swapped) when compatible, else None."""
    best: tuple[int, int, bool] | None = None
    for swap in (False, True) if g["type"] in SYMMETRIC else (False,):
        s_ok, t_ok = _sides(g, p, swap)
        empty_gold = g.get("source") is None and g.get("source_country") is None and \
            g.get("target") is None and g.get("target_country") is None
        if not (s_ok or t_ok or empty_gold):
            continue
        cand = (int(g["type"] == p["type"]), int(s_ok) + int(t_ok), swap)
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best


def match_sentence(gold: list[dict[str, Any]], pred: list[dict[str, Any]]
                   ) -> tuple[list[tuple[int, int, bool]], list[int], list[int]]:
    """Greedy best-first pairing: ([(gold i, pred j, swapped)], unpaired gold, unpaired pred)."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = _pair_score(g, p)
            if s is not None:
                cands.append((s[0], s[1], -i, -j, i, j, s[2]))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _t, _n, _a, _b, i, j, swap in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, swap))
    return pairs, [i for i in range(len(gold)) if i not in used_g], [j for j in range(len(pred)) if j not in used_p]


def score(gold_rows: list[dict[str, Any]], predicted_by_id: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Figures for predicted events (``np_events`` dicts) against gold rows, keyed by row id."""
    n_gold = n_pred = n_pair = type_ok = src_ok = tgt_ok = strict = 0
    src_c = src_cn = tgt_c = tgt_cn = 0
    extra = no_event_false = 0
    confusion: Counter[tuple[str, str]] = Counter()
    missed: Counter[str] = Counter()
    for row in gold_rows:
        gold = row["events"]
        pred = predicted_by_id.get(row["id"], [])
        n_gold += len(gold)
        n_pred += len(pred)
        pairs, miss, xtra = match_sentence(gold, pred)
        extra += len(xtra)
        if not gold:
            no_event_false += len(pred)
        for i in miss:
            missed[gold[i]["type"]] += 1
        for i, j, swap in pairs:
            g, p = gold[i], pred[j]
            n_pair += 1
            confusion[(g["type"], p["type"])] += 1
            s_ok, t_ok = _sides(g, p, swap)
            type_ok += g["type"] == p["type"]
            src_ok += s_ok
            tgt_ok += t_ok
            strict += g["type"] == p["type"] and s_ok and t_ok
            ps, pt = (p.get("target"), p.get("source")) if swap else (p.get("source"), p.get("target"))
            if g.get("source_country"):
                src_cn += 1
                src_c += ps is not None and ps.get("country") == g["source_country"]
            if g.get("target_country"):
                tgt_cn += 1
                tgt_c += pt is not None and pt.get("country") == g["target_country"]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 3) if b else 0.0

    p_strict, r_strict = ratio(strict, n_pred), ratio(strict, n_gold)
    return {
        "sentences": len(gold_rows), "gold_events": n_gold, "predicted_events": n_pred, "matched": n_pair,
        "event_recall": ratio(n_pair, n_gold), "event_precision": ratio(n_pair, n_pred),
        "type_accuracy": ratio(type_ok, n_pair),
        "source_accuracy": ratio(src_ok, n_pair), "target_accuracy": ratio(tgt_ok, n_pair),
        "source_country_accuracy": ratio(src_c, src_cn), "target_country_accuracy": ratio(tgt_c, tgt_cn),
        "extra_per_sentence": ratio(extra, len(gold_rows)),
        "false_events_on_no_event_sentences": no_event_false,
        "strict_f1": round(2 * p_strict * r_strict / (p_strict + r_strict), 3) if p_strict + r_strict else 0.0,
        "type_confusions": {f"{g}->{p}": n for (g, p), n in confusion.most_common() if g != p},
        "missed_by_type": dict(missed.most_common()),
    }


def predict(rows: list[dict[str, Any]], nlp: Any) -> dict[str, list[dict[str, Any]]]:
    """Run the pipeline on each sentence with its gold publication date."""
    out = {}
    for row in rows:
        doc = nlp.make_doc(row["text"])
        doc._.np_meta = {"published": row.get("published")}
        doc = nlp(doc)
        out[row["id"]] = doc._.np_events or []
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the figures (and, with -v, each sentence where gold and prediction differ)."""
    argv = sys.argv[1:] if argv is None else argv
    sys.path.insert(0, str(ROOT))
    from newsprism.annotate.pipeline import build_nlp

    rows = load_rows()
    nlp = build_nlp()
    t0 = time.perf_counter()
    pred = predict(rows, nlp)
    elapsed = time.perf_counter() - t0
    figures = score(rows, pred)
    figures["seconds"] = round(elapsed, 2)
    if "-v" in argv:
        for row in rows:
            pairs, miss, xtra = match_sentence(row["events"], pred[row["id"]])
            wrong = [(i, j) for i, j, sw in pairs if row["events"][i]["type"] != pred[row["id"]][j]["type"]
                     or not all(_sides(row["events"][i], pred[row["id"]][j], sw))]
            if miss or xtra or wrong:
                print(f"{row['id']}: {row['text']}")
                for g in row["events"]:
                    print(f"   gold {g['type']} {g['source']}|{g['source_country']} -> {g['target']}|{g['target_country']}")
                for p in pred[row["id"]]:
                    s, t = p["source"] or {}, p["target"] or {}
                    print(f"   pred {p['type']} {s.get('name')}|{s.get('country')} -> {t.get('name')}|{t.get('country')}")
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
