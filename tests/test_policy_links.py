"""Policy links (IMPLEMENTS, SUPERSEDES, AMENDS), change targets and optional English names.

A policy link is one document's statement: each stating document has its own
relationship with its locator and quote, retracted and rewritten with the
document like every statement.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import ValidationFailed
from policykg.graph.connection import read_rows
from policykg.graph.export import to_networkx
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.validate import validate_paths
from policykg.schema.reference import national_policies

NATIONAL = """  - key: cn-14th-fyp-digital-economy-plan
    locator: ¶1
    title_zh: “十四五”数字经济发展规划
    kind: plan
    region: 中国
"""


def _plan(doc_id: str, region: str, key: str, quote: str = "为贯彻落实《“十四五”数字经济发展规划》",
          extra: str = "") -> str:
    """A provincial implementation plan that cites the national plan; no English names at all."""
    return f"""document:
  id: {doc_id}
  title_zh: {region}数字经济发展实施方案
  published: 2022-06-01
  language: zh
policies:
  - key: {key}
    locator: ¶1
    title_zh: {region}数字经济发展实施方案
    kind: implementation_plan
    region: {region}
    issued: "2022-05-20"
{NATIONAL}
policy_links:
  - key: {key}-implements-national
    locator: ¶1
    quote: {quote}
    policy: {key}
    relation: implements
    other: cn-14th-fyp-digital-economy-plan
targets:
  - key: {key}-core-share
    locator: ¶3
    name_zh: 核心产业增加值占比提高2个百分点
    policy: {key}
    indicator: cn-core-digital-industries-va-share-gdp
    change: increase
    value: 2
    unit: 个百分点
    baseline_year: 2020
    baseline_value: 7.5
    deadline: 2025
    binding: false
{extra}"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _links(graph) -> list[tuple]:
    return sorted((r["a"], r["type"], r["b"], r["doc"], r["locator"], r["quote"]) for r in read_rows(
        graph, "MATCH (a:Policy)-[r:IMPLEMENTS|SUPERSEDES|AMENDS]->(b:Policy) RETURN a.key AS a, type(r) AS type, "
        "b.key AS b, r.doc AS doc, r.locator AS locator, r.quote AS quote"))


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = _write(tmp_path / "bad", "bad", text)
    with pytest.raises(ValidationFailed) as failed:
        validate_paths([path])
    return [p.message for p in failed.value.problems]


def test_a_link_and_a_change_target_validate(tmp_path):
    (document,) = validate_paths([_write(tmp_path / "ok", "hb", _plan("hb-plan", "河北省", "heb-de-plan"))])
    (link,) = document.record.policy_links
    assert (link.policy, link.relation, link.other) == ("heb-de-plan", "implements", "cn-14th-fyp-digital-economy-plan")
    (target,) = document.record.targets
    assert (target.change, target.value, target.unit, target.baseline_year, target.binding) == (
        "increase", 2.0, "个百分点", 2020, False)


def test_a_link_to_an_undefined_or_the_same_policy_is_refused(tmp_path):
    undefined = _plan("hb-plan", "河北省", "heb-de-plan").replace("other: cn-14th-fyp-digital-economy-plan",
                                                               "other: cn-no-such-plan")
    assert any("'cn-no-such-plan' is not defined in policies" in m for m in _problems(tmp_path, undefined))
    itself = _plan("hb-plan", "河北省", "heb-de-plan").replace("other: cn-14th-fyp-digital-economy-plan",
                                                            "other: heb-de-plan")
    assert "'heb-de-plan' cannot implements itself" in _problems(tmp_path, itself)


def test_change_units_are_checked(tmp_path):
    doubling = _plan("hb-plan", "河北省", "heb-de-plan").replace("change: increase", "change: multiple")
    assert "a change 'multiple' is stated in '倍', not '个百分点'" in _problems(tmp_path, doubling)
    # a percentage growth rate on a level indicator (亿元) is a change, not a level: accepted
    level = ("  - key: heb-va-growth\n    locator: ¶4\n    name_zh: 核心产业增加值年均增长10%\n    policy: heb-de-plan\n"
             "    indicator: cn-core-digital-industries-va\n    change: annual_growth\n    value: 10\n    unit: \"%\"\n")
    text = _plan("hb-plan", "河北省", "heb-de-plan").replace("    binding: false\n", "    binding: false\n" + level)
    (document,) = validate_paths([_write(tmp_path / "growth", "g", text)])
    assert [t.change for t in document.record.targets] == ["increase", "annual_growth"]


def test_each_document_states_its_own_link_and_retraction_keeps_the_others(graph, tmp_path):
    folder = tmp_path / "docs"
    _write(folder, "hb", _plan("hb-plan", "河北省", "heb-de-plan"))
    hn = _write(folder, "hn", _plan("hn-plan", "河南省", "ha-de-plan", quote="根据《“十四五”数字经济发展规划》"))
    ingest_paths(graph, [folder])
    national = "cn-14th-fyp-digital-economy-plan"
    assert _links(graph) == [
        ("ha-de-plan", "IMPLEMENTS", national, "hn-plan", "¶1", "根据《“十四五”数字经济发展规划》"),
        ("heb-de-plan", "IMPLEMENTS", national, "hb-plan", "¶1", "为贯彻落实《“十四五”数字经济发展规划》")]

    hn.write_text(_plan("hn-plan", "河南省", "ha-de-plan", quote="按照《“十四五”数字经济发展规划》"), encoding="utf-8")
    ingest_paths(graph, [folder])  # a changed quote is rewritten on the document's own link
    assert _links(graph)[0][5] == "按照《“十四五”数字经济发展规划》"

    hn.unlink()
    ingest_paths(graph, [folder], prune=True)
    assert [link[:4] for link in _links(graph)] == [("heb-de-plan", "IMPLEMENTS", national, "hb-plan")]
    # the national plan stays: another document still states it
    assert read_rows(graph, "MATCH (p:Policy {key: $k}) RETURN count(p) AS n", {"k": national})[0]["n"] == 1


def test_a_link_a_changed_document_drops_goes(graph, tmp_path):
    folder = tmp_path / "docs"
    path = _write(folder, "hb", _plan("hb-plan", "河北省", "heb-de-plan"))
    ingest_paths(graph, [folder])
    text = _plan("hb-plan", "河北省", "heb-de-plan").replace("relation: implements", "relation: supersedes")
    path.write_text(text, encoding="utf-8")
    ingest_paths(graph, [folder])
    assert [link[1] for link in _links(graph)] == ["SUPERSEDES"]


def test_export_carries_the_links_and_english_falls_back_to_chinese(graph, tmp_path):
    ingest_paths(graph, [_write(tmp_path / "docs", "hb", _plan("hb-plan", "河北省", "heb-de-plan"))])
    g = to_networkx(graph)
    edges = [(u, v, d) for u, v, d in g.edges(data=True) if d["label"] == "IMPLEMENTS"]
    assert [(u, v, d["quote"]) for u, v, d in edges] == [
        ("Policy:heb-de-plan", "Policy:cn-14th-fyp-digital-economy-plan", "为贯彻落实《“十四五”数字经济发展规划》")]
    assert g.nodes["Policy:heb-de-plan"]["name_en"] == "河北省数字经济发展实施方案"
    rows = read_rows(graph, "MATCH (p:Policy {key: 'heb-de-plan'}) RETURN p.title_en AS en")
    assert rows == [{"en": None}]  # nothing invented in the graph itself


def test_the_national_plans_are_found_by_their_cited_titles():
    found = national_policies()
    assert found.find("《“十四五”数字经济发展规划》").key == "cn-14th-fyp-digital-economy-plan"
    assert found.find("十四五数字经济发展规划").key == "cn-14th-fyp-digital-economy-plan"
    assert found.find("数据二十条").key == "cn-data-infrastructure-opinions"
    assert found.find("数字经济促进条例") is None
