"""The strategy cascade on the demo corpus: implementations, ambition, revisions, status.

Expected rows were worked out from the records' texts (data/sources/*.txt and
data/documents/*.yaml): which plan cites which, under which date, and which
figure each sets for 2025.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from policykg.graph.connection import Graph, read_rows
from policykg.ingest.pipeline import ingest_paths
from policykg.queries.runner import run_query
from tests.conftest import DEMO_DOCUMENTS, wipe

NATIONAL = "cn-14th-fyp-digital-economy-plan"
CORE_SHARE = "cn-core-digital-industries-va-share-gdp"


@pytest.fixture(scope="module")
def demo_graph(db: Graph) -> Iterator[Graph]:
    """The demo corpus, ingested once for this module."""
    ingest_paths(db, [DEMO_DOCUMENTS])
    yield db
    wipe(db)


def run(demo_graph, name, **params):
    return run_query(demo_graph, name, {k: str(v) for k, v in params.items()}, limit=0)


def test_the_demo_corpus_states_at_least_eight_implements_links(demo_graph):
    rows = read_rows(demo_graph, "MATCH (a:Policy)-[l:IMPLEMENTS]->(b:Policy) RETURN a.key AS a, b.key AS b")
    assert len(rows) == 27  # the 52 pipeline-reviewed records state 27 links, 8 of them to the national plan
    assert sum(1 for r in rows if r["b"] == NATIONAL) == 8


def test_implementations_of_the_national_plan_by_lag(demo_graph):
    rows = run(demo_graph, "implementations-of", policy=NATIONAL)
    done = [(r["region_zh"], r["issued"], r["lag_months"]) for r in rows if r["status"] == "implemented"]
    # lag from the national plan's date in the graph (2022-01-12, the State Council's publication)
    assert done == [("江苏省", "2021-08-10", -5), ("山东省", "2022-03-22", 2), ("江西省", "2022-05-25", 4),
                    ("上海市", "2022-06-12", 5), ("广东省", "2023-04-01", 15), ("山东省", "2023-04-27", 15),
                    ("鄂州市", "2023-06-30", 17), ("福建省", "2022", None)]  # a year alone gives no lag
    assert rows[0]["quote"] == "根据《“十四五”数字经济发展规划》"
    pending = {r["region_zh"] for r in rows if r["status"] == "not yet"}
    assert {"北京市", "浙江省", "湖北省"} <= pending
    assert not pending & {"江苏省", "山东省", "江西省", "上海市", "广东省", "福建省"}
    assert all(r["level"] == "province" for r in rows if r["status"] == "not yet")


def test_implementations_of_a_provincial_plan_list_its_cities(demo_graph):
    rows = run(demo_graph, "implementations-of", policy="湖北省数字经济发展“十四五”规划")
    done = [(r["region_zh"], r["title_zh"]) for r in rows if r["status"] == "implemented"]
    assert done == [("鄂州市", "鄂州市数字经济发展“十四五”规划")]
    pending = {r["region_zh"] for r in rows if r["status"] == "not yet"}
    assert "武汉市" in pending and "鄂州市" not in pending


def test_target_ambition_sets_regions_against_the_national_target(demo_graph):
    rows = run(demo_graph, "target-ambition", indicator=CORE_SHARE, deadline=2025)
    got = [(r["region_zh"], r["level_target"], r["ratio"], r["latest"], r["progress_pct"]) for r in rows]
    assert got == [("中国", 10.0, 1.0, 9.9, 99.0),
                   ("江苏省", 13.5, 1.35, 10.3, 76.3),  # the 2022 opinion's 13.5%, not 2021's 超10%
                   ("湖北省", 12.0, 1.2, None, None),
                   ("陕西省", 10.0, 1.0, None, None),
                   ("辽宁省", None, None, None, None),  # worded: above the national average
                   ("福建省", None, None, None, None)]  # +3 points on 2020: no baseline figure stated
    # 超10% (2021 plan), 13.5% (2022 opinion), 13.5% again (the 2022 press report of that opinion)
    assert [r["times_set"] for r in rows if r["region_zh"] == "江苏省"] == [3]
    assert [r["goal"] for r in rows if r["region_zh"] == "福建省"] == ["+3.0个百分点 vs 2020"]


def test_target_revisions_of_jiangsu_core_share(demo_graph):
    rows = run(demo_graph, "target-revisions", region="江苏", indicator="数字经济核心产业增加值占GDP比重")
    got = [(r["deadline"], r["revision"], r["goal"], r["source"], r["change"], r["delta"]) for r in rows]
    assert got == [(2025, 1, ">10.0%", "2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao", "first", None),
                   (2025, 2, "≈13.5%", "2022-jiangsu-quanmian-tisheng-shuzijingji-zhidao-yijian", "raised", 3.5),
                   (2025, 3, "≈13.5%", "2022-jiangsu-shuzijingji-hexin-chanye-10.3", "restated", 0.0)]


def test_target_revisions_show_a_restated_growth_goal(demo_graph):
    rows = run(demo_graph, "target-revisions", region="辽宁", indicator="cn-digital-economy-va")
    assert [(r["revision"], r["kind_of_change"], r["policy_zh"], r["change"]) for r in rows] == [
        (1, "annual_growth", "数字辽宁发展规划(1.0版)", "first"),
        (2, "annual_growth", "数字辽宁发展规划(2.0版)", "restated")]


def test_policy_status_superseded_expired_and_in_force(demo_graph):
    rows = run(demo_graph, "policy-status", region="辽宁", year=2024)
    assert [(r["title_zh"], r["status"], r["successor_zh"], r["superseded_on"]) for r in rows] == [
        ("数字辽宁发展规划(1.0版)", "superseded", "数字辽宁发展规划(2.0版)", "2021"),  # the 2.0 record gives the year
        ("数字辽宁发展规划(2.0版)", "in force", None, None)]
    later = run(demo_graph, "policy-status", region="辽宁", year=2026)
    assert [r["status_zh"] for r in later] == ["已被取代", "已到期"]
    before = run(demo_graph, "policy-status", region="辽宁", year=2020)
    assert [r["status"] for r in before] == ["in force", "not yet in force"]


def test_policy_status_of_chongqing_successor(demo_graph):
    rows = {r["title_zh"]: r for r in run(demo_graph, "policy-status", region="重庆", year=2022)}
    old = rows["重庆市以大数据智能化为引领的创新驱动发展战略行动计划(2018—2020年)"]
    assert (old["status"], old["successor_zh"], old["superseded_on"]) == (
        "superseded", "重庆市数字经济“十四五”发展规划(2021—2025年)", "2021")
    assert rows["重庆市数字经济“十四五”发展规划(2021—2025年)"]["status"] == "in force"
