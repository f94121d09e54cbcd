"""Every command and group answers --help with its own description."""

from __future__ import annotations

import pytest
import typer

from policykg.cli import app
from tests.cli import run_cli


def _command_paths() -> list[list[str]]:
    group = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(command, prefix: list[str]) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            paths.append(prefix + [name])
            walk(sub, prefix + [name])

    walk(group, [])
    return paths


def test_the_command_tree_has_the_foundation_commands():
    paths = {" ".join(p) for p in _command_paths()}
    assert {"status", "server start", "server stop", "server status", "server env", "server logs",
            "schema apply", "schema show"} <= paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p))
def test_every_command_has_help(path):
    result = run_cli(*path, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    assert command.help or command.short_help, f"{' '.join(path)} has no help text"
