"""Answers an analyst can read at 80 columns: figures as one cell, sources cited, analyses as tables.

The renderings are asserted line by line on the demo corpus with COLUMNS=80,
the width of the terminal a new user tries first.
"""

from __future__ import annotations

import json

from rich.cells import cell_len

from policykg.queries.cells import AMOUNTS, CITATIONS, add_cells, amount, citation, number, short_title
from tests.cli import run_cli

NARROW = {"COLUMNS": "80"}


def _lines(result) -> list[str]:
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 80 for line in lines), [line for line in lines if cell_len(line) > 80]
    return lines


def _body(lines: list[str]) -> list[str]:
    return lines[next(i for i, line in enumerate(lines) if line.startswith("───")) + 1:]


def _row(lines: list[str], start: str) -> list[str]:
    return next(line for line in lines if line.startswith(start)).split()


def _header(lines: list[str]) -> list[str]:
    return next(lines[i - 1].split() for i, line in enumerate(lines) if line.startswith("───"))


def test_figures_read_as_people_write_them():
    assert [number(v) for v in (1000.0, 8446.6, 2025, 1.0e7, None)] == ["1000", "8446.6", "2025", "10000000", ""]
    goal = AMOUNTS[1]
    assert amount({"comparator": "≥", "target_value": 1000.0, "target_unit": "家"}, goal) == "≥ 1000 家"
    assert amount({"comparator": "≥", "target_value": None, "target_text": "达到全国平均水平: the national average"},
                  goal) == "达到全国平均水平"
    assert amount({"target_value": None}, goal) == "—"
    assert amount({"latest_value": 8446.6, "latest_unit": "亿元", "latest_year": 2022}, AMOUNTS[2]) == "8446.6 亿元 (2022)"


def test_a_source_is_cited_by_a_short_title_and_its_locator():
    assert short_title("国务院印发《“十四五”数字经济发展规划》") == "十四五数字经济发展规划"
    assert short_title("湖北数字经济强省三年行动计划(2022-2024年)") == "湖北数字经…年行动计划"
    assert short_title("浙江十四五规划") == "浙江十四五规划"
    assert citation({"source_title": "关于印发《数字强省建设2025年工作要点》的通知", "locator": "¶4"},
                    CITATIONS[0]) == "数字强省建…年工作要点 ¶4"
    assert citation({"source_title": None, "locator": None}, CITATIONS[0]) == "—"
    rows = [{"source_title": "浙江十四五规划", "locator": "¶4", "value": 12.0, "comparator": ">", "unit": "%"}]
    add_cells(rows)
    assert (rows[0]["cited"], rows[0]["amount"]) == ("浙江十四五规划 ¶4", "> 12 %")


def test_flagship_question_cites_document_and_paragraph(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    lines = _lines(run_cli("query", "run", "regions-targeting-theme", "-p", "theme=数据跨境流动", env=env))
    assert _header(lines) == ["region_zh", "label", "status", "name_zh", "cited"]
    assert any(line.startswith("上海市      Project                 国际数据港") and line.endswith("上海市全面…十四五规划 ¶11")
               for line in lines)


def test_targets_show_the_figure_they_are_set_against(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    lines = _lines(run_cli("query", "run", "targets-vs-latest-figure", env=env))
    assert _header(lines) == ["region_zh", "target_zh", "goal", "deadline", "latest", "status"]
    # Tianjin's goal of a share 全国领先 comes first (deadline 2023, no number); the six columns fit 80 by
    # wrapping the prose columns narrower
    assert _body(lines)[0].split() == ["天津市", "数字经济占GD", "全国领先", "2023", "—", "no", "figure"]
    china = next(line for line in lines if line.startswith("中国"))
    assert china.split()[2:] == ["≥", "10", "%", "2025", "9.9", "%", "(2023)", "99%", "of"]
    rows = json.loads(run_cli("query", "run", "targets-vs-latest-figure", "-f", "json", env=env).stdout)
    # reached: Jiangsu's core share (10.3% against over 10%) and Zhejiang's 2020 value added (30218 against
    # 30000亿元); the per cents are Zhejiang's and Jiangsu's figures that came after the plan that set the goal
    assert {r["status"] for r in rows} == {"no figure yet", "figure older than target", "reached", "99% of target",
                                           "99.6% of target", "85.1% of target", "75.5% of target", "65.1% of target"}
    assert sorted(r["target"] for r in rows if r["status"] == "reached") == [
        "draft-2021-jiangsu-shiwuwu-xinxihua-guihua-mubiao-t002", "zj-2020-de-va"]
    chongqing = next(r for r in rows if r["region_zh"] == "重庆市" and r["latest_value"] == 7356.0)
    assert (chongqing["goal"], chongqing["latest"], chongqing["status"]) == (
        "10000 亿元", "7356 亿元 (2022)", "figure older than target")
    csv_header = run_cli("query", "run", "targets-vs-latest-figure", "-f", "csv", env=env).stdout.splitlines()[0]
    assert "region,region_zh,region_en" in csv_header


def test_a_phrase_value_and_the_comparator_are_shown(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    lines = _lines(run_cli("query", "run", "regions-compared-on-indicator",
                           "-p", "indicator=cn-core-digital-industries-va-share-gdp", env=env))
    assert _header(lines) == ["region_zh", "figure", "year", "amount", "cited"]
    assert _row(lines, "安徽省")[:4] == ["安徽省", "target", "2026", "达到全国平均水平"]
    assert _row(lines, "湖北省")[:6] == ["湖北省", "target", "2025", ">", "12", "%"]


def test_analyze_matrix_is_one_line_per_region_and_says_what_it_counts(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    lines = _lines(run_cli("analyze", "matrix", env=env))
    assert lines[0] == "Region × theme: facts per cell (a region with the regions within it)"
    assert _header(lines) == ["region_zh", "themes", "most"]
    # Hebei with Shijiazhuang and Xiong'an: seven facts on the digital economy (its three policies on it,
    # Shijiazhuang's plan and the expo held there, Xiong'an and its pilot zone)
    hebei = next(line for line in lines if line.startswith("河北省"))
    assert hebei.split()[1:3] == ["9", "数字经济"] and hebei.split()[3].startswith("7")
    own = _lines(run_cli("analyze", "matrix", "--own", env=env))
    assert own[0] == "Region × theme: facts per cell (each region's own facts)"
    assert next(line for line in own if line.startswith("河北省")).split()[1:4] == ["7", "数字经济", "3、数字基础设施"]
    # one row per region with a theme (31 provinces, 7 cities, 5 zones, China, 3 other economies), not records
    assert len([line for line in _body(lines) if not line.startswith(" ")]) == 31 + 7 + 5 + 1 + 3
    # the canned matrix counts the same way: 河北 数字经济 7 in both
    canned = json.loads(run_cli("query", "run", "region-theme-matrix", "-f", "json", env=env).stdout)
    assert next(r["facts"] for r in canned if r["region_zh"] == "河北省" and r["theme"] == "digital-economy") == 7


def test_analyze_similarity_fits_and_ignores_the_root_theme(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    lines = _lines(run_cli("analyze", "similarity", env=env))
    assert _header(lines) == ["region_a_zh", "region_b_zh", "similarity", "overlap", "shared_zh"]
    # two small portfolios on both sides of digitalisation (digital industries, industrial digitalisation)
    assert _body(lines)[0].split()[:4] == ["昆明市", "中卫市", "0.545", "2"]
    rows = json.loads(run_cli("analyze", "similarity", "-f", "json", env=env).stdout)
    assert not any("digital-economy" in r["shared_themes"] for r in rows)
    assert ("福建省", "雄安新区") not in [(r["region_a_zh"], r["region_b_zh"]) for r in rows[:10]]


def test_every_analysis_is_a_table_at_80_columns(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    for name in ("centrality", "communities", "diffusion", "targets"):
        result = run_cli("analyze", name, env=env)
        lines = _lines(result)
        assert "shown as records" not in result.stderr, name
        assert len(_header(lines)) >= 4, name
    wide = run_cli("analyze", "centrality", "--wide", "-f", "csv", env=env)
    assert wide.stdout.splitlines()[0] == "theme,theme_zh,theme_en,regions,facts,degree_centrality,pagerank"
