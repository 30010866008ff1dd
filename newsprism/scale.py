"""Annotate many articles at once: on local worker processes, or on a Dask cluster.

Both engines cut the input into chunks of ``settings.batch_size`` articles, run the
ordinary ``annotate_articles`` on each chunk in a worker that builds its pipeline once
(``shared_nlp`` is cached per process), and yield the results in input order, so the
output is the one-worker output. Only a few chunks are in flight at a time, so memory
stays bounded however long the input. Storing and linking stay in the caller's
process (one writer to SQLite, one story index).

    for item in annotate_parallel(articles, workers=4): ...
    for item in annotate_dask(articles, scheduler="tcp://10.0.0.5:8786"): ...
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, Literal

from newsprism.config import Settings
from newsprism.records import Annotation, Article, IngestError

LOGGER = logging.getLogger(__name__)
Result = Annotation | IngestError
Engine = Literal["local", "dask"]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _init_worker(model: str) -> None:
    """Build the pipeline when the worker starts, not inside the first task.

    A worker is one of several processes sharing the cores: its BLAS runs one thread.
    """
    from newsprism.annotate.blas import limit_threads
    from newsprism.annotate.pipeline import shared_nlp

    limit_threads(1)
    shared_nlp(model)
    _READY.add(model)


def annotate_chunk(chunk: list[Article], model: str, batch_size: int) -> list[Result]:
    """One chunk annotated in this process (the task both engines send to their workers)."""
    from newsprism.annotate.pipeline import shared_nlp
    from newsprism.annotate.runner import annotate_articles

    if model not in _READY:  # a Dask worker: nobody ran the initializer
        _init_worker(model)
    return list(annotate_articles(chunk, shared_nlp(model), batch_size=batch_size))


_READY: set[str] = set()  # models whose worker set-up ran in this process


def _failed(chunk: list[Article], exc: BaseException) -> list[Result]:
    LOGGER.warning("a worker failed on %d articles (%s); they are skipped", len(chunk), exc)
    return [IngestError(a.source, f"{a.source}: annotation worker failed: {exc}") for a in chunk]


def _in_order(chunks: Iterator[list[Article]], submit: Callable[[list[Article]], Any],
              result: Callable[[Any], list[Result]], window: int) -> Iterator[Result]:
    """Keep ``window`` chunks in flight; yield their results in submission order."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            yield from _take(pending, result)
    while pending:
        yield from _take(pending, result)


def _take(pending: deque[tuple[list[Article], Any]], result: Callable[[Any], list[Result]]) -> list[Result]:
    chunk, future = pending.popleft()
    try:
        return result(future)
    except Exception as exc:  # a worker died or the task failed: the chunk becomes error records
        return _failed(chunk, exc)


def annotate_parallel(articles: Iterable[Article], workers: int = 2, settings: Settings | None = None, *,
                      chunk_size: int | None = None, start_method: str = "spawn") -> Iterator[Result]:
    """Annotations (or error records) in input order, computed by ``workers`` processes.

    ``spawn`` (the default) and ``forkserver`` are safe with spaCy's threads; with one
    worker everything runs in this process.
    """
    settings = settings or Settings()
    size = chunk_size or settings.batch_size
    if workers <= 1:
        from newsprism.annotate.pipeline import shared_nlp
        from newsprism.annotate.runner import annotate_articles

        yield from annotate_articles(articles, shared_nlp(settings.model), batch_size=size)
        return
    context = multiprocessing.get_context(start_method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                             initargs=(settings.model,)) as pool:

        def submit(chunk: list[Article]) -> Future[list[Result]]:
            return pool.submit(annotate_chunk, chunk, settings.model, size)

        yield from _in_order(_chunks(articles, size), submit, lambda f: f.result(), window=2 * workers)


def annotate_dask(articles: Iterable[Article], scheduler: str | None = None, workers: int = 2,
                  settings: Settings | None = None, *, chunk_size: int | None = None,
                  client: Any = None) -> Iterator[Result]:
    """Annotate on a Dask cluster; results come back here, in input order, to be stored and linked.

    ``scheduler`` is a scheduler address (``tcp://host:8786``); without one (and without a
    ``client``) a ``LocalCluster`` of ``workers`` single-threaded processes is started for
    the call and closed after it. Run workers with ``--nthreads 1``: a spaCy pipeline is
    not shared between threads.
    """
    from distributed import Client, LocalCluster

    settings = settings or Settings()
    size = chunk_size or settings.batch_size
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    try:
        slots = sum(client.nthreads().values()) or workers

        def submit(chunk: list[Article]) -> Any:
            return client.submit(annotate_chunk, chunk, settings.model, size, pure=False)

        yield from _in_order(_chunks(articles, size), submit, lambda f: f.result(), window=2 * slots)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def annotate_with(articles: Iterable[Article], settings: Settings | None = None, *, engine: Engine = "local",
                  workers: int = 1, scheduler: str | None = None) -> Iterator[Result]:
    """The one call ``api.ingest`` needs: pick the engine by name."""
    if engine == "dask":
        return annotate_dask(articles, scheduler=scheduler, workers=workers, settings=settings)
    return annotate_parallel(articles, workers=workers, settings=settings)


def ingest_articles(articles: Iterable[Article], store: Any, settings: Settings | None = None, *,
                    engine: Engine = "local", workers: int = 1, scheduler: str | None = None,
                    index: Any = None) -> tuple[int, list[IngestError], Any]:
    """Annotate (any engine), store in batches and link each article into the story index as it comes.

    Returns (articles added, error records, the ``StoryIndex``); the caller persists the
    index (``index.pop_changes()``) and the errors. ``store`` is a ``newsprism.store.db.Store``.
    """
    from newsprism.link.incremental import StoryIndex

    settings = settings or Settings()
    index = index if index is not None else StoryIndex(settings.story_window_days)
    added, errors, batch = 0, [], []
    for item in annotate_with(articles, settings, engine=engine, workers=workers, scheduler=scheduler):
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        batch.append(item)
        if len(batch) >= settings.batch_size:
            added += _store_and_link(batch, store, index)
            batch = []
    added += _store_and_link(batch, store, index)
    return added, errors, index


def _store_and_link(batch: list[Annotation], store: Any, index: Any) -> int:
    n = int(store.save_annotations(batch))
    for ann in batch:
        index.add_annotation(ann)
    return n
