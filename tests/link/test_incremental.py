"""Incremental story linking: the batch clusters on the sample corpus, bounded work on a big store."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from newsprism.link.incremental import ArticleFeatures, StoryIndex, link_incremental
from newsprism.records import Annotation
from tests.eval.common import load_gold
from tests.eval.score_clusters import bcubed

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


@pytest.fixture(scope="module")
def sample() -> list[Annotation]:
    import newsprism

    anns = newsprism.read([SAMPLE]).annotations
    return sorted(anns, key=lambda a: (a.article.published or "", a.article.id))


def _files(anns: list[Annotation], stories: list[dict]) -> list[set[str]]:
    name = {a.article.id: a.article.source.rsplit("/", 1)[-1] for a in anns}
    return [{name[a] for a in s["articles"]} for s in stories]


def test_incremental_equals_batch_on_sample(sample: list[Annotation]) -> None:
    from newsprism.link.actors import link_actors
    from newsprism.link.stories import cluster_stories

    batch = _files(sample, cluster_stories(sample, link_actors(sample)))
    index, assigned = link_incremental(sample)
    inc = _files(sample, index.stories_out())
    assert sorted(map(sorted, inc)) == sorted(map(sorted, batch))
    gold = [set(v) for v in load_gold("stories").values()]
    assert bcubed(gold, inc)["f1"] == 1.0
    assert set(assigned) == {a.article.id for a in sample}
    assert index.add_annotation(sample[0]) == assigned[sample[0].article.id]  # linking twice is a no-op
    assert index.n_docs == len(sample)


def test_state_survives_json_and_continues(sample: list[Annotation]) -> None:
    whole, _ = link_incremental(sample)
    half = len(sample) // 2
    first, _ = link_incremental(sample[:half])
    changes = first.pop_changes()
    assert len(changes["stories"]) == len(first.stories) and first.pop_changes()["stories"] == []
    state = json.loads(json.dumps(first.to_dict()))
    resumed, _ = link_incremental(sample[half:], StoryIndex.from_dict(state))
    assert sorted(map(sorted, _files(sample, resumed.stories_out()))) == \
        sorted(map(sorted, _files(sample, whole.stories_out())))
    later = {a.article.id for a in sample[half:]}
    assert all(set(s["articles"]) & later for s in resumed.pop_changes()["stories"])  # only touched stories


def _feats(i: int, day: date, topic: int, actors: dict[str, float]) -> ArticleFeatures:
    terms = Counter({f"topic{topic}w{k}": 3 for k in range(20)} | {f"noise{i}x{k}": 1 for k in range(30)})
    return ArticleFeatures(f"art{i}", terms, actors, day, f"title {i}", True)


def test_blocking_bounds_work_and_respects_dates() -> None:
    index = StoryIndex(window_days=7, max_candidates=10)
    start = date(2024, 1, 1)
    for i in range(1500):  # 150 topics, ten articles each, one a day; a common actor everywhere
        topic = i % 150
        index.add(_feats(i, start + timedelta(days=topic), topic, {"country:US": 0.3, f"person:p{topic}": 1.0}))
    assert len(index.stories) == 150
    new = _feats(99999, start + timedelta(days=42), 42, {"country:US": 0.3, "person:p42": 1.0})
    vec = index.vector(new.terms)
    cands = index.candidates(vec, new.actors, new.focal.toordinal() if new.focal else None)
    assert len(cands) <= 10
    assert index.add(new) == index.stories[index.story_of["art42"]].id
    late = _feats(100000, start + timedelta(days=42 + 30), 42, {"person:p42": 1.0})
    assert index.add(late) != index.stories[index.story_of["art42"]].id  # same topic, a month later
