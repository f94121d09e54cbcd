"""Re-ingest a folder on a schedule, riding out Neo4j restarts.

The watcher opens a fresh driver for every run, so a restarted or moved
server is picked up without restarting the watcher; while Neo4j is
unreachable it retries with exponential backoff (capped at the interval),
and an invalid file is logged and waits for the next run instead of ending it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from pathlib import Path

from policykg.errors import ConfigError, GraphUnavailable, ValidationFailed
from policykg.graph.connection import connect
from policykg.graph.settings import Settings
from policykg.ingest.pipeline import ingest_paths

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"interval {text!r} is not a duration like 30s, 10m or 1h")
    return float(match.group(1)) * UNITS[match.group(2) or "s"]


def watch(settings: Settings, paths: list[Path], interval: float, prune: bool = False, runs: int | None = None,
          log: Callable[[str], None] = print, sleep: Callable[[float], None] = time.sleep) -> int:
    """Ingest every ``interval`` seconds; returns the number of completed runs (when ``runs`` is set)."""
    done, backoff = 0, 1.0
    while runs is None or done < runs:
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        try:
            with connect(settings) as graph:
                report = ingest_paths(graph, paths, prune=prune)
            log(f"{stamp} ingest {report.run_id}: {report.summary()}")
            for conflict in report.conflicts:
                log(f"{stamp} warning: {conflict}")
        except GraphUnavailable as exc:
            log(f"{stamp} {exc}; retrying in {backoff:g}s")
            sleep(backoff)
            backoff = min(backoff * 2, interval)
            continue
        except ValidationFailed as exc:  # every hostile file ends here, located; the watcher goes on
            log(f"{stamp} ingest refused, nothing written: " + "; ".join(str(p) for p in exc.problems))
        done, backoff = done + 1, 1.0
        if runs is None or done < runs:
            sleep(interval)
    return done
