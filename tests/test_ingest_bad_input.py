"""A bad record file is refused with file, line and field, and nothing is written."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from policykg.ingest.reader import Loader
from tests.cli import run_cli
from tests.conftest import node_count, rel_count

GOOD = Path(__file__).parent / "data" / "shenzhen.yaml"
BASE = GOOD.read_text(encoding="utf-8")


def _line_of(text: str, fragment: str, after: str = "") -> int:
    return text[: text.index(fragment, text.index(after) if after else 0)].count("\n") + 1


def _swap(old: str, new: str) -> tuple[str, int]:
    assert old in BASE, old
    text = BASE.replace("id: test-shenzhen-brief", "id: test-shenzhen-bad").replace(old, new, 1)
    return text, _line_of(text, new.strip().splitlines()[0])


TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
DUPLICATE_TARGET = """targets:
  - key: test-sz-pilot-zone-goal
    name_zh: 重复
    name_en: Duplicate
    policy: test-sz-support-plan
    locator: "¶9"
"""
TWICE = BASE.replace("id: test-shenzhen-brief", "id: test-shenzhen-bad").replace("targets:\n", DUPLICATE_TARGET, 1)


def _second_line(text: str, fragment: str) -> int:
    return _line_of(text[text.index(fragment) + 1:], fragment) + _line_of(text, fragment) - 1


# libyaml (the C loader, used when PyYAML has it) and the pure-Python parser word it differently
UNCLOSED = "did not find expected ',' or ']'" if Loader is yaml.CSafeLoader else "expected ',' or ']', but got ':'"
CASES = {
    # the parser notices the missing ']' on the next line and names where the list began
    "malformed YAML": (_swap("regions: [深圳, 广东]", "regions: [深圳, 广东")[0], _line_of(BASE, "regions:") + 1,
                       f"malformed YAML: {UNCLOSED} (while parsing a flow sequence started at "
                       f"line {_line_of(BASE, 'regions:')})"),
    "wrong type": (*_swap("    value: 8446.6", "    value: \"八千亿\""), "observations[0].value: Input should be a valid number"),
    "unknown region": (*_swap("    region: Shenzhen", "    region: 火星市"), "policies[0].region: unknown region '火星市'"),
    "undefined key": (*_swap("    policy: test-sz-support-plan\n    value_text", "    policy: no-such-policy\n    value_text"),
                      "targets[0].policy: 'no-such-policy' is not defined in policies"),
    "key defined twice": (TWICE, _second_line(TWICE, "key: test-sz-pilot-zone-goal"),
                          "targets[1].key: key 'test-sz-pilot-zone-goal' is defined twice in targets"),
    "share above 100%": (*_swap("    share_pct: 30.5", "    share_pct: 130.5"), "observations[0].share_pct: Input should be less than or equal to 100"),
    "negative count": (*_swap("    count: 12", "    count: -3"), "projects[0].count: Input should be greater than or equal to 0"),
    "future publication date": (*_swap("  published: 2021-11-09", f"  published: {TOMORROW}"),
                                f"document.published: publication date {TOMORROW} is in the future"),
}


@pytest.fixture
def corpus(graph, neo4j_under_test, tmp_path):
    """A folder with one valid document, already ingested; returns the counts it left."""
    shutil.copy(GOOD, tmp_path / "good.yaml")
    first = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert first.exit_code == 0, first.output
    return tmp_path, (node_count(graph), rel_count(graph))


def _assert_refused(result, graph, counts, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert expected in result.output, result.output
    assert (node_count(graph), rel_count(graph)) == counts


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_record_is_refused_with_file_and_line(case, corpus, graph, neo4j_under_test):
    folder, counts = corpus
    text, line, message = CASES[case]
    bad = folder / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    _assert_refused(result, graph, counts, f"Error: {bad}:{line}: {message}")
    # validate reports the same problem without a database
    assert f"{bad}:{line}: {message}" in run_cli("validate", str(bad)).output


def test_non_utf8_file(corpus, graph, neo4j_under_test):
    folder, counts = corpus
    bad = folder / "gbk.yaml"
    bad.write_bytes(BASE.replace("id: test-shenzhen-brief", "id: gbk").replace("¶", "p").encode("gbk"))
    line = _line_of(BASE, "深圳数字经济简报")
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    _assert_refused(result, graph, counts, f"Error: {bad}:{line}: not UTF-8")


def test_empty_file(corpus, graph, neo4j_under_test):
    folder, counts = corpus
    bad = folder / "empty.yaml"
    bad.write_text("\n  \n", encoding="utf-8")
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    _assert_refused(result, graph, counts, f"Error: {bad}: file is empty")


def test_fifty_megabyte_file_is_refused_by_size(corpus, graph, neo4j_under_test):
    folder, counts = corpus
    bad = folder / "huge.yaml"
    with bad.open("wb") as handle:
        handle.truncate(50 * 1000 * 1000)
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    _assert_refused(result, graph, counts, f"Error: {bad}: file is 50.0 MB, above the 2 MiB limit")


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    text = BASE.replace("    count: 12", "    count: -3").replace("    share_pct: 30.5", "    share_pct: 130.5")
    (tmp_path / "two.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "empty.yaml").write_text("", encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("Error: ")]
    assert [e.split(": ", 2)[1] for e in errors] == [
        f"{tmp_path / 'empty.yaml'}", f"{tmp_path / 'two.yaml'}:{_line_of(text, 'count: -3')}",
        f"{tmp_path / 'two.yaml'}:{_line_of(text, 'share_pct: 130.5')}"]


def test_every_kind_of_problem_in_a_file_comes_in_one_report_by_line(tmp_path):
    """Schema, reference, theme and unit problems at once: fixing one never reveals another."""
    text = (BASE.replace("    count: 12", "    count: -3")  # schema: the project is refused
            .replace("themes: [digital-industries]", "themes: [digital-industriez]")  # vocabulary
            .replace("    policy: test-sz-support-plan\n    themes: [cross-border-data-flows]",
                     "    policy: test-sz-no-such-plan\n    themes: [cross-border-data-flows]")  # reference
            .replace("    indicator: test-core-digital-va", "    indicator: cn-core-digital-industries-va-share-gdp"))
    (tmp_path / "four.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", str(tmp_path / "four.yaml"))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    where = [line.split(": ", 3)[1:3] for line in lines[:-1]]
    assert where == [
        [f"{tmp_path / 'four.yaml'}:{_line_of(text, 'digital-industriez')}", "policies[0].themes[0]"],
        [f"{tmp_path / 'four.yaml'}:{_line_of(text, 'count: -3')}", "projects[0].count"],
        [f"{tmp_path / 'four.yaml'}:{_line_of(text, 'unit: 亿元', after='observations')}", "observations[0].unit"],
        [f"{tmp_path / 'four.yaml'}:{_line_of(text, 'test-sz-no-such-plan')}", "measures[0].policy"]]
    assert "'test-sz-no-such-plan' is not defined in policies" in lines[3]
    assert lines[-1] == "(4 problems in 1 file)"


def test_unknown_field_is_named(tmp_path):
    text = BASE.replace("    share_of: GDP", "    share_off: GDP")
    (tmp_path / "typo.yaml").write_text(text, encoding="utf-8")
    result = run_cli("validate", str(tmp_path / "typo.yaml"))
    assert result.exit_code == 1
    assert result.output.strip() == (f"Error: {tmp_path / 'typo.yaml'}:{_line_of(text, 'share_off')}: "
                                     "observations[0].share_off: unknown field (check its spelling against "
                                     "`policykg schema export`)")
