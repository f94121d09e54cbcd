"""The run log: one (:IngestRun) node per ingest, written at its end and read back by `policykg changes`.

Writer and reader live together so the stored shape (counts, statuses per
document, the change list as JSON text) is defined in one place.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction
from policykg.graph.connection import Graph, read_rows
from policykg.ingest import statements as cypher


@dataclass
class IngestReport:
    run_id: str
    started_at: dt.datetime
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    changes: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"documents: {len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed; nodes: {self.counts['nodes_created']} created, "
                f"{self.counts['nodes_deleted']} deleted; relationships: {self.counts['relationships_created']} "
                f"created, {self.counts['relationships_deleted']} deleted")


LAST_RUN = """
MATCH (run:IngestRun)
RETURN run {.*} AS run
ORDER BY run.started_at DESC
LIMIT 1
"""


def last_run(graph: Graph) -> dict[str, Any] | None:
    """The newest run with its ``changes`` decoded from JSON, or None before the first."""
    rows = read_rows(graph, LAST_RUN)
    if not rows:
        return None
    run = rows[0]["run"]
    run["changes"] = json.loads(run.get("changes") or "[]")
    return run


def record_run(tx: ManagedTransaction, report: IngestReport) -> None:
    """One (:IngestRun) node: counts, statuses per document and the change list as JSON."""
    statuses = ([{"id": i, "status": "new"} for i in report.new] + [{"id": i, "status": "changed"} for i in report.changed]
                + [{"id": i, "status": "unchanged"} for i in report.unchanged])
    props = {
        "started_at": report.started_at,
        "finished_at": dt.datetime.now(dt.timezone.utc),
        "documents_new": len(report.new),
        "documents_changed": len(report.changed),
        "documents_unchanged": len(report.unchanged),
        "documents_removed": len(report.removed),
        "removed_documents": report.removed,
        "nodes_created": report.counts["nodes_created"],
        "nodes_deleted": report.counts["nodes_deleted"],
        "relationships_created": report.counts["relationships_created"],
        "relationships_deleted": report.counts["relationships_deleted"],
        "changes": json.dumps(report.changes, ensure_ascii=False, default=str),
    }
    tx.run(cypher.RECORD_RUN, id=report.run_id, props=props, documents=statuses).consume()
