"""`policykg status`: address, version, edition, database and counts."""

from __future__ import annotations

from policykg.graph.connection import write
from tests.cli import run_cli


def test_status_reports_version_edition_and_counts(graph, neo4j_under_test):
    write(graph, lambda tx: tx.run(
        "CREATE (:Region {code: 'T1', name_zh: '测试'})-[:PART_OF]->(:Region {code: 'T0'})").consume())
    result = run_cli("status", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("Neo4j 5.26.")
    assert "community" in first and graph.uri in first and "database neo4j" in first
    assert "2 nodes, 1 relationship" in result.output
    assert "Region   2" in result.output.splitlines()
    assert "PART_OF   1" in result.output.splitlines()


def test_routing_uri_works_unchanged(db, neo4j_under_test):
    """neo4j:// (as Aura and clusters use) routes reads and writes through the same commands."""
    uri = db.uri.replace("bolt://", "neo4j://")
    result = run_cli("--uri", uri, "status", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].endswith(f"at {uri}, database neo4j")
    refused = run_cli("--uri", uri, "cypher", "CREATE (n) RETURN n", env=neo4j_under_test.env)
    assert refused.exit_code == 1
    assert "refused a write" in refused.output


def test_status_of_an_empty_graph_has_no_blank_lines(db, neo4j_under_test):
    result = run_cli("status", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["0 nodes, 0 relationships"]
