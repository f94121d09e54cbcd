"""One draft under review: its record, its saved decisions (rebased when the draft changed), its facts.

This is the Python API the web app calls: open_review, decide, accept_rest,
add_fact, check_fact (publish.py publishes). Every call reads the files again,
so two tabs, two servers or a restart see the same state.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.errors import ReviewError
from policykg.ingest.reader import ReadFailed, read_record
from policykg.ingest.review import decisions as store
from policykg.ingest.review.diff import rebase
from policykg.ingest.review.facts import (
    DOCUMENT,
    SECTION_BY_NAME,
    apply_changes,
    as_dates,
    card_id,
    card_text,
    check,
    fact_id,
    reviewable,
    signature,
)
from policykg.ingest.review.source import SourceText, read_source
from policykg.schema.sections import SECTIONS


@dataclass
class FactView:
    id: str
    section: str
    fact: dict[str, Any]  # as it stands: the draft's fact with the reviewer's changes
    drafted: dict[str, Any] | None  # None for a fact the reviewer added
    state: str  # undecided, accepted, rejected, edited
    rev: int
    by: str | None = None
    carried: bool = False
    text: str = ""
    paragraph: int | None = None
    problems: dict[str, str] = field(default_factory=dict)


@dataclass
class Review:
    path: Path
    record: dict[str, Any]
    sha256: str
    decisions: dict[str, Any]
    facts: list[FactView]
    source: SourceText | None
    source_problem: str | None = None

    @property
    def title(self) -> str:
        doc = self.record.get("document") or {}
        return str(doc.get("title_zh") or doc.get("title_en") or self.path.stem)

    @property
    def decided(self) -> int:
        return sum(f.state != "undecided" for f in self.facts)

    def by_id(self, fid: str) -> FactView:
        for fact in self.facts:
            if fact.id == fid:
                return fact
        raise ReviewError(f"{self.path.name}: no fact {fid!r} in this draft")

    def sections(self) -> list[tuple[str, list[FactView]]]:
        names = [DOCUMENT, *(s.name for s in SECTIONS)]
        return [(name, [f for f in self.facts if f.section == name]) for name in names
                if any(f.section == name for f in self.facts)]


#: Parsed drafts by path, with the (mtime, size) they were parsed at: a decision on a 300-fact draft
#: must not parse its YAML again (the reader keeps every line mark, the slow part of a decision).
_PARSED: dict[str, tuple[tuple[int, int], dict[str, Any], bytes]] = {}


def read_draft(path: Path) -> tuple[dict[str, Any], bytes]:
    """A draft's data (not to be changed in place) and bytes; parsed again only when the file changed."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise ReviewError(f"{path}: no such draft") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _PARSED.get(str(path))
    if cached is not None and cached[0] == stamp:
        return cached[1], cached[2]
    record, content = _parse(path)
    _PARSED[str(path)] = (stamp, record, content)
    return record, content


def _parse(path: Path) -> tuple[dict[str, Any], bytes]:
    try:
        raw = read_record(path)
    except FileNotFoundError:
        raise ReviewError(f"{path}: no such draft") from None
    except ReadFailed as exc:
        raise ReviewError(str(exc.problem)) from None
    if not isinstance(raw.data, dict) or not isinstance(raw.data.get("document"), dict):
        raise ReviewError(f"{path}: not a record (no `document:` section)")
    return raw.data, raw.content


def reviewed_path(draft: Path, out_dir: Path) -> Path:
    """Where a draft's reviewed record goes: NAME.yaml, for NAME.yaml and for a later NAME.v2.yaml
    (the extractor writes a new version beside a draft a reviewer edited by hand)."""
    return out_dir / f"{re.sub(r'[.]v[0-9]+$', '', draft.stem)}.yaml"


def load_decisions(path: Path, record: dict[str, Any], sha: str, out_dir: Path | None) -> dict[str, Any]:
    """The saved decisions, rebased (diff.py) and saved again when the draft's bytes changed."""
    data = store.read(path)
    if data["draft_sha256"] == sha:
        return data
    with store.locked(path):
        data = store.read(path)
        if data["draft_sha256"] != sha:
            reviewed = None
            target = reviewed_path(path, out_dir) if out_dir else None
            if target is not None and target.is_file():
                try:
                    reviewed, _ = read_draft(target)
                except ReviewError:
                    reviewed = None
            data = rebase(record, data, sha, reviewed)
            store.save(path, data)
    return data


def open_review(path: Path, out_dir: Path | None = None, with_source: bool = True, checked: bool = True) -> Review:
    """The draft with its decisions; ``checked``: each fact's problems too (what a page shows)."""
    record, content = read_draft(path)
    sha = hashlib.sha256(content).hexdigest()
    data = load_decisions(path, record, sha, out_dir)
    entries = data["decisions"]
    facts = [_view(card_id(s, f), s, f, entries.get(card_id(s, f))) for s, f in reviewable(record)]
    for fid, entry in entries.items():
        if entry.get("added") is not None:
            facts.append(_view(fid, fid.split("/", 1)[0], None, entry))
    review = Review(path, record, sha, data, facts, None)
    if checked:
        _check_all(review)
    if with_source:
        _attach_source(review)
    return review


def _check_all(review: Review) -> None:
    current = _current_record(review)
    defined = {s.name: {f.get("key") for f in current.get(s.name) or []} for s in SECTIONS}
    for fact in review.facts:
        fact.text = card_text(fact.section, fact.fact, current)
        if fact.state != "rejected":
            fact.problems = check(fact.section, fact.fact, current, defined)


def _view(fid: str, section: str, drafted: dict[str, Any] | None, entry: dict[str, Any] | None) -> FactView:
    entry = entry or {}
    base = drafted if drafted is not None else entry.get("added") or {}
    state = entry.get("state", "undecided")
    fact = apply_changes(base, entry.get("changes")) if state == "edited" else dict(base)
    if section == DOCUMENT:
        fact = as_dates(section, fact)
    return FactView(fid, section, fact, drafted, state, entry.get("rev", 0), entry.get("by"),
                    bool(entry.get("carried")))


def _attach_source(review: Review) -> None:
    where = (review.record.get("document") or {}).get("source_path")
    if not where:
        review.source_problem = "the draft does not name its source text (extract it again to record source_path)"
        return
    try:
        review.source = read_source(Path(where))
    except Exception as exc:  # noqa: BLE001 - any unreadable source is shown, never fatal
        review.source_problem = str(exc)
        return
    for fact in review.facts:
        fact.paragraph = review.source.locate(fact.id, fact.fact.get("locator"), fact.fact.get("quote"))


def _current_record(review: Review) -> dict[str, Any]:
    """The record as the decisions so far make it (undecided facts kept, rejected ones out)."""
    out = {k: v for k, v in review.record.items() if k not in SECTION_BY_NAME}
    out[DOCUMENT] = next((f.fact for f in review.facts if f.section == DOCUMENT), out.get(DOCUMENT))
    for section in SECTIONS:
        out[section.name] = [f.fact for f in review.facts if f.section == section.name and f.state != "rejected"]
    return out


def decide(path: Path, fid: str, state: str, seen_rev: int, by: str, changes: dict[str, Any] | None = None,
           out_dir: Path | None = None) -> dict[str, Any]:
    """Accept, reject or edit one fact. An edit whose fact would not validate is refused with its problems."""
    review = open_review(path, out_dir, with_source=False, checked=False)
    view = review.by_id(fid)
    if view.section == DOCUMENT and state == "rejected":
        raise ReviewError("the document itself cannot be rejected: edit it, or delete the draft file")
    if state == "edited":
        problems = check_fact(review, view.section, apply_changes(view.drafted or view.fact, changes), fid)
        if problems:
            raise InvalidFact(problems)
        if view.drafted is None:  # an added fact: the changes become the fact
            fact = apply_changes(view.fact, changes)
            return store.decide(path, fid, "accepted", seen_rev, by, added=fact)
    sig = signature(view.section, view.drafted) if view.drafted is not None else None
    return store.decide(path, fid, state, seen_rev, by, changes=changes if state == "edited" else None,
                        signature=sig)


class InvalidFact(ReviewError):
    """An edited or added fact that does not validate: ``problems`` maps field → message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


def accept_rest(path: Path, section: str, by: str, out_dir: Path | None = None) -> dict[str, Any]:
    """Accept every undecided fact of one section (the reviewer saw them all right)."""
    review = open_review(path, out_dir, with_source=False, checked=False)
    items = [(f.id, f.rev, signature(f.section, f.drafted)) for f in review.facts
             if f.section == section and f.state == "undecided" and f.drafted is not None]
    return store.decide_many(path, items, "accepted", by) if items else {}


def check_fact(review: Review, section: str, fact: dict[str, Any], fid: str | None = None) -> dict[str, str]:
    """Problems of ``fact`` if it stood in the record in place of ``fid`` (or beside the others)."""
    if section not in SECTION_BY_NAME and section != DOCUMENT:
        raise ReviewError(f"no section {section!r}: one of {', '.join(SECTION_BY_NAME)}")
    current = _current_record(review)
    # the fact itself is left out by its id, not by its key: an edit may have changed its key
    defined = {s.name: {f.fact.get("key") for f in review.facts
                        if f.section == s.name and f.state != "rejected" and f.id != fid} for s in SECTIONS}
    problems = check(section, fact, current, defined)
    if fact.get("key") in defined.get(section, set()):
        problems.setdefault("key", f"another {section[:-1]} of this draft has the key {fact['key']!r}")
    return problems


def new_key(review: Review, section: str) -> str:
    """A key for a fact the reviewer adds: the document's id, the section's letter, random hex."""
    doc_id = str((review.record.get("document") or {}).get("id") or "draft").removeprefix("draft-")
    return f"{doc_id[:100]}-{section[0]}{secrets.token_hex(3)}"


def add_fact(path: Path, section: str, fact: dict[str, Any], by: str, out_dir: Path | None = None) -> str:
    """A fact the rules missed, added by the reviewer (accepted): its id."""
    review = open_review(path, out_dir, with_source=False, checked=False)
    fact = {k: v for k, v in fact.items() if v is not None and v != "" and v != []}
    fact.setdefault("key", new_key(review, section))
    problems = check_fact(review, section, fact)
    if problems:
        raise InvalidFact(problems)
    fid = fact_id(section, fact["key"])
    store.decide(path, fid, "accepted", 0, by, added=fact)
    return fid
