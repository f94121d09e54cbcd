"""Fast ingest keeps its guarantees: hash-skip, grouped transactions, capped run log."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from policykg.errors import ValidationFailed
from policykg.graph.connection import read_rows
from policykg.ingest import pipeline, runlog, shared_facts, validate, writer
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.runlog import last_run
from policykg.queries.runner import run_query
from tests.conftest import DEMO_DOCUMENTS, node_count, rel_count, wipe
from tests.test_reingest import snapshot

SHENZHEN = (Path(__file__).parent / "data" / "shenzhen.yaml").read_text(encoding="utf-8")


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The demo record, the Shenzhen brief, and a second brief stating the same policy and measure."""
    folder = tmp_path / "documents"
    shutil.copytree(DEMO_DOCUMENTS, folder)
    (folder / "a.yaml").write_text(SHENZHEN, encoding="utf-8")
    second = SHENZHEN.replace("id: test-shenzhen-brief", "id: test-shenzhen-second")
    (folder / "b.yaml").write_text(second[: second.index("targets:")] + second[second.index("measures:"):],
                                   encoding="utf-8")
    return folder


def test_unchanged_files_are_not_parsed(graph, corpus, monkeypatch):
    ingest_paths(graph, [corpus])
    read: list[str] = []
    original = validate.read_record
    monkeypatch.setattr(validate, "read_record", lambda path: read.append(path.name) or original(path))
    (corpus / "b.yaml").write_text((corpus / "b.yaml").read_text(encoding="utf-8").replace(
        "locator:", "locator: ", 1), encoding="utf-8")  # new bytes, same record
    report = ingest_paths(graph, [corpus])
    assert read == ["b.yaml"]
    demo = [d.id for d in validate.validate_paths([DEMO_DOCUMENTS])]
    assert len(demo) == 65
    assert (sorted(report.unchanged), report.changed, report.new) == (
        sorted(demo + ["test-shenzhen-brief"]), ["test-shenzhen-second"], [])


def test_a_bad_new_file_is_refused_with_nothing_written(graph, corpus):
    ingest_paths(graph, [corpus])
    before, counts = snapshot(graph), (node_count(graph), rel_count(graph))
    (corpus / "c.yaml").write_text(SHENZHEN.replace("id: test-shenzhen-brief", "id: test-shenzhen-third")
                                   .replace("    value: 8446.6", '    value: "八千亿"'), encoding="utf-8")
    good = SHENZHEN.replace("id: test-shenzhen-brief", "id: test-shenzhen-fourth")
    (corpus / "d.yaml").write_text(good.replace("test-sz-", "test-sz4-"), encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        ingest_paths(graph, [corpus])
    assert [(Path(p.file).name, p.field) for p in refused.value.problems] == [("c.yaml", "observations[0].value")]
    assert (node_count(graph), rel_count(graph)) == counts
    assert snapshot(graph) == before


def test_a_new_file_reusing_an_unchanged_documents_id_is_refused(graph, corpus):
    ingest_paths(graph, [corpus])
    counts = node_count(graph), rel_count(graph)
    (corpus / "copy.yaml").write_text(SHENZHEN.replace("test-sz-", "test-szc-"), encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        ingest_paths(graph, [corpus])
    assert [p.message for p in refused.value.problems] == [
        f"document id 'test-shenzhen-brief' is also used by {corpus / 'a.yaml'}"]
    assert (node_count(graph), rel_count(graph)) == counts


def _clean_ingest(graph, paths) -> list[str]:
    wipe(graph)
    ingest_paths(graph, paths)
    return snapshot(graph)


def test_grouped_and_one_by_one_ingests_build_the_same_graph(graph, corpus, monkeypatch):
    grouped = ingest_paths(graph, [corpus])
    assert len(grouped.new) == 67  # the 65 demo records and the two briefs
    together = snapshot(graph)
    links = read_rows(graph, "MATCH (:Policy {key: 'test-sz-support-plan'})-[r:ISSUED_BY]->() RETURN r.sources AS s")
    assert links == [{"s": ["test-shenzhen-brief", "test-shenzhen-second"]}]
    monkeypatch.setattr(pipeline, "GROUP_ROWS", 1)  # one document per transaction
    assert _clean_ingest(graph, [corpus]) == together


def _without_summary(items: list[str]) -> list[str]:
    """A snapshot without its COVERS links (the summary ingest keeps, ingest/summary.py)."""
    out = []
    for item in items:
        label, props, links = json.loads(item)
        links = [link for link in links if json.loads(link)[0] != "COVERS"]
        out.append(json.dumps([label, props, links], ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_a_crash_between_groups_leaves_whole_documents_and_a_rerun_equals_a_clean_ingest(graph, corpus, monkeypatch):
    clean = _clean_ingest(graph, [corpus])
    first_alone = _clean_ingest(graph, sorted(corpus.glob("*.yaml"))[:1])  # documents go in file-name order
    wipe(graph)
    monkeypatch.setattr(pipeline, "GROUP_ROWS", 1)
    calls: list[int] = []

    def crash_on_second(tx, items, also=None):
        calls.append(len(items))
        if len(calls) == 2:
            raise RuntimeError("simulated crash while writing the second group")
        return writer.write_documents(tx, items, also)

    monkeypatch.setattr(shared_facts, "write_documents", crash_on_second)
    with pytest.raises(RuntimeError):
        ingest_paths(graph, [corpus])
    # the first document whole, nothing of the second; a first ingest builds the region × theme summary
    # after its writes, so a crash before that leaves none, and the rerun builds it
    assert snapshot(graph) == _without_summary(first_alone)
    monkeypatch.undo()
    rerun = ingest_paths(graph, [corpus])
    assert (len(rerun.unchanged), len(rerun.new)) == (1, 66)
    assert snapshot(graph) == clean


def test_the_run_log_keeps_the_first_changes_and_counts_all(graph, corpus, monkeypatch):
    monkeypatch.setattr(runlog, "MAX_LOGGED_CHANGES", 5)
    report = ingest_paths(graph, [corpus])
    # one change per fact of the graph: a fact two documents state is added once
    facts = read_rows(graph, "MATCH (f) WHERE (f)-[:SOURCED_FROM]->() RETURN count(f) AS n")[0]["n"]
    statements = read_rows(graph, "MATCH (f)-[:SOURCED_FROM]->() RETURN count(*) AS n")[0]["n"]
    assert report.changes_total == facts < statements
    run = last_run(graph)
    assert run is not None
    assert (len(run["changes"]), run["changes_total"]) == (5, facts)
    assert [r["change"] for r in run["changes"]] == ["added"] * 5
    rows = run_query(graph, "last-ingest-changes", {})
    assert [(r["change"], r["key"]) for r in rows] == [(c["change"], c["key"]) for c in run["changes"]]


def test_two_documents_that_share_a_fact_changed_together_equal_a_clean_ingest(graph, corpus):
    # both briefs state the policy and its ISSUED_BY link; both are retracted in one statement per step
    ingest_paths(graph, [corpus])
    for name in ("a.yaml", "b.yaml"):
        path = corpus / name
        path.write_text(path.read_text(encoding="utf-8").replace("test-sz-support-plan", "test-sz-renamed-plan"),
                        encoding="utf-8")
    report = ingest_paths(graph, [corpus])
    assert sorted(report.changed) == ["test-shenzhen-brief", "test-shenzhen-second"]
    assert read_rows(graph, "MATCH (p:Policy) WHERE p.key STARTS WITH 'test-sz-' RETURN p.key AS key") == [
        {"key": "test-sz-renamed-plan"}]
    links = read_rows(graph, "MATCH (:Policy {key: 'test-sz-renamed-plan'})-[r:ISSUED_BY]->() RETURN r.sources AS s")
    assert links == [{"s": ["test-shenzhen-brief", "test-shenzhen-second"]}]
    assert snapshot(graph) == _clean_ingest(graph, [corpus])
