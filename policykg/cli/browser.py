"""`policykg browser …`: Neo4j Browser connected to the graph, with the policykg style and guide.

The Browser printed or opened is the one of the server actually in use
(``graph.browser.browser_address`` finds it: ``--http-port``, the local
instance listening on NEO4J_URI's port or the one in ``--home``, else the
HTTP port that server reports); when none can tell, the command says so
instead of guessing port 7474 (which may be another server's Browser).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.cli import TYPER_SETTINGS

browser_app = typer.Typer(help="Neo4j Browser: its address with the connection filled in, and the guide of canned "
                               "questions.", **TYPER_SETTINGS)


@browser_app.callback(invoke_without_command=True)
def browser(
    ctx: typer.Context,
    print_only: Annotated[bool, typer.Option("--print", help="Print the address instead of opening it.")] = False,
    http_port: Annotated[int | None, typer.Option("--http-port", metavar="PORT", help="Browser's HTTP port (default: the one of "
                                                                      "the server in use).", show_default=False)]
    = None,
    home: Annotated[Path | None, typer.Option("--home", metavar="DIR", help="Use the local server in this instance directory.",
                                              show_default=False)] = None,
) -> None:
    """Open Browser (or print its address) connected to the server in use, and the :play line of the guide."""
    if ctx.invoked_subcommand is not None:
        return
    from policykg.cli.context import settings_of
    from policykg.graph.browser import browser_address

    url, play = browser_address(settings_of(ctx), home, http_port)
    if not print_only:
        import webbrowser

        if webbrowser.open(url):
            typer.echo(f"Opened {url}")
        else:
            typer.echo(url)
    else:
        typer.echo(url)
    typer.echo(f"Guide (opens on connect; or type in Browser): {play}")


@browser_app.command()
def guide(out: Annotated[Path, typer.Option("--out", help="Directory to write guide.html and policykg.grass into "
                                                           "(graph/browser_assets refreshes the copies "
                                                           "docker-compose serves).")]) -> None:
    """Write the Browser guide (generated from queries/) and style sheet."""
    from policykg.queries.guide import write_assets

    for path in write_assets(out):
        typer.echo(f"Wrote {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(browser_app, name="browser")
