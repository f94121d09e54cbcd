"""`policykg server …`: a local Neo4j Community for machines without Docker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from policykg.cli import TYPER_SETTINGS

if TYPE_CHECKING:
    from policykg.graph.server import LocalServer

server_app = typer.Typer(help="Run a local Neo4j Community 5.26 from Maven Central jars (no Docker needed).",
                         no_args_is_help=True, **TYPER_SETTINGS)

Home = Annotated[Path | None, typer.Option("--home", metavar="DIR", help="Instance directory (default: ~/.cache/policykg/server).",
                                           show_default=False)]
BoltPort = Annotated[int, typer.Option("--bolt-port", metavar="PORT", help="Bolt port for the driver and cypher-shell.")]
HttpPort = Annotated[int, typer.Option("--http-port", metavar="PORT", help="HTTP port for Neo4j Browser.")]
#: `server status` exit code when the server is not running, as pg_ctl status and systemctl is-active use.
NOT_RUNNING = 3


def _at(home: Path | None) -> LocalServer:
    from policykg.graph.server import LocalServer

    return LocalServer.at(home)


def _configured(home: Path | None, bolt_port: int, http_port: int) -> LocalServer:
    from policykg.graph.browser import post_connect_cmd
    from policykg.graph.server import LocalServer
    from policykg.queries.guide import assets

    home = LocalServer.at(home).home
    return LocalServer(home=home, bolt_port=bolt_port, http_port=http_port, post_connect_cmd=post_connect_cmd(http_port),
                       web_files=assets())


@server_app.command()
def start(home: Home = None, bolt_port: BoltPort = 7687, http_port: HttpPort = 7474) -> None:
    """Install (first time) and start the server in the background; waits until Bolt answers."""
    server = _configured(home, bolt_port, http_port)
    started = server.start()
    typer.echo(f"{'Started' if started else 'Already running:'} Neo4j at {server.uri}; Browser at {server.browser_url}")


@server_app.command()
def stop(home: Home = None) -> None:
    """Stop the server that `policykg server start` started (never another one)."""
    stopped = _at(home).stop()
    typer.echo("Stopped." if stopped else "Not running.")


@server_app.command("status")
def server_status(home: Home = None) -> None:
    """Say whether the local server is running; exit code 0 when it runs, 3 when it does not."""
    server = _at(home)
    if server.is_running():
        typer.echo(f"Running at {server.uri} ({server.home})")
        return
    typer.echo(f"Not running ({server.home})")
    raise typer.Exit(NOT_RUNNING)


@server_app.command()
def env(home: Home = None) -> None:
    """Print export lines for other tools: eval "$(policykg server env)"."""
    typer.echo("\n".join(_at(home).env_lines()))


@server_app.command()
def logs(home: Home = None, lines: Annotated[int, typer.Option("--lines", "-n", help="How many lines.")] = 40) -> None:
    """Print the end of the server's neo4j.log."""
    typer.echo("\n".join(_at(home).log_tail(lines)))


def register(app: typer.Typer) -> None:
    app.add_typer(server_app, name="server")
