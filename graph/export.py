"""The graph outside Neo4j: a ``networkx.MultiDiGraph`` and files Gephi, Cytoscape and pandas open.

Nodes are read per label in pages, keyset-paged on the label's natural key
(the uniqueness constraint's index gives the order, so no page re-sorts the
whole graph) and each page goes straight into the MultiDiGraph; the result is
held once. A neighbourhood (``region``/``theme`` with ``depth``) or the nodes
a canned query's answer names (``keys``) are walked hop by hop over element
ids, also in pages. ``SourceDocument`` nodes are included but not walked
through: every fact of a document would otherwise be one hop from every other.
``IngestRun`` nodes are ingest bookkeeping and are left out, and so are the
``COVERS`` counts ingest keeps (a summary of the facts, not a statement).

Node ids are ``Label:key`` (``Region:110000``), so they read well in Gephi and
are unique although natural keys are unique only per label. Attribute values
are GraphML/GEXF-safe already in memory (lists → JSON text, dates → ISO
text, one type per attribute name), so ``nx.write_graphml(to_networkx(g))``
works as it is.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.errors import ExportError, UnknownName
from policykg.graph import cypher_build as build
from policykg.graph.connection import Graph, read_records
from policykg.graph.values import file_safe
from policykg.schema.reference import gazetteer, themes
from policykg.schema.vocabulary import NATURAL_KEYS, Label

#: Labels that are exported (IngestRun holds the ingest's change log, not facts).
EXPORTED: tuple[Label, ...] = tuple(label for label in Label if label is not Label.INGEST_RUN)
PAGE_SIZE = 2000


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"
    csv = "csv"


# --- reading ---------------------------------------------------------------

_PROVENANCE = (
    " OPTIONAL MATCH (n)-[s:SOURCED_FROM]->(d:SourceDocument)"
    " WITH n, collect([d.id, s.locator]) AS provenance"
    " RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props, provenance"
)
_BY_ID = "UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id WITH n"
#: One hop from the frontier, not through a document (a hub) nor to the run log or the summary.
_WALK = ("UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id AND NOT n:SourceDocument "
         "MATCH (n)-[r]-(m) WHERE NOT m:IngestRun AND NOT r:COVERS "
         "RETURN DISTINCT elementId(m) AS eid, m:SourceDocument AS hub")
_OUT_EDGES = (" MATCH (n)-[r]->(m) WHERE NOT r:COVERS RETURN elementId(n) AS source, elementId(m) AS target,"
              " type(r) AS type, properties(r) AS props")


def _label_page(label: Label) -> str:
    """The next page of one label's nodes after key $after (label and key from the vocabulary)."""
    key = "n." + build.key_of(label)
    return "MATCH (" + build.node("n", label) + ") WHERE " + key + " > $after WITH n ORDER BY " + key + " LIMIT $limit"


def _page_keys(label: Label) -> str:
    """The natural keys of the page ``_label_page`` reads (an edge page may have no rows to take them from)."""
    return _label_page(label) + " RETURN n." + build.key_of(label) + " AS k"


def _seed_by_key(label: Label) -> str:
    return "MATCH (" + build.node("n", label, "$key") + ") RETURN elementId(n) AS eid"


def _seeds_in(label: Label) -> str:
    return "MATCH (" + build.node("n", label) + ") WHERE n." + build.key_of(label) + " IN $keys RETURN elementId(n) AS eid"


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _primary_label(labels: Iterable[str]) -> Label | None:
    known = [Label(name) for name in labels if name in Label._value2member_map_]
    return known[0] if known else None


def _node_attributes(label: Label, labels: list[str], props: dict[str, Any],
                     provenance: list[list[Any]]) -> dict[str, Any]:
    key = props.get(NATURAL_KEYS[label])
    # 'id' (Theme, SourceDocument) is the natural key, kept as 'key' like every label's: GEXF and
    # nodes.csv use 'id' for the node id itself.
    attrs: dict[str, Any] = {k: file_safe(v) for k, v in props.items() if v is not None and k != "id"}
    name_zh = props.get("name_zh") or props.get("title_zh") or props.get("label_zh")
    name_en = props.get("name_en") or props.get("title_en") or props.get("label_en") or name_zh  # English optional
    sources = sorted((doc, loc) for doc, loc in provenance if doc is not None)
    attrs.update({
        "labels": ":".join(sorted(labels)),
        "key": key,
        "label": name_zh or name_en or key,  # Gephi and Cytoscape caption a node by 'label'
        "documents": json.dumps([doc for doc, _ in sources], ensure_ascii=False),
        "locators": json.dumps([loc for _, loc in sources], ensure_ascii=False),
    })
    if name_zh:
        attrs["name_zh"] = name_zh
    if name_en:
        attrs["name_en"] = name_en
    return attrs


class _Builder:
    """Pages of rows → one MultiDiGraph; element ids are mapped to ``Label:key`` ids once."""

    def __init__(self) -> None:
        self.g = nx.MultiDiGraph()
        self.ids: dict[str, str] = {}

    def add_nodes(self, rows: list[Any]) -> None:
        for row in rows:
            label = _primary_label(row["labels"])
            if label is None or label not in EXPORTED:
                continue
            attrs = _node_attributes(label, row["labels"], row["props"], row["provenance"])
            node_id = f"{label.value}:{attrs['key']}"
            self.ids[row["eid"]] = node_id
            self.g.add_node(node_id, **attrs)

    def add_edges(self, rows: list[Any]) -> None:
        for row in rows:
            u, v = self.ids.get(row["source"]), self.ids.get(row["target"])
            if u is None or v is None:
                continue  # an endpoint outside the export (IngestRun, or beyond the neighbourhood)
            key = row["type"]
            if self.g.has_edge(u, v, key):  # the writer MERGEs one per (start, type, end); be safe anyway
                key = f"{key}#{self.g.number_of_edges(u, v)}"
            attrs = {k: file_safe(v) for k, v in row["props"].items() if v is not None}
            attrs["label"] = row["type"]
            self.g.add_edge(u, v, key=key, **attrs)

    def finish(self, **graph_attrs: Any) -> nx.MultiDiGraph:
        unify_types(self.g)
        self.g.graph.update({k: v for k, v in graph_attrs.items() if v is not None})
        return self.g


def unify_types(g: nx.MultiDiGraph) -> None:
    """One type per attribute name (GraphML declares a type per key): ints become floats beside floats, else text."""
    for items in ([d for _, d in g.nodes(data=True)], [d for _, _, d in g.edges(data=True)]):
        kinds: dict[str, set[type]] = {}
        for data in items:
            for name, value in data.items():
                kinds.setdefault(name, set()).add(type(value))
        for name, types_ in kinds.items():
            if len(types_) < 2:
                continue
            cast: Callable[[Any], Any] = float if types_ <= {int, float} else str
            for data in items:
                if name in data:
                    data[name] = cast(data[name])


def _read_whole(graph: Graph, builder: _Builder, page_size: int) -> None:
    for label in EXPORTED:
        _paged_by_key(graph, label, _label_page(label) + _PROVENANCE, builder.add_nodes, page_size)
    for label in EXPORTED:
        _paged_by_key(graph, label, _label_page(label) + _OUT_EDGES, builder.add_edges, page_size,
                      keys_query=_page_keys(label))


def _paged_by_key(graph: Graph, label: Label, cypher: str, sink: Callable[[list[Any]], None],
                  page_size: int, keys_query: str | None = None) -> None:
    """Run ``cypher`` once per page of ``label``'s nodes, in natural-key order.

    Node rows carry their key; for edge rows the page's last key is asked
    separately (``keys_query``), since a page of nodes may have no edges.
    """
    key_name, after = NATURAL_KEYS[label], ""
    while True:
        params = {"after": after, "limit": page_size}
        rows = read_records(graph, cypher, params)
        if keys_query is None:
            keys = [row["props"][key_name] for row in rows]
        else:
            keys = [row["k"] for row in read_records(graph, keys_query, params)]
        sink(rows)
        if len(keys) < page_size:
            return
        after = max(keys)


def _read_around(graph: Graph, builder: _Builder, seeds: list[str], depth: int, page_size: int) -> None:
    """The nodes within ``depth`` hops of the seeds (not through hubs), then the edges among them."""
    seen = dict.fromkeys(seeds)
    frontier = list(seeds)
    for _ in range(depth):
        following: list[str] = []
        for chunk in _chunks(frontier, page_size):
            for row in read_records(graph, _WALK, {"ids": chunk}):
                if row["eid"] not in seen:
                    seen[row["eid"]] = None
                    if not row["hub"]:
                        following.append(row["eid"])
        frontier = following
        if not frontier:
            break
    ids = list(seen)
    for chunk in _chunks(ids, page_size):
        builder.add_nodes(read_records(graph, _BY_ID + _PROVENANCE, {"ids": chunk}))
    for chunk in _chunks(ids, page_size):
        builder.add_edges(read_records(graph, _BY_ID + _OUT_EDGES, {"ids": chunk}))


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def resolve_scope(regions: Iterable[str] = (), theme_names: Iterable[str] = ()) -> list[tuple[Label, str, str]]:
    """(label, natural key, name as typed) for each named region and theme; UnknownName with close names."""
    wanted = [(Label.REGION, gazetteer().resolve(name).code, name) for name in regions]
    return wanted + [(Label.THEME, themes().resolve(name).id, name) for name in theme_names]


def _check_depth(depth: int | None) -> None:
    if depth is not None and depth < 0:
        raise ExportError(f"must be 0 or more, got {depth}", parameter="depth")


def _seed_ids(graph: Graph, regions: list[str], theme_names: list[str], keys: list[str]) -> list[str]:
    """Element ids of the named regions, themes and natural keys; UnknownName when one is not in the graph."""
    seeds: list[str] = []
    for label, key, name in resolve_scope(regions, theme_names):
        rows = read_records(graph, _seed_by_key(label), {"key": key})
        if not rows:
            raise UnknownName(f"{label.value.lower()} {name!r} ({key}) is not in the graph; "
                              "run `policykg ingest` first")
        seeds.append(rows[0]["eid"])
    if keys:
        for label in EXPORTED:
            rows = read_records(graph, _seeds_in(label), {"keys": keys})
            seeds += [row["eid"] for row in rows]
    return list(dict.fromkeys(seeds))


def to_networkx(graph: Graph, region: str | Iterable[str] | None = None, theme: str | Iterable[str] | None = None,
                depth: int = 1, keys: Iterable[str] | None = None, page_size: int = PAGE_SIZE) -> nx.MultiDiGraph:
    """The graph (or the neighbourhood of regions/themes/keys) as a ``networkx.MultiDiGraph``.

    Regions and themes are named as people type them (北京, Beijing, 110000;
    数据跨境流动). ``keys`` are natural keys of any label (a canned query's
    answer); ``depth`` hops are walked from every named node (0: only them and
    the edges among them). With nothing named, the whole graph is read.
    """
    regions, theme_names, key_list = _as_list(region), _as_list(theme), _as_list(keys)
    _check_depth(depth)
    if page_size < 1:
        raise ExportError(f"must be at least 1, got {page_size}", parameter="page_size")
    builder = _Builder()
    scoped = bool(regions or theme_names or keys is not None)
    if scoped:
        seeds = _seed_ids(graph, regions, theme_names, key_list)
        _read_around(graph, builder, seeds, depth, page_size)
    else:
        _read_whole(graph, builder, page_size)
    scope = {"regions": regions, "themes": theme_names, "depth": depth} if scoped else {"whole": True}
    return builder.finish(source="policykg", uri=graph.uri, scope=json.dumps(scope, ensure_ascii=False))


# --- writing ---------------------------------------------------------------

NODE_LEAD = ("id", "labels", "key", "label", "name_zh", "name_en")
EDGE_LEAD = ("source", "target", "label")


def _columns(lead: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> list[str]:
    seen = dict.fromkeys(lead)
    for data in rows:
        seen.update(dict.fromkeys(sorted(data)))
    return list(seen)


def write_csv(g: nx.MultiDiGraph, directory: Path) -> list[Path]:
    """nodes.csv and edges.csv in ``directory``: one row per node and per edge, for ``pd.read_csv``."""
    directory.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = directory / "nodes.csv", directory / "edges.csv"
    node_cols = _columns(NODE_LEAD, (d for _, d in g.nodes(data=True)))
    with nodes_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, node_cols)
        writer.writeheader()
        for node, data in g.nodes(data=True):
            writer.writerow({"id": node, **data})
    edge_cols = _columns(EDGE_LEAD, (d for _, _, d in g.edges(data=True)))
    with edges_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, edge_cols)
        writer.writeheader()
        for u, v, data in g.edges(data=True):
            writer.writerow({"source": u, "target": v, **data})
    return [nodes_path, edges_path]


def write_node_link(g: nx.MultiDiGraph, path: Path) -> None:
    """networkx node-link JSON (``nx.node_link_graph(data, edges="edges")``), written item by item."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"directed": true, "multigraph": true, "graph": ')
        out.write(json.dumps(g.graph, ensure_ascii=False))
        out.write(', "nodes": [')
        for i, (node, data) in enumerate(g.nodes(data=True)):
            out.write((",\n" if i else "\n") + json.dumps({**data, "id": node}, ensure_ascii=False))
        out.write('\n], "edges": [')
        for i, (u, v, key, data) in enumerate(g.edges(keys=True, data=True)):
            out.write((",\n" if i else "\n")
                      + json.dumps({**data, "source": u, "target": v, "key": key}, ensure_ascii=False))
        out.write("\n]}\n")


def default_path(fmt: ExportFormat) -> Path:
    return Path("policykg-graph" if fmt is ExportFormat.csv else f"policykg-graph.{fmt.value}")


def write(g: nx.MultiDiGraph, fmt: ExportFormat | str, path: Path | None = None) -> list[Path]:
    """Write ``g`` as ``fmt`` to ``path`` (a directory for csv); the files written.

    GraphML and GEXF go through networkx's writers, which build the XML tree
    in memory; CSV and JSON are written node by node from the graph.
    """
    fmt = export_format(fmt)
    path = path or default_path(fmt)
    try:
        if fmt is ExportFormat.csv:
            return write_csv(g, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt is ExportFormat.graphml:
            nx.write_graphml(g, path, encoding="utf-8")
        elif fmt is ExportFormat.gexf:
            nx.write_gexf(g, path, encoding="utf-8")
        else:
            write_node_link(g, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    return [path]


def export_format(fmt: ExportFormat | str) -> ExportFormat:
    """The format named (in any case); ExportError listing the formats for another name."""
    try:
        return ExportFormat(fmt.lower())
    except ValueError:
        raise ExportError(f"unknown export format {fmt!r}; expected one of "
                          f"{', '.join(f.value for f in ExportFormat)}") from None


def prepare(fmt: ExportFormat | str, path: Path | None, regions: Iterable[str] = (),
            theme_names: Iterable[str] = (), depth: int | None = None) -> tuple[ExportFormat, Path]:
    """Everything an export can refuse before the graph is read: format, depth, names, destination.

    Returns the format and the path to write; the CLI calls it before it connects.
    """
    chosen = export_format(fmt)
    _check_depth(depth)
    resolve_scope(regions, theme_names)
    return chosen, check_writable(chosen, path)


def check_writable(fmt: ExportFormat, path: Path | None) -> Path:
    """Refuse an unwritable destination before the graph is read, not after."""
    target = path or default_path(fmt)
    directory = target if fmt is ExportFormat.csv else target.parent
    if fmt is ExportFormat.csv and target.exists() and not target.is_dir():
        raise ExportError(f"cannot write {target}: CSV export needs a directory (nodes.csv, edges.csv)")
    if fmt is not ExportFormat.csv and target.is_dir():
        raise ExportError(f"cannot write {target}: it is a directory")
    probe = directory
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise ExportError(f"cannot write {target}: {probe} is not a directory")
    if not os.access(probe, os.W_OK):
        raise ExportError(f"cannot write {target}: {probe} is not writable")
    return target


__all__ = ["ExportError", "ExportFormat", "check_writable", "export_format", "prepare", "resolve_scope", "to_networkx",
           "write"]
