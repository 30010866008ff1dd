"""Score time expressions on the *dev4* set (tests/data/dev4, gold in tests/gold/dev4).

Why: dev4 is a TempEval-3/TimeBank-style set (late-1990s/2000s wire and business news:
"said Tuesday", "the third quarter", "a year earlier", "fiscal 1998", "the 1980s", ages,
"every Monday") written blind, before the system was run on it, to measure the timex
component on the expressions the TimeML corpora are full of. It runs the articles through the
pipeline the way ``tests.eval.score_dev`` does, with the gold ``published`` dates
(``tests/gold/dev4/published.dev4.json``) anchoring relative dates, and reuses
``score_timexes.score`` unchanged.

Run from the repository root: ``python -m tests.eval.score_dev4 [-v] [--json OUT]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "dev4"
GOLD = ROOT / "tests" / "gold" / "dev4"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.common import annotate_folder, load_gold  # noqa: E402


def run(nlp: Any) -> dict[str, dict[str, Any]]:
    """Annotate every dev4 article with its gold publication date: {file: annotation dict}."""
    return annotate_folder(nlp, DATA, load_gold("published", GOLD))


def compute() -> dict[str, Any]:
    """Annotate once and score the timexes against the dev4 gold."""
    from newsprism.annotate.pipeline import build_nlp
    from tests.eval import score_timexes

    by_file = run(build_nlp())
    texts = {f: a["text"] for f, a in by_file.items()}
    return score_timexes.score(load_gold("timexes", GOLD), {f: a["timexes"] for f, a in by_file.items()}, texts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="list every miss, false alarm and wrong type/value")
    ap.add_argument("--json", help="write the figures (with errors) to this file")
    args = ap.parse_args(argv)
    res = compute()
    print(f"gold {res['gold']}  predicted {res['predicted']}")
    for k in ("strict", "relaxed"):
        f = res[k]
        print(f"span {k:8s} P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}")
    print(f"type accuracy {res['type_accuracy']:.3f}   value accuracy {res['value_accuracy']:.3f}   "
          f"value F1 {res['value_f1']:.3f}")
    if args.v:
        for kind, rows in res["errors"].items():
            for row in rows:
                print(f"  {kind}: {row}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
