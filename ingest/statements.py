"""The Cypher the writers run, assembled once from the vocabulary enums.

Labels and relationship types cannot be Cypher parameters, so the writer's
statements are built here from ``Label``/``Rel`` members only, with
``graph/cypher_build.py`` (which checks them), and every value travels as
``$rows`` / ``$docs``. All statements MERGE on the
natural keys that ``schema/constraints.cypher`` makes unique.
"""

from __future__ import annotations

from policykg.graph import cypher_build as build
from policykg.schema.sections import DISPUTED_FIELD, FACT_LABELS, SECTIONS, STATED_RELS
from policykg.schema.vocabulary import Label, Rel

#: Every row names its document, so that one statement writes the rows of several documents.
DOC = "row.doc"


def merge_facts(label: Label) -> str:
    """Upsert fact nodes of one label and link each to the document with its statement.

    The SOURCED_FROM relationship keeps what this document says: its locator,
    quote and extracted flag and every value it gives (a missing field is not
    stored). The node takes this document's values, which is the answer for
    a fact only one document states; a fact several documents state is then
    recomputed from all of them (RECOMPUTE_FACTS) when they disagree or one is
    retracted, so no document erases another's value. Rows carry only the
    values a document gives: a field it leaves out is not touched on the node,
    and gone from the statement (a changed document's statement is replaced).
    """
    return (
        "UNWIND $rows AS row "
        "MERGE (" + build.node("n", label, "row.key") + ") SET n += row.props "
        "WITH n, row MATCH (d:SourceDocument {id: " + DOC + "}) "
        "MERGE (n)-[s:SOURCED_FROM]->(d) SET s = row.source, s += row.props"
    )


#: The fact nodes whose keys are in ``$<Label>`` (one list parameter per fact label).
_FACTS_BY_KEY = build.nodes_by_key(FACT_LABELS)


#: Each listed fact's values, recomputed from what its documents state: for
#: each property, the value of the latest-published document that gives it
#: (ties: the greater document id; an undated document counts as the oldest); a field no
#: document gives goes. The fields
#: on which the statements differ are kept in DISPUTED_FIELD. Only properties
#: whose value changes are written: a fact a hundred documents state is read
#: a hundred times but written once, not a hundred times. The writer lists only
#: the facts that need it (a statement retracted, or a value that disagrees).
RECOMPUTE_FACTS = (
    _FACTS_BY_KEY +
    "MATCH (n)-[s:SOURCED_FROM]->(d:SourceDocument) WITH n, s ORDER BY d.published IS NULL, d.published DESC, d.id DESC "
    "WITH n, collect(s) AS stated "
    "WITH n, stated, reduce(ks = [], s IN stated | ks + [k IN keys(s) WHERE NOT k IN ks AND NOT k IN $provenance]) "
    "AS fields "
    "WITH n, stated, fields, [k IN fields | {k: k, v: head([s IN stated WHERE s[k] IS NOT NULL | s[k]])}] AS winners "
    "WITH n, fields, winners, [w IN winners WHERE any(s IN stated WHERE s[w.k] IS NOT NULL AND s[w.k] <> w.v) "
    "| w.k] AS disputed "
    "FOREACH (w IN [w IN winners WHERE n[w.k] IS NULL OR n[w.k] <> w.v] | SET n[w.k] = w.v) "
    "FOREACH (k IN [k IN keys(n) WHERE NOT k IN fields AND NOT k IN ['key', '" + DISPUTED_FIELD + "']] "
    "| SET n[k] = null) "
    "SET n." + DISPUTED_FIELD + " = CASE WHEN disputed = [] THEN null ELSE disputed END"
)
#: The listed facts' node properties (index lookups only: no statement is read).
FACT_VALUES = _FACTS_BY_KEY + "RETURN labels(n)[0] AS label, n.key AS key, properties(n) AS props"
#: The statements the documents in ``$docs`` make of facts keyed in ``$keys``, reached from the
#: documents: it costs what they state, not what the corpus says about the same facts.
DOC_STATEMENTS = (
    "UNWIND $docs AS doc MATCH (d:SourceDocument {id: doc})<-[t:SOURCED_FROM]-(n) WHERE n.key IN $keys "
    "RETURN labels(n)[0] AS label, n.key AS key, doc, d.published AS published, properties(t) AS stated"
)
#: Statements of other documents that disagree with one of ``$docs`` on a
#: value, for the listed facts. Only disputed facts can have one, and only on a
#: disputed field, so the facts on which every document agrees are not walked.
DISAGREEING = (
    _FACTS_BY_KEY +
    "WITH n WHERE n." + DISPUTED_FIELD + " IS NOT NULL "
    "WITH n, [(n)-[t:SOURCED_FROM]->(d:SourceDocument) WHERE d.id IN $docs | properties(t)] AS mine "
    "MATCH (n)-[t:SOURCED_FROM]->(d:SourceDocument) WHERE NOT d.id IN $docs "
    "AND any(m IN mine WHERE any(k IN n." + DISPUTED_FIELD + " WHERE m[k] IS NOT NULL AND t[k] IS NOT NULL "
    "AND t[k] <> m[k])) "
    "RETURN labels(n)[0] AS label, n.key AS key, d.id AS doc, d.published AS published, properties(t) AS stated"
)
#: Whether a run of a version that keeps DISPUTED_FIELD has written this graph.
DISPUTES_KEPT = "RETURN EXISTS { MATCH (run:IngestRun) WHERE run.disputes_kept = true } AS kept"
#: Facts two or more documents state (all of them: read once, to mark an older version's graph).
SHARED_FACT_KEYS = (
    "MATCH (n)-[:SOURCED_FROM]->() WITH n, count(*) AS statements WHERE statements > 1 "
    "RETURN labels(n)[0] AS label, collect(n.key) AS keys"
)
STATED_KEYS = (
    "UNWIND $docs AS doc MATCH (f)-[:SOURCED_FROM]->(:SourceDocument {id: doc}) "
    "RETURN doc, labels(f)[0] AS label, collect(f.key) AS keys"
)


def merge_relationships(rel: Rel, start: Label, end: Label) -> str:
    """Link existing nodes; ``sources`` lists every document that states the link.

    A stated link (a policy link) is one relationship per document, keyed by
    ``doc``, with the statement's key (link_key), locator, quote and extracted flag
    (``row.source``); its ``sources`` is that one document, so retraction
    takes it like any other link.
    """
    ends = ("UNWIND $rows AS row MATCH (" + build.node("a", start, "row.start") + ") "
            "MATCH (" + build.node("b", end, "row.end") + ") ")
    if rel in STATED_RELS:
        return (
            ends + "MERGE (a)-[r:" + build.rel(rel) + " {doc: " + DOC + "}]->(b) "
            "SET r = row.source, r.doc = " + DOC + ", r.sources = [" + DOC + "]"
        )
    return (
        ends + "MERGE (a)-[r:" + build.rel(rel) + "]->(b) "
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
LINK_TYPES = build.rel_types({link.rel for section in SECTIONS for link in section.links} | STATED_RELS)
RETRACT_RELATIONSHIPS = (
    "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})<-[:SOURCED_FROM]-(f)-[r:" + LINK_TYPES + "]-() "
    "WHERE doc IN coalesce(r.sources, []) "
    "WITH collect(DISTINCT r) AS links UNWIND links AS r "
    "SET r.sources = [x IN r.sources WHERE NOT x IN $docs] "
    "WITH r WHERE size(r.sources) = 0 DELETE r"
)
#: Deletes the matched statements ``s`` of facts ``f``, then the facts no document states any more.
_DROP_STATEMENTS = (
    "WITH collect(s) AS statements, collect(DISTINCT f) AS facts "
    "FOREACH (s IN statements | DELETE s) "
    "WITH facts UNWIND facts AS f WITH f WHERE NOT (f)-[:SOURCED_FROM]->() DETACH DELETE f"
)
RETRACT_FACTS = "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})<-[s:SOURCED_FROM]-(f) " + _DROP_STATEMENTS
#: Each link a document in ``$docs`` states, by type and by its ends' labels and natural keys
#: (``$natural``: label → key property), so that a changed document is compared with what it said.
DOC_LINKS = (
    "UNWIND $docs AS doc MATCH (:SourceDocument {id: doc})<-[:SOURCED_FROM]-(f)-[r:" + LINK_TYPES + "]-() "
    "WHERE doc IN coalesce(r.sources, []) WITH DISTINCT doc, r, startNode(r) AS a, endNode(r) AS b "
    "WITH doc, r, a, b, labels(a)[0] AS start_label, labels(b)[0] AS end_label "
    "RETURN doc, type(r) AS rel, start_label, a[$natural[start_label]] AS start, "
    "end_label, b[$natural[end_label]] AS end"
)


def retract_statements(label: Label) -> str:
    """Remove the listed documents' statements of facts of one label (rows: doc, key); a fact no one states goes.

    What it will delete is collected first (an aggregation is a barrier), with RETRACT_FACTS's tail.
    """
    return (
        "UNWIND $rows AS row MATCH (" + build.node("f", label, "row.key") + ")-[s:SOURCED_FROM]->"
        "(:SourceDocument {id: " + DOC + "}) " + _DROP_STATEMENTS
    )


def retract_relationships(rel: Rel, start: Label, end: Label) -> str:
    """Take the listed documents off links of one type (rows: doc, start, end); a link no one states goes."""
    return (
        "UNWIND $rows AS row MATCH (" + build.node("", start, "row.start") + ")-[r:" + build.rel(rel) + "]->("
        + build.node("", end, "row.end") + ") "
        "WHERE " + DOC + " IN coalesce(r.sources, []) "
        "WITH r, collect(" + DOC + ") AS docs "
        "SET r.sources = [x IN r.sources WHERE NOT x IN docs] "
        "WITH r WHERE size(r.sources) = 0 DELETE r"
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
