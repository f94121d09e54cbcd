"""Targets: goals for a future year, their deadline and the policy that sets them; estimates are not targets."""

import pytest

from policykg.ingest.extract.draft import build
from tests.extract_util import figures, run

PLAN = ("《某省数字经济发展规划(2023-2027年)》(以下简称《规划》)日前印发。"
        "《规划》提出,到2027年,全省数字经济核心产业增加值力争达到1.5万亿元,占地区生产总值比重超过15%。")


def test_future_year_makes_a_target_with_deadline_and_comparator():
    ex = run("到2025年,河南数字经济规模突破2万亿元,核心产业增加值占比达到12%以上。", published="2022-03-01")
    assert [(float(f.value), f.unit, f.kind, f.period, f.comparator) for f in ex.figures] == [
        (2, "万亿元", "target", "2025", ">"), (12, "%", "target", "2025", "≥")]


def test_five_year_plan_end_is_2025():
    assert figures("到“十四五”末,全省工业互联网平台连接设备达到500万台。", published="2022-01-01",
                   title="湖南省工业互联网行动计划")[0][2:4] == ("target", "2025")


def test_strive_marks_a_target_when_the_document_date_is_unknown():
    ex = run("力争到2030年,全市数字经济增加值占比超过60%。", published=None, title="某市规划")
    assert ex.figures[0].kind == "target" and ex.figures[0].period == "2030"


def test_estimate_for_a_past_year_is_a_level_not_a_target():
    (fig,) = run("2023年,全省数字经济规模预计将达到4.1万亿元。", published="2024-01-10", title="湖北省").figures
    assert (fig.kind, fig.estimate) == ("level", True)


def test_past_year_after_to_is_a_level():
    (fig,) = run("到2022年底,全省累计建成5G基站6.7万个。", published="2023-04-01", title="湖北省").figures
    assert (fig.kind, fig.period) == ("level", "2022")


def test_target_names_the_policy_its_sentence_points_to():
    record, _notes = build(run(PLAN, published="2023-06-01"))
    (policy,) = record["policies"]
    assert policy["title_zh"] == "某省数字经济发展规划(2023-2027年)"
    assert (policy["period_start"], policy["period_end"]) == (2023, 2027)
    assert [(t["value"], t["unit"], t["deadline"], t["comparator"], t["policy"]) for t in record["targets"]] == [
        (1.5, "万亿元", 2027, "≥", policy["key"]), (15.0, "%", 2027, ">", policy["key"])]


def test_targets_without_a_named_policy_get_one_drafted_from_the_title():
    record, _ = build(run("到2026年,全市算力规模达到10EFLOPS。", published="2024-01-01", title="某市算力基础设施建设方案"))
    (policy,) = record["policies"]
    assert policy["title_zh"] == "某市算力基础设施建设方案" and record["targets"][0]["policy"] == policy["key"]
    assert "replace" in policy["summary_en"]


def test_a_forecast_for_a_later_year_is_a_target_marked_as_an_estimate():
    (fig,) = run("据测算,预计到2027年全省数据产业规模将达到3000亿元。", published="2024-01-10", title="湖北省").figures
    assert (fig.kind, fig.period, fig.estimate, fig.indicator) == ("target", "2027", True, "数据产业规模")


def _targets(text: str, title: str = "某省数字经济行动方案", published: str = "2023-02-01") -> list[dict]:
    from policykg.ingest.extract import draft
    from policykg.schema.sections import DocumentRecord

    record, _notes = draft.build(run(text, published=published, title=title))
    DocumentRecord.model_validate(record)
    return record["targets"]


@pytest.mark.parametrize("text, expected", [
    ("到2025年,全省数字经济核心产业增加值占地区生产总值比重较2020年提升2个百分点。",
     ("increase", 2, "个百分点", 2020)),
    ("到2025年,全省软件业务收入年均增长12%。", ("annual_growth", 12, "%", None)),
    ("到2026年,全省算力规模比2022年增长1倍。", ("multiple", 2, "倍", 2022)),
])
def test_a_goal_stated_as_a_change_is_a_change_target(text, expected):
    (t,) = _targets(text)
    assert (t["change"], t["value"], t["unit"], t.get("baseline_year")) == expected


def test_a_level_goal_has_no_change():
    (t,) = _targets("到2025年,全省数字经济规模达到3万亿元。")
    assert "change" not in t and (t["value"], t["unit"]) == (3, "万亿元")


@pytest.mark.parametrize("text, expected", [
    ("2024年,全省计划新建数据中心机架2万个。", [(2, "万个", "target", "2024")]),
    ("今年目标定为新培育数字化转型促进中心15家。", [(15, "家", "target", "2024")]),
    ("2024年新培育省级智能工厂40家,力争软件业务收入增长12%。", [(40, "家", "target", "2024"), (12, "%", "target", "2024")]),
    ("2023年新培育省级智能工厂38家。", [(38, "家", "count", "2023")]),  # last year's: done, an observation
    ("2024年,全省软件业务收入达到900亿元。", [(900, "亿元", "level", "2024")]),  # no plan word: a report
])
def test_this_years_plan_figures_are_targets(text, expected):
    """Review-log rule 4: 计划/力争/目标定为/新培育 with the document's own year set this year's goals."""
    assert [f[:4] for f in figures(text, published="2024-02-20", title="某省数字经济工作要点")] == expected


@pytest.mark.parametrize("text, period, kind", [
    ("到 2026 年,全省算力规模达到15EFLOPS。", "2026", "target"),  # layout spaces around the year
    ("2022 年,全省算力规模达到5EFLOPS。", "2022", "level"),
])
def test_a_year_written_with_spaces_is_still_a_year(text, period, kind):
    (fig,) = figures(text, published="2023-06-01", title="某省算力发展报告")
    assert (fig[3], fig[2]) == (period, kind)
