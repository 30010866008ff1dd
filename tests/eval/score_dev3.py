"""Score ``newsprism_events`` on the blind *dev3* sentence set (``tests/gold/dev3/events.dev3.jsonl``).

Why: dev3 is 180 single wire-style sentences (all 16 PLOVER types, 25 with no political event),
written before the coder's rules or lexicon were read, so its figures are an untuned estimate.
It reuses ``tests/eval/score_events.py`` unchanged (same matching and figures).

Run from the repository root: ``python -m tests.eval.score_dev3 [-v]``; ``-v`` also lists every
sentence where gold and prediction differ (misses, extra events, wrong type or party).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEV3 = ROOT / "tests" / "gold" / "dev3" / "events.dev3.jsonl"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.score_events import _sides, load_rows, match_sentence, predict, score  # noqa: E402


def _party(p: dict[str, Any] | None) -> str:
    return f"{(p or {}).get('name')}|{(p or {}).get('country')}"


def differences(rows: list[dict[str, Any]], pred: dict[str, list[dict[str, Any]]]) -> list[str]:
    """One block per sentence whose gold and predicted events differ (miss, extra, wrong type/party)."""
    out = []
    for row in rows:
        gold, got = row["events"], pred.get(row["id"], [])
        pairs, miss, xtra = match_sentence(gold, got)
        wrong = [(i, j) for i, j, sw in pairs
                 if gold[i]["type"] != got[j]["type"] or not all(_sides(gold[i], got[j], sw))]
        if not (miss or xtra or wrong):
            continue
        lines = [f"{row['id']}: {row['text']}"]
        lines += [f"   gold {g['type']} {g['source']}|{g['source_country']} -> {g['target']}|{g['target_country']}"
                  for g in gold]
        lines += [f"   pred {p['type']} {p.get('cameo', '')} {_party(p.get('source'))} -> {_party(p.get('target'))}"
                  for p in got]
        if row.get("note"):
            lines.append(f"   note {row['note']}")
        out.append("\n".join(lines))
    return out


def main(argv: list[str] | None = None, gold: Path = DEV3) -> int:
    """Print the figures of one sentence set (dev3 by default) as JSON, and with -v each differing
    sentence first."""
    argv = sys.argv[1:] if argv is None else argv
    from newsprism.annotate.pipeline import build_nlp

    rows = load_rows(gold)
    nlp = build_nlp()
    t0 = time.perf_counter()
    pred = predict(rows, nlp)
    figures = score(rows, pred)
    figures["seconds"] = round(time.perf_counter() - t0, 2)
    if "-v" in argv:
        print("\n".join(differences(rows, pred)))
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
