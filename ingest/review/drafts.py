"""The drafts in the folders a review serves, and safe names for them.

A draft's name is ``<folder number>/<path inside that folder>``; a name is
resolved only to a YAML file inside its folder (no ``..``, no link out of it),
so a request cannot reach any other file. The list is read again on every
call, so drafts that `extract --watch` writes appear without a restart.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from policykg.errors import ReviewError
from policykg.ingest.review import decisions as store
from policykg.ingest.review.facts import card_id, reviewable

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class DraftSummary:
    name: str
    path: Path
    title: str
    source: str | None
    decided: int
    total: int
    state: str  # new, in review, published
    mtime: float


class Drafts:
    def __init__(self, folders: list[Path]):
        self.folders = [Path(f).resolve() for f in folders]
        for folder in self.folders:
            if not folder.is_dir():
                raise ReviewError(f"{folder}: no such folder of drafts")

    def resolve(self, name: str) -> Path:
        """The draft file a name stands for; ReviewError for anything outside the served folders."""
        number, _, rel = name.partition("/")
        parts = PurePosixPath(rel).parts
        if not number.isdigit() or int(number) >= len(self.folders) or not parts or ".." in parts \
                or rel.startswith("/") or "\\" in rel or "\x00" in rel:
            raise ReviewError(f"no draft {name!r}")
        folder = self.folders[int(number)]
        path = (folder / rel).resolve()
        if not path.is_relative_to(folder) or path.suffix not in SUFFIXES or not path.is_file():
            raise ReviewError(f"no draft {name!r}")
        return path

    def name_of(self, path: Path) -> str:
        path = path.resolve()
        for number, folder in enumerate(self.folders):
            if path.is_relative_to(folder):
                return f"{number}/{path.relative_to(folder).as_posix()}"
        raise ReviewError(f"{path} is not in a served folder")

    def list(self) -> list[DraftSummary]:
        """Every draft (document.draft: true), newest first."""
        out = []
        for number, folder in enumerate(self.folders):
            for path in sorted(p for p in folder.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
                summary = _summary(f"{number}/{path.relative_to(folder).as_posix()}", path)
                if summary is not None:
                    out.append(summary)
        return sorted(out, key=lambda d: (-d.mtime, d.name))


def _summary(name: str, path: Path) -> DraftSummary | None:
    from policykg.ingest.review.session import read_draft

    try:
        record, content = read_draft(path)
    except ReviewError:
        return None
    doc = record["document"]
    if doc.get("draft") is not True:
        return None
    try:
        data = store.read(path)
    except ReviewError:
        data = store.empty()
    ids = {card_id(s, f) for s, f in reviewable(record)}
    same = data.get("draft_sha256") == hashlib.sha256(content).hexdigest()
    entries = data["decisions"]
    added = sum(1 for e in entries.values() if e.get("added") is not None)
    decided = sum(1 for fid in ids if fid in entries) + added if same else 0
    published = data.get("published") or {}
    if same and published.get("draft_sha256") == data.get("draft_sha256"):
        state = "published"
    elif entries:
        state = "in review"
    else:
        state = "new"
    return DraftSummary(name, path, str(doc.get("title_zh") or doc.get("title_en") or path.stem),
                        doc.get("source_path"), decided, len(ids) + added, state, path.stat().st_mtime)
