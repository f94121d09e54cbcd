"""A query that places the row limit itself ($__row_limit), so that it can cut before costly work."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import QueryError
from policykg.graph.connection import write
from policykg.queries.loader import LIMIT_PARAMETER, UNLIMITED, load_all, load_file
from policykg.queries.runner import run_named

PLACED = """\
// name: {name}
// zh: 测试
// en: A test
// param: prefix: str = R
// example:
// limit: 3

MATCH (r:Region)
WHERE r.code STARTS WITH $prefix
WITH r ORDER BY r.code
LIMIT toInteger($__row_limit)
RETURN r.code AS code, count {{ (r)--() }} AS links
"""


def query_file(tmp_path: Path, text: str, name: str = "placed") -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text.format(name=name), encoding="utf-8")
    return path


def test_the_loader_takes_the_placed_limit_undeclared_and_binds_it(tmp_path):
    query = load_file(query_file(tmp_path, PLACED))
    assert query.places_limit
    assert [p.name for p in query.params] == ["prefix"]
    # Browser and EXPLAIN run the text as it is: the default limit, plus one to tell a cut
    assert query.bind({}) == {"prefix": "R", LIMIT_PARAMETER: 4}
    unlimited = load_file(query_file(tmp_path, PLACED.replace("// limit: 3", "// limit: 0"), "unlimited"))
    assert unlimited.bind({})[LIMIT_PARAMETER] == UNLIMITED
    appended = load_file(query_file(tmp_path, PLACED.replace("LIMIT toInteger($__row_limit)\n", ""), "appended"))
    assert not appended.places_limit


def test_the_limit_parameter_cannot_be_declared(tmp_path):
    text = PLACED.replace("// example:", "// param: __row_limit: int = 5\n// example:")
    with pytest.raises(QueryError, match=r"placed\.cypher:5: \$__row_limit is the runner's row limit"):
        load_file(query_file(tmp_path, text))


def test_the_runner_binds_a_placed_limit_instead_of_appending_one(graph, tmp_path):
    write(graph, lambda tx: tx.run("UNWIND ['R1', 'R2', 'R3', 'R4', 'R5', 'X1'] AS code "
                                   "CREATE (:Region {code: code})").consume())
    query = load_file(query_file(tmp_path, PLACED))
    rows = run_named(graph, query, {})
    assert ([r["code"] for r in rows], rows.truncated) == (["R1", "R2", "R3"], True)
    rows = run_named(graph, query, {}, limit=5)
    assert ([r["code"] for r in rows], rows.truncated) == (["R1", "R2", "R3", "R4", "R5"], False)
    rows = run_named(graph, query, {"prefix": "R"}, limit=0)
    assert ([r["code"] for r in rows], rows.truncated) == (["R1", "R2", "R3", "R4", "R5"], False)
    assert [r["code"] for r in run_named(graph, query, {"prefix": "X"}, limit=1)] == ["X1"]


def test_a_bare_placed_limit_is_refused_with_its_line(tmp_path):
    text = PLACED.replace("LIMIT toInteger($__row_limit)", "limit  $__row_limit")
    with pytest.raises(QueryError, match=r"placed\.cypher:11: write LIMIT toInteger\(\$__row_limit\): Browser sends"):
        load_file(query_file(tmp_path, text))


def test_every_query_answers_the_same_with_numbers_as_browser_sends_them(demo_graph):
    """Browser's :params turns every number into a float (a placed LIMIT refuses 101.0)."""
    queries = load_all()
    assert {"region-profile", "regions-targeting-theme", "targets-vs-latest-figure"} <= {
        q.name for q in queries if q.places_limit}
    for query in queries:
        params = query.example_cypher_params()
        as_browser = {k: float(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in params.items()}
        if query.places_limit:
            assert as_browser[LIMIT_PARAMETER] == 101.0
        with demo_graph.session() as session:
            rows = session.execute_read(lambda tx: tx.run(query.cypher, as_browser).data())  # noqa: B023 (called at once)
            exact = session.execute_read(lambda tx: tx.run(query.cypher, params).data())  # noqa: B023 (called at once)
        assert rows == exact, query.name


def test_a_bare_limit_or_skip_of_any_parameter_is_refused(tmp_path):
    text = PLACED.replace("// param: prefix: str = R", "// param: prefix: str = R\n// param: top: int = 2") \
        .replace("LIMIT toInteger($__row_limit)", "LIMIT toInteger($__row_limit)\nSKIP $top")
    with pytest.raises(QueryError, match=r"placed\.cypher:13: write SKIP toInteger\(\$top\): Browser sends numbers"):
        load_file(query_file(tmp_path, text))
    accepted = load_file(query_file(tmp_path, text.replace("SKIP $top", "SKIP toInteger($top)"), "accepted"))
    assert [p.name for p in accepted.params] == ["prefix", "top"]
