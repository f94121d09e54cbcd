"""`policykg query list|show|run` without data: the catalogue, the Cypher, parameter errors."""

from __future__ import annotations

import json

from policykg.queries.loader import load_all
from tests.cli import run_cli


def test_list_as_json_names_every_query_with_its_parameters():
    result = run_cli("query", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["name"] for r in rows] == [q.name for q in load_all()]
    by_name = {r["name"]: r for r in rows}
    assert by_name["regions-targeting-theme"]["parameters"] == [
        "theme: theme = cross-border-data-flows", "region: region = any", "kind: str = any"]
    assert by_name["regions-targeting-theme"]["example"] == "--param theme=数据跨境流动"
    assert by_name["indicator-over-time"]["parameters"] == ["region: region", "indicator: str"]
    assert by_name["last-ingest-changes"]["parameters"] == []
    assert all(r["description_zh"] and r["description_en"] for r in rows)


def test_list_as_table_shows_names():
    result = run_cli("query", "list", env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for query in load_all():
        assert any(line.startswith(f"{query.name} ") for line in lines), query.name
    assert "Regions whose policies, measures, targets or projects address a theme" in result.output


def test_show_prints_the_cypher_unwrapped_and_the_parameters():
    result = run_cli("query", "show", "regions-targeting-theme")
    assert result.exit_code == 0, result.output
    assert "queries/regions-targeting-theme.cypher" in result.output
    assert ("    AND ($kind IS NULL OR CASE toLower($kind) WHEN 'policy' THEN c.policies "
            "WHEN 'measure' THEN c.measures\n") in result.output
    assert "cross-border-data-flows" in result.output
    assert "policykg query run regions-targeting-theme --param theme=数据跨境流动" in result.output


def test_unknown_query_is_a_one_line_error_with_the_closest_name():
    result = run_cli("query", "run", "region-policy")
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: unknown query 'region-policy'; closest: region-policies, ")
    assert len(result.output.strip().splitlines()) == 1


def test_bad_parameters_are_refused_before_connecting():
    # no server is configured for these calls (bolt://localhost:7687 by default is never reached)
    cases = {
        ("--param", "region=Atlantis"): "Error: parameter 'region' of query 'region-policies': unknown region 'Atlantis'",
        ("--param", "regoin=北京"): "Error: query 'region-policies' has no parameter 'regoin'; it takes region, years, kind, theme",
        (): "Error: query 'region-policies' needs --param region=… (region); example: --param region=广东",
        ("--param", "region"): "Error: expected --param NAME=VALUE, got 'region'",
    }
    for args, message in cases.items():
        result = run_cli("query", "run", "region-policies", *args, env={"NEO4J_URI": "bolt://localhost:1"})
        assert result.exit_code == 1, args
        assert result.output.strip().startswith(message), (args, result.output)
