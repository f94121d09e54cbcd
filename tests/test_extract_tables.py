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


MAIN_INDICATORS = [
    ["类别", "指标", "单位", "2020年", "2025年", "属性"],
    ["数字化", "数字经济核心产业增加值占地区生产总值比重", "%", "7.8", "10", "预期性"],
    ["基础", "千兆宽带用户数", "万户", "640", "6000", "预期性"],
    ["治理", "政务服务事项网上可办率", "%", "80", "95", "约束性"],
]
PLAN_LINES = ["某省“十四五”数字经济发展规划", "到2025年,全省数字经济迈向全面扩展期,数字技术与实体经济融合"
              "取得显著成效,数据要素市场体系初步建立,数字化公共服务更加普惠均等。", "表1 主要指标"]


def _table_figures(ex):
    return [(float(f.value), f.unit, f.kind, f.period, f.binding, f.baseline_year,
             float(f.baseline_value) if f.baseline_value is not None else None) for f in ex.figures]


PLAN_EXPECTED = [
    (7.8, "%", "share", "2020", None, None, None), (10.0, "%", "target", "2025", False, 2020, 7.8),
    (640.0, "万户", "level", "2020", None, None, None), (6000.0, "万户", "target", "2025", False, 2020, 640.0),
    (80.0, "%", "share", "2020", None, None, None), (95.0, "%", "target", "2025", True, 2020, 80.0),
]


def test_a_plans_main_indicators_give_one_target_per_cell_with_baseline_and_binding():
    rows = "\n".join("| " + " | ".join(row) + " |" for row in MAIN_INDICATORS)
    ex = run("\n".join(PLAN_LINES) + "\n" + rows, published="2021-12-30")
    assert _table_figures(ex) == PLAN_EXPECTED


def test_the_table_reads_the_same_from_a_web_page_a_word_file_and_a_ruled_pdf(tmp_path):
    from policykg.ingest.extract import readers
    from tests.document_fixtures import to_docx, to_html, to_pdf

    made = {"plan.html": to_html(PLAN_LINES, table=MAIN_INDICATORS), "plan.docx": to_docx(PLAN_LINES, MAIN_INDICATORS),
            "plan.pdf": to_pdf(PLAN_LINES, table=MAIN_INDICATORS)}
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
        source = readers.read(tmp_path / name)
        assert "| 治理 | 政务服务事项网上可办率 | % | 80 | 95 | 约束性 |" in source.text.split("\n"), name
        assert _table_figures(run(source.text, published="2021-12-30")) == PLAN_EXPECTED, name


def test_a_word_files_indicator_table_reaches_the_draft_with_binding_and_baseline(tmp_path):
    import yaml

    from tests.cli import run_cli
    from tests.document_fixtures import to_docx

    path = tmp_path / "plan.docx"
    path.write_bytes(to_docx(PLAN_LINES, MAIN_INDICATORS))
    result = run_cli("extract", str(path), "--out", str(tmp_path / "out"), "--published", "2021-12-30")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((tmp_path / "out" / "plan.yaml").read_text(encoding="utf-8"))
    assert [(t["value"], t["deadline"], t["binding"], t["baseline_year"], t["baseline_value"])
            for t in record["targets"]] == [(10.0, 2025, False, 2020, 7.8), (6000.0, 2025, False, 2020, 640.0),
                                            (95.0, 2025, True, 2020, 80.0)]
    assert run_cli("validate", str(tmp_path / "out" / "plan.yaml")).exit_code == 0


def test_header_variants_of_a_main_indicators_table():
    table = """某省“十四五”数字经济发展规划
| 序号 | 指标名称 | 单位 | 2020年(基期值) | 2025年(目标值) | 指标属性 |
| 1 | 固定宽带平均可用下载速率 | Mbps | 50 | 100 | 约束性 |
| 2 | 在线政务服务实名用户规模 | 亿 | 4 | 8 | 预期性 |
"""
    assert _table_figures(run(table, published="2021-12-12")) == [
        (50.0, "Mbps", "level", "2020", None, None, None), (100.0, "Mbps", "target", "2025", True, 2020, 50.0),
        (4.0, "亿", "level", "2020", None, None, None), (8.0, "亿", "target", "2025", False, 2020, 4.0)]


# A table copied from a web page one cell per line, without "|", the unit in brackets at the end of each
# indicator cell and no unit column (the layout the stored page excerpts give, e.g. data/sources' 2018
# Zhejiang plan); made-up figures.
PLAIN_CELLS = """某县数字经济发展规划(2021—2025年)
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

规模以上工业企业上云率(% )

35

≥60

约束性

二、重点任务
到2025年,全县电子商务交易额达到80亿元。
"""


def test_a_plain_one_cell_per_line_table_with_units_in_the_names_gives_binding_and_baselines():
    ex = run(PLAIN_CELLS, published="2021-09-15")
    assert _table_figures(ex) == [
        (1.2, "万个", "level", "2020", None, None, None), (4.0, "万个", "target", "2025", False, 2020, 1.2),
        (35.0, "%", "share", "2020", None, None, None), (60.0, "%", "target", "2025", True, 2020, 35.0),
        (80.0, "亿元", "target", "2025", None, None, None)]
    assert [f.indicator for f in ex.figures[:4]] == ["千兆光纤端口"] * 2 + ["规模以上工业企业上云率"] * 2
    assert ex.figures[3].comparator == "≥"


def test_short_lines_without_a_year_header_are_not_a_table():
    text = "某市工作要点\n指标\n单位\n属性\n数字经济核心产业增加值(亿元)\n300\n全市数字经济增加值增长10%。\n"
    assert [(v, u, k) for v, u, k, _p, _r in figures(text, published="2023-02-01")] == [(10.0, "%", "growth")]  # 300 is no table cell


def test_a_row_per_line_table_without_a_unit_column_takes_the_unit_from_the_name():
    table = """某市数字政府建设规划
| 指标 | 2020年 | 2025年 | 指标属性 |
| 政务服务事项全程网办率(%) | 62 | 90 | 约束性 |
| 公共数据开放数据集(个) | 800 | 3000 | 预期性 |
"""
    assert _table_figures(run(table, published="2021-11-20")) == [
        (62.0, "%", "share", "2020", None, None, None), (90.0, "%", "target", "2025", True, 2020, 62.0),
        (800.0, "个", "level", "2020", None, None, None), (3000.0, "个", "target", "2025", False, 2020, 800.0)]
