"""`policykg review`: review drafts in the browser, fact by fact beside their source, and publish them."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_DRAFTS = Path("data/drafts")
DEFAULT_OUT = Path("data/documents")


def review(
    ctx: typer.Context,
    drafts: Annotated[list[Path] | None, typer.Argument(help="Folders of drafts (default: data/drafts).",
                                                        show_default=False)] = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (default: a free one).")] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Only print the address.")] = False,
    ingest: Annotated[bool, typer.Option("--ingest", help="Publishing also ingests into Neo4j.")] = False,
    out: Annotated[Path, typer.Option("--out", help="Folder for the reviewed records.")] = DEFAULT_OUT,
    reviewer: Annotated[str | None, typer.Option(help="Reviewer's name for the records (default: login name).")]
    = None,
) -> None:
    """Serve a local review app; its address, with an access token, is the first line printed.

    Only 127.0.0.1 (and ::1) listen; every request needs the token. Decisions are saved beside each
    draft at once; publishing writes the reviewed record to --out and validates it (and with --ingest
    ingests it and shows what changed)."""
    from contextlib import contextmanager

    from policykg.cli.context import graph_of
    from policykg.ingest.review.drafts import Drafts
    from policykg.web.app import ReviewConfig
    from policykg.web.serve import serve

    folders = drafts or [DEFAULT_DRAFTS]

    @contextmanager
    def connect():
        with graph_of(ctx) as graph:
            yield graph

    config = ReviewConfig(Drafts(folders), out.resolve(), reviewer or getpass.getuser(), ingest, connect)
    serve(config, port, not no_browser, lambda url: typer.echo(url))


def register(app: typer.Typer) -> None:
    app.command()(review)
