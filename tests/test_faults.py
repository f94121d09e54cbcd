"""Faults mid-ingest: kill -9 of the server or of the client, and Ctrl-C, never leave half a document.

Each fault hits a real ingest of 41 documents on an instance of our own (the
session's test server is not touched). After the fault, every document in
the graph is whole, no key is duplicated, and a rerun gives exactly the
graph of a clean ingest.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from policykg.graph.connection import Graph, connect, read_rows
from policykg.graph.server import LocalServer
from policykg.graph.settings import resolve_settings
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.validate import validate_paths
from policykg.ingest.writer import batch_keys, build_batch
from tests.conftest import DEMO_DOCUMENTS, wipe
from tests.test_reingest import snapshot

TEST_DOC = Path(__file__).parent / "data" / "shenzhen.yaml"
COPIES = 120  # small documents written one per transaction: a window of several seconds for the fault


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    server = LocalServer(home=tmp_path_factory.mktemp("faults") / "instance", bolt_port=17730, http_port=17731)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The demo corpus and COPIES small documents with keys of their own."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in DEMO_DOCUMENTS.glob("*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    text = TEST_DOC.read_text(encoding="utf-8")
    for i in range(COPIES):
        (folder / f"copy-{i:02d}.yaml").write_text(text.replace("test-", f"f{i:02d}-"), encoding="utf-8")
    return folder


def _settings(server: LocalServer):
    return resolve_settings(uri=server.uri, username="neo4j", password=server.password())


@pytest.fixture(scope="module")
def clean(instance, corpus) -> list[str]:
    """The graph a clean ingest of the corpus gives."""
    with connect(_settings(instance)) as graph:
        ingest_paths(graph, [corpus])
        expected = snapshot(graph)
        wipe(graph)
    return expected


def _documents(graph: Graph) -> int:
    return read_rows(graph, "MATCH (d:SourceDocument) RETURN count(d) AS n")[0]["n"]


def _assert_whole(graph: Graph, corpus: Path) -> int:
    """Every document in the graph has all its facts; no key twice. Returns the number of documents."""
    expected = {d.id: {(label.value, key) for label, keys in batch_keys(build_batch(d)).items() for key in keys}
                for d in validate_paths([corpus])}
    rows = read_rows(graph, "MATCH (d:SourceDocument) OPTIONAL MATCH (f)-[:SOURCED_FROM]->(d) "
                     "RETURN d.id AS id, d.content_hash IS NOT NULL AS hashed, "
                     "collect([labels(f)[0], f.key]) AS facts")
    for row in rows:
        assert row["hashed"], row["id"]
        assert {tuple(f) for f in row["facts"] if f[1] is not None} == expected[row["id"]], row["id"]
    duplicates = read_rows(graph, "MATCH (n) WHERE n.key IS NOT NULL OR n:SourceDocument "
                           "WITH labels(n)[0] AS label, coalesce(n.key, n.id) AS key, count(*) AS n "
                           "WHERE n > 1 RETURN label, key, n")
    assert duplicates == []
    return len(rows)


def _ingest_in_background(server: LocalServer, corpus: Path) -> subprocess.Popen:
    env = {**os.environ, "NEO4J_URI": server.uri, "NEO4J_USERNAME": "neo4j", "NEO4J_PASSWORD": server.password() or "",
           "POLICYKG_GROUP_ROWS": "1"}  # one document per transaction, so that the fault lands between documents
    # SIGINT back to its default in the child: a test run started in the background by a non-interactive
    # shell inherits it ignored, and Python then never turns Ctrl-C into KeyboardInterrupt
    return subprocess.Popen([sys.executable, "-m", "policykg", "ingest", str(corpus)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _when_some_are_written(graph: Graph, process: subprocess.Popen, at_least: int = 4) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        written = _documents(graph)
        if written >= at_least:
            return written
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        time.sleep(0.01)
    raise AssertionError("the ingest wrote nothing within 120 s")


@pytest.mark.parametrize("fault", ["kill -9 the server", "kill -9 the client", "Ctrl-C the client"])
def test_a_rerun_after_a_fault_gives_the_clean_graph(fault, instance, corpus, clean):
    total = COPIES + len(list(DEMO_DOCUMENTS.glob("*.yaml")))
    with connect(_settings(instance)) as graph:
        wipe(graph)
        process = _ingest_in_background(instance, corpus)
        try:
            written = _when_some_are_written(graph, process)
            if fault == "kill -9 the server":
                os.kill(instance.pid() or 0, signal.SIGKILL)
            else:
                process.send_signal(signal.SIGKILL if fault == "kill -9 the client" else signal.SIGINT)
            output, _ = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
    assert written < total  # the fault landed mid-ingest
    assert process.returncode != 0, output
    if fault == "kill -9 the server":
        assert "Error: " in output and "Traceback" not in output, output
        deadline = time.monotonic() + 30
        while instance.is_running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert instance.start() is True  # recovery of the store happens here

    with connect(_settings(instance)) as graph:
        survived = _assert_whole(graph, corpus)
        assert written <= survived < total
        report = ingest_paths(graph, [corpus])
        assert (len(report.new), len(report.unchanged)) == (total - survived, survived)
        assert snapshot(graph) == clean
        assert _assert_whole(graph, corpus) == total
