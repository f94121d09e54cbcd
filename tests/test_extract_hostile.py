"""Hostile documents: each gets one located `Error:` line, exit 1, no traceback, in bounded time, and no draft."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.cli import run_cli
from tests.document_fixtures import FONT, to_docx, to_html, to_pdf

TEXT = ["2023年,全省数字经济增加值达到1.2万亿元,同比增长9%。"]


def _zip_bomb() -> bytes:
    """A real .docx with one more part that inflates to 300 MB of zeros (about 300 KB on disk)."""
    out = io.BytesIO(to_docx(TEXT))
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("word/media/image1.bin", "w", force_zip64=True) as part:
        block = bytes(1 << 20)
        for _ in range(300):
            part.write(block)
    return out.getvalue()


def _many_pages() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for _ in range(3000):
        pdf.drawString(72, 720, "page")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _page_loop() -> bytes:
    """A PDF whose page tree lists itself as its own child."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    body, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (n, obj)
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def _scan() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.rect(72, 72, 400, 600, fill=1)  # a page that is all picture, no text
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _encrypted() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=StandardEncryption("secret", canPrint=0))
    pdf.setFont(FONT, 12)
    pdf.drawString(72, 720, TEXT[0])
    pdf.showPage()
    pdf.save()
    return out.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)

CASES = {
    "bomb.docx": (_zip_bomb, "zip bomb"),
    "long.pdf": (_many_pages, "3000 pages, above the 1000-page limit"),
    "loop.pdf": (_page_loop, "its page tree loops or is broken"),
    "scan.pdf": (_scan, "needs OCR"),
    "locked.pdf": (_encrypted, "encrypted"),
    "cut.pdf": (lambda: to_pdf(TEXT * 40)[:3000], "truncated"),
    "lying.pdf": (lambda: to_html(TEXT), "the name says PDF but the content is text"),
    "lying.docx": (lambda: to_pdf(TEXT), "the name says DOCX but the content is a PDF"),
    "lying.txt": (lambda: to_docx(TEXT), "the content is a zip archive"),
    "old.doc": (lambda: OLE, "old binary Word/WPS (.doc) is not read"),
    "old.wps": (lambda: OLE, "old binary Word/WPS (.wps) is not read"),
    "old-renamed.docx": (lambda: OLE, "an old binary Word/WPS file"),
    "plain.docx": (lambda: _zip_without_document(), "without a Word document inside"),
}


def _zip_without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "数字经济")
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_file_is_one_located_error_line(tmp_path, name):
    make, message = CASES[name]
    path = tmp_path / name
    path.write_bytes(make())
    result = run_cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {path}: "), result.output
    assert message in lines[0] and "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("*.yaml"))


def test_a_fifty_megabyte_page_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.html"
    filler = b"<p>" + "数字经济".encode() * 1000 + b"</p>\n"
    with path.open("wb") as fh:
        fh.write(b"<!DOCTYPE html><html><body>")
        for _ in range(50_000_000 // len(filler) + 1):
            fh.write(filler)
    result = run_cli("extract", str(path), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {path}: 50.0 MB is above the 10 MB limit for one HTML document; split it"
