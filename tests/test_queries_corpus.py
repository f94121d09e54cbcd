"""The questions an analyst asks across documents, answered from the 65-document demo corpus.

Every expected row was checked against the texts (the seed article,
../shared/corpus/*.txt and data/sources/*.txt): the figure, its year, the paragraph (¶N = N-th
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
TJ19 = "2019-tianjin-cujin-shuzijingji-fazhan-xingdong-fangan"
LN21 = "2021-liaoning-shuzi-liaoning-1.0-jiedu-mubiao"
SH23 = "2023-shanghai-shuzijingji-3wanyi-mubiao"
ZJ18 = "2018-zhejiang-shuzijingji-wunian-beizeng-jihua"
ZJ21 = "2021-zhejiang-shuzijingji-shiwuwu-guihua-60"
JX22 = "2022-jiangxi-shiwuwu-shuzijingji-guihua"
SC24 = "2024-sichuan-shuzijingji-xianxingsheng-shishi-yijian"
GZ22 = "2022-guizhou-shuzijingji-zhanbi-34"
GS21 = "2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu"
ZW23 = "2023-ningxia-zhongwei-shuzijingji-2027-40"
XJ21 = "2021-xinjiang-shuzijingji-2020-26"
LN2 = "2021-liaoning-shuzi-liaoning-fazhan-guihua-2.0"
JS21 = "2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao"
JS22 = "2022-jiangsu-shuzijingji-hexin-chanye-10.3"
JS22Y = "2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian"
YC22 = "2022-jiangsu-yancheng-shuzijingji-sannian-xingdong-jihua"
FJ22 = "2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua"
CQ21 = "2021-chongqing-shuzijingji-shiwuwu-fazhan-guihua"
SX22 = "2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan"

COLUMNS = ("region", "figure", "year", "comparator", "value", "unit", "key", "source", "locator")


def run(graph, name, **params):
    return run_query(graph, name, {k: str(v) for k, v in params.items()})


def pick(rows, *columns):
    return [tuple(row[c] for c in columns) for row in rows]


def test_regions_compared_on_the_digital_economys_share_of_gdp(demo_graph):
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="数字经济增加值占GDP比重")
    assert pick(rows, *COLUMNS) == [
        # Beijing: the 2022 bulletin's full-year 41.6% (¶4), not the first quarter's 41.2% a 2022 news item gives
        ("110000", "reported", 2022, None, 41.6, "%", "bj-2022-digital-economy-share-gdp", BJ23, "¶4"),
        # Tianjin: a wordy goal for 2023, 全国领先, with no number (¶2)
        ("120000", "target", 2023, None, None, None, "tj-2023-de-share-leading", TJ19, "¶2"),
        # Hebei: 33.4% in 2020 (¶5)
        ("130000", "reported", 2020, None, 33.4, "%", "heb-2020-digital-economy-share-gdp", HEB22, "¶5"),
        # (Liaoning's 45% by 2025, in the reading of plan 1.0 (¶1), counts only with status=any: 2.0 superseded it)
        # Shanghai: more than 60% by 2025 (¶1)
        ("310000", "target", 2025, ">", 60.0, "%", "draft-2023-shanghai-shuzijingji-3wanyi-mubiao-t002", SH23, "¶1"),
        # Zhejiang: 46.8% in 2020 (14th plan ¶4); the doubling plan's 47% for 2020 and 55% for 2022 (its table,
        # ¶18 and ¶19); about 60% by 2025, in the 14th plan (¶1) and as the seed article retells it (¶7)
        ("330000", "reported", 2020, None, 46.8, "%", "draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-o005", ZJ21, "¶4"),
        ("330000", "target", 2020, "≥", 47.0, "%", "zj-2020-de-share", ZJ18, "¶18"),
        ("330000", "target", 2022, "≥", 55.0, "%", "zj-2022-de-share", ZJ18, "¶19"),
        ("330000", "target", 2025, "≈", 60.0, "%", "draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-t001", ZJ21, "¶1"),
        ("330000", "target", 2025, "≈", 60.0, "%", "zj-2025-digital-economy-va-about-60pct", SEED, "¶7"),
        # Jiangxi: 32.5% in 2020 (¶9)
        ("360000", "reported", 2020, None, 32.5, "%", "draft-2022-jiangxi-shiwuwu-shuzijingji-guihua-o002", JX22, "¶9"),
        # Chongqing: 45.4% in 2022 (its table) and above 50% by 2027 (¶6)
        ("500000", "reported", 2022, None, 45.4, "%", "cq-2022-digital-economy-share-gdp", CQ23, "¶15-¶19"),
        ("500000", "target", 2027, ">", 50.0, "%", "cq-2027-digital-economy-share-gdp", CQ23, "¶6"),
        # Sichuan: 40% by 2022 (pilot-zone plan ¶2); above the national average by 2027 (2024 opinions ¶5)
        ("510000", "target", 2022, "≥", 40.0, "%", "sc-2022-digital-economy-share-gdp-40pct", SC21, "¶2"),
        ("510000", "target", 2027, ">", None, None, "sc-2027-de-share-above-national", SC24, "¶5"),
        # Guizhou: 34% in 2021 (¶2)
        ("520000", "reported", 2021, None, 34.0, "%", "draft-2022-guizhou-shuzijingji-zhanbi-34-o003", GZ22, "¶2"),
        # Gansu: a rise of 15 percentage points by 2025 (¶3)
        ("620000", "target", 2025, "=", 15.0, "个百分点",
         "draft-2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu-t002", GS21, "¶3"),
        # Zhongwei (Ningxia): about 40% by 2027 (¶2)
        ("640500", "target", 2027, "≈", 40.0, "%", "draft-2023-ningxia-zhongwei-shuzijingji-2027-40-t001", ZW23, "¶2"),
        # Xinjiang: 26% in 2020 (¶1)
        ("650000", "reported", 2020, None, 26.0, "%", "draft-2021-xinjiang-shuzijingji-2020-26-o002", XJ21, "¶1"),
    ]
    assert {r["indicator"] for r in rows} == {"cn-digital-economy-va-share-gdp"}
    beijing = next(r for r in rows if r["region"] == "110000")
    assert beijing["period"] == "2022"


def test_regions_compared_on_the_core_industries_share_of_gdp(demo_graph):
    # the alias 核心产业增加值占比 names the catalogue indicator as well as its key does
    rows = run(demo_graph, "regions-compared-on-indicator", indicator="核心产业增加值占比")
    assert pick(rows, *COLUMNS) == [
        # Liaoning: above the national average by 2025, no number (Digital Liaoning 2.0 ¶1)
        ("210000", "target", 2025, ">", None, None, "ln2-2025-core-share-above-national", LN2, "¶1"),
        # Jiangsu: 10.3% in 2021 (2022 press report ¶3); over 10% by 2025 (IT plan ¶2); about 13.5% by 2025,
        # in the 2022 opinions (¶6) and restated by the press report (¶1)
        ("320000", "reported", 2021, None, 10.3, "%", "draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-o005", JS22, "¶3"),
        ("320000", "target", 2025, ">", 10.0, "%", "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t002", JS21, "¶2"),
        ("320000", "target", 2025, "≈", 13.5, "%",
         "draft-2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian-t001", JS22Y, "¶6"),
        ("320000", "target", 2025, "≈", 13.5, "%", "draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-t001", JS22, "¶1"),
        # Yancheng (Jiangsu): 10% or more by 2024 (¶8)
        ("320900", "target", 2024, "≥", 10.0, "%", "draft-2022-jiangsu-yancheng-shuzijingji-sannian-xingdong-jihua-t002",
         YC22, "¶8"),
        # Anhui: 达到全国平均水平 by 2026, a share target with no number (¶6)
        ("340000", "target", 2026, "≥", None, None, "ah-2026-core-share-gdp-national-average", AH24, "¶6"),
        # Fujian: 3 percentage points above its 2020 share by 2025 (¶3)
        ("350000", "target", 2025, "=", 3.0, "个百分点", "draft-2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua-t004",
         FJ22, "¶3"),
        # Hubei: more than 12% by the end of the 14th Five-Year period (¶9)
        ("420000", "target", 2025, ">", 12.0, "%", "hub-2025-core-share-gdp-above-12pct", HUB22, "¶9"),
        # Guangdong: above 16% by 2027 (¶2)
        ("440000", "target", 2027, ">", 16.0, "%", "gd-2027-core-share-gdp-above-16pct", GD25, "¶2"),
        # Shenzhen 2020: 30.5% of the city's GDP (seed ¶6)
        ("440300", "reported", 2020, None, 30.5, "%", "sz-2020-core-digital-va-share-gdp", SEED, "¶6"),
        # Sichuan: above the national average by 2027 (¶5)
        ("510000", "target", 2027, ">", None, None, "sc-2027-core-share-above-national", SC24, "¶5"),
        # Shaanxi: over 8% by 2023 (¶11) and over 10% by 2025 (¶12)
        ("610000", "target", 2023, ">", 8.0, "%",
         "draft-2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan-t002", SX22, "¶11"),
        ("610000", "target", 2025, ">", 10.0, "%",
         "draft-2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan-t003", SX22, "¶12"),
        # China: 9.9% in 2023 (¶2, the latest of 7.8% for 2020 and 9.9%) and 10% by 2025 (¶1)
        ("CN", "reported", 2023, None, 9.9, "%", "cn-2023-core-digital-industries-share-gdp", CN25, "¶2"),
        ("CN", "target", 2025, "≥", 10.0, "%", "cn-2025-core-digital-industries-share-gdp-10pct", CN22, "¶1"),
    ]
    assert run(demo_graph, "regions-compared-on-indicator", indicator="cn-core-digital-industries-va-share-gdp") == rows
    assert rows[0]["value_text"] == "超过全国平均水平"
    anhui = next(r for r in rows if r["region"] == "340000")
    assert anhui["value_text"].startswith("达到全国平均水平")


def test_targets_for_2025_against_the_latest_reported_figure(demo_graph):
    rows = run(demo_graph, "targets-vs-latest-figure", deadline=2025)
    figured = [r for r in rows if r["latest_value"] is not None]
    assert pick(figured, "region", "target", "comparator", "target_value", "target_unit", "latest_value",
                "latest_unit", "latest_year", "pct_of_target", "figure_source", "figure_locator") == [
        # (Liaoning's plan 1.0 goals count only with status=any: plan 2.0 superseded it; see below)
        # Jiangsu: core share over 10% (IT plan ¶2) against 10.3% in 2021 (press report ¶3): 103.0%
        ("320000", "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t002", ">", 10.0, "%", 10.3, "%", 2021, 103.0,
         JS22, "¶3"),
        # Jiangsu: 25.5万个 5G base stations (IT plan ¶2) against 16.6万座 at the end of July 2022 (press report ¶2)
        ("320000", "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t003", "≥", 25.5, "万个", 16.6, "万座", 2022, 65.1,
         JS22, "¶2"),
        # Jiangsu: about 13.5% (opinions ¶6, press report ¶1) against the same 10.3%: 76.3%
        ("320000", "draft-2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian-t001", "≈", 13.5, "%", 10.3, "%", 2021,
         76.3, JS22, "¶3"),
        ("320000", "draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-t001", "≈", 13.5, "%", 10.3, "%", 2021, 76.3,
         JS22, "¶3"),
        # Zhejiang: about 60% of GDP (14th plan ¶1, seed ¶7) against 46.8% in 2020 (14th plan ¶4): 78.0%
        ("330000", "draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-t001", "≈", 60.0, "%", 46.8, "%", 2020, 78.0,
         ZJ21, "¶4"),
        ("330000", "zj-2025-digital-economy-va-about-60pct", "≈", 60.0, "%", 46.8, "%", 2020, 78.0, ZJ21, "¶4"),
        # Fujian: over 4万亿元 (¶3) against the 2.3万亿元 expected for 2021 (¶1): 57.5%
        ("350000", "draft-2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua-t003", ">", 4.0, "万亿元", 2.3, "万亿元", 2021,
         57.5, FJ22, "¶1"),
        # China: 10% of GDP by 2025 (plan report ¶1) against 9.9% in 2023 (statistics report ¶2): 99.0%
        ("CN", "cn-2025-core-digital-industries-share-gdp-10pct", "≥", 10.0, "%", 9.9, "%", 2023, 99.0, CN25, "¶2"),
    ]
    # Liaoning: 14万个 5G base stations by 2025 (reading of plan 1.0 ¶3) against the 2.5万座 open at the end
    # of 2020 (plan 2.0's report ¶2, 截至2020年), not plan 1.0's earlier 2.4万座 of December 2020 (¶12): two
    # figures for 2020, the later source wins; 个 and 座 both count items, so 17.9%
    every = run(demo_graph, "targets-vs-latest-figure", deadline=2025, status="any")
    assert pick([r for r in every if r["target"] == "ln1-2025-5g"], "region", "target", "comparator", "target_value",
                "target_unit", "latest_value", "latest_unit", "latest_year", "pct_of_target", "figure_source",
                "figure_locator") == [("210000", "ln1-2025-5g", "=", 14.0, "万个", 2.5, "万座", 2020, 17.9, LN2, "¶2")]
    # Every other 2025 target has no figure of its indicator in its own region (Hubei's three among them: the
    # numerical-control rate Hebei reports is another province's)
    unfigured = [r for r in rows if r["latest_value"] is None]
    assert {r["pct_of_target"] for r in unfigured} == {None}
    assert [(r["region"], r["target"]) for r in unfigured] == [
        ("210000", "draft-2021-liaoning-shuzi-liaoning-fazhan-guihua-2.0-t001"),  # plan 1.0's four: status=any
        ("210000", "ln2-2025-core-share-above-national"),
        ("310000", "draft-2023-shanghai-shuzijingji-3wanyi-mubiao-t001"),
        ("310000", "draft-2023-shanghai-shuzijingji-3wanyi-mubiao-t002"),
        ("320000", "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t001"),
        *[("320000", f"draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t{n:03d}") for n in range(4, 14)],
        ("330000", "draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-t002"),
        ("330000", "draft-2021-zhejiang-shuzijingji-shiwuwu-guihua-60-t003"),
        ("330000", "zj-2025-demonstration-projects-1000"),
        ("350000", "draft-2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua-t004"),
        ("420000", "hub-2025-core-digital-industries-va-7000"),
        ("420000", "hub-2025-core-share-gdp-above-12pct"),
        ("420000", "hub-2025-key-process-nc-rate-above-60pct"),
        *[("610000", f"draft-2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan-t{n:03d}")
          for n in range(3, 7)],
        ("620000", "draft-2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu-t001"),
        ("620000", "draft-2021-gansu-shiwuwu-shuzijingji-chuangxin-fazhan-guihua-jiedu-t002"),
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
        # the 14th Five-Year plan for the digital economy, issued in 2021 (its report ¶1)
        (2021, "Policy", "pol-bbebdf01", CQ21, "¶1"),
        # the same report's 2020 figures: above 6000亿元 and above 25% of GDP (¶2)
        (2020, "Observation", "draft-2021-chongqing-shuzijingji-shiwuwu-fazhan-guihua-o001", CQ21, "¶2"),
        (2020, "Observation", "draft-2021-chongqing-shuzijingji-shiwuwu-fazhan-guihua-o002", CQ21, "¶2"),
        # the pilot zone, chosen in October 2019 (Sichuan text ¶12)
        (2019, "Project", "cq-national-digital-economy-pilot-zone", SC21, "¶12"),
    ]
    # with every policy, the 2018-2020 action plan the 14th plan carries on (and supersedes) comes last: no issue
    # date, so the first year it covers, not the 2023 of the page that cites it
    every = run(demo_graph, "region-profile", region="重庆", status="any")
    assert pick(every, "year", "label", "key", "source", "locator")[-1] == (2018, "Policy", "pol-7a299b4b", CQ21, "¶1")
    assert len(every) == len(rows) + 1
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
