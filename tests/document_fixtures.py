"""Documents made at test time from a text (one paragraph a line): a saved web page with site chrome, a PDF
laid out as an official document (indented first lines, justified lines, running head, `— 3 —` page numbers,
ruled tables), a .docx, bytes in each encoding, and Traditional Chinese. Also used by scripts/dev/score_formats.py.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import opencc

CHROME_TOP = """<div class="top">首页 | 机构 | 政务公开 | 政务服务 | 互动交流 | 无障碍 | 长者模式</div>
<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="info">来源：本网 浏览次数：1,236 字号：【大 中 小】</div>"""
CHROME_BOTTOM = """<div class="share">分享到：微信 微博 QQ空间 【打印】【关闭】【收藏】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a/1.html">全省召开数字经济工作会议 2024-05-06</a></li>
<li><a href="/a/2.html">市政府常务会议研究部署重点工作 2024-04-11</a></li></ul></div>
<div class="footer">主办单位：某省人民政府办公厅 地址：某市某路1号 邮编：100000 联系电话：010-12345678<br>
网站标识码 1100000088 京ICP备05070218号 京公网安备11010202000001号</div>"""


def to_html(lines: list[str], title: str | None = None, published: str | None = None,
            charset: str = "utf-8", url: str | None = None, table: list[list[str]] | None = None) -> bytes:
    """A government-CMS page: metas, navigation, breadcrumbs, the text as <p>s (a table as <table>), footer."""
    metas = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
    if title:
        metas += f'<meta name="ArticleTitle" content="{html.escape(title)}">\n'
    if published:
        metas += f'<meta name="PubDate" content="{published} 09:30">\n'
    if url:
        metas += f'<link rel="canonical" href="{url}">\n'
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    if table:
        body += "\n<table border=1>" + "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table) + "</table>"
    page = (f"<!DOCTYPE html>\n<html><head>{metas}<title>{html.escape(title or '文件')}_某省人民政府门户网站</title>"
            "<script>var x=1;</script><style>p{margin:0}</style></head><body>\n"
            f"{CHROME_TOP}\n<div class=\"article\"><h1>{html.escape(title or '')}</h1>\n<div class=\"content\">\n"
            f"{body}\n</div></div>\n{CHROME_BOTTOM}\n</body></html>")
    return page.encode("gb18030" if charset.lower() in ("gbk", "gb2312", "gb18030") else charset)


def to_docx(lines: list[str], table: list[list[str]] | None = None, table_after: int | None = None) -> bytes:
    """A Word file: one paragraph per line, a table (if any) after paragraph ``table_after``."""
    import docx

    doc = docx.Document()
    for i, line in enumerate(lines):
        doc.add_paragraph(line)
        if table and i + 1 == (table_after if table_after is not None else len(lines)):
            grid = doc.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


FONT = "STSong-Light"
SIZE = 12.0


def to_pdf(lines: list[str], head: str = "某省人民政府办公厅文件", table: list[list[str]] | None = None,
           width: float = 360.0, lines_per_page: int = 30) -> bytes:
    """An official-looking PDF: 2-character first-line indent, justified lines of ``width`` points that cut
    sentences, numbers and units wherever they fall, a running head and `— N —` at each page's foot, and a
    ruled table (drawn with lines) at the end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    left, top = 90.0, A4[1] - 100
    drawn = [row for line in lines for row in _wrap(line, width, pdfmetrics)]
    page = 0
    for start in range(0, max(1, len(drawn)), lines_per_page):
        page += 1
        _furniture(pdf, head, page, left, width, A4)
        for k, (text, indent, justify) in enumerate(drawn[start:start + lines_per_page]):
            _draw_line(pdf, text, left + indent, top - k * SIZE * 1.8, width - indent if justify else None,
                       pdfmetrics)
        if start + lines_per_page < len(drawn) or table:
            pdf.showPage()
    if table:
        page += 1
        _furniture(pdf, head, page, left, width, A4)
        _ruled_table(pdf, table, left, top, width)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _wrap(line: str, width: float, metrics) -> list[tuple[str, float, bool]]:
    """(text, indent, justified) rows of one paragraph, cut by measured width as a word processor cuts:
    anywhere between Chinese characters (so between a number and its unit), never inside a Latin word
    or a number."""
    import regex

    rows, current, indent = [], "", 2 * SIZE
    for piece in regex.findall(r"[A-Za-z0-9.%]+|.", line):
        if current and metrics.stringWidth(current + piece, FONT, SIZE) > width - indent:
            rows.append((current, indent, True))
            current, indent = "", 0.0
        current += piece
    rows.append((current, indent, False))
    return rows


def _draw_line(pdf, text: str, x: float, y: float, justify_to: float | None, metrics) -> None:
    obj = pdf.beginText(x, y)
    obj.setFont(FONT, SIZE)
    if justify_to is not None and len(text) > 1:
        obj.setCharSpace((justify_to - metrics.stringWidth(text, FONT, SIZE)) / (len(text) - 1))
    obj.textLine(text)
    pdf.drawText(obj)


def _furniture(pdf, head: str, page: int, left: float, width: float, size) -> None:
    pdf.setFont(FONT, 10)
    pdf.drawCentredString(left + width / 2, size[1] - 60, head)
    pdf.drawCentredString(left + width / 2, 50, f"— {page} —")


def _ruled_table(pdf, table: list[list[str]], left: float, top: float, width: float) -> None:
    """Ruled cells, each column as wide as its longest cell (scaled to the text width)."""
    from reportlab.pdfbase import pdfmetrics

    size = 9
    need = [max(pdfmetrics.stringWidth(row[c], FONT, size) + 8 for row in table) for c in range(len(table[0]))]
    scale = min(1.0, width / sum(need))
    widths = [w * scale for w in need]
    row_h = SIZE * 2
    pdf.setFont(FONT, size * scale)
    for r, row in enumerate(table):
        y, x = top - r * row_h, left
        for c, cell in enumerate(row):
            pdf.rect(x, y - row_h, widths[c], row_h)
            pdf.drawString(x + 3, y - row_h + 7, cell)
            x += widths[c]


def traditional(text: str, config: str = "s2t") -> str:
    """Traditional Chinese (s2t: OpenCC's standard forms; s2tw: Taiwan's, which Big5 can encode)."""
    return opencc.OpenCC(config).convert(text)


def corpus_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
