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
    assert len(rows) == 5
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
    result = run_cli("search", "数据跨境流动", "--limit", "3", "--format", "json", env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert result.stderr.strip() == "(best 3 matches; --limit N shows more)"
    assert rows[0]["key"] == "cross-border-data-flows"
    assert list(rows[0]) == ["label", "kind", "region", "key", "name_zh", "name_en", "figure", "score", "sources"]


def test_empty_text_and_bad_limit_are_refused(demo_graph):
    with pytest.raises(QueryError, match="empty"):
        search(demo_graph, "  ")
    with pytest.raises(QueryError, match="--limit must be at least 1"):
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
