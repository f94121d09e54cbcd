"""`policykg query list|show|run` without data: the catalogue, the Cypher, parameter errors."""

from __future__ import annotations

import json

from policykg.queries.loader import TOPICS, load_all
from tests.cli import run_cli


def test_list_as_json_names_every_query_with_its_parameters():
    result = run_cli("query", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sorted(r["name"] for r in rows) == sorted(q.name for q in load_all())
    assert [r["topic"] for r in rows] == sorted((r["topic"] for r in rows), key=TOPICS.index)  # grouped by topic
    by_name = {r["name"]: r for r in rows}
    assert by_name["regions-targeting-theme"]["parameters"] == [
        "theme: theme = cross-border-data-flows", "region: region = any", "kind: str = any",
        "status: status = current"]
    assert by_name["regions-targeting-theme"]["example"] == "--param theme=数据跨境流动"
    assert by_name["indicator-over-time"]["parameters"] == ["region: region", "indicator: str",
                                                               "status: status = current"]
    assert by_name["last-ingest-changes"]["parameters"] == []
    assert all(r["description_zh"] and r["description_en"] for r in rows)


def test_list_at_80_columns_is_one_line_per_question_grouped_by_topic():
    from rich.cells import cell_len

    result = run_cli("query", "list", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert not any(line.endswith("…") for line in lines)  # every short description fits whole
    named = [line.split()[0] for line in lines if line.startswith("  ")]
    assert sorted(named) == sorted(q.name for q in load_all())
    assert [line for line in lines if not line.startswith(" ")][:5] == ["regions", "targets", "figures", "sources",
                                                                         "changes"]
    assert "  regions-targeting-theme        Regions on a theme · 涉及某主题的地区" in lines
    assert lines.index("targets") < lines.index("  targets-due-by                 Targets due by a year · 某年前到期的目标")


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
