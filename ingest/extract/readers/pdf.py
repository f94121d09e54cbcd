"""PDF files: pdfplumber's text layer, one drawn line at a time, joined back into paragraphs.

pdfplumber (on pdfminer.six) gives the lines as drawn: a sentence, a number or a unit that wraps comes
back split (`…达到1万` / `亿元`), the issuing office's running head and `— 3 —` page numbers as lines of
their own, and ruled tables as words in cells. This module turns that back into a document: tables
(pdfplumber's find_tables) become one row a line, page furniture goes (furniture.py), and lines are
joined into paragraphs (paragraphs.py: a line that starts indented, follows a line that stopped short
of the margin, or is a heading starts a new one). Locators name page and paragraph: ``p.3 ¶2``.

Bounded: at most MAX_PAGES pages and MAX_SECONDS of reading; a truncated file (no %%EOF), an
encrypted one, a page tree that loops and a scan without a text layer each get one error line.
"""

from __future__ import annotations

import io
import logging
import time

import regex

from policykg.ingest.extract.normalise import MAX_BYTES, ExtractError
from policykg.ingest.extract.readers import Said, SourceText, numbered
from policykg.ingest.extract.readers.pdf_layout import Line, drop_furniture, join_paragraphs

MAX_PAGES = 1_000
MAX_SECONDS = 120.0


def read(data: bytes, name: str, digest: str) -> SourceText:
    """The PDF's paragraphs and table rows in reading order, each located by page and paragraph."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if b"%%EOF" not in data[-2048:]:
        raise ExtractError(f"{name}: the PDF is truncated (no end-of-file marker); download it again")
    if regex.search(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)", data[-65536:]):  # the trailer names its encryption
        raise ExtractError(f"{name}: the PDF is encrypted; save an unprotected copy first")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if getattr(pdf.doc, "encryption", None):
                raise ExtractError(f"{name}: the PDF is encrypted; save an unprotected copy first")
            count = _page_count(pdf)
            if count > MAX_PAGES:
                raise ExtractError(f"{name}: {count} pages, above the {MAX_PAGES}-page limit for one document")
            pages = _read_pages(pdf, name)
            title = (pdf.metadata or {}).get("Title")
    except ExtractError:
        raise
    except PDFPasswordIncorrect:
        raise ExtractError(f"{name}: the PDF is encrypted (it needs a password); save an unprotected copy") from None
    except RecursionError:
        raise ExtractError(f"{name}: the PDF's page tree refers back to itself; not read") from None
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many kinds for a malformed file
        raise ExtractError(f"{name}: not a readable PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not pages:
        raise ExtractError(f"{name}: no page of the PDF can be reached (its page tree loops or is broken); not read")
    if not any(line for page in pages for line in page):
        raise ExtractError(f"{name}: the PDF has no text layer (a scan?); it needs OCR first")
    paragraphs = join_paragraphs(drop_furniture(pages))
    text, locators = numbered([p.text for p in paragraphs], [p.locator for p in paragraphs])
    meta = {}
    if isinstance(title, str) and any("\u4e00" <= c <= "\u9fff" for c in title):
        meta["title"] = Said(title.strip(), "the PDF's document information")
    return SourceText(text=text, format="pdf", sha256=digest, locators=locators, meta=meta, pages=len(pages))


def _page_count(pdf) -> int:
    """Pages the catalogue declares (read before walking them), else the pages found."""
    from pdfminer.pdftypes import resolve1

    try:
        declared = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        if isinstance(declared, int):
            return declared
    except (KeyError, TypeError, AttributeError):
        pass
    return len(pdf.pages)


def _read_pages(pdf, name: str) -> list[list[Line]]:
    started = time.monotonic()
    pages: list[list[Line]] = []
    chars = 0
    for number, page in enumerate(pdf.pages, 1):
        if number > MAX_PAGES:
            raise ExtractError(f"{name}: more than {MAX_PAGES} pages, above the limit for one document")
        if time.monotonic() - started > MAX_SECONDS:
            raise ExtractError(f"{name}: reading took more than {MAX_SECONDS:.0f} s (at page {number}); not read")
        lines = page_lines(page, number)
        chars += sum(len(line.text) for line in lines)
        if chars > MAX_BYTES:
            raise ExtractError(f"{name}: more than {MAX_BYTES / 1e6:.0f} million characters of text; split it")
        pages.append(lines)
        page.flush_cache()
    return pages


_LOOSE = regex.compile(r"(?<=[\p{Han}\p{Pi}\p{Pf}\p{Ps}\p{Pe}，。、；：！？%])\s+|\s+(?=[\p{Han}\p{Pi}\p{Pf}\p{Ps}\p{Pe}，。、；：！？%])")


def tighten(text: str) -> str:
    """The line without the spaces pdfplumber reads into letter-spaced or justified Chinese (关 于 印 发,
    达到 1.2 万亿元): Chinese puts no space next to a Chinese character; between Latin words they stay."""
    return _LOOSE.sub("", text)


def page_lines(page, number: int) -> list[Line]:
    """The page's text lines top to bottom, a ruled table's rows in its place (one Line a row)."""
    tables = page.find_tables() if (page.rects or page.lines) else []
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    body = page.filter(outside) if boxes else page
    lines = [Line(tighten(d["text"]), d["x0"], d["x1"], d["top"], number)
             for d in body.extract_text_lines(strip=True, return_chars=False) if d["text"].strip()]
    for table in tables:
        for row in table.extract():
            cells = ["".join((c or "").split()) for c in row]
            if any(cells):
                lines.append(Line("| " + " | ".join(c or "/" for c in cells) + " |", table.bbox[0], table.bbox[2],
                                  table.bbox[1], number, table=True))
    lines.sort(key=lambda line: (line.top, line.x0) if not line.table else (line.top, -1.0))
    return lines
