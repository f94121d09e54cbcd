"""Ingest record files: validate all, then write the new and changed documents, whole ones per transaction.

A run compares each file's SHA-256 with the hashes stored on the
SourceDocuments before reading it: unchanged files are skipped unparsed, the
rest are validated as a set (one bad file and nothing is written), then new
ones are written and changed ones retracted and rewritten. Documents are
grouped into transactions of about GROUP_ROWS rows, never split: a crash
leaves whole documents, each with the hash of what was written, so a rerun
writes exactly the ones missing and ends equal to a clean ingest. With
``prune`` documents whose files are gone are retracted. What a run did to
the graph is diffed fact by fact (shared_facts) and recorded on an
(:IngestRun) node. The region × theme summary (summary.py) is brought along
in each writing transaction.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import Any

from neo4j import ManagedTransaction

from policykg.graph.connection import Graph, read_rows, write
from policykg.graph.constraints import apply_schema
from policykg.ingest import statements as cypher
from policykg.ingest import summary
from policykg.ingest.runlog import IngestReport, record_run
from policykg.ingest.shared_facts import Group, Outcome, mark_disputes, remove_document, replace_documents
from policykg.ingest.validate import ValidDocument, validate_changed
from policykg.ingest.writer import (
    Staged,
    batch_keys,
    build_batch,
    stated_keys,
    stated_keys_by_document,
    write_reference_data,
)

Progress = Callable[[int, int, str], None]

#: Facts and links written per transaction: large enough that commits and round
#: trips stop mattering, small enough for a 1 GB heap. A document is never split.
#: POLICYKG_GROUP_ROWS sets it (smaller for a server with less memory; 1 writes
#: one document per transaction).
GROUP_ROWS = int(os.environ.get("POLICYKG_GROUP_ROWS", "20000"))


def ingest_paths(graph: Graph, paths: Iterable[Path | str], prune: bool = False,
                 progress: Progress | None = None) -> IngestReport:
    paths = [Path(p) for p in paths]
    clock = time.perf_counter()
    stored = {row["id"]: row for row in read_rows(graph, cypher.STORED_HASHES)}
    known = {row["hash"]: doc_id for doc_id, row in stored.items() if row["hash"]}
    # raises before anything is written; files whose hash is stored are not even parsed
    documents, unchanged = validate_changed(paths, known, allow_drafts=False)
    validated = time.perf_counter() - clock
    apply_schema(graph)  # MERGE relies on the uniqueness constraints
    if stored and not read_rows(graph, cypher.DISPUTES_KEPT)[0]["kept"]:
        write(graph, mark_disputes)  # an older version's graph: its facts' disputes are marked once
    started = dt.datetime.now(dt.UTC)
    report = IngestReport(f"{started:%Y%m%dT%H%M%S.%fZ}-{secrets.token_hex(3)}", started)
    report.counts.update(write(graph, write_reference_data))
    report.unchanged.extend(u.id for u in unchanged)
    report.seconds["validate"] = validated
    deferred = summary.missing(graph)  # no region × theme summary yet: built once after the writes
    # into a graph without documents, every link the summary counts is in this run's rows
    gathered = summary.Contributions() if deferred and not stored else None

    total, done = len(documents) + len(unchanged), len(unchanged)
    for group in _prefetched(_groups(documents, stored, gathered)):
        outcome = write(graph, lambda tx, g=group: _write_group(tx, g, deferred))
        report.counts.update(outcome.counts)
        for item in group:
            (report.changed if item.replaces else report.new).append(item.id)
        report.add_changes(outcome.changes)
        report.conflicts.extend(outcome.conflicts)
        done += len(group)
        if progress:
            progress(done, total, group[-1].id)

    seen = {d.id for d in documents} | {u.id for u in unchanged}
    gone = [doc_id for doc_id, row in stored.items() if doc_id not in seen and _is_under(row["path"], paths)]
    if not prune:
        report.gone = gone  # kept in the graph; the summary says so, so that nothing is kept silently
    for doc_id in gone if prune else []:
        outcome = write(graph, lambda tx, i=doc_id: _remove(tx, i, deferred))
        report.counts.update(outcome.counts)
        report.removed.append(doc_id)
        report.add_changes(outcome.changes)

    if gathered is not None and report.new:
        summary.build(graph, gathered)
    elif deferred:
        summary.ensure(graph)
    write(graph, lambda tx: record_run(tx, report))
    report.seconds["total"] = time.perf_counter() - clock
    return report


def _write_group(tx: ManagedTransaction, group: Group, deferred: bool) -> Outcome:
    """One group's transaction: the facts its stored documents state are read once, for the writes and the summary."""
    replaced = [item.id for item in group if item.replaces]
    stated = stated_keys_by_document(tx, replaced) if replaced else {}
    return summary.maintained(tx, [*stated.values(), *(batch_keys(item.batch) for item in group)],
                              lambda: replace_documents(tx, group, stated), deferred)


def _remove(tx: ManagedTransaction, doc_id: str, deferred: bool) -> Outcome:
    """A gone document's transaction: what it states is read once, for the retraction and the summary."""
    keys = stated_keys(tx, doc_id)
    return summary.maintained(tx, [keys], lambda: remove_document(tx, doc_id, keys), deferred)


def _groups(documents: list[ValidDocument], stored: dict[str, Any],
            gathered: summary.Contributions | None = None) -> Iterator[Group]:
    """Documents with their rows, in transactions of about GROUP_ROWS rows (and their summary contributions)."""
    group: Group = []
    rows = 0
    for document in documents:
        batch = build_batch(document)
        if gathered is not None:  # used only when every group is written
            gathered.add(batch)
        group.append(Staged(document, batch, replaces=document.id in stored))
        rows += sum(map(len, batch.facts.values())) + sum(map(len, batch.links.values()))
        if rows >= GROUP_ROWS:
            yield group
            group, rows = [], 0
    if group:
        yield group


def _prefetched(groups: Iterator[Group], depth: int = 2) -> Iterator[Group]:
    """Build the next groups' rows on a thread while this one is written (the driver waits on the server)."""
    queue: Queue[Group | BaseException | None] = Queue(maxsize=depth)

    def produce() -> None:
        try:
            for group in groups:
                queue.put(group)
            queue.put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(exc)

    Thread(target=produce, name="policykg-batches", daemon=True).start()
    while (item := queue.get()) is not None:
        if isinstance(item, BaseException):
            raise item
        yield item


def _is_under(stored_path: str | None, inputs: list[Path]) -> bool:
    """Whether a document came from this run's inputs (then, unseen, its file is gone or now holds another id)."""
    if not stored_path:
        return False
    stored = Path(stored_path).resolve()
    return any(stored == p.resolve() or p.resolve() in stored.parents for p in inputs)
