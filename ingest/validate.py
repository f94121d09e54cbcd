"""Validate record files completely before anything is written.

Three layers, each reporting every problem it finds with file, line and field:
the file itself (size, encoding, YAML), the record models (types, ranges), and
the document as a whole (keys defined once, references defined, regions,
themes and catalogue indicators known to the reference data, a percentage
only on a share or growth indicator, publication date not in the future).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from policykg.ingest.reader import (
    FieldPath,
    RawRecord,
    ReadFailed,
    format_path,
    read_record,
    shorten,
)
from policykg.schema.reference import gazetteer, indicators, themes
from policykg.schema.sections import SECTIONS, DocumentRecord
from policykg.schema.vocabulary import Label
from pydantic import ValidationError

from policykg.errors import Problem, UnknownName, ValidationFailed

RECORD_SUFFIXES = (".yaml", ".yml")

@dataclass(frozen=True)
class ValidDocument:
    """A record that passed every check, with its region names resolved to codes."""

    path: Path
    record: DocumentRecord
    content_hash: str
    region_codes: dict[str, str]
    indicator_keys: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.record.document.id

    def code(self, region: str | None) -> str | None:
        return self.region_codes[region] if region is not None else None

    def indicator_key(self, ref: str | None) -> str | None:
        """The key an `indicator:` field names: this document's own key, or a catalogue entry's."""
        return self.indicator_keys.get(ref, ref) if ref is not None else None


def record_files(paths: Iterable[Path | str]) -> list[Path]:
    """Record files named directly or found (recursively) in directories, sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.suffix in RECORD_SUFFIXES and p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise ValidationFailed([Problem(str(path), None, "", "no such file or directory")])
    return found


def validate_paths(paths: Iterable[Path | str], today: dt.date | None = None,
                   allow_drafts: bool = True) -> list[ValidDocument]:
    """Every record under ``paths``, or ValidationFailed listing every problem in every file.

    ``allow_drafts=False`` (what ingest asks for) also refuses unreviewed drafts
    from the extractor, so nothing a person has not checked reaches the graph.
    """
    documents, problems = [], []
    for path in record_files(paths):
        document, found = validate_file(path, today, allow_drafts)
        problems.extend(found)
        if document is not None:
            documents.append(document)
    seen: dict[str, Path] = {}
    for document in documents:
        if document.id in seen:
            problems.append(Problem(str(document.path), None, "document.id",
                                    f"document id {document.id!r} is also used by {seen[document.id]}"))
        seen.setdefault(document.id, document.path)
    if problems:
        raise ValidationFailed(problems)
    return documents


def validate_file(path: Path, today: dt.date | None = None,
                  allow_drafts: bool = True) -> tuple[ValidDocument | None, list[Problem]]:
    try:
        raw = read_record(path)
    except ReadFailed as exc:
        return None, [exc.problem]
    if not isinstance(raw.data, dict):
        return None, [Problem(str(path), raw.line_of(()), "", "expected a mapping with a `document:` section at the top")]
    try:
        record = DocumentRecord.model_validate(raw.data)
    except ValidationError as exc:
        return None, [_model_problem(raw, error) for error in exc.errors()]
    problems, codes, indicator_keys = _document_problems(raw, record, today or dt.date.today())
    if record.document.draft and not allow_drafts:
        problems.insert(0, Problem(str(path), raw.line_of(("document", "draft")), "document.draft",
                                   "unreviewed draft from `policykg extract`: review every fact, then delete "
                                   "`draft: true`"))
    if problems:
        return None, problems
    digest = hashlib.sha256(raw.content).hexdigest()
    return ValidDocument(path, record, digest, codes, indicator_keys), []


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _model_problem(raw: RawRecord, error: dict) -> Problem:
    loc: FieldPath = tuple(error["loc"])
    message = error["msg"]
    if error["type"] not in ("missing", "extra_forbidden") and "input" in error:
        message += f" (got {shorten(repr(error['input']))})"
        if error["type"] == "date_type" and isinstance(error["input"], str) and _ISO_DATE.match(error["input"]):
            message += "; drop the quotes: YAML reads a quoted date as text"
    if error["type"] == "extra_forbidden":
        message = "unknown field (check its spelling against `policykg schema export`)"
    return Problem(str(raw.path), raw.line_of(loc), format_path(loc), message)


def _document_problems(raw: RawRecord, record: DocumentRecord,
                       today: dt.date) -> tuple[list[Problem], dict[str, str], dict[str, str]]:
    problems: list[Problem] = []

    def problem(loc: FieldPath, message: str) -> None:
        problems.append(Problem(str(raw.path), raw.line_of(loc), format_path(loc), message))

    if record.document.published > today:
        problem(("document", "published"), f"publication date {record.document.published} is in the future")

    defined: dict[str, set[str]] = {}
    for section in SECTIONS:
        keys: set[str] = set()
        for index, fact in enumerate(getattr(record, section.name)):
            if fact.key in keys:
                problem((section.name, index, "key"), f"key {fact.key!r} is defined twice in {section.name}")
            keys.add(fact.key)
        defined[section.name] = keys

    publisher = record.document.publisher
    if publisher is not None and publisher not in defined["organizations"]:
        problem(("document", "publisher"), f"{publisher!r} is not defined in organizations of this document")
    catalogue = indicators()
    for index, indicator in enumerate(record.indicators):
        if indicator.key in catalogue.indicators:
            problem(("indicators", index, "key"), f"indicator {indicator.key!r} is in the indicator catalogue: "
                    "refer to it by key or alias and delete this definition")
    resolved: dict[str, str] = {}
    for section in SECTIONS:
        for link in section.links:
            if link.refers_to is None:
                continue
            for index, fact in enumerate(getattr(record, section.name)):
                ref = getattr(fact, link.field)
                if ref is None or ref in defined[link.refers_to]:
                    continue
                entry = catalogue.find(ref) if link.catalogue else None
                if entry is not None:
                    resolved[ref] = entry.key
                    continue
                message = f"{ref!r} is not defined in {link.refers_to} of this document"
                if link.catalogue:
                    close = difflib.get_close_matches(ref, sorted(defined[link.refers_to]), n=2, cutoff=0.5)
                    close += [n for n in catalogue.lookup.closest(ref, 3) if n not in close]
                    message += " nor in the indicator catalogue" + (f"; closest: {', '.join(close)}" if close else
                                                                    " (`policykg schema indicators` lists it)")
                problem((section.name, index, link.field), message)
    _unit_problems(record, resolved, problem)

    codes: dict[str, str] = {}
    for loc, name in _region_refs(record):
        if name in codes:
            continue
        try:
            codes[name] = gazetteer().resolve(name).code
        except UnknownName as exc:
            problem(loc, str(exc))

    known = themes().themes
    for section, link in _links_to(Label.THEME):
        for index, fact in enumerate(getattr(record, section)):
            for position, theme in enumerate(getattr(fact, link)):
                if theme not in known:
                    close = themes().lookup.closest(theme, 3)
                    hint = f"; closest: {', '.join(close)}" if close else ""
                    problem((section, index, link, position), f"unknown theme {theme!r}{hint}")
    return problems, codes, resolved


def _unit_problems(record: DocumentRecord, resolved: dict[str, str], problem) -> None:  # type: ignore[no-untyped-def]
    """A share is stated in per cent, and a percentage sits only on a share or a growth rate.

    Otherwise a target of 30 (%) would be set beside a figure of 5076 亿元
    and compared as if the two measured the same thing.
    """
    own = {i.key: (i.kind, i.unit) for i in record.indicators}
    entries = indicators().indicators
    for section in ("targets", "observations"):
        for index, fact in enumerate(getattr(record, section)):
            ref = fact.indicator
            if ref is None or fact.value is None:
                continue
            key = resolved.get(ref, ref)
            kind = entries[key].kind if key in entries else own.get(key, (None, None))[0]
            if kind == "share" and fact.unit != "%":
                problem((section, index, "unit"), f"{key!r} is a share: give the value in per cent (unit: \"%\"), "
                        f"not {fact.unit!r}")
            elif fact.unit == "%" and kind in ("level", "count", "rank"):
                problem((section, index, "indicator"), f"a percentage on {key!r}, which is a {kind}: track the "
                        "share indicator it is a percentage of (e.g. cn-digital-economy-va-share-gdp)")


def _region_refs(record: DocumentRecord) -> list[tuple[FieldPath, str]]:
    refs: list[tuple[FieldPath, str]] = [(("regions", i), name) for i, name in enumerate(record.regions)]
    for section, link in _links_to(Label.REGION):
        for index, fact in enumerate(getattr(record, section)):
            region = getattr(fact, link)
            if region is not None:
                refs.append(((section, index, link), region))
    return refs


def _links_to(label: Label) -> list[tuple[str, str]]:
    """(section, field) of every link field that names a node of ``label``."""
    return [(s.name, link.field) for s in SECTIONS for link in s.links if link.node is label]
