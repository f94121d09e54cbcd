"""Answers that read well in an 80-column terminal (issue 12's done-when), against the demo corpus."""

from __future__ import annotations

import json

from rich.cells import cell_len

from tests.cli import run_cli

NARROW = {"COLUMNS": "80"}


def _header(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith("────")) - 1].split()


def _table_rows(stdout: str) -> list[list[str]]:
    """The table's rows, each as its lines: a row starts with text in column 0 after the header rule."""
    lines = stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("────"))
    rows: list[list[str]] = []
    for line in lines[rule + 1:]:
        if line[:1].strip():
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def test_regions_targeting_theme_example_fits_80_columns(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    answer = json.loads(run_cli("query", "run", "regions-targeting-theme", "--example", "-f", "json", env=env).stdout)
    result = run_cli("query", "run", "regions-targeting-theme", "--example", env=env)
    assert result.exit_code == 0, result.output
    assert all(cell_len(line) <= 80 for line in result.stdout.splitlines())
    table, footer = result.stdout.rstrip("\n").rsplit("\n", 1)  # the answer's last line: which policies it counts
    assert footer == "Counting current policies (not superseded); --param status=any for all."
    rows = _table_rows(table)
    assert len(rows) == len(answer) == 6
    assert _header(result.stdout) == ["region_zh", "label", "status", "name_zh", "cited"]
    for shown, row in zip(rows, answer):
        assert len(shown) <= 3
        # codes, labels and the citation (short title and locator) are whole on the row's first line
        assert shown[0].split()[:2] == [row["region_zh"], row["label"]]
        assert shown[0].rstrip().endswith(row["cited"])
    assert [row["cited"] for row in answer][2] == "上海市全面…十四五规划 ¶11"
    assert "(9 more columns: --wide or -f records shows them, --columns chooses)" in result.stderr


def test_columns_option_chooses_and_orders_columns(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    result = run_cli("query", "run", "regions-targeting-theme", "--example", "--columns", "key,region", env=env)
    assert result.exit_code == 0, result.output
    assert _header(result.stdout) == ["key", "region"]
    assert _table_rows(result.stdout)[0][0].split() == ["bj-benchmark-city-plan", "110000"]
    bad = run_cli("query", "run", "regions-targeting-theme", "--example", "--columns", "nope", env=env)
    assert bad.exit_code == 1
    assert bad.output.startswith("Error: no column 'nope'; the columns are region, region_zh, ")


def test_records_view_shows_every_field_uncut(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    result = run_cli("query", "run", "region-figures", "--example", "-f", "records", env=env)
    assert result.exit_code == 0, result.output
    fields = [line.split(None, 1) for line in result.stdout.splitlines()]
    assert ["value", "8446.6"] in fields
    assert ["source", "seed-2021-11-09-digital-economy-local-paths"] in fields
    assert ["source_title", "学习在行动|新时期数字经济赋能地方发展的新经验与新路径"] in fields


def test_region_theme_matrix_is_pivoted_in_the_terminal_and_wide_in_csv(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    table = run_cli("query", "run", "region-theme-matrix", env=env)
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    provinces = ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建",
                 "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
                 "陕西", "甘肃", "青海", "宁夏", "新疆"]
    # the 31 provinces do not fit 80 columns: four blocks of columns, each repeating the theme column
    headers = [lines[i - 1].split() for i, line in enumerate(lines) if line.startswith("────")]
    assert len(headers) == 4 and all(h[0] == "theme_zh" for h in headers)
    assert [len(h) - 1 for h in headers] == [7, 8, 8, 8]
    assert [name for h in headers for name in h[1:]] == provinces
    crossing = [" ".join(line.split()) for line in lines if line.startswith("数据跨境流动")]
    assert crossing == ["数据跨境流动 2 · · · · · ·", "数据跨境流动 · 1 · · · · · ·", "数据跨境流动 · · · · · · · ·",
                        "数据跨境流动 2 · · · · · · ·"]
    assert all(cell_len(line) <= 80 for line in lines)
    assert "shown as records" not in table.stderr
    wide = run_cli("query", "run", "region-theme-matrix", "-f", "csv", env=env).stdout.splitlines()
    assert wide[0] == "theme_zh," + ",".join(provinces)
    # Beijing's plan and target, Shanghai's data port, Guizhou's measure and backbone channel (seed ¶4, ¶11, ¶8)
    assert "数据跨境流动,2,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,0,0,0" in wide


def test_limit_cuts_rows_and_says_so(demo_graph, neo4j_under_test):
    env = {**neo4j_under_test.env, **NARROW}
    result = run_cli("query", "run", "region-figures", "-p", "region=中国", "--limit", "2", "-f", "json", env=env)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    assert "(first 2 rows; --limit N shows more, --limit 0 all)" in result.stderr
    whole = run_cli("query", "run", "region-figures", "-p", "region=中国", "--limit", "0", "-f", "json", env=env)
    assert len(json.loads(whole.stdout)) > 2
    assert "first" not in whole.stderr


def test_no_rows_is_an_answer_not_an_error(demo_graph, neo4j_under_test):
    result = run_cli("query", "run", "targets-due-by", "-p", "year=2000", env=neo4j_under_test.env)
    assert result.exit_code == 0
    assert result.stdout == ""
    # the line saying which policies were counted goes to stderr too when nothing is found
    assert result.stderr.strip().splitlines() == ["No rows.",
                                                  "Counting current policies (not superseded); --param status=any for all."]
    as_json = run_cli("query", "run", "targets-due-by", "-p", "year=2000", "-f", "json", env=neo4j_under_test.env)
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []


def test_every_example_fits_80_columns_as_a_table(demo_graph, neo4j_under_test):
    from policykg.queries.loader import load_all

    env = {**neo4j_under_test.env, **NARROW}
    for query in load_all():
        result = run_cli("query", "run", query.name, "--example", env=env)
        assert result.exit_code == 0, (query.name, result.output)
        assert "shown as records" not in result.stderr, query.name
        assert all(cell_len(line) <= 80 for line in result.stdout.splitlines()), query.name
        assert all(len(row) <= 3 for row in _table_rows(result.stdout)), query.name
