"""networkx analyses on the fixture corpus: each answer worked out by hand from tests/data/analytics/*.yaml.

The regions' features (own facts; the Guizhou measure without a region
belongs to its policy's region):

    110000 Beijing   themes cbdf, data-factor, ai, digital-industries; indicator core-va; measure on data-factor
    310000 Shanghai  themes cbdf, data-factor, digital-government;       indicator core-va; measure on data-factor
    330000 Zhejiang  themes digital-industries, smart-manufacturing;     indicators core-va, 5g-stations
    520000 Guizhou   themes cloud-computing, data-factor, cbdf;          measure on cloud-computing
    440300 Shenzhen  themes ai, digital-industries, smart-manufacturing
    US, JP           theme cbdf; measure on cbdf (each a reported measure, nothing else)
"""

from __future__ import annotations

import json

import pytest

from policykg.errors import QueryError
from policykg.graph.export import to_networkx
from policykg.queries import analytics
from tests.cli import run_cli
from tests.fixture_corpus import fixture_graph  # noqa: F401 - the module's fixture

CBDF = "cross-border-data-flows"


@pytest.fixture(scope="module")
def g(fixture_graph):  # noqa: F811
    return to_networkx(fixture_graph)


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def test_similarity_needs_two_shared_themes_or_indicators(g):
    rows = analytics.similarity(g)
    # weighted: a theme 1, an indicator with a target or a theme acted on by a measure 2 (FEATURE_WEIGHTS)
    assert pick(rows, "region_a", "region_b", "similarity", "overlap") == [
        ("110000", "310000", round(6 / 9, 3), 3),  # cbdf, data-factor 2 + core-va 2 + both act on data-factor 2, of 9
        ("330000", "440300", round(2 / 7, 3), 2),  # digital-industries, smart-manufacturing of 7 (two indicators)
        ("110000", "330000", round(3 / 11, 3), 2),  # digital-industries 1 + core-va 2 of 11
        ("110000", "440300", round(2 / 9, 3), 2),  # ai, digital-industries of 9
        ("310000", "520000", round(2 / 10, 3), 2),  # cbdf, data-factor of 10
        ("110000", "520000", round(2 / 11, 3), 2),  # cbdf, data-factor of 11
    ]
    top = rows[0]
    assert (top["region_a_zh"], top["region_b_en"]) == ("北京市", "Shanghai")
    assert (top["shared_themes"], top["shared_indicators"], top["shared_measure_themes"]) == (
        [CBDF, "data-factor"], ["test-core-va"], ["data-factor"])


def test_without_a_minimum_overlap_two_foreign_economies_would_rank_first(g):
    rows = analytics.similarity(g, min_overlap=1)
    assert pick(rows[:2], "region_a", "region_b", "similarity", "overlap") == [
        ("JP", "US", 1.0, 1), ("110000", "310000", round(6 / 9, 3), 3)]
    # Guizhou and the US share one theme (cbdf, 1) of 7: Guizhou's measure is on cloud computing (2), the US's on cbdf
    assert ("520000", "US", round(1 / 7, 3), 1) in pick(rows, "region_a", "region_b", "similarity", "overlap")
    assert len(analytics.similarity(g, limit=2)) == 2
    with pytest.raises(QueryError, match="^min_overlap must be at least 1, got 0$"):
        analytics.similarity(g, min_overlap=0)


def test_theme_centrality(g):
    rows = {r["theme"]: r for r in analytics.centrality(g)}
    assert {t: (r["regions"], r["facts"], r["degree_centrality"]) for t, r in rows.items()} == {
        CBDF: (5, 5, round(5 / 7, 3)),  # Beijing, Shanghai, Guizhou's 2023 plan, the US and Japanese measures
        "data-factor": (3, 6, round(3 / 7, 3)),  # two facts each in Beijing, Shanghai and Guizhou
        "digital-industries": (3, 3, round(3 / 7, 3)),  # Beijing's target, Zhejiang's and Shenzhen's plans
        "artificial-intelligence": (2, 3, round(2 / 7, 3)),  # Beijing; Shenzhen's lab and plan
        "smart-manufacturing": (2, 3, round(2 / 7, 3)),  # Zhejiang's plan and factory; Shenzhen's plan
        "cloud-computing": (1, 2, round(1 / 7, 3)),  # Guizhou's plan and its measure
        "digital-government": (1, 1, round(1 / 7, 3)),  # Shanghai's plan
    }
    order = [r["theme"] for r in analytics.centrality(g)]
    # PageRank on the weighted region–theme graph: the two data themes lead (six facts; five regions,
    # two of which have no other theme); a theme of one fact in one region comes last
    assert set(order[:2]) == {CBDF, "data-factor"}
    assert order[-2:] == ["cloud-computing", "digital-government"]
    assert sum(r["pagerank"] for r in rows.values()) < 1  # the regions hold the rest of the rank


def test_communities_of_regions(g):
    rows = analytics.communities(g)
    assert pick(rows, "community", "regions", "common_themes") == [
        (1, ["110000", "310000", "520000"], [CBDF, "data-factor"]),
        (2, ["330000", "440300"], ["digital-industries", "smart-manufacturing"]),
        (3, ["JP"], [CBDF]),  # too little in common with anyone to join a community
        (4, ["US"], [CBDF]),
    ]
    assert rows[0]["regions_zh"] == ["北京市", "上海市", "贵州省"]
    assert analytics.communities(g) == rows  # the fixed seed: the same answer every time


def test_diffusion_first_region_year_and_followers(g):
    rows = analytics.diffusion(g)
    assert pick(rows, "theme", "first_region", "first_year", "basis", "first_fact", "followers") == [
        ("cloud-computing", "520000", 2019, "issued", "test-gz-plan", []),
        ("data-factor", "520000", 2019, "issued", "test-gz-plan", ["310000 Shanghai 2021", "110000 Beijing 2021"]),
        ("artificial-intelligence", "440300", 2020, "year", "test-sz-ai-lab", ["110000 Beijing 2021"]),
        ("digital-industries", "330000", 2021, "issued", "test-zj-plan",
         ["110000 Beijing 2021", "440300 Shenzhen 2022"]),  # Beijing by its target, dated by its plan (2021-08)
        ("smart-manufacturing", "330000", 2021, "issued", "test-zj-plan", ["440300 Shenzhen 2022"]),
        # the two reported measures have no date of their own: the document's (2022-03-01)
        (CBDF, "310000", 2021, "issued", "test-sh-plan",
         ["110000 Beijing 2021", "JP Japan 2022", "US United States 2022", "520000 Guizhou 2023"]),
        ("digital-government", "310000", 2021, "issued", "test-sh-plan", []),
    ]
    cbdf = rows[5]
    assert (cbdf["first_region_zh"], cbdf["first_date"], cbdf["regions"], cbdf["years_to_last"]) == (
        "上海市", "2021-07", 5, 2)


def test_similarity_leaves_out_the_root_theme(g):
    assert analytics.root_themes(g) == {"Theme:digital-economy"}
    features = analytics.region_features(g)
    assert not any(item == ("theme", "Theme:digital-economy") for items in features.values() for item in items)


def test_region_theme_matrix_counts_the_regions_within_by_default(g):
    rows = {(r["region"], r["theme"]): r["facts"] for r in analytics.region_theme_matrix(g)}
    # Guangdong states nothing itself: Shenzhen's facts are its; China has every Chinese region's (a fact once)
    assert [rows[("440000", t)] for t in ("artificial-intelligence", "digital-industries", "smart-manufacturing")] == [
        2, 1, 1]
    assert rows[("CN", "data-factor")] == 6 and rows[("CN", CBDF)] == 3
    assert ("JP", CBDF) in rows and ("CN", "JP") not in rows
    by_region = {r["region"]: r for r in analytics.matrix_by_region(analytics.region_theme_matrix(g))}
    assert (by_region["CN"]["themes"], by_region["CN"]["most"]) == (7, "数据要素 6、人工智能 3、数据跨境流动 3")


def test_themes_are_grouped_under_the_theme_below_the_root(g):
    groups = analytics.theme_groups(g)
    assert groups["smart-manufacturing"] == groups["industrial-digitalisation"] == "industrial-digitalisation"
    assert groups["cross-border-data-flows"] == "digital-governance"
    assert groups["digital-economy"] == "digital-economy"


def test_region_theme_matrix(g):
    rows = analytics.region_theme_matrix(g, within=False)
    assert pick(rows, "region", "theme", "facts") == [
        ("110000", "artificial-intelligence", 1), ("110000", CBDF, 1), ("110000", "data-factor", 2),
        ("110000", "digital-industries", 1),
        ("310000", CBDF, 1), ("310000", "data-factor", 2), ("310000", "digital-government", 1),
        ("330000", "digital-industries", 1), ("330000", "smart-manufacturing", 2),
        ("440300", "artificial-intelligence", 2), ("440300", "digital-industries", 1), ("440300", "smart-manufacturing", 1),
        ("520000", "cloud-computing", 2), ("520000", CBDF, 1), ("520000", "data-factor", 2),
        ("JP", CBDF, 1), ("US", CBDF, 1),
    ]
    assert (rows[0]["region_zh"], rows[0]["theme_zh"]) == ("北京市", "人工智能")


def test_the_analyses_also_run_on_a_graph_read_back_from_graphml(g, tmp_path):
    import networkx as nx

    from policykg.graph.export import write

    back = nx.read_graphml(write(g, "graphml", tmp_path / "g.graphml")[0], force_multigraph=True)
    assert analytics.similarity(back) == analytics.similarity(g)
    assert analytics.diffusion(back) == analytics.diffusion(g)


def test_cli_answers_as_the_api_does(fixture_graph, neo4j_under_test, g):  # noqa: F811
    for name, rows in (("similarity", analytics.similarity(g)), ("centrality", analytics.centrality(g)),
                       ("communities", analytics.communities(g)), ("diffusion", analytics.diffusion(g))):
        result = run_cli("analyze", name, "--format", "json", env=neo4j_under_test.env)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == rows, name
    result = run_cli("analyze", "similarity", "--format", "csv", "--min-overlap", "1", "--limit", "1",
                     env=neo4j_under_test.env)
    assert result.stdout.splitlines()[1].startswith("JP,日本,Japan,US,美国,United States,1,1,")


def test_cli_bad_input(neo4j_under_test):
    result = run_cli("analyze", "similarity", "--min-overlap", "0", env=neo4j_under_test.env)
    assert (result.exit_code, result.output) == (1, "Error: --min-overlap must be at least 1, got 0\n")
