"""The `policykg` command: a thin shell over the packages beside it.

Connection options are resolved once, in the root callback, into a Settings
object (CLI option > environment > .env); commands take it from the context.
Every PolicyKGError becomes ``Error: <one line>`` on stderr and exit code 1;
anything else is a bug and keeps its traceback, without locals.
"""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperGroup

from policykg.cli.context import State
from policykg.errors import PolicyKGError, ValidationFailed


class _App(TyperGroup):
    """Root group: the one place where user-facing errors become exit code 1."""

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            for problem in exc.problems:
                typer.echo(f"Error: {problem}", err=True)
            raise typer.Exit(1) from None
        except PolicyKGError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_App,
    name="policykg",
    help="A knowledge graph of public policies, their regions, targets, projects and figures, in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


@app.callback()
def _connection(
    ctx: typer.Context,
    uri: Annotated[str | None, typer.Option("--uri", help="Neo4j URI [env NEO4J_URI; default bolt://localhost:7687]")] = None,
    username: Annotated[str | None, typer.Option("--username", help="[env NEO4J_USERNAME; default neo4j]")] = None,
    password: Annotated[str | None, typer.Option("--password", help="[env NEO4J_PASSWORD; local server: stored]")] = None,
    database: Annotated[str | None, typer.Option("--database", help="[env NEO4J_DATABASE; default: server's]")] = None,
) -> None:
    """Connection options apply to every command."""
    ctx.obj = State({"uri": uri, "username": username, "password": password, "database": database})


def _register() -> None:
    from policykg.cli import analyze, browser, export, ingest, query, schema, server, status

    for module in (status, server, schema, ingest, query, browser, export, analyze):
        module.register(app)


_register()


def main() -> None:
    app()
