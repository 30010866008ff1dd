"""The ``serve`` click command (the lead registers it in cli.py); uvicorn itself is not started."""

from __future__ import annotations

from click.testing import CliRunner

from newsprism.serve.command import serve_command


def test_serve_command_help_has_example():
    result = CliRunner().invoke(serve_command, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "--db" in result.output and "--port" in result.output


def test_serve_command_starts_uvicorn_with_the_app(served, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: calls.append((app, host, port)))
    result = CliRunner().invoke(serve_command, ["--db", str(served.path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    app, host, port = calls[0]
    assert (host, port) == ("127.0.0.1", 8123)
    assert app.state.newsprism.store_path == str(served.path)


def test_serve_command_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "missing.db")])
    assert result.exit_code != 0 and "does not exist" in result.output
    assert not (tmp_path / "missing.db").exists()
