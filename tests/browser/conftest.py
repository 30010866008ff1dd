"""Fixtures for the browser tests: a real store, a real `newsprism serve` process, a headless Chromium.

The store is the example corpus (read from ../shared at run time) plus one
invented hostile article whose text, title and outlet are full of markup, so
the tests can check that article text reaches the page only as inert text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.serving import running_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

HOSTILE_TITLE = "<script>alert(1)</script> Harbour pact opinion"
HOSTILE_OUTLET = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = """Opinion: <script>alert(1)</script> what the harbour pact means for the coast

By Quinn Arlow

March 3, 2023

Commenters posted "><img src=x onerror=alert(1)> under the first report, plus [link](javascript:alert(1)) \
and <a href="javascript:alert(1)">click here</a> in protest at the port agreement.

"This agreement will outlast any government," Deputy Minister Ona Varga said on Thursday.
"""


@dataclass
class Site:
    base: str  # http://127.0.0.1:PORT
    db: Path
    hostile_id: str  # the hostile article's id


def build_site_store(directory: Path, example_dir: Path) -> tuple[Path, str]:
    """The example corpus plus the hostile article, ingested through the real pipeline."""
    from newsprism import api

    src = directory / "extra"
    src.mkdir()
    row = {"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "url": "javascript:alert(1)"}
    (src / "hostile.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = directory / "site.db"
    with api.open_store(db) as store:
        report = api.ingest([example_dir, src], store)
        assert report.added >= 2 and not report.errors, report.errors
        hostile = [a.article.id for a in store.iter_annotations() if "onerror" in a.article.text]
    assert len(hostile) == 1
    return db, hostile[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, example_dir: Path) -> Iterator[Site]:
    directory = tmp_path_factory.mktemp("browser")
    db, hostile_id = build_site_store(directory, example_dir)
    with running_server(db, directory / "server.log") as base:
        # Build (and cache) each story's dossier now, so page timeouts measure the page, not the linker.
        for story in httpx.get(base + "/api/stories", timeout=30).json()["data"]:
            assert httpx.get(f"{base}/stories/{story['id']}", timeout=120).status_code == 200
        yield Site(base, db, hostile_id)


@pytest.fixture(scope="module")  # sync Playwright runs an event loop on this thread while open
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: run scripts/install_browser.sh (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Tab:
    """A page plus what it reported: JavaScript dialogs (dismissed) and CSP violations from the console."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    t = Tab(page)

    def on_dialog(dialog: Dialog) -> None:
        t.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(msg: ConsoleMessage) -> None:
        if "Content Security Policy" in msg.text:
            t.csp_violations.append(msg.text)

    page.on("dialog", on_dialog)
    page.on("console", on_console)
    try:
        yield t
    finally:
        context.close()
