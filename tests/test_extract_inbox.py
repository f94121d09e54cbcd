"""`policykg extract inbox/`: every supported file below a folder; up-to-date sources skipped; a draft a
reviewer has begun is never overwritten; a bad file is reported at the end (exit 1); --watch drafts new files."""

from __future__ import annotations

from pathlib import Path

import yaml

from policykg.ingest.extract.inbox import watch
from policykg.ingest.extract.run import extract_paths
from tests.cli import run_cli
from tests.document_fixtures import to_docx, to_html, to_pdf

LINES = ["2023年,江苏省数字经济核心产业增加值达到1.1万亿元,同比增长8.2%。",
         "到2025年,全省数字经济核心产业增加值占地区生产总值比重达到13%。"]


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    (inbox / "june").mkdir(parents=True)
    (inbox / "a.txt").write_text("\n".join(LINES), encoding="utf-8")
    (inbox / "june" / "b.html").write_bytes(to_html(LINES, "江苏省数字经济发展情况", "2024-03-05"))
    (inbox / "june" / "c.pdf").write_bytes(to_pdf(LINES))
    (inbox / "d.docx").write_bytes(to_docx(LINES))
    (inbox / "notes.yaml").write_text("not: a document\n", encoding="utf-8")  # not a supported kind: not read
    return inbox


def test_a_folder_is_drafted_and_a_bad_file_reported_at_the_end(tmp_path):
    inbox = _inbox(tmp_path)
    (inbox / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    out = tmp_path / "drafts"
    result = run_cli("extract", str(inbox), "--out", str(out), "--published", "2024-03-05")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.glob("*.yaml")) == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith(f"Error: {inbox / 'old.doc'}: old binary Word/WPS") and len(lines) == 5
    for name in "abcd":
        record = yaml.safe_load((out / f"{name}.yaml").read_text(encoding="utf-8"))
        assert [t["value"] for t in record["targets"]] == [13.0]
    pdf_draft = (out / "c.yaml").read_text(encoding="utf-8")
    assert "read as PDF, 1 pages" in pdf_draft and "locator: p.1 ¶1" in pdf_draft
    html_draft = yaml.safe_load((out / "b.yaml").read_text(encoding="utf-8"))
    assert html_draft["document"]["title_zh"] == "江苏省数字经济发展情况"


def test_a_second_run_skips_what_is_up_to_date(tmp_path):
    inbox = _inbox(tmp_path)
    out = tmp_path / "drafts"
    assert run_cli("extract", str(inbox), "--out", str(out), "--published", "2024-03-05").exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}
    again = run_cli("extract", str(inbox), "--out", str(out), "--published", "2024-03-05")
    assert again.exit_code == 0
    assert again.output.count("up to date") == 4 and "figures" not in again.output
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")} == before


def test_a_draft_a_reviewer_has_begun_is_never_overwritten(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text("\n".join(LINES), encoding="utf-8")
    out = tmp_path / "drafts"
    assert run_cli("extract", str(source), "--out", str(out), "--published", "2024-03-05").exit_code == 0
    draft = out / "plan.yaml"
    reviewed = draft.read_text(encoding="utf-8").replace("value: 13.0", "value: 13.5")
    draft.write_text(reviewed, encoding="utf-8")
    source.write_text("\n".join(LINES) + "\n2022年,全省软件业务收入增长12%。", encoding="utf-8")  # the source changes
    result = run_cli("extract", str(source), "--out", str(out), "--published", "2024-03-05")
    assert result.exit_code == 0, result.output
    assert draft.read_text(encoding="utf-8") == reviewed
    assert f"{out / 'plan.v2.yaml'}: a new version, written beside {draft}" in result.output
    assert "12.0" in (out / "plan.v2.yaml").read_text(encoding="utf-8")
    third = run_cli("extract", str(source), "--out", str(out), "--published", "2024-03-05")
    assert "up to date" in third.output and not (out / "plan.v3.yaml").exists()


def test_an_unreviewed_draft_is_replaced_when_its_source_changes(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text(LINES[0], encoding="utf-8")
    out = tmp_path / "drafts"
    run_cli("extract", str(source), "--out", str(out), "--published", "2024-03-05")
    source.write_text("\n".join(LINES), encoding="utf-8")
    result = run_cli("extract", str(source), "--out", str(out), "--published", "2024-03-05")
    assert result.exit_code == 0 and "beside" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["plan.yaml"]
    assert "value: 13.0" in (out / "plan.yaml").read_text(encoding="utf-8")


def test_watch_turns_each_new_file_into_a_draft(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "drafts"
    inbox.mkdir()
    (inbox / "first.txt").write_text(LINES[0], encoding="utf-8")
    logged: list[str] = []

    def run_once() -> str:
        outcome = extract_paths([inbox], out, overrides={"published": "2024-03-05"})
        return f"{len(outcome.written)} drafted, {len(outcome.skipped)} up to date, {len(outcome.problems)} unreadable"

    def arrive(_seconds: float) -> None:  # between runs, a new file lands in the inbox (and a bad one)
        (inbox / "second.html").write_bytes(to_html(LINES, "新文件", "2024-03-06"))
        (inbox / "broken.pdf").write_bytes(b"%PDF-1.4 not really")

    assert watch(run_once, 60, runs=2, log=logged.append, sleep=arrive) == 2
    assert [line.split(" extract: ")[1] for line in logged] == [
        "1 drafted, 0 up to date, 0 unreadable", "1 drafted, 1 up to date, 1 unreadable"]
    assert sorted(p.name for p in out.glob("*.yaml")) == ["first.yaml", "second.yaml"]


def test_watch_from_the_command_line_runs_on_schedule(tmp_path):
    inbox = _inbox(tmp_path)
    result = run_cli("extract", str(inbox), "--out", str(tmp_path / "drafts"), "--watch", "--interval", "0.01s",
                     "--runs", "2", "--published", "2024-03-05")
    assert result.exit_code == 0, result.output
    summaries = [line.split(" extract: ")[1] for line in result.output.splitlines() if " extract: " in line]
    assert summaries == ["4 drafted, 0 up to date, 0 unreadable", "0 drafted, 4 up to date, 0 unreadable"]
