"""Score time expressions the TempEval-3 way against the snippet-based gold (tests/gold/README.md).

Figures: span P/R/F1 strict (same offsets) and relaxed (any overlap, one-to-one), type and value
accuracy over relaxed matches, and value F1 = relaxed F1 x value accuracy (TempEval-3's headline).

Run ``python tests/eval/score_timexes.py [-v]`` from the repository root: it annotates every
sample article named in ``tests/gold/timexes.*.json`` with its gold ``published`` date and prints
the figures (``-v`` lists misses, false alarms and wrong values), plus the speed of the core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.common import load_gold, load_metadata, locate  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold"
SAMPLE_DIR = ROOT / "tests" / "data" / "sample"


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]],
          texts: dict[str, str]) -> dict[str, Any]:
    """Compare gold rows {article, text, occurrence, type, value} with predicted {start, end, type, value}.

    Only articles that have gold rows are scored. Returns figures and, under ``errors``, the
    misses, false alarms and wrong values for inspection.
    """
    gold_spans: dict[str, list[dict[str, Any]]] = {}
    unlocated: list[dict[str, Any]] = []
    for row in gold:
        text = texts.get(row["article"], "")
        span = locate(text, row["text"], int(row.get("occurrence") or 0))
        if span is None:
            unlocated.append(row)
            continue
        gold_spans.setdefault(row["article"], []).append(
            {"start": span[0], "end": span[1], "type": row["type"], "value": row["value"], "text": row["text"]})

    n_gold = sum(len(v) for v in gold_spans.values()) + len(unlocated)
    n_pred = strict = relaxed = type_ok = value_ok = 0
    errors: dict[str, list[Any]] = {"missed": [], "spurious": [], "wrong_value": [], "wrong_type": [],
                                    "unlocated": unlocated}
    for article in sorted({r["article"] for r in gold}):
        text = texts.get(article, "")
        golds = gold_spans.get(article, [])
        preds = predicted.get(article, [])
        n_pred += len(preds)
        used: set[int] = set()
        for g in golds:
            exact = next((i for i, p in enumerate(preds)
                          if i not in used and p["start"] == g["start"] and p["end"] == g["end"]), None)
            overlap = exact if exact is not None else next(
                (i for i, p in enumerate(preds) if i not in used and p["start"] < g["end"] and g["start"] < p["end"]),
                None)
            if overlap is None:
                errors["missed"].append((article, g["text"], g["type"], g["value"]))
                continue
            used.add(overlap)
            p = preds[overlap]
            relaxed += 1
            strict += exact is not None
            if p["type"] == g["type"]:
                type_ok += 1
            else:
                errors["wrong_type"].append((article, g["text"], g["type"], p["type"]))
            if p["value"] == g["value"]:
                value_ok += 1
            else:
                errors["wrong_value"].append((article, g["text"], text[p["start"]:p["end"]], g["value"], p["value"]))
        for i, p in enumerate(preds):
            if i not in used:
                errors["spurious"].append((article, text[p["start"]:p["end"]], p["type"], p["value"]))

    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    type_acc = type_ok / relaxed if relaxed else 0.0
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "gold": n_gold, "predicted": n_pred,
        "strict": {"p": sp, "r": sr, "f1": sf},
        "relaxed": {"p": rp, "r": rr, "f1": rf},
        "type_accuracy": type_acc, "value_accuracy": value_acc,
        "type_f1": rf * type_acc, "value_f1": rf * value_acc,
        "errors": errors,
    }


def speed(find: Any, repeat: int = 3) -> float:
    """Characters per second of ``find`` on the concatenated sample corpus (at least 200k chars)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))] or ["On Monday, May 29, 2017."]
    long_text = "\n\n".join(texts)
    while len(long_text) < 200_000:
        long_text += "\n\n" + long_text
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        find(long_text, "2017-05-31")
        best = min(best, time.perf_counter() - t0)
    return len(long_text) / best


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sys.path.insert(0, str(ROOT))
    from newsprism.annotate.timexes import find_timexes

    gold = load_gold("timexes")
    if not gold:
        print("no tests/gold/timexes.*.json yet")
        return 0
    meta = load_metadata()
    texts: dict[str, str] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for article in sorted({r["article"] for r in gold}):
        path = SAMPLE_DIR / article
        if not path.exists():
            print(f"missing article {article}")
            continue
        texts[article] = path.read_text(encoding="utf-8")
        published = (meta.get(article) or {}).get("published")
        predicted[article] = find_timexes(texts[article], published)
    res = score(gold, predicted, texts)
    print(f"gold {res['gold']}  predicted {res['predicted']}")
    for k in ("strict", "relaxed"):
        f = res[k]
        print(f"span {k:8s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}")
    print(f"type accuracy {res['type_accuracy']:.3f}   type F1 {res['type_f1']:.3f}")
    print(f"value accuracy {res['value_accuracy']:.3f}   value F1 {res['value_f1']:.3f}")
    if "-v" in argv:
        for kind, rows in res["errors"].items():
            for row in rows:
                print(f"  {kind}: {row}")
    print(f"speed: {speed(find_timexes):,.0f} chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
