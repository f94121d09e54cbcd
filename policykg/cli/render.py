"""Render rows (a list of dicts) as a table that fits the terminal, records, JSON, CSV or Markdown.

Output formats are presentation only; the rows come from the query API
unchanged, so what the CLI prints and what Python callers get agree.

A table has to fit the terminal to be read at all: codes, keys, numbers and
dates are never broken across lines (a reader copies them), and only prose
(names, titles) is wrapped onto at most ``TEXT_LINES`` lines and cut with an
ellipsis. When even that does not fit, the rows are shown as records (one
``field: value`` line each) instead. JSON, CSV and Markdown are for other
programs and are never cut. rich is imported on first use, so that
`policykg --help` does not pay for it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

#: Lines a prose cell may take in a table before it is cut with "…".
TEXT_LINES = 2
#: A prose column is not squeezed below this many cells (its header or this, whichever is less).
MIN_TEXT_WIDTH = 12
#: Second try, when a table does not fit: prose columns go down to this many cells (or their header) ...
TIGHT_TEXT_WIDTH = 8
#: ... and a column of keys wider than this (a reviewed draft's key runs to 70 characters) is folded over
#: lines, whole, rather than the whole answer becoming records.
FOLD_WIDTH = 24
#: Cells between two columns (padding, divider, padding) in the table style used here.
GAP = 3
ELLIPSIS = "…"

_ATOMIC_RE = re.compile(r"^[^\s]*$")


class Format(StrEnum):
    table = "table"
    records = "records"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def columns_of(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> list[str]:
    """``columns`` when given, else every key in the order first seen."""
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def cell(value: Any) -> str:
    """One value as text: whole floats without '.0', never in exponent form; lists joined with '; '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        return f"{value:.15f}".rstrip("0").rstrip(".") if "e" in text else text
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def terminal_width() -> int:
    """$COLUMNS when set (tests, scripts), else the terminal's width, else 80."""
    try:
        return max(int(os.environ["COLUMNS"]), 20)
    except (KeyError, ValueError):
        return shutil.get_terminal_size((80, 24)).columns


def _console(width: int | None) -> Console:
    """A console that renders into a string (the caller prints it), ``width`` cells wide (the terminal's by default)."""
    from rich.console import Console

    return Console(width=width or terminal_width(), file=io.StringIO(), highlight=False, color_system=None)


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
           title: str | None = None, width: int | None = None, blocks: bool = False,
           whole: Sequence[str] = ()) -> str:
    """The rows as text in ``fmt``, ending in a newline; a table fits ``width`` (the terminal's by default).

    ``blocks``: a matrix too wide for the terminal is shown as several
    tables of fewer columns, each repeating the first column (as pandas wraps
    a wide frame), since records would show one cell per line. ``whole``:
    columns kept unbroken when the table still fits that way (citations).
    """
    names = columns_of(rows, columns)
    if fmt is Format.json:
        return json.dumps([{c: _json_safe(row.get(c)) for c in names} for row in rows], ensure_ascii=False, indent=2,
                          default=str, allow_nan=False) + "\n"
    if fmt is Format.csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([cell(row.get(c)) for c in names] for row in rows)
        return out.getvalue()
    if fmt is Format.markdown:
        escape = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(escape(cell(row.get(c))) for c in names) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    console = _console(width)
    if fmt is Format.table and _print_fitting(rows, names, console, title, blocks, whole):
        return console.file.getvalue()
    if fmt is Format.table:
        note(f"({len(names)} columns do not fit {console.width} columns of terminal: shown as records; "
             "--columns chooses fewer)")
    print_records(rows, names, console, title=title)
    return console.file.getvalue()


def _print_fitting(rows: Sequence[dict[str, Any]], names: list[str], console: Console, title: str | None,
                   blocks: bool, whole: Sequence[str]) -> bool:
    """Print a table that fits (with ``whole`` columns unbroken if possible, or in blocks); False if none does."""
    if blocks and len(names) > 2:
        return print_blocks(rows, names, console, title)
    kept = [n for n in whole if n in names]
    return bool(kept) and print_table(rows, names, console, title=title, whole=kept) \
        or print_table(rows, names, console, title=title)


def _json_safe(value: Any) -> Any:
    """NaN and infinities (0.0/0.0 in ad-hoc Cypher) have no JSON spelling: null, so JSON readers accept the answer."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    return value


def note(text: str) -> None:
    """A remark about the output (rows cut, columns hidden) on stderr, so stdout stays the answer."""
    print(text, file=sys.stderr)


def _width(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.split("\n")), default=0)


def _is_atomic(texts: list[str]) -> bool:
    """A column of codes, keys, numbers or dates: one word per cell, so breaking it would corrupt it."""
    return all(_ATOMIC_RE.match(t) and not any(ord(ch) > 0x2E7F for ch in t) for t in texts)


def _allocate(natural: list[int], minimum: list[int], atomic: list[bool], width: int) -> list[int] | None:
    """Column widths that fit ``width``: atomic columns whole, prose columns sharing the rest fairly."""
    budget = width - GAP * (len(natural) - 1)
    fixed = sum(n for n, a in zip(natural, atomic) if a)
    prose = [i for i, a in enumerate(atomic) if not a]
    if fixed + sum(minimum[i] for i in prose) > budget:
        return None
    widths = [n if a else 0 for n, a in zip(natural, atomic)]
    left = budget - fixed
    for count, i in enumerate(sorted(prose, key=lambda i: natural[i])):
        share = left // (len(prose) - count)
        widths[i] = max(minimum[i], min(natural[i], share))
        left -= widths[i]
    return widths


def _clip(text: str, width: int, lines: int, console: Console) -> str:
    """``text`` wrapped to ``width`` on at most ``lines`` lines (0: all), the last one ending in "…" when cut."""
    from rich.text import Text

    wrapped = Text(text).wrap(console, width, overflow="fold")
    if not lines or len(wrapped) <= lines:
        return "\n".join(line.plain.rstrip() for line in wrapped)
    kept = [line.plain.rstrip() for line in wrapped[:lines]]
    last = Text(kept[-1])
    last.truncate(width - 1)
    kept[-1] = last.plain.rstrip() + ELLIPSIS
    return "\n".join(kept)


def print_table(rows: Sequence[dict[str, Any]], names: list[str], console: Console, title: str | None = None,
                whole: Sequence[str] = ()) -> bool:
    """Print the rows as a table fitting ``console.width``; False (nothing printed) when it cannot fit."""
    from rich import box
    from rich.table import Table

    texts = {name: [cell(row.get(name)) for row in rows] for name in names}
    natural, minimum, atomic = _measure(rows, names, whole)
    fold = [False] * len(names)
    widths = _allocate(natural, minimum, atomic, console.width)
    if widths is None:
        fold, minimum, atomic = _tight(names, natural, minimum, atomic, whole)
        widths = _allocate(natural, minimum, atomic, console.width)
    if widths is None:
        return False
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1),
                  title_justify="left", title_style="bold")
    for name, width in zip(names, widths):
        table.add_column(name, width=width, no_wrap=True, overflow="ellipsis")
    for index in range(len(rows)):
        table.add_row(*(t if a else _clip(t, w, 0 if f else TEXT_LINES, console)
                        for t, a, f, w in ((texts[n][index], at, fo, w)
                                           for n, at, fo, w in zip(names, atomic, fold, widths))))
    _print(console, table)
    return True


def _tight(names: list[str], natural: list[int], minimum: list[int], atomic: list[bool],
           whole: Sequence[str]) -> tuple[list[bool], list[int], list[bool]]:
    """The second try's measures: which columns fold (long keys), their minimum widths, which stay whole.

    A table of long keys (the pipeline's draft-<document>-t001) would not
    fit 80 columns otherwise; folded, a key is still all there, one piece
    per line, where records would spread every row over a screen.
    """
    fold = [a and natural[i] > FOLD_WIDTH and names[i] not in whole for i, a in enumerate(atomic)]
    tight = [FOLD_WIDTH if f else m if a else min(natural[i], max(TIGHT_TEXT_WIDTH, _width(names[i])))
             for i, (m, a, f) in enumerate(zip(minimum, atomic, fold))]
    return fold, tight, [a and not f for a, f in zip(atomic, fold)]


def print_blocks(rows: Sequence[dict[str, Any]], names: list[str], console: Console, title: str | None) -> bool:
    """Print the columns after the first in as few blocks as fit; False when not even one more column fits."""
    head, rest = names[0], names[1:]
    if print_table(rows, names, console, title=title, whole=[head]):
        return True
    chunks: list[list[str]] = []
    while rest:
        size = len(rest)
        while size and _allocate(*_measure(rows, [head, *rest[:size]], [head]), console.width) is None:
            size -= 1
        if size == 0:
            return False
        chunks.append(rest[:size])
        rest = rest[size:]
    for number, chunk in enumerate(chunks):
        if number:
            console.file.write("\n")
        print_table(rows, [head, *chunk], console, title=title if number == 0 else None, whole=[head])
    return True


def _measure(rows: Sequence[dict[str, Any]], names: list[str],
             whole: Sequence[str] = ()) -> tuple[list[int], list[int], list[bool]]:
    """Natural and minimum widths of each column, and whether its cells must stay whole (``whole`` always)."""
    texts = {name: [cell(row.get(name)) for row in rows] for name in names}
    natural = [max([_width(n)] + [_width(t) for t in texts[n]]) for n in names]
    minimum = [min(natural[i], max(MIN_TEXT_WIDTH, _width(n))) for i, n in enumerate(names)]
    return natural, minimum, [n in whole or _is_atomic(texts[n]) for n in names]


def _print(console: Console, renderable: Any) -> None:
    """Print without the spaces rich pads lines with, so copied or captured text has no trailing blanks."""
    with console.capture() as captured:
        console.print(renderable)
    text = "\n".join(line.rstrip() for line in captured.get().splitlines())
    console.file.write(text + "\n")
    console.file.flush()


def print_records(rows: Sequence[dict[str, Any]], names: list[str], console: Console,
                  title: str | None = None) -> None:
    """One block per row, one ``field  value`` line per column; nothing is cut (for wide rows)."""
    from rich.table import Table
    from rich.text import Text

    if title:
        _print(console, Text(title, style="bold"))
    for number, row in enumerate(rows, start=1):
        _print(console, Text(f"── {number} " + "─" * max(0, min(console.width, 40) - len(str(number)) - 4), style="dim"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for name in names:
            value = cell(row.get(name))
            if value != "":
                grid.add_row(name, value)
        _print(console, grid)
