"""Render rows (a list of dicts) as a rich table, JSON, CSV or Markdown.

Output formats are presentation only; the rows come from the query API
unchanged, so what the CLI prints and what Python callers get agree.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _columns(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str] | None = None,
           title: str | None = None, console: Console | None = None) -> str | None:
    """Return text for json/csv/markdown; print a table to ``console`` for table."""
    names = _columns(rows, columns)
    if fmt is Format.json:
        return json.dumps([{c: row.get(c) for c in names} for row in rows], ensure_ascii=False, indent=2, default=str)
    if fmt is Format.csv:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([_cell(row.get(c)) for c in names] for row in rows)
        return out.getvalue()
    if fmt is Format.markdown:
        escape = lambda text: text.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(escape(_cell(row.get(c))) for c in names) + " |" for row in rows]
        return "\n".join(lines)
    table = Table(title=title, show_lines=False)
    for name in names:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in names))
    (console or Console()).print(table)
    return None
