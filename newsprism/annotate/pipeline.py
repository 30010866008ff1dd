"""Build the spaCy pipeline: a base English model plus newsprism's components.

Order matters and is checked by ``nlp.analyze_pipes``: line breaks end
sentences before the parser runs; then actors first (every
later component maps mentions to actors), then time expressions, quotes
(speakers are actors), and events (parties are actors, dates are timexes,
events inside quotes belong to the speaker).

Two changes to the base model make it faster with identical output: its layers
multiply with numpy's OpenBLAS (``blas.py``) and its ``attribute_ruler`` is replaced
and ``lemmatizer`` by cached equivalents (``attributes.py``).
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from newsprism.annotate import (  # noqa: F401  (register factories)
    actors,
    attributes,
    events,
    extensions,  # noqa: F401  (declares Doc._ attributes)
    paragraphs,
    quotes,
    timexes,
)
from newsprism.annotate.attributes import speed_up_attribute_ruler, speed_up_lemmatizer
from newsprism.annotate.blas import use_blas
from newsprism.config import Settings
from newsprism.errors import ModelError

LOGGER = logging.getLogger(__name__)

COMPONENTS = (
    "newsprism_actors",
    "newsprism_timexes",
    "newsprism_quotes",
    "newsprism_events",
)


def build_nlp(settings: Settings | None = None) -> Language:
    """Load the base model and add newsprism's components in order."""
    settings = settings or Settings()
    try:
        nlp = spacy.load(settings.model)
    except OSError as exc:  # model package missing
        raise ModelError(
            f"spaCy model {settings.model!r} is not installed; run `make install`"
        ) from exc
    use_blas(nlp, settings.blas)
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    if "newsprism_linebreaks" not in nlp.pipe_names:
        nlp.add_pipe("newsprism_linebreaks", before="parser" if "parser" in nlp.pipe_names else None)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(model: str, blas: str | None = None) -> Language:
    """One pipeline per model per process: loading costs about a second."""
    settings = Settings(model=model)
    return build_nlp(settings if blas is None else Settings(model=model, blas=blas))
