"""A fact stated by several documents: no document's value erased, conflicts warned, retraction restores.

The rule (docs/graph-model.md, "Facts several documents state"): each
document's values live on its SOURCED_FROM relationship; the node shows, per
field, the value of the latest-published document that gives one; a missing
field erases nothing; retracting a document recomputes the node from the
documents left; `changes` describes the graph, not one document's statements.
"""

from __future__ import annotations

import json
from pathlib import Path

from policykg.graph.connection import read_rows, write
from policykg.ingest.pipeline import ingest_paths
from tests.cli import run_cli

SEED = (Path(__file__).parent / "data" / "shenzhen.yaml").read_text(encoding="utf-8")
INDICATOR = """indicators:
  - key: test-core-digital-va
    name_zh: 数字经济核心产业增加值
    name_en: Value added of core digital-economy industries
    unit: 亿元
    locator: "¶1"
"""
assert INDICATOR in SEED


def _other(doc_id: str, published: str, indicator: str) -> str:
    """A second document that states only the seed's indicator, its own way."""
    return (f"document:\n  id: {doc_id}\n  title_en: Another brief\n  published: {published}\n  language: zh\n"
            + indicator)


WITHOUT_UNIT = INDICATOR.replace("    unit: 亿元\n", "").replace("¶1", "¶7")
OTHER_UNIT = INDICATOR.replace("unit: 亿元", "unit: 万元").replace("¶1", "¶2")


def _unit(graph) -> list[dict]:
    return read_rows(graph, "MATCH (i:Indicator {key: 'test-core-digital-va'}) RETURN i.unit AS unit, "
                     "i.name_en AS name_en, i.locator AS locator")


def _changes(neo4j_under_test) -> list[tuple]:
    rows = json.loads(run_cli("changes", "--format", "json", env=neo4j_under_test.env).output)
    return sorted((r["change"], r["key"], r.get("field"), r.get("old"), r.get("new")) for r in rows)


def test_a_missing_field_erases_nothing_and_prune_restores(graph, neo4j_under_test, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    (tmp_path / "later.yaml").write_text(_other("test-later", "2022-03-01", WITHOUT_UNIT), encoding="utf-8")
    first = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert first.exit_code == 0, first.output
    assert "Warning" not in first.output  # saying less is not disagreeing
    assert _unit(graph) == [{"unit": "亿元", "name_en": "Value added of core digital-economy industries",
                             "locator": None}]
    # each document's statement is kept on its own SOURCED_FROM
    assert read_rows(graph, "MATCH (:Indicator {key: 'test-core-digital-va'})-[s:SOURCED_FROM]->(d) "
                     "RETURN d.id AS doc, s.locator AS locator, s.unit AS unit ORDER BY doc") == [
        {"doc": "test-later", "locator": "¶7", "unit": None},
        {"doc": "test-shenzhen-brief", "locator": "¶1", "unit": "亿元"}]

    (tmp_path / "later.yaml").unlink()
    pruned = run_cli("ingest", "--prune", str(tmp_path), env=neo4j_under_test.env)
    assert "1 removed" in pruned.output, pruned.output
    assert _unit(graph)[0]["unit"] == "亿元"
    assert _changes(neo4j_under_test) == []  # the indicator is still stated, with the same values
    again = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert "0 new, 0 changed, 1 unchanged" in again.output
    assert _unit(graph)[0]["unit"] == "亿元"


def test_a_conflict_is_warned_the_later_document_wins_and_retraction_restores(graph, neo4j_under_test, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(_other("test-other", "2022-03-01", OTHER_UNIT), encoding="utf-8")
    warning = ("Warning: Indicator test-core-digital-va: unit is '万元' in test-other but '亿元' in "
               "test-shenzhen-brief; the graph shows test-other's (published later)")

    checked = run_cli("validate", str(tmp_path))
    assert checked.exit_code == 0
    assert warning in checked.output  # other.yaml sorts first

    # written one at a time, in the order that would make a last-writer-wins graph show the seed's unit
    ingest_paths(graph, [other])
    second = run_cli("ingest", str(tmp_path / "seed.yaml"), env=neo4j_under_test.env)
    assert second.exit_code == 0, second.output
    assert ("Warning: Indicator test-core-digital-va: unit is '亿元' in test-shenzhen-brief but '万元' in "
            "test-other; the graph shows test-other's (published later)") in second.output
    assert _unit(graph)[0]["unit"] == "万元"
    # the indicator existed already: adding the seed changed none of its values, so it is not reported
    assert [c for c in _changes(neo4j_under_test) if c[1] == "test-core-digital-va"] == []

    other.unlink()
    pruned = run_cli("ingest", "--prune", str(tmp_path), env=neo4j_under_test.env)
    assert pruned.exit_code == 0, pruned.output
    assert _unit(graph)[0]["unit"] == "亿元"
    assert _changes(neo4j_under_test) == [("changed", "test-core-digital-va", "unit", "万元", "亿元")]

    other.write_text(_other("test-other", "2022-03-01", OTHER_UNIT), encoding="utf-8")
    back = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert warning in back.output
    assert _changes(neo4j_under_test) == [("changed", "test-core-digital-va", "unit", "亿元", "万元")]


def test_changes_report_a_shared_fact_removed_only_when_no_document_states_it(graph, neo4j_under_test, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    # the second document states the seed's organization, indicator, policy and measure (same keys, same values)
    second = SEED.replace("id: test-shenzhen-brief", "id: test-shenzhen-second")
    second = second[: second.index("targets:")] + second[second.index("measures:"):]
    (tmp_path / "second.yaml").write_text(second, encoding="utf-8")
    ingest_paths(graph, [tmp_path])

    (tmp_path / "seed.yaml").unlink()
    pruned = run_cli("ingest", "--prune", str(tmp_path), env=neo4j_under_test.env)
    assert pruned.exit_code == 0, pruned.output
    assert _changes(neo4j_under_test) == [
        ("removed", "test-sz-core-digital-va-2020", None, None, None),
        ("removed", "test-sz-pilot-zone-goal", None, None, None),
        ("removed", "test-sz-projects", None, None, None)]

    # a changed document: only its real value change is reported, not its shared facts
    (tmp_path / "second.yaml").write_text(second.replace("name_en: Monitor data leaving and entering the city",
                                                         "name_en: Monitor cross-border data"), encoding="utf-8")
    changed = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert "0 new, 1 changed" in changed.output
    assert _changes(neo4j_under_test) == [("changed", "test-sz-data-monitoring", "name_en",
                                           "Monitor data leaving and entering the city", "Monitor cross-border data")]


def test_a_later_document_is_compared_with_every_stored_one_and_warned_only_about_those_that_differ(graph, tmp_path):
    # FACT_STATE filters the stored statements on the server: those that agree never reach Python
    for name, published, indicator in (("seed", None, None), ("same", "2021-05-01", INDICATOR),
                                       ("other", "2022-03-01", OTHER_UNIT)):
        text = SEED if indicator is None else _other(f"test-{name}", published, indicator)
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
        ingest_paths(graph, [tmp_path / f"{name}.yaml"])
    (tmp_path / "late.yaml").write_text(_other("test-late", "2023-01-01", INDICATOR.replace("¶1", "¶9")),
                                        encoding="utf-8")
    report = ingest_paths(graph, [tmp_path / "late.yaml"])
    assert report.conflicts == [
        "Indicator test-core-digital-va: unit is '亿元' in test-late but '万元' in test-other; "
        "the graph shows test-late's (published later)"]
    assert _unit(graph)[0]["unit"] == "亿元"
    assert read_rows(graph, "MATCH (:Indicator {key: 'test-core-digital-va'})-[:SOURCED_FROM]->(d) "
                     "RETURN count(d) AS n") == [{"n": 4}]


def _disputed(graph) -> list[dict]:
    return read_rows(graph, "MATCH (i:Indicator {key: 'test-core-digital-va'}) RETURN i.disputed AS disputed, "
                     "i.unit AS unit")


def _write(tmp_path: Path, name: str, published: str, indicator: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(_other(f"test-{name}", published, indicator), encoding="utf-8")
    return path


def test_the_node_names_its_disputed_fields_and_loses_the_mark_when_the_dissent_goes(graph, neo4j_under_test,
                                                                                     tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    _write(tmp_path, "same", "2021-05-01", INDICATOR.replace("¶1", "¶3"))
    ingest_paths(graph, [tmp_path])
    assert _disputed(graph) == [{"disputed": None, "unit": "亿元"}]
    other = _write(tmp_path, "other", "2022-03-01", OTHER_UNIT)
    ingest_paths(graph, [tmp_path])
    assert _disputed(graph) == [{"disputed": ["unit"], "unit": "万元"}]
    # the mark is bookkeeping of the graph's own: a run's changes name the value, not the mark
    assert _changes(neo4j_under_test) == [("changed", "test-core-digital-va", "unit", "亿元", "万元")]
    other.unlink()
    ingest_paths(graph, [tmp_path], prune=True)
    assert _disputed(graph) == [{"disputed": None, "unit": "亿元"}]


def test_a_document_that_agrees_with_the_shown_value_still_hears_of_an_older_one_that_differs(graph, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")  # 亿元; the seed was published in 2021
    ingest_paths(graph, [tmp_path / "seed.yaml", _write(tmp_path, "other", "2022-03-01", OTHER_UNIT)])
    report = ingest_paths(graph, [_write(tmp_path, "late", "2023-01-01", OTHER_UNIT.replace("¶2", "¶9"))])
    assert report.conflicts == [
        "Indicator test-core-digital-va: unit is '万元' in test-late but '亿元' in test-shenzhen-brief; "
        "the graph shows test-late's (published later)"]
    assert _disputed(graph) == [{"disputed": ["unit"], "unit": "万元"}]


def test_only_disputed_or_retracted_facts_are_recomputed(graph, tmp_path, monkeypatch):
    from policykg.ingest import shared_facts

    recomputed: list[set[str]] = []
    real = shared_facts.write_documents

    def recording(tx, items, recompute=None):
        recomputed.append({key for keys in (recompute or {}).values() for key in keys})
        return real(tx, items, recompute)

    monkeypatch.setattr(shared_facts, "write_documents", recording)
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    ingest_paths(graph, [tmp_path / "seed.yaml"])
    ingest_paths(graph, [_write(tmp_path, "same", "2021-05-01", INDICATOR.replace("¶1", "¶3"))])
    ingest_paths(graph, [_write(tmp_path, "other", "2022-03-01", OTHER_UNIT)])
    assert recomputed == [set(), set(), {"test-core-digital-va"}]
    assert read_rows(graph, "MATCH (:Indicator {key: 'test-core-digital-va'})-[:SOURCED_FROM]->(d) "
                     "RETURN count(d) AS n") == [{"n": 3}]


def test_a_graph_an_older_version_wrote_gets_its_disputes_marked_once(graph, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    ingest_paths(graph, [tmp_path / "seed.yaml", _write(tmp_path, "other", "2022-03-01", OTHER_UNIT)])
    # what an older version left: no marks, and no run that kept them
    write(graph, lambda tx: tx.run("MATCH (n) WHERE n.disputed IS NOT NULL REMOVE n.disputed").consume())
    write(graph, lambda tx: tx.run("MATCH (r:IngestRun) REMOVE r.disputes_kept").consume())
    assert _disputed(graph) == [{"disputed": None, "unit": "万元"}]
    report = ingest_paths(graph, [_write(tmp_path, "late", "2023-01-01", OTHER_UNIT.replace("¶2", "¶9"))])
    assert report.conflicts == [
        "Indicator test-core-digital-va: unit is '万元' in test-late but '亿元' in test-shenzhen-brief; "
        "the graph shows test-late's (published later)"]
    assert _disputed(graph) == [{"disputed": ["unit"], "unit": "万元"}]
    assert read_rows(graph, "MATCH (r:IngestRun) WHERE r.disputes_kept RETURN count(r) AS n") == [{"n": 1}]


def test_a_changed_document_that_says_less_takes_its_value_away_unless_another_gives_it(graph, neo4j_under_test,
                                                                                       tmp_path):
    one = _write(tmp_path, "one", "2021-05-01", INDICATOR)
    _write(tmp_path, "two", "2022-03-01", WITHOUT_UNIT)
    ingest_paths(graph, [tmp_path])
    assert _disputed(graph) == [{"disputed": None, "unit": "亿元"}]
    _write(tmp_path, "one", "2021-05-01", WITHOUT_UNIT.replace("¶7", "¶1"))  # no document gives a unit now
    ingest_paths(graph, [tmp_path])
    assert _disputed(graph) == [{"disputed": None, "unit": None}]
    assert _changes(neo4j_under_test) == [("changed", "test-core-digital-va", "unit", "亿元", None)]
    one.write_text(_other("test-one", "2021-05-01", INDICATOR), encoding="utf-8")
    _write(tmp_path, "three", "2020-01-01", INDICATOR.replace("¶1", "¶5"))  # an older one gives it too
    ingest_paths(graph, [tmp_path])
    _write(tmp_path, "one", "2021-05-01", WITHOUT_UNIT.replace("¶7", "¶1"))
    ingest_paths(graph, [tmp_path])
    assert _disputed(graph) == [{"disputed": None, "unit": "亿元"}]
    assert _changes(neo4j_under_test) == []


def test_no_record_field_is_named_like_the_dispute_mark():
    from policykg.schema.sections import DISPUTED_FIELD, SECTIONS

    fields = {name for section in SECTIONS for name in section.model.model_fields}
    assert "unit" in fields and DISPUTED_FIELD not in fields


def test_a_document_without_a_date_is_stored_undated_and_counts_as_the_oldest(graph, neo4j_under_test, tmp_path):
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    undated = _other("test-undated", "2022-03-01", OTHER_UNIT).replace("  published: 2022-03-01\n", "")
    assert "published" not in undated
    (tmp_path / "undated.yaml").write_text(undated, encoding="utf-8")
    done = run_cli("ingest", str(tmp_path), env=neo4j_under_test.env)
    assert done.exit_code == 0, done.output
    assert ("unit is '亿元' in test-shenzhen-brief but '万元' in test-undated; the graph shows "
            "test-shenzhen-brief's (published later)") in done.output
    assert read_rows(graph, "MATCH (d:SourceDocument {id: 'test-undated'}) RETURN d.published AS published") == [
        {"published": None}]
    assert _unit(graph)[0]["unit"] == "亿元"  # the dated document's statement wins
