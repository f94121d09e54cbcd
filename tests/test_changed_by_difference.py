"""A changed document is written by difference: only what it now says differently is rewritten.

The graph after the change must equal a clean ingest of the new files (facts,
statements, links with their sources, the region × theme summary), and the
run must not delete and recreate what the document still says.
"""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.pipeline import ingest_paths
from tests.conftest import wipe
from tests.test_reingest import snapshot

SEED = (Path(__file__).parent / "data" / "shenzhen.yaml").read_text(encoding="utf-8")
#: A later document that states the seed's organization and indicator (the same values).
SECOND = SEED[: SEED.index("policies:")].replace("id: test-shenzhen-brief", "id: test-shenzhen-second").replace(
    "published: 2021-11-09", "published: 2022-01-05")

EDITS = [
    ("    value: 8446.6\n", "    value: 8500.5\n"),  # a figure
    ("    themes: [cross-border-data-flows]\n", "    themes: [data-governance]\n"),  # a link
    ("    deadline: 2025\n    themes: [digital-economy]\n    locator: \"¶2\"\n",
     "    deadline: 2025\n    themes: [digital-economy]\n    locator: \"¶5\"\n"),  # where a target is said
    ("    unit: 亿元\n    locator: \"¶1\"\n", "    locator: \"¶1\"\n"),  # a shared fact said with less
    ("""projects:
  - key: test-sz-projects
    name_zh: 示范项目
    name_en: Demonstration projects
    kind: demonstration
    region: "440300"
    policy: test-sz-support-plan
    count: 12
    locator: "¶2"
""", ""),  # a fact no longer said
    ("measures:\n", """measures:
  - key: test-sz-new-measure
    name_zh: 数据交易试点
    name_en: Pilot data trading
    region: 深圳
    policy: test-sz-support-plan
    themes: [data-factor]
    locator: "¶6"
"""),  # a new fact
]


def _edited() -> str:
    text = SEED
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_a_changed_document_rewrites_only_what_changed_and_ends_as_a_clean_ingest(graph, tmp_path):
    (tmp_path / "second.yaml").write_text(SECOND, encoding="utf-8")
    (tmp_path / "seed.yaml").write_text(SEED, encoding="utf-8")
    ingest_paths(graph, [tmp_path])
    (tmp_path / "seed.yaml").write_text(_edited(), encoding="utf-8")
    report = ingest_paths(graph, [tmp_path])
    assert report.changed == ["test-shenzhen-brief"]
    # one fact came (the measure) and one went (the project); nothing the document still says was recreated
    assert (report.counts["nodes_created"], report.counts["nodes_deleted"]) == (1, 1)
    assert sorted((c["change"], c["key"], c.get("field"), c.get("old"), c.get("new")) for c in report.changes) == [
        ("added", "test-sz-new-measure", None, None, None),
        ("changed", "test-sz-core-digital-va-2020", "value", 8446.6, 8500.5),
        ("changed", "test-sz-pilot-zone-goal", "locator", "¶2", "¶5"),
        ("removed", "test-sz-projects", None, None, None)]
    changed = snapshot(graph)

    wipe(graph)
    ingest_paths(graph, [tmp_path])
    assert changed == snapshot(graph)
