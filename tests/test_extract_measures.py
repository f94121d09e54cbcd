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


@pytest.mark.parametrize("text, expected", [
    ("以数据要素市场化改革为主线,推动公共数据开放共享。", ["推动公共数据开放共享"]),  # the action after it stays
    ("为加快培育数据要素市场,结合本省实际,制定本方案。", []),  # a purpose clause
    ("以工业互联网平台为抓手,支持中小企业上云用数。", ["支持中小企业上云用数"]),
])
def test_frame_and_purpose_clauses_draft_no_measure(text, expected):
    """Review-log rule 3: 以…为主线/为抓手 and 为… purpose clauses frame the plan; only actions are measures."""
    assert [m["quote"] for m in measures(text)] == expected


def test_goal_state_clauses_draft_no_measure_but_goal_actions_do():
    """Review-log rule 3: after 到2027年 a clause that states a result (水平显著提升, 全面建成) is a goal."""
    got = [m["quote"] for m in measures(
        "到2027年,全省数据要素流通水平显著提升,公共数据开放平台全面建成,建设3个省级数据交易场所。")]
    assert got == ["建设3个省级数据交易场所"]


def test_past_progress_in_a_development_basis_section_drafts_no_measure():
    """Review-log rule 3: 发展基础 describes what was done; the measures start with the tasks."""
    text = ("一、发展基础\n近年来,全省已建成公共数据开放平台,数据交易场所建设取得积极进展。\n"
            "二、重点任务\n推动公共数据开放平台扩容升级。")
    assert [m["quote"] for m in measures(text)] == ["推动公共数据开放平台扩容升级"]
