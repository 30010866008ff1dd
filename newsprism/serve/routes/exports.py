"""/api/dyads and /api/export: relations over time, and the dossier or events as files."""

from __future__ import annotations

import io
import json
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from newsprism.analyze.dyads import dyad_series
from newsprism.export import events_table
from newsprism.export.dossier_render import render_html, render_markdown
from newsprism.serve.deps import StateDep

router = APIRouter(tags=["exports"])


def _dossier(state: Any, story: str | None) -> dict[str, Any]:
    if story is not None and not any(s["id"] == story for s in state.reader.stories()):
        raise HTTPException(404, f"no story {story!r}")
    return dict(state.dossier(story))


@router.get("/dyads")
def dyads(state: StateDep, source: str | None = None, target: str | None = None, story: str | None = None,
          by: Literal["day", "week"] = "day", both: bool = False) -> dict[str, Any]:
    """Events from ``source`` to ``target`` (country code, actor id or part of a name) per day or week:
    counts by PLOVER type and mean Goldstein score, with evidence."""
    return dyad_series(_dossier(state, story)["events"], source, target, by=by, both_directions=both)


@router.get("/export/dossier", response_model=None)
def export_dossier(state: StateDep, story: str | None = None,
                   format: Literal["json", "md", "html"] = "json") -> Response:
    """The dossier (of the whole store or one story) as JSON, a Markdown briefing or an HTML briefing."""
    data = _dossier(state, story)
    if format == "md":
        return PlainTextResponse(render_markdown(data), media_type="text/markdown; charset=utf-8")
    if format == "html":
        return HTMLResponse(render_html(data))
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


@router.get("/export/events", response_model=None)
def export_events(state: StateDep, story: str | None = None,
                  format: Literal["csv", "jsonl", "parquet"] = "csv") -> Response:
    """Events as a GDELT-like table, each row with its PLOVER type, evidence text and offsets."""
    rows = events_table.event_rows(_dossier(state, story))
    if format == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        return Response(body, media_type="application/x-ndjson")
    if format == "parquet":
        buffer = io.BytesIO()
        events_table.to_parquet(rows, buffer)
        return Response(buffer.getvalue(), media_type="application/vnd.apache.parquet",
                        headers={"Content-Disposition": 'attachment; filename="events.parquet"'})
    return Response(events_table.to_csv(rows), media_type="text/csv; charset=utf-8")
