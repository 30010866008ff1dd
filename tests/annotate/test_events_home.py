"""Domestic actors named without a country (police, protesters, soldiers) belong to the article's
home country: its dateline's, else the one its places clearly name most."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.annotate.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _events(nlp: Language, text: str) -> list[dict[str, object]]:
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": "2031-03-04", "title": None, "outlet": None}
    return list(nlp(doc)._.np_events)


def test_local_actors_take_the_country_the_article_is_about(nlp: Language) -> None:
    text = ("Kenya's parliament passed the finance bill on Tuesday despite weeks of anger in Kenya.\n\n"
            "Kenyan opposition leaders said the vote ignored the public. Critics in Kenya called it a betrayal.\n\n"
            "Police fired tear gas at protesters who tried to reach the building.")
    coerce = [e for e in _events(nlp, text) if e["type"] == "COERCE"]
    assert coerce, "the tear gas is coded"
    assert coerce[0]["source"]["country"] == "KEN"
    assert coerce[0]["target"]["country"] == "KEN"


def test_no_home_country_when_no_country_dominates(nlp: Language) -> None:
    text = ("Chile and Peru signed a fisheries accord. Chile and Peru will share data; Chile and Peru "
            "agreed on quotas.\n\nPolice fired tear gas at protesters who tried to reach the building.")
    coerce = [e for e in _events(nlp, text) if e["type"] == "COERCE"]
    assert coerce and coerce[0]["source"]["country"] is None
