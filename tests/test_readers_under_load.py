"""Eight readers during an ingest: no errors, and no reader ever sees half a document.

Bounded in count and time (each reader stops after the ingest ends, after
MAX_READS reads or after DEADLINE seconds). Latencies are for bench/, not
here: this test checks errors and consistency only.
"""

from __future__ import annotations

import threading
import time
from collections import Counter

from policykg.graph.connection import Graph, read_rows
from policykg.ingest import pipeline
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.validate import validate_paths
from policykg.ingest.writer import batch_keys, build_batch
from policykg.queries.loader import load_all
from policykg.queries.runner import run_named
from tests.conftest import DEMO_DOCUMENTS
from tests.test_faults import corpus  # noqa: F401  (the demo corpus and 120 small documents)

READERS = 8
MAX_READS = 1000
DEADLINE = 120.0

WHOLE = ("MATCH (d:SourceDocument) OPTIONAL MATCH (f)-[:SOURCED_FROM]->(d) "
         "RETURN d.id AS id, count(f) AS facts")


def test_eight_readers_during_an_ingest_see_no_error_and_no_half_document(graph: Graph, corpus, monkeypatch):  # noqa: F811
    monkeypatch.setattr(pipeline, "GROUP_ROWS", 100)  # a few small documents per transaction, so the graph grows in steps
    facts = {d.id: sum(len(k) for k in batch_keys(build_batch(d)).values()) for d in validate_paths([corpus])}
    queries = load_all()
    ingest_done = threading.Event()
    errors: list[str] = []
    partial: list[str] = []
    reads: Counter[str] = Counter()
    seen_documents: set[int] = set()
    ingest_paths(graph, [DEMO_DOCUMENTS])  # schema, reference data and the demo document are there first
    stop_at = time.monotonic() + DEADLINE

    def reader(number: int) -> None:
        for i in range(MAX_READS):
            if ingest_done.is_set() or time.monotonic() > stop_at:
                return
            try:
                if i % 2 == 0:
                    rows = read_rows(graph, WHOLE)
                    seen_documents.add(len(rows))
                    partial.extend(f"{r['id']}: {r['facts']} of {facts[r['id']]}" for r in rows
                                   if r["facts"] != facts[r["id"]])
                    reads["consistency"] += 1
                else:
                    query = queries[(number + i) % len(queries)]
                    run_named(graph, query, query.example)
                    reads[query.name] += 1
            except Exception as exc:  # noqa: BLE001 - every error counts, whatever its kind
                errors.append(f"reader {number}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        report = ingest_paths(graph, [corpus])
    finally:
        ingest_done.set()
        for thread in threads:
            thread.join(timeout=DEADLINE)
    assert len(report.new) == len(facts) - len(list(DEMO_DOCUMENTS.glob("*.yaml")))  # the copies
    assert errors == []
    assert partial == []
    total = sum(reads.values())
    assert reads["consistency"] >= READERS  # every reader read while the ingest ran
    assert len(seen_documents) > 2  # the readers saw the graph grow, document by document
    print(f"\nreaders under load: {READERS} readers, {total} reads during the ingest, {len(errors)} errors")
