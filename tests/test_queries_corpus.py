"""The questions an analyst asks across documents, answered from the 13-document demo corpus.

Every expected row was written from the texts (the seed article and
../shared/corpus/*.txt): the figure, its year, the paragraph (¶N = N-th
non-empty line) and the document that states it. The records only carry the
same facts into the graph.
"""

from __future__ import annotations

from policykg.queries.runner import run_query

SEED = "seed-2021-11-09-digital-economy-local-paths"
BJ23 = "2023-beijing-2022-tongji-gongbao"
CN22 = "2022-quanguo-shiwuwu-shuzijingji-guihua"
CN25 = "2025-quanguo-hexin-chanye-zengjiazhi-2023"
CQ23 = "2023-chongqing-shuzijingji-chuangxin-xingdong"
HEB22 = "2022-hebei-shuzijingji-jinzhan-chengxiao"
HUB22 = "2022-hubei-shuzijingji-qiangsheng-xingdong"
SC21 = "2021-sichuan-shiyanqu-gongzuo-fangan"
AH24 = "2024-anhui-shuzijingji-xingdong-fangan"
GD25 = "2025-guangdong-shiyanqu-jianshe-fangan"

COLUMNS = ("region", "figure", "year", "comparator", "value", "unit", "key", "source", "locator")


def run(graph, name, **params):
    return run_query(graph, name, {k: str(v) for k, v in params.items()})


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def test_regions_compared_on_the_digital_economys_share_of_gdp(demo_graph):
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="数字经济增加值占GDP比重")
    assert pick(rows, *COLUMNS) == [
        # Beijing 2022: 占全市地区生产总值的比重达到41.6% (bulletin report ¶4)
        ("110000", "reported", 2022, None, 41.6, "%", "bj-2022-digital-economy-share-gdp", BJ23, "¶4"),
        # Hebei 2020: 数字经济产业增加值占GDP的33.4% (¶5)
        ("130000", "reported", 2020, None, 33.4, "%", "heb-2020-digital-economy-share-gdp", HEB22, "¶5"),
        # Zhejiang: 到2025年数字经济增加值达到60%左右 (seed ¶7)
        ("330000", "target", 2025, "≈", 60.0, "%", "zj-2025-digital-economy-va-about-60pct", SEED, "¶7"),
        # Chongqing: 45.4 in 2022 (表1) and 超过50% by 2027 (¶6)
        ("500000", "reported", 2022, None, 45.4, "%", "cq-2022-digital-economy-share-gdp", CQ23, "¶15-¶19"),
        ("500000", "target", 2027, ">", 50.0, "%", "cq-2027-digital-economy-share-gdp", CQ23, "¶6"),
        # Sichuan: 占GDP比重达到40% by 2022 (¶2)
        ("510000", "target", 2022, "≥", 40.0, "%", "sc-2022-digital-economy-share-gdp-40pct", SC21, "¶2"),
    ]
    assert {r["indicator"] for r in rows} == {"cn-digital-economy-va-share-gdp"}


def test_regions_compared_on_the_core_industries_share_of_gdp(demo_graph):
    # the alias 核心产业增加值占比 names the catalogue indicator as well as its key does
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="核心产业增加值占比")
    assert pick(rows, *COLUMNS) == [
        # Anhui: 达到全国平均水平 by 2026, a share target with no number (¶6)
        ("340000", "target", 2026, "≥", None, None, "ah-2026-core-share-gdp-national-average", AH24, "¶6"),
        # Hubei: 占GDP的比重超过12% by the end of the 14th Five-Year period (¶9)
        ("420000", "target", 2025, ">", 12.0, "%", "hub-2025-core-share-gdp-above-12pct", HUB22, "¶9"),
        # Guangdong: 将超过16% by 2027 (¶2)
        ("440000", "target", 2027, ">", 16.0, "%", "gd-2027-core-share-gdp-above-16pct", GD25, "¶2"),
        # Shenzhen 2020: 占全市GDP比重30.5% (seed ¶6)
        ("440300", "reported", 2020, None, 30.5, "%", "sz-2020-core-digital-va-share-gdp", SEED, "¶6"),
        # China: 9.9% in 2023 (¶2, the latest of 7.8% for 2020 and 9.9%) and 10% by 2025 (¶1)
        ("CN", "reported", 2023, None, 9.9, "%", "cn-2023-core-digital-industries-share-gdp", CN25, "¶2"),
        ("CN", "target", 2025, "≥", 10.0, "%", "cn-2025-core-digital-industries-share-gdp-10pct", CN22, "¶1"),
    ]
    assert run(demo_graph, "regions-compared-on-indicator", indicator="cn-core-digital-industries-va-share-gdp") == rows
    assert rows[0]["value_text"].startswith("达到全国平均水平")


def test_targets_for_2025_against_the_latest_reported_figure(demo_graph):
    rows = run(demo_graph, "targets-vs-latest-figure", deadline=2025)
    assert pick(rows, "region", "target", "comparator", "target_value", "target_unit", "indicator_kind",
                "latest_value", "latest_unit", "latest_year", "pct_of_target", "figure_source", "figure_locator") == [
        # Zhejiang (seed ¶7): no Zhejiang figure of either indicator in the corpus
        ("330000", "zj-2025-demonstration-projects-1000", "≥", 1000.0, "家", "count", None, None, None, None, None, None),
        ("330000", "zj-2025-digital-economy-va-about-60pct", "≈", 60.0, "%", "share", None, None, None, None, None, None),
        # Hubei (¶9): nor any Hubei figure (Hebei's numerical-control rate is another province's)
        ("420000", "hub-2025-core-digital-industries-va-7000", "≥", 7000.0, "亿元", "level",
         None, None, None, None, None, None),
        ("420000", "hub-2025-core-share-gdp-above-12pct", ">", 12.0, "%", "share", None, None, None, None, None, None),
        ("420000", "hub-2025-key-process-nc-rate-above-60pct", ">", 60.0, "%", "share",
         None, None, None, None, None, None),
        # China: 10% of GDP by 2025 (plan report ¶1) against 9.9% in 2023 (statistics report ¶2): 99.0%
        ("CN", "cn-2025-core-digital-industries-share-gdp-10pct", "≥", 10.0, "%", "share", 9.9, "%", 2023, 99.0,
         CN25, "¶2"),
    ]
    assert {r["deadline"] for r in rows} == {2025}


def test_region_profile_newest_first_with_sources(demo_graph):
    rows = run(demo_graph, "region-profile", region="重庆")
    assert pick(rows, "year", "label", "key", "source", "locator") == [
        # the 2023 action plan and its targets (the plan gives no issue date: the page's year, 2023)
        (2023, "Policy", "cq-digital-economy-innovation-action-plan", CQ23, "¶1"),
        (2023, "Target", "cq-2027-core-digital-industries-va", CQ23, "¶33-¶37"),
        (2023, "Target", "cq-2027-demonstration-projects", CQ23, "¶26-¶30"),
        (2023, "Target", "cq-2027-digital-economy-share-gdp", CQ23, "¶6"),
        (2023, "Target", "cq-2027-future-factories", CQ23, "¶56-¶60"),
        (2023, "Target", "cq-2027-industry-brain-future-factory-system", CQ23, "¶6"),
        (2023, "Target", "cq-2027-industry-brains", CQ23, "¶51-¶55"),
        (2023, "Target", "cq-2027-innovation-factories", CQ23, "¶62-¶66"),
        (2023, "Target", "cq-2027-key-digital-economy-firms", CQ23, "¶20-¶24"),
        (2023, "Target", "cq-2027-new-gen-electronics-revenue", CQ23, "¶38-¶42"),
        (2023, "Target", "cq-2027-software-revenue", CQ23, "¶44-¶48"),
        # the table's 2022 baseline
        (2022, "Observation", "cq-2022-core-digital-industries-va", CQ23, "¶33-¶37"),
        (2022, "Observation", "cq-2022-digital-economy-share-gdp", CQ23, "¶15-¶19"),
        (2022, "Observation", "cq-2022-new-gen-electronics-revenue", CQ23, "¶38-¶42"),
        (2022, "Observation", "cq-2022-software-revenue", CQ23, "¶44-¶48"),
        # the pilot zone, chosen in October 2019 (Sichuan text ¶12)
        (2019, "Project", "cq-national-digital-economy-pilot-zone", SC21, "¶12"),
    ]
    share = next(r for r in rows if r["key"] == "cq-2027-digital-economy-share-gdp")
    assert (share["detail"], share["region_en"]) == ("> 50 % by 2027", "Chongqing")


def test_region_profile_includes_the_regions_within(demo_graph):
    rows = run(demo_graph, "region-profile", region="北京")
    years = [r["year"] for r in rows]
    assert years == sorted(years, reverse=True)
    # the 2022 bulletin's figures come first; Zhongguancun's 2021 revenue is within Beijing
    assert (rows[0]["year"], rows[0]["source"]) == (2023, BJ23)  # the bulletin itself, issued 2023-03-21
    assert {r["region"] for r in rows} == {"110000", "Z-ZGC"}
    assert ("bj-highland-data-factor-hub", "Target", 2021) in pick(rows, "key", "label", "year")


def test_one_indicator_over_time_for_one_region(demo_graph):
    rows = run(demo_graph, "indicator-over-time", region="中国", indicator="数字经济核心产业增加值占GDP比重")
    assert pick(rows, "year", "figure", "comparator", "value", "unit", "key", "source", "locator") == [
        (2020, "reported", None, 7.8, "%", "cn-2020-core-digital-industries-share-gdp", CN22, "¶5"),
        (2023, "reported", None, 9.9, "%", "cn-2023-core-digital-industries-share-gdp", CN25, "¶2"),
        (2025, "target", "≥", 10.0, "%", "cn-2025-core-digital-industries-share-gdp-10pct", CN22, "¶1"),
    ]
    # Hebei's share of key processes under numerical control: 由2015年的49.2%提高到2020年的55.3% (¶5)
    rows = run(demo_graph, "indicator-over-time", region="河北", indicator="关键工序数控化率")
    assert pick(rows, "year", "figure", "value", "key", "locator") == [
        (2015, "reported", 49.2, "heb-2015-key-process-nc-rate", "¶5"),
        (2020, "reported", 55.3, "heb-2020-key-process-nc-rate", "¶5")]
