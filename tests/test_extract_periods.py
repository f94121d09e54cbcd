"""Periods: the year in the clause, else earlier in the paragraph, relative years against the document date."""

import pytest

from tests.extract_util import figures

T = "浙江省数字经济发展报告"


@pytest.mark.parametrize("text, published, period", [
    ("2022年,全省数字经济核心产业增加值达到8977亿元。", "2023-05-01", "2022"),
    ("截至2023年底,全省累计建成5G基站20.1万个。", "2024-02-01", "2023"),
    ("2021年前三季度,全省数字经济核心产业增加值为5800亿元。", "2021-11-01", "2021-Q1..Q3"),
    ("截至去年底,全省累计建成5G基站17.3万个。", "2024-02-01", "2023"),
    ("目前,全省共有国家级专精特新企业1000余家。", "2024-02-01", "2024"),
    ("全省软件业务收入8000亿元。", "2024-02-01", None),
])
def test_period(text, published, period):
    (fig,) = figures(text, published=published, title=T)
    assert fig[3] == period


def test_year_carries_within_a_paragraph_and_stops_at_a_heading():
    text = ("2023年,全省数字经济增加值达到4.3万亿元。全省软件业务收入9500亿元。\n"
            "二、主要任务\n"
            "全省建成省级数字化车间300个。")
    assert [f[3] for f in figures(text, published="2024-03-01", title=T)] == ["2023", "2023", None]


def test_from_to_figures_take_their_own_years():
    text = "全省云计算企业营收从2018年的320亿元增长至2023年的980亿元,年均增速为25.1%。"
    assert [(f[0], f[3]) for f in figures(text, published="2024-03-01", title=T)] == [
        (320, "2018"), (980, "2023"), (25.1, "2018-2023")]


def test_event_dates_set_no_period():
    text = "2023年6月,全省新增专精特新企业120家。"
    assert figures(text, published="2024-03-01", title=T)[0][3] is None


def test_comparison_base_year_is_no_period():
    text = "到2026年,全省数字经济核心产业增加值占比比2022年提高4个百分点。"
    assert figures(text, published="2023-09-01", title=T)[0][2:4] == ("target", "2026")


def test_part_of_the_documents_year():
    text = "前三季度,全省数字经济核心产业增加值增长9.8%;1-8月,全省软件业务收入达到6200亿元。"
    assert [f[3] for f in figures(text, published="2024-10-20", title=T)] == ["2024-Q1..Q3", "2024-M01..M08"]
    assert [f[3] for f in figures(text, published=None, title=T)] == [None, None]  # no date: no guess


def test_years_ahead_of_the_document_are_a_deadline():
    text = "力争经过5年努力,全省数字经济增加值增长55%以上、达到5.5万亿元。"
    assert [(f[0], f[2], f[3]) for f in figures(text, published="2022-09-01", title=T)] == [
        (55, "target", "2027"), (5.5, "target", "2027")]


def test_the_next_three_years_count_this_one():
    assert figures("未来三年,全省将培育10个数字产业集群。", published="2025-06-01", title=T)[0][2:4] == ("target", "2027")


def _extract(text: str, name: str = "doc.txt", **meta: str):
    from policykg.ingest.extract.pipeline import extract

    return extract(text, name, meta, today=__import__("datetime").date(2026, 12, 1))


def test_a_dateline_takes_its_year_from_the_file_name():
    ex = _extract("新华网南京5月8日电 全省累计建成数据中心机架12万架。", "2023-jiangsu-news.txt")
    assert (ex.published.isoformat(), ex.published_how) == ("2023-05-08", "dateline")
    assert [(f.period, f.kind) for f in ex.figures] == [("2023", "level")]


def test_no_date_anywhere_is_said_not_hidden():
    ex = _extract("全省已建成数据中心机架12万架。", "notice.txt")
    assert ex.published_how == "none"
    assert [f.period for f in ex.figures] == [None]  # no year to give it


def test_a_report_after_a_goal_sentence_is_no_goal():
    ex = _extract("到2027年,全市算力规模力争达到50EFLOPS。据了解,全市现有算力企业85家。", title="某市算力方案",
                  published="2024-03-01")
    assert [(f.kind, f.period) for f in ex.figures] == [("target", "2027"), ("count", "2024")]


def test_a_rank_takes_the_year_of_the_figure_it_ranks():
    ex = _extract("2022年全省软件业务收入5200亿元,位居全国第三。", title="某省软件产业报告", published="2023-03-01")
    assert [(f.unit, f.period) for f in ex.figures] == [("亿元", "2022"), ("位", "2022")]


def test_a_relative_date_in_an_undated_text_leaves_the_period_open_and_not_an_earlier_year():
    text = "2021年,全区软件业务收入达到300亿元。今年上半年,全区软件业务收入增长12%。"
    ex = _extract(text, "notice.txt", title="某区软件产业通报")
    assert ex.published is None
    assert [(f.value, f.period, bool(f.notes)) for f in ex.figures] == [(300, "2021", False), (12, None, True)]


def test_next_year_in_an_undated_text_is_a_goal_without_a_year():
    ex = _extract("明年,全区力争新增高新技术企业80家。", "notice.txt", title="某区科技工作要点")
    assert [(f.kind, f.period, f.year) for f in ex.figures] == [("target", None, None)]


def test_an_undated_draft_leaves_published_empty_and_says_so_never_today():
    from policykg.ingest.extract import draft

    text = "某区数字经济工作要点\n2022年,全区数字经济增加值达到900亿元。今年,全区新建5G基站1200个。"
    record, notes = draft.build(_extract(text, "notice.txt"))
    assert "published" not in record["document"] and "published" in record["document"]["guessed"]
    assert notes[0].startswith("published: the text gives no date and no year: left empty; supply the publication date")
    assert [(o["value"], o["period"]) for o in record["observations"]] == [(900.0, "2022")]
    assert any(n.startswith("¶2 “") and "新建5G基站1200个" in n and "not drafted" in n for n in notes)
    assert "2026-12-01" not in draft.to_yaml(record, notes, "notice.txt", today=__import__("datetime").date(2026, 12, 1)
                                             ).split("\n", 1)[1]
