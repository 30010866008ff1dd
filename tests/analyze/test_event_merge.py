"""Mentions of one event in several articles become one dossier event with all their evidence."""

from __future__ import annotations

from typing import Any

from newsprism.analyze.event_merge import merge_events


def _ev(eid: str, article: str, type_: str, src: str | None, tgt: str | None, day: str | None,
        **extra: Any) -> dict[str, Any]:
    return {"id": eid, "article": article, "type": type_, "source": src, "target": tgt, "date": day,
            "source_name": src, "target_name": tgt, "source_country": None, "target_country": None,
            "evidence": [{"article": article, "start": 0, "end": 5, "text": "words"}], **extra}


STORY = {"a1": "s1", "a2": "s1", "a3": "s1", "b1": "s2"}
OUTLETS = {"a1": "Wire", "a2": "Post", "a3": "Post", "b1": "Wire"}


def test_one_meeting_reported_three_times_is_one_event() -> None:
    events = [_ev("a1:e0", "a1", "CONSULT", "g1", "g2", "2031-04-02"),
              _ev("a2:e0", "a2", "CONSULT", "g2", "g1", "2031-04-03"),  # "Y met X", dated a day later
              _ev("a3:e1", "a3", "CONSULT", "g1", "g2", None)]
    (merged,) = merge_events(events, STORY, OUTLETS)
    assert merged["mentions"] == 3 and merged["articles"] == ["a1", "a2", "a3"]
    assert merged["outlets"] == ["Post", "Wire"] and len(merged["evidence"]) == 3
    assert merged["id"].startswith("ev_") and merged["merged_ids"] == ["a1:e0", "a2:e0", "a3:e1"]


def test_different_stories_types_days_or_directions_stay_apart() -> None:
    events = [_ev("a1:e0", "a1", "ACCUSE", "g1", "g2", "2031-04-02"),
              _ev("a2:e0", "a2", "ACCUSE", "g2", "g1", "2031-04-02"),  # an accusation has a direction
              _ev("a3:e0", "a3", "ACCUSE", "g1", "g2", "2031-04-09"),  # a week later: another one
              _ev("a3:e1", "a3", "REJECT", "g1", "g2", "2031-04-02"),
              _ev("b1:e0", "b1", "ACCUSE", "g1", "g2", "2031-04-02")]  # another story
    merged = merge_events(events, STORY, OUTLETS)
    assert [m["mentions"] for m in merged] == [1, 1, 1, 1, 1]


def test_a_missing_party_is_never_merged_and_unnamed_parties_match_by_name_and_country() -> None:
    events = [_ev("a1:e0", "a1", "ASSAULT", "g1", None, "2031-04-02"),
              _ev("a2:e0", "a2", "ASSAULT", "g1", None, "2031-04-02"),
              _ev("a1:e1", "a1", "COERCE", None, None, "2031-04-02", source_name="the police",
                  target_name="protesters", source_country="KEN", target_country="KEN"),
              _ev("a2:e1", "a2", "COERCE", None, None, "2031-04-02", source_name="Police",
                  target_name="protesters", source_country="KEN", target_country="KEN")]
    for e in events[2:]:
        e["source"], e["target"] = None, None
    merged = merge_events(events, STORY, OUTLETS)
    assert [m["mentions"] for m in merged] == [1, 1, 2]
