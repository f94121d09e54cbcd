"""Measures and projects from commitment clauses. Own test sentences."""

import pytest

from policykg.ingest.extract import draft
from policykg.schema.sections import DocumentRecord
from tests.extract_util import run

ZJ = "浙江省数据要素市场建设行动方案"


def measures(text: str, title: str = ZJ, published: str = "2024-06-01") -> list[dict]:
    record, _notes = draft.build(run(text, published=published, title=title))
    DocumentRecord.model_validate(record)
    return record["measures"]


def test_a_commitment_clause_with_a_theme_is_a_measure_of_the_documents_region():
    (m,) = measures("全省将加快建设国际数据专用通道,畅通数据跨境流动。")
    assert (m["region"], m["status"], m["themes"]) == ("浙江省", "planned", ["cross-border-data-flows"])
    assert m["quote"] == "全省将加快建设国际数据专用通道"
    assert m["name_en"] == "Zhejiang: measure on cross-border data flows"


def test_the_region_named_in_the_clause_wins_over_the_documents():
    got = [(m["region"], m["themes"]) for m in measures("支持杭州打造人工智能产业高地,推动宁波建设智能工厂。")]
    assert got == [("杭州市", ["artificial-intelligence"]), ("宁波市", ["smart-manufacturing"])]


@pytest.mark.parametrize("text, status", [
    ("去年全省已建成工业互联网平台,成效明显。", "adopted"),
    ("到2026年,全省要推动工业互联网平台覆盖重点行业。", "planned"),
    ("会议要求各地加强数据安全保护。", "directed"),
])
def test_status_from_the_verb_and_frame(text, status):
    assert [m["status"] for m in measures(text)] == [status]


def test_no_measure_without_a_verb_or_a_theme():
    assert measures("全省数据安全形势总体平稳。全省加快推进各项工作。") == []


def test_a_measure_of_the_state_council_is_the_countrys():
    (m,) = measures("国务院推动建立数据要素市场规则,全省积极落实。")
    assert (m["region"], m["themes"]) == ("CN", ["data-factor"])


def test_the_china_of_a_slogan_is_no_actor():
    (m,) = measures("坚持中国特色社会主义道路,着力培育数据交易市场。")
    assert m["region"] == "浙江省"


def test_a_named_project_with_its_count():
    record, _ = draft.build(run("全省实施“数字工厂领航工程”,建设3个国家级工业互联网平台。", title=ZJ))
    got = [(p["name_zh"], p["kind"], p.get("count"), p["region"]) for p in record["projects"]]
    assert got == [("数字工厂领航工程", "programme", None, "浙江省"), ("工业互联网平台", "platform", 3, "浙江省")]
