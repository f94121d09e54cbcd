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
import gc
import hashlib
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from policykg.errors import Problem, UnknownName, ValidationFailed
from policykg.ingest.reader import (
    MAX_BYTES,
    FieldPath,
    RawRecord,
    ReadFailed,
    format_path,
    read_record,
    shorten,
)
from policykg.schema.reference import gazetteer, indicators, themes
from policykg.schema.sections import LINK_SECTIONS, SECTIONS, DocumentRecord
from policykg.schema.vocabulary import Label

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
    for document, found in validate_files(record_files(paths), today, allow_drafts):
        problems.extend(found)
        if document is not None:
            documents.append(document)
    problems.extend(_duplicate_ids([(d.path, d.id) for d in documents]))
    if problems:
        raise ValidationFailed(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    return documents


@dataclass(frozen=True)
class Unchanged:
    """A record file whose bytes hash to what a stored document was ingested from: not read again."""

    path: Path
    id: str


def content_hash(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def validate_changed(paths: Iterable[Path | str], stored: dict[str, str], today: dt.date | None = None,
                     allow_drafts: bool = True) -> tuple[list[ValidDocument], list[Unchanged]]:
    """Like validate_paths, but a file whose hash is in ``stored`` (hash → document id) is skipped unparsed.

    Hashing is a thousand times cheaper than parsing and validating, so a
    scheduled re-ingest of an unchanged corpus reads bytes and nothing more.
    Every other file is validated as before, and the set still fails as a
    whole (ValidationFailed, nothing written) on any problem in any of them,
    including a new file that reuses the id of an unchanged one. A file whose
    hash occurs twice is validated, so that the duplicate id is reported.
    """
    files = record_files(paths)
    hashes: dict[Path, str] = {}
    for path in files:
        if path.stat().st_size <= MAX_BYTES:  # a larger file was never ingested: validate_file says why
            hashes[path] = content_hash(path.read_bytes())
    seen_hashes = Counter(hashes.values())
    documents, unchanged, problems, changed = [], [], [], []
    for path in files:
        digest = hashes.get(path)
        if digest in stored and seen_hashes[digest] == 1:
            unchanged.append(Unchanged(path, stored[digest]))
        else:
            changed.append(path)
    for document, found in validate_files(changed, today, allow_drafts):
        problems.extend(found)
        if document is not None:
            documents.append(document)
    problems.extend(_duplicate_ids(sorted([(d.path, d.id) for d in documents] + [(u.path, u.id) for u in unchanged])))
    if problems:
        raise ValidationFailed(problems)
    return documents, unchanged


def _duplicate_ids(ids: list[tuple[Path, str]]) -> list[Problem]:
    """A problem for every file (in the order given) whose document id an earlier one declares."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path, doc_id in ids:
        if doc_id in seen:
            problems.append(Problem(str(path), None, "document.id", f"document id {doc_id!r} is also used by {seen[doc_id]}"))
        seen.setdefault(doc_id, path)
    return problems


#: Below this many files a pool of processes costs more to start than it saves.
PARALLEL_FROM = 32


def validate_files(files: list[Path], today: dt.date | None = None,
                   allow_drafts: bool = True) -> list[tuple[ValidDocument | None, list[Problem]]]:
    """validate_file for each file, in order; on every core when there are many.

    Parsing and model validation are pure CPU under the GIL, so only processes
    use the other cores; forked workers inherit the loaded reference data.
    """
    workers = min(os.cpu_count() or 1, 4)
    with without_cycle_collection():
        if len(files) < PARALLEL_FROM or workers < 2:
            return [validate_file(path, today, allow_drafts) for path in files]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(partial(validate_file, today=today, allow_drafts=allow_drafts), files, chunksize=8))


@contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused, in this process and the workers forked from it.

    Reading records allocates hundreds of thousands of objects that are
    freed by reference counting (none of them forms a cycle), and the
    validated documents pile up in the parent: each full collection walked all
    of them, and took 35-40% of a validation. Memory is unchanged: nothing
    here waits for the collector.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def validate_file(path: Path, today: dt.date | None = None,
                  allow_drafts: bool = True) -> tuple[ValidDocument | None, list[Problem]]:
    """The file's document, or every problem in it at once (schema, references, catalogue, units), by line."""
    try:
        raw = read_record(path)
    except ReadFailed as exc:
        return None, [exc.problem]
    if not isinstance(raw.data, dict):
        return None, [Problem(str(path), raw.line_of(()), "", "expected a mapping with a `document:` section at the top")]
    record, problems, places = _modelled(raw)
    if record is None:
        return None, problems
    checks = Checks(raw, places)
    codes, indicator_keys = checks.run(record, today or dt.date.today())
    problems = sorted(problems + checks.problems, key=lambda p: (p.line or 0, p.field))
    if record.document.draft and not allow_drafts:
        problems.insert(0, Problem(str(path), raw.line_of(("document", "draft")), "document.draft",
                                   "unreviewed draft from `policykg extract`: review every fact, then delete "
                                   "`draft: true`"))
    if problems:
        return None, problems
    return ValidDocument(path, record, content_hash(raw.content), codes, indicator_keys), []


#: Where each fact of a record checked without its refused facts stood in the file: (section, index) → index.
Places = dict[tuple[str, int], int]


def _modelled(raw: RawRecord) -> tuple[DocumentRecord | None, list[Problem], Places]:
    """The record, and the schema's problems; with those, the record without the facts the schema refused.

    The other checks then still run on the rest, so a file's problems come in
    one report rather than in rounds. None when the document itself is refused.
    """
    try:
        return DocumentRecord.model_validate(raw.data), [], {}
    except ValidationError as exc:
        errors = exc.errors()
    problems = [_model_problem(raw, error) for error in errors]
    refused = {(e["loc"][0], e["loc"][1]) for e in errors if len(e["loc"]) > 1 and isinstance(e["loc"][1], int)}
    data, places = dict(raw.data), {}
    for section in {name for name, _ in refused}:
        if not isinstance(data.get(section), list):
            return None, problems, {}
        kept = [i for i in range(len(data[section])) if (section, i) not in refused]
        places.update({(section, new): old for new, old in enumerate(kept)})
        data[section] = [data[section][i] for i in kept]
    try:
        return DocumentRecord.model_validate(data), problems, places
    except ValidationError:
        return None, problems, {}


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


class Checks:
    """The checks beyond the schema: keys, references, the indicator catalogue, units, regions, themes.

    Each check adds what it finds to ``problems`` and goes on, so every
    problem of a file is found in one pass. ``places`` maps the facts of a
    record checked without its refused facts back to their place in the file.
    """

    def __init__(self, raw: RawRecord, places: Places) -> None:
        self.raw, self.places, self.problems = raw, places, []
        self.defined: dict[str, set[str]] = {}
        self.resolved: dict[str, str] = {}

    def problem(self, loc: FieldPath, message: str) -> None:
        if len(loc) > 1 and (loc[0], loc[1]) in self.places:
            loc = (loc[0], self.places[(loc[0], loc[1])], *loc[2:])
        self.problems.append(Problem(str(self.raw.path), self.raw.line_of(loc), format_path(loc), message))

    def run(self, record: DocumentRecord, today: dt.date) -> tuple[dict[str, str], dict[str, str]]:
        """Every check; the region codes and catalogue keys the references resolved to."""
        if record.document.published is not None and record.document.published > today:
            self.problem(("document", "published"), f"publication date {record.document.published} is in the future")
        self.keys(record)
        self.references(record)
        _link_section_problems(record, self.defined, self.problem)
        _unit_problems(record, self.resolved, self.problem)
        codes = self.regions(record)
        self.themes(record)
        return codes, self.resolved

    def keys(self, record: DocumentRecord) -> None:
        """Each key once per section; the publisher and local indicators defined where they should be."""
        for section in SECTIONS:
            keys: set[str] = set()
            for index, fact in enumerate(getattr(record, section.name)):
                if fact.key in keys:
                    self.problem((section.name, index, "key"), f"key {fact.key!r} is defined twice in {section.name}")
                keys.add(fact.key)
            # a fact the schema refused still defines its key: a reference to it is not a second problem
            listed = self.raw.data.get(section.name)
            keys |= {f["key"] for f in listed if isinstance(f, dict) and isinstance(f.get("key"), str)} \
                if isinstance(listed, list) else set()
            self.defined[section.name] = keys
        publisher = record.document.publisher
        if publisher is not None and publisher not in self.defined["organizations"]:
            self.problem(("document", "publisher"), f"{publisher!r} is not defined in organizations of this document")
        for index, indicator in enumerate(record.indicators):
            if indicator.key in indicators().indicators:
                self.problem(("indicators", index, "key"), f"indicator {indicator.key!r} is in the indicator "
                             "catalogue: refer to it by key or alias and delete this definition")

    def references(self, record: DocumentRecord) -> None:
        """Every reference names a fact of this document, or (indicators) one of the catalogue."""
        catalogue = indicators()
        for section in SECTIONS:
            for link in (link for link in section.links if link.refers_to is not None):
                for index, fact in enumerate(getattr(record, section.name)):
                    ref = getattr(fact, link.field)
                    if ref is None or ref in self.defined[link.refers_to]:
                        continue
                    entry = catalogue.find(ref) if link.catalogue else None
                    if entry is not None:
                        self.resolved[ref] = entry.key
                        continue
                    message = f"{ref!r} is not defined in {link.refers_to} of this document"
                    if link.catalogue:
                        close = difflib.get_close_matches(ref, sorted(self.defined[link.refers_to]), n=2, cutoff=0.5)
                        close += [n for n in catalogue.lookup.closest(ref, 3) if n not in close]
                        message += " nor in the indicator catalogue" + (
                            f"; closest: {', '.join(close)}" if close else " (`policykg schema indicators` lists it)")
                    self.problem((section.name, index, link.field), message)

    def regions(self, record: DocumentRecord) -> dict[str, str]:
        codes: dict[str, str] = {}
        for loc, name in _region_refs(record):
            if name in codes:
                continue
            try:
                codes[name] = gazetteer().resolve(name).code
            except UnknownName as exc:
                self.problem(loc, str(exc))
        return codes

    def themes(self, record: DocumentRecord) -> None:
        known = themes().themes
        for section, link in _links_to(Label.THEME):
            for index, fact in enumerate(getattr(record, section)):
                for position, theme in enumerate(getattr(fact, link)):
                    if theme not in known:
                        close = themes().lookup.closest(theme, 3)
                        hint = f"; closest: {', '.join(close)}" if close else ""
                        self.problem((section, index, link, position), f"unknown theme {theme!r}{hint}")


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
            if getattr(fact, "change", None) is not None:  # a change is not a level of the indicator
                _change_problem(fact, (section, index), problem)
                continue
            key = resolved.get(ref, ref)
            kind = entries[key].kind if key in entries else own.get(key, (None, None))[0]
            if kind == "share" and fact.unit != "%":
                problem((section, index, "unit"), f"{key!r} is a share: give the value in per cent (unit: \"%\"), "
                        f"not {fact.unit!r}")
            elif fact.unit == "%" and kind in ("level", "count", "rank"):
                problem((section, index, "indicator"), f"a percentage on {key!r}, which is a {kind}: track the "
                        "share indicator it is a percentage of (e.g. cn-digital-economy-va-share-gdp)")


#: The unit each kind of change is stated in (an increase may be in 个百分点, 亿元, 个…).
CHANGE_UNITS = {"multiple": "倍", "annual_growth": "%"}


def _change_problem(fact, loc: FieldPath, problem) -> None:  # type: ignore[no-untyped-def]
    """翻一番 is 2 倍 and 年均增长10% is 10 %: another unit would be read as something else."""
    unit = CHANGE_UNITS.get(fact.change)
    if unit is not None and fact.unit != unit:
        problem((*loc, "unit"), f"a change {fact.change!r} is stated in {unit!r}, not {fact.unit!r}")


def _link_section_problems(record: DocumentRecord, defined: dict[str, set[str]], problem) -> None:  # type: ignore[no-untyped-def]
    """Policy links: keys once, both ends defined in this document, no policy linked to itself, no link twice."""
    for section in LINK_SECTIONS:
        keys: set[str] = set()
        seen: set[tuple[str, str, str]] = set()
        for index, fact in enumerate(getattr(record, section.name)):
            if fact.key in keys:
                problem((section.name, index, "key"), f"key {fact.key!r} is defined twice in {section.name}")
            keys.add(fact.key)
            ends = (getattr(fact, section.start), getattr(fact, section.end))
            for name, ref in zip((section.start, section.end), ends, strict=True):
                if ref not in defined[section.refers_to]:
                    problem((section.name, index, name), f"{ref!r} is not defined in {section.refers_to} of this "
                            "document (restate the cited policy there, under its shared key)")
            if ends[0] == ends[1]:
                problem((section.name, index, section.end), f"{ends[0]!r} cannot {getattr(fact, section.kind)} "
                        "itself")
            link = (ends[0], getattr(fact, section.kind), ends[1])
            if link in seen:
                problem((section.name, index), f"{link[0]} {link[1]} {link[2]} is stated twice")
            seen.add(link)


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
