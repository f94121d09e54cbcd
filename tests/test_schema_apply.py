"""`policykg schema apply`: one uniqueness constraint per natural key, idempotent."""

from __future__ import annotations

import re

from policykg.graph.constraints import (
    apply_schema,
    constraints,
    ddl_statements,
    indexes,
)
from policykg.schema.vocabulary import NATURAL_KEYS, Label
from tests.cli import run_cli


def test_ddl_names_only_labels_of_the_vocabulary():
    labels = set()
    for statement in ddl_statements():
        for group in re.findall(r"\(n:([A-Za-z|]+)\)", statement):
            labels.update(group.split("|"))
    assert labels <= {label.value for label in Label}
    assert {label.value for label in NATURAL_KEYS} <= labels


def test_apply_twice_leaves_the_same_schema(db, neo4j_under_test):
    first = run_cli("schema", "apply", env=neo4j_under_test.env)
    assert first.exit_code == 0, first.output
    after_first = constraints(db), indexes(db)
    assert apply_schema(db) == len(ddl_statements())
    after_second = constraints(db), indexes(db)
    assert after_first == after_second

    unique = {(c["labelsOrTypes"][0], tuple(c["properties"])) for c in after_second[0] if c["type"] == "UNIQUENESS"}
    assert unique == {(label.value, (key,)) for label, key in NATURAL_KEYS.items()}
    fulltext = [i for i in after_second[1] if i["type"] == "FULLTEXT"]
    assert [i["name"] for i in fulltext] == ["search_cjk", "search_en"]
    assert {"name_zh", "name_en", "title_zh", "title_en", "summary_en", "note_en"} <= set(fulltext[0]["properties"])
    assert {"name_en", "title_en", "summary_en", "description_en", "note_en"} <= set(fulltext[1]["properties"])
