"""Claim features stay put when the events lexicon grows.

A conditional event rule ("seek help from", "joint patrol") makes a multiword trigger; it must not turn
the bare word into an event feature of every clause that uses it. Fictional names.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprism.link import claims
from newsprism.records import Annotation, Article, Event, Span


@pytest.fixture()
def fresh_lexicon() -> object:
    claims._event_lemmas.cache_clear()
    yield
    claims._event_lemmas.cache_clear()


def test_conditional_rules_give_bare_words_no_event_type(fresh_lexicon: object) -> None:
    lemmas = claims._event_lemmas()
    assert lemmas.get(claims._stem("reject")) == "REJECT"  # an event by itself
    for word in ("patrol", "seek"):  # events only as "joint patrol", "seek help from"
        assert claims._stem(word) not in lemmas


def test_adding_a_conditional_rule_leaves_the_map_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fresh_lexicon: object) -> None:
    before = dict(claims._event_lemmas())
    res = tmp_path / "resources"
    shutil.copytree(claims._RESOURCES, res)
    data = json.loads((res / "plover.json").read_text(encoding="utf-8"))
    # a new pattern on a common lemma that already means something else, put first in file order
    data["types"]["AGREE"]["verbs"].insert(0, {"lemma": "attack", "prt": ["together"], "cameo": "050"})
    data["types"]["AGREE"]["verbs"].insert(0, {"lemma": "harvest", "obj": ["consensus"], "cameo": "050"})
    (res / "plover.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(claims, "_RESOURCES", res)
    claims._event_lemmas.cache_clear()
    assert claims._event_lemmas() == before


def _ann(text: str, events: list[Event]) -> Annotation:
    return Annotation(article=Article(id="a1", source="a1.txt", text=text, outlet="Coastline Courier"),
                      events=events)


def test_coded_event_gives_its_type_to_a_conditional_word() -> None:
    text = "The provincial council of Dalmoor voted down the harbour expansion plan on Tuesday after a long debate."
    start = text.index("voted")
    ev = Event(type="REJECT", source=None, target=None, cameo="120", goldstein=-4.0, mode="reject", date=None,
               evidence=Span(0, len(text), text), trigger=Span(start, start + 5, "voted"))
    coded = claims._article_candidates(_ann(text, [ev]), set(), keep_all=True)
    plain = claims._article_candidates(_ann(text, []), set(), keep_all=True)
    assert coded and "E:REJECT" in coded[0].features
    assert all("E:REJECT" not in c.features for c in plain)
