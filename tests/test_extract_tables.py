"""Flattened tables: one cell per line or one row per line, values aligned with the header's year columns."""

from tests.extract_util import figures, run

ONE_CELL_PER_LINE = """表2 某市数字经济主要指标
类别 |
指标 |
单位 |
2023年 |
2028年 |
属性 |
规模 |
数字经济核心产业营业收入 |
亿元 |
3120 |
6000 |
预期性 |
|
5G基站数 |
万个 |
2.1 |
/ |
约束性 |
"""

ROW_PER_LINE = """| 序号 | 指标 | 单位 | 2022年(基期) | 2025年目标 |
| --- | --- | --- | --- | --- |
| 1 | 数字经济核心产业增加值占GDP比重 | % | 8.5 | ≥12 |
| 2 | 工业互联网平台 | 个 | 30 | 60 |
"""


def test_one_cell_per_line_with_an_attribute_column():
    found = figures(ONE_CELL_PER_LINE, published="2024-03-01", title="江苏省某市数字经济规划")
    assert [(v, u, k, p) for v, u, k, p, _r in found] == [
        (3120, "亿元", "level", "2023"), (6000, "亿元", "target", "2028"), (2.1, "万个", "level", "2023")]


def test_one_row_per_line_with_a_comparator_in_the_cell():
    ex = run(ROW_PER_LINE, published="2023-01-10", title="浙江省数字经济发展规划")
    assert [(float(f.value), f.unit, f.kind, f.period, f.comparator) for f in ex.figures] == [
        (8.5, "%", "share", "2022", "="), (12, "%", "target", "2025", "≥"),
        (30, "个", "level", "2022", "="), (60, "个", "target", "2025", "=")]
    assert ex.source.quote(*ex.figures[1].quote_span) == "数字经济核心产业增加值占GDP比重 | % | 8.5 | ≥12"


def test_without_a_date_the_last_year_column_holds_the_targets():
    assert [f[2] for f in figures(ROW_PER_LINE, published=None, title="浙江省数字经济发展规划")] == [
        "share", "target", "level", "target"]


def test_odd_headers_end():
    odd = "2022年 |\n单位 |\n2025年 |\n指标 |\n产值 |\n亿元 |\n5 |\n6 |\n"
    assert isinstance(figures(odd), list)  # terminates whatever the column order
