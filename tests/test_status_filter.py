"""Questions count current policies by default (issue 26): superseded plans and their targets are left out.

The demo corpus states two SUPERSEDES links: 数字辽宁发展规划(2.0版) replaces
version 1.0 (which set three 2025 targets of its own), and Chongqing's
十四五 plan replaces its 2018—2020 action plan. Every 十四五 plan ended in
2025, so as of this year (2026 or later) they are expired: counted by
``current``, left out by ``in-force``. Policies are found by their titles,
which the records give as written, so the tests do not depend on keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest

from policykg.errors import QueryError
from policykg.graph.connection import Graph, read_rows
from policykg.ingest.pipeline import ingest_paths
from policykg.queries import loader
from policykg.queries.policy_status import counting_note, parse
from policykg.queries.runner import run_query
from tests.cli import run_cli
from tests.conftest import DEMO_DOCUMENTS, wipe

LN_1, LN_2 = "数字辽宁发展规划(1.0版)", "数字辽宁发展规划(2.0版)"
CQ_OLD = "重庆市以大数据智能化为引领的创新驱动发展战略行动计划(2018—2020年)"
CQ_14TH = "重庆市数字经济“十四五”发展规划(2021—2025年)"
CQ_2027 = "重庆市数字经济创新发展行动计划"
CURRENT_LINE = "Counting current policies (not superseded); --param status=any for all."

#: Every question whose answer counts policies or the targets, measures and projects they set or include.
FILTERED = {"indicator-over-time", "policy-status", "projects-by-theme", "region-policies", "region-profile",
            "region-theme-matrix", "regions-compared-on-indicator", "regions-targeting-theme", "target-ambition", "targets-due-by",
            "targets-vs-latest-figure", "themes-without-measures"}


@pytest.fixture(scope="module")
def demo_graph(db: Graph) -> Iterator[Graph]:
    """The demo corpus, once for this module."""
    ingest_paths(db, [DEMO_DOCUMENTS])
    yield db
    wipe(db)


def run(graph: Graph, name: str, **params: object):
    return run_query(graph, name, {k: str(v) for k, v in params.items()}, limit=0)


def key_of(graph: Graph, title: str) -> str:
    (row,) = read_rows(graph, "MATCH (p:Policy {title_zh: $title}) RETURN p.key AS key", {"title": title})
    return row["key"]


# -- the parameter and the shared rule -----------------------------------------------------------------------------

def test_every_question_that_counts_policies_takes_status_current_by_default():
    included = {q.name for q in loader.load_all() if "// include: policy-status-filter" in q.cypher}
    assert included == FILTERED
    for name in FILTERED:
        param = loader.get(name).param("status")
        assert param is not None and param.type == "status", name
        assert param.default == ("any" if name == "policy-status" else "current"), name
    # history questions keep every policy: a superseded plan still implemented the national one, and set its targets;
    # a portfolio is every theme a region has named
    for name in ("implementations-of", "target-revisions", "similar-regions"):
        assert loader.get(name).param("status") is None


def test_status_values_and_the_one_line_error():
    assert (parse("current"), parse(" In-Force "), parse("in_force")) == ("current", "in-force", "in-force")
    query = loader.get("region-policies")
    assert query.bind({"region": "辽宁", "status": "any"})["status"] is None
    assert query.bind({"region": "辽宁"})["status"] == "current"
    with pytest.raises(QueryError) as caught:
        query.bind({"region": "辽宁", "status": "valid"})
    assert str(caught.value) == ("parameter 'status' of query 'region-policies': "
                                 "expected current, in-force or any, got 'valid'")
    assert counting_note("current") == CURRENT_LINE
    assert counting_note("in-force", "--status ") == "Counting policies in force this year (not expired); --status any for all."
    assert counting_note(None) is None


def test_a_fragment_is_included_indented_and_its_parameters_must_be_declared(tmp_path):
    body = "MATCH (fact:Policy)\nWITH fact, 2026 AS asof\nCALL (fact) {\n  WITH fact\n  // include: {name}\n  RETURN 1 AS one\n}\nRETURN fact.key AS key"
    head = "// name: {stem}\n// zh: 测试\n// en: A test\n{param}// example:\n\n"
    good = tmp_path / "good.cypher"
    good.write_text(head.format(stem="good", param="// param: status: status = current\n")
                    + body.replace("{name}", "policy-status-filter"), encoding="utf-8")
    cypher = loader.load_file(good).cypher
    fragment = loader.fragment("policy-status-filter")
    assert "\n".join("  " + line if line else line for line in fragment.splitlines()) in cypher
    undeclared = tmp_path / "undeclared.cypher"
    undeclared.write_text(head.format(stem="undeclared", param="") + body.replace("{name}", "policy-status-filter"),
                          encoding="utf-8")
    with pytest.raises(QueryError, match=r"undeclared\.cypher:10: \$status is used but not declared"):
        loader.load_file(undeclared)
    unknown = tmp_path / "unknown.cypher"
    unknown.write_text(head.format(stem="unknown", param="") + body.replace("{name}", "nope"), encoding="utf-8")
    with pytest.raises(QueryError, match=r"unknown\.cypher:10: no fragment 'nope' in queries/fragments/ "
                                         r"\(there are: policy-status-filter\)"):
        loader.load_file(unknown)


# -- answers on the demo corpus ------------------------------------------------------------------------------------

def test_a_superseded_plan_is_left_out_of_a_regions_policies_by_default(demo_graph):
    titles = lambda rows: sorted({r["title_zh"] for r in rows})  # noqa: E731
    assert titles(run(demo_graph, "region-policies", region="辽宁")) == [LN_2]
    assert titles(run(demo_graph, "region-policies", region="辽宁", status="any")) == [LN_1, LN_2]
    by_status = {r["title_zh"]: r["policy_status"] for r in run(demo_graph, "region-policies", region="辽宁", status="any")}
    assert by_status == {LN_1: "superseded", LN_2: "expired"}


def test_the_superseded_plans_targets_are_left_out_too(demo_graph):
    old, new = key_of(demo_graph, LN_1), key_of(demo_graph, LN_2)
    every = run(demo_graph, "targets-due-by", region="辽宁", year=2025, status="any")
    current = run(demo_graph, "targets-due-by", region="辽宁", year=2025)
    # 140,000 5G base stations, about 10% growth a year, 45% of GDP, fixed broadband and mobile internet
    assert sum(r["policy"] == old for r in every) == 5
    assert {r["policy"] for r in current} == {new}
    assert [r["key"] for r in current] == [r["key"] for r in every if r["policy"] == new]
    assert {r["policy_status"] for r in every} == {"superseded", "expired"}


def test_the_flagship_answer_counts_current_policies(demo_graph):
    old = key_of(demo_graph, LN_1)
    every = run(demo_graph, "regions-targeting-theme", theme="digital-economy", region="辽宁", status="any")
    current = run(demo_graph, "regions-targeting-theme", theme="digital-economy", region="辽宁")
    assert {r["key"] for r in every if r["label"] == "Policy"} == {old, key_of(demo_graph, LN_2)}
    dropped = {r["key"] for r in every} - {r["key"] for r in current}
    its_facts = {r["key"] for r in read_rows(demo_graph, "MATCH (:Policy {key: $old})-[:SETS|INCLUDES]->(x) RETURN x.key AS key",
                                            {"old": old})}
    assert old in dropped and len(dropped) > 1 and dropped <= {old} | its_facts  # the plan and what it set:
    assert dropped == {old, "draft-2021-liaoning-shuzi-liaoning-1.0-jiedu-mubiao-m004"}  # its network measure
    assert {r["key"] for r in current if r["label"] == "Policy"} == {key_of(demo_graph, LN_2)}  # expired, no successor


def test_in_force_leaves_expired_plans_out_and_keeps_facts_of_no_policy(demo_graph):
    assert date.today().year > 2025  # the 十四五 plans' periods are over
    assert run(demo_graph, "region-policies", region="辽宁", status="in-force") == []
    profile = run(demo_graph, "region-profile", region="重庆", status="in-force")
    policies = {r["name_zh"] for r in profile if r["label"] == "Policy"}
    assert policies == {CQ_2027}  # period to 2027; the 十四五 plan expired, the 2018—2020 plan superseded
    assert {r["label"] for r in profile} >= {"Observation", "Target"}  # figures belong to no policy: always counted
    assert {r["name_zh"] for r in run(demo_graph, "region-profile", region="重庆") if r["label"] == "Policy"} == {
        CQ_2027, CQ_14TH}


def test_themes_without_measures_count_current_policies_and_keep_every_theme(demo_graph):
    answer = lambda status: {r["theme"]: r["policies"]  # noqa: E731
                             for r in run(demo_graph, "themes-without-measures", region="辽宁", status=status)}
    every, current, strict = answer("any"), answer("current"), answer("in-force")
    assert set(every) <= set(current) <= set(strict)  # a left-out measure no longer covers its themes
    assert (current["digital-economy"], strict["digital-economy"]) == (1, 0)  # 2.0; expired too
    # with every policy, version 1.0's measure on network infrastructure covers the broader digital economy
    assert "digital-economy" not in every and "network-infrastructure" not in every


def test_policy_status_and_the_filters_follow_one_rule(demo_graph):
    statuses = {r["key"]: r["status"] for r in run(demo_graph, "policy-status", region="中国")}
    assert {statuses[key_of(demo_graph, t)] for t in (LN_1, CQ_OLD)} == {"superseded"}
    allowed = {"current": {"in force", "expired"}, "in-force": {"in force"}, "any": set(statuses.values())}
    for status, kept in allowed.items():
        listed = {r["key"] for r in run(demo_graph, "region-policies", region="中国", status=status)}
        assert listed == {key for key, s in statuses.items() if s in kept}, status
        assert {r["key"] for r in run(demo_graph, "policy-status", region="中国", status=status)} == listed


#: The region × theme cells walked fact by fact (what the summary would hold if ingest applied the status rule).
WALKED = """
MATCH (fact) WHERE fact:Policy OR fact:Measure OR fact:Target OR fact:Project
WITH fact, date().year AS asof
{fragment}
MATCH (fact)-[:APPLIES_TO|LOCATED_IN]->(:Region)-[:PART_OF*0..]->(region:Region {{level: 'province'}})
WITH DISTINCT fact, region
MATCH (fact)-[:ADDRESSES]->(theme:Theme)
WITH DISTINCT fact, region, theme
RETURN region.code AS region, theme.id AS theme, sum(toInteger(fact:Policy)) AS policies,
       sum(toInteger(fact:Measure)) AS measures, sum(toInteger(fact:Target)) AS targets,
       sum(toInteger(fact:Project)) AS projects, count(*) AS facts
"""


def test_the_region_theme_matrix_takes_the_left_out_facts_off_the_summary(demo_graph):
    walk = WALKED.format(fragment=loader.fragment("policy-status-filter"))
    cells = lambda rows: {(r["region"], r["theme"]): (r["policies"], r["measures"], r["targets"], r["projects"],  # noqa: E731
                                                       r["facts"]) for r in rows}
    for status, value in (("current", "current"), ("in-force", "in-force"), ("any", None)):
        matrix = cells(run(demo_graph, "region-theme-matrix", status=status))
        assert matrix == cells(read_rows(demo_graph, walk, {"status": value})), status
    liaoning = lambda status: cells(run(demo_graph, "region-theme-matrix", status=status))[("210000", "digital-economy")]  # noqa: E731
    every, current = liaoning("any"), liaoning("current")
    assert every[0] == current[0] + 1  # version 1.0 of the plan: one policy fewer
    assert every[4] > current[4] and current[4] >= 2  # version 2.0 and what it set stay


def test_the_answer_ends_with_the_line_saying_which_policies_it_counts(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, "COLUMNS": "80"}
    table = run_cli("query", "run", "region-policies", "--param", "region=辽宁", env=env)
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[-1] == CURRENT_LINE and LN_2 in table.stdout and LN_1 not in table.stdout
    as_json = run_cli("query", "run", "region-policies", "--param", "region=辽宁", "-f", "json", env=env)
    rows = json.loads(as_json.stdout)  # rows only: JSON and CSV stay machine-readable
    assert [r["title_zh"] for r in rows] == [LN_2]
    assert rows == json.loads(json.dumps(run(demo_graph, "region-policies", region="辽宁"), default=str))  # as the API
    csv = run_cli("query", "run", "region-policies", "--param", "region=辽宁", "-f", "csv", env=env)
    assert "Counting" not in csv.stdout and len(csv.stdout.splitlines()) == 2
    every = run_cli("query", "run", "region-policies", "-p", "region=辽宁", "-p", "status=any", env=env)
    assert "Counting" not in every.output and LN_1 in every.stdout
    in_force = run_cli("query", "run", "policy-status", "-p", "region=辽宁", "-p", "status=in-force", env=env)
    assert in_force.stderr.strip().splitlines() == [
        "No rows.", "Counting policies in force this year (not expired); --param status=any for all."]
    bad = run_cli("query", "run", "region-policies", "-p", "region=辽宁", "-p", "status=valid", env=env)
    assert bad.exit_code == 1
    assert bad.stderr == ("Error: parameter 'status' of query 'region-policies': "
                          "expected current, in-force or any, got 'valid'\n")


def test_analyze_ambition_takes_status_and_says_so(demo_graph, neo4j_under_test):
    args = ("analyze", "ambition", "--indicator", "cn-core-digital-industries-va-share-gdp")
    current = run_cli(*args, env=neo4j_under_test.env)
    assert current.exit_code == 0, current.output
    assert current.stdout.splitlines()[-1] == "Counting current policies (not superseded); --status any for all."
    strict = run_cli(*args, "--status", "in-force", "-f", "json", env=neo4j_under_test.env)
    # the national 十四五 plan and the provincial ones have ended; Jiangsu's 2022 opinion states no end
    assert [r["region_zh"] for r in json.loads(strict.stdout)] == ["江苏省"]
