"""Figures: numbers with units, kinds and comparators; what is not a figure. Own test sentences."""

import pytest

from tests.extract_util import figures, run, values

JS = "江苏省数字经济发展情况"  # a title naming the document's province


@pytest.mark.parametrize("text, expected", [
    ("全省软件业务收入达到8446.6亿元。", [(8446.6, "亿元")]),
    ("全省数字经济规模突破1.2万亿元。", [(1.2, "万亿元")]),
    ("全省数字经济规模有望达到两万亿元。", [(2, "万亿元")]),
    ("全省规上企业上云率约为百分之六十。", [(60, "%")]),
    ("全省电子信息产业营收增长30.5%。", [(30.5, "%")]),
    ("全省研发投入强度比上年提高3个百分点。", [(3, "个百分点")]),
    ("全省已建成省级工业互联网平台66个。", [(66, "个")]),
    ("全省工业机器人产量达到4.8万台。", [(4.8, "万台")]),
    ("全省数据中心存储容量超过800EB,出省带宽达到45Tbps。", [(800, "EB"), (45, "Tbps")]),
    ("全省智能算力规模达到12EFLOPS。", [(12, "EFLOPS")]),
    ("全省集成电路产量增长1.5倍。", [(1.5, "倍")]),
    ("全省网上零售额为12,345.6亿元。", [(12345.6, "亿元")]),
    ("全省共有各类数据交易机构20余家。", [(20, "家")]),
])
def test_number_and_unit_as_written(text, expected):
    assert values(text, title=JS) == expected


@pytest.mark.parametrize("text, kind", [
    ("2023年,全省数字经济增加值达到5100亿元。", "level"),
    ("2023年,全省数字经济增加值同比增长9.6%。", "growth"),
    ("2023年,全省数字经济增加值比上年增长9.6%。", "growth"),
    ("2023年,全省数字经济增加值占地区生产总值的比重为45.1%。", "share"),
    ("2023年,全省宽带普及率达到98.2%。", "share"),
    ("2023年,全省数字经济占比较上年提高1.4个百分点。", "growth"),
    ("2023年,全省出口额比上年下降2.1%。", "growth"),
    ("2023年,全省软件业务收入同比增13.4%。", "growth"),
    ("2023年,全省居民消费价格比上年上涨0.3%。", "growth"),
    ("2023年,全省软件业务收入位居全国第三。", "rank"),
    ("2023年,全省新增上市企业12家。", "count"),
    ("2023年,全省认定15个省级数字化转型促进中心。", "count"),
])
def test_kind(text, kind):
    (fig,) = figures(text, title=JS)
    assert fig[2] == kind


@pytest.mark.parametrize("text", ["2023年,全省出口额下降2.1%。", "2023年,全省出口额同比降2.1%。"])
def test_fall_keeps_its_written_number(text):
    (fig,) = run(text, title=JS).figures
    assert float(fig.value) == 2.1 and fig.fall


@pytest.mark.parametrize("text, comparator", [
    ("全省数据中心机架超过50万架。", ">"), ("全省数据中心机架达到50万架。", "="), ("全省数据中心机架约50万架。", "≈"),
    ("全省数据中心机架近50万架。", "≈"), ("全省数据中心机架50万架以上。", "≥"), ("全省数据中心机架50余万架。", ">"),
])
def test_comparator(text, comparator):
    (fig,) = run(text, title=JS).figures
    assert fig.comparator == comparator


@pytest.mark.parametrize("text, rank", [
    ("全省数字经济规模位居全国第二。", 2), ("全省算力规模居全国第四位。", 4), ("全省工业互联网指数排名全国第一。", 1),
])
def test_ranks(text, rank):
    # a report's rank with no year beside it stands as of the report's date (2024-06-01)
    assert figures(text, title=JS) == [(rank, "位", "rank", "2024", "江苏省")]


def test_count_of_a_plans_actions():
    assert values("三、实施八大专项行动", title=JS) == [(8, "个")]


@pytest.mark.parametrize("text", [
    "加快5G网络和千兆光网建设,推广4K超高清视频。",  # technology names
    "苏政办发〔2024〕12号",  # document number
    "2024年3月15日,省政府召开第五次全体会议。",  # date and ordinal
    "深入学习贯彻党的二十大精神,共建“一带一路”。",  # congress number, initiative name
    "建设全国统一大市场,进一步扩大开放,培育一批龙头企业。",  # numerals inside words
    "一、总体要求 (一)基本原则 1.坚持创新 表2 主要指标",  # section and table numbers
    "依据《国家数字经济发展规划(2021-2025年)》,编制“十四五”规划。",  # numerals in titles, plan names
    "全省数字经济发展水平位居全国第一方阵。",  # a tier, not a rank
    "数字经济成为第一动力,打造万亿级产业集群。",  # slogans and size classes
])
def test_not_figures(text):
    assert figures(text, title=JS) == []


def test_several_values_in_one_clause():
    text = "2023年,全省手机、平板电脑、服务器产量同比分别增长2.4倍、18.6%和9.1%。"
    assert [(v, u, k) for v, u, k, *_ in figures(text, title=JS)] == [
        (2.4, "倍", "growth"), (18.6, "%", "growth"), (9.1, "%", "growth")]


def test_repeat_of_one_fact_is_one_figure():
    text = "全省工业互联网标识解析二级节点达到26个\n2023年,全省工业互联网标识解析二级节点达到26个,居全国前列。"
    (fig,) = run(text, title=JS).figures
    assert fig.period == "2023" and fig.paragraph == 2


def test_quote_is_the_figure_phrase_not_the_sentence():
    ex = run("据统计,2023年全省互联网数据中心标准机架达到42.5万架,比上年增加6.1万架。", title=JS)
    assert [ex.source.quote(*f.quote_span) for f in ex.figures] == ["互联网数据中心标准机架达到42.5万架", "比上年增加6.1万架"]


def test_unit_written_once_for_two_values():
    text = "2023年,全省软件业和金融业分别拉动经济增长0.8个和0.5个百分点。"
    assert values(text, title=JS) == [(0.8, "个百分点"), (0.5, "个百分点")]


def test_times_as_a_ratio_is_a_level_not_a_growth():
    (fig,) = figures("全省数字经济规模是2015年的2.3倍。", title=JS)
    assert fig[:3] == (2.3, "倍", "level")


def test_indicator_from_the_previous_clause():
    ex = run("到2027年,全省算力总规模实现倍增,达到25EFLOPS,力争达到30EFLOPS。", published="2024-05-01", title=JS)
    assert [(f.indicator, ex.source.quote(*f.quote_span)) for f in ex.figures] == [
        ("算力总规模", "算力总规模实现倍增,达到25EFLOPS"), ("算力总规模", "力争达到30EFLOPS")]


def test_a_plans_actions_are_a_count_over_its_period_never_a_target():
    ex = run("《某省数字经济三年行动计划(2024-2026年)》提出,到2026年通过实施六大行动,全省数字经济规模达到5万亿元。",
             published="2024-02-01", title=JS)
    assert [(f.unit, f.kind, f.period) for f in ex.figures] == [("个", "count", "2024-2026"), ("万亿元", "target", "2026")]


def test_ordinal_size_is_no_count():
    assert figures("建成全国第六大产业集群,成为全球第二大市场。", title=JS) == []


def test_rank_verbs_and_series_stay_out_of_the_indicator():
    ex = run("“十三五”时期,全省数字经济总量跃居全国第二。全省数字化指数由100增长至356.2,增长了2.56倍。", title=JS)
    assert [(f.indicator, f.unit, f.kind) for f in ex.figures] == [("数字经济总量", "位", "rank"), ("数字化指数", "倍", "growth")]


@pytest.mark.parametrize("text, expected", [
    ("全省数字经济规模突破两万亿大关。", [(2, "万亿")]), ("撬动两万亿的市场。", [(2, "万亿")]),
    ("打造万亿级产业集群,建设千亿级园区。", []),
])
def test_magnitude_without_a_unit(text, expected):
    assert values(text, title=JS) == expected


@pytest.mark.parametrize("text, expected", [
    ("全省数字经济规模达到3.5万 亿元。", [(3.5, "万亿元")]),  # a space inside the unit (copied from a PDF)
    ("全省数字经济规模 3.5 万亿元。", [(3.5, "万亿元")]),
    ("全省出口带宽达到 45 Tbps。", [(45, "Tbps")]),
    ("全省数字经济增长 8.5 %。", [(8.5, "%")]),
    ("全市算力规模达到2.6万P。", [(2.6, "万P")]),
    ("全市智能算力300 PFlops。", [(300, "PFlops")]),
    ("全省建成5G 基站3万个。", [(3, "万个")]),  # 5G with a space is still a technology name
])
def test_numbers_as_pages_write_them(text, expected):
    assert values(text, title=JS) == expected


def test_more_than_with_duo():
    (fig,) = run("全省软件业务收入4300多亿元。", title=JS).figures
    assert (float(fig.value), fig.unit, fig.comparator) == (4300, "亿元", ">")


@pytest.mark.parametrize("text, expected", [
    ("南京列今年数字城市百强第9位,比上年前进3个名次。", [(9, "位", "rank"), (3, "个名次", "growth")]),
    ("在总榜中南京位列12。", [(12, "位", "rank")]),
    ("全省引进第5位院士团队。", []),
])
def test_ranks_and_moves_in_rank(text, expected):
    assert [(v, u, k) for v, u, k, *_ in figures(text, title=JS)] == expected


def test_a_ratio_between_regions_is_the_first_regions():
    assert figures("江苏的数字经济规模是安徽的1.8倍。", title=JS) == [(1.8, "倍", "level", None, "江苏省")]


def test_bare_share_takes_the_total_named_before_it():
    """Review-log rule 2: 甲产业N家,占M% names the share from its subject and the paragraph's last total."""
    text = ("2024年末,全省有规上软件企业880家,占全部软件企业的31.2%。其中,云计算企业120家,"
            "占规上软件企业的13.6%;工业软件企业95家,占10.8%;信创企业60家,占6.8%。")
    shares = [(float(f.value), f.indicator) for f in run(text, "2025-03-01", JS).figures if f.measure == "share"]
    assert shares == [
        (31.2, "规上软件企业占全部软件企业"), (13.6, "云计算企业占规上软件企业"),
        (10.8, "工业软件企业占规上软件企业比重"), (6.8, "信创企业占规上软件企业比重")]
