"""How export time grows with the graph: to_networkx on N and 10·N synthetic figures (prints a ratio).

Keyset paging on the natural key should make the ratio about 10 (linear);
SKIP/LIMIT or re-sorting per page would make it grow towards 100. Run against
an empty database only (it refuses one with nodes, and empties it after):

    NEO4J_URI=bolt://localhost:17740 NEO4J_PASSWORD=… python bench/export_scale.py 20000
"""

from __future__ import annotations

import sys
import time

from policykg.graph.connection import connect, read_rows, write
from policykg.graph.export import to_networkx
from policykg.graph.settings import resolve_settings

CREATE = """
UNWIND range($start, $end - 1) AS i
MATCH (d:SourceDocument {id: 'bench-doc'}), (r:Region {code: 'bench-region'})
CREATE (o:Observation {key: 'bench-' + apoc_free_pad(i), value: toFloat(i), unit: '亿元', year: 2000 + i % 25,
                       period: toString(2000 + i % 25), name_zh: '测试数值'})
CREATE (o)-[:SOURCED_FROM {locator: '¶1'}]->(d), (o)-[:OBSERVED_IN {sources: ['bench-doc']}]->(r)
""".replace("apoc_free_pad(i)", "right('0000000' + toString(i), 8)")


def grow(graph, to: int, have: int) -> None:
    for start in range(have, to, 20000):
        write(graph, lambda tx, s=start: tx.run(CREATE, start=s, end=min(s + 20000, to)).consume())


def timed(graph) -> tuple[float, int, int]:
    started = time.perf_counter()
    g = to_networkx(graph)
    return time.perf_counter() - started, g.number_of_nodes(), g.number_of_edges()


def main(n: int) -> None:
    with connect(resolve_settings()) as graph:
        if read_rows(graph, "MATCH (n) RETURN count(n) AS n")[0]["n"]:
            sys.exit("the database holds nodes; run the bench against an empty one")
        write(graph, lambda tx: tx.run("CREATE (:SourceDocument {id: 'bench-doc'}), (:Region {code: 'bench-region'})").consume())
        try:
            grow(graph, n, 0)
            small = timed(graph)
            grow(graph, 10 * n, n)
            large = timed(graph)
        finally:
            with graph.session() as session:
                session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    for seconds, nodes, edges in (small, large):
        print(f"{nodes:>9} nodes {edges:>9} edges  {seconds:7.2f} s  {nodes / seconds:9.0f} nodes/s")
    print(f"time ratio for 10x the graph: {large[0] / small[0]:.1f} (10 = linear)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
