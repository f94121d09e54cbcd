"""A small text of our own, extracted into a draft, for the review tests (logic, security, browser)."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.extract.run import extract_files

#: Written for these tests (a made-up plan). The rules draft no target from the last line (a Chinese numeral).
TEXT = """\
---
title: 江西省数字经济提速行动计划(2024—2026年)
published: 2024-03-01
---
江西省数字经济提速行动计划(2024—2026年)
一、总体目标
到2026年，全省数字经济核心产业增加值达到5000亿元。
到2026年，全省累计建成5G基站超过12万个。
二、发展基础
2023年，全省软件业务收入达到1800亿元，同比增长12%。
到2025年，全省规模以上工业企业关键工序数控化率达到65%以上，建成省级数字化车间300个。
到2026年，培育省级工业互联网平台二十个。
"""

DRAFT_NAME = "jiangxi-tisu.yaml"


def make_draft(root: Path, text: str = TEXT) -> tuple[Path, Path]:
    """(source text, draft) under ``root``: the text in root/texts, the draft in root/drafts."""
    texts = root / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    source = texts / "jiangxi-tisu.txt"
    source.write_text(text, encoding="utf-8")
    (written,) = extract_files([source], root / "drafts")
    assert written.draft is not None
    return source, written.draft
