"""Placeholder for the newsprism_events component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Annotator:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, "np_events", [])
        return doc


@Language.factory("newsprism_events", requires=["doc._.np_actors", "doc._.np_timexes", "doc._.np_quotes"], assigns=["doc._.np_events"])
def make_events(nlp: Language, name: str) -> Annotator:
    return Annotator(nlp, name)
