"""Regions: names, short names, counties, zones; never inside another word; a figure's region."""

import pytest

from policykg.ingest.extract import regions
from tests.extract_util import figures, run


def names(text: str) -> list[str]:
    return [m.region.name for m in regions.find(text) if m.region is not None]


@pytest.mark.parametrize("text, expected", [
    ("浙江与江苏两省", ["浙江省", "江苏省"]),
    ("杭州、宁波两市和温州市", ["杭州市", "宁波市", "温州市"]),
    ("余杭区和义乌市的数字经济", ["余杭区", "义乌市"]),
    ("中国(浙江)自由贸易试验区", ["中国(浙江)自由贸易试验区"]),
    ("支持雄安新区建设", ["雄安新区"]),
    ("新疆维吾尔自治区和内蒙古", ["新疆维吾尔自治区", "内蒙古自治区"]),
])
def test_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "发展朝阳产业,促进区域协调", "推动河北区域协同", "孙中山先生", "采购大理石材料", "世界大同的理想", "阿里巴巴集团",
    "长治久安", "中外来宾",
])
def test_no_region_inside_another_word(text):
    assert "河北区" not in names(text) and [n for n in names(text) if n not in ("河北省",)] == []


def test_city_before_market_is_still_the_city():
    assert names("深圳市场主体超过380万户") == ["深圳市"]


def test_codes():
    found = {m.region.name: m.region.code for m in regions.find("广东省深圳市南山区")}
    assert found == {"广东省": "440000", "深圳市": "440300", "南山区": "440305"}


def test_ambiguous_county_name_uses_the_province_named():
    assert names("鼓楼区") == []  # four cities have one
    ex = run("福建省的鼓楼区数字经济产业园")
    assert [r.code for r in ex.regions()] == ["350000", "350102"]


def test_whole_province_words_resolve_to_the_documents_region():
    assert figures("全省数字经济增加值达到3.6万亿元。", title="山东省数字经济发展报告")[0][4] == "山东省"


def test_region_of_the_clause_before_the_sentence():
    text = "2023年,广州数字经济增加值达到1.4万亿元,深圳达到1.9万亿元。"
    assert [f[4] for f in figures(text, title="广东省数字经济发展报告")] == ["广州市", "深圳市"]


def test_nationwide_as_a_frame_is_not_the_region():
    text = "2023年,安徽软件业务收入增长18.2%,高于全国平均水平4.8个百分点。"
    assert [f[4] for f in figures(text)] == ["安徽省", "安徽省"]


def test_nationwide_subject_is_china_only_when_the_text_writes_china():
    assert figures("全国数字经济规模达到53.9万亿元。")[0][4] is None
    assert figures("全国数字经济规模达到53.9万亿元,中国数字经济稳居世界第二。")[0][4] == "中国"


def test_counts_of_provinces_are_nationwide():
    text = "2023年,全国已有18个省份数字经济规模超过1万亿元,其中广东位居第一。"
    found = figures(text, title="全国数字经济发展报告")
    assert (found[0][:3], found[0][4]) == ((18, "个", "count"), None)
    assert found[-1] == (1, "位", "rank", "2023", "广东省")


def test_whole_city_is_the_city_named_last():
    text = "2023年,杭州市数字经济核心产业增加值达到5675亿元,占全市GDP的比重为28.3%。"
    assert [f[4] for f in figures(text, title="浙江省数字经济发展报告")] == ["杭州市", "杭州市"]


def test_county_names_ending_in_common_words_need_a_boundary():
    assert names("发展沿海城市经济") == []
    assert names("辽宁省海城市") == ["辽宁省", "海城市"]


def test_respectively_pairs_the_listed_regions_with_the_figures():
    text = "2023年,广东、江苏、山东数字经济规模分别为6.4万亿元、5.1万亿元和4.3万亿元。"
    assert [(f[0], f[4]) for f in figures(text, title="全国数字经济发展报告")] == [
        (6.4, "广东省"), (5.1, "江苏省"), (4.3, "山东省")]


def test_whole_province_in_a_citys_text_is_its_province():
    text = "苏州市数字经济发展情况\n2023年,苏州数字经济核心产业增加值占全省的比重为18.2%,全省软件业务收入达到1.3万亿元。"
    assert [f[4] for f in figures(text, title="苏州市数字经济发展报告")] == ["苏州市", "江苏省"]


def test_abbreviation_runs_name_each_province_but_no_figure():
    assert names("推动苏浙沪皖一体化和川渝合作,跃上新台阶") == ["江苏省", "浙江省", "上海市", "安徽省", "四川省", "重庆市"]
    assert figures("苏浙沪皖数字经济规模超过30万亿元。")[0][4] is None


@pytest.mark.parametrize("text, code", [
    ("中国(上海)自由贸易试验区临港新片区试行数据出境新办法。", "Z-SHLG"),
    ("临港新片区建设国际数据港。", "Z-SHLG"),
    ("上海自贸试验区推进数据跨境流动。", "Z-SHFTZ"),
    ("浙江自贸区开展数字贸易试点。", "Z-ZJFTZ"),
    ("河南国家大数据综合试验区建设取得进展。", "Z-HABDZ"),
    ("国家数字经济创新发展试验区(福建)启动建设。", "Z-FJDEPZ"),
])
def test_pilot_and_free_trade_zones_are_gazetteer_zones(text, code):
    from policykg.ingest.extract import regions as regions_mod

    (mention,) = [m for m in regions_mod.find(text) if m.region is not None]
    assert mention.region.code == code and mention.region.in_gazetteer


def test_a_zones_measure_counts_for_its_province():
    from policykg.ingest.extract import draft

    record, _ = draft.build(run("临港新片区将加快建设国际数据专用通道。", title="上海市数据跨境工作方案"))
    assert [(m["region"], m["themes"]) for m in record["measures"]] == [("上海市", ["cross-border-data-flows"])]


def test_a_development_zone_lies_in_its_city():
    from policykg.ingest.extract import regions as regions_mod

    (mention,) = regions_mod.find("洋浦经济开发区引进数据企业。")
    assert (mention.region.name, mention.region.record_ref, mention.region.in_gazetteer) == ("洋浦经济开发区", "460400", False)


def test_a_bonded_zone_is_a_zone_of_the_place_it_is_named_after_and_an_unknown_place_names_none():
    (found,) = [m for m in regions.find("武汉综合保税区新增进出口企业") if m.region is not None]
    assert (found.surface, found.region.level, found.region.record_ref) == ("武汉综合保税区", "zone", "420100")
    assert names("某某综合保税区") == []


def test_the_prediction_lists_a_zone_also_as_written():
    from policykg.ingest.extract import predictions

    ex = run("依托火炬高新区和海南自贸港,发展数字产业。", published="2024-01-05", title="某地数字经济简报")
    listed = predictions.entry(ex)["regions"]
    assert {"厦门火炬高技术产业开发区", "火炬高新区", "海南自由贸易港", "海南自贸港"} <= set(listed)
