"""A draft's source text in paragraphs numbered as the extractor numbers them, with each quote located.

The extractor counts non-empty lines of the normalised text after blanking
front matter (ingest/extract/normalise.py, pipeline.py); the same functions
number them here, so ¶N on a card is the N-th paragraph shown. Paragraphs are
shown as written (the original characters, which quotes copy).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from policykg.errors import ReviewError
from policykg.ingest.extract import normalise
from policykg.ingest.extract.pipeline import front_matter


@dataclass
class Paragraph:
    number: int
    text: str  # as written
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
        """Mark ``quote`` in its ¶ paragraph (else the first paragraph that has it); the paragraph number."""
        if not quote:
            return _number(locator)
        number = _number(locator)
        order = ([self.paragraphs[number - 1]] if number and 0 < number <= len(self.paragraphs) else [])
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
    """The text file as paragraphs; ReviewError when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read the source text ({exc.strerror or exc})") from None
    text = normalise.decode(data, str(path))
    _, body = front_matter(text)
    src = normalise.make_source(body)
    pars = []
    for par in normalise.paragraphs(src.text):
        pars.append(Paragraph(par.number, src.quote(par.start, par.start + len(par.text))))
    return SourceText(path, hashlib.sha256(data).hexdigest(), pars)
