"""Themes from the vocabulary's keywords_zh: on titles, targets and the document's own policy."""

import pytest

from policykg.ingest.extract import themes
from policykg.ingest.extract.draft import build
from tests.extract_util import run


def test_keywords_give_theme_ids_in_order_of_mention():
    assert themes.find("推进公共数据开放,发展人工智能产业和数字经济") == [
        "data-governance", "artificial-intelligence", "digital-economy"]


def test_recurring_keeps_what_the_text_returns_to():
    text = "加强公共数据开放。完善公共数据授权。发展人工智能。"
    assert themes.recurring(text) == ["data-governance"]


def test_the_documents_own_policy_gets_the_recurring_themes():
    text = ("《某市公共数据开放行动方案》印发。到2026年,全市公共数据开放数据集超过5000个,"
            "公共数据授权运营场景达到100个。")
    record, _ = build(run(text, published="2024-04-01", title="《某市公共数据开放行动方案》"))
    (policy,) = record["policies"]
    assert policy["themes"][0] == "data-governance"
    assert all("data-governance" in t["themes"] for t in record["targets"])


def test_a_keyword_inside_a_longer_keyword_of_another_theme_is_not_counted():
    """城市数字化转型 holds 数字化转型 (industrial digitalisation) but is only urban digital transformation;
    绿色数据中心 only the green theme (its broader digital infrastructure follows from the vocabulary)."""
    assert themes.find("本市加快推进城市数字化转型") == ["urban-digital-transformation"]
    assert themes.find("新建一批绿色数据中心") == ["green-data-centres"]
    # keywords side by side, not nested, both count
    assert themes.find("企业数字化转型和智慧城市建设") == ["industrial-digitalisation", "urban-digital-transformation"]


def test_recurring_counts_only_the_longer_keyword():
    assert themes.recurring("推进城市数字化转型。深化城市数字化转型。") == ["urban-digital-transformation"]


@pytest.mark.parametrize("text, theme", [
    ("鼓励电子信息制造企业扩大高端产能", "high-tech-manufacturing"),
    ("引进新型存储器研发生产项目", "chips-semiconductors"),
    ("实施本地强芯行动", "chips-semiconductors"),
    ("软件和信息服务业营收较快增长", "software-it-services"),
    ("组织核心软件联合攻关", "software-it-services"),
    ("提升基层治理数字化水平", "digital-governance"),
    ("营造开放包容的发展生态", "digital-ecosystem"),
    ("遴选培育一批未来工厂", "smart-manufacturing"),
    ("深入实施“互联网+”行动", "industrial-digitalisation"),
    ("集中突破一批核心技术", "original-innovation"),
    ("组织重大科技攻关", "digital-technology-innovation"),
    ("推动人工智能与实体经济深度融合", "digital-real-integration"),
    ("统筹全省云资源调度", "cloud-computing"),
    ("探索数据产权登记", "data-factor"),
    ("更多事项网上办、掌上办", "digital-government"),
    ("以数字化改革助力共富", "common-prosperity"),
    ("发布一批标杆场景清单", "application-scenarios"),
])
def test_synonyms_analysts_use_for_a_theme(text, theme):
    """keywords_zh cover the usual variants of a theme's name (软件和信息服务业 beside 软件和信息技术服务业)."""
    assert theme in themes.find(text)
