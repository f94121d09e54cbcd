"""The region × theme summary: (:Region)-[:COVERS {counts}]->(:Theme), kept by ingest.

Whole-graph questions (region-theme-matrix, similar-regions) cannot walk
every fact at a million nodes within a query's time budget, so ingest keeps
one COVERS relationship per region and theme that has facts: ``policies``,
``measures``, ``targets``, ``projects`` and ``facts`` count the distinct
facts (Policy, Measure, Target, Project) of the region *with the regions
within it* that address the theme; ``own`` counts those of the region itself
(its portfolio, for similar-regions). A fact that applies to two regions of
one province counts once for the province.

It is maintained by difference, in the same transaction as the writes
(``maintained``): the contributions of every fact the transaction may touch
(the facts the documents stated before and state now) are read before and
after, and the difference is added to the counts. So a crash leaves the
summary exactly as consistent as the documents (one transaction), a rerun
equals a clean ingest, and an unchanged re-ingest does no summary work.
A graph without a summary (a first ingest, or a graph an older version
wrote) gets it built once after the run's writes instead (``missing``,
``ensure``). A first ingest into a graph without documents knows every
link it wrote, so it adds the cells up from its own rows (``Contributions``)
instead of reading a million facts back. ``rebuild`` recomputes it from
scratch (after a change to the region tree, say).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from policykg.graph import cypher_build as build
from policykg.graph.connection import Graph, read_rows, write
from policykg.ingest.writer import Batch, Keys, key_params, union_keys
from policykg.schema.sections import THEMED_REGION_RELS, THEMED_SECTIONS
from policykg.schema.vocabulary import Label, Rel

#: The facts the summary counts (the themed sections), and the COVERS property that counts each: the section name.
COUNTED: dict[Label, str] = {section.label: section.name for section in THEMED_SECTIONS}
PROPERTIES = (*COUNTED.values(), "facts", "own")

Cell = tuple[str, str]  # (region code, theme id)
T = TypeVar("T")

_CONTRIBUTION = (
    "WITH f, COLLECT { MATCH (f)-[:" + build.rel(Rel.ADDRESSES) + "]->(t:" + build.label(Label.THEME) + ") "
    "RETURN DISTINCT t.id } AS themes "
    "WHERE themes <> [] "
    "WITH f, themes, COLLECT { MATCH (f)-[:" + build.rel_types(THEMED_REGION_RELS) + "]->(r:"
    + build.label(Label.REGION) + ") RETURN DISTINCT r.code } AS own "
    "WHERE own <> [] "
    "RETURN labels(f)[0] AS label, themes, own"
)

#: What each listed fact adds to the summary: its label, its own regions and its themes.
CONTRIBUTIONS = build.nodes_by_key(COUNTED, var="f") + _CONTRIBUTION

#: What every counted fact adds (rebuild): streamed, so the server holds one fact at a time.
ALL_CONTRIBUTIONS = "MATCH (f) WHERE " + build.has_any_label("f", COUNTED) + " " + _CONTRIBUTION

#: Every region with the regions it lies within (a few hundred rows: the tree is walked in Python).
ANCESTORS = """
MATCH (r:Region)
RETURN r.code AS code, COLLECT { MATCH (r)-[:PART_OF*1..]->(up:Region) RETURN DISTINCT up.code } AS within
"""

#: Add each cell's difference to its counts; a cell left with no fact goes.
APPLY = (
    "UNWIND $rows AS row "
    "MATCH (region:Region {code: row.region}), (theme:Theme {id: row.theme}) "
    "MERGE (region)-[c:COVERS]->(theme) "
    "SET " + ", ".join(f"c.{name} = coalesce(c.{name}, 0) + row.{name}" for name in PROPERTIES) + " "
    "WITH c WHERE c.facts <= 0 "
    "DELETE c"
)

ROWS = """
MATCH (r:Region)-[c:COVERS]->(t:Theme)
RETURN r.code AS region, t.id AS theme, properties(c) AS counts
ORDER BY region, theme
"""

CLEAR = "MATCH (:Region)-[c:COVERS]->(:Theme) DELETE c"

#: The cells of a rebuild, written after CLEAR in the same transaction.
CREATE_CELLS = (
    "UNWIND $rows AS row "
    "MATCH (region:Region {code: row.region}), (theme:Theme {id: row.theme}) "
    "CREATE (region)-[:COVERS {" + ", ".join(f"{name}: row.{name}" for name in PROPERTIES) + "}]->(theme)"
)

#: Facts on themes, and summary cells: two counts from the count store, no scan.
COUNTS = """
CALL () { MATCH ()-[a:ADDRESSES]->() RETURN count(a) AS addresses }
CALL () { MATCH ()-[c:COVERS]->() RETURN count(c) AS covers }
RETURN addresses, covers
"""


def ancestors(tx: ManagedTransaction) -> dict[str, list[str]]:
    return {row["code"]: row["within"] for row in tx.run(ANCESTORS)}


def contributions(tx: ManagedTransaction, keys: Keys, within: dict[str, list[str]]) -> dict[Cell, Counter[str]]:
    """Each cell's counts from the facts ``keys`` names, as the graph holds them now."""
    if not any(keys.get(label) for label in COUNTED):
        return {}
    return _cells(tx.run(CONTRIBUTIONS, key_params(keys)), within)


def _cells(rows: Iterable[Any], within: dict[str, list[str]]) -> dict[Cell, Counter[str]]:
    """Add up facts' contributions per cell: each fact once for each of its regions and the regions they lie within."""
    cells: dict[Cell, Counter[str]] = {}
    for row in rows:
        kind = COUNTED[Label(row["label"])]
        own = set(row["own"])
        regions = own.union(*(within.get(code, ()) for code in own))
        for region in regions:
            for theme in row["themes"]:
                counts = cells.setdefault((region, theme), Counter())
                counts[kind] += 1
                counts["facts"] += 1
                counts["own"] += region in own
    return cells


def apply_difference(tx: ManagedTransaction, before: dict[Cell, Counter[str]],
                     after: dict[Cell, Counter[str]]) -> int:
    """Add ``after - before`` to the stored counts; the number of cells that changed."""
    rows = []
    for cell in sorted(set(before) | set(after)):
        old, new = before.get(cell, Counter()), after.get(cell, Counter())
        difference = {name: new[name] - old[name] for name in PROPERTIES}
        if any(difference.values()):
            rows.append({"region": cell[0], "theme": cell[1], **difference})
    if rows:
        tx.run(APPLY, rows=rows).consume()
    return len(rows)


def maintained(tx: ManagedTransaction, stated: Iterable[Keys], work: Callable[[], T], deferred: bool = False) -> T:
    """Run ``work`` (writes touching the facts ``stated`` names, before or after) and bring the summary along, in ``tx``.

    ``deferred``: the run builds the summary after its writes (``missing``); only ``work`` runs.
    """
    if deferred:
        return work()
    keys = {label: names for label, names in union_keys(*stated).items() if label in COUNTED}
    within = ancestors(tx)
    before = contributions(tx, keys, within)
    result = work()
    apply_difference(tx, before, contributions(tx, keys, within))
    return result


def rebuild(graph: Graph) -> int:
    """The summary recomputed from every fact (older graphs, a changed region tree); the cells written.

    The facts' contributions are streamed and added up here, not aggregated
    in one Cypher statement, which outgrows the server's transaction memory
    on a large graph (docs/ingest.md, section 5). The old cells go and the
    new ones come in the same transaction, so a crash leaves the old summary.
    """
    return write(graph, lambda tx: _replace_cells(tx, tx.run(ALL_CONTRIBUTIONS)))


def _replace_cells(tx: ManagedTransaction, contributions: Iterable[Any]) -> int:
    within = ancestors(tx)
    cells = _cells(contributions, within)
    tx.run(CLEAR).consume()
    rows = [{"region": region, "theme": theme, **{name: counts[name] for name in PROPERTIES}}
            for (region, theme), counts in sorted(cells.items())]
    created = 0
    for start in range(0, len(rows), 10_000):
        created += tx.run(CREATE_CELLS, rows=rows[start:start + 10_000]).consume().counters.relationships_created
    return created


#: The links that make a fact count, by the property of Contributions they fill.
_THEMES, _REGIONS = {Rel.ADDRESSES}, set(THEMED_REGION_RELS)


class Contributions:
    """What the counted facts of a run's batches add to the summary, gathered as the batches are built.

    Only complete for a graph that had no documents before the run: then
    every link a counted fact has is one of these rows (link ends are
    reference data or validated keys, so every row became a relationship).
    """

    def __init__(self) -> None:
        self._facts: dict[tuple[Label, str], tuple[set[str], set[str]]] = {}

    def add(self, batch: Batch) -> None:
        for (rel, start, end), rows in batch.links.items():
            if start not in COUNTED or not ((rel in _THEMES and end is Label.THEME)
                                            or (rel in _REGIONS and end is Label.REGION)):
                continue
            for row in rows:
                themes, regions = self._facts.setdefault((start, row["start"]), (set(), set()))
                (themes if rel in _THEMES else regions).add(row["end"])

    def rows(self) -> Iterator[dict[str, Any]]:
        """Rows shaped like ALL_CONTRIBUTIONS's: the facts with a theme and a region."""
        for (label, _), (themes, regions) in self._facts.items():
            if themes and regions:
                yield {"label": label.value, "themes": sorted(themes), "own": sorted(regions)}


def build(graph: Graph, gathered: Contributions) -> int:
    """The summary of a first ingest, added up from its own rows: the cells written."""
    return write(graph, lambda tx: _replace_cells(tx, gathered.rows()))


def missing(graph: Graph) -> bool:
    """Whether the graph has no summary: a fresh graph, one whose first ingest crashed, or an older version's.

    Then a run writes without upkeep and builds the summary once after its
    writes (``ensure``): for a first ingest that is a fraction of the cost of
    keeping it document by document, and a crash before the build leaves no
    summary, so the next run builds it.
    """
    return read_rows(graph, COUNTS)[0]["covers"] == 0


def ensure(graph: Graph) -> bool:
    """Build the summary if the graph has facts on themes but no summary; whether it did."""
    counts = read_rows(graph, COUNTS)[0]
    if counts["covers"] or not counts["addresses"]:
        return False
    rebuild(graph)
    return True


def rows_of(graph: Graph) -> list[dict[str, Any]]:
    """Every COVERS cell with its counts (tests compare maintained and rebuilt summaries)."""
    return read_rows(graph, ROWS)
