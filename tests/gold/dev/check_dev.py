"""Check the dev gold (tests/gold/dev) against the dev articles (tests/data/dev), stdlib only.

Why: the dev set is an independent evaluation corpus; its gold refers to spans by snippet +
occurrence like the sample gold, so it reuses ``tests/gold/check_gold.py`` pointed at the dev
directories, and additionally checks that every event sentence occurs in its article.
Weekend values such as ``2025-W07-WE`` (TimeML) are accepted here.

Usage: python tests/gold/dev/check_dev.py [--strict] [--quiet]
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

DEV_GOLD = Path(__file__).resolve().parent
DEV_DATA = DEV_GOLD.parents[1] / "data" / "dev"
CHECK_GOLD = DEV_GOLD.parent / "check_gold.py"


def load_checker(gold: Path = DEV_GOLD, data: Path = DEV_DATA) -> ModuleType:
    """check_gold.py as a module, re-pointed at a dev set's directories (the dev set by default)."""
    spec = importlib.util.spec_from_file_location(f"check_gold_{gold.name}", CHECK_GOLD)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    setattr(mod, "GOLD", gold)  # noqa: B010 - module attributes unknown to mypy
    setattr(mod, "SAMPLE", data)  # noqa: B010
    getattr(mod, "_texts").clear()  # noqa: B009
    pattern = getattr(mod, "_DATE_VALUE").pattern  # noqa: B009
    setattr(mod, "_DATE_VALUE", re.compile(pattern.replace(r"W\d{2}(-\d)?", r"W\d{2}(-\d|-WE)?")))  # noqa: B010
    return mod


def check_event_sentences(gold: Path = DEV_GOLD, data: Path = DEV_DATA) -> list[str]:
    """Every events.*.jsonl row names an article whose text contains the sentence verbatim."""
    errors = []
    for path in sorted(gold.glob("events*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            art = data / str(row.get("article", ""))
            if not art.is_file():
                errors.append(f"{path.name}:{n}: article not found {row.get('article')!r}")
            elif row["text"] not in art.read_text(encoding="utf-8"):
                errors.append(f"{path.name}:{n}: sentence not in {art.name}: {row['text'][:60]!r}")
            for ev in row.get("events", []):
                if set(ev) - {"type", "source", "source_country", "target", "target_country", "mode"}:
                    errors.append(f"{path.name}:{n}: unexpected event keys {sorted(ev)}")
    return errors


def main(argv: list[str] | None = None, gold: Path = DEV_GOLD, data: Path = DEV_DATA) -> int:
    checker = load_checker(gold, data)
    status: int = checker.main(argv)
    errors = check_event_sentences(gold, data)
    for e in errors:
        print("ERROR", e)
    print(f"event sentences: {len(errors)} errors")
    return 1 if errors else status


if __name__ == "__main__":
    sys.exit(main())
