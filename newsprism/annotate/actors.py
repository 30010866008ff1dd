"""Placeholder for the newsprism_actors component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Annotator:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, "np_actors", [])
        return doc


@Language.factory("newsprism_actors", requires=["doc.ents", "token.dep"], assigns=["doc._.np_actors", "doc._.np_mentions"])
def make_actors(nlp: Language, name: str) -> Annotator:
    return Annotator(nlp, name)
