"""Per-app state (store connections, the write lock, the dossier cache) and the FastAPI dependencies.

FastAPI runs sync endpoints and dependencies on a thread pool, so the
connections are opened with ``check_same_thread=False``: readers share one
connection (SQLite serialises calls on it; WAL lets reads proceed while a
write commits), and the single writer connection is only used under
``write_lock``, so there is exactly one writer at a time.
"""

from __future__ import annotations

import hmac
import sqlite3
import threading
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlite_utils import Database

from newsprism import api
from newsprism.store.db import Store
from newsprism.store.migrations import MIGRATIONS
from newsprism.store.queries import data_version


def open_threaded_store(path: str) -> Store:
    """A ``Store`` whose connection may be used from any thread (callers serialise writes)."""
    store = Store(path)  # creates the file and applies migrations (the web app serves SQLite)
    store.db.close()
    conn = sqlite3.connect(path, check_same_thread=False)
    store.db = Database(conn)
    store.db.execute("PRAGMA busy_timeout=10000")
    if path == ":memory:":
        MIGRATIONS.apply(store.db)
    return store


class ServeState:
    """What one app instance holds: its store connections, token, limits and dossier cache."""

    def __init__(self, store_path: str, token: str | None, max_body: int) -> None:
        self.store_path = store_path
        self.token = token or None
        self.max_body = max_body
        self.reader = open_threaded_store(store_path)
        # An in-memory database exists once per connection, so there it is reader and writer both.
        self._writer: Store | None = self.reader if store_path == ":memory:" else None
        self.write_lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._dossiers: dict[str | None, tuple[tuple[int, str, int], dict[str, Any]]] = {}

    def writer(self) -> Store:
        if self._writer is None:
            self._writer = open_threaded_store(self.store_path)
        return self._writer

    def dossier(self, story: str | None = None) -> dict[str, Any]:
        """The (story's) dossier, rebuilt only when the stored articles or links change.

        Building it relinks every article, so it is worth keeping between requests."""
        with self._build_lock:
            version = data_version(self.reader)
            hit = self._dossiers.get(story)
            if hit and hit[0] == version:
                return hit[1]
            dossier = api.build_dossier_from_store(self.reader, story=story)
            self._dossiers = {k: v for k, v in self._dossiers.items() if v[0] == version}
            self._dossiers[story] = (version, dossier)
            return dossier

    def close(self) -> None:
        if self._writer is not None and self._writer is not self.reader:
            self._writer.close()
        self.reader.close()


def get_state(request: Request) -> ServeState:
    state: ServeState = request.app.state.newsprism
    return state


StateDep = Annotated[ServeState, Depends(get_state)]


def get_store(state: StateDep) -> Store:
    return state.reader


StoreDep = Annotated[Store, Depends(get_store)]

_bearer = HTTPBearer(auto_error=False, description="the token set by NEWSPRISM_TOKEN")


def require_token(state: StateDep,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need ``Authorization: Bearer <token>``; with no token configured they are disabled."""
    if state.token is None:
        raise HTTPException(403, "writes are disabled: start the server with NEWSPRISM_TOKEN set")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), state.token.encode()):
        raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})
