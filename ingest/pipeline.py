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
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction
from policykg.graph.connection import Graph, read_rows, write
from policykg.graph.constraints import apply_schema
from policykg.ingest import statements as cypher
from policykg.ingest.runlog import IngestReport, record_run
from policykg.ingest.validate import ValidDocument, validate_paths
from policykg.ingest.writer import (
    Batch,
    build_batch,
    retract_document,
    write_document,
    write_reference_data,
)
from policykg.schema.sections import FACT_LABELS

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
        old = _facts_of(graph, document.id) if previous else {}
        batch = build_batch(document)
        report.counts.update(write(graph,
                                   lambda tx, d=document, b=batch, p=previous: _replace(tx, d, b, p is not None)))
        (report.changed if previous else report.new).append(document.id)
        report.changes.extend(diff_facts(document.id, old, new_facts(batch)))

    if prune:
        seen = {d.id for d in documents}
        for doc_id, row in stored.items():
            if doc_id not in seen and _is_under(row["path"], paths):
                old = _facts_of(graph, doc_id)
                report.counts.update(write(graph, lambda tx, i=doc_id: retract_document(tx, i, True)))
                report.removed.append(doc_id)
                report.changes.extend(diff_facts(doc_id, old, {}))

    write(graph, lambda tx: record_run(tx, report))
    return report


def _replace(tx: ManagedTransaction, document: ValidDocument, batch: Batch, existed: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    if existed:
        counts.update(retract_document(tx, document.id, delete_node=False))
    counts.update(write_document(tx, document, batch))
    return counts


def _is_under(stored_path: str | None, inputs: list[Path]) -> bool:
    """Whether a document came from this run's inputs (then, unseen, its file is gone or now holds another id)."""
    if not stored_path:
        return False
    stored = Path(stored_path).resolve()
    return any(stored == p.resolve() or p.resolve() in stored.parents for p in inputs)


FactMap = dict[tuple[str, str], dict[str, Any]]


def _facts_of(graph: Graph, doc_id: str) -> FactMap:
    rows = read_rows(graph, cypher.FACTS_OF_DOCUMENT, {"doc": doc_id})
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
