"""Word (.docx) files: python-docx, paragraphs and tables in document order, after a zip-bomb check.

A .docx is a zip archive: before python-docx opens it, every member is decompressed in a stream and
counted, so an archive that expands past MAX_EXPANDED (or lies about its sizes) is refused in bounded time
and memory. Tables become one row a line ("| 指标 | 单位 | 2020年 |"), as the table reader takes them.
"""

from __future__ import annotations

import io
import zipfile

import regex

from policykg.ingest.extract.normalise import ExtractError
from policykg.ingest.extract.readers import Said, SourceText, numbered

MAX_EXPANDED = 100_000_000  # bytes of all members, decompressed (python-docx holds them in memory)
MAX_XML = 30_000_000  # bytes of one XML part decompressed (its parsed tree takes several times that)
MAX_MEMBERS = 5_000
_CHUNK = 1 << 20


def check_archive(data: bytes, name: str) -> None:
    """ExtractError unless the bytes are a zip with a Word document inside that expands within bounds."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as exc:
        raise ExtractError(f"{name}: not a readable .docx (the zip archive is broken: {exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ExtractError(f"{name}: {len(members)} parts in the archive, above the {MAX_MEMBERS} limit")
        if "word/document.xml" not in archive.namelist():
            raise ExtractError(f"{name}: a zip archive without a Word document inside (not a .docx)")
        total = 0
        for info in members:
            part = 0
            try:
                with archive.open(info) as fh:
                    while chunk := fh.read(_CHUNK):
                        total, part = total + len(chunk), part + len(chunk)
                        if total > MAX_EXPANDED or (part > MAX_XML and info.filename.endswith(".xml")):
                            raise ExtractError(f"{name}: expands to more than {MAX_EXPANDED / 1e6:.0f} MB, or one "
                                               f"XML part to more than {MAX_XML / 1e6:.0f} MB (a zip bomb?); not read")
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise ExtractError(f"{name}: not a readable .docx ({info.filename}: {exc})") from None


def read(data: bytes, name: str, digest: str) -> SourceText:
    """The document's paragraphs and table rows, in the order they stand in its body."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_archive(data, name)
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for a malformed package
        raise ExtractError(f"{name}: not a readable .docx ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            lines.extend(table_rows(Table(child, doc)))
    text, locators = numbered(lines)
    if not regex.search(r"\p{Han}", text):
        raise ExtractError(f"{name}: no Chinese text in the document (a scan pasted as pictures?)")
    meta = {}
    title = (doc.core_properties.title or "").strip()
    if regex.search(r"\p{Han}", title):
        meta["title"] = Said(title, "the file's document properties")
    return SourceText(text=text, format="docx", sha256=digest, locators=locators, meta=meta)


def table_rows(table) -> list[str]:
    """One line per row, cells between bars; a merged cell counts once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            rows.append("| " + " | ".join(c or "-" for c in cells) + " |")
    return rows
