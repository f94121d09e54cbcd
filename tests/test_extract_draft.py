"""Drafts: `policykg extract` writes records that `policykg validate` accepts unchanged, marked as drafts,
every fact extracted with locator and quote; bad input is one Error line."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
import yaml

from policykg.ingest.validate import validate_file, validate_paths
from tests.cli import run_cli

TEXT = """---
title: 某省数字经济高质量发展行动方案(2024—2026年)
publisher: 某省人民政府办公厅
published: 2024-03-15
url: https://example.org/plan.html
---
某省人民政府办公厅关于印发《浙江省数字经济高质量发展行动方案(2024—2026年)》的通知
浙政办发〔2024〕9号
一、发展基础
2023年,全省数字经济核心产业增加值达到9867亿元,同比增长10.1%,占地区生产总值的比重为11.2%。杭州市余杭区集聚数字企业3200余家。
二、主要目标
到2026年,全省数字经济核心产业增加值力争突破1.3万亿元,规上工业企业数字化改造覆盖率达到90%。
"""


def _extract(tmp_path: Path, text: str, *args: str):
    src = tmp_path / "plan.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "drafts"
    return run_cli("extract", str(src), "--out", str(out), *args), out / "plan.yaml"


def test_draft_validates_unchanged_and_is_marked(tmp_path):
    result, draft = _extract(tmp_path, TEXT, "--predictions", str(tmp_path / "pred.yaml"))
    assert result.exit_code == 0, result.output
    (doc,) = validate_paths([draft])
    record = yaml.safe_load(draft.read_text(encoding="utf-8"))
    meta = record["document"]
    assert (meta["draft"], meta["published"].isoformat(), meta["url"]) == (True, "2024-03-15", "https://example.org/plan.html")
    assert meta["title_zh"] == "某省数字经济高质量发展行动方案(2024—2026年)" and meta["guessed"] == ["title_en"]
    assert record["regions"] == ["浙江省", "杭州市"]  # 余杭区 is not in the gazetteer: recorded under 杭州市
    assert "余杭区" in draft.read_text(encoding="utf-8").split("\ndocument:")[0]  # and said in the header
    facts = [f for section in ("policies", "targets", "observations") for f in record[section]]
    assert facts and all(f["extracted"] is True and regex.fullmatch(r"(?:\S.{0,59} )?¶\d+", f["locator"])
                         for f in facts)
    assert {o["locator"] for o in record["observations"]} >= {"一、发展基础 ¶4"}  # the section's heading, then ¶N
    text = TEXT.split("---\n", 2)[2]
    assert all(f["quote"] in text for f in facts)
    obs = {o["quote"]: o for o in record["observations"]}
    assert obs["数字经济核心产业增加值达到9867亿元"]["value"] == 9867.0
    assert obs["同比增长10.1%"]["yoy_change_pct"] == 10.1
    share = obs["占地区生产总值的比重为11.2%"]  # a share indicator: the figure is its value, not share_pct
    assert (share["value"], share["unit"], share.get("share_pct")) == (11.2, "%", None)
    (policy,) = record["policies"]
    assert (policy["kind"], policy["region"], policy.get("summary_en")) == ("action_plan", "浙江省", None)  # no Chinese in English
    assert [(t["value"], t["unit"], t["deadline"], t["policy"]) for t in record["targets"]] == [
        (1.3, "万亿元", 2026, policy["key"]), (90.0, "%", 2026, policy["key"])]
    pred = yaml.safe_load((tmp_path / "pred.yaml").read_text(encoding="utf-8"))["files"]["plan.txt"]
    assert pred["policies"] == ["浙江省数字经济高质量发展行动方案(2024—2026年)"]
    assert {"value": 1.3, "unit": "万亿元", "kind": "target", "period": "2026", "region": "浙江省"}.items() <= pred["figures"][-2].items()


def test_without_metadata_title_and_date_are_guessed(tmp_path):
    result, draft = _extract(tmp_path, TEXT.split("---\n", 2)[2])
    assert result.exit_code == 0, result.output
    meta = yaml.safe_load(draft.read_text(encoding="utf-8"))["document"]
    assert meta["title_zh"] == "浙江省数字经济高质量发展行动方案(2024—2026年)"
    assert set(meta["guessed"]) == {"title_zh", "title_en", "published", "publisher_zh"}
    assert meta["publisher_zh"] == "某省人民政府办公厅"
    validate_paths([draft])


def test_ingest_refuses_the_draft(tmp_path):
    _result, draft = _extract(tmp_path, TEXT)
    _doc, problems = validate_file(draft, allow_drafts=False)
    assert problems and "draft" in str(problems[0])


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01\x02\x03binary" * 10, "binary"), ("数字经济发展规划。".encode("utf-16-le")[:-1], "not text"),
])
def test_bad_input_is_one_error_line(tmp_path, content, message):
    src = tmp_path / "bad.txt"
    src.write_bytes(content)
    result = run_cli("extract", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert not (tmp_path / "out" / "bad.yaml").exists()


def test_ten_megabytes_is_refused_at_once(tmp_path):
    src = tmp_path / "big.txt"
    src.write_text("全省数字经济增加值达到100亿元。\n" * 230_000, encoding="utf-8")
    assert src.stat().st_size > 10_000_000
    result = run_cli("extract", str(src), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and result.output.count("Error:") == 1 and "split it" in result.output


def test_good_files_are_drafted_and_bad_ones_reported(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("2023年,北京数字经济增加值达到18766.7亿元。", encoding="utf-8")
    bad.write_bytes(b"")
    result = run_cli("extract", str(good), str(bad), "--out", str(tmp_path / "out"), "--published", "2024-01-20")
    assert result.exit_code == 1 and (tmp_path / "out" / "good.yaml").exists()
    assert [line for line in result.output.splitlines() if line.startswith("Error:")] == [f"Error: {bad}: the file is empty"]


def test_newspapers_in_title_marks_are_not_policies(tmp_path):
    text = "据《经济日报》报道,2023年,全国数字经济规模达到53.9万亿元,《中国数字经济发展研究报告》指出……"
    result, draft = _extract(tmp_path, text, "--published", "2024-08-01")
    assert result.exit_code == 0, result.output
    content = draft.read_text(encoding="utf-8")
    record = yaml.safe_load(content)
    assert [p["title_zh"] for p in record["policies"]] == ["中国数字经济发展研究报告"]
    assert "# NOTE: 《经济日报》 looks like a newspaper" in content


@pytest.mark.parametrize("published, message", [
    ("2024-13-45", "not a date"), ("next week", "not a date"), ("2024-02-30", "not a date"), ("2999-01-01", "future"),
])
def test_a_bad_date_option_is_one_error_line(tmp_path, published, message):
    result, draft = _extract(tmp_path, "2023年,全省数字经济增加值达到100亿元。", "--published", published)
    assert result.exit_code == 1 and result.output.strip().count("\n") == 0
    assert result.output.startswith("Error: ") and message in result.output and not draft.exists()


def test_a_bad_url_is_one_error_line(tmp_path):
    result, draft = _extract(tmp_path, "---\nurl: example.org/x\n---\n2023年,全省数字经济增加值达到100亿元。")
    assert result.exit_code == 1 and result.output.startswith("Error: ") and "http(s)" in result.output
    assert not draft.exists()


def test_draft_names_catalogue_indicators_without_defining_them(tmp_path):
    result, draft = _extract(tmp_path, TEXT)
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(draft.read_text(encoding="utf-8"))
    named = {o["indicator"] for o in record["observations"]} | {t["indicator"] for t in record["targets"]}
    # 核心产业增加值 (level) and 占地区生产总值的比重 (share) are the project catalogue's
    assert {"cn-core-digital-industries-va", "cn-core-digital-industries-va-share-gdp"} <= named
    defined = {i["key"] for i in record.get("indicators") or []}
    assert not defined & {"cn-core-digital-industries-va", "cn-core-digital-industries-va-share-gdp"}


def _record(text: str, title: str = "浙江省数字经济发展行动方案"):
    from policykg.ingest.extract import draft as draft_mod
    from policykg.schema.sections import DocumentRecord
    from tests.extract_util import run

    record, _notes = draft_mod.build(run(text, title=title))
    DocumentRecord.model_validate(record)
    return record


def test_a_cited_plan_the_text_implements_is_a_policy_link_with_the_national_key():
    record = _record("为贯彻落实《“十四五”数字经济发展规划》,结合本省实际,制定《浙江省数字经济发展行动方案》。\n"
                     "到2025年,全省数字经济增加值达到5万亿元。")
    (link,) = record["policy_links"]
    national = next(p for p in record["policies"] if p["key"] == link["other"])
    assert (link["relation"], link["other"], national["region"], national["kind"]) == (
        "implements", "cn-14th-fyp-digital-economy-plan", "CN", "plan")
    own = next(p for p in record["policies"] if p["key"] == link["policy"])
    assert own["title_zh"] == "浙江省数字经济发展行动方案"


def test_a_title_of_the_state_council_is_national_whatever_the_documents_region():
    record = _record("按照《国务院关于加快培育数据要素市场的意见》要求,全省推进数据交易。")
    cited = next(p for p in record["policies"] if p["title_zh"].startswith("国务院"))
    assert cited["region"] == "CN"


def test_the_documents_title_is_its_headline_not_the_first_title_it_cites():
    from policykg.ingest.extract import normalise as norm
    from policykg.ingest.extract.pipeline import guess_title

    pars = norm.paragraphs("首页 > 政务公开 > 通知\n浙江加快建设数据跨境服务中心\n为贯彻落实《某某意见》,省里出台新举措。")
    assert guess_title(pars) == "浙江加快建设数据跨境服务中心"


def test_publisher_notes_are_stripped_and_joint_issuers_split(tmp_path):
    """Review-log rule 1: a header's publisher keeps only the names (no document number, repost or byline)."""
    from policykg.ingest.extract.publishers import names

    assert names("某某市人民政府办公厅（某政发〔2024〕3号）") == ["某某市人民政府办公厅"]
    assert names("某某日报 (记者 王某), mirror") == ["某某日报"]
    assert names("某省大数据局 转载自某某网") == ["某省大数据局"]
    assert names("山东省工业和信息化厅、省财政厅、省通信管理局 (reprint at 某网)") == [
        "山东省工业和信息化厅", "山东省财政厅", "山东省通信管理局"]
    text = TEXT.replace("publisher: 某省人民政府办公厅", "publisher: 浙江省经济和信息化厅、浙江省财政厅 (浙经信〔2024〕5号; reprint at 某网)")
    result, draft = _extract(tmp_path, text)
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(draft.read_text(encoding="utf-8"))
    orgs = {o["name_zh"]: o for o in record["organizations"]}
    assert {"浙江省经济和信息化厅", "浙江省财政厅"} <= set(orgs)
    assert all("〔" not in name and "reprint" not in name for name in orgs)
    assert record["document"]["publisher"] == orgs["浙江省经济和信息化厅"]["key"]
    assert record["document"]["publisher_zh"] == "浙江省经济和信息化厅、浙江省财政厅"
    assert orgs["浙江省财政厅"]["region"] == "浙江省"
    validate_paths([draft])


def test_share_figure_is_the_value_of_a_share_indicator(tmp_path):
    """Review-log rule 2: a share read onto a share indicator (catalogue or drafted in %) is its value."""
    text = """---
title: 某市数字经济发展情况
published: 2024-02-01
---
2023年，苏州市集成电路产业营收达到310亿元，占全市制造业营收的比重为7.4%。
全市工业互联网平台普及率达到41.5%，数字经济核心产业增加值占地区生产总值比重为8.6%。
"""
    result, draft = _extract(tmp_path, text)
    assert result.exit_code == 0, result.output
    record = yaml.safe_load(draft.read_text(encoding="utf-8"))
    obs = {o["value"]: o for o in record["observations"]}
    assert {7.4, 41.5, 8.6, 310.0} <= set(obs)
    assert not any("share_pct" in o for o in record["observations"])
    assert obs[8.6]["indicator"] == "cn-core-digital-industries-va-share-gdp" and obs[8.6]["unit"] == "%"
    names = {i["key"]: i["name_zh"] for i in record["indicators"]}
    assert names[obs[7.4]["indicator"]] == "集成电路产业营收占全市制造业营收的比重"
    validate_paths([draft])


def test_an_unnamed_figure_s_indicator_is_the_document_s_own_not_one_every_draft_shares():
    from policykg.ingest.extract import draft
    from policykg.ingest.extract.pipeline import extract

    keys = []
    for name in ("a.txt", "b.txt"):
        ex = extract("某市数字经济简报\n2023年,1200亿元。", name, {"published": "2024-01-05", "title": "某市数字经济简报"})
        record, _ = draft.build(ex)
        (indicator,) = record["indicators"]
        assert indicator["name_zh"] == "未命名指标" and record["observations"][0]["indicator"] == indicator["key"]
        keys.append(indicator["key"])
    assert keys[0] != keys[1]
