"""Placeholder for the newsprism_timexes component (being written)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Annotator:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, "np_timexes", [])
        return doc


@Language.factory("newsprism_timexes", requires=["doc.sents"], assigns=["doc._.np_timexes"])
def make_timexes(nlp: Language, name: str) -> Annotator:
    return Annotator(nlp, name)
