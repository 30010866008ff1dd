"""Per-article rows for the relational tables, shared by the SQLite and PostgreSQL stores."""

from __future__ import annotations

import dataclasses
from typing import Any

from newsprism.records import Annotation

PER_ARTICLE_TABLES = ("entities", "mentions", "quotes", "timexes", "events")


def detail_rows(batch: list[Annotation]) -> dict[str, list[dict[str, Any]]]:
    """The per-article table rows of a batch of annotations: one shape for every backend."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in PER_ARTICLE_TABLES}
    for ann in batch:
        aid = ann.article.id
        out["entities"] += [dataclasses.asdict(e) | {"article_id": aid} for e in ann.entities]
        out["mentions"] += [{"article_id": aid, "local_actor": act.id, "start": m.start, "end": m.end,
                             "text": m.text} for act in ann.actors for m in act.mentions]
        out["quotes"] += [
            {"id": f"{aid}:q{i}", "article_id": aid, "start": q.start, "end": q.end, "text": q.text,
             "kind": q.kind, "speaker_name": q.speaker_name, "local_actor": q.speaker_actor,
             "speaker_start": q.speaker.start if q.speaker else None,
             "speaker_end": q.speaker.end if q.speaker else None,
             "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
             "cue_end": q.cue.end if q.cue else None, "date": q.date}
            for i, q in enumerate(ann.quotes)]
        out["timexes"] += [{"article_id": aid, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
                            "value": t.value} for t in ann.timexes]
        out["events"] += [
            {"id": f"{aid}:e{i}", "article_id": aid, "type": e.type, "cameo": e.cameo,
             "goldstein": e.goldstein, "mode": e.mode, "date": e.date,
             "source_name": e.source.name if e.source else None,
             "source_country": e.source.country if e.source else None,
             "source_actor": e.source.actor if e.source else None,
             "target_name": e.target.name if e.target else None,
             "target_country": e.target.country if e.target else None,
             "target_actor": e.target.actor if e.target else None,
             "start": e.evidence.start, "end": e.evidence.end, "text": e.evidence.text,
             "claimed_by": e.claimed_by}
            for i, e in enumerate(ann.events)]
    return out
