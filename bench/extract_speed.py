"""Extractor speed, in MB of UTF-8 text per second of CPU on one core (goal: at least 1 MB/s).

    .venv/bin/python bench/extract_speed.py [CORPUS_DIR] [--mb 3]

Builds a text of about --mb megabytes from the development corpus (../shared/corpus by default; each
text repeated in turn, as separate paragraphs) and times `pipeline.extract` plus the draft and the
prediction entry, after one warm-up run (reference data and automata are built once per process).
Not a test: the machine's load changes wall-clock numbers, so the CPU time of this process is reported.
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


if __name__ == "__main__":
    main()
