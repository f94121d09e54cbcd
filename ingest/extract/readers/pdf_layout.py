"""From a PDF's drawn lines to paragraphs: page furniture out, wrapped lines joined (written by hand).

pdfplumber stops at lines; no library at hand joins Chinese lines into paragraphs (pdfminer's LAParams
boxes merge a page's lines into blocks but keep the line breaks, and split justified text with wide
gaps). The rules are those of a printed official document (GB/T 9704 layout): a paragraph's first line is
indented two characters, its other lines run to the right margin, headings (一、 (一) 1. 第一章) stand
alone. So a line starts a new paragraph when it is indented, when the line before it stopped short of
the right margin, or when it is a heading or a table row; otherwise it continues the line before —
across a page break too — joined without a space (with one between two Latin words).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex

PAGE_NUMBER = regex.compile(
    r"^[-—–－_~·\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*[,，]?\s*共\s*\d{1,4}\s*页)?[-—–－_~·\s]*$"
    r"|^[-—–－_\s]*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-—–－_\s]*$", regex.I)
HEADING = regex.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d)"
                        r"|第[一二三四五六七八九十]+[章节条部分]|附件\s*\d*$)")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    page: int
    table: bool = False


@dataclass
class Para:
    text: str
    locator: str


def _key(text: str) -> str:
    return regex.sub(r"\d+", "#", regex.sub(r"\s+", "", text))


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without page numbers (— 3 —, 第3页 共10页, among a page's first or last two lines) and without
    running heads or feet: a line among a page's first or last two that recurs (digits aside) on at least two pages and 40% of them, and never
    stands inside a page's body (a table's repeated cell does)."""
    edge_counts: Counter[str] = Counter()
    inner: set[str] = set()
    for lines in pages:
        edges = {_key(line.text) for line in lines[:2] + lines[-2:] if not line.table}
        edge_counts.update(edges)
        inner.update(_key(line.text) for line in lines[2:-2])
    for key in inner:
        edge_counts.pop(key, None)
    needed = max(2, 0.4 * len(pages))
    out = []
    for lines in pages:
        edge = {id(line) for line in lines[:2] + lines[-2:]}
        out.append([line for line in lines if line.table or id(line) not in edge or not (
            PAGE_NUMBER.fullmatch(line.text.strip()) or (edge_counts[_key(line.text)] >= needed and len(pages) >= 2))])
    return out


def _measure(lines: list[Line]) -> tuple[float, float, float]:
    """(left margin, right margin, character width) of a page's prose lines."""
    prose = [line for line in lines if not line.table and len(line.text) >= 2]
    if not prose:
        return 0.0, 0.0, 10.0
    width = statistics.median((line.x1 - line.x0) / max(1, len(line.text)) for line in prose)
    return min(line.x0 for line in prose), max(line.x1 for line in prose), max(width, 1.0)


def _text_width(pages: list[list[Line]]) -> float:
    """The width of the text block: the widest page's (a page of short lines does not set the margin;
    mirrored margins move both edges alike)."""
    widths = [right - left for left, right, _cw in map(_measure, pages)]
    return max(widths, default=0.0)


def join_paragraphs(pages: list[list[Line]]) -> list[Para]:
    """Paragraphs in reading order, each located by the page and paragraph where it starts."""
    out: list[Para] = []
    prev: Line | None = None
    prev_right = 0.0
    prev_cw = 10.0
    block = _text_width(pages)
    doc_left = min((m[0] for m in map(_measure, pages) if m[1] > 0), default=0.0)
    for lines in pages:
        left, right, cw = _measure(lines)
        if left - doc_left >= 1.2 * cw:  # a page of first lines only: they are indented from the document's margin
            left = doc_left
        right = max(right, left + block)
        on_page = 0
        for line in lines:
            text = line.text.strip()
            starts = (prev is None or line.table or prev.table or HEADING.match(text) is not None
                      or line.x0 - left >= 1.2 * cw or prev.x1 < prev_right - 1.5 * prev_cw)
            if starts:
                on_page += 1
                out.append(Para(text, f"p.{line.page} ¶{on_page}"))
            else:
                glue = " " if regex.match(r"[A-Za-z]", text) and regex.search(r"[A-Za-z]$", out[-1].text) else ""
                out[-1].text += glue + text
            prev, prev_right, prev_cw = line, right, cw
    return out

