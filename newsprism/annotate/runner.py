"""Run the pipeline over many articles: batched, and one bad document never stops the batch."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsprism.annotate.genre import classify_genre
from newsprism.annotate.to_records import doc_to_annotation
from newsprism.records import Annotation, Article, IngestError

LOGGER = logging.getLogger(__name__)
MAX_CHARS = 1_000_000  # spaCy's own default nlp.max_length


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.np_meta = {"published": article.published, "title": article.title, "outlet": article.outlet}
    return doc


def annotate_articles(articles: Iterable[Article], nlp: Language,
                      batch_size: int = 16) -> Iterator[Annotation | IngestError]:
    """Annotations in input order; an article that fails becomes an IngestError record."""
    batch: list[Article] = []
    for article in articles:
        if len(article.text) > MAX_CHARS:
            LOGGER.warning("skipped %s: %d characters is over the %d limit", article.source,
                           len(article.text), MAX_CHARS)
            yield IngestError(article.source, f"{article.source}: text longer than {MAX_CHARS} characters")
            continue
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _annotate_batch(batch, nlp)
            batch = []
    if batch:
        yield from _annotate_batch(batch, nlp)


def _annotate_batch(batch: list[Article], nlp: Language) -> Iterator[Annotation | IngestError]:
    try:
        docs = list(nlp.pipe(_make_doc(nlp, a) for a in batch))
    except Exception:  # one bad doc spoils nlp.pipe: redo the batch one by one
        LOGGER.exception("batch failed; annotating its %d articles one by one", len(batch))
        for article in batch:
            try:
                yield _finish(article, nlp(_make_doc(nlp, article)))
            except Exception as exc:
                LOGGER.warning("skipped %s: annotation failed (%s)", article.source, exc)
                yield IngestError(article.source, f"{article.source}: annotation failed: {exc}")
        return
    for article, doc in zip(batch, docs, strict=True):
        yield _finish(article, doc)


def _finish(article: Article, doc: Doc) -> Annotation:
    annotation = doc_to_annotation(doc, article)
    if article.genre is None:
        annotation.article = dataclasses.replace(article, genre=classify_genre(article, annotation))
    return annotation
