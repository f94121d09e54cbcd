"""Ingest record files: validate all, then write each changed document atomically.

A run compares each file's SHA-256 with the hash stored on its SourceDocument:
unchanged documents are skipped, new ones written, changed ones retracted and
rewritten in the same transaction (so readers never see half a document), and
with ``prune`` documents whose files are gone are retracted. What changed is
diffed fact by fact and recorded on an (:IngestRun) node.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

from policykg.graph.connection import Graph, read_rows, write
from policykg.graph.constraints import apply_schema
from policykg.ingest import statements as cypher
from policykg.ingest.runlog import IngestReport, record_run
from policykg.ingest.shared_facts import remove_document, replace_document
from policykg.ingest.validate import validate_paths
from policykg.ingest.writer import build_batch, write_reference_data

Progress = Callable[[int, int, str], None]


def ingest_paths(graph: Graph, paths: Iterable[Path | str], prune: bool = False,
                 progress: Progress | None = None) -> IngestReport:
    paths = [Path(p) for p in paths]
    documents = validate_paths(paths, allow_drafts=False)  # raises before anything is written
    apply_schema(graph)  # MERGE relies on the uniqueness constraints
    started = dt.datetime.now(dt.timezone.utc)
    report = IngestReport(f"{started:%Y%m%dT%H%M%S.%fZ}-{secrets.token_hex(3)}", started)
    report.counts.update(write(graph, write_reference_data))
    stored = {row["id"]: row for row in read_rows(graph, cypher.STORED_HASHES)}

    for index, document in enumerate(documents, start=1):
        if progress:
            progress(index, len(documents), document.id)
        previous = stored.get(document.id)
        if previous and previous["hash"] == document.content_hash:
            report.unchanged.append(document.id)
            continue
        batch = build_batch(document)
        outcome = write(graph, lambda tx, d=document, b=batch, p=previous: replace_document(tx, d, b, p is not None))
        report.counts.update(outcome.counts)
        (report.changed if previous else report.new).append(document.id)
        report.changes.extend(outcome.changes)
        report.conflicts.extend(outcome.conflicts)

    seen = {d.id for d in documents}
    gone = [doc_id for doc_id, row in stored.items() if doc_id not in seen and _is_under(row["path"], paths)]
    if not prune:
        report.gone = gone  # kept in the graph; the summary says so, so that nothing is kept silently
    for doc_id in gone if prune else []:
        outcome = write(graph, lambda tx, i=doc_id: remove_document(tx, i))
        report.counts.update(outcome.counts)
        report.removed.append(doc_id)
        report.changes.extend(outcome.changes)

    write(graph, lambda tx: record_run(tx, report))
    return report


def _is_under(stored_path: str | None, inputs: list[Path]) -> bool:
    """Whether a document came from this run's inputs (then, unseen, its file is gone or now holds another id)."""
    if not stored_path:
        return False
    stored = Path(stored_path).resolve()
    return any(stored == p.resolve() or p.resolve() in stored.parents for p in inputs)


