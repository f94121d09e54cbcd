"""Every canned query on the demo corpus: the actual answer, checked against the record files.

The expected rows below were checked against the texts and data/documents/*.yaml
(which fact names which region and theme, at which paragraph), not taken on
trust from a run. The demo corpus is the seed article, the 12 development texts
and 52 pipeline-reviewed records of the texts in data/sources; the cross-document
questions are in test_queries_corpus.py.
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
GD23 = "2023-guangdong-shuzijingji-gongzuo-yaodian"
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
    # Guangdong: the two with an issue date first (the seed's May 2021 opinion, the 2023 work points of the
    # leading group's office); then by key the undated ones: the two provincial plans the 2018 plan rests on,
    # the 2025 text's data regulation and 2025-2027 pilot-zone plan, the promotion regulation the 2023 work
    # points follow; then Shenzhen's two.
    assert pick(rows, "region", "key", "kind", "issued_by", "source", "locator") == [
        ("440000", "gd-accelerating-digitalisation-opinion", "opinion", None, SEED, "¶7"),
        ("440000", "pol-79450054", "programme", "Office of the Guangdong leading group for digital economy development",
         GD23, "¶1"),
        ("440000", "gd-13th-fyp-outline", "plan", None, GD18, "¶1"),
        ("440000", "gd-data-regulation", "regulation", None, GD25, "¶4"),
        ("440000", "gd-informatisation-outline-2013-2020", "plan", None, GD18, "¶1"),
        ("440000", "gd-pilot-zone-construction-plan-2025-2027", "implementation_plan", None, GD25, "¶2"),
        ("440000", "pol-d4aff8b0", "regulation", None, GD23, "¶5"),
        ("440300", "sz-digital-economy-support-scheme", "support_scheme", None, SEED, "¶6"),
        ("440300", "sz-pilot-demonstration-zone-opinion", "opinion", "CPC Central Committee and State Council", SEED, "¶6"),
    ]
    assert (rows[1]["title_zh"], rows[1]["issued"]) == ("2023年广东省数字经济工作要点", "2023-04-01")
    assert rows[6]["title_zh"] == "广东省数字经济促进条例"
    assert run(demo_graph, "region-policies", region="深圳市") == rows[7:]
    # Beijing: the benchmark-city plan (seed), the economy bureau's 2022 industry-chain plan, the 2022 bulletin
    assert pick(run(demo_graph, "region-policies", region="110000"), "key", "issued") == [
        ("bj-benchmark-city-plan", "2021-07"), ("pol-56c9daed", "2022-05-30"), ("bj-2022-statistical-bulletin", "2023-03-21")]


def test_targets_due_by_2025(demo_graph):
    rows = run(demo_graph, "targets-due-by", year=2025)
    zj18, sc, hub = "pol-52137c20", "sc-pilot-zone-work-plan", "hub-digital-economy-strong-province-plan-2022-2024"
    cn = "cn-14th-fyp-digital-economy-plan"
    assert pick(rows[:10], "deadline", "region", "key", "comparator", "value", "unit", "indicator", "policy",
                "locator") == [
        # Zhejiang's doubling plan (2018): its indicator table's 2020 column (¶14-¶27)...
        (2020, "330000", "zj-2020-de-share", "≥", 47.0, "%", "cn-digital-economy-va-share-gdp", zj18, "¶18"),
        (2020, "330000", "zj-2020-de-va", "≥", 30000.0, "亿元", "cn-digital-economy-va", zj18, "¶14"),
        (2020, "330000", "zj-2020-electronics", "≥", 11500.0, "亿元", "zj-electronics-manufacturing-revenue", zj18, "¶23"),
        (2020, "330000", "zj-2020-software", "≥", 8000.0, "亿元", "zj-software-it-services-revenue", zj18, "¶27"),
        # ... and its 2022 goals: the doubling to 4万亿元 (¶4) and the table's 2022 column
        (2022, "330000", "draft-2018-zhejiang-shuzijingji-wunian-beizeng-jihua-t001", "≥", 4.0, "万亿元",
         "cn-digital-economy-va", zj18, "¶4"),
        (2022, "330000", "zj-2022-de-share", "≥", 55.0, "%", "cn-digital-economy-va-share-gdp", zj18, "¶19"),
        (2022, "330000", "zj-2022-electronics", "≥", 15000.0, "亿元", "zj-electronics-manufacturing-revenue", zj18, "¶24"),
        (2022, "330000", "zj-2022-software", "≥", 10000.0, "亿元", "zj-software-it-services-revenue", zj18, "¶28"),
        # Sichuan's 2022 goals (¶2): above 2万亿元, and 40% of GDP
        (2022, "510000", "sc-2022-digital-economy-above-2-trillion", ">", 2.0, "万亿元", "cn-digital-economy-va", sc, "¶2"),
        (2022, "510000", "sc-2022-digital-economy-share-gdp-40pct", "≥", 40.0, "%", "cn-digital-economy-va-share-gdp",
         sc, "¶2"),
    ]
    # Hubei by the end of the 14th Five-Year period (¶9), and the national plan (¶1)
    assert pick([r for r in rows if r["deadline"] == 2025 and r["region"] in ("420000", "CN")], "deadline", "region",
                "key", "comparator", "value", "unit", "indicator", "policy", "locator") == [
        (2025, "420000", "hub-2025-core-digital-industries-va-7000", "≥", 7000.0, "亿元", "cn-core-digital-industries-va",
         hub, "¶9"),
        (2025, "420000", "hub-2025-core-share-gdp-above-12pct", ">", 12.0, "%", "cn-core-digital-industries-va-share-gdp",
         hub, "¶9"),
        (2025, "420000", "hub-2025-key-process-nc-rate-above-60pct", ">", 60.0, "%", "cn-key-process-nc-rate", hub, "¶9"),
        (2025, "CN", "cn-2025-core-digital-industries-share-gdp-10pct", "≥", 10.0, "%",
         "cn-core-digital-industries-va-share-gdp", cn, "¶1"),
        (2025, "CN", "cn-2025-digital-economy-full-expansion", None, None, None, None, cn, "¶1"),
    ]
    # how many each region sets for each year, read off the records
    counts: dict[tuple[int, str], int] = {}
    for row in rows:
        counts[(row["deadline"], row["region"])] = counts.get((row["deadline"], row["region"]), 0) + 1
    assert counts == {
        (2020, "330000"): 4, (2022, "330000"): 4, (2022, "510000"): 2,
        # 2023: Tianjin's share goal, Shanghai's four, Shandong's four, Hubei's growth rate, Tibet's six, Shaanxi's 8%
        (2023, "120000"): 1, (2023, "310000"): 4, (2023, "370000"): 4, (2023, "420000"): 1, (2023, "540000"): 6,
        (2023, "610000"): 1,
        # 2024: Yancheng's two, Hubei's three
        (2024, "320900"): 2, (2024, "420000"): 3,
        # 2025: Shijiazhuang 1, Liaoning 2 (plan 2.0's; the five of version 1.0, which 2.0 superseded, count with
        # status=any), Shanghai 2, Jiangsu 15, Zhejiang 5, Fujian 2, Hubei 3, Shaanxi 4, Gansu 2, China 2
        (2025, "130100"): 1, (2025, "210000"): 2, (2025, "310000"): 2, (2025, "320000"): 15, (2025, "330000"): 5,
        (2025, "350000"): 2, (2025, "420000"): 3, (2025, "610000"): 4, (2025, "620000"): 2, (2025, "CN"): 2,
    }
    assert pick(rows, "deadline", "region", "key") == sorted(pick(rows, "deadline", "region", "key"))
    assert pick(run(demo_graph, "targets-due-by", year=2023), "key") == pick(rows[:27], "key")
    assert pick(run(demo_graph, "targets-due-by", year=2022), "key") == pick(rows[:10], "key")
    assert pick(run(demo_graph, "targets-due-by", year=2021), "key") == pick(rows[:4], "key")
    assert run(demo_graph, "targets-due-by", year=2019) == []
    # + Anhui's five 2026 targets; for 2027 Guangdong's eight, Chongqing's ten, Sichuan's three and Zhongwei's
    # one; Shanxi's two for 2028 and Sichuan's one for 2030. Eight targets (the Beijing "highlands" among them)
    # have no year. Liaoning's five of plan 1.0 (superseded) count only with every policy.
    assert len(run(demo_graph, "targets-due-by", year=2031)) == 75 - 5 + 5 + 8 + 10 + 3 + 1 + 2 + 1
    assert len(run(demo_graph, "targets-due-by", year=2031, status="any")) == 75 + 5 + 8 + 10 + 3 + 1 + 2 + 1


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
        # Hubei's 2023 work report: the central hub node of 东数西算, a data-centre project (¶3)
        ("420000", "draft-2023-hubei-zhengfu-gongzuo-baogao-shuzijingji-2.4wanyi-p002", ["green-data-centres"],
         "2023-hubei-zhengfu-gongzuo-baogao-shuzijingji-2.4wanyi", "¶3"),
        ("520000", "gz-cloud-computing-storage-centre", ["cloud-computing", "digital-infrastructure"], SEED, "¶8"),
        ("520000", "gz-intl-internet-data-channel", ["network-infrastructure"], SEED, "¶8"),
        # Gansu's plan: a province-wide integrated big-data centre (reading ¶3)
        ("620000", "draft-2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu-p001", ["digital-infrastructure"],
         "2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu", "¶3"),
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
    # every one of the 31 province-level regions has at least one fact with a theme
    assert regions == ["110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000",
                       "320000", "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000",
                       "440000", "450000", "460000", "500000", "510000", "520000", "530000", "540000", "610000",
                       "620000", "630000", "640000", "650000"]
    assert len(themes) == 38
    assert all(r["facts"] > 0 for r in rows)  # long form: only the cells that hold something
    cell = {(r["region"], r["theme"]): (r["policies"], r["measures"], r["targets"], r["projects"], r["facts"]) for r in rows}
    # Beijing: the benchmark-city plan and its data-factor hub target
    assert cell[("110000", "cross-border-data-flows")] == (1, 0, 1, 0, 2)
    # Guangdong rolls up Shenzhen and Guangzhou: Shenzhen's pilot-zone opinion and target, the 2025-2027
    # pilot-zone plan, the pilot zone itself (named by the Sichuan and 2025 Guangdong texts, one fact) and
    # the 2023 work points' support for Guangzhou's blockchain demonstration zone (¶8)
    assert cell[("440000", "pilot-zones")] == (2, 1, 1, 1, 5)
    assert cell[("440000", "digital-governance")] == (1, 1, 0, 0, 2)
    # Shanxi rolls up its transformation zone's measure; Guizhou rolls up Guiyang-Gui'an's backbone point
    assert cell[("140000", "resource-economy-transformation")] == (0, 2, 0, 1, 3)
    assert cell[("520000", "network-infrastructure")] == (0, 0, 0, 2, 2)
    assert ("520000", "original-innovation") not in cell
    # Fujian: a pilot zone (Sichuan text ¶12) and its 2022 action plan with its measure and two targets
    assert {r["theme"] for r in rows if r["region"] == "350000"} == {
        "pilot-zones", "digital-economy", "digital-industries", "industrial-digitalisation"}
    # Hubei's plan, its targets for 2024 and 2025 on the core industries and its two measures on digital
    # industries, and Ezhou's 14th Five-Year digital economy plan (rolled up)
    assert cell[("420000", "digital-industries")] == (2, 2, 5, 0, 9)
    # pivoted (as the terminal and CSV show it): one line per theme, 0 where a region states nothing
    matrix = {line["theme_zh"]: line for line in pivot(rows, "theme_zh", "region_short", "facts")}
    assert len(matrix) == len(themes)
    assert list(matrix["原始创新"])[1:] == ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海",
                                          "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
                                          "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
                                          "宁夏", "新疆"]
    assert {k for k, v in matrix["原始创新"].items() if k != "theme_zh" and v} == {"江苏", "浙江", "广东"}
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
    # what the rule keeps out: two shared themes (Tianjin and Xiong'an, whose every fact here is on the digital
    # economy and pilot zones) or one (Heilongjiang, Tibet and Qinghai, stated only on the digital economy;
    # Xinjiang and Guiyang-Gui'an only on network infrastructure; the three developed economies, each named
    # once) give Jaccard 1.0
    loose = run(demo_graph, "similar-regions", limit=8, min_shared=1)
    assert pick(loose, "region_a", "region_b", "jaccard", "shared_count") == [
        ("120000", "Z-XA", 1.0, 2), ("230000", "540000", 1.0, 1), ("230000", "630000", 1.0, 1),
        ("540000", "630000", 1.0, 1), ("650000", "Z-GYGA", 1.0, 1),
        ("EU", "JP", 1.0, 1), ("EU", "US", 1.0, 1), ("JP", "US", 1.0, 1)]
    assert not {"120000", "230000", "540000", "630000", "650000"} & {
        code for r in rows for code in (r["region_a"], r["region_b"])}


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
    # every fact of every record is new, each counted once however many records state it: the 65 records
    # list 199 indicators, 117 policies and 42 projects, of which 189, 103 and 41 keys are distinct (the
    # national plan, for one, is named by many texts); organizations, targets, observations and measures
    # are each stated by one record
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["label"]] = counts.get(row["label"], 0) + 1
    assert counts == {"Organization": 79, "Indicator": 189, "Policy": 103, "Target": 113, "Project": 41,
                      "Observation": 230, "Measure": 117}
    assert len(rows) == 872
    assert {r["change"] for r in rows} == {"added"}
    assert len({r["document"] for r in rows}) == 65
    assert len({r["run"] for r in rows}) == 1
    hub = next(r for r in rows if r["key"] == "bj-highland-data-factor-hub")
    assert (hub["label"], hub["name"]) == ("Target", "国际数据要素配置枢纽高地")


def test_targets_against_latest_figure(demo_graph):
    rows = run(demo_graph, "targets-vs-latest-figure")
    # The targets whose region reports a figure of the same indicator, by region, deadline and key.
    compared = [r for r in rows if r["latest_value"] is not None]
    zj18, zj21 = "2018-zhejiang-shuzijingji-wunian-beizeng-jihua", "2021-zhejiang-shuzijingji-shiwuwu-guihua-60"
    js22, cq23 = "2022-jiangsu-shuzijingji-hexin-chanye-10.3", "2023-chongqing-shuzijingji-chuangxin-xingdong"
    xz23 = "2023-xizang-shuzijingji-zengjiazhi-204.79yi"
    assert pick(compared, "target", "region", "target_value", "target_unit", "latest_value", "latest_unit",
                "latest_year", "pct_of_target", "figure_source") == [
        # (Liaoning's 5G goal of plan 1.0 is left out by default: version 2.0 superseded it; see below)
        # Jiangsu's 2025 goals against the 2022 press report's 2021 share and July 2022 5G count
        ("draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t002", "320000", 10.0, "%", 10.3, "%", 2021, 103.0, js22),
        ("draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t003", "320000", 25.5, "万个", 16.6, "万座", 2022, 65.1, js22),
        ("draft-2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian-t001", "320000", 13.5, "%", 10.3, "%", 2021, 76.3,
         js22),
        ("draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-t001", "320000", 13.5, "%", 10.3, "%", 2021, 76.3, js22),
        # Zhejiang's doubling plan (2018) against the 14th plan's 2020 figures where there are some (30218亿元,
        # 46.8%), and against its own 2017 column for the two revenues nothing later reports
        ("zj-2020-de-share", "330000", 47.0, "%", 46.8, "%", 2020, 99.6, zj21),
        ("zj-2020-de-va", "330000", 30000.0, "亿元", 30218.0, "亿元", 2020, 100.7, zj21),
        ("zj-2020-electronics", "330000", 11500.0, "亿元", 7905.0, "亿元", 2017, 68.7, zj18),
        ("zj-2020-software", "330000", 8000.0, "亿元", 5543.0, "亿元", 2017, 69.3, zj18),
        # 4万亿元 and 30218亿元 compare in one unit: 75.5%
        ("draft-2018-zhejiang-shuzijingji-wunian-beizeng-jihua-t001", "330000", 4.0, "万亿元", 30218.0, "亿元", 2020, 75.5,
         zj21),
        ("zj-2022-de-share", "330000", 55.0, "%", 46.8, "%", 2020, 85.1, zj21),
        ("zj-2022-electronics", "330000", 15000.0, "亿元", 7905.0, "亿元", 2017, 52.7, zj18),
        ("zj-2022-software", "330000", 10000.0, "亿元", 5543.0, "亿元", 2017, 55.4, zj18),
        ("draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-t001", "330000", 60.0, "%", 46.8, "%", 2020, 78.0, zj21),
        ("zj-2025-digital-economy-va-about-60pct", "330000", 60.0, "%", 46.8, "%", 2020, 78.0, zj21),
        # Fujian's 4万亿元 against the 2.3万亿元 expected for 2021
        ("draft-2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua-t003", "350000", 4.0, "万亿元", 2.3, "万亿元", 2021, 57.5,
         "2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua"),
        # Chongqing's table: the 2022 baseline against the 2027 target
        ("cq-2027-core-digital-industries-va", "500000", 4000.0, "亿元", 2240.0, "亿元", 2022, 56.0, cq23),
        ("cq-2027-digital-economy-share-gdp", "500000", 50.0, "%", 45.4, "%", 2022, 90.8, cq23),
        ("cq-2027-new-gen-electronics-revenue", "500000", 10000.0, "亿元", 7356.0, "亿元", 2022, 73.6, cq23),
        ("cq-2027-software-revenue", "500000", 7000.0, "亿元", 2705.0, "亿元", 2022, 38.6, cq23),
        # Sichuan's 2020 estimate against its 2022 goal
        ("sc-2022-digital-economy-above-2-trillion", "510000", 2.0, "万亿元", 1.6, "万亿元", 2020, 80.0,
         "2021-sichuan-shiyanqu-gongzuo-fangan"),
        # Tibet's 2023 goals against 2022: the exact 204.79亿元 of the later report, not the other's 突破200亿元;
        # a growth goal beside a level has no per cent
        ("xz-2023-de-growth", "540000", 10.0, "%", 204.79, "亿元", 2022, None, xz23),
        ("xz-2023-de-va", "540000", 230.0, "亿元", 204.79, "亿元", 2022, 89.0, xz23),
        ("xz-2023-green-investment", "540000", 127.0, "亿元", 109.17, "亿元", 2022, 86.0, xz23),
        ("xz-2023-green-investment-growth", "540000", 10.0, "%", 109.17, "亿元", 2022, None, xz23),
        ("xz-2023-industry-growth", "540000", 10.0, "%", 185.41, "亿元", 2022, None, xz23),
        # China's 2023 share against the 2025 plan
        ("cn-2025-core-digital-industries-share-gdp-10pct", "CN", 10.0, "%", 9.9, "%", 2023, 99.0, CN25),
    ]
    assert len(rows) == 86  # every target of a current policy that tracks an indicator
    # with every policy: Liaoning's five goals of plan 1.0 too, the 5G one against the end-2020 count in the plan 2.0
    # report (the later of two 2020 counts)
    every = run(demo_graph, "targets-vs-latest-figure", status="any")
    assert len(every) == 91
    assert pick([r for r in every if r["target"] == "ln1-2025-5g"], "region", "target_value", "target_unit",
                "latest_value", "latest_unit", "latest_year", "pct_of_target", "figure_source") == [
        ("210000", 14.0, "万个", 2.5, "万座", 2020, 17.9, "2021-liaoning-shuzi-liaoning-fazhan-guihua-2.0")]


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
    # Beijing's one measure, releasing the value of data (2022 industry-chain plan ¶9), covers data-factor and
    # the themes above it; the other 37 of the 41 are listed, those its policies name first
    assert len(rows) == 41 - 4
    assert not {"data-factor", "data-governance", "digital-governance", "digital-economy"} & set(by_theme)
    # pilot zones: the benchmark-city plan (seed) and the 2022 industry-chain plan
    assert by_theme["pilot-zones"] == (2, ["2022-beijing-shuzijingji-quanchanyelian-kaifang-fangan", SEED])
    assert by_theme["cross-border-data-flows"] == (1, [SEED])
    assert by_theme["smart-mining"] == (0, [])
    assert [r["policies"] for r in rows[:7]] == [2, 1, 1, 1, 1, 1, 0]


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
    table, footer = result.stdout.strip().split("\n\n")
    lines = table.splitlines()
    assert lines[0].startswith("| region | region_zh | region_en | key |")
    assert len(lines) == 2 + 9  # header, rule, and Guangdong's nine policies (seven its own, two Shenzhen's)
    assert footer == "Counting current policies (not superseded); --param status=any for all."


def test_table_output_shows_the_rows(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, "COLUMNS": "400"}
    result = run_cli("query", "run", "regions-targeting-theme", "--wide", env=env)
    assert result.exit_code == 0, result.output
    assert "Regions whose policies, measures, targets or projects address a theme" in result.output
    for key in ("bj-highland-data-factor-hub", "gz-intl-internet-data-channel", "cn-cross-border-data-flow-monitoring"):
        assert f" {key} " in result.output
