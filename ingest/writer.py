"""Turn validated documents into batched rows and write a group of them in one transaction.

Rows come from ``model_dump()`` of the record models: each fact becomes
``{doc, key, props, source}`` (source: its locator, quote and extracted flag)
and each link ``{doc, start, end}``, grouped per statement so that every
statement is a single ``UNWIND $rows`` round trip. ``Staged`` is one
document of a write; ``Retraction`` what changed documents no longer say.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from policykg.ingest import statements as cypher
from policykg.ingest.validate import ValidDocument
from policykg.schema.models import Fact
from policykg.schema.reference import gazetteer, indicators, themes
from policykg.schema.sections import (
    DOCUMENT_LINK_FIELDS,
    FACT_LABELS,
    LINK_SECTIONS,
    PROVENANCE_FIELDS,
    SECTIONS,
    Link,
    Section,
    node_properties,
)
from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel

#: A link statement: the relationship type and the labels of its two ends.
LinkStatement = tuple[Rel, Label, Label]


@dataclass
class Batch:
    """Everything one document writes, as rows per statement; every row names the document."""

    doc: str = ""
    facts: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)
    links: dict[LinkStatement, list[dict[str, str]]] = field(default_factory=dict)

    def fact(self, label: Label, fact: Fact, props: dict[str, Any]) -> None:
        # a field the document leaves out is not in the row: SET += must not erase another document's value
        self.facts.setdefault(label, []).append({"doc": self.doc, "key": fact.key, "props": _given(props), "source": {
            "locator": fact.locator, "quote": fact.quote, "extracted": fact.extracted}})

    def link(self, rel: Rel, start: Label, start_key: str, end: Label, end_key: str | None) -> None:
        if end_key is not None:
            self.links.setdefault((rel, start, end), []).append({"doc": self.doc, "start": start_key, "end": end_key})

    def stated_link(self, rel: Rel, label: Label, fact: Fact, start_key: str, end_key: str) -> None:
        """A link that is itself a statement (a policy link): its key and provenance travel with it."""
        self.links.setdefault((rel, label, label), []).append({
            "doc": self.doc, "start": start_key, "end": end_key,
            "source": _given({"link_key": fact.key, "locator": fact.locator, "quote": fact.quote,
                              "extracted": fact.extracted})})


@dataclass(frozen=True)
class Staged:
    """One document of a write: its rows, and whether a previous version of it is stored (and so replaced)."""

    document: ValidDocument
    batch: Batch
    replaces: bool = False

    @property
    def id(self) -> str:
        return self.document.id


@dataclass
class Retraction:
    """What changed documents no longer say: statements by label (rows: doc, key), links by statement (doc, start, end)."""

    facts: dict[Label, list[dict[str, str]]] = field(default_factory=dict)
    links: dict[LinkStatement, list[dict[str, str]]] = field(default_factory=dict)

    def extend(self, other: Retraction) -> None:
        for label, rows in other.facts.items():
            self.facts.setdefault(label, []).extend(rows)
        for statement, rows in other.links.items():
            self.links.setdefault(statement, []).extend(rows)


def build_batch(document: ValidDocument) -> Batch:
    """Nodes and links of every section, driven by the section table."""
    record, batch = document.record, Batch(document.id)
    facts_by_section = {s.name: {f.key: f for f in getattr(record, s.name)} for s in SECTIONS}
    for section in SECTIONS:
        for fact in getattr(record, section.name):
            batch.fact(section.label, fact, _node_props(document, section, fact, facts_by_section))
            for link in section.links:
                for end in _link_ends(document, section, fact, link, facts_by_section):
                    if link.outward:
                        batch.link(link.rel, section.label, fact.key, link.node, end)
                    else:
                        batch.link(link.rel, link.node, end, section.label, fact.key)
    for link_section in LINK_SECTIONS:
        for fact in getattr(record, link_section.name):
            batch.stated_link(link_section.rel(fact), link_section.node, fact,
                              getattr(fact, link_section.start), getattr(fact, link_section.end))
    return batch


FactsBySection = dict[str, dict[str, Fact]]


def _link_ends(document: ValidDocument, section: Section, fact: Fact, link: Link,
               facts_by_section: FactsBySection) -> list[str]:
    """Natural keys of the nodes a link field names (region names resolved to codes)."""
    value = getattr(fact, link.field)
    if link.node is Label.REGION:
        if value is None and link.fallback:  # e.g. a target applies to its policy's region
            via = next(other for other in section.links if other.field == link.fallback)
            referred = facts_by_section[via.refers_to or ""].get(getattr(fact, via.field) or "")
            value = getattr(referred, "region", None)
        code = document.code(value)
        return [code] if code else []
    if value is None:
        return []
    if link.catalogue:  # a catalogue indicator may be named by its alias
        return [document.indicator_key(value)]  # type: ignore[list-item]
    return list(value) if link.many else [value]


def _node_props(document: ValidDocument, section: Section, fact: Fact, facts_by_section: FactsBySection) -> dict[str, Any]:
    props = node_properties(section, fact)
    if section.label is Label.OBSERVATION:  # a figure has no name of its own: region, indicator and period make one
        region = gazetteer().regions[document.code(fact.region)]  # type: ignore[attr-defined,index]
        key = document.indicator_key(fact.indicator)  # type: ignore[attr-defined]
        indicator = facts_by_section["indicators"].get(key) or indicators().indicators[key]  # type: ignore[index]
        props["name_zh"] = f"{region.name_zh} {indicator.name_zh} {fact.period}"  # type: ignore[attr-defined]
        if indicator.name_en:  # without the indicator's English, no English name: never English mixed with Chinese
            props["name_en"] = f"{region.name_en}: {indicator.name_en}, {fact.period}"  # type: ignore[attr-defined]
    return props


def document_props(document: ValidDocument) -> dict[str, Any]:
    return document.record.document.model_dump(exclude={"id"} | DOCUMENT_LINK_FIELDS) | {
        "path": document.path.resolve().as_posix(),  # absolute: --prune must work from any directory
        "content_hash": document.content_hash,
    }


COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted")


def _run(tx: ManagedTransaction, counts: Counter[str], statement: str, **params: Any) -> None:
    """Run one statement and add Neo4j's update counters to ``counts``."""
    counters = tx.run(statement, params).consume().counters
    counts.update({name: getattr(counters, name) for name in COUNTERS})


Keys = dict[Label, set[str]]


def batch_keys(batch: Batch) -> Keys:
    return {label: {row["key"] for row in rows} for label, rows in batch.facts.items()}


def stated_keys_by_document(tx: ManagedTransaction, doc_ids: list[str]) -> dict[str, Keys]:
    """The keys of the facts each stored document states, by label (one round trip for all of them)."""
    out: dict[str, Keys] = {}
    for row in tx.run(cypher.STATED_KEYS, docs=doc_ids):
        out.setdefault(row["doc"], {})[Label(row["label"])] = set(row["keys"])
    return out


def stated_keys(tx: ManagedTransaction, doc_id: str) -> Keys:
    """The keys of the facts a stored document states, by label."""
    return stated_keys_by_document(tx, [doc_id]).get(doc_id, {})


def key_params(*keys: Keys) -> dict[str, list[str]]:
    """One list parameter per fact label, as RECOMPUTE_FACTS, FACT_VALUES and DISAGREEING take them."""
    return {label.value: sorted(set().union(*(k.get(label, set()) for k in keys))) for label in FACT_LABELS}


def write_documents(tx: ManagedTransaction, items: list[Staged], recompute: Keys | None = None) -> Counter[str]:
    """Write several documents with one round trip per label and relationship type for all of them.

    All facts go before any link, so a link finds its ends whichever document
    defined them. Each document's statement of a fact lands on its own
    SOURCED_FROM and its values on the node. ``recompute`` names the facts
    whose node values must then be recomputed from all their statements: those
    the caller found disputed or that lost a statement. For any other fact the
    node already holds the right values, since every statement of it agrees.
    """
    counts: Counter[str] = Counter()

    def run(statement: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            _run(tx, counts, statement, rows=rows)

    documents = [item.document for item in items]
    run(cypher.MERGE_DOCUMENT, [{"doc": d.id, "props": document_props(d)} for d in documents])
    run(cypher.MENTIONS, [{"doc": d.id, "codes": sorted(set(d.region_codes.values()))} for d in documents])
    for label in FACT_LABELS:
        run(cypher.merge_facts(label), [row for item in items for row in item.batch.facts.get(label, [])])
    links: dict[LinkStatement, list[dict[str, str]]] = {}
    for item in items:
        for statement, rows in item.batch.links.items():
            links.setdefault(statement, []).extend(rows)
    for (rel, start, end), rows in links.items():
        run(cypher.merge_relationships(rel, start, end), rows)
    run(cypher.PUBLISHED_BY, [{"doc": d.id, "publisher": d.record.document.publisher}
                              for d in documents if d.record.document.publisher])
    recompute_facts(tx, counts, recompute or {})
    return counts


def recompute_facts(tx: ManagedTransaction, counts: Counter[str], keys: Keys) -> None:
    if any(keys.values()):
        _run(tx, counts, cypher.RECOMPUTE_FACTS, provenance=sorted(PROVENANCE_FIELDS), **key_params(keys))


def retract_documents(tx: ManagedTransaction, doc_ids: list[str], recompute: Keys) -> Counter[str]:
    """Remove documents whose files are gone; keep facts and links other documents state too.

    ``recompute``: the facts the documents stated, which the caller has read
    already. Those that stay are recomputed from their remaining sources, so
    a value only these documents gave goes and the others' values come back.
    (A changed document is not retracted whole: see ``retract_statements``.)
    """
    counts: Counter[str] = Counter()
    for statement in (cypher.RETRACT_RELATIONSHIPS, cypher.RETRACT_FACTS, cypher.RETRACT_DOCUMENT_LINKS,
                      cypher.DELETE_DOCUMENT):
        _run(tx, counts, statement, docs=doc_ids)
    recompute_facts(tx, counts, recompute)
    return counts


def _given(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


LinkKey = tuple[LinkStatement, str, str]  # (statement, start key, end key)


def document_links(tx: ManagedTransaction, doc_ids: list[str]) -> dict[str, set[LinkKey]]:
    """The links each stored document states, as its batch would list them (one round trip for all)."""
    natural = {label.value: key for label, key in NATURAL_KEYS.items()}
    out: dict[str, set[LinkKey]] = {doc: set() for doc in doc_ids}
    for row in tx.run(cypher.DOC_LINKS, docs=doc_ids, natural=natural):
        statement = (Rel(row["rel"]), Label(row["start_label"]), Label(row["end_label"]))
        out[row["doc"]].add((statement, row["start"], row["end"]))
    return out


def retract_statements(tx: ManagedTransaction, gone: Retraction, doc_ids: list[str]) -> Counter[str]:
    """Take back what changed documents no longer say: these statements and links, and their document links.

    The caller recomputes the facts that keep other statements. Links go
    first, then statements (a fact no one states any more goes with its links),
    as in ``retract_documents``; the documents' MENTIONS and PUBLISHED_BY are
    rewritten whole by ``write_documents``.
    """
    counts: Counter[str] = Counter()
    for (rel, start, end), rows in gone.links.items():
        if rows:
            _run(tx, counts, cypher.retract_relationships(rel, start, end), rows=rows)
    for label in FACT_LABELS:
        if gone.facts.get(label):
            _run(tx, counts, cypher.retract_statements(label), rows=gone.facts[label])
    _run(tx, counts, cypher.RETRACT_DOCUMENT_LINKS, docs=doc_ids)
    return counts


def union_keys(*keys: Keys) -> Keys:
    out: Keys = {}
    for part in keys:
        for label, names in part.items():
            out.setdefault(label, set()).update(names)
    return out


def write_reference_data(tx: ManagedTransaction) -> Counter[str]:
    """The gazetteer, the theme vocabulary and the indicator catalogue; MERGE makes re-running free of duplicates.

    Catalogue indicators carry no SOURCED_FROM: they belong to no document,
    so retracting a document never deletes one, and every document that
    names one links to the same node.
    """
    g, t = gazetteer(), themes()
    regions = [{"code": r.code, "props": {"name_zh": r.name_zh, "name_en": r.name_en, "level": r.level,
                                          "short": r.short, "aliases": r.aliases,
                                          "aliases_text": " ".join(r.short + r.aliases)}}
               for r in g.regions.values()]
    theme_rows = [{"id": e.id, "props": {"name_zh": e.label_zh, "name_en": e.label_en,
                                         "keywords_zh": e.keywords_zh, "keywords_en": e.keywords_en,
                                         "stip_id": e.stip.id if e.stip else None,
                                         "stip_label": e.stip.label if e.stip else None,
                                         "description_en": e.description_en,
                                         "aliases_text": " ".join(e.keywords_zh + e.keywords_en)}}
                  for e in t.themes.values()]
    indicator_rows = [{"key": i.key, "props": {"name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit,
                                               "kind": i.kind, "share_of": i.share_of, "definition": i.definition,
                                               "note_en": i.note_en, "aliases_zh": i.aliases_zh, "catalogue": True,
                                               "aliases_text": " ".join(i.aliases_zh)}}
                      for i in indicators().indicators.values()]
    part_of = [{"start": r.code, "end": r.parent} for r in g.regions.values() if r.parent]
    broader = [{"start": e.id, "end": b} for e in t.themes.values() for b in e.broader]
    counts: Counter[str] = Counter()
    for statement, rows in ((cypher.MERGE_REGIONS, regions), (cypher.MERGE_THEMES, theme_rows),
                            (cypher.MERGE_INDICATORS, indicator_rows),
                            (cypher.REFERENCE_LINKS[Rel.PART_OF], part_of),
                            (cypher.REFERENCE_LINKS[Rel.BROADER], broader)):
        _run(tx, counts, statement, rows=rows)
    return counts
