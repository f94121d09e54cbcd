"""`policykg query …`, `policykg search` and `policykg cypher`: ask the graph questions.

The commands only parse arguments and render; the questions, their
parameters and the read-only execution live in ``queries``, so the Browser
guide, Python callers and the CLI get the same answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from policykg.cli.context import graph_of
from policykg.cli.render import Format, render
from policykg.queries import catalogue, loader
from policykg.queries.params import parse_assignments
from policykg.queries.runner import run_cypher, run_named
from policykg.queries.runner import search as search_names

query_app = typer.Typer(help="Canned questions about the graph: list, show and run them.", no_args_is_help=True)

FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def _emit(rows: list[dict], fmt: Format, title: str | None = None) -> None:
    text = render(rows, fmt, title=title)
    if text is not None:
        typer.echo(text)
    elif not rows:
        typer.echo("(no rows)", err=True)


@query_app.command("list")
def list_queries(fmt: FormatOption = Format.table) -> None:
    """Every canned query: name, question in Chinese and English, parameters."""
    rows = [{"name": q.name, "description_zh": q.description_zh, "description_en": q.description_en,
             "parameters": [p.signature() for p in q.params], "example": q.example_args()}
            for q in loader.load_all()]
    if fmt is Format.table:  # narrower: a terminal cannot fit the example too
        rows = [{"name": r["name"], "description": f"{r['description_en']}\n{r['description_zh']}",
                 "parameters": "\n".join(r["parameters"])} for r in rows]
    _emit(rows, fmt)


@query_app.command("show")
def show(name: Annotated[str, typer.Argument(help="Query name, e.g. regions-targeting-theme.")]) -> None:
    """Print a query's Cypher, its parameters and its example."""
    query = loader.get(name)
    console = Console()
    console.print(f"[bold]{query.name}[/bold]  ({loader.display_path(query.path)})")
    console.print(query.description_zh)
    console.print(query.description_en)
    if query.params:
        render([{"parameter": p.name, "type": p.type, "default": p.default if p.default is not None else "(required)",
                 "example": query.example.get(p.name)} for p in query.params], Format.table, console=console)
    console.print(f"example: policykg query run {query.name} {query.example_args()}".rstrip())
    if query.expand:
        console.print(f"the JSON list in column '{query.expand}' is expanded into one row per item")
    console.print()
    typer.echo(query.cypher)  # plain text, unwrapped, so it can be pasted into Neo4j Browser


@query_app.command("catalogue")
def catalogue_command(
    write: Annotated[Path | None, typer.Option("--write", help="Refresh the generated part of this Markdown file "
                                                "(docs/queries.md) instead of printing.")] = None,
) -> None:
    """The Markdown catalogue of every canned question (docs/queries.md is generated from it)."""
    if write is None:
        typer.echo(catalogue.catalogue_markdown(), nl=False)
        return
    changed = catalogue.update_docs(write)
    typer.echo(f"{write}: {'updated' if changed else 'up to date'}")


@query_app.command("run")
def run(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Query name (see `policykg query list`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE; regions and themes by any name.")] = None,
    example: Annotated[bool, typer.Option("--example", help="Run with the example parameters from the query's header.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Run a canned query; results carry their source document, date and locator."""
    query = loader.get(name)
    given = dict(query.example) if example else {}
    given.update(parse_assignments(param or []))
    query.bind(given)  # refuse bad parameters before connecting, not after
    with graph_of(ctx) as graph:
        rows = run_named(graph, query, given)
    _emit(rows, fmt, title=query.description_en)


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words in Chinese or English; Lucene operators are taken literally.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 20,
    fmt: FormatOption = Format.table,
) -> None:
    """Full-text search over names and titles in Chinese and English, best match first."""
    with graph_of(ctx) as graph:
        rows = search_names(graph, text, limit)
    _emit(rows, fmt)


def cypher(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="A Cypher query; it runs read-only.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Run ad-hoc Cypher in a read-only transaction (writes are refused)."""
    with graph_of(ctx) as graph:
        rows = run_cypher(graph, statement)
    _emit(rows, fmt)


def register(app: typer.Typer) -> None:
    app.add_typer(query_app, name="query")
    app.command()(search)
    app.command()(cypher)
