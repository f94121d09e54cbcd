"""--prune retracts only documents whose files are gone, whatever the working directory."""

from __future__ import annotations

import shutil
from pathlib import Path

from policykg.graph.connection import read_rows
from tests.cli import run_cli

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"


def test_prune_from_another_directory_keeps_documents_whose_files_exist(graph, neo4j_under_test, tmp_path,
                                                                          monkeypatch):
    one, two = tmp_path / "one" / "docs", tmp_path / "two" / "docs"
    one.mkdir(parents=True)
    two.mkdir(parents=True)
    shutil.copy(TEST_DOC, one / "a.yaml")
    (two / "b.yaml").write_text(TEST_DOC.read_text(encoding="utf-8").replace(
        "id: test-shenzhen-brief", "id: test-shenzhen-other"), encoding="utf-8")

    monkeypatch.chdir(tmp_path / "one")
    assert run_cli("ingest", "docs", env=neo4j_under_test.env).exit_code == 0
    assert read_rows(graph, "MATCH (d:SourceDocument) RETURN d.path AS path") == [
        {"path": (one / "a.yaml").resolve().as_posix()}]

    # another folder that is also called docs: its prune must not touch one/docs/a.yaml
    monkeypatch.chdir(tmp_path / "two")
    result = run_cli("ingest", "--prune", "docs", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    assert "1 new, 0 changed, 0 unchanged, 0 removed" in result.output
    assert read_rows(graph, "MATCH (d:SourceDocument) RETURN d.id AS id ORDER BY id") == [
        {"id": "test-shenzhen-brief"}, {"id": "test-shenzhen-other"}]

    # and a file that is really gone is pruned from anywhere
    (one / "a.yaml").unlink()
    monkeypatch.chdir(tmp_path)
    result = run_cli("ingest", "--prune", str(one), env=neo4j_under_test.env)
    assert "1 removed" in result.output, result.output
    assert read_rows(graph, "MATCH (d:SourceDocument) RETURN d.id AS id") == [{"id": "test-shenzhen-other"}]
