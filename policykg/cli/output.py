"""One voice for every command that answers with rows: the same options, the same choice of columns, the same notes.

As sqlite-utils' ``output_options``: ``--format``, ``--wide``, ``--columns``
and ``--limit`` are declared once here and mean the same everywhere;
``emit`` turns rows into the text to print (always text, ending in a
newline, or empty), and every remark about the output (columns hidden,
rows cut, nothing found) goes to stderr, so stdout stays the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import typer

from policykg.cli.render import Format, note, render

FormatOption = Annotated[Format, typer.Option(
    "--format", "-f", metavar="FORMAT", help="table, records (one field per line), json, csv or markdown.")]
ColumnsOption = Annotated[str | None, typer.Option(
    "--columns", "-c", metavar="A,B,…", help="Comma-separated columns to show, in this order (any format).")]
WideOption = Annotated[bool, typer.Option(
    "--wide", "-w", help="Show every column in a table, not only the default ones.")]
LimitOption = Annotated[int | None, typer.Option(
    "--limit", "-n", metavar="N", help="At most this many rows; 0 for all.", show_default=False)]

#: What every command says (on stderr) when the answer has no rows.
EMPTY = "No rows."
#: The formats read by people, which a footer line ends (JSON and CSV are read by programs).
HUMAN = (Format.table, Format.records, Format.markdown)
#: Readable cells kept unbroken in a table when it still fits (queries/cells.py makes them).
WHOLE = ("cited", "figure_cited", "goal", "latest", "amount")


def chosen_columns(rows: Sequence[dict[str, Any]], fmt: Format, default_columns: Sequence[str] = (),
                   columns: str | None = None, wide: bool = False) -> list[str]:
    """``--columns`` when given (refusing unknown ones); a table's default columns unless ``--wide``; else all.

    A table leaves out a column with nothing in it: it would only take width.
    """
    present = list(dict.fromkeys(k for row in rows for k in row))
    if columns:
        chosen = [c.strip() for c in columns.split(",") if c.strip()]
        unknown = [c for c in chosen if rows and c not in present]
        if unknown:
            from policykg.errors import QueryError

            raise QueryError(f"no column {unknown[0]!r}; the columns are {', '.join(present)}")
        return chosen
    chosen = present
    if fmt is Format.table and not wide and default_columns:
        chosen = [c for c in default_columns if c in present] or present
    if fmt is Format.table:
        chosen = [c for c in chosen if any(row.get(c) not in (None, "", []) for row in rows)] or chosen
    return chosen


def emit(rows: Sequence[dict[str, Any]], fmt: Format, *, default_columns: Sequence[str] = (),
         columns: str | None = None, wide: bool = False, title: str | None = None, empty: str = EMPTY,
         blocks: bool = False, footer: str | None = None) -> str:
    """The text to print for ``rows`` in ``fmt`` (empty, or ``[]`` in JSON, when there are none); notes on stderr.

    ``footer`` is a line that qualifies the whole answer (which policies it
    counts): it ends a table, records or Markdown, as part of the answer;
    JSON and CSV stay rows only. An empty answer gives it on stderr, after
    "No rows.", where it says what was left out.
    """
    chosen = chosen_columns(rows, fmt, default_columns, columns, wide)
    if not rows:
        note(empty)
        if footer and fmt in HUMAN:
            note(footer)
        return "[]\n" if fmt is Format.json else ""
    text = render(rows, fmt, chosen, title=title, blocks=blocks, whole=WHOLE)
    if footer and fmt in HUMAN:
        text += ("\n" if fmt is Format.markdown else "") + footer + "\n"
    hidden = len(dict.fromkeys(k for row in rows for k in row)) - len(chosen)
    if fmt is Format.table and hidden > 0 and not columns:
        note(f"({hidden} more columns: --wide or -f records shows them, --columns chooses)")
    return text


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 document``, ``2 documents``, ``1,000 documents``: the count as people write it, the word agreeing."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def say(text: str) -> None:
    """Print what ``emit`` (or any renderer) returned, as it is: it carries its own last newline."""
    if text:
        typer.echo(text, nl=not text.endswith("\n"))
