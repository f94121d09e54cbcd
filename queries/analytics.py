"""Network questions the canned Cypher cannot answer well, asked of the exported graph with networkx.

Everything here reads a ``networkx.MultiDiGraph`` from ``graph.export`` (so a
notebook can run it on a saved GraphML file too) and returns plain rows, like
the canned queries, for the CLI to render.

A region's facts are the policies, targets, measures and projects that apply
to it or are located in it (its own, not those of regions within it, as in
``similar-regions``); a measure stated without a region belongs to its
policy's region. A fact is dated by its own date (a policy's ``issued`` or
``period_start``, a project's ``year``), else by its policy's, else by the
earliest document that states it; ``basis`` says which.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from policykg.errors import QueryError
from policykg.schema.sections import THEMED_LABELS, THEMED_REGION_RELS
from policykg.schema.vocabulary import Label, Rel

#: The facts the analyses read: the themed sections of the sections table, as the export names their labels.
FACT_LABELS = tuple(label.value for label in THEMED_LABELS)
REGION_LINKS = tuple(rel.value for rel in THEMED_REGION_RELS)
PARENT_LINKS = (Rel.INCLUDES.value, Rel.SETS.value)
#: Louvain is randomised; a fixed seed gives the same communities on every run.
SEED = 42


@dataclass
class FactView:
    """One policy, target, measure or project with what the analyses need of it."""

    node: str
    label: str
    regions: set[str] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)
    indicators: set[str] = field(default_factory=set)
    when: str | None = None  # sortable date text: YYYY, YYYY-MM or YYYY-MM-DD
    basis: str | None = None  # what dated it: issued, period_start, year, policy, document

    @property
    def year(self) -> int | None:
        return int(self.when[:4]) if self.when else None


def _kind(g: nx.MultiDiGraph, node: str) -> str:
    return g.nodes[node].get("labels", "")


def _own_date(data: dict[str, Any]) -> tuple[str | None, str | None]:
    for name in ("issued", "period_start", "year"):
        value = data.get(name)
        if value not in (None, ""):
            return str(value), name
    return None, None


def facts(g: nx.MultiDiGraph) -> list[FactView]:
    """The graph's policies, targets, measures and projects with their regions, themes, indicators and date."""
    views: dict[str, FactView] = {}
    parents: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        if data.get("labels") not in FACT_LABELS:
            continue
        view = FactView(node, data["labels"])
        view.when, view.basis = _own_date(data)
        for _, target, key, edge in g.out_edges(node, keys=True, data=True):
            rel, kind = edge.get("label", key), _kind(g, target)
            if rel in REGION_LINKS and kind == Label.REGION.value:
                view.regions.add(target)
            elif rel == Rel.ADDRESSES.value and kind == Label.THEME.value:
                view.themes.add(target)
            elif rel == Rel.TRACKS.value and kind == Label.INDICATOR.value:
                view.indicators.add(target)
        parents[node] = [source for source, _, edge in g.in_edges(node, data=True)
                         if edge.get("label") in PARENT_LINKS and _kind(g, source) == Label.POLICY.value]
        views[node] = view
    published = {node: data.get("published") for node, data in g.nodes(data=True)
                 if data.get("labels") == Label.SOURCE_DOCUMENT.value}
    for view in views.values():
        policies = [views[p] for p in parents[view.node] if p in views]
        if not view.regions:
            view.regions = set().union(*(p.regions for p in policies))
        if view.when is None:
            dated = sorted(p.when for p in policies if p.when)
            if dated:
                view.when, view.basis = dated[0], "policy"
        if view.when is None:
            documents = json.loads(g.nodes[view.node].get("documents") or "[]")
            dates = sorted(d for d in (published.get(f"{Label.SOURCE_DOCUMENT.value}:{doc}") for doc in documents) if d)
            if dates:
                view.when, view.basis = dates[0], "document"
    return sorted(views.values(), key=lambda v: v.node)


def _names(g: nx.MultiDiGraph, node: str) -> tuple[str, str | None, str | None]:
    data = g.nodes[node]
    return data.get("key") or node.split(":", 1)[1], data.get("name_zh"), data.get("name_en")


def region_names(g: nx.MultiDiGraph) -> dict[str, str]:
    """Region code → Chinese name, for labels in pictures."""
    return {data["key"]: data.get("name_zh") or data["key"] for _, data in g.nodes(data=True)
            if data.get("labels") == Label.REGION.value}


# --- region similarity ---------------------------------------------------------


def root_themes(g: nx.MultiDiGraph) -> set[str]:
    """Themes with no broader theme (数字经济): every region names them, so sharing one says nothing."""
    themes = {n for n, d in g.nodes(data=True) if d.get("labels") == Label.THEME.value}
    broader = {source for source, _, edge in g.edges(data=True)
               if edge.get("label") == Rel.BROADER.value and source in themes}
    return themes - broader


#: How much a shared feature says about two regions: a theme is named, an indicator with a target or a
#: theme acted on by a measure is a specific commitment and weighs more.
FEATURE_WEIGHTS = {"theme": 1.0, "indicator": 2.0, "measure": 2.0}


def region_features(g: nx.MultiDiGraph, views: list[FactView] | None = None) -> dict[str, set[tuple[str, str]]]:
    """What each region's facts commit to: themes, indicators its targets track, themes its measures act on.

    A theme backed by a measure counts twice (once as a theme, once as a
    measure), so regions that act on the same theme are closer than regions
    that only name it. The root theme is left out: every region has it.
    """
    roots = root_themes(g)
    features: dict[str, set[tuple[str, str]]] = {}
    for view in views if views is not None else facts(g):
        themes = view.themes - roots
        items = {("theme", t) for t in themes} | {("indicator", i) for i in view.indicators}
        if view.label == Label.MEASURE.value:
            items |= {("measure", t) for t in themes}
        for region in view.regions:
            features.setdefault(region, set()).update(items)
    return features


def _overlap(shared: set[tuple[str, str]]) -> int:
    """Shared themes and indicators; a shared measure restates a shared theme and does not add to it."""
    return sum(1 for kind, _ in shared if kind != "measure")


def _weight(features: set[tuple[str, str]]) -> float:
    return sum(FEATURE_WEIGHTS[kind] for kind, _ in features)


def _short(node: str) -> str:
    return node.split(":", 1)[1]


def similarity(g: nx.MultiDiGraph, min_overlap: int = 2, limit: int | None = None) -> list[dict[str, Any]]:
    """Pairs of regions by the weighted Jaccard similarity of their features, most similar first.

    Shared indicators and measures weigh twice a shared theme (FEATURE_WEIGHTS). A pair must share at least ``min_overlap`` themes or indicators: two
    economies that each mention one and the same theme would otherwise tie at
    1.0 and top the list.
    """
    if min_overlap < 1:
        raise QueryError(f"must be at least 1, got {min_overlap}", parameter="min_overlap")
    features = region_features(g)
    rows = []
    for a, b in itertools.combinations(sorted(features, key=_short), 2):
        shared = features[a] & features[b]
        if _overlap(shared) < min_overlap:
            continue
        union = features[a] | features[b]
        (code_a, zh_a, en_a), (code_b, zh_b, en_b) = _names(g, a), _names(g, b)
        rows.append({
            "region_a": code_a, "region_a_zh": zh_a, "region_a_en": en_a,
            "region_b": code_b, "region_b_zh": zh_b, "region_b_en": en_b,
            "similarity": round(_weight(shared) / _weight(union), 3),
            "overlap": _overlap(shared),
            "shared_themes": sorted(_short(i) for k, i in shared if k == "theme"),
            "shared_zh": "、".join(sorted(g.nodes[i].get("name_zh") or _short(i) for k, i in shared if k == "theme")),
            "shared_indicators": sorted(_short(i) for k, i in shared if k == "indicator"),
            "shared_measure_themes": sorted(_short(i) for k, i in shared if k == "measure"),
        })
    rows.sort(key=lambda r: (-r["similarity"], -r["overlap"], r["region_a"], r["region_b"]))
    return rows[:limit] if limit else rows


# --- the region–theme graph ------------------------------------------------------


def region_theme_graph(g: nx.MultiDiGraph, views: list[FactView] | None = None) -> nx.Graph:
    """Bipartite regions × themes; an edge's ``weight`` is how many of the region's facts address the theme."""
    b = nx.Graph()
    for view in views if views is not None else facts(g):
        for region, theme in itertools.product(sorted(view.regions), sorted(view.themes)):
            b.add_node(region, bipartite=0)
            b.add_node(theme, bipartite=1)
            weight = b.edges[region, theme]["weight"] + 1 if b.has_edge(region, theme) else 1
            b.add_edge(region, theme, weight=weight)
    return b


def _ancestors(g: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Region → the regions it lies within (PART_OF, followed up to the country)."""
    parent = {source: target for source, target, edge in g.edges(data=True) if edge.get("label") == Rel.PART_OF.value}
    found: dict[str, set[str]] = {}
    for region in parent:
        seen, up = set(), parent.get(region)
        while up is not None and up not in seen:
            seen.add(up)
            up = parent.get(up)
        found[region] = seen
    return found


def theme_groups(g: nx.MultiDiGraph) -> dict[str, str]:
    """Theme id → the theme just below the root that it falls under (itself for those), to draw related themes together."""
    broader: dict[str, str] = {}
    for source, target, edge in g.edges(data=True):  # a theme with two broader ones: the first by id, every run
        if edge.get("label") == Rel.BROADER.value and (source not in broader or target < broader[source]):
            broader[source] = target
    roots = root_themes(g)
    groups: dict[str, str] = {}
    for theme in {n for n, d in g.nodes(data=True) if d.get("labels") == Label.THEME.value}:
        node, seen = theme, set()
        while broader.get(node) is not None and broader[node] not in roots and node not in seen:
            seen.add(node)
            node = broader[node]
        groups[_short(theme)] = _short(node)
    return groups


def region_theme_matrix(g: nx.MultiDiGraph, within: bool = True) -> list[dict[str, Any]]:
    """One row per region and theme with a fact between them: the facts count (the heatmap's cells).

    ``within``: a region also counts the facts of the regions within it (a
    fact once), as the canned region-theme-matrix does; False: its own only.
    """
    views = facts(g)
    if within:
        ancestors = _ancestors(g)
        views = [FactView(v.node, v.label, v.regions.union(*(ancestors.get(r, set()) for r in v.regions)), v.themes)
                 for v in views]
    b = region_theme_graph(g, views)
    rows = []
    for region, theme, weight in b.edges(data="weight"):
        if b.nodes[region]["bipartite"] == 1:
            region, theme = theme, region
        code, zh, en = _names(g, region)
        tid, tzh, ten = _names(g, theme)
        rows.append({"region": code, "region_zh": zh, "region_en": en,
                     "theme": tid, "theme_zh": tzh, "theme_en": ten, "facts": weight})
    return sorted(rows, key=lambda r: (r["region"], r["theme"]))


def matrix_by_region(rows: list[dict[str, Any]], top: int = 3) -> list[dict[str, Any]]:
    """The matrix as one row per region: how many themes, facts on them, and the themes it says most about."""
    by_region: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_region.setdefault(row["region"], []).append(row)
    out = []
    for code, cells in by_region.items():
        ranked = sorted(cells, key=lambda c: (-c["facts"], c["theme"]))
        out.append({"region": code, "region_zh": cells[0]["region_zh"], "region_en": cells[0]["region_en"],
                    "themes": len(cells), "most": "、".join(f"{c['theme_zh'] or c['theme']} {c['facts']}"
                                                           for c in ranked[:top])})
    return out


def centrality(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Themes by how central they are to the region–theme graph: regions, facts, degree centrality, PageRank.

    ``degree_centrality`` is the share of regions (with any themed fact) that
    address the theme; PageRank runs on the weighted bipartite graph, so a
    theme gains from regions that address few other themes.
    """
    b = region_theme_graph(g)
    if b.number_of_nodes() == 0:
        return []
    regions = [n for n, side in b.nodes(data="bipartite") if side == 0]
    rank = nx.pagerank(b, weight="weight")
    rows = []
    for theme in (n for n, side in b.nodes(data="bipartite") if side == 1):
        tid, tzh, ten = _names(g, theme)
        rows.append({"theme": tid, "theme_zh": tzh, "theme_en": ten,
                     "regions": b.degree(theme), "facts": b.degree(theme, weight="weight"),
                     "degree_centrality": round(b.degree(theme) / len(regions), 3),
                     "pagerank": round(rank[theme], 4)})
    return sorted(rows, key=lambda r: (-r["pagerank"], -r["regions"], r["theme"]))


# --- communities -------------------------------------------------------------


def similarity_graph(g: nx.MultiDiGraph, min_overlap: int = 2) -> nx.Graph:
    """Regions joined by their similarity (pairs below ``min_overlap`` stay apart); every region with features is a node."""
    s = nx.Graph()
    s.add_nodes_from(sorted(_names(g, r)[0] for r in region_features(g)))
    for row in similarity(g, min_overlap):
        s.add_edge(row["region_a"], row["region_b"], weight=row["similarity"])
    return s


def communities(g: nx.MultiDiGraph, min_overlap: int = 2, seed: int = SEED) -> list[dict[str, Any]]:
    """Louvain communities of the similarity graph, largest first; a region like no other is a community of one."""
    s = similarity_graph(g, min_overlap)
    if s.number_of_nodes() == 0:
        return []
    groups = nx.community.louvain_communities(s, weight="weight", seed=seed)
    features = {_names(g, r)[0]: f for r, f in region_features(g).items()}
    ordered = sorted((sorted(group) for group in groups), key=lambda m: (-len(m), m))
    rows = []
    for number, members in enumerate(ordered, start=1):
        themes = Counter(_short(t) for m in members for kind, t in features[m] if kind == "theme")
        common = sorted(t for t, n in themes.items() if n == len(members))
        rows.append({"community": number, "size": len(members), "regions": members,
                     "regions_zh": [g.nodes[f"{Label.REGION.value}:{m}"].get("name_zh") for m in members],
                     "regions_en": [g.nodes[f"{Label.REGION.value}:{m}"].get("name_en") for m in members],
                     "common_themes": common if len(members) > 1 else sorted(themes)})
    return rows


# --- diffusion ---------------------------------------------------------------


def _dating(view: FactView) -> tuple[str, int, str]:
    """Earlier first; on the same date a fact dated by itself before one dated by its policy or document."""
    return view.when or "", {"policy": 1, "document": 2}.get(view.basis or "", 0), view.node


def diffusion(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """For each theme: the region that addressed it first, when, and the regions that followed, in order.

    A region's date for a theme is its earliest dated fact addressing it;
    regions tie only when their dates are equal as written (2021-07 comes
    before 2021-08, and a bare 2021 before both).
    """
    first: dict[str, dict[str, FactView]] = {}
    for view in facts(g):
        if view.when is None:
            continue
        for theme, region in itertools.product(view.themes, view.regions):
            seen = first.setdefault(theme, {})
            if region not in seen or _dating(view) < _dating(seen[region]):
                seen[region] = view
    rows = []
    for theme, by_region in first.items():
        order = sorted(by_region.items(), key=lambda item: (item[1].when, _short(item[0])))
        (lead, lead_fact), rest = order[0], order[1:]
        tid, tzh, ten = _names(g, theme)
        code, zh, en = _names(g, lead)
        rows.append({"theme": tid, "theme_zh": tzh, "theme_en": ten,
                     "first_region": code, "first_region_zh": zh, "first_region_en": en,
                     "first_year": lead_fact.year, "first_date": lead_fact.when, "basis": lead_fact.basis,
                     "first_fact": _short(lead_fact.node),
                     "followers": [f"{_short(r)} {g.nodes[r].get('name_en')} {v.year}" for r, v in rest],
                     "regions": len(order),
                     "years_to_last": (rest[-1][1].year - lead_fact.year) if rest else 0})
    return sorted(rows, key=lambda r: (r["first_date"], r["theme"]))

