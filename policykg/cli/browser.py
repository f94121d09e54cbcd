"""`policykg browser …`: Neo4j Browser connected to the graph, with the policykg style and guide.

The Browser printed or opened is the one of the server actually in use: the
local instance listening on NEO4J_URI's port (or the one in ``--home``),
else the HTTP port that server reports, else ``--http-port``; when none of
these can tell, the command says so instead of guessing port 7474 (which
may be another server's Browser).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.cli import TYPER_SETTINGS

browser_app = typer.Typer(help="Neo4j Browser: its address with the connection filled in, and the guide of canned "
                               "questions.", **TYPER_SETTINGS)


def _serves_guide(base: str) -> bool:
    """Whether ``base`` answers with the guide (a local server does; docker's Neo4j does not)."""
    import urllib.request

    from policykg.graph.browser import GUIDE_FILE

    try:
        with urllib.request.urlopen(f"{base}/{GUIDE_FILE}", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


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
    from urllib.parse import urlsplit

    from policykg.cli.context import graph_of, settings_of
    from policykg.errors import BrowserError
    from policykg.graph.browser import DOCKER_ASSET_PORT, GUIDE_FILE, asset_base, browser_url, served_http_port
    from policykg.graph.server import LOCAL_HOSTS, LocalServer, local_instance_for

    settings = settings_of(ctx)
    uri = settings.uri
    if home is not None:
        instance = LocalServer.at(home)
        if not instance.is_running():
            raise BrowserError(f"no local server runs in {instance.home}: start it with "
                               f"`policykg server start --home {home}`")
        uri = instance.uri
    else:
        instance = local_instance_for(uri)
    host = urlsplit(uri).hostname or "localhost"
    port = http_port or (instance.http_port if instance else None)
    if port is None and host in LOCAL_HOSTS:
        with graph_of(ctx) as graph:
            port = served_http_port(graph)
    if port is None:
        where = "this machine's server" if host in LOCAL_HOSTS else f"{host}, which is not this machine"
        raise BrowserError(f"cannot tell which Browser belongs to {uri} ({where} does not say): "
                           "pass --http-port, or open that server's own Browser")
    url = browser_url(port, uri, settings.username, settings.database,
                      http_host="localhost" if host in LOCAL_HOSTS else host)
    # A local server serves the guide itself; docker-compose serves it from its browser-assets service.
    base = asset_base(port)
    if not (instance or _serves_guide(base)):
        base = f"http://localhost:{DOCKER_ASSET_PORT}"
    play = f":play {base}/{GUIDE_FILE}"
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
