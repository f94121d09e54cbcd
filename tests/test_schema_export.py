"""`policykg schema export`: the JSON Schema editors use, generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import run_cli

COMMITTED = Path(__file__).resolve().parent.parent / "docs" / "record.schema.json"


def test_export_matches_the_committed_schema():
    result = run_cli("schema", "export")
    assert result.exit_code == 0
    assert result.output == COMMITTED.read_text(encoding="utf-8"), "run: policykg schema export --out docs/record.schema.json"


def test_schema_is_strict_about_fields_and_requires_the_document():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["required"] == ["document"]
    assert schema["additionalProperties"] is False
    target = schema["$defs"]["Target"]
    assert target["additionalProperties"] is False
    assert set(target["required"]) == {"key", "locator", "name_zh", "policy"}  # English optional
    assert target["properties"]["change"]["anyOf"][0]["enum"] == ["increase", "multiple", "annual_growth"]
    link = schema["$defs"]["PolicyLink"]
    assert set(link["required"]) == {"key", "locator", "policy", "relation", "other"}
    assert schema["properties"]["policy_links"]["items"] == {"$ref": "#/$defs/PolicyLink"}
    share = schema["$defs"]["Observation"]["properties"]["share_pct"]["anyOf"][0]
    assert (share["minimum"], share["maximum"]) == (0, 100)
