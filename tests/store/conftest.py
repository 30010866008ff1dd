"""The PostgreSQL test server, started by scripts/start_postgres.sh once per session.

``NEWSPRISM_TEST_PG`` (a postgresql:// URL) points the tests at an existing server
instead. A server that cannot be installed or started fails the tests loudly: the
PostgreSQL backend is part of what ``make test`` checks, so it is never skipped.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "start_postgres.sh"


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get("NEWSPRISM_TEST_PG")
    if url:
        return url
    began = time.monotonic()
    try:
        done = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=900, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{SCRIPT.name} did not finish in 15 minutes (apt-get or the server hung)", pytrace=False)
    if done.returncode != 0 or not done.stdout.strip().startswith("postgresql://"):
        pytest.fail(f"could not start the PostgreSQL test server with {SCRIPT} (exit {done.returncode}):\n"
                    f"{done.stderr[-3000:]}\nset NEWSPRISM_TEST_PG to use an existing server", pytrace=False)
    seconds = time.monotonic() - began
    if seconds > 5:
        print(f"\nPostgreSQL test server ready in {seconds:.1f}s")
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[Callable[[], str]]:
    """Makes fresh schema names for one test; drops them all afterwards."""
    import psycopg
    from psycopg import sql

    made: list[str] = []

    def make() -> str:
        made.append(f"t_{uuid.uuid4().hex[:16]}")
        return made[-1]

    yield make
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for name in made:
            conn.execute(sql.SQL("drop schema if exists {} cascade").format(sql.Identifier(name)))
