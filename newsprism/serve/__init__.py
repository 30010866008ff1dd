"""The REST API and web UI over a newsprism store: ``create_app("news.db")``, or ``newsprism serve``."""

from newsprism.serve.app import create_app

__all__ = ["create_app"]
