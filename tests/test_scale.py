"""Parallel and Dask annotation give exactly the one-process output, in input order."""

from __future__ import annotations

import pytest

from newsprism.config import Settings
from newsprism.records import Annotation, Article, IngestError
from newsprism.scale import annotate_chunk, annotate_dask, annotate_parallel

TEXTS = [
    "Chilean Foreign Minister Ana Ruiz met her Peruvian counterpart in Lima on Monday. "
    "\u201cWe will sign the border accord next week,\u201d Ruiz told reporters.",
    "Kenya accused Somalia of violating its airspace on March 3, 2024, the foreign ministry said.",
    "President Omar Haddad of Tunisia said on Friday that talks with Italy on migration had stalled.",
    "The Indonesian navy detained two Vietnamese fishing boats near the Natuna Islands, officials said on Tuesday.",
    "Norway and Iceland agreed to share mackerel quotas for 2025, ending a dispute that lasted a decade.",
    "\u201cThis is not the time for threats,\u201d said Lena Maurer, the Austrian chancellor, in Vienna.",
]
SETTINGS = Settings(batch_size=2)  # three chunks for six articles, so the order is really tested


def _articles() -> list[Article]:
    return [Article(id=f"a{i}", source=f"s{i}", text=t, published=f"2024-03-0{i + 1}")
            for i, t in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def reference() -> list[Annotation | IngestError]:
    return annotate_chunk(_articles(), SETTINGS.model, SETTINGS.batch_size)


def test_reference_is_real(reference: list[Annotation | IngestError]) -> None:
    assert [r.article.id for r in reference if isinstance(r, Annotation)] == [f"a{i}" for i in range(6)]
    assert any(r.actors for r in reference if isinstance(r, Annotation))


def test_one_worker_runs_in_process(reference: list[Annotation | IngestError]) -> None:
    assert list(annotate_parallel(_articles(), workers=1, settings=SETTINGS)) == reference


def test_two_processes_match_one(reference: list[Annotation | IngestError]) -> None:
    assert list(annotate_parallel(_articles(), workers=2, settings=SETTINGS)) == reference


def test_dask_local_cluster_matches_local(reference: list[Annotation | IngestError]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got = list(annotate_dask(_articles(), settings=SETTINGS, client=client))
        assert len(client.nthreads()) == 2
    assert got == reference
