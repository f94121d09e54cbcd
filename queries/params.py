"""Turn parameter values as people type them into the values the Cypher expects.

Everything arrives as text (a CLI flag, a header default, a Browser guide
example); regions and themes are typed the way people say them (北京市,
Beijing, 110000; 数据跨境流动, cross-border data flows), so they are resolved
here, once, against the same reference data the ingest used. The results go
to the server as $parameters and never into the Cypher text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from policykg.errors import QueryError
from policykg.queries import policy_status
from policykg.schema.reference import gazetteer, themes


def _int(raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise QueryError(f"expected a whole number, got {raw!r}") from None


def _float(raw: str) -> float:
    try:
        return float(raw.strip())
    except ValueError:
        raise QueryError(f"expected a number, got {raw!r}") from None


#: The default (or value) that makes a filter parameter match everything: the Cypher receives null.
ANY = "any"
#: Open ends of a year range, so that the Cypher compares with plain numbers.
FIRST_YEAR, LAST_YEAR = 0, 9999
_YEARS_RE = re.compile(r"^(?P<start>\d{4})?\s*(?P<sep>-|\.\.|–)?\s*(?P<end>\d{4})?$")


def _years(raw: str) -> list[int]:
    """``2025`` → [2025, 2025]; ``2021-2025`` or ``2021..2025`` → [2021, 2025]; ``2021-`` / ``-2025`` open-ended."""
    match = _YEARS_RE.match(raw.strip())
    if not match or not (match.group("start") or match.group("end")) or \
            (match.group("sep") is None and match.group("start") and match.group("end")):
        raise QueryError(f"expected a year or a range such as 2021-2025, 2021- or -2025, got {raw!r}")
    start, end = match.group("start"), match.group("end")
    if match.group("sep") is None:
        return [int(start), int(start)]
    years = [int(start) if start else FIRST_YEAR, int(end) if end else LAST_YEAR]
    if years[0] > years[1]:
        raise QueryError(f"the range {raw!r} ends before it starts")
    return years


# Lucene's query syntax: these characters mean something unless escaped.
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/]|&&|\|\|)')
_LUCENE_WORDS = re.compile(r"\b(AND|OR|NOT|TO)\b")


def lucene_escape(text: str) -> str:
    """User text as literal Lucene terms: operators and special characters lose their meaning."""
    escaped = _LUCENE_SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group(1)), text)
    return _LUCENE_WORDS.sub(lambda m: m.group(1).lower(), escaped)


def lucene_query(text: str) -> str:
    """Any of the words, with names holding the whole text as a phrase ranked first.

    Ranking by words alone puts short names that share one common word
    ("Jilin City" for "benchmark city") above the name that holds the phrase;
    for Chinese, where the CJK analyzer indexes overlapping bigrams, the phrase
    is what makes "数据跨境" behave like a substring search.
    """
    if not text.strip():
        raise QueryError("search text is empty")
    escaped = lucene_escape(" ".join(text.split()))
    return f'"{escaped}"^4 {escaped}'


def _region(raw: str) -> str:
    return gazetteer().resolve(raw.strip()).code


def _theme(raw: str) -> str:
    return themes().resolve(raw.strip()).id


def fulltext(text: str) -> dict[str, Any]:
    """Search text as a query needs it: the Lucene query, and the text and its words in lower case.

    The index finds candidates (Chinese by overlapping bigrams, English by
    stems); the words tell a whole-word or phrase match from an overlap of
    parts, which is how search.cypher ranks and cuts.
    """
    words = " ".join(text.split())
    return {"lucene": lucene_query(text), "text": words.lower(), "words": sorted(set(words.lower().split()), key=len,
                                                                                     reverse=True)}


#: The parameter types a query header may declare, and how each is converted.
COERCE: dict[str, Callable[[str], Any]] = {
    "str": lambda raw: raw,
    "int": _int,
    "float": _float,
    "region": _region,
    "theme": _theme,
    "years": _years,
    "search": lucene_query,
    "fulltext": fulltext,
    "status": policy_status.parse,
}

PARAM_TYPES: tuple[str, ...] = tuple(COERCE)


def coerce(type_: str, raw: str) -> Any:
    """One typed value; ``any`` (a filter left open) is None; UnknownName keeps its closest-match hint."""
    if type_ not in COERCE:
        raise QueryError(f"unknown parameter type {type_!r}; expected one of {', '.join(PARAM_TYPES)}")
    if raw.strip().lower() == ANY:
        return None
    return COERCE[type_](raw)


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["theme=数据跨境流动", "year=2025"]`` → a dict; the first '=' splits, so values may hold '='."""
    given: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"expected --param NAME=VALUE, got {pair!r}")
        if key in given:
            raise QueryError(f"parameter {key!r} given twice")
        given[key] = value
    return given
