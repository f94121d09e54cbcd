"""A plan's 属性 column reaches the graph: extract a text whose indicator table is copied one cell per line,
review the draft with the review API, publish it into a real Neo4j, and read the Target nodes back.

The text is made up for this test (a county plan, its figures invented); the layout is the one the stored
page excerpts give (no "|", the unit in the indicator cell's brackets).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from policykg.graph.connection import read_rows
from policykg.ingest.extract.run import extract_files
from policykg.ingest.review import session
from policykg.ingest.review.publish import publish

TEXT = """\
---
title: 某县数字经济发展"十四五"规划
published: 2021-09-15
---
浙江省某县数字经济发展"十四五"规划
表1 主要指标
类别
指标
2020年
2025年
属性
基础设施
千兆光纤端口(万个)
1.2
4
预期性
产业
规模以上工业企业上云率(%)
35
≥60
约束性
"""

TARGETS = """
    MATCH (t:Target)-[:SOURCED_FROM]->(:SourceDocument {id: 'county-plan'})
    RETURN t.value AS value, t.unit AS unit, t.deadline AS deadline, t.binding AS binding,
           t.baseline_year AS baseline_year, t.baseline_value AS baseline_value
    ORDER BY value"""


def test_the_binding_marks_of_an_extracted_table_are_on_the_target_nodes(graph, tmp_path: Path):
    source = tmp_path / "county-plan.txt"
    source.write_text(TEXT, encoding="utf-8")
    (written,) = extract_files([source], tmp_path / "drafts")
    for name, _facts in session.open_review(written.draft, with_source=False).sections():
        session.accept_rest(written.draft, name, "binding test")
    done = publish(session.open_review(written.draft), tmp_path / "documents", "binding test",
                   dt.date(2024, 6, 1), graph=graph)
    assert done.report is not None and len(done.report.new) == 1
    assert read_rows(graph, TARGETS) == [
        {"value": 4.0, "unit": "万个", "deadline": 2025, "binding": False, "baseline_year": 2020, "baseline_value": 1.2},
        {"value": 60.0, "unit": "%", "deadline": 2025, "binding": True, "baseline_year": 2020, "baseline_value": 35.0},
    ]
