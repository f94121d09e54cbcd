"""Apply and list the constraints and indexes of ``schema/constraints.cypher``.

The DDL lives in a static Cypher file rather than being assembled from the
label enum: it is reviewable as it runs, and a test checks it against
``schema.vocabulary.NATURAL_KEYS`` so the two cannot drift.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from policykg.graph.connection import Graph, read_rows, write


def ddl_statements() -> list[str]:
    text = files("policykg.schema").joinpath("constraints.cypher").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [statement.strip() for statement in body.split(";") if statement.strip()]


def apply_schema(graph: Graph) -> int:
    """Create every constraint and index that is missing; returns how many statements ran."""
    statements = ddl_statements()
    for statement in statements:
        write(graph, lambda tx, s=statement: tx.run(s).consume())
    return len(statements)


CONSTRAINTS = ("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties "
               "RETURN name, type, labelsOrTypes, properties ORDER BY name")
INDEXES = ("SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint "
           "WHERE owningConstraint IS NULL AND type <> 'LOOKUP' "
           "RETURN name, type, labelsOrTypes, properties ORDER BY name")


def constraints(graph: Graph) -> list[dict[str, Any]]:
    return read_rows(graph, CONSTRAINTS)


def indexes(graph: Graph) -> list[dict[str, Any]]:
    return read_rows(graph, INDEXES)
