"""The Cypher the writers run, assembled once from the vocabulary enums.

Labels and relationship types cannot be Cypher parameters, so the writer's
statements are built here from ``Label``/``Rel`` members only (checked), and
every value travels as ``$rows`` / ``$doc``. All statements MERGE on the
natural keys that ``schema/constraints.cypher`` makes unique.
"""

from __future__ import annotations

from policykg.schema.sections import FACT_LABELS, PROVENANCE_FIELDS, SECTIONS
from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel


def _checked(label: Label) -> str:
    if not isinstance(label, Label):
        raise TypeError(f"{label!r} is not a schema Label")
    return label.value


#: Every row names its document, so that one statement writes the rows of several documents.
DOC = "row.doc"


def merge_facts(label: Label) -> str:
    """Upsert fact nodes of one label and link each to the document with its statement.

    The SOURCED_FROM relationship keeps what this document says: its locator,
    quote and extracted flag and every value it gives (a missing field is not
    stored). The node takes this document's values, which is the answer for
    a fact only one document states; a fact several documents state is then
    recomputed from all of them (RECOMPUTE_FACTS), so no document erases
    another's value.
    """
    name, key = _checked(label), NATURAL_KEYS[label]
    return (
        "UNWIND $rows AS row "
        "MERGE (n:" + name + " {" + key + ": row.key}) SET n += row.props "
        "WITH n, row MATCH (d:SourceDocument {id: " + DOC + "}) "
        "MERGE (n)-[s:SOURCED_FROM]->(d) SET s += row.source, s += row.props"
    )


def _facts_by_key() -> str:
    """A subquery yielding the fact nodes whose keys are in ``$<Label>`` (one list parameter per fact label)."""
    branches = [f"UNWIND ${_checked(label)} AS k MATCH (n:{label.value} {{{NATURAL_KEYS[label]}: k}}) RETURN n"
                for label in FACT_LABELS]
    return "CALL () { " + " UNION ALL ".join(branches) + " } "


#: Each listed fact's values, recomputed from what its documents state: for
#: each property, the value of the latest-published document that gives it
#: (ties: the greater document id); a document silent on a field leaves it alone.
#: With $all false only facts with several sources are recomputed (a fact with
#: one has that document's values already, from merge_facts).
RECOMPUTE_FACTS = (
    _facts_by_key() +
    "WITH n WHERE $all OR COUNT { (n)-[:SOURCED_FROM]->() } > 1 "
    "MATCH (n)-[s:SOURCED_FROM]->(d:SourceDocument) WITH n, s ORDER BY d.published, d.id "
    "WITH n, collect(properties(s)) AS stated "
    "SET n = {key: n.key} FOREACH (p IN stated | SET n += p) "
    "REMOVE " + ", ".join(f"n.{name}" for name in sorted(PROVENANCE_FIELDS))
)
#: Each listed fact's values, the statements of the documents in ``$docs``
#: and, with ``$others``, those of the other documents that disagree with one
#: of them on a value (a field outside ``$provenance`` both give). A shared
#: indicator may have thousands of sources that agree; shipping them all to be
#: compared in Python made each group's read grow with the corpus, and the
#: state before the writes needs no others at all (only the state after is
#: checked for conflicts).
FACT_STATE = (
    _facts_by_key() +
    "WITH n, [(n)-[t:SOURCED_FROM]->(d:SourceDocument) WHERE d.id IN $docs "
    "| {doc: d.id, published: d.published, stated: properties(t)}] AS mine "
    "RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props, "
    "mine + CASE WHEN $others THEN [(n)-[t:SOURCED_FROM]->(d:SourceDocument) WHERE NOT d.id IN $docs "
    "AND any(m IN mine WHERE any(k IN keys(m.stated) WHERE NOT k IN $provenance AND t[k] IS NOT NULL "
    "AND t[k] <> m.stated[k])) | {doc: d.id, published: d.published, stated: properties(t)}] ELSE [] END AS sources"
)
STATED_KEYS = (
    "UNWIND $docs AS doc MATCH (f)-[:SOURCED_FROM]->(:SourceDocument {id: doc}) "
    "RETURN doc, labels(f)[0] AS label, collect(f.key) AS keys"
)


def merge_relationships(rel: Rel, start: Label, end: Label) -> str:
    """Link existing nodes; ``sources`` lists every document that states the link."""
    if not isinstance(rel, Rel):
        raise TypeError(f"{rel!r} is not a schema Rel")
    a, b = _checked(start), _checked(end)
    return (
        "UNWIND $rows AS row "
        "MATCH (a:" + a + " {" + NATURAL_KEYS[start] + ": row.start}) "
        "MATCH (b:" + b + " {" + NATURAL_KEYS[end] + ": row.end}) "
        "MERGE (a)-[r:" + rel.value + "]->(b) "
        "SET r.sources = CASE WHEN " + DOC + " IN coalesce(r.sources, []) THEN r.sources "
        "ELSE coalesce(r.sources, []) + " + DOC + " END"
    )


# Documents written together: $rows holds one row per document (doc, props, codes, publisher).
MERGE_DOCUMENT = "UNWIND $rows AS row MERGE (d:SourceDocument {id: row.doc}) SET d += row.props"
MENTIONS = (
    "UNWIND $rows AS row MATCH (d:SourceDocument {id: row.doc}) UNWIND row.codes AS code "
    "MATCH (r:Region {code: code}) MERGE (d)-[:MENTIONS]->(r)"
)
PUBLISHED_BY = (
    "UNWIND $rows AS row MATCH (d:SourceDocument {id: row.doc}) MATCH (o:Organization {key: row.publisher}) "
    "MERGE (d)-[:PUBLISHED_BY]->(o)"
)
STORED_HASHES = "MATCH (d:SourceDocument) RETURN d.id AS id, d.content_hash AS hash, d.path AS path"
# Retraction of the documents in $docs, in order: relationships only they
# stated, their provenance links, facts no other document states, then their
# own links. Each statement collects what it will delete before deleting (an
# aggregation is a barrier), so that two documents of the list sharing a fact
# or a link cannot have one row read what another row deleted.
#: Only the types links between facts can have (a shared fact's thousands of
#: SOURCED_FROM are not walked; each link touches a fact the document states).
LINK_TYPES = "|".join(sorted({link.rel.value for section in SECTIONS for link in section.links}))
RETRACT_RELATIONSHIPS = (
    "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})<-[:SOURCED_FROM]-(f)-[r:" + LINK_TYPES + "]-() "
    "WHERE doc IN coalesce(r.sources, []) "
    "WITH collect(DISTINCT r) AS links UNWIND links AS r "
    "SET r.sources = [x IN r.sources WHERE NOT x IN $docs] "
    "WITH r WHERE size(r.sources) = 0 DELETE r"
)
RETRACT_FACTS = (
    "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})<-[s:SOURCED_FROM]-(f) "
    "WITH collect(s) AS statements, collect(DISTINCT f) AS facts "
    "FOREACH (s IN statements | DELETE s) "
    "WITH facts UNWIND facts AS f WITH f WHERE NOT (f)-[:SOURCED_FROM]->() DETACH DELETE f"
)
RETRACT_DOCUMENT_LINKS = (
    "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})-[r:MENTIONS|PUBLISHED_BY]->() DELETE r"
)
DELETE_DOCUMENT = "UNWIND $docs AS doc MATCH (d:SourceDocument {id: doc}) DETACH DELETE d"

MERGE_REGIONS = (
    "UNWIND $rows AS row MERGE (n:Region {code: row.code}) SET n += row.props"
)
MERGE_THEMES = (
    "UNWIND $rows AS row MERGE (n:Theme {id: row.id}) SET n += row.props"
)
MERGE_INDICATORS = (
    "UNWIND $rows AS row MERGE (n:Indicator {key: row.key}) SET n += row.props"
)
REFERENCE_LINKS = {
    Rel.PART_OF: (
        "UNWIND $rows AS row MATCH (a:Region {code: row.start}) MATCH (b:Region {code: row.end}) "
        "MERGE (a)-[:PART_OF]->(b)"
    ),
    Rel.BROADER: (
        "UNWIND $rows AS row MATCH (a:Theme {id: row.start}) MATCH (b:Theme {id: row.end}) "
        "MERGE (a)-[:BROADER]->(b)"
    ),
}
RECORD_RUN = (
    "CREATE (run:IngestRun {id: $id}) SET run += $props "
    "WITH run UNWIND $documents AS doc "
    "MATCH (d:SourceDocument {id: doc.id}) CREATE (run)-[:INGESTED {status: doc.status}]->(d)"
)
