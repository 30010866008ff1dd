"""One dossier event per real-world event: mentions of it in several articles (or twice in one)
are merged, with every mention kept as evidence.

Event data counts mentions (GDELT's NumMentions) but lists each as a row; a reader of
ten articles sees one meeting. Two coded mentions are one event when they are in the same
story, have the same PLOVER type, the same parties (the same linked actor, else the same
name and country; either order for symmetric types such as meetings) and dates no more
than a day apart (an undated mention joins a dated group only when exactly one fits).
A mention with a missing party stays its own event: "X attacked" and "X attacked Y" may
not be the same attack.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # "X met Y" is "Y met X"
MAX_DAYS_APART = 1


def _party_key(event: dict[str, Any], side: str) -> str | None:
    gid = event.get(side)
    if gid:
        return f"a:{gid}"
    name = " ".join(str(event.get(f"{side}_name") or "").lower().split())
    if not name:
        return None
    for det in ("the ", "a ", "an "):
        name = name.removeprefix(det)
    return f"n:{name}|{event.get(f'{side}_country') or ''}"


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def merge_events(events: list[dict[str, Any]], story_of: dict[str, str],
                 outlet_of: dict[str, str | None]) -> list[dict[str, Any]]:
    """Merged events in first-mention order; each has ``articles``, ``outlets`` and ``mentions``."""
    groups: dict[tuple[Any, ...], list[list[dict[str, Any]]]] = {}
    order: list[list[dict[str, Any]]] = []
    undated: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    for e in events:
        src, tgt = _party_key(e, "source"), _party_key(e, "target")
        if src is None or tgt is None:
            order.append([e])
            continue
        parties = tuple(sorted((src, tgt))) if e["type"] in SYMMETRIC else (src, tgt)
        key = (story_of.get(e["article"], e["article"]), e["type"], parties)
        day = _day(e.get("date"))
        if day is None:
            undated.append((key, e))
            continue
        for group in groups.setdefault(key, []):
            if any((d := _day(m.get("date"))) is not None and abs((d - day).days) <= MAX_DAYS_APART
                   for m in group):
                group.append(e)
                break
        else:
            group = [e]
            groups[key].append(group)
            order.append(group)
    for key, e in undated:
        candidates = groups.get(key, [])
        if len(candidates) == 1:
            candidates[0].append(e)
        else:
            order.append([e])
    return [_merged(group, outlet_of) for group in order]


def _merged(group: list[dict[str, Any]], outlet_of: dict[str, str | None]) -> dict[str, Any]:
    first = group[0]
    if len(group) == 1:
        return {**first, "articles": [first["article"]], "outlets": _outlets([first], outlet_of), "mentions": 1}
    out = dict(first)
    for field in ("source_name", "target_name", "source_country", "target_country", "date", "claimed_by"):
        if not out.get(field):
            out[field] = next((m[field] for m in group if m.get(field)), None)
    dated = sorted(d for m in group if (d := m.get("date")))
    if dated:  # the day most mentions give, earliest on a tie
        out["date"] = max(dated, key=lambda d: (dated.count(d), -dated.index(d)))
    seen: set[tuple[str, int, int]] = set()
    evidence = []
    for m in group:
        for ev in m["evidence"]:
            k = (ev["article"], ev["start"], ev["end"])
            if k not in seen:
                seen.add(k)
                evidence.append(ev)
    ids = [m["id"] for m in group]
    out.update({
        "id": "ev_" + hashlib.sha1("|".join(ids).encode()).hexdigest()[:12],
        "evidence": evidence,
        "articles": sorted({m["article"] for m in group}),
        "outlets": _outlets(group, outlet_of),
        "mentions": len(group),
        "merged_ids": ids,
    })
    return out


def _outlets(group: list[dict[str, Any]], outlet_of: dict[str, str | None]) -> list[str]:
    return sorted({o for m in group if (o := outlet_of.get(m["article"]))})
