"""Input text (as readers/ decoded it): NFKC normalisation (with a map back to the original), paragraphs, headings.

Paragraphs are the non-empty lines of the text, numbered from 1 (locator ¶N);
figures.py splits them into sentences (。;!?) and clauses (, : as well).  Lines of a
flattened table ("45.4 |" or "指标 | 单位 | 2022年 |") are paragraphs too; the
table reader in figures.py reads their cells as rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from policykg.errors import ExtractError  # noqa: F401 (the extractor's modules import it from here)

#: A policy document is rarely above 1 MB of text; a larger file is a dump of many (split it), and its
#: draft would pass the record size limit of `policykg validate` (ingest/reader.py).
MAX_BYTES = 4_000_000


@dataclass
class Source:
    """The text as read: the original (for exact quotes), its NFKC form and a map between them."""

    original: str
    text: str
    to_original: list[int] | range  # normalised offset → original offset

    def quote(self, start: int, end: int) -> str:
        if start >= end:
            return ""
        a = self.to_original[start]
        b = self.to_original[end - 1] + 1
        return self.original[a:b]


_DROP = "\u200b\u200c\u200d\u200e\u200f\ufeff"


def make_source(original: str) -> Source:
    changed = {c: unicodedata.normalize("NFKC", c) for c in set(original) if ord(c) > 127}
    changed = {c: n for c, n in changed.items() if n != c}
    if "\r" not in original and not any(c in _DROP for c in changed) and all(len(n) == 1 for n in changed.values()):
        # fast path: every change is one character for one, so offsets stay where they are
        text = original.translate(str.maketrans(changed)) if changed else original
        return Source(original, text, range(len(original) + 1))  # type: ignore[arg-type]
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(original):
        if ch == "\r":
            if original[i + 1:i + 2] == "\n":
                continue
            ch = "\n"
        if ch in _DROP:
            continue
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 127 else ch
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(original))
    return Source(original, "".join(out), index)



@dataclass(frozen=True)
class Paragraph:
    number: int  # ¶N
    start: int  # offset of the first character in the normalised text
    text: str

    @property
    def locator(self) -> str:
        return f"¶{self.number}"


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines, leading and trailing spaces stripped, numbered from 1."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            out.append(Paragraph(len(out) + 1, pos + line.index(stripped[0]), stripped))
        pos += len(line) + 1
    return out


_HEADING = regex.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[、.](?![0-9])|第[一二三四五六七八九十]+[章节条部分])"
)


def is_heading(par: str) -> bool:
    """A section heading such as 一、总体要求 / (一)发展基础 / 2、信息产业基础雄厚 (short, no full stop)."""
    return bool(_HEADING.match(par)) and len(par) <= 40 and "。" not in par
