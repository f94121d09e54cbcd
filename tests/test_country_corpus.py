"""The country-wide records of the demo corpus (issue #28): valid, ingested cleanly, logged.

The records of data/documents that name a text of data/sources (`source_path`)
were made by `policykg extract` and reviewed with the review API; the review
log (data/review-log.csv) has one row per such record. The counts
asserted are the real ones of this corpus: change them with the corpus.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from policykg.graph.connection import read_rows
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.validate import validate_paths
from tests.conftest import DEMO_DOCUMENTS, wipe

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "data" / "review-log.csv"

#: Province-level regions that facts of the country records reach (directly or through a city in them).
COUNTRY_PROVINCES = 31
#: What the whole demo corpus reaches: the other 13 records add no province the country records miss.
ALL_PROVINCES = 31
#: The documents that state a policy link (IMPLEMENTS / SUPERSEDES) in the country records.
LINKED_TO_NATIONAL_PLAN = {"江西省", "上海市", "江苏省", "福建省", "山东省", "广东省", "鄂州市"}

FACT_REGIONS = """
    MATCH (f)-[:APPLIES_TO|OBSERVED_IN|LOCATED_IN]->(r:Region)
    WHERE (f:Target OR f:Observation OR f:Policy OR f:Measure OR f:Project)
      AND ($docs IS NULL OR EXISTS { MATCH (f)-[:SOURCED_FROM]->(d:SourceDocument) WHERE d.id IN $docs })
    MATCH (r)-[:PART_OF*0..3]->(p:Region {level: 'province'})
    RETURN count(DISTINCT p) AS n"""


def _log_rows() -> list[dict[str, str]]:
    with LOG.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _record(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


#: The pipeline-reviewed records: those made from a text of data/sources.
RECORDS = sorted(p for p in DEMO_DOCUMENTS.glob("*.yaml") if _record(p)["document"].get("source_path"))


@pytest.fixture(scope="module")
def country_graph(db):
    report = ingest_paths(db, [DEMO_DOCUMENTS])
    yield db, report
    wipe(db)


def test_every_country_record_validates_as_reviewed():
    documents = validate_paths([DEMO_DOCUMENTS], allow_drafts=False)
    assert len(documents) == 65 and len(RECORDS) == 52
    assert all(_record(p)["document"].get("reviewed_by") for p in RECORDS)


def test_the_review_log_has_one_row_per_record_with_its_source_and_address():
    rows = {Path(r["file"]).stem: r for r in _log_rows()}
    assert sorted(rows) == sorted(p.stem for p in RECORDS)
    for path in RECORDS:
        doc = _record(path)["document"]
        row = rows[path.stem]
        assert (doc["source_path"], doc["url"]) == (row["file"], row["source_url"])
        decided = int(row["accepted_unchanged"]) + int(row["edited"]) + int(row["rejected"])
        assert decided == int(row["facts_drafted"]) and float(row["review_minutes"]) > 0


def test_the_demo_corpus_ingests_cleanly_on_a_fresh_graph(country_graph):
    _, report = country_graph
    assert len(report.new) == 65 and report.changed == [] and report.conflicts == []
    stored = {r["id"] for r in read_rows(country_graph[0], "MATCH (d:SourceDocument) RETURN d.id AS id")}
    assert {p.stem for p in RECORDS} <= stored


def test_facts_reach_every_province_level_region(country_graph):
    db, _ = country_graph
    ids = [p.stem for p in RECORDS]
    assert read_rows(db, FACT_REGIONS, {"docs": ids})[0]["n"] == COUNTRY_PROVINCES
    assert read_rows(db, FACT_REGIONS, {"docs": None})[0]["n"] == ALL_PROVINCES


def test_the_regions_that_say_they_implement_the_national_plan(country_graph):
    db, _ = country_graph
    rows = read_rows(db, """
        MATCH (p:Policy)-[:IMPLEMENTS]->(:Policy {key: 'cn-14th-fyp-digital-economy-plan'})
        MATCH (p)-[:APPLIES_TO]->(r:Region)
        RETURN collect(DISTINCT r.name_zh) AS regions""")
    assert LINKED_TO_NATIONAL_PLAN <= set(rows[0]["regions"])


def test_the_successor_plans_supersede_their_predecessors(country_graph):
    db, _ = country_graph
    rows = read_rows(db, """
        MATCH (new:Policy)-[:SUPERSEDES]->(old:Policy)
        RETURN new.title_zh AS new, old.title_zh AS old ORDER BY new""")
    assert [(r["new"], r["old"]) for r in rows] == [
        ("数字辽宁发展规划(2.0版)", "数字辽宁发展规划(1.0版)"),
        ("重庆市数字经济“十四五”发展规划(2021—2025年)", "重庆市以大数据智能化为引领的创新驱动发展战略行动计划(2018—2020年)"),
    ]
