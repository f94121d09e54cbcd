"""Indicators: a catalogue (as schema/reference_data/indicators.yaml will hold) or new draft indicators."""

import yaml

from policykg.ingest.extract.draft import build
from policykg.ingest.extract.indicators import IndicatorMatcher, draft_key
from tests.cli import run_cli
from tests.extract_util import run

CATALOGUE = [
    {"key": "core-digital-va", "name_zh": "数字经济核心产业增加值", "name_en": "Value added of core digital-economy industries",
     "aliases_zh": ["核心产业增加值"], "unit": "亿元", "kind": "level", "share_of": None},
    {"key": "core-digital-va-gdp-share", "name_zh": "数字经济核心产业增加值占GDP比重",
     "name_en": "Core digital-economy industries, share of GDP", "aliases_zh": ["核心产业增加值占GDP比重"],
     "unit": "%", "kind": "share", "share_of": "GDP"},
    {"key": "5g-base-stations", "name_zh": "5G基站", "name_en": "5G base stations", "aliases_zh": ["5G基站数"],
     "unit": "个", "kind": "level", "share_of": None},
]


def test_catalogue_match_prefers_the_longest_name_of_a_fitting_kind():
    m = IndicatorMatcher(CATALOGUE)
    assert m.match("全省数字经济核心产业增加值", "level")["key"] == "core-digital-va"
    assert m.match("数字经济核心产业增加值占GDP比重", "share")["key"] == "core-digital-va-gdp-share"
    assert m.match("数字经济核心产业增加值", "growth")["key"] == "core-digital-va"
    # the province's 生产总值 is its GDP: 占全省生产总值的比重 and 占GDP比重 are one share
    assert m.match("核心产业增加值占全省生产总值的比重", "share")["key"] == "core-digital-va-gdp-share"
    assert m.match("核心产业增加值占服务业增加值比重", "share") is None  # a share, but not of GDP as catalogued
    assert m.match("累计建成5G基站", "level")["key"] == "5g-base-stations"


def test_no_catalogue_gives_a_draft_indicator_keyed_by_its_name():
    choice = IndicatorMatcher().choose("工业互联网标识注册量", "level", "亿个")
    assert (choice.key, choice.name_zh, choice.unit, choice.from_catalogue) == (
        draft_key("工业互联网标识注册量"), "工业互联网标识注册量", "亿个", False)
    assert choice.key.startswith("draft-ind-") and choice.name_en is None  # 标识注册量: no sound English


def test_draft_records_use_catalogue_keys_and_draft_ones_side_by_side():
    ex = run("2023年,全省数字经济核心产业增加值达到9867亿元,增长10.1%,占GDP比重为11.2%;新建5G基站2.1万个,"
             "工业互联网标识注册量突破50亿个。", title="浙江省数字经济发展报告")
    record, _ = build(ex, IndicatorMatcher(CATALOGUE))
    assert [o["indicator"] for o in record["observations"]] == [
        "core-digital-va", "core-digital-va", "core-digital-va-gdp-share", "5g-base-stations",
        draft_key("工业互联网标识注册量")]
    growth = record["observations"][1]
    assert (growth["yoy_change_pct"], growth.get("value")) == (10.1, None)


def test_cli_takes_a_catalogue_file(tmp_path):
    catalogue = tmp_path / "indicators.yaml"
    catalogue.write_text(yaml.safe_dump({"indicators": CATALOGUE}, allow_unicode=True), encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("2023年,全省累计建成5G基站18.6万个。", encoding="utf-8")
    result = run_cli("extract", str(text), "--out", str(tmp_path / "out"), "--catalogue", str(catalogue),
                     "--published", "2024-01-15")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((tmp_path / "out" / "t.yaml").read_text(encoding="utf-8"))
    assert [i["key"] for i in record["indicators"]] == ["5g-base-stations"]  # defined here: the validator wants it
    assert record["observations"][0]["indicator"] == "5g-base-stations"


def test_cli_refuses_a_catalogue_it_cannot_use(tmp_path):
    catalogue = tmp_path / "bad.yaml"
    catalogue.write_text("just: a mapping\n", encoding="utf-8")
    result = run_cli("extract", "x.txt", "--catalogue", str(catalogue))
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "list of indicators" in result.output
