"""Score quote attribution on the blind *dev5* set (tests/data/dev5, gold tests/gold/dev5/quotes.dev5.json).

Why: dev5 is eight fictional US/UK political news articles (campaign, Congress, Commons, a leak
story with anonymous sources, a poll, a court filing, White House and Downing Street briefings),
written with their gold *before* the quote component was run on them, in the style of a
PolNeAR-like benchmark: unnamed sources ("officials said"), "according to", organisations and
documents as sources ("the report found"), nominal cues ("the claim"), nested attributions.
It reuses ``tests/eval/score_quotes.score`` unchanged; publication dates are the ones ingest reads.

Run from the repository root: ``python -m tests.eval.score_dev5 [-v] [--json OUT]`` (``-v`` lists
every miss, false alarm and wrong speaker; ``--whole-clauses`` turns on the quote component's
PolNeAR-style option that also reports a reported clause carrying a few quoted words as a whole).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "dev5"
GOLD = ROOT / "tests" / "gold" / "dev5"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.common import annotate_folder, load_gold  # noqa: E402


def run(nlp: Any) -> dict[str, dict[str, Any]]:
    """Annotate every dev5 article with the full runner: {file: annotation dict}."""
    return annotate_folder(nlp, DATA)


def compute(whole_clauses: bool = False) -> dict[str, Any]:
    """Annotate once and score the quotes (``whole_clauses``: the quote component's PolNeAR-style option)."""
    from newsprism.annotate.pipeline import build_nlp
    from tests.eval import score_quotes

    nlp = build_nlp()
    if whole_clauses:
        from newsprism.annotate.quotes import QuoteAnnotator

        pipe = nlp.get_pipe("newsprism_quotes")
        assert isinstance(pipe, QuoteAnnotator)
        pipe.whole_clauses = True
    by_file = run(nlp)
    texts = {f: a["text"] for f, a in by_file.items()}
    return score_quotes.score(load_gold("quotes", GOLD), {f: a["quotes"] for f, a in by_file.items()}, texts)


def main(argv: list[str] | None = None) -> int:
    from tests.eval import score_quotes

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error")
    ap.add_argument("--json", type=Path, help="also write all figures and errors to this JSON file")
    ap.add_argument("--whole-clauses", action="store_true",
                    help="also report a clause carrying a few quoted words as one indirect quote")
    args = ap.parse_args(argv)
    res = compute(args.whole_clauses)
    print(f"== dev5 set: {len(list(DATA.glob('*.txt')))} articles ==")
    score_quotes.report(res, verbose=args.verbose)
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
