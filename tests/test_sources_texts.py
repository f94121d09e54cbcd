"""data/sources: the texts waiting for review keep their header block, cover every province-level region, and
say in their own words what their `implements` header claims (no Neo4j needed)."""

import importlib.util
import re
from pathlib import Path

from policykg.ingest.extract import pipeline

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
_spec = importlib.util.spec_from_file_location("sources_coverage", SOURCES / "coverage.py")
coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)
TEXTS = sorted(SOURCES.glob("*.txt"))


def test_every_text_has_a_complete_header_and_a_date_the_extractor_reads():
    assert len(TEXTS) >= 50
    for path in TEXTS:
        head = coverage.header(path)
        assert {"url", "title", "region", "kind"} <= head.keys(), path.name
        assert re.fullmatch(r"https?://\S+", head["url"]), path.name
        assert head["region"] in coverage.PROVINCES, path.name
        if "published" in head:
            assert pipeline._parse_date(head["published"]) is not None, path.name
        meta, _ = pipeline.front_matter(path.read_text(encoding="utf-8"))
        assert meta["url"] == head["url"], path.name


def test_the_texts_cover_all_31_province_level_regions():
    regions = {coverage.header(path)["region"] for path in TEXTS}
    assert len(coverage.PROVINCES) == 31
    assert set(coverage.PROVINCES) - regions == set()


def test_an_implements_header_names_a_plan_the_text_itself_cites_after_an_implementing_verb():
    verb = re.compile(r"(贯彻|落实|根据|依据)[^。]{0,40}《?“十四五”数字经济发展规划")
    national = [p for p in TEXTS if "《“十四五”数字经济发展规划》" in coverage.header(p).get("implements", "")]
    assert len({coverage.header(p)["region"] for p in national}) == 7
    for path in national:
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert verb.search(body), path.name


def test_the_coverage_report_lists_no_gap(capsys):
    assert coverage.report(SOURCES, []) == 0
    out = capsys.readouterr().out
    assert "31/31 province-level regions" in out
    assert "gaps: none" in out
