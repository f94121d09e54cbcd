"""The record reader builds the same Python values PyYAML's safe loader builds, in one walk of the node tree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from policykg.ingest.reader import Loader, ReadFailed, read_record
from tests.conftest import DEMO_DOCUMENTS

RECORDS = sorted(DEMO_DOCUMENTS.glob("*.yaml")) + sorted((Path(__file__).parent / "data").glob("*.yaml"))

#: YAML a record never needs but a file may hold: each is built exactly as PyYAML builds it.
ODD = {
    "set": ("a: !!set {x, y}\n", {"a": {"x", "y"}}),
    "omap": ("a: !!omap [x: 1, y: 2]\n", {"a": [("x", 1), ("y", 2)]}),
    "merge key": ("a:\n  <<: {b: 1}\n  c: 2\n", {"a": {"b": 1, "c": 2}}),
    "non-text keys": ("3: a\ntrue: b\n2021-01-02: c\n", {3: "a", True: "b", dt.date(2021, 1, 2): "c"}),
    "scalars": ("a: .inf\nb: 1_000\nc: 0x1F\nd: ~\ne: ''\nf: !!str 12\ng: !!binary aGk=\n",
                {"a": float("inf"), "b": 1000, "c": 31, "d": None, "e": "", "f": "12", "g": b"hi"}),
    "nesting": ("a: [1, [2, {b: [c, {d: e}]}]]\nf: {}\ng: []\n", {"a": [1, [2, {"b": ["c", {"d": "e"}]}]], "f": {},
                                                                   "g": []}),
    "top-level list": ("- a\n- b: 2021-02-03 10:00:00\n", ["a", {"b": dt.datetime(2021, 2, 3, 10, 0)}]),
}


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_a_record_reads_as_pyyaml_loads_it(path: Path):
    text = path.read_text(encoding="utf-8")
    raw = read_record(path)
    assert raw.data == yaml.load(text, Loader=Loader)
    assert list(raw.data) == list(yaml.load(text, Loader=Loader))  # the file's order of sections


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_yaml_reads_as_pyyaml_loads_it(tmp_path: Path, name: str):
    text, expected = ODD[name]
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    data = read_record(path).data
    assert data == expected == yaml.load(text, Loader=Loader)
    assert [type(v) for v in _leaves(data)] == [type(v) for v in _leaves(expected)]


@pytest.mark.parametrize("text", ["b:\n  2021-02-30: y\n", "a: !!set {x}\nb:\n  2021-02-30: y\n"],
                         ids=["plain", "after a tagged collection"])
def test_a_key_that_cannot_be_built_is_a_located_problem(tmp_path: Path, text: str):
    path = tmp_path / "key.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadFailed) as refused:
        read_record(path)
    assert str(refused.value.problem).endswith("b.2021-02-30: '2021-02-30' is not a real calendar date "
                                               "(day is out of range for month)")
    assert refused.value.problem.line == len(text.splitlines())  # the key's own line, the last


def test_every_field_keeps_its_line(tmp_path: Path):
    path = tmp_path / "lines.yaml"
    path.write_text("document:\n  id: x\ntargets:\n- key: t\n  value: 3\n", encoding="utf-8")
    raw = read_record(path)
    assert raw.lines[("targets", 0, "value")] == 5
    assert raw.line_of(("targets", 0, "missing")) == 4


def _leaves(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    else:
        yield value
