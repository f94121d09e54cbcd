"""Input: decoding, NFKC, paragraphs (¶N), exact quotes in the original punctuation."""

import pytest

from policykg.ingest.extract.normalise import ExtractError, is_heading, make_source, paragraphs
from policykg.ingest.extract.readers.text import decode, read
from tests.extract_util import run


def test_fullwidth_forms_become_ascii_and_quotes_stay_original():
    original = "２０２３年，全省数字经济增加值达到５１２３．４亿元（现价），增长８．２％。"
    ex = run(original, title="某省统计公报")
    assert [(float(f.value), f.unit) for f in ex.figures] == [(5123.4, "亿元"), (8.2, "%")]
    assert ex.source.quote(*ex.figures[0].quote_span) == "数字经济增加值达到５１２３．４亿元"


def test_offset_map_survives_characters_that_expand():
    src = make_source("㈠概况\r\n产值达到3亿元")
    assert src.text == "(一)概况\n产值达到3亿元"
    start = src.text.index("3亿元")
    assert src.quote(start, start + 3) == "3亿元"


def test_paragraphs_are_non_empty_lines():
    pars = paragraphs("标题\n\n  第一段。\n第二段。\n")
    assert [(p.locator, p.text) for p in pars] == [("¶1", "标题"), ("¶2", "第一段。"), ("¶3", "第二段。")]


@pytest.mark.parametrize("line, heading", [
    ("一、总体要求", True), ("(二)主要目标", True), ("3、数据资源", True), ("1.5亿元是去年的投资额。", False),
    ("2023年,全市生产总值增长5%。", False),
])
def test_headings(line, heading):
    assert is_heading(line) is heading


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"\x7fELF\x02\x01\x00\x00binary", "binary"),
    (b"plain ascii, no Chinese at all", "no Chinese"),
])
def test_bad_input_is_one_line_error(data, message):
    with pytest.raises(ExtractError) as err:
        read(data, "in.txt", "0" * 64)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_utf8_bom_is_accepted_and_gbk_is_read():
    assert read("\ufeff数字经济".encode("utf-8"), "x", "0" * 64).text == "数字经济"
    assert decode("数字经济发展规划".encode("gbk"), "x") == ("数字经济发展规划", "GB18030")


@pytest.mark.parametrize("text, date", [
    ("某市大数据局\n2024年2月28日", "2024-02-28"), ("新闻\n发布时间:2023-03-21 10:00\n正文", "2023-03-21"),
    ("来源:某网 2024/5/6", "2024-05-06"), ("某局\n二〇二五年四月七日", "2025-04-07"),
])
def test_publication_date_is_guessed_from_the_text(text, date):
    ex = run(text, published=None)
    assert ex.published.isoformat() == date and "published" in ex.guessed
