"""Story clustering on the sample and dev corpora: same-event sets stay together, others apart."""

from __future__ import annotations

import dataclasses
import random

import pytest

import newsprism
from newsprism.link.actors import link_actors
from newsprism.link.stories import cluster_stories
from tests.eval.common import ROOT


@pytest.fixture(scope="module")
def by_file():
    corpus = newsprism.read([ROOT / "tests" / "data" / "sample", ROOT / "tests" / "data" / "dev"])
    return {a.article.source.rsplit("/", 1)[-1]: a for a in corpus.annotations}


def _undated(ann):
    return dataclasses.replace(ann, article=dataclasses.replace(ann.article, published=None), timexes=[])


def test_triplets_alone_cluster_like_in_a_big_corpus(by_file):
    """Three same-event articles given on their own (no dates) form one story; three unrelated ones, three."""
    rng = random.Random(7)
    summit = sorted(k for k in by_file if k.startswith("summit"))
    dev = sorted(k for k in by_file if not k.startswith(("summit", "fisheries")))
    for _ in range(8):
        same = [_undated(by_file[k]) for k in rng.sample(summit, 3)]
        assert len(cluster_stories(same, link_actors(same))) == 1
        other = [_undated(by_file[k]) for k in rng.sample(dev, 3)]
        assert len(cluster_stories(other, link_actors(other))) == 3


def test_dates_split_two_developments_of_one_dispute(by_file):
    anns = [a for k, a in by_file.items() if k.startswith("fisheries")]
    stories = cluster_stories(anns, link_actors(anns))
    groups = sorted(sorted(by_file_name(a, anns) for a in s["articles"]) for s in stories)
    assert [len(g) for g in groups] in ([2, 5], [5, 2])


def by_file_name(article_id, anns):
    return next(a.article.source.rsplit("/", 1)[-1] for a in anns if a.article.id == article_id)


def test_an_unlinked_speaker_name_finds_its_actor():
    from newsprism.link.actors import ActorLinks
    from newsprism.records import Quote

    links = ActorLinks(actors=[
        {"id": "p1", "name": "Helena Lima", "kind": "person", "aliases": ["Lima"], "mentions": 3},
        {"id": "p2", "name": "Rui Costa", "kind": "person", "aliases": [], "mentions": 1},
    ], links={})
    quote = Quote(0, 5, "hello", "direct", "Candidate Lima", None, None, None)
    assert links.speaker_id("a1", quote) == "p1"
    assert links.lookup_name("President Rui Costa") == "p2"
    assert links.lookup_name("a senior diplomat") is None


def test_canonical_names_drop_datelines_and_one_off_slips():
    from newsprism.link.actors import GlobalActor, strip_titles

    assert strip_titles("Lima PARIS") == "Lima" and strip_titles("President Ana Lima") == "Ana Lima"
    assert strip_titles("Ana Lima Meets") == "Ana Lima" and strip_titles("Ahmed Said") == "Ahmed Said"
    g = GlobalActor(id="x")
    g.names.update({"Ana Lima": 5, "Ana Lima Meets": 1, "Lima": 2})
    assert g.name == "Ana Lima"
    g.names.update({"Ana Lima Costa": 4})
    assert g.name == "Ana Lima Costa"
