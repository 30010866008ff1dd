"""Errors newsprism raises on purpose; each message says what to do."""


class NewsprismError(Exception):
    """Base class: the CLI turns these into a clean message and exit status."""


class IngestError(NewsprismError):
    """A document could not be read or decoded."""


class StoreError(NewsprismError):
    """The database could not be opened, migrated or written."""


class ModelError(NewsprismError):
    """The spaCy model or another packaged resource is missing."""
