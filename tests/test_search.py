"""`policykg search`: the search_cjk and search_en full-text indexes, Chinese and English, user text taken literally."""

from __future__ import annotations

import json

import pytest

from policykg.errors import QueryError
from policykg.queries.params import lucene_escape
from policykg.queries.runner import search
from tests.cli import run_cli


def test_lucene_special_characters_and_operators_are_escaped():
    assert lucene_escape('数据 AND (跨境) "x" a/b c:d e~ f* g? h^2 +i -j !k [l] {m} \\n && ||') == \
        '数据 and \\(跨境\\) \\"x\\" a\\/b c\\:d e\\~ f\\* g\\? h\\^2 \\+i \\-j \\!k \\[l\\] \\{m\\} \\\\n \\&\\& \\|\\|'


def test_chinese_text_finds_the_theme_and_the_facts_that_name_it(demo_graph):
    rows = search(demo_graph, "数据跨境", limit=5)
    assert [(r["label"], r["key"]) for r in rows[:2]] == [
        ("Theme", "cross-border-data-flows"), ("Measure", "cn-cross-border-data-flow-monitoring")]
    assert rows[1]["sources"] == ["seed-2021-11-09-digital-economy-local-paths"]
    assert rows[1]["name_en"] == "Strengthen monitoring of cross-border data flows"
    # only these two hold the text: names sharing a bigram (数据要素, 跨境电商) are not listed beside them
    assert [r["match"] for r in rows] == ["**数据跨境**流动", "加强**数据跨境**流动监测"]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_english_text_and_titles_are_searched(demo_graph):
    rows = search(demo_graph, "benchmark city", limit=3)
    # the theme whose keywords include "benchmark city", and the plan whose title holds the phrase
    assert {(r["label"], r["key"]) for r in rows[:2]} == {("Policy", "bj-benchmark-city-plan"), ("Theme", "pilot-zones")}
    rows = search(demo_graph, "Guiyang", limit=10)
    assert {"Z-GYGA", "gyga-backbone-interconnection-point"} <= {r["key"] for r in rows}


def test_region_aliases_are_searched(demo_graph):
    rows = search(demo_graph, "中关村", limit=5)
    assert rows[0]["key"] == "Z-ZGC"


def test_lucene_syntax_in_user_text_is_not_an_error(demo_graph):
    rows = search(demo_graph, 'data) AND "cross-border:*', limit=5)
    assert "cross-border-data-flows" in {r["key"] for r in rows}


def test_cli_search_json_and_limit(demo_graph, neo4j_under_test):
    result = run_cli("search", "Guiyang", "--limit", "3", "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert result.stderr.strip() == "(best 3 matches; --limit N shows more)"
    assert rows[0]["key"] == "520100"
    assert list(rows[0]) == ["label", "kind", "region", "key", "name_zh", "name_en", "match", "matched", "figure",
                             "score", "sources"]


def test_empty_text_and_bad_limit_are_refused(demo_graph):
    with pytest.raises(QueryError, match="empty"):
        search(demo_graph, "  ")
    with pytest.raises(QueryError, match="limit must be at least 1"):
        search(demo_graph, "数据", limit=0)


def test_english_words_are_stemmed(demo_graph):
    robot = {r["key"] for r in search(demo_graph, "robot", limit=10)}
    assert robot == {r["key"] for r in search(demo_graph, "robots", limit=10)}
    assert "cn-industrial-robot-output" in robot or any("robot" in k for k in robot)
    mine = {r["key"] for r in search(demo_graph, "mine", limit=10)}
    assert "sx-smart-mines" in mine


def test_figures_notes_and_regions_are_found_and_placed(demo_graph):
    shenzhen = search(demo_graph, "深圳", limit=10)
    figure = next(r for r in shenzhen if r["key"] == "sz-2020-core-digital-va")
    assert (figure["label"], figure["region"], figure["figure"]) == ("Observation", "深圳市", "8446.6 亿元")
    share = next(r for r in shenzhen if r["key"] == "sz-2020-core-digital-va-share-gdp")
    assert share["figure"] == "30.5 %"
    # a figure that is a word shows the word (value_text)
    rating = search(demo_graph, "赶超", limit=5)
    assert rating[0]["label"] == "Observation" and rating[0]["region"] == "贵州省"
    assert rating[0]["figure"] == "中国数字生态赶超壮大型省份"
    # every hit says what it is and where
    regions = {r["key"]: (r["kind"], r["region"]) for r in search(demo_graph, "Shanxi", limit=10)}
    assert regions["140000"] == ("province", "山西省")
    assert regions["sx-smart-mines"][1] == "山西省"


def test_cli_zero_hits_exit_0_and_say_so(demo_graph, neo4j_under_test):
    result = run_cli("search", "xyzzy", env=neo4j_under_test.env)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "No rows."
    as_json = run_cli("search", "xyzzy", "-f", "json", env=neo4j_under_test.env)
    assert json.loads(as_json.stdout) == []


def test_whole_words_rank_above_shared_characters_and_noise_is_cut(demo_graph):
    """机器人 once listed 个人信息与隐私保护, 中国 and a phone-share figure beside the robot facts (one shared character)."""
    rows = search(demo_graph, "机器人", limit=20)
    assert [(r["label"], r["key"]) for r in rows] == [
        ("Indicator", "cn-industrial-robot-output"), ("Observation", "bj-2021q1q3-industrial-robot-output"),
        ("Theme", "high-tech-manufacturing"),
        # Guangdong's 2023 work points: clusters of chips, intelligent robots, blockchain and quantum (¶7)
        ("Measure", "draft-2023-guangdong-shuzijingji-gongzuo-yaodian-m002")]
    assert all("**机器人**" in r["match"] and r["matched"] == "whole text" for r in rows)
    assert rows[2]["match"].startswith("…") and rows[2]["match"].endswith("…")  # cut around the match


def test_a_phrase_ranks_above_a_hit_on_one_of_its_words(demo_graph):
    rows = search(demo_graph, "benchmark city", limit=10)
    matched = [r["matched"] for r in rows]
    assert matched[:3] == ["whole text"] * 3 and set(matched[3:]) == {"a word"}
    assert rows[3]["match"] == "Jilin **City**"  # below every name that holds the phrase, not above it


def test_cli_search_at_80_columns_shows_the_match(demo_graph, neo4j_under_test):
    from rich.cells import cell_len

    result = run_cli("search", "专精特新", env={**neo4j_under_test.env, "COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert lines[0].split() == ["label", "region", "name_zh", "match"]
    assert lines[2].split() == ["Theme", "专精特新", "**专精特新**"]


def test_search_finds_a_hit_s_region_by_the_sections_table():
    from policykg.queries.loader import get
    from policykg.schema.sections import REGION_RELS

    assert f"-[:{'|'.join(rel.value for rel in REGION_RELS)}]->(place:Region)" in get("search").cypher
