"""Every `policykg …` line in the README's code blocks runs against the demo corpus without an error.

The demo corpus here is what the README loads: data/documents, the strategy
cascade's records included.

So the README and the commands cannot disagree again (a filter the README
names that a query does not take, a renamed flag). The lines are run in a
scratch folder that sees the repository's data/, so what they write (a
picture, an export) lands there. Not run, because they are not answers to
read but long-running or machine-changing steps, each tested on its own:
starting and stopping a server, the Browser, watching, extracting and
reviewing (see NOT_RUN).
"""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

from tests.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
#: Commands whose lines are not run here, and where they are tested.
NOT_RUN = {
    ("server", "start"): "tests/test_local_server.py", ("server", "stop"): "tests/test_local_server.py",
    ("browser",): "tests/test_browser.py", ("extract",): "tests/test_extract_*.py", ("review",): "tests/test_review*.py",
}
_COMMAND = re.compile(r"^\s*(?:\$\s+)?policykg\s+(?P<args>.*)$")


def readme_commands() -> list[list[str]]:
    """The arguments of every `policykg` line in a fenced code block, comments dropped."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M):
        for line in block.splitlines():
            match = _COMMAND.match(line)
            if match:
                commands.append(shlex.split(match.group("args"), comments=True))
    return commands


def _not_run(args: list[str]) -> bool:
    return any(tuple(args[:len(key)]) == key for key in NOT_RUN) or "--watch" in args


def test_the_readme_has_examples_of_every_command():
    commands = readme_commands()
    assert len(commands) > 30
    assert {args[0] for args in commands} >= {"status", "schema", "validate", "ingest", "changes", "query", "search",
                                              "cypher", "export", "analyze"}
    assert [args for args in commands if _not_run(args)]  # the exclusions match README lines


def test_every_readme_example_runs_on_the_demo_corpus(demo_graph, neo4j_under_test, tmp_path):
    from policykg.ingest.pipeline import ingest_paths

    ingest_paths(demo_graph, [ROOT / "data" / "documents"])  # as the README says to
    (tmp_path / "data").symlink_to(ROOT / "data")
    (tmp_path / "graph").mkdir()  # `export --format csv --out graph/` writes into a folder that exists
    env = {**neo4j_under_test.env, "COLUMNS": "80"}
    failures, ran = [], 0
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for args in readme_commands():
            if _not_run(args):
                continue
            result = run_cli(*args, env=env)
            ran += 1
            if result.exit_code != 0:
                failures.append(f"policykg {shlex.join(args)}: {result.output.strip()[-300:]}")
    finally:
        os.chdir(here)
    assert failures == []
    assert ran >= 25
    assert (tmp_path / "matrix.png").stat().st_size > 10_000 and (tmp_path / "graph" / "nodes.csv").exists()


def test_targets_due_by_takes_the_filters_the_readme_names(demo_graph, neo4j_under_test):
    result = run_cli("query", "run", "targets-due-by", "-p", "years=2026-2027", "-p", "kind=share", "-f", "json",
                     env=neo4j_under_test.env)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    # the share targets of 2026 and 2027: Anhui's and Sichuan's two stated against the national average,
    # Guangdong's 16%, Chongqing's 50% and Zhongwei's about 40%
    assert [(r["deadline"], r["region_zh"], r["indicator"]) for r in rows] == [
        (2026, "安徽省", "cn-core-digital-industries-va-share-gdp"),
        (2027, "广东省", "cn-core-digital-industries-va-share-gdp"),
        (2027, "重庆市", "cn-digital-economy-va-share-gdp"),
        (2027, "四川省", "cn-core-digital-industries-va-share-gdp"),
        (2027, "四川省", "cn-digital-economy-va-share-gdp"),
        (2027, "中卫市", "cn-digital-economy-va-share-gdp")]
