"""Export: the graph as a MultiDiGraph and as GraphML, GEXF, node-link JSON and CSV, read back and compared.

Expected nodes, edges and attributes are worked out by hand from
tests/data/analytics/*.yaml (the fixture corpus), not copied from a run.
"""

from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pandas as pd
import pytest

from policykg.errors import UnknownName
from policykg.graph.connection import read_rows
from policykg.graph.connection import write as write_tx
from policykg.graph.export import ExportError, to_networkx, write
from policykg.ingest.pipeline import ingest_paths
from policykg.queries.subgraph import answer_keys, query_subgraph
from policykg.schema.reference import gazetteer, indicators, themes
from tests.cli import run_cli
from tests.fixture_corpus import FIXTURE_DOCUMENTS, fixture_graph  # noqa: F401 - the module's fixture

DOC_A, DOC_B = "test-analytics-a", "test-analytics-b"
FACTS = {"Policy": 6, "Target": 4, "Measure": 5, "Project": 2, "Observation": 5, "Indicator": 2}


@pytest.fixture(scope="module")
def exported(fixture_graph):  # noqa: F811
    return to_networkx(fixture_graph, page_size=50)  # small pages: every label spans several


def test_every_node_and_relationship_is_exported_once(fixture_graph, exported):  # noqa: F811
    labels = Counter(label for _, label in exported.nodes(data="labels"))
    # the indicator catalogue is reference data, in the graph (and the export) like regions and themes
    assert labels == {**FACTS, "SourceDocument": 2, "Region": len(gazetteer().regions), "Theme": len(themes().themes),
                      "Indicator": FACTS["Indicator"] + len(indicators().indicators)}
    # the COVERS counts ingest keeps summarise the facts; they are not exported
    in_neo4j = read_rows(fixture_graph, "MATCH (a)-[r]->(b) WHERE NOT a:IngestRun AND NOT b:IngestRun "
                                        "AND NOT r:COVERS RETURN type(r) AS type, count(*) AS n")
    assert read_rows(fixture_graph, "MATCH ()-[r:COVERS]->() RETURN count(r) > 0 AS kept") == [{"kept": True}]
    assert Counter(label for *_, label in exported.edges(data="label")) == {r["type"]: r["n"] for r in in_neo4j}
    # one SOURCED_FROM per fact and document: the indicator is stated by both documents
    assert Counter(label for *_, label in exported.edges(data="label"))["SOURCED_FROM"] == sum(FACTS.values()) + 1


def test_attributes_carry_names_values_units_years_and_provenance(exported):
    figure = exported.nodes["Observation:test-sz-2022-core-va"]
    assert figure["labels"] == "Observation" and figure["key"] == "test-sz-2022-core-va"
    assert (figure["value"], figure["unit"], figure["year"], figure["period"]) == (9100.0, "亿元", 2022, "2022")
    assert figure["name_zh"] == "深圳市 数字经济核心产业增加值 2022"
    assert (json.loads(figure["documents"]), json.loads(figure["locators"])) == ([DOC_B], ["¶3"])
    indicator = exported.nodes["Indicator:test-core-va"]
    assert (json.loads(indicator["documents"]), json.loads(indicator["locators"])) == ([DOC_A, DOC_B], ["¶1", "¶3"])
    policy = exported.nodes["Policy:test-gz-plan"]
    assert (policy["name_zh"], policy["title_zh"], policy["name_en"]) == (
        "贵州省云计算测试规划", "贵州省云计算测试规划", "Guizhou cloud-computing plan (test)")
    assert policy["issued"] == "2019" and policy["label"] == "贵州省云计算测试规划"
    document = exported.nodes[f"SourceDocument:{DOC_A}"]
    assert document["published"] == "2022-03-01" and document["title_zh"] == "数字经济地方政策汇编(分析测试甲)"
    beijing = exported.nodes["Region:110000"]
    assert (beijing["name_zh"], beijing["name_en"], json.loads(beijing["short"])) == ("北京市", "Beijing", ["北京", "京"])
    target = exported.nodes["Target:test-zj-2025-5g"]
    assert (target["value"], target["unit"], target["deadline"], target["comparator"]) == (200000.0, "个", 2025, "≥")
    source = exported.get_edge_data("Observation:test-sz-2022-core-va", f"SourceDocument:{DOC_B}")["SOURCED_FROM"]
    assert (source["label"], source["locator"], source["extracted"]) == ("SOURCED_FROM", "¶3", False)
    # and what this document states, field by field (the node shows the latest-published statement)
    assert (source["value"], source["unit"], source["year"]) == (figure["value"], figure["unit"], figure["year"])
    link = exported.get_edge_data("Policy:test-bj-plan", "Theme:data-factor")
    assert link == {"ADDRESSES": {"label": "ADDRESSES", "sources": json.dumps([DOC_A])}}
    for _, data in exported.nodes(data=True):  # nothing GraphML or GEXF cannot hold
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())


def _edges(g: nx.MultiDiGraph, drop: tuple[str, ...] = ()) -> list[tuple]:
    return sorted((u, v, json.dumps({k: x for k, x in d.items() if k not in drop}, sort_keys=True, ensure_ascii=False))
                  for u, v, d in g.edges(data=True))


def test_graphml_round_trip(exported, tmp_path):
    path = write(exported, "graphml", tmp_path / "g.graphml")[0]
    back = nx.read_graphml(path, force_multigraph=True)
    assert dict(back.nodes(data=True)) == dict(exported.nodes(data=True))
    assert sorted(back.edges(keys=True)) == sorted(exported.edges(keys=True))
    assert _edges(back) == _edges(exported)
    assert "数字经济核心产业增加值" in path.read_text(encoding="utf-8")  # Chinese as written, not escaped


def test_gexf_round_trip(exported, tmp_path):
    path = write(exported, "gexf", tmp_path / "g.gexf")[0]
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == exported.number_of_nodes()
    assert back.number_of_edges() == exported.number_of_edges()
    for node, data in exported.nodes(data=True):
        read = dict(back.nodes[node])
        read["key"] = read.pop("networkx_key")  # networkx's GEXF writer renames a node attribute 'key'
        assert read == data, node
    assert _edges(nx.MultiDiGraph(back), drop=("id",)) == _edges(exported)


def test_node_link_json_round_trip(exported, tmp_path):
    path = write(exported, "json", tmp_path / "g.json")[0]
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(exported.nodes(data=True))
    assert sorted(back.edges(keys=True)) == sorted(exported.edges(keys=True))
    assert _edges(back) == _edges(exported)
    assert back.graph["source"] == "policykg"


def test_csv_round_trip_with_pandas(exported, tmp_path):
    nodes_path, edges_path = write(exported, "csv", tmp_path / "csv")
    nodes = pd.read_csv(nodes_path, dtype=str, keep_default_na=False).set_index("id")
    edges = pd.read_csv(edges_path, dtype=str, keep_default_na=False)
    assert len(nodes) == exported.number_of_nodes() and len(edges) == exported.number_of_edges()
    assert list(nodes.columns[:5]) == ["labels", "key", "label", "name_zh", "name_en"]
    for node, data in exported.nodes(data=True):
        assert {k: nodes.at[node, k] for k in data} == {k: str(v) for k, v in data.items()}, node
    assert Counter(zip(edges["source"], edges["target"], edges["label"])) == Counter(
        (u, v, d["label"]) for u, v, d in exported.edges(data=True))
    typed = pd.read_csv(nodes_path).set_index("id")  # pandas' own types: numbers come back as numbers
    assert typed.at["Observation:test-sz-2022-core-va", "value"] == 9100.0
    assert typed.at["Region:440300", "name_zh"] == "深圳市"


def test_region_neighbourhood(fixture_graph):  # noqa: F811
    g = to_networkx(fixture_graph, region="深圳", depth=1)
    assert sorted(g.nodes) == [
        "Observation:test-sz-2022-core-va", "Policy:test-sz-plan", "Project:test-sz-ai-lab",
        "Region:440000", "Region:440300", "Region:Z-SZPDZ",  # the province it lies in, the zone within it
        f"SourceDocument:{DOC_A}", f"SourceDocument:{DOC_B}",  # both documents name Shenzhen
    ]
    assert sorted((u, v, k) for u, v, k in g.edges(keys=True)) == sorted([
        ("Region:440300", "Region:440000", "PART_OF"), ("Region:Z-SZPDZ", "Region:440300", "PART_OF"),
        ("Policy:test-sz-plan", "Region:440300", "APPLIES_TO"), ("Policy:test-sz-plan", f"SourceDocument:{DOC_B}", "SOURCED_FROM"),
        ("Project:test-sz-ai-lab", "Region:440300", "LOCATED_IN"), ("Project:test-sz-ai-lab", f"SourceDocument:{DOC_A}", "SOURCED_FROM"),
        ("Observation:test-sz-2022-core-va", "Region:440300", "OBSERVED_IN"),
        ("Observation:test-sz-2022-core-va", f"SourceDocument:{DOC_B}", "SOURCED_FROM"),
        (f"SourceDocument:{DOC_A}", "Region:440300", "MENTIONS"), (f"SourceDocument:{DOC_B}", "Region:440300", "MENTIONS"),
    ])


def test_theme_neighbourhood_and_depth_zero(fixture_graph):  # noqa: F811
    g = to_networkx(fixture_graph, theme="数字政府", depth=1)
    assert sorted(g.edges(keys=True)) == [("Policy:test-sh-plan", "Theme:digital-government", "ADDRESSES"),
                                          ("Theme:digital-government", "Theme:digital-governance", "BROADER")]
    assert g.number_of_nodes() == 3
    alone = to_networkx(fixture_graph, region=["Beijing", "上海"], depth=0)
    assert sorted(alone.nodes) == ["Region:110000", "Region:310000"] and alone.number_of_edges() == 0


def test_a_document_is_included_but_not_walked_through(fixture_graph):  # noqa: F811
    g = to_networkx(fixture_graph, region="JP", depth=2)
    # Japan → its measure and document A (depth 1) → the measure's theme (depth 2); not every fact of document A
    assert sorted(g.nodes) == ["Measure:test-jp-data-rules", "Region:JP", f"SourceDocument:{DOC_A}",
                               "Theme:cross-border-data-flows"]


def test_subgraph_of_a_canned_query(fixture_graph):  # noqa: F811
    g = query_subgraph(fixture_graph, "regions-targeting-theme", {"theme": "数据要素"})
    facts = ["Measure:test-bj-data-exchange", "Measure:test-sh-data-exchange", "Policy:test-bj-plan",
             "Policy:test-gz-2023-plan", "Policy:test-gz-plan", "Policy:test-sh-plan"]
    assert sorted(g.nodes) == sorted(facts + ["Region:110000", "Region:310000", "Region:520000",
                                              f"SourceDocument:{DOC_A}", f"SourceDocument:{DOC_B}", "Theme:data-factor"])
    kinds = Counter(k for *_, k in g.edges(keys=True))
    # each fact: its region, its document, the theme; two policies include a measure; A names 3 regions, B one of them
    assert kinds == {"APPLIES_TO": 6, "SOURCED_FROM": 6, "ADDRESSES": 6, "INCLUDES": 2, "MENTIONS": 4}
    assert answer_keys([{"a": "x", "b": ["y", "x"], "c": 3, "d": {"e": "z"}}]) == ["x", "y", "z"]
    # one hop more: the policies' other themes and targets, the regions' figures and country; not the
    # facts about other regions that only share a document with the answer
    wider = query_subgraph(fixture_graph, "regions-targeting-theme", {"theme": "数据要素"}, depth=1)
    assert {"Theme:artificial-intelligence", "Target:test-bj-2025-core-va", "Region:CN",
            "Observation:test-bj-2021-core-va"} <= set(wider.nodes)
    assert not {"Project:test-sz-ai-lab", "Policy:test-zj-plan", "Measure:test-us-data-rules"} & set(wider.nodes)


def test_unknown_region_and_bad_depth_are_refused(fixture_graph):  # noqa: F811
    with pytest.raises(UnknownName, match="unknown region 'Atlantis'"):
        to_networkx(fixture_graph, region="Atlantis")
    with pytest.raises(ExportError, match="^depth must be 0 or more"):
        to_networkx(fixture_graph, region="北京", depth=-1)


def test_a_region_the_graph_lacks_is_named(fixture_graph):  # noqa: F811
    write_tx(fixture_graph, lambda tx: tx.run("MATCH (r:Region {code: '370000'}) DETACH DELETE r").consume())
    try:
        with pytest.raises(UnknownName, match=r"^region '山东' \(370000\) is not in the graph; run `policykg ingest` first$"):
            to_networkx(fixture_graph, region="山东")
    finally:
        ingest_paths(fixture_graph, [FIXTURE_DOCUMENTS])  # every ingest writes the reference regions again


def test_cli_writes_the_files_and_says_how_much(fixture_graph, neo4j_under_test, tmp_path):  # noqa: F811
    out = tmp_path / "shenzhen"
    result = run_cli("export", "--format", "csv", "--out", str(out), "--region", "深圳市", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert "8 nodes, 10 edges" in result.output
    assert len(pd.read_csv(out / "nodes.csv")) == 8 and len(pd.read_csv(out / "edges.csv")) == 10
    result = run_cli("export", "-f", "graphml", "-o", str(tmp_path / "q.graphml"), "--query", "regions-targeting-theme",
                     "-p", "theme=数据要素", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "q.graphml", force_multigraph=True).number_of_nodes() == 12


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml"], "Error: unknown export format 'xml'; expected one of graphml, gexf, json, csv"),
    (["--region", "Atlantis"], "Error: unknown region 'Atlantis'"),
    (["--theme", "no-such-theme"], "Error: unknown theme 'no-such-theme'"),
    (["--depth", "-1"], "Error: --depth must be 0 or more, got -1"),
    (["--query", "no-such-query"], "Error: unknown query 'no-such-query'"),
    (["-p", "theme=x"], "Error: --param needs --query NAME"),
])
def test_bad_input_is_one_error_line_before_connecting(args, message, tmp_path):
    result = run_cli("export", "--out", str(tmp_path / "g.graphml"), *args)  # no server is named: nothing connects
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1, result.output


def test_unwritable_destination_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run_cli("export", "--out", str(blocker / "g.graphml"))
    assert result.exit_code == 1
    assert result.output == f"Error: cannot write {blocker / 'g.graphml'}: {blocker} is not a directory\n"
    result = run_cli("export", "--format", "csv", "--out", str(blocker))
    assert result.output == f"Error: cannot write {blocker}: CSV export needs a directory (nodes.csv, edges.csv)\n"
