"""The subgraph a canned query's answer touches, as a ``networkx.MultiDiGraph``.

A query answers in rows of values, not nodes; the nodes it touched are the
ones whose natural key appears among those values (region codes, theme ids,
fact keys, source document ids). graph/ cannot run canned queries (imports
go one way: graph → queries), so the runner lives here and hands the keys
to ``graph.export.to_networkx``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from policykg.graph.connection import Graph
from policykg.graph.export import to_networkx
from policykg.queries.runner import run_query


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def answer_keys(rows: Iterable[dict[str, Any]]) -> list[str]:
    """Every text value of the rows (lists and maps included), once each, in order of appearance."""
    seen: dict[str, None] = {}
    for row in rows:
        for value in row.values():
            seen.update(dict.fromkeys(_strings(value)))
    return list(seen)


def query_subgraph(graph: Graph, name: str, params: dict[str, str] | None = None, depth: int = 0) -> nx.MultiDiGraph:
    """The nodes the answer of query ``name`` names, the edges among them, and ``depth`` hops more."""
    rows = run_query(graph, name, params or {})
    return to_networkx(graph, keys=answer_keys(rows), depth=depth)
