"""The review logic without a browser: decisions, concurrent writers, edits, publish, a re-extracted draft."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
import yaml

from policykg.errors import ReviewConflict, ReviewError, ValidationFailed
from policykg.ingest.extract.run import extract_files
from policykg.ingest.review import decisions, session
from policykg.ingest.review.drafts import Drafts
from policykg.ingest.review.publish import publish
from policykg.ingest.review.suggest import suggest
from policykg.ingest.validate import validate_paths
from tests.cli import run_cli
from tests.review_util import TEXT, make_draft

TODAY = dt.date(2024, 6, 1)
FIVE_G = "targets/draft-jiangxi-tisu-t002"
CORE = "targets/draft-jiangxi-tisu-t001"
SOFTWARE = "observations/draft-jiangxi-tisu-o003"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return make_draft(tmp_path)[1]


def _accept_all(path: Path, by: str = "tester") -> None:
    for section, _ in session.open_review(path, with_source=False).sections():
        session.accept_rest(path, section, by)


def test_the_draft_opens_with_its_facts_quotes_located_and_nothing_decided(draft: Path):
    review = session.open_review(draft)
    ids = [f.id for f in review.facts]
    assert CORE in ids and FIVE_G in ids and SOFTWARE in ids
    assert {f.state for f in review.facts} == {"undecided"}
    core = review.by_id(CORE)
    assert core.text == "江西省 · 数字经济核心产业增加值 · ≥ 5000亿元 · 2026 · target"
    assert core.paragraph == 3  # ¶3 of the text as the extractor numbers it
    (par,) = [p for p in review.source.paragraphs if p.number == 3]
    assert "".join(piece for piece, ids in par.segments() if CORE in ids) == "数字经济核心产业增加值达到5000亿元"


def test_a_decision_is_saved_at_once_beside_the_draft_and_survives_a_reopen(draft: Path):
    session.decide(draft, FIVE_G, "rejected", 0, "tester")
    saved = json.loads(decisions.decisions_path(draft).read_text(encoding="utf-8"))
    assert saved["decisions"][FIVE_G]["state"] == "rejected" and saved["decisions"][FIVE_G]["rev"] == 1
    assert list(draft.parent.glob("*.tmp")) == []  # the atomic write left no temp file
    assert session.open_review(draft).by_id(FIVE_G).state == "rejected"


def test_a_second_writer_with_a_stale_revision_is_refused_and_shown_the_other_change(draft: Path):
    session.decide(draft, CORE, "accepted", 0, "first tab")
    with pytest.raises(ReviewConflict) as refused:
        session.decide(draft, CORE, "rejected", 0, "second tab")  # it had not seen the first tab's decision
    assert refused.value.current["state"] == "accepted" and refused.value.current["by"] == "first tab"
    assert "first tab" in str(refused.value)
    assert session.open_review(draft).by_id(CORE).state == "accepted"  # nothing overwritten
    session.decide(draft, CORE, "rejected", 1, "second tab")  # having seen it, the second may replace it
    assert session.open_review(draft).by_id(CORE).state == "rejected"


def test_writers_in_parallel_threads_lose_no_decision(draft: Path):
    ids = [f.id for f in session.open_review(draft, with_source=False).facts]
    threads = [threading.Thread(target=session.decide, args=(draft, fid, "accepted", 0, f"writer {n}"))
               for n, fid in enumerate(ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [f.state for f in session.open_review(draft, with_source=False).facts] == ["accepted"] * len(ids)


def test_an_edit_keeps_only_the_changed_field_and_a_wrong_value_is_refused_at_its_field(draft: Path):
    with pytest.raises(session.InvalidFact) as wrong:
        session.decide(draft, FIVE_G, "edited", 0, "tester", {"value": "many"})
    assert set(wrong.value.problems) == {"value"}
    entry = session.decide(draft, FIVE_G, "edited", 0, "tester", {"unit": "个", "value": 120000.0})
    assert entry["changes"] == {"unit": "个", "value": 120000.0}
    fact = session.open_review(draft).by_id(FIVE_G).fact
    assert (fact["unit"], fact["value"], fact["comparator"]) == ("个", 120000.0, ">")
    review = session.open_review(draft)
    assert session.check_fact(review, "targets", {**fact, "region": "火星省"}, FIVE_G)["region"].startswith(
        "unknown region")


def test_a_fact_whose_key_an_edit_changed_can_be_edited_again(draft: Path):
    # the reviewer gives a cited plan its shared key, then corrects another field of it
    entry = session.decide(draft, FIVE_G, "edited", 0, "tester", {"key": "shared-5g-target"})
    again = session.decide(draft, FIVE_G, "edited", entry["rev"], "tester", {"key": "shared-5g-target", "value": 9.0})
    assert again["changes"] == {"key": "shared-5g-target", "value": 9.0}
    assert session.open_review(draft).by_id(FIVE_G).fact["key"] == "shared-5g-target"
    with pytest.raises(session.InvalidFact) as taken:  # another fact's key is still refused
        session.decide(draft, FIVE_G, "edited", again["rev"], "tester", {"key": CORE.split("/", 1)[1]})
    assert set(taken.value.problems) == {"key"}


def test_publish_writes_a_reviewed_record_that_ingest_would_accept(draft: Path, tmp_path: Path):
    out = tmp_path / "documents"
    with pytest.raises(ReviewError, match="not decided"):
        publish(session.open_review(draft), out, "Li Ming", TODAY)
    session.decide(draft, SOFTWARE, "rejected", 0, "Li Ming")
    session.decide(draft, FIVE_G, "edited", 0, "Li Ming", {"unit": "个", "value": 120000.0})
    _accept_all(draft)
    done = publish(session.open_review(draft), out, "Li Ming", TODAY)
    assert done.path == out / "jiangxi-tisu.yaml"
    record = yaml.safe_load(done.path.read_text(encoding="utf-8"))
    doc = record["document"]
    assert doc["id"] == "jiangxi-tisu" and "draft" not in doc and "guessed" not in doc
    assert (doc["reviewed_by"], doc["reviewed_on"]) == ("Li Ming", TODAY)
    assert doc["source_path"].endswith("texts/jiangxi-tisu.txt") and len(doc["source_sha256"]) == 64
    keys = {f["key"] for f in record["observations"]}
    assert SOFTWARE.split("/")[1] not in keys  # rejected: gone
    five_g = next(t for t in record["targets"] if t["key"] == FIVE_G.split("/")[1])
    assert (five_g["value"], five_g["unit"]) == (120000.0, "个")
    assert not any("extracted" in f for section in record.values() if isinstance(section, list)
                   for f in section if isinstance(f, dict))
    (valid,) = validate_paths([done.path], TODAY, allow_drafts=False)
    assert valid.id == "jiangxi-tisu"
    assert [d.state for d in Drafts([draft.parent]).list()] == ["published"]


def test_publish_never_replaces_a_record_the_review_did_not_write(draft: Path, tmp_path: Path):
    out = tmp_path / "documents"
    out.mkdir()
    (out / "jiangxi-tisu.yaml").write_text("document: {id: hand-made}\n", encoding="utf-8")
    _accept_all(draft)
    with pytest.raises(ReviewError, match="was not published from this draft"):
        publish(session.open_review(draft), out, "Li Ming", TODAY)
    assert (out / "jiangxi-tisu.yaml").read_text(encoding="utf-8") == "document: {id: hand-made}\n"


def test_a_record_that_would_not_validate_is_not_written(draft: Path, tmp_path: Path):
    out = tmp_path / "documents"
    _accept_all(draft)
    session.decide(draft, "policies/pol-885693ca", "rejected", 1, "tester")  # its targets name it
    with pytest.raises(ValidationFailed, match="not defined in policies"):
        publish(session.open_review(draft), out, "Li Ming", TODAY)
    assert list(out.glob("*.yaml")) == [] and list(out.glob(".*")) == []


def test_a_re_extracted_draft_needs_decisions_only_for_new_or_changed_facts(tmp_path: Path):
    source, draft = make_draft(tmp_path)
    session.decide(draft, SOFTWARE, "rejected", 0, "tester")
    session.decide(draft, FIVE_G, "edited", 0, "tester", {"unit": "个", "value": 120000.0})
    _accept_all(draft)
    # the source changes: the core industries' target is raised, a new paragraph adds a figure
    changed = TEXT.replace("5000亿元", "5500亿元") + "到2026年，全省数据中心标准机架达到30万架。\n"
    source.write_text(changed, encoding="utf-8")
    extract_files([source], draft.parent)
    review = session.open_review(draft)
    undecided = sorted(f.text for f in review.facts if f.state == "undecided")
    assert any("5500亿元" in t for t in undecided) and any("30万架" in t for t in undecided)
    assert all("5500" in t or "30万架" in t or "indicator" in t for t in undecided), undecided
    kept = {f.id: f for f in review.facts if f.carried}
    assert kept[SOFTWARE].state == "rejected"
    assert (kept[FIVE_G].state, kept[FIVE_G].fact["unit"]) == ("edited", "个")


def test_a_selection_is_read_by_the_extractor_in_its_paragraph(draft: Path):
    review = session.open_review(draft)
    fact = suggest(review, "targets", "建成省级数字化车间300个", 7)
    assert (fact["value"], fact["unit"], fact["deadline"], fact["locator"]) == (300.0, "个", 2025, "¶7")
    assert fact["quote"] == "建成省级数字化车间300个" and fact["policy"] == "pol-885693ca"
    fid = session.add_fact(draft, "targets", {**fact, "name_en": "Provincial digital workshops"}, "tester")
    added = session.open_review(draft).by_id(fid)
    assert (added.state, added.drafted, added.paragraph) == ("accepted", None, 7)


def test_draft_names_cannot_leave_the_served_folders(draft: Path, tmp_path: Path):
    drafts = Drafts([draft.parent])
    assert drafts.resolve("0/jiangxi-tisu.yaml") == draft.resolve()
    (tmp_path / "secret.yaml").write_text("document: {}\n", encoding="utf-8")
    for name in ("0/../secret.yaml", "1/jiangxi-tisu.yaml", "0//etc/passwd", "0/%2e%2e/secret.yaml", "x/a.yaml",
                 "0/jiangxi-tisu.yaml.review.json"):
        with pytest.raises(ReviewError, match="no draft"):
            drafts.resolve(name)
    (draft.parent / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    with pytest.raises(ReviewError, match="no draft"):
        drafts.resolve("0/link.yaml")


def test_a_figure_the_rules_missed_is_prefilled_by_the_numeral_and_period_readers(draft: Path):
    review = session.open_review(draft)
    # the rules draft no target from it (a Chinese numeral)
    assert not any(f.section == "targets" and "二十" in (f.fact.get("quote") or "") for f in review.facts)
    fact = suggest(review, "targets", "培育省级工业互联网平台二十个", 8)
    assert (fact["value"], fact["unit"], fact["deadline"], fact["locator"]) == (20.0, "个", 2026, "¶8")


def test_the_source_is_read_by_the_extractor_s_readers_whatever_its_encoding(tmp_path: Path):
    texts = tmp_path / "texts"
    texts.mkdir()
    source = texts / "jiangxi-gbk.txt"
    source.write_bytes(TEXT.encode("gb18030"))
    (written,) = extract_files([source], tmp_path / "drafts")
    review = session.open_review(written.draft)
    assert review.source is not None, review.source_problem
    core = next(f for f in review.facts if f.id.startswith("targets/") and "5000" in f.text)
    assert core.paragraph == 3 and review.source.paragraphs[2].label == "¶3"


def test_a_later_version_of_a_draft_publishes_to_the_same_record(tmp_path: Path):
    assert session.reviewed_path(tmp_path / "plan.v2.yaml", tmp_path / "out") == tmp_path / "out" / "plan.yaml"
    assert session.reviewed_path(tmp_path / "plan.yaml", tmp_path / "out") == tmp_path / "out" / "plan.yaml"


def test_the_document_s_guessed_metadata_is_reviewed_on_its_own_card(draft: Path, tmp_path: Path):
    doc = "document/draft-jiangxi-tisu"
    review = session.open_review(draft)
    assert review.facts[0].id == doc and "guessed: title_en" in review.facts[0].text
    with pytest.raises(ReviewError, match="cannot be rejected"):
        session.decide(draft, doc, "rejected", 0, "tester")
    with pytest.raises(session.InvalidFact) as wrong:
        session.decide(draft, doc, "edited", 0, "tester", {"published": "2024-02-30"})
    assert set(wrong.value.problems) == {"published"}
    session.decide(draft, doc, "edited", 0, "tester",
                   {"title_en": "Jiangxi action plan to speed up the digital economy", "published": "2024-03-05"})
    _accept_all(draft)
    record = yaml.safe_load(publish(session.open_review(draft), tmp_path / "out", "Li Ming", TODAY).path.read_text(
        encoding="utf-8"))
    assert record["document"]["title_en"] == "Jiangxi action plan to speed up the digital economy"
    assert record["document"]["published"] == dt.date(2024, 3, 5)


def test_drafts_that_arrive_appear_newest_first_with_their_progress(draft: Path, tmp_path: Path):
    drafts = Drafts([draft.parent])
    assert [(d.name, d.state, d.decided) for d in drafts.list()] == [("0/jiangxi-tisu.yaml", "new", 0)]
    session.decide(draft, CORE, "accepted", 0, "tester")
    later = tmp_path / "texts" / "jiangxi-later.txt"
    later.write_text(TEXT.replace("5000亿元", "6000亿元"), encoding="utf-8")
    extract_files([later], draft.parent)  # as `extract --watch` would, while the review runs
    listed = drafts.list()
    assert [d.name for d in listed] == ["0/jiangxi-later.yaml", "0/jiangxi-tisu.yaml"]
    assert (listed[1].state, listed[1].decided) == ("in review", 1) and listed[1].total == listed[0].total


def test_the_command_refuses_a_folder_that_is_not_there(tmp_path: Path):
    result = run_cli("review", str(tmp_path / "nowhere"), "--no-browser")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'nowhere'}: no such folder of drafts"


def test_a_draft_without_a_publication_date_is_published_only_once_the_reviewer_gives_one(tmp_path: Path):
    undated = TEXT.replace("published: 2024-03-01\n", "")  # the text gives no date, its file name no year
    _source, path = make_draft(tmp_path, undated)
    doc = "document/draft-jiangxi-tisu"
    review = session.open_review(path)
    assert "published" not in review.facts[0].fact
    assert review.facts[0].problems == {"published": "the text gives no publication date: edit the document and "
                                                     "give published (YYYY-MM-DD)"}
    _accept_all(path)
    out = tmp_path / "out"
    with pytest.raises(ReviewError) as refused:
        publish(session.open_review(path), out, "Li Ming", TODAY)
    assert str(refused.value) == ("jiangxi-tisu.yaml: the text gives no publication date: edit the document and "
                                  "give published (YYYY-MM-DD), then publish again")
    assert not out.exists() or list(out.iterdir()) == []
    rev = session.open_review(path).facts[0].rev
    session.decide(path, doc, "edited", rev, "Li Ming", {"published": "2024-03-01"})
    assert session.open_review(path).facts[0].problems == {}
    record = yaml.safe_load(publish(session.open_review(path), out, "Li Ming", TODAY).path.read_text(encoding="utf-8"))
    assert record["document"]["published"] == dt.date(2024, 3, 1)
