"""Score quotes and speakers against the snippet-based gold (tests/gold/README.md), GGT style.

Figures: precision/recall/F1 of quote spans at two match levels, *exact* (same span once
spaces, edge punctuation and quote marks are trimmed) and *overlap* (shared word tokens /
tokens of the longer span >= 0.3, one-to-one, best overlap first), overall and per kind;
speaker accuracy over overlap matches (case-insensitive canonical names; a predicted name
whose last word is the gold full name's surname also counts).

Gold rows of kind ``none`` mark quote-mark spans that are not speech (scare quotes, titles,
terms). They are left out of recall; a prediction overlapping one is fine only when its
speaker is None, and otherwise counts as a false alarm.

Run ``python tests/eval/score_quotes.py [-v]`` from the repository root: it annotates every
sample article named in ``tests/gold/quotes.*.json`` with the full pipeline (anchor date from
``tests/gold/metadata.*.json``) and prints the figures; ``-v`` lists misses, false alarms and
wrong speakers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.common import load_gold, load_metadata, locate  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold"
SAMPLE_DIR = ROOT / "tests" / "data" / "sample"
KINDS = ("direct", "partial", "indirect")
OVERLAP = 0.3
EDGE = " \t\n,.;:!?\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014-"
WORD_RE = re.compile(r"\w+(?:['\u2019]\w+)*")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, punctuation and quote marks (for exact matching)."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def word_tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD_RE.finditer(text)]


def token_overlap(tokens: list[tuple[int, int]], a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared word tokens over the longer span's token count (GGT's overlap)."""
    ta = {i for i, (s, e) in enumerate(tokens) if s < a[1] and e > a[0]}
    tb = {i for i, (s, e) in enumerate(tokens) if s < b[1] and e > b[0]}
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def same_speaker(gold: str | None, pred: str | None) -> bool:
    """Case-insensitive canonical names; a surname match on the last word is accepted."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = gold.strip().lower(), pred.strip().lower()
    if g == p:
        return True
    gw, pw = g.split(), p.split()
    return bool(gw and pw) and gw[-1] == pw[-1] and (len(pw) == 1 or len(gw) == 1 or set(pw) <= set(gw) or set(gw) <= set(pw))


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": p, "r": r, "f1": (2 * p * r / (p + r) if p + r else 0.0), "tp": tp, "pred": n_pred, "gold": n_gold}


def _match(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]], text: str, tokens: list[tuple[int, int]], exact: bool
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best overlap first."""
    cands: list[tuple[float, int, int]] = []
    for gi, g in enumerate(golds):
        gt = trimmed(text, g["start"], g["end"])
        for pi, p in enumerate(preds):
            if p["start"] >= g["end"] or g["start"] >= p["end"]:
                continue
            if exact:
                if trimmed(text, p["start"], p["end"]) == gt:
                    cands.append((1.0, gi, pi))
            else:
                ov = token_overlap(tokens, (g["start"], g["end"]), (p["start"], p["end"]))
                if ov >= OVERLAP:
                    cands.append((ov, gi, pi))
    cands.sort(key=lambda c: -c[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(
    gold_rows: list[dict[str, Any]], predicted: dict[str, list[dict[str, Any]]], texts: dict[str, str]
) -> dict[str, Any]:
    """Compare gold rows {article, text, occurrence, kind, speaker, cue} with predicted quote dicts
    {start, end, text, kind, speaker_name, speaker, cue} (annotation.schema.json) per article.

    Only articles with gold rows are scored. Returns figures plus ``errors`` for inspection.
    """
    gold_by: dict[str, list[dict[str, Any]]] = {}
    none_by: dict[str, list[dict[str, Any]]] = {}
    unlocated: list[dict[str, Any]] = []
    for row in gold_rows:
        text = texts.get(row["article"], "")
        span = locate(text, row["text"], int(row.get("occurrence") or 0))
        if span is None:
            unlocated.append(row)
            continue
        item = {"start": span[0], "end": span[1], "kind": row["kind"], "speaker": row.get("speaker"),
                "cue": row.get("cue"), "text": row["text"]}
        (none_by if row["kind"] == "none" else gold_by).setdefault(row["article"], []).append(item)

    errors: dict[str, list[Any]] = {"missed": [], "spurious": [], "wrong_speaker": [], "wrong_kind": [],
                                    "speaker_on_non_speech": [], "unlocated": unlocated}
    counts = {"exact": [0, 0, 0], "overlap": [0, 0, 0]}
    per_kind = {k: {"exact": [0, 0, 0], "overlap": [0, 0, 0]} for k in KINDS}
    spk_ok = spk_n = 0
    spk_kind = {k: [0, 0] for k in KINDS}
    kind_ok = 0
    cue_ok = cue_n = 0
    none_ok = none_n = 0
    n_unlocated = sum(1 for r in unlocated if r["kind"] != "none")

    for article in sorted({r["article"] for r in gold_rows}):
        text = texts.get(article, "")
        tokens = word_tokens(text)
        golds = gold_by.get(article, [])
        nones = none_by.get(article, [])
        preds = []
        for p in predicted.get(article, []):
            hit = [n for n in nones if token_overlap(tokens, (n["start"], n["end"]), (p["start"], p["end"])) >= OVERLAP
                   and p["kind"] != "indirect"]
            if hit:
                continue  # judged against the non-speech rows below
            preds.append(p)
        for n in nones:
            none_n += 1
            over = [p for p in predicted.get(article, []) if p["kind"] != "indirect"
                    and token_overlap(tokens, (n["start"], n["end"]), (p["start"], p["end"])) >= OVERLAP]
            bad = [p for p in over if p.get("speaker_name") is not None]
            if bad:
                errors["speaker_on_non_speech"].append((article, n["text"], bad[0].get("speaker_name")))
                counts["overlap"][1] += len(bad)
                counts["exact"][1] += len(bad)
                for p in bad:
                    if p["kind"] in per_kind:
                        per_kind[p["kind"]]["overlap"][1] += 1
                        per_kind[p["kind"]]["exact"][1] += 1
            else:
                none_ok += 1

        for level in ("exact", "overlap"):
            pairs = _match(golds, preds, text, tokens, exact=level == "exact")
            c = counts[level]
            c[0] += len(pairs)
            c[1] += len(preds)
            c[2] += len(golds)
            for k in KINDS:
                gk = [g for g in golds if g["kind"] == k]
                pk = [p for p in preds if p["kind"] == k]
                kp = _match(gk, pk, text, tokens, exact=level == "exact")
                pc = per_kind[k][level]
                pc[0] += len(kp)
                pc[1] += len(pk)
                pc[2] += len(gk)
            if level != "overlap":
                continue
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, pi in pairs:
                g, p = golds[gi], preds[pi]
                kind_ok += g["kind"] == p["kind"]
                if g["kind"] != p["kind"]:
                    errors["wrong_kind"].append((article, g["text"][:60], g["kind"], p["kind"]))
                spk_n += 1
                spk_kind[g["kind"]][1] += 1
                if same_speaker(g["speaker"], p.get("speaker_name")):
                    spk_ok += 1
                    spk_kind[g["kind"]][0] += 1
                else:
                    errors["wrong_speaker"].append((article, g["text"][:60], g["speaker"], p.get("speaker_name")))
                if g.get("cue"):
                    cue_n += 1
                    pc_ = p.get("cue")
                    pc_text = (pc_.get("text") if isinstance(pc_, dict) else None) or ""
                    gc, pt = str(g["cue"]).lower(), pc_text.lower()
                    cue_ok += bool(pt) and (gc in pt or pt in gc)
            for gi, g in enumerate(golds):
                if gi not in matched_g:
                    errors["missed"].append((article, g["kind"], g["text"][:80], g["speaker"]))
            for pi, p in enumerate(preds):
                if pi not in matched_p:
                    errors["spurious"].append((article, p["kind"], text[p["start"]:p["end"]][:80], p.get("speaker_name")))

    for level in ("exact", "overlap"):
        counts[level][2] += n_unlocated
    res: dict[str, Any] = {
        "gold": counts["overlap"][2],
        "predicted": counts["overlap"][1],
        "exact": _prf(*counts["exact"]),
        "overlap": _prf(*counts["overlap"]),
        "kinds": {k: {lv: _prf(*per_kind[k][lv]) for lv in ("exact", "overlap")} for k in KINDS},
        "speaker_accuracy": spk_ok / spk_n if spk_n else 0.0,
        "speaker_accuracy_by_kind": {k: (v[0] / v[1] if v[1] else None) for k, v in spk_kind.items()},
        "kind_accuracy": kind_ok / counts["overlap"][0] if counts["overlap"][0] else 0.0,
        "cue_accuracy": cue_ok / cue_n if cue_n else None,
        "non_speech_ok": (none_ok / none_n) if none_n else None,
        "errors": errors,
    }
    return res


def as_schema(text: str, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``doc._.np_quotes`` dicts as annotation.schema.json quote objects."""

    def span(se: list[int] | None) -> dict[str, Any] | None:
        return {"start": se[0], "end": se[1], "text": text[se[0]:se[1]]} if se else None

    return [
        {"start": q["start"], "end": q["end"], "text": text[q["start"]:q["end"]], "kind": q["kind"],
         "speaker_name": q["speaker_name"], "speaker": span(q["speaker"]), "cue": span(q["cue"])}
        for q in quotes
    ]


def annotate(articles: list[str]) -> tuple[dict[str, str], dict[str, list[dict[str, Any]]]]:
    """Run the full pipeline over the named sample articles."""
    sys.path.insert(0, str(ROOT))
    from newsprism.annotate.pipeline import build_nlp

    nlp = build_nlp()
    meta = load_metadata()
    texts: dict[str, str] = {}
    predicted: dict[str, list[dict[str, Any]]] = {}
    for article in articles:
        path = SAMPLE_DIR / article
        if not path.exists():
            print(f"missing article {article}")
            continue
        texts[article] = path.read_text(encoding="utf-8")
        doc = nlp.make_doc(texts[article])
        doc._.np_meta = {"published": (meta.get(article) or {}).get("published")}
        doc = nlp(doc)
        predicted[article] = as_schema(texts[article], doc._.np_quotes or [])
    return texts, predicted


def report(res: dict[str, Any], verbose: bool = False) -> None:
    print(f"gold {res['gold']}  predicted {res['predicted']}")
    for lv in ("exact", "overlap"):
        f = res[lv]
        print(f"all      {lv:8s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}")
    for k, figs in res["kinds"].items():
        for lv in ("exact", "overlap"):
            f = figs[lv]
            print(f"{k:8s} {lv:8s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}  (gold {f['gold']}, pred {f['pred']})")
    by_kind = "  ".join(f"{k} {v:.3f}" for k, v in res["speaker_accuracy_by_kind"].items() if v is not None)
    print(f"speaker accuracy {res['speaker_accuracy']:.3f}   ({by_kind})")
    print(f"kind accuracy {res['kind_accuracy']:.3f}   cue accuracy {res['cue_accuracy']}")
    print(f"non-speech spans left without a speaker {res['non_speech_ok']}")
    if verbose:
        for kind, rows in res["errors"].items():
            for row in rows:
                print(f"  {kind}: {row}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    gold = load_gold("quotes")
    if not gold:
        print("no tests/gold/quotes.*.json yet")
        return 0
    texts, predicted = annotate(sorted({r["article"] for r in gold}))
    report(score(gold, predicted, texts), verbose="-v" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
