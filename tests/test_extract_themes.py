"""Themes from the vocabulary's keywords_zh: on titles, targets and the document's own policy."""

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
