"""Every canned query on the demo corpus: the actual answer, checked against the record files.

The expected rows below were worked out from data/documents/*.yaml (which
fact names which region and theme, at which paragraph), not copied from a run.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pandas as pd
import pytest
from policykg.queries.loader import load_all
from policykg.queries.runner import pivot, run_query

from tests.cli import run_cli

SEED = "seed-2021-11-09-digital-economy-local-paths"
SEED_TITLE = "学习在行动|新时期数字经济赋能地方发展的新经验与新路径"
SEED_DATE = dt.date(2021, 11, 9)


def run(demo_graph, name, **params):
    return run_query(demo_graph, name, {k: str(v) for k, v in params.items()})


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def test_regions_targeting_theme_default_is_cross_border_data_flows(demo_graph):
    rows = run(demo_graph, "regions-targeting-theme")
    assert rows == [
        {"region": "110000", "region_zh": "北京市", "region_en": "Beijing", "label": "Policy",
         "key": "bj-benchmark-city-plan", "status": None, "name_zh": "北京市关于加快建设全球数字经济标杆城市的实施方案",
         "name_en": "Beijing implementation plan for accelerating the building of a global digital-economy benchmark city",
         "themes": ["cross-border-data-flows"], "source": SEED, "source_title": SEED_TITLE, "published": SEED_DATE,
         "locator": "¶4"},
        {"region": "110000", "region_zh": "北京市", "region_en": "Beijing", "label": "Target",
         "key": "bj-highland-data-factor-hub", "status": None, "name_zh": "国际数据要素配置枢纽高地",
         "name_en": "Highland as an international hub for allocating data as a production factor (within 5-10 years)",
         "themes": ["cross-border-data-flows"], "source": SEED, "source_title": SEED_TITLE, "published": SEED_DATE,
         "locator": "¶4"},
        {"region": "520000", "region_zh": "贵州省", "region_en": "Guizhou", "label": "Measure",
         "key": "gz-big-data-zone-ecosystem-infrastructure", "status": "adopted",
         "name_zh": "以国家大数据(贵州)综合试验区为基础,加强国际互联网数据专用通道、云计算存储中心等生态基础建设",
         "name_en": "Build ecosystem infrastructure such as an international data channel and cloud storage on the basis "
                    "of the national big-data pilot zone",
         "themes": ["cross-border-data-flows"], "source": SEED, "source_title": SEED_TITLE, "published": SEED_DATE,
         "locator": "¶8"},
        {"region": "520000", "region_zh": "贵州省", "region_en": "Guizhou", "label": "Project",
         "key": "gz-intl-internet-data-channel", "status": None, "name_zh": "国际互联网数据专用通道",
         "name_en": "Dedicated international internet data channel (Guizhou)",
         "themes": ["cross-border-data-flows"], "source": SEED, "source_title": SEED_TITLE, "published": SEED_DATE,
         "locator": "¶8"},
        {"region": "CN", "region_zh": "中国", "region_en": "China", "label": "Measure",
         "key": "cn-cross-border-data-flow-monitoring", "status": "recommended", "name_zh": "加强数据跨境流动监测",
         "name_en": "Strengthen monitoring of cross-border data flows",
         "themes": ["cross-border-data-flows"], "source": SEED, "source_title": SEED_TITLE, "published": SEED_DATE,
         "locator": "¶10"},
    ]


@pytest.mark.parametrize("typed", ["数据跨境流动", "Cross-border data flows", "cross-border-data-flows"])
def test_regions_targeting_theme_accepts_the_theme_as_people_type_it(demo_graph, typed):
    rows = run(demo_graph, "regions-targeting-theme", theme=typed)
    assert pick(rows, "region", "key") == [
        ("110000", "bj-benchmark-city-plan"), ("110000", "bj-highland-data-factor-hub"),
        ("520000", "gz-big-data-zone-ecosystem-infrastructure"), ("520000", "gz-intl-internet-data-channel"),
        ("CN", "cn-cross-border-data-flow-monitoring")]


def test_regions_targeting_a_broad_theme_include_its_narrower_themes(demo_graph):
    # data-governance has cross-border-data-flows, data-factor, privacy-protection... below it
    rows = run(demo_graph, "regions-targeting-theme", theme="数据治理")
    beijing_plan = next(r for r in rows if r["key"] == "bj-benchmark-city-plan")
    assert beijing_plan["themes"] == ["cross-border-data-flows", "data-factor"]
    assert {"cn-data-misuse-crackdown", "gz-intl-internet-data-channel", "bj-highland-data-factor-hub"} <= {r["key"] for r in rows}


def test_cli_regions_targeting_theme_has_beijing_and_guizhou_with_their_source(demo_graph, neo4j_under_test):
    result = run_cli("query", "run", "regions-targeting-theme", "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    found = {(r["region_en"], r["key"]): (r["source"], r["published"], r["locator"]) for r in rows}
    assert found[("Beijing", "bj-highland-data-factor-hub")] == (SEED, "2021-11-09", "¶4")
    assert found[("Guizhou", "gz-intl-internet-data-channel")] == (SEED, "2021-11-09", "¶8")


def test_region_policies_include_those_of_regions_within(demo_graph):
    rows = run(demo_graph, "region-policies", region="广东")
    assert pick(rows, "region", "key", "kind", "issued_by", "source", "locator") == [
        ("440000", "gd-accelerating-digitalisation-opinion", "opinion", None, SEED, "¶7"),
        ("440300", "sz-digital-economy-support-scheme", "support_scheme", None, SEED, "¶6"),
        ("440300", "sz-pilot-demonstration-zone-opinion", "opinion", "CPC Central Committee and State Council", SEED, "¶6"),
    ]
    assert run(demo_graph, "region-policies", region="深圳市") == rows[1:]
    assert pick(run(demo_graph, "region-policies", region="110000"), "key") == [("bj-benchmark-city-plan",)]


def test_targets_due_by_2025(demo_graph):
    rows = run(demo_graph, "targets-due-by", year=2025)
    assert pick(rows, "deadline", "region", "key", "comparator", "value", "unit", "indicator", "policy", "locator") == [
        (2023, "310000", "sh-2023-digital-real-integration-zone", None, None, None, None,
         "sh-economic-digital-transformation-action-plan", "¶5"),
        (2023, "310000", "sh-2023-innovative-industry-cluster", None, None, None, None,
         "sh-economic-digital-transformation-action-plan", "¶5"),
        (2023, "310000", "sh-2023-intl-innovation-cooperation-city", None, None, None, None,
         "sh-economic-digital-transformation-action-plan", "¶5"),
        (2023, "310000", "sh-2023-transformation-ecosystem-leader", None, None, None, None,
         "sh-economic-digital-transformation-action-plan", "¶5"),
        (2025, "330000", "zj-2025-demonstration-projects-1000", "≥", 1000.0, "家", "cn-demonstration-projects",
         "zj-14th-fyp-digital-economy-plan", "¶7"),
        (2025, "330000", "zj-2025-digital-economy-va-about-60pct", "≈", 60.0, "%", "cn-digital-economy-va",
         "zj-14th-fyp-digital-economy-plan", "¶7"),
    ]
    assert pick(run(demo_graph, "targets-due-by", year=2023), "key") == [r[2:3] for r in pick(rows, "deadline", "region", "key")[:4]]
    beijing_2031 = run(demo_graph, "targets-due-by", year=2031)
    assert len(beijing_2031) == 12  # + the six Beijing "highland" targets of 2031
    assert run(demo_graph, "targets-due-by", year=2022) == []


def test_indicator_over_time_by_key_or_name(demo_graph):
    rows = run(demo_graph, "indicator-over-time", region="深圳", indicator="数字经济核心产业增加值")
    assert pick(rows, "year", "period", "value", "unit", "indicator", "region", "key", "source", "locator") == [
        (2020, "2020", 8446.6, "亿元", "cn-core-digital-industries-va", "440300", "sz-2020-core-digital-va", SEED, "¶6")]
    assert run(demo_graph, "indicator-over-time", region="Shenzhen",
               indicator="cn-core-digital-industries-va") == rows
    assert run(demo_graph, "indicator-over-time", region="广东", indicator="cn-core-digital-industries-va") == []


def test_regions_compared_on_an_indicator(demo_graph):
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="cn-hightech-firm-tech-revenue")
    assert pick(rows, "region", "year", "period", "value", "unit", "key", "source", "locator") == [
        ("Z-ZGC", 2021, "2021-Q1..Q3", 9966.8, "亿元", "zgc-2021q1q3-hightech-tech-revenue", SEED, "¶4")]
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="Cities directly connected through an internet backbone interconnection point")
    assert pick(rows, "region", "value", "unit") == [("Z-GYGA", 17.0, "个")]


def test_projects_by_theme_digital_infrastructure_includes_narrower_themes(demo_graph):
    rows = run(demo_graph, "projects-by-theme", theme="数字基础设施")
    assert pick(rows, "region", "key", "themes", "source", "locator") == [
        ("320000", "js-2021-tackling-projects", ["cloud-computing"], SEED, "¶7"),
        ("520000", "gz-cloud-computing-storage-centre", ["cloud-computing", "digital-infrastructure"], SEED, "¶8"),
        ("520000", "gz-intl-internet-data-channel", ["network-infrastructure"], SEED, "¶8"),
        ("Z-GYGA", "gyga-backbone-interconnection-point", ["network-infrastructure"], SEED, "¶8"),
    ]
    zhejiang = run(demo_graph, "projects-by-theme", theme="original-innovation")
    assert {r["key"]: r["policy"] for r in zhejiang if r["region"] == "330000"} == {
        "zj-jianbing-programme": "zj-14th-fyp-digital-economy-plan", "zj-jianfeng-programme": "zj-14th-fyp-digital-economy-plan",
        "zj-linghang-programme": "zj-14th-fyp-digital-economy-plan", "zj-lingyan-programme": "zj-14th-fyp-digital-economy-plan"}


def test_region_theme_matrix_by_province(demo_graph):
    rows = run(demo_graph, "region-theme-matrix", level="province")
    regions = sorted({r["region"] for r in rows})
    themes = {r["theme"] for r in rows}
    assert regions == ["110000", "140000", "310000", "320000", "330000", "440000", "520000"]
    assert len(themes) == 29
    assert all(r["facts"] > 0 for r in rows)  # long form: only the cells that hold something
    cell = {(r["region"], r["theme"]): (r["policies"], r["measures"], r["targets"], r["projects"], r["facts"]) for r in rows}
    # Beijing: the benchmark-city plan and its data-factor hub target
    assert cell[("110000", "cross-border-data-flows")] == (1, 0, 1, 0, 2)
    # Guangdong rolls up Shenzhen: Shenzhen's two policies and its support-plus-regulation measure
    assert cell[("440000", "pilot-zones")] == (1, 0, 1, 0, 2)
    assert cell[("440000", "digital-governance")] == (1, 1, 0, 0, 2)
    # Shanxi rolls up its transformation zone's measure; Guizhou rolls up Guiyang-Gui'an's backbone point
    assert cell[("140000", "resource-economy-transformation")] == (0, 2, 0, 1, 3)
    assert cell[("520000", "network-infrastructure")] == (0, 0, 0, 2, 2)
    assert ("520000", "original-innovation") not in cell
    assert len(rows) == 49
    # pivoted (as the terminal and CSV show it): one line per theme, 0 where a region states nothing
    matrix = {line["theme_zh"]: line for line in pivot(rows, "theme_zh", "region_short", "facts")}
    assert len(matrix) == 29
    assert list(matrix["原始创新"])[1:] == ["北京", "山西", "上海", "江苏", "浙江", "广东", "贵州"]
    assert matrix["原始创新"]["贵州"] == 0
    assert matrix["数据跨境流动"]["北京"] == 2


def test_similar_regions_by_jaccard_over_themes(demo_graph):
    rows = run(demo_graph, "similar-regions", limit=5)
    assert pick(rows, "region_a", "region_b", "jaccard", "shared_count", "union_count", "shared_themes") == [
        ("EU", "JP", 1.0, 1, 1, ["digital-technology-innovation"]),
        ("EU", "US", 1.0, 1, 1, ["digital-technology-innovation"]),
        ("JP", "US", 1.0, 1, 1, ["digital-technology-innovation"]),
        ("110000", "440300", 0.4, 4, 10,
         ["digital-governance", "digital-industries", "digital-technology-innovation", "pilot-zones"]),
        ("140000", "Z-SXTRZ", 0.25, 1, 4, ["resource-economy-transformation"]),
    ]


def test_fact_source_names_document_and_locator(demo_graph):
    rows = run(demo_graph, "fact-source", key="bj-highland-data-factor-hub")
    assert len(rows) == 1
    row = rows[0]
    assert {k: row[k] for k in ("label", "key", "name_zh", "source", "source_title_zh", "publisher", "published",
                                 "url", "locator")} == {
        "label": "Target", "key": "bj-highland-data-factor-hub", "name_zh": "国际数据要素配置枢纽高地", "source": SEED,
        "source_title_zh": SEED_TITLE, "publisher": "Information Policy Institute", "published": SEED_DATE,
        "url": None, "locator": "¶4"}
    assert row["path"].endswith("2021-11-09-digital-economy-local-paths.yaml")
    assert isinstance(row["last_ingested"], dt.datetime)
    assert pick(run(demo_graph, "fact-source", key="info-policy-institute"), "label", "locator") == [
        ("Organization", "source line")]
    assert run(demo_graph, "fact-source", key="no-such-fact") == []


def test_last_ingest_changes_lists_every_fact_of_the_first_run_as_added(demo_graph):
    rows = run(demo_graph, "last-ingest-changes")
    assert len(rows) == 4 + 15 + 10 + 14 + 10 + 13 + 28  # every fact of the seed record is new
    assert {r["change"] for r in rows} == {"added"}
    assert {r["document"] for r in rows} == {SEED}
    assert len({r["run"] for r in rows}) == 1
    hub = next(r for r in rows if r["key"] == "bj-highland-data-factor-hub")
    assert (hub["label"], hub["name"]) == ("Target", "国际数据要素配置枢纽高地")


def test_targets_against_latest_figure(demo_graph):
    rows = run(demo_graph, "targets-vs-latest-figure")
    # The only targets that track an indicator are Zhejiang's two 2025 targets; the demo corpus
    # reports no Zhejiang figure for either indicator, so the figure columns are empty.
    assert pick(rows, "target", "region", "comparator", "target_value", "indicator", "latest_value", "observed_in",
                "source", "locator") == [
        ("zj-2025-demonstration-projects-1000", "330000", "≥", 1000.0, "cn-demonstration-projects", None, None, SEED, "¶7"),
        ("zj-2025-digital-economy-va-about-60pct", "330000", "≈", 60.0, "cn-digital-economy-va", None, None, SEED, "¶7"),
    ]


def test_themes_without_measures_in_guizhou(demo_graph):
    rows = run(demo_graph, "themes-without-measures", region="贵州")
    themes = {r["theme"] for r in rows}
    # Guizhou's one measure addresses these themes; they and every theme above them are covered
    covered = {"cross-border-data-flows", "digital-infrastructure", "cloud-computing", "digital-ecosystem", "pilot-zones",
               "data-governance", "international-opening", "digital-governance", "digital-economy",
               "digital-industries"}
    assert not themes & covered
    assert {"network-infrastructure", "original-innovation", "smart-mining", "privacy-protection"} <= themes
    assert all(r["policies"] == 0 and r["sources"] == [] for r in rows)  # Guizhou has no policy in the corpus
    assert len(rows) == 41 - len(_covered_in_graph(demo_graph, "520000"))


def _covered_in_graph(demo_graph, code):
    from policykg.queries.runner import run_cypher

    return run_cypher(demo_graph, """
        MATCH (:Region {code: $code})<-[:PART_OF*0..]-(:Region)<-[:APPLIES_TO]-(:Measure)-[:ADDRESSES]->(:Theme)
              -[:BROADER*0..]->(t:Theme) RETURN DISTINCT t.id AS id""", {"code": code})


def test_themes_without_measures_counts_policies_that_name_them(demo_graph):
    rows = run(demo_graph, "themes-without-measures", region="北京")
    by_theme = {r["theme"]: (r["policies"], r["sources"]) for r in rows}
    # Beijing has no measure at all: every theme is listed, those of its plan first
    assert len(rows) == 41
    assert by_theme["cross-border-data-flows"] == (1, [SEED])
    assert by_theme["smart-mining"] == (0, [])
    assert [r["policies"] for r in rows[:8]] == [1] * 8 and rows[8]["policies"] == 0


@pytest.mark.parametrize("name", [q.name for q in load_all()])
def test_every_example_runs_and_prints_valid_json(demo_graph, neo4j_under_test, name):
    result = run_cli("query", "run", name, "--example", "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and rows, f"{name} --example returned no rows on the demo corpus"


@pytest.mark.parametrize("name", [q.name for q in load_all()])
def test_csv_loads_in_pandas_with_the_query_columns(demo_graph, neo4j_under_test, name):
    query = next(q for q in load_all() if q.name == name)
    rows = run_query(demo_graph, name, query.example)
    if query.pivot:  # a matrix: CSV is the wide form
        rows = pivot(rows, *query.pivot)
    result = run_cli("query", "run", name, "--example", "--format", "csv", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == list(rows[0])
    assert len(frame) == len(rows)


def test_markdown_output_is_a_table(demo_graph, neo4j_under_test):
    result = run_cli("query", "run", "region-policies", "--param", "region=广东", "--format", "markdown",
                     env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("| region | region_zh | region_en | key |")
    assert len(lines) == 2 + 3


def test_table_output_shows_the_rows(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, "COLUMNS": "400"}
    result = run_cli("query", "run", "regions-targeting-theme", "--wide", env=env)
    assert result.exit_code == 0, result.output
    assert "Regions whose policies, measures, targets or projects address a theme" in result.output
    for key in ("bj-highland-data-factor-hub", "gz-intl-internet-data-channel", "cn-cross-border-data-flow-monitoring"):
        assert f" {key} " in result.output
