"""Events as a GDELT-like table (CSV or Parquet), each row keeping its evidence and provenance.

Columns follow GDELT 2.0's event table where a counterpart exists (SQLDATE,
Actor1Name, Actor1CountryCode, EventCode, EventRootCode, QuadClass,
GoldsteinScale, SOURCEURL, NumMentions, NumArticles, NumSources: one row per event,
its mentions across articles merged by ``analyze/event_merge.py``) and add what GDELT drops: the PLOVER type and mode,
the exact evidence text and offsets, the article and outlet, and whose claim
it is when the event sits inside a quote.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Role", "Actor2Name",
    "Actor2CountryCode", "Actor2Role", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverType", "PloverMode", "ClaimedBy", "ArticleId", "Outlet", "SOURCEURL", "EvidenceStart",
    "EvidenceEnd", "EvidenceText", "NumMentions", "NumArticles", "NumSources",
]

# CAMEO root -> QuadClass (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)
_QUAD = {**dict.fromkeys(["01", "02", "03", "04", "05"], 1), **dict.fromkeys(["06", "07", "08"], 2),
         **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
         **dict.fromkeys(["14", "15", "16", "17", "18", "19", "20"], 4)}


def event_rows(dossier: dict[str, Any]) -> list[dict[str, Any]]:
    articles = {a["id"]: a for a in dossier["articles"]}
    actors = {a["id"]: a for a in dossier["actors"]}
    rows = []
    for e in dossier["events"]:
        art = articles.get(e["article"], {})
        ev = e["evidence"][0]
        cameo = e.get("cameo") or ""
        src, tgt = actors.get(e.get("source") or ""), actors.get(e.get("target") or "")
        rows.append({
            "GLOBALEVENTID": e["id"],
            "SQLDATE": (e.get("date") or "").replace("-", "")[:8],
            "Actor1Name": e.get("source_name"), "Actor1CountryCode": e.get("source_country"),
            "Actor1Role": src.get("role") if src else None,
            "Actor2Name": e.get("target_name"), "Actor2CountryCode": e.get("target_country"),
            "Actor2Role": tgt.get("role") if tgt else None,
            "EventCode": cameo, "EventRootCode": cameo[:2], "QuadClass": _QUAD.get(cameo[:2]),
            "GoldsteinScale": e.get("goldstein"), "PloverType": e["type"], "PloverMode": e.get("mode"),
            "ClaimedBy": actors.get(e.get("claimed_by") or "", {}).get("name"),
            "ArticleId": e["article"], "Outlet": art.get("outlet"), "SOURCEURL": art.get("url") or art.get("source"),
            "EvidenceStart": ev["start"], "EvidenceEnd": ev["end"], "EvidenceText": ev["text"],
            # as GDELT counts them: one row per event, however many articles report it
            "NumMentions": e.get("mentions", 1), "NumArticles": len(e.get("articles") or [e["article"]]),
            "NumSources": len(e.get("outlets") or []) or 1,
        })
    return rows


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def to_parquet(rows: list[dict[str, Any]], path: str | Path | io.BytesIO) -> None:
    """Write the table to a file path or a binary buffer."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=pa.schema([
        (c, pa.int64() if c in ("QuadClass", "EvidenceStart", "EvidenceEnd", "NumMentions", "NumArticles",
                                "NumSources")
         else pa.float64() if c == "GoldsteinScale" else pa.string()) for c in COLUMNS
    ]))
    pq.write_table(table, path if isinstance(path, io.BytesIO) else str(path))
