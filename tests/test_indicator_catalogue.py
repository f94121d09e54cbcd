"""The indicator catalogue: lookup by key, name or alias, and how records name its indicators.

A record names a catalogue indicator by key or by any alias and does not
define it again; an unknown name, a redefinition, a percentage on a level
and a share stated in 亿元 are refused with file, line and field.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.errors import UnknownName
from policykg.ingest.validate import validate_file
from policykg.schema.reference import indicators
from tests.cli import run_cli

GOOD = Path(__file__).parent / "data" / "shenzhen.yaml"
BASE = GOOD.read_text(encoding="utf-8")
CORE_SHARE = "cn-core-digital-industries-va-share-gdp"


@pytest.mark.parametrize("name", [
    CORE_SHARE, "数字经济核心产业增加值占GDP比重", "数字经济核心产业增加值占地区生产总值(GDP)比重",
    "数字经济核心产业增加值占地区生产总值（GDP）比重",  # fullwidth brackets, as on government pages
    "核心产业增加值占比", "Core digital-economy industries' value added as a share of GDP"])
def test_a_phrase_or_key_resolves_to_one_entry(name):
    entry = indicators().resolve(name)
    assert (entry.key, entry.kind, entry.unit, entry.share_of) == (CORE_SHARE, "share", "%", "GDP (地区生产总值 for a region)")
    assert "数字经济及其核心产业统计分类(2021)" in entry.definition


def test_level_and_share_are_two_entries_and_unknown_phrases_are_refused():
    level = indicators().resolve("数字经济核心产业增加值")
    assert (level.key, level.kind, level.unit) == ("cn-core-digital-industries-va", "level", "亿元")
    assert indicators().find("数字经济规模").key == "cn-digital-economy-va"
    assert indicators().find("不存在的指标") is None
    with pytest.raises(UnknownName, match="unknown indicator '数字经济核心产业占比'; closest: "):
        indicators().resolve("数字经济核心产业占比")


def test_no_name_names_two_entries_and_every_share_is_in_per_cent():
    catalogue = indicators()
    assert [name for name, keys in catalogue.lookup.by_name.items() if len(keys) > 1] == []
    shares = [i for i in catalogue.indicators.values() if i.kind == "share"]
    assert len(shares) == 8 and all(i.unit == "%" and i.share_of for i in shares)


def _check(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "record.yaml"
    path.write_text(text, encoding="utf-8")
    document, problems = validate_file(path)
    return [str(p).replace(str(tmp_path) + "/", "") for p in problems] if problems else document


def _line(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_a_record_names_a_catalogue_indicator_by_alias_without_defining_it(tmp_path):
    text = BASE.replace("    indicator: test-core-digital-va\n    value: 8446.6\n    unit: 亿元",
                        "    indicator: 数字经济核心产业增加值\n    value: 8446.6\n    unit: 亿元")
    document = _check(tmp_path, text)
    assert document.indicator_key("数字经济核心产业增加值") == "cn-core-digital-industries-va"
    assert document.indicator_key("test-core-digital-va") == "test-core-digital-va"  # its own key stays its own


def test_an_unknown_indicator_is_refused_with_the_closest_names(tmp_path):
    text = BASE.replace("    indicator: test-core-digital-va\n", "    indicator: 数字经济核心产业增值\n")
    [problem] = _check(tmp_path, text)
    assert problem.startswith(
        f"record.yaml:{_line(text, '    indicator: 数字经济核心产业增值')}: observations[0].indicator: '数字经济核心产业增值' "
        "is not defined in indicators of this document nor in the indicator catalogue; closest: 数字经济核心产业增加值, ")


def test_a_catalogue_indicator_is_not_redefined(tmp_path):
    text = BASE.replace("  - key: test-core-digital-va\n", "  - key: cn-core-digital-industries-va\n").replace(
        "    indicator: test-core-digital-va\n", "    indicator: cn-core-digital-industries-va\n")
    assert _check(tmp_path, text) == [
        f"record.yaml:{_line(text, '  - key: cn-core-digital-industries-va')}: indicators[0].key: indicator "
        "'cn-core-digital-industries-va' is in the indicator catalogue: refer to it by key or alias and delete "
        "this definition"]


def test_a_percentage_must_sit_on_a_share_and_a_share_must_be_in_per_cent(tmp_path):
    on_level = BASE.replace("    indicator: test-core-digital-va\n    value: 8446.6\n    unit: 亿元",
                            "    indicator: 数字经济增加值\n    value: 60.0\n    unit: \"%\"")
    assert _check(tmp_path, on_level) == [
        f"record.yaml:{_line(on_level, '    indicator: 数字经济增加值')}: observations[0].indicator: a percentage on "
        "'cn-digital-economy-va', which is a level: track the share indicator it is a percentage of "
        "(e.g. cn-digital-economy-va-share-gdp)"]
    share_in_yuan = BASE.replace("    indicator: test-core-digital-va\n", f"    indicator: {CORE_SHARE}\n")
    assert _check(tmp_path, share_in_yuan) == [
        f"record.yaml:{_line(share_in_yuan, '    value: 8446.6') + 1}: "
        f"observations[0].unit: '{CORE_SHARE}' is a share: give the value in per cent (unit: \"%\"), not '亿元'"]


def test_schema_indicators_lists_the_catalogue():
    result = run_cli("schema", "indicators", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.stdout)}
    assert len(rows) == len(indicators().indicators)
    assert rows[CORE_SHARE]["kind"] == "share" and "核心产业增加值占比" in rows[CORE_SHARE]["aliases_zh"]
