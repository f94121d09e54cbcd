"""Every canned query on the demo corpus: the actual answer, checked against the record files.

The expected rows below were worked out from the texts and data/documents/*.yaml
(which fact names which region and theme, at which paragraph), not copied from
a run. The demo corpus is the seed article and the 12 development texts; the
four cross-document questions are in test_queries_corpus.py.
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
SH21 = "2021-shanghai-chengshi-shuzihua-zhuanxing-guihua"
SH21_TITLE = "上海市人民政府办公厅关于印发《上海市全面推进城市数字化转型“十四五”规划》的通知"
GD18 = "2018-guangdong-shuzijingji-fazhan-guihua"
GD25 = "2025-guangdong-shiyanqu-jianshe-fangan"
BJ23 = "2023-beijing-2022-tongji-gongbao"
CN22 = "2022-quanguo-shiwuwu-shuzijingji-guihua"
CN25 = "2025-quanguo-hexin-chanye-zengjiazhi-2023"


def run(demo_graph, name, **params):
    return run_query(demo_graph, name, {k: str(v) for k, v in params.items()}, limit=0)


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def test_regions_targeting_theme_default_is_cross_border_data_flows(demo_graph):
    rows = run(demo_graph, "regions-targeting-theme")
    # each row cites its source by a short title and the paragraph (queries/cells.py)
    assert [row.pop("cited") for row in rows] == [
        "新时期数字…验与新路径 ¶4", "新时期数字…验与新路径 ¶4", "上海市全面…十四五规划 ¶11", "新时期数字…验与新路径 ¶8",
        "新时期数字…验与新路径 ¶8", "新时期数字…验与新路径 ¶10"]
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
        # Shanghai's plan reports that the city started building an international data port (2021 text, ¶11)
        {"region": "310000", "region_zh": "上海市", "region_en": "Shanghai", "label": "Project",
         "key": "sh-international-data-port", "status": None, "name_zh": "国际数据港",
         "name_en": "International data port (Shanghai)", "themes": ["cross-border-data-flows"], "source": SH21,
         "source_title": SH21_TITLE, "published": dt.date(2021, 10, 24), "locator": "¶11"},
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
        ("310000", "sh-international-data-port"), ("520000", "gz-big-data-zone-ecosystem-infrastructure"), ("520000", "gz-intl-internet-data-channel"),
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
    # Guangdong: the seed's May 2021 opinion (the only one with an issue date), the two provincial plans the
    # 2018 plan rests on, the 2025-2027 pilot-zone plan and the data regulation it announces; then Shenzhen's two.
    assert pick(rows, "region", "key", "kind", "issued_by", "source", "locator") == [
        ("440000", "gd-accelerating-digitalisation-opinion", "opinion", None, SEED, "¶7"),
        ("440000", "gd-13th-fyp-outline", "plan", None, GD18, "¶1"),
        ("440000", "gd-data-regulation", "regulation", None, GD25, "¶4"),
        ("440000", "gd-informatisation-outline-2013-2020", "plan", None, GD18, "¶1"),
        ("440000", "gd-pilot-zone-construction-plan-2025-2027", "implementation_plan", None, GD25, "¶2"),
        ("440300", "sz-digital-economy-support-scheme", "support_scheme", None, SEED, "¶6"),
        ("440300", "sz-pilot-demonstration-zone-opinion", "opinion", "CPC Central Committee and State Council", SEED, "¶6"),
    ]
    assert run(demo_graph, "region-policies", region="深圳市") == rows[5:]
    assert pick(run(demo_graph, "region-policies", region="110000"), "key", "issued") == [
        ("bj-benchmark-city-plan", "2021-07"), ("bj-2022-statistical-bulletin", "2023-03-21")]


def test_targets_due_by_2025(demo_graph):
    rows = run(demo_graph, "targets-due-by", year=2025)
    sc, sh, hub, zj = ("sc-pilot-zone-work-plan", "sh-economic-digital-transformation-action-plan",
                       "hub-digital-economy-strong-province-plan-2022-2024", "zj-14th-fyp-digital-economy-plan")
    cn = "cn-14th-fyp-digital-economy-plan"
    assert pick(rows, "deadline", "region", "key", "comparator", "value", "unit", "indicator", "policy", "locator") == [
        # Sichuan's 2022 goals (¶2): above 2万亿元, and 40% of GDP
        (2022, "510000", "sc-2022-digital-economy-above-2-trillion", ">", 2.0, "万亿元", "cn-digital-economy-va", sc, "¶2"),
        (2022, "510000", "sc-2022-digital-economy-share-gdp-40pct", "≥", 40.0, "%", "cn-digital-economy-va-share-gdp",
         sc, "¶2"),
        (2023, "310000", "sh-2023-digital-real-integration-zone", None, None, None, None, sh, "¶5"),
        (2023, "310000", "sh-2023-innovative-industry-cluster", None, None, None, None, sh, "¶5"),
        (2023, "310000", "sh-2023-intl-innovation-cooperation-city", None, None, None, None, sh, "¶5"),
        (2023, "310000", "sh-2023-transformation-ecosystem-leader", None, None, None, None, sh, "¶5"),
        # Hubei by the end of 2024 (¶9): doubling to 5500亿元, 5800亿元 if possible, five leading roles
        (2024, "420000", "hub-2024-core-digital-industries-va-5500", "≥", 5500.0, "亿元", "cn-core-digital-industries-va",
         hub, "¶9"),
        (2024, "420000", "hub-2024-core-digital-industries-va-5800", "≥", 5800.0, "亿元", "cn-core-digital-industries-va",
         hub, "¶9"),
        (2024, "420000", "hub-2024-five-leading-zones", None, None, None, None, hub, "¶9"),
        (2025, "330000", "zj-2025-demonstration-projects-1000", "≥", 1000.0, "家", "cn-demonstration-projects", zj, "¶7"),
        (2025, "330000", "zj-2025-digital-economy-va-about-60pct", "≈", 60.0, "%", "cn-digital-economy-va-share-gdp",
         zj, "¶7"),
        # Hubei by the end of the 14th Five-Year period (到“十四五”末)
        (2025, "420000", "hub-2025-core-digital-industries-va-7000", "≥", 7000.0, "亿元", "cn-core-digital-industries-va",
         hub, "¶9"),
        (2025, "420000", "hub-2025-core-share-gdp-above-12pct", ">", 12.0, "%", "cn-core-digital-industries-va-share-gdp",
         hub, "¶9"),
        (2025, "420000", "hub-2025-key-process-nc-rate-above-60pct", ">", 60.0, "%", "cn-key-process-nc-rate", hub, "¶9"),
        # the national plan (¶1)
        (2025, "CN", "cn-2025-core-digital-industries-share-gdp-10pct", "≥", 10.0, "%",
         "cn-core-digital-industries-va-share-gdp", cn, "¶1"),
        (2025, "CN", "cn-2025-digital-economy-full-expansion", None, None, None, None, cn, "¶1"),
    ]
    assert pick(run(demo_graph, "targets-due-by", year=2023), "key") == [r[2:3] for r in pick(rows, "deadline", "region", "key")[:6]]
    # + Anhui's five 2026 targets, Guangdong's eight and Chongqing's ten for 2027; the Beijing "highlands" have no year
    assert len(run(demo_graph, "targets-due-by", year=2031)) == 16 + 5 + 8 + 10
    assert pick(run(demo_graph, "targets-due-by", year=2022), "key") == [r[2:3] for r in pick(rows, "deadline", "region", "key")[:2]]
    assert run(demo_graph, "targets-due-by", year=2021) == []


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
    # the seed's seven provinces, and Hebei (with Xiong'an and its free trade zone), Anhui, Fujian (named as a
    # pilot zone), Shandong, Hubei, Chongqing and Sichuan from the development texts
    assert regions == ["110000", "130000", "140000", "310000", "320000", "330000", "340000", "350000", "370000",
                       "420000", "440000", "500000", "510000", "520000"]
    assert all(r["facts"] > 0 for r in rows)  # long form: only the cells that hold something
    cell = {(r["region"], r["theme"]): (r["policies"], r["measures"], r["targets"], r["projects"], r["facts"]) for r in rows}
    # Beijing: the benchmark-city plan and its data-factor hub target
    assert cell[("110000", "cross-border-data-flows")] == (1, 0, 1, 0, 2)
    # Guangdong rolls up Shenzhen: Shenzhen's two policies and its support-plus-regulation measure; the
    # 2025-2027 pilot-zone plan and the pilot zone itself (named by the Sichuan and 2025 Guangdong texts)
    assert cell[("440000", "pilot-zones")] == (2, 0, 1, 1, 4)
    assert cell[("440000", "digital-governance")] == (1, 1, 0, 0, 2)
    # Shanxi rolls up its transformation zone's measure; Guizhou rolls up Guiyang-Gui'an's backbone point
    assert cell[("140000", "resource-economy-transformation")] == (0, 2, 0, 1, 3)
    assert cell[("520000", "network-infrastructure")] == (0, 0, 0, 2, 2)
    assert ("520000", "original-innovation") not in cell
    # Fujian is named once, as one of the six pilot zones (Sichuan text ¶12)
    assert {r["theme"] for r in rows if r["region"] == "350000"} == {"pilot-zones", "digital-economy"}
    # Hubei's plan, its targets for 2024 and 2025 on the core industries and its two measures on digital industries
    assert cell[("420000", "digital-industries")] == (1, 2, 5, 0, 8)
    # pivoted (as the terminal and CSV show it): one line per theme, 0 where a region states nothing
    matrix = {line["theme_zh"]: line for line in pivot(rows, "theme_zh", "region_short", "facts")}
    assert len(matrix) == len(themes)
    assert list(matrix["原始创新"])[1:] == ["北京", "河北", "山西", "上海", "江苏", "浙江", "安徽", "福建", "山东",
                                          "湖北", "广东", "重庆", "四川", "贵州"]
    assert matrix["原始创新"]["贵州"] == 0
    assert matrix["数据跨境流动"]["北京"] == 2


def test_similar_regions_need_three_shared_themes(demo_graph):
    rows = run(demo_graph, "similar-regions", limit=100)
    assert rows and all(r["shared_count"] >= 3 for r in rows)
    assert not {"US", "EU", "JP"} & {code for r in rows for code in (r["region_a"], r["region_b"])}
    # Beijing's themes (benchmark-city plan, six highlands, statistical bulletin: 10) hold all six of Shenzhen's
    # (pilot-zone opinion, support scheme, pilot-zone target, support-plus-regulation measure, data exchange)
    beijing_shenzhen = next(r for r in rows if (r["region_a"], r["region_b"]) == ("110000", "440300"))
    assert pick([beijing_shenzhen], "jaccard", "shared_count", "union_count", "shared_themes") == [
        (0.6, 6, 10, ["data-factor", "digital-economy", "digital-governance", "digital-industries",
                      "digital-technology-innovation", "pilot-zones"])]
    assert [r["jaccard"] for r in rows] == sorted((r["jaccard"] for r in rows), reverse=True)
    # what the rule keeps out: one shared theme (the three developed economies, each named once) or two
    # (Fujian, Sichuan and Xiong'an: pilot zones whose every fact here is about being a pilot zone of the
    # digital economy) give Jaccard 1.0
    loose = run(demo_graph, "similar-regions", limit=6, min_shared=1)
    assert pick(loose, "region_a", "region_b", "jaccard", "shared_count") == [
        ("350000", "510000", 1.0, 2), ("350000", "Z-XA", 1.0, 2), ("510000", "Z-XA", 1.0, 2),
        ("EU", "JP", 1.0, 1), ("EU", "US", 1.0, 1), ("JP", "US", 1.0, 1)]


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
    # every fact of every record is new: the seed's 92 (4 organizations, 12 indicators, 10 policies,
    # 14 targets, 10 projects, 14 observations, 28 measures) and the development texts' 224, less one:
    # the Sichuan and Guangdong records both state gd-national-digital-economy-pilot-zone, one fact
    assert len(rows) == 92 + 27 + 31 + 14 + 16 + 10 + 5 + 32 + 20 + 11 + 25 + 22 + 11 - 1
    assert {r["change"] for r in rows} == {"added"}
    assert len({r["document"] for r in rows}) == 13
    assert len({r["run"] for r in rows}) == 1
    hub = next(r for r in rows if r["key"] == "bj-highland-data-factor-hub")
    assert (hub["label"], hub["name"]) == ("Target", "国际数据要素配置枢纽高地")


def test_targets_against_latest_figure(demo_graph):
    rows = run(demo_graph, "targets-vs-latest-figure")
    # The targets whose region reports a figure of the same indicator: Chongqing's table (2022 baseline against
    # 2027 target), Sichuan's 2020 estimate against its 2022 goal, China's 2023 share against the 2025 plan.
    compared = [r for r in rows if r["latest_value"] is not None]
    assert pick(compared, "target", "region", "target_value", "target_unit", "latest_value", "latest_unit",
                "latest_year", "pct_of_target", "figure_source") == [
        ("cq-2027-core-digital-industries-va", "500000", 4000.0, "亿元", 2240.0, "亿元", 2022, 56.0,
         "2023-chongqing-shuzijingji-chuangxin-xingdong"),
        ("cq-2027-digital-economy-share-gdp", "500000", 50.0, "%", 45.4, "%", 2022, 90.8,
         "2023-chongqing-shuzijingji-chuangxin-xingdong"),
        ("cq-2027-new-gen-electronics-revenue", "500000", 10000.0, "亿元", 7356.0, "亿元", 2022, 73.6,
         "2023-chongqing-shuzijingji-chuangxin-xingdong"),
        ("cq-2027-software-revenue", "500000", 7000.0, "亿元", 2705.0, "亿元", 2022, 38.6,
         "2023-chongqing-shuzijingji-chuangxin-xingdong"),
        ("sc-2022-digital-economy-above-2-trillion", "510000", 2.0, "万亿元", 1.6, "万亿元", 2020, 80.0,
         "2021-sichuan-shiyanqu-gongzuo-fangan"),
        ("cn-2025-core-digital-industries-share-gdp-10pct", "CN", 10.0, "%", 9.9, "%", 2023, 99.0, CN25),
    ]
    assert len(rows) == 26  # every target that tracks an indicator


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
    # Beijing has no measure at all: every theme is listed, those of its plan and its bulletin first
    assert len(rows) == 41
    assert by_theme["cross-border-data-flows"] == (1, [SEED])
    assert by_theme["digital-economy"] == (1, [BJ23])
    assert by_theme["smart-mining"] == (0, [])
    assert [r["policies"] for r in rows[:9]] == [1] * 9 and rows[9]["policies"] == 0


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
    assert len(lines) == 2 + 7


def test_table_output_shows_the_rows(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, "COLUMNS": "400"}
    result = run_cli("query", "run", "regions-targeting-theme", "--wide", env=env)
    assert result.exit_code == 0, result.output
    assert "Regions whose policies, measures, targets or projects address a theme" in result.output
    for key in ("bj-highland-data-factor-hub", "gz-intl-internet-data-channel", "cn-cross-border-data-flow-monitoring"):
        assert f" {key} " in result.output
