"""Tone toward an actor reads the outlet's own words around it, with a general valence lexicon."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.framing import _valence, article_framing
from newsprism.annotate.pipeline import build_nlp
from newsprism.annotate.runner import annotate_articles
from newsprism.link.actors import link_actors
from newsprism.records import Annotation, Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _tone(nlp: Language, text: str) -> dict[str, float]:
    (ann,) = annotate_articles([Article(id="t1", source="t1", text=text, published="2031-05-02")], nlp)
    assert isinstance(ann, Annotation)
    links = link_actors([ann])
    names = {str(a["id"]): str(a["name"]) for a in links.actors}
    framing = article_framing(ann, links)
    tone = framing["tone"]
    assert isinstance(tone, dict)
    return {names[k]: v for k, v in tone.items()}


def test_valence_handles_negation_and_neutral_reporting() -> None:
    assert _valence("The talks were a welcome success.") > 0.3
    assert _valence("The talks were not a success.") < 0
    assert _valence("The minister arrived in the capital on Tuesday.") == 0.0


def test_tone_follows_the_outlets_words_not_the_quotes(nlp: Language) -> None:
    text = ("Governor Alma Reyes won praise for her calm and generous handling of the flood relief.\n\n"
            "Reyes was warmly thanked by residents, who admired her honest leadership.\n\n"
            "Senator Bruno Kael, whose corrupt and cruel schemes failed, was widely condemned.\n\n"
            "Kael said: \"This is a wonderful, brilliant, excellent day for everyone.\"")
    tone = _tone(nlp, text)
    reyes = next(v for k, v in tone.items() if "Reyes" in k)
    kael = next(v for k, v in tone.items() if "Kael" in k)
    assert reyes > 0.3
    assert kael < -0.2  # his own glowing quote does not count
    assert all(-1.0 <= v <= 1.0 for v in tone.values())
