"""`policykg query …`, `policykg search` and `policykg cypher`: ask the graph questions.

The commands only parse arguments and render; the questions, their
parameters and the read-only execution live in ``policykg.queries``, so the
Browser guide, Python callers and the CLI get the same answers. Those
modules (and the driver) are imported inside the commands, so that
`policykg --help` starts fast.

An empty answer is an answer, not an error: `query run`, `search` and
`cypher` all exit 0 and say "No rows." on stderr (JSON
prints ``[]``, CSV prints nothing), so a script tells "nothing found" from a
failure (exit 1) by the exit code alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from policykg.cli import TYPER_SETTINGS
from policykg.cli.output import ColumnsOption, FormatOption, LimitOption, WideOption, emit, say
from policykg.cli.render import Format, note

query_app = typer.Typer(help="Canned questions about the graph: list, show and run them.", no_args_is_help=True,
                        **TYPER_SETTINGS)


def show_rows(rows: Sequence[dict[str, Any]], fmt: Format, **how: Any) -> None:
    """Print ``emit``'s text for the rows (see policykg/cli/output.py)."""
    say(emit(rows, fmt, **how))


def _limit_note(rows: Any) -> None:
    if getattr(rows, "truncated", False):
        note(f"(first {rows.limit} rows; --limit N shows more, --limit 0 all)")


@query_app.command("list")
def list_queries(fmt: FormatOption = Format.table) -> None:
    """Every canned question, grouped by what it asks about: name and the question in a few words."""
    from policykg.queries import loader

    queries = sorted(loader.load_all(), key=lambda q: (loader.TOPICS.index(q.topic), q.name))
    if fmt is Format.table:  # one line each; `query show NAME` has the whole question and its parameters
        say(listing(queries))
        return
    rows = [{"name": q.name, "topic": q.topic, "short_zh": q.short_zh, "short_en": q.short_en,
             "description_zh": q.description_zh, "description_en": q.description_en,
             "parameters": [p.signature() for p in q.params], "example": q.example_args()} for q in queries]
    if fmt is Format.markdown:
        rows = [{"name": r["name"], "description": f"{r['description_en']} {r['description_zh']}",
                 "parameters": "; ".join(r["parameters"])} for r in rows]
    show_rows(rows, fmt)


def listing(queries: Sequence[Any]) -> str:
    """``topic`` headings, then ``  name  short English · 中文`` lines, each cut to the terminal's width."""
    from rich.cells import cell_len, set_cell_size

    from policykg.cli.render import terminal_width

    width, name_width = terminal_width(), max(len(q.name) for q in queries)
    lines: list[str] = []
    current = None
    for query in queries:
        if query.topic != current:
            current = query.topic
            lines.append(current)
        short = f"{query.short_en} · {query.short_zh}" if query.short_en else query.description_en
        line = f"  {query.name.ljust(name_width)}  {short}"
        lines.append(line if cell_len(line) <= width else set_cell_size(line, width - 1) + "…")
    lines.append("(`policykg query show NAME`: the whole question, its parameters, an example)")
    return "\n".join(lines) + "\n"


@query_app.command("show")
def show(name: Annotated[str, typer.Argument(metavar="NAME", help="Query name, e.g. regions-targeting-theme.")]) -> None:
    """Print a query's Cypher, its parameters and its example."""
    from policykg.queries import loader

    query = loader.get(name)
    typer.echo(f"{query.name}  ({loader.display_path(query.path)})")
    typer.echo(query.description_zh)
    typer.echo(query.description_en)
    if query.params:
        typer.echo()
        show_rows([{"parameter": p.name, "type": p.type, "default": p.default if p.default is not None else "(required)",
                    "example": query.example.get(p.name)} for p in query.params], Format.table)
    typer.echo()
    # Plain echo, never wrapped by the terminal's width: the line is meant to be copied.
    typer.echo(f"example: policykg query run {query.name} {query.example_args()}".rstrip())
    if query.columns:
        typer.echo(f"columns shown by default: {', '.join(query.columns)} (--wide for all)")
    typer.echo(f"rows by default: {query.limit or 'all'} (--limit)")
    if query.expand:
        typer.echo(f"the JSON list in column '{query.expand}' is expanded into one row per item")
    if query.pivot:
        typer.echo(f"shown as a matrix: one line per {query.pivot[0]}, one column per {query.pivot[1]}, "
                   f"cells are {query.pivot[2]} (JSON keeps one row per cell)")
    typer.echo()
    typer.echo(query.cypher)  # plain text, unwrapped, so it can be pasted into Neo4j Browser


@query_app.command("catalogue")
def catalogue_command(
    write: Annotated[Path | None, typer.Option("--write", help="Refresh the generated part of this Markdown file "
                                                "(docs/queries.md) instead of printing.")] = None,
) -> None:
    """The Markdown catalogue of every canned question (docs/queries.md is generated from it)."""
    from policykg.queries import catalogue

    if write is None:
        typer.echo(catalogue.catalogue_markdown(), nl=False)
        return
    changed = catalogue.update_docs(write)
    typer.echo(f"{write}: {'updated' if changed else 'up to date'}")


@query_app.command("run")
def run(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="Query name (see `policykg query list`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", metavar="NAME=VALUE", help="NAME=VALUE; regions and themes by any "
                                                                          "name.")] = None,
    example: Annotated[bool, typer.Option("--example", help="Run with the example parameters from the query's "
                                                            "header.")] = False,
    limit: LimitOption = None,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Run a canned query; results carry their source document, date and locator."""
    from policykg.cli.context import graph_of
    from policykg.queries import loader
    from policykg.queries.params import parse_assignments

    query = loader.get(name)
    given = dict(query.example) if example else {}
    given.update(parse_assignments(param or []))
    query.bind(given)  # refuse bad parameters before connecting, not after
    from policykg.queries.runner import pivot, run_named

    with graph_of(ctx) as graph:
        rows = run_named(graph, query, given, limit)
    _limit_note(rows)
    from policykg.queries.policy_status import counting_note

    footer = counting_note(rows.status)  # which policies the answer counts, when the question filters them
    if query.pivot and fmt is not Format.json and rows:
        row_key, column_key, value_key = query.pivot
        rows = pivot(rows, row_key, column_key, value_key, empty=0 if fmt is Format.csv else "·")
        show_rows(rows, fmt, columns=columns, title=query.description_en, blocks=True, footer=footer)
        return
    show_rows(rows, fmt, default_columns=query.columns, columns=columns, wide=wide, title=query.description_en,
              footer=footer)


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words in Chinese or English; Lucene operators are taken literally.")],
    limit: Annotated[int, typer.Option("--limit", "-n", metavar="N", help="At most this many results.")] = 20,
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
    wide: WideOption = False,
) -> None:
    """Full-text search over names, titles, summaries and notes (Chinese and English), best match first."""
    from policykg.cli.context import graph_of
    from policykg.queries import loader
    from policykg.queries.runner import search as search_text

    with graph_of(ctx) as graph:
        rows = search_text(graph, text, limit)
    if rows.truncated:
        note(f"(best {limit} matches; --limit N shows more)")
    show_rows(rows, fmt, default_columns=loader.get("search").columns, columns=columns, wide=wide)


def cypher(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(metavar="CYPHER", help="A Cypher query; it runs read-only.")],
    fmt: FormatOption = Format.table,
    columns: ColumnsOption = None,
) -> None:
    """Run ad-hoc Cypher in a read-only transaction (writes are refused)."""
    from policykg.cli.context import graph_of
    from policykg.queries.runner import run_cypher

    with graph_of(ctx) as graph:
        rows = run_cypher(graph, statement)
    show_rows(rows, fmt, columns=columns)


def register(app: typer.Typer) -> None:
    app.add_typer(query_app, name="query")
    app.command()(search)
    app.command()(cypher)
