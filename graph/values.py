"""Driver values as plain Python values: one converter, and the two text forms built on it.

``plain`` is what every reader hands on (dates as ``datetime.date``, nodes
and relationships as property dicts): the CLI renders it, tests compare it,
and nothing downstream has to know the driver's temporal or graph types.
``as_text`` also writes dates as ISO text, so that a node's Date and a
record's date compare equal (ingest's statement diffs); ``file_safe`` also
writes lists as JSON text, which is what GraphML and GEXF attributes can hold.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.time import Date, DateTime, Duration, Time

#: Values the driver already hands over as plain Python (most cells): returned as they are, first.
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: Also as they are for ``as_text``: a stored list holds strings or numbers (a group compares a million values).
_TEXT_READY = (str, int, float, list)


def plain(value: Any) -> Any:
    """Driver values → JSON-friendly Python values (dates as datetime.date, nodes as property dicts)."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, (Date, DateTime, Time)):
        return value.to_native()
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def as_text(value: Any) -> Any:
    """``plain(value)`` with dates and times as ISO text (a driver Date and a Python date agree)."""
    if isinstance(value, _TEXT_READY):
        return value
    value = plain(value)
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime, dt.time)) else value


def file_safe(value: Any) -> Any:
    """A property value GraphML and GEXF can hold: str, int, float or bool (lists as JSON text)."""
    if isinstance(value, (list, tuple)):
        return json.dumps([file_safe(v) for v in value], ensure_ascii=False)
    return as_text(value)
