"""Relations between two actors or countries over time, from the coded events.

A side matches an event party when it equals the party's country code
(``FRA``) or its actor id, or is contained in its name (``Duarte``). Periods
are days (``YYYY-MM-DD``) or ISO weeks (``YYYY-Www``); events without a day
are left out of the series but counted in the totals.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any


def _matches(side: str | None, name: str | None, country: str | None, actor: str | None) -> bool:
    if not side:
        return True
    s = side.strip().lower()
    return s in {(country or "").lower(), (actor or "").lower()} or (bool(name) and s in (name or "").lower())


def _period(value: str | None, by: str) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def dyad_series(events: list[dict[str, Any]], source: str | None, target: str | None,
                by: str = "day", both_directions: bool = False) -> dict[str, Any]:
    """Counts by type and mean Goldstein per period for events from ``source`` to ``target``."""
    rows: list[tuple[dict[str, Any], str]] = []
    for e in events:
        forward = (_matches(source, e.get("source_name"), e.get("source_country"), e.get("source"))
                   and _matches(target, e.get("target_name"), e.get("target_country"), e.get("target")))
        backward = both_directions and (
            _matches(target, e.get("source_name"), e.get("source_country"), e.get("source"))
            and _matches(source, e.get("target_name"), e.get("target_country"), e.get("target")))
        if (forward or backward) and (e.get("source_name") or e.get("source")) and (e.get("target_name") or e.get("target")):
            rows.append((e, "forward" if forward else "backward"))
    periods: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e, _direction in rows:
        key = _period(e.get("date"), by)
        if key:
            periods[key].append(e)
    series = []
    for key in sorted(periods):
        evs = periods[key]
        scores = [float(e["goldstein"]) for e in evs if e.get("goldstein") is not None]
        series.append({
            "period": key, "events": len(evs), "types": dict(Counter(e["type"] for e in evs).most_common()),
            "mean_goldstein": round(sum(scores) / len(scores), 2) if scores else None,
            "evidence": [ev for e in evs for ev in e["evidence"]][:5],
        })
    scores = [float(e["goldstein"]) for e, _ in rows if e.get("goldstein") is not None]
    return {
        "source": source, "target": target, "by": by, "events": len(rows),
        "types": dict(Counter(e["type"] for e, _ in rows).most_common()),
        "mean_goldstein": round(sum(scores) / len(scores), 2) if scores else None,
        "series": series,
    }
