"""The faster base model (OpenBLAS, cached attribute rules and lemmas) gives spaCy's own output."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from newsprism.annotate.attributes import CachedLemmatizer, FastAttributeRuler
from newsprism.annotate.blas import resolve_blas, use_blas
from newsprism.annotate.pipeline import build_nlp
from newsprism.config import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
MODEL = Settings().model


def _texts() -> list[str]:
    paths = sorted((DATA / "sample").glob("*.txt"))[:6] + sorted((DATA / "dev").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # forms the two-token and set rules exist for, and whitespace tokens
    texts.append("We gonna go, y'all.  Let's see: ain't nothin' there,\n\nbut there are gotta be more.")
    return texts


def _signature(nlp: Language, texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]
            for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def reference() -> list[list[tuple[object, ...]]]:
    return _signature(spacy.load(MODEL), _texts())


@pytest.fixture(scope="module")
def fast() -> Language:
    return build_nlp(Settings(blas="openblas"))


def test_pipeline_swaps_in_the_fast_components(fast: Language) -> None:
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)
    names = fast.pipe_names
    assert names.index("parser") < names.index("attribute_ruler") < names.index("lemmatizer") < names.index("ner")


def test_fast_base_model_matches_spacy_token_for_token(fast: Language,
                                                       reference: list[list[tuple[object, ...]]]) -> None:
    base = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    with fast.select_pipes(enable=base):
        got = _signature(fast, _texts())
        again = _signature(fast, _texts())  # from the warm caches
    assert sum(len(d) for d in got) > 5000
    assert got == reference
    assert again == reference


def test_blis_and_openblas_agree(reference: list[list[tuple[object, ...]]]) -> None:
    nlp = use_blas(spacy.load(MODEL), "openblas")
    assert _signature(nlp, _texts()) == reference
    nlp = use_blas(nlp, "blis")
    assert _signature(nlp, _texts()) == reference


def test_blas_choice_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSPRISM_BLAS", "blis")
    assert resolve_blas(Settings().blas) == "blis"
    monkeypatch.setenv("NEWSPRISM_BLAS", "bogus")
    assert resolve_blas(Settings().blas) == "openblas"
    monkeypatch.delenv("NEWSPRISM_BLAS")
    assert resolve_blas(Settings().blas) == "openblas"


def test_cache_is_bounded_by_the_rules_not_the_vocabulary(fast: Language) -> None:
    ruler = fast.get_pipe("attribute_ruler")
    assert isinstance(ruler, FastAttributeRuler)
    fast("Zorblax quinterfed the vintrobic snarlgates.")
    size = len(ruler._cache)
    fast("Plimtrod wexanated the brumfoddled clinterpots.")  # new words, same tags: no new entries
    assert len(ruler._cache) <= size + 2
