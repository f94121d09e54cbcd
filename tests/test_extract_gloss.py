"""English of drafts: glossary and gazetteer words, title patterns, targets from their structure; none at
all rather than a mix of English and Chinese. Own test phrases."""

import re

import pytest

from policykg.ingest.extract import draft
from policykg.ingest.extract.gloss import amount_en, gloss, target_en, title_en
from tests.extract_util import run

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff《》“”]")


def test_gloss_uses_the_glossary_the_bodies_and_the_gazetteer():
    assert gloss("数字经济核心产业增加值") == "digital economy core industries value added"
    assert gloss("国家互联网信息办公室") == "Cyberspace Administration of China"
    assert gloss("浙江省人民政府办公厅") == "Zhejiang People's Government General Office"


def test_no_english_rather_than_half_english():
    assert gloss("鲲鹏生态") is None
    assert title_en("关于推进鲲鹏生态建设的意见") is None


@pytest.mark.parametrize("zh, en", [
    ("浙江省数字经济发展规划(2021-2025年)", "Development plan for Zhejiang digital economy (2021–2025)"),
    ("关于印发《江苏省数字经济实施方案》的通知", "Notice on issuing the implementation plan for Jiangsu digital economy"),
    ("国务院关于加快数字经济发展的意见", "State Council: Opinions on accelerating digital economy development"),
])
def test_titles_are_turned_round_by_their_pattern(zh, en):
    assert title_en(zh) == en


@pytest.mark.parametrize("value, unit, en", [
    (4000, "亿元", "400 billion yuan"), (1.2, "万亿元", "1.2 trillion yuan"), (2.5, "万个", "25,000"),
    (60, "%", "60%"), (3, "个百分点", "3 percentage points"), (45, "Tbps", "45 Tbps"), (3, "万架", "30,000"),
])
def test_amounts_in_english(value, unit, en):
    assert amount_en(value, unit) == en


def test_a_target_reads_from_region_indicator_value_and_deadline():
    assert target_en("Zhejiang", "Digital economy value added", "≥", 60, "%", 2025) == \
        "Zhejiang: digital economy value added at least 60% by 2025"
    assert target_en("Zhejiang", None, "≥", 60, "%", 2025) is None


def _english_fields(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _english_fields(v, f"{path}.{k}") if not k.endswith("_en") else [(f"{path}.{k}", v)]
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _english_fields(v, f"{path}[{i}]")


def test_no_english_field_of_a_draft_mixes_in_chinese():
    text = ("关于印发《某某市鲲鹏数字经济三年行动方案》的通知\n到2025年,全市数字经济核心产业增加值达到1200亿元,"
            "建成5G基站3万个,鲲鹏生态企业达到50家。全市将加快建设国际数据专用通道。")
    record, _ = draft.build(run(text, title="浙江省数字经济行动方案"))
    mixed = [(p, v) for p, v in _english_fields(record) if isinstance(v, str) and CJK.search(v)]
    assert mixed == []
    assert any(v for _p, v in _english_fields(record) if v)  # and some English is there
