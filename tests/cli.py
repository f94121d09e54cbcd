"""Run the CLI in-process, the way sqlite-utils' tests do, with a chosen environment."""

from __future__ import annotations

from typer.testing import CliRunner, Result

from policykg.cli import app

CONNECTION_VARS = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def run_cli(*args: str, env: dict[str, str] | None = None) -> Result:
    """Invoke ``policykg args…``; connection variables not in ``env`` are unset."""
    full_env: dict[str, str | None] = dict.fromkeys(CONNECTION_VARS)
    full_env.update(env or {})
    return CliRunner().invoke(app, list(args), env=full_env)
