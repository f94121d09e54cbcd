"""`policykg schema show`: every label with its key, every relationship type with its ends."""

from __future__ import annotations

from policykg.schema.describe import model_rows
from policykg.schema.vocabulary import NATURAL_KEYS, Label, Rel
from tests.cli import run_cli


def test_rows_cover_the_vocabulary():
    nodes, rels = model_rows()
    assert [(n["label"], n["key"]) for n in nodes] == [(label.value, NATURAL_KEYS[label]) for label in Label]
    assert [r["type"] for r in rels] == [rel.value for rel in Rel]
    observation = next(n for n in nodes if n["label"] == "Observation")["properties"].split(", ")
    assert "name_zh" in observation and "region" not in observation and "locator" not in observation


def test_show_prints_every_label_and_type():
    result = run_cli("schema", "show", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    starts = {line.split(" ", 1)[0] for line in result.output.splitlines()}
    for name in [label.value for label in Label] + [rel.value for rel in Rel]:
        assert name in starts, name
