"""`policykg server …`: a local Neo4j Community for machines without Docker."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from policykg.graph.browser import post_connect_cmd
from policykg.graph.server import LocalServer
from policykg.queries.guide import assets

server_app = typer.Typer(help="Run a local Neo4j Community 5.26 from Maven Central jars (no Docker needed).",
                         no_args_is_help=True)

Home = Annotated[Path | None, typer.Option("--home", help="Instance directory [default: ~/.cache/policykg/server].")]
BoltPort = Annotated[int, typer.Option("--bolt-port")]
HttpPort = Annotated[int, typer.Option("--http-port")]


def _configured(home: Path | None, bolt_port: int, http_port: int) -> LocalServer:
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
    stopped = LocalServer.at(home).stop()
    typer.echo("Stopped." if stopped else "Not running.")


@server_app.command("status")
def server_status(home: Home = None) -> None:
    """Say whether the local server is running."""
    server = LocalServer.at(home)
    typer.echo(f"Running at {server.uri} ({server.home})" if server.is_running() else f"Not running ({server.home})")


@server_app.command()
def env(home: Home = None) -> None:
    """Print export lines for other tools: eval "$(policykg server env)"."""
    typer.echo("\n".join(LocalServer.at(home).env_lines()))


@server_app.command()
def logs(home: Home = None, lines: Annotated[int, typer.Option("--lines", "-n")] = 40) -> None:
    """Print the end of the server's neo4j.log."""
    typer.echo("\n".join(LocalServer.at(home).log_tail(lines)))


def register(app: typer.Typer) -> None:
    app.add_typer(server_app, name="server")
