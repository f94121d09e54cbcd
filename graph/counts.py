"""Node counts per label and relationship counts per type, from the count store.

``db.stats.retrieve('GRAPH COUNTS')`` reads Neo4j's own counters instead of
scanning the graph, so ``policykg status`` stays instant at a million nodes.
"""

from __future__ import annotations

from policykg.graph.connection import Graph, read_rows

COUNTS = """
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
RETURN [n IN data.nodes WHERE n.label IS NOT NULL | [n.label, n.count]] AS nodes,
       [r IN data.relationships WHERE r.relationshipType IS NOT NULL
            AND r.startLabel IS NULL AND r.endLabel IS NULL | [r.relationshipType, r.count]] AS relationships,
       [n IN data.nodes WHERE n.label IS NULL | n.count][0] AS total_nodes,
       [r IN data.relationships WHERE r.relationshipType IS NULL
            AND r.startLabel IS NULL AND r.endLabel IS NULL | r.count][0] AS total_relationships
"""


def graph_counts(graph: Graph) -> dict[str, dict[str, int] | int]:
    row = read_rows(graph, COUNTS)[0]
    return {
        "nodes": {label: count for label, count in sorted(row["nodes"]) if count},
        "relationships": {rel: count for rel, count in sorted(row["relationships"]) if count},
        "total_nodes": row["total_nodes"] or 0,
        "total_relationships": row["total_relationships"] or 0,
    }
