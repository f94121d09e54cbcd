"""Locators name the section a fact sits in (its heading as written) and the paragraph, so a reviewer finds
it; a reader's own locators (p.3 ¶2 in a PDF) and the review's source view still resolve them."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.extract import draft, inbox
from policykg.ingest.review.source import Paragraph, SourceText
from tests.extract_util import run

TEXT = ("某市数字经济三年行动方案\n"
        "全市数字经济核心产业增加值2023年达到900亿元。\n"
        "一、总体目标\n"
        "到2026年,全市数字经济核心产业增加值达到1500亿元。\n"
        "（二）重点任务\n"
        "到2026年,全市建成5G基站3万个。")


def _record() -> dict:
    record, _notes = draft.build(run(TEXT, published="2024-02-01", title="某市数字经济三年行动方案"))
    return record


def test_a_fact_s_locator_names_the_heading_of_its_section_as_written():
    record = _record()
    assert [o["locator"] for o in record["observations"]] == ["¶2"]  # before any heading: the paragraph alone
    assert [t["locator"] for t in record["targets"]] == ["一、总体目标 ¶4", "（二）重点任务 ¶6"]


def test_a_reader_s_locator_replaces_the_paragraph_number_and_keeps_the_heading():
    record = _record()
    inbox.relocate(record, [f"p.{1 + n // 4} ¶{n % 4 + 1}" for n in range(6)])
    assert [t["locator"] for t in record["targets"]] == ["一、总体目标 p.1 ¶4", "（二）重点任务 p.2 ¶2"]


def test_the_review_s_source_view_finds_a_paragraph_from_a_locator_with_a_heading():
    pars = [Paragraph(n, text, label) for n, text, label in
            [(1, "一、总体目标", "p.1 ¶1"), (2, "到2026年建成5G基站3万个。", "p.1 ¶2"), (3, "建成5G基站3万个。", "p.2 ¶1")]]
    source = SourceText(Path("x.pdf"), "0" * 64, pars)
    assert source.locate("t1", "一、总体目标 p.2 ¶1", "建成5G基站3万个") == 3  # the labelled paragraph first
    assert source.locate("t2", "¶2", None) == 2
