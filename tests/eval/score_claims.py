"""Score cross-outlet claims against ``tests/gold/claims.*.json``.

Each gold claim ``{text, status, articles}`` is matched to the system claim that best overlaps it
within the gold articles: the system claim must have evidence in one of them, and the score is the
share of the gold text's content words found in that evidence (at least 0.25) plus the Jaccard
overlap of the two article sets. Figures:

- ``status_accuracy``: matched with the gold status (unmatched counts as wrong);
- ``cluster_recall`` / ``cluster_precision``: mean share of the gold articles the matched claim
  covers / of the matched claim's articles that are gold articles (unmatched: 0);
- ``matched``, ``gold_claims``, ``system_claims`` and the system's status counts.

Run ``python -m tests.eval.score_claims [-v]`` from the repository root (``-v`` lists each gold claim).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from typing import Any

from tests.eval.common import SAMPLE_DIR, load_gold

MIN_TEXT = 0.25
_STOP = frozenset("""a an the and or of in on at to for from by with its it is was were be been has had have
that this as than about up versus will would""".split())


def _words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def match(gold: dict[str, Any], claims: list[dict[str, Any]], file_of: dict[str, str]) -> tuple[dict | None, float]:
    """The system claim with the best overlap with one gold claim, and its score."""
    g_arts = set(gold["articles"])
    g_words = _words(gold["text"])
    best, best_score = None, 0.0
    for c in claims:
        files = {file_of[a] for a in c["articles"]}
        if not files & g_arts:
            continue
        texts = [e["text"] for e in c["evidence"] if file_of[e["article"]] in g_arts]
        recall = max((len(g_words & _words(t)) / max(1, len(g_words)) for t in texts), default=0.0)
        if recall < MIN_TEXT:
            continue
        score = recall + len(files & g_arts) / len(files | g_arts)
        if score > best_score:
            best, best_score = c, score
    return best, best_score


def score(claims: list[dict[str, Any]], file_of: dict[str, str], verbose: bool = False) -> dict[str, Any]:
    gold = load_gold("claims")
    ok = matched = 0
    rec = prec = 0.0
    for g in gold:
        c, _ = match(g, claims, file_of)
        if c is None:
            if verbose:
                print(f"MISS  [{g['status']}] {g['text']}")
            continue
        matched += 1
        files = {file_of[a] for a in c["articles"]}
        g_arts = set(g["articles"])
        rec += len(files & g_arts) / len(g_arts)
        prec += len(files & g_arts) / len(files)
        ok += c["status"] == g["status"]
        if verbose:
            mark = "OK  " if c["status"] == g["status"] else "BAD "
            print(f"{mark} gold={g['status']:<13} sys={c['status']:<13} arts {len(files & g_arts)}/{len(g_arts)}"
                  f"+{len(files - g_arts)} | {g['text'][:70]}\n      -> {c['text'][:110]} {c['outlets']}")
    n = len(gold) or 1
    return {
        "gold_claims": len(gold), "matched": matched, "system_claims": len(claims),
        "status_accuracy": round(ok / n, 4), "cluster_recall": round(rec / n, 4),
        "cluster_precision": round(prec / n, 4),
        "system_status": dict(Counter(c["status"] for c in claims)),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    import newsprism
    from newsprism.link.claims import build_claims

    argv = sys.argv[1:] if argv is None else argv
    verbose = "-v" in argv
    corpus = newsprism.read([SAMPLE_DIR])
    t0 = time.perf_counter()
    claims = build_claims(corpus.annotations, use_embeddings="--lexical" not in argv)
    elapsed = time.perf_counter() - t0
    file_of = {a.article.id: a.article.source.replace("\\", "/").rsplit("/", 1)[-1] for a in corpus.annotations}
    result = score(claims, file_of, verbose=verbose)
    result["seconds"] = round(elapsed, 2)
    print(result)
    return result


if __name__ == "__main__":
    main()
