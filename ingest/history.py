"""What earlier ingest runs did, read back from their (:IngestRun) nodes."""

from __future__ import annotations

import json
from typing import Any

from policykg.graph.connection import Graph, read_rows

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
