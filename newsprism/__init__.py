"""newsprism: many outlets' coverage of political events as an evidence-linked record."""

import logging

from newsprism.api import Corpus, annotate, build_dossier_from_store, ingest, open_store, read

__all__ = ["Corpus", "annotate", "build_dossier_from_store", "ingest", "open_store", "read"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
