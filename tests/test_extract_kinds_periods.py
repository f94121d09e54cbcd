"""Kinds and periods from the sentence's structure (issue 24): counts written after their noun, forecasts
for a later year, runs of years, gaps between rates, list items, a year stated after a change, figures a
report states as of its date, and the region a prediction names for a unit the gazetteer lacks.
Every sentence here is made up in the pattern of real texts."""

from __future__ import annotations

from policykg.ingest.extract import predictions
from tests.extract_util import figures, run

REPORT = "某市数字经济发展情况通报"  # a report's title: not a plan
PLAN = "某市数字经济发展三年行动方案"


def test_enterprises_counted_after_their_noun_are_a_count():
    got = figures("全市规模以上软件企业358家,其中营收亿元以上企业96家。", published="2023-04-01", title=REPORT)
    assert [(v, u, k) for v, u, k, *_ in got] == [(358, "家", "count"), (96, "家", "count")]


def test_units_above_a_threshold_are_counted_and_a_stock_is_not():
    got = figures("全区年产值超百亿元的园区4个。全区互联网数据中心52个。", published="2023-04-01", title=REPORT)
    assert [(v, k) for v, _u, k, *_ in got] == [(4, "count"), (52, "level")]


def test_two_counts_after_their_nouns_stay_two_facts():
    got = figures("到2026年,培育链主企业50家以上、瞪羚企业50家以上。", published="2024-03-01", title=PLAN)
    assert [(v, k, p) for v, _u, k, p, _r in got] == [(50, "target", "2026"), (50, "target", "2026")]


def test_a_forecast_for_a_later_year_is_a_goal_and_for_a_past_year_an_estimate():
    later = figures("预计到2027年,全市算力规模将达到30EFLOPS。", published="2024-05-01", title=REPORT)
    assert [(k, p) for _v, _u, k, p, _r in later] == [("target", "2027")]
    past = run("预计2023年全市数字经济增加值达到2100亿元。", published="2024-02-01", title=REPORT).figures
    assert [(f.kind, f.period, f.estimate) for f in past] == [("level", "2023", True)]


def test_a_run_of_years_ends_at_the_figure_s_year():
    got = figures("2023年,全省电子信息制造业营收增长11%,连续六年位居全国第二。", published="2024-03-01",
                  title=REPORT)
    assert [(u, p) for _v, u, _k, p, _r in got] == [("%", "2023"), ("位", "2018-2023")]


def test_a_gap_to_another_rate_takes_the_kind_of_the_rate_before_it():
    growth = figures("2023年全省软件业务收入增长13.5%,高于全国平均2.1个百分点。", published="2024-03-01",
                     title=REPORT)
    assert [k for _v, _u, k, *_ in growth] == ["growth", "growth"]
    share = figures("2023年全省数字经济占GDP比重为45%,高于全国平均3个百分点。", published="2024-03-01",
                    title=REPORT)
    assert [k for _v, _u, k, *_ in share] == ["share", "share"]


def test_a_year_before_one_list_item_is_not_the_next_item_s():
    text = ("一是壮大产业。2022年全市集成电路产值达到800亿元。二是强化创新,12个项目获省科学技术奖。")
    got = figures(text, published="2023-03-01", title=REPORT)
    assert [(v, p) for v, _u, _k, p, _r in got] == [(800, "2022"), (12, "2023")]


def test_a_change_on_the_year_before_takes_the_year_stated_just_after_it_not_an_older_paragraph_s():
    text = ("2021年全市新增上市公司5家。\n"
            "“全市规上工业增加值比上年增长6.2%。”市统计局负责人表示,2023年全市工业运行稳中向好。")
    got = figures(text, published="2024-01-20", title=REPORT)
    assert [(v, p) for v, _u, _k, p, _r in got] == [(5, "2021"), (6.2, "2023")]


def test_a_report_s_undated_counts_and_ranks_are_as_of_its_date_but_a_plan_s_are_not():
    text = "全市与8家头部企业签约,在全国城市数字化评估中位列12。"
    assert [p for *_, p, _r in figures(text, published="2023-09-01", title=REPORT)] == ["2023", "2023"]
    assert [p for *_, p, _r in figures(text, published="2023-09-01", title=PLAN)] == [None, None]
    many = figures("全省软件产业规模多年位居全国第三。", published="2023-09-01", title=REPORT)
    assert [p for *_, p, _r in many] == [None]  # for many years: no one year


def test_a_figure_in_a_unit_the_gazetteer_lacks_is_predicted_under_the_unit_it_lies_in():
    ex = run("海南自由贸易港重点园区2023年实现营业收入2.1万亿元。", published="2024-02-01", title=REPORT)
    (fig,) = ex.figures
    assert (fig.region.name, predictions.region_name(fig)) == ("海南自由贸易港", "海南省")


def test_a_unit_written_once_after_two_numbers_belongs_to_both():
    got = figures("2023年,全市软件业务收入增长9%,增速分别高于全国、全省2.5和1.2个百分点。", published="2024-02-01",
                  title=REPORT)
    assert [(v, u, k) for v, u, k, *_ in got] == [(9, "%", "growth"), (2.5, "个百分点", "growth"),
                                                   (1.2, "个百分点", "growth")]


def test_an_index_or_a_ratio_has_no_unit_and_an_edition_year_is_none():
    got = figures("2023年,全省数字化转型指数提高到61.3,城乡收入倍差为1.85。", published="2024-02-01", title=REPORT)
    assert [(v, u, k, p) for v, u, k, p, _r in got] == [(61.3, "", "level", "2023"), (1.85, "", "level", "2023")]
    assert figures("全省发布数字经济发展指数2023报告。", published="2024-02-01", title=REPORT) == []


def test_a_paragraph_that_opens_on_its_topic_takes_no_year_from_the_paragraph_before():
    text = "2022年,全省信息通信业营收增长8%。\n产业数字化稳步推进。全省新建120个数字化车间。"
    got = figures(text, published="2023-08-01", title=REPORT)
    assert [(v, p) for v, _u, _k, p, _r in got] == [(8, "2022"), (120, "2023")]  # as of the report's date


def test_a_count_after_a_cumulative_total_is_a_level():
    got = figures("2023年,全省累计建成38座智能工厂,认定12座智能工厂。", published="2024-02-01", title=REPORT)
    assert [(v, k) for v, _u, k, *_ in got] == [(38, "level"), (12, "count")]


def test_enterprises_within_the_province_are_the_province_s_not_a_city_named_before():
    text = "杭州、宁波入选试点城市名单。省内企业新建工业互联网平台15个。"
    (*_, fig) = figures(text, published="2024-02-01", title="浙江省数字经济通报")
    assert fig[0] == 15 and fig[4] == "浙江省"


def test_a_news_text_s_undated_level_is_as_of_its_date_but_not_in_a_text_with_sections_or_goals():
    news = "记者从省工信厅获悉,全省规上工业企业关键工序数控化率达61.5%。"
    assert [p for *_, p, _r in figures(news, published="2023-08-01", title=REPORT)] == ["2023"]
    sections = "一、发展基础\n全省规上工业企业关键工序数控化率达61.5%。"
    assert [p for *_, p, _r in figures(sections, published="2023-08-01", title=REPORT)] == [None]
    goals = news + "到2025年,全省数控化率力争达到70%。"
    assert [p for *_, p, _r in figures(goals, published="2023-08-01", title=REPORT)] == [None, "2025"]


def test_a_headline_s_bare_figure_gives_way_to_the_body_s_dated_statement_of_it():
    text = "620亿元!某省数字经济再上台阶\n2022年,全省数字经济规模达620亿元,同比增长11%。"
    got = figures(text, published="2023-05-01", title=REPORT)
    assert [(v, p) for v, _u, _k, p, _r in got] == [(620, "2022"), (11, "2022")]


def test_a_technology_name_joined_by_a_plus_is_no_figure():
    assert figures("建成“5G+工业互联网”融合应用平台10个。", published="2023-05-01", title=REPORT) == [
        (10, "个", "level", "2023", None)]  # a news text: as of its date


def test_a_news_text_s_undated_flow_of_a_year_is_left_open():
    news = "记者从省工信厅获悉,全省软件业务收入达2300亿元。"  # an early-year text reports last year's flows
    assert [p for *_, p, _r in figures(news, published="2024-02-01", title=REPORT)] == [None]


def test_a_duration_in_months_is_no_count():
    assert figures("2023年,全市工业增速连续5个月回升,新增规上企业42家。", published="2024-01-10", title=REPORT) == [
        (42, "家", "count", "2023", None)]
