"""The run log: one (:IngestRun) node per ingest, written at its end and read back by `policykg changes`.

The change list is capped (MAX_LOGGED_CHANGES, with the total beside it) so
that a first ingest of a large corpus does not write one huge property.

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

#: A first ingest of 10,000 documents adds about a million facts; listing them
#: all made one 16 MB property and a million-row answer. The run keeps the
#: first ones and the total: the graph itself holds every added fact.
MAX_LOGGED_CHANGES = 1000


@dataclass
class IngestReport:
    run_id: str
    started_at: dt.datetime
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    #: Wall time of the run's phases: "validate" (hashing, reading, checking), "total".
    seconds: dict[str, float] = field(default_factory=dict)
    #: The first MAX_LOGGED_CHANGES changes; changes_total counts them all.
    changes: list[dict[str, Any]] = field(default_factory=list)
    #: Facts to which two documents give different values (key, both documents, both values).
    conflicts: list[str] = field(default_factory=list)
    #: Stored documents whose files are gone from the ingested paths, kept because --prune was not given.
    gone: list[str] = field(default_factory=list)
    changes_total: int = 0
    #: Every change by kind (added, removed, changed), also those past MAX_LOGGED_CHANGES.
    change_kinds: Counter[str] = field(default_factory=Counter)

    def add_changes(self, changes: list[dict[str, Any]]) -> None:
        room = MAX_LOGGED_CHANGES - len(self.changes)
        self.changes.extend(changes[:max(room, 0)])
        self.changes_total += len(changes)
        self.change_kinds.update(str(c.get("change")) for c in changes)

    def summary(self) -> str:
        """What the run did to the documents and their facts, as a reader counts them.

        The nodes and relationships written to do it (a changed figure rewrites
        its statements) stay in ``counts``: they say how, not what, changed.
        """
        kinds = self.change_kinds
        return (f"documents: {len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.removed)} removed; facts: {kinds['added']:,} added, {kinds['removed']:,} removed; "
                f"values: {kinds['changed']:,} changed" + self._gone_note())

    def _gone_note(self) -> str:
        if not self.gone:
            return ""
        count = f"{len(self.gone)} stored document{'s' if len(self.gone) > 1 else ''}"
        return (f"; {count} no longer {'have' if len(self.gone) > 1 else 'has'} a file "
                f"({', '.join(self.gone[:3])}{', …' if len(self.gone) > 3 else ''}): kept, --prune retracts")


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
    run.setdefault("changes_total", len(run["changes"]))
    return run


def record_run(tx: ManagedTransaction, report: IngestReport) -> None:
    """One (:IngestRun) node: counts, statuses per document and the change list as JSON."""
    statuses = ([{"id": i, "status": "new"} for i in report.new] + [{"id": i, "status": "changed"} for i in report.changed]
                + [{"id": i, "status": "unchanged"} for i in report.unchanged])
    props = {
        "started_at": report.started_at,
        "finished_at": dt.datetime.now(dt.UTC),
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
        "changes_total": report.changes_total,
        # this version keeps the facts' disputed fields; a graph without such a run gets them computed once
        "disputes_kept": True,
    }
    tx.run(cypher.RECORD_RUN, id=report.run_id, props=props, documents=statuses).consume()
