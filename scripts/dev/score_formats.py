"""Score the extractor per input format: each development text as a saved web page, a PDF, a .docx,
GB18030 bytes, Big5 Traditional bytes and UTF-8 Traditional, against the same gold as the UTF-8 text.

    .venv/bin/python scripts/dev/score_formats.py [../shared/corpus ../shared/corpus2]

Prints a table (format x set: figure F1 on value+unit+region, F1 with kind and period, policy recall).
The web pages carry the analysts' title and date as ArticleTitle/PubDate metas (what a CMS writes);
the other formats get them from --meta as the text does (tests/data/corpus-meta.yaml for ../corpus).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from policykg.ingest.extract.run import extract_paths  # noqa: E402
from tests.document_fixtures import corpus_lines, to_docx, to_html, to_pdf, traditional  # noqa: E402

META = ROOT / "tests" / "data" / "corpus-meta.yaml"
FORMATS = ("txt", "html", "pdf", "docx", "gb18030", "big5-trad", "utf8-trad")


def make(fmt: str, text_path: Path, meta: dict, folder: Path) -> Path:
    """The text in format ``fmt``, written under ``folder`` with the stem of the text."""
    text = text_path.read_text(encoding="utf-8")
    lines = corpus_lines(text_path)
    stem = text_path.stem
    if fmt == "txt":
        out, data = folder / f"{stem}.txt", text.encode("utf-8")
    elif fmt == "html":
        out, data = folder / f"{stem}.html", to_html(lines, meta.get("title"), meta.get("published"), "gbk",
                                                      meta.get("url"))
    elif fmt == "pdf":
        out, data = folder / f"{stem}.pdf", to_pdf(lines)
    elif fmt == "docx":
        out, data = folder / f"{stem}.docx", to_docx(lines)
    elif fmt == "gb18030":
        out, data = folder / f"{stem}.txt", text.encode("gb18030")
    elif fmt == "big5-trad":
        out, data = folder / f"{stem}.txt", traditional(text, "s2tw").encode("big5hkscs")
    else:
        out, data = folder / f"{stem}.txt", traditional(text).encode("utf-8")
    out.write_bytes(data)
    return out


def score(corpus: Path, fmt: str) -> tuple[float, float, float]:
    """(figure F1, F1 with kind+period, policy recall) of the corpus presented as ``fmt``."""
    metas = yaml.safe_load(META.read_text(encoding="utf-8"))  # names of ../corpus only
    metas = {k: {f: str(v) for f, v in (v or {}).items()} for k, v in (metas or {}).items()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        made = {make(fmt, p, metas.get(p.name, {}), tmp / "in"): p.name for p in sorted(corpus.glob("*.txt"))}
        given = {} if fmt == "html" else {m.name: metas.get(n, {}) for m, n in made.items()}
        meta_file = tmp / "meta.yaml"
        meta_file.write_text(yaml.safe_dump(given, allow_unicode=True), encoding="utf-8")
        pred = tmp / "pred.yaml"
        outcome = extract_paths(list(made), tmp / "drafts", pred, meta_file=meta_file, skip=False)
        if outcome.problems:
            print(f"{corpus.name} {fmt}: " + "; ".join(map(str, outcome.problems)), file=sys.stderr)
        by_made = {m.name: n for m, n in made.items()}
        files = yaml.safe_load(pred.read_text(encoding="utf-8"))["files"]
        pred.write_text(yaml.safe_dump({"files": {by_made[k]: v for k, v in files.items()}}, allow_unicode=True),
                        encoding="utf-8")
        results = []
        for extra in ([], ["--match", "kind,period"]):
            done = subprocess.run([sys.executable, str(corpus / "score.py"), str(pred), "--gold",
                                   str(corpus / "gold.yaml"), *extra], capture_output=True, text=True, check=True)
            f1 = re.search(r"OVERALL figures.*\s([\d.]+)\s*$", done.stdout, re.M)
            recall = re.search(r"policy recall \d+/\d+ = ([\d.]+)", done.stdout)
            results.append((float(f1.group(1)), float(recall.group(1))))
    return results[0][0], results[1][0], results[0][1]


def main(corpora: list[Path]) -> None:
    print("| format | " + " | ".join(f"{c.name} F1 / F1 kind+period / policy R" for c in corpora) + " |")
    print("|---|" + "---|" * len(corpora))
    for fmt in FORMATS:
        cells = [" / ".join(f"{x:.3f}" for x in score(c, fmt)) for c in corpora]
        print(f"| {fmt} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    shared = next(p for p in (ROOT.parent / "shared", ROOT.parents[1] / "shared", Path("../shared")) if p.is_dir())
    main([Path(a) for a in sys.argv[1:]] or [shared / "corpus", shared / "corpus2"])
