"""The library façade: what the CLI, the web app and tests call. No click, no FastAPI here.

    corpus = newsprism.read(["articles/"])      # ingest + annotate in memory
    corpus.dossier()                             # the evidence-linked dossier (dict)

    with newsprism.open_store("news.db") as store:
        report = newsprism.ingest(["articles/"], store)
        dossier = newsprism.build_dossier_from_store(store)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsprism.config import Settings
from newsprism.records import Annotation, Article, IngestError
from newsprism.store.factory import RecordStore

LOGGER = logging.getLogger(__name__)


def open_store(path: str | Path = ":memory:") -> RecordStore:
    """A SQLite file (or ":memory:"), or PostgreSQL when given a ``postgresql://`` URL."""
    from newsprism.store.factory import open_store as _open

    return _open(path)


def _nlp(settings: Settings):  # type: ignore[no-untyped-def]
    from newsprism.annotate.pipeline import shared_nlp

    return shared_nlp(settings.model)


def read_articles(paths: Iterable[str | Path], stdin: IO[str] | None = None,
                  settings: Settings | None = None) -> Iterator[Article | IngestError]:
    from newsprism.ingest.sources import read_inputs

    settings = settings or Settings()
    yield from read_inputs(paths, stdin=stdin, max_bytes=settings.max_bytes)


def annotate(paths: Iterable[str | Path], stdin: IO[str] | None = None,
             settings: Settings | None = None) -> Iterator[Annotation | IngestError]:
    """Annotations (or error records) for every input, in input order, streamed."""
    from newsprism.annotate.runner import annotate_articles

    settings = settings or Settings()
    errors: list[IngestError] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(paths, stdin=stdin, settings=settings):
            if isinstance(item, IngestError):
                errors.append(item)
            else:
                yield item

    for result in annotate_articles(articles(), _nlp(settings), batch_size=settings.batch_size):
        while errors:
            yield errors.pop(0)
        yield result
    yield from errors


@dataclass
class Corpus:
    """Annotated articles held in memory, with the cross-article analysis on demand."""

    annotations: list[Annotation]
    errors: list[IngestError] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)

    def dossier(self) -> dict[str, Any]:
        from newsprism.analyze.dossier import build_dossier
        from newsprism.link.corpus import link_corpus

        linked = link_corpus(self.annotations, window_days=self.settings.story_window_days)
        return build_dossier(self.annotations, linked)


def read(paths: Iterable[str | Path], stdin: IO[str] | None = None, settings: Settings | None = None) -> Corpus:
    settings = settings or Settings()
    anns: list[Annotation] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    for item in annotate(paths, stdin=stdin, settings=settings):
        if isinstance(item, IngestError):
            errors.append(item)
        elif item.article.id not in seen:  # the same article twice is one article
            seen.add(item.article.id)
            anns.append(item)
    return Corpus(anns, errors, settings)


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    errors: list[IngestError] = field(default_factory=list)


def ingest(paths: Iterable[str | Path], store: RecordStore, stdin: IO[str] | None = None,
           settings: Settings | None = None) -> IngestReport:
    """Read, annotate and store new articles (already stored ones are skipped), then relink.

    Streamed: articles are read, annotated and stored batch by batch (one transaction
    each), so memory stays bounded whatever the input size, and a run killed midway
    resumes on the next call without duplicating anything.
    """
    from newsprism.annotate.runner import annotate_articles

    settings = settings or Settings()
    report = IngestReport()
    seen: set[str] = set()
    pending_errors: list[IngestError] = []

    def fresh() -> Iterator[Article]:
        for item in read_articles(paths, stdin=stdin, settings=settings):
            if isinstance(item, IngestError):
                pending_errors.append(item)
            elif item.id in seen or store.has_annotation(item.id):
                report.unchanged += 1
            else:
                seen.add(item.id)
                yield item

    def flush(batch: list[Annotation]) -> None:
        report.added += store.save_annotations(batch)
        if pending_errors:
            store.save_errors(pending_errors)
            report.errors.extend(pending_errors)
            pending_errors.clear()

    if settings.engine == "dask" or settings.workers > 1:
        from newsprism.scale import annotate_with

        results: Iterator[Annotation | IngestError] = annotate_with(
            fresh(), settings, engine="dask" if settings.engine == "dask" else "local",
            workers=settings.workers, scheduler=settings.scheduler)
    else:
        results = annotate_articles(fresh(), _nlp(settings), batch_size=settings.batch_size)
    batch: list[Annotation] = []
    for result in results:
        if isinstance(result, IngestError):
            pending_errors.append(result)
            continue
        batch.append(result)
        if len(batch) >= settings.batch_size:
            flush(batch)
            batch = []
    flush(batch)
    relink(store, settings)
    return report


def relink(store: RecordStore, settings: Settings | None = None) -> None:
    """Bring the cross-article layer (actors, stories) up to date with the stored annotations.

    A store of at most ``settings.full_relink_limit`` articles is relinked from scratch
    (``link_corpus``: exact, but it loads and reclusters everything). A larger one links
    only the articles the persisted story and actor indexes have not seen yet, so an
    ingest into a 100k-article store costs what its new articles cost.
    """
    settings = settings or Settings()
    ids = store.article_ids()
    if len(ids) <= settings.full_relink_limit:
        _relink_all(store, settings)
    else:
        _relink_new(store, settings, ids)


def _relink_all(store: RecordStore, settings: Settings) -> None:
    from newsprism.link.corpus import link_corpus

    anns = list(store.iter_annotations())
    linked = link_corpus(anns, window_days=settings.story_window_days, statements=False)
    links = [{"article_id": aid, "local_actor": local, "actor_id": gid}
             for (aid, local), gid in linked.actors.links.items()]
    # save_links also drops the incremental state rows, in the same transaction: they match no table now
    store.save_links(linked.actors.actors, links, linked.stories)


def _relink_new(store: RecordStore, settings: Settings, ids: list[str]) -> None:
    """Link the articles the saved indexes lack (oldest first); build the indexes when there are none.

    The state is kept as rows: a batch writes the stories, actors and links it touched and
    the state rows it changed (one ``pop_changes`` of each index feeds both), in one transaction.
    """
    from newsprism.link.incremental import ActorIndex, StoryIndex, story_row

    index: StoryIndex | None = None
    actors: ActorIndex | None = None
    try:
        state = store.load_link_indexes()
        if state:
            index, actors = StoryIndex.from_dict(state["story"]), ActorIndex.from_dict(state["actor"])
    except (ValueError, KeyError, TypeError) as exc:
        LOGGER.warning("saved linking state unusable (%s): relinking every article", exc)
    rebuild = index is None or actors is None or index.window != settings.story_window_days
    if index is None or actors is None or rebuild:
        index, actors = StoryIndex(settings.story_window_days), ActorIndex()
        anns = list(store.iter_annotations())  # date order
    else:
        new = [aid for aid in ids if aid not in index.story_of]  # ids come in date order
        if not new:
            return
        anns = list(store.iter_annotations(new))
    for ann in anns:
        index.add_annotation(ann)
    actor_rows, links = actors.link(anns)
    changes = {"story": index.pop_changes(), "actor": actors.pop_changes()}
    stories = index.stories_out() if rebuild else [story_row(s) for s in changes["story"]["stories"]]
    store.save_link_changes(changes, stories, actor_rows, links, replace=rebuild)


def build_dossier_from_store(store: RecordStore, story: str | None = None,
                             settings: Settings | None = None) -> dict[str, Any]:
    ids: list[str] | None = None
    if story:
        matches = [s for s in store.stories() if s["id"] == story]
        if not matches:
            from newsprism.errors import NewsprismError

            raise NewsprismError(f"no story {story!r}; list them with `newsprism stories --db FILE`")
        ids = list(matches[0]["articles"])
    corpus = Corpus(list(store.iter_annotations(ids)), settings=settings or Settings())
    return corpus.dossier()


def quote_ledger(store: RecordStore, speaker: str | None = None) -> list[dict[str, Any]]:
    """Quotes grouped by canonical speaker (most quoted first), each with outlet, kind, cue and evidence."""
    from newsprism.link.actors import link_actors

    anns = list(store.iter_annotations())
    actors = link_actors(anns)
    names = {str(a["id"]): str(a["name"]) for a in actors.actors}
    rows: list[dict[str, Any]] = []
    for ann in anns:
        for q in ann.quotes:
            gid = actors.speaker_id(ann.article.id, q)
            name = names.get(gid or "", q.speaker_name)
            if name is None:
                continue
            if speaker and speaker.lower() not in name.lower():
                continue
            rows.append({"speaker": name, "speaker_id": gid, "outlet": ann.article.outlet, "kind": q.kind,
                         "cue": q.cue.text if q.cue else None, "text": q.text, "article": ann.article.id,
                         "start": q.start, "end": q.end})
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["speaker"]] = counts.get(r["speaker"], 0) + 1
    rows.sort(key=lambda r: (-counts[r["speaker"]], r["speaker"], r["article"], r["start"]))
    return rows
