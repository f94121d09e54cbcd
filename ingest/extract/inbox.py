"""Folders and inboxes for `policykg extract`: which files, which draft each gets, and when to leave it alone.

A draft's header records the SHA-256 of its source and of its own YAML as written. A source whose draft
(or a later version of it) records the source's hash is up to date and skipped. A draft whose YAML no
longer matches its recorded hash has been edited by a reviewer: it is never overwritten; the new draft
is written beside it as NAME.v2.yaml (v3, …) and the run says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import regex

from policykg.errors import PolicyKGError
from policykg.ingest.extract import readers

SUPPORTED = tuple(ext for exts in readers.EXTENSIONS.values() for ext in exts) + readers.OLD_WORD
_SOURCE_SHA = regex.compile(r"^# source-sha256: ([0-9a-f]{64})$", regex.M)
_DRAFT_SHA = regex.compile(r"^# draft-sha256: ([0-9a-f]{64})$", regex.M)
_PARAGRAPH = regex.compile(r"¶(\d+)")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder gives every supported file below it (hidden ones aside), sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def target_for(path: Path, out_dir: Path, taken: set[Path]) -> Path:
    """NAME.yaml for NAME.pdf; NAME.pdf.yaml (NAME.pdf.2.yaml, …) when another source of the run has it."""
    target = out_dir / f"{path.stem}.yaml"
    n = 1
    while target in taken:
        target = out_dir / (f"{path.name}.yaml" if n == 1 else f"{path.name}.{n}.yaml")
        n += 1
    return target


def versions(target: Path) -> list[Path]:
    """The draft and the versions written beside it (NAME.v2.yaml, …)."""
    stem = target.name.removesuffix(".yaml")
    found = [p for p in target.parent.glob(f"{stem}.v*.yaml") if regex.fullmatch(rf"{regex.escape(stem)}\.v\d+\.yaml",
                                                                                 p.name)]
    return ([target] if target.exists() else []) + sorted(found, key=lambda p: int(p.name.rsplit(".v", 1)[1][:-5]))


def up_to_date(target: Path, source_sha: str) -> bool:
    """A draft (or a version beside it) was made from exactly these bytes."""
    for draft in versions(target):
        m = _SOURCE_SHA.search(_head(draft))
        if m and m.group(1) == source_sha:
            return True
    return False


def begun(target: Path) -> bool:
    """The draft exists and is no longer as `extract` wrote it (or does not say how it was written)."""
    if not target.exists():
        return False
    text = target.read_text(encoding="utf-8", errors="replace")
    m = _DRAFT_SHA.search(_head(target))
    _, _, body = text.partition("\n\n")
    return m is None or m.group(1) != hashlib.sha256(body.encode("utf-8")).hexdigest()


def next_version(target: Path) -> Path:
    """The first NAME.vN.yaml (N ≥ 2) that is free or still untouched by a reviewer."""
    stem = target.name.removesuffix(".yaml")
    n = 2
    while (candidate := target.with_name(f"{stem}.v{n}.yaml")).exists() and begun(candidate):
        n += 1
    return candidate


def _head(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as fh:
        return fh.read(8192).partition("\n\n")[0]


def seal(body: str, source: readers.SourceText, path: Path) -> str:
    """The draft with its source described and both hashes in the header (what up_to_date/begun read)."""
    head, _, yaml_part = body.partition("\n\n")
    lines = [f"# Source: {path.name}, read as {source.describe()}."]
    if source.format == "pdf":
        lines.append("# Locators: p.N ¶K = the K-th paragraph that starts on page N of the PDF.")
    elif source.format in ("html", "docx"):
        lines.append(f"# Locators: ¶N = the N-th paragraph (or table row) of the {source.format.upper()}'s main text.")
    lines.append(f"# source-sha256: {source.sha256}")
    lines.append(f"# draft-sha256: {hashlib.sha256(yaml_part.encode('utf-8')).hexdigest()}")
    return head + "\n" + "\n".join(lines) + "\n\n" + yaml_part


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def relocate(record: dict, locators: list[str]) -> None:
    """Every fact's ¶N locator as the reader located that paragraph (p.3 ¶2 for a PDF), in place."""
    if not locators:
        return

    def where(match: regex.Match) -> str:
        n = int(match.group(1))
        return locators[n - 1] if 0 < n <= len(locators) else match.group()

    for section in record.values():
        for item in section if isinstance(section, list) else []:
            if isinstance(item, dict) and isinstance(item.get("locator"), str):
                item["locator"] = _PARAGRAPH.sub(where, item["locator"])


def watch(run_once: Callable[[], str], interval: float, runs: int | None = None,
          log: Callable[[str], None] = print, sleep: Callable[[float], None] = time.sleep) -> int:
    """Run ``run_once`` every ``interval`` seconds (a scheduled inbox); a failed run is logged, not the end."""
    done = 0
    while runs is None or done < runs:
        stamp = dt.datetime.now().isoformat(timespec="seconds")
        try:
            log(f"{stamp} extract: {run_once()}")
        except PolicyKGError as exc:
            log(f"{stamp} extract failed: {exc}")
        done += 1
        if runs is None or done < runs:
            sleep(interval)
    return done
