"""Turn parameter values as people type them into the values the Cypher expects.

Everything arrives as text (a CLI flag, a header default, a Browser guide
example); regions and themes are typed the way people say them (北京市,
Beijing, 110000; 数据跨境流动, cross-border data flows), so they are resolved
here, once, against the same reference data the ingest used. The results go
to the server as $parameters and never into the Cypher text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from policykg.schema.reference import gazetteer, themes

from policykg.errors import QueryError


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


def _region(raw: str) -> str:
    return gazetteer().resolve(raw.strip()).code


def _theme(raw: str) -> str:
    return themes().resolve(raw.strip()).id


#: The parameter types a query header may declare, and how each is converted.
COERCE: dict[str, Callable[[str], Any]] = {
    "str": lambda raw: raw,
    "int": _int,
    "float": _float,
    "region": _region,
    "theme": _theme,
}

PARAM_TYPES: tuple[str, ...] = tuple(COERCE)


def coerce(type_: str, raw: str) -> Any:
    """One typed value; UnknownName passes through so its closest-match hint survives."""
    if type_ not in COERCE:
        raise QueryError(f"unknown parameter type {type_!r}; expected one of {', '.join(PARAM_TYPES)}")
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
