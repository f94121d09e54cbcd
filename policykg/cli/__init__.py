"""The `policykg` command: a thin shell over the packages beside it.

Connection options are resolved once, in the root callback, into a Settings
object (CLI option > environment > .env); commands take it from the context.
Every PolicyKGError becomes ``Error: <one line>`` on stderr and exit code 1;
anything else is a bug and keeps its traceback, without locals.

Start-up time is part of the interface (`policykg --help` ≤ 0.3 s): command
modules import the driver, pydantic and rich inside their commands, never at
module level, and help is plain click text (no rich), which also keeps
``[...]`` in help texts literal. tests/test_cli_startup.py holds the line.
"""

from __future__ import annotations

from typing import Annotated

import typer
from typer.core import TyperGroup

from policykg.cli.context import State
from policykg.cli.flags import message
from policykg.errors import PolicyKGError, ServerNotAnswering, ValidationFailed

#: Added to "no Neo4j answers": the next step a user can take.
START_HINT = "; is it running? `policykg server start` starts a local one (or set NEO4J_URI)"

#: Settings shared by every Typer of the CLI: plain help, and -h beside --help.
TYPER_SETTINGS = {"rich_markup_mode": None, "context_settings": {"help_option_names": ["-h", "--help"]}}


class _App(TyperGroup):
    """Root group: the one place where user-facing errors become exit code 1."""

    def invoke(self, ctx: typer.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            for problem in exc.problems:
                typer.echo(f"Error: {problem}", err=True)
            if len(exc.problems) > 1:
                from policykg.cli.output import plural

                files = len({p.file for p in exc.problems})
                typer.echo(f"({plural(len(exc.problems), 'problem')} in {plural(files, 'file')})", err=True)
            raise typer.Exit(1) from None
        except ServerNotAnswering as exc:
            typer.echo(f"Error: {exc}{START_HINT}", err=True)
            raise typer.Exit(1) from None
        except PolicyKGError as exc:
            typer.echo(f"Error: {message(exc)}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_App,
    name="policykg",
    help="A knowledge graph of public policies, their regions, targets, projects and figures, in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    **TYPER_SETTINGS,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"policykg {version('policykg')}")
        except PackageNotFoundError:
            typer.echo("policykg (not installed)")
        raise typer.Exit()


@app.callback()
def _connection(
    ctx: typer.Context,
    uri: Annotated[str | None, typer.Option("--uri", metavar="URI", help="Neo4j URI [env NEO4J_URI; default bolt://localhost:7687]")] = None,
    username: Annotated[str | None, typer.Option("--username", metavar="USER", help="[env NEO4J_USERNAME; default neo4j]")] = None,
    password: Annotated[str | None, typer.Option("--password", metavar="PASSWORD", help="[env NEO4J_PASSWORD; local server: stored]")] = None,
    database: Annotated[str | None, typer.Option("--database", metavar="NAME", help="[env NEO4J_DATABASE; default: server's]")] = None,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Connection options apply to every command."""
    if password is not None:
        typer.echo("Warning: --password is visible to other users in `ps` and in shell history; "
                   "set NEO4J_PASSWORD or put it in .env instead", err=True)
    ctx.obj = State({"uri": uri, "username": username, "password": password, "database": database})


def _register() -> None:
    from policykg.cli import analyze, browser, cascade, export, extract, ingest, query, schema, server, status

    for module in (status, server, schema, ingest, extract, query, browser, export, analyze, cascade):
        module.register(app)
    __import__("policykg.cli.review", fromlist=["register"]).register(app)


_register()


def main() -> None:
    """The `policykg` command (console script). Python callers that import the driver keep pandas."""
    from policykg.cli import dataframes

    dataframes.block()  # export and analyze allow them again (policykg/cli/dataframes.py)
    app()
