"""`policykg browser …`: Neo4j Browser connected to the graph, with the policykg style and guide."""

from __future__ import annotations

import urllib.request
import webbrowser
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer

from policykg.cli.context import settings_of
from policykg.graph.browser import (
    DOCKER_ASSET_PORT,
    GUIDE_FILE,
    asset_base,
    browser_url,
)
from policykg.graph.server import LocalServer
from policykg.queries.guide import write_assets

browser_app = typer.Typer(help="Neo4j Browser: its address with the connection filled in, and the guide of canned "
                               "questions.")


def _local_http_port(uri: str) -> int | None:
    """The HTTP port of the local server (`policykg server start`) when ``uri`` points at it."""
    parts = urlsplit(uri)
    if parts.hostname not in ("localhost", "127.0.0.1", "::1"):
        return None
    server = LocalServer.at()
    return server.http_port if (parts.port or 7687) == server.bolt_port else None


def _serves_guide(base: str) -> bool:
    """Whether ``base`` answers with the guide (a local server does; docker's Neo4j does not)."""
    try:
        with urllib.request.urlopen(f"{base}/{GUIDE_FILE}", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@browser_app.callback(invoke_without_command=True)
def browser(
    ctx: typer.Context,
    print_only: Annotated[bool, typer.Option("--print", help="Print the address instead of opening it.")] = False,
    http_port: Annotated[int | None, typer.Option("--http-port", help="Browser's HTTP port (default: the local "
                                                                      "server's, else 7474).")] = None,
) -> None:
    """Open Browser (or print its address) connected to the configured server, and the :play line of the guide."""
    if ctx.invoked_subcommand is not None:
        return
    settings = settings_of(ctx)
    local_port = _local_http_port(settings.uri)
    port = http_port or local_port or 7474
    host = urlsplit(settings.uri).hostname or "localhost"
    url = browser_url(port, settings.uri, settings.username, settings.database,
                      http_host="localhost" if host in ("127.0.0.1", "::1") else host)
    # A local server serves the guide itself; docker-compose serves it from its browser-assets service.
    base = asset_base(port)
    if not (local_port or _serves_guide(base)):
        base = f"http://localhost:{DOCKER_ASSET_PORT}"
    play = f":play {base}/{GUIDE_FILE}"
    if not print_only and webbrowser.open(url):
        typer.echo(f"Opened {url}")
    else:
        typer.echo(url)
    typer.echo(f"Guide (opens on connect; or type in Browser): {play}")


@browser_app.command()
def guide(out: Annotated[Path, typer.Option("--out", help="Directory to write guide.html and policykg.grass into "
                                                           "(graph/browser refreshes the copies docker-compose "
                                                           "serves).")]) -> None:
    """Write the Browser guide (generated from queries/) and style sheet."""
    for path in write_assets(out):
        typer.echo(f"Wrote {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(browser_app, name="browser")
