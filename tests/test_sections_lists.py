"""Every per-label list of the package follows the sections table (schema/sections.py).

A new kind of fact is a new row of the table; these tests fail when one of
the lists that must name it (the summary's counts, the analyses' facts, the
full-text indexes, the writer's per-label statements) leaves it out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.graph import cypher_build as build
from policykg.graph.constraints import ddl_statements
from policykg.ingest import statements, summary
from policykg.ingest.writer import key_params
from policykg.queries import analytics
from policykg.schema.sections import (
    FACT_LABELS,
    REGION_RELS,
    SECTIONS,
    STATED_RELS,
    THEMED_LABELS,
    THEMED_REGION_RELS,
    THEMED_SECTIONS,
)
from policykg.schema.vocabulary import Label, Rel

ROOT = Path(__file__).resolve().parent.parent


def test_the_themed_sections_are_the_four_that_address_themes():
    assert [s.name for s in THEMED_SECTIONS] == ["policies", "targets", "projects", "measures"]
    assert THEMED_REGION_RELS == (Rel.APPLIES_TO, Rel.LOCATED_IN)
    assert REGION_RELS == (Rel.APPLIES_TO, Rel.LOCATED_IN, Rel.OBSERVED_IN)
    assert FACT_LABELS == tuple(s.label for s in SECTIONS)


def test_the_summary_counts_every_themed_section_under_its_name():
    assert summary.COUNTED == {s.label: s.name for s in THEMED_SECTIONS}
    assert summary.PROPERTIES == ("policies", "targets", "projects", "measures", "facts", "own")
    for section in THEMED_SECTIONS:
        assert f"${section.label.value} AS k" in summary.CONTRIBUTIONS
        assert f"f:{section.label.value}" in summary.ALL_CONTRIBUTIONS
        assert f"c.{section.name} = coalesce(c.{section.name}, 0) + row.{section.name}" in summary.APPLY
        assert f"{section.name}: row.{section.name}" in summary.CREATE_CELLS
    for label in set(FACT_LABELS) - set(THEMED_LABELS):
        assert f"f:{label.value}" not in summary.ALL_CONTRIBUTIONS
    assert "[:APPLIES_TO|LOCATED_IN]->(r:Region)" in summary.CONTRIBUTIONS


def test_the_analyses_read_every_themed_section():
    assert set(analytics.FACT_LABELS) == {label.value for label in THEMED_LABELS}
    assert set(analytics.REGION_LINKS) == {rel.value for rel in THEMED_REGION_RELS}


def _fulltext_labels() -> dict[str, set[str]]:
    found = {}
    for statement in ddl_statements():
        match = re.search(r"CREATE FULLTEXT INDEX (\w+) .*?FOR \(n:([\w|]+)\)", statement, re.DOTALL)
        if match:
            found[match.group(1)] = set(match.group(2).split("|"))
    return found


def test_the_full_text_indexes_cover_every_fact_label():
    indexes = _fulltext_labels()
    assert sorted(indexes) == ["search_cjk", "search_en"]
    every = {label.value for label in FACT_LABELS} | {"Region", "Theme", "SourceDocument"}
    for name, labels in indexes.items():
        assert every - labels == set(), name
        assert labels <= {label.value for label in Label}


def test_the_writer_lists_every_fact_label():
    assert set(key_params({})) == {label.value for label in FACT_LABELS}
    for label in FACT_LABELS:
        for text in (statements.RECOMPUTE_FACTS, statements.FACT_VALUES, statements.DISAGREEING):
            assert f"${label.value} AS k MATCH (n:{label.value} {{key: k}})" in text
    link_rels = {link.rel.value for s in SECTIONS for link in s.links} | {rel.value for rel in STATED_RELS}
    assert statements.LINK_TYPES.split("|") == sorted(link_rels)


def test_the_builder_takes_only_vocabulary_members():
    assert build.node("n", Label.POLICY, "row.key") == "n:Policy {key: row.key}"
    assert build.node("", Label.REGION) == ":Region"
    assert build.rel_types([Rel.LOCATED_IN, Rel.APPLIES_TO]) == "APPLIES_TO|LOCATED_IN"
    assert build.has_any_label("f", [Label.POLICY, Label.MEASURE]) == "f:Policy OR f:Measure"
    with pytest.raises(TypeError):
        build.label("Policy) DETACH DELETE (x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        build.rel("PART_OF")  # type: ignore[arg-type]


def test_the_architecture_note_lists_the_files_a_new_fact_touches():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("**A new kind of fact**", 1)[1].split("**A new canned question**", 1)[0]
    for path in ("schema/models.py", "schema/sections.py", "schema/vocabulary.py", "schema/constraints.cypher"):
        assert path in section, path
