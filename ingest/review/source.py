"""A draft's source text in paragraphs numbered as the extractor numbers them, with each quote located.

The text is read by the extractor's own readers (plain text in any encoding,
web pages, PDF, docx: ingest/extract/readers), and the extractor counts
non-empty lines of the normalised text after blanking front matter
(normalise.py, pipeline.py); the same functions number them here, so ¶N on a
card is the N-th paragraph shown (or the reader's locator, p.3 ¶2 in a PDF).
Paragraphs are shown as written (the original characters, which quotes copy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from policykg.errors import PolicyKGError, ReviewError
from policykg.ingest.extract import normalise, readers
from policykg.ingest.extract.pipeline import front_matter


@dataclass
class Paragraph:
    number: int
    text: str  # as written
    label: str  # its locator: ¶N, or the reader's (p.3 ¶2)
    marks: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, fact id) within text

    def segments(self) -> list[tuple[str, list[str]]]:
        """The text cut at every quote boundary: (piece, ids of the facts whose quote covers it)."""
        cuts = sorted({0, len(self.text), *(a for a, _, _ in self.marks), *(b for _, b, _ in self.marks)})
        out = []
        for a, b in zip(cuts, cuts[1:]):
            ids = [fid for s, e, fid in self.marks if s <= a and b <= e]
            out.append((self.text[a:b], ids))
        return out


@dataclass
class SourceText:
    path: Path
    sha256: str
    paragraphs: list[Paragraph]

    def locate(self, fact_id: str, locator: str | None, quote: str | None) -> int | None:
        """Mark ``quote`` in its locator's paragraph (else the first that has it); the paragraph number."""
        # the reader's label, alone or after the section's heading (二、发展基础 ¶7, 二、发展基础 p.3 ¶2)
        labelled = next((p for p in self.paragraphs if locator and (p.label == locator
                                                                     or locator.endswith(" " + p.label))), None)
        number = labelled.number if labelled is not None else _number(locator)
        if not quote:
            return number
        order = [self.paragraphs[number - 1]] if number and 0 < number <= len(self.paragraphs) else []
        for par in order + self.paragraphs:
            at = par.text.find(quote)
            if at >= 0:
                par.marks.append((at, at + len(quote), fact_id))
                return par.number
        return None


def _number(locator: str | None) -> int | None:
    if locator and locator.startswith("¶") and locator[1:].isdigit():
        return int(locator[1:])
    return None


def read_source(path: Path) -> SourceText:
    """The source file as paragraphs; ReviewError when it cannot be read."""
    try:
        read = readers.read(path)
    except (OSError, PolicyKGError) as exc:
        raise ReviewError(f"{path}: cannot read the source text ({exc})") from None
    _, body = front_matter(read.text)
    src = normalise.make_source(body)
    found = normalise.paragraphs(src.text)
    labels = read.locators if len(read.locators) == len(found) else [p.locator for p in found]
    pars = [Paragraph(par.number, src.quote(par.start, par.start + len(par.text)), label)
            for par, label in zip(found, labels)]
    return SourceText(path, read.sha256, pars)
