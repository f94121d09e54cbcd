"""Ingest record files: validate all, then write the new and changed documents, whole ones per transaction.

A run compares each file's SHA-256 with the hashes stored on the
SourceDocuments before reading it: unchanged files are skipped unparsed, the
rest are validated as a set (one bad file and nothing is written), then new
ones are written and changed ones retracted and rewritten. Documents are
grouped into transactions of about GROUP_ROWS rows, never split: a crash
leaves whole documents, each with the hash of what was written, so a rerun
writes exactly the ones missing and ends equal to a clean ingest. With
``prune`` documents whose files are gone are retracted. What changed is
diffed fact by fact and recorded on an (:IngestRun) node.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from queue import Queue
from threading import Thread
from typing import Any

from neo4j import ManagedTransaction
from policykg.graph.connection import Graph, read_rows, write
from policykg.graph.constraints import apply_schema
from policykg.ingest import statements as cypher
from policykg.ingest.runlog import IngestReport, record_run
from policykg.ingest.validate import ValidDocument, validate_changed
from policykg.ingest.writer import (
    Batch,
    build_batch,
    retract_document,
    write_documents,
    write_reference_data,
)
from policykg.schema.sections import FACT_LABELS

Progress = Callable[[int, int, str], None]

#: Facts and links written per transaction: large enough that commits and round
#: trips stop mattering, small enough for a 1 GB heap. A document is never split.
GROUP_ROWS = 20_000
Group = list[tuple[ValidDocument, Batch, bool]]  # (document, its rows, whether a previous version is stored)


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
    started = dt.datetime.now(dt.timezone.utc)
    report = IngestReport(f"{started:%Y%m%dT%H%M%S.%fZ}-{secrets.token_hex(3)}", started)
    report.counts.update(write(graph, write_reference_data))
    report.unchanged.extend(u.id for u in unchanged)
    report.seconds["validate"] = validated

    total, done = len(documents) + len(unchanged), len(unchanged)
    for group in _prefetched(_groups(documents, stored)):
        counts, changes = write(graph, lambda tx, g=group: _write_group(tx, g))
        report.counts.update(counts)
        for document, _, existed in group:
            (report.changed if existed else report.new).append(document.id)
        report.add_changes(changes)
        done += len(group)
        if progress:
            progress(done, total, group[-1][0].id)

    if prune:
        seen = {d.id for d in documents} | {u.id for u in unchanged}
        for doc_id, row in stored.items():
            if doc_id not in seen and _is_under(row["path"], paths):
                def retract(tx: ManagedTransaction, i: str = doc_id) -> tuple[Counter[str], FactMap]:
                    old = _facts_of(tx, i)
                    return retract_document(tx, i, True), old
                counts, old = write(graph, retract)
                report.counts.update(counts)
                report.removed.append(doc_id)
                report.add_changes(diff_facts(doc_id, old, {}))

    write(graph, lambda tx: record_run(tx, report))
    report.seconds["total"] = time.perf_counter() - clock
    return report


def _groups(documents: list[ValidDocument], stored: dict[str, Any]) -> Iterator[Group]:
    """Documents with their rows, in transactions of about GROUP_ROWS rows."""
    group: Group = []
    rows = 0
    for document in documents:
        batch = build_batch(document)
        group.append((document, batch, document.id in stored))
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


def _write_group(tx: ManagedTransaction, group: Group) -> tuple[Counter[str], list[dict[str, Any]]]:
    """Several whole documents in one transaction: changed ones retracted first, then all written together."""
    counts: Counter[str] = Counter()
    old: dict[str, FactMap] = {}
    for document, _, existed in group:
        if existed:
            old[document.id] = _facts_of(tx, document.id)
            counts.update(retract_document(tx, document.id, delete_node=False))
    counts.update(write_documents(tx, [(document, batch) for document, batch, _ in group]))
    changes = [change for document, batch, _ in group
               for change in diff_facts(document.id, old.get(document.id, {}), new_facts(batch))]
    return counts, changes


def _is_under(stored_path: str | None, inputs: list[Path]) -> bool:
    """Whether a document came from this run's inputs (then, unseen, its file is gone or now holds another id)."""
    if not stored_path:
        return False
    stored = Path(stored_path).resolve()
    return any(stored == p.resolve() or p.resolve() in stored.parents for p in inputs)


FactMap = dict[tuple[str, str], dict[str, Any]]


def _facts_of(tx: ManagedTransaction, doc_id: str) -> FactMap:
    rows = tx.run(cypher.FACTS_OF_DOCUMENT, doc=doc_id)
    return {(row["label"], row["props"]["key"]): _plain(row["props"] | row["source"]) for row in rows}


def new_facts(batch: Batch) -> FactMap:
    return {(label.value, row["key"]): _plain(row["props"] | {"key": row["key"]} | row["source"])
            for label, rows in batch.facts.items() for row in rows}


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j temporal values and Python dates compare as ISO text."""
    return {k: (v.iso_format() if hasattr(v, "iso_format") else v.isoformat() if hasattr(v, "isoformat") else v)
            for k, v in props.items() if v is not None}


def diff_facts(doc_id: str, old: FactMap, new: FactMap) -> list[dict[str, Any]]:
    """Added, removed and changed facts (field by field, old → new) of one document."""
    order = {label.value: i for i, label in enumerate(FACT_LABELS)}
    changes: list[dict[str, Any]] = []
    for label, key in sorted(old.keys() | new.keys(), key=lambda k: (order.get(k[0], 99), k[1])):
        before, after = old.get((label, key)), new.get((label, key))
        base = {"label": label, "key": key, "name": _name(after or before), "document": doc_id}
        if before is None:
            changes.append({"change": "added", **base})
        elif after is None:
            changes.append({"change": "removed", **base})
        else:
            for name in sorted((before.keys() | after.keys()) - {"key"}):
                if before.get(name) != after.get(name):
                    changes.append({"change": "changed", **base, "field": name,
                                    "old": before.get(name), "new": after.get(name)})
    return changes


def _name(props: dict[str, Any] | None) -> str:
    props = props or {}
    return str(props.get("name_zh") or props.get("title_zh") or props.get("name_en") or props.get("key"))
