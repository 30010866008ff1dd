"""Score ``newsprism_events`` on the blind *dev6* sentence set (``tests/gold/dev6/events.dev6.jsonl``).

Why: dev6 is 120 single wire-style sentences (all 16 PLOVER types, 15 with no political event),
written before the coder's rules or lexicon were read, so its first figures were an untuned estimate.
It is scored exactly as dev3 is (``tests/eval/score_dev3.py``, on the shared events scorer).

Run from the repository root: ``python -m tests.eval.score_dev6 [-v]``; ``-v`` also lists every
sentence where gold and prediction differ (misses, extra events, wrong type or party).
"""

from __future__ import annotations

from pathlib import Path

from tests.eval import score_dev3

DEV6 = Path(__file__).resolve().parents[2] / "tests" / "gold" / "dev6" / "events.dev6.jsonl"


def main(argv: list[str] | None = None) -> int:
    return score_dev3.main(argv, DEV6)


if __name__ == "__main__":
    raise SystemExit(main())
