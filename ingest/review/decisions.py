"""A draft's decisions, saved at once in a JSON file beside it (``<draft>.review.json``).

One entry per fact id (``section/key``): accepted, rejected or edited (with
the changed fields), or a fact the reviewer added. Every entry has a revision
counter; a writer names the revision it last saw, and a write against an older
one is refused with the other writer's entry (ReviewConflict) instead of
overwriting it. Writes hold an exclusive lock on ``<draft>.review.lock`` for
the read-compare-write and replace the file atomically (temp file +
os.replace), so a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from policykg.errors import ReviewConflict, ReviewError

STATES = ("accepted", "rejected", "edited")
SUFFIX = ".review.json"


def decisions_path(draft: Path) -> Path:
    return draft.with_name(draft.name + SUFFIX)


def _lock_path(draft: Path) -> Path:
    return draft.with_name(draft.name + ".review.lock")


def empty(draft_sha256: str | None = None) -> dict[str, Any]:
    return {"draft_sha256": draft_sha256, "decisions": {}, "published": None, "carried_from": None}


def read(draft: Path) -> dict[str, Any]:
    """The decisions saved for ``draft`` (an empty set when none are)."""
    path = decisions_path(draft)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty()
    except (OSError, ValueError) as exc:
        raise ReviewError(f"{path}: cannot read the saved decisions ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), dict):
        raise ReviewError(f"{path}: not a decisions file (no `decisions` mapping)")
    return {**empty(), **data}


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new content, never a part."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(draft: Path, data: dict[str, Any]) -> None:
    write_atomic(decisions_path(draft), json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


@contextmanager
def locked(draft: Path) -> Iterator[None]:
    """Exclusive across processes and threads (flock on a file of its own, which is never replaced)."""
    with open(_lock_path(draft), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def decide(draft: Path, fact_id: str, state: str, seen_rev: int, by: str, changes: dict[str, Any] | None = None,
           added: dict[str, Any] | None = None, signature: str | None = None) -> dict[str, Any]:
    """Record one decision; ReviewConflict when the fact's entry moved past ``seen_rev`` meanwhile.

    ``changes`` (for edited) holds only the fields that differ from the draft (None removes one);
    ``added`` is the whole fact for one the reviewer added; ``signature`` identifies the drafted
    fact across a re-extraction (diff.py)."""
    if state not in STATES:
        raise ReviewError(f"unknown decision {state!r}: use one of {', '.join(STATES)}")
    with locked(draft):
        data = read(draft)
        current = data["decisions"].get(fact_id)
        rev = current["rev"] if current else 0
        if rev != seen_rev:
            who = current.get("by") if current else "someone"
            raise ReviewConflict(f"{fact_id} was changed by {who} meanwhile (revision {rev}, you saw {seen_rev}); "
                                 "their decision is shown: decide again to replace it", current)
        entry: dict[str, Any] = {"state": state, "rev": rev + 1, "by": by,
                                 "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        if changes:
            entry["changes"] = changes
        if added is not None:
            entry["added"] = added
        elif current and current.get("added") is not None:
            entry["added"] = current["added"]
        if signature is not None:
            entry["signature"] = signature
        data["decisions"][fact_id] = entry
        save(draft, data)
        return entry


def decide_many(draft: Path, items: list[tuple[str, int, str | None]], state: str, by: str) -> dict[str, Any]:
    """Several facts at once ("accept the rest of this section"): (fact id, seen revision, signature) each.

    All or nothing: one stale revision refuses the whole set."""
    with locked(draft):
        data = read(draft)
        for fact_id, seen_rev, _ in items:
            current = data["decisions"].get(fact_id)
            if (current["rev"] if current else 0) != seen_rev:
                raise ReviewConflict(f"{fact_id} was changed by {current.get('by') if current else 'someone'} "
                                     "meanwhile; reload to see it", current)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        out = {}
        for fact_id, seen_rev, signature in items:
            entry: dict[str, Any] = {"state": state, "rev": seen_rev + 1, "by": by, "at": now}
            if signature is not None:
                entry["signature"] = signature
            data["decisions"][fact_id] = out[fact_id] = entry
        save(draft, data)
        return out
