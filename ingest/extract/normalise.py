"""Input text: decoding, NFKC normalisation, paragraphs, sentences and clauses.

Paragraphs are the non-empty lines of the text, numbered from 1 (locator ¶N);
sentences end at 。！？; and line ends; clauses at , ; : as well.  Lines of a
flattened table ("45.4 |" or "指标 | 单位 | 2022年 |") are paragraphs too; the
table reader in figures.py reads their cells as rows.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from policykg.errors import PolicyKGError

#: A policy document is rarely above 1 MB of text; a larger file is a dump of many (split it), and its
#: draft would pass the record size limit of `policykg validate` (ingest/reader.py).
MAX_BYTES = 4_000_000


class ExtractError(PolicyKGError):
    """Input that cannot be read as Chinese text (one line, for the CLI)."""


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM) text, or ExtractError saying why not."""
    if len(data) > MAX_BYTES:
        raise ExtractError(f"{name}: {len(data) / 1e6:.1f} MB of text is above the {MAX_BYTES / 1e6:.0f} MB limit "
                           "for one document; split it into its documents")
    if not data.strip():
        raise ExtractError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise ExtractError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            data.decode("gb18030")
            hint = "; it decodes as GBK/GB18030: convert it with `iconv -f GB18030 -t UTF-8`"
        except UnicodeDecodeError:
            pass
        raise ExtractError(f"{name}: not UTF-8 text (byte {exc.start}){hint}") from None
    if not regex.search(r"\p{Han}", text):
        raise ExtractError(f"{name}: no Chinese characters in the text")
    return text


_SPACES = regex.compile(r"[ \t\u00a0\u3000]+")


def normalise(text: str) -> str:
    """NFKC (fullwidth ，（）％０-９ → ASCII), unified line ends, no zero-width characters."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = regex.sub(r"[\u200b-\u200f\ufeff]", "", text)
    return text


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


SENTENCE_END = regex.compile(r"[。!?;；！？]+")
CLAUSE_END = regex.compile(r"[,，:：、]")


def spans(text: str, pattern: regex.Pattern) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between matches of ``pattern`` (ends included)."""
    out, start = [], 0
    for m in pattern.finditer(text):
        if m.end() > start:
            out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return spans(text, SENTENCE_END)


_HEADING = regex.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[0-9]+[、.](?![0-9])|第[一二三四五六七八九十]+[章节条部分])"
)


def is_heading(par: str) -> bool:
    """A section heading such as 一、总体要求 / (一)发展基础 / 2、信息产业基础雄厚 (short, no full stop)."""
    return bool(_HEADING.match(par)) and len(par) <= 40 and "。" not in par
