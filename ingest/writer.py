"""Turn one validated document into batched rows and write them in one transaction.

Rows come from ``model_dump()`` of the record models: each fact becomes
``{key, locator, props}`` and each link ``{start, end}``, grouped per
statement so that every statement is a single ``UNWIND $rows`` round trip.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from ingest import statements as cypher
from ingest.validate import ValidDocument
from schema.models import LINK_FIELDS, Record
from schema.reference import gazetteer, themes
from schema.vocabulary import Label, Rel

#: Record section → label of its nodes.
SECTION_LABELS: dict[str, Label] = {
    "organizations": Label.ORGANIZATION,
    "indicators": Label.INDICATOR,
    "policies": Label.POLICY,
    "targets": Label.TARGET,
    "projects": Label.PROJECT,
    "observations": Label.OBSERVATION,
    "measures": Label.MEASURE,
}


@dataclass
class Batch:
    """Everything one document writes, as rows per statement."""

    facts: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)
    links: dict[tuple[Rel, Label, Label], list[dict[str, str]]] = field(default_factory=dict)

    def fact(self, label: Label, fact: Record, props: dict[str, Any]) -> None:
        self.facts.setdefault(label, []).append({"key": fact.key, "locator": fact.locator, "props": props})  # type: ignore[attr-defined]

    def link(self, rel: Rel, start: Label, start_key: str, end: Label, end_key: str | None) -> None:
        if end_key is not None:
            self.links.setdefault((rel, start, end), []).append({"start": start_key, "end": end_key})


def _props(fact: Record) -> dict[str, Any]:
    return {k: v for k, v in fact.model_dump().items() if k not in LINK_FIELDS and k != "key"}


def build_batch(document: ValidDocument) -> Batch:
    record, batch = document.record, Batch()
    policy_region = {p.key: document.code(p.region) for p in record.policies}
    indicator_names = {i.key: (i.name_zh, i.name_en) for i in record.indicators}
    for org in record.organizations:
        batch.fact(Label.ORGANIZATION, org, _props(org))
        batch.link(Rel.LOCATED_IN, Label.ORGANIZATION, org.key, Label.REGION, document.code(org.region))
    for indicator in record.indicators:
        batch.fact(Label.INDICATOR, indicator, _props(indicator))
    for policy in record.policies:
        batch.fact(Label.POLICY, policy, _props(policy))
        batch.link(Rel.ISSUED_BY, Label.POLICY, policy.key, Label.ORGANIZATION, policy.issued_by)
        batch.link(Rel.APPLIES_TO, Label.POLICY, policy.key, Label.REGION, document.code(policy.region))
    for target in record.targets:
        batch.fact(Label.TARGET, target, _props(target))
        batch.link(Rel.SETS, Label.POLICY, target.policy, Label.TARGET, target.key)
        batch.link(Rel.TRACKS, Label.TARGET, target.key, Label.INDICATOR, target.indicator)
        region = document.code(target.region) or policy_region[target.policy]
        batch.link(Rel.APPLIES_TO, Label.TARGET, target.key, Label.REGION, region)
    for project in record.projects:
        batch.fact(Label.PROJECT, project, _props(project))
        batch.link(Rel.LOCATED_IN, Label.PROJECT, project.key, Label.REGION, document.code(project.region))
        if project.policy:
            batch.link(Rel.INCLUDES, Label.POLICY, project.policy, Label.PROJECT, project.key)
    for obs in record.observations:
        region = gazetteer().regions[document.code(obs.region)]  # type: ignore[index]
        name_zh, name_en = indicator_names[obs.indicator]
        props = _props(obs) | {"name_zh": f"{region.name_zh} {name_zh} {obs.period}",
                               "name_en": f"{region.name_en}: {name_en}, {obs.period}"}
        batch.fact(Label.OBSERVATION, obs, props)
        batch.link(Rel.OF_INDICATOR, Label.OBSERVATION, obs.key, Label.INDICATOR, obs.indicator)
        batch.link(Rel.OBSERVED_IN, Label.OBSERVATION, obs.key, Label.REGION, region.code)
    for measure in record.measures:
        batch.fact(Label.MEASURE, measure, _props(measure))
        batch.link(Rel.APPLIES_TO, Label.MEASURE, measure.key, Label.REGION, document.code(measure.region))
        if measure.policy:
            batch.link(Rel.INCLUDES, Label.POLICY, measure.policy, Label.MEASURE, measure.key)
    for section, label in SECTION_LABELS.items():
        for fact in getattr(record, section):
            for theme in getattr(fact, "themes", []):
                batch.link(Rel.ADDRESSES, label, fact.key, Label.THEME, theme)
    return batch


def document_props(document: ValidDocument) -> dict[str, Any]:
    return document.record.document.model_dump(exclude={"id"} | LINK_FIELDS) | {
        "path": document.path.as_posix(),
        "content_hash": document.content_hash,
    }


COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted")


def _run(tx: ManagedTransaction, counts: Counter[str], statement: str, **params: Any) -> None:
    """Run one statement and add Neo4j's update counters to ``counts``."""
    counters = tx.run(statement, params).consume().counters
    counts.update({name: getattr(counters, name) for name in COUNTERS})


def write_document(tx: ManagedTransaction, document: ValidDocument, batch: Batch) -> Counter[str]:
    """Write the document node and its batch of facts and links; returns Neo4j's update counters."""
    counts: Counter[str] = Counter()

    def run(statement: str, **params: Any) -> None:
        _run(tx, counts, statement, **params)

    doc_id = document.id
    run(cypher.MERGE_DOCUMENT, doc=doc_id, props=document_props(document))
    run(cypher.MENTIONS, doc=doc_id, codes=sorted(set(document.region_codes.values())))
    for label, rows in batch.facts.items():
        run(cypher.merge_facts(label), rows=rows, doc=doc_id)
    for (rel, start, end), rows in batch.links.items():
        run(cypher.merge_relationships(rel, start, end), rows=rows, doc=doc_id)
    if document.record.document.publisher:
        run(cypher.PUBLISHED_BY, doc=doc_id, publisher=document.record.document.publisher)
    return counts


def retract_document(tx: ManagedTransaction, doc_id: str, delete_node: bool) -> Counter[str]:
    """Remove what only this document states; keep facts and links other documents state too."""
    counts: Counter[str] = Counter()
    steps = [cypher.RETRACT_RELATIONSHIPS, cypher.RETRACT_FACTS, cypher.RETRACT_DOCUMENT_LINKS]
    for statement in steps + ([cypher.DELETE_DOCUMENT] if delete_node else []):
        _run(tx, counts, statement, doc=doc_id)
    return counts


def write_reference_data(tx: ManagedTransaction) -> Counter[str]:
    """The gazetteer and the theme vocabulary; MERGE makes re-running free of duplicates."""
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
    part_of = [{"start": r.code, "end": r.parent} for r in g.regions.values() if r.parent]
    broader = [{"start": e.id, "end": b} for e in t.themes.values() for b in e.broader]
    counts: Counter[str] = Counter()
    for statement, rows in ((cypher.MERGE_REGIONS, regions), (cypher.MERGE_THEMES, theme_rows),
                            (cypher.REFERENCE_LINKS[Rel.PART_OF], part_of),
                            (cypher.REFERENCE_LINKS[Rel.BROADER], broader)):
        _run(tx, counts, statement, rows=rows)
    return counts
