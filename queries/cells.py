"""Readable cells added to a question's rows: a figure as one phrase, a source as a short citation.

A query returns the parts (comparator, value, unit, the value as a phrase;
a document's title and a locator) so that programs can compute with them;
an analyst needs them read together: ``> 12 %``, ``达到全国平均水平``,
``十四五数字经济发展规划 ¶4``. The runner adds these cells to every row
that has the parts, so the CLI, the Python API and the tests see the same
answer. Cypher could build them, but the same expressions would be copied
into every file, and Cypher has no way to print 1000.0 as 1000.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: Shown where a figure or source the question asks for is not in the graph.
MISSING = "—"
#: Characters of a document title kept in a citation: the start (who) and the end (what kind of text).
TITLE_HEAD, TITLE_TAIL = 5, 5

_QUOTED_TITLE = re.compile(r"《([^》]+)》")
_YEARS = re.compile(r"[（(]\s*\d{4}\s*[-—–－~至]\s*\d{4}\s*年?\s*[)）]")
_NOISE = re.compile(r"[“”\"「」]")


@dataclass(frozen=True)
class Amount:
    """The cell ``name`` from a row's comparator, value, unit and value-as-phrase columns (any may be absent)."""

    name: str
    value: str
    comparator: str | None = None
    unit: str | None = None
    text: str | None = None
    year: str | None = None


@dataclass(frozen=True)
class Citation:
    """The cell ``name`` from a row's document title and locator columns."""

    name: str
    title: str
    locator: str


AMOUNTS: tuple[Amount, ...] = (
    Amount("amount", "value", "comparator", "unit", "value_text"),
    Amount("goal", "target_value", "comparator", "target_unit", "target_text"),
    Amount("latest", "latest_value", None, "latest_unit", None, "latest_year"),
)
CITATIONS: tuple[Citation, ...] = (
    Citation("cited", "source_title", "locator"),
    Citation("figure_cited", "figure_source_title", "figure_locator"),
)


def number(value: Any) -> str:
    """A figure as people write it: 1000 not 1000.0, 8446.6 as it is, never in exponent form."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "" if value is None else str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    return f"{value:.15f}".rstrip("0").rstrip(".") if "e" in text else text


def amount(row: dict[str, Any], spec: Amount) -> str:
    """``≥ 1000 家``, ``8446.6 亿元 (2022)``, the phrase when there is no number, else MISSING."""
    value = row.get(spec.value)
    if value is None:
        text = row.get(spec.text) if spec.text else None  # a phrase (达到全国平均水平) says its own comparison
        return str(text).split(": ", 1)[0] if text else MISSING  # the words as written, not the gloss after ": "
    parts = [row.get(spec.comparator) if spec.comparator else None, number(value), row.get(spec.unit) if spec.unit else None]
    shown = " ".join(str(p) for p in parts if p not in (None, ""))
    year = row.get(spec.year) if spec.year else None
    return f"{shown} ({year})" if year else shown


def short_title(title: str | None) -> str:
    """A document title short enough for a table cell: the quoted title inside 《》 if any, years dropped, cut in the middle.

    The middle goes because a title's start says whose text it is and its end
    what kind (规划, 方案, 公报); the whole title is in ``source_title``.
    """
    if not title:
        return ""
    title = title.rsplit("|", 1)[-1]  # 学习在行动|新时期…: a column's name before the bar, the title after it
    quoted = _QUOTED_TITLE.search(title)
    text = _NOISE.sub("", quoted.group(1) if quoted else title)
    text = _YEARS.sub("", text).strip()
    if text.isascii():  # an English title is cut at a word, not in the middle of one
        return textwrap.shorten(text, 2 * (TITLE_HEAD + TITLE_TAIL), placeholder="…")
    if len(text) <= TITLE_HEAD + TITLE_TAIL + 1:
        return text
    return f"{text[:TITLE_HEAD]}…{text[-TITLE_TAIL:]}"


def citation(row: dict[str, Any], spec: Citation) -> str:
    """``十四五数字经济发展规划 ¶4``: a short title and where in the text; MISSING without a document."""
    title, locator = short_title(row.get(spec.title)), row.get(spec.locator)
    return " ".join(p for p in (title, locator) if p) or MISSING


def add_cells(rows: Sequence[dict[str, Any]]) -> None:
    """Add each readable cell whose parts a row has (its value column, its title column), in place."""
    if not rows:
        return
    keys = rows[0].keys()
    amounts = [a for a in AMOUNTS if a.value in keys]
    citations = [c for c in CITATIONS if c.title in keys and c.locator in keys]
    for row in rows:
        for spec in amounts:
            row[spec.name] = amount(row, spec)
        for cite in citations:
            row[cite.name] = citation(row, cite)
