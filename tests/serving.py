"""Start the real ``newsprism serve`` on a free loopback port, for tests that need a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(db: Path, log: Path, env: dict[str, str] | None = None,
                   timeout: float = 30.0) -> Iterator[str]:
    """`python -m newsprism serve` on 127.0.0.1 and a free port; yields its base URL, stops it after."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    child_env = {k: v for k, v in os.environ.items() if k != "NEWSPRISM_TOKEN"} | (env or {})
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=child_env, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"the server exited with {proc.returncode}: {log.read_text()[-2000:]}")
                try:
                    if httpx.get(base + "/api/stories", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not answer within {timeout:.0f} s")
                time.sleep(0.1)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
