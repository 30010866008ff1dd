"""Shared fixtures: the pipeline (once per session), real temporary stores, the corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "tests" / "data" / "sample"
EXAMPLE_DIR = ROOT.parent / "shared" / "corpus" / "versailles-2017"
CONTRACTS = ROOT.parent / "shared" / "contracts"


@pytest.fixture(scope="session")
def nlp():
    from newsprism.annotate.pipeline import build_nlp

    return build_nlp()


@pytest.fixture
def store():
    from newsprism.store.db import Store

    s = Store(":memory:")
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture(scope="session")
def example_dir() -> Path:
    if not EXAMPLE_DIR.is_dir():
        pytest.skip("the example corpus ../shared/corpus/versailles-2017 is not beside the project")
    return EXAMPLE_DIR


def load_schema(name: str) -> dict:
    return json.loads((CONTRACTS / name).read_text())


@pytest.fixture(scope="session")
def dossier_schema() -> dict:
    if not CONTRACTS.is_dir():
        pytest.skip("../shared/contracts is not beside the project")
    return load_schema("dossier.schema.json")


@pytest.fixture(scope="session")
def annotation_schema() -> dict:
    if not CONTRACTS.is_dir():
        pytest.skip("../shared/contracts is not beside the project")
    return load_schema("annotation.schema.json")


@pytest.fixture(scope="session")
def example_corpus(example_dir: Path):
    import newsprism

    return newsprism.read([example_dir])


@pytest.fixture(scope="session")
def example_dossier(example_corpus) -> dict:
    return example_corpus.dossier()


def annotate_text(nlp, text: str, published: str | None = None):
    """Run the full pipeline over one text with its anchor date; returns the Doc."""
    doc = nlp.make_doc(text)
    doc._.np_meta = {"published": published}
    return nlp(doc)
