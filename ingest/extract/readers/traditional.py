"""Traditional Chinese: matched as Simplified (OpenCC t2s), quoted as written.

The extractor's word lists and the gazetteer are Simplified (億元, 個百分點, 數字經濟 would not be
recognised), so a Traditional text gets a Simplified twin of the same length, character for character;
pipeline.extract matches on the twin and cuts quotes from the original. OpenCC converts phrase by
phrase; a line whose conversion changes its length is converted character by character instead, so
offsets stay valid.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

import opencc
import regex

from policykg.ingest.extract.readers import Said, SourceText

#: A text is Traditional when at least this share of its Han characters (and 3) change under t2s.
SHARE = 0.02


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


@lru_cache(maxsize=20_000)
def _char(ch: str) -> str:
    out = _t2s().convert(ch)
    return out if len(out) == 1 else ch


def twin(text: str) -> str:
    """The Simplified text, of exactly the same length and line for line."""
    lines = []
    for line in text.split("\n"):
        converted = _t2s().convert(line)
        lines.append(converted if len(converted) == len(line) else "".join(_char(c) for c in line))
    return "\n".join(lines)


def is_traditional(text: str, simplified: str) -> bool:
    han = len(regex.findall(r"\p{Han}", text[:200_000]))
    changed = sum(a != b for a, b in zip(text[:200_000], simplified[:200_000]))
    return changed >= 3 and changed >= SHARE * max(1, han)


def simplify(source: SourceText) -> SourceText:
    """The source with its Simplified twin (and Simplified metadata) when it is Traditional; else as is."""
    matching = twin(source.text)
    if not is_traditional(source.text, matching):
        return source
    meta = {k: Said(to_simplified(v.value) if k == "title" else v.value, v.where) for k, v in source.meta.items()}
    return dataclasses.replace(source, matching=matching, meta=meta)
