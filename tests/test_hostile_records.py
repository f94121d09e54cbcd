"""Hostile record files: each kind is refused with one located Error line, exit 1, nothing written.

The kinds come from probing the reader: impossible calendar dates, YAML alias
bombs and self-referencing aliases, nesting far deeper than a record needs,
integers beyond int64, inf and nan, tags that build Python objects or cannot
be built at all. Each once crashed the reader with a traceback (or ran out of
memory) or reached the driver; now `validate` and `ingest` name file, line
and field, and the watcher logs the file and goes on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policykg.ingest import reader
from policykg.ingest.validate import validate_file
from policykg.ingest.watch import watch
from tests.cli import run_cli
from tests.conftest import node_count, rel_count
from tests.test_ingest_bad_input import corpus  # noqa: F401,F811  (one valid document, already ingested)

GOOD = Path(__file__).parent / "data" / "shenzhen.yaml"
BASE = GOOD.read_text(encoding="utf-8").replace("id: test-shenzhen-brief", "id: test-shenzhen-hostile")

LAUGHS = "lol-bomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))


def _swap(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def _append(text: str) -> str:
    return BASE + text


# kind: (file text, text on the reported line, field, message)
CASES: dict[str, tuple[str, str, str, str]] = {
    "date: February 30": (_swap("published: 2021-11-09", "published: 2021-02-30"), "published: 2021-02-30",
                          "document.published", "'2021-02-30' is not a real calendar date (day is out of range for month)"),
    "date: month 13": (_swap("published: 2021-11-09", "published: 2021-13-45"), "published: 2021-13-45",
                       "document.published", "'2021-13-45' is not a real calendar date (month must be in 1..12)"),
    "date: impossible hour": (_swap("published: 2021-11-09", "published: 2021-11-09T25:00:00"), "published: 2021",
                              "document.published", "is not a real calendar date (hour must be in 0..23)"),
    "date: in a partial-date field": (_swap("    kind: support_scheme\n", "    kind: support_scheme\n    issued: 2021-02-29\n"),
                                      "issued: 2021-02-29", "policies[0].issued", "'2021-02-29' is not a real calendar date"),
    "alias bomb (billion laughs)": (_append(LAUGHS), "  b: &b", "lol-bomb.b[0]",
                                    "YAML aliases (*name) are not allowed in a record"),
    "self-referencing alias": (_swap("regions: [深圳, 广东]", "regions: &r [深圳, *r]"), "regions: &r",
                               "regions[1]", "YAML aliases (*name) are not allowed in a record"),
    "alias in a merge key": (_swap("    region: 深圳市\n", "    region: 深圳市\n    <<: *r\n").replace(
        "regions: [深圳, 广东]", "regions: &r [深圳, 广东]"), "    <<: *r", "organizations[0].<<",
        "YAML aliases (*name) are not allowed in a record"),
    "20,000-deep flow nesting": (_append("deep: " + "[" * 20000 + "]" * 20000 + "\n"), "deep: [[[", "",
                                 "malformed YAML: exceeded maximum nesting depth"),
    "20,000-deep block nesting": (_append("deep:\n  " + "- " * 20000 + "x\n"), "  - - - -", "",
                                  "malformed YAML: exceeded maximum nesting depth"),
    "100-deep nesting": (_swap("regions: [深圳, 广东]", "regions: " + "[" * 100 + "]" * 100), "regions: [[[",
                         "regions" + "[0]" * 16, "nested deeper than 16 levels"),
    "count above int64": (_swap("    count: 12", "    count: 9223372036854775808"), "count: 9223372036854775808",
                          "projects[0].count", "Input should be less than or equal to 9223372036854775807"),
    "section_count above int64": (_swap("    kind: support_scheme\n", "    kind: support_scheme\n    section_count: "
                                        "99999999999999999999\n"), "section_count: 9", "policies[0].section_count",
                                  "Input should be less than or equal to 9223372036854775807"),
    "measure_count above int64": (_swap("    kind: support_scheme\n", "    kind: support_scheme\n    measure_count: "
                                        + "9" * 300 + "\n"), "measure_count: 9", "policies[0].measure_count",
                                  "Input should be less than or equal to 9223372036854775807 (got 999999999"),
    "integer too long to read": (_swap("    count: 12", "    count: " + "7" * 5000), "count: 777", "projects[0].count",
                                 "is not a valid int (Exceeds the limit"),
    "value .inf": (_swap("    value: 8446.6", "    value: .inf"), "value: .inf", "observations[0].value",
                   "Input should be a finite number"),
    "value .nan": (_swap("    value: 8446.6", "    value: .nan"), "value: .nan", "observations[0].value",
                   "Input should be a finite number"),
    "value 1.0e+999 (inf)": (_swap("    value: 8446.6", "    value: 1.0e+999"), "value: 1.0e+999",
                            "observations[0].value", "Input should be a finite number"),
    "yoy_change_pct -.inf": (_swap("    share_pct: 30.5", "    share_pct: 30.5\n    yoy_change_pct: -.inf"),
                             "yoy_change_pct", "observations[0].yoy_change_pct", "Input should be a finite number"),
    "share_pct .nan": (_swap("    share_pct: 30.5", "    share_pct: .nan"), "share_pct: .nan",
                       "observations[0].share_pct", "Input should be a finite number"),
    "target value .inf": (_swap("    value_text: pilot zone status", "    value: .inf"), "value: .inf",
                          "targets[0].value", "Input should be a finite number"),
    "python object tag": (_swap("  language: zh", "  language: !!python/object/apply:os.system [echo pwned]"),
                          "language: !!python", "", "malformed YAML: could not determine a constructor for the tag"),
    "unknown local tag": (_swap("  language: zh", "  language: !shell zh"), "language: !shell", "",
                          "malformed YAML: could not determine a constructor for the tag '!shell'"),
    "int tag on text": (_swap("    count: 12", "    count: !!int twelve"), "count: !!int", "projects[0].count",
                        "'twelve' is not a valid int"),
    "float tag on text": (_swap("    value: 8446.6", "    value: !!float lots"), "value: !!float",
                          "observations[0].value", "'lots' is not a valid float"),
    "binary tag on a name": (_swap("    name_en: Demonstration projects", "    name_en: !!binary aGVsbG8="),
                             "name_en: !!binary", "projects[0].name_en", "Input should be a valid string"),
    "set tag on a list": (_swap("    themes: [digital-industries]", "    themes: !!set {digital-industries}"),
                          "themes: !!set", "policies[0].themes", "Input should be a valid list"),
    "mapping as a field name": (_append("? [a, b]\n: c\n"), "? [a, b]", "",
                                "a field name must be plain text (no alias, list or mapping)"),
    "float for a count": (_swap("    count: 12", "    count: 12.5"), "count: 12.5", "projects[0].count",
                          "Input should be a valid integer"),
    "200,000-character name": (_swap("    name_en: Demonstration projects", "    name_en: " + "x" * 200_000),
                               "name_en: xxx", "projects[0].name_en",
                               "String should have at most 2000 characters (got 'xxxxxxxx"),
    "control character": (_swap("    name_en: Demonstration projects", "    name_en: Demo\x07projects"),
                          "name_en: Demo", "", "malformed YAML: unacceptable character #x0007: control characters are not allowed"),
}


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture(scope="module")
def tried() -> dict[str, int]:
    """Totals over the module, printed at its end: tried / refused / wrote anything."""
    totals = {"tried": 0, "refused": 0, "wrote": 0}
    yield totals
    print(f"\nhostile records: {totals['tried']} tried, {totals['refused']} refused, "
          f"{totals['wrote']} wrote anything")


@pytest.mark.parametrize("kind", CASES, ids=list(CASES))
def test_hostile_record_is_refused_with_one_located_line(kind, corpus, graph, neo4j_under_test, tried):  # noqa: F811 (the imported fixture)
    folder, counts = corpus
    text, on_line, field, message = CASES[kind]
    bad = folder / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    where = f"{bad}:{_line_of(text, on_line)}:" + (f" {field}:" if field else "")
    tried["tried"] += 1

    checked = run_cli("validate", str(bad))
    result = run_cli("ingest", str(folder), env=neo4j_under_test.env)
    wrote = (node_count(graph), rel_count(graph)) != counts
    outputs = [r.output.strip().splitlines() for r in (checked, result)]
    refused = all(r.exit_code == 1 for r in (checked, result)) and all(
        len(lines) == 1 and lines[0].startswith(f"Error: {where} ") and message in lines[0] and len(lines[0]) < 600
        for lines in outputs)
    tried["refused"] += refused
    tried["wrote"] += wrote
    assert refused, [line[:500] for lines in outputs for line in lines[:3]]
    assert not wrote


def test_the_watcher_logs_hostile_files_and_goes_on(settings, graph, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("date: February 30", "alias bomb (billion laughs)", "20,000-deep flow nesting", "count above int64"):
        (folder / f"{len(list(folder.iterdir()))}.yaml").write_text(CASES[name][0].replace(
            "test-shenzhen-hostile", f"test-hostile-{len(list(folder.iterdir()))}"), encoding="utf-8")
    log: list[str] = []
    assert watch(settings, [folder], interval=1, runs=2, log=log.append, sleep=lambda s: None) == 2
    assert len(log) == 2
    for line in log:
        assert "ingest refused, nothing written" in line
        assert f"0.yaml:{_line_of(BASE, 'published')}: document.published: '2021-02-30' is not a real calendar date" in line
        assert "1.yaml:" in line and "lol-bomb.b[0]: YAML aliases" in line
        assert "2.yaml:" in line and "exceeded maximum nesting depth" in line
        assert "3.yaml:" in line and "projects[0].count: Input should be less than or equal to" in line
    assert node_count(graph) == 0


#: The pure-Python parser words these differently (and recurses, so deep nesting has no line).
PYTHON_WORDING = {"20,000-deep flow nesting": "malformed YAML: nested deeper than 16 levels",
                  "20,000-deep block nesting": "malformed YAML: nested deeper than 16 levels",
                  "control character": "malformed YAML: unacceptable character #x0007: special characters"}


@pytest.mark.parametrize("kind", CASES, ids=list(CASES))
def test_the_pure_python_loader_refuses_the_same(kind, tmp_path, monkeypatch):
    """Without libyaml, PyYAML's own loader is used; it must refuse every kind as well, without a traceback."""
    monkeypatch.setattr(reader, "Loader", yaml.SafeLoader)
    text, on_line, field, message = CASES[kind]
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    document, problems = validate_file(bad)
    assert document is None
    assert len(problems) == 1
    assert PYTHON_WORDING.get(kind, message) in str(problems[0])
    if kind not in PYTHON_WORDING or kind == "control character":
        assert (problems[0].line, problems[0].field) == (_line_of(text, on_line), field)
