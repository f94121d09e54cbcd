"""Re-ingest: unchanged documents skipped, a changed figure replaced and reported, --prune retracts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policykg.graph.connection import read_rows
from policykg.ingest.pipeline import ingest_paths
from tests.cli import run_cli
from tests.conftest import DEMO_DOCUMENTS, node_count, rel_count

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"

SNAPSHOT = """
MATCH (n) WHERE NOT n:IngestRun
OPTIONAL MATCH (n)-[r]->(m) WHERE NOT m:IngestRun
WITH n, collect([type(r), properties(r), coalesce(m.key, m.code, m.id)]) AS out
RETURN labels(n)[0] AS label, properties(n) AS props, out
"""


def snapshot(db) -> list[str]:
    """Every node with its properties and outgoing links, as sortable text (content hashes aside)."""
    rows = read_rows(db, SNAPSHOT)
    items = []
    for row in rows:
        props = {k: str(v) for k, v in row["props"].items() if k != "content_hash"}
        links = sorted(json.dumps([t, {k: str(v) for k, v in (p or {}).items()}, e], ensure_ascii=False, sort_keys=True)
                       for t, p, e in row["out"] if t)
        items.append(json.dumps([row["label"], props, links], ensure_ascii=False, sort_keys=True))
    return sorted(items)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "documents"
    shutil.copytree(DEMO_DOCUMENTS, folder)
    return folder


def test_ingesting_twice_changes_nothing(graph, neo4j_under_test, corpus):
    first = run_cli("ingest", str(corpus), env=neo4j_under_test.env)
    assert first.exit_code == 0, first.output
    documents = len(list(corpus.glob("*.yaml")))
    assert f"documents: {documents} new, 0 changed, 0 unchanged, 0 removed" in first.output
    counts = node_count(graph), rel_count(graph)
    before = snapshot(graph)

    second = run_cli("ingest", str(corpus), env=neo4j_under_test.env)
    assert second.exit_code == 0, second.output
    assert f"documents: 0 new, 0 changed, {documents} unchanged, 0 removed" in second.output
    # the second run adds only its own IngestRun node and its INGESTED links
    assert node_count(graph) == counts[0] + 1
    assert rel_count(graph) == counts[1] + documents
    assert snapshot(graph) == before
    changes = run_cli("changes", env=neo4j_under_test.env)
    assert f"0 new, 0 changed, {documents} unchanged, 0 removed" in changes.output
    assert changes.stderr.strip() == "No rows."


def _one_observation(corpus: Path) -> tuple[Path, str, str]:
    """A document and the text of one observation value in it."""
    for path in sorted(corpus.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "    value: 8446.6\n" in text:
            return path, text, "8446.6"
    raise AssertionError("the demo corpus should state Shenzhen's 8446.6 亿元")


def test_editing_one_figure_changes_exactly_that_figure(graph, neo4j_under_test, corpus):
    ingest_paths(graph, [corpus])
    before = snapshot(graph)
    path, text, value = _one_observation(corpus)
    path.write_text(text.replace(f"    value: {value}\n", "    value: 8500.5\n"), encoding="utf-8")

    result = run_cli("ingest", str(corpus), env=neo4j_under_test.env)
    # what changed, not the statements rewritten to change it
    assert result.stdout.splitlines()[-1].endswith(
        " removed; facts: 0 added, 0 removed; values: 1 changed"), result.output
    assert "0 new, 1 changed" in result.output and "relationships" not in result.output
    after = snapshot(graph)
    gone, came = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    assert len(gone) == len(came) == 1
    old, new = json.loads(gone[0]), json.loads(came[0])
    assert old[0] == new[0] == "Observation"
    assert {k for k in old[1] if old[1][k] != new[1].get(k)} == {"value"}
    assert (old[1]["value"], new[1]["value"]) == ("8446.6", "8500.5")

    report = run_cli("changes", "--format", "json", env=neo4j_under_test.env)
    rows = json.loads(report.output)
    assert [(r["change"], r["label"], r["field"], r["old"], r["new"]) for r in rows] == [
        ("changed", "Observation", "value", 8446.6, 8500.5)]
    table = run_cli("changes", env=neo4j_under_test.env).output
    assert "8446.6" in table and "8500.5" in table


def test_prune_removes_the_deleted_documents_facts_and_only_those(graph, neo4j_under_test, corpus):
    ingest_paths(graph, [corpus])
    alone = snapshot(graph)
    extra = corpus / "shenzhen-brief.yaml"
    shutil.copy(TEST_DOC, extra)
    report = ingest_paths(graph, [corpus])
    assert report.new == ["test-shenzhen-brief"]
    assert snapshot(graph) != alone

    extra.unlink()
    kept = run_cli("ingest", str(corpus), env=neo4j_under_test.env)
    assert "0 removed" in kept.output  # without --prune nothing is retracted
    pruned = run_cli("ingest", "--prune", str(corpus), env=neo4j_under_test.env)
    assert pruned.exit_code == 0, pruned.output
    assert "1 removed" in pruned.output
    assert snapshot(graph) == alone
    changes = json.loads(run_cli("changes", "--format", "json", env=neo4j_under_test.env).output)
    assert {(c["change"], c["key"]) for c in changes} == {
        ("removed", key) for key in ("test-sz-gov", "test-core-digital-va", "test-sz-support-plan",
                                     "test-sz-pilot-zone-goal", "test-sz-projects",
                                     "test-sz-core-digital-va-2020", "test-sz-data-monitoring")}


def test_a_fact_another_document_states_stays(graph, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = TEST_DOC.read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    # b states the same policy and measure (same keys), nothing else
    b = text.replace("id: test-shenzhen-brief", "id: test-shenzhen-second")
    b = b[: b.index("targets:")] + b[b.index("measures:"):]
    (folder / "b.yaml").write_text(b, encoding="utf-8")
    ingest_paths(graph, [folder])
    (folder / "a.yaml").unlink()
    report = ingest_paths(graph, [folder], prune=True)
    assert report.removed == ["test-shenzhen-brief"]
    rows = read_rows(graph, "MATCH (f)-[:SOURCED_FROM]->(d:SourceDocument) "
                     "RETURN labels(f)[0] AS label, f.key AS key, d.id AS doc ORDER BY label, key")
    assert rows == [
        {"label": "Indicator", "key": "test-core-digital-va", "doc": "test-shenzhen-second"},
        {"label": "Measure", "key": "test-sz-data-monitoring", "doc": "test-shenzhen-second"},
        {"label": "Organization", "key": "test-sz-gov", "doc": "test-shenzhen-second"},
        {"label": "Policy", "key": "test-sz-support-plan", "doc": "test-shenzhen-second"},
    ]
    assert read_rows(graph, "MATCH (:Target) RETURN count(*) AS n") == [{"n": 0}]
    links = read_rows(graph, "MATCH (:Policy {key: 'test-sz-support-plan'})-[r]->(x) "
                      "WHERE NOT r:SOURCED_FROM "
                      "RETURN type(r) AS type, r.sources AS sources, coalesce(x.key, x.code, x.id) AS to ORDER BY type")
    assert links == [
        {"type": "ADDRESSES", "sources": ["test-shenzhen-second"], "to": "digital-industries"},
        {"type": "APPLIES_TO", "sources": ["test-shenzhen-second"], "to": "440300"},
        {"type": "INCLUDES", "sources": ["test-shenzhen-second"], "to": "test-sz-data-monitoring"},
        {"type": "ISSUED_BY", "sources": ["test-shenzhen-second"], "to": "test-sz-gov"},
    ]


def test_prune_retracts_a_document_whose_file_now_has_another_id(graph, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text(TEST_DOC.read_text(encoding="utf-8"), encoding="utf-8")
    ingest_paths(graph, [folder])
    path.write_text(path.read_text(encoding="utf-8").replace("id: test-shenzhen-brief", "id: test-shenzhen-renamed"),
                    encoding="utf-8")
    report = ingest_paths(graph, [folder], prune=True)
    assert (report.new, report.removed) == (["test-shenzhen-renamed"], ["test-shenzhen-brief"])
    docs = read_rows(graph, "MATCH (d:SourceDocument) RETURN d.id AS id")
    assert docs == [{"id": "test-shenzhen-renamed"}]
    sources = read_rows(graph, "MATCH (f)-[:SOURCED_FROM]->(d) RETURN DISTINCT d.id AS id")
    assert sources == [{"id": "test-shenzhen-renamed"}]


def test_prune_leaves_documents_from_other_folders_alone(graph, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    shutil.copy(TEST_DOC, one / "a.yaml")
    ingest_paths(graph, [one])
    report = ingest_paths(graph, [two], prune=True)
    assert report.removed == []
    assert read_rows(graph, "MATCH (d:SourceDocument) RETURN d.id AS id") == [{"id": "test-shenzhen-brief"}]
