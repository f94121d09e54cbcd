"""A re-extracted draft against the last review: carry over the decisions whose facts did not change.

A decision remembers the signature of the fact it was made on (what the fact
states, without key and paragraph number, facts.signature). When the draft's
bytes change (its source changed and was extracted again), every fact of the
new draft whose signature a decision knows gets that decision again (marked
carried), an edit included; the reviewer decides only the new or changed
facts. Without saved decisions, a fact the last reviewed record states
unchanged counts as accepted. Facts the reviewer added stay.
"""

from __future__ import annotations

from typing import Any

from policykg.ingest.review.facts import card_id, iter_facts, reviewable, signature


def rebase(record: dict[str, Any], old: dict[str, Any], draft_sha256: str,
           reviewed: dict[str, Any] | None = None) -> dict[str, Any]:
    """The decisions for the draft ``record`` (bytes hashing to ``draft_sha256``), from ``old`` ones made
    on an earlier version of it and from the last ``reviewed`` record published from it."""
    known: dict[str, dict[str, Any]] = {}
    for entry in old["decisions"].values():
        if entry.get("signature") and entry.get("added") is None:
            known.setdefault(entry["signature"], entry)
    published = {signature(section, fact) for section, fact in iter_facts(reviewed or {})}
    decisions: dict[str, dict[str, Any]] = {}
    for section, fact in reviewable(record):
        fid, sig = card_id(section, fact), signature(section, fact)
        if sig in known:
            decisions[fid] = {**known[sig], "carried": True}
        elif sig in published:
            decisions[fid] = {"state": "accepted", "rev": 1, "by": "last review", "at": None, "signature": sig,
                              "carried": True}
    for fid, entry in old["decisions"].items():
        if entry.get("added") is not None:
            decisions[fid] = entry
    return {**old, "draft_sha256": draft_sha256, "decisions": decisions,
            "carried_from": old.get("draft_sha256") or ("reviewed record" if reviewed else None)}
