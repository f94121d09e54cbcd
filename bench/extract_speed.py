"""Extractor speed, in MB of UTF-8 text per second of CPU on one core (goal: at least 1 MB/s).

    .venv/bin/python bench/extract_speed.py [CORPUS_DIR] [--mb 3] [--formats]

Builds a text of about --mb megabytes from the development corpus (../shared/corpus by default; each
text repeated in turn, as separate paragraphs) and times `pipeline.extract` plus the draft and the
prediction entry, after one warm-up run (reference data and automata are built once per process).
Not a test: the machine's load changes wall-clock numbers, so the CPU time of this process is reported.

--formats also times the reading layer per format (readers.read, then extract, on files made with
tests/document_fixtures.py): GB18030 and Big5 Traditional text, a saved web page, a .docx (about 1 MB
of text each) and a 200-page PDF.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policykg.ingest.extract import draft, pipeline, predictions

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--mb", type=float, default=3.0)
    ap.add_argument("--formats", action="store_true", help="also time each input format (reader + rules)")
    a = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(a.corpus).glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no *.txt in {a.corpus}")
    one = "\n".join(texts)
    big = "\n".join([one] * max(1, int(a.mb * 1e6 / len(one.encode("utf-8")))))
    size = len(big.encode("utf-8")) / 1e6
    meta = {"published": "2024-01-01", "title": "速度测试"}
    pipeline.extract(one, "warm-up.txt", meta)  # reference data, automata
    cpu, wall = time.process_time(), time.perf_counter()
    ex = pipeline.extract(big, "bench.txt", meta)
    record, _notes = draft.build(ex)
    predictions.entry(ex)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"{size:.2f} MB, {len(ex.figures)} figures, {len(record['targets'])} targets: "
          f"{cpu:.2f} s CPU ({size / cpu:.2f} MB/s), {wall:.2f} s wall ({size / wall:.2f} MB/s)")
    if a.formats:
        formats(Path(a.corpus), meta)


def formats(corpus: Path, meta: dict) -> None:
    """Per format: MB of text read and extracted per second of CPU, reader and rules together."""
    import sys
    import tempfile

    sys.path.insert(0, str(ROOT))
    from policykg.ingest.extract import readers
    from tests.document_fixtures import corpus_lines, to_docx, to_html, to_pdf, traditional

    lines = [line for p in sorted(corpus.glob("*.txt")) for line in corpus_lines(p)]
    mb_lines = lines * max(1, int(1e6 / len("\n".join(lines).encode("utf-8"))))
    pdf_lines = (lines * 100)[:2_600]  # about 200 pages at 30 drawn lines a page
    text = "\n".join(mb_lines)
    made = {"gb18030.txt": text.encode("gb18030"), "big5-traditional.txt": traditional(text, "s2tw").encode("big5hkscs"),
            "page.html": to_html(mb_lines, "速度测试", "2024-01-01"), "file.docx": to_docx(mb_lines),
            "200-pages.pdf": to_pdf(pdf_lines)}
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in made.items():
            path = Path(tmp) / name
            path.write_bytes(data)
            cpu, wall = time.process_time(), time.perf_counter()
            source = readers.read(path)
            read_cpu = time.process_time() - cpu
            ex = pipeline.extract(source.text, name, meta, matching=source.matching)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            size = len(source.text.encode("utf-8")) / 1e6
            pages = f", {source.pages} pages" if source.pages else ""
            print(f"{name}: {size:.2f} MB of text{pages}, {len(ex.figures)} figures: read {read_cpu:.2f} s CPU, "
                  f"read + rules {cpu:.2f} s CPU ({size / cpu:.2f} MB/s), {wall:.2f} s wall")


if __name__ == "__main__":
    main()
