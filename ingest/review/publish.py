"""Publish a reviewed draft: the record of accepted and edited facts, validated, in the records folder.

Rejected facts are gone, the draft flag and the guessed list with them, no
fact is marked extracted any more, and the document names its reviewer, the
day and its source text (path and SHA-256). The file is validated as ingest
will validate it before it replaces anything; with a graph it is ingested.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from policykg.errors import ReviewError, ValidationFailed
from policykg.ingest.review import decisions as store
from policykg.ingest.review.facts import DOCUMENT, NO_DATE
from policykg.ingest.review.session import Review, read_draft, reviewed_path
from policykg.ingest.validate import ValidDocument, validate_file
from policykg.schema.sections import SECTIONS

HEADER = "# Reviewed with `policykg review` by {by} on {day}, from the draft {draft}.\n"


@dataclass
class Published:
    path: Path
    document: ValidDocument
    report: Any = None  # the ingest report (ingest/runlog.IngestReport) when it was ingested


def reviewed_record(review: Review, reviewer: str, today: dt.date) -> dict[str, Any]:
    """The record a review makes of its draft; ReviewError while facts are undecided."""
    undecided = [f.id for f in review.facts if f.state == "undecided"]
    if undecided:
        more = f" and {len(undecided) - 3} more" if len(undecided) > 3 else ""
        raise ReviewError(f"{len(undecided)} facts are not decided yet ({', '.join(undecided[:3])}{more}): "
                          "accept, edit or reject each")
    document = dict(next(f.fact for f in review.facts if f.section == DOCUMENT))
    if not document.get("published"):
        raise ReviewError(f"{review.path.name}: {NO_DATE}, then publish again")
    for name in ("draft", "guessed"):
        document.pop(name, None)
    document["id"] = str(document["id"]).removeprefix("draft-")
    if review.source is not None:
        document["source_path"] = str(review.source.path)
        document["source_sha256"] = review.source.sha256
    document["reviewed_by"] = reviewer
    document["reviewed_on"] = today
    record: dict[str, Any] = {"document": document}
    for name, value in review.record.items():
        if name not in record and not any(s.name == name for s in SECTIONS):
            record[name] = value
    for section in SECTIONS:
        kept = [{k: v for k, v in f.fact.items() if k != "extracted"} for f in review.facts
                if f.section == section.name and f.state != "rejected"]
        record[section.name] = kept
    return record


def publish(review: Review, out_dir: Path, reviewer: str, today: dt.date | None = None,
            graph: Any = None) -> Published:
    """Write, validate and (with ``graph``) ingest the reviewed record; the old file stays when it fails."""
    today = today or dt.date.today()
    if not reviewer.strip():
        raise ReviewError("give the reviewer's name (it goes into the record)")
    record = reviewed_record(review, reviewer.strip(), today)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = reviewed_path(review.path, out_dir)
    _refuse_foreign(target, record)
    head = HEADER.format(by=reviewer.strip(), day=today.isoformat(), draft=review.path.name)
    body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    trial = out_dir / f".{target.stem}.publishing.yaml"
    trial.write_text(head + "\n" + body, encoding="utf-8")
    try:
        document, problems = validate_file(trial, today, allow_drafts=False)
        if problems:
            raise ValidationFailed(problems)
        trial.replace(target)
    finally:
        trial.unlink(missing_ok=True)
    with store.locked(review.path):
        data = store.read(review.path)
        data["published"] = {"path": str(target), "by": reviewer.strip(), "on": today.isoformat(),
                             "draft_sha256": review.sha256}
        store.save(review.path, data)
    assert document is not None
    published = Published(target, document)
    if graph is not None:
        from policykg.ingest.pipeline import ingest_paths

        published.report = ingest_paths(graph, [target])
    return published


def _refuse_foreign(target: Path, record: dict[str, Any]) -> None:
    """Never replace a record this draft's review did not write (a hand-made one of the same name)."""
    if not target.exists():
        return
    try:
        existing, _ = read_draft(target)
    except ReviewError:
        existing = {}
    doc = existing.get("document") or {}
    if not doc.get("reviewed_by") or doc.get("source_path") != record["document"].get("source_path"):
        raise ReviewError(f"{target} exists and was not published from this draft: move it away or "
                          "publish into another folder (--out)")
