"""Check the dev2 gold (tests/gold/dev2) against the dev2 articles (tests/data/dev2), stdlib only.

Why: dev2 is a second independent evaluation corpus, in styles absent from dev; its gold has the dev
gold's format, so it is checked by ``tests/gold/dev/check_dev.py`` pointed at the dev2 directories.

Usage: python tests/gold/dev2/check_dev2.py [--strict] [--quiet]
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

DEV2_GOLD = Path(__file__).resolve().parent
DEV2_DATA = DEV2_GOLD.parents[1] / "data" / "dev2"
CHECK_DEV = DEV2_GOLD.parent / "dev" / "check_dev.py"


def main(argv: list[str] | None = None) -> int:
    spec = importlib.util.spec_from_file_location("check_dev", CHECK_DEV)
    assert spec is not None and spec.loader is not None
    check_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_dev)
    status: int = check_dev.main(argv, DEV2_GOLD, DEV2_DATA)
    return status


if __name__ == "__main__":
    sys.exit(main())
