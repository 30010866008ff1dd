"""A bounded load test: 200 concurrent clients against a real `newsprism serve` (uvicorn) on 127.0.0.1.

Each client opens its own connection and reads the API and the web pages a
visitor would; every response must be 200. p50/p95 latency is printed and
written to test-artifacts/load.json. The whole test stops itself well under 60 s.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.serve.conftest import Served, build_store
from tests.serving import running_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CLIENTS = 200
BUDGET_S = 45.0  # for the load phase itself; the store build and server start come on top


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Served:
    """Four invented articles (tests/serve/conftest.py), two stories, quotes and events."""
    return build_store(tmp_path_factory.mktemp("load"))


async def _client(base: str, paths: list[str], start: asyncio.Barrier, tls: ssl.SSLContext,
                  latencies: list[float], errors: list[str]) -> None:
    """One visitor: its own connection, a few page and API reads in a row."""
    async with httpx.AsyncClient(base_url=base, timeout=30.0, verify=tls) as client:
        await start.wait()
        for path in paths:
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors.append(f"{path}: {r.status_code} {r.text[:120]}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}: {exc}")


async def _load(base: str, paths: list[str], clients: int) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    start = asyncio.Barrier(clients)
    tls = ssl.create_default_context()  # shared: building one per client costs ~40 ms each (plain http anyway)
    t0 = time.perf_counter()
    tasks = [_client(base, paths, start, tls, latencies, errors) for _ in range(clients)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=BUDGET_S)
    return latencies, errors, time.perf_counter() - t0


def _percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def test_load_200_concurrent_clients(small_store: Served, tmp_path: Path) -> None:
    started = time.perf_counter()
    with running_server(small_store.path, tmp_path / "server.log") as base:
        stories = httpx.get(base + "/api/stories", timeout=10).json()["data"]
        story = next(s for s in stories if small_store.ids["wire"] in s["articles"])
        article = small_store.ids["wire"]
        paths = ["/api/stories", "/api/quotes", "/", f"/stories/{story['id']}", f"/articles/{article}?hl=0-20"]
        for path in paths:  # warm up: the first story page builds (and caches) the dossier
            assert httpx.get(base + path, timeout=30).status_code == 200, path

        # Its own thread and event loop, so an event loop left running on this thread (sync Playwright's,
        # say) cannot get in the way.
        with ThreadPoolExecutor(1) as pool:
            latencies, errors, elapsed = pool.submit(asyncio.run, _load(base, paths, CLIENTS)).result()

        assert httpx.get(base + "/api/stories", timeout=10).status_code == 200  # still up
    log = (tmp_path / "server.log").read_text()
    total = time.perf_counter() - started

    assert errors == [], f"{len(errors)} failed requests, e.g. {errors[:5]}"
    assert len(latencies) == CLIENTS * len(paths)
    assert "Traceback" not in log, log[-3000:]
    result = {
        "clients": CLIENTS, "requests": len(latencies), "paths": paths, "errors": len(errors),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p95_ms": round(1000 * _percentile(latencies, 95), 1),
        "max_ms": round(1000 * max(latencies), 1),
        "load_seconds": round(elapsed, 2), "requests_per_second": round(len(latencies) / elapsed, 1),
        "test_seconds": round(total, 2),
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nload: {CLIENTS} clients, {len(latencies)} requests in {elapsed:.1f} s "
          f"({result['requests_per_second']} req/s): p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
          f"max {result['max_ms']} ms")
    assert total < 60, f"the load test took {total:.1f} s"
