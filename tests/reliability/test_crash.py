"""Crash safety: ``kill -9`` an ingest mid-way, run it again, and nothing is lost or doubled."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsprism.ingest.sources import read_inputs
from newsprism.records import Article

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 1000
KILL_AFTER_ROWS = 96  # three batches of 32 stored


def _name(rng: random.Random) -> str:
    """Invented names (syllable soup), never real people."""
    syl = ["ka", "lo", "mi", "ra", "te", "vu", "no", "sa", "di", "be", "zo", "fe"]
    first = "".join(rng.choice(syl) for _ in range(2)).title()
    last = "".join(rng.choice(syl) for _ in range(3)).title()
    return f"{first} {last}"


TOPICS = ["port agreement", "fishing quotas", "border crossing", "prisoner exchange", "grain exports",
          "gas pipeline", "election monitors", "river dam", "visa rules", "arms embargo", "debt relief",
          "refugee camps", "rail link", "customs union", "peace talks", "naval drills", "trade tariffs",
          "water sharing", "airspace closure", "embassy reopening"]
VERBS = ["signed", "rejected", "postponed", "welcomed", "criticised", "proposed", "approved", "suspended"]


def _article(i: int, rng: random.Random) -> str:
    """A short news item (~40 words) with a quote and a date, unique by its serial number.

    Topics, people and dates (spread over years) vary, as in a real archive of many stories.
    """
    who, other, place = _name(rng), _name(rng), _name(rng).split()[1]
    topic, verb = rng.choice(TOPICS), rng.choice(VERBS)
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    month = rng.choice(["January", "March", "May", "July", "September", "November"])
    return (f"{place} {verb} {topic} plan, item {i}\n\n"
            f"Minister {who} met envoy {other} in {place} on {day}, {month} {rng.randint(1, 28)}, "
            f"{rng.randint(2015, 2024)}, and {verb} the {topic} plan. "
            f"\u201cWe {verb} it for good reasons,\u201d {who} told reporters. "
            f"Talks on the {topic} resume next month.\n")


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute(f"select count(*) from [{table}]").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet, or locked for a moment


@pytest.mark.slow
def test_crash_kill9_midway_then_rerun_loses_and_doubles_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    rng = random.Random(1234)
    for i in range(N_ARTICLES):
        (docs / f"{i:04d}.txt").write_text(_article(i, rng), encoding="utf-8")
    expected = {item.id for item in read_inputs([docs]) if isinstance(item, Article)}
    assert len(expected) == N_ARTICLES
    db = tmp_path / "crash.db"
    cmd = [sys.executable, "-m", "newsprism", "ingest", str(docs), "--db", str(db)]

    start = time.monotonic()
    first = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while _count(db, "articles") < KILL_AFTER_ROWS:
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            assert time.monotonic() - start < 240, "no rows stored within 240 s"
            time.sleep(0.05)
        os.kill(first.pid, signal.SIGKILL)
    finally:
        first.kill()
        first.wait()
        if first.stderr:
            first.stderr.close()
    assert first.returncode == -signal.SIGKILL
    stored_at_kill = _count(db, "articles")
    assert KILL_AFTER_ROWS <= stored_at_kill < N_ARTICLES
    with sqlite3.connect(db) as conn:  # the killed run left a consistent database
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) from annotations").fetchone()[0] == stored_at_kill

    second = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.monotonic() - start
    assert second.returncode == 0, second.stderr
    assert f"{N_ARTICLES - stored_at_kill} added, {stored_at_kill} already stored, 0 skipped" in second.stderr

    with sqlite3.connect(db) as conn:
        q = conn.execute
        assert q("pragma integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in q("select id from articles")]
        assert len(ids) == N_ARTICLES and set(ids) == expected  # all stored, exactly once
        assert q("select count(*), count(distinct article_id) from annotations").fetchone() == (N_ARTICLES,) * 2
        for table, key in (("quotes", "start, [end]"), ("timexes", "start, [end]"), ("entities", "start, [end]"),
                           ("events", "start, [end], type"), ("mentions", "local_actor, start, [end]")):
            dupes = q(f"select article_id, {key}, count(*) from [{table}] group by article_id, {key} "
                      "having count(*) > 1").fetchall()
            assert dupes == [], (table, dupes[:5])
        # every stored row belongs to the stored annotation (no leftovers of the killed transaction)
        import json

        per_article = dict(q("select article_id, count(*) from quotes group by article_id").fetchall())
        for aid, data in q("select article_id, data from annotations"):
            assert per_article.get(aid, 0) == len(json.loads(data)["quotes"]), aid
        assert sum(per_article.values()) >= N_ARTICLES  # every article has its quote
        assert q("select count(*) from timexes").fetchone()[0] >= N_ARTICLES
        assert q("select count(*) from ingest_errors").fetchone()[0] == 0
        assert q("select count(*) from story_articles").fetchone()[0] > 0  # the final relink ran
    print(f"crash test: killed after {stored_at_kill} rows; total {elapsed:.0f} s")
