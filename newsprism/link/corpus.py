"""Everything that needs several articles at once, run in order over records."""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.link.actors import ActorLinks, link_actors
from newsprism.link.statements import QuoteRef, align_statements
from newsprism.link.stories import cluster_stories
from newsprism.records import Annotation


@dataclass
class Linked:
    actors: ActorLinks
    stories: list[dict[str, object]]
    statements: list[dict[str, object]]


def quote_id(article_id: str, index: int) -> str:
    return f"{article_id}:q{index}"


def link_corpus(annotations: list[Annotation], window_days: int = 7, statements: bool = True) -> Linked:
    """Actors, stories and (unless ``statements=False``: the store keeps only the first two) statements."""
    actors = link_actors(annotations)
    stories = cluster_stories(annotations, actors, window_days=window_days)
    if not statements:
        return Linked(actors=actors, stories=stories, statements=[])
    refs = [
        QuoteRef(quote_id(ann.article.id, i), ann.article.id,
                 actors.speaker_id(ann.article.id, q), q.text,
                 context=q.sentence.text if q.sentence else "", kind=q.kind)
        for ann in annotations for i, q in enumerate(ann.quotes)
    ]
    return Linked(actors=actors, stories=stories, statements=align_statements(refs))
