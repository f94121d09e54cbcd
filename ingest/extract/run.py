"""Files in, drafts and predictions out; and the corpus score. What `policykg extract` calls."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from policykg.errors import PolicyKGError, Problem, ValidationFailed
from policykg.ingest.extract import draft, predictions
from policykg.ingest.extract.indicators import IndicatorMatcher
from policykg.ingest.extract.normalise import MAX_BYTES, ExtractError, decode
from policykg.ingest.extract.pipeline import extract
from policykg.ingest.reader import MAX_BYTES as RECORD_MAX_BYTES


@dataclass(frozen=True)
class Written:
    source: Path
    draft: Path | None
    figures: int
    targets: int
    policies: int
    regions: int


def read_text(path: Path) -> str:
    if not path.exists():
        raise ExtractError(f"{path}: no such file")
    if path.is_dir():
        raise ExtractError(f"{path}: is a folder, not a text file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ExtractError(f"{path}: {size / 1e6:.1f} MB of text is above the {MAX_BYTES / 1e6:.0f} MB limit "
                           "for one document; split it into its documents")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    return decode(data, str(path))


def load_meta(path: Path | None) -> dict[str, dict[str, str]]:
    """A YAML mapping file name → {title, publisher, published, url} (as the corpus's analysts give it)."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PolicyKGError(f"{path}: cannot read the indicator catalogue: {str(exc).splitlines()[0]}") from None
    entries = data.get("indicators") if isinstance(data, dict) else data
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "key" in e and "name_zh" in e for e in entries):
        raise PolicyKGError(f"{path}: expected a list of indicators with key and name_zh (or an `indicators:` list)")
    return entries


def extract_files(paths: list[Path], out_dir: Path | None, prediction_file: Path | None = None,
                  overrides: dict[str, str] | None = None, meta_file: Path | None = None,
                  catalogue: list[dict] | None = None, today: dt.date | None = None) -> list[Written]:
    """Draft every readable text; ValidationFailed (one problem per bad file) after writing the rest."""
    meta_by_name = load_meta(meta_file)
    matcher = IndicatorMatcher(catalogue)
    problems: list[Problem] = []
    written: list[Written] = []
    preds: dict[str, dict] = {}
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in paths:
        try:
            text = read_text(path)
        except ExtractError as exc:
            problems.append(Problem(str(path), None, "", str(exc).removeprefix(f"{path}: ")))
            continue
        meta = {**meta_by_name.get(path.name, {}), **{k: v for k, v in (overrides or {}).items() if v}}
        try:
            ex = extract(text, path.name, meta, today)
        except ExtractError as exc:
            problems.append(Problem(str(path), None, "", str(exc).removeprefix(f"{path.name}: ")))
            continue
        record, notes = draft.build(ex, matcher)
        # where the text is and what it was, so that a review shows it and notices when it changes
        record["document"]["source_path"] = str(path.resolve())
        record["document"]["source_sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        target = None
        if out_dir is not None:
            try:
                body = draft.to_yaml(record, notes, path.name, today)
            except ExtractError as exc:
                problems.append(Problem(str(path), None, "", str(exc).removeprefix(f"{path.name}: ")))
                continue
            if len(body.encode("utf-8")) > RECORD_MAX_BYTES:
                problems.append(Problem(str(path), None, "", f"its draft would be {len(body.encode()) / 1e6:.1f} MB, "
                                        f"above the record limit of {RECORD_MAX_BYTES / 1e6:.1f} MB; split the text"))
                continue
            target = out_dir / f"{path.stem}.yaml"
            target.write_text(body, encoding="utf-8")
        preds[path.name] = predictions.entry(ex)
        written.append(Written(path, target, len(ex.figures), len(record["targets"]), len(record["policies"]),
                               len(record["regions"])))
    if prediction_file is not None:
        prediction_file.parent.mkdir(parents=True, exist_ok=True)
        prediction_file.write_text(yaml.safe_dump({"files": preds}, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    if problems:
        raise ValidationFailed(problems)
    return written


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
