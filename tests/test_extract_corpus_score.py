"""The development corpus: extract all texts, score with its score.py, and fail the build when quality
drops below the floors. The corpus must be there: a missing corpus is a failure, not a skip.

It is looked for at $POLICYKG_CORPUS, then ../shared/corpus beside the repository, then
/work/shared/corpus (where this project's machines keep it; a clean clone for CI may sit elsewhere).
The texts are public but stay outside the repository (see ../shared/corpus/SOURCES.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from policykg.ingest.extract import pipeline, predictions
from tests.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
PLACES = [Path(p) for p in [os.environ.get("POLICYKG_CORPUS")] if p] + [
    ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")]
PLACES2 = [Path(p) for p in [os.environ.get("POLICYKG_CORPUS2")] if p] + [
    ROOT.parent / "shared" / "corpus2", Path("/work/shared/corpus2")]
META = ROOT / "tests" / "data" / "corpus-meta.yaml"

# What the extractor reaches (2026-12-02): P 1.000 R 1.000; kind+period F1 0.991 (was 0.983); policies 1.000;
# regions 1.000. Without the analysts' metadata (dates guessed from the text): P/R 1.000, kind+period F1 0.991.
FLOORS = {"precision": 0.97, "recall": 0.97, "f1_kind_period": 0.97, "policies": 0.95, "regions": 0.95}
FLOORS_NO_META = {"precision": 0.95, "recall": 0.95, "f1_kind_period": 0.96}


def _corpus(places: list[Path] = PLACES) -> Path:
    found = [p for p in places if (p / "score.py").is_file() and (p / "gold.yaml").is_file()]
    assert found, ("a development corpus (score.py, gold.yaml, texts) is missing; looked in "
                   + ", ".join(map(str, places)) + "; set POLICYKG_CORPUS / POLICYKG_CORPUS2 to its folder")
    return found[0]


def _numbers(report: str) -> dict[str, float]:
    """P, R, F1 of the two OVERALL lines and the recalls, from `policykg extract --score`."""
    overall = re.findall(r"OVERALL figures.*?(\d\.\d{3})\s+(\d\.\d{3})\s+(\d\.\d{3})", report)
    recalls = re.findall(r"policy recall \d+/\d+ = ([\d.]+); region recall \d+/\d+ = ([\d.]+)", report)
    assert len(overall) == 2 and recalls, report
    (p, r, _f), (_p2, _r2, f2) = [tuple(map(float, o)) for o in overall]
    return {"precision": p, "recall": r, "f1_kind_period": f2, "policies": float(recalls[0][0]),
            "regions": float(recalls[0][1])}


@pytest.mark.parametrize("with_meta, floors", [(True, FLOORS), (False, FLOORS_NO_META)], ids=["meta", "no-meta"])
def test_scores_stay_above_the_floors(with_meta, floors):
    args = ["extract", "--score", str(_corpus())] + (["--meta", str(META)] if with_meta else [])
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    got = _numbers(result.output)
    low = {k: (got[k], floor) for k, floor in floors.items() if got[k] < floor}
    assert not low, f"below the floor (got, floor): {low}\n{result.output}"


# The second development set (corpus2: page noise, full-width script, work points), no analysts' metadata.
# Reached (2026-12-02): P 0.971 R 0.988; kind+period F1 0.924; policies 1.000; regions 0.927 (was 0.854)
# (2026-12-01: P 0.907 R 0.918, kind+period 0.739; before that round: P 0.905 R 0.894, kind+period 0.730).
FLOORS2 = {"precision": 0.95, "recall": 0.96, "f1_kind_period": 0.90, "policies": 0.95, "regions": 0.90}


def test_second_corpus_scores_stay_above_the_floors():
    result = run_cli("extract", "--score", str(_corpus(PLACES2)))
    assert result.exit_code == 0, result.output
    got = _numbers(result.output)
    low = {k: (got[k], floor) for k, floor in FLOORS2.items() if got[k] < floor}
    assert not low, f"below the floor (got, floor): {low}\n{result.output}"


# (region, theme) pairs (score_themes.py): reached (2026-12-01) corpus P 0.776 R 0.625, corpus2 P 0.870 R 0.753
# (after review-log rule 3, aims and 发展基础 progress no longer measures: corpus P 0.769 R 0.604, corpus2 unchanged)
# (before measures were drafted: corpus P 0.786 R 0.375, corpus2 P 0.878 R 0.356).
# 2026-12-02, after the missed pairs were traced (theme synonyms, 全国 as yardstick, goals and frames without a
# verb, 拓展/健全/提高/优化, a keyword inside a longer one of another theme): corpus P 0.859 R 0.958,
# corpus2 P 0.899 R 0.959; with 飞速发展 as description, not action: corpus2 P 0.922.
THEME_FLOORS = {"corpus": (0.85, 0.95), "corpus2": (0.91, 0.95)}


@pytest.mark.parametrize("places, name", [(PLACES, "corpus"), (PLACES2, "corpus2")], ids=["corpus", "corpus2"])
def test_theme_pairs_stay_above_the_floors(tmp_path, places, name):
    corpus = _corpus(places)
    meta = ["--meta", str(META)] if name == "corpus" else []
    run_cli("extract", *map(str, sorted(corpus.glob("*.txt"))), "--out", str(tmp_path), *meta)
    done = subprocess.run([sys.executable, str(_corpus(PLACES) / "score_themes.py"), str(tmp_path),
                           "--gold", str(corpus / "themes_gold.yaml")], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    p, r = map(float, re.search(r"OVERALL themes\s+P ([\d.]+)\s+R ([\d.]+)", done.stdout).groups())
    floor_p, floor_r = THEME_FLOORS[name]
    assert (p >= floor_p, r >= floor_r) == (True, True), f"themes P {p} R {r}, floors {floor_p} {floor_r}"
    checked = run_cli("validate", str(tmp_path))  # every development draft validates as it is
    assert checked.exit_code == 0, checked.output
    mixed = [(f.name, line.strip()) for f in sorted(tmp_path.glob("*.yaml"))
             for line in f.read_text(encoding="utf-8").splitlines()
             if re.match(r"\s*-?\s*\w+_en:", line) and re.search(r"[\u3400-\u9fff《》]", line)]
    assert mixed == [], mixed[:5]  # no English field mixes in Chinese


def _fullwidth(text: str) -> str:
    table = {",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "%": "％", "!": "！", "?": "？"}
    table |= {str(d): chr(ord("０") + d) for d in range(10)}
    return "".join(table.get(c, c) for c in text)


def test_fullwidth_texts_give_the_same_answers():
    meta = yaml.safe_load(META.read_text(encoding="utf-8"))
    for path in sorted(_corpus().glob("*.txt")):
        m = {k: str(v) for k, v in meta[path.name].items()}
        text = path.read_text(encoding="utf-8")
        plain = predictions.entry(pipeline.extract(text, path.name, m))
        wide = predictions.entry(pipeline.extract(_fullwidth(text), path.name, m))
        key = lambda e: [(f["value"], f["unit"], f["region"], f["kind"], f["period"]) for f in e["figures"]]  # noqa: E731
        assert key(wide) == key(plain), path.name
        assert wide["regions"] == plain["regions"], path.name
        for fig in wide["figures"]:  # quotes are exact spans of the fullwidth text
            assert fig["quote"] in _fullwidth(text)
