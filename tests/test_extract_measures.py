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


def policy_themes(text: str, title: str = ZJ) -> tuple[list[dict], list[str]]:
    """The measures and the themes of the document's own policy."""
    record, _notes = draft.build(run(text, published="2024-06-01", title=title))
    DocumentRecord.model_validate(record)
    own = [p for p in record["policies"] if p["title_zh"] == title]
    return record["measures"], own[0].get("themes") or [] if own else []


@pytest.mark.parametrize("text", [
    "全省数据交易规模居全国前列,加快建设数据交易场所。",
    "到2026年,数据要素市场化水平跻身全国先进行列,推动建设数据交易场所。",
    "力争为全国提供可复制的经验,推动建设数据交易场所。",
])
def test_the_country_as_yardstick_or_audience_is_not_the_actor(text):
    """全国 in 居全国前列, 跻身全国先进行列, 为全国提供经验 is what the region is compared with or serves:
    the measure stays the document's region's, not CN's."""
    assert [(m["region"], m["themes"]) for m in measures(text)] == [("浙江省", ["data-factor"])]


def test_the_country_acting_stays_the_countrys():
    (m,) = measures("全国统一推进数据交易场所建设。")
    assert m["region"] == "CN"


@pytest.mark.parametrize("text, theme", [
    ("积极拓展数据要素应用场景。", "application-scenarios"),
    ("健全数据产权制度。", "data-factor"),
    ("提高公共数据开放水平。", "data-governance"),
    ("优化数据交易场所布局。", "data-factor"),
])
def test_more_commitment_verbs(text, theme):
    """拓展, 健全, 提高, 优化 commit a region as 建设 and 推动 do."""
    assert theme in [t for m in measures(text) for t in m["themes"]]


def test_a_goal_without_a_verb_joins_the_policy_not_the_measures():
    """After 到2026年, clauses that name a theme but no action (…达到全国领先水平, …深度融合) state what the
    plan aims at: no measure, but the plan's own policy takes their themes; the frame lasts the paragraph."""
    got, themes_ = policy_themes("到2026年,全省人工智能产业竞争力达到全国领先水平。数字经济与实体经济深度融合。")
    assert got == []
    assert themes_[:2] == ["artificial-intelligence", "digital-real-integration"]


def test_a_clause_with_will_is_a_goal_and_one_without_a_frame_commits_to_nothing():
    got, themes_ = policy_themes("全省5G网络将实现乡镇连续覆盖。")
    assert (got, themes_[:1]) == ([], ["network-infrastructure"])
    got, themes_ = policy_themes("全省5G网络覆盖情况良好。")
    assert got == [] and "network-infrastructure" not in themes_


@pytest.mark.parametrize("text, theme", [
    ("方案提出以数据要素市场化改革为主线,统筹各项工作。", "data-factor"),
    ("即以5G和千兆光网为核心的网络体系。", "network-infrastructure"),
    ("为突破一批关键核心技术,统筹各项工作。", "original-innovation"),
])
def test_a_frame_without_a_verb_gives_the_policy_its_theme(text, theme):
    """以X为主线 after 提出, 即以X为核心, 为突破X: the plan's frame, no measure, a theme of the plan."""
    got, themes_ = policy_themes(text)
    assert got == [] and theme in themes_


def test_fast_growth_described_is_no_commitment_but_pushing_it_is():
    """飞速发展/蓬勃发展 describe a trend (background); 推动…快速发展 commits through 推动."""
    assert measures("以人工智能、云计算为代表的新技术飞速发展。") == []
    (m,) = measures("推动人工智能产业快速发展。")
    assert (m["quote"], m["themes"]) == ("推动人工智能产业快速发展", ["artificial-intelligence"])
