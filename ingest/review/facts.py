"""Facts of a record, generically from schema/sections.py: ids, cards in plain words, form fields, checks.

Nothing here names a section: a section added to SECTIONS (measures, projects,
policy links, …) gets cards, forms and checks without a change here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import ValidationError

from policykg.errors import UnknownName
from policykg.schema.models import DocumentMeta
from policykg.schema.reference import gazetteer, indicators
from policykg.schema.sections import SECTIONS, Section
from policykg.schema.vocabulary import Label

#: Sections by their name in a record file.
SECTION_BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}

#: The document's own card: its metadata (title, English title, date, publisher), which the
#: extractor may have guessed, is reviewed like a fact, though it cannot be rejected.
DOCUMENT = "document"
#: Document fields the review sets itself (not in the form).
DOCUMENT_SET = ("draft", "guessed", "source_path", "source_sha256", "reviewed_by", "reviewed_on")

#: Fields that say where a document states a fact, not what it states (left out of a signature).
WHERE_FIELDS = ("key", "locator", "extracted")


def fact_id(section: str, key: str) -> str:
    return f"{section}/{key}"


def iter_facts(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(section name, fact) for every fact of a record, in SECTIONS order."""
    return [(s.name, fact) for s in SECTIONS for fact in record.get(s.name) or [] if isinstance(fact, dict)]


def reviewable(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """What a reviewer decides on: the document's card, then every fact."""
    document = record.get(DOCUMENT)
    return ([(DOCUMENT, document)] if isinstance(document, dict) else []) + iter_facts(record)


def card_id(section: str, fact: dict[str, Any]) -> str:
    return fact_id(section, str(fact.get("id" if section == DOCUMENT else "key", "")))


def signature(section: str, fact: dict[str, Any]) -> str:
    """What a fact states, independent of its key and paragraph number (which move when a text is edited)."""
    skip = WHERE_FIELDS + (DOCUMENT_SET if section == DOCUMENT else ())
    body = {k: v for k, v in fact.items() if k not in skip}
    text = json.dumps([section, body], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def apply_changes(fact: dict[str, Any], changes: dict[str, Any] | None) -> dict[str, Any]:
    """The fact with a reviewer's changed fields (None or "" removes a field)."""
    out = dict(fact)
    for name, value in (changes or {}).items():
        if value is None or value == "" or value == []:
            out.pop(name, None)
        else:
            out[name] = value
    return out


def _label(section: Section) -> str:
    return section.label.value.lower()


def _indicator_name(ref: str | None, record: dict[str, Any]) -> str | None:
    if ref is None:
        return None
    own = next((i for i in record.get("indicators") or [] if i.get("key") == ref), None)
    if own is not None:
        return own.get("name_zh") or ref
    entry = indicators().find(ref)
    return entry.name_zh if entry is not None else ref


_COMPARATOR_WORDS = {"=": ""}


def card_text(section: str, fact: dict[str, Any], record: dict[str, Any]) -> str:
    """A fact in plain words: 浙江 · 数字经济增加值占GDP比重 · ≥ 60% · 2025 · target."""
    if section == DOCUMENT:
        guessed = f"guessed: {', '.join(fact['guessed'])}" if fact.get("guessed") else ""
        parts = [fact.get("title_zh") or fact.get("title_en"), fact.get("publisher_zh"), fact.get("published"),
                 guessed, "document"]
        return " · ".join(str(p) for p in parts if p)
    parts: list[str] = []
    for name in ("region", "title_zh", "name_zh"):
        if fact.get(name):
            parts.append(str(fact[name]))
    if "indicator" in fact:
        name = _indicator_name(fact.get("indicator"), record)
        if name and name not in parts:
            parts.append(name)
    if fact.get("value") is not None:
        comparator = _COMPARATOR_WORDS.get(fact.get("comparator") or "=", fact.get("comparator") or "")
        value = fact["value"]
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        parts.append(f"{comparator + ' ' if comparator else ''}{shown}{fact.get('unit') or ''}")
    for name in ("yoy_change_pct", "share_pct"):
        if fact.get(name) is not None:
            parts.append(f"{'growth' if name.startswith('yoy') else 'share'} {fact[name]:g}%")
    for name in ("value_text", "deadline", "period", "year", "count", "kind", "status", "unit"):
        value = fact.get(name)
        if value is not None and value != "" and not (name == "unit" and fact.get("value") is not None):
            if not (name == "year" and str(value) == str(fact.get("period"))):
                parts.append(str(value))
    parts.append(_label(SECTION_BY_NAME[section]))
    return " · ".join(dict.fromkeys(parts))


@dataclass(frozen=True)
class FieldSpec:
    """One field of a fact's form: its widget, its choices, whether it must be given."""

    name: str
    widget: str  # text, number, integer, bool, choice, list, region, indicator, ref
    required: bool
    choices: tuple[str, ...] = ()
    refers_to: str | None = None
    description: str = ""


def _types(schema: dict[str, Any]) -> tuple[set[str], list[Any]]:
    """JSON types and enum values of a property (through anyOf with null)."""
    options = schema.get("anyOf") or [schema]
    types, enum = set(), []
    for option in options:
        if "enum" in option:
            enum += option["enum"]
        if "const" in option:
            enum.append(option["const"])
        if "type" in option:
            types.add(option["type"])
    return types - {"null"}, enum


def _model(section: str) -> tuple[type, dict[str, Any]]:
    """The model of a section's facts (DocumentMeta for the document's card) and its links by field."""
    if section == DOCUMENT:
        return DocumentMeta, {}
    sec = SECTION_BY_NAME[section]
    return sec.model, {link.field: link for link in sec.links}


def as_dates(section: str, fact: dict[str, Any]) -> dict[str, Any]:
    """A fact with its date fields as dates (forms and the decisions file carry them as ISO text)."""
    out = dict(fact)
    for spec in field_specs(section):
        if spec.widget == "date" and isinstance(out.get(spec.name), str):
            try:
                out[spec.name] = dt.date.fromisoformat(out[spec.name])
            except ValueError:
                pass  # left as text: the model's check names the field
    return out


@cache
def field_specs(section: str) -> tuple[FieldSpec, ...]:
    """The form of a section's facts, read from its model's JSON Schema and its links."""
    model, links = _model(section)
    schema = model.model_json_schema()
    out = []
    for name, prop in schema["properties"].items():
        if name == "extracted" or section == DOCUMENT and name in DOCUMENT_SET:
            continue
        types, enum = _types(prop)
        link = links.get(name)
        if link is not None and link.node is Label.REGION:
            widget = "region"
        elif link is not None and link.catalogue:
            widget = "indicator"
        elif link is not None and link.refers_to:
            widget = "ref"
        elif enum:
            widget = "choice"
        elif any(option.get("format") == "date" for option in prop.get("anyOf") or [prop]):  # a date, or none
            widget = "date"
        elif "array" in types:
            widget = "list"
        elif "number" in types:
            widget = "number"
        elif "integer" in types:
            widget = "integer"
        elif "boolean" in types:
            widget = "bool"
        else:
            widget = "text"
        out.append(FieldSpec(name, widget, name in schema.get("required", []), tuple(map(str, enum)),
                             link.refers_to if link else None, prop.get("description", "")))
    # what the fact states first (the form opens at it); where the document states it last
    return tuple(sorted(out, key=lambda spec: spec.name in ("key", "locator", "quote")))


def coerce(section: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Form values (text) as the record's types; "" is no value. A value that is not a number stays
    text, so that the model's check reports it at its field."""
    out: dict[str, Any] = {}
    specs = {s.name: s for s in field_specs(section)}
    for name, value in raw.items():
        spec = specs.get(name)
        if spec is None:
            continue
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            out[name] = None
            continue
        if spec.widget == "list":
            out[name] = [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else list(value)
        elif spec.widget in ("number", "integer") and isinstance(value, str):
            out[name] = _number(value, spec.widget)
        elif spec.widget == "bool" and isinstance(value, str):
            out[name] = value.lower() in ("true", "1", "yes", "on")
        else:
            out[name] = value
    return out


def _number(text: str, widget: str) -> Any:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return text
    if widget == "integer":
        return int(number) if number.is_integer() else text
    return number


_PLAIN = {
    "missing": "this is required",
    "float_type": "give a number",
    "float_parsing": "give a number",
    "int_type": "give a whole number",
    "string_too_short": "this is required",
    "greater_than_equal": None,
    "less_than_equal": None,
}


def _plain(error: dict[str, Any]) -> str:
    if error["type"] == "literal_error":
        return f"choose one of: {error['ctx']['expected']}"
    if error["type"] == "string_pattern_mismatch" and error["loc"][:1] == ("key",):
        return "a key is lower-case letters, digits, '.', '_' or '-'"
    return _PLAIN.get(error["type"]) or error["msg"]


#: What a document header without a publication date is told (the text gave none; never today's date).
NO_DATE = "the text gives no publication date: edit the document and give published (YYYY-MM-DD)"


def check(section: str, fact: dict[str, Any], record: dict[str, Any], defined: dict[str, set[str]]) -> dict[str, str]:
    """Problems of one fact, field → message in plain words: the record model's own validation (as
    `policykg validate` runs it), then its regions, catalogue indicators and references to this document."""
    model, _ = _model(section)
    problems: dict[str, str] = {}
    try:
        model.model_validate(as_dates(section, fact))
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            problems.setdefault(name, _plain(error))
    if section == DOCUMENT:
        published = as_dates(section, fact).get("published")
        if isinstance(published, dt.date) and published > dt.date.today() and "published" not in problems:
            problems["published"] = f"publication date {published} is in the future"
        if not published and "published" not in problems:
            problems["published"] = NO_DATE
        return problems
    for link in SECTION_BY_NAME[section].links:
        value = fact.get(link.field)
        if value is None or link.field in problems or link.many:
            continue
        if link.node is Label.REGION:
            try:
                gazetteer().resolve(value)
            except UnknownName as exc:
                problems[link.field] = str(exc)
        elif link.refers_to is not None and value not in defined.get(link.refers_to, set()):
            if link.catalogue and indicators().find(value) is not None:
                continue
            where = " nor in the indicator catalogue" if link.catalogue else ""
            problems[link.field] = f"{value!r} is not among this draft's {link.refers_to}{where}"
    return problems
