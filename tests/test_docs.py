"""Every CLI command has help text with an example and is documented in the README."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_and_is_documented(name):
    command = cli.commands[name]
    assert command.help and "Example:" in command.help
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert f"newsprism {name}" in README
