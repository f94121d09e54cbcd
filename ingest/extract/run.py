"""Files in, drafts and predictions out; and the corpus score. What `policykg extract` calls."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from policykg.errors import PolicyKGError, Problem, ValidationFailed
from policykg.ingest.extract import draft, inbox, predictions, readers
from policykg.ingest.extract.indicators import IndicatorMatcher
from policykg.ingest.extract.normalise import ExtractError
from policykg.ingest.extract.pipeline import extract
from policykg.ingest.reader import MAX_BYTES as RECORD_MAX_BYTES
from policykg.schema.reference import load_yaml


@dataclass(frozen=True)
class Written:
    source: Path
    draft: Path | None
    figures: int
    targets: int
    policies: int
    regions: int
    beside: Path | None = None  # the reviewed draft this new version was written beside


@dataclass
class Outcome:
    """What a run did: drafts written, sources skipped as up to date, and one problem per bad file."""

    written: list[Written] = field(default_factory=list)
    skipped: list[tuple[Path, Path]] = field(default_factory=list)  # (source, its up-to-date draft)
    problems: list[Problem] = field(default_factory=list)


def load_meta(path: Path | None) -> dict[str, dict[str, str]]:
    """A YAML mapping file name → {title, publisher, published, url} (as the corpus's analysts give it)."""
    if path is None:
        return {}
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyKGError(f"{path}: cannot read metadata: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise PolicyKGError(f"{path}: metadata must map file names to fields")
    return {str(k): {f: str(v) for f, v in (v or {}).items()} for k, v in data.items()}


def load_catalogue(path: Path | None) -> list[dict]:
    """An indicator catalogue: a YAML list of entries, or a mapping with an `indicators:` list.

    Without a path, the project's own (schema/reference_data/indicators.yaml), so that drafts name the
    indicators that records and queries share instead of declaring look-alikes.
    """
    if path is None:
        from policykg.schema.reference import indicators

        return [entry.model_dump() for entry in indicators().indicators.values()]
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyKGError(f"{path}: cannot read the indicator catalogue: {str(exc).splitlines()[0]}") from None
    entries = data.get("indicators") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "key" in e and "name_zh" in e for e in entries):
        raise PolicyKGError(f"{path}: expected a list of indicators with key and name_zh (or an `indicators:` list)")
    return entries


def extract_files(paths: list[Path], out_dir: Path | None, prediction_file: Path | None = None,
                  overrides: dict[str, str] | None = None, meta_file: Path | None = None,
                  catalogue: list[dict] | None = None, today: dt.date | None = None) -> list[Written]:
    """Draft every readable document; ValidationFailed (one problem per bad file) after writing the rest."""
    outcome = extract_paths(paths, out_dir, prediction_file, overrides, meta_file, catalogue, today, skip=False)
    if outcome.problems:
        raise ValidationFailed(outcome.problems)
    return outcome.written


def extract_paths(paths: list[Path], out_dir: Path | None, prediction_file: Path | None = None,
                  overrides: dict[str, str] | None = None, meta_file: Path | None = None,
                  catalogue: list[dict] | None = None, today: dt.date | None = None,
                  skip: bool = True) -> Outcome:
    """Draft every supported file of ``paths`` (folders walked); a bad file is a problem, never the end.

    With ``skip``, a source whose draft records its SHA-256 is left alone; a draft a reviewer has begun
    is never overwritten (inbox.py)."""
    meta_by_name = load_meta(meta_file)
    matcher = IndicatorMatcher(catalogue)
    outcome = Outcome()
    preds: dict[str, dict] = {}
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[Path] = set()
    for path in inbox.expand(paths):
        try:
            _one(path, out_dir, meta_by_name, overrides, matcher, today, skip, taken, outcome, preds)
        except ExtractError as exc:
            outcome.problems.append(Problem(str(path), None, "", _located(str(exc), path)))
    if prediction_file is not None:
        prediction_file.parent.mkdir(parents=True, exist_ok=True)
        prediction_file.write_text(yaml.safe_dump({"files": preds}, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    return outcome


def _located(message: str, path: Path) -> str:
    return message.removeprefix(f"{path}: ").removeprefix(f"{path.name}: ")


def _one(path: Path, out_dir: Path | None, meta_by_name: dict, overrides: dict[str, str] | None,
         matcher: IndicatorMatcher, today: dt.date | None, skip: bool, taken: set[Path], outcome: Outcome,
         preds: dict[str, dict]) -> None:
    """Read, extract and draft one file (ExtractError for a file that cannot be)."""
    target = inbox.target_for(path, out_dir, taken) if out_dir is not None else None
    if skip and target is not None and inbox.versions(target):
        digest = inbox.file_sha256(path)
        if digest is not None and inbox.up_to_date(target, digest):
            taken.add(target)
            outcome.skipped.append((path, target))
            return
    source = readers.read(path)
    given = {**meta_by_name.get(path.name, {}), **{k: v for k, v in (overrides or {}).items() if v}}
    meta, notes = page_meta(source, given)
    ex = extract(source.text, path.name, meta, today, source.matching)
    record, draft_notes = draft.build(ex, matcher)
    # where the text is and what it was, so that a review shows it and notices when it changes
    record["document"]["source_path"] = str(path.resolve())
    record["document"]["source_sha256"] = source.sha256
    inbox.relocate(record, source.locators)
    beside = None
    if target is not None:
        body = inbox.seal(draft.to_yaml(record, notes + draft_notes, path.name, today), source, path)
        if len(body.encode("utf-8")) > RECORD_MAX_BYTES:
            raise ExtractError(f"its draft would be {len(body.encode()) / 1e6:.1f} MB, above the record limit "
                               f"of {RECORD_MAX_BYTES / 1e6:.1f} MB; split the text")
        if inbox.begun(target):
            beside, target = target, inbox.next_version(target)
        taken.add(target)
        target.write_text(body, encoding="utf-8")
    preds[path.name] = predictions.entry(ex)
    outcome.written.append(Written(path, target, len(ex.figures), len(record["targets"]), len(record["policies"]),
                                   len(record["regions"]), beside))


def page_meta(source: readers.SourceText, given: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The metadata to extract with: what the user gave (--meta, options) first, then what the page says;
    a note for each value taken from the page, saying where it was read."""
    meta = dict(given)
    notes = []
    for key, said in source.meta.items():
        if not meta.get(key):
            meta[key] = said.value
            notes.append(f"{key}: {said.value} (read from {said.where})")
    return meta, notes


def score_corpus(corpus: Path, meta_file: Path | None = None, catalogue: list[dict] | None = None) -> str:
    """Extract every text of a scored corpus (score.py + gold.yaml + *.txt) and return score.py's reports,
    default matching and --match kind,period."""
    corpus = corpus.resolve()
    scorer = corpus / "score.py"
    if not scorer.is_file() or not (corpus / "gold.yaml").is_file():
        raise PolicyKGError(f"{corpus}: no score.py and gold.yaml there (the development corpus)")
    texts = sorted(corpus.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.yaml"
        extract_files(texts, Path(tmp) / "drafts", pred, meta_file=meta_file, catalogue=catalogue)
        reports = []
        for label, extra in (("value + unit + region", []), ("--match kind,period", ["--match", "kind,period"])):
            done = subprocess.run([sys.executable, str(scorer), str(pred), *extra], capture_output=True,
                                  text=True, cwd=corpus)
            if done.returncode != 0:
                raise PolicyKGError(f"score.py failed: {(done.stderr or done.stdout).strip().splitlines()[-1]}")
            reports.append(f"== figures matched on {label}\n{done.stdout.rstrip()}")
    return "\n\n".join(reports)
