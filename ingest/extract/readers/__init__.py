"""The reading layer of `policykg extract`: a file in, the text the extractor reads out.

One module per format (text.py for plain text in any Chinese encoding, html.py, pdf.py, docx.py) and
traditional.py for Traditional Chinese. Each gives the same thing, a SourceText: the text as read, one
paragraph per line (quotes are cut from it), where each paragraph is in the file (``p.3 ¶2`` for a
PDF), and what the page itself says about the document (title, date, address), each with where it was
read. The format is taken from the file's first bytes, not its name: a name that lies is refused.
The extractor's rules stay format-blind (pipeline.extract takes text and its Simplified twin).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from policykg.ingest.extract.normalise import ExtractError

#: Extensions read, by format. Anything else below a folder is not looked at.
EXTENSIONS = {
    "text": (".txt", ".text", ".md"),
    "html": (".html", ".htm", ".shtml", ".xhtml"),
    "pdf": (".pdf",),
    "docx": (".docx",),
}
OLD_WORD = (".doc", ".wps", ".wpt", ".dot")
#: Largest file read, by format (bytes on disk): bounded memory whatever the file claims.
MAX_FILE = {"text": 4_000_000, "html": 10_000_000, "pdf": 100_000_000, "docx": 50_000_000}


@dataclass(frozen=True)
class Said:
    """A metadata value the page itself gives, and where it was read (never a guess)."""

    value: str
    where: str


@dataclass
class SourceText:
    """A document as read: its text (one paragraph per line) and how it was read."""

    text: str
    format: str  # text | html | pdf | docx
    sha256: str
    encoding: str | None = None  # of a text or HTML file
    locators: list[str] = field(default_factory=list)  # per paragraph (line), when not ¶N
    meta: dict[str, Said] = field(default_factory=dict)  # title, published, url
    matching: str | None = None  # the Simplified twin (same length) of a Traditional text
    pages: int | None = None

    @property
    def script(self) -> str:
        return "traditional" if self.matching is not None else "simplified"

    def describe(self) -> str:
        """One line for the draft's header: what was read and how."""
        parts = [self.format.upper() if self.format != "text" else "plain text"]
        if self.pages is not None:
            parts.append(f"{self.pages} pages")
        if self.encoding:
            parts.append(f"encoding {self.encoding}")
        if self.matching is not None:
            parts.append("Traditional Chinese (matched as Simplified; quotes as written)")
        return ", ".join(parts)


def format_of(path: Path) -> str | None:
    """The format a file name promises, or None for a name the reader does not take."""
    suffix = path.suffix.lower()
    return next((fmt for fmt, exts in EXTENSIONS.items() if suffix in exts), None)


def sniff(head: bytes) -> str:
    """The format the first bytes show: pdf, zip, ole (old Word/WPS), or text."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    return "text"


def read(path: Path) -> SourceText:
    """Read one file as its content shows it is (ExtractError, one line, when it cannot be)."""
    from policykg.ingest.extract.readers import docx, html, pdf, text, traditional

    fmt = _check(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    readers = {"text": text.read, "html": html.read, "pdf": pdf.read, "docx": docx.read}
    source = readers[fmt](data, str(path), digest)
    return traditional.simplify(source)


def _check(path: Path) -> str:
    """The format to read the file as, or ExtractError: missing, a folder, too large, old Word, lying name."""
    if not path.exists():
        raise ExtractError(f"{path}: no such file")
    if path.is_dir():
        raise ExtractError(f"{path}: is a folder, not a document")
    if path.suffix.lower() in OLD_WORD:
        raise ExtractError(f"{path}: old binary Word/WPS ({path.suffix}) is not read; save it as .docx or PDF")
    try:
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    shown = sniff(head)
    named = format_of(path) or ("html" if _looks_html(head) else "text")
    if shown == "ole":
        raise ExtractError(f"{path}: an old binary Word/WPS file (whatever its name says) is not read; "
                           "save it as .docx or PDF")
    expected = {"pdf": "pdf", "docx": "zip"}.get(named, "text")
    if shown != expected:
        what = {"pdf": "a PDF", "zip": "a zip archive (.docx?)", "text": "text"}[shown]
        raise ExtractError(f"{path}: the name says {named.upper() if named != 'text' else 'text'} but the content "
                           f"is {what}; give the file its right extension")
    if named == "text" and _looks_html(head):
        named = "html"
    size = path.stat().st_size
    if size > MAX_FILE[named]:
        raise ExtractError(f"{path}: {size / 1e6:.1f} MB is above the {MAX_FILE[named] / 1e6:.0f} MB limit for "
                           f"one {named.upper() if named != 'text' else 'text'} document; split it")
    return named


def _looks_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower()


def numbered(lines: list[str], locators: list[str] | None = None) -> tuple[str, list[str]]:
    """The text of non-empty paragraphs, one a line, and their locators (kept in step with the lines)."""
    out_lines: list[str] = []
    out_locs: list[str] = []
    for i, line in enumerate(lines):
        cleaned = " ".join(line.replace("\u200b", "").split())
        if cleaned:
            out_lines.append(cleaned)
            out_locs.append(locators[i] if locators else f"¶{len(out_lines)}")
    return "\n".join(out_lines), out_locs
