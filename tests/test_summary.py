"""The region × theme summary (COVERS) that ingest keeps: counts, rollup, upkeep, rebuild."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from policykg.graph.connection import read_rows, write
from policykg.ingest import pipeline, shared_facts, summary
from policykg.ingest.pipeline import ingest_paths
from policykg.queries.loader import get
from policykg.queries.runner import run_query
from tests.cli import run_cli
from tests.conftest import DEMO_DOCUMENTS

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"
PLAN = "test-sz-support-plan"


def cells(graph) -> dict[tuple[str, str], dict[str, int]]:
    return {(r["region"], r["theme"]): r["counts"] for r in summary.rows_of(graph)}


#: The summary's definition in one Cypher aggregation, independent of summary.py's Python: fine for
#: a test graph (at a million nodes it outgrows the server's transaction memory, hence the module's way).
EXPECTED = """
MATCH (f)-[:APPLIES_TO|LOCATED_IN]->(:Region)-[:PART_OF*0..]->(region:Region)
WHERE f:Policy OR f:Measure OR f:Target OR f:Project
WITH DISTINCT f, region
WITH f, region, EXISTS { (f)-[:APPLIES_TO|LOCATED_IN]->(region) } AS own
MATCH (f)-[:ADDRESSES]->(theme:Theme)
WITH DISTINCT region, theme, f, own
RETURN region.code AS region, theme.id AS theme,
       {policies: count(CASE WHEN f:Policy THEN 1 END), measures: count(CASE WHEN f:Measure THEN 1 END),
        targets: count(CASE WHEN f:Target THEN 1 END), projects: count(CASE WHEN f:Project THEN 1 END),
        facts: count(DISTINCT f), own: count(CASE WHEN own THEN 1 END)} AS counts
"""


def assert_equals_rebuild(graph) -> dict[tuple[str, str], dict[str, int]]:
    """The summary ingest kept is the one the definition gives, and the one a rebuild writes."""
    kept = cells(graph)
    assert kept == {(r["region"], r["theme"]): r["counts"] for r in read_rows(graph, EXPECTED)}
    summary.rebuild(graph)
    assert cells(graph) == kept
    return kept


def counts(policies=0, measures=0, targets=0, projects=0, own=0) -> dict[str, int]:
    return {"policies": policies, "measures": measures, "targets": targets, "projects": projects,
            "facts": policies + measures + targets + projects, "own": own}


def guangzhou_record(folder: Path) -> Path:
    """A second document that states the Shenzhen plan again, for Guangzhou: the plan then applies to both."""
    record = yaml.safe_load(TEST_DOC.read_text(encoding="utf-8"))
    plan = next(p for p in record["policies"] if p["key"] == PLAN)
    plan = {k: v for k, v in plan.items() if k != "issued_by"} | {"region": "广州市", "locator": "¶9"}
    record = {"document": record["document"] | {"id": "test-guangzhou-brief", "published": dt.date(2022, 1, 5)},
              "regions": ["广州"], "policies": [plan]}
    path = folder / "guangzhou.yaml"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_fact_of_two_regions_counts_once_for_the_province_and_retraction_takes_it_back(graph, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "shenzhen.yaml").write_bytes(TEST_DOC.read_bytes())
    ingest_paths(graph, [folder])
    first = assert_equals_rebuild(graph)
    # the plan, its target (the plan's region) and the measure, in Shenzhen; rolled up to Guangdong and China
    assert first[("440300", "digital-industries")] == counts(policies=1, own=1)
    assert first[("440300", "digital-economy")] == counts(targets=1, own=1)
    assert first[("440000", "cross-border-data-flows")] == counts(measures=1)
    assert first[("CN", "digital-industries")] == counts(policies=1)
    assert not any(region == "440100" for region, _ in first)  # the project addresses no theme

    second = guangzhou_record(folder)
    ingest_paths(graph, [folder])
    both = assert_equals_rebuild(graph)
    assert read_rows(graph, "MATCH (:Policy {key: $k})-[:APPLIES_TO]->(r:Region) RETURN r.code AS code ORDER BY code",
                     {"k": PLAN}) == [{"code": "440100"}, {"code": "440300"}]
    assert both[("440100", "digital-industries")] == counts(policies=1, own=1)
    assert both[("440300", "digital-industries")] == counts(policies=1, own=1)
    assert both[("440000", "digital-industries")] == counts(policies=1)  # one plan, not two
    matrix = run_query(graph, "region-theme-matrix", {"level": "province"})
    assert [(r["region"], r["theme"], r["policies"], r["facts"]) for r in matrix] == [
        ("440000", "cross-border-data-flows", 0, 1), ("440000", "digital-economy", 0, 1),
        ("440000", "digital-industries", 1, 1)]

    second.unlink()
    ingest_paths(graph, [folder], prune=True)
    assert assert_equals_rebuild(graph) == first


def test_a_crash_mid_run_leaves_the_summary_of_the_documents_written(graph, tmp_path, monkeypatch):
    """Upkeep is part of each document's transaction: a crash loses both or neither."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "shenzhen.yaml").write_bytes(TEST_DOC.read_bytes())
    ingest_paths(graph, [folder])  # the summary exists from here on: later runs keep it by difference
    guangzhou_record(folder)
    demo = sorted(DEMO_DOCUMENTS.glob("*.yaml"))[0]
    (folder / "zz-demo.yaml").write_bytes(demo.read_bytes())  # written after guangzhou.yaml (file-name order)
    monkeypatch.setattr(pipeline, "GROUP_ROWS", 1)
    calls: list[int] = []
    real = shared_facts.write_documents

    def crash_on_second(tx, items, also=None):
        calls.append(len(items))
        if len(calls) == 2:
            raise RuntimeError("simulated crash while writing the second group")
        return real(tx, items, also)

    monkeypatch.setattr(shared_facts, "write_documents", crash_on_second)
    with pytest.raises(RuntimeError):
        ingest_paths(graph, [folder])
    kept = assert_equals_rebuild(graph)
    assert kept[("440000", "digital-industries")] == counts(policies=1)  # Guangzhou's statement is in
    monkeypatch.undo()
    ingest_paths(graph, [folder])
    assert_equals_rebuild(graph)


def test_the_demo_corpus_summary_equals_a_rebuild_and_a_missing_one_is_rebuilt(graph):
    ingest_paths(graph, [DEMO_DOCUMENTS])
    kept = assert_equals_rebuild(graph)
    # Shenzhen's pilot-zone opinion and target and Guangzhou's blockchain demonstration zone measure rolled up;
    # Guangdong's own 2025-2027 plan and the pilot zone
    assert kept[("440000", "pilot-zones")] == {"policies": 2, "measures": 1, "targets": 1, "projects": 1, "facts": 5,
                                               "own": 2}
    # a graph written by a version without the summary: the next ingest, even an unchanged one, builds it
    write(graph, lambda tx: tx.run(summary.CLEAR).consume())
    report = ingest_paths(graph, [DEMO_DOCUMENTS])
    assert len(report.unchanged) == len(list(DEMO_DOCUMENTS.glob("*.yaml")))
    assert cells(graph) == kept


def test_a_first_ingest_adds_the_summary_up_from_its_own_rows(graph, monkeypatch):
    """Into a graph without documents the run knows every counted link: nothing is read back, the cells agree."""
    def refuse(*args, **kwargs):
        raise AssertionError("a first ingest read its facts back to build the summary")

    monkeypatch.setattr(pipeline.summary, "rebuild", refuse)
    monkeypatch.setattr(pipeline.summary, "ensure", refuse)
    ingest_paths(graph, [DEMO_DOCUMENTS])
    monkeypatch.undo()
    kept = assert_equals_rebuild(graph)
    assert kept[("440000", "pilot-zones")]["facts"] == 5


def test_an_unchanged_reingest_does_no_summary_work(graph, monkeypatch):
    ingest_paths(graph, [DEMO_DOCUMENTS])

    def refuse(*args, **kwargs):
        raise AssertionError("summary work on an unchanged run")

    monkeypatch.setattr(pipeline.summary, "maintained", refuse)
    monkeypatch.setattr(pipeline.summary, "rebuild", refuse)
    report = ingest_paths(graph, [DEMO_DOCUMENTS])
    assert report.new == [] and report.changed == []


def test_schema_summary_rebuilds_it_from_the_cli(graph, neo4j_under_test):
    ingest_paths(graph, [DEMO_DOCUMENTS])
    kept = cells(graph)
    write(graph, lambda tx: tx.run(summary.CLEAR).consume())
    result = run_cli("schema", "summary", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert f"Rebuilt the region × theme summary: {len(kept)} region-theme cells." in result.output
    assert cells(graph) == kept


def _operators(plan) -> list[tuple[str, int]]:
    """Each operator of a plan as (details, rows); rows are 0 in an EXPLAIN plan."""
    found = [(plan["args"].get("Details", ""), plan.get("rows", 0))]
    for child in plan.get("children", []):
        found += _operators(child)
    return found


def test_the_whole_graph_questions_read_the_summary(demo_graph):
    """similar-regions starts from COVERS, not from the facts (no ADDRESSES walked)."""
    query = get("similar-regions")
    with demo_graph.session() as session:
        plan = session.run("EXPLAIN " + query.cypher, query.example_cypher_params()).consume().plan
    text = " ".join(details for details, _ in _operators(plan))
    assert "COVERS" in text and "ADDRESSES" not in text


#: The (fact, province, theme) cells of the facts whose policies are all superseded: what the matrix's default
#: (current) takes off COVERS.
LEFT_OUT_CELLS = """
MATCH (p:Policy) WHERE EXISTS { (p)<-[:SUPERSEDES]-(:Policy) }
MATCH (p)-[:SETS|INCLUDES*0..1]->(fact)
WHERE NOT EXISTS { (other:Policy)-[:SETS|INCLUDES]->(fact) WHERE NOT EXISTS { (other)<-[:SUPERSEDES]-(:Policy) } }
MATCH (fact)-[:APPLIES_TO|LOCATED_IN]->(:Region)-[:PART_OF*0..]->(region:Region {level: 'province'})
WITH DISTINCT fact, region
MATCH (fact)-[:ADDRESSES]->(:Theme)
RETURN count(*) AS n
"""


@pytest.mark.parametrize("status", ["any", "current"])
def test_the_region_theme_matrix_reads_the_summary_and_only_the_facts_it_leaves_out(demo_graph, status):
    """The cells come from COVERS; ADDRESSES is read only from the facts the status leaves out (none for any)."""
    query = get("region-theme-matrix")
    with demo_graph.session() as session:
        plan = session.run("PROFILE " + query.cypher, query.bind({"status": status})).consume().profile
    operators = _operators(plan)
    assert any("COVERS" in details and rows > 0 for details, rows in operators)
    walked = sum(rows for details, rows in operators if "ADDRESSES" in details and details.startswith("(fact)"))
    (bound,) = read_rows(demo_graph, LEFT_OUT_CELLS)
    assert walked == (0 if status == "any" else bound["n"])
