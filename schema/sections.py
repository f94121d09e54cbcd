"""The table of record sections: what each section of a record becomes in the graph.

One row per kind of fact: the section name in a record file, its model, the
label and natural key of its nodes, and the fields that become relationships
instead of properties. The validator (references, regions, themes), the
writer (nodes and links), `policykg schema show`, the JSON Schema export and
the vocabulary's list of fact labels all read this table, so a new kind of
fact is a new model, a new row here and, if it needs one, a new canned query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import Field, create_model

from policykg.schema import models
from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel


@dataclass(frozen=True)
class Link:
    """A record field whose value names another node; it becomes a relationship.

    ``outward``: the relationship points from the fact to the named node
    (Target-[:TRACKS]->Indicator); otherwise from the named node to the fact
    (Policy-[:SETS]->Target). ``refers_to`` is the section of this document
    whose keys the field names (None for regions and themes, which come from
    the reference data). ``fallback`` names another link field of the same
    fact whose node's region stands in when this region field is empty.
    ``catalogue``: the field may also name an entry of the indicator catalogue
    (by key, name or alias), which the record then does not define.
    """

    field: str
    rel: Rel
    node: Label
    outward: bool = True
    refers_to: str | None = None
    many: bool = False
    fallback: str | None = None
    catalogue: bool = False


@dataclass(frozen=True)
class Section:
    name: str
    model: type[models.Fact]
    label: Label
    links: tuple[Link, ...] = ()

    @property
    def key(self) -> str:
        return NATURAL_KEYS[self.label]

    @property
    def link_fields(self) -> frozenset[str]:
        return frozenset(link.field for link in self.links)


def _themes() -> Link:
    return Link("themes", Rel.ADDRESSES, Label.THEME, many=True)


#: In writing order: a section comes after the sections it refers to.
SECTIONS: tuple[Section, ...] = (
    Section("organizations", models.Organization, Label.ORGANIZATION, (
        Link("region", Rel.LOCATED_IN, Label.REGION),
    )),
    Section("indicators", models.Indicator, Label.INDICATOR),
    Section("policies", models.Policy, Label.POLICY, (
        Link("issued_by", Rel.ISSUED_BY, Label.ORGANIZATION, refers_to="organizations"),
        Link("region", Rel.APPLIES_TO, Label.REGION),
        _themes(),
    )),
    Section("targets", models.Target, Label.TARGET, (
        Link("policy", Rel.SETS, Label.POLICY, outward=False, refers_to="policies"),
        Link("indicator", Rel.TRACKS, Label.INDICATOR, refers_to="indicators", catalogue=True),
        Link("region", Rel.APPLIES_TO, Label.REGION, fallback="policy"),
        _themes(),
    )),
    Section("projects", models.Project, Label.PROJECT, (
        Link("region", Rel.LOCATED_IN, Label.REGION),
        Link("policy", Rel.INCLUDES, Label.POLICY, outward=False, refers_to="policies"),
        _themes(),
    )),
    Section("observations", models.Observation, Label.OBSERVATION, (
        Link("indicator", Rel.OF_INDICATOR, Label.INDICATOR, refers_to="indicators", catalogue=True),
        Link("region", Rel.OBSERVED_IN, Label.REGION),
    )),
    Section("measures", models.Measure, Label.MEASURE, (
        Link("region", Rel.APPLIES_TO, Label.REGION),
        Link("policy", Rel.INCLUDES, Label.POLICY, outward=False, refers_to="policies"),
        _themes(),
    )),
)



@dataclass(frozen=True)
class LinkSection:
    """A record section whose entries are relationships between two facts of the document, not nodes.

    Each entry becomes one relationship per stating document, of the type
    its ``kind`` field names (``rels``), between the nodes its ``start`` and
    ``end`` fields name in ``refers_to``. The relationship carries the
    document (``doc``, and ``sources`` like every link, so retraction treats it
    as every link) and the entry's key (``link_key``), locator, quote and extracted flag: the
    statement's provenance, which a link shared by documents could not hold.
    """

    name: str
    model: type[models.Fact]
    node: Label
    refers_to: str
    start: str
    end: str
    kind: str
    rels: dict[str, Rel]

    def rel(self, fact: models.Fact) -> Rel:
        return self.rels[getattr(fact, self.kind)]


POLICY_LINKS = LinkSection("policy_links", models.PolicyLink, Label.POLICY, "policies", "policy", "other",
                           "relation", {"implements": Rel.IMPLEMENTS, "supersedes": Rel.SUPERSEDES,
                                        "amends": Rel.AMENDS})
#: In writing order, after SECTIONS (their ends must exist).
LINK_SECTIONS: tuple[LinkSection, ...] = (POLICY_LINKS,)
#: Relationship types whose every relationship is one document's statement (its provenance on it).
STATED_RELS: frozenset[Rel] = frozenset(rel for s in LINK_SECTIONS for rel in s.rels.values())

SECTION_BY_LABEL: dict[Label, Section] = {s.label: s for s in SECTIONS}

#: Labels whose nodes exist because a document states them (they carry
#: SOURCED_FROM and disappear when no document states them any more).
FACT_LABELS: tuple[Label, ...] = tuple(s.label for s in SECTIONS)

#: The facts that address themes (a ``themes`` link): what the region × theme summary (ingest/summary.py,
#: one COVERS count per section, named after it) and the network analyses (queries/analytics.py) count.
THEMED_SECTIONS: tuple[Section, ...] = tuple(s for s in SECTIONS if any(link.rel is Rel.ADDRESSES for link in s.links))
THEMED_LABELS: tuple[Label, ...] = tuple(s.label for s in THEMED_SECTIONS)
#: The relationship types that place a themed fact in its own region (APPLIES_TO, LOCATED_IN).
THEMED_REGION_RELS: tuple[Rel, ...] = tuple(sorted({link.rel for s in THEMED_SECTIONS for link in s.links
                                                    if link.node is Label.REGION}))
#: The relationship types that place any fact in a region (search names a hit's region by them).
REGION_RELS: tuple[Rel, ...] = tuple(sorted({link.rel for s in SECTIONS for link in s.links
                                             if link.node is Label.REGION}))

#: Fields of a fact that describe one document's statement of it; they go on SOURCED_FROM.
PROVENANCE_FIELDS: frozenset[str] = frozenset({"locator", "quote", "extracted"})
#: On a fact node several documents state: the fields on which they give different values (absent when they agree).
#: Kept by the writer so that a document agreeing with an undisputed fact needs no look at its other statements.
DISPUTED_FIELD = "disputed"

#: Document fields that become relationships (PUBLISHED_BY) or workflow state, not properties.
DOCUMENT_LINK_FIELDS: frozenset[str] = frozenset({"publisher"})


def node_properties(section: Section, fact: models.Fact) -> dict[str, Any]:
    """The properties a fact's node carries: everything but its key, links and provenance."""
    skip = section.link_fields | PROVENANCE_FIELDS | {"key"}
    return {k: v for k, v in fact.model_dump().items() if k not in skip}


def property_names(section: Section) -> list[str]:
    skip = section.link_fields | PROVENANCE_FIELDS | {"key"}
    return [name for name in section.model.model_fields if name not in skip]


DocumentRecord = create_model(
    "DocumentRecord",
    __base__=models.Record,
    __doc__="The whole content of one record file.",
    document=(models.DocumentMeta, ...),
    regions=(list[models.RegionRef], Field(default=[], description="Regions the document names.")),
    **{s.name: (list[s.model], Field(default=[])) for s in (*SECTIONS, *LINK_SECTIONS)},  # type: ignore[call-overload]
)
