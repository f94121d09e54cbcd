"""The parts of the queries the demo corpus does not exercise, on small graphs built by hand.

The demo corpus cannot show every case ("latest" against a change-only
figure, a region within, units that differ between target and figure), so
they are checked here, where the expected answer is obvious from the setup.
"""

from __future__ import annotations

import json

from policykg.graph.connection import write
from policykg.ingest.summary import rebuild
from policykg.queries.runner import run_query

GRAPH = """
CREATE (doc:SourceDocument {id: 'doc-1', title_en: 'Doc one', title_zh: '文件一', published: date('2022-03-01')})
CREATE (zj:Region {code: '330000', name_zh: '浙江省', name_en: 'Zhejiang', level: 'province'})
CREATE (hz:Region {code: '330100', name_zh: '杭州市', name_en: 'Hangzhou', level: 'prefecture'})-[:PART_OF]->(zj)
CREATE (js:Region {code: '320000', name_zh: '江苏省', name_en: 'Jiangsu', level: 'province'})
CREATE (i:Indicator {key: 'ind', name_zh: '指标', name_en: 'An indicator', unit: '%'})
CREATE (t:Target {key: 'tgt', name_en: 'Target', comparator: '≥', value: 60.0, unit: '%', deadline: 2025})
CREATE (t)-[:TRACKS]->(i), (t)-[:APPLIES_TO]->(zj), (t)-[:SOURCED_FROM {locator: '¶1'}]->(doc)
WITH doc, zj, hz, js, i
UNWIND [
  {key: 'zj-2020', region: '330000', year: 2020, period: '2020', value: 40.0},
  {key: 'zj-2021-yoy', region: '330000', year: 2021, period: '2021', value: null},
  {key: 'hz-2021', region: '330100', year: 2021, period: '2021', value: 45.0},
  {key: 'js-2022', region: '320000', year: 2022, period: '2022', value: 70.0}
] AS row
MATCH (r:Region {code: row.region})
CREATE (o:Observation {key: row.key, year: row.year, period: row.period, value: row.value, unit: '%'})
CREATE (o)-[:OBSERVED_IN]->(r), (o)-[:OF_INDICATOR]->(i), (o)-[:SOURCED_FROM {locator: row.key}]->(doc)
"""


def build(graph, extra: str = "") -> None:
    write(graph, lambda tx: tx.run(GRAPH).consume())
    if extra:
        write(graph, lambda tx: tx.run(extra).consume())


def test_latest_figure_is_the_targets_own_regions_latest_figure_with_a_value(graph):
    build(graph)
    rows = run_query(graph, "targets-vs-latest-figure", {})
    # Zhejiang's own 2021 figure is only a change, so its 2020 level is the latest that compares;
    # Hangzhou (within Zhejiang) and Jiangsu report their own quantities and do not count.
    assert [(r["target"], r["latest_value"], r["latest_year"], r["pct_of_target"], r["figure_source"],
             r["figure_locator"], r["source"], r["locator"]) for r in rows] == [
        ("tgt", 40.0, 2020, 66.7, "doc-1", "zj-2020", "doc-1", "¶1")]

    write(graph, lambda tx: tx.run("""
        MATCH (i:Indicator {key: 'ind'}), (zj:Region {code: '330000'}), (doc:SourceDocument {id: 'doc-1'})
        CREATE (o:Observation {key: 'zj-2021', year: 2021, period: '2021', value: 54.0, unit: '%'})
        CREATE (o)-[:OBSERVED_IN]->(zj), (o)-[:OF_INDICATOR]->(i), (o)-[:SOURCED_FROM {locator: '¶9'}]->(doc)
    """).consume())
    rows = run_query(graph, "targets-vs-latest-figure", {"deadline": "2025"})
    assert [(r["latest_value"], r["latest_year"], r["pct_of_target"], r["figure_locator"]) for r in rows] == [
        (54.0, 2021, 90.0, "¶9")]
    assert run_query(graph, "targets-vs-latest-figure", {"deadline": "2030"}) == []


def test_pct_of_target_compares_levels_and_counts_in_one_unit(graph):
    build(graph, """
        MATCH (zj:Region {code: '330000'}), (doc:SourceDocument {id: 'doc-1'})
        UNWIND [
          {ind: 'money', t: 2.0, tu: '万亿元', o: 16000.0, ou: '亿元'},
          {ind: 'firms', t: 1000.0, tu: '家', o: 0.05, ou: '万个'},
          {ind: 'bandwidth', t: 60.0, tu: 'EFLOPS', o: 30.0, ou: 'EB'}
        ] AS row
        CREATE (i:Indicator {key: row.ind})
        CREATE (t:Target {key: 't-' + row.ind, value: row.t, unit: row.tu, deadline: 2027})
        CREATE (t)-[:TRACKS]->(i), (t)-[:APPLIES_TO]->(zj), (t)-[:SOURCED_FROM {locator: '¶3'}]->(doc)
        CREATE (o:Observation {key: 'o-' + row.ind, year: 2022, period: '2022', value: row.o, unit: row.ou})
        CREATE (o)-[:OBSERVED_IN]->(zj), (o)-[:OF_INDICATOR]->(i), (o)-[:SOURCED_FROM {locator: '¶4'}]->(doc)
    """)
    rows = run_query(graph, "targets-vs-latest-figure", {"deadline": "2027"})
    # 16000亿元 of 2万亿元; 0.05万个 (500) of 1000家; EB and EFLOPS measure different things
    assert [(r["target"], r["pct_of_target"]) for r in rows] == [
        ("t-bandwidth", None), ("t-firms", 50.0), ("t-money", 80.0)]


def test_indicator_over_time_lists_every_year_of_the_region_only(graph):
    build(graph, """
        MATCH (i:Indicator {key: 'ind'}), (zj:Region {code: '330000'}), (doc:SourceDocument {id: 'doc-1'})
        CREATE (o:Observation {key: 'zj-2019', year: 2019, period: '2019', value: 35.5, unit: '%'})
        CREATE (o)-[:OBSERVED_IN]->(zj), (o)-[:OF_INDICATOR]->(i), (o)-[:SOURCED_FROM {locator: '¶2'}]->(doc)
    """)
    rows = run_query(graph, "indicator-over-time", {"region": "浙江", "indicator": "An indicator"})
    assert [(r["year"], r["figure"], r["value"], r["key"], r["source"]) for r in rows] == [
        (2019, "reported", 35.5, "zj-2019", "doc-1"), (2020, "reported", 40.0, "zj-2020", "doc-1"),
        (2021, "reported", None, "zj-2021-yoy", "doc-1"), (2025, "target", 60.0, "tgt", "doc-1")]


def test_regions_compared_take_each_regions_latest_figure_with_a_value_beside_its_targets(graph):
    build(graph)
    rows = run_query(graph, "regions-compared-on-indicator", {"indicator": "指标"})
    # Zhejiang's 2021 row states only a change, so its 2020 level stands for it, next to its target.
    assert [(r["region"], r["figure"], r["year"], r["value"], r["key"]) for r in rows] == [
        ("320000", "reported", 2022, 70.0, "js-2022"), ("330000", "reported", 2020, 40.0, "zj-2020"),
        ("330000", "target", 2025, 60.0, "tgt"), ("330100", "reported", 2021, 45.0, "hz-2021")]


def test_last_ingest_changes_expands_the_newest_runs_json(graph):
    older = [{"change": "added", "label": "Policy", "key": "p1", "name": "Old", "document": "d0"}]
    newer = [{"change": "changed", "label": "Target", "key": "t1", "name": "T", "field": "value", "old": 50,
              "new": 60, "document": "d1"},
             {"change": "removed", "label": "Measure", "key": "m1", "name": "M", "document": "d1"}]
    write(graph, lambda tx: tx.run("""
        CREATE (:IngestRun {id: 'run-1', started_at: datetime('2026-01-01T00:00:00Z'), changes: $older})
        CREATE (:IngestRun {id: 'run-2', started_at: datetime('2026-02-01T00:00:00Z'), changes: $newer})
    """, older=json.dumps(older), newer=json.dumps(newer)).consume())
    rows = run_query(graph, "last-ingest-changes", {})
    assert [{k: v for k, v in r.items() if k != "started_at"} for r in rows] == [
        {"run": "run-2", **newer[0]}, {"run": "run-2", **newer[1]}]
    assert rows[0]["started_at"].year == 2026 and rows[0]["started_at"].month == 2


def test_similar_regions_ignore_pairs_with_nothing_in_common(graph):
    write(graph, lambda tx: tx.run("""
        CREATE (a:Region {code: 'A', name_en: 'A'}), (b:Region {code: 'B', name_en: 'B'}), (c:Region {code: 'C', name_en: 'C'})
        CREATE (t1:Theme {id: 't1'}), (t2:Theme {id: 't2'}), (t3:Theme {id: 't3'})
        CREATE (p1:Policy {key: 'p1'})-[:APPLIES_TO]->(a), (p1)-[:ADDRESSES]->(t1), (p1)-[:ADDRESSES]->(t2)
        CREATE (m1:Measure {key: 'm1'})-[:APPLIES_TO]->(b), (m1)-[:ADDRESSES]->(t2)
        CREATE (j1:Project {key: 'j1'})-[:LOCATED_IN]->(b), (j1)-[:ADDRESSES]->(t1), (j1)-[:ADDRESSES]->(t3)
        CREATE (p3:Policy {key: 'p3'})-[:APPLIES_TO]->(c), (p3)-[:ADDRESSES]->(t3)
    """).consume())
    rebuild(graph)  # the portfolios come from the summary ingest keeps; this graph was written by hand
    rows = run_query(graph, "similar-regions", {"min_shared": "1"})
    assert [(r["region_a"], r["region_b"], r["jaccard"], r["shared_themes"]) for r in rows] == [
        ("A", "B", 0.667, ["t1", "t2"]), ("B", "C", 0.333, ["t3"])]
    # by default a pair must share three themes; with two, B and C (one shared theme) still drop out
    assert [(r["region_a"], r["region_b"]) for r in run_query(graph, "similar-regions", {"min_shared": "2"})] == [
        ("A", "B")]
    assert run_query(graph, "similar-regions", {}) == []


def test_similar_regions_with_one_portfolio_rank_by_code_whatever_the_limit(graph):
    """Regions with the same portfolio are compared once, as a group; the answer is the pairwise one."""
    write(graph, lambda tx: tx.run("""
        UNWIND ['t1', 't2', 't3', 't4'] AS id CREATE (:Theme {id: id})
        WITH count(*) AS themes
        UNWIND [['E', ['t1', 't2', 't3', 't4']], ['D', ['t1', 't2', 't3']], ['B', ['t1', 't2', 't3']],
                ['A', ['t1', 't2', 't3']], ['C', ['t1', 't2', 't3']], ['F', ['t4']]] AS region
        CREATE (r:Region {code: region[0], name_en: region[0]})
        CREATE (p:Policy {key: 'p-' + region[0]})-[:APPLIES_TO]->(r)
        WITH p, region UNWIND region[1] AS id MATCH (t:Theme {id: id}) CREATE (p)-[:ADDRESSES]->(t)
    """).consume())
    rebuild(graph)
    pairs = [("A", "B", 1.0), ("A", "C", 1.0), ("A", "D", 1.0), ("B", "C", 1.0), ("B", "D", 1.0), ("C", "D", 1.0),
             ("A", "E", 0.75), ("B", "E", 0.75), ("C", "E", 0.75), ("D", "E", 0.75)]
    for limit in (1, 2, 4, 7, 20):
        rows = run_query(graph, "similar-regions", {"limit": str(limit)})
        assert [(r["region_a"], r["region_b"], r["jaccard"]) for r in rows] == pairs[:limit], limit
    rows = run_query(graph, "similar-regions", {"limit": "20", "min_shared": "1"})
    assert [(r["region_a"], r["region_b"], r["shared_themes"]) for r in rows][-1] == ("E", "F", ["t4"])
    assert len(rows) == 11

