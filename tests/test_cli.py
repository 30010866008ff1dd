"""The CLI end to end on real temporary databases (reopened to assert on rows)."""

from __future__ import annotations

import json
import shutil
import sqlite3

import jsonschema
from click.testing import CliRunner

from newsprism.cli import EXIT_SKIPPED, cli

ARTICLE_A = """Ministers agree to reopen border crossing

By Lena Park

March 4, 2024

SEOUL, March 4 (Test Wire) - South Korea's foreign minister, Min-jun Cho, said on Monday that the two
governments had agreed to reopen the northern crossing next month. "This is a practical first step," Cho
told reporters after a two-hour meeting with his Japanese counterpart, Hiro Tanaka.
"""

ARTICLE_B = """Border crossing to reopen, ministers say

By Sam Oduya

March 5, 2024

TOKYO (Other Wire) - Japan's foreign minister Hiro Tanaka said on Tuesday that the crossing would reopen in
April. "We have taken a practical first step," the minister said, adding that talks would continue.
"""


def _write_sample(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A)
    (d / "b.txt").write_text(ARTICLE_B)
    return d


def test_ingest_is_idempotent(tmp_path, db_path):
    src = _write_sample(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(src), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 2
    outlets = {r[0] for r in conn.execute("select outlet from articles")}
    assert outlets == {"Test Wire", "Other Wire"}
    conn.close()
    again = runner.invoke(cli, ["ingest", str(src), "--db", str(db_path)])
    assert again.exit_code == 0
    assert "0 added, 2 already stored" in again.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 2
    assert conn.execute("select count(*) from stories").fetchone()[0] >= 1
    conn.close()


def test_bad_files_are_skipped_and_reported(tmp_path, db_path):
    src = _write_sample(tmp_path)
    (src / "empty.txt").write_text("")
    (src / "blob.txt").write_bytes(bytes(range(256)) * 50)
    (src / "latin.txt").write_bytes("Accord signé\n\nLe ministre a signé l'accord lundi à Paris.".encode("latin-1"))
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db_path)])
    assert result.exit_code == EXIT_SKIPPED
    assert result.output.count("skipped:") == 2
    assert "empty" in result.output and "binary" in result.output
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 3
    assert conn.execute("select count(*) from ingest_errors").fetchone()[0] == 2
    conn.close()


def test_annotate_stdin_jsonl(annotation_schema):
    line = json.dumps({"id": "x1", "text": ARTICLE_A, "published": "2024-03-04", "outlet": "Test Wire"})
    result = CliRunner().invoke(cli, ["annotate", "-", "--format", "jsonl"], input=line + "\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(r) for r in result.output.splitlines() if r.startswith("{")]
    assert len(rows) == 1
    row = rows[0]
    jsonschema.validate(row, annotation_schema)
    assert row["text"] == ARTICLE_A and row["id"] == "x1" and row["published"] == "2024-03-04"


def test_dossier_from_db_in_every_format(tmp_path, db_path, dossier_schema):
    src = _write_sample(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), "--db", str(db_path)]).exit_code == 0
    result = runner.invoke(cli, ["dossier", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, dossier_schema)
    assert len(data["articles"]) == 2
    html = tmp_path / "d.html"
    assert runner.invoke(cli, ["dossier", "--db", str(db_path), "--format", "html", "-o", str(html)]).exit_code == 0
    assert "<h2>Timeline</h2>" in html.read_text()
    md = runner.invoke(cli, ["dossier", "--db", str(db_path), "--format", "md"])
    assert md.exit_code == 0 and "## Briefing" in md.output
    for cmd in (["quotes"], ["timeline"], ["stories"]):
        res = runner.invoke(cli, [*cmd, "--db", str(db_path), "--format", "json"])
        assert res.exit_code == 0, res.output
        json.loads(res.output)


def test_missing_db_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["dossier", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output


def test_dossier_of_sample_dir_copy(tmp_path, sample_dir, dossier_schema):
    if not any(sample_dir.glob("*.txt")):
        return
    dst = tmp_path / "sample"
    shutil.copytree(sample_dir, dst)
    result = CliRunner().invoke(cli, ["dossier", str(dst), "--format", "json"])
    assert result.exit_code == 0, result.output
    jsonschema.validate(json.loads(result.output), dossier_schema)


def test_dyads_and_event_exports(tmp_path, db_path):
    import pyarrow.parquet as pq

    from newsprism.export.events_table import COLUMNS

    src = _write_sample(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(src), "--db", str(db_path)]).exit_code == 0
    res = runner.invoke(cli, ["dyads", "--db", str(db_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "series" in json.loads(res.output)
    res = runner.invoke(cli, ["export", "events", "--db", str(db_path), "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0].split(",") == COLUMNS
    out = tmp_path / "events.parquet"
    res = runner.invoke(cli, ["export", "events", "--db", str(db_path), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).column_names == COLUMNS
    res = runner.invoke(cli, ["export", "annotations", "--db", str(db_path), "--format", "jsonl"])
    assert res.exit_code == 0 and len(res.output.splitlines()) == 2


def test_ingest_with_two_workers_stores_the_same_rows(tmp_path):
    src = _write_sample(tmp_path)
    runner = CliRunner()
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert runner.invoke(cli, ["ingest", str(src), "--db", str(one)]).exit_code == 0
    res = runner.invoke(cli, ["ingest", str(src), "--db", str(two), "--workers", "2"])
    assert res.exit_code == 0, res.output

    def rows(path):
        conn = sqlite3.connect(path)
        out = (conn.execute("select id, text, title, outlet, published, genre from articles order by id").fetchall(),
               conn.execute("select id, text, kind, speaker_name from quotes order by id").fetchall(),
               conn.execute("select article_id, start, value from timexes order by 1, 2").fetchall())
        conn.close()
        return out

    assert rows(one) == rows(two)
