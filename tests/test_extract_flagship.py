"""The card's flagship question answered from a draft accepted as it is: a text about a province's
cross-border data rules drafts a measure, and once the reviewer removes `draft: true`,
regions-targeting-theme lists it. Own test text, real Neo4j."""

from __future__ import annotations

import json

from tests.cli import run_cli

TEXT = """浙江省推进数据跨境流动工作方案
发布时间:2025-03-12
为贯彻落实《“十四五”数字经济发展规划》,全省将加快建设国际数据专用通道,支持杭州开展数据出境安全评估便利化试点。
到2027年,全省数字贸易进出口额达到8000亿元。
"""


def test_a_measure_drafted_from_text_answers_the_flagship_question(graph, neo4j_under_test, tmp_path):
    source = tmp_path / "zhejiang-data-rules.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "drafts"
    drafted = run_cli("extract", str(source), "--out", str(out))
    assert drafted.exit_code == 0, drafted.output
    record = out / "zhejiang-data-rules.yaml"
    accepted = record.read_text(encoding="utf-8").replace("  draft: true\n", "")
    record.write_text(accepted, encoding="utf-8")
    ingested = run_cli("ingest", str(record), env=neo4j_under_test.env)
    assert ingested.exit_code == 0, ingested.output
    answer = run_cli("query", "run", "regions-targeting-theme", "-p", "theme=数据跨境流动", "-p", "region=浙江",
                     "--format", "json", env=neo4j_under_test.env)
    assert answer.exit_code == 0, answer.output
    rows = json.loads(answer.output)
    measures = [r for r in rows if r.get("label") == "Measure"]
    assert measures and {r["region_zh"] for r in measures} <= {"浙江省", "杭州市"}, rows
