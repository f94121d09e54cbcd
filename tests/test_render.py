"""Tables that fit the terminal: codes and numbers whole, prose cut with "…", records when nothing fits."""

from __future__ import annotations

import csv
import io
import json

from policykg.cli.render import Format, cell, render

LONG_EN = ("Build ecosystem infrastructure such as an international data channel and cloud storage on the basis "
           "of the national big-data pilot zone")
LONG_ZH = "以国家大数据(贵州)综合试验区为基础,加强国际互联网数据专用通道、云计算存储中心等生态基础建设"
ROWS = [
    {"region": "520000", "key": "gz-big-data-zone-ecosystem-infrastructure", "value": 8446.6, "name_en": LONG_EN,
     "name_zh": LONG_ZH},
    {"region": "110000", "key": "bj-benchmark-city-plan", "value": 1.0e7, "name_en": "Beijing plan", "name_zh": "北京"},
]


def _table(rows, width, columns=None, fmt=Format.table) -> list[str]:
    text = render(rows, fmt, columns, width=width)
    assert text.endswith("\n")
    return text.splitlines()


def test_numbers_never_in_exponent_form():
    assert [cell(v) for v in (8446.6, 1.0e7, 30.5, 2025, 1e-7, None, ["a", "b"], True)] == [
        "8446.6", "10000000", "30.5", "2025", "0.0000001", "", "a; b", "true"]


def test_codes_and_numbers_stay_whole_and_prose_is_cut_to_two_lines():
    from rich.cells import cell_len

    lines = _table(ROWS, 100)
    assert all(cell_len(line) <= 100 for line in lines)
    assert lines[0].split() == ["region", "key", "value", "name_en", "name_zh"]
    text = "\n".join(lines)
    for whole in ("520000", "gz-big-data-zone-ecosystem-infrastructure", "8446.6", "10000000", "bj-benchmark-city-plan"):
        assert whole in text
    body = lines[2:]
    assert len(body) == 2 + 1  # the long row takes two lines, the short one one
    assert body[1].rstrip().endswith("…")
    assert body[2].split()[:4] == ["110000", "bj-benchmark-city-plan", "10000000", "Beijing"]


def test_rows_too_wide_for_the_terminal_become_records():
    lines = _table(ROWS, 50)
    assert lines[0].startswith("── 1 ")
    assert "key      gz-big-data-zone-ecosystem-infrastructure" in lines
    assert any(line.startswith("name_en  Build ecosystem") for line in lines)
    assert "…" not in "\n".join(lines)  # records are never cut


def test_json_and_csv_are_never_cut():
    assert json.loads(render(ROWS, Format.json))[0]["name_en"] == LONG_EN
    parsed = list(csv.DictReader(io.StringIO(render(ROWS, Format.csv))))
    assert parsed[0]["name_zh"] == LONG_ZH and parsed[1]["value"] == "10000000"


def test_json_has_no_nan():
    rows = [{"x": float("nan"), "y": [float("inf"), 1.5], "z": {"w": float("-inf")}}]
    text = render(rows, Format.json)
    assert json.loads(text) == [{"x": None, "y": [None, 1.5], "z": {"w": None}}]
    assert "NaN" not in text and "Infinity" not in text
