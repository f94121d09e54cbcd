"""The demo corpus in the graph: everything the seed article states, each fact sourced, facts shared."""

from __future__ import annotations

import pytest

from policykg.graph.connection import read_rows

# Read off the seed article (shared/seeds/000_e559cf07f42a77de.txt), not off the corpus.
SEED_REGIONS = {"CN", "US", "EU", "JP", "110000", "310000", "440300", "440000", "320000", "370000", "330000",
                "520000", "140000", "Z-ZGC", "Z-GYGA", "Z-GZBD", "Z-SZPDZ", "Z-SXTRZ"}
SEED_POLICY_TITLES = [
    "北京市关于加快建设全球数字经济标杆城市的实施方案",
    "推进上海经济数字化转型 赋能高质量发展行动方案(2021-2023年)",
    "中共中央国务院关于支持深圳建设中国特色社会主义先行示范区的意见",
    "数字经济产业扶持计划",
    "关于加快数字化发展的意见",
    "关于深入推进数字经济发展的意见",
    "江苏省“十四五”数字经济发展规划",
    "浙江省数字经济发展“十四五”规划",
    "数字生态指数2021",
]
SEED_DEADLINES = {2023, 2025}
SEED_FIGURES = {9966.8, 19.1, 67.1, 24.7, 27.8, 8446.6, 30.5, 8, 33, 66, 45, 60, 1000, 17, 17000, 12.5, 1110.1,
                41, 2128.8, 69.8}

pytestmark = pytest.mark.usefixtures("demo_graph")


def test_every_fact_has_a_path_to_its_source(demo_graph):
    unsourced = read_rows(demo_graph, """
        MATCH (f) WHERE (f:Target OR f:Observation OR f:Project OR f:Policy OR f:Measure)
          AND NOT (f)-[:SOURCED_FROM]->(:SourceDocument)
        RETURN f.key AS key""")
    assert unsourced == []
    counts = {r["label"]: r["n"] for r in read_rows(demo_graph, """
        MATCH (f)-[:SOURCED_FROM]->(:SourceDocument)
        RETURN labels(f)[0] AS label, count(DISTINCT f) AS n""")}
    assert {label: counts.get(label, 0) > 0 for label in ("Target", "Observation", "Project", "Policy", "Measure")} == {
        "Target": True, "Observation": True, "Project": True, "Policy": True, "Measure": True}


def test_the_graph_holds_every_region_the_seed_names(demo_graph):
    rows = read_rows(demo_graph, "MATCH (:SourceDocument)-[:MENTIONS]->(r:Region) RETURN r.code AS code")
    assert SEED_REGIONS <= {r["code"] for r in rows}


def test_the_graph_holds_every_policy_title(demo_graph):
    titles = {r["t"] for r in read_rows(demo_graph, "MATCH (p:Policy) RETURN p.title_zh AS t")}
    assert [t for t in SEED_POLICY_TITLES if t not in titles] == []


def test_the_graph_holds_every_target_deadline(demo_graph):
    rows = read_rows(demo_graph, "MATCH (t:Target) RETURN DISTINCT t.deadline AS d")
    assert SEED_DEADLINES <= {r["d"] for r in rows}


def test_the_graph_holds_every_figure(demo_graph):
    rows = read_rows(demo_graph, """
        MATCH (n) WHERE n:Observation OR n:Target OR n:Project OR n:Policy
        UNWIND [n.value, n.yoy_change_pct, n.share_pct, n.count, n.section_count, n.measure_count] AS v
        WITH v WHERE v IS NOT NULL RETURN collect(DISTINCT toFloat(v)) AS values""")
    assert sorted(SEED_FIGURES - set(rows[0]["values"])) == []


def test_shenzhen_core_digital_industries_level_and_share_of_gdp(demo_graph):
    # ¶6: 8446.6亿元 and 30.5% of the city's GDP in 2020: a level and a share, each on its catalogue indicator
    rows = read_rows(demo_graph, """
        MATCH (o:Observation)-[:OBSERVED_IN]->(:Region {code: '440300'}), (o)-[s:SOURCED_FROM]->(d),
              (o)-[:OF_INDICATOR]->(i:Indicator)
        RETURN i.key AS indicator, i.kind AS kind, o.value AS value, o.unit AS unit, o.year AS year, d.id AS doc,
               s.locator AS locator, s.quote AS quote ORDER BY indicator""")
    seed = "seed-2021-11-09-digital-economy-local-paths"
    assert rows == [
        {"indicator": "cn-core-digital-industries-va", "kind": "level", "value": 8446.6, "unit": "亿元", "year": 2020,
         "doc": seed, "locator": "¶6", "quote": "深圳数字经济核心产业增加值达到8446.6亿元"},
        {"indicator": "cn-core-digital-industries-va-share-gdp", "kind": "share", "value": 30.5, "unit": "%",
         "year": 2020, "doc": seed, "locator": "¶6", "quote": "占全市GDP比重30.5%"}]


def test_a_fact_two_documents_state_is_one_node_with_two_sources(demo_graph):
    # Guangdong's national pilot zone: named by the Sichuan text (¶12) and the 2025 Guangdong text (¶2)
    rows = read_rows(demo_graph, """
        MATCH (p:Project {key: 'gd-national-digital-economy-pilot-zone'})-[s:SOURCED_FROM]->(d)
        RETURN d.id AS doc, s.locator AS locator ORDER BY doc""")
    assert rows == [{"doc": "2021-sichuan-shiyanqu-gongzuo-fangan", "locator": "¶12"},
                    {"doc": "2025-guangdong-shiyanqu-jianshe-fangan", "locator": "¶2"}]


def test_catalogue_indicators_are_shared_and_belong_to_no_document(demo_graph):
    rows = read_rows(demo_graph, """
        MATCH (i:Indicator {key: 'cn-core-digital-industries-va-share-gdp'})
        OPTIONAL MATCH (i)-[:SOURCED_FROM]->(d)
        OPTIONAL MATCH (o:Observation)-[:OF_INDICATOR]->(i)
        OPTIONAL MATCH (t:Target)-[:TRACKS]->(i)
        RETURN count(i) AS nodes, count(d) AS sources, collect(DISTINCT o.key) AS figures,
               collect(DISTINCT t.key) AS targets, i.catalogue AS catalogue""")
    # named as 数字经济核心产业增加值占GDP比重, …占地区生产总值(GDP)比重, …占全市GDP比重 or by key in 14 records
    assert rows[0]["nodes"] >= 1 and rows[0]["sources"] == 0 and rows[0]["catalogue"] is True
    assert sorted(rows[0]["figures"]) == ["cn-2020-core-digital-industries-share-gdp",
                                          "cn-2023-core-digital-industries-share-gdp",
                                          "draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-o005",
                                          "sz-2020-core-digital-va-share-gdp"]
    assert sorted(rows[0]["targets"]) == [
        "ah-2026-core-share-gdp-national-average", "cn-2025-core-digital-industries-share-gdp-10pct",
        "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t002", "draft-2022-fujian-zuoda-zuoqiang-zuoyou-xingdong-jihua-t004",
        "draft-2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian-t001",
        "draft-2022-jiangsu-shuzijingji-hexin-chanye-10.3-t001",
        "draft-2022-jiangsu-yancheng-shuzijingji-sannian-xingdong-jihua-t002",
        "draft-2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan-t002",
        "draft-2022-shaanxi-jiakuai-tuijin-shuzijingji-chanye-fazhan-shishi-fangan-t003",
        "gd-2027-core-share-gdp-above-16pct", "hub-2025-core-share-gdp-above-12pct", "ln2-2025-core-share-above-national",
        "sc-2027-core-share-above-national"]


def test_chinese_text_is_stored_as_written(demo_graph):
    rows = read_rows(demo_graph, "MATCH (p:Policy {key: 'bj-benchmark-city-plan'}) "
                     "RETURN p.title_zh AS zh, p.title_en AS en")
    assert rows[0]["zh"] == "北京市关于加快建设全球数字经济标杆城市的实施方案"
    assert rows[0]["en"]


def test_published_by_links_the_publisher(demo_graph):
    rows = read_rows(demo_graph, "MATCH (d:SourceDocument)-[:PUBLISHED_BY]->(o) RETURN d.id AS d, o.name_zh AS o "
                                 "ORDER BY d")
    publisher = {r["d"]: r["o"] for r in rows}
    # the three hand records that name an organization as the publisher, and all 52 pipeline-reviewed records
    assert len(rows) == len(publisher) == 55
    assert publisher["2021-shanghai-chengshi-shuzihua-zhuanxing-guihua"] == "上海市人民政府办公厅"
    assert publisher["2025-shandong-shuzi-qiangsheng-gongzuo-yaodian"] == "山东数字强省建设领导小组办公室"
    assert publisher["seed-2021-11-09-digital-economy-local-paths"] == "信息政策所"
    # the organization is named without the page's reprint or byline notes, which stay on the document
    assert publisher["2018-zhejiang-shuzijingji-wunian-beizeng-jihua"] == "浙江省"
    assert publisher["2021-xinjiang-shuzijingji-2020-26"] == "经济日报"
    assert publisher["2023-guangdong-shuzijingji-gongzuo-yaodian"] == "广东省数字经济发展工作领导小组办公室"
    assert not [name for name in publisher.values() if " (" in name or "reprint" in name]
    # the other ten hand records leave the publisher as text (a newspaper, a site) or unstated
    unlinked = read_rows(demo_graph, "MATCH (d:SourceDocument) WHERE NOT EXISTS { (d)-[:PUBLISHED_BY]->() } "
                                     "RETURN d.id AS d ORDER BY d")
    assert [r["d"] for r in unlinked] == [
        "2018-guangdong-shuzijingji-fazhan-guihua", "2021-sichuan-shiyanqu-gongzuo-fangan",
        "2022-hebei-shuzijingji-jinzhan-chengxiao", "2022-hubei-shuzijingji-qiangsheng-xingdong",
        "2022-quanguo-shiwuwu-shuzijingji-guihua", "2023-beijing-2022-tongji-gongbao",
        "2023-chongqing-shuzijingji-chuangxin-xingdong", "2024-anhui-shuzijingji-xingdong-fangan",
        "2025-guangdong-shiyanqu-jianshe-fangan", "2025-quanguo-hexin-chanye-zengjiazhi-2023"]


def test_the_seed_review_corrections(demo_graph):
    # ¶5: Shanghai "还提出了" (proposed) the stress tests and the CIIE-led events in November 2021: planned
    # ¶2: the Politburo study-session points are Xi's directions, not measures in force
    rows = read_rows(demo_graph, """
        MATCH (m:Measure)-[:SOURCED_FROM]->(:SourceDocument {id: 'seed-2021-11-09-digital-economy-local-paths'})
        WHERE m.status IN ['planned', 'directed'] RETURN m.status AS status, m.key AS key ORDER BY status, key""")
    assert [(r["status"], r["key"]) for r in rows] == [
        ("directed", "cn-balance-development-and-security"), ("directed", "cn-digital-real-integration"),
        ("directed", "cn-leverage-data-and-scenarios"), ("directed", "cn-new-industries-forms-models"),
        ("planned", "sh-ciie-flagship-events"), ("planned", "sh-high-level-opening-stress-test")]
    # ¶4: 通过5至10年的接续努力 gives no year, so the six highlands have no deadline
    highlands = read_rows(demo_graph, "MATCH (t:Target) WHERE t.key STARTS WITH 'bj-highland-' "
                                      "RETURN count(t) AS n, collect(DISTINCT t.deadline) AS deadlines")
    assert highlands == [{"n": 6, "deadlines": []}]
    # ¶7: 数字经济增加值达到60%左右 is a percentage, so it tracks the share of GDP, not the level in 亿元
    zhejiang = read_rows(demo_graph, """
        MATCH (:Target {key: 'zj-2025-digital-economy-va-about-60pct'})-[:TRACKS]->(i:Indicator)
        RETURN i.key AS key, i.kind AS kind, i.unit AS unit""")
    assert zhejiang == [{"key": "cn-digital-economy-va-share-gdp", "kind": "share", "unit": "%"}]


def test_no_english_name_or_title_mixes_in_chinese(demo_graph):
    """A reviewed record's English names read as English: no draft mark left over, no Chinese characters in them."""
    mixed = read_rows(demo_graph, """
        MATCH (n) UNWIND [k IN keys(n) WHERE k IN ['name_en', 'title_en']] AS k
        WITH n, k, n[k] AS text
        WHERE text CONTAINS '[draft gloss]' OR text =~ '.*[\\u4e00-\\u9fff].*'
        RETURN labels(n)[0] AS label, coalesce(n.key, n.code, n.id) AS key, k, text""")
    assert mixed == []
    named = read_rows(demo_graph, "MATCH (t:Target {key: 'draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t007'}) "
                                  "RETURN t.name_zh AS zh, t.name_en AS en")
    assert named == [{"zh": "省级重点工业互联网平台", "en": "Key industrial-internet platforms at provincial level"}]
