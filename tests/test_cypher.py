"""`policykg cypher`: ad-hoc Cypher runs read-only; a write is refused and changes nothing."""

from __future__ import annotations

import json

import pytest

from policykg.errors import WriteRefused
from policykg.graph.connection import write
from policykg.queries.runner import run_cypher
from tests.cli import run_cli
from tests.conftest import node_count


def test_a_write_is_refused_with_exit_code_1_and_changes_nothing(graph, neo4j_under_test):
    write(graph, lambda tx: tx.run("CREATE (:Region {code: 'T-1', name_en: 'Test'})").consume())
    before = node_count(graph)
    result = run_cli("cypher", "CREATE (n) RETURN n", env=neo4j_under_test.env)
    assert result.exit_code == 1, result.output
    assert "Error: the server refused a write in a read-only transaction" in result.output
    assert node_count(graph) == before == 1


@pytest.mark.parametrize("statement", [
    "CREATE (n:Region {code: 'X'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Region) SET n.name_en = 'changed'",
    "MERGE (n:Theme {id: 'x'})",
])
def test_every_kind_of_write_raises_write_refused(graph, statement):
    write(graph, lambda tx: tx.run("CREATE (:Region {code: 'T-1', name_en: 'Test'})").consume())
    with pytest.raises(WriteRefused):
        run_cypher(graph, statement)
    assert run_cypher(graph, "MATCH (n) RETURN n.code AS code, n.name_en AS name") == \
        [{"code": "T-1", "name": "Test"}]


def test_a_read_returns_rows_in_the_chosen_format(graph, neo4j_under_test):
    write(graph, lambda tx: tx.run(
        "CREATE (:Region {code: 'T-1', name_zh: '测试', name_en: 'Test'}), (:Region {code: 'T-2', name_zh: '二', name_en: 'Two'})"
    ).consume())
    result = run_cli("cypher", "MATCH (r:Region) RETURN r.code AS code, r.name_zh AS zh ORDER BY code",
                     "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"code": "T-1", "zh": "测试"}, {"code": "T-2", "zh": "二"}]
    nodes = run_cypher(graph, "MATCH (r:Region {code: 'T-1'}) RETURN r")
    assert nodes == [{"r": {"_labels": ["Region"], "code": "T-1", "name_zh": "测试", "name_en": "Test"}}]


def test_a_syntax_error_is_a_one_line_error(neo4j_under_test):
    result = run_cli("cypher", "MATCH (n RETURN n", env=neo4j_under_test.env)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
