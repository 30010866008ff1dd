"""Which matrix-multiply library the spaCy models run on, and with how many threads.

thinc's ``NumpyOps`` multiplies with its bundled ``blis`` by default. On this kind of
machine (x86-64 with AVX-512) numpy's OpenBLAS is far faster for the small dense layers
of the English pipelines: bare ``nlp.pipe`` goes from about 5,000 to 7,000 words/s on
one thread, with token-for-token identical tags, parses and entities on the evaluation
texts (``tests/annotate/test_blas.py`` checks the identity). ``NEWSPRISM_BLAS=blis``
restores thinc's default.

Worker processes each run single-threaded: two processes on two cores beat one process
with two BLAS threads, and more threads than cores only thrash.
"""

from __future__ import annotations

import logging
from typing import Literal

from spacy.language import Language
from thinc.api import NumpyOps

LOGGER = logging.getLogger(__name__)
Blas = Literal["openblas", "blis"]
BLAS_CHOICES: tuple[str, ...] = ("openblas", "blis")


def resolve_blas(name: str | None) -> Blas:
    """A setting (``Settings.blas``, from ``NEWSPRISM_BLAS``) as a valid choice; unknown means openblas."""
    value = (name or "openblas").strip().lower()
    if value not in BLAS_CHOICES:
        LOGGER.warning("BLAS %r is not one of %s; using openblas", value, BLAS_CHOICES)
        return "openblas"
    return "blis" if value == "blis" else "openblas"


def use_blas(nlp: Language, blas: str) -> Language:
    """Point every model layer of ``nlp`` at ops that multiply with ``blas``; returns ``nlp``."""
    ops = NumpyOps(use_blis=(resolve_blas(blas) == "blis"))
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    return nlp


def limit_threads(threads: int) -> None:
    """Cap numpy's BLAS threads in this process (a worker of a pool of several)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
