"""policykg: a knowledge graph of public policies in Neo4j, as a Python API and the `policykg` command.

The public API is small and imported lazily, so that `policykg --help` does
not pay for the Neo4j driver::

    from policykg import connect, ingest_paths, run_query
    with connect() as graph:                     # settings from NEO4J_* / .env / the local server
        ingest_paths(graph, ["data/documents"])
        rows = run_query(graph, "regions-targeting-theme", {"theme": "数据跨境流动"})
        g = to_networkx(graph, region="广东")    # a networkx MultiDiGraph for analysis
    extract_files([Path("plan.txt")], Path("data/drafts"))  # draft records from Chinese text

Everything a user can act on raises a subclass of ``PolicyKGError``
(see ``policykg.errors`` for the tree).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policykg.errors import PolicyKGError
    from policykg.graph.connection import Graph, connect
    from policykg.graph.export import to_networkx
    from policykg.graph.settings import Settings, resolve_settings
    from policykg.ingest.extract.run import extract_files
    from policykg.ingest.pipeline import ingest_paths
    from policykg.ingest.validate import validate_paths
    from policykg.queries.runner import run_cypher, run_query, search

#: Public name → module that defines it.
_API = {
    "PolicyKGError": "policykg.errors",
    "Graph": "policykg.graph.connection",
    "connect": "policykg.graph.connection",
    "Settings": "policykg.graph.settings",
    "resolve_settings": "policykg.graph.settings",
    "to_networkx": "policykg.graph.export",
    "extract_files": "policykg.ingest.extract.run",
    "ingest_paths": "policykg.ingest.pipeline",
    "validate_paths": "policykg.ingest.validate",
    "run_query": "policykg.queries.runner",
    "run_cypher": "policykg.queries.runner",
    "search": "policykg.queries.runner",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'policykg' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
