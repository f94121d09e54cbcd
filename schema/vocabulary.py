"""Labels, relationship types and natural keys of the graph.

Cypher cannot take labels or relationship types as parameters, so the only
names that may appear in Cypher text are the members of these enums; the
constraint file and the writers are checked against them by the tests.
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    REGION = "Region"
    POLICY = "Policy"
    TARGET = "Target"
    PROJECT = "Project"
    INDICATOR = "Indicator"
    OBSERVATION = "Observation"
    MEASURE = "Measure"
    THEME = "Theme"
    ORGANIZATION = "Organization"
    SOURCE_DOCUMENT = "SourceDocument"
    INGEST_RUN = "IngestRun"


class Rel(StrEnum):
    PART_OF = "PART_OF"  # (Region)-[:PART_OF]->(Region)
    ISSUED_BY = "ISSUED_BY"  # (Policy)-[:ISSUED_BY]->(Organization)
    APPLIES_TO = "APPLIES_TO"  # (Policy|Target|Measure)-[:APPLIES_TO]->(Region)
    SETS = "SETS"  # (Policy)-[:SETS]->(Target)
    INCLUDES = "INCLUDES"  # (Policy)-[:INCLUDES]->(Measure|Project)
    ADDRESSES = "ADDRESSES"  # (Policy|Measure|Target|Project)-[:ADDRESSES]->(Theme)
    TRACKS = "TRACKS"  # (Target)-[:TRACKS]->(Indicator)
    OF_INDICATOR = "OF_INDICATOR"  # (Observation)-[:OF_INDICATOR]->(Indicator)
    OBSERVED_IN = "OBSERVED_IN"  # (Observation)-[:OBSERVED_IN]->(Region)
    LOCATED_IN = "LOCATED_IN"  # (Project|Organization)-[:LOCATED_IN]->(Region)
    BROADER = "BROADER"  # (Theme)-[:BROADER]->(Theme)
    SOURCED_FROM = "SOURCED_FROM"  # (fact)-[:SOURCED_FROM {locator}]->(SourceDocument)
    MENTIONS = "MENTIONS"  # (SourceDocument)-[:MENTIONS]->(Region)
    PUBLISHED_BY = "PUBLISHED_BY"  # (SourceDocument)-[:PUBLISHED_BY]->(Organization)
    INGESTED = "INGESTED"  # (IngestRun)-[:INGESTED {status}]->(SourceDocument)
    IMPLEMENTS = "IMPLEMENTS"  # (Policy)-[:IMPLEMENTS {doc, link_key, locator, quote, extracted}]->(Policy)
    SUPERSEDES = "SUPERSEDES"  # (Policy)-[:SUPERSEDES {doc, ...}]->(Policy)
    AMENDS = "AMENDS"  # (Policy)-[:AMENDS {doc, ...}]->(Policy)
    COVERS = "COVERS"  # (Region)-[:COVERS {policies, measures, targets, projects, facts, own}]->(Theme), kept by ingest


#: The property that identifies a node of each label; each has a uniqueness
#: constraint in ``schema/constraints.cypher``.
NATURAL_KEYS: dict[Label, str] = {
    Label.REGION: "code",
    Label.POLICY: "key",
    Label.TARGET: "key",
    Label.PROJECT: "key",
    Label.INDICATOR: "key",
    Label.OBSERVATION: "key",
    Label.MEASURE: "key",
    Label.THEME: "id",
    Label.ORGANIZATION: "key",
    Label.SOURCE_DOCUMENT: "id",
    Label.INGEST_RUN: "id",
}

#: What each relationship type connects and means; drives `policykg schema show`
#: and docs/graph-model.md.
REL_ENDPOINTS: dict[Rel, tuple[str, str, str]] = {
    Rel.PART_OF: ("Region", "Region", "a region lies within a larger one"),
    Rel.ISSUED_BY: ("Policy", "Organization", "the body that issued the policy"),
    Rel.APPLIES_TO: ("Policy|Target|Measure", "Region", "the region a policy, target or measure is for"),
    Rel.SETS: ("Policy", "Target", "a policy sets a target"),
    Rel.INCLUDES: ("Policy", "Measure|Project", "a policy includes a measure or project"),
    Rel.ADDRESSES: ("Policy|Measure|Target|Project", "Theme", "what a fact is about"),
    Rel.TRACKS: ("Target", "Indicator", "the indicator a target is measured by"),
    Rel.OF_INDICATOR: ("Observation", "Indicator", "the indicator an observed figure reports"),
    Rel.OBSERVED_IN: ("Observation", "Region", "where the figure was observed"),
    Rel.LOCATED_IN: ("Project|Organization", "Region", "where a project runs or a body sits"),
    Rel.BROADER: ("Theme", "Theme", "the broader theme of the controlled vocabulary"),
    Rel.SOURCED_FROM: ("fact", "SourceDocument", "the document that states the fact (locator, quote, extracted)"),
    Rel.MENTIONS: ("SourceDocument", "Region", "a region the document names"),
    Rel.PUBLISHED_BY: ("SourceDocument", "Organization", "who published the document"),
    Rel.INGESTED: ("IngestRun", "SourceDocument", "a run saw the document (status: new, changed, unchanged, removed)"),
    Rel.IMPLEMENTS: ("Policy", "Policy", "a policy implements another (为贯彻落实《X》); one per stating document, "
                     "with its locator and quote"),
    Rel.SUPERSEDES: ("Policy", "Policy", "a policy replaces another (《X》同时废止, 代替); one per stating document"),
    Rel.AMENDS: ("Policy", "Policy", "a policy revises another (修订); one per stating document"),
    Rel.COVERS: ("Region", "Theme", "summary kept by ingest: how many facts of the region (with the regions "
                                    "within it) address the theme"),
}
