"""Shared by the scorers and the gate: load gold files, run the system once over the sample corpus."""

from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SAMPLE_DIR = ROOT / "tests" / "data" / "sample"


def load_gold(kind: str, gold_dir: Path = GOLD_DIR) -> Any:
    """Merge every ``GOLD_DIR/KIND.*.json`` (lists concatenate, dicts update) or ``.jsonl`` file."""
    merged: Any = None
    for path in sorted(gold_dir.glob(f"{kind}.*")):
        if path.suffix == ".jsonl":
            rows: Any = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        elif path.suffix == ".json":
            rows = json.loads(path.read_text())
        else:
            continue
        if merged is None:
            merged = rows
        elif isinstance(merged, list):
            merged.extend(rows)
        else:
            merged.update(rows)
    return merged if merged is not None else []


def load_metadata(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, Any]]:
    meta = load_gold("metadata", gold_dir)
    return meta if isinstance(meta, dict) else {}


def sample_texts() -> dict[str, str]:
    from newsprism.ingest.sources import read_file
    from newsprism.records import Article

    out = {}
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                out[path.name] = item.text
    return out


def locate(text: str, snippet: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Offsets of the n-th occurrence of ``snippet`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(snippet, start + 1)
        if start < 0:
            return None
    return start, start + len(snippet)


def annotate_folder(nlp: Any, data: Path, published: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Annotate every ``*.txt`` in ``data`` as ingest reads it, the publication date taken from
    ``published`` ({file: {"published": date}}) where it has one: {file: annotation dict}."""
    from newsprism.annotate.runner import annotate_articles
    from newsprism.export.annotation_json import annotation_to_dict
    from newsprism.ingest.sources import read_file
    from newsprism.records import Annotation, Article

    articles = []
    for path in sorted(data.glob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                date = ((published or {}).get(path.name) or {}).get("published")
                articles.append(dataclasses.replace(item, source=path.name, published=date or item.published))
    return {ann.article.source: annotation_to_dict(ann)
            for ann in annotate_articles(articles, nlp) if isinstance(ann, Annotation)}


@lru_cache(maxsize=2)
def run_system(gold_published: bool = True) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Annotate the sample corpus once: ({file name: annotation dict}, dossier).

    With ``gold_published`` the gold publication dates anchor relative dates, as a
    caller passing ``published`` in JSON Lines would; the system's own reading of
    the date is kept in each annotation dict as ``own_published`` for the metadata score.
    """
    from newsprism.annotate.pipeline import build_nlp
    from newsprism.annotate.runner import annotate_articles
    from newsprism.api import Corpus
    from newsprism.export.annotation_json import annotation_to_dict
    from newsprism.ingest.sources import read_file
    from newsprism.records import Annotation, Article

    meta = load_gold("metadata") if gold_published else {}
    articles = []
    for path in sorted(SAMPLE_DIR.glob("*.txt")):
        for item in read_file(path):
            if isinstance(item, Article):
                published = (meta.get(path.name) or {}).get("published") if meta else None
                articles.append(dataclasses.replace(item, source=path.name,
                                                    published=published or item.published))
    own = {a.source: a.published for a in articles}
    if meta:
        for path in sorted(SAMPLE_DIR.glob("*.txt")):
            for item in read_file(path):
                if isinstance(item, Article):
                    own[path.name] = item.published
    anns = [a for a in annotate_articles(articles, build_nlp()) if isinstance(a, Annotation)]
    by_file = {a.article.source: annotation_to_dict(a) | {"own_published": own.get(a.article.source)}
               for a in anns}
    return by_file, Corpus(anns).dossier()
