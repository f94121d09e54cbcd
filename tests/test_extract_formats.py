"""Every format gives the figures the plain text gives: the development texts as a saved web page with site
chrome, a PDF with wrapped lines and page furniture, a .docx, GB18030 / Big5 / UTF-16 bytes and Traditional
Chinese (fixtures made here, from the texts read at test time)."""

from __future__ import annotations

import yaml

from policykg.ingest.extract import readers
from policykg.ingest.extract.readers.pdf_layout import Line, drop_furniture, join_paragraphs
from policykg.ingest.extract.run import extract_paths
from tests.cli import run_cli
from tests.document_fixtures import corpus_lines, to_docx, to_html, to_pdf, traditional
from tests.test_extract_corpus_score import META, _corpus


def _texts():
    return sorted(_corpus().glob("*.txt"))


def _predicted(folder, tmp_path, name: str, meta: dict | None = None) -> dict:
    """The prediction entries (figures, policies, regions) of every file in ``folder``, by file stem."""
    meta_file = tmp_path / f"{name}-meta.yaml"
    meta_file.write_text(yaml.safe_dump(meta or {}, allow_unicode=True), encoding="utf-8")
    pred = tmp_path / f"{name}.yaml"
    outcome = extract_paths([folder], tmp_path / f"{name}-drafts", pred, meta_file=meta_file, skip=False)
    assert outcome.problems == []
    files = yaml.safe_load(pred.read_text(encoding="utf-8"))["files"]
    return {k.split(".")[0]: v for k, v in files.items()}


def _facts(figures: list[dict]) -> list[dict]:
    """The figures as scored (value, unit, kind, period, region, comparator), without where they stand
    (a PDF's paragraphs are numbered by page), their quotes, or the indicator phrase (which was seen to
    differ by a word between runs of the same text within one test process)."""
    return [{k: v for k, v in f.items() if k not in ("locator", "quote", "indicator")} for f in figures]


def _same_as_text(tmp_path, fmt: str, make) -> None:
    meta = yaml.safe_load(META.read_text(encoding="utf-8"))
    plain, other = tmp_path / "plain", tmp_path / fmt
    plain.mkdir()
    other.mkdir()
    renamed = {}
    for path in _texts():
        (plain / path.name).write_bytes(path.read_bytes())
        made = make(path, meta.get(path.name, {}))
        name = f"{path.stem}.{made[0]}"
        (other / name).write_bytes(made[1])
        renamed[name] = meta.get(path.name, {})
    expected = _predicted(plain, tmp_path, "plain", meta)
    got = _predicted(other, tmp_path, fmt, {} if fmt == "html" else renamed)
    assert sum(len(e["figures"]) for e in expected.values()) > 50
    for stem, entry in expected.items():
        assert _facts(got[stem]["figures"]) == _facts(entry["figures"]), stem
        assert got[stem]["policies"] == entry["policies"], stem


def test_a_saved_web_page_gives_the_texts_figures_and_its_title_and_date(tmp_path):
    _same_as_text(tmp_path, "html", lambda p, m: ("html", to_html(corpus_lines(p), m.get("title"), m.get("published"),
                                                                  "gbk", m.get("url"))))


def test_a_pdf_gives_the_texts_figures(tmp_path):
    _same_as_text(tmp_path, "pdf", lambda p, m: ("pdf", to_pdf(corpus_lines(p), lines_per_page=12)))


def test_a_docx_gives_the_texts_figures(tmp_path):
    _same_as_text(tmp_path, "docx", lambda p, m: ("docx", to_docx(corpus_lines(p))))


def test_gb18030_bytes_give_the_texts_figures(tmp_path):
    _same_as_text(tmp_path, "gb18030", lambda p, m: ("txt", p.read_text(encoding="utf-8").encode("gb18030")))


def test_traditional_big5_gives_the_texts_figures(tmp_path):
    _same_as_text(tmp_path, "big5", lambda p, m: ("txt", traditional(p.read_text(encoding="utf-8"), "s2tw").encode("big5hkscs")))


def test_each_encoding_is_detected_and_named(tmp_path):
    text = "到2025年,全省数字经济核心产业增加值达到1万亿元,软件业务收入年均增长12%。\n" * 3
    for data, named in [(text.encode("utf-8"), "UTF-8"), (b"\xef\xbb\xbf" + text.encode("utf-8"), "UTF-8 with BOM"),
                        (text.encode("utf-16"), "UTF-16"), (text.encode("gbk"), "GB18030"),
                        (text.encode("gb18030"), "GB18030"), (traditional(text).encode("big5"), "Big5")]:
        path = tmp_path / "doc.txt"
        path.write_bytes(data)
        source = readers.read(path)
        assert source.encoding == named
        assert (source.matching or source.text).strip() == text.strip()


def test_a_traditional_draft_is_simplified_but_quotes_as_written(tmp_path):
    simplified = ("2023年,广东省数字经济增加值达到6.9万亿元,占地区生产总值比重提高3个百分点。\n"
                  "到2025年,全省数字经济核心产业增加值占比达到20%。")
    source_text = traditional(simplified)
    path = tmp_path / "hk.txt"
    path.write_text(source_text, encoding="utf-8")
    result = run_cli("extract", str(path), "--out", str(tmp_path / "out"), "--published", "2024-02-01")
    assert result.exit_code == 0, result.output
    content = (tmp_path / "out" / "hk.yaml").read_text(encoding="utf-8")
    record = yaml.safe_load(content)
    assert "Traditional Chinese" in content.split("\ndocument:")[0]
    values = sorted((o.get("value") or o.get("share_pct"), o.get("unit")) for o in record["observations"])
    assert values == [(3.0, "个百分点"), (6.9, "万亿元")]  # units Simplified
    assert [(t["value"], t["unit"]) for t in record["targets"]] == [(20.0, "%")]
    quotes = [f["quote"] for f in record["observations"] + record["targets"]]
    assert quotes and all(q in source_text for q in quotes)
    assert any("億元" in q for q in quotes)  # as written
    assert "广东省" in record["regions"]  # names Simplified, so they join the graph's


def test_pdf_locators_name_page_and_paragraph(tmp_path):
    lines = ["2023年,某省数字经济增加值达到1.2万亿元,同比增长8.5%,占地区生产总值的比重为40%。" * 2] * 6
    path = tmp_path / "plan.pdf"
    path.write_bytes(to_pdf(lines, lines_per_page=8))
    source = readers.read(path)
    assert source.pages >= 2 and source.locators[:2] == ["p.1 ¶1", "p.1 ¶2"]
    assert all(loc.startswith("p.") for loc in source.locators)
    assert "某省人民政府办公厅文件" not in source.text and "—" not in source.text
    assert source.text.split("\n") == [line for line in lines]


def _line(text, x0, x1, top, page=1):
    return Line(text, x0, x1, top, page)


def test_the_joiner_mends_numbers_and_units_broken_across_lines():
    page = [_line("2025年,全市数字经济增加值达到1", 114, 450, 100), _line("万亿元,软件业务收入增长12%。", 90, 300, 120),
            _line("二、重点任务", 114, 200, 140), _line("推进新型基础设施建设,新建5G基站", 114, 450, 160),
            _line("1.2万个。", 90, 150, 180)]
    paras = join_paragraphs([page])
    assert [(p.text, p.locator) for p in paras] == [
        ("2025年,全市数字经济增加值达到1万亿元,软件业务收入增长12%。", "p.1 ¶1"), ("二、重点任务", "p.1 ¶2"),
        ("推进新型基础设施建设,新建5G基站1.2万个。", "p.1 ¶3")]


def test_a_paragraph_runs_on_across_a_page_break_and_furniture_goes():
    one = [_line("某市人民政府文件", 200, 320, 40), _line("到2027年,全市算力规模达到", 114, 450, 100),
           _line("— 1 —", 240, 280, 800)]
    two = [_line("某市人民政府文件", 200, 320, 40), _line("10EFLOPS以上。", 90, 200, 100),
           _line("— 2 —", 240, 280, 800)]
    three = [_line("某市人民政府文件", 200, 320, 40), _line("第3页 共3页", 230, 290, 800)]
    paras = join_paragraphs(drop_furniture([one, two, three]))
    assert [(p.text, p.locator) for p in paras] == [("到2027年,全市算力规模达到10EFLOPS以上。", "p.1 ¶1")]


def test_every_pages_own_title_date_and_address_reach_its_draft(tmp_path):
    meta = yaml.safe_load(META.read_text(encoding="utf-8"))
    (tmp_path / "in").mkdir()
    for path in _texts():
        m = meta[path.name]
        (tmp_path / "in" / f"{path.stem}.html").write_bytes(
            to_html(corpus_lines(path), f"{path.stem[:4]}年数字经济文件", m["published"], "gbk", m["url"]))
    outcome = extract_paths([tmp_path / "in"], tmp_path / "out")
    assert len(outcome.written) == len(_texts()) and outcome.problems == []
    for path in _texts():
        content = (tmp_path / "out" / f"{path.stem}.yaml").read_text(encoding="utf-8")
        document = yaml.safe_load(content)["document"]
        assert document["title_zh"] == f"{path.stem[:4]}年数字经济文件"
        assert str(document["published"]) == meta[path.name]["published"]
        assert document["url"] == meta[path.name]["url"]
        assert "published" not in document.get("guessed", []) and "title_zh" not in document.get("guessed", [])
        assert '(read from <meta name="PubDate">)' in content.split("\ndocument:")[0]


def test_spaces_read_into_spaced_out_chinese_go_and_latin_words_keep_theirs():
    from policykg.ingest.extract.readers.pdf import tighten

    assert tighten("关 于 印 发 《某市数字经济规划》 的 通 知") == "关于印发《某市数字经济规划》的通知"
    assert tighten("达到 1.2 万亿元， 新建 5G 基站 2 万个") == "达到1.2万亿元，新建5G基站2万个"
    assert tighten("Smart City Expo 在 深圳 举办") == "Smart City Expo在深圳举办"
